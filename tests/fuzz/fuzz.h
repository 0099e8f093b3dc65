/* Checks shared by the fuzz harnesses: a strict JSON validator, a strict
 * UTF-8 decoder, and the invariants of the document model.  A violated
 * check aborts with a message, so libFuzzer records the input as a crash.
 *
 * The validator is deliberately independent of the library's own UTF-8 and
 * JSON code: it is the second opinion the harnesses compare against. */
#ifndef TIES_FUZZ_H
#define TIES_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ties/ties.h"

/* Reads once a small scrambled text, so that the repair's background
 * corpus (WordNet glosses and a dictionary, loaded once per process) is
 * loaded before fuzzing starts: an instrumented build takes seconds over
 * it, which must not count against the first input's time limit. */
static inline void fuzz_warm_repair(void)
{
	char text[512] = "";
	for (int i = 0; i < 8; i++)
		strcat(text, "the envoys met the officials of the\n\n");
	ties_read_opts o = {0};
	ties_doc *doc = NULL;
	ties_error err;
	if (ties_read_buffer(text, strlen(text), "warm", &o, &doc, &err) == TIES_OK)
		ties_doc_free(doc);
}

#define FUZZ_CHECK(cond, ...)                                                                      \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "fuzz check failed: %s: ", #cond);                         \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Length of the strictly valid UTF-8 sequence at s (no overlongs, no
 * surrogates, nothing above U+10FFFF), or 0 if invalid.  *cp receives the
 * code point. */
static inline size_t fuzz_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t k;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF)
		k = 2, v = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3, v = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4, v = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return k;
}

static inline int fuzz_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		size_t k = fuzz_utf8_seq(u + i, n - i, &cp);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

static inline int fuzz_utf8_boundary(const char *s, size_t len, size_t off)
{
	return off == 0 || off >= len || (((unsigned char)s[off]) & 0xC0) != 0x80;
}

static inline size_t fuzz_put_utf8(uint32_t cp, unsigned char *o)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* --- strict JSON (RFC 8259) validator ---------------------------------- */

typedef struct fuzz_json {
	const unsigned char *s;
	size_t n, i;
	int html_safe;      /* 1: no raw '<' '>' '&' U+2028 U+2029 in strings */
	unsigned char *dec; /* when set, the last string is decoded here */
	size_t dec_len, dec_cap;
	const char *why;
} fuzz_json;

static inline void fuzz_json_ws(fuzz_json *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
	                       j->s[j->i] == '\r'))
		j->i++;
}

static inline int fuzz_hex4(fuzz_json *j, uint32_t *v)
{
	if (j->n - j->i < 4)
		return 0;
	*v = 0;
	for (int k = 0; k < 4; k++) {
		unsigned c = j->s[j->i++];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return 0;
	}
	return 1;
}

static inline void fuzz_json_emit(fuzz_json *j, const unsigned char *p, size_t k)
{
	if (!j->dec)
		return;
	if (j->dec_len + k <= j->dec_cap)
		memcpy(j->dec + j->dec_len, p, k);
	j->dec_len += k;
}

static inline int fuzz_json_string(fuzz_json *j)
{
	j->dec_len = 0;
	if (j->i >= j->n || j->s[j->i] != '"')
		return j->why = "expected a string", 0;
	j->i++;
	for (;;) {
		if (j->i >= j->n)
			return j->why = "unterminated string", 0;
		unsigned c = j->s[j->i];
		if (c == '"') {
			j->i++;
			return 1;
		}
		if (c < 0x20)
			return j->why = "raw control character in string", 0;
		if (c == '\\') {
			j->i++;
			if (j->i >= j->n)
				return j->why = "truncated escape", 0;
			unsigned e = j->s[j->i++];
			unsigned char o[4];
			uint32_t v, lo;
			switch (e) {
			case '"':
			case '\\':
			case '/':
				o[0] = (unsigned char)e;
				fuzz_json_emit(j, o, 1);
				break;
			case 'b':
				o[0] = '\b';
				fuzz_json_emit(j, o, 1);
				break;
			case 'f':
				o[0] = '\f';
				fuzz_json_emit(j, o, 1);
				break;
			case 'n':
				o[0] = '\n';
				fuzz_json_emit(j, o, 1);
				break;
			case 'r':
				o[0] = '\r';
				fuzz_json_emit(j, o, 1);
				break;
			case 't':
				o[0] = '\t';
				fuzz_json_emit(j, o, 1);
				break;
			case 'u':
				if (!fuzz_hex4(j, &v))
					return j->why = "bad \\u escape", 0;
				if (v >= 0xDC00 && v <= 0xDFFF)
					return j->why = "lone low surrogate", 0;
				if (v >= 0xD800 && v <= 0xDBFF) {
					if (j->n - j->i < 2 || j->s[j->i] != '\\' ||
					    j->s[j->i + 1] != 'u')
						return j->why = "lone high surrogate", 0;
					j->i += 2;
					if (!fuzz_hex4(j, &lo) || lo < 0xDC00 || lo > 0xDFFF)
						return j->why = "bad surrogate pair", 0;
					v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
				}
				fuzz_json_emit(j, o, fuzz_put_utf8(v, o));
				break;
			default: return j->why = "unknown escape", 0;
			}
			continue;
		}
		uint32_t cp;
		size_t k = fuzz_utf8_seq(j->s + j->i, j->n - j->i, &cp);
		if (!k)
			return j->why = "invalid UTF-8 in string", 0;
		if (j->html_safe &&
		    (cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029))
			return j->why = "raw < > & U+2028 or U+2029 in string", 0;
		fuzz_json_emit(j, j->s + j->i, k);
		j->i += k;
	}
}

