/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The compact dataset storage and the loaders that keep memory within twice
 * the input (issue 19, "memory before limits"). The memory figures
 * themselves are measured by bench/scaling/memory.sh (peak RSS is not a unit
 * test's business); these tests check that the compact storage holds what
 * was set, bit for bit, whatever the shape: dense series, series whose years
 * lie far apart (the sparse store), provisional values (always sparse),
 * overwrites that move a cell between the stores, copy, merge and
 * copy_regions. The reference is a plain array model of the same calls. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <greenidx/greenidx.h>

#define NR 7
#define NV 5
#define NY 40

typedef struct model {
    int set[NR][NV][NY];
    double v[NR][NV][NY];
    int f[NR][NV][NY];
} model;

static int years_of[NY];

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t next_rand(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void name(char *buf, size_t cap, char kind, int i)
{
    snprintf(buf, cap, "%c%d", kind, i);
}

static int same_value(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

/* Every cell of @p ds against the model (restricted to regions in keep). */
static void check_against(const gidx_dataset *ds, const model *m, const int *keep)
{
    size_t n = 0;
    int r, v, y;
    for (r = 0; r < NR; r++)
        for (v = 0; v < NV; v++)
            for (y = 0; y < NY; y++) {
                char rn[16], vn[16];
                double x;
                int f, want = m->set[r][v][y] && (keep == NULL || keep[r]);
                name(rn, sizeof rn, 'R', r);
                name(vn, sizeof vn, 'V', v);
                ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, rn, years_of[y], vn), GIDX_OK);
                ck_assert_int_eq(gidx_dataset_has(ds, rn, years_of[y], vn), want);
                if (want) {
                    n++;
                    ck_assert_int_eq(f, m->f[r][v][y]);
                    ck_assert_msg(same_value(x, m->v[r][v][y]), "%s %d %s: %.17g != %.17g", rn,
                                  years_of[y], vn, x, m->v[r][v][y]);
                } else {
                    ck_assert_int_eq(f, GIDX_FLAG_MISSING);
                    ck_assert(isnan(x));
                }
            }
    ck_assert_uint_eq(gidx_dataset_ncells(ds), n);
}

/* Random sets, overwrites and flag changes on a small panel whose years
 * are interned far apart (2000 filler years first), against the model. */
START_TEST(test_storage_model)
{
    gidx_dataset *ds = NULL, *cp = NULL, *mg = NULL, *sub = NULL;
    model *m = calloc(1, sizeof *m);
    int k, keep[NR] = { 1, 0, 1, 0, 0, 1, 0 };
    const char *subset[] = { "R0", "R2", "R5" };
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    /* filler: a series over 2000 years, so that the panel's years get year
     * indices up to 2000 apart (interned in a scattered order) */
    for (k = 0; k < 2000; k++)
        ck_assert_int_eq(gidx_dataset_set(ds, "filler", 3000 + k, "fill", (double)k,
                                          GIDX_FLAG_OK), GIDX_OK);
    for (k = 0; k < NY; k++)
        years_of[k] = k % 2 ? 3000 + 50 * k : 1800 + k;
    for (k = 0; k < 20000; k++) {
        int r = (int)(next_rand() % NR), v = (int)(next_rand() % NV), y = (int)(next_rand() % NY);
        int fl = (int)(next_rand() % 5);
        double x = (double)(int64_t)(next_rand() % 2000001) / 8.0 - 125000.0;
        char rn[16], vn[16];
        if (k % 97 == 0)
            x = -0.0;
        if (fl != GIDX_FLAG_OK && fl != GIDX_FLAG_PROVISIONAL)
            x = NAN;
        name(rn, sizeof rn, 'R', r);
        name(vn, sizeof vn, 'V', v);
        ck_assert_int_eq(gidx_dataset_set(ds, rn, years_of[y], vn, x, fl), GIDX_OK);
        m->set[r][v][y] = 1;
        m->v[r][v][y] = x;
        m->f[r][v][y] = fl;
        if (k % 5000 == 4999) {
            /* the filler stays as it was */
            double fx;
            int ff;
            ck_assert_int_eq(gidx_dataset_get(&fx, &ff, ds, "filler", 3999, "fill"), GIDX_OK);
            ck_assert(fx == 999.0 && ff == GIDX_FLAG_OK);
        }
    }
    /* a region with only the filler; remove it from the count by checking
     * a copy of the panel's regions */
    {
        const char *all[NR] = { "R0", "R1", "R2", "R3", "R4", "R5", "R6" };
        ck_assert_int_eq(gidx_dataset_copy_regions(&cp, ds, all, NR), GIDX_OK);
        check_against(cp, m, NULL);
        ck_assert_int_eq(gidx_dataset_new(&mg), GIDX_OK);
        ck_assert_int_eq(gidx_dataset_merge(mg, cp), GIDX_OK);
        check_against(mg, m, NULL);
        ck_assert_int_eq(gidx_dataset_copy_regions(&sub, ds, subset, 3), GIDX_OK);
        check_against(sub, m, keep);
    }
    ck_assert_uint_eq(gidx_dataset_ncells(ds), gidx_dataset_ncells(cp) + 2000);
    gidx_dataset_free(cp);
    ck_assert_int_eq(gidx_dataset_copy(&cp, ds), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(cp), gidx_dataset_ncells(ds));
    ck_assert_uint_eq(gidx_dataset_nyears(cp), gidx_dataset_nyears(ds));
    /* series() gives the same cells in year order */
    {
        size_t ny = gidx_dataset_nyears(ds), i;
        double *vals = calloc(ny, sizeof *vals), *vals2 = calloc(ny, sizeof *vals2);
        int *fl = calloc(ny, sizeof *fl), *fl2 = calloc(ny, sizeof *fl2);
        ck_assert(vals && vals2 && fl && fl2);
        ck_assert_int_eq(gidx_dataset_series(vals, fl, ny, ds, "R3", "V2"), GIDX_OK);
        ck_assert_int_eq(gidx_dataset_series(vals2, fl2, ny, cp, "R3", "V2"), GIDX_OK);
        for (i = 0; i < ny; i++) {
            double x;
            int f;
            ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "R3", gidx_dataset_year(ds, i), "V2"),
                             GIDX_OK);
            ck_assert(same_value(vals[i], x) && fl[i] == f);
            ck_assert(same_value(vals2[i], x) && fl2[i] == f);
        }
        free(vals);
        free(vals2);
        free(fl);
        free(fl2);
    }
    gidx_dataset_free(sub);
    gidx_dataset_free(mg);
    gidx_dataset_free(cp);
    gidx_dataset_free(ds);
    free(m);
}
END_TEST

