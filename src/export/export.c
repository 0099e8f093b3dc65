/* Export entry points and what the formats share: format names, graph
 * checks, timestamps, colours, edge summaries. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

static const struct {
	const char *name;
	const char *files[2];
} formats[] = {
    [TIES_EXPORT_STIX] = {"stix", {"bundle.json", NULL}},
    [TIES_EXPORT_GRAPHML] = {"graphml", {"graph.graphml", NULL}},
    [TIES_EXPORT_GEXF] = {"gexf", {"graph.gexf", NULL}},
    [TIES_EXPORT_DOT] = {"dot", {"graph.dot", NULL}},
    [TIES_EXPORT_CSV] = {"csv", {"nodes.csv", "relationships.csv"}},
    [TIES_EXPORT_JSON] = {"json", {"graph.json", NULL}},
    [TIES_EXPORT_HTML] = {"html", {"graph.html", NULL}},
};
#define NFORMATS (sizeof formats / sizeof *formats)

int ties_export_format_parse(const char *name, ties_export_format *f)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (!strcmp(name, formats[i].name)) {
			*f = (ties_export_format)i;
			return 0;
		}
	return -1;
}

const char *ties_export_format_name(ties_export_format f)
{
	return (unsigned)f < NFORMATS ? formats[f].name : "unknown";
}

size_t ties_export_nfiles(ties_export_format f)
{
	if ((unsigned)f >= NFORMATS)
		return 0;
	return formats[f].files[1] ? 2 : 1;
}

const char *ties_export_file_name(ties_export_format f, size_t i)
{
	if (i >= ties_export_nfiles(f))
		return NULL;
	return formats[f].files[i];
}

ties_code ties_export_file(const ties_graph *g, ties_export_format f, size_t i,
                           const ties_export_opts *opts, ties_buf *out, ties_error *err)
{
	static const ties_export_opts none = {0};
	if (!opts)
		opts = &none;
	if (i >= ties_export_nfiles(f))
		return ties__error(err, TIES_ERR_USAGE, "'%s': no file %zu in this format",
		                   ties_export_format_name(f), i);
	ties_code rc = ties__export_check(g, err);
	if (rc)
		return rc;
	switch (f) {
	case TIES_EXPORT_STIX: return ties__export_stix(g, opts, out, err);
	case TIES_EXPORT_GRAPHML: return ties__export_graphml(g, opts, out, err);
	case TIES_EXPORT_GEXF: return ties__export_gexf(g, opts, out, err);
	case TIES_EXPORT_DOT: return ties__export_dot(g, opts, out, err);
	case TIES_EXPORT_CSV:
		return i == 0 ? ties__export_csv_nodes(g, opts, out, err)
		              : ties__export_csv_rels(g, opts, out, err);
	case TIES_EXPORT_JSON: return ties__export_json(g, opts, out, err);
	case TIES_EXPORT_HTML: return ties__export_html(g, opts, out, err);
	}
	return ties__error(err, TIES_ERR_USAGE, "unknown export format %d", (int)f);
}

ties_code ties_export(const ties_graph *g, ties_export_format f, const ties_export_opts *opts,
                      ties_buf *out, ties_error *err)
{
	if (ties_export_nfiles(f) != 1)
		return ties__error(err, TIES_ERR_USAGE, "'%s': this format writes several files",
		                   ties_export_format_name(f));
	return ties_export_file(g, f, 0, opts, out, err);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

ties_code ties__export_check(const ties_graph *g, ties_error *err)
{
	if (!g)
		return ties__error(err, TIES_ERR_USAGE, "no graph to export");
	for (size_t i = 0; i < g->nnodes; i++)
		if (!g->nodes[i].name)
			return ties__error(err, TIES_ERR_FORMAT, "node %zu: no name", i);
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		if (e->source >= g->nnodes || e->target >= g->nnodes || !e->type)
			return ties__error(err, TIES_ERR_FORMAT, "edge %zu: bad ends or type", i);
		for (size_t k = 0; k < e->nevidence; k++)
			if (e->evidence[k].doc >= g->ndocs)
				return ties__error(err, TIES_ERR_FORMAT,
				                   "edge %zu: evidence names no document", i);
	}
	if (g->nnodes > 1) {
		int64_t *ids = ties__reallocarray(NULL, g->nnodes, sizeof *ids);
		if (!ids)
			return ties__error(err, TIES_ERR_NOMEM, "out of memory");
		for (size_t i = 0; i < g->nnodes; i++)
			ids[i] = g->nodes[i].id;
		qsort(ids, g->nnodes, sizeof *ids, cmp_i64);
		int dup = 0;
		int64_t which = 0;
		for (size_t i = 1; i < g->nnodes && !dup; i++)
			if (ids[i] == ids[i - 1]) {
				dup = 1;
				which = ids[i];
			}
		ties__free(ids);
		if (dup)
			return ties__error(err, TIES_ERR_FORMAT, "node id %lld: used twice",
			                   (long long)which);
	}
	return TIES_OK;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int ties__iso_timestamp(const char *s, char out[32])
{
	if (!s || !digits(s, 4))
		return -1;
	char y[5], mo[3] = "01", d[3] = "01", hh[3] = "00", mi[3] = "00", ss[3] = "00";
	memcpy(y, s, 4);
	y[4] = 0;
	s += 4;
	if (*s == '-' && digits(s + 1, 2)) {
		memcpy(mo, s + 1, 2);
		s += 3;
		if (*s == '-' && digits(s + 1, 2)) {
			memcpy(d, s + 1, 2);
			s += 3;
			if ((*s == 'T' || *s == ' ') && digits(s + 1, 2) && s[3] == ':' &&
			    digits(s + 4, 2)) {
				memcpy(hh, s + 1, 2);
				memcpy(mi, s + 4, 2);
				s += 6;
				if (*s == ':' && digits(s + 1, 2)) {
					memcpy(ss, s + 1, 2);
					s += 3;
				}
			}
		}
	}
	int m = atoi(mo), dd = atoi(d), h = atoi(hh), mn = atoi(mi), sc = atoi(ss);
	if (m < 1 || m > 12 || dd < 1 || dd > 31 || h > 23 || mn > 59 || sc > 60)
		return -1;
	snprintf(out, 32, "%s-%s-%sT%s:%s:%s.000Z", y, mo, d, hh, mi, ss);
	return 0;
}

const char *ties__type_colour(ties_entity_type t)
{
	switch (t) {
	case TIES_ENT_PERSON: return "#4e79a7";
	case TIES_ENT_ORGANIZATION: return "#e15759";
	case TIES_ENT_LOCATION: return "#59a14f";
	case TIES_ENT_FACILITY: return "#edc948";
	case TIES_ENT_EVENT: return "#b07aa1";
	case TIES_ENT_OTHER: break;
	}
	return "#9c9c9c";
}

const char *ties__doc_name(const ties_gdoc *d)
{
	if (d->title && *d->title)
		return d->title;
	if (d->source && *d->source)
		return d->source;
	return "document";
}

ties_code ties__edge_evidence_text(const ties_graph *g, const ties_gedge *e, const char *sep,
                                   ties_buf *b)
{
	(void)g;
	ties_code rc = TIES_OK;
	for (size_t i = 0; !rc && i < e->nevidence; i++) {
		if (i)
			rc = ties_buf_adds(b, sep);
		if (!rc)
			rc = ties__clean_text(b, e->evidence[i].text ? e->evidence[i].text : "", 1);
	}
	return rc;
}

ties_code ties__edge_documents(const ties_graph *g, const ties_gedge *e, const char *sep,
                               ties_buf *b)
{
	ties_code rc = TIES_OK;
	int first = 1;
	for (size_t i = 0; !rc && i < e->nevidence; i++) {
		size_t d = e->evidence[i].doc;
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = e->evidence[k].doc == d;
		if (seen || d >= g->ndocs)
			continue;
		if (!first)
			rc = ties_buf_adds(b, sep);
		first = 0;
		if (!rc)
			rc = ties__clean_text(b, ties__doc_name(&g->docs[d]), 1);
	}
	return rc;
}

int ties__edge_negated(const ties_gedge *e)
{
	if (!e->nevidence)
		return 0;
	for (size_t i = 0; i < e->nevidence; i++)
		if (!e->evidence[i].negated)
			return 0;
	return 1;
}

const char *ties__edge_date(const ties_gedge *e)
{
	for (size_t i = 0; i < e->nevidence; i++)
		if (e->evidence[i].date && *e->evidence[i].date)
			return e->evidence[i].date;
	return NULL;
}

ties_hedge ties__edge_hedge(const ties_gedge *e)
{
	ties_hedge best = TIES_HEDGE_ASSERTED;
	int bc = -1;
	for (size_t i = 0; i < e->nevidence; i++) {
		if (e->evidence[i].negated)
			continue;
		int c = ties_hedge_confidence(e->evidence[i].hedge);
		if (c > bc) {
			bc = c;
			best = e->evidence[i].hedge;
		}
	}
	return best;
}

int ties__node_coords_ok(const ties_gnode *n)
{
	return n->has_coords && isfinite(n->lat) && isfinite(n->lon) && n->lat >= -90 &&
	       n->lat <= 90 && n->lon >= -180 && n->lon <= 180;
}

ties_code ties__export_fail(ties_error *err, ties_code rc, const char *fmt)
{
	const char *why = rc == TIES_ERR_NOMEM    ? "out of memory"
	                  : rc == TIES_ERR_TOOBIG ? "output over the size limit"
	                                          : ties_code_name(rc);
	return ties__error(err, rc, "'%s' export: %s", fmt, why);
}

ties_code ties__edge_notes(const ties_graph *g, const ties_gedge *e, const char *sep, ties_buf *b)
{
	ties_code rc = TIES_OK;
	int first = 1;
	for (size_t i = 0; !rc && i < e->nevidence; i++) {
		const ties_gevidence *v = &e->evidence[i];
		for (size_t j = 0; !rc && j < v->nnotes; j++) {
			int seen = 0;
			for (size_t k = 0; k <= i && !seen; k++) {
				const ties_gevidence *w = &e->evidence[k];
				size_t lim = k == i ? j : w->nnotes;
				for (size_t m = 0; m < lim && !seen; m++)
					seen = w->doc == v->doc && w->notes[m] == v->notes[j];
			}
			if (seen)
				continue;
			if (!first)
				rc = ties_buf_adds(b, sep);
			first = 0;
			if (!rc && v->doc < g->ndocs)
				rc = ties__clean_text(b, ties__doc_name(&g->docs[v->doc]), 1);
			if (!rc)
				rc = ties_buf_printf(b, "#%d", v->notes[j]);
		}
	}
	return rc;
}