static inline int fuzz_json_number(fuzz_json *j)
{
	size_t st = j->i;
	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	if (j->i >= j->n)
		return j->why = "bad number", 0;
	if (j->s[j->i] == '0')
		j->i++;
	else if (j->s[j->i] >= '1' && j->s[j->i] <= '9')
		while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
	else
		return j->why = "bad number", 0;
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		size_t d = j->i;
		while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
		if (d == j->i)
			return j->why = "bad fraction", 0;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		size_t d = j->i;
		while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
		if (d == j->i)
			return j->why = "bad exponent", 0;
	}
	return j->i > st;
}

static inline int fuzz_json_lit(fuzz_json *j, const char *w)
{
	size_t k = strlen(w);
	if (j->n - j->i < k || memcmp(j->s + j->i, w, k))
		return j->why = "bad literal", 0;
	j->i += k;
	return 1;
}

static inline int fuzz_json_value(fuzz_json *j, int depth)
{
	if (depth > 256)
		return j->why = "nesting too deep", 0;
	fuzz_json_ws(j);
	if (j->i >= j->n)
		return j->why = "expected a value", 0;
	unsigned c = j->s[j->i];
	if (c == '{' || c == '[') {
		unsigned close = c == '{' ? '}' : ']';
		j->i++;
		fuzz_json_ws(j);
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			return 1;
		}
		for (;;) {
			if (c == '{') {
				fuzz_json_ws(j);
				if (!fuzz_json_string(j))
					return 0;
				fuzz_json_ws(j);
				if (j->i >= j->n || j->s[j->i] != ':')
					return j->why = "expected ':'", 0;
				j->i++;
			}
			if (!fuzz_json_value(j, depth + 1))
				return 0;
			fuzz_json_ws(j);
			if (j->i < j->n && j->s[j->i] == ',') {
				j->i++;
				continue;
			}
			if (j->i < j->n && j->s[j->i] == close) {
				j->i++;
				return 1;
			}
			return j->why = "expected ',' or a closing bracket", 0;
		}
	}
	if (c == '"')
		return fuzz_json_string(j);
	if (c == 't')
		return fuzz_json_lit(j, "true");
	if (c == 'f')
		return fuzz_json_lit(j, "false");
	if (c == 'n')
		return fuzz_json_lit(j, "null");
	return fuzz_json_number(j);
}

/* 1 if s[0..n) is exactly one JSON value (surrounding whitespace allowed). */
static inline int fuzz_json_valid(const char *s, size_t n, int html_safe, const char **why)
{
	fuzz_json j = {(const unsigned char *)s, n, 0, html_safe, NULL, 0, 0, NULL};
	int ok = fuzz_json_value(&j, 0);
	if (ok) {
		fuzz_json_ws(&j);
		if (j.i != n)
			ok = 0, j.why = "trailing data after the value";
	}
	if (why)
		*why = j.why ? j.why : "";
	return ok;
}

static inline void fuzz_check_json(const ties_buf *b, const char *what)
{
	const char *why;
	FUZZ_CHECK(fuzz_json_valid(b->data ? b->data : "", b->len, 1, &why),
	           "%s is not valid JSON: %s", what, why);
}

/* --- the document model ------------------------------------------------ */

