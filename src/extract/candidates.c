/* Name candidates from orthography: capitalised sequences with their
 * connectors, hyphenated names split where they join two names
 * ("U.S.-Soviet") or carry a compound ("X-backed"), acronyms, and
 * acronym definitions (Schwartz & Hearst 2003) that fix a long form. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract_int.h"

#define TOK(st, i) TIES_VEC_AT(&(st)->toks, xtok, i)

static size_t lower_tok(const xstate *st, size_t i, char *buf, size_t cap)
{
	return ties__xlower(st->text, &TOK(st, i), buf, cap);
}

static size_t key_of(const char *text, size_t s, size_t e, char *key, size_t cap)
{
	return ties__xnorm(text + s, e - s, key, cap);
}

static int has_rule(const xstate *st, int kind, size_t i)
{
	char w[64];
	size_t n = lower_tok(st, i, w, sizeof w);
	return ties__xrules_has(st->rules, kind, w, n);
}

/* Re-derives a token's flags after it was cut. */
static void reflag(const xstate *st, xtok *t, unsigned keep)
{
	ties_vec v;
	ties__vec_init(&v, sizeof(xtok));
	size_t mi = 0;
	if (ties__xtokenize(st->text, t->s, t->e, t->sent, NULL, 0, &mi, &v) == TIES_OK &&
	    v.len >= 1) {
		xtok *n = &TIES_VEC_AT(&v, xtok, 0);
		t->flags = (n->flags & ~XT_START) | keep;
	}
	ties__vec_release(&v);
}

static int push_tok(xstate *st, size_t s, size_t e, uint32_t sent, unsigned flags, int re)
{
	xtok *t = ties__vec_push(&st->toks);
	if (!t)
		return -1;
	t->s = s;
	t->e = e;
	t->sent = sent;
	t->flags = flags;
	if (re)
		reflag(st, t, flags & XT_START);
	return 0;
}

static int known_part(const xstate *st, size_t s, size_t e)
{
	char key[128];
	size_t kl = key_of(st->text, s, e, key, sizeof key);
	char lk = 0;
	return ties__xproper_class(st, key, kl, &lk) || ties__xis_demonym(st, key, kl);
}

static const char *const prefixes[] = {"anti", "pro", "non", "ex", "post",
                                       "pre",  "neo", "pan", "mid"};

/* Appends token t, split at hyphens where it joins names. */
static int add_split(xstate *st, const xtok *t)
{
	if (!(t->flags & XT_HYPH) || !(t->flags & XT_WORD))
		return push_tok(st, t->s, t->e, t->sent, t->flags, 0);
	const char *x = st->text;
	size_t cut[16], nc = 0;
	for (size_t i = t->s; i < t->e && nc < 15; i++)
		if (x[i] == '-')
			cut[nc++] = i;
	/* lowercase prefix: "anti-India" */
	size_t fl = cut[0] - t->s;
	for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++)
		if (strlen(prefixes[p]) == fl && !strncmp(x + t->s, prefixes[p], fl) &&
		    cut[0] + 1 < t->e && x[cut[0] + 1] >= 'A' && x[cut[0] + 1] <= 'Z') {
			if (push_tok(st, t->s, cut[0], t->sent, XT_WORD | (t->flags & XT_START), 0))
				return -1;
			xtok rest = {cut[0] + 1, t->e, 0, t->sent};
			reflag(st, &rest, 0);
			return add_split(st, &rest);
		}
	/* compound participle: "Kremlin-backed" */
	size_t lp = cut[nc - 1] + 1;
	if ((t->flags & XT_CAP) && lp < t->e && x[lp] >= 'a' && x[lp] <= 'z') {
		char w[64];
		size_t wl = t->e - lp < sizeof w - 1 ? t->e - lp : sizeof w - 1;
		memcpy(w, x + lp, wl);
		if (ties__xrules_has(st->rules, XR_COMPOUND, w, wl)) {
			if (push_tok(st, t->s, cut[nc - 1], t->sent, t->flags & XT_START, 1) ||
			    push_tok(st, lp, t->e, t->sent, XT_WORD | XT_COMPOUND, 0))
				return -1;
			return 0;
		}
	}
	/* a place before a descriptive word: "Lyon-based", "Quito-born" */
	if ((t->flags & XT_CAP) && lp < t->e && x[lp] >= 'a' && x[lp] <= 'z' && t->e - lp >= 3 &&
	    t->e - lp < 32) {
		char w[32], key[32];
		size_t wl = t->e - lp;
		memcpy(w, x + lp, wl);
		size_t kl = ties__xnorm(w, wl, key, sizeof key);
		if (!ties__xrules_has(st->rules, XR_CONNECTOR, w, wl) &&
		    ties__xis_common(st, key, kl)) {
			xtok head = {t->s, cut[nc - 1], t->flags & XT_START, t->sent};
			reflag(st, &head, t->flags & XT_START);
			if (add_split(st, &head) ||
			    push_tok(st, lp, t->e, t->sent, XT_WORD | XT_COMPOUND, 0))
				return -1;
			return 0;
		}
	}
	/* two names joined: "U.S.-Soviet", "Peru-Bolivia"; not a particle
	 * and its name ("Al-Kifah") */
	int allcap = 1, known = 0;
	size_t ps = t->s;
	for (size_t c = 0; c <= nc; c++) {
		size_t pe = c < nc ? cut[c] : t->e;
		int32_t cp;
		ties__utf8_decode(x + ps, pe - ps, &cp);
		char pw[16];
		size_t pl = pe - ps;
		if (pl < sizeof pw) {
			for (size_t k = 0; k < pl; k++)
				pw[k] = (char)(x[ps + k] >= 'A' && x[ps + k] <= 'Z' ? x[ps + k] + 32
				                                                    : x[ps + k]);
			if (ties__xrules_has(st->rules, XR_CONNECTOR, pw, pl))
				allcap = 0;
		}
		if (pe <= ps || !ties__is_upper(cp))
			allcap = 0;
		else if (known_part(st, ps, pe))
			known++;
		ps = pe + 1;
	}
	if (allcap && known >= 2 && !known_part(st, t->s, t->e)) {
		ps = t->s;
		for (size_t c = 0; c <= nc; c++) {
			size_t pe = c < nc ? cut[c] : t->e;
			if (push_tok(st, ps, pe, t->sent, c == 0 ? (t->flags & XT_START) : 0, 1))
				return -1;
			if (c < nc && push_tok(st, pe, pe + 1, t->sent, XT_PUNCT, 0))
				return -1;
			ps = pe + 1;
		}
		return 0;
	}
	return push_tok(st, t->s, t->e, t->sent, t->flags, 0);
}

