/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * greenidx ripple: the effects of a final-demand shock in an input-output
 * model (output, jobs, value added, emissions; direct, indirect, induced).
 * Parses arguments and prints what gidx_io_* computed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx ripple --shock CODE=AMOUNT[,CODE=AMOUNT...] [--shock-jobs CODE=N]\n"
    "                       [--io-year 2012..2021 | --io PATH] [--type 1|2]\n"
    "                       [--region CODE|NAME [--delta 0.3] [--lq slq|cilq|flq]]\n"
    "                       [--format text|csv|json] [--output FILE]\n\n"
    "Ripple effects (ringvirkninger) of a change in final demand, by the\n"
    "Leontief model (Miller & Blair 2009, Input-Output Analysis, 2nd ed.), on\n"
    "Statistics Norway's input-output table for Norway (62 industries, NOK\n"
    "million; 2021 unless --io-year), with jobs, value added, compensation of\n"
    "employees, imports and greenhouse gases (t CO2e).\n\n"
    "Examples:\n"
    "  greenidx ripple --shock RF=100 --type 2\n"
    "      NOK 100 million more demand for construction (RF) in Norway\n"
    "  greenidx ripple --region Skien --shock RF=100 --type 2\n"
    "      the same in Skien: FLQ-regionalised, with leakage to the rest of\n"
    "      Norway and abroad\n"
    "  greenidx ripple --shock-jobs Industri=50 --io-year 2019 --format json\n\n"
    "  --shock C=A,...  change in final demand A (NOK million, or the table's unit)\n"
    "                   for industry C: an A64 code of SSB's table (R01 ... RT, e.g.\n"
    "                   RF construction, R10_12 food; also written F, 41-43, C10-C12,\n"
    "                   10-12) or an SN2007 group label of\n"
    "                   table 13470 (e.g. Industri), spread over its industries by\n"
    "                   output; several pairs separated by ',' or repeated --shock\n"
    "  --shock-jobs C=N N new jobs in industry or group C, converted into final\n"
    "                   demand through its output per job\n"
    "  --io-year Y      year of the embedded Norwegian table, 2012-2021 (default 2021)\n"
    "  --type 1|2       1: direct + indirect; 2: also induced by household spending\n"
    "                   (households' consumption P3_S14 and compensation D1). Default 1\n"
    "  --format F       text (or table, the default), csv or json\n"
    "  --output FILE    write there (atomically) instead of standard output\n"
    "  --region CODE|NAME\n"
    "                   regionalise for a municipality or county of the dataset by\n"
    "                   location quotients: its employment by the 16 SN2007 groups of\n"
    "                   SSB table 13470 (the embedded Telemark data) against Norway's\n"
    "                   (13470, Hele landet) of the nearest year; the output gives the\n"
    "                   effects inside the region and the leakage to the rest of\n"
    "                   Norway and abroad\n"
    "  --lq M           slq, cilq or flq (default flq)\n"
    "  --delta D        FLQ delta in [0, 1) (default 0.3, Flegg & Tohmo 2013)\n"
    "  --year Y         regional employment year (default: the table's employment\n"
    "                   year, or the nearest the region has)\n"
    "  --data PATH      the dataset for --region (default: the embedded Telemark data)\n"
    "  --national-region CODE|NAME\n"
    "                   take the national side from this region of the dataset\n\n"
    "Other tables:\n"
    "  --io FILE.xlsx   SSB's input-output workbook of table 1850 (domestic) as\n"
    "                   published; table 1950 (imports) is --io-imports FILE, or the\n"
    "                   same name with 1950 for 1850 in the same folder or in\n"
    "                   ../import/ (SSB's layout: domestic/iot_1850_2021.xlsx,\n"
    "                   import/iot_1950_2021.xlsx)\n"
    "  --io DIR [--io-year Y]  a folder of SSB's workbooks in that layout (or with\n"
    "                   iot_1850_Y.xlsx in it): year Y, or the latest present\n"
    "  --io PATH        a folder with Z.csv, x.csv and optionally satellites.csv\n"
    "                   (sector,employment,value_added,labour_income,emissions,imports)\n"
    "                   and households.csv (sector,consumption); see docs/ripple.md\n"
    "  --region-employment FILE, --national-employment FILE\n"
    "                   regionalise by employment by industry from files\n"
    "                   (CSV: industry,employment)\n"
    "  --concordance FILE  sector,industry map (default: industries named as sectors)\n";

