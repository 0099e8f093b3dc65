#!/bin/sh
# The unit programs and the CLI cases under valgrind: any invalid read or
# write, use of uninitialised memory, or leak (definite or indirect) fails.
#   tests/valgrind.sh BUILD [OUTDIR]
# Runs the binaries of BUILD (a plain, unsanitised build).  A case folder
# holding a file `no-valgrind` is left out (inputs too large to be worth
# running ten times slower).  Prints one line per failure and writes
# "N passed, N failed, N skipped" to OUTDIR/summary (default build-valgrind).
# Cases run in parallel, one per processor.
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VGD="$ROOT/${2:-build-valgrind}"
REAL="$ROOT/$BUILD/ties"
SHARED=${TIES_SHARED:-$ROOT/../shared}
OUT="$VGD/test-out"
LOGS="$VGD/logs"
rm -rf "$OUT" "$LOGS"; mkdir -p "$OUT" "$LOGS"
pass=0; fail=0; skip=0
if ! command -v valgrind > /dev/null 2>&1; then
  echo "skip valgrind: valgrind is not installed"
  echo "0 passed, 0 failed, 1 skipped" > "$VGD/summary"; exit 0
fi
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
--errors-for-leak-kinds=definite,indirect --track-fds=no --num-callers=30"

# $TIES for the cases: the real binary under valgrind, one log per process
# in the folder $VG_LOGS names.
cat > "$VGD/ties" <<EOF
#!/bin/sh
exec $VG --log-file="\${VG_LOGS:-$LOGS}/ties.%p.log" "$REAL" "\$@"
EOF
chmod +x "$VGD/ties"
TIES="$VGD/ties"
export TIES BUILD ROOT SHARED

bad_logs() { # DIR: prints the logs there that report something
  for l in "$1"/*.log; do
    [ -s "$l" ] && { echo "  $(basename "$l"):"; sed 's/^/    /' "$l" | head -40; }
  done
}

for t in "$ROOT/$BUILD"/tests/test-*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  mkdir -p "$LOGS/$name"
  OUT="$OUT" $VG --log-file="$LOGS/$name/unit.%p.log" "$t" > "$OUT/$name.log" 2>&1
  rc=$?
  msgs=$(bad_logs "$LOGS/$name")
  if [ "$rc" -eq 0 ] && [ -z "$msgs" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: valgrind $name (exit $rc)"; echo "$msgs"
  fi
done

# One case: its own scratch and log folders, so cases can run in parallel.
cat > "$VGD/case.sh" <<'EOF'
c=$1; name=${c#"$ROOT/tests/cases/"}; name=${name%/}; key=$(echo "$name" | tr / _)
if [ -f "$c/no-valgrind" ]; then echo "SKIP $name"; exit 0; fi
OUT="$VG_OUT/$key"; VG_LOGS="$VG_LOGDIR/$key"; export OUT VG_LOGS
mkdir -p "$OUT" "$VG_LOGS"
(cd "$c" && sh ./cmd) > "$OUT/case.out" 2> "$OUT/case.err"
got=$?
bad=""
for l in "$VG_LOGS"/*.log; do [ -s "$l" ] && bad="$bad $l"; done
if [ -z "$bad" ] && [ "$got" != 99 ]; then echo "PASS $name"; exit 0; fi
echo "FAIL: valgrind case $name (exit $got)"
for l in $bad; do echo "  $(basename "$l"):"; sed 's/^/    /' "$l" | head -40; done
EOF
VG_OUT="$OUT"; VG_LOGDIR="$LOGS"
export VG_OUT VG_LOGDIR
jobs=$(nproc 2> /dev/null || echo 2)
for c in "$ROOT"/tests/cases/*/*/; do
  [ -f "$c/cmd" ] && printf '%s\n' "$c"
done | xargs -P "$jobs" -n 1 sh "$VGD/case.sh" > "$VGD/cases.txt" 2>&1
pass=$((pass + $(grep -c '^PASS ' "$VGD/cases.txt")))
skip=$((skip + $(grep -c '^SKIP ' "$VGD/cases.txt")))
fail=$((fail + $(grep -c '^FAIL' "$VGD/cases.txt")))
grep -v '^PASS \|^SKIP ' "$VGD/cases.txt"

echo "$pass passed, $fail failed, $skip skipped (valgrind)"
echo "$pass passed, $fail failed, $skip skipped" > "$VGD/summary"
[ "$fail" -eq 0 ]
