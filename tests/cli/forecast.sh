# greenidx forecast: long CSV in (the M3 file's own layout, quoted fields),
# one row per series and year out; --holdout accuracy; usage and data errors.
set -eu
D="$GIDX_TEST_DATA/forecast"
T=${TMPDIR:-/tmp}/gidx-fc-$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

# quoted header and fields, as in M3_yearly_TSTS.csv, an extra column ignored
{
  echo '"series_id","category","value","timestamp"'
  echo '"A","X",1,"2010"'; echo '"A","X",2,"2011"'; echo '"A","X",4,"2012"'
  echo '"A","X",7,"2013"'; echo '"A","X",11,"2014"'
  echo '"B","X",3,"2020"'; echo '"B","X",4,"2021"'
} > "$T/in.csv"
out=$("$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --method naive --no-calibrate 2>"$T/err") && rc=0 || rc=$?
[ "$rc" -eq 3 ] || { echo "a failing series should give exit 3, got $rc"; exit 1; }
grep -q 'series B: .*2 observed values' "$T/err" || { echo "no per-series error"; cat "$T/err"; exit 1; }
echo "$out" | head -1 | grep -qx 'series_id,timestamp,mean,lo80,hi80,lo95,hi95'
# naive by hand: mean 11, sd sqrt(7.5 h): lo80 at h=1 = 11 - 1.28155 * 2.73861 = 7.49031
echo "$out" | grep -q '^A,2015,11,7.4903'
echo "$out" | grep -q '^A,2016,11,'
[ "$(echo "$out" | wc -l)" -eq 3 ]

# JSON output parses, with the model and the forecasts
"$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --method drift --format json --no-calibrate \
  > "$T/out.json" 2>/dev/null || true
/usr/bin/python3 -c "
import json,sys
d=json.load(open('$T/out.json'))
s=d['series'][0]
assert s['id']=='A' and s['model']=='Random walk with drift', s
assert abs(s['forecast'][0]['mean']-13.5)<1e-9, s
assert len(d['series'])==1
"

# holdout on five M3 series: per-series rows and the ALL row with sMAPE, MASE, coverage
"$GREENIDX" forecast --input "$D/m3_subset.csv" --holdout 6 --method theta > "$T/h.csv"
head -1 "$T/h.csv" | grep -qx 'series_id,model,smape,mase,cov80,cov95'
[ "$(wc -l < "$T/h.csv")" -eq 7 ]
grep -q '^ALL,"theta",' "$T/h.csv"

# usage and data errors
set +e
"$GREENIDX" forecast --input "$T/in.csv" 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "missing --horizon gave $rc"; exit 1; }
"$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --method prophet 2>"$T/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "unknown forecasting method 'prophet'" "$T/err" || { echo "bad method: $rc"; exit 1; }
"$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --level 120 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "bad level gave $rc"; exit 1; }
"$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --value-col nope 2>"$T/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q nope "$T/err" || { echo "missing column gave $rc"; exit 1; }
"$GREENIDX" forecast --input "$T/none.csv" --horizon 2 2>/dev/null; rc=$?
[ "$rc" -eq 2 ] || { echo "missing file gave $rc"; exit 1; }
"$GREENIDX" forecast --help | grep -q -- '--holdout'
exit 0
