# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drivers of change from R: LMDI-I decomposition of emissions into
# population, employment rate, industry structure and intensity (Ang 2005,
# Energy Policy 33; Ang 2015, Energy Policy 86; zero values after Ang & Liu
# 2007) and Tapio's (2005) decoupling classes. Every number comes from
# libgreenidx (gidx_decompose_args); this file reads the library's CSV
# renderings into data frames and draws them.

.gidx_drv_effects <- c("population", "employment_rate", "structure", "intensity")
.gidx_drv_labels <- c(population = "Population", employment_rate = "Employment\nrate",
                      structure = "Industry\nstructure", intensity = "Emission\nintensity")

# The text of a char **out rendering, with or without its length.
.gidx_drv_text <- function(x) {
  x <- gidx_check(x)
  if (is.list(x)) x <- Filter(is.character, x)[[1L]]
  x
}

.gidx_drv_read <- function(text) {
  df <- utils::read.csv(text = text, stringsAsFactors = FALSE,
                        colClasses = c(region_code = "character"))
  if (!is.null(df$region_name)) df$region_name <- as.character(df$region_name)
  df
}

#' What drove the change of emissions: LMDI-I decomposition
#'
#' Decomposes the change of greenhouse-gas emissions of each region into
#' population, employment rate (jobs per inhabitant), industry structure
#' (the share of jobs in the SN2007 groups that drive a sector) and emission
#' intensity, per Miljødirektoratet sector and in total (Ang 2005; Ang 2015),
#' with Tapio's (2005) decoupling class of each period.
#'
#' @param data a dataset from gidx_load_default(), gidx_load_csv() or
#'   gidx_load_jsonstat()
#' @param regions region codes or names, one string or a vector (default: all);
#'   a region the data lack is an error of class gidx_enotfound naming it
#' @param from_year the first year (a number, Date or date-time); 0 for each
#'   region's first year with every input
#' @param to_year the last year (a number, Date or date-time); 0 for each
#'   region's last year with every input
#' @param chained year by year over the observed years instead of one period
#' @param form "additive" (t CO2e that sum to the change) or "multiplicative"
#'   (factors that multiply to E1/E0)
#' @param driver "jobs" or "population" (every sector E = P x E/P; Tapio
#'   against population)
#' @param mapping path of a sector mapping (JSON, as data/drivers/mapping.json),
#'   NULL for the built-in one
#' @param ... nothing else: an unknown argument is an error of class gidx_einval naming it
#' @return a data.frame of class "gidx_decomposition" with the columns
#'   region_code, region_name, from, to, effect, sector, value; attributes
#'   "periods" (emissions and driver at both ends, elasticity, Tapio class)
#'   and "cases" (zero and missing values and how they were handled)
gidx_decompose <- function(data, regions = character(), from_year = 0L, to_year = 0L,
                           chained = FALSE, form = c("additive", "multiplicative"),
                           driver = c("jobs", "population"), mapping = NULL, ...) {
  .gidx_no_dots(list(...), "gidx_decompose")
  form <- .gidx_choice(form[1L], c("additive", "multiplicative"), "form")
  driver <- .gidx_choice(driver[1L], c("jobs", "population"), "driver")
  y0 <- function(y, what) if (identical(y, 0L) || identical(y, 0)) 0L else .gidx_year1(y, what)
  m <- if (is.null(mapping)) NULL else
    C_gidx_drivers_mapping_load(path.expand(as.character(mapping)))
  d <- C_gidx_decompose_args(data, as.character(regions),
                                      y0(from_year, "from_year"), y0(to_year, "to_year"),
                                      as.integer(isTRUE(chained)),
                                      match(form, c("additive", "multiplicative")) - 1L,
                                      match(driver, c("jobs", "population")) - 1L, m)
  df <- .gidx_drv_read(.gidx_drv_text(C_gidx_decomposition_to_csv(d)))
  attr(df, "periods") <- .gidx_drv_read(.gidx_drv_text(C_gidx_decomposition_periods_to_csv(d)))
  attr(df, "cases") <- .gidx_drv_read(.gidx_drv_text(C_gidx_decomposition_cases_to_csv(d)))
  attr(df, "form") <- form
  attr(df, "driver") <- driver
  class(df) <- c("gidx_decomposition", "data.frame")
  df
}

#' Print a decomposition: the total effects of each region and period, and
#' its Tapio class
#' @param x a result of gidx_decompose()
#' @param ... passed to print.data.frame()
#' @examples
#' dc <- gidx_decompose(gidx_load_default(), regions = "Skien", from_year = 2016, to_year = 2024)
#' dc
#' coef(dc)
print.gidx_decomposition <- function(x, ...) {
  tot <- as.data.frame(x)[x$sector == "total", c("region_name", "from", "to", "effect", "value")]
  wide <- stats::reshape(tot, idvar = c("region_name", "from", "to"), timevar = "effect",
                         direction = "wide")
  names(wide) <- sub("^value\\.", "", names(wide))
  per <- attr(x, "periods")
  wide$tapio <- per$tapio[match(paste(wide$region_name, wide$from, wide$to),
                                paste(per$region_name, per$from, per$to))]
  cat(sprintf("LMDI-I %s decomposition of emissions (%s); %d period(s), %d zero/missing case(s)\n",
              attr(x, "form"), if (attr(x, "form") == "additive") "t CO2e" else "factors",
              nrow(per), nrow(attr(x, "cases"))))
  rownames(wide) <- NULL
  print(wide, ...)
  invisible(x)
}

