# Reference ATT(g,t) by outcome regression with covariate lpop (Sant'Anna &
# Zhao 2020; did::att_gt(xformla = ~lpop, est_method = "reg")), computed with
# base R's lm(): regress Y_t - Y_b on lpop (at the base period b) among the
# never-treated, predict for group g, average the differences. Base period
# b = g - 1 for t >= g, else t - 1 ("varying"). Run:
#   Rscript mpdta_csdid_reg.R > mpdta_csdid_reg.csv
d <- read.csv("mpdta.csv")
w <- reshape(d[, c("countyreal", "year", "lemp")], idvar = "countyreal", timevar = "year", direction = "wide")
info <- d[d$year == 2003, c("countyreal", "first.treat")]
w <- merge(w, info, by = "countyreal")
out <- NULL
for (g in c(2004, 2006, 2007)) for (t in 2004:2007) {
  b <- if (t >= g) g - 1 else t - 1
  x <- d[d$year == b, c("countyreal", "lpop")]
  m <- merge(w, x, by = "countyreal")
  m$dy <- m[[paste0("lemp.", t)]] - m[[paste0("lemp.", b)]]
  ctrl <- m[m$first.treat == 0, ]
  trt <- m[m$first.treat == g, ]
  fit <- lm(dy ~ lpop, data = ctrl)
  att <- mean(trt$dy - predict(fit, newdata = trt))
  out <- rbind(out, data.frame(group = g, time = t, att = sprintf("%.10g", att)))
}
write.csv(out, row.names = FALSE, quote = FALSE)
