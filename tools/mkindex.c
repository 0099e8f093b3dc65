/* mkindex: builds the extractor's lexicon index at make time from general
 * resources installed by Debian packages: WordNet (nouns with their class
 * from the hypernym chain, proper names with their synonyms, every lemma of
 * every part of speech, morphological exceptions), iso-codes (countries and
 * subdivisions) and, when built with HAVE_GEONAMES, libgeonames cities.
 *
 * Output: one record per line, sorted bytewise by key, so the library can
 * binary-search the file through a read-only mapping without loading it:
 *   key \t kind \t class \t country \t lat \t lon \t display \t synonyms
 * key: ties__xnorm of the name; kind: n (WordNet noun sense), w (lemma, with
 * its parts of speech in class), x (inflected form, lemma in display),
 * c (country), s (subdivision), g (city), d (a capitalised word of the
 * system dictionary: a name, often a given name).  class: P O L F X (person,
 * organization, location, facility, other) for names and nouns.
 *
 * usage: mkindex WORDNET_DIR ISO_CODES_JSON_DIR [DICT_WORDS] > index.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#ifdef HAVE_GEONAMES
#include <geonames.h>
#endif

typedef struct syn {
	long off;
	int lexfile;
	int nwords;
	char **words;
	int nhyp;
	long *hyp;
	int inst;
	char cls; /* 0 = not computed */
} syn;

static syn *syns;
static size_t nsyns, capsyns;
static char **out_lines;
static size_t nout, capout;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fprintf(stderr, "mkindex: out of memory\n");
		exit(1);
	}
	return p;
}

static void emit(const char *name, char kind, char cls, const char *country, double lat, double lon,
                 const char *display, const char *syns_s)
{
	char key[512];
	size_t k = ties__xnorm(name, strlen(name), key, sizeof key);
	if (k == 0 || k >= sizeof key - 1)
		return;
	char line[4096];
	int n = snprintf(line, sizeof line, "%s\t%c\t%c\t%s\t%.4f\t%.4f\t%s\t%s", key, kind,
	                 cls ? cls : 'X', country && *country ? country : "-", lat, lon, display,
	                 syns_s ? syns_s : "");
	if (n < 0 || (size_t)n >= sizeof line)
		return;
	if (nout == capout) {
		capout = capout ? capout * 2 : 65536;
		out_lines = xrealloc(out_lines, capout * sizeof *out_lines);
	}
	out_lines[nout++] = strdup(line);
}

static syn *find_syn(long off)
{
	size_t lo = 0, hi = nsyns;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (syns[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nsyns && syns[lo].off == off ? &syns[lo] : NULL;
}

static void load_nouns(const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/data.noun", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "mkindex: cannot open '%s'\n", path);
		exit(1);
	}
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) > 0) {
		if (line[0] == ' ')
			continue;
		char *p = line, *e;
		syn s = {0};
		s.off = strtol(p, &e, 10);
		s.lexfile = (int)strtol(e, &e, 10);
		while (*e == ' ')
			e++;
		e += 2; /* ss_type */
		s.nwords = (int)strtol(e, &e, 16);
		s.words = xrealloc(NULL, (size_t)s.nwords * sizeof *s.words);
		for (int i = 0; i < s.nwords; i++) {
			while (*e == ' ')
				e++;
			char *w = e;
			while (*e && *e != ' ')
				e++;
			s.words[i] = strndup(w, (size_t)(e - w));
			for (char *c = s.words[i]; *c; c++)
				if (*c == '_')
					*c = ' ';
			/* drop adjective markers like "(a)" */
			char *par = strchr(s.words[i], '(');
			if (par)
				*par = 0;
			strtol(e, &e, 16); /* lex_id */
		}
		int np = (int)strtol(e, &e, 10);
		s.hyp = xrealloc(NULL, (size_t)(np + 1) * sizeof *s.hyp);
		for (int i = 0; i < np; i++) {
			while (*e == ' ')
				e++;
			char sym[4] = {0};
			int k = 0;
			while (*e && *e != ' ' && k < 3)
				sym[k++] = *e++;
			long t = strtol(e, &e, 10);
			while (*e == ' ')
				e++;
			char pos = *e;
			e++;
			strtol(e, &e, 16);
			if (pos == 'n' && (!strcmp(sym, "@") || !strcmp(sym, "@i"))) {
				s.hyp[s.nhyp++] = t;
				if (sym[1] == 'i')
					s.inst = 1;
			}
		}
		if (nsyns == capsyns) {
			capsyns = capsyns ? capsyns * 2 : 65536;
			syns = xrealloc(syns, capsyns * sizeof *syns);
		}
		syns[nsyns++] = s;
	}
	free(line);
	fclose(f);
}

