/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Simple forecasting methods on the annual grid: naive, drift, linear trend
 * and the Theta family (the shared fitting helpers are in fit.c).
 *
 * - Naive and random walk with drift (Hyndman & Athanasopoulos, "Forecasting:
 *   principles and practice", 3rd ed., sec. 5.2, 5.5): with time gaps the
 *   increment over a gap of g years has variance g sigma^2, so the drift is
 *   the weighted least-squares slope (y_last - y_first) / span and
 *   sigma^2 = sum (d_i - b g_i)^2 / g_i / (m - 1); the h-step variance is
 *   h sigma^2 + h^2 var(b), as R forecast's rwf().
 * - Linear trend: ordinary least squares with exact Student-t prediction
 *   intervals (any regression text, e.g. Weisberg, Applied Linear
 *   Regression, 4th ed., sec. 3.6).
 * - Theta: Assimakopoulos & Nikolopoulos (2000), "The theta model: a
 *   decomposition approach to forecasting", IJF 16, 521-530, computed as SES
 *   with drift equal to half the regression slope (Hyndman & Billah 2003,
 *   "Unmasking the Theta method", IJF 19, 287-290), exactly as R forecast's
 *   thetaf() including its interval formula.
 * - Optimised Theta: theta lines Z = theta y + (1 - theta)(A + B t) with SES
 *   on Z and theta chosen on a grid by in-sample one-step MSE, after
 *   Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016), "Models for
 *   optimising the theta method and their relationship to state space
 *   models", IJF 32, 1151-1161 (their OTM with a static trend line).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"

/* ------------------------------------------------------------ naive, drift */

gidx_status gidx__fc_fit_naive(fc_comp *c, const double *y, size_t N, int drift)
{
    size_t t, prev = (size_t)-1, m = 0, first = (size_t)-1, last = 0;
    double b = 0.0, ss = 0.0, span, slog = 0.0, s2, vb;

    for (t = 0; t < N; t++) {
        if (isnan(y[t]))
            continue;
        if (first == (size_t)-1)
            first = t;
        last = t;
    }
    if (first == (size_t)-1 || last == first)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: %s needs 2 observations",
                               drift ? "drift" : "naive");
    span = (double)(last - first);
    if (drift)
        b = (y[last] - y[first]) / span;
    for (t = first; t <= last; t++) {
        if (isnan(y[t]))
            continue;
        if (prev != (size_t)-1) {
            double g = (double)(t - prev), d = y[t] - y[prev] - b * g;
            ss += d * d / g;
            slog += log(g);
            m++;
        }
        prev = t;
    }
    if (drift && m < 2)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: drift needs 3 observations");
    s2 = ss / (double)(drift ? m - 1 : m);
    vb = drift ? s2 / span : 0.0;
    memset(c, 0, sizeof *c);
    c->method = drift ? GIDX_FC_DRIFT : GIDX_FC_NAIVE;
    c->sigma2 = s2;
    c->nobs = m;
    c->k = drift ? 2 : 1;
    {
        double sml = ss / (double)m; /* ML variance for the likelihood */
        c->loglik = -0.5 * ((double)m * (log(2.0 * M_PI * (sml > 0 ? sml : 1e-300)) + 1.0) + slog);
    }
    c->aicc = gidx__fc_aicc(c->loglik, c->k, c->nobs);
    if (drift) {
        gidx__fc_setpar(c, 0, "drift", b);
        gidx__fc_setpar(c, 1, "drift_se", sqrt(vb));
    }
    gidx__fc_setpar(c, c->npar, "sigma2", s2);
    snprintf(c->name, sizeof c->name, "%s", drift ? "Random walk with drift" : "Naive");
    return GIDX_OK;
}

/* ------------------------------------------------------------------ trend */

gidx_status gidx__fc_fit_trend(fc_comp *c, const double *y, size_t N)
{
    size_t t, n = 0;
    double st = 0, sy = 0, tm, ym, sxx = 0, sxy = 0, a, b, sse = 0;
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            st += (double)t;
            sy += y[t];
            n++;
        }
    if (n < 3)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: a linear trend needs 3 observations");
    tm = st / (double)n;
    ym = sy / (double)n;
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            sxx += ((double)t - tm) * ((double)t - tm);
            sxy += ((double)t - tm) * (y[t] - ym);
        }
    b = sxy / sxx;
    a = ym - b * tm;
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            double e = y[t] - a - b * (double)t;
            sse += e * e;
        }
    memset(c, 0, sizeof *c);
    c->method = GIDX_FC_TREND;
    c->nobs = n;
    c->k = 3;
    c->sigma2 = sse / (double)(n - 2);
    c->df = (double)(n - 2);
    c->loglik = -0.5 * (double)n * (log(2.0 * M_PI * (sse > 0 ? sse / (double)n : 1e-300)) + 1.0);
    c->aicc = gidx__fc_aicc(c->loglik, c->k, n);
    gidx__fc_setpar(c, 0, "intercept", a); /* value at the first year */
    gidx__fc_setpar(c, 1, "slope", b);
    gidx__fc_setpar(c, 2, "sigma2", c->sigma2);
    gidx__fc_setpar(c, 3, "tmean", tm);
    gidx__fc_setpar(c, 4, "sxx", sxx);
    snprintf(c->name, sizeof c->name, "Linear trend");
    return GIDX_OK;
}

