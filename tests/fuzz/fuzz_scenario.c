/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: policy scenario files (JSON). */
#include <stddef.h>
#include <stdint.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_scenario *s = NULL;
    int years[3] = { 2020, 2026, 2030 };
    double e[3];
    size_t i;
    if (gidx_scenario_parse(&s, (const char *)data, size, "fuzz.json") == GIDX_OK) {
        for (i = 0; i < gidx_scenario_ninstruments(s); i++)
            (void)gidx_scenario_effect_path(e, 3, s, i, years, 3);
        gidx_scenario_free(s);
    }
    return 0;
}
