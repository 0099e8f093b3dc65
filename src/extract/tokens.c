/* Tokens of a sentence: words (with inner hyphens, apostrophes and the dots
 * of "U.S."), the possessive "'s" as its own token, punctuation, and
 * footnote markers flagged so no pattern reads them as numbers. */
#include <string.h>

#include "extract/extract_int.h"

static int is_wordcp(int32_t cp)
{
	return ties__is_letter(cp) || ties__is_digit(cp);
}

static size_t dec(const char *t, size_t i, size_t e, int32_t *cp)
{
	if (i >= e) {
		*cp = 0;
		return 0;
	}
	if ((unsigned char)t[i] < 0x80) {
		*cp = (unsigned char)t[i];
		return 1;
	}
	return ties__utf8_decode(t + i, e - i, cp);
}

static int is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static void set_case_flags(const char *text, xtok *t)
{
	int up = 0, low = 0, letters = 0, first = 1, hy = 0;
	for (size_t i = t->s; i < t->e;) {
		int32_t cp;
		size_t l = dec(text, i, t->e, &cp);
		i += l ? l : 1;
		if (cp == '-')
			hy = 1;
		if (!ties__is_letter(cp)) {
			if (first && ties__is_digit(cp))
				t->flags |= XT_NUM;
			first = 0;
			continue;
		}
		letters++;
		if (ties__is_upper(cp)) {
			up++;
			if (first)
				t->flags |= XT_CAP;
		} else
			low++;
		first = 0;
	}
	if (hy)
		t->flags |= XT_HYPH;
	if (letters >= 2 && low == 0 && up >= 2)
		t->flags |= XT_ALLCAP;
	else if ((t->flags & XT_CAP) && up >= 2 && low <= up && letters <= 6 && !hy)
		t->flags |= XT_MIXED;
	if (letters == 0 && !(t->flags & XT_NUM))
		t->flags |= XT_PUNCT;
}

ties_code ties__xtokenize(const char *text, size_t s, size_t e, uint32_t sent,
                          const ties_marker *markers, size_t nmarkers, size_t *mi, ties_vec *v)
{
	size_t i = s;
	int start = 1;
	while (i < e) {
		int32_t cp;
		size_t l = dec(text, i, e, &cp);
		if (!l)
			break;
		if (ties__is_space(cp) || cp == 0xA0) {
			i += l;
			continue;
		}
		while (*mi < nmarkers && markers[*mi].start < i)
			(*mi)++;
		xtok *t = ties__vec_push(v);
		if (!t)
			return TIES_ERR_NOMEM;
		t->s = i;
		t->sent = sent;
		if (*mi < nmarkers && markers[*mi].start == i && markers[*mi].end <= e) {
			t->e = markers[*mi].end;
			t->flags = XT_MARKER | XT_NUM;
			i = t->e;
			continue;
		}
		if (!is_wordcp(cp)) {
			t->e = i + l;
			t->flags = XT_PUNCT;
			i += l;
			if (!(cp == '"' || cp == 0x201C || cp == '(' || cp == '\'' || cp == 0x2018))
				start = 0;
			continue;
		}
		size_t j = i, seg = 0, segstart = i;
		while (j < e) {
			size_t cl = dec(text, j, e, &cp);
			if (!cl)
				break;
			if (is_wordcp(cp)) {
				/* a footnote marker glued to the word ends it */
				if (j > i && ties__is_digit(cp) && *mi < nmarkers &&
				    markers[*mi].start == j)
					break;
				j += cl;
				seg++;
				continue;
			}
			int32_t nx;
			size_t nl = dec(text, j + cl, e, &nx);
			if (is_apos(cp) && nl && (nx == 's' || nx == 'S')) {
				int32_t nn;
				size_t nnl = dec(text, j + cl + nl, e, &nn);
				if (!nnl || !ties__is_letter(nn))
					break; /* possessive */
			}
			if ((cp == '-' || is_apos(cp)) && nl && is_wordcp(nx)) {
				j += cl;
				seg = 0;
				segstart = j;
				continue;
			}
			if (cp == '.' && seg == 1 && (segstart == i || text[segstart - 1] == '.') &&
			    (!nl || ties__is_letter(nx) || nx == '-' || ties__is_space(nx) ||
			     nx == ',' || nx == ')')) {
				/* "U.S.": single letters with dots */
				int32_t prev;
				dec(text, segstart, e, &prev);
				if (ties__is_upper(prev) &&
				    (segstart > i || (nl && ties__is_letter(nx)))) {
					j += cl;
					seg = 0;
					segstart = j;
					if (nl && nx == '-') {
						int32_t n2;
						size_t n2l = dec(text, j + 1, e, &n2);
						if (n2l && is_wordcp(n2)) {
							j += 1;
							segstart = j;
						}
					}
					continue;
				}
			}
			break;
		}
		t->e = j;
		set_case_flags(text, t);
		t->flags |= XT_WORD;
		if (start)
			t->flags |= XT_START;
		start = 0;
		i = j;
		/* the possessive as its own token */
		size_t al = dec(text, i, e, &cp);
		if (al && is_apos(cp)) {
			int32_t nx;
			size_t nl = dec(text, i + al, e, &nx);
			if (nl && (nx == 's' || nx == 'S')) {
				int32_t nn;
				size_t nnl = dec(text, i + al + nl, e, &nn);
				if (!nnl || !ties__is_letter(nn)) {
					xtok *p = ties__vec_push(v);
					if (!p)
						return TIES_ERR_NOMEM;
					p->s = i;
					p->e = i + al + nl;
					p->sent = sent;
					p->flags = XT_POSS;
					i = p->e;
				}
			}
		}
	}
	return TIES_OK;
}

