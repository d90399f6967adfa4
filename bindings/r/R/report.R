# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later

#' A fan chart (observed series, forecast with interval bands, target path)
#' drawn by libgreenidx, as an SVG string.
#'
#' `lo` and `hi` are matrices with one row per interval level (`levels`, in
#' percent) and one column per forecast year. Integer and double vectors are
#' both accepted.
gidx_svg_fan_chart <- function(obs_years = integer(), obs = numeric(),
                               fc_years = integer(), mean = numeric(),
                               levels = numeric(), lo = NULL, hi = NULL,
                               target_years = integer(), target = numeric(),
                               title = "", unit = "") {
  nl <- length(levels)
  flat <- function(m) if (is.null(m)) numeric() else as.numeric(t(matrix(m, nrow = nl)))
  gidx_check(gidx_r_svg_fan_chart(as.character(title), as.character(unit),
                                  as.integer(obs_years), as.numeric(obs),
                                  as.integer(fc_years), as.numeric(mean),
                                  as.numeric(levels), flat(lo), flat(hi),
                                  as.integer(target_years), as.numeric(target)))
}
