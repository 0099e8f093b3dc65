/* Relations from sentence structure.  Each sentence becomes a list of items
 * (a token, or a whole entity mention); the rules file's triggers are
 * matched on lemmas (WordNet morphology) and the patterns below find their
 * arguments: subject and object around a verb (active and passive, with
 * coordination and parentheticals), noun triggers with their possessor or
 * modifier, titles ("X leader Y"), appositions ("Y, the leader of X"),
 * copulas, "X-backed Y", "with X support", "X's branch Y", and location
 * chains ("A, B, Country", "A district of B", "Facility in City"). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract_int.h"

#define TOK(st, i) TIES_VEC_AT(&(st)->toks, xtok, i)
#define CAND(st, i) TIES_VEC_AT(&(st)->cands, xcand, i)
#define MAXARGS 12

typedef struct item {
	size_t t0, t1; /* tokens */
	long ent;      /* entity, or -1 for a plain token */
	long cand;
	char w[48];  /* lowercase token text */
	char lv[48]; /* verb lemma, "" if none */
	char ln[48]; /* noun lemma */
	unsigned flags;
} item;

typedef struct sctx {
	xstate *st;
	const char *country_kind; /* per entity: 'c' country, 's' subdivision, 0 */
	long last_subj;
	long prev_subj; /* the last clause subject of the previous sentence */
	item *it;
	size_t n;
	uint32_t sent;
	ties_vec *rels;
	size_t a, b;    /* sentence tokens */
	size_t rel0;    /* first relation of this sentence */
	size_t cand0;   /* first candidate of this sentence */
	size_t m0, m1;  /* its footnote markers */
	long title_org; /* the organisation the title names, or -1 */
} sctx;

static int is(const item *x, const char *w)
{
	return x->ent < 0 && !strcmp(x->w, w);
}

static int in_list(const item *x, const char *const *l)
{
	if (x->ent >= 0)
		return 0;
	for (; *l; l++)
		if (!strcmp(x->w, *l))
			return 1;
	return 0;
}

static const char *const dets[] = {"the",      "a",       "an",   "its",   "their",  "his",
                                   "her",      "this",    "that", "these", "those",  "some",
                                   "multiple", "several", "many", "other", "senior", "large",
                                   "small",    "joint",   NULL};
static const char *const aux[] = {
    "is",         "are",       "was",    "were",  "be",      "been",    "being", "has",
    "have",       "had",       "will",   "would", "can",     "could",   "may",   "might",
    "must",       "shall",     "should", "did",   "does",    "do",      "to",    "not",
    "also",       "then",      "later",  "still", "already", "never",   "n't",   "cannot",
    "reportedly", "allegedly", "once",   "now",   "often",   "jointly", NULL};
static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
static const char *const locatives[] = {"in",    "at",      "near", "from",   "within",
                                        "along", "across",  "into", "inside", "outside",
                                        "via",   "through", NULL};
static const char *const pronouns[] = {"he", "she", "his", "her", "him", NULL};
static const char *const org_pronouns[] = {"its", "their", NULL};
static const char *const stoppers[] = {"that",   "which", "who",     "whom", "because", "although",
                                       "though", "while", "whereas", "but",  NULL};

static int punct(const item *x, char c)
{
	return x->ent < 0 && x->w[0] == c && x->w[1] == 0;
}

static char cls_of(const sctx *c, long e)
{
	switch (c->st->x->entities[e].type) {
	case TIES_ENT_PERSON: return 'P';
	case TIES_ENT_ORGANIZATION: return 'O';
	case TIES_ENT_LOCATION: return 'L';
	case TIES_ENT_FACILITY: return 'F';
	default: return 'X';
	}
}

/* 2: a country, 1: a subdivision, 0: anything else */
static int is_country(const sctx *c, const item *x)
{
	if (x->ent < 0)
		return 0;
	char k = c->country_kind[x->ent];
	return k == 'c' ? 2 : k == 's' ? 1 : 0;
}

static int actor(char k)
{
	return k == 'P' || k == 'O';
}

/* The organisation a person was last said to lead or belong to, or -1. */
static long org_of(const sctx *c, long person)
{
	for (size_t z = c->rels->len; person >= 0 && z-- > 0;) {
		const ties_relation *o = &TIES_VEC_AT(c->rels, ties_relation, z);
		if (o->source == (size_t)person && !o->negated &&
		    (!strcmp(o->type, "leads") || !strcmp(o->type, "member-of")))
			return (long)o->target;
	}
	return -1;
}

/* The rule of KIND for an item by its noun lemma or its word. */
static int item_rule(const sctx *c, int kind, const item *x)
{
	const char *w = x->ln[0] ? x->ln : x->w;
	return ties__xrules_has(c->st->rules, kind, w, strlen(w));
}

/* A common noun whose first WordNet sense is a person ("operative",
 * "official", "smuggler"). */
static int person_noun(const sctx *c, const item *x)
{
	if (x->ent >= 0 || !x->w[0] || (x->flags & XT_PUNCT))
		return 0;
	return ties__xperson_word(c->st, x->w, strlen(x->w));
}

static int admin_rec(const xlex_rec *r, void *ctx)
{
	int *best = ctx;
	int v = r->kind == 'c' ? 2 : r->kind == 's' ? 1 : 0;
	if (v > *best)
		*best = v;
	return 0;
}

/* Rank of a place for "A, B" chains: 2 a country, 1 an administrative
 * area (known as one to iso-codes under any sense, or named "X State",
 * "Y Region", "Z Province"), 0 anything else. */
static int admin_rank(const sctx *c, const item *x)
{
	if (x->ent < 0 || cls_of(c, x->ent) != 'L')
		return 0;
	int k = is_country(c, x);
	if (k)
		return k;
	if (x->cand >= 0) {
		const xcand *cd = &CAND(c->st, x->cand);
		if (cd->key)
			ties__xlex_each(c->st->lx, cd->key, strlen(cd->key), admin_rec, &k);
		if (k)
			return k;
		static const char *const areas[] = {
		    "state",     "region",       "province",   "division", "district",
		    "county",    "governorate",  "department", "oblast",   "prefecture",
		    "territory", "municipality", NULL};
		char wl[32];
		ties__xlower(c->st->text, &TOK(c->st, cd->t1 - 1), wl, sizeof wl);
		for (const char *const *a = areas; *a; a++)
			if (cd->t1 - cd->t0 >= 2 && !strcmp(wl, *a))
				return 1;
	}
	return 0;
}

/* Do the argument types fit the relation? */
static int fits(const sctx *c, const char *type, long s, long t)
{
	char a = cls_of(c, s), b = cls_of(c, t);
	int sa = actor(a) || (a == 'L' && c->country_kind[s] == 'c');
	if (!strcmp(type, "located-in"))
		return (a == 'L' || a == 'F') && b == 'L';
	if (!strcmp(type, "based-in") || !strcmp(type, "operates-in"))
		return actor(a) && (b == 'L' || b == 'F');
	if (!strcmp(type, "leads"))
		return a == 'P' && b == 'O';
	if (!strcmp(type, "member-of"))
		return actor(a) && b == 'O';
	if (!strcmp(type, "attacked"))
		return sa && b != 'X';
	if (!strcmp(type, "killed-by") || !strcmp(type, "arrested-by") ||
	    !strcmp(type, "trained-by"))
		return actor(a) && (actor(b) || b == 'L');
	if (!strcmp(type, "affiliated-with"))
		return actor(a) && (actor(b) || b == 'F');
	if (!strcmp(type, "met-with") || !strcmp(type, "supports") || !strcmp(type, "funds"))
		return sa && actor(b);
	return a != 'X' && b != 'X';
}

static int negated(const sctx *c, size_t from, size_t to)
{
	int neg = 0;
	for (size_t i = from; i < to && i < c->n; i++) {
		const item *x = &c->it[i];
		if (x->ent >= 0)
			continue;
		if (ties__xrules_has(c->st->rules, XR_NEGATION, x->w, strlen(x->w)))
			neg ^= 1;
		else if (x->lv[0] &&
		         ties__xrules_has(c->st->rules, XR_REVERSAL, x->lv, strlen(x->lv)))
			neg ^= 1;
	}
	return neg;
}

/* What a failed add() means: a limit it hit, or else no memory. */
static ties_code push_failed(const xstate *st)
{
	return st->limit ? TIES_ERR_LIMIT : TIES_ERR_NOMEM;
}

static int add(sctx *c, long s, long t, const char *type, size_t trig, int neg)
{
	xstate *st = c->st;
	if (s < 0 || t < 0 || s == t || !fits(c, type, s, t))
		return 0;
	for (size_t i = c->rel0; i < c->rels->len; i++) {
		ties_relation *r = &TIES_VEC_AT(c->rels, ties_relation, i);
		if (r->source == (size_t)s && r->target == (size_t)t && !strcmp(r->type, type) &&
		    r->evidence.start == st->doc->sentences[c->sent].start)
			return 0;
	}
	if (c->rels->len >= st->max_relations) {
		st->limit = 'r';
		return -1;
	}
	ties_relation *r = ties__vec_push(c->rels);
	if (!r)
		return -1;
	const ties_sentence *se = &st->doc->sentences[c->sent];
	r->source = (size_t)s;
	r->target = (size_t)t;
	r->type = ties__arena_strdup(st->a, type);
	if (!r->type)
		return -1;
	r->evidence = (ties_span){se->start, se->end};
	r->negated = neg;
	r->trigger = c->it[trig].ent < 0
	                 ? ties__arena_strdup(st->a, c->it[trig].lv[0]   ? c->it[trig].lv
	                                             : c->it[trig].ln[0] ? c->it[trig].ln
	                                                                 : c->it[trig].w)
	                 : "pattern";
	if (c->m1 > c->m0) {
		r->notes = ties__arena_array(st->a, c->m1 - c->m0, sizeof *r->notes);
		if (!r->notes)
			return -1;
		for (size_t m = c->m0; m < c->m1; m++)
			if (st->doc->markers[m].sentence == c->sent)
				r->notes[r->nnotes++] = st->doc->markers[m].number;
	}
	const xtok *tk = &TOK(st, c->a);
	r->hedge = ties__xhedge(st->rules, st->text, tk, c->b - c->a, NULL);
	char date[32];
	if (ties__xdate(st->text, tk, c->b - c->a, TOK(st, c->it[trig].t0).s, date))
		r->date = ties__arena_strdup(st->a, date);
	return 0;
}

/* The last person (or organisation) mentioned before item i, within two
 * sentences: the referent of "he", "his" ("its", "their"). */
static long ref_of(const sctx *c, size_t i, ties_entity_type want)
{
	size_t pos = TOK(c->st, c->it[i].t0).s;
	/* back from this sentence's mentions, at most two sentences */
	size_t k = c->cand0;
	while (k < c->st->cands.len && CAND(c->st, k).s < pos)
		k++;
	long found = -1;
	uint32_t in_sent = 0;
	while (k-- > 0) {
		const xcand *x = &CAND(c->st, k);
		if (x->sent + 2 < c->sent || (found >= 0 && x->sent != in_sent))
			break;
		if (x->ent >= 0 && !(x->flags & XC_NESTED) &&
		    c->st->x->entities[x->ent].type == want) {
			/* a person: the last one named; an organisation ("its"):
			 * the first one of that sentence, its topic */
			if (want == TIES_ENT_PERSON)
				return x->ent;
			found = x->ent;
			in_sent = x->sent;
		}
	}
	return found;
}

static long pronoun_ref(const sctx *c, size_t i)
{
	return ref_of(c, i, TIES_ENT_PERSON);
}

/* Items strictly between j and i are one verb phrase without names or
 * punctuation ("bought at least forty"): "A, apposition, bought rifles". */
static int clause_between(const sctx *c, size_t j, size_t i)
{
	int verb = 0;
	if (i <= j + 1 || i - j > 7)
		return 0;
	for (size_t k = j + 1; k < i; k++) {
		const item *x = &c->it[k];
		if (x->ent >= 0 || (x->flags & XT_PUNCT) || in_list(x, stoppers))
			return 0;
		verb |= x->lv[0] && !x->ln[0];
	}
	return verb;
}

/* "known as X", "called X", "dubbed X", "calling itself X" in items [k, j):
 * the entity so named, or -1. */
static long naming(const sctx *c, size_t k, size_t j)
{
	for (size_t q = k; q < j && q < k + 3; q++) {
		size_t e = 0;
		if ((is(&c->it[q], "known") || is(&c->it[q], "referred")) && q + 1 < j &&
		    is(&c->it[q + 1], "as"))
			e = q + 2;
		else if (is(&c->it[q], "called") || is(&c->it[q], "dubbed") ||
		         is(&c->it[q], "named") || is(&c->it[q], "styled"))
			e = q + 1;
		else if ((is(&c->it[q], "calling") || is(&c->it[q], "calls") ||
		          is(&c->it[q], "call")) &&
		         q + 1 < j &&
		         (is(&c->it[q + 1], "itself") || is(&c->it[q + 1], "themselves")))
			e = q + 2;
		if (!e)
			continue;
		while (e < j && in_list(&c->it[e], dets))
			e++;
		if (e < j && c->it[e].ent >= 0)
			return c->it[e].ent;
	}
	return -1;
}

/* Items strictly between j and i are auxiliaries or adverbs ("is", "was
 * reportedly"): "A, the leader of B, was arrested". */
static int only_aux_between(const sctx *c, size_t j, size_t i)
{
	for (size_t k = j + 1; k < i; k++) {
		const item *x = &c->it[k];
		if (x->ent >= 0 || !(in_list(x, aux) ||
		                     (strlen(x->w) > 3 && !strcmp(x->w + strlen(x->w) - 2, "ly"))))
			return 0;
	}
	return 1;
}

