#!/usr/bin/python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read Miljødirektoratet's area download (every sheet, every cell) with
libgreenidx's xlsx reader and, side by side in the same run, with openpyxl
(the peer Python reader, read_only and normal mode); then the whole loader
gidx_dataset_load_mdir(). Best of N runs each. libgreenidx is called through
ctypes on the built library (the SWIG bindings do not expose xlsx.h yet).

    /usr/bin/python3 bench/data/bench_xlsx.py [BUILDDIR] [WORKBOOK] [N]

Not run by the test suite."""
import ctypes
import os
import sys
import time

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "build")
path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    here, "..", "..", "tests", "data", "mdir",
    "mdir_download_vestfold_og_telemark_2021_release.xlsx")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
lib = ctypes.CDLL(os.path.join(build, "libgreenidx", "libgreenidx.so.0"))
P = ctypes.c_void_p
lib.gidx_xlsx_open.argtypes = [ctypes.POINTER(P), ctypes.c_char_p, P]
lib.gidx_xlsx_sheet_count.argtypes = [P]
lib.gidx_xlsx_sheet_count.restype = ctypes.c_size_t
lib.gidx_xlsx_sheet_name.argtypes = [P, ctypes.c_size_t]
lib.gidx_xlsx_sheet_name.restype = ctypes.c_char_p
lib.gidx_xlsx_sheet_read.argtypes = [ctypes.POINTER(P), P, ctypes.c_char_p]
lib.gidx_xlsx_sheet_ncells.argtypes = [P]
lib.gidx_xlsx_sheet_ncells.restype = ctypes.c_size_t
lib.gidx_xlsx_sheet_free.argtypes = [P]
lib.gidx_xlsx_free.argtypes = [P]
lib.gidx_dataset_load_mdir.argtypes = [ctypes.POINTER(P), ctypes.c_char_p, P, P]
lib.gidx_dataset_free.argtypes = [P]
bpath = path.encode()


def gidx_read():
    wb = P()
    assert lib.gidx_xlsx_open(ctypes.byref(wb), bpath, None) == 0
    cells = 0
    for i in range(lib.gidx_xlsx_sheet_count(wb)):
        sh = P()
        assert lib.gidx_xlsx_sheet_read(ctypes.byref(sh), wb, lib.gidx_xlsx_sheet_name(wb, i)) == 0
        cells += lib.gidx_xlsx_sheet_ncells(sh)
        lib.gidx_xlsx_sheet_free(sh)
    lib.gidx_xlsx_free(wb)
    return cells


def gidx_load():
    ds = P()
    assert lib.gidx_dataset_load_mdir(ctypes.byref(ds), bpath, None, None) == 0
    lib.gidx_dataset_free(ds)
    return 0


def pyxl(read_only):
    def f():
        wb = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
        cells = sum(1 for ws in wb for row in ws.iter_rows(values_only=True)
                    for v in row if v is not None)
        wb.close()
        return cells
    return f


def best(f):
    t_best, out = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


tg, cg = best(gidx_read)
to, co = best(pyxl(True))
tn, cn = best(pyxl(False))
tl, _ = best(gidx_load)
print("workbook: %s (%d bytes), best of %d" % (os.path.basename(path), os.path.getsize(path), n))
print("libgreenidx xlsx reader, all sheets: %.1f ms, %d cells" % (tg * 1e3, cg))
print("openpyxl read_only, all sheets:      %.1f ms, %d cells (ratio %.1fx)" % (to * 1e3, co, to / tg))
print("openpyxl normal, all sheets:         %.1f ms, %d cells (ratio %.1fx)" % (tn * 1e3, cn, tn / tg))
print("gidx_dataset_load_mdir (incl. registry load): %.1f ms" % (tl * 1e3))
