/* ties rename: placeholder until the command lands. */
#include "cli.h"

int cmd_rename(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'rename' is not available in this build");
}
