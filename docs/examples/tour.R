# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A tour of libgreenidx from R, as an R researcher would use it, on the
# Telemark data compiled into the library:
#   1. the embedded Telemark panel,
#   2. the indicators of the default catalogue and their validation,
#   3. a composite index with Monte Carlo rank intervals,
#   4. a forecast of Telemark's emissions to 2030 against the 55 % target,
#   5. a policy effect: the Proposition 99 synthetic control (Abadie, Diamond
#      & Hainmueller 2010; the Telemark panel holds no policy experiment with a
#      published reference, so this section uses the tobacco data),
#   6. the ripple (input-output) effects of a demand shock in Telemark,
#   7. errors as conditions.
# The conventions of the package: results are S3 objects with print,
# summary, format, as.data.frame, coef, confint, fitted, residuals, predict,
# plot (base graphics) and autoplot (ggplot2) methods; a result shows its
# latest year first; levels and cuts are percent (80, 95, 55; a fraction in
# (0, 1) is read the same way); a yearly series can be a ts; regions are
# codes or names; a failing call signals a condition of class
# c("gidx_<code>", "gidx_error", "error", "condition").
# Every number is computed by the C library; the script only prints.
#
# Run it with the installed package:
#     Rscript docs/examples/tour.R
# or against a build tree (what tests/examples/run_tour_r.sh does):
#     GIDX_R_BUILDDIR=build/bindings/r Rscript docs/examples/tour.R
# Environment:
#   GIDX_R_BUILDDIR   load greenidx.so and the R layer from this folder of a
#                     build tree instead of library(greenidx)
#   GIDX_SOURCE_ROOT  the repository root (default: two folders above this
#                     script), for tests/data/effects/smoking.csv
#   GIDX_TOUR_OUTDIR  where the fan chart SVG and the plots (PDF) are written
#                     (default: tempdir())

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

if (!file.exists(file.path(root, "tests", "data", "effects", "smoking.csv")))
  stop(root, " is not the libgreenidx source tree: set GIDX_SOURCE_ROOT")
outdir <- Sys.getenv("GIDX_TOUR_OUTDIR", tempdir())
options(width = 150, digits = 5, scipen = 10)  # no e-notation
section <- function(title) cat("\n", strrep("=", 72), "\n", title, "\n", strrep("=", 72), "\n", sep = "")
cat("libgreenidx", gidx_version(), "\n")
# The plot() methods draw with base graphics: here into one PDF.
plots <- file.path(outdir, "tour_plots.pdf")
pdf(plots, width = 8, height = 6)

## 1. The embedded data ------------------------------------------------------
# gidx_load_default(): 17 Telemark municipalities at 2024 boundaries plus the
# county (code 40), with Miljødirektoratet's greenhouse-gas statistics and
# SSB's population, employment and electricity tables. print() describes the
# dataset, summary() counts each variable's regions, years and cells.
section("1. The embedded data")
ds <- gidx_load_default()
print(ds)
print(head(summary(ds), 12), row.names = FALSE)
# The population table covers every municipality of Norway; the other tables
# Telemark (county 40) and its 17 municipalities, the regions of this tour.
telemark <- c("40", gidx_county_regions("Telemark"))  # a county by name or code ("40")
cells <- as.data.frame(ds)
cells <- cells[cells$region %in% telemark, ]
cat(length(unique(cells$region)), "regions,", length(unique(cells$variable)), "variables,",
    nrow(cells), "cells in Telemark\n")
# One series, by region name or code: Skien is 4003.
skien_ghg <- gidx_series(ds, "Skien", "ghg_total")
stopifnot(identical(skien_ghg, gidx_series(ds, "4003", "ghg_total")))
print(tail(skien_ghg, 5), row.names = FALSE)

