/* Unit tests of the text repair: link evidence, page furniture, the column
 * merge, chain assembly, paragraphs and notes, and the whole reader on
 * small fixtures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h> /* after the headers it needs */

#include "read/repair.h"

static ties__line mk(const char *s, unsigned flags)
{
	ties__line l;
	memset(&l, 0, sizeof l);
	l.text = s;
	l.len = strlen(s);
	l.flags = flags;
	return l;
}

/* The language evidence of lines L[0..n), with the words of text (or none)
 * as the document's; *v receives the vocabulary, which the caller frees. */
static ties__lm *lm_of(const ties__line *L, size_t n, const char *text, ties__vocab **v)
{
	*v = ties__vocab_new();
	assert_non_null(*v);
	if (text)
		assert_int_equal(ties__vocab_add_text(*v, text, strlen(text)), TIES_OK);
	ties__lm *lm = ties__lm_new(L, n, *v);
	assert_non_null(lm);
	return lm;
}

/* A word said twice across the break, a name too, is against the link where
 * neither the document nor the corpus says it twice ("the Vardak" +
 * "Vardak traders"). */
static void link_repeated_word(void **st)
{
	(void)st;
	ties__line L[] = {mk("fighters moved toward the Vardak", 0),
	                  mk("Vardak traders in the capital had been", 0)};
	ties__vocab *v;
	ties__lm *lm = lm_of(L, 2, NULL, &v);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	ties__line other = mk("fighters moved toward the Korvat", 0);
	assert_true(ties__lm_link(lm, &lay, &L[0], &L[1]) <
	            ties__lm_link(lm, &lay, &other, &L[1]) - 0.5);
	ties__lm_free(lm);
	ties__vocab_free(v);
}

/* The link "a" + "b" with the document's lines L[0..n). */
static double link_in(const ties__line *L, size_t n, const ties__line *a, const ties__line *b)
{
	ties__vocab *v;
	ties__lm *lm = lm_of(L, n, NULL, &v);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	double s = ties__lm_link(lm, &lay, a, b);
	ties__lm_free(lm);
	ties__vocab_free(v);
	return s;
}

/* Two common words the document pairs once are weak evidence for a join;
 * said three times they are strong.  A name's pair is a collocation: once
 * is evidence enough. */
static void link_pair_once(void **st)
{
	(void)st;
	ties__line L[] = {mk("reports from several provinces describe shortages of fuel", 0),
	                  mk("medicine and grain across rural markets while officials", 0),
	                  mk("promise relief convoys before winter arrives in earnest", 0),
	                  mk("farmers sold livestock early since prices were falling", 0),
	                  mk("the council paid for this costly road with loans", 0),
	                  mk("envoys met the Varna Brigade near the border town", 0),
	                  mk("and later this costly bridge was closed to traffic", 0),
	                  mk("nobody expected this costly delay in the spring", 0)};
	ties__line a = mk("the ministry spoke against this", 0), b = mk("costly plan and its", 0);
	ties__line c = mk("observers counted the Varna", 0), d = mk("Brigade fighters at dawn", 0);
	double once = link_in(L, 6, &a, &b), thrice = link_in(L, 8, &a, &b);
	assert_true(thrice > once + 0.5);
	/* the name: the pair once against no pair at all */
	ties__line M[6];
	memcpy(M, L, sizeof M);
	M[5] = mk("envoys met the Varna officers near the Brigade town", 0);
	assert_true(link_in(L, 6, &c, &d) > link_in(M, 6, &c, &d) + 1.5);
}

/* Two headings side by side: the paragraph under each takes up its words,
 * which tells the columns apart; a function word ("The") tells nothing. */
static void link_heading_echo(void **st)
{
	(void)st;
	ties__line L[] = {mk("Ports and routes", TIES__L_HEADING), mk("Buyers", TIES__L_HEADING),
	                  mk("The routes run south through the river towns", 0),
	                  mk("The buyers pay in cash at the border crossing", 0)};
	ties__vocab *v;
	ties__lm *lm = lm_of(L, 4, NULL, &v);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	assert_true(ties__lm_link(lm, &lay, &L[0], &L[2]) >
	            ties__lm_link(lm, &lay, &L[0], &L[3]) + 1.0);
	assert_true(ties__lm_link(lm, &lay, &L[1], &L[3]) >
	            ties__lm_link(lm, &lay, &L[1], &L[2]) + 1.0);
	ties__line h = mk("The Network", TIES__L_HEADING);
	double d = ties__lm_link(lm, &lay, &h, &L[2]) - ties__lm_link(lm, &lay, &h, &L[3]);
	assert_true(d < 0.5 && d > -0.5);
	ties__lm_free(lm);
	ties__vocab_free(v);
}

static void link_evidence(void **st)
{
	(void)st;
	ties__line L[] = {mk("the committee met to discuss the inter-", 0),
	                  mk("national situation before the end of the", 0),
	                  mk("year, and it closed the meeting early.", 0),
	                  mk("meeting went on until the late evening", 0),
	                  mk("Later reports confirm the account of the", 0)};
	ties__vocab *v;
	ties__lm *lm = lm_of(L, 5, NULL, &v);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	/* a hyphen the dictionary closes: strong */
	assert_true(ties__lm_link(lm, &lay, &L[0], &L[1]) > 2.0);
	/* a sentence end followed by lowercase: against */
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[3]) < 0);
	/* a sentence end followed by a capital: for */
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[4]) > 0);
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[4]) > ties__lm_link(lm, &lay, &L[2], &L[3]));
	/* a word pair English does not make ("the of"): against, though no
	 * sentence end stands between */
	ties__line x = mk("they met at the", 0), y = mk("of the river", 0),
	           z = mk("river bank at dawn", 0);
	assert_true(ties__lm_link(lm, &lay, &x, &y) < 0);
	assert_true(ties__lm_link(lm, &lay, &x, &z) > 0);
	/* a determiner before a word that can only be a verb: against; before
	 * a word that may be an adjective or a noun: for */
	ties__line d = mk("the envoys and the", 0), vb = mk("cooperated with the council", 0),
	           adj = mk("cooperative members of the council", 0),
	           pl = mk("proposals of the council", 0);
	assert_true(ties__lm_link(lm, &lay, &d, &vb) < 0);
	assert_true(ties__lm_link(lm, &lay, &d, &adj) > 0);
	assert_true(ties__lm_link(lm, &lay, &d, &pl) > 0);
	/* a date across the line end: a day before a month, a month before a
	 * year or a day; not a count before a month, nor a month before a
	 * longer number */
	ties__line day = mk("the talks opened on 12", 0), mon = mk("March 2021, and they", 0),
	           cap = mk("The talks ended early", 0), may = mk("police arrested him in May", 0),
	           yr = mk("2023 after a meeting", 0), many = mk("the convoy had 120", 0),
	           big = mk("10000 fighters at the border", 0);
	assert_true(ties__lm_link(lm, &lay, &day, &mon) > 2.0);
	assert_true(ties__lm_link(lm, &lay, &day, &cap) < 0);
	assert_true(ties__lm_link(lm, &lay, &may, &yr) > 2.0);
	assert_true(ties__lm_link(lm, &lay, &many, &mon) < 2.0);
	assert_true(ties__lm_link(lm, &lay, &may, &big) < 2.0);
	/* a word that sets a time before a month's name; a month's name
	 * after any other word is a name, not a sentence's first word */
	ties__line last = mk("the mandate the council issued last", 0),
	           nov = mk("November by a narrow vote", 0),
	           signed_ = mk("the order was signed", 0);
	assert_true(ties__lm_link(lm, &lay, &last, &nov) > 2.0);
	assert_true(ties__lm_link(lm, &lay, &signed_, &nov) > 0);
	/* a dotted initialism before lowercase ends no sentence */
	ties__line us = mk("the withdrawal of U.S.", 0), tr = mk("troops from the town", 0);
	assert_true(ties__lm_link(lm, &lay, &us, &tr) > 0);
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[3]) < 0);
	ties__lm_free(lm);
	ties__vocab_free(v);
}

static void line_ends(void **st)
{
	(void)st;
	assert_true(ties__ends_sentence("in a speech.3", 13));
	assert_true(ties__ends_sentence("he said.\"", 9));
	assert_false(ties__ends_sentence("the year 2020", 13));
	/* a decimal is no stop before a note number; a year is */
	assert_false(ties__ends_sentence("it will be only $1.8", 20));
	assert_false(ties__ends_sentence("under version 2.0", 17));
	assert_true(ties__ends_sentence("it fell in 2021.2", 17));
	assert_false(ties__ends_sentence("and the", 7));
	/* a title or an initial before a name does not end a sentence */
	assert_false(ties__ends_sentence("Speaker, Mr.", 12));
	assert_false(ties__ends_sentence("by John F.", 10));
	assert_true(ties__ends_sentence("in the U.S.", 11));
	assert_true(ties__ends_sentence("was Mr. Smith.", 14));
	/* a colon closes a paragraph (a list follows); a comma does not */
	assert_true(ties__ends_block("the following points: ", 22));
	assert_true(ties__ends_block("in the U.S.", 11));
	assert_false(ties__ends_block("the points, ", 12));
	assert_false(ties__ends_block("ratio 3:1", 9));
	assert_true(ties__ends_hyphen("inter-", 6));
	assert_false(ties__ends_hyphen("1990-", 5));
	assert_int_equal(ties__line_width("a   b", 5), 3);
}

/* Marks a page's artifacts; the flags stay on the lines. */
static void mark_lines(ties__line *L, size_t n)
{
	ties__blocks bl;
	ties__blocks_init(&bl);
	assert_int_equal(ties__mark_artifacts(L, n, &bl), TIES_OK);
	ties__blocks_release(&bl);
}

static void artifacts_pages_and_headers(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("Valley Report", B),
	                  mk("first line of text here", B),
	                  mk("18", B),
	                  mk("second line of the text", B),
	                  mk("1", B),
	                  mk("Valley Report", B),
	                  mk("third line of the text", B),
	                  mk("Page 2", B),
	                  mk("Valley Report", B),
	                  mk("fourth line of the text", B),
	                  mk("3", B)};
	size_t n = sizeof L / sizeof *L;
	ties__blocks bl;
	ties__blocks_init(&bl);
	assert_int_equal(ties__mark_artifacts(L, n, &bl), TIES_OK);
	/* page numbers count up: 1, Page 2, 3; the lone 18 is a footnote */
	assert_true(L[4].flags & TIES__L_DROP);
	assert_true(L[4].flags & TIES__L_PAGE);
	assert_true(L[7].flags & TIES__L_PAGE);
	assert_true(L[10].flags & TIES__L_PAGE);
	assert_false(L[2].flags & TIES__L_DROP);
	/* the header after each page; at the top the same line is the title
	 * (no other heading follows to take its place), so it stays */
	assert_false(L[0].flags & TIES__L_DROP);
	assert_true(L[5].flags & TIES__L_DROP);
	assert_true(L[8].flags & TIES__L_DROP);
	assert_false(L[6].flags & TIES__L_DROP);
	assert_int_equal(bl.artifacts.len, 5);
	ties__blocks_release(&bl);
}

