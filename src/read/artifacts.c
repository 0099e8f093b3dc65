/* Page furniture in extracted text: page numbers ("20", "Page 3",
 * "3 of 12") that count up through the document, and running headers or
 * footers (short lines that come back after every page number).  They are
 * dropped and recorded as artifacts; the page numbers also cut the text into
 * pages, the unit the column merge works on. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "repair.h"

/* Length of a dash or bracket that decorates a page number, or 0. */
static size_t deco_len(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == '-' || s[0] == '[' || s[0] == ']' || s[0] == '(' || s[0] == ')'))
		return 1;
	/* en and em dash */
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3;
	return 0;
}

/* The page number a line states, or -1; *decorated: dashes or brackets
 * stand around it. */
static long page_number(const char *s, size_t n, int *decorated)
{
	size_t i = 0;
	int deco = 0;
	if (n >= 5 && strncasecmp(s, "page ", 5) == 0)
		i = 5;
	/* decorated numbers: "- 2 -", "[2]", "(2)", "— 2 —" */
	for (size_t k; (k = deco_len(s + i, n - i)) > 0;) {
		i += k;
		deco = 1;
		while (i < n && s[i] == ' ')
			i++;
	}
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
	if (deco)
		for (size_t k; (k = deco_len(s + i, n - i)) > 0;) {
			i += k;
			while (i < n && s[i] == ' ')
				i++;
		}
	if (i + 3 <= n && strncasecmp(s + i, "of ", 3) == 0) {
		i += 3;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	*decorated = deco;
	return i == n ? v : -1;
}

/* Lines after a page's start or before its end where a running header
 * or footer may sit. */
#define HEAD_WINDOW 3

/* The end of the page that starts at line s: its page-number line, the
 * next line after a form feed, or n. */
static size_t page_end(const ties__line *L, size_t n, size_t s)
{
	size_t e = s;
	while (e < n && !ties__page_break(L, e, s))
		e++;
	return e;
}

/* Where the page after [s, e) starts: past a page-number line, at a line
 * after a form feed; n + 1 when the text is done. */
static size_t page_next(const ties__line *L, size_t n, size_t s, size_t e)
{
	return e < n && (L[e].flags & TIES__L_PAGE) ? e + 1 : e > s ? e : n + 1;
}

static int same_text(const ties__line *a, const ties__line *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Texts found among the first lines of page starts: (hash, page start)
 * pairs, sorted, so that the number of page starts where a text recurs is
 * a binary search away. */
typedef struct hv {
	uint64_t h;
	size_t page;
} hv;

static uint64_t text_hash(const ties__line *l)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < l->len; i++) {
		h ^= (unsigned char)l->text[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int cmp_hv(const void *a, const void *b)
{
	const hv *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->page < y->page ? -1 : x->page > y->page;
}

typedef struct hvtab {
	hv *v;
	size_t n;
} hvtab;

static size_t header_votes(const hvtab *t, const ties__line *h)
{
	uint64_t k = text_hash(h);
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].h < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t votes = 0;
	for (size_t i = lo; i < t->n && t->v[i].h == k; i++)
		if (i == lo || t->v[i].page != t->v[i - 1].page)
			votes++;
	return votes;
}

/* A heading-like line (a capital, no final punctuation, short) among the
 * first lines after the header candidates at the top of the text, or the
 * title whose start the header L[0] repeats. */
static int heading_follows(const ties__line *L, size_t n, size_t npages, const hvtab *t)
{
	for (size_t j = 1; j < n && j <= HEAD_WINDOW; j++) {
		const ties__line *h = &L[j];
		size_t v = h->len <= 100 ? header_votes(t, h) : 0;
		if (v >= 2 && v * 2 >= npages)
			continue; /* another header line */
		char c = h->text[h->len - 1];
		if (h->len > L[0].len + 1 && memcmp(h->text, L[0].text, L[0].len) == 0 &&
		    h->text[L[0].len] == ' ')
			return 1;
		return ties__starts_upper(h->text, h->len) && h->len <= 100 && c != '.' &&
		       c != ',' && c != ';' && c != '-';
	}
	return 0;
}

/* Lines between two occurrences of a running header or footer: a page
 * holds at least this many. */
#define MIN_PAGE_LINES 20
/* Occurrences this close (in lines) belong to one header or footer box. */
#define BOX_SPAN 3

/* A word of one to three letters alone, only its first a capital ("The",
 * "In"): a sentence's first word cut from its row, no header. */
static int opening_word(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ') {
		s++;
		n--;
	}
	if (n < 1 || n > 3 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	return 1;
}

/* A line that may be a running header or footer: short, no sentence, a
 * capital, a digit or a sign first (a scrap of a cut line opens in lower
 * case). */
static int furniture_like(const ties__line *l)
{
	if (l->len == 0 || l->len > 100 || ties__starts_lower(l->text, l->len))
		return 0;
	char c = l->text[l->len - 1];
	return c != '.' && c != ',' && c != ';' && c != '-' && !opening_word(l->text, l->len);
}

/* Line k is a scrap of a cut justified line: a word or two in lower case
 * that end no sentence. */
static int scrap_at(const ties__line *L, size_t n, size_t k)
{
	return k < n && ties__starts_lower(L[k].text, L[k].len) &&
	       ties__rp_words(L[k].text, L[k].len) <= 2 &&
	       !ties__ends_sentence(L[k].text, L[k].len);
}

/* The last line of the box of recurring lines that starts at line i. */
static size_t box_end(const unsigned char *rec, size_t n, size_t i)
{
	size_t e = i;
	for (size_t k = i + 1; k < n && k <= e + BOX_SPAN; k++)
		if (rec[k])
			e = k;
	return e;
}

/* Without form feeds, running headers and footers mark the page breaks,
 * better than page numbers: a line that comes back again and again, each
 * time a page's worth of lines after the last.  The break goes before each
 * box of such lines (a header) or, where the last box ends the text and
 * the first one does not open it, after each box (a footer).  The box at
 * the text's top opens the first page.  Where a chain of numbers counts
 * the pages (numbered), furniture comes back on at least half of them: a
 * word that a long text's exploded rows leave on a line of its own now and
 * then ("Congress", a few pages apart) marks no pages.  Returns 0 or
 * TIES_ERR_NOMEM. */
static ties_code infer_page_breaks(ties__line *L, size_t n, size_t numbered)
{
	if (n < 2 * MIN_PAGE_LINES)
		return TIES_OK;
	hv *v = ties__reallocarray(NULL, n, sizeof *v);
	unsigned char *rec = ties__calloc(2 * n, 1); /* recurring lines, then those kept */
	if (!v || !rec) {
		ties__free(v);
		ties__free(rec);
		return TIES_ERR_NOMEM;
	}
	size_t nv = 0; /* (hash, line) pairs: .page holds the line here */
	for (size_t i = 0; i < n; i++)
		/* a word between scraps is a scrap too */
		if (furniture_like(&L[i]) &&
		    !(i > 0 && scrap_at(L, n, i - 1) && scrap_at(L, n, i + 1)))
			v[nv++] = (hv){text_hash(&L[i]), i};
	qsort(v, nv, sizeof *v, cmp_hv);
	for (size_t a = 0, b; a < nv; a = b) {
		b = a + 1;
		int same = 1;
		while (b < nv && v[b].h == v[a].h)
			same &= same_text(&L[v[b++].page], &L[v[a].page]);
		/* an occurrence close after the last one counted is not counted:
		 * the title under a header that repeats it */
		size_t counted = 0, prev = 0;
		for (size_t k = a; same && k < b; k++)
			if (k == a || v[k].page - prev >= MIN_PAGE_LINES) {
				rec[prev = v[k].page] = 1;
				counted++;
			}
		for (size_t k = a; counted == 1 && k < b; k++)
			rec[v[k].page] = 0;
	}
	/* a section heading may come back too ("Leadership" in each of two
	 * profiles): running furniture stands in a box with another recurring
	 * line (title and date, name and number), or comes back three times
	 * or more at about a page's interval */
	unsigned char *keep = rec + n;
	for (size_t a = 0, b; a < nv; a = b) {
		b = a + 1;
		while (b < nv && v[b].h == v[a].h)
			b++;
		if (!rec[v[a].page])
			continue;
		size_t paired = 0;
		for (size_t k = a; k < b; k++) {
			size_t i = v[k].page;
			if (!rec[i])
				continue;
			int with = 0;
			for (size_t j = i > BOX_SPAN ? i - BOX_SPAN : 0;
			     !with && j <= i + BOX_SPAN && j < n; j++)
				with = j != i && rec[j] && !same_text(&L[j], &L[i]);
			paired += (size_t)with;
		}
		size_t cnt = 0, lo = n, hi = 0, prev = n;
		for (size_t k = a; k < b; k++)
			if (rec[v[k].page]) {
				if (prev < n) {
					size_t g = v[k].page - prev;
					lo = g < lo ? g : lo;
					hi = g > hi ? g : hi;
				}
				prev = v[k].page;
				cnt++;
			}
		/* the box comes back with its partner, not once by chance: two
		 * words a long text's exploded rows leave alone on their lines
		 * ("Government", "Expenditures") met once */
		int ok = paired >= 2 && paired * 2 >= cnt;
		if (!ok && cnt >= 3)
			ok = hi <= 2 * lo;
		for (size_t k = a; k < b; k++)
			keep[v[k].page] = (unsigned char)(ok && rec[v[k].page]);
	}
	memcpy(rec, keep, n);
	/* boxes: recurring lines at most BOX_SPAN apart; the break goes
	 * before each (headers) or after each (footers) */
	size_t boxes = 0, first = n, last_end = 0;
	for (size_t i = 0; i < n; i++)
		if (rec[i]) {
			size_t e = box_end(rec, n, i);
			if (first == n)
				first = i;
			last_end = e;
			boxes++;
			i = e;
		}
	int footer = first >= BOX_SPAN && last_end + BOX_SPAN >= n;
	if (numbered >= 3 && boxes * 2 < numbered)
		boxes = 0;
	/* page numbers are often set centred below both columns, where the
	 * extractor may read them between the columns; running headers stand
	 * flush with a column's edge and mark the pages better */
	for (size_t i = 0; boxes >= 2 && i < n; i++)
		L[i].flags &= ~(TIES__L_PAGE | TIES__L_NEWPAGE);
	for (size_t i = 0; boxes >= 2 && i < n; i++)
		if (rec[i]) {
			size_t e = box_end(rec, n, i), at = footer ? e + 1 : i;
			/* among the text's first lines the first page is open
			 * already: a title block's date line that the header
			 * repeats ("2019" under the author) breaks no page */
			if (at >= HEAD_WINDOW && at < n)
				L[at].flags |= TIES__L_NEWPAGE;
			i = e;
		}
	ties__free(v);
	ties__free(rec);
	return TIES_OK;
}

/* A page number set centred under both columns may be read between them,
 * half way down its page: its page then looks half as long as the others
 * and the next one half as long again.  Such a page's break goes where
 * the typical page length, counted back from the next page's number, puts
 * it (the chain of k numbers ending at cand[best_k], back through prevc).
 * Lengths are in rows where the extractor marks the rows it cut (a cut
 * row's pieces are lines of their own, as many as it had gaps), else in
 * lines. */
static void move_midpage_numbers(ties__line *L, size_t n, const size_t *cand, const size_t *prevc,
                                 size_t best_k, size_t k)
{
	size_t pos[64], gap[64];
	if (k > 64)
		return;
	size_t *row = ties__reallocarray(NULL, n + 1, sizeof *row);
	if (!row)
		return;
	int cuts = ties__cut_marks(L, n);
	row[0] = 0;
	for (size_t i = 0; i < n; i++)
		row[i + 1] = row[i] + (cuts && (L[i].flags & TIES__L_CUT) ? 0 : 1);
	for (size_t c = best_k, j = k; c != (size_t)-1 && j > 0; c = prevc[c])
		pos[--j] = cand[c];
	/* the typical page: the median of the pages between the first and
	 * the last (the first holds the title, the last may be short) */
	size_t m = 0;
	for (size_t j = 1; j + 1 < k; j++)
		gap[m++] = row[pos[j]] - row[pos[j - 1]];
	if (m == 0)
		goto done;
	qsort(gap, m, sizeof *gap, ties__cmp_size);
	/* of an even count, either middle page may be the typical one: the
	 * upper is tried first, then the lower (a number read mid-page
	 * lengthens the page after it, so of two pages between the first and
	 * the last the longer may be that one) */
	size_t Ts[2] = {gap[m / 2], gap[(m - 1) / 2]};
	for (size_t j = 0; j + 1 < k; j++) {
		size_t a = j ? row[pos[j - 1]] : 0, b = row[pos[j]], c = row[pos[j + 1]];
		size_t g = b - a, next = c - b, T = 0;
		for (int t = 0; t < 2 && !T; t++)
			if (g * 10 < Ts[t] * 7 && next * 10 > Ts[t] * 13 && c >= Ts[t])
				T = Ts[t];
		if (!T)
			continue;
		/* the first line of the row that starts the next page */
		size_t q = pos[j] + 1;
		while (q < n && (row[q] < c - T || (cuts && (L[q - 1].flags & TIES__L_CUT))))
			q++;
		if (q >= pos[j + 1] || q >= n)
			continue;
		L[pos[j]].flags &= ~TIES__L_PAGE;
		L[q].flags |= TIES__L_NEWPAGE | TIES__L_SOFTPAGE;
	}
done:
	ties__free(row);
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
		int deco = 0;
		long v = page_number(L[i].text, L[i].len, &deco);
		/* "Page N" and "- N -" (a dash either side) need no second page */
		size_t dk = deco ? deco_len(L[i].text, L[i].len) : 0;
		int explicit_ =
		    (L[i].len >= 5 && strncasecmp(L[i].text, "page ", 5) == 0) ||
		    (dk && L[i].len > 2 * dk && L[i].text[0] != '[' && L[i].text[0] != '(' &&
		     memcmp(L[i].text, L[i].text + L[i].len - dk, dk) == 0);
		if (v < 0 || (!explicit_ && L[i].len > (deco ? 16u : 4u)))
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
	/* explicit page numbers always count; a bare chain needs two pages.
	 * Form feeds, where the extractor wrote them, mark the page breaks
	 * better than page numbers, which it may read mid-page. */
	int feeds = 0;
	for (size_t i = 1; i < n && !feeds; i++)
		feeds = (L[i].flags & TIES__L_NEWPAGE) != 0;
	int fed = feeds || (n && (L[n - 1].flags & TIES__L_FEEDAFTER));
	const unsigned pn = TIES__L_DROP | TIES__L_PAGENUM | (feeds ? 0 : TIES__L_PAGE);
	for (size_t k = 0; k < nc; k++)
		if (val[k] < 0)
			L[cand[k]].flags |= pn;
	if (best >= 2)
		for (size_t k = best_k; k != (size_t)-1; k = prevc[k])
			L[cand[k]].flags |= pn;
	if (!feeds && best >= 3)
		move_midpage_numbers(L, n, cand, prevc, best_k, best);
	/* with form feeds, a number that closes its page (or opens one after
	 * the first) and counts it is that page's number, with no chain
	 * needed: the "1" at the foot of a one-page text */
	for (size_t k = 0, page = 1, i = 0; fed && k < nc; k++) {
		for (; i < cand[k]; i++)
			page += (L[i + 1].flags & TIES__L_NEWPAGE) ? 1 : 0;
		/* the top of the first page may hold a section number instead */
		int edge = (page > 1 && (L[cand[k]].flags & TIES__L_NEWPAGE)) || cand[k] + 1 == n ||
		           (L[cand[k] + 1].flags & TIES__L_NEWPAGE);
		if (val[k] == (long)page && edge)
			L[cand[k]].flags |= TIES__L_DROP | TIES__L_PAGENUM;
	}
	/* A page-number line may also end the text (last page): fine. */
	if (!feeds && (rc = infer_page_breaks(L, n, best >= 2 ? best : 0)) != TIES_OK)
		goto done;

	/* Running headers and footers: a short line that comes back among the
	 * first or the last lines of most pages (the extractor may read a
	 * header box last; the text's start and end count as page ends).  One
	 * occurrence per page end is dropped; at the top of the text only when
	 * its box holds nothing else (a title block that the header repeats
	 * stays). */
	size_t npages = 1;
	for (size_t i = 0; i < n; i++)
		if (ties__page_break(L, i, 0))
			npages++;
	hvtab T = {ties__reallocarray(NULL, npages * 2 * HEAD_WINDOW, sizeof(hv)), 0};
	if (!T.v) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	/* each page's windows: its first lines [s0, a1) and its last [b0, e0),
	 * apart */
	for (size_t s0 = 0, pno = 0; s0 <= n && pno < npages; pno++) {
		size_t e0 = page_end(L, n, s0);
		size_t a1 = s0 + HEAD_WINDOW < e0 ? s0 + HEAD_WINDOW : e0;
		size_t b0 = e0 >= a1 + HEAD_WINDOW ? e0 - HEAD_WINDOW : a1;
		for (size_t k = s0; k < e0; k = k + 1 == a1 ? b0 : k + 1)
			if (T.n < npages * 2 * HEAD_WINDOW)
				T.v[T.n++] = (hv){text_hash(&L[k]), pno};
		s0 = page_next(L, n, s0, e0);
	}
	qsort(T.v, T.n, sizeof *T.v, cmp_hv);
	if (npages >= 2) {
		for (size_t s0 = 0, pno = 0; s0 <= n && pno < npages; pno++) {
			size_t e0 = page_end(L, n, s0);
			size_t a1 = s0 + HEAD_WINDOW < e0 ? s0 + HEAD_WINDOW : e0;
			size_t b0 = e0 >= a1 + HEAD_WINDOW ? e0 - HEAD_WINDOW : a1;
			for (int end = 0; end < 2; end++) {
				size_t w0 = end ? b0 : s0, w1 = end ? e0 : a1;
				for (size_t k = w0; k < w1; k++) {
					const ties__line *h = &L[k];
					if (h->len > 100 || (h->flags & TIES__L_DROP))
						continue;
					size_t votes = header_votes(&T, h);
					if (votes < 2 || votes * 2 < npages)
						continue;
					/* the first occurrence in this window goes */
					size_t x = w0;
					while (x < k && !same_text(&L[x], h))
						x++;
					if (L[x].flags & TIES__L_DROP)
						continue;
					if (s0 == 0 && !end) {
						/* the text's first line may be the title that the
						 * header repeats: it goes only when a heading
						 * follows to take its place */
						if (x == 0 && !heading_follows(L, n, npages, &T))
							continue;
						size_t b0 = x, b1 = x + 1;
						while (b0 > 0 &&
						       !(L[b0].flags & TIES__L_BLANK_BEFORE))
							b0--;
						while (b1 < n &&
						       !(L[b1].flags & TIES__L_BLANK_BEFORE))
							b1++;
						if (b1 - b0 > 1)
							continue;
					}
					L[x].flags |= TIES__L_DROP;
				}
			}
			s0 = page_next(L, n, s0, e0);
		}
	}
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(L[i].flags & TIES__L_DROP))
			continue;
		const char *kind =
		    (L[i].flags & TIES__L_PAGENUM) ? "page-number" : "running-header";
		rc = ties__blocks_artifact(bl, kind, L[i].lineno, 0, L[i].text, L[i].len);
	}
	ties__free(T.v);
done:
	ties__free(cand);
	ties__free(val);
	ties__free(prevc);
	ties__free(chain);
	return rc;
}
