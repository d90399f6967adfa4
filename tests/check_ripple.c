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


/* ---- the embedded Norwegian tables (data/io/norway, SSB 1850/1950) ---- */

#define NOR_N 62

static gidx_io_model *norway(int year)
{
    gidx_io_model *m = NULL;
    ck_assert_msg(gidx_io_model_norway(&m, year) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_uint_eq(gidx_io_model_nsectors(m), NOR_N);
    return m;
}

static double vsum(const double *v, size_t n)
{
    double s = 0;
    size_t i;
    for (i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* The SN2007 group of an SSB row code, written out independently of the
 * library: R + two digits is the division; the section letters B, D, F, I,
 * P, T stand for divisions 05, 35, 41, 55, 85, 97. */
static size_t group_of(const char *code)
{
    static const char *const letters = "BDFIPT", *const divs[] = { "05", "35", "41", "55", "85", "97" };
    const char *p = strchr(letters, code[1]);
    char div[3] = { code[1], code[2], 0 };
    size_t g = 99;
    if (p != NULL && code[1] != '\0')
        memcpy(div, divs[p - letters], 2);
    ck_assert_int_eq(gidx_sn2007_find(&g, div), GIDX_OK);
    return g;
}

static char *rootpath(const char *rel)
{
    static char buf[4096];
    const char *d = getenv("GIDX_SOURCE_ROOT");
    snprintf(buf, sizeof buf, "%s/%s", d != NULL ? d : ".", rel);
    return buf;
}

/* SSB StatBank 09170 (production account by A64 industry), 2021: output at
 * basic values 6,983,852 and value added 3,894,480 NOK million. The table's
 * figures are whole NOK million, so equal up to floating-point summation. */
START_TEST(test_norway_published)
{
    gidx_io_model *m = norway(0);
    double x[NOR_N], va[NOR_N], tx = 0, tva = 0;
    size_t i;
    ck_assert_int_eq(gidx_io_model_year(m), 2021);
    ck_assert_int_eq(gidx_io_model_output(x, NOR_N, m), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_satellite(va, NOR_N, m, GIDX_IO_VALUE_ADDED), GIDX_OK);
    for (i = 0; i < NOR_N; i++) {
        tx += x[i];
        tva += va[i] * x[i];
    }
    ck_assert_double_eq_tol(tx, 6983852.0, 1e-6);
    ck_assert_double_eq_tol(tva, 3894480.0, 1e-6);
    ck_assert_str_eq(gidx_io_model_sector(m, 0), "R01");
    ck_assert_str_eq(gidx_io_model_sector(m, NOR_N - 1), "RT");
    ck_assert_str_eq(gidx_io_model_sector_label(m, 24), "Constructions and construction works");
    ck_assert_ptr_null(gidx_io_model_sector_label(m, NOR_N));
    ck_assert_ptr_nonnull(strstr(gidx_io_model_note(m), "13470"));
    ck_assert_int_eq(gidx_io_model_output(x, NOR_N - 1, m), GIDX_EBUFS);
    gidx_io_model_free(m);
}
END_TEST

/* Row total use = output: the model's implied final demand x - Z 1 equals
 * the sum of SSB's final-use columns (P3_S13 ... P6) of the same year within
 * 0.32 NOK million for every industry and year, except 2020's education
 * (RP), which SSB's own workbook misses by 1.148 (data/io/norway/README.md). */
START_TEST(test_norway_row_balance)
{
    static const char *const cols[6] = { "P3_S13", "P3_S14", "P3_S15", "P51_S1", "P52_S1", "P6_S2" };
    int y;
    for (y = gidx_io_norway_first_year(); y <= gidx_io_norway_last_year(); y++) {
        gidx_io_model *m = norway(y);
        gidx_table *t = NULL;
        double f[NOR_N], worst = 0;
        char rel[128];
        size_t i, j, c, wi = 0;
        snprintf(rel, sizeof rel, "data/io/norway/Y_finaldemand_domestic_%d_MNOK.csv", y);
        ck_assert_int_eq(gidx_table_read_csv(&t, rootpath(rel), NULL), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_final_demand(f, NOR_N, m), GIDX_OK);
        for (i = 0; i < NOR_N; i++) {
            double fy = 0, v;
            ck_assert_str_eq(gidx_table_cell(t, i, 0), gidx_io_model_sector(m, i));
            for (j = 0; j < 6; j++) {
                ck_assert_int_eq(gidx_table_find_column(&c, t, cols[j]), GIDX_OK);
                ck_assert_int_eq(gidx_table_cell_double(&v, t, i, c), GIDX_OK);
                fy += v;
            }
            if (fabs(fy - f[i]) > worst) {
                worst = fabs(fy - f[i]);
                wi = i;
            }
        }
        if (y == 2020) {
            ck_assert_str_eq(gidx_io_model_sector(m, wi), "RP");
            ck_assert_double_eq_tol(worst, 1.148, 1e-6);
        } else {
            ck_assert_msg(worst <= 0.32 + 1e-9, "%d: %s off by %g", y, gidx_io_model_sector(m, wi), worst);
        }
        gidx_table_free(t);
        gidx_io_model_free(m);
    }
}
END_TEST

/* Type I and II output multipliers of all 62 industries for 2012, 2016 and
 * 2021 equal numpy's (tests/data/ripple/norway_reference.py, recorded in
 * norway_reference.csv) to 1e-9; the GHG effect of NOK 100 million in RF
 * equals numpy's intensities x (I - A)^-1 x shock to 1e-9 relative. */
START_TEST(test_norway_numpy)
{
    gidx_table *t = NULL;
    size_t r, checked = 0;
    ck_assert_int_eq(gidx_table_read_csv(&t, datapath("norway_reference.csv"), NULL), GIDX_OK);
    for (r = 0; r < gidx_table_nrows(t);) {
        const char *kind = gidx_table_cell(t, r, 0);
        int y = atoi(gidx_table_cell(t, r, 1));
        gidx_io_model *m = norway(y);
        double mu[NOR_N], ref;
        size_t i;
        if (strcmp(kind, "ghg_RF100") == 0) {
            double df[NOR_N] = { 0 };
            gidx_io_result *res = NULL;
            ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "RF", 100.0, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
            ck_assert_int_eq(gidx_io_shock(&res, m, df, NOR_N, NULL), GIDX_OK);
            ck_assert_int_eq(gidx_io_result_get(mu, NOR_N, res, 0, GIDX_IO_EMISSIONS, GIDX_IO_TOTAL), GIDX_OK);
            gidx_io_result_free(res);
        } else {
            ck_assert_int_eq(gidx_io_model_multipliers(mu, NOR_N, m, GIDX_IO_OUTPUT,
                                                       strcmp(kind, "type1") == 0 ? 1 : 2), GIDX_OK);
        }
        /* rows of one kind and year are consecutive, in sector order */
        for (i = 0; i < NOR_N; i++, r++) {
            ck_assert_str_eq(gidx_table_cell(t, r, 0), kind);
            ck_assert_str_eq(gidx_table_cell(t, r, 2), gidx_io_model_sector(m, i));
            ck_assert_int_eq(gidx_table_cell_double(&ref, t, r, 3), GIDX_OK);
            ck_assert_msg(fabs(mu[i] - ref) <= 1e-9 * fmax(1.0, fabs(ref)), "%s %d %s: %.17g vs %.17g",
                          kind, y, gidx_io_model_sector(m, i), mu[i], ref);
            checked++;
        }
        gidx_io_model_free(m);
    }
    ck_assert_uint_eq(checked, 3 * 2 * NOR_N + NOR_N);
    gidx_table_free(t);
}
END_TEST

/* The NACE -> 62 industries mapping of data/io/norway/make_ghg.py conserves
 * the air emissions accounts' "Total industries" (NACE 01-99) of every year:
 * the satellite times output sums to it within 1e-3 t (62 values written to
 * six decimals). */
START_TEST(test_norway_ghg_conserved)
{
    gidx_table *t = NULL;
    size_t r;
    ck_assert_int_eq(gidx_table_read_csv(&t, rootpath("data/io/norway/ghg_total_industries_2012_2021.csv"),
                                         NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_table_nrows(t), 10);
    for (r = 0; r < gidx_table_nrows(t); r++) {
        gidx_io_model *m = norway(atoi(gidx_table_cell(t, r, 0)));
        double x[NOR_N], g[NOR_N], tot = 0, ref;
        size_t i;
        ck_assert_int_eq(gidx_io_model_output(x, NOR_N, m), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_satellite(g, NOR_N, m, GIDX_IO_EMISSIONS), GIDX_OK);
        for (i = 0; i < NOR_N; i++)
            tot += g[i] * x[i];
        ck_assert_int_eq(gidx_table_cell_double(&ref, t, r, 1), GIDX_OK);
        ck_assert_msg(fabs(tot - ref) < 1e-3, "%s: %.6f vs %.6f", gidx_table_cell(t, r, 0), tot, ref);
        gidx_io_model_free(m);
    }
    gidx_table_free(t);
}
END_TEST

/* The employment key: each SN2007 group's industries hold exactly the
 * group's 13470 employment, split in proportion to D1. */
START_TEST(test_norway_employment_key)
{
    gidx_io_model *m = norway(2016);
    double nat[16], x[NOR_N], e[NOR_N], d1[NOR_N], eg[16] = { 0 }, dg[16] = { 0 };
    size_t i, g;
    int used = 0;
    ck_assert_int_eq(gidx_io_national_employment(nat, 16, &used, 2016), GIDX_OK);
    ck_assert_int_eq(used, 2021);                /* the nearest 13470 year */
    ck_assert_double_eq(nat[2], 209735);         /* Industri, Hele landet 2021 */
    ck_assert_int_eq(gidx_io_national_employment(nat, 16, &used, 0), GIDX_OK);
    ck_assert_int_eq(used, 2022);
    ck_assert_double_eq(nat[2], 213650);
    ck_assert_int_eq(gidx_io_national_employment(nat, 15, &used, 0), GIDX_EBUFS);
    ck_assert_int_eq(gidx_io_national_employment(nat, 16, &used, 2021), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_output(x, NOR_N, m), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_satellite(e, NOR_N, m, GIDX_IO_EMPLOYMENT), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_satellite(d1, NOR_N, m, GIDX_IO_LABOUR_INCOME), GIDX_OK);
    for (i = 0; i < NOR_N; i++) {
        g = group_of(gidx_io_model_sector(m, i));
        eg[g] += e[i] * x[i];
        dg[g] += d1[i] * x[i];
    }
    for (g = 0; g < 16; g++)
        ck_assert_double_eq_tol(eg[g], nat[g], 1e-7 * nat[g]);
    /* R10_12 (index 4) against R16 (6), both Industri */
    ck_assert_double_eq_tol(e[4] * x[4] / (e[6] * x[6]), d1[4] * x[4] / (d1[6] * x[6]), 1e-12);
    ck_assert_ptr_nonnull(strstr(gidx_io_model_note(m), "nearest year"));
    gidx_io_model_free(m);
}
END_TEST

/*
 * FLQ for Skien, worked by hand from the two employment tables (SSB 13470,
 * 2021, by place of work): Skien (data/telemark/employment_by_industry.csv)
 * R = [206, 29, 2051, 170, 2295, 3868, 1138, 625, 459, 231, 1040, 1507,
 * 2130, 1838, 7683, 1171], total 26,441; Norway ("Hele landet",
 * data/io/norway/employment_13470_national_2021_2022.csv) N = [63624, 59598,
 * 209735, 33596, 237583, 351287, 129652, 95260, 108283, 48304, 181054,
 * 134945, 174666, 229275, 573004, 113263], total 2,743,129.
 * lambda* = log2(1 + 26441/2743129)^0.3 = 0.27690860; SLQ(Bygg) = 1.002157,
 * so FLQ(Bygg, Bygg) = 0.2775058; FLQ(Industri, Bygg) = 1.014526 / 1.002157
 * x lambda* = 0.2803263. Every regional coefficient must be a_ij min(FLQ, 1)
 * of its pair of groups (Flegg & Tohmo 2013, eq. 3-5).
 */
START_TEST(test_skien_flq)
{
    static const double R[16] = { 206, 29, 2051, 170, 2295, 3868, 1138, 625, 459, 231, 1040, 1507,
                                  2130, 1838, 7683, 1171 };
    static const double N[16] = { 63624, 59598, 209735, 33596, 237583, 351287, 129652, 95260, 108283,
                                  48304, 181054, 134945, 174666, 229275, 573004, 113263 };
    gidx_io_model *m = norway(2021), *reg = NULL;
    gidx_dataset *ds = NULL;
    double re[16], ne[16], lq[256], slq[16], tr = 0, tn = 0, lambda;
    double *A = malloc(NOR_N * NOR_N * sizeof *A), *Ar = malloc(NOR_N * NOR_N * sizeof *Ar);
    size_t g, h, i, j, grp[NOR_N], pairs = 0;
    int used = 0;
    for (g = 0; g < 16; g++) {
        tr += R[g];
        tn += N[g];
    }
    ck_assert_double_eq(tr, 26441);
    ck_assert_double_eq(tn, 2743129);
    lambda = pow(log2(1 + tr / tn), 0.3);
    ck_assert_double_eq_tol(lambda, 0.27690860, 1e-8);
    for (g = 0; g < 16; g++)
        slq[g] = (R[g] / tr) / (N[g] / tn);
    ck_assert_double_eq_tol(slq[4] * lambda, 0.2775058, 1e-7);
    ck_assert_double_eq_tol(slq[2] / slq[4] * lambda, 0.2803263, 1e-7);
    /* the library's tables are the same numbers */
    ck_assert_int_eq(gidx_dataset_load(&ds, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_region_employment(re, 16, &used, ds, "Skien", 2021), GIDX_OK);
    ck_assert_int_eq(gidx_io_national_employment(ne, 16, NULL, 2021), GIDX_OK);
    for (g = 0; g < 16; g++) {
        ck_assert_double_eq(re[g], R[g]);
        ck_assert_double_eq(ne[g], N[g]);
    }
    ck_assert_int_eq(gidx_io_location_quotients(lq, 256, GIDX_IO_FLQ, 0.3, re, ne, 16), GIDX_OK);
    for (g = 0; g < 16; g++)
        for (h = 0; h < 16; h++)
            ck_assert_double_eq_tol(lq[g * 16 + h], (g == h ? slq[g] : slq[g] / slq[h]) * lambda, 1e-12);
    /* the regional table: default year = the table's employment year, 2021 */
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, &used, m, ds, "Skien", NULL), GIDX_OK);
    ck_assert_int_eq(used, 2021);
    ck_assert_ptr_nonnull(strstr(gidx_io_model_note(reg), "Skien"));
    ck_assert_int_eq(gidx_io_model_coefficients(A, NOR_N * NOR_N, m), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_coefficients(Ar, NOR_N * NOR_N, reg), GIDX_OK);
    for (i = 0; i < NOR_N; i++)
        grp[i] = group_of(gidx_io_model_sector(m, i));
    for (i = 0; i < NOR_N; i++)
        for (j = 0; j < NOR_N; j++) {
            double f = grp[i] == grp[j] ? slq[grp[i]] * lambda : slq[grp[i]] / slq[grp[j]] * lambda;
            ck_assert_double_eq_tol(Ar[i * NOR_N + j], A[i * NOR_N + j] * fmin(f, 1.0), 1e-15);
            pairs += A[i * NOR_N + j] > 0;
        }
    ck_assert_uint_gt(pairs, 3000);
    free(A);
    free(Ar);
    gidx_io_model_free(reg);
    gidx_io_model_free(m);
    gidx_dataset_free(ds);
}
END_TEST

/* Regional effects: inside-region output plus leakage to the rest of
 * Norway and abroad account for every purchase of the shock's output
 * (type I: sum_j (a_reg + leak + import)_j dx_j = national domestic and
 * imported input coefficients times dx). */
START_TEST(test_skien_leakage)
{
    gidx_io_model *m = norway(2021), *reg = NULL;
    gidx_dataset *ds = NULL;
    gidx_io_result *r = NULL;
    double df[NOR_N] = { 0 }, dx[NOR_N], leak[NOR_N], imp[NOR_N], A[NOR_N * NOR_N], Ar[NOR_N * NOR_N];
    double lhs = 0, rhs = 0;
    size_t i, j;
    ck_assert_int_eq(gidx_dataset_load(&ds, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, NULL, m, ds, "Skien", NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, reg, "RF", 100, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_shock(&r, reg, df, NOR_N, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_get(dx, NOR_N, r, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_get(leak, NOR_N, r, 0, GIDX_IO_LEAKAGE, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_get(imp, NOR_N, r, 0, GIDX_IO_IMPORTS, GIDX_IO_TOTAL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_coefficients(A, NOR_N * NOR_N, m), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_coefficients(Ar, NOR_N * NOR_N, reg), GIDX_OK);
    for (j = 0; j < NOR_N; j++)
        for (i = 0; i < NOR_N; i++) {
            lhs += Ar[i * NOR_N + j] * dx[j];
            rhs += A[i * NOR_N + j] * dx[j];
        }
    lhs += vsum(leak, NOR_N);
    ck_assert_double_eq_tol(lhs, rhs, 1e-9 * rhs);
    ck_assert_double_gt(vsum(leak, NOR_N), 0);
    ck_assert_double_gt(vsum(imp, NOR_N), 0);
    /* regionalisation only lowers coefficients: less output inside Skien */
    {
        gidx_io_result *rn = NULL;
        double dxn[NOR_N];
        ck_assert_int_eq(gidx_io_shock(&rn, m, df, NOR_N, NULL), GIDX_OK);
        ck_assert_int_eq(gidx_io_result_get(dxn, NOR_N, rn, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_OK);
        ck_assert_double_lt(vsum(dx, NOR_N), vsum(dxn, NOR_N));
        ck_assert_int_eq(gidx_io_result_has(rn, GIDX_IO_LEAKAGE), 0);
        gidx_io_result_free(rn);
    }
    gidx_io_result_free(r);
    gidx_io_model_free(reg);
    gidx_io_model_free(m);
    gidx_dataset_free(ds);
}
END_TEST

/* Shocks in users' units: a group label spreads by output, jobs convert
 * through output per job, unknown codes are refused by name. */
START_TEST(test_norway_shocks)
{
    gidx_io_model *m = norway(2021);
    double df[NOR_N] = { 0 }, x[NOR_N], e[NOR_N], tot = 0;
    size_t i;
    ck_assert_int_eq(gidx_io_model_output(x, NOR_N, m), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_satellite(e, NOR_N, m, GIDX_IO_EMPLOYMENT), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "Bygge- og anleggsvirksomhet", 100,
                                             GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_double_eq_tol(df[24], 100, 1e-12);   /* RF is the group's only industry */
    memset(df, 0, sizeof df);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "Industri", 100, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    for (i = 0; i < NOR_N; i++)
        tot += df[i];
    ck_assert_double_eq_tol(tot, 100, 1e-9);
    ck_assert_double_eq_tol(df[4] / df[6], x[4] / x[6], 1e-12);   /* R10_12 : R16 by output */
    memset(df, 0, sizeof df);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "RF", 10, GIDX_IO_UNIT_JOBS), GIDX_OK);
    ck_assert_double_eq_tol(df[24], 10 * x[24] / (e[24] * x[24]), 1e-9);
    /* NACE spellings of SSB's codes */
    memset(df, 0, sizeof df);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "41-43", 1, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "F", 2, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "C10-C12", 4, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "10-12", 8, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "L68A", 16, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "19-21", 32, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_double_eq(df[24], 3);    /* RF */
    ck_assert_double_eq(df[4], 12);    /* R10_12 */
    ck_assert_double_eq(df[42], 16);   /* R68A */
    ck_assert_double_eq(df[9], 32);    /* R21 */
    ck_assert_str_eq(gidx_io_model_sector(m, 42), "R68A");
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "10-99", 1, GIDX_IO_UNIT_CURRENCY), GIDX_ENOTFOUND);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "R99", 1, GIDX_IO_UNIT_CURRENCY), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "R99"));
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "R68A", 1, GIDX_IO_UNIT_JOBS), GIDX_EDATA);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N, m, "RF", NAN, GIDX_IO_UNIT_CURRENCY), GIDX_EDATA);
    ck_assert_int_eq(gidx_io_model_shock_add(df, NOR_N - 1, m, "RF", 1, GIDX_IO_UNIT_CURRENCY), GIDX_EINVAL);
    gidx_io_model_free(m);
    ck_assert_int_eq(gidx_io_model_norway(&m, 2011), GIDX_ENOTFOUND);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "2011"));
}
END_TEST

