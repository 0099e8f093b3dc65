/* PDF reader: pages -> lines in reading order (pdf-load, pdf-rows,
 * pdf-layout, pdf-text) -> running headers, footers and page numbers
 * dropped -> paragraphs (joined across columns and pages), headings and
 * the notes section -> blocks for the builder. */
#include <ctype.h>
#ifdef TIES_PDF_DEBUG
#include <stdio.h>
#endif
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf_int.h"

/* The document's text may not grow past this (compressed PDFs can hold far
 * more text than their size suggests). */
#define MAX_TEXT ((size_t)256 << 20)

typedef struct pline {
	unsigned page, region, edge, rowno;
	float x0, x1, rx0, rx1, base, size;
	size_t t0, tlen; /* in the text buffer */
	size_t m0, nm;   /* marks, offsets relative to t0 */
	uint8_t bold, drop;
	unsigned region_lines; /* lines in its region */
	unsigned region_full;  /* of them, lines that reach the region's right edge */
} pline;

typedef struct reader {
	const char *name;
	ties_buf text;
	ties_vec lines; /* of pline */
	ties_vec marks; /* of ties__mark */
	unsigned pages;
	int columns;
} reader;

/* ---- pages into lines ---------------------------------------------------- */

static ties_code add_page(reader *R, const ties__ppage *pg, const ties_vec *rows,
                          const ties_vec *pieces, unsigned region_base)
{
	const ties__pglyph *G = pg->glyphs.data;
	const ties__ppiece *P = pieces->data;
	size_t last_row = (size_t)-1;
	(void)rows;
	for (size_t i = 0; i < pieces->len; i++) {
		const ties__ppiece *p = &P[i];
		size_t t0 = R->text.len, m0 = R->marks.len;
		ties_code rc = ties__pdf_spell(G, p->g0, p->g1, 1, &R->text, &R->marks);
		if (rc)
			return rc;
		if (R->text.len == t0)
			continue;
		for (size_t k = m0; k < R->marks.len; k++)
			TIES_VEC_AT(&R->marks, ties__mark, k).off -= t0;
		pline *l = ties__vec_push(&R->lines);
		if (!l)
			return TIES_ERR_NOMEM;
		size_t bold = 0, ink = 0;
		float size = 0;
		for (size_t g = p->g0; g < p->g1; g++) {
			if (G[g].space || G[g].sup)
				continue;
			ink++;
			bold += G[g].bold;
			size = fmaxf(size, G[g].size);
		}
		const ties__prow *row = &TIES_VEC_AT(rows, ties__prow, p->row);
		l->page = pg->number;
		l->region = region_base + p->region;
		l->edge = p->edge;
		l->rowno = (unsigned)p->row + 1;
		l->x0 = p->x0;
		l->x1 = p->x1;
		l->rx0 = p->rx0;
		l->rx1 = p->rx1;
		l->base = row->base;
		l->size = row->size;
		l->t0 = t0;
		l->tlen = R->text.len - t0;
		l->m0 = m0;
		l->nm = R->marks.len - m0;
		l->bold = ink && bold * 2 > ink;
		if (p->row == last_row)
			R->columns = 1;
		last_row = p->row;
	}
	return TIES_OK;
}

/* ---- running headers, footers, page numbers ----------------------------- */

static int is_roman(const char *s, size_t n)
{
	if (!n || n > 6)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("ivxlc", s[i]))
			return 0;
	return 1;
}

/* "12", "- 12 -", "Page 12", "12 of 30", "xii" */
static int is_page_number(const char *s, size_t n)
{
	char w[64];
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '-' || c == '|' || c == '/' || c == 0xE2 || c == 0x80 ||
		    c == 0x93 || c == 0x94)
			continue;
		if (m + 1 >= sizeof w)
			return 0;
		w[m++] = (char)tolower(c);
	}
	w[m] = '\0';
	char *p = w;
	if (!strncmp(p, "page", 4))
		p += 4;
	size_t d = strspn(p, "0123456789");
	if (d && d <= 5) {
		p += d;
		if (!*p)
			return 1;
		if (!strncmp(p, "of", 2) && p[2] && strspn(p + 2, "0123456789") == strlen(p + 2))
			return 1;
		return strspn(p, "0123456789") == strlen(p);
	}
	return is_roman(p, strlen(p));
}

