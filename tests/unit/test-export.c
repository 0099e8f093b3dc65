/* Unit tests: exports (STIX, GraphML, GEXF, DOT, CSV, JSON, HTML), SHA-1 and
 * UUIDv5, XML escaping, subgraphs and graphs from extractions.
 *
 * `test-export --write DIR` writes the fixture graphs in every format
 * instead, for tests/scripts/export.sh to check with outside validators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h> /* after the headers it needs */

#include "export/export_int.h"
#include "ties/ties.h"

/* ---- fixtures: a small made-up network, and one full of markup ---- */

#define HOSTILE_NAME "<script>window.__pwned=1</script>"
#define HOSTILE_ALIAS "\"><img src=x onerror=\"window.__pwned=2\">"
#define HOSTILE_SENTENCE                                                                           \
	"It said <script>window.__pwned=3</script> and \"><img src=x onerror=window.__pwned=4> "   \
	"& more."
#define HOSTILE_NOTE "</script><script>window.__pwned=5</script>"

static ties_gevidence ev(size_t doc, const char *text, ties_hedge h, int negated, const char *date,
                         int *notes, const char **note_texts, size_t nnotes)
{
	ties_gevidence v = {0};
	v.doc = doc;
	v.text = text;
	v.start = 10;
	v.end = 10 + strlen(text);
	v.hedge = h;
	v.negated = negated;
	v.date = date;
	v.notes = notes;
	v.note_texts = note_texts;
	v.nnotes = nnotes;
	return v;
}

static size_t node(ties_graph *g, int64_t id, const char *name, ties_entity_type t,
                   const char **aliases, size_t naliases, const char *country, int coords,
                   double lat, double lon)
{
	ties_gnode n = {0};
	n.id = id;
	n.name = name;
	n.type = t;
	n.aliases = aliases;
	n.naliases = naliases;
	if (country)
		memcpy(n.country, country, 2);
	n.has_coords = coords;
	n.lat = lat;
	n.lon = lon;
	size_t i = ties_graph_add_node(g, &n);
	assert_true(i != (size_t)-1);
	return i;
}

static void add(ties_graph *g, size_t s, size_t t, const char *type, ties_gevidence v)
{
	assert_true(ties_graph_add_evidence(g, s, t, type, &v) != (size_t)-1);
}

/* Index constants of the fixture's nodes. */
enum { ADA, FRONT, PORT, CELL, MINISTRY, DEPOT, RAID, HOSTILE, LONER };

