/* Cross-document entity resolution.
 *
 * An extracted entity joins a known one when they share a strong key (a
 * full name or alias, normalised) and their types are of one class.  Weak
 * keys (acronyms, a person's single name, consonant skeletons of
 * transliterated names) join only when nothing contradicts: the type must be
 * the same, and when both sides carry full names those must be near-identical
 * spellings; a name defined as two different expansions of one acronym stays
 * two entities.  Several weak candidates are told apart by context: the one
 * already seen in documents together with this document's other entities. */
#include <string.h>

#include "store_int.h"

typedef struct cand {
	int64_t id;
	int strong;   /* strong-key matches */
	int weak;     /* weak-key matches */
	int skeleton; /* matched through a skeleton key */
	char type[16];
} cand;

typedef struct keyset {
	char key[48][TIES__KEY_MAX];
	char kind[48];
	size_t n;
} keyset;

static void keys_add(keyset *k, const char *key, int kind)
{
	if (!*key || k->n >= 48)
		return;
	for (size_t i = 0; i < k->n; i++)
		if (!strcmp(k->key[i], key)) {
			/* the same key as name and alias: the strong reading wins */
			if (ties__alias_kind_strong(kind))
				k->kind[i] = (char)kind;
			return;
		}
	memcpy(k->key[k->n], key, strlen(key) + 1);
	k->kind[k->n++] = (char)kind;
}

static void keys_of(const ties_entity *e, keyset *k)
{
	k->n = 0;
	char key[TIES__KEY_MAX], sk[TIES__KEY_MAX];
	for (size_t i = 0; i <= e->naliases; i++) {
		const char *surface = i == 0 ? e->name : e->aliases[i - 1];
		if (!surface || !ties__is_namelike(surface))
			continue;
		int kind = ties__alias_kind(surface, e->type, i == 0);
		ties__name_key(surface, key);
		keys_add(k, key, kind);
		if (kind != TIES__AK_ACRONYM && ties__skeleton_key(surface, sk))
			keys_add(k, sk, TIES__AK_SKELETON);
	}
}

static cand *cand_get(ties_vec *v, int64_t id, const char *type)
{
	for (size_t i = 0; i < v->len; i++)
		if (TIES_VEC_AT(v, cand, i).id == id)
			return &TIES_VEC_AT(v, cand, i);
	cand *c = ties__vec_push(v);
	if (c) {
		c->id = id;
		snprintf(c->type, sizeof c->type, "%s", type);
	}
	return c;
}

