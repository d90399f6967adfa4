/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Thread safety: 8 threads at once work on shared read-only inputs (const
 * handles: a dataset, a table, the catalogue, the Telemark data, an effect
 * panel) with their own mutable handles -- indicator panels, composite
 * indices, forecasting models, effect estimates, LMDI decompositions,
 * reports -- and every result
 * must equal the serial run bit for bit. Errors raised in one thread must stay in
 * that thread's error slot. Run under ThreadSanitizer by .ci/test.
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

#define NTHREADS 8
#define NREG 40
#define NYEAR 15

static gidx_dataset *shared_ds;
static gidx_table *shared_tab;
/* The shared read-only inputs of the capabilities: the built-in catalogue,
 * the embedded Telemark data and the Grunfeld panel. */
static gidx_catalog *shared_cat;
static gidx_dataset *shared_telemark;
static gidx_effect_panel *shared_grunfeld;

/* Index scores, a forecast and an estimate computed from the shared inputs
 * with this thread's own mutable handles; their sum, or NaN on failure. */
static double capabilities(void)
{
    gidx_panel *panel = NULL;
    gidx_dataset *sub = NULL;
    gidx_index_spec *spec = NULL;
    gidx_index_result *res = NULL;
    gidx_model *m = NULL;
    gidx_model_options mo = GIDX_MODEL_OPTIONS_INIT;
    gidx_effect_result *er = NULL;
    gidx_effect_options eo = GIDX_EFFECT_OPTIONS_INIT;
    double sum = NAN, scores[64], y[64], mean[6], lo[12], hi[12], est;
    const double levels[2] = { 80, 95 };
    int years[64];
    size_t n = 0, k, ny;
    if (gidx_panel_new(&panel, shared_cat, shared_telemark) != GIDX_OK ||
        gidx_index_from_catalog(&sub, &spec, NULL, gidx_panel_dataset(panel), shared_cat, 2023) != GIDX_OK ||
        gidx_index_compute(&res, spec, sub) != GIDX_OK ||
        gidx_index_result_scores(scores, 64, res, NULL, 2023) != GIDX_OK)
        goto done;
    sum = 0;
    for (k = 0; k < gidx_index_result_nunits(res); k++)
        sum += scores[k];
    ny = gidx_dataset_nyears(gidx_panel_dataset(panel));
    for (k = 0; k < ny && n < 64; k++) {
        double v;
        int yr = gidx_dataset_year(gidx_panel_dataset(panel), k);
        gidx_dataset_get(&v, NULL, gidx_panel_dataset(panel), "4003", yr, "ghg_total");
        if (isfinite(v)) {
            years[n] = yr;
            y[n++] = v;
        }
    }
    if (gidx_model_new(&m, &mo) != GIDX_OK || gidx_model_fit(m, years, y, n) != GIDX_OK ||
        gidx_model_forecast(mean, lo, hi, 12, m, 6, levels, 2) != GIDX_OK) {
        sum = NAN;
        goto done;
    }
    sum += mean[5] + lo[5] + hi[11];
    eo.method = GIDX_EFFECT_FE;
    eo.outcome = "inv";
    eo.covariates = "value,capital";
    if (gidx_effect_estimate(&er, shared_grunfeld, &eo) != GIDX_OK ||
        gidx_effect_result_summary(&est, NULL, NULL, NULL, NULL, er) != GIDX_OK) {
        sum = NAN;
        goto done;
    }
    sum += est;
    {   /* drivers: a chained LMDI decomposition of every Telemark region */
        gidx_decomposition *dec = NULL;
        gidx_decompose_options dopt = GIDX_DECOMPOSE_OPTIONS_INIT;
        double eff[5];
        dopt.chained = 1;
        if (gidx_decompose(&dec, shared_telemark, &dopt) != GIDX_OK) {
            sum = NAN;
            goto done;
        }
        for (k = 0; k < gidx_decomposition_nperiods(dec); k++)
            if (gidx_decomposition_period_effects(eff, 5, dec, k) == GIDX_OK)
                sum += eff[0] + 2 * eff[1] + 3 * eff[2] + 4 * eff[3];
        gidx_decomposition_free(dec);
    }
done:
    gidx_effect_result_free(er);
    gidx_model_free(m);
    gidx_index_result_free(res);
    gidx_index_spec_free(spec);
    gidx_dataset_free(sub);
    gidx_panel_free(panel);
    return sum;
}

typedef struct job {
    int id;
    double checksum;
    char *html;
    int error_ok;
} job;

