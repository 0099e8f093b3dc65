/* ties docs: placeholder until the command lands. */
#include "cli.h"

int cmd_docs(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'docs' is not available in this build");
}
