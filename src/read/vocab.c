/* Word counts of one document plus a shared, lazily loaded system word list.
 * The word list comes from a Debian dictionary package (wamerican/wbritish);
 * without it, the document alone serves as the dictionary. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_int.h"

typedef struct wset {
	char **keys;
	unsigned *counts;
	size_t cap, len;
} wset;

struct ties__vocab {
	wset doc;
};

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int wset_grow(wset *w)
{
	size_t ncap = w->cap ? w->cap * 2 : 1024;
	char **nk = ties__calloc(ncap, sizeof *nk);
	unsigned *nc = ties__calloc(ncap, sizeof *nc);
	if (!nk || !nc) {
		ties__free(nk);
		ties__free(nc);
		return -1;
	}
	for (size_t i = 0; i < w->cap; i++) {
		if (!w->keys[i])
			continue;
		size_t j = hash(w->keys[i], strlen(w->keys[i])) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = w->keys[i];
		nc[j] = w->counts[i];
	}
	ties__free(w->keys);
	ties__free(w->counts);
	w->keys = nk;
	w->counts = nc;
	w->cap = ncap;
	return 0;
}

static size_t wset_find(const wset *w, const char *s, size_t n)
{
	if (!w->cap)
		return (size_t)-1;
	size_t j = hash(s, n) & (w->cap - 1);
	while (w->keys[j]) {
		if (strncmp(w->keys[j], s, n) == 0 && w->keys[j][n] == '\0')
			return j;
		j = (j + 1) & (w->cap - 1);
	}
	return (size_t)-1;
}

static int wset_add(wset *w, const char *s, size_t n)
{
	size_t j = wset_find(w, s, n);
	if (j != (size_t)-1) {
		w->counts[j]++;
		return 0;
	}
	if ((w->len + 1) * 2 > w->cap && wset_grow(w))
		return -1;
	j = hash(s, n) & (w->cap - 1);
	while (w->keys[j])
		j = (j + 1) & (w->cap - 1);
	w->keys[j] = ties__strndup(s, n);
	if (!w->keys[j])
		return -1;
	w->counts[j] = 1;
	w->len++;
	return 0;
}

static void wset_release(wset *w)
{
	for (size_t i = 0; i < w->cap; i++)
		ties__free(w->keys[i]);
	ties__free(w->keys);
	ties__free(w->counts);
	memset(w, 0, sizeof *w);
}

/* The system dictionary, loaded once per process: the file is read into
 * one buffer, lowercased in place, and indexed by an open-addressing table
 * of offsets, so loading costs one read and no allocation per word. */
static struct {
	char *buf;
	uint32_t *slots; /* offset + 1 into buf, 0 = empty */
	size_t nslots;
} dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

static void dict_index(size_t len)
{
	size_t words = 0;
	for (size_t i = 0; i < len; i++)
		words += dict.buf[i] == '\n';
	size_t n = 1024;
	while (n < (words + 1) * 2)
		n *= 2;
	dict.slots = ties__calloc(n, sizeof *dict.slots);
	if (!dict.slots)
		return;
	dict.nslots = n;
	size_t i = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && dict.buf[e] != '\n' && dict.buf[e] != '\r')
			e++;
		size_t next = e;
		while (next < len && (dict.buf[next] == '\n' || dict.buf[next] == '\r'))
			next++;
		dict.buf[e] = '\0';
		if (e > i) {
			for (size_t k = i; k < e; k++) /* ASCII lowercase; others are kept as they are */
				if (dict.buf[k] >= 'A' && dict.buf[k] <= 'Z')
					dict.buf[k] = (char)(dict.buf[k] + 32);
			size_t j = hash(dict.buf + i, e - i) & (n - 1);
			while (dict.slots[j] && strcmp(dict.buf + dict.slots[j] - 1, dict.buf + i) != 0)
				j = (j + 1) & (n - 1);
			if (!dict.slots[j])
				dict.slots[j] = (uint32_t)i + 1;
		}
		i = next;
	}
}

