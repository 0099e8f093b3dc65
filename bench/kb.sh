#!/bin/sh
# Knowledge base benchmark (results: bench/results/kb.md).
#  1. `ties add` of a generated corpus of report files (read + extract +
#     store, one core): documents/s (median of runs) and database size;
#  2. a knowledge base of >= 1,000,000 relations bulk-loaded through the
#     ingest API (bench/kbgen.c), then p50/p99 latency of path and neighbors
#     over random pairs, side by side with networkx on the same graph and
#     pairs, and the wall time of whole `ties path` processes.
# Sizes: KB_DOCS (10000), KB_RUNS (3), KB_RELS (1000000), KB_BULK_DOCS
# (10000), KB_ENTS (100000), KB_PAIRS (1000), KB_CLI (100).
# Usage: sh bench/kb.sh [BUILD_DIR]   (default build-bench)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-bench}
DOCS=${KB_DOCS:-10000}
RUNS=${KB_RUNS:-3}
RELS=${KB_RELS:-1000000}
BULK_DOCS=${KB_BULK_DOCS:-10000}
ENTS=${KB_ENTS:-100000}
PAIRS=${KB_PAIRS:-1000}
CLI=${KB_CLI:-100}
WORK=${KB_WORK:-${TMPDIR:-/tmp}/ties-kb-bench}
OUTMD=$ROOT/bench/results/kb.md

cd "$ROOT"
make BUILD="$BUILD" -j2 "$BUILD/ties" "$BUILD/libties.a" > /dev/null
TIES=$ROOT/$BUILD/ties
LIBS="$(pkg-config --libs sqlite3 libutf8proc) $(pkg-config --static --libs mupdf) -lharfbuzz -lwordnet -lpthread -lm"
rm -rf "$WORK"; mkdir -p "$WORK"
# shellcheck disable=SC2086
cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc -o "$WORK/kbgen" bench/kbgen.c "$BUILD/libties.a" $LIBS
KBGEN=$WORK/kbgen

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "corpus: $DOCS documents" >&2
"$KBGEN" corpus "$WORK/corpus" "$DOCS" 1
corpus_bytes=$(du -sb "$WORK/corpus" | cut -f1)
: > "$WORK/rates"; : > "$WORK/cpurates"
run=0
while [ $run -lt "$RUNS" ]; do
  rm -f "$WORK/add.db" "$WORK/add.db-wal" "$WORK/add.db-shm"
  python3 bench/kb_peer.py run "$TIES" add --quiet --db "$WORK/add.db" "$WORK/corpus" > "$WORK/run.out"
  sed 's/wall_s=\([0-9.]*\) cpu_s=\([0-9.]*\)/\1 \2/' "$WORK/run.out" |
    awk -v n="$DOCS" '{printf "%.1f\n", n / $1 > "/dev/stderr"; printf "%.1f\n", n / $2}' \
    2>> "$WORK/rates" >> "$WORK/cpurates"
  run=$((run + 1))
done
cpurate=$(median < "$WORK/cpurates")
cpurates=$(tr '\n' ' ' < "$WORK/cpurates")
rate=$(median < "$WORK/rates")
rates=$(tr '\n' ' ' < "$WORK/rates")
"$TIES" stats --db "$WORK/add.db" > "$WORK/add.stats"
add_bytes=$(cat "$WORK/add.db" "$WORK/add.db-wal" 2>/dev/null | wc -c)
add_rels=$(awk '$1 == "relations" {print $2}' "$WORK/add.stats")
add_ents=$(awk '$1 == "entities" {print $2}' "$WORK/add.stats")
echo "ingest: $rate documents/s (wall), $cpurate per CPU second" >&2

echo "bulk: $RELS relations" >&2
python3 bench/kb_peer.py run "$KBGEN" bulk "$WORK/big.db" "$BULK_DOCS" "$RELS" "$ENTS" 7 > "$WORK/bulk.out"
bulk_s=$(tail -1 "$WORK/bulk.out")
"$TIES" stats --db "$WORK/big.db" > "$WORK/big.stats"
big_rels=$(awk '$1 == "relations" {print $2}' "$WORK/big.stats")
big_ents=$(awk '$1 == "entities" {print $2}' "$WORK/big.stats")
big_bytes=$(cat "$WORK/big.db" "$WORK/big.db-wal" 2>/dev/null | wc -c)

