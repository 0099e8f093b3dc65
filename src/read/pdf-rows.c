/* Glyphs into rows: one baseline each, sorted left to right.  Small glyphs
 * set above a baseline (footnote markers, ordinals) join the row they are
 * raised from and are flagged as superscripts. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"

/* Sorting without qsort: the comparisons inline (qsort's calls through a
 * pointer were a tenth of the reader's time), and no quadratic worst case
 * on hostile input (heap sort, merge sort). */
static void sift_down(float *a, size_t i, size_t n)
{
	float v = a[i];
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && a[c + 1] > a[c])
			c++;
		if (!(a[c] > v))
			break;
		a[i] = a[c];
		i = c;
	}
	a[i] = v;
}

void ties__pdf_sort_floats(float *a, size_t n)
{
	/* a row's sizes and baselines are mostly one value: often in order */
	size_t s = 1;
	while (s < n && !(a[s] < a[s - 1]))
		s++;
	if (s >= n)
		return;
	if (n <= 32) {
		/* insertion from the first element out of order */
		for (size_t i = s; i < n; i++) {
			float v = a[i];
			size_t j = i;
			for (; j > 0 && a[j - 1] > v; j--)
				a[j] = a[j - 1];
			a[j] = v;
		}
		return;
	}
	for (size_t i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (size_t e = n - 1; e > 0; e--) {
		float t = a[0];
		a[0] = a[e];
		a[e] = t;
		sift_down(a, 0, e);
	}
}

float ties__pdf_median(float *a, size_t n)
{
	if (!n)
		return 0;
	ties__pdf_sort_floats(a, n);
	return a[n / 2];
}

typedef struct key {
	size_t g;   /* glyph index */
	size_t row; /* row id */
	float a, b; /* sort keys */
} key;

/* x before y: by a, then b, then glyph (a total order) */
static inline int key_less(const key *x, const key *y)
{
	if (x->a != y->a)
		return x->a < y->a;
	if (x->b != y->b)
		return x->b < y->b;
	return x->g < y->g;
}

static void insertion_keys(key *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (!key_less(&a[i], &a[i - 1]))
			continue;
		key v = a[i];
		size_t j = i;
		for (; j > 0 && key_less(&v, &a[j - 1]); j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

/* Sorts n keys; tmp holds n keys. */
static void sort_keys(key *a, size_t n, key *tmp)
{
	const size_t run = 16;
	for (size_t i = 0; i < n; i += run)
		insertion_keys(a + i, n - i < run ? n - i : run);
	key *src = a, *dst = tmp;
	for (size_t w = run; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				dst[o++] = key_less(&src[j], &src[i]) ? src[j++] : src[i++];
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		key *t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
}

typedef struct rinfo {
	float base, size, x0, x1;
	size_t start, n; /* range in the key array while building */
} rinfo;

/* Size carried by most ink glyphs of a row (sizes within 5% count as
 * one), and their median baseline. */
static void row_stats(const ties__pglyph *G, const key *k, size_t n, float *tmp, rinfo *r)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!G[k[i].g].space && !G[k[i].g].sup)
			tmp[m++] = G[k[i].g].size;
	float best = 0;
	if (m) {
		ties__pdf_sort_floats(tmp, m);
		size_t bestc = 0;
		for (size_t i = 0, j = 0; i < m; i = j) {
			while (j < m && tmp[j] <= tmp[i] * 1.05f)
				j++;
			if (j - i >= bestc) {
				bestc = j - i;
				best = tmp[i];
			}
		}
	}
	m = 0;
	r->x0 = INFINITY;
	r->x1 = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		const ties__pglyph *g = &G[k[i].g];
		if (g->space)
			continue;
		if (g->size >= best && g->size <= best * 1.05f)
			tmp[m++] = g->base;
		r->x0 = g->x0 < r->x0 ? g->x0 : r->x0;
		r->x1 = g->x1 > r->x1 ? g->x1 : r->x1;
	}
	r->size = best > 0 ? best : 1;
	r->base = m ? ties__pdf_median(tmp, m) : (n ? G[k[0].g].base : 0);
}

/* Would glyph g sit as a superscript on row t: smaller, raised by a
 * fraction of t's size, and next to one of t's glyphs. */
static int raised_on(const ties__pglyph *G, const key *k, const rinfo *t, const ties__pglyph *g)
{
	float d = t->base - g->base;
	if (g->size > 0.85f * t->size || d < 0.12f * t->size || d > 0.75f * t->size)
		return 0;
	if (g->x1 < t->x0 - t->size || g->x0 > t->x1 + t->size)
		return 0;
	/* t's glyphs are sorted by their centres: look only near g */
	size_t lo = 0, hi = t->n;
	float from = g->x0 - 3 * t->size;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (G[k[t->start + mid].g].x0 < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < t->n; i++) {
		const ties__pglyph *h = &G[k[t->start + i].g];
		if (h->x0 > g->x1 + 1.2f * t->size)
			break;
		if (h->space || h->sup)
			continue;
		/* up to three marker digits after a word */
		float gap = g->x0 >= h->x1 ? g->x0 - h->x1 : h->x0 - g->x1;
		if (gap < 1.2f * t->size)
			return 1;
	}
	return 0;
}

ties_code ties__pdf_rows(ties__ppage *pg, ties_vec *rows)
{
	rows->len = 0;
	size_t n = pg->glyphs.len;
	if (!n)
		return TIES_OK;
	ties__pglyph *G = pg->glyphs.data;
	/* scratch memory kept with the page from page to page: one block */
	size_t need = n * (3 * sizeof(key) + sizeof(float) + sizeof(rinfo) + sizeof(ties__pglyph));
	if (need > pg->scratch_cap) {
		void *p = ties__realloc(pg->scratch, need);
		if (!p)
			return TIES_ERR_NOMEM;
		pg->scratch = p;
		pg->scratch_cap = need;
	}
	/* the largest items first keeps every array aligned */
	ties__pglyph *sorted = pg->scratch;
	key *k = (key *)(sorted + n);
	key *mv = k + n, *ord = mv + n;
	rinfo *ri = (rinfo *)(ord + n);
	float *tmp = (float *)(ri + n);
	ties_code rc = TIES_OK;
	/* chunks: runs of glyphs in drawing order on one baseline, in one
	 * size, going right; sorting chunks instead of glyphs is much cheaper
	 * and any drawing order still works (a chunk may be one glyph).  A
	 * chunk is kept as a key: g = first glyph, row = end, a = baseline,
	 * b = centre of its first glyph. */
	key *ch = mv;
	size_t nc = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && fabsf(G[j].base - G[i].base) <= 0.05f * G[i].size &&
		       fabsf(G[j].size - G[i].size) <= 0.05f * G[i].size &&
		       G[j].x0 + G[j].x1 >= G[j - 1].x0 + G[j - 1].x1)
			j++;
		ch[nc].g = i;
		ch[nc].row = j;
		ch[nc].a = G[i].base;
		ch[nc].b = (G[i].x0 + G[i].x1) / 2;
		nc++;
		i = j;
	}
	sort_keys(ch, nc, ord);

	/* rows by baseline, greedily from the top */
	size_t nr = 0, o = 0;
	for (size_t ci = 0; ci < nc;) {
		float b0 = ch[ci].a, s0 = G[ch[ci].g].size;
		size_t cj = ci + 1;
		while (cj < nc) {
			float tol = 0.2f * ties__maxf(s0, G[ch[cj].g].size);
			if (ch[cj].a - b0 > ties__maxf(tol, 0.5f))
				break;
			cj++;
		}
		/* within the row, left to right by the glyphs' centres: the
		 * parts of a ligature can share one x0 with the next glyph */
		for (size_t q = ci; q < cj; q++)
			ch[q].a = 0;
		sort_keys(ch + ci, cj - ci, ord);
		size_t start = o;
		int sorted_ok = 1;
		for (size_t q = ci; q < cj; q++)
			for (size_t g = ch[q].g; g < ch[q].row; g++) {
				k[o].g = g;
				k[o].row = nr;
				k[o].a = 0;
				k[o].b = (G[g].x0 + G[g].x1) / 2;
				if (o > start && k[o].b < k[o - 1].b)
					sorted_ok = 0;
				o++;
			}
		if (!sorted_ok) /* chunks that overlap: sort the glyphs */
			sort_keys(k + start, o - start, ord);
		ri[nr].start = start;
		ri[nr].n = o - start;
		row_stats(G, k + start, o - start, tmp, &ri[nr]);
		nr++;
		ci = cj;
	}

	/* superscripts: a glyph raised from a row below it, smaller than that
	 * row's type and next to one of its glyphs, moves to that row (it may
	 * have been grouped with a neighbouring column's row, or alone) */
	float big = 0; /* a glyph this large is raised on no row */
	for (size_t r = 0; r < nr; r++)
		big = ri[r].size > big ? ri[r].size : big;
	big *= 0.85f;
	for (size_t r = 0; r < nr; r++) {
		for (size_t i = 0; i < ri[r].n; i++) {
			key *kk = &k[ri[r].start + i];
			ties__pglyph *g = &G[kk->g];
			if (kk->row != r || g->space || g->size > big)
				continue;
			/* raised by at most 0.75 em of a row at most 4 times its size */
			for (size_t t = r + 1;
			     t < nr && t < r + 16 && ri[t].base - g->base <= 3 * g->size; t++) {
				if (raised_on(G, k, &ri[t], g)) {
					kk->row = t;
					g->sup = 1;
					break;
				}
			}
		}
	}
	/* a row's own small raised glyphs */
	for (size_t i = 0; i < n; i++) {
		ties__pglyph *g = &G[k[i].g];
		const rinfo *r = &ri[k[i].row];
		if (!g->space && !g->sup && g->size < 0.85f * r->size &&
		    g->base < r->base - 0.12f * r->size)
			g->sup = 1;
	}

	/* final order: rows as made (top to bottom), each row's own glyphs
	 * merged with the superscripts that moved into it */
	size_t nmv = 0;
	for (size_t r = 0; r < nr; r++)
		for (size_t i = ri[r].start; i < ri[r].start + ri[r].n; i++)
			if (k[i].row != r) {
				mv[nmv] = k[i];
				mv[nmv].a = (float)k[i].row;
				nmv++;
			}
	sort_keys(mv, nmv, ord);
	size_t v = 0;
	o = 0;
	for (size_t r = 0; r < nr; r++) {
		size_t i = ri[r].start, e = ri[r].start + ri[r].n;
		for (;;) {
			while (i < e && k[i].row != r)
				i++;
			int own = i < e, more = v < nmv && mv[v].row == r;
			if (!own && !more)
				break;
			if (own && (!more || k[i].b <= mv[v].b))
				ord[o++] = k[i++];
			else
				ord[o++] = mv[v++];
		}
	}
	k = ord;
	n = o;
	size_t m = 0;
	for (size_t i = 0; i < n;) {
		size_t row = k[i].row, j = i;
		size_t s0 = m;
		int ink = 0;
		/* the row's ink box, made as the glyphs are copied */
		float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
		for (; j < n && k[j].row == row; j++) {
			const ties__pglyph *g = &G[k[j].g];
			/* the same glyph drawn twice (fake bold, shadows) counts once */
			if (m > s0 && sorted[m - 1].c == g->c &&
			    fabsf(sorted[m - 1].x0 - g->x0) < 0.1f * g->size &&
			    fabsf(sorted[m - 1].base - g->base) < 0.1f * g->size)
				continue;
			sorted[m++] = *g;
			if (!g->space) {
				ink = 1;
				x0 = ties__minf(x0, g->x0);
				x1 = ties__maxf(x1, g->x1);
				y0 = ties__minf(y0, g->y0);
				y1 = ties__maxf(y1, g->y1);
			}
		}
		if (!ink) {
			m = s0;
			i = j;
			continue;
		}
		ties__prow *pr = ties__vec_push(rows);
		if (!pr) {
			rc = TIES_ERR_NOMEM;
			goto done;
		}
		pr->g0 = s0;
		pr->ng = m - s0;
		pr->base = ri[row].base;
		pr->size = ri[row].size;
		pr->x0 = x0;
		pr->x1 = x1;
		pr->y0 = y0;
		pr->y1 = y1;
		i = j;
	}
	memcpy(G, sorted, m * sizeof *G);
	pg->glyphs.len = m;

done:
	return rc;
}
