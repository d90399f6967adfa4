#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Packaging test of the R bindings: install libgreenidx from build tree
# BUILDDIR into a temporary prefix, assemble the R package with
# bindings/r/bootstrap.sh (SWIG), R CMD build it, R CMD INSTALL the tarball
# into a temporary library and load it from a fresh R, then R CMD check it
# (--no-manual) with the core and cross-cutting testthat files. Any ERROR or
# WARNING of R CMD check is a failure; NOTEs are printed.
# Usage: tests/packaging/r_check.sh BUILDDIR SOURCE_ROOT
# Prints PASS/FAIL and exits non-zero on failure.
set -u
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: R packaging: $*"; exit 1; }
. "$src/tests/packaging/prefix.sh"

gidx_install_prefix "$build" "$tmp" || fail "installing libgreenidx"
# The package must load through the run path configure records, not
# through LD_LIBRARY_PATH.
unset LD_LIBRARY_PATH
gidx_copy_bindings "$src" "$tmp/src"
tests=$(ls "$src"/tests/r/testthat/test_core.R "$src"/tests/r/testthat/test_bindings_*.R 2>/dev/null)
# shellcheck disable=SC2086
sh "$tmp/src/bindings/r/bootstrap.sh" "$tmp/pkg" --tests $tests >"$tmp/bootstrap.log" 2>&1 ||
  { cat "$tmp/bootstrap.log"; fail "bootstrap.sh"; }
if grep -q "WARNING" "$tmp/bootstrap.log"; then cat "$tmp/bootstrap.log"; fi

cd "$tmp" || fail "cd"
R CMD build --no-build-vignettes pkg >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; fail "R CMD build"; }
tarball=$(ls "$tmp"/greenidx_*.tar.gz)
mkdir -p "$tmp/lib"
R CMD INSTALL --library="$tmp/lib" "$tarball" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "R CMD INSTALL"; }
want=$(pkg-config --modversion greenidx)
R_LIBS="$tmp/lib" Rscript -e '
  library(greenidx)
  stopifnot(gidx_version() == commandArgs(TRUE)[1])
  # the package version (bindings/r/DESCRIPTION) follows the library version
  stopifnot(as.character(packageVersion("greenidx")) == commandArgs(TRUE)[1])
  stopifnot(isTRUE(all.equal(gidx_solve(matrix(c(2, 1, 1, 3), 2, byrow = TRUE), c(3L, 5L)),
                             c(0.8, 1.4), tolerance = 1e-14)))
  e <- tryCatch(gidx_solve(matrix(c(1, 2, 2, 4), 2), c(1, 2)), gidx_esingular = function(e) e)
  stopifnot(inherits(e, "gidx_error"), e$code == -8L, grepl("singular", conditionMessage(e)))
  cat("installed greenidx", gidx_version(), "from", find.package("greenidx"), "\n")
' "$want" || fail "library(greenidx) from the installed package"

GIDX_TEST_DATA="$src/tests/data" GIDX_SOURCE_ROOT="$src" _R_CHECK_FORCE_SUGGESTS_=false \
  R CMD check --no-manual --no-build-vignettes -o "$tmp" "$tarball" >"$tmp/check.log" 2>&1
rc=$?
cat "$tmp/check.log"
[ $rc -eq 0 ] || fail "R CMD check exited with $rc"
if grep -qE "^Status:.*(ERROR|WARNING)" "$tmp/check.log" || grep -qE "\.\.\. (ERROR|WARNING)$" "$tmp/check.log"; then
  fail "R CMD check reported an ERROR or a WARNING"
fi
echo "PASS: R packaging: bootstrap, R CMD build, INSTALL and check (no ERROR or WARNING)"
