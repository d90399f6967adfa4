#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# numpy reference for the embedded Norwegian input-output tables
# (data/io/norway/, SSB 1850/1950): type I and type II output multipliers of
# all 62 industries for 2012, 2016 and 2021, and the greenhouse-gas effect of
# NOK 100 million of final demand for construction (RF) in 2021, type I.
#
# Definitions, independent of libgreenidx's code:
#   A = Z_dom diag(x)^-1, L = (I - A)^-1 (numpy.linalg.inv)
#   type I output multiplier of j = column sum of L
#   type II: A closed with households, row l_j = D1_j / x_j, column
#   h_i = P3_S14_i / sum_j D1_j, zero corner (Miller & Blair 2009 sec. 2.5.1);
#   multiplier = sum of the first n rows of column j of the closed inverse
#   GHG effect_i = (ghg_i / x_i) * (L f)_i, f = 100 in RF.
#
# Writes norway_reference.csv beside this script (the recorded output the C
# test reads): kind,year,sector,value with repr() floats. Run with --check to
# compare a fresh computation with the recorded file instead (a meson test).
import csv
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', '..', 'data', 'io', 'norway')
YEARS = (2012, 2016, 2021)


def matrix(path):
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    cols = rows[0][1:]
    names = [r[0] for r in rows[1:]]
    assert names == cols, path
    return names, np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def columns(path, *keys):
    with open(path, newline='') as f:
        rows = list(csv.DictReader(f))
    return [r[next(iter(r))] for r in rows], [np.array([float(r[k]) for r in rows]) for k in keys]


def compute():
    out = []
    for y in YEARS:
        names, Z = matrix(os.path.join(DATA, 'Z_domestic_%d_MNOK.csv' % y))
        vn, (x, d1) = columns(os.path.join(DATA, 'VA_output_by_industry_%d_MNOK.csv' % y), 'output_x', 'D1')
        yn, (hh,) = columns(os.path.join(DATA, 'Y_finaldemand_domestic_%d_MNOK.csv' % y), 'P3_S14')
        assert vn == names and yn == names
        n = len(names)
        A = Z / x
        L = np.linalg.inv(np.eye(n) - A)
        m1 = L.sum(axis=0)
        Ab = np.zeros((n + 1, n + 1))
        Ab[:n, :n] = A
        Ab[n, :n] = d1 / x
        Ab[:n, n] = hh / d1.sum()
        Lb = np.linalg.inv(np.eye(n + 1) - Ab)
        m2 = Lb[:n, :n].sum(axis=0)
        for kind, mm in (('type1', m1), ('type2', m2)):
            for j, s in enumerate(names):
                out.append((kind, y, s, repr(float(mm[j]))))
        if y == 2021:
            g = {}
            with open(os.path.join(DATA, 'ghg_by_industry_2012_2021.csv'), newline='') as f:
                for r in csv.DictReader(f):
                    if int(r['year']) == y:
                        g[r['industry']] = float(r['ghg_t_co2e'])
            ghg = np.array([g[s] for s in names])
            f = np.zeros(n)
            f[names.index('RF')] = 100.0
            eff = ghg / x * (L @ f)
            for j, s in enumerate(names):
                out.append(('ghg_RF100', y, s, repr(float(eff[j]))))
    return out


def main():
    path = os.path.join(HERE, 'norway_reference.csv')
    rows = compute()
    if '--check' in sys.argv:
        with open(path, newline='') as f:
            rec = list(csv.reader(f))[1:]
        assert len(rec) == len(rows), (len(rec), len(rows))
        for (k, y, s, v), r in zip(rows, rec):
            assert [k, str(y), s] == r[:3], (k, y, s, r)
            assert abs(float(v) - float(r[3])) <= 1e-12 * max(1.0, abs(float(v))), (k, y, s, v, r[3])
        print('norway_reference.csv reproduced: %d values' % len(rows))
        return
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['kind', 'year', 'sector', 'value'])
        w.writerows(rows)


if __name__ == '__main__':
    main()
