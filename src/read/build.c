/* From blocks in reading order to the document model: the printed text with
 * block offsets, sentences, footnote markers (separated from their words)
 * and the notes section keyed by number.  Shared by every reader. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "repair.h"

/* ---- footnote markers -------------------------------------------------- */

enum { WEAK = 1, GLUED = 2, STRONG = 3 };

typedef struct cand {
	size_t block;
	size_t off, len; /* digits in the block text */
	size_t cut;      /* bytes of blank before the digits to remove (0 or more) */
	int number;
	int strength;
} cand;

static int is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Bytes of the code point that ends just before position i. */
static size_t prev_cp(const char *s, size_t i, int32_t *cp)
{
	size_t k = 1;
	while (k < i && k < 4 && ((unsigned char)s[i - k] & 0xC0) == 0x80)
		k++;
	ties__utf8_decode(s + i - k, k, cp);
	return k;
}

static int closes_sentence(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ')' || cp == ']' || cp == '"' ||
	       cp == 0x201D || cp == 0x2019 || cp == ';' || cp == ':' || cp == ',';
}

/* Candidate markers in one block: 1-3 digits that stand after a word or a
 * closing punctuation mark and before a blank, punctuation or the end. */
static ties_code find_candidates(ties_vec *out, size_t bi, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (!is_ascii_digit(s[i]) || (i > 0 && is_ascii_digit(s[i - 1]))) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && is_ascii_digit(s[e]))
			e++;
		size_t len = e - i;
		size_t start = i;
		i = e;
		if (len > 3 || start == 0)
			continue;
		/* what follows: end, blank, or , ; : ) and then not a digit/letter */
		if (e < n) {
			char c = s[e];
			if (!(c == ' ' || c == ',' || c == ';' || c == ':' || c == ')' || c == '.'))
				continue;
			if (c == '.' && e + 1 < n && s[e + 1] != ' ')
				continue;
			/* "1,000": a number with a thousands separator */
			if (c == ',' && e + 1 < n && is_ascii_digit(s[e + 1]))
				continue;
		}
		int number = atoi(s + start);
		if (number <= 0)
			continue;
		int32_t before;
		size_t k = prev_cp(s, start, &before);
		cand c = {bi, start, len, 0, number, 0};
		if (before == ' ') {
			/* standalone: look at the word before the blank */
			size_t j = start - k;
			while (j > 0 && s[j - 1] == ' ')
				j--;
			if (j == 0)
				continue;
			int32_t w;
			prev_cp(s, j, &w);
			c.cut = start - j;
			/* a day of the month: "On 3 November", "by 12 March" */
			size_t ws = e;
			while (ws < n && s[ws] == ' ')
				ws++;
			size_t we = ws;
			while (we < n && s[we] != ' ')
				we++;
			while (we > ws &&
			       (s[we - 1] == ',' || s[we - 1] == ';' || s[we - 1] == ':'))
				we--;
			if (number <= 31 && ws > e && ties__is_month_name(s + ws, we - ws))
				continue;
			/* a following word in lowercase or capitals: "talks. 5 Al-Noor";
			 * a number and a stop after a sentence's end numbers an
			 * item or a section ("Work. 2. Grant of") */
			int stop = w == '.' || w == '!' || w == '?' || w == 0x201D || w == '"';
			if (stop && e + 1 < n && s[e] == '.')
				continue;
			if (stop)
				c.strength = STRONG;
			else if (ties__is_lower(w))
				c.strength = WEAK;
			else
				continue;
			/* "in 16 cases": a number read as a quantity is followed by a
			 * lowercase word; a marker mid-sentence is too, so weak ones
			 * rely on the sequence check. */
		} else if (closes_sentence(before)) {
			/* "speech.3", "(NRF).7"; not a decimal "2.4" */
			if (before == '.' && start >= k + 1) {
				int32_t bb;
				prev_cp(s, start - k, &bb);
				if (ties__is_digit(bb)) {
					/* allow a year before the period: "in 2019.12" */
					size_t d = start - k, y = d;
					while (y > 0 && is_ascii_digit(s[y - 1]))
						y--;
					if (d - y != 4)
						continue;
				}
			}
			c.strength = STRONG;
		} else if (ties__is_lower(before)) {
			/* "Karuma10": glued to a lowercase word; not "G7" or "H5N1" */
			size_t j = start - k;
			size_t letters = 1;
			int32_t w;
			while (j > 0) {
				size_t kk = prev_cp(s, j, &w);
				if (!ties__is_letter(w))
					break;
				letters++;
				j -= kk;
			}
			if (letters < 3)
				continue;
			c.strength = GLUED;
		} else {
			continue;
		}
		cand *slot = ties__vec_push(out);
		if (!slot)
			return TIES_ERR_NOMEM;
		*slot = c;
	}
	return TIES_OK;
}

