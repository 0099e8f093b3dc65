/* Side-by-side columns: text laid out as on the page (pdftotext -layout),
 * each line a row of both columns with a run of blanks between them.  A
 * page whose right column's text starts at one position on many rows, with
 * prose on both sides of the gutter before it, is rewritten as its left
 * column's lines, then its right column's; a line across the gutter (a
 * title, a footer) ends such a band and stays where it is.  The rest of the
 * reader then sees ordinary text, one column after the other. */
#include <string.h>

#include "repair.h"

/* Positions past this are not looked at: such a line spans the page. */
#define GUT_COLS 400
/* Rows a page needs where the right column's text starts at one position;
 * the share of its lines (in tenths) each column must hold, at least (a
 * last page's right column may end high). */
#define GUT_MIN_ROWS 8
#define GUT_MIN_SHARE 3
#define GUT_MIN_RIGHT 2
/* Lines across the gutter, at most, in tenths of a page's lines: a title
 * block, a running header, a footer. */
#define GUT_MAX_CROSS 2
/* A line of the left column that opens this far in is centred. */
#define GUT_CENTRED 8
/* A line that opens this far in opens in the right column. */
#define GUT_MIN_INDENT 16
/* Words on each side of the gutter, on average over those rows: prose,
 * not the cells of a table. */
#define GUT_MIN_WORDS 4
/* A page of more lines is none an extractor laid out: it is left as it is
 * (this bounds the memory a page takes). */
#define GUT_MAX_LINES 1000

/* One input line: its bytes, and the byte offset of each position. */
typedef struct gline {
	const char *s;
	size_t n;
	unsigned lineno;
	size_t cols;        /* positions (code points), at most GUT_COLS */
	size_t first, last; /* first and last non-blank position; -1 if none */
	int wide;           /* longer than GUT_COLS */
	size_t off[GUT_COLS + 1];
} gline;

/* Reads line s[0..n) into g. */
static void gline_read(gline *g, const char *s, size_t n, unsigned lineno)
{
	g->s = s;
	g->n = n;
	g->lineno = lineno;
	g->cols = 0;
	g->wide = 0;
	g->first = g->last = (size_t)-1;
	size_t i = 0;
	while (i < n) {
		if (g->cols == GUT_COLS) {
			g->wide = 1;
			break;
		}
		g->off[g->cols] = i;
		int32_t cp;
		size_t k = ties__utf8_decode(s + i, n - i, &cp);
		if (s[i] != ' ') {
			if (g->first == (size_t)-1)
				g->first = g->cols;
			g->last = g->cols;
		}
		i += k ? k : 1;
		g->cols++;
	}
	g->off[g->cols] = i;
}

static int blank_at(const gline *g, size_t c)
{
	return c >= g->cols || g->s[g->off[c]] == ' ';
}

/* The blank run around position c of g, [*a, *b); 0 if c is no blank. */
static int run_at(const gline *g, size_t c, size_t *a, size_t *b)
{
	if (!blank_at(g, c))
		return 0;
	if (c >= g->cols) { /* past the line's end */
		*a = g->first == (size_t)-1 ? 0 : g->last + 1;
		*b = c;
		return 1;
	}
	size_t x = c, y = c;
	while (x > 0 && blank_at(g, x - 1))
		x--;
	while (y < g->cols && blank_at(g, y))
		y++;
	*a = x;
	*b = y;
	return 1;
}

static size_t words(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	return w;
}

/* Where a line stands against gutter g: 0 blank, 1 left only, 2 right
 * only, 3 both sides, 4 across it. */
static int side(const gline *g, size_t c, size_t *a, size_t *b)
{
	if (g->first == (size_t)-1)
		return 0;
	if (g->wide)
		return 4;
	if (!run_at(g, c, a, b))
		return 4;
	if (*a <= g->first)
		return 2;
	if (*b >= g->cols)
		return 1;
	return *b - *a >= 2 ? 3 : 4;
}

/* The gutter of lines G[0..n), or 0 where they are no side-by-side page.
 * The right column's text starts at one position on every row that holds
 * it (after a run of blanks: its left edge), whether or not the left
 * column shares that row; the gutter is the position before it. */
