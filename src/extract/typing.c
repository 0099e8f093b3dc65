/* Typing candidates: the lexicon index first (WordNet proper names and the
 * class of their hypernym chain, iso-codes countries and subdivisions,
 * geonames cities), then head words, titles and place cues from the rules
 * file, then the shape of the name.  Each guess has a strength so that
 * coreference can keep the best-supported type for an entity. */
#include <string.h>

#include "extract/extract_int.h"

#define TOK(st, i) TIES_VEC_AT(&(st)->toks, xtok, i)

typedef struct lexinfo {
	int common, proper_rank, demonym_like, inst, dict_name, gazetteer;
	int adj, cap_kind; /* an adjective; a capitalised non-instance noun (a people) */
	int person_sense;  /* a lowercase noun with a sense under person ("operator") */
	char cls, kind, first_sense;
	char country[3];
	double lat, lon;
	const char *syns;
	size_t syns_len;
} lexinfo;

static int collect(const xlex_rec *r, void *vctx)
{
	lexinfo *li = vctx;
	int rank = 0;
	char cls = r->cls;
	switch (r->kind) {
	case 'w':
		li->common = 1;
		if (r->cls == 'a')
			li->adj = 1;
		if (r->cls == 'n' && r->flags[0] != '-')
			li->first_sense = r->flags[0];
		return 0;
	case 'd': li->dict_name = 1; return 0;
	case 'c': rank = 6, li->gazetteer = 1; break;
	case 's': rank = 4, li->gazetteer = 1; break;
	case 'g': rank = 2, li->gazetteer = 1; break;
	case 'n':
		if (r->flags[0] == 'i')
			/* an instance of no known class ("Hermon" the mountain)
			 * yields to a gazetteer place of the same name */
			rank = cls == 'X' ? 1 : 5, li->inst = 1;
		else if (r->flags[1] != 'u') {
			if (cls == 'P')
				li->person_sense = 1;
			return 0;
		} else {
			li->cap_kind = 1;
			if (cls == 'P') {
				li->demonym_like = 1; /* "Peruvian", "Muslim": a kind of person */
				return 0;
			}
			rank = 3;
		}
		break;
	default: return 0;
	}
	if (rank > li->proper_rank) {
		li->proper_rank = rank;
		li->cls = cls;
		li->kind = r->kind;
		li->country[0] = li->country[1] = li->country[2] = 0;
		if (r->kind == 'c' || r->kind == 's' || r->kind == 'g') {
			li->country[0] = r->flags[0];
			li->country[1] = r->flags[1];
		}
		li->lat = r->lat;
		li->lon = r->lon;
		li->syns = r->kind == 'n' ? r->syns : NULL;
		li->syns_len = r->kind == 'n' ? r->syns_len : 0;
	}
	return 0;
}

static void lookup(const xstate *st, const char *key, size_t klen, lexinfo *li)
{
	int found;
	char *v = ties__xcache_slot(st->cache, 'L', key, klen, &found);
	if (v && found) {
		memcpy(li, v, sizeof *li);
		return;
	}
	memset(li, 0, sizeof *li);
	ties__xlex_each(st->lx, key, klen, collect, li);
	/* a capitalised common noun ("Islam", "Mafia") takes the class of
	 * its most frequent sense */
	if (li->proper_rank == 3 && li->first_sense)
		li->cls = li->first_sense;
	/* a city that is also a common word ("Mobile") needs more than its name */
	if (li->kind == 'g' && li->common) {
		li->proper_rank = 0;
		li->cls = 0;
		li->kind = 0;
	}
	if (v)
		memcpy(v, li, sizeof *li);
}

int ties__xis_common(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	if (li.proper_rank)
		return 0;
	if (li.common)
		return 1;
	char lem[64];
	return ties__xlemma_cached((xstate *)st, key, klen, 'n', lem, sizeof lem) > 0 ||
	       ties__xlemma_cached((xstate *)st, key, klen, 'v', lem, sizeof lem) > 0;
}

int ties__xis_given(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	return li.dict_name;
}

int ties__xis_word(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	return li.common;
}

int ties__xis_gazetteer(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	return li.gazetteer;
}

int ties__xis_demonym(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	/* a nationality adjective ("the German embassy"): an adjective whose
	 * capitalised noun senses are a people or a language, not a place */
	if (li.adj && li.cap_kind && !li.gazetteer)
		return 1;
	return li.demonym_like && (li.proper_rank == 0 || (li.proper_rank == 3 && li.cls == 'X') ||
	                           (li.proper_rank == 3 && li.first_sense == 'P'));
}

int ties__xis_instance(const xstate *st, const char *key, size_t klen)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	return li.inst;
}

int ties__xproper_class(const xstate *st, const char *key, size_t klen, char *lexkind)
{
	lexinfo li;
	lookup(st, key, klen, &li);
	*lexkind = li.kind;
	return li.proper_rank ? li.cls : 0;
}

static size_t lower(const xstate *st, size_t i, char *w, size_t cap)
{
	return ties__xlower(st->text, &TOK(st, i), w, cap);
}

