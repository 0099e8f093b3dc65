/* Language evidence for "line b continues line a": sentence ends and
 * capitals, line-end hyphens the document or the dictionary can close, and
 * word-pair statistics learned from the document itself (pairs inside lines,
 * which the extraction did not disturb). */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Hash of a word, lowercased, letters and digits only. */
static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i = 0;
	while (i < n) {
		int32_t cp;
		size_t k = ties__utf8_decode(s + i, n - i, &cp);
		i += k;
		if (!ties__is_letter(cp) && !ties__is_digit(cp))
			continue;
		cp = ties__to_lower(cp);
		h ^= (uint64_t)cp;
		h *= 1099511628211ull;
	}
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
				if (ties__is_upper(c0) ? ht_add(&lm->midcap, h)
				                       : ties__is_lower(c0) ? ht_add(&lm->midlow, h) : 0)
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
	static const char *const titles[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col",
	                                     "Lt", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep",
	                                     "Rev", "Hon", "St", "Mt", "Messrs"};
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

int ties__starts_upper(const char *s, size_t n) { return ties__is_upper(first_cp(s, n)); }
int ties__starts_lower(const char *s, size_t n) { return ties__is_lower(first_cp(s, n)); }

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

/* ---- background English: word pairs of the WordNet glosses ----
 *
 * The glosses and their example sentences (Debian package wordnet-base)
 * are some ten megabytes of ordinary English; their word and word-pair
 * counts go into fixed-size hashed count tables (collisions only add a
 * little noise), loaded once per process on first use. */
#define BG_UNI_BITS 20
#define BG_BI_BITS 22
static uint16_t *bg_uni, *bg_bi;
static double bg_total;


static void bg_count(uint16_t *t, unsigned bits, uint64_t h)
{
	uint16_t *c = &t[(h >> 7) & ((1u << bits) - 1)];
	if (*c < UINT16_MAX)
		(*c)++;
}

static unsigned bg_get(const uint16_t *t, unsigned bits, uint64_t h)
{
	return t ? t[(h >> 7) & ((1u << bits) - 1)] : 0;
}

static void bg_text(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t prev = 0;
	while (i < n) {
		while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
			i++;
		size_t b = i;
		while (i < n && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || s[i] == '\''))
			i++;
		if (i == b)
			break;
		uint64_t h = word_hash(s + b, i - b);
		bg_count(bg_uni, BG_UNI_BITS, h);
		bg_total += 1;
		if (prev)
			bg_count(bg_bi, BG_BI_BITS, pair_hash(prev, h));
		/* a pair ends at punctuation */
		prev = (i < n && s[i] == ' ') ? h : 0;
	}
}

static void bg_load(void)
{
	const char *dir = getenv("TIES_WORDNET");
	if (!dir)
		dir = "/usr/share/wordnet";
	static const char *const files[] = {"data.noun", "data.verb", "data.adj", "data.adv"};
	bg_uni = ties__calloc((size_t)1 << BG_UNI_BITS, sizeof *bg_uni);
	bg_bi = ties__calloc((size_t)1 << BG_BI_BITS, sizeof *bg_bi);
	if (!bg_uni || !bg_bi) {
		ties__free(bg_uni);
		ties__free(bg_bi);
		bg_uni = bg_bi = NULL;
		return;
	}
	char path[4096], line[8192];
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		if (snprintf(path, sizeof path, "%s/%s", dir, files[f]) >= (int)sizeof path)
			continue;
		FILE *fp = fopen(path, "r");
		if (!fp)
			continue;
		while (fgets(line, sizeof line, fp)) {
			const char *g = strstr(line, " | ");
			if (g)
				bg_text(g + 3, strlen(g + 3));
		}
		fclose(fp);
	}
}

/* A pair counts against a line join only where the background corpus
 * would be expected to hold it this many times. */
#define NEG_MIN_EXPECTED 16.0

/* Pointwise evidence that word b follows word a, from the document's own
 * pairs and the background corpus: log of observed over expected, smoothed,
 * clipped; negative only for a pair the corpus should hold but lacks. */