static size_t find_gutter(const gline *G, size_t n, unsigned *start, unsigned *cross)
{
	memset(start, 0, sizeof(unsigned) * (GUT_COLS + 1));
	memset(cross, 0, sizeof(unsigned) * (GUT_COLS + 1));
	size_t lines = 0;
	for (size_t i = 0; i < n; i++) {
		const gline *g = &G[i];
		if (g->first == (size_t)-1)
			continue;
		lines++;
		if (g->wide)
			continue;
		for (size_t c = g->first; c <= g->last && c < g->cols; c++) {
			if (!blank_at(g, c)) {
				cross[c]++;
				continue;
			}
			size_t a, b;
			run_at(g, c, &a, &b);
			if (b - a >= 3)
				start[b]++;
			c = b - 1;
		}
		if (g->first >= GUT_MIN_INDENT)
			start[g->first]++;
	}
	size_t best = 0;
	unsigned bv = 0;
	for (size_t r = GUT_MIN_INDENT; r + 8 < GUT_COLS; r++) {
		unsigned v = start[r] + start[r - 1] + start[r + 1];
		if (v > bv) {
			bv = v;
			best = r;
		}
	}
	/* the right edge may stand a position off on some rows: it is where
	 * most of them start */
	if (best && start[best - 1] > start[best])
		best--;
	else if (best && start[best + 1] > start[best])
		best++;
	size_t c = best ? best - 2 : 0;
	if (!best || bv < GUT_MIN_ROWS || bv * 10 < lines * GUT_MIN_RIGHT ||
	    (cross[c] > cross[c + 1] ? cross[c] : cross[c + 1]) * 10 > lines * GUT_MAX_CROSS)
		return 0;
	/* prose on both sides, and the left column filled */
	size_t rows = 0, wl = 0, wr = 0, left = 0;
	for (size_t i = 0; i < n; i++) {
		size_t a, b;
		int sd = side(&G[i], c, &a, &b);
		left += sd == 1 || sd == 3;
		if (sd != 3)
			continue;
		rows++;
		wl += words(G[i].s, G[i].off[a]);
		wr += words(G[i].s + G[i].off[b], G[i].n - G[i].off[b]);
	}
	if (rows < 2 || wl < rows * GUT_MIN_WORDS || wr < rows * GUT_MIN_WORDS ||
	    left * 10 < lines * GUT_MIN_SHARE)
		return 0;
	return c;
}

