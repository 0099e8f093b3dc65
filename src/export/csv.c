/* CSV in the layout of neo4j-admin database import: nodes.csv with
 * id:ID and :LABEL, relationships.csv with :START_ID, :END_ID, :TYPE.
 * Every text field is quoted (quotes doubled); newlines become spaces so
 * no field spans lines; array fields use Neo4j's default ';' delimiter. */
#include <string.h>

#include "export_int.h"

static const char *label(ties_entity_type t)
{
	static const char *const l[] = {"Person",   "Organization", "Location",
	                                "Facility", "Event",        "Other"};
	return (unsigned)t < sizeof l / sizeof *l ? l[t] : "Other";
}

/* A quoted field; with arr, ';' inside the value becomes ',' (the array
 * delimiter must not appear inside an element). */
static ties_code field(ties_buf *b, const char *s, int arr, ties_buf *tmp)
{
	ties_buf_clear(tmp);
	ties_code rc = ties__clean_text(tmp, s ? s : "", 1);
	rc = rc ? rc : ties_buf_addc(b, '"');
	for (size_t i = 0; !rc && i < tmp->len; i++) {
		char c = tmp->data[i];
		if (c == '"')
			rc = ties_buf_adds(b, "\"\"");
		else
			rc = ties_buf_addc(b, arr && c == ';' ? ',' : c);
	}
	return rc ? rc : ties_buf_addc(b, '"');
}

/* A list collected with \x1f between items as one field in Neo4j's array
 * form: items separated by ';', a ';' inside an item becoming ','. */
static ties_code list_field(ties_buf *out, ties_buf *txt, ties_buf *tmp)
{
	for (size_t j = 0; j < txt->len; j++)
		txt->data[j] = txt->data[j] == ';'      ? ','
		               : txt->data[j] == '\x1f' ? ';'
		                                        : txt->data[j];
	return txt->len ? field(out, txt->data, 0, tmp) : TIES_OK;
}

ties_code ties__export_csv_nodes(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                                 ties_error *err)
{
	(void)o;
	ties_buf tmp, al;
	ties_buf_init(&tmp, 0);
	ties_buf_init(&al, 0);
	ties_code rc = ties_buf_adds(out, "id:ID,name,:LABEL,type,aliases:string[],country,"
	                                  "latitude:double,longitude:double,kb_id:long\n");
	for (size_t i = 0; !rc && i < g->nnodes; i++) {
		const ties_gnode *n = &g->nodes[i];
		rc = ties_buf_printf(out, "\"n%lld\",", (long long)n->id);
		rc = rc ? rc : field(out, n->name, 0, &tmp);
		rc = rc ? rc
		        : ties_buf_printf(out, ",\"Entity;%s\",\"%s\",", label(n->type),
		                          ties_entity_type_name(n->type));
		/* aliases: each cleaned of the delimiter, then joined by it */
		ties_buf_clear(&al);
		for (size_t k = 0; !rc && k < n->naliases; k++) {
			ties_buf_clear(&tmp);
			rc = ties__clean_text(&tmp, n->aliases[k] ? n->aliases[k] : "", 1);
			for (size_t j = 0; !rc && j < tmp.len; j++)
				if (tmp.data[j] == ';')
					tmp.data[j] = ',';
			rc = rc ? rc : ties_buf_adds(&al, k ? ";" : "");
			rc = rc ? rc : ties_buf_add(&al, tmp.data ? tmp.data : "", tmp.len);
		}
		if (!rc && al.len)
			rc = field(out, al.data, 0, &tmp);
		rc = rc ? rc : ties_buf_addc(out, ',');
		if (!rc && n->country[0]) {
			char c[3] = {n->country[0], n->country[1], 0};
			rc = field(out, c, 0, &tmp);
		}
		rc = rc ? rc : ties_buf_addc(out, ',');
		if (!rc && ties__node_coords_ok(n))
			rc = ties_buf_printf(out, "%.6f,%.6f", n->lat, n->lon);
		else if (!rc)
			rc = ties_buf_addc(out, ',');
		rc = rc ? rc : ties_buf_printf(out, ",%lld\n", (long long)n->id);
	}
	ties_buf_release(&tmp);
	ties_buf_release(&al);
	return rc ? ties__export_fail(err, rc, "csv") : TIES_OK;
}

ties_code ties__export_csv_rels(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                                ties_error *err)
{
	(void)o;
	ties_buf tmp, txt;
	ties_buf_init(&tmp, 0);
	ties_buf_init(&txt, 0);
	ties_code rc = ties_buf_adds(out, ":START_ID,:END_ID,:TYPE,type,confidence:int,hedge,"
	                                  "negated:boolean,evidence_count:int,evidence,"
	                                  "documents:string[],notes:string[],date\n");
	for (size_t i = 0; !rc && i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		rc = ties_buf_printf(out, "\"n%lld\",\"n%lld\",\"",
		                     (long long)g->nodes[e->source].id,
		                     (long long)g->nodes[e->target].id);
		/* Cypher's convention: upper case, underscores */
		size_t before = out->len;
		for (const char *p = e->type; !rc && *p; p++) {
			char c = *p;
			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
			else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
				c = '_';
			rc = ties_buf_addc(out, c);
		}
		if (!rc && out->len == before)
			rc = ties_buf_adds(out, "RELATED_TO");
		rc = rc ? rc : ties_buf_adds(out, "\",");
		rc = rc ? rc : field(out, e->type, 0, &tmp);
		rc = rc ? rc
		        : ties_buf_printf(out, ",%d,\"%s\",%s,%zu,", ties_gedge_confidence(e),
		                          ties_hedge_name(ties__edge_hedge(e)),
		                          ties__edge_negated(e) ? "true" : "false", e->nevidence);
		ties_buf_clear(&txt);
		rc = rc ? rc : ties__edge_evidence_text(g, e, " | ", &txt);
		rc = rc ? rc : field(out, txt.data ? txt.data : "", 0, &tmp);
		rc = rc ? rc : ties_buf_addc(out, ',');
		ties_buf_clear(&txt);
		rc = rc ? rc : ties__edge_documents(g, e, "\x1f", &txt);
		rc = rc ? rc : list_field(out, &txt, &tmp);
		rc = rc ? rc : ties_buf_addc(out, ',');
		ties_buf_clear(&txt);
		rc = rc ? rc : ties__edge_notes(g, e, "\x1f", &txt);
		rc = rc ? rc : list_field(out, &txt, &tmp);
		rc = rc ? rc : ties_buf_addc(out, ',');
		const char *d = ties__edge_date(e);
		if (!rc && d)
			rc = field(out, d, 0, &tmp);
		rc = rc ? rc : ties_buf_addc(out, '\n');
	}
	ties_buf_release(&tmp);
	ties_buf_release(&txt);
	return rc ? ties__export_fail(err, rc, "csv") : TIES_OK;
}
