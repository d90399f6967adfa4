# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Indicator catalogues, indicator panels and validation reports from R. Every
# number comes from the C library; data go in as a long data.frame (region,
# year, variable, value) or are the embedded Telemark data, and results come
# back as data.frames.

.gidx_ind_format <- c(text = 0L, table = 0L, csv = 1L, json = 2L)

#' An indicator catalogue: the built-in default (path = NULL) or a JSON file.
#' @param path a catalogue JSON file, or NULL for the built-in default
gidx_catalog <- function(path = NULL) {
  gidx_check(gidx_r_catalog(if (is.null(path)) "" else as.character(path)))
}

#' Render a catalogue: "table", "csv" or "json" (canonical JSON) text.
#' @param catalog a catalogue from gidx_catalog()
#' @param format table, json or csv
gidx_catalog_text <- function(catalog, format = c("table", "json", "csv")) {
  format <- match.arg(format)
  gidx_check(gidx_r_catalog_render(catalog, .gidx_ind_format[[format]]))
}

#' The catalogue's indicators as a data.frame (id, names, pillar, direction, unit, target, source, formula).
#' @param catalog a catalogue from gidx_catalog()
gidx_catalog_frame <- function(catalog) {
  utils::read.csv(text = gidx_catalog_text(catalog, "csv"), colClasses = "character",
                  na.strings = character(0), encoding = "UTF-8")
}

.gidx_panel_of <- function(catalog, data) {
  if (is.null(data)) return(gidx_check(gidx_r_panel(catalog, NULL)))
  if (inherits(data, "gidx_dataset")) {
    # a dataset handle (gidx_load_default(), gidx_load_csv(), ...): the panel
    # reads it and the catalogue, so it keeps both alive
    p <- C_gidx_panel_new(catalog, data)
    attr(p, "data") <- data
    attr(p, "catalog") <- catalog
    return(p)
  }
  if (is.character(data) && length(data) == 1)
    data <- utils::read.csv(data, colClasses = c(region = "character", variable = "character"),
                            encoding = "UTF-8")
  need <- c("region", "year", "variable", "value")
  miss <- setdiff(need, names(data))
  if (length(miss)) stop("data needs column(s) ", paste(miss, collapse = ", "))
  r <- as.character(data$region)
  v <- as.character(data$variable)
  rl <- unique(r)
  vl <- unique(v)
  gidx_check(gidx_r_panel_columns(catalog, rl, match(r, rl), as.integer(data$year), vl, match(v, vl),
                                  as.numeric(data$value)))
}

#' Evaluate a catalogue on long data (region, year, variable, value; NULL =
#' the embedded Telemark data): a data.frame with columns region_code,
#' region_name, year, indicator, value and reason (why a value is missing).
#' @param data a dataset handle (gidx_load_default(), gidx_load_csv(), ...), long data
#'   (region, year, variable, value) as a data.frame or CSV path; NULL = the embedded
#'   Telemark data
#' @param catalog a catalogue from gidx_catalog()
#' @param region region codes or names to keep (NULL = all); one not in the data is an
#'   error of class "gidx_enotfound"
gidx_indicators <- function(data = NULL, catalog = gidx_catalog(), region = NULL) {
  panel <- .gidx_panel_of(catalog, data)
  df <- as.data.frame(gidx_check(gidx_r_panel_frame(panel)), stringsAsFactors = FALSE)
  if (!is.null(region)) {
    region <- as.character(region)
    found <- vapply(region, function(r) any(df$region_code == r | tolower(df$region_name) == tolower(r)),
                    logical(1))
    if (!all(found))
      stop(structure(class = c("gidx_enotfound", "gidx_error", "error", "condition"),
                     list(message = sprintf("region \"%s\" is not in the data (by code or name)",
                                            region[!found][1L]), call = sys.call(), code = -6L)))
    keep <- df$region_code %in% region | tolower(df$region_name) %in% tolower(region)
    df <- df[keep, ]
    rownames(df) <- NULL
  }
  attr(df, "panel") <- panel
  df
}

#' Validate the indicator panel of gidx_indicators(): a list with the findings
#' (data.frame check, indicator, region, year, value, message), coverage,
#' Cronbach's alpha per pillar on raw and on standardised values (named
#' numerics) and the text report.
#' @param indicators the data.frame returned by gidx_indicators()
gidx_validate <- function(indicators) {
  panel <- attr(indicators, "panel")
  if (is.null(panel)) stop("gidx_validate needs the result of gidx_indicators()")
  v <- gidx_check(gidx_r_validation(panel))
  csv <- gidx_check(gidx_r_validation_render(v, 1L))
  all <- utils::read.csv(text = csv, colClasses = c("character", "character", "character",
                                                    "integer", "numeric", "character"),
                         na.strings = "", encoding = "UTF-8")
  alpha <- all[all$check == "cronbach_alpha", ]
  alpha_std <- all[all$check == "cronbach_alpha_standardized", ]
  list(findings = all[!(all$check %in% c("cronbach_alpha", "cronbach_alpha_standardized", "coverage")), ],
       coverage = all[all$check == "coverage", c("indicator", "region", "value")],
       alpha = stats::setNames(alpha$value, alpha$indicator),
       alpha_standardized = stats::setNames(alpha_std$value, alpha_std$indicator),
       text = gidx_check(gidx_r_validation_render(v, 0L)))
}

#' Parse one indicator formula in the catalogue's formula language, e.g.
#' "100 * (ghg_total / base(ghg_total, 2009) - 1)": a list with the text,
#' the variables it reads and the parsed handle. A syntax error is a
#' gidx_eparse condition naming the column.
#' @param text the formula
gidx_formula <- function(text) {
  p <- gidx_check(gidx_r_formula(as.character(text)))
  info <- gidx_check(gidx_r_formula_info(p))
  structure(list(ptr = p, text = info[1], variables = info[-1]), class = "gidx_formula")
}

#' Evaluate a formula for every region and year of a dataset: a data.frame
#' with region, year, value (NA where missing) and reason (why it is missing).
#' @param formula a formula from gidx_formula()
#' @param data a dataset (gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
gidx_formula_eval <- function(formula, data) {
  as.data.frame(gidx_check(gidx_r_formula_grid(formula$ptr, data)), stringsAsFactors = FALSE)
}
