/* Unit tests: the knowledge base with hand-built extractions (no extractor):
 * schema and versions, idempotent ingest and replacement, entity resolution
 * across documents, corrections that survive re-ingest, link queries,
 * integrity checks, read-only and full databases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after the headers it needs */

#include "store/store_int.h"
#include "ties/query.h"

/* ---- fixtures ---- */

typedef struct E {
	const char *name;
	ties_entity_type type;
	const char *aliases[4];
} E;

typedef struct R {
	int s, t;
	const char *type;
	const char *evidence; /* a substring of the evidence sentence */
	ties_hedge hedge;
	int negated;
	const char *date;
} R;

static char dbpath[64];

static int setup(void **st)
{
	(void)st;
	snprintf(dbpath, sizeof dbpath, "/tmp/ties-test-store-%d.db", (int)getpid());
	unlink(dbpath);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	char p[80];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	return 0;
}

static ties_store *open_db(unsigned flags)
{
	ties_store *s = NULL;
	ties_error err;
	ties_code rc = ties_store_open(dbpath, flags, &s, &err);
	if (rc)
		fail_msg("open: %s", err.msg);
	return s;
}

static ties_doc *mkdoc(const char *text, const char *name)
{
	ties_doc *d = NULL;
	ties_error err;
	if (ties_read_buffer(text, strlen(text), name, NULL, &d, &err))
		fail_msg("read: %s", err.msg);
	return d;
}

/* An extraction of doc with the given entities (mentions: every occurrence
 * of the name) and relations (evidence: the sentence holding the text). */
static ties_extraction *mkx(const ties_doc *d, const E *es, size_t ne, const R *rs, size_t nr)
{
	ties_arena *a = ties__arena_new();
	ties_extraction *x = ties__arena_alloc(a, sizeof *x);
	x->arena = a;
	x->doc = d;
	x->entities = ties__arena_array(a, ne ? ne : 1, sizeof *x->entities);
	x->relations = ties__arena_array(a, nr ? nr : 1, sizeof *x->relations);
	for (size_t i = 0; i < ne; i++) {
		ties_entity *e = &x->entities[x->nentities++];
		snprintf(e->id, sizeof e->id, "e%u", (unsigned)(i + 1) & 0xffffu);
		e->name = es[i].name;
		e->type = es[i].type;
		size_t na = 0;
		while (na < 4 && es[i].aliases[na])
			na++;
		e->aliases = ties__arena_array(a, na ? na : 1, sizeof(char *));
		for (size_t j = 0; j < na; j++)
			e->aliases[j] = es[i].aliases[j];
		e->naliases = na;
		const char *p = strstr(d->text, es[i].name);
		if (p) {
			e->mentions = ties__arena_alloc(a, sizeof *e->mentions);
			e->mentions[0].start = (size_t)(p - d->text);
			e->mentions[0].end = e->mentions[0].start + strlen(es[i].name);
			e->nmentions = 1;
		}
	}
	for (size_t i = 0; i < nr; i++) {
		ties_relation *r = &x->relations[x->nrelations++];
		const char *p = strstr(d->text, rs[i].evidence);
		assert_non_null(p);
		size_t si = ties_doc_sentence_at(d, (size_t)(p - d->text));
		assert_true(si != (size_t)-1);
		r->source = (size_t)rs[i].s;
		r->target = (size_t)rs[i].t;
		r->type = rs[i].type;
		r->evidence.start = d->sentences[si].start;
		r->evidence.end = d->sentences[si].end;
		r->hedge = rs[i].hedge;
		r->negated = rs[i].negated;
		r->date = rs[i].date;
	}
	return x;
}

static ties_add_status add(ties_store *s, const char *source, const char *text, const E *es,
                           size_t ne, const R *rs, size_t nr)
{
	ties_doc *d = mkdoc(text, source);
	ties_extraction *x = mkx(d, es, ne, rs, nr);
	ties_add_result res;
	ties_error err;
	ties_add_opts o = {source, NULL};
	ties_code rc = ties_store_add(s, d, x, &o, &res, &err);
	if (rc)
		fail_msg("add %s: %s", source, err.msg);
	ties_extraction_free(x);
	ties_doc_free(d);
	return res.status;
}

static int64_t id_of(ties_store *s, const char *name)
{
	int64_t id = 0;
	ties_error err;
	ties_code rc = ties_store_entity_id(s, name, &id, &err);
	if (rc)
		fail_msg("entity '%s': %s", name, err.msg);
	return id;
}

