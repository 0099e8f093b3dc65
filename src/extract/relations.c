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
	char w[48];    /* lowercase token text */
	char lv[48];   /* verb lemma, "" if none */
	char ln[48];   /* noun lemma */
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
	size_t a, b;      /* sentence tokens */
	size_t rel0;      /* first relation of this sentence */
	size_t cand0;     /* first candidate of this sentence */
	size_t m0, m1;    /* its footnote markers */
} sctx;

static int is(const item *x, const char *w) { return x->ent < 0 && !strcmp(x->w, w); }

static int in_list(const item *x, const char *const *l)
{
	if (x->ent >= 0)
		return 0;
	for (; *l; l++)
		if (!strcmp(x->w, *l))
			return 1;
	return 0;
}

static const char *const dets[] = {"the", "a", "an", "its", "their", "his", "her", "this", "that",
                                   "these", "those", "some", "multiple", "several", "many", "other",
                                   "senior", "large", "small", "joint", NULL};
static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have",
                                  "had", "will", "would", "can", "could", "may", "might", "must",
                                  "shall", "should", "did", "does", "do", "to", "not", "also",
                                  "then", "later", "still", "already", "never", "n't", "cannot",
                                  "reportedly", "allegedly", "once", "now", "often", "jointly", NULL};
static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
static const char *const locatives[] = {"in", "at", "near", "from", "within", "along", "across",
                                        "into", "inside", "outside", "via", "through", NULL};
static const char *const pronouns[] = {"he", "she", "his", "her", "him", NULL};
static const char *const org_pronouns[] = {"its", "their", NULL};
static const char *const stoppers[] = {"that", "which", "who", "whom", "because", "although",
                                       "though", "while", "whereas", "but", NULL};

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