static int is_month(const xstate *st, size_t i)
{
	char w[16];
	size_t n = lower_tok(st, i, w, sizeof w);
	return ties__xmonth(w, n) != 0;
}

static int is_stop(const xstate *st, size_t i)
{
	return has_rule(st, XR_STOP, i);
}

/* "al-Nahr", "bin-Zayed", "ash-Sham": a lowercase particle (a connector
 * or an article assimilated to the name) joined to a name */
int ties__xparticle(const xstate *st, const xtok *t)
{
	static const char *const articles[] = {"ad", "adh", "an", "ar", "as", "ash", "at", "ath",
	                                       "az", "ed",  "en", "er", "es", "et",  "ez", NULL};
	const char *x = st->text;
	if (!(t->flags & XT_HYPH) || (t->flags & XT_CAP))
		return 0;
	const char *h = memchr(x + t->s, '-', t->e - t->s);
	if (!h || h + 1 >= x + t->e || (size_t)(h - (x + t->s)) >= 8 || h == x + t->s)
		return 0;
	size_t pl = (size_t)(h - (x + t->s));
	int art = 0;
	for (size_t k = 0; articles[k] && !art; k++)
		art = strlen(articles[k]) == pl && !memcmp(articles[k], x + t->s, pl);
	if (!art && !ties__xrules_has(st->rules, XR_CONNECTOR, x + t->s, pl))
		return 0;
	int32_t cp;
	ties__utf8_decode(h + 1, (size_t)(x + t->e - h - 1), &cp);
	return ties__is_upper(cp);
}

/* Digits in a word: "B-2019-44" (two groups of digits) is a file number
 * and "Town12" a name with a footnote number glued on (2): never names;
 * "T72", "APT-C-23", "UNC2452" (1) stand alone and join no other word. */
static int has_digit(const xstate *st, const xtok *t)
{
	const char *x = st->text;
	size_t groups = 0;
	for (size_t k = t->s; k < t->e; k++)
		if (x[k] >= '0' && x[k] <= '9' && (k == t->s || x[k - 1] < '0' || x[k - 1] > '9'))
			groups++;
	if (!groups)
		return 0;
	size_t k = t->e;
	while (k > t->s && x[k - 1] >= '0' && x[k - 1] <= '9')
		k--;
	if (groups >= 2 || (k < t->e && k > t->s && x[k - 1] >= 'a' && x[k - 1] <= 'z'))
		return 2;
	return 1;
}

/* A word that may be part of a name. */
static int name_tok(const xstate *st, size_t i)
{
	const xtok *t = &TOK(st, i);
	if (!(t->flags & XT_WORD) || (t->flags & (XT_NUM | XT_COMPOUND)))
		return 0;
	if (!(t->flags & (XT_CAP | XT_ALLCAP | XT_MIXED)) && !ties__xparticle(st, t))
		return 0;
	if (has_digit(st, t) == 2)
		return 0;
	if (is_month(st, i) || has_rule(st, XR_ROLE, i))
		return 0;
	return 1;
}

/* A name on its own: an acronym, or a country, region or instance name. */
static int strong_tok(const xstate *st, size_t i)
{
	const xtok *t = &TOK(st, i);
	if ((t->flags & (XT_ALLCAP | XT_MIXED)) && !(t->flags & XT_HYPH))
		return 1;
	char key[128], lk = 0;
	size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
	int cls = ties__xproper_class(st, key, kl, &lk);
	return cls && cls != 'X' && (lk == 'c' || lk == 's');
}

static int place_tok(const xstate *st, size_t i)
{
	const xtok *t = &TOK(st, i);
	char key[128], lk = 0;
	size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
	return ties__xproper_class(st, key, kl, &lk) == 'L' && ties__xis_gazetteer(st, key, kl);
}

/* "Jean Mullen" at a sentence start: a dictionary name before a name */
static int given_before_name(const xstate *st, size_t i, size_t last)
{
	if (i + 1 > last || !name_tok(st, i + 1))
		return 0;
	const xtok *t = &TOK(st, i);
	char key[128];
	size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
	return ties__xis_given(st, key, kl);
}

