#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Derive ghg_by_industry_2012_2021.csv (the greenhouse-gas satellite of the
# Norwegian input-output tables) from SSB's air emissions accounts
# questionnaire to Eurostat, 2023 round
# (ssb_air_emissions_accounts_by_industry_2023.xlsm, sheet GHG: 1000 t
# CO2-equivalents by NACE Rev. 2 industry, AR5 GWPs N2O 265, CH4 28 as in
# the workbook's sheet "char"). Each of the 62 industries of SSB's
# input-output tables (A64 with 19-21 merged and 68A/68B split) takes the
# NACE rows listed in MAPPING; the row "A_U 01-99 Total industries" is
# written to ghg_total_industries_2012_2021.csv so that the tests can check
# that the mapping conserves the national total of the covered industries.
#
# Usage: make_ghg.py RAW.xlsm OUTDIR   (needs python3-openpyxl; run once,
# the outputs are committed: the library and the tests never run this).
import csv
import sys

import openpyxl

# IO row code -> NACE rows of the GHG sheet (column B) summed into it.
MAPPING = [
    ('R01', ['A01']), ('R02', ['A02']), ('R03', ['A03']), ('RB', ['B']),
    ('R10_12', ['C10-C12']), ('R13_15', ['C13-C15']), ('R16', ['C16']),
    ('R17', ['C17']), ('R18', ['C18']),
    # SSB publishes 19-21 as one industry: coke and refined petroleum,
    # chemicals, pharmaceuticals
    ('R21', ['C19', 'C20', 'C21']),
    ('R22', ['C22']), ('R23', ['C23']), ('R24', ['C24']), ('R25', ['C25']),
    ('R26', ['C26']), ('R27', ['C27']), ('R28', ['C28']), ('R29', ['C29']),
    ('R30', ['C30']), ('R31_32', ['C31_C32']), ('R33', ['C33']),
    ('RD', ['D']), ('R36', ['E36']), ('R37_39', ['E37-E39']), ('RF', ['F']),
    ('R45', ['G45']), ('R46', ['G46']), ('R47', ['G47']),
    ('R49', ['H49']), ('R50', ['H50']), ('R51', ['H51']), ('R52', ['H52']),
    ('R53', ['H53']), ('RI', ['I']), ('R58', ['J58']),
    ('R59_60', ['J59_J60']), ('R61', ['J61']), ('R62_63', ['J62_J63']),
    ('R64', ['K64']), ('R65', ['K65']), ('R66', ['K66']),
    # The sheet reports section L only as L68A (imputed rents of
    # owner-occupied dwellings) and L = L68A: 68B (real estate activities
    # excluding imputed rents) is L minus L68A, which is 0 in every year.
    ('R68B', ['L', '-L68A']), ('R68A', ['L68A']),
    ('R69_70', ['M69_M70']), ('R71', ['M71']), ('R72', ['M72']),
    ('R73', ['M73']), ('R74_75', ['M74_M75']),
    ('R77', ['N77']), ('R78', ['N78']), ('R79', ['N79']),
    ('R80_82', ['N80-N82']), ('R84', ['O']), ('RP', ['P']),
    ('R86', ['Q86']), ('R87_88', ['Q87_Q88']), ('R90_92', ['R90-R92']),
    ('R93', ['R93']), ('R94', ['S94']), ('R95', ['S95']), ('R96', ['S96']),
    ('RT', ['T']),
]
YEARS = range(2012, 2022)


def main():
    raw, outdir = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(raw, read_only=True, data_only=True)
    rows = list(wb['GHG'].iter_rows(values_only=True))
    col = {v: j for j, v in enumerate(rows[3]) if isinstance(v, int)}  # row 4: years
    if rows[2][3] != '1000 tonnes (Gg)':
        raise SystemExit('GHG!D3: unit %r, expected 1000 tonnes (Gg)' % (rows[2][3],))
    nace = {}
    for r in rows[4:90]:
        if isinstance(r[1], str):
            nace[r[1].strip()] = r
    total = nace['A_U   01-99']  # 'Total industries', NACE 01-99

    def kt(code, y):
        neg = code.startswith('-')
        v = nace[code.lstrip('-')][col[y]]
        if not isinstance(v, (int, float)):
            raise SystemExit('GHG: no number for %s in %d' % (code, y))
        return -v if neg else v

    with open(outdir + '/ghg_by_industry_2012_2021.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['industry', 'year', 'ghg_t_co2e', 'nace_rows'])
        for code, src in MAPPING:
            for y in YEARS:
                t = sum(kt(c, y) for c in src) * 1000.0
                w.writerow([code, y, '%.6f' % t, '+'.join(src).replace('+-', '-')])
    with open(outdir + '/ghg_total_industries_2012_2021.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['year', 'ghg_t_co2e_total_industries'])
        for y in YEARS:
            w.writerow([y, '%.6f' % (total[col[y]] * 1000.0)])
        # U (extraterritorial organisations) is the only NACE section not in
        # the table; it is 0 in every year, which the check below asserts.
    for y in YEARS:
        u = nace['U'][col[y]] or 0.0
        if u != 0:
            raise SystemExit('GHG: section U is %g in %d, not covered by the table' % (u, y))


if __name__ == '__main__':
    main()
