# Indicators from R: the built-in catalogue, a panel on the Telemark subset
# against the independent computation, reasons, validation, errors.
data_dir <- file.path(Sys.getenv("GIDX_TEST_DATA"), "indicators")

test_that("the built-in catalogue is data/catalog/default.json", {
  cat <- gidx_catalog()
  file <- file.path(Sys.getenv("GIDX_SOURCE_ROOT"), "data", "catalog", "default.json")
  expect_identical(gidx_catalog_text(cat, "json"),
                   paste0(paste(readLines(file, encoding = "UTF-8"), collapse = "\n"), "\n"))
  f <- gidx_catalog_frame(cat)
  expect_gte(nrow(f), 25)
  expect_true(all(c("environment", "economy", "innovation", "energy", "social") %in% f$pillar))
})

test_that("indicators agree with the independent computation", {
  d <- read.csv(file.path(data_dir, "telemark_subset_long.csv"), colClasses = c(region = "character"))
  ind <- gidx_indicators(d)
  want <- read.csv(file.path(data_dir, "expected_telemark.csv"), colClasses = c(region_code = "character"))
  m <- merge(want, ind, by = c("region_code", "year", "indicator"), suffixes = c("_want", ""))
  expect_equal(nrow(m), nrow(want))
  # same sums in another order, through 17-digit CSV: relative 1e-12
  expect_equal(m$value, m$value_want, tolerance = 1e-12)
  emb <- gidx_indicators()                       # the embedded Telemark data
  m2 <- merge(want, emb, by = c("region_code", "year", "indicator"), suffixes = c("_want", ""))
  expect_equal(nrow(m2), nrow(want))
  expect_equal(m2$value, m2$value_want, tolerance = 1e-12)
  expect_identical(m2$region_name, m2$region_name_want)
  s <- gidx_indicators(d, region = "Skien")
  expect_true(all(s$region_code == "4003"))
  expect_true(all(s$region_name == "Skien"))
  r <- s$reason[s$year == 2023 & s$indicator == "ghg_per_gdp"]
  expect_identical(r, "variable gdp not in dataset")
})

test_that("validation: Cronbach's alpha as numpy computes it", {
  a <- c(1, 2, 3, 4, 5, 6, 7, 8); b <- c(2, 1, 4, 3, 6, 5, 8, 9); cc <- c(8, 6, 7, 5, 3, 4, 1, 2)
  d <- data.frame(region = rep(sprintf("99%02d", 1:8), 3), year = 2020L,
                  variable = rep(c("A", "B", "C"), each = 8), value = c(a, b, cc))
  json <- tempfile(fileext = ".json")
  writeLines('{"variables": [{"name": "A"}, {"name": "B"}, {"name": "C"}], "indicators": [
    {"id": "a", "formula": "A", "pillar": "p", "direction": "higher_better"},
    {"id": "b", "formula": "B", "pillar": "p", "direction": "higher_better"},
    {"id": "c", "formula": "C", "pillar": "p", "direction": "lower_better"}]}', json)
  v <- gidx_validate(gidx_indicators(d, gidx_catalog(json)))
  expect_equal(unname(v$alpha["p"]), 0.96551724137931028, tolerance = 1e-12)
  expect_equal(unname(v$alpha_standardized["p"]), 0.96815347317626854, tolerance = 1e-12)
  expect_equal(sum(v$findings$check == "redundant"), 2L)
  expect_match(v$text, "Cronbach")
})

test_that("a bad catalogue is an R error with the C message", {
  json <- tempfile(fileext = ".json")
  writeLines('{"indicators": [{"id": "a", "formula": "x +"}]}', json)
  err <- tryCatch(gidx_catalog(json), error = function(e) e)
  expect_s3_class(err, "gidx_eparse")
  expect_match(conditionMessage(err), "column 4")
  err <- tryCatch(gidx_catalog("/nonexistent.json"), error = function(e) e)
  expect_s3_class(err, "gidx_eio")
})

test_that("data frames reach the library as columns: NA, duplicates, empty regions", {
  json <- tempfile(fileext = ".json")
  writeLines('{"variables": [{"name": "A"}, {"name": "B"}], "indicators": [
    {"id": "r", "formula": "A / B"}]}', json)
  cat <- gidx_catalog(json)
  d <- data.frame(region = "4003", year = c(2020L, 2020L, 2021L, 2021L),
                  variable = c("A", "B", "A", "B"), value = c(6, 3, NA, 2))
  f <- gidx_indicators(d, cat)
  expect_equal(f$region_name, c("Skien", "Skien"))
  expect_equal(f$value[1], 2)
  expect_true(is.na(f$value[2]))
  expect_match(f$reason[2], "A missing for 4003 2021")
  err <- tryCatch(gidx_indicators(rbind(d, d[2, ]), cat), error = function(e) e)
  expect_s3_class(err, "gidx_eduplicate")
  expect_match(conditionMessage(err), "row 5.*row 2")
  d$region[3] <- ""
  err <- tryCatch(gidx_indicators(d, cat), error = function(e) e)
  expect_s3_class(err, "gidx_edata")
})

test_that("a single formula evaluates on a dataset with reasons", {
  f <- gidx_formula("ghg_total / population")
  expect_equal(f$variables, c("ghg_total", "population"))
  g <- gidx_formula_eval(f, gidx_load_default())
  # tests/data/indicators/expected_telemark.csv (independent computation from the raw files)
  expect_equal(g$value[g$region == "4003" & g$year == 2023], 2.0798306630427015, tolerance = 1e-13)
  miss <- g[g$region == "4003" & g$year == 2026, ]
  expect_true(is.na(miss$value))
  expect_match(miss$reason, "ghg_total missing for 4003 2026")
  expect_true(is.na(g$reason[g$region == "4003" & g$year == 2023]))
  err <- tryCatch(gidx_formula("(x"), error = function(e) e)
  expect_s3_class(err, "gidx_eparse")
  expect_match(conditionMessage(err), "column 3")
})
