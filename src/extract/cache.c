/* A per-extraction memo of lexicon answers (lemmas, name lookups): a text
 * repeats its words, and each answer costs a few binary searches. */
#include <string.h>

#include "extract/extract_int.h"

typedef struct slot {
	char *key; /* tag byte, then the key */
	size_t klen;
	char val[XCACHE_VAL];
} slot;

struct xcache {
	slot *v;
	size_t cap, n;
};

xcache *ties__xcache_new(void)
{
	xcache *c = ties__calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->cap = 4096;
	c->v = ties__calloc(c->cap, sizeof *c->v);
	if (!c->v) {
		ties__free(c);
		return NULL;
	}
	return c;
}

void ties__xcache_free(xcache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		ties__free(c->v[i].key);
	ties__free(c->v);
	ties__free(c);
}

static uint64_t hash(char tag, const char *k, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ (unsigned char)tag;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
	return h;
}

static int grow(xcache *c)
{
	size_t ncap = c->cap * 2;
	slot *nv = ties__calloc(ncap, sizeof *nv);
	if (!nv)
		return -1;
	for (size_t i = 0; i < c->cap; i++) {
		if (!c->v[i].key)
			continue;
		size_t j = (size_t)hash(c->v[i].key[0], c->v[i].key + 1, c->v[i].klen) & (ncap - 1);
		while (nv[j].key)
			j = (j + 1) & (ncap - 1);
		nv[j] = c->v[i];
	}
	ties__free(c->v);
	c->v = nv;
	c->cap = ncap;
	return 0;
}

char *ties__xcache_slot(xcache *c, char tag, const char *key, size_t klen, int *found)
{
	*found = 0;
	if (!c)
		return NULL;
	size_t i = (size_t)hash(tag, key, klen) & (c->cap - 1);
	while (c->v[i].key) {
		slot *s = &c->v[i];
		if (s->klen == klen && s->key[0] == tag && !memcmp(s->key + 1, key, klen)) {
			*found = 1;
			return s->val;
		}
		i = (i + 1) & (c->cap - 1);
	}
	if ((c->n + 1) * 2 > c->cap) {
		if (grow(c))
			return NULL;
		return ties__xcache_slot(c, tag, key, klen, found);
	}
	char *k = ties__malloc(klen + 2);
	if (!k)
		return NULL;
	k[0] = tag;
	memcpy(k + 1, key, klen);
	k[klen + 1] = 0;
	c->v[i].key = k;
	c->v[i].klen = klen;
	memset(c->v[i].val, 0, XCACHE_VAL);
	c->n++;
	return c->v[i].val;
}
