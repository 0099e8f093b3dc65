/* Reading order of a page from its geometry.
 *
 * Rows set apart by white space at the top and bottom edge (running
 * headers, footers, page numbers) are kept aside.  The rest is cut
 * recursively: a gutter is a vertical strip of white space with text on
 * both sides whose right side starts at one x (a column's left edge); rows
 * that cross it are full-width (titles, wide figures) and split the page
 * into bands; within a band the left column is read before the right one.
 * Without a gutter a region is read top to bottom.  The order the PDF
 * draws its text in plays no part.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"

#define MAX_DEPTH 24
#define MAX_BINS 4096

typedef struct wp {
	size_t row, g0, g1;
	float x0, x1, base, size;
	size_t w0, nw; /* its word boxes in lay.words, once made */
	int words;
} wp;

typedef struct wbox {
	float a, b;
} wbox;

typedef struct lay {
	const ties__pglyph *G;
	ties_vec *out;
	ties_vec work;  /* of wp: every piece made so far */
	ties_vec words; /* of wbox: the pieces' word boxes */
	unsigned region;
	int *cov;
	float pw; /* the page's width, 0 if unknown */
	ties_code rc;
} lay;

static void extent(const ties__pglyph *G, wp *p)
{
	p->x0 = INFINITY;
	p->x1 = -INFINITY;
	for (size_t i = p->g0; i < p->g1; i++)
		if (!G[i].space) {
			p->x0 = ties__minf(p->x0, G[i].x0);
			p->x1 = ties__maxf(p->x1, G[i].x1);
		}
}

static int has_ink(const ties__pglyph *G, size_t g0, size_t g1)
{
	for (size_t i = g0; i < g1; i++)
		if (!G[i].space)
			return 1;
	return 0;
}

/* Calls back for each word box of a piece (ink runs with small gaps). */
#define FOR_WORDS(G, p, WX0, WX1, BODY)                                                            \
	do {                                                                                       \
		float WX0 = NAN, WX1 = NAN;                                                        \
		for (size_t i_ = (p)->g0; i_ <= (p)->g1; i_++) {                                   \
			const ties__pglyph *g_ = i_ < (p)->g1 ? &(G)[i_] : NULL;                   \
			if (g_ && g_->space)                                                       \
				continue;                                                          \
			if (g_ && !isnan(WX0) && g_->x0 - WX1 <= 0.25f * (p)->size) {              \
				WX1 = ties__maxf(WX1, g_->x1);                                     \
				continue;                                                          \
			}                                                                          \
			if (!isnan(WX0)) {                                                         \
				BODY;                                                              \
			}                                                                          \
			if (g_) {                                                                  \
				WX0 = g_->x0;                                                      \
				WX1 = g_->x1;                                                      \
			}                                                                          \
		}                                                                                  \
	} while (0)

/* The word boxes of piece pi, made on first use: the gutter search asks
 * for them many times. */
static const wbox *words_of(lay *L, size_t pi, size_t *n)
{
	wp *p = &((wp *)L->work.data)[pi];
	if (!p->words) {
		size_t w0 = L->words.len;
		FOR_WORDS(L->G, p, a, b, {
			wbox *w = ties__vec_push(&L->words);
			if (!w) {
				L->rc = TIES_ERR_NOMEM;
				*n = 0;
				return NULL;
			}
			w->a = a;
			w->b = b;
		});
		p->w0 = w0;
		p->nw = L->words.len - w0;
		p->words = 1;
	}
	*n = p->nw;
	return (const wbox *)L->words.data + p->w0;
}

static int crosses(lay *L, size_t pi, float gl, float gr)
{
	size_t n;
	const wbox *w = words_of(L, pi, &n);
	for (size_t i = 0; i < n; i++)
		if (w[i].a < gr && w[i].b > gl)
			return 1;
	return 0;
}

static ties_code emit(lay *L, const size_t *P, size_t n)
{
	if (!n)
		return TIES_OK;
	const wp *W = L->work.data;
	float rx0 = INFINITY, rx1 = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		rx0 = ties__minf(rx0, W[P[i]].x0);
		rx1 = ties__maxf(rx1, W[P[i]].x1);
	}
	for (size_t i = 0; i < n; i++) {
		ties__ppiece *o = ties__vec_push(L->out);
		if (!o)
			return TIES_ERR_NOMEM;
		const wp *w = &((const wp *)L->work.data)[P[i]];
		o->row = w->row;
		o->g0 = w->g0;
		o->g1 = w->g1;
		o->x0 = w->x0;
		o->x1 = w->x1;
		o->region = L->region;
		o->rx0 = rx0;
		o->rx1 = rx1;
	}
	L->region++;
	return TIES_OK;
}

