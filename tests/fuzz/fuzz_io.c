/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: input-output tables. gidx_io_model_load() reads a folder;
 * the input's NUL-separated parts become Z.csv, x.csv, satellites.csv and
 * households.csv in a temporary folder. A model that loads is inverted and
 * shocked. */
#include <greenidx/greenidx.h>
#include "fuzz_split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *files[4] = { "Z.csv", "x.csv", "satellites.csv", "households.csv" };
    gidx_io_model *m = NULL;
    gidx_io_result *r = NULL;
    double *buf, *dy;
    size_t n, i;
    unsigned k;
    if (size > 65536)
        return 0;
    for (k = 0; k < 4; k++)
        (void)fuzz_write_part(data, size, k, files[k]);
    if (gidx_io_model_load(&m, fuzz_dir()) != GIDX_OK)
        return 0;
    n = gidx_io_model_nsectors(m);
    if (n <= 64) {
        buf = malloc(n * n * sizeof *buf);
        dy = calloc(n, sizeof *dy);
        if (buf && dy) {
            (void)gidx_io_model_leontief(buf, n * n, m, 1);
            (void)gidx_io_model_leontief(buf, n * n, m, 2);
            (void)gidx_io_model_ghosh(buf, n * n, m);
            for (i = 0; i < n; i++)
                dy[i] = (double)(i + 1);
            if (gidx_io_shock(&r, m, dy, n, NULL) == GIDX_OK)
                gidx_io_result_free(r);
        }
        free(buf);
        free(dy);
    }
    gidx_io_model_free(m);
    return 0;
}
