/* Knowledge base benchmark driver.
 *
 *   kbgen corpus DIR N SEED      N synthetic report files for `ties add`
 *   kbgen bulk DB DOCS RELS ENTS SEED
 *                                a knowledge base built through the ingest
 *                                API (ties_store_add) from generated
 *                                documents and hand-built extractions: DOCS
 *                                documents, RELS relations in all, among a
 *                                pool of ENTS entities (skewed: some hubs)
 *   kbgen pairs DB N SEED OUT    N random entity-id pairs with a link each
 *   kbgen edges DB OUT           the link graph as "src dst" lines
 *   kbgen time DB PAIRS          latency of path (search only, and the full
 *                                query with evidence as JSON) and neighbors
 *                                over the pairs; prints p50/p99 in ms
 *
 * Names are made from syllables by a seeded generator, so every run builds
 * the same corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store_int.h"
#include "ties/query.h"
#include "ties/ties.h"

static uint64_t rng;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static size_t below(size_t n)
{
	return (size_t)(next() % n);
}
/* Skewed pick: squares a uniform draw, so low indexes (hubs) come up often. */
static size_t skewed(size_t n)
{
	double u = (double)(next() % 1000000) / 1000000.0;
	return (size_t)(u * u * (double)n) % n;
}

static const char *syl[] = {"ka", "ri",  "mo",  "sa",  "lu", "ten", "bar", "zo",  "vi",  "nda",
                            "qa", "hel", "mir", "dos", "an", "ul",  "rek", "fa",  "gor", "is",
                            "ya", "ben", "tor", "shi", "mu", "lat", "ev",  "pra", "nok", "dai"};
#define NSYL (sizeof syl / sizeof *syl)
static const char *orgword[] = {"Front", "Brigade", "Network", "Movement", "Council",
                                "Army",  "Union",   "Circle",  "Legion",   "Cartel"};

static void word(char *out, size_t n, uint64_t seed, int parts)
{
	out[0] = '\0';
	for (int i = 0; i < parts; i++) {
		strncat(out, syl[seed % NSYL], n - strlen(out) - 1);
		seed /= NSYL;
	}
	out[0] = (char)(out[0] - 'a' + 'A');
}

/* Entity i of the pool: a stable name and type. */
static ties_entity_type ent_name(size_t i, char *out, size_t n)
{
	uint64_t h = (uint64_t)i * 0x9E3779B97F4A7C15ull + 12345;
	char a[32], b[32];
	word(a, sizeof a, h, 2 + (int)(h >> 60) % 2);
	word(b, sizeof b, h >> 20, 2 + (int)(h >> 58) % 2);
	switch (i % 3) {
	case 0: snprintf(out, n, "%s %s", a, b); return TIES_ENT_PERSON;
	case 1:
		snprintf(out, n, "%s %s %s", a, b, orgword[(h >> 40) % 10]);
		return TIES_ENT_ORGANIZATION;
	default: snprintf(out, n, "%s", a); return TIES_ENT_LOCATION;
	}
}

/* present, past participle, relation type */
static const char *verbs[][3] = {{"leads", "led", "leads"},
                                 {"funds", "funded", "funds"},
                                 {"is a member of", "been a member of", "member-of"},
                                 {"meets with", "met with", "met"},
                                 {"trains with", "trained with", "trained-with"},
                                 {"supplies", "supplied", "supplies"}};

static int corpus(const char *dir, size_t n)
{
	mkdir(dir, 0755);
	char path[4096], a[128], b[128];
	for (size_t d = 0; d < n; d++) {
		snprintf(path, sizeof path, "%s/r%05zu.txt", dir, d);
		FILE *f = fopen(path, "w");
		if (!f)
			return perror(path), 1;
		ent_name(skewed(5000), a, sizeof a);
		fprintf(f, "Assessment %zu: the %s file\n\n", d, a);
		size_t paras = 2 + below(3);
		for (size_t p = 0; p < paras; p++) {
			size_t sents = 3 + below(4);
			for (size_t s = 0; s < sents; s++) {
				ent_name(skewed(5000), a, sizeof a);
				ent_name(skewed(5000), b, sizeof b);
				size_t vi = below(6);
				const char *v = verbs[vi][0];
				switch (below(4)) {
				case 0:
					fprintf(f, "In %zu, %s %s %s. ", 1990 + below(30), a,
					        verbs[vi][1], b);
					break;
				case 1:
					fprintf(f,
					        "According to local sources, %s reportedly %s %s. ",
					        a, v, b);
					break;
				case 2:
					fprintf(f, "%s, which operates near the border, %s %s. ", a,
					        v, b);
					break;
				default:
					fprintf(f, "Officials said %s may have %s %s. ", a,
					        verbs[vi][1], b);
				}
			}
			fputs("\n\n", f);
		}
		fclose(f);
	}
	return 0;
}

