# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Datasets from R: loaders return an external pointer of class "gidx_dataset"
# (freed by a finalizer); gidx_cells() turns it into a data.frame.

# The string fields of an options struct given as "" keep the library's
# default; the others are set (the loaders' column and dimension names).
.gidx_set_given <- function(o, fields) {
  for (k in names(fields)) if (nzchar(fields[[k]])) o[[k]] <- as.character(fields[[k]])
  o
}

#' The embedded Telemark panel (2024 municipality codes, county 40 added).
#' @return a dataset handle (class c("gidx_dataset", "gidx_handle"))
gidx_load_default <- function() C_gidx_dataset_load_default()

#' Load a long CSV (region, year, variable, value[, flag]); column names can
#' be changed, other columns are ignored.
#' @param path a long CSV file (region, year, variable, value[, flag])
#' @param region name of the region column ("" = region)
#' @param year name of the year column ("" = year)
#' @param variable name of the variable column ("" = variable)
#' @param value name of the value column ("" = value)
#' @param flag name of the flag column ("" = flag; optional in the file)
#' @return a dataset handle (class c("gidx_dataset", "gidx_handle"))
gidx_load_csv <- function(path, region = "", year = "", variable = "", value = "", flag = "") {
  o <- .gidx_set_given(gidx_long_csv_options(), list(region = region, year = year, variable = variable,
                                                     value = value, flag = flag))
  C_gidx_dataset_load_csv(as.character(path), o)
}

#' Load an SSB JSON-stat 2.0 file; dimensions are mapped to region, time
#' and variable by role unless named.
#' @param path a JSON-stat 2.0 file (e.g. an SSB API answer)
#' @param region_dim the dimension holding regions ("" = the one with role geo, else none)
#' @param time_dim the dimension holding years ("" = the one with role time)
#' @param variable_dim the dimension naming the variable ("" = all remaining dimensions)
#' @param region the region of every cell when there is no region dimension
#' @param variable the variable name when no remaining dimension has more than one category
#' @return a dataset handle (class c("gidx_dataset", "gidx_handle"))
gidx_load_jsonstat <- function(path, region_dim = "", time_dim = "", variable_dim = "",
                               region = "", variable = "") {
  o <- .gidx_set_given(gidx_jsonstat_options(), list(region_dim = region_dim, time_dim = time_dim,
                                                     variable_dim = variable_dim, region = region,
                                                     variable = variable))
  C_gidx_dataset_load_jsonstat(as.character(path), o)
}

#' Bring a dataset keyed by old municipality codes to 2024 boundaries.
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param drop_unknown TRUE to drop codes missing from the correspondence table instead of failing
#' @return a new dataset handle at 2024 boundaries (class c("gidx_dataset", "gidx_handle"))
gidx_harmonise <- function(ds, drop_unknown = FALSE) {
  o <- gidx_harmonise_options()
  o$drop_unknown <- as.integer(isTRUE(drop_unknown))
  C_gidx_dataset_harmonise(ds, C_gidx_registry_load_default(), o)
}

#' Write the long CSV layout region,year,variable,value,flag atomically.
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param path the output file (written atomically)
gidx_write_csv <- function(ds, path) {
  C_gidx_dataset_write_csv(ds, as.character(path))
  invisible(TRUE)
}

#' Every cell of a dataset as a data.frame: region, name, year, variable,
#' value (NA where missing) and flag (0 ok, 1 missing, 2 confidential,
#' 3 not applicable, 4 provisional).
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
gidx_cells <- function(ds) {
  x <- utils::read.csv(text = C_gidx_dataset_to_csv(ds), colClasses = c(region = "character",
                       year = "integer", variable = "character", value = "numeric", flag = "character"),
                       na.strings = "", encoding = "UTF-8")
  flag <- match(x$flag, c("missing", "confidential", "not_applicable", "provisional"), nomatch = 0L)
  regions <- .gidx_ds_axis(ds, C_gidx_dataset_nregions, C_gidx_dataset_region)
  vars <- .gidx_ds_axis(ds, C_gidx_dataset_nvariables, C_gidx_dataset_variable)
  names <- vapply(regions, function(r) C_gidx_dataset_region_name(ds, r), "")
  out <- data.frame(region = x$region, name = unname(names[x$region]), year = x$year,
                    variable = x$variable, value = ifelse(flag %in% c(0L, 4L), x$value, NA_real_),
                    flag = flag, stringsAsFactors = FALSE)
  out <- out[order(match(out$region, regions), match(out$variable, vars), out$year), ]
  rownames(out) <- NULL
  out
}

