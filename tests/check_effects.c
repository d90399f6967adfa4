/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Effect estimators against published results (tests/data/effects/README.md). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

static gidx_effect_panel *load(const char *file, const char *unit, const char *time,
                               const char *const *vars, size_t nv)
{
    char path[1024];
    gidx_table *t = NULL;
    gidx_effect_panel *p = NULL;
    const char *dir = getenv("GIDX_TEST_DATA");
    snprintf(path, sizeof path, "%s/effects/%s", dir ? dir : "tests/data", file);
    ck_assert_msg(gidx_table_read_csv(&t, path, NULL) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_msg(gidx_effect_panel_from_table(&p, t, unit, time, vars, nv) == GIDX_OK, "%s",
                  gidx_error_last()->message);
    gidx_table_free(t);
    return p;
}

static double weight_of(const gidx_effect_result *r, const char *unit)
{
    size_t i, n = gidx_effect_result_nrows(r, "weight");
    for (i = 0; i < n; i++) {
        const char *l;
        double w;
        ck_assert_int_eq(gidx_effect_result_row(&l, NULL, NULL, &w, NULL, r, "weight", i), GIDX_OK);
        if (strcmp(l, unit) == 0)
            return w;
    }
    ck_abort_msg("no weight for %s", unit);
    return 0;
}

START_TEST(test_synth_prop99)
{
    static const char *vars[] = { "cigsale", "lnincome", "beer", "age15to24", "retprice" };
    gidx_effect_panel *p = load("smoking.csv", "state", "year", vars, 5);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    double v, path[16];
    size_t need, i, n;
    o.method = GIDX_EFFECT_SYNTH;
    o.outcome = "cigsale";
    o.treated = "California";
    o.treat_time = 1989;
    o.predictors = "lnincome@1980-1988,retprice@1980-1988,age15to24@1980-1988,beer@1984-1988,"
                   "cigsale@1975,cigsale@1980,cigsale@1988";
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    /* ADH (2010) table 2; V is not identified, so +-0.03 (the tolerance) */
    ck_assert_double_eq_tol(weight_of(r, "Utah"), 0.334, 0.03);
    ck_assert_double_eq_tol(weight_of(r, "Nevada"), 0.235, 0.03);
    ck_assert_double_eq_tol(weight_of(r, "Montana"), 0.202, 0.03);
    ck_assert_double_eq_tol(weight_of(r, "Colorado"), 0.161, 0.03);
    ck_assert_double_eq_tol(weight_of(r, "Connecticut"), 0.068, 0.03);
    /* weights on the simplex (invariant) */
    n = gidx_effect_result_nrows(r, "weight");
    ck_assert_uint_eq(n, 38);
    for (i = 0, v = 0; i < n; i++) {
        double w;
        gidx_effect_result_row(NULL, NULL, NULL, &w, NULL, r, "weight", i);
        ck_assert(w >= 0);
        v += w;
    }
    ck_assert_double_eq_tol(v, 1.0, 1e-9);
    /* gap in 2000 about -26 packs (ADH fig. 2), +-1 */
    ck_assert_int_eq(gidx_effect_result_path(path, 16, &need, r), GIDX_OK);
    ck_assert_uint_eq(need, 12);
    ck_assert_double_eq_tol(path[11], -26.0, 1.0);
    ck_assert_int_eq(gidx_effect_result_path(path, 5, &need, r), GIDX_EBUFS);
    /* placebo p = 1/39: California has the largest post/pre MSPE ratio */
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "placebo_p"), GIDX_OK);
    ck_assert_double_eq_tol(v, 1.0 / 39.0, 1e-12);
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "rmspe_pre"), GIDX_OK);
    ck_assert_double_eq_tol(v, 1.76, 0.1);  /* published 1.76; V not identified */
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "no_such"), GIDX_ENOTFOUND);
    gidx_effect_result_free(r);
    gidx_effect_result_free(NULL);
    /* error paths: absent treated unit, too few pre-periods, bad spec */
    o.treated = "Oslo";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ENOTFOUND);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Oslo"));
    o.treated = "California";
    o.treat_time = 1971;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ETOOSHORT);
    o.treat_time = 1989;
    o.predictors = "beer@x";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "beer"));
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_csdid_mpdta)
{
    static const char *vars[] = { "lemp", "first.treat" };
    /* Callaway & Sant'Anna (2021) example, did package vignette, never-treated controls */
    static const double pub[12][3] = {
        { 2004, 2004, -0.0105 }, { 2004, 2005, -0.0704 }, { 2004, 2006, -0.1373 }, { 2004, 2007, -0.1008 },
        { 2006, 2004, 0.0065 }, { 2006, 2005, -0.0028 }, { 2006, 2006, -0.0046 }, { 2006, 2007, -0.0412 },
        { 2007, 2004, 0.0305 }, { 2007, 2005, -0.0027 }, { 2007, 2006, -0.0311 }, { 2007, 2007, -0.0261 } };
    gidx_effect_panel *p = load("mpdta.csv", "countyreal", "year", vars, 2);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    double g, t, att, se, v, path[8];
    size_t i, need;
    o.method = GIDX_EFFECT_CSDID;
    o.outcome = "lemp";
    o.group_col = "first.treat";
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_uint_eq(gidx_effect_result_nrows(r, "att_gt"), 12);
    for (i = 0; i < 12; i++) {
        ck_assert_int_eq(gidx_effect_result_row(NULL, &g, &t, &att, &se, r, "att_gt", i), GIDX_OK);
        ck_assert_double_eq(g, pub[i][0]);
        ck_assert_double_eq(t, pub[i][1]);
        ck_assert_double_eq_tol(att, pub[i][2], 0.0005);  /* published to 4 decimals */
        ck_assert(se > 0.005 && se < 0.05);
    }
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "att_group"), GIDX_OK);
    ck_assert_double_eq_tol(v, -0.031, 0.001);
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "att_group_se"), GIDX_OK);
    ck_assert_double_eq_tol(v, 0.012, 0.003);  /* bootstrap: published 0.012 with another RNG */
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "att_dynamic"), GIDX_OK);
    ck_assert_double_eq_tol(v, -0.0772, 0.001);
    ck_assert_int_eq(gidx_effect_result_path(path, 8, &need, r), GIDX_OK);
    ck_assert_uint_eq(need, 4);
    ck_assert_double_eq_tol(path[0], -0.0199, 0.0005);
    ck_assert_double_eq_tol(path[3], -0.1008, 0.0005);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_csdid_covariates_notyet)
{
    static const char *vars[] = { "lemp", "lpop", "first.treat" };
    gidx_effect_panel *p = load("mpdta.csv", "countyreal", "year", vars, 3);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    char path[1024];
    gidx_table *t = NULL;
    const char *dir = getenv("GIDX_TEST_DATA");
    size_t i;
    double g, tt, att, ref, se, v0, v1;
    o.method = GIDX_EFFECT_CSDID;
    o.outcome = "lemp";
    o.group_col = "first.treat";
    o.covariates = "lpop";
    o.nboot = 199;
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    snprintf(path, sizeof path, "%s/effects/mpdta_csdid_reg.csv", dir ? dir : "tests/data");
    ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_table_nrows(t), 12);
    for (i = 0; i < 12; i++) {
        ck_assert_int_eq(gidx_effect_result_row(NULL, &g, &tt, &att, &se, r, "att_gt", i), GIDX_OK);
        gidx_table_cell_double(&ref, t, i, 2);
        /* R lm() imputation (mpdta_csdid_reg.R): the same least squares, to round-off */
        ck_assert_double_eq_tol(att, ref, 1e-9);
    }
    gidx_table_free(t);
    gidx_effect_result_free(r);
    /* not-yet-treated controls: for cell (2007, 2007) no group adopts after 2007, so the
     * controls are the never-treated and the published never-treated value holds */
    o.covariates = NULL;
    o.control = GIDX_EFFECT_CONTROL_NOTYET;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_row(NULL, NULL, NULL, &v0, NULL, r, "att_gt", 11);     /* (2007, 2007): controls = never only */
    ck_assert_double_eq_tol(v0, -0.0261, 0.0005);   /* no later group: same as never-treated */
    gidx_effect_result_free(r);
    /* the same seed gives the same bootstrap SEs (reproducibility) */
    o.control = GIDX_EFFECT_CONTROL_NEVER;
    o.seed = 7;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_value(&v0, r, "att_group_se");
    gidx_effect_result_free(r);
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_value(&v1, r, "att_group_se");
    ck_assert_double_eq(v0, v1);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
}
END_TEST

