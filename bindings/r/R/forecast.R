# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Forecasting from R on the generated layer (C_gidx_*, include/greenidx/forecast.h):
# every number comes from the C library; this file only reshapes results and
# gives them R's S3 conventions (print, summary, coef, fitted, predict, ...).

.gidx_fc_methods <- c(auto = 0L, naive = 1L, drift = 2L, trend = 3L, logtrend = 4L,
                      ets = 5L, ANN = 6L, AAN = 7L, AAdN = 8L, MNN = 9L, MAN = 10L,
                      MAdN = 11L, arima = 12L, theta = 13L, otheta = 14L, thetas = 15L)

# years and y of a series given as (years, y), as a ts of frequency 1 (years
# from its start), or as a gidx_model / gidx_forecast (its data).
.gidx_fc_series <- function(years, y) {
  if (inherits(years, c("gidx_model", "gidx_forecast"))) {
    m <- if (inherits(years, "gidx_forecast")) attr(years, "model") else years
    return(list(years = m$years, y = m$y))
  }
  if (stats::is.ts(years) && is.null(y)) {
    if (stats::frequency(years) != 1)
      .gidx_einval(sprintf("years: a ts of frequency %g; forecasts take yearly series (frequency 1)",
                           stats::frequency(years)))
    return(list(years = as.integer(round(stats::time(years))), y = as.numeric(years)))
  }
  if (is.null(y)) .gidx_einval("y: missing (give years and y, or one ts of frequency 1)")
  if (inherits(years, c("Date", "POSIXt"))) years <- as.integer(format(years, "%Y"))
  if (length(years) != length(y))
    .gidx_einval(sprintf("years (%d values) and y (%d values) differ in length",
                         length(years), length(y)))
  list(years = as.integer(years), y = as.numeric(y))
}

.gidx_fc_h <- function(h) {
  if (!is.numeric(h) || length(h) != 1L || is.na(h) || h < 1 || h > 1000 || h != round(h))
    .gidx_einval(sprintf("h = %s: horizon %s is not a whole number of years in 1 ... 1000",
                         deparse(h), deparse(h)))
  as.integer(h)
}

#' Fit a forecasting model to a yearly series
#'
#' Years may be uneven (gaps are real time gaps); NA is a missing value.
#' Returns an object of class "gidx_model" with print, summary, format, coef,
#' fitted, residuals, predict, plot, autoplot and accuracy methods.
#' @param years the years of the observations, a ts of frequency 1 (then y is
#'   not given), or a gidx_model / gidx_forecast whose series is refitted
#' @param y the observed values (NA = missing), in the series' own unit
#' @param method auto, ets, arima, theta, drift, naive, ... (see greenidx forecast --help)
#' @param calibrate TRUE to widen the intervals from the series' own rolling-origin errors
#' @param seed random seed for simulated intervals
#' @param ... no other arguments: a misspelt one is a gidx_einval error naming it
#' @return a "gidx_model"
gidx_model_fit_r <- function(years, y = NULL, method = "auto", calibrate = TRUE, seed = 42L, ...) {
  .gidx_known_args(names(list(...)), c("years", "y", "method", "calibrate", "seed"))
  s <- .gidx_fc_series(years, y)
  method <- .gidx_choice(method, names(.gidx_fc_methods), "method")
  m <- C_gidx_model_new(list(method = .gidx_fc_methods[[method]],
                             calibrate = as.integer(isTRUE(calibrate)), seed = as.numeric(seed)))
  C_gidx_model_fit(m, s$years, s$y)
  nc <- C_gidx_model_ncomponents(m)
  comp <- vapply(seq_len(nc) - 1, function(i) C_gidx_model_component_name(m, i), character(1))
  crit <- t(vapply(seq_len(nc) - 1, function(i) unlist(C_gidx_model_criteria(m, i)), numeric(4)))
  dimnames(crit) <- list(comp, c("loglik", "aicc", "nobs", "nparams"))
  structure(list(ptr = m, name = C_gidx_model_name(m), message = C_gidx_model_message(m),
                 criteria = crit, last_year = C_gidx_model_last_year(m), method = method,
                 years = s$years, y = s$y), class = "gidx_model")
}

