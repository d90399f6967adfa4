#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bindings/r/tools/rdgen.R on the R layer of this tree (0.: every exported
# function has full help) and on small packages made here (no libgreenidx):
#  1. an exported function whose #' block lacks @param for an argument makes
#     rdgen fail, naming the function and the argument (so a new function of
#     the R layer without full help stops R CMD INSTALL at once);
#  1b. so does a documented S3 method lacking @param for an argument of its
#     own (the generic's x, object, ..., row.names, optional need none);
#  2. a complete package with coef/print methods and an autoplot method
#     (registered as S3method(ggplot2::autoplot, <class>), ggplot2 in
#     Suggests), whose class page documents each method (\method usage,
#     arguments, value), passes R CMD check --no-manual without ERROR, WARNING or NOTE,
#     and rdgen run twice gives the same NAMESPACE;
#  0b. the committed bindings/r/NAMESPACE equals what rdgen writes.
# Usage: tests/packaging/rdgen_check.sh SOURCE_ROOT
set -u
src=$(cd "$1" && pwd)
rdgen="$src/bindings/r/tools/rdgen.R"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: rdgen: $*"; exit 1; }

mkpkg() {
  mkdir -p "$1/R" "$1/man"
  cat > "$1/DESCRIPTION" <<'DEOF'
Package: rdgentest
Type: Package
Title: A Package Made by the Test of rdgen.R
Version: 0.1.0
Authors@R: person("libgreenidx developers", role = c("aut", "cre"),
    email = "greenidx@libgreenidx.invalid")
Description: Exercises the NAMESPACE and Rd generator of the R package
    greenidx on S3 classes and an 'autoplot' method of a suggested package.
License: GPL (>= 3)
Encoding: UTF-8
Depends: R (>= 4.0)
Imports: stats
Suggests: ggplot2
DEOF
  sed -n '/^# ---- generated/q;p' "$src/bindings/r/NAMESPACE" | grep -v "useDynLib\|^import" > "$1/NAMESPACE"
  echo "importFrom(stats, coef)" >> "$1/NAMESPACE"
}

# 0. The R layer of this tree: every exported function has its help (the
# SWIG code is not needed for that, so this runs in a second).
mkdir -p "$tmp/layer"
cp -R "$src/bindings/r/R" "$src/bindings/r/man" "$src/bindings/r/NAMESPACE" "$tmp/layer/"
Rscript "$rdgen" "$tmp/layer" >"$tmp/layer.log" 2>&1 || { cat "$tmp/layer.log"; fail "rdgen on bindings/r/R"; }
echo "  bindings/r/R: $(tail -n 1 "$tmp/layer.log")"
# 0b. The committed NAMESPACE is what rdgen writes (its generated lines are
# committed so that R CMD INSTALL bindings/r leaves a checkout unchanged).
cmp -s "$tmp/layer/NAMESPACE" "$src/bindings/r/NAMESPACE" ||
  { diff "$src/bindings/r/NAMESPACE" "$tmp/layer/NAMESPACE";
    fail "bindings/r/NAMESPACE is stale: run 'Rscript tools/rdgen.R .' in bindings/r and commit it"; }
echo "  bindings/r/NAMESPACE: up to date"

# 1. A missing @param.
mkpkg "$tmp/bad"
cat > "$tmp/bad/R/f.R" <<'REOF'
#' Scale a vector.
#'
#' @param x a numeric vector
#' @return x times k
gidx_scale <- function(x, k = 2) x * k
REOF
Rscript "$rdgen" "$tmp/bad" >"$tmp/bad.log" 2>&1 && { cat "$tmp/bad.log"; fail "no error for a missing @param"; }
grep -q "ERROR.*gidx_scale(k) in f.R" "$tmp/bad.log" || { cat "$tmp/bad.log"; fail "the error does not name gidx_scale(k)"; }
echo "  missing @param: $(grep ERROR "$tmp/bad.log" | head -n 1)"

# 1b. A documented S3 method lacking @param for an argument of its own
# (x, object, ..., row.names and optional need none).
mkpkg "$tmp/badm"
cat > "$tmp/badm/R/f.R" <<'REOF'
#' Print a fit.
#' @param x a fit
print.gidx_testfit <- function(x, digits = 3, ...) invisible(x)
REOF
Rscript "$rdgen" "$tmp/badm" >"$tmp/badm.log" 2>&1 && { cat "$tmp/badm.log"; fail "no error for a method's missing @param"; }
grep -q "ERROR.*print.gidx_testfit(digits) in f.R" "$tmp/badm.log" ||
  { cat "$tmp/badm.log"; fail "the error does not name print.gidx_testfit(digits)"; }
