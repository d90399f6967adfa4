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
#include <unistd.h>

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
    {
        /* by code, by display name (case-insensitive), or a code without a name */
        size_t r0, r1, r2, r3;
        ck_assert_int_eq(gidx_dataset_match_region(&r0, ds, "4003"), GIDX_OK);
        ck_assert_int_eq(gidx_dataset_match_region(&r1, ds, "skien"), GIDX_OK);
        ck_assert_uint_eq(r0, r1);
        ck_assert_str_eq(gidx_dataset_region(ds, r1), "4003");
        ck_assert_int_eq(gidx_dataset_match_region(&r2, ds, "4005"), GIDX_OK);
        ck_assert_str_eq(gidx_dataset_region(ds, r2), "4005");
        ck_assert_int_eq(gidx_dataset_match_region(&r3, ds, "Bergen"), GIDX_ENOTFOUND);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Bergen"));
        ck_assert_int_eq(gidx_dataset_match_region(NULL, ds, "4003"), GIDX_EINVAL);
    }
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


/* ---- test helpers ---- */

static const char *data_dir(void)
{
    const char *d = getenv("GIDX_TEST_DATA");
    ck_assert_msg(d != NULL, "GIDX_TEST_DATA is not set");
    return d;
}

static void data_path(char *buf, size_t cap, const char *file)
{
    snprintf(buf, cap, "%s/data/%s", data_dir(), file);
}

static double cell(const gidx_dataset *ds, const char *r, int y, const char *v, int *flag)
{
    double x;
    int f;
    ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, r, y, v), GIDX_OK);
    if (flag) *flag = f;
    return x;
}

static void assert_msg(const char *needle)
{
    ck_assert_msg(strstr(gidx_error_last()->message, needle) != NULL,
                  "message \"%s\" lacks \"%s\"", gidx_error_last()->message, needle);
}

/* ---- JSON-stat ---- */

START_TEST(test_jsonstat_05300)
{
    /* SSB table 05300: Avstand1 x Kulturtilbud x ContentsCode x Tid = 6 x 8 x 1 x 9,
     * no geo dimension: one region ("0", the default), variables named by the
     * dimensions with more than one category ("<Avstand1>.<Kulturtilbud>"). */
    char path[1024];
    gidx_dataset *ds = (gidx_dataset *)1;
    int f;
    data_path(path, sizeof path, "ssb_05300_jsonstat2.json");
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 1);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 48);
    ck_assert_uint_eq(gidx_dataset_nyears(ds), 9);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 432);
    ck_assert_int_eq(gidx_dataset_year(ds, 0), 1991);
    ck_assert_int_eq(gidx_dataset_year(ds, 8), 2021);
    /* value[0] = 16, value[1] = 14: the last dimension (Tid) varies fastest. */
    ck_assert_double_eq(cell(ds, "0", 1991, "01.01", &f), 16);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_double_eq(cell(ds, "0", 1994, "01.01", NULL), 14);
    /* value[72] = 39: the first dimension's stride is 8 * 1 * 9. */
    ck_assert_double_eq(cell(ds, "0", 1991, "02.01", NULL), 39);
    /* value[395] = 11: Avstand 06, Kulturtilbud 04, 2021. */
    ck_assert_double_eq(cell(ds, "0", 2021, "06.04", NULL), 11);
    /* status "71": "." (null value) -> not applicable; "360": ".." -> confidential. */
    ck_assert(isnan(cell(ds, "0", 2021, "01.08", &f)));
    ck_assert_int_eq(f, GIDX_FLAG_NOT_APPLICABLE);
    ck_assert(isnan(cell(ds, "0", 1991, "06.01", &f)));
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    ck_assert(isnan(cell(ds, "0", 2021, "06.08", &f)));
    ck_assert_int_eq(f, GIDX_FLAG_NOT_APPLICABLE);
    ck_assert_str_eq(gidx_dataset_meta(ds, "table"), "05300");
    ck_assert_str_eq(gidx_dataset_meta(ds, "source"), "Statistisk sentralbyrå");
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_jsonstat_mapping)
{
    /* The caller chooses the mapping: Kulturtilbud as regions, Avstand1 as variable. */
    char path[1024];
    gidx_dataset *ds = NULL;
    gidx_jsonstat_options o = GIDX_JSONSTAT_OPTIONS_INIT;
    data_path(path, sizeof path, "ssb_05300_jsonstat2.json");
    o.region_dim = "Kulturtilbud";
    o.variable_dim = "Avstand1";
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 8);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 6);
    ck_assert_double_eq(cell(ds, "04", 2021, "06", NULL), 11);
    gidx_dataset_free(ds);
    /* Avstand1 as variable with no region dimension leaves Kulturtilbud unmapped. */
    o.region_dim = NULL;
    ds = (gidx_dataset *)1;
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, &o), GIDX_EDATA);
    ck_assert_ptr_null(ds);
    assert_msg("Kulturtilbud");
    o.variable_dim = "Nope";
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, &o), GIDX_ENOTFOUND);
    assert_msg("Nope");
}
END_TEST

