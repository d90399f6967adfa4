# Ripple effects from R: Miller & Blair (2009) ch. 2, invariants, FLQ by
# hand, errors as gidx_error conditions.
Z <- matrix(c(150, 500, 200, 100), 2, byrow = TRUE)
x <- c(Agriculture = 1000, Manufacturing = 2000)
data_dir <- file.path(Sys.getenv("GIDX_TEST_DATA"), "ripple")

test_that("Miller & Blair ch. 2", {
  m <- gidx_io_model(Z, x)
  expect_equal(unname(gidx_io_coefficients(m)), matrix(c(.15, .25, .2, .05), 2, byrow = TRUE),
               tolerance = 1e-14)
  # published to 6 decimals
  expect_equal(unname(gidx_io_leontief(m)),
               matrix(c(1.254125, 0.330033, 0.264026, 1.122112), 2, byrow = TRUE),
               tolerance = 1e-6)
  mu <- gidx_io_multipliers(m)
  expect_equal(names(mu), c("Agriculture", "Manufacturing"))
  expect_equal(unname(mu), c(1.518152, 1.452145), tolerance = 1e-6)
  r <- gidx_io_shock(m, c(600, 1500))
  df <- as.data.frame(r)
  out <- df[df$quantity == "output", ]
  expect_equal(out$total, c(1247.5, 1841.6), tolerance = 1e-4)
  expect_equal(out$direct, c(600, 1500))
})

test_that("invariants: vL = 1 and type II >= type I", {
  set.seed(3)
  A <- matrix(runif(100), 10); A <- sweep(A, 2, colSums(A) / 0.7, "/")
  m <- gidx_io_model(A %*% diag(rep(100, 10)), rep(100, 10))
  gidx_io_set_satellite(m, "value_added", 1 - colSums(A), per_unit = TRUE)
  expect_equal(unname(gidx_io_multipliers(m, "value_added")), rep(1, 10), tolerance = 1e-12)
  expect_equal(unname(gidx_io_leontief(m)), solve(diag(10) - A), tolerance = 1e-12)
  f <- gidx_io_load(file.path(data_dir, "mb"))
  for (q in c("output", "employment", "value_added", "emissions"))
    expect_true(all(gidx_io_multipliers(f, q, 2) >= gidx_io_multipliers(f, q, 1)))
  # tests/data/ripple/reference.py
  expect_equal(unname(gidx_io_multipliers(f, "output", 2)),
               c(1.869756292449061, 1.7538953256092689), tolerance = 1e-12)
})

test_that("shock path, text and named shocks", {
  f <- gidx_io_load(file.path(data_dir, "mb"))
  r <- gidx_io_shock(f, rbind(c(100, 0), c(0, 100), c(50, 50)), type = 2, first_year = 2026L)
  p <- gidx_io_path(r, "emissions", "total")
  expect_length(p, 3)
  expect_equal(p[3], (p[1] + p[2]) / 2, tolerance = 1e-12)
  j <- gidx_io_text(gidx_io_shock(f, c(Manufacturing = 100), type = 2), "json")
  expect_match(j, '"induced"')
  expect_match(j, '"multipliers"')
})

test_that("FLQ on a hand-worked case", {
  lam <- 0.4510784  # log2(1.05)^0.3 by hand
  cilq <- matrix(c(2, 4, 2, .25, .5, .5, .5, 2, 1), 3, byrow = TRUE)
  expect_equal(gidx_io_location_quotients(c(100, 50, 50), c(1000, 2000, 1000), "flq", 0.3),
               cilq * lam, tolerance = 1e-6)
  m <- gidx_io_model(Z, x)
  reg <- gidx_io_regionalise(m, c(12, 3), c(100, 150), "slq", industry = c(1L, 2L))
  expect_equal(unname(gidx_io_coefficients(reg))[2, 1], 0.2 / 3, tolerance = 1e-14)
})

test_that("errors are gidx_error conditions with the C message", {
  err <- tryCatch(gidx_io_leontief(gidx_io_model(matrix(c(1, 1, 1, 1), 2), c(2, 2))),
                  error = function(e) e)
  expect_s3_class(err, "gidx_error")
  err <- tryCatch(gidx_io_model(Z, c(1000, -2000)), error = function(e) e)
  expect_s3_class(err, "gidx_edata")
  expect_match(conditionMessage(err), "negative")
  err <- tryCatch(gidx_io_load(file.path(data_dir, "bad_square")), error = function(e) e)
  expect_s3_class(err, "gidx_eparse")
  err <- tryCatch(gidx_io_shock(gidx_io_model(Z, x), c(1, 2), type = 2), error = function(e) e)
  expect_s3_class(err, "gidx_estate")
})