static ties_graph *fixture(void)
{
	ties_graph *g = ties_graph_new();
	assert_non_null(g);
	ties_gdoc d0 = {1, "reports/front-brief.txt", "Brief <b>on</b> the Front & its allies",
	                "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730",
	                "2024-05-01T12:00:00Z"};
	ties_gdoc d1 = {2, "reports/second.pdf", NULL, NULL, NULL};
	assert_int_equal(ties_graph_add_doc(g, &d0), 0);
	assert_int_equal(ties_graph_add_doc(g, &d1), 1);
	static const char *ada_al[] = {"A. Kerr", "The Teacher"};
	static const char *front_al[] = {"NF", "Frente del Norte"};
	static const char *hostile_al[] = {HOSTILE_ALIAS};
	node(g, 10, "Ada Kerr", TIES_ENT_PERSON, ada_al, 2, NULL, 0, 0, 0);
	node(g, 20, "Northern Front", TIES_ENT_ORGANIZATION, front_al, 2, NULL, 0, 0, 0);
	node(g, 30, "Port Vell", TIES_ENT_LOCATION, NULL, 0, "ES", 1, 41.3764, 2.1817);
	node(g, 40, "Red Harbour Cell", TIES_ENT_ORGANIZATION, NULL, 0, NULL, 0, 0, 0);
	node(g, 50, "Ministry of the Interior", TIES_ENT_ORGANIZATION, NULL, 0, NULL, 0, 0, 0);
	node(g, 60, "Harbour Depot", TIES_ENT_FACILITY, NULL, 0, NULL, 0, 0, 0);
	node(g, 70, "Spring Raid", TIES_ENT_EVENT, NULL, 0, NULL, 0, 0, 0);
	node(g, 80, HOSTILE_NAME, TIES_ENT_OTHER, hostile_al, 1, NULL, 0, 0, 0);
	node(g, 90, "Isolated Person", TIES_ENT_PERSON, NULL, 0, NULL, 0, 0, 0);
	static int n3[] = {3}, n45[] = {4, 5}, n9[] = {9};
	static const char *t3[] = {"Interview with a former member, 2021."};
	static const char *t45[] = {"Press release, 12 June 2019.", NULL};
	static const char *t9[] = {HOSTILE_NOTE};
	add(g, ADA, FRONT, "leads",
	    ev(0, "Ada Kerr leads the Northern Front.", TIES_HEDGE_ASSERTED, 0, NULL, n3, t3, 1));
	add(g, ADA, FRONT, "leads",
	    ev(1, "Kerr reportedly heads the Front.", TIES_HEDGE_REPORTED, 0, "2018", NULL, NULL,
	       0));
	add(g, ADA, FRONT, "member-of",
	    ev(1, "Kerr joined the Front \"early\".", TIES_HEDGE_ASSERTED, 0, NULL, NULL, NULL, 0));
	add(g, FRONT, PORT, "attacked",
	    ev(0, "The Front likely attacked Port Vell in June 2019.", TIES_HEDGE_LIKELY, 0,
	       "2019-06", n45, t45, 2));
	add(g, CELL, FRONT, "part-of",
	    ev(0, "The Red Harbour Cell allegedly belongs to the Front.", TIES_HEDGE_ALLEGED, 0,
	       NULL, NULL, NULL, 0));
	add(g, ADA, MINISTRY, "arrested-by",
	    ev(1, "Kerr was reportedly arrested by the Ministry.", TIES_HEDGE_REPORTED, 0, NULL,
	       NULL, NULL, 0));
	add(g, ADA, MINISTRY, "met-with",
	    ev(0, "Kerr never met with the Ministry.", TIES_HEDGE_ASSERTED, 1, NULL, NULL, NULL,
	       0));
	add(g, FRONT, DEPOT, "operates-in",
	    ev(0, "The Front might use the Harbour Depot.", TIES_HEDGE_POSSIBLE, 0, NULL, NULL,
	       NULL, 0));
	add(g, RAID, PORT, "located-in",
	    ev(0, "The Spring Raid took place in Port Vell.", TIES_HEDGE_ASSERTED, 0, "2019", NULL,
	       NULL, 0));
	add(g, HOSTILE, FRONT, "affiliated-with",
	    ev(0, HOSTILE_SENTENCE, TIES_HEDGE_ASSERTED, 0, NULL, n9, t9, 1));
	add(g, FRONT, PORT, "based-in",
	    ev(0, "The Front is based in Port Vell.", TIES_HEDGE_ASSERTED, 0, NULL, NULL, NULL, 0));
	return g;
}

