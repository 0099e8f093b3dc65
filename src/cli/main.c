/* ties: the command table. */
#include <signal.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	cli_fn fn;
	const char *help;
} commands[] = {
    {"read", cmd_read, "read FILE|- [--json]         repaired text or document model"},
    {"extract", cmd_extract, "extract FILE [--json]        entities and relations with evidence"},
    {"add", cmd_add, "add FILE|DIR...              read, extract and store in the knowledge base"},
    {"show", cmd_show,
     "show ENTITY                  profile: aliases, type, relations with evidence"},
    {"neighbors", cmd_neighbors, "neighbors ENTITY [--depth N] [--type T]"},
    {"path", cmd_path, "path A B [--max-hops N]      shortest paths, each hop with its evidence"},
    {"timeline", cmd_timeline, "timeline [ENTITY]            dated relations in order"},
    {"search", cmd_search, "search TEXT                  full-text search over sentences"},
    {"docs", cmd_docs, "docs                         documents in the knowledge base"},
    {"stats", cmd_stats, "stats                        counts"},
    {"merge", cmd_merge, "merge A B                    analyst correction: A and B are one entity"},
    {"split", cmd_split,
     "split ENTITY ALIAS           analyst correction: ALIAS is another entity"},
    {"rename", cmd_rename, "rename ENTITY NAME           analyst correction: canonical name"},
    {"reject", cmd_reject, "reject RELATION              analyst correction: a wrong relation"},
    {"check-db", cmd_check_db, "check-db                     verify knowledge base integrity"},
    {"export", cmd_export,
     "export --format F [...]      STIX 2.1, GraphML, GEXF, DOT, CSV, JSON, HTML"},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: ties COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %s\n", commands[i].help);
	fprintf(f, "\nties --version\n");
}

int main(int argc, char **argv)
{
	/* Past a file-size limit, writes fail with EFBIG and are reported like a
	 * full disk, instead of the process being killed mid-write. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		usage(stderr);
		return TIES_ERR_USAGE;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("ties %s\n", ties_version());
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	return cli_fail(TIES_ERR_USAGE, "'%s' is not a ties command; see 'ties --help'", argv[1]);
}
