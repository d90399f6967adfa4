/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Shared fitting helpers of the forecasting families (simple.c, ets.c,
 * arima.c): observation count, AICc (Hurvich & Tsai 1989, "Regression and
 * time series model selection in small samples", Biometrika 76, 297-307),
 * named parameters, and the minimiser: Nelder & Mead (1965) simplex through
 * GSL's nmsimplex2. They depend on nothing else in the module, so the
 * dependency runs one way: model.c (dispatcher) -> families -> fit.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

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

typedef struct {
    fc_objective f;
    void *ctx;
} nm_ctx;

static double nm_f(const gsl_vector *v, void *p)
{
    nm_ctx *c = p;
    double r = c->f(v->data, c->ctx);
    return isfinite(r) ? r : 1e300;
}

gidx_status gidx__fc_minimize(double *x, const double *step, size_t n, fc_objective f,
                              void *ctx, size_t maxit, double tol, double *fmin)
{
    gsl_multimin_fminimizer *s;
    gsl_multimin_function F;
    gsl_vector_view xv = gsl_vector_view_array(x, n);
    gsl_vector_const_view sv = gsl_vector_const_view_array(step, n);
    nm_ctx c;
    size_t it;
    int st;

    gidx__gsl_init();
    c.f = f;
    c.ctx = ctx;
    F.f = nm_f;
    F.n = n;
    F.params = &c;
    s = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
    if (s == NULL)
        return gidx__error_set(GIDX_ENOMEM, "forecast: cannot allocate the Nelder-Mead minimiser");
    st = gsl_multimin_fminimizer_set(s, &F, &xv.vector, &sv.vector);
    if (st != GSL_SUCCESS) {
        gsl_multimin_fminimizer_free(s);
        return gidx__gsl_fail(st, "forecast: Nelder-Mead start");
    }
    {
        /* stop on a small simplex, or when the best value has not moved by
         * more than 1e-9 relative in 10 n iterations (a flat ridge or a
         * corner approached on the logit scale) */
        double fref = HUGE_VAL; /* s->fval is only set by the first iteration */
        size_t since = 0;
        for (it = 0; it < maxit; it++) {
            st = gsl_multimin_fminimizer_iterate(s);
            if (st != GSL_SUCCESS)
                break;
            if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tol) == GSL_SUCCESS)
                break;
            if (fref - s->fval > 1e-9 * (fabs(fref) + 1e-6)) {
                fref = s->fval;
                since = 0;
            } else if (++since >= 10 * n + 10)
                break;
        }
    }
    memcpy(x, s->x->data, n * sizeof *x);
    if (fmin)
        *fmin = s->fval;
    gsl_multimin_fminimizer_free(s);
    return GIDX_OK;
}
