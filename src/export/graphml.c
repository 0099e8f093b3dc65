/* GraphML (Gephi, yEd, networkx, igraph): typed keys for every attribute,
 * one <data> per known value; valid against the GraphML schema. */
#include <string.h>

#include "export_int.h"

static const char *const keys[][4] = {
    /* id, for, attr.name, attr.type */
    {"n_name", "node", "name", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_country", "node", "country", "string"},
    {"n_lat", "node", "latitude", "double"},
    {"n_lon", "node", "longitude", "double"},
    {"n_kb_id", "node", "kb_id", "long"},
    {"e_type", "edge", "type", "string"},
    {"e_confidence", "edge", "confidence", "int"},
    {"e_hedge", "edge", "hedge", "string"},
    {"e_negated", "edge", "negated", "boolean"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"},
    {"e_documents", "edge", "documents", "string"},
    {"e_notes", "edge", "notes", "string"},
    {"e_date", "edge", "date", "string"},
};

static ties_code data_open(ties_buf *b, const char *key)
{
	return ties_buf_printf(b, "<data key=\"%s\">", key);
}

static ties_code data_str(ties_buf *b, const char *key, const char *v)
{
	if (!v)
		return TIES_OK;
	ties_code rc = data_open(b, key);
	rc = rc ? rc : ties__xml_str(b, v);
	return rc ? rc : ties_buf_adds(b, "</data>");
}

/* A value built in tmp (already clean text), escaped into b. */
static ties_code data_tmp(ties_buf *b, const char *key, ties_buf *tmp)
{
	if (!tmp->len)
		return TIES_OK;
	return data_str(b, key, tmp->data);
}

ties_code ties__export_graphml(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                               ties_error *err)
{
	(void)o;
	ties_buf tmp;
	ties_buf_init(&tmp, 0);
	ties_code rc =
	    ties_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
	                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	                       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	                       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	for (size_t i = 0; !rc && i < sizeof keys / sizeof *keys; i++)
		rc = ties_buf_printf(
		    out, "<key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		    keys[i][0], keys[i][1], keys[i][2], keys[i][3]);
	rc = rc ? rc : ties_buf_adds(out, "<graph id=\"ties\" edgedefault=\"directed\">\n");
	for (size_t i = 0; !rc && i < g->nnodes; i++) {
		const ties_gnode *n = &g->nodes[i];
		rc = ties_buf_printf(out, "<node id=\"n%lld\">", (long long)n->id);
		rc = rc ? rc : data_str(out, "n_name", n->name);
		rc = rc ? rc : data_str(out, "n_type", ties_entity_type_name(n->type));
		ties_buf_clear(&tmp);
		for (size_t k = 0; !rc && k < n->naliases; k++) {
			if (k)
				rc = ties_buf_adds(&tmp, "; ");
			rc = rc ? rc : ties__clean_text(&tmp, n->aliases[k], 1);
		}
		rc = rc ? rc : data_tmp(out, "n_aliases", &tmp);
		if (!rc && n->country[0]) {
			char c[3] = {n->country[0], n->country[1], 0};
			rc = data_str(out, "n_country", c);
		}
		if (!rc && ties__node_coords_ok(n))
			rc = ties_buf_printf(out,
			                     "<data key=\"n_lat\">%.6f</data>"
			                     "<data key=\"n_lon\">%.6f</data>",
			                     n->lat, n->lon);
		rc = rc ? rc
		        : ties_buf_printf(out, "<data key=\"n_kb_id\">%lld</data></node>\n",
		                          (long long)n->id);
	}
	for (size_t i = 0; !rc && i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		rc = ties_buf_printf(out, "<edge id=\"e%zu\" source=\"n%lld\" target=\"n%lld\">", i,
		                     (long long)g->nodes[e->source].id,
		                     (long long)g->nodes[e->target].id);
		rc = rc ? rc : data_str(out, "e_type", e->type);
		rc = rc ? rc
		        : ties_buf_printf(out,
		                          "<data key=\"e_confidence\">%d</data>"
		                          "<data key=\"e_hedge\">%s</data>"
		                          "<data key=\"e_negated\">%s</data>"
		                          "<data key=\"e_evidence_count\">%zu</data>",
		                          ties_gedge_confidence(e),
		                          ties_hedge_name(ties__edge_hedge(e)),
		                          ties__edge_negated(e) ? "true" : "false", e->nevidence);
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_evidence_text(g, e, "\n", &tmp);
		rc = rc ? rc : data_tmp(out, "e_evidence", &tmp);
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_documents(g, e, "; ", &tmp);
		rc = rc ? rc : data_tmp(out, "e_documents", &tmp);
		ties_buf_clear(&tmp);
		rc = rc ? rc : ties__edge_notes(g, e, "; ", &tmp);
		rc = rc ? rc : data_tmp(out, "e_notes", &tmp);
		rc = rc ? rc : data_str(out, "e_date", ties__edge_date(e));
		rc = rc ? rc : ties_buf_adds(out, "</edge>\n");
	}
	rc = rc ? rc : ties_buf_adds(out, "</graph>\n</graphml>\n");
	ties_buf_release(&tmp);
	return rc ? ties__export_fail(err, rc, "graphml") : TIES_OK;
}
