/* ties timeline [ENTITY]: dated relations in date order ("2008" before
 * "2008-03": ISO prefixes sort as text), each with its evidence. */
#include <string.h>

#include "query_int.h"

#define TIMELINE_MAX 10000

ties_code ties_query_timeline(ties_store *s, const char *entity, const ties_query_opts *o,
                              ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	int64_t id = 0;
	ties__ent e = {0};
	ties_code code = TIES_OK;
	if (entity && ((code = ties__lookup_entity(s, entity, &id, err)) ||
	               (code = ties__ent_get(s, id, &e, err))))
		return code;
	sqlite3_stmt *st;
	if ((code = ties__prepare(
	         s,
	         "SELECT " TIES__CLAIM_COLS " FROM claim c JOIN document d ON d.id = c.doc"
	         " WHERE c.date IS NOT NULL AND c.rejected = 0 AND c.confidence >= ?2"
	         " AND (?1 = 0 OR c.src = ?1 OR c.dst = ?1)"
	         " ORDER BY c.date, c.id LIMIT ?3",
	         &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, q.min_confidence);
	sqlite3_bind_int(st, 3, TIMELINE_MAX);
	ties_code k = TIES_OK;
	if (q.json) {
		k = ties_buf_adds(out, "{\"entity\":");
		k = k ? k : entity ? ties__ent_json(out, &e) : ties_buf_adds(out, "null");
		k = k ? k : ties_buf_adds(out, ",\"events\":[");
	}
	int n = 0, rc;
	ties__claim c;
	while (!k && !code && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ties__claim_row(st, &c);
		int ok = !q.ntypes;
		for (size_t i = 0; i < q.ntypes && !ok; i++)
			ok = !strcmp(q.types[i], c.type);
		if (!ok)
			continue;
		ties__ent src, dst;
		if ((code = ties__ent_get(s, c.src, &src, err)) ||
		    (code = ties__ent_get(s, c.dst, &dst, err)))
			break;
		if (q.json) {
			k = n ? ties_buf_addc(out, ',') : TIES_OK;
			if (!k)
				code = ties__claim_json(s, out, &c, &src, &dst, err);
		} else {
			k = ties__pad(out, c.date, 11);
			k = k ? k : ties__oneline(out, src.name, 80);
			k = k ? k
			      : ties_buf_printf(out, " -%s%s-> ", c.negated ? "NOT " : "", c.type);
			k = k ? k : ties__oneline(out, dst.name, 80);
			k = k ? k : ties_buf_addc(out, '\n');
			if (!k)
				code = ties__claim_text(s, out, &c, err);
		}
		n++;
	}
	if (!k && !code && rc != SQLITE_DONE && rc != SQLITE_ROW)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	if (!k && !code)
		k = q.json ? ties_buf_adds(out, "]}\n")
		    : n    ? TIES_OK
		           : ties_buf_adds(out, "no dated relations\n");
	return code ? code : k ? ties__oom(err) : TIES_OK;
}
