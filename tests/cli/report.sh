# greenidx report: every format on the embedded data, regions by code and
# name, the scenario file, exit codes, and whole-or-nothing output files.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
data=${GIDX_TEST_DATA:-tests/data}
"$GREENIDX" report --quiet > "$tmp/r.txt"
grep -q '^Green competitiveness roadmap' "$tmp/r.txt"
grep -q 'Index ranking with 5-95 % rank intervals' "$tmp/r.txt"
grep -q 'Skien: Greenhouse-gas emissions (t CO2e): last observed 2024' "$tmp/r.txt"
"$GREENIDX" report --format json --region 4003 --region Porsgrunn --quiet > "$tmp/r.json"
/usr/bin/python3 - "$tmp/r.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [s["id"] for s in d["sections"]]
assert ids == ["summary", "validation", "index", "benchmark", "forecasts", "methods",
               "validation-findings"], ids
fc = [b for s in d["sections"] for b in s["blocks"] if b["type"] == "fan_chart"]
assert [b["title"].split(":")[0] for b in fc] == ["Skien", "Porsgrunn"], [b["title"] for b in fc]
PY
"$GREENIDX" report --out "$tmp" --scenario "$data/report/scenario.json" --quiet
test -s "$tmp/roadmap.html"
grep -q 'Ripple effects of the final-demand shock' "$tmp/roadmap.html"
# exit codes: 1 usage, 2 data, 4 output
set +e
"$GREENIDX" report --format pdf > /dev/null 2>&1; rc=$?
[ "$rc" -eq 1 ] || { echo "bad --format gave $rc, expected 1"; exit 1; }
"$GREENIDX" report --region Atlantis > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || { echo "unknown region gave $rc, expected 2"; exit 1; }
grep -q 'Atlantis' "$tmp/err" || { echo "message does not name the region"; exit 1; }
"$GREENIDX" report --data "$tmp/missing.csv" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || { echo "missing data file gave $rc, expected 2"; exit 1; }
"$GREENIDX" report --out "$tmp/r.txt/sub" --quiet > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" -eq 4 ] || { echo "unwritable --out gave $rc, expected 4"; exit 1; }
grep -q 'r.txt' "$tmp/err" || { echo "message does not name the directory"; exit 1; }
[ ! -e "$tmp/r.txt/sub" ] || { echo "a partial output was left"; exit 1; }
ls "$tmp" | grep -q 'tmp\.' && { echo "temporary file left behind"; exit 1; }
exit 0