/* "it is believed that", "it was reported to": "it" that stands for no one */
static int expletive_it(const sctx *c, size_t j)
{
	static const char *const cues[] = {
	    "believed",  "thought",    "said",      "reported",  "alleged",  "known",    "feared",
	    "suspected", "understood", "likely",    "unlikely",  "possible", "unclear",  "clear",
	    "evident",   "true",       "important", "difficult", "easy",     "expected", "claimed",
	    "rumoured",  "rumored",    "estimated", "seems",     "appears",  "remains",  "that",
	    "to",        "not",        NULL};
	for (size_t k = j + 1; k < c->n && k <= j + 3; k++) {
		if (in_list(&c->it[k], cues))
			return 1;
		if (!in_list(&c->it[k], aux))
			break;
	}
	return 0;
}

/* "its", "the group": the organisation the text is about so far, the one
 * named most often before item i (the first named on a tie), else the
 * topic of the last sentences. */
static long org_topic(const sctx *c, size_t i);
static long org_ref(const sctx *c, size_t i)
{
	/* "Its leader ..." opening a sentence: the subject of the sentence before */
	if (i == 0 && c->prev_subj >= 0 &&
	    c->st->x->entities[c->prev_subj].type == TIES_ENT_ORGANIZATION)
		return c->prev_subj;
	return org_topic(c, i);
}

static long org_topic(const sctx *c, size_t i)
{
	size_t pos = TOK(c->st, c->it[i].t0).s;
	size_t k = c->cand0;
	while (k < c->st->cands.len && CAND(c->st, k).s < pos)
		k++;
	size_t from = k > 300 ? k - 300 : 0; /* a window bounds the cost */
	long best = -1;
	size_t bestn = 0;
	/* mentions per organisation in the window; ties go to the one named
	 * first.  A small open-addressing table: at most 300 keys. */
	struct {
		long ent;
		size_t n, first;
	} tab[512];
	for (size_t t = 0; t < 512; t++)
		tab[t].ent = -1;
	for (size_t q = from; q < k; q++) {
		const xcand *x = &CAND(c->st, q);
		if (x->ent < 0 || (x->flags & XC_NESTED) ||
		    c->st->x->entities[x->ent].type != TIES_ENT_ORGANIZATION)
			continue;
		size_t t = (size_t)x->ent * 2654435761u & 511;
		while (tab[t].ent >= 0 && tab[t].ent != x->ent)
			t = (t + 1) & 511;
		if (tab[t].ent < 0) {
			tab[t].ent = x->ent;
			tab[t].n = 0;
			tab[t].first = q;
		}
		tab[t].n++;
	}
	size_t bestfirst = 0;
	for (size_t t = 0; t < 512; t++)
		if (tab[t].ent >= 0 &&
		    (tab[t].n > bestn || (tab[t].n == bestn && tab[t].first < bestfirst))) {
			bestn = tab[t].n;
			best = tab[t].ent;
			bestfirst = tab[t].first;
		}
	/* the organisation the title names, unless the text has moved on */
	if (c->title_org >= 0 && best != c->title_org) {
		size_t tn = 0;
		for (size_t z = from; z < k; z++)
			tn += CAND(c->st, z).ent == c->title_org &&
			      !(CAND(c->st, z).flags & XC_NESTED);
		if (tn * 2 >= bestn)
			return c->title_org;
	}
	return best >= 0 ? best : ref_of(c, i, TIES_ENT_ORGANIZATION);
}

/* Does the text right after candidate k describe it as a NOUN: "X, a
 * trucking firm", "X (XF), an armed group"? */
static int described_as(const xstate *st, const xcand *k, const char *noun)
{
	size_t t = k->t1, end = st->sent_tok[k->sent + 1];
	char w[48];
	if (t + 2 < end && ties__xlower(st->text, &TOK(st, t), w, sizeof w) && !strcmp(w, "(")) {
		while (t < end && t < k->t1 + 4 &&
		       !(ties__xlower(st->text, &TOK(st, t), w, sizeof w) && !strcmp(w, ")")))
			t++;
		t++;
	}
	if (t + 2 >= end || !ties__xlower(st->text, &TOK(st, t), w, sizeof w) || strcmp(w, ","))
		return 0;
	t++;
	ties__xlower(st->text, &TOK(st, t), w, sizeof w);
	if (strcmp(w, "a") && strcmp(w, "an") && strcmp(w, "the"))
		return 0;
	for (size_t q = t + 1; q < end && q <= t + 4; q++) {
		if (TOK(st, q).flags & XT_PUNCT)
			return 0;
		ties__xlower(st->text, &TOK(st, q), w, sizeof w);
		if (!strcmp(w, noun))
			return 1;
	}
	return 0;
}

/* "the brigade", "the firm" (item j is the determiner): the most recent
 * organisation whose name ends in that noun or that was described as one;
 * else the organisation the text is about. */
static long def_ref(const sctx *c, size_t j)
{
	const xstate *st = c->st;
	const char *noun = c->it[j + 1].w;
	size_t nl = strlen(noun);
	size_t pos = TOK(st, c->it[j].t0).s;
	size_t k = c->cand0;
	while (k < st->cands.len && CAND(st, k).s < pos)
		k++;
	for (size_t q = k, seen = 0; q-- > 0 && seen < 300; seen++) {
		const xcand *x = &CAND(st, q);
		if (x->ent < 0 || (x->flags & XC_NESTED) ||
		    st->x->entities[x->ent].type != TIES_ENT_ORGANIZATION)
			continue;
		const char *name = st->x->entities[x->ent].name;
		size_t ln = name ? strlen(name) : 0;
		if (ln > nl && name[ln - nl - 1] == ' ' && !strncasecmp(name + ln - nl, noun, nl))
			return x->ent;
		if (described_as(st, x, noun))
			return x->ent;
	}
	/* "the group", "the movement": the organisation the text is about;
	 * "the company", "the bank": only one named as such */
	static const char *const generic[] = {
	    "group", "organisation", "organization", "movement", "outfit", "insurgency", NULL};
	for (const char *const *g = generic; *g; g++)
		if (!strcmp(noun, *g)) {
			/* "The KAG, meanwhile, draws on ...: X funds the group": the
			 * organisation this sentence opened with */
			for (size_t q = 0; q < j && q < 3; q++)
				if (c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'O' &&
				    q + 1 < j && punct(&c->it[q + 1], ','))
					return c->it[q].ent;
			return org_ref(c, j);
		}
	/* "The company is headquartered in X" right after a sentence about it */
	static const char *const firms[] = {
	    "company", "firm",   "contractor", "business", "bank",      "lender", "exchange",
	    "gang",    "cartel", "network",    "militia",  "syndicate", NULL};
	for (const char *const *g = firms; *g; g++)
		if (!strcmp(noun, *g) && c->prev_subj >= 0 && cls_of(c, c->prev_subj) == 'O')
			return c->prev_subj;
	return -1;
}

/* "the group", "the cartel": an anaphor for an organisation */
static int org_anaphor(const sctx *c, size_t j)
{
	return j + 1 < c->n && (is(&c->it[j], "the") || is(&c->it[j], "this")) &&
	       c->it[j + 1].ent < 0 && !(c->it[j + 1].flags & XT_CAP) &&
	       ties__xrules_has(c->st->rules, XR_ORGHEAD, c->it[j + 1].w, strlen(c->it[j + 1].w));
}

static int has_ent(const long *v, size_t n, long e)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == e)
			return 1;
	return 0;
}

static void push(long *v, size_t *n, long e)
{
	if (e >= 0 && *n < MAXARGS && !has_ent(v, *n, e))
		v[(*n)++] = e;
}

/* Entities coordinated to the left of item j: "A, B and C". */
static void coord_left(const sctx *c, size_t j, long *v, size_t *n)
{
	while (j >= 2) {
		size_t k = j - 1;
		if (is(&c->it[k], "the") && k >= 1)
			k--;
		if (!(is(&c->it[k], "and") || punct(&c->it[k], ',') || is(&c->it[k], "or")) ||
		    k == 0)
			return;
		if (k >= 4 && punct(&c->it[k - 1], ')') && punct(&c->it[k - 3], '(') &&
		    c->it[k - 4].ent >= 0 && c->it[k - 2].ent == c->it[k - 4].ent)
			k -= 3; /* "the X Front (XF) and ..." */
		if (c->it[k - 1].ent < 0)
			return;
		push(v, n, c->it[k - 1].ent);
		j = k - 1;
	}
}

/* Subjects left of item i: nearest entity through auxiliaries and adverbs,
 * with a parenthetical "(specifically B)" and coordination. */
static size_t objects(const sctx *c, size_t i, const char *prep, size_t reach, long *v, size_t *at);
static int participle(const item *x);
/* People or parts of an organisation named by a plain noun */
static int member_noun(const item *x)
{
	static const char *const l[] = {
	    "fighter", "militant", "member", "cell",      "unit",      "operative", "cadre", "crew",
	    "recruit", "operator", "gunman", "insurgent", "commander", "affiliate", NULL};
	for (const char *const *p = l; *p; p++)
		if (!strcmp(x->ln, *p))
			return 1;
	return 0;
}

static size_t subjects(const sctx *c, size_t i, long *v, int loose)
{
	size_t n = 0;
	size_t gap = 0;
	for (size_t j = i; j-- > 0;) {
		const item *x = &c->it[j];
		if (x->ent >= 0) {
			/* an adjunct "in X" is not the subject */
			size_t p = j;
			while (p > 0 &&
			       (in_list(&c->it[p - 1], dets) || strstr(c->it[p - 1].w, "ern")))
				p--;
			if (p > 0 && in_list(&c->it[p - 1], locatives) && !loose) {
				j = p - 1; /* on past the preposition */
				continue;
			}
			if (p > 0 && loose && is(&c->it[p - 1], "by")) {
				j = p - 1; /* an agent "arrested by X" is not who took bribes */
				continue;
			}
			if (p > 0 && punct(&c->it[p - 1], '-')) {
				j = p - 1;
				continue;
			}
			push(v, &n, x->ent);
			coord_left(c, j, v, &n);
			return n;
		}
		if (punct(x, ')')) {
			/* collect the parenthetical, then the name before it */
			size_t k = j;
			while (k > 0 && !punct(&c->it[k], '('))
				k--;
			long inner[MAXARGS];
			size_t ni = 0;
			for (size_t q = k; q < j; q++)
				if (c->it[q].ent >= 0)
					push(inner, &ni, c->it[q].ent);
			size_t q = k;
			while (q > 0 && in_list(&c->it[q - 1], dets))
				q--;
			if (q > 0 && c->it[q - 1].ent >= 0) {
				push(v, &n, c->it[q - 1].ent);
				for (size_t z = 0; z < ni; z++)
					push(v, &n, inner[z]);
				coord_left(c, q - 1, v, &n);
				return n;
			}
			j = k;
			continue;
		}
		if (in_list(x, pronouns)) {
			push(v, &n, pronoun_ref(c, j));
			return n;
		}
		if (is(x, "it") && !expletive_it(c, j)) {
			/* "it": the organisation that was the subject of the last
			 * clause, in this sentence (its opening name) or the one before */
			long e = c->last_subj;
			for (size_t q = 0; e < 0 && q < j && q < 4; q++)
				if (c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'O')
					e = c->it[q].ent;
			if (e < 0)
				e = c->prev_subj;
			if (e >= 0 && cls_of(c, e) == 'O')
				push(v, &n, e);
			return n;
		}
		if (is(x, "they")) {
			/* "they": the organisation that was the subject of the last
			 * clause, in this sentence or the one before */
			long e = c->last_subj >= 0 ? c->last_subj : c->prev_subj;
			if (e >= 0 && cls_of(c, e) == 'O')
				push(v, &n, e);
			return n;
		}
		if (j > 0 && org_anaphor(c, j - 1)) {
			push(v, &n, def_ref(c, j - 1)); /* "the cartel is based in" */
			return n;
		}
		if (in_list(x, org_pronouns) && j + 1 < i && c->it[j + 1].ln[0]) {
			push(v, &n, org_ref(c, j)); /* "its fighters killed" */
			return n;
		}
		if (punct(x, ',') &&
		    (only_aux_between(c, j, i) || (loose && clause_between(c, j, i)))) {
			/* "A, the leader of B, was arrested": skip the apposition */
			size_t k = j;
			if (j >= 1 && c->it[j - 1].ent >= 0 && actor(cls_of(c, c->it[j - 1].ent)) &&
			    (j == 1 ||
			     (j >= 3 && punct(&c->it[j - 2], ',') &&
			      cls_of(c, c->it[j - 1].ent) == 'P') ||
			     (j == 2 && in_list(&c->it[0], dets)) ||
			     (j >= 4 && in_list(&c->it[j - 2], dets) &&
			      punct(&c->it[j - 3], ',')))) {
				push(v, &n,
				     c->it[j - 1].ent); /* "his predecessor, A, was arrested" */
				return n;
			}
			size_t seg = j; /* start of the nearest segment */
			for (int hop = 0; hop < 3; hop++) {
				size_t k0 = k;
				while (k > 0 && k0 - k < 16 && !punct(&c->it[k - 1], ',') &&
				       !punct(&c->it[k - 1], ';'))
					k--;
				if (k >= 2 && punct(&c->it[k - 1], ',') && c->it[k - 2].ent >= 0 &&
				    !(cls_of(c, c->it[k - 2].ent) == 'L' && k >= 3 &&
				      !punct(&c->it[k - 3], ','))) {
					push(v, &n, c->it[k - 2].ent);
					return n;
				}
				/* "whose company, X (XC), based in": the name opening the segment
				 */
				if (k < k0 && c->it[k].ent >= 0 &&
				    (k + 1 == k0 || (k + 4 == k0 && punct(&c->it[k + 1], '(') &&
				                     punct(&c->it[k + 3], ')')))) {
					push(v, &n, c->it[k].ent);
					return n;
				}
				if (hop == 0)
					seg = k;
				/* one more apposition before: "A, 51, a former officer, leads" */
				if (k < 2 || !punct(&c->it[k - 1], ',') || k0 - k > 12)
					break;
				k--;
			}
			/* "four members, including X, were arrested": X */
			if (seg < j && is(&c->it[seg], "including")) {
				long o[MAXARGS];
				size_t no = objects(c, seg, NULL, 0, o, NULL);
				for (size_t z = 0; z < no; z++)
					push(v, &n, o[z]);
				if (no)
					return n;
			}
			/* "a second faction, known as X, operates": X names the subject */
			long named = naming(c, seg, j);
			if (named >= 0)
				push(v, &n, named);
			return n;
		}
		if (is(x, "which") || is(x, "who")) {
			/* "the school in X, which included...": the antecedent */
			size_t k = j;
			if (k > 0 && punct(&c->it[k - 1], ','))
				k--;
			long place = -1;
			int who = is(x, "who");
			for (size_t q = k; q-- > 0 && k - q < 14;) {
				if (c->it[q].ent < 0)
					continue;
				/* "Commander A of the B Police, who": a person */
				if (who && cls_of(c, c->it[q].ent) != 'P' && k - q < 8) {
					size_t z = q;
					while (z-- > 0 && q - z < 6)
						if (c->it[z].ent >= 0 &&
						    cls_of(c, c->it[z].ent) == 'P' &&
						    (is(&c->it[z + 1], "of") ||
						     is(&c->it[z + 1], "from"))) {
							push(v, &n, c->it[z].ent);
							return n;
						}
				}
				size_t p = q;
				while (p > 0 && in_list(&c->it[p - 1], dets))
					p--;
				if (p > 0 && in_list(&c->it[p - 1], locatives))
					continue;
				/* a place closing a chain ("based in A, Country, which"):
				 * the actor before it is meant, if there is one */
				if (cls_of(c, c->it[q].ent) == 'L') {
					if (place < 0 && k - q < 6)
						place = c->it[q].ent;
					continue;
				}
				push(v, &n, c->it[q].ent);
				return n;
			}
			if (place >= 0)
				push(v, &n, place);
			return n;
		}
		if (in_list(x, stoppers) || punct(x, ';') || punct(x, ':'))
			return 0;
		if (punct(x, '(') && j + 1 == i)
			continue;
		if (x->ln[0] && j > 0 &&
		    (c->it[j - 1].ent >= 0 || in_list(&c->it[j - 1], org_pronouns)) && j + 1 == i)
			continue; /* "ACME leaders visited", "its fighters killed" */
		if (x->ln[0] && j > 1 && j + 1 == i && c->it[j - 1].ln[0] &&
		    !(c->it[j - 1].flags & XT_PUNCT) && c->it[j - 1].ent < 0 &&
		    !in_list(&c->it[j - 1], dets) &&
		    (c->it[j - 2].ent >= 0 || in_list(&c->it[j - 2], org_pronouns))) {
			j--; /* "JAR explosives specialists were trained" */
			continue;
		}
		if (x->flags & XT_MARKER)
			continue;
		if (x->ln[0] && j + 1 == i && !loose && member_noun(x)) {
			/* "Several operators were trained by X": people of the
			 * organisation the text is about, when nothing else is named */
			size_t q = j;
			while (q > 0 && c->it[q - 1].ent < 0 && !(c->it[q - 1].flags & XT_PUNCT) &&
			       (in_list(&c->it[q - 1], dets) || (c->it[q - 1].flags & XT_NUM) ||
			        !c->it[q - 1].lv[0] || participle(&c->it[q - 1])) &&
			       j - q < 4)
				q--;
			if (q == 0) {
				long t = org_topic(c, j);
				if (t >= 0)
					push(v, &n, t);
				return n;
			}
		}
		if (in_list(x, aux) || (strlen(x->w) > 3 && !strcmp(x->w + strlen(x->w) - 2, "ly")))
			continue;
		if (loose && gap++ < 8 && !punct(x, ','))
			continue;
		if (x->lv[0] && !x->ln[0] && gap++ < 2)
			continue;
		return 0;
	}
	return n;
}

