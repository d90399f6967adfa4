# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Composite indices from R (OECD/JRC Handbook 2008; COINr conventions). An
# index input ("coin") is an external pointer to the C data and specification,
# freed by R's garbage collector; results are data.frames.

#' Load COINr's iData / iMeta CSV layout into an index input.
#' @param idata path of the unit-by-indicator table (COINr iData layout)
#' @param imeta path of the indicator metadata table (COINr iMeta layout: Level, iCode, Direction, Weight, Parent, ...)
#' @return an index input of class "gidx_coin" (list of the data and the specification)
gidx_index_coinr <- function(idata, imeta) {
  r <- C_gidx_index_load_coinr(as.character(idata), as.character(imeta))
  structure(list(data = r$data, spec = r$spec), class = "gidx_coin")
}

#' Build an index input from a units x indicators matrix and a hierarchy.
#'
#' @param X numeric matrix, one row per unit (rownames = unit codes) and one
#'   column per indicator (colnames = codes); NA = missing
#' @param parents the aggregate of each indicator
#' @param aggregates data.frame(code, parent, weight); parent NA for the root
#' @param weights per-indicator weights (default 1)
#' @param directions per-indicator directions, +1 or -1 (default +1)
#' @param year the year the values belong to
#' @return an index input of class "gidx_coin" (list of the data and the specification)
gidx_index_build <- function(X, parents, aggregates, weights = NULL, directions = NULL,
                             year = 2000) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  k <- ncol(X)
  if (is.null(weights)) weights <- rep(1, k)
  if (is.null(directions)) directions <- rep(1, k)
  units <- if (is.null(rownames(X))) as.character(seq_len(nrow(X))) else rownames(X)
  if (length(parents) != k || length(weights) != k || length(directions) != k)
    .gidx_einval("gidx_index_build: parents, weights and directions need one value per column of X")
  coin <- structure(list(data = C_gidx_dataset_new(), spec = C_gidx_index_spec_new()), class = "gidx_coin")
  ap <- as.character(aggregates$parent)
  for (i in seq_along(aggregates$code))
    C_gidx_index_spec_add_aggregate(coin$spec, as.character(aggregates$code[i]),
                                    if (is.na(ap[i])) "" else ap[i], as.numeric(aggregates$weight[i]))
  codes <- as.character(colnames(X))
  for (j in seq_len(k))
    C_gidx_index_spec_add_indicator(coin$spec, codes[j], as.character(parents[j]),
                                    as.numeric(weights[j]), as.integer(directions[j]))
  for (j in seq_len(k)) for (i in seq_along(units)) {
    v <- X[i, j]
    C_gidx_dataset_set(coin$data, units[i], as.integer(year), codes[j], if (is.na(v)) 0 else v,
                       if (is.na(v)) 1L else 0L)
  }
  coin
}

#' Set methodological choices by name, e.g. impute = "group-mean:EurAsia_group",
#' normalise = "minmax:0,100", treat = "winsorise:5", aggregate = "gmean".
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @param ... named choices: year, denominate, impute, screen, treat, normalise, weights,
#'   aggregate, min_avail (the strings of greenidx index); an unknown name is a gidx_einval
#'   condition naming it
#' @return `coin`, invisibly
gidx_index_options <- function(coin, ...) {
  opts <- list(...)
  .gidx_known_args(if (is.null(names(opts))) rep("", length(opts)) else names(opts), c("year", "denominate", "impute", "screen", "treat", "normalise",
                                  "weights", "aggregate", "min_avail", "min-avail"))
  for (n in names(opts)) {
    v <- opts[[n]]
    if (is.logical(v)) v <- if (isTRUE(v)) "true" else "false"
    C_gidx_b_index_option(coin$spec, gsub("_", "-", n), as.character(v))
  }
  invisible(coin)
}