/* SSB's workbooks as published (tests/data/ripple/ssb/, tables 1850 and
 * 1950 of 2021) give the same model as the embedded tidy copies: every
 * coefficient, satellite and type II multiplier equal to rounding (1e-12). */
START_TEST(test_ssb_workbooks)
{
    gidx_io_model *a = NULL, *b = norway(2021);
    double *A = malloc(NOR_N * NOR_N * sizeof *A), *B = malloc(NOR_N * NOR_N * sizeof *B);
    double va[NOR_N], vb[NOR_N];
    char imp[4096];
    size_t i;
    int q;
    snprintf(imp, sizeof imp, "%s", datapath("ssb/iot_1950_2021.xlsx"));
    ck_assert_msg(gidx_io_model_load_ssb(&a, datapath("ssb/iot_1850_2021.xlsx"), imp) == GIDX_OK, "%s",
                  gidx_error_last()->message);
    ck_assert_uint_eq(gidx_io_model_nsectors(a), NOR_N);
    ck_assert_int_eq(gidx_io_model_year(a), 2021);
    for (i = 0; i < NOR_N; i++) {
        ck_assert_str_eq(gidx_io_model_sector(a, i), gidx_io_model_sector(b, i));
        ck_assert_ptr_nonnull(gidx_io_model_sector_label(a, i));
    }
    /* SSB's label of RF in the workbook (column D) */
    ck_assert_ptr_nonnull(strstr(gidx_io_model_sector_label(a, 24), "onstruction"));
    ck_assert_int_eq(gidx_io_model_coefficients(A, NOR_N * NOR_N, a), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_coefficients(B, NOR_N * NOR_N, b), GIDX_OK);
    for (i = 0; i < NOR_N * NOR_N; i++)
        ck_assert_double_eq_tol(A[i], B[i], 1e-12);
    for (q = GIDX_IO_EMPLOYMENT; q <= GIDX_IO_IMPORTS; q++) {
        ck_assert_int_eq(gidx_io_model_satellite(va, NOR_N, a, q), GIDX_OK);
        ck_assert_int_eq(gidx_io_model_satellite(vb, NOR_N, b, q), GIDX_OK);
        for (i = 0; i < NOR_N; i++)
            ck_assert_double_eq_tol(va[i], vb[i], 1e-12 * fmax(1, fabs(vb[i])));
    }
    ck_assert_int_eq(gidx_io_model_multipliers(va, NOR_N, a, GIDX_IO_OUTPUT, 2), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_multipliers(vb, NOR_N, b, GIDX_IO_OUTPUT, 2), GIDX_OK);
    for (i = 0; i < NOR_N; i++)
        ck_assert_double_eq_tol(va[i], vb[i], 1e-12);
    /* the two #VALUE! cells of SSB's 1850 workbook are said */
    ck_assert_ptr_nonnull(strstr(gidx_io_model_note(a), "1850 AK73 (R68A to R51)"));
    ck_assert_ptr_nonnull(strstr(gidx_io_model_note(a), "iot_1850_2021.xlsx"));
    free(A);
    free(B);
    gidx_io_model_free(a);
    gidx_io_model_free(b);
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
    tc = tcase_create("norway");
    tcase_add_test(tc, test_norway_published);
    tcase_add_test(tc, test_norway_row_balance);
    tcase_add_test(tc, test_norway_numpy);
    tcase_add_test(tc, test_norway_ghg_conserved);
    tcase_add_test(tc, test_norway_employment_key);
    tcase_add_test(tc, test_skien_flq);
    tcase_add_test(tc, test_skien_leakage);
    tcase_add_test(tc, test_norway_shocks);
    tcase_add_test(tc, test_ssb_workbooks);
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
