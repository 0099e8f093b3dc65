/* Lines into blocks: paragraphs (by spacing, indents, type; joined across
 * columns and pages when a column ends mid-sentence), line-end hyphens
 * undone, headings and the title, the notes section, and footnotes at the
 * foot of a column moved to the notes. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf_int.h"

typedef struct stats {
	float size;  /* body text size */
	float pitch; /* body baseline distance */
} stats;

/* The body size is the one most characters are set in. */
static ties_code body_stats(const ties__preader *R, stats *st)
{
	const ties__pline *L = R->lines.data;
	size_t n = R->lines.len;
	float *v = ties__malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return TIES_ERR_NOMEM;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!L[i].drop)
			v[m++] = roundf(L[i].size * 4) / 4;
	ties__pdf_sort_floats(v, m);
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
		const ties__pline *a = &L[i - 1], *b = &L[i];
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
	static const char *const words[] = {"notes",       "endnotes",  "footnotes",
	                                    "references",  "sources",   "bibliography",
	                                    "works cited", "end notes", "citations"};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !strncasecmp(s, words[i], n))
			return 1;
	return 0;
}

/* The line runs (nearly) to its column's right edge. */
static int reaches_end(const ties__pline *l, float S)
{
	return l->x1 >= l->rx1 - ties__maxf(0.08f * (l->rx1 - l->rx0), S);
}

