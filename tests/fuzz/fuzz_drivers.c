/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the LMDI decomposition. The input is a sector mapping
 * (JSON), a NUL byte, and a long CSV dataset; an empty mapping part means the
 * built-in one. Every form, chaining and driver is decomposed and rendered. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, 0, size);
    gidx_drivers_mapping *m = NULL;
    gidx_dataset *ds = NULL;
    size_t mlen;
    int k;
    if (size > 65536 || nul == NULL)
        return 0;
    mlen = (size_t)(nul - text);
    if (mlen > 0 && gidx_drivers_mapping_parse(&m, text, mlen, "fuzz.json") != GIDX_OK)
        return 0;
    if (gidx_dataset_parse_csv(&ds, nul + 1, size - mlen - 1, "fuzz.csv", NULL) == GIDX_OK) {
        for (k = 0; k < 8; k++) {
            gidx_decomposition *d = NULL;
            char *out = NULL;
            if (gidx_decompose_args(&d, ds, NULL, 0, 0, 0, k & 1, (k >> 1) & 1, (k >> 2) & 1,
                                    m) != GIDX_OK)
                continue;
            if (gidx_decomposition_to_csv(&out, NULL, d) == GIDX_OK) gidx_free(out);
            if (gidx_decomposition_to_json(&out, NULL, d) == GIDX_OK) gidx_free(out);
            if (gidx_decomposition_to_text(&out, NULL, d) == GIDX_OK) gidx_free(out);
            if (gidx_decomposition_periods_to_csv(&out, NULL, d) == GIDX_OK) gidx_free(out);
            if (gidx_decomposition_cases_to_csv(&out, NULL, d) == GIDX_OK) gidx_free(out);
            gidx_decomposition_free(d);
        }
        gidx_dataset_free(ds);
    }
    gidx_drivers_mapping_free(m);
    return 0;
}
