"""Straightforward Python synthetic control (Abadie, Diamond & Hainmueller 2010)
with the same nested optimisation as libgreenidx: W on the simplex by
Lawson-Hanson NNLS with a weighted sum-to-one row (scipy.optimize.nnls),
V by Nelder-Mead (scipy.optimize.minimize) from equal, regression-based and two
random starts, each restarted from its optimum while that improves."""
import sys
import numpy as np
import pandas as pd
from scipy.optimize import nnls, minimize

PRED = [("lnincome", 1980, 1988), ("retprice", 1980, 1988), ("age15to24", 1980, 1988),
        ("beer", 1984, 1988), ("cigsale", 1975, 1975), ("cigsale", 1980, 1980), ("cigsale", 1988, 1988)]


def prepare(df, T=1989):
    units = list(dict.fromkeys(df.state))
    years = sorted(df.year.unique())
    Y = df.pivot(index="state", columns="year", values="cigsale").loc[units].to_numpy()
    X = np.array([[df[(df.state == u) & (df.year >= a) & (df.year <= b)][v].mean() for u in units]
                  for v, a, b in PRED])
    npre = sum(1 for y in years if y < T)
    return units, years, X, Y, npre


def simplex_ls(A, b):
    M = 1e4 * max(1.0, np.abs(A).max(), np.abs(b).max())
    E = np.vstack([A, M * np.ones(A.shape[1])])
    f = np.append(b, M)
    w, _ = nnls(E, f)
    return w / w.sum()


def fit(X, Y, npre, tr, don):
    Xs = X[:, [tr] + don]
    sd = Xs.std(axis=1, ddof=1)
    sd[sd == 0] = 1
    X1, X0 = X[:, tr] / sd, X[:, don] / sd[:, None]
    Z1, Z0 = Y[tr, :npre], Y[don, :npre]

    def weights(v):
        v = np.abs(v) / np.abs(v).sum()
        s = np.sqrt(v)
        return simplex_ls(s[:, None] * X0, s * X1)

    def loss(v):
        if not np.abs(v).sum() > 0:
            return 1e300
        w = weights(v)
        return np.mean((Z1 - w @ Z0) ** 2)

    k = X.shape[0]
    starts = [np.full(k, 1.0 / k)]
    Xa = np.column_stack([np.ones(len(don) + 1), np.vstack([X1, X0.T])])
    Za = np.vstack([Z1, Z0])
    B = np.linalg.lstsq(Xa, Za, rcond=None)[0][1:]
    sv = (B ** 2).sum(axis=1)
    starts.append(sv / sv.sum())
    rng = np.random.default_rng(42)
    for _ in range(2):
        r = rng.random(k) + 1e-3
        starts.append(r / r.sum())
    best = None
    for s0 in starts:
        # Nelder-Mead restarted from its optimum while it improves (as libgreenidx)
        x, prev = s0, np.inf
        for _ in range(6):
            res = minimize(loss, x, method="Nelder-Mead",
                           options={"maxiter": 3000, "xatol": 1e-9, "fatol": 1e-12})
            x = res.x
            if res.fun >= prev - 1e-10 * abs(prev):
                break
            prev = res.fun
        if best is None or res.fun < best.fun:
            best = res
    return weights(best.x), best.fun


def main(path):
    import time
    df = pd.read_csv(path)
    units, years, X, Y, npre = prepare(df)
    t0 = time.perf_counter()
    c0 = time.process_time()
    tr = units.index("California")
    don = [i for i in range(len(units)) if i != tr]
    w, l = fit(X, Y, npre, tr, don)
    gap = Y[tr] - w @ Y[don]
    ratio0 = np.mean(gap[npre:] ** 2) / np.mean(gap[:npre] ** 2)
    ge = 1
    for c in don:
        d2 = [j for j in don if j != c]
        w2, _ = fit(X, Y, npre, c, d2)
        g2 = Y[c] - w2 @ Y[d2]
        if np.mean(g2[npre:] ** 2) / np.mean(g2[:npre] ** 2) >= ratio0:
            ge += 1
    el = time.perf_counter() - t0
    cpu = time.process_time() - c0
    top = {units[don[j]]: round(w[j], 3) for j in np.argsort(-w)[:6]}
    print(f"python: weights {top} rmspe_pre {np.sqrt(np.mean(gap[:npre]**2)):.3f} "
          f"gap2000 {gap[years.index(2000)]:.2f} placebo_p {ge}/{len(units)} loss {l:.4f}")
    return cpu, el


if __name__ == "__main__":
    cpu, wall = main(sys.argv[1])
    print(f"python cpu_seconds {cpu:.3f} (wall {wall:.3f})")
