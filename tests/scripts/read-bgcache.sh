#!/bin/sh
# The background tables saved at make time (build/ties-bg.bin, tools/mkbg.c):
# `ties read` gives the same text with them mapped as with the corpora
# counted afresh, ignores a file that is damaged or made from other sources,
# and does use a file that matches (an emptied copy changes the repair).
W="$OUT/read-bgcache"
mkdir -p "$W"
BIN="$ROOT/$BUILD/ties-bg.bin"
IN="$ROOT/samples/brief-demo.txt"
if [ ! -f "$BIN" ]; then
  echo "not ok bgcache-built: $BIN is missing"; exit 0
fi
if ! command -v python3 > /dev/null 2>&1; then
  echo "skip bgcache: python3 is not installed"; exit 0
fi
[ "$(head -c 8 "$BIN")" = "ties-bg3" ] && echo "ok bgcache-magic" || echo "not ok bgcache-magic"
TIES_BGCACHE= "$TIES" read "$IN" > "$W/counted.txt" 2> "$W/err" || echo "not ok bgcache-counted: exit $?"
"$TIES" read "$IN" > "$W/mapped.txt" 2>> "$W/err" || echo "not ok bgcache-mapped: exit $?"
cmp -s "$W/counted.txt" "$W/mapped.txt" && echo "ok bgcache-same-output" ||
  echo "not ok bgcache-same-output: mapped tables read differently"
# saving again gives the same bytes
"$ROOT/$BUILD/tools/mkbg" "$W/again.bin" && cmp -s "$W/again.bin" "$BIN" &&
  echo "ok bgcache-deterministic" || echo "not ok bgcache-deterministic"
# damaged or foreign files are ignored: the text is counted again
python3 - "$BIN" "$W" <<'PY'
import struct, sys
src, w = sys.argv[1], sys.argv[2]
b = bytearray(open(src, "rb").read())
open(w + "/truncated.bin", "wb").write(b[:100000])
s = bytearray(b); s[60] ^= 0xFF            # a source's stamp
open(w + "/stamp.bin", "wb").write(s)
l = bytearray(b); struct.pack_into("=Q", l, 24, struct.unpack_from("=Q", l, 24)[0] + 1)
open(w + "/len.bin", "wb").write(l)        # more used slots claimed than there are
m = bytearray(b); m[0:8] = b"ties-bgX"
open(w + "/magic.bin", "wb").write(m)
# a matching header over empty tables: mapped, so the repair changes
e = bytearray(b[:344]) + bytearray(len(b) - 344)
struct.pack_into("=3Q", e, 24, 0, 0, 0)
open(w + "/empty.bin", "wb").write(e)
PY
for f in truncated stamp len magic; do
  TIES_BGCACHE="$W/$f.bin" "$TIES" read "$IN" > "$W/$f.txt" 2>> "$W/err" &&
    cmp -s "$W/$f.txt" "$W/counted.txt" && echo "ok bgcache-ignores-$f" ||
    echo "not ok bgcache-ignores-$f"
done
for f in "$W" /dev/null "$W/none.bin"; do
  TIES_BGCACHE="$f" "$TIES" read "$IN" > "$W/other.txt" 2>> "$W/err" &&
    cmp -s "$W/other.txt" "$W/counted.txt" && echo "ok bgcache-ignores-path $f" ||
    echo "not ok bgcache-ignores-path $f"
done
TIES_BGCACHE="$W/empty.bin" "$TIES" read "$IN" > "$W/empty.txt" 2>> "$W/err" &&
  ! cmp -s "$W/empty.txt" "$W/counted.txt" && echo "ok bgcache-used" ||
  echo "not ok bgcache-used: a matching file is not mapped"
[ -s "$W/err" ] && echo "not ok bgcache-quiet: $(head -1 "$W/err")" || echo "ok bgcache-quiet"
