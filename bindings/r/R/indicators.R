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
  if (is.null(path)) C_gidx_catalog_default() else C_gidx_catalog_load_json(as.character(path))
}

#' Render a catalogue: "table", "csv" or "json" (canonical JSON) text.
#' @param catalog a catalogue from gidx_catalog()
#' @param format table, json or csv
gidx_catalog_text <- function(catalog, format = c("table", "json", "csv")) {
  format <- match.arg(format)
  C_gidx_catalog_render(catalog, .gidx_ind_format[[format]])
}

#' The catalogue's indicators as a data.frame (id, names, pillar, direction, unit, target, source, formula).
#' @param catalog a catalogue from gidx_catalog()
gidx_catalog_frame <- function(catalog) {
  utils::read.csv(text = gidx_catalog_text(catalog, "csv"), colClasses = "character",
                  na.strings = character(0), encoding = "UTF-8")
}

# Years from integers, whole numbers, Date or POSIXct (read as their year);
# anything else is a gidx_edata condition naming the first bad value.
.gidx_years <- function(y) {
  if (inherits(y, c("Date", "POSIXt"))) y <- as.integer(format(y, "%Y"))
  v <- suppressWarnings(as.numeric(y))
  bad <- is.na(v) | v != round(v)
  if (any(bad))
    stop(structure(class = c("gidx_edata", "gidx_error", "error", "condition"),
                   list(message = sprintf("year: %s at row %d is not a whole year, a Date or a POSIXct",
                                          format(y[which(bad)[1L]]), which(bad)[1L]),
                        call = sys.call(-1L), code = -5L)))
  as.integer(v)
}

# A new dataset from long data (region, year, variable, value; NA =
# missing), regions named from the registry as the command does.
.gidx_dataset_of <- function(data) {
  need <- c("region", "year", "variable", "value")
  miss <- setdiff(need, names(data))
  if (length(miss)) .gidx_einval(paste0("data needs column(s) ", paste(miss, collapse = ", ")))
  r <- as.character(data$region); v <- as.character(data$variable)
  y <- .gidx_years(data$year); x <- as.numeric(data$value)
  empty <- is.na(r) | !nzchar(r) | is.na(v) | !nzchar(v)
  if (any(empty)) {
    k <- which(empty)[1L]
    stop(structure(class = c("gidx_edata", "gidx_error", "error", "condition"),
                   list(message = sprintf("data: row %d: empty %s", k,
                                          if (is.na(r[k]) || !nzchar(r[k])) "region" else "variable name"),
                        call = sys.call(-1L), code = -5L)))
  }
  dup <- duplicated(data.frame(r, y, v))
  if (any(dup)) {
    k <- which(dup)[1L]
    j <- which(r == r[k] & y == y[k] & v == v[k])[1L]
    stop(structure(class = c("gidx_eduplicate", "gidx_error", "error", "condition"),
                   list(message = sprintf("data: row %d: region %s, year %d, variable %s is already given in row %d",
                                          k, r[k], y[k], v[k], j), call = sys.call(-1L), code = -17L)))
  }
  ds <- C_gidx_dataset_new()
  for (k in seq_along(r))
    C_gidx_dataset_set(ds, r[k], y[k], v[k], if (is.na(x[k])) 0 else x[k], if (is.na(x[k])) 1L else 0L)
  reg <- C_gidx_registry_load_default()
  for (code in unique(r)) {
    i <- tryCatch(C_gidx_registry_find_code(reg, code, 0L), gidx_error = function(e) NULL)
    if (!is.null(i)) C_gidx_dataset_set_region_name(ds, code, C_gidx_registry_name(reg, i))
  }
  ds
}

.gidx_panel_of <- function(catalog, data) {
  if (is.null(data)) data <- C_gidx_dataset_load_default()
  if (is.character(data) && length(data) == 1)
    data <- utils::read.csv(data, colClasses = c(region = "character", variable = "character"),
                            encoding = "UTF-8")
  if (!inherits(data, "gidx_dataset")) data <- .gidx_dataset_of(data)
  # the panel reads the dataset and the catalogue, so it keeps both alive
  p <- C_gidx_panel_new(catalog, data)
  attr(p, "data") <- data
  attr(p, "catalog") <- catalog
  p
}

