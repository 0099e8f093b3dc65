/* Undoing the merge of column streams.
 *
 * An extractor that reads a two-column page line by line (or box by box)
 * emits a merge of the two columns: the order inside each column is kept,
 * the columns' lines alternate in runs.  Each unit is given to one of two
 * chains.  Two kinds of evidence score a split:
 *
 * - language: a chain's consecutive units should read on (lm.c);
 * - geometry: an extractor that groups text boxes by their distance on the
 *   page (pdfminer's layout analysis and the like) emits a run of one column
 *   only while the other column's lines stand at other heights, so at each
 *   switch between the chains the two columns meet at one height.  Counting
 *   rows from the page top (a justified line cut at wide gaps is one row; a
 *   paragraph's extra space is a fraction of one) gives the columns'
 *   vertical offset at each switch.  It changes only where one column has a
 *   paragraph gap, a heading or a figure the other has not, so a change is
 *   paid for; so is a full page whose columns end apart, or a last page
 *   whose right column is the taller.  A heading's height is not known: a
 *   line that may be one (after a sentence end, short, no stop) lets the
 *   next switches count up to two extra rows for its column.
 *
 * A search state after unit i is (chain of i, last unit of the other chain,
 * the chains' positions); a beam keeps the best BEAM states per step, so the
 * search costs O(units x BEAM) time and memory; the caller's step budget
 * (ties_read_opts.max_search) narrows the beam, down to a greedy merge.
 * Which chain is the left column (read first) is part of the state.  Where
 * no page numbers cut the text, a chain pair may also close (an unmarked
 * page break) at a fixed cost, or, with a page height guessed (text.c),
 * at none, a page of another height paying for its rows; the next page
 * goes on from the last unit read.  Where a break is only estimated, two pages
 * are merged at once and the break goes anywhere in a window around the
 * estimate (ties__window), the second page going on from the first's end.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "repair.h"

/* 128 lost the best reading on some pages that 256 keeps (the two-column
 * layouts of public-domain texts set by LibreOffice, pdflatex and
 * ReportLab: mean edit distance 0.061 -> 0.055); states far behind are
 * pruned (PRUNE_MARGIN), so the wider beam costs about a sixth more time */
#define BEAM 256
#define PAGE_COST 3.0 /* an unmarked page break must pay for itself */
/* Extractors emit the columns either in long runs or strictly alternating
 * (one line of each at the same height); a change between the two
 * patterns costs a little, which keeps the search from swapping the
 * chains where both columns end a paragraph at once. */
#define PATTERN_COST 1.2
/* Reading on in the same column is the default: a switch must be earned,
 * except where the columns alternate, where the switch is the default and
 * leaving the pattern pays (PATTERN_COST). */
#define SWITCH_COST 0.3
/* Opening the second chain of a page must be earned by the evidence. */
#define OPEN_COST 1.0
/* Extractors start a page with its first column: the chain that holds the
 * page's first unit is the left one unless the evidence says otherwise.
 * Counted twice, as tuned: against a right-column start when the page opens
 * (page_state) and for a left-column start at the page's junction. */
#define FIRST_BONUS 0.7
/* At most this many beam states may share the same column heads. */
#define HEAD_SHARE (BEAM * 3 / 4)
/* States this far behind the step's best are dropped: a page's pending
 * costs (its junction, its foot) have not been seen to close a gap of 10 on
 * any layout measured, and most steps keep far fewer than BEAM states. */
#define PRUNE_MARGIN 12.0
#define SEEN_SIZE (8 * BEAM) /* hash sets of one step's states, > 2 * BEAM */
/* States kept for back-tracking, per page: bounds the memory of a long text
 * without page numbers. */
#define MAX_STATES ((size_t)1 << 20)
#define ROW_GAP 0.33f     /* a paragraph's extra space, in rows */
#define OFFSET_SLACK 0.35 /* one paragraph gap read wrong costs nothing */
#define FIRST_OFFSET 0.5  /* weight of the first switch's offset (columns start level) */
#define BALANCE_SLACK 1.5 /* rows by which a full page's columns may end apart */
/* A heading stands in more than one row (its own size, the space above and
 * below it), by how much the text does not tell: up to HEAD_FLEX rows that a
 * later switch may take up where the columns' offset needs them. */
#define HEAD_FLEX 2.0f
#define FLEX_MAX 3.0f
/* A right column read whole before the left one: at least this many rows;
 * a switch after it, or a right column not the shorter, costs this much. */
#define SWAP_ROWS 10.0f
#define SWAP_BACK 4.0
#define SWAP_PART 16   /* spare slots for them: one per this many of the beam */
#define FOOT_ROWS 1.5f /* rows of a run at a page's foot (foot_run) */
#define NOTE_COST 4.0  /* note numbers read out of order (note_cost) */
#define HEAD_PAIR 1.0  /* a heading read right after a heading (link_memo) */
/* Rows of the tallest column a page may hold (dense type on a tall page):
 * where no page marks cut the text, a chain taller than that runs across
 * pages, and each row over it costs TALL_COST. */
#define TALL_ROWS 70.0f
#define TALL_COST 1.0
/* With a page height guessed (ties__layout.page_rows), a page's column
 * may stand this many rows off it either way (paragraph gaps and headings
 * are counted only roughly); each row beyond costs 1, and breaks cost
 * nothing of their own. */
#define PAGE_SLACK 2.0
/* Where no page marks cut the text, the weight of how a page's first unit
 * continues the text read before it, against how it opens a text.  Over
 * two-column layouts with their page marks taken out, 0.7 read best on
 * the whole (1 did better on some, but let a break follow a box the
 * extractor had moved to another page). */
#define GUESS_GO_ON 0.7

