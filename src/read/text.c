/* Text reader: splits input into lines and groups them into blocks.
 * Clean text (paragraphs separated by blank lines) passes through as is;
 * text that an extractor linearised column-blind (boxes that mostly stop
 * mid-sentence) is repaired first: see repair.h and docs/reading.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "repair.h"

/* Splits data into trimmed lines; blank lines set BLANK_BEFORE on the next. */
static ties_code split_lines(const char *data, size_t len, ties_vec *lines)
{
	size_t i = 0;
	unsigned lineno = 0;
	unsigned pending = TIES__L_BLANK_BEFORE;
	while (i < len) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		lineno++;
		size_t s = i, t = e;
		unsigned ff = 0; /* a form feed before the line's text, or after it */
		while (s < t && (data[s] == ' ' || data[s] == '\t' || data[s] == '\f'))
			pending |= data[s++] == '\f' ? TIES__L_NEWPAGE : 0;
		unsigned cut = 0;
		while (t > s &&
		       (data[t - 1] == ' ' || data[t - 1] == '\t' || data[t - 1] == '\f')) {
			cut |= data[t - 1] == ' ' ? TIES__L_CUT : 0;
			ff |= data[--t] == '\f' ? TIES__L_NEWPAGE : 0;
		}
		if (t == s) {
			pending |= TIES__L_BLANK_BEFORE | ff;
		} else {
			ties__line *l = ties__vec_push(lines);
			if (!l)
				return TIES_ERR_NOMEM;
			l->text = data + s;
			l->len = t - s;
			l->lineno = lineno;
			l->flags = pending | cut;
			pending = ff;
		}
		i = e + 1;
	}
	/* the form feed after the last page has no line to open */
	if ((pending & TIES__L_NEWPAGE) && lines->len)
		TIES_VEC_AT(lines, ties__line, lines->len - 1).flags |= TIES__L_FEEDAFTER;
	return TIES_OK;
}

static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == '"' || s[n - 1] == ')' || (s[n - 1] >= '0' && s[n - 1] <= '9')))
		n--;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':' ||
	             s[n - 1] == ';' || s[n - 1] == ',');
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* ---- deciding whether to repair ---------------------------------------- */

/* A line of one of two or more columns holds at most this many characters
 * (a single column of a report or a wrapped plain text holds more). */
#define COLUMN_WIDTH 64
/* Lines per box, on average, of an extractor that keeps paragraphs whole. */
#define BOXED_LINES 3

static int lead_number(const char *s, size_t n);

/* One past the last line of 3 words or more before line n (0: none):
 * scraps of cut rows (fewer words) are passed over. */
static size_t last_worded(const ties__line *L, size_t n)
{
	while (n && ties__rp_words(L[n - 1].text, L[n - 1].len) < 3)
		n--;
	return n;
}

/* Where the page [s, e) ends before the page numbers at its foot (lines of
 * up to 3 digits, each a box of its own). */
static size_t before_page_number(const ties__line *L, size_t s, size_t e)
{
	while (e > s && all_digits(L[e - 1].text, L[e - 1].len) && L[e - 1].len <= 3 &&
	       (L[e - 1].flags & TIES__L_BLANK_BEFORE))
		e--;
	return e;
}

/* The text's last line of 3 words or more ends a box mid-sentence: a text
 * read column by column whose right column came first ends with the left
 * one, which goes on at the right column's top (a box that opens in
 * lowercase).  Scraps of cut rows after it (fewer words) do not count, nor
 * does a line of the notes (under a notes heading, no other heading
 * between): an extractor cuts notes into scraps as it does justified
 * rows. */
static int ends_open(const ties__line *L, size_t n)
{
	size_t k = last_worded(L, n);
	if (!k || ties__ends_sentence(L[k - 1].text, L[k - 1].len) ||
	    (k < n && !(L[k].flags & TIES__L_BLANK_BEFORE)))
		return 0;
	for (size_t h = k; h-- > 0;) {
		if (h > 0 && !(L[h].flags & TIES__L_BLANK_BEFORE))
			continue;
		if (ties__is_notes_heading(L[h].text, L[h].len))
			return 0;
		/* a heading of its own box: the notes, if any, end above it */
		if (h + 1 < k && (L[h + 1].flags & TIES__L_BLANK_BEFORE) &&
		    ties__starts_upper(L[h].text, L[h].len) &&
		    !ties__ends_sentence(L[h].text, L[h].len) &&
		    ties__rp_words(L[h].text, L[h].len) <= 6)
			break;
	}
	return 1;
}

/* A box of notes: a notes heading alone, or run into its first note
 * ("Notes 1. Interview, ..."). */
static int notes_box(const ties__line *l)
{
	if (ties__is_notes_heading(l->text, l->len))
		return 1;
	size_t k = 0;
	while (k < l->len && l->text[k] != ' ')
		k++;
	size_t d = k;
	while (d < l->len && l->text[d] == ' ')
		d++;
	return k < l->len && d < l->len && l->text[d] >= '1' && l->text[d] <= '9' &&
	       ties__is_notes_heading(l->text, k);
}

#define ROT_TITLE_BOXES 4
#define ROT_MAX_LINES 1000 /* a page's lines, at most */
static int numbers_disorder(const ties__line *L, size_t n);
static int numbers_order(const ties__line *L, size_t n, size_t *count);
static size_t box_end(const ties__line *L, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && !(L[j].flags & TIES__L_BLANK_BEFORE))
		j++;
	return j;
}

/* t[h..e) = L[h..r) L[p..e) L[r..p): the left column's boxes from p on
 * moved before the right column's, which open at r. */
static void rotate_into(ties__line *t, const ties__line *L, size_t h, size_t r, size_t p, size_t e)
{
	memcpy(t + h, L + h, (r - h) * sizeof *t);
	memcpy(t + r, L + p, (e - p) * sizeof *t);
	memcpy(t + r + (e - p), L + r, (p - r) * sizeof *t);
}

/* A later page read right column first, each column whole: the page
 * before ends mid-clause (a comma or a semicolon), the page opens with a
 * capital, and further down a box of two lines or more opens in lowercase
 * after a sentence end: the left column's top, which goes on from the page
 * before.  It and the boxes after it (up to a page number at the page's
 * end) move to the page's top.  Only where form feeds mark the pages; a
 * page that ends in a word may go on with a name ("at" + "Hodeidah port",
 * "Counter-" + "Terrorism"), so only a comma or a semicolon counts. */
static ties_code later_pages_right_first(ties__line *L, size_t n)
{
	size_t s0 = 0;
	for (size_t k = 1; k <= n; k++) {
		if (k < n && !(L[k].flags & TIES__L_NEWPAGE))
			continue;
		size_t s = s0, e = k; /* the page [s, e) */
		s0 = k;
		if (s == 0 || e - s < 4 || e - s > ROT_MAX_LINES)
			continue;
		size_t b = last_worded(L, s);
		if (!b || ties__starts_lower(L[s].text, L[s].len))
			continue;
		char c = L[b - 1].text[L[b - 1].len - 1];
		if (c != ',' && c != ';')
			continue;
		size_t pe = before_page_number(L, s, e);
		size_t q = box_end(L, pe, s);
		while (q < pe &&
		       !(ties__starts_lower(L[q].text, L[q].len) &&
		         ties__rp_words(L[q].text, L[q].len) >= 3 && box_end(L, pe, q) >= q + 2 &&
		         ties__ends_block(L[q - 1].text, L[q - 1].len)))
			q = box_end(L, pe, q);
		if (q >= pe)
			continue;
		ties__line *tmp = ties__reallocarray(NULL, pe - s, sizeof *tmp);
		if (!tmp)
			return TIES_ERR_NOMEM;
		/* the page's marks stay at its ends */
		unsigned open = L[s].flags & TIES__L_NEWPAGE,
		         feed = L[pe - 1].flags & TIES__L_FEEDAFTER;
		L[s].flags &= ~TIES__L_NEWPAGE;
		L[pe - 1].flags &= ~TIES__L_FEEDAFTER;
		memcpy(tmp, L + q, (pe - q) * sizeof *tmp);
		memcpy(tmp + (pe - q), L + s, (q - s) * sizeof *tmp);
		memcpy(L + s, tmp, (pe - s) * sizeof *tmp);
		ties__free(tmp);
		L[s].flags |= open | TIES__L_BLANK_BEFORE;
		L[pe - 1].flags |= feed;
	}
	return TIES_OK;
}

/* One page read right column first, each column whole (pdfminer on a
 * one-page text, where the right column's top stands highest): the text
 * ends mid-sentence, in a box of two lines or more (the left column's
 * foot, not a cut row's piece), and goes on at the right column's top.
 * The left column is the text's last boxes (and perhaps the box read
 * before the right column's first one, which opens in lowercase): they
 * move in front of the right column, behind the title matter (up to 4
 * boxes of at most 3 short lines that end no sentence) and before a page
 * number at the end.  The split goes where a box that ends a sentence is
 * followed by one that opens with a capital (or a section number), and
 * leaves the left column no shorter than the right one, less 2 lines; of
 * those, the one whose note numbers and numbered headings count up, then
 * the one that leaves the notes last, then the one whose columns stand
 * most nearly level.  Only where a form feed closes the text and none
 * opens a page in it, or a lone 1 does (a one-page text), and not
 * where numbered headings already count up (a box moved to the end by
 * the extractor, not a column). */
