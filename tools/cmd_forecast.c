/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * greenidx forecast: forecast every series of a long CSV file
 * (id, time, value columns) with the library's batch forecaster, or with
 * --holdout H evaluate the forecasts of the last H points of each series
 * (sMAPE, MASE and coverage computed by gidx_fc_accuracy()).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CMD "forecast"

extern const gidx_cli_command gidx_cli_cmd_forecast;

static const char usage[] =
"Usage: greenidx forecast --input FILE [--id-col series_id] [--time-col timestamp]\n"
"                         [--value-col value] --horizon H [--level 80,95]\n"
"                         [--method auto|ets|arima|theta|drift|naive|...] [--holdout H]\n"
"                         [--format csv|json|xlsx] [--output FILE] [--threads N]\n"
"                         [--no-calibrate] [--seed N] [--ets-errors additive|both]\n"
"\n"
"Forecast every series of a long CSV file (one row per series and year; quoted\n"
"fields allowed, other columns ignored). Years need not be consecutive: missing\n"
"years are real gaps. Methods: auto (best ETS, ARIMA and Theta by AICc and the\n"
"random walk, weighted by each series' rolling-origin errors; for fewer than 12\n"
"observations the random walk or the weighted median), naive, drift, trend,\n"
"logtrend, ets, ANN, AAN, AAdN, MNN, MAN,\n"
"MAdN, arima, theta, otheta, thetas. Intervals are calibrated by each series'\n"
"rolling-origin errors unless --no-calibrate. The automatic ETS choice uses\n"
"additive-error models unless --ets-errors both (as R's ets()).\n"
"\n"
"Output (csv): series_id,timestamp,mean,lo80,hi80,lo95,hi95 (one lo/hi pair per\n"
"level). Levels are in percent (80,95); fractions in (0, 1) (0.8,0.95) are read\n"
"as that share of 100, anything else is refused. With --holdout H the last H points of each series are held out and\n"
"forecast (the horizon is H); the output is one row per series\n"
"series_id,model,smape,mase,cov<level>... and a final row ALL with the means.\n"
"xlsx: the csv table as a workbook sheet \"forecast\" (\"accuracy\" with --holdout),\n"
"years as integers and numbers as numbers. Text fields that look like formulas\n"
"get a leading ' in csv and xlsx (docs/reliability.md).\n"
"Series that fail are reported on stderr and skipped; the exit status is then 3.\n";

typedef struct {
    char *id;
    size_t *rows;
    size_t n, cap;
} series_t;

typedef struct {
    const char *id;
    size_t row;
} id_row;

