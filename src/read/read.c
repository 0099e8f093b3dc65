/* Entry points of the read stage: load, check the input, pick a reader,
 * build the document. */
#include <string.h>

#include "read_int.h"

#define DEFAULT_MAX_INPUT (64u << 20)
#define DEFAULT_MAX_LINE (1u << 20)

static ties_read_opts resolve(const ties_read_opts *o)
{
	ties_read_opts r = {0};
	if (o)
		r = *o;
	if (!r.max_input)
		r.max_input = DEFAULT_MAX_INPUT;
	if (!r.max_line)
		r.max_line = DEFAULT_MAX_LINE;
	if (!r.max_search)
		r.max_search = 50000000ul;
	if (!r.max_pages)
		r.max_pages = 2000;
	return r;
}

void ties_doc_free(ties_doc *doc)
{
	if (doc)
		ties__arena_free(doc->arena);
}

/* The character of t that ends at e (after line_start) is a letter. */
static int letter_before(const char *t, size_t line_start, size_t e)
{
	if (e <= line_start)
		return 0;
	size_t p = e - 1;
	while (p > line_start && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	int32_t cp = 0;
	ties__utf8_decode(t + p, e - p, &cp);
	return ties__is_letter(cp);
}

/* A spacing accent before its letter, as extractors write TeX's accents:
 * "Kovaˇcevi´c" (or "Kova ˇcevi ´c") is "Kovačević".  If t[line_start..*o)
 * ends with one that composes with the letter c, writes the composed letter
 * over it and returns 1.  Not an acute between a letter and the letter of
 * an English contraction ("it´s"): there it stands for an apostrophe. */
static int compose_accent(char *t, size_t line_start, size_t *o, char c)
{
	size_t n = *o;
	char u[4];
	size_t ul;
	if (n < line_start + 2 || (unsigned char)t[n - 2] < 0xC2 ||
	    !(ul = ties__compose_accent(t + n - 2, c, u)) || ul > 3)
		return 0;
	int contraction = (unsigned char)t[n - 2] == 0xC2 && (unsigned char)t[n - 1] == 0xB4 &&
	                  strchr("stdmlrv", c);
	if (contraction && letter_before(t, line_start, n - 2))
		return 0;
	/* a blank the extractor put between a word and its accent, as in a
	 * title in large type ("Kova ˇcevi ´c"), goes with it */
	size_t at = n - 2;
	if (!contraction && at > line_start + 1 && t[at - 1] == ' ' &&
	    letter_before(t, line_start, at - 1))
		at--;
	/* the composed letter (at most three bytes) takes the place of the
	 * accent and the letter: the text never grows */
	memcpy(t + at, u, ul);
	*o = at + ul;
	return 1;
}

/* Checks text input and normalises line ends; returns a heap copy. */
static ties_code check_text(const char *name, const char *data, size_t len, const ties_read_opts *o,
                            char **out, size_t *olen, ties_error *err)
{
	if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
	                 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
		return ties__error(err, TIES_ERR_ENCODING,
		                   "'%s': UTF-16 text is not supported; convert it to UTF-8", name);
	if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	    (unsigned char)data[2] == 0xBF) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul)
		return ties__error(err, TIES_ERR_BINARY,
		                   "'%s': binary data (NUL byte at offset %zu), not text", name,
		                   (size_t)(nul - data));
	size_t valid = ties__utf8_valid_prefix(data, len);
	if (valid < len) {
		unsigned line = 1;
		for (size_t i = 0; i < valid; i++)
			line += data[i] == '\n';
		return ties__error(err, TIES_ERR_ENCODING,
		                   "'%s': invalid UTF-8 at byte %zu (line %u)", name, valid, line);
	}
	char *t = ties__malloc(len + 1);
	if (!t)
		return ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory", name);
	size_t o_ = 0, line_start = 0;
	unsigned line = 1;
	int has_text = 0, line_blank = 1, run_keep = 0;
	size_t run_end = 0;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (c == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			c = '\n'; /* old Mac line end */
		}
		if (c == '\n') {
			line++;
			line_start = o_ + 1;
		} else if (o_ - line_start >= o->max_line) {
			ties__free(t);
			return ties__error(err, TIES_ERR_TOOBIG,
			                   "'%s': line %u is longer than the limit of %zu bytes",
			                   name, line, o->max_line);
		}
		/* a form feed among the blanks that open or close a line is the
		 * extractor's page break (the text reader keeps it); anywhere
		 * else, a blank.  A run of blanks is scanned once. */
		if (c == '\f' && !line_blank) {
			if (i >= run_end) {
				run_end = i;
				while (run_end < len &&
				       (data[run_end] == ' ' || data[run_end] == '\t' ||
				        data[run_end] == '\v' || data[run_end] == '\f'))
					run_end++;
				run_keep = run_end == len || data[run_end] == '\n' ||
				           data[run_end] == '\r';
			}
			if (!run_keep)
				c = ' ';
		}
		if (c == '\t' || c == '\v')
			c = ' ';
		if (c != ' ' && c != '\n' && c != '\f') {
			has_text = 1;
			line_blank = 0;
		}
		if (c == '\n')
			line_blank = 1;
		if (compose_accent(t, line_start, &o_, c))
			continue;
		t[o_++] = c;
	}
	t[o_] = '\0';
	if (!has_text) {
		ties__free(t);
		return ties__error(err, TIES_ERR_EMPTY, "'%s': no text", name);
	}
	*out = t;
	*olen = o_;
	return TIES_OK;
}