static ties_code right_column_first(ties__line *L, size_t n)
{
	/* one page: a form feed closes it, or the text ends in a page
	 * number 1, alone (form feeds taken out; a text that goes on after
	 * its first page has a break, and a number above 1, further on) */
	int one = n >= 2 && L[n - 1].len == 1 && L[n - 1].text[0] == '1' &&
	          (L[n - 1].flags & TIES__L_BLANK_BEFORE);
	if (n < 4 || n > ROT_MAX_LINES || (!(L[n - 1].flags & TIES__L_FEEDAFTER) && !one))
		return TIES_OK;
	for (size_t k = 1; k < n; k++)
		if (L[k].flags & TIES__L_NEWPAGE)
			return TIES_OK;
	/* a page number closes the page: it stays there */
	size_t e = before_page_number(L, 0, n);
	if (!ends_open(L, e))
		return TIES_OK;
	size_t k = last_worded(L, e);
	if (k < 2 || (L[k - 1].flags & TIES__L_BLANK_BEFORE))
		return TIES_OK; /* a line alone: a cut row's piece */
	/* the title matter */
	size_t h = 0, boxes = 0;
	while (h < e && boxes < ROT_TITLE_BOXES) {
		size_t j = box_end(L, e, h);
		const ties__line *z = &L[j - 1];
		if (j - h > 3 || ties__ends_sentence(z->text, z->len) ||
		    ties__starts_lower(L[h].text, L[h].len) ||
		    ties__rp_words(L[h].text, L[h].len) > 12)
			break;
		h = j;
		boxes++;
	}
	if (h >= e)
		return TIES_OK;
	/* numbered headings that count up as the text stands: read in order,
	 * the open end is a box the extractor moved, not a column */
	size_t count = 0;
	int disorder = numbers_order(L, e, &count);
	if (!disorder && count >= 2)
		return TIES_OK;
	ties__line *tmp = ties__reallocarray(NULL, e, sizeof *tmp);
	if (!tmp)
		return TIES_ERR_NOMEM;
	memcpy(tmp, L, h * sizeof *tmp);
	/* the right column opens mid-sentence, where the left column's first
	 * box may stand before it (pdfminer reads the box that stands highest
	 * first): then the second box opens in lowercase */
	size_t r = box_end(L, e, h);
	if (r >= e || ties__starts_lower(L[h].text, L[h].len) ||
	    !ties__starts_lower(L[r].text, L[r].len) || ties__rp_words(L[r].text, L[r].len) < 3)
		r = h;
	/* note numbers and numbered headings that count up once the columns
	 * are put in order speak for a split, and so do the notes left last
	 * (they close a text, under the right column's foot); the columns'
	 * heights decide between the rest */
	size_t total = e - h, best = e, best_d = (size_t)-1;
	int best_bad = 4;
	int notes = 0; /* the boxes [r, p) end with notes, no heading after them */
	for (size_t q = r, p = box_end(L, e, r); p < e; q = p, p = box_end(L, e, p)) {
		if (notes_box(&L[q]))
			notes = 1;
		else if (p == q + 1 && !ties__ends_sentence(L[q].text, L[q].len) &&
		         ties__rp_words(L[q].text, L[q].len) <= 6)
			notes = 0; /* a heading after them */
		const ties__line *z = &L[p - 1];
		if (!ties__ends_block(z->text, z->len) || notes_box(&L[p]) ||
		    !(ties__starts_upper(L[p].text, L[p].len) || ties__section_number(&L[p])))
			continue;
		size_t right = p - r, left = total - right;
		if (left + 2 < right)
			continue;
		rotate_into(tmp, L, h, r, p, e);
		/* a numbered heading read with the title matter is followed by
		 * its text, not by another heading */
		int bad = numbers_disorder(tmp, e) ||
		          (h > 0 && ties__section_number(&L[h - 1]) && box_end(L, e, p) == p + 1 &&
		           !ties__ends_sentence(L[p].text, L[p].len) &&
		           ties__rp_words(L[p].text, L[p].len) <= 8);
		bad = bad * 2 + !notes;
		size_t d = left > right ? left - right : 0;
		if (bad < best_bad || (bad == best_bad && d < best_d)) {
			best_bad = bad;
			best_d = d;
			best = p;
		}
	}
	if (best == e || (count >= 2 && best_bad >= 2)) {
		ties__free(tmp);
		return TIES_OK;
	}
	unsigned feed = L[n - 1].flags & TIES__L_FEEDAFTER;
	L[n - 1].flags &= ~TIES__L_FEEDAFTER;
	rotate_into(tmp, L, h, r, best, e);
	memcpy(L + h, tmp + h, (e - h) * sizeof *tmp);
	ties__free(tmp);
	L[n - 1].flags |= feed;
	return TIES_OK;
}

/* Numbers of 1 to 3 digits set close after a stop or comma that follows a
 * digit ("since 2021.2", but also "3.5 million"): note markers perhaps,
 * which ties__note_marks leaves out.  Marks them seen. */
static void digit_marks(const ties__line *l, unsigned char *seen)
{
	const char *t = l->text;
	for (size_t k = 2; k < l->len; k++) {
		if (t[k - 2] < '0' || t[k - 2] > '9' || (t[k - 1] != '.' && t[k - 1] != ','))
			continue;
		size_t e = k;
		unsigned v = 0;
		while (e < l->len && e - k < 4 && t[e] >= '0' && t[e] <= '9')
			v = v * 10 + (unsigned)(t[e++] - '0');
		if (e > k && e - k <= 3 && v >= 1 && v <= 255 && (e == l->len || t[e] == ' '))
			seen[v] = 1;
	}
}

/* Numbers that count up in reading order came out of order: a note marker,
 * or a numbered heading, seen for the first time below a number seen before
 * it (a right column read before the left one: "wing.4" before "2017.1",
 * "6. Prison corruption" before "2. Leadership").  A number seen again (a
 * note cited twice, a list that starts over) says nothing, nor does one
 * that may have been seen where a marker follows a number ("in 2021.2"). */
static int numbers_disorder(const ties__line *L, size_t n)
{
	size_t count;
	return numbers_order(L, n, &count);
}

/* numbers_disorder, and how many numbered headings it saw (*count). */
static int numbers_order(const ties__line *L, size_t n, size_t *count)
{
	unsigned char seen[2][256] = {{0}}, top[2] = {0, 0};
	*count = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char v[3] = {0, 0, 0};
		ties__note_marks(&L[i], &v[0], &v[1]);
		/* a heading: a box's first line, short, no sentence end */
		if ((i == 0 || (L[i].flags & TIES__L_BLANK_BEFORE)) &&
		    ties__rp_words(L[i].text, L[i].len) <= 8 &&
		    !ties__ends_sentence(L[i].text, L[i].len))
			v[2] = ties__section_number(&L[i]);
		for (int k = 0; k < 3; k++) {
			int c = k == 2;
			if (!v[k] || seen[c][v[k]])
				continue;
			if (v[k] < top[c])
				return 1;
			seen[c][v[k]] = 1;
			top[c] = v[k];
			*count += c; /* numbered headings only: note markers are
			              * missed after a number ("in 2021.2") */
		}
		digit_marks(&L[i], seen[0]);
	}
	return 0;
}

/* Boxes (runs of lines between blank lines) of clean text end where
 * paragraphs end; in column-blind extraction output most stop mid-sentence.
 * An extractor that reads a page column by column keeps whole paragraphs in
 * one box (where the lines stand close), and only the boxes cut by a
 * column's or a page's end stop mid-sentence: there the lines are a
 * column's width and words are broken at their ends, or boxes open
 * mid-sentence, which clean text seldom does.  W: the text's typical line
 * width (typical_width). */
static int interleaved(const ties__line *L, size_t n, size_t W)
{
	size_t boxes = 0, open_ = 0, heads = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && !(L[i + 1].flags & TIES__L_BLANK_BEFORE))
			continue;
		if (ties__rp_words(L[i].text, L[i].len) < 3)
			continue;
		/* a heading of clean text: one line, well short of the text's
		 * lines (a short text with many headings is no less clean) */
		if ((i == 0 || (L[i].flags & TIES__L_BLANK_BEFORE)) &&
		    ties__line_width(L[i].text, L[i].len) * 2 < W &&
		    !ties__starts_lower(L[i].text, L[i].len)) {
			heads += !ties__ends_sentence(L[i].text, L[i].len);
			continue;
		}
		boxes++;
		char c = L[i].text[L[i].len - 1];
		if (!ties__ends_sentence(L[i].text, L[i].len) && c != ':' && c != ';' && c != ')')
			open_++;
	}
	if (boxes >= 6 && open_ * 10 > boxes * 4)
		return 1;
	/* a box that opens mid-sentence goes on from a column's end */
	size_t broken = 0, cont = 0, cont_box = 0;
	for (size_t i = 0; i < n; i++) {
		int c = (i == 0 || (L[i].flags & TIES__L_BLANK_BEFORE)) &&
		        ties__starts_lower(L[i].text, L[i].len) &&
		        ties__rp_words(L[i].text, L[i].len) >= 3;
		cont += c;
		/* of two lines or more: a line alone may be a row's piece */
		cont_box += c && i + 1 < n && !(L[i + 1].flags & TIES__L_BLANK_BEFORE);
		broken += i + 1 < n && !(L[i + 1].flags & TIES__L_BLANK_BEFORE) &&
		          ties__ends_hyphen(L[i].text, L[i].len) &&
		          ties__starts_lower(L[i + 1].text, L[i + 1].len);
	}
	/* without line-end hyphens (a layout that sets words whole), boxes
	 * that open mid-sentence tell it: clean text's paragraphs open with
	 * their sentences */
	if (open_ + heads + cont < 2 || W > COLUMN_WIDTH)
		return 0;
	/* the cheap counts first: the numbers take a pass over every line */
	return (broken >= 3 && broken * 100 >= n) || (cont_box >= 3 && cont_box * 10 >= boxes) ||
	       (cont && ends_open(L, n)) || numbers_disorder(L, n);
}