static gidx_effect_panel *card_panel(int *ok, int closed_zero)
{
    /* long form of card.csv: FTE = empft + nmgrs + 0.5 emppt in each wave;
     * closed_zero: wave-2 FTE 0 at the four temporarily closed stores
     * (status2 2, 4, 5: renovation, road works, mall fire), as in CK's
     * table 3 row 5 (the file already has 0 at the permanently closed ones) */
    char path[1024];
    gidx_table *t = NULL;
    gidx_effect_panel *p = NULL;
    const char *dir = getenv("GIDX_TEST_DATA");
    size_t n, i, j[8];
    static const char *cols[] = { "state", "empft", "emppt", "nmgrs", "empft2", "emppt2", "nmgrs2",
                                  "status2" };
    char **units;
    double *time, *fte, *nj, x[8];
    snprintf(path, sizeof path, "%s/effects/card.csv", dir ? dir : "tests/data");
    ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
    n = gidx_table_nrows(t);
    for (i = 0; i < 8; i++)
        ck_assert_int_eq(gidx_table_find_column(&j[i], t, cols[i]), GIDX_OK);
    units = calloc(2 * n, sizeof *units);
    time = calloc(2 * n, sizeof *time);
    fte = calloc(2 * n, sizeof *fte);
    nj = calloc(2 * n, sizeof *nj);
    for (i = 0; i < n; i++) {
        size_t k;
        for (k = 0; k < 8; k++)
            ck_assert_int_eq(gidx_table_cell_double(&x[k], t, i, j[k]), GIDX_OK);
        units[2 * i] = units[2 * i + 1] = malloc(32);
        snprintf(units[2 * i], 32, "store%zu", i);  /* "sheet" repeats once: use the row */
        time[2 * i] = 0; time[2 * i + 1] = 1;
        fte[2 * i] = x[1] + x[3] + 0.5 * x[2];
        fte[2 * i + 1] = x[4] + x[6] + 0.5 * x[5];
        if (closed_zero && (x[7] == 2 || x[7] == 4 || x[7] == 5))
            fte[2 * i + 1] = 0.0;
        nj[2 * i] = nj[2 * i + 1] = x[0];
    }
    *ok = gidx_effect_panel_new(&p, (const char *const *)units, time, 2 * n) == GIDX_OK &&
          gidx_effect_panel_add(p, "fte", fte, 2 * n) == GIDX_OK &&
          gidx_effect_panel_add(p, "nj", nj, 2 * n) == GIDX_OK;
    for (i = 0; i < n; i++) free(units[2 * i]);
    free(units); free(time); free(fte); free(nj);
    gidx_table_free(t);
    return p;
}

