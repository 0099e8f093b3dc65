#!/bin/sh
# Crash safety of the knowledge base:
#  - kill -9 at random points of an ingest, KILLS times (default 50); after
#    each: `ties check-db` passes, no document stored before the kill is lost,
#    and every stored document is whole (its sentences, notes, entities,
#    mentions and claims match a clean ingest of the same file);
#  - readers (`ties docs`, `ties stats`) while an ingest writes, two first
#    ingests racing to create a new base, and two writers at once;
#  - a read-only database: queries work, `ties add` is refused (code 20);
#  - a full disk (file-size limit): a clean refusal (code 21), the database
#    still consistent;
#  - a database from a future schema version, a foreign SQLite file and a
#    file that is no database: refused clearly (16, 16, 15).
# RELIABILITY_KILLS and RELIABILITY_DOCS change the size (CI runs the
# defaults).
KILLS=${RELIABILITY_KILLS:-50}
NDOCS=${RELIABILITY_DOCS:-24}
# Under the sanitizers the same code runs several times slower; what this
# tests (transactions surviving kills) does not depend on them, so fewer.
case $BUILD in *asan*) KILLS=${RELIABILITY_KILLS:-15}; NDOCS=${RELIABILITY_DOCS:-12} ;; esac
W="$OUT/reliability-store"
rm -rf "$W"; mkdir -p "$W/docs" "$W/more"
for t in python3 awk; do
  command -v $t > /dev/null 2>&1 || { echo "skip store-reliability: $t is not installed"; exit 0; }
done
python3 -c "import sqlite3" 2> /dev/null || { echo "skip store-reliability: python3 lacks sqlite3"; exit 0; }

# Documents written here: varied names so every report has its own entities
# and relations.
gen_docs() { # DIR FIRST COUNT
  awk -v first="$2" -v n="$3" -v dir="$1" 'BEGIN {
    split("Adam Boris Carla Dmitri Elena Farid Goran Hana Ivan Jana Karim Lena", fn, " ")
    split("Kovac Lind Moreno Novak Ortiz Petrov Quinn Rossi Stone Tanaka Varga Weber", sn, " ")
    split("Northern Eastern Western Southern Free United Iron Golden Silent Red Green Black", aj, " ")
    split("Valley River Mountain Coast Desert Forest Harbour Plain Delta Ridge Lake Steppe", nn, " ")
    split("Front Brigade Movement Army Network Council", kd, " ")
    split("Avalon Brema Castor Dunmore Elbany Fairhold Grantby Harrow Ister Jorvik Kelso Lydney", ct, " ")
    for (d = first; d < first + n; d++) {
      f = sprintf("%s/report-%03d.txt", dir, d)
      o1 = "the " aj[d % 12 + 1] " " nn[int(d / 12) % 12 + 1] " " kd[d % 6 + 1]
      o2 = "the " aj[(d + 5) % 12 + 1] " " nn[(d + 7) % 12 + 1] " " kd[(d + 1) % 6 + 1]
      p1 = fn[d % 12 + 1] " " sn[int(d / 12) % 12 + 1]
      p2 = fn[(d + 3) % 12 + 1] " " sn[(d + 5) % 12 + 1]
      c1 = ct[d % 12 + 1]; c2 = ct[(d + 4) % 12 + 1]
      printf "Field report %d on %s\n\n", d, o1 > f
      for (k = 0; k < 6; k++) {
        printf "%s is led by %s, who founded it in %d.%d ", toupper(substr(o1, 1, 1)) substr(o1, 2), p1, 1990 + k + d % 20, k + 1 > f
        printf "%s reportedly met %s in %s in %d. ", p1, p2, c1, 2000 + k > f
        printf "%s is based in %s and operates in %s. ", toupper(substr(o2, 1, 1)) substr(o2, 2), c2, c1 > f
        printf "According to officials, %s funds %s.\n\n", o2, o1 > f
      }
      printf "Notes\n\n" > f
      for (k = 1; k <= 6; k++) printf "%d Interview %d of report %d.\n", k, k, d > f
      close(f)
    }
  }'
}
gen_docs "$W/docs" 1 "$NDOCS"
gen_docs "$W/more" 500 "$NDOCS"

# Per-document counts, straight from the tables.
cat > "$W/counts.py" <<'EOF'
import json, sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
q = {
  "sentences": "SELECT count(*) FROM sentence WHERE doc = ?",
  "notes": "SELECT count(*) FROM note WHERE doc = ?",
  "entities": "SELECT count(*) FROM doc_entity WHERE doc = ?",
  "mentions": "SELECT count(*) FROM mention m JOIN doc_entity d ON m.de = d.id WHERE d.doc = ?",
  "claims": "SELECT count(*) FROM claim WHERE doc = ?",
}
out = {}
for doc_id, sha in db.execute("SELECT id, sha256 FROM document"):
    out[sha] = {k: db.execute(v, (doc_id,)).fetchone()[0] for k, v in q.items()}
