/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Scaling benchmark (issue 10, "no quadratic blow-ups"): build a long CSV of
 * S series x 30 years (S/4 regions x 4 variables) in memory, load it with the
 * long-CSV loader and compute a small catalogue of 4 indicators with
 * gidx_panel_new(). Prints one line per size with the wall-clock seconds of
 * each step and the ratio to the previous size (2.0 = linear when the size
 * doubles). Usage: scaling [MAX_SERIES] (default 100000; sizes MAX/8, MAX/4,
 * MAX/2, MAX). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <greenidx/greenidx.h>

#define NYEARS 30

static const char catalog_json[] =
    "{\"format\":\"greenidx-catalog\",\"version\":1,\"name\":\"bench\","
    "\"variables\":[{\"name\":\"population\"},{\"name\":\"ghg\"},{\"name\":\"gdp\"},{\"name\":\"jobs\"}],"
    "\"indicators\":["
    "{\"id\":\"ghg_per_capita\",\"formula\":\"ghg / population\"},"
    "{\"id\":\"gdp_per_capita\",\"formula\":\"gdp / population\"},"
    "{\"id\":\"jobs_share\",\"formula\":\"100 * jobs / population\"},"
    "{\"id\":\"ghg_intensity\",\"formula\":\"ghg / gdp\"}]}";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static char *make_csv(size_t nregions, size_t *len)
{
    static const char *vars[4] = { "population", "ghg", "gdp", "jobs" };
    size_t cap = 64 + nregions * 4 * NYEARS * 48, n = 0, r, v;
    char *s = malloc(cap);
    int y;
    if (!s)
        return NULL;
    n += (size_t)sprintf(s, "region,year,variable,value\n");
    for (r = 0; r < nregions; r++)
        for (v = 0; v < 4; v++)
            for (y = 0; y < NYEARS; y++)
                n += (size_t)sprintf(s + n, "R%07zu,%d,%s,%.6g\n", r, 1995 + y, vars[v],
                                     1000.0 + (double)((r * 7919 + v * 104729 + (size_t)y * 31) % 100000));
    *len = n;
    return s;
}

int main(int argc, char **argv)
{
    size_t maxs = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000, k;
    double prev_load = 0, prev_panel = 0;
    gidx_catalog *cat = NULL;
    if (gidx_catalog_parse_json(&cat, catalog_json, strlen(catalog_json), "bench") != GIDX_OK) {
        fprintf(stderr, "catalogue: %s\n", gidx_error_last()->message);
        return 1;
    }
    printf("%10s %10s %12s %10s %10s %10s %10s\n", "series", "rows", "csv_MB", "load_s",
           "load_ratio", "panel_s", "panel_ratio");
    for (k = 8; k >= 1; k /= 2) {
        size_t series = maxs / k, len = 0;
        char *csv = make_csv(series / 4, &len);
        gidx_dataset *ds = NULL;
        gidx_panel *p = NULL;
        double t0, t1, t2;
        if (!csv)
            return 1;
        t0 = now();
        if (gidx_dataset_parse_csv(&ds, csv, len, "bench.csv", NULL) != GIDX_OK) {
            fprintf(stderr, "load: %s\n", gidx_error_last()->message);
            return 1;
        }
        t1 = now();
        if (gidx_panel_new(&p, cat, ds) != GIDX_OK) {
            fprintf(stderr, "panel: %s\n", gidx_error_last()->message);
            return 1;
        }
        t2 = now();
        printf("%10zu %10zu %12.1f %10.3f %10.2f %10.3f %10.2f\n", series, series * NYEARS,
               (double)len / 1e6, t1 - t0, prev_load > 0 ? (t1 - t0) / prev_load : 0.0,
               t2 - t1, prev_panel > 0 ? (t2 - t1) / prev_panel : 0.0);
        fflush(stdout);
        prev_load = t1 - t0;
        prev_panel = t2 - t1;
        gidx_panel_free(p);
        gidx_dataset_free(ds);
        free(csv);
        if (k == 1)
            break;
    }
    gidx_catalog_free(cat);
    return 0;
}
