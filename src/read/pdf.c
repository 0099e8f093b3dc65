/* PDF reader: pages -> lines in reading order (pdf-load, pdf-device,
 * pdf-rows, pdf-layout, pdf-text) -> running headers, footers and page
 * numbers dropped (here) -> paragraphs, headings, notes (pdf-paras) ->
 * blocks for the builder. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"

/* ---- pages into lines ---------------------------------------------------- */

static ties_code add_page(ties__preader *R, const ties__ppage *pg, const ties_vec *rows,
                          const ties_vec *pieces, unsigned region_base)
{
	const ties__pglyph *G = pg->glyphs.data;
	const ties__ppiece *P = pieces->data;
	size_t last_row = (size_t)-1;
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
		ties__pline *l = ties__vec_push(&R->lines);
		if (!l)
			return TIES_ERR_NOMEM;
		size_t bold = 0, ink = 0;
		float size = 0;
		for (size_t g = p->g0; g < p->g1; g++) {
			if (G[g].space || G[g].sup)
				continue;
			ink++;
			bold += G[g].bold;
			size = ties__maxf(size, G[g].size);
		}
		const ties__prow *row = &TIES_VEC_AT(rows, ties__prow, p->row);
		l->page = pg->number;
		l->ph = pg->h;
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

typedef struct edge_cand {
	size_t line;
	const char *kind; /* the artifact it is, or NULL */
	char sig[64];
} edge_cand;

static int cmp_cand(const void *pa, const void *pb)
{
	const edge_cand *x = pa, *y = pb;
	int c = strcmp(x->sig, y->sig);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_line(const void *pa, const void *pb)
{
	const edge_cand *x = pa, *y = pb;
	return (x->line > y->line) - (x->line < y->line);
}

/* Lines that can be page furniture: set apart at an edge (layout), or in
 * the outer 8% of the page. */
static int candidate(const ties__pline *l)
{
	return l->edge || (l->ph > 0 && (l->base < 0.08f * l->ph || l->base > 0.92f * l->ph));
}

static ties_code drop_edges(ties__preader *R, ties__blocks *bl)
{
	ties__pline *L = R->lines.data;
	size_t n = R->lines.len, nc = 0;
	for (size_t i = 0; i < n; i++)
		nc += candidate(&L[i]);
	edge_cand *C = ties__malloc((nc ? nc : 1) * sizeof *C);
	if (!C)
		return TIES_ERR_NOMEM;
	nc = 0;
	for (size_t i = 0; i < n; i++)
		if (candidate(&L[i])) {
			C[nc].line = i;
			C[nc].kind = NULL;
			signature(R->text.data + L[i].t0, L[i].tlen, C[nc].sig, sizeof C[nc].sig);
			nc++;
		}
	/* the same letters on other pages: a running header or footer; lines
	 * the layout did not set apart must also stand at the same height */
	qsort(C, nc, sizeof *C, cmp_cand);
	ties_code rc = TIES_OK;
	for (size_t g = 0; g < nc;) {
		size_t e = g + 1;
		while (e < nc && !strcmp(C[e].sig, C[g].sig))
			e++;
		for (size_t i = g; i < e; i++) {
			ties__pline *l = &L[C[i].line];
			const char *t = R->text.data + l->t0;
			const char *kind = NULL;
			if (is_page_number(t, l->tlen)) {
				kind = "page-number";
			} else if (strlen(C[i].sig) >= 2) {
				unsigned pages = 1, lastp = l->page;
				for (size_t j = g; j < e; j++) {
					const ties__pline *o = &L[C[j].line];
					if (o->page == lastp || o->page == l->page)
						continue;
					if (!l->edge && fabsf(o->base - l->base) > 3)
						continue;
					pages++;
					lastp = o->page;
				}
				if (pages >= 2 && pages * 4 >= R->pages)
					kind = l->base < l->ph / 2 || (l->edge == TIES__EDGE_TOP)
					           ? "running-header"
					           : "running-footer";
			}
			C[i].kind = kind;
		}
		g = e;
	}
	/* dropped, and listed in page order */
	qsort(C, nc, sizeof *C, cmp_line);
	for (size_t i = 0; i < nc && !rc; i++) {
		ties__pline *l = &L[C[i].line];
		if (!C[i].kind)
			continue;
		l->drop = 1;
		rc = ties__blocks_artifact(bl, C[i].kind, l->rowno, l->page, R->text.data + l->t0,
		                           l->tlen);
	}
	ties__free(C);
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
	ties__preader R = {0};
	R.name = name;
	R.pages = npages;
	ties_buf_init(&R.text, TIES__PDF_MAX_TEXT);
	ties__vec_init(&R.lines, sizeof(ties__pline));
	ties__vec_init(&R.marks, sizeof(ties__mark));
	ties__ppage pg = {0};
	ties__vec_init(&pg.glyphs, sizeof(ties__pglyph));
	ties_vec rows, pieces;
	ties__vec_init(&rows, sizeof(ties__prow));
	ties__vec_init(&pieces, sizeof(ties__ppiece));
	ties__vocab *vocab = NULL;
	unsigned images = 0, region_base = 0;
	int reported = 0;
	for (unsigned p = 0; p < npages && !rc; p++) {
		unsigned im = 0;
		rc = ties__pdf_page(pdf, p, &pg, &im, err);
		if (rc) {
			reported = 1;
			break;
		}
		images += im;
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
	if (!rc)
		rc = drop_edges(&R, bl);
	/* the word list (and the system dictionary it loads) only serves line
	 * ends broken by a hyphen */
	int hyphens = 0;
	for (size_t i = 0; !hyphens && i < R.lines.len; i++) {
		const ties__pline *l = &TIES_VEC_AT(&R.lines, ties__pline, i);
		const char *t = R.text.data + l->t0;
		hyphens = !l->drop && l->tlen >= 2 && t[l->tlen - 1] == '-' &&
		          (isalpha((unsigned char)t[l->tlen - 2]) || (t[l->tlen - 2] & 0x80));
	}
	if (!rc && hyphens) {
		vocab = ties__vocab_new();
		rc = vocab ? TIES_OK : TIES_ERR_NOMEM;
	}
	for (size_t i = 0; !rc && vocab && i < R.lines.len; i++) {
		const ties__pline *l = &TIES_VEC_AT(&R.lines, ties__pline, i);
		if (!l->drop)
			rc = ties__vocab_add_text(vocab, R.text.data + l->t0, l->tlen);
	}
	if (!rc)
		rc = ties__pdf_paragraphs(&R, bl, vocab);
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
			                   "'%s': the PDF's text is over the limit of %zu bytes",
			                   name, TIES__PDF_MAX_TEXT);
		return ties__error(err, rc, "'%s': out of memory reading the PDF", name);
	}
	return rc;
}
