/* Scraps read out of place.  An extractor that cuts a loosely justified
 * line at its wide gaps makes boxes of the pieces; where the pieces of two
 * or three such lines stand at the same places, it stacks them into boxes
 * of their own ("withdrawal" over "advocated") and reads those after the
 * lines they came from, and a line's pieces may come after the other
 * column's lines.  What stays in place is the rest of each such line, a row
 * of scraps with room for more words (a hole).  This file puts the words
 * back: each box of an orphan run gives one word to each of as many holes
 * before it as it has lines, in order, and the language evidence decides
 * which holes, which words go where and at which gap of a row. */
#include <stdlib.h>
#include <string.h>

#include "repair.h"

#define MAX_BOXES 8      /* boxes of a stack fitted into several rows */
#define MAX_HEIGHT 3     /* lines of one box: rows it reaches */
#define MAX_CANDS 6      /* holes before an orphan that are tried */
#define MAX_WORDS 24     /* scraps one row may take */
#define FIT_MARGIN 1.0   /* a placement must read this much better */
#define FIT_PER_LINE 0.5 /* and gain this much per line it moves */
#define ROW_ROOM 115     /* a filled row stays under 115 % of a line */
#define HOLE_WIDTH 85    /* a hole is a row under 85 % of a line */
#define MAX_LINKS 4096   /* link scores one orphan may ask for */
#define STACK_REACH 4    /* lines between two rows of one stack, at most */

int ties__scraps_row(const ties__line *L, const ties__unit *u)
{
	for (size_t k = 0; k < u->n; k++)
		if (!(L[u->first + k].flags & TIES__L_FRAG))
			return 0;
	return 1;
}

int ties__scraps_stacked(const ties__line *L, size_t n, const ties__unit *u)
{
	/* whole boxes: a blank line before and after (the end of a box of
	 * longer lines is no stack) */
	if (u->n < 2 || !ties__scraps_row(L, u) || !(L[u->first].flags & TIES__L_BLANK_BEFORE) ||
	    (u->first + u->n < n && !(L[u->first + u->n].flags & TIES__L_BLANK_BEFORE)))
		return 0;
	int stacked = 0;
	for (size_t k = 0; k < u->n; k++) {
		const ties__line *l = &L[u->first + k];
		int top = k == 0 || (l->flags & TIES__L_BLANK_BEFORE);
		int under = k + 1 < u->n && !(L[u->first + k + 1].flags & TIES__L_BLANK_BEFORE);
		/* the lines of a stack are single words (or two) */
		if ((!top || under) && ties__rp_words(l->text, l->len) > 2)
			return 0;
		stacked |= !top;
	}
	return stacked;
}

/* Two scraps one over the other: no one row. */
static int stacked_rows(const ties__line *L, const ties__unit *u)
{
	for (size_t k = 1; k < u->n; k++)
		if (!(L[u->first + k].flags & TIES__L_BLANK_BEFORE))
			return 1;
	return 0;
}

static size_t unit_width(const ties__line *L, const ties__unit *u)
{
	size_t w = 0;
	for (size_t k = 0; k < u->n; k++)
		w += ties__line_width(L[u->first + k].text, L[u->first + k].len) + (k ? 1 : 0);
	return w;
}

typedef struct hole {
	size_t first, n; /* the row's input lines */
	size_t q;        /* where its first line stands in P */
	size_t width;
	int used;
} hole;

typedef struct fit {
	const ties__lm *lm;
	const ties__layout *lay;
	const ties__line *L;
	const ties__line **P;
	size_t p0, np;
	unsigned long *budget; /* link scores left for the document */
	unsigned long left;    /* link scores left for the current orphan */
	/* input lines lo..hi of the page: where each stands in P, or the P
	 * position of the nearest placed line before it (prev) */
	size_t lo, hi;
	size_t *pos, *prev;
} fit;

#define NONE ((size_t)-1)

