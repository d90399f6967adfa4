#!/bin/sh
# greenidx fetch end to end against the local PxWebApi test server
# (tests/data/fetch/server.py on 127.0.0.1; never the internet): catalogue
# plan, --table, presets, --county, the cache and --offline, SSB's 404 text.
set -u
G=${GREENIDX:?}
. "$(dirname "$0")/lib/pxweb_server.sh"
fail() { echo "FAIL: $*"; exit 1; }

# 1. catalogue plan for the partner preset, cached
"$G" fetch --preset partners --from 2021 --to 2022 --catalog "$D/catalog.json" \
  --api "$API" --cache "$T/cache" --out "$T/a.csv" 2> "$T/err" || { cat "$T/err"; fail "plan run"; }
head -1 "$T/a.csv" | grep -qx 'region,year,variable,value,flag' || fail "header"
grep -qx '5001,2022,population,210496,' "$T/a.csv" || fail "Trondheim population 2022"
grep -qx '4601,2022,population,286930,' "$T/a.csv" || fail "Bergen population 2022"
# server formula: int(region) + (year - 2000)/100, doubled for B
grep -q '^4624,2021,synth_a,4624.21' "$T/a.csv" || fail "synth_a Bjørnafjorden 2021"
grep -q '^46,2022,synth_b,92.4' "$T/a.csv" || fail "synth_b Vestland 2022"
[ "$(grep -c 'greenidx fetch: table .* variable' "$T/err")" -eq 2 ] || fail "one progress line per table"
grep -q '2 requests, 0 retries, 0 from cache' "$T/err" || fail "request count: $(cat "$T/err")"

# 2. the same offline: served from the cache, byte-identical output
"$G" fetch --preset partners --from 2021 --to 2022 --catalog "$D/catalog.json" \
  --api "$API" --cache "$T/cache" --offline --out "$T/b.csv" 2> "$T/err" || { cat "$T/err"; fail "offline"; }
cmp -s "$T/a.csv" "$T/b.csv" || fail "offline output differs"
grep -q '0 requests, 0 retries, 2 from cache' "$T/err" || fail "offline counts: $(cat "$T/err")"
# ... and a query that is not cached fails clearly (exit 2: data missing)
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache" --offline \
  --out "$T/c.csv" 2> "$T/err"
[ $? -eq 2 ] || fail "offline miss exit status"
grep -q 'offline, and the cache' "$T/err" || fail "offline miss message"
[ ! -e "$T/c.csv" ] || fail "output written on failure"

# 3. --table with --region list and --county (registry: Trøndelag has 38 municipalities)
"$G" fetch --region 5001 4601 --from 2022 --to 2022 --table SYNTH --api "$API" --out "$T/d.csv" \
  2> "$T/err" || { cat "$T/err"; fail "--table"; }
[ "$(grep -c . "$T/d.csv")" -eq 5 ] || fail "2 regions x 2 variables"
"$G" fetch --county 50 --to 2022 --table SYNTH --api "$API" --out "$T/e.csv" 2> "$T/err" \
  || { cat "$T/err"; fail "--county"; }
[ "$(cut -d, -f1 "$T/e.csv" | sort -u | grep -c '^50')" -eq 38 ] || fail "county 50 municipalities"

# 4. SSB's 404 message passed on; usage errors
"$G" fetch --region 5001 --to 2022 --table NOPE --api "$API" --out "$T/f.csv" 2> "$T/err"
[ $? -eq 2 ] || fail "404 exit status"
grep -q 'No table with id NOPE' "$T/err" || fail "404 message"
"$G" fetch --region 5001 --table SYNTH 2> /dev/null; [ $? -eq 1 ] || fail "--out required"
"$G" fetch --preset friends --table SYNTH --out - 2> /dev/null; [ $? -eq 1 ] || fail "unknown preset"
"$G" fetch --region 5001 --source nowhere --out - 2> /dev/null; [ $? -eq 1 ] || fail "bad --source"
"$G" fetch --help | grep -q -- '--preset partners' || fail "help"

# 5. The default catalogue's fetch records against answers built from real
# figures (server.py --real, real_tables.py: it answers HTTP 400 when a query
# differs from the table's documented parameters): the Telemark regions.
kill $PID 2>/dev/null; wait $PID 2>/dev/null
rm -f "$T/port"
# an all-municipality workbook in Miljødirektoratet's documented layout holding
# the embedded Telemark emission rows (a re-containing of real figures:
# tests/data/mdir/make_all_municipality.py), served by name for --mdir-url
mkdir -p "$T/www"
/usr/bin/python3 "$D/../mdir/make_all_municipality.py" "$T/www/alle_kommuner.xlsx" "$D/../../.." \
  > /dev/null || fail "building the all-municipality workbook"
