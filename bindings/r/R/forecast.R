# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Forecasting from R: every number comes from the C library.

.gidx_fc_methods <- c(auto = 0L, naive = 1L, drift = 2L, trend = 3L, logtrend = 4L,
                      ets = 5L, ANN = 6L, AAN = 7L, AAdN = 8L, MNN = 9L, MAN = 10L,
                      MAdN = 11L, arima = 12L, theta = 13L, otheta = 14L, thetas = 15L)

#' Fit a forecasting model to a yearly series (years may be uneven; NA = missing).
#' Returns an object of class "gidx_model".
#' @param years the years of the observations (integer or double; gaps are real time gaps)
#' @param y the observed values (NA = missing)
#' @param method auto, ets, arima, theta, drift, naive, ... (see greenidx forecast --help)
#' @param calibrate TRUE to widen the intervals from the series' own rolling-origin errors
#' @param seed random seed for simulated intervals
gidx_model_fit_r <- function(years, y, method = "auto", calibrate = TRUE, seed = 42L) {
  if (!method %in% names(.gidx_fc_methods)) stop("unknown method '", method, "'")
  p <- gidx_check(gidx_r_model_fit(as.integer(years), as.numeric(y),
                                   .gidx_fc_methods[[method]], as.integer(calibrate),
                                   as.integer(seed)))
  info <- gidx_r_model_info(p)
  crit <- matrix(gidx_r_model_criteria(p), ncol = 4, byrow = TRUE,
                 dimnames = list(info[-(1:2)], c("loglik", "aicc", "nobs", "nparams")))
  structure(list(ptr = p, name = info[1], message = info[2], criteria = crit,
                 last_year = as.integer(max(years[!is.na(y)]))), class = "gidx_model")
}

#' Forecast h years ahead: a data.frame of year, mean, lo<level>, hi<level>.
#' @param model a fitted model from gidx_model_fit_r()
#' @param h number of years ahead
#' @param levels interval levels in percent
gidx_model_forecast_r <- function(model, h, levels = c(80, 95)) {
  levels <- gidx_levels(levels)
  v <- gidx_check(gidx_r_model_forecast(model$ptr, as.integer(h), as.numeric(levels)))
  h <- as.integer(h); L <- length(levels)
  out <- data.frame(year = model$last_year + seq_len(h), mean = v[seq_len(h)])
  for (i in seq_len(L)) {
    out[[paste0("lo", levels[i])]] <- v[h + (i - 1) * h + seq_len(h)]
    out[[paste0("hi", levels[i])]] <- v[h + h * L + (i - 1) * h + seq_len(h)]
  }
  out
}

#' One-call forecast: fit and forecast, returns the data.frame.
#' @param years the years of the observations
#' @param y the observed values (NA = missing)
#' @param h number of years ahead
#' @param method the forecasting method (default auto)
#' @param levels interval levels in percent
#' @param ... passed to gidx_model_fit_r()
gidx_forecast <- function(years, y, h, method = "auto", levels = c(80, 95), ...) {
  gidx_model_forecast_r(gidx_model_fit_r(years, y, method, ...), h, levels)
}

