/* Unit tests of the extract stage: typing, aliases, each relation pattern
 * family, hedges, negation, dates, notes, the rules file and the JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after the headers it needs */

#include "extract/extract_int.h"
#include "ties/ties.h"

typedef struct {
	ties_doc *doc;
	ties_extraction *x;
} run;

static void extract_text(run *r, const char *text, const char *rules)
{
	ties_error err;
	ties_read_opts ro = {0};
	assert_int_equal(ties_read_buffer(text, strlen(text), "t.txt", &ro, &r->doc, &err),
	                 TIES_OK);
	ties_extract_opts xo = {0};
	xo.rules_path = rules;
	ties_code rc = ties_extract(r->doc, &xo, &r->x, &err);
	if (rc)
		fail_msg("extract: %s", err.msg);
}

static void done(run *r)
{
	ties_extraction_free(r->x);
	ties_doc_free(r->doc);
}

static const ties_entity *ent(const run *r, const char *name)
{
	for (size_t i = 0; i < r->x->nentities; i++) {
		const ties_entity *e = &r->x->entities[i];
		if (!strcmp(e->name, name))
			return e;
		for (size_t k = 0; k < e->naliases; k++)
			if (!strcmp(e->aliases[k], name))
				return e;
	}
	return NULL;
}

static const ties_relation *rel(const run *r, const char *s, const char *type, const char *t)
{
	const ties_entity *a = ent(r, s), *b = ent(r, t);
	if (!a || !b)
		return NULL;
	for (size_t i = 0; i < r->x->nrelations; i++) {
		const ties_relation *x = &r->x->relations[i];
		if (&r->x->entities[x->source] == a && &r->x->entities[x->target] == b &&
		    !strcmp(x->type, type))
			return x;
	}
	return NULL;
}

static void test_norm(void **state)
{
	(void)state;
	char a[64], b[64], c[64];
	ties__xnorm("Al-Rashid", 9, a, sizeof a);
	ties__xnorm("AlRashid", 8, b, sizeof b);
	ties__xnorm("al Rashid's", 11, c, sizeof c);
	assert_string_equal(a, "alrashid");
	assert_string_equal(b, a);
	assert_string_equal(c, a);
	ties__xnorm("Herāt", strlen("Herāt"), a, sizeof a);
	assert_string_equal(a, "herat");
	/* truncation stays NUL-terminated */
	assert_int_equal(ties__xnorm("abcdef", 6, a, 4), 3);
	assert_string_equal(a, "abc");
}

static void test_types_and_aliases(void **state)
{
	(void)state;
	run r;
	extract_text(&r,
	             "The Southern Liberation Army (SLA) was founded in Peru in 2003.1 Its leader "
	             "Marco Vidal "
	             "lives in Lima.2 Vidal met with officials of the Blue River Cartel at the "
	             "Grand Hotel in "
	             "Cusco.3\n",
	             NULL);
	const ties_entity *sla = ent(&r, "Southern Liberation Army");
	assert_non_null(sla);
	assert_int_equal(sla->type, TIES_ENT_ORGANIZATION);
	assert_ptr_equal(ent(&r, "SLA"), sla);
	const ties_entity *peru = ent(&r, "Peru");
	assert_non_null(peru);
	assert_int_equal(peru->type, TIES_ENT_LOCATION);
	assert_string_equal(peru->country, "PE");
	assert_int_equal(ent(&r, "Grand Hotel")->type, TIES_ENT_FACILITY);
	const ties_entity *mv = ent(&r, "Marco Vidal");
	assert_non_null(mv);
	assert_int_equal(mv->type, TIES_ENT_PERSON);
	assert_ptr_equal(ent(&r, "Vidal"), mv); /* surname short form */
	assert_int_equal(mv->nmentions, 2);
	/* mention offsets slice the read text */
	for (size_t i = 0; i < mv->nmentions; i++)
		assert_memory_equal(r.doc->text + mv->mentions[i].start,
		                    i ? "Vidal" : "Marco Vidal",
		                    mv->mentions[i].end - mv->mentions[i].start);
	assert_non_null(rel(&r, "Grand Hotel", "located-in", "Cusco"));
	done(&r);
}

static void test_patterns(void **state)
{
	(void)state;
	run r;
	extract_text(&r,
	             "Blue River Cartel chief Ana Ruiz met with Pedro Salas in 2019.1 Tomas Ferro, "
	             "the leader "
	             "of the Eastern Shield Movement, was arrested by the Federal Police.2 The "
	             "Central Bank was "
	             "attacked by the Eastern Shield Movement and the Blue River Cartel.3 The "
	             "group is based "
	             "in Culiacan, Sinaloa, Mexico.4\n",
	             NULL);
	assert_non_null(rel(&r, "Ana Ruiz", "leads", "Blue River Cartel"));
	assert_non_null(rel(&r, "Ana Ruiz", "met-with", "Pedro Salas"));
	assert_non_null(rel(&r, "Tomas Ferro", "leads", "Eastern Shield Movement"));
	assert_non_null(rel(&r, "Tomas Ferro", "arrested-by", "Federal Police"));
	assert_non_null(rel(&r, "Eastern Shield Movement", "attacked", "Central Bank"));
	assert_non_null(rel(&r, "Blue River Cartel", "attacked", "Central Bank"));
	assert_non_null(rel(&r, "Culiacan", "located-in", "Sinaloa"));
	assert_non_null(rel(&r, "Sinaloa", "located-in", "Mexico"));
	/* no relation against the direction of the trigger */
	assert_null(rel(&r, "Central Bank", "attacked", "Blue River Cartel"));
	const ties_relation *m = rel(&r, "Ana Ruiz", "met-with", "Pedro Salas");
	assert_string_equal(m->date, "2019");
	assert_int_equal(m->nnotes, 1);
	assert_int_equal(m->notes[0], 1);
	assert_int_equal(m->hedge, TIES_HEDGE_ASSERTED);
	done(&r);
}