START_TEST(test_did_card_krueger)
{
    int ok;
    gidx_effect_panel *p = card_panel(&ok, 0);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    double est, se, v;
    ck_assert(ok);
    o.method = GIDX_EFFECT_DID;
    o.outcome = "fte";
    o.treat_col = "nj";
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_int_eq(gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r), GIDX_OK);
    /* CK 1994 table 3 row 3: 2.76 from rounded means; exact difference 2.7536 */
    ck_assert_double_eq_tol(est, 2.76, 0.01);
    /* published 1.36; CK do not state how the unbalanced SE pools waves: CR1 by store gives 1.31 */
    ck_assert_double_eq_tol(se, 1.36, 0.06);
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "mean_treated_pre"), GIDX_OK);
    ck_assert_double_eq_tol(v, 20.44, 0.005);
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "mean_control_post"), GIDX_OK);
    ck_assert_double_eq_tol(v, 21.17, 0.005);
    gidx_effect_result_free(r);
    o.balanced = 1;  /* table 3 row 4: 2.75 (1.34) on the balanced sample */
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r);
    ck_assert_double_eq_tol(est, 2.75, 0.005);
    ck_assert_double_eq_tol(se, 1.34, 0.01);
    gidx_effect_result_free(r);
    o.treat_col = "nope";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "nope"));
    gidx_effect_panel_free(p);
    /* table 3 row 5: temporarily closed stores at 0, balanced sample:
     * NJ 0.23 (0.49), PA -2.28 (1.25), difference 2.51 (1.35) */
    p = card_panel(&ok, 1);
    ck_assert(ok);
    o.treat_col = "nj";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r);
    ck_assert_double_eq_tol(est, 2.51, 0.005);
    /* CK's standard errors are those of a difference of two means of
     * changes, sqrt(s_NJ^2/n_NJ + s_PA^2/n_PA): CR2 gives exactly that on a
     * balanced 2x2 panel (tests/data/effects/card_reference.py: 1.3460101549;
     * rounding error only); CR1 gives 1.342 */
    ck_assert_double_eq_tol(se, 1.342, 0.001);
    gidx_effect_result_free(r);
    o.se = GIDX_EFFECT_SE_CR2;
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r);
    ck_assert_double_eq_tol(se, 1.3460101549, 1e-9);
    ck_assert_double_eq_tol(se, 1.35, 0.005);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
    /* row 4 with CR2: 1.3423409769 (published 1.34) */
    p = card_panel(&ok, 0);
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r);
    ck_assert_double_eq_tol(est, 2.75, 1e-9);
    ck_assert_double_eq_tol(se, 1.3423409769, 1e-9);
    gidx_effect_result_free(r);
    /* CR2 on the unbalanced sample (singleton clusters): 1.310 vs the
     * published 1.36, which the public-use file does not reproduce */
    o.balanced = 0;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    gidx_effect_result_summary(&est, &se, NULL, NULL, NULL, r);
    ck_assert_double_eq_tol(se, 1.3102, 0.0005);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_fe_grunfeld)
{
    static const char *vars[] = { "inv", "value", "capital" };
    gidx_effect_panel *p = load("grunfeld.csv", "firm", "year", vars, 3);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    double b, se, v;
    const char *l;
    char small[8];
    size_t need;
    o.method = GIDX_EFFECT_FE;
    o.outcome = "inv";
    o.covariates = "value,capital";
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    /* plm within model, Croissant & Millo (2008); published to 6 digits */
    ck_assert_int_eq(gidx_effect_result_row(&l, NULL, NULL, &b, &se, r, "coef", 0), GIDX_OK);
    ck_assert_str_eq(l, "value");
    ck_assert_double_eq_tol(b, 0.110124, 1e-5);
    ck_assert_double_eq_tol(se, 0.011857, 1e-4);
    ck_assert_int_eq(gidx_effect_result_row(&l, NULL, NULL, &b, &se, r, "coef", 1), GIDX_OK);
    ck_assert_double_eq_tol(b, 0.310065, 1e-5);
    ck_assert_double_eq_tol(se, 0.017355, 1e-4);
    ck_assert_int_eq(gidx_effect_result_value(&v, r, "r2"), GIDX_OK);
    ck_assert_double_eq_tol(v, 0.76676, 1e-5);
    ck_assert_int_eq(gidx_effect_result_row(&l, NULL, NULL, &b, &se, r, "coef", 2), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_effect_result_render(small, sizeof small, &need, r, GIDX_EFFECT_JSON), GIDX_EBUFS);
    ck_assert(need > sizeof small);
    {
        char *buf = malloc(need);
        ck_assert_int_eq(gidx_effect_result_render(buf, need, NULL, r, GIDX_EFFECT_JSON), GIDX_OK);
        ck_assert_ptr_nonnull(strstr(buf, "\"coefficients\""));
        free(buf);
    }
    gidx_effect_result_free(r);
    /* singular design: a regressor repeated */
    o.covariates = "value,value";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ESINGULAR);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "value"));
    gidx_effect_panel_free(p);
}
END_TEST