/* Letters of a line, lowercased, without digits: the same on every page
 * for a running header. */
static size_t signature(const char *s, size_t n, char *out, size_t cap)
{
	size_t m = 0;
	for (size_t i = 0; i < n && m + 1 < cap; i++)
		if (isalpha((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80))
			out[m++] = (char)tolower((unsigned char)s[i]);
	out[m] = '\0';
	return m;
}

static ties_code drop_edges(reader *R, ties__blocks *bl)
{
	pline *L = R->lines.data;
	size_t n = R->lines.len;
	char a[128], b[128];
	for (size_t i = 0; i < n; i++) {
		if (!L[i].edge)
			continue;
		const char *t = R->text.data + L[i].t0;
		const char *kind = NULL;
		if (is_page_number(t, L[i].tlen)) {
			kind = "page-number";
		} else if (signature(t, L[i].tlen, a, sizeof a) >= 2) {
			/* the same letters at an edge of another page */
			unsigned pages = 1, lastp = L[i].page;
			for (size_t j = 0; j < n; j++) {
				if (j == i || !L[j].edge || L[j].page == lastp || L[j].page == L[i].page)
					continue;
				signature(R->text.data + L[j].t0, L[j].tlen, b, sizeof b);
				if (!strcmp(a, b)) {
					pages++;
					lastp = L[j].page;
				}
			}
			if (pages >= 2 && pages * 4 >= R->pages)
				kind = L[i].edge == TIES__EDGE_TOP ? "running-header" : "running-footer";
		}
		if (!kind)
			continue;
		L[i].drop = 1;
		ties_code rc =
			ties__blocks_artifact(bl, kind, L[i].rowno, L[i].page, t, L[i].tlen);
		if (rc)
			return rc;
	}
	return TIES_OK;
}

/* ---- paragraphs ---------------------------------------------------------- */

typedef struct stats {
	float size;  /* body text size */
	float pitch; /* body baseline distance */
} stats;

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

/* The body size is the one most characters are set in. */
static ties_code body_stats(const reader *R, stats *st)
{
	const pline *L = R->lines.data;
	size_t n = R->lines.len;
	float *v = ties__malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return TIES_ERR_NOMEM;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!L[i].drop)
			v[m++] = roundf(L[i].size * 4) / 4;
	qsort(v, m, sizeof *v, cmp_float);
	float best = 10;
	size_t bestw = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i, w = 0;
		while (j < m && v[j] == v[i])
			j++;
		for (size_t k = 0; k < n; k++)
			if (!L[k].drop && roundf(L[k].size * 4) / 4 == v[i])
				w += L[k].tlen;
		if (w > bestw) {
			bestw = w;
			best = v[i];
		}
		i = j;
	}
	st->size = best;
	m = 0;
	for (size_t i = 1; i < n; i++) {
		const pline *a = &L[i - 1], *b = &L[i];
		if (a->drop || b->drop || a->page != b->page || a->region != b->region)
			continue;
		if (fabsf(a->size - best) > 0.1f * best || fabsf(b->size - best) > 0.1f * best)
			continue;
		float d = b->base - a->base;
		if (d > 0.5f * best && d < 4 * best)
			v[m++] = d;
	}
	st->pitch = m ? ties__pdf_median(v, m) : 1.2f * best;
	ties__free(v);
	return TIES_OK;
}

static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'' || s[n - 1] == ']'))
		n--;
	/* closing curly quotes */
	while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	       ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
		n -= 3;
	return n && strchr(".!?:", s[n - 1]);
}

/* "12 ", "12. ", "[12] ": the start of an entry of the notes section. */
static int starts_with_number(const char *s, size_t n)
{
	size_t i = s[0] == '[';
	size_t d = i;
	while (i < n && i - d < 4 && isdigit((unsigned char)s[i]))
		i++;
	if (i == d || i - d > 3)
		return 0;
	if (i < n && strchr(".)]", s[i]))
		i++;
	return i < n && s[i] == ' ';
}

