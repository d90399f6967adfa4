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
  class(df) <- c("gidx_fetch_result", "data.frame")
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
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_fetch_preset <- function(name = "partners", ...) {
  .gidx_no_dots(list(...), "gidx_fetch_preset")
  C_gidx_fetch_preset(as.character(name))
}

#' The municipalities of a county valid in a year (0 = today), from the
#' region registry.
#' @param county a two-digit county code, e.g. "50", or a county's name
#'   (case-insensitive), e.g. "Trøndelag"
#' @param year the year the municipalities must be valid in (a number, Date or
#'   date-time; 0 = today)
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return a character vector of municipality codes
gidx_county_regions <- function(county, year = 0L, ...) {
  .gidx_no_dots(list(...), "gidx_county_regions")
  if (!(identical(year, 0L) || identical(year, 0))) year <- .gidx_year1(year)
  reg <- C_gidx_registry_load_default()
  county <- as.character(county)
  if (length(county) == 1L && !grepl("^[0-9]+$", county))  # a name: the county's code (level 2)
    county <- C_gidx_registry_code(reg, C_gidx_registry_find_name(reg, county, as.integer(year), 2L))
  C_gidx_fetch_county_regions(reg, county, as.integer(year))
}

#' The PxWebApi v2 GET URL of a table query: values = list(Region = c("5001"),
#' ContentsCode = "Personer1"), codelists = list(Region = "agg_KommSummer").
#' @param table the SSB table id, e.g. "07459"
#' @param values named list of value codes per dimension
#' @param codelists named list of code lists per dimension
#' @param years c(from, to) for the Tid dimension, or NULL
#' @param api the API root (for mirrors and tests)
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_fetch_url <- function(table, values = list(), codelists = list(), years = NULL,
                           api = "https://data.ssb.no/api/pxwebapi/v2", ...) {
  .gidx_no_dots(list(...), "gidx_fetch_url")
  parts <- character()
  for (d in names(values)) parts <- c(parts, sprintf("valueCodes[%s]=%s", d,
                                                     paste(values[[d]], collapse = ",")))
  if (!is.null(years))
    parts <- c(parts, sprintf("valueCodes[Tid]=%s", paste(seq(.gidx_year1(years[1L], "years"),
                                                              .gidx_year1(years[length(years)], "years")),
                                                          collapse = ",")))
  for (d in names(codelists)) parts <- c(parts, sprintf("codelist[%s]=%s", d, codelists[[d]]))
  q <- C_gidx_fetch_query_new(as.character(table))
  if (length(parts)) C_gidx_fetch_query_filter(q, paste(parts, collapse = "&"))
  C_gidx_fetch_query_url(q, if (is.null(api) || !nzchar(api)) NULL else api)
}