typedef struct state {
	double score;
	long other;  /* last unit of the other chain on this page, -1 if none */
	long first1; /* first unit of chain 1 on this page, -1 if none */
	long pstart; /* first unit of this page (it opens chain 0) */
	long pend;   /* the last unit read before this page, -1: none here */
	int lab;     /* chain of the current unit: 0 or 1 */
	int newpage; /* the current unit opens a page */
	int parent;  /* index in the previous step's beam */
	/* geometry, in rows from the page top */
	float ly[2];          /* the last line of each chain */
	float rsy;            /* the first line of the current run */
	float d;              /* the columns' offset at the last switch */
	float flex[2];        /* rows of headings' height not yet placed */
	float hlast[2];       /* of them, given by the chain's last unit */
	int roww[2];          /* width of each chain's last row so far, in characters */
	unsigned char has[2]; /* the chain has a line on this page */
	/* the chain's last unit ends a sentence (2) or a colon (1) */
	unsigned char stop[2];
	/* the chain's last unit was cut in its row (ctx.cut); lab and other,
	 * which duplicates share, tell it */
	unsigned char cut[2];
	unsigned char has_d; /* a switch has been seen on this page */
	unsigned char left;  /* the chain that is the left column */
	/* the current unit came by a switch, or filled out the row of a unit
	 * that did: the alternating pattern goes on */
	unsigned char alt;
	/* the last page opened with a run of its right column that the left
	 * one then followed from its top: the extractor read the whole right
	 * column first, as it stands higher (it is the shorter) */
	unsigned char swap;
	/* the current run of one chain left the alternating pattern (and paid
	 * PATTERN_COST) */
	unsigned char run_left;
	/* note numbers each chain holds on this page: the lowest and the
	 * highest (0: none) */
	unsigned char nlo[2], nhi[2];
	/* numbered headings each chain holds on this page: the lowest and
	 * the highest number */
	unsigned char slo[2], shi[2];
	/* the chain's last unit may be a heading, and stands where one
	 * would: after a sentence end (at a page's top, such a unit is more
	 * often title matter) */
	unsigned char hopen[2];
} state;

/* Candidates are sorted as (score, index) pairs: states are large. */
typedef struct ranked {
	double score;
	size_t idx;
} ranked;

/* x before y: higher score first, then the earlier candidate */
static int before(const ranked *x, const ranked *y)
{
	return x->score > y->score || (x->score == y->score && x->idx < y->idx);
}

/* Splits r[0..n) (n > 16) around a median-of-three pivot: every element of
 * r[0..left) comes before() every one of r[left..n).  Returns left. */
static size_t partition(ranked *r, size_t n)
{
	ranked a = r[0], b = r[n / 2], c = r[n - 1], piv;
	if (before(&a, &b))
		piv = before(&b, &c) ? b : before(&a, &c) ? c : a;
	else
		piv = before(&a, &c) ? a : before(&b, &c) ? c : b;
	size_t i = 0, j = n - 1;
	for (;;) {
		while (before(&r[i], &piv))
			i++;
		while (before(&piv, &r[j]))
			j--;
		if (i >= j)
			break;
		ranked t = r[i];
		r[i] = r[j];
		r[j] = t;
		i++;
		j--;
	}
	return j + 1;
}

/* Sorts r[0..n) by before(); the search calls it once per step, so it is
 * specialised rather than qsort's indirect compare.  Recursion only into
 * the smaller part: depth O(log n). */
static void sort_ranked(ranked *r, size_t n)
{
	while (n > 16) {
		size_t left = partition(r, n);
		if (left < n - left) {
			sort_ranked(r, left);
			r += left;
			n -= left;
		} else {
			sort_ranked(r + left, n - left);
			n = left;
		}
	}
	for (size_t i = 1; i < n; i++) {
		ranked t = r[i];
		size_t j = i;
		while (j > 0 && before(&t, &r[j - 1])) {
			r[j] = r[j - 1];
			j--;
		}
		r[j] = t;
	}
}

/* Link scores are asked for the same unit pairs again and again (every
 * beam state holds one): a direct-mapped memo of them. */
#define MEMO_BITS 12
typedef struct memo {
	long a, b;
	double v;
} memo;

typedef struct ctx {
	const ties__line *L;
	const ties__unit *U;
	const unsigned char *stop; /* per unit: its last line ends a sentence (2), a colon (1) */
	const int *wid;            /* per unit: width of its last row */
	const int *nrows;          /* per unit: rows it fills */
	const unsigned char *head; /* per unit: a line that may be a heading */
	/* per unit: one line whose word gaps the extractor kept stretched */
	const unsigned char *full;
	/* per unit: its last line was cut at a word gap (TIES__L_CUT) */
	const unsigned char *cut;
	/* per unit: its first and last note number (ties__note_marks), 0 if none */
	const unsigned char *nfirst, *nlast;
	/* per unit: the number of a numbered heading ("3. Finances"), 0 if none */
	const unsigned char *sec;
	/* per unit: it opens with a notes heading ("Notes", "References") */
	const unsigned char *notes;
	double height; /* rows of a full column, 0 if unknown */
	/* the merge ends the text: its last page may read its right column
	 * first (swap; without page marks, only a text of one page) */
	int last;
	/* with a window, the units before it are of a page that is not the
	 * last: what holds for a last page holds from the window on */
	long last_from;
	const ties__lm *lm;
	const ties__layout *lay;
	memo *memo; /* 1 << MEMO_BITS entries, a = -1 when empty */
	/* per unit, for the page junction asked of every state at every
	 * unit: how well the unit opens a text, and continues prev_end
	 * (NAN until asked) */
	const double *opn;
	double *after;
	/* per unit: the page-end link from it, plain and as a heading (NAN
	 * until asked) */
	double *gon;
	const ties__line *prev_end;
	/* per unit: its last line's end and its first line's start, as the
	 * link score reads them */
	const ties__lm_end *tail, *headl;
	ties__lm_end pe_tail; /* prev_end's end */
	/* the next page's first line, as the link score reads it, where
	 * there is one (has_next) */
	ties__lm_end nx_head;
	int has_next;
} ctx;

#define FIRST(c, u) (&(c)->L[(c)->U[u].first])
#define LAST(c, u) (&(c)->L[(c)->U[u].first + (c)->U[u].n - 1])

/* A unit that may be a heading: one short line of a few words that opens
 * with a capital or a number and ends in a letter or a number (no stop,
 * comma, colon or hyphen), not in a function word (end: the line's end as
 * the link score reads it). */
static int heading_like(const ties__line *l, const ties__lm_end *end, size_t rows, size_t w,
                        size_t width)
{
	if (rows != 1 || !l->len || w * 10 > width * 7 || ties__rp_words(l->text, l->len) > 8 ||
	    memchr(l->text, ',', l->len) || ties__ends_sentence(l->text, l->len) || end->func)
		return 0;
	unsigned char a = (unsigned char)l->text[0], z = (unsigned char)l->text[l->len - 1];
	if (!ties__starts_upper(l->text, l->len) && !(a >= '0' && a <= '9'))
		return 0;
	return (z >= 'a' && z <= 'z') || (z >= 'A' && z <= 'Z') || (z >= '0' && z <= '9') ||
	       z >= 0x80;
}

/* A reference's abbreviation ends at t[b] (its stop): "p.12", "No.4" and
 * "Fig.3" number a page, an item or a figure, not a note. */