.gidx_ds_axis <- function(ds, n, at) {
  vapply(seq_len(n(ds)) - 1, function(i) at(ds, i), at(ds, 0))
}

# A region of a dataset by code or (case-insensitive) name; neither is a
# gidx_enotfound condition naming it.
.gidx_ds_region <- function(ds, region) {
  codes <- .gidx_ds_axis(ds, C_gidx_dataset_nregions, C_gidx_dataset_region)
  if (region %in% codes) return(region)
  names <- vapply(codes, function(r) C_gidx_dataset_region_name(ds, r), "")
  hit <- codes[tolower(names) == tolower(region)]
  if (length(hit) == 0L)
    stop(structure(class = c("gidx_enotfound", "gidx_error", "error", "condition"),
                   list(message = sprintf("region \"%s\" is not in the data (by code or name)", region),
                        call = sys.call(-1L), code = -6L)))
  hit[1L]
}

#' One cell: c(value = ..., flag = ...).
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param region a region code
#' @param year a year
#' @param variable a variable name
gidx_get <- function(ds, region, year, variable) {
  x <- C_gidx_dataset_get(ds, as.character(region), as.integer(year), as.character(variable))
  # a missing, confidential or not-applicable cell has no value (NA)
  c(value = if (x$flag %in% c(0L, 4L)) x$value else NA_real_, flag = x$flag)
}

#' One region's series of a variable as a data.frame (year, value, flag).
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param region a region code or name (case-insensitive)
#' @param variable a variable name
#' @return data.frame(year, value, flag) over the years where the cell is set
gidx_series <- function(ds, region, variable) {
  code <- .gidx_ds_region(ds, as.character(region))
  cells <- gidx_cells(ds)
  s <- cells[cells$region == code & cells$variable == variable, c("year", "value", "flag")]
  s <- s[order(s$year), , drop = FALSE]
  rownames(s) <- NULL
  s
}

#' Provenance metadata as a named character vector.
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
gidx_meta <- function(ds) {
  keys <- vapply(seq_len(C_gidx_dataset_nmeta(ds)) - 1, function(i) C_gidx_dataset_meta_key(ds, i),
                 character(1))
  vapply(keys, function(k) C_gidx_dataset_meta(ds, k), character(1))
}

#' A region of the Norwegian registry by code or (case-insensitive) name,
#' valid in `year` (0 = any; with a name, today's region is preferred):
#' list(code, name, level, parent, valid_from, valid_to, successor).
#' @param key a region code, or a name when by_name is TRUE
#' @param year the year at which the code or name must be valid (0 = any)
#' @param by_name TRUE to look up by name (case-insensitive)
gidx_region <- function(key, year = 0L, by_name = FALSE) {
  reg <- C_gidx_registry_load_default()
  i <- if (isTRUE(by_name)) C_gidx_registry_find_name(reg, as.character(key), as.integer(year), 0L)
       else C_gidx_registry_find_code(reg, as.character(key), as.integer(year))
  na0 <- function(y) if (y == 0L) NA_integer_ else y
  succ <- C_gidx_registry_successor(reg, i)
  list(code = C_gidx_registry_code(reg, i), name = C_gidx_registry_name(reg, i),
       level = C_gidx_registry_level(reg, i), parent = C_gidx_registry_parent(reg, i),
       valid_from = na0(C_gidx_registry_valid_from(reg, i)),
       valid_to = na0(C_gidx_registry_valid_to(reg, i)),
       successor = if (is.null(succ) || length(succ) == 0L) NA_character_ else succ)
}

