/* ties timeline: placeholder until the command lands. */
#include "cli.h"

int cmd_timeline(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'timeline' is not available in this build");
}
