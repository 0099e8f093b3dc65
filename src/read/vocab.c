/* Word counts of one document plus a shared, lazily loaded system word list.
 * The word list comes from a Debian dictionary package (wamerican/wbritish);
 * without it, the document alone serves as the dictionary. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read_int.h"

typedef struct wset {
	char **keys;
	unsigned *counts;
	uint32_t *hs; /* the keys' hashes: most probes end without a compare */
	size_t cap, len;
} wset;

struct ties__vocab {
	wset doc;
};

/* Eight bytes at a time: a byte-wise hash's multiply chain was most of
 * the cost of counting a document's words. */
static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
		h ^= h >> 31;
	}
	if (i < n) {
		uint64_t x = 0;
		for (size_t k = 0; i + k < n; k++)
			x |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
		h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
		h ^= h >> 31;
	}
	h *= 0x94D049BB133111EBull;
	return h ^ (h >> 29);
}

static int wset_grow(wset *w)
{
	size_t ncap = w->cap ? w->cap * 2 : 1024;
	char **nk = ties__calloc(ncap, sizeof *nk);
	unsigned *nc = ties__calloc(ncap, sizeof *nc);
	uint32_t *nh = ties__calloc(ncap, sizeof *nh);
	if (!nk || !nc || !nh) {
		ties__free(nk);
		ties__free(nc);
		ties__free(nh);
		return -1;
	}
	for (size_t i = 0; i < w->cap; i++) {
		if (!w->keys[i])
			continue;
		size_t j = w->hs[i] & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = w->keys[i];
		nc[j] = w->counts[i];
		nh[j] = w->hs[i];
	}
	ties__free(w->keys);
	ties__free(w->counts);
	ties__free(w->hs);
	w->keys = nk;
	w->counts = nc;
	w->hs = nh;
	w->cap = ncap;
	return 0;
}

/* The slot of s, or the empty slot where it would go (cap > 0). */
static size_t wset_slot(const wset *w, const char *s, size_t n, uint32_t h)
{
	size_t j = h & (w->cap - 1);
	while (w->keys[j]) {
		if (w->hs[j] == h && strncmp(w->keys[j], s, n) == 0 && w->keys[j][n] == '\0')
			return j;
		j = (j + 1) & (w->cap - 1);
	}
	return j;
}

static size_t wset_find(const wset *w, const char *s, size_t n)
{
	if (!w->cap)
		return (size_t)-1;
	size_t j = wset_slot(w, s, n, (uint32_t)hash(s, n));
	return w->keys[j] ? j : (size_t)-1;
}

static int wset_add(wset *w, const char *s, size_t n)
{
	uint32_t h = (uint32_t)hash(s, n);
	if (w->cap) {
		size_t j = wset_slot(w, s, n, h);
		if (w->keys[j]) {
			w->counts[j]++;
			return 0;
		}
	}
	if ((w->len + 1) * 2 > w->cap && wset_grow(w))
		return -1;
	size_t j = h & (w->cap - 1);
	while (w->keys[j])
		j = (j + 1) & (w->cap - 1);
	w->keys[j] = ties__strndup(s, n);
	if (!w->keys[j])
		return -1;
	w->counts[j] = 1;
	w->hs[j] = h;
	w->len++;
	return 0;
}

static void wset_release(wset *w)
{
	for (size_t i = 0; i < w->cap; i++)
		ties__free(w->keys[i]);
	ties__free(w->keys);
	ties__free(w->counts);
	ties__free(w->hs);
	memset(w, 0, sizeof *w);
}

/* The system dictionary, loaded once per process, on the first look-up.
 * The file is mapped and left as it is: a word is a line's bytes before a
 * line end or a NUL, compared with ASCII letters lowercased.  A document
 * looks up few words, and indexing the whole list cost more than reading
 * most PDFs: words are indexed lazily, one open-addressing table of
 * offsets per first two bytes (lowercased), built from the runs of lines
 * that start with them (a sorted list has a run per pair). */
typedef struct dict_run {
	size_t start, end;
	uint32_t next; /* the bucket's next run + 1, 0 = none */
} dict_run;

typedef struct dict_bucket {
	uint32_t words, size; /* size: a power of two once built */
	uint32_t first, last; /* runs + 1 */
	uint32_t *slots;      /* offset + 1 into buf, 0 = empty */
	int built;
} dict_bucket;

#define DICT_BUCKETS 65536u

static struct {
	const char *buf;
	size_t len;
	int cr, nul;
	dict_run *runs;
	size_t nruns;
	dict_bucket *bucket; /* by the first two bytes */
} dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t dict_lock = PTHREAD_MUTEX_INITIALIZER;

static inline unsigned char fold(unsigned char c)
{
	return (unsigned char)((unsigned)c - 'A' < 26u ? c + 32 : c);
}

static inline int dict_end(unsigned char c)
{
	return c == '\n' || c == '\r' || c == '\0';
}

