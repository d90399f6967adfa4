/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Regression-based effect estimators:
 * - 2x2 difference-in-differences, y = a + b G + c P + d G*P, d the effect
 *   (Card & Krueger 1994, AER 84(4), table 3; Angrist & Pischke 2009,
 *   Mostly Harmless Econometrics, sec. 5.2);
 * - two-way fixed effects, y_it = a_i + l_t + d D_it + x_it'b;
 * - event study, y_it = a_i + l_t + sum_{e != ref} d_e 1(t - g_i = e)
 *   (Freyaldenhoven et al. 2021; Sun & Abraham 2021, J. Econometrics 225(2),
 *   on its interpretation under heterogeneous effects);
 * - within estimator with one- or two-way effects (Baltagi 2021, ch. 2-3;
 *   plm's "within" model, Croissant & Millo 2008).
 * Standard errors as documented in ols.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

typedef struct design {
    size_t n, k;
    double *y, *X;
    size_t *unit, *time;  /* compact ids */
    size_t nunit, ntime;
    size_t *row;          /* panel row of each observation */
    char **names;         /* k column names (owned) */
} design;

static void design_free(design *d)
{
    free(d->y); free(d->X); free(d->unit); free(d->time); free(d->row);
    gidx__eff_free_list(d->names, d->k);
    memset(d, 0, sizeof *d);
}

/* Allocate for at most n rows and k columns. */
static gidx_status design_alloc(design *d, size_t n, size_t k)
{
    memset(d, 0, sizeof *d);
    d->y = gidx__malloc((n + 1) * sizeof *d->y);
    d->X = gidx__malloc((n * k + 1) * sizeof *d->X);
    d->unit = gidx__malloc((n + 1) * sizeof *d->unit);
    d->time = gidx__malloc((n + 1) * sizeof *d->time);
    d->row = gidx__malloc((n + 1) * sizeof *d->row);
    d->names = gidx__calloc(k + 1, sizeof *d->names);
    d->k = k;
    if (!d->y || !d->X || !d->unit || !d->time || !d->row || !d->names)
        return GIDX_ENOMEM;
    return GIDX_OK;
}

static gidx_status set_name(design *d, size_t j, const char *name)
{
    d->names[j] = gidx__strdup(name);
    return d->names[j] ? GIDX_OK : GIDX_ENOMEM;
}

/* Renumber d->unit and d->time to 0..nunit-1 and 0..ntime-1. */
static gidx_status compact_ids(design *d, const gidx_effect_panel *p)
{
    size_t *mu = gidx__malloc((p->nunits + 1) * sizeof *mu), *mt = gidx__malloc((p->ntimes + 1) * sizeof *mt);
    size_t i;
    if (!mu || !mt) {
        free(mu); free(mt);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < p->nunits; i++) mu[i] = (size_t)-1;
    for (i = 0; i < p->ntimes; i++) mt[i] = (size_t)-1;
    d->nunit = d->ntime = 0;
    for (i = 0; i < d->n; i++) {
        if (mu[d->unit[i]] == (size_t)-1) mu[d->unit[i]] = d->nunit++;
        if (mt[d->time[i]] == (size_t)-1) mt[d->time[i]] = d->ntime++;
        d->unit[i] = mu[d->unit[i]];
        d->time[i] = mt[d->time[i]];
    }
    free(mu); free(mt);
    return GIDX_OK;
}

static int se_kind(const gidx_effect_options *o, int dflt)
{
    return o->se == GIDX_EFFECT_SE_DEFAULT ? dflt : o->se;
}

/* Fit and store coefficients, nobs and r2; returns the covariance in *cov_out (caller frees). */
static gidx_status fit_store(gidx_effect_result *r, design *d, int fe_unit, int fe_time, int sek,
                             double **beta_out, double **cov_out, double *df_out)
{
    double *beta = gidx__malloc(d->k * sizeof *beta), *cov = gidx__malloc(d->k * d->k * sizeof *cov);
    double df = 0, r2 = 0;
    size_t j;
    gidx_status rc;
    if (!beta || !cov) {
        free(beta); free(cov);
        return GIDX_ENOMEM;
    }
    if (d->n == 0) {
        free(beta); free(cov);
        return gidx__error_set(GIDX_EDATA, "regression: no row has the outcome, treatment and every covariate");
    }
    rc = gidx__eff_ols(beta, cov, &df, &r2, d->y, d->X, d->n, d->k,
                       fe_unit ? d->unit : NULL, d->nunit, fe_time ? d->time : NULL, d->ntime,
                       sek, d->unit, d->nunit, (const char *const *)d->names);
    if (rc == GIDX_OK) {
        for (j = 0; j < d->k && rc == GIDX_OK; j++)
            rc = gidx__eff_add_row(r, "coef", d->names[j], NULL, gidx__nan(), gidx__nan(),
                                   beta[j], sqrt(cov[j * d->k + j]));
        if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "nobs", (double)d->n);
        if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "df", df);
        if (rc == GIDX_OK && fe_unit) rc = gidx__eff_set_scalar(r, "r2", r2);
    }
    if (rc != GIDX_OK) {
        free(beta); free(cov);
        return rc;
    }
    *beta_out = beta;
    *cov_out = cov;
    *df_out = df;
    return GIDX_OK;
}