/* Strong keys of a known entity, for the contradiction test. */
static ties_code strong_keys(ties_store *s, int64_t id, keyset *k, ties_error *err)
{
	k->n = 0;
	sqlite3_stmt *st = ties__stmt(s, ST_ENT_STRONG_KEYS, err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		keys_add(k, (const char *)sqlite3_column_text(st, 0), TIES__AK_ALIAS);
	return rc == SQLITE_DONE ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

static int keys_agree(const keyset *a, const keyset *b)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (ties__key_similarity(a->key[i], b->key[j]) >= 0.8)
				return 1;
	return 0;
}

static ties_code cooccur(ties_store *s, int64_t a, int64_t b, int *yes, ties_error *err)
{
	sqlite3_stmt *st = ties__stmt(s, ST_COOCCUR, err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

static ties_code new_entity(ties_store *s, const ties_entity *e, int64_t *out, ties_error *err)
{
	sqlite3_stmt *st = ties__stmt(s, ST_ENT_INSERT, err);
	if (!st)
		return err->code;
	sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ties_entity_type_name(e->type), -1, SQLITE_STATIC);
	if (e->country[0])
		sqlite3_bind_text(st, 3, e->country, -1, SQLITE_STATIC);
	if (e->has_coords) {
		sqlite3_bind_double(st, 4, e->lat);
		sqlite3_bind_double(st, 5, e->lon);
	}
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		return ties__db_error(s, rc, err, NULL);
	*out = sqlite3_last_insert_rowid(s->db);
	return TIES_OK;
}

/* A known entity absorbs what this mention adds: a full name where it had
 * only an acronym, a type where it had "other", a country, coordinates. */
static ties_code enrich(ties_store *s, int64_t id, const ties_entity *e, ties_error *err)
{
	sqlite3_stmt *st = ties__stmt(s, ST_ENT_GET, err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return ties__db_error(s, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, err, NULL);
	char name[512], type[16];
	snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(type, sizeof type, "%s", (const char *)sqlite3_column_text(st, 1));
	int renamed = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	const char *etype = ties_entity_type_name(e->type);
	if (!renamed && !ties__alias_kind_strong(ties__alias_kind(name, e->type, 1)) &&
	    ties__alias_kind_strong(ties__alias_kind(e->name, e->type, 1))) {
		if (!(st = ties__stmt(s, ST_ENT_SET_NAME, err)))
			return err->code;
		sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	if (!strcmp(type, "other") && strcmp(etype, "other")) {
		if (!(st = ties__stmt(s, ST_ENT_SET_TYPE, err)))
			return err->code;
		sqlite3_bind_text(st, 1, etype, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	if (e->country[0] || e->has_coords) {
		if (!(st = ties__stmt(s, ST_ENT_FILL, err)))
			return err->code;
		if (e->country[0])
			sqlite3_bind_text(st, 1, e->country, -1, SQLITE_STATIC);
		if (e->has_coords) {
			sqlite3_bind_double(st, 2, e->lat);
			sqlite3_bind_double(st, 3, e->lon);
		}
		sqlite3_bind_int64(st, 4, id);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	return TIES_OK;
}

ties_code ties__resolve_entity(ties_store *s, const ties_entity *e, const int64_t *ctx, size_t nctx,
                               int64_t *entity, ties_error *err)
{
	keyset mine;
	keys_of(e, &mine);
	const char *etype = ties_entity_type_name(e->type);
	int have_strong = 0;
	for (size_t i = 0; i < mine.n; i++)
		have_strong |= ties__alias_kind_strong(mine.kind[i]);

	ties_vec cands;
	ties__vec_init(&cands, sizeof(cand));
	ties_code code = TIES_OK;
	for (size_t i = 0; i < mine.n && !code; i++) {
		sqlite3_stmt *st = ties__stmt(s, ST_ALIAS_LOOKUP, err);
		if (!st) {
			code = err->code;
			break;
		}
		sqlite3_bind_text(st, 1, mine.key[i], -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int kind = ((const char *)sqlite3_column_text(st, 1))[0];
			const char *type = (const char *)sqlite3_column_text(st, 2);
			int strong =
			    ties__alias_kind_strong(kind) && ties__alias_kind_strong(mine.kind[i]);
			if (!ties__types_compatible(etype, type, !strong))
				continue;
			cand *c = cand_get(&cands, id, type);
			if (!c) {
				code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
				break;
			}
			if (strong)
				c->strong++;
			else {
				c->weak++;
				c->skeleton |= kind == TIES__AK_SKELETON;
			}
		}
		if (!code && rc != SQLITE_DONE)
			code = ties__db_error(s, rc, err, NULL);
	}

	/* 1. a strong match: the most keys in common, then the oldest */
	int64_t best = 0;
	int best_score = 0;
	for (size_t i = 0; !code && i < cands.len; i++) {
		cand *c = &TIES_VEC_AT(&cands, cand, i);
		if (c->strong > best_score ||
		    (c->strong && c->strong == best_score && c->id < best))
			best = c->id, best_score = c->strong;
	}
	/* 2. weak matches that nothing contradicts */
	if (!code && !best) {
		keyset theirs;
		size_t nweak = 0;
		for (size_t i = 0; i < cands.len && !code; i++) {
			cand *c = &TIES_VEC_AT(&cands, cand, i);
			if (!c->weak)
				continue;
			if (have_strong && !c->skeleton) {
				if ((code = strong_keys(s, c->id, &theirs, err)))
					break;
				if (theirs.n && !keys_agree(&mine, &theirs)) {
					c->weak = 0;
					continue;
				}
			}
			nweak++;
			best = c->id;
		}
		if (!code && nweak > 1) {
			/* context: seen together with this document's other entities */
			best = 0;
			best_score = 0;
			int tie = 0;
			for (size_t i = 0; i < cands.len && !code; i++) {
				cand *c = &TIES_VEC_AT(&cands, cand, i);
				if (!c->weak)
					continue;
				int score = 0;
				for (size_t j = 0; j < nctx && j < 64 && !code; j++) {
					int yes = 0;
					if (ctx[j] != c->id &&
					    !(code = cooccur(s, c->id, ctx[j], &yes, err)))
						score += yes;
				}
				if (score > best_score)
					best = c->id, best_score = score, tie = 0;
				else if (score && score == best_score)
					tie = 1;
			}
			if (tie)
				best = 0;
		}
	}
	ties__vec_release(&cands);
	if (code)
		return code;
	if (!best)
		return new_entity(s, e, entity, err);
	*entity = best;
	return enrich(s, best, e, err);
}

ties_code ties__add_alias(ties_store *s, int64_t entity, int64_t de, const char *surface,
                          ties_entity_type type, int is_name, int analyst, ties_error *err)
{
	char key[TIES__KEY_MAX], sk[TIES__KEY_MAX];
	if (!surface || !ties__name_key(surface, key) || (!analyst && !ties__is_namelike(surface)))
		return TIES_OK;
	int kind = analyst ? TIES__AK_ANALYST : ties__alias_kind(surface, type, is_name);
	if (analyst && ties__alias_kind(surface, type, 0) != TIES__AK_ALIAS)
		kind = ties__alias_kind(surface, type, 0);
	size_t nsk = kind == TIES__AK_ACRONYM ? 0 : ties__skeleton_key(surface, sk);
	for (int pass = 0; pass < (nsk ? 2 : 1); pass++) {
		sqlite3_stmt *st = ties__stmt(s, ST_ALIAS_INSERT, err);
		if (!st)
			return err->code;
		char k = pass ? TIES__AK_SKELETON : (char)kind;
		sqlite3_bind_int64(st, 1, entity);
		if (de)
			sqlite3_bind_int64(st, 2, de);
		sqlite3_bind_text(st, 3, surface, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, pass ? sk : key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, &k, 1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	return TIES_OK;
}

ties_code ties__merge_entities(ties_store *s, int64_t into, int64_t from, ties_error *err)
{
	static const char *const sql[] = {
	    "UPDATE doc_entity SET entity = ?1 WHERE entity = ?2",
	    "UPDATE alias SET entity = ?1 WHERE entity = ?2",
	    "UPDATE claim SET src = ?1 WHERE src = ?2",
	    "UPDATE claim SET dst = ?1 WHERE dst = ?2",
	    "UPDATE entity SET country = coalesce(country, (SELECT country FROM entity WHERE id = "
	    "?2)),"
	    " lat = coalesce(lat, (SELECT lat FROM entity WHERE id = ?2)),"
	    " lon = coalesce(lon, (SELECT lon FROM entity WHERE id = ?2)),"
	    " type = CASE WHEN type = 'other' THEN (SELECT type FROM entity WHERE id = ?2)"
	    " ELSE type END WHERE id = ?1",
	    "DELETE FROM entity WHERE id = ?2",
	};
	if (into == from)
		return TIES_OK;
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *st;
		ties_code code = ties__prepare(s, sql[i], &st, err);
		if (code)
			return code;
		sqlite3_bind_int64(st, 1, into);
		sqlite3_bind_int64(st, 2, from);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
	}
	return TIES_OK;
}

ties_code ties__gc_entities(ties_store *s, ties_error *err)
{
	return ties__exec(s,
	                  "DELETE FROM entity WHERE NOT EXISTS"
	                  " (SELECT 1 FROM doc_entity d WHERE d.entity = entity.id)",
	                  err);
}
