/* ties_store_check: SQLite's own checks, the full-text index, and the
 * invariants ingest and corrections maintain (a document is all there or
 * not at all; denormalised entity ids agree with their sources). */
#include <string.h>

#include "store_int.h"

static const struct {
	const char *what;
	const char *sql; /* counts violating rows */
} invariants[] = {
    {"documents whose sentences are not all stored",
     "SELECT count(*) FROM document d WHERE d.nsentences <>"
     " (SELECT count(*) FROM sentence s WHERE s.doc = d.id)"},
    {"documents whose notes are not all stored",
     "SELECT count(*) FROM document d WHERE d.nnotes <> (SELECT count(*) FROM note n WHERE n.doc = "
     "d.id)"},
    {"documents whose entities are not all stored",
     "SELECT count(*) FROM document d WHERE d.nentities <>"
     " (SELECT count(*) FROM doc_entity e WHERE e.doc = d.id)"},
    {"documents whose relations are not all stored",
     "SELECT count(*) FROM document d WHERE d.nclaims <> (SELECT count(*) FROM claim c WHERE c.doc "
     "= d.id)"},
    {"relations whose entities disagree with their document entities",
     "SELECT count(*) FROM claim c JOIN doc_entity a ON a.id = c.src_de"
     " JOIN doc_entity b ON b.id = c.dst_de WHERE a.entity <> c.src OR b.entity <> c.dst"
     " OR a.doc <> c.doc OR b.doc <> c.doc"},
    {"relations with a bad span or confidence",
     "SELECT count(*) FROM claim WHERE start > end OR confidence NOT BETWEEN 0 AND 100"},
    {"aliases whose entity disagrees with their document entity",
     "SELECT count(*) FROM alias a JOIN doc_entity d ON d.id = a.de WHERE a.entity <> d.entity"},
    {"name keys that disagree with the aliases",
     "SELECT count(*) FROM (SELECT key, entity, kind, count(*) AS n FROM alias"
     " GROUP BY key, entity, kind) a FULL JOIN entity_key k USING (key, entity, kind)"
     " WHERE a.n IS NOT k.n"},
    {"entities no document mentions", "SELECT count(*) FROM entity e WHERE NOT EXISTS"
                                      " (SELECT 1 FROM doc_entity d WHERE d.entity = e.id)"},
    {"entities without a usable name",
     "SELECT count(*) FROM entity e WHERE name = '' OR type NOT IN"
     " ('person','organization','location','facility','event','other')"},
    {"sentences with a bad span", "SELECT count(*) FROM sentence WHERE start > end"},
    {"documents stored twice", "SELECT count(*) - count(DISTINCT sha256) FROM document"},
};

static ties_code note(ties_buf *r, size_t *n, const char *fmt, const char *a, long long v)
{
	(*n)++;
	ties_code c = ties_buf_printf(r, fmt, a, v);
	return c ? c : ties_buf_addc(r, '\n');
}

ties_code ties_store_check(ties_store *s, ties_buf *report, size_t *nproblems, ties_error *err)
{
	*nproblems = 0;
	sqlite3_stmt *st;
	ties_code code = ties__prepare(s, "PRAGMA integrity_check(100)", &st, err);
	if (code)
		return code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(m, "ok") &&
		    (code = note(report, nproblems, "integrity: %s%.0lld", m, 0)))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return ties__db_error(s, rc, err, NULL);
	if (code)
		return ties__error(err, code, "out of memory");

	if ((code = ties__prepare(s, "PRAGMA foreign_key_check", &st, err)))
		return code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((code = note(report, nproblems,
		                 "foreign key: a row of '%s' (rowid %lld) points nowhere",
		                 (const char *)sqlite3_column_text(st, 0),
		                 sqlite3_column_int64(st, 1))))
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return ties__db_error(s, rc, err, NULL);

	/* FTS5 compares its index with the sentence table */
	if (!s->readonly) {
		rc = sqlite3_exec(
		    s->db, "INSERT INTO sentence_fts(sentence_fts) VALUES ('integrity-check')",
		    NULL, NULL, NULL);
		if ((rc & 0xff) == SQLITE_CORRUPT)
			code = note(report, nproblems, "full-text index: %s%.0lld",
			            "does not match the sentences", 0);
		else if (rc != SQLITE_OK)
			return ties__db_error(s, rc, err, NULL);
	}

	for (size_t i = 0; i < sizeof invariants / sizeof *invariants && !code; i++) {
		if ((code = ties__prepare(s, invariants[i].sql, &st, err)))
			return code;
		rc = sqlite3_step(st);
		long long v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return ties__db_error(s, rc, err, NULL);
		if (v)
			code =
			    note(report, nproblems, "invariant: %s: %lld", invariants[i].what, v);
	}
	if (code)
		return ties__error(err, code, "out of memory");
	return TIES_OK;
}
