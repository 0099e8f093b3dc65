#!/bin/sh
# PDF reading: PDFs made at test time (tests/tools/pdfgen.py, groff), read
# with `ties read`; checks reading order, dropped page furniture, markers,
# notes, dehyphenation, ligatures, and the shared reading cases.
GEN="$ROOT/tests/tools/pdfgen.py"
D="$OUT/pdf-read"
mkdir -p "$D"

ok() { echo "ok $1"; }
no() { echo "not ok $1: $2"; }
has() { grep -qF -- "$2" "$1"; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "skip pdf-read: python3 missing"
	exit 0
fi

# -- one report drawn in three orders ------------------------------------
for o in crossed ordered reversed; do
	python3 "$GEN" "report-$o" "$D/$o.pdf" || no "pdfgen $o" "generator failed"
	"$TIES" read "$D/$o.pdf" > "$D/$o.txt" 2> "$D/$o.err" || no "read $o" "$(cat "$D/$o.err")"
done
T="$D/crossed.txt"
if cmp -s "$D/crossed.txt" "$D/ordered.txt" && cmp -s "$D/crossed.txt" "$D/reversed.txt"; then
	ok "pdf order independent of the drawing order"
else
	no "pdf order independent of the drawing order" "$(diff "$D/ordered.txt" "$D/crossed.txt" | head -3)"
fi

# lines drawn across both columns, row by row, come out column by column
if has "$T" "The ledger was later copied by a clerk who noted each international shipment in a separate column."; then
	ok "pdf crossed columns read in column order"
else
	no "pdf crossed columns read in column order" "first paragraph not whole"
fi
first=$(grep -n "^Harbour records" "$T" | cut -d: -f1)
findings=$(grep -n "^Findings$" "$T" | cut -d: -f1)
notes=$(grep -n "^Notes$" "$T" | cut -d: -f1)
if [ -n "$first" ] && [ -n "$findings" ] && [ -n "$notes" ] && [ "$first" -lt "$findings" ] &&
	[ "$findings" -lt "$notes" ]; then
	ok "pdf left column before right column before next page"
else
	no "pdf left column before right column before next page" "lines $first $findings $notes"
fi
[ "$(head -1 "$T")" = "Convoy Records of the Northern Harbour" ] && ok "pdf title first" ||
	no "pdf title first" "$(head -1 "$T")"

# paragraphs continue across a column break and a page break
has "$T" "on the cliff road and that the crews returned only after the storm had passed over the islands and the sea was calm again" &&
	ok "pdf paragraph continues in the next column" ||
	no "pdf paragraph continues in the next column" "split or reordered"
has "$T" "which are posted at the entrance beside the notice board of the library." &&
	ok "pdf paragraph continues on the next page" ||
	no "pdf paragraph continues on the next page" "split or reordered"

# running header, page numbers
if has "$T" "Northern Harbour Review" || has "$T" "Issue 7" || grep -qx "[0-9]" "$T"; then
	no "pdf running header and page numbers dropped" "still in the text"
else
	ok "pdf running header and page numbers dropped"
fi

# dehyphenation with the document as dictionary, ligature expanded
has "$T" "each international shipment" && ok "pdf line-end hyphen removed" ||
	no "pdf line-end hyphen removed" "no 'international'"
has "$T" "called a well-known pattern" && ok "pdf compound hyphen kept" ||
	no "pdf compound hyphen kept" "no 'well-known' at the line end"
has "$T" "the final report" && ok "pdf ligature expanded" || no "pdf ligature expanded" "no 'final'"

# the model: markers from superscripts, notes keyed by number, artifacts
"$TIES" read --json "$D/crossed.pdf" > "$D/crossed.json" 2>&1
python3 - "$D/crossed.json" <<'EOF' > "$D/json.check"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["text"]
m = [(x["number"], t[x["start"]:x["end"]], t[x["start"] - 6:x["start"]]) for x in d["markers"]]
print("markers", m == [(1, "1", "convoy"), (2, "2", "report")], m)
notes = {n["number"]: t[n["start"]:n["end"]] for n in d["notes"]}
print("notes", notes.get(1, "").endswith("Harbour ledger, customs office copy.") and
      notes.get(2, "").endswith("Commission report, chapter three."), notes)
kinds = sorted(a["kind"] for a in d["artifacts"])
print("artifacts", kinds == ["page-number"] * 2 + ["running-header"] * 2, kinds)
print("pages", d["pages"] == 2, d["pages"])
s = [x for x in d["sentences"] if "alpha convoy" in t[x["start"]:x["end"]]]
mk = d["markers"][0] if d["markers"] else None
print("marker-sentence", bool(s) and mk is not None and d["sentences"][mk["sentence"]] == s[0], "")
EOF
while read -r name res detail; do
	[ "$res" = True ] && ok "pdf $name" || no "pdf $name" "$detail"
done < "$D/json.check"
[ -s "$D/json.check" ] || no "pdf json" "$(head -c 200 "$D/crossed.json")"

# -- running header and footer set close to the text ----------------------
python3 "$GEN" tight "$D/tight.pdf" || no "pdfgen tight" "generator failed"
"$TIES" read "$D/tight.pdf" > "$D/tight.txt" 2>&1
if has "$D/tight.txt" "Tight Header" || has "$D/tight.txt" "of 3"; then
	no "pdf close running header and footer dropped" "still in the text"
elif [ "$(grep -c . "$D/tight.txt")" -ne 1 ]; then
	no "pdf close running header and footer dropped" "the body is not one paragraph"
else
	ok "pdf close running header and footer dropped"
fi

# -- page numbers set small, close under the last lines ---------------------
python3 "$GEN" close-number "$D/close-number.pdf" || no "pdfgen close-number" "generator failed"
"$TIES" read --json "$D/close-number.pdf" > "$D/close-number.json" 2>&1
python3 - "$D/close-number.json" <<'EOF' > "$D/close-number.check"
import json, sys
d = json.load(open(sys.argv[1]))
nums = [(a["kind"], a["page"], a["text"]) for a in d["artifacts"]]
print(len(nums) == 4 and nums == [("page-number", p, str(p)) for p in (1, 2, 3, 4)] and
      len(d["blocks"]) == 1, nums)
EOF
read -r res detail < "$D/close-number.check"
[ "$res" = True ] && ok "pdf close small page numbers dropped" ||
	no "pdf close small page numbers dropped" "$detail"

# -- accents drawn over their letters, as TeX draws them --------------------
python3 "$GEN" accents "$D/accents.pdf" || no "pdfgen accents" "generator failed"
"$TIES" read "$D/accents.pdf" > "$D/accents.txt" 2>&1
has "$D/accents.txt" "Dragan Kovačević met Nikola Radonjić at" &&
	ok "pdf accents composed with their letters" ||
	no "pdf accents composed with their letters" "$(cat "$D/accents.txt")"

# -- a table of short cells is read row by row, not as two columns --------
python3 "$GEN" table "$D/table.pdf" || no "pdfgen table" "generator failed"
"$TIES" read "$D/table.pdf" > "$D/table.txt" 2>&1
has "$D/table.txt" "Clerk copied the ledger for the office" &&
	ok "pdf table read row by row" || no "pdf table read row by row" "$(head -c 300 "$D/table.txt")"

# tagged DOC CHECK MIN: pdfgen's DOC read; its tags "qIxJ" come out in
# order, more than MIN of them
tagged() {
	python3 "$GEN" "$1" "$D/$1.pdf" || no "pdfgen $1" "generator failed"
	"$TIES" read "$D/$1.pdf" > "$D/$1.txt" 2>&1
	python3 - "$D/$1.txt" "$3" <<'EOF' > "$D/$1.check"
import re, sys
t = open(sys.argv[1]).read()
ids = [(int(a), int(b)) for a, b in re.findall(r"q(\d+)x(\d+)", t)]
print(len(ids) > int(sys.argv[2]) and ids == sorted(ids), len(ids))
EOF
	read -r res detail < "$D/$1.check"
	[ "$res" = True ] && ok "pdf $2" || no "pdf $2" "$detail"
}

# -- unequal columns, justified with wide word spaces, drawn across ---------
tagged uneven uneven-columns 150

# -- widely spaced columns from close under the page's top ------------------
tagged spaced spaced-top-rows 80
# ... where a page's columns open with rows at other heights
tagged spaced-heading spaced-top-rows-apart 100
# ... where both columns' first lines end a paragraph, a gap under them
tagged gap-top spaced-top-row-gap 100
tagged gap-foot spaced-foot-row-gap 100

# -- a last page of three rows in each column, whose word gaps line up -------
tagged short-last short-last-page 90
has "$D/short-last.txt" "clerk q90x0 cargo coast bay clerk cargo q91x0" &&
	ok "pdf short last page, columns whole" ||
	no "pdf short last page, columns whole" "$(tail -c 300 "$D/short-last.txt")"
# ... and one of eight rows beside a right column of one line, or of two
# rows beside two
tagged lone-right lone-right-line 90
tagged two-rows two-rows-last-page 90

# -- a footnote at the foot of a page, a paragraph running past it ----------
python3 "$GEN" footnotes "$D/fn.pdf" || no "pdfgen footnotes" "generator failed"
"$TIES" read --json "$D/fn.pdf" > "$D/fn.json" 2>&1
python3 - "$D/fn.json" <<'EOF' > "$D/fn.check"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["text"]
print("footnote-note", [(n["number"], t[n["start"]:n["end"]]) for n in d["notes"]] ==
      [(3, "3 Ledger of the harbour office, second volume.")], d["notes"])
print("footnote-marker", [(m["number"], t[m["start"] - 6:m["end"]]) for m in d["markers"]] ==
      [(3, "convoy3")], d["markers"])
print("footnote-skipped", "archive of the town hall where readers may consult" in t and
      t.index("Ledger of the harbour") > t.rindex("circulated widely"), "")
EOF
while read -r name res detail; do
	[ "$res" = True ] && ok "pdf $name" || no "pdf $name" "$detail"
done < "$D/fn.check"
[ -s "$D/fn.check" ] || no "pdf footnotes json" "$(head -c 200 "$D/fn.json")"

# -- a real typesetter: groff -ms, two columns, hyphenation, ligatures ------
if command -v groff >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1; then
	python3 - > "$D/g.ms" <<'EOF'
import random
random.seed(4)
words = ("merchant caravan river valley market salt grain official fortified difficult "
         "administrative reconfiguration transportation confidential significant").split()
print(".nr PO 0.8i\n.nr LL 6.9i\n.nr PS 10\n.nr VS 12\n.TL\nTrade Routes of the Upper Valley\n"
      ".AU\nA. Writer\n.2C\n.NH\nOrigins")
for i in range(14):
    print(".PP")
    print(" ".join("w%dx%d" % (i, j) if j % 9 == 0 else random.choice(words) for j in range(70)) + ".")
EOF
	groff -ms -Tps "$D/g.ms" > "$D/g.ps" 2>/dev/null && ps2pdf "$D/g.ps" "$D/g.pdf" 2>/dev/null
	"$TIES" read "$D/g.pdf" > "$D/g.txt" 2>&1
	python3 - "$D/g.txt" <<'EOF' > "$D/g.check"
import re, sys
t = open(sys.argv[1]).read()
ids = [(int(a), int(b)) for a, b in re.findall(r"w(\d+)x(\d+)", t)]
print("groff-order", ids == [(i, j) for i in range(14) for j in range(0, 70, 9)], len(ids))
words = set(re.findall(r"[a-z]+", t))
known = set(("merchant caravan river valley market salt grain official fortified difficult "
             "administrative reconfiguration transportation confidential significant "
             "rade outes pper alley riter rigins of the x w").split())
print("groff-words", words <= known, sorted(words - known)[:5])
print("groff-paragraphs", t.count("\n\n") >= 14, t.count("\n\n"))
EOF
	while read -r name res detail; do
		[ "$res" = True ] && ok "pdf $name" || no "pdf $name" "$detail"
	done < "$D/g.check"
else
	echo "skip pdf groff: groff or ps2pdf missing"
fi

# -- the shared reading cases: mean token edit distance <= 0.02 -----------
if [ -d "$SHARED/samples/reading" ] && [ -f "$SHARED/eval/score_reading.py" ]; then
	python3 "$SHARED/eval/score_reading.py" --dir "$SHARED/samples/reading" --pdf \
		--cmd "'$TIES' read {in}" > "$D/score.txt" 2>&1
	ned=$(awk '/^MEAN/ {print $NF}' "$D/score.txt")
	if [ -n "$ned" ] && awk -v n="$ned" 'BEGIN {exit !(n <= 0.02)}'; then
		ok "pdf shared reading cases (mean edit distance $ned)"
	else
		no "pdf shared reading cases" "mean edit distance '$ned'"
	fi
else
	echo "skip pdf shared reading cases: $SHARED/samples/reading missing"
fi
exit 0
