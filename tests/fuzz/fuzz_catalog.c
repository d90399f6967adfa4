/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: indicator catalogue JSON; a parsed catalogue is
 * rendered to JSON and must parse back. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_catalog *cat = NULL, *back = NULL;
    size_t needed = 0;
    char *buf;
    if (gidx_catalog_parse_json(&cat, (const char *)data, size, "fuzz.json") != GIDX_OK)
        return 0;
    if (gidx_catalog_render(NULL, 0, &needed, cat, GIDX_IND_JSON) == GIDX_EBUFS && needed) {
        buf = malloc(needed);
        if (buf && gidx_catalog_render(buf, needed, NULL, cat, GIDX_IND_JSON) == GIDX_OK) {
            if (gidx_catalog_parse_json(&back, buf, needed - 1, "render.json") != GIDX_OK)
                abort(); /* canonical JSON must read back */
            if (gidx_catalog_count(back) != gidx_catalog_count(cat))
                abort();
            gidx_catalog_free(back);
        }
        free(buf);
    }
    gidx_catalog_free(cat);
    return 0;
}
