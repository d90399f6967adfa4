# The R helpers of #15's calls in the data and report modules:
# Miljødirektoratet's workbook, the report's language and its xlsx output.
data_dir <- Sys.getenv("GIDX_TEST_DATA", "tests/data")

test_that("gidx_load_mdir matches the openpyxl reference sums", {
  # tests/data/mdir/reference_sums.out: per-year totals summed with openpyxl
  # and math.fsum (no libgreenidx code), printed to 0.1 t: tolerance 0.05 t
  want <- utils::read.csv(file.path(data_dir, "mdir", "reference_sums.out"), header = FALSE,
                          col.names = c("year", "total"))
  ds <- gidx_load_mdir(file.path(data_dir, "mdir", "mdir_download_vestfold_og_telemark_2021_release.xlsx"))
  s <- gidx_series(ds, "38", "ghg_total")
  expect_equal(s$year, want$year)
  expect_equal(s$value, want$total, tolerance = 0.05, scale = 1)
  expect_equal(unname(gidx_meta(ds)["mdir.release"]), "2021")
  expect_error(gidx_load_mdir(file.path(data_dir, "mdir", "no_such.xlsx")), class = "gidx_eio")
})

test_that("gidx_roadmap writes bokmål and an xlsx workbook", {
  n <- C_gidx_lang_nstrings()
  en <- vapply(seq_len(n) - 1, function(i) C_gidx_lang_string(i, "en"), "")
  heading <- C_gidx_lang_string(which(en == "Summary")[1L] - 1, "nb")
  expect_false(heading == "Summary")
  f <- tempfile(fileext = ".xlsx")
  nb <- gidx_roadmap(regions = "Skien", mc = 20L, lang = "nb", xlsx = f)
  txt <- gidx_roadmap(regions = "Skien", mc = 20L)
  expect_true(heading %in% strsplit(nb, "\n")[[1]])
  expect_false(heading %in% strsplit(txt, "\n")[[1]])
  sheets <- attr(nb, "sheets")
  expect_identical(sheets[1], "contents")
  expect_gt(length(sheets), 3)
  expect_identical(readBin(f, "raw", 2L), charToRaw("PK"))  # a zip package
  expect_error(gidx_roadmap(regions = "Skien", lang = "de"), "should be one of")
})
