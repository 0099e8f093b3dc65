/* ties path: placeholder until the command lands. */
#include "cli.h"

int cmd_path(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'path' is not available in this build");
}