#' Forecast h years ahead
#'
#' A data.frame of class "gidx_forecast": year, mean, lo<level>, hi<level>
#' (e.g. lo80, hi95), with the model as attribute "model".
#' @param model a fitted model from gidx_model_fit_r() (or a gidx_forecast)
#' @param h number of years ahead (1 ... 1000)
#' @param levels interval levels in percent (80, 95); fractions in (0, 1) are converted
#' @return a "gidx_forecast" data.frame
gidx_model_forecast_r <- function(model, h, levels = c(80, 95)) {
  model <- .gidx_model_of(model)
  levels <- gidx_levels(levels)
  h <- .gidx_fc_h(h)
  L <- length(levels)
  v <- C_gidx_model_forecast(h * max(L, 1L), model$ptr, h, levels)
  out <- data.frame(year = model$last_year + seq_len(h), mean = v$mean[seq_len(h)])
  for (i in seq_len(L)) {
    out[[paste0("lo", levels[i])]] <- v$lo[(i - 1) * h + seq_len(h)]
    out[[paste0("hi", levels[i])]] <- v$hi[(i - 1) * h + seq_len(h)]
  }
  structure(out, class = c("gidx_forecast", "data.frame"), model = model, levels = levels)
}

#' One-call forecast: fit and forecast
#'
#' @param years the years of the observations, or a ts of frequency 1
#' @param y the observed values (NA = missing); not given with a ts
#' @param h number of years ahead
#' @param method the forecasting method (default auto)
#' @param levels interval levels in percent (80, 95); fractions in (0, 1) are converted
#' @param ... calibrate and seed, passed to gidx_model_fit_r()
#' @return a "gidx_forecast" data.frame
#' @examples
#' f <- gidx_forecast(ts(c(510, 495, 480, 470, 466, 451), start = 2017), h = 4)
gidx_forecast <- function(years, y = NULL, h, method = "auto", levels = c(80, 95), ...) {
  if (missing(h)) .gidx_einval("h: missing (the horizon in years)")
  h <- .gidx_fc_h(h)
  levels <- gidx_levels(levels)
  gidx_model_forecast_r(gidx_model_fit_r(years, y, method, ...), h, levels)
}

# The id and time columns of the package's own tables, as Python's
# forecast_many reads them: series_id/timestamp, an indicator panel
# (region_code, indicator; year), a dataset frame (region, variable; year).
.gidx_fc_default_cols <- function(frame, id_col, time_col) {
  if (is.null(id_col)) {
    for (k in list("series_id", c("region_code", "indicator"), c("region", "variable")))
      if (all(k %in% names(frame))) { id_col <- k; break }
    if (is.null(id_col)) .gidx_einval("id_col: no series id column (series_id, region_code + indicator, region + variable); pass id_col")
  }
  if (is.null(time_col)) {
    time_col <- intersect(c("timestamp", "year"), names(frame))[1]
    if (is.na(time_col)) .gidx_einval("time_col: no time column (timestamp or year); pass time_col")
  }
  for (k in c(id_col, time_col))
    if (!k %in% names(frame)) .gidx_einval(sprintf("column '%s' is not in the frame", k))
  list(id = id_col, time = time_col)
}