START_TEST(test_jsonstat_07459)
{
    /* Published: Trondheim 210,496, Oslo 699,827, sum 5,425,270 (data/README). */
    char path[1024];
    gidx_dataset *ds = NULL;
    gidx_jsonstat_options o = GIDX_JSONSTAT_OPTIONS_INIT;
    size_t i;
    double sum = 0;
    data_path(path, sizeof path, "ssb_07459_population_by_municipality_2022.json");
    o.variable = "population";
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 359);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 1);
    ck_assert_str_eq(gidx_dataset_variable(ds, 0), "population");
    ck_assert_double_eq(cell(ds, "5001", 2022, "population", NULL), 210496);
    ck_assert_double_eq(cell(ds, "0301", 2022, "population", NULL), 699827);
    for (i = 0; i < gidx_dataset_nregions(ds); i++)
        sum += cell(ds, gidx_dataset_region(ds, i), 2022, "population", NULL);
    ck_assert_double_eq(sum, 5425270);   /* integers: exact in double */
    ck_assert_int_eq(gidx_dataset_has(ds, "K-5001", 2022, "population"), 0);
    gidx_dataset_free(ds);
    /* Without opt.variable the single ContentsCode names the variable. */
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, NULL), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_variable(ds, 0), "Personer1");
    gidx_dataset_free(ds);
}
END_TEST

static gidx_status js(const char *text, gidx_dataset **ds)
{
    return gidx_dataset_load_jsonstat_buffer(ds, text, strlen(text), "bad.json", NULL);
}

START_TEST(test_jsonstat_errors)
{
    gidx_dataset *ds = (gidx_dataset *)1;
    /* jansson's line and column. */
    ck_assert_int_eq(js("{\n \"class\": \"dataset\",\n \"id\": [,\n}", &ds), GIDX_EPARSE);
    ck_assert_ptr_null(ds);
    assert_msg("bad.json:3:");
    ck_assert_int_eq(js("", &ds), GIDX_EPARSE);
    ck_assert_int_eq(js("[1, 2]", &ds), GIDX_EPARSE);
    ck_assert_int_eq(js("{\"class\": \"collection\"}", &ds), GIDX_EPARSE);
    assert_msg("not a JSON-stat 2.0 dataset");
    /* size mismatch */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[2,1],"
                        "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"R\"]},"
                        "\"dimension\":{\"R\":{\"category\":{\"index\":[\"K-01\",\"K-02\"]}},"
                        "\"Tid\":{\"category\":{\"index\":{\"2020\":0}}}},"
                        "\"value\":[1,2,3]}", &ds), GIDX_EDATA);
    assert_msg("\"value\" has 3 entries but the sizes give 2");
    /* a time category that is not a year */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[1,1],"
                        "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"R\"]},"
                        "\"dimension\":{\"R\":{\"category\":{\"index\":[\"K-01\"]}},"
                        "\"Tid\":{\"category\":{\"index\":{\"2020K1\":0}}}},"
                        "\"value\":[1]}", &ds), GIDX_EDATA);
    assert_msg("2020K1");
    /* a value that is neither a number nor null */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[1,1],"
                        "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"R\"]},\"dimension\":{"
                        "\"R\":{\"category\":{\"index\":[\"K-01\"]}},"
                        "\"Tid\":{\"category\":{\"index\":{\"2020\":0}}}},"
                        "\"value\":[\"12\"]}", &ds), GIDX_EDATA);
    assert_msg("value 0");
    /* "K-01" and "01" are the same region after stripping: a duplicate key */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[2,1],"
                        "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"R\"]},\"dimension\":{"
                        "\"R\":{\"category\":{\"index\":[\"K-01\",\"01\"]}},"
                        "\"Tid\":{\"category\":{\"index\":{\"2020\":0}}}},"
                        "\"value\":[1,2],\"status\":{\"1\":\"..\"}}", &ds), GIDX_EDUPLICATE);
    assert_msg("region 01, year 2020");
    /* sparse values and a status string for all cells */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[2,1],"
                        "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"R\"]},\"dimension\":{"
                        "\"R\":{\"category\":{\"index\":[\"K-01\",\"K-02\"]}},"
                        "\"Tid\":{\"category\":{\"index\":{\"2020\":0}}}},"
                        "\"value\":{\"1\":5}}", &ds), GIDX_OK);
    {
        int f;
        ck_assert_double_eq(cell(ds, "02", 2020, gidx_dataset_variable(ds, 0), &f), 5);
        ck_assert_int_eq(f, GIDX_FLAG_OK);
        cell(ds, "01", 2020, gidx_dataset_variable(ds, 0), &f);
        ck_assert_int_eq(f, GIDX_FLAG_MISSING);
    }
    gidx_dataset_free(ds);
    /* sizes that would make a sparse file walk 10^12 cells */
    ck_assert_int_eq(js("{\"class\":\"dataset\",\"id\":[\"R\",\"Tid\"],\"size\":[1000000,1000000],"
                        "\"dimension\":{},\"value\":{}}", &ds), GIDX_ELIMIT);
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, "/nonexistent.json", NULL), GIDX_EIO);
}
END_TEST

/* ---- registry ---- */

