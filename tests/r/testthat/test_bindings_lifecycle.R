# Cross-cutting tests of the R bindings: every handle has a finalizer
# (10,000 create/drop cycles with gc() and no growth of the resident set),
# gidx_close() frees at once and a closed handle is an error, not a crash,
# and 10,000 error conditions leak nothing. Reports are the handle type of
# the API on main with an R wrapper (gidx_report(), bindings/core.i).
rss_bytes <- function() {
  # resident pages (second field of /proc/self/statm) times the page size
  pages <- as.numeric(strsplit(readLines("/proc/self/statm"), " ")[[1]][2])
  pages * 4096
}
growth <- function(cycle, n = 10000L, warmup = 1000L) {
  for (i in seq_len(warmup)) cycle()
  invisible(gc(full = TRUE))
  before <- rss_bytes()
  for (i in seq_len(n)) cycle()
  invisible(gc(full = TRUE))
  rss_bytes() - before
}
# Each cycle adds a 4 KiB paragraph: a report never freed costs >= 40 MB
# over 10,000 cycles, ten times the tolerance, which absorbs what R's and
# glibc's allocators keep. Every loop body uses stopifnot(), not expect_*():
# testthat keeps each expectation, which would itself grow the RSS.
tolerance <- 4 * 1024 * 1024
paragraph <- strrep("Bj\u00f8rnafjorden ", 293)

test_that("reports dropped without gidx_close() are freed by their finalizer", {
  skip_if(nzchar(Sys.getenv("GIDX_UNDER_ASAN")),
          "ASan's quarantine holds freed memory: resident size grows without a leak")
  skip_if_not(file.exists("/proc/self/statm"))
  # Finalizers run when R collects, so uncollected reports pile up between
  # collections while R's collection thresholds settle: the first 10,000
  # cycles raise the RSS by about 15 MB, the next 10,000 by < 0.5 MB (and
  # 30,000 more by < 0.1 MB). Measured over the second 10,000.
  g <- growth(function() {
    r <- gidx_report("Kvinnherad")
    gidx_report_add_text(r, paragraph)
    gidx_report_render(r, "json")
    NULL
  }, warmup = 10000L)
  expect_lt(g, tolerance)
})

test_that("gidx_close() frees a report at once; a closed handle is an R error", {
  skip_if(nzchar(Sys.getenv("GIDX_UNDER_ASAN")),
          "ASan's quarantine holds freed memory: resident size grows without a leak")
  skip_if_not(file.exists("/proc/self/statm"))
  g <- growth(function() {
    r <- gidx_report("Kvinnherad")
    gidx_report_add_text(r, paragraph)
    stopifnot(nchar(gidx_report_render(r)) > 4000L)
    gidx_close(r)
  })
  expect_lt(g, tolerance)
  r <- gidx_report("t")
  expect_s3_class(r, "gidx_report")
  expect_s3_class(r, "gidx_handle")
  expect_true(gidx_is_open(r))
  gidx_close(r)
  expect_false(gidx_is_open(r))
  err <- tryCatch(gidx_report_render(r), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "gidx_report is closed")
  expect_null(gidx_close(r))   # closing twice is harmless
  expect_output(print(r), "closed")
})

test_that("10,000 error conditions leak nothing and carry the C message", {
  skip_if(nzchar(Sys.getenv("GIDX_UNDER_ASAN")),
          "ASan's quarantine holds freed memory: resident size grows without a leak")
  skip_if_not(file.exists("/proc/self/statm"))
  singular <- matrix(1, 64, 64)
  g <- growth(function() {
    e <- tryCatch(gidx_solve(singular, rep(1L, 64)), gidx_esingular = function(e) e)
    stopifnot(e$code == -8L)
  })
  expect_lt(g, tolerance)
  e <- tryCatch(gidx_report(NA_character_), error = function(e) e)
  expect_s3_class(e, "gidx_einval")
  expect_match(conditionMessage(e), "title must be one string")
})

test_that("integer and double inputs give the same result", {
  a <- matrix(c(4L, 1L, 1L, 3L), 2)
  expect_identical(gidx_solve(a, c(1L, 2L)), gidx_solve(a * 1.0, c(1, 2)))
})

# Last, so that the memory it frees cannot hide a leak in the tests above.
# 20,000 reports kept alive (about 90 MB): memory freed by the tests above
# (up to ~25 MB) is reused first, the rest must show.
test_that("the measure detects a leak (reports kept alive)", {
  skip_if_not(file.exists("/proc/self/statm"))
  kept <- vector("list", 20000L)
  i <- 0L
  g <- growth(function() {
    i <<- i + 1L
    r <- gidx_report("x")
    gidx_report_add_text(r, paragraph)
    kept[[i]] <<- r
  }, n = 20000L, warmup = 0L)
  expect_gt(g, 5 * tolerance)
  rm(kept)
  invisible(gc())
})
