/* A MuPDF device that records glyphs as the page is interpreted: the
 * reader needs each glyph's box, baseline, size and weight, not MuPDF's
 * own lines and blocks, and building those costs as much as interpreting
 * the page. */
#include <math.h>
#include <string.h>

#include "pdf_mupdf.h"

typedef struct glyph_dev {
	fz_device super;
	ties__ppage *pg;
	fz_rect bounds;
	unsigned images;
	ties_code rc;
	fz_font *font; /* the last font seen, and its style */
	int bold, italic;
	float asc, desc;
} glyph_dev;

static int name_is_bold(const char *n)
{
	static const char *const w[] = {"Bold", "Black", "Heavy", "Semibold", "SemiBold", "Demi"};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (strstr(n, w[i]))
			return 1;
	return 0;
}

static int name_is_italic(const char *n)
{
	return strstr(n, "Italic") || strstr(n, "Oblique") || strstr(n, "-It");
}

static void font_style(fz_context *ctx, glyph_dev *d, fz_font *font)
{
	if (font == d->font)
		return;
	d->font = font;
	const char *fn = fz_font_name(ctx, font);
	d->bold = fz_font_is_bold(ctx, font) || (fn && name_is_bold(fn));
	d->italic = fz_font_is_italic(ctx, font) || (fn && name_is_italic(fn));
	/* fonts with absurd metrics get the usual ones */
	d->asc = fz_font_ascender(ctx, font);
	d->desc = fz_font_descender(ctx, font);
	if (!(d->asc > 0.5f && d->asc < 1.5f))
		d->asc = 0.8f;
	if (!(d->desc < 0 && d->desc > -0.6f))
		d->desc = -0.2f;
}

static int is_blank(int c)
{
	return c == ' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

static void record(fz_context *ctx, glyph_dev *d, const fz_text *text, fz_matrix ctm)
{
	ties__pglyph *last = NULL;
	float W = d->bounds.x1 - d->bounds.x0, H = d->bounds.y1 - d->bounds.y0;
	for (const fz_text_span *sp = text->head; sp && !d->rc; sp = sp->next) {
		if (sp->wmode)
			continue;
		fz_matrix trm = fz_concat(sp->trm, ctm);
		fz_point dir = fz_normalize_vector(fz_transform_vector(fz_make_point(1, 0), trm));
		/* rotated and vertical text (stamps, margin notes) is not read */
		if (dir.x < 0.95f || fabsf(dir.y) > 0.05f)
			continue;
		float size = fz_matrix_expansion(trm);
		if (!(size > 0) || !isfinite(size))
			continue;
		font_style(ctx, d, sp->font);
		last = NULL;
		for (int i = 0; i < sp->len; i++) {
			const fz_text_item *it = &sp->items[i];
			if (it->gid < 0 || it->ucs < 0) {
				/* more characters of one glyph (a ligature), or more
				 * glyphs of one character: share out the box */
				if (it->gid < 0 && it->ucs >= 0x20 && last) {
					ties__pglyph *g = ties__vec_push(&d->pg->glyphs);
					if (!g) {
						d->rc = TIES_ERR_NOMEM;
						return;
					}
					last = g - 1;
					*g = *last;
					float mid = (last->x0 + last->x1) / 2;
					last->x1 = mid;
					g->x0 = mid;
					g->c = it->ucs;
					last = g;
				}
				continue;
			}
			int c = it->ucs;
			if (c < 0x20 || c == 0xFFFD || (c >= 0x7F && c < 0xA0)) {
				last = NULL;
				continue;
			}
			if (d->pg->glyphs.len >= TIES__MAX_PAGE_GLYPHS) {
				d->rc = TIES_ERR_LIMIT;
				return;
			}
			/* fz_transform_point and _vector, spelled out: the same
			 * arithmetic without two calls per glyph */
			fz_point p;
			p.x = it->x * ctm.a + it->y * ctm.c + ctm.e;
			p.y = it->x * ctm.b + it->y * ctm.d + ctm.f;
			float adv = fz_advance_glyph(ctx, sp->font, it->gid, 0);
			float ax = adv * trm.a + 0.0f * trm.c;
			ties__pglyph g;
			g.c = c;
			g.x0 = p.x - d->bounds.x0;
			g.x1 = g.x0 + (ax > 0 ? ax : 0);
			g.base = p.y - d->bounds.y0;
			g.y0 = g.base - d->asc * size;
			g.y1 = g.base - d->desc * size;
			g.size = size;
			g.bold = (uint8_t)d->bold;
			g.italic = (uint8_t)d->italic;
			g.space = (uint8_t)is_blank(c);
			g.sup = 0;
			/* degenerate, or off the page */
			if (!isfinite(g.x0) || !isfinite(g.x1) || !isfinite(g.base) || g.x1 < 0 ||
			    g.y1 < 0 || g.x0 > W || g.y0 > H) {
				last = NULL;
				continue;
			}
			/* in place while there is room: no call, no zeroing */
			ties_vec *v = &d->pg->glyphs;
			ties__pglyph *slot = v->len < v->cap ? (ties__pglyph *)v->data + v->len++
			                                     : ties__vec_push(v);
			if (!slot) {
				d->rc = TIES_ERR_NOMEM;
				return;
			}
			*slot = g;
			last = slot;
		}
	}
}

static void fill_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                      fz_colorspace *cs, const float *color, float alpha, fz_color_params cp)
{
	(void)cs;
	(void)color;
	(void)alpha;
	(void)cp;
	record(ctx, (glyph_dev *)dev, text, ctm);
}

