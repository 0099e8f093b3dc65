#include <stdio.h>
#include <string.h>

#include "util.h"

ties_code ties__json_str(ties_buf *b, const char *s, size_t n)
{
	ties_code rc = ties_buf_addc(b, '"');
	size_t i = 0;
	while (!rc && i < n) {
		size_t run = i;
		/* copy plain ASCII runs at once */
		while (run < n) {
			unsigned char c = (unsigned char)s[run];
			if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
			    c >= 0x80)
				break;
			run++;
		}
		if (run > i) {
			rc = ties_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		char esc[16];
		if (c >= 0x80) {
			int32_t cp;
			size_t k = ties__utf8_decode(s + i, n - i, &cp);
			if (cp == 0xFFFD && k == 1)
				rc = ties_buf_adds(b,
				                   "\\ufffd"); /* invalid byte: never emit it raw */
			else if (cp == 0x2028 || cp == 0x2029)
				rc = ties_buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				rc = ties_buf_add(b, s + i, k);
			i += k;
			continue;
		}
		switch (c) {
		case '"': rc = ties_buf_adds(b, "\\\""); break;
		case '\\': rc = ties_buf_adds(b, "\\\\"); break;
		case '\n': rc = ties_buf_adds(b, "\\n"); break;
		case '\r': rc = ties_buf_adds(b, "\\r"); break;
		case '\t': rc = ties_buf_adds(b, "\\t"); break;
		default: snprintf(esc, sizeof esc, "\\u%04x", c); rc = ties_buf_adds(b, esc);
		}
		i++;
	}
	if (!rc)
		rc = ties_buf_addc(b, '"');
	return rc;
}

ties_code ties__json_cstr(ties_buf *b, const char *s)
{
	if (!s)
		return ties_buf_adds(b, "null");
	return ties__json_str(b, s, strlen(s));
}