/* The lexicon facts of a noun lemma ("secretaries" -> "secretary"). */
static int lemma_info(const xstate *st, const char *w, size_t wn, lexinfo *li)
{
	char lem[64], k[64];
	size_t ln = ties__xlemma_cached((xstate *)st, w, wn, 'n', lem, sizeof lem);
	if (!ln)
		return 0;
	size_t kl = ties__xnorm(lem, ln, k, sizeof k);
	lookup(st, k, kl, li);
	return 1;
}

/* The same for token i. */
static int noun_info(const xstate *st, size_t i, lexinfo *li)
{
	char w[64];
	size_t wn = lower(st, i, w, sizeof w);
	return lemma_info(st, w, wn, li);
}

int ties__xperson_word(const xstate *st, const char *w, size_t n)
{
	lexinfo li;
	return lemma_info(st, w, n, &li) && li.first_sense == 'P';
}

static int rule_at(const xstate *st, int kind, size_t i)
{
	char w[64];
	size_t n = lower(st, i, w, sizeof w);
	return ties__xrules_has(st->rules, kind, w, n);
}

static int word_is(const xstate *st, size_t i, const char *const *list)
{
	char w[32];
	size_t n = lower(st, i, w, sizeof w);
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, w, n))
			return 1;
	return 0;
}

static const char *const compass[] = {"north",    "south",    "east",    "west",
                                      "northern", "southern", "eastern", "western",
                                      "upper",    "lower",    "central", NULL};
static const char *const place_preps[] = {"in",     "from",   "near", "via",     "into",   "at",
                                          "across", "within", "to",   "outside", "inside", NULL};
static const char *const dets[] = {"the", "a", "an", NULL};

static void set(xcand *c, char cls, int strength)
{
	if (strength > c->strength || !c->cls) {
		c->cls = cls;
		c->strength = strength;
	}
}

static int particle_tok(const xstate *st, size_t i)
{
	return ties__xparticle(st, &TOK(st, i));
}

/* The first word is a given name from the system's name list and not a
 * common word, and every other word is a capitalised name or connector. */
static int given_first(const xstate *st, const xcand *c)
{
	const char *x = st->text;
	const xtok *ft = &TOK(st, c->t0);
	char k[128];
	size_t kl = ties__xnorm(x + ft->s, ft->e - ft->s, k, sizeof k);
	if (!ties__xis_given(st, k, kl) || ties__xis_common(st, k, kl) ||
	    ties__xis_demonym(st, k, kl) || (ft->flags & (XT_ALLCAP | XT_HYPH)) ||
	    word_is(st, c->t0, compass) || rule_at(st, XR_LOCHEAD, c->t0) ||
	    rule_at(st, XR_FACHEAD, c->t0) || rule_at(st, XR_ORGFIRST, c->t0))
		return 0;
	for (size_t i = c->t0 + 1; i < c->t1; i++) {
		const xtok *t = &TOK(st, i);
		if (!(t->flags & XT_WORD))
			continue;
		if (!(t->flags & XT_CAP) &&
		    (!rule_at(st, XR_CONNECTOR, i) || word_is(st, i, dets)) && !particle_tok(st, i))
			return 0;
		if (rule_at(st, XR_ORGHEAD, i) || rule_at(st, XR_FACHEAD, i) ||
		    rule_at(st, XR_LOCHEAD, i))
			return 0;
	}
	return 1;
}

static const char *const articles[] = {"los", "las", "les", "la", "le", "il", "lo", "die", NULL};

/* "X, a shipping company", "Y, a Greek arms dealer": the class of the
 * most frequent sense of the head noun of an indefinite apposition */
static char apposition_class(const xstate *st, const xcand *c)
{
	static const char *const indef[] = {"a", "an", NULL};
	static const char *const ends[] = {
	    "in",    "of",         "from",          "with",      "that", "which", "who",  "whose",
	    "based", "registered", "headquartered", "operating", "and",  "for",   "at",   "on",
	    "to",    "by",         "north",         "south",     "east", "west",  "near", "outside",
	    NULL};
	size_t e = st->sent_tok[c->sent + 1], q = c->t1;
	if (q + 2 >= e || st->text[TOK(st, q).s] != ',' || !word_is(st, q + 1, indef))
		return 0;
	size_t head = 0;
	for (q += 2; q < e && q < c->t1 + 10; q++) {
		const xtok *t = &TOK(st, q);
		if (!(t->flags & XT_WORD) || word_is(st, q, ends))
			break;
		if (t->flags & XT_CAP) {
			char k[64];
			size_t kl = ties__xnorm(st->text + t->s, t->e - t->s, k, sizeof k);
			if (!ties__xis_demonym(st, k, kl))
				return 0; /* "a Madrid firm": not only common words */
			continue;
		}
		/* "an armed group founded in": a participle after the head ends it */
		if (head && t->e - t->s > 3 && st->text[t->e - 2] == 'e' &&
		    st->text[t->e - 1] == 'd')
			break;
		head = q;
	}
	if (!head)
		return 0;
	/* agent nouns of trade name firms after a company's name */
	static const char *const trade[] = {
	    "exporter", "importer",    "developer",  "lender",   "manufacturer", "producer",
	    "supplier", "distributor", "contractor", "operator", "carrier",      "insurer",
	    "retailer", "wholesaler",  "shipper",    NULL};
	if (rule_at(st, XR_ORGHEAD, head) || word_is(st, head, trade))
		return 'O';
	/* "X, a mining area north of Y", "X, a fishing village" */
	if (rule_at(st, XR_LOCCUE, head))
		return 'L';
	lexinfo li;
	if (!noun_info(st, head, &li))
		return 0;
	return li.first_sense == 'O' || li.first_sense == 'P' ? li.first_sense : 0;
}

