/* ties: evidence-backed link graphs from analytical reports.
 * Umbrella header; each stage has its own header with its ownership rules. */
#ifndef TIES_TIES_H
#define TIES_TIES_H

#include "common.h"
#include "doc.h"
#include "export.h"
#include "extract.h"
#include "graph.h"
#include "query.h"
#include "store.h"

#endif
