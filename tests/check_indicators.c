/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Indicators: formula language, targets, catalogues (JSON, built-in
 * default), indicator panels on real Telemark data, validation. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <greenidx/greenidx.h>
#include "indicators/ind_internal.h"

static const char *test_data(void)
{
    const char *d = getenv("GIDX_TEST_DATA");
    return d ? d : "tests/data";
}

static const char *source_root(void)
{
    const char *d = getenv("GIDX_SOURCE_ROOT");
    return d ? d : ".";
}

static void set(gidx_dataset *ds, const char *r, int y, const char *v, double x)
{
    ck_assert_int_eq(gidx_dataset_set(ds, r, y, v, x, GIDX_FLAG_OK), GIDX_OK);
}

/* Evaluate a formula for (region, year); returns the value, reason in why. */
static double ev(const char *text, const gidx_dataset *ds, const char *region, int year,
                 char *why, size_t cap)
{
    gidx_formula *f = NULL;
    double v = 0;
    char local[512];
    gidx_status rc = gidx_formula_parse(&f, text);
    ck_assert_msg(rc == GIDX_OK, "parse \"%s\": %s", text, gidx_error_last()->message);
    if (why == NULL) {
        why = local;
        cap = sizeof local;
    }
    ck_assert_int_eq(gidx_formula_eval(&v, why, cap, f, ds, region, year, NULL), GIDX_OK);
    gidx_formula_free(f);
    return v;
}

/* Every operator and function, hand-worked: x = 8, y = 2, n = -4. */
START_TEST(test_formula_operators)
{
    gidx_dataset *ds = NULL;
    char why[256];
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    set(ds, "R", 2020, "x", 8);
    set(ds, "R", 2020, "y", 2);
    set(ds, "R", 2020, "n", -4);
    /* Exact in binary floating point, so compared exactly. */
    ck_assert_double_eq(ev("x + y * 3", ds, "R", 2020, NULL, 0), 14);
    ck_assert_double_eq(ev("(x + y) * 3", ds, "R", 2020, NULL, 0), 30);
    ck_assert_double_eq(ev("x / y - 1", ds, "R", 2020, NULL, 0), 3);
    ck_assert_double_eq(ev("x - y - 1", ds, "R", 2020, NULL, 0), 5);       /* left-assoc */
    ck_assert_double_eq(ev("2 ^ 3 ^ 2", ds, "R", 2020, NULL, 0), 512);     /* right-assoc */
    ck_assert_double_eq(ev("-2 ^ 2", ds, "R", 2020, NULL, 0), -4);         /* -(2^2) */
    ck_assert_double_eq(ev("2 ^ -1", ds, "R", 2020, NULL, 0), 0.5);
    ck_assert_double_eq(ev("--x", ds, "R", 2020, NULL, 0), 8);
    ck_assert_double_eq(ev("-x + 10", ds, "R", 2020, NULL, 0), 2);
    ck_assert_double_eq(ev("sqrt(x * y)", ds, "R", 2020, NULL, 0), 4);
    ck_assert_double_eq(ev("abs(n)", ds, "R", 2020, NULL, 0), 4);
    ck_assert_double_eq(ev("min(x, y, 3)", ds, "R", 2020, NULL, 0), 2);
    ck_assert_double_eq(ev("max(x, n)", ds, "R", 2020, NULL, 0), 8);
    ck_assert_double_eq(ev("sum(x, y, n, 1)", ds, "R", 2020, NULL, 0), 7);
    ck_assert_double_eq(ev("1.5e1 + .5", ds, "R", 2020, NULL, 0), 15.5);
    /* log and exp are inverse; within 2 ulp of 2. */
    ck_assert_double_eq_tol(ev("log(exp(2))", ds, "R", 2020, NULL, 0), 2, 1e-15);
    ck_assert_double_eq_tol(ev("log(x) / log(y)", ds, "R", 2020, NULL, 0), 3, 1e-15);
    /* Domain errors are missing values with their reason. */
    ck_assert(isnan(ev("log(n)", ds, "R", 2020, why, sizeof why)));
    ck_assert_str_eq(why, "log of a non-positive value: n = -4 in R 2020");
    ck_assert(isnan(ev("sqrt(n + 1)", ds, "R", 2020, why, sizeof why)));
    ck_assert_str_eq(why, "square root of a negative value: n + 1 = -3 in R 2020");
    ck_assert(isnan(ev("n ^ 0.5", ds, "R", 2020, why, sizeof why)));
    ck_assert_ptr_nonnull(strstr(why, "n ^ 0.5 undefined"));
    ck_assert(isnan(ev("exp(1000)", ds, "R", 2020, why, sizeof why)));
    ck_assert_str_eq(why, "exp(1000) is not finite in R 2020");
    gidx_dataset_free(ds);
}
END_TEST

