/* Unit tests of the vocabulary (word counts, the lazily indexed word list
 * named by TIES_DICT) and of the PDF reader's float sort and median. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after the headers it needs */

#include "read/pdf_int.h"

static int in_dict(const char *w)
{
	return ties__vocab_in_dict(NULL, w, strlen(w));
}

/* A word list with mixed case, carriage returns, blank lines, a NUL in a
 * line, words out of order, and many words per first two letters. */
static void word_list(void **st)
{
	(void)st;
	char path[] = "/tmp/ties-test-dict-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	fputs("zebra\nApple\r\nBanana\n\n\nMcDonald\rcherry\rdate\n", f);
	fwrite("kiwi\0fruit\n", 1, 11, f);
	for (int i = 0; i < 3000; i++)
		fprintf(f, "ab%05dword\n", i);
	fputs("ZULU\nabacus\nlastline", f); /* no final newline */
	fclose(f);
	setenv("TIES_DICT", path, 1);
	/* look-ups are lowercase, list words match in any ASCII case */
	assert_true(in_dict("apple"));
	assert_true(in_dict("banana"));
	assert_true(in_dict("mcdonald"));
	assert_true(in_dict("cherry"));
	assert_true(in_dict("date"));
	assert_true(in_dict("zulu"));
	assert_true(in_dict("zebra"));
	assert_true(in_dict("abacus"));
	assert_true(in_dict("lastline"));
	assert_true(in_dict("kiwi")); /* the word stops at the NUL */
	assert_false(in_dict("kiwifruit"));
	assert_false(in_dict("fruit"));
	assert_true(in_dict("ab00000word"));
	assert_true(in_dict("ab02999word"));
	assert_false(in_dict("ab03000word"));
	assert_false(in_dict("ab0000word"));
	assert_false(in_dict("appl"));
	assert_false(in_dict("apples"));
	assert_false(in_dict("a"));
	assert_false(in_dict(""));
	assert_false(in_dict("last"));
	/* the word asked is lowercased too */
	assert_true(ties__vocab_in_dict(NULL, "Apple", 5));
	assert_true(ties__vocab_in_dict(NULL, "ZEBRA", 5));
	unlink(path);
}

/* Document counts: case-insensitive, hyphenated compounds whole and in
 * parts, and a table that grows past its first size. */
static void doc_counts(void **st)
{
	(void)st;
	ties__vocab *v = ties__vocab_new();
	assert_non_null(v);
	const char *t = "The well-known Well-Known case; the CASE of the café.";
	assert_int_equal(ties__vocab_add_text(v, t, strlen(t)), TIES_OK);
	assert_int_equal(ties__vocab_doc_count(v, "the", 3), 3);
	assert_int_equal(ties__vocab_doc_count(v, "THE", 3), 3);
	assert_int_equal(ties__vocab_doc_count(v, "well-known", 10), 2);
	assert_int_equal(ties__vocab_doc_count(v, "well", 4), 2);
	assert_int_equal(ties__vocab_doc_count(v, "known", 5), 2);
	assert_int_equal(ties__vocab_doc_count(v, "case", 4), 2);
	assert_int_equal(ties__vocab_doc_count(v, "CAFÉ", strlen("CAFÉ")), 1);
	assert_int_equal(ties__vocab_doc_count(v, "cafe", 4), 0);
	char w[32];
	for (int i = 0; i < 5000; i++) {
		/* letters only: digits end a word */
		snprintf(w, sizeof w, "w%c%c%c ", 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676);
		assert_int_equal(ties__vocab_add_text(v, w, strlen(w)), TIES_OK);
	}
	assert_int_equal(ties__vocab_doc_count(v, "waaa", 4), 1);
	assert_int_equal(ties__vocab_doc_count(v, "wzzg", 4), 1);
	assert_int_equal(ties__vocab_doc_count(v, "the", 3), 3);
	ties__vocab_free(v);
}

static int sorted(const float *a, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (a[i] < a[i - 1])
			return 0;
	return 1;
}

static void float_sort(void **st)
{
	(void)st;
	float a[500];
	for (size_t n = 0; n < 500; n = n * 2 + 1) {
		for (size_t i = 0; i < n; i++)
			a[i] = (float)((i * 7919) % 101) - 50.5f;
		ties__pdf_sort_floats(a, n);
		assert_true(sorted(a, n));
	}
	/* already sorted, reversed, all equal */
	for (size_t i = 0; i < 300; i++)
		a[i] = (float)i;
	ties__pdf_sort_floats(a, 300);
	assert_true(sorted(a, 300));
	for (size_t i = 0; i < 300; i++)
		a[i] = (float)(300 - i);
	ties__pdf_sort_floats(a, 300);
	assert_true(sorted(a, 300));
	assert_true(a[0] == 1.0f && a[299] == 300.0f);
	float b[] = {3, 1, 2, 5, 4};
	assert_true(ties__pdf_median(b, 5) == 3.0f);
	float c[] = {9, 9, 9, 1};
	assert_true(ties__pdf_median(c, 4) == 9.0f);
	assert_true(ties__pdf_median(c, 0) == 0.0f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(word_list),
	    cmocka_unit_test(doc_counts),
	    cmocka_unit_test(float_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
