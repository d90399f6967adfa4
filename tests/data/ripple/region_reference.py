# Reference values for the --region tests (check_ripple.c test_region_dataset,
# tests/cli/ripple.sh, the Python and R tests): FLQ regionalisation (delta 0.3)
# of the synthetic four-sector table sn2007/ for Skien (4003) with its 2023
# employment, computed with numpy directly from the raw SSB 13470 extract
# data/telemark/employment_by_industry.csv. Sectors 10-12, 41-43, 47 and 86
# are SN2007 divisions in the groups Industri, Bygge- og anleggsvirksomhet,
# Varehandel and Helse- og sosialtjenester. Run from the repository root:
#   /usr/bin/python3 tests/data/ripple/region_reference.py
import csv
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")
groups = ["Industri", "Bygge- og anleggsvirksomhet", "Varehandel, reparasjon av motorvogner",
          "Helse- og sosialtjenester"]
def employment(region, year):
    """Employment by the four groups from the raw SSB 13470 extract; region
    None sums the 17 municipalities (the county 40, Telemark)."""
    with open(os.path.join(root, "data", "telemark", "employment_by_industry.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if (region is None or r["region"] == region) and r["år"] == year]
    return np.array([sum(float(r["value"]) for r in rows if r["næring (SN2007)"] == g) for g in groups])


def compute(region="Skien", year="2023", national=None):
    """Regional employment, SLQ, lambda*, regional A and type I output
    multipliers, straight from the raw files. national: None for the
    table's employment satellite, "county" for Telemark (the sum of its
    municipalities) as the national side."""
    re = employment(region, year)
    Z = np.array([[float(v) for v in r[1:]] for r in read("Z.csv")[1:]])
    x = np.array([float(r[1]) for r in read("x.csv")[1:]])
    ne = (employment(None, year) if national == "county"
          else np.array([float(r[1]) for r in read("satellites.csv")[1:]]))   # one sector per group here
    A = Z / x
    tr, tn = re.sum(), ne.sum()
    slq = (re / tr) / (ne / tn)
    lam = np.log2(1 + tr / tn) ** 0.3
    flq = np.where(np.eye(4, dtype=bool), slq[:, None], slq[:, None] / slq[None, :]) * lam
    Ar = A * np.minimum(flq, 1.0)
    L = np.linalg.inv(np.eye(4) - Ar)
    return re, slq, lam, Ar, L.sum(axis=0)


def read(name):
    with open(os.path.join(here, "sn2007", name), encoding="utf-8") as f:
        return list(csv.reader(f))


if __name__ == "__main__":
    re, slq, lam, Ar, mult = compute()
    print("regional employment (Industri, Bygg, Varehandel, Helse), Skien 2023:", re.tolist())
    print("SLQ =", slq.tolist())
    print("lambda* =", lam)
    print("regional A =", Ar.ravel().tolist())
    print("type I output multipliers =", mult.tolist())
    re, slq, lam, Ar, mult = compute(national="county")
    print("Skien 2023 against Telemark (county 40) as the national side:")
    print("  SLQ =", slq.tolist())
    print("  lambda* =", lam)
    print("  regional A =", Ar.ravel().tolist())
    print("  type I output multipliers =", mult.tolist())
