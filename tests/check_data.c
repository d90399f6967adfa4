/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Data layer: CSV tables in their dialects and the dataset panel. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

static gidx_table *parse(const char *text, const gidx_csv_options *o)
{
    gidx_table *t = NULL;
    gidx_status rc = gidx_table_parse_csv(&t, text, strlen(text), "t.csv", o);
    ck_assert_msg(rc == GIDX_OK, "parse failed: %s", gidx_error_last()->message);
    return t;
}

START_TEST(test_csv_basic)
{
    gidx_table *t = parse("region,year,value\n4003,2009,\"1,5\"\r\n\n4005,2011,2\n", NULL);
    size_t j;
    double v;
    ck_assert_uint_eq(gidx_table_nrows(t), 2);
    ck_assert_uint_eq(gidx_table_ncols(t), 3);
    ck_assert_int_eq(gidx_table_separator(t), ',');
    ck_assert_str_eq(gidx_table_colname(t, 2), "value");
    ck_assert_str_eq(gidx_table_cell(t, 0, 2), "1,5");
    ck_assert_uint_eq(gidx_table_line(t, 0), 2);
    ck_assert_uint_eq(gidx_table_line(t, 1), 4);  /* the blank line 3 is skipped */
    ck_assert_int_eq(gidx_table_find_column(&j, t, "year"), GIDX_OK);
    ck_assert_uint_eq(j, 1);
    ck_assert_int_eq(gidx_table_cell_double(&v, t, 1, 2), GIDX_OK);
    ck_assert_double_eq(v, 2.0);
    /* "1,5" is not a number when the decimal mark is '.' */
    ck_assert_int_eq(gidx_table_cell_double(&v, t, 0, 2), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "t.csv:2: column 3 (\"value\")"));
    ck_assert_int_eq(gidx_table_find_column(&j, t, "verdi"), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "verdi"));
    gidx_table_free(t);
    gidx_table_free(NULL);
}
END_TEST

START_TEST(test_csv_norwegian_dialect)
{
    /* ';' separator, decimal comma, BOM, SSB symbols, a space as thousands separator. */
    gidx_table *t = parse("\xEF\xBB\xBFkommune;år;verdi\nSkien;2023;12 345,5\nBø;2023;..\nNome;2023;.\n", NULL);
    double v[3];
    ck_assert_int_eq(gidx_table_separator(t), ';');
    ck_assert_int_eq(gidx_table_decimal(t), ',');
    ck_assert_str_eq(gidx_table_colname(t, 0), "kommune");
    ck_assert_str_eq(gidx_table_cell(t, 1, 0), "Bø");
    ck_assert_int_eq(gidx_table_column_double(v, 3, t, 2), GIDX_OK);
    ck_assert_double_eq(v[0], 12345.5);
    ck_assert(isnan(v[1]) && isnan(v[2]));
    ck_assert_int_eq(gidx_table_column_double(v, 2, t, 2), GIDX_EBUFS);
    gidx_table_free(t);
}
END_TEST

START_TEST(test_csv_latin1)
{
    /* "Bø" in Latin-1 (0xF8) is converted to UTF-8 in auto mode, refused in UTF-8 mode. */
    const char text[] = "name,x\nB\xF8,1\n";
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_table *t = parse(text, NULL);
    ck_assert_str_eq(gidx_table_cell(t, 0, 0), "B\xC3\xB8");
    gidx_table_free(t);
    o.encoding = GIDX_ENCODING_UTF8;
    t = (gidx_table *)1;
    ck_assert_int_eq(gidx_table_parse_csv(&t, text, strlen(text), "l1.csv", &o), GIDX_EENCODING);
    ck_assert_ptr_null(t);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "l1.csv:2:2"));
}
END_TEST

START_TEST(test_csv_errors)
{
    gidx_table *t = (gidx_table *)1;
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    ck_assert_int_eq(gidx_table_parse_csv(&t, "", 0, "e.csv", NULL), GIDX_EDATA);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(gidx_table_parse_csv(&t, "a,b\n1,2,3\n", 10, "r.csv", NULL), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "r.csv:2: row has 3 fields"));
    ck_assert_int_eq(gidx_table_parse_csv(&t, "a,b\n\"1,2\n", 9, "q.csv", NULL), GIDX_EPARSE);
    ck_assert_int_eq(gidx_table_parse_csv(&t, "a,a\n1,2\n", 8, "d.csv", NULL), GIDX_EDUPLICATE);
    o.max_bytes = 4;
    ck_assert_int_eq(gidx_table_parse_csv(&t, "a,b\n1,2\n", 8, "big.csv", &o), GIDX_ELIMIT);
    ck_assert_int_eq(gidx_table_read_csv(&t, "/nonexistent/x.csv", NULL), GIDX_EIO);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "/nonexistent/x.csv"));
    ck_assert_ptr_null(t);
}
END_TEST

