# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The idiomatic R layer over the SWIG module: errors become R conditions
# carrying the C message, results become plain vectors and data.frames.

.gidx_codes <- c("-1" = "einval", "-2" = "enomem", "-3" = "eio", "-4" = "eparse",
                 "-5" = "edata", "-6" = "enotfound", "-7" = "ebufs",
                 "-8" = "esingular", "-9" = "enoconv", "-10" = "edom",
                 "-11" = "erange", "-12" = "enumeric", "-13" = "etooshort",
                 "-14" = "elimit", "-15" = "enet", "-16" = "estate",
                 "-17" = "eduplicate", "-18" = "eencoding",
                 "-19" = "eunsupported", "-20" = "einternal")

#' Signal the C library's last error as an R condition.
#'
#' The condition has classes c("gidx_<code>", "gidx_error", "error",
#' "condition") and carries `code` (the C gidx_status) and the C message.
gidx_stop <- function(code, call = sys.call(-1)) {
  code <- as.integer(code)
  msg <- if (C_gidx_error_last_code() == code) C_gidx_error_last_message() else ""
  if (!nzchar(msg)) msg <- C_gidx_strerror(code)
  name <- .gidx_codes[as.character(code)]
  if (is.na(name)) name <- "unknown"
  cond <- structure(class = c(paste0("gidx_", name), "gidx_error", "error", "condition"),
                    list(message = msg, call = call, code = code))
  stop(cond)
}

#' Check a status or a result: a negative status (or an object of class
#' "gidx_status") becomes an R error; anything else is returned unchanged.
gidx_check <- function(x) {
  if (inherits(x, "gidx_status") || (is.integer(x) && length(x) == 1L && !is.na(x) && x < 0L)) {
    gidx_stop(unclass(x)[1L], call = sys.call(-1))
  }
  invisible(x)
}

#' The libgreenidx run-time version, e.g. "0.1.0".
gidx_version <- function() C_gidx_version_string()

#' Solve A x = b with the library's LU solver (GSL); a singular A is an
#' error of class "gidx_esingular".
gidx_solve <- function(A, b) {
  A <- as.matrix(A)
  storage.mode(A) <- "double"
  b <- as.numeric(b)
  C_gidx_linalg_solve(length(b), A, b)
}

#' The libgreenidx run-time version as major * 10000 + minor * 100 + patch.
gidx_version_number <- function() C_gidx_version_number()

# The answer of a generated C_gidx_* function returning a gidx_status (see
# bindings/greenidx.i): a negative status signals its condition; otherwise
# the out-parameters are returned, one as itself and several as a named list
# (NULL, invisibly, when there are none).
.gidx_result <- function(ans) {
  status <- if (is.list(ans)) ans[[1L]] else ans
  if (is.integer(status) && length(status) == 1L && !is.na(status) && status < 0L)
    gidx_stop(status, call = sys.call(-1L))
  if (!is.list(ans)) return(invisible(NULL))
  out <- ans[-1L]
  out <- out[nzchar(names(out))]  # slots SWIG reserved but no typemap filled
  if (length(out) == 0L) return(invisible(NULL))
  if (length(out) == 1L) out[[1L]] else out
}

# Before a generated call: a closed handle signals gidx_einval naming its type
# (the C library would only see a NULL argument).
.gidx_open <- function(x, type) {
  if (inherits(x, "gidx_handle") && !gidx_r_is_open(x)) {
    cond <- structure(class = c("gidx_einval", "gidx_error", "error", "condition"),
                      list(message = sprintf("this %s is closed (gidx_close)", type),
                           call = sys.call(-1L), code = -1L))
    stop(cond)
  }
  invisible(x)
}

# An argument outside its allowed values, or an unknown argument in `...`,
# is an error of class gidx_einval naming it (a misspelt option is never
# silently dropped).
.gidx_einval <- function(msg, call = sys.call(-2L)) {
  stop(structure(class = c("gidx_einval", "gidx_error", "error", "condition"),
                 list(message = msg, call = call, code = -1L)))
}
.gidx_choice <- function(value, allowed, what) {
  if (!is.character(value) || length(value) != 1L || !value %in% allowed)
    .gidx_einval(sprintf("%s = %s: must be one of %s", what, deparse(value),
                         paste0('"', allowed, '"', collapse = ", ")))
  value
}
.gidx_known_args <- function(given, known) {
  bad <- setdiff(given, known)
  if (length(bad) > 0L || any(!nzchar(given)))
    .gidx_einval(sprintf("unknown argument%s %s (known: %s)", if (length(bad) > 1L) "s" else "",
                         paste(bad, collapse = ", "), paste(known, collapse = ", ")))
  invisible(TRUE)
}