#' Forecast every series of a long data.frame in one library call
#'
#' gidx_fc_batch_run, thread-safe: results do not depend on the thread count.
#' @param frame a long data.frame with one row per series and year
#' @param h number of years ahead
#' @param id_col the series id column(s); default series_id, region_code + indicator, or region + variable
#' @param time_col the year column (default timestamp or year); Date columns are read as years
#' @param value_col the value column (NA = missing)
#' @param method the forecasting method for every series (default auto)
#' @param levels interval levels in percent (80, 95); fractions in (0, 1) are converted
#' @param calibrate TRUE to widen the intervals from each series' rolling-origin errors
#' @param seed random seed for simulated intervals
#' @param threads threads to use
#' @return list(forecasts, errors): a long data.frame (id columns, year, model,
#'   mean, lo<level>, hi<level>) and a named character vector of the messages
#'   of the series that failed (the others are unaffected)
gidx_forecast_many <- function(frame, h, id_col = NULL, time_col = NULL, value_col = "value",
                               method = "auto", levels = c(80, 95), calibrate = TRUE,
                               seed = 42L, threads = 1L) {
  method <- .gidx_choice(method, names(.gidx_fc_methods), "method")
  levels <- gidx_levels(levels)
  h <- .gidx_fc_h(h)
  cols <- .gidx_fc_default_cols(frame, id_col, time_col)
  tm <- frame[[cols$time]]
  if (inherits(tm, c("Date", "POSIXt"))) tm <- as.integer(format(tm, "%Y"))
  ids <- do.call(paste, c(lapply(cols$id, function(k) as.character(frame[[k]])), sep = "\r"))
  uniq <- unique(ids)
  code <- match(ids, uniq)
  o <- order(code, tm, method = "radix")
  L <- length(levels)
  b <- C_gidx_fc_batch_run(list(method = .gidx_fc_methods[[method]],
                                calibrate = as.integer(isTRUE(calibrate)), seed = as.numeric(seed)),
                           as.integer(tm[o]), as.numeric(frame[[value_col]][o]),
                           c(0, cumsum(tabulate(code, nbins = length(uniq)))), h, levels,
                           as.integer(threads))
  ns <- length(uniq)
  first <- match(uniq, ids)
  # a failed series signals its own error (gidx_fc_batch_forecast); the batch went on
  vals <- lapply(seq_len(ns) - 1, function(s)
    tryCatch(C_gidx_fc_batch_forecast(h * max(L, 1L), b, s), gidx_error = function(e) NULL))
  ok <- which(!vapply(vals, is.null, logical(1)))
  msgs <- vapply(seq_len(ns) - 1, function(s) C_gidx_fc_batch_message(b, s), character(1))
  errors <- stats::setNames(msgs[-ok], uniq[-ok])
  if (length(ok) == 0L) errors <- stats::setNames(msgs, uniq)
  if (length(ok) == 0L) return(list(forecasts = data.frame(), errors = errors))
  # whole columns at once (series x horizon), not one data.frame per series
  w <- h * (1L + 2L * L)
  v <- matrix(unlist(lapply(vals[ok], function(x) c(x$mean[seq_len(h)], x$lo[seq_len(h * L)],
                                                    x$hi[seq_len(h * L)])), use.names = FALSE),
              nrow = w)
  last <- vapply(ok - 1, function(s) C_gidx_fc_batch_last_year(b, s), numeric(1))
  model <- vapply(ok - 1, function(s) C_gidx_fc_batch_model(b, s), character(1))
  out <- frame[rep(first[ok], each = h), cols$id, drop = FALSE]
  out$year <- as.integer(rep(last, each = h) + seq_len(h))
  out$model <- rep(model, each = h)
  out$mean <- as.vector(v[seq_len(h), ])
  for (i in seq_len(L)) {
    out[[paste0("lo", levels[i])]] <- as.vector(v[h + (i - 1) * h + seq_len(h), ])
    out[[paste0("hi", levels[i])]] <- as.vector(v[h + h * L + (i - 1) * h + seq_len(h), ])
  }
  rownames(out) <- NULL
  list(forecasts = out, errors = errors)
}

#' Target evaluation: an absolute value, or a relative cut from base_year
#'
#' The cut follows the one convention for levels and shares: 55 and 0.55
#' are both a 55 % cut from the base year (a negative cut is an increase);
#' 0, 100 or more and NaN are gidx_einval errors naming the cut.
#' @param model a fitted model from gidx_model_fit_r() (or a gidx_forecast)
#' @param year the target year, after the last observed year
#' @param value the target value (the series' unit), or the cut in percent when base_year is given
#' @param base_year base year of a relative cut (0 = value is absolute)
#' @param below TRUE when the target is met at or below the value
#' @return a "gidx_target" list: target, forecast, gap, prob (0-1), rate_needed
#'   (relative change a year, e.g. -0.05), last_value, last_year
gidx_target <- function(model, year, value, base_year = 0L, below = TRUE) {
  model <- .gidx_model_of(model)
  v <- C_gidx_model_target(model$ptr, as.integer(year), as.numeric(value), as.integer(base_year),
                           as.integer(isTRUE(below)))
  v$version <- NULL
  structure(c(v, list(year = as.integer(year))), class = "gidx_target")
}