/* "SilverVault", "DarkWing": a capital inside a word after a lowercase
 * letter, past the short prefixes of surnames ("McKay", "DiMaggio") */
static int camel_tok(const xstate *st, size_t i)
{
	const xtok *t = &TOK(st, i);
	if ((t->flags & (XT_ALLCAP | XT_HYPH)) || !(t->flags & XT_CAP))
		return 0;
	for (size_t k = t->s + 4; k < t->e; k++)
		if (st->text[k] >= 'A' && st->text[k] <= 'Z' && st->text[k - 1] >= 'a' &&
		    st->text[k - 1] <= 'z')
			return 1;
	return 0;
}

/* "the now-defunct X ransomware group": a name followed by lowercase
 * words that end in a noun for a group of people */
static int group_noun_after(const xstate *st, const xcand *c)
{
	static const char *const groups[] = {"group",        "gang",    "cartel",    "network",
	                                     "crew",         "faction", "syndicate", "collective",
	                                     "militia",      "outfit",  "movement",  "organisation",
	                                     "organization", NULL};
	size_t e = st->sent_tok[c->sent + 1];
	/* "this X group" alone may be a group from a place X: a kind of
	 * group in between ("X ransomware group") says it is its name */
	for (size_t q = c->t1; q < e && q < c->t1 + 3; q++) {
		const xtok *t = &TOK(st, q);
		if (!(t->flags & XT_WORD) || (t->flags & (XT_CAP | XT_POSS)) ||
		    rule_at(st, XR_STOP, q) || rule_at(st, XR_CONNECTOR, q))
			return 0;
		if (word_is(st, q, groups))
			return q > c->t1;
	}
	return 0;
}

/* A noun whose most frequent sense is a person ("secretary",
 * "commander-in-chief"), or any sense with any_sense ("operator"). */
static int person_noun(const xstate *st, size_t i, int any_sense)
{
	const xtok *t = &TOK(st, i);
	if (!(t->flags & XT_WORD) || (t->flags & (XT_ALLCAP | XT_POSS)))
		return 0;
	lexinfo li;
	if (!noun_info(st, i, &li))
		return 0;
	return li.first_sense == 'P' || (any_sense && li.person_sense);
}