static int is_notes_heading(const char *s, size_t n)
{
	static const char *const words[] = {"notes",      "endnotes", "footnotes",   "references",
	                                    "sources",    "bibliography", "works cited",
	                                    "end notes",  "citations"};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !strncasecmp(s, words[i], n))
			return 1;
	return 0;
}

/* The line runs (nearly) to its column's right edge. */
static int reaches_end(const pline *l, float S)
{
	return l->x1 >= l->rx1 - fmaxf(0.08f * (l->rx1 - l->rx0), S);
}

/* Does line b start a new paragraph after line a? */
static int breaks(const reader *R, const stats *st, const pline *a, const pline *b, int in_notes)
{
	const char *ta = R->text.data + a->t0, *tb = R->text.data + b->t0;
	float S = st->size;
	if (fabsf(a->size - b->size) > 0.1f * fmaxf(a->size, b->size))
		return 1;
	if (in_notes && starts_with_number(tb, b->tlen))
		return 1;
	if (a->page != b->page || a->region != b->region) {
		/* a paragraph continues in the next column or page when its last
		 * line runs to the column's end without closing a sentence */
		int indented = b->x0 > b->rx0 + 0.5f * S;
		if (!reaches_end(a, S) || a->region_full < 2 || ends_sentence(ta, a->tlen) || indented ||
		    a->bold != b->bold || a->edge || b->edge)
			return 1;
		return 0;
	}
	float pitch = st->pitch * b->size / S;
	float gap = b->base - a->base;
	if (gap > pitch + 0.35f * b->size || gap < 0.3f * pitch)
		return 1;
	if (a->bold != b->bold) {
		const pline *bl = a->bold ? a : b;
		if (bl->x1 < bl->rx1 - 2 * S)
			return 1;
	}
	/* a first-line indent */
	if (b->x0 > a->x0 + 0.8f * S && b->x0 < b->rx0 + 6 * S && b->x0 > b->rx0 + 0.8f * S &&
	    a->x0 < a->rx0 + 0.5f * S)
		return 1;
	return 0;
}

/* A short run of larger or bold lines that closes no sentence. */
static int heading_like(const reader *R, const stats *st, const pline *L, size_t i, size_t j,
                        size_t len)
{
	if (j - i > 3 || len > 200)
		return 0;
	const pline *e = &L[j - 1];
	const char *t = R->text.data + e->t0;
	if (e->tlen && t[e->tlen - 1] == '.' && !(L[i].size > 1.15f * st->size))
		return 0;
	int bold = 1, big = 1;
	for (size_t k = i; k < j; k++) {
		bold &= L[k].bold;
		big &= L[k].size > 1.15f * st->size;
	}
	if (big || bold)
		return 1;
	/* a centred line on its own */
	float mid = (L[i].rx0 + L[i].rx1) / 2, lm = (L[i].x0 + L[i].x1) / 2;
	return j - i == 1 && fabsf(mid - lm) < st->size && L[i].x0 > L[i].rx0 + 3 * st->size &&
	       !ends_sentence(t, e->tlen);
}

