# Reference values for TWFE and the event study on mpdta.csv, recorded with
# plm (two-way within model; CR1 = vcovHC(type = "sss", cluster = "group")).
# Run: Rscript mpdta_twfe.R > mpdta_twfe.csv
suppressPackageStartupMessages(library(plm))
d <- read.csv("mpdta.csv")
d$D <- as.numeric(d$first.treat > 0 & d$year >= d$first.treat)
e <- ifelse(d$first.treat > 0, d$year - d$first.treat, NA)
for (k in c(-4, -3, -2, 0, 1, 2, 3)) {
  nm <- if (k < 0) paste0("em", -k) else paste0("ep", k)
  d[[nm]] <- as.numeric(!is.na(e) & e == k)
}
p <- pdata.frame(d, index = c("countyreal", "year"))
out <- NULL
add <- function(m, what, names) {
  v <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
  data.frame(model = what, term = names, estimate = sprintf("%.10g", coef(m)),
             std_error = sprintf("%.10g", sqrt(diag(v))))
}
m1 <- plm(lemp ~ D, data = p, model = "within", effect = "twoways")
out <- rbind(out, add(m1, "twfe", "treat"))
m2 <- plm(lemp ~ em4 + em3 + em2 + ep0 + ep1 + ep2 + ep3, data = p, model = "within", effect = "twoways")
out <- rbind(out, add(m2, "event", c("e-4", "e-3", "e-2", "e0", "e+1", "e+2", "e+3")))
write.csv(out, row.names = FALSE, quote = FALSE)
