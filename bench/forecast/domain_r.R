# libgreenidx domain benchmark, R side: R forecast's ets, auto.arima and
# thetaf, and rwf (naive, drift), on the gap-free rolling-origin windows
# written by domain.py. Same accuracy measures as gidx_fc_accuracy(): sMAPE
# (0-200) and MASE scaled by the in-sample mean absolute first difference,
# averaged over the horizons; 80 % interval coverage.
# Usage: Rscript domain_r.R UNITS.csv H OUT.csv
# UNITS.csv: series_id,timestamp,value (the last H rows of each series are
# the test period). OUT.csv: series_id,method,smape,mase,cov80 and a last
# line "#cpu,<method>,<CPU seconds>" per method (user + system, one core).
suppressMessages(library(forecast))
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "common.R"))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, colClasses = c("character", "numeric", "numeric"))
h <- as.integer(args[2])
cpu <- function() { p <- proc.time(); p[[1]] + p[[2]] }
acc <- function(yt, f, lo, hi, x) {
  sm <- mean(200 * abs(yt - f) / (abs(yt) + abs(f)))
  sc <- mean(abs(diff(x)))
  c(sm, mean(abs(yt - f)) / sc, mean(yt >= lo & yt <= hi))
}
fits <- list(
  "R ets" = function(x) forecast(ets(x), h = h, level = 80),
  "R auto.arima" = function(x) forecast(auto.arima(x), h = h, level = 80),
  "R thetaf" = function(x) thetaf(x, h = h, level = 80),
  "R naive" = function(x) rwf(x, h = h, level = 80),
  "R drift" = function(x) rwf(x, h = h, drift = TRUE, level = 80))
tm <- setNames(numeric(length(fits)), names(fits))
ids <- unique(d$series_id)
out <- vector("list", length(ids) * length(fits))
k <- 0
for (id in ids) {
  sp <- split_series(d, id, h)
  x <- sp$x
  yt <- sp$yt
  for (m in names(fits)) {
    t0 <- cpu()
    f <- tryCatch(fits[[m]](x), error = function(e) NULL)
    tm[[m]] <- tm[[m]] + cpu() - t0
    if (is.null(f)) next
    a <- acc(yt, as.numeric(f$mean), as.numeric(f$lower[, 1]), as.numeric(f$upper[, 1]), x)
    k <- k + 1
    out[[k]] <- data.frame(series_id = id, method = m, smape = a[1], mase = a[2], cov80 = a[3])
  }
}
res <- do.call(rbind, out[seq_len(k)])
con <- file(args[3], "w")
write.csv(res, con, row.names = FALSE)
for (m in names(fits)) writeLines(sprintf("#cpu,%s,%.3f", m, tm[[m]]), con)
close(con)
