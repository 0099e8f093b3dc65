/* ties path A B: shortest link chains between two entities, found by a
 * bidirectional breadth-first search over the claim adjacency (always
 * growing the smaller frontier), each hop then shown with its best evidence:
 * the most confident claim between the two, either direction. */
#include <string.h>

#include "query_int.h"

/* Visited-node budget: a search that would pass it stops with a limit error
 * instead of walking the whole base. */
#define PATH_MAX_VISIT 4000000

typedef struct pnode {
	int64_t id;
	unsigned dist;
	size_t parents; /* head of the parent list: index + 1 into links, 0 none */
} pnode;

typedef struct plink {
	size_t node; /* a parent, index into the same side's nodes */
	size_t next;
} plink;

typedef struct side {
	ties__idmap map; /* id -> index into nodes */
	ties_vec nodes;  /* pnode */
	size_t lo, hi;   /* current frontier: nodes[lo, hi) */
	unsigned level;
} side;

typedef struct search {
	side s[2];
	ties_vec links; /* plink */
	ties_vec meets; /* size_t: indexes into s[0].nodes on a shortest path */
	unsigned dist;
} search;

static void search_release(search *x)
{
	for (int i = 0; i < 2; i++) {
		ties__idmap_release(&x->s[i].map);
		ties__vec_release(&x->s[i].nodes);
	}
	ties__vec_release(&x->links);
	ties__vec_release(&x->meets);
}

static int add_parent(search *x, side *sd, size_t node, size_t parent)
{
	plink *l = ties__vec_push(&x->links);
	if (!l)
		return -1;
	pnode *n = &TIES_VEC_AT(&sd->nodes, pnode, node);
	l->node = parent;
	l->next = n->parents;
	n->parents = x->links.len;
	return 0;
}

static int add_node(side *sd, int64_t id, unsigned dist, size_t *idx)
{
	pnode *n = ties__vec_push(&sd->nodes);
	if (!n || ties__idmap_put(&sd->map, id, sd->nodes.len - 1))
		return -1;
	n->id = id;
	n->dist = dist;
	*idx = sd->nodes.len - 1;
	return 0;
}

/* Fills x->meets (nodes of side 0 where shortest paths cross) and x->dist;
 * meets stays empty when no path within max_hops. */
static ties_code run_search(ties_store *st, int64_t a, int64_t b, const ties__linkf *f,
                            unsigned max_hops, search *x, ties_error *err)
{
	for (int i = 0; i < 2; i++)
		ties__vec_init(&x->s[i].nodes, sizeof(pnode));
	ties__vec_init(&x->links, sizeof(plink));
	ties__vec_init(&x->meets, sizeof(size_t));
	size_t ia, ib;
	if (add_node(&x->s[0], a, 0, &ia) || add_node(&x->s[1], b, 0, &ib))
		return ties__oom(err);
	x->s[0].hi = x->s[1].hi = 1;
	if (a == b) {
		size_t *m = ties__vec_push(&x->meets);
		if (!m)
			return ties__oom(err);
		*m = 0;
		return TIES_OK;
	}
	ties_vec adj;
	ties__vec_init(&adj, sizeof(ties__adj));
	ties_code code = TIES_OK;
	unsigned best = (unsigned)-1;
	while (!code && x->s[0].level + x->s[1].level < max_hops) {
		side *s0 = &x->s[0], *s1 = &x->s[1];
		if (s0->lo == s0->hi || s1->lo == s1->hi)
			break;
		int k = (s1->hi - s1->lo) < (s0->hi - s0->lo);
		side *me = &x->s[k], *other = &x->s[!k];
		size_t end = me->hi;
		for (size_t u = me->lo; u < end && !code; u++) {
			adj.len = 0;
			if ((code = ties__expand(st, TIES_VEC_AT(&me->nodes, pnode, u).id, f, &adj,
			                         err)))
				break;
			for (size_t j = 0; j < adj.len && !code; j++) {
				int64_t v = TIES_VEC_AT(&adj, ties__adj, j).other;
				size_t *have = ties__idmap_get(&me->map, v), vi;
				if (have) {
					/* another parent of a node found on this same level */
					if (TIES_VEC_AT(&me->nodes, pnode, *have).dist ==
					        me->level + 1 &&
					    add_parent(x, me, *have, u))
						code = ties__oom(err);
					continue;
				}
				if (me->nodes.len + other->nodes.len >= PATH_MAX_VISIT) {
					code = ties__error(
					    err, TIES_ERR_LIMIT,
					    "path search passed %d entities; lower --max-hops "
					    "or filter by --type",
					    PATH_MAX_VISIT);
					break;
				}
				if (add_node(me, v, me->level + 1, &vi) ||
				    add_parent(x, me, vi, u)) {
					code = ties__oom(err);
					break;
				}
				size_t *o = ties__idmap_get(&other->map, v);
				if (o) {
					unsigned d = me->level + 1 +
					             TIES_VEC_AT(&other->nodes, pnode, *o).dist;
					if (d < best)
						best = d, x->meets.len = 0;
					if (d == best) {
						size_t *m = ties__vec_push(&x->meets);
						if (!m)
							code = ties__oom(err);
						else
							*m = k == 0 ? vi : *o;
					}
				}
			}
		}
		me->lo = end;
		me->hi = me->nodes.len;
		me->level++;
		if (x->meets.len)
			break;
	}
	ties__vec_release(&adj);
	x->dist = best;
	return code;
}