/* Appends s[0..n) trimmed, a newline, and its input line to the map. */
static ties_code put(ties_buf *out, ties_vec *map, const char *s, size_t n, unsigned lineno)
{
	while (n && s[0] == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	unsigned *m = ties__vec_push(map);
	if (!m)
		return TIES_ERR_NOMEM;
	*m = lineno;
	ties_code rc = ties_buf_add(out, s, n);
	return rc ? rc : ties_buf_addc(out, '\n');
}

/* A column's stream ended by a paragraph: its last line ends a sentence
 * short of the column's width. */
static int ends_paragraph(const char *s, size_t n, size_t width)
{
	while (n && s[n - 1] == ' ')
		n--;
	return ties__ends_sentence(s, n) && n * 10 < width * 8;
}

/* Column k's part of row g (0 left, 1 right, 2 the foot's whole line) for
 * gutter c, or NULL where it has none. */
static const char *part(const gline *g, size_t c, int k, size_t *len)
{
	size_t a = 0, b = 0;
	int sd = side(g, c, &a, &b);
	if (k != 1 && (sd == 1 || sd == 3)) {
		*len = sd == 1 ? g->n : g->off[a];
		return g->s;
	}
	if (k == 1 && (sd == 2 || sd == 3)) {
		*len = g->n - g->off[b];
		return g->s + g->off[b];
	}
	return NULL;
}

/* One band of rows G[0..n) with gutter c: the left parts, then the right,
 * then the band's foot (a page number or a footer under both columns: the
 * rows after the right column's last, below a blank row).  A row that a
 * column leaves empty tells nothing where the columns' lines do not share
 * rows, so a paragraph ends at a blank row or where its last line shows
 * it: a sentence's end short of the column's width. */
static ties_code band(const gline *G, size_t n, size_t c, ties_buf *out, ties_vec *map)
{
	ties_code rc = TIES_OK;
	size_t foot = n, right = n, width[2] = {0, 0};
	for (size_t i = 0; i < n; i++) {
		size_t a, b, len;
		int sd = side(&G[i], c, &a, &b);
		if (sd == 2 || sd == 3)
			right = i;
		for (int k = 0; k < 2; k++)
			if (part(&G[i], c, k, &len) && len > width[k])
				width[k] = len;
	}
	for (size_t i = right + 1; right < n && i < n && foot == n; i++) {
		size_t a, b;
		if (side(&G[i], c, &a, &b) == 1 && side(&G[i - 1], c, &a, &b) == 0)
			foot = i;
	}
	const char *last = NULL;
	size_t lastn = 0;
	int open = 0; /* the column's last line opened a block: a heading */
	for (int k = 0; k < 3 && !rc; k++) {
		size_t from = k == 2 ? foot : 0, to = k == 2 ? n : foot;
		int gap = k == 2; /* at a block's start (the foot goes on) */
		for (size_t i = from; i < to && !rc; i++) {
			size_t len = 0, a, b;
			const char *s = part(&G[i], c, k, &len);
			if (!s) {
				/* a row blank in this column: across the page, or
				 * beside a row holding both columns (where rows are
				 * shared, the other column's line stands in its gap;
				 * where they are not, each row holds one column) */
				int wide = G[i].first == (size_t)-1;
				if (!wide && k < 2)
					wide = (i > from && side(&G[i - 1], c, &a, &b) == 3) ||
					       (i + 1 < to && side(&G[i + 1], c, &a, &b) == 3);
				/* written only before more text of this column:
				 * the page's foot may go on in the next one */
				if (wide && !gap)
					gap = 2;
				continue;
			}
			size_t w = width[k == 2 ? 0 : k];
			if (gap == 2 ||
			    (!gap && last && (ends_paragraph(last, lastn, w) || open))) {
				rc = put(out, map, "", 0, G[i].lineno);
				gap = 1;
			}
			/* a short line after a block's end, opening with a
			 * capital and ending no sentence or clause: a heading */
			open = gap && len * 10 < w * 6 && ties__starts_upper(s, len) &&
			       !ties__ends_block(s, len) && s[len - 1] != ',' && s[len - 1] != '-';
			last = s;
			lastn = len;
			gap = 0;
			if (!rc)
				rc = put(out, map, s, len, G[i].lineno);
		}
		/* the next column goes on from this one's last line */
	}
	return rc;
}

/* Row j of a page stands in place, out of the bands: it runs across gutter
 * c, or, above the right column's first line (top), it is set in from the
 * left margin, centred title matter. */
static int in_place(const gline *G, size_t j, size_t c, size_t top)
{
	size_t a, b;
	int sd = side(&G[j], c, &a, &b);
	return sd == 4 || (j < top && sd == 1 && G[j].first >= GUT_CENTRED);
}

/* Rewrites page lines G[0..n) (gutter c) into out: bands of side-by-side
 * rows column by column, lines across the gutter in place. */
static ties_code page(const gline *G, size_t n, size_t c, ties_buf *out, ties_vec *map)
{
	ties_code rc = TIES_OK;
	size_t i = 0, a, b, top = 0;
	/* above the right column's first line, a line set in from the left
	 * margin is centred: title matter across both columns (a page of one
	 * column has none) */
	while (c < GUT_COLS - 1 && top < n && side(&G[top], c, &a, &b) != 2 &&
	       side(&G[top], c, &a, &b) != 3)
		top++;
	ties_buf title;
	ties_buf_init(&title, 0);
	while (i < n && !rc) {
		if (in_place(G, i, c, top)) {
			/* above the columns, a title's line that goes on in
			 * lowercase on the next makes one line with it (an
			 * author's or a date's line stands apart) */
			size_t j = i;
			ties_buf_clear(&title);
			do {
				const gline *g = &G[j++];
				if (title.len)
					rc = ties_buf_addc(&title, ' ');
				if (!rc)
					rc = ties_buf_add(&title, g->s + g->off[g->first],
					                  g->n - g->off[g->first]);
			} while (!rc && i < top && j < top && G[j].first != (size_t)-1 &&
			         ties__starts_lower(G[j].s + G[j].off[G[j].first],
			                            G[j].n - G[j].off[G[j].first]) &&
			         in_place(G, j, c, top));
			if (!rc)
				rc = put(out, map, title.data ? title.data : "", title.len,
				         G[i].lineno);
			i = j;
			continue;
		}
		/* a line across both columns (a title) stands apart from them */
		if (i > 0)
			rc = put(out, map, "", 0, G[i].lineno);
		size_t j = i;
		while (j < n && !in_place(G, j, c, top))
			j++;
		rc = band(G + i, j - i, c, out, map);
		i = j;
	}
	ties_buf_release(&title);
	return rc;
}

ties_code ties__split_gutter(const char *data, size_t len, ties_buf *out, ties_vec *map)
{
	ties_vec lines;
	ties__vec_init(&lines, sizeof(gline));
	unsigned *counts = ties__calloc(2 * (GUT_COLS + 1), sizeof *counts);
	ties_code rc = counts ? TIES_OK : TIES_ERR_NOMEM;
	int found = 0;
	size_t i = 0;
	unsigned lineno = 0;
	/* page by page: a form feed ends one */
	while (!rc && i <= len) {
		size_t e = i;
		while (e < len && data[e] != '\f')
			e++;
		lines.len = 0;
		size_t p = i, count = 0;
		for (size_t k = i; k < e && count <= GUT_MAX_LINES; k++)
			count += data[k] == '\n';
		int big = count > GUT_MAX_LINES; /* too long for a page: copied */
		while (!rc && p < e) {
			size_t q = p;
			while (q < e && data[q] != '\n')
				q++;
			size_t t = q;
			while (t > p &&
			       (data[t - 1] == '\r' || data[t - 1] == ' ' || data[t - 1] == '\t'))
				t--;
			gline *g = big ? NULL : ties__vec_push(&lines);
			if (big)
				rc = put(out, map, data + p, t - p, ++lineno);
			else if (!g)
				rc = TIES_ERR_NOMEM;
			else
				gline_read(g, data + p, t - p, ++lineno);
			p = q + 1;
		}
		if (!rc && !big) {
			const gline *G = lines.data;
			size_t n = lines.len, c = find_gutter(G, n, counts, counts + GUT_COLS + 1);
			/* a page of one column: its lines in one band, whose
			 * paragraphs and headings are marked alike */
			found |= c > 0;
			rc = page(G, n, c ? c : GUT_COLS - 1, out, map);
		}
		if (!rc && e < len)
			rc = ties_buf_addc(out, '\f');
		/* a form feed inside a line: the next page opens on that line */
		if (e < len && e > i && data[e - 1] != '\n')
			lineno--;
		i = e + 1;
	}
	if (!rc && !found) {
		ties_buf_clear(out);
		map->len = 0;
	}
	ties__free(counts);
	ties__vec_release(&lines);
	return rc;
}

/* ---- side by side without form feeds ----
 * pdftotext -layout -nopgbrk: the same rows, but nothing ends a page, and
 * each page sets its gutter where its own text puts it (a few positions
 * apart from page to page, or the same).  No page can be rewritten column
 * by column without knowing where it ends, so each row is cut at its
 * gutter into its left part and its right part, each on a line of its own
 * between blank lines: the text then reads as an extractor's that
 * alternates the columns line by line, which the column merge takes
 * apart, pages and all.  The gutters are found for all lines at once, as
 * a path through the positions that changes seldom (one per page at
 * most): a line speaks for a position where its right column's text
 * starts there (a position off either way counts), against it where its
 * text runs over the two positions before it; each change of position
 * costs ROWS_CHANGE.  Texts of more than ROWS_MAX lines are left as they
 * are (the path keeps a bit per line and position, up to the widest
 * line's). */
#define ROWS_CHANGE 4
#define ROWS_MAX 200000
#define ROWS_STATES (GUT_COLS + 1) /* 0: no gutter */
/* Rows that hold both columns, at least: where the columns' lines stand
 * at other heights, the extractor gives each its own row, and most rows
 * hold one column (the right one's set in at the gutter). */
#define ROWS_MIN_BOTH 3

typedef struct rline {
	size_t off, n;              /* the line in data, trailing blanks left out */
	unsigned short first, last; /* non-blank positions; first > last: blank */
	unsigned short cut;         /* where the right part starts; 0: not cut */
	size_t split;               /* its byte offset, where a left part precedes */
} rline;

/* Line g's evidence for each gutter position: +1 where its right
 * column's text starts one position off at most, -1 where its text runs
 * over the two positions before, 0 elsewhere; start[c] receives the
 * position of the start that speaks for c. */
static void rows_fit(const gline *g, signed char *fit, unsigned short *start)
{
	memset(fit, 0, ROWS_STATES);
	if (g->first == (size_t)-1 || g->wide)
		return;
	for (size_t c = GUT_MIN_INDENT; c < GUT_COLS; c++)
		if (!blank_at(g, c - 1) || !blank_at(g, c - 2))
			fit[c] = -1;
	for (size_t b = g->first; b <= g->last; b++) {
		if (blank_at(g, b) || b < GUT_MIN_INDENT)
			continue;
		/* a start: the line's first text set in, or text after a run
		 * of 3 blanks */
		if (b != g->first &&
		    !(blank_at(g, b - 1) && blank_at(g, b - 2) && blank_at(g, b - 3)))
			continue;
		for (size_t c = b - 1; c <= b + 1 && c < GUT_COLS; c++) {
			fit[c] = 1;
			start[c] = (unsigned short)b;
		}
	}
}

/* A run of 3 blanks or more before a word at position GUT_MIN_INDENT or
 * beyond (bytes counted: a quick test). */
static int rows_inner_run(const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ') {
			run++;
			continue;
		}
		if (run >= 3 && i >= GUT_MIN_INDENT)
			return 1;
		run = 0;
	}
	return 0;
}

