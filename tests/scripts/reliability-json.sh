#!/bin/sh
# JSON output checked with a real JSON parser (python3 json): the document
# model (`ties read --json`) and the extraction (`ties extract --json`) of
# the project's fixtures, of the shared samples, and of hostile text
# (markup, control characters, U+2028, quotes, deep parentheses).
W="$OUT/reliability-json"
mkdir -p "$W"
if ! command -v python3 > /dev/null 2>&1; then
  echo "skip json-parse: python3 is not installed"; exit 0
fi
cat > "$W/check.py" <<'EOF'
import json, sys
path, kind = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
try:
    d = json.loads(raw.decode("utf-8"))
except Exception as e:
    print("invalid JSON: %s" % e); sys.exit(1)
# Output meant for HTML pages too: no raw < > & in the bytes.
for ch in (b"<", b">", b"&", "\u2028".encode(), "\u2029".encode()):
    if ch in raw:
        print("raw %r in output" % ch); sys.exit(1)
if kind == "read":
    t = d["text"].encode("utf-8")
    for key in ("blocks", "sentences", "markers", "notes"):
        for it in d[key]:
            if not (0 <= it["start"] <= it["end"] <= len(t)):
                print("%s offsets %r outside the text (%d bytes)" % (key, it, len(t))); sys.exit(1)
elif kind == "extract":
    ids = {e["id"] for e in d["entities"]}
    for r in d["relations"]:
        if r["source"] not in ids or r["target"] not in ids:
            print("relation %r names an unknown entity" % r); sys.exit(1)
EOF

# Hostile inputs, written here.
printf 'Report <script>alert(1)</script>\n\nThe "Group" & its \\ leader\001 met\037 in a\342\200\250town\342\200\251 near <b>X</b>.\n' > "$W/markup.txt"
printf 'Title\n\nA sentence with a tab\there, a form feed\f and a \033 escape.\n' > "$W/control.txt"
awk 'BEGIN { printf "Deep\n\nStart "; for (i = 0; i < 5000; i++) printf "("; printf "x"; for (i = 0; i < 5000; i++) printf ")"; print "." }' > "$W/parens.txt"
awk 'BEGIN { print "Notes test"; print ""; print "Claim one.1 Claim two.2"; print ""; print "Notes"; print "1 A source."; print "2 Another \"quoted\" source <with> markup." }' > "$W/notes.txt"

inputs="$W/markup.txt $W/control.txt $W/parens.txt $W/notes.txt"
for f in "$ROOT"/samples/*.txt "$SHARED"/samples/*.txt "$SHARED"/samples/reading/*.txt "$SHARED"/samples/reading/*.pdf; do
  [ -f "$f" ] && inputs="$inputs $f"
done

for f in $inputs; do
  n=$(basename "$f")
  case $n in *.gold.txt) continue ;; esac
  "$TIES" read --json "$f" > "$W/$n.read.json" 2> "$W/$n.read.err"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "not ok read-json $n: exit $rc: $(head -c 200 "$W/$n.read.err")"
    continue
  fi
  if why=$(python3 "$W/check.py" "$W/$n.read.json" read); then
    echo "ok read-json $n"
  else
    echo "not ok read-json $n: $why"
  fi
  "$TIES" extract --json "$f" > "$W/$n.x.json" 2> "$W/$n.x.err"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "not ok extract-json $n: exit $rc: $(head -c 200 "$W/$n.x.err")"
  elif why=$(python3 "$W/check.py" "$W/$n.x.json" extract); then
    echo "ok extract-json $n"
  else
    echo "not ok extract-json $n: $why"
  fi
done

# Exports of the hostile reports, read and extracted at once.
hostile="$W/markup.txt $W/control.txt $W/notes.txt"
for f in json stix; do
  # shellcheck disable=SC2086
  "$TIES" export --format $f -o "$W/export.$f" $hostile > /dev/null 2> "$W/export.err"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "not ok export-json-$f: exit $rc: $(head -c 200 "$W/export.err")"
  elif why=$(python3 "$W/check.py" "$W/export.$f" export); then
    echo "ok export-json-$f"
  else
    echo "not ok export-json-$f: $why"
  fi
done
cat > "$W/html.py" <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<script type="application/json" id="ties-data">(.*?)</script>', page, re.S)
if not m:
    print("no data block"); sys.exit(1)
json.loads(m.group(1))
if "alert(1)" in page.replace(m.group(1), ""):
    print("document text outside the data block"); sys.exit(1)
n = len(re.findall(r"<script", page, re.I))
if n != 2:
    print("%d script elements, want 2" % n); sys.exit(1)
PY
# shellcheck disable=SC2086
"$TIES" export --format html -o "$W/export.html" $hostile > /dev/null 2> "$W/export.err"
rc=$?
if [ $rc -ne 0 ]; then
  echo "not ok export-html-data: exit $rc: $(head -c 200 "$W/export.err")"
elif why=$(python3 "$W/html.py" "$W/export.html"); then
  echo "ok export-html-data"
else
  echo "not ok export-html-data: $why"
fi
exit 0