/* Objects right of item i: entities after the optional preposition, with
 * possessors skipped ("the Front's branch the X" -> X), titles skipped
 * ("ACME chief Y" -> Y), and coordination. */
static size_t objects(const sctx *c, size_t i, const char *prep, size_t reach, long *v, size_t *at)
{
	size_t n = 0, j = i + 1;
	if (prep) {
		while (j < c->n && j <= i + reach && !is(&c->it[j], prep)) {
			if (punct(&c->it[j], ';') || punct(&c->it[j], '.') ||
			    in_list(&c->it[j], stoppers) || is(&c->it[j], "according"))
				return 0;
			j++;
		}
		if (j >= c->n || j > i + reach)
			return 0;
		j++;
	}
	for (int round = 0; j < c->n && round < MAXARGS; round++) {
		size_t skip = 0;
		if (org_anaphor(c, j)) {
			push(v, &n, def_ref(c, j));
			break;
		}
		while (j < c->n && c->it[j].ent < 0 && skip < 5 &&
		       (in_list(&c->it[j], dets) || is(&c->it[j], "like") ||
		        is(&c->it[j], "such") || is(&c->it[j], "as") ||
		        (c->it[j].flags & (XT_NUM | XT_MARKER)) ||
		        ((!c->it[j].lv[0] || c->it[j].ln[0] ||
		          (j > 0 && in_list(&c->it[j - 1], dets) && participle(&c->it[j]))) &&
		         !punct(&c->it[j], ',') && !punct(&c->it[j], '(') &&
		         !in_list(&c->it[j], locatives) && !is(&c->it[j], "and") &&
		         !is(&c->it[j], "by") && !in_list(&c->it[j], stoppers) &&
		         !(c->it[j].flags & XT_PUNCT)))) {
			j++;
			skip++;
		}
		/* "attacked the military base in X": the place stands for the
		 * facility named by a common noun */
		if (!n && skip && j + 1 < c->n && c->it[j].ent < 0 && prep &&
		    in_list(&c->it[j], locatives) && is(&c->it[j], prep) &&
		    (c->it[j - 1].flags & XT_NUM) && c->it[j + 1].ent >= 0)
			j++; /* "formed in 1994 in Manipur" */
		else if (!n && skip && j + 1 < c->n && c->it[j].ent < 0 &&
		         (is(&c->it[j], "in") || is(&c->it[j], "near") || is(&c->it[j], "at")) &&
		         c->it[j + 1].ent >= 0 &&
		         (cls_of(c, c->it[j + 1].ent) == 'L' ||
		          cls_of(c, c->it[j + 1].ent) == 'F') &&
		         item_rule(c, XR_FACHEAD, &c->it[j - 1]))
			j++;
		/* "the Uzbek national Y", "the Iraqi militia known as Y": a place
		 * used as an adjective before a noun is not the object */
		if (j + 2 < c->n && c->it[j].ent >= 0 && cls_of(c, c->it[j].ent) == 'L' && j > 0 &&
		    in_list(&c->it[j - 1], dets) && c->it[j + 1].ent < 0 && c->it[j + 1].ln[0] &&
		    !(c->it[j + 1].flags & XT_PUNCT) && !in_list(&c->it[j + 1], locatives) &&
		    !ties__xrules_has(c->st->rules, XR_LOCCUE, c->it[j + 1].w,
		                      strlen(c->it[j + 1].w)) &&
		    (c->it[j + 2].ent >= 0 || c->it[j + 2].ln[0] || is(&c->it[j + 2], "known"))) {
			j++;
			while (j < c->n && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) &&
			       !in_list(&c->it[j], stoppers) && !in_list(&c->it[j], locatives) &&
			       !is(&c->it[j], "known") && !is(&c->it[j], "called") && skip < 6)
				j++, skip++;
		}
		/* "the Misrata-based militia": the place only qualifies the noun */
		if (j + 1 < c->n && c->it[j].ent >= 0 && (c->it[j + 1].flags & XT_COMPOUND) &&
		    skip < 5) {
			j += 2;
			skip++;
			while (j < c->n && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) &&
			       !c->it[j].lv[0] && !in_list(&c->it[j], stoppers) && skip < 6)
				j++, skip++;
		}
		if (j + 1 < c->n && punct(&c->it[j], ',') && j > 0 && c->it[j + 1].ent >= 0 &&
		    skip && cls_of(c, c->it[j + 1].ent) == 'P' && !n &&
		    (item_rule(c, XR_ROLE, &c->it[j - 1]) ||
		     (skip >= 2 && c->it[j - 1].ln[0] && in_list(&c->it[j - skip], dets))))
			j++; /* "killed the cartel's deputy, Y", "arrested the alleged mule
			        coordinator, Y" */
		if (j < c->n && c->it[j].ent < 0) {
			long named = naming(c, j, c->n < j + 6 ? c->n : j + 6);
			if (named >= 0) {
				push(v, &n, named);
				break;
			}
		}
		if (j >= c->n || c->it[j].ent < 0)
			break;
		size_t k = j;
		/* possessor: "the Front's armed branch the X" */
		if (k + 1 < c->n && (c->it[k + 1].flags & XT_POSS)) {
			for (size_t q = k + 2; q < c->n && q <= k + 6; q++)
				if (c->it[q].ent >= 0) {
					k = q;
					break;
				}
		}
		/* title: "ORG chief NAME", "ORG (OA) leader NAME" */
		if (k + 5 < c->n && punct(&c->it[k + 1], '(') && c->it[k + 2].ent == c->it[k].ent &&
		    punct(&c->it[k + 3], ')') && c->it[k + 4].ent < 0 &&
		    ties__xrules_has(c->st->rules, XR_ROLE, c->it[k + 4].w,
		                     strlen(c->it[k + 4].w)) &&
		    c->it[k + 5].ent >= 0)
			k += 4;
		else if (k + 2 < c->n && c->it[k + 1].ent < 0 &&
		         item_rule(c, XR_ROLE, &c->it[k + 1]) && c->it[k + 2].ent >= 0)
			k += 2;
		if (!n && at)
			*at = k;
		push(v, &n, c->it[k].ent);
		j = k + 1;
		/* acronym in parentheses, "in Place" attachments */
		if (j + 2 < c->n && punct(&c->it[j], '(') && c->it[j + 1].ent >= 0 &&
		    punct(&c->it[j + 2], ')'))
			j += 3;
		while (j + 1 < c->n && in_list(&c->it[j], locatives) && c->it[j + 1].ent >= 0) {
			j += 2;
			while (j + 1 < c->n && punct(&c->it[j], ',') && c->it[j + 1].ent >= 0 &&
			       cls_of(c, c->it[j + 1].ent) == 'L' && is_country(c, &c->it[j + 1]))
				j += 2; /* "in Zapopan, Jalisco" */
		}
		if (c->it[j - 1].ent >= 0 && j < c->n && c->it[j].ent < 0 && !c->it[j].lv[0] &&
		    !(c->it[j].flags & XT_PUNCT) && !in_list(&c->it[j], stoppers) &&
		    !is(&c->it[j], "and"))
			j++; /* "ACME fighters" */
		if (j + 1 < c->n && punct(&c->it[j], ',') && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[k].ent) == 'L' &&
		    admin_rank(c, &c->it[j + 1]) > admin_rank(c, &c->it[k]))
			break; /* "Sinaloa, Mexico" is one place; "Yala, Pattani and X" a list */
		if (j + 3 < c->n && punct(&c->it[j], ',') && c->it[j + 1].ent >= 0 &&
		    (c->it[j + 2].flags & XT_POSS))
			break; /* "Y, X's deputy": an apposition */
		if (j + 2 < c->n && punct(&c->it[j], ',') && in_list(&c->it[j + 1], dets) &&
		    c->it[j + 2].ent < 0)
			break; /* "X, the deputy director of Y": an apposition */
		if (j < c->n &&
		    (is(&c->it[j], "and") || is(&c->it[j], "or") || punct(&c->it[j], ','))) {
			j++;
			if (prep && j + 1 < c->n && is(&c->it[j], prep) &&
			    in_list(&c->it[j], locatives))
				j++; /* "operate in A and in B" */
			while (j < c->n && (is(&c->it[j], "and") || is(&c->it[j], "later") ||
			                    is(&c->it[j], "also") || is(&c->it[j], "to") ||
			                    is(&c->it[j], "with")))
				j++;
			continue;
		}
		break;
	}
	return n;
}

static int rule_word(const sctx *c, int kind, const item *x, const char **which)
{
	const char *w = NULL;
	if (x->ent >= 0)
		return 0;
	if (kind == XR_VERB && x->lv[0])
		w = x->lv;
	else if ((kind == XR_NOUN || kind == XR_ROLE || kind == XR_PART || kind == XR_SUPPORT) &&
	         x->ln[0])
		w = x->ln;
	if (w && ties__xrules_has(c->st->rules, kind, w, strlen(w))) {
		*which = w;
		return 1;
	}
	if (ties__xrules_has(c->st->rules, kind, x->w, strlen(x->w))) {
		*which = x->w;
		return 1;
	}
	return 0;
}

static int emit_pairs(sctx *c, const long *s, size_t ns, const long *o, size_t no, const xrule *r,
                      size_t trig, int neg, int passive)
{
	for (size_t i = 0; i < ns; i++)
		for (size_t k = 0; k < no; k++) {
			long a = s[i], b = o[k];
			if (passive ^ r->reverse) {
				long t = a;
				a = b;
				b = t;
			}
			if (add(c, a, b, r->type, trig, neg))
				return -1;
		}
	return 0;
}

/* The entity a reduced relative at item i describes: "X, a rival group led
 * by", "X (XG), a trucking firm registered in", "groups led by" (no
 * words between).  -1 if none. */
