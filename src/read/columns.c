/* Undoing the merge of column streams.
 *
 * An extractor that reads a two-column page line by line (or box by box)
 * emits a merge of the two columns: the order inside each column is kept,
 * the columns' lines alternate in runs.  Each unit is given to one of two
 * chains; a chain's score is the sum of the link scores of its consecutive
 * units (lm.c), so the best split is the merge the language evidence
 * supports best.  A search state after unit i is (chain of i, last unit of
 * the other chain); a beam keeps the best BEAM states per step, so the
 * search costs O(units x BEAM) time and memory; the caller's step budget
 * (ties_read_opts.max_search) narrows the beam, down to a greedy merge.
 * Which chain is read first is decided per page from the junctions: the
 * first must follow the text before the page, the second must continue the
 * first.  Where no page numbers cut the text, a chain pair may also close
 * (an unmarked page break) at a fixed cost.
 */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "repair.h"

#define BEAM 64
#define PAGE_COST 3.0 /* an unmarked page break must pay for itself */
/* Extractors emit the columns either in long runs or strictly alternating
 * (one line of each at the same height); a change between the two
 * patterns costs a little, which keeps the search from swapping the
 * chains where both columns end a paragraph at once. */
#define PATTERN_COST 1.5
/* Reading on in the same column is the default: a switch must be earned. */
#define SWITCH_COST 0.4
/* Opening the second chain of a page must be earned by the evidence. */
#define OPEN_COST 1.0
/* Runs: extractors emit either one line of each column in turn or long
 * stretches of one column (a group of nearby lines); a run of between 2
 * and RUN_LONG - 1 units is rarer and costs this much when it ends. */
#define SHORT_RUN_COST 3.0
#define RUN_LONG 8
/* Extractors start a page with its first column: the chain that holds the
 * page's first unit is read first unless the evidence says otherwise. */
#define FIRST_BONUS 1.0
/* At most this many beam states may share the same column heads. */
#define HEAD_SHARE 8
#define SEEN_SIZE 512 /* > 2 * BEAM */
/* States kept for back-tracking, per page: bounds the memory (56 bytes
 * each) of a long text without page numbers. */
#define MAX_STATES ((size_t)1 << 20)

typedef struct state {
	double score;
	long other;  /* last unit of the other chain on this page, -1 if none */
	long first1; /* first unit of chain 1 on this page, -1 if none */
	long pstart; /* first unit of this page (it opens chain 0) */
	int lab;     /* chain of the current unit: 0 or 1 */
	int newpage; /* the current unit opens a page */
	int parent;  /* index in the previous step's beam */
	int run;     /* units in the current run of this chain, up to RUN_LONG */
} state;

static int cmp_state(const void *a, const void *b)
{
	const state *x = a, *y = b;
	return x->score < y->score ? 1 : x->score > y->score ? -1 : 0;
}

/* Link scores are asked for the same unit pairs again and again (every
 * beam state holds one): a direct-mapped memo of them. */
#define MEMO_BITS 12
typedef struct memo {
	long a, b;
	double v;
} memo;

typedef struct ctx {
	const ties__line *L;
	const ties__unit *U;
	const ties__lm *lm;
	const ties__layout *lay;
	memo *memo; /* 1 << MEMO_BITS entries, a = -1 when empty */
} ctx;

#define FIRST(c, u) (&(c)->L[(c)->U[u].first])
#define LAST(c, u) (&(c)->L[(c)->U[u].first + (c)->U[u].n - 1])

static double link_u(const ctx *c, long a, long b)
{
	memo *m = &c->memo[((unsigned long)a * 2654435761u + (unsigned long)b) &
	                   ((1u << MEMO_BITS) - 1)];
	if (m->a != a || m->b != b) {
		m->a = a;
		m->b = b;
		m->v = ties__lm_link(c->lm, c->lay, LAST(c, a), FIRST(c, b));
	}
	return m->v;
}

/* How well a page's two chains join: the chain read first must follow what
 * came before the page (prev_end, or an opening), the second must continue
 * the first.  *first_out: which chain to read first. */
