/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C side of bench/bindings/forecast_overhead.py: forecast every series
 * of a panel h years ahead (80 % and 95 % intervals, default
 * options, one thread), once as one gidx_fc_batch_run() call and once as one
 * gidx_model_new/fit/forecast/free sequence per series, and print the best
 * CPU and wall seconds of each over `reps` repetitions. The forecasts of the
 * last repetition are written to OUT (mean, lo80, lo95, hi80, hi95 of every
 * series and horizon, %.17g) so the Python side can check that every way of
 * calling gives the same numbers.
 *
 * Input (written by the Python side, so no CSV parsing is timed):
 *   line 1: NSERIES NOBS
 *   then NSERIES + 1 start offsets, then NOBS lines "year value".
 * Output on stdout: "batch CPU WALL" and "loop CPU WALL" (seconds).
 *
 * Usage: forecast_overhead INPUT H REPS OUT [METHOD]
 * (METHOD a name of gidx_fc_method_parse(), default auto)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <greenidx/greenidx.h>

static double seconds(clockid_t clk)
{
    struct timespec t;
    clock_gettime(clk, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv)
{
    static const double levels[2] = { 80.0, 95.0 };
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    size_t ns, nobs, h, reps, s, r, i, *start;
    int *years;
    double *y, *out, best[2][2] = { { 1e300, 1e300 }, { 1e300, 1e300 } };
    FILE *f;
    if (argc != 5 && argc != 6)
        return 2;
    if (argc == 6 && gidx_fc_method_parse(&o.method, argv[5]) != GIDX_OK) {
        fprintf(stderr, "%s\n", gidx_error_last()->message);
        return 2;
    }
    h = (size_t)strtoul(argv[2], NULL, 10);
    reps = (size_t)strtoul(argv[3], NULL, 10);
    f = fopen(argv[1], "r");
    if (f == NULL || fscanf(f, "%zu %zu", &ns, &nobs) != 2 || ns == 0 || h == 0)
        return 1;
    start = malloc((ns + 1) * sizeof *start);
    years = malloc(nobs * sizeof *years);
    y = malloc(nobs * sizeof *y);
    out = malloc(ns * h * 5 * sizeof *out);
    if (start == NULL || years == NULL || y == NULL || out == NULL)
        return 1;
    for (s = 0; s <= ns; s++)
        if (fscanf(f, "%zu", &start[s]) != 1)
            return 1;
    for (i = 0; i < nobs; i++)
        if (fscanf(f, "%d %lf", &years[i], &y[i]) != 2)
            return 1;
    fclose(f);

    for (r = 0; r < reps; r++) {
        /* one batch call, then every series' forecasts copied out */
        double c0 = seconds(CLOCK_PROCESS_CPUTIME_ID), w0 = seconds(CLOCK_MONOTONIC), c1, w1;
        gidx_fc_batch *b = NULL;
        if (gidx_fc_batch_run(&b, &o, years, y, start, ns, h, levels, 2, 1) != GIDX_OK) {
            fprintf(stderr, "batch: %s\n", gidx_error_last()->message);
            return 1;
        }
        for (s = 0; s < ns; s++) {
            double *m = out + s * h * 5;
            if (gidx_fc_batch_forecast(m, m + h, m + 3 * h, 2 * h, b, s) != GIDX_OK) {
                fprintf(stderr, "series %zu: %s\n", s, gidx_fc_batch_message(b, s));
                return 1;
            }
        }
        gidx_fc_batch_free(b);
        c1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        w1 = seconds(CLOCK_MONOTONIC);
        if (c1 - c0 < best[0][0]) best[0][0] = c1 - c0;
        if (w1 - w0 < best[0][1]) best[0][1] = w1 - w0;

        /* one model per series */
        c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        w0 = seconds(CLOCK_MONOTONIC);
        for (s = 0; s < ns; s++) {
            gidx_model *m = NULL;
            double *v = out + s * h * 5;
            if (gidx_model_new(&m, &o) != GIDX_OK ||
                gidx_model_fit(m, years + start[s], y + start[s], start[s + 1] - start[s]) != GIDX_OK ||
                gidx_model_forecast(v, v + h, v + 3 * h, 2 * h, m, h, levels, 2) != GIDX_OK) {
                fprintf(stderr, "series %zu: %s\n", s, gidx_error_last()->message);
                return 1;
            }
            gidx_model_free(m);
        }
        c1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        w1 = seconds(CLOCK_MONOTONIC);
        if (c1 - c0 < best[1][0]) best[1][0] = c1 - c0;
        if (w1 - w0 < best[1][1]) best[1][1] = w1 - w0;
    }
    f = fopen(argv[4], "w");
    if (f == NULL)
        return 1;
    for (i = 0; i < ns * h * 5; i++)
        fprintf(f, "%.17g\n", out[i]);
    if (fclose(f) != 0)
        return 1;
    printf("batch %.6f %.6f\nloop %.6f %.6f\n", best[0][0], best[0][1], best[1][0], best[1][1]);
    return 0;
}