/* ---- the repair -------------------------------------------------------- */

/* A page longer than this (text without page numbers) is merged in parts,
 * which bounds the search's memory. */
#define MAX_PAGE_UNITS 20000

int ties__cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_line_ptr(const void *a, const void *b)
{
	const ties__line *x = *(const ties__line *const *)a, *y = *(const ties__line *const *)b;
	return x < y ? -1 : x > y;
}

/* Typical full line: the upper quartile of the lengths of lines with a few
 * words (short lines end paragraphs or are scraps). */
static size_t typical_width(const ties__line *L, size_t n)
{
	size_t *w = ties__reallocarray(NULL, n ? n : 1, sizeof *w), k = 0;
	if (!w)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(L[i].flags & TIES__L_DROP) && ties__rp_words(L[i].text, L[i].len) >= 4)
			w[k++] = ties__line_width(L[i].text, L[i].len);
	size_t r = 0;
	if (k) {
		qsort(w, k, sizeof *w, ties__cmp_size);
		r = w[k * 3 / 4];
	}
	ties__free(w);
	return r;
}

static size_t capital_words(const char *s, size_t n, size_t *words)
{
	size_t c = 0, w = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) {
			w++;
			c += ties__starts_upper(s + i, n - i);
		}
	*words = w;
	return c;
}

/* Lines set in capitals (at least two words, nearly all letters upper
 * case): title matter, free to stay above the columns. */
static int shouting(const ties__line *l, size_t n)
{
	size_t up = 0, low = 0, words = 0;
	for (size_t k = 0; k < n; k++) {
		const char *t = l[k].text;
		for (size_t i = 0; i < l[k].len; i++) {
			unsigned char c = (unsigned char)t[i];
			up += c >= 'A' && c <= 'Z';
			low += c >= 'a' && c <= 'z';
			words += c != ' ' && (i == 0 || t[i - 1] == ' ');
		}
	}
	return words >= 2 && up >= 4 && low * 10 <= up;
}

int ties__justified(const char *t, size_t n)
{
	size_t wide = 0;
	for (size_t i = 2; i < n; i++)
		wide += t[i] != ' ' && t[i - 1] == ' ' && t[i - 2] == ' ';
	return wide >= 2;
}

/* Words with plain gaps only: a whole short line (a paragraph's last),
 * no piece of a justified line, whose gaps are all stretched alike. */
static int plain_gaps(const char *t, size_t n)
{
	size_t i = 0;
	while (n && t[n - 1] == ' ')
		n--;
	while (i < n && t[i] == ' ')
		i++;
	size_t plain = 0;
	for (i++; i + 1 < n; i++)
		if (t[i] == ' ') {
			if (t[i + 1] == ' ' || t[i - 1] == ' ')
				return 0;
			plain++;
		}
	return plain > 0;
}

/* Adds to *sig the words of four letters or more of t, and to *caps
 * those of them that open with a capital (the short function words of a
 * title do not). */
static void count_caps(const char *t, size_t n, size_t *sig, size_t *caps)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i] == ' ' || (i && t[i - 1] != ' '))
			continue;
		size_t e = i;
		while (e < n && t[e] != ' ')
			e++;
		if (e - i < 4)
			continue;
		++*sig;
		*caps += ties__starts_upper(t + i, n - i);
	}
}

/* At least 1/den of the words of four letters or more open with a
 * capital, and two of them do. */
static int title_case(const char *t, size_t n, size_t den)
{
	size_t sig = 0, caps = 0;
	count_caps(t, n, &sig, &caps);
	return caps >= 2 && caps * den >= sig;
}

/* Title case: nearly every word of four letters or more opens with a
 * capital. */
static int title_like(const ties__line *l, size_t n)
{
	size_t sig = 0, caps = 0, wide = 0;
	for (size_t k = 0; k < n; k++) {
		count_caps(l[k].text, l[k].len, &sig, &caps);
		wide += ties__justified(l[k].text, l[k].len);
	}
	/* gaps stretched by justification mark a line of the columns */
	return shouting(l, n) || (sig >= 2 && caps * 4 >= sig * 3 && !wide);
}

/* Line b goes on with the title of line a: a ends on a separator, or both
 * are set in capitals (a byline or a date is not). */
static int title_goes_on(const ties__line *a, const ties__line *b)
{
	char c = a->text[a->len - 1];
	if (c == '|' || c == ':' || c == ',' || c == '-')
		return 1;
	size_t i = 0, up = 0;
	while (i < b->len && b->text[i] != ' ') {
		unsigned char x = (unsigned char)b->text[i++];
		if (x >= 'a' && x <= 'z')
			return 0;
		up += x >= 'A' && x <= 'Z';
	}
	return up >= 2 && shouting(a, 1);
}

/* A line that opens with a date: a year ("2019") or a day, then a month
 * name ("3 May 2024"). */
static int date_line(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && s[d] != ' ')
		d++;
	int year = 0;
	if (!ties__day_or_year(s, d, &year))
		return 0;
	if (year)
		return 1;
	size_t m = d + 1, e = m;
	while (e < n && s[e] != ' ' && s[e] != ',')
		e++;
	return m < n && ties__is_month_name(s + m, e - m);
}

/* Marks the title box L[i..j) and the boxes under it that look like
 * headings (author, date, subtitle); the one-line boxes from start on
 * above it are kickers where the title spans both columns (kickers). */
static void title_box(ties__line *L, size_t n, const ties__layout *lay, size_t start, size_t i,
                      size_t j, int kickers)
{
	const ties__line *last = &L[j - 1];
	size_t lw = ties__line_width(last->text, last->len);
	/* one-line boxes above a title that spans both columns, none
	 * ending a sentence (a series or kicker line), belong to the
	 * title matter too */
	for (size_t k = start; k < i && kickers && lw * 10 > lay->width * 11; k++)
		if (!(L[k].flags & TIES__L_DROP))
			L[k].flags |= TIES__L_HEADING;
	/* the title box: lines opening with a capital stand alone */
	for (size_t k = i; k < j; k++)
		if (k == i ||
		    (ties__starts_upper(L[k].text, L[k].len) && !title_goes_on(&L[k - 1], &L[k])))
			L[k].flags |= TIES__L_HEADING;
		else
			L[k].flags |= TIES__L_TITLE_CONT; /* joins the heading line before it */
	/* boxes that follow whose lines (up to three) all look like
	 * headings: author, date, subtitle */
	size_t k = j;
	for (;;) {
		while (k < n && (L[k].flags & TIES__L_DROP))
			k++;
		size_t e = k + 1;
		while (e < n && e - k <= 3 && !(L[e].flags & TIES__L_BLANK_BEFORE) &&
		       !(L[e].flags & TIES__L_DROP))
			e++;
		if (k >= n || e - k > 3)
			break;
		int all = 1;
		for (size_t q = k; q < e && all; q++) {
			const ties__line *h = &L[q];
			size_t words, caps = capital_words(h->text, h->len, &words);
			size_t w = ties__line_width(h->text, h->len);
			char hc = h->text[h->len - 1];
			/* a date line may open with a digit ("2019", "3 May 2024") */
			int opens = ties__starts_upper(h->text, h->len) ||
			            (w * 10 < lay->width * 6 && date_line(h->text, h->len));
			/* no stop either: a title's or an initial's ("Mr.") is
			 * followed by a name on the next line */
			all = !ties__justified(h->text, h->len) && opens &&
			      !ties__ends_sentence(h->text, h->len) && hc != '.' && hc != ',' &&
			      hc != ';' && hc != '-' && words <= 14 &&
			      (w * 10 < lay->width * 8 || w * 10 > lay->width * 12 ||
			       (caps * 2 >= words && w * 10 < lay->width * 6));
		}
		if (!all)
			break;
		for (size_t q = k; q < e; q++)
			L[q].flags |= TIES__L_HEADING;
		k = e;
	}
}

/* Some line is wider than a column's: it spans the columns, as the
 * title above them does. */
static int wider_than_column(const ties__line *l, size_t n, size_t W)
{
	for (size_t k = 0; k < n; k++)
		if (ties__line_width(l[k].text, l[k].len) * 10 > W * 11)
			return 1;
	return 0;
}

/* The text's first box opens with title matter, lines that end no
 * sentence and are short, span the page or stand in title case (a title,
 * an author, a date, a heading), and goes on with a line of a column's
 * width that opens with a capital and runs on: the body's first line, which
 * an extractor set in the title's box (pdftotext).  It opens a box of its
 * own, for the merge to read in its column. */
