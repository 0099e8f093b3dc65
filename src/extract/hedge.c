/* Hedges (ICD-203 levels from the rules file's cue phrases) and dates. */
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"

static int rank(ties_hedge h)
{
	/* how far from a plain assertion: the weakest wording wins */
	switch (h) {
	case TIES_HEDGE_ASSERTED: return 0;
	case TIES_HEDGE_ALMOST_CERTAIN: return 1;
	case TIES_HEDGE_LIKELY: return 2;
	case TIES_HEDGE_REPORTED: return 3;
	case TIES_HEDGE_ALLEGED: return 4;
	case TIES_HEDGE_POSSIBLE: return 5;
	case TIES_HEDGE_UNLIKELY: return 6;
	}
	return 0;
}

static ties_hedge parse_level(const char *s)
{
	for (ties_hedge h = TIES_HEDGE_ASSERTED; h <= TIES_HEDGE_UNLIKELY; h++)
		if (!strcmp(s, ties_hedge_name(h)))
			return h;
	return TIES_HEDGE_ASSERTED;
}

/* Does the rest of a phrase ("to" of "according to") follow token i? */
static int rest_matches(const char *text, const xtok *toks, size_t n, size_t i, const char *rest)
{
	size_t j = i + 1;
	while (*rest) {
		while (*rest == ' ')
			rest++;
		const char *we = rest;
		while (*we && *we != ' ')
			we++;
		if (we == rest)
			break;
		while (j < n && (toks[j].flags & XT_MARKER))
			j++;
		if (j >= n)
			return 0;
		char w[64];
		size_t wl = ties__xlower(text, &toks[j], w, sizeof w);
		if (wl != (size_t)(we - rest) || memcmp(w, rest, wl))
			return 0;
		j++;
		rest = we;
	}
	return 1;
}

ties_hedge ties__xhedge(const xrules *r, const char *text, const xtok *toks, size_t n,
                        const char **cue)
{
	ties_hedge best = TIES_HEDGE_ASSERTED;
	if (cue)
		*cue = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!(toks[i].flags & XT_WORD))
			continue;
		/* "May 2021", "Will Smith": a capital inside a sentence is a name */
		if ((toks[i].flags & XT_CAP) && !(toks[i].flags & XT_START))
			continue;
		char w[64];
		size_t wl = ties__xlower(text, &toks[i], w, sizeof w);
		if (ties__xmonth(w, wl) && i + 1 < n && (toks[i + 1].flags & XT_NUM))
			continue;
		for (const xrule *x = ties__xrules_find(r, XR_HEDGE, w, wl); x;
		     x = ties__xrules_next(r, x)) {
			if (x->rest && !rest_matches(text, toks, n, i, x->rest))
				continue;
			ties_hedge h = parse_level(x->type);
			if (rank(h) > rank(best)) {
				best = h;
				if (cue)
					*cue = x->word;
			}
		}
	}
	return best;
}

static const char *const months[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};

int ties__xmonth(const char *w, size_t n)
{
	for (int m = 0; m < 12; m++)
		if (strlen(months[m]) == n && !strncmp(months[m], w, n))
			return m + 1;
	return 0;
}

static int num(const char *text, const xtok *t, int lo, int hi)
{
	if ((t->flags & (XT_MARKER | XT_NUM)) != XT_NUM || t->e - t->s > 4)
		return -1;
	int v = 0;
	for (size_t i = t->s; i < t->e; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	return v >= lo && v <= hi ? v : -1;
}

int ties__xdate(const char *text, const xtok *toks, size_t n, size_t near, char out[32])
{
	size_t bestd = (size_t)-1;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		int y = num(text, &toks[i], 1900, 2099);
		if (y < 0)
			continue;
		/* "1990s" is a decade, not a date */
		if (i + 1 < n && toks[i + 1].s == toks[i].e && text[toks[i].e] == 's')
			continue;
		int m = 0, d = 0;
		if (i >= 1) {
			char w[16];
			size_t wl = ties__xlower(text, &toks[i - 1], w, sizeof w);
			m = ties__xmonth(w, wl);
			if (m && i >= 2)
				d = num(text, &toks[i - 2], 1, 31);
			if (!m && i >= 2 && (toks[i - 1].flags & XT_PUNCT) &&
			    text[toks[i - 1].s] == ',') {
				/* "April 23, 2020" */
				int dd = num(text, &toks[i - 2], 1, 31);
				if (dd > 0 && i >= 3) {
					wl = ties__xlower(text, &toks[i - 3], w, sizeof w);
					m = ties__xmonth(w, wl);
					if (m)
						d = dd;
				}
			}
		}
		size_t pos = toks[i].s;
		size_t dist = pos > near ? pos - near : near - pos;
		if (dist < bestd) {
			bestd = dist;
			if (m && d > 0)
				snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
			else if (m)
				snprintf(out, 32, "%04d-%02d", y, m);
			else
				snprintf(out, 32, "%04d", y);
			found = 1;
		}
	}
	return found;
}
