/* ties rename ENTITY NAME: analyst correction, the canonical name. */
#include "kb.h"

int cmd_rename(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("rename", argc, argv, "", 2, 2, &a);
	if (rc || (rc = kb_open(a.db, 0, &s)))
		return rc;
	ties_error err;
	ties_code c = ties_store_rename(s, a.pos[0], a.pos[1], &err);
	ties_store_close(s);
	if (c)
		return cli_error(&err);
	ties_buf out;
	ties_buf_init(&out, 0);
	c = ties_buf_printf(&out, "renamed '%s' to '%s'\n", a.pos[0], a.pos[1]);
	return kb_finish(&out, c, &(ties_error){c, "out of memory"});
}