/* Checks a gutter candidate: text on both sides in several rows, the right
 * side starting at one x. */
static int valid_gutter(lay *L, const size_t *P, size_t n, float gl, float gr, float S)
{
	const wp *W = L->work.data;
	size_t nl = 0, nr = 0, cross = 0, aligned = 0, first_right = n;
	float rmin = INFINITY;
	float mid = (gl + gr) / 2;
	for (size_t i = 0; i < n; i++) {
		const wp *p = &W[P[i]];
		if (crosses(L, P[i], gl, gr)) {
			cross++;
			continue;
		}
		int left = p->x0<mid, right = p->x1> mid;
		nl += left;
		nr += right;
		if (right && first_right == n)
			first_right = i;
		if (right) {
			float fx = INFINITY;
			for (size_t g = p->g0; g < p->g1; g++)
				if (!L->G[g].space && L->G[g].x0 > mid) {
					fx = L->G[g].x0;
					break;
				}
			rmin = ties__minf(rmin, fx);
		}
	}
	/* a right column of one line (a last page's, the notes' end) stands
	 * at the top of a page split in its middle, beside a left column of
	 * several rows that none crosses */
	int middle = L->pw > 0 && fabsf(mid - L->pw / 2) <= 0.03f * L->pw;
	int lone = nr == 1 && first_right == 0 && !cross && nl >= 4 && middle;
	/* so do two rows of two columns (a last page's) */
	int two = n == 2 && !cross && nl == 2 && nr == 2 && middle;
	if (nl < 2 || (nr < 2 && !lone) || (n - cross < 3 && !two) || cross * 2 > n)
		return 0;
	/* rows that cross a gutter come in a few runs (a title, a wide
	 * figure); rows crossing on and off all down the page make a river of
	 * word spaces, not a gutter */
	if (cross) {
		size_t flips = 0, lone = 0, run = 0;
		int prev = -1;
		for (size_t i = 0; i < n; i++) {
			const wp *p = &W[P[i]];
			int c = crosses(L, P[i], gl, gr) && p->x1 >= gr + 0.5f * p->size &&
			        p->x0 <= gl - 0.5f * p->size;
			if (prev >= 0 && c != prev) {
				flips++;
				lone += !c ? 0 : run == 1;
				run = 0;
			}
			run++;
			prev = c;
		}
		if (flips > 4 && flips * 8 > n)
			return 0;
		if (lone > 1)
			return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const wp *p = &W[P[i]];
		if (p->x1 <= mid)
			continue;
		for (size_t g = p->g0; g < p->g1; g++)
			if (!L->G[g].space && L->G[g].x0 > mid) {
				aligned += L->G[g].x0 <= rmin + S;
				break;
			}
	}
	if (!(aligned * 2 >= nr && (nr >= 3 || aligned == nr)))
		return 0;
	/* columns of running text fill most of their width; short cells left
	 * of the strip are a table, read row by row */
	float X0 = INFINITY;
	for (size_t i = 0; i < n; i++)
		X0 = ties__minf(X0, W[P[i]].x0);
	size_t full = 0, left = 0;
	for (size_t i = 0; i < n; i++) {
		const wp *p = &W[P[i]];
		if (p->x0 >= mid || crosses(L, P[i], gl, gr))
			continue;
		float x1 = -INFINITY;
		for (size_t g = p->g0; g < p->g1; g++)
			if (!L->G[g].space && L->G[g].x1 <= mid)
				x1 = ties__maxf(x1, L->G[g].x1);
		left++;
		full += x1 >= gl - 0.3f * (gl - X0);
	}
	return full * 2 >= left;
}

