# Drivers of change from R: the LMDI decomposition as a data.frame with
# print, summary and a waterfall plot (docs/decompose.md). The figures are
# those asserted in C by tests/check_drivers.c.

test_that("Skien 2016-2024: effects sum to the change, strong decoupling", {
  x <- gidx_decompose(gidx_load_default(), regions = "Skien")
  expect_s3_class(x, "gidx_decomposition")
  expect_identical(names(x), c("region_code", "region_name", "from", "to", "effect", "sector",
                               "value"))
  tot <- x[x$sector == "total", ]
  total <- tot$value[tot$effect == "total"]
  expect_equal(total, -31897.82, tolerance = 1e-6, scale = 1)
  expect_lt(abs(sum(tot$value[tot$effect != "total"]) - total), 1e-9 * 150016.45)
  expect_identical(attr(x, "periods")$tapio, "strong_decoupling")
  s <- summary(x)
  expect_identical(s$main_driver, "intensity")
  expect_output(print(x), "strong_decoupling")
  f <- tempfile(fileext = ".pdf")
  pdf(f); plot(x); dev.off()
  expect_gt(file.size(f), 0)
})

test_that("multiplicative factors multiply to E1/E0; bad years are errors", {
  ds <- gidx_load_default()
  x <- gidx_decompose(ds, regions = "Telemark", chained = TRUE, form = "multiplicative")
  per <- attr(x, "periods")
  expect_equal(nrow(per), 7L)
  for (i in seq_len(nrow(per))) {
    v <- x$value[x$from == per$from[i] & x$sector == "total" & x$effect != "total"]
    expect_equal(prod(v), per$emissions_to[i] / per$emissions_from[i], tolerance = 1e-9)
  }
  expect_error(gidx_decompose(ds, regions = "Skien", from_year = 2024, to_year = 2016),
               class = "gidx_einval")
  expect_error(gidx_decompose(ds, regions = "Skien", from_year = 2012), class = "gidx_edata")
})
