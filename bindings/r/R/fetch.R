# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Official statistics from Statistics Norway's PxWebApi v2 (JSON-stat 2.0)
# from R: the fetch (libcurl, retries, request splitting, cache, provenance)
# runs in libgreenidx; see docs/fetch.md. Errors are gidx_error conditions
# carrying SSB's message.

.gidx_fetch_frame <- function(csv, meta, stats) {
  df <- utils::read.csv(text = csv, colClasses = c("character", "integer", "character",
                                                  "numeric", "character"),
                        na.strings = "", encoding = "UTF-8")
  df$flag[is.na(df$flag)] <- ""
  attr(df, "provenance") <- meta
  attr(df, "stats") <- stats
  df
}

.gidx_fetch_meta <- function(ds, prefix) {
  n <- C_gidx_dataset_nmeta(ds)
  keys <- vapply(seq_len(n) - 1, function(i) C_gidx_dataset_meta_key(ds, i), character(1))
  vals <- lapply(keys, function(k) C_gidx_dataset_meta(ds, k))
  stats::setNames(vals, paste0(prefix, keys))
}

#' Region codes of a preset: "partners" = Trondheim 5001, Bergen 4601,
#' Stjørdal 5035, Bjørnafjorden 4624, Trøndelag 50, Vestland 46.
#' @param name the preset's name ("partners")
gidx_fetch_preset <- function(name = "partners") {
  C_gidx_fetch_preset(as.character(name))
}

#' The municipalities of a county valid in a year (0 = today), from the
#' region registry.
#' @param county a two-digit county code, e.g. "50"
#' @param year the year the municipalities must be valid in (0 = today)
gidx_county_regions <- function(county, year = 0L) {
  C_gidx_fetch_county_regions(C_gidx_registry_load_default(), as.character(county), as.integer(year))
}

#' The PxWebApi v2 GET URL of a table query: values = list(Region = c("5001"),
#' ContentsCode = "Personer1"), codelists = list(Region = "agg_KommSummer").
#' @param table the SSB table id, e.g. "07459"
#' @param values named list of value codes per dimension
#' @param codelists named list of code lists per dimension
#' @param years c(from, to) for the Tid dimension, or NULL
#' @param api the API root (for mirrors and tests)
gidx_fetch_url <- function(table, values = list(), codelists = list(), years = NULL,
                           api = "https://data.ssb.no/api/pxwebapi/v2") {
  parts <- character()
  for (d in names(values)) parts <- c(parts, sprintf("valueCodes[%s]=%s", d,
                                                     paste(values[[d]], collapse = ",")))
  if (!is.null(years))
    parts <- c(parts, sprintf("valueCodes[Tid]=%s", paste(seq(years[1], years[2]), collapse = ",")))
  for (d in names(codelists)) parts <- c(parts, sprintf("codelist[%s]=%s", d, codelists[[d]]))
  q <- C_gidx_fetch_query_new(as.character(table))
  if (length(parts)) C_gidx_fetch_query_filter(q, paste(parts, collapse = "&"))
  C_gidx_fetch_query_url(q, if (is.null(api) || !nzchar(api)) NULL else api)
}

#' Fetch a catalogue's base variables (its "fetch" records) and/or whole
#' tables for regions and years. Returns a long data.frame (region, year,
#' variable, value, flag) with attributes "provenance" (per table: updated,
#' retrieved, url, cache) and "stats" (requests, retries, cache hits...).
#' @param regions region codes
#' @param preset a preset name ("partners") adding its regions, or NULL
#' @param county a county code adding all its municipalities, or NULL
#' @param catalog a catalogue JSON file whose variables carry "fetch" records, or NULL
#' @param tables whole tables to fetch (ids)
#' @param years a year or c(from, to)
#' @param api the API root (for mirrors and tests)
#' @param cache a cache directory, or NULL for none
#' @param offline TRUE to use only the cache
#' @param timeout request timeout in seconds
#' @param retries retries after HTTP 429/502/503/504
#' @param backoff first backoff in seconds (doubled each retry)
#' @param backoff_max longest backoff in seconds
#' @param max_cells largest number of cells per request before the query is split
gidx_fetch <- function(regions = character(), preset = NULL, county = NULL, catalog = NULL,
                       tables = character(), years, api = "https://data.ssb.no/api/pxwebapi/v2",
                       cache = NULL, offline = FALSE, timeout = 60, retries = 4L, backoff = 1,
                       backoff_max = 60, max_cells = 800000) {
  regions <- as.character(regions)
  if (!is.null(preset)) regions <- c(regions, gidx_fetch_preset(preset))
  if (!is.null(county)) regions <- c(regions, gidx_county_regions(county))
  if (length(years) == 1L) years <- c(years, years)
  regions <- unique(regions)
  tables <- as.character(tables)
  if (!length(regions)) .gidx_einval("fetch: no regions")
  if (is.null(catalog) && !length(tables)) .gidx_einval("fetch: give a catalogue or tables to fetch")
  if (!(retries >= 0) || !(max_cells >= 1)) .gidx_einval("fetch: retries must be >= 0 and max_cells >= 1")
  o <- list(offline = as.integer(as.logical(offline)), timeout = as.numeric(timeout),
            max_retries = as.numeric(retries), backoff = as.numeric(backoff),
            backoff_max = as.numeric(backoff_max), max_cells = as.numeric(max_cells))
  if (!is.null(api) && nzchar(api)) o$api <- as.character(api)
  if (!is.null(cache)) o$cache_dir <- path.expand(as.character(cache))
  client <- C_gidx_fetch_client_new(o)
  all <- C_gidx_dataset_new()
  meta <- list()
  y0 <- as.integer(years[1]); y1 <- as.integer(years[2])
  if (!is.null(catalog)) {
    plan <- C_gidx_fetch_plan_load(path.expand(as.character(catalog)))
    ds <- C_gidx_fetch_plan_fetch(client, plan, regions, NULL, y0, y1)
    C_gidx_dataset_merge(all, ds)
    meta <- c(meta, .gidx_fetch_meta(ds, ""))
  }
  for (t in tables) {
    q <- C_gidx_fetch_query_new(t)
    C_gidx_fetch_query_select(q, "Region", regions)
    C_gidx_fetch_query_select(q, "ContentsCode", "*")
    C_gidx_fetch_query_years(q, y0, y1)
    ds <- C_gidx_fetch_query_run(client, q, list(region_dim = "Region", time_dim = "Tid"))
    C_gidx_dataset_merge(all, ds)
    meta <- c(meta, .gidx_fetch_meta(ds, paste0(t, ".")))
  }
  stats <- C_gidx_fetch_client_stats(client)
  .gidx_fetch_frame(C_gidx_dataset_to_csv(all), meta, stats)
}
