/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the JSON-stat 2.0 loader (SSB's API answers). */
#include <stddef.h>
#include <stdint.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_dataset *ds = NULL;
    double v;
    int flag;
    size_t r, y, k;
    if (gidx_dataset_load_jsonstat_buffer(&ds, (const char *)data, size, "fuzz.json", NULL)
        == GIDX_OK) {
        for (r = 0; r < gidx_dataset_nregions(ds) && r < 8; r++)
            for (k = 0; k < gidx_dataset_nvariables(ds) && k < 8; k++)
                for (y = 0; y < gidx_dataset_nyears(ds) && y < 8; y++)
                    (void)gidx_dataset_get(&v, &flag, ds, gidx_dataset_region(ds, r),
                                           gidx_dataset_year(ds, y),
                                           gidx_dataset_variable(ds, k));
        gidx_dataset_free(ds);
    }
    return 0;
}
