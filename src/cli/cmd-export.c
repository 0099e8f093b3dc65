/* ties export --format F [--db PATH | REPORT...] [filters] [-o OUT]:
 * the knowledge base, or reports read and extracted at once, as STIX 2.1,
 * GraphML, GEXF, DOT, Neo4j CSV, JSON or an interactive HTML page. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define MAX_TYPES 64

static int parse_uint(const char *s, unsigned max, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v > max || s[0] == '-')
		return -1;
	*out = (unsigned)v;
	return 0;
}

static ties_code io_code(int e)
{
	if (e == ENOSPC || e == EFBIG || e == EDQUOT)
		return TIES_ERR_FULL;
	if (e == EROFS || e == EACCES || e == EPERM)
		return TIES_ERR_READONLY;
	if (e == ENOENT || e == ENOTDIR)
		return TIES_ERR_NOTFOUND;
	if (e == EISDIR)
		return TIES_ERR_ISDIR;
	return TIES_ERR_IO;
}

/* Writes a whole file through a temporary one renamed over it, so a failed
 * export never leaves a half-written file under the final name. */
static int write_file(const char *path, const ties_buf *b)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		return cli_fail(TIES_ERR_NOMEM, "'%s': out of memory", path);
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", 12);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return cli_fail(io_code(e), "'%s': cannot write: %s", path, strerror(e));
	}
	size_t off = 0;
	int e = 0;
	while (off < b->len) {
		ssize_t w = write(fd, b->data + off, b->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			break;
		}
		off += (size_t)w;
	}
	if (!e && fchmod(fd, 0644) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e) {
		unlink(tmp);
		free(tmp);
		return cli_fail(io_code(e), "'%s': cannot write: %s", path, strerror(e));
	}
	free(tmp);
	return 0;
}

/* Reads and extracts each report into one graph. */
static ties_code graph_of_reports(char **paths, int n, const ties_read_opts *ro,
                                  const ties_extract_opts *xo, ties_graph **out, ties_error *err)
{
	ties_graph *g = ties_graph_new();
	if (!g) {
		err->code = TIES_ERR_NOMEM;
		snprintf(err->msg, sizeof err->msg, "out of memory");
		return TIES_ERR_NOMEM;
	}
	ties_code rc = TIES_OK;
	for (int i = 0; !rc && i < n; i++) {
		ties_doc *doc = NULL;
		ties_extraction *x = NULL;
		rc = ties_read_file(paths[i], ro, &doc, err);
		rc = rc ? rc : ties_extract(doc, xo, &x, err);
		rc = rc ? rc : ties_graph_add_extraction(g, x, err);
		ties_extraction_free(x);
		ties_doc_free(doc);
	}
	if (rc) {
		ties_graph_free(g);
		return rc;
	}
	*out = g;
	return TIES_OK;
}

