/* The relation rules file (data/relations.rules, docs/extract.md): trigger
 * words and lexical cues, one per line, loaded at run time so users can
 * extend them without recompiling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

#ifndef TIES_DATADIR
#define TIES_DATADIR "data"
#endif

struct xrules {
	xrule *v;
	size_t n;
	ties_arena *a;
	long *hash; /* (kind, word) -> first rule index, -1 empty */
	size_t hcap;
};

static uint64_t rhash(int kind, const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)kind;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ull;
	return h;
}

static const char *const kind_names[XR_NKINDS] = {
    [XR_VERB] = "verb",
    [XR_NOUN] = "noun",
    [XR_ROLE] = "role",
    [XR_ADJ] = "adj",
    [XR_COMPOUND] = "compound",
    [XR_SUPPORT] = "with-support",
    [XR_PART] = "part",
    [XR_ACTORNOUN] = "actor-noun",
    [XR_HEDGE] = "hedge",
    [XR_NEGATION] = "negation",
    [XR_REVERSAL] = "reversal",
    [XR_ORGHEAD] = "org-head",
    [XR_FACHEAD] = "facility-head",
    [XR_LOCHEAD] = "location-head",
    [XR_LOCCUE] = "place-cue",
    [XR_HONORIFIC] = "honorific",
    [XR_CONNECTOR] = "connector",
    [XR_STOP] = "stop",
    [XR_RECEIVE] = "receive-verb",
    [XR_ORGFIRST] = "org-first",
};

static int cmp_rule(const void *a, const void *b)
{
	const xrule *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	int c = strcmp(x->word, y->word);
	if (c)
		return c;
	return x < y ? -1 : x > y;
}

static char *next_word(char **p)
{
	char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NULL;
	char *e = s;
	while (*e && *e != ' ' && *e != '\t')
		e++;
	if (*e)
		*e++ = 0;
	*p = e;
	return s;
}

static int takes_type(int k)
{
	return k == XR_VERB || k == XR_NOUN || k == XR_ROLE || k == XR_ADJ || k == XR_COMPOUND ||
	       k == XR_SUPPORT || k == XR_PART || k == XR_HEDGE;
}

