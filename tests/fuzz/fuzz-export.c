/* Fuzz target: the link graph and its exports.  The input is decoded into a
 * graph with hostile strings (names, aliases, evidence, titles: anything,
 * including markup, control characters and invalid UTF-8), which is then
 * checked, cut by a subgraph filter, and exported in every format: each
 * export must be deterministic and syntactically valid (JSON, XML, CSV,
 * DOT), and the HTML page must hold exactly the script elements it holds
 * for a harmless graph, whatever the text.
 *
 * Input: lines; the first byte of each says what it adds:
 *   D title          a document
 *   N name           a node (type from the length)
 *   A alias          an alias of the last node
 *   E s t type|text  evidence for an edge between nodes s and t (bytes) */
#include "formats.h"
#include "ties/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXA 8

static void check_graph(const ties_graph *g)
{
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		FUZZ_CHECK(e->source < g->nnodes && e->target < g->nnodes, "edge %zu ends", i);
		FUZZ_CHECK(e->type && e->nevidence > 0, "edge %zu without type or evidence", i);
		for (size_t k = 0; k < e->nevidence; k++)
			FUZZ_CHECK(e->evidence[k].doc < g->ndocs, "edge %zu evidence doc", i);
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(!(g->edges[k].source == e->source &&
			             g->edges[k].target == e->target &&
			             strcmp(g->edges[k].type, e->type) == 0),
			           "edges %zu and %zu are the same edge", k, i);
		int c = ties_gedge_confidence(e);
		FUZZ_CHECK(c >= 0 && c <= 100, "confidence %d", c);
	}
}

static ties_code export_one(const ties_graph *g, ties_export_format f, size_t i,
                            const ties_export_opts *o, ties_buf *b)
{
	ties_error err;
	ties_buf_clear(b);
	ties_code rc = ties_export_file(g, f, i, o, b, &err);
	if (rc)
		fuzz_check_error(rc, &err);
	return rc;
}

static size_t html_scripts_baseline(void)
{
	static size_t n = (size_t)-1;
	if (n != (size_t)-1)
		return n;
	ties_graph *g = ties_graph_new();
	ties_gdoc d = {1, "a.txt", "A", "0", NULL};
	ties_graph_add_doc(g, &d);
	ties_buf b;
	ties_buf_init(&b, 0);
	ties_error err;
	FUZZ_CHECK(ties_export(g, TIES_EXPORT_HTML, NULL, &b, &err) == TIES_OK,
	           "html export of a harmless graph: %s", err.msg);
	n = fuzz_count_ci(b.data, b.len, "<script") * 1000 +
	    fuzz_count_ci(b.data, b.len, "</script");
	ties_buf_release(&b);
	ties_graph_free(g);
	return n;
}

