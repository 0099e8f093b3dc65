/* ties read FILE|- [--json]: the repaired text, or the document model. */
#include <string.h>

#include "cli.h"

int cmd_read(int argc, char **argv)
{
	const char *path = NULL;
	int json = 0;
	ties_read_opts o = {0};
	for (int i = 1; i < argc; i++) {
		int r = cli_read_opt(argc, argv, &i, &o);
		if (r < 0)
			return TIES_ERR_USAGE;
		if (r)
			continue;
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if ((r = cli_path_arg("read", argv[i], &path)))
			return r;
	}
	if (!path)
		return cli_fail(TIES_ERR_USAGE, "usage: ties %s", cli_usage("read"));
	ties_doc *doc;
	ties_error err;
	ties_code rc = ties_read_file(path, &o, &doc, &err);
	if (rc)
		return cli_error(&err);
	ties_buf out;
	ties_buf_init(&out, 0);
	if (json)
		rc = ties_doc_write_json(doc, &out);
	else
		rc = ties_buf_add(&out, doc->text, doc->len);
	int status = rc ? cli_fail(rc, "'%s': out of memory", path) : cli_write(&out);
	ties_buf_release(&out);
	ties_doc_free(doc);
	return status;
}
