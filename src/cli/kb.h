/* Options and helpers shared by the knowledge base commands. */
#ifndef TIES_CLI_KB_H
#define TIES_CLI_KB_H

#include "cli.h"

#define KB_MAX_TYPES 32

typedef struct kb_args {
	const char *db;
	ties_query_opts q;
	const char *types[KB_MAX_TYPES];
	const char *pos[8]; /* positional arguments */
	int npos;
} kb_args;

/* Parses argv for a query command: --db, --json, and the options named in
 * `allowed` (a space-separated list such as "depth type"), and up to maxpos
 * positional arguments.  Prints the error, with the command's synopsis
 * (cli_usage), and returns its code. */
int kb_parse(const char *cmd, int argc, char **argv, const char *allowed, int minpos, int maxpos,
             kb_args *a);
/* Opens the knowledge base (a.db, else the default); prints errors. */
int kb_open(const char *db, unsigned flags, ties_store **s);
/* Writes a finished buffer and releases it; returns the exit status. */
int kb_finish(ties_buf *out, ties_code rc, const ties_error *err);

#endif