/* Per-unit treatment group from the treated list or an ever-nonzero treat_col. */
static gidx_status unit_groups(int *grp, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    size_t i, u, ntr = 0;
    gidx_status rc;
    memset(grp, 0, p->nunits * sizeof *grp);
    if (o->treated && o->treated[0]) {
        char **list;
        size_t nl;
        if ((rc = gidx__eff_split(&list, &nl, o->treated)) != GIDX_OK)
            return rc;
        for (i = 0; i < nl; i++) {
            if (!gidx__eff_unit(p, list[i], &u)) {
                rc = gidx__error_set(GIDX_ENOTFOUND, "effects: treated unit \"%s\" is not in the panel", list[i]);
                gidx__eff_free_list(list, nl);
                return rc;
            }
            grp[u] = 1;
        }
        gidx__eff_free_list(list, nl);
    } else if (o->treat_col && o->treat_col[0]) {
        const double *d;
        if ((rc = gidx__eff_var(&d, p, o->treat_col, "treatment")) != GIDX_OK)
            return rc;
        for (i = 0; i < p->n; i++)
            if (gidx__isfinite(d[i]) && d[i] != 0)
                grp[p->uidx[i]] = 1;
    } else {
        return gidx__error_set(GIDX_EINVAL, "effects: give the treated unit(s) or a treatment column");
    }
    for (u = 0; u < p->nunits; u++)
        ntr += (size_t)grp[u];
    if (ntr == 0)
        return gidx__error_set(GIDX_EDATA, "effects: no treated units (treatment column \"%s\" is never nonzero)",
                               o->treat_col ? o->treat_col : "");
    if (ntr == p->nunits)
        return gidx__error_set(GIDX_EDATA, "effects: no control units: every unit is treated");
    return GIDX_OK;
}

