/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Internal structures of the effects module: the panel, the result rows and
 * the numerical kernels shared by the estimators (OLS with absorbed fixed
 * effects, the simplex-constrained least squares of synthetic control).
 */
#ifndef GIDX_EFFECTS_INTERNAL_H
#define GIDX_EFFECTS_INTERNAL_H

#include <stddef.h>
#include <greenidx/effects.h>

struct gidx_effect_panel {
    size_t n;          /* rows */
    size_t nunits, ntimes;
    char **units;      /* nunits names, in order of first appearance */
    double *times;     /* ntimes, ascending */
    size_t *uidx;      /* n: unit of each row */
    size_t *tidx;      /* n: time of each row */
    long *cell;        /* nunits * ntimes: row index or -1 */
    size_t nvars;
    char **vnames;
    double **vals;     /* nvars arrays of n */
};

typedef struct gidx__eff_row {
    char *kind;
    char *label;
    char *owner;       /* treated unit (synth with several treated), else NULL */
    double group, time, est, se;
} gidx__eff_row;

typedef struct gidx__eff_scalar {
    char *key;
    double value;
} gidx__eff_scalar;

struct gidx_effect_result {
    int method;
    double estimate, se, ci_low, ci_high, p_value, level;
    gidx__eff_row *rows;
    size_t nrows, caprows;
    gidx__eff_scalar *scalars;
    size_t nscalars, capscalars;
    double *path;
    size_t npath;
    int path_constant; /* DiD-type: the path is the estimate repeated */
};

gidx_effect_result *gidx__eff_result_new(int method);
gidx_status gidx__eff_add_row(gidx_effect_result *r, const char *kind, const char *label,
                              const char *owner, double group, double time,
                              double est, double se);
gidx_status gidx__eff_set_scalar(gidx_effect_result *r, const char *key, double v);
void gidx__eff_set_main(gidx_effect_result *r, double est, double se, double df);

/* Variable lookup: index or GIDX_ENOTFOUND naming the variable. */
gidx_status gidx__eff_var(const double **x, const gidx_effect_panel *p, const char *name,
                          const char *role);
/* Split a comma-separated list into newly allocated strings. */
gidx_status gidx__eff_split(char ***items, size_t *n, const char *s);
void gidx__eff_free_list(char **items, size_t n);
/* Find a unit by name. */
int gidx__eff_unit(const gidx_effect_panel *p, const char *name, size_t *u);

/* Normal and Student-t two-sided p-values and quantiles. */
double gidx__eff_pvalue(double t, double df);
double gidx__eff_crit(double level, double df);

/*
 * OLS of y on X (n x k, row-major) after absorbing unit (and, when fe_time,
 * time) fixed effects by alternating projections. se kind as gidx_effect_se;
 * cluster ids per row (0..G-1). Writes beta, its covariance (k x k) and the
 * residual df. colnames name columns for the singular-design message.
 */
gidx_status gidx__eff_ols(double *beta, double *cov, double *df_out, double *r2_out,
                          const double *y, const double *X, size_t n, size_t k,
                          const size_t *fe_unit, size_t nunit,
                          const size_t *fe_time, size_t ntime,
                          int se_kind, const size_t *cluster, size_t ncluster,
                          const char *const *colnames);

/*
 * Simplex-constrained least squares: min ||A w - b||^2, w >= 0, sum w = 1,
 * A m x J row-major. Lawson & Hanson NNLS on the system augmented with a
 * heavily weighted row of ones. work: (m+1)*J + 4*J + (m+1)*(m+2) doubles.
 */
gidx_status gidx__eff_simplex_ls(double *w, const double *A, const double *b,
                                 size_t m, size_t J, double *work);
size_t gidx__eff_simplex_ls_work(size_t m, size_t J);

gidx_status gidx__eff_did(gidx_effect_result *r, const gidx_effect_panel *p,
                          const gidx_effect_options *o);
gidx_status gidx__eff_twfe(gidx_effect_result *r, const gidx_effect_panel *p,
                           const gidx_effect_options *o);
gidx_status gidx__eff_fe(gidx_effect_result *r, const gidx_effect_panel *p,
                         const gidx_effect_options *o);
gidx_status gidx__eff_csdid(gidx_effect_result *r, const gidx_effect_panel *p,
                            const gidx_effect_options *o);
gidx_status gidx__eff_synth(gidx_effect_result *r, const gidx_effect_panel *p,
                            const gidx_effect_options *o);

#endif
