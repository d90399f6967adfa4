#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of libgreenidx's input-output solvers against numpy and scipy,
side by side in the same run (issue 7, "Performance").

Dense: full multipliers (output, employment, value added, labour income,
emissions) for n = 64, 1000, 5000 sectors -- libgreenidx
``gidx_io_model_multiplier_table`` (one GSL LU of (I - A)^T with OpenBLAS
behind it, five solves) against numpy ``linalg.solve((I - A).T, E.T)``
(LAPACK dgesv, the same algorithm); and the full Leontief inverse
(``gidx_io_model_leontief``: GSL LU + LU_invert) against ``numpy.linalg.inv``.

Sparse: one type I shock on a synthetic multi-regional system of 357
municipalities x 64 industries (22,848 sectors): libgreenidx's CSR
Gauss-Seidel (``gidx_io_shock`` on a sparse model, tol 1e-10) against
``scipy.sparse.linalg.spsolve`` (SuperLU) and, for reference,
``scipy.sparse.linalg.gmres``. Each engine runs in a child process so its
peak resident memory (ru_maxrss) is its own.

Usage (from the source tree, after `ninja -C build`):
    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/ripple/bench.py [--quick]
Dense timings: both engines alternate in one process, best of 40 (n = 64),
2 x --repeat (n = 1000) or 4 (n = 5000) calls each (L: half as many).
Sparse timings: best of --repeat (spsolve: one run).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

N_REGIONS, N_IND, NEIGHBOURS = 357, 64, 8


def dense_A(n, seed=1):
    rng = np.random.default_rng(seed)
    A = rng.uniform(size=(n, n)) * (rng.uniform(size=(n, n)) < 0.6)
    A *= rng.uniform(0.3, 0.7, size=n) / np.maximum(A.sum(axis=0), 1e-12)
    E = rng.uniform(0.01, 1.0, size=(4, n))  # four satellite rows per unit of output
    return A, E