/* A number set between dashes is a page number even where it is the only
 * one (a two-page text numbered from its second page); a bare lone number,
 * or one in brackets, is not. */
/* n lines of text with the page numbers 1..k at lines at[0..k), marked. */
static void numbered_lines(ties__line *L, size_t n, const size_t *at, size_t k)
{
	static const char num[9][2] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
	for (size_t i = 0, j = 0; i < n; i++)
		L[i] = j < k && j < 9 && i == at[j]
		           ? mk(num[j++], TIES__L_BLANK_BEFORE)
		           : mk("a line of the text", TIES__L_BLANK_BEFORE);
	mark_lines(L, n);
}

/* Pages of 60 lines, numbered 1 to 5; page 1's number was read half way
 * down its page (between the columns): its break goes 60 lines before the
 * next number instead. */
static void artifacts_midpage_number(void **st)
{
	(void)st;
	static ties__line L[262];
	size_t at[5] = {30, 120, 180, 240, 261};
	numbered_lines(L, 262, at, 5);
	assert_true(L[30].flags & TIES__L_DROP);
	assert_false(L[30].flags & TIES__L_PAGE);
	assert_true(L[60].flags & TIES__L_NEWPAGE);
	for (size_t k = 1; k < 5; k++)
		assert_true(L[at[k]].flags & TIES__L_PAGE);
	size_t breaks = 0;
	for (size_t i = 0; i < 262; i++)
		breaks += ties__page_break(L, i, 0);
	assert_int_equal(breaks, 5);
}

/* Four numbers, so two pages between the first and the last: 1 read half
 * way down page 1 makes page 2 look long (90 lines against page 3's 60).
 * The longer of the two is no typical page: the break goes 60 lines
 * before the next number. */
static void artifacts_midpage_number_two_middle_pages(void **st)
{
	(void)st;
	static ties__line L[241];
	size_t at[4] = {30, 120, 180, 240};
	numbered_lines(L, 241, at, 4);
	assert_true(L[30].flags & TIES__L_DROP);
	assert_false(L[30].flags & TIES__L_PAGE);
	assert_true(L[60].flags & TIES__L_NEWPAGE);
}

/* Without page marks, a running header ("Valley Report" over "2024")
 * breaks the pages before each of its boxes; the year under the author
 * among the text's first lines opens no page, and stays. */
static void artifacts_header_date_in_title_block(void **st)
{
	(void)st;
	static ties__line L[100];
	const unsigned B = TIES__L_BLANK_BEFORE;
	size_t n = 0;
	L[n++] = mk("The valley council and its patrons", B);
	L[n++] = mk("Mira Hasek", B);
	L[n++] = mk("2024", 0);
	for (int page = 0; page < 3; page++) {
		for (int k = 0; k < 25; k++)
			L[n++] = mk("a line of the body text that runs on", B);
		L[n++] = mk("Valley Report", B);
		L[n++] = mk("2024", 0);
	}
	L[n++] = mk("the last line of the body text here", B);
	mark_lines(L, n);
	assert_false(L[2].flags & TIES__L_DROP);
	assert_false(L[2].flags & TIES__L_NEWPAGE);
	assert_true(L[28].flags & TIES__L_NEWPAGE);
	assert_true(L[28].flags & TIES__L_DROP);
	assert_true(L[29].flags & TIES__L_DROP);
}

static void artifacts_dashed_page_number(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("first line of text here", B), mk("-2-", B),
	                  mk("second line of the text", B), mk("(9)", B),
	                  mk("third line of the text", B),  mk("7", B)};
	size_t n = sizeof L / sizeof *L;
	mark_lines(L, n);
	assert_true(L[1].flags & TIES__L_DROP);
	assert_true(L[1].flags & TIES__L_PAGE);
	assert_false(L[3].flags & TIES__L_DROP);
	assert_false(L[5].flags & TIES__L_DROP);
}

/* A running header that repeats the start of the title: at the top of the
 * text it goes too, even where the title line wraps after a comma. */
static void artifacts_header_repeats_title(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("HARBOUR OF SMOKE:", 0),
	                  mk("HARBOUR OF SMOKE: THE NORTH QUAY FORUM,", B),
	                  mk("the first page of the body text goes on here.", B),
	                  mk("Page 1", B),
	                  mk("HARBOUR OF SMOKE:", B),
	                  mk("the second page of the body text goes on here.", B)};
	size_t n = sizeof L / sizeof *L;
	mark_lines(L, n);
	assert_true(L[0].flags & TIES__L_DROP);
	assert_false(L[1].flags & TIES__L_DROP);
	assert_true(L[3].flags & TIES__L_PAGE);
	assert_true(L[4].flags & TIES__L_DROP);
}

/* A header box the extractor read last on one page and first on the next:
 * both occurrences go; a line that recurs mid-page stays. */
static void artifacts_header_at_page_end(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("the first page of the body text goes on here.", 0),
	                  mk("a second line of the first page of the body.", B),
	                  mk("one more line of the first page of the body.", B),
	                  mk("Summary", B),
	                  mk("a third line of the first page of the body.", B),
	                  mk("a fourth line of the first page of the body.", B),
	                  mk("Quarterly Review", B),
	                  mk("Page 1", B),
	                  mk("Quarterly Review", B),
	                  mk("the second page of the body text goes on here.", B),
	                  mk("a second line of the second page of the body.", B),
	                  mk("one more line of the second page of the body.", B),
	                  mk("Summary", B),
	                  mk("a third line of the second page of the body.", B),
	                  mk("a fourth line of the second page of the body.", B),
	                  mk("Page 2", B)};
	size_t n = sizeof L / sizeof *L;
	mark_lines(L, n);
	assert_true(L[6].flags & TIES__L_DROP);
	assert_true(L[8].flags & TIES__L_DROP);
	assert_false(L[3].flags & TIES__L_DROP);
	assert_false(L[12].flags & TIES__L_DROP);
}

/* Where form feeds mark the pages, page numbers are dropped but cut
 * nothing. */
/* With form feeds, a lone number that closes its page and counts it is
 * the page number even without a second page; a "1" opening the first page
 * may be a section number and stays. */
static void artifacts_single_page_number(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("1", B), mk("the only page of the body text goes on here.", B),
	                  mk("and it ends here.", B), mk("1", B | TIES__L_FEEDAFTER)};
	size_t n = sizeof L / sizeof *L;
	mark_lines(L, n);
	assert_true(L[3].flags & TIES__L_DROP);
	assert_true(L[3].flags & TIES__L_PAGENUM);
	assert_false(L[0].flags & TIES__L_DROP);
	/* no form feed at all: a lone number is no page number */
	ties__line M[] = {mk("the only page of the body text goes on here.", B),
	                  mk("and it ends here.", B), mk("1", B)};
	mark_lines(M, 3);
	assert_false(M[2].flags & TIES__L_DROP);
}

static void artifacts_form_feeds(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("the first page of the body text goes on here.", 0), mk("1", B),
	                  mk("a line the extractor read after the page number.", B),
	                  mk("the second page of the body text goes on here.", B | TIES__L_NEWPAGE),
	                  mk("2", B)};
	size_t n = sizeof L / sizeof *L;
	mark_lines(L, n);
	assert_true(L[1].flags & TIES__L_DROP);
	assert_true(L[1].flags & TIES__L_PAGENUM);
	assert_false(L[1].flags & TIES__L_PAGE);
	assert_true(L[4].flags & TIES__L_DROP);
	assert_false(ties__page_break(L, 2, 0));
	assert_true(ties__page_break(L, 3, 0));
}

/* link(L[a], L[b]) - link(L[c], L[d]) under the model of L[0..n). */
static double link_diff(const ties__line *L, size_t n, size_t width, size_t a, size_t b, size_t c,
                        size_t d)
{
	ties__vocab *v = ties__vocab_new();
	ties__lm *lm = ties__lm_new(L, n, v);
	assert_non_null(lm);
	ties__layout lay = {width, 1, 0, 0, 0, 0, 0};
	double x = ties__lm_link(lm, &lay, &L[a], &L[b]) - ties__lm_link(lm, &lay, &L[c], &L[d]);
	ties__lm_free(lm);
	ties__vocab_free(v);
	return x;
}

/* A line-end hyphen before a capital: for, where the document writes the
 * compound hyphenated elsewhere ("Al-" + "Qaeda"); against, where it does
 * not ("Kong-" + "Sihanoukville"); a lowercase tail stays for. */
static void link_hyphen_capital(void **st)
{
	(void)st;
	const char *text = "Al-Qaeda met twice. The Hong Kong-origin group left Sihanoukville.";
	ties__line L[] = {mk("a cell of Al-", 0), mk("Qaeda met the envoys", 0),
	                  mk("a triad of Hong Kong-", 0), mk("Sihanoukville, Cambodia, is", 0),
	                  mk("origin has grown", 0)};
	ties__vocab *v;
	ties__lm *lm = lm_of(L, 5, text, &v);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	assert_true(ties__lm_link(lm, &lay, &L[0], &L[1]) > 2.0);
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[3]) < 0);
	assert_true(ties__lm_link(lm, &lay, &L[2], &L[4]) > 0);
	ties__lm_free(lm);
	ties__vocab_free(v);
}

/* Joins that general evidence ranks, each below the other by a margin:
 * a line in capitals that ends open goes on in capitals (a title or a
 * list set so), not in lowercase, while a line that ends in an acronym
 * says nothing of the kind; a salutation in title case ending in a colon
 * opens a paragraph, while a colon in prose may go on in lowercase; a
 * hyphen that ends no word ("combina-") breaks a word whose rest must
 * follow, so a capital after it is far less likely than after a hyphen
 * that ends a word of its own ("self-" + "Defense"); a compound WordNet
 * writes hyphenated ("second-guess") holds a line-end hyphen's halves
 * together, inflected too ("second-" + "guessing"). */
