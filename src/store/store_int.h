/* Knowledge base internals shared by src/store and src/query (prefix ties__).
 *
 * The store owns one SQLite connection and a cache of prepared statements,
 * indexed by the ties__stmt_id enum below so hot paths (ingest, BFS
 * expansion) never re-parse SQL.
 */
#ifndef TIES_STORE_INT_H
#define TIES_STORE_INT_H

#include <sqlite3.h>
#include <stdio.h>

#include "ties/store.h"
#include "util/util.h"

/* Schema version this build writes; older databases are migrated, newer
 * ones refused. */
#define TIES__SCHEMA_VERSION 2
/* PRAGMA application_id: 'TIES'. */
#define TIES__APP_ID 0x54494553

enum ties__stmt_id {
	ST_DOC_BY_HASH,
	ST_DOC_BY_SOURCE,
	ST_DOC_INSERT,
	ST_DOC_COUNTS,
	ST_SENT_INSERT,
	ST_NOTE_INSERT,
	ST_DE_INSERT,
	ST_ALIAS_INSERT,
	ST_MENTION_INSERT,
	ST_CLAIM_INSERT,
	ST_ENT_INSERT,
	ST_ENT_GET,
	ST_ENT_SET_NAME,
	ST_ENT_SET_TYPE,
	ST_ENT_FILL,
	ST_ALIAS_LOOKUP,
	ST_ENT_STRONG_KEYS,
	ST_COOCCUR,
	ST_ADJ_OUT,
	ST_ENT_ROW,
	ST_ENT_ALIASES,
	ST_ADJ_IN,
	ST_NSTMT
};

struct ties_store {
	sqlite3 *db;
	char *path;
	int readonly;
	int batch; /* inside ties_store_batch_begin */
	sqlite3_stmt *st[ST_NSTMT];
};

/* Maps an SQLite failure to a ties_code (READONLY, FULL, SCHEMA, DB) and
 * fills err with "'subject': what". */
ties_code ties__db_error(ties_store *s, int rc, ties_error *err, const char *subject);
/* The cached statement id, prepared on first use and reset before reuse;
 * NULL on failure (message in err). */
sqlite3_stmt *ties__stmt(ties_store *s, enum ties__stmt_id id, ties_error *err);
/* Runs SQL without results. */
ties_code ties__exec(ties_store *s, const char *sql, ties_error *err);
/* Prepares a one-off statement. */
ties_code ties__prepare(ties_store *s, const char *sql, sqlite3_stmt **st, ties_error *err);
ties_code ties__begin(ties_store *s, ties_error *err);
ties_code ties__commit(ties_store *s, ties_error *err);
void ties__rollback(ties_store *s);
/* A read snapshot for a multi-statement query, unless a transaction is
 * already open; returns whether it started one, for ties__read_end. */
int ties__read_begin(ties_store *s);
void ties__read_end(ties_store *s, int started);

/* Creates or migrates the schema (in one transaction). */
ties_code ties__schema_apply(ties_store *s, ties_error *err);

/* ---- names (kb-norm.c) ---- */
#define TIES__KEY_MAX 256
/* Matching key of a name: case-folded, diacritics stripped, a leading "the"
 * and possessive "'s" dropped, then letters and digits only.  Empty when the
 * name has no letters or digits.  Returns the key length. */
size_t ties__name_key(const char *name, char out[TIES__KEY_MAX]);
/* 1 when the surface form looks like an acronym ("ISI", "LeT", "U.S."). */
int ties__is_acronym(const char *name);
/* 0 for a surface form that is no proper name: letters of a cased script,
 * none of them a capital ("the group", "its leader"). */
int ties__is_namelike(const char *name);
/* Number of words (runs of letters/digits) in a name. */
size_t ties__word_count(const char *name);
/* Consonant skeleton of a multi-word name, for transliteration variants
 * ("Mohammed"/"Muhammad"): '~' then the key without vowels and repeated letters;
 * 0 when the name has fewer than two words. */
size_t ties__skeleton_key(const char *name, char out[TIES__KEY_MAX]);
/* Similarity 0..1 of two keys (1 - Levenshtein distance / longer length). */
double ties__key_similarity(const char *a, const char *b);