/* Reference rows recorded with plm by the R scripts beside the fixtures. */
static void check_against(const gidx_effect_result *r, const char *file, const char *key_col,
                          const char *key)
{
    char path[1024];
    gidx_table *t = NULL;
    const char *dir = getenv("GIDX_TEST_DATA");
    size_t i, jk, jt, je, js, nchecked = 0;
    snprintf(path, sizeof path, "%s/effects/%s", dir ? dir : "tests/data", file);
    ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_table_find_column(&jk, t, key_col), GIDX_OK);
    ck_assert_int_eq(gidx_table_find_column(&jt, t, "term"), GIDX_OK);
    ck_assert_int_eq(gidx_table_find_column(&je, t, "estimate"), GIDX_OK);
    ck_assert_int_eq(gidx_table_find_column(&js, t, "std_error"), GIDX_OK);
    for (i = 0; i < gidx_table_nrows(t); i++) {
        size_t q, n = gidx_effect_result_nrows(r, "coef");
        double e, s;
        if (strcmp(gidx_table_cell(t, i, jk), key) != 0)
            continue;
        gidx_table_cell_double(&e, t, i, je);
        gidx_table_cell_double(&s, t, i, js);
        for (q = 0; q < n; q++) {
            const char *l;
            double b, se;
            gidx_effect_result_row(&l, NULL, NULL, &b, &se, r, "coef", q);
            if (strcmp(l, gidx_table_cell(t, i, jt)) == 0) {
                /* same formulas as plm: agreement to round-off (1e-8 relative) */
                ck_assert_double_eq_tol(b, e, 1e-8 * fabs(e) + 1e-12);
                ck_assert_double_eq_tol(se, s, 1e-7 * fabs(s));
                nchecked++;
            }
        }
    }
    ck_assert_msg(nchecked > 0, "no reference rows for %s in %s", key, file);
    gidx_table_free(t);
}