/* A word's hash: its length and first eight bytes (ASCII lowercased, eight
 * at a time), so indexing reads no byte twice; longer words that share
 * them only probe a little further. */
static uint64_t dict_hash(const char *s, size_t n, const char *end)
{
	uint64_t x = 0;
	size_t k = n < 8 ? n : 8;
	if (k && end - s >= 8) {
		memcpy(&x, s, 8);
		if (k < 8)
			x &= ~0ull >> (64 - 8 * k);
	} else {
		for (size_t i = 0; i < k; i++)
			x |= (uint64_t)(unsigned char)s[i] << (8 * i);
	}
	/* bytes 'A'..'Z' (high bit clear, >= 'A', <= 'Z') get 0x20 */
	uint64_t lo = x & 0x7F7F7F7F7F7F7F7Full;
	uint64_t ge = lo + 0x3F3F3F3F3F3F3F3Full; /* high bit: >= 'A' */
	uint64_t gt = lo + 0x2525252525252525ull; /* high bit: > 'Z' */
	x |= ((ge & ~gt & ~x) & 0x8080808080808080ull) >> 2;
	uint64_t h = x ^ ((uint64_t)n * 0x9E3779B97F4A7C15ull);
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 32);
}

/* The end of the line at p: a newline, or also a carriage return. */
static const char *line_end(const char *p, const char *end)
{
	if (!dict.cr) {
		const char *q = memchr(p, '\n', (size_t)(end - p));
		return q ? q : end;
	}
	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return p;
}

/* The bucket of a word of n bytes at p (n counts to a NUL). */
static unsigned dict_key(const char *p, size_t n)
{
	unsigned k0 = n ? fold((unsigned char)p[0]) : 0;
	unsigned k1 = n > 1 ? fold((unsigned char)p[1]) : 0;
	return k0 << 8 | k1;
}

/* The length of the word of the line [p, e): to a NUL, if any. */
static size_t dict_wlen(const char *p, const char *e)
{
	const char *q = dict.nul ? memchr(p, '\0', (size_t)(e - p)) : NULL;
	return (size_t)((q ? q : e) - p);
}

/* Runs of lines with one bucket, chained per bucket. */
static int dict_scan(void)
{
	const char *p = dict.buf, *end = dict.buf + dict.len;
	size_t cap = 0;
	unsigned prev = DICT_BUCKETS;
	while (p < end) {
		const char *e = line_end(p, end);
		if (e > p) {
			unsigned k = dict_key(p, dict_wlen(p, e < p + 2 ? e : p + 2));
			dict_bucket *bk = &dict.bucket[k];
			if (bk->words == UINT32_MAX)
				return -1;
			bk->words++;
			if (k != prev) {
				if (dict.nruns == cap) {
					size_t ncap = cap ? cap * 2 : 1024;
					dict_run *r = NULL;
					if (ncap < UINT32_MAX)
						r = ties__realloc(dict.runs, ncap * sizeof *r);
					if (!r)
						return -1;
					dict.runs = r;
					cap = ncap;
				}
				dict_run *r = &dict.runs[dict.nruns++];
				r->start = (size_t)(p - dict.buf);
				r->next = 0;
				if (bk->last)
					dict.runs[bk->last - 1].next = (uint32_t)dict.nruns;
				else
					bk->first = (uint32_t)dict.nruns;
				bk->last = (uint32_t)dict.nruns;
				prev = k;
			}
			dict.runs[dict.nruns - 1].end = (size_t)(e - dict.buf);
		}
		p = e + 1;
	}
	return 0;
}

static void dict_load(void)
{
	/* TIES_DICT names the word list, the only one tried: set to an empty
	 * or missing file, there is none */
	const char *env = getenv("TIES_DICT");
	const char *paths[] = {env, env ? NULL : "/usr/share/dict/words",
	                       env ? NULL : "/usr/share/dict/american-english",
	                       env ? NULL : "/usr/share/dict/british-english"};
	for (size_t p = 0; p < sizeof paths / sizeof *paths; p++) {
		if (!paths[p])
			continue;
		const char *data = NULL;
		size_t len = 0;
		int mapped = 0;
		/* a word list over 64 MiB is not a word list */
		int fd = open(paths[p], O_RDONLY | O_CLOEXEC | O_NOCTTY);
		struct stat st;
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			if (st.st_size <= 0 || st.st_size > (64 << 20)) {
				close(fd);
				continue;
			}
			len = (size_t)st.st_size;
			void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
			if (m != MAP_FAILED) {
				data = m;
				mapped = 1;
			}
		}
		if (fd >= 0)
			close(fd);
		if (!mapped) {
			char *d;
			if (ties__read_all(paths[p], 64u << 20, &d, &len, NULL) != TIES_OK)
				continue;
			if (!d)
				continue;
			data = d;
		}
		dict.buf = data;
		dict.len = len;
		dict.cr = memchr(data, '\r', len) != NULL;
		dict.nul = memchr(data, '\0', len) != NULL;
		dict.bucket = ties__calloc(DICT_BUCKETS, sizeof *dict.bucket);
		if (!dict.bucket || dict_scan()) {
			/* out of memory: no dictionary */
			if (mapped)
				munmap((void *)data, len);
			else
				ties__free((void *)data);
			ties__free(dict.runs);
			ties__free(dict.bucket);
			memset(&dict, 0, sizeof dict);
		}
		return;
	}
}

