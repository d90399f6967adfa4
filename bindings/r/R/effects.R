# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Policy-instrument effect estimators (docs/effects.md). Every number comes
# from libgreenidx.

.gidx_effect_methods <- c(did = 0, twfe = 1, event = 2, csdid = 3, synth = 4, fe = 5)
.gidx_effect_options <- c("treated", "treat_col", "group_col", "treat_time", "covariates",
                          "predictors", "se", "control", "twoways", "balanced", "seed", "nboot",
                          "level", "ref_period", "placebo", "leave_one_out", "nstarts", "pre_from")

#' Estimate a policy effect from a long data.frame.
#'
#' @param data a data.frame with one row per unit and time
#' @param method "did", "twfe", "event", "csdid", "synth" or "fe"
#' @param unit the unit column
#' @param time the time column
#' @param outcome the outcome column
#' @param ... options: treated, treat_col, group_col, treat_time, covariates
#'   (character vector), predictors, se ("classical", "robust", "cluster", "cr2"),
#'   control ("never", "notyet"), twoways, balanced, seed, nboot, level,
#'   ref_period, placebo, leave_one_out, nstarts, pre_from
#' @return an object of class "gidx_effect": a list with `summary` (named
#'   numeric), `json` (the library's JSON text), `path` (effect per period since
#'   adoption) and `rows(kind)` returning a data.frame
gidx_effect <- function(data, method, unit, time, outcome, ...) {
  o <- list(...)
  .gidx_known_args(names(o), .gidx_effect_options)
  method <- .gidx_choice(method, names(.gidx_effect_methods), "method")
  vars <- setdiff(names(data)[vapply(data, is.numeric, logical(1))], c(unit, time))
  panel <- gidx_check(gidx_r_effect_panel(as.character(data[[unit]]), as.numeric(data[[time]]),
                                          lapply(data[vars], as.numeric)))
  opts <- list(method = unname(.gidx_effect_methods[method]), outcome = outcome)
  for (k in c("treated", "treat_col", "group_col", "predictors"))
    if (!is.null(o[[k]])) opts[[k]] <- paste(o[[k]], collapse = ",")
  if (!is.null(o[["covariates"]])) opts[["covariates"]] <- paste(o[["covariates"]], collapse = ",")
  for (k in c("treat_time", "seed", "nboot", "level", "ref_period", "nstarts", "pre_from"))
    if (!is.null(o[[k]])) opts[[k]] <- as.numeric(o[[k]])
  for (k in c("twoways", "balanced", "placebo", "leave_one_out"))
    if (!is.null(o[[k]])) opts[[k]] <- as.numeric(isTRUE(o[[k]]))
  if (!is.null(o[["se"]]))
    opts[["se"]] <- match(.gidx_choice(o[["se"]], c("classical", "robust", "cluster", "cr2"), "se"),
                          c("classical", "robust", "cluster", "cr2"))
  if (!is.null(o[["control"]]))
    opts[["control"]] <- match(.gidx_choice(o[["control"]], c("never", "notyet"), "control"),
                               c("never", "notyet")) - 1
  res <- gidx_check(gidx_r_effect_estimate(panel, opts))
  val <- function(k) gidx_check(gidx_r_effect_value(res, k))
  structure(list(
    summary = c(estimate = val("estimate"), se = val("se"), ci_low = val("ci_low"),
                ci_high = val("ci_high"), p_value = val("p_value")),
    value = val,
    rows = function(kind) as.data.frame(gidx_check(gidx_r_effect_rows(res, kind)),
                                        stringsAsFactors = FALSE),
    path = function(n = 0) gidx_check(gidx_r_effect_path(res, n)),
    render = function(format = "json")
      gidx_check(gidx_r_effect_render(res, match(format, c("json", "csv", "table")) - 1)),
    handle = res), class = "gidx_effect")
}

#' Print the library's text table of an effect estimate.
print.gidx_effect <- function(x, ...) {
  cat(x$render("table"))
  invisible(x)
}