#' Compute the index: a data.frame with uCode, uName, year, score, rank and
#' one column per aggregate, sorted by year and rank, of class
#' c("gidx_index", "data.frame"): print() shows the latest year.
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @return a data.frame of class c("gidx_index", "data.frame"), all years
gidx_index_compute <- function(coin) {
  r <- C_gidx_index_compute(coin$spec, coin$data)
  U <- C_gidx_index_result_nunits(r)
  units <- vapply(seq_len(U) - 1, function(i) C_gidx_index_result_unit(r, i), "")
  names <- vapply(seq_len(U) - 1, function(i) C_gidx_index_result_unit_name(r, i), "")
  aggs <- vapply(seq_len(C_gidx_index_result_naggregates(r)) - 1,
                 function(j) C_gidx_index_result_aggregate(r, j), "")
  years <- vapply(seq_len(C_gidx_index_result_nyears(r)) - 1, function(t) C_gidx_index_result_year(r, t), 1L)
  na <- function(x) { x[is.nan(x)] <- NA_real_; x }
  out <- list()
  for (t in seq_along(years)) {
    df <- data.frame(uCode = units, uName = names, year = years[t],
                     score = na(C_gidx_index_result_scores(U, r, aggs[1], years[t])),
                     rank = na(C_gidx_index_result_ranks(U, r, aggs[1], years[t])),
                     stringsAsFactors = FALSE)
    for (j in seq_along(aggs)[-1]) df[[aggs[j]]] <- na(C_gidx_index_result_scores(U, r, aggs[j], years[t]))
    out[[t]] <- df[order(df$rank, na.last = TRUE), ]
  }
  res <- do.call(rbind, out)
  rownames(res) <- NULL
  class(res) <- c("gidx_index", "data.frame")
  res
}

#' Monte Carlo uncertainty (or Sobol sensitivity with sobol = TRUE) over the
#' listed alternatives. Returns list(ranks = data.frame(nominal, median, p05,
#' p95), sobol = data.frame(factor, first, total), nruns).
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @param n number of Monte Carlo replications (base sample size for Sobol)
#' @param seed random seed; results depend on it and not on threads
#' @param threads number of threads
#' @param sobol TRUE for Sobol first-order and total-effect indices (Saltelli estimators)
#' @param impute imputation alternatives to sample (character)
#' @param normalise normalisation alternatives to sample (character)
#' @param aggregate aggregation alternatives to sample (character)
#' @param weight_noise relative perturbation of the weights, e.g. 0.25 for +/- 25 %
#' @param exclude_one TRUE to include excluding one indicator at a time as a choice
gidx_index_uncertainty <- function(coin, n = 1000, seed = 1, threads = 1, sobol = FALSE,
                                   impute = character(), normalise = character(),
                                   aggregate = character(), weight_noise = 0, exclude_one = FALSE) {
  u <- C_gidx_b_index_uncertainty(coin$spec, coin$data, as.numeric(n), as.numeric(seed),
                                   as.numeric(threads), as.integer(isTRUE(sobol)),
                                   as.character(impute), as.character(normalise),
                                   as.character(aggregate), as.numeric(weight_noise),
                                   as.integer(isTRUE(exclude_one)))
  r <- C_gidx_index_uncertainty_ranks(C_gidx_index_uncertainty_nunits(u), u)
  s <- tryCatch(C_gidx_index_uncertainty_sobol(5, u), gidx_error = function(e)
    list(first = rep(NA_real_, 5), total = rep(NA_real_, 5)))
  na <- function(x) { x[is.nan(x)] <- NA_real_; x }
  list(ranks = data.frame(nominal = r$nominal, median = r$median, p05 = r$p05, p95 = r$p95),
       sobol = data.frame(factor = c("impute", "normalise", "aggregate", "weights", "exclude"),
                          first = na(s$first), total = na(s$total), stringsAsFactors = FALSE),
       nruns = C_gidx_index_uncertainty_nruns(u))
}

#' Cronbach's alpha of the columns of a matrix (NA = missing, pairwise covariances).
#' @param X numeric matrix, one column per item (NA = missing)
gidx_cronbach_alpha <- function(X) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  C_gidx_cronbach_alpha(X)
}