START_TEST(test_fe_grunfeld_plm_se)
{
    static const char *vars[] = { "inv", "value", "capital" };
    static const int kinds[] = { GIDX_EFFECT_SE_CLASSICAL, GIDX_EFFECT_SE_ROBUST, GIDX_EFFECT_SE_CLUSTER };
    static const char *keys[2][3] = { { "individual:classical", "individual:robust", "individual:cluster" },
                                      { "twoways:classical", "twoways:robust", "twoways:cluster" } };
    gidx_effect_panel *p = load("grunfeld.csv", "firm", "year", vars, 3);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    int tw, k;
    o.method = GIDX_EFFECT_FE;
    o.outcome = "inv";
    o.covariates = "value,capital";
    for (tw = 0; tw < 2; tw++)
        for (k = 0; k < 3; k++) {
            gidx_effect_result *r = NULL;
            char path[1024], key[64];
            gidx_table *t;
            const char *dir = getenv("GIDX_TEST_DATA");
            size_t i, je, js, nchecked = 0;
            o.twoways = tw;
            o.se = kinds[k];
            ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
            snprintf(path, sizeof path, "%s/effects/grunfeld_plm.csv", dir ? dir : "tests/data");
            ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
            gidx_table_find_column(&je, t, "estimate");
            gidx_table_find_column(&js, t, "std_error");
            for (i = 0; i < gidx_table_nrows(t); i++) {
                double e, s, b, se;
                snprintf(key, sizeof key, "%s:%s", gidx_table_cell(t, i, 0), gidx_table_cell(t, i, 1));
                if (strcmp(key, keys[tw][k]) != 0)
                    continue;
                gidx_table_cell_double(&e, t, i, je);
                gidx_table_cell_double(&s, t, i, js);
                ck_assert_int_eq(gidx_effect_result_row(NULL, NULL, NULL, &b, &se, r, "coef",
                                                        strcmp(gidx_table_cell(t, i, 2), "value") ? 1 : 0), GIDX_OK);
                ck_assert_double_eq_tol(b, e, 1e-8 * fabs(e));
                ck_assert_double_eq_tol(se, s, 1e-7 * s);
                nchecked++;
            }
            ck_assert_uint_eq(nchecked, 2);
            gidx_table_free(t);
            gidx_effect_result_free(r);
        }
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_twfe_event_mpdta)
{
    static const char *vars[] = { "lemp", "lpop", "first.treat" };
    gidx_effect_panel *p = load("mpdta.csv", "countyreal", "year", vars, 3);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    double path[8];
    size_t need;
    o.method = GIDX_EFFECT_TWFE;
    o.outcome = "lemp";
    o.group_col = "first.treat";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    check_against(r, "mpdta_twfe.csv", "model", "twfe");
    /* DiD/TWFE path: the constant effect for as many periods as asked */
    ck_assert_int_eq(gidx_effect_result_path(path, 3, &need, r), GIDX_OK);
    ck_assert_uint_eq(need, 3);
    ck_assert_double_eq_tol(path[2], -0.03654893667, 1e-9);
    gidx_effect_result_free(r);
    /* CR2 is defined here only without absorbed fixed effects */
    o.se = GIDX_EFFECT_SE_CR2;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EUNSUPPORTED);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "CR2"));
    o.se = GIDX_EFFECT_SE_DEFAULT;
    o.method = GIDX_EFFECT_EVENT;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    check_against(r, "mpdta_twfe.csv", "model", "event");
    ck_assert_int_eq(gidx_effect_result_path(path, 8, &need, r), GIDX_OK);
    ck_assert_uint_eq(need, 4);
    ck_assert_double_eq_tol(path[0], -0.01814392697, 1e-9);
    gidx_effect_result_free(r);
    /* singular design: lpop is constant within county, absorbed by the unit effects */
    o.method = GIDX_EFFECT_TWFE;
    o.covariates = "lpop";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ESINGULAR);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "\"lpop\""));
    /* event study without pre-periods: every unit adopts in the first year */
    o.method = GIDX_EFFECT_EVENT;
    o.covariates = NULL;
    o.group_col = NULL;
    o.treated = "8001";
    o.treat_time = 2003;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ETOOSHORT);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "pre-periods"));
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_error_paths)
{
    /* a tiny hand-made panel: 3 units x 3 years, unit c misses 2002 */
    const char *u[] = { "a", "a", "a", "b", "b", "b", "c", "c" };
    double t[] = { 2000, 2001, 2002, 2000, 2001, 2002, 2000, 2001 };
    double y[] = { 1, 2, 5, 1, 2, 3, 2, 3 };
    double g[] = { 2002, 2002, 2002, 0, 0, 0, 0, 0 };
    gidx_effect_panel *p = NULL;
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = (gidx_effect_result *)1;
    ck_assert_int_eq(gidx_effect_panel_new(&p, u, t, 8), GIDX_OK);
    ck_assert_int_eq(gidx_effect_panel_add(p, "y", y, 8), GIDX_OK);
    ck_assert_int_eq(gidx_effect_panel_add(p, "g", g, 8), GIDX_OK);
    o.outcome = "y";
    /* unbalanced panel: synth and csdid name the missing cell */
    o.method = GIDX_EFFECT_SYNTH;
    o.treated = "a";
    o.treat_time = 2002;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EDATA);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "\"c\" is missing in 2002"));
    o.method = GIDX_EFFECT_CSDID;
    o.group_col = "g";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "\"c\""));
    /* no donors */
    o.method = GIDX_EFFECT_SYNTH;
    o.treated = "a,b,c";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "no donors"));
    /* the 2x2 DiD by hand: (5 - 1.5) - (3 - 1.75)... on the available rows */
    o.method = GIDX_EFFECT_DID;
    o.treated = "a";
    o.se = GIDX_EFFECT_SE_CLASSICAL;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_OK);
    {
        double est;
        gidx_effect_result_summary(&est, NULL, NULL, NULL, NULL, r);
        /* treated: pre mean (1+2)/2 = 1.5, post 5; control: pre (1+2+2+3)/4 = 2, post 3 */
        ck_assert_double_eq_tol(est, (5 - 1.5) - (3 - 2.0), 1e-12);
    }
    gidx_effect_result_free(r);
    /* bad options */
    o.version = 7;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EINVAL);
    o.version = 1;
    o.method = 42;
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_EINVAL);
    o.method = GIDX_EFFECT_DID;
    o.outcome = "missing_var";
    ck_assert_int_eq(gidx_effect_estimate(&r, p, &o), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "missing_var"));
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_synth_several_treated_loo)
{
    static const char *vars[] = { "cigsale" };
    gidx_effect_panel *p = load("smoking.csv", "state", "year", vars, 1);
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    gidx_effect_result *r = NULL;
    size_t i, n, need, nloo;
    double w, sum = 0;
    char *buf;
    o.method = GIDX_EFFECT_SYNTH;
    o.outcome = "cigsale";
    o.treated = "California,Utah";
    o.treat_time = 1989;
    o.placebo = 0;
    o.leave_one_out = 1;
    o.nstarts = 2;
    ck_assert_msg(gidx_effect_estimate(&r, p, &o) == GIDX_OK, "%s", gidx_error_last()->message);
    /* two fits against the 37 never-treated donors: 2 x 37 weights, each fit on the simplex */
    n = gidx_effect_result_nrows(r, "weight");
    ck_assert_uint_eq(n, 74);
    for (i = 0; i < 37; i++) {
        gidx_effect_result_row(NULL, NULL, NULL, &w, NULL, r, "weight", i);
        sum += w;
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-9);
    ck_assert_uint_eq(gidx_effect_result_nrows(r, "fit"), 2);
    /* one leave-one-out refit per donor with weight > 0.001 (invariant, counted here) */
    nloo = 0;
    for (i = 0; i < n; i++) {
        gidx_effect_result_row(NULL, NULL, NULL, &w, NULL, r, "weight", i);
        nloo += w > 1e-3;
    }
    ck_assert_uint_eq(gidx_effect_result_nrows(r, "loo"), nloo);
    /* no predictors given: the 19 pre-period outcomes are the predictors, per fit */
    ck_assert_uint_eq(gidx_effect_result_nrows(r, "predictor"), 38);
    ck_assert_int_eq(gidx_effect_result_render(NULL, 0, &need, r, GIDX_EFFECT_JSON), GIDX_EBUFS);
    buf = malloc(need);
    ck_assert_int_eq(gidx_effect_result_render(buf, need, NULL, r, GIDX_EFFECT_JSON), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(buf, "\"fits\""));
    ck_assert_ptr_nonnull(strstr(buf, "\"leave_one_out\""));
    free(buf);
    ck_assert_int_eq(gidx_effect_result_render(NULL, 0, &need, r, GIDX_EFFECT_CSV), GIDX_EBUFS);
    buf = malloc(need);
    ck_assert_int_eq(gidx_effect_result_render(buf, need, NULL, r, GIDX_EFFECT_CSV), GIDX_OK);
    ck_assert(strncmp(buf, "kind,unit,label,group,time,estimate,se,ci_low,ci_high,p_value\n", 62) == 0);
    free(buf);
    ck_assert_int_eq(gidx_effect_result_render(NULL, 0, &need, r, 99), GIDX_EINVAL);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
}
END_TEST

