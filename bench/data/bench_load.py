#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Load a long CSV (region,year,variable,value,flag) with libgreenidx and,
side by side in the same run, with pandas.read_csv + a pivot into a
(region, variable) x year panel, the peer way to get the same panel.

    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/data/bench_load.py [NREGIONS]

Not run by the test suite."""
import os
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import greenidx as gi


def main():
    nreg = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    years = range(1995, 2025)
    rng = np.random.default_rng(1)
    rows = ["region,year,variable,value,flag"]
    for r in range(nreg):
        for y in years:
            rows.append("r%05d,%d,x,%.17g," % (r, y, rng.normal()))
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(rows) + "\n")
    try:
        best_g = best_p = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            ds = gi.load_csv(path)
            best_g = min(best_g, time.perf_counter() - t)
            n = len(ds)
            ds.close()
            t = time.perf_counter()
            df = pd.read_csv(path, dtype={"region": str, "variable": str})
            panel = df.pivot_table(index=["region", "variable"], columns="year", values="value")
            best_p = min(best_p, time.perf_counter() - t)
        print("cells: %d (%d regions x %d years)" % (n, nreg, len(years)))
        print("libgreenidx load_csv: %.3f s" % best_g)
        print("pandas read_csv + pivot_table: %.3f s (panel %s)" % (best_p, panel.shape))
        print("ratio libgreenidx / pandas: %.2f" % (best_g / best_p))
    finally:
        os.remove(path)


if __name__ == "__main__":
    main()