/* A weak candidate (a number standing alone after a lowercase word) that
 * would open the sequence: a stronger candidate must go on from it, as the
 * next one above it among the few after it, numbered one or two higher.
 * Otherwise a text without notes loses its first "Section 1 above" to a
 * marker. */
#define WEAK_LOOKAHEAD 8 /* candidates looked at: linear on any input */
static int weak_opens(const ties_vec *cands, size_t i, int number)
{
	for (size_t k = i + 1; k < cands->len && k <= i + WEAK_LOOKAHEAD; k++) {
		const cand *d = &TIES_VEC_AT(cands, cand, k);
		if (d->number <= number)
			continue;
		return d->strength != WEAK && d->number <= number + 2;
	}
	return 0;
}

/* Markers number upwards through a document; keep the candidates that fit
 * that sequence.  Strong ones may skip a few numbers, weaker ones must come
 * next or nearly. */
static void filter_sequence(ties_vec *cands)
{
	int last = 0;
	size_t o = 0;
	for (size_t i = 0; i < cands->len; i++) {
		cand c = TIES_VEC_AT(cands, cand, i);
		int ok = 0;
		if (c.strength == STRONG)
			ok = c.number > last && c.number <= last + 5;
		else if (c.strength == GLUED)
			ok = c.number > last && c.number <= last + 2;
		else
			ok = c.number == last + 1 && (last > 0 || weak_opens(cands, i, c.number));
		if (ok) {
			last = c.number;
			TIES_VEC_AT(cands, cand, o++) = c;
		}
	}
	cands->len = o;
}

/* ---- notes section ----------------------------------------------------- */

int ties__is_notes_heading(const char *s, size_t n)
{
	static const char *const words[] = {"notes",       "endnotes",  "footnotes",
	                                    "references",  "sources",   "bibliography",
	                                    "works cited", "citations", "end notes"};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return 1;
	return 0;
}

/* "12 Author, Title" / "12. Author" / "[12] Author": the note's number and
 * where its text starts, or 0. */
static int note_number(const char *s, size_t n, size_t *text_start)
{
	size_t i = 0;
	if (i < n && s[i] == '[')
		i++;
	size_t d = i;
	while (i < n && is_ascii_digit(s[i]) && i - d < 4)
		i++;
	if (i == d || i - d > 3)
		return 0;
	int num = atoi(s + d);
	if (i < n && (s[i] == ']' || s[i] == '.' || s[i] == ')'))
		i++;
	if (i < n && s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n)
		return 0;
	*text_start = i;
	return num;
}

/* ---- sentences --------------------------------------------------------- */

static int is_abbrev(const char *s, size_t word_start, size_t dot)
{
	static const char *const abbr[] = {
	    "mr",   "mrs",  "ms",   "dr",   "prof", "gen", "lt",  "col", "maj",    "capt",
	    "sgt",  "st",   "jr",   "sr",   "no",   "nos", "vs",  "etc", "inc",    "ltd",
	    "co",   "corp", "gov",  "sen",  "rep",  "jan", "feb", "mar", "apr",    "jun",
	    "jul",  "aug",  "sep",  "sept", "oct",  "nov", "dec", "fig", "approx", "e.g",
	    "i.e",  "cf",   "al",   "vol",  "pp",   "ed",  "eds", "rev", "hon",    "adm",
	    "brig", "cmdr", "pres", "dept", "univ", "mt",  "ft",  "op",  "p",      "cit",
	    "ibid", "viz",  "u.s",  "u.k",  "u.n",  "a.m", "p.m"};
	size_t n = dot - word_start;
	if (n == 1 && isupper((unsigned char)s[word_start]))
		return 1; /* an initial: "John F. Smith" */
	for (size_t i = 0; i < sizeof abbr / sizeof *abbr; i++)
		if (strlen(abbr[i]) == n && strncasecmp(s + word_start, abbr[i], n) == 0)
			return 1;
	return 0;
}

/* Splits [s, s+n) into sentences; calls add(start, end) with offsets
 * relative to s.  A marker after the end punctuation stays with its
 * sentence. */
