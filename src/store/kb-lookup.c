/* Entity arguments: any name or alias, case- and spelling-insensitively
 * (the resolution key), or "#ID".  A name shared by several entities is
 * reported with its candidates rather than guessed. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

ties_code ties__lookup_entity(ties_store *s, const char *name, int64_t *entity, ties_error *err)
{
	*entity = 0;
	if (name[0] == '#' && name[1]) {
		char *end;
		long long id = strtoll(name + 1, &end, 10);
		sqlite3_stmt *st;
		if (*end || id <= 0)
			return ties__error(err, TIES_ERR_NOENTITY, "'%s': no entity by that name",
			                   name);
		ties_code code = ties__prepare(s, "SELECT id FROM entity WHERE id = ?1", &st, err);
		if (code)
			return code;
		sqlite3_bind_int64(st, 1, id);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_ROW) {
			*entity = id;
			return TIES_OK;
		}
		if (rc != SQLITE_DONE)
			return ties__db_error(s, rc, err, NULL);
		return ties__error(err, TIES_ERR_NOENTITY, "'%s': no entity by that id", name);
	}
	char key[TIES__KEY_MAX];
	if (!ties__name_key(name, key))
		return ties__error(err, TIES_ERR_NOENTITY, "'%s': no entity by that name", name);
	sqlite3_stmt *st;
	/* per entity: does the key name it canonically (2), by a full alias (1)? */
	ties_code code = ties__prepare(
	    s,
	    "SELECT a.entity, e.name, e.type,"
	    " max(CASE WHEN a.kind IN ('n','a','x') THEN 1 ELSE 0 END) AS strong"
	    " FROM entity_key a JOIN entity e ON e.id = a.entity"
	    " WHERE a.key = ?1 AND a.kind <> 'k' GROUP BY a.entity ORDER BY a.entity LIMIT 50",
	    &st, err);
	if (code)
		return code;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	struct {
		int64_t id;
		int rank;
		char label[160];
	} c[50];
	size_t n = 0;
	int rc;
	while (n < 50 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		c[n].id = sqlite3_column_int64(st, 0);
		const char *ename = (const char *)sqlite3_column_text(st, 1);
		char ekey[TIES__KEY_MAX];
		ties__name_key(ename, ekey);
		c[n].rank = !strcmp(ekey, key) ? 2 : sqlite3_column_int(st, 3);
		snprintf(c[n].label, sizeof c[n].label, "%s (%s, #%lld)", ename,
		         (const char *)sqlite3_column_text(st, 2), (long long)c[n].id);
		n++;
	}
	if (n < 50 && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return ties__db_error(s, rc, err, NULL);
	}
	sqlite3_finalize(st);
	if (n == 0)
		return ties__error(err, TIES_ERR_NOENTITY, "'%s': no entity by that name", name);
	int top = 0;
	size_t ntop = 0, pick = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].rank > top)
			top = c[i].rank;
	for (size_t i = 0; i < n; i++)
		if (c[i].rank == top)
			ntop++, pick = i;
	if (ntop == 1) {
		*entity = c[pick].id;
		return TIES_OK;
	}
	char list[400];
	size_t o = 0;
	list[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof list - 1; i++)
		if (c[i].rank == top) {
			int w =
			    snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", c[i].label);
			if (w < 0)
				break;
			o += (size_t)w;
		}
	if (o >= sizeof list - 1)
		memcpy(list + sizeof list - 5, "...", 4);
	return ties__error(err, TIES_ERR_AMBIGUOUS,
	                   "'%s' is ambiguous: %s; use the full name or #ID", name, list);
}
