/* STIX 2.1 bundle (OpenCTI, MISP).
 *
 * Entities: persons and organisations are identities unless their relations
 * mark them as adversaries (threat-actor; an adversary organisation that is
 * a part, wing, faction, branch or cell of another is an intrusion-set); places and facilities are
 * locations, events incidents, the rest identities of class "unknown".
 * Relations (but those only ever stated as negated) are relationship
 * objects whose description is the evidence and whose external references
 * name the document and footnotes; every document is a report.  Ids are
 * UUIDv5 over stable keys (type and lowercased name; relation ends and type;
 * document hash) and timestamps come from the documents' add times (or the
 * epoch), so the same graph always gives the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

#define EPOCH "1970-01-01T00:00:00.000Z"

/* Relation types (as words of a ties type) that mark an adversary: the
 * source of an act of violence or of a sanction, the target of a "-by"
 * form of violence. */
static const char *const violent[] = {
    "attacked",  "attacks",  "attack",   "killed",   "kills",        "kill",       "bombed",
    "kidnapped", "abducted", "targeted", "targets",  "assassinated", "executed",   "raided",
    "massacred", "ambushed", "shelled",  "hijacked", "murdered",     "besieged",   "invaded",
    "struck",    "hacked",   "breached", "extorted", "smuggled",     "trafficked",
};
static const char *const sanctioned[] = {
    "arrested-by", "sanctioned-by", "designated-by", "banned-by",    "wanted-by",
    "indicted-by", "detained-by",   "charged-by",    "convicted-by", "captured-by",
};
/* Ties through which an adversary's members and parts are adversaries. */
static const char *const membership[] = {
    "leads",      "member-of", "part-of", "founded",    "commands",   "heads", "wing-of",
    "faction-of", "branch-of", "cell-of", "fights-for", "trained-by", "led",   "co-founded",
};
/* Ties that make an organisation a sub-unit of another. */
static const char *const subunit[] = {"part-of", "wing-of", "faction-of", "branch-of", "cell-of"};

static int in(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return 1;
	return 0;
}
#define IN(list, s) in(list, sizeof list / sizeof *list, s)

enum kind { K_IDENTITY, K_THREAT_ACTOR, K_INTRUSION_SET, K_LOCATION, K_INCIDENT };
static const char *const kind_names[] = {"identity", "threat-actor", "intrusion-set", "location",
                                         "incident"};

typedef struct sobj {
	enum kind kind;
	char id[64];
	char created[32];
} sobj;

typedef struct member {
	size_t doc, ord; /* ord: node index, or nnodes + edge index */
} member;

static int cmp_member(const void *a, const void *b)
{
	const member *x = a, *y = b;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

static int cmp_idx_by_id(const void *a, const void *b, void *ctx)
{
	const sobj *o = ctx;
	return strcmp(o[*(const size_t *)a].id, o[*(const size_t *)b].id);
}

/* "TYPE--uuid5(key)". */
static void make_id(char out[64], const char *type, const char *key, size_t n)
{
	char u[37];
	ties__uuid5(ties__stix_ns, key, n, u);
	snprintf(out, 64, "%s--%s", type, u);
}

static int is_hex64(const char *s)
{
	if (!s || strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
		      (*s >= 'A' && *s <= 'F')))
			return 0;
	return 1;
}

