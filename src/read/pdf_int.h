/* Internal interface of the PDF reader.
 *
 * pdf-load.c turns each page into glyphs with geometry (MuPDF); pdf-rows.c
 * groups them into rows (one baseline, superscripts attached);
 * pdf-layout.c orders the rows' pieces by columns and full-width bands;
 * pdf-text.c spells a piece as text with its footnote markers; pdf.c
 * drops page furniture; pdf-paras.c makes paragraphs, headings and notes
 * out of the lines of the whole document.
 * Coordinates are in points, y grows downwards.
 */
#ifndef TIES_PDF_INT_H
#define TIES_PDF_INT_H

#include "read_int.h"

typedef struct ties__pglyph {
	int32_t c;
	float x0, x1, y0, y1; /* box */
	float base, size;     /* baseline y, font size */
	uint8_t bold, italic;
	uint8_t space; /* a blank character: spacing only, no ink */
	uint8_t sup;   /* raised and smaller than its row: a superscript */
} ties__pglyph;

/* One page's glyphs, reused from page to page. */
typedef struct ties__ppage {
	unsigned number; /* 1-based */
	float w, h;
	ties_vec glyphs; /* of ties__pglyph */
	void *scratch;   /* working memory of ties__pdf_rows, kept between pages */
	size_t scratch_cap;
} ties__ppage;

typedef struct ties__pdf ties__pdf;

/* Opens a PDF held in memory; errors are TIES_ERR_PDF, _ENCRYPTED, _LIMIT
 * (too many pages), _NOMEM.  *npages receives the page count. */
ties_code ties__pdf_open(const char *data, size_t len, const ties_read_opts *opts, const char *name,
                         ties__pdf **out, unsigned *npages, ties_error *err);
/* Fills pg with the horizontal glyphs of page number (0-based).
 * *images receives the number of images on the page. */
ties_code ties__pdf_page(ties__pdf *p, unsigned number, ties__ppage *pg, unsigned *images,
                         ties_error *err);
void ties__pdf_close(ties__pdf *p);
/* Warnings and errors MuPDF reported (silently) since the file was opened:
 * damage it worked around. */
unsigned long ties__pdf_complaints(const ties__pdf *p);

/* A row: glyphs on one baseline, sorted by x, at [g0, g0+ng) of the page's
 * (reordered) glyph array. */
typedef struct ties__prow {
	size_t g0, ng;
	float x0, x1, y0, y1; /* ink box (blanks excluded) */
	float base, size;     /* of the row's main glyphs */
} ties__prow;

/* Sorts the page's glyphs into rows (attaching superscripts); rows come
 * top to bottom. */
ties_code ties__pdf_rows(ties__ppage *pg, ties_vec *rows);

/* A piece of a row inside one layout region, in reading order. */
typedef struct ties__ppiece {
	size_t row;
	size_t g0, g1;   /* glyph range in the page array */
	float x0, x1;    /* ink extent */
	unsigned region; /* index of its region on the page, in reading order */
	float rx0, rx1;  /* the region's extent */
	unsigned edge;   /* TIES__EDGE_* for rows set apart at the page's edge */
} ties__ppiece;

#define TIES__EDGE_TOP 1u
#define TIES__EDGE_BOTTOM 2u

/* Orders the rows of a page: rows set apart at the top and bottom edge come
 * first/last flagged as edge pieces; the rest is cut into columns and
 * full-width bands by whitespace. */
ties_code ties__pdf_layout(const ties__ppage *pg, const ties__prow *rows, size_t nrows,
                           ties_vec *pieces);

/* Spells glyphs [g0, g1) as text: blanks from gaps, ligatures expanded,
 * superscript digits as markers (offsets into out, appended to marks; a
 * leading superscript number is spelled "N " instead when lead_plain). */
ties_code ties__pdf_spell(const ties__pglyph *g, size_t g0, size_t g1, int lead_plain,
                          ties_buf *out, ties_vec *marks);

/* The document's text may not grow past this (compressed PDFs can hold far
 * more text than their size suggests). */
#define TIES__PDF_MAX_TEXT ((size_t)256 << 20)

/* A line of the document in reading order. */
typedef struct ties__pline {
	unsigned page, region, edge, rowno;
	float x0, x1, rx0, rx1, base, size;
	size_t t0, tlen; /* in the text buffer */
	size_t m0, nm;   /* marks, offsets relative to t0 */
	uint8_t bold, drop;
	uint8_t foot;          /* a footnote at the foot of its column */
	float ph;              /* page height */
	unsigned region_lines; /* lines in its region */
	unsigned region_full;  /* of them, lines that reach the region's right edge */
} ties__pline;

/* The whole document's lines and their text. */
typedef struct ties__preader {
	const char *name;
	ties_buf text;
	ties_vec lines; /* of ties__pline */
	ties_vec marks; /* of ties__mark */
	unsigned pages;
	int columns;
} ties__preader;

/* Makes the blocks of the document from its lines (pdf-paras.c); vocab
 * may be NULL when no line ends with a hyphen. */
ties_code ties__pdf_paragraphs(ties__preader *R, ties__blocks *bl, ties__vocab *vocab);

/* Median of n floats (reorders a). */
float ties__pdf_median(float *a, size_t n);
/* Sorts n floats (no NaN) in ascending order. */
void ties__pdf_sort_floats(float *a, size_t n);

/* fmaxf and fminf, inline: the compiler calls libm for them (NaN rules)
 * and the reader calls them per glyph.  The same results. */
static inline float ties__maxf(float a, float b)
{
	return a > b || b != b ? a : b;
}

static inline float ties__minf(float a, float b)
{
	return a < b || b != b ? a : b;
}

#endif
