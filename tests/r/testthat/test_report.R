# Charts from R: drawn by the C library, errors as R conditions.
test_that("fan chart SVG from integer and double vectors", {
  svg <- gidx_svg_fan_chart(obs_years = c(2009L, 2011L), obs = c(100, 95),
                            fc_years = c(2029, 2030), mean = c(80L, 78L),
                            levels = c(80, 95), lo = rbind(c(75, 72), c(70, 66)),
                            hi = rbind(c(85, 84), c(90, 90)),
                            target_years = 2030, target = 60, title = "ghg")
  expect_match(svg, "^<svg ")
  expect_equal(lengths(regmatches(svg, gregexpr("class=\"band\"", svg))), 2L)
  expect_match(svg, "class=\"tg\"")
})

test_that("inconsistent lengths are an R error with the C message", {
  err <- tryCatch(gidx_svg_fan_chart(obs_years = 2000:2001, obs = 1), error = function(e) e)
  expect_s3_class(err, "gidx_einval")
  expect_match(conditionMessage(err), "equal lengths")
})

test_that("the roadmap from R equals the library's rendering, and errors are conditions", {
  js <- gidx_roadmap(regions = c("Skien", "4001"), mc = 100L, format = "json")
  expect_match(js, "\"id\": \"forecasts\"")
  expect_match(js, "Skien: Greenhouse-gas emissions")
  err <- tryCatch(gidx_roadmap(regions = "Atlantis"), error = function(e) e)
  expect_s3_class(err, "gidx_enotfound")
  expect_match(conditionMessage(err), "Atlantis")
})
