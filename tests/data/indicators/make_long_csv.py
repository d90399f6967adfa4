#!/usr/bin/python3
# Build telemark_subset_long.csv (region,year,variable,value,region_name), the
# --data input of tests/cli/indicators.sh, from the raw subset files here:
# emissions summed over sources (ghg_total and the road sector), population,
# employment summed over industries. Run:  /usr/bin/python3 make_long_csv.py
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"Skien": "4003", "Porsgrunn": "4001", "Notodden": "4005"}
cells = {}


def add(name, year, var, v):
    key = (CODES[name], int(year), var)
    cells[key] = cells.get(key, 0.0) + float(v)


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


for r in read("ghg_emissions_by_source_subset.csv"):
    add(r["Kommune"], r["År"], "ghg_total", r["Utslipp"])
    if r["Sektor"] == "Veitrafikk":
        add(r["Kommune"], r["År"], "ghg_road", r["Utslipp"])
for r in read("population.csv"):
    if r["region"] in CODES:
        add(r["region"], r["år"], "population", r["value"])
for r in read("employment_by_industry_subset.csv"):
    add(r["region"], r["år"], "employment_total", r["value"])
names = {c: n for n, c in CODES.items()}
with open(os.path.join(HERE, "telemark_subset_long.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["region", "year", "variable", "value", "region_name"])
    for (code, year, var), v in sorted(cells.items()):
        w.writerow([code, year, var, "%.17g" % v, names[code]])
