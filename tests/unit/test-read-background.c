/* Unit tests of the background corpus read from a dictd dictionary
 * (TIES_DICTD/gcide.dict.dz): word pairs across wrapped lines count,
 * pronunciations and bracketed etymologies do not, a new headword ends
 * the pair, a pair seen once counts for little, and a pair missing from
 * it counts against a lowercase word but not against a name.  The
 * background loads once per process, so this program gives it a
 * dictionary of its own and no WordNet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h> /* after the headers it needs */

#include "read/repair.h"

static char dir[] = "/tmp/ties-bg-XXXXXX";

static ties__line mk(const char *s)
{
	ties__line l;
	memset(&l, 0, sizeof l);
	l.text = s;
	l.len = strlen(s);
	return l;
}

/* How much better line b follows line a than line d follows line c. */
static double link_diff(const char *a, const char *b, const char *c, const char *d)
{
	ties__line L[] = {mk(a), mk(b), mk(c), mk(d)};
	ties__vocab *v = ties__vocab_new();
	ties__lm *lm = ties__lm_new(L, 4, v);
	assert_non_null(lm);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	double x = ties__lm_link(lm, &lay, &L[0], &L[1]) - ties__lm_link(lm, &lay, &L[2], &L[3]);
	ties__lm_free(lm);
	ties__vocab_free(v);
	return x;
}

/* "zorblat" ends a wrapped line, "quixander" opens the indented next one */
static void pair_across_wrapped_lines(void **st)
{
	(void)st;
	assert_true(link_diff("the envoys spoke of a zorblat", "quixander in the hills",
	                      "the envoys spoke of a zorblat", "plimbet in the hills") > 0);
}

/* the same words inside a pronunciation or an etymology count for nothing */
static void markup_left_out(void **st)
{
	(void)st;
	assert_true(link_diff("they said that the snorf", "wumpel was near",
	                      "they said that the snorf", "plimbet was near") == 0);
}

/* a line that starts a new entry does not go on from the line before */
static void headword_ends_pair(void **st)
{
	(void)st;
	assert_true(link_diff("they met the drabnik", "frobule was near", "they met the drabnik",
	                      "plimbet was near") == 0);
}

/* a pair the dictionary holds once is weak evidence, however rare its
 * words: some, not the most the background can give */
static void single_pair_weak(void **st)
{
	(void)st;
	double x = link_diff("they saw a glimmerok", "tundravet in the hills",
	                     "they saw a glimmerok", "plimbet in the hills");
	assert_true(x > 0);
	assert_true(x < 1.3);
}

/* the dictionary holds "blick" and "vorland" often but never side by
 * side: evidence against "blick" + "vorland", none against "blick" +
 * "Vorland" where the document capitalises it inside sentences (a name) */
static double link_of(const char *a, const char *b)
{
	ties__line L[] = {mk(a), mk(b)};
	ties__vocab *v = ties__vocab_new();
	ties__lm *lm = ties__lm_new(L, 2, v);
	assert_non_null(lm);
	ties__layout lay = {40, 1, 0, 0, 0, 0, 0};
	double x = ties__lm_link(lm, &lay, &L[0], &L[1]);
	ties__lm_free(lm);
	ties__vocab_free(v);
	return x;
}

static void missing_pair_not_against_name(void **st)
{
	(void)st;
	assert_true(
	    link_of("the envoys rode to the blick", "vorland hills, where the guards stood") < 0);
	assert_true(link_of("the envoys rode to the blick",
	                    "Vorland hills, where the Vorland guards stood") > 0);
}

static int write_dict(void)
{
	if (!mkdtemp(dir))
		return -1;
	char path[64];
	snprintf(path, sizeof path, "%s/gcide.dict.dz", dir);
	gzFile gz = gzopen(path, "wb");
	if (!gz)
		return -1;
	for (int i = 0; i < 20; i++) {
		gzprintf(gz, "Zorblat \\Zor\"blat\\, n. [Fake snorf wumpel.]\n");
		gzprintf(
		    gz, "   A kind of stone, the zorblat\n   quixander of old. \\snorf wumpel\\\n");
		gzprintf(gz, "   Known to the drabnik\n");
		gzprintf(
		    gz,
		    "Frobule \\Fro\"bule\\, n.\n   A word, a plimbet, a snorf or a frobule.\n\n");
	}
	for (int i = 0; i < 300; i++)
		gzprintf(gz, "   a blick is one, a vorland is two.\n");
	gzprintf(gz, "Glimmerok \\Glim\"mer*ok\\, n.\n   Once a glimmerok tundravet stood.\n");
	return gzclose(gz) == Z_OK ? 0 : -1;
}

int main(void)
{
	if (write_dict()) {
		fprintf(stderr, "test-read-background: cannot write the test dictionary\n");
		return 1;
	}
	setenv("TIES_DICTD", dir, 1);
	setenv("TIES_WORDNET", "/nonexistent", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(pair_across_wrapped_lines),
	    cmocka_unit_test(markup_left_out),
	    cmocka_unit_test(headword_ends_pair),
	    cmocka_unit_test(single_pair_weak),
	    cmocka_unit_test(missing_pair_not_against_name),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char path[64];
	snprintf(path, sizeof path, "%s/gcide.dict.dz", dir);
	unlink(path);
	rmdir(dir);
	return rc;
}
