# greenidx data: the embedded Telemark data and the population of the
# whole country, conversions, and bad input.
set -eu
out=$("$GREENIDX" data)
echo "$out" | grep -q '^regions: 373$'
echo "$out" | grep -q '^variables: 37$'
printf '%s\n' "$out" | grep -q "$(printf '^4003\tSkien$')"
printf '%s\n' "$out" | grep -q "$(printf '^40\tTelemark$')"
csv=$("$GREENIDX" data --format csv)
echo "$csv" | head -1 | grep -q '^region,year,variable,value,flag$'
# Skien population 1 January 2023 (SSB 07459)
echo "$csv" | grep -q '^4003,2023,population,55924,$'
# and of the partners (SSB 07459 at 2024 codes, data/population/)
echo "$csv" | grep -q '^5001,2022,population,210496,$'
echo "$csv" | grep -q '^4601,2024,population,291940,$'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GREENIDX" data --format csv --output "$tmp/t.csv"
# the written file reads back with the same number of cells
n=$("$GREENIDX" data --data "$tmp/t.csv" | sed -n 's/^cells: //p')
m=$("$GREENIDX" data | sed -n 's/^cells: //p')
[ "$n" = "$m" ] || { echo "round trip: $n cells vs $m"; exit 1; }
# JSON-stat and harmonisation: Skien 3807 (2020-2023) becomes 4003
"$GREENIDX" data --data "$GIDX_TEST_DATA/data/ssb_07459_population_by_municipality_2022.json" \
    --harmonise --format csv | grep -q '^4003,2022,Personer1,'
# Miljødirektoratet's emissions file on its own: 17 municipalities by name
if [ -n "${GIDX_SOURCE_ROOT:-}" ]; then
    "$GREENIDX" data --data "$GIDX_SOURCE_ROOT/data/telemark/ghg_emissions_by_source.csv" \
        --type emissions | grep -q '^regions: 17$'
fi
# bad input: exit 2 with file and line
printf 'region,year,variable,value\n4003,2023,pop,1\n4003,2023,pop,2\n' > "$tmp/dup.csv"
set +e
err=$("$GREENIDX" data --data "$tmp/dup.csv" 2>&1 >/dev/null); rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "duplicate gave exit $rc"; exit 1; }
echo "$err" | grep -q 'dup.csv:3'
set +e
"$GREENIDX" data --format nope 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "bad format gave exit $rc"; exit 1; }
exit 0
