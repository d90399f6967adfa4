/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the dataset loaders built on the CSV reader: long CSV,
 * wide CSV (years or variables as columns) and Miljødirektoratet's
 * emissions CSV. The first byte picks the loader and the dialect; a loaded
 * dataset is rendered back to long CSV and read again. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_dataset *ds = NULL, *back = NULL;
    gidx_long_csv_options lo = GIDX_LONG_CSV_OPTIONS_INIT;
    gidx_wide_csv_options wo = GIDX_WIDE_CSV_OPTIONS_INIT;
    static const char seps[4] = { 0, ',', ';', '\t' };
    unsigned sel;
    char *text = NULL;
    size_t len = 0;
    if (size == 0)
        return 0;
    sel = data[0];
    data++;
    size--;
    lo.csv.sep = wo.csv.sep = seps[(sel >> 2) & 3];
    lo.csv.encoding = wo.csv.encoding = (int)((sel >> 4) % 3);
    switch (sel & 3) {
    case 0:
        (void)gidx_dataset_parse_csv(&ds, (const char *)data, size, "fuzz.csv", &lo);
        break;
    case 1:
        (void)gidx_dataset_parse_wide_csv(&ds, (const char *)data, size, "fuzz.csv", &wo);
        break;
    case 2:
        wo.layout = GIDX_WIDE_VARIABLES;
        (void)gidx_dataset_parse_wide_csv(&ds, (const char *)data, size, "fuzz.csv", &wo);
        break;
    default:
        (void)gidx_dataset_parse_emissions(&ds, (const char *)data, size, "fuzz.csv", NULL);
        break;
    }
    if (ds && gidx_dataset_to_csv(&text, &len, ds) == GIDX_OK) {
        if (gidx_dataset_parse_csv(&back, text, len, "roundtrip.csv", NULL) == GIDX_OK
            && gidx_dataset_ncells(back) != gidx_dataset_ncells(ds))
            abort(); /* the writer's output must read back to the same cells */
        gidx_dataset_free(back);
        free(text);
    }
    gidx_dataset_free(ds);
    return 0;
}
