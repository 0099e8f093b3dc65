/* mkbg: saves the text repair's background tables (word and word-pair
 * counts of the WordNet glosses and the GCIDE dictionary, WordNet's parts
 * of speech; see src/read/lm.c) at make time, so that `ties` maps them
 * instead of counting the corpora in every process.
 *
 * usage: mkbg OUT */
#include <stdio.h>
#include <stdlib.h>

#include "read/repair.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkbg OUT\n");
		return 2;
	}
	/* count afresh: never map the file about to be written */
	setenv("TIES_BGCACHE", "", 1);
	if (ties__lm_bg_save(argv[1])) {
		fprintf(stderr, "mkbg: cannot write '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
