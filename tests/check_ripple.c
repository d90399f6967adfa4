/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Ripple effects: input-output models, multipliers, location quotients,
 * shocks. Reference values: Miller & Blair (2009), Input-Output Analysis,
 * 2nd ed., ch. 2 (the two-sector example, open and closed with households);
 * invariants; a hand-worked FLQ case (tests/data/ripple/README.md). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <greenidx/greenidx.h>
#include "core/internal.h"

/* Miller & Blair sec. 2.2-2.3 */
static const double MB_Z[4] = { 150, 500, 200, 100 };
static const double MB_X[2] = { 1000, 2000 };

static char *datapath(const char *rel)
{
    static char buf[4096];
    const char *d = getenv("GIDX_TEST_DATA");
    snprintf(buf, sizeof buf, "%s/ripple/%s", d != NULL ? d : "tests/data", rel);
    return buf;
}

static gidx_io_model *mb_model(void)
{
    gidx_io_model *m = NULL;
    const char *names[2] = { "Agriculture", "Manufacturing" };
    ck_assert_int_eq(gidx_io_model_new(&m, MB_Z, MB_X, 2, names), GIDX_OK);
    return m;
}

/* M&B's closed model (sec. 2.5.1): labour income 300 and 500 (coefficients
 * 0.3 and 0.25), household purchases 0.05 and 0.40 per unit of income (M&B
 * also let households buy 0.05 from households; libgreenidx does not). */
static gidx_io_model *mb_closed(void)
{
    gidx_io_model *m = mb_model();
    const double li[2] = { 300, 500 }, hc[2] = { 0.05, 0.40 };
    ck_assert_int_eq(gidx_io_model_set_satellite(m, GIDX_IO_LABOUR_INCOME, li, 2, 0), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_households(m, hc, 2, 1), GIDX_OK);
    return m;
}

/* A random productive economy: entries uniform on [0, 1), columns scaled
 * to sum to s < 1, about density d of the off-diagonal entries kept. */
static double *random_A(size_t n, double s, double d, unsigned long seed)
{
    gidx__rng *r = gidx__rng_new(seed);
    double *A = malloc(n * n * sizeof *A);
    size_t i, j;
    ck_assert_ptr_nonnull(A);
    for (j = 0; j < n; j++) {
        double c = 0;
        for (i = 0; i < n; i++) {
            double u = gidx__rng_uniform(r);
            A[i * n + j] = (i == j || gidx__rng_uniform(r) < d) ? u : 0.0;
            c += A[i * n + j];
        }
        for (i = 0; i < n; i++)
            A[i * n + j] *= c > 0 ? s * (0.5 + 0.5 * gidx__rng_uniform(r)) / c : 0.0;
    }
    gidx__rng_free(r);
    return A;
}

