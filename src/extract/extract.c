/* Extraction: placeholder until the extractor lands (finds nothing). */
#include "ties/extract.h"
#include "util/util.h"

ties_code ties_extract(const ties_doc *doc, const ties_extract_opts *opts, ties_extraction **out,
                       ties_error *err)
{
	(void)opts;
	ties_arena *a = ties__arena_new();
	ties_extraction *x = a ? ties__arena_alloc(a, sizeof *x) : NULL;
	if (!x) {
		ties__arena_free(a);
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	}
	x->doc = doc;
	x->arena = a;
	*out = x;
	return TIES_OK;
}

void ties_extraction_free(ties_extraction *x)
{
	if (x)
		ties__arena_free(x->arena);
}

ties_code ties_extraction_write_json(const ties_extraction *x, ties_buf *out)
{
	ties_code rc = ties_buf_adds(out, "{\"document\":{\"title\":");
	rc = rc ? rc : ties__json_cstr(out, x->doc->title);
	rc = rc ? rc : ties_buf_adds(out, ",\"source\":");
	rc = rc ? rc : ties__json_cstr(out, x->doc->source);
	rc = rc ? rc : ties_buf_printf(out, ",\"sha256\":\"%s\"},\"entities\":[],\"relations\":[]}\n",
	                               x->doc->sha256);
	return rc;
}
