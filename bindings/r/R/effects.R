# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Policy-instrument effect estimators (docs/effects.md) on the generated
# layer (C_gidx_effect_*, include/greenidx/effects.h). Every number comes
# from libgreenidx; the options reach C as a named list (the
# GIDX_R_STRUCT_IN typemap of bindings/greenidx.i).

.gidx_effect_methods <- c(did = 0, twfe = 1, event = 2, csdid = 3, synth = 4, fe = 5)
.gidx_effect_se <- c("classical", "robust", "cluster", "cr2")
.gidx_effect_options <- c("treated", "treat_col", "group_col", "treat_time", "covariates",
                          "predictors", "se", "control", "twoways", "balanced", "seed", "nboot",
                          "level", "ref_period", "placebo", "leave_one_out", "nstarts", "pre_from")

#' Estimate a policy effect from a long data.frame
#'
#' @param data a data.frame with one row per unit and time (a gidx_effect's
#'   own data is accepted too, to re-estimate with other options)
#' @param method "did", "twfe", "event", "csdid", "synth" or "fe"
#' @param unit the unit column
#' @param time the time column (numbers, or Dates read as years)
#' @param outcome the outcome column
#' @param ... options: treated, treat_col, group_col, treat_time, covariates
#'   (character vector), predictors, se ("classical", "robust", "cluster", "cr2"),
#'   control ("never", "notyet"), twoways, balanced, seed, nboot, level
#'   (percent, 90, or a fraction, 0.9), ref_period, placebo, leave_one_out,
#'   nstarts, pre_from. A misspelt option is a gidx_einval error naming it.
#' @return an object of class "gidx_effect": a list with `summary` (named
#'   numeric: estimate, se, ci_low, ci_high, p_value), `value(key)`,
#'   `rows(kind)` (a data.frame), `path(n)` (effect per period since adoption)
#'   and `render(format)`; S3 methods print, summary, format, as.data.frame,
#'   coef, vcov, confint, predict, plot and autoplot
gidx_effect <- function(data, method, unit, time, outcome, ...) {
  o <- list(...)
  .gidx_known_args(names(o), .gidx_effect_options)
  if (inherits(data, "gidx_effect")) data <- data$data
  method <- .gidx_choice(method, names(.gidx_effect_methods), "method")
  for (k in c(unit, time, outcome))
    if (!k %in% names(data)) .gidx_einval(sprintf("column '%s' is not in data", k))
  tm <- data[[time]]
  if (inherits(tm, c("Date", "POSIXt"))) tm <- as.numeric(format(tm, "%Y"))
  vars <- setdiff(names(data)[vapply(data, is.numeric, logical(1))], c(unit, time))
  panel <- C_gidx_effect_panel_new(as.character(data[[unit]]), as.numeric(tm))
  for (v in vars) C_gidx_effect_panel_add(panel, v, as.numeric(data[[v]]))
  opts <- list(method = unname(.gidx_effect_methods[method]), outcome = outcome)
  for (k in c("treated", "treat_col", "group_col", "predictors", "covariates"))
    if (!is.null(o[[k]])) opts[[k]] <- paste(o[[k]], collapse = ",")
  for (k in c("treat_time", "seed", "nboot", "level", "ref_period", "nstarts"))
    if (!is.null(o[[k]])) opts[[k]] <- as.numeric(o[[k]])
  if (!is.null(o[["pre_from"]])) opts[["synth_pre_from"]] <- as.numeric(o[["pre_from"]])
  for (k in c("twoways", "balanced", "placebo", "leave_one_out"))
    if (!is.null(o[[k]])) opts[[k]] <- as.numeric(isTRUE(o[[k]]))
  if (!is.null(o[["se"]]))
    opts[["se"]] <- match(.gidx_choice(o[["se"]], .gidx_effect_se, "se"), .gidx_effect_se)
  if (!is.null(o[["control"]]))
    opts[["control"]] <- match(.gidx_choice(o[["control"]], c("never", "notyet"), "control"),
                               c("never", "notyet")) - 1
  res <- C_gidx_effect_estimate(panel, opts)
  val <- function(k) C_gidx_effect_result_value(res, k)
  rows <- function(kind) {
    n <- C_gidx_effect_result_nrows(res, kind)
    r <- lapply(seq_len(n) - 1, function(i) C_gidx_effect_result_row(res, kind, i))
    data.frame(label = vapply(r, function(x) x$label, character(1)),
               group = vapply(r, function(x) x$group, numeric(1)),
               time = vapply(r, function(x) x$time, numeric(1)),
               estimate = vapply(r, function(x) x$estimate, numeric(1)),
               se = vapply(r, function(x) x$se, numeric(1)), stringsAsFactors = FALSE)
  }
  path <- function(n = 0) {
    p <- C_gidx_effect_result_path(res)
    # a constant (DiD/TWFE/FE) path: the library's estimate in each of n periods
    if (length(p) == 0L && n > 0) rep(val("estimate"), n) else p
  }
  level <- if (is.null(o[["level"]])) 95 else gidx_levels(o[["level"]])
  structure(list(
    summary = c(estimate = val("estimate"), se = val("se"), ci_low = val("ci_low"),
                ci_high = val("ci_high"), p_value = val("p_value")),
    value = val, rows = rows, path = path,
    render = function(format = "json")
      C_gidx_effect_result_render(res, match(.gidx_choice(format, c("json", "csv", "table"), "format"),
                                             c("json", "csv", "table")) - 1),
    method = method, level = level, outcome = outcome, data = data, handle = res),
    class = "gidx_effect")
}

