/* Coreference: one entity per referent.  Mentions join by lookup key
 * (spelling variants), acronym definitions, WordNet synonyms, and short
 * forms: a person's surname ("Ortega" -> "Ramon Ortega", "Rashid" ->
 * "Omar al-Rashid"), an organisation without its head word ("Kovac" for
 * "Kovac Network"), a facility by its head ("Cathedral").  The entity keeps the best-supported
 * type of its mentions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

#define TOK(st, i) TIES_VEC_AT(&(st)->toks, xtok, i)
#define CAND(st, i) TIES_VEC_AT(&(st)->cands, xcand, i)
#define MAX_ALIASES 32

/* string -> index map, open addressing; values -2 mark ambiguous keys */
typedef struct {
	const char **k;
	long *v;
	size_t cap, n;
} smap;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int smap_init(smap *m, size_t n)
{
	m->cap = 64;
	while (m->cap < n * 2 + 16)
		m->cap *= 2;
	m->k = ties__calloc(m->cap, sizeof *m->k);
	m->v = ties__calloc(m->cap, sizeof *m->v);
	m->n = 0;
	return m->k && m->v ? 0 : -1;
}

static void smap_free(smap *m)
{
	ties__free(m->k);
	ties__free(m->v);
}

static long *smap_slot(smap *m, const char *k, int insert)
{
	size_t i = (size_t)hash(k) & (m->cap - 1);
	while (m->k[i]) {
		if (!strcmp(m->k[i], k))
			return &m->v[i];
		i = (i + 1) & (m->cap - 1);
	}
	if (!insert || m->n * 2 >= m->cap)
		return NULL;
	m->k[i] = k;
	m->v[i] = -1;
	m->n++;
	return &m->v[i];
}

/* put: first value wins; a different value later makes the key ambiguous */
static void smap_put(smap *m, const char *k, long v, int exclusive)
{
	long *s = smap_slot(m, k, 1);
	if (!s)
		return;
	if (*s == -1)
		*s = v;
	else if (exclusive && *s != v)
		*s = -2;
}

static long smap_get(smap *m, const char *k)
{
	long *s = smap_slot(m, k, 0);
	return s ? *s : -1;
}

