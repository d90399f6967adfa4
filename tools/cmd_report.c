/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx report: the roadmap pipeline (gidx_roadmap_run) and its output. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx report [--data PATH] [--catalog PATH] [--region CODE|NAME ...]\n"
    "                       [--target NAME] [--scenario FILE] [--out DIR]\n"
    "                       [--format text|json|html|xlsx|csv] [--lang en|nb] [--quiet]\n"
    "                       [--horizon YEAR] [--mc N] [--seed S]\n\n"
    "Runs the roadmap pipeline: load the data, compute the catalogue's indicators,\n"
    "validate them, build the composite index with Monte Carlo rank intervals,\n"
    "benchmark the regions, forecast to 2030 with 80 % and 95 % intervals and the\n"
    "probability of meeting the target, and apply a policy scenario.\n\n"
    "  --data PATH        long CSV (region,year,variable,value[,flag]) or JSON-stat\n"
    "                     file; default: the embedded Telemark data\n"
    "  --catalog PATH     indicator catalogue (JSON); default: the built-in catalogue\n"
    "  --region R         a region code or name; repeat it or separate with commas;\n"
    "                     default: the regions with complete data (the embedded data:\n"
    "                     the 17 Telemark municipalities and the county)\n"
    "  --target NAME      named target record of the catalogue for every region; without\n"
    "                     it a region's own target (a target naming it in \"regions\",\n"
    "                     e.g. trondheim for 5001) applies, else municipal_2009\n"
    "  --scenario FILE    policy scenario (JSON, docs/report.md)\n"
    "  --out DIR          write DIR/roadmap.txt|json|html|xlsx|csv (atomically) instead\n"
    "                     of printing, creating DIR and its parents as needed\n"
    "                     (like mkdir -p); the format defaults to html with --out\n"
    "  --format F         text (default), json, html, or xlsx (one sheet per table,\n"
    "                     numbers as numbers; needs --out or a pipe), or csv (the\n"
    "                     same cells as one long table sheet,row,column,value)\n"
    "  --lang L           en (default) or nb: the whole report in Norwegian bokmål,\n"
    "                     indicator names from the catalogue's name_nb, numbers with\n"
    "                     decimal comma and space between thousands\n"
    "  --quiet            no progress on standard error\n"
    "  --horizon YEAR     last forecast year (default 2030)\n"
    "  --mc N             Monte Carlo replications for rank intervals (default 500,\n"
    "                     at most 1000000)\n"
    "  --seed S           seed of every random draw (default 1)\n\n"
    "Exit status: 0 ok, 1 usage, 2 data error, 3 computation failed, 4 output error.\n";