#' Baseline and policy scenario side by side
#'
#' The scenario is the baseline forecast plus an exogenous effect path added
#' to the mean and the bounds (gidx_model_scenario; the effect is treated as known).
#' @param model a fitted model from gidx_model_fit_r() (or a gidx_forecast)
#' @param effect one effect value per future year (the series' unit), or a
#'   gidx_effect whose effect path since adoption is used
#' @param levels interval levels in percent (80, 95); fractions in (0, 1) are converted
#' @param h the number of years for a constant (DiD/TWFE/FE) effect, or to cut a path to
#' @return a data.frame: year, baseline, scenario, lo<level>, hi<level> (the scenario's bounds)
gidx_scenario <- function(model, effect, levels = c(80, 95), h = NULL) {
  model <- .gidx_model_of(model)
  if (inherits(effect, "gidx_effect")) {
    effect <- effect$path(if (is.null(h)) 0 else .gidx_fc_h(h))
    if (!is.null(h)) effect <- effect[seq_len(min(length(effect), h))]
  }
  if (length(effect) == 0L) .gidx_einval("effect: empty (give one value per future year, or h)")
  levels <- gidx_levels(levels)
  h <- length(effect)
  L <- length(levels)
  v <- C_gidx_model_scenario(h * max(L, 1L), model$ptr, as.numeric(effect), levels)
  out <- data.frame(year = model$last_year + seq_len(h), baseline = v$base_mean[seq_len(h)],
                    scenario = v$scen_mean[seq_len(h)])
  for (i in seq_len(L)) {
    out[[paste0("lo", levels[i])]] <- v$scen_lo[(i - 1) * h + seq_len(h)]
    out[[paste0("hi", levels[i])]] <- v$scen_hi[(i - 1) * h + seq_len(h)]
  }
  out
}

#' Reconcile forecasts so children sum to the parent
#'
#' @param base matrix of base forecasts, parent in the first row, children below, one column per horizon
#' @param method mint (shrinkage), bu (bottom-up), ols or wls
#' @param resid in-sample residuals, same row layout, for MinT
#' @return the reconciled matrix, same layout as base
gidx_reconcile <- function(base, method = c("mint", "bu", "ols", "wls"), resid = NULL) {
  method <- match.arg(method)
  code <- c(bu = 0L, ols = 1L, wls = 2L, mint = 3L)[[method]]
  base <- as.matrix(base)
  r <- if (is.null(resid)) numeric(0) else as.vector(t(as.matrix(resid)))
  out <- C_gidx_fc_reconcile(length(base), as.vector(t(base)), nrow(base) - 1, code, r)
  matrix(out, nrow = nrow(base), byrow = TRUE, dimnames = dimnames(base))
}

#' Interval levels in percent
#'
#' The library's one convention (gidx_level_normalize): a percentage in
#' [1, 100) as R's forecast package writes it, or a fraction in (0, 1) read
#' as that share of 100 (0.8 is 80); anything else is an error of class
#' "gidx_einval".
#' @param levels numeric levels, e.g. c(80, 95) or c(0.8, 0.95)
#' @return the levels in percent
gidx_levels <- function(levels) {
  if (!is.numeric(levels) || length(levels) == 0L)
    .gidx_einval(sprintf("levels = %s: give numbers such as c(80, 95)", deparse(levels)))
  vapply(as.numeric(levels), function(l) C_gidx_level_normalize(l), numeric(1))
}

# ------------------------------------------------------------ S3 methods
# Each returns numbers the C library computed (criteria, parameters,
# residuals, forecasts, accuracy); a quantity the library does not produce
# for a forecasting model (a parameter covariance) is a gidx_eunsupported
# error saying so, never NULL.