/* Does line b start a new paragraph after line a? */
static int breaks(const ties__preader *R, const stats *st, const ties__pline *a,
                  const ties__pline *b, int in_notes)
{
	const char *ta = R->text.data + a->t0, *tb = R->text.data + b->t0;
	float S = st->size;
	if (fabsf(a->size - b->size) > 0.1f * ties__maxf(a->size, b->size))
		return 1;
	if (in_notes && starts_with_number(tb, b->tlen))
		return 1;
	if (a->page != b->page || a->region != b->region) {
		/* a paragraph continues in the next column or page when its last
		 * line runs to the column's end without closing a sentence */
		int indented = b->x0 > b->rx0 + 0.5f * S;
		if (!reaches_end(a, S) || a->region_full < 2 || ends_sentence(ta, a->tlen) ||
		    indented || a->bold != b->bold || a->edge || b->edge)
			return 1;
		return 0;
	}
	float pitch = st->pitch * b->size / S;
	float gap = b->base - a->base;
	if (gap > pitch + 0.35f * b->size || gap < 0.3f * pitch)
		return 1;
	if (a->bold != b->bold) {
		const ties__pline *bl = a->bold ? a : b;
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
static int heading_like(const ties__preader *R, const stats *st, const ties__pline *L, size_t i,
                        size_t j, size_t len)
{
	if (j - i > 3 || len > 200)
		return 0;
	const ties__pline *e = &L[j - 1];
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

typedef struct flow_state {
	int in_notes, have_title;
	float title_size;
	unsigned first_page;
	ties_buf para;
	ties_vec marks;
} flow_state;

/* Turns the lines K[0..nk) into blocks. */
static ties_code flow(ties__preader *R, const stats *st, const size_t *K, size_t nk,
                      ties__blocks *bl, ties__vocab *vocab, flow_state *fs)
{
	const ties__pline *L = R->lines.data;
	ties_code rc = TIES_OK;
	size_t i = 0;
	while (!rc && i < nk) {
		size_t j = i + 1;
		while (j < nk && !breaks(R, st, &L[K[j - 1]], &L[K[j]], fs->in_notes))
			j++;
		ties_buf_clear(&fs->para);
		fs->marks.len = 0;
		for (size_t k = i; k < j && !rc; k++) {
			const ties__pline *l = &L[K[k]];
			/* one line at a time after an empty one: join_lines then
			 * works on the paragraph so far, and the line's markers
			 * keep their offsets from its end */
			ties__line two[2] = {{.text = "", .len = 0},
			                     {.text = R->text.data + l->t0, .len = l->tlen}};
			rc = ties__join_lines(&fs->para, two, 2, vocab);
			if (rc)
				break;
			size_t start = fs->para.len - l->tlen;
			for (size_t m = 0; m < l->nm; m++) {
				ties__mark *d = ties__vec_push(&fs->marks);
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
		const char *t = fs->para.data ? fs->para.data : "";
		size_t tl = fs->para.len;
		ties_block_kind kind = TIES_BLOCK_PARAGRAPH;
		if (is_notes_heading(t, tl)) {
			kind = TIES_BLOCK_NOTES_HEADING;
			fs->in_notes = 1;
		} else if (heading_like(R, st, L, K[i], K[j - 1] + 1, tl) &&
		           !(fs->in_notes && starts_with_number(t, tl))) {
			kind = TIES_BLOCK_HEADING;
			if (!fs->have_title && fs->title_size > 0 &&
			    L[K[i]].size >= fs->title_size - 0.01f &&
			    L[K[i]].page == fs->first_page) {
				kind = TIES_BLOCK_TITLE;
				fs->have_title = 1;
			}
			if (L[K[i]].size > 1.05f * st->size || L[K[i]].bold)
				fs->in_notes = 0;
		}
		rc = ties__blocks_add(bl, kind, t, tl);
		if (!rc && kind == TIES_BLOCK_PARAGRAPH && !fs->in_notes && fs->marks.len) {
			ties__block *b = &TIES_VEC_AT(&bl->blocks, ties__block, bl->blocks.len - 1);
			b->marks = ties__calloc(fs->marks.len, sizeof *b->marks);
			if (!b->marks) {
				rc = TIES_ERR_NOMEM;
			} else {
				memcpy(b->marks, fs->marks.data, fs->marks.len * sizeof *b->marks);
				b->nmarks = fs->marks.len;
			}
		}
		i = j;
	}
	return rc;
}

/* Footnotes: the last lines of a column low on the page, in smaller type
 * than the body, the first of them starting with a number. */
static void mark_footnotes(ties__preader *R, const stats *st)
{
	ties__pline *L = R->lines.data;
	size_t n = R->lines.len;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && L[j].region == L[i].region && L[j].page == L[i].page)
			j++;
		size_t s = j;
		while (s > i && (L[s - 1].drop || L[s - 1].size <= 0.9f * st->size))
			s--;
		/* the run must start with a numbered line */
		while (s < j &&
		       (L[s].drop || !starts_with_number(R->text.data + L[s].t0, L[s].tlen)))
			s++;
		if (s < j && L[s].ph > 0 && L[s].base > 0.5f * L[s].ph)
			for (size_t k = s; k < j; k++)
				L[k].foot = 1;
		i = j;
	}
}

ties_code ties__pdf_paragraphs(ties__preader *R, ties__blocks *bl, ties__vocab *vocab)
{
	stats st;
	ties_code rc = body_stats(R, &st);
	if (rc)
		return rc;
	ties__pline *L = R->lines.data;
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
	mark_footnotes(R, &st);
	/* kept lines in order: the body first, then the footnotes */
	size_t *K = ties__malloc((n ? n : 1) * sizeof *K);
	if (!K)
		return TIES_ERR_NOMEM;
	size_t nk = 0, nf = 0;
	for (size_t i = 0; i < n; i++)
		if (!L[i].drop && !L[i].foot)
			K[nk++] = i;
	for (size_t i = 0; i < n; i++)
		if (!L[i].drop && L[i].foot)
			K[nk + nf++] = i;
	flow_state fs = {0};
	ties_buf_init(&fs.para, TIES__PDF_MAX_TEXT);
	ties__vec_init(&fs.marks, sizeof(ties__mark));
	fs.first_page = nk ? L[K[0]].page : 0;
	/* the title: the largest type of the first page, above the body size */
	for (size_t i = 0; i < nk && L[K[i]].page == fs.first_page; i++)
		if (L[K[i]].size > fs.title_size)
			fs.title_size = L[K[i]].size;
	if (fs.title_size < 1.2f * st.size)
		fs.title_size = 0;
	rc = flow(R, &st, K, nk, bl, vocab, &fs);
	if (!rc && nf) {
		/* footnotes go to the notes section, opened if the text has none */
		if (!fs.in_notes) {
			rc = ties__blocks_add(bl, TIES_BLOCK_NOTES_HEADING, "Notes", 5);
			fs.in_notes = 1;
		}
		if (!rc)
			rc = flow(R, &st, K + nk, nf, bl, vocab, &fs);
	}
	if (rc == TIES_ERR_TOOBIG)
		rc = TIES_ERR_LIMIT;
	ties_buf_release(&fs.para);
	ties__vec_release(&fs.marks);
	ties__free(K);
	return rc;
}
