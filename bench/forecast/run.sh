#!/bin/sh
# libgreenidx forecast benchmark: the 645 M3 yearly series, h = 6, greenidx
# (auto and each family) against R forecast (ets, auto.arima, thetaf) in the
# same run, both pinned to one core. Prints a markdown table.
# Usage: bench/forecast/run.sh [M3_yearly_TSTS.csv] [path/to/greenidx]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-/work/shared/data/m3/M3_yearly_TSTS.csv}
gx=${2:-$here/../../build/tools/greenidx}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=""; pinr=""
# R on core 0, greenidx on core 1 (when there are two): one core each
command -v taskset >/dev/null 2>&1 && { pinr="taskset -c 0"; pin="taskset -c $(( $(nproc) > 1 ? 1 : 0 ))"; }

# R side in the background (it takes about a minute)
$pinr Rscript "$here/bench_r.R" "$data" "$tmp/r.csv" > "$tmp/r.log" 2>&1 &
rpid=$!

for m in auto ets ets-both arima thetas theta drift naive; do
  t0=$(date +%s.%N)
  case $m in ets-both) extra="--method ets --ets-errors both";; *) extra="--method $m";; esac
  $pin "$gx" forecast --input "$data" --holdout 6 --level 80 $extra --threads 1 > "$tmp/$m.csv"
  t1=$(date +%s.%N)
  echo "$m $(echo "$t1 - $t0" | bc)" >> "$tmp/times"
done
wait $rpid || { cat "$tmp/r.log"; exit 1; }

/usr/bin/python3 - "$tmp" <<'PY'
import csv, sys, os
tmp = sys.argv[1]
times = dict(l.split() for l in open(os.path.join(tmp, "times")))
rows = []
for m in ["auto", "ets", "ets-both", "arima", "thetas", "theta", "drift", "naive"]:
    last = list(csv.reader(open(os.path.join(tmp, m + ".csv"))))[-1]
    rows.append(("greenidx " + m, float(last[2]), float(last[3]), 100 * float(last[4]), float(times[m])))
r = list(csv.DictReader(open(os.path.join(tmp, "r.csv"))))
for x in r:
    cov = x["cov80"]
    rows.append((x["method"], float(x["smape"]), float(x["mase"]),
                 float(cov) if cov not in ("NA", "") else float("nan"), float(x["seconds"])))
print("| method | sMAPE | MASE | 80 % coverage | seconds (1 core) |")
print("|---|---|---|---|---|")
for name, s, m, c, t in rows:
    cs = "–" if c != c else "%.1f %%" % c
    print("| %s | %.2f | %.3f | %s | %.2f |" % (name, s, m, cs, t))
rtot = [x for x in rows if x[0].startswith("R mean")][0][4]
ours = rows[0][4]
print()
print("R ets + auto.arima + thetaf: %.1f s; greenidx auto: %.2f s; ratio %.1fx" % (rtot, ours, rtot / ours))
PY
