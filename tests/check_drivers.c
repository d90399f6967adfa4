/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Drivers of change: LMDI-I decomposition and Tapio decoupling.
 * Reference values:
 * - a hand-worked two-sector case (arithmetic in the comment of hand_dataset);
 * - the worked example of the LMDIR package, a reference implementation of
 *   Ang (2005) by M. K. Heun (github.com/MatthewHeun/LMDIR, MIT licence;
 *   used in Heun et al. 2019, Applied Energy 251, 112697): its documented
 *   example create_simple_LMDI() and the values asserted in
 *   tests/testthat/test_lmdi.R, reproduced to their printed precision;
 * - an independent numpy computation for three Telemark municipalities
 *   (tests/data/drivers/README.md);
 * - invariants: perfect decomposition on the embedded data for every
 *   Telemark municipality and the county, cumulative and chained.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>
#include "core/internal.h"

static char *datapath(const char *rel)
{
    static char buf[4096];
    const char *d = getenv("GIDX_TEST_DATA");
    snprintf(buf, sizeof buf, "%s/drivers/%s", d != NULL ? d : "tests/data", rel);
    return buf;
}

/* Half a unit in the last printed digit of @p s ("69.79006598" -> 5e-9). */
static double half_ulp(const char *s)
{
    const char *dot = strchr(s, '.');
    size_t dec = dot ? strlen(dot + 1) : 0;
    return 0.5 * pow(10.0, -(double)dec);
}

/* ------------------------------------------------------------ LMDIR example */

/*
 * LMDIR's create_simple_LMDI(): two sub-categories, three factors, V_i =
 * x_i1 x_i2 x_i3, years 1971-1974 (rows: subcat 1, subcat 2).
 */
static const double LMDIR_X[4][6] = {
    { 1, 10, 2, 4, 5, 3 },   /* 1971: V = 20 + 60 = 80 */
    { 4, 5, 3, 5, 6, 4 },    /* 1972: V = 60 + 120 = 180 */
    { 8, 2, 4, 5, 7, 5 },    /* 1973: V = 64 + 175 = 239 */
    { 10, 1, 5, 6, 8, 6 }    /* 1974: V = 50 + 288 = 338 */
};

/* test_lmdi.R, "linear LMDI works as expected": dV[[2..4]] (per factor,
 * summed over sub-categories) and "multiplicative LMDI": D[[2..4]]. */
static const char *const LMDIR_DV[3][3] = {
    { "69.79006598", "-9.455125793", "39.66505981" },
    { "42.96021467", "-34.31902656", "50.3588119" },
    { "54.01064234", "-9.021284671", "54.01064234" }
};
static const char *const LMDIR_D[3][3] = {
    { "1.761117821", "0.926191306", "1.379410116" },
    { "1.229284572", "0.847970248", "1.273773912" },
    { "1.208140223", "0.968911503", "1.208140223" }
};
/* "Z_byname works as expected": Z_1, the additive effects of 1971-1972 per
 * sub-category and factor. */
static const char *const LMDIR_Z1[6] = {
    "50.47438029", "-25.23719014", "14.76280986",
    "19.31568569", "15.78206435", "24.90224996"
};

START_TEST(test_lmdir_example)
{
    double out[6];
    int t, k, i;
    for (t = 0; t < 3; t++) {
        ck_assert_int_eq(gidx_lmdi(out, 6, LMDIR_X[t], 6, LMDIR_X[t + 1], 6, 3,
                                   GIDX_LMDI_ADDITIVE), GIDX_OK);
        if (t == 0)
            for (i = 0; i < 6; i++)
                ck_assert_double_eq_tol(out[i], atof(LMDIR_Z1[i]), half_ulp(LMDIR_Z1[i]));
        for (k = 0; k < 3; k++)
            ck_assert_double_eq_tol(out[k] + out[3 + k], atof(LMDIR_DV[t][k]),
                                    half_ulp(LMDIR_DV[t][k]));
        ck_assert_int_eq(gidx_lmdi(out, 6, LMDIR_X[t], 6, LMDIR_X[t + 1], 6, 3,
                                   GIDX_LMDI_MULTIPLICATIVE), GIDX_OK);
        for (k = 0; k < 3; k++)
            ck_assert_double_eq_tol(out[k] * out[3 + k], atof(LMDIR_D[t][k]),
                                    half_ulp(LMDIR_D[t][k]));
    }
}
END_TEST

/* The zero-value cases of test_lmdi.R (Wood & Lenzen 2006; the limits of
 * Ang & Liu 2007): x_11 = 0 in 1971 gives Z_11 = V_1^T = 60 and Z_12 =
 * Z_13 = 0; x_23 = 0 in 1972 gives Z_23 = -V_2^0 = -60, Z_21 = Z_22 = 0. */
