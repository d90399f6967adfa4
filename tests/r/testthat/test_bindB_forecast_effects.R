# Issue #17 for the forecast and effects bindings (worktree bindB): the one
# convention for levels and cuts, errors naming their cause, and R's S3
# conventions. Expected values are hand-worked: drift on y = 1, 2, 4, 7, 11
# has slope 2.5 and residual variance 5/3 (see test_forecast.R); the 2x2 DiD
# of the small panel is (3 + 4)/2 - (1 + 0.5)/2 = 2.75.
yrs <- 2010:2014
y <- c(1, 2, 4, 7, 11)
small <- data.frame(unit = rep(c("a", "b", "c", "e"), each = 2), time = rep(1:2, 4),
                    y = c(1, 4, 2, 6, 1, 2, 3, 3.5), d = rep(c(1, 0), each = 4))

test_that("fraction levels are converted and name columns in percent", {
  f <- gidx_forecast(yrs, y, h = 6, levels = c(0.8, 0.95), method = "drift", calibrate = FALSE)
  expect_identical(names(f), c("year", "mean", "lo80", "hi80", "lo95", "hi95"))
  expect_equal(f$lo80[1], 13.5 - qnorm(0.9) * sqrt(5 / 3 + 5 / 12), tolerance = 1e-9)
  expect_gt(min(f$hi80 - f$lo80), 1)
  for (bad in list(0, 100, -80, 150, NaN)) {
    err <- tryCatch(gidx_forecast(yrs, y, 2, levels = bad), error = function(e) e)
    expect_s3_class(err, "gidx_einval")
    expect_match(conditionMessage(err), "level")
  }
})

test_that("a target cut of 55 is 55 %, like 0.55", {
  m <- gidx_model_fit_r(yrs, y, method = "drift", calibrate = FALSE)
  a <- gidx_target(m, 2030, 55, base_year = 2010)
  b <- gidx_target(m, 2030, 0.55, base_year = 2010)
  expect_equal(a$target, 0.45, tolerance = 1e-12)
  expect_identical(unclass(a), unclass(b))
  expect_s3_class(a, "gidx_target")
  expect_match(format(a), "^<gidx_target 2030: target 0.45")
  expect_equal(as.data.frame(a)$prob, a$prob)
  err <- tryCatch(gidx_target(m, 2030, 100, base_year = 2010), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "cut 100")
})

test_that("gidx_effect accepts level = 90 and 0.9 alike", {
  r90 <- gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", treat_time = 2,
                     se = "classical", level = 90)
  r09 <- gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", treat_time = 2,
                     se = "classical", level = 0.9)
  r95 <- gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", treat_time = 2,
                     se = "classical")
  expect_equal(coef(r90), c(estimate = 2.75), tolerance = 1e-12)
  expect_identical(r90$summary, r09$summary)
  expect_gt(diff(confint(r95)[1, ]), diff(confint(r90)[1, ]))
  expect_equal(unname(confint(r90)[1, ]), unname(r90$summary[c("ci_low", "ci_high")]))
  expect_equal(vcov(r90)[1, 1], r90$summary[["se"]]^2)
  err <- tryCatch(gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", level = 100),
                  error = function(e) e)
  expect_s3_class(err, "gidx_einval")
})

test_that("errors name their cause", {
  err <- tryCatch(gidx_forecast(yrs, y, h = 0), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "h = 0")
  err <- tryCatch(gidx_effect(small, "did", "unit", "time", "y", se = "clustered"), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "\"classical\", \"robust\", \"cluster\", \"cr2\"")
  err <- tryCatch(gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", treatment_time = 2),
                  error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "treatment_time")
  err <- tryCatch(gidx_model_fit_r(yrs, y, methd = "drift"), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "methd")
  # the generated options typemap names an unknown field
  err <- tryCatch(C_gidx_model_new(list(methd = 2)), error = function(e) e)
  expect_match(conditionMessage(err), "gidx_model_options: unknown field 'methd'")
})

test_that("a ts of frequency 1 is a yearly series; other frequencies are refused", {
  a <- gidx_forecast(ts(y, start = 2010), h = 2, method = "drift", calibrate = FALSE)
  b <- gidx_forecast(yrs, y, h = 2, method = "drift", calibrate = FALSE)
  expect_identical(as.data.frame(a), as.data.frame(b))
  err <- tryCatch(gidx_forecast(ts(1:12, frequency = 4), h = 2), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "frequency 4")
})

