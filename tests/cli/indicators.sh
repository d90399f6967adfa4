# greenidx catalog / indicators / validate on the Telemark subset fixture.
set -eu
D="${GIDX_TEST_DATA:?}/indicators"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# catalog: the table names the indicators; JSON round-trips through --catalog.
"$GREENIDX" catalog > "$T/cat.txt"
grep -q '^ghg_per_capita  *environment  *lower_better' "$T/cat.txt" || fail "catalog table"
"$GREENIDX" catalog --format json > "$T/cat.json"
"$GREENIDX" catalog --catalog "$T/cat.json" --format json > "$T/cat2.json"
cmp -s "$T/cat.json" "$T/cat2.json" || fail "catalog JSON round trip"
cmp -s "$T/cat.json" "${GIDX_SOURCE_ROOT:?}/data/catalog/default.json" || fail "built-in catalogue differs from data/catalog/default.json"

# indicators: CSV columns and the independently computed values (expected_telemark.csv,
# compared to a relative 1e-12: the sums run in a different order).
# The subset fixture and, with no --data, the embedded Telemark data.
"$GREENIDX" indicators --data "$D/telemark_subset_long.csv" --format csv > "$T/ind.csv"
"$GREENIDX" indicators --format csv > "$T/default.csv"
for out in "$T/ind.csv" "$T/default.csv"; do
  [ "$(head -1 "$out")" = "region_code,region_name,year,indicator,value" ] || fail "CSV header"
  tail -n +2 "$D/expected_telemark.csv" | while IFS=, read -r code name year ind want; do
    got=$(grep "^$code,$name,$year,$ind," "$out" | cut -d, -f5)
    [ -n "$got" ] || fail "no value for $code $year $ind in $out"
    awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; if (d < 0) d = -d; s = b < 0 ? -b : b;
        exit !(d <= 1e-12 * s + 1e-12) }' || fail "$code $year $ind: $got vs $want"
  done
done
grep -q '^40,Telemark,2023,ghg_total,' "$T/default.csv" || fail "county 40 in the embedded data"
# --region by name or code; JSON carries reasons.
"$GREENIDX" indicators --data "$D/telemark_subset_long.csv" --region skien --format csv > "$T/skien.csv"
grep -q '^4003,Skien,2023,ghg_total,116312.4500000000' "$T/skien.csv" || fail "--region by name"
grep -q Porsgrunn "$T/skien.csv" && fail "--region kept other regions"
"$GREENIDX" indicators --data "$D/telemark_subset_long.csv" --region 4005 --format json > "$T/n.json"
grep -q '"reason": "variable gdp not in dataset"' "$T/n.json" || fail "JSON reasons"
"$GREENIDX" indicators --data "$D/telemark_subset_long.csv" --region 4005 --output "$T/n.txt"
grep -q 'Notodden' "$T/n.txt" || fail "--output"

# validate: text, JSON and CSV renderings.
"$GREENIDX" validate --data "$D/telemark_subset_long.csv" > "$T/v.txt"
grep -q "^Validation of 31 indicators x 3 regions x 20 years" "$T/v.txt" || fail "validate text"
"$GREENIDX" validate --data "$D/telemark_subset_long.csv" --format csv > "$T/v.csv"
head -1 "$T/v.csv" | grep -q '^check,indicator,region,year,value,message$' || fail "validate CSV"
grep -q '^gap,ghg_total,,2010,1,' "$T/v.csv" || fail "the 2010 gap of the emission statistics"
"$GREENIDX" validate --data "$D/telemark_subset_long.csv" --format json > "$T/v.json"
/usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert {'pillars','coverage','findings'} <= set(r)" "$T/v.json" || fail "validate JSON"

# Errors: exit codes 1 (usage) and 2 (data), with the location in the message.
# the embedded population of the whole country (SSB 07459 at 2024 codes):
# Trondheim 2022 and Bergen 2024, by code and by name
"$GREENIDX" indicators --region 5001 --format csv > "$T/trd.csv"
grep -q '^5001,[^,]*,2022,population,210496$' "$T/trd.csv" || fail "Trondheim 2022 population"
"$GREENIDX" indicators --region Bergen --format csv | grep -q '^4601,Bergen,2024,population,291940$' ||
    fail "Bergen 2024 population"
"$GREENIDX" indicators --region Trondheim --format csv | grep -q '^5001,' || fail "--region Trondheim"
set +e
"$GREENIDX" indicators --format xml 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "bad format gave exit $rc"
"$GREENIDX" validate --region 4003 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "validate --region gave exit $rc"
printf '{"indicators": [{"id": "a", "formula": "x +"}]}' > "$T/bad.json"
"$GREENIDX" catalog --catalog "$T/bad.json" 2> "$T/err"; rc=$?
[ "$rc" -eq 2 ] || fail "bad catalogue gave exit $rc"
grep -q 'indicator a: formula "x +": column 4' "$T/err" || fail "catalogue error message"
"$GREENIDX" indicators --data "$D/telemark_subset_long.csv" --region Bergen 2> "$T/err"; rc=$?
[ "$rc" -eq 2 ] || fail "unknown region gave exit $rc"
grep -q 'Bergen' "$T/err" || fail "unknown region message"
"$GREENIDX" indicators --data /nonexistent.csv 2>/dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "missing data file gave exit $rc"
exit 0