/* First synset offset of a noun lemma (sense 1) from index.noun. */
static long first_sense(const char *dir, const char *lemma)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/index.noun", dir);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char *line = NULL;
	size_t cap = 0;
	long r = -1;
	size_t n = strlen(lemma);
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, lemma, n) || line[n] != ' ')
			continue;
		char *last = strrchr(line, '\n');
		if (last)
			*last = 0;
		/* offsets are the trailing 8-digit fields; sense 1 comes first */
		char *tok = strtok(line, " ");
		int field = 0, synset_cnt = 0, p_cnt = 0;
		while (tok) {
			field++;
			if (field == 3)
				synset_cnt = atoi(tok);
			else if (field == 4)
				p_cnt = atoi(tok);
			else if (field == 4 + p_cnt + 3 && synset_cnt > 0) {
				r = strtol(tok, NULL, 10);
				break;
			}
			tok = strtok(NULL, " ");
		}
		break;
	}
	free(line);
	fclose(f);
	return r;
}

static long root_person, root_org, root_loc, root_struct, root_fac, root_group, root_region;
/* places WordNet files under nature rather than location: continents
 * ("Europe"), mountains and valleys, seas and rivers */
static long root_continent, root_landform, root_water;

static char classify(syn *s, int depth)
{
	if (s->cls)
		return s->cls;
	if (depth > 40)
		return 'X';
	char c = 'X';
	if (s->off == root_person)
		c = 'P';
	else if (s->off == root_org)
		c = 'O';
	else if (s->off == root_loc || s->off == root_region || s->off == root_continent ||
	         s->off == root_landform || s->off == root_water)
		c = 'L';
	else if (s->off == root_struct || s->off == root_fac)
		c = 'F';
	else if (s->off == root_group)
		c = 'G';
	else {
		/* the most specific class along any hypernym path; organization
		 * beats the generic social group */
		for (int i = 0; i < s->nhyp; i++) {
			syn *h = find_syn(s->hyp[i]);
			if (!h)
				continue;
			char hc = classify(h, depth + 1);
			if (hc == 'X')
				continue;
			if (c == 'X' || (c == 'G' && hc != 'G'))
				c = hc;
		}
	}
	s->cls = c;
	return c;
}

static int is_upper_start(const char *w)
{
	return w[0] >= 'A' && w[0] <= 'Z';
}

static void emit_nouns(void)
{
	for (size_t i = 0; i < nsyns; i++) {
		syn *s = &syns[i];
		char c = classify(s, 0);
		if (c == 'G')
			c = 'O';
		/* synonyms of proper names become aliases */
		char synbuf[2048];
		for (int w = 0; w < s->nwords; w++) {
			synbuf[0] = 0;
			size_t sl = 0;
			if (is_upper_start(s->words[w]) || s->inst) {
				for (int o = 0; o < s->nwords; o++) {
					size_t wl = strlen(s->words[o]);
					if (o == w || sl + wl + 2 >= sizeof synbuf)
						continue;
					if (sl)
						synbuf[sl++] = '|';
					memcpy(synbuf + sl, s->words[o], wl + 1);
					sl += wl;
				}
			}
			char flags[3] = {s->inst ? 'i' : '-',
			                 is_upper_start(s->words[w]) ? 'u' : '-', 0};
			/* country field carries the flags for noun records */
			emit(s->words[w], 'n', c, flags, 0, 0, s->words[w], synbuf);
		}
	}
}

static void emit_index(const char *dir)
{
	static const char *const pos[] = {"noun", "verb", "adj", "adv"};
	for (int p = 0; p < 4; p++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/index.%s", dir, pos[p]);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		char *line = NULL;
		size_t cap = 0;
		while (getline(&line, &cap, f) > 0) {
			if (line[0] == ' ')
				continue;
			char *sp = strchr(line, ' ');
			if (!sp)
				continue;
			*sp = 0;
			for (char *c = line; *c; c++)
				if (*c == '_')
					*c = ' ';
			char cls[2] = {'-', 0};
			if (p == 0) {
				/* class of the most frequent sense (the first offset) */
				char *tok = strtok(sp + 1, " \n");
				int field = 1, p_cnt = 0;
				while (tok) {
					field++;
					if (field == 4)
						p_cnt = atoi(tok);
					else if (field > 4 && field == 4 + p_cnt + 3) {
						syn *s = find_syn(strtol(tok, NULL, 10));
						if (s) {
							cls[0] = classify(s, 0);
							if (cls[0] == 'G')
								cls[0] = 'O';
						}
						break;
					}
					tok = strtok(NULL, " \n");
				}
			}
			char posc = pos[p][0] == 'a' && pos[p][1] == 'd' && pos[p][2] == 'v'
			                ? 'r'
			                : pos[p][0];
			emit(line, 'w', posc, cls, 0, 0, line, "");
		}
		free(line);
		fclose(f);
		snprintf(path, sizeof path, "%s/%s.exc", dir, pos[p]);
		f = fopen(path, "r");
		if (!f)
			continue;
		line = NULL;
		cap = 0;
		while (getline(&line, &cap, f) > 0) {
			char a[256], b[256];
			if (sscanf(line, "%255s %255s", a, b) != 2)
				continue;
			for (char *c = b; *c; c++)
				if (*c == '_')
					*c = ' ';
			char posc = pos[p][0] == 'a' && pos[p][1] == 'd' && pos[p][2] == 'v'
			                ? 'r'
			                : pos[p][0];
			emit(a, 'x', posc, "-", 0, 0, b, "");
		}
		free(line);
		fclose(f);
	}
}