static int run(int argc, char **argv);

const gidx_cli_command gidx_cli_cmd_ripple = {
    "ripple", "ripple effects of a final-demand shock (input-output model)", run, usage
};

/* Add "S=A,S=A" to df; sector names may themselves contain ',' (SN2007
 * groups do), so a piece without '=' is joined to the next. */
static int add_shocks(double *df, const gidx_io_model *m, const char *spec, int unit)
{
    char *s = strdup(spec), *p, *start;
    gidx_status rc = GIDX_OK;
    if (s == NULL) {
        fprintf(stderr, "greenidx ripple: out of memory\n");
        return GIDX_EXIT_INTERNAL;
    }
    start = s;
    for (p = s;; p++) {
        if (*p == ',' || *p == '\0') {
            char *eq = memchr(start, '=', (size_t)(p - start));
            int end = *p == '\0';
            if (eq != NULL) {
                double v;
                *p = '\0';
                *eq = '\0';
                if (gidx_cli_parse_double(eq + 1, &v) != 0) {
                    fprintf(stderr, "greenidx ripple: --shock: '%s' is not an amount for '%s'\n",
                            eq + 1, start);
                    free(s);
                    return GIDX_EXIT_USAGE;
                }
                rc = gidx_io_model_shock_add(df, gidx_io_model_nsectors(m), m, start, v, unit);
                if (rc != GIDX_OK) {
                    free(s);
                    return gidx_cli_fail("ripple", rc);
                }
                start = p + 1;
            } else if (end) {
                fprintf(stderr, "greenidx ripple: --shock: '%s' is not CODE=AMOUNT\n", start);
                free(s);
                return GIDX_EXIT_USAGE;
            }
            if (end)
                break;
        }
    }
    free(s);
    return GIDX_EXIT_OK;
}

static int regionalise(gidx_io_model **m, const char *remp, const char *nemp, const char *conc,
                       int method, double delta)
{
    size_t n = gidx_io_model_nsectors(*m), k = 0, k2 = 0;
    double *re = NULL, *ne = NULL;
    size_t *g = NULL;
    gidx_io_model *reg = NULL;
    gidx_status rc = gidx_io_employment_read(NULL, 0, &k, remp, NULL);
    if (rc != GIDX_OK && rc != GIDX_EBUFS)
        return gidx_cli_fail("ripple", rc);
    re = malloc((k ? k : 1) * sizeof *re);
    ne = malloc((k ? k : 1) * sizeof *ne);
    g = malloc(n * sizeof *g);
    if (re == NULL || ne == NULL || g == NULL) {
        free(re); free(ne); free(g);
        fprintf(stderr, "greenidx ripple: out of memory\n");
        return GIDX_EXIT_INTERNAL;
    }
    if ((rc = gidx_io_employment_read(re, k, &k, remp, NULL)) == GIDX_OK &&
        (rc = gidx_io_employment_read(ne, k, &k2, nemp, remp)) == GIDX_OK &&
        (rc = gidx_io_concordance_read(g, n, *m, remp, conc)) == GIDX_OK &&
        (rc = gidx_io_model_regionalise(&reg, *m, method, delta, re, ne, k, g)) == GIDX_OK) {
        gidx_io_model_free(*m);
        *m = reg;
    }
    free(re);
    free(ne);
    free(g);
    return rc == GIDX_OK ? GIDX_EXIT_OK : gidx_cli_fail("ripple", rc);
}

/* --region: the dataset's employment of the region against the national
 * employment of the table's satellites or of --national-region
 * (gidx_io_model_regionalise_dataset). */
