#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-call overhead of forecasting from Python, against the pure C time.

The 645 yearly series of the M3 competition (Makridakis & Hibon 2000), each
forecast 6 years ahead (80 % and 95 % intervals, default options, one
thread), timed side by side in one run:

- C, one gidx_fc_batch_run() call (and every series' forecasts copied out),
  and C, one gidx_model_new/fit/forecast/free per series
  (bench/bindings/forecast_overhead.c, compiled against the build tree);
- the command ``greenidx forecast --input M3 --horizon 6 --method M``
  (CSV reading and writing included, for reference);
- Python, one batch call: through the SWIG module (``gidx_fc_batch_run``
  plus the per-series result copies) and through the package
  (``greenidx.forecast_many``: a long DataFrame in and out);
- Python, one call per series: through the SWIG module (``greenidx.capi``)
  and through the package (``greenidx.Model(...).fit(...).forecast(6)``, a
  pandas DataFrame per series).

Two methods: ``auto`` (ETS, ARIMA and Theta combined, calibrated intervals:
the real workload, about 1.5 ms of C per series) and ``naive`` (almost no
work, so the time left is the bindings' overhead).

Every way runs once per round, in the same order, so all see the same load
of this shared machine; the best CPU and the best wall time over the rounds
are reported (CPU = user + system of this process, or of the child for C
and the command), with the CPU ratio to the C batch call and the overhead
in microseconds per series. The script also checks that every way gives the
same forecasts as the C batch call (to 1e-12 relative) and exits 1 if not.

Usage (from the source root, after ``ninja -C build``):
    /usr/bin/python3 bench/bindings/forecast_overhead.py [BUILDDIR] [--data M3.csv]
        [--reps 5] [--methods auto,naive]
"""
import argparse
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

# One BLAS thread everywhere (set before numpy is imported; inherited by the
# C driver and the command).
os.environ["OPENBLAS_NUM_THREADS"] = "1"

H = 6
LEVELS = (80.0, 95.0)
SRC = pathlib.Path(__file__).resolve().parents[2]


def timed(f):
    """(CPU s, wall s, result) of one call of f()."""
    c0, w0 = time.process_time(), time.perf_counter()
    out = f()
    return time.process_time() - c0, time.perf_counter() - w0, out


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def load(path):
    """The long M3 table sorted by series (file order) and year, and its arrays."""
    import numpy as np
    import pandas as pd
    df = pd.read_csv(path, dtype={"series_id": str, "category": str})
    df["timestamp"] = df["timestamp"].astype(int)
    order = {sid: i for i, sid in enumerate(pd.unique(df["series_id"]))}
    df = df.assign(_k=df["series_id"].map(order)).sort_values(["_k", "timestamp"], kind="stable")
    df = df.drop(columns="_k").reset_index(drop=True)
    counts = df.groupby("series_id", sort=False).size().to_numpy()
    start = np.concatenate([[0], np.cumsum(counts)])
    years = np.ascontiguousarray(df["timestamp"].to_numpy(), dtype=np.intc)
    values = np.ascontiguousarray(df["value"].to_numpy(), dtype=np.float64)
    return df, list(order), years, values, start


def compile_c(build, tmp, years, values, start):
    """Build the C driver and write its input; returns run(method) -> (times, forecasts)."""
    import numpy as np
    exe = tmp / "forecast_overhead"
    libdir = build / "libgreenidx"
    subprocess.run(["cc", "-O2", "-std=c99", "-o", str(exe),
                    str(SRC / "bench" / "bindings" / "forecast_overhead.c"),
                    "-I" + str(SRC / "include"), "-I" + str(build / "include"),
                    "-L" + str(libdir), "-lgreenidx", "-Wl,-rpath," + str(libdir)], check=True)
    inp = tmp / "panel.txt"
    with open(inp, "w") as f:
        f.write("%d %d\n" % (len(start) - 1, len(years)))
        f.write(" ".join(str(int(s)) for s in start) + "\n")
        for yr, v in zip(years, values):
            f.write("%d %.17g\n" % (yr, v))
    out = tmp / "c_forecasts.txt"

    def run(method):
        res = subprocess.run([str(exe), str(inp), str(H), "1", str(out), method], check=True,
                             capture_output=True, text=True).stdout.split()
        t = {res[i]: (float(res[i + 1]), float(res[i + 2])) for i in range(0, len(res), 3)}
        return t, np.loadtxt(out).reshape(len(start) - 1, 5 * H)
    return run


def measure(method, a, build, data, df, ids, years, values, start, run_c, tmp):
    import numpy as np
    import greenidx as gi
    from greenidx import capi

    ns = len(ids)
    series = [(years[start[s]:start[s + 1]], values[start[s]:start[s + 1]]) for s in range(ns)]
    lv = np.array(LEVELS)
    code = gi.METHODS[method]

    o = capi.gidx_model_options()
    o.method, o.calibrate, o.seed = code, 1, 42
    start_u = np.ascontiguousarray(start, dtype=np.uintp)

    def c_layout(mean, lo, hi):  # mean[H], lo[2H], hi[2H] as the C program writes them
        return np.concatenate([mean[:H], lo[:2 * H], hi[:2 * H]])

    def capi_batch():
        b = capi.gidx_fc_batch_run(o, years, values, start_u, H, lv, 1)
        return np.array([c_layout(*capi.gidx_fc_batch_forecast(2 * H, b, s)) for s in range(ns)])

    def package_batch():
        return gi.forecast_many(df, H, method=method, levels=LEVELS, threads=1)

    def capi_loop():
        out = np.empty((ns, 5 * H))
        for s, (yr, v) in enumerate(series):
            m = capi.gidx_model_new(o)
            capi.gidx_model_fit(m, yr, v)
            out[s] = c_layout(*capi.gidx_model_forecast(2 * H, m, H, lv))
            del m
        return out

    def package_loop():
        out = []
        for yr, v in series:
            with gi.Model(method) as m:
                out.append(m.fit(yr, v).forecast(H, levels=LEVELS))
        return out

    def frame_rows(f):  # DataFrame columns in the C layout: mean, lo80, lo95, hi80, hi95
        return np.concatenate([f["mean"], f["lo80"], f["lo95"], f["hi80"], f["hi95"]])

    def order_ids(r):  # forecast_many's rows, by series in the file's order
        groups = dict(tuple(r[0].groupby("series_id", sort=False)))
        return np.array([frame_rows(groups[i]) for i in ids])

    def cli():
        c0, w0 = child_cpu(), time.perf_counter()
        subprocess.run([str(build / "tools" / "greenidx"), "forecast", "--input", str(data),
                        "--horizon", str(H), "--method", method, "--threads", "1",
                        "--output", str(tmp / "cli.csv")], check=True)
        return child_cpu() - c0, time.perf_counter() - w0

    python_ways = (
        ("Python capi: one batch call", capi_batch, lambda r: r),
        ("Python greenidx.forecast_many (DataFrame in and out)", package_batch, order_ids),
        ("Python capi: one model per series", capi_loop, lambda r: r),
        ("Python greenidx.Model per series (a DataFrame each)", package_loop,
         lambda r: np.array([frame_rows(f) for f in r])))
    names = ["C: one gidx_fc_batch_run call", "C: one model per series",
             "command: greenidx forecast (CSV in and out)"] + [w[0] for w in python_ways]
    best = {n: [float("inf"), float("inf")] for n in names}

    def keep(name, cpu, wall):
        best[name][0] = min(best[name][0], cpu)
        best[name][1] = min(best[name][1], wall)

    checks = {}
    for _ in range(a.reps):
        ctimes, cref = run_c(method)
        keep(names[0], *ctimes["batch"])
        keep(names[1], *ctimes["loop"])
        keep(names[2], *cli())
        for name, f, conv in python_ways:
            cpu, wall, res = timed(f)
            keep(name, cpu, wall)
            d = float(np.max(np.abs(conv(res) - cref) / np.maximum(1.0, np.abs(cref))))
            checks[name] = max(checks.get(name, 0.0), d)

    base = best[names[0]][0]
    print("M3 yearly: %d series, %d observations, h = %d, method %s, levels 80/95, "
          "1 thread; best of %d rounds" % (ns, len(years), H, method, a.reps))
    print()
    print("| way | CPU s | wall s | CPU ratio to C batch | overhead, µs per series (CPU) |")
    print("|---|---|---|---|---|")
    for n in names:
        cpu, wall = best[n]
        print("| %s | %.3f | %.3f | %.3f | %+.0f |" % (n, cpu, wall, cpu / base,
                                                      1e6 * (cpu - base) / ns))
    print()
    for name, d in checks.items():
        print("max relative difference from the C batch, %s: %.1e" % (name, d))
    ratio = best[names[4]][0] / base
    print("greenidx.forecast_many / C batch (CPU), %s: %.3f%s" % (
        method, ratio, " (goal <= 1.2)" if method == "auto" else
        " (almost no C work: the ratio measures the Python layer's own cost)"))
    print()
    return [n for n, d in checks.items() if not d <= 1e-12]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", nargs="?", default=str(SRC / "build"))
    ap.add_argument("--data", default=str(SRC / "bench" / "bindings" / "data" / "M3_yearly_TSTS.csv"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--methods", default="auto,naive")
    a = ap.parse_args()
    build = pathlib.Path(a.build).resolve()
    sys.path.insert(0, str(build / "bindings" / "python"))
    df, ids, years, values, start = load(a.data)
    bad = []
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        run_c = compile_c(build, tmp, years, values, start)
        for method in a.methods.split(","):
            bad += measure(method, a, build, a.data, df, ids, years, values, start, run_c, tmp)
    if bad:
        print("FAIL: forecasts differ from the C batch call: " + ", ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
