/* Fuzz target: the PDF reader.  Inputs are given the PDF signature so every
 * one reaches it; pages and size are bounded as a user would bound them. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *buf;
	static size_t cap;
	const char *p = (const char *)data;
	size_t n = size;
	if (size < 5 || memcmp(data, "%PDF-", 5) != 0) {
		if (cap < size + 5) {
			free(buf);
			cap = size + 5;
			buf = malloc(cap);
			if (!buf)
				abort();
		}
		memcpy(buf, "%PDF-", 5);
		if (size)
			memcpy(buf + 5, data, size);
		p = buf;
		n = size + 5;
	}
	ties_read_opts o = {0};
	o.max_input = 4u << 20;
	o.max_pages = 64;
	o.max_search = 2000000;
	ties_doc *doc = (ties_doc *)1;
	ties_error err;
	ties_code rc = ties_read_buffer(p, n, "fuzz.pdf", &o, &doc, &err);
	if (rc) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(doc == NULL, "failed read left a document");
		return 0;
	}
	fuzz_check_doc(doc);
	FUZZ_CHECK(doc->input_kind == TIES_INPUT_PDF, "PDF read as %d", doc->input_kind);
	FUZZ_CHECK(doc->pages <= o.max_pages, "%u pages over the limit", doc->pages);
	ties_doc_free(doc);
	return 0;
}
