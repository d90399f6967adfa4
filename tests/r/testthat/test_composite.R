# Composite indices from R: COINr's ASEM example and hand-worked cases.
D <- file.path(Sys.getenv("GIDX_TEST_DATA"), "composite")

test_that("the plain ASEM pipeline reproduces COINr", {
  coin <- gidx_index_coinr(file.path(D, "ASEM_iData.csv"), file.path(D, "ASEM_iMeta.csv"))
  res <- gidx_index_compute(coin)
  want <- read.csv(file.path(D, "ASEM_expected_minmax_amean.csv"))
  m <- merge(want, res, by = "uCode", suffixes = c("_coinr", ""))
  expect_equal(nrow(m), 51)
  expect_equal(m$score, m$Index, tolerance = 1e-4, scale = 1)  # 6-decimal export
  expect_equal(m$rank, m$Rank)
  expect_equal(m$P2P, m$P2P_coinr, tolerance = 1e-4, scale = 1)
})

test_that("the full COINr example pipeline reproduces scores and ranks", {
  coin <- gidx_index_coinr(file.path(D, "ASEM_iData.csv"), file.path(D, "ASEM_iMeta.csv"))
  gidx_index_options(coin, denominate = TRUE, impute = "group-mean:EurAsia_group", screen = 0.9,
                     treat = "winsorise:5")
  res <- gidx_index_compute(coin)
  want <- read.csv(file.path(D, "ASEM_expected_full_example.csv"))
  m <- merge(want, res, by = "uCode", suffixes = c("_coinr", ""))
  expect_equal(m$score, m$Index, tolerance = 1e-3, scale = 1)
  expect_equal(m$rank, m$Rank)
})

test_that("hand-worked index from a matrix; Copeland", {
  X <- matrix(c(1, 2, 3, 3, 1, 2), 3, dimnames = list(c("a", "b", "c"), c("A", "B")))
  coin <- gidx_index_build(X, c("I", "I"), data.frame(code = "I", parent = NA, weight = 1))
  res <- gidx_index_compute(coin)
  expect_equal(res$score[match(c("a", "b", "c"), res$uCode)], c(50, 25, 75), tolerance = 1e-12)
  gidx_index_options(coin, aggregate = "copeland")
  res <- gidx_index_compute(coin)
  expect_equal(res$score[match(c("a", "b", "c"), res$uCode)], c(0, -1, 1))
})

test_that("alpha and PCA match the published ASEM figures", {
  d <- read.csv(file.path(D, "ASEM_iData.csv"))
  meta <- read.csv(file.path(D, "ASEM_iMeta.csv"))
  p2p <- meta$iCode[meta$Type == "Indicator" & meta$Parent %in% "P2P"]
  expect_equal(gidx_cronbach_alpha(d[, p2p]), 0.05127, tolerance = 5e-6, scale = 1)
  soc <- meta$iCode[meta$Type == "Indicator" & meta$Parent %in% "Social"]
  p <- gidx_pca(d[, soc])
  expect_equal(p$sdev[1], 2.2042, tolerance = 5e-5, scale = 1)
  expect_equal(p$proportion[1], 0.5398, tolerance = 5e-5, scale = 1)
  expect_equal(p$sdev, prcomp(na.omit(d[, soc]), scale. = TRUE)$sdev, tolerance = 1e-10)
})

test_that("uncertainty is reproducible and independent of threads", {
  coin <- gidx_index_coinr(file.path(D, "ASEM_iData.csv"), file.path(D, "ASEM_iMeta.csv"))
  gidx_index_options(coin, normalise = "minmax:1,100")
  a <- gidx_index_uncertainty(coin, n = 30, seed = 2, sobol = TRUE, normalise = c("minmax", "rank"),
                              aggregate = c("amean", "gmean"), weight_noise = 0.2)
  b <- gidx_index_uncertainty(coin, n = 30, seed = 2, threads = 2, sobol = TRUE,
                              normalise = c("minmax", "rank"), aggregate = c("amean", "gmean"),
                              weight_noise = 0.2)
  expect_equal(a$nruns, 30 * 5)
  expect_identical(a$ranks, b$ranks)
  expect_true(all(a$ranks$p05 <= a$ranks$p95))
  expect_true(is.na(a$sobol$first[1]))
})

test_that("errors are R conditions with the C message", {
  err <- tryCatch(gidx_index_coinr("/nonexistent.csv", file.path(D, "ASEM_iMeta.csv")),
                  error = function(e) e)
  expect_s3_class(err, "gidx_eio")
  coin <- gidx_index_coinr(file.path(D, "ASEM_iData.csv"), file.path(D, "ASEM_iMeta.csv"))
  expect_error(gidx_index_options(coin, impute = "sideways"), "impute", class = "gidx_einval")
})