START_TEST(test_registry)
{
    gidx_registry *reg = NULL;
    size_t i;
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_uint_gt(gidx_registry_size(reg), 850);
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "4003", 2024), GIDX_OK);
    ck_assert_str_eq(gidx_registry_name(reg, i), "Skien");
    ck_assert_int_eq(gidx_registry_level(reg, i), GIDX_LEVEL_MUNICIPALITY);
    ck_assert_str_eq(gidx_registry_parent(reg, i), "40");
    ck_assert_str_eq(gidx_registry_successor(reg, i), "4003");
    /* validity clipped to county 40's (2024-) */
    ck_assert_int_eq(gidx_registry_valid_from(reg, i), 2024);
    ck_assert_int_eq(gidx_registry_valid_to(reg, i), 0);
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "4003", 2019), GIDX_ENOTFOUND);
    assert_msg("not valid in 2019");
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "0806", 2019), GIDX_OK);
    ck_assert_int_eq(gidx_registry_valid_to(reg, i), 2019);
    ck_assert_str_eq(gidx_registry_successor(reg, i), "4003");
    ck_assert_str_eq(gidx_registry_parent(reg, i), "08");
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "3817", 0), GIDX_OK);
    ck_assert_int_eq(gidx_registry_valid_from(reg, i), 2020);
    ck_assert_int_eq(gidx_registry_valid_to(reg, i), 2023);
    ck_assert_str_eq(gidx_registry_successor(reg, i), "4020");
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "1571", 0), GIDX_OK);
    ck_assert_ptr_null(gidx_registry_successor(reg, i));   /* Halsa: split in 2020 */
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "40", 2024), GIDX_OK);
    ck_assert_int_eq(gidx_registry_level(reg, i), GIDX_LEVEL_COUNTY);
    ck_assert_str_eq(gidx_registry_name(reg, i), "Telemark");
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "38", 2024), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_registry_find_code(&i, reg, "9876", 0), GIDX_ENOTFOUND);
    assert_msg("9876");
    /* Names: case-insensitive including æøå; today's region preferred. */
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "SKIEN", 0, GIDX_LEVEL_ANY), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "4003");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "skien", 2009, GIDX_LEVEL_ANY), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "0806");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "skien", 2021, 0), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "3807");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "KRAGERØ", 0, 0), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "4014");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, " bærum ", 0, 0), GIDX_OK);
    ck_assert_str_eq(gidx_registry_name(reg, i), "Bærum");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "BØ (TELEMARK)", 0, 0), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "0821");
    /* "Bø" alone: Bø (Telemark) and Bø (Nordland) were both valid in 2019 */
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "Bø", 2019, 0), GIDX_EDUPLICATE);
    assert_msg("0821");
    /* "Oslo" is a county and a municipality */
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "Oslo", 0, GIDX_LEVEL_ANY), GIDX_EDUPLICATE);
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "Oslo", 0, GIDX_LEVEL_COUNTY), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "03");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "trondheim", 2024, 0), GIDX_OK);
    ck_assert_str_eq(gidx_registry_code(reg, i), "5001");
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "Midt-Telemark", 2009, 0), GIDX_ENOTFOUND);
    assert_msg("Midt-Telemark");
    ck_assert_ptr_null(gidx_registry_code(reg, 100000));
    gidx_registry_free(reg);
    gidx_registry_free(NULL);
    reg = (gidx_registry *)1;
    ck_assert_int_eq(gidx_registry_load(&reg, "/nonexistent/m.csv", "/nonexistent/c.csv"), GIDX_EIO);
    ck_assert_ptr_null(reg);
}
END_TEST

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(test_registry_files)
{
    /* A registry from files: the shipped layout, then bad years and codes. */
    char m[] = "/tmp/gidx_reg_m_XXXXXX", c[] = "/tmp/gidx_reg_c_XXXXXX";
    gidx_registry *reg = NULL;
    size_t i;
    ck_assert_int_ge(mkstemp(m), 0);
    ck_assert_int_ge(mkstemp(c), 0);
    write_text(c, "code,name,valid_from,valid_to\n08,Telemark,,2019\n40,Telemark,2024,\n");
    write_text(m, "code_2024,name_2024,code,name,valid_from,valid_to\n"
                  "4020,Midt-Telemark,4020,Midt-Telemark,,\n"
                  "4020,Midt-Telemark,0821,Bø (Telemark),,2019\n");
    ck_assert_int_eq(gidx_registry_load(&reg, m, c), GIDX_OK);
    ck_assert_uint_eq(gidx_registry_size(reg), 4);
    ck_assert_int_eq(gidx_registry_find_name(&i, reg, "bø", 2019, GIDX_LEVEL_MUNICIPALITY), GIDX_OK);
    ck_assert_str_eq(gidx_registry_successor(reg, i), "4020");
    gidx_registry_free(reg);
    write_text(m, "code_2024,name_2024,code,name,valid_from,valid_to\n"
                  "4020,Midt-Telemark,4020,Midt-Telemark,20x0,\n");
    reg = (gidx_registry *)1;
    ck_assert_int_eq(gidx_registry_load(&reg, m, c), GIDX_EDATA);
    ck_assert_ptr_null(reg);
    assert_msg(":2: column 5 (\"valid_from\"): \"20x0\" is not a year");
    write_text(m, "code_2024,name_2024,code,name,valid_from,valid_to\n"
                  "4020,Midt-Telemark,4020,Midt-Telemark,,\n4020,Midt-Telemark,4020,X,,\n");
    ck_assert_int_eq(gidx_registry_load(&reg, m, c), GIDX_EDUPLICATE);
    assert_msg(":3: region code 4020 is listed twice");
    write_text(m, "kode,navn\n4020,Midt-Telemark\n");
    ck_assert_int_eq(gidx_registry_load(&reg, m, c), GIDX_ENOTFOUND);
    assert_msg("code_2024");
    remove(m);
    remove(c);
}
END_TEST

/* ---- harmonisation ---- */

