/* The in-memory link graph: arrays grown in place, strings in the arena,
 * edges found again by (source, type, target) through a small hash. */
#include <string.h>

#include "ties/graph.h"
#include "util.h"

struct ties_graph_build {
	size_t cap_docs, cap_nodes, cap_edges;
	size_t *slots; /* edge index + 1, open addressing */
	size_t nslots;
};

ties_graph *ties_graph_new(void)
{
	ties_arena *a = ties__arena_new();
	if (!a)
		return NULL;
	ties_graph *g = ties__arena_alloc(a, sizeof *g);
	struct ties_graph_build *b = ties__calloc(1, sizeof *b);
	if (!g || !b) {
		ties__free(b);
		ties__arena_free(a);
		return NULL;
	}
	g->arena = a;
	g->build = b;
	return g;
}

void ties_graph_free(ties_graph *g)
{
	if (!g)
		return;
	if (g->build)
		ties__free(g->build->slots);
	ties__free(g->build);
	for (size_t i = 0; i < g->nedges; i++)
		ties__free(g->edges[i].evidence);
	ties__free(g->docs);
	ties__free(g->nodes);
	ties__free(g->edges);
	ties__arena_free(g->arena);
}

static int grow(void **arr, size_t *cap, size_t len, size_t size)
{
	if (len < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *n = ties__reallocarray(*arr, ncap, size);
	if (!n)
		return -1;
	*arr = n;
	*cap = ncap;
	return 0;
}

static const char *dup(ties_graph *g, const char *s, int *fail)
{
	if (!s)
		return NULL;
	char *d = ties__arena_strdup(g->arena, s);
	if (!d)
		*fail = 1;
	return d;
}

size_t ties_graph_add_doc(ties_graph *g, const ties_gdoc *d)
{
	if (!g->build || grow((void **)&g->docs, &g->build->cap_docs, g->ndocs, sizeof *g->docs))
		return (size_t)-1;
	int fail = 0;
	ties_gdoc c = *d;
	c.source = dup(g, d->source, &fail);
	c.title = dup(g, d->title, &fail);
	c.sha256 = dup(g, d->sha256, &fail);
	c.added = dup(g, d->added, &fail);
	if (fail)
		return (size_t)-1;
	g->docs[g->ndocs] = c;
	return g->ndocs++;
}

size_t ties_graph_add_node(ties_graph *g, const ties_gnode *n)
{
	if (!g->build ||
	    grow((void **)&g->nodes, &g->build->cap_nodes, g->nnodes, sizeof *g->nodes))
		return (size_t)-1;
	int fail = 0;
	ties_gnode c = *n;
	c.name = dup(g, n->name, &fail);
	c.aliases = NULL;
	if (n->naliases) {
		c.aliases = ties__arena_array(g->arena, n->naliases, sizeof(char *));
		if (!c.aliases)
			return (size_t)-1;
		for (size_t i = 0; i < n->naliases; i++)
			c.aliases[i] = dup(g, n->aliases[i], &fail);
	}
	if (fail)
		return (size_t)-1;
	g->nodes[g->nnodes] = c;
	return g->nnodes++;
}

static uint64_t edge_hash(size_t s, size_t t, const char *type)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)s * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)t * 0xC2B2AE3D27D4EB4Full;
	for (const char *p = type; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ull;
	}
	return h;
}

static int rehash(ties_graph *g)
{
	struct ties_graph_build *b = g->build;
	size_t n = b->nslots ? b->nslots * 2 : 64;
	size_t *slots = ties__calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		size_t j = edge_hash(e->source, e->target, e->type) & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = i + 1;
	}
	ties__free(b->slots);
	b->slots = slots;
	b->nslots = n;
	return 0;
}

size_t ties_graph_add_evidence(ties_graph *g, size_t source, size_t target, const char *type,
                               const ties_gevidence *ev)
{
	struct ties_graph_build *b = g->build;
	if (!b || source >= g->nnodes || target >= g->nnodes || !type)
		return (size_t)-1;
	if ((g->nedges + 1) * 2 > b->nslots && rehash(g))
		return (size_t)-1;
	size_t j = edge_hash(source, target, type) & (b->nslots - 1);
	size_t ei = (size_t)-1;
	while (b->slots[j]) {
		ties_gedge *e = &g->edges[b->slots[j] - 1];
		if (e->source == source && e->target == target && strcmp(e->type, type) == 0) {
			ei = b->slots[j] - 1;
			break;
		}
		j = (j + 1) & (b->nslots - 1);
	}
	if (ei == (size_t)-1) {
		if (grow((void **)&g->edges, &b->cap_edges, g->nedges, sizeof *g->edges))
			return (size_t)-1;
		int fail = 0;
		ties_gedge e = {source, target, dup(g, type, &fail), NULL, 0};
		if (fail)
			return (size_t)-1;
		ei = g->nedges++;
		g->edges[ei] = e;
		b->slots[j] = ei + 1;
	}
	ties_gedge *e = &g->edges[ei];
	if (!ev)
		return ei;
	ties_gevidence *ne = ties__reallocarray(e->evidence, e->nevidence + 1, sizeof *ne);
	if (!ne)
		return (size_t)-1;
	e->evidence = ne;
	int fail = 0;
	ties_gevidence c = *ev;
	c.text = dup(g, ev->text, &fail);
	c.date = dup(g, ev->date, &fail);
	c.notes = NULL;
	c.note_texts = NULL;
	if (ev->nnotes) {
		c.notes = ties__arena_array(g->arena, ev->nnotes, sizeof(int));
		c.note_texts = ties__arena_array(g->arena, ev->nnotes, sizeof(char *));
		if (!c.notes || !c.note_texts)
			return (size_t)-1;
		for (size_t i = 0; i < ev->nnotes; i++) {
			c.notes[i] = ev->notes[i];
			c.note_texts[i] = ev->note_texts ? dup(g, ev->note_texts[i], &fail) : NULL;
		}
	}
	if (fail)
		return (size_t)-1;
	e->evidence[e->nevidence++] = c;
	return ei;
}

int ties_gedge_confidence(const ties_gedge *e)
{
	int best = 0;
	for (size_t i = 0; i < e->nevidence; i++)
		if (!e->evidence[i].negated) {
			int c = ties_hedge_confidence(e->evidence[i].hedge);
			if (c > best)
				best = c;
		}
	return best;
}
