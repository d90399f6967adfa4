#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Make the bad SSB workbooks of the bad-input tests from SSB's real 1850
# workbook of 2021 by editing one thing in its XML, so that everything else
# is exactly as published:
#   bad_missing_sheet.xlsx  the sheet "1850" renamed "Sheet1"
#   bad_unbalanced.xlsx     E29 (R01 sold to R01) 1084.806 -> 2084.806: the row
#                           total use of R01 exceeds its output by 1000
#   bad_negative_output.xlsx E107 (P1, output of R01) 43981 -> -43981
# Run from this folder: /usr/bin/python3 make_bad.py
import re
import zipfile

SRC = 'iot_1850_2021.xlsx'


def rewrite(dst, part, old, new):
    zin = zipfile.ZipFile(SRC)
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                text = data.decode('utf-8')
                if len(re.findall(old, text)) != 1:
                    raise SystemExit('%s: %r not found once in %s' % (dst, old, part))
                data = re.sub(old, new, text).encode('utf-8')
            zout.writestr(item, data)


rewrite('bad_missing_sheet.xlsx', 'xl/workbook.xml', r'<sheet name="1850"', '<sheet name="Sheet1"')
rewrite('bad_unbalanced.xlsx', 'xl/worksheets/sheet1.xml',
        r'(<c r="E29" s="165"><v>)1084\.806(</v>)', r'\g<1>2084.806\g<2>')
rewrite('bad_negative_output.xlsx', 'xl/worksheets/sheet1.xml',
        r'(<c r="E107"[^>]*><v>)43981(</v>)', r'\g<1>-43981\g<2>')