static char *export_str(const ties_graph *g, ties_export_format f, size_t file)
{
	ties_buf b;
	ties_error err;
	ties_buf_init(&b, 0);
	ties_export_opts o = {"Test graph", NULL};
	ties_code rc = ties_export_file(g, f, file, &o, &b, &err);
	if (rc)
		fprintf(stderr, "export failed: %s\n", err.msg);
	assert_int_equal(rc, TIES_OK);
	assert_non_null(b.data);
	return ties_buf_detach(&b, NULL);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* ---- SHA-1, UUIDv5, escaping, timestamps ---- */

static void sha1_hex(const void *d, size_t n, char out[41])
{
	ties_sha1 c;
	unsigned char h[20];
	ties__sha1_init(&c);
	ties__sha1_update(&c, d, n);
	ties__sha1_final(&c, h);
	for (int i = 0; i < 20; i++)
		sprintf(out + 2 * i, "%02x", h[i]);
}

static void sha1_vectors(void **st)
{
	(void)st;
	char h[41];
	sha1_hex("", 0, h);
	assert_string_equal(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	sha1_hex("abc", 3, h);
	assert_string_equal(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha1_hex(m, strlen(m), h);
	assert_string_equal(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	/* a million 'a', fed in uneven pieces */
	ties_sha1 c;
	unsigned char d[20];
	char a[1000];
	memset(a, 'a', sizeof a);
	ties__sha1_init(&c);
	size_t left = 1000000, step = 1;
	while (left) {
		size_t k = step < left ? step : left;
		k = k > sizeof a ? sizeof a : k;
		ties__sha1_update(&c, a, k);
		left -= k;
		step = step * 7 % 997 + 1;
	}
	ties__sha1_final(&c, d);
	for (int i = 0; i < 20; i++)
		sprintf(h + 2 * i, "%02x", d[i]);
	assert_string_equal(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

static void uuid5_known(void **st)
{
	(void)st;
	static const unsigned char dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
	                                      0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
	char u[37];
	ties__uuid5(dns, "python.org", 10, u);
	assert_string_equal(u, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	ties__uuid5(ties__stix_ns, "x", 1, u);
	assert_int_equal(u[14], '5');
	assert_true(strchr("89ab", u[19]) != NULL);
}

static void xml_escaping(void **st)
{
	(void)st;
	ties_buf b;
	ties_buf_init(&b, 0);
	assert_int_equal(ties__xml_str(&b, "<a href=\"x\">&'\x01\xff\n"), TIES_OK);
	assert_string_equal(b.data,
	                    "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\xef\xbf\xbd\xef\xbf\xbd&#10;");
	ties_buf_clear(&b);
	assert_int_equal(ties__xml_str(&b, "caf\xc3\xa9 \xef\xbf\xbe"), TIES_OK);
	assert_string_equal(b.data, "caf\xc3\xa9 \xef\xbf\xbd");
	ties_buf_release(&b);
}

static void timestamps(void **st)
{
	(void)st;
	char t[32];
	assert_int_equal(ties__iso_timestamp("2024-03-05T10:11:12Z", t), 0);
	assert_string_equal(t, "2024-03-05T10:11:12.000Z");
	assert_int_equal(ties__iso_timestamp("2024-03-05 10:11", t), 0);
	assert_string_equal(t, "2024-03-05T10:11:00.000Z");
	assert_int_equal(ties__iso_timestamp("2008", t), 0);
	assert_string_equal(t, "2008-01-01T00:00:00.000Z");
	assert_int_equal(ties__iso_timestamp("2020-02", t), 0);
	assert_string_equal(t, "2020-02-01T00:00:00.000Z");
	assert_int_equal(ties__iso_timestamp("2020-13", t), -1);
	assert_int_equal(ties__iso_timestamp("spring", t), -1);
	assert_int_equal(ties__iso_timestamp(NULL, t), -1);
}

static void format_names(void **st)
{
	(void)st;
	const char *names[] = {"stix", "graphml", "gexf", "dot", "csv", "json", "html"};
	for (size_t i = 0; i < 7; i++) {
		ties_export_format f;
		assert_int_equal(ties_export_format_parse(names[i], &f), 0);
		assert_string_equal(ties_export_format_name(f), names[i]);
		assert_int_equal(ties_export_nfiles(f), f == TIES_EXPORT_CSV ? 2 : 1);
	}
	ties_export_format f;
	assert_int_equal(ties_export_format_parse("xml", &f), -1);
	assert_string_equal(ties_export_file_name(TIES_EXPORT_CSV, 1), "relationships.csv");
	assert_null(ties_export_file_name(TIES_EXPORT_CSV, 2));
	ties_graph *g = ties_graph_new();
	ties_buf b;
	ties_error err;
	ties_buf_init(&b, 0);
	assert_int_equal(ties_export(g, TIES_EXPORT_CSV, NULL, &b, &err), TIES_ERR_USAGE);
	ties_buf_release(&b);
	ties_graph_free(g);
}

/* ---- formats ---- */

static void every_format_deterministic(void **st)
{
	(void)st;
	ties_graph *g1 = fixture(), *g2 = fixture();
	for (int f = TIES_EXPORT_STIX; f <= TIES_EXPORT_HTML; f++)
		for (size_t i = 0; i < ties_export_nfiles((ties_export_format)f); i++) {
			char *a = export_str(g1, (ties_export_format)f, i);
			char *b = export_str(g1, (ties_export_format)f, i);
			char *c = export_str(g2, (ties_export_format)f, i);
			assert_string_equal(a, b);
			assert_string_equal(a, c);
			free(a);
			free(b);
			free(c);
		}
	ties_graph_free(g1);
	ties_graph_free(g2);
}

static void stix_mapping(void **st)
{
	(void)st;
	ties_graph *g = fixture();
	char *s = export_str(g, TIES_EXPORT_STIX, 0);
	assert_true(strncmp(s, "{\"type\":\"bundle\",\"id\":\"bundle--", 31) == 0);
	/* types from relations: the attacker and its leader are adversaries, the
	 * cell a part of one; the ministry stays an identity */
	assert_non_null(strstr(s, "{\"type\":\"threat-actor\",\"spec_version\":\"2.1\""));
	assert_non_null(strstr(s, "\"name\":\"Northern Front\",\"resource_level\":\"organization\","
	                          "\"aliases\":[\"NF\",\"Frente del Norte\"]"));
	assert_non_null(strstr(s, "\"name\":\"Ada Kerr\",\"resource_level\":\"individual\""));
	assert_non_null(strstr(s, "{\"type\":\"intrusion-set\""));
	assert_non_null(strstr(s, "\"name\":\"Red Harbour Cell\""));
	assert_non_null(strstr(s, "\"name\":\"Ministry of the Interior\",\"identity_class\":"
	                          "\"organization\""));
	assert_non_null(strstr(s,
	                       "\"name\":\"Port Vell\",\"country\":\"ES\",\"latitude\":41.376400,"
	                       "\"longitude\":2.181700"));
	assert_non_null(strstr(s, "\"name\":\"Harbour Depot\",\"region\":\"unknown\""));
	assert_non_null(strstr(s, "{\"type\":\"incident\""));
	assert_non_null(strstr(s, "\"identity_class\":\"unknown\",\"x_opencti_aliases\":["));
	/* relations: type, evidence, confidence, references to document and notes */
	assert_non_null(strstr(s, "\"relationship_type\":\"leads\""));
	assert_non_null(strstr(s, "\"description\":\"Ada Kerr leads the Northern Front.\\nKerr "
	                          "reportedly heads the Front.\",\"confidence\":85,"
	                          "\"start_time\":\"2018-01-01T00:00:00.000Z\""));
	assert_non_null(strstr(s, "\"external_id\":\"note-3\",\"description\":\"Interview with a "
	                          "former member, 2021.\""));
	assert_non_null(strstr(s, "\"external_id\":\"note-5\",\"description\":\"footnote 5\""));
	assert_non_null(strstr(s, "\"hashes\":{\"SHA-256\":\"7d865e95"));
	assert_null(strstr(s, "met-with")); /* only ever stated as negated */
	/* a report per document, with the add time or the epoch */
	assert_int_equal(count(s, "{\"type\":\"report\""), 2);
	assert_non_null(strstr(s, "\"created\":\"2024-05-01T12:00:00.000Z\""));
	assert_non_null(strstr(s, "\"published\":\"1970-01-01T00:00:00.000Z\""));
	/* markup in names only ever as JSON escapes */
	assert_null(strstr(s, "<script"));
	assert_non_null(strstr(s, "\\u003cscript\\u003e"));
	/* relation count: 9 edges, one negated-only */
	assert_int_equal(count(s, "{\"type\":\"relationship\""), 9);
	free(s);
	ties_graph_free(g);
}

static void stix_ids_stable_across_graphs(void **st)
{
	(void)st;
	/* the same entity in another graph (other ids, other order) keeps its id */
	ties_graph *g = fixture();
	char *a = export_str(g, TIES_EXPORT_STIX, 0);
	ties_graph *h = ties_graph_new();
	ties_gdoc d = {7, "x.txt", "X", NULL, NULL};
	ties_graph_add_doc(h, &d);
	node(h, 1, "Ministry of the Interior", TIES_ENT_ORGANIZATION, NULL, 0, NULL, 0, 0, 0);
	char *b = export_str(h, TIES_EXPORT_STIX, 0);
	const char *p = strstr(b, "identity--");
	assert_non_null(p);
	char id[64];
	memcpy(id, p, 46);
	id[46] = 0;
	assert_non_null(strstr(a, id));
	free(a);
	free(b);
	ties_graph_free(g);
	ties_graph_free(h);
}

static void graphml_gexf_dot_contents(void **st)
{
	(void)st;
	ties_graph *g = fixture();
	char *x = export_str(g, TIES_EXPORT_GRAPHML, 0);
	assert_int_equal(count(x, "<node id="), 9);
	assert_int_equal(count(x, "<edge id="), 10);
	assert_non_null(strstr(x, "attr.name=\"confidence\" attr.type=\"int\""));
	assert_non_null(
	    strstr(x, "<data key=\"n_name\">&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
	assert_non_null(strstr(x,
	                       "<data key=\"e_notes\">Brief &lt;b&gt;on&lt;/b&gt; the Front &amp; "
	                       "its allies#4; Brief"));
	assert_null(strstr(x, "<script"));
	free(x);
	x = export_str(g, TIES_EXPORT_GEXF, 0);
	assert_int_equal(count(x, "<node id="), 9);
	assert_int_equal(count(x, "<edge id="), 10);
	assert_non_null(strstr(x, "label=\"leads\" weight=\"2\""));
	assert_null(strstr(x, "<script"));
	free(x);
	x = export_str(g, TIES_EXPORT_DOT, 0);
	assert_non_null(strstr(x, "\"n10\" -> \"n20\" [label=\"leads\""));
	assert_non_null(strstr(x, "[label=\"not met-with\", style=dashed"));
	assert_non_null(strstr(x, "label=\"Ada Kerr\", shape=ellipse"));
	assert_non_null(strstr(x, "tooltip=\"Kerr joined the Front \\\"early\\\".\""));
	free(x);
	ties_graph_free(g);
}

static void csv_layout(void **st)
{
	(void)st;
	ties_graph *g = fixture();
	char *n = export_str(g, TIES_EXPORT_CSV, 0), *r = export_str(g, TIES_EXPORT_CSV, 1);
	assert_true(strncmp(n, "id:ID,name,:LABEL,", 18) == 0);
	assert_true(strncmp(r, ":START_ID,:END_ID,:TYPE,", 24) == 0);
	assert_non_null(strstr(n, "\"n10\",\"Ada Kerr\",\"Entity;Person\",\"person\","
	                          "\"A. Kerr;The Teacher\",,,,10\n"));
	assert_non_null(strstr(n, "\"n30\",\"Port Vell\",\"Entity;Location\",\"location\",,\"ES\","
	                          "41.376400,2.181700,30\n"));
	assert_non_null(strstr(r,
	                       "\"n10\",\"n20\",\"MEMBER_OF\",\"member-of\",85,\"asserted\",false,"
	                       "1,\"Kerr joined the Front \"\"early\"\".\""));
	assert_int_equal(count(n, "\n"), 10);
	assert_int_equal(count(r, "\n"), 11);
	free(n);
	free(r);
	ties_graph_free(g);
}

static void json_and_html(void **st)
{
	(void)st;
	ties_graph *g = fixture();
	char *j = export_str(g, TIES_EXPORT_JSON, 0);
	assert_true(strncmp(j, "{\"format\":\"ties-graph\",\"version\":1,", 35) == 0);
	assert_non_null(strstr(j,
	                       "{\"id\":\"n30\",\"kb_id\":30,\"name\":\"Port Vell\",\"type\":"
	                       "\"location\",\"aliases\":[],\"country\":\"ES\",\"lat\":41.376400,"
	                       "\"lon\":2.181700}"));
	assert_non_null(strstr(j, "\"notes\":[{\"number\":4,\"text\":\"Press release, 12 June "
	                          "2019.\"},{\"number\":5,\"text\":null}]"));
	assert_null(strchr(j, '<'));
	free(j);
	ties_export_opts o = {NULL, TIES_DATADIR};
	ties_buf b;
	ties_error err;
	ties_buf_init(&b, 0);
	assert_int_equal(ties_export(g, TIES_EXPORT_HTML, &o, &b, &err), TIES_OK);
	/* exactly the data block and the viewer: nothing from the graph runs */
	assert_int_equal(count(b.data, "<script"), 2);
	assert_int_equal(count(b.data, "</script"), 2);
	assert_null(strstr(b.data, "<img"));
	assert_non_null(strstr(b.data, "Content-Security-Policy"));
	assert_non_null(strstr(b.data, "script-src 'sha256-"));
	assert_non_null(strstr(b.data, "<title>ties link graph</title>"));
	ties_buf_release(&b);
	o.datadir = "/nonexistent-dir";
	ties_buf_init(&b, 0);
	assert_int_equal(ties_export(g, TIES_EXPORT_HTML, &o, &b, &err), TIES_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "viewer.js"));
	ties_buf_release(&b);
	ties_graph_free(g);
}

static void empty_graph(void **st)
{
	(void)st;
	ties_graph *g = ties_graph_new();
	for (int f = TIES_EXPORT_STIX; f <= TIES_EXPORT_HTML; f++)
		for (size_t i = 0; i < ties_export_nfiles((ties_export_format)f); i++)
			free(export_str(g, (ties_export_format)f, i));
	char *s = export_str(g, TIES_EXPORT_STIX, 0);
	assert_null(strstr(s, "objects")); /* may not be an empty array */
	free(s);
	ties_graph_free(g);
}

static void bad_graphs(void **st)
{
	(void)st;
	ties_graph *g = ties_graph_new();
	node(g, 5, "A", TIES_ENT_PERSON, NULL, 0, NULL, 0, 0, 0);
	node(g, 5, "B", TIES_ENT_PERSON, NULL, 0, NULL, 0, 0, 0);
	ties_buf b;
	ties_error err;
	ties_buf_init(&b, 0);
	assert_int_equal(ties_export(g, TIES_EXPORT_JSON, NULL, &b, &err), TIES_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "used twice"));
	ties_graph_free(g);
	g = ties_graph_new();
	node(g, 1, "A", TIES_ENT_PERSON, NULL, 0, NULL, 0, 0, 0);
	ties_gevidence v = ev(3, "x", TIES_HEDGE_ASSERTED, 0, NULL, NULL, NULL, 0);
	add(g, 0, 0, "knows", v); /* evidence names a document the graph lacks */
	assert_int_equal(ties_export(g, TIES_EXPORT_GRAPHML, NULL, &b, &err), TIES_ERR_FORMAT);
	ties_buf_release(&b);
	ties_graph_free(g);
	/* a size cap on the output is an error, not a truncated file */
	g = fixture();
	ties_buf_init(&b, 100);
	assert_int_equal(ties_export(g, TIES_EXPORT_STIX, NULL, &b, &err), TIES_ERR_TOOBIG);
	ties_buf_release(&b);
	ties_graph_free(g);
}

static void output_caps(void **st)
{
	(void)st;
	/* every format fails cleanly (no leak, no partial success) at any cap */
	ties_graph *g = fixture();
	for (int f = TIES_EXPORT_STIX; f <= TIES_EXPORT_HTML; f++)
		for (size_t i = 0; i < ties_export_nfiles((ties_export_format)f); i++) {
			int done = 0;
			for (size_t cap = 1; !done; cap = cap * 3 / 2 + 7) {
				ties_buf b;
				ties_error err;
				ties_buf_init(&b, cap);
				ties_code rc =
				    ties_export_file(g, (ties_export_format)f, i, NULL, &b, &err);
				if (rc == TIES_OK)
					done = 1;
				else
					assert_int_equal(rc, TIES_ERR_TOOBIG);
				ties_buf_release(&b);
				assert_true(cap < (64u << 20));
			}
		}
	ties_graph_free(g);
}

/* ---- subgraphs ---- */

static ties_graph *sub(const ties_graph *g, ties_graph_filter f, ties_code want)
{
	ties_graph *s = NULL;
	ties_error err;
	assert_int_equal(ties_graph_subgraph(g, &f, &s, &err), want);
	return s;
}

static void subgraph_filters(void **st)
{
	(void)st;
	ties_graph *g = fixture();
	ties_graph_filter f = {0};
	ties_graph *s = sub(g, f, TIES_OK);
	assert_int_equal(s->nnodes, 9);
	assert_int_equal(s->nedges, 10);
	ties_graph_free(s);
	const char *types[] = {"leads", "based-in"};
	f.types = types;
	f.ntypes = 2;
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->nedges, 2);
	assert_int_equal(s->nnodes, 3);
	ties_graph_free(s);
	f = (ties_graph_filter){0};
	f.min_confidence = 70;
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->nedges, 6); /* drops reported, alleged, possible, negated */
	ties_graph_free(s);
	f = (ties_graph_filter){0};
	f.around = "the teacher"; /* an alias, any case */
	f.depth = 1;
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->nnodes, 3); /* Ada, the Front, the ministry */
	ties_graph_free(s);
	f.depth = 2;
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->nnodes, 7); /* not the raid, three hops away */
	ties_graph_free(s);
	f = (ties_graph_filter){0};
	f.doc = "second.pdf";
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->ndocs, 1);
	assert_int_equal(s->nedges, 3);
	for (size_t i = 0; i < s->nedges; i++)
		for (size_t k = 0; k < s->edges[i].nevidence; k++)
			assert_int_equal(s->edges[i].evidence[k].doc, 0);
	ties_graph_free(s);
	f.doc = "7d865e95";
	s = sub(g, f, TIES_OK);
	assert_int_equal(s->nedges, 8);
	ties_graph_free(s);
	f = (ties_graph_filter){0};
	f.around = "Nobody";
	assert_null(sub(g, f, TIES_ERR_NOENTITY));
	f = (ties_graph_filter){0};
	f.doc = "none.txt";
	assert_null(sub(g, f, TIES_ERR_NOTFOUND));
	ties_graph_free(g);
	g = ties_graph_new();
	node(g, 1, "Twin", TIES_ENT_PERSON, NULL, 0, NULL, 0, 0, 0);
	node(g, 2, "Twin", TIES_ENT_ORGANIZATION, NULL, 0, NULL, 0, 0, 0);
	f = (ties_graph_filter){0};
	f.around = "twin";
	assert_null(sub(g, f, TIES_ERR_AMBIGUOUS));
	ties_graph_free(g);
}

/* ---- graphs from extractions ---- */

static void from_extraction(void **st)
{
	(void)st;
	const char *text = "A Report\n\nAda Kerr leads the Northern Front.1 The Front was based in "
	                   "Port Vell.\n\nNotes\n\n1. Interview, 2021.\n";
	ties_doc *doc;
	ties_error err;
	assert_int_equal(ties_read_buffer(text, strlen(text), "r.txt", NULL, &doc, &err), TIES_OK);
	const char *s1 = strstr(doc->text, "Ada Kerr leads");
	assert_non_null(s1);
	size_t a = (size_t)(s1 - doc->text), b = a + strlen("Ada Kerr leads the Northern Front.");
	const char *aliases[] = {"NF"};
	ties_entity ents[3] = {0};
	ents[0].name = "Ada Kerr";
	ents[0].type = TIES_ENT_PERSON;
	ents[1].name = "Northern Front";
	ents[1].type = TIES_ENT_ORGANIZATION;
	ents[1].aliases = aliases;
	ents[1].naliases = 1;
	ents[2].name = "Port Vell";
	ents[2].type = TIES_ENT_LOCATION;
	memcpy(ents[2].country, "ES", 3);
	ents[2].has_coords = 1;
	ents[2].lat = 41.4;
	ents[2].lon = 2.2;
	int notes[] = {1};
	ties_relation rels[2] = {0};
	rels[0] =
	    (ties_relation){0, 1, "leads", {a, b}, notes, 1, TIES_HEDGE_ASSERTED, 0, NULL, NULL};
	rels[1] =
	    (ties_relation){1, 2, "based-in", {a, b}, NULL, 0, TIES_HEDGE_LIKELY, 0, "2019", NULL};
	ties_extraction x = {doc, ents, 3, rels, 2, NULL};
	ties_graph *g;
	assert_int_equal(ties_graph_from_extraction(&x, &g, &err), TIES_OK);
	assert_int_equal(g->ndocs, 1);
	assert_string_equal(g->docs[0].sha256, doc->sha256);
	assert_int_equal(g->nnodes, 3);
	assert_string_equal(g->nodes[1].aliases[0], "NF");
	assert_string_equal(g->nodes[2].country, "ES");
	assert_int_equal(g->nedges, 2);
	const ties_gevidence *v = &g->edges[0].evidence[0];
	assert_string_equal(v->text, "Ada Kerr leads the Northern Front.");
	assert_int_equal(v->start, a);
	assert_int_equal(v->nnotes, 1);
	size_t nl;
	const char *nt = ties_doc_note(doc, 1, &nl);
	if (nt)
		assert_memory_equal(v->note_texts[0], nt, nl);
	else
		assert_null(v->note_texts[0]);
	assert_string_equal(g->edges[1].evidence[0].date, "2019");
	/* a second document merges entities by type and name */
	ents[0].name = "ADA KERR";
	assert_int_equal(ties_graph_add_extraction(g, &x, &err), TIES_OK);
	assert_int_equal(g->ndocs, 2);
	assert_int_equal(g->nnodes, 3);
	assert_int_equal(g->edges[0].nevidence, 2);
	assert_int_equal(g->edges[0].evidence[1].doc, 1);
	/* malformed extractions are refused */
	rels[1].evidence.end = doc->len + 5;
	assert_int_equal(ties_graph_add_extraction(g, &x, &err), TIES_ERR_FORMAT);
	ties_graph_free(g);
	ties_doc_free(doc);
}

/* ---- fixture files for the script checks ---- */

static int write_buf(const char *dir, const char *name, const ties_buf *b)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b->data, 1, b->len, f) != b->len) {
		if (f)
			fclose(f);
		return -1;
	}
	return fclose(f);
}

