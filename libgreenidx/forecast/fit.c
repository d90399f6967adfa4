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

/* Variable-metric (BFGS) minimiser of Nash (1990), "Compact numerical
 * methods for computers", 2nd ed., Algorithm 21 — the method of R's
 * optim(method = "BFGS") — with R's defaults (maxit 100, reltol 1.49e-8,
 * step reduction 0.2, acceptance 1e-4) and optim's central-difference
 * gradient with steps of 1e-3 (or an exact gradient, gidx__fc_vmmin_gr).
 * Used where greenidx reproduces a step of R that runs this optimiser (the
 * CSS start of R's arima()), so that it ends where R's ends, local optimum
 * included. Returns 0 when converged, 1 when the iteration limit was
 * reached (R's convergence code 1). */
#define VM_MAXN 8

static void vm_grad(const double *x, size_t n, fc_objective f, fc_gradient gr, void *ctx,
                    double *g)
{
    double xx[VM_MAXN];
    size_t i;
    if (gr) {
        gr(x, ctx, g);
        return;
    }
    memcpy(xx, x, n * sizeof *x);
    for (i = 0; i < n; i++) {
        double a, b;
        xx[i] = x[i] + 1e-3;
        a = f(xx, ctx);
        xx[i] = x[i] - 1e-3;
        b = f(xx, ctx);
        xx[i] = x[i];
        g[i] = (a - b) / 2e-3;
    }
}

static int vmmin(double *b, size_t n, fc_objective fn, fc_gradient gr, void *ctx,
                 double *fmin);

int gidx__fc_vmmin(double *b, size_t n, fc_objective fn, void *ctx, double *fmin)
{
    return vmmin(b, n, fn, NULL, ctx, fmin);
}

int gidx__fc_vmmin_gr(double *b, size_t n, fc_objective fn, fc_gradient gr, void *ctx,
                      double *fmin)
{
    return vmmin(b, n, fn, gr, ctx, fmin);
}

static int vmmin(double *b, size_t n, fc_objective fn, fc_gradient gr, void *ctx,
                 double *fmin)
{
    const double stepredn = 0.2, acctol = 1e-4, reltest = 10.0, reltol = 1.490116119384765625e-8;
    const int maxit = 100;
    double g[VM_MAXN], t[VM_MAXN], X[VM_MAXN], c[VM_MAXN], B[VM_MAXN][VM_MAXN];
    double f, Fmin, gradproj, steplength, D1, D2, s;
    size_t i, j, count;
    int iter = 0, gradcount, ilast, accpoint, enough;

    if (n == 0 || n > VM_MAXN)
        return 1;
    f = fn(b, ctx);
    if (!isfinite(f))
        return 1;
    Fmin = f;
    vm_grad(b, n, fn, gr, ctx, g);
    gradcount = 1;
    iter++;
    ilast = gradcount;
    do {
        if (ilast == gradcount)
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    B[i][j] = i == j ? 1.0 : 0.0;
        for (i = 0; i < n; i++) {
            X[i] = b[i];
            c[i] = g[i];
        }
        gradproj = 0.0;
        for (i = 0; i < n; i++) {
            s = 0.0;
            for (j = 0; j < n; j++)
                s -= B[i][j] * g[j];
            t[i] = s;
            gradproj += s * g[i];
        }
        if (gradproj < 0.0) {
            steplength = 1.0;
            accpoint = 0;
            do {
                count = 0;
                for (i = 0; i < n; i++) {
                    b[i] = X[i] + steplength * t[i];
                    if (reltest + X[i] == reltest + b[i])
                        count++;
                }
                if (count < n) {
                    f = fn(b, ctx);
                    accpoint = isfinite(f) && f <= Fmin + gradproj * steplength * acctol;
                    if (!accpoint)
                        steplength *= stepredn;
                }
            } while (!(count == n || accpoint));
            enough = fabs(f - Fmin) > reltol * (fabs(Fmin) + reltol);
            if (!enough) {
                count = n;
                Fmin = f;
            }
            if (count < n) {
                Fmin = f;
                vm_grad(b, n, fn, gr, ctx, g);
                gradcount++;
                iter++;
                D1 = 0.0;
                for (i = 0; i < n; i++) {
                    t[i] *= steplength;
                    c[i] = g[i] - c[i];
                    D1 += t[i] * c[i];
                }
                if (D1 > 0) {
                    D2 = 0.0;
                    for (i = 0; i < n; i++) {
                        s = 0.0;
                        for (j = 0; j < n; j++)
                            s += B[i][j] * c[j];
                        X[i] = s;
                        D2 += s * c[i];
                    }
                    D2 = 1.0 + D2 / D1;
                    for (i = 0; i < n; i++)
                        for (j = 0; j < n; j++)
                            B[i][j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
                } else
                    ilast = gradcount;
            } else if (ilast < gradcount) {
                count = 0;
                ilast = gradcount;
            }
        } else {
            count = 0;
            if (ilast == gradcount)
                count = n;
            else
                ilast = gradcount;
        }
        if (iter >= maxit)
            break;
        if (gradcount - ilast > 2 * (int)n)
            ilast = gradcount;
    } while (count != n || ilast != gradcount);
    /* as R's vmmin, b is left at the last point of the search */
    if (fmin)
        *fmin = Fmin;
    return iter >= maxit ? 1 : 0;
}
