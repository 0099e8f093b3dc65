/* Names of entity types and hedge levels, and the ICD-203 confidence map. */
#include <string.h>

#include "ties/extract.h"

static const char *const type_names[] = {"person",   "organization", "location",
                                         "facility", "event",        "other"};

const char *ties_entity_type_name(ties_entity_type t)
{
	return (unsigned)t < sizeof type_names / sizeof *type_names ? type_names[t] : "other";
}

int ties_entity_type_parse(const char *s, ties_entity_type *t)
{
	for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (strcmp(s, type_names[i]) == 0) {
			*t = (ties_entity_type)i;
			return 0;
		}
	return -1;
}

static const struct {
	const char *name;
	int confidence; /* STIX 2.1 confidence, 0-100 */
} hedges[] = {
    [TIES_HEDGE_ASSERTED] = {"asserted", 85}, [TIES_HEDGE_ALMOST_CERTAIN] = {"almost-certain", 95},
    [TIES_HEDGE_LIKELY] = {"likely", 70},     [TIES_HEDGE_REPORTED] = {"reported", 60},
    [TIES_HEDGE_ALLEGED] = {"alleged", 45},   [TIES_HEDGE_POSSIBLE] = {"possible", 35},
    [TIES_HEDGE_UNLIKELY] = {"unlikely", 15},
};

const char *ties_hedge_name(ties_hedge h)
{
	return (unsigned)h < sizeof hedges / sizeof *hedges ? hedges[h].name : "asserted";
}

int ties_hedge_confidence(ties_hedge h)
{
	return (unsigned)h < sizeof hedges / sizeof *hedges ? hedges[h].confidence : 50;
}
