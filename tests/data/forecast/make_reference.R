# Reference values from R forecast for tests/check_forecast.c.
# Run from this folder:  Rscript make_reference.R  (writes r_reference.csv)
# Series: the training parts (all but the last 6 values) of M3 yearly series
# Y1, Y100, Y330, Y500, Y645 (m3_subset.csv) and "telemark", a made-up
# Telemark-like CO2-equivalent emissions series (kt, 2005-2022).
suppressMessages(library(forecast))
d <- read.csv("m3_subset.csv", stringsAsFactors = FALSE)
series <- list()
for (id in unique(d$series_id)) {
  s <- d[d$series_id == id, ]
  s <- s[order(s$timestamp), ]
  n <- nrow(s)
  series[[id]] <- ts(s$value[1:(n - 6)], start = s$timestamp[1])
}
series[["telemark"]] <- ts(c(5120, 5080, 5210, 4990, 4510, 4790, 4720, 4610, 4580,
                             4490, 4420, 4300, 4270, 4150, 4080, 3790, 3850, 3720),
                           start = 2005)
out <- data.frame(series = character(), model = character(), what = character(),
                  i = integer(), value = numeric(), stringsAsFactors = FALSE)
add <- function(s, m, w, v) {
  out <<- rbind(out, data.frame(series = s, model = m, what = w, i = seq_along(v) - 1L,
                                value = as.numeric(v), stringsAsFactors = FALSE))
}
h <- 6
for (id in names(series)) {
  x <- series[[id]]
  for (m in c("ANN", "AAN", "AAdN", "MNN")) {
    damped <- m == "AAdN"
    fit <- ets(x, model = sub("d", "", m), damped = damped)
    f <- forecast(fit, h = h, level = c(80, 95))
    add(id, m, "par", fit$par)
    add(id, m, "loglik", fit$loglik)
    add(id, m, "aicc", fit$aicc)
    add(id, m, "sigma2", fit$sigma2)
    add(id, m, "mean", f$mean)
    add(id, m, "lo80", f$lower[, 1]); add(id, m, "hi80", f$upper[, 1])
  }
  for (o in list(c(0, 1, 1), c(1, 1, 0), c(1, 1, 1))) {
    nm <- paste0("ARIMA", paste(o, collapse = ""), "drift")
    fit <- Arima(x, order = o, include.drift = TRUE, method = "ML")
    f <- forecast(fit, h = h, level = c(80, 95))
    add(id, nm, "coef", coef(fit))
    add(id, nm, "loglik", fit$loglik)
    add(id, nm, "aicc", fit$aicc)
    add(id, nm, "sigma2", fit$sigma2)
    add(id, nm, "mean", f$mean)
    add(id, nm, "lo80", f$lower[, 1]); add(id, nm, "hi80", f$upper[, 1])
  }
  add(id, "ndiffs", "d", ndiffs(x))
  add(id, "ses", "par", ses(x, h = h)$model$par)  # the SES inside thetaf()
  f <- thetaf(x, h = h, level = c(80, 95))
  add(id, "thetaf", "mean", f$mean)
  add(id, "thetaf", "lo80", f$lower[, 1]); add(id, "thetaf", "hi80", f$upper[, 1])
  f <- rwf(x, h = h, drift = TRUE, level = c(80, 95))
  add(id, "rwdrift", "mean", f$mean)
  add(id, "rwdrift", "lo80", f$lower[, 1]); add(id, "rwdrift", "hi80", f$upper[, 1])
}
write.csv(out, "r_reference.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast")), "\n")
