#!/bin/sh
# Complexity test (issue 19, item 4): grows each input dimension that was once
# quadratic ten-fold and checks, with callgrind's instruction count (exact and
# independent of the machine's load), that the work grows at most 15-fold:
#   columns     a CSV header of N columns           (greenidx data)
#   series      N naive forecast series of 5 years   (greenidx forecast)
#   variables   a catalogue of N base variables      (greenidx catalog)
#   instruments a scenario of N instruments          (greenidx report, one region)
#   field       one field of N kB (under GIDX_CSV_MAX_FIELD, 16 MiB)  (greenidx data)
# Each dimension is measured at N and 10 N; a linear cost gives a ratio near
# 10, n log n about 11-13, a quadratic one near 100. Prints one line per
# dimension and exits 1 when a ratio exceeds the bound.
# Usage: bench/scaling/complexity.sh [BUILDDIR] [BOUND]   (default build, 15)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
bound=${2:-15}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
G="$build/tools/greenidx"
[ -x "$G" ] || { echo "no $G: build first (meson compile -C $build)"; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is needed"; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# inputs: python writes the files for both sizes of every dimension
/usr/bin/python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
def cols(n):
    with open(f"{t}/cols{n}.csv", "w") as f:
        f.write(",".join(["region", "year"] + [f"v{i}" for i in range(n)]) + "\n")
        f.write(",".join(["3807", "2020"] + ["1"] * n) + "\n")
def series(n):
    with open(f"{t}/series{n}.csv", "w") as f:
        f.write("series_id,value,timestamp\n")
        for s in range(n):
            for y in range(5):
                f.write(f"S{s},{10 + y + s % 7},{2000 + y}\n")
def variables(n):
    v = [{"name": f"v{i}"} for i in range(n)]
    json.dump({"format": "greenidx-catalog", "version": 1, "name": "t", "variables": v,
               "indicators": [{"id": "x", "formula": f"v0 + v{n - 1}"}]},
              open(f"{t}/variables{n}.json", "w"))
def instruments(n):
    ins = [{"name": f"i{i}", "indicator": "ghg_total", "regions": ["4003"], "start_year": 2027,
            "effect": {"type": "relative", "per_year": [-0.01]}} for i in range(n)]
    json.dump({"name": "t", "instruments": ins}, open(f"{t}/instruments{n}.json", "w"))
def field(n):
    with open(f"{t}/field{n}.csv", "w") as f:
        f.write("region,year,variable,value\n3807,2020,")
        f.write("x" * (n * 1000))
        f.write(",1\n")
for n in (20000, 200000): cols(n)
for n in (2000, 20000): series(n)
for n in (10000, 100000): variables(n)
for n in (10, 100): instruments(n)
for n in (1000, 10000): field(n)
PY

# instructions of one command (the exit status is not the point here)
ir() {
  out="$T/cg.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" > /dev/null 2>&1 || true
  awk '/^(summary|totals):/ { print $2; exit }' "$out"
}

fail=0
check() {  # check NAME SMALL_IR LARGE_IR
  ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", b / a }')
  ok=$(awk -v r="$ratio" -v m="$bound" 'BEGIN { print (r <= m) ? "ok" : "TOO STEEP" }')
  printf '%-12s %15s %15s  x%-7s %s\n' "$1" "$2" "$3" "$ratio" "$ok"
  [ "$ok" = ok ] || fail=1
}
printf '%-12s %15s %15s  %-8s\n' dimension "Ir at N" "Ir at 10 N" ratio
check columns "$(ir "$G" data --data "$T/cols20000.csv")" "$(ir "$G" data --data "$T/cols200000.csv")"
check series \
  "$(ir "$G" forecast --input "$T/series2000.csv" --horizon 2 --method naive --no-calibrate)" \
  "$(ir "$G" forecast --input "$T/series20000.csv" --horizon 2 --method naive --no-calibrate)"
check variables "$(ir "$G" catalog --catalog "$T/variables10000.json")" \
  "$(ir "$G" catalog --catalog "$T/variables100000.json")"
check instruments \
  "$(ir "$G" report --scenario "$T/instruments10.json" --region 4003 --mc 20 --quiet --format json)" \
  "$(ir "$G" report --scenario "$T/instruments100.json" --region 4003 --mc 20 --quiet --format json)"
check field "$(ir "$G" data --data "$T/field1000.csv")" "$(ir "$G" data --data "$T/field10000.csv")"
exit $fail