static int write_all(const char *dir, const char *prefix, ties_graph *g)
{
	for (int f = TIES_EXPORT_STIX; f <= TIES_EXPORT_HTML; f++)
		for (size_t i = 0; i < ties_export_nfiles((ties_export_format)f); i++) {
			ties_buf b;
			ties_error err;
			ties_buf_init(&b, 0);
			ties_export_opts o = {NULL, TIES_DATADIR};
			if (ties_export_file(g, (ties_export_format)f, i, &o, &b, &err)) {
				fprintf(stderr, "%s\n", err.msg);
				return 1;
			}
			char name[256];
			snprintf(name, sizeof name, "%s%s", prefix,
			         ties_export_file_name((ties_export_format)f, i));
			if (write_buf(dir, name, &b))
				return 1;
			ties_buf_release(&b);
		}
	char name[256], counts[128];
	snprintf(name, sizeof name, "%scounts.txt", prefix);
	snprintf(counts, sizeof counts, "%zu %zu\n", g->nnodes, g->nedges);
	ties_buf b = {counts, strlen(counts), 0, 0};
	return write_buf(dir, name, &b);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--write")) {
		ties_graph *g = fixture();
		mkdir(argv[2], 0755);
		int rc = write_all(argv[2], "", g);
		ties_graph_free(g);
		ties_graph *e = ties_graph_new();
		rc = rc || write_all(argv[2], "empty-", e);
		ties_graph_free(e);
		return rc;
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sha1_vectors),
	    cmocka_unit_test(uuid5_known),
	    cmocka_unit_test(xml_escaping),
	    cmocka_unit_test(timestamps),
	    cmocka_unit_test(format_names),
	    cmocka_unit_test(every_format_deterministic),
	    cmocka_unit_test(stix_mapping),
	    cmocka_unit_test(stix_ids_stable_across_graphs),
	    cmocka_unit_test(graphml_gexf_dot_contents),
	    cmocka_unit_test(csv_layout),
	    cmocka_unit_test(json_and_html),
	    cmocka_unit_test(empty_graph),
	    cmocka_unit_test(bad_graphs),
	    cmocka_unit_test(output_caps),
	    cmocka_unit_test(subgraph_filters),
	    cmocka_unit_test(from_extraction),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
