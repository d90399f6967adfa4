/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: Statistics Norway's input-output workbooks (tables 1850
 * and 1950, gidx_io_model_load_ssb() through its in-memory entry). The input
 * is a 4-byte little-endian length L, the 1850 workbook (L bytes) and the
 * 1950 workbook (the rest); an input too short for that is used as both.
 * Seeds: the real 2021 workbooks joined this way (tests/fuzz/run.sh). A
 * model that loads is shocked through a group label and jobs. */
#include <stdint.h>
#include <stdlib.h>

#include <greenidx/greenidx.h>
#include "ripple/ripple_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *a = data, *b = data;
    size_t la = size, lb = size;
    gidx_xlsx *d = NULL, *m = NULL;
    gidx_io_model *model = NULL;
    if (size > (1u << 20))
        return 0;
    if (size >= 4) {
        size_t l = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 | (size_t)data[3] << 24;
        if (l <= size - 4) {
            a = data + 4;
            la = l;
            b = data + 4 + l;
            lb = size - 4 - l;
        }
    }
    if (gidx_xlsx_open_mem(&d, a, la, "fuzz-1850.xlsx", NULL) == GIDX_OK &&
        gidx_xlsx_open_mem(&m, b, lb, "fuzz-1950.xlsx", NULL) == GIDX_OK &&
        gidx__io_load_ssb_wb(&model, d, "fuzz-1850.xlsx", m, "fuzz-1950.xlsx") == GIDX_OK) {
        size_t n = gidx_io_model_nsectors(model);
        double *df = calloc(n, sizeof *df);
        gidx_io_result *r = NULL;
        if (df != NULL) {
            (void)gidx_io_model_shock_add(df, n, model, "Industri", 100, GIDX_IO_UNIT_CURRENCY);
            (void)gidx_io_model_shock_add(df, n, model, gidx_io_model_sector(model, 0), 10, GIDX_IO_UNIT_JOBS);
            if (gidx_io_shock(&r, model, df, n, NULL) == GIDX_OK)
                gidx_io_result_free(r);
        }
        free(df);
    }
    gidx_io_model_free(model);
    gidx_xlsx_free(d);
    gidx_xlsx_free(m);
    return 0;
}
