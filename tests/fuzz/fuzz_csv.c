/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the CSV table reader in all its dialects (separator,
 * decimal mark, encodings, title lines) and numeric conversion of every cell. */
#include <stddef.h>
#include <stdint.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_table *t = NULL;
    size_t i, j;
    double v;
    if (size > 0) {
        /* The first byte picks the dialect so the fuzzer explores them all. */
        static const char seps[4] = { 0, ',', ';', '\t' };
        o.sep = seps[data[0] & 3];
        o.decimal = (data[0] & 4) ? ',' : 0;
        o.encoding = (data[0] >> 3) % 3;
        o.skip_lines = (data[0] >> 5) & 1;
        data++;
        size--;
    }
    if (gidx_table_parse_csv(&t, (const char *)data, size, "fuzz.csv", &o) == GIDX_OK) {
        for (i = 0; i < gidx_table_nrows(t); i++)
            for (j = 0; j < gidx_table_ncols(t); j++)
                (void)gidx_table_cell_double(&v, t, i, j);
        gidx_table_free(t);
    }
    return 0;
}
