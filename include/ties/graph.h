/* ties: an in-memory link graph, the form exports and link queries share.
 *
 * A ties_graph owns everything it points to (one arena); ties_graph_free
 * releases it.  Strings passed to the ties_graph_add_* calls are copied.
 * Built from one extraction (ties_graph_from_extraction) or from the
 * knowledge base (store.h).
 */
#ifndef TIES_GRAPH_H
#define TIES_GRAPH_H

#include "common.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ties_gdoc {
	int64_t id;         /* stable id (knowledge base row id, or 1) */
	const char *source; /* path as added */
	const char *title;
	const char *sha256;
	const char *added; /* ISO 8601 time it was added, or NULL */
} ties_gdoc;

typedef struct ties_gnode {
	int64_t id;       /* stable id (knowledge base entity id, or index + 1) */
	const char *name; /* canonical name */
	ties_entity_type type;
	const char **aliases;
	size_t naliases;
	char country[3]; /* ISO 3166 alpha-2 or "" */
	int has_coords;
	double lat, lon;
} ties_gnode;

/* One statement of a relation in one document. */
typedef struct ties_gevidence {
	int64_t claim_id;        /* stable id of the claim (knowledge base), or 0 */
	size_t doc;              /* index into docs */
	const char *text;        /* the evidence sentence */
	size_t start, end;       /* byte offsets in the document's read text */
	int *notes;              /* footnote numbers */
	const char **note_texts; /* the notes' texts (NULL entries when unknown) */
	size_t nnotes;
	ties_hedge hedge;
	int negated;
	const char *date; /* or NULL */
} ties_gevidence;

/* A typed, directed edge: source TYPE target, with all its evidence. */
typedef struct ties_gedge {
	size_t source, target; /* indexes into nodes */
	const char *type;
	ties_gevidence *evidence;
	size_t nevidence;
} ties_gedge;

typedef struct ties_graph {
	ties_gdoc *docs;
	size_t ndocs;
	ties_gnode *nodes;
	size_t nnodes;
	ties_gedge *edges;
	size_t nedges;
	struct ties_graph_build *build; /* growth state; NULL once frozen */
	struct ties_arena *arena;
} ties_graph;

ties_graph *ties_graph_new(void);
void ties_graph_free(ties_graph *g);

/* Appends; return the new index, or (size_t)-1 when out of memory. */
size_t ties_graph_add_doc(ties_graph *g, const ties_gdoc *d);
size_t ties_graph_add_node(ties_graph *g, const ties_gnode *n);
/* Adds evidence to the edge (source, type, target), creating the edge. */
size_t ties_graph_add_evidence(ties_graph *g, size_t source, size_t target, const char *type,
                               const ties_gevidence *ev);

/* Highest confidence (0-100) among an edge's non-negated evidence. */
int ties_gedge_confidence(const ties_gedge *e);

/* The graph of one extraction (one document). */
ties_code ties_graph_from_extraction(const ties_extraction *x, ties_graph **out, ties_error *err);

#ifdef __cplusplus
}
#endif
#endif
