/* HTML: one self-contained page that opens offline.  The graph is the JSON
 * export inside a data block (every '<', '>' and '&' escaped, so document
 * text can never close it); the viewer's script and style come from
 * data/viewer.js and data/viewer.css, inlined.  A Content-Security-Policy
 * allows nothing but those two inline blocks (by hash): no network, and no
 * script that found its way into the page could run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

#ifndef TIES_DATADIR
#define TIES_DATADIR "data"
#endif

#define VIEWER_CAP (4u << 20)

static ties_code read_data(const ties_export_opts *o, const char *name, char **data, size_t *len,
                           ties_error *err)
{
	const char *dir = o->datadir;
	if (!dir || !*dir)
		dir = getenv("TIES_DATA");
	if (!dir || !*dir)
		dir = TIES_DATADIR;
	char *path = ties__malloc(strlen(dir) + strlen(name) + 2);
	if (!path)
		return ties__error(err, TIES_ERR_NOMEM, "out of memory");
	snprintf(path, strlen(dir) + strlen(name) + 2, "%s/%s", dir, name);
	ties_code rc = ties__read_all(path, VIEWER_CAP, data, len, err);
	if (!rc && (memmem(*data, *len, "</", 2) != NULL)) {
		/* the file is inlined: it must not be able to close its element */
		ties__free(*data);
		*data = NULL;
		rc = ties__error(err, TIES_ERR_FORMAT, "'%s': contains '</'", path);
	}
	ties__free(path);
	return rc;
}

/* CSP source expression: 'sha256-BASE64' of the exact element content. */
static ties_code csp_hash(ties_buf *b, const char *s, size_t n)
{
	char hex[65];
	unsigned char raw[32];
	ties__sha256_hex(s, n, hex);
	for (int i = 0; i < 32; i++) {
		unsigned hi =
		    (unsigned)(hex[2 * i] <= '9' ? hex[2 * i] - '0' : hex[2 * i] - 'a' + 10);
		unsigned lo = (unsigned)(hex[2 * i + 1] <= '9' ? hex[2 * i + 1] - '0'
		                                               : hex[2 * i + 1] - 'a' + 10);
		raw[i] = (unsigned char)(hi << 4 | lo);
	}
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char enc[48];
	size_t k = 0;
	for (int i = 0; i < 32; i += 3) {
		unsigned v = (unsigned)raw[i] << 16 | (i + 1 < 32 ? (unsigned)raw[i + 1] << 8 : 0) |
		             (i + 2 < 32 ? raw[i + 2] : 0);
		enc[k++] = b64[v >> 18 & 63];
		enc[k++] = b64[v >> 12 & 63];
		enc[k++] = i + 1 < 32 ? b64[v >> 6 & 63] : '=';
		enc[k++] = i + 2 < 32 ? b64[v & 63] : '=';
	}
	enc[k] = 0;
	return ties_buf_printf(b, "'sha256-%s'", enc);
}

ties_code ties__export_html(const ties_graph *g, const ties_export_opts *o, ties_buf *out,
                            ties_error *err)
{
	char *js = NULL, *css = NULL;
	size_t jlen = 0, clen = 0;
	ties_code rc = read_data(o, "viewer.js", &js, &jlen, err);
	if (rc)
		return rc;
	rc = read_data(o, "viewer.css", &css, &clen, err);
	if (rc) {
		ties__free(js);
		return rc;
	}
	const char *title = o->title;
	if (!title)
		title = g->ndocs == 1 ? ties__doc_name(&g->docs[0]) : "ties link graph";
	/* elements are written with exactly the hashed content between tags */
	rc = ties_buf_adds(out,
	                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	                   "'none'; img-src data:; style-src ");
	rc = rc ? rc : csp_hash(out, css, clen);
	rc = rc ? rc : ties_buf_adds(out, "; script-src ");
	rc = rc ? rc : csp_hash(out, js, jlen);
	rc = rc ? rc
	        : ties_buf_adds(out,
	                        "\">\n<meta name=\"viewport\" content=\"width=device-width, "
	                        "initial-scale=1\">\n<meta name=\"generator\" content=\"ties\">\n"
	                        "<title>");
	rc = rc ? rc : ties__xml_str(out, title);
	rc = rc ? rc : ties_buf_adds(out, "</title>\n<style>");
	rc = rc ? rc : ties_buf_add(out, css, clen);
	rc = rc ? rc
	        : ties_buf_adds(out, "</style>\n</head>\n<body>\n"
	                             "<noscript>This page needs JavaScript to draw the graph."
	                             "</noscript>\n<script type=\"application/json\" "
	                             "id=\"ties-data\">");
	ties_error jerr;
	/* {"title": ..., "graph": <the JSON export>} */
	rc = rc ? rc : ties_buf_adds(out, "{\"title\":");
	rc = rc ? rc : ties__json_cstr(out, title);
	rc = rc ? rc : ties_buf_adds(out, ",\"graph\":");
	if (!rc && ties__export_json(g, o, out, &jerr))
		rc = jerr.code;
	rc = rc ? rc : ties_buf_adds(out, "}</script>\n<script>");
	rc = rc ? rc : ties_buf_add(out, js, jlen);
	rc = rc ? rc : ties_buf_adds(out, "</script>\n</body>\n</html>\n");
	ties__free(js);
	ties__free(css);
	return rc ? ties__export_fail(err, rc, "html") : TIES_OK;
}
