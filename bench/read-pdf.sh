#!/bin/sh
# PDF reading side by side: `ties read`, `pdftotext` (default and -raw) and
# `mutool draw -F txt` on the same multi-page PDFs; pages per second (median
# of several runs, hyperfine) and token edit distance against the source
# text.  Writes bench/results/read-pdf.md.  "ties, no word list" runs without
# the system word list (TIES_DICT=/dev/null) that the shared vocabulary loads
# when a document has line-end hyphens: the reader's own cost.
#
#   sh bench/read-pdf.sh [BUILD_DIR]      (default build)
#
# The PDFs are made here: groff -ms in two columns from public-domain text
# (the shared reading cases' gold texts, when ../shared is present) and from
# text generated with a fixed seed, plus the shared two-column PDFs.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
TIES="$ROOT/$BUILD/ties"
SHARED=${TIES_SHARED:-$ROOT/../shared}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/ties-bench-pdf}
RUNS=${RUNS:-10}
OUTMD="$ROOT/bench/results/read-pdf.md"
mkdir -p "$W" "$ROOT/bench/results"
for t in groff ps2pdf pdftotext mutool hyperfine python3 pdfinfo; do
	command -v "$t" >/dev/null 2>&1 || { echo "read-pdf: $t is missing" >&2; exit 1; }
done
[ -x "$TIES" ] || { echo "read-pdf: build $TIES first" >&2; exit 1; }

# ---- corpus: NAME.pdf with NAME.gold.txt ---------------------------------
python3 - "$W" "$SHARED" <<'EOF'
import glob, os, random, sys
w, shared = sys.argv[1], sys.argv[2]

def esc(line):
    line = line.replace("\\", "\\e")
    return "\\&" + line if line[:1] in ".'" else line

def ms(title, paras, path):
    out = [".nr PO 0.8i", ".nr LL 6.9i", ".nr PS 10", ".nr VS 12", ".TL", esc(title), ".2C"]
    for p in paras:
        out += [".PP", esc(p)]
    open(path, "w").write("\n".join(out) + "\n")
    open(path[:-3] + ".gold.txt", "w").write("\n\n".join([title] + paras) + "\n")

# public-domain text: the gold texts of the shared reading cases, repeated
golds = sorted(glob.glob(os.path.join(shared, "samples/reading/*-charter11.gold.txt")))
if golds:
    paras = []
    for rep in range(4):
        for g in golds:
            paras += [p.strip() for p in open(g, encoding="utf-8").read().split("\n\n") if p.strip()]
    ms("Collected Public Papers", paras, os.path.join(w, "pd-papers.ms"))

# generated text with a fixed seed: dictionary words in plain sentences
words = [l.strip() for l in open("/usr/share/dict/words", encoding="utf-8", errors="replace")
         if l.strip().isalpha() and l.strip().islower() and 4 <= len(l.strip()) <= 12]
rnd = random.Random(7)
glue = "the of and to in that with for from by on as at".split()
paras = []
for i in range(700):
    sents = []
    for s in range(rnd.randint(3, 6)):
        n = rnd.randint(8, 20)
        toks = [rnd.choice(words) if rnd.random() < 0.6 else rnd.choice(glue) for _ in range(n)]
        toks[0] = toks[0].capitalize()
        sents.append(" ".join(toks) + ".")
    paras.append(" ".join(sents))
