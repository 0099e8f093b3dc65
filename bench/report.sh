#!/bin/sh
# Gathers the per-area results (bench/results/*.md, each written by its own
# bench script) into bench/RESULTS.md.  Run a bench script first, e.g.
#   sh bench/read-text.sh && sh bench/report.sh
cd "$(dirname "$0")" || exit 1
{
  echo "# Benchmark results"
  echo
  echo "Each section was written by the script it names, on the machine and date it gives;"
  echo "peers run side by side on the same input. Regenerate a section by running its script,"
  echo "then this one."
  for f in results/*.md; do
    [ -f "$f" ] || continue
    echo
    # each area file starts with a level-1 heading; nest it under this page
    sed 's/^#/##/' "$f"
  done
} > RESULTS.md
echo "wrote bench/RESULTS.md"
