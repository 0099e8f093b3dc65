/* Knowledge base handle: open (pragmas, schema), close, statement cache, and
 * the mapping of SQLite failures to ties codes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#include "store_int.h"

const char *ties_store_default_path(void)
{
	const char *p = getenv("TIES_DB");
	return p && *p ? p : "ties.db";
}

static const char *const stmt_sql[ST_NSTMT] = {
    [ST_DOC_BY_HASH] = "SELECT id, source FROM document WHERE sha256 = ?1",
    [ST_DOC_BY_SOURCE] = "SELECT id FROM document WHERE source = ?1",
    [ST_DOC_INSERT] = "INSERT INTO document(source, title, sha256, added, modified, input_kind)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_DOC_COUNTS] = "UPDATE document SET nsentences = ?1, nnotes = ?2, nentities = ?3,"
                      " nclaims = ?4 WHERE id = ?5",
    [ST_SENT_INSERT] =
        "INSERT INTO sentence(doc, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_NOTE_INSERT] = "INSERT OR IGNORE INTO note(doc, number, text) VALUES (?1, ?2, ?3)",
    [ST_DE_INSERT] = "INSERT INTO doc_entity(doc, local, entity, name, type, wordnet)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_ALIAS_INSERT] =
        "INSERT INTO alias(entity, de, name, key, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_MENTION_INSERT] = "INSERT INTO mention(de, start, end) VALUES (?1, ?2, ?3)",
    [ST_CLAIM_INSERT] = "INSERT INTO claim(doc, src_de, dst_de, src, dst, type, evidence, start,"
                        " end, sentence, notes, hedge, confidence, negated, date, trigger)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                        " ?15, ?16)",
    [ST_ENT_INSERT] =
        "INSERT INTO entity(name, type, country, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_ENT_GET] = "SELECT name, type, renamed FROM entity WHERE id = ?1",
    [ST_ENT_SET_NAME] = "UPDATE entity SET name = ?1 WHERE id = ?2",
    [ST_ENT_SET_TYPE] = "UPDATE entity SET type = ?1 WHERE id = ?2",
    [ST_ENT_FILL] = "UPDATE entity SET country = coalesce(country, ?1), lat = coalesce(lat, ?2),"
                    " lon = coalesce(lon, ?3) WHERE id = ?4",
    [ST_ALIAS_LOOKUP] =
        "SELECT k.entity, k.kind, e.type FROM entity_key k JOIN entity e ON e.id = k.entity"
        " WHERE k.key = ?1",
    [ST_ENT_STRONG_KEYS] = "SELECT key FROM entity_key WHERE entity = ?1 AND kind IN ('a','n','x')",
    [ST_COOCCUR] = "SELECT 1 FROM doc_entity a JOIN doc_entity b ON a.doc = b.doc"
                   " WHERE a.entity = ?1 AND b.entity = ?2 LIMIT 1",
    [ST_ADJ_OUT] = "SELECT dst, type, confidence, id FROM claim WHERE src = ?1 AND negated = 0"
                   " AND rejected = 0",
    [ST_ENT_ROW] = "SELECT name, type, country, lat, lon FROM entity WHERE id = ?1",
    [ST_ENT_ALIASES] = "SELECT min(name) FROM entity_key WHERE entity = ?1 AND kind <> 'k'"
                       " GROUP BY key ORDER BY min(name) LIMIT 64",
    [ST_ADJ_IN] = "SELECT src, type, confidence, id FROM claim WHERE dst = ?1 AND negated = 0"
                  " AND rejected = 0",
};

/* SQLite does not always keep the errno of a failed write (EFBIG, ENOSPC):
 * after an i/o error, look at the disk and the file size limit. */
static int write_blocked(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs vs;
	if (statvfs(dir, &vs) == 0 && (unsigned long long)vs.f_bavail * vs.f_frsize < (1u << 20))
		return 1;
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl) || rl.rlim_cur == RLIM_INFINITY)
		return 0;
	static const char *const sfx[] = {"", "-wal", "-journal"};
	for (size_t i = 0; i < 3; i++) {
		char f[4200];
		struct stat sb;
		snprintf(f, sizeof f, "%s%s", path, sfx[i]);
		if (stat(f, &sb) == 0 && (unsigned long long)sb.st_size + (1u << 16) >= rl.rlim_cur)
			return 1;
	}
	return 0;
}

