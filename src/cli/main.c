/* ties: the command table. */
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	cli_fn fn;
	const char *help;
} commands[] = {
	{"read", cmd_read, "read FILE|- [--json]   repaired text or document model"},
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
