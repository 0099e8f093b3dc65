/* ties_store_graph: the knowledge base (or a part of it) as an in-memory
 * ties_graph for exports.  Rejected claims never appear; negated ones do,
 * marked, since an export should show what the reports deny too. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

typedef struct gctx {
	ties_store *s;
	ties_graph *g;
	ties__idmap nodes; /* entity id -> node index */
	ties__idmap docs;  /* document id -> doc index */
	ties_error *err;
} gctx;

static ties_code nomem(ties_error *err)
{
	return ties__error(err, TIES_ERR_NOMEM, "out of memory");
}

static ties_code add_node(gctx *c, int64_t id)
{
	if (ties__idmap_get(&c->nodes, id))
		return TIES_OK;
	ties_code code;
	sqlite3_stmt *st = ties__stmt(c->s, ST_ENT_ROW, c->err);
	if (!st)
		return c->err->code;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? TIES_OK : ties__db_error(c->s, rc, c->err, NULL);
	ties_gnode n = {0};
	n.id = id;
	n.name = (const char *)sqlite3_column_text(st, 0);
	if (ties_entity_type_parse((const char *)sqlite3_column_text(st, 1), &n.type))
		n.type = TIES_ENT_OTHER;
	if (sqlite3_column_type(st, 2) == SQLITE_TEXT)
		snprintf(n.country, sizeof n.country, "%s",
		         (const char *)sqlite3_column_text(st, 2));
	if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
		n.has_coords = 1;
		n.lat = sqlite3_column_double(st, 3);
		n.lon = sqlite3_column_double(st, 4);
	}
	/* aliases: one surface per key, the canonical name excluded */
	sqlite3_stmt *al;
	const char *names[64];
	char *owned[64];
	size_t na = 0;
	if (!(al = ties__stmt(c->s, ST_ENT_ALIASES, c->err)))
		return c->err->code;
	sqlite3_bind_int64(al, 1, id);
	while (na < 64 && sqlite3_step(al) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(al, 0);
		if (!strcmp(a, n.name))
			continue;
		if (!(owned[na] = ties__strdup(a)))
			break;
		names[na] = owned[na];
		na++;
	}
	sqlite3_reset(al);
	n.aliases = names;
	n.naliases = na;
	size_t idx = ties_graph_add_node(c->g, &n);
	for (size_t i = 0; i < na; i++)
		ties__free(owned[i]);
	sqlite3_reset(st);
	(void)code;
	if (idx == (size_t)-1 || ties__idmap_put(&c->nodes, id, idx))
		return nomem(c->err);
	return TIES_OK;
}

static ties_code add_doc(gctx *c, int64_t id, size_t *idx)
{
	size_t *have = ties__idmap_get(&c->docs, id);
	if (have) {
		*idx = *have;
		return TIES_OK;
	}
	sqlite3_stmt *st;
	ties_code code = ties__prepare(
	    c->s, "SELECT source, title, sha256, added FROM document WHERE id = ?1", &st, c->err);
	if (code)
		return code;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return ties__db_error(c->s, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, c->err, NULL);
	}
	ties_gdoc d = {
	    id, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
	    (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3)};
	*idx = ties_graph_add_doc(c->g, &d);
	sqlite3_finalize(st);
	if (*idx == (size_t)-1 || ties__idmap_put(&c->docs, id, *idx))
		return nomem(c->err);
	return TIES_OK;
}

static int type_kept(const ties_graph_filter *f, const char *type)
{
	if (!f || !f->types || !f->ntypes)
		return 1;
	for (size_t i = 0; i < f->ntypes; i++)
		if (f->types[i] && !strcmp(f->types[i], type))
			return 1;
	return 0;
}