static double pair_score(const ties__lm *lm, uint64_t a, uint64_t b)
{
	double ca = ht_get(&lm->uni, a), cb = ht_get(&lm->uni, b);
	double cab = ht_get(&lm->bi, pair_hash(a, b));
	if (lm->total < 1 || ca < 1)
		return 0;
	double pb = (cb + 0.5) / (lm->total + 1);
	double p = (cab + 2.0 * pb) / (ca + 2.0);
	double s = log(p / pb);
	if (s > 3)
		s = 3;
	if (s < 0)
		s = 0;
	/* the background corpus */
	double ga = bg_get(bg_uni, BG_UNI_BITS, a), gb = bg_get(bg_uni, BG_UNI_BITS, b);
	if (bg_total > 0 && ga >= 1) {
		double gab = bg_get(bg_bi, BG_BI_BITS, pair_hash(a, b));
		double qb = (gb + 0.5) / (bg_total + 1);
		double q = (gab + 2.0 * qb) / (ga + 2.0);
		double t = log(q / qb);
		/* a pair the corpus has is evidence; one it lacks is weak evidence
		 * (the corpus is small) */
		if (t > 3)
			t = 3;
		if (t < 0)
			t = 0;
		s += t;
		/* a pair the corpus lacks although both words are frequent enough
		 * for it to be expected several times ("the of"): evidence against */
		double e = ga * gb / bg_total;
		if (gab * 4 < e && e >= NEG_MIN_EXPECTED) {
			double neg = log((gab + 1) / (e + 1));
			s += neg < -3 ? -3 : neg;
		}
	}
	return s;
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

double ties__lm_link(const ties__lm *lm, const ties__layout *lay, const ties__line *a,
                     const ties__line *b)
{
	const char *as = a->text, *bs = b->text;
	size_t an = a->len, bn = b->len;
	int32_t c = first_cp(bs, bn);
	int lower = ties__is_lower(c);
	int upper = ties__is_upper(c) || is_opening(c) || ties__is_digit(c);
	size_t aws, awl, bws, bwl;
	if (!last_word(as, an, &aws, &awl) || !first_word(bs, bn, &bws, &bwl))
		return 0;
	double s = 0;
	if (ties__ends_hyphen(as, an)) {
		/* "inter-" + "national": the joined word is known */
		size_t fs = aws, fl = awl - 1;
		size_t cs, cl;
		core(bs + bws, bwl, &cs, &cl);
		/* the part after the last inner hyphen of a compound */
		for (size_t k = fl; k > 0; k--)
			if (as[fs + k - 1] == '-') {
				fl -= k;
				fs += k;
				break;
			}
		if (fl && cl && fl + cl < 128 && lower) {
			char w[128];
			memcpy(w, as + fs, fl);
			memcpy(w + fl, bs + bws + cs, cl);
			if (ties__vocab_in_dict(lm->vocab, w, fl + cl) ||
			    ties__vocab_doc_count(lm->vocab, w, fl + cl) > 0)
				return 4.0;
		}
		return lower ? 0.2 : upper ? 0.5 : -0.5;
	}
	/* "ers which ...": a lowercase start that is no word is the tail of a
	 * word broken at a line end, so only a hyphen may come before it */
	if (lower) {
		size_t cs, cl;
		core(bs + bws, bwl, &cs, &cl);
		if (cl && cs == 0 && !ties__vocab_in_dict(lm->vocab, bs + bws, cl) &&
		    ties__vocab_doc_count(lm->vocab, bs + bws, cl) <= 1)
			s -= 2.0;
	}
	/* a heading ends its block as a sentence end does */
	int term = ties__ends_sentence(as, an) || (a->flags & TIES__L_HEADING);
	int32_t lastc;
	prev_cp(as, an, &lastc);
	int soft = lastc == ',' || lastc == ';' || lastc == ':' || lastc == 0x2014;
	/* a capital: a name the document capitalises inside sentences too, or
	 * a common word opening a sentence */
	int name = 0, common = 0;
	if (ties__is_upper(c)) {
		size_t cs, cl;
		core(bs + bws, bwl, &cs, &cl);
		if (cl) {
			uint64_t h = word_hash(bs + bws + cs, cl);
			unsigned mc = ht_get(&lm->midcap, h), ml = ht_get(&lm->midlow, h);
			name = mc > 0 && mc >= ml;
			common = ml > mc;
		}
	}
	if (term)
		s += upper ? 0.6 : lower ? -2.5 : 0;
	else if (name || ties__is_digit(c))
		s += 0.6;
	else if (soft)
		s += lower ? 0.8 : upper ? (common ? -0.6 : -0.2) : 0;
	else
		s += lower ? 0.8 : upper ? (common ? -1.2 : -0.4) : 0;
	/* a short line that ends a sentence ends a paragraph: a capital must follow */
	size_t wa = ties__line_width(as, an);
	if (lay->width && term && !(a->flags & TIES__L_FRAG) && wa * 10 < lay->width * 7 && lower)
		s -= 1.0;
	if (!term) {
		size_t acs, acl, bcs, bcl;
		core_at(as + aws, awl, 1, &acs, &acl);
		core(bs + bws, bwl, &bcs, &bcl);
		if (acl && bcl) {
			uint64_t ha = word_hash(as + aws + acs, acl), hb = word_hash(bs + bws + bcs, bcl);
			s += 0.8 * pair_score(lm, ha, hb);
		}
	}
	return s;
}
