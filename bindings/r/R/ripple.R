# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Ripple effects (ringvirkninger) from R: input-output models, multipliers,
# location quotients and shocks (Miller & Blair 2009; Flegg & Tohmo 2013).
# Every number comes from libgreenidx; errors are gidx_error conditions.

.gidx_io_quantities <- c("output", "employment", "value_added", "labour_income", "emissions",
                         "imports", "leakage_rest_of_norway")
.gidx_io_parts <- c("direct", "indirect", "induced", "total")
.gidx_io_q <- function(quantity) {
  q <- match(quantity, .gidx_io_quantities)
  if (is.na(q)) stop("unknown quantity '", quantity, "'; one of ",
                     paste(.gidx_io_quantities, collapse = ", "))
  as.integer(q - 1L)
}
.gidx_io_lq <- function(method) {
  m <- match(tolower(method), c("slq", "cilq", "flq"))
  if (is.na(m)) stop("method must be slq, cilq or flq")
  as.integer(m)
}

#' An input-output model from a transactions matrix Z (rows sell to
#' columns) and total output x; sector names from names(x) or rownames(Z).
#' @param Z the transactions matrix (flow from row sector to column sector)
#' @param x total output by sector
#' @param sectors sector names
gidx_io_model <- function(Z, x, sectors = names(x)) {
  Z <- as.matrix(Z); storage.mode(Z) <- "double"
  if (is.null(sectors)) sectors <- rownames(Z)
  C_gidx_io_model_new(Z, as.numeric(x), if (is.null(sectors)) NULL else as.character(sectors))
}

#' Load a model from a folder with Z.csv, x.csv and optional satellites.csv
#' and households.csv.
#' @param path a folder with Z.csv, x.csv and optional satellites.csv and households.csv
gidx_io_load <- function(path) C_gidx_io_model_load(path.expand(as.character(path)))

#' Statistics Norway's input-output table for Norway of `year` (2012-2021):
#' 62 industries (SSB's codes R01 ... RT), NOK million, with value added,
#' labour income (D1), imported intermediates, greenhouse gases (t CO2e) and
#' employment (SSB 13470 spread by D1; see gidx_io_note()); households close
#' type II. gidx_io_model_norway() in C.
#' @param year 2012 ... 2021
gidx_io_norway <- function(year = 2021L) C_gidx_io_model_norway(as.integer(year))

#' SSB's input-output workbooks as published: table 1850 (domestic) and
#' table 1950 (imports) of one year. gidx_io_model_load_ssb() in C.
#' @param domestic the 1850 workbook
#' @param imports the 1950 workbook
gidx_io_load_ssb <- function(domestic, imports) {
  C_gidx_io_model_load_ssb(path.expand(as.character(domestic)),
                           path.expand(as.character(imports)))
}

#' What to tell users about a model: the table, the employment key and its
#' year, the regionalisation (one sentence per line), or NULL.
#' @param model an input-output model
gidx_io_note <- function(model) C_gidx_io_model_note(model)

#' Sector names of a model.
#' @param model an input-output model
gidx_io_sectors <- function(model) {
  vapply(seq_len(C_gidx_io_model_nsectors(model)) - 1, function(i) C_gidx_io_model_sector(model, i),
         character(1))
}

#' Set a satellite (employment, value_added, labour_income, emissions): totals,
#' or coefficients per unit of output when per_unit = TRUE.
#' @param model an input-output model
#' @param quantity employment, value_added, labour_income or emissions
#' @param values one value per sector
#' @param per_unit TRUE when values are coefficients per unit of output
gidx_io_set_satellite <- function(model, quantity, values, per_unit = FALSE) {
  C_gidx_io_model_set_satellite(model, .gidx_io_q(quantity), as.numeric(values),
                                as.integer(as.logical(per_unit)))
  invisible(model)
}

#' Set household consumption by sector (or shares of household income).
#' @param model an input-output model
#' @param values household consumption by sector
#' @param shares TRUE when values are shares of household income
gidx_io_set_households <- function(model, values, shares = FALSE) {
  C_gidx_io_model_set_households(model, as.numeric(values), as.integer(as.logical(shares)))
  invisible(model)
}

