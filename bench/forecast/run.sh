#!/bin/sh
# libgreenidx forecast benchmark: the 645 M3 yearly series, h = 6, greenidx
# (auto and each family) against R forecast (ets, auto.arima, thetaf) in the
# same run, each pinned to one core and niced; times are CPU seconds (user +
# system), and for the speed ratios also wall time measured both ways: the
# whole `greenidx forecast` process (start-up, reading the CSV, fitting,
# scoring) against R's fitting calls alone (in-process elapsed time).
# Prints a markdown table.
# Usage: bench/forecast/run.sh [M3_yearly_TSTS.csv] [path/to/greenidx]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-/work/shared/data/m3/M3_yearly_TSTS.csv}
gx=${2:-$here/../../build/tools/greenidx}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# one core each also for BLAS: OpenBLAS's idle worker threads otherwise
# spin in sched_yield (up to 0.1 s of system time per greenidx process in
# the profile of issue #18); R, when linked to OpenBLAS, gets the same
export OPENBLAS_NUM_THREADS=1
pin=""; pinr=""
# R on core 0, greenidx on core 1 (when there are two): one core each
command -v taskset >/dev/null 2>&1 && { pinr="taskset -c 0"; pin="taskset -c $(( $(nproc) > 1 ? 1 : 0 ))"; }

# R side in the background (it takes about a minute)
nice $pinr Rscript "$here/bench_r.R" "$data" "$tmp/r.csv" > "$tmp/r.log" 2>&1 &
rpid=$!

for m in auto ets ets-both arima thetas theta drift naive; do
  case $m in ets-both) extra="--method ets --ets-errors both";; *) extra="--method $m";; esac
  # CPU seconds (user + system), as the R side: fair on a loaded machine
  /usr/bin/time -f "$m %U %S %e" -a -o "$tmp/times" \
    nice $pin "$gx" forecast --input "$data" --holdout 6 --level 80 $extra --threads 1 > "$tmp/$m.csv"
done
wait $rpid || { cat "$tmp/r.log"; exit 1; }

/usr/bin/python3 - "$tmp" <<'PY'
import csv, sys, os
tmp = sys.argv[1]
times, walls = {}, {}
for l in open(os.path.join(tmp, "times")):
    k, u, s_, e = l.split()
    times[k] = float(u) + float(s_)
    walls[k] = float(e)
rows = []
for m in ["auto", "ets", "ets-both", "arima", "thetas", "theta", "drift", "naive"]:
    last = list(csv.reader(open(os.path.join(tmp, m + ".csv"))))[-1]
    rows.append(("greenidx " + m, float(last[2]), float(last[3]), 100 * float(last[4]), float(times[m])))
r = list(csv.DictReader(open(os.path.join(tmp, "r.csv"))))
for x in r:
    cov = x["cov80"]
    rows.append((x["method"], float(x["smape"]), float(x["mase"]),
                 float(cov) if cov not in ("NA", "") else float("nan"), float(x["seconds"])))
print("| method | sMAPE | MASE | 80 % coverage | CPU seconds |")
print("|---|---|---|---|---|")
for name, s, m, c, t in rows:
    cs = "–" if c != c else "%.1f %%" % c
    print("| %s | %.2f | %.3f | %s | %.2f |" % (name, s, m, cs, t))
rw = {x["method"]: float(x["wall"]) for x in r}
rc = {x["method"]: float(x["seconds"]) for x in r}
print()
print("| speed | greenidx CPU s | R CPU s | ratio (CPU) | greenidx process wall s | R in-process wall s | ratio (wall) |")
print("|---|---|---|---|---|---|---|")
for ours, theirs in (("auto", "R mean(ets,auto.arima,thetaf)"), ("ets-both", "R ets"),
                     ("arima", "R auto.arima"), ("thetas", "R thetaf")):
    print("| greenidx %s vs %s | %.2f | %.2f | %.1fx | %.2f | %.2f | %.1fx |" % (
        ours, theirs.replace("R mean(ets,auto.arima,thetaf)", "R ets + auto.arima + thetaf"),
        times[ours], rc[theirs], rc[theirs] / times[ours], walls[ours], rw[theirs],
        rw[theirs] / walls[ours]))
PY