/* "Los X", "El X", "De X": a capitalised particle before a name begins it */
static int cap_particle(const xstate *st, size_t i, size_t b)
{
	return (TOK(st, i).flags & XT_CAP) && TOK(st, i).e - TOK(st, i).s >= 2 && i + 1 < b &&
	       name_tok(st, i + 1) && !has_rule(st, XR_CONNECTOR, i + 1);
}

static int compass_tok(const xstate *st, size_t i)
{
	static const char *const l[] = {"north",    "south",   "east",    "west",    "northern",
	                                "southern", "eastern", "western", "central", "upper",
	                                "lower",    "new",     NULL};
	char w[16];
	size_t n = lower_tok(st, i, w, sizeof w);
	for (size_t k = 0; l[k]; k++)
		if (strlen(l[k]) == n && !memcmp(l[k], w, n))
			return 1;
	return 0;
}

static int common_tok(const xstate *st, size_t i)
{
	char key[128];
	const xtok *t = &TOK(st, i);
	size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
	return ties__xis_common(st, key, kl);
}

static int head_tok(const xstate *st, size_t i);

/* Counts of each adjacent word pair of the document (one sentence), by
 * the hash of the two words: how often it opens a sentence and how often
 * it stands inside one.  Built once, so the look-up below is O(1). */
struct xpairs {
	size_t mask;
	struct xpair {
		uint64_t h;
		uint32_t start, mid;
	} * slot;
};

static uint64_t pair_hash(const xstate *st, const xtok *p, const xtok *q)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t k = p->s; k < p->e; k++)
		h = (h ^ (unsigned char)st->text[k]) * 1099511628211ull;
	h = (h ^ 0xff) * 1099511628211ull;
	for (size_t k = q->s; k < q->e; k++)
		h = (h ^ (unsigned char)st->text[k]) * 1099511628211ull;
	return h | 1; /* 0 marks an empty slot */
}

static struct xpair *pair_slot(struct xpairs *t, uint64_t h)
{
	size_t k = (size_t)(h >> 7) & t->mask;
	while (t->slot[k].h && t->slot[k].h != h)
		k = (k + 1) & t->mask;
	return &t->slot[k];
}

/* Only pairs whose second word is capitalised are ever asked about. */
static int pair_wanted(const xtok *p, const xtok *q)
{
	return p->sent == q->sent && (q->flags & XT_CAP) && !(q->flags & (XT_ALLCAP | XT_POSS));
}

static ties_code pairs_build(xstate *st)
{
	size_t n = st->toks.len, cap = 16, want = 0;
	for (size_t j = 0; j + 1 < n; j++)
		want += pair_wanted(&TOK(st, j), &TOK(st, j + 1));
	while (cap < 2 * want + 2)
		cap <<= 1;
	struct xpairs *t = ties__arena_alloc(st->a, sizeof *t);
	if (!t)
		return TIES_ERR_NOMEM;
	t->mask = cap - 1;
	t->slot = ties__arena_array(st->a, cap, sizeof *t->slot);
	if (!t->slot)
		return TIES_ERR_NOMEM;
	memset(t->slot, 0, cap * sizeof *t->slot);
	for (size_t j = 0; j + 1 < n; j++) {
		const xtok *p = &TOK(st, j), *q = &TOK(st, j + 1);
		if (!pair_wanted(p, q))
			continue;
		struct xpair *e = pair_slot(t, pair_hash(st, p, q));
		e->h = pair_hash(st, p, q);
		if (p->flags & XT_START)
			e->start++;
		else
			e->mid++;
	}
	st->pairs = t;
	return TIES_OK;
}

/* "Paper Finch shares...": a sentence-initial common word before a
 * capitalised word is part of a name when the same pair comes again in
 * the document, mid-sentence or opening another sentence. */
static int repeated_pair(const xstate *st, size_t i, size_t last)
{
	if (i + 1 > last || i + 1 >= st->toks.len)
		return 0;
	const xtok *a = &TOK(st, i), *b = &TOK(st, i + 1);
	if (!(b->flags & XT_CAP) || (b->flags & (XT_ALLCAP | XT_POSS)) || is_stop(st, i + 1) ||
	    has_rule(st, XR_CONNECTOR, i + 1) || head_tok(st, i + 1) || a->e >= b->s ||
	    memchr(st->text + a->e, '\n', b->s - a->e))
		return 0;
	if (!st->pairs)
		return 0;
	const struct xpair *e = pair_slot(st->pairs, pair_hash(st, a, b));
	/* this pair itself opens a sentence and is counted among the starts */
	return e->mid > 0 || e->start >= 2;
}

/* "SITUATION REPORT": upper-case common words near an upper-case word
 * (how many within two words) make a header, not acronyms */
static int caps_line(const xstate *st, size_t a, size_t b, size_t i)
{
	int n = 0;
	for (size_t k = i >= a + 2 ? i - 2 : a; k <= i + 2 && k < b; k++) {
		const xtok *t = &TOK(st, k);
		if (k != i && (t->flags & XT_ALLCAP) && t->e - t->s > 3 && common_tok(st, k))
			n++;
	}
	return n;
}