static void check_exports(const ties_graph *g, const char *title)
{
	ties_export_opts o = {0};
	o.title = title;
	ties_buf a, b;
	ties_buf_init(&a, 0);
	ties_buf_init(&b, 0);
	for (int f = TIES_EXPORT_STIX; f <= TIES_EXPORT_HTML; f++) {
		for (size_t i = 0; i < ties_export_nfiles((ties_export_format)f); i++) {
			const char *name = ties_export_file_name((ties_export_format)f, i);
			if (export_one(g, (ties_export_format)f, i, &o, &a))
				continue;
			FUZZ_CHECK(export_one(g, (ties_export_format)f, i, &o, &b) == TIES_OK &&
			               a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
			           "%s: two exports of one graph differ", name);
			const char *why = NULL, *d = a.data ? a.data : "";
			size_t recs;
			switch ((ties_export_format)f) {
			case TIES_EXPORT_STIX:
			case TIES_EXPORT_JSON: fuzz_check_json(&a, name); break;
			case TIES_EXPORT_GRAPHML:
			case TIES_EXPORT_GEXF: why = fuzz_xml_wellformed(d, a.len); break;
			case TIES_EXPORT_CSV: why = fuzz_csv_valid(d, a.len, &recs); break;
			case TIES_EXPORT_DOT: why = fuzz_dot_valid(d, a.len); break;
			case TIES_EXPORT_HTML: {
				size_t n = fuzz_count_ci(d, a.len, "<script") * 1000 +
				           fuzz_count_ci(d, a.len, "</script");
				FUZZ_CHECK(n == html_scripts_baseline(),
				           "html: script tags %zu, a harmless graph has %zu", n,
				           html_scripts_baseline());
				const char *st = strstr(d, "id=\"ties-data\">");
				const char *en = st ? strstr(st, "</script>") : NULL;
				FUZZ_CHECK(st && en, "html: no data block");
				st += strlen("id=\"ties-data\">");
				const char *jw;
				FUZZ_CHECK(fuzz_json_valid(st, (size_t)(en - st), 1, &jw),
				           "html: data block is not valid JSON: %s", jw);
				break;
			}
			}
			FUZZ_CHECK(why == NULL, "%s: %s", name, why);
		}
	}
	ties_buf_release(&a);
	ties_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1u << 16)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	ties_graph *g = ties_graph_new();
	FUZZ_CHECK(g != NULL, "graph_new");
	ties_gdoc d0 = {1, "fuzz", "", "0", NULL};
	FUZZ_CHECK(ties_graph_add_doc(g, &d0) == 0, "first doc");
	const char *aliases[MAXA];
	size_t naliases = 0;
	static const char *types[] = {"leads", "member-of", "affiliated-with", "funds", "based-in"};
	char *line = s;
	while (line < s + size) {
		char *nl = memchr(line, '\n', (size_t)(s + size - line));
		char *end = nl ? nl : s + size;
		*end = '\0';
		size_t n = (size_t)(end - line);
		if (n >= 1 && line[0] == 'D') {
			ties_gdoc d = {(int64_t)g->ndocs + 1, line + 1, line + 1, "", NULL};
			ties_graph_add_doc(g, &d);
		} else if (n >= 1 && line[0] == 'N') {
			ties_gnode nd = {0};
			nd.id = (int64_t)g->nnodes + 1;
			nd.name = line + 1;
			nd.type = (ties_entity_type)(n % 6);
			nd.aliases = aliases;
			nd.naliases = naliases;
			if (n % 3 == 0) {
				nd.has_coords = 1;
				nd.lat = (double)(n % 180) - 90;
				nd.lon = (double)(n % 360) - 180;
				memcpy(nd.country, "ZZ", 3);
			}
			ties_graph_add_node(g, &nd);
			naliases = 0;
		} else if (n >= 1 && line[0] == 'A') {
			if (naliases < MAXA)
				aliases[naliases++] = line + 1;
		} else if (n >= 3 && line[0] == 'E' && g->nnodes) {
			size_t a = (unsigned char)line[1] % g->nnodes;
			size_t b = (unsigned char)line[2] % g->nnodes;
			const char *type = types[n % 5];
			char *bar = strchr(line + 3, '|');
			if (bar) {
				*bar = '\0';
				type = line + 3;
			}
			const char *text = bar ? bar + 1 : line + 3;
			int notes[2] = {(int)n, 1};
			const char *note_texts[2] = {text, NULL};
			ties_gevidence ev = {0};
			ev.doc = n % g->ndocs;
			ev.text = text;
			ev.end = strlen(text);
			ev.notes = notes;
			ev.note_texts = note_texts;
			ev.nnotes = n % 3;
			ev.hedge = (ties_hedge)(n % 7);
			ev.negated = n % 5 == 0;
			ev.date = n % 4 ? NULL : "2001-02";
			ties_graph_add_evidence(g, a, b, type, &ev);
		}
		line = end + 1;
	}
	check_graph(g);
	const char *title = size % 2 ? NULL : (g->ndocs > 1 ? g->docs[1].title : "t");
	check_exports(g, title);

	/* the neighbourhood of the first node, as `export --around` cuts it */
	if (g->nnodes) {
		ties_graph_filter f = {0};
		f.around = g->nodes[0].name;
		f.depth = 1 + size % 3;
		f.min_confidence = (int)(size % 4) * 20;
		ties_graph *sub = NULL;
		ties_error err;
		ties_code rc = ties_graph_subgraph(g, &f, &sub, &err);
		if (rc == TIES_OK) {
			check_graph(sub);
			FUZZ_CHECK(sub->nnodes <= g->nnodes && sub->nedges <= g->nedges,
			           "subgraph larger than the graph");
			check_exports(sub, title);
			ties_graph_free(sub);
		} else {
			fuzz_check_error(rc, &err);
		}
	}
	ties_graph_free(g);
	free(s);
	return 0;
}