static int bulk(const char *db, size_t ndocs, size_t nrels, size_t nents)
{
	ties_store *s;
	ties_error err;
	if (ties_store_open(db, TIES_STORE_CREATE, &s, &err))
		return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
	size_t per_doc = (nrels + ndocs - 1) / ndocs, done = 0;
	/* bulk loading: a large page cache, documents committed in batches */
	sqlite3_exec(s->db, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
	enum { PER_SENT = 4 };
	ties_buf text;
	ties_buf_init(&text, 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t d = 0; d < ndocs && done < nrels; d++) {
		if (d % 250 == 0 &&
		    (ties_store_batch_commit(s, &err) || ties_store_batch_begin(s, &err)))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		size_t nr = per_doc < nrels - done ? per_doc : nrels - done;
		size_t ne = nr / 2 + 2;
		size_t *pool = malloc(ne * sizeof *pool);
		char(*names)[128] = malloc(ne * sizeof *names);
		ties_entity_type *types = malloc(ne * sizeof *types);
		for (size_t i = 0; i < ne; i++) {
			pool[i] = skewed(nents);
			types[i] = ent_name(pool[i], names[i], sizeof names[i]);
		}
		/* one sentence per PER_SENT relations: "A met B, C, D and E." */
		ties_buf_clear(&text);
		ties_buf_printf(&text, "Bulk report %zu\n\n", d);
		size_t *src = malloc(nr * sizeof *src), *dst = malloc(nr * sizeof *dst);
		for (size_t r = 0; r < nr; r += PER_SENT) {
			size_t a = below(ne);
			ties_buf_printf(&text, "%s met", names[a]);
			for (size_t k = 0; k < PER_SENT && r + k < nr; k++) {
				size_t b = below(ne);
				if (b == a)
					b = (b + 1) % ne;
				src[r + k] = a;
				dst[r + k] = b;
				ties_buf_printf(&text, "%s %s", k ? "," : "", names[b]);
			}
			ties_buf_adds(&text, ". ");
		}
		ties_buf_adds(&text, "\n");
		ties_doc *doc;
		char name[64];
		snprintf(name, sizeof name, "bulk-%06zu.txt", d);
		if (ties_read_buffer(text.data, text.len, name, NULL, &doc, &err))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		ties_arena *ar = ties__arena_new();
		ties_extraction x = {0};
		x.doc = doc;
		x.arena = ar;
		x.entities = ties__arena_array(ar, ne, sizeof *x.entities);
		x.nentities = ne;
		for (size_t i = 0; i < ne; i++) {
			snprintf(x.entities[i].id, sizeof x.entities[i].id, "e%u",
			         (unsigned)(i % 100000));
			x.entities[i].name = names[i];
			x.entities[i].type = types[i];
		}
		x.relations = ties__arena_array(ar, nr, sizeof *x.relations);
		x.nrelations = nr;
		for (size_t r = 0; r < nr; r++) {
			size_t si = doc->nsentences ? (r / PER_SENT) % doc->nsentences : 0;
			ties_relation *rel = &x.relations[r];
			rel->source = src[r];
			rel->target = dst[r];
			rel->type = verbs[(pool[src[r]] + pool[dst[r]]) % 6][2];
			rel->evidence.start = doc->sentences[si].start;
			rel->evidence.end = doc->sentences[si].end;
			rel->hedge = (ties_hedge)((pool[src[r]] ^ pool[dst[r]]) % 4);
		}
		ties_add_result res;
		if (ties_store_add(s, doc, &x, NULL, &res, &err))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		done += nr;
		ties__arena_free(ar);
		ties_doc_free(doc);
		free(pool);
		free(names);
		free(types);
		free(src);
		free(dst);
	}
	if (ties_store_batch_commit(s, &err))
		return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("bulk: %zu relations in %.1f s (%.0f relations/s)\n", done, secs,
	       (double)done / secs);
	ties_buf_release(&text);
	ties_store_close(s);
	return 0;
}

static int pairs(const char *db, size_t n, const char *out)
{
	ties_store *s;
	ties_error err;
	if (ties_store_open(db, TIES_STORE_READONLY, &s, &err))
		return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
	sqlite3_stmt *st;
	/* endpoints of random claims: entities that have links */
	sqlite3_prepare_v2(s->db, "SELECT src FROM claim WHERE id = ?1", -1, &st, NULL);
	sqlite3_stmt *mx;
	sqlite3_prepare_v2(s->db, "SELECT max(id) FROM claim", -1, &mx, NULL);
	sqlite3_step(mx);
	int64_t maxid = sqlite3_column_int64(mx, 0);
	sqlite3_finalize(mx);
	FILE *f = fopen(out, "w");
	for (size_t i = 0; i < n * 2; i++) {
		int64_t id = 0;
		while (!id) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, 1 + (int64_t)below((size_t)maxid));
			if (sqlite3_step(st) == SQLITE_ROW)
				id = sqlite3_column_int64(st, 0);
		}
		fprintf(f, "%lld%c", (long long)id, i % 2 ? '\n' : ' ');
	}
	fclose(f);
	sqlite3_finalize(st);
	ties_store_close(s);
	return 0;
}

