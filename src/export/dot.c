/* DOT (Graphviz): entity types as shapes and fill colours, relation types
 * as edge labels, hedged statements dotted, negated ones dashed and grey;
 * the evidence is the edge tooltip (SVG output). */
#include <string.h>

#include "export_int.h"

static const char *shape(ties_entity_type t)
{
	switch (t) {
	case TIES_ENT_PERSON: return "ellipse";
	case TIES_ENT_ORGANIZATION: return "box";
	case TIES_ENT_LOCATION: return "house";
	case TIES_ENT_FACILITY: return "box3d";
	case TIES_ENT_EVENT: return "diamond";
	case TIES_ENT_OTHER: break;
	}
	return "octagon";
}

/* A DOT double-quoted string from text: quote and backslash escaped,
 * newlines as \n, other controls replaced. */
static ties_code quoted(ties_buf *b, const char *s, ties_buf *tmp)
{
	ties_buf_clear(tmp);
	ties_code rc = ties__clean_text(tmp, s ? s : "", 0);
	rc = rc ? rc : ties_buf_addc(b, '"');
	for (size_t i = 0; !rc && i < tmp->len; i++) {
		char c = tmp->data[i];
		if (c == '"' || c == '\\')
			rc = ties_buf_addc(b, '\\');
		if (!rc && c == '\n')
			rc = ties_buf_adds(b, "\\n");
		else if (!rc && c == '\r')
			continue;
		else if (!rc && c == '\t')
			rc = ties_buf_addc(b, ' ');
		else if (!rc)
			rc = ties_buf_addc(b, c);
	}
	return rc ? rc : ties_buf_addc(b, '"');
}

ties_code ties__export_dot(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                           ties_error *err)
{
	ties_buf tmp, txt;
	ties_buf_init(&tmp, 0);
	ties_buf_init(&txt, 0);
	ties_code rc = ties_buf_adds(out, "digraph ties {\n"
	                                  "\tgraph [rankdir=LR, overlap=false, splines=true, "
	                                  "nodesep=0.4, ranksep=0.8, fontname=\"Helvetica\"");
	if (!rc && o->title) {
		rc = ties_buf_adds(out, ", labelloc=t, fontsize=16, label=");
		rc = rc ? rc : quoted(out, o->title, &tmp);
	}
	rc = rc ? rc
	        : ties_buf_adds(out, "];\n\tnode [style=filled, fontname=\"Helvetica\", "
	                             "fontsize=10, penwidth=0];\n"
	                             "\tedge [fontname=\"Helvetica\", fontsize=8, "
	                             "color=\"#555555\", fontcolor=\"#333333\"];\n");
	for (size_t i = 0; !rc && i < g->nnodes; i++) {
		const ties_gnode *n = &g->nodes[i];
		rc = ties_buf_printf(out, "\t\"n%lld\" [label=", (long long)n->id);
		rc = rc ? rc : quoted(out, n->name, &tmp);
		rc = rc ? rc
		        : ties_buf_printf(out, ", shape=%s, fillcolor=\"%s\", fontcolor=\"%s\"",
		                          shape(n->type), ties__type_colour(n->type),
		                          n->type == TIES_ENT_FACILITY ? "black" : "white");
		ties_buf_clear(&txt);
		rc = rc ? rc : ties_buf_adds(&txt, ties_entity_type_name(n->type));
		for (size_t k = 0; !rc && k < n->naliases; k++) {
			rc = ties_buf_adds(&txt, k ? "; " : "; aka ");
			rc = rc ? rc : ties_buf_adds(&txt, n->aliases[k] ? n->aliases[k] : "");
		}
		rc = rc ? rc : ties_buf_adds(out, ", tooltip=");
		rc = rc ? rc : quoted(out, txt.data, &tmp);
		rc = rc ? rc : ties_buf_adds(out, "];\n");
	}
	for (size_t i = 0; !rc && i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		int neg = ties__edge_negated(e), conf = ties_gedge_confidence(e);
		rc = ties_buf_printf(
		    out, "\t\"n%lld\" -> \"n%lld\" [label=", (long long)g->nodes[e->source].id,
		    (long long)g->nodes[e->target].id);
		ties_buf_clear(&txt);
		rc = rc ? rc : ties_buf_printf(&txt, "%s%s", neg ? "not " : "", e->type);
		rc = rc ? rc : quoted(out, txt.data, &tmp);
		if (!rc && neg)
			rc = ties_buf_adds(out, ", style=dashed, color=\"#aaaaaa\"");
		else if (!rc && conf < 50)
			rc = ties_buf_adds(out, ", style=dotted");
		if (!rc && e->nevidence > 1)
			rc = ties_buf_printf(
			    out, ", penwidth=%.1f",
			    1.0 + 0.5 * (double)(e->nevidence > 5 ? 5 : e->nevidence));
		ties_buf_clear(&txt);
		rc = rc ? rc : ties__edge_evidence_text(g, e, "\n", &txt);
		if (!rc && txt.len) {
			rc = ties_buf_adds(out, ", tooltip=");
			rc = rc ? rc : quoted(out, txt.data, &tmp);
		}
		rc = rc ? rc : ties_buf_adds(out, "];\n");
	}
	rc = rc ? rc : ties_buf_adds(out, "}\n");
	ties_buf_release(&tmp);
	ties_buf_release(&txt);
	return rc ? ties__export_fail(err, rc, "dot") : TIES_OK;
}