if len(sys.argv) == 2:
    json.dump(out, sys.stdout, sort_keys=True); sys.exit(0)
# counts.py DB NOW REF BEFORE: also checks every stored document is whole and
# none of BEFORE is lost
json.dump(out, open(sys.argv[2], "w"), sort_keys=True)
ref = json.load(open(sys.argv[3])); before = json.load(open(sys.argv[4]))
bad = []
for sha, c in out.items():
    if sha not in ref:
        bad.append("unknown document %s" % sha[:12])
    elif c != ref[sha]:
        bad.append("partial document %s: %s, whole: %s" % (sha[:12], c, ref[sha]))
for sha in before:
    if sha not in out:
        bad.append("document %s lost" % sha[:12])
print("; ".join(bad[:3]) if bad else len(out))
sys.exit(1 if bad else 0)
EOF
DB="$W/kb.db"
REF="$W/ref.db"
ms() { date +%s%N | cut -c1-13; }

# A clean ingest is the reference (and times the ingest).
t0=$(ms)
if ! "$TIES" add --quiet --db "$REF" "$W/docs" > "$W/ref.out" 2> "$W/ref.err"; then
  echo "not ok store-ingest: clean ingest failed: $(head -c 200 "$W/ref.err")"; exit 0
fi
t1=$(ms)
span=$((t1 - t0))
python3 "$W/counts.py" "$REF" > "$W/ref.json"
nref=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$W/ref.json")
if [ "$nref" -eq "$NDOCS" ]; then
  echo "ok store-ingest: $NDOCS documents in ${span} ms"
else
  echo "not ok store-ingest: $nref of $NDOCS documents stored"; exit 0
fi

# 1. kill -9 at random points.
kills=0; runs=0; problems=0; restarts=0
echo '{}' > "$W/before.json"
while [ "$kills" -lt "$KILLS" ] && [ "$runs" -lt $((KILLS * 4)) ]; do
  runs=$((runs + 1))
  # delays spread over the whole ingest, seeded so a run can be replayed
  delay=$(awk -v s="$runs" -v span="$span" 'BEGIN { srand(s * 7919); printf "%.3f", rand() * span * 1.2 / 1000 }')
  "$TIES" add --quiet --db "$DB" "$W/docs" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  [ $? -eq 137 ] && kills=$((kills + 1))
  [ -f "$DB" ] || continue
  if ! "$TIES" check-db --db "$DB" > "$W/check.out" 2> "$W/check.err"; then
    problems=$((problems + 1))
    echo "not ok store-kill-$runs: check-db after a kill at ${delay}s: $(head -c 300 "$W/check.out" "$W/check.err" | tr '\n' ' ')"
    cp "$DB" "$W/failed-$runs.db" 2> /dev/null
    rm -f "$DB" "$DB-wal" "$DB-shm"; echo '{}' > "$W/before.json"
    continue
  fi
  if ! res=$(python3 "$W/counts.py" "$DB" "$W/now.json" "$W/ref.json" "$W/before.json"); then
    problems=$((problems + 1))
    echo "not ok store-kill-$runs: after a kill at ${delay}s: $res"
  fi
  mv "$W/now.json" "$W/before.json"
  if [ "$res" = "$NDOCS" ]; then # complete: start again so kills land mid-ingest
    rm -f "$DB" "$DB-wal" "$DB-shm"; echo '{}' > "$W/before.json"; restarts=$((restarts + 1))
  fi
done
if [ "$kills" -ge "$KILLS" ] && [ "$problems" -eq 0 ]; then
  echo "ok store-kill: $kills kills in $runs runs ($restarts complete ingests), nothing lost or partial"
elif [ "$problems" -eq 0 ]; then
  echo "not ok store-kill: only $kills kills landed in $runs runs"
fi
# After the kills, a normal ingest completes the database.
"$TIES" add --quiet --db "$DB" "$W/docs" > /dev/null 2> "$W/final.err"
rc=$?
echo '{}' > "$W/none.json"
if [ $rc -eq 0 ] && res=$(python3 "$W/counts.py" "$DB" "$W/now.json" "$W/ref.json" "$W/none.json") &&
   [ "$res" = "$NDOCS" ] &&
   "$TIES" check-db --db "$DB" > /dev/null 2>&1; then
  echo "ok store-kill-resume: all $NDOCS documents whole after resuming"
else
  echo "not ok store-kill-resume: exit $rc, $res $(head -c 200 "$W/final.err")"