static ties_code classify(const ties_graph *g, sobj *o)
{
	size_t nn = g->nnodes;
	for (size_t i = 0; i < nn; i++) {
		switch (g->nodes[i].type) {
		case TIES_ENT_LOCATION:
		case TIES_ENT_FACILITY: o[i].kind = K_LOCATION; break;
		case TIES_ENT_EVENT: o[i].kind = K_INCIDENT; break;
		default: o[i].kind = K_IDENTITY;
		}
	}
	/* adversaries from their own acts */
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		if (ties__edge_negated(e))
			continue;
		size_t who = (size_t)-1;
		size_t tl = strlen(e->type);
		if (IN(violent, e->type) || IN(sanctioned, e->type))
			who = e->source;
		else if (tl > 3 && !strcmp(e->type + tl - 3, "-by")) {
			char base[64];
			if (tl - 3 < sizeof base) {
				memcpy(base, e->type, tl - 3);
				base[tl - 3] = 0;
				if (IN(violent, base))
					who = e->target;
			}
		}
		if (who != (size_t)-1 && o[who].kind == K_IDENTITY &&
		    (g->nodes[who].type == TIES_ENT_PERSON ||
		     g->nodes[who].type == TIES_ENT_ORGANIZATION))
			o[who].kind = K_THREAT_ACTOR;
	}
	/* their leaders, members and parts: one step, from the acts only, so
	 * an organisation is not made an adversary through a chain of ties */
	unsigned char *adv = ties__calloc(nn ? nn : 1, 1);
	if (!adv)
		return TIES_ERR_NOMEM;
	for (size_t i = 0; i < nn; i++)
		adv[i] = o[i].kind == K_THREAT_ACTOR;
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		if (ties__edge_negated(e) || !adv[e->target] || !IN(membership, e->type))
			continue;
		size_t s = e->source;
		if (o[s].kind == K_IDENTITY && (g->nodes[s].type == TIES_ENT_PERSON ||
		                                g->nodes[s].type == TIES_ENT_ORGANIZATION))
			o[s].kind = K_THREAT_ACTOR;
	}
	for (size_t i = 0; i < g->nedges; i++) {
		const ties_gedge *e = &g->edges[i];
		size_t s = e->source, t = e->target;
		if (!ties__edge_negated(e) && s != t && IN(subunit, e->type) &&
		    g->nodes[s].type == TIES_ENT_ORGANIZATION &&
		    g->nodes[t].type == TIES_ENT_ORGANIZATION && o[s].kind == K_THREAT_ACTOR &&
		    (o[t].kind == K_THREAT_ACTOR || o[t].kind == K_INTRUSION_SET))
			o[s].kind = K_INTRUSION_SET;
	}
	ties__free(adv);
	return TIES_OK;
}

static ties_code node_ids(const ties_graph *g, sobj *o)
{
	ties_buf key;
	ties_buf_init(&key, 0);
	ties_code rc = TIES_OK;
	for (size_t pass = 0; pass < 2 && !rc; pass++) {
		size_t *idx = NULL;
		if (pass == 1) {
			/* two nodes of one type and name: tell them apart by id */
			idx = ties__reallocarray(NULL, g->nnodes ? g->nnodes : 1, sizeof *idx);
			if (!idx) {
				rc = TIES_ERR_NOMEM;
				break;
			}
			for (size_t i = 0; i < g->nnodes; i++)
				idx[i] = i;
			qsort_r(idx, g->nnodes, sizeof *idx, cmp_idx_by_id, o);
		}
		for (size_t j = 0; j < g->nnodes && !rc; j++) {
			size_t i = j;
			if (pass == 1) {
				i = idx[j];
				if (j == 0 || strcmp(o[i].id, o[idx[j - 1]].id) != 0)
					continue;
			}
			const ties_gnode *n = &g->nodes[i];
			char *low = ties__lower_dup(n->name, strlen(n->name));
			if (!low) {
				rc = TIES_ERR_NOMEM;
				break;
			}
			ties_buf_clear(&key);
			rc = ties_buf_printf(&key, "entity|%s|%s", ties_entity_type_name(n->type),
			                     low);
			if (!rc && pass == 1)
				rc = ties_buf_printf(&key, "|%lld", (long long)n->id);
			ties__free(low);
			if (!rc)
				make_id(o[i].id, kind_names[o[i].kind], key.data, key.len);
		}
		ties__free(idx);
	}
	ties_buf_release(&key);
	return rc;
}

