/* ties: the extract stage: entities, aliases and evidence-backed relations.
 *
 * A ties_extraction borrows the ties_doc it was made from (offsets point
 * into doc->text) and owns everything else; free it before the doc.
 */
#ifndef TIES_EXTRACT_H
#define TIES_EXTRACT_H

#include "common.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ties_entity_type {
	TIES_ENT_PERSON,
	TIES_ENT_ORGANIZATION,
	TIES_ENT_LOCATION,
	TIES_ENT_FACILITY,
	TIES_ENT_EVENT,
	TIES_ENT_OTHER
} ties_entity_type;

const char *ties_entity_type_name(ties_entity_type t);          /* "person", ... */
int ties_entity_type_parse(const char *s, ties_entity_type *t); /* 0 ok, -1 unknown */

typedef struct ties_span {
	size_t start, end;
} ties_span;

typedef struct ties_entity {
	char id[16];      /* "e1", ... unique in the document */
	const char *name; /* canonical name */
	ties_entity_type type;
	const char **aliases;
	size_t naliases;
	ties_span *mentions;
	size_t nmentions;
	/* Locations: country (ISO 3166 alpha-2) and coordinates where known. */
	char country[3];
	int has_coords;
	double lat, lon;
	const char *wordnet; /* WordNet sense key or gloss used for typing, or NULL */
} ties_entity;

/* ICD-203 estimative levels, from the wording of the evidence. */
typedef enum ties_hedge {
	TIES_HEDGE_ASSERTED, /* stated as fact */
	TIES_HEDGE_ALMOST_CERTAIN,
	TIES_HEDGE_LIKELY,   /* "information suggests", "appears" */
	TIES_HEDGE_REPORTED, /* "reportedly", "according to" */
	TIES_HEDGE_ALLEGED,  /* "allegedly", "alleged" */
	TIES_HEDGE_POSSIBLE, /* "might", "may", "could" */
	TIES_HEDGE_UNLIKELY
} ties_hedge;

const char *ties_hedge_name(ties_hedge h); /* "asserted", "reported", ... */
/* Confidence 0-100 for a hedge level (used for STIX and filters). */
int ties_hedge_confidence(ties_hedge h);

typedef struct ties_relation {
	size_t source, target; /* indexes into entities */
	const char *type;      /* "leads", "member-of", ... */
	ties_span evidence;    /* the evidence sentence (or clause) */
	int *notes;            /* footnote numbers attached to the sentence */
	size_t nnotes;
	ties_hedge hedge;
	int negated;
	const char *date;    /* "2008", "2020-02", or NULL */
	const char *trigger; /* the word or pattern that fired, for audits */
} ties_relation;

typedef struct ties_extraction {
	const ties_doc *doc;
	ties_entity *entities;
	size_t nentities;
	ties_relation *relations;
	size_t nrelations;
	struct ties_arena *arena;
} ties_extraction;

typedef struct ties_extract_opts {
	const char *rules_path; /* relation rules file; NULL = installed default */
	size_t max_entities;    /* default 100000 */
	size_t max_relations;   /* default 500000 */
} ties_extract_opts;

ties_code ties_extract(const ties_doc *doc, const ties_extract_opts *opts, ties_extraction **out,
                       ties_error *err);
void ties_extraction_free(ties_extraction *x);

/* Appends the `ties extract --json` contract (docs/extract.md). */
ties_code ties_extraction_write_json(const ties_extraction *x, ties_buf *out);

#ifdef __cplusplus
}
#endif
#endif
