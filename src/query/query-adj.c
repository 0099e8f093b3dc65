/* Adjacency over the claim table: the covering indexes claim_src and
 * claim_dst answer an expansion without touching the table itself. */
#include <string.h>

#include "store/store_int.h"

static int type_ok(const ties__linkf *f, const unsigned char *type)
{
	if (!f || !f->ntypes)
		return 1;
	for (size_t i = 0; i < f->ntypes; i++)
		if (!strcmp(f->types[i], (const char *)type))
			return 1;
	return 0;
}

ties_code ties__expand(ties_store *s, int64_t id, const ties__linkf *f, ties_vec *out,
                       ties_error *err)
{
	for (int dir = 0; dir < 2; dir++) {
		sqlite3_stmt *st = ties__stmt(s, dir ? ST_ADJ_IN : ST_ADJ_OUT, err);
		if (!st)
			return err->code;
		sqlite3_bind_int64(st, 1, id);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int conf = sqlite3_column_int(st, 2);
			if (f && conf < f->min_confidence)
				continue;
			if (!type_ok(f, sqlite3_column_text(st, 1)))
				continue;
			ties__adj *a = ties__vec_push(out);
			if (!a) {
				sqlite3_reset(st);
				return ties__error(err, TIES_ERR_NOMEM, "out of memory");
			}
			a->other = sqlite3_column_int64(st, 0);
			a->claim = sqlite3_column_int64(st, 3);
			a->confidence = conf;
			a->out = !dir;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	return TIES_OK;
}

ties_code ties__bfs(ties_store *s, int64_t start, unsigned depth, const ties__linkf *f,
                    size_t max_nodes, ties_vec *ids, ties_vec *dists, ties_vec *parents,
                    ties_error *err)
{
	ties__idmap seen = {0};
	ties_vec adj;
	ties__vec_init(&adj, sizeof(ties__adj));
	ties_code code = TIES_OK;
	int64_t *p = ties__vec_push(ids);
	unsigned *d = ties__vec_push(dists);
	if (!p || !d || ties__idmap_put(&seen, start, 0)) {
		code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		goto out;
	}
	*p = start;
	*d = 0;
	if (parents) {
		int64_t *pp = ties__vec_push(parents);
		if (!pp) {
			code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			goto out;
		}
		*pp = 0;
	}
	for (size_t head = 0; head < ids->len && !code; head++) {
		unsigned dist = TIES_VEC_AT(dists, unsigned, head);
		if (dist >= depth)
			break;
		adj.len = 0;
		if ((code = ties__expand(s, TIES_VEC_AT(ids, int64_t, head), f, &adj, err)))
			break;
		for (size_t i = 0; i < adj.len; i++) {
			int64_t o = TIES_VEC_AT(&adj, ties__adj, i).other;
			if (ties__idmap_get(&seen, o))
				continue;
			if (max_nodes && ids->len >= max_nodes) {
				code = ties__error(
				    err, TIES_ERR_LIMIT,
				    "more than %zu entities within %u links; narrow the query",
				    max_nodes, depth);
				break;
			}
			p = ties__vec_push(ids);
			d = ties__vec_push(dists);
			if (!p || !d || ties__idmap_put(&seen, o, ids->len - 1)) {
				code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
				break;
			}
			*p = o;
			*d = dist + 1;
			if (parents) {
				int64_t *pp = ties__vec_push(parents);
				if (!pp) {
					code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
					break;
				}
				*pp = TIES_VEC_AT(ids, int64_t, head);
			}
		}
	}
out:
	ties__vec_release(&adj);
	ties__idmap_release(&seen);
	return code;
}