START_TEST(test_mb_open)
{
    gidx_io_model *m = mb_model();
    double A[4], L[4], mult[2], f[2] = { 600, 1500 }, x[2], fd[2];
    const double Aexp[4] = { 0.15, 0.25, 0.20, 0.05 };
    const double Lexp[4] = { 1.254125, 0.330033, 0.264026, 1.122112 };
    gidx_io_result *r = NULL;
    size_t i;
    ck_assert_uint_eq(gidx_io_model_nsectors(m), 2);
    ck_assert_str_eq(gidx_io_model_sector(m, 1), "Manufacturing");
    ck_assert_ptr_null(gidx_io_model_sector(m, 2));
    ck_assert_int_eq(gidx_io_model_coefficients(A, 4, m), GIDX_OK);
    for (i = 0; i < 4; i++)   /* exact quotients: rounding only */
        ck_assert_double_eq_tol(A[i], Aexp[i], 1e-15);
    ck_assert_int_eq(gidx_io_model_leontief(L, 4, m, 1), GIDX_OK);
    for (i = 0; i < 4; i++)   /* published to 6 decimals */
        ck_assert_double_eq_tol(L[i], Lexp[i], 5e-7);
    ck_assert_int_eq(gidx_io_model_multipliers(mult, 2, m, GIDX_IO_OUTPUT, 1), GIDX_OK);
    ck_assert_double_eq_tol(mult[0], 1.518152, 5e-7);
    ck_assert_double_eq_tol(mult[1], 1.452145, 5e-7);
    /* f = [600, 1500] -> x = [1247.5, 1841.6] (published to 1 decimal) */
    ck_assert_int_eq(gidx_io_shock(&r, m, f, 2, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_get(x, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_double_eq_tol(x[0], 1247.5, 0.05);
    ck_assert_double_eq_tol(x[1], 1841.6, 0.05);
    /* direct = f; indirect = x - f */
    ck_assert_int_eq(gidx_io_result_get(fd, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_DIRECT), GIDX_OK);
    ck_assert_double_eq(fd[0], 600);
    ck_assert_int_eq(gidx_io_result_get(fd, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_INDIRECT), GIDX_OK);
    ck_assert_double_eq_tol(fd[1], x[1] - 1500, 1e-9);
    ck_assert_int_eq(gidx_io_result_get(fd, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_INDUCED), GIDX_OK);
    ck_assert_double_eq(fd[0], 0);
    /* The table's own final demand: f = x - Z 1 = [350, 1700] */
    ck_assert_int_eq(gidx_io_model_final_demand(fd, 2, m), GIDX_OK);
    ck_assert_double_eq_tol(fd[0], 350, 1e-12);
    ck_assert_double_eq_tol(fd[1], 1700, 1e-12);
    gidx_io_result_free(r);
    gidx_io_model_free(m);
}
END_TEST

START_TEST(test_mb_closed)
{
    /* M&B's table closed with households as in their sec. 2.5.1 but with
     * no household-to-household purchases: Lbar from numpy.linalg.inv
     * (tests/data/ripple/reference.py); type II output multipliers are the
     * column sums over the two industries, 1.869756, 1.753895. */
    gidx_io_model *m = mb_closed();
    const double Lexp[9] = { 1.3583699560527365, 0.4194966040751099, 0.2357171394326808,
                             0.5113863363963245, 1.334398721534159, 0.5593288054334798,
                             0.5353575709149021, 0.45944866160607273, 1.2105473431881741 };
    double L[9], m2[2], m1[2];
    size_t i;
    ck_assert_int_eq(gidx_io_model_leontief(L, 8, m, 2), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_model_leontief(L, 9, m, 2), GIDX_OK);
    for (i = 0; i < 9; i++)   /* two LU inversions of a 3x3: rounding only */
        ck_assert_double_eq_tol(L[i], Lexp[i], 1e-13);
    ck_assert_int_eq(gidx_io_model_multipliers(m2, 2, m, GIDX_IO_OUTPUT, 2), GIDX_OK);
    ck_assert_double_eq_tol(m2[0], 1.869756292449061, 1e-13);
    ck_assert_double_eq_tol(m2[1], 1.7538953256092689, 1e-13);
    ck_assert_double_eq_tol(m2[0], L[0] + L[3], 1e-12);
    ck_assert_double_eq_tol(m2[1], L[1] + L[4], 1e-12);
    ck_assert_int_eq(gidx_io_model_multipliers(m1, 2, m, GIDX_IO_OUTPUT, 1), GIDX_OK);
    for (i = 0; i < 2; i++)
        ck_assert(m2[i] >= m1[i]);
    gidx_io_model_free(m);
}
END_TEST

START_TEST(test_invariant_value_added)
{
    /* v = 1 - colsum(A) gives v L = 1 (every unit of final demand is paid
     * for by value added somewhere), on M&B and on a random 40-sector A. */
    size_t n = 40, i, j;
    double *A = random_A(n, 0.8, 0.5, 7), *v = malloc(n * sizeof *v), *mu = malloc(n * sizeof *mu);
    gidx_io_model *m = NULL;
    for (j = 0; j < n; j++) {
        v[j] = 1;
        for (i = 0; i < n; i++)
            v[j] -= A[i * n + j];
    }
    ck_assert_int_eq(gidx_io_model_new_coefficients(&m, A, n, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_satellite(m, GIDX_IO_VALUE_ADDED, v, n, 1), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_multipliers(mu, n, m, GIDX_IO_VALUE_ADDED, 1), GIDX_OK);
    for (j = 0; j < n; j++)  /* rounding in an LU solve of order 40 */
        ck_assert_double_eq_tol(mu[j], 1.0, 1e-12);
    ck_assert_str_eq(gidx_io_model_sector(m, 0), "S1");
    gidx_io_model_free(m);
    /* M&B with its own value added (x - colsum Z = 650, 1400) */
    m = mb_model();
    {
        const double va[2] = { 650, 1400 };
        ck_assert_int_eq(gidx_io_model_set_satellite(m, GIDX_IO_VALUE_ADDED, va, 2, 0), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_multipliers(mu, 2, m, GIDX_IO_VALUE_ADDED, 1), GIDX_OK);
        ck_assert_double_eq_tol(mu[0], 1.0, 1e-14);
        ck_assert_double_eq_tol(mu[1], 1.0, 1e-14);
    }
    gidx_io_model_free(m);
    free(A);
    free(v);
    free(mu);
}
END_TEST

START_TEST(test_invariant_power_series)
{
    /* L = I + A + A^2 + ... : with column sums <= 0.6 the tail after k terms
     * is below 0.6^k / 0.4 in the 1-norm; 80 terms leave < 1e-17. */
    size_t n = 30, i, j, l, k;
    double *A = random_A(n, 0.6, 0.4, 11), *S = calloc(n * n, sizeof *S),
           *P = calloc(n * n, sizeof *P), *Q = calloc(n * n, sizeof *Q), *L = malloc(n * n * sizeof *L);
    gidx_io_model *m = NULL;
    for (i = 0; i < n; i++)
        S[i * n + i] = P[i * n + i] = 1;
    for (k = 1; k <= 80; k++) {
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++) {
                double s = 0;
                for (l = 0; l < n; l++)
                    s += P[i * n + l] * A[l * n + j];
                Q[i * n + j] = s;
            }
        memcpy(P, Q, n * n * sizeof *P);
        for (i = 0; i < n * n; i++)
            S[i] += P[i];
    }
    ck_assert_int_eq(gidx_io_model_new_coefficients(&m, A, n, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_leontief(L, n * n, m, 1), GIDX_OK);
    for (i = 0; i < n * n; i++)
        ck_assert_double_eq_tol(L[i], S[i], 1e-12);
    gidx_io_model_free(m);
    free(A);
    free(S);
    free(P);
    free(Q);
    free(L);
}
END_TEST

START_TEST(test_type2_ge_type1)
{
    /* Closing the model adds non-negative induced effects, so every type II
     * multiplier is at least the type I one (Miller & Blair sec. 6.2.2). */
    gidx_io_model *m = NULL;
    gidx_status rc;
    int q;
    size_t i;
    rc = gidx_io_model_load(&m, datapath("mb"));
    ck_assert_msg(rc == GIDX_OK, "%s", gidx_error_last()->message);
    for (q = 0; q < GIDX_IO_NQUANTITIES; q++) {
        double m1[2], m2[2];
        ck_assert_int_eq(gidx_io_model_multipliers(m1, 2, m, q, 1), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_multipliers(m2, 2, m, q, 2), GIDX_OK);
        for (i = 0; i < 2; i++)
            ck_assert_msg(m2[i] >= m1[i] && m1[i] > 0, "quantity %d sector %zu", q, i);
    }
    /* the one-factorisation table agrees with the single calls */
    {
        double tab[10], one[2];
        ck_assert_int_eq(gidx_io_model_multiplier_table(tab, 9, m, 2), GIDX_EBUFS);
        ck_assert_int_eq(gidx_io_model_multiplier_table(tab, 10, m, 2), GIDX_OK);
        for (q = 0; q < GIDX_IO_NQUANTITIES; q++) {
            ck_assert_int_eq(gidx_io_model_multipliers(one, 2, m, q, 2), GIDX_OK);
            ck_assert_double_eq_tol(tab[q * 2], one[0], 1e-14);
            ck_assert_double_eq_tol(tab[q * 2 + 1], one[1], 1e-14);
        }
    }
    gidx_io_model_free(m);
}
END_TEST

START_TEST(test_load_folder)
{
    /* The folder holds M&B's table with consumption 40, 320: shares 0.05 and
     * 0.40 of total labour income 800, the closed model of test_mb_closed. */
    gidx_io_model *m = NULL;
    double L[9], sat[2], f[2] = { 0, 100 }, e[2];
    gidx_io_result *r = NULL;
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    size_t i;
    ck_assert_int_eq(gidx_io_model_load(&m, datapath("mb")), GIDX_OK);
    ck_assert(gidx_io_model_has_output(m));
    ck_assert_int_eq(gidx_io_model_find_sector(&i, m, "Manufacturing"), GIDX_OK);
    ck_assert_uint_eq(i, 1);
    ck_assert_int_eq(gidx_io_model_find_sector(&i, m, "Mining"), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Mining"));
    ck_assert_int_eq(gidx_io_model_leontief(L, 9, m, 2), GIDX_OK);
    ck_assert_double_eq_tol(L[2], 0.2357171394326808, 1e-13);
    ck_assert_double_eq_tol(L[8], 1.2105473431881741, 1e-13);
    ck_assert_int_eq(gidx_io_model_satellite(sat, 2, m, GIDX_IO_EMPLOYMENT), GIDX_OK);
    ck_assert_double_eq_tol(sat[0], 20.0 / 1000, 1e-15);
    ck_assert_double_eq_tol(sat[1], 15.0 / 2000, 1e-15);
    /* Type II shock of 100 to manufacturing: induced output = Lbar - L parts */
    o.type = 2;
    ck_assert_int_eq(gidx_io_shock(&r, m, f, 2, &o), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_type(r), 2);
    ck_assert_int_eq(gidx_io_result_get(e, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_double_eq_tol(e[0], 100 * L[1], 1e-9);
    ck_assert_double_eq_tol(e[1], 100 * L[4], 1e-9);
    ck_assert_int_eq(gidx_io_result_get(e, 2, r, 0, GIDX_IO_OUTPUT, GIDX_IO_INDUCED), GIDX_OK);
    ck_assert_double_eq_tol(e[0], 100 * (L[1] - 0.330033), 1e-4);
    ck_assert_double_eq_tol(e[1], 100 * (L[4] - 1.122112), 1e-4);
    /* employment effect = coefficient x output effect, by part */
    ck_assert_int_eq(gidx_io_result_get(e, 2, r, 0, GIDX_IO_EMPLOYMENT, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_double_eq_tol(e[1], 0.0075 * 100 * L[4], 1e-9);
    gidx_io_result_free(r);
    gidx_io_model_free(m);
}
END_TEST

static void expect_load_error(const char *dir, gidx_status code, const char *s1, const char *s2)
{
    gidx_io_model *m = (gidx_io_model *)1;
    gidx_status rc = gidx_io_model_load(&m, datapath(dir));
    ck_assert_msg(rc == code, "%s: got %d, %s", dir, rc, gidx_error_last()->message);
    ck_assert_ptr_null(m);
    ck_assert_msg(strstr(gidx_error_last()->message, s1) != NULL, "%s", gidx_error_last()->message);
    if (s2 != NULL)
        ck_assert_msg(strstr(gidx_error_last()->message, s2) != NULL, "%s",
                      gidx_error_last()->message);
}

START_TEST(test_load_errors)
{
    expect_load_error("bad_negative", GIDX_EDATA, "x.csv:3", "Manufacturing");
    expect_load_error("bad_square", GIDX_EPARSE, "Z.csv", "square");
    expect_load_error("bad_names", GIDX_ENOTFOUND, "x.csv:3", "Mining");
    expect_load_error("bad_order", GIDX_EDATA, "Z.csv:2", "same order");
    expect_load_error("no_such_folder", GIDX_EIO, "no_such_folder", NULL);
}
END_TEST

START_TEST(test_errors)
{
    gidx_io_model *m = (gidx_io_model *)1;
    double Z[4] = { 150, 500, 200, 100 }, x[2] = { 1000, -2000 }, L[4];
    const char *dup[2] = { "A", "A" };
    /* negative output */
    ck_assert_int_eq(gidx_io_model_new(&m, Z, x, 2, NULL), GIDX_EDATA);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "sector 'S2' is negative"));
    /* column sum of A >= 1: sector 2 buys 2100 but produces 2000 */
    x[1] = 2000;
    Z[1] = 2000;
    ck_assert_int_eq(gidx_io_model_new(&m, Z, x, 2, NULL), GIDX_EDOM);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "column sum of A for sector 'S2'"));
    Z[1] = 500;
    ck_assert_int_eq(gidx_io_model_new(&m, Z, x, 2, dup), GIDX_EDUPLICATE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "'A'"));
    Z[2] = NAN;
    ck_assert_int_eq(gidx_io_model_new(&m, Z, x, 2, NULL), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Z['S2']['S1']"));
    ck_assert_int_eq(gidx_io_model_new(&m, Z, x, 0, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_io_model_new(NULL, Z, x, 2, NULL), GIDX_EINVAL);
    /* singular I - A: every column sums to exactly 1 */
    {
        const double A[4] = { 0.5, 0.5, 0.5, 0.5 };
        double f[2] = { 1, 1 }, mu[2];
        gidx_io_result *r = (gidx_io_result *)1;
        ck_assert_int_eq(gidx_io_model_new_coefficients(&m, A, 2, NULL), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_leontief(L, 4, m, 1), GIDX_ESINGULAR);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "I - A is singular"));
        ck_assert_int_eq(gidx_io_model_multipliers(mu, 2, m, GIDX_IO_OUTPUT, 1), GIDX_ESINGULAR);
        ck_assert_int_eq(gidx_io_shock(&r, m, f, 2, NULL), GIDX_ESINGULAR);
        ck_assert_ptr_null(r);
        /* iteratively: divergence or no convergence, never a number */
        {
            gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
            o.solver = GIDX_IO_SOLVER_ITERATIVE;
            o.max_iter = 200;
            ck_assert_int_eq(gidx_io_shock(&r, m, f, 2, &o), GIDX_ENOCONV);
            ck_assert_ptr_null(r);
            ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "spectral radius"));
        }
        /* no x: no Ghosh, no totals */
        ck_assert_int_eq(gidx_io_model_ghosh(L, 4, m), GIDX_ESTATE);
        ck_assert_int_eq(gidx_io_model_final_demand(f, 2, m), GIDX_ESTATE);
        ck_assert_int_eq(gidx_io_model_set_satellite(m, GIDX_IO_EMPLOYMENT, f, 2, 0), GIDX_ESTATE);
        ck_assert_int_eq(gidx_io_model_set_satellite(m, GIDX_IO_OUTPUT, f, 2, 1), GIDX_EINVAL);
        gidx_io_model_free(m);
    }
    {
        const double A[4] = { 0.1, -0.2, 0.3, 0.1 };
        ck_assert_int_eq(gidx_io_model_new_coefficients(&m, A, 2, NULL), GIDX_EDATA);
        ck_assert_ptr_null(m);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "A['S1']['S2']"));
    }
}
END_TEST

