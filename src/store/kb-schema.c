/* The knowledge base schema and its migrations (PRAGMA user_version).
 *
 * migrations[i] takes a database from version i to i + 1; a new version
 * appends one entry and never edits an old one.  docs/kb.md describes the
 * tables. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE document("
    " id INTEGER PRIMARY KEY,"
    " source TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " sha256 TEXT NOT NULL UNIQUE,"
    " added TEXT NOT NULL,"
    " modified TEXT,"
    " input_kind TEXT NOT NULL,"
    " nsentences INTEGER NOT NULL DEFAULT 0,"
    " nnotes INTEGER NOT NULL DEFAULT 0,"
    " nentities INTEGER NOT NULL DEFAULT 0,"
    " nclaims INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX document_source ON document(source);"

    "CREATE TABLE sentence("
    " id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " UNIQUE(doc, idx));"
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentence', content_rowid='id');"
    "CREATE TRIGGER sentence_ai AFTER INSERT ON sentence BEGIN"
    " INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text); END;"
    "CREATE TRIGGER sentence_ad AFTER DELETE ON sentence BEGIN"
    " INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text); END;"

    "CREATE TABLE note("
    " doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " number INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " PRIMARY KEY(doc, number)) WITHOUT ROWID;"

    "CREATE TABLE entity("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " country TEXT,"
    " lat REAL,"
    " lon REAL,"
    " renamed INTEGER NOT NULL DEFAULT 0);"

    /* One extracted entity of one document, resolved to a KB entity. */
    "CREATE TABLE doc_entity("
    " id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " local TEXT NOT NULL,"
    " entity INTEGER NOT NULL REFERENCES entity(id),"
    " name TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " wordnet TEXT);"
    "CREATE INDEX doc_entity_doc ON doc_entity(doc);"
    "CREATE INDEX doc_entity_entity ON doc_entity(entity, doc);"

    /* Matching keys: kind n(ame) a(lias) x (analyst) are strong, c(acronym)
     * s(hort person name) k (skeleton) weak; de NULL for analyst aliases. */
    "CREATE TABLE alias("
    " id INTEGER PRIMARY KEY,"
    " entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
    " de INTEGER REFERENCES doc_entity(id) ON DELETE CASCADE,"
    " name TEXT NOT NULL,"
    " key TEXT NOT NULL,"
    " kind TEXT NOT NULL);"
    "CREATE INDEX alias_key ON alias(key, entity);"
    "CREATE INDEX alias_entity ON alias(entity);"
    "CREATE INDEX alias_de ON alias(de);"

    "CREATE TABLE mention("
    " de INTEGER NOT NULL REFERENCES doc_entity(id) ON DELETE CASCADE,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL);"
    "CREATE INDEX mention_de ON mention(de);"

    /* A relation as one document states it.  src/dst repeat the entities of
     * src_de/dst_de so link queries need no join. */
    "CREATE TABLE claim("
    " id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " src_de INTEGER NOT NULL REFERENCES doc_entity(id),"
    " dst_de INTEGER NOT NULL REFERENCES doc_entity(id),"
    " src INTEGER NOT NULL REFERENCES entity(id),"
    " dst INTEGER NOT NULL REFERENCES entity(id),"
    " type TEXT NOT NULL,"
    " evidence TEXT NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " sentence INTEGER,"
    " notes TEXT,"
    " hedge TEXT NOT NULL,"
    " confidence INTEGER NOT NULL,"
    " negated INTEGER NOT NULL DEFAULT 0,"
    " date TEXT,"
    " trigger TEXT,"
    " rejected INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX claim_src ON claim(src, dst, confidence, negated, rejected, type);"
    "CREATE INDEX claim_dst ON claim(dst, src, confidence, negated, rejected, type);"
    "CREATE INDEX claim_doc ON claim(doc);"
    "CREATE INDEX claim_date ON claim(date) WHERE date IS NOT NULL;"
    "CREATE INDEX claim_src_de ON claim(src_de);"
    "CREATE INDEX claim_dst_de ON claim(dst_de);"

    /* Analyst corrections by name, re-applied after every ingest. */
    "CREATE TABLE correction("
    " id INTEGER PRIMARY KEY,"
    " op TEXT NOT NULL CHECK (op IN ('merge','split','rename','reject')),"
    " a TEXT NOT NULL,"
    " b TEXT,"
    " type TEXT,"
    " evidence TEXT,"
    " created TEXT NOT NULL);",

    /* 1 -> 2: one row per (key, entity, kind) with a count of the alias rows
     * behind it, kept by triggers, so resolution reads one row per entity
     * instead of one per document that ever named it. */
    "CREATE TABLE entity_key("
    " key TEXT NOT NULL,"
    " entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " n INTEGER NOT NULL,"
    " PRIMARY KEY(key, entity, kind)) WITHOUT ROWID;"
    "CREATE INDEX entity_key_entity ON entity_key(entity, kind, key);"
    /* lookups by key go through entity_key now */
    "DROP INDEX alias_key;"
    "INSERT INTO entity_key(key, entity, kind, name, n)"
    " SELECT key, entity, kind, min(name), count(*) FROM alias GROUP BY key, entity, kind;"
    "CREATE TRIGGER alias_ai AFTER INSERT ON alias BEGIN"
    " INSERT INTO entity_key(key, entity, kind, name, n)"
    " VALUES (new.key, new.entity, new.kind, new.name, 1)"
    " ON CONFLICT(key, entity, kind) DO UPDATE SET n = n + 1; END;"
    "CREATE TRIGGER alias_ad AFTER DELETE ON alias BEGIN"
    " UPDATE entity_key SET n = n - 1"
    " WHERE key = old.key AND entity = old.entity AND kind = old.kind;"
    " DELETE FROM entity_key"
    " WHERE key = old.key AND entity = old.entity AND kind = old.kind AND n <= 0; END;"
    "CREATE TRIGGER alias_au AFTER UPDATE OF entity, key, kind ON alias BEGIN"
    " UPDATE entity_key SET n = n - 1"
    " WHERE key = old.key AND entity = old.entity AND kind = old.kind;"
    " DELETE FROM entity_key"
    " WHERE key = old.key AND entity = old.entity AND kind = old.kind AND n <= 0;"
    " INSERT INTO entity_key(key, entity, kind, name, n)"
    " VALUES (new.key, new.entity, new.kind, new.name, 1)"
    " ON CONFLICT(key, entity, kind) DO UPDATE SET n = n + 1; END;",
};

