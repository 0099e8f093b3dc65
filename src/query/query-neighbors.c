/* ties neighbors ENTITY: entities within --depth links, nearest first, each
 * with the entity it is reached through and the relation types between them. */
#include <string.h>

#include "query_int.h"

#define NEIGHBORS_MAX 200000

/* The relation types between via and node; st is the statement below. */
static const char *const relations_sql =
    "SELECT type, src = ?1, count(*) FROM claim"
    " WHERE ((src = ?1 AND dst = ?2) OR (src = ?2 AND dst = ?1)) AND rejected = 0"
    " AND negated = 0 AND confidence >= ?3 GROUP BY 1, 2 ORDER BY 1, 2 DESC";

static ties_code relations(sqlite3_stmt *st, const ties_query_opts *q, int64_t via, int64_t node,
                           ties_buf *out, ties_error *err)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, via);
	sqlite3_bind_int64(st, 2, node);
	sqlite3_bind_int(st, 3, q->min_confidence);
	int n = 0;
	ties_code k = TIES_OK;
	while (!k && sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		int ok = !q->ntypes;
		for (size_t i = 0; i < q->ntypes && !ok; i++)
			ok = !strcmp(q->types[i], type);
		if (!ok)
			continue;
		int outgoing = sqlite3_column_int(st, 1);
		long long count = sqlite3_column_int64(st, 2);
		if (q->json) {
			k = ties_buf_adds(out, n ? ",{\"type\":" : "{\"type\":");
			k = k ? k : ties__json_cstr(out, type);
			k = k ? k
			      : ties_buf_printf(out, ",\"direction\":\"%s\",\"count\":%lld}",
			                        outgoing ? "out" : "in", count);
		} else {
			k = n ? ties_buf_adds(out, ", ") : TIES_OK;
			k = k ? k : ties_buf_adds(out, outgoing ? "" : "<-");
			k = k ? k : ties__oneline(out, type, 40);
			k = k ? k : ties_buf_adds(out, outgoing ? "->" : "");
			if (!k && count > 1)
				k = ties_buf_printf(out, " x%lld", count);
		}
		n++;
	}
	sqlite3_reset(st);
	return k ? ties__oom(err) : TIES_OK;
}

ties_code ties_store_neighbor_count(ties_store *s, int64_t entity, const ties_query_opts *o,
                                    size_t *count, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties__linkf f = ties__qlinkf(&q);
	ties_vec ids, dists;
	ties__vec_init(&ids, sizeof(int64_t));
	ties__vec_init(&dists, sizeof(unsigned));
	ties_code code = ties__bfs(s, entity, q.depth, &f, NEIGHBORS_MAX, &ids, &dists, NULL, err);
	*count = ids.len ? ids.len - 1 : 0;
	ties__vec_release(&ids);
	ties__vec_release(&dists);
	return code;
}

ties_code ties_query_neighbors(ties_store *s, const char *entity, const ties_query_opts *o,
                               ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties__linkf f = ties__qlinkf(&q);
	int64_t id;
	ties__ent e;
	ties_code code = ties__lookup_entity(s, entity, &id, err);
	if (code || (code = ties__ent_get(s, id, &e, err)))
		return code;
	ties_vec ids, dists, parents;
	ties__vec_init(&ids, sizeof(int64_t));
	ties__vec_init(&dists, sizeof(unsigned));
	ties__vec_init(&parents, sizeof(int64_t));
	int snap = ties__read_begin(s);
	sqlite3_stmt *rel = NULL;
	code = ties__prepare(s, relations_sql, &rel, err);
	if (!code)
		code = ties__bfs(s, id, q.depth, &f, NEIGHBORS_MAX, &ids, &dists, &parents, err);
	ties_code k = TIES_OK;
	if (!code) {
		if (q.json) {
			k = ties_buf_adds(out, "{\"entity\":");
			k = k ? k : ties__ent_json(out, &e);
			k = k ? k : ties_buf_printf(out, ",\"depth\":%u,\"neighbors\":[", q.depth);
		} else {
			k = ties_buf_adds(out, "neighbors of ");
			k = k ? k : ties__oneline(out, e.name, 80);
			k = k ? k
			      : ties_buf_printf(out, " (#%lld) within %u link%s: %zu\n",
			                        (long long)id, q.depth, q.depth == 1 ? "" : "s",
			                        ids.len - 1);
			if (!k && ids.len > 1)
				k = ties_buf_adds(
				    out, "dist  entity                          type          "
				         "via                       relations\n");
		}
	}
	for (size_t i = 1; !k && !code && i < ids.len; i++) {
		ties__ent n, via;
		int64_t pid = TIES_VEC_AT(&parents, int64_t, i);
		if ((code = ties__ent_get(s, TIES_VEC_AT(&ids, int64_t, i), &n, err)) ||
		    (code = ties__ent_get(s, pid, &via, err)))
			break;
		unsigned dist = TIES_VEC_AT(&dists, unsigned, i);
		if (q.json) {
			k = i > 1 ? ties_buf_addc(out, ',') : TIES_OK;
			k = k ? k : ties_buf_printf(out, "{\"id\":%lld,\"name\":", (long long)n.id);
			k = k ? k : ties__json_cstr(out, n.name);
			k = k ? k : ties_buf_adds(out, ",\"type\":");
			k = k ? k : ties__json_cstr(out, n.type);
			k = k ? k : ties_buf_printf(out, ",\"distance\":%u,\"via\":", dist);
			k = k ? k : ties__ent_json(out, &via);
			k = k ? k : ties_buf_adds(out, ",\"relations\":[");
			if (!k)
				code = relations(rel, &q, pid, n.id, out, err);
			k = k || code ? k : ties_buf_adds(out, "]}");
		} else {
			k = ties_buf_printf(out, "%-6u", dist);
			k = k ? k : ties__pad(out, n.name, 31);
			k = k ? k : ties_buf_addc(out, ' ');
			k = k ? k : ties__pad(out, n.type, 13);
			k = k ? k : ties_buf_addc(out, ' ');
			k = k ? k : ties__pad(out, via.name, 25);
			k = k ? k : ties_buf_addc(out, ' ');
			if (!k)
				code = relations(rel, &q, pid, n.id, out, err);
			k = k || code ? k : ties_buf_addc(out, '\n');
		}
	}
	if (!k && !code && q.json)
		k = ties_buf_adds(out, "]}\n");
	sqlite3_finalize(rel);
	ties__read_end(s, snap);
	ties__vec_release(&ids);
	ties__vec_release(&dists);
	ties__vec_release(&parents);
	return code ? code : k ? ties__oom(err) : TIES_OK;
}