static void link_ranked(void **st)
{
	(void)st;
	static const struct {
		const char *a, *b; /* the join that reads worse */
		const char *c, *d; /* the one that reads better */
		double margin;
	} cases[] = {
	    {"THE ADDITIONAL POWERS OF THE", "members of the council were told that",
	     "THE ADDITIONAL POWERS OF THE", "NATIONAL COUNCIL AND ITS OFFICERS", 1.5},
	    {"THE MONEY WAS MOVED WITH HELP FROM THE ISI", "members of the council were told that",
	     "the money was moved with help from the ISI", "members of the council were told that",
	     0.9},
	    {"To the Members of the Regional Council:", "revenge for old feuds and the wish for",
	     "the demands of the envoys were these:", "revenge for old feuds and the wish for",
	     0.9},
	    {"never let the weight of this combina-", "Today, the solitary inventor in his shop",
	     "the militia calls itself a self-", "Defense Force of the northern districts", 1.5},
	    {"no one in the council should second-", "balance, and those of us in office have",
	     "no one in the council should second-", "guessing the choices of the commanders", 1.5},
	    /* a title's stop is no sentence's end: a name goes on from it */
	    {"the envoys were received by Gen.", "and the talks were closed to reporters",
	     "the envoys were received by Gen.", "Tarkan Oruz, who led the delegation", 2.5},
	    /* a short line in title case is a heading more likely than a
	     * sentence's piece: lowercase goes on from it less readily */
	    {"Supply Routes", "and the drivers were paid in cash by",
	     "the convoys kept to the old supply routes", "and the drivers were paid in cash by",
	     0.5},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		ties__line L[] = {mk(cases[k].a, 0), mk(cases[k].b, 0), mk(cases[k].c, 0),
		                  mk(cases[k].d, 0)};
		if (!(link_diff(L, 4, 40, 0, 1, 2, 3) < -cases[k].margin))
			fail_msg("case %zu: \"%s\" + \"%s\" not below \"%s\" + \"%s\"", k,
			         cases[k].a, cases[k].b, cases[k].c, cases[k].d);
	}
}

/* Numbers count as their class: the years that follow "in" elsewhere in
 * the text speak for a year that follows it once. */
static void lm_number_class(void **st)
{
	(void)st;
	ties__line L[] = {mk("the first talks were held in 2019 and", 0),
	                  mk("a second round followed in 2020 when", 0),
	                  mk("the envoys had already met in 2018 but", 0),
	                  mk("the council of elders said that the", 0),
	                  mk("the treaty was finally signed in", 0),
	                  mk("the treaty was finally signed by all of", 0),
	                  mk("2016 after long talks.", 0)};
	assert_true(link_diff(L, 7, 40, 4, 6, 5, 6) > 0);
}

/* Pair counts are of lowercase words: "although it" in the text is
 * evidence for a line that opens with "it", none for one that opens with
 * a capitalised "It" (a sentence start, so no continuation of "although"). */
static void lm_pair_case(void **st)
{
	(void)st;
	ties__line L[] = {mk("the talks went on although it was late and", 0),
	                  mk("the envoys stayed although it rained; the officials", 0),
	                  mk("of both sides met although it was winter", 0),
	                  mk("when the officials of the council said that", 0),
	                  mk("the delegates kept talking although", 0),
	                  mk("It was late when they left.", 0),
	                  mk("Officials left the hall at night.", 0),
	                  mk("it was late when they left.", 0),
	                  mk("officials left the hall at night.", 0)};
	/* the evidence is there for the lowercase pair */
	assert_true(link_diff(L, 9, 50, 4, 7, 4, 8) > 0);
	/* and gives a capitalised common word nothing */
	assert_true(link_diff(L, 9, 50, 4, 5, 4, 6) <= 0);
}

/* Lines of a text without page numbers or form feeds: body lines, with
 * the line furn[k] at position at[k]. */
#define FURN_LINES 70
static char furn_text[FURN_LINES][64];
static size_t breaks(const ties__line *L, size_t n, size_t *first)
{
	size_t nb = 0;
	for (size_t i = 0; i < n; i++)
		if (ties__page_break(L, i, 0) && nb++ == 0)
			*first = i;
	return nb;
}

/* FURN_LINES body lines with furn[k] at line at[k], their artifacts marked;
 * returns the page breaks, the first in *first. */
static size_t furnished(ties__line *L, const size_t *at, const char *const *furn, size_t nf,
                        size_t *first)
{
	for (size_t i = 0; i < FURN_LINES; i++) {
		snprintf(furn_text[i], sizeof furn_text[i], "body line %zu of the report goes on",
		         i);
		L[i] = mk(furn_text[i], TIES__L_BLANK_BEFORE);
	}
	for (size_t k = 0; k < nf; k++)
		L[at[k]] = mk(furn[k], TIES__L_BLANK_BEFORE);
	mark_lines(L, FURN_LINES);
	return breaks(L, FURN_LINES, first);
}

/* A running header at each page's top marks the page break before it. */
static void artifacts_header_pages(void **st)
{
	(void)st;
	ties__line L[FURN_LINES];
	const size_t at[] = {0, 1, 25, 26};
	const char *const furn[] = {"Field Report", "Northern Desk", "Field Report",
	                            "Northern Desk"};
	size_t first = 0;
	assert_int_equal(furnished(L, at, furn, 4, &first), 1);
	assert_int_equal(first, 25);
	assert_true(L[25].flags & TIES__L_DROP);
	assert_true(L[26].flags & TIES__L_DROP);
}

/* A running footer that ends the text marks the break after it; alone
 * in its box, it must come back at each of three pages. */
static void artifacts_footer_pages(void **st)
{
	(void)st;
	ties__line L[FURN_LINES];
	const size_t at[] = {22, 45, 69};
	const char *const furn[] = {"Institute for Border Studies", "Institute for Border Studies",
	                            "Institute for Border Studies"};
	size_t first = 0;
	assert_int_equal(furnished(L, at, furn, 3, &first), 2);
	assert_int_equal(first, 23);
	assert_true(ties__page_break(L, 46, 0));
	assert_true(L[22].flags & TIES__L_DROP);
	assert_true(L[45].flags & TIES__L_DROP);
}

/* A word that recurs among the scraps of cut lines, lines that recur too
 * close together, or a section heading that comes back once mark no
 * page. */
static void artifacts_no_false_pages(void **st)
{
	(void)st;
	ties__line L[FURN_LINES];
	const size_t at[] = {9, 10, 11, 39, 40, 41, 20, 30, 15, 50};
	const char *const furn[] = {"the",  "Council", "met",     "the",        "Council",
	                            "said", "Summary", "Summary", "Leadership", "Leadership"};
	size_t first = 0;
	assert_int_equal(furnished(L, at, furn, 10, &first), 0);
	/* two words left alone twice each, which meet once: no header box */
	const size_t at2[] = {10, 45, 20, 47};
	const char *const furn2[] = {"Government", "Government", "Expenditures", "Expenditures"};
	assert_int_equal(furnished(L, at2, furn2, 4, &first), 0);
	assert_false(L[45].flags & TIES__L_DROP);
}

/* Without page marks, a guessed page height must beat the reading without
 * one by a margin that falls with the pages it makes: the reading without
 * a height places each break where it reads best, so over many pages even
 * the true height reads below it. */
static void height_bar(void **st)
{
	(void)st;
	assert_false(ties__height_wins(100.0, 2, 100.0));
	assert_true(ties__height_wins(102.0, 2, 100.0));
	assert_false(ties__height_wins(99.0, 4, 100.0));
	assert_true(ties__height_wins(80.0, 70, 100.0));
	assert_false(ties__height_wins(78.0, 9, 100.0));
}

/* Numbers count seven pages; a word left on a line of its own that comes
 * back three times, pages apart, is no running furniture: the numbers'
 * breaks stand, and the word stays. */
static void artifacts_numbers_over_rare_word(void **st)
{
	(void)st;
	ties__line L[FURN_LINES];
	const size_t at[] = {8, 17, 26, 35, 44, 53, 62, 4, 31, 58};
	const char *const furn[] = {"1", "2", "3",        "4",        "5",
	                            "6", "7", "Congress", "Congress", "Congress"};
	size_t first = 0;
	assert_int_equal(furnished(L, at, furn, 10, &first), 7);
	assert_int_equal(first, 8);
	assert_false(L[31].flags & TIES__L_DROP);
	assert_false(L[58].flags & TIES__L_DROP);
}

/* Merges lines L[0..n) (n <= 16), one unit each, as one page (or, with
 * win, two) of column width w, the text's last unless full (then its
 * columns should end level, and rows, if not NULL, gets the rows of its
 * taller column); asserts that the merge succeeds. */
static void merge_page_next(ties__line *L, size_t n, size_t w, unsigned long *budget,
                            const ties__window *win, ties__merge *out, size_t *order, int full,
                            const ties__line *next, double *rows)
{
	ties__unit U[16];
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++)
		U[i] = (ties__unit){i, 1};
	ties__vocab *v = ties__vocab_new();
	ties__lm *lm = ties__lm_new(L, n, v);
	assert_non_null(lm);
	ties__layout lay = {w, 1, 0, 0, 0, 0, 0};
	double height = 0;
	assert_int_equal(ties__columns_order(L, U, n, lm, &lay, budget, NULL, next, !full, &height,
	                                     out, order, win),
	                 TIES_OK);
	if (rows)
		*rows = height;
	ties__lm_free(lm);
	ties__vocab_free(v);
}

static void merge_page(ties__line *L, size_t n, size_t w, unsigned long *budget,
                       const ties__window *win, ties__merge *out, size_t *order, int full)
{
	merge_page_next(L, n, w, budget, win, out, order, full, NULL, NULL);
}

static void merge_lines(ties__line *L, size_t n, size_t w, unsigned long *budget, ties__window *win,
                        size_t *order)
{
	merge_page(L, n, w, budget, win, NULL, order, 0);
}

/* Two columns whose lines alternate, each held together by its hyphens. */
static const char *const alternating[6] = {"Alpha beta gamma met in the inter-",
                                           "Omega theta saw the recon-",
                                           "national delta epsilon under-",
                                           "struction lambda and the trans-",
                                           "standing zeta ended.",
                                           "portation nu ended."};

/* The hyphens only close within a column, and the second column must come
 * after the first. */
static void columns_alternating(void **st)
{
	(void)st;
	ties__line L[6];
	for (size_t i = 0; i < 6; i++)
		L[i] = mk(alternating[i], 0);
	unsigned long budget = 1000000;
	size_t order[6];
	merge_lines(L, 6, 34, &budget, NULL, order);
	size_t want[6] = {0, 2, 4, 1, 3, 5};
	assert_memory_equal(order, want, sizeof want);
	assert_true(budget < 1000000);
	/* with no budget left the search is greedy but still a permutation */
	budget = 0;
	merge_lines(L, 6, 34, &budget, NULL, order);
	int seen[6] = {0};
	for (size_t i = 0; i < 6; i++)
		seen[order[i]]++;
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(seen[i], 1);
}

/* A full page of two alternating columns, each held together by its
 * hyphens: the chain of the page's first line reads first, unless only
 * the other one's last line leads into the next page (which goes on in
 * lowercase, where that chain stops mid-sentence and this one ends a
 * sentence): that one then ends the page.  Where both lead into it, the
 * first chain stays first. */
