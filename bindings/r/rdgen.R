# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by bootstrap.sh on an assembled package folder: makes the NAMESPACE
# exports and the man pages of the R layer (R/*.R) without roxygen2, which
# Debian does not ship. Usage: Rscript rdgen.R PKGDIR [SWIG_R_FILE]
#
# The rule for every R/*.R file of the layer:
# - a top-level `name <- function(...)` preceded by a block of #' lines is
#   EXPORTED; one without such a block stays internal;
# - `print.<class>` (and format/summary/plot/as.data.frame methods) with a
#   #' block is registered as an S3 method instead;
# - an export with no man/*.Rd that has \alias{name} gets a generated one:
#   the first paragraph of the block is the title, the next ones the
#   description; `@param <arg> <text>` documents each argument (every
#   argument must have one, else R CMD check warns and bootstrap says so),
#   `@return <text>` the value, `@examples` the lines that follow it.
#   In the text, `code` becomes \code{code}.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1L) stop("usage: Rscript rdgen.R PKGDIR [SWIG_R_FILE]")
pkg <- args[1L]
skip <- if (length(args) >= 2L) basename(args[2L]) else ""
s3_generics <- c("print", "format", "summary", "plot", "as.data.frame", "as.list",
                 "length", "toString", "coef", "confint", "vcov", "fitted", "residuals",
                 "predict", "head", "tail", "as.matrix", "nobs", "logLik", "accuracy",
                 "autoplot")
# Generics of suggested packages: registered lazily (R >= 3.6 reads
# S3method(pkg::generic, class) and registers it when pkg is loaded).
s3_foreign <- c(autoplot = "ggplot2::autoplot")

rd_text <- function(x) {
  x <- gsub("\\\\", "\\\\\\\\", x)
  x <- gsub("%", "\\\\%", x)
  x <- gsub("\\{", "\\\\{", x)
  x <- gsub("\\}", "\\\\}", x)
  gsub("`([^`]+)`", "\\\\code{\\1}", x)
}

# The #' block right above line `line` of `lines`, without the #' marks.
doc_block <- function(lines, line) {
  i <- line - 1L
  out <- character()
  while (i >= 1L && grepl("^\\s*#'", lines[i])) {
    out <- c(sub("^\\s*#' ?", "", lines[i]), out)
    i <- i - 1L
  }
  out
}

# Split a block into paragraphs and tags.
parse_block <- function(b) {
  res <- list(paras = character(), params = list(), ret = NULL, examples = NULL)
  cur <- character(); tag <- NULL; tagname <- NULL
  flush <- function() {
    txt <- paste(cur, collapse = "\n")
    if (is.null(tag)) {
      if (nzchar(trimws(txt))) res$paras <<- c(res$paras, trimws(txt))
    } else if (tag == "param") {
      res$params[[tagname]] <<- trimws(txt)
    } else if (tag == "return") {
      res$ret <<- trimws(txt)
    } else if (tag == "examples") {
      res$examples <<- txt
    }
    cur <<- character()
  }
  for (l in b) {
    if (grepl("^@", l)) {
      flush()
      m <- regmatches(l, regexec("^@(\\w+)\\s*(.*)$", l))[[1L]]
      tag <- m[2L]; rest <- m[3L]
      if (tag == "param") {
        p <- regmatches(rest, regexec("^(\\S+)\\s*(.*)$", rest))[[1L]]
        tagname <- p[2L]; cur <- p[3L]
      } else if (tag %in% c("return", "examples")) {
        cur <- if (nzchar(rest)) rest else character()
      } else {
        tag <- "ignored"
      }
    } else if (is.null(tag) && !nzchar(trimws(l))) {
      flush()
    } else {
      cur <- c(cur, l)
    }
  }
  flush()
  res
}

usage_of <- function(name, fn) {
  f <- formals(fn)
  a <- vapply(names(f), function(n) {
    if (n == "...") return("...")
    if (identical(f[[n]], quote(expr = ))) return(n)
    paste0(n, " = ", paste(deparse(f[[n]], width.cutoff = 500L), collapse = " "))
  }, "")
  paste0(name, "(", paste(a, collapse = ", "), ")")
}

documented <- character()
for (rd in list.files(file.path(pkg, "man"), pattern = "\\.Rd$", full.names = TRUE)) {
  txt <- readLines(rd, warn = FALSE, encoding = "UTF-8")
  documented <- c(documented, sub(".*\\\\alias\\{([^}]*)\\}.*", "\\1",
                                  grep("\\\\alias\\{", txt, value = TRUE)))
}