static int is_quote(const xstate *st, size_t i, int open)
{
	const xtok *t = &TOK(st, i);
	const unsigned char *p = (const unsigned char *)st->text + t->s;
	if (!(t->flags & XT_PUNCT))
		return 0;
	if (t->e - t->s == 1)
		return p[0] == '"';
	return t->e - t->s == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == (open ? 0x9C : 0x9D);
}

static int word_at(const xstate *st, size_t i, const char *const *list)
{
	char w[32];
	size_t n = lower_tok(st, i, w, sizeof w);
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, w, n))
			return 1;
	return 0;
}

static int head_tok(const xstate *st, size_t i)
{
	return has_rule(st, XR_ORGHEAD, i) || has_rule(st, XR_FACHEAD, i) ||
	       has_rule(st, XR_LOCHEAD, i) || has_rule(st, XR_ORGFIRST, i);
}

/* Tokens [i, last] read as a person's name before "of": "Inspector Ana
 * Ruiz of the Port Police" names a person and, apart, an organisation;
 * "Bank of England" (a head word) stays whole. */
static int person_before_of(const xstate *st, size_t a, size_t i, size_t last)
{
	if (last < i + 1)
		return 0;
	for (size_t k = i; k <= last; k++)
		if (head_tok(st, k))
			return 0;
	for (size_t k = i; k <= i + 1; k++) {
		/* a given name first, or after a title ("Inspector Ana X of") */
		char key[128];
		const xtok *t = &TOK(st, k);
		size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
		if (!(t->flags & XT_ALLCAP) && ties__xis_given(st, key, kl) &&
		    !ties__xis_common(st, key, kl))
			return 1;
		if (!has_rule(st, XR_HONORIFIC, k) && !common_tok(st, k))
			break;
	}
	return i > a && (has_rule(st, XR_ROLE, i - 1) || has_rule(st, XR_HONORIFIC, i - 1));
}

/* The last token of the longest name the lexicon knows that starts at i
 * and spans lowercase words ("Trinidad and Tobago", "Antigua and Barbuda"),
 * or i. */
static size_t lex_span(const xstate *st, size_t i, size_t b)
{
	size_t best = i;
	int inner = 0;
	for (size_t j = i + 1; j < b && j <= i + 5; j++) {
		const xtok *t = &TOK(st, j);
		if (!(t->flags & XT_WORD) || (t->flags & XT_POSS))
			break;
		if (!name_tok(st, j)) {
			inner = 1;
			continue;
		}
		if (!inner)
			continue;
		char key[256], lk = 0;
		size_t kl = key_of(st->text, TOK(st, i).s, t->e, key, sizeof key);
		if (ties__xproper_class(st, key, kl, &lk) && lk != 'd')
			best = j;
	}
	return best;
}

/* A known place or name: "the Hezbollah network" keeps its own name. */
static int known_span(const xstate *st, size_t s0, size_t e0)
{
	char key[256], lk = 0;
	size_t kl = key_of(st->text, TOK(st, s0).s, TOK(st, e0).e, key, sizeof key);
	return ties__xproper_class(st, key, kl, &lk) || ties__xis_demonym(st, key, kl);
}

static int place_span(const xstate *st, size_t s0, size_t e0)
{
	char key[256], lk = 0;
	size_t kl = key_of(st->text, TOK(st, s0).s, TOK(st, e0).e, key, sizeof key);
	return ties__xproper_class(st, key, kl, &lk) == 'L';
}

static int country_tok(const xstate *st, size_t i)
{
	char key[128], lk = 0;
	const xtok *t = &TOK(st, i);
	size_t kl = key_of(st->text, t->s, t->e, key, sizeof key);
	return ties__xproper_class(st, key, kl, &lk) == 'L' && lk == 'c';
}

static const char *const numbers[] = {
    "two",    "three",  "four",   "five",  "six",   "seven",   "eight", "nine", "ten",     "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "many",  "few",  "several", NULL};
static const char *const spans[] = {"years",   "months",    "weeks", "days",
                                    "decades", "centuries", NULL};

/* lowercase words that, after "the NAME", make the name's kind part of it */
static const char *const lc_org_heads[] = {"clan",   "network",   "cartel",  "gang", "faction",
                                           "office", "syndicate", "militia", NULL};
static const char *const lc_fac_heads[] = {"mission",   "nightclub", "club",       "camp", "ranch",
                                           "farm",      "warehouse", "factory",    "mine", "clinic",
                                           "residence", "estate",    "checkpoint", NULL};

static int push_cand(xstate *st, ties_vec *out, size_t t0, size_t t1, unsigned flags)
{
	xcand *c = ties__vec_push(out);
	if (!c)
		return -1;
	c->t0 = t0;
	c->t1 = t1;
	c->s = TOK(st, t0).s;
	c->e = TOK(st, t1 - 1).e;
	c->sent = TOK(st, t0).sent;
	c->flags = flags;
	c->acro_of = -1;
	c->ent = -1;
	return 0;
}

/* Schwartz & Hearst: the start of the long form of sf in lf, or -1. */
static long sh_long_form(const char *sf, size_t sn, const char *lf, size_t ln)
{
	long si = (long)sn - 1, li = (long)ln - 1;
	while (si >= 0) {
		unsigned char c = (unsigned char)sf[si];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			si--;
			continue;
		}
		for (;;) {
			if (li < 0)
				return -1;
			unsigned char l = (unsigned char)lf[li];
			if (l >= 'A' && l <= 'Z')
				l = (unsigned char)(l + 32);
			int prev_alnum = li > 0 && ((lf[li - 1] >= 'a' && lf[li - 1] <= 'z') ||
			                            (lf[li - 1] >= 'A' && lf[li - 1] <= 'Z') ||
			                            (lf[li - 1] >= '0' && lf[li - 1] <= '9'));
			if (l == c && !(si == 0 && prev_alnum))
				break;
			li--;
		}
		li--;
		si--;
	}
	return li + 1;
}