ms("Generated Report on Sample Matters", paras, os.path.join(w, "generated.ms"))
EOF
for f in "$W"/*.ms; do
	b=${f%.ms}
	groff -k -ms -Tps "$f" > "$b.ps" 2>/dev/null
	ps2pdf "$b.ps" "$b.pdf"
done
if [ -d "$SHARED/samples/reading" ]; then
	for f in "$SHARED"/samples/reading/*.pdf; do
		b=$(basename "$f" .pdf)
		cp "$f" "$W/$b.pdf"
		cp "$SHARED/samples/reading/$b.gold.txt" "$W/$b.gold.txt"
	done
fi

# ---- runs -------------------------------------------------------------------
TOOLS="ties|'$TIES' read {}
ties, no word list|env TIES_DICT=/dev/null '$TIES' read {}
pdftotext|pdftotext {} -
pdftotext -raw|pdftotext -raw {} -
mutool draw -F txt|mutool draw -q -F txt {} 2>/dev/null"
: > "$W/rows.tsv"
for pdf in "$W"/*.pdf; do
	name=$(basename "$pdf" .pdf)
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	echo "$TOOLS" | while IFS='|' read -r tool cmd; do
		c=$(echo "$cmd" | sed "s|{}|'$pdf'|g")
		sh -c "$c" > "$W/$name.$(echo "$tool" | tr ' ' '_' | tr -d ',').out" 2>/dev/null || true
		nice hyperfine --style none --runs "$RUNS" --warmup 2 --export-json "$W/h.json" \
			"$c > /dev/null" > /dev/null 2>&1
		med=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['median'], r['user'] + r['system'])" "$W/h.json")
		printf '%s\t%s\t%s\t%s\n' "$name" "$pages" "$tool" "$med" | tr ' ' '\t' >> "$W/rows.tsv"
	done
done

# ---- table ------------------------------------------------------------------
python3 - "$W" "$SHARED" "$OUTMD" "$RUNS" <<'EOF'
import os, platform, subprocess, sys, time
w, shared, outmd, runs = sys.argv[1:5]
sys.path.insert(0, os.path.join(shared, "eval"))
try:
    from score_reading import score_texts
except ImportError:
    score_texts = None
rows = []
for l in open(os.path.join(w, "rows.tsv")):
    f = l.rstrip("\n").split("\t")
    rows.append(f[:2] + [" ".join(f[2:-2]), f[-2], f[-1]])
docs = sorted({r[0] for r in rows})
tools = []
for r in rows:
    if r[2] not in tools:
        tools.append(r[2])
cpu = ""
for l in open("/proc/cpuinfo"):
    if l.startswith("model name"):
        cpu = l.split(":", 1)[1].strip()
        break
out = ["# PDF reading: ties read vs pdftotext vs mutool", "",
       "Date: %s  " % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
       "Machine: %s cores, %s  " % (os.cpu_count(), cpu),
       "Command: `sh bench/read-pdf.sh` (hyperfine, median of %s runs per file and tool; "
       "one process per file, start-up included)" % runs, "",
       "Edit distance: token edit distance against the source text "
       "(`../shared/eval/score_reading.py`; 0 = identical).  CPU s is the mean user + "
       "system time, steadier than wall time on a machine shared with other work.", "",
       "| document | pages | tool | median wall s | CPU s | pages/s (wall) | pages/s (CPU) | edit distance |",
       "|---|---:|---|---:|---:|---:|---:|---:|"]
tot = {t: [0.0, 0, 0.0, 0, 0.0] for t in tools}
for d in docs:
    gold_path = os.path.join(w, d + ".gold.txt")
    gold = open(gold_path, encoding="utf-8").read() if os.path.exists(gold_path) else None
    for r in rows:
        if r[0] != d:
            continue
        pages, tool, med, cpu = int(r[1]), r[2], float(r[3]), float(r[4])
        o = os.path.join(w, "%s.%s.out" % (d, tool.replace(" ", "_").replace(",", "")))
        ned = ""
        if gold is not None and score_texts:
            s = score_texts(gold, open(o, encoding="utf-8", errors="replace").read())
            ned = "%.4f" % s["ned"]
            tot[tool][2] += s["ned"]
            tot[tool][3] += 1
        tot[tool][0] += med
        tot[tool][1] += pages
        tot[tool][4] += cpu
        out.append("| %s | %d | %s | %.4f | %.4f | %.1f | %.1f | %s |" % (
            d, pages, tool, med, cpu, pages / med, pages / cpu, ned))
out += ["", "Totals over all documents:", "",
        "| tool | pages | wall s | CPU s | pages/s (wall) | pages/s (CPU) | mean edit distance | "
        "speed vs pdftotext (wall, CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|"]
b = tot.get("pdftotext", [1, 1, 0, 0, 1])
for t in tools:
    s, p, n, k, c = tot[t]
    out.append("| %s | %d | %.3f | %.3f | %.1f | %.1f | %s | %.2fx, %.2fx |" % (
        t, p, s, c, p / s, p / c, "%.4f" % (n / k) if k else "", (b[0] / s), (b[4] / c)))
out += ["", "\"ties, no word list\" is `ties read` with TIES_DICT=/dev/null: the same reader "
        "without the system word list that the shared vocabulary (src/read/vocab.c) consults "
        "when a line-end hyphen is left open by the document's own word counts (it indexes "
        "the list lazily: only the words that share their first two letters with a word "
        "asked about).  The difference between "
        "the two ties rows is that cost, paid once per process, and in edit distance what "
        "the list is worth; documents without line-end hyphens never pay it."]
open(outmd, "w").write("\n".join(out) + "\n")
print("\n".join(out))
EOF
