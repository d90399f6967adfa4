#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An independent numpy implementation of the LMDI-I decomposition of
# docs/decompose.md, written from Ang (2005, Table 1) and Ang (2015, Table 2)
# without using libgreenidx, for checking gidx_decompose() on real data.
#
# Usage: lmdi_numpy.py DATASET.csv MAPPING.json REGION... > numpy_reference.csv
#   DATASET.csv is the long CSV of the embedded Telemark data
#   (`greenidx data --format csv`); MAPPING.json is data/drivers/mapping.json.
# Output: region,mode,form,from,to,effect,sector,value for the cumulative
# period (first to last year with every input) and the chained periods, in
# both forms.
import json
import sys

import numpy as np
import pandas as pd

EFFECTS = ["population", "employment_rate", "structure", "intensity"]


def logmean(a, b):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    out = np.zeros(np.broadcast(a, b).shape)
    eq = a == b
    out[eq] = a[eq]
    ok = (~eq) & (a > 0) & (b > 0)
    out[ok] = (a[ok] - b[ok]) / (np.log(a[ok]) - np.log(b[ok]))
    return out


def main():
    data = pd.read_csv(sys.argv[1], dtype={"region": str})
    mapping = json.load(open(sys.argv[2], encoding="utf-8"))
    regions = sys.argv[3:]
    wide = data.pivot_table(index=["region", "year"], columns="variable", values="value")
    sectors = mapping["sectors"]
    rows = []
    for region in regions:
        w = wide.loc[region]
        years = []
        E = {}
        for year in w.index:
            r = w.loc[year]
            need = ["population", "ghg_total", "employment_total"]
            need += [g for s in sectors for g in s["groups"]]
            if r.reindex(need).isna().any():
                continue
            vals = r.reindex([s["variable"] for s in sectors]).to_numpy(float)
            miss = np.isnan(vals)
            rest = r["ghg_total"] - np.nansum(vals)
            tol = 0.005 * len(sectors) + 1e-9 * abs(r["ghg_total"])
            if miss.sum() == 1:
                if rest < -tol:
                    continue
                vals[miss] = rest if rest > tol else 0.0
            elif miss.sum() > 1:
                if abs(rest) > tol:
                    continue
                vals[miss] = 0.0
            years.append(year)
            E[year] = vals
        for mode, pairs in (("cumulative", [(years[0], years[-1])]),
                            ("chained", list(zip(years[:-1], years[1:])))):
            for y0, y1 in pairs:
                eff = np.zeros((len(sectors), 4))
                r0, r1 = w.loc[y0], w.loc[y1]
                for i, s in enumerate(sectors):
                    e = np.array([E[y0][i], E[y1][i]])
                    P = np.array([r0["population"], r1["population"]])
                    J = np.array([r0["employment_total"], r1["employment_total"]])
                    G = np.array([sum(r0[g] for g in s["groups"]),
                                  sum(r1[g] for g in s["groups"])])
                    business = s["kind"] == "business" and not np.any((e > 0) & (G == 0))
                    if business:
                        with np.errstate(divide="ignore", invalid="ignore"):
                            X = np.stack([P, J / P, G / J, e / G], axis=1)
                        for t in (0, 1):
                            if G[t] == 0:
                                o = 1 - t
                                X[t, 3] = e[o] / G[o] if G[o] > 0 and e[o] > 0 else 1.0
                    else:
                        X = np.stack([P, np.ones(2), np.ones(2), e / P], axis=1)
                    v = X.prod(axis=1)
                    if v[0] == 0 and v[1] == 0:
                        continue
                    if v[0] == 0 or v[1] == 0:
                        t = 0 if v[0] == 0 else 1
                        k = int(np.flatnonzero(X[t] == 0)[0])
                        eff[i, k] = v[1] - v[0]
                        continue
                    eff[i] = logmean(v[1], v[0]) * np.log(X[1] / X[0])
                E0, E1 = E[y0].sum(), E[y1].sum()
                L = logmean(E1, E0)
                for form in ("additive", "multiplicative"):
                    def put(effect, sector, value):
                        rows.append((region, mode, form, y0, y1, effect, sector,
                                     np.exp(value / L) if form == "multiplicative" else value))
                    for i, s in enumerate(sectors):
                        for k, name in enumerate(EFFECTS):
                            put(name, s["id"], eff[i, k])
                        put("total", s["id"], eff[i].sum())
                    for k, name in enumerate(EFFECTS):
                        put(name, "total", eff[:, k].sum())
                    put("total", "total", eff.sum())
    out = pd.DataFrame(rows, columns=["region", "mode", "form", "from", "to", "effect",
                                      "sector", "value"])
    out.to_csv(sys.stdout, index=False, float_format="%.17g")


if __name__ == "__main__":
    main()