static ties_code str_array(ties_buf *b, const char *name, const char **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += v[i] && *v[i];
	if (!k)
		return TIES_OK;
	ties_code rc = ties_buf_printf(b, ",\"%s\":[", name);
	int first = 1;
	for (size_t i = 0; !rc && i < n; i++) {
		if (!v[i] || !*v[i])
			continue;
		if (!first)
			rc = ties_buf_addc(b, ',');
		first = 0;
		rc = rc ? rc : ties__json_cstr(b, v[i]);
	}
	return rc ? rc : ties_buf_addc(b, ']');
}

static ties_code common(ties_buf *b, const char *type, const char *id, const char *ts)
{
	return ties_buf_printf(b,
	                       "{\"type\":\"%s\",\"spec_version\":\"2.1\",\"id\":\"%s\","
	                       "\"created\":\"%s\",\"modified\":\"%s\"",
	                       type, id, ts, ts);
}

static ties_code node_obj(ties_buf *b, const ties_gnode *n, const sobj *o)
{
	ties_code rc = common(b, kind_names[o->kind], o->id, o->created);
	rc = rc ? rc : ties_buf_adds(b, ",\"name\":");
	rc = rc ? rc : ties__json_cstr(b, n->name);
	switch (o->kind) {
	case K_IDENTITY:
		rc = rc ? rc
		        : ties_buf_printf(b, ",\"identity_class\":\"%s\"",
		                          n->type == TIES_ENT_PERSON         ? "individual"
		                          : n->type == TIES_ENT_ORGANIZATION ? "organization"
		                                                             : "unknown");
		rc = rc ? rc : str_array(b, "x_opencti_aliases", n->aliases, n->naliases);
		break;
	case K_THREAT_ACTOR:
		rc = rc ? rc
		        : ties_buf_printf(b, ",\"resource_level\":\"%s\"",
		                          n->type == TIES_ENT_PERSON ? "individual"
		                                                     : "organization");
		rc = rc ? rc : str_array(b, "aliases", n->aliases, n->naliases);
		break;
	case K_INTRUSION_SET:
		rc = rc ? rc : str_array(b, "aliases", n->aliases, n->naliases);
		break;
	case K_LOCATION: {
		int where = 0;
		if (!rc && n->country[0] && n->country[1]) {
			char c[3] = {n->country[0], n->country[1], 0};
			rc = ties_buf_adds(b, ",\"country\":");
			rc = rc ? rc : ties__json_cstr(b, c);
			where = 1;
		}
		if (!rc && ties__node_coords_ok(n)) {
			rc = ties_buf_printf(b, ",\"latitude\":%.6f,\"longitude\":%.6f", n->lat,
			                     n->lon);
			where = 1;
		}
		/* the schema wants a region, a country or coordinates */
		if (!rc && !where)
			rc = ties_buf_adds(b, ",\"region\":\"unknown\"");
		rc = rc ? rc : str_array(b, "x_opencti_aliases", n->aliases, n->naliases);
		break;
	}
	case K_INCIDENT:
		rc = rc ? rc : str_array(b, "x_opencti_aliases", n->aliases, n->naliases);
		break;
	}
	rc = rc ? rc
	        : ties_buf_printf(b, ",\"x_ties_entity_type\":\"%s\",\"x_ties_kb_id\":%lld}",
	                          ties_entity_type_name(n->type), (long long)n->id);
	return rc;
}

/* STIX relationship_type: lowercase letters, digits, hyphens. */
static void rel_type(const char *t, char out[128])
{
	size_t k = 0;
	for (; *t && k < 127; t++) {
		char c = *t;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '-';
		out[k++] = c;
	}
	out[k] = 0;
	if (!k)
		strcpy(out, "related-to");
}

