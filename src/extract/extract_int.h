/* Internal interfaces of the extract stage (prefix ties__x).  Not installed.
 *
 * Pipeline (extract.c): tokens.c splits sentences into tokens; candidates.c
 * finds name spans from orthography and acronym definitions (acronyms.c);
 * typing.c types them from the lexicon index (lexicon.c, built at make time
 * by tools/mkindex.c from WordNet, iso-codes and geonames) and from context;
 * coref.c merges mentions into one entity per referent; relations.c applies
 * the rules file (rules.c) to each sentence; hedge.c finds hedges, negation
 * and dates; json.c writes the contract.
 */
#ifndef TIES_EXTRACT_INT_H
#define TIES_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ties/extract.h"
#include "util/util.h"

/* Normalised lookup key: NFKD, marks stripped, case folded, only letters and
 * digits kept ("Al-Nasra", "AlNasra", "al Nasra" -> "alnasra").  Returns the
 * key length (truncated to cap-1, always NUL-terminated). */
size_t ties__xnorm(const char *s, size_t n, char *out, size_t cap);

/* ---- lexicon index (lexicon.c) ---- */
typedef struct xlex_rec {
	char kind;     /* n w x c s g (see tools/mkindex.c) */
	char cls;      /* P O L F X, or part of speech for w/x */
	char flags[3]; /* n: "i-" instance, "-u" capitalised lemma; else country */
	double lat, lon;
	const char *display; /* not NUL-terminated: display_len bytes */
	size_t display_len;
	const char *syns; /* '|'-separated, syns_len bytes */
	size_t syns_len;
} xlex_rec;

typedef struct xlex xlex;
/* Maps the index (path NULL: env TIES_INDEX, then the compiled-in path);
 * a missing index gives an empty lexicon, not an error. */
ties_code ties__xlex_open(const char *path, xlex **out, ties_error *err);
void ties__xlex_close(xlex *lx);
int ties__xlex_loaded(const xlex *lx);
/* Calls fn for each record with this key (already normalised); stops when
 * fn returns nonzero and returns that value. */
int ties__xlex_each(const xlex *lx, const char *key, size_t klen,
                    int (*fn)(const xlex_rec *r, void *ctx), void *ctx);

/* ---- rules file (rules.c) ---- */
enum {
	XR_VERB,      /* verb LEMMA TYPE [PREP] [reverse] */
	XR_NOUN,      /* noun LEMMA TYPE [PREP] [reverse] : "X's links to Y" */
	XR_ROLE,      /* role WORD TYPE : "X leader Y", "Y, leader of X" */
	XR_ADJ,       /* adj WORD TYPE [PREP] : "X is close to Y" */
	XR_COMPOUND,  /* compound WORD TYPE : "X-backed Y" */
	XR_SUPPORT,   /* with-support WORD TYPE : "with X support" */
	XR_PART,      /* part WORD TYPE : "X's branch Y" */
	XR_ACTORNOUN, /* actor-noun WORD : "killed in an X operation" */
	XR_HEDGE,     /* hedge LEVEL PHRASE... */
	XR_NEGATION,  /* negation WORD */
	XR_REVERSAL,  /* reversal WORD : "renounce", "sever": flips negation */
	XR_ORGHEAD,   /* org-head WORD */
	XR_FACHEAD,   /* facility-head WORD */
	XR_LOCHEAD,   /* location-head WORD */
	XR_LOCCUE,    /* place-cue WORD : lowercase "province" after a name */
	XR_HONORIFIC, /* honorific WORD : part of a person's name */
	XR_CONNECTOR, /* connector WORD : inside names ("of", "bin", "al") */
	XR_STOP,      /* stop WORD : never starts or ends a name */
	XR_RECEIVE,   /* receive-verb WORD : "B receives money from A" */
	XR_ORGFIRST,  /* org-first WORD : first word of a name ("Banco X", "Grupo X") */
	XR_NKINDS
};

