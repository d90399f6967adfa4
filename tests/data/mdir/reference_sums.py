#!/usr/bin/python3
"""Per-year totals of Miljødirektoratet's area download, computed with
openpyxl only (no code shared with libgreenidx), as the reference for
tests/cli/mdir.sh and tests/check_xlsx.c.

Prints `year,total` for every year of the sheet "Oversikt - detaljert":
the sum of its column "Utslipp (tonn CO₂-ekvivalenter)" over every row of
that year (all sectors, sources and gases), with Python's math.fsum
(exactly rounded) and repr() so that the 17 significant digits survive.

Usage: /usr/bin/python3 reference_sums.py [WORKBOOK]
"""
import math
import os
import sys

import openpyxl

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "mdir_download_vestfold_og_telemark_2021_release.xlsx")
wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
ws = wb["Oversikt - detaljert"]
rows = ws.iter_rows(values_only=True)
header = next(rows)
iy = header.index("År")
iv = [i for i, h in enumerate(header) if h and h.startswith("Utslipp (tonn C")][0]
parts = {}
for r in rows:
    if r[iy] is None:
        continue
    parts.setdefault(int(r[iy]), []).append(float(r[iv]))
for y in sorted(parts):
    print("%d,%r" % (y, math.fsum(parts[y])))
