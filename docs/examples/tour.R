# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A tour of libgreenidx from R, on the data compiled into the library:
#   1. the embedded Telemark panel and the default indicator catalogue,
#   2. the indicator panel and its validation,
#   3. a composite index with Monte Carlo rank intervals,
#   4. a forecast to 2030 with a fan chart and the probability of meeting a target,
#   5. the Proposition 99 synthetic control (Abadie, Diamond & Hainmueller 2010),
#   6. a ripple (input-output) scenario.
# Every number is computed by the C library; the script only reshapes and prints.
#
# Run it with the installed package:
#     Rscript docs/examples/tour.R
# or against a build tree (what tests/examples/run_tour_r.sh does):
#     GIDX_R_BUILDDIR=build/bindings/r Rscript docs/examples/tour.R
# Environment:
#   GIDX_R_BUILDDIR   load greenidx.so and the R layer from this folder of a
#                     build tree instead of library(greenidx)
#   GIDX_SOURCE_ROOT  the repository root (default: two folders above this
#                     script), for tests/data/effects/smoking.csv and tests/data/ripple/mb
#   GIDX_TOUR_OUTDIR  where the fan chart SVG is written (default: tempdir())

root <- Sys.getenv("GIDX_SOURCE_ROOT")
if (!nzchar(root)) {
  script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  root <- if (length(script)) file.path(dirname(normalizePath(script[1])), "..", "..") else "."
}
root <- normalizePath(root)
builddir <- Sys.getenv("GIDX_R_BUILDDIR")
if (nzchar(builddir)) {
  source(file.path(root, "tests", "r", "load_build.R"))
  gidx_load_build(builddir)
} else {
  suppressPackageStartupMessages(library(greenidx))
}

if (!dir.exists(file.path(root, "tests", "data", "ripple", "mb")))
  stop(root, " is not the libgreenidx source tree: set GIDX_SOURCE_ROOT")
outdir <- Sys.getenv("GIDX_TOUR_OUTDIR", tempdir())
options(width = 150, digits = 5)
section <- function(title) cat("\n", strrep("=", 72), "\n", title, "\n", strrep("=", 72), "\n", sep = "")
cat("libgreenidx", gidx_version(), "\n")

## 1. The embedded data ------------------------------------------------------
# gidx_load_default(): 17 Telemark municipalities at 2024 boundaries plus the
# county (code 40), with Miljødirektoratet's greenhouse-gas statistics and
# SSB's population, employment and electricity tables.
section("1. The embedded data")
ds <- gidx_load_default()
cells <- gidx_cells(ds)
cat(length(unique(cells$region)), "regions,", length(unique(cells$variable)), "variables,",
    nrow(cells), "cells\n")
print(gidx_meta(ds))
print(head(cells[cells$variable == "ghg_total" & cells$year == 2023, ]), row.names = FALSE)

## 2. Indicators -------------------------------------------------------------
# The default catalogue: 31 indicators in five pillars, each a formula over
# the base variables; a value that cannot be computed is missing with a reason.
section("2. Indicators")
cat_ <- gidx_catalog()
catalog <- gidx_catalog_frame(cat_)
print(head(catalog[, c("id", "pillar", "direction", "unit", "formula")], 12), row.names = FALSE)
ind <- gidx_indicators(catalog = cat_)
cat(nrow(ind), "values,", sum(is.na(ind$value)), "missing\n")
skien <- gidx_indicators(catalog = cat_, region = "Skien")
print(head(skien[skien$year == 2023, c("indicator", "value", "reason")], 12), row.names = FALSE)

## 3. Validation -------------------------------------------------------------
section("3. Validation")
val <- gidx_validate(ind)
cat(paste(head(strsplit(val$text, "\n")[[1]], 17), collapse = "\n"), "\n")
print(table(val$findings$check))
print(val$findings[val$findings$check == "redundant", c("indicator", "message")], row.names = FALSE)

## 4. Composite index and ranking with uncertainty ---------------------------
# The municipalities on the indicators of 2023: non-context indicators observed
# for at least half of them, grouped by pillar, min-max normalised in each
# indicator's direction, equal weights, arithmetic means (OECD/JRC Handbook
# 2008). Reshaping the long panel into a matrix is plain R; the index is
# computed by the library.
section("4. Composite index 2023 with Monte Carlo rank intervals")
YEAR <- 2023
mun <- ind[nchar(ind$region_code) == 4 & ind$year == YEAR, ]
X <- tapply(mun$value, list(mun$region_code, mun$indicator), identity)
scored <- catalog$id[catalog$direction != "context"]
X <- X[, intersect(scored, colnames(X)), drop = FALSE]
X <- X[, colSums(!is.na(X)) >= nrow(X) %/% 2, drop = FALSE]
meta <- catalog[match(colnames(X), catalog$id), ]
pillars <- unique(meta$pillar)
coin <- gidx_index_build(X, parents = meta$pillar,
                         aggregates = data.frame(code = c("index", pillars),
                                                 parent = c(NA, rep("index", length(pillars))),
                                                 weight = 1),
                         directions = ifelse(meta$direction == "lower_better", -1, 1), year = YEAR)
