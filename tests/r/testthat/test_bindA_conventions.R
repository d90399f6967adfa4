# R conventions of the composite, indicators and data classes (#17): print,
# format, summary, as.data.frame, plot (base graphics), autoplot (ggplot2).
data_dir <- Sys.getenv("GIDX_TEST_DATA", "tests/data")

test_that("a computed index prints its latest year and summarises it", {
  coin <- gidx_index_coinr(file.path(data_dir, "composite", "ASEM_iData.csv"),
                           file.path(data_dir, "composite", "ASEM_iMeta.csv"))
  expect_match(format(coin), "^<gidx_coin: \\d+ nodes over 51 units x 1 years>$")
  res <- gidx_index_compute(coin)
  expect_s3_class(res, "gidx_index")
  out <- capture.output(print(res))
  expect_identical(out[1], "<gidx_index: 51 units, years 2018-2018; latest year 2018>")
  expect_false(any(grepl("pointer|externalptr", out)))
  d <- as.data.frame(res)
  expect_identical(class(d), "data.frame")
  s <- summary(res)
  expect_identical(rownames(s)[1], "index")
  expect_equal(s["index", "mean"], mean(d$score, na.rm = TRUE), tolerance = 1e-12)
  expect_equal(s["index", "max"], max(d$score, na.rm = TRUE))
  f <- tempfile(fileext = ".pdf"); grDevices::pdf(f)
  mids <- plot(res, top = 5)
  grDevices::dev.off()
  expect_length(mids, 5)
  skip_if_not_installed("ggplot2")
  g <- ggplot2::autoplot(res)
  expect_s3_class(g, "ggplot")
  expect_equal(sort(g$data$score), sort(d$score[!is.na(d$score)]))
})

test_that("a validation report prints, summarises and plots its findings", {
  v <- gidx_validate(gidx_indicators(region = "Skien"))
  expect_s3_class(v, "gidx_validation")
  expect_match(format(v), sprintf("^<gidx_validation: %d findings in \\d+ checks>$", nrow(v$findings)))
  s <- summary(v)
  expect_identical(sum(s$n), nrow(v$findings))
  expect_identical(as.data.frame(v), v$findings)
  f <- tempfile(fileext = ".pdf"); grDevices::pdf(f)
  plot(v)
  grDevices::dev.off()
  skip_if_not_installed("ggplot2")
  expect_s3_class(ggplot2::autoplot(v), "ggplot")
})

test_that("a dataset summarises per variable and a formula prints its text", {
  ds <- gidx_load_default()
  s <- summary(ds)
  cells <- gidx_cells(ds)
  one <- s[s$variable == "ghg_total", ]
  expect_identical(one$cells, sum(cells$variable == "ghg_total"))
  expect_identical(one$missing, sum(cells$variable == "ghg_total" & is.na(cells$value)))
  f <- tempfile(fileext = ".pdf"); grDevices::pdf(f)
  w <- plot(ds, "ghg_total", region = c("Skien", "Porsgrunn"))
  grDevices::dev.off()
  sk <- gidx_series(ds, "Skien", "ghg_total")
  expect_equal(w$Skien[match(sk$year, w$year)], sk$value)
  expect_identical(capture.output(print(gidx_formula("ghg_total / population"))),
                   "<gidx_formula ghg_total / population; reads ghg_total, population>")
})