static int reference_abbrev(const char *t, size_t b)
{
	static const char *const ab[] = {"p",  "pp",  "no", "nos", "vol", "fig", "art",
	                                 "ch", "sec", "op", "cf",  "ed",  "para"};
	size_t a = b;
	while (a && ((t[a - 1] >= 'a' && t[a - 1] <= 'z') || (t[a - 1] >= 'A' && t[a - 1] <= 'Z')))
		a--;
	if (a && t[a - 1] != ' ' && t[a - 1] != '(')
		return 0;
	for (size_t i = 0; i < sizeof ab / sizeof *ab; i++)
		if (strlen(ab[i]) == b - a && !strncasecmp(ab[i], t + a, b - a))
			return 1;
	return 0;
}

/* Note markers of a line: a number of 1 to 3 digits (1 to 255) set close
 * after a word's final stop, comma, colon, semicolon, closing quote or
 * bracket ("itself.1", "the port”.12") and followed by a blank or the
 * line's end.  Widens [*first, *last] (0: none yet) to the numbers found. */
void ties__note_marks(const ties__line *l, unsigned char *first, unsigned char *last)
{
	const char *t = l->text;
	size_t n = l->len;
	for (size_t k = 2; k < n; k++) {
		if (t[k] < '1' || t[k] > '9' || (t[k - 1] >= '0' && t[k - 1] <= '9'))
			continue;
		size_t e = k;
		unsigned v = 0;
		while (e < n && t[e] >= '0' && t[e] <= '9' && e - k < 4)
			v = v * 10 + (unsigned)(t[e++] - '0');
		if (e - k > 3 || v > 255 || (e < n && t[e] != ' '))
			continue;
		/* the stop before the number, and a letter (or a closing mark after
		 * a letter) before the stop: "1.4" and "p. 4" are no markers */
		unsigned char p = (unsigned char)t[k - 1], q = (unsigned char)t[k - 2];
		int stop = p == '.' || p == ',' || p == ';' || p == ':' || p == ')' || p == '"' ||
		           (k >= 3 && (unsigned char)t[k - 3] == 0xE2 && q == 0x80 &&
		            (p == 0x9D || p == 0x99));
		if (!stop)
			continue;
		size_t b = k - 1;
		if (p >= 0x80)
			b = k - 3;
		if (b == 0)
			continue;
		unsigned char w = (unsigned char)t[b - 1];
		if (!((w >= 'a' && w <= 'z') || (w >= 'A' && w <= 'Z') || w >= 0x80 || w == ')' ||
		      w == '"') ||
		    (p == '.' && reference_abbrev(t, b)))
			continue;
		if (!*first)
			*first = (unsigned char)v;
		if (v > *last)
			*last = (unsigned char)v;
	}
}

/* Cost of a change of the columns' offset between two switches. */
static double offset_cost(double x)
{
	if (x < 0)
		x = -x;
	if (x <= OFFSET_SLACK)
		return 0;
	if (x <= 2 * OFFSET_SLACK)
		return 1.05;
	if (x <= 3 * OFFSET_SLACK)
		return 2.1;
	return 2.1 + 2.1 * (x - 3 * OFFSET_SLACK);
}

/* Unit i fits into what is left of chain c's last row: the rest of a
 * justified line the extractor cut at wide gaps.  Not a line of half a row
 * or more whose gaps are stretched after a row that ended a sentence (or a
 * colon, before a list item): that is a justified line of its own, a
 * paragraph's first after the last line
 * of the one before (whose space, a third of a row, is too little for the
 * columns' offset to show it). */
static int joins_row(const ctx *C, const state *s, int c, size_t i)
{
	int W = (int)C->lay->width, w = C->wid[i];
	/* where the extractor marks its cuts, they tell */
	if (C->lay->cuts)
		return s->has[c] && s->cut[c];
	if (!s->has[c] || C->nrows[i] != 1 || s->roww[c] * 10 >= W * 9 || w * 20 >= W * 17 ||
	    (s->roww[c] + 1 + w) * 10 > W * 11)
		return 0;
	/* after a colon, only a list item opens a paragraph: "Second:" and
	 * "Doing   whatever" are one row's pieces, "were:" and "-   On   14
	 * September" two rows (a State of the Union address by LibreOffice
	 * read a row short, and its next page's columns traded lines) */
	const ties__line *f = FIRST(C, i);
	int para = s->stop[c] == 2 || (s->stop[c] && ties__bullet(f->text, f->len));
	return !(para && C->full[i] && w * 2 >= W);
}

/* Numbers f..z read into chain c against the lowest (lo) and highest (hi)
 * each chain holds: 1 where they go back (see note_cost); records them. */
static int numbers_back(const state *s, int c, unsigned f, unsigned z, unsigned char *lo,
                        unsigned char *hi)
{
	int l = s->left;
	int back = (hi[c] && f < hi[c]) || (c == l && lo[!l] && z > lo[!l]) ||
	           (c != l && hi[l] && f < hi[l]);
	if (!lo[c] || f < lo[c])
		lo[c] = (unsigned char)f;
	if (z > hi[c])
		hi[c] = (unsigned char)z;
	return back;
}

/* Note numbers count up in reading order: a unit whose notes come before
 * one its chain already holds, a left-column note after a right-column one,
 * or a right-column note before a left-column one costs NOTE_COST; so do
 * numbered headings, counted apart.  Records the unit's numbers in the
 * state. */
static double note_cost(const ctx *C, state *s, int c, size_t i)
{
	unsigned f = C->nfirst[i], z = C->nlast[i], h = C->sec[i];
	double cost = 0;
	if (f && numbers_back(s, c, f, z, s->nlo, s->nhi))
		cost += NOTE_COST;
	/* numbered headings count up in reading order too */
	if (h && numbers_back(s, c, h, h, s->slo, s->shi))
		cost += NOTE_COST;
	return cost;
}

/* The number of a numbered heading: "3. Finances", "2.1 Routes". */
unsigned char ties__section_number(const ties__line *l)
{
	const char *t = l->text;
	size_t n = l->len, k = 0;
	unsigned v = 0;
	while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
		v = v * 10 + (unsigned)(t[k++] - '0');
	/* the stop tells it from a date or a count ("8 February 2025") */
	if (!k || k >= n || t[k] != '.')
		return 0;
	while (k < n && (t[k] == '.' || (t[k] >= '0' && t[k] <= '9')))
		k++;
	if (k + 1 >= n || t[k] != ' ' || !ties__starts_upper(t + k + 1, n - k - 1))
		return 0;
	return (unsigned char)v;
}

/* Unit i goes to chain c of state s (sw: a switch of chains): moves the
 * chain's position and returns the cost of the offset change.  A row that
 * ends short with a sentence ends a paragraph: extra space follows. */