static void test_hedge_negation(void **state)
{
	(void)state;
	run r;
	extract_text(
	    &r,
	    "The Blue River Cartel reportedly funds the Eastern Shield Movement.1 The Eastern "
	    "Shield "
	    "Movement did not attack the Grand Hotel in March 2020.2 The Blue River Cartel cannot "
	    "sever ties with the Federal Army.3 Analysts say the cartel might support the Northern "
	    "Front.4\n",
	    NULL);
	const ties_relation *f = rel(&r, "Blue River Cartel", "funds", "Eastern Shield Movement");
	assert_non_null(f);
	assert_int_equal(f->hedge, TIES_HEDGE_REPORTED);
	assert_false(f->negated);
	const ties_relation *a = rel(&r, "Eastern Shield Movement", "attacked", "Grand Hotel");
	assert_non_null(a);
	assert_true(a->negated);
	assert_string_equal(a->date, "2020-03");
	const ties_relation *t = rel(&r, "Blue River Cartel", "affiliated-with", "Federal Army");
	assert_non_null(t);
	assert_false(t->negated); /* "cannot sever ties": still tied */
	done(&r);
}

static void test_rules_file(void **state)
{
	(void)state;
	ties_error err;
	xrules *rr = NULL;
	char path[] = "/tmp/ties-test-rules-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# comment\nverb befriend affiliated-with\nhedge possible might well\nfrobnicate x\n",
	      f);
	fclose(f);
	assert_int_equal(ties__xrules_load(path, &rr, &err), TIES_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "line 4"));
	f = fopen(path, "w");
	fputs("verb befriend affiliated-with prep=with reverse\n", f);
	fclose(f);
	assert_int_equal(ties__xrules_load(path, &rr, &err), TIES_OK);
	const xrule *x = ties__xrules_find(rr, XR_VERB, "befriend", 8);
	assert_non_null(x);
	assert_string_equal(x->type, "affiliated-with");
	assert_string_equal(x->prep, "with");
	assert_int_equal(x->reverse, 1);
	assert_null(ties__xrules_find(rr, XR_VERB, "befrien", 7));
	ties__xrules_free(rr);
	/* a missing rules file is an error, not an empty rule set */
	run r;
	ties_read_opts ro = {0};
	assert_int_equal(ties_read_buffer("A text.\n", 8, "t", &ro, &r.doc, &err), TIES_OK);
	ties_extract_opts xo = {.rules_path = "/nonexistent/ties.rules"};
	assert_int_equal(ties_extract(r.doc, &xo, &r.x, &err), TIES_ERR_NOTFOUND);
	ties_doc_free(r.doc);
	remove(path);
}

static void test_json(void **state)
{
	(void)state;
	run r;
	extract_text(&r, "Ana Ruiz, the leader of the Blue River Cartel, visited \"Lima\" <b>.1\n",
	             NULL);
	ties_buf b;
	ties_buf_init(&b, 0);
	assert_int_equal(ties_extraction_write_json(r.x, &b), TIES_OK);
	assert_non_null(strstr(b.data, "\"entities\":["));
	assert_non_null(strstr(b.data, "\"type\":\"leads\""));
	assert_non_null(strstr(b.data, "\"hedge\":\"asserted\""));
	assert_null(strstr(b.data, "<b>")); /* escaped */
	ties_buf_release(&b);
	done(&r);
}

static void test_hedge_names(void **state)
{
	(void)state;
	assert_string_equal(ties_hedge_name(TIES_HEDGE_ALLEGED), "alleged");
	assert_true(ties_hedge_confidence(TIES_HEDGE_ASSERTED) >
	            ties_hedge_confidence(TIES_HEDGE_POSSIBLE));
	ties_entity_type t;
	assert_int_equal(ties_entity_type_parse("facility", &t), 0);
	assert_int_equal(t, TIES_ENT_FACILITY);
	assert_int_equal(ties_entity_type_parse("thing", &t), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_norm),        cmocka_unit_test(test_types_and_aliases),
	    cmocka_unit_test(test_patterns),    cmocka_unit_test(test_hedge_negation),
	    cmocka_unit_test(test_rules_file),  cmocka_unit_test(test_json),
	    cmocka_unit_test(test_hedge_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
