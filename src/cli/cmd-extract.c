/* ties extract FILE|- [--json] [--rules FILE]: entities and relations. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static ties_code summary(const ties_extraction *x, ties_buf *out)
{
	const ties_doc *d = x->doc;
	ties_code rc = ties_buf_printf(out, "%s\n%zu entities, %zu relations\n\nentities:\n",
	                               d->title && *d->title ? d->title : d->source, x->nentities,
	                               x->nrelations);
	for (size_t i = 0; i < x->nentities && !rc; i++) {
		const ties_entity *e = &x->entities[i];
		rc = ties_buf_printf(out, "  %-5s %-12s %s", e->id, ties_entity_type_name(e->type),
		                     e->name);
		for (size_t k = 0; k < e->naliases && !rc; k++)
			rc = ties_buf_printf(out, "%s%s", k ? ", " : " (also: ", e->aliases[k]);
		if (!rc && e->naliases)
			rc = ties_buf_addc(out, ')');
		if (!rc)
			rc = ties_buf_printf(out, " [%zu mention%s]\n", e->nmentions,
			                     e->nmentions == 1 ? "" : "s");
	}
	rc = rc ? rc : ties_buf_adds(out, "\nrelations:\n");
	for (size_t i = 0; i < x->nrelations && !rc; i++) {
		const ties_relation *r = &x->relations[i];
		rc =
		    ties_buf_printf(out, "  %s %s%s %s", x->entities[r->source].name,
		                    r->negated ? "NOT " : "", r->type, x->entities[r->target].name);
		if (!rc && r->hedge != TIES_HEDGE_ASSERTED)
			rc = ties_buf_printf(out, " (%s)", ties_hedge_name(r->hedge));
		if (!rc && r->date)
			rc = ties_buf_printf(out, " [%s]", r->date);
		for (size_t k = 0; k < r->nnotes && !rc; k++)
			rc = ties_buf_printf(out, "%s%d", k ? "," : " note ", r->notes[k]);
		rc = rc ? rc : ties_buf_addc(out, '\n');
	}
	return rc;
}

int cmd_extract(int argc, char **argv)
{
	const char *path = NULL;
	int json = 0;
	ties_read_opts o = {0};
	ties_extract_opts xo = {0};
	for (int i = 1; i < argc; i++) {
		int r = cli_read_opt(argc, argv, &i, &o);
		if (r < 0)
			return TIES_ERR_USAGE;
		if (r)
			continue;
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "--max-entities") ||
		         !strcmp(argv[i], "--max-relations")) {
			char *end = NULL;
			unsigned long long v = i + 1 < argc ? strtoull(argv[i + 1], &end, 10) : 0;
			if (!end || *end || v == 0)
				return cli_fail(TIES_ERR_USAGE,
				                "option '%s' needs a positive number", argv[i]);
			if (argv[i][6] == 'e')
				xo.max_entities = (size_t)v;
			else
				xo.max_relations = (size_t)v;
			i++;
		} else if (!strcmp(argv[i], "--rules")) {
			if (i + 1 >= argc)
				return cli_fail(TIES_ERR_USAGE, "option '--rules' needs a file");
			xo.rules_path = argv[++i];
		} else if ((r = cli_path_arg("extract", argv[i], &path)))
			return r;
	}
	if (!path)
		return cli_fail(TIES_ERR_USAGE, "usage: ties %s", cli_usage("extract"));
	ties_doc *doc;
	ties_error err;
	ties_code rc = ties_read_file(path, &o, &doc, &err);
	if (rc)
		return cli_error(&err);
	ties_extraction *x;
	rc = ties_extract(doc, &xo, &x, &err);
	if (rc) {
		ties_doc_free(doc);
		return cli_error(&err);
	}
	ties_buf out;
	ties_buf_init(&out, 0);
	rc = json ? ties_extraction_write_json(x, &out) : summary(x, &out);
	int status = rc ? cli_fail(rc, "'%s': out of memory", path) : cli_write(&out);
	ties_buf_release(&out);
	ties_extraction_free(x);
	ties_doc_free(doc);
	return status;
}
