#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "util.h"

size_t ties__utf8_decode(const char *s, size_t n, int32_t *cp)
{
	/* most text is ASCII: no call for it */
	if (n && (unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

size_t ties__utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

size_t ties__utf8_encode(int32_t cp, char out[4])
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int ties__is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

size_t ties__compose_accent(const char acc[2], char c, char out[4])
{
	/* spacing accents and the combining marks they stand for */
	static const struct {
		int32_t spacing, combining;
	} map[] = {{0x00B4, 0x0301}, {0x02C7, 0x030C}, {0x00A8, 0x0308}, {0x02DC, 0x0303},
	           {0x02C6, 0x0302}, {0x02D8, 0x0306}, {0x02DA, 0x030A}, {0x02DD, 0x030B},
	           {0x00AF, 0x0304}, {0x02D9, 0x0307}};
	int32_t a;
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ||
	    ties__utf8_decode(acc, 2, &a) != 2)
		return 0;
	for (size_t k = 0; k < sizeof map / sizeof *map; k++) {
		if (map[k].spacing != a)
			continue;
		utf8proc_int32_t in[2] = {c, map[k].combining};
		utf8proc_ssize_t n = utf8proc_normalize_utf32(in, 2, UTF8PROC_COMPOSE);
		if (n != 1)
			return 0;
		return ties__utf8_encode(in[0], out);
	}
	return 0;
}

int ties__is_caps_word(const char *s, size_t n)
{
	size_t i = 0, letters = 0;
	while (i < n) {
		int32_t cp;
		i += ties__utf8_decode(s + i, n - i, &cp);
		if (ties__is_lower(cp))
			return 0;
		letters += ties__is_letter(cp) != 0;
	}
	return letters >= 2;
}

int ties__is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int ties__is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int ties__is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int ties__is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		       cp == '\v';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

int32_t ties__to_lower(int32_t cp)
{
	return utf8proc_tolower(cp);
}

char *ties__lower_dup(const char *s, size_t n)
{
	char *d = ties__malloc(n * 2 + 1); /* a lowercase form is at most 2x longer in bytes */
	if (!d)
		return NULL;
	size_t o = 0, i = 0;
	while (i < n) {
		int32_t cp;
		size_t k = ties__utf8_decode(s + i, n - i, &cp);
		char enc[4];
		size_t m = ties__utf8_encode(ties__to_lower(cp), enc);
		if (o + m > n * 2)
			break;
		memcpy(d + o, enc, m);
		o += m;
		i += k;
	}
	d[o] = '\0';
	return d;
}

int ties__is_month_name(const char *w, size_t n)
{
	static const char *const m[] = {
	    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
	    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
	    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
	if (n && w[n - 1] == '.')
		n--;
	if (n < 3 || n > 9 || !(w[0] >= 'A' && w[0] <= 'Z'))
		return 0;
	for (size_t i = 0; i < sizeof m / sizeof *m; i++)
		if (strnlen(m[i], n + 1) == n && !strncasecmp(m[i], w, n))
			return 1;
	return 0;
}
