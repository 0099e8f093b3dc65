/* The document model as JSON (docs/json.md). */
#include "read_int.h"

static const char *kind_name(ties_block_kind k)
{
	switch (k) {
	case TIES_BLOCK_TITLE: return "title";
	case TIES_BLOCK_HEADING: return "heading";
	case TIES_BLOCK_PARAGRAPH: return "paragraph";
	case TIES_BLOCK_NOTES_HEADING: return "notes-heading";
	case TIES_BLOCK_NOTE: return "note";
	}
	return "paragraph";
}

ties_code ties_doc_write_json(const ties_doc *d, ties_buf *b)
{
	ties_code rc = ties_buf_adds(b, "{\"source\":");
	rc = rc ? rc : ties__json_cstr(b, d->source);
	rc = rc ? rc
	        : ties_buf_printf(b, ",\"sha256\":\"%s\",\"input\":\"%s\",\"repaired\":%s",
	                          d->sha256, d->input_kind == TIES_INPUT_PDF ? "pdf" : "text",
	                          d->repaired ? "true" : "false");
	if (!rc && d->input_kind == TIES_INPUT_PDF)
		rc = ties_buf_printf(b, ",\"pages\":%u", d->pages);
	rc = rc ? rc : ties_buf_adds(b, ",\"title\":");
	rc = rc ? rc : ties__json_cstr(b, d->title);
	rc = rc ? rc : ties_buf_adds(b, ",\"text\":");
	rc = rc ? rc : ties__json_str(b, d->text, d->len);
	rc = rc ? rc : ties_buf_adds(b, ",\n\"blocks\":[");
	for (size_t i = 0; !rc && i < d->nblocks; i++) {
		const ties_block *k = &d->blocks[i];
		rc = ties_buf_printf(b, "%s\n{\"kind\":\"%s\",\"start\":%zu,\"end\":%zu",
		                     i ? "," : "", kind_name(k->kind), k->start, k->end);
		if (!rc && k->kind == TIES_BLOCK_NOTE)
			rc = ties_buf_printf(b, ",\"number\":%d", k->note_number);
		rc = rc ? rc : ties_buf_addc(b, '}');
	}
	rc = rc ? rc : ties_buf_adds(b, "],\n\"sentences\":[");
	for (size_t i = 0; !rc && i < d->nsentences; i++)
		rc = ties_buf_printf(b, "%s\n{\"start\":%zu,\"end\":%zu,\"block\":%zu}",
		                     i ? "," : "", d->sentences[i].start, d->sentences[i].end,
		                     d->sentences[i].block);
	rc = rc ? rc : ties_buf_adds(b, "],\n\"markers\":[");
	for (size_t i = 0; !rc && i < d->nmarkers; i++) {
		const ties_marker *m = &d->markers[i];
		rc = ties_buf_printf(
		    b,
		    "%s\n{\"number\":%d,\"start\":%zu,\"end\":%zu,\"sentence\":%zu,"
		    "\"sentence_start\":%zu}",
		    i ? "," : "", m->number, m->start, m->end, m->sentence,
		    m->sentence < d->nsentences ? d->sentences[m->sentence].start : 0);
	}
	rc = rc ? rc : ties_buf_adds(b, "],\n\"notes\":[");
	int first = 1;
	for (size_t i = 0; !rc && i < d->nblocks; i++) {
		const ties_block *k = &d->blocks[i];
		if (k->kind != TIES_BLOCK_NOTE)
			continue;
		rc = ties_buf_printf(b, "%s\n{\"number\":%d,\"start\":%zu,\"end\":%zu}",
		                     first ? "" : ",", k->note_number, k->start, k->end);
		first = 0;
	}
	rc = rc ? rc : ties_buf_adds(b, "],\n\"artifacts\":[");
	for (size_t i = 0; !rc && i < d->nartifacts; i++) {
		const ties_artifact *a = &d->artifacts[i];
		rc = ties_buf_printf(b, "%s\n{\"kind\":\"%s\",\"line\":%u", i ? "," : "", a->kind,
		                     a->line);
		if (!rc && a->page)
			rc = ties_buf_printf(b, ",\"page\":%u", a->page);
		rc = rc ? rc : ties_buf_adds(b, ",\"text\":");
		rc = rc ? rc : ties__json_cstr(b, a->text);
		rc = rc ? rc : ties_buf_addc(b, '}');
	}
	rc = rc ? rc : ties_buf_adds(b, "]}\n");
	return rc;
}