START_TEST(test_harmonise_reforms)
{
    /* Trondheim 5001 <- 1601 + 1662 (to 2017) and 5030 (2018-2019);
     * Midt-Telemark 4020 <- 0821 + 0822 (to 2019) and 3817 (2020-2023).
     * Hand-worked sums of made-up counts. */
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL, *h = (gidx_dataset *)1;
    gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
    const char *intensive[] = { "rate" };
    int f;
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    gidx_dataset_set(ds, "1601", 2017, "pop", 190000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "1662", 2017, "pop", 6000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "1601", 2018, "pop", 0, GIDX_FLAG_NOT_APPLICABLE);
    gidx_dataset_set(ds, "5001", 2018, "pop", 193000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "5030", 2018, "pop", 6100, GIDX_FLAG_PROVISIONAL);
    gidx_dataset_set(ds, "5001", 2020, "pop", 205000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0821", 2019, "pop", 6000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0822", 2019, "pop", 4000, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0821", 2018, "pop", 5900, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0822", 2018, "pop", 0, GIDX_FLAG_CONFIDENTIAL);
    gidx_dataset_set(ds, "3817", 2021, "pop", 10500, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0806", 2019, "rate", 1.5, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0821", 2019, "rate", 2.0, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "0822", 2019, "rate", 3.0, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "1571", 2019, "pop", 1500, GIDX_FLAG_OK);   /* Halsa: split */
    gidx_dataset_set(ds, "50", 2019, "pop", 460000, GIDX_FLAG_OK);   /* a county */
    o.intensive = intensive;
    o.nintensive = 1;
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_OK);
    ck_assert_double_eq(cell(h, "5001", 2017, "pop", &f), 196000);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_double_eq(cell(h, "5001", 2018, "pop", &f), 199100);
    ck_assert_int_eq(f, GIDX_FLAG_PROVISIONAL);
    ck_assert_double_eq(cell(h, "5001", 2020, "pop", NULL), 205000);
    ck_assert_double_eq(cell(h, "4020", 2019, "pop", NULL), 10000);
    ck_assert_double_eq(cell(h, "4020", 2021, "pop", NULL), 10500);
    ck_assert(isnan(cell(h, "4020", 2018, "pop", &f)));   /* a confidential part */
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    /* intensive: renumbering copies, merging leaves it out */
    ck_assert_double_eq(cell(h, "4003", 2019, "rate", NULL), 1.5);
    ck_assert_int_eq(gidx_dataset_has(h, "4020", 2019, "rate"), 0);
    ck_assert_str_eq(gidx_dataset_region_name(h, "5001"), "Trondheim - Tråante");
    ck_assert_str_eq(gidx_dataset_region_name(h, "4020"), "Midt-Telemark");
    ck_assert_str_eq(gidx_dataset_meta(h, "harmonise.dropped"), "1571,50");
    ck_assert_int_eq(gidx_dataset_has(h, "1601", 2017, "pop"), 0);
    ck_assert_uint_eq(gidx_dataset_nregions(h), 3);
    gidx_dataset_free(h);
    /* double counting: 5001 and 5030 both in 2018 is fine (both valid), but 5001
     * and 1601 with values for the same year is refused */
    gidx_dataset_set(ds, "1601", 2020, "pop", 1, GIDX_FLAG_OK);
    h = (gidx_dataset *)1;
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_EDUPLICATE);
    ck_assert_ptr_null(h);
    assert_msg("region 5001, year 2020, variable pop");
    gidx_dataset_set(ds, "1601", 2020, "pop", 0, GIDX_FLAG_MISSING);
    /* unknown codes */
    gidx_dataset_set(ds, "9876", 2019, "pop", 1, GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_ENOTFOUND);
    assert_msg("9876");
    o.drop_unknown = 1;
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_meta(h, "harmonise.dropped"), "1571,50,9876");
    gidx_dataset_free(h);
    o.version = 2;
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_EINVAL);
    gidx_dataset_free(ds);
    gidx_registry_free(reg);
}
END_TEST

START_TEST(test_harmonise_07459)
{
    /* SSB 07459 for 2022 (2020-2023 codes) brought to 2024 boundaries: the
     * national sum is invariant (the dropped 21-22, 23 and Rest are 0). */
    char path[1024];
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL, *h = NULL;
    gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
    size_t i;
    double sum = 0;
    data_path(path, sizeof path, "ssb_07459_population_by_municipality_2022.json");
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_load_jsonstat(&ds, path, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_ENOTFOUND);
    o.drop_unknown = 1;
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, &o), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_meta(h, "harmonise.dropped"), "21-22,23,Rest");
    ck_assert_uint_eq(gidx_dataset_nregions(h), 356);
    for (i = 0; i < gidx_dataset_nregions(h); i++)
        sum += cell(h, gidx_dataset_region(h, i), 2022, "Personer1", NULL);
    ck_assert_double_eq(sum, 5425270);
    /* 3807 Skien (2020-2023) -> 4003; Trondheim keeps 5001 */
    ck_assert_double_eq(cell(h, "4003", 2022, "Personer1", NULL),
                        cell(ds, "3807", 2022, "Personer1", NULL));
    ck_assert_double_eq(cell(h, "5001", 2022, "Personer1", NULL), 210496);
    /* counties: Telemark (40) = its 17 municipalities */
    ck_assert_int_eq(gidx_dataset_aggregate_counties(h, reg, NULL, 0), GIDX_OK);
    {
        double t = 0;
        const char *tm[] = { "4001", "4003", "4005", "4010", "4012", "4014", "4016", "4018",
                             "4020", "4022", "4024", "4026", "4028", "4030", "4032", "4034",
                             "4036" };
        for (i = 0; i < 17; i++)
            t += cell(h, tm[i], 2022, "Personer1", NULL);
        ck_assert_double_eq(cell(h, "40", 2022, "Personer1", NULL), t);
        ck_assert_str_eq(gidx_dataset_region_name(h, "40"), "Telemark");
        /* Oslo county 03 = Oslo municipality */
        ck_assert_double_eq(cell(h, "03", 2022, "Personer1", NULL), 699827);
    }
    gidx_dataset_free(h);
    gidx_dataset_free(ds);
    gidx_registry_free(reg);
}
END_TEST