gidx_status gidx__eff_did(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    const double *y;
    int *grp = NULL, *pre_ok = NULL, *post_ok = NULL;
    double T = o->treat_time, *beta = NULL, *cov = NULL, df, m[4] = { 0, 0, 0, 0 }, c[4] = { 0, 0, 0, 0 };
    design d;
    size_t i;
    gidx_status rc;
    static const char *names[] = { "(Intercept)", "treated", "post", "treated:post" };

    memset(&d, 0, sizeof d);
    if ((rc = gidx__eff_var(&y, p, o->outcome, "outcome")) != GIDX_OK)
        return rc;
    if (!gidx__isfinite(T)) {
        if (p->ntimes != 2)
            return gidx__error_set(GIDX_EINVAL, "did: the panel has %zu periods: give the treatment time to split pre and post",
                                   p->ntimes);
        T = p->times[1];
    }
    if (!(p->times[0] < T))
        return gidx__error_set(GIDX_ETOOSHORT, "did: no pre-period before the treatment time %g", T);
    if (!(p->times[p->ntimes - 1] >= T))
        return gidx__error_set(GIDX_ETOOSHORT, "did: no post-period at or after the treatment time %g", T);
    grp = gidx__calloc(p->nunits + 1, sizeof *grp);
    pre_ok = gidx__calloc(p->nunits + 1, sizeof *pre_ok);
    post_ok = gidx__calloc(p->nunits + 1, sizeof *post_ok);
    if (!grp || !pre_ok || !post_ok) { rc = GIDX_ENOMEM; goto done; }
    if ((rc = unit_groups(grp, p, o)) != GIDX_OK)
        goto done;
    for (i = 0; i < p->n; i++)
        if (gidx__isfinite(y[i])) {
            if (p->times[p->tidx[i]] >= T) post_ok[p->uidx[i]] = 1;
            else pre_ok[p->uidx[i]] = 1;
        }
    if ((rc = design_alloc(&d, p->n, 4)) != GIDX_OK)
        goto done;
    for (i = 0; i < 4 && rc == GIDX_OK; i++)
        rc = set_name(&d, i, names[i]);
    if (rc != GIDX_OK)
        goto done;
    for (i = 0; i < p->n; i++) {
        size_t u = p->uidx[i], n = d.n;
        double G, P;
        if (!gidx__isfinite(y[i]))
            continue;
        if (o->balanced && !(pre_ok[u] && post_ok[u]))
            continue;
        G = grp[u];
        P = p->times[p->tidx[i]] >= T;
        d.y[n] = y[i];
        d.X[4 * n] = 1; d.X[4 * n + 1] = G; d.X[4 * n + 2] = P; d.X[4 * n + 3] = G * P;
        d.unit[n] = u; d.time[n] = p->tidx[i]; d.row[n] = i;
        m[2 * (int)G + (int)P] += y[i];
        c[2 * (int)G + (int)P] += 1;
        d.n++;
    }
    for (i = 0; i < 4; i++)
        if (c[i] == 0) {
            rc = gidx__error_set(GIDX_EDATA, "did: no observations of the %s group in the %s period",
                                 i >= 2 ? "treated" : "control", (i & 1) ? "post" : "pre");
            goto done;
        }
    if ((rc = compact_ids(&d, p)) != GIDX_OK)
        goto done;
    if ((rc = fit_store(r, &d, 0, 0, se_kind(o, GIDX_EFFECT_SE_CLUSTER), &beta, &cov, &df)) != GIDX_OK)
        goto done;
    gidx__eff_set_main(r, beta[3], sqrt(cov[15]), df);
    rc = gidx__eff_set_scalar(r, "mean_control_pre", m[0] / c[0]);
    if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "mean_control_post", m[1] / c[1]);
    if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "mean_treated_pre", m[2] / c[2]);
    if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "mean_treated_post", m[3] / c[3]);
    if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "treat_time", T);
    r->path_constant = 1;
done:
    free(grp); free(pre_ok); free(post_ok); free(beta); free(cov);
    design_free(&d);
    return rc;
}

/* First treated period of each unit (NaN = never) for twfe and event. */
static gidx_status unit_adoption(double *g, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    size_t i, u;
    gidx_status rc;
    for (u = 0; u < p->nunits; u++)
        g[u] = gidx__nan();
    if (o->group_col && o->group_col[0]) {
        const double *gc;
        if ((rc = gidx__eff_var(&gc, p, o->group_col, "group")) != GIDX_OK)
            return rc;
        for (i = 0; i < p->n; i++) {
            u = p->uidx[i];
            if (!gidx__isfinite(gc[i]))
                continue;
            if (gc[i] != 0 && isnan(g[u]))
                g[u] = gc[i];
            else if (gc[i] != 0 && g[u] != gc[i])
                return gidx__error_set(GIDX_EDATA, "effects: group column \"%s\" changes within unit \"%s\" (%g and %g)",
                                       o->group_col, p->units[u], g[u], gc[i]);
        }
        return GIDX_OK;
    }
    if (o->treat_col && o->treat_col[0] && !gidx__isfinite(o->treat_time)) {
        /* a 0/1 dummy D_it: adoption is the first period with D = 1 */
        const double *dc;
        if ((rc = gidx__eff_var(&dc, p, o->treat_col, "treatment")) != GIDX_OK)
            return rc;
        for (i = 0; i < p->n; i++) {
            u = p->uidx[i];
            if (gidx__isfinite(dc[i]) && dc[i] != 0 && (isnan(g[u]) || p->times[p->tidx[i]] < g[u]))
                g[u] = p->times[p->tidx[i]];
        }
        return GIDX_OK;
    }
    {
        int *grp = gidx__calloc(p->nunits + 1, sizeof *grp);
        if (grp == NULL)
            return GIDX_ENOMEM;
        if (!gidx__isfinite(o->treat_time)) {
            free(grp);
            return gidx__error_set(GIDX_EINVAL, "effects: give the treatment time with the treated unit(s)");
        }
        rc = unit_groups(grp, p, o);
        for (u = 0; rc == GIDX_OK && u < p->nunits; u++)
            if (grp[u])
                g[u] = o->treat_time;
        free(grp);
        return rc;
    }
}

