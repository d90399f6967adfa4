/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Synthetic control (Abadie & Gardeazabal 2003, AER 93(1); Abadie, Diamond &
 * Hainmueller 2010, JASA 105(490); Abadie, Diamond & Hainmueller 2011, the
 * Synth package, J. Stat. Software 42(13)).
 *
 * Predictors X (k x units) are period means of covariates and lagged
 * outcomes, each row divided by its standard deviation across the treated
 * unit and the donors (as Synth does). For a diagonal V >= 0 with trace 1,
 * the donor weights are
 *     W*(V) = argmin_{W in simplex} (X1 - X0 W)' V (X1 - X0 W)
 * (simplex_ls.c), and V minimises the pre-period outcome MSPE
 *     L(V) = |Z1 - Z0 W*(V)|^2 / m.
 * Like Synth's optim() call, V is parameterised by unconstrained v with
 * V = |v| / sum|v| and searched by Nelder-Mead (GSL nmsimplex2) from several
 * starts: equal weights, Synth's regression-based start (diag of B B' with B
 * the coefficients of the pre-period outcomes on the scaled predictors) and
 * seeded random starts; the best is kept. V is not identified in general
 * (many V give the same W), so the V reported is one minimiser among many.
 *
 * Inference: placebo-in-space (ADH 2010, sec. 4): every donor in turn is
 * treated with the other donors as its pool; p = share of units whose
 * post/pre MSPE ratio is at least the treated unit's. Leave-one-out (Abadie
 * 2021, JEL 59(2), sec. 7): refit without each donor of positive weight.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_errno.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

typedef struct spec_item {
    char *var;
    double from, to;
} spec_item;

typedef struct sc_data {
    size_t k, m;            /* predictors, MSPE pre-periods */
    size_t nu;              /* all units */
    double *X;              /* k x nu raw predictors */
    double *Y;              /* nu x ntimes outcomes */
    size_t ntimes, npre;    /* periods; the first npre are pre-treatment */
    size_t mfirst;          /* first period of the MSPE window */
} sc_data;

typedef struct sc_fit_ws {
    const sc_data *D;
    size_t tr, J;
    const size_t *don;
    double *X1, *X0, *Z1, *Z0, *A, *b, *w, *work, *V;
} sc_fit_ws;

static double sc_loss_v(const gsl_vector *v, void *params)
{
    sc_fit_ws *F = params;
    size_t k = F->D->k, J = F->J, m = F->D->m, i, j;
    double s = 0, loss = 0;
    for (i = 0; i < k; i++)
        s += fabs(gsl_vector_get(v, i));
    if (!(s > 0) || !gidx__isfinite(s))
        return 1e300;
    for (i = 0; i < k; i++) {
        double sv = sqrt(fabs(gsl_vector_get(v, i)) / s);
        for (j = 0; j < J; j++)
            F->A[i * J + j] = sv * F->X0[i * J + j];
        F->b[i] = sv * F->X1[i];
    }
    if (gidx__eff_simplex_ls(F->w, F->A, F->b, k, J, F->work) != GIDX_OK)
        return 1e300;
    for (i = 0; i < m; i++) {
        double g = F->Z1[i];
        for (j = 0; j < J; j++)
            g -= F->Z0[i * J + j] * F->w[j];
        loss += g * g;
    }
    return loss / (double)m;
}

