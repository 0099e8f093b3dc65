/* Bump allocator in chained chunks; large requests get a chunk of their own. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#define CHUNK 65536
#define ALIGN 16

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct ties_arena {
	struct chunk *head;
	size_t total;
};

ties_arena *ties__arena_new(void)
{
	return ties__calloc(1, sizeof(ties_arena));
}

void ties__arena_free(ties_arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *n = c->next;
		ties__free(c);
		c = n;
	}
	ties__free(a);
}

void *ties__arena_alloc(ties_arena *a, size_t n)
{
	if (n > SIZE_MAX - 2 * ALIGN - sizeof(struct chunk))
		return NULL;
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t sz = n > CHUNK / 4 ? n : CHUNK;
		struct chunk *nc = ties__malloc(sizeof(struct chunk) + sz);
		if (!nc)
			return NULL;
		nc->used = 0;
		nc->size = sz;
		if (c && n > CHUNK / 4) {
			/* keep the partly used chunk at the head for small requests */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

void *ties__arena_array(ties_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return ties__arena_alloc(a, n * size);
}

char *ties__arena_strndup(ties_arena *a, const char *s, size_t n)
{
	char *d = ties__arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *ties__arena_strdup(ties_arena *a, const char *s)
{
	return ties__arena_strndup(a, s, strlen(s));
}

char *ties__arena_printf(ties_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *d = ties__arena_alloc(a, (size_t)n + 1);
	if (!d)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

size_t ties__arena_used(const ties_arena *a)
{
	return a->total;
}
