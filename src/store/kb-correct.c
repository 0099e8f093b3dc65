/* Analyst corrections.  Each is recorded by name (not by row id, which a
 * re-ingest changes) in the correction table, applied at once, and applied
 * again after every ingest, so a re-added report cannot undo it.  Applying
 * a correction twice changes nothing. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

static ties_code run(ties_store *s, const char *sql, int64_t a, int64_t b, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(s, sql, &st, err);
	if (code)
		return code;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

static ties_code record(ties_store *s, const char *op, const char *a, const char *b,
                        const char *type, const char *evidence, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(s,
	                               "INSERT INTO correction(op, a, b, type, evidence, created) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	                               &st, err);
	if (code)
		return code;
	char now[32];
	ties__now_iso(now);
	sqlite3_bind_text(st, 1, op, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, evidence, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

/* Lookup failures that only mean "nothing to do" while re-applying. */
static int benign(ties_code c)
{
	return c == TIES_ERR_NOENTITY || c == TIES_ERR_AMBIGUOUS;
}

static ties_code apply_merge(ties_store *s, const char *a, const char *b, int strict,
                             ties_error *err)
{
	int64_t ea, eb;
	ties_code code = ties__lookup_entity(s, a, &ea, err);
	if (!code)
		code = ties__lookup_entity(s, b, &eb, err);
	if (code)
		return !strict && benign(code) ? TIES_OK : code;
	return ties__merge_entities(s, ea, eb, err);
}