test_that("model and forecast methods return the library's numbers", {
  m <- gidx_model_fit_r(yrs, y, method = "drift", calibrate = FALSE)
  expect_equal(coef(m)[["drift"]], 2.5, tolerance = 1e-12)
  expect_equal(coef(m)[["sigma2"]], 5 / 3, tolerance = 1e-12)
  r <- residuals(m)
  expect_true(stats::is.ts(r))
  expect_equal(as.numeric(r)[-1], c(1, 2, 3, 4) - 2.5, tolerance = 1e-12)
  expect_equal(as.numeric(fitted(m))[-1], y[-1] - as.numeric(r)[-1], tolerance = 1e-12)
  # in-sample MASE: mean |residual| 1 over the mean |difference| 2.5
  expect_equal(accuracy(m)[["mase"]], 0.4, tolerance = 1e-12)
  f <- predict(m, h = 2, levels = 80)
  expect_s3_class(f, "gidx_forecast")
  a <- accuracy(f, c(13.5, 16))
  expect_equal(a[["smape"]], 0)
  expect_equal(a[["coverage"]], 1)
  ci <- confint(f, level = 0.8)
  expect_equal(unname(ci[1, ]), c(f$lo80[1], f$hi80[1]))
  expect_equal(coef(f), coef(m))
  err <- tryCatch(vcov(m), error = function(e) e)
  expect_s3_class(err, "gidx_eunsupported")
  err <- tryCatch(confint(m), error = function(e) e)
  expect_s3_class(err, "gidx_eunsupported")
  expect_match(format(m), "^<gidx_model Random walk with drift, 5 observations from 2010, fitted to 2014>$")
  s <- summary(m)
  expect_s3_class(s, "summary.gidx_model")
  expect_output(print(s), "Parameters")
  expect_output(print(f), "<gidx_forecast Random walk with drift, 2015-2016, levels 80 %>")
  expect_identical(class(as.data.frame(f)), "data.frame")
  pdf(NULL)
  expect_invisible(plot(f))
  expect_invisible(plot(m))
  dev.off()
  # a model is accepted where its data are meant: refit on the same series
  expect_identical(gidx_model_fit_r(m, method = "drift", calibrate = FALSE)$y, m$y)
})

test_that("effect methods return the library's numbers", {
  d <- read.csv(file.path(Sys.getenv("GIDX_TEST_DATA", "tests/data"), "effects", "mpdta.csv"))
  r <- gidx_effect(d, "csdid", "countyreal", "year", "lemp", group_col = "first.treat",
                   nboot = 99, seed = 1)
  expect_equal(predict(r), r$path())
  expect_equal(length(predict(r)), 4L)
  s <- summary(r)
  expect_s3_class(s, "summary.gidx_effect")
  expect_match(format(r), "^<gidx_effect csdid on lemp: ")
  expect_equal(as.data.frame(r, kind = "att_gt"), r$rows("att_gt"))
  expect_s3_class(tryCatch(fitted(r), error = function(e) e), "gidx_eunsupported")
  pdf(NULL)
  expect_invisible(plot(r))
  dev.off()
  # the result's own data re-estimate with other options
  r2 <- gidx_effect(r, "csdid", "countyreal", "year", "lemp", group_col = "first.treat",
                    nboot = 99, seed = 1, control = "notyet")
  expect_s3_class(r2, "gidx_effect")
})

test_that("forecast_many reads the package's own frames by default, dates as years", {
  fr <- data.frame(region = rep(c("4001", "4003"), each = 5), variable = "x",
                   year = as.Date(sprintf("%d-01-01", rep(yrs, 2))), value = c(y, rev(y)))
  r <- gidx_forecast_many(fr, 2, method = "drift", calibrate = FALSE, levels = 0.8)
  expect_length(r$errors, 0)
  expect_identical(names(r$forecasts)[1:4], c("region", "variable", "year", "model"))
  expect_equal(r$forecasts$year[1:2], 2015:2016)
  expect_equal(r$forecasts$mean[1], 13.5, tolerance = 1e-12)
  expect_true("lo80" %in% names(r$forecasts))
})

test_that("autoplot methods return ggplot objects", {
  # In a separate R process: loading ggplot2 here would enlarge this
  # process's heap, which test_bindings_lifecycle.R measures for leaks.
  skip_if_not(nzchar(system.file(package = "ggplot2")), "ggplot2 is not installed")
  script <- tempfile(fileext = ".R")
  writeLines(c(
    sprintf('source("%s")', file.path(Sys.getenv("GIDX_SOURCE_ROOT"), "tests", "r", "load_build.R")),
    sprintf('gidx_load_build("%s")', Sys.getenv("GIDX_R_BUILDDIR")),
    'm <- gidx_model_fit_r(2010:2014, c(1, 2, 4, 7, 11), method = "drift", calibrate = FALSE)',
    'd <- data.frame(unit = rep(c("a", "b", "c", "e"), each = 2), time = rep(1:2, 4),',
    '                y = c(1, 4, 2, 6, 1, 2, 3, 3.5), d = rep(c(1, 0), each = 4))',
    'r <- gidx_effect(d, "did", "unit", "time", "y", treat_col = "d", treat_time = 2)',
    'cat(class(autoplot.gidx_forecast(predict(m, 3)))[2], class(autoplot.gidx_model(m))[2],',
    '    class(autoplot.gidx_effect(r))[2], "\\n")'), script)
  out <- system2(file.path(R.home("bin"), "Rscript"), script, stdout = TRUE, stderr = TRUE)
  expect_identical(trimws(tail(out, 1)), "ggplot ggplot ggplot")
})

test_that("an effect estimate is accepted as a forecast scenario's effect", {
  m <- gidx_model_fit_r(yrs, y, method = "drift", calibrate = FALSE)
  r <- gidx_effect(small, "did", "unit", "time", "y", treat_col = "d", treat_time = 2)
  s <- gidx_scenario(m, r, levels = 0.8, h = 2)
  # baseline drift 13.5, 16 plus the constant DiD effect 2.75
  expect_equal(s$baseline, c(13.5, 16), tolerance = 1e-12)
  expect_equal(s$scenario, c(16.25, 18.75), tolerance = 1e-12)
  f <- predict(m, 2, levels = 80)
  expect_equal(s$lo80, f$lo80 + 2.75, tolerance = 1e-12)
  expect_equal(gidx_target(f, 2030, 55, base_year = 2010)$target, 0.45, tolerance = 1e-12)
  err <- tryCatch(gidx_scenario(m, r), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
})