#' Summary of a decomposition: per region and period, the effect that drove
#' the change most and the Tapio class
#' @param object a result of gidx_decompose()
#' @param ... unused
summary.gidx_decomposition <- function(object, ...) {
  per <- attr(object, "periods")
  tot <- as.data.frame(object)[object$sector == "total" & object$effect != "total", ]
  add <- attr(object, "form") == "additive"
  main <- vapply(seq_len(nrow(per)), function(i) {
    e <- tot[tot$region_code == per$region_code[i] & tot$from == per$from[i] & tot$to == per$to[i], ]
    size <- if (add) abs(e$value) else abs(log(e$value))
    e$effect[which.max(size)]
  }, character(1))
  data.frame(region = per$region_name, from = per$from, to = per$to,
             change = per$emissions_to - per$emissions_from,
             change_pct = 100 * (per$emissions_to / per$emissions_from - 1),
             main_driver = main, elasticity = per$elasticity, tapio = per$tapio,
             stringsAsFactors = FALSE)
}

#' A waterfall of the total effects of one region and period (additive form)
#' @param x a result of gidx_decompose()
#' @param region a region code or name (default: the first)
#' @param period the row of that region's periods to draw (default: 1)
#' @param ... passed to plot()
plot.gidx_decomposition <- function(x, region = NULL, period = 1L, ...) {
  per <- attr(x, "periods")
  if (attr(x, "form") != "additive") stop("the waterfall needs the additive form")
  if (!is.null(region)) per <- per[per$region_code == region | per$region_name == region, ]
  if (nrow(per) == 0L) stop("no such region in the decomposition")
  p <- per[period, ]
  e <- as.data.frame(x)
  e <- e[e$region_code == p$region_code & e$from == p$from & e$to == p$to & e$sector == "total", ]
  steps <- e$value[match(.gidx_drv_effects, e$effect)]
  level <- p$emissions_from + c(0, cumsum(steps))
  lo <- pmin(level[-length(level)], level[-1L])
  hi <- pmax(level[-length(level)], level[-1L])
  n <- length(steps)
  labels <- c(p$from, .gidx_drv_labels[.gidx_drv_effects], p$to)
  plot(NA, xlim = c(0.5, n + 2.5), ylim = range(0, level), xaxt = "n", xlab = "",
       ylab = "t CO2e", main = sprintf("%s %d-%d: %s", p$region_name, p$from, p$to, p$tapio), ...)
  graphics::axis(1, at = seq_len(n + 2L), labels = FALSE)
  graphics::text(seq_len(n + 2L), graphics::par("usr")[3L], labels, xpd = TRUE, pos = 1,
                 offset = 1, cex = 0.75)
  graphics::rect(0.6, 0, 1.4, p$emissions_from, col = "#1b3a5c", border = NA)
  graphics::rect(seq_len(n) + 0.6, lo, seq_len(n) + 1.4, hi,
                 col = ifelse(steps > 0, "#c0392b", "#2e8b57"), border = NA)
  graphics::rect(n + 1.6, 0, n + 2.4, p$emissions_to, col = "#1b3a5c", border = NA)
  invisible(x)
}

#' One line describing a decomposition
#' @param x a result of gidx_decompose()
#' @param ... unused
format.gidx_decomposition <- function(x, ...) {
  per <- attr(x, "periods")
  sprintf("<gidx_decomposition: LMDI-I %s (%s), %d region(s), %d period(s)>", attr(x, "form"),
          if (attr(x, "form") == "additive") "t CO2e" else "factors",
          length(unique(per$region_code)), nrow(per))
}

#' A decomposition as a plain data.frame (the long table, no attributes)
#' @param x a result of gidx_decompose()
#' @param row.names unused
#' @param optional unused
#' @param ... unused
as.data.frame.gidx_decomposition <- function(x, row.names = NULL, optional = FALSE, ...) {
  out <- x
  attr(out, "periods") <- NULL
  attr(out, "cases") <- NULL
  attr(out, "form") <- NULL
  attr(out, "driver") <- NULL
  class(out) <- "data.frame"
  out
}

#' The total effects of one region's latest period, named by effect
#'
#' t CO2e for the additive form (they sum to the change of emissions),
#' factors for the multiplicative one.
#' @param object a result of gidx_decompose()
#' @param region a region code or name (default: the first)
#' @param ... unused
coef.gidx_decomposition <- function(object, region = NULL, ...) {
  per <- attr(object, "periods")
  if (!is.null(region)) per <- per[per$region_code == region | per$region_name == region, ]
  if (nrow(per) == 0L)
    stop(structure(class = c("gidx_enotfound", "gidx_error", "error", "condition"),
                   list(message = sprintf("region %s is not in the decomposition", region),
                        call = sys.call(), code = -6L)))
  per <- per[per$region_code == per$region_code[1L], ]
  p <- per[nrow(per), ]
  e <- as.data.frame(object)
  e <- e[e$region_code == p$region_code & e$from == p$from & e$to == p$to & e$sector == "total", ]
  stats::setNames(e$value, e$effect)[c(.gidx_drv_effects, "total")]
}

#' The total effects of one region and period with ggplot2
#' @param object a result of gidx_decompose()
#' @param region a region code or name (default: the first)
#' @param ... unused
autoplot.gidx_decomposition <- function(object, region = NULL, ...) {
  v <- coef.gidx_decomposition(object, region)
  d <- data.frame(effect = factor(names(v), levels = names(v)), value = unname(v))
  ggplot2::ggplot(d, ggplot2::aes(x = .data$effect, y = .data$value)) + ggplot2::geom_col() +
    ggplot2::labs(x = NULL, y = if (attr(object, "form") == "additive") "t CO2e" else "factor")
}
