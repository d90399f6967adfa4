# Effects from R: published results through the bindings, errors as R conditions.
data_dir <- file.path(Sys.getenv("GIDX_TEST_DATA", "tests/data"), "effects")

test_that("Grunfeld within estimator reproduces the published values", {
  d <- read.csv(file.path(data_dir, "grunfeld.csv"))
  r <- gidx_effect(d, "fe", "firm", "year", "inv", covariates = c("value", "capital"),
                   se = "classical")
  co <- r$rows("coef")
  expect_equal(co$label, c("value", "capital"))
  expect_equal(co$estimate, c(0.110124, 0.310065), tolerance = 1e-5, scale = 1)
  expect_equal(co$se, c(0.011857, 0.017355), tolerance = 1e-4, scale = 1)
  expect_equal(unname(r$summary["estimate"]), co$estimate[1])
  expect_match(r$render("json"), "\"coefficients\"")
})

test_that("Callaway-Sant'Anna on mpdta reproduces the published aggregations", {
  d <- read.csv(file.path(data_dir, "mpdta.csv"))
  r <- gidx_effect(d, "csdid", "countyreal", "year", "lemp", group_col = "first.treat",
                   nboot = 99, seed = 1)
  expect_equal(r$value("att_group"), -0.031, tolerance = 0.001, scale = 1)
  expect_equal(r$value("att_dynamic"), -0.0772, tolerance = 0.001, scale = 1)
  expect_equal(r$path(), c(-0.0199, -0.0510, -0.1373, -0.1008), tolerance = 0.0005, scale = 1)
  expect_equal(nrow(r$rows("att_gt")), 12L)
})

test_that("a singular design is an R error naming the column", {
  d <- read.csv(file.path(data_dir, "grunfeld.csv"))
  err <- tryCatch(gidx_effect(d, "fe", "firm", "year", "inv", covariates = c("value", "value")),
                  error = function(e) e)
  expect_s3_class(err, "gidx_esingular")
  expect_match(conditionMessage(err), "\"value\"")
  err <- tryCatch(gidx_effect(d, "synth", "firm", "year", "inv", treated = "99", treat_time = 1945),
                  error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
})

test_that("Card-Krueger table 3 row 4 with CR2: the Welch SE of the mean changes", {
  d <- read.csv(file.path(data_dir, "card.csv"))
  f1 <- d$empft + d$nmgrs + 0.5 * d$emppt
  f2 <- d$empft2 + d$nmgrs2 + 0.5 * d$emppt2
  long <- data.frame(store = rep(seq_len(nrow(d)), 2), wave = rep(0:1, each = nrow(d)),
                     fte = c(f1, f2), nj = rep(d$state, 2))
  ok <- !is.na(f1) & !is.na(f2)
  ch <- (f2 - f1)[ok]
  g <- d$state[ok]
  welch <- sqrt(var(ch[g == 1]) / sum(g == 1) + var(ch[g == 0]) / sum(g == 0))
  r <- gidx_effect(long, "did", "store", "wave", "fte", treat_col = "nj", balanced = TRUE, se = "cr2")
  expect_equal(unname(r$summary["estimate"]), 2.75, tolerance = 1e-9, scale = 1)
  expect_equal(unname(r$summary["se"]), welch, tolerance = 1e-10, scale = 1)
  expect_equal(round(unname(r$summary["se"]), 2), 1.34)
})