#' Fetch a catalogue's base variables (its "fetch" records) and/or whole
#' tables for regions and years. Returns a long data.frame (region, year,
#' variable, value, flag) of class "gidx_fetch_result" with attributes
#' "provenance" (per table: updated, retrieved, url, cache) and "stats"
#' (requests, retries, cache hits...). A misspelt region code is SSB's
#' error, a condition of class gidx_einval naming it.
#' @param regions region codes
#' @param preset a preset name ("partners") adding its regions, or NULL
#' @param county a county code adding all its municipalities, or NULL
#' @param catalog a catalogue JSON file whose variables carry "fetch" records, or NULL
#' @param tables whole tables to fetch (ids)
#' @param years a year or c(from, to): numbers, Dates or date-times (read as years)
#' @param api the API root (for mirrors and tests)
#' @param cache a cache directory, or NULL for none
#' @param offline TRUE to use only the cache
#' @param timeout request timeout in seconds
#' @param retries retries after HTTP 429/502/503/504
#' @param backoff first backoff in seconds (doubled each retry)
#' @param backoff_max longest backoff in seconds
#' @param max_cells largest number of cells per request before the query is split
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_fetch <- function(regions = character(), preset = NULL, county = NULL, catalog = NULL,
                       tables = character(), years, api = "https://data.ssb.no/api/pxwebapi/v2",
                       cache = NULL, offline = FALSE, timeout = 60, retries = 4L, backoff = 1,
                       backoff_max = 60, max_cells = 800000, ...) {
  .gidx_no_dots(list(...), "gidx_fetch")
  regions <- as.character(regions)
  if (!is.null(preset)) regions <- c(regions, gidx_fetch_preset(preset))
  if (!is.null(county)) regions <- c(regions, gidx_county_regions(county))
  if (length(years) < 1L || length(years) > 2L)
    .gidx_einval(sprintf("years: a year or c(from, to), not %d values", length(years)))
  years <- c(.gidx_year1(years[1L], "years"), .gidx_year1(years[length(years)], "years"))
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

#' One line describing a fetch result
#' @param x a result of gidx_fetch()
#' @param ... unused
format.gidx_fetch_result <- function(x, ...) {
  st <- attr(x, "stats")
  sprintf("<gidx_fetch_result: %d values, %d regions, %d variables, %s; %s requests, %s from the cache>",
          nrow(x), length(unique(x$region)), length(unique(x$variable)),
          if (nrow(x)) sprintf("%d-%d", min(x$year), max(x$year)) else "no years",
          format(st$requests), format(st$cache_hits))
}

#' Print a fetch result: what was fetched and the latest year of each
#' region and variable
#' @param x a result of gidx_fetch()
#' @param n how many rows of the latest values to show
#' @param ... passed to print.data.frame()
print.gidx_fetch_result <- function(x, n = 10L, ...) {
  cat(format(x), "\n", sep = "")
  l <- .gidx_fetch_latest(x)
  print(utils::head(l, n), ...)
  if (nrow(l) > n) cat(sprintf("... %d more; as.data.frame() gives every year\n", nrow(l) - n))
  invisible(x)
}

.gidx_fetch_latest <- function(x) {
  d <- as.data.frame(x)
  d <- d[!is.na(d$value), ]
  d <- d[order(d$region, d$variable, -d$year), ]
  d <- d[!duplicated(d[, c("region", "variable")]), c("region", "variable", "year", "value", "flag")]
  rownames(d) <- NULL
  d
}

#' A fetch result as a plain long data.frame (region, year, variable, value, flag)
#' @param x a result of gidx_fetch()
#' @param row.names unused
#' @param optional unused
#' @param ... unused
as.data.frame.gidx_fetch_result <- function(x, row.names = NULL, optional = FALSE, ...) {
  class(x) <- "data.frame"
  x
}

#' Per variable: regions, first and last year, values and missing values
#' @param object a result of gidx_fetch()
#' @param ... unused
summary.gidx_fetch_result <- function(object, ...) {
  d <- as.data.frame(object)
  v <- sort(unique(d$variable))
  data.frame(variable = v,
             regions = vapply(v, function(k) length(unique(d$region[d$variable == k])), 1L),
             first_year = vapply(v, function(k) min(d$year[d$variable == k]), 1L),
             last_year = vapply(v, function(k) max(d$year[d$variable == k]), 1L),
             values = vapply(v, function(k) sum(!is.na(d$value[d$variable == k])), 1L),
             missing = vapply(v, function(k) sum(is.na(d$value[d$variable == k])), 1L),
             row.names = v, stringsAsFactors = FALSE)
}

#' Lines of one fetched variable over the years, one per region (base graphics)
#' @param x a result of gidx_fetch()
#' @param variable the variable to draw (default: the first)
#' @param ... passed to matplot()
plot.gidx_fetch_result <- function(x, variable = NULL, ...) {
  d <- as.data.frame(x)
  if (is.null(variable)) variable <- sort(unique(d$variable))[1L]
  d <- d[d$variable == variable, ]
  w <- stats::reshape(d[, c("region", "year", "value")], idvar = "year", timevar = "region",
                      direction = "wide")
  w <- w[order(w$year), ]
  graphics::matplot(w$year, as.matrix(w[, -1L, drop = FALSE]), type = "b", pch = 1, lty = 1,
                    xlab = "year", ylab = variable, ...)
  graphics::legend("topleft", legend = sub("^value\\.", "", names(w)[-1L]), col = seq_len(ncol(w) - 1L),
                   lty = 1, bty = "n")
  invisible(x)
}

#' Lines of one fetched variable over the years with ggplot2
#' @param object a result of gidx_fetch()
#' @param variable the variable to draw (default: the first)
#' @param ... unused
autoplot.gidx_fetch_result <- function(object, variable = NULL, ...) {
  d <- as.data.frame(object)
  if (is.null(variable)) variable <- sort(unique(d$variable))[1L]
  d <- d[d$variable == variable, ]
  ggplot2::ggplot(d, ggplot2::aes(x = .data$year, y = .data$value, colour = .data$region)) +
    ggplot2::geom_line() + ggplot2::geom_point() + ggplot2::labs(y = variable)
}

#' The region registry: Norway's municipalities and counties with their
#' validity and successors (SSB KLASS 131 and 104), as a handle of class
#' c("gidx_registry", "gidx_handle")
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
gidx_registry <- function(...) {
  .gidx_no_dots(list(...), "gidx_registry")
  C_gidx_registry_load_default()
}

#' The registry as a data.frame: code, name, level (municipality or
#' county), parent, valid_from, valid_to, successor
#' @param x a registry from gidx_registry()
#' @param row.names unused
#' @param optional unused
#' @param ... unused
as.data.frame.gidx_registry <- function(x, row.names = NULL, optional = FALSE, ...) {
  n <- C_gidx_registry_size(x)
  i <- seq_len(n) - 1
  s <- function(f) vapply(i, function(k) { v <- f(x, k); if (is.null(v)) NA_character_ else v }, "")
  data.frame(code = s(C_gidx_registry_code), name = s(C_gidx_registry_name),
             level = c("municipality", "county")[vapply(i, function(k) C_gidx_registry_level(x, k), 1L)],
             parent = s(C_gidx_registry_parent),
             valid_from = vapply(i, function(k) C_gidx_registry_valid_from(x, k), 1L),
             valid_to = vapply(i, function(k) C_gidx_registry_valid_to(x, k), 1L),
             successor = s(C_gidx_registry_successor), stringsAsFactors = FALSE)
}

#' One line describing a registry
#' @param x a registry from gidx_registry()
#' @param ... unused
format.gidx_registry <- function(x, ...) {
  if (!gidx_is_open(x)) return("<gidx_registry, closed>")
  d <- as.data.frame(x)
  sprintf("<gidx_registry: %d regions (%d municipalities, %d counties)>", nrow(d),
          sum(d$level == "municipality"), sum(d$level == "county"))
}

#' Print a registry: its size
#' @param x a registry from gidx_registry()
#' @param ... unused
#' @examples
#' r <- gidx_registry()
#' r
print.gidx_registry <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' Regions of a registry by level, valid today and in all
#' @param object a registry from gidx_registry()
#' @param ... unused
summary.gidx_registry <- function(object, ...) {
  d <- as.data.frame(object)
  today <- as.integer(format(Sys.Date(), "%Y"))
  valid <- d$valid_to == 0L | d$valid_to >= today
  data.frame(level = c("municipality", "county"),
             all = c(sum(d$level == "municipality"), sum(d$level == "county")),
             valid_now = c(sum(valid & d$level == "municipality"), sum(valid & d$level == "county")))
}
