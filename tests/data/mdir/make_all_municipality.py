#!/usr/bin/python3
"""Write an all-municipality workbook in the layout of Miljødirektoratet's
`utslippsstatistikk_alle_kommuner.xlsx` (sheet "Oversikt - detaljert",
columns Fylke, Kommunenummer, Kommune, År, Sektor, Utslippskilde, Klimagass,
Utslipp (tonn CO2-ekvivalenter)) holding the rows of the embedded
data/telemark/ghg_emissions_by_source.csv.

THIS IS A RE-CONTAINING OF REAL FIGURES, NOT A DOWNLOAD: every row and every
emission figure is the embedded file's, unchanged and in its order; the
columns the upstream copy dropped are restored as follows:
- Kommunenummer: the 2024 code of the municipality name, from
  data/regions/municipality_harmonisation_1994_2024.csv (the row whose code
  is its own 2024 code), written as a number cell as a spreadsheet would;
- Fylke: the name of the county of that code (its first two digits) in
  data/regions/counties.csv ("Telemark");
- Klimagass: NOT KNOWN. The upstream copy dropped the gas, and its repeated
  keys cannot be assigned to gases, so the cell is left empty (the loader
  does not read it; the real workbook has CO2, CH4, N2O or "F-gasser").
Source names keep their trailing spaces, as in the CSV.

openpyxl writes the workbook (docProps/core.xml, shared strings), so the test
also covers a second producer besides Miljødirektoratet's .NET writer.

Usage: /usr/bin/python3 make_all_municipality.py OUT.xlsx SOURCE_ROOT
"""
import csv
import os
import sys

import openpyxl

out, root = sys.argv[1], sys.argv[2]
regions = os.path.join(root, "data", "regions")
codes = {}
with open(os.path.join(regions, "municipality_harmonisation_1994_2024.csv"),
          encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["code"] == r["code_2024"] and r["code"].isdigit():
            codes.setdefault(r["name_2024"], r["code"])
counties = {}
with open(os.path.join(regions, "counties.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        counties[r["code"]] = r["name"]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Oversikt - detaljert"
ws.append(["Fylke", "Kommunenummer", "Kommune", "År", "Sektor", "Utslippskilde",
           "Klimagass", "Utslipp (tonn CO2-ekvivalenter)"])
n = 0
with open(os.path.join(root, "data", "telemark", "ghg_emissions_by_source.csv"),
          encoding="utf-8") as f:
    for r in csv.DictReader(f):
        code = codes[r["Kommune"]]
        ws.append([counties[code[:2]], int(code), r["Kommune"], int(r["År"]), r["Sektor"],
                   r["Utslippskilde"], None, float(r["Utslipp"])])
        n += 1
wb.save(out)
print(n)
