/* ties: the command table. */
#include <signal.h>
#include <string.h>

#include "cli.h"

/* Options of the commands that read documents (cli_read_opt). */
#define READ_OPTS                                                                                  \
	"  --no-repair        read the text as it is (no column or line repair)\n"                 \
	"  --max-input BYTES  largest input accepted (default 64M)\n"                              \
	"  --max-line BYTES   longest line accepted (default 1M)\n"                                \
	"  --max-search N     reading-order search steps per document (default 50M)\n"             \
	"  --max-pages N      PDF pages read at most (default 2000)\n"
/* Options of the knowledge base commands (kb_parse). */
#define DB_OPT "  --db PATH          the knowledge base (default $TIES_DB, else ./ties.db)\n"
#define KB_OPTS "  --json             machine-readable output\n" DB_OPT
#define FILTER_OPTS                                                                                \
	"  --type T           only relations of type T (repeatable)\n"                             \
	"  --min-confidence N only relations of confidence N (0-100) or more\n"

/* Each command: its name, its function, its synopsis (usage lines and
 * 'ties COMMAND --help' print it), what it does, and its options. */
static const struct command {
	const char *name;
	cli_fn fn;
	const char *synopsis;
	const char *what;
	const char *opts;
} commands[] = {
    {"read", cmd_read, "read [--json] [OPTIONS] FILE|-",
     "repaired text in reading order, or the document model",
     "  --json             the document model (docs/json.md)\n" READ_OPTS},
    {"extract", cmd_extract,
     "extract [--json] [--rules FILE] [--max-entities N] [--max-relations N] [OPTIONS] FILE|-",
     "entities and relations, each with its evidence",
     "  --json             entities and relations as JSON\n"
     "  --rules FILE       more relation patterns (docs/extract.md)\n"
     "  --max-entities N   entities kept at most\n"
     "  --max-relations N  relations kept at most\n" READ_OPTS},
    {"add", cmd_add, "add [--db PATH] [--quiet] [OPTIONS] FILE|DIR...",
     "read, extract and store reports in the knowledge base",
     DB_OPT "  -q, --quiet        no line per report\n" READ_OPTS},
    {"show", cmd_show, "show ENTITY [--json] [--db PATH]",
     "profile: aliases, type, relations with evidence", KB_OPTS},
    {"neighbors", cmd_neighbors,
     "neighbors ENTITY [--depth N] [--type T] [--min-confidence N] [--json] [--db PATH]",
     "actors linked to ENTITY, up to N hops away",
     "  --depth N          hops from ENTITY (1-10, default 1)\n" FILTER_OPTS KB_OPTS},
    {"path", cmd_path,
     "path A B [--max-hops N] [--type T] [--min-confidence N] [--all] [--json] [--db PATH]",
     "shortest paths from A to B, each hop with its evidence",
     "  --max-hops N       longest path tried (1-64, default 6)\n"
     "  --all              every shortest path, not only the first\n" FILTER_OPTS KB_OPTS},
    {"timeline", cmd_timeline,
     "timeline [ENTITY] [--type T] [--min-confidence N] [--json] [--db PATH]",
     "dated relations in order, of ENTITY or of all", FILTER_OPTS KB_OPTS},
    {"search", cmd_search, "search TEXT [--limit N] [--json] [--db PATH]",
     "full-text search over the stored sentences",
     "  --limit N          hits shown at most (1-100000, default 50)\n" KB_OPTS},
    {"docs", cmd_docs, "docs [--json] [--db PATH]", "documents in the knowledge base", KB_OPTS},
    {"stats", cmd_stats, "stats [--json] [--db PATH]", "counts", KB_OPTS},
    {"merge", cmd_merge, "merge A B [--db PATH]", "analyst correction: A and B are one entity",
     DB_OPT},
    {"split", cmd_split, "split ENTITY ALIAS [--db PATH]",
     "analyst correction: ALIAS is another entity", DB_OPT},
    {"rename", cmd_rename, "rename ENTITY NAME [--db PATH]",
     "analyst correction: the entity's canonical name", DB_OPT},
    {"reject", cmd_reject, "reject RELATION_ID [--db PATH]",
     "analyst correction: a relation is wrong", DB_OPT},
    {"check-db", cmd_check_db, "check-db [--db PATH]", "verify knowledge base integrity", DB_OPT},
    {"export", cmd_export,
     "export --format stix|graphml|gexf|dot|csv|json|html [--db PATH] [--around ENTITY "
     "[--depth N]] [--doc D] [--type T]... [--min-confidence N] [--title T] [--rules FILE] "
     "[-o OUT] [REPORT...]",
     "the graph as STIX 2.1, GraphML, GEXF, DOT, CSV, JSON or HTML",
     "  --format F         stix, graphml, gexf, dot, csv, json or html\n" DB_OPT
     "  --around ENTITY    only ENTITY and its neighbourhood\n"
     "  --depth N          hops around ENTITY (1-100, default 1)\n"
     "  --doc D            only the evidence of document D (path, file name or sha256\n"
     "                     prefix)\n" FILTER_OPTS
     "  --title T          the title of the HTML page\n"
     "  --rules FILE       more relation patterns, for reports read at once\n"
     "  -o OUT             the output file (a folder for csv)\n"},
};

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

const char *cli_usage(const char *name)
{
	const struct command *c = find(name);
	return c ? c->synopsis : name;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: ties COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].what);
	fprintf(f, "\n'ties COMMAND --help': its options; 'ties --version': the version\n");
}

static int command_help(const struct command *c)
{
	printf("usage: ties %s\n\n%s\n\noptions:\n%s", c->synopsis, c->what, c->opts);
	return 0;
}

/* A command's arguments ask for its help: "--help" before any "--", or
 * "-h" alone (a value may be "-h": "--title -h"). */
static int wants_help(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[2], "-h"))
		return 1;
	for (int i = 2; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help"))
			return 1;
	return 0;
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
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "help")) {
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		const struct command *c = find(argv[2]);
		return c ? command_help(c)
		         : cli_fail(TIES_ERR_USAGE, "'%s' is not a ties command; see 'ties --help'",
		                    argv[2]);
	}
	const struct command *c = find(argv[1]);
	if (!c)
		return cli_fail(TIES_ERR_USAGE, "'%s' is not a ties command; see 'ties --help'",
		                argv[1]);
	if (wants_help(argc, argv))
		return command_help(c);
	return c->fn(argc - 1, argv + 1);
}