/* Many series whose two years are far apart: the dense ranges would hold
 * 1000 x 2000 slots for 2000 cells; the allowance sends most of them to the
 * sparse store, and every cell still reads back. */
START_TEST(test_far_years)
{
    gidx_dataset *ds = NULL;
    int k;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (k = 0; k < 2000; k++)
        ck_assert_int_eq(gidx_dataset_set(ds, "A", 5000 + k, "fill", 1.0, GIDX_FLAG_OK), GIDX_OK);
    for (k = 0; k < 1000; k++) {
        char v[16];
        snprintf(v, sizeof v, "v%d", k);
        ck_assert_int_eq(gidx_dataset_set(ds, "B", 5000, v, (double)k, GIDX_FLAG_OK), GIDX_OK);
        ck_assert_int_eq(gidx_dataset_set(ds, "B", 6999, v, (double)-k, GIDX_FLAG_CONFIDENTIAL),
                         GIDX_OK);
    }
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4000);
    for (k = 0; k < 1000; k++) {
        char v[16];
        double x;
        int f;
        snprintf(v, sizeof v, "v%d", k);
        ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "B", 5000, v), GIDX_OK);
        ck_assert(x == (double)k && f == GIDX_FLAG_OK);
        ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "B", 6999, v), GIDX_OK);
        ck_assert(isnan(x) && f == GIDX_FLAG_CONFIDENTIAL);
        ck_assert(!gidx_dataset_has(ds, "B", 6000, v));
    }
    gidx_dataset_free(ds);
}
END_TEST

/* A sparse "value" object over a panel of 2000 x 10 x 50 = 10^6 cells
 * holding three values, and a status object giving a symbol to a fourth
 * cell: four cells are stored (not 10^6 missing ones), the regions and
 * years of the dimensions are all known in their categories' order, and the
 * absent cells read as missing. Keys that are not cell indices are refused. */
