/* ties check-db: placeholder until the command lands. */
#include "cli.h"

int cmd_check_db(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(TIES_ERR_USAGE, "'check-db' is not available in this build");
}