static ties_code lookup(ties_store *s, const char *name, ties_error *err)
{
	int64_t id;
	return ties_store_entity_id(s, name, &id, err);
}

static long long count(ties_store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void assert_consistent(ties_store *s)
{
	ties_buf r;
	size_t n = 99;
	ties_error err;
	ties_buf_init(&r, 0);
	assert_int_equal(ties_store_check(s, &r, &n, &err), TIES_OK);
	if (n)
		fail_msg("check: %s", r.data);
	ties_buf_release(&r);
}

#define N(a) (sizeof(a) / sizeof *(a))
#define ORG TIES_ENT_ORGANIZATION
#define PER TIES_ENT_PERSON
#define LOC TIES_ENT_LOCATION

/* ---- names ---- */

static void keys_normalise_spelling(void **st)
{
	(void)st;
	char a[TIES__KEY_MAX], b[TIES__KEY_MAX];
	ties__name_key("The Haqqani Network\xE2\x80\x99s", a);
	ties__name_key("haqqani network", b);
	assert_string_equal(a, b);
	ties__name_key("Al-Qaeda", a);
	ties__name_key("al Qaeda", b);
	assert_string_equal(a, b);
	ties__name_key("Al-Q\xC4\x81\xCA\xBF"
	               "ida",
	               a); /* macron, ayn */
	ties__name_key("al-Qaida", b);
	assert_string_equal(a, b);
	ties__name_key("U.S.", a);
	ties__name_key("US", b);
	assert_string_equal(a, b);
	ties__name_key("Theodore Smith", a); /* "the" only as a word */
	assert_string_equal(a, "theodoresmith");
	assert_int_equal(ties__name_key("--", a), 0);
	assert_true(ties__is_acronym("LeT"));
	assert_true(ties__is_acronym("U.S."));
	assert_true(ties__is_acronym("HuJI"));
	assert_false(ties__is_acronym("Taliban"));
	assert_false(ties__is_acronym("McDonald"));
	assert_false(ties__is_acronym("A B"));
	ties__skeleton_key("Hafiz Saeed", a);
	ties__skeleton_key("Hafeez Saeed", b);
	assert_string_equal(a, b);
	assert_int_equal(ties__skeleton_key("Omar", a), 0); /* one word: no skeleton */
	assert_true(ties__key_similarity("lashkaretaiba", "lashkaretayyiba") >= 0.8);
	assert_true(ties__key_similarity("islamicmovement", "indianmujahideen") < 0.5);
}

/* ---- schema ---- */

static void schema_created_and_versioned(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	assert_int_equal(count(s, "PRAGMA user_version"), TIES__SCHEMA_VERSION);
	assert_int_equal(count(s, "PRAGMA application_id"), TIES__APP_ID);
	assert_int_equal(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'sentence_fts'"),
	                 1);
	ties_store_close(s);
	s = open_db(TIES_STORE_READONLY); /* a WAL database opens read-only */
	assert_consistent(s);
	ties_store_close(s);
}

static void future_schema_refused(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	assert_int_equal(sqlite3_exec(s->db, "PRAGMA user_version = 99", NULL, NULL, NULL),
	                 SQLITE_OK);
	ties_store_close(s);
	ties_error err;
	assert_int_equal(ties_store_open(dbpath, 0, &s, &err), TIES_ERR_SCHEMA);
	assert_non_null(strstr(err.msg, "newer"));
	assert_null(s);
}

/* A version 1 base (no entity_key) is migrated on open, data kept. */
static void old_schema_migrated(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	add(s, "a.txt", "T\n\nAlpha Front (AF) is led by John Smith.\n",
	    (E[]){{"Alpha Front", TIES_ENT_ORGANIZATION, {"AF"}},
	          {"John Smith", TIES_ENT_PERSON, {0}}},
	    2, NULL, 0);
	assert_int_equal(
	    sqlite3_exec(s->db,
	                 "DROP TRIGGER alias_ai; DROP TRIGGER alias_ad; DROP TRIGGER alias_au;"
	                 "DROP TABLE entity_key; CREATE INDEX alias_key ON alias(key, entity);"
	                 "PRAGMA user_version = 1;",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	ties_store_close(s);
	ties_error err;
	/* read-only handles do not migrate: they say so */
	assert_int_equal(ties_store_open(dbpath, TIES_STORE_READONLY, &s, &err), TIES_ERR_SCHEMA);
	assert_non_null(strstr(err.msg, "migrat"));
	s = open_db(0);
	assert_int_equal(count(s, "PRAGMA user_version"), TIES__SCHEMA_VERSION);
	assert_true(count(s, "SELECT count(*) FROM entity_key") >= 3);
	assert_int_equal(id_of(s, "AF"), id_of(s, "alpha front"));
	assert_consistent(s);
	ties_store_close(s);
}

static void foreign_files_refused(void **st)
{
	(void)st;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ties_store *s;
	ties_error err;
	assert_int_equal(ties_store_open(dbpath, TIES_STORE_CREATE, &s, &err), TIES_ERR_SCHEMA);
	unlink(dbpath);
	FILE *f = fopen(dbpath, "w");
	fputs("this is a report, not a database, and it is long enough to have a header\n", f);
	fclose(f);
	assert_int_equal(ties_store_open(dbpath, TIES_STORE_CREATE, &s, &err), TIES_ERR_DB);
	assert_non_null(strstr(err.msg, "not a database"));
	unlink(dbpath);
	assert_int_equal(ties_store_open(dbpath, TIES_STORE_READONLY, &s, &err), TIES_ERR_NOTFOUND);
	assert_int_equal(ties_store_open("/tmp", TIES_STORE_CREATE, &s, &err), TIES_ERR_ISDIR);
}

/* ---- ingest ---- */

static const char *doc_a = "Group One\n\nAlpha Front (AF) is led by John Smith. "
                           "The Alpha Front works with Beta Brigade in Ruritania.\n";
static const E ents_a[] = {{"Alpha Front", ORG, {"AF"}},
                           {"John Smith", PER, {0}},
                           {"Beta Brigade", ORG, {0}},
                           {"Ruritania", LOC, {0}}};
static const R rels_a[] = {{1, 0, "leads", "led by John Smith", TIES_HEDGE_ASSERTED, 0, "2008"},
                           {0, 2, "allied-with", "works with Beta", TIES_HEDGE_REPORTED, 0, NULL}};

static void add_is_idempotent(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	assert_int_equal(add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a)),
	                 TIES_ADD_NEW);
	assert_int_equal(add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a)),
	                 TIES_ADD_UNCHANGED);
	assert_int_equal(add(s, "copy.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a)),
	                 TIES_ADD_UNCHANGED);
	assert_int_equal(count(s, "SELECT count(*) FROM document"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM entity"), 4);
	assert_int_equal(count(s, "SELECT count(*) FROM claim"), 2);
	assert_int_equal(count(s, "SELECT count(*) FROM sentence"), 3);
	assert_consistent(s);
	ties_store_close(s);
}

static void changed_source_replaces(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a));
	const char *v2 = "Group One\n\nAlpha Front is led by Jane Doe.\n";
	E e2[] = {{"Alpha Front", ORG, {0}}, {"Jane Doe", PER, {0}}};
	R r2[] = {{1, 0, "leads", "led by Jane", TIES_HEDGE_ASSERTED, 0, NULL}};
	assert_int_equal(add(s, "a.txt", v2, e2, N(e2), r2, N(r2)), TIES_ADD_REPLACED);
	assert_int_equal(count(s, "SELECT count(*) FROM document"), 1);
	ties_error err;
	assert_int_equal(lookup(s, "John Smith", &err), TIES_ERR_NOENTITY);
	assert_int_equal(lookup(s, "Beta Brigade", &err), TIES_ERR_NOENTITY);
	assert_true(id_of(s, "jane doe") > 0);
	assert_int_equal(count(s, "SELECT count(*) FROM claim"), 1);
	assert_consistent(s);
	ties_store_close(s);
}