/* Finds the widest valid gutter crossed by the fewest rows. */
static int find_gutter(lay *L, const size_t *P, size_t n, float *gl, float *gr)
{
	const wp *W = L->work.data;
	float X0 = INFINITY, X1 = -INFINITY;
	float *sz = ties__malloc(n * sizeof *sz);
	if (!sz) {
		L->rc = TIES_ERR_NOMEM;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		X0 = ties__minf(X0, W[P[i]].x0);
		X1 = ties__maxf(X1, W[P[i]].x1);
		sz[i] = W[P[i]].size;
	}
	float S = ties__pdf_median(sz, n);
	ties__free(sz);
	if (!(X1 > X0) || S <= 0)
		return 0;
	float scale = 1.0f;
	size_t nb = (size_t)ceilf(X1 - X0) + 2;
	if (nb > MAX_BINS) {
		scale = (float)(MAX_BINS - 2) / (X1 - X0);
		nb = MAX_BINS;
	}
	int *cov = L->cov;
	memset(cov, 0, (nb + 1) * sizeof *cov);
	/* words' spans as differences, then summed: coverage per bin */
	for (size_t i = 0; i < n; i++) {
		size_t nw;
		const wbox *w = words_of(L, P[i], &nw);
		for (size_t k = 0; k < nw; k++) {
			size_t s = (size_t)ties__maxf(0, floorf((w[k].a - X0) * scale));
			size_t e = (size_t)ties__maxf(0, ceilf((w[k].b - X0) * scale));
			if (e >= nb)
				e = nb - 1;
			if (s > e)
				s = e;
			cov[s]++;
			cov[e + 1]--;
		}
	}
	if (L->rc)
		return 0;
	for (size_t q = 1; q < nb; q++)
		cov[q] += cov[q - 1];
	float wmin = 0.8f * S * scale;
	size_t maxT = n / 3;
	/* coverage levels that occur: only those change the strips */
	unsigned char *level = ties__calloc(maxT + 1, 1);
	if (!level) {
		L->rc = TIES_ERR_NOMEM;
		return 0;
	}
	for (size_t q = 1; q + 1 < nb; q++)
		if ((size_t)cov[q] <= maxT)
			level[cov[q]] = 1;
	int found = 0;
	for (size_t T = 0; T <= maxT && !found; T++) {
		if (!level[T])
			continue;
		float best_w = 0, bl = 0, br = 0;
		size_t q = 1;
		while (q + 1 < nb) {
			if ((size_t)cov[q] > T) {
				q++;
				continue;
			}
			size_t s = q;
			while (q + 1 < nb && (size_t)cov[q] <= T)
				q++;
			if (q + 1 >= nb)
				break; /* reaches the right edge: a margin, not a gutter */
			float w = (float)(q - s);
			if (w >= wmin && w > best_w) {
				float a = X0 + (float)s / scale, b = X0 + (float)q / scale;
				/* the strip itself, less the bins the words' rounding took */
				if (valid_gutter(L, P, n, a + 0.5f / scale, b - 0.5f / scale, S)) {
					best_w = w;
					bl = a;
					br = b;
				}
			}
		}
		if (best_w > 0) {
			*gl = bl + 0.5f / scale;
			*gr = br - 0.5f / scale;
			found = 1;
		}
	}
	ties__free(level);
	return found;
}

static ties_code order(lay *L, size_t *P, size_t n, int depth);

/* Splits piece pi at x (glyph centres); appends the new pieces' indices. */
static ties_code split_piece(lay *L, size_t pi, float x, size_t *left, size_t *right)
{
	wp p = ((wp *)L->work.data)[pi];
	size_t cut = p.g0;
	while (cut < p.g1 && (L->G[cut].x0 + L->G[cut].x1) / 2 < x)
		cut++;
	*left = *right = (size_t)-1;
	if (has_ink(L->G, p.g0, cut)) {
		wp *a = ties__vec_push(&L->work);
		if (!a)
			return TIES_ERR_NOMEM;
		*a = p;
		a->words = 0;
		a->g1 = cut;
		extent(L->G, a);
		*left = L->work.len - 1;
	}
	if (has_ink(L->G, cut, p.g1)) {
		wp *b = ties__vec_push(&L->work);
		if (!b)
			return TIES_ERR_NOMEM;
		*b = p;
		b->words = 0;
		b->g0 = cut;
		extent(L->G, b);
		*right = L->work.len - 1;
	}
	return TIES_OK;
}

static ties_code flush_band(lay *L, size_t *left, size_t nl, size_t *right, size_t nr, int depth)
{
	ties_code rc = order(L, left, nl, depth + 1);
	if (!rc)
		rc = order(L, right, nr, depth + 1);
	return rc;
}

