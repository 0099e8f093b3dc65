/* ties reject: placeholder until the command lands. */
#include "cli.h"

int cmd_reject(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'reject' is not available in this build");
}
