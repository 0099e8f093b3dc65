/* Paragraphs from lines in reading order.  A paragraph ends at a line that
 * ends a sentence and stops short of the full width (the scraps of an
 * exploded justified line count as one line); a short line without final
 * punctuation between two such ends is a heading; in the notes section each
 * line opening with the next note number starts a note. */
#include <stdlib.h>
#include <string.h>

#include "repair.h"

static int opens_block(const char *s, size_t n)
{
	int32_t cp = 0;
	if (n)
		ties__utf8_decode(s, n, &cp);
	return ties__is_upper(cp) || ties__is_digit(cp) || cp == '"' || cp == '(' || cp == '[' ||
	       cp == 0x201C || cp == 0x2018;
}

/* What may follow a heading: a block's start, or a list item (any bullet
 * ties__bullet knows, then a blank). */
static int opens_section(const char *s, size_t n)
{
	return ties__bullet(s, n) || opens_block(s, n);
}

static int ends_punct(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return 0;
	char c = s[n - 1];
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '-' ||
	       ties__ends_sentence(s, n);
}

/* Leading note number ("12 ", "12. ", "[12] "), or 0. */
static int lead_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '[')
		i++;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - d < 4)
		i++;
	if (i == d || i - d > 3)
		return 0;
	int v = atoi(s + d);
	if (i < n && (s[i] == '.' || s[i] == ']' || s[i] == ')'))
		i++;
	return i < n && s[i] == ' ' ? v : 0;
}

/* A scrap of a cut line; where boxes hold paragraphs, a box of one short
 * line is none (a heading, a paragraph's last line cut from it). */
static int is_frag(const ties__line *l, const ties__layout *lay)
{
	const unsigned box = TIES__L_BLANK_BEFORE | TIES__L_BOXEND;
	return (l->flags & TIES__L_FRAG) && !(lay->boxed && (l->flags & box) == box);
}

/* A piece of w characters still fits in a row already run characters wide
 * (a column's lines may stretch a tenth over the typical width). */
static int row_fits(size_t run, size_t w, size_t width)
{
	return (run + 1 + w) * 10 <= width * 11;
}

/* A numbered heading in capitals ("2. LEADERSHIP", "3.1 FINANCES"): no
 * piece of a cut line looks so, however short. */
static int numbered_caps(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 6 && ((s[i] >= '0' && s[i] <= '9') || (i > 0 && s[i] == '.')))
		i++;
	if (i == 0 || i >= n || s[i] != ' ' || !(s[0] >= '0' && s[0] <= '9'))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i < n && ties__is_caps_word(s + i, n - i);
}

/* A heading's shape: opens a block, no final punctuation, a few words, well
 * under a line. */
static int heading_shape(const ties__line *l, const ties__layout *lay)
{
	size_t w = ties__line_width(l->text, l->len);
	return opens_block(l->text, l->len) && !ends_punct(l->text, l->len) &&
	       ties__rp_words(l->text, l->len) <= 10 && (!lay->width || w * 10 < lay->width * 6);
}

static int heading_like(const ties__line *l, const ties__layout *lay)
{
	if (is_frag(l, lay) && !numbered_caps(l->text, l->len) && !(l->flags & TIES__L_HEADPAIR))
		return 0;
	return heading_shape(l, lay);
}

/* s[0..n) holds a letter: no bare number ("4.", "2"). */
static int lettered(const char *s, size_t n)
{
	for (size_t k = 0; k < n;) {
		int32_t cp = 0;
		size_t step = ties__utf8_decode(s + k, n - k, &cp);
		if (ties__is_letter(cp))
			return 1;
		k += step ? step : 1;
	}
	return 0;
}

/* A scrap (a short box of its own) that is a heading: the line before ends
 * a sentence (a paragraph's last, a scrap itself where it is short), the
 * line after is whole and opens a section.  The words of an exploded row
 * stand beside other scraps, or run on in lowercase; a note's number and
 * its first words are no heading either ("4." + "Kessler", "2"). */