/* Paths through side sd from node i back to the side's root, as id lists
 * root-first (rev = 0) or root-last (rev = 1), appended to out as
 * [n, id...] records; at most cap records. */
static int collect(search *x, side *sd, size_t i, int64_t *stack, size_t depth, int rev,
                   ties_vec *out, size_t *count, size_t cap)
{
	if (*count >= cap)
		return 0;
	pnode *n = &TIES_VEC_AT(&sd->nodes, pnode, i);
	stack[depth] = n->id;
	if (n->dist == 0) {
		int64_t *rec = ties__vec_push(out);
		if (!rec)
			return -1;
		*rec = (int64_t)(depth + 1);
		for (size_t j = 0; j <= depth; j++) {
			int64_t *p = ties__vec_push(out);
			if (!p)
				return -1;
			*p = rev ? stack[j] : stack[depth - j];
		}
		(*count)++;
		return 0;
	}
	for (size_t l = n->parents; l; l = TIES_VEC_AT(&x->links, plink, l - 1).next)
		if (collect(x, sd, TIES_VEC_AT(&x->links, plink, l - 1).node, stack, depth + 1, rev,
		            out, count, cap))
			return -1;
	return 0;
}

/* Complete paths a..b as [n, id...] records, at most cap. */
static ties_code paths_of(search *x, size_t cap, ties_vec *out, ties_error *err)
{
	int64_t stack[2][256];
	size_t made = 0;
	for (size_t m = 0; m < x->meets.len && made < cap; m++) {
		size_t ia = TIES_VEC_AT(&x->meets, size_t, m);
		int64_t id = TIES_VEC_AT(&x->s[0].nodes, pnode, ia).id;
		size_t *ib = ties__idmap_get(&x->s[1].map, id);
		if (!ib)
			continue;
		ties_vec left, right;
		ties__vec_init(&left, sizeof(int64_t));
		ties__vec_init(&right, sizeof(int64_t));
		size_t nl = 0, nr = 0;
		int bad = collect(x, &x->s[0], ia, stack[0], 0, 0, &left, &nl, cap) ||
		          collect(x, &x->s[1], *ib, stack[1], 0, 1, &right, &nr, cap);
		for (size_t p = 0; !bad && p < left.len && made < cap;) {
			size_t ln = (size_t)TIES_VEC_AT(&left, int64_t, p);
			for (size_t q = 0; !bad && q < right.len && made < cap;) {
				size_t rn = (size_t)TIES_VEC_AT(&right, int64_t, q);
				int64_t *rec = ties__vec_push(out);
				bad = !rec;
				if (rec)
					*rec = (int64_t)(ln + rn - 1);
				for (size_t j = 0; !bad && j < ln; j++) {
					int64_t *pp = ties__vec_push(out);
					bad = !pp;
					if (pp)
						*pp = TIES_VEC_AT(&left, int64_t, p + 1 + j);
				}
				for (size_t j = 1; !bad && j < rn; j++) {
					int64_t *pp = ties__vec_push(out);
					bad = !pp;
					if (pp)
						*pp = TIES_VEC_AT(&right, int64_t, q + 1 + j);
				}
				made++;
				q += rn + 1;
			}
			p += ln + 1;
		}
		ties__vec_release(&left);
		ties__vec_release(&right);
		if (bad)
			return ties__oom(err);
	}
	return TIES_OK;
}

