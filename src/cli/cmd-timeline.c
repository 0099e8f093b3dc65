/* ties timeline [ENTITY] [--type T]... [--min-confidence N] [--json]. */
#include "kb.h"

int cmd_timeline(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("timeline", argc, argv, "type min-confidence", 0, 1, &a);
	if (rc || (rc = kb_open(a.db, TIES_STORE_READONLY, &s)))
		return rc;
	ties_buf out;
	ties_error err;
	ties_buf_init(&out, 0);
	ties_code c = ties_query_timeline(s, a.npos ? a.pos[0] : NULL, &a.q, &out, &err);
	ties_store_close(s);
	return kb_finish(&out, c, &err);
}
