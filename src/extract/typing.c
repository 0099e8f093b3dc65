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
	case 'd':
		li->dict_name = 1;
		return 0;
	case 'c': rank = 6, li->gazetteer = 1; break;
	case 's': rank = 4, li->gazetteer = 1; break;
	case 'g': rank = 2, li->gazetteer = 1; break;
	case 'n':
		if (r->flags[0] == 'i')
			rank = 5, li->inst = 1;
		else if (r->flags[1] == 'u') {
			li->cap_kind = 1;
			if (cls == 'P') {
				li->demonym_like = 1; /* "Peruvian", "Muslim": a kind of person */
				return 0;
			}
			rank = 3;
		} else
			return 0;
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

static const char *const compass[] = {"north", "south", "east", "west", "northern", "southern",
                                      "eastern", "western", "upper", "lower", "central", NULL};
static const char *const place_preps[] = {"in", "from", "near", "via", "into", "at", "across",
                                          "within", "to", "outside", "inside", NULL};
static const char *const dets[] = {"the", "a", "an", NULL};

static void set(xcand *c, char cls, int strength)
{
	if (strength > c->strength || !c->cls) {
		c->cls = cls;
		c->strength = strength;
	}
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
	if (li.proper_rank) {
		set(c, li.cls, li.proper_rank >= 4 ? 5 : 4);
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
		if (rule_at(st, XR_HONORIFIC, c->t0))
			set(c, 'P', 4);
		if (rule_at(st, XR_FACHEAD, c->t0))
			set(c, 'F', 3); /* "Hotel Continental", "Camp X" */
		if (rule_at(st, XR_LOCHEAD, c->t0) && !rule_at(st, XR_ORGHEAD, last))
			set(c, 'L', 3); /* "Gulf of X", "Lake X" */
		if (rule_at(st, XR_LOCHEAD, last)) {
			/* "Rivers State", "Sindh Province": a known place and its kind */
			char pk[256], lk;
			size_t pl = ties__xnorm(x + c->s, TOK(st, last).s - c->s, pk, sizeof pk);
			if (pl && ties__xproper_class(st, pk, pl, &lk) == 'L' && ties__xis_gazetteer(st, pk, pl))
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
		/* a part that names an organization: "Harakat al-X Lebanon" with a known group inside */
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
		size_t q = p;
		while (q > a && word_is(st, q, dets))
			q--;
		if (word_is(st, q, place_preps) && n == 1 && !(c->flags & XC_ACRO))
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
	/* "X's Lima Wing": a part of its owner, not an actor of its own */
	if (c->t0 > a + 1 && (TOK(st, c->t0 - 1).flags & XT_POSS) && rule_at(st, XR_PART, last) && n >= 2)
		c->flags |= XC_SUBUNIT;
	if (n >= 2 && !c->cls) {
		int all_names = 1;
		for (size_t i = c->t0; i < c->t1; i++) {
			const xtok *t = &TOK(st, i);
			if (!(t->flags & XT_WORD))
				continue;
			if (!(t->flags & XT_CAP)) {
				if (rule_at(st, XR_CONNECTOR, i))
					continue;
				all_names = 0;
				break;
			}
			char k2[128];
			size_t l2 = ties__xnorm(x + t->s, t->e - t->s, k2, sizeof k2);
			if ((ties__xis_common(st, k2, l2) && !(i == c->t0 && ties__xis_given(st, k2, l2))) ||
			    (i == c->t0 && ties__xis_demonym(st, k2, l2)))
				all_names = 0;
		}
		if (all_names)
			set(c, 'P', 1);
	}
	if (!c->cls)
		set(c, 'X', 0);
}

ties_code ties__xtype(xstate *st)
{
	for (size_t i = 0; i < st->cands.len; i++) {
		xcand *c = &TIES_VEC_AT(&st->cands, xcand, i);
		if (!(c->flags & XC_DROP))
			type_one(st, c);
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
		if (st->text[TOK(st, p->t1).s] == ',' && p->cls == 'L' && p->strength >= 3 && c->strength < 3 &&
		    c->t1 - c->t0 >= 1 && !(c->flags & XC_ACRO))
			set(c, 'L', 2);
	}
	return TIES_OK;
}
_Static_assert(sizeof(lexinfo) <= XCACHE_VAL, "lexinfo must fit a cache slot");
