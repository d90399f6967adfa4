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
# without --io the Miller & Blair sector is unknown to the Norwegian table: a data error
"$GREENIDX" ripple --shock Agriculture=1 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Agriculture" "$tmp/e" || fail "Norway, unknown code: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --region-employment "$D/emp_region.csv" \
   --national-employment "$D/emp_national.csv" 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "Agriculture" "$tmp/e" || fail "no concordance: exit $rc"
# --region: the embedded Telemark employment (SSB 13470) of Skien 2023 against
# the employment satellite of the synthetic table sn2007/ gives the same
# results as the same numbers written as employment files, taken straight
# from the raw extract; the output multiplier of 41-43 is 1.0588565958804088
# (tests/data/ripple/region_reference.py, numpy).
T="$(dirname "$0")/../../data/telemark/employment_by_industry.csv"
[ -f "$T" ] || fail "the raw extract $T is missing"
grp() { grep "^Skien,\"\\?$1" "$T" | grep ',2023,' | sed 's/.*,//'; }
{ echo "industry,employment"
  echo "Industri,$(grp Industri)"; echo "Bygg,$(grp Bygge)"
  echo "Varehandel,$(grp Varehandel)"; echo "Helse,$(grp Helse)"; } >"$tmp/re.csv"
awk -F, 'BEGIN { split("Industri Bygg Varehandel Helse", g, " "); print "industry,employment" }
          NR > 1 { print g[NR - 1] "," $2 }' "$D/sn2007/satellites.csv" >"$tmp/ne.csv"
printf 'sector,industry\n10-12,Industri\n41-43,Bygg\n47,Varehandel\n86,Helse\n' >"$tmp/c.csv"
a=$("$GREENIDX" ripple --io "$D/sn2007" --shock 41-43=100 --region Skien --year 2023 --format csv 2>/dev/null)
b=$("$GREENIDX" ripple --io "$D/sn2007" --shock 41-43=100 --region-employment "$tmp/re.csv" \
    --national-employment "$tmp/ne.csv" --concordance "$tmp/c.csv" --format csv)
[ "$a" = "$b" ] || fail "--region Skien differs from the employment files: $a / $b"
echo "$a" | grep -q '^41-43,output,100,[0-9.]*,0,[0-9.]*,1.05885659' || fail "--region multiplier: $a"
# the county as the national side: output multiplier of 41-43 1.2399124572701727
# (region_reference.py, national="county")
"$GREENIDX" ripple --io "$D/sn2007" --shock 41-43=100 --region Skien --national-region 40 --year 2023 \
    --format csv 2>/dev/null | grep -q '^41-43,output,100,[0-9.]*,0,[0-9.]*,1.23991245' || fail "--national-region"
"$GREENIDX" ripple --io "$D/sn2007" --shock 41-43=1 --national-region 40 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--national-region without --region: exit $rc"
# by code, the latest complete year (2025), the county 40, and JSON
"$GREENIDX" ripple --io "$D/sn2007" --shock 47=10 --region 4003 2>"$tmp/e" >/dev/null || fail "--region 4003"
grep -q "2025" "$tmp/e" || fail "--region default year: $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$D/sn2007" --shock 47=10 --region 40 --format json 2>/dev/null |
  /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert d' || fail "--region 40 json"
# errors: unknown region, year, sector without an SN2007 group, national table too small
"$GREENIDX" ripple --io "$D/sn2007" --shock 47=1 --region Oslo 2>"$tmp/e"; rc=$?
[ "$rc" -ne 0 ] && grep -q "Oslo" "$tmp/e" || fail "--region Oslo: exit $rc"
"$GREENIDX" ripple --io "$D/sn2007" --shock 47=1 --region Skien --year 1999 2>"$tmp/e"; rc=$?
[ "$rc" -ne 0 ] && grep -q "1999" "$tmp/e" || fail "--year 1999: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --region Skien 2>"$tmp/e"; rc=$?
[ "$rc" -ne 0 ] && grep -q "Agriculture" "$tmp/e" || fail "--region on mb: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --region Skien --concordance "$D/mb_sn2007.csv" 2>"$tmp/e"; rc=$?
[ "$rc" -ne 0 ] && grep -q "exceeds" "$tmp/e" || fail "--region national too small: exit $rc"
"$GREENIDX" ripple --io "$D/mb" --shock Agriculture=1 --year 2023 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--year without --region: exit $rc"
"$GREENIDX" ripple --help | grep -q -- '--shock' || fail "help"

# ---- the embedded Norwegian table (SSB, 2012-2021) ----
# the help shows the Norway example first
"$GREENIDX" ripple --help | grep -m1 '^  greenidx ripple --' | grep -q -- '--shock RF=100 --type 2' ||
  fail "help: Norway example first"
# JSON keeps the keys of the synthetic tables and adds ghg_t_co2e and imports
j=$("$GREENIDX" ripple --shock RF=100 --type 2 --format json)
echo "$j" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d["sectors"]) == 62, len(d["sectors"])
s = d["sectors"][24]
assert s["sector"] == "RF", s["sector"]
for k in ("output", "employment", "value_added", "labour_income", "ghg_t_co2e", "imports"):
    for p in ("direct", "indirect", "induced", "total"):
        assert p in s[k] and p in d["totals"][k], (k, p)
