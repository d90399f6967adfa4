/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Exponential smoothing state-space models ETS(A|M, N|A|Ad, N) of Hyndman,
 * Koehler, Ord & Snyder (2008), "Forecasting with exponential smoothing: the
 * state space approach", Springer: recursions of Table 2.3 (ch. 2), the
 * concentrated likelihood of eq. (5.3)
 *     L* = n log(sum e_t^2) + 2 sum log|yhat_t|   (second term for M errors),
 * the "usual" parameter bounds of sec. 5.2 as R forecast's ets() uses them
 * (1e-4 <= alpha <= 0.9999, 1e-4 <= beta <= alpha, 0.8 <= phi <= 0.98),
 * initial states by regression on the first ten observations (Hyndman et
 * al. 2008, sec. 5.2.1; R forecast initstate()), and the analytic forecast
 * variances of the linear class (sec. 6.3, Table 6.1); multiplicative-error
 * models are simulated (sec. 6.1). Missing grid points propagate the
 * states without an update (Hyndman et al. 2008, sec. 5.5 on missing values).
 * Reported log-likelihood = -L* / 2, AICc with k = parameters + 1 and
 * sigma^2 = SSE / (n - parameters), exactly as R forecast reports them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"

double gidx__fc_ets_filter(const fc_comp *c, const double *y, size_t o, double *lp,
                           double *bp, double *sse, size_t *nobs, double *res)
{
    double al = c->x[0], be = c->trend ? c->x[1] : 0.0, ph = c->trend == 2 ? c->x[2] : 1.0;
    double l = c->x[3], b = c->trend ? c->x[4] : 0.0, s = 0.0, lik2 = 0.0;
    /* sum log|yhat_t| as the log of a running product, flushed before it
     * can leave double range: one log per call instead of one per point
     * (the log was 18 % of `ets --ets-errors both` in the profile of issue
     * #18, docs/forecast.md) */
    double prod = 1.0;
    size_t t, n = 0;
    for (t = 0; t < o; t++) {
        double f = l + ph * b, e;
        if (isnan(y[t])) {
            l = f;
            b = ph * b;
            if (res)
                res[t] = NAN;
            continue;
        }
        if (c->err == 0) {
            e = y[t] - f;
            l = f + al * e;
            b = ph * b + be * e;
            if (res)
                res[t] = e;
        } else {
            if (!(fabs(f) > 1e-10)) {
                *sse = INFINITY;
                return INFINITY;
            }
            e = (y[t] - f) / f;
            l = f * (1.0 + al * e);
            b = ph * b + be * f * e;
            {
                double af = fabs(f);
                if (af > 1e100 || af < 1e-100)
                    lik2 += log(af);
                else {
                    prod *= af;
                    if (prod > 1e150 || prod < 1e-150) {
                        lik2 += log(prod);
                        prod = 1.0;
                    }
                }
            }
            if (res)
                res[t] = y[t] - f;
        }
        s += e * e;
        n++;
    }
    if (prod != 1.0)
        lik2 += log(prod);
    *lp = l;
    *bp = b;
    *sse = s;
    *nobs = n;
    if (n == 0)
        return INFINITY;
    return (double)n * log(s > 0 ? s : 1e-300) + 2.0 * lik2;
}

#define ALO 1e-4
#define AHI 0.9999
#define PLO 0.8
#define PHI 0.98

static double logistic(double v)
{
    return 1.0 / (1.0 + exp(-v));
}

static double logit_in(double x, double lo, double hi)
{
    double p = (x - lo) / (hi - lo);
    if (p < 1e-6)
        p = 1e-6;
    if (p > 1 - 1e-6)
        p = 1 - 1e-6;
    return log(p / (1.0 - p));
}

typedef struct {
    fc_comp *c;
    const double *y;
    size_t N;
    const double *x0, *step;
    int out;    /* a logit coordinate beyond +-10: outside the search box */
    int idx[5]; /* position in the optimiser vector of alpha, beta, phi, l0, b0; -1 = fixed */
    int conc;   /* additive errors: l0 (and b0) concentrated out, see ets_filter_conc() */
} ets_ctx;

