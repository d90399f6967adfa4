/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * JSON-stat parts read from the text instead of jansson's tree (issue 19,
 * memory within twice the input): a sparse "value" object, and a large
 * category "index" and "label" of plain strings. The invariant checked: the
 * same document with the key written with an escape ("valu\u0065",
 * "inde\u0078"), which the text readers leave to jansson, gives the same
 * dataset cell for cell, bit for bit, with the same metadata; malformed
 * variants give the error the tree gave, at the same line and column.
 */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

#define NREG 200
#define NCAT 100
#define NYEAR 3
#define NVAL 500
#define TOTAL (NREG * NCAT * NYEAR)

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert(n >= 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        ck_assert_ptr_nonnull(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* Cell i of the sparse value: flat index i * 7919 mod TOTAL (7919 is prime
 * and does not divide TOTAL, so the NVAL indices are distinct). */
/* Spaces over t->s[b..), newlines kept (as the loader serves the parts it
 * reads from the text to jansson). */
static void blank_from(text *t, size_t b)
{
    for (; b < t->len; b++)
        if (t->s[b] != '\n')
            t->s[b] = ' ';
}

static long cell_of(int i)
{
    return (long)i * 7919 % TOTAL;
}

typedef struct variant {
    const char *value_key;   /* "value" or an escaped spelling */
    const char *index_key;   /* "index" or an escaped spelling */
    int region_array;        /* the region index as an array */
    const char *tail;        /* text before the closing brace */
    const char *dup_region;  /* a region code written twice */
    int short_index;         /* one region fewer than the size */
    int bad_position;        /* a region at position NREG (1) or 3333333333333333333 (2) */
    const char *extra_value; /* an extra member of the value object */
    int blank;               /* interiors of the index, label and value as spaces */
} variant;

/* A JSON-stat answer: NREG regions (K-0000 ...), NCAT categories with
 * labels, NYEAR years, NVAL cells in a sparse "value" object (every 37th
 * null), a "status" object on cell 5 (not in the value) and on cell i = 3. */
static char *doc(const variant *v, size_t *len)
{
    text t = { NULL, 0, 0 };
    size_t b;
    int k;
    put(&t, "{\"version\":\"2.0\",\"class\":\"dataset\",\"label\":\"synthetic\",\n"
            "\"id\":[\"Region\",\"C\",\"Tid\"],\"size\":[%d,%d,%d],\n"
            "\"role\":{\"geo\":[\"Region\"],\"time\":[\"Tid\"]},\n"
            "\"dimension\":{\"Region\":{\"category\":{\"%s\":%s", NREG, NCAT, NYEAR,
        v->index_key, v->region_array ? "[" : "{");
    b = t.len;
    for (k = 0; k < NREG - (v->short_index ? 1 : 0); k++) {
        char code[16];
        snprintf(code, sizeof code, "K-%04d", k);
        if (v->dup_region != NULL && k == 2)
            snprintf(code, sizeof code, "%s", v->dup_region);
        if (v->region_array)
            put(&t, "%s\"%s\"", k ? ", " : "", code);
        else if (v->bad_position == 2 && k == 7)   /* found by fuzz_jsonstat: overflowed */
            put(&t, ",\n \"%s\": 3333333333333333333", code);
        else
            put(&t, "%s\"%s\": %d", k ? ",\n " : "", code,
                v->bad_position && k == 7 ? NREG : k);
    }
    if (v->blank)
        blank_from(&t, b);
    put(&t, "%s}},\n\"C\":{\"category\":{\"%s\":{", v->region_array ? "]" : "}", v->index_key);
    b = t.len;
    for (k = 0; k < NCAT; k++)
        put(&t, "%s\"cat%03d\":%d", k ? "," : "", k, k);
    if (v->blank)
        blank_from(&t, b);
    put(&t, "},\"label\":{");
    b = t.len;
    for (k = 0; k < NCAT; k++)
        put(&t, "%s\"cat%03d\":\"Category number %d, a label of some length\"", k ? "," : "", k, k);
    if (v->blank)
        blank_from(&t, b);
    put(&t, "}}},\n\"Tid\":{\"category\":{\"index\":[\"2020\",\"2021\",\"2022\"]}}},\n"
            "\"status\":{\"5\":\"..\",\"%ld\":\".\"},\n\"%s\":{", cell_of(3), v->value_key);
    b = t.len;
    for (k = 0; k < NVAL; k++) {
        if (k % 37 == 0)
            put(&t, "%s\"%ld\":null", k ? ",\n" : "", cell_of(k));
        else
            put(&t, "%s\"%ld\": %.17g", k ? ",\n" : "", cell_of(k), k * 0.25 - 3);
    }
    if (v->extra_value != NULL)
        put(&t, ",%s", v->extra_value);
    if (v->blank)
        blank_from(&t, b);
    put(&t, "}%s}\n", v->tail ? v->tail : "");
    *len = t.len;
    return t.s;
}

static gidx_status load(gidx_dataset **ds, const variant *v)
{
    size_t len;
    char *s = doc(v, &len);
    gidx_status rc = gidx_dataset_load_jsonstat_buffer(ds, s, len, "t.json", NULL);
    free(s);
    return rc;
}

/* Same regions, variables and years in the same order, the same cells bit
 * for bit with the same flags, the same metadata. */
static void same_dataset(const gidx_dataset *a, const gidx_dataset *b)
{
    size_t r, v, y, k;
    ck_assert_uint_eq(gidx_dataset_nregions(a), gidx_dataset_nregions(b));
    ck_assert_uint_eq(gidx_dataset_nvariables(a), gidx_dataset_nvariables(b));
    ck_assert_uint_eq(gidx_dataset_nyears(a), gidx_dataset_nyears(b));
    ck_assert_uint_eq(gidx_dataset_ncells(a), gidx_dataset_ncells(b));
    for (r = 0; r < gidx_dataset_nregions(a); r++)
        ck_assert_str_eq(gidx_dataset_region(a, r), gidx_dataset_region(b, r));
    for (v = 0; v < gidx_dataset_nvariables(a); v++)
        ck_assert_str_eq(gidx_dataset_variable(a, v), gidx_dataset_variable(b, v));
    for (y = 0; y < gidx_dataset_nyears(a); y++)
        ck_assert_int_eq(gidx_dataset_year(a, y), gidx_dataset_year(b, y));
    for (r = 0; r < gidx_dataset_nregions(a); r++)
        for (v = 0; v < gidx_dataset_nvariables(a); v++)
            for (y = 0; y < gidx_dataset_nyears(a); y++) {
                const char *rn = gidx_dataset_region(a, r), *vn = gidx_dataset_variable(a, v);
                int yr = gidx_dataset_year(a, y), fa = -1, fb = -1;
                double xa = 0, xb = 0;
                gidx_status ra = gidx_dataset_get(&xa, &fa, a, rn, yr, vn);
                gidx_status rb = gidx_dataset_get(&xb, &fb, b, rn, yr, vn);
                ck_assert_int_eq(ra, rb);
                if (ra == GIDX_OK) {
                    ck_assert_int_eq(fa, fb);
                    if (fa == GIDX_FLAG_OK)
                        ck_assert(memcmp(&xa, &xb, sizeof xa) == 0);
                }
            }
    ck_assert_uint_eq(gidx_dataset_nmeta(a), gidx_dataset_nmeta(b));
    for (k = 0; k < gidx_dataset_nmeta(a); k++) {
        const char *key = gidx_dataset_meta_key(a, k);
        ck_assert_ptr_nonnull(gidx_dataset_meta(b, key));
        ck_assert_str_eq(gidx_dataset_meta(a, key), gidx_dataset_meta(b, key));
    }
}

START_TEST(test_text_equals_tree)
{
    variant plain = { "value", "index", 0, NULL, NULL, 0, 0, NULL, 0 };
    variant tree = { "valu\\u0065", "inde\\u0078", 0, NULL, NULL, 0, 0, NULL, 0 };
    variant array = { "value", "index", 1, NULL, NULL, 0, 0, NULL, 0 };
    gidx_dataset *a = NULL, *b = NULL, *c = NULL;
    double x;
    int f;
    ck_assert_int_eq(load(&a, &plain), GIDX_OK);
    ck_assert_int_eq(load(&b, &tree), GIDX_OK);
    ck_assert_int_eq(load(&c, &array), GIDX_OK);
    /* every region of the index is listed, also those without a cell */
    ck_assert_uint_eq(gidx_dataset_nregions(a), NREG);
    /* NVAL cells and the status-only cell 5 */
    ck_assert_uint_eq(gidx_dataset_ncells(a), NVAL + 1);
    same_dataset(a, b);
    same_dataset(a, c);
    /* by hand: i = 10 is flat cell 79190 mod 60000 = 19190: region
     * 19190 / 300 = 63, category (19190 / 3) mod 100 = 96, year 2020 +
     * 19190 mod 3 = 2022, value 10 * 0.25 - 3 = -0.5 */
    ck_assert_int_eq(gidx_dataset_get(&x, &f, a, "0063", 2022, "cat096"), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_OK);
    ck_assert_double_eq(x, -0.5);
    /* i = 3 (flat 23757: region 79, category 19, 2020) carries status "." */
    ck_assert_int_eq(gidx_dataset_get(&x, &f, a, "0079", 2020, "cat019"), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_NOT_APPLICABLE);
    /* cell 5 (region 0, category 1, 2022) is in "status" only */
    ck_assert_int_eq(gidx_dataset_get(&x, &f, a, "0000", 2022, "cat001"), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
    /* i = 37 is null (flat 53003: region 176, category 67, 2022): missing */
    ck_assert_int_eq(gidx_dataset_get(&x, &f, a, "0176", 2022, "cat067"), GIDX_OK);
    ck_assert_int_eq(f, GIDX_FLAG_MISSING);
    /* the deferred label object, parsed alone, gives the metadata */
    ck_assert_str_eq(gidx_dataset_meta(a, "category.cat007"),
                     "Category number 7, a label of some length");
    gidx_dataset_free(a);
    gidx_dataset_free(b);
    gidx_dataset_free(c);
}
END_TEST

static void refused(const variant *v, gidx_status want, const char *part)
{
    gidx_dataset *ds = (gidx_dataset *)1;
    gidx_status rc = load(&ds, v);
    ck_assert_ptr_null(ds);
    ck_assert_msg(rc == want, "status %d, want %d: %s", rc, want, gidx_error_last()->message);
    ck_assert_msg(strstr(gidx_error_last()->message, part) != NULL, "message \"%s\" lacks \"%s\"",
                  gidx_error_last()->message, part);
}

START_TEST(test_text_errors)
{
    variant v = { "value", "index", 0, NULL, NULL, 0, 0, NULL, 0 };
    v.dup_region = "K-0001";
    refused(&v, GIDX_EDATA, "category \"K-0001\" is listed twice");
    v.dup_region = NULL;
    v.region_array = 1;
    v.dup_region = "K-0001";   /* an array repeating a code (jansson accepts it) */
    refused(&v, GIDX_EDATA, "category \"K-0001\" is listed twice");
    v.region_array = 0;
    v.dup_region = NULL;
    v.short_index = 1;
    refused(&v, GIDX_EDATA, "dimension \"Region\": 199 categories but size 200");
    v.short_index = 0;
    v.bad_position = 1;
    refused(&v, GIDX_EDATA, "category \"K-0007\" has an invalid or repeated position");
    v.bad_position = 2;
    refused(&v, GIDX_EDATA, "category \"K-0007\" has an invalid or repeated position");
    v.bad_position = 0;
    v.extra_value = "\"01\":1";
    refused(&v, GIDX_EDATA, "\"value\" key \"01\" is not a cell index (0 to 59999)");
    v.extra_value = "\"60000\":1";
    refused(&v, GIDX_EDATA, "\"value\" key \"60000\" is not a cell index");
    v.extra_value = "\"0\":2";   /* cell 0 is i = 0 (null) already */
    refused(&v, GIDX_EDUPLICATE, "region 0000, year 2020, variable cat000 occurs twice");
    v.extra_value = "\"1\":\"x\"";   /* not a number: left to the tree */
    refused(&v, GIDX_EDATA, "value 1 is neither a number nor null");
}
END_TEST

/* A syntax error after the parts read from the text is reported where the
 * tree reports it in the same text with those parts' interiors blank. */
START_TEST(test_text_error_position)
{
    variant a = { "value", "index", 0, ", \"x\": }", NULL, 0, 0, NULL, 0 };
    variant b = a;
    gidx_dataset *ds = NULL;
    char want[512];
    b.blank = 1;
    ck_assert_int_eq(load(&ds, &b), GIDX_EPARSE);
    snprintf(want, sizeof want, "%s", gidx_error_last()->message);
    ck_assert_int_eq(load(&ds, &a), GIDX_EPARSE);
    ck_assert_str_eq(gidx_error_last()->message, want);
    ck_assert(strstr(want, "t.json:") != NULL);
}
END_TEST

static Suite *jsstream_suite(void)
{
    Suite *s = suite_create("jsstream");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_text_equals_tree);
    tcase_add_test(tc, test_text_errors);
    tcase_add_test(tc, test_text_error_position);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(jsstream_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
