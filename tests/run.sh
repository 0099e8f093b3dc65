#!/bin/sh
# The test runner: unit programs (cmocka), CLI cases (tests/cases/*/*/),
# and script tests (tests/scripts/*.sh).  Usage: tests/run.sh BUILD_DIR
# Closes with "N passed, N failed".
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIES="$ROOT/$BUILD/ties"
SHARED=${TIES_SHARED:-$ROOT/../shared}
OUT="$ROOT/$BUILD/test-out"
export TIES BUILD ROOT SHARED OUT
rm -rf "$OUT"; mkdir -p "$OUT"
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

# 1. unit programs: each is a cmocka group; count its tests
for t in "$ROOT/$BUILD"/tests/test-*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if "$t" > "$OUT/$name.log" 2>&1; then
    n=$(grep -c '^\[       OK \]' "$OUT/$name.log")
    pass=$((pass + n))
  else
    n=$(grep -c '^\[       OK \]' "$OUT/$name.log")
    pass=$((pass + n))
    ko "$name"; sed 's/^/  /' "$OUT/$name.log" | grep -v '^  \[ RUN' | tail -20
  fi
done

# 2. CLI cases: a folder with `cmd` (shell, run in the case folder with $TIES),
#    `expected` (stdout, exact) or `expected-grep` (lines that must appear),
#    optional `status` (exit code, default 0) and `stderr-grep`.
for c in "$ROOT"/tests/cases/*/*/; do
  [ -f "$c/cmd" ] || continue
  name=${c#"$ROOT/tests/cases/"}; name=${name%/}
  want=0; [ -f "$c/status" ] && want=$(cat "$c/status")
  (cd "$c" && sh ./cmd) > "$OUT/case.out" 2> "$OUT/case.err"
  got=$?
  bad=""
  [ "$got" = "$want" ] || bad="exit $got, want $want"
  if [ -z "$bad" ] && [ -f "$c/expected" ]; then
    cmp -s "$c/expected" "$OUT/case.out" || bad="stdout differs: $(diff "$c/expected" "$OUT/case.out" | head -5)"
  fi
  if [ -z "$bad" ] && [ -f "$c/expected-grep" ]; then
    while IFS= read -r pat; do
      [ -n "$pat" ] || continue
      grep -qF -- "$pat" "$OUT/case.out" || { bad="stdout lacks: $pat"; break; }
    done < "$c/expected-grep"
  fi
  if [ -z "$bad" ] && [ -f "$c/stderr-grep" ]; then
    while IFS= read -r pat; do
      [ -n "$pat" ] || continue
      grep -qF -- "$pat" "$OUT/case.err" || { bad="stderr lacks: $pat (got: $(head -c 200 "$OUT/case.err"))"; break; }
    done < "$c/stderr-grep"
    [ -z "$bad" ] && [ "$(wc -l < "$OUT/case.err")" -ne 1 ] && bad="stderr is not one line"
  fi
  if [ -z "$bad" ]; then ok; else ko "case $name: $bad"; fi
done

# 3. script tests: each prints lines "ok NAME" / "not ok NAME: why" / "skip NAME: why"
for s in "$ROOT"/tests/scripts/*.sh; do
  [ -f "$s" ] || continue
  sh "$s" > "$OUT/script.out" 2>&1
  rc=$?
  p=$(grep -c '^ok ' "$OUT/script.out"); f=$(grep -c '^not ok ' "$OUT/script.out")
  k=$(grep -c '^skip ' "$OUT/script.out")
  pass=$((pass + p)); skip=$((skip + k))
  if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
    fail=$((fail + f)); [ "$f" -eq 0 ] && fail=$((fail + 1))
    echo "FAIL: $(basename "$s") (exit $rc)"; grep -v '^ok ' "$OUT/script.out" | sed 's/^/  /' | tail -30
  fi
done

echo "$pass passed, $fail failed, $skip skipped" | tee "$ROOT/$BUILD/summary"
[ "$fail" -eq 0 ]
