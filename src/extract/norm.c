/* Lookup keys: one spelling for the variants of a name. */
#include <utf8proc.h>

#include "extract/extract_int.h"

size_t ties__xnorm(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	if (cap == 0)
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			/* a possessive "'s" inside a name does not change it */
			if ((c == '\'') && i < n && (s[i] == 's' || s[i] == 'S') &&
			    (i + 1 == n || s[i + 1] == ' '))
				i++;
			else if (c >= 'A' && c <= 'Z') {
				if (k + 1 < cap)
					out[k++] = (char)(c + 32);
			} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (k + 1 < cap)
					out[k++] = (char)c;
			}
			continue;
		}
		int32_t cp;
		i += ties__utf8_decode(s + i, n - i, &cp);
		if (cp == 0x2019 && i < n && (s[i] == 's' || s[i] == 'S') &&
		    (i + 1 == n || s[i + 1] == ' ')) {
			i++;
			continue;
		}
		utf8proc_int32_t dec[8];
		int last = 0;
		utf8proc_ssize_t m = utf8proc_decompose_char(
		    cp, dec, 8,
		    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
		    &last);
		for (utf8proc_ssize_t j = 0; j < m && j < 8; j++) {
			int32_t d = dec[j];
			if (!ties__is_letter(d) && !ties__is_digit(d))
				continue;
			char enc[4];
			size_t el = ties__utf8_encode(d, enc);
			if (k + el < cap) {
				for (size_t q = 0; q < el; q++)
					out[k++] = enc[q];
			}
		}
	}
	out[k] = 0;
	return k;
}
