/* Internal helpers shared across stages (prefix ties__).  Not installed. */
#ifndef TIES_UTIL_H
#define TIES_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ties/common.h"

/* One allocation wrapper: returns NULL on failure (callers report
 * TIES_ERR_NOMEM); never aborts, since the library must not exit. */
void *ties__malloc(size_t n);
void *ties__calloc(size_t n, size_t size);
void *ties__realloc(void *p, size_t n);
void *ties__reallocarray(void *p, size_t n, size_t size); /* overflow-checked */
char *ties__strdup(const char *s);
char *ties__strndup(const char *s, size_t n);
void ties__free(void *p);

/* Arena: many small allocations freed at once (one per document). */
typedef struct ties_arena ties_arena;
ties_arena *ties__arena_new(void);
void ties__arena_free(ties_arena *a);
void *ties__arena_alloc(ties_arena *a, size_t n);              /* zeroed, aligned */
void *ties__arena_array(ties_arena *a, size_t n, size_t size); /* overflow-checked */
char *ties__arena_strdup(ties_arena *a, const char *s);
char *ties__arena_strndup(ties_arena *a, const char *s, size_t n);
char *ties__arena_printf(ties_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t ties__arena_used(const ties_arena *a);

/* Growable array of fixed-size items, for building before copying into an
 * arena. */
typedef struct ties_vec {
	void *data;
	size_t len, cap, size;
} ties_vec;
void ties__vec_init(ties_vec *v, size_t item_size);
void ties__vec_release(ties_vec *v);
void *ties__vec_push(ties_vec *v); /* zeroed slot, or NULL */
#define TIES_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* Errors. */
ties_code ties__error(ties_error *err, ties_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* UTF-8. */
/* Returns the length of the valid UTF-8 prefix of s (stops at the first
 * invalid sequence). */
size_t ties__utf8_valid_prefix(const char *s, size_t n);
/* Decodes one code point at s (n bytes left); returns its byte length
 * (>= 1) and stores the code point, or U+FFFD for an invalid byte. */
size_t ties__utf8_decode(const char *s, size_t n, int32_t *cp);
size_t ties__utf8_encode(int32_t cp, char out[4]);

/* Character classes on code points (Unicode-aware via utf8proc). */
int ties__is_letter(int32_t cp);
int ties__is_upper(int32_t cp);
int ties__is_lower(int32_t cp);
int ties__is_digit(int32_t cp);
int ties__is_space(int32_t cp);
int32_t ties__to_lower(int32_t cp);
/* 1 when s has at least two letters and none of them is lowercase: a word
 * set in capitals ("ENLARGE", "MENT"). */
int ties__is_caps_word(const char *s, size_t n);
/* An English month name, capitalised, in full or as its usual
 * abbreviation, a final stop allowed ("March", "Sept."). */
int ties__is_month_name(const char *w, size_t n);
/* The letter c (ASCII) under the spacing accent whose UTF-8 is acc[0..2)
 * ("ˇ" + "c": "č"), as UTF-8 into out; returns its length, or 0 when acc
 * is no such accent or Unicode has no single character for the pair. */
size_t ties__compose_accent(const char acc[2], char c, char out[4]);
/* Lowercases s into an arena/heap string (caller frees with ties__free). */
char *ties__lower_dup(const char *s, size_t n);

/* SHA-256 of a buffer, hex into out[65]. */
void ties__sha256_hex(const void *data, size_t len, char out[65]);

/* JSON writing with full escaping (control characters, quotes, backslash,
 * U+2028/9, and '<' '>' '&' so output is also safe inside HTML). */
ties_code ties__json_str(ties_buf *b, const char *s, size_t n);
ties_code ties__json_cstr(ties_buf *b, const char *s); /* NULL -> null */

/* Reads a whole file with a size cap; path "-" reads stdin. */
ties_code ties__read_all(const char *path, size_t cap, char **data, size_t *len, ties_error *err);

#endif
