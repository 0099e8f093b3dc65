/* Unit tests: resource limits of the read and extract stages.  Each limit is
 * configurable and, when hit, gives its own code and a one-line message
 * naming the input; below the limit the same input goes through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after the headers it needs */

#include "ties/ties.h"
#include "util/util.h"

static void one_line_error(const ties_error *err, ties_code want, const char *fragment)
{
	assert_int_equal(err->code, want);
	assert_null(strchr(err->msg, '\n'));
	assert_non_null(strstr(err->msg, "'limits'"));
	if (!strstr(err->msg, fragment))
		fail_msg("message '%s' lacks '%s'", err->msg, fragment);
}

static void max_input(void **st)
{
	(void)st;
	char text[300];
	memset(text, 'a', sizeof text);
	memcpy(text, "Title\n\n", 7);
	ties_read_opts o = {0};
	o.max_input = 299;
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(text, 300, "limits", &o, &doc, &err), TIES_ERR_TOOBIG);
	assert_null(doc);
	one_line_error(&err, TIES_ERR_TOOBIG, "over the limit of 299 bytes");
	o.max_input = 300;
	assert_int_equal(ties_read_buffer(text, 300, "limits", &o, &doc, &err), TIES_OK);
	ties_doc_free(doc);
}

static void max_line(void **st)
{
	(void)st;
	/* line 3 is exactly 100 bytes: allowed at 100, refused at 99 */
	char text[7 + 100 + 1];
	memcpy(text, "Title\n\n", 7);
	memset(text + 7, 'b', 100);
	text[107] = '\n';
	ties_read_opts o = {0};
	o.max_line = 100;
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(text, sizeof text, "limits", &o, &doc, &err), TIES_OK);
	ties_doc_free(doc);
	o.max_line = 99;
	assert_int_equal(ties_read_buffer(text, sizeof text, "limits", &o, &doc, &err),
	                 TIES_ERR_TOOBIG);
	one_line_error(&err, TIES_ERR_TOOBIG, "line 3 is longer than the limit of 99 bytes");
}

/* Two interleaved columns: the search for the reading order has work to do. */
static char *interleaved(size_t *len)
{
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_buf_adds(&b, "A Report on Two Columns\n\n");
	for (int i = 0; i < 60; i++) {
		ties_buf_printf(&b, "the left column goes on with sentence %d about rivers and\n",
		                i);
		ties_buf_printf(&b, "while the right column tells of mountains in part %d of\n", i);
	}
	return ties_buf_detach(&b, len);
}

static void max_search(void **st)
{
	(void)st;
	size_t len;
	char *t = interleaved(&len);
	ties_read_opts o = {0};
	ties_doc *doc;
	ties_error err;
	/* out of search budget the reader continues greedily: still a document */
	o.max_search = 1;
	assert_int_equal(ties_read_buffer(t, len, "limits", &o, &doc, &err), TIES_OK);
	assert_true(doc->len > 0);
	ties_doc_free(doc);
	o.max_search = 0; /* the default */
	assert_int_equal(ties_read_buffer(t, len, "limits", &o, &doc, &err), TIES_OK);
	ties_doc_free(doc);
	ties__free(t);
}

/* Many distinct named people and organisations, related in every sentence. */
static ties_doc *crowded(void)
{
	static const char *first[] = {"Adam", "Boris", "Carla", "Dmitri", "Elena", "Farid"};
	static const char *last[] = {"Kovac", "Lind", "Moreno", "Novak", "Ortiz", "Petrov"};
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_buf_adds(&b, "Crowded Report\n\n");
	for (int i = 0; i < 36; i++)
		ties_buf_printf(&b, "%s %s leads the Northern %s Brigade. ", first[i % 6],
		                last[i / 6], last[(i + 1) % 6]);
	ties_buf_adds(&b, "\n");
	ties_doc *doc;
	ties_error err;
	size_t len;
	char *t = ties_buf_detach(&b, &len);
	ties_code rc = ties_read_buffer(t, len, "limits", NULL, &doc, &err);
	ties__free(t);
	if (rc)
		fail_msg("read: %s", err.msg);
	return doc;
}

static void max_entities(void **st)
{
	(void)st;
	ties_doc *doc = crowded();
	ties_extraction *x;
	ties_error err;
	assert_int_equal(ties_extract(doc, NULL, &x, &err), TIES_OK);
	size_t n = x->nentities;
	ties_extraction_free(x);
	if (n < 3) {
		ties_doc_free(doc);
		skip(); /* the extractor finds too little here to test a limit */
	}
	ties_extract_opts o = {0};
	o.max_entities = n;
	assert_int_equal(ties_extract(doc, &o, &x, &err), TIES_OK);
	assert_int_equal(x->nentities, n);
	ties_extraction_free(x);
	o.max_entities = n - 1;
	assert_int_equal(ties_extract(doc, &o, &x, &err), TIES_ERR_LIMIT);
	char want[64];
	snprintf(want, sizeof want, "over the limit of %zu entities", n - 1);
	one_line_error(&err, TIES_ERR_LIMIT, want);
	ties_doc_free(doc);
}

static void max_relations(void **st)
{
	(void)st;
	ties_doc *doc = crowded();
	ties_extraction *x;
	ties_error err;
	assert_int_equal(ties_extract(doc, NULL, &x, &err), TIES_OK);
	size_t n = x->nrelations;
	ties_extraction_free(x);
	if (n < 2) {
		ties_doc_free(doc);
		skip();
	}
	ties_extract_opts o = {0};
	o.max_relations = n;
	assert_int_equal(ties_extract(doc, &o, &x, &err), TIES_OK);
	assert_int_equal(x->nrelations, n);
	ties_extraction_free(x);
	o.max_relations = n - 1;
	assert_int_equal(ties_extract(doc, &o, &x, &err), TIES_ERR_LIMIT);
	char want[64];
	snprintf(want, sizeof want, "over the limit of %zu relations", n - 1);
	one_line_error(&err, TIES_ERR_LIMIT, want);
	ties_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(max_input),     cmocka_unit_test(max_line),
	    cmocka_unit_test(max_search),    cmocka_unit_test(max_entities),
	    cmocka_unit_test(max_relations),
	};
	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