START_TEST(test_sparse_value_object)
{
    gidx_dataset *ds = NULL;
    char *doc;
    size_t cap = 200000, len = 0, k;
    double x;
    int f;
    doc = malloc(cap);
    ck_assert_ptr_nonnull(doc);
    len += (size_t)snprintf(doc + len, cap - len,
        "{\"class\":\"dataset\",\"id\":[\"Region\",\"C\",\"Tid\"],\"size\":[2000,10,50],"
        "\"role\":{\"geo\":[\"Region\"],\"time\":[\"Tid\"]},\"dimension\":{"
        "\"Region\":{\"category\":{\"index\":[");
    for (k = 0; k < 2000; k++)
        len += (size_t)snprintf(doc + len, cap - len, "%s\"K-%04zu\"", k ? "," : "", 2000 - k);
    len += (size_t)snprintf(doc + len, cap - len, "]}},\"C\":{\"category\":{\"index\":[");
    for (k = 0; k < 10; k++)
        len += (size_t)snprintf(doc + len, cap - len, "%s\"c%zu\"", k ? "," : "", k);
    len += (size_t)snprintf(doc + len, cap - len, "]}},\"Tid\":{\"category\":{\"index\":[");
    for (k = 0; k < 50; k++)
        len += (size_t)snprintf(doc + len, cap - len, "%s\"%zu\"", k ? "," : "", 2049 - k);
    /* index = region * 500 + c * 50 + year position */
    len += (size_t)snprintf(doc + len, cap - len,
        "]}}},\"value\":{\"0\":1.5,\"999999\":-2,\"500051\":null},\"status\":{\"7\":\"..\","
        "\"999999\":\"p\"}}");
    ck_assert_int_eq(gidx_dataset_load_jsonstat_buffer(&ds, doc, len, "sparse.json", NULL),
                     GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 2000);
    ck_assert_str_eq(gidx_dataset_region(ds, 0), "2000");   /* category order */
    ck_assert_str_eq(gidx_dataset_region(ds, 1999), "0001");
    ck_assert_uint_eq(gidx_dataset_nyears(ds), 50);
    ck_assert_int_eq(gidx_dataset_year(ds, 0), 2000);
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "2000", 2049, "c0"), GIDX_OK);
    ck_assert(x == 1.5 && f == GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "0001", 2000, "c9"), GIDX_OK);
    ck_assert(x == -2.0 && f == GIDX_FLAG_OK);   /* "p" is not an SSB symbol */
    ck_assert(gidx_dataset_has(ds, "1000", 2048, "c1"));   /* null: present, missing */
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "1000", 2048, "c1"), GIDX_OK);
    ck_assert(isnan(x) && f == GIDX_FLAG_MISSING);
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "2000", 2042, "c0"), GIDX_OK);
    ck_assert(isnan(x) && f == GIDX_FLAG_CONFIDENTIAL);   /* status only */
    ck_assert(!gidx_dataset_has(ds, "2000", 2041, "c0"));
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "2000", 2041, "c0"), GIDX_OK);
    ck_assert(isnan(x) && f == GIDX_FLAG_MISSING);
    gidx_dataset_free(ds);
    ds = NULL;
    /* keys that are not cell indices: a leading zero, past the end, not a number */
    {
        static const char *const bad[] = { "\"01\":1", "\"2\":1", "\"x\":1", "\"\":1" };
        for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            snprintf(doc, cap,
                "{\"class\":\"dataset\",\"id\":[\"Region\",\"Tid\"],\"size\":[1,2],"
                "\"role\":{\"geo\":[\"Region\"],\"time\":[\"Tid\"]},\"dimension\":{"
                "\"Region\":{\"category\":{\"index\":[\"a\"]}},"
                "\"Tid\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}},\"value\":{%s}}", bad[k]);
            ck_assert_int_eq(gidx_dataset_load_jsonstat_buffer(&ds, doc, strlen(doc), "b.json",
                                                               NULL), GIDX_EDATA);
            ck_assert_ptr_nonnull(strstr(gidx_error_last()->message,
                                         "is not a cell index (0 to 1)"));
            ck_assert_ptr_null(ds);
        }
    }
    free(doc);
}
END_TEST

/* "size" after a 3 MB "value" array (past the first MiB, where the file
 * check used to look): the cell limit still applies before the document is
 * parsed, from a file and from a buffer. */
