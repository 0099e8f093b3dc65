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
	const char *around;      /* an entity name or alias, or NULL */
	unsigned depth;          /* hops around it (default 1) */
	const char *doc;         /* a document source or sha256 prefix, or NULL */
	const char **types;      /* relation types to keep, or NULL for all */
	size_t ntypes;
	int min_confidence;      /* 0-100 */
} ties_graph_filter;

ties_code ties_store_graph(ties_store *s, const ties_graph_filter *f, ties_graph **out,
                           ties_error *err);

#ifdef __cplusplus
}
#endif
#endif
