#!/usr/bin/python3
# Independent computation of indicator values from the raw Telemark source
# files (Miljødirektoratet municipal GHG statistics, SSB 07459 population,
# SSB 13470 employment), with the Python standard library only.
# Run:  /usr/bin/python3 expected_telemark.py > expected_telemark.csv
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"Skien": "4003", "Porsgrunn": "4001", "Notodden": "4005"}
YEARS = [2009, 2016, 2023]


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ghg = {}    # (municipality, year) -> total t CO2e (sum of every source row)
road = {}
for row in read("ghg_emissions_by_source_subset.csv"):
    key = (row["Kommune"], int(row["År"]))
    v = float(row["Utslipp"])
    ghg[key] = ghg.get(key, 0.0) + v
    if row["Sektor"] == "Veitrafikk":
        road[key] = road.get(key, 0.0) + v
pop = {(r["region"], int(r["år"])): float(r["value"]) for r in read("population.csv")}
emp = {}
for r in read("employment_by_industry_subset.csv"):
    key = (r["region"], int(r["år"]))
    emp[key] = emp.get(key, 0.0) + float(r["value"])

print("region_code,region_name,year,indicator,value")
for name, code in CODES.items():
    for y in YEARS:
        k = (name, y)
        rows = [("ghg_total", ghg[k]), ("ghg_per_capita", ghg[k] / pop[k]),
                ("ghg_road_per_capita", road[k] / pop[k]),
                ("ghg_change_2009", 100 * (ghg[k] / ghg[(name, 2009)] - 1))]
        if k in emp:
            rows.append(("ghg_per_job", ghg[k] / emp[k]))
        for ind, v in rows:
            print("%s,%s,%d,%s,%.17g" % (code, name, y, ind, v))
