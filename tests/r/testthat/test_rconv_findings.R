# Issue 17 on the R side (rconv): the help of every S3 method, and a silent
# wrong result found while rewriting docs/examples/tour.R.

test_that("indicators of the regions asked for are those regions' values (#17, tour.R)", {
  # gidx_b_panel_cells (bindings/indicators.i) declared a local `n` that
  # shadowed the number of region codes asked for: every present value was
  # read for the dataset's first region (Porsgrunn), under the code asked
  # for. Skien's 2023 emissions came out as Porsgrunn's 1,969,851 t.
  ds <- gidx_load_default()
  all <- gidx_indicators(ds)
  key <- function(d) paste(d$region_code, d$year, d$indicator)
  for (r in list("Skien", "4005", c("4036", "4003"))) {
    some <- gidx_indicators(ds, region = r)
    want <- all[match(key(some), key(all)), ]
    expect_identical(some$value, want$value, info = paste(r, collapse = ","))
    expect_identical(some$reason, want$reason, info = paste(r, collapse = ","))
  }
  skien <- gidx_indicators(ds, region = "Skien")
  got <- skien$value[skien$year == 2023 & skien$indicator == "ghg_total"]
  # 116,312.45 t CO2e: Miljødirektoratet's figure for Skien in 2023 as the
  # embedded data hold it (gidx_get reads the cell directly)
  expect_equal(got, gidx_get(ds, "4003", 2023, "ghg_total")[["value"]], tolerance = 0)
  expect_equal(got, 116312.45, tolerance = 1e-7)
  # a data.frame of cells selects the same way
  cells <- as.data.frame(ds)
  from_cells <- gidx_indicators(cells[cells$region %in% c("40", "4001", "4003"), ], region = "Skien")
  expect_identical(from_cells$value, skien$value)
})

test_that("every S3 method of the R layer has help with its \\method usage (#17)", {
  src <- Sys.getenv("GIDX_SOURCE_ROOT")
  skip_if(!nzchar(src), "GIDX_SOURCE_ROOT is not set")
  pkg <- file.path(tempfile("rdgen"), "pkg")
  dir.create(pkg, recursive = TRUE)
  for (d in c("R", "man")) file.copy(file.path(src, "bindings", "r", d), pkg, recursive = TRUE)
  file.copy(file.path(src, "bindings", "r", "NAMESPACE"), pkg)
  out <- system2(file.path(R.home("bin"), "Rscript"),
                 c(shQuote(file.path(src, "bindings", "r", "tools", "rdgen.R")), shQuote(pkg)),
                 stdout = TRUE, stderr = TRUE)
  expect_null(attr(out, "status"))
  ns <- readLines(file.path(pkg, "NAMESPACE"))
  m <- regmatches(ns, regexec("^S3method\\((?:\\w+::)?([^,]+), ([^)]+)\\)$", ns, perl = TRUE))
  m <- do.call(rbind, Filter(function(x) length(x) == 3L, m))
  expect_gt(nrow(m), 90L)  # 94 methods when this test was written
  rd <- unlist(lapply(list.files(file.path(pkg, "man"), full.names = TRUE), readLines, warn = FALSE))
  for (i in seq_len(nrow(m))) {
    gen <- m[i, 2L]; cls <- m[i, 3L]
    expect_true(sprintf("\\alias{%s.%s}", gen, cls) %in% rd, info = paste0(gen, ".", cls))
    expect_true(any(startsWith(rd, sprintf("\\method{%s}{%s}(", gen, cls))), info = paste0(gen, ".", cls))
  }
  # the classes the issue names each have a page listing their methods
  for (cls in c("gidx_model", "gidx_forecast", "gidx_target", "gidx_effect", "gidx_index",
                "gidx_validation", "gidx_dataset", "gidx_io_model", "gidx_io_result",
                "gidx_decomposition", "gidx_fetch_result", "gidx_registry"))
    expect_true(file.exists(file.path(pkg, "man", sprintf("rdgen-class-%s.Rd", cls))), info = cls)
  page <- readLines(file.path(pkg, "man", "rdgen-class-gidx_model.Rd"))
  expect_true("\\method{predict}{gidx_model}(object, h = 10, levels = c(80, 95), ...)" %in% page)
  expect_true(any(grepl("^\\\\item\\{levels\\}\\{interval levels in percent", page)))
})

test_that("a target evaluation prints without e-notation (#17, item 5's rule in R)", {
  # a series of millions: 3,000,000 falling by 100,000 a year from 2010
  yrs <- 2010:2024
  m <- gidx_model_fit_r(yrs, 3e6 - 1e5 * (yrs - 2010), method = "drift", calibrate = FALSE)
  g <- gidx_target(m, 2030, 55, base_year = 2010)
  # the target is 45 % of the 2010 level: 1,350,000 exactly
  expect_equal(g$target, 1350000, tolerance = 1e-12)
  out <- format(g)
  expect_match(out, "target 1,350,000,", fixed = TRUE)
  expect_false(grepl("[0-9]e[-+]?[0-9]", out))
})

test_that("a county is a code or a name for gidx_county_regions (#17: names accepted for regions)", {
  by_code <- gidx_county_regions("40")
  # Telemark's 17 municipalities at 2024 boundaries (4001 Porsgrunn ... 4036 Vinje)
  expect_length(by_code, 17L)
  expect_true(all(c("4001", "4003", "4036") %in% by_code))
  expect_identical(gidx_county_regions("Telemark"), by_code)
  expect_identical(gidx_county_regions("telemark"), by_code)
  # a county name of another time: Vestfold og Telemark (38), 2020-2023
  expect_identical(gidx_county_regions("Vestfold og Telemark", year = 2022),
                   gidx_county_regions("38", year = 2022))
  # a municipality's name is not a county's: gidx_enotfound naming it
  err <- tryCatch(gidx_county_regions("Skien"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_match(conditionMessage(err), "Skien")
})