static long find_(long *parent, long i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void unite_(long *parent, long a, long b)
{
	a = find_(parent, a);
	b = find_(parent, b);
	if (a != b)
		parent[a > b ? a : b] = a < b ? a : b;
}

static char *keydup(xstate *st, const char *s, size_t n)
{
	char k[256];
	size_t kl = ties__xnorm(s, n, k, sizeof k);
	return kl ? ties__arena_strndup(st->a, k, kl) : NULL;
}

static int rule_at(const xstate *st, int kind, size_t i)
{
	char w[64];
	size_t n = ties__xlower(st->text, &TOK(st, i), w, sizeof w);
	return ties__xrules_has(st->rules, kind, w, n);
}

/* The first token after the titles that open a person's mention
 * ("Colonel X", "Brigadier General X Y", "Tan Sri X": a capitalised common
 * word before a title belongs to it), or t0 when no name word would be left. */
static size_t title_end(const xstate *st, size_t t0, size_t t1)
{
	size_t ht = t0;
	for (;;) {
		size_t n = 0;
		if (ht + 1 < t1 && rule_at(st, XR_HONORIFIC, ht))
			n = 1;
		else if (ht + 2 < t1 && rule_at(st, XR_HONORIFIC, ht + 1) &&
		         (TOK(st, ht).flags & XT_CAP) && !(TOK(st, ht).flags & XT_ALLCAP)) {
			char k[64];
			size_t kl = ties__xnorm(st->text + TOK(st, ht).s,
			                        TOK(st, ht).e - TOK(st, ht).s, k, sizeof k);
			if (ties__xis_word(st, k, kl))
				n = 2;
		}
		if (!n || !(TOK(st, ht + n).flags & XT_CAP) || (TOK(st, ht + n).flags & XT_POSS))
			break;
		ht += n;
	}
	return ht < t1 ? ht : t0;
}

typedef struct {
	char cls;
	int strength;
	long best; /* candidate giving the name */
	size_t count;
} group;

static int cmp_span(const void *a, const void *b)
{
	const ties_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

#define find(i) find_(parent, (i))
#define unite(a, b) unite_(parent, (a), (b))

ties_code ties__xcoref(xstate *st)
{
	long *parent;
	size_t n = st->cands.len;
	ties_code rc = TIES_ERR_NOMEM;
	smap keys = {0}, shorts = {0}, firsts = {0};
	group *g = NULL;
	long *ent_of = NULL;
	parent = ties__calloc(n ? n : 1, sizeof *parent);
	if (!parent || smap_init(&keys, n) || smap_init(&shorts, n * 4) || smap_init(&firsts, n))
		goto out;
	for (size_t i = 0; i < n; i++)
		parent[i] = (long)i;
	/* same key */
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if ((c->flags & XC_DROP) || !c->key || !*c->key)
			continue;
		long o = smap_get(&keys, c->key);
		if (o >= 0)
			unite(o, (long)i);
		else
			smap_put(&keys, c->key, (long)i, 0);
	}
	/* acronyms and WordNet synonyms */
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if (c->flags & XC_DROP)
			continue;
		if (c->acro_of >= 0 && (size_t)c->acro_of < n)
			unite((long)i, c->acro_of);
		for (const char *p = c->wordnet; p && *p;) {
			const char *e = strchr(p, '|');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char *k = keydup(st, p, l);
			long o = k ? smap_get(&keys, k) : -1;
			/* "Europe" is among the synonyms of the union: a place stays apart */
			if (o >= 0 &&
			    (CAND(st, o).cls == c->cls || CAND(st, o).cls == 'X' || c->cls == 'X'))
				unite(o, (long)i);
			p = e ? e + 1 : p + l;
		}
	}
	/* short forms of multiword names */
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		size_t nt = c->t1 - c->t0;
		if ((c->flags & XC_DROP) || nt < 2)
			continue;
		long id = (long)i;
		/* "Colonel Ilic": a title and one name gives no short forms */
		if (c->cls == 'P' && c->t1 - title_end(st, c->t0, c->t1) < 2)
			continue;
		if (c->cls == 'P') {
			/* "Ortega" for "Lucia Ortega Vidal": the first of two surnames */
			size_t w[8], nw = 0;
			for (size_t t = c->t0; t < c->t1 && nw < 8; t++) {
				const xtok *tk = &TOK(st, t);
				if ((tk->flags & XT_CAP) &&
				    !(c->nick_e > c->nick_s && tk->s >= c->nick_s &&
				      tk->e <= c->nick_e))
					w[nw++] = t;
			}
			/* "his brother Milos" for "Milos Petrovic": the given name */
			if (nw >= 2 && !rule_at(st, XR_HONORIFIC, w[0]) &&
			    !(TOK(st, w[0]).flags & XT_ALLCAP)) {
				const xtok *ft = &TOK(st, w[0]);
				char *k = keydup(st, st->text + ft->s, ft->e - ft->s);
				if (k)
					smap_put(&firsts, k, find(id), 1);
			}
			if (nw >= 3 && nw < 8 && !rule_at(st, XR_HONORIFIC, w[nw - 2])) {
				const xtok *mt = &TOK(st, w[nw - 2]);
				char *k = keydup(st, st->text + mt->s, mt->e - mt->s);
				if (k)
					smap_put(&shorts, k, find(id), 1);
			}
			for (size_t t = c->t0 + 1; t < c->t1; t++) {
				char *k = keydup(st, st->text + TOK(st, t).s, c->e - TOK(st, t).s);
				if (k)
					smap_put(&shorts, k, find(id), 1);
			}
			/* "al-Rashid" -> "Rashid" */
			const xtok *lt = &TOK(st, c->t1 - 1);
			const char *h = memchr(st->text + lt->s, '-', lt->e - lt->s);
			if (h && h - (st->text + lt->s) <= 3) {
				char *k = keydup(st, h + 1, (size_t)(st->text + lt->e - h - 1));
				if (k)
					smap_put(&shorts, k, find(id), 1);
			}
		} else if (c->cls == 'O' && (c->flags & XC_LCHEAD)) {
			/* "the Norte faction" -> "Norte" */
			char *k = keydup(st, st->text + c->s, TOK(st, c->t1 - 2).e - c->s);
			if (k)
				smap_put(&shorts, k, find(id), 1);
		} else if (c->cls == 'O' && rule_at(st, XR_ORGHEAD, c->t1 - 1)) {
			const xtok *pt = &TOK(st, c->t1 - 2);
			size_t e = (pt->flags & XT_POSS) ? pt->s : pt->e;
			/* "Tarrow Shield" for "Tarrow Shield Group": capitalised words
			 * before the head, none of them a connector */
			int plain = c->t1 - c->t0 <= 4;
			for (size_t t = c->t0; t + 1 < c->t1 && plain; t++)
				plain = (TOK(st, t).flags & XT_CAP) &&
				        !(TOK(st, t).flags & XT_POSS) &&
				        !rule_at(st, XR_ORGHEAD, t);
			if (c->t1 - c->t0 == 2 || (pt->flags & XT_POSS) || plain) {
				char *k = keydup(st, st->text + c->s, e - c->s);
				if (k)
					smap_put(&shorts, k, find(id), 1);
			}
		} else if (c->cls == 'F') {
			const xtok *lt = &TOK(st, c->t1 - 1);
			if (lt->flags & XT_CAP) {
				char *k = keydup(st, st->text + lt->s, lt->e - lt->s);
				if (k)
					smap_put(&shorts, k, find(id), 1);
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if ((c->flags & XC_DROP) || !c->key)
			continue;
		long o = smap_get(&shorts, c->key);
		/* "Colonel Valdes" for "Mirko Valdes": the name without its titles */
		if (o == -1 && (c->cls == 'P' || c->cls == 'X')) {
			size_t ht = title_end(st, c->t0, c->t1);
			char *k = ht > c->t0
			              ? keydup(st, st->text + TOK(st, ht).s, c->e - TOK(st, ht).s)
			              : NULL;
			if (k) {
				o = smap_get(&shorts, k);
				if (o == -1)
					o = smap_get(&keys, k);
			}
		}
		/* a given name alone joins its person only when nothing else
		 * typed it: "his brother Milos", not the "Milos" airport */
		if (o == -1 && (c->cls == 'P' || c->cls == 'X'))
			o = smap_get(&firsts, c->key);
		if (o < 0 || find(o) == find((long)i))
			continue;
		xcand *t = &CAND(st, o);
		/* "Meridal" after "Meridal Exchange": the organisation named here, not
		 * the famous bearer of the name */
		int famous = c->lexkind == 'n' && c->cls == 'P' && t->cls == 'O' &&
		             c->t1 - c->t0 == 1 && !(TOK(st, c->t0).flags & XT_START);
		/* a multiword name that is an organisation's name without its head
		 * word is that organisation, unless it is a country or province
		 * or a person ("the X Y Foundation" and "X Y" stay two) */
		int prefix = t->cls == 'O' && c->t1 - c->t0 >= 2 && c->lexkind != 'c' &&
		             c->lexkind != 's' && c->cls != 'P' &&
		             t->t1 - t->t0 == c->t1 - c->t0 + 1;
		/* "the upper X" beside "X People's Army": the place stays itself */
		if (c->t1 - c->t0 == 1 && c->cls == 'L' && c->strength >= 2 && t->cls == 'O' &&
		    !c->lexkind)
			continue;
		famous |= prefix;
		/* a name the lexicon knows as something else stays itself */
		if (c->strength >= 5 && c->cls != t->cls && c->cls != 'X' && !famous)
			continue;
		char was = c->cls;
		if (famous) /* every mention of that spelling */
			for (size_t j = 0; j < n; j++) {
				xcand *d = &CAND(st, j);
				if (!(d->flags & XC_DROP) && d->key && !strcmp(d->key, c->key) &&
				    d->cls == was) {
					d->cls = t->cls;
					d->strength = t->strength;
					d->wordnet = NULL;
				}
			}
		if (c->t1 - c->t0 >= 2 && c->cls != t->cls && !prefix)
			continue;
		unite(o, (long)i);
		/* "Ortega" after "Ramon Ortega": a town of that name is a coincidence */
		if (t->cls == 'P' && c->cls != 'P' && c->strength < 5) {
			c->cls = 'P';
			c->strength = t->strength;
		}
	}
	/* groups: type and name */
	g = ties__calloc(n ? n : 1, sizeof *g);
	ent_of = ties__calloc(n ? n : 1, sizeof *ent_of);
	if (!g || !ent_of)
		goto out;
	/* "More is known...", "Little changed...": a lone sentence-initial word
	 * that WordNet knows as a common word and as someone's name (or a
	 * province's: "Maritime operations"), never mentioned again, is the word */
	for (size_t i = 0; i < n; i++)
		if (!(CAND(st, i).flags & XC_DROP))
			g[find((long)i)].count++;
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if ((c->flags & XC_DROP) || c->t1 - c->t0 != 1 ||
		    !(TOK(st, c->t0).flags & XT_START) || (TOK(st, c->t0).flags & XT_ALLCAP) ||
		    (c->lexkind != 'n' && c->lexkind != 's') || !c->key ||
		    g[find((long)i)].count != 1)
			continue;
		if (ties__xis_word(st, c->key, strlen(c->key)))
			c->flags |= XC_DROP;
	}
	memset(g, 0, (n ? n : 1) * sizeof *g);
	for (size_t i = 0; i < n; i++)
		g[i].best = -1;
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if (c->flags & XC_DROP)
			continue;
		group *r = &g[find((long)i)];
		r->count++;
		/* a quoted alias ("Night Heron") takes the type of the name it belongs to */
		int alias = c->acro_of >= 0 && !(c->flags & (XC_ACRO | XC_LONGFORM)) && r->cls;
		/* a mention of no known class never outweighs a typed one */
		if (!alias &&
		    (c->strength > r->strength || !r->cls ||
		     (r->cls == 'X' && c->cls != 'X' && c->strength > 0)) &&
		    !(c->cls == 'X' && r->cls && r->cls != 'X')) {
			r->strength = c->strength;
			r->cls = c->cls;
		}
		/* the name: a long form, else the longest mention without "'s" */
		if (r->best < 0)
			r->best = (long)i;
		else {
			xcand *b = &CAND(st, r->best);
			int bl = (b->flags & XC_LONGFORM) ? 1000 : 0,
			    cl = (c->flags & XC_LONGFORM) ? 1000 : 0;
			bl += (int)(b->e - b->s) - ((b->flags & XC_ACRO) ? 500 : 0);
			cl += (int)(c->e - c->s) - ((c->flags & XC_ACRO) ? 500 : 0);
			for (size_t t = b->t0; t < b->t1; t++)
				if (TOK(st, t).flags & XT_POSS)
					bl -= 200;
			for (size_t t = c->t0; t < c->t1; t++)
				if (TOK(st, t).flags & XT_POSS)
					cl -= 200;
			if (c->flags & XC_FACHEAD)
				cl -= 1;
			if (cl > bl)
				r->best = (long)i;
		}
	}
	/* entities in order of first mention; "other" types are left out */
	ties_vec ents;
	ties__vec_init(&ents, sizeof(ties_entity));
	for (size_t i = 0; i < n; i++)
		ent_of[i] = -1;
	for (size_t i = 0; i < n; i++) {
		xcand *c = &CAND(st, i);
		if (c->flags & XC_DROP)
			continue;
		long r = find((long)i);
		if (g[r].cls == 'X' || !g[r].cls || (c->flags & XC_SUBUNIT))
			continue;
		if (ent_of[r] < 0) {
			if (ents.len >= st->max_entities) {
				ties__vec_release(&ents);
				st->limit = 'e';
				rc = TIES_ERR_LIMIT;
				goto out;
			}
			ties_entity *e = ties__vec_push(&ents);
			if (!e) {
				ties__vec_release(&ents);
				goto out;
			}
			ent_of[r] = (long)ents.len - 1;
			snprintf(e->id, sizeof e->id, "e%zu", ents.len);
			xcand *b = &CAND(st, g[r].best);
			size_t be = b->e;
			if (be - b->s > 2 && b->t1 - b->t0 >= 1 &&
			    (TOK(st, b->t1 - 1).flags & XT_POSS))
				be = TOK(st, b->t1 - 1).s;
			/* a person's name without the titles before it ("Sheikh X Y");
			 * the titled mention stays an alias */
			size_t bs = b->s, ht = b->t0;
			if (g[r].cls == 'P')
				ht = title_end(st, b->t0, b->t1);
			if (ht > b->t0)
				bs = TOK(st, ht).s;
			if ((b->flags & XC_NICK) && b->nick_s > bs && b->nick_e < be &&
			    be - bs < 512) {
				/* the name without its quoted nickname */
				char nm[512];
				size_t l1 = b->nick_s - bs, l2 = be - b->nick_e;
				memcpy(nm, st->text + bs, l1);
				while (l1 && nm[l1 - 1] == ' ')
					l1--;
				const char *r2 = st->text + b->nick_e;
				while (l2 && *r2 == ' ')
					r2++, l2--;
				nm[l1++] = ' ';
				memcpy(nm + l1, r2, l2);
				e->name = ties__arena_strndup(st->a, nm, l1 + l2);
			} else
				e->name = ties__arena_strndup(st->a, st->text + bs, be - bs);
			switch (g[r].cls) {
			case 'P': e->type = TIES_ENT_PERSON; break;
			case 'O': e->type = TIES_ENT_ORGANIZATION; break;
			case 'L': e->type = TIES_ENT_LOCATION; break;
			case 'F': e->type = TIES_ENT_FACILITY; break;
			default: e->type = TIES_ENT_OTHER;
			}
		}
		c->ent = ent_of[r];
	}
	/* mentions, aliases, country, coordinates: one pass over the mentions */
	size_t *cnt = ties__calloc(ents.len + 1, sizeof *cnt);
	if (!cnt)
		goto out_ents;
	for (size_t i = 0; i < n; i++)
		if (CAND(st, i).ent >= 0)
			cnt[CAND(st, i).ent]++;
	for (size_t ei = 0; ei < ents.len; ei++) {
		ties_entity *e = &TIES_VEC_AT(&ents, ties_entity, ei);
		size_t nm = cnt[ei];
		e->mentions = ties__arena_array(st->a, nm ? nm : 1, sizeof *e->mentions);
		e->aliases = ties__arena_array(st->a, MAX_ALIASES, sizeof *e->aliases);
		if (!e->mentions || !e->aliases) {
			ties__free(cnt);
			goto out_ents;
		}
	}
	ties__free(cnt);
	for (size_t i = 0; i < n; i++) {
		{
			xcand *c = &CAND(st, i);
			if (c->ent < 0)
				continue;
			ties_entity *e = &TIES_VEC_AT(&ents, ties_entity, c->ent);
			e->mentions[e->nmentions++] = (ties_span){c->s, c->e};
			if (!e->country[0] && c->country[0] && c->cls == 'L')
				memcpy(e->country, c->country, 3);
			if (!e->has_coords && c->has_coords) {
				e->has_coords = 1;
				e->lat = c->lat;
				e->lon = c->lon;
			}
			/* a surname alone ("Ortega") is not the famous bearer of it */
			if (!e->wordnet && c->wordnet && c->lexkind == 'n' && c->strength >= 4 &&
			    (e->type != TIES_ENT_PERSON || g[find((long)i)].best == (long)i) &&
			    ((c->cls == 'P' && e->type == TIES_ENT_PERSON) ||
			     (c->cls == 'O' && e->type == TIES_ENT_ORGANIZATION) ||
			     (c->cls == 'L' && e->type == TIES_ENT_LOCATION) ||
			     (c->cls == 'F' && e->type == TIES_ENT_FACILITY)))
				e->wordnet = c->wordnet;
			size_t ae = c->e;
			if (c->t1 - c->t0 >= 2 && (TOK(st, c->t1 - 1).flags & XT_POSS))
				ae = TOK(st, c->t1 - 1).s;
			const char *al = st->text + c->s;
			size_t all = ae - c->s;
			int dup = strlen(e->name) == all && !memcmp(e->name, al, all);
			for (size_t k = 0; k < e->naliases && !dup; k++)
				dup =
				    strlen(e->aliases[k]) == all && !memcmp(e->aliases[k], al, all);
			/* aliases are few: a bounded list, checked linearly */
			if (!dup && e->naliases < MAX_ALIASES / 2)
				e->aliases[e->naliases++] = ties__arena_strndup(st->a, al, all);
			/* "Cerro Alto prison" is also "Cerro Alto" */
			if ((c->flags & (XC_FACHEAD | XC_LCHEAD)) && c->t1 - c->t0 >= 2 &&
			    !(TOK(st, c->t1 - 1).flags & XT_CAP) && e->naliases < MAX_ALIASES / 2) {
				size_t lt = c->t1 - 2; /* and "air base": two lowercase words */
				if (lt > c->t0 && !(TOK(st, lt).flags & XT_CAP) &&
				    (TOK(st, lt).flags & XT_WORD) && !(TOK(st, lt).flags & XT_HYPH))
					lt--;
				all = TOK(st, lt).e - c->s;
				/* not "India" for "the India consulate": a place stays itself */
				char pk[256], lk = 0;
				size_t pl = ties__xnorm(al, all, pk, sizeof pk);
				dup = strlen(e->name) == all && !memcmp(e->name, al, all);
				if (ties__xproper_class(st, pk, pl, &lk) == 'L')
					dup = 1;
				for (size_t k = 0; k < e->naliases && !dup; k++)
					dup = strlen(e->aliases[k]) == all &&
					      !memcmp(e->aliases[k], al, all);
				if (!dup)
					e->aliases[e->naliases++] =
					    ties__arena_strndup(st->a, al, all);
			}
		}
	}
	for (size_t ei = 0; ei < ents.len; ei++) {
		ties_entity *e = &TIES_VEC_AT(&ents, ties_entity, ei);
		/* WordNet synonyms that are names, not common words */
		for (const char *p = e->wordnet; p && *p && e->naliases < MAX_ALIASES;) {
			const char *q = strchr(p, '|');
			size_t l = q ? (size_t)(q - p) : strlen(p);
			char k[128];
			size_t kl = ties__xnorm(p, l, k, sizeof k);
			int dup = 0;
			for (size_t a = 0; a < e->naliases && !dup; a++)
				dup = strlen(e->aliases[a]) == l && !memcmp(e->aliases[a], p, l);
			if (!dup && kl && !(strlen(e->name) == l && !memcmp(e->name, p, l)) &&
			    (p[0] >= 'A' && p[0] <= 'Z') && !ties__xis_common(st, k, kl))
				e->aliases[e->naliases++] = ties__arena_strndup(st->a, p, l);
			p = q ? q + 1 : p + l;
		}
		qsort(e->mentions, e->nmentions, sizeof *e->mentions, cmp_span);
	}
	st->x->entities = ties__arena_array(st->a, ents.len ? ents.len : 1, sizeof(ties_entity));
	if (!st->x->entities)
		goto out_ents;
	if (ents.len)
		memcpy(st->x->entities, ents.data, ents.len * sizeof(ties_entity));
	st->x->nentities = ents.len;
	rc = TIES_OK;
out_ents:
	ties__vec_release(&ents);
out:
	smap_free(&keys);
	smap_free(&shorts);
	smap_free(&firsts);
	ties__free(parent);
	ties__free(g);
	ties__free(ent_of);
	return rc;
}
