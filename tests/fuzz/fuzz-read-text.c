/* Fuzz target: the text reader and repair (ties_read_buffer on arbitrary
 * bytes).  Every accepted input must give a document whose offsets, UTF-8
 * and JSON are sound; every refused one a coded one-line error. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_warm_repair();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* PDF bytes belong to the PDF target. */
	if (size >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return 0;
	ties_read_opts o = {0};
	o.max_input = 1u << 20;
	o.max_line = 64u << 10;
	o.max_search = 2000000;
	o.no_repair = size % 7 == 3; /* some inputs also take the plain path */
	ties_doc *doc = (ties_doc *)1;
	ties_error err;
	ties_code rc = ties_read_buffer((const char *)data, size, "fuzz", &o, &doc, &err);
	if (rc) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(doc == NULL, "failed read left a document");
		return 0;
	}
	fuzz_check_doc(doc);
	FUZZ_CHECK(doc->input_kind == TIES_INPUT_TEXT, "text read as %d", doc->input_kind);
	ties_doc_free(doc);
	return 0;
}
