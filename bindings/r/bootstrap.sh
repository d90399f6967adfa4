#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Assemble the R package greenidx in DEST from this folder and the SWIG
# interfaces of bindings/: runs `swig -r` on greenidx.i with a modules.i
# listing every bindings/<module>.i present, which makes src/greenidx_wrap.c
# and R/greenidx_swig.R (never committed), copies the R layer (R/*.R),
# DESCRIPTION, configure, src/Makevars.in and man/, and runs rdgen.R for the
# NAMESPACE exports and the man pages of documented functions that have none.
#
#   sh bindings/r/bootstrap.sh DEST [--tests FILE...]
#   R CMD build DEST && R CMD INSTALL greenidx_0.1.0.tar.gz
#
# --tests copies the given testthat files into DEST/tests/testthat, with a
# tests/testthat.R runner, so that R CMD check runs them.
# Needs swig, python3 and Rscript. SWIG reads the libgreenidx headers of the
# installation found by pkg-config, or those of the source tree.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 DEST [--tests FILE...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
bindings=$(dirname "$here")
dest=$1; shift
SWIG=${SWIG:-swig}
RSCRIPT=${RSCRIPT:-Rscript}

rm -rf "$dest"
mkdir -p "$dest/R" "$dest/src" "$dest/man"
dest=$(cd "$dest" && pwd)
cp "$here/DESCRIPTION" "$here/NAMESPACE" "$dest/"
cp "$here/configure" "$here/cleanup" "$dest/"
chmod +x "$dest/configure" "$dest/cleanup"
cp "$here/src/Makevars.in" "$dest/src/"
cp "$here"/man/*.Rd "$dest/man/"
cp "$here"/R/*.R "$dest/R/"

# src/greenidx_wrap.c and R/greenidx_swig.R
SWIG="$SWIG" sh "$here/swig_gen.sh" "$bindings" "$dest"

# Collate: the SWIG code first, then the core layer, then the modules, the
# order tests/r/run.R sources them in the build tree, so that a layer
# function replaces a SWIG function of the same name in both.
{
  printf "Collate:\n    'greenidx_swig.R'\n    'greenidx_layer.R'"
  for f in "$dest"/R/*.R; do
    b=$(basename "$f")
    case "$b" in greenidx_swig.R | greenidx_layer.R) continue ;; esac
    printf "\n    '%s'" "$b"
  done
  printf "\n"
} >> "$dest/DESCRIPTION"

if [ "${1:-}" = "--tests" ]; then
  shift
  mkdir -p "$dest/tests/testthat"
  for t in "$@"; do cp "$t" "$dest/tests/testthat/"; done
  cat > "$dest/tests/testthat.R" <<'REOF'
# The tests run in the package namespace, so they see the SWIG functions too.
library(testthat)
library(greenidx)
test_check("greenidx")
REOF
fi

"$RSCRIPT" "$here/rdgen.R" "$dest" "$dest/R/greenidx_swig.R"
echo "bootstrap: R package greenidx assembled in $dest"