static void type_one(xstate *st, xcand *c)
{
	const char *x = st->text;
	char key[256];
	size_t kl = ties__xnorm(x + c->s, c->e - c->s, key, sizeof key);
	c->key = ties__arena_strndup(st->a, key, kl);
	size_t n = c->t1 - c->t0;
	size_t last = c->t1 - 1;
	if (n >= 2 && (TOK(st, last).flags & XT_NUM))
		last--; /* "Unit 7734": the head is the word before the number */
	lexinfo li;
	lookup(st, key, kl, &li);
	if (li.proper_rank && !(c->flags & XC_DEFINED)) {
		/* a multiword name of no known class ("Gulf of X" is a body of
		 * water) leaves its type to head words */
		set(c, li.cls, li.cls == 'X' && n >= 2 ? 1 : li.proper_rank >= 4 ? 5 : 4);
		c->lexkind = li.kind;
		memcpy(c->country, li.country, 3);
		if (li.kind == 'g') {
			c->has_coords = 1;
			c->lat = li.lat;
			c->lon = li.lon;
		}
		if (li.syns_len)
			c->wordnet = ties__arena_strndup(st->a, li.syns, li.syns_len);
	}
	if (c->flags & XC_FACHEAD)
		set(c, 'F', 4);
	if (c->flags & XC_PLACECUE)
		set(c, 'L', 4);
	if (c->flags & XC_NICK)
		set(c, 'P', 4); /* a quoted nickname between given name and surname */
	if (c->flags & XC_LCHEAD)
		set(c, 'O', 4); /* "the X clan" */
	if (n >= 2 || (c->flags & XC_LONGFORM)) {
		int org_inside = 0;
		for (size_t i = c->t0; i < last; i++)
			if (rule_at(st, XR_ORGHEAD, i))
				org_inside = 1;
		if (rule_at(st, XR_ORGHEAD, last))
			set(c, 'O', 4);
		else if (rule_at(st, XR_FACHEAD, last))
			set(c, 'F', 4);
		else if (rule_at(st, XR_LOCHEAD, last))
			set(c, org_inside ? 'O' : 'L', 3);
		/* "in El X": an article before a place, not a title */
		size_t pp = c->t0;
		while (pp > st->sent_tok[c->sent] && word_is(st, pp - 1, dets))
			pp--;
		int particle_place = rule_at(st, XR_CONNECTOR, c->t0) &&
		                     pp > st->sent_tok[c->sent] && word_is(st, pp - 1, place_preps);
		if (particle_place)
			set(c, 'L', 2);
		else if (rule_at(st, XR_HONORIFIC, c->t0) ||
		         (n >= 3 && rule_at(st, XR_HONORIFIC, c->t0 + 1) &&
		          (TOK(st, c->t0 + 1).flags & XT_CAP) &&
		          !(TOK(st, c->t0).flags & XT_ALLCAP) && !rule_at(st, XR_CONNECTOR, c->t0)))
			set(c, 'P', 4); /* "Colonel X", "Tan Sri X" */
		if (rule_at(st, XR_ORGFIRST, c->t0) && !rule_at(st, XR_LOCHEAD, last) &&
		    !rule_at(st, XR_FACHEAD, last))
			set(c, 'O', 4); /* "Banco X", "Grupo X": the head comes first */
		/* "Ramon Ortega": a given name before capitalised names is a person,
		 * even when the surname is also a town; only a name the lexicon
		 * knows as a whole, or a head word, says otherwise */
		/* "Ministry of X", "Centre for X": an organisation head before "of" */
		for (size_t i = c->t0; i + 1 < last; i++) {
			static const char *const of[] = {"of", "for", NULL};
			if (rule_at(st, XR_ORGHEAD, i) && !rule_at(st, XR_LOCHEAD, i) &&
			    word_is(st, i + 1, of))
				set(c, 'O', 4);
		}
		/* "Los X": an article is no given name */
		if (!c->cls && word_is(st, c->t0, articles))
			set(c, 'O', 1);
		if (!li.proper_rank && !c->cls && given_first(st, c))
			set(c, 'P', 4);
		if (rule_at(st, XR_FACHEAD, c->t0))
			set(c, 'F', 3); /* "Hotel Continental", "Camp X" */
		if (rule_at(st, XR_LOCHEAD, c->t0) && !rule_at(st, XR_ORGHEAD, last))
			set(c, 'L', 3); /* "Gulf of X", "Lake X" */
		if (rule_at(st, XR_LOCHEAD, last)) {
			/* "Rivers State", "Sindh Province": a known place and its kind */
			char pk[256], lk;
			size_t pl = ties__xnorm(x + c->s, TOK(st, last).s - c->s, pk, sizeof pk);
			if (pl && ties__xproper_class(st, pk, pl, &lk) == 'L' &&
			    ties__xis_gazetteer(st, pk, pl))
				set(c, 'L', 5);
		}
		/* "X in the Y" named after an organisation X */
		{
			char pk[128], lk;
			const xtok *ft = &TOK(st, c->t0);
			size_t pl = ties__xnorm(x + ft->s, ft->e - ft->s, pk, sizeof pk);
			if (ties__xproper_class(st, pk, pl, &lk) == 'O' && c->strength < 4)
				set(c, 'O', 4);
		}
		/* a part that names an organization: "Harakat al-X Lebanon" with a known group
		 * inside */
		for (size_t i = c->t0; i < c->t1 && c->strength < 2; i++) {
			const char *ps = x + TOK(st, i).s, *pe = x + TOK(st, i).e;
			while (ps < pe) {
				const char *h = memchr(ps, '-', (size_t)(pe - ps));
				const char *e2 = h ? h : pe;
				char pk[128], lk;
				size_t pl = ties__xnorm(ps, (size_t)(e2 - ps), pk, sizeof pk);
				if (ties__xproper_class(st, pk, pl, &lk) == 'O')
					set(c, 'O', 2);
				ps = e2 + 1;
			}
		}
		if (word_is(st, c->t0, compass))
			set(c, 'L', 2);
		/* "X Avengers", "Y Martyrs": a plural of a noun for people
		 * ends the name of a group, never a person's */
		{
			char hw[64], lem[64], k[64];
			size_t hn = lower(st, last, hw, sizeof hw);
			size_t ln = (TOK(st, last).flags & XT_CAP) &&
			                    !(TOK(st, last).flags & XT_ALLCAP) && hn > 3 &&
			                    hw[hn - 1] == 's' && !(c->flags & XC_PLACECUE) &&
			                    !word_is(st, c->t0, articles)
			                ? ties__xlemma_cached(st, hw, hn, 'n', lem, sizeof lem)
			                : 0;
			if (ln && ln < hn) {
				size_t kl = ties__xnorm(lem, ln, k, sizeof k);
				lexinfo hl;
				lookup(st, k, kl, &hl);
				if (hl.first_sense == 'P')
					set(c, 'O', 5);
			}
		}
		if (!c->cls || c->strength < 2) {
			/* the most frequent sense of a common head noun */
			char hw[64];
			size_t hn = lower(st, last, hw, sizeof hw);
			char lem[64];
			size_t ln = ties__xlemma(st->lx, hw, hn, 'n', lem, sizeof lem);
			(void)ln;
		}
	}
	/* context */
	size_t a = st->sent_tok[c->sent];
	if (c->t0 > a) {
		size_t p = c->t0 - 1;
		if (rule_at(st, XR_ROLE, p) && !(TOK(st, p).flags & XT_POSS))
			set(c, 'P', 3);
		/* "his brother Milos": a relative named is a person, even when
		 * the name is also a city's */
		static const char *const kin[] = {
		    "brother",    "sister",        "son",     "daughter",       "wife",
		    "husband",    "cousin",        "nephew",  "niece",          "uncle",
		    "aunt",       "father",        "mother",  "brother-in-law", "sister-in-law",
		    "son-in-law", "father-in-law", "stepson", "grandson",       "widow",
		    NULL};
		if (word_is(st, p, kin) && !(TOK(st, c->t0).flags & XT_ALLCAP))
			set(c, 'P', 6);
		/* "the finance secretary, X Y, was": a noun for a person before
		 * the name in apposition */
		if (p > a && st->text[TOK(st, p).s] == ',' && !(c->flags & XC_ACRO) &&
		    !(TOK(st, c->t0).flags & XT_ALLCAP) && !(TOK(st, p - 1).flags & XT_CAP) &&
		    person_noun(st, p - 1, 0))
			set(c, 'P', 2);
		/* "the upper X": a part of a place named */
		if (n == 1 && word_is(st, p, compass) && !(TOK(st, p).flags & XT_CAP))
			set(c, 'L', 2);
		size_t q = p;
		while (q > a && word_is(st, q, dets))
			q--;
		if (word_is(st, q, place_preps) && n == 1 && !(c->flags & XC_ACRO) &&
		    !camel_tok(st, c->t0) && !(TOK(st, c->t0).flags & XT_NUM) &&
		    !(c->key && strpbrk(c->key, "0123456789")))
			set(c, 'L', 2);
	}
	if (c->t1 + 2 < st->sent_tok[c->sent + 1] && x[TOK(st, c->t1).s] == ',') {
		size_t q = c->t1 + 1;
		while (q < st->sent_tok[c->sent + 1] && word_is(st, q, dets))
			q++;
		if (q < st->sent_tok[c->sent + 1] && rule_at(st, XR_ROLE, q))
			set(c, 'P', 3);
	}
	/* a hyphenated name ending in a known place: "X-occupied-Y" */
	if (n == 1 && (TOK(st, c->t0).flags & XT_HYPH)) {
		const char *h = x + c->e;
		while (h > x + c->s && h[-1] != '-')
			h--;
		char pk[128], lk;
		size_t pl = ties__xnorm(h, (size_t)(x + c->e - h), pk, sizeof pk);
		if (h > x + c->s && ties__xproper_class(st, pk, pl, &lk) == 'L')
			set(c, 'L', 2);
	}
	if (c->flags & XC_ACRO)
		set(c, 'O', 1);
	if (n == 1 && camel_tok(st, c->t0))
		set(c, 'O', 1);
	if (group_noun_after(st, c))
		set(c, 'O', 3);
	/* "X Y, alias ...": the name of a person */
	if (c->t1 + 1 < st->sent_tok[c->sent + 1] && x[TOK(st, c->t1).s] == ',') {
		static const char *const alias[] = {"alias", "aka", NULL};
		if (word_is(st, c->t1 + 1, alias) && !(c->flags & XC_ACRO))
			set(c, 'P', 3);
	}
	/* "a smaller faction, known as X": the name of what was described */
	if (c->t0 >= a + 2 && c->strength < 3) {
		static const char *const known[] = {"known", "itself", "themselves", NULL};
		static const char *const called[] = {"called", "dubbed", "named", "calls", NULL};
		static const char *const as[] = {"as", NULL};
		size_t p = c->t0 - 1;
		while (p > a && word_is(st, p, dets))
			p--;
		size_t q = 0;
		if (word_is(st, p, as) && p > a && word_is(st, p - 1, known))
			q = p - 1;
		else if (word_is(st, p, called))
			q = p;
		for (size_t k = q; q && k-- > a && k + 10 > q;) {
			const xtok *t = &TOK(st, k);
			if ((t->flags & XT_WORD) && !(t->flags & XT_CAP) &&
			    rule_at(st, XR_ORGHEAD, k)) {
				set(c, 'O', 3);
				break;
			}
		}
	}
	{
		char ac = apposition_class(st, c);
		if (ac == 'O')
			set(c, 'O', 3);
		else if (ac == 'L' && !(c->flags & XC_ACRO))
			set(c, 'L', 3);
		else if (ac == 'P')
			set(c, 'P', 2);
	}
	/* "45 km south of X": a place */
	if (c->t0 >= a + 2 && n <= 3 && !(c->flags & XC_ACRO)) {
		static const char *const of[] = {"of", NULL};
		static const char *const dirs[] = {
		    "north",      "south",      "east",      "west",       "northeast",
		    "northwest",  "southeast",  "southwest", "north-east", "north-west",
		    "south-east", "south-west", NULL};
		if (word_is(st, c->t0 - 1, of) && word_is(st, c->t0 - 2, dirs) &&
		    !(TOK(st, c->t0 - 2).flags & XT_CAP))
			set(c, 'L', 3);
	}
	/* an operator known as "X": a nickname of a person */
	if (c->t0 >= a + 4 && n <= 3 && x[TOK(st, c->t0 - 1).s] == '"') {
		static const char *const as[] = {"as", NULL}, *const known[] = {"known", NULL};
		if (word_is(st, c->t0 - 2, as) && word_is(st, c->t0 - 3, known) &&
		    !(TOK(st, c->t0 - 4).flags & XT_CAP) && person_noun(st, c->t0 - 4, 1))
			set(c, 'P', 3);
	}
	/* "X, the navy's base in Y", "X, the group's main camp": a facility */
	{
		size_t e = st->sent_tok[c->sent + 1], q = c->t1;
		if (q + 3 < e && x[TOK(st, q).s] == ',' && word_is(st, q + 1, dets)) {
			q += 2;
			if (q + 1 < e && (TOK(st, q).flags & XT_WORD) &&
			    (TOK(st, q + 1).flags & XT_POSS))
				q += 2;
			for (size_t k = 0; k < 3 && q < e; k++, q++) {
				const xtok *t = &TOK(st, q);
				if (!(t->flags & XT_WORD) || (t->flags & XT_CAP))
					break;
				if (rule_at(st, XR_FACHEAD, q)) {
					if (q + 1 >= e || !(TOK(st, q + 1).flags & XT_WORD) ||
					    rule_at(st, XR_CONNECTOR, q + 1) ||
					    word_is(st, q + 1, place_preps))
						set(c, 'F', 3);
					break;
				}
			}
		}
	}
	/* "its ruling council, the X": an organisation noun in apposition */
	if (c->t0 >= a + 3 && word_is(st, c->t0 - 1, dets) &&
	    st->text[TOK(st, c->t0 - 2).s] == ',' && !(TOK(st, c->t0 - 3).flags & XT_CAP) &&
	    rule_at(st, XR_ORGHEAD, c->t0 - 3))
		set(c, 'O', 5);
	/* "X's Lima Wing": a part of its owner, not an actor of its own */
	if (c->t0 > a + 1 && (TOK(st, c->t0 - 1).flags & XT_POSS) && rule_at(st, XR_PART, last) &&
	    n >= 2)
		c->flags |= XC_SUBUNIT;
	if (n >= 2 && !c->cls) {
		int all_names = 1;
		for (size_t i = c->t0; i < c->t1; i++) {
			const xtok *t = &TOK(st, i);
			if (!(t->flags & XT_WORD))
				continue;
			if (!(t->flags & XT_CAP)) {
				/* "X of the Y" is no one's name */
				if ((rule_at(st, XR_CONNECTOR, i) && !word_is(st, i, dets)) ||
				    particle_tok(st, i))
					continue;
				all_names = 0;
				break;
			}
			char k2[128];
			size_t l2 = ties__xnorm(x + t->s, t->e - t->s, k2, sizeof k2);
			if ((ties__xis_common(st, k2, l2) &&
			     !(i == c->t0 && ties__xis_given(st, k2, l2))) ||
			    (i == c->t0 && ties__xis_demonym(st, k2, l2)))
				all_names = 0;
		}
		/* "UK Treasury", "Vila da Ponte": a place first is no given name */
		char k0[128], lk0 = 0;
		const xtok *t0 = &TOK(st, c->t0);
		size_t l0 = ties__xnorm(x + t0->s, t0->e - t0->s, k0, sizeof k0);
		int inner_lc = 0;
		for (size_t i = c->t0 + 1; i < c->t1; i++)
			inner_lc |= (TOK(st, i).flags & XT_WORD) && !(TOK(st, i).flags & XT_CAP);
		size_t p = c->t0;
		while (p > a && word_is(st, p - 1, dets))
			p--;
		int at_place = p > a && word_is(st, p - 1, place_preps);
		/* a town of the gazetteer ("Vila da Ponte" after "in") only
		 * with a particle inside: "to Hassan Nuru" is a person */
		if (all_names && ties__xproper_class(st, k0, l0, &lk0) == 'L' &&
		    (lk0 != 'g' || (inner_lc && at_place)) &&
		    ((t0->flags & XT_ALLCAP) || !ties__xis_given(st, k0, l0))) {
			set(c, at_place ? 'L' : 'O', 1);
			all_names = 0;
		}
		/* "from Kafr ez-Zahir": a lowercase particle inside an unknown name
		 * after a place preposition is a town the gazetteers lack */
		if (all_names && at_place && inner_lc && !given_first(st, c)) {
			set(c, 'L', 1);
			all_names = 0;
		}
		if (all_names)
			set(c, 'P', 1);
	}
	/* "REPORT TYPE | Publisher Name" on the first lines: the publisher */
	if (n >= 2 && (!c->cls || c->cls == 'X' || (c->cls == 'P' && c->strength < 2))) {
		const ties_doc *d = st->doc;
		size_t nb = c->sent < d->nsentences ? d->sentences[c->sent].block : d->nblocks;
		int bar = (c->t0 > a && x[TOK(st, c->t0 - 1).s] == '|') ||
		          (c->t1 < st->sent_tok[c->sent + 1] && x[TOK(st, c->t1).s] == '|');
		/* "Policy Brief |": the kind of document, common words only */
		int named = rule_at(st, XR_ORGHEAD, c->t1 - 1);
		for (size_t i = c->t0; i < c->t1 && !named; i++) {
			char k2[128];
			const xtok *t = &TOK(st, i);
			size_t l2 = ties__xnorm(x + t->s, t->e - t->s, k2, sizeof k2);
			named = (t->flags & XT_WORD) && !ties__xis_common(st, k2, l2) &&
			        !rule_at(st, XR_CONNECTOR, i);
		}
		if (nb < 4 && bar && named)
			set(c, 'O', 2);
	}
	/* the long form of an acronym names an organisation unless more
	 * than the shape of its words says person */
	if ((c->flags & XC_LONGFORM) && (!c->cls || (c->cls == 'P' && c->strength < 4)))
		set(c, 'O', c->strength + 1);
	if (!c->cls)
		set(c, 'X', 0);
}