.gidx_unsupported <- function(msg) {
  stop(structure(class = c("gidx_eunsupported", "gidx_error", "error", "condition"),
                 list(message = msg, call = sys.call(-1L), code = -19L)))
}

.gidx_model_of <- function(object) {
  if (inherits(object, "gidx_forecast")) object <- attr(object, "model")
  if (!inherits(object, "gidx_model")) .gidx_einval("expected a gidx_model or a gidx_forecast")
  object
}

#' Format a fitted forecasting model as one line
#' @param x a "gidx_model"
#' @param ... unused
#' @return a character string
format.gidx_model <- function(x, ...) {
  sprintf("<gidx_model %s, %d observations from %d, fitted to %d>", x$name, sum(!is.na(x$y)),
          min(x$years), x$last_year)
}

#' Print a fitted forecasting model: name, years, notes and criteria
#' @param x a "gidx_model"
#' @param ... unused
#' @return x, invisibly
#' @examples
#' m <- gidx_model_fit_r(ts(c(510, 495, 480, 470, 466, 451, 440), start = 2017), method = "drift")
#' m
#' summary(m)
#' coef(m)
#' accuracy(m)
print.gidx_model <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  if (nzchar(x$message)) cat(x$message, "\n", sep = "")
  print(x$criteria)
  invisible(x)
}

#' Summary of a fitted forecasting model: criteria, parameters and in-sample accuracy
#' @param object a "gidx_model"
#' @param ... unused
#' @return a "summary.gidx_model" list: name, message, criteria, coefficients, accuracy
summary.gidx_model <- function(object, ...) {
  structure(list(name = object$name, message = object$message, criteria = object$criteria,
                 coefficients = coef(object), accuracy = accuracy(object)),
            class = "summary.gidx_model")
}

#' Print the summary of a fitted forecasting model
#' @param x a "summary.gidx_model"
#' @param ... unused
#' @return x, invisibly
print.summary.gidx_model <- function(x, ...) {
  cat("Model: ", x$name, "\n", sep = "")
  if (nzchar(x$message)) cat(x$message, "\n", sep = "")
  cat("\nInformation criteria:\n"); print(x$criteria)
  cat("\nParameters:\n"); print(x$coefficients)
  cat("\nIn-sample accuracy (one-step):\n"); print(x$accuracy)
  invisible(x)
}

#' Fitted parameters of a forecasting model
#'
#' The parameters the library estimated (alpha, beta, phi, l0, ar1, drift,
#' theta, sigma2, ...); for a combination, prefixed by the component name.
#' @param object a "gidx_model" (or a "gidx_forecast")
#' @param ... unused
#' @return a named numeric vector
coef.gidx_model <- function(object, ...) {
  m <- .gidx_model_of(object)
  nc <- nrow(m$criteria)
  out <- list()
  for (i in seq_len(nc) - 1) {
    k <- C_gidx_model_nparams(m$ptr, i)
    for (j in seq_len(k) - 1) {
      p <- C_gidx_model_param(m$ptr, i, j)
      out[[if (nc > 1) paste0(rownames(m$criteria)[i + 1], ":", p$name) else p$name]] <- p$value
    }
  }
  unlist(out)
}

#' The covariance of a forecasting model's parameters is not estimated
#'
#' libgreenidx fits by maximum likelihood without the Hessian, so there is
#' no covariance to return: this is a gidx_eunsupported error.
#' @param object a "gidx_model"
#' @param ... unused
#' @return never returns
vcov.gidx_model <- function(object, ...)
  .gidx_unsupported(paste0("vcov: libgreenidx does not estimate the covariance of the parameters of ",
                           object$name, "; see coef() and the prediction intervals of predict()"))

#' Confidence intervals of a forecasting model's parameters are not estimated
#' @param object a "gidx_model"
#' @param parm unused
#' @param level unused
#' @param ... unused
#' @return never returns; use predict() for prediction intervals
confint.gidx_model <- function(object, parm, level = 95, ...)
  .gidx_unsupported(paste0("confint: libgreenidx does not estimate parameter intervals of ",
                           object$name, "; predict(model, h, levels) gives prediction intervals"))

