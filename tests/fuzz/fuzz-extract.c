/* Fuzz target: the extractor on arbitrary text (read, then extract).  Every
 * entity, mention and relation must point inside the document, the JSON
 * contract must be valid JSON, and the graph made from it (as `ties export`
 * makes it) sound and exportable. */
#include "fuzz.h"
#include "ties/export.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_warm_repair();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return 0;
	ties_read_opts o = {0};
	o.max_input = 256u << 10;
	o.max_line = 64u << 10;
	o.max_search = 1000000;
	ties_doc *doc;
	ties_error err;
	if (ties_read_buffer((const char *)data, size, "fuzz", &o, &doc, &err))
		return 0;
	ties_extract_opts xo = {0};
	xo.max_entities = 2000;
	xo.max_relations = 5000;
	ties_extraction *x = (ties_extraction *)1;
	ties_code rc = ties_extract(doc, &xo, &x, &err);
	if (rc) {
		fuzz_check_error(rc, &err);
		ties_doc_free(doc);
		return 0;
	}
	FUZZ_CHECK(x->doc == doc, "extraction of another document");
	FUZZ_CHECK(x->nentities <= xo.max_entities, "%zu entities over the limit", x->nentities);
	FUZZ_CHECK(x->nrelations <= xo.max_relations, "%zu relations over the limit",
	           x->nrelations);
	for (size_t i = 0; i < x->nentities; i++) {
		const ties_entity *e = &x->entities[i];
		FUZZ_CHECK(memchr(e->id, '\0', sizeof e->id) != NULL, "entity %zu id unterminated",
		           i);
		FUZZ_CHECK(e->name && *e->name && fuzz_utf8_valid(e->name, strlen(e->name)),
		           "entity %zu name empty or not UTF-8", i);
		FUZZ_CHECK((unsigned)e->type <= TIES_ENT_OTHER, "entity %zu type %d", i, e->type);
		for (size_t k = 0; k < e->naliases; k++)
			FUZZ_CHECK(e->aliases[k] &&
			               fuzz_utf8_valid(e->aliases[k], strlen(e->aliases[k])),
			           "entity %zu alias %zu", i, k);
		for (size_t k = 0; k < e->nmentions; k++) {
			ties_span s = e->mentions[k];
			FUZZ_CHECK(s.start < s.end && s.end <= doc->len,
			           "entity %zu mention [%zu,%zu)", i, s.start, s.end);
			FUZZ_CHECK(fuzz_utf8_boundary(doc->text, doc->len, s.start) &&
			               fuzz_utf8_boundary(doc->text, doc->len, s.end),
			           "entity %zu mention splits a character", i);
		}
		if (e->has_coords)
			FUZZ_CHECK(e->lat >= -90 && e->lat <= 90 && e->lon >= -180 && e->lon <= 180,
			           "entity %zu coordinates", i);
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(strcmp(x->entities[k].id, e->id) != 0, "duplicate id %s", e->id);
	}
	for (size_t i = 0; i < x->nrelations; i++) {
		const ties_relation *r = &x->relations[i];
		FUZZ_CHECK(r->source < x->nentities && r->target < x->nentities,
		           "relation %zu ends %zu %zu of %zu", i, r->source, r->target,
		           x->nentities);
		FUZZ_CHECK(r->type && *r->type, "relation %zu without type", i);
		FUZZ_CHECK(r->evidence.start <= r->evidence.end && r->evidence.end <= doc->len,
		           "relation %zu evidence [%zu,%zu)", i, r->evidence.start,
		           r->evidence.end);
		FUZZ_CHECK((unsigned)r->hedge <= TIES_HEDGE_UNLIKELY, "relation %zu hedge", i);
		int c = ties_hedge_confidence(r->hedge);
		FUZZ_CHECK(c >= 0 && c <= 100, "hedge confidence %d", c);
	}
	ties_buf j;
	ties_buf_init(&j, 0);
	if (ties_extraction_write_json(x, &j) == TIES_OK)
		fuzz_check_json(&j, "extraction JSON");
	ties_buf_release(&j);

	ties_graph *g = ties_graph_new();
	FUZZ_CHECK(g != NULL, "graph_new");
	rc = ties_graph_add_extraction(g, x, &err);
	if (rc == TIES_OK) {
		FUZZ_CHECK(g->nnodes <= x->nentities, "%zu nodes from %zu entities", g->nnodes,
		           x->nentities);
		for (size_t i = 0; i < g->nedges; i++) {
			const ties_gedge *e = &g->edges[i];
			FUZZ_CHECK(e->source < g->nnodes && e->target < g->nnodes, "edge %zu ends",
			           i);
			for (size_t k = 0; k < e->nevidence; k++) {
				const ties_gevidence *v = &e->evidence[k];
				FUZZ_CHECK(v->doc < g->ndocs, "edge %zu evidence doc", i);
				FUZZ_CHECK(v->start <= v->end && v->end <= doc->len,
				           "edge %zu evidence [%zu,%zu) of %zu", i, v->start,
				           v->end, doc->len);
			}
		}
		ties_buf_init(&j, 0);
		if (ties_export(g, TIES_EXPORT_JSON, NULL, &j, &err) == TIES_OK)
			fuzz_check_json(&j, "graph JSON export");
		ties_buf_release(&j);
	} else {
		fuzz_check_error(rc, &err);
	}
	ties_graph_free(g);
	ties_extraction_free(x);
	ties_doc_free(doc);
	return 0;
}