echo "  missing @param of a method: $(grep ERROR "$tmp/badm.log" | head -n 1)"

# 2. A complete package with S3 methods, checked.
mkpkg "$tmp/good"
cat > "$tmp/good/R/f.R" <<'REOF'
#' Make a fit object.
#'
#' @param x a numeric vector
#' @return an object of class "gidx_testfit" with the mean of x as coefficient
#' @examples
#' coef(gidx_testfit(c(1, 2, 3)))
gidx_testfit <- function(x) structure(list(coefficients = c(mean = mean(x)), x = x),
                                       class = "gidx_testfit")

#' Print a fit.
print.gidx_testfit <- function(x, ...) {
  cat("gidx_testfit: mean", x$coefficients[["mean"]], "\n")
  invisible(x)
}

#' Coefficients of a fit.
#'
#' The mean of the data, named.
#' @param which the names of the coefficients to return
#' @return a named numeric vector
coef.gidx_testfit <- function(object, which = "mean", ...) object$coefficients[which]

#' A ggplot of the data of a fit (needs ggplot2).
autoplot.gidx_testfit <- function(object, ...) {
  if (!requireNamespace("ggplot2", quietly = TRUE)) stop("autoplot needs ggplot2")
  d <- data.frame(i = seq_along(object$x), x = object$x)
  ggplot2::ggplot(d, ggplot2::aes(x = .data$i, y = .data$x)) + ggplot2::geom_point()
}
REOF
Rscript "$rdgen" "$tmp/good" >"$tmp/good.log" 2>&1 || { cat "$tmp/good.log"; fail "rdgen on the complete package"; }
cp "$tmp/good/NAMESPACE" "$tmp/ns1"
Rscript "$rdgen" "$tmp/good" >>"$tmp/good.log" 2>&1 || { cat "$tmp/good.log"; fail "rdgen run again"; }
cmp -s "$tmp/ns1" "$tmp/good/NAMESPACE" || { diff "$tmp/ns1" "$tmp/good/NAMESPACE"; fail "a second run changed NAMESPACE"; }
for l in "export(gidx_testfit)" "S3method(print, gidx_testfit)" "S3method(coef, gidx_testfit)" \
         "S3method(ggplot2::autoplot, gidx_testfit)"; do
  grep -qxF "$l" "$tmp/good/NAMESPACE" || { cat "$tmp/good/NAMESPACE"; fail "NAMESPACE lacks $l"; }
done
[ -f "$tmp/good/man/rdgen-gidx_testfit.Rd" ] || fail "no man/rdgen-gidx_testfit.Rd"
# The class page documents each method as CRAN packages do: \method usage,
# every argument, the value; ?coef.gidx_testfit resolves to it.
cls="$tmp/good/man/rdgen-class-gidx_testfit.Rd"
for l in '\alias{coef.gidx_testfit}' '\method{coef}{gidx_testfit}(object, which = "mean", ...)' \
         '\method{print}{gidx_testfit}(x, ...)' '\method{autoplot}{gidx_testfit}(object, ...)' \
         '\item{which}{the names of the coefficients to return}' '\item{\code{coef()}}{a named numeric vector}'; do
  grep -qF "$l" "$cls" || { cat "$cls"; fail "the class page lacks $l"; }
done
# Offline: the dependency check reads an empty local repository instead of
# failing to reach CRAN (every dependency is a Debian package).
mkdir -p "$tmp/repo/src/contrib"
: > "$tmp/repo/src/contrib/PACKAGES"
echo "options(repos = c(CRAN = \"file://$tmp/repo\"))" > "$tmp/Rprofile"
R_PROFILE_USER="$tmp/Rprofile"; export R_PROFILE_USER
cd "$tmp" || fail "cd"
R CMD build good >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "R CMD build"; }
_R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual -o "$tmp" rdgentest_0.1.0.tar.gz >"$tmp/check.log" 2>&1
rc=$?
grep -E "NOTE|WARNING|ERROR|^Status" "$tmp/check.log"
[ $rc -eq 0 ] && grep -q "^Status: OK" "$tmp/check.log" ||
  { cat "$tmp/check.log"; fail "R CMD check of a package with S3method(ggplot2::autoplot, ...) is not OK"; }
echo "PASS: rdgen: a missing @param is an error naming it; S3 methods and ggplot2::autoplot pass R CMD check"
