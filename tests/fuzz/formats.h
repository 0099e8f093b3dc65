/* Syntax checks of the export formats for the fuzz harnesses: XML 1.0
 * well-formedness (GraphML, GEXF), RFC 4180 CSV with a constant field count,
 * DOT quoting and braces, and the HTML page's script blocks.  They check
 * syntax only; that the content is right is the unit and case tests' job. */
#ifndef TIES_FUZZ_FORMATS_H
#define TIES_FUZZ_FORMATS_H

#include <ctype.h>
#include <strings.h>

#include "fuzz.h"

static inline int fuzz_xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static inline int fuzz_xml_namec(unsigned char c)
{
	return isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80;
}

/* An entity or character reference at s[i] ('&'); returns its length or 0. */
static inline size_t fuzz_xml_ref(const char *s, size_t n, size_t i)
{
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t k = 0; k < 5; k++) {
		size_t l = strlen(named[k]);
		if (n - i >= l && memcmp(s + i, named[k], l) == 0)
			return l;
	}
	if (n - i < 4 || s[i + 1] != '#')
		return 0;
	size_t j = i + 2;
	int hex = s[j] == 'x';
	j += hex;
	uint32_t v = 0;
	size_t d = j;
	while (j < n && (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]))) {
		unsigned c = (unsigned char)s[j];
		v = v * (hex ? 16 : 10) +
		    (isdigit(c) ? c - '0' : (unsigned)(tolower(c) - 'a' + 10));
		if (v > 0x10FFFF)
			return 0;
		j++;
	}
	if (j == d || j >= n || s[j] != ';' || !fuzz_xml_char(v))
		return 0;
	return j + 1 - i;
}

/* Character data or an attribute value from i up to a stop byte. */
static inline const char *fuzz_xml_text(const char *s, size_t n, size_t *i, char stop)
{
	while (*i < n && s[*i] != stop) {
		unsigned char c = (unsigned char)s[*i];
		if (c == '<')
			return "'<' in text or attribute";
		if (c == '&') {
			size_t l = fuzz_xml_ref(s, n, *i);
			if (!l)
				return "bare '&' or bad reference";
			*i += l;
			continue;
		}
		uint32_t cp;
		size_t k = fuzz_utf8_seq((const unsigned char *)s + *i, n - *i, &cp);
		if (!k)
			return "invalid UTF-8";
		if (!fuzz_xml_char(cp))
			return "a character XML 1.0 forbids";
		*i += k;
	}
	return NULL;
}

/* NULL if s is a well-formed XML document, else why not. */
static inline const char *fuzz_xml_wellformed(const char *s, size_t n)
{
	const char *stack[256];
	size_t lens[256], depth = 0, roots = 0, i = 0;
	const char *why;
	while (i < n) {
		if (s[i] != '<') {
			size_t st = i;
			if ((why = fuzz_xml_text(s, n, &i, '<')))
				return why;
			if (depth == 0)
				for (size_t k = st; k < i; k++)
					if (!isspace((unsigned char)s[k]))
						return "text outside the root element";
			continue;
		}
		if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
			if (!e)
				return "unterminated comment";
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (n - i >= 2 && (!memcmp(s + i, "<?", 2) || !memcmp(s + i, "<!", 2))) {
			if (depth)
				return "declaration inside an element";
			const char *e = memchr(s + i, '>', n - i);
			if (!e)
				return "unterminated declaration";
			i = (size_t)(e - s) + 1;
			continue;
		}
		int closing = n - i >= 2 && s[i + 1] == '/';
		i += closing ? 2 : 1;
		size_t ns = i;
		while (i < n && fuzz_xml_namec((unsigned char)s[i]))
			i++;
		if (i == ns)
			return "tag without a name";
		const char *name = s + ns;
		size_t nl = i - ns;
		if (closing) {
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			if (i >= n || s[i] != '>')
				return "bad closing tag";
			i++;
			if (!depth || lens[depth - 1] != nl || memcmp(stack[depth - 1], name, nl))
				return "closing tag does not match";
			depth--;
			continue;
		}
		for (;;) {
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			if (i >= n)
				return "unterminated tag";
			if (s[i] == '>' || (s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
				break;
			size_t as = i;
			while (i < n && fuzz_xml_namec((unsigned char)s[i]))
				i++;
			if (i == as)
				return "bad attribute name";
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			if (i >= n || s[i] != '=')
				return "attribute without '='";
			i++;
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			if (i >= n || (s[i] != '"' && s[i] != '\''))
				return "unquoted attribute value";
			char q = s[i++];
			if ((why = fuzz_xml_text(s, n, &i, q)))
				return why;
			if (i >= n)
				return "unterminated attribute value";
			i++;
		}
		if (s[i] == '/') {
			i += 2;
			if (!depth)
				roots++;
			continue;
		}
		i++;
		if (!depth)
			roots++;
		if (depth == 256)
			return "elements nested too deep";
		stack[depth] = name;
		lens[depth++] = nl;
	}
	if (depth)
		return "unclosed element";
	if (roots != 1)
		return "not exactly one root element";
	return NULL;
}

/* RFC 4180: every record has the header's field count; quotes balanced. */
static inline const char *fuzz_csv_valid(const char *s, size_t n, size_t *records)
{
	size_t i = 0, fields = 0, want = 0;
	*records = 0;
	if (!fuzz_utf8_valid(s, n))
		return "invalid UTF-8";
	while (i < n) {
		fields = 0;
		for (;;) {
			if (i < n && s[i] == '"') {
				i++;
				for (;;) {
					if (i >= n)
						return "unterminated quoted field";
					if (s[i] == '"') {
						if (i + 1 < n && s[i + 1] == '"') {
							i += 2;
							continue;
						}
						i++;
						break;
					}
					i++;
				}
			} else {
				while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
					if (s[i] == '"')
						return "quote inside an unquoted field";
					i++;
				}
			}
			fields++;
			if (i < n && s[i] == ',') {
				i++;
				continue;
			}
			if (i < n && s[i] == '\r')
				i++;
			if (i < n && s[i] != '\n')
				return "garbage after a quoted field";
			i++;
			break;
		}
		if (*records == 0)
			want = fields;
		else if (fields != want)
			return "a record with another field count than the header";
		++*records;
	}
	return NULL;
}

/* DOT: strings closed, braces and brackets balanced outside them. */
static inline const char *fuzz_dot_valid(const char *s, size_t n)
{
	int brace = 0, bracket = 0;
	if (!fuzz_utf8_valid(s, n))
		return "invalid UTF-8";
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			for (i++; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			if (i >= n)
				return "unterminated string";
		} else if (c == '<') {
			return "HTML-like label (not expected from this exporter)";
		} else if (c == '{') {
			brace++;
		} else if (c == '}') {
			if (--brace < 0)
				return "unbalanced '}'";
		} else if (c == '[') {
			bracket++;
		} else if (c == ']') {
			if (--bracket < 0)
				return "unbalanced ']'";
		}
	}
	return brace || bracket ? "unclosed brace or bracket" : NULL;
}

/* Count of a needle that starts with a fixed byte and is lowercase after it,
 * matched case-insensitively after the first byte. */
static inline size_t fuzz_count_ci(const char *s, size_t n, const char *needle)
{
	size_t l = strlen(needle), c = 0;
	for (size_t i = 0; i + l <= n; i++) {
		if (s[i] != needle[0])
			continue;
		size_t k = 1;
		while (k < l && tolower((unsigned char)s[i + k]) == needle[k])
			k++;
		c += k == l;
	}
	return c;
}

#endif