static void failed_add_leaves_nothing(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	ties_doc *d = mkdoc(doc_a, "bad.txt");
	ties_extraction *x = mkx(d, ents_a, N(ents_a), rels_a, N(rels_a));
	x->relations[1].target = 99; /* out of range: the whole document must go */
	ties_add_result res;
	ties_error err;
	assert_int_equal(ties_store_add(s, d, x, NULL, &res, &err), TIES_ERR_INTERNAL);
	ties_extraction_free(x);
	ties_doc_free(d);
	assert_int_equal(count(s, "SELECT count(*) FROM document"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM sentence"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM entity"), 0);
	assert_consistent(s);
	ties_store_close(s);
}

/* ---- resolution ---- */

static void same_actor_named_differently_merges(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a));
	/* article + possessive, acronym alone, transliteration of a person */
	const char *b = "Second\n\nThe Alpha Front's cells in Ruritania answer to Jon Smith. "
	                "AF fighters trained with the Beta-Brigade.\n";
	E eb[] = {{"the Alpha Front's", ORG, {0}},
	          {"Ruritania", LOC, {0}},
	          {"Jon Smith", PER, {0}},
	          {"AF", ORG, {0}},
	          {"the Beta-Brigade", ORG, {0}}};
	R rb[] = {{3, 4, "trained-with", "AF fighters", TIES_HEDGE_ASSERTED, 0, NULL}};
	add(s, "b.txt", b, eb, N(eb), rb, N(rb));
	int64_t af = id_of(s, "Alpha Front");
	assert_int_equal(id_of(s, "AF"), af);
	assert_int_equal(id_of(s, "alpha front\xE2\x80\x99s"), af);
	assert_int_equal(id_of(s, "BETA BRIGADE"), id_of(s, "Beta Brigade"));
	assert_int_equal(id_of(s, "Jon Smith"), id_of(s, "John Smith")); /* skeleton */
	assert_int_equal(count(s, "SELECT count(*) FROM entity"), 4);
	/* a spelling variant of the expansion of a shared acronym */
	const char *c = "Third\n\nThe Alfa Front (AF) grew.\n";
	E ec[] = {{"Alfa Front", ORG, {"AF"}}};
	add(s, "c.txt", c, ec, N(ec), NULL, 0);
	assert_int_equal(id_of(s, "Alfa Front"), af);
	assert_consistent(s);
	ties_store_close(s);
}

