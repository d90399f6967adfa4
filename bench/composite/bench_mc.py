#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Monte Carlo uncertainty analysis of a composite index: libgreenidx vs numpy.

357 regions x 30 indicators (5 pillars of 6, directions mixed, synthetic
log-normal data from a fixed seed), 10,000 replications. Each replication
draws the normalisation (min-max [1, 100] or rank), the aggregation
(arithmetic or geometric mean), one of 100 weight sets (weights x U(0.75, 1.25))
and the exclusion of one indicator (or none), rebuilds the index and ranks it;
per region the median and 5-95 % rank interval are reported.

The numpy side is a straightforward vectorised implementation of exactly the
same computation, including the same random sample: numpy's legacy
RandomState and GSL's gsl_rng_mt19937 are the same generator with the same
seeding (Matsumoto & Nishimura's init_genrand), and u = int32 / 2^32 is
gsl_rng_uniform. The script checks that both give identical rank summaries.

Run from the repository root after building:
    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/composite/bench_mc.py [--n 10000]
Both sides run on one core (threads = 1; OPENBLAS_NUM_THREADS=1 for numpy).
"""
import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from scipy.stats import rankdata  # noqa: E402

import greenidx as gi  # noqa: E402

U, NI, NP = 357, 30, 5
NSETS = 100


def make_data(seed=2026):
    rng = np.random.default_rng(seed)
    X = np.exp(rng.normal(0.0, 0.8, size=(U, NI))) * rng.uniform(1, 100, size=NI)
    dirs = np.where(np.arange(NI) % 4 == 3, -1, 1)
    parents = [f"P{k // 6}" for k in range(NI)]
    weights = 1.0 + (np.arange(NI) % 3)          # 1, 2, 3, ...
    pweights = [1.0, 2.0, 1.0, 1.5, 1.0]
    return X, dirs, parents, weights, pweights


def numpy_mc(X, dirs, weights, pweights, n, seed, noise=0.25):
    rs = np.random.RandomState(seed)

    def unif(size):
        return rs.randint(0, 2**32, size=size, dtype=np.uint64).astype(np.float64) / 4294967296.0

    NN = NI + 1 + NP
    wnom = np.concatenate([weights, [1.0], pweights])           # node order: indicators, root, pillars
    wsets = wnom * (1.0 + noise * (2.0 * unif(NSETS * NN).reshape(NSETS, NN) - 1.0))
    fx = unif(n * 4).reshape(n, 4)                                # normalise, aggregate, weights, exclude
    pick = lambda x, m: np.minimum((x * m).astype(np.int64), m - 1)  # noqa: E731
    d = X * dirs
    mm = (d - d.min(0)) / (d.max(0) - d.min(0)) * 99.0 + 1.0
    rk = np.column_stack([rankdata(d[:, k]) for k in range(NI)])
    cache = [mm, rk]
    M = np.zeros((NI, NP))
    M[np.arange(NI), np.arange(NI) // 6] = 1.0
    nominal = None
    ranks = np.empty((n, U))
    for r in range(n):
        xn = cache[pick(fx[r, 0], 2)]
        gm = pick(fx[r, 1], 2) == 1
        w = wsets[pick(fx[r, 2], NSETS)].copy()
        e = pick(fx[r, 3], NI + 1)
        if e > 0:
            w[e - 1] = 0.0
        Wi = M * w[:NI, None]
        wp = w[NI + 1:]
        if gm:
            pil = np.exp(np.log(xn) @ Wi / Wi.sum(0))
            idx = np.exp(np.log(pil) @ wp / wp.sum())
        else:
            pil = xn @ Wi / Wi.sum(0)
            idx = pil @ wp / wp.sum()
        ranks[r] = rankdata(-idx, method="min")
    Wi = M * weights[:, None]
    pw = np.asarray(pweights)
    nominal = rankdata(-((mm @ Wi / Wi.sum(0)) @ pw / pw.sum()), method="min")
    q = np.quantile(ranks, [0.05, 0.5, 0.95], axis=0)
    return nominal, q[1], q[0], q[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    X, dirs, parents, weights, pweights = make_data()
    units = [f"R{i:03d}" for i in range(U)]
    codes = [f"x{k:02d}" for k in range(NI)]
    aggs = [("Index", None, 1.0)] + [(f"P{p}", "Index", pweights[p]) for p in range(NP)]
    with gi.CompositeIndex.from_arrays(X, units, codes, parents, aggs, weights=weights, directions=dirs,
                                       year=2024) as ix:
        ix.set_options(normalise="minmax:1,100")
        t0, c0 = time.perf_counter(), time.process_time()
        u = ix.uncertainty(n=a.n, seed=a.seed, threads=a.threads, normalise=["minmax", "rank"],
                           aggregate=["amean", "gmean"], weight_noise=0.25, exclude_one=True)
        t_lib, c_lib = time.perf_counter() - t0, time.process_time() - c0
        lib = (u.nominal, u.median, u.p05, u.p95)
    t0, c0 = time.perf_counter(), time.process_time()
    ref = numpy_mc(X, dirs, weights, pweights, a.n, a.seed)
    t_np, c_np = time.perf_counter() - t0, time.process_time() - c0
    same = all(np.array_equal(x, y) for x, y in zip(lib, ref))
    maxdiff = max(float(np.max(np.abs(x - y))) for x, y in zip(lib, ref))
    print(f"Monte Carlo, {U} regions x {NI} indicators, {a.n} replications, seed {a.seed}")
    print(f"  libgreenidx ({a.threads} thread{'s' if a.threads > 1 else ''}): {t_lib:8.3f} s wall, {c_lib:8.3f} s CPU")
    print(f"  numpy (vectorised per replication): {t_np:8.3f} s wall, {c_np:8.3f} s CPU")
    print(f"  ratio numpy / libgreenidx: {t_np / t_lib:6.1f}x wall, {c_np / c_lib:6.1f}x CPU")
    print(f"  identical nominal/median/p05/p95 ranks: {same} (max abs difference {maxdiff:g})")


if __name__ == "__main__":
    main()