.gidx_io_named <- function(M, model, type = 1L) {
  s <- gidx_io_sectors(model)
  if (type == 2L) s <- c(s, "Households")
  dimnames(M) <- list(s, s)
  M
}

#' Technical coefficients A.
#' @param model an input-output model
gidx_io_coefficients <- function(model) {
  n <- C_gidx_io_model_nsectors(model)
  .gidx_io_named(matrix(C_gidx_io_model_coefficients(n * n, model), n, n, byrow = TRUE), model)
}

#' Leontief inverse (type 1) or the inverse of the model closed with households (type 2).
#' @param model an input-output model
#' @param type 1, or 2 for the model closed with households
gidx_io_leontief <- function(model, type = 1L) {
  type <- as.integer(type)
  N <- C_gidx_io_model_nsectors(model) + (type == 2L)
  .gidx_io_named(matrix(C_gidx_io_model_leontief(N * N, model, type), N, N, byrow = TRUE), model, type)
}

#' Ghosh inverse G = x^-1 L x.
#' @param model an input-output model
gidx_io_ghosh <- function(model) {
  n <- C_gidx_io_model_nsectors(model)
  .gidx_io_named(matrix(C_gidx_io_model_ghosh(n * n, model), n, n, byrow = TRUE), model)
}

#' Multipliers per sector, a named vector.
#' @param model an input-output model
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param type 1 or 2
gidx_io_multipliers <- function(model, quantity = "output", type = 1L) {
  m <- C_gidx_io_model_multipliers(C_gidx_io_model_nsectors(model), model, .gidx_io_q(quantity),
                                   as.integer(type))
  stats::setNames(m, gidx_io_sectors(model))
}

#' Location quotients: a vector (SLQ) or a matrix (CILQ, FLQ; rows supplying).
#' @param regional regional employment by industry
#' @param national national employment by industry
#' @param method slq, cilq or flq
#' @param delta the FLQ exponent (default 0.3, Flegg and Tohmo 2013)
gidx_io_location_quotients <- function(regional, national, method = "flq", delta = 0.3) {
  k <- length(regional)
  meth <- .gidx_io_lq(method)
  v <- C_gidx_io_location_quotients(if (meth == 1L) k else k * k, meth, as.numeric(delta),
                                    as.numeric(regional), as.numeric(national))
  if (meth == 1L) v else matrix(v, k, k, byrow = TRUE)
}

#' A regional model by location quotients; industry gives each sector's
#' industry (1-based index into regional/national), NULL when they coincide.
#' @param model a national input-output model
#' @param regional regional employment by industry
#' @param national national employment by industry
#' @param method slq, cilq or flq
#' @param delta the FLQ exponent
#' @param industry each sector's industry (1-based), NULL when sectors are the industries
gidx_io_regionalise <- function(model, regional, national, method = "flq", delta = 0.3,
                                industry = NULL) {
  if (!is.null(industry) && (anyNA(industry) || any(industry < 1)))
    .gidx_einval("industry: 1-based industry indices, one per sector")
  C_gidx_io_model_regionalise(model, .gidx_io_lq(method), as.numeric(delta),
                              as.numeric(regional), as.numeric(national),
                              if (is.null(industry)) NULL else as.numeric(industry) - 1)
}

#' A regional model for a region of a dataset: the region's employment by
#' the 16 SN2007 groups of SSB table 13470 against the national employment
#' of the model's employment satellite. Sectors are matched to groups by
#' their SN2007 codes or labels, or through a concordance CSV
#' (sector,industry). Returns list(model, year).
#' @param model a national input-output model with an employment satellite
#' @param data a dataset (gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param region a region code or name
#' @param year the employment year, 0 for the latest complete one
#' @param method slq, cilq or flq
#' @param delta the FLQ exponent
#' @param concordance a concordance file, or NULL
#' @param national_region a region of the dataset for the national side, or NULL for the satellite
gidx_io_regionalise_region <- function(model, data, region, year = 0L, method = "flq", delta = 0.3,
                                       concordance = NULL, national_region = NULL) {
  o <- list(year = as.integer(year), method = .gidx_io_lq(method), delta = as.numeric(delta))
  if (!is.null(concordance)) o$concordance <- path.expand(as.character(concordance))
  if (!is.null(national_region)) o$national_region <- as.character(national_region)
  r <- C_gidx_io_model_regionalise_dataset(model, data, as.character(region), o)
  list(model = r$out, year = r$year_used)
}

