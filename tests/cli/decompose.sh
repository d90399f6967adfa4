# greenidx decompose: LMDI decomposition of the embedded Telemark data end to
# end (docs/decompose.md), the three formats, and errors with their exit codes.
set -eu
D="${GIDX_TEST_DATA:-$(dirname "$0")/../data}/drivers"
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The CSV interface of issue 20, and the measured Skien figures of the guide:
# emissions 150016.0 -> 118118.2 t CO2e from 2016 to 2024, dE = -31897.82.
csv=$("$GREENIDX" decompose --region Skien --format csv)
[ "$(echo "$csv" | head -1)" = "region_code,region_name,from,to,effect,sector,value" ] || fail "csv header"
echo "$csv" | grep -q '^4003,Skien,2016,2024,total,total,-31897.8199' || fail "Skien total: $csv"
# five effects x (10 sectors + total) rows
[ "$(echo "$csv" | tail -n +2 | wc -l)" -eq 55 ] || fail "row count"
# perfect decomposition: the four total effects sum to the total (awk, 1e-6 t)
echo "$csv" | awk -F, '$6 == "total" && $5 != "total" { s += $7 } $6 == "total" && $5 == "total" { t = $7 }
  END { d = s - t; if (d < 0) d = -d; exit d > 1e-6 }' || fail "additive effects do not sum"
# multiplicative: the four factors multiply to E1/E0 = 0.787371...
m=$("$GREENIDX" decompose --region 4003 --form multiplicative --format csv)
echo "$m" | grep -q '^4003,Skien,2016,2024,total,total,0.78737118' || fail "E1/E0: $m"
echo "$m" | awk -F, 'BEGIN { p = 1 } $6 == "total" && $5 != "total" { p *= $7 } $6 == "total" && $5 == "total" { t = $7 }
  END { d = p / t - 1; if (d < 0) d = -d; exit d > 1e-9 }' || fail "multiplicative effects do not multiply"

# chained: one period per pair of observed years, each with a Tapio class
j=$("$GREENIDX" decompose --region Skien --chained --format json)
[ "$(echo "$j" | grep -c '"tapio"')" -eq 8 ] || fail "chained periods"
for k in '"form": "additive"' '"driver": "jobs"' '"periods"' '"cases"' '"elasticity"'; do
  echo "$j" | grep -q "$k" || fail "json lacks $k"
done
# cumulative Skien: jobs up 6.7 %, emissions down 21.3 %: strong decoupling
"$GREENIDX" decompose --region Skien | grep -q 'Tapio: strong_decoupling' || fail "text"
# --driver population reaches back to 2009
"$GREENIDX" decompose --region Skien --driver population --format csv | grep -q '^4003,Skien,2009,2024,' \
  || fail "--driver population"
# a replaceable mapping, --from/--to and --output
"$GREENIDX" decompose --region 4003 --from 2017 --to 2023 --mapping "$(dirname "$0")/../../data/drivers/mapping.json" \
  --format csv --output "$tmp/o.csv"
grep -q '^4003,Skien,2017,2023,' "$tmp/o.csv" || fail "--output"

set +e
"$GREENIDX" decompose --from 2024 --to 2016 2>"$tmp/e"; rc=$?
[ "$rc" -eq 1 ] && grep -q "2024" "$tmp/e" || fail "--from after --to: exit $rc"
"$GREENIDX" decompose --mapping "$D/bad_sector.json" 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "ghg_tourism" "$tmp/e" || fail "unknown sector: exit $rc $(cat "$tmp/e")"
"$GREENIDX" decompose --mapping "$D/bad_group.json" 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Romfart" "$tmp/e" || fail "unknown group: exit $rc"
"$GREENIDX" decompose --region Skien --from 2012 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "2012" "$tmp/e" || fail "missing year: exit $rc"
"$GREENIDX" decompose --region Atlantis 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Atlantis" "$tmp/e" || fail "unknown region: exit $rc"
"$GREENIDX" decompose --form sideways 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--form: exit $rc"
"$GREENIDX" decompose --format xml 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--format: exit $rc"
"$GREENIDX" decompose --from 20x6 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--from: exit $rc"
printf 'region,year,variable,value\nA,2020,population,10\nA,2020,ghg_total,5\nA,2020,ghg_road,-5\nA,2021,population,10\nA,2021,ghg_total,5\nA,2021,ghg_road,5\n' > "$tmp/neg.csv"
"$GREENIDX" decompose --data "$tmp/neg.csv" --driver population 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "negative" "$tmp/e" || fail "negative emissions: exit $rc $(cat "$tmp/e")"
"$GREENIDX" decompose --output /nonexistent/dir/x.csv --format csv 2>/dev/null; rc=$?
[ "$rc" -eq 4 ] || fail "--output to a missing directory: exit $rc"
exit 0
