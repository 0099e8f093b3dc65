/* MuPDF glue: open a PDF from memory and turn each page into glyphs with
 * their boxes, sizes and font weight (pdf-device.c).  Every MuPDF call runs inside
 * fz_try; MuPDF's own messages are silenced (the library never prints) and
 * its memory is bounded by a counting allocator. */
#include <math.h>
#include <string.h>

#include "pdf_mupdf.h"

/* MuPDF may use at most this much memory for one document. */
#define MUPDF_MEM_LIMIT ((size_t)768 << 20)

typedef struct mem_account {
	size_t used, limit;
} mem_account;

struct ties__pdf {
	mem_account mem;
	fz_context *ctx;
	fz_document *doc;
	const char *name;
	unsigned long complaints; /* MuPDF warnings and errors so far */
};

/* Each block carries its size in front so frees can be counted. */
#define HDR 16

static void *acc_malloc(void *user, size_t n)
{
	mem_account *m = user;
	if (n > m->limit - m->used || n > SIZE_MAX - HDR)
		return NULL;
	unsigned char *p = ties__malloc(n + HDR);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	m->used += n;
	return p + HDR;
}

static void acc_free(void *user, void *ptr)
{
	mem_account *m = user;
	if (!ptr)
		return;
	unsigned char *p = (unsigned char *)ptr - HDR;
	size_t n;
	memcpy(&n, p, sizeof n);
	m->used -= n;
	ties__free(p);
}

static void *acc_realloc(void *user, void *ptr, size_t n)
{
	mem_account *m = user;
	if (!ptr)
		return acc_malloc(user, n);
	if (n == 0) {
		acc_free(user, ptr);
		return NULL;
	}
	unsigned char *p = (unsigned char *)ptr - HDR;
	size_t old;
	memcpy(&old, p, sizeof old);
	if (n > old && (n - old > m->limit - m->used || n > SIZE_MAX - HDR))
		return NULL;
	unsigned char *q = ties__realloc(p, n + HDR);
	if (!q)
		return NULL;
	memcpy(q, &n, sizeof n);
	m->used = m->used - old + n;
	return q + HDR;
}

/* MuPDF's messages are counted, never printed. */
static void quiet(void *user, const char *message)
{
	(void)message;
	((ties__pdf *)user)->complaints++;
}

unsigned long ties__pdf_complaints(const ties__pdf *p)
{
	return p->complaints;
}

void ties__pdf_close(ties__pdf *p)
{
	if (!p)
		return;
	if (p->ctx) {
		fz_drop_document(p->ctx, p->doc);
		fz_drop_context(p->ctx);
	}
	ties__free(p);
}

ties_code ties__pdf_open(const char *data, size_t len, const ties_read_opts *opts, const char *name,
                         ties__pdf **out, unsigned *npages, ties_error *err)
{
	*out = NULL;
	*npages = 0;
	/* MuPDF rebuilds a cut file from what is left and would read part of
	 * it without a word: a file must end with its end-of-file marker */
	size_t tail = len < 8192 ? len : 8192;
	if (!memmem(data + len - tail, tail, "%%EOF", 5))
		return ties__error(err, TIES_ERR_PDF,
		                   "'%s': the PDF is truncated (no end-of-file marker)", name);
	ties__pdf *p = ties__calloc(1, sizeof *p);
	if (!p)
		return ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory", name);
	p->name = name;
	p->mem.limit = MUPDF_MEM_LIMIT;
	fz_alloc_context alloc = {&p->mem, acc_malloc, acc_realloc, acc_free};
	p->ctx = fz_new_context(&alloc, NULL, FZ_STORE_DEFAULT);
	if (!p->ctx) {
		ties__free(p);
		return ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory", name);
	}
	fz_context *ctx = p->ctx;
	fz_set_warning_callback(ctx, quiet, p);
	fz_set_error_callback(ctx, quiet, p);
	ties_code rc = TIES_OK;
	int pages = 0, locked = 0;
	fz_stream *stm = NULL;
	fz_var(stm);
	fz_var(pages);
	fz_var(locked);
	fz_try(ctx)
	{
		fz_register_document_handlers(ctx);
		stm = fz_open_memory(ctx, (const unsigned char *)data, len);
		p->doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
		/* an empty user password opens files restricted only by an owner
		 * password, which are readable */
		if (fz_needs_password(ctx, p->doc) && !fz_authenticate_password(ctx, p->doc, ""))
			locked = 1;
		else
			pages = fz_count_pages(ctx, p->doc);
	}
	fz_always(ctx)
	{
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx)
	{
		if (fz_caught(ctx) == FZ_ERROR_MEMORY)
			rc = ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory reading the PDF",
			                 name);
		else
			rc = ties__error(err, TIES_ERR_PDF, "'%s': damaged or unsupported PDF (%s)",
			                 name, fz_caught_message(ctx));
		p->complaints = 0;
	}
	if (!rc && locked)
		rc = ties__error(err, TIES_ERR_ENCRYPTED,
		                 "'%s': the PDF is encrypted and needs a password", name);
	if (!rc && pages <= 0)
		rc = ties__error(err, TIES_ERR_PDF, "'%s': the PDF has no pages", name);
	if (!rc && (unsigned)pages > opts->max_pages)
		rc = ties__error(err, TIES_ERR_LIMIT, "'%s': %d pages, over the limit of %u", name,
		                 pages, opts->max_pages);
	if (rc) {
		ties__pdf_close(p);
		return rc;
	}
	*out = p;
	*npages = (unsigned)pages;
	return TIES_OK;
}

ties_code ties__pdf_page(ties__pdf *p, unsigned number, ties__ppage *pg, unsigned *images,
                         ties_error *err)
{
	fz_context *ctx = p->ctx;
	fz_page *page = NULL;
	volatile ties_code rc = TIES_OK;
	pg->glyphs.len = 0;
	pg->number = number + 1;
	*images = 0;
	fz_var(page);
	fz_try(ctx)
	{
		page = fz_load_page(ctx, p->doc, (int)number);
		fz_rect bounds = fz_bound_page(ctx, page);
		pg->w = bounds.x1 - bounds.x0;
		pg->h = bounds.y1 - bounds.y0;
		rc = ties__pdf_run_page(ctx, page, bounds, pg, images);
	}
	fz_always(ctx)
	{
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx)
	{
		if (fz_caught(ctx) == FZ_ERROR_MEMORY)
			return ties__error(err, TIES_ERR_NOMEM,
			                   "'%s': out of memory on page %u of the PDF", p->name,
			                   number + 1);
		return ties__error(err, TIES_ERR_PDF,
		                   "'%s': damaged or unsupported PDF (page %u: %s)", p->name,
		                   number + 1, fz_caught_message(ctx));
	}
	if (rc == TIES_ERR_LIMIT)
		return ties__error(err, rc, "'%s': page %u has more than %u characters", p->name,
		                   number + 1, TIES__MAX_PAGE_GLYPHS);
	if (rc)
		return ties__error(err, rc, "'%s': out of memory", p->name);
	if (!(pg->w > 0) || !(pg->h > 0) || pg->w > 20000 || pg->h > 20000)
		pg->w = pg->h = 0;
	return TIES_OK;
}