ties_code ties__xrules_load(const char *path, xrules **out, ties_error *err)
{
	char def[4096];
	if (!path) {
		const char *dir = getenv("TIES_DATA");
		snprintf(def, sizeof def, "%s/relations.rules", dir && *dir ? dir : TIES_DATADIR);
		path = def;
	}
	char *data;
	size_t len;
	ties_code rc = ties__read_all(path, 4u << 20, &data, &len, err);
	if (rc)
		return rc;
	xrules *r = ties__calloc(1, sizeof *r);
	ties_vec v;
	ties__vec_init(&v, sizeof(xrule));
	if (!r || !(r->a = ties__arena_new())) {
		ties__free(r);
		ties__free(data);
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	unsigned lineno = 0;
	char *save = NULL;
	for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		char *h = strchr(line, '#');
		if (h)
			*h = 0;
		for (char *c = line; *c; c++)
			if (*c == '\r')
				*c = ' ';
		char *p = line;
		char *kw = next_word(&p);
		if (!kw)
			continue;
		int kind = -1;
		for (int k = 0; k < XR_NKINDS; k++)
			if (!strcmp(kw, kind_names[k]))
				kind = k;
		if (kind < 0) {
			rc = ties__error(err, TIES_ERR_FORMAT,
			                 "'%s': line %u: unknown rule kind '%s'", path, lineno, kw);
			goto fail;
		}
		xrule *x = ties__vec_push(&v);
		if (!x) {
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			goto fail;
		}
		x->kind = kind;
		char *a1 = next_word(&p);
		if (!a1) {
			rc = ties__error(err, TIES_ERR_FORMAT, "'%s': line %u: '%s' needs a word",
			                 path, lineno, kw);
			goto fail;
		}
		if (kind == XR_HEDGE) {
			/* hedge LEVEL PHRASE... */
			ties_hedge lv;
			int ok = 0;
			for (lv = TIES_HEDGE_ASSERTED; lv <= TIES_HEDGE_UNLIKELY; lv++)
				if (!strcmp(a1, ties_hedge_name(lv)))
					ok = 1;
			char *w = next_word(&p);
			if (!ok || !w) {
				rc = ties__error(err, TIES_ERR_FORMAT,
				                 "'%s': line %u: hedge needs a level and a phrase",
				                 path, lineno);
				goto fail;
			}
			x->type = ties__arena_strdup(r->a, a1);
			x->word = ties__arena_strdup(r->a, w);
			while (*p == ' ' || *p == '\t')
				p++;
			char *e = p + strlen(p);
			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				*--e = 0;
			x->rest = *p ? ties__arena_strdup(r->a, p) : NULL;
		} else {
			x->word = ties__arena_strdup(r->a, a1);
			if (takes_type(kind)) {
				char *t = next_word(&p);
				if (!t) {
					rc = ties__error(
					    err, TIES_ERR_FORMAT,
					    "'%s': line %u: '%s %s' needs a relation type", path,
					    lineno, kw, a1);
					goto fail;
				}
				x->type = ties__arena_strdup(r->a, t);
			}
			for (char *o; (o = next_word(&p));) {
				if (!strcmp(o, "reverse"))
					x->reverse = 1;
				else if (!strcmp(o, "passive"))
					x->passive_only = 1;
				else if (!strncmp(o, "prep=", 5) && o[5])
					x->prep = ties__arena_strdup(r->a, o + 5);
				else {
					rc = ties__error(err, TIES_ERR_FORMAT,
					                 "'%s': line %u: unknown option '%s'", path,
					                 lineno, o);
					goto fail;
				}
			}
		}
		for (char *c = (char *)x->word; c && *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c + 32);
		if (!x->word || (x->type == NULL && takes_type(kind))) {
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			goto fail;
		}
	}
	ties__free(data);
	data = NULL;
	r->n = v.len;
	r->v = ties__arena_array(r->a, v.len ? v.len : 1, sizeof(xrule));
	if (!r->v) {
		rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (v.len)
		memcpy(r->v, v.data, v.len * sizeof(xrule));
	qsort(r->v, r->n, sizeof *r->v, cmp_rule);
	ties__vec_release(&v);
	r->hcap = 64;
	while (r->hcap < r->n * 2 + 1)
		r->hcap *= 2;
	r->hash = ties__arena_array(r->a, r->hcap, sizeof *r->hash);
	if (!r->hash) {
		rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < r->hcap; i++)
		r->hash[i] = -1;
	for (size_t i = 0; i < r->n; i++) {
		if (i && r->v[i].kind == r->v[i - 1].kind &&
		    !strcmp(r->v[i].word, r->v[i - 1].word))
			continue;
		size_t h =
		    (size_t)rhash(r->v[i].kind, r->v[i].word, strlen(r->v[i].word)) & (r->hcap - 1);
		while (r->hash[h] >= 0)
			h = (h + 1) & (r->hcap - 1);
		r->hash[h] = (long)i;
	}
	*out = r;
	return TIES_OK;
fail:
	ties__free(data);
	ties__vec_release(&v);
	ties__xrules_free(r);
	return rc;
}

void ties__xrules_free(xrules *r)
{
	if (!r)
		return;
	ties__arena_free(r->a);
	ties__free(r);
}

const xrule *ties__xrules_find(const xrules *r, int kind, const char *w, size_t n)
{
	if (!r || n == 0)
		return NULL;
	if (r->hash) {
		size_t h = (size_t)rhash(kind, w, n) & (r->hcap - 1);
		while (r->hash[h] >= 0) {
			const xrule *x = &r->v[r->hash[h]];
			if (x->kind == kind && !strncmp(x->word, w, n) && !x->word[n])
				return x;
			h = (h + 1) & (r->hcap - 1);
		}
		return NULL;
	}
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const xrule *x = &r->v[mid];
		int c = x->kind - kind;
		if (!c) {
			c = strncmp(x->word, w, n);
			if (!c && x->word[n])
				c = 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->n && r->v[lo].kind == kind && !strncmp(r->v[lo].word, w, n) &&
	    !r->v[lo].word[n])
		return &r->v[lo];
	return NULL;
}

const xrule *ties__xrules_next(const xrules *r, const xrule *cur)
{
	if (!cur || cur + 1 >= r->v + r->n)
		return NULL;
	const xrule *nx = cur + 1;
	return nx->kind == cur->kind && !strcmp(nx->word, cur->word) ? nx : NULL;
}

int ties__xrules_has(const xrules *r, int kind, const char *w, size_t n)
{
	return ties__xrules_find(r, kind, w, n) != NULL;
}