START_TEST(test_lmdir_zero_values)
{
    double x0[6], x1[6], out[6];
    int i;
    memcpy(x0, LMDIR_X[0], sizeof x0);
    memcpy(x1, LMDIR_X[1], sizeof x1);
    x0[0] = 0.0;
    ck_assert_int_eq(gidx_lmdi(out, 6, x0, 6, x1, 6, 3, GIDX_LMDI_ADDITIVE), GIDX_OK);
    ck_assert_double_eq(out[0], 60.0);
    ck_assert_double_eq(out[1], 0.0);
    ck_assert_double_eq(out[2], 0.0);
    for (i = 3; i < 6; i++)
        ck_assert_double_eq_tol(out[i], atof(LMDIR_Z1[i]), half_ulp(LMDIR_Z1[i]));
    x0[0] = 1.0;
    x1[5] = 0.0;
    ck_assert_int_eq(gidx_lmdi(out, 6, x0, 6, x1, 6, 3, GIDX_LMDI_ADDITIVE), GIDX_OK);
    for (i = 0; i < 3; i++)
        ck_assert_double_eq_tol(out[i], atof(LMDIR_Z1[i]), half_ulp(LMDIR_Z1[i]));
    ck_assert_double_eq(out[3], 0.0);
    ck_assert_double_eq(out[4], 0.0);
    ck_assert_double_eq(out[5], -60.0);
}
END_TEST

START_TEST(test_lmdi_errors)
{
    double out[6], x0[6] = { 0, 0, 2, 4, 5, 3 }, x1[6] = { 4, 5, 3, 5, 6, 4 };
    double neg[6] = { 1, -10, 2, 4, 5, 3 };
    /* two zero factors at once: the limit is not unique */
    ck_assert_int_eq(gidx_lmdi(out, 6, x0, 6, x1, 6, 3, GIDX_LMDI_ADDITIVE), GIDX_EDOM);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "not unique"));
    ck_assert_int_eq(gidx_lmdi(out, 6, neg, 6, x1, 6, 3, GIDX_LMDI_ADDITIVE), GIDX_EDATA);
    ck_assert_int_eq(gidx_lmdi(out, 5, LMDIR_X[0], 6, x1, 6, 3, GIDX_LMDI_ADDITIVE), GIDX_EBUFS);
    ck_assert_int_eq(gidx_lmdi(out, 6, LMDIR_X[0], 6, x1, 5, 3, GIDX_LMDI_ADDITIVE), GIDX_EINVAL);
    ck_assert_int_eq(gidx_lmdi(out, 6, LMDIR_X[0], 6, x1, 6, 4, GIDX_LMDI_ADDITIVE), GIDX_EINVAL);
    ck_assert_int_eq(gidx_lmdi(out, 6, LMDIR_X[0], 6, x1, 6, 3, 7), GIDX_EINVAL);
    ck_assert_int_eq(gidx_lmdi(NULL, 6, LMDIR_X[0], 6, x1, 6, 3, 0), GIDX_EINVAL);
    /* multiplicative needs a positive aggregate in both periods */
    {
        double z0[2] = { 0, 1 }, z1[2] = { 1, 1 };
        ck_assert_int_eq(gidx_lmdi(out, 2, z0, 2, z1, 2, 2, GIDX_LMDI_MULTIPLICATIVE), GIDX_EDOM);
        ck_assert_int_eq(gidx_lmdi(out, 2, z0, 2, z1, 2, 2, GIDX_LMDI_ADDITIVE), GIDX_OK);
        ck_assert_double_eq(out[0], 1.0);   /* the whole change to the zero factor */
        ck_assert_double_eq(out[1], 0.0);
    }
}
END_TEST

/* ------------------------------------------------------------ hand-worked */

static const char HAND_MAPPING[] =
    "{\"sectors\": ["
    "{\"id\": \"industry\", \"variable\": \"ghg_industry\", \"kind\": \"business\","
    " \"groups\": [\"employment_manufacturing\"]},"
    "{\"id\": \"road\", \"variable\": \"ghg_road\", \"kind\": \"population\", \"groups\": []}]}";

static void set(gidx_dataset *ds, const char *r, int y, const char *v, double x)
{
    ck_assert_int_eq(gidx_dataset_set(ds, r, y, v, x, GIDX_FLAG_OK), GIDX_OK);
}

static void set_year(gidx_dataset *ds, const char *r, int y, double P, double J, double Jg,
                     double Eind, double Eroad)
{
    set(ds, r, y, "population", P);
    set(ds, r, y, "employment_total", J);
    set(ds, r, y, "employment_manufacturing", Jg);
    set(ds, r, y, "ghg_industry", Eind);
    set(ds, r, y, "ghg_road", Eroad);
    set(ds, r, y, "ghg_total", Eind + Eroad);
}

