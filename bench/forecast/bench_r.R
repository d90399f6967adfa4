# libgreenidx forecast benchmark, R side: R forecast's ets, auto.arima and
# thetaf (and their equal-weight mean) on the 645 M3 yearly series, h = 6.
# Usage: Rscript bench_r.R M3_yearly_TSTS.csv OUT.csv
# Writes one row per method: method,smape,mase,cov80,seconds (CPU, one core),
# wall (elapsed seconds of the same calls, in-process: R's start-up and the
# reading of the CSV are not counted).
suppressMessages(library(forecast))
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "common.R"))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
ids <- unique(d$series_id)
h <- 6
# CPU seconds (user + system) of this process: fair on a loaded machine
cpu <- function() { p <- proc.time(); p[[1]] + p[[2]] }
el <- function() proc.time()[[3]]
acc <- function(yt, f, x) {
  sm <- mean(200 * abs(yt - f) / (abs(yt) + abs(f)))
  sc <- mean(abs(diff(x)))
  c(sm, mean(abs(yt - f)) / sc)
}
res <- list()
tm <- c(ets = 0, arima = 0, theta = 0)
wl <- c(ets = 0, arima = 0, theta = 0)
for (id in ids) {
  sp <- split_series(d, id, h)
  x <- sp$x
  yt <- sp$yt
  t0 <- cpu(); w0 <- el(); fe <- forecast(ets(x), h = h, level = 80); tm["ets"] <- tm["ets"] + cpu() - t0; wl["ets"] <- wl["ets"] + el() - w0
  t0 <- cpu(); w0 <- el(); fa <- forecast(auto.arima(x), h = h, level = 80); tm["arima"] <- tm["arima"] + cpu() - t0; wl["arima"] <- wl["arima"] + el() - w0
  t0 <- cpu(); w0 <- el(); ft <- thetaf(x, h = h, level = 80); tm["theta"] <- tm["theta"] + cpu() - t0; wl["theta"] <- wl["theta"] + el() - w0
  comb <- (fe$mean + fa$mean + ft$mean) / 3
  cv <- function(f) mean(yt >= f$lower[, 1] & yt <= f$upper[, 1])
  res[[id]] <- rbind(
    ets = c(acc(yt, fe$mean, x), cv(fe)),
    arima = c(acc(yt, fa$mean, x), cv(fa)),
    theta = c(acc(yt, ft$mean, x), cv(ft)),
    comb = c(acc(yt, comb, x), NA))
}
out <- data.frame()
for (m in c("ets", "arima", "theta", "comb")) {
  v <- t(sapply(res, function(r) r[m, ]))
  secs <- if (m == "comb") sum(tm) else tm[[m]]
  wall <- if (m == "comb") sum(wl) else wl[[m]]
  out <- rbind(out, data.frame(method = paste0("R ", c(ets = "ets", arima = "auto.arima", theta = "thetaf", comb = "mean(ets,auto.arima,thetaf)")[[m]]),
                               smape = mean(v[, 1]), mase = mean(v[, 2]),
                               cov80 = if (m == "comb") NA else 100 * mean(v[, 3]), seconds = secs,
                               wall = wall))
}
write.csv(out, args[2], row.names = FALSE)
print(out)
