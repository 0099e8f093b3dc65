/* Ingest: one document and its extraction in one transaction.  The same
 * content (sha256) is stored once; a new version of a source replaces the
 * old one; corrections are re-applied before the commit. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

static ties_code step_done(ties_store *s, sqlite3_stmt *st, ties_error *err)
{
	int rc = sqlite3_step(st);
	return rc == SQLITE_DONE ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

/* Removes a document and everything that hangs on it. */
static ties_code delete_doc(ties_store *s, int64_t id, ties_error *err)
{
	static const char *const sql[] = {
	    "DELETE FROM claim WHERE doc = ?1",
	    "DELETE FROM document WHERE id = ?1",
	};
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *st;
		ties_code code = ties__prepare(s, sql[i], &st, err);
		if (code)
			return code;
		sqlite3_bind_int64(st, 1, id);
		code = step_done(s, st, err);
		sqlite3_finalize(st);
		if (code)
			return code;
	}
	return TIES_OK;
}

static ties_code find_doc(ties_store *s, const char *sha, int64_t *id, ties_error *err)
{
	*id = 0;
	sqlite3_stmt *st = ties__stmt(s, ST_DOC_BY_HASH, err);
	if (!st)
		return err->code;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return ties__db_error(s, rc, err, NULL);
	sqlite3_reset(st);
	return TIES_OK;
}

/* Older versions of the same source, deleted. */
static ties_code drop_source(ties_store *s, const char *source, int *dropped, ties_error *err)
{
	int64_t ids[64];
	size_t n;
	*dropped = 0;
	do {
		n = 0;
		sqlite3_stmt *st = ties__stmt(s, ST_DOC_BY_SOURCE, err);
		if (!st)
			return err->code;
		sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
		int rc;
		while (n < 64 && (rc = sqlite3_step(st)) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		if (n < 64 && rc != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
		sqlite3_reset(st);
		for (size_t i = 0; i < n; i++) {
			ties_code code = delete_doc(s, ids[i], err);
			if (code)
				return code;
		}
		*dropped += (int)n;
	} while (n == 64);
	if (*dropped)
		return ties__gc_entities(s, err);
	return TIES_OK;
}

static ties_code put_text(ties_store *s, int64_t doc, const ties_doc *d, size_t *nnotes,
                          ties_error *err)
{
	for (size_t i = 0; i < d->nsentences; i++) {
		const ties_sentence *se = &d->sentences[i];
		if (se->start > se->end || se->end > d->len)
			return ties__error(err, TIES_ERR_INTERNAL,
			                   "'%s': sentence %zu out of range", d->source, i);
		sqlite3_stmt *st = ties__stmt(s, ST_SENT_INSERT, err);
		if (!st)
			return err->code;
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)se->start);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)se->end);
		sqlite3_bind_text(st, 5, d->text + se->start, (int)(se->end - se->start),
		                  SQLITE_STATIC);
		ties_code code = step_done(s, st, err);
		if (code)
			return code;
	}
	*nnotes = 0;
	for (size_t i = 0; i < d->nblocks; i++) {
		const ties_block *b = &d->blocks[i];
		if (b->kind != TIES_BLOCK_NOTE || b->start > b->end || b->end > d->len)
			continue;
		sqlite3_stmt *st = ties__stmt(s, ST_NOTE_INSERT, err);
		if (!st)
			return err->code;
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int(st, 2, b->note_number);
		sqlite3_bind_text(st, 3, d->text + b->start, (int)(b->end - b->start),
		                  SQLITE_STATIC);
		ties_code code = step_done(s, st, err);
		if (code)
			return code;
		*nnotes += (size_t)sqlite3_changes(s->db);
	}
	return TIES_OK;
}