/*
 * Two sectors, industry (business, group manufacturing) and road
 * (population-driven), years 2000, 2001, 2002:
 *
 *          P     J    J_g  E_ind  E_road  E
 *   2000  1000   500  100   200    300    500
 *   2001  2000  1000  100   400    300    700
 *   2002  2000  1000  100     0    300    300
 *
 * 2000-2001, industry: P x2, J/P 0.5 -> 0.5, J_g/J 0.2 -> 0.1 (x1/2),
 * E/J_g 2 -> 4 (x2); L(400, 200) = 200 / ln 2, so
 *   population = L ln 2 = 200, employment_rate = 0,
 *   structure = L ln(1/2) = -200, intensity = L ln 2 = 200; sum 200 = dE.
 * Road: L(300, 300) = 300; population = 300 ln 2 = 207.944154...,
 *   intensity (0.3 -> 0.15 t per person) = 300 ln(1/2) = -207.944...; sum 0.
 * Total: population 200 + 300 ln 2, employment_rate 0, structure -200,
 *   intensity 200 - 300 ln 2, total 200.
 * Multiplicative: L(700, 500) = 200 / ln 1.4 and D_k = exp(dE_k / L):
 *   D_structure = exp(-ln 1.4) = 1/1.4, D_pop = 1.4^((200 + 300 ln 2)/200),
 *   D_int = 1.4^((200 - 300 ln 2)/200), product 1.4 = 700/500.
 * Tapio 2000-2001: jobs +100 %, emissions +40 %: e = 0.4, weak decoupling.
 *
 * 2001-2002, industry emissions fall to zero with jobs still in the group:
 * the intensity factor is the zero one, and the limit of Ang & Liu (2007)
 * gives it the whole change, -400; every other effect is 0. Multiplicative:
 * D_intensity = exp(-400 / L(300, 700)) = exp(ln(3/7)) = 3/7.
 */
static gidx_dataset *hand_dataset(void)
{
    gidx_dataset *ds = NULL;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    set_year(ds, "A", 2000, 1000, 500, 100, 200, 300);
    set_year(ds, "A", 2001, 2000, 1000, 100, 400, 300);
    set_year(ds, "A", 2002, 2000, 1000, 100, 0, 300);
    return ds;
}

static gidx_drivers_mapping *hand_mapping(void)
{
    gidx_drivers_mapping *m = NULL;
    ck_assert_int_eq(gidx_drivers_mapping_parse(&m, HAND_MAPPING, strlen(HAND_MAPPING), "hand"),
                     GIDX_OK);
    return m;
}

/* Value of (from, sector, effect) in a decomposition. */
static double value_of(const gidx_decomposition *d, const char *region, int from,
                       const char *sector, const char *effect)
{
    size_t i, n = gidx_decomposition_nrows(d);
    for (i = 0; i < n; i++) {
        const char *r, *e, *s;
        int f;
        double v;
        ck_assert_int_eq(gidx_decomposition_row(&r, NULL, &f, NULL, &e, &s, &v, d, i), GIDX_OK);
        if (strcmp(r, region) == 0 && f == from && strcmp(s, sector) == 0 && strcmp(e, effect) == 0)
            return v;
    }
    ck_abort_msg("no row %s %d %s %s", region, from, sector, effect);
    return NAN;
}

START_TEST(test_hand_worked)
{
    gidx_dataset *ds = hand_dataset();
    gidx_drivers_mapping *m = hand_mapping();
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    const double ln2 = log(2.0), tol = 1e-12 * 700;   /* rounding of a few logs of O(1) */
    double e;
    int cls, from, to;
    o.mapping = m;
    o.chained = 1;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_decomposition_nperiods(d), 2);
    ck_assert_uint_eq(gidx_decomposition_nrows(d), 2 * 3 * 5);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "industry", "population"), 200.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "industry", "employment_rate"), 0.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "industry", "structure"), -200.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "industry", "intensity"), 200.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "road", "population"), 300 * ln2, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "road", "intensity"), -300 * ln2, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "road", "total"), 0.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "population"), 200 + 300 * ln2, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "structure"), -200.0, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "intensity"), 200 - 300 * ln2, tol);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "total"), 200.0, tol);
    ck_assert_int_eq(gidx_decomposition_period(NULL, &from, &to, NULL, NULL, NULL, NULL, &e, &cls,
                                               d, 0), GIDX_OK);
    ck_assert_int_eq(from, 2000);
    ck_assert_int_eq(to, 2001);
    ck_assert_double_eq_tol(e, 0.4, 1e-15);
    ck_assert_int_eq(cls, GIDX_TAPIO_WEAK_DECOUPLING);
    /* 2001-2002: the zero-value limit */
    ck_assert_double_eq(value_of(d, "A", 2001, "industry", "intensity"), -400.0);
    ck_assert_double_eq(value_of(d, "A", 2001, "industry", "population"), 0.0);
    ck_assert_double_eq(value_of(d, "A", 2001, "industry", "structure"), 0.0);
    ck_assert_double_eq_tol(value_of(d, "A", 2001, "total", "total"), -400.0, tol);
    {   /* reported */
        size_t i, found = 0;
        for (i = 0; i < gidx_decomposition_ncases(d); i++) {
            const char *kind, *var;
            int year;
            gidx_decomposition_case(NULL, &year, &var, &kind, NULL, d, i);
            if (strcmp(kind, "zero_emissions") == 0 && year == 2002 &&
                strcmp(var, "ghg_industry") == 0)
                found++;
        }
        ck_assert_uint_eq(found, 1);
    }
    gidx_decomposition_free(d);
    d = NULL;
    o.form = GIDX_LMDI_MULTIPLICATIVE;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "structure"), 1 / 1.4, 1e-14);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "population"),
                            pow(1.4, (200 + 300 * ln2) / 200), 1e-14);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "intensity"),
                            pow(1.4, (200 - 300 * ln2) / 200), 1e-14);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "employment_rate"), 1.0, 1e-15);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "total"), 1.4, 1e-14);
    ck_assert_double_eq_tol(value_of(d, "A", 2001, "total", "intensity"), 3.0 / 7.0, 1e-14);
    gidx_decomposition_free(d);
    d = NULL;
    /* cumulative 2000-2002, and the population driver */
    o.form = GIDX_LMDI_ADDITIVE;
    o.chained = 0;
    o.driver = GIDX_DRIVER_POPULATION;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_decomposition_nperiods(d), 1);
    /* everything population-driven: industry 200 -> 0 all to intensity */
    ck_assert_double_eq(value_of(d, "A", 2000, "industry", "intensity"), -200.0);
    ck_assert_double_eq_tol(value_of(d, "A", 2000, "total", "total"), -200.0, tol);
    ck_assert_double_eq(value_of(d, "A", 2000, "total", "structure"), 0.0);
    gidx_decomposition_free(d);
    gidx_drivers_mapping_free(m);
    gidx_dataset_free(ds);
}
END_TEST

