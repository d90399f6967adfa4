# Datasets from R: the embedded Telemark data, JSON-stat, harmonisation,
# round trip and errors. Reference values: tests/data/data/README.md.
data_dir <- file.path(Sys.getenv("GIDX_TEST_DATA"), "data")

test_that("the embedded Telemark data", {
  ds <- gidx_load_default()
  cells <- gidx_cells(ds)
  # Telemark (17 + county 40) and the population of every other region
  expect_equal(length(unique(cells$region)), 373)
  # SSB 07459 (data/population/): Trondheim 2022, Bergen 2024
  expect_equal(unname(gidx_get(ds, "5001", 2022, "population")["value"]), 210496)
  expect_equal(unname(gidx_get(ds, "4601", 2024, "population")["value"]), 291940)
  skien <- cells[cells$region == "4003" & cells$year == 2023 & cells$variable == "population", ]
  expect_equal(skien$value, 55924)
  expect_equal(skien$name, "Skien")
  # independent Python sum of the raw rows (reference_sums.py)
  expect_equal(unname(gidx_get(ds, "4003", 2009, "ghg_total")["value"]), 165081.66,
               tolerance = 1e-10)
  s <- gidx_series(ds, "4003", "ghg_total")
  expect_false(2010 %in% s$year)
  expect_match(gidx_meta(ds)[["source"]], "07459")
})

test_that("JSON-stat 07459 and harmonisation to 2024", {
  ds <- gidx_load_jsonstat(file.path(data_dir, "ssb_07459_population_by_municipality_2022.json"),
                           variable = "population")
  expect_equal(unname(gidx_get(ds, "5001", 2022, "population")["value"]), 210496)
  h <- gidx_harmonise(ds, drop_unknown = TRUE)
  expect_equal(sum(gidx_cells(h)$value), 5425270)
  expect_equal(gidx_meta(h)[["harmonise.dropped"]], "21-22,23,Rest")
})

test_that("write and read back", {
  ds <- gidx_load_default()
  f <- tempfile(fileext = ".csv")
  gidx_write_csv(ds, f)
  back <- gidx_load_csv(f)
  expect_equal(nrow(gidx_cells(back)), nrow(gidx_cells(ds)))
  unlink(f)
})

test_that("bad input is an R error with the C message", {
  f <- tempfile(fileext = ".csv")
  writeLines(c("region,year,variable,value", "4003,2023,pop,1", "4003,2023,pop,2"), f)
  err <- tryCatch(gidx_load_csv(f), error = function(e) e)
  expect_s3_class(err, "gidx_eduplicate")
  expect_match(conditionMessage(err), "region 4003, year 2023, variable pop")
  unlink(f)
  expect_error(gidx_load_jsonstat(file.path(data_dir, "nonexistent.json")), class = "gidx_eio")
})

test_that("the region registry", {
  e <- gidx_region("skien", year = 2009L, by_name = TRUE)
  expect_equal(e$code, "0806")
  expect_equal(e$successor, "4003")
  expect_equal(e$valid_to, 2019L)
  expect_equal(gidx_region("4020")$name, "Midt-Telemark")
  expect_error(gidx_region("Bø", year = 2019L, by_name = TRUE), class = "gidx_eduplicate")
})
