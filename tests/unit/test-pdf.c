/* Unit tests of the PDF reader's geometry: spelling glyph runs (blanks,
 * ligatures, superscript markers), rows with superscripts, column order of
 * a page whose rows cross both columns, and in-memory PDFs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h> /* after the headers it needs */

#include "read/pdf_int.h"

/* Places the glyphs of s (Courier-like, 0.6 em each) at x on baseline y;
 * '^' before a digit run sets those digits as a superscript. */
static void put(ties__ppage *pg, const char *s, float x, float y, float size)
{
	int sup = 0;
	for (; *s; s++) {
		if (*s == '^') {
			sup = 1;
			continue;
		}
		if (sup && !(*s >= '0' && *s <= '9'))
			sup = 0;
		float sz = sup ? size * 0.6f : size;
		float base = sup ? y - size * 0.35f : y;
		ties__pglyph *g = ties__vec_push(&pg->glyphs);
		assert_non_null(g);
		g->c = (unsigned char)*s;
		g->x0 = x;
		g->x1 = x + 0.6f * sz;
		g->y0 = base - 0.8f * sz;
		g->y1 = base + 0.2f * sz;
		g->base = base;
		g->size = sz;
		g->space = *s == ' ';
		x = g->x1;
	}
}

static void page_init(ties__ppage *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->w = 612;
	pg->h = 792;
	pg->number = 1;
	ties__vec_init(&pg->glyphs, sizeof(ties__pglyph));
}

static void spell_ligature_and_blanks(void **st)
{
	(void)st;
	ties__ppage pg;
	page_init(&pg);
	ties__pglyph g[4] = {0};
	/* "o", U+FB01, then a gap of half an em, "x" */
	int32_t cs[] = {'o', 0xFB01, 'x'};
	float xs[] = {0, 6, 17};
	for (int i = 0; i < 3; i++) {
		g[i].c = cs[i];
		g[i].x0 = xs[i];
		g[i].x1 = xs[i] + 6;
		g[i].size = 10;
		g[i].base = 100;
	}
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_vec marks;
	ties__vec_init(&marks, sizeof(ties__mark));
	assert_int_equal(ties__pdf_spell(g, 0, 3, 0, &b, &marks), TIES_OK);
	assert_string_equal(b.data, "ofi x");
	assert_int_equal(marks.len, 0);
	ties_buf_release(&b);
	ties__vec_release(&marks);
	ties__vec_release(&pg.glyphs);
	ties__free(pg.scratch);
}

static void rows_attach_superscript_and_spell_marker(void **st)
{
	(void)st;
	ties__ppage pg;
	page_init(&pg);
	/* a marker in the left column sits at the height of a right-column
	 * baseline; it must join the left row below it */
	put(&pg, "the convoy^12 left", 50, 104, 10);
	put(&pg, "other column", 320, 100.5f, 10);
	ties_vec rows;
	ties__vec_init(&rows, sizeof(ties__prow));
	assert_int_equal(ties__pdf_rows(&pg, &rows), TIES_OK);
	ties__prow *R = rows.data;
	const ties__pglyph *G = pg.glyphs.data;
	/* find the row holding "the convoy" */
	size_t found = (size_t)-1;
	for (size_t r = 0; r < rows.len; r++)
		if (G[R[r].g0].c == 't' && G[R[r].g0].x0 < 100)
			found = r;
	assert_true(found != (size_t)-1);
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_vec marks;
	ties__vec_init(&marks, sizeof(ties__mark));
	/* spell only the left part of that row */
	size_t g1 = R[found].g0;
	while (g1 < R[found].g0 + R[found].ng && G[g1].x0 < 300)
		g1++;
	assert_int_equal(ties__pdf_spell(G, R[found].g0, g1, 0, &b, &marks), TIES_OK);
	assert_string_equal(b.data, "the convoy12 left");
	assert_int_equal(marks.len, 1);
	ties__mark *m = marks.data;
	assert_int_equal(m->number, 12);
	assert_int_equal(m->off, 10);
	assert_int_equal(m->len, 2);
	ties_buf_release(&b);
	ties__vec_release(&marks);
	ties__vec_release(&rows);
	ties__vec_release(&pg.glyphs);
	ties__free(pg.scratch);
}

/* Lays out a page of two columns plus a title and returns the text of the
 * pieces in reading order, one per line. */