static long described(const sctx *c, size_t i)
{
	size_t j = i;
	int words = 0;
	while (j > 0 && words < 5 &&
	       ((c->it[j - 1].ent < 0 && !(c->it[j - 1].flags & XT_PUNCT)) ||
	        (c->it[j - 1].ent >= 0 && j < i && (c->it[j].flags & XT_COMPOUND)) ||
	        (c->it[j - 1].ent >= 0 && j < i && j >= 2 && in_list(&c->it[j - 2], dets) &&
	         c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT))))
		j--, words++; /* "X, a Miami-based group led by" */
	if (!words && j > 0 && c->it[j - 1].ent >= 0)
		return c->it[j - 1].ent;
	if (!words && j >= 2 && punct(&c->it[j - 1], ',') && c->it[j - 2].ent >= 0)
		return c->it[j - 2].ent; /* "X, commanded by Y" */
	if (words >= 2 && j >= 1 && c->it[j - 1].ent >= 0 && in_list(&c->it[j], be) &&
	    (in_list(&c->it[j + 1], dets) || is(&c->it[j + 1], "as")))
		return c->it[j - 1].ent; /* "X is a firm registered in Y" */
	if (!words || j < 2 || !punct(&c->it[j - 1], ','))
		return -1;
	if (c->it[j - 2].ent >= 0)
		return c->it[j - 2].ent;
	/* "X (XG), a ...": the name before the acronym */
	if (j >= 5 && punct(&c->it[j - 2], ')') && c->it[j - 3].ent >= 0 &&
	    punct(&c->it[j - 4], '(') && c->it[j - 5].ent >= 0)
		return c->it[j - 5].ent;
	return -1;
}

/* A past participle: inflected, not "-ing", not a third-person "-s" form */
static int participle(const item *x)
{
	size_t n = strlen(x->w), l = strlen(x->lv);
	if (!l || !strcmp(x->w, x->lv) || strstr(x->w, "ing"))
		return 0;
	return !(n > l && !strncmp(x->w, x->lv, l) &&
	         (!strcmp(x->w + l, "s") || !strcmp(x->w + l, "es")));
}

/* "operating", "running": a present participle of the lemma */
static int ing_form(const item *x)
{
	size_t n = strlen(x->w);
	return x->lv[0] && n > 4 && !strcmp(x->w + n - 3, "ing");
}

static int verbs(sctx *c, size_t i)
{
	const char *w;
	const item *x = &c->it[i];
	if (!rule_word(c, XR_VERB, x, &w))
		return 0;
	int passive = 0;
	if (i >= 1 && (in_list(&c->it[i - 1], be) ||
	               (i >= 2 && in_list(&c->it[i - 2], be) && in_list(&c->it[i - 1], aux))))
		passive = strlen(x->w) > 2 && strcmp(x->w, x->lv) &&
		          !strstr(x->w + strlen(x->w) - 3, "ing");
	int passive0 = passive;
	long s[MAXARGS], o[MAXARGS];
	size_t ns = 0, no = 0;
	for (const xrule *r = ties__xrules_find(c->st->rules, XR_VERB, w, strlen(w)); r;
	     r = ties__xrules_next(c->st->rules, r)) {
		if (r->passive_only && !passive0)
			continue; /* "was held in X", not "held talks in X" */
		size_t beg = i;
		while (beg > 0 && (in_list(&c->it[beg - 1], aux) || in_list(&c->it[beg - 1], be)))
			beg--;
		/* "X is based in Y": a stative participle with its preposition */
		passive = passive0 && !(r->prep && i + 1 < c->n && is(&c->it[i + 1], r->prep));
		if (!passive0 && i + 1 < c->n && is(&c->it[i + 1], "by") &&
		    (strcmp(x->w, x->lv) || (i >= 1 && punct(&c->it[i - 1], ','))) &&
		    !strstr(x->w, "ing")) {
			/* ("X, run by Y": a participle like its lemma after a comma) */
			/* reduced relative: "X, an armed group led by Y", "groups led by Y" */
			long pat = described(c, i);
			if (pat >= 0 && cls_of(c, pat) == 'L' && !strcmp(r->type, "leads")) {
				/* "a cell in Osh (, reportedly) led by Y": Y operates there */
				size_t q = i;
				while (q > 0 && i - q < 4 && c->it[q - 1].ent < 0 &&
				       (in_list(&c->it[q - 1], aux) || punct(&c->it[q - 1], ',')))
					q--;
				if (q >= 2 && c->it[q - 1].ent == pat && is(&c->it[q - 2], "in")) {
					no = objects(c, i + 1, NULL, 0, o, NULL);
					for (size_t k = 0; k < no; k++)
						if (add(c, o[k], pat, "operates-in", i, 0))
							return -1;
				}
				continue;
			}
			no = pat >= 0 ? objects(c, i + 1, NULL, 0, o, NULL) : 0;
			ns = 0;
			push(s, &ns, pat);
			if (no && emit_pairs(c, o, no, s, ns, r, i, 0, 0))
				return -1;
			continue;
		}
		if (!passive0 && r->prep && i + 1 < c->n && is(&c->it[i + 1], r->prep) &&
		    (participle(x) || ing_form(x)) && i >= 2 && c->it[i - 1].ent < 0) {
			/* "X, a trucking firm registered in Y": a participle describing X */
			long pat = described(c, i);
			size_t before = c->rels->len;
			if (pat >= 0) {
				ns = 0;
				push(s, &ns, pat);
				no = objects(c, i, r->prep, 1, o, NULL);
				if (emit_pairs(c, s, ns, o, no, r, i, 0, 0))
					return -1;
				if (c->rels->len > before)
					continue;
			}
		}
		if (passive && r->prep)
			continue; /* "trained at X" does not read "was trained by X" */
		if (passive) {
			/* the doer: "by X", or "in a joint X operation" */
			no = 0;
			size_t j = i + 1;
			while (j < c->n && j < i + 10 && !is(&c->it[j], "by") &&
			       !punct(&c->it[j], ','))
				j++;
			if (j < c->n && is(&c->it[j], "by"))
				no = objects(c, j, NULL, 0, o, NULL);
			for (size_t q = i + 1; !no && q + 1 < c->n && q < i + 14; q++) {
				const char *aw;
				if (c->it[q].ent >= 0 &&
				    rule_word(c, XR_ACTORNOUN, &c->it[q + 1], &aw))
					push(o, &no, c->it[q].ent);
				for (size_t z = q + 2; c->it[q].ent >= 0 && z < c->n && z <= q + 3;
				     z++)
					if (c->it[z].ent < 0 &&
					    rule_word(c, XR_ACTORNOUN, &c->it[z], &aw))
						push(o, &no, c->it[q].ent);
			}
			ns = 0;
			if (c->last_subj >= 0 && beg >= 1 && is(&c->it[beg - 1], "and"))
				push(s, &ns,
				     c->last_subj); /* "X operates in A and is headed by Y" */
			else
				ns = subjects(c, beg, s, 0);
			/* the doer then the target: "B was attacked by A" -> A attacked B */
			if (emit_pairs(c, o, no, s, ns, r, i, negated(c, beg, i), 0))
				return -1;
			continue;
		}
		/* "before joining X": the subject of the main clause */
		if (c->last_subj >= 0 && beg >= 1 &&
		    ((strstr(x->w, "ing") &&
		      (is(&c->it[beg - 1], "before") || is(&c->it[beg - 1], "after") ||
		       is(&c->it[beg - 1], "while"))) ||
		     is(&c->it[beg - 1], "and"))) {
			/* "before joining X", "X is based in A and operates in B" */
			ns = 0;
			push(s, &ns, c->last_subj);
		} else
			ns = subjects(c, beg, s, 0);
		if (!ns)
			continue;
		c->last_subj = s[0];
		size_t oat = 0;
		no = objects(c, i, r->prep, r->prep ? 6 : 0, o, &oat);
		if (!no && ns >= 2 &&
		    (!strcmp(r->type, "affiliated-with") || !strcmp(r->type, "met-with")) &&
		    r->prep && !(i + 1 < c->n && is(&c->it[i + 1], r->prep))) {
			/* "A and B have cooperated since 2019" */
			if (add(c, s[1], s[0], r->type, i, negated(c, beg, i)))
				return -1;
			continue;
		}
		if (!no && !r->prep && ns >= 2 && !strcmp(r->type, "met-with")) {
			/* "A and B met" */
			if (add(c, s[0], s[1], r->type, i, negated(c, beg, i)))
				return -1;
			continue;
		}
		if (no == 1 && !strcmp(r->type, "leads") && oat + 2 < c->n &&
		    (c->it[oat + 1].flags & XT_POSS) && c->it[oat].ent == o[0]) {
			/* "heads the NF's finance wing": a member of the NF */
			static const xrule member = {.type = "member-of"};
			if (emit_pairs(c, s, ns, o, no, &member, i, negated(c, beg, i), 0))
				return -1;
			continue;
		}
		if (emit_pairs(c, s, ns, o, no, r, i, negated(c, beg, i), 0))
			return -1;
	}
	return 0;
}

static long before_noun(const sctx *c, size_t i, size_t *at)
{
	/* "X's alleged links", "the X attack", "his courier" */
	size_t j = i;
	int skipped = 0;
	while (j > 0 && skipped < 3 && c->it[j - 1].ent < 0 && !(c->it[j - 1].flags & XT_POSS) &&
	       !in_list(&c->it[j - 1], pronouns) && !(c->it[j - 1].flags & XT_PUNCT) &&
	       !in_list(&c->it[j - 1], dets) && !in_list(&c->it[j - 1], locatives) &&
	       !c->it[j - 1].ln[0] && !is(&c->it[j - 1], "of"))
		j--, skipped++;
	if (j > 0 && (c->it[j - 1].flags & XT_NUM) && c->it[j - 1].ent < 0)
		j--;
	if (j > 0 && in_list(&c->it[j - 1], pronouns)) {
		*at = j - 1;
		return pronoun_ref(c, j - 1);
	}
	if (j > 0 && (c->it[j - 1].flags & XT_POSS))
		j--;
	if (j > 0 && c->it[j - 1].ent >= 0) {
		*at = j - 1;
		return c->it[j - 1].ent;
	}
	return -1;
}

static int nouns(sctx *c, size_t i)
{
	const char *w;
	const item *x = &c->it[i];
	if (!rule_word(c, XR_NOUN, x, &w) || x->lv[0] == 0 ? 0 : 0)
		return 0;
	if (!rule_word(c, XR_NOUN, x, &w))
		return 0;
	long s[MAXARGS], o[MAXARGS];
	for (const xrule *r = ties__xrules_find(c->st->rules, XR_NOUN, w, strlen(w)); r;
	     r = ties__xrules_next(c->st->rules, r)) {
		size_t ns = 0, no = 0, at = i;
		if (r->reverse && r->prep && !strcmp(r->prep, "from")) {
			/* "B received money from A", not "B seized weapons from A" */
			int got = 0;
			for (size_t q = i; q-- > 0 && i - q <= 4 && c->it[q].ent < 0 &&
			                   !(c->it[q].flags & XT_PUNCT) && !got;)
				got = c->it[q].lv[0] &&
				      ties__xrules_has(c->st->rules, XR_RECEIVE, c->it[q].lv,
				                       strlen(c->it[q].lv));
			if (!got)
				continue;
		}
		/* "payments from A to B (via C)" */
		if (!r->reverse && r->prep && !strcmp(r->prep, "to") && i + 4 < c->n &&
		    is(&c->it[i + 1], "from")) {
			long a[MAXARGS], b[MAXARGS];
			size_t na = objects(c, i + 1, NULL, 0, a, NULL), nb = 0;
			for (size_t q = i + 2; na && q < c->n && q < i + 8; q++)
				if (is(&c->it[q], "to")) {
					nb = objects(c, q, NULL, 0, b, NULL);
					break;
				}
			for (size_t x1 = 0; x1 < na; x1++)
				for (size_t x2 = 0; x2 < nb; x2++)
					if (add(c, a[x1], b[x2], r->type, i,
					        negated(c, i > 4 ? i - 4 : 0, i)))
						return -1;
			if (na && nb)
				continue;
		}
		/* "A and B signed an alliance": between the two */
		if (!strcmp(r->type, "affiliated-with") && r->prep && !strcmp(r->prep, "with") &&
		    !(i + 1 < c->n && is(&c->it[i + 1], "with"))) {
			long sv[MAXARGS];
			size_t nsv = subjects(c, i, sv, 1);
			if (nsv >= 2) {
				for (size_t a1 = 0; a1 + 1 < nsv; a1++)
					if (add(c, sv[a1 + 1], sv[a1], r->type, i,
					        negated(c, i > 6 ? i - 6 : 0, i)))
						return -1;
				continue;
			}
		}
		long m = before_noun(c, i, &at);
		/* "the bombing by X" */
		if (i + 1 < c->n && is(&c->it[i + 1], "by")) {
			no = objects(c, i + 1, NULL, 0, o, NULL);
			if (m >= 0 && no) {
				for (size_t k = 0; k < no; k++)
					if (add(c, r->reverse ? m : o[k], r->reverse ? o[k] : m,
					        r->type, i, negated(c, at, i)))
						return -1;
				continue;
			}
		}
		if (m >= 0)
			push(s, &ns, m);
		else {
			/* "X attacked the base in Y": the noun is the verb's object,
			 * its subject is not the noun's */
			int obj = 0;
			const char *vw;
			static const char *const perform[] = {
			    "command", "lead",  "carry",    "conduct",     "launch",
			    "mount",   "stage", "plan",     "orchestrate", "mastermind",
			    "direct",  "claim", "organize", "organise",    NULL};
			for (size_t q = i; q-- > 0 && i - q <= 6 && c->it[q].ent < 0 && !obj;) {
				obj = rule_word(c, XR_VERB, &c->it[q], &vw) && !c->it[q].ln[0];
				for (const char *const *pw = perform; obj && *pw; pw++)
					if (!strcmp(c->it[q].lv, *pw))
						obj = 0;
			}
			if (obj)
				continue;
			ns = subjects(c, i, s, 1);
		}
		if (!ns)
			continue;
		no = objects(c, i, r->prep, r->prep ? 25 : 0, o, NULL);
		if (!r->prep && !no)
			continue;
		if (emit_pairs(c, s, ns, o, no, r, i, negated(c, at < i ? at : i, i), 0))
			return -1;
	}
	return 0;
}

