/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the indicator formula language; a parsed formula is
 * evaluated against a small dataset holding some of its variables. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_formula *f = NULL;
    gidx_dataset *ds = NULL;
    char *text, reason[128];
    double v;
    size_t i;
    int y;
    if (size > 4096)
        return 0;
    text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = 0;
    if (gidx_formula_parse(&f, text) == GIDX_OK && gidx_dataset_new(&ds) == GIDX_OK) {
        /* every other variable gets values, some zero, some negative */
        for (i = 0; i < gidx_formula_nvariables(f); i += 2)
            for (y = 2015; y <= 2020; y++)
                (void)gidx_dataset_set(ds, "0301", y, gidx_formula_variable(f, i),
                                       (double)(y - 2017) * (double)(i + 1), 0);
        for (y = 2014; y <= 2021; y++)
            (void)gidx_formula_eval(&v, reason, sizeof reason, f, ds, "0301", y, NULL);
    }
    gidx_dataset_free(ds);
    gidx_formula_free(f);
    free(text);
    return 0;
}
