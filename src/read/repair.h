/* Internal interface of the text repair (two-column extraction output).
 *
 * The repair works on the input's lines (ties__line) in four steps, one
 * file each: artifacts.c marks page numbers and running headers and cuts the
 * text into pages; lm.c scores "line b continues line a" from general
 * language evidence; columns.c undoes the merge of the column streams of each
 * page; paras.c rebuilds paragraphs, headings and notes from lines in
 * reading order.  text.c decides whether the repair runs at all.
 */
#ifndef TIES_READ_REPAIR_H
#define TIES_READ_REPAIR_H

#include "read_int.h"

/* Extra line flags used only by the repair (beyond TIES__L_* of read_int.h). */
#define TIES__L_DROP 256u        /* an artifact: page number, running header */
#define TIES__L_PAGE 512u        /* a page-number line that ends a page */
#define TIES__L_FRAG 1024u       /* a scrap of a justified line (one or a few words) */
#define TIES__L_TITLE_CONT 2048u /* a line of the title box joining the line before */
#define TIES__L_NEWPAGE 4096u    /* a form feed precedes it: the extractor's page break */
#define TIES__L_PAGENUM 8192u    /* a page number */
#define TIES__L_FEEDAFTER 16384u /* a form feed follows it: the end of the text's last page */
#define TIES__L_BOXEND 32768u    /* the last line of its box (boxes are paragraphs) */
/* the line ended in a blank: the extractor cut a row at a word gap there and
 * the row goes on in a later line (pdfminer keeps the gap's space) */
#define TIES__L_CUT 65536u
/* a page break placed by an estimate (a page number read mid-page): the
 * merge may move it a few units either way (ties__window) */
#define TIES__L_SOFTPAGE 131072u
/* a heading of one column set on one row with the other column's heading,
 * in a box of its own however short (ties__page_units) */
#define TIES__L_HEADPAIR 262144u

/* Page breaks: a page-number line (TIES__L_PAGE, itself no content) ends a
 * page, or a form feed opens one (TIES__L_NEWPAGE on its first line). */
static inline int ties__page_break(const ties__line *L, size_t k, size_t start)
{
	return (L[k].flags & TIES__L_PAGE) || (k > start && (L[k].flags & TIES__L_NEWPAGE));
}

/* Line statistics of one document. */
typedef struct ties__layout {
	size_t width;    /* typical full line length in characters (blanks collapsed) */
	int pages_known; /* page numbers mark every page break */
	/* the extractor kept whole paragraphs in one box (it read the page
	 * column by column): a box that ends a sentence ends a paragraph */
	int boxed;
	/* the extractor keeps the blank where it cut a row (TIES__L_CUT): a
	 * line without one ends its row */
	int cuts;
	/* without page marks, rows of a full page's column as guessed
	 * (guess_height in text.c; 0: none) */
	double page_rows;
	/* rows of the first page's taller column (under the title): a full
	 * column holds at least as many; the first page's merges fill it in
	 * (0 where that page is the last) */
	double first_rows;
	/* with page marks, half the longest page's lines: a page read as one
	 * chain no taller than this holds one column (0: none) */
	double column_rows;
} ties__layout;

/* The extractor keeps the blank where it cut a row (TIES__L_CUT): at least
 * 10 lines, and one in 20, end in one. */
int ties__cut_marks(const ties__line *L, size_t n);

/* A day of the month (1 to 31) or a year (four digits), as a whole word
 * (a final comma or stop aside); *year tells which. */
int ties__day_or_year(const char *w, size_t n, int *year);

/* Length of a line with runs of blanks counted once. */
size_t ties__line_width(const char *s, size_t n);

/* qsort comparator of size_t values, ascending. */
int ties__cmp_size(const void *a, const void *b);

/* ---- language evidence (lm.c) ---- */
typedef struct ties__lm ties__lm;
/* Learns word and word-pair counts from the lines (pairs inside lines only:
 * pairs across line ends are what the repair has to find out). */
ties__lm *ties__lm_new(const ties__line *lines, size_t n, const ties__vocab *vocab);
void ties__lm_free(ties__lm *lm);
/* Writes the background tables to path (make time: tools/mkbg.c), which
 * later processes map instead of counting the corpora again; 0 or -1. */
int ties__lm_bg_save(const char *path);
/* Score of line b following line a directly in reading order: positive when
 * the evidence says it continues, negative when it says it does not. */
double ties__lm_link(const ties__lm *lm, const ties__layout *lay, const ties__line *a,
                     const ties__line *b);
/* A line's end (tail) or start (head) as a join sees it: what the link
 * score reads of the line, worked out once for the many joins a line is
 * tried in.  It points into the line's text, which must outlive it. */
