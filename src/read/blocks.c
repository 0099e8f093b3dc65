/* The block list readers hand to the builder. */
#include <string.h>

#include "read_int.h"

void ties__blocks_init(ties__blocks *bl)
{
	memset(bl, 0, sizeof *bl);
	ties__vec_init(&bl->blocks, sizeof(ties__block));
	ties__vec_init(&bl->artifacts, sizeof(ties_artifact));
}

void ties__blocks_release(ties__blocks *bl)
{
	for (size_t i = 0; i < bl->blocks.len; i++) {
		ties__block *b = &TIES_VEC_AT(&bl->blocks, ties__block, i);
		ties__free(b->text);
		ties__free(b->marks);
	}
	for (size_t i = 0; i < bl->artifacts.len; i++)
		ties__free((char *)TIES_VEC_AT(&bl->artifacts, ties_artifact, i).text);
	ties__vec_release(&bl->blocks);
	ties__vec_release(&bl->artifacts);
}

ties_code ties__blocks_add(ties__blocks *bl, ties_block_kind kind, const char *text, size_t len)
{
	char *t = ties__strndup(text, len);
	if (!t)
		return TIES_ERR_NOMEM;
	ties__block *b = ties__vec_push(&bl->blocks);
	if (!b) {
		ties__free(t);
		return TIES_ERR_NOMEM;
	}
	b->kind = kind;
	b->text = t;
	b->len = len;
	return TIES_OK;
}

ties_code ties__blocks_artifact(ties__blocks *bl, const char *kind, unsigned line, unsigned page,
                                const char *text, size_t len)
{
	char *t = ties__strndup(text, len);
	if (!t)
		return TIES_ERR_NOMEM;
	ties_artifact *a = ties__vec_push(&bl->artifacts);
	if (!a) {
		ties__free(t);
		return TIES_ERR_NOMEM;
	}
	a->kind = kind;
	a->line = line;
	a->page = page;
	a->text = t;
	return TIES_OK;
}