"$KBGEN" pairs "$WORK/big.db" "$PAIRS" 11 "$WORK/pairs"
"$KBGEN" edges "$WORK/big.db" "$WORK/edges"
: > "$WORK/time.out"
run=0
while [ $run -lt "$RUNS" ]; do
  "$KBGEN" time "$WORK/big.db" "$WORK/pairs" >> "$WORK/time.out"
  run=$((run + 1))
done
python3 bench/kb_peer.py networkx "$WORK/edges" "$WORK/pairs" > "$WORK/nx.out"
python3 bench/kb_peer.py cli "$TIES" "$WORK/big.db" "$WORK/pairs" "$CLI" > "$WORK/cli.out"

# medians over runs of each p50 / p99
stat() { grep "^$1 " "$WORK/time.out" | sed "s/.*$2=\([0-9.]*\).*/\1/" | median; }
field() { grep "^$1 " "$3" | sed "s/.*$2=\([0-9.]*\).*/\1/"; }
found=$(grep '^pairs=' "$WORK/time.out" | head -1)

{
  echo "# Knowledge base benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared with other jobs (figures are wall time)"
  echo "- SQLite $(pkg-config --modversion sqlite3), networkx $(python3 -c 'import networkx; print(networkx.__version__)')"
  echo "- command: \`sh bench/kb.sh\` (KB_DOCS=$DOCS KB_RUNS=$RUNS KB_RELS=$RELS KB_BULK_DOCS=$BULK_DOCS KB_ENTS=$ENTS KB_PAIRS=$PAIRS KB_CLI=$CLI)"
  echo
  echo "## Ingest: \`ties add\` of $DOCS generated reports (read + extract + store, one core)"
  echo
  echo "| measure | value |"
  echo "| --- | --- |"
  echo "| documents/s, wall clock (median of $RUNS runs: $rates) | **$rate** (target >= 200) |"
  echo "| documents per CPU second (user + system; median of: $cpurates) | **$cpurate** |"
  echo "| corpus size | $corpus_bytes bytes |"
  echo "| entities / relations stored | $add_ents / $add_rels |"
  echo "| database size | $add_bytes bytes |"
  echo
  echo "## Link queries on $big_rels relations among $big_ents entities"
  echo
  echo "Bulk load through \`ties_store_add\` (batches of 250 documents): $(head -1 "$WORK/bulk.out"); $bulk_s; database $big_bytes bytes."
  echo "$PAIRS random pairs of linked entities; $found (per run)."
  echo
  echo "| query | p50 ms | p99 ms |"
  echo "| --- | --- | --- |"
  echo "| ties path: search only (\`ties_store_shortest_path\`), median of $RUNS runs | $(stat path_search p50_ms) | **$(stat path_search p99_ms)** (target <= 50) |"
  echo "| ties path: full query, evidence for every hop, JSON (\`ties_query_path\`) | $(stat path_query_json p50_ms) | $(stat path_query_json p99_ms) |"
  echo "| ties neighbors (depth 1, table with relation types, \`ties_query_neighbors\`) | $(stat neighbors_query p50_ms) | $(stat neighbors_query p99_ms) |"
  echo "| networkx \`shortest_path\` (in memory, graph already loaded) | $(field networkx_path p50_ms "$WORK/nx.out") | $(field networkx_path p99_ms "$WORK/nx.out") |"
  echo "| networkx \`neighbors\` (in memory) | $(field networkx_neighbors p50_ms "$WORK/nx.out") | $(field networkx_neighbors p99_ms "$WORK/nx.out") |"
  echo "| \`ties path --json\` as a process (start, open, search, evidence), $CLI pairs | $(field cli_path_process p50_ms "$WORK/cli.out") | $(field cli_path_process p99_ms "$WORK/cli.out") |"
  echo
  echo "networkx first needs the graph in memory: $(grep networkx_load "$WORK/nx.out" | sed 's/networkx_load //'); ties answers from the database file with no load step."
  echo
  echo "Raw output:"
  echo
  echo '```'
  cat "$WORK/time.out" "$WORK/nx.out" "$WORK/cli.out"
  echo '```'
} > "$OUTMD"
cat "$OUTMD"
rm -rf "$WORK"
