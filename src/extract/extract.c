/* ties_extract: the pipeline over a read document (see extract_int.h). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"

/* The lexicon and the default rules are read-only once loaded: they are
 * kept for the life of the process (under a lock) so repeated extractions,
 * a knowledge base import, pay the start-up once.  A rules file given in
 * the options is loaded for that call only. */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static xlex *g_lex;
static xrules *g_rules;

static ties_code resources(const ties_extract_opts *o, const xlex **lx, const xrules **rules,
                           xrules **own, ties_error *err)
{
	ties_code rc = TIES_OK;
	*own = NULL;
	pthread_mutex_lock(&g_lock);
	if (!g_lex)
		rc = ties__xlex_open(NULL, &g_lex, err);
	if (!rc && !g_rules && !(o && o->rules_path))
		rc = ties__xrules_load(NULL, &g_rules, err);
	pthread_mutex_unlock(&g_lock);
	if (!rc && o && o->rules_path)
		rc = ties__xrules_load(o->rules_path, own, err);
	*lx = g_lex;
	*rules = *own ? *own : g_rules;
	return rc;
}

ties_code ties_extract(const ties_doc *doc, const ties_extract_opts *opts, ties_extraction **out,
                       ties_error *err)
{
	*out = NULL;
	const xlex *lx;
	const xrules *rules;
	xrules *own;
	ties_code rc = resources(opts, &lx, &rules, &own, err);
	if (rc)
		return rc;
	ties_arena *a = ties__arena_new();
	ties_extraction *x = a ? ties__arena_alloc(a, sizeof *x) : NULL;
	if (!x) {
		ties__arena_free(a);
		ties__xrules_free(own);
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	x->doc = doc;
	x->arena = a;
	xstate st = {0};
	st.doc = doc;
	st.text = doc->text;
	st.lx = lx;
	st.rules = rules;
	st.a = a;
	st.x = x;
	st.max_entities = opts && opts->max_entities ? opts->max_entities : 100000;
	st.max_relations = opts && opts->max_relations ? opts->max_relations : 500000;
	st.cache = ties__xcache_new();
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
	ties__xcache_free(st.cache);
	ties__xrules_free(own); /* relations hold copies of what they use */
	if (rc) {
		ties__arena_free(a);
		if (rc == TIES_ERR_LIMIT)
			return ties__error(err, rc, "'%s': over the limit of %zu %s", doc->source,
			                   st.limit == 'e' ? st.max_entities : st.max_relations,
			                   st.limit == 'e' ? "entities" : "relations");
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