static void shared_acronym_different_actors_stay_apart(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	const char *a = "One\n\nThe Islamic Movement (IM) met Omar Bakr in Karaj.\n";
	E ea[] = {{"Islamic Movement", ORG, {"IM"}}, {"Omar Bakr", PER, {0}}, {"Karaj", LOC, {0}}};
	R ra[] = {{1, 0, "member-of", "met Omar", TIES_HEDGE_ASSERTED, 0, NULL}};
	add(s, "a.txt", a, ea, N(ea), ra, N(ra));
	const char *b = "Two\n\nThe Indian Mujahideen (IM) recruited Riaz Bhatkal in Pune.\n";
	E eb[] = {
	    {"Indian Mujahideen", ORG, {"IM"}}, {"Riaz Bhatkal", PER, {0}}, {"Pune", LOC, {0}}};
	R rb[] = {{1, 0, "member-of", "recruited Riaz", TIES_HEDGE_ASSERTED, 0, NULL}};
	add(s, "b.txt", b, eb, N(eb), rb, N(rb));
	int64_t im1 = id_of(s, "Islamic Movement"), im2 = id_of(s, "Indian Mujahideen");
	assert_true(im1 != im2);
	ties_error err;
	assert_int_equal(lookup(s, "IM", &err), TIES_ERR_AMBIGUOUS);
	assert_non_null(strstr(err.msg, "Islamic Movement"));
	assert_non_null(strstr(err.msg, "Indian Mujahideen"));
	/* a bare "IM" goes where its context points: Pune and Riaz Bhatkal */
	const char *c = "Three\n\nIM cells in Pune answer to Riaz Bhatkal.\n";
	E ec[] = {{"IM", ORG, {0}}, {"Pune", LOC, {0}}, {"Riaz Bhatkal", PER, {0}}};
	add(s, "c.txt", c, ec, N(ec), NULL, 0);
	assert_int_equal(count(s, "SELECT count(*) FROM entity WHERE name IN ('IM')"), 0);
	assert_int_equal(
	    count(s, "SELECT count(DISTINCT entity) FROM doc_entity WHERE name = 'IM'"), 1);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(s->db, "SELECT entity FROM doc_entity WHERE name = 'IM'", -1, &q, NULL);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(q, 0), im2);
	sqlite3_finalize(q);
	/* a description given as an alias ("the group") is no key */
	const char *g = "Five\n\nThe Red Hand is a group. The Blue Hand is a group too.\n";
	E eg[] = {{"Red Hand", ORG, {"the group"}}, {"Blue Hand", ORG, {"the group"}}};
	add(s, "g.txt", g, eg, N(eg), NULL, 0);
	assert_true(id_of(s, "Red Hand") != id_of(s, "Blue Hand"));
	assert_int_equal(lookup(s, "the group", &err), TIES_ERR_NOENTITY);
	/* a person and a place of one name are two entities */
	const char *d = "Four\n\nJordan met officials in Jordan.\n";
	E ed[] = {{"Jordan", PER, {0}}, {"Jordan", LOC, {0}}};
	add(s, "d.txt", d, ed, N(ed), NULL, 0);
	assert_int_equal(
	    count(s, "SELECT count(DISTINCT entity) FROM doc_entity WHERE name = 'Jordan'"), 2);
	assert_consistent(s);
	ties_store_close(s);
}