#define TITLE_BOX_LINES 6
static void split_title_box(ties__line *L, size_t n, const ties__layout *lay)
{
	size_t W = lay->width;
	size_t i = 0;
	while (i < n && (L[i].flags & TIES__L_DROP))
		i++;
	int short_line = 0;
	for (size_t k = i; k < n && k < i + TITLE_BOX_LINES; k++) {
		if (k > i && (L[k].flags & TIES__L_BLANK_BEFORE))
			return;
		size_t w = ties__line_width(L[k].text, L[k].len), sig = 0, caps = 0;
		int column = w * 10 >= W * 8 && w * 10 <= W * 11;
		count_caps(L[k].text, L[k].len, &sig, &caps);
		/* running text: two words of four letters or more in lowercase,
		 * or a function word last, where a sentence goes on (a byline or
		 * a date line is in title case: "Research Unit, 11 January
		 * 2025"; a salutation may be too: "Madam Chair, Members of the") */
		ties__lm_end t;
		ties__lm_tail(lay, &L[k], &t);
		if (k > i && column && ties__starts_upper(L[k].text, L[k].len) &&
		    (sig >= caps + 2 || t.func) && short_line && !title_goes_on(&L[k - 1], &L[k])) {
			L[k].flags |= TIES__L_BLANK_BEFORE | TIES__L_PARA_START;
			return;
		}
		if (ties__ends_sentence(L[k].text, L[k].len) ||
		    (column && !title_case(L[k].text, L[k].len, 2)))
			return;
		/* the title matter ends short (an author, a date, a heading),
		 * where a title's wrapped line would not */
		short_line = w * 10 < W * 8;
	}
}

/* The title and the lines that stand under it (author, date, subtitle)
 * before the columns begin: among the first boxes, the first one that does
 * not end a sentence, whose last line is short and that opens with a
 * capital; then the following one-line boxes that look like headings.
 * They are marked TIES__L_HEADING and kept first. */
static void mark_front(ties__line *L, size_t n, const ties__layout *lay)
{
	split_title_box(L, n, lay);
	size_t boxes = 0, i = 0, start = n;
	int kickers = 1; /* the boxes before this one are one-line kickers */
	/* a first box of a word or two (a header on a one-page text: "Policy
	 * Brief") may stand above the real title: a later box of several
	 * lines in title case or capitals is the title then */
	size_t wi = n; /* that box: one line */
	int wkick = 0;
	while (i < n && boxes < 4) {
		while (i < n && (L[i].flags & TIES__L_DROP))
			i++;
		if (i >= n)
			break;
		if (start == n)
			start = i;
		size_t j = i + 1;
		while (j < n && !(L[j].flags & TIES__L_BLANK_BEFORE) &&
		       !(L[j].flags & TIES__L_DROP))
			j++;
		boxes++;
		size_t bytes = 0;
		for (size_t k = i; k < j; k++)
			bytes += L[k].len;
		const ties__line *last = &L[j - 1];
		size_t lw = ties__line_width(last->text, last->len);
		char c = last->text[last->len - 1];
		/* a long title set in title case or capitals may take more lines */
		int titled = title_like(&L[i], j - i);
		if (((j - i <= 3 && bytes < 200) || (titled && j - i <= 6 && bytes < 400)) &&
		    ties__starts_upper(L[i].text, L[i].len) &&
		    !ties__ends_sentence(last->text, last->len) && c != ';' &&
		    (titled || (c != ',' && c != '-')) &&
		    (lw * 10 < lay->width * 8 || lw * 10 > lay->width * 11 || titled)) {
			if (j - i == 1 && !titled && ties__rp_words(L[i].text, L[i].len) <= 2) {
				if (wi == n) {
					wi = i;
					wkick = kickers;
				}
			} else if (wi == n || (titled && (j - i >= 2 || shouting(&L[i], j - i))) ||
			           (j - i >= 2 && wider_than_column(&L[i], j - i, lay->width))) {
				if (wi < n)
					for (size_t k = wi; k < i; k++)
						if (!(L[k].flags & TIES__L_DROP))
							L[k].flags |= TIES__L_HEADING;
				title_box(L, n, lay, start, i, j, kickers);
				return;
			} else {
				break;
			}
		} else if (wi < n) {
			/* the columns begin under the header box: no title below */
			break;
		}
		for (size_t k = i; k < j; k++)
			if (j - i > 1 || ties__ends_sentence(L[k].text, L[k].len) ||
			    ties__rp_words(L[k].text, L[k].len) > 10)
				kickers = 0;
		i = j;
	}
	if (wi < n)
		title_box(L, n, lay, start, wi, wi + 1, wkick);
}

/* The letters a line-end hyphen ends (after its last blank or inner hyphen)
 * joined with the first letters of b: "accom-" + "plished in" gives
 * "accomplished".  Returns the length written to j (0: none). */
static size_t hyphen_join(const ties__line *a, const ties__line *b, char *j, size_t cap)
{
	size_t e = a->len;
	while (e && a->text[e - 1] == ' ')
		e--;
	if (!e)
		return 0;
	e--; /* the hyphen */
	size_t s = e;
	while (s && a->text[s - 1] != ' ' && a->text[s - 1] != '-')
		s--;
	/* letters only: a dash or a quote after the tail ends the word
	 * ("quired—and" gives "required") */
	size_t t = 0;
	while (t < b->len) {
		int32_t cp;
		size_t k = ties__utf8_decode(b->text + t, b->len - t, &cp);
		if (!ties__is_letter(cp))
			break;
		t += k;
	}
	if (s == e || !t || e - s + t >= cap)
		return 0;
	memcpy(j, a->text + s, e - s);
	memcpy(j + (e - s), b->text, t);
	return e - s + t;
}

static int known_word(const ties__vocab *v, const char *w, size_t n)
{
	return n && (ties__vocab_in_dict(v, w, n) || ties__vocab_doc_count(v, w, n) > 0);
}

/* A row cut in two at a wide gap, most often a sentence's end ("it wisely
 * and courageously." and "It can be accom-", one row of a column): an
 * extractor may put the right piece first, in the same box.  The pieces
 * change places where the left one finishes the word broken at the end of
 * the line before the right one, or the line after it finishes the right
 * one's broken word where it does not, and the two make one row's width.
 * The broken word is the evidence: in a column read in order no line after
 * a line-end hyphen leaves the word open for the line after it, so the cut
 * may be anywhere ("On the northern side," after "the brokers' main part-"). */
static void order_cut_rows(ties__line *L, size_t n, size_t W, const ties__vocab *vocab)
{
	/* flags of a place in the text, not of a line's content */
	const unsigned pos = TIES__L_BLANK_BEFORE | TIES__L_NEWPAGE | TIES__L_FEEDAFTER |
	                     TIES__L_BOXEND | TIES__L_PARA_START;
	char j[128];
	for (size_t k = 0; W && vocab && k + 1 < n; k++) {
		ties__line *r = &L[k], *l = &L[k + 1];
		if ((l->flags & TIES__L_BLANK_BEFORE) || ((r->flags | l->flags) & TIES__L_DROP))
			continue;
		size_t w =
		    ties__line_width(r->text, r->len) + 1 + ties__line_width(l->text, l->len);
		if (w * 4 < W * 3 || w * 20 > W * 23)
			continue;
		/* the line before, of the same box, goes on in the left piece */
		int before = k > 0 && !(r->flags & TIES__L_BLANK_BEFORE) &&
		             !(L[k - 1].flags & TIES__L_DROP) &&
		             ties__ends_hyphen(L[k - 1].text, L[k - 1].len) &&
		             known_word(vocab, j, hyphen_join(&L[k - 1], l, j, sizeof j));
		/* the line after goes on from the right piece */
		int after = !before && k + 2 < n && !(L[k + 2].flags & TIES__L_BLANK_BEFORE) &&
		            !(L[k + 2].flags & TIES__L_DROP) &&
		            ties__ends_hyphen(r->text, r->len) &&
		            ties__starts_lower(L[k + 2].text, L[k + 2].len) &&
		            known_word(vocab, j, hyphen_join(r, &L[k + 2], j, sizeof j)) &&
		            !known_word(vocab, j, hyphen_join(r, l, j, sizeof j));
		if (!before && !after)
			continue;
		ties__line t = *r;
		unsigned fr = r->flags & pos, fl = l->flags & pos;
		*r = *l;
		*l = t;
		r->flags = (r->flags & ~pos) | fr;
		l->flags = (l->flags & ~pos) | fl;
		k++;
	}
}

/* Scraps of exploded justified lines: a few words, well short of a line. */
static void mark_frags(ties__line *L, size_t n, const ties__layout *lay)
{
	for (size_t i = 0; i < n; i++) {
		size_t w = ties__line_width(L[i].text, L[i].len);
		if (ties__rp_words(L[i].text, L[i].len) <= 3 && w * 2 < lay->width)
			L[i].flags |= TIES__L_FRAG;
	}
}

/* Line e (after line e - 1) ends a paragraph or a note, in either column,
 * and is no scrap of the cut line before it: a short line that ends a
 * sentence in lowercase before a full line. */
static int block_tail(const ties__line *L, size_t n, size_t e)
{
	return ties__ends_sentence(L[e].text, L[e].len) &&
	       ties__starts_lower(L[e].text, L[e].len) &&
	       !ties__ends_sentence(L[e - 1].text, L[e - 1].len) &&
	       (e + 1 >= n || !(L[e + 1].flags & TIES__L_FRAG));
}

