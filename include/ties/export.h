/* ties: exports of a link graph (graph.h) to the formats analysts' tools
 * read: STIX 2.1, GraphML, GEXF, DOT, Neo4j CSV, JSON, interactive HTML.
 *
 * Every export appends to a caller-owned ties_buf and leaves the graph
 * untouched; on failure the buffer may hold a partial document, which the
 * caller discards.  Output depends only on the graph and the options, so
 * exporting the same graph twice gives byte-identical output.  Graphs
 * returned by ties_graph_subgraph are owned by the caller (ties_graph_free).
 */
#ifndef TIES_EXPORT_H
#define TIES_EXPORT_H

#include "common.h"
#include "graph.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ties_export_format {
	TIES_EXPORT_STIX,
	TIES_EXPORT_GRAPHML,
	TIES_EXPORT_GEXF,
	TIES_EXPORT_DOT,
	TIES_EXPORT_CSV, /* two files: nodes.csv, relationships.csv */
	TIES_EXPORT_JSON,
	TIES_EXPORT_HTML
} ties_export_format;

/* "stix", "graphml", "gexf", "dot", "csv", "json", "html": 0 ok, -1 unknown. */
int ties_export_format_parse(const char *name, ties_export_format *f);
const char *ties_export_format_name(ties_export_format f);

typedef struct ties_export_opts {
	const char *title;   /* HTML page title, DOT graph label; NULL = derived */
	const char *datadir; /* viewer files (HTML); NULL = $TIES_DATA or the installed data */
} ties_export_opts;

/* How many files a format writes (CSV: 2, the others: 1) and the default
 * name of file i ("nodes.csv", "relationships.csv", "graph.graphml", ...). */
size_t ties_export_nfiles(ties_export_format f);
const char *ties_export_file_name(ties_export_format f, size_t i);

/* Appends file i of format f.  opts may be NULL. */
ties_code ties_export_file(const ties_graph *g, ties_export_format f, size_t i,
                           const ties_export_opts *opts, ties_buf *out, ties_error *err);
/* Single-file formats: the whole export (CSV: TIES_ERR_USAGE, use
 * ties_export_file). */
ties_code ties_export(const ties_graph *g, ties_export_format f, const ties_export_opts *opts,
                      ties_buf *out, ties_error *err);

/* The part of g a filter keeps (store.h's ties_graph_filter, applied in
 * memory): relation types, minimum confidence, one document (source or
 * sha256 prefix), and the neighbourhood of an entity (name or alias,
 * case-insensitive) up to depth hops (default 1).  With a document, only
 * that document's evidence is kept.  With any filter set, nodes without a
 * kept edge are dropped (but the entity asked about); with none, the copy is
 * whole. */
ties_code ties_graph_subgraph(const ties_graph *g, const ties_graph_filter *f, ties_graph **out,
                              ties_error *err);

/* Adds one extraction (one document) to g, merging entities with the same
 * type and name (case-insensitive) as nodes already there. */
ties_code ties_graph_add_extraction(ties_graph *g, const ties_extraction *x, ties_error *err);

#ifdef __cplusplus
}
#endif
#endif