int cmd_export(int argc, char **argv)
{
	const char *fmt_name = NULL, *db = NULL, *outp = NULL, *title = NULL;
	const char *types[MAX_TYPES];
	ties_graph_filter f = {0};
	ties_read_opts ro = {0};
	ties_extract_opts xo = {0};
	char **reports = malloc(sizeof *reports * (size_t)(argc > 0 ? argc : 1));
	int nreports = 0, status = 0;
	if (!reports)
		return cli_fail(TIES_ERR_NOMEM, "out of memory");
	f.types = types;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r = cli_read_opt(argc, argv, &i, &ro);
		if (r < 0) {
			free(reports);
			return TIES_ERR_USAGE;
		}
		if (r)
			continue;
		int takes = !strcmp(a, "--format") || !strcmp(a, "--db") ||
		            !strcmp(a, "--around") || !strcmp(a, "--depth") ||
		            !strcmp(a, "--doc") || !strcmp(a, "--type") ||
		            !strcmp(a, "--min-confidence") || !strcmp(a, "-o") ||
		            !strcmp(a, "--title") || !strcmp(a, "--rules");
		if (takes && i + 1 >= argc) {
			free(reports);
			return cli_fail(TIES_ERR_USAGE, "export: option '%s' needs a value", a);
		}
		const char *v = takes ? argv[++i] : NULL;
		unsigned u;
		if (!strcmp(a, "--format"))
			fmt_name = v;
		else if (!strcmp(a, "--db"))
			db = v;
		else if (!strcmp(a, "--around"))
			f.around = v;
		else if (!strcmp(a, "--doc"))
			f.doc = v;
		else if (!strcmp(a, "-o"))
			outp = v;
		else if (!strcmp(a, "--title"))
			title = v;
		else if (!strcmp(a, "--rules"))
			xo.rules_path = v;
		else if (!strcmp(a, "--type")) {
			if (f.ntypes >= MAX_TYPES) {
				free(reports);
				return cli_fail(TIES_ERR_USAGE,
				                "export: more than %d '--type' options", MAX_TYPES);
			}
			types[f.ntypes++] = v;
		} else if (!strcmp(a, "--depth")) {
			if (parse_uint(v, 100, &u) || u == 0) {
				free(reports);
				return cli_fail(
				    TIES_ERR_USAGE,
				    "export: '--depth' needs a number from 1 to 100, not '%s'", v);
			}
			f.depth = u;
		} else if (!strcmp(a, "--min-confidence")) {
			if (parse_uint(v, 100, &u)) {
				free(reports);
				return cli_fail(
				    TIES_ERR_USAGE,
				    "export: '--min-confidence' needs a number from 0 to 100, "
				    "not '%s'",
				    v);
			}
			f.min_confidence = (int)u;
		} else if (a[0] == '-' && a[1]) {
			free(reports);
			return cli_fail(TIES_ERR_USAGE, "export: unknown option '%s'", a);
		} else
			reports[nreports++] = argv[i];
	}
	ties_export_format fmt;
	if (!fmt_name) {
		free(reports);
		return cli_fail(TIES_ERR_USAGE, "usage: ties %s", cli_usage("export"));
	}
	if (ties_export_format_parse(fmt_name, &fmt)) {
		free(reports);
		return cli_fail(
		    TIES_ERR_USAGE,
		    "export: unknown format '%s' (stix, graphml, gexf, dot, csv, json, html)",
		    fmt_name);
	}
	if (db && nreports) {
		free(reports);
		return cli_fail(TIES_ERR_USAGE, "export: give '--db' or report files, not both");
	}
	size_t nfiles = ties_export_nfiles(fmt);
	if (nfiles > 1 && (!outp || !strcmp(outp, "-"))) {
		free(reports);
		return cli_fail(TIES_ERR_USAGE, "export: '%s' writes %zu files: give -o DIR",
		                fmt_name, nfiles);
	}

	ties_error err = {0};
	ties_graph *g = NULL;
	ties_code rc;
	if (nreports) {
		rc = graph_of_reports(reports, nreports, &ro, &xo, &g, &err);
		if (!rc && (f.around || f.doc || f.ntypes || f.min_confidence)) {
			ties_graph *sub = NULL;
			rc = ties_graph_subgraph(g, &f, &sub, &err);
			ties_graph_free(g);
			g = sub;
		}
	} else {
		ties_store *s = NULL;
		rc = ties_store_open(db ? db : ties_store_default_path(), TIES_STORE_READONLY, &s,
		                     &err);
		rc = rc ? rc : ties_store_graph(s, &f, &g, &err);
		ties_store_close(s);
	}
	free(reports);
	if (rc) {
		ties_graph_free(g);
		return cli_error(&err);
	}

	ties_export_opts eo = {title, NULL};
	ties_buf bufs[2];
	for (size_t i = 0; i < nfiles; i++)
		ties_buf_init(&bufs[i], 0);
	for (size_t i = 0; !rc && i < nfiles; i++)
		rc = ties_export_file(g, fmt, i, &eo, &bufs[i], &err);
	if (rc)
		status = cli_error(&err);
	else if (!outp || !strcmp(outp, "-"))
		status = cli_write(&bufs[0]);
	else if (nfiles == 1)
		status = write_file(outp, &bufs[0]);
	else {
		if (mkdir(outp, 0755) != 0 && errno != EEXIST)
			status = cli_fail(io_code(errno), "'%s': cannot create: %s", outp,
			                  strerror(errno));
		for (size_t i = 0; !status && i < nfiles; i++) {
			const char *name = ties_export_file_name(fmt, i);
			char *path = malloc(strlen(outp) + strlen(name) + 2);
			if (!path) {
				status = cli_fail(TIES_ERR_NOMEM, "out of memory");
				break;
			}
			sprintf(path, "%s/%s", outp, name);
			status = write_file(path, &bufs[i]);
			free(path);
		}
	}
	for (size_t i = 0; i < nfiles; i++)
		ties_buf_release(&bufs[i]);
	ties_graph_free(g);
	return status;
}
