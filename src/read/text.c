/* Text reader: splits input into lines and groups them into blocks.
 * Clean text (paragraphs separated by blank lines) passes through as is. */
#include <string.h>

#include "read_int.h"

/* Splits data into trimmed lines; blank lines set BLANK_BEFORE on the next. */
static ties_code split_lines(const char *data, size_t len, ties_vec *lines)
{
	size_t i = 0;
	unsigned lineno = 0;
	unsigned pending = TIES__L_BLANK_BEFORE;
	while (i < len) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		lineno++;
		size_t s = i, t = e;
		while (s < t && (data[s] == ' ' || data[s] == '\t' || data[s] == '\f'))
			s++;
		while (t > s && (data[t - 1] == ' ' || data[t - 1] == '\t' || data[t - 1] == '\f'))
			t--;
		if (t == s) {
			pending |= TIES__L_BLANK_BEFORE;
		} else {
			ties__line *l = ties__vec_push(lines);
			if (!l)
				return TIES_ERR_NOMEM;
			l->text = data + s;
			l->len = t - s;
			l->lineno = lineno;
			l->flags = pending;
			pending = 0;
		}
		i = e + 1;
	}
	return TIES_OK;
}

static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == '"' || s[n - 1] == ')' || (s[n - 1] >= '0' && s[n - 1] <= '9')))
		n--;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':' ||
	             s[n - 1] == ';' || s[n - 1] == ',');
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

ties_code ties__read_text(ties_doc *doc, const char *data, size_t len, const ties_read_opts *opts,
                          ties__blocks *bl, ties_error *err)
{
	(void)opts;
	ties_vec lines;
	ties__vec_init(&lines, sizeof(ties__line));
	ties__vocab *vocab = ties__vocab_new();
	ties_buf para;
	ties_buf_init(&para, 0);
	ties_code rc = vocab ? split_lines(data, len, &lines) : TIES_ERR_NOMEM;
	if (!rc)
		rc = ties__vocab_add_text(vocab, data, len);
	ties__line *L = lines.data;
	size_t n = lines.len, i = 0;
	int first = 1;
	while (!rc && i < n) {
		size_t j = i + 1;
		while (j < n && !(L[j].flags & TIES__L_BLANK_BEFORE))
			j++;
		if (j == i + 1 && all_digits(L[i].text, L[i].len) && L[i].len <= 4) {
			rc = ties__blocks_artifact(bl, "page-number", L[i].lineno, 0, L[i].text, L[i].len);
			i = j;
			continue;
		}
		ties_buf_clear(&para);
		rc = ties__join_lines(&para, L + i, j - i, vocab);
		if (rc)
			break;
		ties_block_kind kind = TIES_BLOCK_PARAGRAPH;
		if (j == i + 1 && para.len < 160 && !ends_sentence(para.data, para.len))
			kind = first ? TIES_BLOCK_TITLE : TIES_BLOCK_HEADING;
		rc = ties__blocks_add(bl, kind, para.data ? para.data : "", para.len);
		first = 0;
		i = j;
	}
	ties_buf_release(&para);
	ties__vocab_free(vocab);
	ties__vec_release(&lines);
	if (rc)
		return ties__error(err, rc, "'%s': out of memory", doc->source);
	return TIES_OK;
}
