/* ties: evidence-backed link graphs from analytical reports.
 * Umbrella header; each stage has its own header with its ownership rules. */
#ifndef TIES_TIES_H
#define TIES_TIES_H

#include "common.h"
#include "doc.h"
#include "extract.h"
#include "graph.h"
#include "store.h"
#include "query.h"
#include "export.h"

#endif