static int cmp_cand(const void *a, const void *b)
{
	const xcand *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e > y->e ? -1 : x->e < y->e;
}

/* Acronym definitions "Long Form (LF)" in tokens [a, b). */
static int acronyms(xstate *st, ties_vec *cs, size_t a, size_t b)
{
	const char *x = st->text;
	for (size_t k = a; k + 2 < b; k++) {
		const xtok *o = &TOK(st, k), *sf = &TOK(st, k + 1), *cl = &TOK(st, k + 2);
		if (!(o->flags & XT_PUNCT) || (x[o->s] != '(' && x[o->s] != '['))
			continue;
		if (!(cl->flags & XT_PUNCT) || (x[cl->s] != ')' && x[cl->s] != ']'))
			continue;
		if (!(sf->flags & (XT_ALLCAP | XT_MIXED)) || sf->e - sf->s > 10)
			continue;
		size_t letters = 0;
		for (size_t i = sf->s; i < sf->e; i++)
			letters += (x[i] >= 'A' && x[i] <= 'Z') || (x[i] >= 'a' && x[i] <= 'z');
		size_t maxw = letters + 5 < letters * 2 ? letters + 5 : letters * 2;
		size_t w0 = k, words = 0;
		while (w0 > a && words < maxw) {
			const xtok *p = &TOK(st, w0 - 1);
			if ((p->flags & XT_PUNCT) && x[p->s] != '-')
				break;
			w0--;
			if (p->flags & XT_WORD)
				words++;
		}
		if (w0 == k)
			continue;
		size_t ls = TOK(st, w0).s, le = TOK(st, k - 1).e;
		long r = sh_long_form(x + sf->s, sf->e - sf->s, x + ls, le - ls);
		/* "European Cybercrime Centre (EC3)": a number after the letters
		 * need not appear in the long form */
		size_t sl = sf->e - sf->s;
		while (r < 0 && sl > 2 && x[sf->s + sl - 1] >= '0' && x[sf->s + sl - 1] <= '9')
			sl--;
		if (r < 0 && sl < sf->e - sf->s && sl >= 2)
			r = sh_long_form(x + sf->s, sl, x + ls, le - ls);
		if (r < 0)
			continue;
		size_t start = ls + (size_t)r, lt = w0;
		while (lt < k && TOK(st, lt).e <= start)
			lt++;
		while (lt < k && (is_stop(st, lt) || !(TOK(st, lt).flags & XT_WORD) ||
		                  (TOK(st, lt).flags & XT_POSS)))
			lt++;
		/* the long form is a name: it starts with a capital */
		if (lt >= k || !(TOK(st, lt).flags & (XT_CAP | XT_ALLCAP)))
			continue;
		size_t ls2 = TOK(st, lt).s;
		for (size_t i = 0; i < cs->len; i++) {
			xcand *c = &TIES_VEC_AT(cs, xcand, i);
			if (c->s < le && c->e > ls2 && !(c->flags & XC_DROP)) {
				if (c->s < ls2)
					continue; /* keeps a name that starts before */
				c->flags |= XC_DROP;
			}
			if (c->s == sf->s)
				c->flags |= XC_DROP;
		}
		size_t lf_index = cs->len;
		if (push_cand(st, cs, lt, k, XC_LONGFORM) ||
		    push_cand(st, cs, k + 1, k + 2, XC_ACRO))
			return -1;
		TIES_VEC_AT(cs, xcand, lf_index + 1).acro_of = (long)lf_index;
	}
	return 0;
}