static ties_code apply_rename(ties_store *s, const char *a, const char *name, int strict,
                              ties_error *err)
{
	int64_t e;
	ties_code code = ties__lookup_entity(s, a, &e, err);
	if (code)
		return !strict && benign(code) ? TIES_OK : code;
	sqlite3_stmt *st;
	if ((code = ties__prepare(s,
	                          "UPDATE entity SET name = ?1, renamed = 1 WHERE id = ?2"
	                          " AND (name <> ?1 OR renamed = 0)",
	                          &st, err)))
		return code;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, e);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return ties__db_error(s, rc, err, NULL);
	/* the new name finds the entity too */
	char key[TIES__KEY_MAX];
	if (!ties__name_key(name, key))
		return TIES_OK;
	if ((code = ties__prepare(
	         s, "SELECT 1 FROM entity_key WHERE entity = ?1 AND key = ?2 AND kind <> 'k'", &st,
	         err)))
		return code;
	sqlite3_bind_int64(st, 1, e);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return TIES_OK;
	if (rc != SQLITE_DONE)
		return ties__db_error(s, rc, err, NULL);
	char type[16] = "other";
	ties_entity_type t = TIES_ENT_OTHER;
	if (!ties__prepare(s, "SELECT type FROM entity WHERE id = ?1", &st, err)) {
		sqlite3_bind_int64(st, 1, e);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(type, sizeof type, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	ties_entity_type_parse(type, &t);
	return ties__add_alias(s, e, 0, name, t, 1, 1, err);
}

static ties_code apply_split(ties_store *s, const char *ename, const char *alias, int strict,
                             ties_error *err)
{
	int64_t e;
	char key[TIES__KEY_MAX];
	ties_code code = ties__lookup_entity(s, ename, &e, err);
	if (code)
		return !strict && benign(code) ? TIES_OK : code;
	if (!ties__name_key(alias, key))
		return strict ? ties__error(err, TIES_ERR_USAGE, "'%s': not a name", alias)
		              : TIES_OK;
	sqlite3_stmt *st;
	if ((code = ties__prepare(
	         s, "SELECT count(*) FROM entity_key WHERE entity = ?1 AND key = ?2", &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, e);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	int has = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (!has)
		return strict ? ties__error(err, TIES_ERR_NOENTITY, "'%s' is not a name of '%s'",
		                            alias, ename)
		              : TIES_OK;
	/* the entity the alias goes to: one that already has it, else a new one */
	int64_t to = 0;
	if ((code = ties__prepare(
	         s, "SELECT min(entity) FROM entity_key WHERE key = ?1 AND entity <> ?2", &st,
	         err)))
		return code;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, e);
	if (sqlite3_step(st) == SQLITE_ROW)
		to = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	/* documents that name the entity by this alias alone go with it */
	int moving = 0;
	if ((code =
	         ties__prepare(s, "SELECT id, name FROM doc_entity WHERE entity = ?1", &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, e);
	ties_vec des;
	ties__vec_init(&des, sizeof(int64_t));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char k2[TIES__KEY_MAX];
		ties__name_key((const char *)sqlite3_column_text(st, 1), k2);
		if (strcmp(k2, key))
			continue;
		int64_t *p = ties__vec_push(&des);
		if (!p) {
			code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			break;
		}
		*p = sqlite3_column_int64(st, 0);
		moving++;
	}
	if (!code && rc != SQLITE_DONE && rc != SQLITE_ROW)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	if (!code && moving && !to) {
		if (!(code =
		          ties__prepare(s,
		                        "INSERT INTO entity(name, type) SELECT ?1, type FROM entity"
		                        " WHERE id = ?2",
		                        &st, err))) {
			sqlite3_bind_text(st, 1, alias, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, e);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				code = ties__db_error(s, rc, err, NULL);
			to = sqlite3_last_insert_rowid(s->db);
		}
	}
	for (size_t i = 0; i < des.len && !code; i++) {
		int64_t de = TIES_VEC_AT(&des, int64_t, i);
		code = run(s, "UPDATE doc_entity SET entity = ?2 WHERE id = ?1", de, to, err);
		if (!code)
			code = run(s, "UPDATE alias SET entity = ?2 WHERE de = ?1", de, to, err);
		if (!code)
			code = run(s, "UPDATE claim SET src = ?2 WHERE src_de = ?1", de, to, err);
		if (!code)
			code = run(s, "UPDATE claim SET dst = ?2 WHERE dst_de = ?1", de, to, err);
	}
	ties__vec_release(&des);
	if (code)
		return code;
	/* the alias no longer names the entity (nor its spelling skeleton) */
	if ((code =
	         ties__prepare(s, "SELECT id, name, kind FROM alias WHERE entity = ?1", &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, e);
	ties_vec drop;
	ties__vec_init(&drop, sizeof(int64_t));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char k2[TIES__KEY_MAX];
		ties__name_key((const char *)sqlite3_column_text(st, 1), k2);
		if (strcmp(k2, key))
			continue;
		int64_t *p = ties__vec_push(&drop);
		if (!p) {
			code = ties__error(err, TIES_ERR_NOMEM, "out of memory");
			break;
		}
		*p = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < drop.len && !code; i++)
		code = run(s, "DELETE FROM alias WHERE id = ?1", TIES_VEC_AT(&drop, int64_t, i), 0,
		           err);
	ties__vec_release(&drop);
	if (!code && moving)
		code = ties__gc_entities(s, err);
	return code;
}

static ties_code apply_reject(ties_store *s, int64_t doc, const char *a, const char *b,
                              const char *type, const char *evidence, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(
	    s,
	    "UPDATE claim SET rejected = 1 WHERE rejected = 0 AND (?5 = 0 OR doc = ?5)"
	    " AND type = ?3 AND evidence = ?4"
	    " AND src_de IN (SELECT id FROM doc_entity WHERE name = ?1)"
	    " AND dst_de IN (SELECT id FROM doc_entity WHERE name = ?2)",
	    &st, err);
	if (code)
		return code;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, evidence, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, doc);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? TIES_OK : ties__db_error(s, rc, err, NULL);
}

ties_code ties__corrections_apply(ties_store *s, int64_t doc, ties_error *err)
{
	sqlite3_stmt *st;
	ties_code code = ties__prepare(
	    s,
	    "SELECT op, a, coalesce(b, ''), coalesce(type, ''), coalesce(evidence, '')"
	    " FROM correction ORDER BY id",
	    &st, err);
	if (code)
		return code;
	int rc;
	while (!code && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *op = (const char *)sqlite3_column_text(st, 0);
		const char *a = (const char *)sqlite3_column_text(st, 1);
		const char *b = (const char *)sqlite3_column_text(st, 2);
		if (!strcmp(op, "merge"))
			code = apply_merge(s, a, b, 0, err);
		else if (!strcmp(op, "split"))
			code = apply_split(s, a, b, 0, err);
		else if (!strcmp(op, "rename"))
			code = apply_rename(s, a, b, 0, err);
		else if (!strcmp(op, "reject"))
			code = apply_reject(s, doc, a, b, (const char *)sqlite3_column_text(st, 3),
			                    (const char *)sqlite3_column_text(st, 4), err);
	}
	if (!code && rc != SQLITE_DONE)
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	return code;
}

/* The name a correction is recorded under: "#ID" arguments become the
 * entity's canonical name, since row ids change when reports are re-added. */
static ties_code stable_name(ties_store *s, const char *arg, char out[512], ties_error *err)
{
	snprintf(out, 512, "%s", arg);
	if (arg[0] != '#')
		return TIES_OK;
	int64_t id;
	ties_code code = ties__lookup_entity(s, arg, &id, err);
	sqlite3_stmt *st;
	if (code || (code = ties__prepare(s, "SELECT name FROM entity WHERE id = ?1", &st, err)))
		return code;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 512, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return TIES_OK;
}

static ties_code writable(ties_store *s, ties_error *err)
{
	if (s->readonly)
		return ties__error(err, TIES_ERR_READONLY,
		                   "'%s': the knowledge base is open read-only", s->path);
	return ties__begin(s, err);
}

static ties_code finish(ties_store *s, ties_code code, ties_error *err)
{
	if (code) {
		ties__rollback(s);
		return code;
	}
	return ties__commit(s, err);
}

ties_code ties_store_merge(ties_store *s, const char *a, const char *b, ties_error *err)
{
	ties_code code = writable(s, err);
	if (code)
		return code;
	char na[512], nb[512];
	if (!(code = stable_name(s, a, na, err)) && !(code = stable_name(s, b, nb, err)) &&
	    !(code = apply_merge(s, a, b, 1, err)))
		code = record(s, "merge", na, nb, NULL, NULL, err);
	return finish(s, code, err);
}

ties_code ties_store_split(ties_store *s, const char *entity, const char *alias, ties_error *err)
{
	ties_code code = writable(s, err);
	if (code)
		return code;
	char ne[512];
	if (!(code = stable_name(s, entity, ne, err)) &&
	    !(code = apply_split(s, entity, alias, 1, err)))
		code = record(s, "split", ne, alias, NULL, NULL, err);
	return finish(s, code, err);
}

ties_code ties_store_rename(ties_store *s, const char *entity, const char *name, ties_error *err)
{
	char key[TIES__KEY_MAX];
	if (!ties__name_key(name, key))
		return ties__error(err, TIES_ERR_USAGE, "'%s': a name needs letters or digits",
		                   name);
	ties_code code = writable(s, err);
	if (code)
		return code;
	/* recorded under the old name, which the documents go on using */
	char ne[512];
	if (!(code = stable_name(s, entity, ne, err)) &&
	    !(code = apply_rename(s, entity, name, 1, err)))
		code = record(s, "rename", ne, name, NULL, NULL, err);
	return finish(s, code, err);
}

ties_code ties_store_reject(ties_store *s, int64_t claim, ties_error *err)
{
	ties_code code = writable(s, err);
	if (code)
		return code;
	sqlite3_stmt *st;
	if ((code = ties__prepare(s,
	                          "SELECT a.name, b.name, c.type, c.evidence FROM claim c"
	                          " JOIN doc_entity a ON a.id = c.src_de"
	                          " JOIN doc_entity b ON b.id = c.dst_de WHERE c.id = ?1",
	                          &st, err)))
		return finish(s, code, err);
	sqlite3_bind_int64(st, 1, claim);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		code = record(s, "reject", (const char *)sqlite3_column_text(st, 0),
		              (const char *)sqlite3_column_text(st, 1),
		              (const char *)sqlite3_column_text(st, 2),
		              (const char *)sqlite3_column_text(st, 3), err);
		if (!code)
			code = run(s, "UPDATE claim SET rejected = 1 WHERE id = ?1", claim, 0, err);
	} else if (rc == SQLITE_DONE)
		code = ties__error(err, TIES_ERR_NOTFOUND, "'%lld': no relation by that id",
		                   (long long)claim);
	else
		code = ties__db_error(s, rc, err, NULL);
	sqlite3_finalize(st);
	return finish(s, code, err);
}