START_TEST(test_harmonise_identity)
{
    /* The embedded data are keyed by 2024 codes for all years: harmonisation
     * leaves every municipal cell unchanged and drops only the counties and
     * the country ("0", population of the whole country). */
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL, *h = NULL;
    size_t r, v, y;
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_harmonise(&h, ds, reg, NULL), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_meta(h, "harmonise.dropped"),
                     "40,03,11,15,18,31,32,33,34,39,42,46,50,55,56,0");
    ck_assert_uint_eq(gidx_dataset_nregions(h), 357);
    for (r = 0; r < gidx_dataset_nregions(h); r++)
        for (v = 0; v < gidx_dataset_nvariables(ds); v++)
            for (y = 0; y < gidx_dataset_nyears(ds); y++) {
                const char *rn = gidx_dataset_region(h, r), *vn = gidx_dataset_variable(ds, v);
                int year = gidx_dataset_year(ds, y);
                ck_assert_int_eq(gidx_dataset_has(h, rn, year, vn), gidx_dataset_has(ds, rn, year, vn));
                if (gidx_dataset_has(ds, rn, year, vn))
                    ck_assert(cell(h, rn, year, vn, NULL) == cell(ds, rn, year, vn, NULL));
            }
    gidx_dataset_free(h);
    gidx_dataset_free(ds);
    gidx_registry_free(reg);
}
END_TEST

START_TEST(test_aggregate_partial)
{
    /* A county with a municipality missing is missing, never a partial sum. */
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL;
    const char *vars[] = { "x" }, *bad[] = { "y" };
    int f;
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    gidx_dataset_set(ds, "4001", 2023, "x", 1, GIDX_FLAG_OK);
    gidx_dataset_set(ds, "4003", 2023, "x", 2, GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_aggregate_counties(ds, reg, vars, 1), GIDX_OK);
    ck_assert(isnan(cell(ds, "40", 2023, "x", &f)));
    ck_assert_int_eq(f, GIDX_FLAG_MISSING);
    ck_assert_int_eq(gidx_dataset_aggregate_counties(ds, reg, bad, 1), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_dataset_aggregate_counties(ds, NULL, vars, 1), GIDX_EINVAL);
    gidx_dataset_free(ds);
    gidx_registry_free(reg);
}
END_TEST

/* ---- the embedded Telemark data ---- */

START_TEST(test_default_data)
{
    /* Reference values: tests/data/data/reference_sums.py (independent Python
     * over the raw files), output in reference_sums.out. Sums of numbers with
     * two decimals: compared within 1e-6 t (rounding of the additions). */
    gidx_dataset *ds = NULL;
    int f;
    size_t i;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    /* 17 Telemark municipalities and county 40 with every variable, and the
     * population of the other 340 municipalities, 14 counties and the country */
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 373);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 37);
    ck_assert_str_eq(gidx_dataset_region(ds, 17), "40");
    /* SSB 07459 (data/README.md "population/"): Trondheim 2022, Bergen 2024,
     * the partners, the country 2024 */
    ck_assert_double_eq(cell(ds, "5001", 2022, "population", NULL), 210496);
    ck_assert_double_eq(cell(ds, "4601", 2024, "population", NULL), 291940);
    ck_assert_double_eq(cell(ds, "5035", 2024, "population", NULL), 24717);
    ck_assert_double_eq(cell(ds, "4624", 2024, "population", NULL), 26080);
    ck_assert_double_eq(cell(ds, "50", 2024, "population", NULL), 482956);
    ck_assert_double_eq(cell(ds, "46", 2024, "population", NULL), 651299);
    ck_assert_double_eq(cell(ds, "0", 2024, "population", NULL), 5550203);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "0"), "Norway");
    ck_assert_int_eq(gidx_dataset_has(ds, "5001", 2022, "ghg_total"), 0);
    ck_assert_double_eq_tol(cell(ds, "4003", 2009, "ghg_total", &f), 165081.66, 1e-6);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_double_eq_tol(cell(ds, "4003", 2023, "ghg_total", NULL), 116312.45, 1e-6);
    ck_assert_double_eq_tol(cell(ds, "4003", 2023, "ghg_road", NULL), 47999.98, 1e-6);
    ck_assert_double_eq_tol(cell(ds, "4001", 2015, "ghg_total", NULL), 2420164.07, 1e-5);
    ck_assert_double_eq_tol(cell(ds, "4001", 2015, "ghg_industry", NULL), 2273948.69, 1e-5);
    ck_assert_double_eq_tol(cell(ds, "4036", 2011, "ghg_total", NULL), 40540.92, 1e-6);
    ck_assert_double_eq(cell(ds, "4003", 2023, "population", NULL), 55924);
    ck_assert_double_eq(cell(ds, "4003", 2009, "population", NULL), 51359);
    ck_assert_double_eq(cell(ds, "40", 2023, "population", NULL), 175546);
    ck_assert_double_eq_tol(cell(ds, "40", 2023, "ghg_total", NULL), 2958061.72, 1e-5);
    ck_assert_double_eq(cell(ds, "4020", 2022, "employment_total", NULL), 4417);
    ck_assert_double_eq_tol(cell(ds, "4001", 2021, "electricity_total", NULL), 1946.5, 1e-9);
    /* the gaps in the emission years are real */
    ck_assert_int_eq(gidx_dataset_has(ds, "4003", 2010, "ghg_total"), 0);
    ck_assert_int_eq(gidx_dataset_has(ds, "4003", 2011, "ghg_total"), 1);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4003"), "Skien");
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4014"), "Kragerø");
    ck_assert_str_eq(gidx_dataset_region_name(ds, "40"), "Telemark");
    ck_assert_ptr_nonnull(strstr(gidx_dataset_meta(ds, "source"), "07459"));
    /* every variable of the contract exists */
    {
        const char *names[] = { "population", "ghg_total", "ghg_road", "ghg_heating",
            "ghg_industry", "ghg_shipping", "ghg_agriculture", "ghg_aviation", "ghg_other_mobile",
            "ghg_waste", "ghg_energy_supply", "ghg_fluorinated", "employment_total",
            "employment_agriculture", "employment_mining", "employment_manufacturing",
            "employment_utilities", "employment_construction", "employment_trade",
            "employment_transport", "employment_accommodation", "employment_ict",
            "employment_finance", "employment_real_estate_technical",
            "employment_business_services", "employment_public_admin", "employment_education",
            "employment_health", "employment_personal_services", "employment_unknown",
            "electricity_total", "electricity_households", "electricity_dwellings",
            "electricity_cabins", "electricity_primary", "electricity_secondary",
            "electricity_tertiary" };
        size_t idx;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            ck_assert_msg(gidx_dataset_find_variable(&idx, ds, names[i]) == GIDX_OK,
                          "missing %s", names[i]);
    }
    /* invariant: ghg_total = sum of the sectors (Skien 2023) */
    {
        const char *sec[] = { "ghg_road", "ghg_heating", "ghg_industry", "ghg_shipping",
            "ghg_agriculture", "ghg_aviation", "ghg_other_mobile", "ghg_waste",
            "ghg_energy_supply", "ghg_fluorinated" };
        double s = 0, x;
        for (i = 0; i < 10; i++) {
            x = cell(ds, "4003", 2023, sec[i], &f);
            if (f == GIDX_FLAG_OK) s += x;
        }
        ck_assert_double_eq_tol(s, 116312.45, 1e-6);
    }
    gidx_dataset_free(ds);
}
END_TEST

