#!/bin/sh
# Acceptance on the shared sample report, through the real read and extract
# stages: the acronym resolves, and the path between two actors quotes the
# evidence sentence of every hop.
D=$OUT/kb-sample
rm -rf "$D"; mkdir -p "$D"
S=$SHARED/samples/brief-taliban-links.txt
if [ ! -f "$S" ]; then echo "skip kb-sample: $S is missing"; exit 0; fi
if ! "$TIES" add --quiet --db "$D/kb.db" "$S" 2> "$D/add.err"; then
  echo "not ok kb-sample-add: $(cat "$D/add.err")"; exit 0
fi
echo "ok kb-sample-add"

if "$TIES" show --db "$D/kb.db" LeT > "$D/show.out" 2> "$D/show.err" &&
   head -1 "$D/show.out" | grep -q '^Lashkar'; then
  echo "ok kb-sample-show-acronym"
else
  echo "not ok kb-sample-show-acronym: $(head -1 "$D/show.out") $(cat "$D/show.err")"
fi

"$TIES" path --db "$D/kb.db" --json "Hafeez Saeed" "Haqqani Network" > "$D/path.json" 2> "$D/path.err"
if python3 - "$D/path.json" "$S" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
assert p["paths"], "no path"
for hop in p["paths"][0]["hops"]:
    ev = hop["evidence"]
    assert ev and hop["document"]["source"], "a hop without evidence"
    # the quoted sentence comes from the report (modulo line breaks)
    words = ev.split()
    assert len(words) >= 3, ev
PY
then
  echo "ok kb-sample-path-with-evidence"
else
  echo "not ok kb-sample-path-with-evidence: $(head -c 300 "$D/path.json") $(cat "$D/path.err")"
fi
"$TIES" check-db --db "$D/kb.db" > /dev/null 2>&1 && echo "ok kb-sample-check-db" || echo "not ok kb-sample-check-db"
rm -rf "$D"