static gidx_status split_covariates(char ***cov, size_t *ncov, const double ***cx,
                                    const gidx_effect_panel *p, const char *list)
{
    size_t j;
    gidx_status rc;
    *cx = NULL;
    if ((rc = gidx__eff_split(cov, ncov, list)) != GIDX_OK)
        return rc;
    *cx = gidx__calloc(*ncov + 1, sizeof **cx);
    if (*cx == NULL)
        return GIDX_ENOMEM;
    for (j = 0; j < *ncov; j++)
        if ((rc = gidx__eff_var(&(*cx)[j], p, (*cov)[j], "covariate")) != GIDX_OK)
            return rc;
    return GIDX_OK;
}

gidx_status gidx__eff_twfe(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    const double *y, **cx = NULL, *dcol = NULL;
    char **cov = NULL;
    size_t ncov = 0, i, j, k, nev = 0;
    double *g = NULL, *beta = NULL, *vc = NULL, df, emin = 0, emax = 0;
    design d;
    gidx_status rc;
    int event = r->method == GIDX_EFFECT_EVENT, any_pre = 0;

    memset(&d, 0, sizeof d);
    if ((rc = gidx__eff_var(&y, p, o->outcome, "outcome")) != GIDX_OK)
        return rc;
    if ((rc = split_covariates(&cov, &ncov, &cx, p, o->covariates)) != GIDX_OK)
        goto done;
    g = gidx__malloc((p->nunits + 1) * sizeof *g);
    if (g == NULL) { rc = GIDX_ENOMEM; goto done; }
    if ((rc = unit_adoption(g, p, o)) != GIDX_OK)
        goto done;
    {
        size_t ntr = 0;
        for (i = 0; i < p->nunits; i++)
            ntr += !isnan(g[i]);
        if (ntr == 0) {
            rc = gidx__error_set(GIDX_EDATA, "%s: no treated units", event ? "event" : "twfe");
            goto done;
        }
    }
    if (event) {
        int first = 1;
        for (i = 0; i < p->n; i++) {
            double gu = g[p->uidx[i]], e;
            if (isnan(gu))
                continue;
            e = p->times[p->tidx[i]] - gu;
            if (first || e < emin) emin = e;
            if (first || e > emax) emax = e;
            first = 0;
            if (e < 0)
                any_pre = 1;
        }
        if (o->ref_period >= 0) {
            rc = gidx__error_set(GIDX_EINVAL, "event: the reference period must be negative (got %d)", o->ref_period);
            goto done;
        }
        if (!any_pre) {
            rc = gidx__error_set(GIDX_ETOOSHORT, "event: too few pre-periods: no treated unit is observed before adoption");
            goto done;
        }
        if ((double)o->ref_period < emin || (double)o->ref_period > emax) {
            rc = gidx__error_set(GIDX_EINVAL, "event: reference period %d is outside the event times %g..%g",
                                 o->ref_period, emin, emax);
            goto done;
        }
        nev = (size_t)(emax - emin) + 1 - 1;
    }
    k = (event ? nev : 1) + ncov;
    if ((rc = design_alloc(&d, p->n, k)) != GIDX_OK)
        goto done;
    if (!event && o->treat_col && o->treat_col[0] && !gidx__isfinite(o->treat_time) &&
        !(o->group_col && o->group_col[0]) &&
        (rc = gidx__eff_var(&dcol, p, o->treat_col, "treatment")) != GIDX_OK)
        goto done;
    if (event) {
        size_t c = 0;
        double e;
        char name[48];
        for (e = emin; e <= emax; e += 1) {
            if (e == (double)o->ref_period)
                continue;
            snprintf(name, sizeof name, "e%+.0f", e);
            if (e == 0) snprintf(name, sizeof name, "e0");
            if ((rc = set_name(&d, c, name)) != GIDX_OK)
                goto done;
            c++;
        }
    } else if ((rc = set_name(&d, 0, "treat")) != GIDX_OK) {
        goto done;
    }
    for (j = 0; j < ncov; j++)
        if ((rc = set_name(&d, k - ncov + j, cov[j])) != GIDX_OK)
            goto done;
    for (i = 0; i < p->n; i++) {
        double *x = d.X + d.n * k, gu = g[p->uidx[i]], t = p->times[p->tidx[i]];
        int ok = gidx__isfinite(y[i]);
        for (j = 0; j < ncov; j++)
            ok = ok && gidx__isfinite(cx[j][i]);
        if (!ok)
            continue;
        memset(x, 0, k * sizeof *x);
        if (event) {
            if (!isnan(gu)) {
                double e = t - gu;
                if (e != (double)o->ref_period) {
                    size_t c = (size_t)(e - emin);
                    if (e > (double)o->ref_period) c--;
                    x[c] = 1;
                }
            }
        } else if (dcol != NULL) {
            if (!gidx__isfinite(dcol[i]))
                continue;
            x[0] = dcol[i];
        } else {
            x[0] = (!isnan(gu) && t >= gu) ? 1.0 : 0.0;
        }
        for (j = 0; j < ncov; j++)
            x[k - ncov + j] = cx[j][i];
        d.y[d.n] = y[i];
        d.unit[d.n] = p->uidx[i];
        d.time[d.n] = p->tidx[i];
        d.row[d.n] = i;
        d.n++;
    }
    if ((rc = compact_ids(&d, p)) != GIDX_OK)
        goto done;
    if ((rc = fit_store(r, &d, 1, 1, se_kind(o, GIDX_EFFECT_SE_CLUSTER), &beta, &vc, &df)) != GIDX_OK)
        goto done;
    if (!event) {
        gidx__eff_set_main(r, beta[0], sqrt(vc[0]), df);
        r->path_constant = 1;
    } else {
        /* headline: the mean of the post coefficients e >= 0 */
        size_t a = (size_t)(0 - emin) - (0 > o->ref_period ? 1 : 0), npost = (size_t)emax + 1, l;
        double est = 0, var = 0;
        if (emax < 0) {
            rc = gidx__error_set(GIDX_ETOOSHORT, "event: no post-adoption period is observed");
            goto done;
        }
        r->path = gidx__malloc(npost * sizeof *r->path);
        if (r->path == NULL) { rc = GIDX_ENOMEM; goto done; }
        r->npath = npost;
        for (j = 0; j < npost; j++) {
            r->path[j] = beta[a + j];
            est += beta[a + j] / (double)npost;
            for (l = 0; l < npost; l++)
                var += vc[(a + j) * k + a + l] / ((double)npost * (double)npost);
        }
        gidx__eff_set_main(r, est, sqrt(var), df);
    }
done:
    gidx__eff_free_list(cov, ncov);
    free((void *)cx); free(g); free(beta); free(vc);
    design_free(&d);
    return rc;
}