static void columns_next_page(void **st)
{
	(void)st;
	ties__line L[7];
	for (size_t i = 0; i < 6; i++)
		L[i] = mk(alternating[i], 0);
	L[4] = mk("standing zeta met the", 0);
	L[6] = mk("sigma of the tau ended.", 0);
	unsigned long budget = 1000000;
	size_t order[6];
	merge_page_next(L, 6, 34, &budget, NULL, NULL, order, 1, NULL, NULL);
	const size_t first[6] = {0, 2, 4, 1, 3, 5};
	assert_memory_equal(order, first, sizeof first);
	merge_page_next(L, 6, 34, &budget, NULL, NULL, order, 1, &L[6], NULL);
	const size_t turned[6] = {1, 3, 5, 0, 2, 4};
	assert_memory_equal(order, turned, sizeof turned);
	/* where both ends go on, that one of them does so more surely (its
	 * broken word, "over-" + "seer", stands whole on the page) is no
	 * reason to turn the page: such evidence is too sparse to rank them */
	L[2] = mk("national overseer of epsilon under-", 0);
	L[4] = mk("standing zeta met the over-", 0);
	L[5] = mk("portation nu met the", 0);
	L[6] = mk("seer of the tau ended.", 0);
	merge_page_next(L, 6, 34, &budget, NULL, NULL, order, 1, &L[6], NULL);
	assert_memory_equal(order, first, sizeof first);
}

/* A row cut at its wide gaps after a colon ("Second:" and a piece whose
 * gaps stay stretched) is one row: a colon, unlike a sentence's end, opens
 * no paragraph there (the column would stand a row and a paragraph's space
 * taller).  The page's height tells. */
static void columns_colon_row(void **st)
{
	(void)st;
	ties__line L[] = {mk("Alpha beta gamma met in the inter-", 0),
	                  mk("Omega theta saw the recon-", 0),
	                  mk("national delta epsilon. They said:", 0),
	                  mk("struction lambda and the trans-", 0),
	                  mk("Second:", 0),
	                  mk("Doing   whatever   the   kap-", 0),
	                  mk("portation of the nu and the over-", 0),
	                  mk("pa council of the north decided.", 0),
	                  mk("seer of the tau ended.", 0)};
	unsigned long budget = 1000000;
	size_t order[9];
	double rows = 0;
	merge_page_next(L, 9, 34, &budget, NULL, NULL, order, 1, NULL, &rows);
	const size_t want[9] = {0, 2, 4, 5, 7, 1, 3, 6, 8};
	assert_memory_equal(order, want, sizeof want);
	assert_true(rows < 3.5);
}

/* Two pages of two alternating columns; the break between them is known
 * only to lie in a window: the merge puts it where the hyphens close, from a
 * mark two units late or two early. */
static void columns_break_window(void **st)
{
	(void)st;
	ties__line L[] = {mk("Kappa iota mu went into the inter-", 0),
	                  mk("Xi omicron met the recon-", 0),
	                  mk("val of eta and pi the under-", 0),
	                  mk("naissance of the sigma trans-", 0),
	                  mk("writer rho left.", 0),
	                  mk("portation nu went to the over-", 0),
	                  mk("whelming rho met the dis-", 0),
	                  mk("Upsilon phi saw the con-", 0),
	                  mk("covery of sigma and the mis-", 0),
	                  mk("struct chi and the re-", 0),
	                  mk("sion tau ended.", 0),
	                  mk("port psi ended.", 0)};
	const size_t want[12] = {0, 2, 4, 1, 3, 5, 6, 8, 10, 7, 9, 11};
	for (size_t mark = 4; mark <= 8; mark += 4) {
		unsigned long budget = 1000000;
		size_t order[12];
		ties__window w = {.lo = 2, .hi = 10, .mark = mark, .move = 0.1};
		ties__merge r;
		merge_page(L, 12, 34, &budget, &w, &r, order, 0);
		assert_int_equal(r.brk, 6);
		assert_memory_equal(order, want, sizeof want);
	}
}

/* A full page whose right column ends four rows short (its foot read
 * after the page's number): the merge reports the gap of the best reading
 * that lets it end short; a page whose columns end level reports none. */
static void columns_short_right(void **st)
{
	(void)st;
	ties__line L[] = {mk("Kappa iota mu went into the inter-", 0),
	                  mk("Xi omicron met the recon-", 0),
	                  mk("val of eta and pi the under-", 0),
	                  mk("naissance of the sigma trans-", 0),
	                  mk("writer rho left the over-", 0),
	                  mk("portation nu went to the dis-", 0),
	                  mk("whelming rho met the mis-", 0),
	                  mk("covery of sigma and the con-", 0),
	                  mk("take of chi and the re-", 0),
	                  mk("turn of tau and the pro-", 0),
	                  mk("gress of psi and the sub-", 0),
	                  mk("mission of omega ended.", 0)};
	const size_t want[12] = {0, 2, 4, 6, 8, 9, 10, 11, 1, 3, 5, 7};
	unsigned long budget = 1000000;
	size_t order[12];
	ties__merge r;
	merge_page(L, 12, 34, &budget, NULL, &r, order, 1);
	assert_memory_equal(order, want, sizeof want);
	assert_true(r.gap > 3.5 && r.gap < 4.5);
	assert_int_equal(r.brk, 12); /* no window: no break placed */
	/* the first eight lines alone: two columns of four rows */
	ties__line K[8];
	memcpy(K, L, sizeof K);
	K[7] = mk("covery of sigma ended.", 0);
	K[6] = mk("whelming rho ended.", 0);
	r.gap = -1;
	merge_page(K, 8, 34, &budget, NULL, &r, order, 1);
	assert_true(r.gap >= 0 && r.gap < 0.5);
}

/* Note numbers count up in reading order: where the words leave the
 * chains open, the notes decide which lines read on in which column. */
static size_t notes_order(const char *const *text, size_t n, size_t *order)
{
	ties__line L[8];
	for (size_t i = 0; i < n; i++)
		L[i] = mk(text[i], 0);
	unsigned long budget = 1000000;
	merge_lines(L, n, 44, &budget, NULL, order);
	return n;
}

/* Numbered headings count up in reading order, as notes do: the same
 * lines read by columns or in turn as their numbers say. */
static void columns_numbered_headings(void **st)
{
	(void)st;
	const char *const a[] = {"1. Origins",
	                         "3. Finances",
	                         "The group was formed in the valley in 2015.",
	                         "The group taxes the trucks on the main road.",
	                         "2. Leaders",
	                         "4. Outlook",
	                         "The founder still leads the group from exile.",
	                         "The tolls will grow as the road is rebuilt."};
	const char *const b[] = {"1. Origins",
	                         "2. Finances",
	                         "The group was formed in the valley in 2015.",
	                         "The group taxes the trucks on the main road.",
	                         "3. Leaders",
	                         "4. Outlook",
	                         "The founder still leads the group from exile.",
	                         "The tolls will grow as the road is rebuilt."};
	size_t order[8], at[8];
	notes_order(a, 8, order);
	for (size_t k = 0; k < 8; k++)
		at[order[k]] = k;
	/* by columns: heading 2 (unit 4) before heading 3 (unit 1) */
	assert_true(at[0] < at[4] && at[4] < at[1] && at[1] < at[5]);
	notes_order(b, 8, order);
	for (size_t k = 0; k < 8; k++)
		at[order[k]] = k;
	assert_true(at[0] < at[1] && at[1] < at[4] && at[4] < at[5]);
}

static void columns_notes(void **st)
{
	(void)st;
	/* the same lines, the notes numbered for either reading */
	const char *const a[] = {
	    "The council met in the northern town.1 The", "The envoy left the southern city.3 The",
	    "members agreed to share the tolls.2", "deputies agreed to share the tolls.4"};
	const char *const b[] = {
	    "The council met in the northern town.1 The", "The envoy left the southern city.3 The",
	    "members agreed to share the tolls.4", "deputies agreed to share the tolls.2"};
	size_t order[4];
	notes_order(a, 4, order);
	size_t want_a[4] = {0, 2, 1, 3};
	assert_memory_equal(order, want_a, sizeof want_a);
	notes_order(b, 4, order);
	size_t want_b[4] = {0, 3, 1, 2};
	assert_memory_equal(order, want_b, sizeof want_b);
	/* a page, an item or a figure number after its abbreviation is no
	 * note: these read as the same lines without numbers do */
	const char *const c[] = {
	    "The council met in the northern town. The", "The envoy left the southern city. The",
	    "members agreed to share the tolls.", "deputies agreed to share the tolls."};
	const char *const d[] = {"The council met in the northern town, p.1 The",
	                         "The envoy left the southern city, Fig.3 The",
	                         "members agreed to share the tolls, No.4",
	                         "deputies agreed to share the tolls, No.2"};
	size_t plain[4];
	notes_order(c, 4, plain);
	notes_order(d, 4, order);
	assert_memory_equal(order, plain, sizeof plain);
}

/* Units: runs of scraps (short lines, blank before each) join as the
 * pieces of one cut line, unless they cannot be: a sentence end followed by
 * lowercase, or a paragraph's plain last line where gaps are stretched. */
static size_t units_of(ties__line *L, size_t n, ties__unit *U)
{
	ties__layout lay = {50, 1, 0, 0, 0, 0, 0};
	size_t end;
	size_t m = ties__page_units(L, n, 0, &lay, ties__stretched(L, n), U, &end);
	assert_int_equal(end, n);
	return m;
}

static void units_scraps(void **st)
{
	(void)st;
	const unsigned F = TIES__L_FRAG | TIES__L_BLANK_BEFORE, B = TIES__L_BLANK_BEFORE;
	ties__unit U[8];
	/* pieces of one line join; two paragraph tails do not */
	ties__line a[] = {mk("the members met on", B), mk("in the", F), mk("northern town", F),
	                  mk("of the council.", F), mk("tive district.", F)};
	assert_int_equal(units_of(a, 5, U), 3);
	assert_int_equal(U[1].first, 1);
	assert_int_equal(U[1].n, 3);
	assert_int_equal(U[2].first, 4);
	/* a dotted abbreviation ends no sentence: "U.S." and "troops" join */
	ties__line b[] = {mk("the withdrawal of", B), mk("U.S.", F), mk("troops from", F)};
	assert_int_equal(units_of(b, 3, U), 2);
	assert_int_equal(U[1].n, 2);
	/* stretched gaps kept: a plain last line joins no scrap after it,
	 * while the stretched pieces of one line still join */
	ties__line c[] = {mk("The  council  met  in  the  northern  town  in", B),
	                  mk("and will persist.", F),
	                  mk("Yet, ", F),
	                  mk("in  holding  the", F),
	                  mk("spring  and  agreed  to  share  the  tolls  of", B),
	                  mk("the  valley  road  among  the  members  of  the", B)};
	assert_int_equal(units_of(c, 6, U), 5);
	assert_int_equal(U[1].first, 1);
	assert_int_equal(U[1].n, 1);
	assert_int_equal(U[2].first, 2);
	assert_int_equal(U[2].n, 2);
}

