/* ties: the read stage and its document model.
 *
 * A ties_doc owns everything it points to (one arena); ties_doc_free
 * releases it at once.  All offsets are byte offsets into doc->text, the
 * repaired text that `ties read` prints: the title, then each block, blocks
 * separated by one blank line ("\n\n"), each block on a single line.
 */
#ifndef TIES_DOC_H
#define TIES_DOC_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ties_block_kind {
	TIES_BLOCK_TITLE,
	TIES_BLOCK_HEADING,
	TIES_BLOCK_PARAGRAPH,
	TIES_BLOCK_NOTES_HEADING, /* the "Notes"/"References" heading */
	TIES_BLOCK_NOTE           /* one entry of the notes section */
} ties_block_kind;

typedef struct ties_block {
	ties_block_kind kind;
	size_t start, end; /* [start, end) in text */
	int note_number;   /* TIES_BLOCK_NOTE: its number, else 0 */
} ties_block;

typedef struct ties_sentence {
	size_t start, end;
	size_t block; /* index into blocks */
} ties_sentence;

/* A footnote marker: its digits at [start, end) in text, separated from the
 * word it was glued to. */
typedef struct ties_marker {
	int number;
	size_t start, end;
	size_t sentence; /* index of the sentence it belongs to */
} ties_marker;

/* Something dropped from the input: a page number, a running header. */
typedef struct ties_artifact {
	const char *kind; /* "page-number", "running-header", "running-footer" */
	unsigned line;    /* 1-based input line (text) */
	unsigned page;    /* 1-based page (PDF), else 0 */
	const char *text;
} ties_artifact;

typedef enum ties_input_kind { TIES_INPUT_TEXT, TIES_INPUT_PDF } ties_input_kind;

typedef struct ties_doc {
	const char *source; /* path as given, or "-" */
	const char *title;  /* may be "" */
	char sha256[65];    /* of the input bytes, hex */
	ties_input_kind input_kind;
	int repaired;   /* 1 when column interleaving was undone */
	unsigned pages; /* PDF: page count; text: 0 */

	const char *text;
	size_t len;

	ties_block *blocks;
	size_t nblocks;
	ties_sentence *sentences;
	size_t nsentences;
	ties_marker *markers;
	size_t nmarkers;
	ties_artifact *artifacts;
	size_t nartifacts;

	struct ties_arena *arena; /* owns all of the above */
} ties_doc;

/* Bounds on what a reader accepts; zero fields take the defaults. */
typedef struct ties_read_opts {
	size_t max_input;         /* bytes; default 64 MiB */
	size_t max_line;          /* bytes in one input line; default 1 MiB */
	unsigned long max_search; /* reading-order search steps; default 50M */
	unsigned max_pages;       /* PDF; default 2000 */
	int no_repair;            /* 1: never undo column interleaving */
} ties_read_opts;

/* Reads a text or PDF file ("-" = stdin) into *out. */
ties_code ties_read_file(const char *path, const ties_read_opts *opts, ties_doc **out,
                         ties_error *err);
/* Reads text (or PDF bytes, detected by signature) from memory; name is used
 * in messages and as doc->source.  Does not keep data. */
ties_code ties_read_buffer(const char *data, size_t len, const char *name,
                           const ties_read_opts *opts, ties_doc **out, ties_error *err);
void ties_doc_free(ties_doc *doc);

/* Index of the sentence containing byte offset off, or (size_t)-1. */
size_t ties_doc_sentence_at(const ties_doc *doc, size_t off);
/* The text of note n (notes section), or NULL; *len receives its length. */
const char *ties_doc_note(const ties_doc *doc, int n, size_t *len);

/* Appends the document model as JSON (see docs/json.md). */
ties_code ties_doc_write_json(const ties_doc *doc, ties_buf *out);

#ifdef __cplusplus
}
#endif
#endif