/* Indexes the page's lines P[p0..np) and the orphans' lines O[0..no). */
static int index_page(fit *f, const ties__unit *O, size_t no)
{
	size_t lo = NONE, hi = 0;
	for (size_t q = f->p0; q < f->np; q++) {
		size_t li = (size_t)(f->P[q] - f->L);
		lo = li < lo ? li : lo;
		hi = li + 1 > hi ? li + 1 : hi;
	}
	for (size_t k = 0; k < no; k++) {
		lo = O[k].first < lo ? O[k].first : lo;
		hi = O[k].first + O[k].n > hi ? O[k].first + O[k].n : hi;
	}
	if (lo == NONE)
		lo = hi = 0;
	f->lo = lo;
	f->hi = hi;
	f->pos = ties__reallocarray(NULL, hi - lo + 1, 2 * sizeof *f->pos);
	if (!f->pos)
		return -1;
	f->prev = f->pos + (hi - lo + 1);
	for (size_t k = 0; k < hi - lo; k++)
		f->pos[k] = NONE;
	for (size_t q = f->p0; q < f->np; q++)
		f->pos[(size_t)(f->P[q] - f->L) - lo] = q;
	size_t last = NONE;
	for (size_t k = 0; k < hi - lo; k++) {
		f->prev[k] = last;
		if (f->pos[k] != NONE)
			last = f->pos[k];
	}
	return 0;
}

static size_t pos_of(const fit *f, size_t li)
{
	return li >= f->lo && li < f->hi ? f->pos[li - f->lo] : NONE;
}

/* The P position of the placed line nearest before input line x. */
static size_t anchor_before(const fit *f, size_t x)
{
	return x >= f->lo && x < f->hi ? f->prev[x - f->lo] : NONE;
}

static double link2(fit *f, const ties__line *a, const ties__line *b)
{
	if (!a || !b)
		return 0;
	if (*f->budget)
		(*f->budget)--;
	if (f->left)
		f->left--;
	return ties__lm_link(f->lm, f->lay, a, b);
}

/* Best gain of inserting the lines w[0..nw) (input indices) into row h, at
 * the best of its gaps; *at: the P position after which they go. */
static double row_gain(fit *f, const hole *h, const size_t *w, size_t nw, size_t *at)
{
	size_t add = 0;
	for (size_t k = 0; k < nw; k++)
		add += 1 + ties__line_width(f->L[w[k]].text, f->L[w[k]].len);
	if ((h->width + add) * 100 > f->lay->width * ROW_ROOM)
		return -1e9;
	double inner = 0;
	for (size_t k = 1; k < nw; k++)
		inner += link2(f, &f->L[w[k - 1]], &f->L[w[k]]);
	double best = -1e9;
	/* after the row's j-th scrap.  A justified line reaches both margins:
	 * the words the extractor took out of a row of two scraps or more
	 * stood between them, and a row's one scrap left in place is its
	 * start, which stands in line with the column's other lines */
	size_t j1 = h->n > 1 ? h->n - 1 : 1;
	for (size_t j = 1; j <= j1; j++) {
		size_t lq = h->q + j - 1, rq = h->q + j;
		const ties__line *l = f->P[lq], *r = rq < f->np ? f->P[rq] : NULL;
		double g = link2(f, l, &f->L[w[0]]) + inner + link2(f, &f->L[w[nw - 1]], r) -
		           link2(f, l, r);
		if (g > best) {
			best = g;
			*at = lq;
		}
	}
	return best;
}

/* The search over the placements of one orphan run. */
typedef struct search {
	fit *f;
	const hole *const *rows; /* the chosen holes, in input order */
	size_t H;
	const ties__unit *box; /* the run's boxes */
	size_t nb;
	size_t list[MAX_HEIGHT][MAX_WORDS], len[MAX_HEIGHT];
	double best;
	size_t best_list[MAX_HEIGHT][MAX_WORDS], best_len[MAX_HEIGHT], best_at[MAX_HEIGHT];
} search;

