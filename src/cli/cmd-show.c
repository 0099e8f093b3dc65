/* ties show: placeholder until the command lands. */
#include "cli.h"

int cmd_show(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'show' is not available in this build");
}