static ties_code sentence_cands(xstate *st, size_t a, size_t b)
{
	ties_vec cs;
	ties__vec_init(&cs, sizeof(xcand));
	const char *x = st->text;
	for (size_t i = a; i < b; i++) {
		if (!name_tok(st, i) || is_stop(st, i) ||
		    (has_rule(st, XR_CONNECTOR, i) && !cap_particle(st, i, b)))
			continue;
		size_t last = i, k = i + 1, lm = lex_span(st, i, b), nick0 = 0, nick1 = 0;
		while (k < b) {
			if (k <= lm) {
				last = k++;
				continue;
			}
			/* a line break inside a title or header ends a name */
			if (memchr(x + TOK(st, k - 1).e, '\n', TOK(st, k).s - TOK(st, k - 1).e))
				break;
			/* "X Research The Title": a capitalised stop word inside a
			 * sentence starts a new line of a header */
			if (name_tok(st, k) && is_stop(st, k) && !(TOK(st, k).flags & XT_START))
				break;
			if (name_tok(st, k) &&
			    (has_digit(st, &TOK(st, k)) || has_digit(st, &TOK(st, last))))
				break;
			/* "X Seven Years On": a span of time in a title ends a name */
			if (name_tok(st, k) && k + 1 < b && word_at(st, k, numbers) &&
			    word_at(st, k + 1, spans))
				break;
			/* "THE X FRONT Analysis Paper": a capitalised title the reader
			 * joined to the line after it */
			if (name_tok(st, k) && (TOK(st, last).flags & XT_ALLCAP) &&
			    !(TOK(st, k).flags & XT_ALLCAP) &&
			    TOK(st, last).e - TOK(st, last).s >= 3 && caps_line(st, a, b, last))
				break;
			/* "the war in Syria Middle East Institute": a country then
			 * another place or named thing starts a new name (joined
			 * header lines) */
			if (name_tok(st, k) && last == k - 1 && !has_rule(st, XR_LOCHEAD, k) &&
			    country_tok(st, last)) {
				int place = 0;
				for (size_t j = k; j < b && j < k + 3 && name_tok(st, j) && !place;
				     j++) {
					char key[256];
					size_t kl = key_of(st->text, TOK(st, k).s, TOK(st, j).e,
					                   key, sizeof key);
					place =
					    place_span(st, k, j) || ties__xis_instance(st, key, kl);
				}
				if (place)
					break;
			}
			if (name_tok(st, k)) {
				/* two names side by side: "ACME Peru head"; not "Kuwait City" */
				if (last == k - 1 && strong_tok(st, k) && strong_tok(st, last) &&
				    !has_rule(st, XR_LOCHEAD, k) && !has_rule(st, XR_ORGHEAD, k))
					break;
				last = k++;
				continue;
			}
			const xtok *t = &TOK(st, k);
			if ((t->flags & XT_WORD) && !(t->flags & XT_CAP) &&
			    has_rule(st, XR_CONNECTOR, k) && k + 1 < b) {
				static const char *const of[] = {"of", NULL};
				if (word_at(st, k, of) && person_before_of(st, a, i, last))
					break;
				k++;
				continue;
			}
			/* Tomas "El Flaco" Ruiz: a quoted nickname inside a name */
			if (is_quote(st, k, 1) && last == k - 1 && !nick1) {
				size_t q = k + 1;
				while (q < b && q < k + 5 && name_tok(st, q))
					q++;
				if (q > k + 1 && q + 1 < b && is_quote(st, q, 0) &&
				    name_tok(st, q + 1) && !is_stop(st, q + 1) &&
				    !head_tok(st, q + 1)) {
					nick0 = k + 1;
					nick1 = q;
					last = q + 1;
					k = q + 2;
					continue;
				}
			}
			/* "Kovac's Network": a possessive before a lone org head */
			/* "the Inspector General's Office": the same after a longer name
			 * that is no place ("Peru's Ministry of Energy" is two names) */
			if ((t->flags & XT_POSS) && k + 1 < b && last == k - 1 &&
			    name_tok(st, k + 1) && has_rule(st, XR_ORGHEAD, k + 1) &&
			    (k + 2 >= b || !name_tok(st, k + 2)) && (last == i || last == i + 1) &&
			    !place_span(st, i, last) &&
			    !(k + 2 < b && has_rule(st, XR_CONNECTOR, k + 2))) {
				last = k + 1;
				k += 2;
				continue;
			}
			break;
		}
		size_t s0 = i;
		/* "Blue River Cartel" at a sentence start: a long name with a head
		 * word keeps its first word even when that is a common one */
		int numbered = last + 1 < b &&
		               (TOK(st, last + 1).flags & (XT_NUM | XT_MARKER)) == XT_NUM &&
		               TOK(st, last + 1).s == TOK(st, last).e + 1 &&
		               (has_rule(st, XR_ORGHEAD, last) || has_rule(st, XR_FACHEAD, last));
		int headed = numbered || (last >= i + 2 && (has_rule(st, XR_ORGHEAD, last) ||
		                                            has_rule(st, XR_FACHEAD, last) ||
		                                            has_rule(st, XR_LOCHEAD, last)));
		if (headed) {
			char w[64];
			size_t wl = lower_tok(st, i, w, sizeof w);
			headed = !(wl > 2 && w[wl - 1] == 'y' && w[wl - 2] == 'l');
			/* "Fighters of the X Brigade": only a head keeps "of" */
			if (i + 1 <= last && has_rule(st, XR_CONNECTOR, i + 1) &&
			    !(TOK(st, i + 1).flags & XT_CAP) && !head_tok(st, i))
				headed = 0;
		}
		/* "Coastal Crime Watch | May 2024": a header field keeps its words */
		if (!headed && TOK(st, i).sent < st->doc->nsentences &&
		    st->doc->sentences[TOK(st, i).sent].block < 4 && last >= i + 1 &&
		    ((last + 1 < b && x[TOK(st, last + 1).s] == '|') ||
		     (i > a && x[TOK(st, i - 1).s] == '|')))
			headed = 1;
		/* sentence-initial common words and stop words are not names */
		while (s0 <= last &&
		       (is_stop(st, s0) ||
		        (has_rule(st, XR_CONNECTOR, s0) && !cap_particle(st, s0, last + 1)) ||
		        ((TOK(st, s0).flags & XT_START) && common_tok(st, s0) && !headed &&
		         !(has_rule(st, XR_HONORIFIC, s0) && s0 < last) &&
		         !given_before_name(st, s0, last) && !repeated_pair(st, s0, last)) ||
		        ((TOK(st, s0).flags & XT_ALLCAP) &&
		         ((common_tok(st, s0) &&
		           (TOK(st, s0).e - TOK(st, s0).s > 5 || caps_line(st, a, b, s0))) ||
		          caps_line(st, a, b, s0) >= 2)))) {
			s0++;
			while (s0 <= last && !name_tok(st, s0))
				s0++;
		}
		size_t e0 = last;
		while (e0 > s0 && !name_tok(st, e0))
			e0--;
		/* a numbered unit: "Unit 7734", "Brigade 313" */
		if (numbered && e0 == last)
			last = ++e0;
		i = last;
		if (s0 > e0 || !name_tok(st, s0))
			continue;
		unsigned flags = 0;
		size_t end = e0 + 1;
		static const char *const the[] = {"the", NULL};
		int after_the =
		    s0 > a && word_at(st, s0 - 1, the) && !(TOK(st, s0).flags & XT_ALLCAP);
		/* "a former UNX camp": an acronym before a facility noun owns it */
		int lone_acro = e0 == s0 && (TOK(st, s0).flags & XT_ALLCAP);
		if (end < b && (TOK(st, end).flags & XT_WORD) && !(TOK(st, end).flags & XT_CAP) &&
		    !lone_acro) {
			if (has_rule(st, XR_FACHEAD, end)) {
				flags |= XC_FACHEAD;
				end++;
			} else if (after_the && end + 1 < b && (TOK(st, end + 1).flags & XT_WORD) &&
			           !(TOK(st, end + 1).flags & XT_CAP) &&
			           has_rule(st, XR_FACHEAD, end + 1) && !is_stop(st, end) &&
			           !has_rule(st, XR_CONNECTOR, end) &&
			           (!known_span(st, s0, e0) || place_span(st, s0, e0))) {
				/* "the Tal Afar air base", "the X border crossing": a place
				 * before it names the facility */
				flags |= XC_FACHEAD;
				end += 2;
			} else if (has_rule(st, XR_LOCCUE, end))
				flags |= XC_PLACECUE;
			else if (after_the && word_at(st, end, lc_org_heads) &&
			         !known_span(st, s0, e0)) {
				flags |= XC_LCHEAD; /* "the Vasquez network" */
				end++;
			} else if (after_the && word_at(st, end, lc_fac_heads) &&
			           !known_span(st, s0, e0)) {
				flags |= XC_FACHEAD; /* "the Blue Lagoon nightclub" */
				end++;
			}
		}
		/* "South Asian": a region adjective, not a name */
		{
			size_t q = s0;
			while (q < end) {
				char key[128];
				size_t kl = key_of(x, TOK(st, q).s, TOK(st, q).e, key, sizeof key);
				if (!compass_tok(st, q) && !ties__xis_demonym(st, key, kl))
					break;
				q++;
			}
			if (q == end && end - s0 >= 2)
				continue;
		}
		if (end - s0 == 1 && !(flags & XC_FACHEAD)) {
			char key[128];
			size_t kl = key_of(x, TOK(st, s0).s, TOK(st, s0).e, key, sizeof key);
			if (ties__xis_demonym(st, key, kl))
				continue;
			if (TOK(st, s0).e - TOK(st, s0).s == 1)
				continue; /* a lone capital letter */
			if ((TOK(st, s0).flags & XT_ALLCAP) && end < b &&
			    (TOK(st, end).flags & XT_NUM) && !(TOK(st, end).flags & XT_MARKER))
				continue; /* a currency or unit code: "EUR 5 million" */
		}
		if (push_cand(st, &cs, s0, end, flags))
			goto nomem;
		if (nick1 && s0 < nick0 && e0 > nick1) {
			size_t mi = cs.len - 1;
			xcand *m = &TIES_VEC_AT(&cs, xcand, mi);
			m->flags |= XC_NICK;
			m->nick_s = TOK(st, nick0 - 1).s;
			m->nick_e = TOK(st, nick1).e;
			if (push_cand(st, &cs, nick0, nick1, 0))
				goto nomem;
			TIES_VEC_AT(&cs, xcand, cs.len - 1).acro_of = (long)mi;
		}
		/* not the head of "Centre for X", nor the first word of "X da Y" */
		if (end - s0 >= 2 && place_tok(st, s0) && !(TOK(st, s0).flags & XT_HYPH) &&
		    !compass_tok(st, s0) && !given_before_name(st, s0, end - 1) &&
		    !head_tok(st, s0) && !(flags & (XC_FACHEAD | XC_LCHEAD)) &&
		    !has_rule(st, XR_CONNECTOR, s0 + 1) && !(TOK(st, end - 1).flags & XT_NUM)) {
			char key[256], lk;
			size_t kl = key_of(x, TOK(st, s0).s, TOK(st, end - 1).e, key, sizeof key);
			if (!ties__xproper_class(st, key, kl, &lk) &&
			    push_cand(st, &cs, s0, s0 + 1, XC_NESTED))
				goto nomem;
		}
		if (TOK(st, s0).flags & (XT_ALLCAP | XT_MIXED) && end - s0 == 1)
			TIES_VEC_AT(&cs, xcand, cs.len - 1).flags |= XC_ACRO;
	}
	if (acronyms(st, &cs, a, b))
		goto nomem;
	/* Omar Haddad, alias "Abu Sami" (or , known as "Abu Sami"): the alias
	 * joins the name */
	for (size_t j = 0; j < cs.len; j++) {
		xcand *c = &TIES_VEC_AT(&cs, xcand, j);
		static const char *const alias[] = {"alias", "aka", NULL};
		static const char *const as[] = {"as", NULL}, *const known[] = {"known", NULL};
		size_t w = 2; /* words between the comma and the quote */
		if (c->t0 >= a + 4 && is_quote(st, c->t0 - 1, 1) && word_at(st, c->t0 - 2, as) &&
		    word_at(st, c->t0 - 3, known))
			w = 3;
		if (c->t0 < a + w + 1 || !is_quote(st, c->t0 - 1, 1) ||
		    (w == 2 && !word_at(st, c->t0 - 2, alias)) ||
		    x[TOK(st, c->t0 - w - 1).s] != ',' || c->acro_of >= 0)
			continue;
		for (size_t m = 0; m < cs.len; m++)
			if (TIES_VEC_AT(&cs, xcand, m).t1 == c->t0 - w - 1 &&
			    !(TIES_VEC_AT(&cs, xcand, m).flags & (XC_DROP | XC_NESTED)))
				c->acro_of = (long)m;
	}
	/* keep text order; acronym links are candidate indexes, so remap */
	size_t base = st->cands.len;
	size_t *order = ties__calloc(cs.len ? cs.len : 1, sizeof *order);
	if (!order)
		goto nomem;
	for (size_t i = 0; i < cs.len; i++)
		TIES_VEC_AT(&cs, xcand, i).ent = (long)i; /* remember the old index */
	if (cs.len)
		qsort(cs.data, cs.len, sizeof(xcand), cmp_cand);
	for (size_t i = 0; i < cs.len; i++)
		order[TIES_VEC_AT(&cs, xcand, i).ent] = i;
	for (size_t i = 0; i < cs.len; i++) {
		xcand *c = &TIES_VEC_AT(&cs, xcand, i);
		c->ent = -1;
		if (c->acro_of >= 0)
			c->acro_of = (long)(base + order[c->acro_of]);
	}
	ties__free(order);
	for (size_t i = 0; i < cs.len; i++) {
		xcand *c = ties__vec_push(&st->cands);
		if (!c)
			goto nomem;
		*c = TIES_VEC_AT(&cs, xcand, i);
	}
	ties__vec_release(&cs);
	return TIES_OK;
nomem:
	ties__vec_release(&cs);
	return TIES_ERR_NOMEM;
}

