/* ties docs [--json]: the documents in the knowledge base. */
#include "kb.h"

int cmd_docs(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("docs", argc, argv, "", 0, 0, &a);
	if (rc || (rc = kb_open(a.db, TIES_STORE_READONLY, &s)))
		return rc;
	ties_buf out;
	ties_error err;
	ties_buf_init(&out, 0);
	ties_code c = ties_query_docs(s, &a.q, &out, &err);
	ties_store_close(s);
	return kb_finish(&out, c, &err);
}