static int edges(const char *db, const char *out)
{
	ties_store *s;
	ties_error err;
	if (ties_store_open(db, TIES_STORE_READONLY, &s, &err))
		return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(s->db, "SELECT src, dst FROM claim WHERE negated = 0 AND rejected = 0",
	                   -1, &st, NULL);
	FILE *f = fopen(out, "w");
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(f, "%lld %lld\n", sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	fclose(f);
	sqlite3_finalize(st);
	ties_store_close(s);
	return 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_d);
	printf("%s p50_ms=%.3f p99_ms=%.3f max_ms=%.3f n=%zu\n", what, v[n / 2],
	       v[(size_t)((double)n * 0.99) < n ? (size_t)((double)n * 0.99) : n - 1], v[n - 1], n);
}

static int timing(const char *db, const char *pairfile)
{
	ties_store *s;
	ties_error err;
	if (ties_store_open(db, TIES_STORE_READONLY, &s, &err))
		return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
	FILE *f = fopen(pairfile, "r");
	if (!f)
		return perror(pairfile), 1;
	long long a, b;
	size_t n = 0, cap = 4096, hops = 0, found = 0;
	double *tp = malloc(cap * sizeof *tp), *tq = malloc(cap * sizeof *tq),
	       *tn = malloc(cap * sizeof *tn);
	ties_query_opts q = {0};
	ties_buf out;
	ties_buf_init(&out, 0);
	while (n < cap && fscanf(f, "%lld %lld", &a, &b) == 2) {
		int64_t nodes[80];
		size_t len;
		double t0 = now_ms();
		if (ties_store_shortest_path(s, a, b, &q, nodes, 80, &len, &err))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		tp[n] = now_ms() - t0;
		if (len)
			found++, hops += len - 1;
		char na[32], nb[32];
		snprintf(na, sizeof na, "#%lld", a);
		snprintf(nb, sizeof nb, "#%lld", b);
		ties_buf_clear(&out);
		q.json = 1;
		t0 = now_ms();
		if (ties_query_path(s, na, nb, &q, &out, &err))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		tq[n] = now_ms() - t0;
		ties_buf_clear(&out);
		q.json = 0;
		t0 = now_ms();
		if (ties_query_neighbors(s, na, &q, &out, &err))
			return fprintf(stderr, "kbgen: %s\n", err.msg), 1;
		tn[n] = now_ms() - t0;
		n++;
	}
	fclose(f);
	printf("pairs=%zu found=%zu mean_hops=%.2f\n", n, found,
	       found ? (double)hops / (double)found : 0);
	report("path_search", tp, n);
	report("path_query_json", tq, n);
	report("neighbors_query", tn, n);
	free(tp);
	free(tq);
	free(tn);
	ties_buf_release(&out);
	ties_store_close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 5 && !strcmp(argv[1], "corpus")) {
		rng = strtoull(argv[4], NULL, 10) | 1;
		return corpus(argv[2], strtoul(argv[3], NULL, 10));
	}
	if (argc >= 7 && !strcmp(argv[1], "bulk")) {
		rng = strtoull(argv[6], NULL, 10) | 1;
		return bulk(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10),
		            strtoul(argv[5], NULL, 10));
	}
	if (argc >= 6 && !strcmp(argv[1], "pairs")) {
		rng = strtoull(argv[4], NULL, 10) | 1;
		return pairs(argv[2], strtoul(argv[3], NULL, 10), argv[5]);
	}
	if (argc >= 4 && !strcmp(argv[1], "edges"))
		return edges(argv[2], argv[3]);
	if (argc >= 4 && !strcmp(argv[1], "time"))
		return timing(argv[2], argv[3]);
	fprintf(stderr, "usage: kbgen corpus|bulk|pairs|edges|time ...\n");
	return 2;
}
