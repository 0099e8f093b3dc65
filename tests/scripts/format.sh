#!/bin/sh
# Every C source and header of the project is as clang-format lays it out
# with the committed .clang-format (`make format` rewrites them).
if ! command -v clang-format > /dev/null 2>&1; then
  echo "skip format: clang-format is not installed"; exit 0
fi
cd "$ROOT" || exit 0
if command -v git > /dev/null 2>&1 && git rev-parse --git-dir > /dev/null 2>&1; then
  files=$(git ls-files '*.c' '*.h')
else
  files=$(find include src tests tools bench -name '*.[ch]' 2>/dev/null)
fi
bad=""
for f in $files; do
  [ -f "$f" ] || continue
  clang-format "$f" | cmp -s - "$f" || bad="$bad $f"
done
if [ -z "$bad" ]; then echo "ok format"; else echo "not ok format: differs from clang-format:$bad"; fi