static int roles(sctx *c, size_t i)
{
	const char *w;
	const item *x = &c->it[i];
	if (i >= 1 && i + 1 < c->n && is(&c->it[i - 1], "whose") && x->ent < 0 &&
	    ties__xrules_has(c->st->rules, XR_ORGHEAD, x->ln[0] ? x->ln : x->w,
	                     strlen(x->ln[0] ? x->ln : x->w))) {
		size_t k = i + 1;
		if (punct(&c->it[k], ',') && k + 1 < c->n)
			k++;
		long owner = described(c, i - 1);
		if (owner < 0 && i >= 2 && c->it[i - 2].ent >= 0)
			owner = c->it[i - 2].ent;
		if (owner >= 0 && c->it[k].ent >= 0 && cls_of(c, owner) == 'P' &&
		    cls_of(c, c->it[k].ent) == 'O')
			return add(c, owner, c->it[k].ent, "leads", i, 0);
	}
	int kind = XR_ROLE;
	if (rule_word(c, XR_ADJ, x, &w))
		kind = XR_ADJ;
	else if (rule_word(c, XR_PART, x, &w))
		kind = XR_PART; /* "B, a hacking unit of A" */
	else if (!rule_word(c, XR_ROLE, x, &w))
		return 0;
	int adj = kind == XR_ADJ;
	const xrule *r = ties__xrules_find(c->st->rules, kind, w, strlen(w));
	if (!r)
		return 0;
	/* "deputy chief", "vice president": a member, not the leader */
	static const xrule member_rule = {.type = "member-of"};
	if (kind == XR_ROLE && !strcmp(r->type, "leads") && i >= 1 &&
	    (is(&c->it[i - 1], "deputy") || is(&c->it[i - 1], "vice") ||
	     is(&c->it[i - 1], "assistant") || is(&c->it[i - 1], "acting") ||
	     is(&c->it[i - 1], "regional") || is(&c->it[i - 1], "local") ||
	     is(&c->it[i - 1], "provincial") || is(&c->it[i - 1], "district")))
		r = &member_rule;
	/* "X, a senior ORG commander", "X is a former ORG officer", "X, an ORG unit" */
	if ((kind == XR_ROLE || kind == XR_PART) && i >= 3 && c->it[i - 1].ent >= 0 &&
	    cls_of(c, c->it[i - 1].ent) == 'O') {
		size_t q = i - 1;
		while (q > 0 && i - q < 5 && c->it[q - 1].ent < 0 &&
		       !(c->it[q - 1].flags & XT_PUNCT) && !in_list(&c->it[q - 1], be) &&
		       (in_list(&c->it[q - 1], dets) || !c->it[q - 1].lv[0] || c->it[q - 1].ln[0]))
			q--;
		long subj = -1;
		if (q >= 2 && punct(&c->it[q - 1], ',') && c->it[q - 2].ent >= 0)
			subj = c->it[q - 2].ent;
		else if (q >= 2 && in_list(&c->it[q - 1], be) && c->it[q - 2].ent >= 0)
			subj = c->it[q - 2].ent;
		else if (q >= 3 && in_list(&c->it[q - 1], be) && punct(&c->it[q - 2], ',') &&
		         c->it[q - 3].ent >= 0)
			subj = c->it[q - 3].ent; /* "Y, is a former NIO officer" */
		if (subj >= 0 && (cls_of(c, subj) == 'P' || kind == XR_PART) && q < i - 1) {
			if (add(c, subj, c->it[i - 1].ent, r->type, i, negated(c, q, i)))
				return -1;
			/* "a senior ACME commander in Basra" */
			if (i + 2 < c->n && is(&c->it[i + 1], "in") && c->it[i + 2].ent >= 0 &&
			    cls_of(c, c->it[i + 2].ent) == 'L' &&
			    add(c, subj, c->it[i + 2].ent, "operates-in", i, 0))
				return -1;
			return 0;
		}
	}
	/* "Y, X's deputy": Y belongs where X leads or belongs */
	if (kind == XR_ROLE && i >= 4 && (c->it[i - 1].flags & XT_POSS) && c->it[i - 2].ent >= 0 &&
	    punct(&c->it[i - 3], ',') && c->it[i - 4].ent >= 0 &&
	    cls_of(c, c->it[i - 4].ent) == 'P' && cls_of(c, c->it[i - 2].ent) == 'P' &&
	    (!strcmp(r->type, "member-of") || !strcmp(r->type, "leads"))) {
		long org = org_of(c, c->it[i - 2].ent);
		return org >= 0 ? add(c, c->it[i - 4].ent, org, "member-of", i, 0) : 0;
	}
	/* "four ORG members, including X and Y" */
	if (kind == XR_ROLE && i >= 1 && i + 3 < c->n && c->it[i - 1].ent >= 0 &&
	    cls_of(c, c->it[i - 1].ent) == 'O' && punct(&c->it[i + 1], ',') &&
	    is(&c->it[i + 2], "including")) {
		long o[MAXARGS];
		size_t no = objects(c, i + 2, NULL, 0, o, NULL);
		for (size_t k = 0; k < no; k++)
			if (cls_of(c, o[k]) == 'P' && add(c, o[k], c->it[i - 1].ent, r->type, i, 0))
				return -1;
	}
	/* "Y, the contractor's field commander": the owner named by a noun */
	if (kind == XR_ROLE && i >= 5) {
		size_t q = i - 1;
		if (c->it[q].ent < 0 && !(c->it[q].flags & (XT_POSS | XT_PUNCT)) && !c->it[q].lv[0])
			q--; /* "field" */
		if ((c->it[q].flags & XT_POSS) && q >= 4 && org_anaphor(c, q - 2) &&
		    punct(&c->it[q - 3], ',') && c->it[q - 4].ent >= 0 &&
		    cls_of(c, c->it[q - 4].ent) == 'P') {
			long org = def_ref(c, q - 2);
			if (org >= 0)
				return add(c, c->it[q - 4].ent, org, r->type, i, 0);
		}
	}
	/* "X, KSH's commander in Basra": a member, and where */
	if (kind == XR_ROLE && i >= 4 && (c->it[i - 1].flags & XT_POSS) && c->it[i - 2].ent >= 0 &&
	    punct(&c->it[i - 3], ',') && c->it[i - 4].ent >= 0 &&
	    cls_of(c, c->it[i - 4].ent) == 'P' && cls_of(c, c->it[i - 2].ent) == 'O') {
		if (add(c, c->it[i - 4].ent, c->it[i - 2].ent, r->type, i, 0))
			return -1;
		if (i + 2 < c->n && is(&c->it[i + 1], "in") && c->it[i + 2].ent >= 0 &&
		    add(c, c->it[i - 4].ent, c->it[i + 2].ent, "operates-in", i, 0))
			return -1;
		return 0;
	}
	/* "his deputy, Y", "X's lieutenant, Y": Y belongs to the organisation
	 * the possessor was last said to lead or belong to */
	size_t pk = i + 1; /* "his deputy, the Nigerian national Y" */
	if (pk < c->n && punct(&c->it[pk], ','))
		pk++;
	for (size_t q = pk;
	     q < c->n && q < pk + 4 && c->it[q].ent < 0 && !(c->it[q].flags & XT_PUNCT) &&
	     (in_list(&c->it[q], dets) || !c->it[q].lv[0] || c->it[q].ln[0]);
	     q++)
		if (q + 1 < c->n && c->it[q + 1].ent >= 0)
			pk = q + 1;
	int owned = i >= 1 && (is(&c->it[i - 1], "his") || is(&c->it[i - 1], "her") ||
	                       ((c->it[i - 1].flags & XT_POSS) && i >= 2 && c->it[i - 2].ent >= 0 &&
	                        cls_of(c, c->it[i - 2].ent) == 'P'));
	if (kind == XR_ROLE && owned && pk < c->n && pk > i + 1 && punct(&c->it[i + 1], ',') &&
	    c->it[pk].ent >= 0 && cls_of(c, c->it[pk].ent) == 'P') {
		long owner = -1, org = -1;
		if (is(&c->it[i - 1], "his") || is(&c->it[i - 1], "her"))
			owner = pronoun_ref(c, i - 1);
		else
			owner = c->it[i - 2].ent;
		/* "his associate, Y": tied to the person himself */
		if (owner >= 0 && strcmp(r->type, "member-of") && strcmp(r->type, "leads"))
			return add(c, c->it[pk].ent, owner, r->type, i, 0);
		org = org_of(c, owner);
		if (org >= 0)
			return add(c, c->it[pk].ent, org, r->type, i, 0);
	}
	/* "X's principal partner is (a network known as) Y" */
	if (kind == XR_ROLE && i + 2 < c->n && in_list(&c->it[i + 1], be)) {
		size_t q = i;
		while (q > 0 && i - q < 4 && c->it[q - 1].ent < 0 &&
		       !(c->it[q - 1].flags & (XT_POSS | XT_PUNCT)))
			q--;
		long owner = -1;
		if (q >= 2 && (c->it[q - 1].flags & XT_POSS) && c->it[q - 2].ent >= 0)
			owner = c->it[q - 2].ent;
		else if (q >= 3 && (c->it[q - 1].flags & XT_POSS) && org_anaphor(c, q - 3))
			owner = def_ref(c, q - 3); /* "The gang's top leader is Y" */
		else if (q >= 1 && in_list(&c->it[q - 1], org_pronouns))
			owner = org_ref(c, q - 1);
		if (owner >= 0 && cls_of(c, owner) == 'P') {
			/* "Y's military deputy is Z": the organisation Y leads or belongs to */
			if (!strcmp(r->type, "leads") || !strcmp(r->type, "member-of"))
				owner = org_of(c, owner);
		}
		if (owner >= 0) {
			long o[MAXARGS];
			size_t no = objects(c, i + 1, NULL, 0, o, NULL);
			for (size_t k = 0; k < no; k++)
				if (add(c, o[k], owner, r->type, i, negated(c, q, i + 2)))
					return -1;
			if (no)
				return 0;
		}
	}
	/* "Y is the NF's spokesperson", "Y serves as the NF's treasurer" */
	if (kind == XR_ROLE && i >= 4 && (c->it[i - 1].flags & XT_POSS) && c->it[i - 2].ent >= 0 &&
	    cls_of(c, c->it[i - 2].ent) == 'O') {
		size_t q = i - 3;
		if (in_list(&c->it[q], dets) && q >= 1)
			q--;
		int link = in_list(&c->it[q], be) || is(&c->it[q], "as");
		if (link && is(&c->it[q], "as") && q >= 1)
			q--; /* "serves as" */
		if (link && q >= 1) {
			long sv[MAXARGS];
			size_t ns = subjects(c, q + 1, sv, 0);
			for (size_t z = 0; z < ns; z++)
				if (cls_of(c, sv[z]) == 'P' &&
				    add(c, sv[z], c->it[i - 2].ent, r->type, i, negated(c, q, i)))
					return -1;
			if (ns)
				return 0;
		}
	}
	/* "X, whose leader, Y," */
	if (kind == XR_ROLE && i >= 2 && is(&c->it[i - 1], "whose") && i + 1 < c->n) {
		size_t q = i - 2;
		if (punct(&c->it[q], ',') && q >= 1)
			q--;
		size_t k = i + 1;
		if (punct(&c->it[k], ',') && k + 1 < c->n)
			k++;
		if (c->it[q].ent >= 0 && c->it[k].ent >= 0 && cls_of(c, c->it[k].ent) == 'P')
			return add(c, c->it[k].ent, c->it[q].ent, r->type, i, 0);
	}
	/* "Y, a dealer whose company, X," : Y leads X */
	/* "Commander Y of the Z Police" */
	if (kind == XR_ROLE && i + 3 < c->n && c->it[i + 1].ent >= 0 &&
	    cls_of(c, c->it[i + 1].ent) == 'P' && is(&c->it[i + 2], "of")) {
		long o[MAXARGS];
		size_t no = objects(c, i + 1, "of", 1, o, NULL);
		if (no && cls_of(c, o[0]) == 'O')
			return add(c, c->it[i + 1].ent, o[0], r->type, i, 0);
	}
	/* title: "ORG [PLACE] ROLE [,] PERSON" */
	if (kind == XR_ROLE && i >= 1 && i + 1 < c->n) {
		size_t k = i + 1;
		if (is(&c->it[k], "and") && k + 3 < c->n) {
			/* "co-founder and chief executive, Y" */
			size_t q = k + 1;
			const char *w2;
			while (q < c->n && q < k + 4 && c->it[q].ent < 0 &&
			       !(c->it[q].flags & XT_PUNCT) &&
			       !rule_word(c, XR_ROLE, &c->it[q], &w2))
				q++;
			if (q < c->n && rule_word(c, XR_ROLE, &c->it[q], &w2))
				k = q + 1;
		}
		if (k + 1 < c->n &&
		    (is(&c->it[k], "responsible") || is(&c->it[k], "in") || is(&c->it[k], "for"))) {
			/* "the ORG officer responsible for the X file, Y" */
			size_t q = k;
			while (q < c->n && q < k + 7 && c->it[q].ent < 0 &&
			       !(c->it[q].flags & XT_PUNCT) &&
			       !(c->it[q].lv[0] && !c->it[q].ln[0] && !participle(&c->it[q])))
				q++;
			if (q + 1 < c->n && punct(&c->it[q], ',') && c->it[q + 1].ent >= 0)
				k = q;
		}
		if (punct(&c->it[k], ',') && k + 1 < c->n)
			k++;
		size_t j = i - 1;
		int sub = 0;
		/* "the NIO's deputy chief, Y", "PAS's managing director, Y" */
		if (j >= 1 && c->it[j].ent < 0 && !(c->it[j].flags & (XT_PUNCT | XT_POSS)) &&
		    !in_list(&c->it[j], dets) &&
		    ((c->it[j - 1].flags & XT_POSS) || c->it[j - 1].ent >= 0))
			j--;
		if (c->it[j].ent >= 0 && cls_of(c, c->it[j].ent) == 'L' && j >= 1 &&
		    c->it[j - 1].ent >= 0) {
			j--;
			sub = 1;
		}
		if (punct(&c->it[j], ')') && j >= 3 && punct(&c->it[j - 2], '('))
			j -= 3;
		long org = c->it[j].ent >= 0                  ? c->it[j].ent
		           : in_list(&c->it[j], org_pronouns) ? org_ref(c, j)
		                                              : -1;
		if (org < 0 && (c->it[j].flags & XT_POSS) && j >= 2 && org_anaphor(c, j - 2))
			org = def_ref(c, j - 2); /* "the company's director, Y" */
		else if (org < 0 && (c->it[j].flags & XT_POSS) && j >= 1 && c->it[j - 1].ent >= 0 &&
		         cls_of(c, c->it[j - 1].ent) == 'O' && punct(&c->it[i + 1], ','))
			org = c->it[j - 1].ent; /* "the NIO's deputy chief, Y" */
		if (org >= 0 && c->it[k].ent >= 0 && cls_of(c, c->it[k].ent) == 'P') {
			if (add(c, c->it[k].ent, org, sub ? "member-of" : r->type, i, 0))
				return -1;
			return 0;
		}
	}
	/* apposition "PERSON, the ROLE of ORG" and copula "PERSON is a ROLE of ORG" */
	size_t j = i;
	while (j > 0 && c->it[j - 1].ent < 0 && !(c->it[j - 1].flags & (XT_PUNCT | XT_POSS)) &&
	       !in_list(&c->it[j - 1], stoppers) && !in_list(&c->it[j - 1], locatives) && i - j < 6)
		j--;
	long subj = -1;
	size_t sj = j;
	int cop = 0;
	for (size_t q = j; q < i; q++)
		cop |= in_list(&c->it[q], be);
	if (j > 0 && punct(&c->it[j - 1], ',') && j >= 2 && c->it[j - 2].ent >= 0 && !cop)
		subj = c->it[j - 2].ent, sj = j - 2;
	else if (!cop && j >= 4 && punct(&c->it[j - 1], ',') && (c->it[j - 2].flags & XT_NUM) &&
	         punct(&c->it[j - 3], ',') && c->it[j - 4].ent >= 0)
		subj = c->it[j - 4].ent, sj = j - 4; /* "A, 51, a former officer in B" */
	else if (cop && j > 0 && c->it[j - 1].ent >= 0)
		subj = c->it[j - 1].ent, sj = j - 1;
	else if (cop && j >= 3 && (is(&c->it[j - 1], "who") || is(&c->it[j - 1], "which")) &&
	         punct(&c->it[j - 2], ',') && c->it[j - 3].ent >= 0)
		subj = c->it[j - 3].ent, sj = j - 3; /* "Y, who was previously a member of X" */
	else if (cop && j >= 6 && is(&c->it[j - 1], "which") && punct(&c->it[j - 2], ',') &&
	         punct(&c->it[j - 3], ')') && punct(&c->it[j - 5], '(') && c->it[j - 6].ent >= 0)
		subj = c->it[j - 6].ent, sj = j - 6; /* "X (XA), which is close to Y" */
	else if (cop && j >= 5 && is(&c->it[j - 1], "who") && punct(&c->it[j - 2], ',') &&
	         (c->it[j - 3].flags & XT_NUM) && punct(&c->it[j - 4], ',') &&
	         c->it[j - 5].ent >= 0)
		subj = c->it[j - 5].ent, sj = j - 5; /* "Y, 34, who was a member of X" */
	else if (cop && j >= 4 && punct(&c->it[j - 1], ')') && punct(&c->it[j - 3], '(') &&
	         c->it[j - 4].ent >= 0)
		subj = c->it[j - 4].ent, sj = j - 4; /* "X (XA) is the armed wing of Y" */
	else if (cop && j >= 3 && in_list(&c->it[j], be) && punct(&c->it[j - 1], ',') &&
	         c->it[j - 2].ent >= 0)
		subj = c->it[j - 2].ent, sj = j - 2; /* "X, is a former officer of Y" */
	else if (cop && j >= 2 && punct(&c->it[j - 1], ',') && c->it[j - 2].ent >= 0 &&
	         cls_of(c, c->it[j - 2].ent) == 'P')
		subj = c->it[j - 2].ent, sj = j - 2; /* "Its owner, Y, is a partner of Z" */
	else if (cop && j > 0 && punct(&c->it[j - 1], ',')) {
		/* "A, apposition, is a ROLE of B" */
		size_t q = j - 1;
		while (q > 0 && !punct(&c->it[q - 1], ','))
			q--;
		if (q >= 2 && c->it[q - 2].ent >= 0)
			subj = c->it[q - 2].ent, sj = q - 2;
	}
	for (size_t q = j; subj < 0 && cop && q + 2 < i; q++)
		if (org_anaphor(c, q) && in_list(&c->it[q + 2], be))
			subj = def_ref(c, q), sj = q; /* "the group is a member of X" */
	if (subj < 0)
		return 0;
	const char *prep = adj ? (r->prep ? r->prep : "to") : "of";
	if (!adj && !strcmp(r->type, "member-of") && i + 1 < c->n && is(&c->it[i + 1], "in"))
		prep = "in"; /* "a former officer in the X Army" */
	if (i + 1 >= c->n || !is(&c->it[i + 1], prep))
		return 0;
	long o[MAXARGS];
	size_t at = 0;
	size_t no = objects(c, i, prep, 1, o, &at);
	for (size_t k = 0; k < no; k++) {
		const char *type = r->type;
		/* "head of X's India wing": a member of X */
		if (k == 0 && at + 1 < c->n && (c->it[at + 1].flags & XT_POSS) &&
		    !strcmp(type, "leads"))
			type = "member-of";
		if (add(c, subj, o[k], type, i, negated(c, sj, i)))
			return -1;
	}
	return 0;
}

