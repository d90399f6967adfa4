/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Staggered adoption: Callaway & Sant'Anna (2021), "Difference-in-
 * differences with multiple time periods", J. Econometrics 225(2), 200-230.
 * Unconditional group-time effects on a balanced panel,
 *     ATT(g,t) = E[Y_t - Y_b | G = g] - E[Y_t - Y_b | C],
 * with base period b = g - 1 for t >= g and b = t - 1 for t < g (the R
 * package did's "varying" base), C = never-treated units or, with the
 * not-yet-treated option, units with G = 0 or G > max(t, b). Influence
 * functions n [1(G=g)(dY - m_g)/n_g - 1(C)(dY - m_c)/n_c]; aggregations as
 * in their sec. 3.1 (did::aggte): simple (weights P(G=g) over post cells),
 * group, dynamic (event time) and calendar, with the influence function of
 * the estimated weights. Standard errors by the multiplier bootstrap of their
 * sec. 4 with Mammen (1993) weights: se = IQR of sqrt(n) mean(v IF) /
 * (z_.75 - z_.25) / sqrt(n).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

typedef struct cell { double g, t, att, pg; } cell;

/* bootstrap se of each column of IF (n x m, column-major per cell) */
static gidx_status boot_se(double *se, const double *IF, size_t n, size_t m, size_t B, gidx__rng *rng)
{
    double *v = gidx__malloc(n * sizeof *v), *res = gidx__malloc(B * m * sizeof *res), *col = gidx__malloc(B * sizeof *col);
    const double k1 = (1 - sqrt(5.0)) / 2, k2 = (1 + sqrt(5.0)) / 2, pk = (sqrt(5.0) + 1) / (2 * sqrt(5.0));
    double zq = gsl_cdf_ugaussian_Pinv(0.75) - gsl_cdf_ugaussian_Pinv(0.25);
    size_t b, i, j;
    if (!v || !res || !col) { free(v); free(res); free(col); return GIDX_ENOMEM; }
    for (b = 0; b < B; b++) {
        for (i = 0; i < n; i++) v[i] = gidx__rng_uniform(rng) < pk ? k1 : k2;
        for (j = 0; j < m; j++) {
            double s = 0;
            for (i = 0; i < n; i++) s += v[i] * IF[j * n + i];
            res[j * B + b] = sqrt((double)n) * s / (double)n;
        }
    }
    for (j = 0; j < m; j++) {
        memcpy(col, res + j * B, B * sizeof *col);
        gsl_sort(col, 1, B);
        /* type-1 quantiles, as did::mboot */
        se[j] = (col[(size_t)ceil(0.75 * (double)B) - 1] - col[(size_t)ceil(0.25 * (double)B) - 1]) / zq / sqrt((double)n);
    }
    free(v); free(res); free(col);
    return GIDX_OK;
}

/* Aggregate cells idx[0..nk) with weights pg (normalised); wif when use_wif. Writes IF into out (n). */
static double aggregate(double *out, const cell *c, const double *IF, const size_t *idx, size_t nk,
                        const double *G, size_t n, int use_wif)
{
    double sp = 0, est = 0;
    size_t a, i;
    for (a = 0; a < nk; a++) sp += c[idx[a]].pg;
    memset(out, 0, n * sizeof *out);
    for (a = 0; a < nk; a++) {
        double w = c[idx[a]].pg / sp;
        est += w * c[idx[a]].att;
        for (i = 0; i < n; i++) out[i] += w * IF[idx[a] * n + i];
    }
    if (use_wif)
        for (i = 0; i < n; i++) {
            double s2 = 0, wf = 0;
            for (a = 0; a < nk; a++) s2 += (G[i] == c[idx[a]].g) - c[idx[a]].pg;
            for (a = 0; a < nk; a++) {
                double if1 = ((G[i] == c[idx[a]].g) - c[idx[a]].pg) / sp;
                double if2 = s2 * c[idx[a]].pg / (sp * sp);
                wf += (if1 - if2) * c[idx[a]].att;
            }
            out[i] += wf;
        }
    return est;
}

/*
 * One 2x2 cell by outcome regression (Sant'Anna & Zhao 2020, J. Econometrics
 * 219(1), eq. 2.2; DRDID::reg_did_panel): dY = Y_t - Y_b regressed on
 * X = [1, covariates at the base period] among the controls; ATT = mean over
 * group g of dY - X'beta. Without covariates this is the difference of mean
 * changes. IF (length n, scaled to all units as did::compute.att_gt does)
 * includes the estimation effect of beta. ws: 5n + 4k^2 + 8k doubles.
 */
static gidx_status or_cell(double *IF, double *att, double *ncontrol, const double *Y, const double *G,
                           const double *const *cx, size_t ncov, const gidx_effect_panel *p, double g,
                           double tt, size_t b, size_t t, int notyet, double *ws)
{
    size_t n = p->nunits, T = p->ntimes, k = ncov + 1, u, i, j;
    double *dy = ws, *role = dy + n, *fit = role + n, *XtX = fit + n, *Xty = XtX + k * k,
           *beta = Xty + k, *M1 = beta + k, *x = M1 + k, *col = x + k, *sol = col + k;
    double n1 = 0, n0 = 0, nsub, eta_t = 0, eta_c = 0, base = p->times[b];
    memset(XtX, 0, k * k * sizeof *XtX);
    memset(Xty, 0, k * sizeof *Xty);
    memset(M1, 0, k * sizeof *M1);
    for (u = 0; u < n; u++) {
        long row = p->cell[u * T + b];
        dy[u] = Y[u * T + t] - Y[u * T + b];
        role[u] = G[u] == g ? 1.0
                : (notyet ? (G[u] == 0 || (G[u] > fmax(tt, base) && G[u] != g)) : (G[u] == 0)) ? -1.0 : 0.0;
        if (role[u] == 0)
            continue;
        x[0] = 1;
        for (j = 0; j < ncov; j++) {
            x[j + 1] = cx[j][row];
            if (!gidx__isfinite(x[j + 1]))
                return gidx__error_set(GIDX_EDATA, "csdid: covariate %zu of unit \"%s\" is missing in %g",
                                       j + 1, p->units[u], base);
        }
        if (role[u] > 0) {
            n1++;
            for (i = 0; i < k; i++) M1[i] += x[i];
        } else {
            n0++;
            for (i = 0; i < k; i++) {
                Xty[i] += x[i] * dy[u];
                for (j = 0; j < k; j++) XtX[i * k + j] += x[i] * x[j];
            }
        }
    }
    if (n0 == 0)
        return gidx__error_set(GIDX_EDATA, "csdid: no control units for group %g at time %g", g, tt);
    if (n1 == 0)
        return gidx__error_set(GIDX_EDATA, "csdid: group %g has no units", g);
    nsub = n1 + n0;
    if (gidx_linalg_solve(beta, XtX, Xty, k) != GIDX_OK)
        return gidx__error_set(GIDX_ESINGULAR, "csdid: singular outcome regression among the controls of cell (g=%g, t=%g): "
                               "a covariate is constant or collinear there", g, tt);
    /* asy.lin.rep.ols %*% M1 of DRDID, with XpX = X'X / nsub and M1 = sum_treated X / nsub */
    for (i = 0; i < k; i++) col[i] = M1[i];
    if (gidx_linalg_solve(sol, XtX, col, k) != GIDX_OK)
        return gidx__error_set(GIDX_ESINGULAR, "csdid: singular outcome regression in cell (g=%g, t=%g)", g, tt);
    for (u = 0; u < n; u++) {
        long row = p->cell[u * T + b];
        double f = 0;
        x[0] = 1;
        for (j = 0; j < ncov; j++) x[j + 1] = cx[j][row];
        for (i = 0; i < k; i++) f += x[i] * beta[i];
        fit[u] = f;
        if (role[u] > 0) { eta_t += dy[u]; eta_c += f; }
        /* x' (X'X)^-1 sum_treated X: the estimation effect of beta (nsub cancels) */
        f = 0;
        for (i = 0; i < k; i++) f += x[i] * sol[i];
        IF[u] = f;  /* temporarily: the projection weight of unit u */
    }
    eta_t /= n1;
    eta_c /= n1;
    for (u = 0; u < n; u++) {
        double v = 0, md = n1 / nsub;
        if (role[u] > 0)
            v = (dy[u] - eta_t) / md - (fit[u] - eta_c) / md;
        else if (role[u] < 0)
            v = -(dy[u] - fit[u]) * IF[u] / md;
        IF[u] = v * (double)n / nsub;
    }
    *att = eta_t - eta_c;
    *ncontrol = n0;
    return GIDX_OK;
}

gidx_status gidx__eff_csdid(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    const double *y, *gc;
    size_t n = p->nunits, T = p->ntimes, i, t, u, a, nc = 0, ng = 0, B = o->nboot ? o->nboot : 1000;
    double *Y = NULL, *G = NULL, *IF = NULL, *se = NULL, *glist = NULL, *tmp = NULL;
    size_t *idx = NULL;
    cell *c = NULL;
    gidx__rng *rng = NULL;
    char **cov = NULL;
    size_t ncov = 0;
    const double **cx = NULL;
    double *orw = NULL;
    gidx_status rc;

    if ((rc = gidx__eff_var(&y, p, o->outcome, "outcome")) != GIDX_OK) return rc;
    if ((rc = gidx__eff_var(&gc, p, o->group_col, "group")) != GIDX_OK) return rc;
    if ((rc = gidx__eff_split(&cov, &ncov, o->covariates)) != GIDX_OK) return rc;
    cx = gidx__calloc(ncov + 1, sizeof *cx);
    if (cx == NULL) { rc = GIDX_ENOMEM; goto done; }
    for (i = 0; i < ncov; i++)
        if ((rc = gidx__eff_var(&cx[i], p, cov[i], "covariate")) != GIDX_OK) goto done;
    Y = gidx__malloc(n * T * sizeof *Y);
    G = gidx__malloc(n * sizeof *G);
    glist = gidx__malloc((T + 1) * sizeof *glist);
    c = gidx__malloc((T * T + 1) * sizeof *c);
    if (!Y || !G || !glist || !c) { rc = GIDX_ENOMEM; goto done; }
    for (u = 0; u < n; u++) {
        G[u] = gidx__nan();
        for (t = 0; t < T; t++) {
            long row = p->cell[u * T + t];
            if (row < 0 || !gidx__isfinite(y[row])) {
                rc = gidx__error_set(GIDX_EDATA, "csdid: unbalanced panel: outcome \"%s\" of unit \"%s\" is missing in %g",
                                     o->outcome, p->units[u], p->times[t]);
                goto done;
            }
            Y[u * T + t] = y[row];
            if (!gidx__isfinite(gc[row])) {
                rc = gidx__error_set(GIDX_EDATA, "csdid: group \"%s\" of unit \"%s\" is missing in %g",
                                     o->group_col, p->units[u], p->times[t]);
                goto done;
            }
            if (isnan(G[u])) G[u] = gc[row];
            else if (G[u] != gc[row]) {
                rc = gidx__error_set(GIDX_EDATA, "csdid: group column \"%s\" changes within unit \"%s\"", o->group_col, p->units[u]);
                goto done;
            }
        }
        /* adoption after the last period is never observed: never treated
         * (as the did package does); groups treated in the first period
         * have no pre-period and are left out of groups and controls */
        if (G[u] > p->times[T - 1])
            G[u] = 0;
        if (G[u] != 0) {
            size_t q;
            int seen = 0;
            for (q = 0; q < ng; q++) seen |= glist[q] == G[u];
            if (!seen && G[u] > p->times[0] && ng < T) glist[ng++] = G[u];
        }
    }
    gsl_sort(glist, 1, ng);
    if (ng == 0) { rc = gidx__error_set(GIDX_EDATA, "csdid: no treated group adopts after the first period %g", p->times[0]); goto done; }
    IF = gidx__calloc(ng * T * n + 1, sizeof *IF);
    orw = gidx__malloc((5 * n + 4 * (ncov + 1) * (ncov + 1) + 8 * (ncov + 1) + 8) * sizeof *orw);
    if (!IF || !orw) { rc = GIDX_ENOMEM; goto done; }
    for (a = 0; a < ng; a++) {
        double g = glist[a], pg = 0;
        for (u = 0; u < n; u++) pg += (G[u] == g);
        pg /= (double)n;
        for (t = 1; t < T; t++) {
            double tt = p->times[t], base, m1 = 0, m0 = 0, n1 = 0, n0 = 0;
            size_t b;
            if (tt >= g) {
                for (b = 0; b < T && p->times[b] < g; b++) ;
                if (b == 0) continue;
                b--;
            } else {
                b = t - 1;
            }
            base = p->times[b];
            if ((rc = or_cell(IF + nc * n, &m1, &n0, Y, G, cx, ncov, p, g, tt, b, t,
                              o->control == GIDX_EFFECT_CONTROL_NOTYET, orw)) != GIDX_OK)
                goto done;
            (void)m0; (void)n1; (void)base;
            c[nc].g = g; c[nc].t = tt; c[nc].att = m1; c[nc].pg = pg;
            nc++;
        }
    }
    /* aggregations: IF columns appended after the cells */
    {
        size_t nagg = 4 + ng + 2 * T + T, col = 0, q;
        double e, emin = HUGE_VAL, emax = -HUGE_VAL;
        double *all;
        double *vals;
        const char **kinds;
        double *keys;
        double *A;
        all = gidx__calloc((nc + nagg) * n + 1, sizeof *all);
        vals = gidx__calloc(nagg + 1, sizeof *vals);
        keys = gidx__calloc(nagg + 1, sizeof *keys);
        kinds = gidx__calloc(nagg + 1, sizeof *kinds);
        idx = gidx__malloc((nc + 1) * sizeof *idx);
        tmp = gidx__malloc((ng + 1) * n * sizeof *tmp);
        se = gidx__malloc((nc + nagg + 1) * sizeof *se);
        rng = gidx__rng_new(o->seed);
        if (!all || !vals || !keys || !kinds || !idx || !tmp || !se || !rng) {
            free(all); free(vals); free(keys); free((void *)kinds);
            rc = GIDX_ENOMEM; goto done;
        }
        memcpy(all, IF, nc * n * sizeof *IF);
        A = all + nc * n;
        /* simple */
        {
            size_t k = 0;
            for (q = 0; q < nc; q++) if (c[q].t >= c[q].g) idx[k++] = q;
            vals[col] = aggregate(A + col * n, c, IF, idx, k, G, n, 1); kinds[col] = "simple"; col++;
        }
        /* group */
        {
            cell *gcell = gidx__malloc((ng + 1) * sizeof *gcell);
            double *gif = tmp;
            size_t gi;
            if (!gcell) { rc = GIDX_ENOMEM; free(all); free(vals); free(keys); free((void *)kinds); goto done; }
            for (gi = 0; gi < ng; gi++) {
                size_t k = 0;
                for (q = 0; q < nc; q++) if (c[q].g == glist[gi] && c[q].t >= c[q].g) idx[k++] = q;
                gcell[gi].att = aggregate(gif + gi * n, c, IF, idx, k, G, n, 0);
                gcell[gi].g = glist[gi];
                gcell[gi].pg = c[idx[0]].pg;
                vals[col] = gcell[gi].att; keys[col] = glist[gi]; kinds[col] = "group";
                memcpy(A + col * n, gif + gi * n, n * sizeof *A);
                col++;
            }
            for (gi = 0; gi < ng; gi++) idx[gi] = gi;
            vals[col] = aggregate(A + col * n, gcell, gif, idx, ng, G, n, 1); kinds[col] = "group_overall"; col++;
            free(gcell);
        }
        /* dynamic */
        {
            size_t first = col, npost = 0;
            for (q = 0; q < nc; q++) { e = c[q].t - c[q].g; emin = fmin(emin, e); emax = fmax(emax, e); }
            for (e = emin; e <= emax; e += 1) {
                size_t k = 0;
                for (q = 0; q < nc; q++) if (c[q].t - c[q].g == e) idx[k++] = q;
                if (k == 0) continue;
                vals[col] = aggregate(A + col * n, c, IF, idx, k, G, n, 1); keys[col] = e; kinds[col] = "dynamic"; col++;
            }
            memset(A + col * n, 0, n * sizeof *A);
            vals[col] = 0;
            for (q = first; q < col; q++) if (keys[q] >= 0) npost++;
            for (q = first; q < col; q++)
                if (keys[q] >= 0) {
                    vals[col] += vals[q] / (double)npost;
                    for (i = 0; i < n; i++) A[col * n + i] += A[q * n + i] / (double)npost;
                }
            kinds[col] = "dynamic_overall"; col++;
        }
        /* calendar */
        {
            size_t first = col, nt = 0;
            for (t = 0; t < T; t++) {
                size_t k = 0;
                if (p->times[t] < glist[0]) continue;
                for (q = 0; q < nc; q++) if (c[q].t == p->times[t] && c[q].t >= c[q].g) idx[k++] = q;
                if (k == 0) continue;
                vals[col] = aggregate(A + col * n, c, IF, idx, k, G, n, 1); keys[col] = p->times[t]; kinds[col] = "calendar"; col++;
            }
            nt = col - first;
            memset(A + col * n, 0, n * sizeof *A);
            vals[col] = 0;
            for (q = first; q < col; q++) {
                vals[col] += vals[q] / (double)nt;
                for (i = 0; i < n; i++) A[col * n + i] += A[q * n + i] / (double)nt;
            }
            kinds[col] = "calendar_overall"; col++;
        }
        rc = boot_se(se, all, n, nc + col, B, rng);
        for (q = 0; rc == GIDX_OK && q < nc; q++)
            rc = gidx__eff_add_row(r, "att_gt", "", NULL, c[q].g, c[q].t, c[q].att, se[q]);
        for (q = 0; rc == GIDX_OK && q < col; q++) {
            double s = se[nc + q];
            if (strcmp(kinds[q], "simple") == 0) {
                rc = gidx__eff_set_scalar(r, "att_simple", vals[q]);
                if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "att_simple_se", s);
                gidx__eff_set_main(r, vals[q], s, 0);
            } else if (strcmp(kinds[q], "group") == 0) {
                rc = gidx__eff_add_row(r, "group", "", NULL, keys[q], gidx__nan(), vals[q], s);
            } else if (strcmp(kinds[q], "dynamic") == 0) {
                rc = gidx__eff_add_row(r, "dynamic", "", NULL, gidx__nan(), keys[q], vals[q], s);
            } else if (strcmp(kinds[q], "calendar") == 0) {
                rc = gidx__eff_add_row(r, "calendar", "", NULL, gidx__nan(), keys[q], vals[q], s);
            } else {
                const char *nm = strcmp(kinds[q], "group_overall") == 0 ? "att_group"
                               : strcmp(kinds[q], "dynamic_overall") == 0 ? "att_dynamic" : "att_calendar";
                char k2[32];
                rc = gidx__eff_set_scalar(r, nm, vals[q]);
                strcpy(k2, nm);
                strcat(k2, "_se");
                if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, k2, s);
            }
        }
        /* the path: dynamic ATT(e) for e = 0, 1, ... */
        if (rc == GIDX_OK) {
            size_t np = 0;
            r->path = gidx__malloc((col + 1) * sizeof *r->path);
            if (r->path == NULL) rc = GIDX_ENOMEM;
            for (q = 0; rc == GIDX_OK && q < col; q++)
                if (strcmp(kinds[q], "dynamic") == 0 && keys[q] >= 0) r->path[np++] = vals[q];
            r->npath = np;
        }
        if (rc == GIDX_OK) rc = gidx__eff_set_scalar(r, "nobs", (double)n);
        free(all); free(vals); free(keys); free((void *)kinds);
    }
done:
    gidx__eff_free_list(cov, ncov);
    free((void *)cx); free(orw);
    free(Y); free(G); free(IF); free(se); free(glist); free(tmp); free(idx); free(c);
    gidx__rng_free(rng);
    return rc;
}