#' PCA of the standardised complete rows: data.frame(sdev, proportion).
#' @param X numeric matrix, one column per variable (NA rows dropped)
gidx_pca <- function(X) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  p <- ncol(X)
  v <- C_gidx_pca(p * p, X)
  data.frame(sdev = v$sdev[seq_len(p)], proportion = v$prop[seq_len(p)])
}

#' Scorecard of one region against its peers (unit codes): data.frame(node,
#' type, score, rank, peer_rank, diff_vs_peers, assessment), strengths first.
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @param region the unit code
#' @param peers unit codes of its peers
#' @param year the year (0 = the first computed year)
gidx_index_scorecard <- function(coin, region, peers, year = 0) {
  r <- C_gidx_index_compute(coin$spec, coin$data)
  U <- C_gidx_index_result_nunits(r)
  units <- vapply(seq_len(U) - 1, function(i) C_gidx_index_result_unit(r, i), "")
  u <- match(as.character(region), units) - 1
  pp <- match(as.character(peers), units) - 1
  if (is.na(u) || anyNA(pp))
    stop(structure(class = c("gidx_enotfound", "gidx_error", "error", "condition"),
                   list(message = sprintf("unit \"%s\" is not in the index",
                                          c(region, peers)[is.na(c(u, pp))][1L]),
                        call = sys.call(), code = -6L)))
  NI <- C_gidx_index_result_nindicators(r)
  NN <- NI + C_gidx_index_result_naggregates(r)
  y <- as.integer(year)
  nodes <- vapply(seq_len(NN) - 1, function(i) C_gidx_index_result_scorecard_node(r, i), "")
  na <- function(x) { x[is.nan(x)] <- NA_real_; x }
  at <- function(f) na(vapply(nodes, function(n) f(U, r, n, y)[u + 1], 1, USE.NAMES = FALSE))
  prk <- vapply(nodes, function(n) tryCatch(C_gidx_index_result_peer_rank(r, u, pp, n, y),
                                           gidx_error = function(e) NA_real_), 1, USE.NAMES = FALSE)
  df <- data.frame(node = nodes, type = ifelse(seq_len(NN) > NI, "aggregate", "indicator"),
                   score = at(C_gidx_index_result_scores), rank = at(C_gidx_index_result_ranks),
                   peer_rank = na(prk), diff_vs_peers = na(C_gidx_index_result_scorecard(NN, r, u, pp, y)),
                   stringsAsFactors = FALSE)
  df$assessment <- ifelse(is.na(df$diff_vs_peers), NA,
                          ifelse(df$diff_vs_peers > 0, "strength",
                                 ifelse(df$diff_vs_peers < 0, "weakness", "par")))
  df <- df[order(-df$diff_vs_peers, na.last = TRUE), ]
  rownames(df) <- NULL
  df
}

# ---- S3 methods of the index input and the index (bindA) ----

#' Format an index input: its nodes, units and years.
#' @param x an index input from gidx_index_coinr() or gidx_index_build()
#' @param ... unused
#' @return one string
format.gidx_coin <- function(x, ...) {
  if (!gidx_is_open(x$spec) || !gidx_is_open(x$data)) return("<gidx_coin, closed>")
  sprintf("<gidx_coin: %d nodes over %d units x %d years>", as.integer(C_gidx_index_spec_nnodes(x$spec)),
          as.integer(C_gidx_dataset_nregions(x$data)), as.integer(C_gidx_dataset_nyears(x$data)))
}

#' Print an index input (see format.gidx_coin).
#' @param x an index input
#' @param ... unused
#' @return `x`, invisibly
#' @examples
#' X <- matrix(c(3, 1, 2, 30, 10, 25), 3, dimnames = list(c("A", "B", "C"), c("i1", "i2")))
#' coin <- gidx_index_build(X, parents = c("p", "p"), year = 2023,
#'                          aggregates = data.frame(code = c("index", "p"), parent = c(NA, "index"), weight = 1))
#' coin
print.gidx_coin <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

.gidx_latest <- function(x, year = NULL) {
  if (is.null(year)) year <- max(x$year)
  x[x$year == year, , drop = FALSE]
}