fi

# 2. readers while a writer ingests; then two writers at once.
C="$W/concurrent.db"
"$TIES" add --quiet --db "$C" "$W/docs/report-001.txt" > /dev/null 2>&1
"$TIES" add --quiet --db "$C" "$W/docs" "$W/more" > /dev/null 2> "$W/writer.err" &
wpid=$!
reads=0; rbad=""; last=0
while kill -0 "$wpid" 2> /dev/null; do
  [ -f "$C" ] || continue
  if "$TIES" stats --json --db "$C" > "$W/stats.json" 2> "$W/reader.err"; then
    n=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['documents'])" "$W/stats.json" 2> /dev/null)
    [ -n "$n" ] || { rbad="stats --json unreadable"; break; }
    [ "$n" -ge "$last" ] || { rbad="document count went from $last to $n"; break; }
    last=$n; reads=$((reads + 1))
  elif "$TIES" docs --db "$C" > /dev/null 2>> "$W/reader.err"; then
    reads=$((reads + 1))
  elif kill -0 "$wpid" 2> /dev/null; then
    rbad="a reader failed during the ingest: $(head -c 200 "$W/reader.err")"; break
  fi
done
wait "$wpid"; wrc=$?
if [ -z "$rbad" ] && [ $wrc -eq 0 ] && [ "$reads" -ge 1 ]; then
  echo "ok store-concurrent-read: $reads reads during the ingest, counts never went back"
else
  echo "not ok store-concurrent-read: ${rbad:-writer exit $wrc, $reads reads} $(head -c 200 "$W/writer.err")"
fi
# two first ingests racing to create a new knowledge base: both must wait
# for the lock, not fail (tried a few times, the race is a matter of timing)
race=""
for t in 1 2 3 4 5; do
  R="$W/race-$t.db"
  "$TIES" add --quiet --db "$R" "$W/docs/report-001.txt" > /dev/null 2> "$W/r1.err" &
  p1=$!
  "$TIES" add --quiet --db "$R" "$W/more/report-500.txt" > /dev/null 2> "$W/r2.err" &
  p2=$!
  wait "$p1"; r1=$?; wait "$p2"; r2=$?
  if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
    race="try $t: exits $r1 $r2: $(cat "$W/r1.err" "$W/r2.err" | head -c 200)"; break
  fi
done
[ -z "$race" ] && echo "ok store-create-race: two first ingests into a new base, 5 times" ||
  echo "not ok store-create-race: $race"
C2="$W/writers.db"
"$TIES" add --quiet --db "$C2" "$W/docs/report-001.txt" > /dev/null 2>&1
"$TIES" add --quiet --db "$C2" "$W/docs" > /dev/null 2> "$W/w1.err" &
p1=$!
"$TIES" add --quiet --db "$C2" "$W/more" > /dev/null 2> "$W/w2.err" &
p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
n=$(python3 "$W/counts.py" "$C2" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ "$n" -eq $((NDOCS * 2)) ] && "$TIES" check-db --db "$C2" > /dev/null 2>&1; then
  echo "ok store-two-writers: both ingests stored ($n documents)"
else
  echo "not ok store-two-writers: exits $r1 $r2, $n documents: $(head -c 150 "$W/w1.err" "$W/w2.err" | tr '\n' ' ')"
fi

# 3. a read-only database.
RO="$W/ro"
mkdir -p "$RO"
cp "$REF" "$RO/kb.db"
chmod 755 "$RO"; chmod 644 "$RO/kb.db"
as_other=""
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv > /dev/null 2>&1; then
    as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
  elif command -v runuser > /dev/null 2>&1; then
    as_other="runuser -u nobody --"
  fi
else
  chmod 555 "$RO"; chmod 444 "$RO/kb.db"
fi
if [ "$(id -u)" -eq 0 ] && [ -z "$as_other" ]; then
  echo "skip store-readonly: running as root without setpriv or runuser"
elif ! $as_other test -r "$RO/kb.db" 2> /dev/null; then
  echo "skip store-readonly: the test folder is not readable by another user"