START_TEST(test_size_after_value)
{
    const char *path = "mem_size_late.json";
    FILE *f = fopen(path, "w");
    gidx_dataset *ds = NULL;
    size_t k;
    ck_assert_ptr_nonnull(f);
    fputs("{\"class\":\"dataset\",\"value\":[", f);
    for (k = 0; k < 500000; k++)
        fprintf(f, "%s%zu.5", k ? "," : "", k % 10000);
    fputs("],\"id\":[\"Region\",\"Tid\"],\"size\":[100000,100000],\"dimension\":{}}", f);
    fclose(f);
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, NULL), GIDX_ELIMIT);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "mem_size_late.json: the sizes give "
                                 "more than 8388608 cells"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "not parsed"));
    ck_assert_ptr_null(ds);
    remove(path);
}
END_TEST

/* A long CSV of 70,000 rows is loaded in windows of 65,536 rows: every
 * cell arrives, an error in the second window names its line, and a
 * duplicate in the second window names the line of the first occurrence in
 * the first window (found by parsing the text again). From a file (mapped)
 * and from a buffer. */
static void write_rows(const char *path, size_t n, const char *extra, size_t bad_row)
{
    FILE *f = fopen(path, "w");
    size_t i;
    ck_assert_ptr_nonnull(f);
    fputs("region,year,variable,value\n", f);
    for (i = 0; i < n; i++)
        fprintf(f, "R%zu,%s,v,%zu\n", i, i == bad_row ? "20x0" : "2000", i);
    if (extra != NULL)
        fputs(extra, f);
    fclose(f);
}

START_TEST(test_csv_windows)
{
    gidx_dataset *ds = NULL;
    double x;
    int f;
    write_rows("mem_rows.csv", 70000, NULL, (size_t)-1);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, "mem_rows.csv", NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 70000);
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "R69999", 2000, "v"), GIDX_OK);
    ck_assert(x == 69999.0 && f == GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "R65536", 2000, "v"), GIDX_OK);
    ck_assert(x == 65536.0 && f == GIDX_FLAG_OK);
    ck_assert_str_eq(gidx_dataset_meta(ds, "file"), "mem_rows.csv");
    gidx_dataset_free(ds);
    ds = NULL;

    if (geteuid() == 0 && chown("mem_rows.csv", 65534, 65534) == 0) {
        /* another user's file is read, not mapped (it could be truncated
         * under the mapping): the same cells */
        ck_assert_int_eq(gidx_dataset_load_csv(&ds, "mem_rows.csv", NULL), GIDX_OK);
        ck_assert_uint_eq(gidx_dataset_ncells(ds), 70000);
        ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "R69999", 2000, "v"), GIDX_OK);
        ck_assert(x == 69999.0 && f == GIDX_FLAG_OK);
        gidx_dataset_free(ds);
        ds = NULL;
    }
    remove("mem_rows.csv");
    write_rows("mem_rows.csv", 70000, "R5,2000,v,9\n", (size_t)-1);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, "mem_rows.csv", NULL), GIDX_EDUPLICATE);
    ck_assert_str_eq(gidx_error_last()->message, "mem_rows.csv:70002: column 4: region R5, "
                     "year 2000, variable v is already given on line 7");
    ck_assert_ptr_null(ds);
    {
        /* the same from a buffer */
        FILE *fp = fopen("mem_rows.csv", "rb");
        char *buf = malloc(2000000);
        size_t n;
        ck_assert(fp != NULL && buf != NULL);
        n = fread(buf, 1, 2000000, fp);
        fclose(fp);
        ck_assert_int_eq(gidx_dataset_parse_csv(&ds, buf, n, "mem.csv", NULL), GIDX_EDUPLICATE);
        ck_assert_str_eq(gidx_error_last()->message, "mem.csv:70002: column 4: region R5, "
                         "year 2000, variable v is already given on line 7");
        free(buf);
    }

    write_rows("mem_rows.csv", 70000, NULL, 68000);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, "mem_rows.csv", NULL), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "mem_rows.csv:68002"));
    ck_assert_ptr_null(ds);
    remove("mem_rows.csv");
}
END_TEST

static Suite *mem_suite(void)
{
    Suite *s = suite_create("mem");
    TCase *tc = tcase_create("storage");
    tcase_add_test(tc, test_storage_model);
    tcase_add_test(tc, test_far_years);
    tcase_add_test(tc, test_sparse_value_object);
    tcase_add_test(tc, test_size_after_value);
    tcase_add_test(tc, test_csv_windows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(mem_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
