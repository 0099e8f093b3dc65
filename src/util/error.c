#include <stdarg.h>
#include <stdio.h>

#include "util.h"

ties_code ties__error(ties_error *err, ties_code code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

const char *ties_code_name(ties_code code)
{
	switch (code) {
	case TIES_OK: return "ok";
	case TIES_ERR_USAGE: return "usage";
	case TIES_ERR_NOMEM: return "out of memory";
	case TIES_ERR_IO: return "i/o";
	case TIES_ERR_NOTFOUND: return "not found";
	case TIES_ERR_ISDIR: return "is a directory";
	case TIES_ERR_EMPTY: return "empty";
	case TIES_ERR_BINARY: return "binary";
	case TIES_ERR_ENCODING: return "encoding";
	case TIES_ERR_TOOBIG: return "too big";
	case TIES_ERR_LIMIT: return "limit";
	case TIES_ERR_PDF: return "pdf";
	case TIES_ERR_ENCRYPTED: return "encrypted";
	case TIES_ERR_NOTEXT: return "no text";
	case TIES_ERR_DB: return "database";
	case TIES_ERR_SCHEMA: return "schema";
	case TIES_ERR_NOENTITY: return "no entity";
	case TIES_ERR_AMBIGUOUS: return "ambiguous";
	case TIES_ERR_FORMAT: return "format";
	case TIES_ERR_READONLY: return "read-only";
	case TIES_ERR_FULL: return "full";
	case TIES_ERR_INTERNAL: return "internal";
	}
	return "unknown";
}

const char *ties_version(void)
{
	return TIES_VERSION;
}