START_TEST(test_handles)
{
    gidx_io_model *m = mb_model();
    gidx_io_result *r = NULL;
    double f[2] = { 1, 2 }, buf[4], bad[2] = { 1, INFINITY };
    size_t need = 0;
    char small[8];
    gidx_io_model_free(NULL);
    gidx_io_result_free(NULL);
    ck_assert_uint_eq(gidx_io_model_nsectors(NULL), 0);
    ck_assert_uint_eq(gidx_io_result_nyears(NULL), 0);
    /* too-small buffers */
    ck_assert_int_eq(gidx_io_model_coefficients(buf, 3, m), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_model_leontief(buf, 3, m, 1), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_model_ghosh(buf, 3, m), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_model_multipliers(buf, 1, m, GIDX_IO_OUTPUT, 1), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_model_final_demand(buf, 1, m), GIDX_EBUFS);
    /* missing satellite, missing households */
    ck_assert_int_eq(gidx_io_model_multipliers(buf, 2, m, GIDX_IO_EMISSIONS, 1), GIDX_ESTATE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "emissions"));
    ck_assert_int_eq(gidx_io_model_leontief(buf, 4, m, 3), GIDX_EINVAL);
    {
        gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
        gidx_io_result *r2 = (gidx_io_result *)1;
        o.type = 2;
        ck_assert_int_eq(gidx_io_shock(&r2, m, f, 2, &o), GIDX_ESTATE);
        ck_assert_ptr_null(r2);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "labour-income"));
        ck_assert_int_eq(gidx_io_shock(&r2, m, bad, 2, NULL), GIDX_EDATA);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "'Manufacturing'"));
        ck_assert_int_eq(gidx_io_shock(&r2, m, f, 3, NULL), GIDX_EINVAL);
        o.version = 2;
        ck_assert_int_eq(gidx_io_shock(&r2, m, f, 2, &o), GIDX_EINVAL);
    }
    ck_assert_int_eq(gidx_io_shock(&r, m, f, 2, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_io_result_nsectors(r), 2);
    ck_assert_uint_eq(gidx_io_result_nyears(r), 1);
    ck_assert_str_eq(gidx_io_result_sector(r, 0), "Agriculture");
    ck_assert(gidx_io_result_has(r, GIDX_IO_OUTPUT));
    ck_assert(!gidx_io_result_has(r, GIDX_IO_EMPLOYMENT));
    ck_assert_int_eq(gidx_io_result_get(buf, 1, r, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_result_get(buf, 2, r, 1, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_io_result_get(buf, 2, r, 0, GIDX_IO_EMPLOYMENT, GIDX_IO_TOTAL), GIDX_ESTATE);
    ck_assert_int_eq(gidx_io_result_get(buf, 2, r, 0, GIDX_IO_OUTPUT, 4), GIDX_EINVAL);
    ck_assert_int_eq(gidx_io_result_multipliers(buf, 1, r, GIDX_IO_OUTPUT), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_result_multipliers(buf, 2, r, GIDX_IO_OUTPUT), GIDX_OK);
    ck_assert_double_eq_tol(buf[0], 1.518152, 5e-7);
    ck_assert_int_eq(gidx_io_result_format(small, sizeof small, &need, r, GIDX_IO_FORMAT_JSON),
                     GIDX_EBUFS);
    ck_assert_uint_gt(need, sizeof small);
    ck_assert_int_eq(gidx_io_result_format(NULL, 0, &need, r, 7), GIDX_EINVAL);
    gidx_io_result_free(r);
    gidx_io_model_free(m);
}
END_TEST

START_TEST(test_ghosh)
{
    /* G = (I - B)^-1 with B = x^-1 Z: check (I - B) G = I directly. */
    gidx_io_model *m = mb_model();
    double G[4], B[4];
    size_t i, j, k;
    ck_assert_int_eq(gidx_io_model_ghosh(G, 4, m), GIDX_OK);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            B[i * 2 + j] = MB_Z[i * 2 + j] / MB_X[i];
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++) {
            double s = 0;
            for (k = 0; k < 2; k++)
                s += ((i == k) - B[i * 2 + k]) * G[k * 2 + j];
            ck_assert_double_eq_tol(s, i == j ? 1.0 : 0.0, 1e-14);
        }
    gidx_io_model_free(m);
}
END_TEST

START_TEST(test_sparse_matches_dense)
{
    /* The same 300-sector economy as a dense model (LU) and as CSR
     * (Gauss-Seidel, tol 1e-13): shocks and multipliers agree to 1e-9
     * relative, for type I and II. */
    size_t n = 300, i, j, nnz = 0;
    double *A = random_A(n, 0.7, 0.05, 3);
    size_t *rp = malloc((n + 1) * sizeof *rp), *ci = malloc(n * n * sizeof *ci);
    double *val = malloc(n * n * sizeof *val), *f = malloc(n * sizeof *f), *li = malloc(n * sizeof *li),
           *hh = malloc(n * sizeof *hh), *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    gidx_io_model *d = NULL, *s = NULL;
    gidx_io_result *rd = NULL, *rs = NULL;
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    int type;
    for (i = 0; i < n; i++) {
        rp[i] = nnz;
        for (j = 0; j < n; j++)
            if (A[i * n + j] != 0) {
                ci[nnz] = j;
                val[nnz++] = A[i * n + j];
            }
        f[i] = (double)(i % 7);
        li[i] = 0.1 + 0.001 * (double)(i % 13);
        hh[i] = 0.5 / (double)n;
    }
    rp[n] = nnz;
    ck_assert_int_eq(gidx_io_model_new_coefficients(&d, A, n, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_new_sparse(&s, n, rp, ci, val, nnz, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_satellite(d, GIDX_IO_LABOUR_INCOME, li, n, 1), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_satellite(s, GIDX_IO_LABOUR_INCOME, li, n, 1), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_households(d, hh, n, 1), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_set_households(s, hh, n, 1), GIDX_OK);
    o.tol = 1e-13;
    for (type = 1; type <= 2; type++) {
        int q;
        o.type = type;
        ck_assert_int_eq(gidx_io_shock(&rd, d, f, n, &o), GIDX_OK);
        ck_assert_int_eq(gidx_io_shock(&rs, s, f, n, &o), GIDX_OK);
        for (q = 0; q < GIDX_IO_NQUANTITIES; q++) {
            int p;
            if (!gidx_io_result_has(rd, q))
                continue;
            for (p = 0; p < 4; p++) {
                ck_assert_int_eq(gidx_io_result_get(a, n, rd, 0, q, p), GIDX_OK);
                ck_assert_int_eq(gidx_io_result_get(b, n, rs, 0, q, p), GIDX_OK);
                for (i = 0; i < n; i++)
                    ck_assert_double_eq_tol(a[i], b[i], 1e-9 * (1 + fabs(a[i])));
            }
            ck_assert_int_eq(gidx_io_result_multipliers(a, n, rd, q), GIDX_OK);
            ck_assert_int_eq(gidx_io_result_multipliers(b, n, rs, q), GIDX_OK);
            for (i = 0; i < n; i++)
                ck_assert_double_eq_tol(a[i], b[i], 1e-9 * (1 + fabs(a[i])));
        }
        gidx_io_result_free(rd);
        gidx_io_result_free(rs);
    }
    /* sparse input errors */
    {
        gidx_io_model *bad = (gidx_io_model *)1;
        size_t rp2[3] = { 0, 1, 2 }, ci2[2] = { 0, 5 };
        double v2[2] = { 0.1, 0.2 };
        ck_assert_int_eq(gidx_io_model_new_sparse(&bad, 2, rp2, ci2, v2, 2, NULL), GIDX_EDATA);
        ck_assert_ptr_null(bad);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "column 5"));
    }
    gidx_io_model_free(d);
    gidx_io_model_free(s);
    free(A); free(rp); free(ci); free(val); free(f); free(li); free(hh); free(a); free(b);
}
END_TEST

START_TEST(test_flq_hand_worked)
{
    /* Regional employment [100, 50, 50] (200), national [1000, 2000, 1000]
     * (4000). SLQ = (RE_i/200)/(NE_i/4000) = [2, 0.5, 1]. CILQ_ij =
     * SLQ_i/SLQ_j off the diagonal, SLQ_i on it. lambda* = log2(1 + 200/4000)^0.3
     * = 0.0703893279^0.3 = 0.4510784 (by hand: ln 0.0703893 = -2.653694,
     * times 0.3 = -0.796108, exp = 0.451078). */
    const double re[3] = { 100, 50, 50 }, ne[3] = { 1000, 2000, 1000 };
    const double cilq[9] = { 2, 4, 2, 0.25, 0.5, 0.5, 0.5, 2, 1 };
    double lq[9], lam = 0.4510784;
    size_t i;
    ck_assert_int_eq(gidx_io_location_quotients(lq, 3, GIDX_IO_SLQ, 0, re, ne, 3), GIDX_OK);
    ck_assert_double_eq_tol(lq[0], 2.0, 1e-15);
    ck_assert_double_eq_tol(lq[1], 0.5, 1e-15);
    ck_assert_double_eq_tol(lq[2], 1.0, 1e-15);
    ck_assert_int_eq(gidx_io_location_quotients(lq, 9, GIDX_IO_CILQ, 0, re, ne, 3), GIDX_OK);
    for (i = 0; i < 9; i++)
        ck_assert_double_eq_tol(lq[i], cilq[i], 1e-15);
    ck_assert_int_eq(gidx_io_location_quotients(lq, 9, GIDX_IO_FLQ, 0.3, re, ne, 3), GIDX_OK);
    for (i = 0; i < 9; i++)   /* lambda* by hand to 7 digits */
        ck_assert_double_eq_tol(lq[i], cilq[i] * lam, 5e-7 * cilq[i]);
    ck_assert_int_eq(gidx_io_location_quotients(lq, 8, GIDX_IO_FLQ, 0.3, re, ne, 3), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_location_quotients(lq, 9, GIDX_IO_FLQ, 1.0, re, ne, 3), GIDX_EDOM);
    {
        const double big[3] = { 2000, 0, 0 };
        ck_assert_int_eq(gidx_io_location_quotients(lq, 3, GIDX_IO_SLQ, 0, big, ne, 3), GIDX_EDATA);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "industry 1"));
    }
    /* Regionalising a 3-sector A = 0.1 everywhere: r_ij = 0.1 min(FLQ_ij, 1). */
    {
        double A[9], R[9];
        gidx_io_model *nat = NULL, *reg = (gidx_io_model *)1;
        for (i = 0; i < 9; i++)
            A[i] = 0.1;
        ck_assert_int_eq(gidx_io_model_new_coefficients(&nat, A, 3, NULL), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_regionalise(&reg, nat, GIDX_IO_FLQ, 0.3, re, ne, 3, NULL),
                         GIDX_OK);
        ck_assert_int_eq(gidx_io_model_coefficients(R, 9, reg), GIDX_OK);
        for (i = 0; i < 9; i++)
            ck_assert_double_eq_tol(R[i], 0.1 * fmin(cilq[i] * lam, 1.0), 1e-7);
        gidx_io_model_free(reg);
        /* a concordance: sectors 1, 2 in industry 0 and sector 3 in industry 1
         * of two industries [100, 100] of [1000, 3000]: SLQ = [2, 2/3] */
        {
            const double r2[2] = { 100, 100 }, n2[2] = { 1000, 3000 };
            const size_t g[3] = { 0, 0, 1 }, badg[3] = { 0, 0, 2 };
            double s2 = 2.0 / 3.0;
            ck_assert_int_eq(gidx_io_model_regionalise(&reg, nat, GIDX_IO_SLQ, 0.3, r2, n2, 2, g),
                             GIDX_OK);
            ck_assert_int_eq(gidx_io_model_coefficients(R, 9, reg), GIDX_OK);
            ck_assert_double_eq_tol(R[0], 0.1, 1e-15);
            ck_assert_double_eq_tol(R[8], 0.1 * s2, 1e-15);
            ck_assert_double_eq_tol(R[6], 0.1 * s2, 1e-15);
            gidx_io_model_free(reg);
            ck_assert_int_eq(gidx_io_model_regionalise(&reg, nat, GIDX_IO_SLQ, 0.3, r2, n2, 2, badg),
                             GIDX_EDATA);
            ck_assert_ptr_null(reg);
        }
        gidx_io_model_free(nat);
    }
}
END_TEST

