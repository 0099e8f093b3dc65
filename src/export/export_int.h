/* Internal helpers shared by the export formats (prefix ties__). */
#ifndef TIES_EXPORT_INT_H
#define TIES_EXPORT_INT_H

#include "ties/export.h"
#include "util/util.h"

/* SHA-1 (FIPS 180-4), streaming; only for UUIDv5 names, never for security. */
typedef struct ties_sha1 {
	uint32_t h[5];
	uint64_t len;
	unsigned char block[64];
	size_t fill;
} ties_sha1;
void ties__sha1_init(ties_sha1 *c);
void ties__sha1_update(ties_sha1 *c, const void *data, size_t n);
void ties__sha1_final(ties_sha1 *c, unsigned char out[20]);

/* UUID version 5 (RFC 9562): SHA-1 of namespace + name, lowercase text
 * "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" in out[37]. */
void ties__uuid5(const unsigned char ns[16], const void *name, size_t n, char out[37]);
/* The namespace of every STIX id ties makes. */
extern const unsigned char ties__stix_ns[16];

/* XML text and attribute escaping: & < > " ' escaped; characters XML 1.0
 * forbids (controls other than tab/newline/return, invalid UTF-8, U+FFFE/F)
 * become U+FFFD. */
ties_code ties__xml_str(ties_buf *b, const char *s);

/* Copies s with every byte that is not valid UTF-8, and every control
 * character other than those in keep, replaced by U+FFFD or a space. */
ties_code ties__clean_text(ties_buf *b, const char *s, int newline_to_space);

/* Checks a graph before export: edge ends, evidence documents, unique node
 * ids.  Formats rely on it. */
ties_code ties__export_check(const ties_graph *g, ties_error *err);

/* "YYYY-MM-DDTHH:MM:SS.000Z" from an ISO 8601 date or time (date only is
 * midnight; year or year-month is the first day); 0 on success. */
int ties__iso_timestamp(const char *s, char out[32]);

/* Colour (#rrggbb) and short label of an entity type, shared by DOT, GEXF
 * and HTML so the same type looks the same everywhere. */
const char *ties__type_colour(ties_entity_type t);

/* The formats. */
ties_code ties__export_stix(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err);
ties_code ties__export_graphml(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                               ties_error *err);
ties_code ties__export_gexf(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err);
ties_code ties__export_dot(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                           ties_error *err);
ties_code ties__export_csv_nodes(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                                 ties_error *err);
ties_code ties__export_csv_rels(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                                ties_error *err);
ties_code ties__export_json(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err);
ties_code ties__export_html(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err);

/* Joins an edge's evidence sentences, and its document names, with sep. */
ties_code ties__edge_evidence_text(const ties_graph *g, const ties_gedge *e, const char *sep,
                                   ties_buf *b);
ties_code ties__edge_documents(const ties_graph *g, const ties_gedge *e, const char *sep,
                               ties_buf *b);
/* The footnotes an edge's evidence rests on, "DOCUMENT#N" joined with sep,
 * each once. */
ties_code ties__edge_notes(const ties_graph *g, const ties_gedge *e, const char *sep, ties_buf *b);
/* 1 if every piece of the edge's evidence is negated. */
int ties__edge_negated(const ties_gedge *e);
/* The first date stated in an edge's evidence, or NULL. */
const char *ties__edge_date(const ties_gedge *e);
/* Strongest hedge (highest confidence) among non-negated evidence. */
ties_hedge ties__edge_hedge(const ties_gedge *e);
/* Coordinates a node may carry into an export (finite, in range). */
int ties__node_coords_ok(const ties_gnode *n);
/* Fills err for a failed append while writing format fmt. */
ties_code ties__export_fail(ties_error *err, ties_code rc, const char *fmt);
/* Document display name: title, else source, else "document N". */
const char *ties__doc_name(const ties_gdoc *d);

#endif