/* ------------------------------------------------------------ Tapio */

/* Tapio (2005): boundaries 0, 0.8, 1.2 on both sides, with inputs whose
 * growth rates are exact binary fractions (0.25 / 0.3125 = 0.8 and
 * 0.375 / 0.3125 = 1.2 round to the doubles 0.8 and 1.2). */
START_TEST(test_tapio_boundaries)
{
    static const struct { double e0, e1, d0, d1; int cls; } c[] = {
        { 100, 90, 16, 21, GIDX_TAPIO_STRONG_DECOUPLING },        /* e < 0 */
        { 100, 100, 16, 21, GIDX_TAPIO_WEAK_DECOUPLING },         /* e = 0 */
        { 100, 124.99999999999999, 16, 21, GIDX_TAPIO_WEAK_DECOUPLING }, /* e just below 0.8 */
        { 100, 125, 16, 21, GIDX_TAPIO_EXPANSIVE_COUPLING },      /* e = 0.8 */
        { 100, 137.5, 16, 21, GIDX_TAPIO_EXPANSIVE_COUPLING },    /* e = 1.2 */
        { 100, 137.50000000000003, 16, 21, GIDX_TAPIO_EXPANSIVE_NEGATIVE_DECOUPLING }, /* just above */
        { 100, 110, 16, 11, GIDX_TAPIO_STRONG_NEGATIVE_DECOUPLING }, /* driver down, e < 0 */
        { 100, 100, 16, 11, GIDX_TAPIO_WEAK_NEGATIVE_DECOUPLING },   /* e = 0 */
        { 100, 75.000000000000014, 16, 11, GIDX_TAPIO_WEAK_NEGATIVE_DECOUPLING }, /* just below 0.8 */
        { 100, 75, 16, 11, GIDX_TAPIO_RECESSIVE_COUPLING },       /* e = 0.8 */
        { 100, 62.5, 16, 11, GIDX_TAPIO_RECESSIVE_COUPLING },     /* e = 1.2 */
        { 100, 62.499999999999993, 16, 11, GIDX_TAPIO_RECESSIVE_DECOUPLING }, /* just above 1.2 */
        { 100, 90, 16, 16, GIDX_TAPIO_UNDEFINED },                /* driver unchanged */
    };
    size_t i;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        int cls = -1;
        double e;
        ck_assert_int_eq(gidx_tapio(&cls, &e, c[i].e0, c[i].e1, c[i].d0, c[i].d1), GIDX_OK);
        ck_assert_msg(cls == c[i].cls, "case %zu: e = %.17g, class %s, expected %s", i, e,
                      gidx_tapio_class_name(cls), gidx_tapio_class_name(c[i].cls));
    }
    {
        int cls;
        double e;
        ck_assert_int_eq(gidx_tapio(&cls, &e, 100, 125, 16, 21), GIDX_OK);
        ck_assert_double_eq(e, 0.8);
        ck_assert_int_eq(gidx_tapio(&cls, &e, 100, 137.5, 16, 21), GIDX_OK);
        ck_assert_double_eq(e, 1.2);
        ck_assert_int_eq(gidx_tapio(&cls, &e, 0, 125, 16, 21), GIDX_EDATA);
        ck_assert_int_eq(gidx_tapio(&cls, &e, 100, 125, 16, -1), GIDX_EDATA);
        ck_assert_int_eq(gidx_tapio(NULL, &e, 100, 125, 16, 21), GIDX_EINVAL);
    }
    ck_assert_str_eq(gidx_tapio_class_name(GIDX_TAPIO_RECESSIVE_DECOUPLING), "recessive_decoupling");
    ck_assert_str_eq(gidx_tapio_class_name(99), "undefined");
}
END_TEST

