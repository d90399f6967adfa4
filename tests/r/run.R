# Runs the testthat suite of the R bindings against the build tree:
# loads the SWIG module (greenidx.so + greenidx.R) and the R layer.
builddir <- Sys.getenv("GIDX_R_BUILDDIR")
srcroot <- Sys.getenv("GIDX_SOURCE_ROOT")
if (!nzchar(builddir) || !nzchar(srcroot)) stop("GIDX_R_BUILDDIR and GIDX_SOURCE_ROOT must be set")
source(file.path(srcroot, "tests", "r", "load_build.R"))
gidx_load_build(builddir)
suppressPackageStartupMessages(library(testthat))
res <- testthat::test_dir(file.path(srcroot, "tests", "r", "testthat"),
                          reporter = "summary", stop_on_failure = FALSE)
df <- as.data.frame(res)
failed <- sum(df$failed) + sum(df$error)
passed <- sum(df$nb) - sum(df$failed)
cat(sprintf("%d passed, %d failed\n", passed, failed))
quit(status = if (failed > 0) 1 else 0)
