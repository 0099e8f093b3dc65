/* Language evidence for "line b continues line a": sentence ends and
 * capitals, line-end hyphens the document or the dictionary can close, and
 * word-pair statistics learned from the document itself (pairs inside lines,
 * which the extraction did not disturb). */
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "repair.h"

/* Open-addressing table of 64-bit word (or word-pair) hashes to counts. */
typedef struct htab {
	uint64_t *keys;
	uint32_t *counts;
	size_t cap, len;
} htab;

static pthread_once_t bg_once = PTHREAD_ONCE_INIT;
static void bg_load(void);

struct ties__lm {
	htab uni, bi;
	/* how a word appears inside a sentence (after a word on the same line):
	 * capitalised (a name) or in lowercase (a common word) */
	htab midcap, midlow;
	double total; /* word tokens */
	const ties__vocab *vocab;
};

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h | 1; /* 0 marks an empty slot */
}

static int ht_grow(htab *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 4096;
	uint64_t *nk = ties__calloc(ncap, sizeof *nk);
	uint32_t *nc = ties__calloc(ncap, sizeof *nc);
	if (!nk || !nc) {
		ties__free(nk);
		ties__free(nc);
		return -1;
	}
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->keys[i])
			continue;
		size_t j = t->keys[i] & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = t->keys[i];
		nc[j] = t->counts[i];
	}
	ties__free(t->keys);
	ties__free(t->counts);
	t->keys = nk;
	t->counts = nc;
	t->cap = ncap;
	return 0;
}

static int ht_add(htab *t, uint64_t k)
{
	if ((t->len + 1) * 2 > t->cap && ht_grow(t))
		return -1;
	size_t j = k & (t->cap - 1);
	while (t->keys[j] && t->keys[j] != k)
		j = (j + 1) & (t->cap - 1);
	if (!t->keys[j]) {
		t->keys[j] = k;
		t->len++;
	}
	if (t->counts[j] < UINT32_MAX)
		t->counts[j]++;
	return 0;
}

static unsigned ht_get(const htab *t, uint64_t k)
{
	if (!t->cap)
		return 0;
	size_t j = k & (t->cap - 1);
	while (t->keys[j]) {
		if (t->keys[j] == k)
			return t->counts[j];
		j = (j + 1) & (t->cap - 1);
	}
	return 0;
}

/* Hash of a word, lowercased, letters and digits only.  A number stands
 * for its class (four digits, a year; or any other), so that "in 2019"
 * tells about "in 2021". */
static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i = 0, digits = 0, letters = 0;
	while (i < n) {
		int32_t cp;
		int digit, letter;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			/* ASCII, the bulk of the background corpus: no table lookups */
			i++;
			cp = c >= 'A' && c <= 'Z' ? c | 32 : c;
			digit = c >= '0' && c <= '9';
			letter = cp >= 'a' && cp <= 'z';
		} else {
			i += ties__utf8_decode(s + i, n - i, &cp);
			digit = ties__is_digit(cp);
			letter = !digit && ties__is_letter(cp);
			cp = ties__to_lower(cp);
		}
		if (digit)
			digits++;
		else if (letter)
			letters++;
		else
			continue;
		h ^= (uint64_t)cp;
		h *= 1099511628211ull;
	}
	if (digits && !letters)
		return mix(0x6E756D626572ull + (digits == 4));
	return mix(h);
}

static uint64_t pair_hash(uint64_t a, uint64_t b)
{
	return mix(a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull));
}

/* Next blank-separated word in [*i, n); returns 0 at the end. */
static int next_word(const char *s, size_t n, size_t *i, size_t *ws, size_t *wl)
{
	size_t p = *i;
	while (p < n && s[p] == ' ')
		p++;
	if (p >= n)
		return 0;
	size_t e = p;
	while (e < n && s[e] != ' ')
		e++;
	*ws = p;
	*wl = e - p;
	*i = e;
	return 1;
}

/* A word's core: its first run of letters and digits (with inner
 * apostrophes), so "peace—signing" gives "peace" and "(NRF)." gives
 * "NRF".  last != 0: the last run instead. */
static int is_wordc(int32_t cp)
{
	return ties__is_letter(cp) || ties__is_digit(cp);
}

static void core_at(const char *s, size_t n, int last, size_t *cs, size_t *cl)
{
	size_t i = 0, bs = 0, bl = 0;
	while (i < n) {
		int32_t cp;
		size_t k = ties__utf8_decode(s + i, n - i, &cp);
		if (!is_wordc(cp)) {
			i += k;
			continue;
		}
		size_t b = i;
		while (i < n) {
			k = ties__utf8_decode(s + i, n - i, &cp);
			if (is_wordc(cp)) {
				i += k;
				continue;
			}
			/* an apostrophe between letters stays inside */
			if ((cp == '\'' || cp == 0x2019) && i + k < n) {
				int32_t nx;
				ties__utf8_decode(s + i + k, n - i - k, &nx);
				if (is_wordc(nx)) {
					i += k;
					continue;
				}
			}
			break;
		}
		bs = b;
		bl = i - b;
		if (!last)
			break;
	}
	*cs = bs;
	*cl = bl;
}

static void core(const char *s, size_t n, size_t *cs, size_t *cl)
{
	core_at(s, n, 0, cs, cl);
}

ties__lm *ties__lm_new(const ties__line *lines, size_t n, const ties__vocab *vocab)
{
	ties__lm *lm = ties__calloc(1, sizeof *lm);
	if (!lm)
		return NULL;
	lm->vocab = vocab;
	pthread_once(&bg_once, bg_load);
	for (size_t li = 0; li < n; li++) {
		const char *s = lines[li].text;
		size_t len = lines[li].len, i = 0, ws, wl;
		uint64_t prev = 0;
		while (next_word(s, len, &i, &ws, &wl)) {
			size_t cs, cl;
			core(s + ws, wl, &cs, &cl);
			if (!cl) {
				prev = 0;
				continue;
			}
			uint64_t h = word_hash(s + ws + cs, cl);
			if (ht_add(&lm->uni, h))
				goto fail;
			if (prev) {
				int32_t c0;
				ties__utf8_decode(s + ws + cs, cl, &c0);
				if (ties__is_upper(c0)   ? ht_add(&lm->midcap, h)
				    : ties__is_lower(c0) ? ht_add(&lm->midlow, h)
				                         : 0)
					goto fail;
			}
			lm->total += 1;
			if (prev && ht_add(&lm->bi, pair_hash(prev, h)))
				goto fail;
			/* a sentence end after the word ends the pair chain */
			prev = ties__ends_sentence(s + ws, wl) ? 0 : h;
		}
	}
	return lm;
fail:
	ties__lm_free(lm);
	return NULL;
}

