/* Shared parsing for the knowledge base commands: --db PATH (else $TIES_DB,
 * else ./ties.db), --json, and the link-query options. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"

static int number(const char *cmd, const char *opt, const char *v, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long n = v ? strtol(v, &end, 10) : 0;
	if (!v || errno || end == v || *end || n < lo || n > hi)
		return cli_fail(TIES_ERR_USAGE, "%s: option '%s' needs a number from %ld to %ld",
		                cmd, opt, lo, hi);
	*out = n;
	return 0;
}

static int allowed_opt(const char *allowed, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = allowed; (p = strstr(p, name)); p += n)
		if ((p == allowed || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

int kb_parse(const char *cmd, int argc, char **argv, const char *allowed, int minpos, int maxpos,
             kb_args *a)
{
	const char *usage = cli_usage(cmd);
	memset(a, 0, sizeof *a);
	a->q.types = a->types;
	int dashdash = 0;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		long n;
		if (dashdash || o[0] != '-' || !o[1]) {
			if (a->npos >= maxpos || a->npos >= 8)
				return cli_fail(TIES_ERR_USAGE, "usage: ties %s", usage);
			a->pos[a->npos++] = o;
			continue;
		}
		if (!strcmp(o, "--")) {
			dashdash = 1;
		} else if (!strcmp(o, "--db")) {
			if (!v || !*v)
				return cli_fail(TIES_ERR_USAGE, "%s: option '--db' needs a path",
				                cmd);
			a->db = v;
			i++;
		} else if (!strcmp(o, "--json")) {
			a->q.json = 1;
		} else if (!strcmp(o, "--depth") && allowed_opt(allowed, "depth")) {
			if (number(cmd, o, v, 1, 10, &n))
				return TIES_ERR_USAGE;
			a->q.depth = (unsigned)n;
			i++;
		} else if (!strcmp(o, "--max-hops") && allowed_opt(allowed, "max-hops")) {
			if (number(cmd, o, v, 1, 64, &n))
				return TIES_ERR_USAGE;
			a->q.max_hops = (unsigned)n;
			i++;
		} else if (!strcmp(o, "--min-confidence") &&
		           allowed_opt(allowed, "min-confidence")) {
			if (number(cmd, o, v, 0, 100, &n))
				return TIES_ERR_USAGE;
			a->q.min_confidence = (int)n;
			i++;
		} else if (!strcmp(o, "--limit") && allowed_opt(allowed, "limit")) {
			if (number(cmd, o, v, 1, 100000, &n))
				return TIES_ERR_USAGE;
			a->q.limit = (size_t)n;
			i++;
		} else if (!strcmp(o, "--all") && allowed_opt(allowed, "all")) {
			a->q.all = 1;
		} else if (!strcmp(o, "--type") && allowed_opt(allowed, "type")) {
			if (!v || !*v)
				return cli_fail(TIES_ERR_USAGE,
				                "%s: option '--type' needs a relation type", cmd);
			if (a->q.ntypes >= KB_MAX_TYPES)
				return cli_fail(TIES_ERR_USAGE, "%s: at most %d --type options",
				                cmd, KB_MAX_TYPES);
			a->types[a->q.ntypes++] = v;
			i++;
		} else {
			return cli_fail(TIES_ERR_USAGE, "%s: unknown option '%s'; usage: ties %s",
			                cmd, o, usage);
		}
	}
	if (a->npos < minpos)
		return cli_fail(TIES_ERR_USAGE, "usage: ties %s", usage);
	return 0;
}

int kb_open(const char *db, unsigned flags, ties_store **s)
{
	ties_error err;
	ties_code rc = ties_store_open(db ? db : ties_store_default_path(), flags, s, &err);
	return rc ? cli_error(&err) : 0;
}

int kb_finish(ties_buf *out, ties_code rc, const ties_error *err)
{
	int status = rc ? cli_error(err) : cli_write(out);
	ties_buf_release(out);
	return status;
}