gidx_index_options(coin, normalise = "minmax:0,100", aggregate = "amean", min_avail = 0.5)
res <- gidx_index_compute(coin)
cat(nrow(X), "municipalities x", ncol(X), "indicators\n")
# 500 rebuilds drawing the normalisation, the aggregation, weights +-25 % and
# one indicator left out (Saisana, Saltelli & Tarantola 2005).
unc <- gidx_index_uncertainty(coin, n = 500, seed = 1,
                              normalise = c("minmax:0,100", "zscore", "rank"),
                              aggregate = c("amean", "copeland"), weight_noise = 0.25,
                              exclude_one = TRUE)
names_ <- unique(mun[, c("region_code", "region_name")])
ranking <- cbind(res[, c("uCode", "score", "rank")],
                 unc$ranks[match(res$uCode, rownames(X)), c("median", "p05", "p95")])
ranking$name <- names_$region_name[match(ranking$uCode, names_$region_code)]
cat(unc$nruns, "replications\n")
print(ranking[, c("uCode", "name", "score", "rank", "median", "p05", "p95")], row.names = FALSE)

## 5. Forecast to 2030 with a fan chart --------------------------------------
# Telemark's total emissions with the automatic method (ETS, ARIMA and Theta
# combined, intervals calibrated on the series' own rolling-origin errors),
# against the catalogue's target record "municipal_2009": 55 % below the
# 2009 level by 2030 on a linear path.
section("5. Forecast to 2030")
ghg <- gidx_series(ds, "40", "ghg_total")
ghg <- ghg[!is.na(ghg$value), ]
model <- gidx_model_fit_r(ghg$year, ghg$value, method = "auto")
cat(model$name, "\n", model$message, "\n", sep = "")
fc <- gidx_model_forecast_r(model, 2030 - model$last_year, levels = c(80, 95))
print(fc, row.names = FALSE)
goal <- gidx_target(model, 2030, 0.55, base_year = 2009, below = TRUE)
str(goal)
svg <- gidx_svg_fan_chart(obs_years = ghg$year, obs = ghg$value, fc_years = fc$year,
                          mean = fc$mean, levels = c(80, 95),
                          lo = rbind(fc$lo80, fc$lo95), hi = rbind(fc$hi80, fc$hi95),
                          target_years = c(2009, 2030),
                          target = c(ghg$value[ghg$year == 2009], goal$target),
                          title = "Telemark: greenhouse-gas emissions", unit = "t CO2e")
fan <- file.path(outdir, "tour_fan_chart.svg")
writeLines(svg, fan)
cat("fan chart:", fan, "(", nchar(svg), "characters of SVG )\n")

## 6. Proposition 99: synthetic control --------------------------------------
section("6. Proposition 99: synthetic control")
smoking <- read.csv(file.path(root, "tests", "data", "effects", "smoking.csv"))
synth <- gidx_effect(smoking, "synth", "state", "year", "cigsale", treated = "California",
                     treat_time = 1989,
                     predictors = paste("lnincome@1980-1988", "retprice@1980-1988",
                                        "age15to24@1980-1988", "beer@1984-1988",
                                        "cigsale@1975", "cigsale@1980", "cigsale@1988", sep = ","))
cat(sprintf("average post-1988 gap %.2f packs per capita, pre-period RMSPE %.2f, placebo p = %.3f\n",
            synth$summary[["estimate"]], synth$value("rmspe_pre"), synth$value("placebo_p")))
w <- synth$rows("weight")
print(w[w$estimate > 0.001, ][order(-w$estimate[w$estimate > 0.001]), ], row.names = FALSE)
gap <- synth$rows("gap")
print(tail(gap, 5), row.names = FALSE)

## 7. Ripple effects of a demand shock ---------------------------------------
# Miller & Blair (2009, ch. 2) two-sector textbook table (illustrative only):
# 100 units of new final demand for manufacturing, households closed (type II).
section("7. Ripple effects")
io <- gidx_io_load(file.path(root, "tests", "data", "ripple", "mb"))
print(gidx_io_multipliers(io, "output", type = 2))
shock <- gidx_io_shock(io, c(Manufacturing = 100), type = 2)
print(as.data.frame(shock), row.names = FALSE)

## Errors --------------------------------------------------------------------
# A failing call is an R condition of class c("gidx_<code>", "gidx_error", ...)
# carrying the C message.
section("Errors")
err <- tryCatch(gidx_io_shock(io, c(Agriculture = 1), type = 3L),
                gidx_error = function(e) e)
cat(class(err)[1], err$code, conditionMessage(err), "\n")
cat("\ntour.R finished\n")