static ties_code add_claims(gctx *c, const ties_graph_filter *f, int64_t doc)
{
	sqlite3_stmt *st, *nt;
	ties_code code = ties__prepare(
	    c->s,
	    "SELECT id, src, dst, type, evidence, start, end, notes, hedge, negated, date, doc,"
	    " confidence FROM claim WHERE rejected = 0 AND (?1 = 0 OR doc = ?1) ORDER BY id",
	    &st, c->err);
	if (code)
		return code;
	if ((code = ties__prepare(c->s, "SELECT text FROM note WHERE doc = ?1 AND number = ?2", &nt,
	                          c->err))) {
		sqlite3_finalize(st);
		return code;
	}
	sqlite3_bind_int64(st, 1, doc);
	int rc;
	while (!code && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t src = sqlite3_column_int64(st, 1), dst = sqlite3_column_int64(st, 2);
		const char *type = (const char *)sqlite3_column_text(st, 3);
		if (!type_kept(f, type) || (f && sqlite3_column_int(st, 12) < f->min_confidence))
			continue;
		size_t *si = ties__idmap_get(&c->nodes, src), *di = ties__idmap_get(&c->nodes, dst);
		if (!si || !di)
			continue;
		size_t sidx = *si, didx = *di, dix;
		if ((code = add_doc(c, sqlite3_column_int64(st, 11), &dix)))
			break;
		ties_gevidence ev = {0};
		ev.claim_id = sqlite3_column_int64(st, 0);
		ev.doc = dix;
		ev.text = (const char *)sqlite3_column_text(st, 4);
		ev.start = (size_t)sqlite3_column_int64(st, 5);
		ev.end = (size_t)sqlite3_column_int64(st, 6);
		const char *hedge = (const char *)sqlite3_column_text(st, 8);
		ev.hedge = TIES_HEDGE_ASSERTED;
		for (int h = TIES_HEDGE_ASSERTED; h <= TIES_HEDGE_UNLIKELY; h++)
			if (!strcmp(hedge, ties_hedge_name((ties_hedge)h)))
				ev.hedge = (ties_hedge)h;
		ev.negated = sqlite3_column_int(st, 9);
		ev.date = (const char *)sqlite3_column_text(st, 10);
		int numbers[32];
		const char *texts[32];
		char *owned[32];
		size_t nn = 0;
		const char *notes = (const char *)sqlite3_column_text(st, 7);
		for (const char *p = notes; p && *p && nn < 32;) {
			char *end;
			long v = strtol(p, &end, 10);
			if (end == p)
				break;
			numbers[nn] = (int)v;
			texts[nn] = owned[nn] = NULL;
			sqlite3_reset(nt);
			sqlite3_bind_int64(nt, 1, sqlite3_column_int64(st, 11));
			sqlite3_bind_int(nt, 2, (int)v);
			if (sqlite3_step(nt) == SQLITE_ROW)
				texts[nn] = owned[nn] =
				    ties__strdup((const char *)sqlite3_column_text(nt, 0));
			nn++;
			p = *end == ',' ? end + 1 : end;
		}
		ev.notes = numbers;
		ev.note_texts = texts;
		ev.nnotes = nn;
		if (ties_graph_add_evidence(c->g, sidx, didx, type, &ev) == (size_t)-1)
			code = nomem(c->err);
		for (size_t i = 0; i < nn; i++)
			ties__free(owned[i]);
	}
	if (!code && rc != SQLITE_DONE)
		code = ties__db_error(c->s, rc, c->err, NULL);
	sqlite3_finalize(st);
	sqlite3_finalize(nt);
	return code;
}

static ties_code find_doc(ties_store *s, const char *spec, int64_t *id, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(
	    s,
	    "SELECT id FROM document WHERE source = ?1 UNION SELECT id FROM document"
	    " WHERE length(?1) >= 4 AND substr(sha256, 1, length(?1)) = lower(?1) LIMIT 2",
	    &st, err);
	if (code)
		return code;
	sqlite3_bind_text(st, 1, spec, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0), n++;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return ties__db_error(s, rc, err, NULL);
	if (n == 0)
		return ties__error(err, TIES_ERR_NOTFOUND,
		                   "'%s': no such document in the knowledge base", spec);
	if (n > 1)
		return ties__error(err, TIES_ERR_AMBIGUOUS, "'%s': matches several documents",
		                   spec);
	return TIES_OK;
}

ties_code ties_store_graph(ties_store *s, const ties_graph_filter *f, ties_graph **out,
                           ties_error *err)
{
	*out = NULL;
	gctx c = {s, ties_graph_new(), {0}, {0}, err};
	if (!c.g)
		return nomem(err);
	int snap = ties__read_begin(s); /* one consistent snapshot */
	ties_code code = TIES_OK;
	int64_t doc = 0;
	if (!code && f && f->doc)
		code = find_doc(s, f->doc, &doc, err);
	if (!code && f && f->around) {
		int64_t start;
		code = ties__lookup_entity(s, f->around, &start, err);
		ties_vec ids, dists;
		ties__vec_init(&ids, sizeof(int64_t));
		ties__vec_init(&dists, sizeof(unsigned));
		ties__linkf lf = {f->types, f->ntypes, f->min_confidence};
		if (!code)
			code = ties__bfs(s, start, f->depth ? f->depth : 1, &lf, 0, &ids, &dists,
			                 NULL, err);
		for (size_t i = 0; !code && i < ids.len; i++)
			code = add_node(&c, TIES_VEC_AT(&ids, int64_t, i));
		ties__vec_release(&ids);
		ties__vec_release(&dists);
	} else if (!code && doc) {
		sqlite3_stmt *st;
		if (!(code = ties__prepare(s,
		                           "SELECT DISTINCT entity FROM doc_entity WHERE doc = ?1"
		                           " ORDER BY entity",
		                           &st, err))) {
			sqlite3_bind_int64(st, 1, doc);
			while (!code && sqlite3_step(st) == SQLITE_ROW)
				code = add_node(&c, sqlite3_column_int64(st, 0));
			sqlite3_finalize(st);
		}
		size_t dix;
		if (!code)
			code = add_doc(&c, doc, &dix);
	} else if (!code) {
		/* everything: every entity and document, even unlinked ones */
		sqlite3_stmt *st;
		if (!(code = ties__prepare(s, "SELECT id FROM document ORDER BY id", &st, err))) {
			size_t dix;
			while (!code && sqlite3_step(st) == SQLITE_ROW)
				code = add_doc(&c, sqlite3_column_int64(st, 0), &dix);
			sqlite3_finalize(st);
		}
		if (!code &&
		    !(code = ties__prepare(s, "SELECT id FROM entity ORDER BY id", &st, err))) {
			while (!code && sqlite3_step(st) == SQLITE_ROW)
				code = add_node(&c, sqlite3_column_int64(st, 0));
			sqlite3_finalize(st);
		}
	}
	if (!code)
		code = add_claims(&c, f, doc);
	ties__read_end(s, snap);
	ties__idmap_release(&c.nodes);
	ties__idmap_release(&c.docs);
	if (code) {
		ties_graph_free(c.g);
		return code;
	}
	*out = c.g;
	return TIES_OK;
}
