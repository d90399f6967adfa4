# Forecasting from R: hand-worked drift intervals, gaps, targets,
# reconciliation coherence, R conditions with the C message.
test_that("drift forecasts and intervals agree with the hand-worked case", {
  # y = 1, 2, 4, 7, 11: b = 2.5, sigma^2 = 5/3, var(b) = 5/12
  f <- gidx_forecast(2010:2014, c(1, 2, 4, 7, 11), 3, method = "drift", levels = 80,
                     calibrate = FALSE)
  h <- 1:3
  expect_equal(f$year, 2015:2017)
  expect_equal(f$mean, 11 + 2.5 * h, tolerance = 1e-12)
  expect_equal(f$lo80, 11 + 2.5 * h - qnorm(0.9) * sqrt(h * 5 / 3 + h^2 * 5 / 12),
               tolerance = 1e-9)
})

test_that("auto on uneven years, with a target", {
  yrs <- c(2009L, 2011L, 2013L, 2014:2022)
  y <- c(510, 495, 480, 470, 466, 451, 440, 431, 425, 400, 398, 390)
  m <- gidx_model_fit_r(yrs, y)
  expect_match(m$name, "^Combination\\(")
  expect_equal(nrow(m$criteria), 4)  # ETS, ARIMA, Theta and the random walk
  f <- gidx_model_forecast_r(m, 8)
  expect_equal(tail(f$year, 1), 2030)
  expect_true(all(f$lo95 < f$lo80 & f$hi80 < f$hi95))
  t <- gidx_target(m, 2030, 0.5, base_year = 2009)
  expect_equal(t$target, 255)
  expect_equal(t$rate_needed, (255 / 390)^(1 / 8) - 1, tolerance = 1e-12)
})

test_that("reconciled children sum to the parent", {
  base <- rbind(c(100, 110), c(30, 35), c(40, 40), c(20, 25))
  for (m in c("bu", "ols", "wls")) {
    r <- gidx_reconcile(base, m)
    expect_equal(r[1, ], colSums(r[-1, ]), tolerance = 1e-9)
  }
  expect_equal(gidx_reconcile(base, "ols")[2, 1], 32.5, tolerance = 1e-12)
})

test_that("a too-short series is an R condition with the C message", {
  err <- tryCatch(gidx_model_fit_r(2020:2021, c(1, 2)), error = function(e) e)
  expect_s3_class(err, "gidx_etooshort")
  expect_match(conditionMessage(err), "2 observed values")
})

test_that("batch forecasts isolate failures and equal one-by-one fits", {
  df <- data.frame(series_id = c(rep("A", 5), rep("B", 2), rep("C", 6)),
                   timestamp = c(2010:2014, 2020:2021, 2010:2015),
                   value = c(1, 2, 4, 7, 11, 3, 4, 50, 47, 45, 44, 40, 39))
  r <- gidx_forecast_many(df[nrow(df):1, ], 3, method = "drift", levels = 80, calibrate = FALSE,
                          threads = 2L)
  expect_equal(names(r$errors), "B")
  expect_match(r$errors[["B"]], "2 observed values")
  a <- r$forecasts[r$forecasts$series_id == "A", ]
  # drift by hand: last 11 plus (11 - 1) / 4 per year
  expect_equal(a$mean, c(13.5, 16.0, 18.5), tolerance = 1e-12)
  expect_equal(r$forecasts$year[r$forecasts$series_id == "C"], 2016:2018)
  one <- gidx_forecast(2010:2015, c(50, 47, 45, 44, 40, 39), 3, method = "drift", levels = 80,
                       calibrate = FALSE)
  cc <- r$forecasts[r$forecasts$series_id == "C", ]
  expect_equal(cc$mean, one$mean, tolerance = 0)
  expect_equal(cc$lo80, one$lo80, tolerance = 0)
  expect_equal(cc$hi80, one$hi80, tolerance = 0)
  expect_equal(unique(cc$model), "Random walk with drift")
})
