#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Packaging test of the R package greenidx, each way README.md and
# docs/bindings.md say it is installed, against libgreenidx installed from
# build tree BUILDDIR into a temporary prefix (found by pkg-config):
#  1. `meson install` (--destdir) installs the package into R's site library
#     of the prefix (or -Dr_libdir) and says where;
#  2. `R CMD INSTALL bindings/r` straight from (a copy of) the source tree:
#     configure runs SWIG on ../*.i and makes NAMESPACE and man pages;
#     it changes no file of the checkout, and ./cleanup then leaves the
#     folder as it was;
#  3. `R CMD build bindings/r`: a tarball without generated files;
#  4. `R CMD check` of that tarball, once: its `R CMD INSTALL
#     greenidx_<v>.tar.gz` (configure takes the interfaces the installed
#     libgreenidx holds, pkg-config --variable=swigdir greenidx), then the
#     checks and the core, lifecycle and packaging testthat files: any ERROR
#     or WARNING fails, and so does a NOTE not listed in docs/bindings.md
#     ("R CMD check notes").
# Each installed package is loaded from a fresh R and computes.
# Usage: tests/packaging/r_check.sh BUILDDIR SOURCE_ROOT
# Prints PASS/FAIL and exits non-zero on failure.
set -u
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: R packaging: $*"; exit 1; }
t0=$(date +%s)
step() { echo "[$(( $(date +%s) - t0 )) s] $*"; }
. "$src/tests/packaging/prefix.sh"
want=$(sed -n "s/^Version: *//p" "$src/bindings/r/DESCRIPTION")

# A fresh R loads the package from library $1 and computes with it.
smoke() {
  R_LIBS="$1" Rscript -e '
    library(greenidx)
    want <- commandArgs(TRUE)[1]
    stopifnot(gidx_version() == want)
    # the package version (bindings/r/DESCRIPTION) follows the library version
    stopifnot(as.character(packageVersion("greenidx")) == want)
    # [[2,1],[1,3]] x = [3,5] -> [0.8, 1.4] by hand
    stopifnot(isTRUE(all.equal(gidx_solve(matrix(c(2, 1, 1, 3), 2, byrow = TRUE), c(3L, 5L)),
                               c(0.8, 1.4), tolerance = 1e-14)))
    e <- tryCatch(gidx_solve(matrix(c(1, 2, 2, 4), 2), c(1, 2)), gidx_esingular = function(e) e)
    stopifnot(inherits(e, "gidx_error"), e$code == -8L, grepl("singular", conditionMessage(e)))
    # help pages are installed
    stopifnot(length(help("gidx_solve", package = "greenidx")) == 1L)
    # and every S3 method has help (its class page, with its \method usage)
    for (m in c("predict.gidx_model", "summary.gidx_forecast", "coef.gidx_effect",
                "as.data.frame.gidx_index", "print.gidx_dataset", "autoplot.gidx_io_result"))
      if (length(help(m, package = "greenidx")) != 1L) stop("no help page for ", m)
    cat("  loaded greenidx", gidx_version(), "from", find.package("greenidx"), "\n")
  ' "$want"
}

# 1. meson install, with the R package.
step "meson install --destdir (library, interfaces, R package)"
GIDX_SKIP_R_PACKAGE=; export GIDX_SKIP_R_PACKAGE
gidx_install_prefix "$build" "$tmp" >"$tmp/meson-install.log" 2>&1 ||
  { cat "$tmp/meson-install.log"; fail "meson install"; }
# Where meson said it would go (meson setup's message and summary).
rlib=$(sed -n 's/^Message: R package greenidx: meson install puts it in \(.*\) (-Dr_libdir= to change)$/\1/p' \
  "$build/meson-logs/meson-log.txt" | tail -n 1)
[ -n "$rlib" ] || fail "meson setup did not say where meson install puts the R package"
mlib="$tmp/root$rlib"
[ -f "$mlib/greenidx/DESCRIPTION" ] || fail "meson install did not install the R package into $mlib"
echo "  meson install: R package greenidx in <destdir>$rlib, as meson setup said"
# and meson install itself says where (its log names the R library; the
# install script's own output is hidden by meson)
grep -qxF "Installing new directory $tmp/root$rlib/greenidx" "$tmp/meson-install.log" ||
  { cat "$tmp/meson-install.log"; fail "meson install did not name the R library $rlib"; }
# Its run path is the final prefix, which does not exist here: the loader
# finds the staged library through LD_LIBRARY_PATH (set by prefix.sh).
smoke "$mlib" || fail "library(greenidx) installed by meson install"
# From now on the packages must load through the run path configure records.
unset LD_LIBRARY_PATH
[ "$(pkg-config --variable=swigdir greenidx)" = "$GIDX_PREFIX/share/greenidx/swig" ] ||
  fail "greenidx.pc: swigdir is '$(pkg-config --variable=swigdir greenidx)'"

# 2. R CMD INSTALL bindings/r from the source tree.
step "R CMD INSTALL bindings/r"
gidx_copy_bindings "$src" "$tmp/src"
cp -R "$tmp/src/bindings" "$tmp/pristine"
# SWIG is a declared build requirement: without it configure says so.
(cd "$tmp/src/bindings/r" && SWIG=/nonexistent/swig R_HOME=$(R RHOME) ./configure) >"$tmp/noswig.log" 2>&1 &&
  fail "configure succeeded without SWIG"
