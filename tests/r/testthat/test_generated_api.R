# Every exported symbol of GREENIDX_0.1 is reachable from R: generated from
# the headers as C_<symbol> (bindings/gen_api.py), freed by the finalizer of
# its handle, or called by a hand-written exception in bindings/<module>.i.
test_that("every exported symbol is reachable from R", {
  root <- Sys.getenv("GIDX_SOURCE_ROOT")
  skip_if(!nzchar(root), "GIDX_SOURCE_ROOT not set")
  ignored <- c(
    gidx_free = "the bindings free what the library returns themselves",
    gidx_error_last = "read through gidx_error_last_code/_message (a struct pointer)",
    gidx_fetch_plan_run = paste("takes a C progress callback and an item array; plans run through",
                                "gidx_fetch_plan_fetch (bindings/fetch.i, without the callback)"),
    gidx_xlsx_open_mem = "bytes in memory (const void *): R opens the file by path",
    gidx_dataset_parse_mdir = "bytes in memory (const void *): R loads the file by path",
    gidx_report_add_bars = "labels and values sized by n and nparts: no typemap sees both",
    gidx_svg_bars = "labels and values sized by n and nparts: no typemap sees both",
    gidx_workbook_add_sheet = "header, units and types sized by ncols: no typemap sees all three",
    gidx_workbook_add_csv = "units sized by the CSV's own header, which no typemap can count")
  syms <- unlist(lapply(Sys.glob(file.path(root, "libgreenidx", "*", "exports.sym")), function(f) {
    x <- readLines(f)
    sub("^\\s*(gidx_\\w+);.*$", "\\1", grep("^\\s*gidx_\\w+;", x, value = TRUE, perl = TRUE), perl = TRUE)
  }))
  expect_gt(length(syms), 300)
  glue <- paste(unlist(lapply(Sys.glob(file.path(root, "bindings", "*.i")), readLines)), collapse = "\n")
  # R glue functions and the C functions their bodies call
  defs <- gregexpr("SEXP (gidx_r_\\w+)\\s*\\([^)]*\\)\\s*\\{", glue, perl = TRUE)[[1]]
  starts <- as.integer(defs)
  names_r <- sub("(?s)SEXP (gidx_r_\\w+).*", "\\1", regmatches(glue, list(defs))[[1]], perl = TRUE)
  bodies <- substring(glue, starts, c(starts[-1] - 1L, nchar(glue)))
  # bindA: exceptions written once for both languages, gidx_status gidx_b_*(),
  # reached in R as C_gidx_b_*
  bdefs <- gregexpr("gidx_status (gidx_b_\\w+)\\s*\\([^)]*\\)\\s*\\{", glue, perl = TRUE)[[1]]
  if (bdefs[1] > 0) {
    bstarts <- as.integer(bdefs)
    bnames <- sub("(?s)gidx_status (gidx_b_\\w+).*", "C_\\1", regmatches(glue, list(bdefs))[[1]], perl = TRUE)
    names_r <- c(names_r, bnames)
    bodies <- c(bodies, substring(glue, bstarts, pmin(c(bstarts[-1] - 1L, nchar(glue)), bstarts + 3000L)))
  }
  api <- readLines(file.path(Sys.getenv("GIDX_R_BUILDDIR"), "..", "gidx_api.i"))
  handle_frees <- sub("^GIDX_HANDLE\\(\\w+, (\\w+)\\)$", "\\1", grep("^GIDX_HANDLE", api, value = TRUE))
  missing <- character()
  for (s in syms) {
    if (s %in% names(ignored) || exists(paste0("C_", s)) || s %in% handle_frees) next
    callers <- names_r[grepl(paste0("\\b", s, "\\s*\\("), bodies, perl = TRUE)]
    if (any(vapply(callers, exists, logical(1)))) next
    missing <- c(missing, s)
  }
  expect_equal(missing, character(), info = paste(missing, collapse = " "))
})