#' Forecast every series of a long data.frame in one library call
#' (gidx_fc_batch_run, thread-safe; results do not depend on the thread
#' count). Returns list(forecasts, errors): a long data.frame (id, year,
#' model, mean, lo<level>, hi<level>) and a named character vector of the
#' messages of the series that failed (the others are unaffected).
#' @param frame a long data.frame with one row per series and year
#' @param h number of years ahead
#' @param id_col the series id column
#' @param time_col the year column
#' @param value_col the value column (NA = missing)
#' @param method the forecasting method for every series (default auto)
#' @param levels interval levels in percent
#' @param calibrate TRUE to widen the intervals from each series' rolling-origin errors
#' @param seed random seed for simulated intervals
#' @param threads threads to use
gidx_forecast_many <- function(frame, h, id_col = "series_id", time_col = "timestamp",
                               value_col = "value", method = "auto", levels = c(80, 95),
                               calibrate = TRUE, seed = 42L, threads = 1L) {
  if (!method %in% names(.gidx_fc_methods)) stop("unknown method '", method, "'")
  levels <- gidx_levels(levels)
  ids <- as.character(frame[[id_col]])
  uniq <- unique(ids)
  code <- match(ids, uniq)
  o <- order(code, frame[[time_col]], method = "radix")
  counts <- tabulate(code, nbins = length(uniq))
  h <- as.integer(h)
  L <- length(levels)
  b <- gidx_check(gidx_r_fc_batch(as.integer(frame[[time_col]][o]), as.numeric(frame[[value_col]][o]),
                                  as.integer(c(0L, cumsum(counts))), .gidx_fc_methods[[method]],
                                  as.integer(calibrate), as.integer(seed), h, as.numeric(levels),
                                  as.integer(threads)))
  ok <- which(b$status == 0L)
  errors <- stats::setNames(b$message[-ok], uniq[-ok])
  if (length(ok) == 0L) errors <- stats::setNames(b$message, uniq)
  v <- b$values[ok, , drop = FALSE]
  out <- data.frame(id = rep(uniq[ok], each = h),
                    year = as.vector(t(outer(b$last_year[ok], seq_len(h), "+"))),
                    model = rep(b$model[ok], each = h),
                    mean = as.vector(t(v[, seq_len(h), drop = FALSE])), stringsAsFactors = FALSE)
  names(out)[1] <- id_col
  for (i in seq_len(L)) {
    out[[paste0("lo", levels[i])]] <- as.vector(t(v[, h + (i - 1) * h + seq_len(h), drop = FALSE]))
    out[[paste0("hi", levels[i])]] <- as.vector(t(v[, h + h * L + (i - 1) * h + seq_len(h), drop = FALSE]))
  }
  list(forecasts = out, errors = errors)
}

#' Target evaluation: absolute value, or a relative cut from base_year.
#' @param model a fitted model from gidx_model_fit_r()
#' @param year the target year
#' @param value the target value, or the cut in percent when base_year is given
#' @param base_year base year of a relative cut (0 = value is absolute)
#' @param below TRUE when the target is met at or below the value
gidx_target <- function(model, year, value, base_year = 0L, below = TRUE) {
  v <- gidx_check(gidx_r_model_target(model$ptr, as.integer(year), as.numeric(value),
                                      as.integer(base_year), as.integer(below)))
  as.list(setNames(v, c("target", "forecast", "gap", "prob", "rate_needed",
                        "last_value", "last_year")))
}

#' Reconcile a (1 + children) x h matrix (parent first row) so children sum to the parent.
#' @param base matrix of base forecasts, parent in the first row, children below, one column per horizon
#' @param method mint (shrinkage), bu (bottom-up), ols or wls
#' @param resid in-sample residuals, same row layout, for MinT and WLS
gidx_reconcile <- function(base, method = c("mint", "bu", "ols", "wls"), resid = NULL) {
  method <- match.arg(method)
  code <- c(bu = 0L, ols = 1L, wls = 2L, mint = 3L)[[method]]
  base <- as.matrix(base); storage.mode(base) <- "double"
  r <- if (is.null(resid)) numeric(0) else { r <- as.matrix(resid); storage.mode(r) <- "double"; r }
  gidx_check(gidx_r_reconcile(base, nrow(base) - 1L, code, r))
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
  vapply(as.numeric(levels), function(l) C_gidx_level_normalize(l), numeric(1))
}

#' Print a fitted forecasting model: its name, last observed year, the
#' library's notes and the information criteria of its components.
#' @param x a model from gidx_model_fit_r()
#' @param ... unused
print.gidx_model <- function(x, ...) {
  cat(sprintf("<gidx_model %s, fitted to %d>\n", x$name, x$last_year))
  if (nzchar(x$message)) cat(x$message, "\n", sep = "")
  print(x$criteria)
  invisible(x)
}
