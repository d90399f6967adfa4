/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The one convention for levels and shares (issue #17, "no silently wrong
 * number"): percent (80, 95) as R's forecast writes levels, fractions in
 * (0, 1) read as that share of 100, anything else refused naming the
 * argument - for gidx_level_normalize, forecast intervals, effect intervals
 * and the cuts of relative targets. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

static gidx_model *drift(const double *y, size_t n, int year0)
{
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    gidx_model *m = NULL;
    int yrs[16];
    size_t i;
    o.method = GIDX_FC_DRIFT;
    o.calibrate = 0;
    for (i = 0; i < n; i++)
        yrs[i] = year0 + (int)i;
    ck_assert_int_eq(gidx_model_new(&m, &o), GIDX_OK);
    ck_assert_int_eq(gidx_model_fit(m, yrs, y, n), GIDX_OK);
    return m;
}

START_TEST(test_normalize)
{
    static const double bad[] = { 0, 100, -80, -0.5, 150, 1e300 };
    double p = -1;
    size_t i;
    ck_assert_int_eq(gidx_level_normalize(&p, 80), GIDX_OK);
    ck_assert_double_eq(p, 80);
    ck_assert_int_eq(gidx_level_normalize(&p, 0.8), GIDX_OK);
    ck_assert_double_eq_tol(p, 80, 1e-12);
    ck_assert_int_eq(gidx_level_normalize(&p, 0.999), GIDX_OK);
    ck_assert_double_eq_tol(p, 99.9, 1e-12);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(gidx_level_normalize(&p, bad[i]), GIDX_EINVAL);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "level"));
    }
    ck_assert_int_eq(gidx_level_normalize(&p, NAN), GIDX_EINVAL);
}
END_TEST

/* 0.8 and 80 give the same interval; 0.8 is never a 0.8 % interval */
START_TEST(test_forecast_levels)
{
    static const double y[5] = { 1, 2, 4, 7, 11 };
    gidx_model *m = drift(y, 5, 2010);
    double mf[2], lf[2], hf[2], mp[2], lp[2], hp[2], frac = 0.8, pct = 80, hundred = 100;
    ck_assert_int_eq(gidx_model_forecast(mf, lf, hf, 2, m, 2, &frac, 1), GIDX_OK);
    ck_assert_int_eq(gidx_model_forecast(mp, lp, hp, 2, m, 2, &pct, 1), GIDX_OK);
    ck_assert_double_eq(lf[0], lp[0]);
    ck_assert_double_eq(hf[1], hp[1]);
    /* drift by hand: 13.5 -+ qnorm(0.9) sqrt(5/3 + 5/12) at h = 1 */
    ck_assert_double_eq_tol(lp[0], 13.5 - 1.2815515655446004 * sqrt(5.0 / 3 + 5.0 / 12), 1e-9);
    ck_assert_int_eq(gidx_model_forecast(mp, lp, hp, 2, m, 2, &hundred, 1), GIDX_EINVAL);
    gidx_model_free(m);
}
END_TEST

/* a cut of 55 is 55 %, like 0.55 (it was a target of -54 times the base) */
START_TEST(test_target_cut)
{
    static const double y[5] = { 100, 98, 95, 90, 88 };
    static const double bad[] = { 0, 100, -100, 250, NAN };
    gidx_model *m = drift(y, 5, 2009);
    gidx_fc_target a, b, c;
    size_t i;
    ck_assert_int_eq(gidx_model_target(&a, m, 2030, 55, 2009, 1), GIDX_OK);
    ck_assert_int_eq(gidx_model_target(&b, m, 2030, 0.55, 2009, 1), GIDX_OK);
    ck_assert_double_eq_tol(a.target, 45.0, 1e-12);  /* (1 - 0.55) * 100 */
    ck_assert_double_eq(a.target, b.target);
    ck_assert_double_eq(a.prob, b.prob);
    /* an increase: -20 and -0.2 are both 20 % above the base year */
    ck_assert_int_eq(gidx_model_target(&c, m, 2030, -20, 2009, 0), GIDX_OK);
    ck_assert_double_eq_tol(c.target, 120.0, 1e-12);
    ck_assert_int_eq(gidx_model_target(&c, m, 2030, -0.2, 2009, 0), GIDX_OK);
    ck_assert_double_eq_tol(c.target, 120.0, 1e-12);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(gidx_model_target(&c, m, 2030, bad[i], 2009, 1), GIDX_EINVAL);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "cut"));
    }
    /* absolute targets are values in the series' unit, not shares */
    ck_assert_int_eq(gidx_model_target(&c, m, 2030, 150, 0, 1), GIDX_OK);
    ck_assert_double_eq(c.target, 150);
    gidx_model_free(m);
}
END_TEST

/* effect intervals: level 90 and 0.9 agree, 100 is refused */
START_TEST(test_effect_level)
{
    static const char *const unit[8] = { "a", "a", "b", "b", "c", "c", "e", "e" };
    static const double t[8] = { 1, 2, 1, 2, 1, 2, 1, 2 };
    static const double y[8] = { 1, 4, 2, 6, 1, 2, 3, 3.5 };
    static const double d[8] = { 1, 1, 1, 1, 0, 0, 0, 0 };
    gidx_effect_panel *p = NULL;
    gidx_effect_result *r90 = NULL, *r09 = NULL, *bad = NULL;
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    double lo90, hi90, lo09, hi09, est, se;
    ck_assert_int_eq(gidx_effect_panel_new(&p, unit, t, 8), GIDX_OK);
    ck_assert_int_eq(gidx_effect_panel_add(p, "y", y, 8), GIDX_OK);
    ck_assert_int_eq(gidx_effect_panel_add(p, "d", d, 8), GIDX_OK);
    o.outcome = "y";
    o.treat_col = "d";
    o.treat_time = 2;
    o.se = GIDX_EFFECT_SE_CLASSICAL;
    o.level = 90;
    ck_assert_int_eq(gidx_effect_estimate(&r90, p, &o), GIDX_OK);
    o.level = 0.9;
    ck_assert_int_eq(gidx_effect_estimate(&r09, p, &o), GIDX_OK);
    ck_assert_int_eq(gidx_effect_result_summary(&est, &se, &lo90, &hi90, NULL, r90), GIDX_OK);
    ck_assert_int_eq(gidx_effect_result_summary(NULL, NULL, &lo09, &hi09, NULL, r09), GIDX_OK);
    ck_assert_double_eq(lo90, lo09);
    ck_assert_double_eq(hi90, hi09);
    /* DiD by hand: mean change of the treated (3 + 4) / 2 minus the controls (1 + 0.5) / 2 = 2.75 */
    ck_assert_double_eq_tol(est, ((4 - 1) + (6 - 2)) / 2.0 - ((2 - 1) + (3.5 - 3)) / 2.0, 1e-12);
    ck_assert(hi90 - lo90 > 0);
    o.level = 100;
    ck_assert_int_eq(gidx_effect_estimate(&bad, p, &o), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "level"));
    gidx_effect_result_free(r90);
    gidx_effect_result_free(r09);
    gidx_effect_panel_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bindB_levels");
    TCase *tc = tcase_create("levels");
    SRunner *sr;
    int failed;
    tcase_add_test(tc, test_normalize);
    tcase_add_test(tc, test_forecast_levels);
    tcase_add_test(tc, test_target_cut);
    tcase_add_test(tc, test_effect_level);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