/* ---- CSV loaders ---- */

static gidx_status lcsv(const char *text, gidx_dataset **ds, const gidx_long_csv_options *o)
{
    return gidx_dataset_parse_csv(ds, text, strlen(text), "l.csv", o);
}

START_TEST(test_long_csv)
{
    gidx_dataset *ds = NULL;
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    int f;
    /* default columns, extra column ignored, flags and SSB symbols */
    ck_assert_int_eq(lcsv("note,region,year,variable,value,flag\n"
                          "a,4003,2023,pop,55924,\n"
                          "b,4003,2022,pop,55500,p\n"
                          "c,4005,2023,pop,..,\n"
                          "d,4005,2022,pop,,confidential\n"
                          "e,\"Bø, Telemark\",2023,pop,.,\n", &ds, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 5);
    ck_assert_double_eq(cell(ds, "4003", 2023, "pop", &f), 55924);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_double_eq(cell(ds, "4003", 2022, "pop", &f), 55500);
    ck_assert_int_eq(f, GIDX_FLAG_PROVISIONAL);
    cell(ds, "4005", 2023, "pop", &f);
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    cell(ds, "4005", 2022, "pop", &f);
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    cell(ds, "Bø, Telemark", 2023, "pop", &f);
    ck_assert_int_eq(f, GIDX_FLAG_NOT_APPLICABLE);
    gidx_dataset_free(ds);
    /* configurable column names, Norwegian dialect: ';', decimal comma, BOM, Latin-1 */
    o.region = "kommune";
    o.year = "år";
    o.variable = "variabel";
    o.value = "verdi";
    ck_assert_int_eq(lcsv("\xEF\xBB\xBFkommune;år;variabel;verdi\n4003;2023;co2;1 234,5\n",
                          &ds, &o), GIDX_OK);
    ck_assert_double_eq(cell(ds, "4003", 2023, "co2", NULL), 1234.5);
    gidx_dataset_free(ds);
    ck_assert_int_eq(lcsv("kommune;\xE5r;variabel;verdi\nB\xF8;2023;co2;2,5\n", &ds, &o), GIDX_OK);
    ck_assert_double_eq(cell(ds, "B\xC3\xB8", 2023, "co2", NULL), 2.5);
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_long_csv_errors)
{
    gidx_dataset *ds = (gidx_dataset *)1;
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    ck_assert_int_eq(lcsv("", &ds, NULL), GIDX_EDATA);
    ck_assert_ptr_null(ds);
    assert_msg("l.csv: empty file");
    ck_assert_int_eq(lcsv("region,year,variable,value\n", &ds, NULL), GIDX_EDATA);
    assert_msg("l.csv: no data rows");
    ck_assert_int_eq(lcsv("region,year,variable,value\n4003,2023,pop,1\n4003,2023,pop,2\n", &ds,
                          NULL), GIDX_EDUPLICATE);
    ck_assert_ptr_null(ds);
    assert_msg("l.csv:3: column 4: region 4003, year 2023, variable pop is already given on line 2");
    ck_assert_int_eq(lcsv("region,year,variable,value\n4003,2023,pop,1\n4003,2022,pop,12x\n", &ds,
                          NULL), GIDX_EDATA);
    assert_msg("l.csv:3: column 4 (\"value\"): \"12x\" is not a number");
    ck_assert_int_eq(lcsv("region,year,variable,value\n4003,20x3,pop,1\n", &ds, NULL), GIDX_EDATA);
    assert_msg("l.csv:2: column 2 (\"year\")");
    ck_assert_int_eq(lcsv("region,year,var,value\n4003,2023,pop,1\n", &ds, NULL), GIDX_ENOTFOUND);
    assert_msg("no column named \"variable\"");
    ck_assert_int_eq(lcsv("region,year,variable,value,flag\n4003,2023,pop,1,maybe\n", &ds, NULL),
                     GIDX_EDATA);
    assert_msg("l.csv:2: column 5 (\"flag\"): unknown flag \"maybe\"");
    ck_assert_int_eq(lcsv("region,year,variable,value\n,2023,pop,1\n", &ds, NULL), GIDX_EDATA);
    assert_msg("empty region");
    ck_assert_int_eq(lcsv("region,year,variable,value\n4003,2023,pop,1,2\n", &ds, NULL), GIDX_EPARSE);
    assert_msg("l.csv:2");
    o.version = 7;
    ck_assert_int_eq(lcsv("region,year,variable,value\n4003,2023,pop,1\n", &ds, &o), GIDX_EINVAL);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, "/nonexistent/l.csv", NULL), GIDX_EIO);
    assert_msg("/nonexistent/l.csv");
}
END_TEST