void ties__lm_free(ties__lm *lm)
{
	if (!lm)
		return;
	ties__free(lm->uni.keys);
	ties__free(lm->uni.counts);
	ties__free(lm->bi.keys);
	ties__free(lm->bi.counts);
	ties__free(lm->midcap.keys);
	ties__free(lm->midcap.counts);
	ties__free(lm->midlow.keys);
	ties__free(lm->midlow.counts);

	ties__free(lm);
}

/* ---- line ends ---- */

static size_t prev_cp(const char *s, size_t i, int32_t *cp)
{
	size_t k = 1;
	while (k < i && k < 4 && ((unsigned char)s[i - k] & 0xC0) == 0x80)
		k++;
	ties__utf8_decode(s + i - k, k, cp);
	return k;
}

/* The word before a stop at s[n] is a title or an initial ("Mr.", "Dr.",
 * "J."), which a name follows: the stop does not end the sentence. */
static int is_abbrev(const char *s, size_t n)
{
	static const char *const titles[] = {"Mr",  "Mrs", "Ms",   "Dr",  "Prof",  "Gen", "Col",
	                                     "Lt",  "Maj", "Capt", "Sgt", "Gov",   "Sen", "Rep",
	                                     "Rev", "Hon", "St",   "Mt",  "Messrs"};
	size_t b = n;
	while (b && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != '"')
		b--;
	size_t wl = n - b;
	if (wl == 1 && s[b] >= 'A' && s[b] <= 'Z')
		return 1;
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		if (strlen(titles[i]) == wl && !memcmp(titles[i], s + b, wl))
			return 1;
	return 0;
}

int ties__ends_dotted(const char *s, size_t n)
{
	while (n && s[n - 1] != '.')
		n--;
	size_t w = n ? n - 1 : 0;
	while (w && s[w - 1] != ' ') {
		if (s[w - 1] == '.')
			return 1;
		w--;
	}
	return 0;
}

/* The number that ends s[0..n) is a decimal's whole part: digits, but
 * not four alone (a year). */
static int decimal_before(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && s[n - d - 1] >= '0' && s[n - d - 1] <= '9')
		d++;
	if (!d)
		return 0;
	int alone = d == n || s[n - d - 1] == ' ' || s[n - d - 1] == '(';
	return !(d == 4 && alone);
}

int ties__ends_sentence(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	/* closing quotes/brackets and a footnote number may follow the stop */
	for (;;) {
		if (!n)
			return 0;
		int32_t cp;
		size_t k = prev_cp(s, n, &cp);
		if (cp == '"' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
		    cp == '\'' || (cp >= '0' && cp <= '9' && n > 1)) {
			if (cp >= '0' && cp <= '9') {
				/* "speech.3": digits only count after a stop */
				size_t m = n;
				while (m && s[m - 1] >= '0' && s[m - 1] <= '9')
					m--;
				if (!m || !(s[m - 1] == '.' || s[m - 1] == '?' || s[m - 1] == '!'))
					return 0;
				/* "$1.8", "2.0": a decimal, not a stop; a year
				 * takes a note ("in 2021.2") */
				if (s[m - 1] == '.' && decimal_before(s, m - 1))
					return 0;
				n = m;
				continue;
			}
			n -= k;
			continue;
		}
		if (cp == '.' && is_abbrev(s, n - 1))
			return 0;
		return cp == '.' || cp == '!' || cp == '?';
	}
}

int ties__ends_block(const char *s, size_t n)
{
	if (ties__ends_sentence(s, n))
		return 1;
	while (n && s[n - 1] == ' ')
		n--;
	return n && s[n - 1] == ':';
}

int ties__ends_hyphen(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (n < 2 || s[n - 1] != '-')
		return 0;
	int32_t cp;
	prev_cp(s, n - 1, &cp);
	return ties__is_letter(cp);
}

static int32_t first_cp(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	int32_t cp = 0;
	if (i < n)
		ties__utf8_decode(s + i, n - i, &cp);
	return cp;
}

int ties__starts_upper(const char *s, size_t n)
{
	return ties__is_upper(first_cp(s, n));
}
int ties__starts_lower(const char *s, size_t n)
{
	return ties__is_lower(first_cp(s, n));
}

size_t ties__rp_words(const char *s, size_t n)
{
	size_t i = 0, ws, wl, c = 0;
	while (next_word(s, n, &i, &ws, &wl))
		c++;
	return c;
}

size_t ties__line_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' && i > 0 && s[i - 1] == ' ')
			continue;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	}
	return w;
}

/* Last and first words of lines. */
static int last_word(const char *s, size_t n, size_t *ws, size_t *wl)
{
	while (n && s[n - 1] == ' ')
		n--;
	size_t e = n;
	while (n && s[n - 1] != ' ')
		n--;
	*ws = n;
	*wl = e - n;
	return e > n;
}

static int first_word(const char *s, size_t n, size_t *ws, size_t *wl)
{
	size_t i = 0;
	return next_word(s, n, &i, ws, wl);
}

/* Words of s[0..n), up to max. */
static size_t count_words(const char *s, size_t n, size_t max)
{
	size_t i = 0, ws, wl, k = 0;
	while (k < max && next_word(s, n, &i, &ws, &wl))
		k++;
	return k;
}

/* ---- background English: word pairs of the WordNet glosses ----
 *
 * The glosses and their example sentences (Debian package wordnet-base)
 * are some ten megabytes of ordinary English; their word and word-pair
 * counts go into fixed-size open-addressing tables that keep a 32-bit
 * fingerprint of each key, so that two words never share a count (a
 * shared count would fake evidence for rare pairs), loaded once per
 * process on first use. */
#define BG_UNI_BITS 19 /* about 390,000 words */
#define BG_BI_BITS 21  /* about 1,570,000 word pairs */
/* A slot: the key's fingerprint and its count side by side, so a probe
 * touches one cache line. */
typedef struct bgslot {
	uint32_t fp;
	uint32_t count;
} bgslot;
typedef struct bgtab {
	bgslot *slot;
	unsigned bits;
	size_t len;
} bgtab;
static bgtab bg_uni = {NULL, BG_UNI_BITS, 0}, bg_bi = {NULL, BG_BI_BITS, 0};
static double bg_total;