static inline void fuzz_check_doc(const ties_doc *d)
{
	FUZZ_CHECK(d->text != NULL, "no text");
	FUZZ_CHECK(d->text[d->len] == '\0', "text not NUL-terminated at len");
	FUZZ_CHECK(memchr(d->text, '\0', d->len) == NULL, "NUL inside text");
	FUZZ_CHECK(fuzz_utf8_valid(d->text, d->len), "text is not valid UTF-8");
	FUZZ_CHECK(d->title != NULL && fuzz_utf8_valid(d->title, strlen(d->title)),
	           "title missing or not UTF-8");
	FUZZ_CHECK(d->nblocks > 0, "a document without blocks");
	size_t prev_end = 0;
	for (size_t i = 0; i < d->nblocks; i++) {
		const ties_block *b = &d->blocks[i];
		FUZZ_CHECK(b->start <= b->end && b->end <= d->len, "block %zu [%zu,%zu) len %zu", i,
		           b->start, b->end, d->len);
		FUZZ_CHECK(i == 0 || b->start >= prev_end, "block %zu overlaps the previous", i);
		FUZZ_CHECK(fuzz_utf8_boundary(d->text, d->len, b->start) &&
		               fuzz_utf8_boundary(d->text, d->len, b->end),
		           "block %zu splits a character", i);
		FUZZ_CHECK(memchr(d->text + b->start, '\n', b->end - b->start) == NULL,
		           "block %zu spans lines", i);
		FUZZ_CHECK((unsigned)b->kind <= TIES_BLOCK_NOTE, "block %zu has kind %d", i,
		           b->kind);
		if (b->kind == TIES_BLOCK_NOTE) {
			size_t nl = 0;
			const char *nt = ties_doc_note(d, b->note_number, &nl);
			FUZZ_CHECK(nt != NULL && nt >= d->text && nt + nl <= d->text + d->len,
			           "note %d not found or out of text", b->note_number);
		}
		prev_end = b->end;
	}
	size_t prev = 0;
	for (size_t i = 0; i < d->nsentences; i++) {
		const ties_sentence *s = &d->sentences[i];
		FUZZ_CHECK(s->start <= s->end && s->end <= d->len, "sentence %zu [%zu,%zu) len %zu",
		           i, s->start, s->end, d->len);
		FUZZ_CHECK(s->start >= prev, "sentence %zu out of order", i);
		FUZZ_CHECK(s->block < d->nblocks, "sentence %zu has block %zu of %zu", i, s->block,
		           d->nblocks);
		const ties_block *b = &d->blocks[s->block];
		FUZZ_CHECK(s->start >= b->start && s->end <= b->end,
		           "sentence %zu outside its block", i);
		FUZZ_CHECK(fuzz_utf8_boundary(d->text, d->len, s->start) &&
		               fuzz_utf8_boundary(d->text, d->len, s->end),
		           "sentence %zu splits a character", i);
		if (s->end > s->start)
			FUZZ_CHECK(ties_doc_sentence_at(d, s->start) == i,
			           "sentence_at(%zu) is not sentence %zu", s->start, i);
		prev = s->start;
	}
	for (size_t i = 0; i < d->nmarkers; i++) {
		const ties_marker *m = &d->markers[i];
		FUZZ_CHECK(m->start <= m->end && m->end <= d->len, "marker %zu [%zu,%zu)", i,
		           m->start, m->end);
		for (size_t k = m->start; k < m->end; k++)
			FUZZ_CHECK(d->text[k] >= '0' && d->text[k] <= '9',
			           "marker %zu is not digits", i);
	}
	for (size_t i = 0; i < d->nartifacts; i++) {
		const ties_artifact *a = &d->artifacts[i];
		FUZZ_CHECK(a->kind && a->text, "artifact %zu incomplete", i);
		FUZZ_CHECK(fuzz_utf8_valid(a->text, strlen(a->text)), "artifact %zu not UTF-8", i);
	}
	ties_buf j;
	ties_buf_init(&j, 0);
	if (ties_doc_write_json(d, &j) == TIES_OK)
		fuzz_check_json(&j, "document JSON");
	ties_buf_release(&j);
}

/* An error must carry a known code and a one-line message. */
static inline void fuzz_check_error(ties_code rc, const ties_error *err)
{
	FUZZ_CHECK(rc > 0 && rc <= TIES_ERR_INTERNAL, "code %d", rc);
	FUZZ_CHECK(err->code == rc, "error code %d but returned %d", err->code, rc);
	size_t n = strnlen(err->msg, sizeof err->msg);
	FUZZ_CHECK(n > 0 && n < sizeof err->msg, "empty or unterminated message");
	FUZZ_CHECK(memchr(err->msg, '\n', n) == NULL, "message spans lines: %s", err->msg);
}

#endif