ties_code ties__db_error(ties_store *s, int rc, ties_error *err, const char *subject)
{
	const char *what = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	int sys = s && s->db ? sqlite3_system_errno(s->db) : 0;
	if (!subject)
		subject = s && s->path ? s->path : "knowledge base";
	switch (rc & 0xff) {
	case SQLITE_READONLY:
		return ties__error(err, TIES_ERR_READONLY, "'%s': the knowledge base is read-only",
		                   subject);
	case SQLITE_FULL:
		return ties__error(err, TIES_ERR_FULL, "'%s': disk full or file size limit reached",
		                   subject);
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
			return ties__error(err, TIES_ERR_FULL,
			                   "'%s': disk full or file size limit reached", subject);
		if (s && s->path && write_blocked(s->path))
			return ties__error(err, TIES_ERR_FULL,
			                   "'%s': disk full or file size limit reached", subject);
		return ties__error(err, TIES_ERR_IO, "'%s': i/o error: %s", subject, what);
	case SQLITE_NOMEM: return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	case SQLITE_NOTADB: return ties__error(err, TIES_ERR_DB, "'%s': not a database", subject);
	case SQLITE_CORRUPT:
		return ties__error(err, TIES_ERR_DB, "'%s': the knowledge base is corrupt (%s)",
		                   subject, what);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ties__error(err, TIES_ERR_DB,
		                   "'%s': the knowledge base is locked by another process",
		                   subject);
	case SQLITE_CANTOPEN:
		return ties__error(err, TIES_ERR_IO, "'%s': cannot open the knowledge base",
		                   subject);
	default: return ties__error(err, TIES_ERR_DB, "'%s': %s", subject, what);
	}
}

ties_code ties__prepare(ties_store *s, const char *sql, sqlite3_stmt **st, ties_error *err)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return ties__db_error(s, rc, err, NULL);
	}
	return TIES_OK;
}

sqlite3_stmt *ties__stmt(ties_store *s, enum ties__stmt_id id, ties_error *err)
{
	if (!s->st[id]) {
		int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		                            &s->st[id], NULL);
		if (rc != SQLITE_OK) {
			ties__db_error(s, rc, err, NULL);
			s->st[id] = NULL;
			return NULL;
		}
	} else {
		sqlite3_reset(s->st[id]);
		sqlite3_clear_bindings(s->st[id]);
	}
	return s->st[id];
}

