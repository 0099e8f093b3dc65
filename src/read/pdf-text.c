/* Spelling a run of glyphs: word blanks from gaps (many PDFs draw no blank
 * characters), ligatures expanded, superscript digits kept apart as
 * footnote markers. */
#include <math.h>

#include "pdf_int.h"

/* Compatibility characters spelled out as their letters, like NFKC. */
static const char *expand(int32_t c)
{
	switch (c) {
	case 0xFB00: return "ff";
	case 0xFB01: return "fi";
	case 0xFB02: return "fl";
	case 0xFB03: return "ffi";
	case 0xFB04: return "ffl";
	case 0xFB05:
	case 0xFB06: return "st";
	case 0x00AD: /* soft hyphen: only drawn at a line end */
	case 0x2010:
	case 0x2011: return "-";
	case 0x2002:
	case 0x2003:
	case 0x2009: return " ";
	default: return NULL;
	}
}

static ties_code put(ties_buf *out, int32_t c)
{
	/* ASCII with room to spare: most characters, without a call */
	if (c < 0x80 && out->len + 2 <= out->cap &&
	    (!out->cap_limit || out->len + 2 <= out->cap_limit + 1)) {
		out->data[out->len++] = (char)c;
		out->data[out->len] = '\0';
		return TIES_OK;
	}
	const char *e = expand(c);
	if (e)
		return ties_buf_adds(out, e);
	char u[4];
	size_t k = ties__utf8_encode(c, u);
	return ties_buf_add(out, u, k);
}

static int is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* A spacing accent (TeX draws "č" as "c" and a caron) whose centre stands
 * over letter l: with the accents it composes with (see
 * ties__compose_accent), the letter's composed form in u, else 0. */
static size_t accent_over(const ties__pglyph *a, const ties__pglyph *l, char u[4])
{
	float c = (a->x0 + a->x1) / 2;
	if (a->c < 0xA0 || a->c >= 0x800 || l->c >= 0x80 || l->space || c < l->x0 || c > l->x1)
		return 0;
	char acc[4];
	ties__utf8_encode(a->c, acc);
	return ties__compose_accent(acc, (char)l->c, u);
}

static int ends_blank(const ties_buf *b, size_t from)
{
	return b->len == from || b->data[b->len - 1] == ' ';
}

ties_code ties__pdf_spell(const ties__pglyph *G, size_t g0, size_t g1, int lead_plain,
                          ties_buf *out, ties_vec *marks)
{
	size_t from = out->len;
	const ties__pglyph *prev = NULL;
	int blank = 0;
	size_t mark_start = 0;
	int in_mark = 0, lead = 0;
	/* the next glyph composed with a spacing accent over it */
	char accent[4];
	size_t accent_len = 0;
	for (size_t i = g0; i <= g1; i++) {
		const ties__pglyph *g = i < g1 ? &G[i] : NULL;
		int digit_sup = g && g->sup && is_digit(g->c);
		if (in_mark && !digit_sup) {
			/* the run of superscript digits ends */
			size_t len = out->len - mark_start;
			int num = 0;
			for (size_t q = mark_start; q < out->len && q - mark_start < 4; q++)
				num = num * 10 + (out->data[q] - '0');
			if (lead) {
				if (g && ties_buf_addc(out, ' '))
					return TIES_ERR_NOMEM;
			} else if (len <= 3 && num > 0) {
				ties__mark *m = ties__vec_push(marks);
				if (!m)
					return TIES_ERR_NOMEM;
				m->off = mark_start;
				m->len = len;
				m->number = num;
			}
			in_mark = 0;
			lead = 0;
		}
		if (!g)
			break;
		char u[4];
		size_t ul;
		/* an accent over the letter just spelled takes its place */
		if (prev && !blank && out->len > from &&
		    (unsigned char)out->data[out->len - 1] == prev->c &&
		    (ul = accent_over(g, prev, u))) {
			out->len--;
			if (ties_buf_add(out, u, ul))
				return TIES_ERR_NOMEM;
			continue;
		}
		/* one over the next letter waits for it */
		if (i + 1 < g1 && (ul = accent_over(g, &G[i + 1], accent))) {
			accent_len = ul;
			continue;
		}
		const char *e = g->c >= 0xA0 ? expand(g->c) : NULL;
		if (g->space || (e && e[0] == ' ')) {
			blank = prev != NULL;
			continue;
		}
		if (prev) {
			float ref = ties__maxf(prev->sup ? 0 : prev->size, g->sup ? 0 : g->size);
			if (ref <= 0)
				ref = ties__maxf(prev->size, g->size);
			float gap = g->x0 - prev->x1;
			/* a blank character the next glyph overlaps is spacing
			 * noise, not a word break */
			int want = (blank && gap > 0.05f * ref) || gap > 0.15f * ref;
			if (g->sup && !prev->sup && !lead)
				want = 0; /* markers stay glued to their word */
			if (want && !ends_blank(out, from) && ties_buf_addc(out, ' '))
				return TIES_ERR_NOMEM;
		}
		blank = 0;
		if (digit_sup && !in_mark) {
			in_mark = 1;
			mark_start = out->len;
			lead = lead_plain && out->len == from;
		}
		if (accent_len) {
			ul = accent_len;
			accent_len = 0;
			if (ties_buf_add(out, accent, ul))
				return TIES_ERR_NOMEM;
		} else if (put(out, g->c)) {
			return TIES_ERR_NOMEM;
		}
		prev = g;
	}
	while (out->len > from && out->data[out->len - 1] == ' ')
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
	return TIES_OK;
}
