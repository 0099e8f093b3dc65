/* ties merge A B: analyst correction, A and B are one entity. */
#include "kb.h"

int cmd_merge(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("merge", argc, argv, "", 2, 2, &a);
	if (rc || (rc = kb_open(a.db, 0, &s)))
		return rc;
	ties_error err;
	ties_code c = ties_store_merge(s, a.pos[0], a.pos[1], &err);
	ties_store_close(s);
	if (c)
		return cli_error(&err);
	ties_buf out;
	ties_buf_init(&out, 0);
	c = ties_buf_printf(&out, "merged '%s' into '%s'\n", a.pos[1], a.pos[0]);
	return kb_finish(&out, c, &(ties_error){c, "out of memory"});
}