# The whole panel as columns region_code, region_name, year, indicator,
# value (NA where missing) and reason (NA where present), rows ordered by
# region, year, indicator.
.gidx_panel_frame <- function(p, region = NULL) {
  ds <- C_gidx_panel_dataset(p); cat <- C_gidx_panel_catalog(p)
  codes <- .gidx_ds_axis(ds, C_gidx_dataset_nregions, C_gidx_dataset_region)
  if (!is.null(region)) {
    names <- vapply(codes, function(r) C_gidx_dataset_region_name(ds, r), "")
    hit <- lapply(as.character(region), function(r) codes[codes == r | tolower(names) == tolower(r)])
    if (any(lengths(hit) == 0L))
      stop(structure(class = c("gidx_enotfound", "gidx_error", "error", "condition"),
                     list(message = sprintf("region \"%s\" is not in the data (by code or name)",
                                            as.character(region)[lengths(hit) == 0L][1L]),
                          call = sys.call(-1L), code = -6L)))
    codes <- codes[codes %in% unlist(hit)]
  }
  years <- .gidx_ds_axis(ds, C_gidx_dataset_nyears, C_gidx_dataset_year)
  ids <- vapply(seq_len(C_gidx_catalog_count(cat)) - 1,
                function(i) C_gidx_indicator_id(C_gidx_catalog_indicator(cat, i)), "")
  g <- expand.grid(indicator = ids, year = years, region_code = codes, stringsAsFactors = FALSE)
  cells <- C_gidx_b_panel_cells(nrow(g), p, codes)
  val <- cells$values
  val[is.nan(val)] <- NA_real_
  why <- strsplit(cells$reasons, "\n", fixed = TRUE)[[1]]
  why <- c(why, rep("", nrow(g) - length(why)))  # strsplit drops trailing empty lines
  names <- vapply(codes, function(r) C_gidx_dataset_region_name(ds, r), "")
  data.frame(region_code = g$region_code, region_name = unname(names[g$region_code]), year = g$year,
             indicator = g$indicator, value = val, reason = ifelse(nzchar(why), why, NA_character_),
             stringsAsFactors = FALSE)
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
  df <- .gidx_panel_frame(panel, region)
  attr(df, "panel") <- panel
  # what gidx_validate() needs to rebuild the panel after saveRDS/readRDS
  # (an external pointer does not survive them): the cells and the catalogue
  # (NULL data: the embedded data again)
  src <- if (inherits(data, "gidx_dataset")) gidx_cells(data)[c("region", "year", "variable", "value")] else data
  attr(df, "gidx_source") <- list(data = src,
                                  catalog = C_gidx_catalog_render(catalog, .gidx_ind_format[["json"]]))
  df
}

#' Validate the indicator panel of gidx_indicators(): a list with the findings
#' (data.frame check, indicator, region, year, value, message), coverage,
#' Cronbach's alpha per pillar on raw and on standardised values (named
#' numerics) and the text report.
#' @param indicators the data.frame returned by gidx_indicators() (also after saveRDS/readRDS)
#' @return a list of class "gidx_validation" (print, summary, format, as.data.frame, plot)
gidx_validate <- function(indicators) {
  panel <- attr(indicators, "panel")
  if (is.null(panel) || !gidx_is_open(panel)) {
    src <- attr(indicators, "gidx_source")
    if (is.null(src)) .gidx_einval("gidx_validate needs the result of gidx_indicators()")
    cat <- C_gidx_catalog_parse_json(src$catalog, "catalogue")
    panel <- .gidx_panel_of(cat, src$data)
  }
  v <- C_gidx_validation_new(panel, gidx_validation_options())
  csv <- C_gidx_validation_render(v, 1L)
  all <- utils::read.csv(text = csv, colClasses = c("character", "character", "character",
                                                    "integer", "numeric", "character"),
                         na.strings = "", encoding = "UTF-8")
  alpha <- all[all$check == "cronbach_alpha", ]
  alpha_std <- all[all$check == "cronbach_alpha_standardized", ]
  structure(class = "gidx_validation",
       list(findings = all[!(all$check %in% c("cronbach_alpha", "cronbach_alpha_standardized", "coverage")), ],
       coverage = all[all$check == "coverage", c("indicator", "region", "value")],
       alpha = stats::setNames(alpha$value, alpha$indicator),
       alpha_standardized = stats::setNames(alpha_std$value, alpha_std$indicator),
       text = C_gidx_validation_render(v, 0L)))
}

