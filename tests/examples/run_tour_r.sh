#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run docs/examples/tour.R with Rscript against a build tree: the script loads
# BUILDDIR/bindings/r/greenidx.so and the R layer when GIDX_R_BUILDDIR is set
# (otherwise it uses library(greenidx)). Output files go to a temporary
# folder, never into the source tree. Prints PASS or FAIL and exits non-zero
# on failure.
#
# usage: tests/examples/run_tour_r.sh BUILDDIR SRCROOT
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 BUILDDIR SRCROOT" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd) || { echo "FAIL: no build folder $1"; exit 1; }
SRC=$(cd "$2" && pwd) || { echo "FAIL: no source folder $2"; exit 1; }
RSCRIPT=${RSCRIPT:-Rscript}
TOUR=$SRC/docs/examples/tour.R
[ -f "$TOUR" ] || { echo "FAIL: $TOUR not found"; exit 1; }
[ -f "$BUILD/bindings/r/greenidx.R" ] || {
    echo "FAIL: $BUILD/bindings/r has no built R module"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gidx-tour-r.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
before=$(ls -A "$SRC/docs/examples")

start=$(date +%s)
( cd "$TMP" &&
  GIDX_R_BUILDDIR=$BUILD/bindings/r GIDX_SOURCE_ROOT=$SRC GIDX_TOUR_OUTDIR=$TMP TMPDIR=$TMP \
  R_LIBS_USER=$TMP/lib "$RSCRIPT" --vanilla "$TOUR" ) > "$TMP/tour.log" 2>&1
rc=$?
end=$(date +%s)
if [ $rc -eq 0 ] && ! grep -q '^tour.R finished' "$TMP/tour.log"; then
    echo "tour.R exited 0 without finishing"; rc=1
fi
if [ $rc -eq 0 ] && ! grep -q '<svg' "$TMP/tour_fan_chart.svg" 2>/dev/null; then
    echo "tour.R wrote no fan chart SVG"; rc=1
fi
after=$(ls -A "$SRC/docs/examples")
if [ $rc -eq 0 ] && [ "$before" != "$after" ]; then
    echo "docs/examples changed while tour.R ran:"; echo "$after"; rc=1
fi
if [ $rc -eq 0 ]; then
    echo "tour.R: finished in $((end - start)) s"
    echo "PASS: docs/examples/tour.R"
else
    tail -n 40 "$TMP/tour.log"
    echo "FAIL: docs/examples/tour.R (exit $rc)"
fi
[ $rc -eq 0 ]
