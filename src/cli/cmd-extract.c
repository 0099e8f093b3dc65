/* ties extract: placeholder until the command lands. */
#include "cli.h"

int cmd_extract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'extract' is not available in this build");
}
