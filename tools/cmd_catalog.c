/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx catalog: show an indicator catalogue (the built-in default or a JSON file). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx catalog [--catalog PATH] [--format table|json] [--output PATH]\n"
    "\n"
    "Show the indicators of a catalogue: the built-in default catalogue, or the\n"
    "JSON catalogue in PATH (checked on load: formulas, unknown variables,\n"
    "circular references). --format json prints the canonical JSON, which\n"
    "`--catalog` reads back unchanged.\n";

static int run(int argc, char **argv);
const gidx_cli_command gidx_cli_cmd_catalog = { "catalog", "show an indicator catalogue", run, usage };

static int run(int argc, char **argv)
{
    const char *catpath = NULL, *format = "table", *output = NULL, *val;
    gidx_catalog *cat = NULL;
    gidx_status rc;
    size_t need = 0;
    char *text;
    int i, missing, fmt, code;
    if (gidx_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return GIDX_EXIT_OK;
    }
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--catalog", 1, &val, &missing))
            catpath = val;
        else if (gidx_cli_opt(argc, argv, &i, "--format", 1, &val, &missing))
            format = val;
        else if (gidx_cli_opt(argc, argv, &i, "--output", 1, &val, &missing))
            output = val;
        else
            return gidx_cli_usage_error(&gidx_cli_cmd_catalog, "unknown argument '%s'", argv[i]);
        if (missing)
            return gidx_cli_usage_error(&gidx_cli_cmd_catalog, "%s needs a value", argv[i]);
    }
    if (strcmp(format, "table") == 0)
        fmt = GIDX_IND_TEXT;
    else if (strcmp(format, "json") == 0)
        fmt = GIDX_IND_JSON;
    else
        return gidx_cli_usage_error(&gidx_cli_cmd_catalog, "unknown format '%s' (table or json)", format);
    rc = catpath ? gidx_catalog_load_json(&cat, catpath) : gidx_catalog_default(&cat);
    if (rc != GIDX_OK)
        return gidx_cli_fail("catalog", rc);
    gidx_catalog_render(NULL, 0, &need, cat, fmt);
    text = malloc(need ? need : 1);
    if (text == NULL) {
        gidx_catalog_free(cat);
        return GIDX_EXIT_INTERNAL;
    }
    rc = gidx_catalog_render(text, need, NULL, cat, fmt);
    gidx_catalog_free(cat);
    if (rc != GIDX_OK) {
        free(text);
        return gidx_cli_fail("catalog", rc);
    }
    code = gidx_cli_emit("catalog", output, text, need - 1);
    free(text);
    return code;
}