typedef struct ties__lm_end {
	const char *s;
	size_t n;      /* the line's length */
	size_t ws, wl; /* the last (tail) or first (head) word */
	size_t cs, cl; /* its letters; for a hyphen, the part the hyphen ends */
	uint64_t h;    /* hash of those letters */
	unsigned char ok, caps;
	unsigned char hyph, sent, dotted, heading, soft, short_, func, det; /* tail */
	unsigned char lower, upper, digit, tail, name, common, verb;        /* head */
	unsigned char shout; /* a line in capitals (tail) / opening in them (head) */
	unsigned char title; /* tail: a line in title case ending in a colon */
	unsigned char abbr; /* tail: a title's or an initial's stop ("Mr.", "J."): a name follows */
	unsigned char headish; /* tail: a short line in title case, open: a heading or a name */
} ties__lm_end;
void ties__lm_tail(const ties__layout *lay, const ties__line *a, ties__lm_end *t);
void ties__lm_head(const ties__lm *lm, const ties__line *b, ties__lm_end *t);
/* ties__lm_link from the two ends. */
double ties__lm_link_ends(const ties__lm *lm, const ties__lm_end *a, const ties__lm_end *b);
/* The link of a plain continuation: a line that ends without a stop, the
 * next opening in lowercase, no word pair known either way. */
double ties__lm_plain_link(void);
/* Score of line b opening a column (no known predecessor). */
double ties__lm_open(const ties__lm *lm, const ties__line *b);

/* Sentence end at the end of a line ("end.", "end.3", "end.\"") */
int ties__ends_sentence(const char *s, size_t n);
/* A sentence end or a colon: a short line ending so closes its paragraph
 * (a colon introduces a list or a quotation set apart). */
int ties__ends_block(const char *s, size_t n);
/* The word of the line's last stop holds another stop: a dotted
 * abbreviation ("U.S.", "e.g."), which before lowercase ends no sentence. */
int ties__ends_dotted(const char *s, size_t n);
/* 1 when s ends with a letter and a hyphen. */
int ties__ends_hyphen(const char *s, size_t n);
/* First code point is an uppercase letter / lowercase letter. */
int ties__starts_upper(const char *s, size_t n);
int ties__starts_lower(const char *s, size_t n);
/* A bullet opening a line: "- ", "* ", a bullet or dash sign and a blank. */
int ties__bullet(const char *s, size_t n);
/* Where no page marks cut a text: a reading at a guessed page height, of
 * this score and with these breaks, beats the reading without a height,
 * whose score with its breaks' costs taken out is base (text.c). */
int ties__height_wins(double score, size_t breaks, double base);
/* Number of words (blank-separated). */
size_t ties__rp_words(const char *s, size_t n);

/* ---- side-by-side columns (gutter.c) ---- */
/* Where pages of data[0..len) (form feeds end them) set both columns side
 * by side on each line, as laid out on the page, appends to out the text
 * with those pages rewritten column by column, and to map (of unsigned) the
 * input line of each line written; where no page does, leaves both empty. */
ties_code ties__split_gutter(const char *data, size_t len, ties_buf *out, ties_vec *map);
/* Where data[0..len) has no form feeds but sets both columns side by side
 * on its lines, appends to out each row's left part and right part, each
 * between blank lines (the columns alternating line by line, for the
 * column merge), and to map the input line of each line written; else
 * leaves both empty. */
ties_code ties__split_rows(const char *data, size_t len, ties_buf *out, ties_vec *map);

/* ---- artifacts (artifacts.c) ---- */
/* Marks page numbers (TIES__L_PAGENUM) and running headers/footers with
 * TIES__L_DROP and records them as artifacts.  Where no form feed marks the
 * extractor's page breaks, page numbers mark them: TIES__L_PAGE. */
ties_code ties__mark_artifacts(ties__line *lines, size_t n, ties__blocks *bl);

/* ---- column merge (columns.c) ---- */
/* A unit: consecutive input lines known to be consecutive in one column. */
typedef struct ties__unit {
	size_t first, n;
} ties__unit;

/* Rows the unit's lines stand in; *width (if not NULL): the characters of
 * its last row. */
size_t ties__unit_rows(const ties__line *lines, const ties__unit *u, size_t W, size_t *width);

/* Note markers of a line: a number of 1 to 3 digits (1 to 255) set close
 * after a word's final stop, comma, colon, semicolon, closing quote or
 * bracket ("itself.1") and followed by a blank or the line's end.  Widens
 * [*first, *last] (0: none yet) to the numbers found. */
void ties__note_marks(const ties__line *l, unsigned char *first, unsigned char *last);
/* The number of a numbered heading ("3. Finances", "2.1 Routes"), or 0. */
unsigned char ties__section_number(const ties__line *l);

