/* Output helpers shared by the queries. */
#include <stdlib.h>
#include <string.h>

#include "query_int.h"

ties_code ties__oom(ties_error *err)
{
	return ties__error(err, TIES_ERR_NOMEM, "out of memory");
}

ties_query_opts ties__qopts(const ties_query_opts *o)
{
	ties_query_opts q = {0};
	if (o)
		q = *o;
	if (!q.depth)
		q.depth = 1;
	if (!q.max_hops)
		q.max_hops = 6;
	if (!q.max_paths)
		q.max_paths = 100;
	if (!q.limit)
		q.limit = 50;
	return q;
}

ties__linkf ties__qlinkf(const ties_query_opts *o)
{
	ties__linkf f = {0};
	if (o) {
		f.types = o->types;
		f.ntypes = o->ntypes;
		f.min_confidence = o->min_confidence;
	}
	return f;
}

ties_code ties__oneline(ties_buf *b, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, n = 0;
	ties_code c = TIES_OK;
	while (i < len && !c) {
		int32_t cp;
		size_t k = ties__utf8_decode(s + i, len - i, &cp);
		if (n == max) {
			c = ties_buf_adds(b, "\xE2\x80\xA6");
			break;
		}
		if (cp < 0x20 || cp == 0x7F)
			c = ties_buf_addc(b, ' ');
		else
			c = ties_buf_add(b, s + i, k);
		i += k;
		n++;
	}
	return c;
}

ties_code ties__pad(ties_buf *b, const char *s, size_t width)
{
	size_t len = strlen(s), i = 0, n = 0;
	while (i < len) {
		int32_t cp;
		i += ties__utf8_decode(s + i, len - i, &cp);
		n++;
	}
	if (n > width)
		return ties__oneline(b, s, width ? width - 1 : 0);
	ties_code c = ties__oneline(b, s, width);
	for (; !c && n < width; n++)
		c = ties_buf_addc(b, ' ');
	return c;
}

ties_code ties__ent_get(ties_store *s, int64_t id, ties__ent *e, ties_error *err)
{
	sqlite3_stmt *st = ties__stmt(s, ST_ENT_ROW, err);
	if (!st)
		return err->code;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return ties__db_error(s, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, err, NULL);
	e->id = id;
	snprintf(e->name, sizeof e->name, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(e->type, sizeof e->type, "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return TIES_OK;
}

ties_code ties__ent_json(ties_buf *b, const ties__ent *e)
{
	ties_code c = ties_buf_printf(b, "{\"id\":%lld,\"name\":", (long long)e->id);
	c = c ? c : ties__json_cstr(b, e->name);
	c = c ? c : ties_buf_adds(b, ",\"type\":");
	c = c ? c : ties__json_cstr(b, e->type);
	return c ? c : ties_buf_addc(b, '}');
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

void ties__claim_row(sqlite3_stmt *st, ties__claim *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->src = sqlite3_column_int64(st, 1);
	c->dst = sqlite3_column_int64(st, 2);
	c->doc = sqlite3_column_int64(st, 3);
	copy_col(st, 4, c->type, sizeof c->type);
	c->evidence = (const char *)sqlite3_column_text(st, 5);
	if (!c->evidence)
		c->evidence = "";
	copy_col(st, 6, c->hedge, sizeof c->hedge);
	c->confidence = sqlite3_column_int(st, 7);
	c->negated = sqlite3_column_int(st, 8);
	c->rejected = sqlite3_column_int(st, 9);
	copy_col(st, 10, c->date, sizeof c->date);
	copy_col(st, 11, c->notes, sizeof c->notes);
	copy_col(st, 12, c->source, sizeof c->source);
	copy_col(st, 13, c->title, sizeof c->title);
}

/* Calls fn for each footnote number of a claim with its text (or NULL). */
static ties_code each_note(ties_store *s, const ties__claim *c, ties_buf *b, int json,
                           ties_error *err)
{
	sqlite3_stmt *st = NULL;
	ties_code code = TIES_OK;
	int first = 1;
	for (const char *p = c->notes; *p && !code;) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p)
			break;
		p = *end == ',' ? end + 1 : end;
		if (!st &&
		    (code = ties__prepare(s, "SELECT text FROM note WHERE doc = ?1 AND number = ?2",
		                          &st, err)))
			return code;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, c->doc);
		sqlite3_bind_int(st, 2, (int)v);
		const char *text = sqlite3_step(st) == SQLITE_ROW
		                       ? (const char *)sqlite3_column_text(st, 0)
		                       : NULL;
		if (json) {
			code =
			    ties_buf_printf(b, "%s{\"number\":%ld,\"text\":", first ? "" : ",", v);
			code = code ? code : ties__json_cstr(b, text);
			code = code ? code : ties_buf_addc(b, '}');
		} else {
			code = ties_buf_printf(b, "      note %ld: ", v);
			code = code ? code
			            : ties__oneline(
			                  b, text ? text : "(text not found in the document)", 200);
			code = code ? code : ties_buf_addc(b, '\n');
		}
		first = 0;
	}
	sqlite3_finalize(st);
	return code == TIES_ERR_TOOBIG || code == TIES_ERR_NOMEM ? ties__oom(err) : code;
}