/* The slot where key h's probe starts. */
static size_t bg_home(const bgtab *t, uint64_t h)
{
	return (size_t)h & (((size_t)1 << t->bits) - 1);
}

static uint32_t bg_fp(uint64_t h)
{
	return (uint32_t)(h >> 32) | 1u; /* 0 marks an empty slot */
}

/* Key h's slot, taken if new; NULL when the table is full (it then stops
 * learning new keys, so probes stay short). */
static bgslot *bg_slot(bgtab *t, uint64_t h)
{
	size_t mask = ((size_t)1 << t->bits) - 1, j = bg_home(t, h);
	uint32_t f = bg_fp(h);
	while (t->slot[j].fp && t->slot[j].fp != f)
		j = (j + 1) & mask;
	if (!t->slot[j].fp) {
		if ((t->len + 1) * 4 > (mask + 1) * 3)
			return NULL;
		t->slot[j].fp = f;
		t->len++;
	}
	return &t->slot[j];
}

static void bg_count(bgtab *t, uint64_t h)
{
	bgslot *sl = bg_slot(t, h);
	if (sl && sl->count < UINT32_MAX)
		sl->count++;
}

static unsigned bg_get(const bgtab *t, uint64_t h)
{
	if (!t->slot)
		return 0;
	size_t mask = ((size_t)1 << t->bits) - 1, j = bg_home(t, h);
	uint32_t f = bg_fp(h);
	while (t->slot[j].fp) {
		if (t->slot[j].fp == f)
			return t->slot[j].count;
		j = (j + 1) & mask;
	}
	return 0;
}

/* Keys wait in small batches, their slots fetched into the cache as they
 * come, and are counted a batch at a time: the tables are far larger than
 * the cache, and counting one key at a time waits on memory for each. */
#define BG_BATCH 64
typedef struct bgqueue {
	bgtab *t;
	uint64_t key[BG_BATCH];
	size_t n;
} bgqueue;
static bgqueue bgq_uni = {&bg_uni, {0}, 0}, bgq_bi = {&bg_bi, {0}, 0};

static void bg_flush(bgqueue *q)
{
	for (size_t k = 0; k < q->n; k++)
		bg_count(q->t, q->key[k]);
	q->n = 0;
}

static void bg_queue(bgqueue *q, uint64_t h)
{
	__builtin_prefetch(&q->t->slot[bg_home(q->t, h)], 1);
	q->key[q->n++] = h;
	if (q->n == BG_BATCH)
		bg_flush(q);
}

/* Counts the words and word pairs of s[0..n).  *carry is the last word of
 * the text before, where s goes on from it (a wrapped line), or 0; it is
 * set to the last word of s where s ends on a word. */
static void bg_text(const char *s, size_t n, uint64_t *carry)
{
	size_t i = 0;
	uint64_t prev = *carry;
	*carry = 0;
	while (i < n) {
		while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
			i++;
		size_t b = i;
		while (i < n && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || s[i] == '\''))
			i++;
		if (i == b)
			break;
		uint64_t h = word_hash(s + b, i - b);
		bg_queue(&bgq_uni, h);
		bg_total += 1;
		if (prev)
			bg_queue(&bgq_bi, pair_hash(prev, h));
		/* a pair ends at punctuation */
		prev = (i < n && s[i] == ' ') ? h : 0;
		if (i == n)
			*carry = h;
	}
}

static int bg_alloc(bgtab *t)
{
	t->slot = ties__calloc((size_t)1 << t->bits, sizeof *t->slot);
	return t->slot ? 0 : -1;
}

/* Where the background's sources are: WordNet's files and the dictd
 * dictionaries (TIES_WORDNET and TIES_DICTD override). */
static const char *wordnet_dir(void)
{
	const char *d = getenv("TIES_WORDNET");
	return d ? d : "/usr/share/wordnet";
}

static const char *dictd_dir(void)
{
	const char *d = getenv("TIES_DICTD");
	return d ? d : "/usr/share/dictd";
}

/* dir/fmt(name) into path; 0, or -1 when it does not fit. */
static int src_path(char path[4096], const char *dir, const char *fmt, const char *name)
{
	char file[64];
	if (snprintf(file, sizeof file, fmt, name) >= (int)sizeof file)
		return -1;
	return snprintf(path, 4096, "%s/%s", dir, file) < 4096 ? 0 : -1;
}

/* The definitions and quotations of the GNU Collaborative International
 * Dictionary of English (package dict-gcide, about 5 million words): a
 * background three times the size of the WordNet glosses, much of it
 * older expository prose.  Entries are wrapped lines indented under their
 * headword; pronunciations (between backslashes) and etymologies and
 * sources (in brackets) are left out.  Read with zlib: dictzip output is
 * gzip. */
static void bg_dict(void)
{
	char path[4096];
	if (src_path(path, dictd_dir(), "%s", "gcide.dict.dz"))
		return;
	gzFile gz = gzopen(path, "rb");
	if (!gz)
		return;
	gzbuffer(gz, 1 << 17);
	static char line[1 << 14];
	uint64_t carry = 0;
	int cont = 0; /* the last piece ended without a newline: a long line goes on */
	while (gzgets(gz, line, sizeof line)) {
		size_t n = strlen(line);
		int nl = n && line[n - 1] == '\n';
		if (!cont && line[0] != ' ' && line[0] != '\t')
			carry = 0;
		int skip = 0;
		for (size_t i = 0; i < n; i++) {
			char c = line[i];
			if (c == '\\')
				skip ^= 1;
			else if (c == '[')
				skip |= 2;
			if (skip)
				line[i] = ';';
			if (c == ']')
				skip &= ~2;
		}
		bg_text(line, n - (size_t)nl, &carry);
		cont = !nl;
	}
	gzclose(gz);
}

/* ---- word classes: WordNet's lemmas and irregular forms by part of
 * speech, so that a determiner before a word that can only be a verb
 * ("the" + "cooperated") tells against a join ---- */
#define POS_N 1u /* noun */
#define POS_V 2u /* verb */
#define POS_A 4u /* adjective or adverb */
/* a hyphenated compound ("second-guess", "self-styled"), keyed as its
 * letters run together (word_hash skips the hyphen) */
#define POS_HYPH 8u
static bgtab bg_pos = {NULL, 18, 0};

/* The part-of-speech files of WordNet: "data.noun" and "noun.exc", ... */
static const struct {
	const char *name;
	unsigned bits;
} pos_files[4] = {{"noun", POS_N}, {"verb", POS_V}, {"adj", POS_A}, {"adv", POS_A}};