/* A scrap that ends a sentence and one that opens in lowercase are no
 * pieces of one line (the tails of two paragraphs, or of a paragraph and a
 * broken word): inside a line a stop is seldom followed by lowercase. A
 * dotted abbreviation ("U.S.") ends no sentence here. */
static int sentence_then_lower(const ties__line *a, const ties__line *b)
{
	return ties__ends_sentence(a->text, a->len) && ties__starts_lower(b->text, b->len) &&
	       !ties__ends_dotted(a->text, a->len);
}

/* A line that may be a heading: opens with a capital, ends on a letter or
 * a digit (no punctuation). */
static int head_shaped(const ties__line *l)
{
	size_t n = l->len;
	while (n && l->text[n - 1] == ' ')
		n--;
	if (!n || !ties__starts_upper(l->text, l->len))
		return 0;
	unsigned char c = (unsigned char)l->text[n - 1];
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Lines e - 1 and e, scraps in boxes of their own, are the headings of two
 * columns on one row ("Origins", "Relations with the militias" over the bodies'
 * first lines), not two pieces of one cut line: both heading-shaped, and
 * the line after opens in a capital or a digit, as a body under a heading
 * does, and is not in capitals itself (the pieces of a paragraph set in
 * capitals look like headings). */
static int heads_side_by_side(const ties__line *L, size_t n, size_t e)
{
	if (e + 1 >= n || !head_shaped(&L[e - 1]) || !head_shaped(&L[e]))
		return 0;
	const ties__line *b = &L[e + 1];
	int32_t cp = 0;
	size_t k = ties__utf8_decode(b->text, b->len, &cp);
	if (!ties__is_upper(cp) && !ties__is_digit(cp))
		return 0;
	while (k < b->len) {
		size_t c = ties__utf8_decode(b->text + k, b->len - k, &cp);
		if (ties__is_lower(cp))
			return 1;
		k += c ? c : 1;
	}
	return 0;
}

/* Line e, the last of its box, is the first piece of a row whose other
 * pieces (scraps) follow in boxes of their own: short, open (no sentence
 * ends it) and followed by a scrap after a blank line.  An extractor may put
 * such a piece under a line it does not follow (the last line of the column
 * before, on another page), so it stands apart for the merge to place. */
static int row_piece(const ties__line *L, size_t n, size_t e, const ties__layout *lay)
{
	if (e + 1 >= n || !(L[e + 1].flags & TIES__L_BLANK_BEFORE) ||
	    !(L[e + 1].flags & TIES__L_FRAG) || (L[e].flags & TIES__L_FRAG))
		return 0;
	size_t w = ties__line_width(L[e].text, L[e].len);
	return w * 10 < lay->width * 7 && !ties__ends_sentence(L[e].text, L[e].len);
}

int ties__stretched(const ties__line *L, size_t n)
{
	size_t nj = 0;
	for (size_t k = 0; k < n; k++)
		nj += ties__justified(L[k].text, L[k].len);
	return nj * 5 >= n;
}

size_t ties__page_units(ties__line *L, size_t n, size_t i, const ties__layout *lay, int stretched,
                        ties__unit *U, size_t *end)
{
	size_t m = 0, e = i;
	/* a sentence ended on this page, or a page before: past the first
	 * page's title block, where a byline and a date stand in short lines */
	int body = i > 0;
	while (e < n && !ties__page_break(L, e, i) && m < MAX_PAGE_UNITS) {
		const ties__line *l = &L[e];
		if ((l->flags & (TIES__L_DROP | TIES__L_HEADING | TIES__L_TITLE_CONT))) {
			e++;
			continue;
		}
		int adjacent = m > 0 && U[m - 1].first + U[m - 1].n == e;
		/* lines of one box stay together; so do runs of scraps (the
		 * words of one exploded line come out one after another) */
		int joins = adjacent && !(l->flags & TIES__L_BLANK_BEFORE) &&
		            !(l->flags & TIES__L_FRAG) && !(L[e - 1].flags & TIES__L_FRAG);
		/* where the extractor kept the stretched word gaps of justified
		 * lines, a short line with plain gaps that ends a sentence is a
		 * paragraph's last line, whole: no scrap joins it (nor a lone
		 * scrap that ends a sentence, "tonight.", below, unless a
		 * heading in capitals follows) */
		int para_end = adjacent && stretched &&
		               ties__ends_sentence(L[e - 1].text, L[e - 1].len) &&
		               (plain_gaps(L[e - 1].text, L[e - 1].len) ||
		                (!ties__justified(L[e - 1].text, L[e - 1].len) &&
		                 ties__justified(l->text, l->len)));
		int pair = 0;
		if (adjacent && !para_end && (l->flags & TIES__L_FRAG) &&
		    (L[e - 1].flags & TIES__L_FRAG) &&
		    (U[m - 1].n > 1 || (L[U[m - 1].first].flags & TIES__L_FRAG)) &&
		    !block_tail(L, n, e) && !sentence_then_lower(&L[e - 1], l) &&
		    !(stretched && U[m - 1].n == 1 &&
		      ties__ends_sentence(L[e - 1].text, L[e - 1].len) &&
		      !ties__is_caps_word(l->text, l->len)) &&
		    !(pair = body && U[m - 1].n == 1 && (l->flags & TIES__L_BLANK_BEFORE) &&
		             heads_side_by_side(L, n, e)) &&
		    !ties__is_notes_heading(l->text, l->len)) {
			/* a scrap right under another one (no blank line between)
			 * is of the same stacked box: the width is the top row's */
			size_t w = 0;
			for (size_t q = U[m - 1].first; q <= e; q++)
				if (q == U[m - 1].first || (L[q].flags & TIES__L_BLANK_BEFORE))
					w += ties__line_width(L[q].text, L[q].len) + 1;
			joins =
			    !(l->flags & TIES__L_BLANK_BEFORE) || w <= lay->width + lay->width / 10;
		}
		/* where the extractor marks its cuts, a line after a blank
		 * goes on the row of a line cut before it, and only then */
		if (lay->cuts && adjacent && (l->flags & TIES__L_BLANK_BEFORE))
			joins = (L[e - 1].flags & TIES__L_CUT) != 0;
		/* the first piece of a cut row: the merge decides what it follows */
		if (joins && !(l->flags & TIES__L_BLANK_BEFORE) && row_piece(L, n, e, lay))
			joins = 0;
		/* a notes heading alone in its unit heads the notes under it:
		 * they go where it goes */
		if (adjacent && U[m - 1].n == 1 &&
		    ties__is_notes_heading(L[e - 1].text, L[e - 1].len) &&
		    lead_number(l->text, l->len) > 0)
			joins = 1;
		if (joins)
			U[m - 1].n++;
		else
			U[m++] = (ties__unit){e, 1};
		if (pair && !joins) {
			L[e - 1].flags |= TIES__L_HEADPAIR;
			L[e].flags |= TIES__L_HEADPAIR;
		}
		body |= ties__ends_sentence(l->text, l->len);
		e++;
	}
	*end = e;
	return m;
}

/* How many of a first page's leading units may be lines of the title
 * block: units of one line (or of scraps joined across blank lines) that do
 * not end a sentence or a clause (a long title wraps anywhere, after a
 * comma or a hyphen too). */
#define MAX_FRONT 6
#define FRONT_COST 1.0 /* a line taken out of the columns must pay for itself */
static size_t front_candidates(const ties__line *L, const ties__unit *U, size_t m)
{
	size_t k = 0;
	while (k < m && k < MAX_FRONT) {
		/* one line, or scraps joined across blank lines */
		for (size_t q = 1; q < U[k].n; q++)
			if (!(L[U[k].first + q].flags & TIES__L_BLANK_BEFORE))
				return k;
		/* the body's first line, split from the title's box */
		if (L[U[k].first].flags & TIES__L_PARA_START)
			break;
		const ties__line *h = &L[U[k].first + U[k].n - 1];
		/* a justified line in sentence case is body text (a title box
		 * the extractor ran together may be stretched too) */
		if (U[k].n == 1 && ties__justified(h->text, h->len) &&
		    !title_case(h->text, h->len, 2))
			break;
		/* a title's or an initial's stop ("Mr.", "J.") is followed by a
		 * name, on the next line: a sentence goes on there */
		char c = h->text[h->len - 1];
		if (ties__ends_sentence(h->text, h->len) || c == ';' || c == '.' ||
		    ties__rp_words(h->text, h->len) > 14)
			break;
		k++;
	}
	return k;
}

/* Nothing but artifacts from line e on. */
static int last_page(const ties__line *L, size_t e, size_t n)
{
	while (e < n && (L[e].flags & TIES__L_DROP))
		e++;
	return e >= n;
}

/* The line the page after the one that ends at line e opens with: past
 * the page's mark and any artifacts or title matter; NULL at the text's
 * end or where a scrap (a piece of some row) stands first. */
static const ties__line *next_head(const ties__line *L, size_t n, size_t e)
{
	if (e < n && (L[e].flags & TIES__L_PAGE))
		e++;
	while (e < n && (L[e].flags & (TIES__L_DROP | TIES__L_HEADING | TIES__L_TITLE_CONT)))
		e++;
	return e < n && !(L[e].flags & TIES__L_FRAG) ? &L[e] : NULL;
}

/* Appends the lines of units U[order[0..m)] to P. */
static void emit(const ties__line *L, const ties__unit *U, const size_t *order, size_t m,
                 const ties__line **P, size_t *np)
{
	for (size_t k = 0; k < m; k++) {
		const ties__unit *u = &U[order[k]];
		for (size_t q = 0; q < u->n; q++)
			P[(*np)++] = &L[u->first + q];
	}
}

static int cmp_unit(const void *a, const void *b)
{
	const ties__unit *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Boxes of BOXED_LINES lines or more on average hold paragraphs, not a line
 * or two of each column in turn: marks each box's last line (BOXEND) and
 * returns 1, or returns 0. */
static int boxed_paragraphs(ties__line *L, size_t n)
{
	size_t boxes = 0;
	for (size_t k = 0; k < n; k++)
		boxes += k == 0 || (L[k].flags & TIES__L_BLANK_BEFORE);
	if (!boxes || n < BOXED_LINES * boxes)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (k + 1 == n || (L[k + 1].flags & TIES__L_BLANK_BEFORE))
			L[k].flags |= TIES__L_BOXEND;
	return 1;
}

/* A blank left at a line's end now and then is no cut mark (repair.h). */
#define CUT_LINES 10
#define CUT_SHARE 20
int ties__cut_marks(const ties__line *L, size_t n)
{
	size_t c = 0;
	for (size_t k = 0; k < n; k++)
		c += (L[k].flags & TIES__L_CUT) != 0;
	return c >= CUT_LINES && c * CUT_SHARE >= n;
}

/* Leaves the stacks of scraps out of U[from..to), as they stand apart
 * from the merge (see repair); returns the new end. */
static size_t drop_stacks(const ties__line *L, size_t n, ties__unit *U, size_t from, size_t to)
{
	size_t k = from;
	for (size_t j = from; j < to; j++)
		if (!ties__scraps_stacked(L, n, &U[j]))
			U[k++] = U[j];
	return k;
}

/* A break placed by an estimate (move_midpage_numbers in artifacts.c)
 * counts lines, which stand for rows only roughly: the merge may move it by
 * up to SOFT_UNITS units either way, at SOFT_MOVE a unit (the estimate is
 * the likeliest place, barely). */
#define SOFT_UNITS 6
#define SOFT_MOVE 0.1

/* The page of the m units in U (stacks left out) read together with the
 * next one, whose lines start at line next: the break between them goes
 * anywhere from `before` units before the first of the next page to `after`
 * units past it, each unit from there costing move.  *brk: the unit that
 * opens the second page in U, m where it stays or the merge did not run.
 * U and order: room for the rest of the text's units. */
static ties_code merge_with_next(ties__line *L, size_t n, size_t next, size_t m, size_t before,
                                 size_t after, double move, const ties__lm *lm,
                                 const ties__layout *lay, int stretched, unsigned long *budget,
                                 const ties__line *prev_end, double height, ties__unit *U,
                                 size_t *order, size_t *brk)
{
	size_t e2;
	size_t m2 = ties__page_units(L, n, next, lay, stretched, U + m, &e2);
	size_t mu = drop_stacks(L, n, U, m, m + m2);
	*brk = m;
	if (m == 0 || mu < m + 2)
		return TIES_OK;
	ties__window w = {.lo = m > before ? m - before : 1,
	                  .hi = m + after < mu - 1 ? m + after : mu - 2,
	                  .mark = m,
	                  .move = move};
	ties__merge r;
	ties_code rc = ties__columns_order(L, U, mu, lm, lay, budget, prev_end, next_head(L, n, e2),
	                                   last_page(L, e2, n), &height, &r, order, &w);
	if (!rc && r.brk < mu)
		*brk = r.brk;
	return rc;
}

/* The page break at line e (TIES__L_SOFTPAGE) is uncertain: the merge reads
 * the m units of the page before it (in U) together with those of the page
 * after it and places the break; the flag moves there. */
static ties_code place_break(ties__line *L, size_t n, size_t e, size_t m, const ties__lm *lm,
                             const ties__layout *lay, int stretched, unsigned long *budget,
                             const ties__line *prev_end, double height, ties__unit *U,
                             size_t *order)
{
	size_t brk, first2 = drop_stacks(L, n, U, 0, m);
	ties_code rc = merge_with_next(L, n, e, first2, SOFT_UNITS, SOFT_UNITS, SOFT_MOVE, lm, lay,
	                               stretched, budget, prev_end, height, U, order, &brk);
	if (rc || brk == first2)
		return rc;
	L[e].flags &= ~(TIES__L_NEWPAGE | TIES__L_SOFTPAGE);
	L[U[brk].first].flags |= TIES__L_NEWPAGE;
	return TIES_OK;
}

/* A page's foot read after its number: pdfminer may write the last rows of
 * a page's right column after the page number, where they seem to open the
 * next page, and the merge then reads the page with its columns level by
 * giving the right one lines of the left.  A later page whose best reading,
 * were its right column let end short, leaves it FOOT_GAP rows short or
 * more is read together with the next page, the break anywhere from the
 * number to FOOT_EXTRA units past the gap's rows (at most FOOT_UNITS); it
 * moves only where the units it takes make up the gap, within FOOT_FIT
 * rows, or within FOOT_FIT_FAR where the page does not grow longer than
 * any (paragraph gaps of the left column that the foot does not share
 * widen the gap).  Under 4 rows a column may end short for headings and
 * paragraph gaps the text does not show (at 2.5 two ReportLab pages that
 * end so took 2 and 4 units and read worse). */
#define FOOT_GAP 4.0
#define FOOT_EXTRA 2
#define FOOT_FIT 1.5
#define FOOT_FIT_FAR 2.5
#define FOOT_UNITS 24

/* Lines of the longest page as the page marks stand (artifacts left out). */
static size_t longest_page(const ties__line *L, size_t n)
{
	size_t best = 0, cur = 0;
	for (size_t k = 0; k < n; k++) {
		if (ties__page_break(L, k, 0)) {
			best = cur > best ? cur : best;
			cur = 0;
		}
		cur += !(L[k].flags & (TIES__L_DROP | TIES__L_PAGE));
	}
	return cur > best ? cur : best;
}

/* The page that starts at line start, whose m units (stacks left out) are
 * in U, ends at the number at line e, and its reading leaves the right
 * column gap rows short: the merge
 * reads it with the next page and may end it after some of the next page's
 * first units; the break then moves there (1), or stays (0). */
static int place_foot(ties__line *L, size_t n, size_t start, size_t e, size_t m, double gap,
                      const ties__lm *lm, const ties__layout *lay, int stretched,
                      unsigned long *budget, const ties__line *prev_end, double height,
                      ties__unit *U, size_t *order, ties_code *rc)
{
	size_t span = (size_t)gap + FOOT_EXTRA, brk;
	if (span > FOOT_UNITS)
		span = FOOT_UNITS;
	/* no cost for a unit taken: the fit below decides */
	*rc = merge_with_next(L, n, e + 1, m, 0, span, 0, lm, lay, stretched, budget, prev_end,
	                      height, U, order, &brk);
	if (*rc || brk <= m)
		return 0;
	/* the units it takes must fill the right column out: their rows
	 * make up the gap */
	double rows = 0;
	for (size_t k = m; k < brk; k++)
		rows += (double)ties__unit_rows(L, &U[k], lay->width, NULL);
	double fit = fabs(rows - gap);
	if (fit > FOOT_FIT_FAR)
		return 0;
	/* a looser fit, and any on the first page, holds where the page does
	 * not grow longer than the longest page the marks give (the next one,
	 * which the foot lengthens, among them): a reading that takes the next
	 * page's top rows, both columns of them, into this page's right column
	 * makes a page taller than any.  The first page's reading is the least
	 * sure of all (its title block stands over the columns). */
	if (fit > FOOT_FIT || start == 0) {
		size_t lines = 0;
		for (size_t k = start; k < U[brk].first && k < n; k++)
			lines += !(L[k].flags & (TIES__L_DROP | TIES__L_PAGE));
		/* counted anew: the feet moved before this one changed the
		 * pages (the count taken once changed 3 readings of 547) */
		if (lines > longest_page(L, n))
			return 0;
	}
	L[e].flags &= ~TIES__L_PAGE;
	L[U[brk].first].flags |= TIES__L_NEWPAGE;
	return 1;
}

/* A text without page marks: the page height, which the merge otherwise
 * knows only as a bound (TALL_ROWS), is guessed.  The m units are merged
 * once per height from HEIGHT_LO to HEIGHT_HI rows, every HEIGHT_STEP and
 * then on either side of the best (breaks then cost nothing; pages of
 * another height do); the height read best is kept if that reading beats
 * the one without a height, its breaks' costs taken out, by HEIGHT_MARGIN:
 * a height is one more guess fitted to the text and must earn it.  Only
 * readings of three pages or more count: a page between two breaks alone
 * shows a full page's height (a one-page report read as two short pages
 * beat its own reading at every height).  Over
 * LibreOffice, ReportLab and pdflatex layouts with no page marks, 1.5 read
 * best: 1 lost the markless LibreOffice layouts (0.154 to 0.173), 2 the
 * nine texts --word with their page marks taken out (0.143 to 0.159) and
 * the ReportLab ones (0.258 to 0.267).  Each break past the second lowers
 * the bar by HEIGHT_PER_BREAK: the reading without a height places each of
 * its breaks where the text reads best, a freedom the height takes away at
 * every page, so that over many pages even the true height reads below it
 * (a 72-page text 20 below, about 0.3 a break).  The scan runs only
 * while the search budget holds all its merges at the cost of the first
 * (base_steps), so the work stays within the budget.  base: the score of
 * the reading without a height, its breaks' costs taken out.  The order
 * kept goes to order[0..m); order[m..2m) is scratch. */
#define HEIGHT_LO 30
#define HEIGHT_HI 70
#define HEIGHT_STEP 4
#define HEIGHT_MARGIN 1.5
#define HEIGHT_PER_BREAK 0.35
#define HEIGHT_MERGES ((HEIGHT_HI - HEIGHT_LO) / HEIGHT_STEP + 3)
/* A reading at a guessed height with this score and these breaks beats
 * the one without a height (base). */
int ties__height_wins(double score, size_t breaks, double base)
{
	double bar = HEIGHT_MARGIN - HEIGHT_PER_BREAK * (double)(breaks > 2 ? breaks - 2 : 0);
	return score > base + bar;
}

/* The reading at the height read best so far. */
typedef struct height_best {
	double score;
	int h; /* 0: none yet */
	size_t breaks;
	size_t *order; /* its order, m units */
} height_best;

/* One merge of the scan at height h, kept in *b if it reads best so far. */
static ties_code height_merge(const ties__line *L, const ties__unit *U, size_t m,
                              const ties__lm *lm, ties__layout *lay, unsigned long *budget,
                              const ties__line *prev_end, int last, int h, height_best *b,
                              size_t *scratch)
{
	double unused = 0;
	ties__merge r;
	lay->page_rows = h;
	ties_code rc = ties__columns_order(L, U, m, lm, lay, budget, prev_end, NULL, last, &unused,
	                                   &r, scratch, NULL);
	if (rc)
		return rc;
	/* only a page between two breaks shows a full page's height */
	if (r.breaks >= 2 && (!b->h || r.score > b->score)) {
		b->score = r.score;
		b->h = h;
		b->breaks = r.breaks;
		memcpy(b->order, scratch, m * sizeof *scratch);
	}
	return TIES_OK;
}

static ties_code guess_height(const ties__line *L, const ties__unit *U, size_t m,
                              const ties__lm *lm, ties__layout *lay, unsigned long *budget,
                              unsigned long base_steps, const ties__line *prev_end, int last,
                              double base, size_t *order)
{
	if (base_steps == 0 || *budget / HEIGHT_MERGES < base_steps)
		return TIES_OK;
	height_best b = {0, 0, 0, ties__reallocarray(NULL, m ? m : 1, sizeof *order)};
	if (!b.order)
		return TIES_ERR_NOMEM;
	ties_code rc = TIES_OK;
	for (int h = HEIGHT_LO; h <= HEIGHT_HI && !rc; h += HEIGHT_STEP)
		rc = height_merge(L, U, m, lm, lay, budget, prev_end, last, h, &b, order + m);
	int c = b.h;
	if (c && !rc)
		rc = height_merge(L, U, m, lm, lay, budget, prev_end, last, c - HEIGHT_STEP / 2, &b,
		                  order + m);
	if (c && !rc)
		rc = height_merge(L, U, m, lm, lay, budget, prev_end, last, c + HEIGHT_STEP / 2, &b,
		                  order + m);
	/* the height read best is kept if it beats the reading without one;
	 * the merges after this one read with it, or with none */
	int wins = !rc && b.h && ties__height_wins(b.score, b.breaks, base);
	if (wins)
		memcpy(order, b.order, m * sizeof *order);
	ties__free(b.order);
	lay->page_rows = wins ? b.h : 0;
	return rc;
}

static ties_code repair(ties__line *L, size_t n, const ties_read_opts *opts,
                        const ties__vocab *vocab, ties__blocks *bl, int rows)
{
	ties_code rc = ties__mark_artifacts(L, n, bl);
	if (rc)
		return rc;
	ties__layout lay = {
	    typical_width(L, n), 0, boxed_paragraphs(L, n), ties__cut_marks(L, n), 0, 0, 0};
	for (size_t k = 0; k < n; k++)
		if (ties__page_break(L, k, 0))
			lay.pages_known = 1;
	if (lay.pages_known)
		lay.column_rows = (double)longest_page(L, n) / 2;
	/* the language evidence first: the title block's split asks it */
	ties__lm *lm = ties__lm_new(L, n, vocab);
	mark_frags(L, n, &lay);
	mark_front(L, n, &lay);
	ties__unit *U = ties__reallocarray(NULL, n ? n : 1, sizeof *U);
	ties__unit *O = ties__reallocarray(NULL, n ? n : 1, sizeof *O);
	size_t *order = ties__reallocarray(NULL, n ? 2 * n : 1, sizeof *order);
	const ties__line **P = ties__reallocarray(NULL, n ? n : 1, sizeof *P);
	unsigned char *stray = ties__calloc(n ? n : 1, 1);
	if (!lm || !U || !O || !order || !P || !stray) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	size_t np = 0;
	/* front matter first, in input order */
	for (size_t i = 0; i < n; i++)
		if (!(L[i].flags & TIES__L_DROP) &&
		    (L[i].flags & (TIES__L_HEADING | TIES__L_TITLE_CONT)))
			P[np++] = &L[i];
	int stretched = ties__stretched(L, n);
	unsigned long budget = opts->max_search;
	/* link scores for putting scraps back (scraps.c): a budget of their
	 * own, so that they never take the merge's, linear in the input */
	unsigned long scrap_budget = 64ul * n + 65536;
	double height = 0;
	size_t i = 0;
	while (i < n) {
		/* one page: up to the next page mark */
		size_t e;
		size_t m = ties__page_units(L, n, i, &lay, stretched, U, &e);
		if (m && e < n && (L[e].flags & TIES__L_SOFTPAGE)) {
			rc = place_break(L, n, e, m, lm, &lay, stretched, &budget,
			                 np ? P[np - 1] : NULL, i == 0 ? 0 : height, U, order);
			if (rc)
				goto done;
			m = ties__page_units(L, n, i, &lay, stretched, U, &e);
		}
		/* stacks of scraps stand apart from the merge: their words go
		 * back into the rows they came from (scraps.c) */
		size_t no = 0, mu = 0;
		for (size_t k = 0; k < m; k++) {
			if (ties__scraps_stacked(L, n, &U[k]))
				O[no++] = U[k];
			else
				U[mu++] = U[k];
		}
		m = mu;
		if (m) {
			/* on the first page, a few heading-like lines may still belong
			 * to the title block above the columns: the merge that reads
			 * best decides how many */
			size_t front = 0, cands = i == 0 ? front_candidates(L, U, m) : 0;
			double best = 0, front_cost = 0;
			int last = last_page(L, e, n);
			const ties__line *nh = last ? NULL : next_head(L, n, e);
			/* a page that ends at its number, not the last: how short its
			 * right column may be read (place_foot) */
			int footed = !last && e < n && (L[e].flags & TIES__L_PAGE);
			double gap = 0;
			/* without page marks: the score of the reading kept, its
			 * breaks' costs taken out, against which a page height is
			 * guessed (guess_height) */
			int guess = !lay.pages_known && i == 0;
			double unbroken = 0;
			unsigned long steps = budget;
			for (size_t k = 0; k <= cands; k++) {
				ties__merge r;
				rc = ties__columns_order(
				    L, U + k, m - k, lm, &lay, &budget, np ? P[np - 1] : NULL, nh,
				    last, i == 0 ? &lay.first_rows : &height, &r, order + m, NULL);
				if (rc)
					goto done;
				double sc = r.score - front_cost;
				if (k < cands)
					/* nothing for a title in capitals or title case */
					front_cost +=
					    title_like(&L[U[k].first], U[k].n) ? 0 : FRONT_COST;
				if (k == 0 || sc > best) {
					best = sc;
					front = k;
					unbroken = r.unbroken;
					gap = r.gap;
					memcpy(order, order + m, (m - k) * sizeof *order);
				}
			}
			if (guess) {
				rc = guess_height(L, U + front, m - front, lm, &lay, &budget,
				                  (steps - budget) / (cands + 1),
				                  np ? P[np - 1] : NULL, last, unbroken, order);
				if (rc)
					goto done;
			}
			if (footed && (i > 0 || front == 0) && gap >= FOOT_GAP &&
			    place_foot(L, n, i, e, m, gap, lm, &lay, stretched, &budget,
			               np ? P[np - 1] : NULL, height, U, order + m, &rc))
				continue; /* the page again, to its new break */
			if (rc)
				goto done;
			for (size_t k = 0; k < front; k++)
				for (size_t q = 0; q < U[k].n; q++) {
					L[U[k].first + q].flags |= TIES__L_HEADING;
					P[np++] = &L[U[k].first + q];
				}
			/* the title matter reads top down, as the extractor gave it */
			if (front)
				qsort(P, np, sizeof *P, cmp_line_ptr);
			size_t p0 = np;
			emit(L, U + front, order, m - front, P, &np);
			/* rows of scraps the merge placed after a sentence end,
			 * opening in lowercase, that fill a row's gap before them
			 * better: merged again without them */
			const ties__unit *R = U + front;
			size_t nr = m - front;
			if (ties__scraps_strays(lm, &lay, L, R, nr, P, p0, np, &scrap_budget,
			                        stray)) {
				size_t keep = 0;
				for (size_t k = 0; k < nr; k++) {
					if (stray[k])
						O[no++] = R[k];
					else
						U[front + keep++] = R[k];
				}
				nr = keep;
				qsort(O, no, sizeof *O, cmp_unit);
				np = p0;
				rc = ties__columns_order(
				    L, R, nr, lm, &lay, &budget, np ? P[np - 1] : NULL, nh, last,
				    i == 0 ? &lay.first_rows : &height, NULL, order, NULL);
				if (rc)
					goto done;
				emit(L, R, order, nr, P, &np);
			}
			rc = ties__scraps_place(lm, &lay, L, R, nr, O, no, P, p0, &np,
			                        &scrap_budget);
			if (rc)
				goto done;
		} else if (no) {
			/* nothing but stacks: read as they stand */
			for (size_t k = 0; k < no; k++)
				for (size_t q = 0; q < O[k].n; q++)
					P[np++] = &L[O[k].first + q];
		}
		/* past a page mark; a page cut at MAX_PAGE_UNITS goes on at e */
		i = e < n && (L[e].flags & TIES__L_PAGE) ? e + 1 : e;
	}
	bl->repaired = 1;
	/* rows cut at their gutter hold no scraps of exploded lines: a short
	 * line is a paragraph's last (the merge kept them as scraps, which
	 * read better there) */
	for (size_t k = 0; rows && k < n; k++)
		L[k].flags &= ~TIES__L_FRAG;
	rc = ties__build_paras(P, np, &lay, vocab, bl);
done:
	ties__lm_free(lm);
	ties__free(U);
	ties__free(O);
	ties__free(order);
	ties__free(P);
	ties__free(stray);
	return rc;
}

/* ---- clean text -------------------------------------------------------- */

/* Leading note number ("12 Author"), or 0. */
static int lead_number(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i < 4)
		i++;
	if (!i || i > 3)
		return 0;
	if (i < n && (s[i] == '.' || s[i] == ')'))
		i++;
	return i < n && s[i] == ' ' ? atoi(s) : 0;
}

int ties__bullet(const char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	/* U+2022 bullet, U+2013 en dash, U+2014 em dash */
	return n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	       ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93 ||
	        (unsigned char)s[2] == 0x94) &&
	       s[3] == ' ';
}

