#!/bin/sh
# Synthetic control on Proposition 99 with all 38 placebos: libgreenidx
# (`greenidx effect synth`, whole process: CSV read + fit + 38 placebo fits)
# against a straightforward Python implementation of the same nested
# optimisation (bench/effects/synth_py.py, numpy/scipy; fits only), side by
# side in the same run. CPU seconds (user + system) are compared, because the
# machine is shared and wall time depends on the load.
# Usage: bench/effects/run.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1; export OPENBLAS_NUM_THREADS OMP_NUM_THREADS
exec /usr/bin/python3 "$here/bench.py" "$build/tools/greenidx" "$root/tests/data/effects/smoking.csv"
