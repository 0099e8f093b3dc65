/* JSON: the whole graph, one object per line, keys in a fixed order
 * (docs/export.md gives the schema).  The HTML viewer embeds the same
 * document. */
#include <string.h>

#include "export_int.h"

static ties_code doc_json(ties_buf *b, const ties_gdoc *d, size_t i)
{
	ties_code rc =
	    ties_buf_printf(b, "{\"index\":%zu,\"id\":%lld,\"source\":", i, (long long)d->id);
	rc = rc ? rc : ties__json_cstr(b, d->source);
	rc = rc ? rc : ties_buf_adds(b, ",\"title\":");
	rc = rc ? rc : ties__json_cstr(b, d->title);
	rc = rc ? rc : ties_buf_adds(b, ",\"sha256\":");
	rc = rc ? rc : ties__json_cstr(b, d->sha256);
	rc = rc ? rc : ties_buf_adds(b, ",\"added\":");
	rc = rc ? rc : ties__json_cstr(b, d->added);
	return rc ? rc : ties_buf_addc(b, '}');
}

static ties_code node_json(ties_buf *b, const ties_gnode *n)
{
	ties_code rc = ties_buf_printf(
	    b, "{\"id\":\"n%lld\",\"kb_id\":%lld,\"name\":", (long long)n->id, (long long)n->id);
	rc = rc ? rc : ties__json_cstr(b, n->name);
	rc = rc ? rc
	        : ties_buf_printf(b, ",\"type\":\"%s\",\"aliases\":[",
	                          ties_entity_type_name(n->type));
	for (size_t i = 0; !rc && i < n->naliases; i++) {
		if (i)
			rc = ties_buf_addc(b, ',');
		rc = rc ? rc : ties__json_cstr(b, n->aliases[i] ? n->aliases[i] : "");
	}
	rc = rc ? rc : ties_buf_adds(b, "],\"country\":");
	if (!rc && n->country[0]) {
		char c[3] = {n->country[0], n->country[1], 0};
		rc = ties__json_cstr(b, c);
	} else if (!rc)
		rc = ties_buf_adds(b, "null");
	if (!rc && ties__node_coords_ok(n))
		rc = ties_buf_printf(b, ",\"lat\":%.6f,\"lon\":%.6f}", n->lat, n->lon);
	else if (!rc)
		rc = ties_buf_adds(b, ",\"lat\":null,\"lon\":null}");
	return rc;
}

static ties_code evidence_json(ties_buf *b, const ties_gevidence *v)
{
	ties_code rc = ties_buf_printf(
	    b, "{\"claim_id\":%lld,\"document\":%zu,\"text\":", (long long)v->claim_id, v->doc);
	rc = rc ? rc : ties__json_cstr(b, v->text ? v->text : "");
	rc = rc ? rc
	        : ties_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"notes\":[", v->start, v->end);
	for (size_t i = 0; !rc && i < v->nnotes; i++) {
		rc = ties_buf_printf(b, "%s{\"number\":%d,\"text\":", i ? "," : "", v->notes[i]);
		rc = rc ? rc : ties__json_cstr(b, v->note_texts ? v->note_texts[i] : NULL);
		rc = rc ? rc : ties_buf_addc(b, '}');
	}
	rc = rc ? rc
	        : ties_buf_printf(b,
	                          "],\"hedge\":\"%s\",\"confidence\":%d,\"negated\":%s,"
	                          "\"date\":",
	                          ties_hedge_name(v->hedge),
	                          v->negated ? 0 : ties_hedge_confidence(v->hedge),
	                          v->negated ? "true" : "false");
	rc = rc ? rc : ties__json_cstr(b, v->date);
	return rc ? rc : ties_buf_addc(b, '}');
}

static ties_code edge_json(ties_buf *b, const ties_graph *g, const ties_gedge *e, size_t i)
{
	ties_code rc = ties_buf_printf(b,
	                               "{\"id\":\"e%zu\",\"source\":\"n%lld\",\"target\":\"n%lld\","
	                               "\"type\":",
	                               i, (long long)g->nodes[e->source].id,
	                               (long long)g->nodes[e->target].id);
	rc = rc ? rc : ties__json_cstr(b, e->type);
	rc = rc ? rc
	        : ties_buf_printf(b,
	                          ",\"confidence\":%d,\"hedge\":\"%s\",\"negated\":%s,"
	                          "\"evidence\":[",
	                          ties_gedge_confidence(e), ties_hedge_name(ties__edge_hedge(e)),
	                          ties__edge_negated(e) ? "true" : "false");
	for (size_t k = 0; !rc && k < e->nevidence; k++) {
		if (k)
			rc = ties_buf_addc(b, ',');
		rc = rc ? rc : evidence_json(b, &e->evidence[k]);
	}
	return rc ? rc : ties_buf_adds(b, "]}");
}

ties_code ties__export_json(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err)
{
	(void)o;
	ties_code rc =
	    ties_buf_adds(out, "{\"format\":\"ties-graph\",\"version\":1,\n\"documents\":[");
	for (size_t i = 0; !rc && i < g->ndocs; i++) {
		rc = ties_buf_adds(out, i ? ",\n" : "\n");
		rc = rc ? rc : doc_json(out, &g->docs[i], i);
	}
	rc = rc ? rc : ties_buf_adds(out, "],\n\"nodes\":[");
	for (size_t i = 0; !rc && i < g->nnodes; i++) {
		rc = ties_buf_adds(out, i ? ",\n" : "\n");
		rc = rc ? rc : node_json(out, &g->nodes[i]);
	}
	rc = rc ? rc : ties_buf_adds(out, "],\n\"edges\":[");
	for (size_t i = 0; !rc && i < g->nedges; i++) {
		rc = ties_buf_adds(out, i ? ",\n" : "\n");
		rc = rc ? rc : edge_json(out, g, &g->edges[i], i);
	}
	rc = rc ? rc : ties_buf_adds(out, "]}\n");
	return rc ? ties__export_fail(err, rc, "json") : TIES_OK;
}