ties_code ties_read_buffer(const char *data, size_t len, const char *name,
                           const ties_read_opts *opts, ties_doc **out, ties_error *err)
{
	ties_read_opts o = resolve(opts);
	*out = NULL;
	if (!name)
		name = "-";
	if (len == 0)
		return ties__error(err, TIES_ERR_EMPTY, "'%s': empty input", name);
	if (len > o.max_input)
		return ties__error(err, TIES_ERR_TOOBIG,
		                   "'%s': input is over the limit of %zu bytes", name, o.max_input);
	ties_arena *A = ties__arena_new();
	ties_doc *doc = A ? ties__arena_alloc(A, sizeof *doc) : NULL;
	if (!doc) {
		ties__arena_free(A);
		return ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory", name);
	}
	doc->arena = A;
	doc->source = ties__arena_strdup(A, name);
	ties__sha256_hex(data, len, doc->sha256);
	ties__blocks bl;
	ties__blocks_init(&bl);
	ties_code rc;
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
		doc->input_kind = TIES_INPUT_PDF;
		rc = ties__read_pdf(doc, data, len, &o, &bl, err);
	} else {
		char *t = NULL;
		size_t tl = 0;
		doc->input_kind = TIES_INPUT_TEXT;
		rc = check_text(name, data, len, &o, &t, &tl, err);
		if (!rc)
			rc = ties__read_text(doc, t, tl, &o, &bl, err);
		ties__free(t);
	}
	if (!rc && bl.blocks.len == 0)
		rc = ties__error(err, TIES_ERR_EMPTY, "'%s': no text", name);
	if (!rc)
		rc = ties__doc_build(doc, &bl, err);
	ties__blocks_release(&bl);
	if (rc) {
		ties_doc_free(doc);
		return rc;
	}
	*out = doc;
	return TIES_OK;
}

ties_code ties_read_file(const char *path, const ties_read_opts *opts, ties_doc **out,
                         ties_error *err)
{
	ties_read_opts o = resolve(opts);
	char *data;
	size_t len;
	*out = NULL;
	ties_code rc = ties__read_all(path, o.max_input, &data, &len, err);
	if (rc)
		return rc;
	rc = ties_read_buffer(data, len, path, &o, out, err);
	ties__free(data);
	return rc;
}

size_t ties_doc_sentence_at(const ties_doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->nsentences;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->sentences[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < doc->nsentences && doc->sentences[lo].start <= off)
		return lo;
	return (size_t)-1;
}

const char *ties_doc_note(const ties_doc *doc, int n, size_t *len)
{
	for (size_t i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].kind == TIES_BLOCK_NOTE && doc->blocks[i].note_number == n) {
			/* the note's text without its leading number: "17. Source" -> "Source" */
			size_t s = doc->blocks[i].start, e = doc->blocks[i].end, k = s;
			if (k < e && doc->text[k] == '[')
				k++;
			while (k < e && doc->text[k] >= '0' && doc->text[k] <= '9')
				k++;
			if (k < e &&
			    (doc->text[k] == '.' || doc->text[k] == ')' || doc->text[k] == ']'))
				k++;
			while (k < e && doc->text[k] == ' ')
				k++;
			if (k == e)
				k = s;
			*len = e - k;
			return doc->text + k;
		}
	return NULL;
}
