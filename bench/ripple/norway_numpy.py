#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""numpy side of bench/ripple/norway.sh: the same computations as
norway_bench.c from the tidy CSVs of data/io/norway (SSB 1850/1950, NOK
million): the 62-sector multiplier table of 2021 (type I and II: output,
employment, value added, labour income, GHG; numpy.linalg.solve of
(I - A)^T against the five coefficient rows) and the batch of every industry
x every year, NOK 100 million, type II with direct, indirect and induced
parts of every satellite (numpy.linalg.solve of the open and the closed
system against all 62 shocks at once, the same work as gidx_io_shock_path). The employment satellite
is built the library's way (13470 groups spread by D1; docs/ripple.md).
Reads the C side's JSON on stdin; prints both side by side with the largest
difference of the results and the time ratios."""
import csv
import json
import os
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
DATA = os.path.join(ROOT, 'data', 'io', 'norway')
LETTER = {'RB': '05', 'RD': '35', 'RF': '41', 'RI': '55', 'RP': '85', 'RT': '97'}
GROUPS = [(1, 3), (5, 9), (10, 33), (35, 39), (41, 43), (45, 47), (49, 53), (55, 56), (58, 63),
          (64, 66), (68, 75), (77, 82), (84, 84), (85, 85), (86, 88), (90, 99)]


def group(code):
    d = int(LETTER.get(code, code[1:3]))
    return next(g for g, (a, b) in enumerate(GROUPS) if a <= d <= b)


def read(path):
    with open(path, newline='') as f:
        return list(csv.DictReader(f))


def model(y):
    rows = read(os.path.join(DATA, 'Z_domestic_%d_MNOK.csv' % y))
    names = [r['row_code'] for r in rows]
    Z = np.array([[float(r[c]) for c in names] for r in rows])
    va = {r['industry']: r for r in read(os.path.join(DATA, 'VA_output_by_industry_%d_MNOK.csv' % y))}
    x = np.array([float(va[s]['output_x']) for s in names])
    b1g = np.array([float(va[s]['value_added_B1G']) for s in names])
    d1 = np.array([float(va[s]['D1']) for s in names])
    yd = {r['row_code']: r for r in read(os.path.join(DATA, 'Y_finaldemand_domestic_%d_MNOK.csv' % y))}
    hh = np.array([float(yd[s]['P3_S14']) for s in names])
    ghg = {r['industry']: float(r['ghg_t_co2e']) for r in read(os.path.join(DATA, 'ghg_by_industry_2012_2021.csv'))
           if int(r['year']) == y}
    g = np.array([ghg[s] for s in names])
    ey = 2021 if y <= 2021 else 2022
    emp = {}
    for r in read(os.path.join(DATA, 'employment_13470_national_2021_2022.csv')):
        v = r['variable'].replace('employed_workplace_SN2007_', '')
        if int(r['year']) == ey and v[:2].isdigit() and v != '00':
            emp[next(k for k, (a, b) in enumerate(GROUPS) if a == int(v[:2]))] = float(r['value'])
    grp = np.array([group(s) for s in names])
    d1g = np.array([d1[grp == k].sum() for k in range(16)])
    e = np.array([emp[grp[i]] * d1[i] / d1g[grp[i]] for i in range(len(names))])
    return names, Z / x, x, np.vstack([np.ones_like(x), e / x, b1g / x, d1 / x, g / x]), hh / d1.sum()


def closed(A, l, h):
    n = len(l)
    Ab = np.zeros((n + 1, n + 1))
    Ab[:n, :n], Ab[n, :n], Ab[:n, n] = A, l, h
    return np.eye(n + 1) - Ab


def main():
    c = json.load(sys.stdin)
    names, A, x, E, h = model(2021)
    n = len(names)
    I = np.eye(n)
    tt = {}
    for typ in (1, 2):
        times = []
        for _ in range(200):
            t0 = time.perf_counter()
            if typ == 1:
                M = np.linalg.solve((I - A).T, E.T).T
            else:
                Eb = np.hstack([E, np.zeros((5, 1))])
                M = np.linalg.solve(closed(A, E[3], h).T, Eb.T).T[:, :n]
            times.append(time.perf_counter() - t0)
        times.sort()
        tt[typ] = (1e3 * times[0], 1e3 * times[100])
    load = comp = 0.0
    worst = {'mult2': 0.0, 'output': 0.0, 'employment': 0.0, 'ghg': 0.0}
    k = 0
    for y in range(2012, 2022):
        t0 = time.perf_counter()
        names, A, x, E, h = model(y)
        load += time.perf_counter() - t0
        t0 = time.perf_counter()
        Cb = closed(A, E[3], h)
        m2 = np.linalg.solve(Cb.T, np.append(np.ones(n), 0.0))[:n]
        F = 100.0 * np.eye(n)
        X1 = np.linalg.solve(np.eye(n) - A, F)                          # type I, all 62 shocks
        X2 = np.linalg.solve(Cb, np.vstack([F, np.zeros((1, n))]))[:n]  # type II
        parts = [F, X1 - F, X2 - X1, X2]                                # direct, indirect, induced, total
        sat = [[E[q][:, None] * P for P in parts] for q in range(5)]   # every satellite's parts
        res = [(m2[j], X2[:, j].sum(), sat[1][3][:, j].sum(), sat[4][3][:, j].sum()) for j in range(n)]
        comp += time.perf_counter() - t0
        for j in range(n):
            b = c['batch'][k]
            assert b['year'] == y and b['sector'] == names[j], (b, y, names[j])
            for key, v in zip(('mult2', 'output', 'employment', 'ghg'), res[j]):
                worst[key] = max(worst[key], abs(b[key] - v) / max(1.0, abs(v)))
            k += 1
    print('62-sector multiplier table (5 quantities), 2021, best / median of 200 calls:')
    for typ in (1, 2):
        cb, cm = c['table_type%d_ms' % typ]['best'], c['table_type%d_ms' % typ]['median']
        print('  type %d: libgreenidx %.3f / %.3f ms   numpy %.3f / %.3f ms   ratio (lib/numpy, median) %.2f'
              % (typ, cb, cm, tt[typ][0], tt[typ][1], cm / tt[typ][1]))
    print('batch: %d industries x 10 years = %d shocks of NOK 100 million, type II' % (n, k))
    print('  compute: libgreenidx %.3f s   numpy %.3f s   ratio %.2f' % (c['batch_compute_s'], comp,
                                                                       c['batch_compute_s'] / comp))
    print('  loading the 10 tables: libgreenidx %.3f s (embedded)   numpy/csv %.3f s   ratio %.2f'
          % (c['batch_load_s'], load, c['batch_load_s'] / load))
    print('  largest relative difference libgreenidx vs numpy: ' +
          ', '.join('%s %.1e' % kv for kv in worst.items()))
    ok = c['table_type1_ms']['median'] < 10 and c['table_type2_ms']['median'] < 10 and max(worst.values()) < 1e-9
    print('table under 10 ms and results equal to 1e-9:', 'yes' if ok else 'NO')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