/* The subject of the clause before item i ("with X support" supports it):
 * the nearest actor before i that is no place and no "in X" adjunct. */
static size_t clause_subject(const sctx *c, size_t i, long *s)
{
	for (size_t j = i; j-- > 0;) {
		if (c->it[j].ent < 0 || !actor(cls_of(c, c->it[j].ent)))
			continue;
		size_t p = j;
		while (p > 0 && in_list(&c->it[p - 1], dets))
			p--;
		if (p > 0 && (in_list(&c->it[p - 1], locatives) || punct(&c->it[p - 1], '-')))
			continue;
		size_t ns = subjects(c, j + 1, s, 0);
		if (ns)
			return ns;
	}
	return 0;
}

static int others(sctx *c, size_t i)
{
	const item *x = &c->it[i];
	const char *w;
	/* "X-backed Y" */
	if ((x->flags & XT_COMPOUND) && i >= 1 && c->it[i - 1].ent >= 0 &&
	    rule_word(c, XR_COMPOUND, x, &w)) {
		const xrule *r = ties__xrules_find(c->st->rules, XR_COMPOUND, w, strlen(w));
		long o[MAXARGS];
		size_t no = objects(c, i, NULL, 0, o, NULL);
		if (!no && i >= 2) {
			/* "Y, a Miami-based group": the group is Y */
			long d = described(c, i - 1);
			if (d >= 0 && d != c->it[i - 1].ent)
				push(o, &no, d);
		}
		for (size_t k = 0; k < no && r; k++)
			if (add(c, r->reverse ? o[k] : c->it[i - 1].ent,
			        r->reverse ? c->it[i - 1].ent : o[k], r->type, i, 0))
				return -1;
	}
	/* "with X support" */
	if (is(x, "with") && i + 2 < c->n && c->it[i + 1].ent >= 0 &&
	    rule_word(c, XR_SUPPORT, &c->it[i + 2], &w)) {
		const xrule *r = ties__xrules_find(c->st->rules, XR_SUPPORT, w, strlen(w));
		long s[MAXARGS];
		size_t ns = clause_subject(c, i, s);
		for (size_t k = 0; k < ns && r; k++)
			if (add(c, c->it[i + 1].ent, s[k], r->type, i + 2, 0))
				return -1;
	}
	/* "with support from X units", "with the help of X" */
	if (is(x, "with") && i + 3 < c->n && rule_word(c, XR_SUPPORT, &c->it[i + 1], &w) &&
	    (is(&c->it[i + 2], "from") || is(&c->it[i + 2], "of") || is(&c->it[i + 2], "by"))) {
		const xrule *r = ties__xrules_find(c->st->rules, XR_SUPPORT, w, strlen(w));
		size_t q = i + 3;
		while (q < c->n && in_list(&c->it[q], dets))
			q++;
		long s[MAXARGS];
		size_t ns = q < c->n && c->it[q].ent >= 0 ? clause_subject(c, i, s) : 0;
		for (size_t k = 0; k < ns && r; k++)
			if (add(c, c->it[q].ent, s[k], r->type, i + 1, 0))
				return -1;
	}
	/* "leadership (of X) passed to Y" */
	if (!strcmp(x->w, "leadership") && i + 3 < c->n) {
		long org = -1;
		size_t j = i + 1;
		if (is(&c->it[j], "of") && j + 1 < c->n) {
			size_t q = j + 1;
			while (q < c->n && in_list(&c->it[q], dets))
				q++;
			if (q < c->n && c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'O')
				org = c->it[q].ent, j = q + 1;
		}
		while (j < c->n && j < i + 6 && in_list(&c->it[j], aux))
			j++;
		if (j + 1 < c->n &&
		    (!strcmp(c->it[j].lv, "pass") || !strcmp(c->it[j].lv, "fall")) &&
		    is(&c->it[j + 1], "to")) {
			long o[MAXARGS];
			size_t no = objects(c, j, "to", 1, o, NULL);
			if (org < 0 && no)
				org = org_topic(c, i);
			for (size_t k = 0; k < no && org >= 0; k++)
				if (add(c, o[k], org, "leads", i, 0))
					return -1;
		}
	}
	/* "X's (adj) branch (the) Y" */
	if ((x->flags & XT_POSS) && i >= 1 && c->it[i - 1].ent >= 0) {
		for (size_t j = i + 1; j < c->n && j <= i + 3; j++) {
			if (c->it[j].ent >= 0)
				break;
			if (rule_word(c, XR_PART, &c->it[j], &w)) {
				size_t k = j + 1;
				while (k < c->n && in_list(&c->it[k], dets))
					k++;
				const xrule *r =
				    ties__xrules_find(c->st->rules, XR_PART, w, strlen(w));
				if (k < c->n && c->it[k].ent >= 0 && r &&
				    add(c, c->it[k].ent, c->it[i - 1].ent, r->type, j, 0))
					return -1;
				break;
			}
		}
		/* "the Treasury's Office of Foreign Assets Control": a unit of the owner */
		if (i + 1 < c->n && c->it[i + 1].ent >= 0 && cls_of(c, c->it[i - 1].ent) == 'O' &&
		    cls_of(c, c->it[i + 1].ent) == 'O' && c->it[i + 1].cand >= 0) {
			const xcand *cd = &CAND(c->st, c->it[i + 1].cand);
			char w0[32], wl[32];
			ties__xlower(c->st->text, &TOK(c->st, cd->t0), w0, sizeof w0);
			ties__xlower(c->st->text, &TOK(c->st, cd->t1 - 1), wl, sizeof wl);
			static const char *const units[] = {
			    "office",   "directorate", "department", "bureau",
			    "division", "unit",        "wing",       "command",
			    "council",  "committee",   "agency",     "service",
			    "branch",   "section",     "cell",       NULL};
			int unit = 0;
			for (const char *const *u = units; *u; u++)
				unit |= !strcmp(w0, *u) || !strcmp(wl, *u);
			/* any organisation named as another's ("Europol's European
			 * Cybercrime Centre") is part of it, unless a trigger word
			 * follows ("X's ally Y" is handled by the role rules) */
			(void)unit;
			if (add(c, c->it[i + 1].ent, c->it[i - 1].ent, "member-of", i, 0))
				return -1;
		}
		/* "X is Honduras's second-largest gang": where X operates */
		if (is_country(c, &c->it[i - 1]) == 2 && i >= 3 &&
		    (in_list(&c->it[i - 2], be) || is(&c->it[i - 2], "remains") ||
		     is(&c->it[i - 2], "remained"))) {
			long sv[MAXARGS];
			size_t ns = subjects(c, i - 2, sv, 0);
			for (size_t k = 0; k < ns; k++)
				if (cls_of(c, sv[k]) == 'O' &&
				    add(c, sv[k], c->it[i - 1].ent, "operates-in", i, 0))
					return -1;
		}
		/* "Baghdad's Karrada district": a part of the place */
		if (i + 2 < c->n && c->it[i + 1].ent >= 0 && cls_of(c, c->it[i - 1].ent) == 'L' &&
		    cls_of(c, c->it[i + 1].ent) == 'L' && c->it[i + 2].ent < 0 &&
		    ties__xrules_has(c->st->rules, XR_LOCCUE, c->it[i + 2].w,
		                     strlen(c->it[i + 2].w)) &&
		    add(c, c->it[i + 1].ent, c->it[i - 1].ent, "located-in", i, 0))
			return -1;
		/* "Country's Agency": based in the country */
		if (i + 1 < c->n && c->it[i + 1].ent >= 0 && is_country(c, &c->it[i - 1]) &&
		    cls_of(c, c->it[i + 1].ent) == 'O' &&
		    add(c, c->it[i + 1].ent, c->it[i - 1].ent, "based-in", i, 0))
			return -1;
	}
	/* "The EHLA's finance secretary, Y", "Its ruling council, the X": a
	 * person noun or an organisation noun in apposition to its owner */
	if ((x->flags & XT_POSS) || in_list(x, org_pronouns)) {
		long owner = -1;
		if ((x->flags & XT_POSS) && i >= 1 && c->it[i - 1].ent >= 0 &&
		    cls_of(c, c->it[i - 1].ent) == 'O')
			owner = c->it[i - 1].ent;
		else if ((x->flags & XT_POSS) && i >= 3 && org_anaphor(c, i - 2))
			owner = def_ref(c, i - 2);
		else if (in_list(x, org_pronouns) && x->ent < 0)
			owner = org_ref(c, i);
		size_t q = i + 1;
		while (owner >= 0 && q < c->n && q < i + 4 && c->it[q].ent < 0 &&
		       !(c->it[q].flags & XT_PUNCT) && !(q + 1 < c->n && punct(&c->it[q + 1], ',')))
			q++;
		if (owner >= 0 && q + 2 < c->n && c->it[q].ent < 0 && punct(&c->it[q + 1], ',') &&
		    !item_rule(c, XR_ROLE, &c->it[q])) {
			size_t t = q + 2;
			while (t < c->n && in_list(&c->it[t], dets))
				t++;
			const char *hw = c->it[q].ln[0] ? c->it[q].ln : c->it[q].w;
			if (t < c->n && c->it[t].ent >= 0) {
				char tk = cls_of(c, c->it[t].ent);
				if (tk == 'P' && person_noun(c, &c->it[q]) &&
				    add(c, c->it[t].ent, owner, "member-of", q, 0))
					return -1;
				if (tk == 'O' &&
				    (ties__xrules_has(c->st->rules, XR_PART, hw, strlen(hw)) ||
				     ties__xrules_has(c->st->rules, XR_ORGHEAD, hw, strlen(hw))) &&
				    add(c, c->it[t].ent, owner, "member-of", q, 0))
					return -1;
			}
		}
	}
	if (x->ent < 0)
		return 0;
	char k = cls_of(c, x->ent);
	/* chains: "A, B, Country", "A (Country)", "Facility, Region" */
	if ((k == 'L' || k == 'F') && i + 2 < c->n) {
		size_t j = i + 1;
		if (punct(&c->it[j], ',') && j + 1 < c->n && punct(&c->it[j + 1], '('))
			j++;
		if ((punct(&c->it[j], ',') || punct(&c->it[j], '(')) && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[j + 1].ent) == 'L' && is_country(c, x) < 2 &&
		    !(i >= 1 && (is(&c->it[i - 1], "and") || is(&c->it[i - 1], "or")))) {
			const item *y = &c->it[j + 1];
			int bigger = admin_rank(c, y) > admin_rank(c, x) ||
			             (j + 3 < c->n && punct(&c->it[j + 2], ',') &&
			              c->it[j + 3].ent >= 0 && is_country(c, &c->it[j + 3]));
			/* two places of no known rank side by side ("Kismayo, Jubaland"):
			 * the smaller first, unless a list goes on ("A, B, C") or the
			 * first is itself listed after another place */
			if (!bigger && admin_rank(c, y) == admin_rank(c, x) &&
			    admin_rank(c, x) < 2 && punct(&c->it[j], ',') &&
			    !(j + 3 < c->n && punct(&c->it[j + 2], ',') && c->it[j + 3].ent >= 0 &&
			      cls_of(c, c->it[j + 3].ent) == 'L' &&
			      admin_rank(c, &c->it[j + 3]) <= admin_rank(c, y)) &&
			    !(i >= 2 && punct(&c->it[i - 1], ',') && c->it[i - 2].ent >= 0 &&
			      cls_of(c, c->it[i - 2].ent) == 'L'))
				bigger = 1;
			if (punct(&c->it[j], '(') && !(j + 2 < c->n && punct(&c->it[j + 2], ')')))
				bigger = 0;
			if (j + 3 < c->n && (is(&c->it[j + 2], "and") || is(&c->it[j + 2], "or")) &&
			    c->it[j + 3].ent >= 0)
				bigger = 0; /* "A, B and C": a list, not a chain */
			if (bigger && add(c, x->ent, y->ent, "located-in", i, 0))
				return -1;
		}
	}
	/* "X, a hawala firm in Nairobi": where an actor is */
	if (k == 'O' && i + 4 < c->n && punct(&c->it[i + 1], ',') &&
	    (is(&c->it[i + 2], "a") || is(&c->it[i + 2], "an"))) {
		size_t j = i + 3;
		while (j < c->n && j < i + 8 && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) &&
		       !in_list(&c->it[j], locatives) && !in_list(&c->it[j], stoppers) &&
		       !(c->it[j].lv[0] && !c->it[j].ln[0]))
			j++;
		if (j + 1 < c->n && j > i + 3 && is(&c->it[j], "in") && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[j + 1].ent) == 'L' &&
		    add(c, x->ent, c->it[j + 1].ent, "based-in", j, 0))
			return -1;
	}
	/* "X, the group's economic arm", "X, Hezbollah's elite unit" */
	if (k == 'O' && i + 4 < c->n && punct(&c->it[i + 1], ',')) {
		size_t j = i + 2;
		long owner = -1;
		if (c->it[j].ent >= 0 && (c->it[j + 1].flags & XT_POSS) &&
		    cls_of(c, c->it[j].ent) == 'O')
			owner = c->it[j].ent, j += 2;
		else if (org_anaphor(c, j) && j + 2 < c->n && (c->it[j + 2].flags & XT_POSS))
			owner = def_ref(c, j), j += 3;
		else if (in_list(&c->it[j], org_pronouns))
			owner = org_ref(c, j), j++;
		size_t q = j;
		while (owner >= 0 && q < c->n && q < j + 3 && c->it[q].ent < 0 &&
		       !(c->it[q].flags & XT_PUNCT) && !item_rule(c, XR_PART, &c->it[q]))
			q++;
		if (owner >= 0 && owner != x->ent && q < c->n && c->it[q].ent < 0 &&
		    item_rule(c, XR_PART, &c->it[q]) && add(c, x->ent, owner, "member-of", q, 0))
			return -1;
	}
	/* "Y, a senior ORG operative", "ORG financier Y": one of its people (any
	 * noun WordNet knows as a person; role words have their own rules) */
	if (k == 'O' && i + 1 < c->n && c->it[i + 1].ent < 0 && person_noun(c, &c->it[i + 1]) &&
	    !item_rule(c, XR_ROLE, &c->it[i + 1])) {
		size_t q = i;
		while (q > 0 && i - q < 4 && c->it[q - 1].ent < 0 &&
		       !(c->it[q - 1].flags & XT_PUNCT) && !in_list(&c->it[q - 1], be) &&
		       (in_list(&c->it[q - 1], dets) || !c->it[q - 1].lv[0] || c->it[q - 1].ln[0]))
			q--;
		long who = -1;
		if (q >= 2 && q < i && punct(&c->it[q - 1], ',') && c->it[q - 2].ent >= 0)
			who = c->it[q - 2].ent; /* "Y, a senior ORG operative" */
		else if (q >= 2 && q < i && in_list(&c->it[q - 1], be) && c->it[q - 2].ent >= 0)
			who = c->it[q - 2].ent; /* "Y is a former ORG official" */
		else if (i + 2 < c->n && c->it[i + 2].ent >= 0 &&
		         cls_of(c, c->it[i + 2].ent) == 'P')
			who = c->it[i + 2].ent; /* "ORG financier Y" */
		if (who >= 0 && cls_of(c, who) == 'P' &&
		    add(c, who, x->ent, "member-of", i + 1, negated(c, q, i)))
			return -1;
	}
	/* "Y, an adviser in the ORG", "Y is a senior official of ORG" */
	if (k == 'O' && i >= 4) {
		size_t p = i;
		if (p > 0 && in_list(&c->it[p - 1], dets))
			p--;
		size_t nn = p >= 2 ? p - 2 : 0;
		if (p >= 3 &&
		    (is(&c->it[p - 1], "of") || is(&c->it[p - 1], "in") ||
		     is(&c->it[p - 1], "for") || is(&c->it[p - 1], "at") ||
		     is(&c->it[p - 1], "within")) &&
		    person_noun(c, &c->it[nn]) && !item_rule(c, XR_ROLE, &c->it[nn])) {
			size_t q = nn;
			while (q > 0 && nn - q < 4 && c->it[q - 1].ent < 0 &&
			       !(c->it[q - 1].flags & XT_PUNCT) && !in_list(&c->it[q - 1], be) &&
			       (in_list(&c->it[q - 1], dets) || !c->it[q - 1].lv[0] ||
			        c->it[q - 1].ln[0] || participle(&c->it[q - 1])))
				q--;
			long who = -1;
			if (q >= 2 && q < nn + 1 && punct(&c->it[q - 1], ',') &&
			    c->it[q - 2].ent >= 0)
				who = c->it[q - 2].ent;
			else if (q >= 2 && in_list(&c->it[q - 1], be) && c->it[q - 2].ent >= 0)
				who = c->it[q - 2].ent;
			if (who >= 0 && cls_of(c, who) == 'P' && q < nn &&
			    add(c, who, x->ent, "member-of", nn, negated(c, q, i)))
				return -1;
		}
	}
	/* "NF fighters in Kunar", "the group's cells across Lima": where its
	 * people are */
	if (k == 'O' && i + 3 < c->n) {
		size_t j = i + 1;
		if (c->it[j].flags & XT_POSS)
			j++;
		while (j < c->n && j < i + 4 && c->it[j].ent < 0 && !member_noun(&c->it[j]) &&
		       !c->it[j].lv[0] && !(c->it[j].flags & XT_PUNCT))
			j++;
		if (j + 2 < c->n && member_noun(&c->it[j]) &&
		    (is(&c->it[j + 1], "in") || is(&c->it[j + 1], "across") ||
		     is(&c->it[j + 1], "throughout"))) {
			long pl[MAXARGS];
			size_t np = objects(c, j + 1, NULL, 0, pl, NULL);
			for (size_t z = 0; z < np; z++)
				if (cls_of(c, pl[z]) == 'L' &&
				    add(c, x->ent, pl[z], "operates-in", j, 0))
					return -1;
		}
	}
	/* "Directorate 17 of the X Organisation": a unit of an organisation */
	if (k == 'O' && i + 2 < c->n && is(&c->it[i + 1], "of")) {
		const char *nm = c->st->x->entities[x->ent].name;
		const xcand *cd = x->cand >= 0 ? &CAND(c->st, x->cand) : NULL;
		int unit = 0;
		if (cd && nm) {
			char w0[32];
			ties__xlower(c->st->text, &TOK(c->st, cd->t0), w0, sizeof w0);
			char wl[32];
			ties__xlower(c->st->text, &TOK(c->st, cd->t1 - 1), wl, sizeof wl);
			unit = ties__xrules_has(c->st->rules, XR_PART, w0, strlen(w0)) ||
			       ties__xrules_has(c->st->rules, XR_PART, wl, strlen(wl));
		}
		if (unit) {
			long o[MAXARGS];
			size_t no = objects(c, i, "of", 1, o, NULL);
			if (no && cls_of(c, o[0]) == 'O' && add(c, x->ent, o[0], "member-of", i, 0))
				return -1;
		}
	}
	/* "the X Front (XF) in Lanao del Sur": where the organisation is active */
	if (k == 'O' && i + 2 < c->n) {
		size_t j = i + 1;
		if (j + 3 < c->n && punct(&c->it[j], '(') && c->it[j + 1].ent == x->ent &&
		    punct(&c->it[j + 2], ')'))
			j += 3;
		int governed = 0; /* "arrested by the X in Y": where the arrest was */
		for (size_t q = i; q-- > 0 && i - q <= 2;)
			governed |=
			    c->it[q].ent < 0 &&
			    (in_list(&c->it[q], locatives) || is(&c->it[q], "by") ||
			     is(&c->it[q], "of") || is(&c->it[q], "to") || is(&c->it[q], "with") ||
			     is(&c->it[q], "for") || is(&c->it[q], "against") ||
			     is(&c->it[q], "on") || (c->it[q].lv[0] && !c->it[q].ln[0]));
		int firm = 0;
		if (x->cand >= 0) {
			static const char *const sfx[] = {
			    "gmbh", "ltd", "llc", "inc", "sarl", "sa",  "srl", "plc",
			    "bv",   "ag",  "co",  "fze", "fzco", "jsc", "ooo", NULL};
			const xcand *cd = &CAND(c->st, x->cand);
			char wl[16];
			ties__xlower(c->st->text, &TOK(c->st, cd->t1 - 1), wl, sizeof wl);
			for (const char *const *f = sfx; *f; f++)
				firm |= !strcmp(wl, *f);
		}
		if (firm && j + 1 < c->n && is(&c->it[j], "in") && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[j + 1].ent) == 'L' &&
		    add(c, x->ent, c->it[j + 1].ent, "based-in", j, 0))
			return -1; /* "X GmbH in Stuttgart" */
		if (j + 1 < c->n && is(&c->it[j], "in") && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[j + 1].ent) == 'L' && !governed && !firm &&
		    add(c, x->ent, c->it[j + 1].ent, "operates-in", j, 0))
			return -1;
	}
	/* "Country's southern provinces of A, B and C" */
	if (k == 'L' && is_country(c, x) == 2 && i + 4 < c->n && (c->it[i + 1].flags & XT_POSS)) {
		size_t j = i + 2;
		while (j < c->n && j < i + 9 && c->it[j].ent < 0 &&
		       (!(c->it[j].flags & XT_PUNCT) || punct(&c->it[j], '-')) &&
		       !is(&c->it[j], "of"))
			j++; /* "Thailand's Malay-Muslim majority provinces of" */
		if (j + 1 < c->n && is(&c->it[j], "of") && j > i + 2 &&
		    item_rule(c, XR_LOCCUE, &c->it[j - 1])) {
			long o[MAXARGS];
			size_t no = objects(c, j - 1, "of", 1, o, NULL);
			for (size_t z = 0; z < no; z++)
				if (cls_of(c, o[z]) == 'L' &&
				    add(c, o[z], x->ent, "located-in", i, 0))
					return -1;
		}
	}
	/* "A district of B province" */
	if ((k == 'L' || k == 'F') && i + 3 < c->n && c->it[i + 1].ent < 0 &&
	    ties__xrules_has(c->st->rules, XR_LOCCUE, c->it[i + 1].w, strlen(c->it[i + 1].w)) &&
	    is(&c->it[i + 2], "of") && c->it[i + 3].ent >= 0 &&
	    add(c, x->ent, c->it[i + 3].ent, "located-in", i, 0))
		return -1;
	/* "Facility [word] in (western) City" and "City in (western) Country" */
	if ((k == 'F' || k == 'L') && i + 2 < c->n) {
		size_t j = i + 1;
		if (k == 'F' && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) &&
		    !is(&c->it[j], "in") && !c->it[j].lv[0])
			j++;
		if (j + 1 < c->n && is(&c->it[j], "in")) {
			size_t q = j + 1;
			if (q < c->n && c->it[q].ent < 0 &&
			    (in_list(&c->it[q], dets) || strstr(c->it[q].w, "ern")))
				q++;
			if (q < c->n && c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'L' &&
			    (k == 'F' || admin_rank(c, &c->it[q]) > admin_rank(c, x)) &&
			    is_country(c, x) < 2 &&
			    add(c, x->ent, c->it[q].ent, "located-in", i, 0))
				return -1;
		}
	}
	/* "Kismayo, a port city in Jubaland", "X, a town of Y" */
	if (k == 'L' && i + 4 < c->n && punct(&c->it[i + 1], ',') && in_list(&c->it[i + 2], dets)) {
		static const char *const kinds[] = {"city",
		                                    "town",
		                                    "village",
		                                    "district",
		                                    "region",
		                                    "area",
		                                    "province",
		                                    "port",
		                                    "settlement",
		                                    "suburb",
		                                    "neighbourhood",
		                                    "neighborhood",
		                                    "municipality",
		                                    "island",
		                                    "hub",
		                                    "enclave",
		                                    NULL};
		size_t j = i + 3, kind = 0;
		while (j < c->n && j < i + 7 && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) &&
		       !is(&c->it[j], "in") && !is(&c->it[j], "of") && !is(&c->it[j], "on") &&
		       !is(&c->it[j], "near")) {
			for (const char *const *kk = kinds; *kk; kk++)
				kind |= !strcmp(c->it[j].ln[0] ? c->it[j].ln : c->it[j].w, *kk);
			j++;
		}
		if (kind && j + 1 < c->n && (is(&c->it[j], "in") || is(&c->it[j], "of"))) {
			size_t q = j + 1;
			while (q < c->n && c->it[q].ent < 0 &&
			       (in_list(&c->it[q], dets) || strstr(c->it[q].w, "ern")))
				q++;
			if (q < c->n && c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'L' &&
			    add(c, x->ent, c->it[q].ent, "located-in", i, 0))
				return -1;
		}
	}
	return 0;
}