grep -q "SWIG ('/nonexistent/swig') was not found: it is a build requirement" "$tmp/noswig.log" ||
  { cat "$tmp/noswig.log"; fail "configure without SWIG does not say that SWIG is missing"; }
(cd "$tmp/src/bindings/r" && ./cleanup)
mkdir -p "$tmp/lib1"
R CMD INSTALL --library="$tmp/lib1" "$tmp/src/bindings/r" >"$tmp/install1.log" 2>&1 ||
  { cat "$tmp/install1.log"; fail "R CMD INSTALL bindings/r"; }
grep "^configure\|^rdgen" "$tmp/install1.log"
smoke "$tmp/lib1" || fail "library(greenidx) installed by R CMD INSTALL bindings/r"
# A user's checkout is left as it was: every committed file unchanged before
# any ./cleanup (what configure adds is in bindings/r/.gitignore).
changed=$(cd "$tmp/pristine" && find . -type f | while read -r f; do
  cmp -s "$f" "$tmp/src/bindings/$f" || echo "$f"; done)
[ -z "$changed" ] || fail "R CMD INSTALL bindings/r changed files of the checkout: $changed"
(cd "$tmp/src/bindings/r" && ./cleanup)
diff -r "$tmp/pristine" "$tmp/src/bindings" ||
  fail "R CMD INSTALL bindings/r then ./cleanup left bindings/ changed"

# 3. R CMD build bindings/r. The testthat
# files go into the folder first, so that R CMD check runs them.
step "R CMD build bindings/r"
mkdir -p "$tmp/src/bindings/r/tests/testthat"
for t in "$src"/tests/r/testthat/test_core.R "$src"/tests/r/testthat/test_bindings_*.R \
         "$src"/tests/r/testthat/test_rpkg_*.R; do
  [ -f "$t" ] && cp "$t" "$tmp/src/bindings/r/tests/testthat/"
done
cat > "$tmp/src/bindings/r/tests/testthat.R" <<'REOF'
library(testthat)
library(greenidx)
test_check("greenidx")
REOF
cd "$tmp" || fail "cd"
R CMD build --no-build-vignettes "$tmp/src/bindings/r" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; fail "R CMD build bindings/r"; }
tarball="$tmp/greenidx_$want.tar.gz"
[ -f "$tarball" ] || { cat "$tmp/build.log"; fail "R CMD build made no $tarball"; }
if tar -tzf "$tarball" | grep -E "greenidx_wrap\.inc|000_greenidx_swig\.R|rdgen-.*\.Rd|Makevars$"; then
  fail "the tarball holds files configure generates (./cleanup did not run?)"
fi

# 4. R CMD check, once: it runs `R CMD INSTALL` of the tarball (step 3's
# install, in greenidx.Rcheck/00install.out), away from the source tree, so
# configure takes the interfaces of the installed libgreenidx.
# Offline: the dependency check reads an empty local repository instead of
# failing to reach CRAN (every dependency is a Debian package).
mkdir -p "$tmp/repo/src/contrib"
: > "$tmp/repo/src/contrib/PACKAGES"
echo "options(repos = c(CRAN = \"file://$tmp/repo\"))" > "$tmp/Rprofile"
R_PROFILE_USER="$tmp/Rprofile"; export R_PROFILE_USER
step "R CMD check greenidx_$want.tar.gz (R CMD INSTALL of the tarball, checks, tests)"
GIDX_TEST_DATA="$src/tests/data" GIDX_SOURCE_ROOT="$src" _R_CHECK_FORCE_SUGGESTS_=false \
  R CMD check --no-manual --no-build-vignettes -o "$tmp" "$tarball" >"$tmp/check.log" 2>&1
rc=$?
cat "$tmp/check.log"
inst="$tmp/greenidx.Rcheck/00install.out"
grep "^configure\|^rdgen" "$inst"
grep -q "swig -r on greenidx.i from the installed libgreenidx ($GIDX_PREFIX/share/greenidx/swig)" \
  "$inst" || { cat "$inst"; fail "R CMD INSTALL of the tarball: configure did not use the installed interfaces"; }
smoke "$tmp/greenidx.Rcheck" || fail "library(greenidx) installed from the tarball"
[ $rc -eq 0 ] || fail "R CMD check exited with $rc"
if grep -qE "^Status:.*(ERROR|WARNING)" "$tmp/check.log" || grep -qE "\.\.\. (ERROR|WARNING)$" "$tmp/check.log"; then
  fail "R CMD check reported an ERROR or a WARNING"
fi
# A NOTE must be one docs/bindings.md lists (its check step, in backquotes,
# in the section "R CMD check notes").
notes=$(grep -E "^\* checking .* \.\.\. NOTE$" "$tmp/check.log" | sed -e 's/^\* checking //' -e 's/ \.\.\. NOTE$//')
known=$(sed -n '/^### R CMD check notes/,/^##/p' "$src/docs/bindings.md")
echo "$notes" | while IFS= read -r n; do
  [ -z "$n" ] && continue
  printf '%s\n' "$known" | grep -qF "\`$n\`" || { echo "undocumented NOTE: checking $n"; exit 1; }
done || fail "R CMD check gave a NOTE that docs/bindings.md does not list"
step "done"
echo "PASS: R packaging: meson install, R CMD INSTALL bindings/r, R CMD build + INSTALL, R CMD check (no ERROR, WARNING or undocumented NOTE)"