static void assign(search *s, size_t b, size_t minrow)
{
	if (*s->f->budget == 0 || s->f->left == 0)
		return;
	if (b == s->nb) {
		double g = 0;
		size_t at[MAX_HEIGHT];
		for (size_t r = 0; r < s->H; r++) {
			if (!s->len[r])
				return;
			g += row_gain(s->f, s->rows[r], s->list[r], s->len[r], &at[r]);
		}
		if (g > s->best) {
			s->best = g;
			memcpy(s->best_list, s->list, sizeof s->list);
			memcpy(s->best_len, s->len, sizeof s->len);
			memcpy(s->best_at, at, sizeof at);
		}
		return;
	}
	/* the box's lines go to rows in order: every increasing choice of
	 * as many rows as it has lines */
	size_t h = s->box[b].n;
	for (unsigned mask = 0; mask < (1u << s->H); mask++) {
		if ((size_t)__builtin_popcount(mask) != h)
			continue;
		/* boxes of one word between two stacks give the upper row's
		 * words first, then the lower row's */
		size_t row = (size_t)__builtin_ctz(mask);
		if (h == 1 && row < minrow)
			continue;
		size_t k = 0, ok = 1;
		for (size_t r = 0; r < s->H; r++)
			if ((mask >> r & 1) && s->len[r] >= MAX_WORDS)
				ok = 0;
		if (!ok)
			continue;
		for (size_t r = 0; r < s->H; r++)
			if (mask >> r & 1)
				s->list[r][s->len[r]++] = s->box[b].first + k++;
		assign(s, b + 1, h == 1 ? row : 0);
		for (size_t r = 0; r < s->H; r++)
			if (mask >> r & 1)
				s->len[r]--;
	}
}

/* An orphan's boxes: its lines split where a blank line stands between. */
static size_t boxes_of(const ties__line *L, const ties__unit *o, ties__unit *box, size_t *H)
{
	size_t nb = 0;
	*H = 0;
	for (size_t k = 0; k < o->n; k++) {
		if (k == 0 || (L[o->first + k].flags & TIES__L_BLANK_BEFORE)) {
			if (nb == MAX_WORDS)
				return 0;
			box[nb++] = (ties__unit){o->first + k, 0};
		}
		if (++box[nb - 1].n > *H)
			*H = box[nb - 1].n;
	}
	return nb;
}

/* Finds the best placement of orphan o into the holes before it: gain over
 * base, the holes chosen and the insertions (lists and anchors). */
static double best_fit(fit *f, hole *holes, size_t nh, const ties__unit *o, search *s,
                       const hole **chosen)
{
	ties__unit box[MAX_WORDS];
	size_t H, nb = boxes_of(f->L, o, box, &H);
	/* the boxes of one line each choose a row: 2^nb placements and more */
	if (!nb || H > MAX_HEIGHT || (H > 1 && nb > MAX_BOXES))
		return -1e9;
	/* the holes before the run, nearest last */
	const hole *cand[MAX_CANDS];
	size_t nc = 0;
	for (size_t k = nh; k-- > 0 && nc < MAX_CANDS;)
		if (!holes[k].used && holes[k].first < o->first)
			cand[nc++] = &holes[k];
	if (nc < H)
		return -1e9;
	/* in input order */
	for (size_t a = 0, b = nc - 1; a < b; a++, b--) {
		const hole *t = cand[a];
		cand[a] = cand[b];
		cand[b] = t;
	}
	s->f = f;
	s->box = box;
	s->nb = nb;
	s->H = H;
	s->best = -1e9;
	double best = -1e9;
	const hole *rows[MAX_HEIGHT];
	s->rows = rows;
	/* every increasing choice of H holes */
	for (unsigned mask = 0; mask < (1u << nc); mask++) {
		if ((size_t)__builtin_popcount(mask) != H)
			continue;
		size_t r = 0, near = 1;
		for (size_t c = 0; c < nc; c++)
			if (mask >> c & 1)
				rows[r++] = cand[c];
		/* a stack reaches rows of one column close together: in the
		 * reading order, its holes stand a few lines apart */
		for (size_t k = 1; k < r; k++)
			if (rows[k]->q < rows[k - 1]->q + rows[k - 1]->n ||
			    rows[k]->q - (rows[k - 1]->q + rows[k - 1]->n) >= STACK_REACH)
				near = 0;
		if (!near)
			continue;
		double before = s->best;
		memset(s->len, 0, sizeof s->len);
		assign(s, 0, 0);
		if (s->best > before && s->best > best) {
			best = s->best;
			memcpy(chosen, rows, sizeof rows);
		}
	}
	return best;
}