/* "the group maintains camps across Kunar", "KAG recruits fighters in
 * Gao": an organisation doing what armed groups do in a place operates
 * there.  Only for a place no other relation of this sentence uses. */
static int acting_in(sctx *c)
{
	static const char *const acts[] = {
	    "maintain", "recruit",    "smuggle", "traffic", "extort", "tax",
	    "levy",     "patrol",     "deploy",  "conduct", "carry",  "expand",
	    "control",  "move",       "launder", "collect", "tap",    "kidnap",
	    "sell",     "distribute", "rebuild", "regroup", "build",  NULL};
	static const char *const where[] = {"in", "across", "throughout", "inside", NULL};
	for (size_t i = 1; i + 2 < c->n; i++) {
		const item *x = &c->it[i];
		int act = 0;
		for (const char *const *a = acts; x->ent < 0 && *a && !act; a++)
			act = !strcmp(x->lv, *a);
		if (!act || ing_form(x) ||
		    (participle(x) && !in_list(&c->it[i - 1], aux) && !in_list(&c->it[i - 1], be)))
			continue;
		long sv[MAXARGS];
		size_t ns = subjects(c, i, sv, 0);
		if (!ns || cls_of(c, sv[0]) != 'O')
			continue;
		for (size_t j = i + 1; j + 1 < c->n && j < i + 9; j++) {
			const item *y = &c->it[j];
			if (punct(y, ',') || punct(y, ';') || in_list(y, stoppers) ||
			    (y->ent >= 0 && actor(cls_of(c, y->ent))))
				break;
			if (!in_list(y, where))
				continue;
			long pl[MAXARGS];
			size_t np = objects(c, j, NULL, 0, pl, NULL);
			for (size_t z = 0; z < np; z++) {
				int used = cls_of(c, pl[z]) != 'L';
				for (size_t r = c->rel0; r < c->rels->len; r++) {
					const ties_relation *o =
					    &TIES_VEC_AT(c->rels, ties_relation, r);
					used |= o->target == (size_t)pl[z] ||
					        o->source == (size_t)pl[z];
				}
				for (size_t k = 0; k < ns && !used; k++)
					if (cls_of(c, sv[k]) == 'O' &&
					    add(c, sv[k], pl[z], "operates-in", i,
					        negated(c, 0, i)))
						return -1;
			}
			break;
		}
	}
	return 0;
}

