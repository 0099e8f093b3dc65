/* The ties command line: one file per command, the table in main.c.
 * Commands parse their arguments, call the library, print, and return an
 * exit status (a ties_code). */
#ifndef TIES_CLI_H
#define TIES_CLI_H

#include <stdio.h>

#include "ties/ties.h"

typedef int (*cli_fn)(int argc, char **argv);

/* The synopsis of command name ("read [--json] [OPTIONS] FILE|-"), from
 * the command table; name itself for an unknown one. */
const char *cli_usage(const char *name);
/* Prints "ties: MESSAGE" on stderr and returns code. */
int cli_fail(ties_code code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the library error and returns its code. */
int cli_error(const ties_error *err);
/* Writes a whole buffer to stdout; fails cleanly on a write error. */
int cli_write(const ties_buf *b);
/* Reads --max-* options shared by commands that read documents; returns 1
 * if argv[*i] was one of them (and advances *i), 0 if not, -1 on error. */
int cli_read_opt(int argc, char **argv, int *i, ties_read_opts *o);
/* The one FILE argument of a reading command: an unknown option or a second
 * file is a usage error (printed; its code returned), else 0. */
int cli_path_arg(const char *cmd, const char *arg, const char **path);

int cmd_read(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_docs(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_rename(int argc, char **argv);
int cmd_reject(int argc, char **argv);
int cmd_check_db(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
