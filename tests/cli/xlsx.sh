# --format xlsx of greenidx indicators, validate, index, forecast and report: each
# workbook, read back with openpyxl, holds the same values as --format csv
# (tests/cli/xlsx_roundtrip.py); the file is written whole or not at all; and
# formula-like text is neutralised in CSV and xlsx alike.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
data=${GIDX_TEST_DATA:-$(dirname "$0")/../data}
rt="/usr/bin/python3 $(dirname "$0")/xlsx_roundtrip.py"

"$GREENIDX" indicators --format csv --output "$tmp/ind.csv"
"$GREENIDX" indicators --format xlsx --output "$tmp/ind.xlsx"
$rt long "$tmp/ind.xlsx" "$tmp/ind.csv"
"$GREENIDX" indicators --region Skien --format csv > "$tmp/skien.csv"
"$GREENIDX" indicators --region Skien --format xlsx > "$tmp/skien.xlsx"
$rt long "$tmp/skien.xlsx" "$tmp/skien.csv"

"$GREENIDX" validate --format csv --output "$tmp/val.csv"
"$GREENIDX" validate --format xlsx --output "$tmp/val.xlsx"
$rt sheet "$tmp/val.xlsx" "$tmp/val.csv" validation

"$GREENIDX" index --format csv --mc 20 > "$tmp/idx.csv"
"$GREENIDX" index --format xlsx --mc 20 --output "$tmp/idx.xlsx"
$rt sheet "$tmp/idx.xlsx" "$tmp/idx.csv" index
"$GREENIDX" index --units "$data/composite/ASEM_iData.csv" --meta "$data/composite/ASEM_iMeta.csv" \
    --format csv > "$tmp/asem.csv"
"$GREENIDX" index --units "$data/composite/ASEM_iData.csv" --meta "$data/composite/ASEM_iMeta.csv" \
    --format xlsx -o "$tmp/asem.xlsx"
$rt sheet "$tmp/asem.xlsx" "$tmp/asem.csv" index

"$GREENIDX" forecast --input "$data/forecast/m3_subset.csv" --horizon 3 --method theta \
    --format csv > "$tmp/fc.csv"
"$GREENIDX" forecast --input "$data/forecast/m3_subset.csv" --horizon 3 --method theta \
    --format xlsx --output "$tmp/fc.xlsx"
$rt sheet "$tmp/fc.xlsx" "$tmp/fc.csv" forecast

"$GREENIDX" report --quiet --mc 40 --lang nb --format csv --out "$tmp/rep"
"$GREENIDX" report --quiet --mc 40 --lang nb --format xlsx --out "$tmp/rep"
$rt cells "$tmp/rep/roadmap.xlsx" "$tmp/rep/roadmap.csv"

# whole or not at all: an unwritable place leaves nothing, exit 4
set +e
"$GREENIDX" indicators --format xlsx --output "$tmp/no/such/dir/x.xlsx" 2> "$tmp/err"; rc=$?
set -e
[ "$rc" -eq 4 ] || { echo "unwritable xlsx gave $rc, expected 4"; exit 1; }
grep -q 'no/such/dir/x.xlsx' "$tmp/err"
[ ! -e "$tmp/no" ]

# formula-like cells (OWASP CSV injection): a series id "=HYPERLINK(...)" and
# "@SUM(1)" come back with a leading ' in CSV and xlsx; "-12" is a number and stays
printf 'series_id,value,timestamp\n' > "$tmp/evil.csv"
for y in 2010 2011 2012 2013 2014 2015; do
  printf '"=HYPERLINK(""http://x"")",%s,%s\n@SUM(1),%s,%s\n-12,%s,%s\n' $y $y $y $y $y $y >> "$tmp/evil.csv"
done
"$GREENIDX" forecast --input "$tmp/evil.csv" --horizon 1 --method naive --no-calibrate > "$tmp/e.csv"
grep -q "^\"'=HYPERLINK(\"\"http://x\"\")\",2016," "$tmp/e.csv"
grep -q "^\"'@SUM(1)\",2016," "$tmp/e.csv"
grep -q "^-12,2016," "$tmp/e.csv"
"$GREENIDX" forecast --input "$tmp/evil.csv" --horizon 1 --method naive --no-calibrate \
    --format xlsx --output "$tmp/e.xlsx"
$rt sheet "$tmp/e.xlsx" "$tmp/e.csv" forecast
/usr/bin/python3 - "$tmp/e.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
ids = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
assert ids == ["'=HYPERLINK(\"http://x\")", "'@SUM(1)", "-12"], ids
assert all(c.data_type == "s" for c in ws["A"][1:]), [c.data_type for c in ws["A"]]
PY
echo "xlsx: indicators, validate, index, forecast, report round-trip through openpyxl"