#' In-sample one-step residuals of a forecasting model
#' @param object a "gidx_model"
#' @param ... unused
#' @return a ts of frequency 1 over the annual grid from the first to the last year (NA where not observed)
residuals.gidx_model <- function(object, ...) {
  r <- C_gidx_model_residuals(object$ptr)
  r[is.nan(r)] <- NA
  stats::ts(r, start = min(object$years), frequency = 1)
}

#' In-sample one-step fitted values of a forecasting model
#'
#' The observed value minus the library's one-step residual, on the annual grid.
#' @param object a "gidx_model"
#' @param ... unused
#' @return a ts of frequency 1 (NA where not observed)
fitted.gidx_model <- function(object, ...) {
  r <- residuals(object)
  y <- rep(NA_real_, length(r))
  y[object$years - min(object$years) + 1L] <- object$y
  stats::ts(y - as.numeric(r), start = min(object$years), frequency = 1)
}

#' Forecast from a fitted model
#' @param object a "gidx_model"
#' @param h number of years ahead
#' @param levels interval levels in percent (80, 95); fractions in (0, 1) are converted
#' @param ... unused
#' @return a "gidx_forecast" data.frame
predict.gidx_model <- function(object, h = 10, levels = c(80, 95), ...)
  gidx_model_forecast_r(object, h, levels)

#' Forecast accuracy
#'
#' A generic: for a forecast, the out-of-sample accuracy against the actual
#' values; for a model, the in-sample one-step accuracy. sMAPE on the 0-200
#' scale (Makridakis & Hibon 2000), MASE scaled by the in-sample mean
#' absolute first difference (Hyndman & Koehler 2006), interval coverage
#' (0-1), all from gidx_fc_accuracy().
#' @param object a "gidx_forecast" or a "gidx_model"
#' @param ... actual (for a forecast): the observed values of the forecast years
#' @return a named numeric vector: smape, mase, coverage
accuracy <- function(object, ...) UseMethod("accuracy")

#' Out-of-sample accuracy of a forecast
#' @param object a "gidx_forecast"
#' @param actual the observed values of the forecast years (NA skipped), or a ts / data.frame with year and value
#' @param level the interval level whose coverage is measured (default the first)
#' @param ... unused
#' @return a named numeric vector: smape (0-200), mase, coverage (0-1)
accuracy.gidx_forecast <- function(object, actual, level = attr(object, "levels")[1], ...) {
  if (missing(actual)) .gidx_einval("actual: missing (the observed values of the forecast years)")
  if (is.data.frame(actual)) actual <- actual$value[match(object$year, actual$year)]
  else if (stats::is.ts(actual))
    actual <- as.numeric(actual)[match(object$year, round(stats::time(actual)))]
  m <- attr(object, "model")
  lo <- hi <- NULL
  if (length(level) == 1L && !is.na(level)) {
    l <- gidx_levels(level)
    lo <- object[[paste0("lo", l)]]; hi <- object[[paste0("hi", l)]]
    if (is.null(lo)) .gidx_einval(sprintf("level = %g: the forecast has no such interval", level))
  }
  unlist(C_gidx_fc_accuracy(as.numeric(actual), object$mean, lo, hi, m$y))
}

#' In-sample one-step accuracy of a model
#' @param object a "gidx_model"
#' @param ... unused
#' @return a named numeric vector: smape (0-200), mase, coverage (NaN: no intervals in sample)
accuracy.gidx_model <- function(object, ...) {
  f <- as.numeric(fitted(object))
  y <- rep(NA_real_, length(f))
  y[object$years - min(object$years) + 1L] <- object$y
  ok <- !is.na(f) & !is.na(y)  # the years with a one-step forecast
  unlist(C_gidx_fc_accuracy(y[ok], f[ok], NULL, NULL, object$y))
}

#' Format a forecast as a one-line description
#' @param x a "gidx_forecast"
#' @param ... unused
#' @return a character string
format.gidx_forecast <- function(x, ...)
  sprintf("<gidx_forecast %s, %d-%d, levels %s %%>", attr(x, "model")$name, min(x$year),
          max(x$year), paste(attr(x, "levels"), collapse = ", "))

