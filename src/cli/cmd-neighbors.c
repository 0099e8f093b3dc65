/* ties neighbors ENTITY [--depth N] [--type T]... [--min-confidence N] [--json]. */
#include "kb.h"

int cmd_neighbors(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("neighbors", argc, argv, "depth type min-confidence", 1, 1, &a);
	if (rc || (rc = kb_open(a.db, TIES_STORE_READONLY, &s)))
		return rc;
	ties_buf out;
	ties_error err;
	ties_buf_init(&out, 0);
	ties_code c = ties_query_neighbors(s, a.pos[0], &a.q, &out, &err);
	ties_store_close(s);
	return kb_finish(&out, c, &err);
}