typedef struct xrule {
	int kind;
	const char *word; /* lemma or word, lowercase (first word of a phrase) */
	const char *type; /* relation type, or hedge level name */
	const char *prep; /* required following preposition, or NULL */
	const char *rest; /* the rest of a multiword phrase, or NULL */
	int reverse;      /* 1: object TYPE subject */
	int passive_only; /* 1: only as "was VERBed by" */
} xrule;

typedef struct xrules xrules;
ties_code ties__xrules_load(const char *path, xrules **out, ties_error *err);
void ties__xrules_free(xrules *r);
/* First rule of this kind for a lowercase word (n bytes), or NULL; next
 * rules with the same word and kind follow through ties__xrules_next. */
const xrule *ties__xrules_find(const xrules *r, int kind, const char *w, size_t n);
const xrule *ties__xrules_next(const xrules *r, const xrule *cur);
int ties__xrules_has(const xrules *r, int kind, const char *w, size_t n);

/* ---- tokens (tokens.c) ---- */
enum {
	XT_WORD = 1 << 0,
	XT_CAP = 1 << 1,    /* first letter upper case */
	XT_ALLCAP = 1 << 2, /* two or more letters, all upper ("FARC", "U.S.") */
	XT_MIXED = 1 << 3,  /* acronym with inner capitals ("ELN" like "HizB", "McK") */
	XT_NUM = 1 << 4,
	XT_PUNCT = 1 << 5,
	XT_POSS = 1 << 6,     /* the possessive "'s" split off a word */
	XT_HYPH = 1 << 7,     /* contains a hyphen */
	XT_START = 1 << 8,    /* first word of its sentence (or after a quote) */
	XT_MARKER = 1 << 9,   /* a footnote marker */
	XT_COMPOUND = 1 << 10 /* "backed" of "X-backed" */
};

typedef struct xtok {
	size_t s, e;
	unsigned flags;
	uint32_t sent;
} xtok;

/* Appends the tokens of [s, e) to v (xtok); markers sorted by start. */
ties_code ties__xtokenize(const char *text, size_t s, size_t e, uint32_t sent,
                          const ties_marker *markers, size_t nmarkers, size_t *mi, ties_vec *v);
/* Lowercase copy of a token into buf (cap), returns its length. */
size_t ties__xlower(const char *text, const xtok *t, char *buf, size_t cap);
/* Lemma of a lowercase word by WordNet's morphological rules restricted to
 * words the caller accepts (accept returns 1 for a known lemma). */
size_t ties__xlemma(const xlex *lx, const char *w, size_t n, char pos, char *out, size_t cap);
struct xstate;
/* The same through the extraction's memo. */
size_t ties__xlemma_cached(struct xstate *st, const char *w, size_t n, char pos, char *out,
                           size_t cap);

/* ---- hedges, negation, dates (hedge.c) ---- */
ties_hedge ties__xhedge(const xrules *r, const char *text, const xtok *toks, size_t n,
                        const char **cue);
/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" found in [s, e) nearest to near;
 * returns 0 when there is none. */
int ties__xdate(const char *text, const xtok *toks, size_t n, size_t near, char out[32]);
int ties__xmonth(const char *w, size_t n); /* 1..12 for a month name, else 0 */

#endif

/* ---- memo of lexicon answers (cache.c) ---- */
#define XCACHE_VAL 96
typedef struct xcache xcache;
xcache *ties__xcache_new(void);
void ties__xcache_free(xcache *c);
/* The value buffer (XCACHE_VAL bytes, zeroed when new) for (tag, key);
 * *found says whether it held an answer.  NULL when out of memory. */
char *ties__xcache_slot(xcache *c, char tag, const char *key, size_t klen, int *found);