#' Print a forecast: the model and the table
#' @param x a "gidx_forecast"
#' @param ... passed to print.data.frame
#' @return x, invisibly
#' @examples
#' m <- gidx_model_fit_r(ts(c(510, 495, 480, 470, 466, 451, 440), start = 2017), method = "drift")
#' f <- predict(m, h = 3, levels = c(80, 95))
#' f
#' confint(f, level = 80)
#' accuracy(f, actual = c(430, 415, 409))
print.gidx_forecast <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  print(as.data.frame(x), ...)
  invisible(x)
}

#' A forecast as a plain data.frame (year, mean, lo<level>, hi<level>)
#' @param x a "gidx_forecast"
#' @param row.names unused
#' @param optional unused
#' @param ... unused
#' @return a data.frame
as.data.frame.gidx_forecast <- function(x, row.names = NULL, optional = FALSE, ...) {
  attr(x, "model") <- NULL; attr(x, "levels") <- NULL
  class(x) <- "data.frame"
  x
}

#' Summary of a forecast: the model's summary and the forecast table
#' @param object a "gidx_forecast"
#' @param ... unused
#' @return a "summary.gidx_model" with the forecast as element forecast
summary.gidx_forecast <- function(object, ...) {
  s <- summary(attr(object, "model"))
  s$forecast <- as.data.frame(object)
  s
}

#' Parameters of the model behind a forecast
#' @param object a "gidx_forecast"
#' @param ... unused
#' @return a named numeric vector
coef.gidx_forecast <- function(object, ...) coef(attr(object, "model"))

#' Prediction intervals of a forecast at one level
#' @param object a "gidx_forecast"
#' @param parm the forecast years (default all)
#' @param level the level in percent (or a fraction in (0, 1))
#' @param ... unused
#' @return a matrix with one row per year and columns lo<level>, hi<level>
confint.gidx_forecast <- function(object, parm = object$year, level = attr(object, "levels")[1], ...) {
  l <- gidx_levels(level)
  lo <- paste0("lo", l); hi <- paste0("hi", l)
  if (is.null(object[[lo]])) .gidx_einval(sprintf("level = %g: the forecast has no such interval", level))
  k <- match(parm, object$year)
  matrix(c(object[[lo]][k], object[[hi]][k]), ncol = 2, dimnames = list(parm, c(lo, hi)))
}

#' In-sample fitted values of the model behind a forecast
#' @param object a "gidx_forecast"
#' @param ... unused
#' @return a ts of frequency 1
fitted.gidx_forecast <- function(object, ...) fitted(attr(object, "model"))

#' In-sample residuals of the model behind a forecast
#' @param object a "gidx_forecast"
#' @param ... unused
#' @return a ts of frequency 1
residuals.gidx_forecast <- function(object, ...) residuals(attr(object, "model"))

#' Plot a forecast with base graphics: history, mean and intervals
#' @param x a "gidx_forecast"
#' @param main the title (default the model's name)
#' @param ... passed to plot()
#' @return x, invisibly
plot.gidx_forecast <- function(x, main = attr(x, "model")$name, ...) {
  m <- attr(x, "model")
  lv <- sort(attr(x, "levels"), decreasing = TRUE)
  yl <- range(c(m$y, x$mean, unlist(x[grep("^(lo|hi)", names(x))])), na.rm = TRUE)
  graphics::plot(m$years, m$y, type = "o", pch = 20, xlim = range(c(m$years, x$year)), ylim = yl,
                 xlab = "year", ylab = "value", main = main, ...)
  shade <- grDevices::gray(seq(0.85, 0.7, length.out = max(length(lv), 1)))
  for (i in seq_along(lv))
    graphics::polygon(c(x$year, rev(x$year)), c(x[[paste0("lo", lv[i])]], rev(x[[paste0("hi", lv[i])]])),
                      col = shade[i], border = NA)
  graphics::lines(x$year, x$mean, col = "blue", lwd = 2)
  invisible(x)
}