START_TEST(test_employment_files)
{
    gidx_io_model *m = NULL;
    double re[4], ne[4];
    size_t k = 0, g[2];
    gidx_io_model *reg = NULL;
    double A[4];
    char rpath[4096], npath[4096], cpath[4096];
    snprintf(rpath, sizeof rpath, "%s", datapath("emp_region.csv"));
    snprintf(npath, sizeof npath, "%s", datapath("emp_national.csv"));
    snprintf(cpath, sizeof cpath, "%s", datapath("concordance.csv"));
    m = mb_model();
    ck_assert_int_eq(gidx_io_employment_read(re, 1, &k, rpath, NULL), GIDX_EBUFS);
    ck_assert_uint_eq(k, 2);
    ck_assert_int_eq(gidx_io_employment_read(re, 4, &k, rpath, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_employment_read(ne, 4, &k, npath, rpath), GIDX_OK);
    /* aligned to the regional file's order: Primary, Secondary */
    ck_assert_double_eq(ne[0], 100);
    ck_assert_double_eq(ne[1], 150);
    ck_assert_int_eq(gidx_io_concordance_read(g, 2, m, rpath, NULL), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Agriculture"));
    ck_assert_int_eq(gidx_io_concordance_read(g, 2, m, rpath, cpath), GIDX_OK);
    ck_assert_uint_eq(g[0], 0);
    ck_assert_uint_eq(g[1], 1);
    /* SLQ: Primary (12/15)/(100/250) = 2, Secondary (3/15)/(150/250) = 1/3 */
    ck_assert_int_eq(gidx_io_model_regionalise(&reg, m, GIDX_IO_SLQ, 0.3, re, ne, k, g), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_coefficients(A, 4, reg), GIDX_OK);
    ck_assert_double_eq_tol(A[0], 0.15, 1e-15);
    ck_assert_double_eq_tol(A[2], 0.20 / 3, 1e-15);
    ck_assert(!gidx_io_model_has_output(reg));
    gidx_io_model_free(reg);
    gidx_io_model_free(m);
}
END_TEST

/* --region: the embedded Telemark employment (SSB 13470) against the
 * employment satellite of the synthetic table sn2007/; reference values
 * from tests/data/ripple/region_reference.py (numpy, from the raw CSV). */
START_TEST(test_region_dataset)
{
    static const double ref_A[16] = {
        0.1479927180307527, 0.0025, 0.016355402332837554, 0.008449133263098936,
        0.0010220790826123538, 0.035414628234873916, 0.005309215218813422, 0.0025317402866469234,
        0.006273500271721777, 0.017285987452229694, 0.017389940456391983, 0.002877735096513614,
        0.0007830902515649994, 0.0003333333333333333, 0.001220334537329589, 0.018606007933875568
    };
    static const double ref_mult[4] = { 1.183610500535003, 1.0588565958804088, 1.0444052450973005,
                                        1.0349429103826835 };
    gidx_dataset *ds = NULL;
    gidx_io_model *nat = NULL, *reg = NULL, *mb = NULL;
    gidx_io_region_options ro = GIDX_IO_REGION_OPTIONS_INIT;
    double e[16], A[16], mult[4];
    size_t g, i;
    int y = 0;
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    /* the groups and the division codes (SN2007 = NACE Rev. 2) */
    ck_assert_uint_eq(gidx_sn2007_ngroups(), 16);
    ck_assert_int_eq(gidx_sn2007_find(&g, "10-12"), GIDX_OK);
    ck_assert_str_eq(gidx_sn2007_group(g), "Industri");
    ck_assert_int_eq(gidx_sn2007_find(&g, "68A"), GIDX_OK);
    ck_assert_str_eq(gidx_sn2007_variable(g), "employment_real_estate_technical");
    ck_assert_int_eq(gidx_sn2007_find(&g, "C33"), GIDX_OK);
    ck_assert_str_eq(gidx_sn2007_group(g), "Industri");
    ck_assert_int_eq(gidx_sn2007_find(&g, "employment_health"), GIDX_OK);
    ck_assert_str_eq(gidx_sn2007_group(g), "Helse- og sosialtjenester");
    ck_assert_int_eq(gidx_sn2007_find(&g, "04"), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_sn2007_find(&g, "Fishing"), GIDX_ENOTFOUND);
    ck_assert_ptr_null(gidx_sn2007_group(16));
    /* Skien 2023, as in data/telemark/employment_by_industry.csv */
    ck_assert_int_eq(gidx_io_region_employment(e, 15, &y, ds, "Skien", 2023), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_region_employment(e, 16, &y, ds, "Skien", 2023), GIDX_OK);
    ck_assert_int_eq(y, 2023);
    ck_assert_double_eq(e[0], 219);
    ck_assert_double_eq(e[2], 2145);
    ck_assert_double_eq(e[14], 8109);
    ck_assert_int_eq(gidx_io_region_employment(e, 16, &y, ds, "4003", 0), GIDX_OK);
    ck_assert_int_eq(y, 2025); /* the latest complete year of the extract */
    ck_assert_int_eq(gidx_io_region_employment(e, 16, &y, ds, "Oslo", 0), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Oslo"));
    ck_assert_int_eq(gidx_io_region_employment(e, 16, &y, ds, "Skien", 1999), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "1999"));
    /* the regionalised table and its multipliers */
    ck_assert_int_eq(gidx_io_model_load(&nat, datapath("sn2007")), GIDX_OK);
    ro.year = 2023;
    ck_assert_msg(gidx_io_model_regionalise_dataset(&reg, &y, nat, ds, "Skien", &ro) == GIDX_OK, "%s",
                  gidx_error_last()->message);
    ck_assert_int_eq(y, 2023);
    ck_assert_int_eq(gidx_io_model_coefficients(A, 16, reg), GIDX_OK);
    for (i = 0; i < 16; i++)
        ck_assert_double_eq_tol(A[i], ref_A[i], 1e-15);
    ck_assert_int_eq(gidx_io_model_multipliers(mult, 4, reg, GIDX_IO_OUTPUT, 1), GIDX_OK);
    for (i = 0; i < 4; i++)
        ck_assert_double_eq_tol(mult[i], ref_mult[i], 1e-12);
    gidx_io_model_free(reg);
    reg = NULL;
    /* the county 40 (Telemark, the sum of its municipalities) as the
     * national side: region_reference.py, national="county" */
    {
        static const double ref_mult40[4] = { 1.214635854565763, 1.2399124572701727, 1.0923567253151676,
                                              1.0789213128521349 };
        ro.national_region = "Telemark";
        ck_assert_msg(gidx_io_model_regionalise_dataset(&reg, &y, nat, ds, "Skien", &ro) == GIDX_OK, "%s",
                      gidx_error_last()->message);
        ck_assert_int_eq(gidx_io_model_coefficients(A, 16, reg), GIDX_OK);
        ck_assert_double_eq_tol(A[0], 0.12670425157572615, 1e-15);
        ck_assert_double_eq_tol(A[15], 0.025833287891891713, 1e-15);
        ck_assert_int_eq(gidx_io_model_multipliers(mult, 4, reg, GIDX_IO_OUTPUT, 1), GIDX_OK);
        for (i = 0; i < 4; i++)
            ck_assert_double_eq_tol(mult[i], ref_mult40[i], 1e-12);
        gidx_io_model_free(reg);
        reg = NULL;
        /* the region must lie inside the national side */
        ro.national_region = "Skien";
        ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, nat, ds, "40", &ro), GIDX_EDATA);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "exceeds that of Skien"));
        ro.national_region = "Oslo";
        ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, nat, ds, "Skien", &ro), GIDX_ENOTFOUND);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "national region"));
        ro.national_region = NULL;
    }
    /* a sector that is no SN2007 code or group, without a concordance */
    mb = mb_model();
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, mb, ds, "Skien", NULL),
                     GIDX_ESTATE); /* mb_model() has no employment satellite */
    gidx_io_model_free(mb);
    ck_assert_int_eq(gidx_io_model_load(&mb, datapath("mb")), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, mb, ds, "Skien", NULL), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Agriculture"));
    /* through a concordance: Skien's 2,145 in Industri exceed the invented 15 */
    ro.concordance = datapath("mb_sn2007.csv");
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, mb, ds, "Skien", &ro), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Jordbruk"));
    ro.concordance = datapath("bad_sn2007.csv");
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, mb, ds, "Skien", &ro), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "bad_sn2007.csv:2"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Fishing"));
    ck_assert_ptr_null(reg);
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(NULL, &y, nat, ds, "Skien", NULL), GIDX_EINVAL);
    ro.version = 2;
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &y, nat, ds, "Skien", &ro), GIDX_EINVAL);
    gidx_io_model_free(mb);
    gidx_io_model_free(nat);
    gidx_dataset_free(ds);
}
END_TEST