/* lag() steps over the years in which x is observed; growth and base. */
START_TEST(test_formula_lag_gaps)
{
    gidx_dataset *ds = NULL;
    char why[256];
    int y;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (y = 2009; y <= 2015; y++)
        set(ds, "4003", y, "population", 1000 + y - 2009);  /* every year */
    set(ds, "4003", 2009, "g", 100);                      /* emissions: 2009, 2011, 2013, 2015 */
    set(ds, "4003", 2011, "g", 80);
    set(ds, "4003", 2013, "g", 60);
    set(ds, "4003", 2015, "g", 30);
    ck_assert_double_eq(ev("lag(g, 1)", ds, "4003", 2013, NULL, 0), 80);  /* not 2012 */
    ck_assert_double_eq(ev("lag(g, 2)", ds, "4003", 2015, NULL, 0), 80);
    ck_assert_double_eq(ev("lag(g, 1)", ds, "4003", 2012, NULL, 0), 80);
    ck_assert_double_eq(ev("lag(population, 2)", ds, "4003", 2013, NULL, 0), 1002);
    ck_assert_double_eq(ev("lag(g / 10, 3)", ds, "4003", 2015, NULL, 0), 10);
    ck_assert_double_eq(ev("base(g, 2009)", ds, "4003", 2015, NULL, 0), 100);
    ck_assert_double_eq(ev("g / base(g, 2011)", ds, "4003", 2013, NULL, 0), 0.75);
    ck_assert_double_eq(ev("growth(g)", ds, "4003", 2013, NULL, 0), -0.25);     /* 60/80 - 1 */
    ck_assert_double_eq(ev("growth(g, 2)", ds, "4003", 2015, NULL, 0), -0.625); /* 30/80 - 1 */
    /* 100 (1002 / 1001 - 1) = 100 / 1001 up to rounding of the quotient */
    ck_assert_double_eq_tol(ev("100 * growth(population)", ds, "4003", 2011, NULL, 0), 100.0 / 1001, 1e-13);
    ck_assert(isnan(ev("lag(g, 1)", ds, "4003", 2009, why, sizeof why)));
    ck_assert_str_eq(why, "lag(g, 1): 4003 has 0 observed years before 2009 (need 1)");
    ck_assert(isnan(ev("growth(g)", ds, "4003", 2012, why, sizeof why)));
    ck_assert_str_eq(why, "g missing for 4003 2012");
    ck_assert(isnan(ev("base(g, 1990)", ds, "4003", 2015, why, sizeof why)));
    ck_assert_str_eq(why, "g missing for 4003 1990");
    /* Target functions: -50 % from 2009 by 2030, linear: the path in 2015 is
     * 100 - 50 * 6/21; the required cut from 30 in 2015 to 50 by 2030 is
     * negative (already below the target level). */
    {
        gidx_target_spec t = GIDX_TARGET_SPEC_INIT;
        gidx_formula *f = NULL;
        double v;
        t.base_year = 2009;
        t.target_year = 2030;
        t.cut_percent = 50;
        ck_assert_int_eq(gidx_formula_parse(&f, "target_path(g)"), GIDX_OK);
        ck_assert_int_eq(gidx_formula_eval(&v, why, sizeof why, f, ds, "4003", 2015, &t), GIDX_OK);
        ck_assert_double_eq_tol(v, 100 - 50 * 6.0 / 21.0, 1e-12);
        ck_assert_int_eq(gidx_formula_eval(&v, why, sizeof why, f, ds, "4003", 2015, NULL), GIDX_OK);
        ck_assert(isnan(v));
        ck_assert_str_eq(why, "target_path(g): the indicator has no target");
        gidx_formula_free(f);
        ck_assert_int_eq(gidx_formula_parse(&f, "required_cut(g)"), GIDX_OK);
        ck_assert_int_eq(gidx_formula_eval(&v, why, sizeof why, f, ds, "4003", 2015, &t), GIDX_OK);
        ck_assert_double_eq_tol(v, 100 * (1 - pow(50.0 / 30.0, 1.0 / 15.0)), 1e-12);
        ck_assert(v < 0);
        t.target_year = 2012;
        ck_assert_int_eq(gidx_formula_eval(&v, why, sizeof why, f, ds, "4003", 2015, &t), GIDX_OK);
        ck_assert(isnan(v));
        ck_assert_ptr_nonnull(strstr(why, "year 2015 is not before the target year 2012"));
        gidx_formula_free(f);
    }
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_formula_missing_reasons)
{
    gidx_dataset *ds = NULL;
    char why[256];
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    set(ds, "4003", 2011, "ghg_total", 1000);
    set(ds, "4003", 2011, "population", 0);
    set(ds, "4020", 2013, "population", 10);
    set(ds, "4020", 2011, "ghg_road", 5);
    ck_assert_int_eq(gidx_dataset_set(ds, "4020", 2013, "ghg_heating", 0, GIDX_FLAG_CONFIDENTIAL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "4020", 2013, "ghg_waste", 0, GIDX_FLAG_NOT_APPLICABLE), GIDX_OK);
    ck_assert(isnan(ev("ghg_total / population", ds, "4003", 2011, why, sizeof why)));
    ck_assert_str_eq(why, "division by zero: population = 0 in 4003 2011");
    ck_assert(isnan(ev("ghg_total / (population - 0)", ds, "4003", 2011, why, sizeof why)));
    ck_assert_str_eq(why, "division by zero: population - 0 = 0 in 4003 2011");
    ck_assert(isnan(ev("ghg_road / population", ds, "4020", 2013, why, sizeof why)));
    ck_assert_str_eq(why, "ghg_road missing for 4020 2013");
    ck_assert(isnan(ev("ghg_heating + 1", ds, "4020", 2013, why, sizeof why)));
    ck_assert_str_eq(why, "ghg_heating confidential (..) for 4020 2013");
    ck_assert(isnan(ev("ghg_waste", ds, "4020", 2013, why, sizeof why)));
    ck_assert_str_eq(why, "ghg_waste not applicable (.) for 4020 2013");
    ck_assert(isnan(ev("ghg_total / gdp", ds, "4003", 2011, why, sizeof why)));
    ck_assert_str_eq(why, "variable gdp not in dataset");
    /* A present value leaves the reason empty. */
    ck_assert_double_eq(ev("ghg_total + population", ds, "4003", 2011, why, sizeof why), 1000);
    ck_assert_str_eq(why, "");
    gidx_dataset_free(ds);
}
END_TEST

static void parse_fails(const char *text, gidx_status code, const char *needle)
{
    gidx_formula *f = (gidx_formula *)1;
    ck_assert_int_eq(gidx_formula_parse(&f, text), code);
    ck_assert_ptr_null(f);
    ck_assert_msg(strstr(gidx_error_last()->message, needle) != NULL,
                  "\"%s\": message \"%s\" lacks \"%s\"", text, gidx_error_last()->message, needle);
}

START_TEST(test_formula_parse_errors)
{
    char deep[512];
    gidx_formula *f = NULL;
    size_t i;
    parse_fails("x + * y", GIDX_EPARSE, "column 5: unexpected character '*'");
    parse_fails("(x + y", GIDX_EPARSE, "column 7: expected ')'");
    parse_fails("x + y)", GIDX_EPARSE, "column 6: unbalanced ')'");
    parse_fails("foo(x)", GIDX_EPARSE, "column 1: unknown function \"foo\"");
    parse_fails("lag(x, 1.5)", GIDX_EPARSE, "column 8: the second argument of lag() must be a positive integer");
    parse_fails("lag(x, 0)", GIDX_EPARSE, "column 8");
    parse_fails("base(x, y)", GIDX_EPARSE, "column 9: the second argument of base() must be a year");
    parse_fails("lag(x)", GIDX_EPARSE, "column 1: lag() needs 2 arguments");
    parse_fails("log(x, y)", GIDX_EPARSE, "column 8: too many arguments to log()");
    parse_fails("x y", GIDX_EPARSE, "column 3: unexpected 'y'");
    parse_fails("", GIDX_EPARSE, "column 1: unexpected end of formula");
    parse_fails("3x", GIDX_EPARSE, "column 2: unexpected 'x' after a number");
    parse_fails("x # 2", GIDX_EPARSE, "column 3");
    parse_fails("sum(x,", GIDX_EPARSE, "column 7: unexpected end of formula");
    for (i = 0; i < 300; i++)
        deep[i] = '(';
    deep[300] = 'x';
    deep[301] = '\0';
    parse_fails(deep, GIDX_ELIMIT, "nested deeper than 100");
    parse_fails("lag(lag(lag(lag(lag(x, 1), 1), 1), 1), 1)", GIDX_ELIMIT,
                "lag/base/growth/target functions nested deeper than 4");
    ck_assert_int_eq(gidx_formula_parse(NULL, "x"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_formula_parse(&f, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_formula_parse(&f, "a * lag(b, 2) + a"), GIDX_OK);
    ck_assert_str_eq(gidx_formula_text(f), "a * lag(b, 2) + a");
    ck_assert_uint_eq(gidx_formula_nvariables(f), 2);
    ck_assert_str_eq(gidx_formula_variable(f, 0), "a");
    ck_assert_str_eq(gidx_formula_variable(f, 1), "b");
    ck_assert_ptr_null(gidx_formula_variable(f, 2));
    gidx_formula_free(f);
    gidx_formula_free(NULL);
}
END_TEST

/* Target paths, hand-worked. */
START_TEST(test_targets)
{
    gidx_target_spec t = GIDX_TARGET_SPEC_INIT;
    double v;
    t.base_year = 1990;
    t.target_year = 2030;
    t.cut_percent = 55;
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 100, 2010), GIDX_OK);
    ck_assert_double_eq_tol(v, 72.5, 1e-12);           /* 100 + (45 - 100) * 20/40 */
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 100, 1980), GIDX_OK);
    ck_assert_double_eq(v, 100);
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 100, 2040), GIDX_OK);
    ck_assert_double_eq_tol(v, 45, 1e-12);
    t.path = GIDX_PATH_CONSTANT_RATE;
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 100, 2010), GIDX_OK);
    ck_assert_double_eq_tol(v, 100 * sqrt(0.45), 1e-12); /* 100 (45/100)^(1/2) */
    /* From 80 in 2025 to 45 in 2030: 100 (1 - (45/80)^(1/5)) % per year. */
    ck_assert_int_eq(gidx_target_required_cut(&v, &t, 100, 80, 2025), GIDX_OK);
    ck_assert_double_eq_tol(v, 100 * (1 - pow(45.0 / 80.0, 0.2)), 1e-12);
    ck_assert_double_eq_tol(v, 10.870, 1e-3);           /* (0.5625)^0.2 = 0.89130 by hand */
    ck_assert_int_eq(gidx_target_required_cut(&v, &t, 100, 80, 2030), GIDX_EDOM);
    ck_assert_int_eq(gidx_target_required_cut(&v, &t, 100, 0, 2020), GIDX_EDOM);
    t.kind = GIDX_TARGET_ABSOLUTE;
    t.path = GIDX_PATH_LINEAR;
    t.base_year = 2020;
    t.level = 10;
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 20, 2025), GIDX_OK);
    ck_assert_double_eq_tol(v, 15, 1e-12);
    t.path = GIDX_PATH_CONSTANT_RATE;
    t.level = 0;
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 20, 2025), GIDX_EDOM);
    t.target_year = 2020;
    ck_assert_int_eq(gidx_target_path_value(&v, &t, 20, 2025), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "target year 2020 is not after base year 2020"));
    ck_assert_int_eq(gidx_target_path_value(NULL, &t, 20, 2025), GIDX_EINVAL);
}
END_TEST

