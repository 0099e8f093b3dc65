/* ties_extract: the pipeline over a read document (see extract_int.h). */
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"

/* The lexicon and rules are read-only once loaded; keep them for the life
 * of the process so repeated extractions (a knowledge base import) pay the
 * start-up once. */
static xlex *g_lex;
static xrules *g_rules;
static char g_rules_path[4096];

static ties_code resources(const ties_extract_opts *o, ties_error *err)
{
	ties_code rc;
	if (!g_lex && (rc = ties__xlex_open(NULL, &g_lex, err)))
		return rc;
	const char *rp = o && o->rules_path ? o->rules_path : "";
	if (!g_rules || strcmp(rp, g_rules_path)) {
		xrules *r;
		if ((rc = ties__xrules_load(*rp ? rp : NULL, &r, err)))
			return rc;
		ties__xrules_free(g_rules);
		g_rules = r;
		snprintf(g_rules_path, sizeof g_rules_path, "%s", rp);
	}
	return TIES_OK;
}

ties_code ties_extract(const ties_doc *doc, const ties_extract_opts *opts, ties_extraction **out,
                       ties_error *err)
{
	*out = NULL;
	ties_code rc = resources(opts, err);
	if (rc)
		return rc;
	ties_arena *a = ties__arena_new();
	ties_extraction *x = a ? ties__arena_alloc(a, sizeof *x) : NULL;
	if (!x) {
		ties__arena_free(a);
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	x->doc = doc;
	x->arena = a;
	xstate st = {0};
	st.doc = doc;
	st.text = doc->text;
	st.lx = g_lex;
	st.rules = g_rules;
	st.a = a;
	st.x = x;
	st.max_entities = opts && opts->max_entities ? opts->max_entities : 100000;
	st.max_relations = opts && opts->max_relations ? opts->max_relations : 500000;
	ties__vec_init(&st.toks, sizeof(xtok));
	ties__vec_init(&st.cands, sizeof(xcand));
	rc = ties__xcandidates(&st);
	if (!rc)
		rc = ties__xtype(&st);
	if (!rc)
		rc = ties__xcoref(&st);
	if (!rc)
		rc = ties__xrelations(&st);
	ties__vec_release(&st.toks);
	ties__vec_release(&st.cands);
	if (rc) {
		ties__arena_free(a);
		if (rc == TIES_ERR_LIMIT)
			return ties__error(err, rc, "'%s': too many entities or relations", doc->source);
		return ties__error(err, rc, "'%s': out of memory", doc->source);
	}
	*out = x;
	return TIES_OK;
}

void ties_extraction_free(ties_extraction *x)
{
	if (x)
		ties__arena_free(x->arena);
}
