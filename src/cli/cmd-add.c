/* ties add: placeholder until the command lands. */
#include "cli.h"

int cmd_add(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'add' is not available in this build");
}
