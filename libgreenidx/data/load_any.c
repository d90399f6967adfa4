/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* One entry point for the commands and bindings: the embedded data, a
 * JSON-stat file or a long CSV, chosen by the file name; regions without a
 * display name get their name from the region registry. */
#include <string.h>
#include <strings.h>

#include "../core/internal.h"
#include <greenidx/dataset.h>

/* Name the regions that have no display name yet, from the registry. */
static gidx_status name_regions(gidx_dataset *ds)
{
    gidx_registry *reg = NULL;
    gidx_status rc = gidx_registry_load_default(&reg);
    size_t r;
    for (r = 0; rc == GIDX_OK && r < gidx_dataset_nregions(ds); r++) {
        const char *code = gidx_dataset_region(ds, r);
        size_t i;
        if (strcmp(gidx_dataset_region_name(ds, code), code) == 0 &&
            gidx_registry_find_code(&i, reg, code, 0) == GIDX_OK)
            rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, i));
    }
    gidx_registry_free(reg);
    return rc;
}

gidx_status gidx_dataset_load(gidx_dataset **out, const char *path)
{
    size_t n;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load: out is NULL");
    *out = NULL;
    if (path == NULL || path[0] == '\0')
        return gidx_dataset_load_default(out);
    n = strlen(path);
    if (n > 5 && strcasecmp(path + n - 5, ".json") == 0)
        rc = gidx_dataset_load_jsonstat(out, path, NULL);
    else
        rc = gidx_dataset_load_csv(out, path, NULL);
    if (rc == GIDX_OK && (rc = name_regions(*out)) != GIDX_OK) {
        gidx_dataset_free(*out);
        *out = NULL;
    }
    return rc;
}
