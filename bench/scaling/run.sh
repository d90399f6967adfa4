#!/bin/sh
# Scaling benchmark: loading a long CSV and computing indicators for
# 12,500 ... 100,000 series x 30 years. Builds the library (release) in
# build-bench/ if needed, compiles scaling.c against it and runs it.
# Usage: bench/scaling/run.sh [MAX_SERIES]   (default 100000)
set -eu
cd "$(dirname "$0")/../.."
build=build-bench
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dbuildtype=release >/dev/null
fi
meson compile -C "$build" -j 2 greenidx:shared_library >/dev/null
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -I"$build/include" bench/scaling/scaling.c \
   -L"$build/libgreenidx" -lgreenidx -Wl,-rpath,"$PWD/$build/libgreenidx" -o "$build/scaling"
"$build/scaling" "${1:-100000}"
