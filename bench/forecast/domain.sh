#!/bin/sh
# libgreenidx domain benchmark: rolling-origin evaluation of every greenidx
# forecasting method on the embedded Telemark series (ghg_*, employment_*,
# population), and of R forecast's ets, auto.arima, thetaf and rwf where the
# training window has no gaps. Prints markdown tables per variable group
# (sMAPE, MASE, 80 % coverage) and CPU seconds. R runs niced on core 0 in
# the background, greenidx niced on core 1.
# Usage: bench/forecast/domain.sh [path/to/greenidx] [h] [first origin] [last origin]
# Defaults: build/tools/greenidx, h = 3, origins 2019 to (last year - h) of
# each series (GHG: 2019-2021, employment: 2019-2022, population: 2019-2023).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gx=${1:-$here/../../build/tools/greenidx}
h=${2:-3}
o1=${3:-2019}
o2=${4:-9999}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# one core each also for BLAS: OpenBLAS's idle worker threads otherwise
# spin in sched_yield (up to 0.1 s of system time per greenidx process in
# the profile of issue #18); R, when linked to OpenBLAS, gets the same
export OPENBLAS_NUM_THREADS=1
pin=""; pinr=""
command -v taskset >/dev/null 2>&1 && { pinr="taskset -c 0"; pin="nice taskset -c $(( $(nproc) > 1 ? 1 : 0 ))"; }
"$gx" data --format csv --output "$tmp/embedded.csv"
/usr/bin/python3 "$here/domain.py" "$tmp" "$gx" "$h" "$o1" "$o2" "$pin" "$pinr"
