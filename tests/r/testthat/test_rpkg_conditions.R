# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every gidx_status of include/greenidx/common.h maps to its own R condition
# class "gidx_<code>" (issue #17: gidx_* conditions for every error code),
# read from the header so that a new code without a class fails here.
# Runs on the build tree (tests/r/run.R) and in R CMD check of the package
# (tests/packaging/r_check.sh), both with GIDX_SOURCE_ROOT set.

gidx_header_codes <- function() {
  root <- Sys.getenv("GIDX_SOURCE_ROOT")
  if (!nzchar(root)) stop("GIDX_SOURCE_ROOT must name the libgreenidx source tree")
  h <- readLines(file.path(root, "include", "greenidx", "common.h"), warn = FALSE)
  m <- regmatches(h, regexec("^\\s*GIDX_(E[A-Z]+)\\s*=\\s*(-[0-9]+)", h))
  m <- Filter(function(x) length(x) == 3L, m)
  stats::setNames(vapply(m, function(x) as.integer(x[3L]), 1L),
                  vapply(m, function(x) tolower(x[2L]), ""))
}

test_that("every error code of common.h signals its gidx_<code> condition", {
  codes <- gidx_header_codes()
  expect_gte(length(codes), 20L)              # GIDX_EINVAL (-1) ... GIDX_EINTERNAL (-20)
  expect_identical(unname(codes), -seq_along(codes))
  for (name in names(codes)) {
    e <- tryCatch(gidx_stop(codes[[name]]), condition = function(e) e)
    expect_s3_class(e, paste0("gidx_", name))
    expect_identical(class(e)[-1L], c("gidx_error", "error", "condition"))
    expect_identical(e$code, codes[[name]])
    # the library's text for the code when no error is recorded
    expect_true(nzchar(conditionMessage(e)), info = name)
  }
})

test_that("a failing call is caught by its specific class and by gidx_error", {
  caught <- tryCatch(gidx_solve(matrix(c(1, 2, 2, 4), 2), c(1, 2)),
                     gidx_esingular = function(e) "esingular")
  expect_identical(caught, "esingular")
  e <- tryCatch(gidx_solve(matrix(c(1, 2, 2, 4), 2), c(1, 2)), gidx_error = function(e) e)
  expect_identical(e$code, -8L)
  expect_match(conditionMessage(e), "singular")
})

test_that("a status outside the enum is still a gidx_error", {
  e <- tryCatch(gidx_stop(-999L), condition = function(e) e)
  expect_s3_class(e, "gidx_unknown")
  expect_s3_class(e, "gidx_error")
  expect_identical(e$code, -999L)
})
