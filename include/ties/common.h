/* ties: common types shared by every stage.
 *
 * Ownership: functions that return a pointer through an out-parameter hand
 * the caller ownership; free it with the matching _free.  A ties_buf passed
 * in is appended to, never replaced.  The library never prints and never
 * exits: every failure is a ties_code plus a message in a ties_error.
 */
#ifndef TIES_COMMON_H
#define TIES_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One error enum for the whole library.  The CLI uses the value as its exit
 * status, so values are stable and distinct. */
typedef enum ties_code {
	TIES_OK = 0,
	TIES_ERR_USAGE = 2,      /* bad arguments or options */
	TIES_ERR_NOMEM = 3,      /* allocation failed */
	TIES_ERR_IO = 4,         /* unreadable or unwritable file */
	TIES_ERR_NOTFOUND = 5,   /* no such file */
	TIES_ERR_ISDIR = 6,      /* a directory where a file was expected */
	TIES_ERR_EMPTY = 7,      /* input has no text */
	TIES_ERR_BINARY = 8,     /* NUL bytes or other binary content */
	TIES_ERR_ENCODING = 9,   /* invalid UTF-8, or UTF-16/32 */
	TIES_ERR_TOOBIG = 10,    /* input or line larger than the limit */
	TIES_ERR_LIMIT = 11,     /* another resource limit was hit */
	TIES_ERR_PDF = 12,       /* corrupt, truncated or unsupported PDF */
	TIES_ERR_ENCRYPTED = 13, /* encrypted PDF */
	TIES_ERR_NOTEXT = 14,    /* PDF without a text layer (scanned) */
	TIES_ERR_DB = 15,        /* knowledge base error */
	TIES_ERR_SCHEMA = 16,    /* knowledge base from another schema version */
	TIES_ERR_NOENTITY = 17,  /* no entity by that name */
	TIES_ERR_AMBIGUOUS = 18, /* a name that matches several entities */
	TIES_ERR_FORMAT = 19,    /* malformed data or rules file */
	TIES_ERR_READONLY = 20,  /* read-only database or output */
	TIES_ERR_FULL = 21,      /* disk full or file size limit */
	TIES_ERR_INTERNAL = 70
} ties_code;

/* Filled by a failing call: a lowercase message naming the subject. */
typedef struct ties_error {
	ties_code code;
	char msg[512];
} ties_error;

/* Short stable name of a code, e.g. "encoding". */
const char *ties_code_name(ties_code code);

/* Growable byte buffer.  cap_limit (0 = none) bounds its size: an append
 * that would pass it fails with TIES_ERR_TOOBIG and leaves the buffer as it
 * was.  Always NUL-terminated once anything was appended. */
typedef struct ties_buf {
	char *data;
	size_t len;
	size_t cap;
	size_t cap_limit;
} ties_buf;

void ties_buf_init(ties_buf *b, size_t cap_limit);
void ties_buf_release(ties_buf *b); /* frees data, keeps the struct usable */
void ties_buf_clear(ties_buf *b);   /* len = 0, keeps memory */
ties_code ties_buf_add(ties_buf *b, const void *p, size_t n);
ties_code ties_buf_adds(ties_buf *b, const char *s);
ties_code ties_buf_addc(ties_buf *b, char c);
ties_code ties_buf_printf(ties_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data over (NUL-terminated, possibly NULL if empty); b is reset. */
char *ties_buf_detach(ties_buf *b, size_t *len);

/* Library version string. */
const char *ties_version(void);

#ifdef __cplusplus
}
#endif
#endif
