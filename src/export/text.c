/* Text for the export formats: XML escaping, and cleaning of untrusted
 * document text (invalid UTF-8 and control characters replaced). */
#include <string.h>

#include "export_int.h"

/* Appends one code point's UTF-8. */
static ties_code add_cp(ties_buf *b, int32_t cp)
{
	char enc[4];
	size_t k = ties__utf8_encode(cp, enc);
	return ties_buf_add(b, enc, k);
}

ties_code ties__xml_str(ties_buf *b, const char *s)
{
	if (!s)
		return TIES_OK;
	size_t n = strlen(s), i = 0;
	ties_code rc = TIES_OK;
	while (!rc && i < n) {
		size_t run = i;
		while (run < n) {
			unsigned char c = (unsigned char)s[run];
			if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' ||
			    c == '\'')
				break;
			run++;
		}
		if (run > i) {
			rc = ties_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			int32_t cp;
			size_t k = ties__utf8_decode(s + i, n - i, &cp);
			if ((cp == 0xFFFD && k == 1) || cp == 0xFFFE || cp == 0xFFFF)
				rc = add_cp(b, 0xFFFD);
			else
				rc = ties_buf_add(b, s + i, k);
			i += k;
			continue;
		}
		switch (c) {
		case '&': rc = ties_buf_adds(b, "&amp;"); break;
		case '<': rc = ties_buf_adds(b, "&lt;"); break;
		case '>': rc = ties_buf_adds(b, "&gt;"); break;
		case '"': rc = ties_buf_adds(b, "&quot;"); break;
		case '\'': rc = ties_buf_adds(b, "&apos;"); break;
		/* attribute values are normalised by parsers: keep the whitespace */
		case '\n': rc = ties_buf_adds(b, "&#10;"); break;
		case '\r': rc = ties_buf_adds(b, "&#13;"); break;
		case '\t': rc = ties_buf_adds(b, "&#9;"); break;
		default: rc = add_cp(b, 0xFFFD);
		}
		i++;
	}
	return rc;
}

ties_code ties__clean_text(ties_buf *b, const char *s, int newline_to_space)
{
	if (!s)
		return TIES_OK;
	size_t n = strlen(s), i = 0;
	ties_code rc = TIES_OK;
	while (!rc && i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			int32_t cp;
			size_t k = ties__utf8_decode(s + i, n - i, &cp);
			if (cp == 0xFFFD && k == 1)
				rc = add_cp(b, 0xFFFD);
			else if (newline_to_space && (cp == 0x2028 || cp == 0x2029 || cp == 0x85))
				rc = ties_buf_addc(b, ' ');
			else
				rc = ties_buf_add(b, s + i, k);
			i += k;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			rc = newline_to_space ? ties_buf_addc(b, ' ') : ties_buf_addc(b, (char)c);
		else if (c < 0x20 || c == 0x7f)
			rc = add_cp(b, 0xFFFD);
		else
			rc = ties_buf_addc(b, (char)c);
		i++;
	}
	return rc;
}