START_TEST(test_ssb_export)
{
    /* SSB statistics-bank export with a title line and a blank line: detected
     * and skipped; ';', quotes, CRLF. Published: 1990 51,348; 2023 46,654 kt. */
    char path[1024];
    gidx_dataset *ds = NULL;
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    data_path(path, sizeof path, "ssb_13931_ghg_by_source_1990_2023_export.csv");
    o.region = "kilde (aktivitet)";
    o.year = "år";
    o.variable = "komponent";
    o.value = "Utslipp til luft (1 000 tonn CO2-ekvivalenter, AR5)";
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, path, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nyears(ds), 34);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 9);
    ck_assert_double_eq(cell(ds, "0 Alle kilder", 1990, "Klimagasser i alt", NULL), 51348);
    ck_assert_double_eq(cell(ds, "0 Alle kilder", 2005, "Klimagasser i alt", NULL), 54897);
    ck_assert_double_eq(cell(ds, "0 Alle kilder", 2023, "Klimagasser i alt", NULL), 46654);
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_wide_csv)
{
    gidx_dataset *ds = NULL;
    gidx_wide_csv_options o = GIDX_WIDE_CSV_OPTIONS_INIT;
    const char *years = "region;navn;2022;2023\n4003;Skien;55500;55924\n4005;Notodden;..;13100\n";
    const char *vars = "region,year,pop,jobs\n4003,2023,55924,25000\n4003,2022,55500,\n";
    o.variable_name = "population";
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, years, strlen(years), "w.csv", &o), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 4);
    ck_assert_double_eq(cell(ds, "4003", 2023, "population", NULL), 55924);
    ck_assert_double_eq(cell(ds, "4005", 2023, "population", NULL), 13100);
    gidx_dataset_free(ds);
    o.layout = GIDX_WIDE_VARIABLES;
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, vars, strlen(vars), "v.csv", &o), GIDX_OK);
    ck_assert_double_eq(cell(ds, "4003", 2023, "jobs", NULL), 25000);
    ck_assert_int_eq(gidx_dataset_has(ds, "4003", 2022, "jobs"), 1);
    gidx_dataset_free(ds);
    /* errors */
    o.layout = GIDX_WIDE_YEARS;
    ds = (gidx_dataset *)1;
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, "region,name\n4003,Skien\n", 23, "n.csv", &o),
                     GIDX_EDATA);
    ck_assert_ptr_null(ds);
    assert_msg("no year columns");
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, "region,2023\n4003,1\n4003,2\n", 26, "d.csv",
                                                 &o), GIDX_EDUPLICATE);
    assert_msg("d.csv:3: column 2");
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, "region,2023\n4003,x\n", 19, "x.csv", &o),
                     GIDX_EDATA);
    assert_msg("x.csv:2: column 2 (\"2023\")");
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, "region,2023\n", 12, "h.csv", &o), GIDX_EDATA);
    o.layout = 9;
    ck_assert_int_eq(gidx_dataset_parse_wide_csv(&ds, "region,2023\n4003,1\n", 19, "x.csv", &o),
                     GIDX_EINVAL);
}
END_TEST

