/* The `ties extract --json` contract (docs/extract.md). */
#include "extract/extract_int.h"

static ties_code span_list(ties_buf *out, const ties_span *s, size_t n)
{
	ties_code rc = ties_buf_addc(out, '[');
	for (size_t i = 0; i < n && !rc; i++)
		rc = ties_buf_printf(out, "%s[%zu,%zu]", i ? "," : "", s[i].start, s[i].end);
	return rc ? rc : ties_buf_addc(out, ']');
}

ties_code ties_extraction_write_json(const ties_extraction *x, ties_buf *out)
{
	const ties_doc *d = x->doc;
	ties_code rc = ties_buf_adds(out, "{\"document\":{\"title\":");
	rc = rc ? rc : ties__json_cstr(out, d->title);
	rc = rc ? rc : ties_buf_adds(out, ",\"source\":");
	rc = rc ? rc : ties__json_cstr(out, d->source);
	rc = rc ? rc : ties_buf_printf(out, ",\"sha256\":\"%s\"},\n\"entities\":[", d->sha256);
	for (size_t i = 0; i < x->nentities && !rc; i++) {
		const ties_entity *e = &x->entities[i];
		rc = ties_buf_printf(out, "%s\n{\"id\":\"%s\",\"name\":", i ? "," : "", e->id);
		rc = rc ? rc : ties__json_cstr(out, e->name);
		rc = rc ? rc
		        : ties_buf_printf(out, ",\"type\":\"%s\",\"aliases\":[",
		                          ties_entity_type_name(e->type));
		for (size_t k = 0; k < e->naliases && !rc; k++) {
			rc = k ? ties_buf_addc(out, ',') : TIES_OK;
			rc = rc ? rc : ties__json_cstr(out, e->aliases[k]);
		}
		rc = rc ? rc : ties_buf_adds(out, "],\"mentions\":");
		rc = rc ? rc : span_list(out, e->mentions, e->nmentions);
		if (!rc && e->country[0]) {
			rc = ties_buf_adds(out, ",\"country\":");
			rc = rc ? rc : ties__json_str(out, e->country, e->country[1] ? 2 : 1);
		}
		if (!rc && e->has_coords)
			rc = ties_buf_printf(out, ",\"lat\":%.4f,\"lon\":%.4f", e->lat, e->lon);
		if (!rc && e->wordnet) {
			rc = ties_buf_adds(out, ",\"wordnet\":");
			rc = rc ? rc : ties__json_cstr(out, e->wordnet);
		}
		rc = rc ? rc : ties_buf_addc(out, '}');
	}
	rc = rc ? rc : ties_buf_adds(out, "],\n\"relations\":[");
	for (size_t i = 0; i < x->nrelations && !rc; i++) {
		const ties_relation *r = &x->relations[i];
		rc = ties_buf_printf(
		    out, "%s\n{\"source\":\"%s\",\"target\":\"%s\",\"type\":", i ? "," : "",
		    x->entities[r->source].id, x->entities[r->target].id);
		rc = rc ? rc : ties__json_cstr(out, r->type);
		rc = rc ? rc : ties_buf_adds(out, ",\"evidence\":{\"text\":");
		rc = rc ? rc
		        : ties__json_str(out, d->text + r->evidence.start,
		                         r->evidence.end - r->evidence.start);
		rc = rc ? rc
		        : ties_buf_printf(out, ",\"start\":%zu,\"end\":%zu},\"notes\":[",
		                          r->evidence.start, r->evidence.end);
		for (size_t k = 0; k < r->nnotes && !rc; k++)
			rc = ties_buf_printf(out, "%s%d", k ? "," : "", r->notes[k]);
		rc = rc ? rc : ties_buf_addc(out, ']');
		/* the text of each note, when the document has a notes section */
		int any = 0;
		for (size_t k = 0; k < r->nnotes && !rc; k++) {
			size_t nl;
			const char *nt = ties_doc_note(d, r->notes[k], &nl);
			if (!nt)
				continue;
			rc = ties_buf_adds(out, any ? "," : ",\"note_texts\":{");
			rc = rc ? rc : ties_buf_printf(out, "\"%d\":", r->notes[k]);
			rc = rc ? rc : ties__json_str(out, nt, nl);
			any = 1;
		}
		if (any && !rc)
			rc = ties_buf_addc(out, '}');
		rc = rc ? rc
		        : ties_buf_printf(
		              out, ",\"hedge\":\"%s\",\"confidence\":%d,\"negated\":%s,\"date\":",
		              ties_hedge_name(r->hedge), ties_hedge_confidence(r->hedge),
		              r->negated ? "true" : "false");
		rc = rc ? rc : ties__json_cstr(out, r->date);
		rc = rc ? rc : ties_buf_adds(out, ",\"trigger\":");
		rc = rc ? rc : ties__json_cstr(out, r->trigger);
		rc = rc ? rc : ties_buf_addc(out, '}');
	}
	return rc ? rc : ties_buf_adds(out, "]}\n");
}
