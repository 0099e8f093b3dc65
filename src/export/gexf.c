/* GEXF 1.2 (Gephi): typed node and edge attributes, edge label = relation
 * type, weight = number of statements; valid against the GEXF 1.2 schema. */
#include <stdio.h>
#include <string.h>

#include "export_int.h"

static const char *const node_attrs[][2] = {
    {"type", "string"},     {"aliases", "string"},   {"country", "string"},
    {"latitude", "double"}, {"longitude", "double"}, {"kb_id", "long"},
};
static const char *const edge_attrs[][2] = {
    {"type", "string"},      {"confidence", "integer"}, {"hedge", "string"},
    {"negated", "boolean"},  {"evidence", "string"},    {"evidence_count", "integer"},
    {"documents", "string"}, {"notes", "string"},       {"date", "string"},
};

/* xs:token: no tabs or newlines, no leading, trailing or double spaces. */
static ties_code token(ties_buf *b, const char *s, ties_buf *tmp)
{
	ties_buf_clear(tmp);
	ties_code rc = ties__clean_text(tmp, s, 1);
	if (rc || !tmp->len)
		return rc;
	size_t w = 0;
	for (size_t r = 0; r < tmp->len; r++) {
		char c = tmp->data[r];
		if (c == ' ' && (w == 0 || tmp->data[w - 1] == ' '))
			continue;
		tmp->data[w++] = c;
	}
	while (w && tmp->data[w - 1] == ' ')
		w--;
	tmp->len = w;
	tmp->data[w] = 0;
	return ties__xml_str(b, tmp->data);
}

static ties_code attv(ties_buf *b, int id, const char *v)
{
	if (!v || !*v)
		return TIES_OK;
	ties_code rc = ties_buf_printf(b, "<attvalue for=\"%d\" value=\"", id);
	rc = rc ? rc : ties__xml_str(b, v);
	return rc ? rc : ties_buf_adds(b, "\"/>");
}

static ties_code attributes(ties_buf *b, const char *cls, const char *const (*a)[2], size_t n)
{
	ties_code rc = ties_buf_printf(b, "<attributes class=\"%s\">\n", cls);
	for (size_t i = 0; !rc && i < n; i++)
		rc = ties_buf_printf(b, "<attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n", i,
		                     a[i][0], a[i][1]);
	return rc ? rc : ties_buf_adds(b, "</attributes>\n");
}

ties_code ties__export_gexf(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err)
{
	ties_buf tmp, tok;
	ties_buf_init(&tmp, 0);
	ties_buf_init(&tok, 0);
	ties_code rc = ties_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                                  "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
	                                  "version=\"1.2\">\n<meta><creator>ties</creator>");
	if (!rc && o->title) {
		rc = ties_buf_adds(out, "<description>");
		rc = rc ? rc : ties__xml_str(out, o->title);
		rc = rc ? rc : ties_buf_adds(out, "</description>");
	}
	rc = rc ? rc
	        : ties_buf_adds(out, "</meta>\n<graph mode=\"static\" "
	                             "defaultedgetype=\"directed\">\n");
	rc = rc ? rc : attributes(out, "node", node_attrs, sizeof node_attrs / sizeof *node_attrs);
	rc = rc ? rc : attributes(out, "edge", edge_attrs, sizeof edge_attrs / sizeof *edge_attrs);
	rc = rc ? rc : ties_buf_printf(out, "<nodes count=\"%zu\">\n", g->nnodes);
	char num[64];
	for (size_t i = 0; !rc && i < g->nnodes; i++) {
		const ties_gnode *n = &g->nodes[i];
		rc = ties_buf_printf(out, "<node id=\"n%lld\" label=\"", (long long)n->id);
		rc = rc ? rc : token(out, n->name, &tok);
		rc = rc ? rc : ties_buf_adds(out, "\"><attvalues>");
		rc = rc ? rc : attv(out, 0, ties_entity_type_name(n->type));
		ties_buf_clear(&tmp);
		for (size_t k = 0; !rc && k < n->naliases; k++) {
			if (k)
				rc = ties_buf_adds(&tmp, "; ");
			rc = rc ? rc : ties__clean_text(&tmp, n->aliases[k], 1);
		}
		rc = rc ? rc : attv(out, 1, tmp.len ? tmp.data : NULL);
		if (!rc && n->country[0]) {
			char c[3] = {n->country[0], n->country[1], 0};
			rc = attv(out, 2, c);
		}
		if (!rc && ties__node_coords_ok(n)) {
			snprintf(num, sizeof num, "%.6f", n->lat);
			rc = attv(out, 3, num);
			snprintf(num, sizeof num, "%.6f", n->lon);
			rc = rc ? rc : attv(out, 4, num);
		}
		snprintf(num, sizeof num, "%lld", (long long)n->id);
		rc = rc ? rc : attv(out, 5, num);
		rc = rc ? rc : ties_buf_adds(out, "</attvalues></node>\n");
	}
	rc = rc ? rc : ties_buf_printf(out, "</nodes>\n<edges count=\"%zu\">\n", g->nedges);
	for (size_t i = 0; !rc && i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		rc = ties_buf_printf(
		    out, "<edge id=\"e%zu\" source=\"n%lld\" target=\"n%lld\" label=\"", i,
		    (long long)g->nodes[e->source].id, (long long)g->nodes[e->target].id);
		rc = rc ? rc : token(out, e->type, &tok);
		rc = rc ? rc
		        : ties_buf_printf(out, "\" weight=\"%zu\"><attvalues>",
		                          e->nevidence ? e->nevidence : 1);
		rc = rc ? rc : attv(out, 0, e->type);
		snprintf(num, sizeof num, "%d", ties_gedge_confidence(e));
		rc = rc ? rc : attv(out, 1, num);
		rc = rc ? rc : attv(out, 2, ties_hedge_name(ties__edge_hedge(e)));
		rc = rc ? rc : attv(out, 3, ties__edge_negated(e) ? "true" : "false");
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_evidence_text(g, e, "\n", &tmp);
		rc = rc ? rc : attv(out, 4, tmp.len ? tmp.data : NULL);
		snprintf(num, sizeof num, "%zu", e->nevidence);
		rc = rc ? rc : attv(out, 5, num);
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_documents(g, e, "; ", &tmp);
		rc = rc ? rc : attv(out, 6, tmp.len ? tmp.data : NULL);
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_notes(g, e, "; ", &tmp);
		rc = rc ? rc : attv(out, 7, tmp.len ? tmp.data : NULL);
		rc = rc ? rc : attv(out, 8, ties__edge_date(e));
		rc = rc ? rc : ties_buf_adds(out, "</attvalues></edge>\n");
	}
	rc = rc ? rc : ties_buf_adds(out, "</edges>\n</graph>\n</gexf>\n");
	ties_buf_release(&tmp);
	ties_buf_release(&tok);
	return rc ? ties__export_fail(err, rc, "gexf") : TIES_OK;
}
