/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Thread safety: 8 threads at once work on one shared read-only dataset and
 * table (const handles) with their own mutable handles, and every result must
 * equal the serial run bit for bit. Errors raised in one thread must stay in
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
}

static void teardown(void)
{
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
    memset(serial, 0, sizeof serial);
    for (i = 0; i < NTHREADS; i++) {
        serial[i].id = i;
        work(&serial[i]);
        ck_assert_ptr_nonnull(serial[i].html);
        ck_assert(serial[i].error_ok);
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