/* ---- queries ---- */

/* A chain Alpha - Smith - Beta - Gamma - Delta over two documents, and a
 * second route Alpha - Beta through a weak claim. */
static void build_chain(ties_store *s)
{
	add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a));
	const char *b = "Two\n\nBeta Brigade supplies Gamma Cell. Gamma Cell may fund Delta Group. "
	                "Delta Group is not tied to Ruritania.\n";
	E eb[] = {{"Beta Brigade", ORG, {0}},
	          {"Gamma Cell", ORG, {0}},
	          {"Delta Group", ORG, {0}},
	          {"Ruritania", LOC, {0}}};
	R rb[] = {{0, 1, "supplies", "supplies Gamma", TIES_HEDGE_ASSERTED, 0, "2010-05"},
	          {1, 2, "funds", "may fund", TIES_HEDGE_POSSIBLE, 0, "2009"},
	          {2, 3, "tied-to", "not tied", TIES_HEDGE_ASSERTED, 1, NULL}};
	add(s, "b.txt", b, eb, N(eb), rb, N(rb));
}

static void path_finds_shortest_with_evidence(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	build_chain(s);
	int64_t nodes[16];
	size_t len;
	ties_error err;
	ties_query_opts q = {0};
	assert_int_equal(ties_store_shortest_path(s, id_of(s, "John Smith"),
	                                          id_of(s, "Delta Group"), &q, nodes, 16, &len,
	                                          &err),
	                 TIES_OK);
	assert_int_equal(len, 5); /* Smith - Alpha - Beta - Gamma - Delta */
	assert_int_equal(nodes[0], id_of(s, "John Smith"));
	assert_int_equal(nodes[2], id_of(s, "Beta Brigade"));
	assert_int_equal(nodes[4], id_of(s, "Delta Group"));
	q.max_hops = 3;
	assert_int_equal(ties_store_shortest_path(s, id_of(s, "John Smith"),
	                                          id_of(s, "Delta Group"), &q, nodes, 16, &len,
	                                          &err),
	                 TIES_OK);
	assert_int_equal(len, 0);
	q.max_hops = 0;
	q.min_confidence = 50; /* the "may fund" hop is too weak */
	assert_int_equal(ties_store_shortest_path(s, id_of(s, "John Smith"),
	                                          id_of(s, "Delta Group"), &q, nodes, 16, &len,
	                                          &err),
	                 TIES_OK);
	assert_int_equal(len, 0);
	/* a negated claim is no link */
	q.min_confidence = 0;
	assert_int_equal(ties_store_shortest_path(s, id_of(s, "Delta Group"), id_of(s, "Ruritania"),
	                                          &q, nodes, 16, &len, &err),
	                 TIES_OK);
	assert_int_equal(len, 0);
	/* JSON: every hop quotes its sentence and document */
	ties_buf out;
	ties_buf_init(&out, 0);
	q.json = 1;
	assert_int_equal(ties_query_path(s, "john smith", "DELTA GROUP", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "\"hops\":4"));
	assert_non_null(strstr(out.data, "Alpha Front (AF) is led by John Smith."));
	assert_non_null(strstr(out.data, "Gamma Cell may fund Delta Group."));
	assert_non_null(strstr(out.data, "\"source\":\"b.txt\""));
	assert_non_null(strstr(out.data, "\"hedge\":\"possible\""));
	ties_buf_clear(&out);
	const char *types[] = {"leads"};
	q.types = types;
	q.ntypes = 1;
	assert_int_equal(ties_query_path(s, "John Smith", "Delta Group", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "\"paths\":[]"));
	ties_buf_release(&out);
	ties_store_close(s);
}

