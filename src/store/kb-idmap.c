/* A small int64 -> size_t hash map (open addressing, linear probing) for
 * graph traversals and graph building. */
#include <string.h>

#include "store_int.h"

static size_t slot(int64_t k, size_t cap)
{
	uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15ull;
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static int grow(ties__idmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	int64_t *keys = ties__reallocarray(NULL, cap, sizeof *keys);
	size_t *vals = ties__reallocarray(NULL, cap, sizeof *vals);
	if (!keys || !vals) {
		ties__free(keys);
		ties__free(vals);
		return -1;
	}
	/* 0 marks a free slot: ids are row ids, never 0 */
	memset(keys, 0, cap * sizeof *keys);
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i]) {
			size_t j = slot(m->keys[i], cap);
			while (keys[j])
				j = (j + 1) & (cap - 1);
			keys[j] = m->keys[i];
			vals[j] = m->vals[i];
		}
	ties__free(m->keys);
	ties__free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return 0;
}

int ties__idmap_put(ties__idmap *m, int64_t k, size_t v)
{
	if (k == 0)
		return -1;
	if ((m->len + 1) * 2 > m->cap && grow(m))
		return -1;
	size_t j = slot(k, m->cap);
	while (m->keys[j] && m->keys[j] != k)
		j = (j + 1) & (m->cap - 1);
	if (!m->keys[j])
		m->len++;
	m->keys[j] = k;
	m->vals[j] = v;
	return 0;
}

size_t *ties__idmap_get(const ties__idmap *m, int64_t k)
{
	if (!m->cap || k == 0)
		return NULL;
	size_t j = slot(k, m->cap);
	while (m->keys[j]) {
		if (m->keys[j] == k)
			return &m->vals[j];
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

void ties__idmap_release(ties__idmap *m)
{
	ties__free(m->keys);
	ties__free(m->vals);
	memset(m, 0, sizeof *m);
}