/* One extracted entity: resolve, then its doc_entity row, keys, mentions. */
static ties_code put_entity(ties_store *s, int64_t doc, const ties_doc *d, const ties_entity *e,
                            const int64_t *ctx, size_t nctx, int64_t *entity, int64_t *de,
                            ties_error *err)
{
	ties_code code = ties__resolve_entity(s, e, ctx, nctx, entity, err);
	if (code)
		return code;
	sqlite3_stmt *st = ties__stmt(s, ST_DE_INSERT, err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_text(st, 2, e->id, (int)strnlen(e->id, sizeof e->id), SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, *entity);
	sqlite3_bind_text(st, 4, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ties_entity_type_name(e->type), -1, SQLITE_STATIC);
	if (e->wordnet)
		sqlite3_bind_text(st, 6, e->wordnet, -1, SQLITE_STATIC);
	if ((code = step_done(s, st, err)))
		return code;
	*de = sqlite3_last_insert_rowid(s->db);
	/* keys: the name, then aliases not already given (by key) */
	char seen[32][TIES__KEY_MAX];
	size_t nseen = 0;
	for (size_t i = 0; i <= e->naliases; i++) {
		const char *surface = i == 0 ? e->name : e->aliases[i - 1];
		char key[TIES__KEY_MAX];
		if (!surface || !ties__name_key(surface, key))
			continue;
		int dup = 0;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = !strcmp(seen[j], key);
		if (dup)
			continue;
		if (nseen < 32)
			memcpy(seen[nseen++], key, sizeof key);
		if ((code = ties__add_alias(s, *entity, *de, surface, e->type, i == 0, 0, err)))
			return code;
	}
	for (size_t i = 0; i < e->nmentions; i++) {
		const ties_span *m = &e->mentions[i];
		if (m->start > m->end || m->end > d->len)
			continue;
		if (!(st = ties__stmt(s, ST_MENTION_INSERT, err)))
			return err->code;
		sqlite3_bind_int64(st, 1, *de);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)m->start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)m->end);
		if ((code = step_done(s, st, err)))
			return code;
	}
	return TIES_OK;
}

static ties_code put_claim(ties_store *s, int64_t doc, const ties_doc *d, const ties_relation *r,
                           const int64_t *ent, const int64_t *de, ties_error *err)
{
	char notes[256];
	size_t o = 0;
	notes[0] = '\0';
	for (size_t i = 0; i < r->nnotes && o + 12 < sizeof notes; i++)
		o += (size_t)snprintf(notes + o, sizeof notes - o, "%s%d", i ? "," : "",
		                      r->notes[i]);
	sqlite3_stmt *st = ties__stmt(s, ST_CLAIM_INSERT, err);
	if (!st)
		return err->code;
	size_t sent = ties_doc_sentence_at(d, r->evidence.start);
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, de[r->source]);
	sqlite3_bind_int64(st, 3, de[r->target]);
	sqlite3_bind_int64(st, 4, ent[r->source]);
	sqlite3_bind_int64(st, 5, ent[r->target]);
	sqlite3_bind_text(st, 6, r->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, d->text + r->evidence.start,
	                  (int)(r->evidence.end - r->evidence.start), SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)r->evidence.start);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)r->evidence.end);
	if (sent != (size_t)-1)
		sqlite3_bind_int64(st, 10, (sqlite3_int64)sent);
	if (o)
		sqlite3_bind_text(st, 11, notes, (int)o, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, ties_hedge_name(r->hedge), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 13, ties_hedge_confidence(r->hedge));
	sqlite3_bind_int(st, 14, r->negated != 0);
	if (r->date)
		sqlite3_bind_text(st, 15, r->date, -1, SQLITE_STATIC);
	if (r->trigger)
		sqlite3_bind_text(st, 16, r->trigger, -1, SQLITE_STATIC);
	return step_done(s, st, err);
}