ties_code ties__exec(ties_store *s, const char *sql, ties_error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

/* Inside a batch (bulk loading) a unit of work is a savepoint: it still
 * rolls back alone, and the batch commits them all at once. */
ties_code ties__begin(ties_store *s, ties_error *err)
{
	return ties__exec(s, s->batch ? "SAVEPOINT unit" : "BEGIN IMMEDIATE", err);
}

ties_code ties__commit(ties_store *s, ties_error *err)
{
	ties_code rc = ties__exec(s, s->batch ? "RELEASE unit" : "COMMIT", err);
	if (rc)
		ties__rollback(s);
	return rc;
}

void ties__rollback(ties_store *s)
{
	if (sqlite3_get_autocommit(s->db))
		return;
	if (s->batch)
		sqlite3_exec(s->db, "ROLLBACK TO unit; RELEASE unit", NULL, NULL, NULL);
	else
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int ties__read_begin(ties_store *s)
{
	return sqlite3_get_autocommit(s->db) &&
	       sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void ties__read_end(ties_store *s, int started)
{
	if (started && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

ties_code ties_store_batch_begin(ties_store *s, ties_error *err)
{
	if (s->readonly)
		return ties__error(err, TIES_ERR_READONLY,
		                   "'%s': the knowledge base is open read-only", s->path);
	if (s->batch)
		return ties__error(err, TIES_ERR_USAGE, "'%s': a batch is already open", s->path);
	ties_code rc = ties__exec(s, "BEGIN IMMEDIATE", err);
	if (!rc)
		s->batch = 1;
	return rc;
}

ties_code ties_store_batch_commit(ties_store *s, ties_error *err)
{
	if (!s->batch)
		return TIES_OK;
	s->batch = 0;
	ties_code rc = ties__exec(s, "COMMIT", err);
	if (rc && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

void ties__now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Opens the connection and runs the first statements (a file that is not a
 * database fails here). */
static ties_code open_db(ties_store *s, const char *path, int oflags, int immutable,
                         ties_error *err)
{
	int rc;
	if (immutable) {
		ties_buf uri;
		ties_buf_init(&uri, 0);
		ties_code c = ties_buf_adds(&uri, "file:");
		for (const char *p = path; *p && !c; p++)
			c = strchr("%?#", *p) ? ties_buf_printf(&uri, "%%%02X", (unsigned char)*p)
			                      : ties_buf_addc(&uri, *p);
		c = c ? c : ties_buf_adds(&uri, "?immutable=1");
		if (c) {
			ties_buf_release(&uri);
			return ties__error(err, TIES_ERR_NOMEM, "out of memory");
		}
		rc = sqlite3_open_v2(uri.data, &s->db,
		                     oflags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		ties_buf_release(&uri);
	} else {
		rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (rc != SQLITE_OK)
		return ties__db_error(s, rc, err, path);
	sqlite3_extended_result_codes(s->db, 1);
	/* concurrent ingests queue for the write lock rather than fail */
	sqlite3_busy_timeout(s->db, 60000);
	return ties__exec(s,
	                  "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;"
	                  "PRAGMA temp_store = MEMORY; SELECT count(*) FROM sqlite_master;",
	                  err);
}

/* Opens the database and brings it to WAL mode and the current schema. */
static ties_code open_setup(ties_store *s, const char *path, int oflags, ties_error *err)
{
	ties_code code = open_db(s, path, oflags, 0, err);
	if (code == TIES_ERR_READONLY && s->readonly) {
		/* A WAL database in a directory we may not write: SQLite cannot
		 * create the shared-memory file, but nobody can be writing it
		 * through us either; read it as an immutable file. */
		sqlite3_close_v2(s->db);
		s->db = NULL;
		code = open_db(s, path, oflags, 1, err);
	}
	if (code)
		return code;
	if (!s->readonly && (code = ties__exec(s,
	                                       "PRAGMA journal_mode = WAL;"
	                                       "PRAGMA synchronous = NORMAL;"
	                                       /* fewer, larger checkpoints: a page
	                                        * rewritten by many documents is
	                                        * copied once */
	                                       "PRAGMA wal_autocheckpoint = 4000;",
	                                       err)))
		return code;
	if ((code = ties__schema_apply(s, err)))
		return code;
	return TIES_OK;
}

ties_code ties_store_open(const char *path, unsigned flags, ties_store **out, ties_error *err)
{
	*out = NULL;
	if (!path || !*path)
		return ties__error(err, TIES_ERR_USAGE, "no knowledge base path given");
	struct stat sb;
	int exists = stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode))
		return ties__error(err, TIES_ERR_ISDIR,
		                   "'%s': is a directory, not a knowledge base", path);
	if (!exists && !(flags & TIES_STORE_CREATE))
		return ties__error(err, TIES_ERR_NOTFOUND,
		                   "'%s': no knowledge base (add documents with 'ties add')", path);
	ties_store *s = ties__calloc(1, sizeof *s);
	if (!s || !(s->path = ties__strdup(path))) {
		ties__free(s);
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	s->readonly = (flags & TIES_STORE_READONLY) != 0;
	int oflags = s->readonly ? SQLITE_OPEN_READONLY
	                         : SQLITE_OPEN_READWRITE |
	                               (flags & TIES_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	/* Two first ingests racing to create a new base can meet SQLite's
	 * deadlock rule (a lock upgrade refused at once, without the busy
	 * wait) while the file is still in rollback mode; such a refusal is
	 * retried from the start for as long as the busy timeout would wait. */
	ties_code code = TIES_OK;
	for (unsigned attempt = 0;; attempt++) {
		code = open_setup(s, path, oflags, err);
		if (!code || code != TIES_ERR_DB || !s->db || attempt >= 600 ||
		    (sqlite3_errcode(s->db) != SQLITE_BUSY &&
		     sqlite3_errcode(s->db) != SQLITE_LOCKED))
			break;
		for (int i = 0; i < ST_NSTMT; i++) {
			sqlite3_finalize(s->st[i]);
			s->st[i] = NULL;
		}
		sqlite3_close_v2(s->db);
		s->db = NULL;
		struct timespec ts = {0, 100000000L}; /* 100 ms */
		nanosleep(&ts, NULL);
	}
	if (code)
		goto fail;
	*out = s;
	return TIES_OK;
fail:
	ties_store_close(s);
	return code;
}

void ties_store_close(ties_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_NSTMT; i++)
		sqlite3_finalize(s->st[i]);
	if (s->db) {
		if (s->batch)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		if (!s->readonly)
			sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	ties__free(s->path);
	ties__free(s);
}