static int starts_capital(const char *s, size_t n)
{
	return n && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9') ||
	             (unsigned char)s[0] >= 0xC0);
}

/* Where block [i, j) of clean text really holds several blocks: lines
 * that no sentence runs through (a header of title, publisher and date on
 * lines of their own), a notes heading above its notes, bullets.  Returns
 * the end of the first part. */
static size_t block_end(const ties__line *L, size_t i, size_t j)
{
	if (j - i < 2)
		return j;
	if (ties__is_notes_heading(L[i].text, L[i].len))
		return i + 1;
	/* header lines: none ends a sentence, each is short and the next
	 * opens with a capital */
	int header = j - i <= 6;
	for (size_t k = i; k < j && header; k++)
		header = L[k].len < 120 && !ends_sentence(L[k].text, L[k].len) &&
		         (k == i || starts_capital(L[k].text, L[k].len));
	if (header)
		return i + 1;
	for (size_t k = i + 1; k < j; k++)
		if (ties__bullet(L[k].text, L[k].len))
			return k;
	return j;
}

/* Text read as it is: where form feeds mark an extractor's pages, their
 * numbers and running headers are found as in the repair, listed as
 * artifacts and taken out (a blank line stays where one stood). */
static ties_code drop_furniture(ties__line *L, size_t *n, ties__blocks *bl)
{
	int feeds = 0;
	for (size_t k = 1; k < *n && !feeds; k++)
		feeds = (L[k].flags & TIES__L_NEWPAGE) != 0;
	if (!feeds)
		return TIES_OK;
	ties_code rc = ties__mark_artifacts(L, *n, bl);
	if (rc)
		return rc;
	size_t o = 0;
	unsigned blank = 0;
	for (size_t k = 0; k < *n; k++) {
		if (L[k].flags & TIES__L_DROP) {
			blank |= L[k].flags & TIES__L_BLANK_BEFORE;
			continue;
		}
		L[o] = L[k];
		L[o++].flags |= blank;
		blank = 0;
	}
	*n = o;
	return TIES_OK;
}

