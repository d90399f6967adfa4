/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * greenidx index: build a composite index (and optionally its Monte Carlo
 * rank intervals) and print it. Every number comes from the composite API
 * (include/greenidx/composite.h); this file parses options and formats.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_src.h"

/* Shared with cmd_benchmark.c: the options that say where the index comes from. */
int gidx_cli_index_option(const gidx_cli_command *c, gidx_cli_index_src *s, int argc, char **argv, int *i,
                          int *err)
{
    static const char *const with_value[] = {"impute", "screen", "treat", "normalise", "normalize",
                                             "weights", "aggregate", "year", "min-avail"};
    const char *v;
    int missing;
    size_t k;
    *err = 0;
    if (gidx_cli_opt(argc, argv, i, "--units", 1, &v, &missing))
        s->units = v;
    else if (gidx_cli_opt(argc, argv, i, "--meta", 1, &v, &missing))
        s->meta = v;
    else if (gidx_cli_opt(argc, argv, i, "--spec", 1, &v, &missing))
        s->spec = v;
    else if (gidx_cli_opt(argc, argv, i, "--data", 1, &v, &missing))
        s->data = v;
    else if (gidx_cli_opt(argc, argv, i, "--catalog", 1, &v, &missing))
        s->catalog = v;
    else if (gidx_cli_opt(argc, argv, i, "--denominate", 0, &v, &missing)) {
        if (s->nset < 16) {
            s->names[s->nset] = "denominate";
            s->values[s->nset++] = "true";
        }
        return 1;
    } else {
        for (k = 0; k < sizeof with_value / sizeof *with_value; k++) {
            char opt[32];
            snprintf(opt, sizeof opt, "--%s", with_value[k]);
            if (gidx_cli_opt(argc, argv, i, opt, 1, &v, &missing)) {
                if (missing)
                    break;
                if (s->nset >= 16) {
                    *err = gidx_cli_usage_error(c, "too many options");
                    return 1;
                }
                s->names[s->nset] = with_value[k];
                s->values[s->nset++] = v;
                return 1;
            }
        }
        if (k == sizeof with_value / sizeof *with_value)
            return 0;
    }
    if (missing)
        *err = gidx_cli_usage_error(c, "option %s needs a value", argv[*i]);
    return 1;
}

/* The --set NAME=VALUE options on top of the specification's own. */
static gidx_status apply_options(gidx_index_spec *sp, const gidx_cli_index_src *s)
{
    gidx_index_options o = *gidx_index_spec_options(sp);
    gidx_status rc = GIDX_OK;
    int k;
    for (k = 0; k < s->nset && rc == GIDX_OK; k++)
        rc = gidx_index_options_set(&o, s->names[k], s->values[k]);
    return rc == GIDX_OK ? gidx_index_spec_set_options(sp, &o) : rc;
}

/* Free what was loaded and return the exit status e. */
static int load_failed(gidx_dataset **ds, gidx_index_spec **sp, int e)
{
    gidx_dataset_free(*ds);
    gidx_index_spec_free(*sp);
    *ds = NULL;
    *sp = NULL;
    return e;
}