static void pos_mark(const char *w, size_t n, unsigned bits)
{
	bgslot *sl = bg_slot(&bg_pos, word_hash(w, n));
	if (sl)
		sl->count |= bits;
}

/* The words of one line of a WordNet data file (offset, lexicographer
 * file, type, word count in hex, then each word and its lexical id). */
static void pos_synset(const char *line, unsigned bits)
{
	const char *p = line;
	for (int k = 0; k < 3; k++) {
		p = strchr(p, ' ');
		if (!p)
			return;
		p++;
	}
	char *end;
	unsigned long cnt = strtoul(p, &end, 16);
	p = end;
	for (unsigned long k = 0; k < cnt && *p == ' '; k++) {
		const char *w = ++p;
		while (*p && *p != ' ')
			p++;
		size_t n = (size_t)(p - w);
		const char *paren = memchr(w, '(', n); /* "big(a)" */
		if (paren)
			n = (size_t)(paren - w);
		if (n && !memchr(w, '_', n))
			pos_mark(w, n, memchr(w, '-', n) ? POS_HYPH : bits);
		if (*p == ' ') /* the lexical id */
			p = strchr(p + 1, ' ');
		if (!p)
			return;
	}
}

/* WordNet's file fmt(name) of part of speech f ("data.%s", "%s.exc"). */
static FILE *pos_open(const char *fmt, size_t f)
{
	char path[4096];
	return src_path(path, wordnet_dir(), fmt, pos_files[f].name) ? NULL : fopen(path, "r");
}

static void pos_load(void)
{
	char line[8192];
	for (size_t f = 0; f < 4; f++) {
		FILE *fp = pos_open("%s.exc", f);
		if (!fp)
			continue;
		while (fgets(line, sizeof line, fp)) {
			size_t n = strcspn(line, " \n");
			if (n)
				pos_mark(line, n, pos_files[f].bits);
		}
		fclose(fp);
	}
}

static unsigned pos_of(const char *w, size_t n)
{
	return bg_get(&bg_pos, word_hash(w, n));
}

/* The parts of speech of w[0..n) with its last three letters made "y"
 * ("parties", "carried": "party", "carry"); n is at most 40. */
static unsigned pos_y(const char *w, size_t n)
{
	char b[48];
	memcpy(b, w, n - 3);
	b[n - 3] = 'y';
	return pos_of(b, n - 2);
}

/* Whether a lowercase word is only ever a verb form: a verb or a regular
 * inflection of one, and no noun, adjective or adverb (nor a plural of a
 * noun); "-ing" forms are nouns too. */