static void path_all_lists_every_shortest(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	const char *t =
	    "Diamond\n\nAnn Lee pays Bob Ray. Ann Lee pays Cy Dunn. Bob Ray pays Di Fox. "
	    "Cy Dunn pays Di Fox.\n";
	E e[] = {{"Ann Lee", PER, {0}},
	         {"Bob Ray", PER, {0}},
	         {"Cy Dunn", PER, {0}},
	         {"Di Fox", PER, {0}}};
	R r[] = {{0, 1, "pays", "Ann Lee pays Bob", TIES_HEDGE_ASSERTED, 0, NULL},
	         {0, 2, "pays", "Ann Lee pays Cy", TIES_HEDGE_ASSERTED, 0, NULL},
	         {1, 3, "pays", "Bob Ray pays Di", TIES_HEDGE_ASSERTED, 0, NULL},
	         {2, 3, "pays", "Cy Dunn pays Di", TIES_HEDGE_ASSERTED, 0, NULL}};
	add(s, "d.txt", t, e, N(e), r, N(r));
	ties_buf out;
	ties_error err;
	ties_buf_init(&out, 0);
	ties_query_opts q = {0};
	q.all = 1;
	assert_int_equal(ties_query_path(s, "Ann Lee", "Di Fox", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "path 1 (2 hops)"));
	assert_non_null(strstr(out.data, "path 2 (2 hops)"));
	assert_null(strstr(out.data, "path 3"));
	ties_buf_clear(&out);
	q.all = 0;
	assert_int_equal(ties_query_path(s, "Ann Lee", "Di Fox", &q, &out, &err), TIES_OK);
	assert_null(strstr(out.data, "path 2"));
	ties_buf_release(&out);
	ties_store_close(s);
}

static void neighbors_show_timeline_search(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	build_chain(s);
	size_t n;
	ties_error err;
	ties_query_opts q = {0};
	assert_int_equal(ties_store_neighbor_count(s, id_of(s, "Beta Brigade"), &q, &n, &err),
	                 TIES_OK);
	assert_int_equal(n, 2); /* Alpha Front, Gamma Cell */
	q.depth = 2;
	assert_int_equal(ties_store_neighbor_count(s, id_of(s, "Beta Brigade"), &q, &n, &err),
	                 TIES_OK);
	assert_int_equal(n, 4); /* + John Smith, Delta Group */
	ties_buf out;
	ties_buf_init(&out, 0);
	q.json = 1;
	assert_int_equal(ties_query_neighbors(s, "beta brigade", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "\"name\":\"Delta Group\""));
	assert_non_null(strstr(out.data, "\"distance\":2"));
	ties_buf_clear(&out);
	assert_int_equal(ties_query_show(s, "AF", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "\"name\":\"Alpha Front\""));
	assert_non_null(strstr(out.data, "\"leads\":["));
	assert_non_null(strstr(out.data, "\"aliases\":[\"AF\"]"));
	ties_buf_clear(&out);
	q.json = 0;
	assert_int_equal(ties_query_timeline(s, NULL, &q, &out, &err), TIES_OK);
	const char *y2008 = strstr(out.data, "2008"), *y2009 = strstr(out.data, "2009"),
	           *y2010 = strstr(out.data, "2010-05");
	assert_true(y2008 && y2009 && y2010 && y2008 < y2009 && y2009 < y2010);
	ties_buf_clear(&out);
	assert_int_equal(ties_query_timeline(s, "Delta Group", &q, &out, &err), TIES_OK);
	assert_null(strstr(out.data, "2008"));
	assert_non_null(strstr(out.data, "2009"));
	ties_buf_clear(&out);
	assert_int_equal(ties_query_search(s, "gamma", &q, &out, &err), TIES_OK);
	assert_non_null(strstr(out.data, "[Gamma]"));
	ties_buf_clear(&out);
	/* FTS5 syntax in the text is searched for, never interpreted */
	assert_int_equal(ties_query_search(s, "NEAR(\"gamma\" AND) OR *", &q, &out, &err), TIES_OK);
	assert_int_equal(ties_query_search(s, "\"supplies gamma\"", &q, &out, &err), TIES_OK);
	assert_int_equal(ties_query_search(s, "()", &q, &out, &err), TIES_ERR_USAGE);
	assert_int_equal(ties_query_show(s, "Nobody", &q, &out, &err), TIES_ERR_NOENTITY);
	ties_buf_release(&out);
	ties_store_close(s);
}