static ties_code split_sentences(const char *s, size_t n, ties_vec *out, size_t base, size_t block)
{
	size_t start = 0;
	while (start < n && s[start] == ' ')
		start++;
	size_t i = start;
	while (i < n) {
		char c = s[i];
		if (c != '.' && c != '!' && c != '?') {
			i++;
			continue;
		}
		size_t end = i + 1;
		/* closing quotes and brackets */
		for (;;) {
			if (end < n &&
			    (s[end] == '"' || s[end] == ')' || s[end] == ']' || s[end] == '\'')) {
				end++;
				continue;
			}
			if (end + 2 < n + 0 && (unsigned char)s[end] == 0xE2 &&
			    (unsigned char)s[end + 1] == 0x80 &&
			    ((unsigned char)s[end + 2] == 0x9D ||
			     (unsigned char)s[end + 2] == 0x99)) {
				end += 3;
				continue;
			}
			break;
		}
		while (end < n && is_ascii_digit(s[end])) /* footnote marker */
			end++;
		if (end >= n) {
			i = n;
			break;
		}
		if (s[end] != ' ') {
			i++;
			continue;
		}
		size_t next = end;
		while (next < n && s[next] == ' ')
			next++;
		int32_t ncp = 0;
		if (next < n)
			ties__utf8_decode(s + next, n - next, &ncp);
		int starts = ties__is_upper(ncp) || ties__is_digit(ncp) || ncp == '"' ||
		             ncp == '(' || ncp == 0x201C || ncp == 0x2018 || ncp == '[';
		if (!starts) {
			i++;
			continue;
		}
		if (c == '.') {
			size_t w = i;
			while (w > start && s[w - 1] != ' ' && s[w - 1] != '(')
				w--;
			if (is_abbrev(s, w, i) && end == i + 1) {
				i++;
				continue;
			}
			/* an item's number opens its sentence: "2. Funding" */
			size_t d = w;
			while (d < i && is_ascii_digit(s[d]))
				d++;
			if (w == start && d == i && i > w && i - w <= 3 && end == i + 1) {
				i++;
				continue;
			}
		}
		ties_sentence *st = ties__vec_push(out);
		if (!st)
			return TIES_ERR_NOMEM;
		st->start = base + start;
		st->end = base + end;
		st->block = block;
		start = next;
		i = next;
	}
	size_t e = n;
	while (e > start && s[e - 1] == ' ')
		e--;
	if (e > start) {
		ties_sentence *st = ties__vec_push(out);
		if (!st)
			return TIES_ERR_NOMEM;
		st->start = base + start;
		st->end = base + e;
		st->block = block;
	}
	return TIES_OK;
}

/* ---- the builder ------------------------------------------------------- */

typedef struct pending_marker {
	size_t start, end; /* in doc text */
	int number;
} pending_marker;

/* Appends block text to out, gluing each marker to the word before it; the
 * markers' final offsets go to pm. */
static ties_code render(ties_buf *out, const ties__block *b, const cand *cs, size_t ncs,
                        ties_vec *pm)
{
	size_t pos = 0;
	for (size_t i = 0; i < ncs; i++) {
		const cand *c = &cs[i];
		size_t keep_end = c->off - c->cut;
		if (keep_end < pos)
			keep_end = pos;
		if (ties_buf_add(out, b->text + pos, keep_end - pos))
			return TIES_ERR_NOMEM;
		pending_marker *m = ties__vec_push(pm);
		if (!m)
			return TIES_ERR_NOMEM;
		m->start = out->len;
		if (ties_buf_add(out, b->text + c->off, c->len))
			return TIES_ERR_NOMEM;
		m->end = out->len;
		m->number = c->number;
		pos = c->off + c->len;
	}
	return ties_buf_add(out, b->text + pos, b->len - pos);
}

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

