/* The lexicon index: a sorted text file (tools/mkindex.c) mapped read-only
 * and binary-searched in place, so start-up costs one mmap. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/extract_int.h"

#ifndef TIES_INDEX
#define TIES_INDEX ""
#endif

struct xlex {
	const char *map;
	size_t len;
};

ties_code ties__xlex_open(const char *path, xlex **out, ties_error *err)
{
	xlex *lx = ties__calloc(1, sizeof *lx);
	if (!lx)
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	if (!path || !*path)
		path = getenv("TIES_INDEX");
	if (!path || !*path)
		path = TIES_INDEX;
	int fd = *path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m != MAP_FAILED) {
			lx->map = m;
			lx->len = (size_t)st.st_size;
		}
	}
	if (fd >= 0)
		close(fd);
	*out = lx;
	return TIES_OK;
}

void ties__xlex_close(xlex *lx)
{
	if (!lx)
		return;
	if (lx->map)
		munmap((void *)lx->map, lx->len);
	ties__free(lx);
}

int ties__xlex_loaded(const xlex *lx)
{
	return lx && lx->map;
}

/* Start of the line containing p. */
static size_t line_start(const xlex *lx, size_t p)
{
	while (p > 0 && lx->map[p - 1] != '\n')
		p--;
	return p;
}

static int cmp_key(const xlex *lx, size_t ls, const char *key, size_t klen)
{
	size_t i = 0;
	for (; i < klen; i++) {
		if (ls + i >= lx->len)
			return -1;
		unsigned char a = (unsigned char)lx->map[ls + i], b = (unsigned char)key[i];
		if (a == '\t' || a == '\n')
			return -1;
		if (a != b)
			return a < b ? -1 : 1;
	}
	if (ls + i < lx->len && lx->map[ls + i] != '\t')
		return 1;
	return 0;
}

static const char *field(const char *p, const char *end, int k, size_t *len)
{
	for (int i = 0; i < k && p < end; i++) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		if (!t)
			return NULL;
		p = t + 1;
	}
	const char *t = memchr(p, '\t', (size_t)(end - p));
	*len = (size_t)((t ? t : end) - p);
	return p;
}

static int parse_rec(const xlex *lx, size_t ls, xlex_rec *r)
{
	const char *p = lx->map + ls, *lim = lx->map + lx->len;
	const char *end = memchr(p, '\n', (size_t)(lim - p));
	if (!end)
		end = lim;
	size_t l;
	const char *f;
	memset(r, 0, sizeof *r);
	if (!(f = field(p, end, 1, &l)) || l < 1)
		return -1;
	r->kind = f[0];
	if (!(f = field(p, end, 2, &l)) || l < 1)
		return -1;
	r->cls = f[0];
	if (!(f = field(p, end, 3, &l)))
		return -1;
	r->flags[0] = l > 0 ? f[0] : '-';
	r->flags[1] = l > 1 ? f[1] : '-';
	if (!(f = field(p, end, 4, &l)))
		return -1;
	r->lat = strtod(f, NULL);
	if (!(f = field(p, end, 5, &l)))
		return -1;
	r->lon = strtod(f, NULL);
	if (!(f = field(p, end, 6, &l)))
		return -1;
	r->display = f;
	r->display_len = l;
	if ((f = field(p, end, 7, &l))) {
		r->syns = f;
		r->syns_len = l;
	}
	return 0;
}

int ties__xlex_each(const xlex *lx, const char *key, size_t klen,
                    int (*fn)(const xlex_rec *r, void *ctx), void *ctx)
{
	if (!lx || !lx->map || klen == 0)
		return 0;
	/* binary search for the first line with this key */
	size_t lo = 0, hi = lx->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t ls = line_start(lx, mid);
		if (cmp_key(lx, ls, key, klen) < 0) {
			const char *nl = memchr(lx->map + mid, '\n', lx->len - mid);
			lo = nl ? (size_t)(nl - lx->map) + 1 : lx->len;
		} else
			hi = ls;
	}
	size_t ls = line_start(lx, lo);
	while (ls < lx->len && cmp_key(lx, ls, key, klen) == 0) {
		xlex_rec r;
		if (parse_rec(lx, ls, &r) == 0) {
			int v = fn(&r, ctx);
			if (v)
				return v;
		}
		const char *nl = memchr(lx->map + ls, '\n', lx->len - ls);
		if (!nl)
			break;
		ls = (size_t)(nl - lx->map) + 1;
	}
	return 0;
}