ties_code ties_store_shortest_path(ties_store *s, int64_t from, int64_t to,
                                   const ties_query_opts *o, int64_t *nodes, size_t max_nodes,
                                   size_t *len, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties__linkf f = ties__qlinkf(&q);
	search x;
	memset(&x, 0, sizeof x);
	*len = 0;
	if (q.max_hops > 64)
		q.max_hops = 64;
	ties_code code = run_search(s, from, to, &f, q.max_hops, &x, err);
	ties_vec paths;
	ties__vec_init(&paths, sizeof(int64_t));
	if (!code)
		code = paths_of(&x, 1, &paths, err);
	if (!code && paths.len) {
		*len = (size_t)TIES_VEC_AT(&paths, int64_t, 0);
		for (size_t i = 0; i < *len && i < max_nodes; i++)
			nodes[i] = TIES_VEC_AT(&paths, int64_t, i + 1);
	}
	ties__vec_release(&paths);
	search_release(&x);
	return code;
}

/* The hop u - v: its best usable claim (either direction). */
static ties_code hop(ties_store *s, const ties_query_opts *q, int64_t u, int64_t v, ties_buf *out,
                     int first, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code =
	    ties__prepare(s,
	                  "SELECT " TIES__CLAIM_COLS " FROM claim c JOIN document d ON d.id = c.doc"
	                  " WHERE ((c.src = ?1 AND c.dst = ?2) OR (c.src = ?2 AND c.dst = ?1))"
	                  " AND c.rejected = 0 AND c.negated = 0 AND c.confidence >= ?3"
	                  " ORDER BY c.confidence DESC, c.id",
	                  &st, err);
	if (code)
		return code;
	sqlite3_bind_int64(st, 1, u);
	sqlite3_bind_int64(st, 2, v);
	sqlite3_bind_int(st, 3, q->min_confidence);
	int rc, found = 0;
	ties__claim c;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ties__claim_row(st, &c);
		int ok = !q->ntypes;
		for (size_t i = 0; i < q->ntypes && !ok; i++)
			ok = !strcmp(q->types[i], c.type);
		if (ok) {
			found = 1;
			break;
		}
	}
	if (!found) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE || rc == SQLITE_ROW
		           ? ties__error(err, TIES_ERR_DB, "link #%lld-#%lld vanished",
		                         (long long)u, (long long)v)
		           : ties__db_error(s, rc, err, NULL);
	}
	ties__ent src, dst;
	if ((code = ties__ent_get(s, c.src, &src, err)) ||
	    (code = ties__ent_get(s, c.dst, &dst, err))) {
		sqlite3_finalize(st);
		return code;
	}
	if (q->json) {
		code = (!first && ties_buf_addc(out, ','))
		           ? ties__oom(err)
		           : ties__claim_json(s, out, &c, &src, &dst, err);
	} else {
		ties_code k = ties_buf_adds(out, "  ");
		k = k ? k : ties__oneline(out, src.name, 80);
		k = k ? k : ties_buf_printf(out, " -%s-> ", c.type);
		k = k ? k : ties__oneline(out, dst.name, 80);
		k = k ? k : ties_buf_addc(out, '\n');
		code = k ? ties__oom(err) : ties__claim_text(s, out, &c, err);
	}
	sqlite3_finalize(st);
	return code;
}

