# Core of the R bindings: version, R conditions carrying the C message, a
# forced GSL failure that signals an error instead of killing R.
test_that("version", {
  v <- gidx_version()
  expect_match(v, "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  p <- as.integer(strsplit(v, ".", fixed = TRUE)[[1]])
  expect_equal(gidx_version_number(), p[1] * 10000 + p[2] * 100 + p[3])
})

test_that("solve agrees with a hand-worked case", {
  # [[2,1],[1,3]] x = [3,5]  ->  x = [0.8, 1.4]
  x <- gidx_solve(matrix(c(2, 1, 1, 3), 2, byrow = TRUE), c(3L, 5L))
  expect_equal(x, c(0.8, 1.4), tolerance = 1e-14)
})

test_that("a singular matrix is an R error with the C message", {
  err <- tryCatch(gidx_solve(matrix(c(1, 2, 2, 4), 2), c(1, 2)),
                  error = function(e) e)
  expect_s3_class(err, "gidx_esingular")
  expect_s3_class(err, "gidx_error")
  expect_equal(err$code, -8L)
  expect_match(conditionMessage(err), "matrix is singular")
  # R lives on and the library still works
  expect_equal(gidx_solve(matrix(4, 1, 1), 2), 0.5)
})

test_that("non-finite input is a data error naming the cell", {
  err <- tryCatch(gidx_solve(matrix(NA_real_, 1, 1), 1), error = function(e) e)
  expect_s3_class(err, "gidx_edata")
  expect_match(conditionMessage(err), "A\\[0\\]\\[0\\]")
})