static double place(const ctx *C, state *s, int c, size_t i, int sw)
{
	int W = (int)C->lay->width, w = C->wid[i];
	float p;
	/* a line that a sentence goes on after was no heading but a scrap */
	const ties__line *f = FIRST(C, i);
	if (s->hlast[c] > 0 && (joins_row(C, s, c, i) || ties__starts_lower(f->text, f->len))) {
		s->flex[c] -= s->hlast[c];
		if (s->flex[c] < 0)
			s->flex[c] = 0;
	}
	s->hlast[c] = 0;
	/* a heading opens a block: after a sentence end or at the page top */
	int opens = C->head[i] && (!s->has[c] || s->stop[c]);
	s->hopen[c] = opens && s->has[c];
	if (opens) {
		float x = s->flex[c] + HEAD_FLEX > FLEX_MAX ? FLEX_MAX : s->flex[c] + HEAD_FLEX;
		s->hlast[c] = x - s->flex[c];
		s->flex[c] = x;
	}
	if (joins_row(C, s, c, i)) {
		p = s->ly[c];
		s->roww[c] = C->nrows[i] > 1 ? w : s->roww[c] + 1 + w;
	} else {
		p = !s->has[c]
		        ? 0
		        : s->ly[c] + 1 + (s->stop[c] && s->roww[c] * 20 < W * 17 ? ROW_GAP : 0);
		s->roww[c] = w;
	}
	double cost = 0;
	if (sw) {
		/* the offset as right minus left: the right column goes on
		 * beside the start of the left run just read; the left one goes
		 * on below the two last lines, which stand side by side */
		int l = s->left;
		if (C->last && s->pstart >= C->last_from &&
		    (C->lay->pages_known || s->pstart == 0) && c == l && !s->has[l] && !s->has_d &&
		    s->ly[!l] >= SWAP_ROWS) {
			s->swap = 1;
			s->rsy = p;
			goto placed;
		}
		float d = c != l ? p - s->rsy : s->ly[!l] - s->ly[l];
		/* headings' height: the left column stands lower (the offset
		 * shrinks) or the right one does (it grows), as far as needed */
		float delta = d - (s->has_d ? s->d : 0), h = 0;
		int x = -1;
		if (delta > 0 && s->flex[l] > 0) {
			x = l;
			h = delta < s->flex[l] ? delta : s->flex[l];
			d -= h;
		} else if (delta < 0 && s->flex[!l] > 0) {
			x = !l;
			h = -delta < s->flex[!l] ? -delta : s->flex[!l];
			d += h;
		}
		if (x >= 0) {
			s->flex[x] -= h;
			s->ly[x] += h;
			if (c == x)
				p += h;
		}
		cost = s->has_d ? offset_cost((double)d - (double)s->d)
		                : FIRST_OFFSET * offset_cost((double)d);
		if (s->swap)
			cost += SWAP_BACK; /* a switch after reading both whole */
		s->d = d;
		s->has_d = 1;
		s->rsy = p;
	}
placed:
	cost += note_cost(C, s, c, i);
	s->ly[c] = p + (float)(C->nrows[i] - 1);
	s->has[c] = 1;
	s->stop[c] = C->stop[i];
	s->cut[c] = C->cut[i];
	/* without page marks, no column runs beyond any page's height: each
	 * row over it costs as much as an unmarked break's imbalance */
	if (!C->lay->pages_known && s->has[!c]) {
		double over =
		    s->ly[c] - (C->lay->page_rows > 0 ? C->lay->page_rows + PAGE_SLACK : TALL_ROWS);
		if (over > 0)
			cost += TALL_COST * (over < C->nrows[i] ? over : C->nrows[i]);
	}
	/* on a last page, no column is taller than those of the pages before */
	if (C->height > 0 && s->pstart >= C->last_from) {
		double over = s->ly[c] - C->height - 1.0;
		if (over > 0)
			cost += 2.0 * (over < 1 ? over : 1);
	}
	return cost;
}

/* Sorts r[0..n) only as far as its t first places: r[0..t) then hold the
 * t best in order, the rest is left unordered (partial quicksort).  The
 * search takes the best states of a step in order until its beam is full,
 * seldom needing many more than the beam, so it sorts the rest only when
 * it reaches it. */
static void sort_top(ranked *r, size_t n, size_t t)
{
	while (n > 16 && t > 0) {
		size_t left = partition(r, n);
		if (left >= t) {
			n = left; /* the right part holds no place before t */
		} else {
			sort_ranked(r, left);
			r += left;
			n -= left;
			t -= left;
		}
	}
	if (t > 0)
		sort_ranked(r, n);
}

/* What of a state's geometry its future depends on, as one number. */
static uint64_t geo_key(const state *s)
{
	uint64_t k = (uint64_t)(uint32_t)(int)((s->ly[s->lab] - s->rsy) * 6);
	k = k * 31 + (uint64_t)(uint32_t)(int)((s->ly[0] - s->ly[1]) * 6);
	k = k * 5 + (uint64_t)(s->has[0] * 2 + s->has[1]);
	k = k * 131 + (uint64_t)(uint32_t)(s->roww[0] * 3 + s->stop[0]);
	k = k * 131 + (uint64_t)(uint32_t)(s->roww[1] * 3 + s->stop[1]);
	k = k * 1031 + (uint64_t)(s->has_d ? (uint32_t)(int)(s->d * 6 + 512) : 0);
	k = k * 37 + (uint64_t)(uint32_t)(int)(s->flex[0] * 6) * 19 +
	    (uint64_t)(uint32_t)(int)(s->flex[1] * 6);
	k = k * 4 + (uint64_t)((s->hlast[0] > 0) * 2 + (s->hlast[1] > 0));
	k = k * 4 + (uint64_t)(s->hopen[0] * 2 + s->hopen[1]);
	k = k * 0x100000001B3ull ^ ((uint64_t)s->nlo[0] << 24 | (uint64_t)s->nhi[0] << 16 |
	                            (uint64_t)s->nlo[1] << 8 | s->nhi[1]);
	k = k * 0x100000001B3ull ^ ((uint64_t)s->slo[0] << 24 | (uint64_t)s->shi[0] << 16 |
	                            (uint64_t)s->slo[1] << 8 | s->shi[1]);
	return (((k * 3 + s->left) * 2 + s->alt) * 2 + s->swap) * 2 + s->run_left;
}

/* A state for the first unit of a page; the caller places the unit. */
static state page_state(double score, long pstart, int parent, int left)
{
	state s;
	memset(&s, 0, sizeof s);
	s.pend = -1;
	s.score = score - (left ? FIRST_BONUS : 0);
	s.other = -1;
	s.first1 = -1;
	s.pstart = pstart;
	s.newpage = 1;
	s.parent = parent;
	s.left = (unsigned char)left;
	return s;
}