static void graph_whole_and_around(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	build_chain(s);
	ties_graph *g;
	ties_error err;
	assert_int_equal(ties_store_graph(s, NULL, &g, &err), TIES_OK);
	assert_int_equal(g->ndocs, 2);
	assert_int_equal(g->nnodes, 6);
	assert_int_equal(g->nedges, 5);
	ties_graph_free(g);
	ties_graph_filter f = {0};
	f.around = "Gamma Cell";
	assert_int_equal(ties_store_graph(s, &f, &g, &err), TIES_OK);
	assert_int_equal(g->nnodes, 3); /* Gamma, Beta, Delta */
	assert_int_equal(g->nedges, 2);
	ties_graph_free(g);
	f.around = NULL;
	f.doc = "a.txt";
	assert_int_equal(ties_store_graph(s, &f, &g, &err), TIES_OK);
	assert_int_equal(g->ndocs, 1);
	assert_int_equal(g->nedges, 2);
	assert_string_equal(g->edges[0].evidence[0].text, "Alpha Front (AF) is led by John Smith.");
	ties_graph_free(g);
	ties_store_close(s);
}

/* ---- corrections ---- */

static void corrections_survive_reingest(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	build_chain(s);
	ties_error err;
	/* merge, rename, reject */
	assert_int_equal(ties_store_merge(s, "Gamma Cell", "Delta Group", &err), TIES_OK);
	assert_int_equal(id_of(s, "Delta Group"), id_of(s, "Gamma Cell"));
	assert_int_equal(ties_store_rename(s, "Alpha Front", "Alpha Liberation Front", &err),
	                 TIES_OK);
	int64_t claim = count(s, "SELECT id FROM claim WHERE type = 'supplies'");
	assert_int_equal(ties_store_reject(s, claim, &err), TIES_OK);
	assert_int_equal(ties_store_reject(s, 9999, &err), TIES_ERR_NOTFOUND);
	assert_consistent(s);
	/* re-adding changed versions brings everything back unmerged... */
	const char *b2 =
	    "Two\n\nBeta Brigade supplies Gamma Cell. Gamma Cell may fund Delta Group. "
	    "Delta Group is not tied to Ruritania. New text.\n";
	E eb[] = {{"Beta Brigade", ORG, {0}}, {"Gamma Cell", ORG, {0}}, {"Delta Group", ORG, {0}}};
	R rb[] = {{0, 1, "supplies", "supplies Gamma", TIES_HEDGE_ASSERTED, 0, NULL}};
	assert_int_equal(add(s, "b.txt", b2, eb, N(eb), rb, N(rb)), TIES_ADD_REPLACED);
	const char *a2 = "Group One\n\nAlpha Front (AF) is led by John Smith. Also new.\n";
	assert_int_equal(add(s, "a.txt", a2, ents_a, 2, rels_a, 1), TIES_ADD_REPLACED);
	/* ...and the corrections apply again */
	assert_int_equal(id_of(s, "Delta Group"), id_of(s, "Gamma Cell"));
	assert_int_equal(id_of(s, "AF"), id_of(s, "Alpha Liberation Front"));
	assert_int_equal(
	    count(s, "SELECT count(*) FROM entity WHERE name = 'Alpha Liberation Front'"), 1);
	assert_int_equal(count(s, "SELECT rejected FROM claim WHERE type = 'supplies'"), 1);
	/* split: "AF" is another group */
	assert_int_equal(ties_store_split(s, "Alpha Liberation Front", "AF", &err), TIES_OK);
	assert_int_equal(lookup(s, "AF", &err), TIES_ERR_NOENTITY); /* no document names it alone */
	const char *c = "Three\n\nAF struck again.\n";
	E ec[] = {{"AF", ORG, {0}}};
	add(s, "c.txt", c, ec, N(ec), NULL, 0);
	assert_true(id_of(s, "AF") != id_of(s, "Alpha Liberation Front"));
	/* a document defining AF as the Alpha Front again does not undo the split */
	const char *d = "Four\n\nThe Alpha Front (AF) returned.\n";
	E ed[] = {{"Alpha Front", ORG, {"AF"}}};
	add(s, "d.txt", d, ed, N(ed), NULL, 0);
	assert_true(id_of(s, "AF") != id_of(s, "Alpha Liberation Front"));
	assert_int_equal(id_of(s, "Alpha Front"), id_of(s, "Alpha Liberation Front"));
	assert_int_equal(ties_store_merge(s, "Nobody", "AF", &err), TIES_ERR_NOENTITY);
	assert_int_equal(count(s, "SELECT count(*) FROM correction"), 4);
	assert_consistent(s);
	ties_store_close(s);
}