/* ------------------------------------------------------------ Telemark */

/*
 * Perfect decomposition (Ang 2005, property of LMDI-I): for every Telemark
 * municipality and the county, cumulative and chained, the additive effects
 * sum to dE and the multiplicative ones multiply to E1/E0. Tolerance 1e-9
 * relative to max(E0, E1): dE is a difference of numbers of that size.
 */
static void check_perfect(int chained, int form)
{
    gidx_dataset *ds = NULL;
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    size_t p, np, s, k, ns = 0, nregions_seen = 0;
    const char *last = "";
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    o.chained = chained;
    o.form = form;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    np = gidx_decomposition_nperiods(d);
    ns = gidx_decomposition_nrows(d) / np / 5 - 1;
    ck_assert_uint_eq(ns, 10);
    for (p = 0; p < np; p++) {
        const char *code;
        double e0, e1, eff[5], check;
        int from, to;
        ck_assert_int_eq(gidx_decomposition_period(&code, &from, &to, &e0, &e1, NULL, NULL, NULL,
                                                   NULL, d, p), GIDX_OK);
        if (strcmp(code, last) != 0)
            nregions_seen++;
        last = code;
        ck_assert_int_eq(gidx_decomposition_period_effects(eff, 5, d, p), GIDX_OK);
        if (form == GIDX_LMDI_ADDITIVE) {
            check = eff[0] + eff[1] + eff[2] + eff[3];
            ck_assert_msg(fabs(check - (e1 - e0)) <= 1e-9 * fmax(e0, e1),
                          "%s %d-%d: effects sum to %.17g, dE = %.17g", code, from, to, check, e1 - e0);
            ck_assert_msg(fabs(eff[4] - (e1 - e0)) <= 1e-9 * fmax(e0, e1), "%s total", code);
        } else {
            check = eff[0] * eff[1] * eff[2] * eff[3];
            ck_assert_msg(fabs(check / (e1 / e0) - 1.0) <= 1e-9,
                          "%s %d-%d: effects multiply to %.17g, E1/E0 = %.17g", code, from, to,
                          check, e1 / e0);
        }
        /* and every sector's own effects add up to its total */
        for (s = 0; s <= ns; s++) {
            double v[5], acc = form == GIDX_LMDI_ADDITIVE ? 0.0 : 1.0;
            for (k = 0; k < 5; k++)
                gidx_decomposition_row(NULL, NULL, NULL, NULL, NULL, NULL, &v[k], d,
                                       (p * (ns + 1) + s) * 5 + k);
            for (k = 0; k < 4; k++)
                acc = form == GIDX_LMDI_ADDITIVE ? acc + v[k] : acc * v[k];
            ck_assert_msg(fabs(acc - v[4]) <= 1e-9 * (form == GIDX_LMDI_ADDITIVE ? fmax(e0, e1) : 1.0),
                          "%s %d-%d sector %zu", code, from, to, s);
        }
    }
    ck_assert_uint_eq(nregions_seen, 18);   /* 17 municipalities and the county */
    gidx_decomposition_free(d);
    gidx_dataset_free(ds);
}

START_TEST(test_perfect_cumulative_additive) { check_perfect(0, GIDX_LMDI_ADDITIVE); }
END_TEST
START_TEST(test_perfect_cumulative_multiplicative) { check_perfect(0, GIDX_LMDI_MULTIPLICATIVE); }
END_TEST
START_TEST(test_perfect_chained_additive) { check_perfect(1, GIDX_LMDI_ADDITIVE); }
END_TEST
START_TEST(test_perfect_chained_multiplicative) { check_perfect(1, GIDX_LMDI_MULTIPLICATIVE); }
END_TEST