exports <- character(); s3 <- character(); missing <- character()
files <- sort(list.files(file.path(pkg, "R"), pattern = "\\.R$", full.names = TRUE))
for (f in files) {
  if (basename(f) == skip) next
  lines <- readLines(f, warn = FALSE, encoding = "UTF-8")
  exprs <- parse(f, keep.source = TRUE, encoding = "UTF-8")
  refs <- attr(exprs, "srcref")
  env <- new.env()
  for (k in seq_along(exprs)) {
    e <- exprs[[k]]
    if (!(is.call(e) && as.character(e[[1L]]) %in% c("<-", "=") && is.symbol(e[[2L]]) &&
          is.call(e[[3L]]) && identical(e[[3L]][[1L]], as.name("function"))))
      next
    name <- as.character(e[[2L]])
    block <- doc_block(lines, refs[[k]][1L])
    if (length(block) == 0L || startsWith(name, ".")) next
    gen <- s3_generics[startsWith(name, paste0(s3_generics, "."))]
    if (length(gen) > 0L) {
      gen <- gen[which.max(nchar(gen))]
      qual <- if (gen %in% names(s3_foreign)) s3_foreign[[gen]] else gen
      s3 <- c(s3, sprintf("S3method(%s, %s)", qual, substring(name, nchar(gen) + 2L)))
      next
    }
    exports <- c(exports, name)
    if (name %in% documented) next
    fn <- eval(e[[3L]], env)
    b <- parse_block(block)
    title <- sub("\\.$", "", gsub("\\s+", " ", b$paras[1L]))
    desc <- if (length(b$paras) > 1L) b$paras[-1L] else b$paras[1L]
    rd <- c(sprintf("%% Generated by bindings/r/rdgen.R from %s: edit that file.", basename(f)),
            sprintf("\\name{%s}", name), sprintf("\\alias{%s}", name),
            sprintf("\\title{%s}", rd_text(title)),
            "\\description{", paste(rd_text(desc), collapse = "\n\n"), "}",
            "\\usage{", usage_of(name, fn), "}")
    fa <- names(formals(fn))
    if (length(fa) > 0L) {
      items <- character()
      for (a in fa) {
        txt <- b$params[[a]]
        if (is.null(txt)) {
          missing <- c(missing, sprintf("%s(%s) in %s", name, a, basename(f)))
          next
        }
        items <- c(items, sprintf("\\item{%s}{%s}", if (a == "...") "\\dots" else a, rd_text(txt)))
      }
      rd <- c(rd, "\\arguments{", items, "}")
    }
    if (!is.null(b$ret)) rd <- c(rd, "\\value{", rd_text(b$ret), "}")
    if (!is.null(b$examples)) rd <- c(rd, "\\examples{", b$examples, "}")
    writeLines(enc2utf8(rd), file.path(pkg, "man", paste0(name, ".Rd")), useBytes = TRUE)
  }
}
# S4 methods that SWIG's R code defines on generics from other packages
# ('[', '[<-', length, ...) count as user-level objects for R CMD check:
# document them as internal, whatever classes the module interfaces add.
if (nzchar(skip)) {
  swig <- readLines(file.path(pkg, "R", skip), warn = FALSE, encoding = "UTF-8")
  own <- sub(".*setGeneric\\(\\s*['\"]([^'\"]+)['\"].*", "\\1",
             grep("setGeneric\\(\\s*['\"]", swig, value = TRUE))
  m <- regmatches(swig, regexec("setMethod\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]", swig))
  m <- do.call(rbind, Filter(function(x) length(x) == 3L, m))
  if (!is.null(m)) {
    m <- unique(m[!(m[, 2L] %in% own), , drop = FALSE])
    aliases <- sprintf("\\alias{%s,%s-method}", rd_text(m[, 2L]), m[, 3L])
    writeLines(c("% Generated by bindings/r/rdgen.R from the SWIG R code.",
                 "\\name{greenidx-swig-internal}",
                 "\\alias{greenidx-swig-internal}", aliases,
                 "\\title{Internal methods of the SWIG layer}",
                 "\\description{",
                 "Methods that SWIG's generated R code defines for its pointer and array",
                 "classes. They are not meant to be called directly: use the documented",
                 "functions of the package.",
                 "}",
                 "\\keyword{internal}"),
               file.path(pkg, "man", "greenidx-swig-internal.Rd"))
  }
}
if (anyDuplicated(exports))
  message("rdgen: defined twice in R/: ", paste(unique(exports[duplicated(exports)]), collapse = ", "))
cat(c(sprintf("export(%s)", sort(unique(exports))), sort(unique(s3))),
    file = file.path(pkg, "NAMESPACE"), sep = "\n", append = TRUE)
if (length(missing) > 0L)
  message("rdgen: WARNING: no @param for ", paste(missing, collapse = "; "),
          " (R CMD check will warn about undocumented arguments)")
cat(sprintf("rdgen: %d exports, %d S3 methods, %d generated man pages\n",
            length(unique(exports)), length(unique(s3)),
            length(setdiff(unique(exports), documented))))
