# Regenerates the COINr reference files of this folder with COINr 1.1.14
# (install.packages("COINr")). COINr is not installed on the build machine:
# the committed CSV files were taken from the project's shared data folder
# (composite/, see README.md); this script records the COINr calls that
# should reproduce them (written from the COINr 1.1 documentation, untested
# here) so that anyone with COINr can check them.
#   Rscript make_coinr_reference.R
library(COINr)

write.csv(ASEM_iData, "ASEM_iData.csv", row.names = FALSE)
write.csv(ASEM_iMeta, "ASEM_iMeta.csv", row.names = FALSE)

results <- function(coin) {
  r <- get_results(coin, dset = "Aggregated", tab_type = "Aggs", also_get = "none",
                   nround = 6, use_group = NULL)
  r[c("uCode", "Rank", "Index", "Conn", "Sust", "Physical", "ConEcFin", "Political",
      "Instit", "P2P", "Environ", "Social", "SusEcFin")]
}

# plain pipeline: raw data, min-max 0-100 respecting direction, arithmetic means
coin <- new_coin(ASEM_iData, ASEM_iMeta, level_names = c("Indicator", "Pillar", "Sub-index", "Index"))
coin <- Normalise(coin, dset = "Raw", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0, 100))))
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")
write.csv(results(coin), "ASEM_expected_minmax_amean.csv", row.names = FALSE)

# COINr's full example (denominate, impute by EurAsia_group mean, screen 0.9,
# treat, min-max, arithmetic means)
coin <- build_example_coin(quietly = TRUE)
write.csv(results(coin), "ASEM_expected_full_example.csv", row.names = FALSE)

# published figures checked by the test suite
print(get_cronbach(coin, dset = "Raw", iCodes = "P2P", Level = 1))          # 0.05127
pca <- get_PCA(coin, dset = "Raw", iCodes = "Social", Level = 1, out2 = "list")
print(summary(pca$PCAresults$Social$PCAres))                               # sd 2.2042, 53.98 %
st <- get_stats(coin, dset = "Raw")
print(sum(st$Flag.SkewKurt == "OUT"))                                      # 18
print(st[st$iCode == "Flights", c("Skew", "Kurt")])                       # 2.10, 4.51
