/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx decompose: LMDI-I decomposition and Tapio decoupling (docs/decompose.md). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx decompose [--data PATH] [--region R ...] [--from Y0] [--to Y1]\n"
    "                          [--chained] [--form additive|multiplicative]\n"
    "                          [--mapping FILE] [--driver jobs|population]\n"
    "                          [--format text|csv|json] [--output FILE]\n\n"
    "What drove the change of greenhouse-gas emissions: LMDI-I decomposition\n"
    "(Ang 2005, 2015) into population, employment rate (jobs per inhabitant),\n"
    "industry structure (the sector's employment groups' share of jobs) and\n"
    "emission intensity, per Miljødirektoratet sector and in total, with Tapio's\n"
    "(2005) decoupling class of emissions against jobs (or population).\n\n"
    "  --data PATH       long CSV or JSON-stat; default: the embedded Telemark data\n"
    "  --region R        a region code or name; repeat it or separate with commas;\n"
    "                    default: every region\n"
    "  --from Y0         first year (default: each region's first year with every input)\n"
    "  --to Y1           last year (default: each region's last year with every input)\n"
    "  --chained         year by year over the observed years (a year the statistics\n"
    "                    skip joins its neighbours) instead of one period Y0-Y1\n"
    "  --form F          additive (t CO2e that sum to the change, default) or\n"
    "                    multiplicative (factors that multiply to E1/E0)\n"
    "  --mapping FILE    sector-to-employment-group table (JSON, as\n"
    "                    data/drivers/mapping.json); default: the built-in table\n"
    "  --driver D        jobs (default) or population: every sector E = P x E/P and\n"
    "                    Tapio against population (needs no employment data)\n"
    "  --format F        text (default), csv (region_code,region_name,from,to,effect,\n"
    "                    sector,value) or json (rows, periods with Tapio classes, cases)\n"
    "  --output FILE     write there (atomically) instead of standard output\n\n"
    "Exit status: 0 ok, 1 usage, 2 data error, 3 computation failed, 4 output error.\n";

static int run(int argc, char **argv)
{
    extern const gidx_cli_command gidx_cli_cmd_decompose;
    const gidx_cli_command *self = &gidx_cli_cmd_decompose;
    const char *data = NULL, *mapping = NULL, *format = "text", *output = NULL, *form = NULL;
    const char *driver = NULL, *v;
    const char **regions = NULL;
    size_t nregions = 0, cap = 0, len = 0;
    int i, missing = 0, code = GIDX_EXIT_OK;
    long year;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    gidx_dataset *ds = NULL;
    gidx_drivers_mapping *map = NULL;
    gidx_decomposition *d = NULL;
    gidx_status rc;
    char *text = NULL;

    if (gidx_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return GIDX_EXIT_OK;
    }
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--data", 1, &data, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--mapping", 1, &mapping, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--format", 1, &format, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--form", 1, &form, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--driver", 1, &driver, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--output", 1, &output, &missing)) {
            if (missing) { code = gidx_cli_usage_error(self, "%s needs a value", argv[i]); goto done; }
        } else if (gidx_cli_region_opt(self, argc, argv, &i, &regions, &nregions, &cap, &code)) {
            if (code != GIDX_EXIT_OK)
                goto done;
        } else if (gidx_cli_opt(argc, argv, &i, "--from", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &year) != 0 || year < 1000 || year > 9999) {
                code = gidx_cli_usage_error(self, "--from needs a year");
                goto done;
            }
            o.from_year = (int)year;
        } else if (gidx_cli_opt(argc, argv, &i, "--to", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &year) != 0 || year < 1000 || year > 9999) {
                code = gidx_cli_usage_error(self, "--to needs a year");
                goto done;
            }
            o.to_year = (int)year;
        } else if (strcmp(argv[i], "--chained") == 0) {
            o.chained = 1;
        } else {
            code = gidx_cli_usage_error(self, "unknown argument '%s'", argv[i]);
            goto done;
        }
    }
    if (form == NULL || strcmp(form, "additive") == 0) o.form = GIDX_LMDI_ADDITIVE;
    else if (strcmp(form, "multiplicative") == 0) o.form = GIDX_LMDI_MULTIPLICATIVE;
    else { code = gidx_cli_usage_error(self, "--form must be additive or multiplicative"); goto done; }
    if (driver == NULL || strcmp(driver, "jobs") == 0) o.driver = GIDX_DRIVER_JOBS;
    else if (strcmp(driver, "population") == 0) o.driver = GIDX_DRIVER_POPULATION;
    else { code = gidx_cli_usage_error(self, "--driver must be jobs or population"); goto done; }
    if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0) {
        code = gidx_cli_usage_error(self, "--format must be text, csv or json");
        goto done;
    }
    if (o.from_year && o.to_year && o.from_year >= o.to_year) {
        code = gidx_cli_usage_error(self, "--from %d is not before --to %d", o.from_year, o.to_year);
        goto done;
    }
    if ((rc = gidx_dataset_load(&ds, data)) != GIDX_OK ||
        (mapping != NULL && (rc = gidx_drivers_mapping_load(&map, mapping)) != GIDX_OK)) {
        code = gidx_cli_fail("decompose", rc);
        goto done;
    }
    o.regions = regions;
    o.nregions = nregions;
    o.mapping = map;
    if ((rc = gidx_decompose(&d, ds, &o)) != GIDX_OK) {
        code = gidx_cli_fail("decompose", rc);
        goto done;
    }
    if (strcmp(format, "csv") == 0) rc = gidx_decomposition_to_csv(&text, &len, d);
    else if (strcmp(format, "json") == 0) rc = gidx_decomposition_to_json(&text, &len, d);
    else rc = gidx_decomposition_to_text(&text, &len, d);
    if (rc != GIDX_OK) {
        code = gidx_cli_fail("decompose", rc);
        goto done;
    }
    code = gidx_cli_emit("decompose", output, text, len);
done:
    gidx_free(text);
    gidx_decomposition_free(d);
    gidx_drivers_mapping_free(map);
    gidx_dataset_free(ds);
    free((void *)regions);
    return code;
}

const gidx_cli_command gidx_cli_cmd_decompose = {
    "decompose", "what drove emissions: LMDI decomposition and Tapio decoupling", run, usage
};