START_TEST(test_csv_skip_title)
{
    /* SSB's statistics-bank export: a title line and a blank line first. */
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_table *t;
    o.skip_lines = 2;
    t = parse("13931: Utslipp\n\n\"kilde\";\"år\";\"verdi\"\r\n\"0 Alle\";\"1990\";\"51348\"\r\n", &o);
    ck_assert_uint_eq(gidx_table_nrows(t), 1);
    ck_assert_str_eq(gidx_table_colname(t, 1), "år");
    ck_assert_uint_eq(gidx_table_line(t, 0), 4);
    gidx_table_free(t);
}
END_TEST

START_TEST(test_parse_double)
{
    double v;
    ck_assert_int_eq(gidx_parse_double(&v, " -1.25e2 "), GIDX_OK);
    ck_assert_double_eq(v, -125.0);
    ck_assert_int_eq(gidx_parse_double(&v, "NaN"), GIDX_EDATA);
    ck_assert_int_eq(gidx_parse_double(&v, "inf"), GIDX_EDATA);
    ck_assert_int_eq(gidx_parse_double(&v, "1e999"), GIDX_EDATA);
    ck_assert_int_eq(gidx_parse_double(&v, "12abc"), GIDX_EDATA);
}
END_TEST

START_TEST(test_dataset_roundtrip)
{
    gidx_dataset *ds = NULL, *cp = NULL;
    double v, s[4];
    int f, fl[4];
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4003", 2013, "pop", 55000, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4003", 2009, "pop", 52000, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4005", 2011, "pop", 0, GIDX_FLAG_CONFIDENTIAL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4003", 2011, "pop", 53000, GIDX_FLAG_PROVISIONAL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4003", 2011, "pop", 53500, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4);
    ck_assert_uint_eq(gidx_dataset_nyears(ds), 3);
    ck_assert_int_eq(gidx_dataset_year(ds, 0), 2009);
    ck_assert_int_eq(gidx_dataset_year(ds, 2), 2013);
    ck_assert_str_eq(gidx_dataset_region(ds, 1), "4005");
    ck_assert_int_eq(gidx_dataset_get(&v, &f, ds, "4003", 2011, "pop"), GIDX_OK);
    ck_assert_double_eq(v, 53500);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_get(&v, &f, ds, "4005", 2011, "pop"), GIDX_OK);
    ck_assert(isnan(v));
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    ck_assert_int_eq(gidx_dataset_get(&v, &f, ds, "9999", 2011, "pop"), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_MISSING);
    ck_assert_int_eq(gidx_dataset_series(s, fl, 4, ds, "4003", "pop"), GIDX_OK);
    ck_assert_double_eq(s[0], 52000);
    ck_assert_double_eq(s[1], 53500);
    ck_assert_double_eq(s[2], 55000);
    ck_assert_int_eq(gidx_dataset_series(s, fl, 2, ds, "4003", "pop"), GIDX_EBUFS);
    ck_assert_int_eq(gidx_dataset_series(s, fl, 4, ds, "4003", "jobs"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_dataset_set(ds, "4003", 2011, "pop", NAN, GIDX_FLAG_OK), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "region 4003, year 2011, variable pop"));
    ck_assert_int_eq(gidx_dataset_set_region_name(ds, "4003", "Skien"), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4003"), "Skien");
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4005"), "4005");
    ck_assert_int_eq(gidx_dataset_set_meta(ds, "source", "SSB 07459"), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_copy(&cp, ds), GIDX_OK);
    gidx_dataset_free(ds);
    ck_assert_uint_eq(gidx_dataset_ncells(cp), 4);
    ck_assert_str_eq(gidx_dataset_meta(cp, "source"), "SSB 07459");
    ck_assert_str_eq(gidx_dataset_region_name(cp, "4003"), "Skien");
    ck_assert_int_eq(gidx_dataset_get(&v, &f, cp, "4003", 2013, "pop"), GIDX_OK);
    ck_assert_double_eq(v, 55000);
    gidx_dataset_free(cp);
    gidx_dataset_free(NULL);
}
END_TEST

START_TEST(test_dataset_scale)
{
    /* 100,000 cells load and read back. */
    gidx_dataset *ds = NULL;
    char r[16];
    int i, y;
    double v;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (i = 0; i < 5000; i++) {
        snprintf(r, sizeof r, "r%d", i);
        for (y = 2000; y < 2020; y++)
            ck_assert_int_eq(gidx_dataset_set(ds, r, y, "x", i + y, GIDX_FLAG_OK), GIDX_OK);
    }
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 100000);
    ck_assert_int_eq(gidx_dataset_get(&v, NULL, ds, "r4321", 2017, "x"), GIDX_OK);
    ck_assert_double_eq(v, 4321 + 2017);
    gidx_dataset_free(ds);
}
END_TEST

static Suite *data_suite(void)
{
    Suite *s = suite_create("data");
    TCase *tc = tcase_create("csv");
    tcase_add_test(tc, test_csv_basic);
    tcase_add_test(tc, test_csv_norwegian_dialect);
    tcase_add_test(tc, test_csv_latin1);
    tcase_add_test(tc, test_csv_errors);
    tcase_add_test(tc, test_csv_skip_title);
    tcase_add_test(tc, test_parse_double);
    suite_add_tcase(s, tc);
    tc = tcase_create("dataset");
    tcase_add_test(tc, test_dataset_roundtrip);
    tcase_add_test(tc, test_dataset_scale);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(data_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
