# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Datasets from R: loaders return an external pointer of class "gidx_dataset"
# (freed by a finalizer); gidx_cells() turns it into a data.frame.

#' The embedded Telemark panel (2024 municipality codes, county 40 added).
gidx_load_default <- function() gidx_check(gidx_r_dataset_load_default())

#' Load a long CSV (region, year, variable, value[, flag]); column names can
#' be changed, other columns are ignored.
gidx_load_csv <- function(path, region = "", year = "", variable = "", value = "", flag = "") {
  gidx_check(gidx_r_dataset_load_csv(as.character(path), region, year, variable, value, flag))
}

#' Load an SSB JSON-stat 2.0 file; dimensions are mapped to region, time
#' and variable by role unless named.
gidx_load_jsonstat <- function(path, region_dim = "", time_dim = "", variable_dim = "",
                               region = "", variable = "") {
  gidx_check(gidx_r_dataset_load_jsonstat(as.character(path), region_dim, time_dim,
                                          variable_dim, region, variable))
}

#' Bring a dataset keyed by old municipality codes to 2024 boundaries.
gidx_harmonise <- function(ds, drop_unknown = FALSE) {
  gidx_check(gidx_r_dataset_harmonise(ds, as.logical(drop_unknown)))
}

#' Write the long CSV layout region,year,variable,value,flag atomically.
gidx_write_csv <- function(ds, path) {
  invisible(gidx_check(gidx_r_dataset_write_csv(ds, as.character(path))))
}

#' Every cell of a dataset as a data.frame: region, name, year, variable,
#' value (NA where missing) and flag (0 ok, 1 missing, 2 confidential,
#' 3 not applicable, 4 provisional).
gidx_cells <- function(ds) {
  x <- gidx_check(gidx_r_dataset_cells(ds))
  data.frame(region = x[[1]], name = x[[2]], year = x[[3]], variable = x[[4]],
             value = x[[5]], flag = x[[6]], stringsAsFactors = FALSE)
}

#' One cell: c(value = ..., flag = ...).
gidx_get <- function(ds, region, year, variable) {
  x <- gidx_check(gidx_r_dataset_get(ds, as.character(region), as.integer(year),
                                     as.character(variable)))
  c(value = x[1], flag = x[2])
}

#' One region's series of a variable as a data.frame (year, value, flag).
gidx_series <- function(ds, region, variable) {
  cells <- gidx_cells(ds)
  s <- cells[cells$region == region & cells$variable == variable, c("year", "value", "flag")]
  s[order(s$year), , drop = FALSE]
}

#' Provenance metadata as a named character vector.
gidx_meta <- function(ds) gidx_check(gidx_r_dataset_meta(ds))

#' A region of the Norwegian registry by code or (case-insensitive) name,
#' valid in `year` (0 = any; with a name, today's region is preferred):
#' list(code, name, level, parent, valid_from, valid_to, successor).
gidx_region <- function(key, year = 0L, by_name = FALSE) {
  gidx_check(gidx_r_registry_lookup(as.character(key), as.integer(year), as.logical(by_name)))
}