/usr/bin/python3 "$D/server.py" "$T/port" --real --log "$T/log" --files "$T/www" &
PID=$!
i=0
while [ ! -s "$T/port" ]; do
  i=$((i + 1)); [ $i -gt 200 ] && { echo "server did not start"; exit 1; }
  sleep 0.05
done
BASE="http://127.0.0.1:$(cat "$T/port")"
API="$BASE/api/pxwebapi/v2"
TM=4001,4003,4005,4010,4012,4014,4016,4018,4020,4022,4024,4026,4028,4030,4032,4034,4036,40
"$G" fetch --region $TM --from 2016 --to 2024 --source ssb --api "$API" --cache "$T/c5" \
  --out "$T/tm.csv" 2> "$T/err" || { cat "$T/err"; fail "default plan, Telemark"; }
# one request per table, two for the tables whose municipalities and counties
# are in separate code lists (13470, 14490, 13563)
grep -q '9 requests, 0 retries, 0 from cache' "$T/err" || fail "requests per table: $(cat "$T/err")"
# the URLs, parameter by parameter (SSB's documented codes: data/README.md of the
# shared data, docs/fetch.md)
/usr/bin/python3 - "$T/log" <<'PY' || fail "query URLs"
import sys
from urllib.parse import urlsplit, parse_qsl
want = {
    "07459": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "Personer1"},
    "13470": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "SysselsatteArb",
              "outputValues[Region]": "aggregated",
              "codelist[NACE2007]": "agg_NACE2007arb11", "outputValues[NACE2007]": "single",
              "valueCodes[NACE2007]": "01-03,05-09,10-33,35-39,41-43,45-47,49-53,55-56,58-63,"
                                      "64-66,68-75,77-82,84,85,86-88,90-99,00"},
    "14490": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "Forbruk",
              "outputValues[Region]": "aggregated",
              "valueCodes[Forbrukargruppe]": "*"},
    "07849": {"lang": "en", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "Personbil1",
              "valueCodes[DrivstoffType]": "*", "valueCodes[KjoringensArt]": "1"},
    "13563": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "*",
              "outputValues[Region]": "aggregated",
              "codelist[HovArbStyrkStatus]": "vs_ArbStatus2018niva2a",
              "valueCodes[HovArbStyrkStatus]": "*"},
    "09391": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "*"},
}
years = ",".join(str(y) for y in range(2016, 2025))
codes = "4001,4003,4005,4010,4012,4014,4016,4018,4020,4022,4024,4026,4028,4030,4032,4034,4036".split(",")
seen = set()
for line in open(sys.argv[1]):
    u = urlsplit(line.strip())
    table = u.path.split("/")[-2]
    q = dict(parse_qsl(u.query))
    exp = dict(want[table], **{"valueCodes[Tid]": years})
    if table in ("13470", "14490", "13563"):
        # municipalities K- in agg_KommSummer, the county F- in agg_KommFylker
        if q.get("valueCodes[Region]") == "F-40":
            exp.update({"valueCodes[Region]": "F-40", "codelist[Region]": "agg_KommFylker"})
        else:
            exp.update({"valueCodes[Region]": ",".join("K-" + c for c in codes),
                        "codelist[Region]": "agg_KommSummer"})
    else:   # 09391: counties only
        exp["valueCodes[Region]"] = "40" if table == "09391" else ",".join(codes + ["40"])
    assert q == exp, (table, q, exp)
    assert (table, q["valueCodes[Region]"]) not in seen, ("asked twice", table)
    seen.add((table, q["valueCodes[Region]"]))
assert len(seen) == 9 and {t for t, _ in seen} == set(want), seen
PY
# fetch -> indicators: every indicator the fetched variables give equals the
# embedded data's, to 1e-9 (relative), for the 17 municipalities and the county
"$G" indicators --data "$T/tm.csv" --format csv > "$T/f.csv" || fail "indicators --data"
"$G" indicators --format csv > "$T/e.csv"
/usr/bin/python3 - "$T/f.csv" "$T/e.csv" <<'PY' || fail "fetched indicators differ from the embedded ones"
import csv, sys
def rd(p):
    return {(r["region_code"], r["year"], r["indicator"]): float(r["value"])
            for r in csv.DictReader(open(p, encoding="utf-8")) if r["value"] != ""}
