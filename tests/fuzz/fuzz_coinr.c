/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: COINr's iData / iMeta tables (gidx_index_load_coinr);
 * the input's NUL-separated parts are written to two temporary files. A
 * loaded index is computed. */
#include <greenidx/greenidx.h>
#include "fuzz_split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char pd[256], pm[256];
    gidx_dataset *ds = NULL;
    gidx_index_spec *spec = NULL;
    gidx_index_result *res = NULL;
    if (size > 65536)
        return 0;
    (void)fuzz_write_part(data, size, 0, "iData.csv");
    (void)fuzz_write_part(data, size, 1, "iMeta.csv");
    snprintf(pd, sizeof pd, "%s/iData.csv", fuzz_dir());
    snprintf(pm, sizeof pm, "%s/iMeta.csv", fuzz_dir());
    if (gidx_index_load_coinr(&ds, &spec, pd, pm) == GIDX_OK) {
        if (gidx_dataset_nregions(ds) <= 200 && gidx_index_compute(&res, spec, ds) == GIDX_OK)
            gidx_index_result_free(res);
        gidx_dataset_free(ds);
        gidx_index_spec_free(spec);
    }
    return 0;
}
