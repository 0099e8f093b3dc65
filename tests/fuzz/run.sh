#!/bin/sh
# Runs the libFuzzer targets built in BUILD/fuzz/, one after another, niced.
#   tests/fuzz/run.sh [--smoke] BUILD SECONDS [NAME...]
# NAME is a target without its "fuzz-" prefix (default: all).  Each target
# starts from its seed corpus: tests/fuzz/seeds/NAME/ plus the project's own
# fixtures (samples/, text and PDF files under tests/, PDFs made at run time
# by tests/fuzz/gen-pdf.py and by groff when it is installed), and replays
# tests/fuzz/regress/NAME/.  A normal run keeps its corpus in
# BUILD/fuzz/corpus-NAME and grows it from run to run; --smoke starts from
# the seeds each time, in a folder of its own.  Prints one line per target
# (seconds, executions, coverage, crashes) and writes
# "N passed, N failed, 0 skipped" to BUILD/summary.
smoke=0
[ "$1" = "--smoke" ] && { smoke=1; shift; }
BUILD=${1:?usage: run.sh [--smoke] BUILD SECONDS [NAME...]}
SECONDS_EACH=${2:?seconds}
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
F="$ROOT/$BUILD/fuzz"
names="$*"
if [ -z "$names" ]; then
  for b in "$F"/fuzz-*; do
    [ -x "$b" ] || continue
    names="$names ${b##*/fuzz-}"
  done
fi
pass=0; fail=0

# Seeds from the project's own fixtures, limited to small files.
seed_fixtures() { # KIND DEST
  case $1 in
    text) find "$ROOT/samples" "$ROOT/tests" -name node_modules -prune -o -type f \
            \( -name '*.txt' -o -name '*.md' \) -size -256k -print 2>/dev/null ;;
    pdf) find "$ROOT/samples" "$ROOT/tests" -name node_modules -prune -o -type f -name '*.pdf' \
           -size -1024k -print 2>/dev/null ;;
  esac | while IFS= read -r f; do
    cp "$f" "$2/fixture-$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
  done
}

make_pdfs() { # DEST: a few PDFs of the project's own text, when groff is there
  command -v groff > /dev/null 2>&1 || return 0
  for f in "$ROOT"/samples/*.txt; do
    [ -f "$f" ] || continue
    head -c 4000 "$f" | sed 's/^[.'"'"']/\\\&&/' | groff -Tpdf -ms 2> /dev/null \
      > "$1/groff-$(basename "$f" .txt).pdf" || true
    head -c 4000 "$f" | sed 's/^[.'"'"']/\\\&&/' | groff -Tpdf -ms -rLL=3i 2> /dev/null \
      > "$1/groff-narrow-$(basename "$f" .txt).pdf" || true
  done
  # uncompressed copies: mutations then reach the text operators
  command -v mutool > /dev/null 2>&1 || return 0
  for p in "$1"/groff-*.pdf; do
    [ -s "$p" ] && mutool clean -d "$p" "${p%.pdf}-plain.pdf" > /dev/null 2>&1
  done
  return 0
}

for n in $names; do
  bin="$F/fuzz-$n"
  if [ ! -x "$bin" ]; then
    echo "fuzz $n: no binary $bin"; fail=$((fail + 1)); continue
  fi
  seed="$F/seed-$n"; corpus="$F/corpus-$n"; reg="$ROOT/tests/fuzz/regress/$n"
  [ "$smoke" = 1 ] && corpus="$F/smoke-corpus-$n" # never touch a campaign's corpus
  rm -rf "$seed"; mkdir -p "$seed" "$F/crashes"
  [ -d "$ROOT/tests/fuzz/seeds/$n" ] && cp "$ROOT/tests/fuzz/seeds/$n"/* "$seed"/ 2> /dev/null
  case $n in
    read-pdf)
      seed_fixtures pdf "$seed"; make_pdfs "$seed"
      for k in text twocol count-lie kids-cycle self-ref truncated no-text fake-encrypted bad-xref; do
        python3 "$ROOT/tests/fuzz/gen-pdf.py" $k "$seed/gen-$k.pdf" 2> /dev/null
      done ;;
    json | export) ;;
    *) seed_fixtures text "$seed" ;;
  esac
  [ "$smoke" = 1 ] && rm -rf "$corpus"
  mkdir -p "$corpus"
  dict=""; [ -f "$ROOT/tests/fuzz/$n.dict" ] && dict="-dict=$ROOT/tests/fuzz/$n.dict"
  maxlen=65536; [ "$n" = read-pdf ] && maxlen=262144
  dirs="$corpus $seed"; [ -d "$reg" ] && dirs="$dirs $reg"
  log="$F/log-$n.txt"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice -n 19 "$bin" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 \
    -max_len=$maxlen -print_final_stats=1 -artifact_prefix="$F/crashes/$n-" $dict \
    $dirs > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  units=$(ls "$corpus" | wc -l)
  if [ "$rc" -eq 0 ]; then
    pass=$((pass + 1))
    echo "fuzz $n: ${SECONDS_EACH}s, ${execs:-0} executions, cov ${cov:-0}, ft ${ft:-0}, corpus $units, crashes 0"
  else
    fail=$((fail + 1))
    art=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
    echo "fuzz $n: FAILED (exit $rc) after ${execs:-?} executions; input: ${art:-none}; log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz check failed|    #[0-9] )' "$log" | head -15 | sed 's/^/  /'
  fi
done
mkdir -p "$ROOT/$BUILD"
echo "$pass passed, $fail failed, 0 skipped" | tee "$ROOT/$BUILD/summary"
[ "$fail" -eq 0 ]