static int verb_only(const char *w, size_t n)
{
	if (!bg_pos.slot || n < 3 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	unsigned p = pos_of(w, n);
	if (p & (POS_N | POS_A))
		return 0;
	int sfx_s = w[n - 1] == 's', sfx_ed = n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
	if (n > 3 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g')
		return 0;
	if (sfx_s) {
		if (pos_of(w, n - 1) & POS_N)
			return 0;
		if (n > 3 && w[n - 2] == 'e' && (pos_of(w, n - 2) & POS_N))
			return 0;
		if (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'e' && (pos_y(w, n) & POS_N))
			return 0;
	}
	if (p & POS_V)
		return 1;
	if (sfx_ed) {
		if ((pos_of(w, n - 2) | pos_of(w, n - 1)) & POS_V)
			return 1;
		if (n > 4 && w[n - 3] == 'i' && (pos_y(w, n) & POS_V))
			return 1;
		if (n > 4 && w[n - 3] == w[n - 4] && (pos_of(w, n - 3) & POS_V))
			return 1;
	}
	if (sfx_s && ((pos_of(w, n - 1) & POS_V) || (n > 3 && (pos_of(w, n - 2) & POS_V))))
		return 1;
	return 0;
}

/* Whether WordNet knows the halves of a word broken at a line-end
 * hyphen, j[0..n) (lowercase, run together), as a hyphenated compound, as
 * it stands or with a regular ending taken off ("second-guessing",
 * "self-styled", "long-terms"). */
static int hyph_compound(const char *j, size_t n)
{
	if (!bg_pos.slot || n < 4 || n > 60)
		return 0;
	if (pos_of(j, n) & POS_HYPH)
		return 1;
	static const char *const sfx[] = {"s", "es", "ed", "d", "ing", "er", "ers"};
	for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
		size_t l = strlen(sfx[k]);
		if (n > l + 3 && !memcmp(j + n - l, sfx[k], l) && (pos_of(j, n - l) & POS_HYPH))
			return 1;
	}
	/* "-ing" after a final "e" taken off ("cease-firing" of
	 * "cease-fire"); "-ed" after one is "-d" above */
	if (n < 7 || memcmp(j + n - 3, "ing", 3))
		return 0;
	char b[64];
	memcpy(b, j, n - 3);
	b[n - 3] = 'e';
	return (pos_of(b, n - 2) & POS_HYPH) != 0;
}

/* ---- the tables saved at make time ----
 *
 * Counting the background takes some 0.4 s; `make` saves the tables
 * (tools/mkbg.c) and a process maps them instead when the file matches
 * the sources it was made from (device, inode, size and time of each),
 * so a changed or moved dictionary is counted again.  Native byte order:
 * the file belongs to the build. */
#ifndef TIES_BGCACHE
#define TIES_BGCACHE ""
#endif
#define BG_MAGIC "ties-bg3"
#define BG_NSRC 9
typedef struct bghead {
	char magic[8];
	uint32_t bits[3];
	uint32_t pad;
	uint64_t len[3];
	double total;
	int64_t src[BG_NSRC][4];
} bghead;

static void bg_stamp_file(int64_t src[4], const char *dir, const char *fmt, const char *name)
{
	char path[4096];
	struct stat st;
	if (src_path(path, dir, fmt, name) == 0 && stat(path, &st) == 0) {
		src[0] = (int64_t)st.st_dev;
		src[1] = (int64_t)st.st_ino;
		src[2] = (int64_t)st.st_size;
		src[3] = (int64_t)st.st_mtime;
	}
}

/* The identity of each source: WordNet's data and exception files, then
 * the GCIDE dictionary. */
static void bg_stamp(int64_t src[BG_NSRC][4])
{
	memset(src, 0, sizeof(int64_t) * BG_NSRC * 4);
	for (size_t f = 0; f < 4; f++) {
		bg_stamp_file(src[f], wordnet_dir(), "data.%s", pos_files[f].name);
		bg_stamp_file(src[4 + f], wordnet_dir(), "%s.exc", pos_files[f].name);
	}
	bg_stamp_file(src[8], dictd_dir(), "%s", "gcide.dict.dz");
}

static bgtab *const bg_tabs[3] = {&bg_uni, &bg_bi, &bg_pos};

static const char *bg_cache_path(void)
{
	const char *p = getenv("TIES_BGCACHE");
	return p ? p : TIES_BGCACHE;
}

/* Maps the saved tables if they match the sources; 0 on success. */
static int bg_map(void)
{
	const char *path = bg_cache_path();
	int fd = *path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		return -1;
	struct stat st;
	bghead h;
	int ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	         read(fd, &h, sizeof h) == (ssize_t)sizeof h && !memcmp(h.magic, BG_MAGIC, 8);
	size_t want = sizeof h;
	for (int t = 0; ok && t < 3; t++) {
		ok = h.bits[t] == bg_tabs[t]->bits && h.len[t] * 4 <= ((uint64_t)3 << h.bits[t]);
		want += ((size_t)1 << bg_tabs[t]->bits) * sizeof(bgslot);
	}
	int64_t src[BG_NSRC][4];
	if (ok) {
		bg_stamp(src);
		ok = !memcmp(src, h.src, sizeof src) && (uint64_t)st.st_size == want;
	}
	void *m = ok ? mmap(NULL, want, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	/* the probes stop at an empty slot: the file must have as many used
	 * slots as it says, which leaves every table a quarter empty */
	bgslot *at = (bgslot *)((char *)m + sizeof h), *start[3];
	for (int t = 0; t < 3; t++) {
		size_t n = (size_t)1 << bg_tabs[t]->bits, used = 0;
		start[t] = at;
		for (size_t j = 0; j < n; j++)
			used += at[j].fp != 0;
		if (used != h.len[t]) {
			munmap(m, want);
			return -1;
		}
		at += n;
	}
	for (int t = 0; t < 3; t++) {
		bg_tabs[t]->slot = start[t];
		bg_tabs[t]->len = (size_t)h.len[t];
	}
	bg_total = h.total;
	return 0;
}

static void bg_count_all(void);

static void bg_load(void)
{
	if (bg_map() == 0)
		return;
	bg_count_all();
}

int ties__lm_bg_save(const char *path)
{
	pthread_once(&bg_once, bg_load);
	if (!bg_uni.slot || !bg_bi.slot || !bg_pos.slot)
		return -1;
	bghead h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, BG_MAGIC, 8);
	for (int t = 0; t < 3; t++) {
		h.bits[t] = bg_tabs[t]->bits;
		h.len[t] = bg_tabs[t]->len;
	}
	h.total = bg_total;
	bg_stamp(h.src);
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return -1;
	int ok = fwrite(&h, sizeof h, 1, fp) == 1;
	for (int t = 0; ok && t < 3; t++)
		ok = fwrite(bg_tabs[t]->slot, sizeof(bgslot), (size_t)1 << bg_tabs[t]->bits, fp) ==
		     (size_t)1 << bg_tabs[t]->bits;
	ok &= fclose(fp) == 0;
	return ok ? 0 : -1;
}

static void bg_count_all(void)
{
	if (bg_alloc(&bg_uni) || bg_alloc(&bg_bi)) {
		ties__free(bg_uni.slot);
		bg_uni.slot = NULL;
		return;
	}
	char line[8192];
	if (bg_alloc(&bg_pos) == 0)
		pos_load();
	for (size_t f = 0; f < 4; f++) {
		FILE *fp = pos_open("data.%s", f);
		if (!fp)
			continue;
		while (fgets(line, sizeof line, fp)) {
			const char *g = strstr(line, " | ");
			uint64_t carry = 0;
			if (g)
				bg_text(g + 3, strlen(g + 3), &carry);
			if (bg_pos.slot && line[0] >= '0' && line[0] <= '9')
				pos_synset(line, pos_files[f].bits);
		}
		fclose(fp);
	}
	bg_dict();
	bg_flush(&bgq_uni);
	bg_flush(&bgq_bi);
}

/* A pair counts against a line join only where the background corpus
 * would be expected to hold it this many times. */
#define NEG_MIN_EXPECTED 16.0
/* A word this frequent in the background corpus is a function word
 * ("the", "of", "and"): a line ending in one goes on. */
#define FUNC_FREQ 0.002

static int function_word(uint64_t h)
{
	return bg_total > 0 && bg_get(&bg_uni, h) >= FUNC_FREQ * bg_total;
}

/* The evidence features of a line join (see link_features). */
enum {
	F_HYPH_WORD,   /* a line-end hyphen that joins a known word */
	F_HYPH_LOWER,  /* a hyphen before lowercase, the word unknown */
	F_HYPH_UPPER,  /* a hyphen before a capital (a compound with a name) */
	F_HYPH_OTHER,  /* a hyphen before anything else */
	F_HYPH_BROKEN, /* ... before a capital, after the head of a broken word */
	F_TAIL,        /* lowercase start that is no word, without a hyphen */
	F_TERM_UPPER,  /* sentence end (or heading) before a capital */
	F_TERM_LOWER,  /* sentence end before lowercase */
	F_NAME,        /* no sentence end, before a name or a number */
	F_SOFT_LOWER,  /* comma, semicolon, colon or dash before lowercase */
	F_SOFT_COMMON, /* ... before a capitalised common word */
	F_SOFT_UPPER,  /* ... before another capital */
	F_OPEN_LOWER,  /* no punctuation before lowercase */
	F_OPEN_COMMON, /* ... before a capitalised common word */
	F_OPEN_UPPER,  /* ... before another capital */
	F_SHORT_LOWER, /* a short line ending a sentence before lowercase */
	F_PMI_DOC,
	F_PMI_BG,
	F_NEG_BG,
	F_SHORT_UPPER, /* a short line ending a sentence before a capital */
	F_FUNC_UPPER,  /* a function word before a capital ("the" + a name) */
	F_DET_VERB,    /* a determiner before a word that is only a verb */
	F_DATE,        /* a date across the line end: "12" + "March", "May" + "2023" */
	F_CAPS_ON,     /* a line in capitals, open, before more capitals */
	F_CAPS_OFF,    /* ... before lowercase */
	F_TITLE_COLON, /* a line in title case ending in a colon, before lowercase */
	F_REPEAT,      /* the same word both sides ("the Tajik" + "Tajik migrant") */
	F_ECHO,        /* a heading whose word the line after takes up */
	F_HEAD_LOWER,  /* a short line in title case, open, before lowercase */
	F_N
};

/* A pair of common words the corpus holds this often is English usage:
 * the document's one use of it is no chance. */
#define DOC_PAIR_BG 3

/* Pointwise evidence that word b follows word a: from the document's own
 * pairs (f[F_PMI_DOC]) and from the background corpus (f[F_PMI_BG] where
 * it holds the pair, f[F_NEG_BG] for a pair it lacks although both words
 * are frequent enough for it to be expected several times: "the of");
 * log of observed over expected, smoothed, clipped.  lower: b is in
 * lowercase (a common word). */
static void pair_features(const ties__lm *lm, uint64_t a, uint64_t b, int lower, double *f)
{
	double ca = ht_get(&lm->uni, a), cb = ht_get(&lm->uni, b);
	double cab = ht_get(&lm->bi, pair_hash(a, b));
	if (lm->total < 1 || ca < 1)
		return;
	double pb = (cb + 0.5) / (lm->total + 1);
	double p = (cab + 2.0 * pb) / (ca + 2.0);
	double s = log(p / pb);
	double ga = bg_get(&bg_uni, a), gb = bg_get(&bg_uni, b);
	double gab = bg_total > 0 ? bg_get(&bg_bi, pair_hash(a, b)) : 0;
	/* two common words the document pairs once are weak evidence where
	 * the corpus seldom pairs them, as for the corpus below ("From this
	 * costly" once drew "this" across a column to "costly"); a name's pair
	 * is a collocation and keeps it, as does a pair the corpus holds a few
	 * times ("is assessed") */
	if (lower && s > 2 * log1p(cab) && gab < DOC_PAIR_BG)
		s = 2 * log1p(cab);
	f[F_PMI_DOC] = s > 3 ? 3 : s < 0 ? 0 : s;
	if (bg_total > 0 && ga >= 1) {
		double qb = (gb + 0.5) / (bg_total + 1);
		double q = (gab + 2.0 * qb) / (ga + 2.0);
		double t = log(q / qb);
		/* a pair the corpus holds once or twice is weak evidence however
		 * rare its words ("safest" + "security" once gave the full +3):
		 * the evidence grows with the count */
		if (t > 2 * log1p(gab))
			t = 2 * log1p(gab);
		f[F_PMI_BG] = t > 3 ? 3 : t < 0 ? 0 : t;
		double e = ga * gb / bg_total;
		if (gab * 4 < e && e >= NEG_MIN_EXPECTED) {
			double neg = log((gab + 1) / (e + 1));
			f[F_NEG_BG] = neg < -3 ? -3 : neg;
		}
	}
}

/* A determiner or possessive, which a noun phrase follows. */
static int determiner(const char *w, size_t n)
{
	static const char *const d[] = {"the", "a",    "an", "its",  "their",
	                                "our", "your", "my", "every"};
	if (n > 5) /* every link asks: most words are longer */
		return 0;
	for (size_t i = 0; i < sizeof d / sizeof *d; i++)
		if (strnlen(d[i], n + 1) == n && !strncasecmp(d[i], w, n))
			return 1;
	return 0;
}

int ties__day_or_year(const char *w, size_t n, int *year)
{
	while (n && (w[n - 1] == ',' || w[n - 1] == '.'))
		n--;
	if (!n || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return 0;
	*year = n == 4;
	int d = n <= 2 ? (n == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0') : 0;
	return n == 4 || (d >= 1 && d <= 31);
}

/* The last word of a and the first of b make a date: a day before a
 * month ("12" + "March"), a month before a day or a year ("May" + "2023"). */
static int date_join(const char *aw, size_t an, const char *bw, size_t bn)
{
	/* words that set a time before a month's name ("last" + "November") */
	static const char *const when[] = {"last",  "next",  "early", "late",   "mid",
	                                   "since", "until", "in",    "during", "by"};
	int year = 0;
	if (ties__day_or_year(aw, an, &year) && !year && ties__is_month_name(bw, bn))
		return 1;
	if (an <= 6 && ties__is_month_name(bw, bn))
		for (size_t i = 0; i < sizeof when / sizeof *when; i++)
			if (strnlen(when[i], an + 1) == an && !strncasecmp(when[i], aw, an))
				return 1;
	return ties__is_month_name(aw, an) && ties__day_or_year(bw, bn, &year);
}

static int is_opening(int32_t cp)
{
	return cp == '"' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == '\'';
}

double ties__lm_open(const ties__lm *lm, const ties__line *b)
{
	(void)lm;
	int32_t c = first_cp(b->text, b->len);
	if (ties__is_upper(c) || is_opening(c) || ties__is_digit(c))
		return 0.3;
	return -0.3;
}

/* The capitalised words of a line in title case: each word capitalised
 * but the function words, -1 where a word is neither.  A heading's line
 * (head): up to six words, all with letters, the first capitalised. */
static long title_caps(const char *s, size_t n, int head)
{
	size_t i = 0, ws, wl, words = 0;
	long caps = 0;
	while (next_word(s, n, &i, &ws, &wl)) {
		size_t cs, cl;
		core(s + ws, wl, &cs, &cl);
		if (!cl && !head)
			continue;
		if (!cl || (head && ++words > 6))
			return -1;
		int32_t c;
		ties__utf8_decode(s + ws + cs, cl, &c);
		if (ties__is_upper(c))
			caps++;
		else if ((head && !caps) || !ties__is_letter(c) ||
		         !function_word(word_hash(s + ws + cs, cl)))
			return -1;
	}
	return caps;
}

/* What line a's end brings to a join with any line after it. */
void ties__lm_tail(const ties__layout *lay, const ties__line *a, ties__lm_end *t)
{
	const char *as = a->text;
	size_t an = a->len;
	memset(t, 0, sizeof *t);
	t->s = as;
	t->n = an;
	if (!last_word(as, an, &t->ws, &t->wl))
		return;
	t->ok = 1;
	if (ties__ends_hyphen(as, an)) {
		t->hyph = 1;
		/* the part after the last inner hyphen of a compound */
		size_t fs = t->ws, fl = t->wl - 1;
		for (size_t k = fl; k > 0; k--)
			if (as[fs + k - 1] == '-') {
				fl -= k;
				fs += k;
				break;
			}
		t->cs = fs;
		t->cl = fl;
		t->caps = ties__is_caps_word(as + fs, fl);
		return;
	}
	t->sent = ties__ends_sentence(as, an);
	t->dotted = t->sent && ties__ends_dotted(as, an);
	t->heading = (a->flags & (TIES__L_HEADING | TIES__L_TITLE_CONT)) != 0;
	int32_t lastc;
	prev_cp(as, an, &lastc);
	t->soft = lastc == ',' || lastc == ';' || lastc == ':' || lastc == 0x2014;
	size_t wa = ties__line_width(as, an);
	t->short_ = lay->width && !(a->flags & TIES__L_FRAG) && wa * 10 < lay->width * 7;
	size_t cs, cl;
	core_at(as + t->ws, t->wl, 1, &cs, &cl);
	t->cs = t->ws + cs;
	t->cl = cl;
	if (cl) {
		t->h = word_hash(as + t->cs, cl);
		t->func = function_word(t->h);
		t->det = determiner(as + t->cs, cl);
	}
	/* a line in capitals: words of a title or a list set so ("THE
	 * UTILITY OF THE UNION TO YOUR"); one word alone only if it is a
	 * function word, since a lone capital word may be an acronym */
	t->shout = ties__is_caps_word(as, an) && (count_words(as, an, 2) == 2 || t->func);
	t->title = lastc == ':' && title_caps(as, an, 0) >= 2;
	t->abbr = lastc == '.' && !t->sent;
	t->headish = lay->width && wa * 10 < lay->width * 7 && !t->func && !t->soft &&
	             ties__is_letter(lastc) && title_caps(as, an, 1) >= 1;
}

/* What line b's start brings to a join with any line before it. */
void ties__lm_head(const ties__lm *lm, const ties__line *b, ties__lm_end *t)
{
	const char *bs = b->text;
	size_t bn = b->len;
	memset(t, 0, sizeof *t);
	t->s = bs;
	t->n = bn;
	int32_t c = first_cp(bs, bn);
	t->lower = ties__is_lower(c);
	t->upper = ties__is_upper(c) || is_opening(c) || ties__is_digit(c);
	t->digit = ties__is_digit(c);
	if (!first_word(bs, bn, &t->ws, &t->wl))
		return;
	t->ok = 1;
	size_t cs, cl;
	core(bs + t->ws, t->wl, &cs, &cl);
	t->cs = t->ws + cs;
	t->cl = cl;
	if (!cl)
		return;
	t->caps = ties__is_caps_word(bs + t->cs, cl);
	t->h = word_hash(bs + t->cs, cl);
	/* opening in capitals: the first two words, or the one word there is */
	if (t->caps) {
		size_t i = t->ws + t->wl, w2s, w2l;
		t->shout = !next_word(bs, bn, &i, &w2s, &w2l) || ties__is_caps_word(bs + w2s, w2l);
	}
	/* "ers which ...": a lowercase start that is no word is the tail of a
	 * word broken at a line end, so only a hyphen may come before it */
	t->tail = t->lower && cs == 0 && !ties__vocab_in_dict(lm->vocab, bs + t->ws, cl) &&
	          ties__vocab_doc_count(lm->vocab, bs + t->ws, cl) <= 1;
	/* a capital: a name the document capitalises inside sentences too, or
	 * a common word opening a sentence */
	if (ties__is_upper(c)) {
		unsigned mc = ht_get(&lm->midcap, t->h), ml = ht_get(&lm->midlow, t->h);
		/* a month's name is capitalised wherever it stands */
		int month = ties__is_month_name(bs + t->cs, cl);
		t->name = (mc > 0 && mc >= ml) || month;
		t->common = ml > mc && !month;
	}
	t->verb = t->lower && verb_only(bs + t->cs, cl);
}

/* The end's word opens with a letter: numbers ("14" + "3.") hash alike. */
static int word_letter(const ties__lm_end *e)
{
	return ties__is_letter(first_cp(e->s + e->cs, e->cl));
}

/* Heading a's line and line b's first words share a word of content (not a
 * function word, three letters or more): the paragraph under a heading
 * takes up its subject ("Ports and routes" + "The routes run south ..."),
 * which tells two headings set side by side apart. */
#define ECHO_WORDS 6
/* The hash of the next blank-separated word of s[0..n) from *i, in *h (0
 * for one of fewer than three letters); 0 at the end. */
static int next_hash(const char *s, size_t n, size_t *i, uint64_t *h)
{
	size_t ws, wl, cs, cl;
	if (!next_word(s, n, i, &ws, &wl))
		return 0;
	core(s + ws, wl, &cs, &cl);
	*h = cl < 3 ? 0 : word_hash(s + ws + cs, cl);
	return 1;
}

static int echoes(const ties__lm_end *a, const ties__lm_end *b)
{
	uint64_t hw[16], h;
	size_t nh = 0, i = 0, k = 0;
	while (nh < 16 && next_hash(a->s, a->n, &i, &h))
		if (h && !function_word(h))
			hw[nh++] = h;
	i = 0;
	while (nh && k++ < ECHO_WORDS && next_hash(b->s, b->n, &i, &h))
		for (size_t j = 0; h && j < nh; j++)
			if (hw[j] == h)
				return 1;
	return 0;
}

/* The evidence that a line ending as a does continues with one starting as
 * b, as indicator and count features (F_*); the link score weighs them
 * (link_w). */
static void link_features(const ties__lm *lm, const ties__lm_end *a, const ties__lm_end *b,
                          double *f)
{
	memset(f, 0, F_N * sizeof *f);
	if (!a->ok || !b->ok)
		return;
	int lower = b->lower, upper = b->upper;
	if (a->hyph) {
		size_t fl = a->cl, cl = b->cl;
		if (fl && cl && fl + cl < 128) {
			/* the halves joined (j) and with the hyphen kept (h) */
			char j[128], h[129];
			memcpy(j, a->s + a->cs, fl);
			memcpy(j + fl, b->s + b->cs, cl);
			memcpy(h, j, fl);
			h[fl] = '-';
			memcpy(h + fl + 1, j + fl, cl);
			/* "inter-" + "national": the joined word is known; in
			 * capitals ("ENLARGE-" + "MENT") the words decide as in
			 * lowercase.  Before a capital, a compound the document
			 * writes hyphenated elsewhere ("Anglo-" + "Saxon"); any other
			 * capital seldom goes on from a line-end hyphen */
			if (((lower || (a->caps && b->caps)) &&
			     (ties__vocab_in_dict(lm->vocab, j, fl + cl) ||
			      ties__vocab_doc_count(lm->vocab, j, fl + cl) > 0 ||
			      hyph_compound(j, fl + cl))) ||
			    (upper && fl + cl + 1 < 128 &&
			     ties__vocab_doc_count(lm->vocab, h, fl + cl + 1) > 0)) {
				f[F_HYPH_WORD] = 1;
				return;
			}
		}
		f[lower ? F_HYPH_LOWER : upper ? F_HYPH_UPPER : F_HYPH_OTHER] = 1;
		/* "combina-" + "Today": what the hyphen ends is no word, so the
		 * rest of the word must follow, in lowercase */
		f[F_HYPH_BROKEN] = upper && fl && !a->caps &&
		                   !ties__vocab_in_dict(lm->vocab, a->s + a->cs, fl) &&
		                   ties__vocab_doc_count(lm->vocab, a->s + a->cs, fl) <= 1;
		return;
	}
	if (b->tail)
		f[F_TAIL] = 1;
	if (date_join(a->s + a->ws, a->wl, b->s + b->ws, b->wl)) {
		f[F_DATE] = 1;
		return;
	}
	/* a heading ends its block as a sentence end does; a dotted
	 * initialism before lowercase ends none ("U.S." + "troops") */
	int term = (a->sent && !(lower && a->dotted)) || a->heading;
	if (term) {
		f[F_ECHO] = a->heading && upper && echoes(a, b);
		f[F_SHORT_UPPER] = a->short_ && upper;
		f[F_TERM_UPPER] = upper;
		f[F_TERM_LOWER] = lower;
		/* a short line that ends a sentence ends a paragraph: a capital
		 * must follow */
		f[F_SHORT_LOWER] = a->short_ && lower;
		return;
	}
	/* a title or an initial ("Mr.", "J.") stands before a name: a capital
	 * goes on from it as a name does, lowercase as after a sentence's end */
	if (a->abbr && (lower || upper)) {
		f[lower ? F_TERM_LOWER : F_NAME] = 1;
		return;
	}
	/* a salutation or a heading that introduces ("To the People of the
	 * State of New York:") opens a paragraph: no sentence goes on in
	 * lowercase after it */
	f[F_TITLE_COLON] = a->title && lower;
	f[F_HEAD_LOWER] = a->headish && lower;
	/* a run of capitals ends where its phrase does, not inside it */
	if (a->shout) {
		f[F_CAPS_ON] = b->shout;
		f[F_CAPS_OFF] = lower;
	}
	int soft = a->soft, name = b->name, common = b->common;
	if (name || b->digit)
		f[F_NAME] = 1;
	else if (lower)
		f[soft ? F_SOFT_LOWER : F_OPEN_LOWER] = 1;
	else if (upper && soft)
		f[common ? F_SOFT_COMMON : F_SOFT_UPPER] = 1;
	else if (upper)
		f[common ? F_OPEN_COMMON : F_OPEN_UPPER] = 1;
	if (a->cl && b->cl) {
		if (!soft && a->func)
			f[F_FUNC_UPPER] = upper;
		if (lower && a->det && b->verb)
			f[F_DET_VERB] = 1;
		pair_features(lm, a->h, b->h, lower, f);
		/* the pair counts are of lowercase text: "although it" is no
		 * evidence for "although" + "It"; a pair that even lowercase is
		 * missing ("the the") still counts against, but not before a
		 * name: "from states" missing says nothing of "from States" */
		if (common)
			f[F_PMI_DOC] = f[F_PMI_BG] = 0;
		if (name)
			f[F_NEG_BG] = 0;
		/* a word said twice in a row is rare where neither the document
		 * nor the corpus says it so ("had had" is common): the two ends
		 * of a column more likely met by chance, names too */
		if (a->h == b->h && word_letter(a) && ht_get(&lm->bi, pair_hash(a->h, b->h)) < 1 &&
		    bg_get(&bg_bi, pair_hash(a->h, b->h)) < 1)
			f[F_REPEAT] = 1;
	}
}

/* Weights of the features, in the order of F_*.  Set by hand, then
 * adjusted (F_PMI_BG, F_SHORT_UPPER, F_FUNC_UPPER) by the edit distance of
 * the whole repair on two-column layouts of other texts (manuals and
 * licences set with groff and read back with pdfminer, and the layouts of
 * tests/tools/make-columns.py), and later F_HYPH_UPPER, F_TERM_UPPER,
 * F_HYPH_BROKEN, F_CAPS_*, F_TITLE_COLON, F_ECHO and F_HEAD_LOWER on the layouts of
 * docs/reading.md. */
static const double link_w[F_N] = {
    4.0,   /* F_HYPH_WORD */
    0.2,   /* F_HYPH_LOWER */
    -1.0,  /* F_HYPH_UPPER */
    -0.5,  /* F_HYPH_OTHER */
    -2.0,  /* F_HYPH_BROKEN */
    -2.0,  /* F_TAIL */
    0.35,  /* F_TERM_UPPER */
    -2.5,  /* F_TERM_LOWER */
    0.6,   /* F_NAME */
    0.8,   /* F_SOFT_LOWER */
    -0.6,  /* F_SOFT_COMMON */
    -0.2,  /* F_SOFT_UPPER */
    0.8,   /* F_OPEN_LOWER */
    -1.2,  /* F_OPEN_COMMON */
    -0.4,  /* F_OPEN_UPPER */
    -1.0,  /* F_SHORT_LOWER */
    0.8,   /* F_PMI_DOC */
    0.9,   /* F_PMI_BG */
    0.8,   /* F_NEG_BG */
    0.5,   /* F_SHORT_UPPER */
    0.5,   /* F_FUNC_UPPER */
    -1.5,  /* F_DET_VERB */
    2.5,   /* F_DATE */
    1.0,   /* F_CAPS_ON */
    -1.0,  /* F_CAPS_OFF */
    -1.0,  /* F_TITLE_COLON */
    -1.5,  /* F_REPEAT */
    2.0,   /* F_ECHO */
    -0.75, /* F_HEAD_LOWER */
};

double ties__lm_link_ends(const ties__lm *lm, const ties__lm_end *a, const ties__lm_end *b)
{
	double f[F_N], s = 0;
	link_features(lm, a, b, f);
	for (size_t k = 0; k < F_N; k++)
		s += link_w[k] * f[k];
	return s;
}

double ties__lm_plain_link(void)
{
	return link_w[F_OPEN_LOWER];
}

double ties__lm_link(const ties__lm *lm, const ties__layout *lay, const ties__line *a,
                     const ties__line *b)
{
	ties__lm_end ta, hb;
	ties__lm_tail(lay, a, &ta);
	ties__lm_head(lm, b, &hb);
	return ties__lm_link_ends(lm, &ta, &hb);
}