static void dict_load(void)
{
	const char *paths[] = {getenv("TIES_DICT"), "/usr/share/dict/words",
	                       "/usr/share/dict/american-english", "/usr/share/dict/british-english"};
	for (size_t p = 0; p < sizeof paths / sizeof *paths; p++) {
		if (!paths[p])
			continue;
		char *data;
		size_t len;
		/* a word list over 64 MiB is not a word list */
		if (ties__read_all(paths[p], 64u << 20, &data, &len, NULL) != TIES_OK)
			continue;
		if (!data || len >= UINT32_MAX) {
			ties__free(data);
			continue;
		}
		dict.buf = ties__realloc(data, len + 1);
		if (!dict.buf) {
			ties__free(data);
			return;
		}
		dict.buf[len] = '\0';
		dict_index(len);
		return;
	}
}

static int dict_has(const char *w, size_t n)
{
	if (!dict.nslots)
		return 0;
	size_t j = hash(w, n) & (dict.nslots - 1);
	while (dict.slots[j]) {
		const char *k = dict.buf + dict.slots[j] - 1;
		if (strncmp(k, w, n) == 0 && k[n] == '\0')
			return 1;
		j = (j + 1) & (dict.nslots - 1);
	}
	return 0;
}

ties__vocab *ties__vocab_new(void)
{
	pthread_once(&dict_once, dict_load);
	return ties__calloc(1, sizeof(ties__vocab));
}

void ties__vocab_free(ties__vocab *v)
{
	if (!v)
		return;
	wset_release(&v->doc);
	ties__free(v);
}

/* A word: letters, digits and inner apostrophes; hyphens split words so
 * that the parts of "well-known" count too. */
ties_code ties__vocab_add_text(ties__vocab *v, const char *t, size_t len)
{
	size_t i = 0;
	while (i < len) {
		int32_t cp;
		size_t k = ties__utf8_decode(t + i, len - i, &cp);
		if (!ties__is_letter(cp)) {
			i += k;
			continue;
		}
		size_t s = i;
		while (i < len) {
			k = ties__utf8_decode(t + i, len - i, &cp);
			if (!ties__is_letter(cp))
				break;
			i += k;
		}
		char *lw = ties__lower_dup(t + s, i - s);
		if (!lw || wset_add(&v->doc, lw, strlen(lw))) {
			ties__free(lw);
			return TIES_ERR_NOMEM;
		}
		/* hyphenated compounds are also counted whole */
		ties__free(lw);
		if (i < len && t[i] == '-') {
			size_t e = i + 1;
			while (e < len) {
				k = ties__utf8_decode(t + e, len - e, &cp);
				if (!(ties__is_letter(cp) || (cp == '-' && e + 1 < len)))
					break;
				e += k;
			}
			if (e > i + 1 && t[e - 1] != '-') {
				lw = ties__lower_dup(t + s, e - s);
				if (!lw || wset_add(&v->doc, lw, strlen(lw))) {
					ties__free(lw);
					return TIES_ERR_NOMEM;
				}
				ties__free(lw);
			}
		}
	}
	return TIES_OK;
}

unsigned ties__vocab_doc_count(const ties__vocab *v, const char *w, size_t n)
{
	char *lw = ties__lower_dup(w, n);
	if (!lw)
		return 0;
	size_t j = wset_find(&v->doc, lw, strlen(lw));
	ties__free(lw);
	return j == (size_t)-1 ? 0 : v->doc.counts[j];
}

int ties__vocab_in_dict(const ties__vocab *v, const char *w, size_t n)
{
	(void)v;
	char small[64];
	if (n < sizeof small) {
		/* the common case without allocation: ASCII words */
		size_t k = 0;
		for (; k < n; k++) {
			unsigned char c = (unsigned char)w[k];
			if (c >= 0x80)
				break;
			small[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		if (k == n)
			return dict_has(small, n);
	}
	char *lw = ties__lower_dup(w, n);
	if (!lw)
		return 0;
	int r = dict_has(lw, strlen(lw));
	ties__free(lw);
	return r;
}