#' Parse one indicator formula in the catalogue's formula language, e.g.
#' "100 * (ghg_total / base(ghg_total, 2009) - 1)": a list with the text,
#' the variables it reads and the parsed handle. A syntax error is a
#' gidx_eparse condition naming the column.
#' @param text the formula
#' @return a list of class "gidx_formula": text, variables, ptr
gidx_formula <- function(text) {
  p <- C_gidx_formula_parse(as.character(text))
  vars <- vapply(seq_len(C_gidx_formula_nvariables(p)) - 1, function(i) C_gidx_formula_variable(p, i), "")
  structure(list(ptr = p, text = C_gidx_formula_text(p), variables = vars), class = "gidx_formula")
}

#' Evaluate a formula for every region and year of a dataset: a data.frame
#' with region, year, value (NA where missing) and reason (why it is missing).
#' @param formula a formula from gidx_formula()
#' @param data a dataset (gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
gidx_formula_eval <- function(formula, data) {
  regions <- .gidx_ds_axis(data, C_gidx_dataset_nregions, C_gidx_dataset_region)
  years <- .gidx_ds_axis(data, C_gidx_dataset_nyears, C_gidx_dataset_year)
  g <- expand.grid(year = years, region = regions, stringsAsFactors = FALSE)
  cells <- Map(function(r, y) C_gidx_formula_eval(formula$ptr, data, r, y, NULL), g$region, g$year)
  val <- vapply(cells, function(c) c$value, 1, USE.NAMES = FALSE)
  val[is.nan(val)] <- NA_real_
  why <- vapply(cells, function(c) c$reason, "", USE.NAMES = FALSE)
  data.frame(region = g$region, year = g$year, value = val,
             reason = ifelse(nzchar(why), why, NA_character_), stringsAsFactors = FALSE)
}

# ---- S3 methods of the validation report and the formula (bindA) ----

#' Format a validation report: its number of findings and checks.
#' @param x a report from gidx_validate()
#' @param ... unused
#' @return one string
format.gidx_validation <- function(x, ...) {
  sprintf("<gidx_validation: %d findings in %d checks>", nrow(x$findings), length(unique(x$findings$check)))
}

#' Print a validation report: the findings counted per check.
#' @param x a report from gidx_validate()
#' @param ... unused
#' @return `x`, invisibly
#' @examples
#' v <- gidx_validate(gidx_indicators(region = "Skien"))
#' format(v)
#' head(summary(v), 3)
print.gidx_validation <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  print(summary(x))
  invisible(x)
}

#' The findings counted per check and indicator.
#' @param object a report from gidx_validate()
#' @param ... unused
#' @return data.frame(check, indicator, n), most findings first
summary.gidx_validation <- function(object, ...) {
  f <- object$findings
  if (nrow(f) == 0L) return(data.frame(check = character(), indicator = character(), n = integer()))
  n <- stats::aggregate(list(n = rep(1L, nrow(f))), list(check = f$check, indicator = f$indicator), sum)
  n <- n[order(-n$n, n$check, n$indicator), ]
  rownames(n) <- NULL
  n
}

#' The findings of a validation report as a data.frame.
#' @param x a report from gidx_validate()
#' @param row.names unused
#' @param optional unused
#' @param ... unused
#' @return data.frame(check, indicator, region, year, value, message)
as.data.frame.gidx_validation <- function(x, row.names = NULL, optional = FALSE, ...) x$findings

#' Bar chart (base graphics) of the number of findings per check.
#' @param x a report from gidx_validate()
#' @param ... passed to graphics::barplot
#' @return the bar midpoints, invisibly
plot.gidx_validation <- function(x, ...) {
  n <- table(x$findings$check)
  invisible(graphics::barplot(sort(n), horiz = TRUE, las = 1, xlab = "findings", ...))
}

#' ggplot2 bar chart of the number of findings per check.
#' @param object a report from gidx_validate()
#' @param ... unused
#' @return a ggplot object
autoplot.gidx_validation <- function(object, ...) {
  ggplot2::ggplot(object$findings, ggplot2::aes(y = .data$check)) + ggplot2::geom_bar() +
    ggplot2::labs(x = "findings", y = NULL)
}

#' Format a formula: its text and the variables it reads.
#' @param x a formula from gidx_formula()
#' @param ... unused
#' @return one string
format.gidx_formula <- function(x, ...) {
  sprintf("<gidx_formula %s; reads %s>", x$text, paste(x$variables, collapse = ", "))
}

#' Print a formula (see format.gidx_formula).
#' @param x a formula from gidx_formula()
#' @param ... unused
#' @return `x`, invisibly
#' @examples
#' gidx_formula("ghg_total / population")
print.gidx_formula <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}