/* "In the Netherlands, the X clan ...": a fronted place is where the
 * organisation that opens the clause operates. */
static int fronted_place(sctx *c)
{
	size_t j = 0;
	/* "Operating mainly in Puno, the X ...", "Active in Y, X ..." */
	if (c->n > 5 &&
	    (is(&c->it[0], "operating") || is(&c->it[0], "active") || is(&c->it[0], "present"))) {
		j = 1;
		while (
		    j < c->n && j < 3 &&
		    (strlen(c->it[j].w) > 3 && !strcmp(c->it[j].w + strlen(c->it[j].w) - 2, "ly")))
			j++;
		if (j + 1 < c->n && (is(&c->it[j], "in") || is(&c->it[j], "across"))) {
			long pl[MAXARGS];
			size_t np = objects(c, j, NULL, 0, pl, NULL);
			size_t q = j + 1;
			while (q < c->n && !punct(&c->it[q], ','))
				q++;
			q++;
			while (q < c->n && in_list(&c->it[q], dets))
				q++;
			if (q < c->n && c->it[q].ent >= 0 && cls_of(c, c->it[q].ent) == 'O')
				for (size_t z = 0; z < np; z++)
					if (cls_of(c, pl[z]) == 'L' &&
					    add(c, c->it[q].ent, pl[z], "operates-in", 0, 0))
						return -1;
		}
		return 0;
	}
	/* "Based in Lima, the X ...", "Headquartered in Y, X ..." */
	if (c->n > 5 && (is(&c->it[0], "based") || is(&c->it[0], "headquartered")) &&
	    is(&c->it[1], "in") && c->it[2].ent >= 0 && cls_of(c, c->it[2].ent) == 'L') {
		long place = c->it[2].ent;
		j = 3;
		while (j + 1 < c->n && punct(&c->it[j], ',') && c->it[j + 1].ent >= 0 &&
		       cls_of(c, c->it[j + 1].ent) == 'L')
			j += 2;
		if (j < c->n && punct(&c->it[j], ','))
			j++;
		while (j < c->n && in_list(&c->it[j], dets))
			j++;
		if (j < c->n && c->it[j].ent >= 0 && actor(cls_of(c, c->it[j].ent)))
			return add(c, c->it[j].ent, place, "based-in", 0, 0);
		return 0;
	}
	if (c->n < 5 || !is(&c->it[0], "in"))
		return 0;
	j = 1;
	while (j < c->n && in_list(&c->it[j], dets))
		j++;
	if (j + 2 >= c->n || c->it[j].ent < 0 || cls_of(c, c->it[j].ent) != 'L')
		return 0;
	long place = c->it[j].ent;
	j += punct(&c->it[j + 1], ',') ? 2 : 1;
	if (j + 1 < c->n && org_anaphor(c, j))
		return add(c, def_ref(c, j), place, "operates-in", j,
		           0); /* "In Syria the group ..." */
	while (j < c->n && in_list(&c->it[j], dets))
		j++;
	if (j < c->n && c->it[j].ent < 0) {
		/* "In Istanbul a currency exchange called X handles ..." */
		long named = naming(c, j, c->n < j + 6 ? c->n : j + 6);
		if (named >= 0 && cls_of(c, named) == 'O')
			return add(c, named, place, "based-in", j, 0);
		return 0;
	}
	if (j >= c->n || c->it[j].ent < 0 || cls_of(c, c->it[j].ent) != 'O')
		return 0;
	return add(c, c->it[j].ent, place, "operates-in", j, 0);
}

static int lemma_into(const xstate *st, const char *w, char pos, char *out, size_t cap)
{
	size_t n = strlen(w);
	if (!n || !(w[0] >= 'a' && w[0] <= 'z'))
		return 0;
	return ties__xlemma_cached((xstate *)st, w, n, pos, out, cap) > 0;
}

ties_code ties__xrelations(xstate *st)
{
	ties_vec rels, items;
	ties__vec_init(&rels, sizeof(ties_relation));
	ties__vec_init(&items, sizeof(item));
	ties_code rc = TIES_OK;
	size_t ci = 0, mi = 0;
	long carry = -1;
	/* the organisation named in the opening lines (title, heading) and
	 * mentioned often: what the report is about */
	long title_org = -1;
	for (size_t k = 0; k < st->cands.len && CAND(st, k).sent < 3; k++) {
		const xcand *cd = &CAND(st, k);
		if (cd->ent < 0 || (cd->flags & XC_NESTED) ||
		    st->x->entities[cd->ent].type != TIES_ENT_ORGANIZATION ||
		    st->x->entities[cd->ent].nmentions < 3)
			continue;
		if (title_org < 0 ||
		    st->x->entities[cd->ent].nmentions > st->x->entities[title_org].nmentions)
			title_org = cd->ent;
	}
	char *ckind = ties__arena_alloc(st->a, st->x->nentities + 1);
	if (!ckind)
		return TIES_ERR_NOMEM;
	for (size_t k = 0; k < st->cands.len; k++) {
		const xcand *cd = &CAND(st, k);
		if (cd->ent >= 0 &&
		    (cd->lexkind == 'c' || (cd->lexkind == 's' && ckind[cd->ent] != 'c')))
			ckind[cd->ent] = cd->lexkind;
	}
	for (uint32_t s = 0; s < st->doc->nsentences && !rc; s++) {
		size_t a = st->sent_tok[s], b = st->sent_tok[s + 1];
		items.len = 0;
		while (ci < st->cands.len && CAND(st, ci).sent < s)
			ci++;
		size_t cj = ci;
		for (size_t t = a; t < b;) {
			while (cj < st->cands.len && CAND(st, cj).sent == s &&
			       (CAND(st, cj).t0 < t || CAND(st, cj).ent < 0 ||
			        (CAND(st, cj).flags & (XC_DROP | XC_NESTED))))
				cj++;
			item *x = ties__vec_push(&items);
			if (!x) {
				rc = TIES_ERR_NOMEM;
				break;
			}
			x->cand = -1;
			x->ent = -1;
			if (cj < st->cands.len && CAND(st, cj).sent == s && CAND(st, cj).t0 == t) {
				const xcand *cd = &CAND(st, cj);
				x->t0 = cd->t0;
				x->t1 = cd->t1;
				x->ent = cd->ent;
				x->cand = (long)cj;
				/* a trailing possessive stays a token */
				if (x->t1 - x->t0 >= 2 && (TOK(st, x->t1 - 1).flags & XT_POSS))
					x->t1--;
				ties__xlower(st->text, &TOK(st, x->t0), x->w, sizeof x->w);
				t = x->t1;
				cj++;
				continue;
			}
			x->t0 = t;
			x->t1 = t + 1;
			x->flags = TOK(st, t).flags;
			ties__xlower(st->text, &TOK(st, t), x->w, sizeof x->w);
			if ((x->flags & XT_WORD) && !(x->flags & XT_NUM)) {
				lemma_into(st, x->w, 'v', x->lv, sizeof x->lv);
				lemma_into(st, x->w, 'n', x->ln, sizeof x->ln);
			}
			t++;
		}
		if (rc)
			break;
		size_t m0 = mi;
		while (m0 < st->doc->nmarkers && st->doc->markers[m0].sentence < s)
			m0++;
		mi = m0;
		while (mi < st->doc->nmarkers && st->doc->markers[mi].sentence == s)
			mi++;
		sctx c = {st, ckind, -1,       carry, items.data, items.len, s,        &rels,
		          a,  b,     rels.len, ci,    m0,         mi,        title_org};
		for (size_t i = 0; i < c.n && !rc; i++)
			if (verbs(&c, i) || nouns(&c, i) || roles(&c, i) || others(&c, i))
				rc = push_failed(st);
		carry = c.last_subj;
		/* no trigger had a subject: the sentence's opening name is its topic */
		for (size_t i = 0; carry < 0 && i < c.n && i < 5; i++)
			if (c.it[i].ent >= 0 && cls_of(&c, c.it[i].ent) == 'O')
				carry = c.it[i].ent;
		if (!rc && (fronted_place(&c) || acting_in(&c)))
			rc = push_failed(st);
	}
	if (!rc) {
		st->x->relations =
		    ties__arena_array(st->a, rels.len ? rels.len : 1, sizeof(ties_relation));
		if (!st->x->relations)
			rc = TIES_ERR_NOMEM;
		else {
			if (rels.len)
				memcpy(st->x->relations, rels.data,
				       rels.len * sizeof(ties_relation));
			st->x->nrelations = rels.len;
		}
	}
	ties__vec_release(&rels);
	ties__vec_release(&items);
	return rc;
}