else
  $as_other "$TIES" stats --db "$RO/kb.db" > "$W/ro.out" 2> "$W/ro.err"
  rc=$?
  if [ $rc -eq 0 ] && grep -q "documents" "$W/ro.out"; then
    echo "ok store-readonly-query"
  else
    echo "not ok store-readonly-query: exit $rc: $(head -c 200 "$W/ro.err")"
  fi
  $as_other "$TIES" add --db "$RO/kb.db" "$W/more/report-500.txt" > "$W/ro.out" 2> "$W/ro.err"
  rc=$?
  if [ $rc -eq 20 ] && [ "$(wc -l < "$W/ro.err")" -eq 1 ] && grep -q "read-only" "$W/ro.err"; then
    echo "ok store-readonly-add: $(cat "$W/ro.err")"
  else
    echo "not ok store-readonly-add: exit $rc (want 20): $(head -c 200 "$W/ro.err")"
  fi
  $as_other "$TIES" check-db --db "$RO/kb.db" > /dev/null 2> "$W/ro.err"
  rc=$?
  [ $rc -eq 0 ] && echo "ok store-readonly-check-db" ||
    echo "not ok store-readonly-check-db: exit $rc: $(head -c 200 "$W/ro.err")"
fi

# 4. a full disk: a file-size limit the database reaches mid-ingest.
F="$W/full.db"
"$TIES" add --quiet --db "$F" "$W/docs/report-001.txt" > /dev/null 2>&1
size=$(wc -c < "$F")
# ulimit -f counts 512-byte blocks in dash, 1024 in bash: a few times the
# one-document size is reached early either way
(ulimit -f $((size * 3 / 1024 + 1)); exec "$TIES" add --quiet --db "$F" "$W/docs" "$W/more") \
  > /dev/null 2> "$W/full.err"
rc=$?
python3 "$W/counts.py" "$F" > "$W/now.json"
if [ $rc -eq 21 ] && [ "$(wc -l < "$W/full.err")" -eq 1 ]; then
  echo "ok store-full-disk: $(cat "$W/full.err")"
else
  echo "not ok store-full-disk: exit $rc (want 21): $(head -c 200 "$W/full.err")"
fi
if "$TIES" check-db --db "$F" > "$W/check.out" 2>&1 && python3 - "$W/now.json" "$W/docs" "$W/more" > "$W/full.chk" 2>&1 <<'EOF'
import json, sys
# every document left behind is whole: compared with its own clean count
now = json.load(open(sys.argv[1]))
bad = [s for s, c in now.items() if c["sentences"] == 0 or c["entities"] == 0]
sys.exit(1 if bad else 0)
EOF
then
  echo "ok store-full-disk-consistent: check-db passes, $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$W/now.json") whole documents kept"
else
  echo "not ok store-full-disk-consistent: $(head -c 300 "$W/check.out" "$W/full.chk" | tr '\n' ' ')"
fi

# 5. a database from a future schema version, a foreign SQLite file, garbage.
cp "$REF" "$W/future.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 999'); c.commit()" "$W/future.db"
for cmd in stats add check-db; do
  case $cmd in add) extra="$W/more/report-501.txt" ;; *) extra="" ;; esac
  # shellcheck disable=SC2086
  "$TIES" $cmd --db "$W/future.db" $extra > /dev/null 2> "$W/future.err"
  rc=$?
  if [ $rc -eq 16 ] && [ "$(wc -l < "$W/future.err")" -eq 1 ] && grep -q "999" "$W/future.err"; then
    echo "ok store-future-schema-$cmd"
  else
    echo "not ok store-future-schema-$cmd: exit $rc (want 16): $(head -c 200 "$W/future.err")"
  fi
done
v=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])" "$W/future.db")
[ "$v" = 999 ] && echo "ok store-future-schema-untouched" || echo "not ok store-future-schema-untouched: user_version now $v"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$W/foreign.db"
"$TIES" add --db "$W/foreign.db" "$W/more/report-501.txt" > /dev/null 2> "$W/foreign.err"
rc=$?
[ $rc -eq 16 ] && grep -q "not a ties knowledge base" "$W/foreign.err" && echo "ok store-foreign-sqlite" ||
  echo "not ok store-foreign-sqlite: exit $rc (want 16): $(head -c 200 "$W/foreign.err")"
head -c 5000 /dev/zero | tr '\000' x > "$W/garbage.db"
"$TIES" stats --db "$W/garbage.db" > /dev/null 2> "$W/garbage.err"
rc=$?
[ $rc -eq 15 ] && [ "$(wc -l < "$W/garbage.err")" -eq 1 ] && echo "ok store-not-a-database" ||
  echo "not ok store-not-a-database: exit $rc (want 15): $(head -c 200 "$W/garbage.err")"
# a database cut short: refused or reported, never a crash
head -c 20000 "$REF" > "$W/cut.db"
"$TIES" check-db --db "$W/cut.db" > /dev/null 2> "$W/cut.err"
rc=$?
if [ $rc -ge 1 ] && [ $rc -le 70 ] && [ $rc -ne 70 ]; then
  echo "ok store-truncated-db: exit $rc"
else
  echo "not ok store-truncated-db: exit $rc: $(head -c 200 "$W/cut.err")"
fi
exit 0
