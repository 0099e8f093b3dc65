/* Fuzz target: the JSON string writer (ties__json_str).  The output must be
 * one valid JSON string, safe inside HTML (no raw < > & U+2028 U+2029), and
 * decode back to the input with each invalid UTF-8 byte as U+FFFD. */
#include "fuzz.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_code rc = ties__json_str(&b, (const char *)data, size);
	FUZZ_CHECK(rc == TIES_OK, "json_str failed with %d", rc);

	/* What the input should decode to: strict UTF-8 kept, any other byte
	 * replaced by U+FFFD (EF BF BD). */
	unsigned char *want = malloc(size * 3 + 1);
	size_t wl = 0;
	for (size_t i = 0; i < size;) {
		uint32_t cp;
		size_t k = fuzz_utf8_seq(data + i, size - i, &cp);
		if (k) {
			memcpy(want + wl, data + i, k);
			wl += k;
			i += k;
		} else {
			memcpy(want + wl, "\xEF\xBF\xBD", 3);
			wl += 3;
			i++;
		}
	}
	fuzz_json j = {(const unsigned char *)b.data, b.len, 0, 1, NULL, 0, 0, NULL};
	j.dec_cap = size * 3 + 8;
	j.dec = malloc(j.dec_cap);
	int ok = fuzz_json_string(&j);
	FUZZ_CHECK(ok, "not a JSON string: %s", j.why);
	FUZZ_CHECK(j.i == b.len, "trailing bytes after the string");
	FUZZ_CHECK(j.dec_len == wl && memcmp(j.dec, want, wl) == 0,
	           "round trip differs (%zu bytes back, %zu expected)", j.dec_len, wl);
	free(j.dec);
	free(want);

	/* A capped buffer must refuse cleanly, never overrun. */
	ties_buf c;
	ties_buf_init(&c, size / 2 + 1);
	rc = ties__json_str(&c, (const char *)data, size);
	FUZZ_CHECK(rc == TIES_OK || rc == TIES_ERR_TOOBIG, "capped json_str gave %d", rc);
	FUZZ_CHECK(c.len <= c.cap_limit, "buffer grew past its cap: %zu > %zu", c.len, c.cap_limit);
	ties_buf_release(&c);
	ties_buf_release(&b);
	return 0;
}
