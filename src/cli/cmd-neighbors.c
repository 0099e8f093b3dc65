/* ties neighbors: placeholder until the command lands. */
#include "cli.h"

int cmd_neighbors(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'neighbors' is not available in this build");
}
