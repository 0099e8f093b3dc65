/* ties: link queries over the knowledge base (store.h).
 *
 * Each query appends its whole answer to a ties_buf: a table for people, or
 * JSON (docs/kb.md) when opts->json is set, so a caller writes it at once.
 * Entity arguments accept any name or alias, case-insensitively, or "#ID";
 * a name several entities share fails with TIES_ERR_AMBIGUOUS listing them.
 */
#ifndef TIES_QUERY_H
#define TIES_QUERY_H

#include "common.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ties_query_opts {
	int json;                 /* 1: JSON; 0: a table */
	unsigned depth;           /* neighbors: links away (default 1) */
	unsigned max_hops;        /* path: longest path searched (default 6) */
	const char *const *types; /* relation types to follow; NULL = all */
	size_t ntypes;
	int min_confidence; /* 0-100: relations below it are not followed */
	int all;            /* path: every shortest path, not just one */
	size_t max_paths;   /* path --all: at most this many (default 100) */
	size_t limit;       /* search: rows (default 50); 0 = default */
} ties_query_opts;

ties_code ties_query_show(ties_store *s, const char *entity, const ties_query_opts *o,
                          ties_buf *out, ties_error *err);
ties_code ties_query_neighbors(ties_store *s, const char *entity, const ties_query_opts *o,
                               ties_buf *out, ties_error *err);
ties_code ties_query_path(ties_store *s, const char *from, const char *to, const ties_query_opts *o,
                          ties_buf *out, ties_error *err);
/* Dated relations in date order; entity NULL = all. */
ties_code ties_query_timeline(ties_store *s, const char *entity, const ties_query_opts *o,
                              ties_buf *out, ties_error *err);
/* Full-text search over sentences (every word must occur; "..." a phrase). */
ties_code ties_query_search(ties_store *s, const char *text, const ties_query_opts *o,
                            ties_buf *out, ties_error *err);
ties_code ties_query_docs(ties_store *s, const ties_query_opts *o, ties_buf *out, ties_error *err);
ties_code ties_query_stats(ties_store *s, const ties_query_opts *o, ties_buf *out, ties_error *err);

/* For programs: the entity id a name resolves to. */
ties_code ties_store_entity_id(ties_store *s, const char *name, int64_t *id, ties_error *err);
/* For programs: one shortest path between two entity ids; nodes receives at
 * most max_nodes ids (from first), *len the path's node count (0: none
 * within o->max_hops). */
ties_code ties_store_shortest_path(ties_store *s, int64_t from, int64_t to,
                                   const ties_query_opts *o, int64_t *nodes, size_t max_nodes,
                                   size_t *len, ties_error *err);
/* For programs: the number of distinct entities within o->depth links. */
ties_code ties_store_neighbor_count(ties_store *s, int64_t entity, const ties_query_opts *o,
                                    size_t *count, ties_error *err);

#ifdef __cplusplus
}
#endif
#endif