/* The link from unit a's end, read as a heading's where as_head, to the
 * line start hd. */
static double link_to(const ctx *c, long a, const ties__lm_end *hd, int as_head)
{
	ties__lm_end h = c->tail[a];
	h.heading |= (unsigned char)as_head;
	return ties__lm_link_ends(c->lm, &h, hd);
}

/* The link score of unit a to unit b, memoised; with as_head, a read as a
 * heading (its key in the memo: -2 - a, apart from the empty mark -1).  A
 * heading's text opens a paragraph, seldom another heading: a chain that
 * reads two headings in a row more likely skipped the first one's
 * paragraph (HEAD_PAIR). */
static double link_memo(const ctx *c, long a, long b, int as_head)
{
	long ka = as_head ? -2 - a : a;
	memo *m = &c->memo[((unsigned long)ka * 2654435761u + (unsigned long)b) &
	                   ((1u << MEMO_BITS) - 1)];
	if (m->a != ka || m->b != b) {
		m->a = ka;
		m->b = b;
		m->v = link_to(c, a, &c->headl[b], as_head);
		if ((as_head || c->tail[a].heading) && c->head[b])
			m->v -= HEAD_PAIR;
	}
	return m->v;
}

static double link_u(const ctx *c, long a, long b)
{
	return link_memo(c, a, b, 0);
}

/* The link from a chain's last unit a to unit b.  Where a may be a heading
 * and stands where one would, b may follow it as a heading's text does,
 * opening a sentence. */
static double link_from(const ctx *c, const state *s, int chain, long a, long b)
{
	double v = link_u(c, a, b);
	if (!s->hopen[chain] || c->tail[a].heading)
		return v;
	double w = link_memo(c, a, b, 1);
	return w > v ? w : v;
}

/* Notes close their column: a unit that goes on after a notes section in
 * its chain, not opening with a note's number, costs as notes read out of
 * order do; a short line may be the notes' own last one ("May 2021."). */
static double after_notes(const ctx *c, long a, long b)
{
	const ties__line *f = FIRST(c, b);
	if (a < 0 || !c->notes[a] || (f->len && f->text[0] >= '0' && f->text[0] <= '9'))
		return 0;
	return c->nrows[b] == 1 && (size_t)c->wid[b] * 2 < c->lay->width ? 0 : NOTE_COST;
}

/* A page that an unmarked break closes holds a page's worth of rows: a
 * column of under SHORT_ROWS rows pays SHORT_COST for each row it lacks
 * (one-page layouts broke where both columns end a paragraph at once). */
#define SHORT_ROWS 15.0
#define SHORT_COST 0.5
static double short_page(const ctx *c, const state *s)
{
	double h = s->ly[0] > s->ly[1] ? s->ly[0] : s->ly[1];
	/* a page height guessed: any page but the first (the title stands
	 * above its columns) is full */
	double want = c->lay->page_rows - PAGE_SLACK;
	if (c->lay->page_rows > 0 && s->pstart > 0)
		return h < want ? want - h : 0;
	return h < SHORT_ROWS ? (SHORT_ROWS - h) * SHORT_COST : 0;
}

/* Both columns of a full page reach its foot.  A page read as one chain
 * no taller than a column (ties__layout.column_rows) held one column: a
 * first page whose title left one column nothing but a heading, a page
 * whose other column stands empty. */
static double balance_cost(const ctx *c, const state *s)
{
	if (c->lay->column_rows > 0 && s->has[0] != s->has[1] &&
	    s->ly[s->has[1]] + 1 <= c->lay->column_rows)
		return 0;
	double a = s->has[0] ? s->ly[0] : -1, b = s->has[1] ? s->ly[1] : -1;
	double x = a > b ? a - b : b - a;
	return x <= BALANCE_SLACK ? 0 : x - BALANCE_SLACK;
}

/* Text fills the left column before the right one: on a last page the
 * right one is not the taller. */
static double fill_cost(const state *s)
{
	int l = s->left;
	double a = s->has[l] ? s->ly[l] : -1, b = s->has[!l] ? s->ly[!l] : -1;
	return b - a <= BALANCE_SLACK ? 0 : b - a - BALANCE_SLACK;
}

/* On a last page the right column holds text only once the left one is
 * full: where the columns are not balanced (a layout may balance its last
 * page), the left one reaches at least the first page's column height (a
 * full column is no shorter than one under the title), less SHORT_SLACK
 * rows; each row it falls short costs SHORT_LEFT.  Else a paragraph end in
 * the left column reads as the end of the right one read first. */
#define SHORT_SLACK 3.0
#define SHORT_LEFT 0.5
static double short_left(const ctx *c, const state *s)
{
	if (!s->has[0] || !s->has[1] || c->lay->first_rows <= 0)
		return 0;
	int l = s->left;
	double a = s->ly[l], b = s->ly[!l];
	/* balanced within two slacks: a short unit may read as the rest of
	 * the row above it (a signature after a paragraph's last line) */
	if (fabs(a - b) <= 2 * BALANCE_SLACK)
		return 0;
	double gap = c->lay->first_rows - SHORT_SLACK - a;
	return gap > 0 ? gap * SHORT_LEFT : 0;
}

/* A page's foot: where one column ends a sentence a row or two above the
 * other, the other's last rows run alone, and leaving the alternating
 * pattern there for a run of at most two rows (FOOT_ROWS) is no sign of a
 * wrong chain: what it paid comes back.  Longer runs, or a run two rows
 * lower, keep the cost: with them, readings of pages with headings and
 * lists changed both ways. */
static double foot_run(const state *s)
{
	int c = s->lab;
	return s->run_left && s->has[!c] && s->stop[!c] && s->ly[c] > s->ly[!c] &&
	               s->ly[c] <= s->ly[!c] + 2 && s->ly[c] - s->rsy <= FOOT_ROWS
	           ? PATTERN_COST
	           : 0;
}

/* A right column read whole first stands higher: it is not the taller.
 * On a full page both columns reach the foot, a row or so apart either
 * way (BALANCE_SLACK). */
static double swap_cost(const state *s)
{
	int l = s->left;
	double a = s->ly[l], b = s->ly[!l];
	return s->swap && b > a + BALANCE_SLACK ? SWAP_BACK + b - a + 1 : 0;
}

/* A line that completes a row begun short of a line: both pieces are
 * short, and together they make one row (3/4 to 23/20 of a line, as a cut
 * row's pieces do). */
static int row_piece_fits(size_t w, size_t xw, size_t W)
{
	size_t t = w + 1 + xw;
	return w * 20 < W * 17 && xw * 20 < W * 17 && t * 4 >= W * 3 && t * 20 <= W * 23;
}

