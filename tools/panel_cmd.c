/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The common body of `greenidx indicators` and `greenidx validate`: load the
 * catalogue and the data, compute the indicator panel, and print the panel or
 * its validation report as the library renders it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The rendering of the panel (v == NULL) or of the validation report. */
static char *render(const gidx_panel *p, const gidx_validation *v, int fmt, const char *region,
                    gidx_status *rc)
{
    size_t need = 0;
    char *text;
    if (v != NULL)
        gidx_validation_render(NULL, 0, &need, v, fmt);
    else
        gidx_panel_render(NULL, 0, &need, p, fmt, region);
    if (need == 0) {
        *rc = gidx_error_last()->code;
        return NULL;
    }
    if ((text = malloc(need)) == NULL) {
        *rc = GIDX_ENOMEM;
        return NULL;
    }
    *rc = v != NULL ? gidx_validation_render(text, need, NULL, v, fmt)
                    : gidx_panel_render(text, need, NULL, p, fmt, region);
    if (*rc != GIDX_OK) {
        free(text);
        return NULL;
    }
    return text;
}

/* --format xlsx: the panel as a wide sheet with units (gidx_workbook_add_panel),
 * or the validation findings as the sheet of their CSV rendering. Frees p and v. */
static int xlsx(const gidx_cli_command *self, gidx_panel *p, gidx_validation *v,
                const char *region, const char *output)
{
    gidx_workbook *wb = NULL;
    gidx_status rc = gidx_workbook_new(&wb);
    int code;
    if (rc == GIDX_OK && v == NULL)
        rc = gidx_workbook_add_panel(wb, p, region);
    if (rc == GIDX_OK && v != NULL) {
        char *csv = render(p, v, GIDX_IND_CSV, NULL, &rc);
        if (csv != NULL)
            rc = gidx_workbook_add_csv(wb, "validation", csv, strlen(csv), "tttynt", NULL);
        free(csv);
    }
    gidx_validation_free(v);
    gidx_panel_free(p);
    if (rc != GIDX_OK) {
        gidx_workbook_free(wb);
        return gidx_cli_fail(self->name, rc);
    }
    code = gidx_cli_emit_workbook(self->name, output, wb);
    gidx_workbook_free(wb);
    return code;
}

int gidx_cli_panel_command(const gidx_cli_command *self, int validate, int argc, char **argv)
{
    const char *data = NULL, *catpath = NULL, *region = NULL, *format = NULL, *output = NULL, *val;
    const char *text_name = validate ? "text" : "table";
    gidx_catalog *cat = NULL;
    gidx_dataset *ds = NULL;
    gidx_panel *p = NULL;
    gidx_validation *v = NULL;
    gidx_status rc;
    char *text;
    int i, missing, fmt, code;
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--data", 1, &val, &missing))
            data = val;
        else if (gidx_cli_opt(argc, argv, &i, "--catalog", 1, &val, &missing))
            catpath = val;
        else if (!validate && gidx_cli_opt(argc, argv, &i, "--region", 1, &val, &missing))
            region = val;
        else if (gidx_cli_opt(argc, argv, &i, "--format", 1, &val, &missing))
            format = val;
        else if (gidx_cli_opt(argc, argv, &i, "--output", 1, &val, &missing))
            output = val;
        else
            return gidx_cli_usage_error(self, "unknown argument '%s'", argv[i]);
        if (missing)
            return gidx_cli_usage_error(self, "%s needs a value", argv[i]);
    }
    if (format == NULL || strcmp(format, text_name) == 0)
        fmt = GIDX_IND_TEXT;
    else if (strcmp(format, "csv") == 0)
        fmt = GIDX_IND_CSV;
    else if (strcmp(format, "json") == 0)
        fmt = GIDX_IND_JSON;
    else if (strcmp(format, "xlsx") == 0)
        fmt = -1;
    else
        return gidx_cli_usage_error(self, "unknown format '%s' (%s, csv, json or xlsx)", format,
                                    text_name);
    rc = catpath ? gidx_catalog_load_json(&cat, catpath) : gidx_catalog_default(&cat);
    if (rc == GIDX_OK)
        rc = gidx_dataset_load(&ds, data);
    if (rc == GIDX_OK)
        rc = gidx_panel_new(&p, cat, ds);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    if (rc == GIDX_OK && validate)
        rc = gidx_validation_new(&v, p, NULL);
    if (rc != GIDX_OK) {
        gidx_panel_free(p);
        return gidx_cli_fail(self->name, rc);
    }
    if (fmt < 0)
        return xlsx(self, p, v, region, output);
    text = render(p, v, fmt, region, &rc);
    gidx_validation_free(v);
    gidx_panel_free(p);
    if (text == NULL)
        return gidx_cli_fail(self->name, rc);
    code = gidx_cli_emit(self->name, output, text, strlen(text));
    free(text);
    return code;
}