def mrio():
    """A_MR = kron(T, A_nat): region s supplies region r the share T[s, r]
    of every input (Chenery-Moses with one trade share per region pair);
    each municipality buys 60 % at home and 40 % from its 8 nearest
    neighbours on a ring (a stand-in for geography). Column sums 0.3-0.7."""
    import scipy.sparse as sp
    A_nat, _ = dense_A(N_IND, seed=2)
    rows, cols, vals = [], [], []
    for r in range(N_REGIONS):
        rows.append(r); cols.append(r); vals.append(0.6)
        for d in range(1, NEIGHBOURS // 2 + 1):
            for s in ((r + d) % N_REGIONS, (r - d) % N_REGIONS):
                rows.append(s); cols.append(r); vals.append(0.4 / NEIGHBOURS)
    T = sp.csr_matrix((vals, (rows, cols)), shape=(N_REGIONS, N_REGIONS))
    A = sp.kron(T, sp.csr_matrix(A_nat), format="csr")
    f = np.random.default_rng(3).uniform(0, 100, size=A.shape[0])
    return A, f


def best(fn, repeat):
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def child(case, n, repeat):
    """Run one engine on one case; print a JSON line."""
    res = {}
    if case == "dense":
        # Both engines in one process, alternating, best of `repeat` each: the
        # 2 cores are shared, and alternation exposes both to the same load.
        import greenidx as gi
        A, E = dense_A(n)
        m = gi.IOModel.from_coefficients(A)
        for q, row in zip(("employment", "value_added", "labour_income", "emissions"), E):
            m.set_satellite(q, row, per_unit=True)
        I = np.eye(n)
        Et = np.vstack([np.ones(n), E]).T.copy()
        tg, tn, lg, ln = [], [], [], []
        for k in range(repeat):
            t, M = best(lambda: m.multiplier_table(1), 1); tg.append(t)
            t, ref = best(lambda: np.linalg.solve((I - A).T, Et), 1); tn.append(t)
            if k < max(1, repeat // 2):
                lg.append(best(lambda: m.leontief(1), 1)[0])
                ln.append(best(lambda: np.linalg.inv(I - A), 1)[0])
        res.update(multipliers=min(tg), numpy_multipliers=min(tn), leontief=min(lg),
                   numpy_leontief=min(ln),
                   maxdiff=float(np.max(np.abs(M - ref.T) / np.abs(ref.T))))
    else:
        import scipy.sparse as sp
        import scipy.sparse.linalg as spl
        A, f = mrio()
        M = (sp.identity(A.shape[0], format="csr") - A)
        res["nnz"] = int(A.nnz)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if case == "sparse-greenidx":
            import greenidx as gi
            t0 = time.perf_counter()
            m = gi.IOModel.from_sparse(A)
            res["build"] = time.perf_counter() - t0
            res["solve"], r = best(lambda: m.shock(f, solver="iterative", tol=1e-10,
                                                   multipliers=False), repeat)
            x = r.get("output", "total")
        elif case == "sparse-spsolve":
            Mc = M.tocsc()
            res["solve"], x = best(lambda: spl.spsolve(Mc, f), 1)
        else:
            def run():
                x, info = spl.gmres(M, f, tol=1e-10, restart=50, maxiter=1000)
                assert info == 0
                return x
            res["solve"], x = best(run, repeat)
        res["residual"] = float(np.linalg.norm(M @ x - f) / np.linalg.norm(f))
        res["rss_before_solve_MiB"] = rss0 / 1024
    res["peak_rss_MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res))


def run_child(case, n, repeat):
    out = subprocess.run([sys.executable, __file__, "--child", case, "--n", str(n),
                          "--repeat", str(repeat)], capture_output=True, text=True,
                         env=os.environ)
    if out.returncode != 0:
        raise SystemExit("%s n=%d failed:\n%s" % (case, n, out.stderr))
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--child")
    ap.add_argument("--n", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="skip n = 5000 and scipy spsolve")
    a = ap.parse_args()
    if a.child:
        child(a.child, a.n, a.repeat)
        return
    print("machine: %d cores; OPENBLAS_CORETYPE=%s OPENBLAS_NUM_THREADS=%s" % (
        os.cpu_count(), os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        os.environ.get("OPENBLAS_NUM_THREADS", "(unset)")))
    print("\nDense: all five multiplier rows, and the full Leontief inverse (seconds, best of runs)")
    print("%6s %12s %12s %7s | %12s %12s %7s | %9s" % (
        "n", "greenidx", "numpy", "ratio", "L greenidx", "L numpy", "ratio", "max rel d"))
    for n in (64, 1000) + (() if a.quick else (5000,)):
        rep = 4 if n >= 5000 else (a.repeat * 2 if n > 64 else 40)
        g = run_child("dense", n, rep)
        print("%6d %12.5f %12.5f %7.2f | %12.5f %12.5f %7.2f | %9.1e" % (
            n, g["multipliers"], g["numpy_multipliers"], g["multipliers"] / g["numpy_multipliers"],
            g["leontief"], g["numpy_leontief"], g["leontief"] / g["numpy_leontief"], g["maxdiff"]))
    print("\nSparse: one type I shock, %d municipalities x %d industries = %d sectors" % (
        N_REGIONS, N_IND, N_REGIONS * N_IND))
    g = run_child("sparse-greenidx", 0, a.repeat)
    print("nnz(A) = %d" % g["nnz"])
    print("%-28s %10s %12s %14s" % ("solver", "seconds", "rel. resid.", "peak RSS MiB"))
    print("%-28s %10.3f %12.1e %14.0f   (model build %.3f s)" % (
        "greenidx Gauss-Seidel", g["solve"], g["residual"], g["peak_rss_MiB"], g["build"]))
    rows = [("scipy gmres(50)", "sparse-gmres")]
    if not a.quick:
        rows.insert(0, ("scipy spsolve (SuperLU)", "sparse-spsolve"))
    for label, case in rows:
        s = run_child(case, 0, a.repeat)
        print("%-28s %10.3f %12.1e %14.0f   ratio greenidx/this %.3f" % (
            label, s["solve"], s["residual"], s["peak_rss_MiB"], g["solve"] / s["solve"]))


if __name__ == "__main__":
    main()
