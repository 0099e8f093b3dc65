#!/bin/sh
# The command table's help against the commands themselves: every command
# that 'ties --help' lists answers 'ties COMMAND --help' with its synopsis
# on stdout (exit 0), and accepts every option its help lists (an option a
# command does not parse would be an 'unknown option' usage error).
T="$OUT/cli-help"
rm -rf "$T"
mkdir -p "$T"
"$TIES" --help > "$T/top" 2>&1 || { echo "not ok cli-help-top: exit $?"; exit 0; }
cmds=$(sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' "$T/top")
[ -n "$cmds" ] || { echo "not ok cli-help-top: no commands listed"; exit 0; }
echo "ok cli-help-top"
for c in $cmds; do
  if ! "$TIES" "$c" --help > "$T/$c" 2> "$T/$c.err"; then
    echo "not ok cli-help-$c: exit $?"
    continue
  fi
  head -1 "$T/$c" | grep -q "^usage: ties $c" || { echo "not ok cli-help-$c: $(head -1 "$T/$c")"; continue; }
  "$TIES" help "$c" | cmp -s - "$T/$c" || { echo "not ok cli-help-$c: 'ties help $c' differs"; continue; }
  # each listed option, given a value, with an empty knowledge base and no
  # input file: whatever else fails, the option itself is known
  bad=""
  cd "$T" || exit 1
  for o in $(sed -n '/^options:/,$s/^  \(-[-a-z]*\).*/\1/p' "$T/$c"); do
    TIES_DB="$T/none.db" "$TIES" "$c" "$o" 1 > /dev/null 2> "$T/$c.opt" < /dev/null
    grep -q "unknown option '$o'" "$T/$c.opt" && bad="$bad $o"
  done
  if [ -n "$bad" ]; then echo "not ok cli-help-$c: not parsed:$bad"; else echo "ok cli-help-$c"; fi
done
# '-h' alone asks for help, and a '--help' after '--' is an argument
"$TIES" read -h | head -1 | grep -q '^usage: ties read' && echo "ok cli-help-short" ||
  echo "not ok cli-help-short"
TIES_DB="$T/none.db" "$TIES" search -- --help > "$T/dd" 2>&1
if grep -q '^usage:' "$T/dd"; then
  echo "not ok cli-help-dashdash: help printed"
else
  echo "ok cli-help-dashdash"
fi
"$TIES" help nosuch > /dev/null 2> "$T/nosuch"
[ $? -eq 2 ] && grep -q "'nosuch' is not a ties command" "$T/nosuch" &&
  echo "ok cli-help-unknown" || echo "not ok cli-help-unknown"
