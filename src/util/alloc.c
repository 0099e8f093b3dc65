#include <stdlib.h>
#include <string.h>

#include "util.h"

void *ties__malloc(size_t n)
{
	return malloc(n ? n : 1);
}
void *ties__calloc(size_t n, size_t size)
{
	return calloc(n ? n : 1, size ? size : 1);
}
void *ties__realloc(void *p, size_t n)
{
	return realloc(p, n ? n : 1);
}

void *ties__reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return ties__realloc(p, n * size);
}

char *ties__strndup(const char *s, size_t n)
{
	char *d = ties__malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *ties__strdup(const char *s)
{
	return ties__strndup(s, strlen(s));
}
void ties__free(void *p)
{
	free(p);
}

void ties__vec_init(ties_vec *v, size_t item_size)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->size = item_size;
}

void ties__vec_release(ties_vec *v)
{
	ties__free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

void *ties__vec_push(ties_vec *v)
{
	if (v->len == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 16;
		void *nd = ties__reallocarray(v->data, ncap, v->size);
		if (!nd)
			return NULL;
		v->data = nd;
		v->cap = ncap;
	}
	void *slot = (char *)v->data + v->len * v->size;
	memset(slot, 0, v->size);
	v->len++;
	return slot;
}
