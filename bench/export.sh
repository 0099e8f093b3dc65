#!/bin/sh
# Export of a 100,000-relation graph in every format: seconds (median of
# RUNS runs) and MB, two ways:
#   1. `ties export --db` over a knowledge base of 100,000 relations built by
#      bench/kbgen.c (store read + export + write), timed with hyperfine;
#   2. the export calls alone (ties_export_file) on a graph of exactly
#      100,000 relations built through the library (bench/export-gen.c).
# Peer, side by side: networkx writing GraphML and GEXF for the same
# knowledge-base graph (loaded from ties' JSON export; only the write timed,
# median of RUNS).
# Writes bench/results/export.md.
#
#   sh bench/export.sh [BUILD_DIR]      (default build; run `make` first)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
TIES="$ROOT/$BUILD/ties"
W=${BENCH_DIR:-${TMPDIR:-/tmp}/ties-bench-export}
RUNS=${RUNS:-3}
OUTMD="$ROOT/bench/results/export.md"
FORMATS="stix graphml gexf dot csv json html"
mkdir -p "$W" "$ROOT/bench/results"
for t in hyperfine python3 cc pkg-config; do
	command -v "$t" >/dev/null 2>&1 || { echo "export bench: $t is missing" >&2; exit 1; }
done
[ -x "$TIES" ] && [ -f "$ROOT/$BUILD/libties.a" ] || { echo "export bench: build $BUILD first" >&2; exit 1; }
LIBS="$(pkg-config --libs sqlite3 libutf8proc) $(pkg-config --static --libs mupdf) -lharfbuzz -lwordnet -lpthread -lm"
CF="-std=c11 -D_GNU_SOURCE -O2 -I$ROOT/include -I$ROOT/src"

# ---- 1. through the knowledge base -------------------------------------
cc $CF "$ROOT/bench/kbgen.c" "$ROOT/$BUILD/libties.a" $LIBS -o "$W/kbgen"
rm -f "$W/kb.db" "$W/kb.db-wal" "$W/kb.db-shm"
nice "$W/kbgen" bulk "$W/kb.db" 200 100000 20000 1 >&2
mkdir -p "$W/kb"
for f in $FORMATS; do
	if [ $f = csv ]; then o="$W/kb/csv"; else o="$W/kb/export.$f"; fi
	nice hyperfine -N --runs "$RUNS" --export-json "$W/kb-$f.json" \
		"$TIES export --db $W/kb.db --format $f -o $o" >/dev/null 2>&1
done
"$TIES" export --db "$W/kb.db" --format json -o "$W/kb/export.json"

# ---- 2. the export calls alone ------------------------------------------
cc $CF "$ROOT/bench/export-gen.c" "$ROOT/$BUILD/libties.a" $LIBS -o "$W/export-gen"
mkdir -p "$W/gen"
: > "$W/gen.txt"
i=0
while [ $i -lt "$RUNS" ]; do
	nice "$W/export-gen" "$W/gen" 20000 100000 200 1 >> "$W/gen.txt" 2> "$W/gen.err"
	i=$((i + 1))
done

# ---- peer: networkx ------------------------------------------------------
nice python3 - "$W/kb/export.json" "$W/nx" "$RUNS" > "$W/peer.txt" <<'PY'
import json, os, statistics, sys, time
import networkx as nx
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
j = json.load(open(src))
g = nx.MultiDiGraph()
for n in j["nodes"]:
    g.add_node(n["id"], name=n["name"], type=n["type"], aliases="; ".join(n["aliases"]),
               kb_id=n["kb_id"])
for e in j["edges"]:
    g.add_edge(e["source"], e["target"], type=e["type"], confidence=e["confidence"],
               hedge=e["hedge"], negated=e["negated"], evidence_count=len(e["evidence"]),
               evidence="\n".join(v["text"] for v in e["evidence"]))
for fmt, write in (("graphml", nx.write_graphml), ("gexf", nx.write_gexf)):
    times = []
    for _ in range(int(sys.argv[3])):
        t = time.monotonic()
        write(g, f"{out}/g.{fmt}")
        times.append(time.monotonic() - t)
    print(fmt, round(statistics.median(times), 3), os.path.getsize(f"{out}/g.{fmt}"))
PY

# ---- table ---------------------------------------------------------------
python3 - "$W" "$RUNS" "$FORMATS" > "$W/table.md" <<'PY'
import json, os, statistics, sys
w, runs, formats = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
def size(p):
    if os.path.isdir(p):
        return sum(os.path.getsize(os.path.join(p, f)) for f in os.listdir(p))
    return os.path.getsize(p)
gen = {}
for line in open(f"{w}/gen.txt"):
    f, s, b = line.split()
    gen.setdefault(f, []).append((float(s), int(b)))
peer = {}
for line in open(f"{w}/peer.txt"):
    f, s, b = line.split()
    peer[f] = (float(s), int(b))
kb = json.load(open(f"{w}/kb/export.json"))
print(f"Knowledge base: {len(kb['nodes'])} entities, {len(kb['edges'])} distinct relations "
      f"(100,000 statements), {len(kb['documents'])} documents.\n")
print("| format | `ties export --db` s (median) | MB | export calls alone s (median) | MB | networkx write s (median) | MB | ties / networkx |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for f in formats:
    h = json.load(open(f"{w}/kb-{f}.json"))["results"][0]
    kt = statistics.median(h["times"])
    kp = f"{w}/kb/csv" if f == "csv" else f"{w}/kb/export.{f}"
    gt = statistics.median(s for s, _ in gen[f])
    gb = gen[f][0][1]
    row = [f, f"{kt:.2f}", f"{size(kp) / 1e6:.1f}", f"{gt:.2f}", f"{gb / 1e6:.1f}"]
    if f in peer:
        ps, pb = peer[f]
        row += [f"{ps:.2f}", f"{pb / 1e6:.1f}", f"{kt / ps:.2f}"]
    else:
        row += ["", "", ""]
    print("| " + " | ".join(row) + " |")
PY
{
	echo "# Export benchmark"
	echo
	echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), shared with other work"
	echo "- command: \`sh bench/export.sh $BUILD\` (RUNS=$RUNS)"
	echo "- graph 2 (export-gen): $(cat "$W/gen.err")"
	echo
	cat "$W/table.md"
	echo
	echo "\`ties export --db\` includes opening the knowledge base, reading the graph from SQLite and"
	echo "writing the file(s); the export calls alone are the formatting into memory and the write."
	echo "networkx writes GraphML/GEXF with fewer attributes (no documents, notes, dates) for"
	echo "the same nodes and edges; the ratio compares \`ties export --db\` (whole command) with the"
	echo "networkx write call only."
} > "$OUTMD"
cat "$OUTMD"