static ties_code order(lay *L, size_t *P, size_t n, int depth)
{
	if (!n)
		return TIES_OK;
	float gl, gr;
	/* two or three rows make two columns only as a page's (a last page's
	 * short columns), split near its middle: inside a column, or off
	 * centre, a few rows' word gaps line up by chance */
	if (n < 2 || (n <= 3 && depth > 0) || depth >= MAX_DEPTH || !find_gutter(L, P, n, &gl, &gr))
		return L->rc ? L->rc : emit(L, P, n);
	float mid = (gl + gr) / 2;
	float X0 = INFINITY, X1 = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		X0 = ties__minf(X0, ((wp *)L->work.data)[P[i]].x0);
		X1 = ties__maxf(X1, ((wp *)L->work.data)[P[i]].x1);
	}
	if (n == 3 && ((mid - X0) * 3 < X1 - X0 || (X1 - mid) * 3 < X1 - X0))
		return emit(L, P, n);
	size_t *left = ties__malloc(3 * n * sizeof *left);
	if (!left)
		return TIES_ERR_NOMEM;
	size_t *right = left + n, *span = left + 2 * n;
	size_t nl = 0, nr = 0, ns = 0;
	ties_code rc = TIES_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		const wp *p = &((wp *)L->work.data)[P[i]];
		int spanning = 0;
		if (crosses(L, P[i], gl, gr)) {
			/* a column line that runs into the gutter stays in its column */
			if (p->x1 < gr + 0.5f * p->size)
				spanning = -1;
			else if (p->x0 > gl - 0.5f * p->size)
				spanning = -2;
			else
				spanning = 1;
		}
		if (spanning == 1) {
			if (nl || nr) {
				rc = flush_band(L, left, nl, right, nr, depth);
				nl = nr = 0;
			}
			span[ns++] = P[i];
			continue;
		}
		if (ns) {
			rc = ns < n ? order(L, span, ns, depth + 1) : emit(L, span, ns);
			ns = 0;
			if (rc)
				break;
		}
		if (spanning == -1) {
			left[nl++] = P[i];
		} else if (spanning == -2) {
			right[nr++] = P[i];
		} else {
			size_t a, b;
			rc = split_piece(L, P[i], mid, &a, &b);
			if (a != (size_t)-1)
				left[nl++] = a;
			if (b != (size_t)-1)
				right[nr++] = b;
		}
	}
	if (!rc && ns)
		rc = ns < n ? order(L, span, ns, depth + 1) : emit(L, span, ns);
	if (!rc && (nl || nr))
		rc = flush_band(L, left, nl, right, nr, depth);
	ties__free(left);
	return rc;
}

/* A row of one to four digits and nothing else: a page number. */
static int number_row(const ties__pglyph *G, const ties__prow *r)
{
	size_t digits = 0;
	for (size_t g = r->g0; g < r->g0 + r->ng; g++) {
		if (G[g].space)
			continue;
		if (G[g].c < '0' || G[g].c > '9')
			return 0;
		digits++;
	}
	return digits >= 1 && digits <= 4;
}

/* Where row r's text goes on right of the page's middle after a gap (the
 * x of the first glyph there), or -1. */
static float right_start(const ties__pglyph *G, const ties__prow *r, float mid)
{
	float end = -INFINITY;
	for (size_t g = r->g0; g < r->g0 + r->ng; g++) {
		if (G[g].space)
			continue;
		if (G[g].x0 > mid && G[g].x0 - end >= 0.8f * G[g].size)
			return G[g].x0;
		end = G[g].x1;
	}
	return -1;
}

/* Row r holds the first (or last) lines of two columns, not a running
 * header (or footer) in two parts: its part right of the middle starts
 * where lines of the right column start in two of the six rows below it
 * (or above it), as a header's right-aligned part does not. */
static int column_row(const ties__pglyph *G, const ties__prow *rows, size_t nrows, size_t r,
                      float w)
{
	float x = right_start(G, &rows[r], w / 2);
	if (x < 0)
		return 0;
	size_t same = 0;
	for (size_t k = 1; k <= 6; k++) {
		if (r + k < nrows)
			same += fabsf(right_start(G, &rows[r + k], w / 2) - x) <= 1;
		if (r >= k)
			same += fabsf(right_start(G, &rows[r - k], w / 2) - x) <= 1;
	}
	return same >= 2;
}

/* The white space an edge row must leave from the body: a wide row the
 * body's row spacing (gap) and half a line more, a narrow one (a short
 * header) half a line; a page number none beyond a clear gap, as a word
 * processor may set it close under the columns in smaller type. */
static float edge_space(const ties__pglyph *G, const ties__prow *r, float w, float gap)
{
	if (number_row(G, r))
		return 0.1f * r->size;
	return (w > 0 && (r->x1 - r->x0) * 3 > w ? gap : 0) + 0.5f * r->size;
}

