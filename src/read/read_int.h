/* Internal interface of the read stage.
 *
 * Readers (text repair, PDF) produce blocks in reading order; the builder
 * (build.c) turns them into a ties_doc: text with offsets, sentences,
 * footnote markers, notes.  Strings handed to the builder are copied.
 */
#ifndef TIES_READ_INT_H
#define TIES_READ_INT_H

#include "ties/doc.h"
#include "util/util.h"

/* One line of input as a reader sees it. */
typedef struct ties__line {
	const char *text; /* not NUL-terminated; trimmed of surrounding blanks */
	size_t len;
	unsigned lineno; /* 1-based input line (text) or line on page (PDF) */
	unsigned page;   /* 1-based, 0 if unknown */
	unsigned flags;  /* TIES__L_* */
	/* Geometry (PDF) in points; all 0 for text input. */
	float x0, x1, y0, y1, size;
} ties__line;

#define TIES__L_BLANK_BEFORE 1u /* a blank line (or vertical gap) precedes it */
#define TIES__L_HEADING 2u      /* known to be a heading */
#define TIES__L_PARA_START 4u   /* known to start a paragraph */
#define TIES__L_BOLD 8u
#define TIES__L_CENTERED 16u

/* A footnote marker already known to the reader (PDF superscript). */
typedef struct ties__mark {
	size_t off; /* byte offset in the block text where the digits start */
	size_t len;
	int number;
} ties__mark;

/* A block as readers hand it to the builder. */
typedef struct ties__block {
	ties_block_kind kind;
	char *text; /* NUL-terminated, heap (ties__malloc); owned by the list */
	size_t len;
	ties__mark *marks; /* heap, may be NULL */
	size_t nmarks;
} ties__block;

typedef struct ties__blocks {
	ties_vec blocks;    /* of ties__block */
	ties_vec artifacts; /* of ties_artifact; text strings heap-owned */
	int markers_known;  /* 1: only marks count as markers (PDF); 0: detect in text */
	int repaired;
} ties__blocks;

void ties__blocks_init(ties__blocks *bl);
void ties__blocks_release(ties__blocks *bl);
/* Appends a block (copies text). */
ties_code ties__blocks_add(ties__blocks *bl, ties_block_kind kind, const char *text, size_t len);
ties_code ties__blocks_artifact(ties__blocks *bl, const char *kind, unsigned line, unsigned page,
                                const char *text, size_t len);

/* Joins lines of one paragraph into a single line, undoing line-end
 * hyphenation; vocab (may be NULL) decides whether a hyphen is kept. */
struct ties__vocab;
ties_code ties__join_lines(ties_buf *out, const ties__line *lines, size_t n,
                           const struct ties__vocab *vocab);

/* Collapses runs of blanks, and drops trailing ones (justified lines come
 * with wide gaps). */
void ties__collapse_blanks(ties_buf *b);

/* Word list of the document plus the system dictionary, for dehyphenation
 * and word statistics. */
typedef struct ties__vocab ties__vocab;
ties__vocab *ties__vocab_new(void);
void ties__vocab_free(ties__vocab *v);
/* Counts every word of text (lowercased). */
ties_code ties__vocab_add_text(ties__vocab *v, const char *text, size_t len);
/* Count of a word in the document (case-insensitive). */
unsigned ties__vocab_doc_count(const ties__vocab *v, const char *w, size_t n);
/* 1 if the word is in the system dictionary (/usr/share/dict/words). */
int ties__vocab_in_dict(const ties__vocab *v, const char *w, size_t n);

/* 1 for a notes section heading ("Notes", "References", ...). */
int ties__is_notes_heading(const char *s, size_t n);

/* Builds the final document from blocks; consumes nothing (bl stays owned
 * by the caller). */
ties_code ties__doc_build(ties_doc *doc, const ties__blocks *bl, ties_error *err);

/* Readers. */
ties_code ties__read_text(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                          ties__blocks *bl, ties_error *err);
ties_code ties__read_pdf(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                         ties__blocks *bl, ties_error *err);

#endif
