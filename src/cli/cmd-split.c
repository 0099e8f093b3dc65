/* ties split: placeholder until the command lands. */
#include "cli.h"

int cmd_split(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'split' is not available in this build");
}