/* Indexes the words of bucket k (under dict_lock). */
static void dict_build(unsigned k)
{
	dict_bucket *bk = &dict.bucket[k];
	bk->built = 1;
	if (!bk->words)
		return;
	size_t n = 16;
	while (n < (size_t)bk->words + bk->words / 2 + 1)
		n *= 2;
	uint32_t *t = ties__calloc(n, sizeof *t);
	if (!t)
		return;
	const char *end = dict.buf + dict.len;
	for (uint32_t r = bk->first; r; r = dict.runs[r - 1].next) {
		const char *p = dict.buf + dict.runs[r - 1].start;
		const char *re = dict.buf + dict.runs[r - 1].end;
		while (p < re) {
			const char *e = line_end(p, end);
			if (e > p) {
				size_t j = dict_hash(p, dict_wlen(p, e), end) & (n - 1);
				while (t[j])
					j = (j + 1) & (n - 1);
				t[j] = (uint32_t)(p - dict.buf) + 1;
			}
			p = e + 1;
		}
	}
	bk->slots = t;
	bk->size = (uint32_t)n;
}

static int dict_has(const char *w, size_t n)
{
	pthread_once(&dict_once, dict_load);
	if (!dict.buf || !n)
		return 0;
	dict_bucket *bk = &dict.bucket[dict_key(w, n)];
	pthread_mutex_lock(&dict_lock);
	if (!bk->built)
		dict_build(dict_key(w, n));
	pthread_mutex_unlock(&dict_lock);
	size_t size = bk->size;
	if (!size)
		return 0;
	const uint32_t *t = bk->slots;
	const unsigned char *b = (const unsigned char *)dict.buf;
	size_t j = dict_hash(w, n, w + n) & (size - 1);
	while (t[j]) {
		size_t off = t[j] - 1, k = 0;
		while (k < n && off + k < dict.len && !dict_end(b[off + k]) &&
		       fold(b[off + k]) == (unsigned char)w[k])
			k++;
		if (k == n && (off + n >= dict.len || dict_end(b[off + n])))
			return 1;
		j = (j + 1) & (size - 1);
	}
	return 0;
}

ties__vocab *ties__vocab_new(void)
{
	return ties__calloc(1, sizeof(ties__vocab));
}

void ties__vocab_free(ties__vocab *v)
{
	if (!v)
		return;
	wset_release(&v->doc);
	ties__free(v);
}

/* Adds a word lowercased; ASCII words (most) need no allocation. */
static int add_lower(ties__vocab *v, const char *s, size_t n)
{
	char small[64];
	if (n < sizeof small) {
		size_t k = 0;
		for (; k < n; k++) {
			unsigned char c = (unsigned char)s[k];
			if (c >= 0x80)
				break;
			small[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		if (k == n)
			return wset_add(&v->doc, small, n);
	}
	char *lw = ties__lower_dup(s, n);
	if (!lw)
		return -1;
	int r = wset_add(&v->doc, lw, strlen(lw));
	ties__free(lw);
	return r;
}

/* One character: ASCII without a call. */
static inline size_t next_cp(const char *t, size_t len, int32_t *cp)
{
	if ((unsigned char)*t < 0x80) {
		*cp = (unsigned char)*t;
		return 1;
	}
	return ties__utf8_decode(t, len, cp);
}

static inline int letter(int32_t cp)
{
	if (cp < 0x80)
		return (unsigned)(cp | 32) - 'a' < 26u;
	return ties__is_letter(cp);
}

/* A word: letters, digits and inner apostrophes; hyphens split words so
 * that the parts of "well-known" count too. */
ties_code ties__vocab_add_text(ties__vocab *v, const char *t, size_t len)
{
	size_t i = 0;
	while (i < len) {
		int32_t cp;
		size_t k = next_cp(t + i, len - i, &cp);
		if (!letter(cp)) {
			i += k;
			continue;
		}
		size_t s = i;
		while (i < len) {
			k = next_cp(t + i, len - i, &cp);
			if (!letter(cp))
				break;
			i += k;
		}
		if (add_lower(v, t + s, i - s))
			return TIES_ERR_NOMEM;
		/* hyphenated compounds are also counted whole */
		if (i < len && t[i] == '-') {
			size_t e = i + 1;
			while (e < len) {
				k = next_cp(t + e, len - e, &cp);
				if (!(letter(cp) || (cp == '-' && e + 1 < len)))
					break;
				e += k;
			}
			if (e > i + 1 && t[e - 1] != '-' && add_lower(v, t + s, e - s))
				return TIES_ERR_NOMEM;
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