static ties_code ext_refs(ties_buf *b, const ties_graph *g, const ties_gedge *e)
{
	ties_code rc = ties_buf_adds(b, ",\"external_references\":[");
	int first = 1;
	for (size_t i = 0; !rc && i < e->nevidence; i++) {
		const ties_gevidence *v = &e->evidence[i];
		const ties_gdoc *d = &g->docs[v->doc];
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = e->evidence[k].doc == v->doc;
		if (!seen) { /* the document, once */
			rc = ties_buf_adds(b, first ? "{\"source_name\":" : ",{\"source_name\":");
			first = 0;
			rc = rc ? rc : ties__json_cstr(b, ties__doc_name(d));
			rc = rc ? rc : ties_buf_adds(b, ",\"description\":");
			rc =
			    rc ? rc : ties__json_cstr(b, d->source ? d->source : ties__doc_name(d));
			if (!rc && is_hex64(d->sha256))
				rc = ties_buf_printf(b, ",\"hashes\":{\"SHA-256\":\"%s\"}",
				                     d->sha256);
			rc = rc ? rc : ties_buf_addc(b, '}');
		}
		for (size_t j = 0; !rc && j < v->nnotes; j++) {
			int dup = 0;
			for (size_t k = 0; k <= i && !dup; k++) {
				const ties_gevidence *w = &e->evidence[k];
				size_t lim = k == i ? j : w->nnotes;
				for (size_t m = 0; m < lim && !dup; m++)
					dup = w->doc == v->doc && w->notes[m] == v->notes[j];
			}
			if (dup)
				continue;
			rc = ties_buf_adds(b, ",{\"source_name\":");
			rc = rc ? rc : ties__json_cstr(b, ties__doc_name(d));
			rc = rc ? rc
			        : ties_buf_printf(
			              b,
			              ",\"external_id\":\"note-%d\",\"description\":", v->notes[j]);
			const char *nt = v->note_texts ? v->note_texts[j] : NULL;
			char fallback[48];
			snprintf(fallback, sizeof fallback, "footnote %d", v->notes[j]);
			rc = rc ? rc : ties__json_cstr(b, nt && *nt ? nt : fallback);
			rc = rc ? rc : ties_buf_addc(b, '}');
		}
	}
	return rc ? rc : ties_buf_addc(b, ']');
}

static ties_code rel_obj(ties_buf *b, const ties_graph *g, const ties_gedge *e, const sobj *o,
                         const char *id, const char *ts, ties_buf *tmp)
{
	char rt[128];
	rel_type(e->type, rt);
	ties_code rc = common(b, "relationship", id, ts);
	rc = rc ? rc
	        : ties_buf_printf(b,
	                          ",\"relationship_type\":\"%s\",\"source_ref\":\"%s\","
	                          "\"target_ref\":\"%s\"",
	                          rt, o[e->source].id, o[e->target].id);
	ties_buf_clear(tmp);
	for (size_t i = 0; !rc && i < e->nevidence; i++) {
		const ties_gevidence *v = &e->evidence[i];
		if (i)
			rc = ties_buf_addc(tmp, '\n');
		if (!rc && v->negated)
			rc = ties_buf_adds(tmp, "[negated] ");
		rc = rc ? rc : ties_buf_adds(tmp, v->text ? v->text : "");
	}
	if (!rc && tmp->len) {
		rc = ties_buf_adds(b, ",\"description\":");
		rc = rc ? rc : ties__json_str(b, tmp->data, tmp->len);
	}
	rc = rc ? rc : ties_buf_printf(b, ",\"confidence\":%d", ties_gedge_confidence(e));
	char start[32];
	const char *date = ties__edge_date(e);
	if (!rc && date && ties__iso_timestamp(date, start) == 0)
		rc = ties_buf_printf(b, ",\"start_time\":\"%s\"", start);
	if (!rc && e->nevidence)
		rc = ext_refs(b, g, e);
	rc = rc ? rc
	        : ties_buf_printf(b, ",\"x_ties_hedge\":\"%s\",\"x_ties_evidence_count\":%zu",
	                          ties_hedge_name(ties__edge_hedge(e)), e->nevidence);
	if (!rc && date) {
		rc = ties_buf_adds(b, ",\"x_ties_date\":");
		rc = rc ? rc : ties__json_cstr(b, date);
	}
	return rc ? rc : ties_buf_addc(b, '}');
}

