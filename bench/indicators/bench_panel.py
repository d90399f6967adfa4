#!/usr/bin/python3
# Benchmark: evaluating indicators with libgreenidx (C, through the Python
# binding) against the same formulas written by hand in pandas, side by side
# in one run, on a synthetic panel of R regions x 30 years. Reports seconds
# and the ratio libgreenidx / pandas, and checks the two agree.
# Run from a build tree:
#   PYTHONPATH=build/bindings/python /usr/bin/python3 bench/indicators/bench_panel.py [R]
import sys
import time

import numpy as np
import pandas as pd

import greenidx as gi

R = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
YEARS = np.arange(1995, 2025)
rng = np.random.default_rng(1)
regions = np.array(["r%05d" % i for i in range(R)])
rows = []
for var, scale in (("ghg_total", 1e5), ("population", 1e4), ("employment_total", 5e3)):
    vals = rng.lognormal(0.0, 0.3, size=(R, YEARS.size)) * scale
    rows.append(pd.DataFrame({"region": np.repeat(regions, YEARS.size),
                              "year": np.tile(YEARS, R), "variable": var,
                              "value": vals.ravel()}))
long = pd.concat(rows, ignore_index=True)
cat = gi.Catalog.from_json(
    '{"variables": [{"name": "ghg_total"}, {"name": "population"}, {"name": "employment_total"}],'
    ' "indicators": ['
    '{"id": "ghg_per_capita", "formula": "ghg_total / population"},'
    '{"id": "ghg_per_job", "formula": "ghg_total / employment_total"},'
    '{"id": "ghg_change_2009", "formula": "100 * (ghg_total / base(ghg_total, 2009) - 1)"},'
    '{"id": "job_growth", "formula": "100 * growth(employment_total)"},'
    '{"id": "decoupling", "formula": "-100 * growth(ghg_per_job)"}]}')

t0 = time.perf_counter()
panel = gi.Panel(cat, long)
ours = panel.to_frame()
t_gi = time.perf_counter() - t0

t0 = time.perf_counter()
w = long.pivot_table(index=["region", "year"], columns="variable", values="value").sort_index()
out = pd.DataFrame(index=w.index)
out["ghg_per_capita"] = w.ghg_total / w.population
out["ghg_per_job"] = w.ghg_total / w.employment_total
base = w.ghg_total.xs(2009, level="year")
out["ghg_change_2009"] = 100 * (w.ghg_total / base.reindex(w.index.get_level_values(0)).values - 1)
out["job_growth"] = 100 * w.employment_total.groupby(level=0).pct_change()
out["decoupling"] = -100 * out.ghg_per_job.groupby(level=0).pct_change()
theirs = out.reset_index().melt(id_vars=["region", "year"], var_name="indicator")
t_pd = time.perf_counter() - t0

m = theirs.merge(ours, left_on=["region", "year", "indicator"],
                 right_on=["region_code", "year", "indicator"], suffixes=("_pd", ""))
ok = np.allclose(m["value"], m["value_pd"], rtol=1e-12, equal_nan=True)
print("regions %d x years %d x 5 indicators (%d cells)" % (R, YEARS.size, len(ours)))
print("libgreenidx %.3f s   pandas %.3f s   ratio %.2f   agree %s" % (t_gi, t_pd, t_gi / t_pd, ok))
