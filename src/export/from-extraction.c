/* Graphs from extractions: one document's entities and relations, merged
 * into a graph by entity type and case-insensitive name, so several reports
 * read without a knowledge base still make one graph. */
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

static char *node_key(ties_entity_type t, const char *name)
{
	char *low = ties__lower_dup(name, strlen(name));
	if (!low)
		return NULL;
	size_t n = strlen(low);
	char *k = ties__malloc(n + 3);
	if (k) {
		k[0] = (char)('0' + (int)t);
		k[1] = '|';
		memcpy(k + 2, low, n + 1);
	}
	ties__free(low);
	return k;
}

typedef struct keyed {
	char *key;
	size_t node;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

ties_code ties_graph_add_extraction(ties_graph *g, const ties_extraction *x, ties_error *err)
{
	const ties_doc *doc = x->doc;
	if (!g || !g->build)
		return ties__error(err, TIES_ERR_USAGE, "graph is frozen");
	ties_gdoc d = {(int64_t)g->ndocs + 1, doc->source, doc->title, doc->sha256, NULL};
	size_t di = ties_graph_add_doc(g, &d);
	if (di == (size_t)-1)
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	size_t ne = x->nentities, old = g->nnodes;
	size_t *map = ties__calloc(ne ? ne : 1, sizeof *map);
	/* the nodes already there, sorted by key, and this extraction's new ones */
	keyed *have = ties__calloc(old ? old : 1, sizeof *have);
	keyed *fresh = ties__calloc(ne ? ne : 1, sizeof *fresh);
	size_t nfresh = 0;
	ties_code rc =
	    map && have && fresh ? TIES_OK : ties__error(err, TIES_ERR_NOMEM, "out of memory");
	for (size_t j = 0; !rc && j < old; j++) {
		have[j].key = node_key(g->nodes[j].type, g->nodes[j].name);
		have[j].node = j;
		if (!have[j].key)
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	if (!rc)
		qsort(have, old, sizeof *have, cmp_keyed);
	for (size_t i = 0; !rc && i < ne; i++) {
		const ties_entity *en = &x->entities[i];
		if (!en->name) {
			rc = ties__error(err, TIES_ERR_FORMAT, "'%s': entity %zu has no name",
			                 doc->source, i);
			break;
		}
		keyed k = {node_key(en->type, en->name), 0};
		if (!k.key) {
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			break;
		}
		size_t found = (size_t)-1;
		keyed *hit = old ? bsearch(&k, have, old, sizeof *have, cmp_keyed) : NULL;
		if (hit)
			found = hit->node;
		for (size_t j = 0; found == (size_t)-1 && j < nfresh; j++)
			if (!strcmp(fresh[j].key, k.key))
				found = fresh[j].node;
		if (found == (size_t)-1) {
			ties_gnode n = {0};
			n.id = (int64_t)g->nnodes + 1;
			n.name = en->name;
			n.type = en->type;
			n.aliases = en->aliases;
			n.naliases = en->naliases;
			memcpy(n.country, en->country, sizeof n.country);
			n.country[2] = 0;
			n.has_coords = en->has_coords;
			n.lat = en->lat;
			n.lon = en->lon;
			found = ties_graph_add_node(g, &n);
			if (found == (size_t)-1) {
				ties__free(k.key);
				rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
				break;
			}
			fresh[nfresh].key = k.key;
			fresh[nfresh++].node = found;
		} else
			ties__free(k.key);
		map[i] = found;
	}
	for (size_t i = 0; !rc && i < x->nrelations; i++) {
		const ties_relation *r = &x->relations[i];
		if (r->source >= x->nentities || r->target >= x->nentities || !r->type ||
		    r->evidence.start > r->evidence.end || r->evidence.end > doc->len) {
			rc = ties__error(err, TIES_ERR_FORMAT, "'%s': relation %zu is malformed",
			                 doc->source, i);
			break;
		}
		char *text = ties__strndup(doc->text + r->evidence.start,
		                           r->evidence.end - r->evidence.start);
		const char **nt = r->nnotes ? ties__calloc(r->nnotes, sizeof *nt) : NULL;
		char **owned = r->nnotes ? ties__calloc(r->nnotes, sizeof *owned) : NULL;
		if (!text || (r->nnotes && (!nt || !owned))) {
			ties__free(text);
			ties__free(nt);
			ties__free(owned);
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			break;
		}
		for (size_t k = 0; k < r->nnotes; k++) {
			size_t len = 0;
			const char *s = ties_doc_note(doc, r->notes[k], &len);
			if (s)
				owned[k] =
				    ties__strndup(s, len); /* NULL on failure: text unknown */
			nt[k] = owned[k];
		}
		ties_gevidence ev = {0,        di, text,      r->evidence.start, r->evidence.end,
		                     r->notes, nt, r->nnotes, r->hedge,          r->negated,
		                     r->date};
		if (ties_graph_add_evidence(g, map[r->source], map[r->target], r->type, &ev) ==
		    (size_t)-1)
			rc = ties__error(err, TIES_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < r->nnotes; k++)
			ties__free(owned[k]);
		ties__free(owned);
		ties__free(nt);
		ties__free(text);
	}
	for (size_t j = 0; have && j < old; j++)
		ties__free(have[j].key);
	for (size_t j = 0; j < nfresh; j++)
		ties__free(fresh[j].key);
	ties__free(have);
	ties__free(fresh);
	ties__free(map);
	return rc;
}

ties_code ties_graph_from_extraction(const ties_extraction *x, ties_graph **out, ties_error *err)
{
	*out = NULL;
	ties_graph *g = ties_graph_new();
	if (!g)
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	ties_code rc = ties_graph_add_extraction(g, x, err);
	if (rc) {
		ties_graph_free(g);
		return rc;
	}
	*out = g;
	return TIES_OK;
}
