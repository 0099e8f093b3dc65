/* ties search TEXT: full-text search (SQLite FTS5) over every stored
 * sentence.  The user's text never reaches FTS5 syntax: each word becomes a
 * quoted term (all must occur), or the whole text one phrase when quoted. */
#include <string.h>

#include "query_int.h"

/* Builds the FTS5 query; 0 when the text has no searchable word. */
static int fts_query(const char *text, ties_buf *q)
{
	size_t len = strlen(text), i = 0;
	int phrase = len >= 2 && text[0] == '"' && text[len - 1] == '"', words = 0;
	if (phrase)
		i = 1, len--;
	while (i < len) {
		while (i < len) {
			int32_t cp;
			size_t k = ties__utf8_decode(text + i, len - i, &cp);
			if (ties__is_letter(cp) || ties__is_digit(cp))
				break;
			i += k;
		}
		size_t start = i;
		while (i < len) {
			int32_t cp;
			size_t k = ties__utf8_decode(text + i, len - i, &cp);
			if (!ties__is_letter(cp) && !ties__is_digit(cp))
				break;
			i += k;
		}
		if (i == start)
			break;
		if (ties_buf_adds(q, words ? (phrase ? " " : "\" \"") : "\"") ||
		    ties_buf_add(q, text + start, i - start))
			return -1;
		words++;
	}
	if (words && ties_buf_addc(q, '"'))
		return -1;
	return words;
}

ties_code ties_query_search(ties_store *s, const char *text, const ties_query_opts *o,
                            ties_buf *out, ties_error *err)
{
	ties_query_opts q = ties__qopts(o);
	ties_buf fq;
	ties_buf_init(&fq, 1 << 16);
	int words = fts_query(text, &fq);
	if (words < 0) {
		ties_buf_release(&fq);
		return ties__error(err, TIES_ERR_LIMIT, "'%.40s...': search text too long", text);
	}
	if (words == 0) {
		ties_buf_release(&fq);
		return ties__error(err, TIES_ERR_USAGE, "'%s': nothing to search for", text);
	}
	sqlite3_stmt *st;
	ties_code code = ties__prepare(
	    s,
	    "SELECT s.id, s.doc, s.idx, s.text, d.source, d.title,"
	    " highlight(sentence_fts, 0, '[', ']')"
	    " FROM sentence_fts f JOIN sentence s ON s.id = f.rowid JOIN document d ON d.id = s.doc"
	    " WHERE sentence_fts MATCH ?1 ORDER BY f.rank, s.id LIMIT ?2",
	    &st, err);
	if (code) {
		ties_buf_release(&fq);
		return code;
	}
	sqlite3_bind_text(st, 1, fq.data, (int)fq.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)q.limit);
	ties_code k = TIES_OK;
	if (q.json) {
		k = ties_buf_adds(out, "{\"query\":");
		k = k ? k : ties__json_cstr(out, text);
		k = k ? k : ties_buf_adds(out, ",\"results\":[");
	}
	int n = 0, rc;
	while (!k && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sent = (const char *)sqlite3_column_text(st, 3);
		const char *source = (const char *)sqlite3_column_text(st, 4);
		const char *title = (const char *)sqlite3_column_text(st, 5);
		const char *hl = (const char *)sqlite3_column_text(st, 6);
		if (q.json) {
			k = ties_buf_printf(
			    out,
			    "%s{\"sentence\":%lld,\"index\":%lld,\"document\":{\"id\":%lld,"
			    "\"source\":",
			    n ? "," : "", sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
			    sqlite3_column_int64(st, 1));
			k = k ? k : ties__json_cstr(out, source);
			k = k ? k : ties_buf_adds(out, ",\"title\":");
			k = k ? k : ties__json_cstr(out, title);
			k = k ? k : ties_buf_adds(out, "},\"text\":");
			k = k ? k : ties__json_cstr(out, sent);
			k = k ? k : ties_buf_addc(out, '}');
		} else {
			k = ties__oneline(out, source, 120);
			k = k ? k
			      : ties_buf_printf(out, ", sentence %lld:\n  ",
			                        sqlite3_column_int64(st, 2) + 1);
			k = k ? k : ties__oneline(out, hl ? hl : sent, 600);
			k = k ? k : ties_buf_addc(out, '\n');
		}
		n++;
	}
	if (!k && rc != SQLITE_DONE && rc != SQLITE_ROW)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	ties_buf_release(&fq);
	if (!k && !code)
		k = q.json ? ties_buf_adds(out, "]}\n")
		    : n    ? TIES_OK
		           : ties_buf_adds(out, "no match\n");
	return code ? code : k ? ties__oom(err) : TIES_OK;
}
