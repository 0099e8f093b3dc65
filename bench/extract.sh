#!/bin/sh
# Extraction speed, memory and quality: `ties extract --json` end to end
# (read + extract) beside the compromise NER peer (npm) on the same English
# prose, several MB from a Debian package (jargon-text); MB/s (median of RUNS
# runs, one core), peak RSS, start-up time on a one-line file, and entity F1
# of both on the shared sample.  Writes bench/results/extract.md.
#
#   sh bench/extract.sh [BUILD_DIR]      (default build)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
TIES="$ROOT/$BUILD/ties"
SHARED=${TIES_SHARED:-$ROOT/../shared}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/ties-bench-extract}
RUNS=${RUNS:-5}
PEER_RUNS=${PEER_RUNS:-3}
CORPUS_MB=${CORPUS_MB:-5}
OUTMD="$ROOT/bench/results/extract.md"
mkdir -p "$W" "$ROOT/bench/results"
for t in python3 node npm hyperfine /usr/bin/time taskset; do
	command -v "$t" >/dev/null 2>&1 || { echo "extract: $t is missing" >&2; exit 1; }
done
[ -x "$TIES" ] || { echo "extract: build $TIES first" >&2; exit 1; }
JARGON=/usr/share/doc/jargon-text/jargon.txt.gz
[ -f "$JARGON" ] || { echo "extract: install jargon-text (scripts/install-deps.sh)" >&2; exit 1; }
[ -d "$ROOT/bench/node_modules/compromise" ] ||
	(cd "$ROOT/bench" && npm install --no-audit --no-fund --silent)

# ---- corpus: the Jargon File repeated to CORPUS_MB --------------------------
zcat "$JARGON" > "$W/one.txt"
: > "$W/corpus.txt"
while [ "$(wc -c < "$W/corpus.txt")" -lt $((CORPUS_MB << 20)) ]; do
	cat "$W/one.txt" >> "$W/corpus.txt"
done
BYTES=$(wc -c < "$W/corpus.txt")
printf 'One line about nothing in particular.\n' > "$W/tiny.txt"

# median wall seconds and max peak RSS (KiB) of N runs on one core
measure() {
	n=$1
	shift
	: > "$W/times"
	: > "$W/rss"
	: > "$W/cpu"
	i=0
	while [ $i -lt "$n" ]; do
		/usr/bin/time -f '%e %M %U %S' -o "$W/tv" taskset -c 0 "$@" > /dev/null
		cut -d' ' -f1 "$W/tv" >> "$W/times"
		cut -d' ' -f2 "$W/tv" >> "$W/rss"
		awk '{print $3 + $4}' "$W/tv" >> "$W/cpu"
		i=$((i + 1))
	done
	MED=$(sort -n "$W/times" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	RSS=$(sort -n "$W/rss" | tail -1)
	CPU=$(sort -n "$W/cpu" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
}
mbs() { awk -v b="$BYTES" -v s="$1" 'BEGIN {printf "%.2f", (s > 0) ? b / 1048576 / s : 0}'; }

measure "$RUNS" "$TIES" extract --json "$W/corpus.txt"
T_EXT=$MED R_EXT=$RSS C_EXT=$CPU
measure "$RUNS" "$TIES" read "$W/corpus.txt"
T_READ=$MED R_READ=$RSS C_READ=$CPU
measure "$PEER_RUNS" node "$ROOT/bench/compromise-ner.js" "$W/corpus.txt" count
T_PEER=$MED R_PEER=$RSS C_PEER=$CPU
# start-up: hyperfine's millisecond median (time(1) counts in 10 ms steps)
startup() {
	hyperfine -N --warmup 3 --runs 21 --export-json "$W/h.json" "$*" > /dev/null 2>&1
	python3 -c "import json, sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" "$W/h.json"
}
T_START=$(startup "$TIES" extract "$W/tiny.txt")
T_RSTART=$(startup "$TIES" read "$W/tiny.txt")
T_PSTART=$(startup node "$ROOT/bench/compromise-ner.js" "$W/tiny.txt" count)

# ---- quality on the shared sample -----------------------------------------------
f1() { python3 "$SHARED/eval/score_extract.py" "$SHARED/samples/brief-taliban-links.gold.json" "$1" |
	awk -v k="$2" '$1 == k {for (i = 1; i <= NF; i++) if ($i == "F1") print $(i + 1)}'; }
Q=""
if [ -f "$SHARED/samples/brief-taliban-links.gold.json" ]; then
	for in in txt gold.txt; do
		"$TIES" extract --json "$SHARED/samples/brief-taliban-links.$in" > "$W/t.json"
		node "$ROOT/bench/compromise-ner.js" "$SHARED/samples/brief-taliban-links.$in" > "$W/c.json"
		Q="$Q| brief-taliban-links.$in | $(f1 "$W/t.json" entities:) | $(f1 "$W/t.json" 'relations(pairs):') | $(f1 "$W/t.json" 'relations(typed,directed):') | $(f1 "$W/c.json" entities:) | 0 |
"
	done
fi

{
	echo "# Extraction benchmark"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
	echo "- command: \`sh bench/extract.sh $BUILD\` (RUNS=$RUNS, PEER_RUNS=$PEER_RUNS, one core via taskset)"
	echo "- corpus: the Jargon File (Debian package jargon-text) repeated to $(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1048576}') MB"
	echo "- peer: compromise $(node -p "require('$ROOT/bench/node_modules/compromise/package.json').version") (people, places, organizations)"
	echo
	echo "| tool | median wall s | MB/s (wall) | median CPU s | MB/s (CPU) | peak RSS MiB |"
	echo "|---|---|---|---|---|---|"
	echo "| ties extract --json (read + extract) | $T_EXT | $(mbs "$T_EXT") | $C_EXT | $(mbs "$C_EXT") | $((R_EXT / 1024)) |"
	echo "| ties read (the read stage alone) | $T_READ | $(mbs "$T_READ") | $C_READ | $(mbs "$C_READ") | $((R_READ / 1024)) |"
	echo "| compromise (node) | $T_PEER | $(mbs "$T_PEER") | $C_PEER | $(mbs "$C_PEER") | $((R_PEER / 1024)) |"
	echo
	echo "Speed ratio ties/compromise: $(awk -v a="$T_PEER" -v b="$T_EXT" 'BEGIN {printf "%.1fx", (b > 0) ? a / b : 0}')."
	echo "Start-up (one-line file, hyperfine median of 21 runs): ties extract ${T_START} ms, ties read"
	echo "${T_RSTART} ms (the same binary without the extractor), compromise ${T_PSTART} ms."
	echo
	echo "Quality on the shared sample (score_extract.py; compromise finds no relations):"
	echo
	echo "| input | ties entity F1 | ties pair F1 | ties typed F1 | compromise entity F1 | compromise pair F1 |"
	echo "|---|---|---|---|---|---|"
	printf '%s' "$Q"
	echo
	echo "The machine is shared (2 cores); wall times include waiting for the CPU."
} > "$OUTMD"
cat "$OUTMD"
