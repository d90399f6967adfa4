# Load the R bindings from a build tree: the SWIG module (greenidx.so and
# greenidx.R) and the R layer, from the folder `builddir` (build/bindings/r).
# Sourced by tests/r/run.R, docs/examples/tour.R and bench/bindings/*.R so
# that they test the freshly built library rather than an installed package.
gidx_load_build <- function(builddir) {
  suppressPackageStartupMessages(library(methods))
  dyn.load(file.path(builddir, paste0("greenidx", .Platform$dynlib.ext)))
  env <- globalenv()
  sys.source(file.path(builddir, "greenidx.R"), envir = env)
  sys.source(file.path(builddir, "greenidx_layer.R"), envir = env)
  for (f in setdiff(list.files(builddir, pattern = "\\.R$", full.names = TRUE),
                    file.path(builddir, c("greenidx.R", "greenidx_layer.R"))))
    sys.source(f, envir = env)
  invisible(TRUE)
}
