/* ties stats: placeholder until the command lands. */
#include "cli.h"

int cmd_stats(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'stats' is not available in this build");
}
