/* MuPDF-facing part of the PDF reader's internals (pdf-load.c,
 * pdf-device.c); the rest of the reader never sees MuPDF types. */
#ifndef TIES_PDF_MUPDF_H
#define TIES_PDF_MUPDF_H

#include <mupdf/fitz.h>

#include "pdf_int.h"

/* Glyphs on one page beyond this are not a report page. */
#define TIES__MAX_PAGE_GLYPHS 2000000u

/* Runs the page through a device that records each horizontal glyph (its
 * box, baseline, size, weight) into pg, relative to bounds; counts images.
 * Returns TIES_ERR_LIMIT past TIES__MAX_PAGE_GLYPHS glyphs, TIES_ERR_NOMEM;
 * MuPDF errors are thrown. */
ties_code ties__pdf_run_page(fz_context *ctx, fz_page *page, fz_rect bounds, ties__ppage *pg,
                             unsigned *images);

#endif