assert abs(s["output"]["direct"] - 100) < 1e-9
assert any("13470" in n for n in d["notes"]), d["notes"]
assert any("2021" in n for n in d["notes"]), d["notes"]
t = d["totals"]["output"]
assert abs(t["direct"] + t["indirect"] + t["induced"] - t["total"]) < 1e-6
' || fail "Norway json"
# --format text is the table; other years; the employment year is said
"$GREENIDX" ripple --shock RF=100 --format text | grep -q '^# Employment: SSB table 13470' || fail "text notes"
"$GREENIDX" ripple --shock RF=100 --io-year 2015 --format text | grep -q 'Norway 2021 .*nearest year' ||
  fail "--io-year 2015: employment year not said"
"$GREENIDX" ripple --shock RF=100 --io-year 2015 --format text | grep -q 'input-output table 2015' || fail "--io-year 2015"
"$GREENIDX" ripple --shock RF=1 --io-year 2011 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--io-year 2011: exit $rc"
"$GREENIDX" ripple --shock RF=1 --io-year 2015 --io "$D/mb" 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--io-year with --io: exit $rc"
# unknown industry code: a data error naming it
"$GREENIDX" ripple --shock R99=5 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "R99" "$tmp/e" || fail "unknown code: exit $rc $(cat "$tmp/e")"
# jobs: N jobs in RF are N direct jobs; a group label spreads its amount over its industries
"$GREENIDX" ripple --shock-jobs RF=10 --format json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert abs(d["totals"]["employment"]["direct"] - 10) < 1e-9, d["totals"]["employment"]
' || fail "--shock-jobs"
"$GREENIDX" ripple --shock 'Industri=100' --format json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
direct = {s["sector"]: s["output"]["direct"] for s in d["sectors"] if s["output"]["direct"]}
assert abs(sum(direct.values()) - 100) < 1e-9 and "R10_12" in direct and "RF" not in direct, direct
' || fail "group label shock"
"$GREENIDX" ripple --shock-jobs 'Industri=50' --format json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert abs(d["totals"]["employment"]["direct"] - 50) < 1e-9, d["totals"]["employment"]
' || fail "group label jobs"
# regionalised: effects inside Skien, leakage to the rest of Norway and abroad
"$GREENIDX" ripple --region Skien --shock RF=100 --type 2 --format json 2>"$tmp/e" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
lk = d["leakage"]
assert lk["rest_of_norway"] > 0 and lk["abroad"] > 0, lk
assert abs(lk["abroad"] - d["totals"]["imports"]["total"]) < 1e-9
assert any("Skien" in n and "FLQ" in n and "2021" in n for n in d["notes"]), d["notes"]
' || fail "--region Skien json"
grep -q "2021" "$tmp/e" || fail "--region Skien: year not said"
"$GREENIDX" ripple --region Skien --shock RF=100 --type 2 2>/dev/null | grep -q 'leakage to the rest of Norway' ||
  fail "--region Skien text"
# SSB's workbooks as published: the same numbers as the embedded table
S="$D/ssb"
a=$("$GREENIDX" ripple --io "$S/iot_1850_2021.xlsx" --shock RF=100 --type 2 --format csv 2>/dev/null)
b=$("$GREENIDX" ripple --shock RF=100 --type 2 --format csv 2>/dev/null)
[ "$(echo "$a" | cut -d, -f1-3)" = "$(echo "$b" | cut -d, -f1-3)" ] || fail "--io workbook rows differ"
echo "$a" | grep -q '^RF,output,100,29.60' || fail "--io workbook: $(echo "$a" | grep '^RF,output')"
# a folder of SSB's workbooks, the latest year in it (2021)
c=$("$GREENIDX" ripple --io "$S" --shock RF=100 --type 2 --format csv 2>/dev/null)
[ "$c" = "$a" ] || fail "--io folder of workbooks differs from --io FILE.xlsx"
"$GREENIDX" ripple --io "$S" --io-year 2019 --shock RF=1 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "iot_1850_2019.xlsx" "$tmp/e" || fail "--io folder without the year: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$S/bad_unbalanced.xlsx" --io-imports "$S/iot_1950_2021.xlsx" --shock RF=1 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "industry R01 does not balance" "$tmp/e" || fail "unbalanced workbook: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$S/bad_missing_sheet.xlsx" --io-imports "$S/iot_1950_2021.xlsx" --shock RF=1 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "1850" "$tmp/e" || fail "missing sheet: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$S/bad_negative_output.xlsx" --io-imports "$S/iot_1950_2021.xlsx" --shock RF=1 2>"$tmp/e"; rc=$?
[ "$rc" -eq 2 ] && grep -q "E107" "$tmp/e" || fail "negative output: exit $rc $(cat "$tmp/e")"
"$GREENIDX" ripple --io "$D/mb" --io-imports "$S/iot_1950_2021.xlsx" --shock Agriculture=1 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "--io-imports without a workbook: exit $rc"
exit 0
