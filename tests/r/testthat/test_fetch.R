# Fetch from R against the local PxWebApi test server
# (tests/data/fetch/server.py on 127.0.0.1; never the internet).
fetch_dir <- file.path(Sys.getenv("GIDX_TEST_DATA"), "fetch")

start_server <- function() {
  tmp <- tempfile("gidx-r-fetch-")
  dir.create(tmp)
  portfile <- file.path(tmp, "port")
  pidfile <- file.path(tmp, "pid")
  system(sprintf("/usr/bin/python3 %s %s > /dev/null 2>&1 & echo $! > %s",
                 shQuote(file.path(fetch_dir, "server.py")), shQuote(portfile), shQuote(pidfile)))
  for (i in 1:200) {
    if (file.exists(portfile) && length(readLines(portfile, warn = FALSE)) > 0) break
    Sys.sleep(0.05)
  }
  list(api = sprintf("http://127.0.0.1:%s/api/pxwebapi/v2", readLines(portfile, warn = FALSE)),
       pid = as.integer(readLines(pidfile)), dir = tmp)
}

test_that("presets, counties and URLs", {
  expect_equal(gidx_fetch_preset("partners"), c("5001", "4601", "5035", "4624", "50", "46"))
  expect_error(gidx_fetch_preset("friends"), class = "gidx_enotfound")
  expect_length(gidx_county_regions("50"), 38)   # Trøndelag since 2024 (KLASS 131)
  expect_equal(gidx_fetch_url("07459", list(Region = c("5001", "4601")),
                              list(Region = "agg_KommSummer"), years = c(2021, 2022)),
               paste0("https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no",
                      "&outputFormat=json-stat2&valueCodes[Region]=5001,4601",
                      "&codelist[Region]=agg_KommSummer&valueCodes[Tid]=2021,2022"))
})

test_that("fetch end to end: catalogue, cache, offline, errors", {
  srv <- start_server()
  on.exit({ tools::pskill(srv$pid); unlink(srv$dir, recursive = TRUE) })
  cache <- file.path(srv$dir, "cache")
  df <- gidx_fetch(preset = "partners", catalog = file.path(fetch_dir, "catalog.json"),
                   years = c(2021, 2022), api = srv$api, cache = cache)
  # SSB table 07459: Trondheim, 1 January 2022
  expect_equal(df$value[df$region == "5001" & df$year == 2022 & df$variable == "population"], 210496)
  expect_equal(df$value[df$region == "4624" & df$year == 2021 & df$variable == "synth_a"], 4624.21,
               tolerance = 1e-12)
  expect_equal(attr(df, "provenance")[["07459.updated"]], "2022-02-24T07:00:00Z")
  expect_equal(attr(df, "stats")$requests, 2)
  off <- gidx_fetch(preset = "partners", catalog = file.path(fetch_dir, "catalog.json"),
                    years = c(2021, 2022), api = srv$api, cache = cache, offline = TRUE)
  expect_equal(attr(off, "stats")$requests, 0)
  expect_equal(attr(off, "stats")$cache_hits, 2)
  expect_equal(off$value, df$value)
  expect_error(gidx_fetch("5001", tables = "NOPE", years = 2022, api = srv$api),
               "No table with id NOPE", class = "gidx_enotfound")
  expect_error(gidx_fetch("123", tables = "SYNTH", years = 2022, api = srv$api),
               "Non-existent value", class = "gidx_einval")
  expect_error(gidx_fetch("5001", tables = "SLOW", years = 2022, api = srv$api, timeout = 0.3),
               "timed out", class = "gidx_enet")
})