ties_code ties__pdf_layout(const ties__ppage *pg, const ties__prow *rows, size_t nrows,
                           ties_vec *pieces)
{
	pieces->len = 0;
	if (!nrows)
		return TIES_OK;
	const ties__pglyph *G = pg->glyphs.data;
	/* rows set apart at the edges: at most two at each end, in the outer
	 * eighth of the page, with white space of half a line between them
	 * and the body; a row wider than a third of the page, which may be
	 * the first or last lines of two columns side by side, half a line
	 * more than the body's lines leave between them (widely spaced lines
	 * are no more apart at a page's top than below it) */
	size_t top = 0, bottom = nrows;
	float *sz = ties__malloc(nrows * sizeof *sz);
	if (!sz)
		return TIES_ERR_NOMEM;
	for (size_t r = 0; r < nrows; r++)
		sz[r] = rows[r].size;
	/* edge rows are not set in larger type than the page's text */
	float big = 1.1f * ties__pdf_median(sz, nrows);
	/* the body's spacing: the median gap from a row to its column's next
	 * line, the next row below (among the next 4) that shares its x
	 * range; two columns' rows at other heights stand close in page order */
	size_t ng = 0;
	for (size_t r = 0; r + 1 < nrows; r++)
		for (size_t q = r + 1; q < nrows && q <= r + 4; q++)
			if (rows[q].x0 < rows[r].x1 && rows[r].x0 < rows[q].x1 &&
			    rows[q].y0 >= rows[r].y0) {
				sz[ng++] = rows[q].y0 - rows[r].y1;
				break;
			}
	float gap = ng ? ties__pdf_median(sz, ng) : 0;
	ties__free(sz);
	if (gap < 0)
		gap = 0;
	if (pg->h > 0) {
		while (top < 2 && top + 1 < nrows && rows[top].y1 < pg->h / 8 &&
		       rows[top].size <= big && !column_row(G, rows, nrows, top, pg->w) &&
		       rows[top + 1].y0 - rows[top].y1 >= edge_space(G, &rows[top], pg->w, gap))
			top++;
		while (nrows - bottom < 2 && bottom - 1 > top &&
		       rows[bottom - 1].y0 > pg->h * 7 / 8 && rows[bottom - 1].size <= big &&
		       !column_row(G, rows, nrows, bottom - 1, pg->w) &&
		       rows[bottom - 1].y0 - rows[bottom - 2].y1 >=
		           edge_space(G, &rows[bottom - 1], pg->w, gap))
			bottom--;
	}
	lay L = {0};
	L.G = G;
	L.pw = pg->w;
	L.out = pieces;
	ties__vec_init(&L.work, sizeof(wp));
	ties__vec_init(&L.words, sizeof(wbox));
	L.cov = ties__malloc((MAX_BINS + 1) * sizeof *L.cov);
	size_t *P = ties__malloc(nrows * sizeof *P);
	ties_code rc = L.cov && P ? TIES_OK : TIES_ERR_NOMEM;
	for (size_t r = 0; r < nrows && !rc; r++) {
		wp *w = ties__vec_push(&L.work);
		if (!w) {
			rc = TIES_ERR_NOMEM;
			break;
		}
		w->row = r;
		w->g0 = rows[r].g0;
		w->g1 = rows[r].g0 + rows[r].ng;
		w->base = rows[r].base;
		w->size = rows[r].size;
		/* the row's ink extent, as extent() makes it */
		w->x0 = rows[r].x0;
		w->x1 = rows[r].x1;
		P[r] = r;
	}
	/* edge rows, each its own region, tops first */
	for (size_t r = 0; r < top && !rc; r++) {
		size_t before = pieces->len;
		rc = emit(&L, &P[r], 1);
		if (!rc)
			TIES_VEC_AT(pieces, ties__ppiece, before).edge = TIES__EDGE_TOP;
	}
	if (!rc)
		rc = order(&L, P + top, bottom - top, 0);
	for (size_t r = bottom; r < nrows && !rc; r++) {
		size_t before = pieces->len;
		rc = emit(&L, &P[r], 1);
		if (!rc)
			TIES_VEC_AT(pieces, ties__ppiece, before).edge = TIES__EDGE_BOTTOM;
	}
	if (!rc)
		rc = L.rc;
	ties__vec_release(&L.work);
	ties__vec_release(&L.words);
	ties__free(L.cov);
	ties__free(P);
	return rc;
}
