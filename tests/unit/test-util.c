/* Unit tests: buffers, arena, UTF-8, JSON escaping, SHA-256. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h> /* after the headers it needs */

#include "util/util.h"

static void buf_cap_limit(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 8);
	assert_int_equal(ties_buf_adds(&b, "12345678"), TIES_OK);
	assert_int_equal(ties_buf_adds(&b, "9"), TIES_ERR_TOOBIG);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.data, "12345678");
	ties_buf_release(&b);
}

static void buf_printf_grows(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 0);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(ties_buf_printf(&b, "%d,", i), TIES_OK);
	assert_true(b.len > 3000);
	assert_memory_equal(b.data, "0,1,2,", 6);
	ties_buf_release(&b);
}

static void arena_many(void **st)
{
	(void)st;
	ties_arena *a = ties__arena_new();
	for (int i = 0; i < 10000; i++) {
		char *s = ties__arena_printf(a, "item %d", i);
		assert_non_null(s);
	}
	char *big = ties__arena_alloc(a, 1 << 20);
	assert_non_null(big);
	assert_null(ties__arena_array(a, SIZE_MAX / 2, 4));
	ties__arena_free(a);
}

static void utf8_validation(void **st)
{
	(void)st;
	assert_int_equal(ties__utf8_valid_prefix("abc\xE2\x80\x99", 6), 6);
	assert_int_equal(ties__utf8_valid_prefix("ab\xFF"
	                                         "c",
	                                         4),
	                 2);
	assert_int_equal(ties__utf8_valid_prefix("ab\xE2\x80", 4), 2); /* truncated */
	assert_int_equal(ties__utf8_valid_prefix("\xC0\xAF", 2), 0);   /* overlong */
}

/* A spacing accent and the letter after it: one character where Unicode
 * has one ("ˇ" "c": "č"), nothing otherwise. */
static void accents_compose(void **st)
{
	(void)st;
	char out[4];
	assert_int_equal(ties__compose_accent("\xcb\x87", 'c', out), 2); /* caron */
	assert_memory_equal(out, "\xc4\x8d", 2);
	assert_int_equal(ties__compose_accent("\xc2\xb4", 'e', out), 2); /* acute */
	assert_memory_equal(out, "\xc3\xa9", 2);
	assert_int_equal(ties__compose_accent("\xc2\xa8", 'U', out), 2); /* diaeresis */
	assert_memory_equal(out, "\xc3\x9c", 2);
	assert_int_equal(ties__compose_accent("\xc2\xb4", 'q', out), 0); /* no q-acute */
	assert_int_equal(ties__compose_accent("\xc2\xb0", 'a', out), 0); /* a degree sign */
	assert_int_equal(ties__compose_accent("\xcb\x87", '1', out), 0);
}

static void json_escapes_everything(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 0);
	const char in[] = "a\"b\\c\n<script>&\x01\xE2\x80\xA8\xFF";
	assert_int_equal(ties__json_str(&b, in, sizeof in - 1), TIES_OK);
	assert_string_equal(b.data,
	                    "\"a\\\"b\\\\c\\n\\u003cscript\\u003e\\u0026\\u0001\\u2028\\ufffd\"");
	ties_buf_release(&b);
}

static void sha256_known(void **st)
{
	(void)st;
	char h[65];
	ties__sha256_hex("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ties__sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	ties__sha256_hex(m, strlen(m), h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_cap_limit),   cmocka_unit_test(buf_printf_grows),
	    cmocka_unit_test(arena_many),      cmocka_unit_test(utf8_validation),
	    cmocka_unit_test(accents_compose), cmocka_unit_test(json_escapes_everything),
	    cmocka_unit_test(sha256_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