#' A region's employment by the 16 SN2007 groups of SSB table 13470, named
#' by group, with attribute "year" (the year used).
#' @param data a dataset
#' @param region a region code or name
#' @param year the year, 0 for the latest with every group present
gidx_io_region_employment <- function(data, region, year = 0L) {
  k <- C_gidx_sn2007_ngroups()
  r <- C_gidx_io_region_employment(k, data, as.character(region), as.integer(year))
  structure(stats::setNames(r$values, vapply(seq_len(k) - 1, C_gidx_sn2007_group, character(1))),
            year = r$year_used)
}

#' Effects of a final-demand change: df is a named vector (sector = amount),
#' a full vector, or a years x sectors matrix (a path). Returns a
#' gidx_io_result; see as.data.frame() and gidx_io_path().
#' @param model an input-output model
#' @param df the final-demand change: named vector, full vector, or years x sectors matrix
#' @param type 1 or 2 (households closed: induced effects)
#' @param first_year the year of the first row of a path
gidx_io_shock <- function(model, df, type = 1L, first_year = 0L) {
  s <- gidx_io_sectors(model)
  if (is.null(dim(df)) && !is.null(names(df))) {
    v <- numeric(length(s))
    idx <- match(names(df), s)
    if (anyNA(idx)) stop("unknown sector(s): ", paste(names(df)[is.na(idx)], collapse = ", "))
    for (k in seq_along(idx)) v[idx[k]] <- v[idx[k]] + df[[k]]
    df <- v
  }
  v <- if (is.null(dim(df))) matrix(as.numeric(df), nrow = 1L) else as.matrix(df)
  storage.mode(v) <- "double"
  r <- C_gidx_io_shock_path(model, v, list(type = as.integer(type), first_year = as.integer(first_year)))
  structure(list(ptr = r), class = "gidx_io_result")
}

#' The effects of year index `year` (1-based) as a data.frame.
as.data.frame.gidx_io_result <- function(x, row.names = NULL, optional = FALSE, year = 1L, ...) {
  r <- x$ptr
  n <- C_gidx_io_result_nsectors(r)
  sec <- vapply(seq_len(n) - 1, function(i) C_gidx_io_result_sector(r, i), character(1))
  qs <- which(vapply(seq_along(.gidx_io_quantities) - 1L,
                     function(q) C_gidx_io_result_has(r, q) == 1L, logical(1)))
  if (!length(qs)) qs <- integer(0)
  parts <- lapply(qs, function(q) {
    cols <- lapply(seq_along(.gidx_io_parts) - 1L,
                   function(p) C_gidx_io_result_get(n, r, year - 1, q - 1L, p))
    names(cols) <- .gidx_io_parts
    mu <- tryCatch(C_gidx_io_result_multipliers(n, r, q - 1L), gidx_error = function(e) rep(NA_real_, n))
    data.frame(sector = sec, quantity = .gidx_io_quantities[q], cols, multiplier = mu,
               stringsAsFactors = FALSE)
  })
  out <- do.call(rbind, parts)
  rownames(out) <- NULL
  out
}

#' Sector totals per year of one quantity and part: a plain vector for scenarios.
#' @param result a result of gidx_io_shock()
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param part direct, indirect, induced or total
gidx_io_path <- function(result, quantity = "output", part = "total") {
  p <- match(part, .gidx_io_parts)
  if (is.na(p)) stop("part must be one of ", paste(.gidx_io_parts, collapse = ", "))
  C_gidx_io_result_path(C_gidx_io_result_nyears(result$ptr), result$ptr, .gidx_io_q(quantity),
                        as.integer(p - 1L))
}

#' The C library's rendering: "table", "csv" or "json".
#' @param result a result of gidx_io_shock()
#' @param format table, csv or json
gidx_io_text <- function(result, format = "table") {
  f <- match(format, c("table", "csv", "json"))
  if (is.na(f)) stop("format must be table, csv or json")
  C_gidx_io_result_format(result$ptr, as.integer(f - 1L))
}

print.gidx_io_result <- function(x, ...) {
  cat(gidx_io_text(x, "table"))
  invisible(x)
}