ties_code ties__doc_build(ties_doc *doc, const ties__blocks *bl, ties_error *err)
{
	ties_code rc = TIES_OK;
	size_t nb = bl->blocks.len;
	const ties__block *B = bl->blocks.data;
	ties_buf text;
	ties_buf_init(&text, 0);
	ties_vec cands, blocks, sents, pm, mk;
	ties__vec_init(&cands, sizeof(cand));
	ties__vec_init(&blocks, sizeof(ties_block));
	ties__vec_init(&sents, sizeof(ties_sentence));
	ties__vec_init(&pm, sizeof(pending_marker));
	ties__vec_init(&mk, sizeof(ties_marker));
	ties_block_kind *kinds = ties__calloc(nb ? nb : 1, sizeof *kinds);
	int *note_no = ties__calloc(nb ? nb : 1, sizeof *note_no);
	size_t *note_skip = ties__calloc(nb ? nb : 1, sizeof *note_skip);
	if (!kinds || !note_no || !note_skip) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}

	/* Block kinds, with the notes section recognised. */
	int in_notes = 0;
	for (size_t i = 0; i < nb; i++) {
		kinds[i] = B[i].kind;
		if ((B[i].kind == TIES_BLOCK_HEADING || B[i].kind == TIES_BLOCK_NOTES_HEADING ||
		     B[i].kind == TIES_BLOCK_PARAGRAPH) &&
		    ties__is_notes_heading(B[i].text, B[i].len)) {
			kinds[i] = TIES_BLOCK_NOTES_HEADING;
			in_notes = 1;
			continue;
		}
		if (B[i].kind == TIES_BLOCK_HEADING)
			in_notes = 0;
		if (in_notes &&
		    (B[i].kind == TIES_BLOCK_PARAGRAPH || B[i].kind == TIES_BLOCK_NOTE)) {
			size_t ts = 0;
			int num = note_number(B[i].text, B[i].len, &ts);
			if (num > 0) {
				kinds[i] = TIES_BLOCK_NOTE;
				note_no[i] = num;
				note_skip[i] = ts;
			}
		}
	}

	/* Footnote markers: given by the reader, or found in the text. */
	for (size_t i = 0; i < nb; i++) {
		if (kinds[i] != TIES_BLOCK_PARAGRAPH)
			continue;
		if (bl->markers_known) {
			for (size_t k = 0; k < B[i].nmarks; k++) {
				const ties__mark *m = &B[i].marks[k];
				if (m->off > B[i].len || m->len > B[i].len - m->off)
					continue;
				cand *c = ties__vec_push(&cands);
				if (!c) {
					rc = TIES_ERR_NOMEM;
					goto done;
				}
				c->block = i;
				c->off = m->off;
				c->len = m->len;
				c->number = m->number;
				c->strength = STRONG;
			}
		} else if ((rc = find_candidates(&cands, i, B[i].text, B[i].len))) {
			goto done;
		}
	}
	if (cands.len)
		qsort(cands.data, cands.len, sizeof(cand), cmp_cand);
	if (!bl->markers_known)
		filter_sequence(&cands);

	/* Render. */
	size_t ci = 0;
	for (size_t i = 0; i < nb; i++) {
		if (B[i].len == 0)
			continue;
		if (text.len && (rc = ties_buf_adds(&text, "\n\n")))
			goto done;
		ties_block *ob = ties__vec_push(&blocks);
		if (!ob) {
			rc = TIES_ERR_NOMEM;
			goto done;
		}
		ob->kind = kinds[i];
		ob->start = text.len;
		ob->note_number = note_no[i];
		size_t c0 = ci;
		while (ci < cands.len && TIES_VEC_AT(&cands, cand, ci).block == i)
			ci++;
		size_t m0 = pm.len;
		/* no candidates: cands.data may be NULL, which takes no offset */
		const cand *cs = ci > c0 ? (const cand *)cands.data + c0 : NULL;
		if ((rc = render(&text, &B[i], cs, ci - c0, &pm)))
			goto done;
		ob->end = text.len;
		size_t bidx = blocks.len - 1;
		size_t s0 = sents.len;
		if (kinds[i] == TIES_BLOCK_PARAGRAPH || kinds[i] == TIES_BLOCK_NOTE) {
			size_t skip = kinds[i] == TIES_BLOCK_NOTE ? note_skip[i] : 0;
			if ((rc = split_sentences(text.data + ob->start + skip,
			                          ob->end - ob->start - skip, &sents,
			                          ob->start + skip, bidx)))
				goto done;
		} else {
			ties_sentence *st = ties__vec_push(&sents);
			if (!st) {
				rc = TIES_ERR_NOMEM;
				goto done;
			}
			st->start = ob->start;
			st->end = ob->end;
			st->block = bidx;
		}
		/* each marker belongs to the sentence that contains it, or the one
		 * before when it sits just after a sentence end */
		for (size_t k = m0; k < pm.len; k++) {
			pending_marker *p = &TIES_VEC_AT(&pm, pending_marker, k);
			ties_marker *m = ties__vec_push(&mk);
			if (!m) {
				rc = TIES_ERR_NOMEM;
				goto done;
			}
			m->number = p->number;
			m->start = p->start;
			m->end = p->end;
			m->sentence = s0;
			for (size_t s = s0; s < sents.len; s++) {
				ties_sentence *st = &TIES_VEC_AT(&sents, ties_sentence, s);
				if (p->start >= st->start && p->start < st->end + 1) {
					m->sentence = s;
					break;
				}
				if (st->start > p->start)
					break;
				m->sentence = s;
			}
		}
	}
	if (text.len && (rc = ties_buf_addc(&text, '\n')))
		goto done;

	/* Copy into the document's arena. */
	ties_arena *A = doc->arena;
	doc->len = text.len;
	doc->text = ties__arena_strndup(A, text.data ? text.data : "", text.len);
	doc->nblocks = blocks.len;
	doc->blocks = ties__arena_array(A, blocks.len, sizeof(ties_block));
	doc->nsentences = sents.len;
	doc->sentences = ties__arena_array(A, sents.len, sizeof(ties_sentence));
	doc->nmarkers = mk.len;
	doc->markers = ties__arena_array(A, mk.len, sizeof(ties_marker));
	doc->nartifacts = bl->artifacts.len;
	doc->artifacts = ties__arena_array(A, bl->artifacts.len, sizeof(ties_artifact));
	if (!doc->text || !doc->blocks || !doc->sentences || !doc->markers || !doc->artifacts) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	if (blocks.len)
		memcpy(doc->blocks, blocks.data, blocks.len * sizeof(ties_block));
	if (sents.len)
		memcpy(doc->sentences, sents.data, sents.len * sizeof(ties_sentence));
	if (mk.len)
		memcpy(doc->markers, mk.data, mk.len * sizeof(ties_marker));
	for (size_t i = 0; i < bl->artifacts.len; i++) {
		ties_artifact a = TIES_VEC_AT(&bl->artifacts, ties_artifact, i);
		a.text = ties__arena_strdup(A, a.text);
		if (!a.text) {
			rc = TIES_ERR_NOMEM;
			goto done;
		}
		doc->artifacts[i] = a;
	}
	doc->repaired = bl->repaired;
	doc->title = "";
	for (size_t i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].kind == TIES_BLOCK_TITLE) {
			doc->title = ties__arena_strndup(A, doc->text + doc->blocks[i].start,
			                                 doc->blocks[i].end - doc->blocks[i].start);
			if (!doc->title)
				rc = TIES_ERR_NOMEM;
			break;
		}