START_TEST(test_path_and_json)
{
    gidx_io_model *m = NULL;
    gidx_io_result *r = NULL;
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    const double df[6] = { 100, 0, 0, 100, 50, 50 };
    double path[3], one[2], L[4];
    size_t need = 0;
    char *buf;
    json_t *root, *sec;
    json_error_t jerr;
    ck_assert_int_eq(gidx_io_model_load(&m, datapath("mb")), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_leontief(L, 4, m, 1), GIDX_OK);
    o.type = 2;
    o.first_year = 2026;
    ck_assert_int_eq(gidx_io_shock_path(&r, m, df, 3, 2, &o), GIDX_OK);
    ck_assert_uint_eq(gidx_io_result_nyears(r), 3);
    ck_assert_int_eq(gidx_io_result_path(path, 2, r, GIDX_IO_OUTPUT, GIDX_IO_INDIRECT), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_result_path(path, 3, r, GIDX_IO_OUTPUT, GIDX_IO_INDIRECT), GIDX_OK);
    /* year 1: 100 to agriculture -> indirect = 100 (L11 + L21 - 1) */
    ck_assert_double_eq_tol(path[0], 100 * (L[0] + L[2] - 1), 1e-9);
    /* linearity: year 3 = half of year 1 + half of year 2 */
    ck_assert_double_eq_tol(path[2], 0.5 * (path[0] + path[1]), 1e-9);
    ck_assert_int_eq(gidx_io_result_get(one, 2, r, 2, GIDX_IO_EMISSIONS, GIDX_IO_DIRECT), GIDX_OK);
    ck_assert_double_eq_tol(one[0], 50 * 0.4, 1e-12);
    ck_assert_int_eq(gidx_io_result_format(NULL, 0, &need, r, GIDX_IO_FORMAT_JSON), GIDX_EBUFS);
    buf = malloc(need);
    ck_assert_int_eq(gidx_io_result_format(buf, need, NULL, r, GIDX_IO_FORMAT_JSON), GIDX_OK);
    root = json_loads(buf, 0, &jerr);
    ck_assert_msg(root != NULL, "%s", jerr.text);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "type")), 2);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "years")), 3);
    sec = json_array_get(json_object_get(json_array_get(json_object_get(root, "years"), 0),
                                         "sectors"), 1);
    ck_assert_str_eq(json_string_value(json_object_get(sec, "sector")), "Manufacturing");
    ck_assert_double_eq_tol(
        json_real_value(json_object_get(json_object_get(sec, "output"), "indirect")),
        100 * L[2], 1e-6);
    ck_assert_ptr_nonnull(json_object_get(json_object_get(sec, "employment"), "induced"));
    ck_assert_ptr_nonnull(json_object_get(json_object_get(sec, "multipliers"), "emissions"));
    json_decref(root);
    free(buf);
    ck_assert_int_eq(gidx_io_result_format(NULL, 0, &need, r, GIDX_IO_FORMAT_CSV), GIDX_EBUFS);
    buf = malloc(need);
    ck_assert_int_eq(gidx_io_result_format(buf, need, NULL, r, GIDX_IO_FORMAT_CSV), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(buf, "year,sector,quantity,direct,indirect,induced,total"));
    ck_assert_ptr_nonnull(strstr(buf, "2028,TOTAL,emissions,"));
    free(buf);
    gidx_io_result_free(r);
    gidx_io_model_free(m);
}
END_TEST

static Suite *ripple_suite(void)
{
    Suite *s = suite_create("ripple");
    TCase *tc = tcase_create("miller_blair");
    tcase_add_test(tc, test_mb_open);
    tcase_add_test(tc, test_mb_closed);
    tcase_add_test(tc, test_ghosh);
    suite_add_tcase(s, tc);
    tc = tcase_create("invariants");
    tcase_add_test(tc, test_invariant_value_added);
    tcase_add_test(tc, test_invariant_power_series);
    tcase_add_test(tc, test_type2_ge_type1);
    tcase_add_test(tc, test_sparse_matches_dense);
    suite_add_tcase(s, tc);
    tc = tcase_create("regionalisation");
    tcase_add_test(tc, test_flq_hand_worked);
    tcase_add_test(tc, test_employment_files);
    tcase_add_test(tc, test_region_dataset);
    suite_add_tcase(s, tc);
    tc = tcase_create("io_and_errors");
    tcase_add_test(tc, test_load_folder);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_handles);
    tcase_add_test(tc, test_path_and_json);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(ripple_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
