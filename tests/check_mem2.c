/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Long CSV fields (64 KiB or more) are kept by the table in blocks of their
 * own and handed to the dataset as names instead of copied (issue 19: a
 * 16 MB field was held twice). The peak memory itself is measured by
 * bench/scaling/memory.sh; these tests check that what is loaded is the
 * text of the file, byte for byte, in every path that hands a block over or
 * keeps it (a name seen again, a region column that is also the variable
 * column, a wide file's variable column, a long header, a quoted field
 * holding separators and line ends, a duplicate cell found by the second
 * parse) - run under ASan or valgrind, they also check that every block is
 * freed exactly once. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

/* A string of n copies of c. */
static char *run_of(char c, size_t n)
{
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

/* printf into a new buffer of cap bytes */
#define TEXT_OF(s, cap, ...) do { \
        (s) = malloc(cap); \
        ck_assert_ptr_nonnull(s); \
        snprintf((s), (cap), __VA_ARGS__); \
    } while (0)

static double value_at(const gidx_dataset *ds, const char *r, int y, const char *v)
{
    double x;
    int f;
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, r, y, v), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    return x;
}

/* Long region and variable names, each seen on three rows (the first taken
 * by the dataset, the others freed by the table), beside short ones. */
START_TEST(test_long_names)
{
    char *reg = run_of('r', 100000), *var = run_of('v', 300000), *csv;
    gidx_dataset *ds = NULL;
    TEXT_OF(csv, 1300000, "region,year,variable,value\n%s,2000,%s,1.5\n%s,2001,%s,2.5\n"
            "%s,2002,%s,3.5\n0301,2000,pop,7\n", reg, var, reg, var, reg, var);
    ck_assert_int_eq(gidx_dataset_parse_csv(&ds, csv, strlen(csv), "long.csv", NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 2);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 2);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4);
    ck_assert_str_eq(gidx_dataset_region(ds, 0), reg);
    ck_assert_str_eq(gidx_dataset_variable(ds, 0), var);
    ck_assert(value_at(ds, reg, 2000, var) == 1.5);
    ck_assert(value_at(ds, reg, 2001, var) == 2.5);
    ck_assert(value_at(ds, reg, 2002, var) == 3.5);
    ck_assert(value_at(ds, "0301", 2000, "pop") == 7);
    gidx_dataset_free(ds);
    free(csv);
    free(reg);
    free(var);
}
END_TEST

/* One column as both region and variable: one block, not taken twice. */
START_TEST(test_same_column)
{
    char *name = run_of('x', 70000), *csv;
    gidx_dataset *ds = NULL;
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    o.region = "k";
    o.variable = "k";
    TEXT_OF(csv, 200000, "k,year,value\n%s,2000,1\n%s,2001,2\n", name, name);
    ck_assert_int_eq(gidx_dataset_parse_csv(&ds, csv, strlen(csv), "same.csv", &o), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_region(ds, 0), name);
    ck_assert_str_eq(gidx_dataset_variable(ds, 0), name);
    ck_assert(value_at(ds, name, 2001, name) == 2);
    gidx_dataset_free(ds);
    free(csv);
    free(name);
}
END_TEST

/* A wide file: long region and variable cells; a long year header is
 * ignored (not a year). */
START_TEST(test_wide)
{
    char *reg = run_of('r', 80000), *var = run_of('v', 90000), *csv;
    gidx_dataset *ds = NULL;
    TEXT_OF(csv, 400000, "region,variable,2000,2001\n%s,%s,1,2\n%s,%s,.,4\n", reg, var, reg,
            var);
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, csv, strlen(csv), "wide.csv", NULL),
                     GIDX_EDUPLICATE);
    free(csv);
    TEXT_OF(csv, 400000, "region,variable,2000,2001\n%s,%s,1,2\n0301,%s,3,4\n", reg, var,
            reg);
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, csv, strlen(csv), "wide.csv", NULL),
                     GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4);
    ck_assert(value_at(ds, reg, 2001, var) == 2);
    ck_assert(value_at(ds, "0301", 2000, reg) == 3);
    gidx_dataset_free(ds);
    free(csv);
    free(reg);
    free(var);
}
END_TEST

/* The duplicate is reported with both lines (the text parsed again). */
START_TEST(test_duplicate)
{
    char *var = run_of('v', 70000), *csv;
    gidx_dataset *ds = NULL;
    TEXT_OF(csv, 200000, "region,year,variable,value\n0301,2000,%s,1\n0301,2000,%s,2\n", var,
            var);
    ck_assert_int_eq(gidx_dataset_parse_csv(&ds, csv, strlen(csv), "dup.csv", NULL),
                     GIDX_EDUPLICATE);
    ck_assert_ptr_null(ds);
    /* the message holds the name, so it is cut at the error buffer's size
     * before "is already given on line 2" */
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message,
                                 "dup.csv:3: column 4: region 0301, year 2000, variable vvv"));
    free(csv);
    free(var);
}
END_TEST

/* A whole table: a long header name and a quoted long field holding
 * separators, quotes and a line end, read back as written. */
START_TEST(test_table)
{
    size_t n = 150000, i, k = 0;
    char *head = run_of('h', 100000), *field = malloc(n + 1), *quoted = malloc(2 * n + 3);
    char *csv = malloc(4 * n);
    gidx_table *t = NULL;
    size_t j;
    ck_assert_ptr_nonnull(field);
    ck_assert_ptr_nonnull(quoted);
    ck_assert_ptr_nonnull(csv);
    for (i = 0; i < n; i++)
        field[i] = "ab,\"\ncd"[i % 7];
    field[n] = '\0';
    quoted[k++] = '"';
    for (i = 0; i < n; i++) {
        if (field[i] == '"')
            quoted[k++] = '"';
        quoted[k++] = field[i];
    }
    quoted[k++] = '"';
    quoted[k] = '\0';
    snprintf(csv, 4 * n, "a,%s\n1,%s\n2,x\n", head, quoted);
    ck_assert_int_eq(gidx_table_parse_csv(&t, csv, strlen(csv), "t.csv", NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_table_nrows(t), 2);
    ck_assert_str_eq(gidx_table_colname(t, 1), head);
    ck_assert_int_eq(gidx_table_find_column(&j, t, head), GIDX_OK);
    ck_assert_uint_eq(j, 1);
    ck_assert_str_eq(gidx_table_cell(t, 0, 1), field);
    ck_assert_str_eq(gidx_table_cell(t, 1, 1), "x");
    ck_assert_uint_eq(gidx_table_line(t, 1), 2 + 1 + n / 7 + (n % 7 > 4));
    gidx_table_free(t);
    free(csv);
    free(quoted);
    free(field);
    free(head);
}
END_TEST

static Suite *mem2_suite(void)
{
    Suite *s = suite_create("mem2");
    TCase *tc = tcase_create("long_fields");
    tcase_add_test(tc, test_long_names);
    tcase_add_test(tc, test_same_column);
    tcase_add_test(tc, test_wide);
    tcase_add_test(tc, test_duplicate);
    tcase_add_test(tc, test_table);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int failed;
    SRunner *sr = srunner_create(mem2_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