/* Fit treated unit tr against donors don[J]: weights w (J), V (k), loss. */
static gidx_status sc_fit(double *w_out, double *v_out, double *loss_out, const sc_data *D, size_t tr,
                          const size_t *don, size_t J, size_t nstarts, unsigned long seed)
{
    sc_fit_ws F;
    size_t k = D->k, m = D->m, i, j, s, ncol = J + 1;
    double *mem, best = HUGE_VAL;
    gsl_multimin_fminimizer *mn = NULL;
    gsl_vector *x0 = NULL, *step = NULL;
    gsl_multimin_function fn;
    gidx__rng *rng = NULL;
    gidx_status rc = GIDX_OK;

    memset(&F, 0, sizeof F);
    F.D = D; F.tr = tr; F.J = J; F.don = don;
    mem = gidx__malloc((k + k * J + m + m * J + k * J + k + J + k + gidx__eff_simplex_ls_work(k, J) + 8) * sizeof *mem);
    if (mem == NULL)
        return GIDX_ENOMEM;
    F.X1 = mem; F.X0 = F.X1 + k; F.Z1 = F.X0 + k * J; F.Z0 = F.Z1 + m; F.A = F.Z0 + m * J;
    F.b = F.A + k * J; F.w = F.b + k; F.V = F.w + J; F.work = F.V + k;
    /* scale each predictor by its sd over the treated unit and donors */
    for (i = 0; i < k; i++) {
        double mean = 0, var = 0, sd;
        mean = D->X[i * D->nu + tr];
        for (j = 0; j < J; j++)
            mean += D->X[i * D->nu + don[j]];
        mean /= (double)ncol;
        var = pow(D->X[i * D->nu + tr] - mean, 2);
        for (j = 0; j < J; j++)
            var += pow(D->X[i * D->nu + don[j]] - mean, 2);
        sd = sqrt(var / (double)(ncol - 1));
        if (!(sd > 0))
            sd = 1;
        F.X1[i] = D->X[i * D->nu + tr] / sd;
        for (j = 0; j < J; j++)
            F.X0[i * J + j] = D->X[i * D->nu + don[j]] / sd;
    }
    for (i = 0; i < m; i++) {
        size_t t = D->mfirst + i;
        F.Z1[i] = D->Y[tr * D->ntimes + t];
        for (j = 0; j < J; j++)
            F.Z0[i * J + j] = D->Y[don[j] * D->ntimes + t];
    }
    if (k == 1) {
        gsl_vector_view one;
        double v1 = 1;
        one = gsl_vector_view_array(&v1, 1);
        *loss_out = sc_loss_v(&one.vector, &F);
        memcpy(w_out, F.w, J * sizeof *w_out);
        v_out[0] = 1;
        free(mem);
        return *loss_out < 1e300 ? GIDX_OK : gidx__error_set(GIDX_ENUMERIC, "synthetic control: fit failed");
    }
    fn.n = k;
    fn.f = sc_loss_v;
    fn.params = &F;
    mn = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, k);
    x0 = gsl_vector_alloc(k);
    step = gsl_vector_alloc(k);
    rng = gidx__rng_new(seed);
    if (!mn || !x0 || !step || !rng) {
        rc = gidx__error_set(GIDX_ENOMEM, "synthetic control: out of memory");
        goto done;
    }
    for (s = 0; s < nstarts; s++) {
        size_t it;
        int st;
        if (s == 0) {
            for (i = 0; i < k; i++) gsl_vector_set(x0, i, 1.0 / (double)k);
        } else if (s == 1) {
            /* Synth's regression start: B = (Xa'Xa)^-1 Xa' Za', Xa = [1, X'] over all fitted units */
            size_t n = ncol, p = k + 1, a, c, t;
            double *XtX = gidx__calloc(p * p, sizeof *XtX), *XtZ = gidx__calloc(p * m, sizeof *XtZ),
                   *col = gidx__malloc(p * sizeof *col), *sol = gidx__malloc(p * sizeof *sol), tot = 0;
            int okreg = XtX && XtZ && col && sol;
            for (a = 0; okreg && a < n; a++) {
                double xr[64];
                double *xa = p <= 64 ? xr : NULL;
                if (xa == NULL) { okreg = 0; break; }
                xa[0] = 1;
                for (i = 0; i < k; i++) xa[i + 1] = a == 0 ? F.X1[i] : F.X0[i * J + a - 1];
                for (i = 0; i < p; i++) {
                    for (c = 0; c < p; c++) XtX[i * p + c] += xa[i] * xa[c];
                    for (t = 0; t < m; t++)
                        XtZ[i * m + t] += xa[i] * (a == 0 ? F.Z1[t] : F.Z0[t * J + a - 1]);
                }
            }
            for (i = 0; i < k; i++) gsl_vector_set(x0, i, 0);
            for (t = 0; okreg && t < m; t++) {
                for (i = 0; i < p; i++) col[i] = XtZ[i * m + t];
                if (gidx_linalg_solve(sol, XtX, col, p) != GIDX_OK) { okreg = 0; break; }
                for (i = 0; i < k; i++)
                    gsl_vector_set(x0, i, gsl_vector_get(x0, i) + sol[i + 1] * sol[i + 1]);
            }
            for (i = 0; i < k; i++) tot += gsl_vector_get(x0, i);
            if (!okreg || !(tot > 0) || !gidx__isfinite(tot))
                for (i = 0; i < k; i++) gsl_vector_set(x0, i, 1.0 / (double)k);
            else
                for (i = 0; i < k; i++) gsl_vector_set(x0, i, gsl_vector_get(x0, i) / tot);
            free(XtX); free(XtZ); free(col); free(sol);
            gidx_error_clear();
        } else {
            double tot = 0;
            for (i = 0; i < k; i++) { gsl_vector_set(x0, i, gidx__rng_uniform(rng) + 1e-3); tot += gsl_vector_get(x0, i); }
            for (i = 0; i < k; i++) gsl_vector_set(x0, i, gsl_vector_get(x0, i) / tot);
        }
        /* Nelder-Mead, restarted from its own optimum until that stops
         * improving (restarts avoid the premature collapse of the simplex;
         * the initial simplex perturbs each coordinate by 5 %, as R's optim) */
        {
            size_t rs;
            double prevf = HUGE_VAL;
            for (rs = 0; rs < 6; rs++) {
                for (i = 0; i < k; i++)
                    gsl_vector_set(step, i, 0.05 * fmax(fabs(gsl_vector_get(x0, i)), 1e-3));
                if ((st = gsl_multimin_fminimizer_set(mn, &fn, x0, step)) != GSL_SUCCESS) {
                    rc = gidx__gsl_fail(st, "synthetic control: Nelder-Mead start");
                    goto done;
                }
                for (it = 0; it < 3000; it++) {
                    st = gsl_multimin_fminimizer_iterate(mn);
                    if (st != GSL_SUCCESS)
                        break;
                    if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(mn), 1e-9) == GSL_SUCCESS)
                        break;
                }
                gsl_vector_memcpy(x0, mn->x);
                if (mn->fval >= prevf - 1e-10 * fabs(prevf))
                    break;
                prevf = mn->fval;
            }
        }
        gidx_error_clear();
        if (mn->fval < best) {
            double tot = 0;
            best = mn->fval;
            for (i = 0; i < k; i++) tot += fabs(gsl_vector_get(mn->x, i));
            for (i = 0; i < k; i++) v_out[i] = fabs(gsl_vector_get(mn->x, i)) / tot;
        }
    }
    /* recompute W at the best V */
    for (i = 0; i < k; i++) gsl_vector_set(x0, i, v_out[i]);
    *loss_out = sc_loss_v(x0, &F);
    if (*loss_out >= 1e300)
        rc = gidx__error_set(GIDX_ENUMERIC, "synthetic control: no feasible donor weights");
    memcpy(w_out, F.w, J * sizeof *w_out);