/* Work a thread does with the shared const handles and its own mutable ones. */
static void work(job *j)
{
    double series[NYEAR], x[3], sum = 0;
    double A[9] = { 4, 1, 0, 1, 3, 1, 0, 1, 2 }, b[3];
    char region[16];
    size_t r, k, n = gidx_dataset_nyears(shared_ds);
    gidx_report *rep = NULL;
    double col[NREG * NYEAR];
    for (r = 0; r < NREG; r++) {
        snprintf(region, sizeof region, "r%02zu", r);
        if (gidx_dataset_series(series, NULL, NYEAR, shared_ds, region, "x") != GIDX_OK)
            return;
        for (k = 0; k < n; k++)
            sum += series[k] * (double)(k + 1);
    }
    if (gidx_table_column_double(col, NREG * NYEAR, shared_tab, 2) != GIDX_OK)
        return;
    for (k = 0; k < gidx_table_nrows(shared_tab); k++)
        sum += col[k];
    b[0] = 1 + j->id; b[1] = 2; b[2] = 3;
    if (gidx_linalg_solve(x, A, b, 3) != GIDX_OK)
        return;
    sum += x[0] + x[1] + x[2];
    sum += capabilities();
    /* A forced error in this thread: the message must be this thread's own. */
    {
        double S[4] = { 1, 1, 1, 1 }, sb[2] = { 1, 2 }, sx[2];
        char want[64];
        gidx_status rc = gidx_linalg_solve(sx, S, sb, 2);
        snprintf(want, sizeof want, "thread %d", j->id);
        gidx_error_set(GIDX_EDATA, want);
        j->error_ok = rc == GIDX_ESINGULAR && strcmp(gidx_error_last()->message, want) == 0;
    }
    if (gidx_report_new(&rep, "threads") == GIDX_OK) {
        const char *labels[2] = { "a", "b" };
        double score[2] = { sum, 1 }, rank[2] = { 1, 2 };
        gidx_report_add_ranking(rep, "t", 2, labels, score, rank, NULL, NULL);
        gidx_report_render(&j->html, NULL, rep, GIDX_REPORT_HTML);
        gidx_report_free(rep);
    }
    j->checksum = sum;
}

static void *thread_main(void *arg)
{
    work((job *)arg);
    return NULL;
}

static void setup(void)
{
    size_t r;
    int y;
    char region[16];
    gidx_dataset_new(&shared_ds);
    for (r = 0; r < NREG; r++) {
        snprintf(region, sizeof region, "r%02zu", r);
        for (y = 0; y < NYEAR; y++)
            gidx_dataset_set(shared_ds, region, 2010 + y, "x", sin((double)(r * 31 + y)), GIDX_FLAG_OK);
    }
    {
        char *csv = malloc(64 * NREG * NYEAR + 64);
        size_t len = 0;
        len += (size_t)sprintf(csv + len, "region,year,value\n");
        for (r = 0; r < NREG * NYEAR; r++)
            len += (size_t)sprintf(csv + len, "r%02zu,%zu,%.17g\n", r / NYEAR, 2010 + r % NYEAR,
                                   cos((double)r));
        gidx_table_parse_csv(&shared_tab, csv, len, "threads.csv", NULL);
        free(csv);
    }
    gidx_catalog_default(&shared_cat);
    gidx_dataset_load_default(&shared_telemark);
    {
        char path[512];
        const char *dir = getenv("GIDX_TEST_DATA");
        const char *vars[3] = { "inv", "value", "capital" };
        gidx_table *g = NULL;
        snprintf(path, sizeof path, "%s/effects/grunfeld.csv", dir ? dir : "tests/data");
        if (gidx_table_read_csv(&g, path, NULL) == GIDX_OK)
            gidx_effect_panel_from_table(&shared_grunfeld, g, "firm", "year", vars, 3);
        gidx_table_free(g);
    }
}

static void teardown(void)
{
    gidx_effect_panel_free(shared_grunfeld);
    gidx_dataset_free(shared_telemark);
    gidx_catalog_free(shared_cat);
    gidx_table_free(shared_tab);
    gidx_dataset_free(shared_ds);
}

START_TEST(test_parallel_equals_serial)
{
    job serial[NTHREADS], par[NTHREADS];
    pthread_t t[NTHREADS];
    int i, round;
    ck_assert_ptr_nonnull(shared_ds);
    ck_assert_ptr_nonnull(shared_tab);
    ck_assert_ptr_nonnull(shared_cat);
    ck_assert_ptr_nonnull(shared_telemark);
    ck_assert_ptr_nonnull(shared_grunfeld);
    memset(serial, 0, sizeof serial);
    for (i = 0; i < NTHREADS; i++) {
        serial[i].id = i;
        work(&serial[i]);
        ck_assert_ptr_nonnull(serial[i].html);
        ck_assert(serial[i].error_ok);
        ck_assert_msg(isfinite(serial[i].checksum), "a capability failed: %s",
                      gidx_error_last()->message);
    }
    for (round = 0; round < 3; round++) {
        memset(par, 0, sizeof par);
        for (i = 0; i < NTHREADS; i++) {
            par[i].id = i;
            ck_assert_int_eq(pthread_create(&t[i], NULL, thread_main, &par[i]), 0);
        }
        for (i = 0; i < NTHREADS; i++)
            ck_assert_int_eq(pthread_join(t[i], NULL), 0);
        for (i = 0; i < NTHREADS; i++) {
            /* Bit-for-bit equal to the serial run. */
            ck_assert(memcmp(&par[i].checksum, &serial[i].checksum, sizeof(double)) == 0);
            ck_assert_ptr_nonnull(par[i].html);
            ck_assert_str_eq(par[i].html, serial[i].html);
            ck_assert_msg(par[i].error_ok, "thread %d saw another thread's error", i);
            gidx_free(par[i].html);
        }
    }
    for (i = 0; i < NTHREADS; i++)
        gidx_free(serial[i].html);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("shared-readonly");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_parallel_equals_serial);
    tcase_set_timeout(tc, 600);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(threads_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
