/* ties docs and ties stats: what the knowledge base holds. */
#include <string.h>

#include "query_int.h"

ties_code ties_query_docs(ties_store *s, const ties_query_opts *o, ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	sqlite3_stmt *st;
	ties_code code =
	    ties__prepare(s,
	                  "SELECT id, source, title, sha256, added, modified, input_kind,"
	                  " nsentences, nentities, nclaims FROM document ORDER BY id",
	                  &st, err);
	if (code)
		return code;
	ties_code k =
	    q.json ? ties_buf_adds(out, "{\"documents\":[")
	           : ties_buf_adds(out, "id    added                 sentences entities relations "
	                                "sha256        source / title\n");
	int n = 0, rc;
	while (!k && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *source = (const char *)sqlite3_column_text(st, 1);
		const char *title = (const char *)sqlite3_column_text(st, 2);
		const char *sha = (const char *)sqlite3_column_text(st, 3);
		const char *added = (const char *)sqlite3_column_text(st, 4);
		const char *modified = (const char *)sqlite3_column_text(st, 5);
		long long ns = sqlite3_column_int64(st, 7), ne = sqlite3_column_int64(st, 8),
		          nc = sqlite3_column_int64(st, 9);
		if (q.json) {
			k = ties_buf_printf(out, "%s{\"id\":%lld,\"source\":", n ? "," : "", id);
			k = k ? k : ties__json_cstr(out, source);
			k = k ? k : ties_buf_adds(out, ",\"title\":");
			k = k ? k : ties__json_cstr(out, title);
			k = k ? k : ties_buf_adds(out, ",\"sha256\":");
			k = k ? k : ties__json_cstr(out, sha);
			k = k ? k : ties_buf_adds(out, ",\"added\":");
			k = k ? k : ties__json_cstr(out, added);
			k = k ? k : ties_buf_adds(out, ",\"modified\":");
			k = k ? k : ties__json_cstr(out, modified);
			k = k ? k : ties_buf_adds(out, ",\"kind\":");
			k = k ? k : ties__json_cstr(out, (const char *)sqlite3_column_text(st, 6));
			k = k ? k
			      : ties_buf_printf(out,
			                        ",\"sentences\":%lld,\"entities\":%lld,"
			                        "\"relations\":%lld}",
			                        ns, ne, nc);
		} else {
			k = ties_buf_printf(out, "%-5lld %-21s %9lld %8lld %9lld %.12s  ", id,
			                    added, ns, ne, nc, sha);
			k = k ? k : ties__oneline(out, source, 200);
			if (!k && title && *title) {
				k = ties_buf_adds(out, " / ");
				k = k ? k : ties__oneline(out, title, 80);
			}
			k = k ? k : ties_buf_addc(out, '\n');
		}
		n++;
	}
	if (!k && rc != SQLITE_DONE && rc != SQLITE_ROW)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	if (!k && !code && q.json)
		k = ties_buf_adds(out, "]}\n");
	return code ? code : k ? ties__oom(err) : TIES_OK;
}

static const struct {
	const char *name;
	const char *sql;
} counts[] = {
    {"documents", "SELECT count(*) FROM document"},
    {"sentences", "SELECT count(*) FROM sentence"},
    {"notes", "SELECT count(*) FROM note"},
    {"entities", "SELECT count(*) FROM entity"},
    {"mentions", "SELECT count(*) FROM mention"},
    {"aliases", "SELECT count(DISTINCT entity || ' ' || key) FROM entity_key WHERE kind <> 'k'"},
    {"relations", "SELECT count(*) FROM claim"},
    {"rejected", "SELECT count(*) FROM claim WHERE rejected = 1"},
    {"negated", "SELECT count(*) FROM claim WHERE negated = 1"},
    {"dated", "SELECT count(*) FROM claim WHERE date IS NOT NULL"},
    {"corrections", "SELECT count(*) FROM correction"},
    {"schema_version", "PRAGMA user_version"},
    {"bytes", "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"},
};

static ties_code grouped(ties_store *s, const char *label, const char *sql, int json, ties_buf *out,
                         ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(s, sql, &st, err);
	if (code)
		return code;
	ties_code k =
	    json ? ties_buf_printf(out, ",\"%s\":{", label) : ties_buf_printf(out, "%s:\n", label);
	int n = 0;
	while (!k && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		long long v = sqlite3_column_int64(st, 1);
		if (json) {
			k = n ? ties_buf_addc(out, ',') : TIES_OK;
			k = k ? k : ties__json_cstr(out, name);
			k = k ? k : ties_buf_printf(out, ":%lld", v);
		} else {
			k = ties_buf_adds(out, "  ");
			k = k ? k : ties__pad(out, name, 24);
			k = k ? k : ties_buf_printf(out, " %lld\n", v);
		}
		n++;
	}
	sqlite3_finalize(st);
	k = k ? k : json ? ties_buf_addc(out, '}') : TIES_OK;
	return k ? ties__oom(err) : TIES_OK;
}

ties_code ties_query_stats(ties_store *s, const ties_query_opts *o, ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties_code code = TIES_OK, k = TIES_OK;
	int snap = ties__read_begin(s);
	if (q.json)
		k = ties_buf_addc(out, '{');
	for (size_t i = 0; !k && !code && i < sizeof counts / sizeof *counts; i++) {
		sqlite3_stmt *st;
		if ((code = ties__prepare(s, counts[i].sql, &st, err)))
			break;
		int rc = sqlite3_step(st);
		long long v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			code = ties__db_error(s, rc, err, NULL);
			break;
		}
		k = q.json ? ties_buf_printf(out, "%s\"%s\":%lld", i ? "," : "", counts[i].name, v)
		           : ties_buf_printf(out, "%-26s %lld\n", counts[i].name, v);
	}
	if (!k && !code)
		code = grouped(s, "entity_types",
		               "SELECT type, count(*) FROM entity GROUP BY type ORDER BY 2 DESC, 1",
		               q.json, out, err);
	if (!k && !code)
		code = grouped(s, "relation_types",
		               "SELECT type, count(*) FROM claim WHERE rejected = 0 GROUP BY type"
		               " ORDER BY 2 DESC, 1 LIMIT 50",
		               q.json, out, err);
	if (!k && !code && q.json)
		k = ties_buf_adds(out, "}\n");
	ties__read_end(s, snap);
	return code ? code : k ? ties__oom(err) : TIES_OK;
}
