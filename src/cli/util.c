#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_fail(ties_code code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ties: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return code;
}

int cli_error(const ties_error *err)
{
	return cli_fail(err->code, "%s", err->msg);
}

/* A full disk or a file-size limit is its own code, so scripts can tell it
 * from other write errors. */
static int write_failed(void)
{
	int e = errno;
	return cli_fail(e == ENOSPC || e == EFBIG || e == EDQUOT ? TIES_ERR_FULL : TIES_ERR_IO,
	                "cannot write output: %s", strerror(e));
}

int cli_write(const ties_buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		return write_failed();
	if (fflush(stdout) != 0)
		return write_failed();
	return 0;
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end == 'k' || *end == 'K')
		v <<= 10, end++;
	else if (*end == 'm' || *end == 'M')
		v <<= 20, end++;
	else if (*end == 'g' || *end == 'G')
		v <<= 30, end++;
	if (*end || v == 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

int cli_read_opt(int argc, char **argv, int *i, ties_read_opts *o)
{
	const char *a = argv[*i];
	size_t *target = NULL;
	size_t tmp = 0;
	if (!strcmp(a, "--max-input"))
		target = &o->max_input;
	else if (!strcmp(a, "--max-line"))
		target = &o->max_line;
	else if (!strcmp(a, "--max-search") || !strcmp(a, "--max-pages"))
		target = &tmp;
	else if (!strcmp(a, "--no-repair")) {
		o->no_repair = 1;
		return 1;
	} else
		return 0;
	if (*i + 1 >= argc || parse_size(argv[*i + 1], target)) {
		cli_fail(TIES_ERR_USAGE, "option '%s' needs a positive number", a);
		return -1;
	}
	if (!strcmp(a, "--max-search"))
		o->max_search = tmp;
	else if (!strcmp(a, "--max-pages"))
		o->max_pages = tmp > 0xFFFFFFFFu ? 0xFFFFFFFFu : (unsigned)tmp;
	*i += 1;
	return 1;
}

int cli_path_arg(const char *cmd, const char *arg, const char **path)
{
	if (arg[0] == '-' && arg[1])
		return cli_fail(TIES_ERR_USAGE, "%s: unknown option '%s'", cmd, arg);
	if (*path)
		return cli_fail(TIES_ERR_USAGE, "%s: one file at a time", cmd);
	*path = arg;
	return 0;
}
