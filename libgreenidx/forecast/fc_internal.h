/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Internal interface of the forecasting module. A series lives on the annual
 * grid from its first to its last year (y[t], t = 0..N-1, NaN = missing), so
 * uneven years are real time gaps. Each method is a "component": fitted
 * parameters plus a filter that, with the parameters held fixed, forecasts
 * h steps ahead from the first `o` grid points (mean and standard deviation
 * on the model's scale). The rolling-origin calibration and the
 * combination are built on that one function.
 */
#ifndef GIDX_FORECAST_INTERNAL_H
#define GIDX_FORECAST_INTERNAL_H

#include <stddef.h>
#include <greenidx/forecast.h>
#include "core/internal.h"

#define FC_MAXPAR 12
/* Simplex tolerance of the warm-started rolling-origin refits: they only
 * feed the scale of the calibration errors, which is insensitive to small
 * parameter changes, so they stop earlier than the main fit. 3e-2 against
 * 1e-2 changed M3 `auto` by 0.0001 sMAPE and the domain GHG rows not at
 * all (issue #18, docs/forecast.md); 1e-1 moved M3 coverage to 77.4 %. */
#define FC_REFIT_TOL 3e-2

typedef struct fc_comp {
    int method;            /* a specific gidx_fc_method (never a family) */
    int err, trend;        /* ETS: err 0 = A, 1 = M; trend 0 = N, 1 = A, 2 = Ad */
    int p, d, q, cst;      /* ARIMA orders; cst = drift (d = 1) or mean (d = 0) */
    size_t npar;
    char pname[FC_MAXPAR][12];
    double par[FC_MAXPAR];
    double x[8];           /* ETS internals: alpha, beta, phi, l0, b0 */
    double loglik, aicc, sigma2, df; /* df > 0: Student-t intervals (trend) */
    size_t k, nobs;
    char name[64];
} fc_comp;

/* shared fitting helpers (fit.c): used by the families, use nothing of them */
size_t gidx__fc_nobs(const double *y, size_t N);
double gidx__fc_aicc(double loglik, size_t k, size_t n);
typedef double (*fc_objective)(const double *x, void *ctx);
/* Nelder-Mead (nmsimplex2's variant, fit.c; n <= 8) from x0 with initial steps; x0 overwritten
 * by the minimiser; returns GIDX_OK or a GSL failure status. */
gidx_status gidx__fc_minimize(double *x, const double *step, size_t n, fc_objective f,
                              void *ctx, size_t maxit, double tol, double *fmin);
/* BFGS of R's optim() (Nash 1990, Algorithm 21; fit.c), numerical
 * gradient; 0 converged, 1 iteration limit (R's convergence code 1) */
int gidx__fc_vmmin(double *b, size_t n, fc_objective fn, void *ctx, double *fmin);
/* the same BFGS with an exact gradient gr(x, ctx, g) in place of the
 * central differences */
typedef void (*fc_gradient)(const double *x, void *ctx, double *g);
int gidx__fc_vmmin_gr(double *b, size_t n, fc_objective fn, fc_gradient gr, void *ctx,
                      double *fmin);
void gidx__fc_setpar(fc_comp *c, size_t j, const char *name, double v);

/* method fits on the grid (simple.c, ets.c, arima.c): return GIDX_OK or a
 * negative status (message set) */
gidx_status gidx__fc_fit_naive(fc_comp *c, const double *y, size_t N, int drift);
gidx_status gidx__fc_fit_trend(fc_comp *c, const double *y, size_t N);
/* `init` (may be NULL): a fit of the same specification whose parameters
 * start the optimiser (warm start for the rolling-origin refits). */
gidx_status gidx__fc_fit_theta(fc_comp *c, const double *y, size_t N, const fc_comp *init);
gidx_status gidx__fc_fit_otheta(fc_comp *c, const double *y, size_t N, const fc_comp *init);
gidx_status gidx__fc_fit_ets(fc_comp *c, const double *y, size_t N, int err, int trend,
                             const fc_comp *init);
gidx_status gidx__fc_fit_arima(fc_comp *c, const double *y, size_t N, int p, int d, int q,
                               int cst, const fc_comp *init);
/* Dispatchers (model.c): refit component `spec` (same method and orders)
 * to the first o points; forecast with any component. */
gidx_status gidx__fc_refit(fc_comp *c, const fc_comp *spec, const double *y, size_t o);
gidx_status gidx__fc_auto_arima(fc_comp *c, const double *y, size_t N);
int gidx__fc_ndiffs(const double *y, size_t N);
double gidx__fc_kpss(const double *x, size_t n);

/* Forecast h steps from the first o grid points with fixed parameters. */
gidx_status gidx__fc_comp_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                   double *mean, double *sd);
/* Multiplicative ETS: nsim simulated paths (path-major, h values each). */
gidx_status gidx__fc_ets_simulate(const fc_comp *c, const double *y, size_t o, size_t h,
                                  size_t nsim, gidx__rng *rng, double *paths);
/* ETS one-step filter: SSE-type likelihood and final states. */
double gidx__fc_ets_filter(const fc_comp *c, const double *y, size_t o, double *l,
                           double *b, double *sse, size_t *nobs, double *res);
gidx_status gidx__fc_comp_forecast_ets(const fc_comp *c, const double *y, size_t o, size_t h,
                                       double *mean, double *sd);
gidx_status gidx__fc_arima_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                    double *mean, double *sd);
gidx_status gidx__fc_theta_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                    double *mean, double *sd);
gidx_status gidx__fc_simple_forecast(const fc_comp *c, const double *y, size_t o,
                                     size_t h, double *mean, double *sd);

/* gidx_model_target() with the cut of a relative target in exact percent
 * (negative: an increase), for callers that hold a percentage already. */
gidx_status gidx__model_target_pct(gidx_fc_target *res, const gidx_model *m, int year,
                                   double value, int base_year, int below);

#endif
