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

# The unit of each quantity (NOK million: the currency of SSB's tables, as
# gidx_io_norway(); a model built from flows has the currency of its flows).
.gidx_io_units <- c(output = "NOK million", employment = "persons", value_added = "NOK million",
                    labour_income = "NOK million", emissions = "t CO2e", imports = "NOK million",
                    leakage_rest_of_norway = "NOK million")

# A year from a number, a Date or a date-time (POSIXct/POSIXlt), never the
# days since 1970 that as.integer() of a Date gives.
.gidx_year1 <- function(x, what = "year") {
  if (inherits(x, c("Date", "POSIXt"))) x <- as.integer(format(x, "%Y"))
  if (length(x) != 1L || !is.numeric(x) || is.na(x) || x != round(x))
    .gidx_einval(sprintf("%s = %s: must be one whole year, a Date or a date-time", what,
                         paste(deparse(x), collapse = " ")), call = sys.call(-1L))
  as.integer(x)
}

# Arguments in `...` that no parameter takes: an error of class gidx_einval
# naming them (R would say "unused argument" with no gidx_* class).
.gidx_no_dots <- function(dots, fn) {
  if (length(dots)) {
    nm <- names(dots)
    if (is.null(nm)) nm <- rep("", length(dots))
    nm[!nzchar(nm)] <- "(unnamed)"
    .gidx_einval(sprintf("%s: unknown argument%s %s (known: %s)", fn,
                         if (length(nm) > 1L) "s" else "", paste(nm, collapse = ", "),
                         paste(setdiff(names(formals(sys.function(-1L))), "..."), collapse = ", ")),
                 call = sys.call(-1L))
  }
  invisible(TRUE)
}

#' An input-output model from a transactions matrix Z (rows sell to
#' columns) and total output x; sector names from names(x) or rownames(Z).
#' @param Z the transactions matrix (flow from row sector to column sector)
#' @param x total output by sector
#' @param sectors sector names
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return an input-output model of class c("gidx_io_model", "gidx_handle")
gidx_io_model <- function(Z, x, sectors = names(x), ...) {
  .gidx_no_dots(list(...), "gidx_io_model")
  Z <- as.matrix(Z); storage.mode(Z) <- "double"
  if (is.null(sectors)) sectors <- rownames(Z)
  C_gidx_io_model_new(Z, as.numeric(x), if (is.null(sectors)) NULL else as.character(sectors))
}

#' Load a model from a folder with Z.csv, x.csv and optional satellites.csv
#' and households.csv.
#' @param path a folder with Z.csv, x.csv and optional satellites.csv and households.csv
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return an input-output model of class c("gidx_io_model", "gidx_handle")
gidx_io_load <- function(path, ...) {
  .gidx_no_dots(list(...), "gidx_io_load")
  C_gidx_io_model_load(path.expand(as.character(path)))
}

#' Statistics Norway's input-output table for Norway of `year` (2012-2021):
#' 62 industries (SSB's codes R01 ... RT), NOK million, with value added,
#' labour income (D1), imported intermediates, greenhouse gases (t CO2e) and
#' employment (SSB 13470 spread by D1; see gidx_io_note()); households close
#' type II. gidx_io_model_norway() in C.
#' @param year 2012 ... 2021 (a number, a Date or a date-time)
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return an input-output model of class c("gidx_io_model", "gidx_handle")
gidx_io_norway <- function(year = 2021L, ...) {
  .gidx_no_dots(list(...), "gidx_io_norway")
  C_gidx_io_model_norway(.gidx_year1(year))
}

#' SSB's input-output workbooks as published: table 1850 (domestic) and
#' table 1950 (imports) of one year. gidx_io_model_load_ssb() in C.
#' @param domestic the 1850 workbook
#' @param imports the 1950 workbook
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return an input-output model of class c("gidx_io_model", "gidx_handle")
gidx_io_load_ssb <- function(domestic, imports, ...) {
  .gidx_no_dots(list(...), "gidx_io_load_ssb")
  C_gidx_io_model_load_ssb(path.expand(as.character(domestic)),
                           path.expand(as.character(imports)))
}