/* Where the extractor keeps the blank at each cut (pdfminer does), a row's
 * pieces are the lines up to the first one without it: they join, and
 * nothing after that line does, whatever the widths say. */
static void units_cut_marks(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, F = TIES__L_FRAG | B, C = TIES__L_CUT;
	ties__unit U[8];
	ties__line L[] = {mk("the council agreed that the tolls of", B),
	                  mk("that", F | C),
	                  mk("jealousies", F | C),
	                  mk("and rivalries may", F),
	                  mk("extend", F | C),
	                  mk("the benefit of", F | C),
	                  mk("its protection to", F)};
	ties__layout lay = {40, 1, 0, 1, 0, 0, 0};
	size_t end;
	size_t m = ties__page_units(L, 7, 0, &lay, ties__stretched(L, 7), U, &end);
	assert_int_equal(m, 3);
	assert_int_equal(U[1].first, 1);
	assert_int_equal(U[1].n, 3);
	assert_int_equal(U[2].first, 4);
	assert_int_equal(U[2].n, 3);
	/* without the marks, widths group them: "extend" fits the first row */
	lay.cuts = 0;
	m = ties__page_units(L, 7, 0, &lay, ties__stretched(L, 7), U, &end);
	assert_int_equal(U[1].n, 4);
	/* the marks count where at least 10 lines, and one in 20, carry one */
	ties__line M[40];
	for (size_t k = 0; k < 40; k++)
		M[k] = mk("word", k % 4 == 0 ? C : 0);
	assert_true(ties__cut_marks(M, 40));
	assert_false(ties__cut_marks(M, 36)); /* nine */
	for (size_t k = 0; k < 40; k++)
		M[k].flags = k < 10 ? C : 0;
	assert_true(ties__cut_marks(M, 40));
	ties__line many[300];
	for (size_t k = 0; k < 300; k++)
		many[k] = mk("word", k < 10 ? C : 0);
	assert_false(ties__cut_marks(many, 300)); /* a blank now and then */
}

/* A box's last line that is short, open and followed by scraps is the
 * first piece of a cut row: it stands apart from the box above it. */
static void units_row_piece(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, F = TIES__L_FRAG | B;
	ties__unit U[8];
	ties__line L[] = {mk("the ministers met again in the capital to sign", B),
	                  mk("an agreement on the border posts and the", 0),
	                  mk("the regional police command", 0),
	                  mk("12", F),
	                  mk("says the report", F),
	                  mk("The next meeting was held in May after a delay.", B)};
	ties__layout lay = {48, 0, 0, 0, 0, 0, 0};
	size_t end;
	size_t m = ties__page_units(L, 6, 0, &lay, 0, U, &end);
	assert_int_equal(U[0].n, 2);
	assert_int_equal(U[1].first, 2);
	assert_int_equal(U[1].n, 1);
	assert_int_equal(U[2].first, 3);
	assert_int_equal(m, 4);
	/* a full line after it: the box's own last line */
	L[3] = mk("will stand at the crossing from the first of May", B);
	m = ties__page_units(L, 6, 0, &lay, 0, U, &end);
	assert_int_equal(U[0].n, 3);
	/* a line that ends a sentence ends its paragraph there */
	L[3] = mk("12", F);
	L[2] = mk("the regional police command.", 0);
	m = ties__page_units(L, 6, 0, &lay, 0, U, &end);
	assert_int_equal(U[0].n, 3);
}

/* A notes heading heads the notes under it: one unit with them, and no
 * scrap of a row with the short last line of the paragraph above it. */
static void units_notes_heading(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, F = TIES__L_FRAG | B;
	ties__unit U[8];
	ties__line L[] = {mk("the council will have to settle the dispute and", B),
	                  mk("the trade made possible.", TIES__L_FRAG),
	                  mk("Notes", F),
	                  mk("1 Port authority, annual report, 2020. 2 Inter-", B),
	                  mk("view with a former officer, 2021.", 0),
	                  mk("For more than a decade the towns of the coast", B)};
	ties__layout lay = {48, 0, 0, 0, 0, 0, 0};
	size_t end;
	size_t m = ties__page_units(L, 6, 0, &lay, 0, U, &end);
	assert_int_equal(m, 4);
	assert_int_equal(U[1].first, 1);
	assert_int_equal(U[1].n, 1);
	assert_int_equal(U[2].first, 2);
	assert_int_equal(U[2].n, 3);
	/* any other word there may be a scrap of that row, and the notes
	 * stand apart */
	L[2] = mk("Outlook", F);
	m = ties__page_units(L, 6, 0, &lay, 0, U, &end);
	assert_int_equal(m, 4);
	assert_int_equal(U[1].n, 2);
	assert_int_equal(U[2].first, 3);
	assert_int_equal(U[2].n, 2);
}

/* Rows of a box: two pieces of one row, each short of a line, that make a
 * row together share it; a paragraph's short last line and a full line do
 * not. */
static void units_box_rows(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("The eastern wing, led by a former commander", B),
	                  mk("of the old bloc (alias \"El Profe\"),", 0),
	                  mk("is based in the", 0),
	                  mk("river towns across the border, and its position", 0),
	                  mk("and the coast of the gulf.", 0),
	                  mk("Its position is pre-", 0),
	                  mk("carious: in 2021 it fought a bloody war with", 0),
	                  mk("the rival army near the town.", 0),
	                  mk("The next meeting was held in May after a delay.", 0)};
	ties__unit u = {0, 9};
	size_t w = 0;
	/* without a line width every line is a row */
	assert_int_equal(ties__unit_rows(L, &u, 0, &w), 9);
	assert_int_equal(ties__unit_rows(L, &u, 48, &w), 7);
	assert_int_equal(w, strlen(L[8].text));
	/* a row's last piece, the box's end: the row's width */
	u.n = 3;
	assert_int_equal(ties__unit_rows(L, &u, 48, &w), 2);
	assert_int_equal(w, strlen(L[1].text) + 1 + strlen(L[2].text));
}

/* Stacks of scraps: whole boxes of single words, one over the other. */
static void scraps_stacks(void **st)
{
	(void)st;
	const unsigned F = TIES__L_FRAG | TIES__L_BLANK_BEFORE, S = TIES__L_FRAG,
	               B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("the council met in the", B),
	                  mk("withdrawal", F),
	                  mk("advocated", S),
	                  mk("of", F),
	                  mk("that", S),
	                  mk("troops", F),
	                  mk("The next meeting was held in May.", B),
	                  mk("in the", F),
	                  mk("town hall", F),
	                  mk("Juba. He", F),
	                  mk("to", S),
	                  mk("Warsame and his deputy.", 0)};
	ties__unit stack = {1, 5}, row = {7, 2}, tail = {9, 2}, cut = {1, 3};
	assert_true(ties__scraps_stacked(L, 12, &stack));
	assert_true(ties__scraps_row(L, &stack));
	/* a row of scraps side by side is no stack */
	assert_false(ties__scraps_stacked(L, 12, &row));
	assert_true(ties__scraps_row(L, &row));
	/* nor is the end of a box of longer lines */
	assert_false(ties__scraps_stacked(L, 12, &tail));
	/* nor a run that ends inside a box */
	assert_false(ties__scraps_stacked(L, 12, &cut));
	ties__line two[] = {mk("text", B), mk("in the town", F), mk("of the", S), mk("next", B)};
	ties__unit u = {1, 2};
	/* the lines of a stack are single words, or two */
	assert_false(ties__scraps_stacked(two, 4, &u));
}

/* The words of a run read out of place go into the gap of the row of
 * scraps they came from. */
static void scraps_placed(void **st)
{
	(void)st;
	const unsigned F = TIES__L_FRAG | TIES__L_BLANK_BEFORE, B = TIES__L_BLANK_BEFORE;
	ties__line L[] = {mk("the council has agreed to a plan for the", B),
	                  mk("gradual", F),
	                  mk("from", F),
	                  mk("the city before the end of the year.", B),
	                  mk("withdrawal", F),
	                  mk("of", F),
	                  mk("troops", F),
	                  mk("The talks went on for another week.", B)};
	ties__vocab *v = ties__vocab_new();
	assert_non_null(v);
	ties__lm *lm = ties__lm_new(L, 8, v);
	assert_non_null(lm);
	ties__layout lay = {40, 0, 0, 0, 0, 0, 0};
	ties__unit rows[] = {{0, 1}, {1, 2}, {3, 1}, {7, 1}}, O[] = {{4, 3}};
	const ties__line *P[8] = {&L[0], &L[1], &L[2], &L[3], &L[7]};
	size_t np = 5;
	unsigned long budget = 100000;
	assert_int_equal(ties__scraps_place(lm, &lay, L, rows, 4, O, 1, P, 0, &np, &budget),
	                 TIES_OK);
	assert_int_equal(np, 8);
	const char *want[] = {"the council has agreed to a plan for the",
	                      "gradual",
	                      "withdrawal",
	                      "of",
	                      "troops",
	                      "from",
	                      "the city before the end of the year.",
	                      "The talks went on for another week."};
	for (size_t k = 0; k < 8; k++)
		assert_string_equal(P[k]->text, want[k]);
	/* no row of scraps before them: they stay where they were read */
	ties__unit none[] = {{0, 1}, {3, 1}, {7, 1}};
	const ties__line *Q[8] = {&L[0], &L[3], &L[7]};
	np = 3;
	assert_int_equal(ties__scraps_place(lm, &lay, L, none, 3, O, 1, Q, 0, &np, &budget),
	                 TIES_OK);
	assert_int_equal(np, 6);
	assert_ptr_equal(Q[2], &L[4]);
	assert_ptr_equal(Q[5], &L[7]);
	ties__lm_free(lm);
	ties__vocab_free(v);
}

static void paras_notes_one_per_line(void **st)
{
	(void)st;
	ties__line L[] = {mk("The text of the report ends here.", 0),
	                  mk("Notes", 0),
	                  mk("1 First source, 2020.", 0),
	                  mk("2 Second source, 2021, with", 0),
	                  mk("a long title.", 0),
	                  mk("3 Third source.", 0)};
	const ties__line *P[6];
	for (size_t i = 0; i < 6; i++)
		P[i] = &L[i];
	ties__vocab *v = ties__vocab_new();
	ties__blocks bl;
	ties__blocks_init(&bl);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	assert_int_equal(ties__build_paras(P, 6, &lay, v, &bl), TIES_OK);
	assert_int_equal(bl.blocks.len, 5);
	ties__block *b = bl.blocks.data;
	assert_string_equal(b[1].text, "Notes");
	assert_string_equal(b[3].text, "2 Second source, 2021, with a long title.");
	assert_string_equal(b[4].text, "3 Third source.");
	ties__blocks_release(&bl);
	ties__vocab_free(v);
}

