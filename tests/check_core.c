/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Core: versions, status codes, the per-thread error slot, the GSL handler,
 * hash maps, the string buffer, atomic file writes. */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include <greenidx/greenidx.h>
#include "core/internal.h"

START_TEST(test_version)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%d.%d.%d", GIDX_VERSION_MAJOR, GIDX_VERSION_MINOR,
             GIDX_VERSION_PATCH);
    ck_assert_str_eq(gidx_version_string(), buf);
    ck_assert_str_eq(GIDX_VERSION_STRING, buf);
    ck_assert_int_eq(gidx_version_number(),
                     GIDX_VERSION_MAJOR * 10000 + GIDX_VERSION_MINOR * 100 + GIDX_VERSION_PATCH);
    ck_assert_int_eq(GIDX_VERSION_MAJOR, 0);
}
END_TEST

START_TEST(test_strerror)
{
    int c;
    /* Every defined code has its own text; unknown codes are labelled. */
    for (c = GIDX_OK; c >= GIDX_EINTERNAL; c--) {
        int d;
        ck_assert_str_ne(gidx_strerror(c), "unknown status");
        for (d = c - 1; d >= GIDX_EINTERNAL; d--)
            ck_assert_str_ne(gidx_strerror(c), gidx_strerror(d));
    }
    ck_assert_str_eq(gidx_strerror(-9999), "unknown status");
    ck_assert_str_eq(gidx_strerror(5), "unknown status");
}
END_TEST

START_TEST(test_error_slot)
{
    const gidx_error *e = gidx_error_last();
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(e->message);
    gidx_error_clear();
    ck_assert_int_eq(gidx_error_last()->code, GIDX_OK);
    ck_assert_str_eq(gidx_error_last()->message, "");
    ck_assert_int_eq(gidx__error_set(GIDX_EDATA, "region %s, year %d", "4003", 2011), GIDX_EDATA);
    ck_assert_int_eq(gidx_error_last()->code, GIDX_EDATA);
    ck_assert_str_eq(gidx_error_last()->message, "region 4003, year 2011");
    gidx__error_prefix("%s: ", "file.csv");
    ck_assert_str_eq(gidx_error_last()->message, "file.csv: region 4003, year 2011");
    /* A long message is truncated, never overflowing. */
    {
        char big[5000];
        memset(big, 'x', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        gidx__error_set(GIDX_EIO, "%s", big);
        ck_assert_uint_lt(strlen(gidx_error_last()->message), sizeof big);
    }
}
END_TEST

static void *thread_error(void *arg)
{
    (void)arg;
    /* A new thread starts with an empty slot, independent of the main one. */
    if (gidx_error_last()->code != GIDX_OK)
        return (void *)1;
    gidx__error_set(GIDX_ENOTFOUND, "thread");
    return NULL;
}

START_TEST(test_error_thread_local)
{
    pthread_t t;
    void *ret = (void *)2;
    gidx__error_set(GIDX_EPARSE, "main");
    ck_assert_int_eq(pthread_create(&t, NULL, thread_error, NULL), 0);
    ck_assert_int_eq(pthread_join(t, &ret), 0);
    ck_assert_ptr_null(ret);
    ck_assert_int_eq(gidx_error_last()->code, GIDX_EPARSE);
    ck_assert_str_eq(gidx_error_last()->message, "main");
}
END_TEST

START_TEST(test_gsl_singular)
{
    /* A singular matrix: GSL's default handler would abort the process. */
    double A[9] = { 1, 2, 3, 2, 4, 6, 1, 0, 1 }, b[3] = { 1, 2, 3 }, x[3];
    gidx_status rc = gidx_linalg_solve(x, A, b, 3);
    ck_assert_int_eq(rc, GIDX_ESINGULAR);
    ck_assert_int_eq(gidx_error_last()->code, GIDX_ESINGULAR);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "matrix is singular"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "gidx_linalg_solve"));
    /* The process lives on and the solver still works: a hand-worked 2x2,
     * [[2,1],[1,3]] x = [3,5] -> x = [0.8, 1.4]. */
    {
        double A2[4] = { 2, 1, 1, 3 }, b2[2] = { 3, 5 }, x2[2];
        ck_assert_int_eq(gidx_linalg_solve(x2, A2, b2, 2), GIDX_OK);
        ck_assert_double_eq_tol(x2[0], 0.8, 1e-14);
        ck_assert_double_eq_tol(x2[1], 1.4, 1e-14);
    }
}
END_TEST

