/* Export benchmark driver: builds a synthetic link graph through the
 * library (ties_graph_add_*) and times each export format on it.
 *
 *   export-gen OUTDIR NODES RELATIONS DOCS SEED
 *
 * Writes each export under OUTDIR and prints one line per format:
 * "FORMAT SECONDS BYTES".  The graph is made by a seeded generator (names
 * from syllables, skewed degrees, one to three statements per relation,
 * footnotes, hedges, dates), so every run exports the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static void name(char *out, size_t cap, int words)
{
	static const char *const syl[] = {"ka",  "ran", "bel", "tor", "mi",  "sha", "dor", "ve",
	                                  "lun", "ar",  "zo",  "qui", "nes", "ta",  "ro",  "fen"};
	size_t k = 0;
	for (int w = 0; w < words; w++) {
		int n = 2 + (int)below(2);
		for (int i = 0; i < n && k + 4 < cap; i++) {
			const char *s = syl[below(16)];
			for (size_t j = 0; s[j] && k + 2 < cap; j++)
				out[k++] = (char)(i == 0 && j == 0 ? s[j] - 32 : s[j]);
		}
		if (w + 1 < words && k + 2 < cap)
			out[k++] = ' ';
	}
	out[k] = 0;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: export-gen OUTDIR NODES RELATIONS DOCS SEED\n");
		return 2;
	}
	const char *dir = argv[1];
	size_t nn = strtoul(argv[2], NULL, 10), nr = strtoul(argv[3], NULL, 10),
	       nd = strtoul(argv[4], NULL, 10);
	rng = strtoull(argv[5], NULL, 10) * 2654435761u + 88172645463325252ull;
	if (!nn || !nd)
		return 2;
	static const char *const types[] = {
	    "leads",       "member-of",  "affiliated-with", "supports",   "funds",
	    "attacked",    "met-with",   "based-in",        "located-in", "killed-by",
	    "arrested-by", "trained-by", "operates-in",     "part-of"};
	ties_graph *g = ties_graph_new();
	char buf[256], buf2[256], sha[65];
	for (size_t d = 0; d < nd; d++) {
		name(buf, sizeof buf, 4);
		snprintf(buf2, sizeof buf2, "reports/%zu.pdf", d);
		for (int i = 0; i < 64; i++)
			sha[i] = "0123456789abcdef"[below(16)];
		sha[64] = 0;
		char added[32];
		snprintf(added, sizeof added, "2024-%02zu-%02zuT10:00:00Z", 1 + d % 12, 1 + d % 28);
		ties_gdoc doc = {(int64_t)d + 1, buf2, buf, sha, added};
		ties_graph_add_doc(g, &doc);
	}
	for (size_t i = 0; i < nn; i++) {
		ties_gnode n = {0};
		n.id = (int64_t)i + 1;
		n.type = (ties_entity_type)(i % 7 < 3   ? TIES_ENT_PERSON
		                            : i % 7 < 5 ? TIES_ENT_ORGANIZATION
		                                        : i % 7 - 3);
		name(buf, sizeof buf, n.type == TIES_ENT_PERSON ? 2 : 3);
		/* unique names, as a knowledge base has */
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %zu", i);
		n.name = buf;
		const char *al[2];
		char a1[64], a2[64];
		if (i % 3 == 0) {
			name(a1, sizeof a1, 1);
			name(a2, sizeof a2, 2);
			al[0] = a1;
			al[1] = a2;
			n.aliases = al;
			n.naliases = 2;
		}
		if (n.type == TIES_ENT_LOCATION) {
			memcpy(n.country, "XK", 3);
			n.has_coords = 1;
			n.lat = (double)below(1600) / 10 - 80;
			n.lon = (double)below(3400) / 10 - 170;
		}
		ties_graph_add_node(g, &n);
	}
	size_t made = 0;
	while (made < nr) {
		/* skewed: a quarter of the ends among the first hundredth of nodes */
		size_t s = below(4) ? below(nn) : below(nn / 100 + 1);
		size_t t = below(nn);
		const char *type = types[below(sizeof types / sizeof *types)];
		size_t before = g->nedges;
		int k = 1 + (int)below(3);
		for (int e = 0; e < k; e++) {
			name(buf, sizeof buf, 3);
			snprintf(buf2, sizeof buf2,
			         "According to the report, %s %s %s in the %s area.",
			         g->nodes[s].name, type, g->nodes[t].name, buf);
			int notes[2] = {1 + (int)below(40), 1 + (int)below(40)};
			char nt0[128], nt1[128];
			name(nt0, sizeof nt0, 5);
			name(nt1, sizeof nt1, 5);
			const char *nts[2] = {nt0, nt1};
			char date[8];
			snprintf(date, sizeof date, "%zu", 1990 + below(35));
			ties_gevidence v = {0};
			v.doc = below(nd);
			v.text = buf2;
			v.start = below(100000);
			v.end = v.start + strlen(buf2);
			v.notes = notes;
			v.note_texts = nts;
			v.nnotes = below(3);
			v.hedge = (ties_hedge)below(7);
			v.negated = below(20) == 0;
			v.date = below(3) ? NULL : date;
			ties_graph_add_evidence(g, s, t, type, &v);
		}
		if (g->nedges > before)
			made++;
	}
	ties_export_format fmts[] = {TIES_EXPORT_STIX, TIES_EXPORT_GRAPHML, TIES_EXPORT_GEXF,
	                             TIES_EXPORT_DOT,  TIES_EXPORT_CSV,     TIES_EXPORT_JSON,
	                             TIES_EXPORT_HTML};
	for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
		double t0 = now();
		size_t bytes = 0;
		for (size_t i = 0; i < ties_export_nfiles(fmts[f]); i++) {
			ties_buf b;
			ties_error err;
			ties_buf_init(&b, 0);
			if (ties_export_file(g, fmts[f], i, NULL, &b, &err)) {
				fprintf(stderr, "%s\n", err.msg);
				return 1;
			}
			bytes += b.len;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dir,
			         ties_export_file_name(fmts[f], i));
			FILE *fp = fopen(path, "wb");
			if (!fp || fwrite(b.data, 1, b.len, fp) != b.len || fclose(fp)) {
				fprintf(stderr, "cannot write %s\n", path);
				return 1;
			}
			ties_buf_release(&b);
		}
		printf("%s %.3f %zu\n", ties_export_format_name(fmts[f]), now() - t0, bytes);
	}
	size_t statements = 0;
	for (size_t i = 0; i < g->nedges; i++)
		statements += g->edges[i].nevidence;
	fprintf(stderr, "%zu entities, %zu relations (%zu statements), %zu documents\n", g->nnodes,
	        g->nedges, statements, g->ndocs);
	ties_graph_free(g);
	return 0;
}