static int scrap_heading(const ties__line *const *P, size_t n, size_t i, const ties__layout *lay)
{
	if (i + 1 >= n || !lay->width)
		return 0;
	const ties__line *p = P[i - 1], *l = P[i], *x = P[i + 1];
	/* where the extractor marks its cuts, a scrap that ends its row is a
	 * row of its own: the line after may be a cut row's first piece */
	int whole = lay->cuts && !(l->flags & TIES__L_CUT);
	if (!(l->flags & TIES__L_BLANK_BEFORE) || !(x->flags & TIES__L_BLANK_BEFORE) ||
	    (is_frag(x, lay) && !whole))
		return 0;
	/* not before a number: a date's year runs on from its row's first
	 * piece ("In February" + "2023 gunmen") */
	int32_t cp = 0;
	if (x->len)
		ties__utf8_decode(x->text, x->len, &cp);
	/* a heading in capitals that goes on in the line after ("FISCAL" +
	 * "CONDITION Our main ...") is no whole heading */
	size_t w = 0;
	while (w < x->len && x->text[w] != ' ')
		w++;
	if (ties__is_caps_word(l->text, l->len) && ties__is_caps_word(x->text, w))
		return 0;
	return heading_shape(l, lay) && ties__ends_sentence(p->text, p->len) &&
	       lettered(p->text, p->len) && lettered(l->text, l->len) &&
	       opens_section(x->text, x->len) && !ties__is_digit(cp);
}

/* "AlNoor", "alRashid": a hyphen lost where a line break was joined
 * without it.  A lowercase letter followed by a capital inside a word gets
 * the hyphen back when the document writes that hyphenated form elsewhere
 * more often than the joined one. */
static ties_code restore_hyphens(ties_buf *b, const ties__vocab *vocab, ties_buf *tmp)
{
	if (!vocab || !b->len)
		return TIES_OK;
	ties_buf_clear(tmp);
	size_t i = 0, n = b->len;
	const char *s = b->data;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != ' ')
			e++;
		size_t cut = 0;
		for (size_t k = i + 1; k < e; k++)
			if (s[k - 1] >= 'a' && s[k - 1] <= 'z' && s[k] >= 'A' && s[k] <= 'Z') {
				cut = k;
				break;
			}
		if (cut) {
			/* the word's letters around the cut */
			size_t ws = i, we = e;
			while (ws < cut && !((s[ws] | 32) >= 'a' && (s[ws] | 32) <= 'z'))
				ws++;
			while (we > cut && !((s[we - 1] | 32) >= 'a' && (s[we - 1] | 32) <= 'z'))
				we--;
			char w[128];
			if (we - ws + 1 < sizeof w) {
				memcpy(w, s + ws, cut - ws);
				w[cut - ws] = '-';
				memcpy(w + (cut - ws) + 1, s + cut, we - cut);
				unsigned hc = ties__vocab_doc_count(vocab, w, we - ws + 1);
				unsigned jc = ties__vocab_doc_count(vocab, s + ws, we - ws);
				if (hc == 0 || hc <= jc)
					cut = 0;
			} else {
				cut = 0;
			}
		}
		if (cut) {
			if (ties_buf_add(tmp, s + i, cut - i) || ties_buf_addc(tmp, '-') ||
			    ties_buf_add(tmp, s + cut, e - cut))
				return TIES_ERR_NOMEM;
		} else if (ties_buf_add(tmp, s + i, e - i)) {
			return TIES_ERR_NOMEM;
		}
		if (e < n && ties_buf_addc(tmp, ' '))
			return TIES_ERR_NOMEM;
		i = e + 1;
	}
	ties_buf_clear(b);
	return ties_buf_add(b, tmp->data ? tmp->data : "", tmp->len);
}

