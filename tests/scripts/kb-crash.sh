#!/bin/sh
# Knowledge base durability: kill -9 in the middle of a large ingest leaves a
# consistent base with no partial document; queries run while an ingest is
# under way (WAL); adding the rest afterwards gives the same base as one
# uninterrupted ingest; a file size limit (full disk) fails cleanly.
D=$OUT/kb-crash
command -v sqlite3 > /dev/null 2>&1 || { echo "skip kb-crash: sqlite3 is not installed"; exit 0; }
rm -rf "$D"; mkdir -p "$D/corpus"
# a corpus large enough that ingest takes a few seconds
awk -v dir="$D/corpus" 'BEGIN {
  for (i = 0; i < 400; i++) {
    f = dir "/r" i ".txt"
    printf "Field report %d\n\n", i > f
    for (j = 0; j < 30; j++) {
      printf "Cell %d-%d moved supplies through the northern district in %d. ", i, j, 1990 + j > f
      printf "Its courier number %d met the second unit near the river crossing. ", j > f
    }
    printf "\n" > f
    close(f)
  }
}'

sqlcount() { sqlite3 "$1" "$2" 2>/dev/null || echo -1; }

"$TIES" add --quiet --db "$D/kb.db" "$D/corpus" 2> "$D/add.err" &
pid=$!
# wait until some documents are in, query meanwhile, then kill
n=0; tries=0
while [ "$n" -lt 20 ] && [ $tries -lt 400 ]; do
  sleep 0.05
  n=$(sqlcount "$D/kb.db" "SELECT count(*) FROM document")
  [ -n "$n" ] || n=0
  tries=$((tries + 1))
done
if "$TIES" docs --db "$D/kb.db" > /dev/null 2> "$D/docs.err"; then
  echo "ok kb-query-during-ingest"
else
  echo "not ok kb-query-during-ingest: $(cat "$D/docs.err")"
fi
if kill -9 $pid 2>/dev/null; then
  wait $pid 2>/dev/null
  stored=$(sqlcount "$D/kb.db" "SELECT count(*) FROM document")
  if [ "$stored" -gt 0 ] && [ "$stored" -lt 400 ]; then
    echo "ok kb-killed-mid-ingest ($stored of 400 stored)"
  else
    echo "not ok kb-killed-mid-ingest: $stored documents stored at the kill"
  fi
else
  echo "not ok kb-killed-mid-ingest: the ingest ended before the kill"
fi

if "$TIES" check-db --db "$D/kb.db" > "$D/check.out" 2>&1 && grep -q '^ok$' "$D/check.out"; then
  echo "ok kb-consistent-after-kill"
else
  echo "not ok kb-consistent-after-kill: $(head -3 "$D/check.out")"
fi
# every stored document has all its sentences
partial=$(sqlcount "$D/kb.db" "SELECT count(*) FROM document d WHERE (SELECT count(*) FROM sentence s WHERE s.doc = d.id) <> d.nsentences OR d.nsentences = 0")
if [ "$partial" = 0 ]; then echo "ok kb-no-partial-document"; else echo "not ok kb-no-partial-document: $partial"; fi

# finishing the ingest gives what one uninterrupted run gives
"$TIES" add --quiet --db "$D/kb.db" "$D/corpus" 2>> "$D/add.err"
"$TIES" add --quiet --db "$D/clean.db" "$D/corpus" 2>> "$D/add.err"
a=$("$TIES" stats --db "$D/kb.db" | grep -E '^(documents|sentences|entities|relations|mentions) ')
b=$("$TIES" stats --db "$D/clean.db" | grep -E '^(documents|sentences|entities|relations|mentions) ')
if [ "$a" = "$b" ] && echo "$a" | grep -q '^documents  *400$'; then
  echo "ok kb-resume-after-kill"
else
  echo "not ok kb-resume-after-kill: $a / $b"
fi

# a file size limit stands in for a full disk: a clean error, no damage
mkdir -p "$D/more"
i=0
while [ $i -lt 40 ]; do sed "s/Cell/Unit $i/" "$D/corpus/r$i.txt" > "$D/more/m$i.txt"; i=$((i + 1)); done
# (the WAL grows past the limit while the first documents commit)
(trap '' XFSZ; ulimit -f 400; exec "$TIES" add --quiet --db "$D/full.db" "$D/more") 2> "$D/full.err"
rc=$?
if [ $rc -eq 21 ] && grep -q "disk full or file size limit" "$D/full.err" && [ "$(wc -l < "$D/full.err")" -eq 1 ]; then
  echo "ok kb-full-disk-clean-error"
else
  echo "not ok kb-full-disk-clean-error: exit $rc, $(head -c 300 "$D/full.err")"
fi
if "$TIES" check-db --db "$D/full.db" > "$D/check2.out" 2>&1; then
  echo "ok kb-consistent-after-full-disk"
else
  echo "not ok kb-consistent-after-full-disk: $(head -3 "$D/check2.out")"
fi
rm -rf "$D"
