#!/bin/sh
# SSB's input-output tables for Norway (issue 16): a 62-sector multiplier
# table (target under 10 ms) and the all-industries x all-years batch,
# libgreenidx (bench/ripple/norway_bench.c) and numpy
# (bench/ripple/norway_numpy.py) side by side in one run, with time ratios
# and the largest difference of the results. Builds the library (release)
# in build-bench/ if needed. Single-threaded BLAS on both sides.
# Usage: bench/ripple/norway.sh
set -eu
cd "$(dirname "$0")/../.."
build=build-bench
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dbuildtype=release >/dev/null
fi
meson compile -C "$build" -j 2 greenidx:shared_library >/dev/null
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -I"$build/include" bench/ripple/norway_bench.c \
   -L"$build/libgreenidx" -lgreenidx -Wl,-rpath,"$PWD/$build/libgreenidx" -o "$build/norway_bench"
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1; export OPENBLAS_NUM_THREADS OMP_NUM_THREADS
"$build/norway_bench" | /usr/bin/python3 bench/ripple/norway_numpy.py
