#!/bin/sh
# The unit programs and the CLI cases under valgrind: any invalid read or
# write, use of uninitialised memory, or leak (definite or indirect) fails.
#   tests/valgrind.sh BUILD [OUTDIR]
# Runs the binaries of BUILD (a plain, unsanitised build).  A case folder
# holding a file `no-valgrind` is left out (inputs too large to be worth
# running ten times slower).  Prints one line per failure and writes
# "N passed, N failed, N skipped" to OUTDIR/summary (default build-valgrind).
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

# $TIES for the cases: the real binary under valgrind, one log per process.
cat > "$VGD/ties" <<EOF
#!/bin/sh
exec $VG --log-file="$LOGS/ties.%p.log" "$REAL" "\$@"
EOF
chmod +x "$VGD/ties"
TIES="$VGD/ties"
export TIES BUILD ROOT SHARED OUT

bad_logs() { # prints the logs that report something, then removes them all
  for l in "$LOGS"/*.log; do
    [ -s "$l" ] && { echo "  $(basename "$l"):"; sed 's/^/    /' "$l" | head -40; }
  done
  rm -f "$LOGS"/*.log
}

for t in "$ROOT/$BUILD"/tests/test-*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  $VG --log-file="$LOGS/$name.%p.log" "$t" > "$OUT/$name.log" 2>&1
  rc=$?
  msgs=$(bad_logs)
  if [ "$rc" -eq 0 ] && [ -z "$msgs" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: valgrind $name (exit $rc)"; echo "$msgs"
  fi
done

for c in "$ROOT"/tests/cases/*/*/; do
  [ -f "$c/cmd" ] || continue
  name=${c#"$ROOT/tests/cases/"}; name=${name%/}
  if [ -f "$c/no-valgrind" ]; then skip=$((skip + 1)); continue; fi
  want=0; [ -f "$c/status" ] && want=$(cat "$c/status")
  (cd "$c" && sh ./cmd) > "$OUT/case.out" 2> "$OUT/case.err"
  got=$?
  msgs=$(bad_logs)
  if [ -z "$msgs" ] && [ "$got" != 99 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: valgrind case $name (exit $got, want $want)"; echo "$msgs"
  fi
done

echo "$pass passed, $fail failed, $skip skipped (valgrind)"
echo "$pass passed, $fail failed, $skip skipped" > "$VGD/summary"
[ "$fail" -eq 0 ]