/* Longest series for which the seed states are concentrated out */
#define ETS_MAXC 512

/* Additive-error ETS with the seed states (l0, b0) concentrated out of the
 * likelihood. In the linear (additive-error) innovations state-space
 * model every state, and so every one-step error, is an affine function of
 * the seed states for given smoothing parameters (Hyndman, Koehler, Ord &
 * Snyder 2008, ch. 3, the linear model's recursions x_t = F x_{t-1} + g e_t
 * with e_t = y_t - w'x_{t-1}): e_t(l0, b0) = e0_t + l0 e1_t + b0 e2_t,
 * where e0 is the error sequence from a zero seed and e1, e2 those of the
 * recursion on zero data from the unit seeds. The sum of squares, whose
 * log is the likelihood, is then minimised over (l0, b0) exactly by least
 * squares (the seed-state regression of Snyder 1985, "Recursive estimation
 * of dynamic linear models", JRSS B 47, and Hyndman et al. 2008, sec. 5.2),
 * and the simplex searches only alpha, beta and phi: 1, 2 or 3 dimensions
 * instead of 2, 4 or 5. The three recursions run in one loop. Sets c->x[3]
 * (and x[4]); returns n log SSE as gidx__fc_ets_filter() does, or INFINITY
 * when the seed is not determined. */
static inline
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
double ets_filter_conc_t(const int tr, fc_comp *c, const double *y, size_t N)
{
    /* tr = 0 (no trend) compiled on its own: the slope terms are exact
     * zeros there (b = 0, phi = 1), so dropping them changes no value */
    double al = c->x[0], be = tr ? c->x[1] : 0.0, ph = c->trend == 2 ? c->x[2] : 1.0;
    double l0 = 0, b0 = 0, l1 = 1, b1 = 0, l2 = 0, b2 = 1;
    double E0[ETS_MAXC], E1[ETS_MAXC], E2[ETS_MAXC];
    double S01 = 0, S02 = 0, S11 = 0, S12 = 0, S22 = 0, xl, xb = 0.0, sse = 0.0;
    size_t t, n = 0;
    for (t = 0; t < N; t++) {
        double f0 = tr ? l0 + ph * b0 : l0, f1 = tr ? l1 + ph * b1 : l1, f2 = l2 + ph * b2, e0,
               e1, e2;
        if (isnan(y[t])) {
            l0 = f0;
            l1 = f1;
            if (tr) {
                b0 = ph * b0;
                b1 = ph * b1;
                l2 = f2;
                b2 = ph * b2;
            }
            continue;
        }
        e0 = y[t] - f0;
        e1 = -f1;
        l0 = f0 + al * e0;
        l1 = f1 + al * e1;
        E0[n] = e0;
        E1[n] = e1;
        S01 += e0 * e1;
        S11 += e1 * e1;
        if (tr) {
            e2 = -f2;
            b0 = ph * b0 + be * e0;
            b1 = ph * b1 + be * e1;
            l2 = f2 + al * e2;
            b2 = ph * b2 + be * e2;
            E2[n] = e2;
            S02 += e0 * e2;
            S12 += e1 * e2;
            S22 += e2 * e2;
        }
        n++;
    }
    if (n == 0 || !(S11 > 0))
        return INFINITY;
    if (tr) {
        double det = S11 * S22 - S12 * S12;
        if (!(det > 1e-12 * S11 * S22))
            return INFINITY;
        xl = (-S01 * S22 + S02 * S12) / det;
        xb = (-S02 * S11 + S01 * S12) / det;
        for (t = 0; t < n; t++) {
            double e = E0[t] + xl * E1[t] + xb * E2[t];
            sse += e * e;
        }
        c->x[4] = xb;
    } else {
        xl = -S01 / S11;
        for (t = 0; t < n; t++) {
            double e = E0[t] + xl * E1[t];
            sse += e * e;
        }
    }
    c->x[3] = xl;
    return (double)n * log(sse > 0 ? sse : 1e-300);
}

