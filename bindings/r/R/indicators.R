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
gidx_catalog <- function(path = NULL) {
  gidx_check(gidx_r_catalog(if (is.null(path)) "" else as.character(path)))
}

#' Render a catalogue: "table", "csv" or "json" (canonical JSON) text.
gidx_catalog_text <- function(catalog, format = c("table", "json", "csv")) {
  format <- match.arg(format)
  gidx_check(gidx_r_catalog_render(catalog, .gidx_ind_format[[format]]))
}

#' The catalogue's indicators as a data.frame (id, names, pillar, direction, unit, target, source, formula).
gidx_catalog_frame <- function(catalog) {
  utils::read.csv(text = gidx_catalog_text(catalog, "csv"), colClasses = "character",
                  na.strings = character(0), encoding = "UTF-8")
}

.gidx_long_csv <- function(data) {
  need <- c("region", "year", "variable", "value")
  miss <- setdiff(need, names(data))
  if (length(miss)) stop("data needs column(s) ", paste(miss, collapse = ", "))
  d <- data[need]
  d$value <- ifelse(is.na(d$value), "", formatC(as.numeric(d$value), digits = 17, format = "g"))
  con <- textConnection("out", "w", local = TRUE)
  utils::write.csv(d, con, row.names = FALSE, quote = TRUE, na = "")
  close(con)
  paste(out, collapse = "\n")
}

#' Evaluate a catalogue on long data (region, year, variable, value; NULL =
#' the embedded Telemark data): a data.frame with columns region_code,
#' region_name, year, indicator, value and reason (why a value is missing).
gidx_indicators <- function(data = NULL, catalog = gidx_catalog(), region = NULL) {
  panel <- gidx_check(gidx_r_panel(catalog, if (is.null(data)) NULL else .gidx_long_csv(data)))
  csv <- gidx_check(gidx_r_panel_render(panel, 1L, NULL))
  df <- utils::read.csv(text = csv, colClasses = c("character", "character", "integer",
                                                   "character", "numeric"), encoding = "UTF-8")
  df$reason <- gidx_check(gidx_r_panel_reasons(panel))
  df$reason[df$reason == ""] <- NA_character_
  if (!is.null(region)) {
    keep <- df$region_code == region | tolower(df$region_name) == tolower(region)
    if (!any(keep)) stop("region \"", region, "\" is not in the data (by code or name)")
    df <- df[keep, ]
    rownames(df) <- NULL
  }
  attr(df, "panel") <- panel
  df
}

#' Validate the indicator panel of gidx_indicators(): a list with the findings
#' (data.frame check, indicator, region, year, value, message), Cronbach's
#' alpha per pillar (named numeric) and the text report.
gidx_validate <- function(indicators) {
  panel <- attr(indicators, "panel")
  if (is.null(panel)) stop("gidx_validate needs the result of gidx_indicators()")
  v <- gidx_check(gidx_r_validation(panel))
  csv <- gidx_check(gidx_r_validation_render(v, 1L))
  all <- utils::read.csv(text = csv, colClasses = c("character", "character", "character",
                                                    "integer", "numeric", "character"),
                         na.strings = "", encoding = "UTF-8")
  alpha <- all[all$check == "cronbach_alpha", ]
  list(findings = all[!(all$check %in% c("cronbach_alpha", "coverage")), ],
       coverage = all[all$check == "coverage", c("indicator", "region", "value")],
       alpha = stats::setNames(alpha$value, alpha$indicator),
       text = gidx_check(gidx_r_validation_render(v, 0L)))
}
