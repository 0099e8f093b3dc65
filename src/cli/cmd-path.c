/* ties path A B [--max-hops N] [--type T]... [--min-confidence N] [--all] [--json]. */
#include "kb.h"

int cmd_path(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("path", argc, argv, "max-hops type min-confidence all", 2, 2, &a);
	if (rc || (rc = kb_open(a.db, TIES_STORE_READONLY, &s)))
		return rc;
	ties_buf out;
	ties_error err;
	ties_buf_init(&out, 0);
	ties_code c = ties_query_path(s, a.pos[0], a.pos[1], &a.q, &out, &err);
	ties_store_close(s);
	return kb_finish(&out, c, &err);
}