static ties_code add_body(ties_store *s, const ties_doc *d, const ties_extraction *x,
                          const char *source, const ties_add_opts *o, ties_add_result *res,
                          ties_error *err)
{
	int dropped = 0;
	ties_code code = drop_source(s, source, &dropped, err);
	if (code)
		return code;
	char now[32];
	ties__now_iso(now);
	sqlite3_stmt *st = ties__stmt(s, ST_DOC_INSERT, err);
	if (!st)
		return err->code;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->title ? d->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	if (o && o->modified)
		sqlite3_bind_text(st, 5, o->modified, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->input_kind == TIES_INPUT_PDF ? "pdf" : "text", -1,
	                  SQLITE_STATIC);
	if ((code = step_done(s, st, err)))
		return code;
	int64_t doc = sqlite3_last_insert_rowid(s->db);
	size_t nnotes = 0;
	if ((code = put_text(s, doc, d, &nnotes, err)))
		return code;

	size_t ne = x ? x->nentities : 0, nr = x ? x->nrelations : 0;
	int64_t *ent = ties__calloc(ne ? ne : 1, sizeof *ent);
	int64_t *de = ties__calloc(ne ? ne : 1, sizeof *de);
	int64_t *ctx = ties__calloc(ne ? ne : 1, sizeof *ctx);
	if (!ent || !de || !ctx) {
		code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		goto out;
	}
	int64_t known_max = 0;
	sqlite3_stmt *mx;
	if ((code = ties__prepare(s, "SELECT coalesce(max(id), 0) FROM entity", &mx, err)))
		goto out;
	if (sqlite3_step(mx) == SQLITE_ROW)
		known_max = sqlite3_column_int64(mx, 0);
	sqlite3_finalize(mx);
	/* Entities with a full name first, so bare acronyms see them as context. */
	size_t nctx = 0;
	for (int pass = 0; pass < 2 && !code; pass++)
		for (size_t i = 0; i < ne && !code; i++) {
			const ties_entity *e = &x->entities[i];
			int weak = !ties__alias_kind_strong(
			    ties__alias_kind(e->name ? e->name : "", e->type, 1));
			if (weak != pass)
				continue;
			if (!e->name) {
				code = ties__error(err, TIES_ERR_INTERNAL,
				                   "'%s': entity %zu has no name", source, i);
				break;
			}
			code = put_entity(s, doc, d, e, ctx, nctx, &ent[i], &de[i], err);
			if (!code) {
				ctx[nctx++] = ent[i];
				res->nlinked += ent[i] <= known_max;
			}
		}
	for (size_t i = 0; i < nr && !code; i++) {
		const ties_relation *r = &x->relations[i];
		if (r->source >= ne || r->target >= ne || !r->type ||
		    r->evidence.start > r->evidence.end || r->evidence.end > d->len) {
			code = ties__error(err, TIES_ERR_INTERNAL,
			                   "'%s': relation %zu out of range", source, i);
			break;
		}
		code = put_claim(s, doc, d, r, ent, de, err);
	}
	if (!code && (st = ties__stmt(s, ST_DOC_COUNTS, err))) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)d->nsentences);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)nnotes);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)ne);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)nr);
		sqlite3_bind_int64(st, 5, doc);
		code = step_done(s, st, err);
	} else if (!code)
		code = err->code;
	if (!code)
		code = ties__corrections_apply(s, doc, err);
	if (!code) {
		res->status = dropped ? TIES_ADD_REPLACED : TIES_ADD_NEW;
		res->doc_id = doc;
		res->nentities = ne;
		res->nrelations = nr;
	}
out:
	ties__free(ent);
	ties__free(de);
	ties__free(ctx);
	return code;
}

ties_code ties_store_add(ties_store *s, const ties_doc *doc, const ties_extraction *x,
                         const ties_add_opts *o, ties_add_result *res, ties_error *err)
{
	ties_add_result local;
	if (!res)
		res = &local;
	memset(res, 0, sizeof *res);
	const char *source = o && o->source ? o->source : doc->source;
	if (!source)
		source = "-";
	if (s->readonly)
		return ties__error(err, TIES_ERR_READONLY,
		                   "'%s': the knowledge base is open read-only", s->path);
	ties_code code = ties__begin(s, err);
	if (code)
		return code;
	int64_t existing;
	if ((code = find_doc(s, doc->sha256, &existing, err))) {
		ties__rollback(s);
		return code;
	}
	if (existing) {
		ties__rollback(s);
		res->status = TIES_ADD_UNCHANGED;
		res->doc_id = existing;
		return TIES_OK;
	}
	if ((code = add_body(s, doc, x, source, o, res, err))) {
		ties__rollback(s);
		/* the subject of a database failure is the source being added */
		return code;
	}
	return ties__commit(s, err);
}