size_t ties__xlower(const char *text, const xtok *t, char *buf, size_t cap)
{
	size_t k = 0;
	if (!cap)
		return 0;
	for (size_t i = t->s; i < t->e;) {
		int32_t cp;
		size_t l = dec(text, i, t->e, &cp);
		if (!l)
			break;
		i += l;
		if (cp == 0x2019)
			cp = '\'';
		cp = ties__to_lower(cp);
		char enc[4];
		size_t el = ties__utf8_encode(cp, enc);
		if (k + el >= cap)
			break;
		memcpy(buf + k, enc, el);
		k += el;
	}
	buf[k] = 0;
	return k;
}

/* WordNet's morphy: detachment rules per part of speech, then the
 * exception lists; the first candidate the index knows as a lemma wins. */
typedef struct {
	char pos;
	const char *lemma;
	size_t len;
	int found;
	char *out;
	size_t cap;
} lemma_ctx;

static int find_x(const xlex_rec *r, void *vctx)
{
	lemma_ctx *c = vctx;
	if (r->kind == 'x' && r->cls == c->pos && r->display_len < c->cap) {
		memcpy(c->out, r->display, r->display_len);
		c->out[r->display_len] = 0;
		c->found = (int)r->display_len;
		return 1;
	}
	return 0;
}

static int find_w(const xlex_rec *r, void *vctx)
{
	lemma_ctx *c = vctx;
	return r->kind == 'w' && r->cls == c->pos;
}

size_t ties__xlemma(const xlex *lx, const char *w, size_t n, char pos, char *out, size_t cap)
{
	static const char *const verb_sfx[][2] = {{"s", ""},    {"ies", "y"}, {"es", "e"},
	                                          {"es", ""},   {"ed", "e"},  {"ed", ""},
	                                          {"ing", "e"}, {"ing", ""}};
	static const char *const noun_sfx[][2] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},
	                                          {"zes", "z"},   {"ches", "ch"}, {"shes", "sh"},
	                                          {"men", "man"}, {"ies", "y"}};
	if (n == 0 || n >= cap || n >= 64)
		return 0;
	char key[128];
	lemma_ctx c = {pos, w, n, 0, out, cap};
	size_t kl = ties__xnorm(w, n, key, sizeof key);
	if (ties__xlex_each(lx, key, kl, find_x, &c))
		return (size_t)c.found;
	if (ties__xlex_each(lx, key, kl, find_w, &c)) {
		memcpy(out, w, n);
		out[n] = 0;
		return n;
	}
	const char *const(*sfx)[2] = pos == 'v' ? verb_sfx : noun_sfx;
	size_t ns =
	    pos == 'v' ? sizeof verb_sfx / sizeof *verb_sfx : sizeof noun_sfx / sizeof *noun_sfx;
	for (size_t i = 0; i < ns; i++) {
		size_t sl = strlen(sfx[i][0]), rl = strlen(sfx[i][1]);
		if (n <= sl || memcmp(w + n - sl, sfx[i][0], sl))
			continue;
		char cand[80];
		size_t cl = n - sl;
		if (cl + rl >= sizeof cand)
			continue;
		memcpy(cand, w, cl);
		memcpy(cand + cl, sfx[i][1], rl);
		cl += rl;
		cand[cl] = 0;
		/* doubled consonants: "planned" -> "plan" */
		kl = ties__xnorm(cand, cl, key, sizeof key);
		if (ties__xlex_each(lx, key, kl, find_w, &c) && cl < cap) {
			memcpy(out, cand, cl + 1);
			return cl;
		}
		if (pos == 'v' && rl == 0 && cl >= 3 && cand[cl - 1] == cand[cl - 2]) {
			kl = ties__xnorm(cand, cl - 1, key, sizeof key);
			if (ties__xlex_each(lx, key, kl, find_w, &c) && cl - 1 < cap) {
				memcpy(out, cand, cl - 1);
				out[cl - 1] = 0;
				return cl - 1;
			}
		}
	}
	return 0;
}

size_t ties__xlemma_cached(struct xstate *st, const char *w, size_t n, char pos, char *out,
                           size_t cap)
{
	int found;
	char *v = n < 64 ? ties__xcache_slot(st->cache, pos, w, n, &found) : NULL;
	if (!v)
		return ties__xlemma(st->lx, w, n, pos, out, cap);
	if (!found) {
		size_t l = ties__xlemma(st->lx, w, n, pos, v + 1, XCACHE_VAL - 1);
		v[0] = 1;
		if (!l)
			v[1] = 0;
	}
	size_t l = strlen(v + 1);
	if (l >= cap)
		return 0;
	memcpy(out, v + 1, l + 1);
	return l;
}
