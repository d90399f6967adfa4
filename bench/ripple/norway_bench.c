/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Benchmark on SSB's input-output tables for Norway (issue 16), the C side
 * of bench/ripple/norway.sh:
 *  1. one 62-sector multiplier table (gidx_io_model_multiplier_table, type
 *     I and type II: output, employment, value added, labour income, GHG):
 *     best and median of 200 calls on the 2021 model;
 *  2. the batch: every industry x every year 2012-2021, a shock of NOK 100
 *     million, type II with its direct, indirect and induced parts of all
 *     satellites: per year the type II output multipliers and the 62 shocks
 *     as the rows of one gidx_io_shock_path (one factorisation of the open
 *     and one of the closed model), timed with the models' loading apart.
 * Prints one JSON object on stdout with the timings and the results the
 * numpy side recomputes (type II output multipliers and, per year and
 * industry, the total output, employment and GHG of the shock). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <greenidx/greenidx.h>

#define N 62
#define REPS 200

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, gidx_error_last()->message);
    exit(1);
}

int main(void)
{
    static double tab[GIDX_IO_NQUANTITIES * N], t1[REPS], t2[REPS];
    gidx_io_model *m = NULL;
    double load = 0, shock = 0, t;
    int y, r, first = 1;
    size_t j;
    if (gidx_io_model_norway(&m, 2021) != GIDX_OK)
        die("norway 2021");
    for (r = 0; r < REPS; r++) {
        t = now();
        if (gidx_io_model_multiplier_table(tab, sizeof tab / sizeof tab[0], m, 1) != GIDX_OK)
            die("table I");
        t1[r] = now() - t;
        t = now();
        if (gidx_io_model_multiplier_table(tab, sizeof tab / sizeof tab[0], m, 2) != GIDX_OK)
            die("table II");
        t2[r] = now() - t;
    }
    gidx_io_model_free(m);
    qsort(t1, REPS, sizeof *t1, cmp);
    qsort(t2, REPS, sizeof *t2, cmp);
    printf("{\"table_type1_ms\": {\"best\": %.6f, \"median\": %.6f},\n", 1e3 * t1[0], 1e3 * t1[REPS / 2]);
    printf(" \"table_type2_ms\": {\"best\": %.6f, \"median\": %.6f},\n", 1e3 * t2[0], 1e3 * t2[REPS / 2]);
    printf(" \"batch\": [");
    for (y = gidx_io_norway_first_year(); y <= gidx_io_norway_last_year(); y++) {
        gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
        double mult[N];
        t = now();
        if (gidx_io_model_norway(&m, y) != GIDX_OK)
            die("norway");
        load += now() - t;
        o.type = 2;
        o.multipliers = 0;
        t = now();
        if (gidx_io_model_multipliers(mult, N, m, GIDX_IO_OUTPUT, 2) != GIDX_OK)
            die("multipliers");
        /* the 62 shocks as the 62 rows of one path: one factorisation each
         * for type I and type II (gidx_io_shock_path) */
        {
            static double df[N * N], tot[3][N];
            gidx_io_result *res = NULL;
            for (j = 0; j < N * N; j++)
                df[j] = 0;
            for (j = 0; j < N; j++)
                df[j * N + j] = 100.0;
            if (gidx_io_shock_path(&res, m, df, N, N, &o) != GIDX_OK ||
                gidx_io_result_path(tot[0], N, res, GIDX_IO_OUTPUT, GIDX_IO_TOTAL) != GIDX_OK ||
                gidx_io_result_path(tot[1], N, res, GIDX_IO_EMPLOYMENT, GIDX_IO_TOTAL) != GIDX_OK ||
                gidx_io_result_path(tot[2], N, res, GIDX_IO_EMISSIONS, GIDX_IO_TOTAL) != GIDX_OK)
                die("shock");
            gidx_io_result_free(res);
            shock += now() - t;
            for (j = 0; j < N; j++) {
                printf("%s\n  {\"year\": %d, \"sector\": \"%s\", \"mult2\": %.17g, \"output\": %.17g, "
                       "\"employment\": %.17g, \"ghg\": %.17g}", first ? "" : ",", y,
                       gidx_io_model_sector(m, j), mult[j], tot[0][j], tot[1][j], tot[2][j]);
                first = 0;
            }
        }
        gidx_io_model_free(m);
    }
    printf("],\n \"batch_load_s\": %.6f, \"batch_compute_s\": %.6f}\n", load, shock);
    return 0;
}