START_TEST(test_catalog_build)
{
    gidx_catalog *cat = NULL;
    gidx_indicator *a = NULL, *b = NULL, *bad = (gidx_indicator *)1;
    gidx_target_spec t = GIDX_TARGET_SPEC_INIT, got;
    size_t i;
    ck_assert_int_eq(gidx_catalog_new(&cat, "mine"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add_variable(cat, "ghg_total", "t", "Miljødirektoratet"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add_variable(cat, "population", NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add_variable(cat, "population", NULL, NULL), GIDX_EDUPLICATE);
    ck_assert_int_eq(gidx_catalog_add_variable(cat, "9lives", NULL, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_indicator_new(&bad, "Bad-Id", "x"), GIDX_EINVAL);
    ck_assert_ptr_null(bad);
    bad = (gidx_indicator *)1;
    ck_assert_int_eq(gidx_indicator_new(&bad, "ok_id", "x +"), GIDX_EPARSE);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "indicator ok_id: formula \"x +\": column 4"));
    ck_assert_int_eq(gidx_indicator_new(&a, "ghg_per_capita", "ghg_total / population"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_text(a, "name_nb", "Utslipp per innbygger"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_text(a, "pillar", "environment"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_text(a, "colour", "green"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_indicator_set_direction(a, GIDX_LOWER_BETTER), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_direction(a, 7), GIDX_EINVAL);
    ck_assert_int_eq(gidx_indicator_set_range(a, 5, 1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_indicator_set_range(a, 0, NAN), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, a), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, a), GIDX_EDUPLICATE);
    /* Indicator references: an earlier indicator may be used by name. */
    ck_assert_int_eq(gidx_indicator_new(&b, "per_capita_change", "100 * growth(ghg_per_capita) + gdp"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, b), GIDX_ENOTFOUND);
    ck_assert_msg(strstr(gidx_error_last()->message, "indicator per_capita_change: formula \"100 * growth(ghg_per_capita) + gdp\" uses unknown variable gdp (column 32)"), "%s", gidx_error_last()->message);
    ck_assert_uint_eq(gidx_catalog_count(cat), 1);
    gidx_indicator_free(b);
    ck_assert_int_eq(gidx_indicator_new(&b, "per_capita_change", "100 * growth(ghg_per_capita)"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_text(b, "target", "paris"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, b), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "unknown target \"paris\""));
    t.base_year = 2009;
    t.target_year = 2030;
    t.cut_percent = 120;
    ck_assert_int_eq(gidx_catalog_set_target(cat, "paris", &t), GIDX_EINVAL);
    t.cut_percent = 50;
    t.source = "a decision";
    ck_assert_int_eq(gidx_catalog_set_target(cat, "paris", &t), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, b), GIDX_OK);
    ck_assert_uint_eq(gidx_catalog_count(cat), 2);
    /* A cycle: ghg_per_capita -> per_capita_change -> ghg_per_capita. */
    ck_assert_int_eq(gidx_catalog_set_formula(cat, "ghg_per_capita", "per_capita_change / population"), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message,
        "circular reference between indicators: ghg_per_capita -> per_capita_change -> ghg_per_capita"));
    ck_assert_str_eq(gidx_indicator_formula(gidx_catalog_indicator(cat, 0)), "ghg_total / population");
    ck_assert_int_eq(gidx_catalog_set_formula(cat, "ghg_per_capita", "ghg_total / (population + 0)"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_set_formula(cat, "nope", "1"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_catalog_find(&i, cat, "per_capita_change"), GIDX_OK);
    ck_assert_uint_eq(i, 1);
    ck_assert_str_eq(gidx_indicator_text(gidx_catalog_indicator(cat, 0), "name_nb"), "Utslipp per innbygger");
    ck_assert_str_eq(gidx_indicator_text(gidx_catalog_indicator(cat, 0), "unit"), "");
    ck_assert_int_eq(gidx_indicator_direction(gidx_catalog_indicator(cat, 0)), GIDX_LOWER_BETTER);
    ck_assert_int_eq(gidx_catalog_target(&got, cat, "paris"), GIDX_OK);
    ck_assert_double_eq(got.cut_percent, 50);
    ck_assert_str_eq(got.source, "a decision");
    ck_assert_int_eq(gidx_catalog_target(&got, cat, "kyoto"), GIDX_ENOTFOUND);
    ck_assert_ptr_null(gidx_catalog_indicator(cat, 2));
    gidx_indicator_free(a);
    gidx_indicator_free(b);
    gidx_indicator_free(NULL);
    gidx_catalog_free(cat);
    gidx_catalog_free(NULL);
    ck_assert_int_eq(gidx_catalog_new(NULL, "x"), GIDX_EINVAL);
}
END_TEST

static char *render_catalog(const gidx_catalog *cat, int fmt)
{
    size_t need = 0;
    char *s;
    ck_assert_int_eq(gidx_catalog_render(NULL, 0, &need, cat, fmt), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(gidx_catalog_render(s, need - 1, NULL, cat, fmt), GIDX_EBUFS);
    ck_assert_int_eq(gidx_catalog_render(s, need, NULL, cat, fmt), GIDX_OK);
    ck_assert_uint_eq(strlen(s) + 1, need);
    return s;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *s;
    long n;
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    s = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, fp), (size_t)n);
    s[n] = '\0';
    fclose(fp);
    if (len) *len = (size_t)n;
    return s;
}

/* The built-in catalogue is data/catalog/default.json byte for byte, and
 * its canonical rendering is that file again. */
START_TEST(test_target_regions)
{
    /* The default catalogue's own targets: trondheim for 5001, bergen for 4601
     * (data/catalog/README.md); none for Skien. */
    gidx_catalog *cat = NULL, *back = NULL;
    const char *name = NULL, *codes[4];
    const char *skien[] = { "4003" };
    size_t n = 0;
    char *json = NULL;
    size_t need = 0;
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_region_target(&name, cat, "5001"), GIDX_OK);
    ck_assert_str_eq(name, "trondheim");
    ck_assert_int_eq(gidx_catalog_region_target(&name, cat, "4601"), GIDX_OK);
    ck_assert_str_eq(name, "bergen");
    ck_assert_int_eq(gidx_catalog_region_target(&name, cat, "4003"), GIDX_ENOTFOUND);
    ck_assert_ptr_null(name);
    ck_assert_int_eq(gidx_catalog_target_regions(codes, 4, &n, cat, "trondheim"), GIDX_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(codes[0], "5001");
    ck_assert_int_eq(gidx_catalog_target_regions(codes, 0, &n, cat, "bergen"), GIDX_EBUFS);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(gidx_catalog_target_regions(codes, 4, &n, cat, "nope"), GIDX_ENOTFOUND);
    /* a region belongs to one target at most */
    ck_assert_int_eq(gidx_catalog_set_target_regions(cat, "national", (const char *const[]){ "5001" }, 1),
                     GIDX_EDUPLICATE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "trondheim"));
    ck_assert_int_eq(gidx_catalog_set_target_regions(cat, "municipal_2009", skien, 1), GIDX_OK);
    /* JSON round trip keeps "regions" */
    ck_assert_int_eq(gidx_catalog_render(NULL, 0, &need, cat, GIDX_IND_JSON), GIDX_EBUFS);
    json = malloc(need);
    ck_assert_int_eq(gidx_catalog_render(json, need, NULL, cat, GIDX_IND_JSON), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_parse_json(&back, json, strlen(json), "rt"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_region_target(&name, back, "4003"), GIDX_OK);
    ck_assert_str_eq(name, "municipal_2009");
    ck_assert_int_eq(gidx_catalog_region_target(&name, back, "5001"), GIDX_OK);
    ck_assert_str_eq(name, "trondheim");
    free(json);
    gidx_catalog_free(back);
    gidx_catalog_free(cat);
}
END_TEST

START_TEST(test_catalog_default_is_the_file)
{
    char path[4096], *file, *json;
    size_t len, i, k;
    gidx_catalog *cat = NULL;
    const char *pillars[] = { "environment", "economy", "innovation", "energy", "social" };
    const char *required[] = { "ghg_total", "ghg_per_capita", "ghg_road_per_capita",
        "ghg_heating_per_capita", "ghg_industry_per_capita", "ghg_shipping_per_capita",
        "ghg_agriculture_per_capita", "ghg_change_2009", "ghg_target_gap", "ghg_required_cut",
        "ghg_per_job", "ghg_per_gdp", "decoupling", "job_density", "job_growth",
        "green_job_share", "electricity_per_capita", "electricity_per_job", "ev_share_cars",
        "unemployment_rate", "population_growth" };
    snprintf(path, sizeof path, "%s/data/catalog/default.json", source_root());
    file = slurp(path, &len);
    ck_assert_uint_eq(len, gidx__catalog_default_json_len);
    ck_assert(memcmp(file, gidx__catalog_default_json, len) == 0);
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    json = render_catalog(cat, GIDX_IND_JSON);
    ck_assert_str_eq(json, file);
    ck_assert_uint_ge(gidx_catalog_count(cat), 25);
    for (k = 0; k < 5; k++) {
        size_t n = 0;
        for (i = 0; i < gidx_catalog_count(cat); i++)
            n += strcmp(gidx_indicator_text(gidx_catalog_indicator(cat, i), "pillar"), pillars[k]) == 0;
        ck_assert_msg(n >= 3, "pillar %s has %zu indicators", pillars[k], n);
    }
    for (k = 0; k < sizeof required / sizeof required[0]; k++) {
        const gidx_indicator *d;
        ck_assert_msg(gidx_catalog_find(&i, cat, required[k]) == GIDX_OK, "missing %s", required[k]);
        d = gidx_catalog_indicator(cat, i);
        ck_assert_msg(strlen(gidx_indicator_text(d, "source")) > 0, "%s has no source", required[k]);
        ck_assert(strlen(gidx_indicator_text(d, "name_nb")) > 0);
        ck_assert(strlen(gidx_indicator_text(d, "name_en")) > 0);
    }
    {
        gidx_target_spec t;
        ck_assert_int_eq(gidx_catalog_target(&t, cat, "national"), GIDX_OK);
        ck_assert_int_eq(t.base_year, 1990);
        ck_assert_int_eq(t.target_year, 2030);
        ck_assert_double_eq(t.cut_percent, 55);
        ck_assert_int_eq(gidx_catalog_target(&t, cat, "trondheim"), GIDX_OK);
        ck_assert_double_eq(t.cut_percent, 80);
        ck_assert_int_eq(gidx_catalog_target(&t, cat, "bergen"), GIDX_OK);
        ck_assert_double_eq(t.cut_percent, 85);
        ck_assert_int_eq(t.base_year, 2009);
    }
    free(json);
    free(file);
    gidx_catalog_free(cat);
}
END_TEST

/* save -> load -> identical, through memory and through a file. */
START_TEST(test_catalog_json_roundtrip)
{
    gidx_catalog *cat = NULL, *back = NULL, *again = NULL;
    gidx_indicator *ind = NULL;
    gidx_target_spec t = GIDX_TARGET_SPEC_INIT;
    char *a, *b, *c, *csv, *txt, path[] = "/tmp/gidx_catalog_XXXXXX";
    int fd;
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    /* Exercise the optional fields too: an absolute constant-rate target, a range. */
    t.kind = GIDX_TARGET_ABSOLUTE;
    t.path = GIDX_PATH_CONSTANT_RATE;
    t.base_year = 2020;
    t.target_year = 2030;
    t.level = 0.125;
    ck_assert_int_eq(gidx_catalog_set_target(cat, "absolute_one", &t), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_new(&ind, "x_share", "100 * ghg_road / ghg_total"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_range(ind, -0.5, 100), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_text(ind, "target", "absolute_one"), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_set_additive(ind, 1), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, ind), GIDX_OK);
    gidx_indicator_free(ind);
    a = render_catalog(cat, GIDX_IND_JSON);
    ck_assert_int_eq(gidx_catalog_parse_json(&back, a, strlen(a), "mem"), GIDX_OK);
    b = render_catalog(back, GIDX_IND_JSON);
    ck_assert_str_eq(a, b);
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(gidx_catalog_save_json(back, path), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_load_json(&again, path), GIDX_OK);
    c = render_catalog(again, GIDX_IND_JSON);
    ck_assert_str_eq(a, c);
    unlink(path);
    csv = render_catalog(again, GIDX_IND_CSV);
    ck_assert_ptr_nonnull(strstr(csv, "id,name_en,name_nb,pillar,direction,unit,target,source,formula\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nghg_per_capita,Emissions per inhabitant,Utslipp per innbygger,environment,lower_better,"));
    txt = render_catalog(again, GIDX_IND_TEXT);
    ck_assert_ptr_nonnull(strstr(txt, "national         -55 % from 1990 by 2030 (linear path)"));
    ck_assert_int_eq(gidx_catalog_render(NULL, 0, NULL, again, 9), GIDX_EINVAL);
    free(a); free(b); free(c); free(csv); free(txt);
    gidx_catalog_free(cat);
    gidx_catalog_free(back);
    gidx_catalog_free(again);
}
END_TEST

static void json_fails(const char *text, gidx_status code, const char *needle)
{
    gidx_catalog *cat = (gidx_catalog *)1;
    ck_assert_int_eq(gidx_catalog_parse_json(&cat, text, strlen(text), "c.json"), code);
    ck_assert_ptr_null(cat);
    ck_assert_msg(strstr(gidx_error_last()->message, needle) != NULL,
                  "message \"%s\" lacks \"%s\"", gidx_error_last()->message, needle);
}

START_TEST(test_catalog_json_errors)
{
    gidx_catalog *cat = (gidx_catalog *)1;
    json_fails("{\"indicators\": [\n  {\"id\": \"a\",, }]}", GIDX_EPARSE, "c.json:2:");
    json_fails("[]", GIDX_EDATA, "must be an object");
    json_fails("{\"indicators\": [], \"colour\": 1}", GIDX_EDATA, "unknown key \"colour\"");
    json_fails("{\"version\": 2, \"indicators\": []}", GIDX_EDATA, "version 1");
    json_fails("{\"indicators\": [{\"id\": \"a\", \"formula\": \"x +\"}]}", GIDX_EPARSE,
               "indicator a: formula \"x +\": column 4");
    json_fails("{\"variables\": [{\"name\": \"x\"}], \"indicators\": [{\"id\": \"a\", \"formula\": \"x + y\"}]}",
               GIDX_ENOTFOUND, "indicator a: formula \"x + y\" uses unknown variable y (column 5)");
    json_fails("{\"variables\": [{\"name\": \"x\"}], \"indicators\": ["
               "{\"id\": \"a\", \"formula\": \"b + x\"}, {\"id\": \"b\", \"formula\": \"2 * c\"},"
               "{\"id\": \"c\", \"formula\": \"a\"}]}",
               GIDX_EDATA, "circular reference between indicators: a -> b -> c -> a");
    json_fails("{\"indicators\": [{\"id\": \"a\", \"formula\": \"1\", \"direction\": \"up\"}]}",
               GIDX_EDATA, "indicator a: direction \"up\"");
    json_fails("{\"indicators\": [{\"id\": \"a\", \"formula\": \"1\"}, {\"id\": \"a\", \"formula\": \"2\"}]}",
               GIDX_EDUPLICATE, "indicator a defined twice");
    json_fails("{\"targets\": [{\"name\": \"t\", \"base_year\": 2030, \"target_year\": 2020, "
               "\"cut_percent\": 5}], \"indicators\": []}", GIDX_EDATA, "target t: target: target year 2020");
    json_fails("{\"indicators\": [{\"id\": \"a\", \"formula\": \"1\", \"min\": \"0\"}]}",
               GIDX_EDATA, "min and max must be numbers");
    ck_assert_int_eq(gidx_catalog_load_json(&cat, "/nonexistent/cat.json"), GIDX_EIO);
    ck_assert_ptr_null(cat);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "/nonexistent/cat.json"));
}
END_TEST

/* ---- the Telemark acceptance test ---- */

static const char *const SECTORS[][2] = {
    { "Veitrafikk", "ghg_road" }, { "Oppvarming", "ghg_heating" },
    { "Industri, olje og gass", "ghg_industry" }, { "Sjøfart", "ghg_shipping" },
    { "Jordbruk", "ghg_agriculture" }, { "Luftfart", "ghg_aviation" },
    { "Annen mobil forbrenning", "ghg_other_mobile" }, { "Avfall og avløp", "ghg_waste" },
    { "Energiforsyning", "ghg_energy_supply" }, { "Forbruk av produkter med fluorgasser", "ghg_fluorinated" },
};

static const char *code_of(const char *name)
{
    if (strcmp(name, "Skien") == 0) return "4003";
    if (strcmp(name, "Porsgrunn") == 0) return "4001";
    if (strcmp(name, "Notodden") == 0) return "4005";
    return NULL;
}

static void add_to(gidx_dataset *ds, const char *r, int y, const char *v, double x)
{
    double old;
    int flag;
    gidx_dataset_get(&old, &flag, ds, r, y, v);
    set(ds, r, y, v, flag == GIDX_FLAG_OK ? old + x : x);
}

static gidx_table *read_fixture(const char *name)
{
    char path[4096];
    gidx_table *t = NULL;
    snprintf(path, sizeof path, "%s/indicators/%s", test_data(), name);
    ck_assert_msg(gidx_table_read_csv(&t, path, NULL) == GIDX_OK, "%s", gidx_error_last()->message);
    return t;
}

/* The raw Telemark files (a subset: Skien, Porsgrunn, Notodden) summed into
 * the base variables the catalogue uses. */
static gidx_dataset *telemark_subset(void)
{
    gidx_dataset *ds = NULL;
    gidx_table *t;
    size_t i, k;
    double y, v;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    t = read_fixture("ghg_emissions_by_source_subset.csv");
    for (i = 0; i < gidx_table_nrows(t); i++) {
        const char *code = code_of(gidx_table_cell(t, i, 0));
        const char *sector = gidx_table_cell(t, i, 2);
        ck_assert_int_eq(gidx_table_cell_double(&y, t, i, 1), GIDX_OK);
        ck_assert_int_eq(gidx_table_cell_double(&v, t, i, 4), GIDX_OK);
        add_to(ds, code, (int)y, "ghg_total", v);
        for (k = 0; k < sizeof SECTORS / sizeof SECTORS[0]; k++)
            if (strcmp(sector, SECTORS[k][0]) == 0)
                add_to(ds, code, (int)y, SECTORS[k][1], v);
    }
    gidx_table_free(t);
    t = read_fixture("population.csv");
    for (i = 0; i < gidx_table_nrows(t); i++) {
        const char *code = code_of(gidx_table_cell(t, i, 0));
        if (code == NULL)
            continue;
        ck_assert_int_eq(gidx_table_cell_double(&y, t, i, 2), GIDX_OK);
        ck_assert_int_eq(gidx_table_cell_double(&v, t, i, 3), GIDX_OK);
        set(ds, code, (int)y, "population", v);
        gidx_dataset_set_region_name(ds, code, gidx_table_cell(t, i, 0));
    }
    gidx_table_free(t);
    t = read_fixture("employment_by_industry_subset.csv");
    for (i = 0; i < gidx_table_nrows(t); i++) {
        const char *code = code_of(gidx_table_cell(t, i, 0));
        ck_assert_int_eq(gidx_table_cell_double(&y, t, i, 3), GIDX_OK);
        ck_assert_int_eq(gidx_table_cell_double(&v, t, i, 4), GIDX_OK);
        add_to(ds, code, (int)y, "employment_total", v);
    }
    gidx_table_free(t);
    return ds;
}

/* Values agree with expected_telemark.csv, computed independently from the
 * raw files by expected_telemark.py. Tolerance: relative 1e-12, since the
 * two sums add the same ~230 source rows per municipality-year in different
 * orders (rounding differences of order 1e-16 per addition). */
START_TEST(test_panel_telemark_acceptance)
{
    gidx_dataset *ds = telemark_subset();
    gidx_catalog *cat = NULL;
    gidx_panel *p = NULL;
    gidx_table *exp;
    size_t i, checked = 0;
    const char *why;
    double v;
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    exp = read_fixture("expected_telemark.csv");
    for (i = 0; i < gidx_table_nrows(exp); i++) {
        double year, want;
        ck_assert_int_eq(gidx_table_cell_double(&year, exp, i, 2), GIDX_OK);
        ck_assert_int_eq(gidx_table_cell_double(&want, exp, i, 4), GIDX_OK);
        ck_assert_int_eq(gidx_panel_get(&v, &why, p, gidx_table_cell(exp, i, 0), (int)year,
                                        gidx_table_cell(exp, i, 3)), GIDX_OK);
        ck_assert_msg(why == NULL, "%s: %s", gidx_table_cell(exp, i, 3), why);
        ck_assert_msg(fabs(v - want) <= 1e-12 * fabs(want) + 1e-12, "%s %s %d: %.17g vs %.17g",
                      gidx_table_cell(exp, i, 3), gidx_table_cell(exp, i, 0), (int)year, v, want);
        checked++;
    }
    ck_assert_uint_ge(checked, 40);
    /* Missing values carry their reasons. */
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2023, "ghg_per_gdp"), GIDX_OK);
    ck_assert(isnan(v));
    ck_assert_str_eq(why, "variable gdp not in dataset");
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2010, "ghg_per_capita"), GIDX_OK);
    ck_assert_str_eq(why, "ghg_total missing for 4003 2010");
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2016, "ghg_change_2009"), GIDX_OK);
    ck_assert_ptr_null(why);
    /* Target gap against the linear path 2009 -> 2030, -55 %: by hand from
     * the expected 2009 and 2023 totals of Skien. */
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2023, "ghg_target_gap"), GIDX_OK);
    {
        double b = 165081.65999999995, x = 116312.45000000003;
        double path = b + (0.45 * b - b) * 14.0 / 21.0;
        ck_assert_double_eq_tol(v, 100 * (x / path - 1), 1e-9);
        ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2023, "ghg_required_cut"), GIDX_OK);
        ck_assert_double_eq_tol(v, 100 * (1 - pow(0.45 * b / x, 1.0 / 7.0)), 1e-9);
    }
    /* The panel's dataset view. */
    ck_assert_uint_eq(gidx_dataset_nregions(gidx_panel_dataset(p)), 3);
    ck_assert_uint_eq(gidx_dataset_nvariables(gidx_panel_dataset(p)), gidx_catalog_count(cat));
    ck_assert_str_eq(gidx_dataset_region_name(gidx_panel_dataset(p), "4003"), "Skien");
    ck_assert_uint_gt(gidx_panel_nmissing(p), 0);
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 1900, "ghg_total"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "9999", 2010, "ghg_total"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "4003", 2010, "nope"), GIDX_ENOTFOUND);
    gidx_table_free(exp);
    gidx_panel_free(p);
    gidx_panel_free(NULL);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_panel_render)
{
    gidx_dataset *ds = telemark_subset();
    gidx_catalog *cat = NULL;
    gidx_panel *p = (gidx_panel *)1;
    size_t need = 0;
    char *s;
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_int_eq(gidx_panel_new(&p, NULL, ds), GIDX_EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    ck_assert_int_eq(gidx_panel_render(NULL, 0, &need, p, GIDX_IND_CSV, "Skien"), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_int_eq(gidx_panel_render(s, need - 1, NULL, p, GIDX_IND_CSV, "Skien"), GIDX_EBUFS);
    ck_assert_int_eq(gidx_panel_render(s, need, NULL, p, GIDX_IND_CSV, "Skien"), GIDX_OK);
    ck_assert(strncmp(s, "region_code,region_name,year,indicator,value\n", 45) == 0);
    ck_assert_ptr_nonnull(strstr(s, "\n4003,Skien,2009,ghg_total,165081.6"));
    ck_assert_ptr_nonnull(strstr(s, "\n4003,Skien,2009,ghg_per_gdp,\n"));
    ck_assert_ptr_null(strstr(s, "Porsgrunn"));
    free(s);
    ck_assert_int_eq(gidx_panel_render(NULL, 0, &need, p, GIDX_IND_JSON, "4001"), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_int_eq(gidx_panel_render(s, need, NULL, p, GIDX_IND_JSON, "4001"), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(s, "\"reason\": \"variable gdp not in dataset\""));
    free(s);
    ck_assert_int_eq(gidx_panel_render(NULL, 0, &need, p, GIDX_IND_CSV, "Bergen"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_panel_render(NULL, 0, &need, p, 17, NULL), GIDX_EINVAL);
    gidx_panel_free(p);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

/* The hand-made panel of validation_reference.py: 8 municipalities 9901-9908
 * of county 99. */
static gidx_panel *hand_panel(void)
{
    static const double a[] = { 1, 2, 3, 4, 5, 6, 7, 8 }, b[] = { 2, 1, 4, 3, 6, 5, 8, 9 },
        c[] = { 8, 6, 7, 5, 3, 4, 1, 2 }, d[] = { 1, 1.2, 0.9, 1.1, 1, 0.8, 1.3, 40 },
        e[] = { 1, 2, 3, 4, 5, 6, 7, 8 }, f[] = { 10, 20, 120, 30, 40, 50, 60, 70 };
    const char *json =
        "{\"variables\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}, {\"name\": \"D\"},"
        " {\"name\": \"E\"}, {\"name\": \"F\"}], \"indicators\": ["
        "{\"id\": \"a\", \"formula\": \"A\", \"pillar\": \"p\", \"direction\": \"higher_better\"},"
        "{\"id\": \"b\", \"formula\": \"B\", \"pillar\": \"p\", \"direction\": \"higher_better\"},"
        "{\"id\": \"c\", \"formula\": \"C\", \"pillar\": \"p\", \"direction\": \"lower_better\"},"
        "{\"id\": \"d\", \"formula\": \"D\", \"pillar\": \"q\", \"direction\": \"context\"},"
        "{\"id\": \"e\", \"formula\": \"E\", \"pillar\": \"q\", \"additive\": true},"
        "{\"id\": \"f\", \"formula\": \"F\", \"pillar\": \"q\", \"direction\": \"higher_better\","
        " \"min\": 0, \"max\": 100}]}";
    gidx_catalog *cat = NULL;
    gidx_dataset *ds = NULL;
    gidx_panel *p = NULL;
    int k;
    ck_assert_int_eq(gidx_catalog_parse_json(&cat, json, strlen(json), "hand"), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (k = 0; k < 8; k++) {
        char r[8];
        snprintf(r, sizeof r, "990%d", k + 1);
        set(ds, r, 2020, "A", a[k]);
        set(ds, r, 2020, "B", b[k]);
        set(ds, r, 2020, "C", c[k]);
        set(ds, r, 2020, "D", d[k]);
        set(ds, r, 2020, "E", e[k]);
        set(ds, r, 2020, "F", f[k]);
    }
    set(ds, "99", 2020, "E", 40);          /* county total; municipalities sum to 36 */
    set(ds, "9901", 2022, "E", 2);         /* 2021 is a gap for 9901 */
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    return p;
}

static size_t count_check(const gidx_validation *v, const char *check)
{
    size_t i, n = 0;
    for (i = 0; i < gidx_validation_nfindings(v); i++) {
        const char *c;
        gidx_validation_finding(&c, NULL, NULL, NULL, NULL, NULL, v, i);
        n += strcmp(c, check) == 0;
    }
    return n;
}

static int find_finding(double *value, const gidx_validation *v, const char *check,
                        const char *ind, const char *region, int year)
{
    size_t i;
    for (i = 0; i < gidx_validation_nfindings(v); i++) {
        const char *c, *id, *r;
        int y;
        gidx_validation_finding(&c, &id, &r, &y, value, NULL, v, i);
        if (strcmp(c, check) == 0 && strcmp(id, ind) == 0 && strcmp(r, region) == 0 && y == year)
            return 1;
    }
    return 0;
}

/* Reference numbers from validation_reference.py (numpy/scipy), in
 * validation_reference.txt; tolerance 1e-12 relative (the same formulas in
 * a different summation order). */
START_TEST(test_validation_hand_panel)
{
    gidx_panel *p = hand_panel();
    gidx_validation *v = NULL;
    double x, cov;
    size_t n, need;
    char *s;
    ck_assert_int_eq(gidx_validation_new(&v, p, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_validation_alpha(&x, &n, v, "p"), GIDX_OK);
    ck_assert_double_eq_tol(x, 0.96551724137931028, 1e-12);
    ck_assert_uint_eq(n, 8);
    ck_assert_int_eq(gidx_validation_alpha_standardized(&x, &n, v, "p"), GIDX_OK);
    ck_assert_double_eq_tol(x, 0.96815347317626854, 1e-12);
    ck_assert_int_eq(gidx_validation_alpha_standardized(&x, &n, v, "zz"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_validation_alpha(&x, &n, v, "q"), GIDX_OK);
    ck_assert(isnan(x));                    /* one non-context item */
    ck_assert_int_eq(gidx_validation_alpha(&x, &n, v, "zz"), GIDX_ENOTFOUND);
    ck_assert_uint_eq(count_check(v, "redundant"), 2);   /* a~b 0.932, a~c -0.929; b~c -0.870 not */
    ck_assert(find_finding(&x, v, "redundant", "a", "", 0));
    ck_assert_uint_eq(count_check(v, "outlier_level"), 1);
    ck_assert(find_finding(&x, v, "outlier_level", "d", "9908", 2020));
    ck_assert_double_eq_tol(x, 175.14516666666671, 1e-9);
    ck_assert_uint_eq(count_check(v, "skew_kurtosis"), 1);
    ck_assert(find_finding(&x, v, "skew_kurtosis", "d", "", 2020));
    ck_assert_double_eq_tol(x, 2.8276729252977915, 1e-12);
    ck_assert_uint_eq(count_check(v, "county_sum"), 1);
    ck_assert(find_finding(&x, v, "county_sum", "e", "99", 2020));
    ck_assert_double_eq_tol(x, -0.1, 1e-15);
    ck_assert_uint_eq(count_check(v, "impossible"), 1);
    ck_assert(find_finding(&x, v, "impossible", "f", "9903", 2020));
    ck_assert_double_eq(x, 120);
    ck_assert_uint_eq(count_check(v, "gap"), 1);
    ck_assert(find_finding(&x, v, "gap", "e", "9901", 2021));
    ck_assert_double_eq(x, 1);
    ck_assert_uint_eq(count_check(v, "outlier_change"), 0);
    ck_assert_int_eq(gidx_validation_coverage(&cov, v, "e", "9901"), GIDX_OK);
    ck_assert_double_eq(cov, 1);            /* both of the panel's years 2020 and 2022 */
    ck_assert_int_eq(gidx_validation_coverage(&cov, v, "e", "9902"), GIDX_OK);
    ck_assert_double_eq(cov, 0.5);
    ck_assert_int_eq(gidx_validation_coverage(&cov, v, "e", "7777"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_validation_finding(NULL, NULL, NULL, NULL, NULL, NULL, v, 999), GIDX_EINVAL);
    /* Renderings. */
    ck_assert_int_eq(gidx_validation_render(NULL, 0, &need, v, GIDX_IND_CSV), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_int_eq(gidx_validation_render(s, need, NULL, v, GIDX_IND_CSV), GIDX_OK);
    ck_assert(strncmp(s, "check,indicator,region,year,value,message\n", 42) == 0);
    ck_assert_ptr_nonnull(strstr(s, "\ncounty_sum,e,99,2020,-0.1,"));
    free(s);
    ck_assert_int_eq(gidx_validation_render(NULL, 0, &need, v, GIDX_IND_JSON), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_int_eq(gidx_validation_render(s, need, NULL, v, GIDX_IND_JSON), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(s, "\"cronbach_alpha\": 0.9655172413793"));
    free(s);
    ck_assert_int_eq(gidx_validation_render(NULL, 0, &need, v, GIDX_IND_TEXT), GIDX_EBUFS);
    s = malloc(need);
    ck_assert_int_eq(gidx_validation_render(s, need, NULL, v, GIDX_IND_TEXT), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(s, "county_sum      1"));
    free(s);
    gidx_validation_free(v);
    gidx_validation_free(NULL);
    gidx_panel_free(p);
}
END_TEST

START_TEST(test_validation_options)
{
    gidx_panel *p = hand_panel();
    gidx_validation *v = (gidx_validation *)1;
    gidx_validation_options o = GIDX_VALIDATION_OPTIONS_INIT;
    o.r_limit = 1.5;
    ck_assert_int_eq(gidx_validation_new(&v, p, &o), GIDX_EINVAL);
    ck_assert_ptr_null(v);
    o.r_limit = 0.95;          /* now neither pair is redundant */
    o.version = 2;
    ck_assert_int_eq(gidx_validation_new(&v, p, &o), GIDX_EINVAL);
    o.version = 1;
    ck_assert_int_eq(gidx_validation_new(&v, p, &o), GIDX_OK);
    ck_assert_uint_eq(count_check(v, "redundant"), 0);
    gidx_validation_free(v);
    ck_assert_int_eq(gidx_validation_new(&v, NULL, NULL), GIDX_EINVAL);
    gidx_panel_free(p);
}
END_TEST

/* ASEM "Flights" (COINr's example data): COINr reports skew 2.10, kurtosis
 * 4.51 (see /work/shared/data/README.md); our G1/G2 on the 51 values must
 * give the same flag and numbers to the published 2 decimals. */
START_TEST(test_validation_skew_matches_coinr)
{
    char path[4096];
    gidx_table *t = NULL;
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_panel *p = NULL;
    gidx_validation *v = NULL;
    const char *json = "{\"variables\": [{\"name\": \"Flights\"}], \"indicators\": ["
                       "{\"id\": \"flights\", \"formula\": \"Flights\"}]}";
    size_t i, j;
    double x;
    snprintf(path, sizeof path, "%s/indicators/asem_flights.csv", test_data());
    ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_table_find_column(&j, t, "Flights"), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (i = 0; i < gidx_table_nrows(t); i++) {
        ck_assert_int_eq(gidx_table_cell_double(&x, t, i, j), GIDX_OK);
        set(ds, gidx_table_cell(t, i, 0), 2018, "Flights", x);
    }
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 51);
    ck_assert_int_eq(gidx_catalog_parse_json(&cat, json, strlen(json), "f"), GIDX_OK);
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    ck_assert_int_eq(gidx_validation_new(&v, p, NULL), GIDX_OK);
    ck_assert(find_finding(&x, v, "skew_kurtosis", "flights", "", 2018));
    ck_assert_double_eq_tol(x, 2.10, 0.005);
    gidx_validation_free(v);
    gidx_panel_free(p);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    gidx_table_free(t);
}
END_TEST


/* The acceptance test of the issue: the default catalogue on the embedded
 * Telemark data (gidx_dataset_load_default) against the independent
 * computation from the raw source files (expected_telemark.py). Tolerance
 * as above; the county 40 is the sum of the municipalities, checked by the
 * validation's county_sum rule. */
START_TEST(test_panel_embedded_acceptance)
{
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_panel *p = NULL;
    gidx_validation *v = NULL;
    gidx_table *exp;
    size_t i, k;
    const char *why;
    double x;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    exp = read_fixture("expected_telemark.csv");
    for (i = 0; i < gidx_table_nrows(exp); i++) {
        double year, want;
        ck_assert_int_eq(gidx_table_cell_double(&year, exp, i, 2), GIDX_OK);
        ck_assert_int_eq(gidx_table_cell_double(&want, exp, i, 4), GIDX_OK);
        ck_assert_int_eq(gidx_panel_get(&x, &why, p, gidx_table_cell(exp, i, 0), (int)year,
                                        gidx_table_cell(exp, i, 3)), GIDX_OK);
        ck_assert_msg(why == NULL, "%s: %s", gidx_table_cell(exp, i, 3), why);
        ck_assert_msg(fabs(x - want) <= 1e-12 * fabs(want) + 1e-12, "%s %s %d: %.17g vs %.17g",
                      gidx_table_cell(exp, i, 3), gidx_table_cell(exp, i, 0), (int)year, x, want);
        ck_assert_str_eq(gidx_dataset_region_name(gidx_panel_dataset(p), gidx_table_cell(exp, i, 0)),
                         gidx_table_cell(exp, i, 1));
    }
    ck_assert_uint_ge(gidx_table_nrows(exp), 40);
    /* Data not in the embedded set: missing with the reason. */
    ck_assert_int_eq(gidx_panel_get(&x, &why, p, "4003", 2023, "ev_share_cars"), GIDX_OK);
    ck_assert_str_eq(why, "variable cars_electric not in dataset");
    ck_assert_int_eq(gidx_panel_get(&x, &why, p, "40", 2023, "ghg_per_gdp"), GIDX_OK);
    ck_assert_str_eq(why, "variable gdp not in dataset");
    /* Emissions exist for 2009, 2011, 2013, 2015-2024: lag steps over 2014. */
    ck_assert_int_eq(gidx_panel_get(&x, &why, p, "4003", 2015, "decoupling"), GIDX_OK);
    ck_assert_str_eq(why, "employment_total missing for 4003 2015");
    /* The county is the sum of its municipalities: no county_sum finding
     * for the additive indicators, and a gap finding for 2010 shared by all. */
    ck_assert_int_eq(gidx_validation_new(&v, p, NULL), GIDX_OK);
    ck_assert_uint_eq(count_check(v, "county_sum"), 0);
    ck_assert(find_finding(&x, v, "gap", "ghg_total", "", 2010));
    for (k = 0; k < gidx_validation_nfindings(v); k++) {
        const char *c, *id;
        gidx_validation_finding(&c, &id, NULL, NULL, NULL, NULL, v, k);
        ck_assert_msg(strcmp(c, "impossible") != 0, "impossible value of %s", id);
    }
    gidx_validation_free(v);
    gidx_table_free(exp);
    gidx_panel_free(p);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

/* Indicators referring to indicators: values by hand, and a chain of 60
 * indicators each using lag() of the previous one, which without the
 * panel's memoisation would take 2^60 evaluations. */
START_TEST(test_panel_references)
{
    gidx_catalog *cat = NULL;
    gidx_indicator *ind = NULL;
    gidx_dataset *ds = NULL;
    gidx_panel *p = NULL;
    const char *why;
    char id[16], prev[16], formula[64];
    double v;
    int k, y;
    ck_assert_int_eq(gidx_catalog_new(&cat, "chain"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add_variable(cat, "x", NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_indicator_new(&ind, "c0", "x"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_add(cat, ind), GIDX_OK);
    gidx_indicator_free(ind);
    for (k = 1; k <= 60; k++) {
        snprintf(prev, sizeof prev, "c%d", k - 1);
        snprintf(id, sizeof id, "c%d", k);
        snprintf(formula, sizeof formula, "lag(%s, 1) + %s", prev, prev);
        ck_assert_int_eq(gidx_indicator_new(&ind, id, formula), GIDX_OK);
        ck_assert_int_eq(gidx_catalog_add(cat, ind), GIDX_OK);
        gidx_indicator_free(ind);
    }
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (y = 2000; y < 2010; y++)
        set(ds, "R", y, "x", 1);
    set(ds, "R", 2011, "x", 1);               /* 2010 missing: lag steps over it */
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    /* c1 = lag(x) + x = 2 from 2001 on; c2 = 4 from 2002; ck = 2^k from 2000 + k. */
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "R", 2003, "c3"), GIDX_OK);
    ck_assert_double_eq(v, 8);
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "R", 2011, "c2"), GIDX_OK);
    ck_assert_double_eq(v, 4);                /* lag over the missing 2010 */
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "R", 2002, "c3"), GIDX_OK);
    ck_assert(isnan(v));
    ck_assert_str_eq(why, "lag(c2, 1): R has 0 observed years before 2002 (need 1)");
    ck_assert_int_eq(gidx_panel_get(&v, &why, p, "R", 2009, "c60"), GIDX_OK);
    ck_assert_str_eq(why, "lag(c59, 1): R has 0 observed years before 2009 (need 1)");
    gidx_panel_free(p);
    gidx_dataset_free(ds);
    gidx_catalog_free(cat);
}
END_TEST


/* A base variable's "fetch" record (its SSB table and query, read by
 * greenidx fetch) survives load -> save -> load unchanged; a malformed one is
 * refused naming the variable. */
START_TEST(test_catalog_fetch_records)
{
    const char *text = "{\"format\":\"greenidx-catalog\",\"version\":1,\"name\":\"t\","
        "\"variables\":[{\"name\":\"population\",\"unit\":\"persons\","
        "\"fetch\":{\"table\":\"07459\",\"contents\":\"Personer1\"}}],"
        "\"indicators\":[{\"id\":\"pop\",\"formula\":\"population\",\"direction\":\"context\","
        "\"pillar\":\"social\"}]}";
    const char *bad = "{\"format\":\"greenidx-catalog\",\"version\":1,\"name\":\"t\","
        "\"variables\":[{\"name\":\"population\",\"fetch\":\"07459\"}],\"indicators\":[]}";
    gidx_catalog *a = NULL, *b = NULL;
    char buf1[4096], buf2[4096];
    size_t need;
    ck_assert_int_eq(gidx_catalog_parse_json(&a, text, strlen(text), "f.json"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_render(buf1, sizeof buf1, &need, a, GIDX_IND_JSON), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(buf1, "\"contents\": \"Personer1\""));
    ck_assert_int_eq(gidx_catalog_parse_json(&b, buf1, strlen(buf1), "f2.json"), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_render(buf2, sizeof buf2, &need, b, GIDX_IND_JSON), GIDX_OK);
    ck_assert_str_eq(buf1, buf2);
    gidx_catalog_free(a);
    gidx_catalog_free(b);
    a = (gidx_catalog *)1;
    ck_assert_int_eq(gidx_catalog_parse_json(&a, bad, strlen(bad), "b.json"), GIDX_EDATA);
    ck_assert_ptr_null(a);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "variables[0]"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("indicators");
    TCase *tc;
#define ADD(name, fn) tc = tcase_create(name); tcase_add_test(tc, fn); suite_add_tcase(s, tc)
    ADD("catalog-fetch-records", test_catalog_fetch_records);
    ADD("formula_operators", test_formula_operators);
    ADD("formula_lag_gaps", test_formula_lag_gaps);
    ADD("formula_missing_reasons", test_formula_missing_reasons);
    ADD("formula_parse_errors", test_formula_parse_errors);
    ADD("targets", test_targets);
    ADD("catalog_build", test_catalog_build);
    ADD("catalog_default_is_the_file", test_catalog_default_is_the_file);
    ADD("target_regions", test_target_regions);
    ADD("catalog_json_roundtrip", test_catalog_json_roundtrip);
    ADD("catalog_json_errors", test_catalog_json_errors);
    ADD("panel_telemark_acceptance", test_panel_telemark_acceptance);
    ADD("panel_render", test_panel_render);
    ADD("panel_references", test_panel_references);
    ADD("panel_embedded_acceptance", test_panel_embedded_acceptance);
    ADD("validation_hand_panel", test_validation_hand_panel);
    ADD("validation_options", test_validation_options);
    ADD("validation_skew_matches_coinr", test_validation_skew_matches_coinr);
#undef ADD
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