ties_code ties__claim_json(ties_store *s, ties_buf *b, const ties__claim *c, const ties__ent *src,
                           const ties__ent *dst, ties_error *err)
{
	ties_code k = ties_buf_printf(b, "{\"id\":%lld,\"type\":", (long long)c->id);
	k = k ? k : ties__json_cstr(b, c->type);
	k = k ? k : ties_buf_adds(b, ",\"source\":");
	k = k ? k : ties__ent_json(b, src);
	k = k ? k : ties_buf_adds(b, ",\"target\":");
	k = k ? k : ties__ent_json(b, dst);
	k = k ? k : ties_buf_adds(b, ",\"evidence\":");
	k = k ? k : ties__json_cstr(b, c->evidence);
	k = k ? k : ties_buf_printf(b, ",\"document\":{\"id\":%lld,\"source\":", (long long)c->doc);
	k = k ? k : ties__json_cstr(b, c->source);
	k = k ? k : ties_buf_adds(b, ",\"title\":");
	k = k ? k : ties__json_cstr(b, c->title);
	k = k ? k : ties_buf_adds(b, "},\"notes\":[");
	if (k)
		return ties__oom(err);
	ties_code code = each_note(s, c, b, 1, err);
	if (code)
		return code;
	k = ties_buf_adds(b, "],\"hedge\":");
	k = k ? k : ties__json_cstr(b, c->hedge);
	k = k ? k
	      : ties_buf_printf(b, ",\"confidence\":%d,\"negated\":%s,\"date\":", c->confidence,
	                        c->negated ? "true" : "false");
	k = k ? k : ties__json_cstr(b, c->date[0] ? c->date : NULL);
	k = k ? k : ties_buf_addc(b, '}');
	return k ? ties__oom(err) : TIES_OK;
}

ties_code ties__claim_text(ties_store *s, ties_buf *b, const ties__claim *c, ties_error *err)
{
	ties_code k = ties_buf_adds(b, "      \"");
	k = k ? k : ties__oneline(b, c->evidence, 400);
	k = k ? k : ties_buf_adds(b, "\"\n      ");
	k = k ? k : ties__oneline(b, c->source, 200);
	if (!k && c->title[0]) {
		k = ties_buf_adds(b, " (");
		k = k ? k : ties__oneline(b, c->title, 80);
		k = k ? k : ties_buf_addc(b, ')');
	}
	k = k ? k
	      : ties_buf_printf(b, "; %s%s, confidence %d%s%s; relation #%lld\n",
	                        c->negated ? "NEGATED, " : "", c->hedge, c->confidence,
	                        c->date[0] ? ", dated " : "", c->date, (long long)c->id);
	if (k)
		return ties__oom(err);
	return each_note(s, c, b, 0, err);
}

ties_code ties_store_entity_id(ties_store *s, const char *name, int64_t *id, ties_error *err)
{
	return ties__lookup_entity(s, name, id, err);
}
