# Reference values for the within estimator on grunfeld.csv, recorded with
# plm (Croissant & Millo 2008). Run: Rscript grunfeld_plm.R > grunfeld_plm.csv
suppressPackageStartupMessages(library(plm))
d <- read.csv("grunfeld.csv")
p <- pdata.frame(d, index = c("firm", "year"))
out <- NULL
for (effect in c("individual", "twoways")) {
  m <- plm(inv ~ value + capital, data = p, model = "within", effect = effect)
  vs <- list(classical = vcov(m),
             robust = vcovHC(m, method = "white1", type = "HC1"),
             cluster = vcovHC(m, method = "arellano", type = "sss", cluster = "group"))
  for (k in names(vs))
    out <- rbind(out, data.frame(effect = effect, se = k, term = names(coef(m)),
                                 estimate = sprintf("%.10g", coef(m)),
                                 std_error = sprintf("%.10g", sqrt(diag(vs[[k]])))))
}
write.csv(out, row.names = FALSE, quote = FALSE)