static int cmp_id_row(const void *a, const void *b)
{
    const id_row *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/*
 * Series number of every row, the series numbered in order of first
 * appearance: one sort of (id, row) then one pass, O(n log n) for n rows (a
 * search of the series seen so far made 10^5 series take 263 s, issue 19).
 * @p snum gets nrows entries; returns 0, or -1 out of memory.
 */
static int number_series(size_t *snum, const gidx_table *t, size_t ji, size_t nrows)
{
    id_row *k = malloc((nrows ? nrows : 1) * sizeof *k);
    size_t *first = malloc((nrows ? nrows : 1) * sizeof *first), i, g, ns = 0;
    if (k == NULL || first == NULL) {
        free(k);
        free(first);
        return -1;
    }
    for (i = 0; i < nrows; i++) {
        k[i].id = gidx_table_cell(t, i, ji);
        k[i].row = i;
    }
    qsort(k, nrows, sizeof *k, cmp_id_row);
    /* snum[row] = the first row of its id, for now */
    for (i = 0; i < nrows; i = g) {
        for (g = i; g < nrows && strcmp(k[g].id, k[i].id) == 0; g++)
            snum[k[g].row] = k[i].row;
    }
    /* rows in order: a row that is its id's first row opens the next series */
    for (i = 0; i < nrows; i++) {
        if (snum[i] == i)
            first[i] = ns++;
        snum[i] = first[snum[i]];
    }
    free(k);
    free(first);
    return 0;
}

static int parse_levels(const char *s, double *lv, size_t *nl)
{
    char buf[256], *tok, *save = NULL;
    *nl = 0;
    if (strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        double v;
        /* the one convention (gidx_level_normalize): 80 and 0.8 are both 80 % */
        if (*nl >= 8 || gidx_cli_parse_double(tok, &v) != 0 ||
            gidx_level_normalize(&lv[*nl], v) != GIDX_OK)
            return -1;
        (*nl)++;
    }
    return *nl > 0 ? 0 : -1;
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_num(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    else
        fputs("null", f);
}

static int cmp_year(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (*x > *y) - (*x < *y);
}

static int run(int argc, char **argv)
{
    const char *input = NULL, *idc = "series_id", *tc = "timestamp", *vc = "value";
    const char *fmt = "csv", *output = NULL, *v;
    long horizon = 0, holdout = 0, threads = 1, seed = 42;
    double lv[8] = { 80, 95 };
    size_t nl = 2, i, j, s, nrows, nser = 0, capser = 0, total = 0;
    int method = GIDX_FC_AUTO, calibrate = 1, missing, rc = GIDX_EXIT_OK, nfail = 0, xlsx;
    gidx_table *t = NULL;
    size_t ji, jt, jv;
    series_t *ser = NULL;
    int *years = NULL, *yrs = NULL;
    double *vals = NULL, *y = NULL, *act = NULL;
    size_t *start = NULL, *snum = NULL;
    gidx_fc_batch *b = NULL;
    gidx_model_options opt = GIDX_MODEL_OPTIONS_INIT;
    gidx_status st;
    char *text = NULL;
    size_t tlen = 0;
    FILE *out = NULL;
    double sum_smape = 0, sum_mase = 0, sum_cov[8] = { 0 };
    size_t n_acc = 0, nwritten = 0;

    if (gidx_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return GIDX_EXIT_OK;
    }
    for (i = 1; i < (size_t)argc; i++) {
        int k = (int)i;
        if (gidx_cli_opt(argc, argv, &k, "--input", 1, &input, &missing) ||
            gidx_cli_opt(argc, argv, &k, "--id-col", 1, &idc, &missing) ||
            gidx_cli_opt(argc, argv, &k, "--time-col", 1, &tc, &missing) ||
            gidx_cli_opt(argc, argv, &k, "--value-col", 1, &vc, &missing) ||
            gidx_cli_opt(argc, argv, &k, "--format", 1, &fmt, &missing) ||
            gidx_cli_opt(argc, argv, &k, "--output", 1, &output, &missing)) {
            if (missing)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "%s needs a value", argv[i]);
        } else if (gidx_cli_opt(argc, argv, &k, "--horizon", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &horizon) != 0 || horizon < 1 || horizon > 1000)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--horizon needs an integer in 1..1000");
        } else if (gidx_cli_opt(argc, argv, &k, "--holdout", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &holdout) != 0 || holdout < 1 || holdout > 1000)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--holdout needs an integer in 1..1000");
        } else if (gidx_cli_opt(argc, argv, &k, "--threads", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &threads) != 0 || threads < 1 || threads > 64)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--threads needs an integer in 1..64");
        } else if (gidx_cli_opt(argc, argv, &k, "--seed", 1, &v, &missing)) {
            if (missing || gidx_cli_parse_int(v, &seed) != 0 || seed < 0)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--seed needs a non-negative integer");
        } else if (gidx_cli_opt(argc, argv, &k, "--level", 1, &v, &missing)) {
            if (missing || parse_levels(v, lv, &nl) != 0)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast,
                                            "--level needs up to 8 comma-separated levels in percent "
                                            "(80,95) or fractions in (0, 1) (0.8,0.95); got '%s'",
                                            missing ? "" : v);
        } else if (gidx_cli_opt(argc, argv, &k, "--method", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--method needs a value");
            if (gidx_fc_method_parse(&method, v) != GIDX_OK)
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "%s", gidx_error_last()->message);
        } else if (gidx_cli_opt(argc, argv, &k, "--ets-errors", 1, &v, &missing)) {
            if (missing || (strcmp(v, "additive") != 0 && strcmp(v, "both") != 0))
                return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--ets-errors must be additive or both");
            opt.ets_errors = strcmp(v, "both") == 0;
        } else if (gidx_cli_opt(argc, argv, &k, "--no-calibrate", 0, &v, &missing)) {
            calibrate = 0;
        } else
            return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "unknown argument '%s'", argv[i]);
        i = (size_t)k;
    }
    if (input == NULL)
        return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--input is required");
    if (horizon == 0 && holdout == 0)
        return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--horizon (or --holdout) is required");
    if (holdout > 0)
        horizon = holdout;
    if (strcmp(fmt, "csv") != 0 && strcmp(fmt, "json") != 0 && strcmp(fmt, "xlsx") != 0)
        return gidx_cli_usage_error(&gidx_cli_cmd_forecast, "--format must be csv, json or xlsx");
    /* xlsx: the CSV table as one typed workbook sheet (gidx_workbook_add_csv) */
    xlsx = strcmp(fmt, "xlsx") == 0;
    if (xlsx)
        fmt = "csv";
    opt.method = method;
    opt.calibrate = calibrate;
    opt.seed = (unsigned long)seed;

    if ((st = gidx_table_read_csv(&t, input, NULL)) != GIDX_OK)
        return gidx_cli_fail(CMD, st);
    if ((st = gidx_table_find_column(&ji, t, idc)) != GIDX_OK ||
        (st = gidx_table_find_column(&jt, t, tc)) != GIDX_OK ||
        (st = gidx_table_find_column(&jv, t, vc)) != GIDX_OK) {
        rc = gidx_cli_fail(CMD, st);
        goto done;
    }
    nrows = gidx_table_nrows(t);
    if (nrows == 0) {
        fprintf(stderr, "greenidx forecast: %s: no data rows after the header: nothing to forecast\n",
                gidx_table_name(t));
        rc = GIDX_EXIT_DATA;
        goto done;
    }
    years = malloc((nrows + 1) * sizeof *years);
    vals = malloc((nrows + 1) * sizeof *vals);
    snum = malloc((nrows + 1) * sizeof *snum);
    if (years == NULL || vals == NULL || snum == NULL || number_series(snum, t, ji, nrows) != 0)
        goto nomem;
    for (i = 0; i < nrows; i++) {
        const char *id = gidx_table_cell(t, i, ji);
        double yr;
        if ((st = gidx_table_cell_double(&yr, t, i, jt)) != GIDX_OK || isnan(yr) ||
            yr != floor(yr) || fabs(yr) > 1e6) {
            fprintf(stderr, "greenidx forecast: %s:%zu: column '%s' must hold whole years\n",
                    gidx_table_name(t), gidx_table_line(t, i), tc);
            rc = GIDX_EXIT_DATA;
            goto done;
        }
        years[i] = (int)yr;
        if ((st = gidx_table_cell_double(&vals[i], t, i, jv)) != GIDX_OK) {
            rc = gidx_cli_fail(CMD, st);
            goto done;
        }
        /* series in order of first appearance (number_series) */
        s = snum[i];
        if (s == nser) {
            if (nser == capser) {
                series_t *ns = realloc(ser, (capser ? 2 * capser : 64) * sizeof *ser);
                if (ns == NULL)
                    goto nomem;
                ser = ns;
                capser = capser ? 2 * capser : 64;
            }
            memset(&ser[nser], 0, sizeof ser[nser]);
            ser[nser].id = strdup(id);
            if (ser[nser].id == NULL)
                goto nomem;
            nser++;
        }
        if (ser[s].n == ser[s].cap) {
            size_t *nr = realloc(ser[s].rows, (ser[s].cap ? 2 * ser[s].cap : 32) * sizeof(size_t));
            if (nr == NULL)
                goto nomem;
            ser[s].rows = nr;
            ser[s].cap = ser[s].cap ? 2 * ser[s].cap : 32;
        }
        ser[s].rows[ser[s].n++] = i;
    }
    /* the batch arrays: each series sorted by year, minus the holdout */
    start = malloc((nser + 1) * sizeof *start);
    yrs = malloc((nrows + 1) * sizeof *yrs);
    y = malloc((nrows + 1) * sizeof *y);
    act = malloc(((size_t)horizon * (nser + 1)) * sizeof *act);
    if (start == NULL || yrs == NULL || y == NULL || act == NULL)
        goto nomem;
    start[0] = 0;
    for (s = 0; s < nser; s++) {
        int (*pairs)[2] = malloc(ser[s].n * sizeof *pairs);
        size_t keep = ser[s].n;
        if (pairs == NULL)
            goto nomem;
        for (j = 0; j < ser[s].n; j++) {
            pairs[j][0] = years[ser[s].rows[j]];
            pairs[j][1] = (int)j;
        }
        qsort(pairs, ser[s].n, sizeof *pairs, cmp_year);
        if (holdout > 0)
            keep = ser[s].n > (size_t)holdout ? ser[s].n - (size_t)holdout : 0;
        for (j = 0; j < ser[s].n; j++) {
            size_t r = ser[s].rows[pairs[j][1]];
            if (j < keep) {
                yrs[total] = years[r];
                y[total] = vals[r];
                total++;
            } else
                act[s * (size_t)horizon + (j - keep)] = vals[r];
        }
        for (j = ser[s].n - keep; j < (size_t)horizon; j++)
            act[s * (size_t)horizon + j] = NAN;
        free(pairs);
        start[s + 1] = total;
    }
    st = gidx_fc_batch_run(&b, &opt, yrs, y, start, nser, (size_t)horizon, lv, nl,
                           (unsigned)threads);
    if (st != GIDX_OK) {
        rc = gidx_cli_fail(CMD, st);
        goto done;
    }
    out = open_memstream(&text, &tlen);
    if (out == NULL)
        goto nomem;
    if (strcmp(fmt, "json") == 0)
        fputs(holdout ? "{\"holdout\":" : "{\"horizon\":", out), fprintf(out, "%ld,\"series\":[", horizon);
    else if (holdout) {
        fputs("series_id,model,smape,mase", out);
        for (j = 0; j < nl; j++)
            fprintf(out, ",cov%g", lv[j]);
        fputc('\n', out);
    } else {
        gidx_cli_csv_field(out, idc);
        fputc(',', out);
        gidx_cli_csv_field(out, tc);
        fputs(",mean", out);
        for (j = 0; j < nl; j++)
            fprintf(out, ",lo%g,hi%g", lv[j], lv[j]);
        fputc('\n', out);
    }
    for (s = 0; s < nser; s++) {
        size_t h = (size_t)horizon, k;
        double mean[1000], lo[8 * 1000], hi[8 * 1000];
        st = gidx_fc_batch_forecast(mean, lo, hi, 8 * 1000, b, s);
        if (st != GIDX_OK) {
            fprintf(stderr, "greenidx forecast: series %s: %s\n", gidx_cli_safe(ser[s].id),
                    gidx_cli_safe(gidx_fc_batch_message(b, s)));
            nfail++;
            continue;
        }
        if (holdout) {
            double sm, ms, cov[8];
            const double *ins = y + start[s];
            st = gidx_fc_accuracy(&sm, &ms, NULL, act + s * h, mean, NULL, NULL, h, ins,
                                  start[s + 1] - start[s]);
            for (j = 0; st == GIDX_OK && j < nl; j++)
                st = gidx_fc_accuracy(NULL, NULL, &cov[j], act + s * h, mean, lo + j * h,
                                      hi + j * h, h, NULL, 0);
            if (st != GIDX_OK) {
                fprintf(stderr, "greenidx forecast: series %s: %s\n", gidx_cli_safe(ser[s].id),
                        gidx_cli_safe(gidx_error_last()->message));
                nfail++;
                continue;
            }
            sum_smape += sm;
            sum_mase += ms;
            for (j = 0; j < nl; j++)
                sum_cov[j] += cov[j];
            n_acc++;
            if (fmt[0] == 'j') {
                fputs(n_acc > 1 ? "," : "", out);
                fputs("{\"id\":", out);
                json_str(out, ser[s].id);
                fputs(",\"model\":", out);
                json_str(out, gidx_fc_batch_model(b, s));
                fputs(",\"smape\":", out);
                json_num(out, sm);
                fputs(",\"mase\":", out);
                json_num(out, ms);
                for (j = 0; j < nl; j++) {
                    fprintf(out, ",\"cov%g\":", lv[j]);
                    json_num(out, cov[j]);
                }
                fputc('}', out);
            } else {
                gidx_cli_csv_field(out, ser[s].id);
                fputc(',', out);
                gidx_cli_csv_field(out, gidx_fc_batch_model(b, s));
                fprintf(out, ",%.6g,%.6g", sm, ms);
                for (j = 0; j < nl; j++)
                    fprintf(out, ",%.6g", cov[j]);
                fputc('\n', out);
            }
            continue;
        }
        if (fmt[0] == 'j') {
            if (nwritten++ > 0)
                fputc(',', out);
            fputs("{\"id\":", out);
            json_str(out, ser[s].id);
            fputs(",\"model\":", out);
            json_str(out, gidx_fc_batch_model(b, s));
            fputs(",\"message\":", out);
            json_str(out, gidx_fc_batch_message(b, s));
            fputs(",\"forecast\":[", out);
            for (k = 0; k < h; k++) {
                fprintf(out, "%s{\"%s\":%d,\"mean\":", k ? "," : "", tc,
                        gidx_fc_batch_last_year(b, s) + (int)k + 1);
                json_num(out, mean[k]);
                for (j = 0; j < nl; j++) {
                    fprintf(out, ",\"lo%g\":", lv[j]);
                    json_num(out, lo[j * h + k]);
                    fprintf(out, ",\"hi%g\":", lv[j]);
                    json_num(out, hi[j * h + k]);
                }
                fputc('}', out);
            }
            fputs("]}", out);
        } else
            for (k = 0; k < h; k++) {
                gidx_cli_csv_field(out, ser[s].id);
                fprintf(out, ",%d,%.10g", gidx_fc_batch_last_year(b, s) + (int)k + 1, mean[k]);
                for (j = 0; j < nl; j++)
                    fprintf(out, ",%.10g,%.10g", lo[j * h + k], hi[j * h + k]);
                fputc('\n', out);
            }
    }
    if (holdout && n_acc > 0) {
        if (fmt[0] == 'j') {
            fprintf(out, "],\"n\":%zu,\"failed\":%d,\"smape\":", n_acc, nfail);
            json_num(out, sum_smape / (double)n_acc);
            fputs(",\"mase\":", out);
            json_num(out, sum_mase / (double)n_acc);
            for (j = 0; j < nl; j++) {
                fprintf(out, ",\"cov%g\":", lv[j]);
                json_num(out, sum_cov[j] / (double)n_acc);
            }
            fputs("}\n", out);
        } else {
            fprintf(out, "ALL,\"%s\",%.6g,%.6g", gidx_fc_method_name(method),
                    sum_smape / (double)n_acc, sum_mase / (double)n_acc);
            for (j = 0; j < nl; j++)
                fprintf(out, ",%.6g", sum_cov[j] / (double)n_acc);
            fputc('\n', out);
        }
    } else if (fmt[0] == 'j')
        fprintf(out, "]%s}\n", holdout ? ",\"n\":0" : "");
    fclose(out);
    out = NULL;
    if (xlsx)
        rc = gidx_cli_emit_csv_as_xlsx(CMD, output, holdout ? "accuracy" : "forecast", text, tlen,
                                       holdout ? "ttn" : "tyn", NULL);
    else
        rc = gidx_cli_emit(CMD, output, text, tlen);
    if (rc == GIDX_EXIT_OK && nfail > 0)
        rc = GIDX_EXIT_NUMERIC;
    goto done;
nomem:
    fprintf(stderr, "greenidx forecast: out of memory\n");
    rc = GIDX_EXIT_INTERNAL;
done:
    if (out)
        fclose(out);
    free(text);
    gidx_fc_batch_free(b);
    for (s = 0; s < nser; s++) {
        free(ser[s].id);
        free(ser[s].rows);
    }
    free(ser);
    free(snum);
    free(years);
    free(vals);
    free(yrs);
    free(y);
    free(act);
    free(start);
    gidx_table_free(t);
    return rc;
}

const gidx_cli_command gidx_cli_cmd_forecast = {
    "forecast", "forecast indicator series (ETS, ARIMA, Theta, combinations) with calibrated intervals",
    run, usage
};
