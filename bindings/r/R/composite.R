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
gidx_index_coinr <- function(idata, imeta) {
  structure(list(ptr = gidx_check(gidx_r_coin_load(as.character(idata), as.character(imeta)))),
            class = "gidx_coin")
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
gidx_index_build <- function(X, parents, aggregates, weights = NULL, directions = NULL,
                             year = 2000) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  k <- ncol(X)
  if (is.null(weights)) weights <- rep(1, k)
  if (is.null(directions)) directions <- rep(1, k)
  units <- if (is.null(rownames(X))) as.character(seq_len(nrow(X))) else rownames(X)
  p <- gidx_r_coin_build(units, as.numeric(year), X, as.character(colnames(X)), as.character(parents),
                         as.numeric(weights), as.numeric(directions), as.character(aggregates$code),
                         as.character(aggregates$parent), as.numeric(aggregates$weight))
  structure(list(ptr = gidx_check(p)), class = "gidx_coin")
}

#' Set methodological choices by name, e.g. impute = "group-mean:EurAsia_group",
#' normalise = "minmax:0,100", treat = "winsorise:5", aggregate = "gmean".
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @param ... named choices: impute, screen, treat, normalise, weights, aggregate (the strings of greenidx index)
gidx_index_options <- function(coin, ...) {
  opts <- list(...)
  for (n in names(opts)) {
    v <- opts[[n]]
    if (is.logical(v)) v <- if (isTRUE(v)) "true" else "false"
    gidx_check(gidx_r_coin_option(coin$ptr, gsub("_", "-", n), as.character(v)))
  }
  invisible(coin)
}

#' Compute the index: a data.frame with uCode, uName, year, score, rank and
#' one column per aggregate, sorted by year and rank.
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
gidx_index_compute <- function(coin) {
  r <- gidx_check(gidx_r_compute(coin$ptr))
  units <- r[[1]]; names <- r[[2]]; aggs <- r[[3]]; years <- r[[4]]
  U <- length(units); A <- length(aggs)
  out <- list()
  for (t in seq_along(years)) {
    base <- (t - 1) * A * U
    df <- data.frame(uCode = units, uName = names, year = years[t],
                     score = r[[5]][base + seq_len(U)], rank = r[[6]][base + seq_len(U)],
                     stringsAsFactors = FALSE)
    for (j in seq_len(A)[-1]) df[[aggs[j]]] <- r[[5]][base + (j - 1) * U + seq_len(U)]
    out[[t]] <- df[order(df$rank, na.last = TRUE), ]
  }
  res <- do.call(rbind, out)
  rownames(res) <- NULL
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
  r <- gidx_check(gidx_r_uncertainty(coin$ptr, as.numeric(n), as.numeric(seed), as.numeric(threads),
                                     as.logical(sobol), paste(impute, collapse = ";"),
                                     paste(normalise, collapse = ";"), paste(aggregate, collapse = ";"),
                                     as.numeric(weight_noise), as.logical(exclude_one)))
  list(ranks = data.frame(nominal = r[[1]], median = r[[2]], p05 = r[[3]], p95 = r[[4]]),
       sobol = data.frame(factor = c("impute", "normalise", "aggregate", "weights", "exclude"),
                          first = r[[5]], total = r[[6]], stringsAsFactors = FALSE),
       nruns = r[[7]])
}

#' Cronbach's alpha of the columns of a matrix (NA = missing, pairwise covariances).
#' @param X numeric matrix, one column per item (NA = missing)
gidx_cronbach_alpha <- function(X) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  gidx_check(gidx_r_cronbach(X, as.numeric(ncol(X))))
}

#' PCA of the standardised complete rows: data.frame(sdev, proportion).
#' @param X numeric matrix, one column per variable (NA rows dropped)
gidx_pca <- function(X) {
  X <- as.matrix(X)
  storage.mode(X) <- "double"
  v <- gidx_check(gidx_r_pca(X, as.numeric(ncol(X))))
  p <- ncol(X)
  data.frame(sdev = v[seq_len(p)], proportion = v[p + seq_len(p)])
}

#' Scorecard of one region against its peers (unit codes): data.frame(node,
#' type, score, rank, peer_rank, diff_vs_peers, assessment), strengths first.
#' @param coin an index input from gidx_index_coinr() or gidx_index_build()
#' @param region the unit code
#' @param peers unit codes of its peers
#' @param year the year (0 = the first computed year)
gidx_index_scorecard <- function(coin, region, peers, year = 0) {
  r <- gidx_check(gidx_r_scorecard(coin$ptr, as.character(region), as.character(peers), as.numeric(year)))
  df <- data.frame(node = r[[1]], type = ifelse(r[[2]], "aggregate", "indicator"), score = r[[3]],
                   rank = r[[5]], peer_rank = r[[6]], diff_vs_peers = r[[4]], stringsAsFactors = FALSE)
  df$assessment <- ifelse(is.na(df$diff_vs_peers), NA,
                          ifelse(df$diff_vs_peers > 0, "strength",
                                 ifelse(df$diff_vs_peers < 0, "weakness", "par")))
  df <- df[order(-df$diff_vs_peers, na.last = TRUE), ]
  rownames(df) <- NULL
  df
}
