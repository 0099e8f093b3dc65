/* In-memory subgraphs: the filters of `ties export` applied to a graph
 * built without the knowledge base (reports read and extracted at once). */
#include <string.h>
#include <strings.h>

#include "export_int.h"

static int type_kept(const ties_graph_filter *f, const char *t)
{
	if (!f->ntypes)
		return 1;
	for (size_t i = 0; i < f->ntypes; i++)
		if (f->types[i] && !strcmp(f->types[i], t))
			return 1;
	return 0;
}

static int doc_matches(const ties_gdoc *d, const char *want)
{
	if (d->source && !strcmp(d->source, want))
		return 1;
	size_t n = strlen(want);
	if (d->sha256 && n >= 4 && !strncasecmp(d->sha256, want, n))
		return 1;
	if (d->source) { /* the file name alone */
		const char *slash = strrchr(d->source, '/');
		if (slash && !strcmp(slash + 1, want))
			return 1;
	}
	return 0;
}

/* Case-insensitive equality through utf8proc lowercasing. */
static int same_name(const char *a, const char *b, int *fail)
{
	if (!a || !b)
		return 0;
	char *la = ties__lower_dup(a, strlen(a)), *lb = ties__lower_dup(b, strlen(b));
	int r = la && lb && !strcmp(la, lb);
	if (!la || !lb)
		*fail = 1;
	ties__free(la);
	ties__free(lb);
	return r;
}

/* The node an entity name means: a name match first, then an alias match;
 * more than one is ambiguous. */
static ties_code find_node(const ties_graph *g, const char *name, size_t *out, ties_error *err)
{
	for (int pass = 0; pass < 2; pass++) {
		size_t found = (size_t)-1, count = 0;
		int fail = 0;
		for (size_t i = 0; i < g->nnodes; i++) {
			const ties_gnode *n = &g->nodes[i];
			int hit = 0;
			if (pass == 0)
				hit = same_name(n->name, name, &fail);
			else
				for (size_t k = 0; k < n->naliases && !hit; k++)
					hit = same_name(n->aliases[k], name, &fail);
			if (hit) {
				found = i;
				count++;
			}
		}
		if (fail)
			return ties__error(err, TIES_ERR_NOMEM, "out of memory");
		if (count > 1)
			return ties__error(err, TIES_ERR_AMBIGUOUS, "'%s': names %zu entities",
			                   name, count);
		if (count == 1) {
			*out = found;
			return TIES_OK;
		}
	}
	return ties__error(err, TIES_ERR_NOENTITY, "'%s': no such entity", name);
}

