# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Datasets from R: loaders return an external pointer of class "gidx_dataset"
# (freed by a finalizer); gidx_cells() turns it into a data.frame.

#' The embedded Telemark panel (2024 municipality codes, county 40 added).
gidx_load_default <- function() C_gidx_dataset_load_default()

#' Load a long CSV (region, year, variable, value[, flag]); column names can
#' be changed, other columns are ignored.
#' @param path a long CSV file (region, year, variable, value[, flag])
#' @param region name of the region column ("" = region)
#' @param year name of the year column ("" = year)
#' @param variable name of the variable column ("" = variable)
#' @param value name of the value column ("" = value)
#' @param flag name of the flag column ("" = flag; optional in the file)
gidx_load_csv <- function(path, region = "", year = "", variable = "", value = "", flag = "") {
  gidx_check(gidx_r_dataset_load_csv(as.character(path), region, year, variable, value, flag))
}

#' Load an SSB JSON-stat 2.0 file; dimensions are mapped to region, time
#' and variable by role unless named.
#' @param path a JSON-stat 2.0 file (e.g. an SSB API answer)
#' @param region_dim the dimension holding regions ("" = the one with role geo, else none)
#' @param time_dim the dimension holding years ("" = the one with role time)
#' @param variable_dim the dimension naming the variable ("" = all remaining dimensions)
#' @param region the region of every cell when there is no region dimension
#' @param variable the variable name when no remaining dimension has more than one category
gidx_load_jsonstat <- function(path, region_dim = "", time_dim = "", variable_dim = "",
                               region = "", variable = "") {
  gidx_check(gidx_r_dataset_load_jsonstat(as.character(path), region_dim, time_dim,
                                          variable_dim, region, variable))
}

#' Bring a dataset keyed by old municipality codes to 2024 boundaries.
#' @param ds a dataset handle (from gidx_load_default(), gidx_load_csv() or gidx_load_jsonstat())
#' @param drop_unknown TRUE to drop codes missing from the correspondence table instead of failing
gidx_harmonise <- function(ds, drop_unknown = FALSE) {
  gidx_check(gidx_r_dataset_harmonise(ds, as.logical(drop_unknown)))
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
  x <- gidx_check(gidx_r_dataset_cells(ds))
  data.frame(region = x[[1]], name = x[[2]], year = x[[3]], variable = x[[4]],
             value = x[[5]], flag = x[[6]], stringsAsFactors = FALSE)
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
#' @param region a region code
#' @param variable a variable name
gidx_series <- function(ds, region, variable) {
  cells <- gidx_cells(ds)
  s <- cells[cells$region == region & cells$variable == variable, c("year", "value", "flag")]
  s[order(s$year), , drop = FALSE]
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
  gidx_check(gidx_r_registry_lookup(as.character(key), as.integer(year), as.logical(by_name)))
}