static int regionalise_for(gidx_io_model **m, const char *region, const char *data,
                           const gidx_io_region_options *ro)
{
    gidx_dataset *ds = NULL;
    gidx_io_model *reg = NULL;
    int used = 0;
    gidx_status rc = gidx_dataset_load(&ds, data);
    if (rc == GIDX_OK)
        rc = gidx_io_model_regionalise_dataset(&reg, &used, *m, ds, region, ro);
    gidx_dataset_free(ds);
    if (rc != GIDX_OK)
        return gidx_cli_fail("ripple", rc);
    gidx_io_model_free(*m);
    *m = reg;
    fprintf(stderr, "greenidx ripple: regionalised for %s with employment of %d\n", region, used);
    return GIDX_EXIT_OK;
}

/* The 1950 workbook beside a 1850 one: 1850 -> 1950 in the file name, in
 * the same folder or in ../import/ (SSB's and cafean's layout). */
static char *imports_beside(const char *dom)
{
    const char *base = strrchr(dom, '/'), *p;
    size_t dlen, len = strlen(dom) + 16;
    char *out = malloc(len), *q;
    FILE *f;
    int k;
    base = base != NULL ? base + 1 : dom;
    dlen = (size_t)(base - dom);
    if (out == NULL || (p = strstr(base, "1850")) == NULL) {
        free(out);
        return NULL;
    }
    for (k = 0; k < 2; k++) {
        snprintf(out, len, "%.*s%s%.*s1950%s", (int)dlen, dom, k ? "../import/" : "",
                 (int)(p - base), base, p + 4);
        if ((f = fopen(out, "rb")) != NULL) {
            fclose(f);
            return out;
        }
    }
    q = out;
    snprintf(q, len, "%.*s%.*s1950%s", (int)dlen, dom, (int)(p - base), base, p + 4);
    return out;  /* not found: the loader names it */
}

/* SSB's workbook of table 1850 in a folder laid out as SSB / cafean publish
 * them (PATH/domestic/iot_1850_<Y>.xlsx, or PATH/iot_1850_<Y>.xlsx): year Y,
 * or the latest present when 0. NULL when the folder holds none. */
static char *workbook_in(const char *dir, long year)
{
    size_t len = strlen(dir) + 48;
    char *out = malloc(len);
    long y;
    int k;
    FILE *f;
    if (out == NULL)
        return NULL;
    for (y = year != 0 ? year : 2100; y >= (year != 0 ? year : 1990); y--)
        for (k = 0; k < 2; k++) {
            snprintf(out, len, "%s/%siot_1850_%ld.xlsx", dir, k ? "" : "domestic/", y);
            if ((f = fopen(out, "rb")) != NULL) {
                fclose(f);
                return out;
            }
        }
    free(out);
    return NULL;
}

static int is_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcmp(path + n - 5, ".xlsx") == 0;
}