/* A paragraph that is a notes section the reader left joined to its
 * heading: "Notes 1. Author, title ...", "Notes1. Author" */
static int notes_paragraph(const char *s, size_t n)
{
	static const char *const words[] = {"notes",      "endnotes", "footnotes",
	                                    "references", "sources",  NULL};
	for (size_t w = 0; words[w]; w++) {
		size_t l = strlen(words[w]), i;
		if (n <= l + 3 || strncasecmp(s, words[w], l))
			continue;
		i = l;
		if (s[i] == ':')
			i++;
		while (i < n && (s[i] == ' ' || s[i] == '\n'))
			i++;
		if (i < n && s[i] == '[')
			i++;
		return i + 1 < n && s[i] == '1' && (s[i + 1] == '.' || s[i + 1] == ']');
	}
	return 0;
}

ties_code ties__xcandidates(xstate *st)
{
	const ties_doc *d = st->doc;
	st->sent_tok = ties__arena_array(st->a, d->nsentences + 1, sizeof *st->sent_tok);
	if (!st->sent_tok)
		return TIES_ERR_NOMEM;
	ties_vec tmp;
	ties__vec_init(&tmp, sizeof(xtok));
	size_t mi = 0;
	ties_code rc = TIES_OK;
	for (size_t s = 0; s < d->nsentences && !rc; s++) {
		const ties_sentence *se = &d->sentences[s];
		st->sent_tok[s] = st->toks.len;
		if (se->block < d->nblocks && d->blocks[se->block].kind == TIES_BLOCK_NOTE)
			continue; /* the notes section holds sources, not claims */
		if (se->block < d->nblocks && d->blocks[se->block].kind == TIES_BLOCK_PARAGRAPH &&
		    notes_paragraph(d->text + d->blocks[se->block].start,
		                    d->blocks[se->block].end - d->blocks[se->block].start))
			continue;
		tmp.len = 0;
		rc = ties__xtokenize(st->text, se->start, se->end, (uint32_t)s, d->markers,
		                     d->nmarkers, &mi, &tmp);
		for (size_t i = 0; i < tmp.len && !rc; i++)
			if (add_split(st, &TIES_VEC_AT(&tmp, xtok, i)))
				rc = TIES_ERR_NOMEM;
	}
	st->sent_tok[d->nsentences] = st->toks.len;
	ties__vec_release(&tmp);
	/* names after all tokens: a name may be recognised by its other mentions */
	if (!rc)
		rc = pairs_build(st);
	for (size_t s = 0; s < d->nsentences && !rc; s++)
		if (st->sent_tok[s + 1] > st->sent_tok[s])
			rc = sentence_cands(st, st->sent_tok[s], st->sent_tok[s + 1]);
	return rc;
}