START_TEST(test_table_errors)
{
    static const char *bad[] = { "state" };       /* text, not numbers */
    static const char *absent[] = { "tax" };
    char path[1024];
    gidx_table *t = NULL;
    gidx_effect_panel *p = (gidx_effect_panel *)1;
    const char *dir = getenv("GIDX_TEST_DATA");
    snprintf(path, sizeof path, "%s/effects/smoking.csv", dir ? dir : "tests/data");
    ck_assert_int_eq(gidx_table_read_csv(&t, path, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_effect_panel_from_table(&p, t, "state", "year", bad, 1), GIDX_EDATA);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "smoking.csv:2"));
    ck_assert_int_eq(gidx_effect_panel_from_table(&p, t, "state", "year", absent, 1), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "tax"));
    ck_assert_int_eq(gidx_effect_panel_from_table(&p, t, "land", "year", NULL, 0), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "land"));
    ck_assert_int_eq(gidx_effect_panel_from_table(&p, t, "state", "year", NULL, 0), GIDX_OK);
    ck_assert_uint_eq(gidx_effect_panel_nunits(p), 39);
    ck_assert_uint_eq(gidx_effect_panel_ntimes(p), 31);
    ck_assert_uint_eq(gidx_effect_panel_nrows(p), 1209);
    gidx_effect_panel_free(p);
    gidx_table_free(t);
    ck_assert_int_eq(gidx_effect_estimate(NULL, NULL, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_effect_result_summary(NULL, NULL, NULL, NULL, NULL, NULL), GIDX_EINVAL);
    ck_assert_uint_eq(gidx_effect_result_nrows(NULL, "coef"), 0);
}
END_TEST