#' Format a computed index: the year shown and its units.
#' @param x an index from gidx_index_compute()
#' @param ... unused
#' @return one string
format.gidx_index <- function(x, ...) {
  sprintf("<gidx_index: %d units, years %s; latest year %d>", length(unique(x$uCode)),
          paste(range(x$year), collapse = "-"), max(x$year))
}

#' Print a computed index: its latest year, by rank (the default view of
#' every result; as.data.frame() gives all years).
#' @param x an index from gidx_index_compute()
#' @param n rows to show
#' @param ... passed to print.data.frame
#' @return `x`, invisibly
#' @examples
#' X <- matrix(c(3, 1, 2, 30, 10, 25), 3, dimnames = list(c("A", "B", "C"), c("i1", "i2")))
#' res <- gidx_index_compute(gidx_index_build(X, parents = c("p", "p"), year = 2023,
#'   aggregates = data.frame(code = c("index", "p"), parent = c(NA, "index"), weight = 1)))
#' res
#' summary(res)
print.gidx_index <- function(x, n = 10L, ...) {
  cat(format(x), "\n", sep = "")
  print(utils::head(as.data.frame(.gidx_latest(x)), n), ...)
  invisible(x)
}

#' All years of a computed index as a plain data.frame.
#' @param x an index from gidx_index_compute()
#' @param row.names unused
#' @param optional unused
#' @param ... unused
#' @return data.frame(uCode, uName, year, score, rank, one column per aggregate)
as.data.frame.gidx_index <- function(x, row.names = NULL, optional = FALSE, ...) {
  class(x) <- "data.frame"
  x
}

#' Summary of a computed index in one year: per aggregate (the index first)
#' the number of scores, their mean, sd, min, median and max (in the
#' normalisation's units, min-max 0-100 by default).
#' @param object an index from gidx_index_compute()
#' @param year the year (NULL = the latest)
#' @param ... unused
#' @return a data.frame with one row per aggregate
summary.gidx_index <- function(object, year = NULL, ...) {
  d <- as.data.frame(.gidx_latest(object, year))
  cols <- setdiff(names(d), c("uCode", "uName", "year", "rank"))
  st <- function(v) { v <- v[!is.na(v)]; c(n = length(v), mean = mean(v), sd = stats::sd(v), min = min(v),
                                          median = stats::median(v), max = max(v)) }
  out <- as.data.frame(t(vapply(cols, function(c) st(d[[c]]), numeric(6))))
  rownames(out)[1L] <- "index"
  out
}

#' Bar chart (base graphics) of the index scores in one year, best at the top.
#' @param x an index from gidx_index_compute()
#' @param year the year (NULL = the latest)
#' @param top show only the best `top` units (NULL = all)
#' @param ... passed to graphics::barplot
#' @return the bar midpoints, invisibly (as graphics::barplot)
plot.gidx_index <- function(x, year = NULL, top = NULL, ...) {
  d <- as.data.frame(.gidx_latest(x, year))
  d <- d[!is.na(d$score), , drop = FALSE]
  d <- d[order(d$rank), , drop = FALSE]
  if (!is.null(top)) d <- utils::head(d, top)
  invisible(graphics::barplot(rev(d$score), names.arg = rev(d$uName), horiz = TRUE, las = 1,
                              xlab = "index score", main = paste("index", max(d$year)), ...))
}

#' ggplot2 bar chart of the index scores in one year, best at the top.
#' @param object an index from gidx_index_compute()
#' @param year the year (NULL = the latest)
#' @param ... unused
#' @return a ggplot object
autoplot.gidx_index <- function(object, year = NULL, ...) {
  d <- as.data.frame(.gidx_latest(object, year))
  d <- d[!is.na(d$score), , drop = FALSE]
  d$uName <- factor(d$uName, levels = rev(d$uName[order(d$rank)]))
  ggplot2::ggplot(d, ggplot2::aes(x = .data$score, y = .data$uName)) + ggplot2::geom_col() +
    ggplot2::labs(x = "index score", y = NULL, title = paste("index", max(d$year)))
}