size_t ties__unit_rows(const ties__line *L, const ties__unit *u, size_t W, size_t *width)
{
	/* lines of one box are rows of their own, scraps joined across blank
	 * lines share one; so do two pieces of one box that make a row
	 * together, short of a line each: the extractor cut the row at a
	 * wide gap and kept both pieces in the box (rows cut at a sentence
	 * end, each piece a line of its own) */
	size_t w = 0, rows = 1;
	for (size_t k = 0; k < u->n; k++) {
		const ties__line *x = &L[u->first + k];
		size_t xw = ties__line_width(x->text, x->len);
		if (k > 0 && !(x->flags & TIES__L_BLANK_BEFORE) &&
		    !(W && row_piece_fits(w, xw, W))) {
			rows++;
			w = 0;
		}
		w += (w ? 1 : 0) + xw;
	}
	if (width)
		*width = w;
	return rows;
}

/* How well a page's two chains join: the left chain, read first, must
 * follow what came before the page (prev_end, or an opening), the right
 * one must continue it. */
static double junction(const ctx *c, const state *s, long last)
{
	long f[2] = {s->pstart, s->first1}, e[2];
	e[s->lab] = last;
	e[!s->lab] = s->other;
	int l = s->left;
	if (f[1] < 0 || e[1] < 0)
		l = 0;
	double o;
	if (s->pend >= 0 && !c->lay->pages_known)
		/* a break no mark shows may as well end a box the extractor
		 * moved: the page's first unit is scored mostly by how it
		 * continues, partly by how it opens */
		o = GUESS_GO_ON * link_u(c, s->pend, f[l]) + (1 - GUESS_GO_ON) * c->opn[f[l]];
	else if (s->pend >= 0)
		o = link_u(c, s->pend, f[l]);
	else if (s->pstart || !c->prev_end)
		o = c->opn[f[l]];
	else {
		if (isnan(c->after[f[l]]))
			c->after[f[l]] = ties__lm_link_ends(c->lm, &c->pe_tail, &c->headl[f[l]]);
		o = c->after[f[l]];
	}
	if (f[1] < 0 || e[1] < 0)
		return o;
	return o + link_u(c, e[l], f[!l]) + (l ? 0 : FIRST_BONUS);
}

/* How well the page's last unit read (its right chain's, or its only
 * chain's; last: the current unit) leads into the next page's first line:
 * the text goes on there, so a reading whose chains end the other way
 * round, or one that hides a short right column under the left one, must
 * earn it.  Only an objection counts (a sentence end before lowercase, a
 * hyphen that cannot close): word-pair evidence above a plain
 * continuation's link is too sparse to rank two readings' ends, and
 * counted in full it turned right page ends wrong (all layouts with page
 * marks: 0.0989 without the term, 0.0969 with it in full, 0.0957 so). */
static double goes_on(const ctx *c, const state *s, long last)
{
	if (!c->has_next)
		return 0;
	int other = s->first1 >= 0 && s->other >= 0 && s->lab == s->left;
	long e = other ? s->other : last;
	/* a heading at a column's foot: the next page opens its section */
	int head = s->hopen[other ? !s->lab : s->lab] && !c->tail[e].heading;
	double *v = &c->gon[2 * e + head];
	if (isnan(*v)) {
		double x = link_to(c, e, &c->nx_head, 0), cap = ties__lm_plain_link();
		if (head)
			x = fmax(x, link_to(c, e, &c->nx_head, 1));
		*v = x < cap ? x : cap;
	}
	return *v;
}

/* Per-step hash sets: the states kept (for duplicates) and how many share
 * the same column heads. */
typedef struct seen_slot {
	unsigned gen, idx;
	uint64_t gk;
} seen_slot;
typedef struct head_slot {
	unsigned gen;
	size_t n;
	long first1, pstart;
} head_slot;