/* Gain of reading the lines of o where they are, between a and b. */
static double in_place(fit *f, const ties__line *a, const ties__unit *o, const ties__line *b)
{
	double g =
	    link2(f, a, &f->L[o->first]) + link2(f, &f->L[o->first + o->n - 1], b) - link2(f, a, b);
	for (size_t k = 1; k < o->n; k++)
		g += link2(f, &f->L[o->first + k - 1], &f->L[o->first + k]);
	return g;
}

static size_t find_holes(const fit *f, const ties__unit *rows, size_t nr, hole *holes)
{
	size_t nh = 0;
	for (size_t k = 0; k < nr; k++) {
		const ties__unit *u = &rows[k];
		if (!ties__scraps_row(f->L, u) || stacked_rows(f->L, u))
			continue;
		const ties__line *z = &f->L[u->first + u->n - 1];
		size_t w = unit_width(f->L, u);
		if (ties__ends_block(z->text, z->len) || w * 100 >= f->lay->width * HOLE_WIDTH)
			continue;
		/* where its lines stand in P: one after another */
		size_t q = pos_of(f, u->first);
		if (q != NONE)
			holes[nh++] = (hole){u->first, u->n, q, w, 0};
	}
	return nh;
}

typedef struct ins {
	size_t at;    /* after P[at]; (size_t)-1: before the page */
	size_t line;  /* input line inserted */
	size_t order; /* insertion order, for a stable sort */
} ins;