gidx_status gidx__eff_fe(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    const double *y, **cx = NULL;
    char **cov = NULL;
    size_t ncov = 0, i, j;
    double *beta = NULL, *vc = NULL, df;
    design d;
    gidx_status rc;

    memset(&d, 0, sizeof d);
    if ((rc = gidx__eff_var(&y, p, o->outcome, "outcome")) != GIDX_OK)
        return rc;
    if ((rc = split_covariates(&cov, &ncov, &cx, p, o->covariates)) != GIDX_OK)
        goto done;
    if (ncov == 0) {
        rc = gidx__error_set(GIDX_EINVAL, "fe: give the regressors as covariates");
        goto done;
    }
    if ((rc = design_alloc(&d, p->n, ncov)) != GIDX_OK)
        goto done;
    for (j = 0; j < ncov; j++)
        if ((rc = set_name(&d, j, cov[j])) != GIDX_OK)
            goto done;
    for (i = 0; i < p->n; i++) {
        int ok = gidx__isfinite(y[i]);
        for (j = 0; j < ncov; j++)
            ok = ok && gidx__isfinite(cx[j][i]);
        if (!ok)
            continue;
        for (j = 0; j < ncov; j++)
            d.X[d.n * ncov + j] = cx[j][i];
        d.y[d.n] = y[i];
        d.unit[d.n] = p->uidx[i];
        d.time[d.n] = p->tidx[i];
        d.row[d.n] = i;
        d.n++;
    }
    if ((rc = compact_ids(&d, p)) != GIDX_OK)
        goto done;
    if ((rc = fit_store(r, &d, 1, o->twoways, se_kind(o, GIDX_EFFECT_SE_CLASSICAL), &beta, &vc, &df)) != GIDX_OK)
        goto done;
    gidx__eff_set_main(r, beta[0], sqrt(vc[0]), df);
    r->path_constant = 1;
done:
    gidx__eff_free_list(cov, ncov);
    free((void *)cx); free(beta); free(vc);
    design_free(&d);
    return rc;
}