ties_code ties__build_paras(const ties__line *const *P, size_t n, const ties__layout *lay,
                            const ties__vocab *vocab, ties__blocks *bl)
{
	ties_code rc = TIES_OK;
	unsigned char *brk = ties__calloc(n + 1, 1); /* 1: break before, 2: heading */
	ties__line *tmp = ties__reallocarray(NULL, n ? n : 1, sizeof *tmp);
	ties_buf para, tmp2;
	ties_buf_init(&para, 0);
	ties_buf_init(&tmp2, 0);
	if (!brk || !tmp) {
		rc = TIES_ERR_NOMEM;
		goto done;
	}
	/* width of the visual line ending at each line: scraps add up */
	size_t run = 0;
	int in_notes = 0, last_note = 0, in_head = 0;
	for (size_t i = 0; i < n; i++) {
		const ties__line *l = P[i];
		size_t w = ties__line_width(l->text, l->len);
		if (i == 0) {
			brk[i] = 1;
		} else if (l->flags & TIES__L_TITLE_CONT) {
			brk[i] = 0; /* joins the title line before it */
		} else if (l->flags & (TIES__L_HEADING | TIES__L_PARA_START)) {
			brk[i] = 1;
		} else if (in_notes && lead_number(l->text, l->len) == last_note + 1) {
			brk[i] = 1;
		} else if (!is_frag(l, lay) || numbered_caps(l->text, l->len) ||
		           (l->flags & TIES__L_HEADPAIR)) {
			const ties__line *p = P[i - 1];
			int term = ties__ends_sentence(p->text, p->len);
			/* the open rest of a row that a scrap opened ("tional
			 * economy." then "I favor as a practical policy"): no new
			 * paragraph; a full line, or a short one that ends a
			 * sentence ("Crises there will continue to be."), opens one */
			int rest = is_frag(p, lay) && lay->width && row_fits(run, w, lay->width) &&
			           w * 10 < lay->width * 8 && !ties__ends_sentence(l->text, l->len);
			if (term && opens_block(l->text, l->len) && !rest &&
			    (!lay->width || run * 10 < lay->width * 8))
				brk[i] = 1;
			/* boxes that hold paragraphs: a box's last line ending a
			 * sentence, then a box's first line */
			if (lay->boxed && term && (p->flags & TIES__L_BOXEND) &&
			    (l->flags & TIES__L_BLANK_BEFORE) && opens_block(l->text, l->len))
				brk[i] = 1;
			if (in_head)
				brk[i] = 1;
			if (!in_head && heading_like(l, lay) &&
			    (term || brk[i - 1] || (p->flags & TIES__L_HEADING)) &&
			    (i + 1 >= n || opens_section(P[i + 1]->text, P[i + 1]->len)))
				brk[i] = 3;
		} else if (in_head && (numbered_caps(P[i - 1]->text, P[i - 1]->len) ||
		                       is_frag(P[i - 1], lay))) {
			brk[i] = 1; /* such a heading is a line of its own */
		} else if (scrap_heading(P, n, i, lay)) {
			brk[i] = 3;
		}
		if ((l->flags & TIES__L_HEADING) || ties__is_notes_heading(l->text, l->len))
			brk[i] |= 3;
		/* a heading block (with a title's continuation lines) ends at the
		 * next line that is not such a continuation */
		if (brk[i])
			in_head = (brk[i] & 2) != 0;
		/* a scrap that would make its row wider than a column opens a
		 * row of its own (a paragraph's one-word last line) */
		run = is_frag(l, lay) && i > 0 && (!lay->width || row_fits(run, w, lay->width))
		          ? run + 1 + w
		          : w;
		if (brk[i] & 2) {
			if (ties__is_notes_heading(l->text, l->len)) {
				in_notes = 1;
				last_note = 0;
			} else {
				in_notes = 0;
			}
		} else if (in_notes && brk[i]) {
			int v = lead_number(l->text, l->len);
			if (v)
				last_note = v;
		}
	}
	for (size_t i = 0; i < n && !rc;) {
		size_t j = i + 1;
		while (j < n && !brk[j])
			j++;
		for (size_t k = i; k < j; k++)
			tmp[k - i] = *P[k];
		ties_buf_clear(&para);
		rc = ties__join_lines(&para, tmp, j - i, vocab);
		if (rc)
			break;
		ties__collapse_blanks(&para);
		rc = restore_hyphens(&para, vocab, &tmp2);
		if (rc)
			break;
		ties_block_kind kind = TIES_BLOCK_PARAGRAPH;
		if (brk[i] & 2)
			kind = bl->blocks.len == 0 ? TIES_BLOCK_TITLE : TIES_BLOCK_HEADING;
		else if (bl->blocks.len == 0 && para.len < 160 && !ends_punct(para.data, para.len))
			kind = TIES_BLOCK_TITLE;
		if (para.len)
			rc = ties__blocks_add(bl, kind, para.data, para.len);
		i = j;
	}
done:
	ties_buf_release(&para);
	ties_buf_release(&tmp2);
	ties__free(brk);
	ties__free(tmp);
	return rc;
}