f, e = rd(sys.argv[1]), rd(sys.argv[2])
assert len(f) == 2034 and set(f) <= set(e), (len(f), sorted(set(f) - set(e))[:5])
bad = [(k, f[k], e[k]) for k in f if abs(f[k] - e[k]) > 1e-9 * max(1.0, abs(e[k]))]
assert not bad, bad[:5]
inds = {k[2] for k in f}
assert {"population", "employment_total", "job_density", "green_job_share",
        "electricity_per_capita", "cabin_electricity_share"} <= inds, inds
PY
"$G" report --data "$T/tm.csv" --region 4003,4001 --mc 20 --format json --quiet > "$T/r.json" \
  || fail "report --data on fetched data"
# the fetched answers are cached: offline, no request
"$G" fetch --region $TM --from 2016 --to 2024 --source ssb --api "$API" --cache "$T/c5" \
  --offline --out "$T/tm2.csv" 2> "$T/err" || { cat "$T/err"; fail "offline default plan"; }
cmp -s "$T/tm.csv" "$T/tm2.csv" || fail "offline default plan differs"
grep -q '0 requests, 0 retries, 9 from cache' "$T/err" || fail "offline counts: $(cat "$T/err")"

# The partners' online path: the preset, 2009-2024, every SSB record; then the
# report on the fetched data. The real figures the server holds for them:
# population (07459) and private cars by fuel (07849).
"$G" fetch --preset partners --from 2009 --to 2024 --source ssb --api "$API" --cache "$T/c5" \
  --out "$T/p.csv" 2> "$T/err" || { cat "$T/err"; fail "partners preset, default plan"; }
grep -q '6 regions, 31 variables; 9 requests' "$T/err" || fail "partners: $(cat "$T/err")"
grep -q 'tables/13470/.*valueCodes\[Region\]=K-5001,K-4601,K-5035,K-4624&codelist\[Region\]=agg_KommSummer&' \
  "$T/log" || fail "partners 13470 municipalities"
grep -q 'tables/13470/.*valueCodes\[Region\]=F-50,F-46&codelist\[Region\]=agg_KommFylker&' "$T/log" \
  || fail "partners 13470 counties"
grep -qx '4601,2024,population,291940,' "$T/p.csv" || fail "Bergen 2024 population"
grep -qx '5001,2022,population,210496,' "$T/p.csv" || fail "Trondheim 2022 population"
grep -qx '4601,2024,cars_total,118595,' "$T/p.csv" || fail "Bergen 2024 private cars"
grep -qx '4601,2024,cars_electric,51989,' "$T/p.csv" || fail "Bergen 2024 electric cars"
"$G" indicators --data "$T/p.csv" --region 4601 --format csv > "$T/pi.csv" || fail "partners indicators"
# SSB 07849: Bergen's EV share 2024 = 51,989 / 118,595 = 43.8374 % (43.8 % in the data README, cars/)
grep -q '^4601,[^,]*,2024,ev_share_cars,43.83742990' "$T/pi.csv" || fail "Bergen EV share 2024"
"$G" report --data "$T/p.csv" --mc 20 --format json --quiet > "$T/pr.json" || fail "report --data p.csv"

# 5b. Everything at once for the Telemark regions: SSB's tables and the
# workbook (--source all, 2009-2024). fetch -> indicators equals the embedded
# data in every value (emissions too), and fetch -> report --data gives the
# embedded roadmap's index, ranking, heatmap and scorecards exactly (the
# forecasts differ: the embedded data have 2025-2026 and 2005-2008 as well).
"$G" fetch --region $TM --from 2009 --to 2024 --api "$API" --mdir-url "$BASE/x/alle_kommuner.xlsx" \
  --cache "$T/c5b" --out "$T/all.csv" 2> "$T/err" || { cat "$T/err"; fail "--source all, Telemark"; }
grep -q '18 regions, 42 variables; 9 requests' "$T/err" || fail "--source all: $(cat "$T/err")"
"$G" indicators --data "$T/all.csv" --format csv > "$T/fa.csv" || fail "indicators --data all.csv"
/usr/bin/python3 - "$T/fa.csv" "$T/e.csv" <<'PY' || fail "fetched indicators (all sources) differ"
import csv, sys
def rd(p):
    return {(r["region_code"], r["year"], r["indicator"]): float(r["value"])
            for r in csv.DictReader(open(p, encoding="utf-8")) if r["value"] != ""}
