# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Handles in R: external pointers of class c("<C type>", "gidx_handle") made
# by the module interfaces with gidx_r_handle_alloc() (bindings/core.i). A
# finalizer frees each one when R collects it; gidx_close() frees it at once.

#' Free a libgreenidx handle now
#'
#' Every handle is also freed by a finalizer when R garbage-collects it;
#' `gidx_close()` frees it at once, deterministically. Later calls on a
#' closed handle signal an error of class "gidx_einval" instead of touching
#' freed memory. Closing twice is harmless.
#' @param x a handle (an object of class "gidx_handle").
#' @return `NULL`, invisibly.
gidx_close <- function(x) {
  invisible(gidx_r_close(x))
}

#' Whether a libgreenidx handle is open
#'
#' @param x a handle (an object of class "gidx_handle").
#' @return `TRUE` until the handle is closed with `gidx_close()`.
gidx_is_open <- function(x) {
  gidx_r_is_open(x)
}

#' A report document
#'
#' Creates a libgreenidx report (a handle of class "gidx_report"), to which
#' paragraphs are added with `gidx_report_add_text()` and which is rendered
#' with `gidx_report_render()`.
#' @param title the report's title, one string.
#' @return a handle of class c("gidx_report", "gidx_handle").
gidx_report <- function(title) {
  if (!is.character(title) || length(title) != 1L || is.na(title))
    .gidx_einval("gidx_report: title must be one string", call = sys.call())
  C_gidx_report_new(title)
}

#' Add a paragraph to a report
#'
#' @param report a report made by `gidx_report()`.
#' @param text the paragraph, one string.
#' @return `report`, invisibly.
gidx_report_add_text <- function(report, text) {
  C_gidx_report_add_text(report, as.character(text))
  invisible(report)
}

#' Render a report
#'
#' @param report a report made by `gidx_report()`.
#' @param format one of "text", "json" or "html".
#' @return the rendered document, one string.
gidx_report_render <- function(report, format = c("text", "json", "html")) {
  format <- match.arg(format)
  code <- match(format, c("text", "json", "html")) - 1L
  C_gidx_report_render(report, code)
}

#' @export
print.gidx_handle <- function(x, ...) {
  cat(sprintf("<%s handle%s>\n", class(x)[1L],
              if (gidx_r_is_open(x)) "" else ", closed"))
  invisible(x)
}
