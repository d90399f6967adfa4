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
    else
        return gidx_cli_usage_error(self, "unknown format '%s' (%s, csv or json)", format, text_name);
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
    text = render(p, v, fmt, region, &rc);
    gidx_validation_free(v);
    gidx_panel_free(p);
    if (text == NULL)
        return gidx_cli_fail(self->name, rc);
    code = gidx_cli_emit(self->name, output, text, strlen(text));
    free(text);
    return code;
}