ties_code ties__export_stix(const ties_graph *g, const ties_export_opts *opts, ties_buf *out,
                            ties_error *err)
{
	(void)opts;
	size_t nn = g->nnodes, ne = g->nedges, nd = g->ndocs;
	sobj *o = ties__calloc(nn ? nn : 1, sizeof *o);
	char(*rid)[64] = ties__calloc(ne ? ne : 1, sizeof *rid);
	char(*rts)[32] = ties__calloc(ne ? ne : 1, sizeof *rts);
	char(*dts)[32] = ties__calloc(nd ? nd : 1, sizeof *dts);
	char(*did)[64] = ties__calloc(nd ? nd : 1, sizeof *did);
	ties_vec mem;
	ties__vec_init(&mem, sizeof(member));
	ties_buf key, tmp;
	ties_buf_init(&key, 0);
	ties_buf_init(&tmp, 0);
	ties_code rc = (o && rid && rts && dts && did) ? TIES_OK : TIES_ERR_NOMEM;

	/* timestamps: a document's add time; an object's is its earliest
	 * document's */
	for (size_t d = 0; !rc && d < nd; d++)
		if (ties__iso_timestamp(g->docs[d].added, dts[d]))
			strcpy(dts[d], EPOCH);
	for (size_t i = 0; !rc && i < nn; i++)
		o[i].created[0] = 0;
	/* (an unknown time gives way to any known one) */
	for (size_t i = 0; !rc && i < ne; i++) {
		const ties_gedge *e = &g->edges[i];
		rts[i][0] = 0;
		for (size_t k = 0; k < e->nevidence; k++) {
			const char *t = dts[e->evidence[k].doc];
			if (strcmp(t, EPOCH) && (!rts[i][0] || strcmp(t, rts[i]) < 0))
				strcpy(rts[i], t);
		}
		if (!rts[i][0])
			continue;
		size_t ends[2] = {e->source, e->target};
		for (int k = 0; k < 2; k++)
			if (!o[ends[k]].created[0] || strcmp(rts[i], o[ends[k]].created) < 0)
				strcpy(o[ends[k]].created, rts[i]);
	}
	for (size_t i = 0; !rc && i < ne; i++)
		if (!rts[i][0])
			strcpy(rts[i], EPOCH);
	for (size_t i = 0; !rc && i < nn; i++)
		if (!o[i].created[0])
			strcpy(o[i].created, EPOCH);

	if (!rc) {
		rc = classify(g, o);
		rc = rc ? rc : node_ids(g, o);
	}
	for (size_t i = 0; !rc && i < ne; i++) {
		const ties_gedge *e = &g->edges[i];
		ties_buf_clear(&key);
		rc = ties_buf_printf(&key, "relationship|%s|%s|%s", o[e->source].id, e->type,
		                     o[e->target].id);
		if (!rc)
			make_id(rid[i], "relationship", key.data, key.len);
		/* report membership: relation and both ends, per document */
		for (size_t k = 0; !rc && k < e->nevidence && !ties__edge_negated(e); k++) {
			size_t ords[3] = {nn + i, e->source, e->target};
			for (int m = 0; m < 3 && !rc; m++) {
				member *p = ties__vec_push(&mem);
				if (!p)
					rc = TIES_ERR_NOMEM;
				else
					*p = (member){e->evidence[k].doc, ords[m]};
			}
		}
	}
	for (size_t d = 0; !rc && d < nd; d++) {
		const ties_gdoc *doc = &g->docs[d];
		ties_buf_clear(&key);
		if (is_hex64(doc->sha256))
			rc = ties_buf_printf(&key, "report|sha256|%s", doc->sha256);
		else
			rc = ties_buf_printf(&key, "report|source|%s|%lld",
			                     doc->source ? doc->source : "", (long long)doc->id);
		if (!rc)
			make_id(did[d], "report", key.data, key.len);
	}
	if (!rc && mem.len)
		qsort(mem.data, mem.len, sizeof(member), cmp_member);

	/* bundle id: over every object id, in order */
	ties_buf_clear(&key);
	for (size_t i = 0; !rc && i < nn; i++)
		rc = ties_buf_adds(&key, o[i].id);
	for (size_t i = 0; !rc && i < ne; i++)
		if (!ties__edge_negated(&g->edges[i]))
			rc = ties_buf_adds(&key, rid[i]);
	for (size_t d = 0; !rc && d < nd; d++)
		rc = ties_buf_adds(&key, did[d]);
	char bid[64];
	if (!rc) {
		make_id(bid, "bundle", key.data ? key.data : "", key.len);
		/* "objects" may not be empty: an empty graph is a bundle without it */
		if (!nn) {
			rc = ties_buf_printf(out, "{\"type\":\"bundle\",\"id\":\"%s\"}\n", bid);
			goto done;
		}
		rc = ties_buf_printf(out, "{\"type\":\"bundle\",\"id\":\"%s\",\"objects\":[", bid);
	}
	int first = 1;
	for (size_t i = 0; !rc && i < nn; i++) {
		rc = ties_buf_adds(out, first ? "\n" : ",\n");
		first = 0;
		rc = rc ? rc : node_obj(out, &g->nodes[i], &o[i]);
	}
	for (size_t i = 0; !rc && i < ne; i++) {
		if (ties__edge_negated(&g->edges[i]))
			continue;
		rc = ties_buf_adds(out, first ? "\n" : ",\n");
		first = 0;
		rc = rc ? rc : rel_obj(out, g, &g->edges[i], o, rid[i], rts[i], &tmp);
	}
	size_t mi = 0;
	const member *ms = mem.data;
	for (size_t d = 0; !rc && d < nd; d++) {
		while (mi < mem.len && ms[mi].doc < d)
			mi++;
		if (mi >= mem.len || ms[mi].doc != d)
			continue; /* a report must refer to something */
		const ties_gdoc *doc = &g->docs[d];
		rc = ties_buf_adds(out, first ? "\n" : ",\n");
		first = 0;
		rc = rc ? rc : common(out, "report", did[d], dts[d]);
		rc = rc ? rc : ties_buf_adds(out, ",\"name\":");
		rc = rc ? rc : ties__json_cstr(out, ties__doc_name(doc));
		rc = rc ? rc
		        : ties_buf_printf(out,
		                          ",\"report_types\":[\"threat-report\"],"
		                          "\"published\":\"%s\",\"object_refs\":[",
		                          dts[d]);
		size_t last = (size_t)-1;
		int f2 = 1;
		for (; !rc && mi < mem.len && ms[mi].doc == d; mi++) {
			if (ms[mi].ord == last)
				continue;
			last = ms[mi].ord;
			rc = ties_buf_printf(out, "%s\"%s\"", f2 ? "" : ",",
			                     last < nn ? o[last].id : rid[last - nn]);
			f2 = 0;
		}
		rc = rc ? rc : ties_buf_adds(out, "],\"external_references\":[{\"source_name\":");
		rc = rc ? rc : ties__json_cstr(out, ties__doc_name(doc));
		rc = rc ? rc : ties_buf_adds(out, ",\"description\":");
		rc =
		    rc ? rc : ties__json_cstr(out, doc->source ? doc->source : ties__doc_name(doc));
		if (!rc && is_hex64(doc->sha256))
			rc = ties_buf_printf(out, ",\"hashes\":{\"SHA-256\":\"%s\"}", doc->sha256);
		rc = rc ? rc : ties_buf_adds(out, "}]}");
	}
	rc = rc ? rc : ties_buf_adds(out, "\n]}\n");
done:

	ties_buf_release(&key);
	ties_buf_release(&tmp);
	ties__vec_release(&mem);
	ties__free(o);
	ties__free(rid);
	ties__free(rts);
	ties__free(dts);
	ties__free(did);
	return rc ? ties__export_fail(err, rc, "stix") : TIES_OK;
}
