/* ties reject RELATION: analyst correction, a relation (by id) is wrong. */
#include <errno.h>
#include <stdlib.h>

#include "kb.h"

int cmd_reject(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("reject", argc, argv, "", 1, 1, &a);
	if (rc)
		return rc;
	const char *p = a.pos[0][0] == '#' ? a.pos[0] + 1 : a.pos[0];
	char *end;
	errno = 0;
	long long id = strtoll(p, &end, 10);
	if (errno || end == p || *end || id <= 0)
		return cli_fail(TIES_ERR_USAGE,
		                "reject: '%s' is not a relation id (a number, as "
		                "'ties show' prints it)",
		                a.pos[0]);
	if ((rc = kb_open(a.db, 0, &s)))
		return rc;
	ties_error err;
	ties_code c = ties_store_reject(s, id, &err);
	ties_store_close(s);
	if (c)
		return cli_error(&err);
	ties_buf out;
	ties_buf_init(&out, 0);
	c = ties_buf_printf(&out, "rejected relation #%lld\n", id);
	return kb_finish(&out, c, &(ties_error){c, "out of memory"});
}
