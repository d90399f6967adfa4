/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Least squares with absorbed fixed effects and three covariance estimators.
 *
 * Fixed effects are swept out by the method of alternating projections
 * (von Neumann-Halperin; Guimaraes & Portugal 2010, Stata Journal 10(4);
 * Gaure 2013, CSDA 66): unit means and time means are subtracted in turn
 * until nothing changes. For one-way effects and for balanced two-way panels
 * one sweep is exact; unbalanced two-way panels converge geometrically.
 * By the Frisch-Waugh-Lovell theorem the slopes equal those of the dummy
 * variable regression (Baltagi 2021, Econometric Analysis of Panel Data,
 * sec. 2.2).
 *
 * Covariances (k = number of slope coefficients, absorbed effects excluded,
 * as in plm; Croissant & Millo 2008, JSS 27(2)):
 *   classical  s^2 (X'X)^-1, s^2 = e'e / (n - k - absorbed);
 *   robust     White (1980) HC1: n/(n-k) (X'X)^-1 sum e_i^2 x_i x_i' (X'X)^-1;
 *   cluster    CR1 (Cameron & Miller 2015, JHR 50(2), sec. IIC):
 *              G/(G-1) (n-1)/(n-k) (X'X)^-1 sum_g X_g'e_g e_g'X_g (X'X)^-1;
 *   CR2        Bell & McCaffrey (2002), Survey Methodology 28(2), 169-181;
 *              Pustejovsky & Tipton (2018), JBES 36(4): e_g replaced by
 *              A_g e_g, A_g = (I - H_gg)^-1/2 (a Moore-Penrose inverse
 *              square root where I - H_gg is singular), H_gg = X_g (X'X)^-1 X_g'.
 *              For a binary regressor it is the unequal-variance (Welch)
 *              variance of the difference in means (Imbens & Kolesar 2016,
 *              REStat 98(4)); for the 2x2 DiD on a balanced panel, of the
 *              difference in mean changes, as in Card & Krueger's table 3.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

static void sweep(double *v, size_t n, const size_t *id, size_t nid, double *sum, double *cnt)
{
    size_t i;
    memset(sum, 0, nid * sizeof *sum);
    memset(cnt, 0, nid * sizeof *cnt);
    for (i = 0; i < n; i++) {
        sum[id[i]] += v[i];
        cnt[id[i]] += 1.0;
    }
    for (i = 0; i < nid; i++)
        if (cnt[i] > 0)
            sum[i] /= cnt[i];
    for (i = 0; i < n; i++)
        v[i] -= sum[id[i]];
}

/* Demean v (length n) by unit and time effects; returns GIDX_ENOCONV if stuck. */
static gidx_status demean(double *v, size_t n, const size_t *fu, size_t nu, const size_t *ft,
                          size_t nt, double *sum, double *cnt, double *prev)
{
    size_t it, i;
    double scale = 0;
    for (i = 0; i < n; i++)
        scale = fmax(scale, fabs(v[i]));
    if (fu)
        sweep(v, n, fu, nu, sum, cnt);
    if (ft == NULL)
        return GIDX_OK;
    for (it = 0; it < 100000; it++) {
        double d = 0;
        memcpy(prev, v, n * sizeof *v);
        sweep(v, n, ft, nt, sum, cnt);
        if (fu)
            sweep(v, n, fu, nu, sum, cnt);
        for (i = 0; i < n; i++)
            d = fmax(d, fabs(v[i] - prev[i]));
        if (d <= 1e-13 * (scale > 0 ? scale : 1.0) || fu == NULL)
            return GIDX_OK;
    }
    return gidx__error_set(GIDX_ENOCONV, "fixed effects: alternating projections did not converge");
}

/* The CR2 meat: sum over clusters of X_g' A_g e_g e_g' A_g X_g, with
 * A_g = (I - X_g Ainv X_g')^-1/2 by the eigendecomposition of each
 * cluster's block (eigenvalues below 1e-12 of the largest are dropped). */
static gidx_status cr2_meat(double *meat, const double *Z, const double *e, const double *Ainv, size_t n,
                            size_t k, const size_t *cluster, size_t ncluster)
{
    size_t *start = gidx__calloc(ncluster + 1, sizeof *start), *rows = gidx__malloc(n * sizeof *rows);
    size_t *fill = gidx__calloc(ncluster, sizeof *fill), g, i, j, l, p, m, mmax = 0;
    double *s = gidx__malloc(k * sizeof *s), *ae = NULL;
    gsl_matrix *B = NULL, *V = NULL;
    gsl_vector *lam = NULL;
    gsl_eigen_symmv_workspace *w = NULL;
    gidx_status rc = GIDX_ENOMEM;
    if (start == NULL || rows == NULL || fill == NULL || s == NULL)
        goto done;
    for (i = 0; i < n; i++)
        start[cluster[i] + 1]++;
    for (g = 0; g < ncluster; g++) {
        if (start[g + 1] > mmax)
            mmax = start[g + 1];
        start[g + 1] += start[g];
    }
    for (i = 0; i < n; i++)
        rows[start[cluster[i]] + fill[cluster[i]]++] = i;
    if (mmax == 0) {
        rc = GIDX_OK;
        goto done;
    }
    B = gsl_matrix_alloc(mmax, mmax);
    V = gsl_matrix_alloc(mmax, mmax);
    lam = gsl_vector_alloc(mmax);
    w = gsl_eigen_symmv_alloc(mmax);
    ae = gidx__malloc(mmax * sizeof *ae);
    if (B == NULL || V == NULL || lam == NULL || w == NULL || ae == NULL)
        goto done;
    for (g = 0; g < ncluster; g++) {
        const size_t *r = rows + start[g];
        gsl_matrix_view Bg, Vg;
        gsl_vector_view lg;
        double top = 0.0;
        m = start[g + 1] - start[g];
        if (m == 0)
            continue;
        Bg = gsl_matrix_submatrix(B, 0, 0, m, m);
        Vg = gsl_matrix_submatrix(V, 0, 0, m, m);
        lg = gsl_vector_subvector(lam, 0, m);
        for (i = 0; i < m; i++)
            for (j = 0; j <= i; j++) {
                double h = 0.0;
                for (p = 0; p < k; p++)
                    for (l = 0; l < k; l++)
                        h += Z[r[i] * k + p] * Ainv[p * k + l] * Z[r[j] * k + l];
                h = (i == j ? 1.0 : 0.0) - h;
                gsl_matrix_set(&Bg.matrix, i, j, h);
                gsl_matrix_set(&Bg.matrix, j, i, h);
            }
        if (gsl_eigen_symmv(&Bg.matrix, &lg.vector, &Vg.matrix, w) != GSL_SUCCESS) {
            rc = gidx__error_set(GIDX_ENUMERIC, "regression: CR2: eigendecomposition failed for cluster %zu", g);
            goto done;
        }
        for (i = 0; i < m; i++)
            top = fmax(top, gsl_vector_get(&lg.vector, i));
        /* ae = V diag(lambda^-1/2) V' e_g */
        for (i = 0; i < m; i++)
            ae[i] = 0.0;
        for (l = 0; l < m; l++) {
            double lv = gsl_vector_get(&lg.vector, l), c = 0.0;
            if (!(lv > 1e-12 * (top > 0.0 ? top : 1.0)))
                continue;
            for (i = 0; i < m; i++)
                c += gsl_matrix_get(&Vg.matrix, i, l) * e[r[i]];
            c /= sqrt(lv);
            for (i = 0; i < m; i++)
                ae[i] += gsl_matrix_get(&Vg.matrix, i, l) * c;
        }
        for (p = 0; p < k; p++) {
            s[p] = 0.0;
            for (i = 0; i < m; i++)
                s[p] += Z[r[i] * k + p] * ae[i];
        }
        for (p = 0; p < k; p++)
            for (l = 0; l < k; l++)
                meat[p * k + l] += s[p] * s[l];
    }
    rc = GIDX_OK;
done:
    free(start);
    free(rows);
    free(fill);
    free(s);
    free(ae);
    if (B) gsl_matrix_free(B);
    if (V) gsl_matrix_free(V);
    if (lam) gsl_vector_free(lam);
    if (w) gsl_eigen_symmv_free(w);
    return rc;
}

gidx_status gidx__eff_ols(double *beta, double *cov, double *df_out, double *r2_out,
                          const double *y, const double *X, size_t n, size_t k,
                          const size_t *fe_unit, size_t nunit,
                          const size_t *fe_time, size_t ntime,
                          int se_kind, const size_t *cluster, size_t ncluster,
                          const char *const *colnames)
{
    double *Z = NULL, *yy = NULL, *L = NULL, *Ainv = NULL, *meat = NULL, *e = NULL, *tmp = NULL,
           *sum = NULL, *cnt = NULL, *prev = NULL, *s = NULL;
    size_t i, j, l, nid = (nunit > ntime ? nunit : ntime) + ncluster + 1;
    double absorbed = 0, df, ssr = 0, tss = 0, f;
    gidx_status rc = GIDX_ENOMEM;

    if (k == 0)
        return gidx__error_set(GIDX_EINVAL, "regression: no regressors");
    Z = gidx__malloc(n * k * sizeof *Z);
    yy = gidx__malloc(n * sizeof *yy);
    L = gidx__calloc(k * k, sizeof *L);
    Ainv = gidx__calloc(k * k, sizeof *Ainv);
    meat = gidx__calloc(k * k, sizeof *meat);
    e = gidx__malloc(n * sizeof *e);
    tmp = gidx__malloc((n > k ? n : k) * sizeof *tmp);
    sum = gidx__malloc(nid * sizeof *sum);
    cnt = gidx__malloc(nid * sizeof *cnt);
    prev = gidx__malloc(n * sizeof *prev);
    s = gidx__calloc(ncluster * k + 1, sizeof *s);
    if (!Z || !yy || !L || !Ainv || !meat || !e || !tmp || !sum || !cnt || !prev || !s)
        goto done;
    memcpy(yy, y, n * sizeof *yy);
    if ((rc = demean(yy, n, fe_unit, nunit, fe_time, ntime, sum, cnt, prev)) != GIDX_OK)
        goto done;
    for (j = 0; j < k; j++) {
        for (i = 0; i < n; i++)
            tmp[i] = X[i * k + j];
        if ((rc = demean(tmp, n, fe_unit, nunit, fe_time, ntime, sum, cnt, prev)) != GIDX_OK)
            goto done;
        for (i = 0; i < n; i++)
            Z[i * k + j] = tmp[i];
    }
    if (fe_unit)
        absorbed += (double)nunit;
    if (fe_time)
        absorbed += (double)ntime - (fe_unit ? 1.0 : 0.0);
    df = (double)n - (double)k - absorbed;
    if (df <= 0) {
        rc = gidx__error_set(GIDX_ETOOSHORT, "regression: %zu observations are too few for %zu regressors and %.0f fixed effects",
                             n, k, absorbed);
        goto done;
    }
    /* Cholesky of Z'Z, column by column; a tiny pivot names the collinear column. */
    {
        double *A = Ainv;
        for (j = 0; j < k; j++)
            for (l = 0; l <= j; l++) {
                double a = 0;
                for (i = 0; i < n; i++)
                    a += Z[i * k + j] * Z[i * k + l];
                A[j * k + l] = A[l * k + j] = a;
            }
        for (j = 0; j < k; j++) {
            double d = A[j * k + j], orig = A[j * k + j];
            for (l = 0; l < j; l++)
                d -= L[j * k + l] * L[j * k + l];
            if (!(d > 1e-10 * (orig > 0 ? orig : 1.0)) || orig <= 1e-300) {
                rc = gidx__error_set(GIDX_ESINGULAR,
                                     "regression: singular design: column \"%s\" is constant within the fixed effects or collinear with earlier columns",
                                     colnames ? colnames[j] : "?");
                goto done;
            }
            L[j * k + j] = sqrt(d);
            for (i = j + 1; i < k; i++) {
                double a = A[i * k + j];
                for (l = 0; l < j; l++)
                    a -= L[i * k + l] * L[j * k + l];
                L[i * k + j] = a / L[j * k + j];
            }
        }
    }
    /* Ainv = (L L')^-1 by solving for each unit vector. */
    for (j = 0; j < k; j++) {
        for (i = 0; i < k; i++) {
            double a = (i == j) ? 1.0 : 0.0;
            for (l = 0; l < i; l++)
                a -= L[i * k + l] * tmp[l];
            tmp[i] = a / L[i * k + i];
        }
        for (i = k; i-- > 0;) {
            double a = tmp[i];
            for (l = i + 1; l < k; l++)
                a -= L[l * k + i] * Ainv[l * k + j];
            Ainv[i * k + j] = a / L[i * k + i];
        }
    }
    for (j = 0; j < k; j++) {
        double a = 0;
        for (i = 0; i < n; i++)
            a += Z[i * k + j] * yy[i];
        tmp[j] = a;
    }
    for (j = 0; j < k; j++) {
        double a = 0;
        for (l = 0; l < k; l++)
            a += Ainv[j * k + l] * tmp[l];
        beta[j] = a;
    }
    for (i = 0; i < n; i++) {
        double fit = 0;
        for (j = 0; j < k; j++)
            fit += Z[i * k + j] * beta[j];
        e[i] = yy[i] - fit;
        ssr += e[i] * e[i];
        tss += yy[i] * yy[i];
    }
    if (r2_out)
        *r2_out = tss > 0 ? 1.0 - ssr / tss : gidx__nan();
    if (se_kind == GIDX_EFFECT_SE_CLASSICAL) {
        f = ssr / df;
        for (j = 0; j < k * k; j++)
            cov[j] = f * Ainv[j];
        *df_out = df;
        rc = GIDX_OK;
        goto done;
    }
    if (se_kind == GIDX_EFFECT_SE_ROBUST) {
        for (i = 0; i < n; i++)
            for (j = 0; j < k; j++)
                for (l = 0; l < k; l++)
                    meat[j * k + l] += e[i] * e[i] * Z[i * k + j] * Z[i * k + l];
        f = (double)n / ((double)n - (double)k);
        *df_out = df;
    } else if (se_kind == GIDX_EFFECT_SE_CR2) {
        if (cluster == NULL || ncluster < 2) {
            rc = gidx__error_set(GIDX_EDATA, "regression: cluster-robust standard errors need at least 2 clusters");
            goto done;
        }
        if (fe_unit != NULL || fe_time != NULL) {
            rc = gidx__error_set(GIDX_EUNSUPPORTED, "regression: CR2 standard errors with absorbed fixed "
                                 "effects are not supported; use cluster (CR1)");
            goto done;
        }
        if ((rc = cr2_meat(meat, Z, e, Ainv, n, k, cluster, ncluster)) != GIDX_OK)
            goto done;
        f = 1.0;
        *df_out = (double)ncluster - 1.0;
    } else {
        if (cluster == NULL || ncluster < 2) {
            rc = gidx__error_set(GIDX_EDATA, "regression: cluster-robust standard errors need at least 2 clusters");
            goto done;
        }
        for (i = 0; i < n; i++)
            for (j = 0; j < k; j++)
                s[cluster[i] * k + j] += Z[i * k + j] * e[i];
        for (i = 0; i < ncluster; i++)
            for (j = 0; j < k; j++)
                for (l = 0; l < k; l++)
                    meat[j * k + l] += s[i * k + j] * s[i * k + l];
        f = (double)ncluster / ((double)ncluster - 1.0) * ((double)n - 1.0) / ((double)n - (double)k);
        *df_out = (double)ncluster - 1.0;
    }
    /* cov = f Ainv meat Ainv */
    for (j = 0; j < k; j++)
        for (l = 0; l < k; l++) {
            double a = 0;
            size_t p, q;
            for (p = 0; p < k; p++)
                for (q = 0; q < k; q++)
                    a += Ainv[j * k + p] * meat[p * k + q] * Ainv[q * k + l];
            cov[j * k + l] = f * a;
        }
    rc = GIDX_OK;
done:
    free(Z); free(yy); free(L); free(Ainv); free(meat); free(e); free(tmp);
    free(sum); free(cnt); free(prev); free(s);
    return rc;
}
