# greenidx ripple: Miller & Blair's two-sector example (ch. 2) end to end,
# the three formats, regionalisation from employment files, and errors with
# their exit codes.
set -eu
D="${GIDX_TEST_DATA:-$(dirname "$0")/../data}/ripple"
fail() { echo "FAIL: $*"; exit 1; }

# f = [600, 1500] gives x = [1247.5, 1841.6] (M&B eq. 2.12); output
# multipliers 1.518152 and 1.452145.
out=$("$GREENIDX" ripple --io "$D/mb" --shock Agriculture=600,Manufacturing=1500 --format csv)
echo "$out" | grep -q '^Agriculture,output,600,647.52475[0-9]*,0,1247.52475[0-9]*,1.5181518' || fail "csv: $out"
echo "$out" | grep -q '^Manufacturing,output,1500,341.58415[0-9]*,0,1841.58415[0-9]*,1.4521452' || fail "csv: $out"
# repeated --shock adds up
out2=$("$GREENIDX" ripple --io "$D/mb" --shock Agriculture=600 --shock Manufacturing=1000,Manufacturing=500 --format csv)
[ "$out" = "$out2" ] || fail "repeated --shock differs"

# type 2: induced effects appear and the JSON names every part
j=$("$GREENIDX" ripple --io "$D/mb" --shock Manufacturing=100 --type 2 --format json)
for k in '"type": 2' '"output"' '"employment"' '"value_added"' '"emissions"' '"direct"' \
         '"indirect"' '"induced"' '"multipliers"' '"totals"'; do
  echo "$j" | grep -q "$k" || fail "json lacks $k"
done
# type II output multiplier of manufacturing (tests/data/ripple/reference.py)
echo "$j" | grep -q '"output": 1.7538953256' || fail "type II multiplier: $j"
"$GREENIDX" ripple --io "$D/mb" --shock Manufacturing=100 | grep -q '^TOTAL' || fail "table"

# regionalised by SLQ from employment files through a concordance:
# a_21 = 0.20 * min(1/3, 1) (check_ripple.c, test_employment_files)
r=$("$GREENIDX" ripple --io "$D/mb" --shock Agriculture=100 --format csv \
     --region-employment "$D/emp_region.csv" --national-employment "$D/emp_national.csv" \
     --concordance "$D/concordance.csv" --lq slq)
echo "$r" | grep -q '^Manufacturing,output,0,' || fail "regional: $r"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --format json --output "$tmp/o.json"
grep -q '"sectors"' "$tmp/o.json" || fail "--output"

set +e
"$GREENIDX" ripple --io "$D/mb" --shock Mining=5 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Mining" "$tmp/e" || fail "unknown sector: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$D/bad_negative" --shock Agriculture=5 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "x.csv:3" "$tmp/e" || fail "negative output: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$D/bad_square" --shock Agriculture=5 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "square" "$tmp/e" || fail "non-square: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=5 --type 3 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--type 3: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "shock without amount: exit $rc"
"$GREENIDX" ripple --shock Agriculture=1 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "no --io: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --region-employment "$D/emp_region.csv" \
   --national-employment "$D/emp_national.csv" 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Agriculture" "$tmp/e" || fail "no concordance: exit $rc"
"$GREENIDX" ripple --help | grep -q -- '--shock' || fail "help"
exit 0