#define NMIGRATIONS (sizeof migrations / sizeof *migrations)

/* The first row of a query's n integer columns; a query without rows
 * leaves out[] as it is. */
static int query_ints(ties_store *s, const char *sql, int *out, int n, ties_error *err)
{
	sqlite3_stmt *st;
	if (ties__prepare(s, sql, &st, err))
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (int k = 0; k < n; k++)
			out[k] = sqlite3_column_int(st, k);
	else if (rc != SQLITE_DONE) {
		ties__db_error(s, rc, err, s->path);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

ties_code ties__schema_apply(ties_store *s, ties_error *err)
{
	_Static_assert(NMIGRATIONS == TIES__SCHEMA_VERSION, "one migration per schema version");
	/* one statement, one snapshot: read apart, a base another process is
	 * creating could show its tables but not yet its application id */
	int v[3] = {0, 0, 0};
	if (query_ints(s,
	               "SELECT (SELECT user_version FROM pragma_user_version),"
	               " (SELECT application_id FROM pragma_application_id),"
	               " (SELECT count(*) FROM sqlite_master)",
	               v, 3, err))
		return err->code;
	int version = v[0], app = v[1], tables = v[2];
	if ((app != 0 && app != TIES__APP_ID) || (app == 0 && tables > 0))
		return ties__error(err, TIES_ERR_SCHEMA, "'%s': not a ties knowledge base",
		                   s->path);
	if (version > TIES__SCHEMA_VERSION)
		return ties__error(err, TIES_ERR_SCHEMA,
		                   "'%s': knowledge base schema version %d is newer than this "
		                   "ties supports (%d); upgrade ties",
		                   s->path, version, TIES__SCHEMA_VERSION);
	if (version == TIES__SCHEMA_VERSION)
		return TIES_OK;
	if (s->readonly)
		return ties__error(
		    err, TIES_ERR_SCHEMA,
		    "'%s': knowledge base schema version %d needs migrating to %d; run "
		    "'ties check-db' or 'ties add' to migrate it",
		    s->path, version, TIES__SCHEMA_VERSION);
	ties_code rc = ties__begin(s, err);
	if (rc)
		return rc;
	/* Re-read under the write lock: another process may have migrated. */
	if (query_ints(s, "PRAGMA user_version", &version, 1, err)) {
		ties__rollback(s);
		return err->code;
	}
	for (int v = version; v < TIES__SCHEMA_VERSION; v++)
		if ((rc = ties__exec(s, migrations[v], err))) {
			ties__rollback(s);
			return rc;
		}
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
	         TIES__SCHEMA_VERSION, TIES__APP_ID);
	if ((rc = ties__exec(s, sql, err))) {
		ties__rollback(s);
		return rc;
	}
	return ties__commit(s, err);
}
