# Findings of #17 in the composite, indicators, data and report modules,
# one test each (the others are in test_issue_findings.R).

test_that("gidx_series takes a region name as well as its code (#17)", {
  ds <- gidx_load_default()
  by_code <- gidx_series(ds, "4003", "ghg_total")
  expect_identical(gidx_series(ds, "Skien", "ghg_total"), by_code)
  expect_identical(gidx_series(ds, "skien", "ghg_total"), by_code)
  # 165081.66 t CO2e in 2009: the Miljødirektoratet figure test_data.R checks
  expect_equal(by_code$value[by_code$year == 2009], 165081.66, tolerance = 1e-9)
  err <- tryCatch(gidx_series(ds, "Atlantis", "ghg_total"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_match(conditionMessage(err), "Atlantis")
})

test_that("gidx_validate works on indicators that went through saveRDS (#17)", {
  ind <- gidx_indicators(region = "Skien")
  want <- gidx_validate(ind)
  f <- tempfile(fileext = ".rds")
  saveRDS(ind, f)
  back <- readRDS(f)
  got <- gidx_validate(back)
  expect_identical(got$text, want$text)
  expect_identical(got$alpha, want$alpha)
  expect_gt(nrow(got$findings), 0)
})

test_that("print(ds) shows the dataset, not a pointer (#17)", {
  ds <- gidx_load_default()
  out <- capture.output(print(ds))
  n <- nrow(gidx_cells(ds))
  expect_match(out, sprintf("^<gidx_dataset: %d regions x %d years \\(\\d{4}-\\d{4}\\) x %d variables, %d cells>$",
                            length(unique(gidx_cells(ds)$region)), length(unique(gidx_cells(ds)$year)),
                            length(unique(gidx_cells(ds)$variable)), n))
  expect_false(any(grepl("pointer|externalptr|0x", out)))
  gidx_close(ds)
  expect_identical(capture.output(print(ds)), "<gidx_dataset handle, closed>")
})

test_that("Date and POSIXct year columns are read as years (#17)", {
  d <- gidx_cells(gidx_load_default())[c("region", "year", "variable", "value")]
  d <- d[d$region == "4003", ]
  want <- gidx_indicators(d)
  dated <- gidx_indicators(transform(d, year = as.Date(sprintf("%d-07-01", year))))
  stamped <- gidx_indicators(transform(d, year = as.POSIXct(sprintf("%d-12-31 23:00", year), tz = "UTC")))
  expect_gt(nrow(want), 0)
  expect_identical(dated$value, want$value)
  expect_identical(stamped$year, want$year)
  err <- tryCatch(gidx_indicators(transform(d, year = year + 0.5)), error = function(e) e)
  expect_s3_class(err, "gidx_edata")
})

test_that("an unknown index option is an error naming it (#17)", {
  X <- matrix(c(1, 2, 3, 3, 1, 2), 3, dimnames = list(c("a", "b", "c"), c("A", "B")))
  coin <- gidx_index_build(X, c("I", "I"), data.frame(code = "I", parent = NA, weight = 1))
  err <- tryCatch(gidx_index_options(coin, agregate = "gmean"), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "unknown argument agregate")
  # hand-worked (test_composite.py): min-max 0/50/100 and 100/0/50, mean 50, 25, 75
  expect_equal(gidx_index_compute(coin)$score, c(75, 50, 25), tolerance = 1e-12)
})