static int in_heading(const xstate *st, const xcand *c)
{
	const ties_doc *d = st->doc;
	if (c->sent >= d->nsentences || d->sentences[c->sent].block >= d->nblocks)
		return 0;
	int k = d->blocks[d->sentences[c->sent].block].kind;
	return k == TIES_BLOCK_HEADING || k == TIES_BLOCK_TITLE;
}

/* The mention is all capitals, in a heading or among other capitalised
 * words ("GOLD, GUNS AND THE X FRONT", "KEY FINDINGS"). */
static int caps_only(const xstate *st, const xcand *c)
{
	for (size_t t = c->t0; t < c->t1; t++) {
		const xtok *tk = &TOK(st, t);
		if ((tk->flags & XT_WORD) && !(tk->flags & XT_ALLCAP) && tk->e - tk->s > 1)
			return 0;
	}
	if (in_heading(st, c))
		return 1;
	/* the stretch without lowercase letters around it: a title the
	 * reader joined to the next line still counts */
	const char *x = st->text;
	size_t b = c->s, e = c->e, up = 0;
	while (b > 0 && x[b - 1] != '\n' && !(x[b - 1] >= 'a' && x[b - 1] <= 'z'))
		up += x[--b] >= 'A' && x[b] <= 'Z';
	while (x[e] && x[e] != '\n' && !(x[e] >= 'a' && x[e] <= 'z'))
		up += x[e] >= 'A' && x[e] <= 'Z', e++;
	return up >= 8;
}