## 2. Indicators and their validation ----------------------------------------
# The default catalogue: 31 indicators in five pillars, each a formula over
# the base variables; a value that cannot be computed is missing with a
# reason. Any table of cells (region, year, variable, value) is a dataset:
# here the Telemark rows. Validation checks coverage, gaps, outliers, county
# sums, redundant pairs and Cronbach's alpha per pillar.
section("2. Indicators and their validation")
cat_ <- gidx_catalog()
catalog <- gidx_catalog_frame(cat_)
print(head(catalog[, c("id", "pillar", "direction", "unit", "formula")], 8), row.names = FALSE)
ind <- gidx_indicators(cells, catalog = cat_)
cat(nrow(ind), "values,", sum(is.na(ind$value)), "missing\n")
skien <- gidx_indicators(cells, catalog = cat_, region = "Skien")
print(head(skien[skien$year == 2023, c("indicator", "value", "reason")], 8), row.names = FALSE)
val <- gidx_validate(ind)
cat(format(val), "\n")
print(head(summary(val), 10))  # the findings counted per check and indicator
print(round(val$alpha, 3))     # Cronbach's alpha per pillar
plot(val)

## 3. Composite index and ranking with uncertainty ---------------------------
# The municipalities on the indicators of 2023: non-context indicators
# observed for at least half of them, grouped by pillar, min-max normalised
# in each indicator's direction, equal weights, arithmetic means (OECD/JRC
# Handbook 2008). Reshaping the long panel into a matrix is plain R; the
# index is computed by the library.
section("3. Composite index 2023 with Monte Carlo rank intervals")
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
print(coin)
res <- gidx_index_compute(coin)
print(res, n = 5)   # the latest year, by rank
print(summary(res)) # per aggregate: n, mean, sd, min, median, max
plot(res)
# 500 rebuilds drawing the normalisation, the aggregation, weights +-25 % and
# one indicator left out (Saisana, Saltelli & Tarantola 2005).
unc <- gidx_index_uncertainty(coin, n = 500, seed = 1,
                              normalise = c("minmax:0,100", "zscore", "rank"),
                              aggregate = c("amean", "copeland"), weight_noise = 0.25,
                              exclude_one = TRUE)
ranking <- cbind(as.data.frame(res)[, c("uCode", "score", "rank")],
                 unc$ranks[match(res$uCode, rownames(X)), c("median", "p05", "p95")])
ranking$name <- mun$region_name[match(ranking$uCode, mun$region_code)]
cat(unc$nruns, "replications\n")
print(ranking[order(ranking$rank), c("uCode", "name", "score", "rank", "median", "p05", "p95")],
      row.names = FALSE)

## 4. Forecast to 2030 against the target ------------------------------------
# Telemark's total emissions as a yearly ts (the years without data, 2010,
# 2012 and 2014, are NA), forecast with the automatic method (ETS, ARIMA,
# Theta and naive combined, intervals calibrated on the series' own
# rolling-origin errors), against the catalogue's target record
# "municipal_2009": a 55 % cut from the 2009 level by 2030.
section("4. Forecast to 2030")
tm <- gidx_series(ds, "Telemark", "ghg_total")
ghg <- ts(tm$value[match(2009:max(tm$year), tm$year)], start = 2009)
model <- gidx_model_fit_r(ghg, method = "auto")
print(model)
print(summary(model))
print(coef(model))
fc <- predict(model, h = 2030 - model$last_year, levels = c(80, 95))
print(fc, row.names = FALSE)
print(confint(fc, level = 95))
plot(fc, main = "Telemark: greenhouse-gas emissions (t CO2e)")
# the same with ggplot2, when it is installed (a suggested package)
if (requireNamespace("ggplot2", quietly = TRUE)) print(ggplot2::autoplot(fc))
goal <- gidx_target(model, 2030, 55, base_year = 2009, below = TRUE)
print(goal)
# Out of sample: fit up to 2020, forecast 2021-2024 and compare with what was
# observed (sMAPE 0-200, MASE, coverage of the 80 % interval), against naive.
early <- window(ghg, end = 2020)
for (method in c("auto", "naive")) {
  cat(sprintf("%-5s", method), "")
  print(round(accuracy(gidx_forecast(early, h = 4, method = method), ghg), 3))
}
# Every municipality at once, in one library call: the indicator panel's
# own columns (region_code, indicator, year, value) are the defaults.
per_capita <- ind[ind$indicator == "ghg_per_capita" & nchar(ind$region_code) == 4, ]
many <- gidx_forecast_many(per_capita, h = 2030 - max(per_capita$year[!is.na(per_capita$value)]))
cat(length(unique(many$forecasts$region_code)), "municipalities forecast,",
    length(many$errors), "failed\n")
