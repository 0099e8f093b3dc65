/* Name keys for entity resolution: what two spellings of one name share.
 * General rules only (case, diacritics, punctuation, articles, possessives,
 * acronym shape, vowel-free skeletons for transliterations). */
#include <string.h>
#include <utf8proc.h>

#include "store_int.h"

#define MAXCP 512

/* Case-folded, mark-stripped code points of s (at most cap). */
static size_t fold(const char *s, int32_t *cp, size_t cap)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len && n < cap) {
		int32_t c;
		i += ties__utf8_decode(s + i, len - i, &c);
		utf8proc_int32_t d[8];
		int bound = 0;
		utf8proc_ssize_t k = utf8proc_decompose_char(
		    c, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &bound);
		if (k < 0 || k > 8) {
			d[0] = c;
			k = 1;
		}
		for (utf8proc_ssize_t j = 0; j < k && n < cap; j++) {
			int32_t x = d[j];
			if (x == 0x2019 || x == 0x2018 || x == 0x02BC || x == 0x0060)
				x = '\'';
			cp[n++] = x;
		}
	}
	return n;
}

static int alnum(int32_t c)
{
	return ties__is_letter(c) || ties__is_digit(c);
}

size_t ties__name_key(const char *name, char out[TIES__KEY_MAX])
{
	int32_t cp[MAXCP];
	size_t n = fold(name, cp, MAXCP), i = 0, o = 0;
	while (i < n && !alnum(cp[i]))
		i++;
	/* A leading article: "the Resistance" and "Resistance" are one name. */
	if (i + 3 < n && cp[i] == 't' && cp[i + 1] == 'h' && cp[i + 2] == 'e' &&
	    !alnum(cp[i + 3])) {
		size_t j = i + 3;
		while (j < n && !alnum(cp[j]))
			j++;
		if (j < n)
			i = j;
	}
	for (; i < n; i++) {
		int32_t c = cp[i];
		if (c == '\'') {
			/* possessive: "X's Y" -> "X Y"; also a bare trailing "'" */
			if (i + 1 < n && cp[i + 1] == 's' && (i + 2 == n || !alnum(cp[i + 2])))
				i++;
			continue;
		}
		/* modifier letters (ayn, hamza marks) are transliteration signs */
		if (!alnum(c) || utf8proc_category(c) == UTF8PROC_CATEGORY_LM)
			continue;
		char enc[4];
		size_t m = ties__utf8_encode(c, enc);
		if (o + m >= TIES__KEY_MAX)
			break;
		memcpy(out + o, enc, m);
		o += m;
	}
	out[o] = '\0';
	return o;
}

int ties__is_acronym(const char *name)
{
	size_t len = strlen(name), i = 0, letters = 0, upper = 0;
	if (len == 0 || len > 24)
		return 0;
	while (i < len) {
		int32_t c;
		i += ties__utf8_decode(name + i, len - i, &c);
		if (ties__is_space(c))
			return 0;
		if (ties__is_letter(c)) {
			letters++;
			upper += ties__is_upper(c) != 0;
		}
	}
	return upper >= 2 && letters <= 12 && upper * 2 >= letters;
}

int ties__is_namelike(const char *name)
{
	size_t len = strlen(name), i = 0;
	int cased = 0;
	while (i < len) {
		int32_t c;
		i += ties__utf8_decode(name + i, len - i, &c);
		if (ties__is_upper(c))
			return 1;
		cased |= ties__is_lower(c);
	}
	/* all lowercase: a description ("the group"); uncased scripts pass */
	return !cased;
}

size_t ties__word_count(const char *name)
{
	size_t len = strlen(name), i = 0, words = 0;
	int in = 0;
	while (i < len) {
		int32_t c;
		i += ties__utf8_decode(name + i, len - i, &c);
		int a = alnum(c) || (in && c == '\'');
		if (a && !in)
			words++;
		in = a;
	}
	return words;
}

static int vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

size_t ties__skeleton_key(const char *name, char out[TIES__KEY_MAX])
{
	if (ties__word_count(name) < 2)
		return out[0] = '\0', 0;
	char key[TIES__KEY_MAX];
	size_t n = ties__name_key(name, key), o = 0;
	out[o++] = '~';
	for (size_t i = 0; i < n && o + 1 < TIES__KEY_MAX; i++) {
		char c = key[i];
		if (vowel(c) || c == 'h' || c == 'w')
			continue;
		if (out[o - 1] == c)
			continue;
		out[o++] = c;
	}
	out[o] = '\0';
	/* Too few consonants say nothing about identity. */
	if (o < 5)
		return out[0] = '\0', 0;
	return o;
}

double ties__key_similarity(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 128)
		n = 128;
	if (m > 128)
		m = 128;
	if (!n && !m)
		return 1.0;
	unsigned prev[129], cur[129];
	for (size_t j = 0; j <= m; j++)
		prev[j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned d = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, (m + 1) * sizeof *prev);
	}
	size_t longer = n > m ? n : m;
	return 1.0 - (double)prev[m] / (double)longer;
}

int ties__alias_kind_strong(int kind)
{
	return kind == TIES__AK_NAME || kind == TIES__AK_ALIAS || kind == TIES__AK_ANALYST;
}

int ties__alias_kind(const char *surface, ties_entity_type type, int is_name)
{
	if (ties__is_acronym(surface))
		return TIES__AK_ACRONYM;
	if (type == TIES_ENT_PERSON && ties__word_count(surface) < 2)
		return TIES__AK_SHORT;
	return is_name ? TIES__AK_NAME : TIES__AK_ALIAS;
}

static int type_class(const char *t)
{
	if (!strcmp(t, "person"))
		return 1;
	if (!strcmp(t, "organization") || !strcmp(t, "location") || !strcmp(t, "facility"))
		return 2;
	if (!strcmp(t, "event"))
		return 3;
	return 0;
}

int ties__types_compatible(const char *a, const char *b, int strict)
{
	if (!strcmp(a, "other") || !strcmp(b, "other") || !strcmp(a, b))
		return 1;
	return !strict && type_class(a) == type_class(b);
}
