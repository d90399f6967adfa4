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
gidx_model_forecast_r <- function(model, h, levels = c(80, 95)) {
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
gidx_forecast <- function(years, y, h, method = "auto", levels = c(80, 95), ...) {
  gidx_model_forecast_r(gidx_model_fit_r(years, y, method, ...), h, levels)
}

#' Target evaluation: absolute value, or a relative cut from base_year.
gidx_target <- function(model, year, value, base_year = 0L, below = TRUE) {
  v <- gidx_check(gidx_r_model_target(model$ptr, as.integer(year), as.numeric(value),
                                      as.integer(base_year), as.integer(below)))
  as.list(setNames(v, c("target", "forecast", "gap", "prob", "rate_needed",
                        "last_value", "last_year")))
}

#' Reconcile a (1 + children) x h matrix (parent first row) so children sum to the parent.
gidx_reconcile <- function(base, method = c("mint", "bu", "ols", "wls"), resid = NULL) {
  method <- match.arg(method)
  code <- c(bu = 0L, ols = 1L, wls = 2L, mint = 3L)[[method]]
  base <- as.matrix(base); storage.mode(base) <- "double"
  r <- if (is.null(resid)) numeric(0) else { r <- as.matrix(resid); storage.mode(r) <- "double"; r }
  gidx_check(gidx_r_reconcile(base, nrow(base) - 1L, code, r))
}
