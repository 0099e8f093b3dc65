/* ties merge: placeholder until the command lands. */
#include "cli.h"

int cmd_merge(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'merge' is not available in this build");
}