static void two_columns(void **st)
{
	(void)st;
	ties__ppage pg;
	page_init(&pg);
	put(&pg, "A TITLE ACROSS BOTH COLUMNS OF THE PAGE", 150, 80, 14);
	char buf[64];
	for (int i = 0; i < 12; i++) {
		/* right column first: the drawing order must not matter */
		snprintf(buf, sizeof buf, "right line %02d words words words", i);
		put(&pg, buf, 320, 120 + 12 * (float)i, 10);
		snprintf(buf, sizeof buf, "left line %02d words words words", i);
		put(&pg, buf, 50, 120 + 12 * (float)i, 10);
	}
	ties_vec rows, pieces;
	ties__vec_init(&rows, sizeof(ties__prow));
	ties__vec_init(&pieces, sizeof(ties__ppiece));
	assert_int_equal(ties__pdf_rows(&pg, &rows), TIES_OK);
	assert_int_equal(ties__pdf_layout(&pg, rows.data, rows.len, &pieces), TIES_OK);
	assert_int_equal(pieces.len, 25);
	const ties__ppiece *P = pieces.data;
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_vec marks;
	ties__vec_init(&marks, sizeof(ties__mark));
	for (size_t i = 0; i < pieces.len; i++) {
		ties_buf_clear(&b);
		assert_int_equal(ties__pdf_spell(pg.glyphs.data, P[i].g0, P[i].g1, 0, &b, &marks),
		                 TIES_OK);
		if (i == 0) {
			assert_string_equal(b.data, "A TITLE ACROSS BOTH COLUMNS OF THE PAGE");
			continue;
		}
		snprintf(buf, sizeof buf, "%s line %02d words words words",
		         i <= 12 ? "left" : "right", (int)((i - 1) % 12));
		assert_string_equal(b.data, buf);
	}
	/* the columns are distinct regions after the title's */
	assert_true(P[1].region != P[0].region);
	assert_true(P[13].region != P[1].region);
	ties_buf_release(&b);
	ties__vec_release(&marks);
	ties__vec_release(&rows);
	ties__vec_release(&pieces);
	ties__vec_release(&pg.glyphs);
	ties__free(pg.scratch);
}

/* A one-page PDF in memory, with a correct cross-reference table. */
static char *tiny_pdf(const char *content, size_t *len)
{
	static char out[4096];
	const char *objs[5];
	char page[256], stream[1024];
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
	objs[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
	snprintf(page, sizeof page,
	         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
	         "<< /F1 4 0 R >> >> /Contents 5 0 R >>");
	objs[2] = page;
	objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
	snprintf(stream, sizeof stream, "<< /Length %zu >>\nstream\n%s\nendstream", strlen(content),
	         content);
	objs[4] = stream;
	size_t off[5], n = 0;
	n += (size_t)snprintf(out + n, sizeof out - n, "%%PDF-1.4\n");
	for (int i = 0; i < 5; i++) {
		off[i] = n;
		n += (size_t)snprintf(out + n, sizeof out - n, "%d 0 obj\n%s\nendobj\n", i + 1,
		                      objs[i]);
	}
	size_t xref = n;
	n += (size_t)snprintf(out + n, sizeof out - n, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%010zu 00000 n \n", off[i]);
	n +=
	    (size_t)snprintf(out + n, sizeof out - n,
	                     "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	*len = n;
	return out;
}

static void read_tiny_pdf(void **st)
{
	(void)st;
	size_t len;
	char *pdf = tiny_pdf("BT /F1 12 Tf 72 700 Td (Plain words on a page.) Tj ET", &len);
	ties_doc *doc = NULL;
	ties_error err;
	assert_int_equal(ties_read_buffer(pdf, len, "tiny.pdf", NULL, &doc, &err), TIES_OK);
	assert_int_equal(doc->input_kind, TIES_INPUT_PDF);
	assert_int_equal(doc->pages, 1);
	assert_string_equal(doc->text, "Plain words on a page.\n");
	ties_doc_free(doc);
}

static void read_bad_pdfs(void **st)
{
	(void)st;
	size_t len;
	ties_doc *doc = NULL;
	ties_error err;
	char *pdf = tiny_pdf("0 0 m 100 100 l S", &len);
	assert_int_equal(ties_read_buffer(pdf, len, "lines.pdf", NULL, &doc, &err),
	                 TIES_ERR_NOTEXT);
	assert_non_null(strstr(err.msg, "OCR is out of scope"));
	pdf = tiny_pdf("BT /F1 12 Tf 72 700 Td (Words.) Tj ET", &len);
	assert_int_equal(ties_read_buffer(pdf, len / 2, "half.pdf", NULL, &doc, &err),
	                 TIES_ERR_PDF);
	assert_non_null(strstr(err.msg, "'half.pdf'"));
	const char junk[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n";
	assert_int_equal(ties_read_buffer(junk, sizeof junk - 1, "junk.pdf", NULL, &doc, &err),
	                 TIES_ERR_PDF);
	assert_null(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(spell_ligature_and_blanks),
	    cmocka_unit_test(rows_attach_superscript_and_spell_marker),
	    cmocka_unit_test(two_columns),
	    cmocka_unit_test(read_tiny_pdf),
	    cmocka_unit_test(read_bad_pdfs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