/* Lines a and b joined (with the vocabulary v, or none) read want. */
static void assert_joins(const char *a, const char *b, const ties__vocab *v, const char *want)
{
	ties__line L[] = {mk(a, 0), mk(b, 0)};
	ties_buf out;
	ties_buf_init(&out, 0);
	assert_int_equal(ties__join_lines(&out, L, 2, v), TIES_OK);
	assert_int_equal(ties_buf_addc(&out, 0), TIES_OK);
	assert_string_equal(out.data, want);
	ties_buf_release(&out);
}

/* A line-end hyphen between capitals: a word the dictionary or the
 * document knows joins ("ENLARGE-" "MENT"), anything else keeps its hyphen
 * ("IRGC-" "QF"); before a capital in mixed case it always stays. */
static void join_caps_hyphen(void **st)
{
	(void)st;
	const char *text = "the ENLARGEMENT of the ORBIT; the IRGC-QF; the Al-Noor group";
	ties__vocab *v = ties__vocab_new();
	assert_int_equal(ties__vocab_add_text(v, text, strlen(text)), TIES_OK);
	struct {
		const char *a, *b, *want;
	} c[] = {{"the ENLARGE-", "MENT of the ORBIT", "the ENLARGEMENT of the ORBIT"},
	         {"the CONFEDER-", "ATE REPUBLIC", "the CONFEDERATE REPUBLIC"},
	         {"the (IRGC-", "QF) unit", "the (IRGC-QF) unit"},
	         {"the RANSOMWARE-", "AS-A-SERVICE model", "the RANSOMWARE-AS-A-SERVICE model"},
	         {"the Al-", "Noor group", "the Al-Noor group"}};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		assert_joins(c[i].a, c[i].b, v, c[i].want);
	ties__vocab_free(v);
}

/* A name before a participle keeps its line-end hyphen ("Misrata-" "based"),
 * a name broken before a noun tail joins ("Naga-" "land"), as does a word
 * the dictionary knows ("ex-" "tended"). */
static void join_name_compound(void **st)
{
	(void)st;
	const char *text = "a firm based in the port; the Salafi group";
	ties__vocab *v = ties__vocab_new();
	assert_int_equal(ties__vocab_add_text(v, text, strlen(text)), TIES_OK);
	assert_joins("a Misrata-", "based firm", v, "a Misrata-based firm");
	assert_joins("a Salafi-", "leaning group", v, "a Salafi-leaning group");
	assert_joins("in Naga-", "land and", v, "in Nagaland and");
	assert_joins("it was ex-", "tended", v, "it was extended");
	ties__vocab_free(v);
}

/* A tail of one or two letters that is a word, where the joined word is
 * none, keeps the hyphen, a dash written as one ("now-" "as well"); a
 * syllable joins where the joined word is one ("fin-" "al"), and so does a
 * short head, more often a prefix ("un-" "governed"). */
static void join_short_tail(void **st)
{
	(void)st;
	const char *text = "the report of the council";
	ties__vocab *v = ties__vocab_new();
	assert_int_equal(ties__vocab_add_text(v, text, strlen(text)), TIES_OK);
	assert_joins("convinced that now-", "as well as later", v,
	             "convinced that now-as well as later");
	assert_joins("the fin-", "al report", v, "the final report");
	assert_joins("the un-", "governed valleys", v, "the ungoverned valleys");
	ties__vocab_free(v);
}

/* A dash set close to its word on one side of a line break is set close
 * on the other too; one with a blank beside it keeps the blank. */
static void join_dashes(void **st)
{
	(void)st;
	assert_joins("a celebration of freedom", "\u2014symbolizing an end", NULL,
	             "a celebration of freedom\u2014symbolizing an end");
	assert_joins("there is little we can do\u2014", "for we dare not", NULL,
	             "there is little we can do\u2014for we dare not");
	assert_joins("the years 1990\u2013", "2000 saw", NULL, "the years 1990\u20132000 saw");
	/* a blank beside the dash in its line: spaced dashes */
	assert_joins("the war \u2014", "and the peace", NULL, "the war \u2014 and the peace");
	assert_joins("the war", "\u2014 and the peace", NULL, "the war \u2014 and the peace");
	assert_joins("a clause ends -", "and goes on", NULL, "a clause ends - and goes on");
}

/* A line-end hyphen before a short infix of a compound stays: no syllable
 * break leaves a tail of one or two letters that a hyphen goes on from. */
static void join_compound_infix(void **st)
{
	(void)st;
	const char *text = "the council of elders met in the town; a service for hire";
	ties__vocab *v = ties__vocab_new();
	assert_int_equal(ties__vocab_add_text(v, text, strlen(text)), TIES_OK);
	/* the last two: a longer tail is a broken word's end, and so are two
	 * letters with no hyphen after them: the hyphen goes */
	static const char *const c[][3] = {
	    {"joined the Tehrik-", "i-Taliban Pakistan", "joined the Tehrik-i-Taliban Pakistan"},
	    {"a ransomware-", "as-a-service model", "a ransomware-as-a-service model"},
	    {"his mother-", "in-law came", "his mother-in-law came"},
	    {"the ser-", "vice-level", "the service-level"},
	    {"the coun-", "cil met", "the council met"}};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		assert_joins(c[i][0], c[i][1], v, c[i][2]);
	ties__vocab_free(v);
}

static void paras_lost_hyphen(void **st)
{
	(void)st;
	const char *text =
	    "Members of Al-Noor met Al-Noor. The AlNoor leaders left. It was MacArthur.";
	ties__line L[] = {mk("Members of Al-Noor met Al-Noor.", 0),
	                  mk("The AlNoor leaders left.", 0), mk("It was MacArthur.", 0)};
	const ties__line *P[3] = {&L[0], &L[1], &L[2]};
	ties__vocab *v = ties__vocab_new();
	assert_int_equal(ties__vocab_add_text(v, text, strlen(text)), TIES_OK);
	ties__blocks bl;
	ties__blocks_init(&bl);
	ties__layout lay = {20, 1, 0, 0, 0, 0, 0}; /* full lines: one paragraph */
	assert_int_equal(ties__build_paras(P, 3, &lay, v, &bl), TIES_OK);
	assert_int_equal(bl.blocks.len, 1);
	/* the document writes "Al-Noor" more often than "AlNoor"; it never
	 * writes "Mac-Arthur" */
	assert_string_equal(((ties__block *)bl.blocks.data)[0].text,
	                    "Members of Al-Noor met Al-Noor. The Al-Noor leaders left. It was "
	                    "MacArthur.");
	ties__blocks_release(&bl);
	ties__vocab_free(v);
}

/* A short box of its own between a line that ends a sentence and one that
 * opens a section is a heading, no scrap, whether the boxes hold whole
 * paragraphs or not; before a number it is a row's first piece ("In
 * February" + "2023 the drivers"). */
/* Rows of both columns at gutter position at (from the line's start), with
 * no form feed after them. */
static void rows_at(ties_buf *b, const char *const *left, const char *const *right, size_t rows,
                    size_t at)
{
	for (size_t k = 0; k < rows; k++) {
		size_t n = strlen(left[k]);
		assert_int_equal(ties_buf_adds(b, left[k]), TIES_OK);
		if (*right[k])
			for (; n < at; n++)
				assert_int_equal(ties_buf_addc(b, ' '), TIES_OK);
		assert_int_equal(ties_buf_adds(b, right[k]), TIES_OK);
		assert_int_equal(ties_buf_addc(b, '\n'), TIES_OK);
	}
}

/* Text laid out as on the page (both columns side by side on each line):
 * the page of rows rows, left[k] padded to 50 positions, then right[k]. */
static void side_by_side(ties_buf *b, const char *const *left, const char *const *right,
                         size_t rows)
{
	rows_at(b, left, right, rows, 50);
	assert_int_equal(ties_buf_addc(b, '\f'), TIES_OK);
}

/* Two columns of the same few sentences, each with a paragraph break. */
static const char *const gut_left[] = {"The council was formed in 2015 by a group of",
                                       "former commanders who had fought in the war",
                                       "and who wanted a share of the road tolls that",
                                       "the traders paid at the checkpoints.",
                                       "",
                                       "Its leaders claim to protect the farmers and",
                                       "the traders from bandits, yet many residents",
                                       "describe the council as the main source of",
                                       "the insecurity it promises to end in the hills",
                                       "and along the valley road to the market town."};
static const char *const gut_right[] = {"The tolls are the backbone of its power, and",
                                        "every truck that carries timber or fuel must",
                                        "stop at one of the six checkpoints on the way",
                                        "to the coast, where the drivers say the fees",
                                        "have doubled since the agreement was signed.",
                                        "",
                                        "Part of the money is paid to the fighters and",
                                        "part of it is passed to officials in the town",
                                        "government, who have never tried to remove",
                                        "the checkpoints that the council set up there."};

/* One column, and a table's short cells on both sides of a blank column,
 * are no side-by-side text: split leaves out and map empty (feed: a form
 * feed after each). */
/* A side-by-side test's text in, text out and line map. */
typedef struct split_io {
	ties_buf in, out;
	ties_vec map;
} split_io;

static void split_io_init(split_io *io)
{
	ties_buf_init(&io->in, 0);
	ties_buf_init(&io->out, 0);
	ties__vec_init(&io->map, sizeof(unsigned));
}

static void split_io_release(split_io *io)
{
	ties_buf_release(&io->in);
	ties_buf_release(&io->out);
	ties__vec_release(&io->map);
}

static void no_columns(ties_code (*split)(const char *, size_t, ties_buf *, ties_vec *), int feed)
{
	static const char *const cells[] = {"Name",  "Role",  "Base", "Since", "Arrested",
	                                    "Alias", "Group", "Town", "Age",   "Status"};
	for (int table = 0; table < 2; table++) {
		split_io io;
		split_io_init(&io);
		if (table) {
			rows_at(&io.in, cells, cells, 10, 50);
		} else {
			for (size_t k = 0; k < 10; k++) {
				assert_int_equal(ties_buf_adds(&io.in, gut_left[k]), TIES_OK);
				assert_int_equal(ties_buf_addc(&io.in, '\n'), TIES_OK);
			}
		}
		if (feed)
			assert_int_equal(ties_buf_addc(&io.in, '\f'), TIES_OK);
		assert_int_equal(split(io.in.data, io.in.len, &io.out, &io.map), TIES_OK);
		assert_int_equal(io.out.len, 0);
		assert_int_equal(io.map.len, 0);
		split_io_release(&io);
	}
}