/* Measured figures quoted in docs/decompose.md (Skien 2016-2024). */
START_TEST(test_telemark_periods)
{
    gidx_dataset *ds = NULL;
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    const char *regions[] = { "Skien", "40" };
    const char *code, *kind, *var;
    double e0, e1, d0, d1;
    int from, to, cls, year;
    size_t i, found_missing = 0, found_residual = 0;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    o.regions = regions;
    o.nregions = 2;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_decomposition_nperiods(d), 2);
    ck_assert_int_eq(gidx_decomposition_period(&code, &from, &to, &e0, &e1, &d0, &d1, NULL, &cls,
                                               d, 0), GIDX_OK);
    ck_assert_str_eq(code, "4003");
    /* first and last year with every input: jobs start in 2016, emissions end in 2024 */
    ck_assert_int_eq(from, 2016);
    ck_assert_int_eq(to, 2024);
    ck_assert_double_eq_tol(e0, 150016.0, 1.0);
    ck_assert_double_eq_tol(e1, 118119.0, 1.0);
    ck_assert_double_eq(d0, 25342.0);
    ck_assert_double_eq(d1, 27036.0);
    ck_assert_int_eq(cls, GIDX_TAPIO_STRONG_DECOUPLING);
    /* the county: 2024 has two sectors unset that cannot be split, so it ends in 2023 */
    ck_assert_int_eq(gidx_decomposition_period(&code, &from, &to, NULL, NULL, NULL, NULL, NULL,
                                               NULL, d, 1), GIDX_OK);
    ck_assert_str_eq(code, "40");
    ck_assert_int_eq(to, 2023);
    for (i = 0; i < gidx_decomposition_ncases(d); i++) {
        gidx_decomposition_case(&code, &year, &var, &kind, NULL, d, i);
        if (strcmp(code, "40") == 0 && year == 2024 && strcmp(kind, "missing_year") == 0)
            found_missing++;
        if (strcmp(code, "40") == 0 && year == 2023 && strcmp(kind, "derived_residual") == 0 &&
            strcmp(var, "ghg_energy_supply") == 0)
            found_residual++;
    }
    ck_assert_uint_eq(found_missing, 1);
    ck_assert_uint_eq(found_residual, 1);
    gidx_decomposition_free(d);
    gidx_dataset_free(ds);
}
END_TEST

/* Fyresdal (4032) has waste emissions but no utilities jobs in 2017 and
 * 2018: those periods decompose waste as population-driven, reported. */
START_TEST(test_no_jobs_in_group)
{
    gidx_dataset *ds = NULL;
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    const char *regions[] = { "4032" };
    size_t i, n = 0;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    o.regions = regions;
    o.nregions = 1;
    o.chained = 1;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    for (i = 0; i < gidx_decomposition_ncases(d); i++) {
        const char *kind, *var;
        gidx_decomposition_case(NULL, NULL, &var, &kind, NULL, d, i);
        if (strcmp(kind, "no_jobs_in_group") == 0) {
            ck_assert_str_eq(var, "ghg_waste");
            n++;
        }
    }
    ck_assert_uint_eq(n, 3);   /* 2016-2017, 2017-2018, 2018-2019 */
    ck_assert_double_eq(value_of(d, "4032", 2017, "waste", "structure"), 0.0);
    ck_assert_double_eq(value_of(d, "4032", 2017, "waste", "employment_rate"), 0.0);
    gidx_decomposition_free(d);
    gidx_dataset_free(ds);
}
END_TEST

/* The numpy reference (tests/data/drivers/README.md): every row within 1e-9
 * relative (the two implementations differ in summation order and in
 * log1p against log; measured agreement is about 5e-13). */
START_TEST(test_numpy_reference)
{
    gidx_dataset *ds = NULL;
    gidx_table *t = NULL;
    const char *regions[] = { "4003", "4001", "4032" };
    gidx_decomposition *d[2][2] = { { NULL, NULL }, { NULL, NULL } };
    size_t i, n, checked = 0;
    int chained, form;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    for (chained = 0; chained < 2; chained++)
        for (form = 0; form < 2; form++) {
            gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
            o.regions = regions;
            o.nregions = 3;
            o.chained = chained;
            o.form = form;
            ck_assert_int_eq(gidx_decompose(&d[chained][form], ds, &o), GIDX_OK);
        }
    ck_assert_int_eq(gidx_table_read_csv(&t, datapath("numpy_reference.csv"), NULL), GIDX_OK);
    n = gidx_table_nrows(t);
    ck_assert_uint_gt(n, 2900);
    for (i = 0; i < n; i++) {
        const char *region = gidx_table_cell(t, i, 0), *mode = gidx_table_cell(t, i, 1);
        const char *fm = gidx_table_cell(t, i, 2), *effect = gidx_table_cell(t, i, 5);
        const char *sector = gidx_table_cell(t, i, 6);
        int from = atoi(gidx_table_cell(t, i, 3));
        double ref = gidx__strtod(gidx_table_cell(t, i, 7), NULL);
        const gidx_decomposition *dd = d[strcmp(mode, "chained") == 0][strcmp(fm, "multiplicative") == 0];
        double v = value_of(dd, region, from, sector, effect);
        ck_assert_msg(fabs(v - ref) <= 1e-9 * fmax(1.0, fabs(ref)),
                      "%s %s %s %d %s %s: library %.17g, numpy %.17g", region, mode, fm, from,
                      sector, effect, v, ref);
        checked++;
    }
    ck_assert_uint_eq(checked, n);
    gidx_table_free(t);
    for (chained = 0; chained < 2; chained++)
        for (form = 0; form < 2; form++)
            gidx_decomposition_free(d[chained][form]);
    gidx_dataset_free(ds);
}
END_TEST

/* ------------------------------------------------------------ bad input */

