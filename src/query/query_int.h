/* Shared pieces of the link queries: output helpers and entity/document
 * references in both output forms. */
#ifndef TIES_QUERY_INT_H
#define TIES_QUERY_INT_H

#include "store/store_int.h"
#include "ties/query.h"

/* Defaults applied to a possibly NULL opts. */
ties_query_opts ties__qopts(const ties_query_opts *o);
ties__linkf ties__qlinkf(const ties_query_opts *o);

/* Appends s padded with spaces to width columns (code points); longer
 * strings are cut with an ellipsis. */
ties_code ties__pad(ties_buf *b, const char *s, size_t width);
/* Appends a one-line form of s (control characters as spaces), cut to max
 * code points. */
ties_code ties__oneline(ties_buf *b, const char *s, size_t max);

typedef struct ties__ent {
	int64_t id;
	char name[256];
	char type[16];
} ties__ent;
ties_code ties__ent_get(ties_store *s, int64_t id, ties__ent *e, ties_error *err);
/* {"id":N,"name":"...","type":"..."} */
ties_code ties__ent_json(ties_buf *b, const ties__ent *e);

/* One claim with everything a reader needs to judge it. */
typedef struct ties__claim {
	int64_t id, src, dst, doc;
	char type[64];
	const char *evidence; /* valid until the statement steps */
	char hedge[24];
	int confidence, negated, rejected;
	char date[32];
	char notes[128];
	char source[512], title[256];
} ties__claim;
/* Columns expected: the ones listed in TIES__CLAIM_COLS, joined with the
 * document as d. */
#define TIES__CLAIM_COLS                                                                           \
	"c.id, c.src, c.dst, c.doc, c.type, c.evidence, c.hedge, c.confidence, c.negated,"         \
	" c.rejected, c.date, c.notes, d.source, d.title"
void ties__claim_row(sqlite3_stmt *st, ties__claim *c);
/* The claim as a JSON object (with source/target entities and notes). */
ties_code ties__claim_json(ties_store *s, ties_buf *b, const ties__claim *c, const ties__ent *src,
                           const ties__ent *dst, ties_error *err);
/* The claim as indented table lines: evidence, document, notes. */
ties_code ties__claim_text(ties_store *s, ties_buf *b, const ties__claim *c, ties_error *err);
ties_code ties__oom(ties_error *err);

#endif