ties_code ties__split_rows(const char *data, size_t len, ties_buf *out, ties_vec *map)
{
	/* most texts have no row with a gap inside: nothing to look for */
	size_t runs = 0;
	for (size_t p = 0; p < len && runs < GUT_MIN_ROWS;) {
		size_t q = p;
		while (q < len && data[q] != '\n')
			q++;
		runs += rows_inner_run(data + p, q - p);
		p = q + 1;
	}
	if (runs < GUT_MIN_ROWS)
		return TIES_OK;
	ties_vec lines;
	ties__vec_init(&lines, sizeof(rline));
	ties_code rc = TIES_OK;
	size_t states = GUT_MIN_INDENT + 2; /* positions up to the widest line's */
	for (size_t p = 0; !rc && p < len;) {
		size_t q = p;
		while (q < len && data[q] != '\n')
			q++;
		size_t t = q;
		while (t > p && (data[t - 1] == '\r' || data[t - 1] == ' ' || data[t - 1] == '\t'))
			t--;
		rline *r = lines.len < ROWS_MAX ? ties__vec_push(&lines) : NULL;
		if (!r) {
			rc = lines.len < ROWS_MAX ? TIES_ERR_NOMEM : TIES_OK;
			lines.len = 0; /* too long: left as it is */
			break;
		}
		r->off = p;
		r->n = t - p;
		if (t - p + 2 > states) /* bytes: no fewer than positions */
			states = t - p + 2 < ROWS_STATES ? t - p + 2 : ROWS_STATES;
		p = q + 1;
	}
	rline *R = lines.data;
	size_t n = lines.len;
	gline *g = ties__malloc(sizeof *g); /* the line at hand, read again */
	double *score = ties__calloc(2 * ROWS_STATES, sizeof *score);
	double *next = score ? score + ROWS_STATES : NULL;
	signed char *fit = ties__calloc(ROWS_STATES, 1);
	unsigned short *start = ties__calloc(ROWS_STATES, sizeof *start);
	/* per line: whether each position's path came from the best of the
	 * line before (a change) and which that was */
	size_t bstride = states / 8 + 1;
	unsigned char *moved = ties__calloc(n ? n : 1, bstride);
	unsigned short *from = ties__calloc(n ? n : 1, sizeof *from);
	if (!rc && (!g || !score || !fit || !start || !moved || !from))
		rc = TIES_ERR_NOMEM;
	for (size_t i = 0; !rc && i < n; i++) {
		gline_read(g, data + R[i].off, R[i].n, (unsigned)i + 1);
		R[i].first = g->first == (size_t)-1 ? 1 : (unsigned short)g->first;
		R[i].last = g->first == (size_t)-1 ? 0 : (unsigned short)g->last;
		rows_fit(g, fit, start);
		size_t bp = 0;
		for (size_t c = 1; c < states; c++)
			if (score[c] > score[bp])
				bp = c;
		from[i] = (unsigned short)bp;
		for (size_t c = 0; c < states; c++) {
			double stay = score[c], go = score[bp] - ROWS_CHANGE;
			int mv = i > 0 && go > stay;
			next[c] = (mv ? go : stay) + (c ? fit[c] : 0);
			if (mv)
				moved[i * bstride + c / 8] |= (unsigned char)(1u << (c % 8));
		}
		memcpy(score, next, states * sizeof *score);
	}
	/* the path back from the best last position; each line is cut where
	 * its own right column starts, within a position of its gutter */
	size_t c = 0;
	for (size_t x = 1; !rc && n && x < states; x++)
		if (score[x] > score[c])
			c = x;
	for (size_t i = n; !rc && i-- > 0;) {
		gline_read(g, data + R[i].off, R[i].n, (unsigned)i + 1);
		rows_fit(g, fit, start);
		R[i].cut = c && fit[c] == 1 ? start[c] : 0;
		R[i].split = R[i].cut > R[i].first ? g->off[R[i].cut] : 0;
		if (moved[i * bstride + c / 8] & (1u << (c % 8)))
			c = from[i];
	}
	/* side by side: rows cut at the gutter, a few of them holding both
	 * columns, prose on each side */
	size_t nonblank = 0, cut = 0, both = 0, wl = 0, wr = 0, wo = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		const rline *r = &R[i];
		if (r->first > r->last)
			continue;
		nonblank++;
		cut += r->cut > 0;
		if (r->cut && r->cut == r->first)
			wo += words(data + r->off, r->n);
		if (r->split) {
			both++;
			wl += words(data + r->off, r->split);
			wr += words(data + r->off + r->split, r->n - r->split);
		}
	}
	int side_by_side = !rc && cut >= GUT_MIN_ROWS && both >= ROWS_MIN_BOTH &&
	                   cut * 10 >= nonblank * GUT_MIN_SHARE && wl >= both * GUT_MIN_WORDS &&
	                   wr + wo >= cut * GUT_MIN_WORDS;
	for (size_t i = 0; side_by_side && !rc && i < n; i++) {
		const rline *r = &R[i];
		const char *s = data + r->off;
		if (r->first > r->last)
			continue;
		size_t b = r->split;
		if (b)
			rc = put(out, map, s, b, (unsigned)i + 1);
		if (!rc)
			rc = put(out, map, "", 0, (unsigned)i + 1);
		if (!rc)
			rc = put(out, map, s + b, r->n - b, (unsigned)i + 1);
		if (!rc)
			rc = put(out, map, "", 0, (unsigned)i + 1);
	}
	if (rc || !side_by_side) {
		ties_buf_clear(out);
		map->len = 0;
	}
	ties__free(g);
	ties__free(score);
	ties__free(fit);
	ties__free(start);
	ties__free(moved);
	ties__free(from);
	ties__vec_release(&lines);
	return rc;
}