/* ---- integrity and failures ---- */

static void check_finds_damage(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	build_chain(s);
	assert_consistent(s);
	/* a document missing a sentence (what a partial ingest would leave) */
	sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	sqlite3_exec(s->db, "DELETE FROM sentence WHERE idx = 1 AND doc = 1", NULL, NULL, NULL);
	sqlite3_exec(s->db, "UPDATE claim SET src = 999 WHERE id = 1", NULL, NULL, NULL);
	ties_buf r;
	size_t n = 0;
	ties_error err;
	ties_buf_init(&r, 0);
	assert_int_equal(ties_store_check(s, &r, &n, &err), TIES_OK);
	assert_true(n >= 2);
	assert_non_null(strstr(r.data, "sentences are not all stored"));
	assert_non_null(strstr(r.data, "disagree"));
	ties_buf_release(&r);
	ties_store_close(s);
}

static void readonly_and_full_fail_cleanly(void **st)
{
	(void)st;
	ties_store *s = open_db(TIES_STORE_CREATE);
	add(s, "a.txt", doc_a, ents_a, N(ents_a), rels_a, N(rels_a));
	ties_store_close(s);
	s = open_db(TIES_STORE_READONLY);
	ties_doc *d = mkdoc("Other\n\nSomething else entirely.\n", "o.txt");
	ties_extraction *x = mkx(d, NULL, 0, NULL, 0);
	ties_add_result res;
	ties_error err;
	assert_int_equal(ties_store_add(s, d, x, NULL, &res, &err), TIES_ERR_READONLY);
	assert_int_equal(ties_store_merge(s, "AF", "Beta Brigade", &err), TIES_ERR_READONLY);
	ties_store_close(s);
	ties_extraction_free(x);
	ties_doc_free(d);
	/* a page budget stands in for a full disk */
	s = open_db(0);
	sqlite3_exec(s->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
	size_t big = 400000;
	char *text = malloc(big + 1);
	strcpy(text, "Big\n\n");
	size_t o = strlen(text);
	while (o + 40 < big)
		o += (size_t)sprintf(text + o, "Sentence number %zu is here. ", o);
	text[o] = '\0';
	d = mkdoc(text, "big.txt");
	x = mkx(d, NULL, 0, NULL, 0);
	assert_int_equal(ties_store_add(s, d, x, NULL, &res, &err), TIES_ERR_FULL);
	assert_non_null(strstr(err.msg, "full"));
	ties_extraction_free(x);
	ties_doc_free(d);
	free(text);
	ties_store_close(s);
	s = open_db(0);
	assert_int_equal(count(s, "SELECT count(*) FROM document"), 1);
	assert_consistent(s);
	ties_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(keys_normalise_spelling),
	    cmocka_unit_test_setup_teardown(schema_created_and_versioned, setup, teardown),
	    cmocka_unit_test_setup_teardown(future_schema_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(old_schema_migrated, setup, teardown),
	    cmocka_unit_test_setup_teardown(foreign_files_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(add_is_idempotent, setup, teardown),
	    cmocka_unit_test_setup_teardown(changed_source_replaces, setup, teardown),
	    cmocka_unit_test_setup_teardown(failed_add_leaves_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(same_actor_named_differently_merges, setup, teardown),
	    cmocka_unit_test_setup_teardown(shared_acronym_different_actors_stay_apart, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(path_finds_shortest_with_evidence, setup, teardown),
	    cmocka_unit_test_setup_teardown(path_all_lists_every_shortest, setup, teardown),
	    cmocka_unit_test_setup_teardown(neighbors_show_timeline_search, setup, teardown),
	    cmocka_unit_test_setup_teardown(graph_whole_and_around, setup, teardown),
	    cmocka_unit_test_setup_teardown(corrections_survive_reingest, setup, teardown),
	    cmocka_unit_test_setup_teardown(check_finds_damage, setup, teardown),
	    cmocka_unit_test_setup_teardown(readonly_and_full_fail_cleanly, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