done:
	ties__free(kinds);
	ties__free(note_no);
	ties__free(note_skip);
	ties_buf_release(&text);
	ties__vec_release(&cands);
	ties__vec_release(&blocks);
	ties__vec_release(&sents);
	ties__vec_release(&pm);
	ties__vec_release(&mk);
	if (rc)
		return ties__error(err, rc, "'%s': out of memory while building the document",
		                   doc->source);
	return TIES_OK;
}

/* ---- line joining ------------------------------------------------------ */

static int word_before_hyphen(const char *s, size_t n, size_t *ws)
{
	/* s ends with "-"; the word before it */
	size_t i = n - 1;
	while (i > 0) {
		int32_t cp;
		size_t k = prev_cp(s, i, &cp);
		if (!ties__is_letter(cp))
			break;
		i -= k;
	}
	*ws = i;
	return i < n - 1;
}

/* A word of five letters or more ending in "ed" or "ing". */
static int participle(const char *s, size_t n)
{
	return n >= 5 && ((s[n - 2] == 'e' && s[n - 1] == 'd') ||
	                  (s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g'));
}

/* An em or en dash (U+2014, U+2013) that the line sets close to its word on
 * one side ("freedom—" or "—symbolizing") is set close on the other side
 * too: the line break at it takes no blank.  A dash with a blank beside it
 * in its line ("war —", "— and") keeps the blank. */
static int is_dash(const char *s)
{
	return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	       ((unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93);
}

static int dash_joins(const char *o, size_t ol, const char *t, size_t len)
{
	if (ol >= 4 && is_dash(o + ol - 3) && o[ol - 4] != ' ')
		return len > 0 && t[0] != ' ';
	return len >= 4 && is_dash(t) && t[3] != ' ';
}

void ties__collapse_blanks(ties_buf *b)
{
	size_t o = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (b->data[i] == ' ' && o > 0 && b->data[o - 1] == ' ')
			continue;
		b->data[o++] = b->data[i];
	}
	while (o && b->data[o - 1] == ' ')
		o--;
	b->len = o;
}

ties_code ties__join_lines(ties_buf *out, const ties__line *lines, size_t n,
                           const ties__vocab *vocab)
{
	for (size_t i = 0; i < n; i++) {
		const char *t = lines[i].text;
		size_t len = lines[i].len;
		if (i > 0 && out->len > 0) {
			const char *o = out->data;
			size_t ol = out->len;
			int32_t first = 0;
			if (len)
				ties__utf8_decode(t, len, &first);
			size_t ws;
			if (ol >= 2 && o[ol - 1] == '-' && word_before_hyphen(o, ol, &ws) &&
			    ties__is_letter(first)) {
				/* a line-end hyphen: keep it for compounds the document (or
				 * the dictionary) shows hyphenated, or before a capital */
				size_t we = 0;
				while (we < len) {
					int32_t cp;
					size_t k = ties__utf8_decode(t + we, len - we, &cp);
					if (!ties__is_letter(cp))
						break;
					we += k;
				}
				/* a capital after the hyphen keeps it ("Anglo-" "Saxon"),
				 * unless both halves are set in capitals ("ENLARGE-"
				 * "MENT"): then the document or the dictionary must show
				 * the joined word */
				int caps = ties__is_upper(first) &&
				           ties__is_caps_word(o + ws, ol - 1 - ws) &&
				           ties__is_caps_word(t, we);
				int keep = ties__is_upper(first) && !(caps && vocab);
				/* a short infix of a compound after it ("Stratford-" "on-Avon",
				 * "mother-" "in-law"): no syllable break leaves a tail of one
				 * or two letters that a hyphen goes on from */
				int32_t after = 0;
				if (we <= 2 && we + 1 < len && t[we] == '-')
					ties__utf8_decode(t + we + 1, len - we - 1, &after);
				if (ties__is_letter(after))
					keep = 1;
				/* the last part of a compound ("brother-in-" "law",
				 * "state-of-the-" "art"): typesetters break a word that
				 * holds a hyphen only at its hyphens */
				if (ws >= 2 && o[ws - 1] == '-' && o[ws - 2] != '-' &&
				    o[ws - 2] != ' ')
					keep = 1;
				if (!keep && vocab) {
					size_t a = ol - 1 - ws;
					char *joined = ties__malloc(a + we + 2);
					if (!joined)
						return TIES_ERR_NOMEM;
					memcpy(joined, o + ws, a);
					memcpy(joined + a, t, we);
					size_t jl = a + we;
					unsigned jc = ties__vocab_doc_count(vocab, joined, jl);
					/* the dictionary only when the counts leave it open
					 * (its look-ups cost the most) */
					int jdict =
					    !jc && a > 2 && ties__vocab_in_dict(vocab, joined, jl);
					int jd = jdict && we > 2;
					memcpy(joined, o + ws, a + 1); /* with the hyphen */
					memcpy(joined + a + 1, t, we);
					unsigned hc = ties__vocab_doc_count(vocab, joined, jl + 1);
					ties__free(joined);
					if (hc > jc)
						keep = 1;
					else if (caps)
						/* capitals join only on evidence: "IRGC-QF" */
						keep = !jd && !jc;
					/* both halves words, the joined word none; so
					 * too for a tail of one or two letters: a word
					 * where a hyphen stands for a dash ("now-" "as
					 * well", "man-" "is"), a syllable where the joined
					 * word is one ("fin-" "al"); a head that short is
					 * more often a prefix ("un-" "governed") */
					else if (!jdict && !jc && a > 2 &&
					         ties__vocab_in_dict(vocab, o + ws, a) &&
					         ties__vocab_in_dict(vocab, t, we))
						keep = 1;
					else if (!jd && !jc && a > 2 &&
					         ties__starts_upper(o + ws, a) &&
					         participle(t, we) &&
					         ties__vocab_in_dict(vocab, t, we))
						/* a name before a participle ("Misrata-" "based",
						 * "Salafi-" "leaning"): a compound; a name's own
						 * tail seldom is one ("Naga-" "land") */
						keep = 1;
				}
				if (!keep)
					out->len--; /* drop the hyphen, join the halves */
			} else if (o[ol - 1] != ' ' && !dash_joins(o, ol, t, len)) {
				if (ties_buf_addc(out, ' '))
					return TIES_ERR_NOMEM;
			}
		}
		if (ties_buf_add(out, t, len))
			return TIES_ERR_NOMEM;
	}
	return TIES_OK;
}