/* How often each candidate key occurs (not dropped): outside headings,
 * and in running text (not only in capitalised title lines).  One table
 * per document, so the checks below cost O(1) per candidate. */
typedef struct keycount {
	const char *key;
	unsigned outside_heading, running;
} keycount;

static keycount *key_slot(keycount *t, size_t mask, const char *key)
{
	uint64_t h = 1469598103934665603ull;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	size_t k = (size_t)h & mask;
	while (t[k].key && strcmp(t[k].key, key))
		k = (k + 1) & mask;
	return &t[k];
}

/* Marks the acronyms the document defines ("Intelligence Directorate (ID)"),
 * there and wherever the same letters come again.  At most MAX_DEFINED
 * definitions are looked for, which bounds the work on hostile input. */
#define MAX_DEFINED 256
static void mark_defined(xstate *st)
{
	size_t def[MAX_DEFINED], nd = 0;
	for (size_t i = 0; i < st->cands.len && nd < MAX_DEFINED; i++) {
		const xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if ((c->flags & XC_ACRO) && !(c->flags & XC_DROP) && c->acro_of >= 0 &&
		    (size_t)c->acro_of < st->cands.len &&
		    (TIES_VEC_AT(&st->cands, xcand, c->acro_of).flags & XC_LONGFORM))
			def[nd++] = i;
	}
	for (size_t i = 0; i < st->cands.len && nd; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if (!(c->flags & XC_ACRO) || c->t1 - c->t0 != 1)
			continue;
		for (size_t k = 0; k < nd; k++) {
			const xcand *d = &TIES_VEC_AT(&st->cands, xcand, def[k]);
			if (d->e - d->s == c->e - c->s &&
			    !memcmp(st->text + d->s, st->text + c->s, c->e - c->s)) {
				c->flags |= XC_DEFINED;
				break;
			}
		}
	}
}

