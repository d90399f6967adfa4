# gidx_dataset_load (greenidx data without --type) by content: a JSON-stat
# answer saved under another name loads as JSON-stat (it was read as CSV and
# failed on its first line with libcsv's "unbalanced or stray quote"); a
# pipe is not looked into, and when its first line fails as CSV the message
# says it was read as CSV and how to give the type; an error further down a
# piped CSV is reported as before, without that note.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
src="${GIDX_TEST_DATA:-}/data/ssb_07459_population_by_municipality_2022.json"
[ -f "$src" ] || src="$(dirname "$0")/../data/data/ssb_07459_population_by_municipality_2022.json"
printf '\357\273\277 \n' > "$T/pop.txt"
cat "$src" >> "$T/pop.txt"
"$GREENIDX" data --data "$T/pop.txt" > "$T/out" 2> "$T/err" ||
  { echo "FAIL: exit $? on JSON-stat named .txt"; cat "$T/err"; exit 1; }
grep -q '^regions: 359$' "$T/out" || { echo "FAIL: not read as JSON-stat"; head -3 "$T/out"; exit 1; }
cat "$src" | "$GREENIDX" data --data /dev/stdin > "$T/out" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] || { echo "FAIL: a JSON-stat pipe gave exit $rc, not 2"; exit 1; }
grep -q 'read as a long CSV, as a pipe or FIFO is unless its name ends in ".json" (give the type for JSON-stat, e.g. --type jsonstat)' "$T/err" ||
  { echo "FAIL: message"; cat "$T/err"; exit 1; }
cat "$src" | "$GREENIDX" data --type jsonstat --data /dev/stdin > "$T/out" ||
  { echo "FAIL: --type jsonstat from a pipe"; exit 1; }
grep -q '^regions: 359$' "$T/out" || { echo "FAIL: the pipe with --type"; exit 1; }
printf 'region,year,variable,value\n3807,2020,pop,x\n' |
  "$GREENIDX" data --data /dev/stdin > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] || { echo "FAIL: bad CSV pipe gave exit $rc"; exit 1; }
grep -q ':2: column 4 ("value"): "x" is not a number' "$T/err" || { echo "FAIL: message"; cat "$T/err"; exit 1; }
if grep -q 'read as a long CSV' "$T/err"; then echo "FAIL: the note on a line-2 error"; exit 1; fi
echo ok
