#!/bin/sh
# Cross-check of the JSON the library writes against python3's parser: runs
# `ties read --json` and `ties extract --json` over (a sample of) a fuzz
# corpus and parses every output that ties accepted.
#   tests/fuzz/corpus-json.sh TIES CORPUS_DIR [MAX_FILES]
TIES=${1:?usage: corpus-json.sh TIES CORPUS_DIR [MAX_FILES]}
DIR=${2:?corpus dir}
MAX=${3:-1000}
ls "$DIR" | head -n "$MAX" | python3 -c '
import json, subprocess, sys
ties, d = sys.argv[1], sys.argv[2]
n = ok = refused = 0
for name in sys.stdin.read().split():
    for cmd in ("read", "extract"):
        p = subprocess.run([ties, cmd, "--json", d + "/" + name], capture_output=True)
        n += 1
        if p.returncode:
            refused += 1
            if p.returncode >= 70 or p.returncode < 0 or p.stderr.count(b"\n") != 1:
                print("bad refusal: %s %s: exit %d %r" % (cmd, name, p.returncode, p.stderr[:200]))
            continue
        try:
            json.loads(p.stdout.decode("utf-8"))
            ok += 1
        except Exception as e:
            print("invalid JSON: %s %s: %s" % (cmd, name, e))
print("%d runs: %d valid JSON, %d refused cleanly" % (n, ok, refused))
' "$TIES" "$DIR"