/* Minimal reader for the iso-codes JSON: objects of "key": "value" pairs. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *d = xrealloc(NULL, (size_t)n + 1);
	if (fread(d, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(d);
		return NULL;
	}
	d[n] = 0;
	fclose(f);
	return d;
}

static int json_field(const char *obj, const char *end, const char *key, char *out, size_t cap)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\": \"", key);
	const char *p = strstr(obj, pat);
	if (!p || p > end)
		return 0;
	p += strlen(pat);
	size_t n = 0;
	while (*p && *p != '"' && n + 1 < cap) {
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p++;
	}
	out[n] = 0;
	return 1;
}

static void emit_iso(const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/iso_3166-1.json", dir);
	char *d = slurp(path);
	for (char *p = d ? strchr(d, '{') : NULL; p && (p = strchr(p + 1, '{'));) {
		char *end = strchr(p, '}');
		if (!end)
			break;
		char a2[8], name[256], v[256];
		if (json_field(p, end, "alpha_2", a2, sizeof a2) &&
		    json_field(p, end, "name", name, sizeof name)) {
			const char *disp = name;
			if (json_field(p, end, "common_name", v, sizeof v)) {
				emit(v, 'c', 'L', a2, 0, 0, v, "");
				disp = v;
			}
			char dispbuf[256];
			snprintf(dispbuf, sizeof dispbuf, "%s", disp);
			if (!strchr(name, ','))
				emit(name, 'c', 'L', a2, 0, 0, dispbuf, "");
			if (json_field(p, end, "official_name", v, sizeof v))
				emit(v, 'c', 'L', a2, 0, 0, dispbuf, "");
		}
		p = end;
	}
	free(d);
	snprintf(path, sizeof path, "%s/iso_3166-2.json", dir);
	d = slurp(path);
	for (char *p = d ? strchr(d, '{') : NULL; p && (p = strchr(p + 1, '{'));) {
		char *end = strchr(p, '}');
		if (!end)
			break;
		char code[16], name[256];
		if (json_field(p, end, "code", code, sizeof code) &&
		    json_field(p, end, "name", name, sizeof name)) {
			char cc[3] = {code[0], code[1], 0};
			/* "Name [Other]" and "Name (Other)" forms list two names */
			char *br = strpbrk(name, "[(");
			if (br) {
				char alt[256];
				snprintf(alt, sizeof alt, "%s", br + 1);
				char *cl = strpbrk(alt, "])");
				if (cl)
					*cl = 0;
				while (br > name && br[-1] == ' ')
					br--;
				*br = 0;
				emit(alt, 's', 'L', cc, 0, 0, alt, "");
			}
			emit(name, 's', 'L', cc, 0, 0, name, "");
		}
		p = end;
	}
	free(d);
}

static void emit_cities(void)
{
#ifdef HAVE_GEONAMES
	int n = geonames_get_n_cities();
	for (int i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);
		if (!c)
			continue;
		char pop[32];
		snprintf(pop, sizeof pop, "%u", geonames_city_get_population(c));
		emit(geonames_city_get_name(c), 'g', 'L', geonames_city_get_country_code(c),
		     geonames_city_get_latitude(c), geonames_city_get_longitude(c),
		     geonames_city_get_name(c), pop);
		/* the country's everyday name ("Russia" beside iso's "Russian
		 * Federation"); duplicates collapse when the index is written */
		const char *cn = geonames_city_get_country(c);
		if (cn && *cn)
			emit(cn, 'c', 'L', geonames_city_get_country_code(c), 0, 0, cn, "");
		geonames_city_free(c);
	}
#endif
}

static void emit_dict(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[256];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!is_upper_start(line) || strchr(line, '\''))
			continue;
		emit(line, 'd', 'X', "-", 0, 0, line, "");
	}
	fclose(f);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: mkindex WORDNET_DIR ISO_CODES_JSON_DIR [DICT_WORDS]\n");
		return 2;
	}
	load_nouns(argv[1]);
	root_person = first_sense(argv[1], "person");
	root_org = first_sense(argv[1], "organization");
	root_loc = first_sense(argv[1], "location");
	root_region = first_sense(argv[1], "geographical_area");
	root_struct = first_sense(argv[1], "structure");
	root_fac = first_sense(argv[1], "facility");
	root_group = first_sense(argv[1], "social_group");
	root_continent = first_sense(argv[1], "continent");
	root_landform = first_sense(argv[1], "geological_formation");
	root_water = first_sense(argv[1], "body_of_water");
	if (root_person < 0 || root_org < 0) {
		fprintf(stderr, "mkindex: no WordNet noun index in '%s'\n", argv[1]);
		return 1;
	}
	emit_nouns();
	emit_index(argv[1]);
	emit_iso(argv[2]);
	emit_cities();
	if (argc == 4)
		emit_dict(argv[3]);
	qsort(out_lines, nout, sizeof *out_lines, cmp_line);
	for (size_t i = 0; i < nout; i++)
		if (!i || strcmp(out_lines[i], out_lines[i - 1]))
			printf("%s\n", out_lines[i]);
	return 0;
}