static int run(int argc, char **argv)
{
    const gidx_cli_command *c = &gidx_cli_cmd_ripple;
    const char *io = NULL, *type_s = NULL, *format_s = "table", *output = NULL, *region = NULL;
    const char *remp = NULL, *nemp = NULL, *conc = NULL, *lq_s = "flq", *delta_s = NULL;
    const char *year_s = NULL, *data = NULL, *nregion = NULL, *ioyear_s = NULL, *ioimp = NULL;
    char *imp_found = NULL, *io_found = NULL;
    gidx_io_region_options ro = GIDX_IO_REGION_OPTIONS_INIT;
    const char *shocks[64];
    int units[64];
    int nshocks = 0, i, missing, format, method, ex, jobs;
    long type = 1, year = 0, ioyear = 0;
    double delta = 0.3, *df = NULL;
    gidx_io_model *m = NULL;
    gidx_io_result *r = NULL;
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    gidx_status rc;
    size_t need = 0;
    char *text = NULL;

    for (i = 1; i < argc; i++) {
        const char *v = NULL;
        if (gidx_cli_opt(argc, argv, &i, "--io", 1, &io, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--type", 1, &type_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--format", 1, &format_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--output", 1, &output, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--region-employment", 1, &remp, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--national-employment", 1, &nemp, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--concordance", 1, &conc, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--region", 1, &region, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--year", 1, &year_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--data", 1, &data, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--national-region", 1, &nregion, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--lq", 1, &lq_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--delta", 1, &delta_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--io-year", 1, &ioyear_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--io-imports", 1, &ioimp, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "option %s needs a value", argv[i]);
        } else if ((jobs = 0, gidx_cli_opt(argc, argv, &i, "--shock", 1, &v, &missing)) ||
                   (jobs = 1, gidx_cli_opt(argc, argv, &i, "--shock-jobs", 1, &v, &missing))) {
            if (missing)
                return gidx_cli_usage_error(c, "option %s needs a value", jobs ? "--shock-jobs" : "--shock");
            if (nshocks == (int)(sizeof shocks / sizeof shocks[0]))
                return gidx_cli_usage_error(c, "too many --shock options");
            units[nshocks] = jobs ? GIDX_IO_UNIT_JOBS : GIDX_IO_UNIT_CURRENCY;
            shocks[nshocks++] = v;
        } else {
            return gidx_cli_usage_error(c, "unknown argument '%s'", argv[i]);
        }
    }
    if (nshocks == 0)
        return gidx_cli_usage_error(c, "--shock CODE=AMOUNT or --shock-jobs CODE=N is required");
    if (ioyear_s != NULL && io == NULL &&
        (gidx_cli_parse_int(ioyear_s, &ioyear) != 0 ||
         ioyear < gidx_io_norway_first_year() || ioyear > gidx_io_norway_last_year()))
        return gidx_cli_usage_error(c, "--io-year must be %d..%d, not '%s'", gidx_io_norway_first_year(),
                                    gidx_io_norway_last_year(), ioyear_s);
    if (type_s != NULL && (gidx_cli_parse_int(type_s, &type) != 0 || (type != 1 && type != 2)))
        return gidx_cli_usage_error(c, "--type must be 1 or 2, not '%s'", type_s);
    if (strcmp(format_s, "table") == 0 || strcmp(format_s, "text") == 0)
        format = GIDX_IO_FORMAT_TABLE;
    else if (strcmp(format_s, "csv") == 0)
        format = GIDX_IO_FORMAT_CSV;
    else if (strcmp(format_s, "json") == 0)
        format = GIDX_IO_FORMAT_JSON;
    else
        return gidx_cli_usage_error(c, "--format must be text (table), csv or json, not '%s'", format_s);
    if (strcmp(lq_s, "slq") == 0)
        method = GIDX_IO_SLQ;
    else if (strcmp(lq_s, "cilq") == 0)
        method = GIDX_IO_CILQ;
    else if (strcmp(lq_s, "flq") == 0)
        method = GIDX_IO_FLQ;
    else
        return gidx_cli_usage_error(c, "--lq must be slq, cilq or flq, not '%s'", lq_s);
    if (delta_s != NULL && gidx_cli_parse_double(delta_s, &delta) != 0)
        return gidx_cli_usage_error(c, "--delta must be a number, not '%s'", delta_s);
    if ((remp == NULL) != (nemp == NULL))
        return gidx_cli_usage_error(c, "--region-employment and --national-employment go together");
    if (region != NULL && remp != NULL)
        return gidx_cli_usage_error(c, "--region and --region-employment exclude each other");
    if (region == NULL && (year_s != NULL || data != NULL || nregion != NULL))
        return gidx_cli_usage_error(c, "--year, --data and --national-region go with --region");
    if (year_s != NULL && (gidx_cli_parse_int(year_s, &year) != 0 || year < 1 || year > 9999))
        return gidx_cli_usage_error(c, "--year must be a year, not '%s'", year_s);

    /* --io-year with --io: a folder of SSB's workbooks */
    if (io != NULL && !is_xlsx(io)) {
        char *z = malloc(strlen(io) + 8);
        FILE *f = NULL;
        if (z != NULL) {
            sprintf(z, "%s/Z.csv", io);
            f = fopen(z, "rb");
        }
        free(z);
        if (f != NULL) {
            fclose(f);
            if (ioyear_s != NULL)
                return gidx_cli_usage_error(c, "--io-year picks the year of SSB's tables (embedded, or a "
                                            "folder of SSB's workbooks); %s is a Z.csv folder", io);
        } else {
            if (ioyear_s != NULL && (gidx_cli_parse_int(ioyear_s, &ioyear) != 0 || ioyear < 1900 ||
                                     ioyear > 2100))
                return gidx_cli_usage_error(c, "--io-year must be a year, not '%s'", ioyear_s);
            if ((io_found = workbook_in(io, ioyear)) == NULL) {
                fprintf(stderr, "greenidx ripple: --io %s: no Z.csv and no SSB workbook "
                        "iot_1850_%s.xlsx (in it or in domestic/)\n", io,
                        ioyear_s != NULL ? ioyear_s : "<year>");
                return GIDX_EXIT_DATA;
            }
            io = io_found;
        }
    } else if (io != NULL && ioyear_s != NULL) {
        return gidx_cli_usage_error(c, "--io-year does not go with --io FILE.xlsx (the workbook has its year)");
    }
    if (ioimp != NULL && (io == NULL || !is_xlsx(io)))
        return gidx_cli_usage_error(c, "--io-imports goes with --io FILE.xlsx (SSB's table 1850)");
    if (io != NULL && is_xlsx(io)) {
        if (ioimp == NULL && (ioimp = imp_found = imports_beside(io)) == NULL)
            return gidx_cli_usage_error(c, "--io %s: give SSB's table 1950 of the same year with "
                                        "--io-imports FILE", io);
        if (io_found != NULL)
            fprintf(stderr, "greenidx ripple: SSB's workbooks %s and %s\n", io, ioimp);
        rc = gidx_io_model_load_ssb(&m, io, ioimp);
        free(imp_found);
        free(io_found);
    } else {
        rc = io != NULL ? gidx_io_model_load(&m, io) : gidx_io_model_norway(&m, (int)ioyear);
    }
    if (rc != GIDX_OK)
        return gidx_cli_fail("ripple", rc);
    if (remp != NULL && (ex = regionalise(&m, remp, nemp, conc, method, delta)) != GIDX_EXIT_OK)
        goto done_ex;
    ro.year = (int)year;
    ro.method = method;
    ro.delta = delta;
    ro.concordance = conc;
    ro.national_region = nregion;
    if (region != NULL && (ex = regionalise_for(&m, region, data, &ro)) != GIDX_EXIT_OK)
        goto done_ex;
    df = calloc(gidx_io_model_nsectors(m), sizeof *df);
    if (df == NULL) {
        fprintf(stderr, "greenidx ripple: out of memory\n");
        ex = GIDX_EXIT_INTERNAL;
        goto done_ex;
    }
    for (i = 0; i < nshocks; i++)
        if ((ex = add_shocks(df, m, shocks[i], units[i])) != GIDX_EXIT_OK)
            goto done_ex;
    o.type = (int)type;
    rc = gidx_io_shock(&r, m, df, gidx_io_model_nsectors(m), &o);
    if (rc == GIDX_OK) {
        rc = gidx_io_result_format(NULL, 0, &need, r, format);
        if (rc == GIDX_EBUFS && (text = malloc(need)) != NULL)
            rc = gidx_io_result_format(text, need, NULL, r, format);
    }
    if (rc != GIDX_OK) {
        ex = gidx_cli_fail("ripple", rc);
        goto done_ex;
    }
    /* the notes are in the text and JSON output; CSV has no room for them */
    if (format == GIDX_IO_FORMAT_CSV && gidx_io_result_note(r) != NULL)
        fprintf(stderr, "%s\n", gidx_io_result_note(r));
    ex = gidx_cli_emit("ripple", output, text, strlen(text));
done_ex:
    free(text);
    free(df);
    gidx_io_result_free(r);
    gidx_io_model_free(m);
    return ex;
}
