# Regression tests of the R findings of issue #17, one per finding fixed.
test_that("gidx_close(ds) really closes the dataset (#17)", {
  ds <- gidx_load_default()
  expect_true(gidx_is_open(ds))
  expect_equal(unname(gidx_get(ds, "4001", 2020, "population")["flag"]), 0)
  gidx_close(ds)
  expect_false(gidx_is_open(ds))
  err <- tryCatch(gidx_get(ds, "4001", 2020, "population"), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "gidx_dataset is closed")
  expect_output(print(ds), "<gidx_dataset handle, closed>")
})

test_that("the generated layer signals gidx_<code> conditions (#17.0)", {
  ds <- gidx_load_default()
  err <- tryCatch(C_gidx_dataset_find_region(ds, "Nowhere"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_s3_class(err, "error")
  expect_match(conditionMessage(err), "Nowhere")
  # several out-parameters come back as a named list; the size query whole
  n <- C_gidx_dataset_nyears(ds)
  s <- C_gidx_dataset_series(n, ds, "4001", "population")
  expect_named(s, c("values", "flags"))
  expect_length(s$values, n)
  expect_true(all(is.nan(s$values[s$flags == 1L])))
  expect_match(C_gidx_catalog_render(C_gidx_catalog_default(), 0), "^Catalogue default:")
  # a matrix goes row-major: the correlation of two columns of an R matrix
  X <- cbind(c(1, 2, 3, 4), c(2, 4, 6, 9))
  expect_equal(C_gidx_correlation_matrix(4, X, 0)[2], cor(X[, 1], X[, 2]), tolerance = 1e-12)
})

test_that("levels are percent and fractions are converted the same way (#17.2)", {
  years <- 2005:2020
  y <- c(10, 10.4, 10.1, 10.9, 11.3, 11, 11.8, 12.1, 12, 12.6, 13.1, 12.9, 13.6, 14, 13.8, 14.5)
  pct <- gidx_forecast(years, y, 4, method = "ets", levels = c(80, 95))
  frac <- gidx_forecast(years, y, 4, method = "ets", levels = c(0.8, 0.95))
  expect_identical(names(frac), names(pct))
  expect_true(all(c("lo80", "hi95") %in% names(frac)))
  expect_identical(as.data.frame(frac), as.data.frame(pct))
  expect_gt(min(pct$hi80 - pct$lo80), 0.1)
  err <- tryCatch(gidx_forecast(years, y, 4, method = "ets", levels = 100), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "percentage")
})

test_that("a misspelt region is a gidx_enotfound condition (#17)", {
  err <- tryCatch(gidx_indicators(region = "Atlantis"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_match(conditionMessage(err), "Atlantis")
  # several regions by code or name
  two <- gidx_indicators(region = c("Skien", "4003"))
  expect_setequal(unique(two$region_name), "Skien")
})

test_that("gidx_indicators takes the package's own dataset (#17)", {
  a <- gidx_indicators(gidx_load_default(), region = "Skien")
  b <- gidx_indicators(region = "Skien")
  expect_identical(a$value, b$value)
  expect_identical(a$reason, b$reason)
})

test_that("unknown arguments and values are errors naming them (#17)", {
  d <- data.frame(u = c("a", "a", "b", "b"), t = c(1, 2, 1, 2), y = c(1, 2, 3, 4))
  err <- tryCatch(gidx_effect(d, "did", "u", "t", "y", treatment_time = 2), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "unknown argument treatment_time")
  err <- tryCatch(gidx_effect(d, "did", "u", "t", "y", se = "clustered"), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "se = \"clustered\": must be one of")
})

test_that("print(model) shows the model, not pointers (#17)", {
  m <- gidx_model_fit_r(2000:2009, c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), method = "drift")
  out <- capture.output(print(m))
  expect_match(out[1], "^<gidx_model .+, fitted to 2009>$")
  expect_false(any(grepl("externalptr|<pointer", out)))
})
