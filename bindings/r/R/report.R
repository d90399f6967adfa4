# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later

#' A fan chart (observed series, forecast with interval bands, target path)
#' drawn by libgreenidx, as an SVG string.
#'
#' `lo` and `hi` are matrices with one row per interval level (`levels`, in
#' percent) and one column per forecast year. Integer and double vectors are
#' both accepted.
gidx_svg_fan_chart <- function(obs_years = integer(), obs = numeric(),
                               fc_years = integer(), mean = numeric(),
                               levels = numeric(), lo = NULL, hi = NULL,
                               target_years = integer(), target = numeric(),
                               title = "", unit = "") {
  nl <- length(levels)
  flat <- function(m) if (is.null(m)) numeric() else as.numeric(t(matrix(m, nrow = nl)))
  C_gidx_b_fan_chart(NULL, as.character(title), as.character(unit),
                     as.integer(obs_years), as.numeric(obs), as.integer(fc_years), as.numeric(mean),
                     as.numeric(levels), flat(lo), flat(hi),
                     as.integer(target_years), as.numeric(target))
}

#' The roadmap pipeline of `greenidx report` (indicators, validation, index
#' with rank intervals, benchmarking, forecasts to the horizon with target
#' probabilities), rendered by libgreenidx.
#'
#' @param data a dataset from gidx_load_default(), gidx_load_csv() or
#'   gidx_load_jsonstat(); NULL for the embedded Telemark data
#' @param catalog a catalogue from gidx_catalog(); NULL for the built-in one
#' @param regions region codes or names (default: all)
#' @param target a named target record of the catalogue (NULL = municipal_2009)
#' @param horizon the last forecast year
#' @param mc Monte Carlo replications for the rank intervals
#' @param seed random seed
#' @param format "text", "json" or "html"
#' @param lang "en" or "nb" (Norwegian bokmål: the whole report, decimal comma, a space
#'   between thousands)
#' @param xlsx a path: also write the report's tables there as an .xlsx workbook (NULL = no)
#' @return the rendered report as one string; with `xlsx`, its sheet names in the
#'   attribute "sheets"
gidx_roadmap <- function(data = NULL, catalog = NULL, regions = character(), target = NULL,
                         horizon = 2030L, mc = 500L, seed = 1L,
                         format = c("text", "json", "html"), lang = c("en", "nb"), xlsx = NULL) {
  format <- match.arg(format)
  lang <- match.arg(lang)
  if (is.null(data)) data <- C_gidx_dataset_load_default()
  if (is.null(catalog)) catalog <- C_gidx_catalog_default()
  o <- gidx_roadmap_options()
  if (!is.null(target)) o$target <- as.character(target)
  o$horizon <- as.integer(horizon)
  o$mc <- as.numeric(mc)
  o$seed <- as.numeric(seed)
  r <- C_gidx_b_roadmap(data, catalog, as.character(regions), o, lang)
  out <- C_gidx_report_render(r, match(format, c("text", "json", "html")) - 1L)
  if (!is.null(xlsx)) {
    wb <- C_gidx_workbook_new()
    C_gidx_report_to_workbook(wb, r)
    C_gidx_workbook_write(wb, as.character(xlsx))
    attr(out, "sheets") <- vapply(seq_len(C_gidx_workbook_nsheets(wb)) - 1,
                                  function(i) C_gidx_workbook_sheet_name(wb, i), "")
  }
  out
}