gidx_status gidx__fc_simple_forecast(const fc_comp *c, const double *y, size_t o,
                                     size_t h, double *mean, double *sd)
{
    size_t k, t;
    double last = NAN;
    size_t tl = 0;
    for (t = o; t-- > 0;)
        if (!isnan(y[t])) {
            last = y[t];
            tl = t;
            break;
        }
    if (c->method == GIDX_FC_TREND) {
        double a = c->par[0], b = c->par[1], tm = c->par[3], sxx = c->par[4];
        double n = (double)c->nobs;
        for (k = 0; k < h; k++) {
            double tt = (double)(o + k);
            mean[k] = a + b * tt;
            sd[k] = sqrt(c->sigma2 * (1.0 + 1.0 / n + (tt - tm) * (tt - tm) / sxx));
        }
        return GIDX_OK;
    }
    if (isnan(last))
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: no observation before the origin");
    for (k = 0; k < h; k++) {
        /* steps counted from the last observed year: a gap before the
         * origin is time already elapsed */
        double s = (double)(o + k - tl);
        double b = c->method == GIDX_FC_DRIFT ? c->par[0] : 0.0;
        double vb = c->method == GIDX_FC_DRIFT ? c->par[1] * c->par[1] : 0.0;
        mean[k] = last + b * s;
        sd[k] = sqrt(c->sigma2 * s + s * s * vb);
    }
    return GIDX_OK;
}

/* ------------------------------------------------------------------ theta */

/* OLS slope and intercept of observed y on the grid index. */
static int ols_line(const double *y, size_t N, double *a, double *b)
{
    size_t t, n = 0;
    double st = 0, sy = 0, sxx = 0, sxy = 0, tm, ym;
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            st += (double)t;
            sy += y[t];
            n++;
        }
    if (n < 2)
        return -1;
    tm = st / (double)n;
    ym = sy / (double)n;
    for (t = 0; t < N; t++)
        if (!isnan(y[t])) {
            sxx += ((double)t - tm) * ((double)t - tm);
            sxy += ((double)t - tm) * (y[t] - ym);
        }
    *b = sxx > 0 ? sxy / sxx : 0.0;
    *a = ym - *b * tm;
    return 0;
}

gidx_status gidx__fc_fit_theta(fc_comp *c, const double *y, size_t N, const fc_comp *init)
{
    fc_comp ses, si;
    double a, b;
    gidx_status rc;
    if (init) {
        memset(&si, 0, sizeof si);
        si.x[0] = init->par[0];
        si.x[3] = init->par[1];
    }
    rc = gidx__fc_fit_ets(&ses, y, N, 0, 0, init ? &si : NULL);
    if (rc != GIDX_OK)
        return rc;
    if (ols_line(y, N, &a, &b) != 0)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: Theta needs 2 observations");
    memset(c, 0, sizeof *c);
    c->method = GIDX_FC_THETA;
    c->err = 0;
    c->trend = 0;
    gidx__fc_setpar(c, 0, "alpha", ses.x[0]);
    gidx__fc_setpar(c, 1, "l0", ses.x[3]);
    gidx__fc_setpar(c, 2, "drift", b / 2.0);
    gidx__fc_setpar(c, 3, "sigma2", ses.sigma2);
    c->sigma2 = ses.sigma2;
    c->nobs = ses.nobs;
    c->k = 4; /* alpha, l0, drift, sigma2 */
    {
        double sse = 0;
        size_t n = 0;
        double l, bb;
        fc_comp tmp = ses;
        gidx__fc_ets_filter(&tmp, y, N, &l, &bb, &sse, &n, NULL);
        c->loglik = -0.5 * (double)n * (log(2.0 * M_PI * (sse > 0 ? sse / (double)n : 1e-300)) + 1.0);
    }
    c->aicc = gidx__fc_aicc(c->loglik, c->k, c->nobs);
    snprintf(c->name, sizeof c->name, "Theta");
    return GIDX_OK;
}