START_TEST(test_emissions_loader)
{
    /* Miljødirektoratet's layout: duplicate keys are summed, names trimmed,
     * municipalities by name (registry) or by number. */
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL;
    const char *named = "Kommune,År,Sektor,Utslippskilde,Utslipp\n"
                        "Skien,2023,Veitrafikk,Personbiler  ,100.5\n"
                        "Skien,2023,Veitrafikk,Personbiler  ,0.25\n"
                        "Skien,2023,Oppvarming,Næring,10\n"
                        "Porsgrunn,2023,Nytt område,X,1\n";
    const char *numbered = "Kommunenummer,Kommune,År,Sektor,Utslippskilde,Utslipp\n"
                           "0806,Skien,2019,Sjøfart,Skip,7\n";
    const char *unknown = "Kommune,År,Sektor,Utslippskilde,Utslipp\nAtlantis,2023,Veitrafikk,X,1\n";
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, named, strlen(named), "e.csv", reg), GIDX_OK);
    ck_assert_double_eq_tol(cell(ds, "4003", 2023, "ghg_road", NULL), 100.75, 1e-12);
    ck_assert_double_eq_tol(cell(ds, "4003", 2023, "ghg_total", NULL), 110.75, 1e-12);
    ck_assert_double_eq(cell(ds, "4003", 2023, "ghg_heating", NULL), 10);
    ck_assert_double_eq(cell(ds, "4001", 2023, "ghg_nytt_omrade", NULL), 1);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4003"), "Skien");
    gidx_dataset_free(ds);
    ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, numbered, strlen(numbered), "n.csv", NULL),
                     GIDX_OK);
    ck_assert_double_eq(cell(ds, "0806", 2019, "ghg_shipping", NULL), 7);
    gidx_dataset_free(ds);
    ds = (gidx_dataset *)1;
    ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, unknown, strlen(unknown), "u.csv", reg),
                     GIDX_ENOTFOUND);
    ck_assert_ptr_null(ds);
    assert_msg("u.csv:2: column 1: no region named \"Atlantis\"");
    ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, named, strlen(named), "e.csv", NULL),
                     GIDX_EINVAL);
    {
        const char *bad = "Kommune,År,Sektor,Utslipp\nSkien,2023,Veitrafikk,abc\n";
        ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, bad, strlen(bad), "b.csv", reg),
                         GIDX_EDATA);
    }
    assert_msg("b.csv:2: column 4");
    ck_assert_int_eq(gidx_dataset_parse_emissions(&ds, "", 0, "z.csv", reg), GIDX_EDATA);
    gidx_registry_free(reg);
}
END_TEST

START_TEST(test_write_roundtrip)
{
    /* The writer's output reads back exactly: every cell, value and flag. */
    gidx_dataset *ds = NULL, *back = NULL;
    char path[] = "/tmp/gidx_data_rt_XXXXXX";
    int fd = mkstemp(path);
    size_t r, v, y;
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    gidx_dataset_set(ds, "4003", 2030, "odd, \"quoted\" name", 1.0 / 3.0, GIDX_FLAG_PROVISIONAL);
    gidx_dataset_set(ds, "4003", 2031, "ghg_total", 0, GIDX_FLAG_CONFIDENTIAL);
    gidx_dataset_set(ds, "4003", 2032, "ghg_total", 0, GIDX_FLAG_NOT_APPLICABLE);
    gidx_dataset_set(ds, "4003", 2033, "ghg_total", 0, GIDX_FLAG_MISSING);
    gidx_dataset_set(ds, "4003", 2034, "ghg_total", -1.5e-300, GIDX_FLAG_OK);
    ck_assert_int_eq(gidx_dataset_write_csv(ds, path), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_load_csv(&back, path, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(back), gidx_dataset_ncells(ds));
    for (r = 0; r < gidx_dataset_nregions(ds); r++)
        for (v = 0; v < gidx_dataset_nvariables(ds); v++)
            for (y = 0; y < gidx_dataset_nyears(ds); y++) {
                const char *rn = gidx_dataset_region(ds, r), *vn = gidx_dataset_variable(ds, v);
                int year = gidx_dataset_year(ds, y), f1, f2;
                double a, b;
                ck_assert_int_eq(gidx_dataset_has(ds, rn, year, vn),
                                 gidx_dataset_has(back, rn, year, vn));
                a = cell(ds, rn, year, vn, &f1);
                b = cell(back, rn, year, vn, &f2);
                ck_assert_int_eq(f1, f2);
                if (!isnan(a))
                    ck_assert_msg(a == b, "%s %d %s: %.17g != %.17g", rn, year, vn, a, b);
            }
    gidx_dataset_free(back);
    ck_assert_int_eq(gidx_dataset_write_csv(ds, "/nonexistent/dir/x.csv"), GIDX_EIO);
    ck_assert_int_eq(gidx_dataset_write_csv(NULL, path), GIDX_EINVAL);
    gidx_dataset_free(ds);
    remove(path);
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
    tc = tcase_create("jsonstat");
    tcase_add_test(tc, test_jsonstat_05300);
    tcase_add_test(tc, test_jsonstat_mapping);
    tcase_add_test(tc, test_jsonstat_07459);
    tcase_add_test(tc, test_jsonstat_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("registry");
    tcase_add_test(tc, test_registry);
    tcase_add_test(tc, test_registry_files);
    suite_add_tcase(s, tc);
    tc = tcase_create("harmonise");
    tcase_add_test(tc, test_harmonise_reforms);
    tcase_add_test(tc, test_harmonise_07459);
    tcase_add_test(tc, test_harmonise_identity);
    tcase_add_test(tc, test_aggregate_partial);
    suite_add_tcase(s, tc);
    tc = tcase_create("default");
    tcase_add_test(tc, test_default_data);
    suite_add_tcase(s, tc);
    tc = tcase_create("loaders");
    tcase_add_test(tc, test_long_csv);
    tcase_add_test(tc, test_long_csv_errors);
    tcase_add_test(tc, test_ssb_export);
    tcase_add_test(tc, test_wide_csv);
    tcase_add_test(tc, test_emissions_loader);
    tcase_add_test(tc, test_write_roundtrip);
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
