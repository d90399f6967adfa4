# greenidx index / benchmark on COINr's ASEM example (tests/data/composite).
set -eu
D="${GIDX_TEST_DATA:-$(dirname "$0")/../data}/composite"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# plain pipeline: DEU first with COINr's 75.227805
"$GREENIDX" index --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" --format csv > "$TMP/plain.csv"
head -1 "$TMP/plain.csv" | grep -q '^uCode,score,rank,Physical,' || fail "plain header: $(head -1 "$TMP/plain.csv")"
sed -n 2p "$TMP/plain.csv" | grep -q '^DEU,75\.2278[0-9]*,1,' || fail "plain DEU row: $(sed -n 2p "$TMP/plain.csv")"
[ "$(wc -l < "$TMP/plain.csv")" -eq 52 ] || fail "plain: expected 51 units"

# full COINr example pipeline: CHE 68.3837 first, RUS last (35.66)
"$GREENIDX" index --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" --denominate \
    --impute group-mean:EurAsia_group --screen 0.9 --treat winsorise:5 --normalise minmax:0,100 \
    --aggregate amean --format csv > "$TMP/full.csv"
sed -n 2p "$TMP/full.csv" | grep -q '^CHE,68\.383[0-9]*,1,' || fail "full CHE row: $(sed -n 2p "$TMP/full.csv")"
tail -1 "$TMP/full.csv" | grep -q '^RUS,35\.6555[0-9]*,51,' || fail "full last row: $(tail -1 "$TMP/full.csv")"

# Monte Carlo columns; the same seed gives the same output with 1 and 2 threads
"$GREENIDX" index --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" --mc 50 --seed 3 --format csv > "$TMP/mc1.csv"
"$GREENIDX" index --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" --mc 50 --seed 3 --threads 2 --format csv > "$TMP/mc2.csv"
head -1 "$TMP/mc1.csv" | grep -q '^uCode,score,rank,rank_p05,rank_median,rank_p95,' || fail "mc header"
cmp -s "$TMP/mc1.csv" "$TMP/mc2.csv" || fail "mc output depends on the thread count"

# spec-file path: region layout of the issue
cat > "$TMP/spec.json" <<'JSON'
{"aggregates": [{"code": "Index"}, {"code": "Phys", "parent": "Index"}],
 "indicators": [{"code": "LPI", "parent": "Phys"}, {"code": "Flights", "parent": "Phys", "denominator": "Population"}],
 "options": {"denominate": true, "impute": "mean"}}
JSON
"$GREENIDX" index --units "$D/ASEM_iData.csv" --spec "$TMP/spec.json" --mc 20 --format csv > "$TMP/spec.csv"
head -1 "$TMP/spec.csv" | grep -qx 'region_code,region_name,year,score,rank,rank_p05,rank_median,rank_p95' \
    || fail "spec header: $(head -1 "$TMP/spec.csv")"
grep -q '^AUT,Austria,2018,' "$TMP/spec.csv" || fail "spec AUT row"
"$GREENIDX" index --units "$D/ASEM_iData.csv" --spec "$TMP/spec.json" --format json | grep -q '"rank": ' || fail "json"

# benchmark: Norway among given peers and among its 3 nearest by the denominators
"$GREENIDX" benchmark --region NOR --peers SWE,DNK,FIN --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" \
    --format csv > "$TMP/bench.csv"
sed -n 2p "$TMP/bench.csv" | grep -q '^NOR,Norway,2018,Index,aggregate,60\.1345[0-9]*,7,' || fail "bench: $(sed -n 2p "$TMP/bench.csv")"
"$GREENIDX" benchmark --region Norway --peers 3 --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" | grep -q '^Peers: ' \
    || fail "bench k peers"

# usage errors exit 1 and name the option; data errors exit 2
set +e
# without --units: the default catalogue on the embedded Telemark data
"$GREENIDX" index --format csv > "$TMP/default.csv" 2> "$TMP/err"; rc=$?
[ "$rc" -eq 0 ] || fail "default data gave exit $rc: $(cat "$TMP/err")"
head -n 1 "$TMP/default.csv" | grep -q '^region_code,region_name,year,score,rank' || fail "default data: header"
[ "$(grep -c '^4003,Skien,' "$TMP/default.csv")" -ge 1 ] || fail "default data: no Skien row"
"$GREENIDX" index --data x.csv 2> "$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'x.csv' "$TMP/err" || fail "--data of a missing file gave exit $rc"
"$GREENIDX" index --data x.csv --units u.csv 2> "$TMP/err"; rc=$?
[ "$rc" -eq 1 ] || fail "--data with --units gave exit $rc"
"$GREENIDX" index --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" --impute sideways 2> "$TMP/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q 'impute' "$TMP/err" || fail "bad --impute gave exit $rc"
"$GREENIDX" index --units /nonexistent.csv --meta "$D/ASEM_iMeta.csv" 2> /dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "missing file gave exit $rc"
"$GREENIDX" benchmark --region Atlantis --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" 2> /dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "unknown region gave exit $rc"
"$GREENIDX" benchmark --units "$D/ASEM_iData.csv" --meta "$D/ASEM_iMeta.csv" 2> /dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "missing --region gave exit $rc"
# the embedded data: Trondheim has population alone, so it is not among the
# regions the index compares (Telemark's); exit 2 with a message saying so
"$GREENIDX" benchmark --region Trondheim 2> "$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'not among the index' "$TMP/err" || fail "benchmark Trondheim gave exit $rc"
[ "$("$GREENIDX" index --format csv | tail -n +2 | cut -d, -f1 | sort -u | wc -l)" -eq 17 ] ||
    fail "the default index does not rank the 17 Telemark municipalities"
exit 0
