#!/bin/sh
# ties extract end to end: the shared sample against its annotation (the
# acceptance thresholds), reports of other domains written for the project,
# the JSON contract (offsets point at the mention text), and rules-file errors.
score() { # GOLD SYS -> "ent pair typed"
  python3 "$SHARED/eval/score_extract.py" "$1" "$2" | awk '
    /^entities:/ {for (i = 1; i <= NF; i++) if ($i == "F1") e = $(i + 1)}
    /^relations\(pairs\)/ {for (i = 1; i <= NF; i++) if ($i == "F1") p = $(i + 1)}
    /^relations\(typed/ {for (i = 1; i <= NF; i++) if ($i == "F1") t = $(i + 1)}
    END {print e, p, t}'
}
check() { # NAME GOLD INPUT MIN_ENT MIN_PAIR MIN_TYPED
  if ! "$TIES" extract --json "$3" > "$OUT/x.json" 2> "$OUT/x.err"; then
    echo "not ok $1: extract failed: $(cat "$OUT/x.err")"; return
  fi
  set -- "$1" "$4" "$5" "$6" $(score "$2" "$OUT/x.json")
  if awk -v e="$5" -v p="$6" -v t="$7" -v me="$2" -v mp="$3" -v mt="$4" \
      'BEGIN {exit !(e >= me && p >= mp && t >= mt)}'; then
    echo "ok $1 (entity F1 $5, pair F1 $6, typed F1 $7)"
  else
    echo "not ok $1: entity F1 $5 (min $2), pair F1 $6 (min $3), typed F1 $7 (min $4)"
  fi
}
if ! command -v python3 > /dev/null; then echo "skip extract-sample: python3 missing"; exit 0; fi
S="$SHARED/samples"
if [ -f "$S/brief-taliban-links.gold.json" ]; then
  check extract-sample-scrambled "$S/brief-taliban-links.gold.json" "$S/brief-taliban-links.txt" 0.90 0.75 0.60
  check extract-sample-clean "$S/brief-taliban-links.gold.json" "$S/brief-taliban-links.gold.txt" 0.90 0.75 0.60
else
  echo "skip extract-sample: no shared sample"
fi
D="$ROOT/tests/data/extract"
# reports on other domains (invented actors), annotated like the shared sample
for d in cartel hackers rebels piracy; do
  check "extract-domain-$d" "$D/$d.gold.json" "$D/$d.txt" 0.80 0.55 0.50
done

# eighteen longer reports on other regions and domains (invented actors,
# real places), annotated by hand; the extractor's rules were not written
# against twelve of them when they were first scored (docs/extract.md):
# the means over the set must hold
R="$D/reports"
: > "$OUT/rep.tsv"
for g in "$R"/*.gold.json; do
  b=$(basename "$g" .gold.json)
  if "$TIES" extract --json "$R/$b.txt" > "$OUT/r.json" 2> "$OUT/r.err"; then
    echo "$(score "$g" "$OUT/r.json")" >> "$OUT/rep.tsv"
  else
    echo "not ok extract-reports-$b: $(cat "$OUT/r.err")"
  fi
done
awk '{e += $1; p += $2; t += $3; n++}
  END {m = sprintf("%d reports: mean entity F1 %.3f, pair F1 %.3f, typed F1 %.3f", n, e / n, p / n, t / n)
       if (n >= 18 && e / n >= 0.85 && p / n >= 0.55 && t / n >= 0.50) print "ok extract-reports (" m ")"
       else print "not ok extract-reports: " m " (min 0.85, 0.55, 0.50)"}' "$OUT/rep.tsv"

# the contract: ids, types, and mention offsets that slice the read text
"$TIES" read "$D/cartel.txt" > "$OUT/read.txt"
"$TIES" extract --json "$D/cartel.txt" > "$OUT/c.json"
if python3 - "$OUT/c.json" "$OUT/read.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); t = open(sys.argv[2], 'rb').read()
ids = {e["id"] for e in d["entities"]}
for e in d["entities"]:
    assert e["type"] in ("person", "organization", "location", "facility", "event", "other")
    names = {x.encode() for x in [e["name"]] + e["aliases"]}
    for s, f in e["mentions"]:
        assert t[s:f] in names or t[s:f].split(b"\xe2\x80\x99")[0] in names, (e, t[s:f])
for r in d["relations"]:
    assert r["source"] in ids and r["target"] in ids
    ev = r["evidence"]; assert t[ev["start"]:ev["end"]].decode() == ev["text"]
    assert r["hedge"] in ("asserted", "almost-certain", "likely", "reported", "alleged", "possible", "unlikely")
    assert isinstance(r["negated"], bool) and isinstance(r["notes"], list)
PY
then echo "ok extract-json-contract"; else echo "not ok extract-json-contract"; fi

# rules file: a user rule extends the triggers; a malformed one is refused
printf 'Aldo Ferri befriended Marta Okonjo in Lima.\n' > "$OUT/r.txt"
cp "$ROOT/data/relations.rules" "$OUT/user.rules"
echo "verb befriend affiliated-with" >> "$OUT/user.rules"
if "$TIES" extract --rules "$OUT/user.rules" "$OUT/r.txt" | grep -q "Aldo Ferri affiliated-with Marta Okonjo" &&
   ! "$TIES" extract "$OUT/r.txt" | grep -q "affiliated-with"; then
  echo "ok extract-user-rule"
else
  echo "not ok extract-user-rule"
fi
echo "frobnicate x y" > "$OUT/bad.rules"
"$TIES" extract --rules "$OUT/bad.rules" "$OUT/r.txt" > /dev/null 2> "$OUT/bad.err"
rc=$?
if [ "$rc" -eq 19 ] && grep -q "unknown rule kind 'frobnicate'" "$OUT/bad.err"; then
  echo "ok extract-bad-rules"
else
  echo "not ok extract-bad-rules: exit $rc, $(cat "$OUT/bad.err")"
fi
# no name from the shared sample in code, rules or data
if (cd "$ROOT" && grep -rqnIE 'Haqqani|Lashkar|Zawahiri|Farooqi|Miranshah|Jaish|Mujahideen|Kashmiri|Hafeez|Saeed|Asim Umar|Manshera|Zahedan|AQIS|ISKP|Taliban' src/extract include/ties/extract.h data tools 2>/dev/null); then
  echo "not ok extract-no-sample-names"
else
  echo "ok extract-no-sample-names"
fi