#' Format an effect estimate as one line
#' @param x a "gidx_effect"
#' @param ... unused
#' @return a character string
format.gidx_effect <- function(x, ...) {
  s <- x$summary
  sprintf("<gidx_effect %s on %s: %.4g (se %.4g), %g %% CI [%.4g, %.4g], p = %.3g>", x$method,
          x$outcome, s[["estimate"]], s[["se"]], x$level, s[["ci_low"]], s[["ci_high"]], s[["p_value"]])
}

#' Print the library's text table of an effect estimate
#' @param x a "gidx_effect"
#' @param ... unused
#' @return x, invisibly
#' @examples
#' d <- data.frame(unit = rep(c("a", "b", "c", "e"), each = 2), time = rep(2019:2020, 4),
#'                 y = c(1, 4, 2, 6, 1, 2, 3, 3.5), d = rep(c(1, 0), each = 4))
#' e <- gidx_effect(d, "did", "unit", "time", "y", treat_col = "d", treat_time = 2020, level = 90)
#' e
#' coef(e)
#' confint(e)
#' summary(e)
print.gidx_effect <- function(x, ...) {
  cat(x$render("table"))
  invisible(x)
}

#' Summary of an effect estimate: the headline and the coefficient rows
#' @param object a "gidx_effect"
#' @param ... unused
#' @return a "summary.gidx_effect" list: method, level, estimate (the
#'   headline with se, interval, p-value) and coefficients (a data.frame)
summary.gidx_effect <- function(object, ...) {
  structure(list(method = object$method, level = object$level, estimate = object$summary,
                 coefficients = object$rows("coef")), class = "summary.gidx_effect")
}

#' Print the summary of an effect estimate
#' @param x a "summary.gidx_effect"
#' @param ... unused
#' @return x, invisibly
print.summary.gidx_effect <- function(x, ...) {
  cat("Method: ", x$method, ", ", x$level, " % intervals\n", sep = "")
  print(x$estimate)
  if (nrow(x$coefficients) > 0L) { cat("\nCoefficients:\n"); print(x$coefficients) }
  invisible(x)
}

#' The rows of an effect estimate as a data.frame
#' @param x a "gidx_effect"
#' @param row.names unused
#' @param optional unused
#' @param kind the row kind: "coef", "att_gt", "group", "dynamic", "calendar",
#'   "weight", "gap", "placebo", "loo", "predictor"; default the headline as one row
#' @param ... unused
#' @return a data.frame
as.data.frame.gidx_effect <- function(x, row.names = NULL, optional = FALSE, kind = NULL, ...) {
  if (is.null(kind)) return(data.frame(method = x$method, t(x$summary)))
  x$rows(kind)
}

#' The headline estimate of an effect
#'
#' The DiD / treatment coefficient, the average post-period event
#' coefficient, the simple ATT (csdid) or the mean post-period gap (synth);
#' the other coefficients are in summary() and rows("coef").
#' @param object a "gidx_effect"
#' @param ... unused
#' @return a named number
coef.gidx_effect <- function(object, ...) c(estimate = object$summary[["estimate"]])

#' The estimator's variance of the headline estimate
#'
#' The squared standard error of the chosen kind (se = ...); synthetic
#' control has no standard error, a gidx_eunsupported error.
#' @param object a "gidx_effect"
#' @param ... unused
#' @return a 1 x 1 matrix
vcov.gidx_effect <- function(object, ...) {
  se <- object$summary[["se"]]
  if (is.na(se)) .gidx_unsupported(sprintf("vcov: the %s estimator has no standard error", object$method))
  matrix(se^2, 1, 1, dimnames = list("estimate", "estimate"))
}