static double ets_filter_conc(fc_comp *c, const double *y, size_t N)
{
    return c->trend ? ets_filter_conc_t(1, c, y, N) : ets_filter_conc_t(0, c, y, N);
}

static void ets_unpack(ets_ctx *e, const double *u)
{
    int j;
    for (j = 0; j < 5; j++)
        if (e->idx[j] >= 0) {
            double v = e->x0[e->idx[j]] + e->step[e->idx[j]] * u[e->idx[j]];
            /* smoothing parameters live on the logit scale of their
             * bounds, so that corner optima (alpha at 0.9999, phi at 0.98,
             * common on yearly data) are reached without penalty walls */
            if (j < 3 && fabs(v) > 10.0)
                e->out = 1;
            if (j == 0)
                v = ALO + (AHI - ALO) * logistic(v);
            else if (j == 1)
                v = ALO + (e->c->x[0] - ALO) * logistic(v);
            else if (j == 2)
                v = PLO + (PHI - PLO) * logistic(v);
            e->c->x[j] = v;
        }
}

static double ets_obj(const double *u, void *p)
{
    ets_ctx *e = p;
    fc_comp *c = e->c;
    double l, b, sse;
    size_t n;
    e->out = 0;
    ets_unpack(e, u);
    if (e->out)
        return 1e10;
    if (c->x[0] < 1e-4 || c->x[0] > 0.9999)
        return 1e10;
    if (c->trend && (c->x[1] < 1e-4 || c->x[1] > c->x[0]))
        return 1e10;
    if (c->trend == 2 && (c->x[2] < 0.8 || c->x[2] > 0.98))
        return 1e10;
    if (e->conc)
        return ets_filter_conc(c, e->y, e->N);
    return gidx__fc_ets_filter(c, e->y, e->N, &l, &b, &sse, &n, NULL);
}

/* Starting point of the concentrated search: the profile likelihood in
 * (alpha, beta, phi) can have several local optima (M3 Y1, A,A,N: one at
 * beta near 0, the better one at beta = alpha = 0.9999), and a simplex of
 * 1-3 dimensions from one start finds the nearer one. So the start is the
 * best of R's starting values (u = 0; in a rolling-origin refit the
 * warm start) and a coarse grid, alpha in {0.1, 0.5, 0.9, 0.999},
 * beta / alpha in {0.05, 0.5, 0.95}, phi in {0.85, 0.95}: 4, 12 or 24
 * evaluations of one filter pass each. The refits use the grid too: without
 * it (warm start only) `auto` on the domain GHG series measured 12.14 /
 * 1.363 against 11.94 / 1.346 with it (naive 12.09 / 1.371; issue #18). */
static void ets_conc_start(ets_ctx *e, double *u, size_t k)
{
    static const double ga[4] = { 0.1, 0.5, 0.9, 0.999 }, gb[3] = { 0.05, 0.5, 0.95 },
                        gp[2] = { 0.85, 0.95 };
    int tr = e->c->trend;
    size_t ia, ib, ip, nb = tr ? 3 : 1, np = tr == 2 ? 2 : 1, j;
    double best = ets_obj(u, e), ug[5], ub[5];
    for (j = 0; j < k; j++)
        ub[j] = u[j];
    for (ia = 0; ia < 4; ia++)
        for (ib = 0; ib < nb; ib++)
            for (ip = 0; ip < np; ip++) {
                double v[3], f;
                v[0] = logit_in(ga[ia], ALO, AHI);
                v[1] = log(gb[ib] / (1.0 - gb[ib]));
                v[2] = logit_in(gp[ip], PLO, PHI);
                for (j = 0; j < 3; j++)
                    if (e->idx[j] >= 0)
                        ug[e->idx[j]] = (v[j] - e->x0[e->idx[j]]) / e->step[e->idx[j]];
                f = ets_obj(ug, e);
                if (f < best) {
                    best = f;
                    for (j = 0; j < k; j++)
                        ub[j] = ug[j];
                }
            }
    for (j = 0; j < k; j++)
        u[j] = ub[j];
}