#' What to tell users about a model: the table, the employment key and its
#' year, the regionalisation (one sentence per line), or NULL.
#' @param model an input-output model
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_note <- function(model, ...) {
  .gidx_no_dots(list(...), "gidx_io_note")
  C_gidx_io_model_note(model)
}

#' Sector names of a model.
#' @param model an input-output model
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_sectors <- function(model, ...) {
  .gidx_no_dots(list(...), "gidx_io_sectors")
  vapply(seq_len(C_gidx_io_model_nsectors(model)) - 1, function(i) C_gidx_io_model_sector(model, i),
         character(1))
}

#' Set a satellite (employment, value_added, labour_income, emissions): totals,
#' or coefficients per unit of output when per_unit = TRUE.
#' @param model an input-output model
#' @param quantity employment, value_added, labour_income or emissions
#' @param values one value per sector
#' @param per_unit TRUE when values are coefficients per unit of output
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_set_satellite <- function(model, quantity, values, per_unit = FALSE, ...) {
  .gidx_no_dots(list(...), "gidx_io_set_satellite")
  C_gidx_io_model_set_satellite(model, .gidx_io_q(quantity), as.numeric(values),
                                as.integer(as.logical(per_unit)))
  invisible(model)
}

#' Set household consumption by sector (or shares of household income).
#' @param model an input-output model
#' @param values household consumption by sector
#' @param shares TRUE when values are shares of household income
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_set_households <- function(model, values, shares = FALSE, ...) {
  .gidx_no_dots(list(...), "gidx_io_set_households")
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
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_coefficients <- function(model, ...) {
  .gidx_no_dots(list(...), "gidx_io_coefficients")
  n <- C_gidx_io_model_nsectors(model)
  .gidx_io_named(matrix(C_gidx_io_model_coefficients(n * n, model), n, n, byrow = TRUE), model)
}

#' Leontief inverse (type 1) or the inverse of the model closed with households (type 2).
#' @param model an input-output model
#' @param type 1, or 2 for the model closed with households
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_leontief <- function(model, type = 1L, ...) {
  .gidx_no_dots(list(...), "gidx_io_leontief")
  type <- as.integer(type)
  N <- C_gidx_io_model_nsectors(model) + (type == 2L)
  .gidx_io_named(matrix(C_gidx_io_model_leontief(N * N, model, type), N, N, byrow = TRUE), model, type)
}

#' Ghosh inverse G = x^-1 L x.
#' @param model an input-output model
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_ghosh <- function(model, ...) {
  .gidx_no_dots(list(...), "gidx_io_ghosh")
  n <- C_gidx_io_model_nsectors(model)
  .gidx_io_named(matrix(C_gidx_io_model_ghosh(n * n, model), n, n, byrow = TRUE), model)
}

#' Multipliers per sector, a named vector.
#' @param model an input-output model
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param type 1 or 2
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_multipliers <- function(model, quantity = "output", type = 1L, ...) {
  .gidx_no_dots(list(...), "gidx_io_multipliers")
  m <- C_gidx_io_model_multipliers(C_gidx_io_model_nsectors(model), model, .gidx_io_q(quantity),
                                   as.integer(type))
  stats::setNames(m, gidx_io_sectors(model))
}

#' Location quotients: a vector (SLQ) or a matrix (CILQ, FLQ; rows supplying).
#' @param regional regional employment by industry
#' @param national national employment by industry
#' @param method slq, cilq or flq
#' @param delta the FLQ exponent (default 0.3, Flegg and Tohmo 2013)
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_location_quotients <- function(regional, national, method = "flq", delta = 0.3, ...) {
  .gidx_no_dots(list(...), "gidx_io_location_quotients")
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
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return the regional input-output model, of class c("gidx_io_model", "gidx_handle")
gidx_io_regionalise <- function(model, regional, national, method = "flq", delta = 0.3,
                                industry = NULL, ...) {
  .gidx_no_dots(list(...), "gidx_io_regionalise")
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
#' @param year the employment year (a number, Date or date-time), 0 for the latest complete one
#' @param method slq, cilq or flq
#' @param delta the FLQ exponent
#' @param concordance a concordance file, or NULL
#' @param national_region a region of the dataset for the national side, or NULL for the satellite
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_regionalise_region <- function(model, data, region, year = 0L, method = "flq", delta = 0.3,
                                       concordance = NULL, national_region = NULL, ...) {
  .gidx_no_dots(list(...), "gidx_io_regionalise_region")
  o <- list(year = if (identical(year, 0L) || identical(year, 0)) 0L else .gidx_year1(year),
            method = .gidx_io_lq(method), delta = as.numeric(delta))
  if (!is.null(concordance)) o$concordance <- path.expand(as.character(concordance))
  if (!is.null(national_region)) o$national_region <- as.character(national_region)
  r <- C_gidx_io_model_regionalise_dataset(model, data, as.character(region), o)
  list(model = r$out, year = r$year_used)
}

#' A region's employment by the 16 SN2007 groups of SSB table 13470, named
#' by group, with attribute "year" (the year used).
#' @param data a dataset
#' @param region a region code or name
#' @param year the year (a number, Date or date-time), 0 for the latest with every group present
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_region_employment <- function(data, region, year = 0L, ...) {
  .gidx_no_dots(list(...), "gidx_io_region_employment")
  k <- C_gidx_sn2007_ngroups()
  y <- if (identical(year, 0L) || identical(year, 0)) 0L else .gidx_year1(year)
  r <- C_gidx_io_region_employment(k, data, as.character(region), y)
  structure(stats::setNames(r$values, vapply(seq_len(k) - 1, C_gidx_sn2007_group, character(1))),
            year = r$year_used)
}

#' Effects of a final-demand change: df is a named vector (sector = amount),
#' a full vector, or a years x sectors matrix (a path). Returns a
#' gidx_io_result; see as.data.frame() and gidx_io_path().
#' @param model an input-output model
#' @param df the final-demand change: named vector, full vector, or years x sectors matrix
#' @param type 1 or 2 (households closed: induced effects)
#' @param first_year the calendar year of the first row of a path (a number, Date or
#'   date-time); 0 numbers the rows 0, 1, ...
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_shock <- function(model, df, type = 1L, first_year = 0L, ...) {
  .gidx_no_dots(list(...), "gidx_io_shock")
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
  fy <- if (identical(first_year, 0L) || identical(first_year, 0)) 0L else .gidx_year1(first_year, "first_year")
  r <- C_gidx_io_shock_path(model, v, list(type = as.integer(type), first_year = fy))
  structure(list(ptr = r, first_year = fy), class = "gidx_io_result")
}

# Row index (0-based) of a calendar year or Date of a result; NULL is the latest.
.gidx_io_t <- function(x, year) {
  ny <- C_gidx_io_result_nyears(x$ptr)
  if (is.null(year)) return(ny - 1)
  t <- .gidx_year1(year) - .gidx_io_first(x)
  if (t < 0 || t >= ny)
    .gidx_einval(sprintf("year %s: the result covers %s", format(year),
                         paste(gidx_io_years(x), collapse = ", ")), call = sys.call(-1L))
  t
}
.gidx_io_first <- function(x) if (is.null(x$first_year)) 0L else x$first_year

#' The calendar years of the rows of a shock result
#'
#' `first_year`, `first_year + 1`, ... as given to gidx_io_shock(); 0, 1, ...
#' when no first year was given.
#' @param result a result of gidx_io_shock()
#' @return an integer vector, one year per row of the path
gidx_io_years <- function(result) {
  .gidx_io_first(result) + seq_len(C_gidx_io_result_nyears(result$ptr)) - 1L
}

#' The effects of one year of a shock as a data.frame
#'
#' One row per sector and quantity: year, sector, quantity, unit, direct,
#' indirect, induced, total and the multiplier. The default is the latest
#' year of a path.
#' @param x a result of gidx_io_shock()
#' @param row.names unused (the rows are numbered)
#' @param optional unused
#' @param year a calendar year, a Date or a date-time; NULL for the latest;
#'   "all" stacks every year
#' @param ... unused
as.data.frame.gidx_io_result <- function(x, row.names = NULL, optional = FALSE, year = NULL, ...) {
  if (identical(year, "all"))
    return(do.call(rbind, lapply(gidx_io_years(x), function(y) as.data.frame(x, year = y))))
  r <- x$ptr
  t <- .gidx_io_t(x, year)
  n <- C_gidx_io_result_nsectors(r)
  sec <- vapply(seq_len(n) - 1, function(i) C_gidx_io_result_sector(r, i), character(1))
  qs <- which(vapply(seq_along(.gidx_io_quantities) - 1L,
                     function(q) C_gidx_io_result_has(r, q) == 1L, logical(1)))
  parts <- lapply(qs, function(q) {
    cols <- lapply(seq_along(.gidx_io_parts) - 1L,
                   function(p) C_gidx_io_result_get(n, r, t, q - 1L, p))
    names(cols) <- .gidx_io_parts
    mu <- tryCatch(C_gidx_io_result_multipliers(n, r, q - 1L), gidx_error = function(e) rep(NA_real_, n))
    data.frame(year = .gidx_io_first(x) + as.integer(t), sector = sec,
               quantity = .gidx_io_quantities[q], unit = unname(.gidx_io_units[q]), cols,
               multiplier = mu, stringsAsFactors = FALSE)
  })
  out <- do.call(rbind, parts)
  rownames(out) <- NULL
  out
}

#' Sector totals per year of one quantity and part: a plain vector for scenarios.
#' @param result a result of gidx_io_shock()
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param part direct, indirect, induced or total
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_path <- function(result, quantity = "output", part = "total", ...) {
  .gidx_no_dots(list(...), "gidx_io_path")
  p <- match(part, .gidx_io_parts)
  if (is.na(p)) stop("part must be one of ", paste(.gidx_io_parts, collapse = ", "))
  C_gidx_io_result_path(C_gidx_io_result_nyears(result$ptr), result$ptr, .gidx_io_q(quantity),
                        as.integer(p - 1L))
}

#' The C library's rendering: "table", "csv" or "json".
#' @param result a result of gidx_io_shock()
#' @param format table, csv or json
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_io_text <- function(result, format = "table", ...) {
  .gidx_no_dots(list(...), "gidx_io_text")
  f <- match(format, c("table", "csv", "json"))
  if (is.na(f)) stop("format must be table, csv or json")
  C_gidx_io_result_format(result$ptr, as.integer(f - 1L))
}

#' Print a shock result: the C library's table of the effects
#' @param x a result of gidx_io_shock()
#' @param ... unused
#' @examples
#' io <- gidx_io_model(matrix(c(150, 200, 500, 100), 2), c(Agriculture = 1000, Manufacturing = 2000))
#' s <- gidx_io_shock(io, c(Manufacturing = 100))
#' s
#' coef(s)
print.gidx_io_result <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  cat(gidx_io_text(x, "table"))
  invisible(x)
}

#' One line describing a shock result
#' @param x a result of gidx_io_shock()
#' @param ... unused
format.gidx_io_result <- function(x, ...) {
  if (!gidx_is_open(x$ptr)) return("<gidx_io_result, closed>")
  y <- gidx_io_years(x)
  sprintf("<gidx_io_result: type %d, %d sectors, %s; output effect %s NOK million (latest year)>",
          C_gidx_io_result_type(x$ptr), C_gidx_io_result_nsectors(x$ptr),
          if (length(y) > 1L) sprintf("years %d-%d", y[1L], y[length(y)]) else sprintf("%d year", 1L),
          format(sum(C_gidx_io_result_get(C_gidx_io_result_nsectors(x$ptr), x$ptr,
                                          length(y) - 1, 0L, 3L)), digits = 6))
}

#' The effects of a shock summed over sectors
#'
#' One row per quantity: year, direct, indirect, induced, total and unit.
#' @param object a result of gidx_io_shock()
#' @param year a calendar year or Date; NULL for the latest
#' @param ... unused
summary.gidx_io_result <- function(object, year = NULL, ...) {
  f <- as.data.frame(object, year = year)
  q <- unique(f$quantity)
  s <- do.call(rbind, lapply(q, function(k) colSums(f[f$quantity == k, .gidx_io_parts])))
  out <- data.frame(quantity = q, year = f$year[1L], s, unit = unname(.gidx_io_units[q]),
                    stringsAsFactors = FALSE)
  rownames(out) <- q
  out
}

#' The multipliers stored with a shock result, named by sector
#' @param object a result of gidx_io_shock()
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param ... unused
coef.gidx_io_result <- function(object, quantity = "output", ...) {
  n <- C_gidx_io_result_nsectors(object$ptr)
  stats::setNames(C_gidx_io_result_multipliers(n, object$ptr, .gidx_io_q(quantity)),
                  vapply(seq_len(n) - 1, function(i) C_gidx_io_result_sector(object$ptr, i), ""))
}

.gidx_io_top <- function(x, quantity, top, year) {
  f <- as.data.frame(x, year = year)
  f <- f[f$quantity == quantity, ]
  utils::head(f[order(-f$total), ], top)
}

#' Stacked bars of the direct, indirect and induced effects (base graphics)
#' @param x a result of gidx_io_shock()
#' @param quantity the quantity to draw (default output)
#' @param top how many sectors, the largest total effects
#' @param year a calendar year or Date; NULL for the latest
#' @param ... passed to barplot()
plot.gidx_io_result <- function(x, quantity = "output", top = 10L, year = NULL, ...) {
  f <- .gidx_io_top(x, quantity, top, year)
  m <- t(as.matrix(f[, c("direct", "indirect", "induced")]))
  colnames(m) <- f$sector
  graphics::barplot(m[, rev(seq_len(ncol(m))), drop = FALSE], horiz = TRUE, las = 1,
                    legend.text = rownames(m),
                    xlab = sprintf("%s (%s)", quantity, .gidx_io_units[[quantity]]), ...)
  invisible(x)
}

#' Stacked bars of the effects with ggplot2
#' @param object a result of gidx_io_shock()
#' @param quantity the quantity to draw (default output)
#' @param top how many sectors, the largest total effects
#' @param year a calendar year or Date; NULL for the latest
#' @param ... unused
autoplot.gidx_io_result <- function(object, quantity = "output", top = 10L, year = NULL, ...) {
  f <- .gidx_io_top(object, quantity, top, year)
  long <- data.frame(sector = rep(f$sector, 3L),
                     part = factor(rep(c("direct", "indirect", "induced"), each = nrow(f)),
                                   levels = c("induced", "indirect", "direct")),
                     value = c(f$direct, f$indirect, f$induced))
  long$sector <- factor(long$sector, levels = rev(f$sector))
  ggplot2::ggplot(long, ggplot2::aes(x = .data$value, y = .data$sector, fill = .data$part)) +
    ggplot2::geom_col() +
    ggplot2::labs(x = sprintf("%s (%s)", quantity, .gidx_io_units[[quantity]]), y = NULL, fill = NULL)
}

# ---- the model's S3 methods ----

#' One line describing an input-output model
#' @param x an input-output model
#' @param ... unused
format.gidx_io_model <- function(x, ...) {
  if (!gidx_is_open(x)) return("<gidx_io_model, closed>")
  y <- C_gidx_io_model_year(x)
  type2 <- !inherits(tryCatch(C_gidx_io_model_multipliers(C_gidx_io_model_nsectors(x), x, 0L, 2L),
                              gidx_error = function(e) e), "gidx_error")
  sprintf("<gidx_io_model: %d sectors%s, %s%s>", C_gidx_io_model_nsectors(x),
          if (y) sprintf(", year %d", y) else "", if (type2) "type I/II" else "type I",
          if (C_gidx_io_model_has_output(x)) ", with total output" else "")
}

#' Print an input-output model: its size, year and note
#' @param x an input-output model
#' @param ... unused
#' @examples
#' io <- gidx_io_model(matrix(c(150, 200, 500, 100), 2), c(Agriculture = 1000, Manufacturing = 2000))
#' io
#' coef(io)
print.gidx_io_model <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  if (gidx_is_open(x)) {
    note <- C_gidx_io_model_note(x)
    if (!is.null(note) && !is.na(note)) cat(note, "\n", sep = "")
  }
  invisible(x)
}

#' The multipliers of every quantity of a model, one row per sector
#'
#' Columns: sector, label (when known) and the type 1 (or 2) multiplier of
#' each quantity the model has (output dimensionless, employment persons and
#' emissions t CO2e per unit of the table's currency, NOK million for SSB's
#' tables).
#' @param object an input-output model
#' @param type 1, or 2 for the model closed with households
#' @param ... unused
summary.gidx_io_model <- function(object, type = 1L, ...) {
  n <- C_gidx_io_model_nsectors(object)
  t <- matrix(C_gidx_io_model_multiplier_table(5 * n, object, as.integer(type)), 5L, n, byrow = TRUE)
  s <- gidx_io_sectors(object)
  out <- data.frame(sector = s, stringsAsFactors = FALSE)
  lab <- vapply(seq_len(n) - 1, function(i) {
    l <- C_gidx_io_model_sector_label(object, i)
    if (is.null(l)) NA_character_ else l
  }, character(1))
  if (!all(is.na(lab))) out$label <- lab
  for (q in 1:5) if (!all(is.nan(t[q, ]))) out[[paste0(.gidx_io_quantities[q], "_multiplier")]] <- t[q, ]
  rownames(out) <- s
  out
}

#' The multipliers of a model as a data.frame (as summary())
#' @param x an input-output model
#' @param row.names unused
#' @param optional unused
#' @param ... passed to summary()
as.data.frame.gidx_io_model <- function(x, row.names = NULL, optional = FALSE, ...) {
  summary.gidx_io_model(x, ...)
}

#' The multipliers of one quantity, named by sector (as gidx_io_multipliers())
#' @param object an input-output model
#' @param quantity output, employment, value_added, labour_income or emissions
#' @param type 1 or 2
#' @param ... unused
coef.gidx_io_model <- function(object, quantity = "output", type = 1L, ...) {
  gidx_io_multipliers(object, quantity, type)
}

#' Bars of the largest multipliers of a model (base graphics)
#' @param x an input-output model
#' @param quantity the quantity (default output)
#' @param type 1 or 2
#' @param top how many sectors
#' @param ... passed to barplot()
plot.gidx_io_model <- function(x, quantity = "output", type = 1L, top = 15L, ...) {
  m <- utils::tail(sort(gidx_io_multipliers(x, quantity, type)), top)
  graphics::barplot(m, horiz = TRUE, las = 1, xlab = sprintf("type %d %s multiplier", type, quantity), ...)
  invisible(x)
}

#' Bars of the largest multipliers of a model with ggplot2
#' @param object an input-output model
#' @param quantity the quantity (default output)
#' @param type 1 or 2
#' @param top how many sectors
#' @param ... unused
autoplot.gidx_io_model <- function(object, quantity = "output", type = 1L, top = 15L, ...) {
  m <- utils::tail(sort(gidx_io_multipliers(object, quantity, type)), top)
  d <- data.frame(sector = factor(names(m), levels = names(m)), multiplier = unname(m))
  ggplot2::ggplot(d, ggplot2::aes(x = .data$multiplier, y = .data$sector)) + ggplot2::geom_col() +
    ggplot2::labs(x = sprintf("type %d %s multiplier", type, quantity), y = NULL)
}

# ggplot2's data pronoun in the autoplot() methods of this layer.
if (getRversion() >= "2.15.1") utils::globalVariables(".data")
