# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Official statistics from Statistics Norway's PxWebApi v2 (JSON-stat 2.0)
# from R: the fetch (libcurl, retries, request splitting, cache, provenance)
# runs in libgreenidx; see docs/fetch.md. Errors are gidx_error conditions
# carrying SSB's message.

.gidx_fetch_parse <- function(text) {
  parts <- regmatches(text, regexpr("\n\n", text, fixed = TRUE), invert = TRUE)[[1]]
  head <- strsplit(parts[1], "\n", fixed = TRUE)[[1]]
  fields <- strsplit(head, "\t", fixed = TRUE)
  kind <- vapply(fields, `[`, "", 1L)
  key <- vapply(fields, `[`, "", 2L)
  val <- vapply(fields, function(f) paste(f[-(1:2)], collapse = "\t"), "")
  stats <- as.list(as.numeric(val[kind == "stat"]))
  names(stats) <- key[kind == "stat"]
  meta <- as.list(val[kind == "meta"])
  names(meta) <- key[kind == "meta"]
  df <- utils::read.csv(text = parts[2], colClasses = c("character", "integer", "character",
                                                       "numeric", "character"),
                        na.strings = "", encoding = "UTF-8")
  df$flag[is.na(df$flag)] <- ""
  attr(df, "provenance") <- meta
  attr(df, "stats") <- stats
  df
}

#' Region codes of a preset: "partners" = Trondheim 5001, Bergen 4601,
#' Stjørdal 5035, Bjørnafjorden 4624, Trøndelag 50, Vestland 46.
#' @param name the preset's name ("partners")
gidx_fetch_preset <- function(name = "partners") {
  strsplit(gidx_check(gidx_r_fetch_regions(as.character(name), "", 0L)), ",", fixed = TRUE)[[1]]
}

#' The municipalities of a county valid in a year (0 = today), from the
#' region registry.
#' @param county a two-digit county code, e.g. "50"
#' @param year the year the municipalities must be valid in (0 = today)
gidx_county_regions <- function(county, year = 0L) {
  strsplit(gidx_check(gidx_r_fetch_regions("", as.character(county), as.integer(year))),
           ",", fixed = TRUE)[[1]]
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
  gidx_check(gidx_r_fetch_url(as.character(table), paste(parts, collapse = "&"), api))
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
  text <- gidx_check(gidx_r_fetch(api, if (is.null(cache)) "" else path.expand(cache),
                                  as.integer(offline), as.numeric(timeout), as.integer(retries),
                                  as.numeric(backoff), as.numeric(backoff_max),
                                  as.numeric(max_cells), paste(unique(regions), collapse = ","),
                                  if (is.null(catalog)) "" else path.expand(catalog),
                                  paste(tables, collapse = ","), as.integer(years[1]),
                                  as.integer(years[2])))
  .gidx_fetch_parse(text)
}