/* Gaps of two blanks or more between words, twice or more: a justified
 * line whose word spaces the extractor kept. */
int ties__justified(const char *t, size_t n);
/* Whether the extractor kept the stretched word gaps of justified lines
 * (two blanks or more, twice in a line, on at least a fifth of the lines). */
int ties__stretched(const ties__line *lines, size_t n);
/* The units of the page that starts at line i (up to the next page mark, at
 * most 20,000 units), written to units[] (room for n - i); lines dropped or
 * taken as headings are left out.  *end: where the page stops.  Returns the
 * number of units.  Marks the headings of two columns set on one row
 * (TIES__L_HEADPAIR). */
size_t ties__page_units(ties__line *lines, size_t n, size_t i, const ties__layout *lay,
                        int stretched, ties__unit *units, size_t *end);

/* Orders the units of one page: each unit goes to one of two column chains
 * (order inside a chain kept), chosen by a beam search over the merge that
 * maximises the sum of link scores; the result is the first chain followed
 * by the second, written to order[] as unit indices.  *budget counts search
 * steps and is decreased; when it runs out, the beam narrows to one state
 * (a greedy merge) so the work stays linear.  prev_end: the last line read
 * before this page, or NULL; next_head: the first line of the page after,
 * or NULL (the page's last line read should lead into it); last_page: no
 * page follows (its columns may end at different heights); *height: rows
 * of the tallest column of the full pages so far (0: none yet), raised by
 * this page's; *out (if not NULL): what the merge found besides the order.
 * win (NULL: none): the units are two pages whose break is known only to
 * lie in units [win->lo, win->hi] (lo >= 1, hi < m); the merge reads both
 * and places it, in out->brk. */
typedef struct ties__window {
	size_t lo, hi, mark; /* mark: the break as marked */
	double move;         /* the cost of each unit between the break and mark */
} ties__window;
typedef struct ties__merge {
	double score; /* of the reading found */
	size_t brk;   /* with a window: the unit that opens the second page */
	/* rows by which the left column ends below the right one in the best
	 * reading that lets the right one end short, costing nothing for it
	 * (0: it ends no shorter) */
	double gap;
	size_t breaks; /* page breaks placed where no mark shows */
	/* the score with the cost of those breaks (PAGE_COST each) taken out */
	double unbroken;
} ties__merge;
ties_code ties__columns_order(const ties__line *lines, const ties__unit *units, size_t m,
                              const ties__lm *lm, const ties__layout *lay, unsigned long *budget,
                              const ties__line *prev_end, const ties__line *next_head,
                              int last_page, double *height, ties__merge *out, size_t *order,
                              const ties__window *win);

/* ---- scraps read out of place (scraps.c) ---- */
/* Unit u holds only scraps (TIES__L_FRAG): one row of a cut line, or
 * (stacked) whole boxes of scraps, at least one of them of single words one
 * over the other: pieces of several rows (lines[0..n) the input). */
int ties__scraps_row(const ties__line *lines, const ties__unit *u);
int ties__scraps_stacked(const ties__line *lines, size_t n, const ties__unit *u);
/* Rows of scraps of the page (rows[0..nr), not stacked) that open in
 * lowercase after a sentence end in the reading order P[p0..np) and read
 * better in the gap of a row of scraps before them: stray[k] = 1 for each;
 * returns their count.  *budget counts link scores and is decreased; at 0
 * nothing more is fitted. */
size_t ties__scraps_strays(const ties__lm *lm, const ties__layout *lay, const ties__line *lines,
                           const ties__unit *rows, size_t nr, const ties__line **P, size_t p0,
                           size_t np, unsigned long *budget, unsigned char *stray);
/* Inserts the lines of the orphans O[0..no) (input order) into the page's
 * reading order P[p0..*np), which holds the lines of rows[0..nr): into the
 * gaps of rows of scraps before them where that reads better, else after
 * the page's line that precedes them in the input.  P has room for them;
 * *np grows by their lines. */
ties_code ties__scraps_place(const ties__lm *lm, const ties__layout *lay, const ties__line *lines,
                             const ties__unit *rows, size_t nr, const ties__unit *O, size_t no,
                             const ties__line **P, size_t p0, size_t *np, unsigned long *budget);

/* ---- paragraphs (paras.c) ---- */
/* Lines in reading order (pointers) to blocks: paragraphs joined into one
 * line each, headings and title, notes one per entry. */
ties_code ties__build_paras(const ties__line *const *lines, size_t n, const ties__layout *lay,
                            const ties__vocab *vocab, ties__blocks *bl);

#endif