static int cmp_ins(const void *a, const void *b)
{
	const ins *x = a, *y = b;
	size_t xa = x->at + 1, ya = y->at + 1; /* (size_t)-1 first */
	if (xa != ya)
		return xa < ya ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

ties_code ties__scraps_place(const ties__lm *lm, const ties__layout *lay, const ties__line *L,
                             const ties__unit *rows, size_t nr, const ties__unit *O, size_t no,
                             const ties__line **P, size_t p0, size_t *np, unsigned long *budget)
{
	if (!no)
		return TIES_OK;
	size_t nl = 0;
	for (size_t k = 0; k < no; k++)
		nl += O[k].n;
	fit f = {lm, lay, L, P, p0, *np, budget, 0, 0, 0, NULL, NULL};
	hole *holes = ties__reallocarray(NULL, nr ? nr : 1, sizeof *holes);
	ins *I = ties__reallocarray(NULL, nl, sizeof *I);
	const ties__line **Q = ties__reallocarray(NULL, *np - p0 + nl, sizeof *Q);
	search *s = ties__calloc(1, sizeof *s);
	ties_code rc = TIES_OK;
	if (!holes || !I || !Q || !s || index_page(&f, O, no)) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	size_t nh = find_holes(&f, rows, nr, holes), ni = 0;
	for (size_t k = 0; k < no; k++) {
		const ties__unit *o = &O[k];
		size_t a = anchor_before(&f, o->first);
		const ties__line *before = a == NONE ? NULL : P[a];
		size_t b = a == NONE ? p0 : a + 1;
		const ties__line *next = b < f.np ? P[b] : NULL;
		const hole *chosen[MAX_HEIGHT] = {0};
		f.left = MAX_LINKS;
		double g = best_fit(&f, holes, nh, o, s, chosen);
		/* out of place: the line before it does not lead into it, and
		 * every word it gives reads well where it goes */
		if (g > -1e8 && g >= FIT_PER_LINE * (double)o->n &&
		    g > in_place(&f, before, o, next) + FIT_MARGIN &&
		    (!before || link2(&f, before, &L[o->first]) < 0)) {
			for (size_t r = 0; r < s->H; r++) {
				((hole *)chosen[r])->used = 1;
				for (size_t w = 0; w < s->best_len[r]; w++, ni++)
					I[ni] = (ins){s->best_at[r], s->best_list[r][w], ni};
			}
		} else {
			for (size_t q = 0; q < o->n; q++, ni++)
				I[ni] = (ins){a, o->first + q, ni};
		}
	}
	qsort(I, ni, sizeof *I, cmp_ins);
	size_t j = 0, nq = 0;
	while (j < ni && I[j].at == NONE)
		Q[nq++] = &L[I[j++].line];
	for (size_t q = p0; q < *np; q++) {
		Q[nq++] = P[q];
		while (j < ni && I[j].at == q)
			Q[nq++] = &L[I[j++].line];
	}
	memcpy(P + p0, Q, nq * sizeof *Q);
	*np = p0 + nq;
done:
	ties__free(f.pos);
	ties__free(holes);
	ties__free(I);
	ties__free(Q);
	ties__free(s);
	return rc;
}

/* A row that may be a stray: three scraps or more (one or two may be a
 * line's own pieces, cut at a wide gap and read next to it), side by side,
 * opening in lowercase. */
static int stray_shape(const ties__line *L, const ties__unit *u)
{
	return u->n >= 3 && ties__scraps_row(L, u) && !stacked_rows(L, u) &&
	       ties__starts_lower(L[u->first].text, L[u->first].len);
}

size_t ties__scraps_strays(const ties__lm *lm, const ties__layout *lay, const ties__line *L,
                           const ties__unit *rows, size_t nr, const ties__line **P, size_t p0,
                           size_t np, unsigned long *budget, unsigned char *stray)
{
	memset(stray, 0, nr);
	/* most pages have none: no index for them */
	size_t k0 = 0;
	while (k0 < nr && !stray_shape(L, &rows[k0]))
		k0++;
	if (k0 == nr)
		return 0;
	fit f = {lm, lay, L, P, p0, np, budget, 0, 0, 0, NULL, NULL};
	hole *holes = ties__reallocarray(NULL, nr, sizeof *holes);
	search *s = ties__calloc(1, sizeof *s);
	size_t found = 0;
	if (!holes || !s || index_page(&f, NULL, 0))
		goto done;
	size_t nh = find_holes(&f, rows, nr, holes);
	for (size_t k = k0; nh && k < nr; k++) {
		const ties__unit *u = &rows[k];
		if (!stray_shape(L, u))
			continue;
		size_t q = pos_of(&f, u->first);
		if (q == NONE || q == p0)
			continue;
		/* read after a sentence end, a lowercase start is out of place */
		const ties__line *a = P[q - 1];
		if (!ties__ends_sentence(a->text, a->len))
			continue;
		const hole *chosen[MAX_HEIGHT] = {0};
		f.left = MAX_LINKS;
		/* holes before it only: not itself */
		double g = best_fit(&f, holes, nh, u, s, chosen);
		const ties__line *b = q + u->n < np ? P[q + u->n] : NULL;
		if (g > -1e8 && g >= FIT_PER_LINE * (double)u->n &&
		    g > in_place(&f, a, u, b) + FIT_MARGIN) {
			stray[k] = 1;
			found++;
		}
	}
done:
	ties__free(f.pos);
	ties__free(holes);
	ties__free(s);
	return found;
}