gidx_status gidx__fc_fit_ets(fc_comp *c, const double *y, size_t N, int err, int trend,
                             const fc_comp *init)
{
    double warm = init ? 0.3 : 1.0;
    double x0[5], step[5], u[5] = { 0, 0, 0, 0, 0 }, fmin, l, b, sse;
    double tt[10], yy[10], scale = 0.0, mean = 0.0;
    size_t t, m = 0, n = gidx__fc_nobs(y, N), np, j;
    ets_ctx e;
    gidx_status rc;
    int k = 0;

    memset(c, 0, sizeof *c);
    c->err = err;
    c->trend = trend;
    c->method = err == 0 ? (trend == 0 ? GIDX_FC_ETS_ANN : trend == 1 ? GIDX_FC_ETS_AAN : GIDX_FC_ETS_AADN)
                         : (trend == 0 ? GIDX_FC_ETS_MNN : trend == 1 ? GIDX_FC_ETS_MAN : GIDX_FC_ETS_MADN);
    np = 2 + (trend ? 2 : 0) + (trend == 2 ? 1 : 0);
    if (n < 3 || (trend && n < 4))
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: ETS with %zu observations", n);
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            if (err == 1 && y[t] <= 0)
                return gidx__error_set(GIDX_EDATA,
                    "forecast: multiplicative-error ETS needs positive data (value %g at position %zu)",
                    y[t], t);
            mean += y[t];
        }
    mean /= (double)n;
    for (t = 0; t < N; t++)
        if (!isnan(y[t]))
            scale += (y[t] - mean) * (y[t] - mean);
    scale = sqrt(scale / (double)n);
    if (!(scale > 0))
        scale = fabs(mean) > 0 ? 0.1 * fabs(mean) : 1.0;
    /* initial states from the first (up to) ten observations, as R initstate() */
    for (t = 0; t < N && m < 10; t++)
        if (!isnan(y[t])) {
            tt[m] = (double)(t + 1);
            yy[m] = y[t];
            m++;
        }
    if (trend == 0) {
        double s = 0;
        for (j = 0; j < m; j++)
            s += yy[j];
        c->x[3] = s / (double)m;
    } else {
        double tm = 0, ym = 0, sxx = 0, sxy = 0;
        for (j = 0; j < m; j++) {
            tm += tt[j];
            ym += yy[j];
        }
        tm /= (double)m;
        ym /= (double)m;
        for (j = 0; j < m; j++) {
            sxx += (tt[j] - tm) * (tt[j] - tm);
            sxy += (tt[j] - tm) * (yy[j] - ym);
        }
        c->x[4] = sxy / sxx;
        c->x[3] = ym - c->x[4] * tm;
        if (err == 1 && fabs(c->x[3] + c->x[4]) < 1e-8) {
            c->x[3] *= 1.001;
            c->x[4] *= 0.999;
        }
        if (err == 1 && c->x[3] + c->x[4] <= 0) {
            c->x[3] = yy[0];
            c->x[4] = 0;
        }
    }
    /* starting smoothing parameters as R ets(): alpha 0.2 of the range,
     * beta 0.1 of alpha's range, phi near its upper bound */
    c->x[0] = 1e-4 + 0.2 * (0.9999 - 1e-4);
    c->x[1] = 1e-4 + 0.1 * (c->x[0] - 1e-4);
    c->x[2] = 0.978;
    if (init) {
        for (j = 0; j < 5; j++)
            c->x[j] = init->x[j];
    }
    e.c = c;
    e.y = y;
    e.N = N;
    e.x0 = x0;
    e.step = step;
    for (j = 0; j < 5; j++)
        e.idx[j] = -1;
    e.idx[0] = k; x0[k] = logit_in(c->x[0], ALO, AHI); step[k++] = (x0[0] > 1.5 ? -1.0 : 1.0) * warm;
    if (trend) { e.idx[1] = k; x0[k] = logit_in(c->x[1], ALO, c->x[0]); step[k++] = 1.0 * warm; }
    if (trend == 2) { e.idx[2] = k; x0[k] = logit_in(c->x[2], PLO, PHI); step[k++] = -1.0 * warm; }
    /* additive errors: the seed states are concentrated out (above), in
     * the main fit and in the warm-started rolling-origin refits alike */
    e.conc = err == 0 && N <= ETS_MAXC;
    if (!e.conc) {
        e.idx[3] = k; x0[k] = c->x[3]; step[k++] = 0.2 * scale * warm;
        if (trend) { e.idx[4] = k; x0[k] = c->x[4]; step[k++] = 0.05 * scale * warm; }
    }
    if (e.conc)
        ets_conc_start(&e, u, (size_t)k);
    rc = gidx__fc_minimize(u, (const double[]){ 1, 1, 1, 1, 1 }, (size_t)k, ets_obj, &e,
                           1000, init ? FC_REFIT_TOL : 1e-3, &fmin);
    if (rc != GIDX_OK)
        return rc;
    if (!init && trend && err == 0 && !e.conc) {
        /* additive errors with the seed states in the simplex (series
         * longer than ETS_MAXC): one restart from the optimum found:
         * Nelder-Mead can stall on the ridges of trend likelihoods
         * (Lagarias et al. 1998, SIAM J. Optim. 9); a fresh simplex there
         * costs little. With the seed concentrated out (2-3 dimensions,
         * started from the grid) the restart changed M3 `auto` by 0.002
         * sMAPE and the domain GHG rows not at all, at 5 % of `auto`'s
         * time, so it is not run there (issue #18).
         * Multiplicative errors get one simplex, as R's ets(): the
         * per-series comparison with R on M3 (docs/forecast.md) showed
         * the restart reaching higher M,A,N likelihoods (a large beta) that
         * made AICc prefer M,A,N where R keeps A,A,N or M,N,N, and those
         * series forecast 2 sMAPE points worse; without it `ets
         * --ets-errors both` scores 16.94 / 2.809 against R's 17.00 / 2.860
         * (17.26 / 2.865 with it). */
        double f2;
        for (j = 0; j < (size_t)k; j++) {
            x0[j] += step[j] * u[j];
            u[j] = 0.0;
            step[j] *= 2.0;
        }
        rc = gidx__fc_minimize(u, (const double[]){ 1, 1, 1, 1, 1 }, (size_t)k, ets_obj, &e,
                               1000, 1e-3, &f2);
        if (rc != GIDX_OK)
            return rc;
        fmin = f2;
    }
    ets_unpack(&e, u);
    if (e.conc)
        fmin = ets_filter_conc(c, y, N); /* the seed states at the optimum */
    if (!(fmin < 1e9))
        return gidx__error_set(GIDX_ENOCONV, "forecast: ETS likelihood optimisation failed");
    gidx__fc_ets_filter(c, y, N, &l, &b, &sse, &n, NULL);
    c->nobs = n;
    c->loglik = -0.5 * fmin;
    c->k = np + 1;
    c->aicc = gidx__fc_aicc(c->loglik, c->k, n);
    c->sigma2 = n > np ? sse / (double)(n - np) : sse / (double)n;
    j = 0;
    gidx__fc_setpar(c, j++, "alpha", c->x[0]);
    if (trend)
        gidx__fc_setpar(c, j++, "beta", c->x[1]);
    if (trend == 2)
        gidx__fc_setpar(c, j++, "phi", c->x[2]);
    gidx__fc_setpar(c, j++, "l0", c->x[3]);
    if (trend)
        gidx__fc_setpar(c, j++, "b0", c->x[4]);
    gidx__fc_setpar(c, j++, "sigma2", c->sigma2);
    {
        /* without snprintf (every rolling-origin refit names its model) */
        static const char *nm[2][3] = { { "ETS(A,N,N)", "ETS(A,A,N)", "ETS(A,Ad,N)" },
                                        { "ETS(M,N,N)", "ETS(M,A,N)", "ETS(M,Ad,N)" } };
        strcpy(c->name, nm[err != 0][trend]);
    }
    return GIDX_OK;
}