#' Plot a fitted model with base graphics: the series and the one-step fitted values
#' @param x a "gidx_model"
#' @param ... passed to plot()
#' @return x, invisibly
plot.gidx_model <- function(x, ...) {
  f <- fitted(x)
  graphics::plot(x$years, x$y, type = "o", pch = 20, xlab = "year", ylab = "value", main = x$name, ...)
  graphics::lines(as.numeric(stats::time(f)), as.numeric(f), col = "blue", lty = 2)
  invisible(x)
}

#' ggplot2 plot of a forecast: history, mean and interval ribbons
#' @param object a "gidx_forecast"
#' @param ... unused
#' @return a ggplot object
autoplot.gidx_forecast <- function(object, ...) {
  if (!requireNamespace("ggplot2", quietly = TRUE)) .gidx_unsupported("autoplot needs ggplot2")
  m <- attr(object, "model")
  g <- ggplot2::ggplot() + ggplot2::labs(x = "year", y = "value", title = m$name)
  for (l in sort(attr(object, "levels"), decreasing = TRUE)) {
    d <- data.frame(year = object$year, lo = object[[paste0("lo", l)]], hi = object[[paste0("hi", l)]])
    g <- g + ggplot2::geom_ribbon(data = d, ggplot2::aes(x = .data$year, ymin = .data$lo, ymax = .data$hi),
                                  fill = "steelblue", alpha = 0.25)
  }
  g + ggplot2::geom_line(data = data.frame(year = m$years, y = m$y), ggplot2::aes(x = .data$year, y = .data$y)) +
    ggplot2::geom_line(data = data.frame(year = object$year, y = object$mean),
                       ggplot2::aes(x = .data$year, y = .data$y), colour = "blue")
}

#' ggplot2 plot of a fitted model: the series and the one-step fitted values
#' @param object a "gidx_model"
#' @param ... unused
#' @return a ggplot object
autoplot.gidx_model <- function(object, ...) {
  if (!requireNamespace("ggplot2", quietly = TRUE)) .gidx_unsupported("autoplot needs ggplot2")
  f <- fitted(object)
  d <- data.frame(year = c(object$years, as.numeric(stats::time(f))),
                  value = c(object$y, as.numeric(f)),
                  series = rep(c("observed", "fitted"), c(length(object$y), length(f))))
  ggplot2::ggplot(d, ggplot2::aes(x = .data$year, y = .data$value, colour = .data$series)) +
    ggplot2::geom_line(na.rm = TRUE) + ggplot2::labs(title = object$name)
}

#' Format a target evaluation as one line
#'
#' Values in the series' unit with 4 significant digits, never in
#' e-notation, thousands separated by commas (1,546,314 rather than 1.546e+06).
#' @param x a "gidx_target"
#' @param ... unused
#' @return a character string
format.gidx_target <- function(x, ...) {
  num <- function(v, sign = FALSE)
    paste0(if (sign && !is.na(v) && v >= 0) "+" else "",
           format(v, digits = 4, big.mark = ",", scientific = FALSE, trim = TRUE))
  sprintf("<gidx_target %d: target %s, forecast %s, gap %s, P(met) = %.2f, rate needed %+.2f %%/year>",
          x$year, num(x$target), num(x$forecast), num(x$gap, TRUE), x$prob, 100 * x$rate_needed)
}

#' Print a target evaluation
#' @param x a "gidx_target"
#' @param ... unused
#' @return x, invisibly
#' @examples
#' m <- gidx_model_fit_r(ts(c(510, 495, 480, 470, 466, 451, 440), start = 2017), method = "drift")
#' g <- gidx_target(m, 2030, 55, base_year = 2017)  # 55 % below the 2017 level
#' g
#' as.data.frame(g)
print.gidx_target <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' A target evaluation as a one-row data.frame
#' @param x a "gidx_target"
#' @param row.names unused
#' @param optional unused
#' @param ... unused
#' @return a data.frame
as.data.frame.gidx_target <- function(x, row.names = NULL, optional = FALSE, ...)
  as.data.frame(unclass(x))

#' Summary of a target evaluation (the evaluation itself)
#' @param object a "gidx_target"
#' @param ... unused
#' @return object
summary.gidx_target <- function(object, ...) object
