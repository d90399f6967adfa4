#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-call overhead of the Python and R bindings, against the pure C time.

The same library call, gidx_linalg_solve() on an n x n system, timed side by
side in one run from C (a loop in a compiled program), from Python through
the SWIG module (greenidx.capi, arrays made once) and through the package
function (greenidx.solve, which converts its arguments with numpy each
call), from Python on the error path (a singular system raising
SingularError), and from R (gidx_solve). Reported: nanoseconds per call and
the ratio to C. With n = 1 the work is negligible and the figure is the
binding's overhead; with n = 64 the LU work dominates.

On a shared machine the timings vary by up to 2x between runs (the
minimum of 5 runs is reported); the ratios at n = 1 are the stable figure.

Usage (from the source root, after `ninja -C build`):
    /usr/bin/python3 bench/bindings/call_overhead.py build
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

SIZES = (1, 8, 64)
# One BLAS thread everywhere, so that C, Python and R run the same code path
# (set before numpy is imported; inherited by the C and R processes).
os.environ["OPENBLAS_NUM_THREADS"] = "1"


def c_times(build, src, tmp):
    exe = tmp / "call_overhead"
    libdir = build / "libgreenidx"
    subprocess.run(["cc", "-O2", "-std=c99", "-o", str(exe), str(src / "bench/bindings/call_overhead.c"),
                    "-I" + str(src / "include"), "-I" + str(build / "include"),
                    "-L" + str(libdir), "-lgreenidx", "-Wl,-rpath," + str(libdir)], check=True)
    out = {}
    for n in SIZES:
        reps = 200_000 if n < 64 else 5_000
        out[n] = min(float(subprocess.run([str(exe), str(n), str(reps // 5)], check=True,
                                          capture_output=True, text=True).stdout.split()[0])
                     for _ in range(5))
    return out


def system(n):
    import numpy as np
    i, j = np.indices((n, n))
    a = np.where(i == j, n + 1.0, 1.0 / (1 + i + j))
    return a, np.ones(n)


def per_call(f, reps, repeats=5):
    """Best of `repeats` timings of reps // repeats calls (the machine is
    shared: the minimum is the least disturbed run)."""
    f()
    k = max(1, reps // repeats)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(k):
            f()
        best = min(best, (time.perf_counter() - t0) / k * 1e9)
    return best


def py_times(build):
    sys.path.insert(0, str(build / "bindings" / "python"))
    import numpy as np
    import greenidx as gi
    from greenidx import capi
    out = {}
    for n in SIZES:
        a, b = system(n)
        flat = np.ascontiguousarray(a).ravel()
        reps = 100_000 if n < 64 else 5_000
        out[("capi", n)] = per_call(lambda: capi.gidx_py_linalg_solve(n, flat, b), reps)
        out[("solve", n)] = per_call(lambda: gi.solve(a, b), reps)
    sing = np.ones((8, 8))

    def fail():
        try:
            gi.solve(sing, np.ones(8))
        except gi.SingularError:
            pass
    out[("error", 8)] = per_call(fail, 50_000)
    return out


R_CODE = r'''
builddir <- commandArgs(TRUE)[1]
suppressPackageStartupMessages(library(methods))
dyn.load(file.path(builddir, "greenidx.so")); source(file.path(builddir, "greenidx.R"))
for (f in list.files(builddir, pattern = "\\.R$", full.names = TRUE))
  if (basename(f) != "greenidx.R") source(f)
for (n in c(%s)) {
  A <- outer(seq_len(n), seq_len(n), function(i, j) ifelse(i == j, n + 1, 1 / (i + j - 1)))
  b <- rep(1, n); reps <- if (n < 64) 10000 else 1000
  gidx_solve(A, b)
  t <- min(sapply(1:5, function(r)
    system.time(for (k in seq_len(reps)) gidx_solve(A, b))[["elapsed"]]))
  cat(n, t / reps * 1e9, "\n")
}
'''


def r_times(build):
    code = R_CODE % ", ".join(str(n) for n in SIZES)
    try:
        res = subprocess.run(["Rscript", "-e", code, str(build / "bindings" / "r")],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print("R skipped:", e, file=sys.stderr)
        return {}
    return {int(l.split()[0]): float(l.split()[1]) for l in res.stdout.splitlines() if l.strip()}


def main():
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve()
    src = pathlib.Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        c = c_times(build, src, pathlib.Path(tmp))
    py = py_times(build)
    r = r_times(build)
    print("gidx_linalg_solve, ns per call (ratio to C); best of 5 runs each, %s" % time.strftime("%Y-%m-%d"))
    print("%-6s %12s %22s %22s %22s" % ("n", "C", "Python capi", "Python gi.solve", "R gidx_solve"))
    for n in SIZES:
        def cell(v):
            return "%10.0f (%6.1fx)" % (v, v / c[n]) if v else "%22s" % "-"
        print("%-6d %12.0f %22s %22s %22s" % (n, c[n], cell(py[("capi", n)]),
                                               cell(py[("solve", n)]), cell(r.get(n))))
    print("error path (8 x 8 singular, SingularError raised and caught): %.0f ns per call"
          % py[("error", 8)])


if __name__ == "__main__":
    main()