static int actor(char k) { return k == 'P' || k == 'O'; }

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
	if (!strcmp(type, "killed-by") || !strcmp(type, "arrested-by") || !strcmp(type, "trained-by"))
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
		else if (x->lv[0] && ties__xrules_has(c->st->rules, XR_REVERSAL, x->lv, strlen(x->lv)))
			neg ^= 1;
	}
	return neg;
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
	if (c->rels->len >= st->max_relations)
		return -1;
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
	r->trigger = c->it[trig].ent < 0 ? ties__arena_strdup(st->a, c->it[trig].lv[0] ? c->it[trig].lv
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
		if (x->ent >= 0 && !(x->flags & XC_NESTED) && c->st->x->entities[x->ent].type == want) {
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

static long pronoun_ref(const sctx *c, size_t i) { return ref_of(c, i, TIES_ENT_PERSON); }

/* "its", "the group": the organisation the text is about so far, the one
 * named most often before item i (the first named on a tie), else the
 * topic of the last sentences. */
static long org_ref(const sctx *c, size_t i)
{
	size_t pos = TOK(c->st, c->it[i].t0).s;
	size_t k = c->cand0;
	while (k < c->st->cands.len && CAND(c->st, k).s < pos)
		k++;
	size_t from = k > 300 ? k - 300 : 0; /* a window bounds the cost */
	long best = -1;
	size_t bestn = 0;
	for (size_t q = from; q < k; q++) {
		const xcand *x = &CAND(c->st, q);
		if (x->ent < 0 || (x->flags & XC_NESTED) || c->st->x->entities[x->ent].type != TIES_ENT_ORGANIZATION)
			continue;
		size_t cnt = 0, first = q;
		for (size_t z = from; z < k; z++)
			if (CAND(c->st, z).ent == x->ent && !(CAND(c->st, z).flags & XC_NESTED)) {
				if (!cnt)
					first = z;
				cnt++;
			}
		if (first != q)
			continue; /* counted at its first mention */
		if (cnt > bestn) {
			bestn = cnt;
			best = x->ent;
		}
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
		while (t < end && t < k->t1 + 4 && !(ties__xlower(st->text, &TOK(st, t), w, sizeof w) && !strcmp(w, ")")))
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
		if (x->ent < 0 || (x->flags & XC_NESTED) || st->x->entities[x->ent].type != TIES_ENT_ORGANIZATION)
			continue;
		const char *name = st->x->entities[x->ent].name;
		size_t ln = name ? strlen(name) : 0;
		if (ln > nl && name[ln - nl - 1] == ' ' && !strncasecmp(name + ln - nl, noun, nl))
			return x->ent;
		if (described_as(st, x, noun))
			return x->ent;
	}
	return org_ref(c, j);
}

/* "the group", "the cartel": an anaphor for an organisation */
static int org_anaphor(const sctx *c, size_t j)
{
	return j + 1 < c->n && (is(&c->it[j], "the") || is(&c->it[j], "this")) && c->it[j + 1].ent < 0 &&
	       !(c->it[j + 1].flags & XT_CAP) &&
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
		if (!(is(&c->it[k], "and") || punct(&c->it[k], ',') || is(&c->it[k], "or")) || k == 0)
			return;
		if (c->it[k - 1].ent < 0)
			return;
		push(v, n, c->it[k - 1].ent);
		j = k - 1;
	}
}

/* Subjects left of item i: nearest entity through auxiliaries and adverbs,
 * with a parenthetical "(specifically B)" and coordination. */
static size_t subjects(const sctx *c, size_t i, long *v, int loose)
{
	size_t n = 0;
	size_t gap = 0;
	for (size_t j = i; j-- > 0;) {
		const item *x = &c->it[j];
		if (x->ent >= 0) {
			/* an adjunct "in X" is not the subject */
			size_t p = j;
			while (p > 0 && (in_list(&c->it[p - 1], dets) || strstr(c->it[p - 1].w, "ern")))
				p--;
			if (p > 0 && in_list(&c->it[p - 1], locatives) && !loose) {
				j = p - 1; /* on past the preposition */
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
		if (punct(x, ',') && j + 1 == i) {
			/* "A, the leader of B, was arrested": skip the apposition */
			size_t k = j;
			while (k > 0 && j - k < 16 && !punct(&c->it[k - 1], ',') && !punct(&c->it[k - 1], ';'))
				k--;
			if (k >= 2 && punct(&c->it[k - 1], ',') && c->it[k - 2].ent >= 0) {
				push(v, &n, c->it[k - 2].ent);
				return n;
			}
			return 0;
		}
		if (is(x, "which") || is(x, "who")) {
			/* "the school in X, which included...": the antecedent */
			size_t k = j;
			if (k > 0 && punct(&c->it[k - 1], ','))
				k--;
			for (size_t q = k; q-- > 0 && k - q < 6;) {
				if (c->it[q].ent < 0)
					continue;
				size_t p = q;
				while (p > 0 && in_list(&c->it[p - 1], dets))
					p--;
				if (p > 0 && in_list(&c->it[p - 1], locatives))
					continue;
				push(v, &n, c->it[q].ent);
				return n;
			}
			return 0;
		}
		if (in_list(x, stoppers) || punct(x, ';') || punct(x, ':'))
			return 0;
		if (punct(x, '(') && j + 1 == i)
			continue;
		if (x->ln[0] && j > 0 && (c->it[j - 1].ent >= 0 || in_list(&c->it[j - 1], org_pronouns)) && j + 1 == i)
			continue; /* "ACME leaders visited", "its fighters killed" */
		if (x->flags & XT_MARKER)
			continue;
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
			if (punct(&c->it[j], ';') || punct(&c->it[j], '.') || in_list(&c->it[j], stoppers))
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
		       (in_list(&c->it[j], dets) || is(&c->it[j], "like") || is(&c->it[j], "such") ||
		        is(&c->it[j], "as") || (c->it[j].flags & (XT_NUM | XT_MARKER)) ||
		        ((!c->it[j].lv[0] || c->it[j].ln[0]) && !punct(&c->it[j], ',') && !punct(&c->it[j], '(') &&
		         !in_list(&c->it[j], locatives) && !is(&c->it[j], "and") && !is(&c->it[j], "by") &&
		         !in_list(&c->it[j], stoppers) && !(c->it[j].flags & XT_PUNCT)))) {
			j++;
			skip++;
		}
		/* "attacked the military base in X": the place stands for the
		 * facility named by a common noun */
		if (!n && skip && j + 1 < c->n && c->it[j].ent < 0 && (is(&c->it[j], "in") || is(&c->it[j], "near")) &&
		    c->it[j + 1].ent >= 0 && cls_of(c, c->it[j + 1].ent) == 'L' &&
		    ties__xrules_has(c->st->rules, XR_FACHEAD, c->it[j - 1].ln[0] ? c->it[j - 1].ln : c->it[j - 1].w,
		                     strlen(c->it[j - 1].ln[0] ? c->it[j - 1].ln : c->it[j - 1].w)))
			j++;
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
		    ties__xrules_has(c->st->rules, XR_ROLE, c->it[k + 4].w, strlen(c->it[k + 4].w)) &&
		    c->it[k + 5].ent >= 0)
			k += 4;
		else if (k + 2 < c->n && c->it[k + 1].ent < 0 &&
		    ties__xrules_has(c->st->rules, XR_ROLE, c->it[k + 1].ln[0] ? c->it[k + 1].ln : c->it[k + 1].w,
		                     strlen(c->it[k + 1].ln[0] ? c->it[k + 1].ln : c->it[k + 1].w)) &&
		    c->it[k + 2].ent >= 0)
			k += 2;
		if (!n && at)
			*at = k;
		push(v, &n, c->it[k].ent);
		j = k + 1;
		/* acronym in parentheses, "in Place" attachments */
		if (j + 2 < c->n && punct(&c->it[j], '(') && c->it[j + 1].ent >= 0 && punct(&c->it[j + 2], ')'))
			j += 3;
		while (j + 1 < c->n && in_list(&c->it[j], locatives) && c->it[j + 1].ent >= 0)
			j += 2;
		if (c->it[j - 1].ent >= 0 && j < c->n && c->it[j].ent < 0 && !c->it[j].lv[0] &&
		    !(c->it[j].flags & XT_PUNCT) && !in_list(&c->it[j], stoppers) && !is(&c->it[j], "and"))
			j++; /* "ACME fighters" */
		if (j + 1 < c->n && punct(&c->it[j], ',') && c->it[j + 1].ent >= 0 && cls_of(c, c->it[k].ent) == 'L' &&
		    is_country(c, &c->it[j + 1]))
			break; /* "Sinaloa, Mexico" is one place */
		if (j < c->n && (is(&c->it[j], "and") || is(&c->it[j], "or") || punct(&c->it[j], ','))) {
			j++;
			while (j < c->n && (is(&c->it[j], "and") || is(&c->it[j], "later") || is(&c->it[j], "also") ||
			                    is(&c->it[j], "to") || is(&c->it[j], "with")))
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
	else if ((kind == XR_NOUN || kind == XR_ROLE || kind == XR_PART || kind == XR_SUPPORT) && x->ln[0])
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
	while (j > 0 && c->it[j - 1].ent < 0 && !(c->it[j - 1].flags & XT_PUNCT) && words < 4)
		j--, words++;
	if (!words && j > 0 && c->it[j - 1].ent >= 0)
		return c->it[j - 1].ent;
	if (!words || j < 2 || !punct(&c->it[j - 1], ','))
		return -1;
	if (c->it[j - 2].ent >= 0)
		return c->it[j - 2].ent;
	/* "X (XG), a ...": the name before the acronym */
	if (j >= 5 && punct(&c->it[j - 2], ')') && c->it[j - 3].ent >= 0 && punct(&c->it[j - 4], '(') &&
	    c->it[j - 5].ent >= 0)
		return c->it[j - 5].ent;
	return -1;
}

/* A past participle: inflected, not "-ing", not a third-person "-s" form */
static int participle(const item *x)
{
	size_t n = strlen(x->w), l = strlen(x->lv);
	if (!l || !strcmp(x->w, x->lv) || strstr(x->w, "ing"))
		return 0;
	return !(n > l && !strncmp(x->w, x->lv, l) && (!strcmp(x->w + l, "s") || !strcmp(x->w + l, "es")));
}

static int verbs(sctx *c, size_t i)
{
	const char *w;
	const item *x = &c->it[i];
	if (!rule_word(c, XR_VERB, x, &w))
		return 0;
	int passive = 0;
	if (i >= 1 && (in_list(&c->it[i - 1], be) || (i >= 2 && in_list(&c->it[i - 2], be) &&
	                                               in_list(&c->it[i - 1], aux))))
		passive = strlen(x->w) > 2 && strcmp(x->w, x->lv) && !strstr(x->w + strlen(x->w) - 3, "ing");
	int passive0 = passive;
	long s[MAXARGS], o[MAXARGS];
	size_t ns = 0, no = 0;
	for (const xrule *r = ties__xrules_find(c->st->rules, XR_VERB, w, strlen(w)); r;
	     r = ties__xrules_next(c->st->rules, r)) {
		size_t beg = i;
		while (beg > 0 && (in_list(&c->it[beg - 1], aux) || in_list(&c->it[beg - 1], be)))
			beg--;
		/* "X is based in Y": a stative participle with its preposition */
		passive = passive0 && !(r->prep && i + 1 < c->n && is(&c->it[i + 1], r->prep));
		if (!passive0 && i + 1 < c->n && is(&c->it[i + 1], "by") && strcmp(x->w, x->lv) &&
		    !strstr(x->w, "ing")) {
			/* reduced relative: "X, an armed group led by Y", "groups led by Y" */
			long pat = described(c, i);
			no = pat >= 0 ? objects(c, i + 1, NULL, 0, o, NULL) : 0;
			ns = 0;
			push(s, &ns, pat);
			if (no && emit_pairs(c, o, no, s, ns, r, i, 0, 0))
				return -1;
			continue;
		}
		if (!passive0 && r->prep && i + 1 < c->n && is(&c->it[i + 1], r->prep) && participle(x) && i >= 2 &&
		    c->it[i - 1].ent < 0) {
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
		if (passive) {
			/* the doer: "by X", or "in a joint X operation" */
			no = 0;
			size_t j = i + 1;
			while (j < c->n && j < i + 10 && !is(&c->it[j], "by") && !punct(&c->it[j], ','))
				j++;
			if (j < c->n && is(&c->it[j], "by"))
				no = objects(c, j, NULL, 0, o, NULL);
			for (size_t q = i + 1; !no && q + 1 < c->n && q < i + 14; q++) {
				const char *aw;
				if (c->it[q].ent >= 0 && rule_word(c, XR_ACTORNOUN, &c->it[q + 1], &aw))
					push(o, &no, c->it[q].ent);
				for (size_t z = q + 2; c->it[q].ent >= 0 && z < c->n && z <= q + 3; z++)
					if (c->it[z].ent < 0 && rule_word(c, XR_ACTORNOUN, &c->it[z], &aw))
						push(o, &no, c->it[q].ent);
			}
			ns = subjects(c, beg, s, 0);
			/* the doer then the target: "B was attacked by A" -> A attacked B */
			if (emit_pairs(c, o, no, s, ns, r, i, negated(c, beg, i), 0))
				return -1;
			continue;
		}
		/* "before joining X": the subject of the main clause */
		if (c->last_subj >= 0 && beg >= 1 &&
		    ((strstr(x->w, "ing") && (is(&c->it[beg - 1], "before") || is(&c->it[beg - 1], "after") ||
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
		no = objects(c, i, r->prep, r->prep ? 3 : 0, o, NULL);
		if (!no && !r->prep && ns >= 2 && !strcmp(r->type, "met-with")) {
			/* "A and B met" */
			if (add(c, s[0], s[1], r->type, i, negated(c, beg, i)))
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
	       !in_list(&c->it[j - 1], dets) && !in_list(&c->it[j - 1], locatives) && !c->it[j - 1].ln[0] &&
	       !is(&c->it[j - 1], "of"))
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
			for (size_t q = i; q-- > 0 && i - q <= 4 && c->it[q].ent < 0 && !(c->it[q].flags & XT_PUNCT) && !got;)
				got = c->it[q].lv[0] &&
				      ties__xrules_has(c->st->rules, XR_RECEIVE, c->it[q].lv, strlen(c->it[q].lv));
			if (!got)
				continue;
		}
		long m = before_noun(c, i, &at);
		/* "the bombing by X" */
		if (i + 1 < c->n && is(&c->it[i + 1], "by")) {
			no = objects(c, i + 1, NULL, 0, o, NULL);
			if (m >= 0 && no) {
				for (size_t k = 0; k < no; k++)
					if (add(c, r->reverse ? m : o[k], r->reverse ? o[k] : m, r->type, i, negated(c, at, i)))
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
			for (size_t q = i; q-- > 0 && i - q <= 6 && c->it[q].ent < 0 && !obj;)
				obj = rule_word(c, XR_VERB, &c->it[q], &vw) && !c->it[q].ln[0];
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
	/* "his deputy, Y", "X's lieutenant, Y": Y belongs to the organisation
	 * the possessor was last said to lead or belong to */
	if (kind == XR_ROLE && !strcmp(r->type, "member-of") && i >= 1 && i + 2 < c->n &&
	    punct(&c->it[i + 1], ',') && c->it[i + 2].ent >= 0 && cls_of(c, c->it[i + 2].ent) == 'P') {
		long owner = -1, org = -1;
		if (is(&c->it[i - 1], "his") || is(&c->it[i - 1], "her"))
			owner = pronoun_ref(c, i - 1);
		else if ((c->it[i - 1].flags & XT_POSS) && i >= 2 && c->it[i - 2].ent >= 0)
			owner = c->it[i - 2].ent;
		for (size_t q = c->rels->len; owner >= 0 && org < 0 && q-- > 0;) {
			const ties_relation *o = &TIES_VEC_AT(c->rels, ties_relation, q);
			if (o->source == (size_t)owner && !o->negated &&
			    (!strcmp(o->type, "leads") || !strcmp(o->type, "member-of")))
				org = (long)o->target;
		}
		if (org >= 0)
			return add(c, c->it[i + 2].ent, org, "member-of", i, 0);
	}
	/* title: "ORG [PLACE] ROLE [,] PERSON" */
	if (kind == XR_ROLE && i >= 1 && i + 1 < c->n) {
		size_t k = i + 1;
		if (punct(&c->it[k], ',') && k + 1 < c->n)
			k++;
		size_t j = i - 1;
		int sub = 0;
		if (c->it[j].ent >= 0 && cls_of(c, c->it[j].ent) == 'L' && j >= 1 && c->it[j - 1].ent >= 0) {
			j--;
			sub = 1;
		}
		if (punct(&c->it[j], ')') && j >= 3 && punct(&c->it[j - 2], '('))
			j -= 3;
		long org = c->it[j].ent >= 0 ? c->it[j].ent : in_list(&c->it[j], org_pronouns) ? org_ref(c, j) : -1;
		if (org >= 0 && c->it[k].ent >= 0 && cls_of(c, c->it[k].ent) == 'P') {
			if (add(c, c->it[k].ent, org, sub ? "member-of" : r->type, i, 0))
				return -1;
			return 0;
		}
	}
	/* apposition "PERSON, the ROLE of ORG" and copula "PERSON is a ROLE of ORG" */
	size_t j = i;
	while (j > 0 && c->it[j - 1].ent < 0 && !(c->it[j - 1].flags & (XT_PUNCT | XT_POSS)) &&
	       !in_list(&c->it[j - 1], stoppers) && !in_list(&c->it[j - 1], locatives) && i - j < 5)
		j--;
	long subj = -1;
	size_t sj = j;
	int cop = 0;
	for (size_t q = j; q < i; q++)
		cop |= in_list(&c->it[q], be);
	if (j > 0 && punct(&c->it[j - 1], ',') && j >= 2 && c->it[j - 2].ent >= 0 && !cop)
		subj = c->it[j - 2].ent, sj = j - 2;
	else if (cop && j > 0 && c->it[j - 1].ent >= 0)
		subj = c->it[j - 1].ent, sj = j - 1;
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
	if (i + 1 >= c->n || !is(&c->it[i + 1], prep))
		return 0;
	long o[MAXARGS];
	size_t at = 0;
	size_t no = objects(c, i, prep, 1, o, &at);
	for (size_t k = 0; k < no; k++) {
		const char *type = r->type;
		/* "head of X's India wing": a member of X */
		if (k == 0 && at + 1 < c->n && (c->it[at + 1].flags & XT_POSS) && !strcmp(type, "leads"))
			type = "member-of";
		if (add(c, subj, o[k], type, i, negated(c, sj, i)))
			return -1;
	}
	return 0;
}

static int others(sctx *c, size_t i)
{
	const item *x = &c->it[i];
	const char *w;
	/* "X-backed Y" */
	if ((x->flags & XT_COMPOUND) && i >= 1 && c->it[i - 1].ent >= 0 && rule_word(c, XR_COMPOUND, x, &w)) {
		const xrule *r = ties__xrules_find(c->st->rules, XR_COMPOUND, w, strlen(w));
		long o[MAXARGS];
		size_t no = objects(c, i, NULL, 0, o, NULL);
		for (size_t k = 0; k < no && r; k++)
			if (add(c, c->it[i - 1].ent, o[k], r->type, i, 0))
				return -1;
	}
	/* "with X support" */
	if (is(x, "with") && i + 2 < c->n && c->it[i + 1].ent >= 0 && rule_word(c, XR_SUPPORT, &c->it[i + 2], &w)) {
		const xrule *r = ties__xrules_find(c->st->rules, XR_SUPPORT, w, strlen(w));
		long s[MAXARGS];
		size_t ns = 0;
		/* the supported: the clause's subject, skipping places and targets */
		for (size_t j = i; j-- > 0 && ns == 0;) {
			if (c->it[j].ent < 0 || !actor(cls_of(c, c->it[j].ent)))
				continue;
			size_t p = j;
			while (p > 0 && in_list(&c->it[p - 1], dets))
				p--;
			if (p > 0 && (in_list(&c->it[p - 1], locatives) || punct(&c->it[p - 1], '-')))
				continue;
			ns = subjects(c, j + 1, s, 0);
		}
		for (size_t k = 0; k < ns && r; k++)
			if (add(c, c->it[i + 1].ent, s[k], r->type, i + 2, 0))
				return -1;
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
				const xrule *r = ties__xrules_find(c->st->rules, XR_PART, w, strlen(w));
				if (k < c->n && c->it[k].ent >= 0 && r && add(c, c->it[k].ent, c->it[i - 1].ent, r->type, j, 0))
					return -1;
				break;
			}
		}
		/* "Country's Agency": based in the country */
		if (i + 1 < c->n && c->it[i + 1].ent >= 0 && is_country(c, &c->it[i - 1]) &&
		    cls_of(c, c->it[i + 1].ent) == 'O' && add(c, c->it[i + 1].ent, c->it[i - 1].ent, "based-in", i, 0))
			return -1;
	}
	if (x->ent < 0)
		return 0;
	char k = cls_of(c, x->ent);
	/* chains: "A, B, Country", "A (Country)" */
	if (k == 'L' && i + 2 < c->n) {
		size_t j = i + 1;
		if (punct(&c->it[j], ',') && j + 1 < c->n && punct(&c->it[j + 1], '('))
			j++;
		if ((punct(&c->it[j], ',') || punct(&c->it[j], '(')) && c->it[j + 1].ent >= 0 &&
		    cls_of(c, c->it[j + 1].ent) == 'L' && is_country(c, x) < 2 &&
		    !(i >= 1 && (is(&c->it[i - 1], "and") || is(&c->it[i - 1], "or")))) {
			const item *y = &c->it[j + 1];
			int bigger = is_country(c, y) > is_country(c, x) ||
			             (j + 3 < c->n && punct(&c->it[j + 2], ',') && c->it[j + 3].ent >= 0 &&
			              is_country(c, &c->it[j + 3]));
			if (punct(&c->it[j], '(') && !(j + 2 < c->n && punct(&c->it[j + 2], ')')))
				bigger = 0;
			if (j + 2 < c->n && (is(&c->it[j + 2], "and") || is(&c->it[j + 2], "or")))
				bigger = 0;
			if (bigger && add(c, x->ent, y->ent, "located-in", i, 0))
				return -1;
		}
	}
	/* "A district of B province" */
	if ((k == 'L' || k == 'F') && i + 3 < c->n && c->it[i + 1].ent < 0 &&
	    ties__xrules_has(c->st->rules, XR_LOCCUE, c->it[i + 1].w, strlen(c->it[i + 1].w)) &&
	    is(&c->it[i + 2], "of") && c->it[i + 3].ent >= 0 && add(c, x->ent, c->it[i + 3].ent, "located-in", i, 0))
		return -1;
	/* "Facility [word] in (western) City" and "City in (western) Country" */
	if ((k == 'F' || k == 'L') && i + 2 < c->n) {
		size_t j = i + 1;
		if (k == 'F' && c->it[j].ent < 0 && !(c->it[j].flags & XT_PUNCT) && !is(&c->it[j], "in") &&
		    !c->it[j].lv[0])
			j++;
		if (j + 1 < c->n && is(&c->it[j], "in")) {
			size_t q = j + 1;
			if (q < c->n && c->it[q].ent < 0 && (in_list(&c->it[q], dets) || strstr(c->it[q].w, "ern")))
				q++;
			if (q < c->n && c->it[q].ent >= 0 && (k == 'F' || is_country(c, &c->it[q])) &&
			    !is_country(c, x) && add(c, x->ent, c->it[q].ent, "located-in", i, 0))
				return -1;
		}
	}
	return 0;
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
	char *ckind = ties__arena_alloc(st->a, st->x->nentities + 1);
	if (!ckind)
		return TIES_ERR_NOMEM;
	for (size_t k = 0; k < st->cands.len; k++) {
		const xcand *cd = &CAND(st, k);
		if (cd->ent >= 0 && (cd->lexkind == 'c' || (cd->lexkind == 's' && ckind[cd->ent] != 'c')))
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
			       (CAND(st, cj).t0 < t || CAND(st, cj).ent < 0 || (CAND(st, cj).flags & (XC_DROP | XC_NESTED))))
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
		sctx c = {st, ckind, -1, carry, items.data, items.len, s, &rels, a, b, rels.len, ci, m0, mi};
		for (size_t i = 0; i < c.n && !rc; i++)
			if (verbs(&c, i) || nouns(&c, i) || roles(&c, i) || others(&c, i))
				rc = TIES_ERR_LIMIT;
		carry = c.last_subj;
	}
	if (!rc) {
		st->x->relations = ties__arena_array(st->a, rels.len ? rels.len : 1, sizeof(ties_relation));
		if (!st->x->relations)
			rc = TIES_ERR_NOMEM;
		else {
			if (rels.len)
				memcpy(st->x->relations, rels.data, rels.len * sizeof(ties_relation));
			st->x->nrelations = rels.len;
		}
	}
	ties__vec_release(&rels);
	ties__vec_release(&items);
	return rc;
}