done:
    gsl_multimin_fminimizer_free(mn);
    if (x0) gsl_vector_free(x0);
    if (step) gsl_vector_free(step);
    gidx__rng_free(rng);
    free(mem);
    return rc;
}

/* Gaps of unit tr against donors with weights w: all periods; pre/post MSPE. */
static void sc_gaps(double *gap, double *mspe_pre, double *mspe_post, const sc_data *D, size_t tr,
                    const size_t *don, const double *w, size_t J)
{
    size_t t, j;
    double a = 0, b = 0;
    for (t = 0; t < D->ntimes; t++) {
        double s = D->Y[tr * D->ntimes + t];
        for (j = 0; j < J; j++)
            s -= w[j] * D->Y[don[j] * D->ntimes + t];
        gap[t] = s;
        if (t < D->npre) a += s * s; else b += s * s;
    }
    *mspe_pre = a / (double)D->npre;
    *mspe_post = D->ntimes > D->npre ? b / (double)(D->ntimes - D->npre) : gidx__nan();
}

static void free_spec(spec_item *s, size_t n)
{
    size_t i;
    if (!s) return;
    for (i = 0; i < n; i++) free(s[i].var);
    free(s);
}

static gidx_status parse_spec(spec_item **out, size_t *nout, const char *spec)
{
    char **items;
    size_t n, i;
    spec_item *s;
    gidx_status rc = gidx__eff_split(&items, &n, spec);
    *out = NULL;
    *nout = 0;
    if (rc != GIDX_OK)
        return rc;
    s = gidx__calloc(n + 1, sizeof *s);
    if (s == NULL) { gidx__eff_free_list(items, n); return GIDX_ENOMEM; }
    for (i = 0; i < n; i++) {
        char *at = strchr(items[i], '@'), *dash, *end;
        if (at == NULL || at == items[i]) {
            rc = gidx__error_set(GIDX_EINVAL, "synth: predictor \"%s\" is not variable@FROM-TO or variable@YEAR", items[i]);
            break;
        }
        *at = '\0';
        s[i].var = gidx__strdup(items[i]);
        if (s[i].var == NULL) { rc = GIDX_ENOMEM; break; }
        dash = strchr(at + 1, '-');
        s[i].from = gidx__strtod(at + 1, &end);
        if (end == at + 1 || (dash ? end != dash : *end != '\0')) {
            rc = gidx__error_set(GIDX_EINVAL, "synth: predictor \"%s@%s\": bad period", items[i], at + 1);
            break;
        }
        s[i].to = s[i].from;
        if (dash) {
            s[i].to = gidx__strtod(dash + 1, &end);
            if (end == dash + 1 || *end != '\0' || s[i].to < s[i].from) {
                rc = gidx__error_set(GIDX_EINVAL, "synth: predictor \"%s@%s\": bad period", items[i], at + 1);
                break;
            }
        }
    }
    gidx__eff_free_list(items, n);
    if (rc != GIDX_OK) { free_spec(s, n); return rc; }
    *out = s;
    *nout = n;
    return GIDX_OK;
}

