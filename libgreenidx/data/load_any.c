/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* One entry point for the commands and bindings: the embedded data, a
 * JSON-stat file or a long CSV, chosen by the file name. */
#include <string.h>
#include <strings.h>

#include "../core/internal.h"
#include <greenidx/dataset.h>

gidx_status gidx_dataset_load(gidx_dataset **out, const char *path)
{
    size_t n;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load: out is NULL");
    *out = NULL;
    if (path == NULL || path[0] == '\0')
        return gidx_dataset_load_default(out);
    n = strlen(path);
    if (n > 5 && strcasecmp(path + n - 5, ".json") == 0)
        return gidx_dataset_load_jsonstat(out, path, NULL);
    return gidx_dataset_load_csv(out, path, NULL);
}
