/* ties search: placeholder until the command lands. */
#include "cli.h"

int cmd_search(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'search' is not available in this build");
}