static void stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                        const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                        const float *color, float alpha, fz_color_params cp)
{
	(void)st;
	fill_text(ctx, dev, text, ctm, cs, color, alpha, cp);
}

static void clip_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                      fz_rect scissor)
{
	(void)scissor;
	record(ctx, (glyph_dev *)dev, text, ctm);
}

static void clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                             const fz_stroke_state *st, fz_matrix ctm, fz_rect scissor)
{
	(void)st;
	(void)scissor;
	record(ctx, (glyph_dev *)dev, text, ctm);
}

/* invisible text: the words of OCR layers over scanned pages */
static void ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm)
{
	record(ctx, (glyph_dev *)dev, text, ctm);
}

static void fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm, float alpha,
                       fz_color_params cp)
{
	(void)ctx;
	(void)img;
	(void)ctm;
	(void)alpha;
	(void)cp;
	((glyph_dev *)dev)->images++;
}

static void fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
                            fz_colorspace *cs, const float *color, float alpha, fz_color_params cp)
{
	(void)cs;
	(void)color;
	fill_image(ctx, dev, img, ctm, alpha, cp);
}

ties_code ties__pdf_run_page(fz_context *ctx, fz_page *page, fz_rect bounds, ties__ppage *pg,
                             unsigned *images)
{
	glyph_dev *d = fz_new_derived_device(ctx, glyph_dev);
	d->pg = pg;
	d->bounds = bounds;
	d->super.fill_text = fill_text;
	d->super.stroke_text = stroke_text;
	d->super.clip_text = clip_text;
	d->super.clip_stroke_text = clip_stroke_text;
	d->super.ignore_text = ignore_text;
	d->super.fill_image = fill_image;
	d->super.fill_image_mask = fill_image_mask;
	fz_try(ctx)
	{
		fz_run_page(ctx, page, &d->super, fz_identity, NULL);
		fz_close_device(ctx, &d->super);
	}
	fz_always(ctx)
	{
		*images = d->images;
	}
	fz_catch(ctx)
	{
		fz_drop_device(ctx, &d->super);
		fz_rethrow(ctx);
	}
	ties_code rc = d->rc;
	fz_drop_device(ctx, &d->super);
	return rc;
}