START_TEST(test_handles)
{
    const char *u[] = { "a", "a" };
    double t[] = { 1, 1 };
    gidx_effect_panel *p = (gidx_effect_panel *)1;
    ck_assert_int_eq(gidx_effect_panel_new(&p, u, t, 2), GIDX_EDUPLICATE);
    ck_assert_ptr_null(p);
    t[1] = 2;
    ck_assert_int_eq(gidx_effect_panel_new(&p, u, t, 2), GIDX_OK);
    ck_assert_uint_eq(gidx_effect_panel_nunits(p), 1);
    ck_assert_int_eq(gidx_effect_panel_add(p, "y", t, 1), GIDX_EINVAL);
    gidx_effect_panel_free(p);
    gidx_effect_panel_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("effects");
    TCase *tc;
    SRunner *sr;
    int nf;
#define ADD(fn) tc = tcase_create(#fn); tcase_add_test(tc, fn); tcase_set_timeout(tc, 300); suite_add_tcase(s, tc)
    ADD(test_synth_prop99);
    ADD(test_csdid_mpdta);
    ADD(test_csdid_covariates_notyet);
    ADD(test_did_card_krueger);
    ADD(test_fe_grunfeld);
    ADD(test_fe_grunfeld_plm_se);
    ADD(test_twfe_event_mpdta);
    ADD(test_error_paths);
    ADD(test_synth_several_treated_loo);
    ADD(test_table_errors);
    ADD(test_handles);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