test_that("regionalisation for a region of the embedded data (--region)", {
  # Skien's 2023 employment by SN2007 group (SSB 13470, embedded Telemark
  # data) against the employment satellite of the synthetic table sn2007/;
  # the reference is computed here in base R from the raw files, as
  # tests/data/ripple/region_reference.py does with numpy.
  raw <- read.csv(file.path(Sys.getenv("GIDX_TEST_DATA"), "..", "..", "data", "telemark",
                            "employment_by_industry.csv"), check.names = FALSE, encoding = "UTF-8")
  groups <- c("Industri", "Bygge- og anleggsvirksomhet", "Varehandel, reparasjon av motorvogner",
              "Helse- og sosialtjenester")
  sk <- raw[raw$region == "Skien" & raw[["år"]] == 2023, ]
  re <- sk$value[match(groups, sk[["næring (SN2007)"]])]
  d <- file.path(data_dir, "sn2007")
  Z <- as.matrix(read.csv(file.path(d, "Z.csv"), row.names = 1, check.names = FALSE))
  x <- read.csv(file.path(d, "x.csv"))$output
  ne <- read.csv(file.path(d, "satellites.csv"))$employment
  A <- sweep(Z, 2, x, "/")
  slq <- (re / sum(re)) / (ne / sum(ne))
  lam <- log2(1 + sum(re) / sum(ne))^0.3
  flq <- outer(slq, slq, "/") * lam
  diag(flq) <- slq * lam
  Ar <- A * pmin(flq, 1)

  ds <- gidx_load_default()
  e <- gidx_io_region_employment(ds, "Skien", 2023L)
  expect_equal(attr(e, "year"), 2023L)
  expect_equal(unname(e[groups]), re)
  nat <- gidx_io_load(d)
  r <- gidx_io_regionalise_region(nat, ds, "Skien", 2023L)
  expect_equal(r$year, 2023L)
  expect_equal(unname(gidx_io_coefficients(r$model)), unname(Ar), tolerance = 1e-13)
  expect_equal(unname(gidx_io_multipliers(r$model)), unname(colSums(solve(diag(4) - Ar))), tolerance = 1e-12)
  expect_equal(gidx_io_regionalise_region(nat, ds, "4003")$year, 2025L)
  # Telemark (county 40, the sum of its municipalities) as the national side
  ne40 <- vapply(groups, function(g) sum(raw$value[raw[["år"]] == 2023 & raw[["næring (SN2007)"]] == g]), 0)
  slq40 <- (re / sum(re)) / (ne40 / sum(ne40))
  flq40 <- outer(slq40, slq40, "/") * log2(1 + sum(re) / sum(ne40))^0.3
  diag(flq40) <- slq40 * log2(1 + sum(re) / sum(ne40))^0.3
  r40 <- gidx_io_regionalise_region(nat, ds, "Skien", 2023L, national_region = "40")
  expect_equal(unname(gidx_io_coefficients(r40$model)), unname(A * pmin(flq40, 1)), tolerance = 1e-13)
  err <- tryCatch(gidx_io_regionalise_region(nat, ds, "Oslo"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_match(conditionMessage(err), "Oslo")
})

# SSB's input-output table for Norway (docs/ripple.md), through the bindings
# generated from ripple.h.
test_that("gidx_io_norway gives SSB's table and Skien's ripple effects", {
  nat <- gidx_io_norway(2021L)
  expect_length(gidx_io_sectors(nat), 62L)
  expect_match(gidx_io_note(nat), "13470")
  m2 <- gidx_io_multipliers(nat, "output", type = 2L)
  # numpy (tests/data/ripple/norway_reference.py)
  expect_equal(unname(m2[gidx_io_sectors(nat) == "RF"]), 2.4476490059121763, tolerance = 1e-9)
  skien <- gidx_io_regionalise_region(nat, gidx_load_default(), "Skien")$model
  r <- gidx_io_shock(skien, c(RF = 100), type = 2L)
  expect_equal(gidx_io_path(r, "output", "total"), 119.619, tolerance = 5e-4 / 119.619)
})