int gidx_cli_index_load(const gidx_cli_command *c, const gidx_cli_index_src *s, gidx_dataset **ds,
                        gidx_index_spec **sp)
{
    gidx_status rc;
    *ds = NULL;
    *sp = NULL;
    if (s->units == NULL && s->spec == NULL && s->meta == NULL) {
        /* The default path: the catalogue's indicators on the data (the
         * embedded Telemark data unless --data), pillars from the catalogue. */
        gidx_dataset *stats = NULL;
        gidx_catalog *cat = NULL;
        gidx_panel *panel = NULL;
        rc = gidx_dataset_load(&stats, s->data);
        if (rc == GIDX_OK)
            rc = s->catalog ? gidx_catalog_load_json(&cat, s->catalog) : gidx_catalog_default(&cat);
        if (rc == GIDX_OK)
            rc = gidx_panel_new(&panel, cat, stats);
        if (rc == GIDX_OK)
            rc = gidx_index_from_catalog(ds, sp, NULL, gidx_panel_dataset(panel), cat, 0);
        gidx_panel_free(panel);
        gidx_catalog_free(cat);
        gidx_dataset_free(stats);
        if (rc != GIDX_OK)
            return gidx_cli_fail(c->name, rc);
        if ((rc = apply_options(*sp, s)) != GIDX_OK)
            return load_failed(ds, sp, gidx_cli_usage_error(c, "%s", gidx_error_last()->message));
        return GIDX_EXIT_OK;
    }
    if (s->data != NULL || s->catalog != NULL)
        return gidx_cli_usage_error(c, "--data/--catalog cannot be combined with --units/--meta/--spec");
    if (s->units == NULL)
        return gidx_cli_usage_error(c, "missing option --units FILE");
    if (s->meta != NULL && s->spec != NULL)
        return gidx_cli_usage_error(c, "give either --meta FILE or --spec FILE, not both");
    if (s->meta == NULL && s->spec == NULL)
        return gidx_cli_usage_error(c, "missing option --meta FILE (or --spec FILE)");
    if (s->meta != NULL)
        rc = gidx_index_load_coinr(ds, sp, s->units, s->meta);
    else
        rc = gidx_index_spec_read_json(sp, s->spec);
    if (rc != GIDX_OK)
        return gidx_cli_fail(c->name, rc);
    rc = apply_options(*sp, s);
    if (rc == GIDX_OK && *ds == NULL)
        rc = gidx_index_load_units(ds, *sp, s->units);
    if (rc != GIDX_OK)
        return load_failed(ds, sp, rc == GIDX_EINVAL ? gidx_cli_usage_error(c, "%s", gidx_error_last()->message)
                                                     : gidx_cli_fail(c->name, rc));
    return GIDX_EXIT_OK;
}

/* A number in fixed notation (width 0 = as narrow as possible); NA when missing. */
static void put_num(FILE *f, double v, int width, int prec)
{
    if (isnan(v))
        fprintf(f, "%*s", width, "NA");
    else
        fprintf(f, "%*.*f", width, prec, v);
}

static int run(int argc, char **argv);

static const char usage[] =
    "Usage: greenidx index --units FILE --meta FILE [options]\n"
    "       greenidx index --units FILE --spec FILE [options]\n"
    "       greenidx index [--data PATH] [--catalog PATH] [options]\n"
    "         (the default: the catalogue's indicators on the data, the embedded Telemark\n"
    "         data and the built-in catalogue unless given; pillars and directions\n"
    "         from the catalogue)\n"
    "\n"
    "Build a composite index (OECD/JRC Handbook 2008; COINr conventions) and print\n"
    "one row per unit: uCode, score, rank and one column per aggregate.\n"
    "\n"
    "Input:\n"
    "  --units FILE         unit-by-indicator table (COINr iData: uCode, uName, Time, ...)\n"
    "  --meta FILE          indicator metadata (COINr iMeta: Level,iCode,...,Parent,Type)\n"
    "  --spec FILE          JSON specification (hierarchy and options; see docs/composite.md)\n"
    "Method:\n"
    "  --denominate         divide indicators by their Denominator column\n"
    "  --impute M           none|mean|median|group-mean:COL|locf|linear\n"
    "  --screen MIN_AVAIL   drop units with a smaller share of indicators (0..1)\n"
    "  --treat T            none|winsorise:MAX (skew/kurtosis rule, then log)\n"
    "  --normalise N        minmax:LO,HI|zscore|rank|percentile|distance-to-best|goalposts\n"
    "  --weights W          user|equal|pca|bod[:MIN,MAX]\n"
    "  --aggregate A        amean|gmean|hmean|copeland\n"
    "  --min-avail X        share of a node's children needed for a score (0..1)\n"
    "  --year Y             compute one year (default: every year)\n"
    "Uncertainty:\n"
    "  --mc N               Monte Carlo with N replications: adds rank_p05, rank_median,\n"
    "                       rank_p95 (varies normalisation minmax/rank, aggregation\n"
    "                       amean/gmean on min-max [1,100], weights +-25 %, one indicator out)\n"
    "  --seed S             random seed (default 1)\n"
    "  --threads T          worker threads (results do not depend on T)\n"
    "Output:\n"
    "  --format F           table|csv|json|xlsx (default table); xlsx is the csv table\n"
    "                       as a workbook sheet \"index\" with numeric cells\n"
    "  -o, --output FILE    write to FILE instead of standard output\n";

