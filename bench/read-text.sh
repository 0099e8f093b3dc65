#!/bin/sh
# Text reading speed and memory: `ties read` on clean text and on garbled
# two-column extraction output, beside `ties read --no-repair` and `cat` (the
# I/O floor) on the same files; MB/s (median of RUNS runs, one core) and
# peak RSS (/usr/bin/time -v).  Writes bench/results/read-text.md.
#
#   sh bench/read-text.sh [BUILD_DIR]      (default build)
#
# The corpora are made here from the project's own texts: clean = the texts
# under tests/tools/corpus and the demo sample repeated; garbled = the same
# texts laid out in two columns by tests/tools/make-columns.py with many
# seeds, concatenated.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
TIES="$ROOT/$BUILD/ties"
W=${BENCH_DIR:-${TMPDIR:-/tmp}/ties-bench-text}
RUNS=${RUNS:-5}
CLEAN_MB=${CLEAN_MB:-16}
GARBLED_MB=${GARBLED_MB:-4}
OUTMD="$ROOT/bench/results/read-text.md"
mkdir -p "$W" "$ROOT/bench/results"
for t in python3 /usr/bin/time taskset; do
	command -v "$t" >/dev/null 2>&1 || { echo "read-text: $t is missing" >&2; exit 1; }
done
[ -x "$TIES" ] || { echo "read-text: build $TIES first" >&2; exit 1; }

# ---- corpora -------------------------------------------------------------
python3 - "$ROOT" "$W" "$CLEAN_MB" "$GARBLED_MB" <<'EOF'
import glob, os, subprocess, sys
root, w, clean_mb, garbled_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
texts = sorted(glob.glob(os.path.join(root, "tests/tools/corpus/*.txt")))
texts.append(os.path.join(root, "samples/brief-demo.clean.txt"))
bodies = [open(t, encoding="utf-8").read().strip() for t in texts]
out, size, i = [], 0, 0
while size < clean_mb << 20:
    b = bodies[i % len(bodies)]
    out.append(b)
    size += len(b.encode()) + 2
    i += 1
open(os.path.join(w, "clean.txt"), "w", encoding="utf-8").write("\n\n".join(out) + "\n")
gen = os.path.join(root, "tests/tools/make-columns.py")
out, size, seed = [], 0, 1
while size < garbled_mb << 20:
    t = texts[seed % len(texts)]
    g = subprocess.run([sys.executable, gen, t, "--seed", str(seed)], check=True,
                       stdout=subprocess.PIPE).stdout.decode()
    out.append(g)
    size += len(g.encode())
    seed += 1
open(os.path.join(w, "garbled.txt"), "w", encoding="utf-8").write("\n".join(out))
# small documents with no page marks (page-number lines taken out), pages of
# 32 rows: each read on its own, where the page height is guessed
md = os.path.join(w, "markless")
os.makedirs(md, exist_ok=True)
for seed in range(1, 25):
    t = texts[seed % len(texts)]
    g = subprocess.run([sys.executable, gen, t, "--seed", str(seed), "--lines", "32"],
                       check=True, stdout=subprocess.PIPE).stdout.decode()
    keep = [l for l in g.split("\n") if not l.strip().isdigit()]
    open(os.path.join(md, "%02d.txt" % seed), "w", encoding="utf-8").write("\n".join(keep))
EOF

# median wall time (s), median CPU time (user + system, s) and max peak RSS
# (KiB) of RUNS runs on one core.  The machine is shared: CPU time is the
# steadier figure, so MB/s is given for both.
median() { sort -n "$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
measure() {
	: > "$W/times"
	: > "$W/cpu"
	: > "$W/rss"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -v -o "$W/tv" taskset -c 0 "$@" > /dev/null
		sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/tv" |
			awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; print s }' >> "$W/times"
		awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$W/tv" >> "$W/cpu"
		sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/tv" >> "$W/rss"
		i=$((i + 1))
	done
	echo "$(median "$W/times") $(median "$W/cpu") $(sort -n "$W/rss" | tail -1)"
}

rate() { awk -v m="$1" -v t="$2" 'BEGIN {if (t > 0) printf "%.1f", m / t; else printf "-"}'; }

row() { # name file cmd...
	name=$1 file=$2
	shift 2
	if [ -d "$file" ]; then
		bytes=$(cat "$file"/*.txt | wc -c)
	else
		bytes=$(wc -c < "$file")
	fi
	mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}')
	if [ -d "$file" ]; then
		# a folder: the command once per file, in turn
		set -- $(measure sh "$W/each.sh" "$file" "$@")
	else
		set -- $(measure "$@" "$file")
	fi
	echo "| $name | $mb | $1 | $(rate "$mb" "$1") | $2 | $(rate "$mb" "$2") | $(($3 / 1024)) |" >> "$W/table"
}

cat > "$W/each.sh" <<'EOF'
d=$1
shift
for f in "$d"/*.txt; do "$@" "$f" > /dev/null || exit 1; done
EOF
: > "$W/table"
row "clean: ties read" "$W/clean.txt" "$TIES" read
row "clean: ties read --no-repair" "$W/clean.txt" "$TIES" read --no-repair
row "clean: cat" "$W/clean.txt" cat
row "garbled: ties read" "$W/garbled.txt" "$TIES" read
row "garbled: ties read --no-repair" "$W/garbled.txt" "$TIES" read --no-repair
row "garbled: cat" "$W/garbled.txt" cat
row "garbled, no page marks, 24 files: ties read" "$W/markless" "$TIES" read
row "garbled, no page marks, 24 files: ties read --no-repair" "$W/markless" "$TIES" read --no-repair

{
	echo "# Text reading: speed and memory"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1); runs pinned to one core (taskset -c 0)"
	echo "- command: \`sh bench/read-text.sh $BUILD\` (RUNS=$RUNS; medians of wall and CPU time, user + system; peak RSS is the largest of the runs; the machine is shared, so CPU time is the steadier figure)"
	echo "- targets: >= 20 MB/s on clean text, >= 2 MB/s on garbled text"
	echo "- no page marks: 24 small garbled documents (pages of 32 rows, page-number lines removed) read one file at a time, each run paying the start-up; without page marks the merge is run once per guessed page height"
	echo
	echo "| run | MB | wall s | MB/s (wall) | CPU s | MB/s (CPU) | peak RSS (MiB) |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	cat "$W/table"
} > "$OUTMD"
cat "$OUTMD"
