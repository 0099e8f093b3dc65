/* ties add FILE|DIR... [--db PATH]: read, extract and store each document.
 * Directories are walked recursively (hidden entries skipped, names in
 * order).  A file that cannot be read or extracted is reported on its own
 * line and the rest go on; the exit status is then that failure's code.  A
 * knowledge base failure (read-only, disk full, locked) stops at once. */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kb.h"

#define ADD_MAX_DEPTH 64

typedef struct paths {
	char **v;
	size_t n, cap;
} paths;

static int push(paths *p, const char *s)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **v = realloc(p->v, cap * sizeof *v);
		if (!v)
			return -1;
		p->v = v;
		p->cap = cap;
	}
	if (!(p->v[p->n] = strdup(s)))
		return -1;
	p->n++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Regular files under dir, sorted; symlinked directories are not followed
 * (no cycles). */
static int walk(const char *dir, int depth, paths *out, int *status)
{
	if (depth > ADD_MAX_DEPTH) {
		*status = cli_fail(TIES_ERR_LIMIT, "'%s': directories nested too deep", dir);
		return 0;
	}
	DIR *d = opendir(dir);
	if (!d) {
		*status = cli_fail(TIES_ERR_IO, "'%s': cannot read the directory", dir);
		return 0;
	}
	paths names = {0};
	struct dirent *e;
	int bad = 0;
	while (!bad && (e = readdir(d)))
		if (e->d_name[0] != '.')
			bad = push(&names, e->d_name);
	closedir(d);
	if (!bad)
		qsort(names.v, names.n, sizeof *names.v, by_name);
	for (size_t i = 0; !bad && i < names.n; i++) {
		size_t len = strlen(dir) + strlen(names.v[i]) + 2;
		char *p = malloc(len);
		if (!p) {
			bad = 1;
			break;
		}
		snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
		struct stat sb;
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			bad = walk(p, depth + 1, out, status);
		else if (lstat(p, &sb) == 0 && S_ISLNK(sb.st_mode) && stat(p, &sb) == 0 &&
		         S_ISDIR(sb.st_mode))
			; /* a link to a directory: skipped */
		else
			bad = push(out, p);
		free(p);
	}
	for (size_t i = 0; i < names.n; i++)
		free(names.v[i]);
	free(names.v);
	return bad;
}

static void progress(size_t done, size_t total, const char *name)
{
	char bar[31];
	size_t fill = total ? done * 30 / total : 30;
	for (size_t i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	const char *base = strrchr(name, '/');
	fprintf(stderr, "\r\033[K[%s] %zu/%zu %.40s", bar, done, total, base ? base + 1 : name);
	fflush(stderr);
}

static int db_fatal(ties_code c)
{
	return c == TIES_ERR_DB || c == TIES_ERR_SCHEMA || c == TIES_ERR_READONLY ||
	       c == TIES_ERR_FULL || c == TIES_ERR_NOMEM || c == TIES_ERR_IO;
}

int cmd_add(int argc, char **argv)
{
	const char *db = NULL;
	int quiet = 0, status = 0;
	ties_read_opts ro = {0};
	paths files = {0};
	for (int i = 1; i < argc; i++) {
		int r = cli_read_opt(argc, argv, &i, &ro);
		if (r < 0)
			return TIES_ERR_USAGE;
		if (r)
			continue;
		const char *a = argv[i];
		if (!strcmp(a, "--db")) {
			if (i + 1 >= argc || !argv[i + 1][0])
				return cli_fail(TIES_ERR_USAGE, "add: option '--db' needs a path");
			db = argv[++i];
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			quiet = 1;
		} else if (a[0] == '-' && a[1]) {
			return cli_fail(TIES_ERR_USAGE, "add: unknown option '%s'", a);
		} else {
			struct stat sb;
			int bad = 0;
			if (stat(a, &sb) == 0 && S_ISDIR(sb.st_mode))
				bad = walk(a, 0, &files, &status);
			else
				bad = push(&files, a);
			if (bad)
				return cli_fail(TIES_ERR_NOMEM, "out of memory");
		}
	}
	if (!files.n && !status)
		return cli_fail(TIES_ERR_USAGE, "usage: ties %s", cli_usage("add"));
	ties_store *s = NULL;
	int rc = files.n ? kb_open(db, TIES_STORE_CREATE, &s) : 0;
	if (rc)
		status = rc;
	int bar = !quiet && s && files.n > 1 && isatty(2);
	size_t added = 0, same = 0, replaced = 0, failed = 0, ents = 0, linked = 0, rels = 0;
	for (size_t i = 0; s && i < files.n; i++) {
		const char *path = files.v[i];
		if (bar)
			progress(i, files.n, path);
		ties_error err;
		ties_doc *doc = NULL;
		ties_extraction *x = NULL;
		ties_code c = ties_read_file(path, &ro, &doc, &err);
		if (!c)
			c = ties_extract(doc, NULL, &x, &err);
		if (!c) {
			char real[PATH_MAX], when[32] = "";
			struct stat sb;
			ties_add_opts ao = {realpath(path, real) ? real : path, NULL};
			if (stat(path, &sb) == 0) {
				struct tm tm;
				gmtime_r(&sb.st_mtime, &tm);
				strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
				ao.modified = when;
			}
			ties_add_result res;
			c = ties_store_add(s, doc, x, &ao, &res, &err);
			if (!c) {
				added += res.status == TIES_ADD_NEW;
				replaced += res.status == TIES_ADD_REPLACED;
				same += res.status == TIES_ADD_UNCHANGED;
				ents += res.nentities;
				linked += res.nlinked;
				rels += res.nrelations;
			}
		}
		ties_extraction_free(x);
		ties_doc_free(doc);
		if (c) {
			if (bar)
				fputs("\r\033[K", stderr);
			failed++;
			int code = cli_error(&err);
			if (!status)
				status = code;
			if (db_fatal(c))
				break;
		}
	}
	if (bar) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	ties_store_close(s);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	if (quiet || (!added && !replaced && !same))
		return status;
	ties_buf out;
	ties_buf_init(&out, 0);
	ties_code c =
	    ties_buf_printf(&out,
	                    "added %zu, replaced %zu, unchanged %zu, failed %zu: %zu entities "
	                    "(%zu already known), %zu relations\n",
	                    added, replaced, same, failed, ents, linked, rels);
	int w = kb_finish(&out, c, &(ties_error){c, "out of memory"});
	return status ? status : w;
}