f, e = rd(sys.argv[1]), rd(sys.argv[2])
assert len(f) == 5156 and set(f) <= set(e), (len(f), sorted(set(f) - set(e))[:5])
bad = [(k, f[k], e[k]) for k in f if abs(f[k] - e[k]) > 1e-9 * max(1.0, abs(e[k]))]
assert not bad, bad[:5]
assert len({k[2] for k in f}) == 28 and ("4003", "2009", "ghg_per_capita") in f
PY
"$G" report --data "$T/all.csv" --region 4003,4001 --mc 50 --format json --quiet > "$T/rf.json" \
  || fail "report --data all.csv"
"$G" report --region 4003,4001 --mc 50 --format json --quiet > "$T/re.json"
/usr/bin/python3 - "$T/rf.json" "$T/re.json" <<'PY' || fail "the fetched roadmap differs from the embedded one"
import json, sys
f, e = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
def block(d, sec, pred):
    return [b for s in d["sections"] if s["id"] == sec for b in s["blocks"] if pred(b)]
for sec, pred in (("benchmark", lambda b: b["type"] == "heatmap"),
                  ("index", lambda b: b["type"] == "ranking"),
                  ("index", lambda b: b["type"] == "table"),
                  ("benchmark", lambda b: b["type"] == "table")):
    x, y = block(f, sec, pred), block(e, sec, pred)
    assert len(x) == 1 and x == y, (sec, x[:1], y[:1])
PY

# 6. Miljødirektoratet's workbook at --mdir-url: downloaded once into the cache
# with its provenance, then found there offline with 0 requests.
MURL="$BASE/mdir/mdir_download_vestfold_og_telemark_2021_release.xlsx"
"$G" fetch --source mdir --region 38 --from 2009 --to 2024 --mdir-url "$MURL" --cache "$T/c6" \
  --out "$T/m.csv" 2> "$T/err" || { cat "$T/err"; fail "mdir download"; }
grep -q 'cache miss' "$T/err" || fail "mdir first download: $(cat "$T/err")"
grep -q '; 1 requests' "$T/err" || fail "mdir request count: $(cat "$T/err")"
f=$(ls "$T/c6"/*.bin)
cmp -s "$f" "$D/../mdir/mdir_download_vestfold_og_telemark_2021_release.xlsx" || fail "cached workbook differs"
grep -q '"url": "'"$MURL"'"' "${f%.bin}.meta.json" || fail "workbook provenance: url"
grep -q '"retrieved": "20' "${f%.bin}.meta.json" || fail "workbook provenance: retrieved"
grep -q 'release 2021' "$T/err" || fail "workbook release: $(cat "$T/err")"
# read with gidx_dataset_load_mdir: Vestfold og Telemark (38), ghg_total equals
# the sum of the "Oversikt - detaljert" sheet (tests/data/mdir/reference_sums.out)
/usr/bin/python3 - "$T/m.csv" "$D/../mdir/reference_sums.out" <<'PY' || fail "workbook ghg_total"
import csv, sys
got = {r["year"]: float(r["value"]) for r in csv.DictReader(open(sys.argv[1]))
       if r["region"] == "38" and r["variable"] == "ghg_total"}
ref = dict(line.strip().split(",") for line in open(sys.argv[2]) if line.strip())
assert set(got) == set(ref), (sorted(got), sorted(ref))
for y, v in ref.items():
    assert abs(got[y] - float(v)) <= 1e-6, (y, got[y], v)   # sums of 1-decimal figures
PY
"$G" fetch --source mdir --region 38 --from 2009 --to 2024 --mdir-url "$MURL" --cache "$T/c6" \
  --offline --out "$T/m2.csv" 2> "$T/err" || { cat "$T/err"; fail "mdir offline"; }
cmp -s "$T/m.csv" "$T/m2.csv" || fail "workbook read offline differs"
grep -q 'cache hit' "$T/err" || fail "mdir offline: $(cat "$T/err")"
grep -q '; 0 requests' "$T/err" || fail "mdir offline requests: $(cat "$T/err")"
"$G" fetch --source mdir --mdir-url "$BASE/mdir/other.xlsx" --cache "$T/c6" --offline \
  --out "$T/m3.csv" 2> /dev/null; [ $? -eq 2 ] || fail "mdir offline miss"
echo "fetch CLI: ok"