static double junction(const ctx *c, const state *s, long last, const ties__line *prev_end,
                       int *first_out)
{
	long f[2] = {s->pstart, s->first1}, e[2];
	e[s->lab] = last;
	e[!s->lab] = s->other;
	double o0 = prev_end ? ties__lm_link(c->lm, c->lay, prev_end, FIRST(c, f[0]))
	                     : ties__lm_open(c->lm, FIRST(c, f[0]));
	if (f[1] < 0 || e[1] < 0) {
		if (first_out)
			*first_out = 0;
		return o0;
	}
	double o1 = prev_end ? ties__lm_link(c->lm, c->lay, prev_end, FIRST(c, f[1]))
	                     : ties__lm_open(c->lm, FIRST(c, f[1]));
	double s01 = o0 + link_u(c, e[0], f[1]) + FIRST_BONUS;
	double s10 = o1 + link_u(c, e[1], f[0]);
	if (first_out)
		*first_out = s10 > s01;
	return s10 > s01 ? s10 : s01;
}

ties_code ties__columns_order(const ties__line *L, const ties__unit *U, size_t m,
                              const ties__lm *lm, const ties__layout *lay, unsigned long *budget,
                              const ties__line *prev_end, size_t *order)
{
	if (m == 0)
		return TIES_OK;
	ctx C = {L, U, lm, lay, ties__reallocarray(NULL, (size_t)1 << MEMO_BITS, sizeof(memo))};
	if (!C.memo)
		return TIES_ERR_NOMEM;
	for (size_t k = 0; k < (size_t)1 << MEMO_BITS; k++)
		C.memo[k].a = -1;
	/* the beam: BEAM states per step, fewer when the budget is short */
	size_t beam = BEAM;
	if (*budget / 4 < (unsigned long)m * beam)
		beam = (size_t)(*budget / 4 / (m ? m : 1));
	if (beam > MAX_STATES / m)
		beam = MAX_STATES / m; /* memory: one page's states stay under MAX_STATES */
	if (beam < 1)
		beam = 1;
	size_t keep = beam;
	state *st = ties__reallocarray(NULL, m * beam, sizeof *st);
	size_t *cnt = ties__calloc(m, sizeof *cnt);
	state *cand = ties__reallocarray(NULL, 3 * beam + 1, sizeof *cand);
	int *lab = ties__calloc(m, sizeof *lab);
	int *pg = ties__calloc(m, sizeof *pg);
	if (!st || !cnt || !cand || !lab || !pg) {
		ties__free(C.memo);
		ties__free(st);
		ties__free(cnt);
		ties__free(cand);
		ties__free(lab);
		ties__free(pg);
		return TIES_ERR_NOMEM;
	}
	struct {
		unsigned gen, idx;
	} seen[SEEN_SIZE];
	unsigned gen = 0;
	memset(seen, 0, sizeof seen);
	st[0] = (state){0, -1, -1, 0, 0, 1, -1, 1};
	cnt[0] = 1;
	for (size_t i = 1; i < m; i++) {
		size_t nc = 0;
		const state *prev = st + (i - 1) * beam;
		double best_prev = -DBL_MAX;
		int best_pi = 0;
		double open_i = ties__lm_open(lm, FIRST(&C, i));
		double lk = link_u(&C, (long)i - 1, (long)i);
		for (size_t p = 0; p < cnt[i - 1]; p++) {
			const state *s = &prev[p];
			/* did unit i-1 switch chains? */
			int switched = i >= 2 && s->other == (long)(i - 2) && !s->newpage;
			/* same chain as unit i-1 */
			state a = *s;
			a.score += lk - (switched ? PATTERN_COST : 0);
			a.newpage = 0;
			a.parent = (int)p;
			a.run = s->run < RUN_LONG ? s->run + 1 : RUN_LONG;
			cand[nc++] = a;
			/* the other chain: continues its last unit, or opens it */
			state b = *s;
			b.score += (s->other >= 0 ? link_u(&C, s->other, (long)i) : open_i) -
			           (switched || i < 2 ? 0 : PATTERN_COST) - SWITCH_COST;
			b.other = (long)(i - 1);
			b.lab = !s->lab;
			if (b.lab == 1 && b.first1 < 0) {
				b.first1 = (long)i;
				b.score -= OPEN_COST;
			}
			if (s->run >= 2 && s->run < RUN_LONG)
				b.score -= SHORT_RUN_COST;
			b.newpage = 0;
			b.parent = (int)p;
			b.run = 1;
			cand[nc++] = b;
			/* an unmarked page break closes this page's chains */
			if (!lay->pages_known) {
				double pb = s->score - PAGE_COST +
				            junction(&C, s, (long)i - 1, s->pstart ? NULL : prev_end, NULL);
				if (pb > best_prev) {
					best_prev = pb;
					best_pi = (int)p;
				}
			}
		}
		*budget = *budget > 2 * cnt[i - 1] ? *budget - 2 * cnt[i - 1] : 0;
		if (!lay->pages_known)
			cand[nc++] = (state){best_prev, -1, -1, (long)i, 0, 1, best_pi, 1};
		qsort(cand, nc, sizeof *cand, cmp_state);
		/* keep the best state per (lab, other, page start, first unit of
		 * chain 1, run length): states that agree on these have the same future */
		size_t k = 0;
		state *cur = st + i * beam;
		gen++;
		for (size_t c = 0; c < nc && k < keep; c++) {
			const state *x = &cand[c];
			/* duplicates: a small hash set of the state keys of this step */
			uint64_t key = ((uint64_t)(x->other + 1) * 0x9E3779B97F4A7C15ull) ^
			               ((uint64_t)(x->first1 + 1) * 0xC2B2AE3D27D4EB4Full) ^
			               ((uint64_t)x->pstart * 0x165667B19E3779F9ull) ^
			               ((uint64_t)(x->run * 2 + x->lab) * 0x94D049BB133111EBull);
			size_t slot = (size_t)(key >> 20) & (SEEN_SIZE - 1), head = 0;
			int dup = 0;
			while (seen[slot].gen == gen) {
				const state *y = &cur[seen[slot].idx];
				if (y->lab == x->lab && y->other == x->other &&
				    y->pstart == x->pstart && y->first1 == x->first1 &&
				    y->run == x->run) {
					dup = 1;
					break;
				}
				slot = (slot + 1) & (SEEN_SIZE - 1);
			}
			if (dup)
				continue;
			/* diversity: the column heads are only judged at the page's end
			 * (junction), so no one choice of heads may fill the beam */
			for (size_t q = 0; q < k && keep > 1; q++)
				head += cur[q].first1 == x->first1 && cur[q].pstart == x->pstart;
			if (head >= HEAD_SHARE && keep > 1)
				continue;
			seen[slot].gen = gen;
			seen[slot].idx = (unsigned)k;
			cur[k++] = *x;
		}
		cnt[i] = k;
		if (*budget == 0)
			keep = 1; /* out of search budget: continue greedily */
	}
	/* the best final state, its last page's junction included */
	size_t bi = 0;
	double bs = -DBL_MAX;
	for (size_t p = 0; p < cnt[m - 1]; p++) {
		const state *s = &st[(m - 1) * beam + p];
		double v = s->score +
		           junction(&C, s, (long)m - 1, s->pstart ? NULL : prev_end, NULL);
		if (v > bs) {
			bs = v;
			bi = p;
		}
	}
	for (size_t i = m; i-- > 0;) {
		const state *s = &st[i * beam + bi];
		lab[i] = s->lab;
		pg[i] = s->newpage;
		bi = s->parent >= 0 ? (size_t)s->parent : 0;
	}
	/* emit: per page, the first chain then the second */
	size_t o = 0, ps = 0;
	while (ps < m) {
		size_t pe = ps + 1;
		while (pe < m && !pg[pe])
			pe++;
		/* which chain is read first: the one that continues the text
		 * before the page and that the other one continues */
		long f[2] = {-1, -1}, l[2] = {-1, -1};
		for (size_t i = ps; i < pe; i++) {
			if (f[lab[i]] < 0)
				f[lab[i]] = (long)i;
			l[lab[i]] = (long)i;
		}
		int first = 0;
		if (f[1] >= 0) {
			double s01 = link_u(&C, l[0], f[1]) + FIRST_BONUS;
			double s10 = link_u(&C, l[1], f[0]);
			if (prev_end) {
				s01 += ties__lm_link(lm, lay, prev_end, FIRST(&C, f[0]));
				s10 += ties__lm_link(lm, lay, prev_end, FIRST(&C, f[1]));
			} else {
				s01 += ties__lm_open(lm, FIRST(&C, f[0]));
				s10 += ties__lm_open(lm, FIRST(&C, f[1]));
			}
			if (s10 > s01)
				first = 1;
		}
		for (int c = 0; c < 2; c++)
			for (size_t i = ps; i < pe; i++)
				if (lab[i] == (first ^ c))
					order[o++] = i;
		prev_end = LAST(&C, order[o - 1]);
		ps = pe;
	}
	ties__free(C.memo);
	ties__free(st);
	ties__free(cnt);
	ties__free(cand);
	ties__free(lab);
	ties__free(pg);
	return TIES_OK;
}