/* The OTM forecast from the first o points: SES on the theta line. */
static void otheta_run(const fc_comp *c, const double *y, size_t o, double *lz,
                       double *sse, size_t *n)
{
    double th = c->par[0], al = c->par[1], l = c->par[2], A = c->par[3], B = c->par[4];
    size_t t;
    *sse = 0;
    *n = 0;
    for (t = 0; t < o; t++) {
        if (!isnan(y[t])) {
            double line = A + B * (double)t;
            double z = th * y[t] + (1.0 - th) * line;
            double fy = l / th + (1.0 - 1.0 / th) * line;
            double e = y[t] - fy;
            *sse += e * e;
            (*n)++;
            l += al * (z - l);
        }
    }
    *lz = l;
}

typedef struct {
    const double *y;
    size_t N;
    fc_comp *c;
} oth_ctx;

gidx_status gidx__fc_fit_otheta(fc_comp *c, const double *y, size_t N, const fc_comp *init)
{
    static const double grid[] = { 1.0, 1.5, 2.0, 2.5, 3.0, 4.0 };
    double A, B, best = INFINITY, zbuf_stack[64], *z = zbuf_stack;
    size_t g, t, n = gidx__fc_nobs(y, N);
    fc_comp bestc;
    gidx_status rc = GIDX_OK;

    if (n < 4)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: optimised Theta needs 4 observations");
    if (ols_line(y, N, &A, &B) != 0)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: optimised Theta needs 2 observations");
    if (N > 64) {
        z = gidx__malloc(N * sizeof *z);
        if (z == NULL)
            return GIDX_ENOMEM;
    }
    memset(&bestc, 0, sizeof bestc);
    for (g = 0; g < (init ? 1 : sizeof grid / sizeof grid[0]); g++) {
        fc_comp ses, cand, si;
        double th = init ? init->par[0] : grid[g], sse, lz;
        size_t nn;
        for (t = 0; t < N; t++)
            z[t] = isnan(y[t]) ? NAN : th * y[t] + (1.0 - th) * (A + B * (double)t);
        if (init) {
            memset(&si, 0, sizeof si);
            si.x[0] = init->par[1];
            si.x[3] = init->par[2];
        }
        rc = gidx__fc_fit_ets(&ses, z, N, 0, 0, init ? &si : NULL);
        if (rc != GIDX_OK)
            break;
        memset(&cand, 0, sizeof cand);
        cand.method = GIDX_FC_OTHETA;
        gidx__fc_setpar(&cand, 0, "theta", th);
        gidx__fc_setpar(&cand, 1, "alpha", ses.x[0]);
        gidx__fc_setpar(&cand, 2, "l0", ses.x[3]);
        gidx__fc_setpar(&cand, 3, "A", A);
        gidx__fc_setpar(&cand, 4, "B", B);
        otheta_run(&cand, y, N, &lz, &sse, &nn);
        if (sse < best) {
            best = sse;
            bestc = cand;
            bestc.sigma2 = ses.sigma2 / (th * th);
            bestc.nobs = nn;
        }
    }
    if (z != zbuf_stack)
        free(z);
    if (rc != GIDX_OK)
        return rc;
    *c = bestc;
    gidx__fc_setpar(c, 5, "sigma2", c->sigma2);
    c->k = 6; /* theta, alpha, l0, A, B, sigma2 */
    c->loglik = -0.5 * (double)c->nobs *
                (log(2.0 * M_PI * (best > 0 ? best / (double)c->nobs : 1e-300)) + 1.0);
    c->aicc = gidx__fc_aicc(c->loglik, c->k, c->nobs);
    snprintf(c->name, sizeof c->name, "Optimised Theta (theta = %g)", c->par[0]);
    return GIDX_OK;
}

gidx_status gidx__fc_theta_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                    double *mean, double *sd)
{
    size_t k;
    if (c->method == GIDX_FC_THETA) {
        fc_comp ses;
        double l, b, sse, al = c->par[0], drift = c->par[2];
        size_t n;
        memset(&ses, 0, sizeof ses);
        ses.method = GIDX_FC_ETS_ANN;
        ses.x[0] = al;
        ses.x[3] = c->par[1];
        gidx__fc_ets_filter(&ses, y, o, &l, &b, &sse, &n, NULL);
        if (al < 1e-10)
            al = 1e-10;
        for (k = 0; k < h; k++) {
            mean[k] = l + drift * ((double)k + (1.0 - pow(1.0 - al, (double)o)) / al);
            sd[k] = sqrt(c->sigma2 * ((double)k * al * al + 1.0));
        }
        return GIDX_OK;
    } else {
        double th = c->par[0], al = c->par[1], A = c->par[3], B = c->par[4], lz, sse;
        size_t n;
        otheta_run(c, y, o, &lz, &sse, &n);
        for (k = 0; k < h; k++) {
            double line = A + B * (double)(o + k);
            mean[k] = lz / th + (1.0 - 1.0 / th) * line;
            sd[k] = sqrt(c->sigma2 * ((double)k * al * al + 1.0));
        }
        return GIDX_OK;
    }
}
