/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Shared fitting helpers of the forecasting families (simple.c, ets.c,
 * arima.c): observation count, AICc (Hurvich & Tsai 1989, "Regression and
 * time series model selection in small samples", Biometrika 76, 297-307),
 * named parameters, and the minimiser: the Nelder & Mead (1965) simplex.
 * They depend on nothing else in the module, so the
 * dependency runs one way: model.c (dispatcher) -> families -> fit.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"

size_t gidx__fc_nobs(const double *y, size_t N)
{
    size_t t, n = 0;
    for (t = 0; t < N; t++)
        if (!isnan(y[t]))
            n++;
    return n;
}

double gidx__fc_aicc(double loglik, size_t k, size_t n)
{
    double aic = -2.0 * loglik + 2.0 * (double)k;
    if (n <= k + 1)
        return INFINITY;
    return aic + 2.0 * (double)k * (double)(k + 1) / (double)(n - k - 1);
}

void gidx__fc_setpar(fc_comp *c, size_t j, const char *name, double v)
{
    if (j >= FC_MAXPAR)
        return;
    {
        /* a bounded copy: snprintf here was 4 % of all instructions of
         * `auto` (the rolling-origin refits name their parameters too) */
        size_t l = strlen(name);
        if (l >= sizeof c->pname[j])
            l = sizeof c->pname[j] - 1;
        memcpy(c->pname[j], name, l);
        c->pname[j][l] = '\0';
    }
    c->par[j] = v;
    if (c->npar < j + 1)
        c->npar = j + 1;
}

/* Nelder & Mead (1965) simplex with n + 1 corners, the variant of GSL's
 * nmsimplex2 that the module used before (reflection by -1, expansion by
 * -2, one-dimensional contraction by 0.5, else shrinking towards the best
 * corner; the centre and the RMS size kept up to date at each move), here
 * on fixed arrays on the stack. The profile of issue #18 (docs/forecast.md)
 * showed 18 % of `auto`'s time in GSL's vector bookkeeping and the BLAS
 * calls (daxpy, dnrm2, dcopy through OpenBLAS on 1-6 element vectors) and
 * one allocation per fit; this version allocates nothing. */
#define NM_MAXN 8

typedef struct {
    size_t n;                         /* dimension; n + 1 corners */
    double x[NM_MAXN + 1][NM_MAXN];   /* corners */
    double y[NM_MAXN + 1];            /* objective at the corners */
    double c[NM_MAXN];                /* centre of all n + 1 corners */
    double S2;                        /* mean squared distance to the centre */
    fc_objective f;
    void *ctx;
} nm_state;

static double nm_eval(nm_state *s, const double *x)
{
    double r = s->f(x, s->ctx);
    return isfinite(r) ? r : 1e300;
}

static void nm_centre_size(nm_state *s)
{
    size_t i, j, P = s->n + 1;
    double ss = 0.0;
    for (j = 0; j < s->n; j++) {
        double a = 0.0;
        for (i = 0; i < P; i++)
            a += s->x[i][j];
        s->c[j] = a / (double)P;
    }
    for (i = 0; i < P; i++)
        for (j = 0; j < s->n; j++) {
            double d = s->x[i][j] - s->c[j];
            ss += d * d;
        }
    s->S2 = ss / (double)P;
}

/* the corner moved along the line through it and the centre of the others:
 * xc = (1 - coeff) P / (P - 1) centre + (P coeff - 1) / (P - 1) corner */
static double nm_try(nm_state *s, double coeff, size_t corner, double *xc)
{
    double P = (double)(s->n + 1), a = (1.0 - coeff) * P / (P - 1.0),
           b = (P * coeff - 1.0) / (P - 1.0);
    size_t j;
    for (j = 0; j < s->n; j++)
        xc[j] = a * s->c[j] + b * s->x[corner][j];
    return nm_eval(s, xc);
}

static void nm_update(nm_state *s, size_t i, const double *x, double v)
{
    double P = (double)(s->n + 1), dd = 0.0, xd = 0.0;
    size_t j;
    for (j = 0; j < s->n; j++) {
        double d = x[j] - s->x[i][j];
        dd += d * d;
        xd += (s->x[i][j] - s->c[j]) * d;
    }
    s->S2 += (2.0 / P) * xd + ((P - 1.0) / P) * (dd / P);
    for (j = 0; j < s->n; j++) {
        s->c[j] += (x[j] - s->x[i][j]) / P;
        s->x[i][j] = x[j];
    }
    s->y[i] = v;
}

static void nm_iterate(nm_state *s)
{
    size_t i, j, P = s->n + 1, hi = 0, shi = 1, lo = 0;
    double dhi = s->y[0], dshi = s->y[1], dlo = s->y[0], xc[NM_MAXN], xc2[NM_MAXN], v, v2;
    for (i = 1; i < P; i++) {
        double val = s->y[i];
        if (val < dlo) {
            dlo = val;
            lo = i;
        } else if (val > dhi) {
            dshi = dhi;
            shi = hi;
            dhi = val;
            hi = i;
        } else if (val > dshi) {
            dshi = val;
            shi = i;
        }
    }
    v = nm_try(s, -1.0, hi, xc);
    if (v < s->y[lo]) {
        v2 = nm_try(s, -2.0, hi, xc2);
        if (v2 < s->y[lo])
            nm_update(s, hi, xc2, v2);
        else
            nm_update(s, hi, xc, v);
    } else if (v > s->y[shi]) {
        if (v <= s->y[hi])
            nm_update(s, hi, xc, v);
        v2 = nm_try(s, 0.5, hi, xc2);
        if (v2 <= s->y[hi])
            nm_update(s, hi, xc2, v2);
        else {
            for (i = 0; i < P; i++)
                if (i != lo) {
                    for (j = 0; j < s->n; j++)
                        s->x[i][j] = 0.5 * (s->x[i][j] + s->x[lo][j]);
                    s->y[i] = nm_eval(s, s->x[i]);
                }
            nm_centre_size(s);
        }
    } else
        nm_update(s, hi, xc, v);
}

gidx_status gidx__fc_minimize(double *x, const double *step, size_t n, fc_objective f,
                              void *ctx, size_t maxit, double tol, double *fmin)
{
    nm_state s;
    size_t it, i, lo;

    if (n == 0 || n > NM_MAXN)
        return gidx__error_set(GIDX_EINVAL, "forecast: Nelder-Mead with %zu parameters (1-%d)",
                               n, NM_MAXN);
    s.n = n;
    s.f = f;
    s.ctx = ctx;
    memcpy(s.x[0], x, n * sizeof *x);
    s.y[0] = nm_eval(&s, s.x[0]);
    for (i = 0; i < n; i++) {
        memcpy(s.x[i + 1], x, n * sizeof *x);
        s.x[i + 1][i] = x[i] + step[i];
        s.y[i + 1] = nm_eval(&s, s.x[i + 1]);
    }
    nm_centre_size(&s);
    {
        /* stop on a small simplex (RMS distance of the corners to the
         * centre), or when the best value has not moved by more than 1e-9
         * relative in 10 n iterations (a flat ridge or a corner approached
         * on the logit scale) */
        double fref = HUGE_VAL, fbest;
        size_t since = 0;
        for (it = 0; it < maxit; it++) {
            double size;
            nm_iterate(&s);
            lo = 0;
            for (i = 1; i <= n; i++)
                if (s.y[i] < s.y[lo])
                    lo = i;
            fbest = s.y[lo];
            if (!(s.S2 > 0))
                nm_centre_size(&s);
            size = sqrt(s.S2);
            if (size < tol)
                break;
            if (fref - fbest > 1e-9 * (fabs(fref) + 1e-6)) {
                fref = fbest;
                since = 0;
            } else if (++since >= 10 * n + 10)
                break;
        }
    }
    lo = 0;
    for (i = 1; i <= n; i++)
        if (s.y[i] < s.y[lo])
            lo = i;
    memcpy(x, s.x[lo], n * sizeof *x);
    if (fmin)
        *fmin = s.y[lo];
    return GIDX_OK;
}
