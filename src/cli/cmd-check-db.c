/* ties check-db: integrity of the knowledge base.  Prints "ok" and counts,
 * or one line per problem and exits with TIES_ERR_DB. */
#include "kb.h"

int cmd_check_db(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("check-db", argc, argv, "", 0, 0, &a);
	if (rc)
		return rc;
	const char *db = a.db ? a.db : ties_store_default_path();
	ties_error err;
	ties_code c = ties_store_open(db, 0, &s, &err);
	if (c == TIES_ERR_READONLY)
		c = ties_store_open(db, TIES_STORE_READONLY, &s, &err);
	if (c)
		return cli_error(&err);
	ties_buf out;
	size_t problems = 0;
	ties_buf_init(&out, 0);
	c = ties_store_check(s, &out, &problems, &err);
	if (!c && !problems) {
		ties_query_opts q = {0};
		c = ties_buf_adds(&out, "ok\n") ? TIES_ERR_NOMEM
		                                : ties_query_stats(s, &q, &out, &err);
	}
	ties_store_close(s);
	if (c)
		return kb_finish(&out, c, &err);
	rc = cli_write(&out);
	ties_buf_release(&out);
	if (rc)
		return rc;
	if (problems)
		return cli_fail(TIES_ERR_DB, "'%s': %zu integrity problem%s", db, problems,
		                problems == 1 ? "" : "s");
	return 0;
}