/* Alias kinds.  Strong ones identify an entity on their own; weak ones
 * (acronyms, a person's single name, skeletons) only when nothing contradicts
 * them. */
#define TIES__AK_NAME 'n'
#define TIES__AK_ALIAS 'a'
#define TIES__AK_ANALYST 'x'
#define TIES__AK_ACRONYM 'c'
#define TIES__AK_SHORT 's'
#define TIES__AK_SKELETON 'k'
int ties__alias_kind_strong(int kind);
/* Kind of a surface name for an entity of this type (name: 1 for the
 * canonical name). */
int ties__alias_kind(const char *surface, ties_entity_type type, int is_name);

/* Type classes that may merge: persons with persons, groups/places/
 * facilities with each other, events with events, "other" with anything. */
int ties__types_compatible(const char *a, const char *b, int strict);

/* ---- resolution (kb-resolve.c) ---- */
/* Finds or creates the knowledge base entity for one extracted entity;
 * ctx/nctx are entities already resolved in this document (context). */
ties_code ties__resolve_entity(ties_store *s, const ties_entity *e, const int64_t *ctx, size_t nctx,
                               int64_t *entity, ties_error *err);
/* Adds a surface name as an alias row (kinds derived). */
ties_code ties__add_alias(ties_store *s, int64_t entity, int64_t de, const char *surface,
                          ties_entity_type type, int is_name, int analyst, ties_error *err);
/* Moves everything of entity `from` into `into` and deletes `from`. */
ties_code ties__merge_entities(ties_store *s, int64_t into, int64_t from, ties_error *err);
/* Deletes entities no document mentions any more. */
ties_code ties__gc_entities(ties_store *s, ties_error *err);

/* ---- corrections (kb-correct.c) ---- */
/* Re-applies every recorded correction; rejections only to claims of doc
 * (0 = all documents). */
ties_code ties__corrections_apply(ties_store *s, int64_t doc, ties_error *err);

/* ---- entity lookup by user argument (kb-lookup.c) ---- */
/* Resolves a name or alias (case-insensitive) or "#ID" to one entity;
 * TIES_ERR_NOENTITY or TIES_ERR_AMBIGUOUS (listing candidates) otherwise. */
ties_code ties__lookup_entity(ties_store *s, const char *name, int64_t *entity, ties_error *err);

/* ---- id map and adjacency (kb-idmap.c, query-adj.c) ---- */
/* int64 -> size_t, open addressing. */
typedef struct ties__idmap {
	int64_t *keys;
	size_t *vals;
	size_t cap, len;
} ties__idmap;
int ties__idmap_put(ties__idmap *m, int64_t k, size_t v); /* 0, or -1 out of memory */
size_t *ties__idmap_get(const ties__idmap *m, int64_t k); /* NULL when absent */
void ties__idmap_release(ties__idmap *m);

/* Which links a traversal may follow. */
typedef struct ties__linkf {
	const char *const *types; /* NULL = all */
	size_t ntypes;
	int min_confidence;
} ties__linkf;

/* One link of an entity: a claim, read from `id`'s side. */
typedef struct ties__adj {
	int64_t other;
	int64_t claim;
	int confidence;
	int out; /* 1: id -> other; 0: other -> id */
} ties__adj;

/* Appends the usable links of entity id (neither negated nor rejected) to out
 * (a vector of ties__adj). */
ties_code ties__expand(ties_store *s, int64_t id, const ties__linkf *f, ties_vec *out,
                       ties_error *err);
/* Entities within depth links of start (start included, distance 0), in
 * order of distance; ids, dists and parents (optional: the entity each was
 * reached from, 0 for start) are vectors of int64_t, unsigned, int64_t.
 * More than max_nodes (0 = no bound) fails with TIES_ERR_LIMIT. */
ties_code ties__bfs(ties_store *s, int64_t start, unsigned depth, const ties__linkf *f,
                    size_t max_nodes, ties_vec *ids, ties_vec *dists, ties_vec *parents,
                    ties_error *err);

/* Timestamp "YYYY-MM-DDTHH:MM:SSZ" of now (UTC). */
void ties__now_iso(char out[32]);

#endif