ties_code ties_graph_subgraph(const ties_graph *g, const ties_graph_filter *f, ties_graph **out,
                              ties_error *err)
{
	*out = NULL;
	ties_code rc = ties__export_check(g, err);
	if (rc)
		return rc;
	static const ties_graph_filter none = {0};
	if (!f)
		f = &none;
	int any = f->around || f->doc || f->ntypes || f->min_confidence > 0;
	size_t want_doc = (size_t)-1;
	if (f->doc) {
		for (size_t d = 0; d < g->ndocs && want_doc == (size_t)-1; d++)
			if (doc_matches(&g->docs[d], f->doc))
				want_doc = d;
		if (want_doc == (size_t)-1)
			return ties__error(err, TIES_ERR_NOTFOUND, "'%s': no such document",
			                   f->doc);
	}
	size_t centre = (size_t)-1;
	if (f->around && (rc = find_node(g, f->around, &centre, err)))
		return rc;

	size_t nn = g->nnodes, ne = g->nedges;
	unsigned char *ekeep = ties__calloc(ne ? ne : 1, 1);
	size_t *dist = ties__reallocarray(NULL, nn ? nn : 1, sizeof *dist);
	size_t *nmap = ties__reallocarray(NULL, nn ? nn : 1, sizeof *nmap);
	size_t *dmap = ties__reallocarray(NULL, g->ndocs ? g->ndocs : 1, sizeof *dmap);
	ties_graph *sg = ties_graph_new();
	if (!ekeep || !dist || !nmap || !dmap || !sg) {
		rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		goto out;
	}
	/* edges by type, document and confidence of the evidence kept */
	for (size_t i = 0; i < ne; i++) {
		const ties_gedge *e = &g->edges[i];
		if (!type_kept(f, e->type))
			continue;
		int best = 0, has = 0;
		for (size_t k = 0; k < e->nevidence; k++) {
			const ties_gevidence *v = &e->evidence[k];
			if (want_doc != (size_t)-1 && v->doc != want_doc)
				continue;
			has = 1;
			int c = v->negated ? 0 : ties_hedge_confidence(v->hedge);
			best = c > best ? c : best;
		}
		if ((want_doc != (size_t)-1 && !has) || best < f->min_confidence)
			continue;
		ekeep[i] = 1;
	}
	/* neighbourhood: breadth-first over kept edges, both directions */
	for (size_t i = 0; i < nn; i++)
		dist[i] = (size_t)-1;
	if (centre != (size_t)-1) {
		unsigned depth = f->depth ? f->depth : 1;
		dist[centre] = 0;
		for (unsigned d = 0; d < depth; d++) {
			int grew = 0;
			for (size_t i = 0; i < ne; i++) {
				if (!ekeep[i])
					continue;
				size_t s = g->edges[i].source, t = g->edges[i].target;
				if (dist[s] == d && dist[t] == (size_t)-1)
					dist[t] = d + 1, grew = 1;
				else if (dist[t] == d && dist[s] == (size_t)-1)
					dist[s] = d + 1, grew = 1;
			}
			if (!grew)
				break;
		}
		for (size_t i = 0; i < ne; i++)
			if (dist[g->edges[i].source] == (size_t)-1 ||
			    dist[g->edges[i].target] == (size_t)-1)
				ekeep[i] = 0;
	}
	/* nodes: all (no filter), else the ends of kept edges and the centre */
	for (size_t i = 0; i < nn; i++)
		nmap[i] = !any || i == centre ? 0 : (size_t)-1;
	for (size_t i = 0; i < ne; i++)
		if (ekeep[i])
			nmap[g->edges[i].source] = nmap[g->edges[i].target] = 0;
	for (size_t i = 0; !rc && i < nn; i++) {
		if (nmap[i] == (size_t)-1)
			continue;
		nmap[i] = ties_graph_add_node(sg, &g->nodes[i]);
		if (nmap[i] == (size_t)-1)
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	/* documents that kept evidence cites (all of them with no filter) */
	for (size_t d = 0; d < g->ndocs; d++)
		dmap[d] = any ? (size_t)-1 : 0;
	for (size_t i = 0; i < ne; i++)
		for (size_t k = 0; ekeep[i] && k < g->edges[i].nevidence; k++) {
			size_t d = g->edges[i].evidence[k].doc;
			if (want_doc == (size_t)-1 || d == want_doc)
				dmap[d] = 0;
		}
	for (size_t d = 0; !rc && d < g->ndocs; d++) {
		if (dmap[d] == (size_t)-1)
			continue;
		dmap[d] = ties_graph_add_doc(sg, &g->docs[d]);
		if (dmap[d] == (size_t)-1)
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; !rc && i < ne; i++) {
		const ties_gedge *e = &g->edges[i];
		if (!ekeep[i])
			continue;
		size_t added = 0;
		for (size_t k = 0; !rc && k < e->nevidence; k++) {
			ties_gevidence v = e->evidence[k];
			if (want_doc != (size_t)-1 && v.doc != want_doc)
				continue;
			v.doc = dmap[v.doc];
			if (ties_graph_add_evidence(sg, nmap[e->source], nmap[e->target], e->type,
			                            &v) == (size_t)-1)
				rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			added++;
		}
		if (!rc && !added &&
		    ties_graph_add_evidence(sg, nmap[e->source], nmap[e->target], e->type, NULL) ==
		        (size_t)-1)
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
out:
	ties__free(ekeep);
	ties__free(dist);
	ties__free(nmap);
	ties__free(dmap);
	if (rc)
		ties_graph_free(sg);
	else
		*out = sg;
	return rc;
}