/* Pages that set both columns side by side are read column by column; the
 * rows one column leaves empty keep its paragraph breaks, and each line
 * written keeps its input line.  A page of one column and a page of a
 * table's short cells are no such pages. */
static void gutter_columns(void **st)
{
	(void)st;
	split_io io;
	split_io_init(&io);
	side_by_side(&io.in, gut_left, gut_right, 10);
	assert_int_equal(ties__split_gutter(io.in.data, io.in.len, &io.out, &io.map), TIES_OK);
	assert_non_null(io.out.data);
	const char *a = strstr(io.out.data, "road to the market town.\n");
	const char *b = strstr(io.out.data, "The tolls are the backbone");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b); /* the whole left column first */
	assert_non_null(strstr(io.out.data, "checkpoints.\n\nIts leaders")); /* its break kept */
	/* the first right line is input line 1 */
	size_t line = 1;
	for (const char *p = io.out.data; p < b; p++)
		line += *p == '\n';
	assert_true(line <= io.map.len);
	assert_int_equal(((const unsigned *)io.map.data)[line - 1], 1);
	no_columns(ties__split_gutter, 1);
	split_io_release(&io);
}

/* Side-by-side rows without form feeds: each row is cut at its own page's
 * gutter (two pages set theirs 6 positions apart) into its left and its
 * right part, each between blank lines, and each part keeps its input
 * line; a row across the gutter stays whole.  One column, and a table's
 * short cells, are no such text. */
static void gutter_rows(void **st)
{
	(void)st;
	split_io io;
	split_io_init(&io);
	rows_at(&io.in, gut_left, gut_right, 10, 50);
	assert_int_equal(ties_buf_adds(&io.in, "A LINE THAT RUNS ACROSS BOTH OF THE COLUMNS OF THE "
	                                       "PAGE, A RUNNING HEADER\n"),
	                 TIES_OK);
	rows_at(&io.in, gut_left, gut_right, 10, 56);
	assert_int_equal(ties__split_rows(io.in.data, io.in.len, &io.out, &io.map), TIES_OK);
	assert_non_null(io.out.data);
	/* the first row of each page, cut at its own gutter */
	const char *first = "The council was formed in 2015 by a group of\n\n"
	                    "The tolls are the backbone of its power, and\n\n"
	                    "former commanders";
	const char *a = strstr(io.out.data, first);
	assert_non_null(a);
	assert_non_null(strstr(a + 1, first));
	assert_non_null(strstr(io.out.data,
	                       "\nA LINE THAT RUNS ACROSS BOTH OF THE COLUMNS OF THE PAGE, "
	                       "A RUNNING HEADER\n"));
	/* the parts of the second row are input line 2 */
	assert_true(io.map.len > 6);
	assert_int_equal(((const unsigned *)io.map.data)[4], 2);
	assert_int_equal(((const unsigned *)io.map.data)[6], 2);
	/* the columns' lines on rows of their own but for three: the gut_right
	 * one's set in at the gutter */
	static const char *const none[] = {"", "", "", "", "", "", "", "", "", ""};
	ties_buf_clear(&io.in);
	ties_buf_clear(&io.out);
	io.map.len = 0;
	rows_at(&io.in, gut_left, gut_right, 3, 50);
	for (size_t k = 3; k < 10; k++) {
		rows_at(&io.in, gut_left + k, none, 1, 50);
		rows_at(&io.in, none, gut_right + k, 1, 50);
	}
	assert_int_equal(ties__split_rows(io.in.data, io.in.len, &io.out, &io.map), TIES_OK);
	assert_non_null(io.out.data);
	assert_non_null(strstr(io.out.data, "\n\nevery truck that carries timber or fuel must\n"));
	assert_non_null(strstr(io.out.data, "\n\nPart of the money is paid to the fighters and\n"));
	no_columns(ties__split_rows, 0);
	split_io_release(&io);
}

static void paras_boxed(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, E = TIES__L_BOXEND;
	ties__line L[] = {mk("The convoy left the port at dawn and reached", B),
	                  mk("the border crossing before the guards came.", E),
	                  mk("Supply routes", B | E | TIES__L_FRAG),
	                  mk("Drivers were paid in cash by the owners of", B),
	                  mk("the depot, who kept two ledgers for them.", E)};
	const ties__line *P[5] = {&L[0], &L[1], &L[2], &L[3], &L[4]};
	for (int boxed = 0; boxed < 2; boxed++) {
		ties__blocks bl;
		ties__blocks_init(&bl);
		ties__layout lay = {44, 1, boxed, 0, 0, 0, 0};
		assert_int_equal(ties__build_paras(P, 5, &lay, NULL, &bl), TIES_OK);
		assert_int_equal(bl.blocks.len, 3);
		assert_string_equal(((ties__block *)bl.blocks.data)[1].text, "Supply routes");
		ties__blocks_release(&bl);
	}
	ties__layout lay = {44, 1, 0, 0, 0, 0, 0};
	/* after a paragraph's last line set apart as a scrap too */
	L[1] = mk("the border crossing before the guards", 0);
	const ties__line tail = mk("came.", B | TIES__L_FRAG);
	const ties__line *Q[6] = {&L[0], &L[1], &tail, &L[2], &L[3], &L[4]};
	ties__blocks bl;
	ties__blocks_init(&bl);
	assert_int_equal(ties__build_paras(Q, 6, &lay, NULL, &bl), TIES_OK);
	assert_int_equal(bl.blocks.len, 3);
	assert_string_equal(((ties__block *)bl.blocks.data)[1].text, "Supply routes");
	ties__blocks_release(&bl);
	/* where the extractor marks its cuts, a scrap that ends its row may
	 * come before a cut row's first piece, which opens a paragraph */
	{
		const unsigned F = B | TIES__L_FRAG, C = TIES__L_CUT;
		ties__line M[] = {mk("the border crossing before the guards came.", 0),
		                  mk("Supply routes", F), mk("Drivers were ", F | C),
		                  mk("paid in cash by the owners of the", F)};
		const ties__line *R[5] = {&L[0], &M[0], &M[1], &M[2], &M[3]};
		ties__layout cut = {44, 1, 0, 1, 0, 0, 0};
		ties__blocks_init(&bl);
		assert_int_equal(ties__build_paras(R, 5, &cut, NULL, &bl), TIES_OK);
		assert_int_equal(bl.blocks.len, 3);
		assert_string_equal(((ties__block *)bl.blocks.data)[1].text, "Supply routes");
		ties__blocks_release(&bl);
	}
	/* a heading before a list item, whatever its bullet */
	const char *const item[] = {"* Drivers were paid in cash by the owners",
	                            "\xe2\x80\x93 Drivers were paid in cash by the",
	                            "\xe2\x80\xa2 Drivers were paid in cash by the"};
	for (int k = 0; k < 3; k++) {
		L[2] = mk("Supply routes", B | TIES__L_FRAG);
		L[3] = mk(item[k], B);
		ties__blocks_init(&bl);
		assert_int_equal(ties__build_paras(Q, 6, &lay, NULL, &bl), TIES_OK);
		assert_int_equal(bl.blocks.len, 3);
		assert_string_equal(((ties__block *)bl.blocks.data)[1].text, "Supply routes");
		ties__blocks_release(&bl);
	}
	/* no heading: a row's first piece before a year, a heading in capitals
	 * that goes on, a note's number */
	const char *const scrap[] = {"In February", "SUPPLY", "2"};
	const char *const next[] = {"2023 the drivers were paid in cash by the",
	                            "ROUTES The drivers were paid in cash by the",
	                            "Drivers were paid in cash by the owners of"};
	for (int k = 0; k < 3; k++) {
		L[2] = mk(scrap[k], B | TIES__L_FRAG);
		L[3] = mk(next[k], B);
		ties__blocks_init(&bl);
		assert_int_equal(ties__build_paras(Q, 6, &lay, NULL, &bl), TIES_OK);
		assert_int_equal(bl.blocks.len, 1);
		ties__blocks_release(&bl);
	}
}

/* Paragraphs of the lines L[0..n) in that order, a column's line width
 * wide, into bl (which the caller releases). */
static void paras_of(const ties__line *L, size_t n, size_t width, ties__blocks *bl)
{
	const ties__line *P[16];
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++)
		P[i] = &L[i];
	ties__blocks_init(bl);
	ties__layout lay = {width, 1, 0, 0, 0, 0, 0};
	assert_int_equal(ties__build_paras(P, n, &lay, NULL, bl), TIES_OK);
}

/* A numbered heading in capitals is a heading even where its line is as
 * short as a scrap, and a list item after it is a block of its own. */
static void paras_numbered_heading(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, F = TIES__L_FRAG | B;
	ties__line L[] = {mk("The council meets in the port town and keeps", B),
	                  mk("its accounts with a trading firm there.", B), mk("2. FINANCES", F),
	                  mk("- Levies on fishing boats bring in most of", B),
	                  mk("the money that the council spends on arms.", B)};
	ties__blocks bl;
	paras_of(L, 5, 44, &bl);
	assert_int_equal(bl.blocks.len, 3);
	const ties__block *b = bl.blocks.data;
	assert_int_equal(b[1].kind, TIES_BLOCK_HEADING);
	assert_string_equal(b[1].text, "2. FINANCES");
	assert_string_equal(b[2].text,
	                    "- Levies on fishing boats bring in most of the money that the council "
	                    "spends on arms.");
	ties__blocks_release(&bl);
}

/* A scrap after a full row opens a row of its own: a paragraph's one-word
 * last line ends the paragraph; a short open line after such a scrap is
 * the rest of its row, and the paragraph goes on. */
static void paras_one_word_last_line(void **st)
{
	(void)st;
	const unsigned B = TIES__L_BLANK_BEFORE, F = TIES__L_FRAG | B;
	ties__line L[] = {mk("and some of them will on examination be found", B),
	                  mk("to   grow   out   of   our   relative   situation   and", B),
	                  mk("circumstances.", F),
	                  mk("With France and with Britain we are rivals", B),
	                  mk("in the trade and the fisheries of a sound na-", B),
	                  mk("tional economy.", F),
	                  mk("I favor as a practical policy", B),
	                  mk("the putting of first things first.", B),
	                  mk("Then the guilds met again in the spring of the", B)};
	ties__blocks bl;
	paras_of(L, 9, 46, &bl);
	assert_int_equal(bl.blocks.len, 3);
	const ties__block *b = bl.blocks.data;
	assert_string_equal(
	    b[1].text, "With France and with Britain we are rivals in the trade and the "
	               "fisheries of a sound national economy. I favor as a practical policy the "
	               "putting of first things first.");
	ties__blocks_release(&bl);
}

