# greenidx report: every format on the embedded data, regions by code and
# name, the scenario file, exit codes, and whole-or-nothing output files.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
data=${GIDX_TEST_DATA:-tests/data}
"$GREENIDX" report --quiet > "$tmp/r.txt"
grep -q '^Green competitiveness roadmap' "$tmp/r.txt"
grep -q 'Index ranking with 5-95 % rank intervals' "$tmp/r.txt"
# the embedded data hold the population of 373 regions; the default report
# covers the 18 with complete data (Telemark)
grep -q 'The report covers 18 regions' "$tmp/r.txt"
grep -q 'The data hold 373 regions; 18 of them' "$tmp/r.txt"
grep -q 'Skien: Greenhouse-gas emissions (t CO2e): last observed 2024' "$tmp/r.txt"
"$GREENIDX" report --format json --region 4003 --region Porsgrunn --quiet > "$tmp/r.json"
/usr/bin/python3 - "$tmp/r.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [s["id"] for s in d["sections"]]
assert ids == ["summary", "validation", "index", "benchmark", "forecasts", "drivers", "methods",
               "validation-findings"], ids
drv = [s for s in d["sections"] if s["id"] == "drivers"][0]["blocks"]
assert [b["title"].split(":")[0] for b in drv if b["type"] == "waterfall"] == ["Skien", "Porsgrunn"]
# one sentence per region saying what drove its change
assert any(b["type"] == "text" and b["text"].startswith("Emissions in Skien fell 21.3 % from 2016 to 2024")
           for b in drv), drv
fc = [b for s in d["sections"] for b in s["blocks"] if b["type"] == "fan_chart"]
assert [b["title"].split(":")[0] for b in fc] == ["Skien", "Porsgrunn"], [b["title"] for b in fc]
PY
# Each region's own target: a catalogue whose target "skien_own" names 4003
# (the default catalogue plus one record, written here) makes the report use
# it for Skien and the default for Porsgrunn; --target overrides both.
"$GREENIDX" catalog --format json > "$tmp/cat.json"
/usr/bin/python3 - "$tmp/cat.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["targets"].append({"name": "skien_own", "kind": "relative", "path": "linear",
                     "base_year": 2009, "target_year": 2030, "cut_percent": 70.0,
                     "regions": ["4003"], "source": "test record"})
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
for f in json text html; do
    "$GREENIDX" report --catalog "$tmp/cat.json" --region 4003,4001 --mc 20 --format $f \
        --quiet > "$tmp/tg.$f"
done
/usr/bin/python3 - "$tmp/tg.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
t = [b for s in d["sections"] for b in s["blocks"]
     if b["type"] == "table" and (b.get("caption") or "").startswith("Targets by region")]
assert len(t) == 1, t
rows = {r[0]: r for r in t[0]["rows"]}
assert rows["Skien"][1:4] == ["skien_own", "own target of the region", "2009"], rows
assert rows["Skien"][5] == "70 %", rows
assert rows["Porsgrunn"][1:3] == ["municipal_2009", "default"], rows
assert rows["Porsgrunn"][5] == "55 %", rows
PY
grep -Eq '^Skien +skien_own +own target of the region +2009 +2030 +70 %' "$tmp/tg.text"
grep -Eq '^Porsgrunn +municipal_2009 +default ' "$tmp/tg.text"
grep -q '<td>Skien</td><td>skien_own</td><td>own target of the region</td>' "$tmp/tg.html"
grep -q '<td>Porsgrunn</td><td>municipal_2009</td><td>default</td>' "$tmp/tg.html"
"$GREENIDX" report --catalog "$tmp/cat.json" --region 4003 --target national --mc 20 \
    --quiet > "$tmp/tg2.txt"
grep -Eq '^Skien +national +--target, for every region ' "$tmp/tg2.txt"
# The partners' report offline, on the embedded data (population only for
# them): every missing indicator with why and the exact fetch command, in
# text, JSON and HTML; they are left out of the index.
for f in json text html; do
    "$GREENIDX" report --region Trondheim,Bergen,Stjørdal,Bjørnafjorden --mc 20 --format $f \
        --quiet > "$tmp/p.$f" || { echo "partners' report ($f) failed"; exit 1; }
done
/usr/bin/python3 - "$tmp/p.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
summ = [s for s in d["sections"] if s["id"] == "summary"][0]
t = [b for b in summ["blocks"] if b["type"] == "table"
     and (b.get("caption") or "").startswith("Missing indicators")]
assert len(t) == 1, [b.get("caption") for b in summ["blocks"]]
assert t[0]["columns"] == ["indicator", "missing for", "why: no data for", "source",
                          "greenidx fetch command"], t[0]["columns"]
rows = {r[0]: r for r in t[0]["rows"]}
who = "Trondheim - Tråante, Bergen, Stjørdal, Bjørnafjorden"
cmd = "greenidx fetch --region 5001,4601,5035,4624 --from 2009 --to 2024 --source %s --out partners.csv"
assert rows["employment_total"][1:3] == [who, "employment_total"], rows["employment_total"]
assert rows["employment_total"][4] == cmd % "ssb", rows["employment_total"][4]
assert rows["ghg_total"][4].startswith(cmd % "mdir"), rows["ghg_total"][4]
assert rows["ghg_per_job"][2] == "ghg_total, employment_total" and \
    rows["ghg_per_job"][4].startswith(cmd % "all"), rows["ghg_per_job"]
assert rows["ev_share_cars"][2] == "cars_electric, cars_total", rows["ev_share_cars"]
assert rows["unemployment_rate"][4] == cmd % "ssb", rows["unemployment_rate"]   # SSB 13563
# gdp is a county statistic (SSB 09391): for municipalities a note, not a fetch
assert rows["ghg_per_gdp"][4].endswith("; gdp: not published at municipal level (a county "
                                       "statistic; the counties have it)"), rows["ghg_per_gdp"]
# population-based indicators are there offline: not missing
assert "population" not in rows and "population_growth" not in rows, sorted(rows)
assert len(rows) == 29, len(rows)
txt = " ".join(b.get("text", "") for b in summ["blocks"] if b["type"] == "text")
assert "Left out of the index and the benchmarks (too few of the compared indicators): " + who in txt
PY
grep -q 'ghg_total  *Trondheim - Tråante, Bergen, Stjørdal, Bjørnafjorden  *ghg_total ' "$tmp/p.text"
grep -q 'greenidx fetch --region 5001,4601,5035,4624 --from 2009 --to 2024 --source ssb --out partners.csv' "$tmp/p.text"
grep -q '<td>employment_total</td><td>Trondheim - Tråante, Bergen, Stjørdal, Bjørnafjorden</td><td>employment_total</td>' "$tmp/p.html"
grep -q 'greenidx fetch --region 5001,4601,5035,4624 --from 2009 --to 2024 --source ssb --out partners.csv' "$tmp/p.html"
"$GREENIDX" report --out "$tmp" --scenario "$data/report/scenario.json" --quiet
test -s "$tmp/roadmap.html"
grep -q 'Ripple effects of the final-demand shock' "$tmp/roadmap.html"
grep -q 'class="gidx-chart gidx-waterfall"' "$tmp/roadmap.html"
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