#' Format a dataset as one line: regions x years x variables and cells, or
#' that it is closed (never a pointer).
#' @param x a dataset handle (from gidx_load_default(), gidx_load_csv(), ...)
#' @param ... unused
#' @return one string
format.gidx_dataset <- function(x, ...) {
  if (!gidx_is_open(x)) return("<gidx_dataset handle, closed>")
  yrs <- .gidx_ds_axis(x, C_gidx_dataset_nyears, C_gidx_dataset_year)
  sprintf("<gidx_dataset: %d regions x %d years%s x %d variables, %d cells>",
          C_gidx_dataset_nregions(x), length(yrs),
          if (length(yrs)) sprintf(" (%d-%d)", min(yrs), max(yrs)) else "",
          C_gidx_dataset_nvariables(x), as.integer(C_gidx_dataset_ncells(x)))
}

#' Print a dataset: its size and years (see format.gidx_dataset), never a pointer.
#' @param x a dataset handle
#' @param ... unused
#' @return `x`, invisibly
#' @examples
#' ds <- gidx_load_default()
#' ds
#' head(summary(ds), 3)
#' head(as.data.frame(ds), 3)
print.gidx_dataset <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' Every cell of a dataset as a data.frame (see gidx_cells()).
#' @param x a dataset handle
#' @param row.names unused
#' @param optional unused
#' @param ... unused
#' @return data.frame(region, name, year, variable, value, flag)
as.data.frame.gidx_dataset <- function(x, row.names = NULL, optional = FALSE, ...) gidx_cells(x)

#' Load Miljødirektoratet's "Klimagassutslipp fra kommuner" workbook (.xlsx):
#' emissions in tonnes CO2-equivalents per region, year and sector (ghg_total
#' and one ghg_<sector> per sector), regions named from the registry; the
#' release and the download's provenance are in gidx_meta().
#' @param path the downloaded workbook (.xlsx)
#' @return a dataset handle (class c("gidx_dataset", "gidx_handle"))
gidx_load_mdir <- function(path) {
  C_gidx_dataset_load_mdir(as.character(path), C_gidx_registry_load_default(), NULL)
}

#' Summary of a dataset: per variable the number of regions, years, cells,
#' missing cells and the latest year with a value.
#' @param object a dataset handle
#' @param ... unused
#' @return a data.frame with one row per variable
summary.gidx_dataset <- function(object, ...) {
  c <- gidx_cells(object)
  vars <- unique(c$variable)
  one <- function(v) {
    d <- c[c$variable == v, ]
    ok <- !is.na(d$value)
    data.frame(variable = v, regions = length(unique(d$region)), years = length(unique(d$year)),
               cells = nrow(d), missing = sum(!ok),
               latest_year = if (any(ok)) max(d$year[ok]) else NA_integer_)
  }
  do.call(rbind, lapply(vars, one))
}

#' Plot (base graphics) one variable of a dataset over the years, one line per region.
#' @param x a dataset handle
#' @param variable the variable to plot
#' @param region region codes or names (NULL = all)
#' @param ... passed to graphics::matplot
#' @return the plotted data.frame (year, one column per region), invisibly
plot.gidx_dataset <- function(x, variable, region = NULL, ...) {
  c <- gidx_cells(x)
  c <- c[c$variable == variable, ]
  if (!is.null(region)) c <- c[c$region %in% vapply(as.character(region), function(r) .gidx_ds_region(x, r), ""), ]
  if (nrow(c) == 0L) .gidx_einval(sprintf("plot: no values of variable \"%s\"", variable))
  w <- stats::reshape(c[c("year", "name", "value")], idvar = "year", timevar = "name", direction = "wide")
  w <- w[order(w$year), ]
  names(w) <- sub("^value[.]", "", names(w))
  graphics::matplot(w$year, as.matrix(w[-1]), type = "l", lty = 1, xlab = "year", ylab = variable, ...)
  graphics::legend("topright", legend = names(w)[-1], col = seq_len(ncol(w) - 1L), lty = 1, cex = 0.7)
  invisible(w)
}
