/* PDF reader.  Reading order from page geometry is built on MuPDF. */
#include "read_int.h"

ties_code ties__read_pdf(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                         ties__blocks *bl, ties_error *err)
{
	(void)data;
	(void)len;
	(void)opts;
	(void)bl;
	return ties__error(err, TIES_ERR_PDF, "'%s': PDF input is not supported by this build",
	                   doc->source);
}
