#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sobol sensitivity analysis of COINr's ASEM index with N = 100: 600 rebuilds.

The index is COINr's full example (build_example_coin: denominate, group-mean
imputation by EurAsia_group, screening at 0.9, winsorisation/log treatment,
min-max, arithmetic means). Four uncertain choices, as in COINr's sensitivity
vignette (4 factors x N = 100 -> N (k + 2) = 600 rebuilds):
imputation (group mean, mean, median), normalisation (min-max [1, 100], rank),
aggregation (arithmetic, geometric) and the weights (+-25 %, 100 noisy sets).
Output: first-order and total Sobol indices of the mean absolute rank shift,
and the run time. COINr's published figure on this machine class is 110.5 s
(Sobol N = 100, 600 rebuilds, plus 100 bootstrap samples); COINr is not
installed here, so that figure is quoted, not re-measured.

    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/composite/bench_sobol_asem.py
"""
import os
import time

import greenidx as gi

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "..", "..", "tests", "data", "composite")


def main():
    with gi.CompositeIndex.from_coinr(os.path.join(D, "ASEM_iData.csv"), os.path.join(D, "ASEM_iMeta.csv")) as ix:
        ix.set_options(denominate=True, impute="group-mean:EurAsia_group", screen=0.9, treat="winsorise:5",
                       normalise="minmax:1,100", aggregate="amean")
        t0, c0 = time.perf_counter(), time.process_time()
        u = ix.uncertainty(n=100, seed=1, threads=1, sobol=True,
                           impute=["group-mean:EurAsia_group", "mean", "median"],
                           normalise=["minmax", "rank"], aggregate=["amean", "gmean"], weight_noise=0.25)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        s = u.sobol()
    print(f"ASEM Sobol analysis, N = 100, {u.nruns} rebuilds, 1 thread: {wall:.3f} s wall, {cpu:.3f} s CPU "
          f"(COINr: 110.5 s published)")
    print("factor      first   total")
    for f, (first, total) in s.items():
        if first == first:
            print(f"{f:10s} {first:7.3f} {total:7.3f}")


if __name__ == "__main__":
    main()