ties_code ties__xtype(xstate *st)
{
	mark_defined(st);
	for (size_t i = 0; i < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if (!(c->flags & XC_DROP))
			type_one(st, c);
	}
	/* a place named inside a person's name ("Hassan" in "Hassan Diallo")
	 * is no mention of the place */
	for (size_t i = 1; i < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		const xcand *p = &TIES_VEC_AT(&st->cands, xcand, i - 1);
		if (!(c->flags & XC_NESTED) || (p->flags & XC_DROP) || p->s != c->s || p->e <= c->e)
			continue;
		/* nor is "X" in "X State": the place is the longer name */
		if (p->cls == 'P' || (p->cls == 'L' && rule_at(st, XR_LOCHEAD, p->t1 - 1)))
			c->flags |= XC_DROP;
		/* "X State House of Assembly" beside "X State": the place is the
		 * state the text names in full */
		for (size_t j = 0; j < st->cands.len && !(c->flags & XC_DROP); j++) {
			const xcand *d = &TIES_VEC_AT(&st->cands, xcand, j);
			if (d->t1 - d->t0 == 2 && d->cls == 'L' && !(d->flags & XC_DROP) &&
			    rule_at(st, XR_LOCHEAD, d->t1 - 1) &&
			    TOK(st, d->t0).e - TOK(st, d->t0).s == c->e - c->s &&
			    !memcmp(st->text + TOK(st, d->t0).s, st->text + c->s, c->e - c->s))
				c->flags |= XC_DROP;
		}
	}
	size_t cap = 16;
	while (cap < 2 * st->cands.len + 2)
		cap <<= 1;
	keycount *kc = ties__arena_array(st->a, cap, sizeof *kc);
	unsigned char *has_long = ties__arena_alloc(st->a, st->cands.len + 1);
	if (!kc || !has_long)
		return TIES_ERR_NOMEM;
	memset(kc, 0, cap * sizeof *kc);
	memset(has_long, 0, st->cands.len + 1);
	for (size_t j = 0; j < st->cands.len; j++) {
		const xcand *d = &TIES_VEC_AT(&st->cands, xcand, j);
		if (d->acro_of >= 0 && (size_t)d->acro_of < st->cands.len)
			has_long[d->acro_of] = 1;
		if ((d->flags & XC_DROP) || !d->key)
			continue;
		keycount *e = key_slot(kc, cap - 1, d->key);
		e->key = d->key;
		e->outside_heading += !in_heading(st, d);
		e->running += !caps_only(st, d);
	}
	/* "Paper Finch", "Copper Lantern": a name of capitalised common words
	 * that nothing typed, used more than once outside headings, names a
	 * group in this kind of report */
	for (size_t i = 0; i < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if ((c->flags & XC_DROP) || c->cls != 'X' || c->strength > 0 || c->t1 - c->t0 < 2 ||
		    c->t1 - c->t0 > 4 || !c->key)
			continue;
		int ok = 1;
		for (size_t t = c->t0; t < c->t1 && ok; t++) {
			const xtok *tk = &TOK(st, t);
			ok = (tk->flags & XT_WORD) && (tk->flags & XT_CAP) &&
			     !(tk->flags & (XT_ALLCAP | XT_POSS));
		}
		/* "Prime Minister", "Defence Secretary": a title, not a group */
		if (!ok || in_heading(st, c) || ties__xis_word(st, c->key, strlen(c->key)) ||
		    person_noun(st, c->t1 - 1, 0) || rule_at(st, XR_ROLE, c->t1 - 1))
			continue;
		if (key_slot(kc, cap - 1, c->key)->outside_heading >= 2)
			set(c, 'O', 1);
	}
	/* a name seen only in capitalised title lines is a word of the title
	 * ("KEY FINDINGS", "GOLD, GUNS AND ..."); what the text names again
	 * in running lines stays */
	for (size_t i = 0; i < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if ((c->flags & (XC_DROP | XC_LONGFORM)) || c->acro_of >= 0 || !c->key ||
		    !caps_only(st, c))
			continue;
		/* named again in running text, or the long form of an acronym */
		int seen = key_slot(kc, cap - 1, c->key)->running > 0 || has_long[i];
		if (!seen)
			c->flags |= XC_DROP;
	}
	/* location chains "A, B, Country": an unknown part takes the place type */
	for (size_t i = 0; i + 1 < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		xcand *d = &TIES_VEC_AT(&st->cands, xcand, i + 1);
		if ((c->flags | d->flags) & XC_DROP || c->sent != d->sent || d->t0 != c->t1 + 1)
			continue;
		if (st->text[TOK(st, c->t1).s] != ',')
			continue;
		if (d->cls == 'L' && d->strength >= 2 && c->strength < 3)
			set(c, 'L', 3);
	}
	for (size_t i = st->cands.len; i-- > 1;) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		xcand *p = &TIES_VEC_AT(&st->cands, xcand, i - 1);
		if ((c->flags | p->flags) & XC_DROP || c->sent != p->sent || c->t0 != p->t1 + 1)
			continue;
		if (st->text[TOK(st, p->t1).s] == ',' && p->cls == 'L' && p->strength >= 3 &&
		    c->strength < 3 && c->t1 - c->t0 >= 1 && !(c->flags & XC_ACRO))
			set(c, 'L', 2);
		/* "Puerto X, Cortez,": a famous person's name between places
		 * is the place named after him */
		if (st->text[TOK(st, p->t1).s] == ',' && p->cls == 'L' && p->strength >= 3 &&
		    c->cls == 'P' && c->lexkind == 'n' && c->t1 - c->t0 == 1 &&
		    c->t1 < st->sent_tok[c->sent + 1] &&
		    strchr(",.;", st->text[TOK(st, c->t1).s])) {
			c->cls = 'L';
			c->strength = 3;
			c->wordnet = NULL;
		}
	}
	return TIES_OK;
}
_Static_assert(sizeof(lexinfo) <= XCACHE_VAL, "lexinfo must fit a cache slot");
