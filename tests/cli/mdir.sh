# Miljødirektoratet's workbook through every --data PATH: recognised by its
# content (here under a name without .xlsx), ghg_total of Vestfold og
# Telemark (38) equal every year to the sum of its "Oversikt - detaljert"
# sheet computed by openpyxl (tests/data/mdir/reference_sums.py), and bad
# workbooks refused with exit 2 and the place at fault.
set -eu
dir="$GIDX_TEST_DATA/mdir"
ref="$dir/reference_sums.out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the recorded reference is what the script prints today (python3-openpyxl)
/usr/bin/python3 "$dir/reference_sums.py" > "$tmp/ref.out"
diff -u "$ref" "$tmp/ref.out"
cp "$dir/mdir_download_vestfold_og_telemark_2021_release.xlsx" "$tmp/download.bin"
"$GREENIDX" indicators --data "$tmp/download.bin" --format csv > "$tmp/ind.csv"
# ghg_total per year vs the reference; tolerance 1e-6 t (sums of ~140
# one-decimal figures in a different order; rounding below 2e-7 t)
awk -F, -v ref="$ref" '
  BEGIN { while ((getline l < ref) > 0) { split(l, a, ","); want[a[1]] = a[2]; n++ } }
  $1 == "38" && $4 == "ghg_total" {
    d = $5 - want[$3]; if (d < 0) d = -d
    if (!($3 in want) || d > 1e-6) { print "year " $3 ": " $5 " vs " want[$3]; bad = 1 }
    seen++
    printf "%s %s %s diff %.3g\n", $3, $5, want[$3], d
  }
  END { if (seen != n) { print seen " years, reference has " n; bad = 1 } exit bad }' "$tmp/ind.csv"
grep -q '^38,Vestfold og Telemark,2021,ghg_total,' "$tmp/ind.csv"
# the release is in the dataset's provenance
"$GREENIDX" data --data "$tmp/download.bin" > "$tmp/summary.txt"
grep -q '^mdir.release: 2021$' "$tmp/summary.txt"
grep -q '^mdir.modified: 2023-09-25T11:32:02.9721087Z$' "$tmp/summary.txt"
grep -q "$(printf '^38\tVestfold og Telemark$')" "$tmp/summary.txt"
"$GREENIDX" data --data "$tmp/download.bin" --type mdir --format csv | grep -q '^38,2021,ghg_road,517559.09999999998,'  # 517,559.1 t in Oversikt, 17 digits
# a truncated download: exit 2, the file and the reason
head -c 40000 "$tmp/download.bin" > "$tmp/cut.xlsx"
set +e
err=$("$GREENIDX" indicators --data "$tmp/cut.xlsx" 2>&1 >/dev/null); rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "truncated workbook gave exit $rc"; exit 1; }
echo "$err" | grep -q 'cut.xlsx' && echo "$err" | grep -q 'truncated or corrupt'
# another workbook (no "Oversikt - detaljert"): exit 2 naming its sheets
/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.Workbook(); wb.active.title = "Tabell"; wb.active.append(["a", 1]); wb.save(sys.argv[1])
' "$tmp/other.xlsx"
set +e
err=$("$GREENIDX" report --data "$tmp/other.xlsx" 2>&1 >/dev/null); rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "foreign workbook gave exit $rc"; exit 1; }
echo "$err" | grep -q '"Tabell"'
exit 0
