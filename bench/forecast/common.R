# Shared by bench_r.R and domain_r.R: the training part of one series of a
# long data frame (series_id, timestamp, value) as a ts, and its last h values.
split_series <- function(d, id, h) {
  s <- d[d$series_id == id, ]
  s <- s[order(s$timestamp), ]
  n <- nrow(s)
  list(x = ts(s$value[1:(n - h)], start = s$timestamp[1]), yt = s$value[(n - h + 1):n])
}
