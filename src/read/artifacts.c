/* Page furniture in extracted text: page numbers ("20", "Page 3",
 * "3 of 12") that count up through the document, and running headers or
 * footers (short lines that come back after every page number).  They are
 * dropped and recorded as artifacts; the page numbers also cut the text into
 * pages, the unit the column merge works on. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "repair.h"

/* The page number a line states, or -1. */
static long page_number(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 5 && strncasecmp(s, "page ", 5) == 0)
		i = 5;
	else if (n >= 2 && (s[0] == '-' || s[0] == 0x5B))
		i = 0;
	while (i < n && s[i] == ' ')
		i++;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - d < 5)
		i++;
	if (i == d || i - d > 4)
		return -1;
	long v = strtol(s + d, NULL, 10);
	while (i < n && s[i] == ' ')
		i++;
	if (i + 3 <= n && strncasecmp(s + i, "of ", 3) == 0) {
		i += 3;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == n ? v : -1;
}

/* Lines after a page start where a running header may sit. */
#define HEAD_WINDOW 3

static int same_text(const ties__line *a, const ties__line *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

ties_code ties__mark_artifacts(ties__line *L, size_t n, ties__blocks *bl)
{
	/* Page numbers: lines holding only a number; keep the longest chain
	 * that counts up by one (a lone "18" is a footnote number). */
	size_t *cand = ties__calloc(n ? n : 1, sizeof *cand);
	long *val = ties__calloc(n ? n : 1, sizeof *val);
	size_t *prevc = ties__calloc(n ? n : 1, sizeof *prevc);
	size_t *chain = ties__calloc(n ? n : 1, sizeof *chain);
	ties_code rc = TIES_OK;
	if (!cand || !val || !prevc || !chain) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		long v = page_number(L[i].text, L[i].len);
		int explicit_ = L[i].len >= 5 && strncasecmp(L[i].text, "page ", 5) == 0;
		if (v < 0 || (!explicit_ && L[i].len > 4))
			continue;
		cand[nc] = i;
		val[nc] = explicit_ ? -v - 1 : v; /* keep "Page N" apart, see below */
		nc++;
	}
	/* chain[k]: length of the best chain ending at candidate k; a chain
	 * needs values v, v+1, ... at increasing positions.  Candidates are few,
	 * but bound the look-back anyway. */
	size_t best = 0, best_k = 0;
	for (size_t k = 0; k < nc; k++) {
		long v = val[k] < 0 ? -val[k] - 1 : val[k];
		chain[k] = 1;
		prevc[k] = (size_t)-1;
		for (size_t q = k > 200 ? k - 200 : 0; q < k; q++) {
			long w = val[q] < 0 ? -val[q] - 1 : val[q];
			if (w + 1 == v && chain[q] + 1 > chain[k]) {
				chain[k] = chain[q] + 1;
				prevc[k] = q;
			}
		}
		if (chain[k] > best) {
			best = chain[k];
			best_k = k;
		}
	}
	/* "Page N" lines always count; a bare chain needs two pages */
	for (size_t k = 0; k < nc; k++)
		if (val[k] < 0)
			L[cand[k]].flags |= TIES__L_DROP | TIES__L_PAGE;
	if (best >= 2)
		for (size_t k = best_k; k != (size_t)-1; k = prevc[k])
			L[cand[k]].flags |= TIES__L_DROP | TIES__L_PAGE;
	/* A page-number line may also end the text (last page): fine. */

	/* Running headers: a short line that comes back among the first lines
	 * of most pages (the text's start counts as a page start).  One
	 * occurrence per page is dropped; at the top of the text only when its
	 * box holds nothing else (a title block that the header repeats stays). */
	size_t npages = 1;
	for (size_t i = 0; i < n; i++)
		if (L[i].flags & TIES__L_PAGE)
			npages++;
	if (npages >= 2) {
		size_t starts = 0;
		for (size_t i = 0; i < n; i++) {
			if (!(i == 0 || (L[i - 1].flags & TIES__L_PAGE)))
				continue;
			starts++;
			for (size_t d = 0; d < HEAD_WINDOW && i + d < n; d++) {
				const ties__line *h = &L[i + d];
				if (h->len > 100 || (h->flags & TIES__L_DROP))
					continue;
				/* count the page starts where this text recurs */
				size_t votes = 0;
				for (size_t k = 0; k < n; k++) {
					if (!(k == 0 || (L[k - 1].flags & TIES__L_PAGE)))
						continue;
					for (size_t e = 0; e < HEAD_WINDOW && k + e < n; e++)
						if (same_text(&L[k + e], h)) {
							votes++;
							break;
						}
				}
				if (votes < 2 || votes * 2 < npages)
					continue;
				/* the first occurrence at this page start goes */
				size_t e = 0;
				while (e < d && !same_text(&L[i + e], h))
					e++;
				ties__line *x = &L[i + e];
				if (x->flags & TIES__L_DROP)
					continue;
				if (i == 0) {
					size_t b0 = i + e, b1 = i + e + 1;
					while (b0 > 0 && !(L[b0].flags & TIES__L_BLANK_BEFORE))
						b0--;
					while (b1 < n && !(L[b1].flags & TIES__L_BLANK_BEFORE))
						b1++;
					if (b1 - b0 > 1)
						continue;
				}
				x->flags |= TIES__L_DROP;
			}
			if (starts > 1024)
				break; /* the vote is quadratic in pages: bound it */
		}
	}
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(L[i].flags & TIES__L_DROP))
			continue;
		const char *kind = (L[i].flags & TIES__L_PAGE) ? "page-number" : "running-header";
		rc = ties__blocks_artifact(bl, kind, L[i].lineno, 0, L[i].text, L[i].len);
	}
done:
	ties__free(cand);
	ties__free(val);
	ties__free(prevc);
	ties__free(chain);
	return rc;
}