ties_code ties_query_path(ties_store *s, const char *from, const char *to, const ties_query_opts *o,
                          ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties__linkf f = ties__qlinkf(&q);
	int64_t a, b;
	ties__ent ea, eb;
	ties_code code = ties__lookup_entity(s, from, &a, err);
	if (!code)
		code = ties__lookup_entity(s, to, &b, err);
	if (!code)
		code = ties__ent_get(s, a, &ea, err);
	if (!code)
		code = ties__ent_get(s, b, &eb, err);
	if (code)
		return code;
	if (q.max_hops > 64)
		q.max_hops = 64;
	search x;
	memset(&x, 0, sizeof x);
	ties_vec paths;
	ties__vec_init(&paths, sizeof(int64_t));
	/* one read snapshot for the search and the evidence */
	int snap = ties__read_begin(s);
	if (!code)
		code = run_search(s, a, b, &f, q.max_hops, &x, err);
	if (!code)
		code = paths_of(&x, q.all ? q.max_paths : 1, &paths, err);
	ties_code k = TIES_OK;
	if (!code) {
		size_t npaths = 0;
		for (size_t p = 0; p < paths.len; p += (size_t)TIES_VEC_AT(&paths, int64_t, p) + 1)
			npaths++;
		if (q.json) {
			k = ties_buf_adds(out, "{\"from\":");
			k = k ? k : ties__ent_json(out, &ea);
			k = k ? k : ties_buf_adds(out, ",\"to\":");
			k = k ? k : ties__ent_json(out, &eb);
			k = k ? k : ties_buf_printf(out, ",\"max_hops\":%u,\"hops\":", q.max_hops);
			k = k ? k
			      : (npaths ? ties_buf_printf(out, "%u", x.dist)
			                : ties_buf_adds(out, "null"));
			k = k ? k : ties_buf_adds(out, ",\"paths\":[");
		} else if (!npaths) {
			k = ties_buf_adds(out, "no path between ");
			k = k ? k : ties__oneline(out, ea.name, 80);
			k = k ? k : ties_buf_adds(out, " and ");
			k = k ? k : ties__oneline(out, eb.name, 80);
			k = k ? k : ties_buf_printf(out, " within %u hops\n", q.max_hops);
		}
		size_t pi = 0;
		for (size_t p = 0; !k && !code && p < paths.len; pi++) {
			size_t n = (size_t)TIES_VEC_AT(&paths, int64_t, p);
			const int64_t *ids = &TIES_VEC_AT(&paths, int64_t, p + 1);
			if (q.json) {
				k = ties_buf_adds(out, pi ? ",{\"nodes\":[" : "{\"nodes\":[");
				for (size_t i = 0; !k && !code && i < n; i++) {
					ties__ent e;
					if (!(code = ties__ent_get(s, ids[i], &e, err))) {
						k = i ? ties_buf_addc(out, ',') : TIES_OK;
						k = k ? k : ties__ent_json(out, &e);
					}
				}
				k = k ? k : ties_buf_adds(out, "],\"hops\":[");
			} else {
				k = ties_buf_printf(out, "%spath %zu (%zu hop%s): ", pi ? "\n" : "",
				                    pi + 1, n - 1, n == 2 ? "" : "s");
				for (size_t i = 0; !k && !code && i < n; i++) {
					ties__ent e;
					if (!(code = ties__ent_get(s, ids[i], &e, err))) {
						k = i ? ties_buf_adds(out, " - ") : TIES_OK;
						k = k ? k : ties__oneline(out, e.name, 80);
					}
				}
				k = k ? k : ties_buf_addc(out, '\n');
			}
			for (size_t i = 0; !k && !code && i + 1 < n; i++)
				code = hop(s, &q, ids[i], ids[i + 1], out, i == 0, err);
			if (q.json && !k && !code)
				k = ties_buf_adds(out, "]}");
			p += n + 1;
		}
		if (q.json && !k && !code)
			k = ties_buf_adds(out, "]}\n");
	}
	ties__read_end(s, snap);
	ties__vec_release(&paths);
	search_release(&x);
	return code ? code : k ? ties__oom(err) : TIES_OK;
}