static ties_code make_blocks(reader *R, ties__blocks *bl, ties__vocab *vocab)
{
	stats st;
	ties_code rc = body_stats(R, &st);
	if (rc)
		return rc;
	pline *L = R->lines.data;
	size_t n = R->lines.len;
	/* lines per region (a region's lines are consecutive) */
	for (size_t i = 0; i < n;) {
		size_t j = i, c = 0, f = 0;
		while (j < n && L[j].region == L[i].region && L[j].page == L[i].page) {
			c += !L[j].drop;
			f += !L[j].drop && reaches_end(&L[j], st.size);
			j++;
		}
		for (size_t k = i; k < j; k++) {
			L[k].region_lines = (unsigned)c;
			L[k].region_full = (unsigned)f;
		}
		i = j;
	}
	/* kept lines, in order */
	size_t *K = ties__malloc((n ? n : 1) * sizeof *K);
	if (!K)
		return TIES_ERR_NOMEM;
	size_t nk = 0;
	for (size_t i = 0; i < n; i++)
		if (!L[i].drop)
			K[nk++] = i;
	ties_buf para;
	ties_buf_init(&para, MAX_TEXT);
	ties_vec marks;
	ties__vec_init(&marks, sizeof(ties__mark));
	int in_notes = 0, have_title = 0;
	float title_size = 0;
	/* the title: the largest type of the first page, above the body size */
	for (size_t i = 0; i < nk; i++) {
		if (L[K[i]].page != L[K[0]].page)
			break;
		if (L[K[i]].size > title_size)
			title_size = L[K[i]].size;
	}
	if (title_size < 1.2f * st.size)
		title_size = 0;
	size_t i = 0;
	while (!rc && i < nk) {
		size_t j = i + 1;
		while (j < nk && !breaks(R, &st, &L[K[j - 1]], &L[K[j]], in_notes))
			j++;
		ties_buf_clear(&para);
		marks.len = 0;
		for (size_t k = i; k < j && !rc; k++) {
			const pline *l = &L[K[k]];
			ties__line two[2] = {{.text = "", .len = 0},
			                     {.text = R->text.data + l->t0, .len = l->tlen}};
			rc = ties__join_lines(&para, two, 2, vocab);
			if (rc)
				break;
			size_t start = para.len - l->tlen;
			for (size_t m = 0; m < l->nm; m++) {
				ties__mark *d = ties__vec_push(&marks);
				if (!d) {
					rc = TIES_ERR_NOMEM;
					break;
				}
				*d = TIES_VEC_AT(&R->marks, ties__mark, l->m0 + m);
				d->off += start;
			}
		}
		if (rc)
			break;
		const char *t = para.data ? para.data : "";
		ties_block_kind kind = TIES_BLOCK_PARAGRAPH;
		if (is_notes_heading(t, para.len)) {
			kind = TIES_BLOCK_NOTES_HEADING;
			in_notes = 1;
		} else if (heading_like(R, &st, L, K[i], K[j - 1] + 1, para.len) &&
		           !(in_notes && starts_with_number(t, para.len))) {
			kind = TIES_BLOCK_HEADING;
			if (!have_title && title_size > 0 && L[K[i]].size >= title_size - 0.01f &&
			    L[K[i]].page == L[K[0]].page) {
				kind = TIES_BLOCK_TITLE;
				have_title = 1;
			}
			if (L[K[i]].size > 1.05f * st.size || L[K[i]].bold)
				in_notes = 0;
		}
		rc = ties__blocks_add(bl, kind, t, para.len);
		if (!rc && kind == TIES_BLOCK_PARAGRAPH && !in_notes && marks.len) {
			ties__block *b = &TIES_VEC_AT(&bl->blocks, ties__block, bl->blocks.len - 1);
			b->marks = ties__calloc(marks.len, sizeof *b->marks);
			if (!b->marks)
				rc = TIES_ERR_NOMEM;
			else {
				memcpy(b->marks, marks.data, marks.len * sizeof *b->marks);
				b->nmarks = marks.len;
			}
		}
		i = j;
	}
	if (rc == TIES_ERR_TOOBIG)
		rc = TIES_ERR_LIMIT;
	ties_buf_release(&para);
	ties__vec_release(&marks);
	ties__free(K);
	return rc;
}

/* ---- entry point --------------------------------------------------------- */

