/* ties search TEXT... [--limit N] [--json]: full-text search over sentences. */
#include "kb.h"

int cmd_search(int argc, char **argv)
{
	kb_args a;
	ties_store *s;
	int rc = kb_parse("search", argc, argv, "limit", 1, 8, &a);
	if (rc)
		return rc;
	ties_buf text, out;
	ties_buf_init(&text, 1 << 16);
	for (int i = 0; i < a.npos; i++)
		if ((i && ties_buf_addc(&text, ' ')) || ties_buf_adds(&text, a.pos[i])) {
			ties_buf_release(&text);
			return cli_fail(TIES_ERR_LIMIT, "search: text too long");
		}
	if ((rc = kb_open(a.db, TIES_STORE_READONLY, &s))) {
		ties_buf_release(&text);
		return rc;
	}
	ties_error err;
	ties_buf_init(&out, 0);
	ties_code c = ties_query_search(s, text.data, &a.q, &out, &err);
	ties_store_close(s);
	ties_buf_release(&text);
	return kb_finish(&out, c, &err);
}