/* The vocabulary of the document's own words. */
static ties_code doc_vocab(ties__vocab **v, const char *data, size_t len)
{
	*v = ties__vocab_new();
	return *v ? ties__vocab_add_text(*v, data, len) : TIES_ERR_NOMEM;
}

ties_code ties__read_text(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                          ties__blocks *bl, ties_error *err)
{
	ties_vec lines;
	ties__vec_init(&lines, sizeof(ties__line));
	ties__vocab *vocab = NULL;
	ties_buf para, gut;
	ties_buf_init(&para, 0);
	ties_buf_init(&gut, 0);
	ties_vec gmap;
	ties__vec_init(&gmap, sizeof(unsigned));
	int no_repair = opts && opts->no_repair;
	ties_code rc = TIES_OK;
	/* columns set side by side on each line (an extractor's page layout,
	 * with a form feed after each page) are read one after the other, and
	 * the text is then read as it is; without form feeds, each row is cut
	 * at its gutter into two lines, which the column merge reads */
	int rows = 0;
	if (!no_repair && memchr(data, '\f', len)) {
		rc = ties__split_gutter(data, len, &gut, &gmap);
	} else if (!no_repair) {
		rc = ties__split_rows(data, len, &gut, &gmap);
		rows = gut.len > 0;
	}
	if (!rc && gut.len) {
		data = gut.data;
		len = gut.len;
	}
	if (!rc)
		rc = split_lines(data, len, &lines);
	ties__line *L = lines.data;
	size_t n = lines.len, i = 0;
	for (size_t k = 0; !rc && gut.len && k < n; k++)
		if (L[k].lineno >= 1 && L[k].lineno <= gmap.len)
			L[k].lineno = ((const unsigned *)gmap.data)[L[k].lineno - 1];
	/* the document's words decide line-end hyphens and feed the repair;
	 * clean text without such hyphens does not need them */
	int hyphens = 0, repair_ = 0;
	for (size_t k = 0; !rc && k + 1 < n && !hyphens; k++)
		hyphens = ties__ends_hyphen(L[k].text, L[k].len);
	if (!rc && hyphens)
		rc = doc_vocab(&vocab, data, len);
	if (!rc && !no_repair) {
		/* rows cut inside a box first: only broken words tell them, and
		 * a column's first row put back in front opens its box
		 * mid-sentence, which helps decide the repair */
		size_t W = typical_width(L, n); /* the same after the cut rows */
		if (vocab)
			order_cut_rows(L, n, W, vocab);
		if (!gut.len)
			rc = right_column_first(L, n);
		if (!rc && !gut.len)
			rc = later_pages_right_first(L, n);
		repair_ = !rc && (!gut.len || rows) && interleaved(L, n, W);
	}
	if (!rc && repair_ && !vocab)
		rc = doc_vocab(&vocab, data, len);
	if (!rc && repair_) {
		rc = repair(L, n, opts, vocab, bl, rows);
		n = 0; /* done */
	} else if (!rc && !no_repair) {
		rc = drop_furniture(L, &n, bl);
	}
	int first = 1, in_notes = 0;
	while (!rc && i < n) {
		size_t j = i + 1;
		while (j < n && !(L[j].flags & TIES__L_BLANK_BEFORE))
			j++;
		j = block_end(L, i, j);
		/* a number alone: a page number, but not a year ("2019" under
		 * the author of a title block) */
		if (j == i + 1 && all_digits(L[i].text, L[i].len) &&
		    (L[i].len <= 3 || (L[i].len == 4 && L[i].text[0] == '0'))) {
			rc = ties__blocks_artifact(bl, "page-number", L[i].lineno, 0, L[i].text,
			                           L[i].len);
			i = j;
			continue;
		}
		/* in the notes section, a line opening with the next note number
		 * starts a note even without a blank line before it */
		int cur = in_notes ? lead_number(L[i].text, L[i].len) : 0;
		if (cur > 0)
			for (size_t k = i + 1; k < j; k++)
				if (lead_number(L[k].text, L[k].len) == cur + 1) {
					j = k;
					break;
				}
		ties_buf_clear(&para);
		rc = ties__join_lines(&para, L + i, j - i, vocab);
		if (rc)
			break;
		/* one blank between words: an extractor may keep the stretched
		 * gaps of justified lines, which later stages would carry into
		 * names and evidence sentences */
		if (!no_repair)
			ties__collapse_blanks(&para);
		ties_block_kind kind = TIES_BLOCK_PARAGRAPH;
		if (j == i + 1 && para.len < 160 && !ends_sentence(para.data, para.len))
			kind = first ? TIES_BLOCK_TITLE : TIES_BLOCK_HEADING;
		if (kind == TIES_BLOCK_HEADING || kind == TIES_BLOCK_TITLE)
			in_notes = ties__is_notes_heading(para.data, para.len);
		rc = ties__blocks_add(bl, kind, para.data ? para.data : "", para.len);
		first = 0;
		i = j;
	}
	ties_buf_release(&para);
	ties_buf_release(&gut);
	ties__vec_release(&gmap);
	ties__vocab_free(vocab);
	ties__vec_release(&lines);
	if (rc)
		return ties__error(err, rc, "'%s': out of memory", doc->source);
	return TIES_OK;
}