START_TEST(test_gsl_handler_direct)
{
    /* Even a GSL routine called directly in this process reports through our
     * handler instead of aborting: Cholesky of a non-positive-definite matrix. */
    double d[4] = { 1, 2, 2, 1 };
    gsl_matrix_view m = gsl_matrix_view_array(d, 2, 2);
    int rc;
    gidx_error_clear();
    rc = gsl_linalg_cholesky_decomp1(&m.matrix);
    ck_assert_int_eq(rc, GSL_EDOM);
    ck_assert_int_eq(gidx_error_last()->code, GIDX_EDOM);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "positive definite"));
}
END_TEST

START_TEST(test_linalg_bad_input)
{
    double A[1] = { NAN }, b[1] = { 1 }, x[1];
    ck_assert_int_eq(gidx_linalg_solve(x, A, b, 1), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "A[0][0]"));
    ck_assert_int_eq(gidx_linalg_solve(NULL, A, b, 1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_linalg_solve(x, A, b, 0), GIDX_EINVAL);
}
END_TEST

START_TEST(test_strmap)
{
    gidx__strmap *m = gidx__strmap_new();
    size_t v, i;
    char key[32];
    ck_assert_ptr_nonnull(m);
    for (i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%zu", i);
        ck_assert_int_eq(gidx__strmap_put(m, key, i * 3), GIDX_OK);
    }
    ck_assert_uint_eq(gidx__strmap_size(m), 5000);
    for (i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%zu", i);
        ck_assert_int_eq(gidx__strmap_get(m, key, &v), 1);
        ck_assert_uint_eq(v, i * 3);
    }
    ck_assert_int_eq(gidx__strmap_get(m, "absent", &v), 0);
    ck_assert_int_eq(gidx__strmap_put(m, "k7", 1), GIDX_OK);
    ck_assert_int_eq(gidx__strmap_get(m, "k7", &v), 1);
    ck_assert_uint_eq(v, 1);
    ck_assert_uint_eq(gidx__strmap_size(m), 5000);
    gidx__strmap_free(m);
    gidx__strmap_free(NULL);
}
END_TEST

START_TEST(test_u64map)
{
    gidx__u64map *m = gidx__u64map_new();
    size_t v;
    uint64_t k;
    ck_assert_ptr_nonnull(m);
    for (k = 0; k < 20000; k++)
        ck_assert_int_eq(gidx__u64map_put(m, k * 0x10001ULL, (size_t)k), GIDX_OK);
    for (k = 0; k < 20000; k++) {
        ck_assert_int_eq(gidx__u64map_get(m, k * 0x10001ULL, &v), 1);
        ck_assert_uint_eq(v, (size_t)k);
    }
    ck_assert_int_eq(gidx__u64map_get(m, 3, &v), 0);
    ck_assert_int_eq(gidx__u64map_put(m, UINT64_MAX, 1), GIDX_EINTERNAL);
    gidx__u64map_free(m);
    gidx__u64map_free(NULL);
}
END_TEST

START_TEST(test_buf)
{
    gidx__buf b = GIDX__BUF_INIT;
    char *s;
    int i;
    for (i = 0; i < 1000; i++)
        ck_assert_int_eq(gidx__buf_printf(&b, "%d,", i), 0);
    ck_assert_int_eq(gidx__buf_puts(&b, "end"), 0);
    s = gidx__buf_take(&b);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(strncmp(s, "0,1,2,", 6), 0);
    ck_assert_str_eq(s + strlen(s) - 7, "999,end");
    free(s);
    ck_assert_ptr_null(b.s);
}
END_TEST