/* ---- the per-document state shared by the stages ---- */
enum {
	XC_ACRO = 1 << 0,     /* an acronym ("FARC", "HizB") */
	XC_LONGFORM = 1 << 1, /* the long form of an acronym defined here */
	XC_FACHEAD = 1 << 2,  /* extended over a lowercase facility head */
	XC_PLACECUE = 1 << 3, /* followed by "province", "district"... */
	XC_SUBUNIT = 1 << 4,  /* "X's Lima Wing": part of its owner */
	XC_DROP = 1 << 5,     /* not an entity after all */
	XC_NESTED = 1 << 6,   /* a place named inside a longer name ("Lima" in "Lima Zoo") */
	XC_NICK = 1 << 7,     /* a person's name around a quoted nickname (nick_s, nick_e) */
	XC_LCHEAD = 1 << 8,   /* extended over a lowercase organisation head ("the X clan") */
	XC_DEFINED = 1 << 9   /* an acronym this document defines: its long form, not the
	                       * lexicon, says what it is ("ID" is no state there) */
};

typedef struct xcand {
	size_t s, e;   /* bytes of the mention */
	size_t t0, t1; /* tokens [t0, t1) */
	uint32_t sent;
	unsigned flags;
	long acro_of;          /* candidate index of the long form (or of the name a
	                        * nickname or alias belongs to), or -1 */
	size_t nick_s, nick_e; /* XC_NICK: bytes of the quoted nickname, quotes included */
	char cls;              /* P O L F X */
	int strength;          /* how sure the class is: 0..6 */
	char lexkind;          /* c s g n of the lexicon record that typed it, or 0 */
	char country[3];
	int has_coords;
	double lat, lon;
	const char *wordnet; /* arena copy of WordNet synonyms used, or NULL */
	char *key;           /* normalised key (arena) */
	long ent;            /* entity index, -1 */
} xcand;

typedef struct xstate {
	const ties_doc *doc;
	const char *text;
	const xlex *lx;
	const xrules *rules;
	ties_arena *a;
	ties_vec toks;        /* xtok, whole document */
	size_t *sent_tok;     /* first token of sentence i; [nsentences] = ntoks */
	ties_vec cands;       /* xcand, in text order */
	ties_extraction *x;   /* being filled */
	xcache *cache;        /* lexicon answers */
	struct xpairs *pairs; /* word pairs of the document (candidates.c), or NULL */
	size_t max_entities, max_relations;
	/* the limit that stopped the extraction: 'e' entities, 'r' relations */
	char limit;
} xstate;

/* candidates.c: name spans of every sentence (and acronym definitions) */
ties_code ties__xcandidates(xstate *st);
/* "al-Nahr", "ash-Sham": a lowercase particle joined to a capitalised name */
int ties__xparticle(const xstate *st, const xtok *t);
/* lexicon helpers (typing.c) */
int ties__xis_common(const xstate *st, const char *key, size_t klen);
int ties__xis_demonym(const xstate *st, const char *key, size_t klen);
/* A capitalised word of the system dictionary (often a given name). */
int ties__xis_given(const xstate *st, const char *key, size_t klen);
/* A word of the WordNet vocabulary in lowercase (even when it is a name too). */
int ties__xis_word(const xstate *st, const char *key, size_t klen);
/* A place of the gazetteers (iso-codes, geonames), not only of WordNet. */
int ties__xis_gazetteer(const xstate *st, const char *key, size_t klen);
int ties__xproper_class(const xstate *st, const char *key, size_t klen, char *lexkind);
/* A lowercase noun whose most frequent WordNet sense is a person
 * ("official", "smugglers"). */
int ties__xperson_word(const xstate *st, const char *w, size_t n);
/* A WordNet instance noun ("Asia", "Everest"), not a capitalised lemma. */
int ties__xis_instance(const xstate *st, const char *key, size_t klen);
ties_code ties__xtype(xstate *st);
/* coref.c: one entity per referent, fills st->x->entities */
ties_code ties__xcoref(xstate *st);
/* relations.c: fills st->x->relations */
ties_code ties__xrelations(xstate *st);
