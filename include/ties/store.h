/* ties: the knowledge base (SQLite) and link queries over it.
 *
 * A ties_store is a handle on one database file; close it with
 * ties_store_close.  Graphs returned are owned by the caller
 * (ties_graph_free).
 */
#ifndef TIES_STORE_H
#define TIES_STORE_H

#include "common.h"
#include "extract.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ties_store ties_store;

#define TIES_STORE_READONLY 1u
#define TIES_STORE_CREATE 2u

/* Default database path: $TIES_DB, else "./ties.db". */
const char *ties_store_default_path(void);

ties_code ties_store_open(const char *path, unsigned flags, ties_store **out, ties_error *err);
void ties_store_close(ties_store *s);

/* Which part of the knowledge base a graph covers; zero = everything. */
typedef struct ties_graph_filter {
	const char *around; /* an entity name or alias, or NULL */
	unsigned depth;     /* hops around it (default 1) */
	const char *doc;    /* a document source or sha256 prefix, or NULL */
	const char **types; /* relation types to keep, or NULL for all */
	size_t ntypes;
	int min_confidence; /* 0-100 */
} ties_graph_filter;

ties_code ties_store_graph(ties_store *s, const ties_graph_filter *f, ties_graph **out,
                           ties_error *err);

/* ---- ingest ---- */

typedef enum ties_add_status {
	TIES_ADD_NEW,       /* stored */
	TIES_ADD_UNCHANGED, /* the same content (sha256) was already stored */
	TIES_ADD_REPLACED   /* stored, replacing an earlier version of the same source */
} ties_add_status;

typedef struct ties_add_opts {
	const char *source;   /* identity of the document (path); NULL = doc->source */
	const char *modified; /* ISO 8601 modification time of the file, or NULL */
} ties_add_opts;

typedef struct ties_add_result {
	ties_add_status status;
	int64_t doc_id;
	size_t nentities; /* extracted entities stored */
	size_t nlinked;   /* of those, resolved to an entity already known */
	size_t nrelations;
} ties_add_result;

/* Stores one document and its extraction in one transaction: nothing of it
 * is visible (or left behind by a crash) until it is all there.  Analyst
 * corrections are re-applied before the commit. */
ties_code ties_store_add(ties_store *s, const ties_doc *doc, const ties_extraction *x,
                         const ties_add_opts *o, ties_add_result *res, ties_error *err);

/* Bulk loading: between batch_begin and batch_commit each ties_store_add
 * (and correction) is a savepoint, still all-or-nothing for its document,
 * and the whole batch becomes durable at the commit (one write of each
 * page instead of one per document).  Closing the store with a batch open
 * rolls the batch back. */
ties_code ties_store_batch_begin(ties_store *s, ties_error *err);
ties_code ties_store_batch_commit(ties_store *s, ties_error *err);

/* ---- analyst corrections: recorded, applied now and after every ingest ---- */

/* A and B name one entity (B is folded into A). */
ties_code ties_store_merge(ties_store *s, const char *a, const char *b, ties_error *err);
/* ALIAS does not denote ENTITY: it becomes (or joins) an entity of its own. */
ties_code ties_store_split(ties_store *s, const char *entity, const char *alias, ties_error *err);
/* Sets the canonical name of ENTITY. */
ties_code ties_store_rename(ties_store *s, const char *entity, const char *name, ties_error *err);
/* Marks a relation (claim id) wrong; it stays stored but leaves every query.
 * Persists across re-ingest by (source, type, target, evidence). */
ties_code ties_store_reject(ties_store *s, int64_t claim, ties_error *err);

/* ---- integrity ---- */

/* SQLite integrity and foreign keys, the full-text index, and the store's own
 * invariants.  Appends one line per problem to report; *nproblems = 0 when
 * consistent. */
ties_code ties_store_check(ties_store *s, ties_buf *report, size_t *nproblems, ties_error *err);

#ifdef __cplusplus
}
#endif
#endif