ties_code ties__read_pdf(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                         ties__blocks *bl, ties_error *err)
{
	const char *name = doc->source;
	ties__pdf *pdf = NULL;
	unsigned npages = 0;
	ties_code rc = ties__pdf_open(data, len, opts, name, &pdf, &npages, err);
	if (rc)
		return rc;
	reader R = {0};
	R.name = name;
	R.pages = npages;
	ties_buf_init(&R.text, MAX_TEXT);
	ties__vec_init(&R.lines, sizeof(pline));
	ties__vec_init(&R.marks, sizeof(ties__mark));
	ties__ppage pg = {0};
	ties__vec_init(&pg.glyphs, sizeof(ties__pglyph));
	ties_vec rows, pieces;
	ties__vec_init(&rows, sizeof(ties__prow));
	ties__vec_init(&pieces, sizeof(ties__ppiece));
	ties__vocab *vocab = NULL;
	unsigned images = 0, region_base = 0;
	size_t glyphs = 0;
	int reported = 0;
	for (unsigned p = 0; p < npages && !rc; p++) {
		unsigned im = 0;
		rc = ties__pdf_page(pdf, p, &pg, &im, err);
		if (rc) {
			reported = 1;
			break;
		}
		images += im;
		glyphs += pg.glyphs.len;
		rc = ties__pdf_rows(&pg, &rows);
		if (!rc)
			rc = ties__pdf_layout(&pg, rows.data, rows.len, &pieces);
		if (!rc)
			rc = add_page(&R, &pg, &rows, &pieces, region_base);
		unsigned maxr = 0;
		for (size_t k = 0; k < pieces.len; k++)
			if (TIES_VEC_AT(&pieces, ties__ppiece, k).region + 1 > maxr)
				maxr = TIES_VEC_AT(&pieces, ties__ppiece, k).region + 1;
		region_base += maxr;
	}
	unsigned long complaints = ties__pdf_complaints(pdf);
	ties__pdf_close(pdf);
	ties__vec_release(&pg.glyphs);
	ties__free(pg.scratch);
	ties__vec_release(&rows);
	ties__vec_release(&pieces);
	doc->pages = npages;
	if (!rc && R.text.len == 0 && complaints) {
		/* no text because the pages could not be read */
		rc = ties__error(err, TIES_ERR_PDF,
		                 "'%s': damaged or unsupported PDF (no readable text on %u pages)",
		                 name, npages);
		reported = 1;
	} else if (!rc && R.text.len == 0) {
		rc = ties__error(err, TIES_ERR_NOTEXT,
		                 "'%s': the PDF has no text layer (%u pages%s); it may be scanned, "
		                 "and OCR is out of scope",
		                 name, npages, images ? ", images only" : "");
		reported = 1;
	}
	(void)glyphs;
	if (!rc)
		rc = drop_edges(&R, bl);
	if (!rc) {
		vocab = ties__vocab_new();
		rc = vocab ? TIES_OK : TIES_ERR_NOMEM;
	}
	for (size_t i = 0; !rc && i < R.lines.len; i++) {
		const pline *l = &TIES_VEC_AT(&R.lines, pline, i);
		if (!l->drop)
			rc = ties__vocab_add_text(vocab, R.text.data + l->t0, l->tlen);
	}
#ifdef TIES_PDF_DEBUG
	for (size_t i = 0; i < R.lines.len; i++) {
		const pline *l = &TIES_VEC_AT(&R.lines, pline, i);
		fprintf(stderr, "p%u r%u e%u d%u x%.1f-%.1f rx%.1f-%.1f b%.1f s%.1f B%d |%.*s\n", l->page,
		        l->region, l->edge, l->drop, l->x0, l->x1, l->rx0, l->rx1, l->base, l->size,
		        l->bold, (int)l->tlen, R.text.data + l->t0);
	}
#endif
	if (!rc)
		rc = make_blocks(&R, bl, vocab);
	if (!rc) {
		bl->markers_known = 1;
		bl->repaired = R.columns;
	}
	ties__vocab_free(vocab);
	ties_buf_release(&R.text);
	ties__vec_release(&R.lines);
	ties__vec_release(&R.marks);
	if (rc && !reported) {
		if (rc == TIES_ERR_TOOBIG || rc == TIES_ERR_LIMIT)
			return ties__error(err, TIES_ERR_LIMIT,
			                   "'%s': the PDF's text is over the limit of %zu bytes", name,
			                   MAX_TEXT);
		return ties__error(err, rc, "'%s': out of memory reading the PDF", name);
	}
	return rc;
}