static void reader_clean_unchanged(void **st)
{
	(void)st;
	const char *in = "A Title Of The Report\n\nFirst paragraph, one sentence.\n\n"
	                 "Second paragraph with two sentences. Here is the other.\n";
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(in, strlen(in), "t", NULL, &doc, &err), TIES_OK);
	assert_string_equal(doc->text, in);
	assert_int_equal(doc->repaired, 0);
	ties_doc_free(doc);
}

static void reader_repairs_columns(void **st)
{
	(void)st;
	const char *in = "Alpha beta gamma met in the inter-\n\nOmega theta saw the recon-\n\n"
	                 "national delta epsilon under-\n\nstruction lambda and the trans-\n\n"
	                 "standing zeta ended.\n\nportation nu ended.\n\n1\n\n"
	                 "The talks went on through the win-\n\nSeveral witnesses later saw the\n\n"
	                 "ter and into the early spring, when\n\nmeeting of the two men in the\n\n"
	                 "the parties signed a short text.\n\nvalley town.\n\n2\n";
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(in, strlen(in), "t", NULL, &doc, &err), TIES_OK);
	assert_int_equal(doc->repaired, 1);
	assert_non_null(strstr(doc->text, "international delta epsilon understanding zeta"));
	assert_non_null(strstr(doc->text, "reconstruction lambda and the transportation nu"));
	assert_non_null(strstr(doc->text, "through the winter and into"));
	assert_null(strstr(doc->text, "\n1\n"));
	assert_int_equal(doc->nartifacts, 2);
	ties_doc_free(doc);
}

/* Words that make every row of the synthetic pages below differ. */
static const char *const adj[] = {
    "northern", "southern", "eastern",  "western", "coastal", "upland", "river",  "border",
    "market",   "harbour",  "mountain", "desert",  "island",  "valley", "forest", "capital"};
static const char *const noun[] = {"roads", "towns",   "ports",   "farms",  "mines",   "camps",
                                   "wells", "ranches", "bridges", "courts", "schools", "depots",
                                   "mills", "clinics", "docks",   "yards"};

/* Five pages of two columns whose lines alternate, each column's lines
 * joined by broken words; page 1's number was read half way down it, so its
 * break is estimated from the typical page, 3 lines early: the merge moves
 * it to where the columns' broken words close. */
static void add_rows(ties_buf *b, size_t *k, size_t rows, int first, int close)
{
	static const char *const fmt[2][3] = {
	    {"Delegates of the %s %s began inter-\n\n", "national talks on the %s %s inter-\n\n",
	     "national talks on the %s %s ended.\n\n"},
	    {"Engineers of the %s %s began recon-\n\n", "struction of the %s %s and recon-\n\n",
	     "struction of the %s %s was done.\n\n"}};
	for (size_t r = 0; r < rows; r++) {
		int kind = r == 0 && first ? 0 : r + 1 == rows && close ? 2 : 1;
		for (int c = 0; c < 2; c++, (*k)++)
			assert_int_equal(ties_buf_printf(b, fmt[c][kind], adj[*k % 16],
			                                 noun[(*k / 16 + *k) % 16]),
			                 TIES_OK);
	}
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *q = s; (q = strstr(q, what)); q++)
		n++;
	return n;
}

static void reader_estimated_break(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 1 << 20);
	size_t k = 0;
	/* page 1: 31 rows, its number after the first 15; pages 2 to 5: 29, 30,
	 * 30 and 10 rows, each number at the page's end */
	add_rows(&b, &k, 15, 1, 0);
	assert_int_equal(ties_buf_adds(&b, "1\n\n"), TIES_OK);
	add_rows(&b, &k, 16, 0, 1);
	const size_t rows[4] = {29, 30, 30, 10};
	for (size_t p = 0; p < 4; p++) {
		add_rows(&b, &k, rows[p], 1, 1);
		assert_int_equal(ties_buf_printf(&b, "%zu\n\n", p + 2), TIES_OK);
	}
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(b.data, b.len, "t", NULL, &doc, &err), TIES_OK);
	assert_int_equal(doc->repaired, 1);
	assert_int_equal(doc->nartifacts, 5);
	/* every broken word closed, every column read whole */
	assert_int_equal(count(doc->text, "inter-"), 0);
	assert_int_equal(count(doc->text, "recon-"), 0);
	assert_int_equal(count(doc->text, " ended."), 5);
	/* 130 rows, 5 of them a page's first */
	assert_int_equal(count(doc->text, "international talks on the"), 125);
	assert_int_equal(count(doc->text, "reconstruction of the"), 125);
	ties_doc_free(doc);
	ties_buf_release(&b);
}

/* Four pages of 45 rows and no page marks: each column reads on well into
 * the same column of the next page, so only the height of a page says that
 * the columns must be read page by page. */
static void reader_unmarked_pages(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 1 << 20);
	size_t k = 0;
	for (size_t p = 0; p < 4; p++)
		add_rows(&b, &k, 45, 1, 1);
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(b.data, b.len, "t", NULL, &doc, &err), TIES_OK);
	assert_int_equal(doc->repaired, 1);
	/* the columns' paragraphs alternate: left, right, left, right, ... */
	const char *q = doc->text;
	for (size_t p = 0; p < 4; p++) {
		const char *d = strstr(q, "Delegates"), *e = strstr(q, "Engineers");
		assert_non_null(d);
		assert_non_null(e);
		assert_true(d < e);
		q = e + 1;
	}
	assert_null(strstr(q, "Delegates"));
	ties_doc_free(doc);
	ties_buf_release(&b);
}

/* Four pages of 30 rows and no page marks, the text running from each
 * left column into the right one and on into the next page's left one,
 * every line joined to the next by a broken word.  Two pages read as one
 * stay under any column's height (TALL_ROWS); only the page height guessed
 * from the text as a whole puts a break after every 30 rows. */
static void reader_guessed_height(void **st)
{
	(void)st;
	enum { PAGES = 4, ROWS = 30 };
	ties_buf in, want;
	ties_buf_init(&in, 1 << 20);
	ties_buf_init(&want, 1 << 20);
	char col[2][ROWS][96];
	size_t k = 0;
	for (size_t p = 0; p < PAGES; p++) {
		for (size_t c = 0; c < 2; c++)
			for (size_t r = 0; r < ROWS; r++, k++) {
				const char *a = adj[k % 16], *n = noun[(k / 16 + k) % 16];
				int first = p == 0 && r == 0, end = r + 1 == ROWS;
				if (c == 0)
					snprintf(col[c][r], sizeof col[c][r], "%s %s %s began %s",
					         first ? "Delegates of the"
					               : "national talks on the",
					         a, n, end ? "recon-" : "inter-");
				else
					snprintf(col[c][r], sizeof col[c][r],
					         "struction of the %s %s %s", a, n,
					         end && p + 1 == PAGES ? "ended."
					         : end                 ? "inter-"
					                               : "and recon-");
				/* the text as read: broken words joined */
				size_t len = strlen(col[c][r]);
				assert_int_equal(
				    ties_buf_add(&want, col[c][r],
				                 len - (end && c == 1 && p + 1 == PAGES ? 0 : 1)),
				    TIES_OK);
			}
		/* pdfminer's order: the rows of the two columns in turn */
		for (size_t r = 0; r < ROWS; r++)
			assert_int_equal(ties_buf_printf(&in, "%s\n\n%s\n\n", col[0][r], col[1][r]),
			                 TIES_OK);
	}
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(in.data, in.len, "t", NULL, &doc, &err), TIES_OK);
	assert_int_equal(doc->repaired, 1);
	assert_int_equal(ties_buf_add(&want, "", 1), TIES_OK);
	assert_non_null(strstr(doc->text, want.data));
	ties_doc_free(doc);
	ties_buf_release(&in);
	ties_buf_release(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(link_evidence),
	    cmocka_unit_test(link_repeated_word),
	    cmocka_unit_test(link_pair_once),
	    cmocka_unit_test(link_heading_echo),
	    cmocka_unit_test(link_hyphen_capital),
	    cmocka_unit_test(link_ranked),
	    cmocka_unit_test(line_ends),
	    cmocka_unit_test(artifacts_pages_and_headers),
	    cmocka_unit_test(artifacts_midpage_number),
	    cmocka_unit_test(artifacts_midpage_number_two_middle_pages),
	    cmocka_unit_test(artifacts_header_date_in_title_block),
	    cmocka_unit_test(artifacts_dashed_page_number),
	    cmocka_unit_test(artifacts_header_repeats_title),
	    cmocka_unit_test(artifacts_header_at_page_end),
	    cmocka_unit_test(artifacts_form_feeds),
	    cmocka_unit_test(artifacts_single_page_number),
	    cmocka_unit_test(lm_number_class),
	    cmocka_unit_test(lm_pair_case),
	    cmocka_unit_test(artifacts_header_pages),
	    cmocka_unit_test(artifacts_footer_pages),
	    cmocka_unit_test(artifacts_no_false_pages),
	    cmocka_unit_test(artifacts_numbers_over_rare_word),
	    cmocka_unit_test(height_bar),
	    cmocka_unit_test(join_short_tail),
	    cmocka_unit_test(columns_alternating),
	    cmocka_unit_test(columns_break_window),
	    cmocka_unit_test(columns_next_page),
	    cmocka_unit_test(columns_colon_row),
	    cmocka_unit_test(columns_short_right),
	    cmocka_unit_test(columns_notes),
	    cmocka_unit_test(columns_numbered_headings),
	    cmocka_unit_test(units_scraps),
	    cmocka_unit_test(units_cut_marks),
	    cmocka_unit_test(units_row_piece),
	    cmocka_unit_test(units_box_rows),
	    cmocka_unit_test(units_notes_heading),
	    cmocka_unit_test(scraps_stacks),
	    cmocka_unit_test(scraps_placed),
	    cmocka_unit_test(paras_notes_one_per_line),
	    cmocka_unit_test(paras_lost_hyphen),
	    cmocka_unit_test(paras_boxed),
	    cmocka_unit_test(gutter_columns),
	    cmocka_unit_test(gutter_rows),
	    cmocka_unit_test(paras_numbered_heading),
	    cmocka_unit_test(join_caps_hyphen),
	    cmocka_unit_test(join_name_compound),
	    cmocka_unit_test(paras_one_word_last_line),
	    cmocka_unit_test(join_dashes),
	    cmocka_unit_test(join_compound_infix),
	    cmocka_unit_test(reader_clean_unchanged),
	    cmocka_unit_test(reader_repairs_columns),
	    cmocka_unit_test(reader_estimated_break),
	    cmocka_unit_test(reader_unmarked_pages),
	    cmocka_unit_test(reader_guessed_height),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