#' The confidence interval of the headline estimate, from the library
#' @param object a "gidx_effect"
#' @param parm unused (the headline)
#' @param level the level in percent; only the level of the estimation (the
#'   `level` option, default 95) is available
#' @param ... unused
#' @return a 1 x 2 matrix
confint.gidx_effect <- function(object, parm = "estimate", level = object$level, ...) {
  if (gidx_levels(level) != object$level)
    .gidx_einval(sprintf("level = %g: the intervals were estimated at %g %%; re-estimate with level = %g",
                         level, object$level, level))
  s <- object$summary
  if (is.na(s[["ci_low"]])) .gidx_unsupported(sprintf("confint: the %s estimator has no interval", object$method))
  matrix(c(s[["ci_low"]], s[["ci_high"]]), 1, 2,
         dimnames = list("estimate", paste(c(50 - object$level / 2, 50 + object$level / 2), "%")))
}

#' The effect path since adoption
#' @param object a "gidx_effect"
#' @param h number of periods for a constant (DiD/TWFE/FE) effect
#' @param ... unused
#' @return a numeric vector, one value per period since adoption (event time 0, 1, ...)
predict.gidx_effect <- function(object, h = 0, ...) object$path(h)

#' Fitted values are not produced by the effect estimators
#' @param object a "gidx_effect"
#' @param ... unused
#' @return never returns
fitted.gidx_effect <- function(object, ...)
  .gidx_unsupported("fitted: libgreenidx's effect estimators do not return fitted values; see rows('gap') for synth")

#' Residuals are not produced by the effect estimators
#' @param object a "gidx_effect"
#' @param ... unused
#' @return never returns
residuals.gidx_effect <- function(object, ...)
  .gidx_unsupported("residuals: libgreenidx's effect estimators do not return residuals")

# The rows a plot shows: event-time coefficients, dynamic ATTs or gaps.
.gidx_effect_plot_rows <- function(x) {
  for (k in c("dynamic", "gap", "coef")) {
    r <- x$rows(k)
    if (nrow(r) > 0L && k != "coef") return(list(kind = k, rows = r))
  }
  NULL
}

#' Plot an effect estimate with base graphics: the effect over event time
#' @param x a "gidx_effect"
#' @param ... passed to plot()
#' @return x, invisibly
plot.gidx_effect <- function(x, ...) {
  p <- .gidx_effect_plot_rows(x)
  if (is.null(p)) {
    s <- x$summary
    graphics::plot(1, s[["estimate"]], ylim = range(c(0, s[c("ci_low", "ci_high")]), na.rm = TRUE),
                   xaxt = "n", xlab = x$method, ylab = x$outcome, pch = 19, ...)
    graphics::arrows(1, s[["ci_low"]], 1, s[["ci_high"]], angle = 90, code = 3, length = 0.05)
  } else {
    r <- p$rows
    graphics::plot(r$time, r$estimate, type = "o", pch = 19, xlab = "time", ylab = x$outcome,
                   main = paste(x$method, p$kind), ...)
    z <- stats::qnorm(0.5 + x$level / 200)  # normal bands at the estimation level
    ok <- !is.na(r$se)
    if (any(ok)) graphics::arrows(r$time[ok], (r$estimate - z * r$se)[ok], r$time[ok],
                                  (r$estimate + z * r$se)[ok], angle = 90, code = 3, length = 0.03)
  }
  graphics::abline(h = 0, lty = 2)
  invisible(x)
}

#' ggplot2 plot of an effect estimate over event time
#' @param object a "gidx_effect"
#' @param ... unused
#' @return a ggplot object
autoplot.gidx_effect <- function(object, ...) {
  if (!requireNamespace("ggplot2", quietly = TRUE)) .gidx_unsupported("autoplot needs ggplot2")
  p <- .gidx_effect_plot_rows(object)
  r <- if (is.null(p)) data.frame(time = 0, estimate = object$summary[["estimate"]], se = object$summary[["se"]]) else p$rows
  ggplot2::ggplot(r, ggplot2::aes(x = .data$time, y = .data$estimate)) +
    ggplot2::geom_hline(yintercept = 0, linetype = 2) + ggplot2::geom_point() + ggplot2::geom_line() +
    ggplot2::labs(title = paste(object$method, "effect on", object$outcome), x = "time", y = object$outcome)
}
