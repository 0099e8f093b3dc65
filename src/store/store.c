/* Knowledge base: placeholder until the store lands. */
#include <stdlib.h>

#include "ties/store.h"
#include "util/util.h"

const char *ties_store_default_path(void)
{
	const char *p = getenv("TIES_DB");
	return p && *p ? p : "ties.db";
}

ties_code ties_store_open(const char *path, unsigned flags, ties_store **out, ties_error *err)
{
	(void)flags;
	*out = NULL;
	return ties__error(err, TIES_ERR_DB, "'%s': the knowledge base is not available in this build",
	                   path);
}

void ties_store_close(ties_store *s) { (void)s; }

ties_code ties_store_graph(ties_store *s, const ties_graph_filter *f, ties_graph **out,
                           ties_error *err)
{
	(void)s;
	(void)f;
	*out = NULL;
	return ties__error(err, TIES_ERR_DB, "the knowledge base is not available in this build");
}