START_TEST(test_bad_input)
{
    gidx_dataset *ds = hand_dataset();
    gidx_drivers_mapping *m = hand_mapping(), *bad = NULL;
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    o.mapping = m;
    /* negative emissions */
    set(ds, "A", 2001, "ghg_road", -5);
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EDATA);
    ck_assert_ptr_null(d);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "region A"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "2001"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "ghg_road"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "negative"));
    set(ds, "A", 2001, "ghg_road", 300);
    /* zero jobs */
    set(ds, "A", 2002, "employment_total", 0);
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "employment_total"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "2002"));
    /* ... unless the driver is population */
    o.driver = GIDX_DRIVER_POPULATION;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    gidx_decomposition_free(d);
    d = NULL;
    o.driver = GIDX_DRIVER_JOBS;
    /* ... or the bad year is outside the range */
    o.from_year = 2000;
    o.to_year = 2001;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    gidx_decomposition_free(d);
    d = NULL;
    /* from after to, from equal to to */
    o.from_year = 2002;
    o.to_year = 2000;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "2002"));
    o.to_year = 2002;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EINVAL);
    /* a year without data */
    o.from_year = 1990;
    o.to_year = 2001;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "1990"));
    /* an unknown region */
    {
        const char *r[] = { "Atlantis" };
        o.from_year = o.to_year = 0;
        o.regions = r;
        o.nregions = 1;
        ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_ENOTFOUND);
        o.regions = NULL;
        o.nregions = 0;
    }
    /* bad options */
    o.form = 5;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EINVAL);
    o.form = 0;
    o.version = 2;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decompose(NULL, ds, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decompose(&d, NULL, NULL), GIDX_EINVAL);
    /* a mapping naming an unknown sector or group */
    ck_assert_int_eq(gidx_drivers_mapping_load(&bad, datapath("bad_sector.json")), GIDX_ENOTFOUND);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "bad_sector.json"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "ghg_tourism"));
    ck_assert_int_eq(gidx_drivers_mapping_load(&bad, datapath("bad_group.json")), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Romfart"));
    ck_assert_int_eq(gidx_drivers_mapping_load(&bad, datapath("no_such_file.json")), GIDX_EIO);
    {
        static const char *const bads[][2] = {
            { "{", "EPARSE" },
            { "{\"sectors\": []}", "EDATA" },
            { "{\"sectors\": [{\"id\": \"road\", \"kind\": \"sometimes\"}]}", "EDATA" },
            { "{\"sectors\": [{\"id\": \"industry\", \"kind\": \"business\"}]}", "EDATA" },
            { "{\"sectors\": [{\"id\": \"road\", \"kind\": \"population\", \"groups\": [\"Industri\"]}]}", "EDATA" },
            { "{\"sectors\": [{\"id\": \"road\", \"kind\": \"population\"},"
              " {\"id\": \"road\", \"kind\": \"population\"}]}", "EDUPLICATE" },
        };
        static const int codes[] = { GIDX_EPARSE, GIDX_EDATA, GIDX_EDATA, GIDX_EDATA, GIDX_EDATA,
                                     GIDX_EDUPLICATE };
        size_t i;
        for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
            ck_assert_msg(gidx_drivers_mapping_parse(&bad, bads[i][0], strlen(bads[i][0]), "t") == codes[i],
                          "%s should give %s", bads[i][0], bads[i][1]);
            ck_assert_ptr_null(bad);
        }
    }
    /* a dataset without the variables of the identity */
    {
        gidx_dataset *empty = NULL;
        ck_assert_int_eq(gidx_dataset_new(&empty), GIDX_OK);
        set(empty, "A", 2000, "population", 10);
        ck_assert_int_eq(gidx_decompose(&d, empty, NULL), GIDX_ENOTFOUND);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "ghg_total"));
        gidx_dataset_free(empty);
    }
    gidx_drivers_mapping_free(m);
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_handles_and_renderers)
{
    gidx_drivers_mapping *m = NULL;
    gidx_dataset *ds = hand_dataset();
    gidx_decomposition *d = NULL;
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    double eff[5];
    gidx_drivers_mapping_free(NULL);
    gidx_decomposition_free(NULL);
    /* the data layer's list of Miljødirektoratet's sectors, which a mapping must use */
    ck_assert_uint_eq(gidx_ghg_nsectors(), 10);
    ck_assert_str_eq(gidx_ghg_sector_label(2), "Industri, olje og gass");
    ck_assert_str_eq(gidx_ghg_sector_variable(9), "ghg_fluorinated");
    ck_assert_ptr_null(gidx_ghg_sector_label(10));
    ck_assert_ptr_null(gidx_ghg_sector_variable(10));
    ck_assert_int_eq(gidx_drivers_mapping_default(&m), GIDX_OK);
    ck_assert_uint_eq(gidx_drivers_mapping_nsectors(m), 10);
    ck_assert_str_eq(gidx_drivers_mapping_sector(m, 0), "industry");
    ck_assert_str_eq(gidx_drivers_mapping_variable(m, 0), "ghg_industry");
    ck_assert_int_eq(gidx_drivers_mapping_kind(m, 0), GIDX_SECTOR_BUSINESS);
    ck_assert_uint_eq(gidx_drivers_mapping_ngroups(m, 0), 2);
    ck_assert_str_eq(gidx_drivers_mapping_group(m, 0, 1), "employment_manufacturing");
    ck_assert_int_eq(gidx_drivers_mapping_kind(m, 9), GIDX_SECTOR_POPULATION);
    ck_assert_ptr_null(gidx_drivers_mapping_sector(m, 10));
    ck_assert_int_eq(gidx_drivers_mapping_kind(m, 10), -1);
    gidx_drivers_mapping_free(m);
    m = hand_mapping();
    o.mapping = m;
    ck_assert_int_eq(gidx_decompose(&d, ds, &o), GIDX_OK);
    ck_assert_int_eq(gidx_decomposition_form(d), GIDX_LMDI_ADDITIVE);
    ck_assert_int_eq(gidx_decomposition_driver(d), GIDX_DRIVER_JOBS);
    ck_assert_int_eq(gidx_decomposition_row(NULL, NULL, NULL, NULL, NULL, NULL, NULL, d, 15), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decomposition_period(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, d, 1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decomposition_period_effects(eff, 4, d, 0), GIDX_EBUFS);
    ck_assert_int_eq(gidx_decomposition_case(NULL, NULL, NULL, NULL, NULL, d, 99), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decomposition_to_csv(&text, &len, d), GIDX_OK);
    ck_assert_str_eq(strtok(text, "\n"), "region_code,region_name,from,to,effect,sector,value");
    ck_assert_str_eq(strtok(NULL, "\n"), "A,A,2000,2002,population,industry,0");
    gidx_free(text);
    ck_assert_int_eq(gidx_decomposition_to_json(&text, &len, d), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(text, "\"tapio\": \"strong_decoupling\""));
    ck_assert_ptr_nonnull(strstr(text, "\"cases\""));
    gidx_free(text);
    ck_assert_int_eq(gidx_decomposition_to_text(&text, &len, d), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(text, "A (A) 2000-2002"));
    gidx_free(text);
    ck_assert_int_eq(gidx_decomposition_to_text(NULL, &len, d), GIDX_EINVAL);
    ck_assert_int_eq(gidx_decomposition_periods_to_csv(&text, &len, d), GIDX_OK);
    ck_assert_str_eq(strtok(text, "\n"), "region_code,region_name,from,to,emissions_from,"
                     "emissions_to,driver,driver_from,driver_to,elasticity,tapio");
    ck_assert_str_eq(strtok(NULL, "\n"), "A,A,2000,2002,500,300,jobs,500,1000,-0.40000000000000002,"
                     "strong_decoupling");
    gidx_free(text);
    ck_assert_int_eq(gidx_decomposition_cases_to_csv(&text, &len, d), GIDX_OK);
    ck_assert_str_eq(strtok(text, "\n"), "region_code,year,variable,kind,message");
    ck_assert_ptr_nonnull(strstr(strtok(NULL, "\n"), "A,2002,ghg_industry,zero_emissions,"));
    gidx_free(text);
    {   /* the options as plain arguments */
        const char *r[] = { "A" };
        gidx_decomposition *d2 = NULL;
        ck_assert_int_eq(gidx_decompose_args(&d2, ds, r, 1, 0, 0, 0, GIDX_LMDI_ADDITIVE,
                                             GIDX_DRIVER_JOBS, m), GIDX_OK);
        ck_assert_uint_eq(gidx_decomposition_nrows(d2), gidx_decomposition_nrows(d));
        gidx_decomposition_free(d2);
    }
    gidx_decomposition_free(d);
    gidx_drivers_mapping_free(m);
    gidx_dataset_free(ds);
}
END_TEST

static Suite *drivers_suite(void)
{
    Suite *s = suite_create("drivers");
    TCase *tc = tcase_create("lmdi");
    tcase_add_test(tc, test_lmdir_example);
    tcase_add_test(tc, test_lmdir_zero_values);
    tcase_add_test(tc, test_lmdi_errors);
    tcase_add_test(tc, test_hand_worked);
    suite_add_tcase(s, tc);
    tc = tcase_create("tapio");
    tcase_add_test(tc, test_tapio_boundaries);
    suite_add_tcase(s, tc);
    tc = tcase_create("telemark");
    tcase_add_test(tc, test_perfect_cumulative_additive);
    tcase_add_test(tc, test_perfect_cumulative_multiplicative);
    tcase_add_test(tc, test_perfect_chained_additive);
    tcase_add_test(tc, test_perfect_chained_multiplicative);
    tcase_add_test(tc, test_telemark_periods);
    tcase_add_test(tc, test_no_jobs_in_group);
    tcase_add_test(tc, test_numpy_reference);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_handles_and_renderers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(drivers_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
