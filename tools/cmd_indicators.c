/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx indicators: compute the indicators of a catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx indicators [--data PATH] [--catalog PATH] [--region CODE|NAME]\n"
    "                           [--format table|csv|json] [--output PATH]\n"
    "\n"
    "Compute every indicator of a catalogue (default: the built-in catalogue) for\n"
    "every region and year of the data. --data PATH reads a long CSV with columns\n"
    "region,year,variable,value[,flag] (other columns ignored); without --data the\n"
    "embedded Telemark data is used. CSV columns: region_code,region_name,year,indicator,value\n"
    "(empty value when missing); JSON adds the reason of every missing value.\n";

static int run(int argc, char **argv);
const gidx_cli_command gidx_cli_cmd_indicators = { "indicators", "compute the indicators of a catalogue", run, usage };

/*
 * The data: --data PATH is a long CSV (region,year,variable,value[,flag]) read
 * by the data layer's loader, regions named from the region registry; without
 * --data, the embedded Telemark data.
 */
static int load_data(gidx_dataset **out, const char *cmd, const char *path)
{
    gidx_dataset *ds = NULL;
    gidx_registry *reg = NULL;
    gidx_status rc;
    size_t r;
    *out = NULL;
    rc = path ? gidx_dataset_load_csv(&ds, path, NULL) : gidx_dataset_load_default(&ds);
    if (rc != GIDX_OK)
        return gidx_cli_fail(cmd, rc);
    if (path != NULL && (rc = gidx_registry_load_default(&reg)) == GIDX_OK) {
        for (r = 0; r < gidx_dataset_nregions(ds) && rc == GIDX_OK; r++) {
            const char *code = gidx_dataset_region(ds, r);
            size_t i;
            if (strcmp(gidx_dataset_region_name(ds, code), code) == 0 &&
                gidx_registry_find_code(&i, reg, code, 0) == GIDX_OK)
                rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, i));
        }
        gidx_registry_free(reg);
    }
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        return gidx_cli_fail(cmd, rc);
    }
    *out = ds;
    return GIDX_EXIT_OK;
}

static char *render_panel_or_report(const gidx_panel *p, const gidx_validation *v, int fmt,
                                    const char *region, gidx_status *rc)
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

static int run(int argc, char **argv)
{
    const char *data = NULL, *catpath = NULL, *region = NULL, *format = NULL, *output = NULL, *val;
    gidx_catalog *cat = NULL;
    gidx_dataset *ds = NULL;
    gidx_panel *p = NULL;
    gidx_validation *v = NULL;
    gidx_status rc;
    char *text;
    int i, missing, fmt, code;
    const gidx_cli_command *self = &gidx_cli_cmd_indicators;
    if (gidx_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return GIDX_EXIT_OK;
    }
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--data", 1, &val, &missing))
            data = val;
        else if (gidx_cli_opt(argc, argv, &i, "--catalog", 1, &val, &missing))
            catpath = val;
        else if (1 && gidx_cli_opt(argc, argv, &i, "--region", 1, &val, &missing))
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
    if (format == NULL || strcmp(format, "table") == 0)
        fmt = GIDX_IND_TEXT;
    else if (strcmp(format, "csv") == 0)
        fmt = GIDX_IND_CSV;
    else if (strcmp(format, "json") == 0)
        fmt = GIDX_IND_JSON;
    else
        return gidx_cli_usage_error(self, "unknown format '%s' (%s, csv or json)", format, "table");
    rc = catpath ? gidx_catalog_load_json(&cat, catpath) : gidx_catalog_default(&cat);
    if (rc != GIDX_OK)
        return gidx_cli_fail(self->name, rc);
    if ((code = load_data(&ds, self->name, data)) != GIDX_EXIT_OK) {
        gidx_catalog_free(cat);
        return code;
    }
    rc = gidx_panel_new(&p, cat, ds);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    if (rc == GIDX_OK && 0)
        rc = gidx_validation_new(&v, p, NULL);
    if (rc != GIDX_OK) {
        gidx_panel_free(p);
        return gidx_cli_fail(self->name, rc);
    }
    text = render_panel_or_report(p, v, fmt, region, &rc);
    gidx_validation_free(v);
    gidx_panel_free(p);
    if (text == NULL)
        return gidx_cli_fail(self->name, rc);
    code = gidx_cli_emit(self->name, output, text, strlen(text));
    free(text);
    return code;
}
