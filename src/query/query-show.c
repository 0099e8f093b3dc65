/* ties show ENTITY: names, type, documents, and every relation grouped by
 * type, each with its evidence sentence, document, footnotes and hedge. */
#include <string.h>

#include "query_int.h"

#define SHOW_MAX_RELATIONS 5000

static ties_code header(ties_store *s, const ties__ent *e, int json, ties_buf *b, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code =
	    ties__prepare(s,
	                  "SELECT e.country, e.lat, e.lon,"
	                  " (SELECT count(DISTINCT doc) FROM doc_entity WHERE entity = e.id)"
	                  " FROM entity e WHERE e.id = ?1",
	                  &st, err);
	if (code)
		return code;
	sqlite3_bind_int64(st, 1, e->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return ties__error(err, TIES_ERR_DB, "entity #%lld vanished", (long long)e->id);
	}
	const char *country = (const char *)sqlite3_column_text(st, 0);
	int has_coords = sqlite3_column_type(st, 1) != SQLITE_NULL;
	double lat = sqlite3_column_double(st, 1), lon = sqlite3_column_double(st, 2);
	long long ndocs = sqlite3_column_int64(st, 3);
	ties_code k;
	if (json) {
		k = ties_buf_printf(b, "{\"entity\":{\"id\":%lld,\"name\":", (long long)e->id);
		k = k ? k : ties__json_cstr(b, e->name);
		k = k ? k : ties_buf_adds(b, ",\"type\":");
		k = k ? k : ties__json_cstr(b, e->type);
		k = k ? k : ties_buf_adds(b, ",\"country\":");
		k = k ? k : ties__json_cstr(b, country);
		if (!k && has_coords)
			k = ties_buf_printf(b, ",\"coordinates\":[%.6f,%.6f]", lat, lon);
		k = k ? k : ties_buf_printf(b, ",\"documents\":%lld,\"aliases\":[", ndocs);
	} else {
		k = ties__oneline(b, e->name, 200);
		k = k ? k : ties_buf_printf(b, " (%s, #%lld)\n", e->type, (long long)e->id);
		if (!k && country)
			k = ties_buf_printf(b, "  country: %s\n", country);
		if (!k && has_coords)
			k = ties_buf_printf(b, "  coordinates: %.4f, %.4f\n", lat, lon);
		k = k ? k : ties_buf_printf(b, "  documents: %lld\n  aliases: ", ndocs);
	}
	sqlite3_finalize(st);
	if (k)
		return ties__oom(err);
	if (!(st = ties__stmt(s, ST_ENT_ALIASES, err)))
		return err->code;
	sqlite3_bind_int64(st, 1, e->id);
	int n = 0, rc;
	while (!k && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		if (!strcmp(a, e->name))
			continue;
		if (json) {
			k = n ? ties_buf_addc(b, ',') : TIES_OK;
			k = k ? k : ties__json_cstr(b, a);
		} else {
			k = n ? ties_buf_adds(b, ", ") : TIES_OK;
			k = k ? k : ties__oneline(b, a, 120);
		}
		n++;
	}
	sqlite3_reset(st);
	if (!k)
		k = json ? ties_buf_adds(b, "]},\"relations\":{")
		         : ties_buf_adds(b, n ? "\n" : "-\n");
	return k ? ties__oom(err) : TIES_OK;
}

ties_code ties_query_show(ties_store *s, const char *entity, const ties_query_opts *o,
                          ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	int64_t id;
	ties__ent e;
	ties_code code = ties__lookup_entity(s, entity, &id, err);
	if (code || (code = ties__ent_get(s, id, &e, err)))
		return code;
	if ((code = header(s, &e, q.json, out, err)))
		return code;
	sqlite3_stmt *st;
	if ((code = ties__prepare(s,
	                          "SELECT " TIES__CLAIM_COLS
	                          " FROM claim c JOIN document d ON d.id = c.doc"
	                          " WHERE c.id IN (SELECT id FROM claim WHERE src = ?1 UNION"
	                          " SELECT id FROM claim WHERE dst = ?1) AND c.rejected = 0"
	                          " ORDER BY c.type, c.id LIMIT ?2",
	                          &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, SHOW_MAX_RELATIONS + 1);
	char group[64] = "";
	int rc, n = 0, ingroup = 0;
	ties__claim c;
	while (!code && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (++n > SHOW_MAX_RELATIONS) {
			if (!q.json)
				code = ties_buf_printf(
				           out, "(more than %d relations; showing the first)\n",
				           SHOW_MAX_RELATIONS)
				           ? ties__oom(err)
				           : TIES_OK;
			break;
		}
		ties__claim_row(st, &c);
		ties__ent src, dst;
		if ((code = ties__ent_get(s, c.src, &src, err)) ||
		    (code = ties__ent_get(s, c.dst, &dst, err)))
			break;
		ties_code k = TIES_OK;
		int newgroup = strcmp(group, c.type) != 0;
		if (newgroup) {
			if (q.json) {
				k = group[0] ? ties_buf_adds(out, "],") : TIES_OK;
				k = k ? k : ties__json_cstr(out, c.type);
				k = k ? k : ties_buf_adds(out, ":[");
			} else {
				k = ties_buf_addc(out, '\n');
				k = k ? k : ties__oneline(out, c.type, 60);
				k = k ? k : ties_buf_addc(out, '\n');
			}
			snprintf(group, sizeof group, "%s", c.type);
			ingroup = 0;
		}
		if (k) {
			code = ties__oom(err);
			break;
		}
		if (q.json) {
			if (ingroup && ties_buf_addc(out, ','))
				code = ties__oom(err);
			else
				code = ties__claim_json(s, out, &c, &src, &dst, err);
		} else {
			k = ties_buf_adds(out, "  ");
			k = k ? k : ties__oneline(out, src.name, 80);
			k = k ? k
			      : ties_buf_printf(out, " -%s%s-> ", c.negated ? "NOT " : "", c.type);
			k = k ? k : ties__oneline(out, dst.name, 80);
			k = k ? k : ties_buf_addc(out, '\n');
			code = k ? ties__oom(err) : ties__claim_text(s, out, &c, err);
		}
		ingroup++;
	}
	if (!code && rc != SQLITE_DONE && rc != SQLITE_ROW)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	if (code)
		return code;
	ties_code k;
	if (q.json)
		k = ties_buf_adds(out, group[0] ? "]}}\n" : "}}\n");
	else
		k = group[0] ? TIES_OK : ties_buf_adds(out, "\nno relations\n");
	return k ? ties__oom(err) : TIES_OK;
}