START_TEST(test_strtod_locale)
{
    /* Independent of the process locale: "1.5" is 1.5 even where the decimal
     * mark is ','. (If no such locale is installed this still checks C.) */
    char *end;
    double x = gidx__strtod("1.5", &end);
    ck_assert_double_eq(x, 1.5);
    ck_assert_int_eq(*end, '\0');
}
END_TEST

/* Formula-like text (OWASP CSV injection) gets a leading quote and is quoted;
 * numbers, plain text and RFC 4180 quoting are as before. Hand-worked cases. */
START_TEST(test_csv_field_neutralises_formulas)
{
    static const char *const cases[][2] = {
        { "=1+1", "\"'=1+1\"" },
        { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
        { "+SUM(A1)", "\"'+SUM(A1)\"" },
        { "-cmd", "\"'-cmd\"" },
        { "@SUM(1)", "\"'@SUM(1)\"" },
        { "\t=1", "\"'\t=1\"" },
        { "\r=1", "\"'\r=1\"" },
        { "-3.5", "-3.5" },
        { "+4", "+4" },
        { "-1e-3", "-1e-3" },
        { "-", "\"'-\"" },
        { "Skien", "Skien" },
        { "a,b", "\"a,b\"" },
        { "", "" },
        { "x=1", "x=1" },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        ck_assert_int_eq(gidx_csv_field(&out, cases[i][0]), GIDX_OK);
        ck_assert_str_eq(out, cases[i][1]);
        gidx_free(out);
    }
    ck_assert_int_eq(gidx_csv_field(NULL, "x"), GIDX_EINVAL);
}
END_TEST

START_TEST(test_write_file_atomic)
{
    char dir[] = "/tmp/gidx-core-XXXXXX";
    char path[256], bad[300];
    FILE *f;
    char got[64] = { 0 };
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.txt", dir);
    ck_assert_int_eq(gidx_write_file(path, "first\n", 6), GIDX_OK);
    ck_assert_int_eq(gidx_write_file(path, "second\n", 7), GIDX_OK);
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fread(got, 1, sizeof got - 1, f), 7);
    fclose(f);
    ck_assert_str_eq(got, "second\n");
    /* A directory that does not exist: an error naming the file, nothing written. */
    snprintf(bad, sizeof bad, "%s/no/such/dir/out.txt", dir);
    ck_assert_int_eq(gidx_write_file(bad, "x", 1), GIDX_EIO);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "no/such/dir/out.txt"));
    ck_assert_int_eq(access(bad, F_OK), -1);
    unlink(path);
    rmdir(dir);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc;
    tc = tcase_create("version"); tcase_add_test(tc, test_version); suite_add_tcase(s, tc);
    tc = tcase_create("strerror"); tcase_add_test(tc, test_strerror); suite_add_tcase(s, tc);
    tc = tcase_create("error-slot");
    tcase_add_test(tc, test_error_slot);
    tcase_add_test(tc, test_error_thread_local);
    suite_add_tcase(s, tc);
    tc = tcase_create("gsl-handler");
    tcase_add_test(tc, test_gsl_singular);
    tcase_add_test(tc, test_gsl_handler_direct);
    tcase_add_test(tc, test_linalg_bad_input);
    suite_add_tcase(s, tc);
    tc = tcase_create("hash");
    tcase_add_test(tc, test_strmap);
    tcase_add_test(tc, test_u64map);
    suite_add_tcase(s, tc);
    tc = tcase_create("buf"); tcase_add_test(tc, test_buf); suite_add_tcase(s, tc);
    tc = tcase_create("num"); tcase_add_test(tc, test_strtod_locale); suite_add_tcase(s, tc);
    tc = tcase_create("file"); tcase_add_test(tc, test_write_file_atomic); suite_add_tcase(s, tc);
    tc = tcase_create("csv"); tcase_add_test(tc, test_csv_field_neutralises_formulas);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(core_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
