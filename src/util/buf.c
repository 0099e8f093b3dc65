#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

void ties_buf_init(ties_buf *b, size_t cap_limit)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->cap_limit = cap_limit;
}

void ties_buf_release(ties_buf *b)
{
	ties__free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void ties_buf_clear(ties_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static ties_code grow(ties_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return TIES_ERR_TOOBIG;
	size_t need = b->len + extra + 1;
	if (b->cap_limit && need > b->cap_limit + 1)
		return TIES_ERR_TOOBIG;
	if (need <= b->cap)
		return TIES_OK;
	size_t ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	char *nd = ties__realloc(b->data, ncap);
	if (!nd)
		return TIES_ERR_NOMEM;
	b->data = nd;
	b->cap = ncap;
	return TIES_OK;
}

ties_code ties_buf_add(ties_buf *b, const void *p, size_t n)
{
	ties_code rc = grow(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return TIES_OK;
}

ties_code ties_buf_adds(ties_buf *b, const char *s)
{
	return ties_buf_add(b, s, strlen(s));
}
ties_code ties_buf_addc(ties_buf *b, char c)
{
	return ties_buf_add(b, &c, 1);
}

ties_code ties_buf_printf(ties_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return TIES_ERR_INTERNAL;
	ties_code rc = grow(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return TIES_OK;
}

char *ties_buf_detach(ties_buf *b, size_t *len)
{
	char *d = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}