print(head(many$forecasts[many$forecasts$year == 2030, ], 5), row.names = FALSE)
svg <- gidx_svg_fan_chart(obs_years = as.integer(time(ghg)), obs = as.numeric(ghg),
                          fc_years = fc$year, mean = fc$mean, levels = c(80, 95),
                          lo = rbind(fc$lo80, fc$lo95), hi = rbind(fc$hi80, fc$hi95),
                          target_years = c(2009, 2030),
                          target = c(ghg[time(ghg) == 2009], goal$target),
                          title = "Telemark: greenhouse-gas emissions", unit = "t CO2e")
fan <- file.path(outdir, "tour_fan_chart.svg")
writeLines(svg, fan)
cat("fan chart:", fan, "(", nchar(svg), "characters of SVG )\n")

## 5. Policy effects: Proposition 99 -----------------------------------------
# California's 1988 tobacco-control programme, the example of Abadie,
# Diamond & Hainmueller (2010): cigarette sales per capita against a
# synthetic California weighted from the 38 control states; placebo p-value
# from the in-space placebos.
section("5. Policy effects: Proposition 99 synthetic control")
smoking <- read.csv(file.path(root, "tests", "data", "effects", "smoking.csv"))
synth <- gidx_effect(smoking, "synth", "state", "year", "cigsale", treated = "California",
                     treat_time = 1989,
                     predictors = paste("lnincome@1980-1988", "retprice@1980-1988",
                                        "age15to24@1980-1988", "beer@1984-1988",
                                        "cigsale@1975", "cigsale@1980", "cigsale@1988", sep = ","))
cat(format(synth), "\n")
print(coef(synth))
cat(sprintf("pre-period RMSPE %.2f, placebo p = %.3f\n",
            synth$value("rmspe_pre"), synth$value("placebo_p")))
w <- as.data.frame(synth, kind = "weight")
w <- w[w$estimate > 0.001, c("label", "estimate")]
print(w[order(-w$estimate), ], row.names = FALSE)
print(round(tail(predict(synth), 5), 2))   # the gap in the last 5 years of the effect path
plot(synth)
# The same question by difference-in-differences against all 38 states, with
# standard errors clustered by state and a 90 % interval.
did <- gidx_effect(smoking, "did", "state", "year", "cigsale", treated = "California",
                   treat_time = 1989, se = "cluster", level = 90)
print(summary(did))
print(confint(did))

## 6. Ripple effects of a demand shock in Telemark ---------------------------
# Statistics Norway's input-output table 2021 (62 industries, NOK million;
# embedded), regionalised to Telemark by Flegg's location quotient (FLQ,
# delta 0.3; Flegg & Tohmo 2013) on the region's employment of SSB table
# 13470 in the embedded data. The shock: 100 NOK million of new final demand
# for construction (RF), households closed (type II: induced effects).
section("6. Ripple effects in Telemark")
norway <- gidx_io_norway(2021)
cat(format(norway), "\n")
telemark_io <- gidx_io_regionalise_region(norway, ds, "Telemark")$model
mult <- coef(telemark_io, quantity = "output", type = 2)
print(round(head(sort(mult, decreasing = TRUE), 5), 3))  # the largest type II output multipliers
shock <- gidx_io_shock(telemark_io, c(RF = 100), type = 2)
cat(format(shock), "\n")
print(summary(shock))   # direct, indirect, induced and total per quantity, leakage included

## 7. Errors -----------------------------------------------------------------
# A failing call is an R condition of class c("gidx_<code>", "gidx_error",
# "error", "condition") carrying the library's message, which names the
# region, variable, argument or year at fault: catch one cause by its class.
section("7. Errors")
show <- function(e) cat(class(e)[1], ":", conditionMessage(e), "\n")
tryCatch(gidx_series(ds, "Skein", "ghg_total"), gidx_enotfound = show)  # a misspelt region
tryCatch(gidx_effect(smoking, "synth", "state", "year", "cigsale", treated = "California",
                     treatment_time = 1989),                           # a misspelt argument
         gidx_einval = show)
tryCatch(gidx_target(model, 2030, 155, base_year = 2009), gidx_einval = show)  # a cut above 100 %
tryCatch(gidx_io_shock(telemark_io, c(RF = 1), type = 3L), gidx_error = show)  # no type III

invisible(dev.off())
cat("plots:", plots, "\n")
cat("\ntour.R finished\n")