/* Analytic mean and standard deviation: Hyndman et al. (2008) Table 6.1 for
 * the additive class (class 1); for multiplicative errors the class-2
 * variance of sec. 6.3 as R forecast's class2() computes it:
 *     theta_1 = mu_1^2, theta_h = mu_h^2 + s2 sum_{j<h} c_j^2 theta_{h-j},
 *     v_h = (1 + s2) theta_h - mu_h^2,
 * with c_j = alpha + beta (phi + ... + phi^j), exact for M,N,N, M,A,N and
 * M,Ad,N. R's forecast.ets() puts a normal interval around it; so does
 * greenidx unless simulated paths are asked for (options.nsim > 0). */
gidx_status gidx__fc_comp_forecast_ets(const fc_comp *c, const double *y, size_t o, size_t h,
                                       double *mean, double *sd)
{
    double l, b, sse, al = c->x[0], be = c->trend ? c->x[1] : 0.0, ph = c->trend == 2 ? c->x[2] : 1.0;
    double csum = 0.0, phk = 0.0, phj = 1.0, cbuf[64], tbuf[64], *cj = cbuf, *th = tbuf;
    size_t n, k, j;
    if (c->err == 1 && h > 64) {
        cj = gidx__malloc(2 * h * sizeof *cj);
        if (cj == NULL)
            return GIDX_ENOMEM;
        th = cj + h;
    }
    gidx__fc_ets_filter(c, y, o, &l, &b, &sse, &n, NULL);
    if (!c->trend)
        b = 0.0;
    for (k = 0; k < h; k++) {
        double ck;
        /* phi + phi^2 + ... + phi^(k+1) */
        phj *= ph;
        phk += phj;
        mean[k] = l + phk * b;
        if (c->err == 0)
            sd[k] = sqrt(c->sigma2 * (1.0 + csum));
        else {
            double t = mean[k] * mean[k], v;
            for (j = 0; j < k; j++)
                t += c->sigma2 * cj[j] * cj[j] * th[k - 1 - j];
            th[k] = t;
            v = (1.0 + c->sigma2) * t - mean[k] * mean[k];
            sd[k] = sqrt(v > 0 ? v : 0.0);
        }
        /* c_{k+1} for the next horizon */
        ck = al + (c->trend ? be * phk : 0.0);
        csum += ck * ck;
        if (c->err == 1)
            cj[k] = ck;
    }
    if (cj != cbuf)
        free(cj);
    return GIDX_OK;
}

gidx_status gidx__fc_ets_simulate(const fc_comp *c, const double *y, size_t o, size_t h,
                                  size_t nsim, gidx__rng *rng, double *paths)
{
    double l0, b0, sse, al = c->x[0], be = c->trend ? c->x[1] : 0.0, ph = c->trend == 2 ? c->x[2] : 1.0;
    double sig = sqrt(c->sigma2);
    size_t n, s, k;
    gidx__fc_ets_filter(c, y, o, &l0, &b0, &sse, &n, NULL);
    if (!c->trend)
        b0 = 0.0;
    for (s = 0; s < nsim; s++) {
        double l = l0, b = b0;
        for (k = 0; k < h; k++) {
            double f = l + ph * b, e = gidx__rng_gaussian(rng, sig), yv;
            if (c->err == 0) {
                yv = f + e;
                l = f + al * e;
                b = ph * b + be * e;
            } else {
                yv = f * (1.0 + e);
                l = f * (1.0 + al * e);
                b = ph * b + be * f * e;
            }
            paths[s * h + k] = yv;
        }
    }
    return GIDX_OK;
}