const gidx_cli_command gidx_cli_cmd_index = {
    "index", "build a composite index, with Monte Carlo rank intervals", run, usage
};

static int run(int argc, char **argv)
{
    const gidx_cli_command *c = &gidx_cli_cmd_index;
    gidx_cli_index_src src;
    const char *format = "table", *outpath = NULL, *v;
    long mc = 0, seed = 1, threads = 1;
    int i, missing, err, ex = GIDX_EXIT_OK, xlsx;
    const char *types = "ttyn";
    gidx_dataset *ds = NULL;
    gidx_index_spec *sp = NULL;
    gidx_index_result *res = NULL;
    gidx_index_uncertainty_result *unc = NULL;
    gidx_status rc;
    char *text = NULL;
    size_t len = 0, cap = 0;
    FILE *f = NULL;

    memset(&src, 0, sizeof src);
    for (i = 1; i < argc; i++) {
        if (gidx_cli_index_option(c, &src, argc, argv, &i, &err)) {
            if (err)
                return err;
            continue;
        }
        if (gidx_cli_opt(argc, argv, &i, "--format", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--format needs a value");
            format = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--output", 1, &v, &missing) ||
                   gidx_cli_opt(argc, argv, &i, "-o", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--output needs a value");
            outpath = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--mc", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &mc) != 0 || mc < 1)
                return gidx_cli_usage_error(c, "--mc needs a positive number of replications");
        } else if (gidx_cli_opt(argc, argv, &i, "--seed", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &seed) != 0 || seed < 0)
                return gidx_cli_usage_error(c, "--seed needs a non-negative integer");
        } else if (gidx_cli_opt(argc, argv, &i, "--threads", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &threads) != 0 || threads < 1 || threads > 256)
                return gidx_cli_usage_error(c, "--threads needs an integer in 1..256");
        } else {
            return gidx_cli_usage_error(c, "unknown option %s", argv[i]);
        }
    }
    if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "xlsx") != 0)
        return gidx_cli_usage_error(c, "--format must be table, csv, json or xlsx, not %s", format);
    /* xlsx: the CSV table, as one typed workbook sheet (gidx_workbook_add_csv) */
    xlsx = strcmp(format, "xlsx") == 0;
    if (xlsx)
        format = "csv";
    if ((ex = gidx_cli_index_load(c, &src, &ds, &sp)) != GIDX_EXIT_OK)
        return ex;
    if ((rc = gidx_index_compute(&res, sp, ds)) != GIDX_OK) {
        ex = gidx_cli_fail(c->name, rc);
        goto done;
    }
    if (mc > 0) {
        gidx_uncertainty_options uo = GIDX_UNCERTAINTY_OPTIONS_INIT;
        gidx_index_options o = *gidx_index_spec_options(sp);
        static const int norms[2] = {GIDX_NORM_MINMAX, GIDX_NORM_RANK};
        static const int aggs[2] = {GIDX_AGG_AMEAN, GIDX_AGG_GMEAN};
        gidx_index_spec *mcsp = sp;
        uo.n = (size_t)mc;
        uo.seed = (unsigned long)seed;
        uo.threads = (unsigned)threads;
        uo.normalise_alts = norms;
        uo.n_normalise_alts = 2;
        uo.aggregate_alts = aggs;
        uo.n_aggregate_alts = 2;
        uo.weight_noise = 0.25;
        uo.exclude_one = 1;
        if (o.normalise == GIDX_NORM_MINMAX && o.norm_lo <= 0.0) {
            /* geometric means need positive values: the uncertainty run uses min-max to [1, hi] */
            o.norm_lo = 1.0;
            if ((rc = gidx_index_spec_set_options(sp, &o)) != GIDX_OK) {
                ex = gidx_cli_fail(c->name, rc);
                goto done;
            }
        }
        rc = gidx_index_uncertainty(&unc, mcsp, ds, &uo);
        if (rc != GIDX_OK) {
            ex = gidx_cli_fail(c->name, rc);
            goto done;
        }
        if (gidx_index_result_nyears(res) > 1)
            fprintf(stderr, "greenidx index: rank intervals are for the first year, %d\n",
                    gidx_index_result_year(res, 0));
    }
    f = open_memstream(&text, &cap);
    if (f == NULL) {
        ex = GIDX_EXIT_INTERNAL;
        goto done;
    }
    if (strcmp(format, "json") == 0) {
        size_t need = 0;
        char *buf;
        gidx_index_result_json(NULL, 0, &need, res, unc);
        buf = malloc(need ? need : 1);
        if (buf == NULL || (rc = gidx_index_result_json(buf, need, NULL, res, unc)) != GIDX_OK) {
            free(buf);
            ex = buf ? gidx_cli_fail(c->name, rc) : GIDX_EXIT_INTERNAL;
            goto done;
        }
        fputs(buf, f);
        fputc('\n', f);
        free(buf);
    } else if (src.meta == NULL) {
        /* the region layout of `greenidx index --spec`: feeds `greenidx report` */
        size_t U = gidx_index_result_nunits(res), T = gidx_index_result_nyears(res), t, u, j;
        double *sc = malloc(2 * U * sizeof *sc), *q = malloc(3 * U * sizeof *q);
        int csv = strcmp(format, "csv") == 0;
        if (!sc || !q) {
            free(sc);
            free(q);
            ex = GIDX_EXIT_INTERNAL;
            goto done;
        }
        if (unc)
            gidx_index_uncertainty_ranks(NULL, q + U, q, q + 2 * U, U, unc);
        fputs(csv ? "region_code,region_name,year,score,rank,rank_p05,rank_median,rank_p95\n"
                  : "region_code  region_name           year     score   rank   p05  median    p95\n", f);
        for (t = 0; t < T; t++) {
            int year = gidx_index_result_year(res, t);
            gidx_index_result_scores(sc, U, res, NULL, year);
            gidx_index_result_ranks(sc + U, U, res, NULL, year);
            for (u = 0; u < U; u++) {
                const char *name = gidx_index_result_unit_name(res, u);
                if (csv) {
                    gidx_cli_csv_field(f, gidx_index_result_unit(res, u));
                    fputc(',', f);
                    gidx_cli_csv_field(f, name);
                    fprintf(f, ",%d,", year);
                } else {
                    fprintf(f, "%-12s %-20.20s %5d ", gidx_cli_safe(gidx_index_result_unit(res, u)),
                            gidx_cli_safe(name), year);
                }
                put_num(f, sc[u], csv ? 0 : 9, csv ? 6 : 3);
                fputs(csv ? "," : " ", f);
                put_num(f, sc[U + u], csv ? 0 : 6, 0);
                for (j = 0; j < 3; j++) {
                    fputs(csv ? "," : " ", f);
                    put_num(f, unc && t == 0 ? q[j * U + u] : NAN, csv ? 0 : 6, csv ? 2 : 1);
                }
                fputc('\n', f);
            }
        }
        free(sc);
        free(q);
    } else {
        /* the COINr layout of `greenidx index --units --meta` */
        size_t U = gidx_index_result_nunits(res), T = gidx_index_result_nyears(res);
        size_t NA = gidx_index_result_naggregates(res), t, u, j, q;
        double *sc = malloc((NA + 1) * U * sizeof *sc), *rk = malloc(U * sizeof *rk);
        double *p05 = malloc(3 * U * sizeof *p05);
        size_t *ord = malloc(U * sizeof *ord);
        int csv = strcmp(format, "csv") == 0, incl_time = T > 1;
        if (!sc || !rk || !p05 || !ord) {
            free(sc); free(rk); free(p05); free(ord);
            ex = GIDX_EXIT_INTERNAL;
            goto done;
        }
        if (unc)
            gidx_index_uncertainty_ranks(NULL, p05 + U, p05, p05 + 2 * U, U, unc);
        fputs(csv ? "uCode" : "uCode   ", f);
        if (incl_time)
            fputs(csv ? ",Time" : "  Time", f);
        fputs(csv ? ",score,rank" : "     score   rank", f);
        if (unc)
            fputs(csv ? ",rank_p05,rank_median,rank_p95" : "   p05  median    p95", f);
        types = incl_time ? "tyn" : "tn";
        for (j = 1; j < NA; j++) {
            if (csv) {
                fputc(',', f);
                gidx_cli_csv_field(f, gidx_index_result_aggregate(res, j));
            } else {
                fprintf(f, " %10.10s", gidx_index_result_aggregate(res, j));
            }
        }
        fputc('\n', f);
        for (t = 0; t < T; t++) {
            int year = gidx_index_result_year(res, t);
            for (j = 0; j < NA; j++)
                gidx_index_result_scores(sc + j * U, U, res, gidx_index_result_aggregate(res, j), year);
            gidx_index_result_ranks(rk, U, res, NULL, year);
            /* rows by rank, unranked last, ties in unit order */
            for (u = 0; u < U; u++)
                ord[u] = u;
            for (u = 1; u < U; u++) {
                size_t x = ord[u];
                double kx = isnan(rk[x]) ? INFINITY : rk[x];
                q = u;
                while (q > 0 && (isnan(rk[ord[q - 1]]) ? INFINITY : rk[ord[q - 1]]) > kx) {
                    ord[q] = ord[q - 1];
                    q--;
                }
                ord[q] = x;
            }
            for (q = 0; q < U; q++) {
                u = ord[q];
                if (csv)
                    gidx_cli_csv_field(f, gidx_index_result_unit(res, u));
                else
                    fprintf(f, "%-8s", gidx_index_result_unit(res, u));
                if (incl_time)
                    fprintf(f, csv ? ",%d" : "  %4d", year);
                fputs(csv ? "," : " ", f);
                put_num(f, sc[u], csv ? 0 : 9, csv ? 6 : 3);
                fputs(csv ? "," : " ", f);
                put_num(f, rk[u], csv ? 0 : 6, 0);
                if (unc) {
                    for (j = 0; j < 3; j++) {
                        fputs(csv ? "," : " ", f);
                        put_num(f, t == 0 ? p05[j * U + u] : NAN, csv ? 0 : 6, csv ? 2 : 1);
                    }
                }
                for (j = 1; j < NA; j++) {
                    fputs(csv ? "," : " ", f);
                    put_num(f, sc[j * U + u], csv ? 0 : 10, csv ? 6 : 3);
                }
                fputc('\n', f);
            }
        }
        free(sc); free(rk); free(p05); free(ord);
    }
    fclose(f);
    f = NULL;
    if (xlsx)
        ex = gidx_cli_emit_csv_as_xlsx(c->name, outpath, "index", text, strlen(text), types, NULL);
    else
        ex = gidx_cli_emit(c->name, outpath, text, strlen(text));
done:
    if (f)
        fclose(f);
    free(text);
    (void)len;
    gidx_index_uncertainty_free(unc);
    gidx_index_result_free(res);
    gidx_index_spec_free(sp);
    gidx_dataset_free(ds);
    return ex;
}
