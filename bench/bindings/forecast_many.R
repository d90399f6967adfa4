# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Batch forecasting from R: the 645 M3 yearly series (Makridakis & Hibon
# 2000) forecast 6 years ahead (method auto, 80/95 % intervals, one thread)
# with one gidx_forecast_many() call and with a loop of gidx_forecast(),
# side by side in one run; CPU seconds per round. Compare with the C batch
# call of bench/bindings/forecast_overhead.py.
# Usage (from the source root, after ninja -C build):
#   Rscript bench/bindings/forecast_many.R [BUILDDIR] [REPS]
args <- commandArgs(trailingOnly = TRUE)
builddir <- file.path(if (length(args) >= 1) args[1] else "build", "bindings", "r")
reps <- if (length(args) >= 2) as.integer(args[2]) else 3L
source(file.path("tests", "r", "load_build.R"))
gidx_load_build(builddir)
d <- read.csv(file.path("bench", "bindings", "data", "M3_yearly_TSTS.csv"))
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
for (rep in seq_len(reps)) {
  tb <- system.time(r <- gidx_forecast_many(d, 6, levels = c(80, 95)))
  one <- list()
  tl <- system.time(for (s in unique(d$series_id)) {
    x <- d[d$series_id == s, ]
    one[[s]] <- gidx_forecast(x$timestamp, x$value, 6, levels = c(80, 95))
  })
  same <- isTRUE(all.equal(r$forecasts$mean, unlist(lapply(one, `[[`, "mean"), use.names = FALSE),
                           tolerance = 1e-12))
  cat(sprintf("round %d: gidx_forecast_many %.3f s CPU, loop of gidx_forecast %.3f s CPU, same forecasts %s\n",
              rep, cpu(tb), cpu(tl), same))
}
