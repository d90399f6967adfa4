/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* One entry point for the commands and bindings: the embedded data, an
 * xlsx workbook recognised by its content (Miljødirektoratet's emission
 * statistics), a JSON-stat file or a long CSV; regions without a display
 * name get their name from the region registry. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/stat.h>
#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>
#include <greenidx/xlsx.h>

/* What a regular file holds by its first bytes: 'Z' when it starts with a
 * zip local-file header (PK\3\4), as every xlsx workbook does whatever its
 * name; 'J' when its first byte after a byte-order mark and blanks is '{'
 * (a JSON document: a CSV line cannot start so with a header the loaders
 * accept); 0 otherwise, unreadable, or not a regular file (the loader
 * chosen by the name then reports the error). */
static int sniff(const char *path)
{
    unsigned char m[64];
    struct stat st;
    FILE *f;
    size_t n, i = 0;
    /* only a regular file is sniffed: reading a FIFO's first bytes would take
     * them from the loader that reads it next (and could wait for a writer) */
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (f = fopen(path, "rb")) == NULL)
        return 0;
    n = fread(m, 1, sizeof m, f);
    fclose(f);
    if (n >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4)
        return 'Z';
    if (n >= 3 && m[0] == 0xEF && m[1] == 0xBB && m[2] == 0xBF)
        i = 3;
    while (i < n && (m[i] == ' ' || m[i] == '\t' || m[i] == '\r' || m[i] == '\n'))
        i++;
    return i < n && m[i] == '{' ? 'J' : 0;
}

/* A workbook: Miljødirektoratet's when it has the sheet the loader reads
 * (its columns are checked by the loader), else refused naming its sheets. */
static gidx_status load_workbook(gidx_dataset **out, const char *path)
{
    gidx_xlsx *wb = NULL;
    gidx_status rc = gidx_xlsx_open(&wb, path, NULL);
    size_t i;
    if (rc != GIDX_OK)
        return rc;
    for (i = 0; i < gidx_xlsx_sheet_count(wb); i++)
        if (strcmp(gidx_xlsx_sheet_name(wb, i), "Oversikt - detaljert") == 0)
            break;
    if (i < gidx_xlsx_sheet_count(wb)) {
        rc = gidx__mdir_from_xlsx(out, wb, NULL);
    } else {
        gidx__buf b = GIDX__BUF_INIT;
        char *list;
        for (i = 0; i < gidx_xlsx_sheet_count(wb); i++)
            gidx__buf_printf(&b, "%s\"%s\"", i ? ", " : "", gidx_xlsx_sheet_name(wb, i));
        list = gidx__buf_take(&b);
        rc = gidx__error_set(GIDX_ENOTFOUND,
            "%s: an xlsx workbook, but not Miljødirektoratet's emission statistics (no sheet "
            "\"Oversikt - detaljert\"; its sheets: %s); export other tables as CSV",
            path, list && list[0] ? list : "none");
        free(list);
    }
    gidx_xlsx_free(wb);
    return rc;
}

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
    int kind;
    struct stat st;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load: out is NULL");
    *out = NULL;
    if (path == NULL || path[0] == '\0')
        return gidx_dataset_load_default(out);
    n = strlen(path);
    kind = sniff(path);
    if (kind == 'Z')
        rc = load_workbook(out, path);
    else if (kind == 'J' || (n > 5 && strcasecmp(path + n - 5, ".json") == 0))
        rc = gidx_dataset_load_jsonstat(out, path, NULL);
    else if ((rc = gidx_dataset_load_csv(out, path, NULL)) != GIDX_OK &&
             (rc == GIDX_EPARSE || rc == GIDX_EDATA) && stat(path, &st) == 0 &&
             !S_ISREG(st.st_mode) && strncmp(gidx_error_last()->message, path, n) == 0 &&
             strncmp(gidx_error_last()->message + n, ":1:", 3) == 0)
        /* a pipe cannot be sniffed without taking its bytes: when its first
         * line failed as CSV, say how it was read (SSB's JSON-stat through
         * <(curl ...) fails there with a libcsv message) */
        gidx__error_prefix("%s: read as a long CSV, as a pipe or FIFO is unless its name ends in "
                           "\".json\" (give the type for JSON-stat, e.g. --type jsonstat): ", path);
    if (rc == GIDX_OK && (rc = name_regions(*out)) != GIDX_OK) {
        gidx_dataset_free(*out);
        *out = NULL;
    }
    return rc;
}