gidx_status gidx__eff_synth(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o)
{
    const double *y;
    char **tlist = NULL;
    size_t ntr = 0, i, j, t, u, J = 0, q, nstarts = o->nstarts ? o->nstarts : 4;
    size_t *tru = NULL, *don = NULL, *don2 = NULL;
    int *istr = NULL;
    spec_item *spec = NULL;
    size_t nspec = 0;
    sc_data D;
    double T = o->treat_time, *w = NULL, *w2 = NULL, *v = NULL, *gap = NULL, *ratio = NULL, loss;
    double main_est = 0;
    char lab[96];
    gidx_status rc;

    memset(&D, 0, sizeof D);
    if ((rc = gidx__eff_var(&y, p, o->outcome, "outcome")) != GIDX_OK)
        return rc;
    if (!gidx__isfinite(T))
        return gidx__error_set(GIDX_EINVAL, "synth: give the treatment time");
    istr = gidx__calloc(p->nunits + 1, sizeof *istr);
    if (istr == NULL) return GIDX_ENOMEM;
    if (o->treated && o->treated[0]) {
        if ((rc = gidx__eff_split(&tlist, &ntr, o->treated)) != GIDX_OK) goto done;
        tru = gidx__malloc((ntr + 1) * sizeof *tru);
        if (tru == NULL) { rc = GIDX_ENOMEM; goto done; }
        for (i = 0; i < ntr; i++) {
            if (!gidx__eff_unit(p, tlist[i], &tru[i])) {
                rc = gidx__error_set(GIDX_ENOTFOUND, "synth: treated unit \"%s\" is not in the panel", tlist[i]);
                goto done;
            }
            istr[tru[i]] = 1;
        }
    } else if (o->treat_col && o->treat_col[0]) {
        const double *dc;
        if ((rc = gidx__eff_var(&dc, p, o->treat_col, "treatment")) != GIDX_OK) goto done;
        for (i = 0; i < p->n; i++)
            if (gidx__isfinite(dc[i]) && dc[i] != 0) istr[p->uidx[i]] = 1;
        tru = gidx__malloc((p->nunits + 1) * sizeof *tru);
        if (tru == NULL) { rc = GIDX_ENOMEM; goto done; }
        for (u = 0; u < p->nunits; u++) if (istr[u]) tru[ntr++] = u;
        if (ntr == 0) { rc = gidx__error_set(GIDX_EDATA, "synth: treatment column \"%s\" marks no unit", o->treat_col); goto done; }
    } else {
        rc = gidx__error_set(GIDX_EINVAL, "synth: give the treated unit(s)");
        goto done;
    }
    don = gidx__malloc((p->nunits + 1) * sizeof *don);
    don2 = gidx__malloc((p->nunits + 1) * sizeof *don2);
    if (!don || !don2) { rc = GIDX_ENOMEM; goto done; }
    for (u = 0; u < p->nunits; u++) if (!istr[u]) don[J++] = u;
    if (J == 0) { rc = gidx__error_set(GIDX_EDATA, "synth: no donors: every unit is treated"); goto done; }
    D.ntimes = p->ntimes;
    for (t = 0; t < p->ntimes && p->times[t] < T; t++) D.npre++;
    if (D.npre < 2) {
        rc = gidx__error_set(GIDX_ETOOSHORT, "synth: too few pre-periods: %zu before the treatment time %g (at least 2 needed)", D.npre, T);
        goto done;
    }
    if (D.npre == p->ntimes) {
        rc = gidx__error_set(GIDX_ETOOSHORT, "synth: no period at or after the treatment time %g", T);
        goto done;
    }
    D.mfirst = 0;
    if (gidx__isfinite(o->synth_pre_from))
        while (D.mfirst < D.npre && p->times[D.mfirst] < o->synth_pre_from) D.mfirst++;
    D.m = D.npre - D.mfirst;
    if (D.m == 0) { rc = gidx__error_set(GIDX_ETOOSHORT, "synth: the MSPE window before %g is empty", T); goto done; }
    D.nu = p->nunits;
    D.Y = gidx__malloc(p->nunits * p->ntimes * sizeof *D.Y);
    if (D.Y == NULL) { rc = GIDX_ENOMEM; goto done; }
    for (u = 0; u < p->nunits; u++)
        for (t = 0; t < p->ntimes; t++) {
            long row = p->cell[u * p->ntimes + t];
            if (row < 0 || !gidx__isfinite(y[row])) {
                rc = gidx__error_set(GIDX_EDATA, "synth: unbalanced panel: outcome \"%s\" of unit \"%s\" is missing in %g",
                                     o->outcome, p->units[u], p->times[t]);
                goto done;
            }
            D.Y[u * p->ntimes + t] = y[row];
        }
    /* predictors */
    if (o->predictors && o->predictors[0]) {
        if ((rc = parse_spec(&spec, &nspec, o->predictors)) != GIDX_OK) goto done;
        D.k = nspec;
    } else {
        D.k = D.npre;
    }
    D.X = gidx__malloc(D.k * p->nunits * sizeof *D.X);
    if (D.X == NULL) { rc = GIDX_ENOMEM; goto done; }
    for (q = 0; q < D.k; q++) {
        const double *x = y;
        double from = p->times[q], to = p->times[q];
        if (spec) {
            if ((rc = gidx__eff_var(&x, p, spec[q].var, "predictor")) != GIDX_OK) goto done;
            from = spec[q].from;
            to = spec[q].to;
        }
        for (u = 0; u < p->nunits; u++) {
            double s = 0, c = 0;
            for (t = 0; t < p->ntimes; t++) {
                long row = p->cell[u * p->ntimes + t];
                if (p->times[t] < from || p->times[t] > to || row < 0 || !gidx__isfinite(x[row])) continue;
                s += x[row];
                c += 1;
            }
            if (c == 0) {
                rc = gidx__error_set(GIDX_EDATA, "synth: predictor %s@%g-%g has no value for unit \"%s\"",
                                     spec ? spec[q].var : o->outcome, from, to, p->units[u]);
                goto done;
            }
            D.X[q * p->nunits + u] = s / c;
        }
    }
    w = gidx__malloc((J + 1) * sizeof *w);
    w2 = gidx__malloc((J + 1) * sizeof *w2);
    v = gidx__malloc((D.k + 1) * sizeof *v);
    gap = gidx__malloc((p->ntimes + 1) * sizeof *gap);
    ratio = gidx__malloc((J + 1) * sizeof *ratio);
    if (!w || !w2 || !v || !gap || !ratio) { rc = GIDX_ENOMEM; goto done; }

    for (i = 0; i < ntr; i++) {
        size_t tr = tru[i], ge = 0;
        double mpre, mpost, est = 0, tr_ratio, pval = gidx__nan();
        const char *own = p->units[tr];
        if ((rc = sc_fit(w, v, &loss, &D, tr, don, J, nstarts, o->seed)) != GIDX_OK) goto done;
        sc_gaps(gap, &mpre, &mpost, &D, tr, don, w, J);
        for (j = 0; j < J; j++)
            if ((rc = gidx__eff_add_row(r, "weight", p->units[don[j]], own, gidx__nan(), gidx__nan(), w[j], gidx__nan())) != GIDX_OK)
                goto done;
        for (q = 0; q < D.k; q++) {
            double x1 = D.X[q * p->nunits + tr], x0 = 0;
            for (j = 0; j < J; j++) x0 += w[j] * D.X[q * p->nunits + don[j]];
            if (spec) snprintf(lab, sizeof lab, "%s@%g-%g", spec[q].var, spec[q].from, spec[q].to);
            else snprintf(lab, sizeof lab, "%s@%g", o->outcome, p->times[q]);
            if ((rc = gidx__eff_add_row(r, "predictor", lab, own, x1, x0, v[q], gidx__nan())) != GIDX_OK) goto done;
        }
        for (t = 0; t < p->ntimes; t++) {
            if ((rc = gidx__eff_add_row(r, "gap", "", own, gidx__nan(), p->times[t], gap[t], gidx__nan())) != GIDX_OK) goto done;
            if (t >= D.npre) { est += gap[t]; ge++; }
        }
        est /= (double)ge;
        tr_ratio = mpost / mpre;
        if (i == 0) {
            main_est = est;
            r->npath = ge;
            r->path = gidx__malloc(ge * sizeof *r->path);
            if (r->path == NULL) { rc = GIDX_ENOMEM; goto done; }
            memcpy(r->path, gap + D.npre, ge * sizeof *r->path);
            if ((rc = gidx__eff_set_scalar(r, "rmspe_pre", sqrt(mpre))) != GIDX_OK) goto done;
            if ((rc = gidx__eff_set_scalar(r, "mspe_ratio", tr_ratio)) != GIDX_OK) goto done;
            if ((rc = gidx__eff_set_scalar(r, "loss_v", loss)) != GIDX_OK) goto done;
        }
        if (o->placebo && J >= 2) {
            size_t c, nge = 1;
            for (c = 0; c < J; c++) {
                size_t J2 = 0;
                double pre2, post2;
                for (j = 0; j < J; j++) if (j != c) don2[J2++] = don[j];
                if ((rc = sc_fit(w2, v, &loss, &D, don[c], don2, J2, nstarts, o->seed)) != GIDX_OK) {
                    gidx__error_prefix("placebo for \"%s\": ", p->units[don[c]]);
                    goto done;
                }
                sc_gaps(gap, &pre2, &post2, &D, don[c], don2, w2, J2);
                ratio[c] = post2 / pre2;
                if (ratio[c] >= tr_ratio) nge++;
                if ((rc = gidx__eff_add_row(r, "placebo", p->units[don[c]], own, gidx__nan(), gidx__nan(),
                                            ratio[c], sqrt(pre2))) != GIDX_OK) goto done;
            }
            pval = (double)nge / (double)(J + 1);
            if (i == 0 && (rc = gidx__eff_set_scalar(r, "placebo_p", pval)) != GIDX_OK) goto done;
        }
        if (o->leave_one_out) {
            size_t c;
            memcpy(ratio, w, J * sizeof *w);   /* keep the weights of the main fit */
            for (c = 0; c < J; c++) {
                size_t J2 = 0, ge2 = 0;
                double pre2, post2, e2 = 0;
                if (ratio[c] <= 1e-3 || J < 2) continue;
                for (j = 0; j < J; j++) if (j != c) don2[J2++] = don[j];
                if ((rc = sc_fit(w2, v, &loss, &D, tr, don2, J2, nstarts, o->seed)) != GIDX_OK) goto done;
                sc_gaps(gap, &pre2, &post2, &D, tr, don2, w2, J2);
                for (t = D.npre; t < p->ntimes; t++) { e2 += gap[t]; ge2++; }
                if ((rc = gidx__eff_add_row(r, "loo", p->units[don[c]], own, gidx__nan(), gidx__nan(),
                                            e2 / (double)ge2, sqrt(pre2))) != GIDX_OK) goto done;
            }
        }
        if ((rc = gidx__eff_add_row(r, "fit", own, own, pval, tr_ratio, est, sqrt(mpre))) != GIDX_OK) goto done;
    }
    r->estimate = main_est;
    {
        double pv;
        if (gidx_effect_result_value(&pv, r, "placebo_p") == GIDX_OK)
            r->p_value = pv;
        gidx_error_clear();
    }
    rc = gidx__eff_set_scalar(r, "treat_time", T);
done:
    gidx__eff_free_list(tlist, ntr);
    free_spec(spec, nspec);
    free(tru); free(don); free(don2); free(istr); free(D.X); free(D.Y);
    free(w); free(w2); free(v); free(gap); free(ratio);
    return rc;
}