static void on_progress(const char *step, size_t done, size_t total, void *user)
{
    int width = 24, k, fill = total ? (int)(width * done / total) : width;
    (void)user;
    fprintf(stderr, "\r[");
    for (k = 0; k < width; k++)
        fputc(k < fill ? '#' : ' ', stderr);
    fprintf(stderr, "] %zu/%zu %-14s", done, total, step);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

static int run(int argc, char **argv)
{
    extern const gidx_cli_command gidx_cli_cmd_report;
    const gidx_cli_command *self = &gidx_cli_cmd_report;
    const char *data = NULL, *catalog = NULL, *target = NULL, *scenario = NULL, *outdir = NULL;
    const char *format = NULL, *lang = NULL, *v;
    const char **regions = NULL;
    size_t nregions = 0, cap = 0;
    int quiet = 0, i, missing, code = GIDX_EXIT_OK, fmt;
    long horizon = 2030, mc = 500, seed = 1;
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_scenario *sc = NULL;
    gidx_report *rep = NULL;
    gidx_workbook *wb = NULL;
    gidx_roadmap_options opt = GIDX_ROADMAP_OPTIONS_INIT;
    gidx_status rc;
    char *text = NULL;
    size_t len = 0;

    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--data", 1, &data, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--catalog", 1, &catalog, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--target", 1, &target, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--scenario", 1, &scenario, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--out", 1, &outdir, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--format", 1, &format, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--lang", 1, &lang, &missing)) {
            if (missing) { code = gidx_cli_usage_error(self, "%s needs a value", argv[i]); goto done; }
        } else if (gidx_cli_region_opt(self, argc, argv, &i, &regions, &nregions, &cap, &code)) {
            if (code != GIDX_EXIT_OK)
                goto done;
        } else if (gidx_cli_opt(argc, argv, &i, "--horizon", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &horizon) != 0 || horizon < 1900 || horizon > 2200) {
                code = gidx_cli_usage_error(self, "--horizon needs a year");
                goto done;
            }
        } else if (gidx_cli_opt(argc, argv, &i, "--mc", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &mc) != 0 || mc < 1 || mc > 1000000) {
                code = gidx_cli_usage_error(self, "--mc needs an integer from 1 to 1000000");
                goto done;
            }
        } else if (gidx_cli_opt(argc, argv, &i, "--seed", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &seed) != 0 || seed < 0) {
                code = gidx_cli_usage_error(self, "--seed needs a non-negative integer");
                goto done;
            }
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
        } else {
            code = gidx_cli_usage_error(self, "unknown argument '%s'", argv[i]);
            goto done;
        }
    }
    if (format == NULL)
        format = outdir ? "html" : "text";
    if (strcmp(format, "text") == 0) fmt = GIDX_REPORT_TEXT;
    else if (strcmp(format, "json") == 0) fmt = GIDX_REPORT_JSON;
    else if (strcmp(format, "html") == 0) fmt = GIDX_REPORT_HTML;
    else if (strcmp(format, "xlsx") == 0) fmt = 3;
    else if (strcmp(format, "csv") == 0) fmt = 4;
    else { code = gidx_cli_usage_error(self, "--format must be text, json, html, xlsx or csv"); goto done; }
    if (lang != NULL && strcmp(lang, "en") != 0 && strcmp(lang, "nb") != 0) {
        code = gidx_cli_usage_error(self, "--lang must be en or nb");
        goto done;
    }

    if ((rc = gidx_dataset_load(&ds, data)) != GIDX_OK) { code = gidx_cli_fail("report", rc); goto done; }
    rc = catalog ? gidx_catalog_load_json(&cat, catalog) : gidx_catalog_default(&cat);
    if (rc != GIDX_OK) { code = gidx_cli_fail("report", rc); goto done; }
    if (scenario != NULL && (rc = gidx_scenario_load(&sc, scenario)) != GIDX_OK) {
        code = gidx_cli_fail("report", rc);
        goto done;
    }
    opt.regions = regions;
    opt.nregions = nregions;
    opt.target = target;
    opt.scenario = sc;
    opt.horizon = (int)horizon;
    opt.mc = (size_t)mc;
    opt.seed = (unsigned long)seed;
    if (!quiet && isatty(STDERR_FILENO))
        opt.progress = on_progress;
    if ((rc = gidx_roadmap_run_lang(&rep, ds, cat, &opt, lang)) != GIDX_OK) {
        code = gidx_cli_fail("report", rc);
        goto done;
    }
    if (fmt >= 3) {
        /* xlsx: the report's tables, one sheet each (gidx_report_to_workbook);
         * csv: the same cells as one long table (gidx_workbook_render_csv) */
        char path[4096];
        if ((rc = gidx_workbook_new(&wb)) != GIDX_OK || (rc = gidx_report_to_workbook(wb, rep)) != GIDX_OK ||
            (fmt == 4 && (rc = gidx_workbook_render_csv(&text, &len, wb)) != GIDX_OK)) {
            code = gidx_cli_fail("report", rc);
            goto done;
        }
        if (outdir != NULL && gidx_cli_mkdir_p("report", outdir) != 0) {
            code = GIDX_EXIT_IO;
            goto done;
        }
        snprintf(path, sizeof path, "%s/roadmap.%s", outdir ? outdir : ".", fmt == 4 ? "csv" : "xlsx");
        if (fmt == 4)
            code = gidx_cli_emit("report", outdir ? path : NULL, text, len);
        else
            code = gidx_cli_emit_workbook("report", outdir ? path : NULL, wb);
        if (code == GIDX_EXIT_OK && outdir && !quiet)
            fprintf(stderr, "greenidx report: wrote %s\n", path);
    } else if (outdir != NULL) {
        char path[4096];
        static const char *const ext[3] = { "txt", "json", "html" };
        if (gidx_cli_mkdir_p("report", outdir) != 0) {
            code = GIDX_EXIT_IO;
            goto done;
        }
        snprintf(path, sizeof path, "%s/roadmap.%s", outdir, ext[fmt]);
        if ((rc = gidx_report_write(rep, path, fmt)) != GIDX_OK) {
            gidx_cli_fail("report", rc);
            code = GIDX_EXIT_IO;
            goto done;
        }
        if (!quiet)
            fprintf(stderr, "greenidx report: wrote %s\n", path);
    } else {
        if ((rc = gidx_report_render(&text, &len, rep, fmt)) != GIDX_OK) {
            code = gidx_cli_fail("report", rc);
            goto done;
        }
        code = gidx_cli_emit("report", NULL, text, len);
    }
done:
    gidx_free(text);
    gidx_workbook_free(wb);
    gidx_report_free(rep);
    gidx_scenario_free(sc);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    free((void *)regions);
    return code;
}

const gidx_cli_command gidx_cli_cmd_report = {
    "report", "the roadmap: indicators, validation, index, forecasts to 2030, scenarios",
    run, usage
};