ties_code ties__columns_order(const ties__line *L, const ties__unit *U, size_t m,
                              const ties__lm *lm, const ties__layout *lay, unsigned long *budget,
                              const ties__line *prev_end, const ties__line *next_head,
                              int last_page, double *height, ties__merge *out, size_t *order,
                              const ties__window *win)
{
	if (out)
		*out = (ties__merge){.brk = m};
	if (m == 0)
		return TIES_OK;
	/* the beam: BEAM states per step, fewer when the budget is short */
	size_t beam = BEAM;
	if (*budget / 4 < (unsigned long)m * beam)
		beam = (size_t)(*budget / 4 / m);
	if (beam > MAX_STATES / m)
		beam = MAX_STATES / m; /* memory: one page's states stay under MAX_STATES */
	if (beam < 1)
		beam = 1;
	size_t keep = beam;
	/* states that read a right column whole first (swap) get slots of
	 * their own beside the beam: few, they must not crowd it out */
	size_t stride = beam + beam / SWAP_PART + 1;
	unsigned char *stop = ties__calloc(m, 1);
	int *wid = ties__calloc(2 * m, sizeof *wid);
	unsigned char *head = ties__calloc(m, 1);
	unsigned char *full = ties__calloc(m, 1);
	unsigned char *cut = ties__calloc(m, 1);
	unsigned char *nmk = ties__calloc(4 * m, 1);
	memo *mm = ties__reallocarray(NULL, (size_t)1 << MEMO_BITS, sizeof(memo));
	state *st = ties__reallocarray(NULL, m * stride, sizeof *st);
	size_t *cnt = ties__calloc(m, sizeof *cnt);
	state *cand = ties__reallocarray(NULL, 2 * stride + 2, sizeof *cand);
	ranked *rk = ties__reallocarray(NULL, 2 * stride + 2, sizeof *rk);
	int *lab = ties__calloc(2 * m, sizeof *lab), *pg = lab ? lab + m : NULL;
	double *opn = ties__reallocarray(NULL, 4 * m, sizeof *opn);
	ties__lm_end *ends = ties__reallocarray(NULL, 2 * m, sizeof *ends);
	seen_slot *seen = ties__calloc(SEEN_SIZE, sizeof *seen);
	head_slot *heads = ties__calloc(SEEN_SIZE, sizeof *heads);
	ties_code rc = TIES_OK;
	if (!stop || !wid || !head || !full || !cut || !nmk || !mm || !st || !cnt || !cand || !rk ||
	    !lab || !opn || !ends || !seen || !heads) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	int *nrows = wid + m;
	ctx C = {L,
	         U,
	         stop,
	         wid,
	         nrows,
	         head,
	         full,
	         cut,
	         nmk,
	         nmk ? nmk + m : NULL,
	         nmk ? nmk + 2 * m : NULL,
	         nmk ? nmk + 3 * m : NULL,
	         last_page ? *height : 0,
	         last_page,
	         win ? (long)win->lo : 0,
	         lm,
	         lay,
	         mm,
	         opn,
	         opn + m,
	         opn ? opn + 2 * m : NULL,
	         prev_end,
	         ends,
	         ends + m,
	         {0},
	         {0},
	         next_head != NULL};
	for (size_t k = 0; k < (size_t)1 << MEMO_BITS; k++)
		mm[k].a = -1;
	if (prev_end)
		ties__lm_tail(lay, prev_end, &C.pe_tail);
	if (next_head)
		ties__lm_head(lm, next_head, &C.nx_head);
	for (size_t i = 0; i < m; i++) {
		size_t w, rows = ties__unit_rows(L, &U[i], lay->width, &w);
		wid[i] = w > 100000 ? 100000 : (int)w;
		nrows[i] = rows > 100000 ? 100000 : (int)rows;
		const ties__line *l = LAST(&C, i);
		stop[i] = ties__ends_sentence(l->text, l->len) ? 2
		          : ties__ends_block(l->text, l->len)  ? 1
		                                               : 0;
		opn[i] = ties__lm_open(lm, FIRST(&C, i));
		opn[m + i] = NAN;
		opn[2 * m + 2 * i] = opn[2 * m + 2 * i + 1] = NAN;
		ties__lm_tail(lay, l, &ends[i]);
		ties__lm_head(lm, FIRST(&C, i), &ends[m + i]);
		head[i] =
		    (unsigned char)(U[i].n == 1 && heading_like(l, &ends[i], rows, w, lay->width));
		full[i] = (unsigned char)(U[i].n == 1 && ties__justified(l->text, l->len));
		cut[i] = (unsigned char)((l->flags & TIES__L_CUT) != 0);
		for (size_t k = 0; k < U[i].n; k++)
			ties__note_marks(&L[U[i].first + k], &nmk[i], &nmk[m + i]);
		if (head[i])
			nmk[2 * m + i] = ties__section_number(l);
		nmk[3 * m + i] =
		    (unsigned char)ties__is_notes_heading(FIRST(&C, i)->text, FIRST(&C, i)->len);
	}
	unsigned gen = 0;
	/* the first unit opens chain 0, the left column or the right one */
	st[0] = page_state(0, 0, -1, 0);
	place(&C, &st[0], 0, 0, 0);
	cnt[0] = 1;
	if (beam > 1) {
		st[1] = page_state(0, 0, -1, 1);
		place(&C, &st[1], 0, 0, 0);
		cnt[0] = 2;
	}
	for (size_t i = 1; i < m; i++) {
		size_t nc = 0;
		const state *prev = st + (i - 1) * stride;
		double best_prev = -DBL_MAX;
		int best_pi = 0, windowed = 0;
		double open_i = opn[i];
		double lk = link_u(&C, (long)i - 1, (long)i);
		/* a window's break is due: only pages broken in it go on */
		int due = 0;
		for (size_t p = 0; win && i > win->hi && p < cnt[i - 1] && !due; p++)
			due = prev[p].pstart >= (long)win->lo;
		for (size_t p = 0; p < cnt[i - 1]; p++) {
			const state *s = &prev[p];
			if (due && s->pstart < (long)win->lo)
				continue;
			/* did unit i-1 switch chains (or fill out a switched-to row)? */
			int switched = s->alt;
			/* same chain as unit i-1; the rest of its row keeps the pattern */
			state a = *s;
			int fill = joins_row(&C, s, a.lab, i);
			a.score +=
			    (s->hopen[s->lab] ? link_from(&C, s, s->lab, (long)i - 1, (long)i)
			                      : lk) -
			    (switched && !fill ? PATTERN_COST : 0) -
			    after_notes(&C, (long)i - 1, (long)i);
			if (switched && !fill)
				a.run_left = 1;
			a.alt = (unsigned char)(switched && fill);
			a.newpage = 0;
			a.parent = (int)p;
			a.score -= place(&C, &a, a.lab, i, 0);
			cand[nc++] = a;
			/* the other chain: continues its last unit, or opens it */
			state b = *s;
			b.score += (s->other >= 0 ? link_from(&C, s, !s->lab, s->other, (long)i)
			                          : open_i) -
			           (switched || i < 2 ? 0 : PATTERN_COST) -
			           (switched ? 0 : SWITCH_COST) -
			           after_notes(&C, s->other, (long)i);
			b.other = (long)(i - 1);
			b.lab = !s->lab;
			b.alt = 1;
			b.run_left = 0;
			if (b.lab == 1 && b.first1 < 0) {
				b.first1 = (long)i;
				b.score -= OPEN_COST;
			}
			b.newpage = 0;
			b.parent = (int)p;
			b.score -= place(&C, &b, b.lab, i, 1);
			cand[nc++] = b;
			/* an unmarked page break closes this page's chains */
			if (!lay->pages_known && !s->swap) {
				double pb = s->score - (lay->page_rows > 0 ? 0 : PAGE_COST) -
				            balance_cost(&C, s) + foot_run(s) +
				            junction(&C, s, (long)i - 1) - short_page(&C, s);
				if (pb > best_prev) {
					best_prev = pb;
					best_pi = (int)p;
				}
			} else if (win && i >= win->lo && i <= win->hi &&
			           s->pstart < (long)win->lo) {
				/* one break, somewhere in the window: each unit
				 * it stands from the mark costs win->move */
				double pb = s->score - balance_cost(&C, s) + foot_run(s) +
				            junction(&C, s, (long)i - 1) -
				            win->move * (double)(i > win->mark ? i - win->mark
				                                               : win->mark - i);
				if (pb > best_prev) {
					best_prev = pb;
					best_pi = (int)p;
					windowed = 1;
				}
			}
		}
		*budget = *budget > 2 * cnt[i - 1] ? *budget - 2 * cnt[i - 1] : 0;
		if (best_prev > -DBL_MAX)
			for (int left = 0; left < 2; left++) {
				cand[nc] = page_state(best_prev, (long)i, best_pi, left);
				/* the page goes on from the last unit read of the
				 * one it closes: its right chain's, or its only one */
				if (windowed || !lay->pages_known) {
					const state *q = &prev[best_pi];
					int two = q->first1 >= 0 && q->other >= 0;
					cand[nc].pend =
					    two && q->lab == q->left ? q->other : (long)i - 1;
				}
				place(&C, &cand[nc++], 0, i, 0);
			}
		/* states are pruned against the best that may still close its
		 * page: one that reads a right column whole first pays for it
		 * only at the text's end (swap_cost) */
		double top = -DBL_MAX, top_any = -DBL_MAX;
		for (size_t c = 0; c < nc; c++) {
			rk[c] = (ranked){cand[c].score, c};
			if (cand[c].score > top_any)
				top_any = cand[c].score;
			if (!cand[c].swap && cand[c].score > top)
				top = cand[c].score;
		}
		if (top == -DBL_MAX)
			top = top_any;
		size_t sorted = keep + keep / 2 < nc ? keep + keep / 2 : nc;
		sort_top(rk, nc, sorted);
		/* keep the best state per (lab, other, page start, first unit of
		 * chain 1, geometry): states that agree on these have the same future */
		size_t k = 0, swaps = 0;
		size_t spare = keep > 1 ? (keep / SWAP_PART ? keep / SWAP_PART : 1) : 0;
		state *cur = st + i * stride;
		gen++;
		for (size_t c = 0; c < nc && k < keep + spare; c++) {
			if (c == sorted) {
				sort_ranked(rk + c, nc - c);
				sorted = nc;
			}
			const state *x = &cand[rk[c].idx];
			if (x->score < top - PRUNE_MARGIN)
				break;
			uint64_t gk = geo_key(x);
			uint64_t key = ((uint64_t)(x->other + 1) * 0x9E3779B97F4A7C15ull) ^
			               ((uint64_t)(x->first1 + 1) * 0xC2B2AE3D27D4EB4Full) ^
			               ((uint64_t)x->pstart * 0x165667B19E3779F9ull) ^
			               ((uint64_t)x->lab * 0x94D049BB133111EBull) ^
			               (gk * 0xD6E8FEB86659FD93ull);
			size_t slot = (size_t)(key >> 20) & (SEEN_SIZE - 1);
			int dup = 0;
			while (seen[slot].gen == gen) {
				const state *y = &cur[seen[slot].idx];
				if (y->lab == x->lab && y->other == x->other &&
				    y->pstart == x->pstart && y->first1 == x->first1 &&
				    seen[slot].gk == gk) {
					dup = 1;
					break;
				}
				slot = (slot + 1) & (SEEN_SIZE - 1);
			}
			if (dup)
				continue;
			/* diversity: the column heads are only judged at the page's end
			 * (junction), so no one choice of heads may fill the beam */
			size_t hs =
			    (size_t)(((uint64_t)(x->first1 + 1) * 31 + (uint64_t)x->pstart) *
			                 0x9E3779B97F4A7C15ull >>
			             40) &
			    (SEEN_SIZE - 1);
			while (heads[hs].gen == gen &&
			       (heads[hs].first1 != x->first1 || heads[hs].pstart != x->pstart))
				hs = (hs + 1) & (SEEN_SIZE - 1);
			if (heads[hs].gen != gen) {
				heads[hs].gen = gen;
				heads[hs].first1 = x->first1;
				heads[hs].pstart = x->pstart;
				heads[hs].n = 0;
			}
			if (heads[hs].n >= HEAD_SHARE && keep > 1)
				continue;
			/* the few states that read a right column whole first must
			 * not crowd out the others */
			if (keep > 1 && (x->swap ? swaps >= spare : k - swaps >= keep))
				continue;
			swaps += x->swap;
			heads[hs].n++;
			seen[slot].gen = gen;
			seen[slot].idx = (unsigned)k;
			seen[slot].gk = gk;
			cur[k++] = *x;
		}
		cnt[i] = k;
		if (*budget == 0)
			keep = 1; /* out of search budget: continue greedily */
	}
	/* the best final state, its last page's junction and foot included */
	size_t bi = 0;
	double bs = -DBL_MAX, ph = 0, bshort = -DBL_MAX, gap = 0;
	for (size_t p = 0; p < cnt[m - 1]; p++) {
		const state *s = &st[(m - 1) * stride + p];
		double v = s->score + junction(&C, s, (long)m - 1) - swap_cost(s) + foot_run(s);
		double bal = !last_page         ? balance_cost(&C, s)
		             : lay->pages_known ? fill_cost(s) + short_left(&C, s)
		                                : 0;
		/* the page-end link counts for the reading kept, not for the
		 * one below that lets the right column end short: where a
		 * page's foot follows its number, the next line is that foot,
		 * which place_foot (text.c) then reads in */
		double go = goes_on(&C, s, (long)m - 1);
		if (v + go - bal > bs) {
			bs = v + go - bal;
			bi = p;
			ph = s->ly[0] > s->ly[1] ? s->ly[0] : s->ly[1];
		}
		/* the best reading were the right column allowed to end short
		 * (its last rows read after the page's number) */
		int l = s->left;
		if (s->has[0] && s->has[1] && s->ly[!l] < s->ly[l])
			bal = 0;
		if (v - bal > bshort) {
			bshort = v - bal;
			gap = s->has[0] && s->has[1] ? s->ly[l] - s->ly[!l] : 0;
		}
	}
	int left = 0;
	for (size_t i = m; i-- > 0;) {
		const state *s = &st[i * stride + bi];
		lab[i] = s->lab;
		pg[i] = s->newpage;
		/* which chain is the left one is known to the page's last state */
		if (i == m - 1 || pg[i + 1])
			left = s->left;
		lab[i] ^= left; /* 0: the left column */
		bi = s->parent >= 0 ? (size_t)s->parent : 0;
	}
	if (!last_page && lay->pages_known && ph > *height)
		*height = ph;
	if (out) {
		out->score = bs;
		out->gap = gap;
		out->breaks = 0;
		for (size_t i = 1; i < m; i++)
			out->breaks += !lay->pages_known && pg[i];
		out->unbroken = bs + (lay->page_rows > 0 ? 0 : PAGE_COST * (double)out->breaks);
		for (size_t i = 1; win && i < m && out->brk == m; i++)
			if (pg[i])
				out->brk = i;
	}
	/* emit: per page, the left chain then the right one */
	size_t o = 0, ps = 0;
	while (ps < m) {
		size_t pe = ps + 1;
		while (pe < m && !pg[pe])
			pe++;
		for (int c = 0; c < 2; c++)
			for (size_t i = ps; i < pe; i++)
				if (lab[i] == c)
					order[o++] = i;
		ps = pe;
	}
done:
	ties__free(stop);
	ties__free(wid);
	ties__free(head);
	ties__free(full);
	ties__free(cut);
	ties__free(nmk);
	ties__free(mm);
	ties__free(st);
	ties__free(cnt);
	ties__free(cand);
	ties__free(rk);
	ties__free(lab);
	ties__free(seen);
	ties__free(heads);
	ties__free(opn);
	ties__free(ends);
	return rc;
}
