/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Statistics of the composite-index module.
 *
 * - Skewness and kurtosis: the "type 2" sample estimators (Joanes & Gill,
 *   "Comparing measures of sample skewness and kurtosis", The Statistician
 *   47, 1998), as Excel, R's e1071 and COINr (skew(), kurt()).
 * - Outlier treatment: COINr 1.1 Treat() defaults (Becker et al., COINr
 *   documentation, "Outlier treatment"): pass when |skew| < s OR kurtosis < k;
 *   otherwise winsorise (the extreme point(s) on the side of the skew take the
 *   next value) while failing and fewer than winmax points are winsorised; if
 *   still failing, log_CT of the ORIGINAL values, log(x - min + 0.01 (max - min)).
 *   OECD/JRC Handbook on Constructing Composite Indicators (2008), sec. 1.5.
 * - Normalisation (Handbook sec. 1.5, Table 3): min-max, z-score, rank,
 *   percentile rank, distance to the leader, goalposts (OECD "Measuring
 *   distance to the SDG targets", 2019: 0-100 distance to target).
 * - Pearson/Spearman correlation, Cronbach's alpha (Cronbach, Psychometrika
 *   16, 1951), PCA of the correlation matrix with GSL's symmetric eigensolver
 *   (Jolliffe, Principal Component Analysis, 2002; Handbook sec. 1.4).
 * - Benefit of the doubt (Cherchye, Moesen, Rogge & Van Puyenbroeck, Social
 *   Indicators Research 82, 2007; Handbook sec. 1.6.3): a linear programme
 *   solved by a dense tableau simplex with Bland's anti-cycling rule
 *   (Bland, Math. Oper. Res. 2, 1977). GSL has no LP solver.
 * - Sobol indices: first order by Saltelli et al. (Comput. Phys. Commun. 181,
 *   2010, Table 2 (b)), total effect by Jansen (Comput. Phys. Commun. 117,
 *   1999) = Saltelli 2010 Table 2 (f).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>

#include "composite/composite_internal.h"

double gidx__composite_mean(const double *x, size_t n)
{
    double s = 0.0;
    size_t i, m = 0;
    for (i = 0; i < n; i++)
        if (!isnan(x[i])) {
            s += x[i];
            m++;
        }
    return m ? s / (double)m : NAN;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double gidx__composite_median(double *tmp, const double *x, size_t n)
{
    size_t i, m = 0;
    for (i = 0; i < n; i++)
        if (!isnan(x[i]))
            tmp[m++] = x[i];
    if (m == 0)
        return NAN;
    qsort(tmp, m, sizeof *tmp, cmp_double);
    return (m % 2) ? tmp[m / 2] : 0.5 * (tmp[m / 2 - 1] + tmp[m / 2]);
}

gidx_status gidx_skew_kurtosis(double *skew, double *kurt, const double *x, size_t n)
{
    double mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0, r, nn;
    size_t i, m = 0;
    if (x == NULL && n > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_skew_kurtosis: x is NULL");
    for (i = 0; i < n; i++)
        if (gidx__isfinite(x[i])) {
            mean += x[i];
            m++;
        }
    if (m < 4)
        return gidx__error_set(GIDX_ETOOSHORT,
                               "gidx_skew_kurtosis: %zu finite values, at least 4 needed", m);
    mean /= (double)m;
    for (i = 0; i < n; i++)
        if (gidx__isfinite(x[i])) {
            double d = x[i] - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
    if (!(m2 > 0.0))
        return gidx__error_set(GIDX_EDATA, "gidx_skew_kurtosis: the %zu values are constant", m);
    nn = (double)m;
    if (skew)
        *skew = sqrt(nn) * m3 / pow(m2, 1.5) * sqrt(nn * (nn - 1.0)) / (nn - 2.0);
    r = nn * m4 / (m2 * m2);
    if (kurt)
        *kurt = ((nn + 1.0) * (r - 3.0) + 6.0) * (nn - 1.0) / ((nn - 2.0) * (nn - 3.0));
    return GIDX_OK;
}

/* COINr check_SkewKurt: TRUE (pass) when |skew| < st or kurt < kt. */
static int sk_pass(const double *v, size_t m, double st, double kt, double *sk, double *ku)
{
    double s = NAN, k = NAN;
    if (gidx_skew_kurtosis(&s, &k, v, m) != GIDX_OK) {
        gidx_error_clear();
        if (sk) *sk = NAN;
        if (ku) *ku = NAN;
        return 1;
    }
    if (sk) *sk = s;
    if (ku) *ku = k;
    return fabs(s) < st || k < kt;
}

gidx_status gidx__composite_treat(double *x, const int *incl, size_t U, unsigned winmax,
                                  double st, double kt, gidx_treatment_info *info)
{
    double *v = NULL, *orig = NULL, sk, ku;
    size_t *pos = NULL, i, m = 0;
    int *hi_set = NULL, *lo_set = NULL;
    gidx_status rc = GIDX_OK;

    memset(info, 0, sizeof *info);
    info->version = 1;
    v = gidx__malloc((U ? U : 1) * sizeof *v);
    orig = gidx__malloc((U ? U : 1) * sizeof *orig);
    pos = gidx__malloc((U ? U : 1) * sizeof *pos);
    hi_set = gidx__calloc(U ? U : 1, sizeof *hi_set);
    lo_set = gidx__calloc(U ? U : 1, sizeof *lo_set);
    if (!v || !orig || !pos || !hi_set || !lo_set) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < U; i++)
        if ((incl == NULL || incl[i]) && !isnan(x[i])) {
            pos[m] = i;
            v[m] = orig[m] = x[i];
            m++;
        }
    if (sk_pass(v, m, st, kt, &sk, &ku)) {
        info->skew_before = info->skew_after = sk;
        info->kurt_before = info->kurt_after = ku;
        info->failed_before = gidx__isfinite(sk) && fabs(sk) > st && ku > kt;
        goto done;
    }
    info->skew_before = sk;
    info->kurt_before = ku;
    info->failed_before = fabs(sk) > st && ku > kt;
    {
        unsigned nwin = 0;
        int pass = 0;
        size_t nhi = 0, nlo = 0, j;
        while (!pass && nwin < winmax) {
            double s = 0.0, ext, next = NAN;
            int high;
            gidx_skew_kurtosis(&s, NULL, v, m);
            high = s >= 0.0;
            ext = v[0];
            for (j = 1; j < m; j++)
                if (high ? v[j] > ext : v[j] < ext)
                    ext = v[j];
            for (j = 0; j < m; j++)
                if (v[j] != ext && (isnan(next) || (high ? v[j] > next : v[j] < next)))
                    next = v[j];
            if (isnan(next))
                break; /* all values equal: nothing left to winsorise */
            if (high) {
                memset(hi_set, 0, m * sizeof *hi_set);
                nhi = 0;
            } else {
                memset(lo_set, 0, m * sizeof *lo_set);
                nlo = 0;
            }
            for (j = 0; j < m; j++)
                if (v[j] == ext) {
                    v[j] = next;
                    if (high) {
                        hi_set[j] = 1;
                        nhi++;
                    } else {
                        lo_set[j] = 1;
                        nlo++;
                    }
                }
            /* as COINr: the count is the size of the last winsorised sets */
            nwin = (unsigned)(nhi + nlo);
            pass = sk_pass(v, m, st, kt, NULL, NULL);
        }
        if (pass) {
            info->nwinsorised = nwin;
        } else {
            double mn = orig[0], mx = orig[0];
            for (j = 1; j < m; j++) {
                if (orig[j] < mn) mn = orig[j];
                if (orig[j] > mx) mx = orig[j];
            }
            for (j = 0; j < m; j++)
                v[j] = log(orig[j] - mn + 0.01 * (mx - mn));
            info->logged = 1;
            info->nwinsorised = 0;
        }
    }
    sk_pass(v, m, st, kt, &info->skew_after, &info->kurt_after);
    for (i = 0; i < m; i++)
        x[pos[i]] = v[i];
done:
    free(v);
    free(orig);
    free(pos);
    free(hi_set);
    free(lo_set);
    return rc;
}

void gidx__composite_sort_items(gidx__item *a, const gidx__item *b, size_t m, size_t *cnt, unsigned *key)
{
    size_t i, j, nb = GIDX__SORT_BUCKETS * m;
    double mn = INFINITY, mx = -INFINITY, scale;
    if (m == 0)
        return;
    for (i = 0; i < m; i++) {
        if (b[i].v < mn) mn = b[i].v;
        if (b[i].v > mx) mx = b[i].v;
    }
    scale = mx > mn ? (double)(nb - 1) / (mx - mn) : 0.0;
    if (!gidx__isfinite(scale))
        scale = 0.0; /* a range too wide for doubles: one bucket, plain insertion sort */
    for (j = 0; j <= nb; j++)
        cnt[j] = 0;
    for (i = 0; i < m; i++) {
        size_t k = (size_t)((b[i].v - mn) * scale);
        key[i] = (unsigned)(k < nb ? k : nb - 1);
        cnt[key[i] + 1]++;
    }
    for (j = 1; j <= nb; j++)
        cnt[j] += cnt[j - 1];
    for (i = 0; i < m; i++)
        a[cnt[key[i]]++] = b[i];
    for (i = 1; i < m; i++) {
        gidx__item t = a[i];
        j = i;
        while (j > 0 && a[j - 1].v > t.v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = t;
    }
}

/* Sorted items of the non-NaN values of x (sign applied); NULL on ENOMEM. */
static gidx__item *sorted_items(size_t *m, const double *x, size_t n, double sign)
{
    gidx__item *it = gidx__malloc(2 * (n ? n : 1) * sizeof *it);
    size_t *cnt = gidx__malloc((GIDX__SORT_BUCKETS * n + 1) * sizeof *cnt), i, k = 0;
    unsigned *key = gidx__malloc((n ? n : 1) * sizeof *key);
    if (it == NULL || cnt == NULL || key == NULL) {
        free(it);
        free(cnt);
        free(key);
        return NULL;
    }
    for (i = 0; i < n; i++)
        if (!isnan(x[i])) {
            it[n + k].v = sign * x[i];
            it[n + k].i = i;
            k++;
        }
    gidx__composite_sort_items(it, it + n, k, cnt, key);
    free(cnt);
    free(key);
    *m = k;
    return it;
}

gidx_status gidx__composite_avg_ranks(double *out, const double *x, size_t n)
{
    size_t m, i, j, q;
    gidx__item *it = sorted_items(&m, x, n, 1.0);
    if (it == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < n; i++)
        out[i] = NAN;
    for (i = 0; i < m; i = j + 1) {
        j = i;
        while (j + 1 < m && it[j + 1].v == it[i].v)
            j++;
        for (q = i; q <= j; q++)
            out[it[q].i] = 0.5 * ((double)i + (double)j) + 1.0;
    }
    free(it);
    return GIDX_OK;
}

gidx_status gidx_rank(double *out, const double *x, size_t n, int descending)
{
    size_t m, i, j, q;
    gidx__item *it;
    if ((out == NULL || x == NULL) && n > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_rank: NULL argument");
    /* sort ascending in -x (descending) or x; a run of ties gets its first position */
    it = sorted_items(&m, x, n, descending ? -1.0 : 1.0);
    if (it == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < n; i++)
        out[i] = NAN;
    for (i = 0; i < m; i = j) {
        for (j = i; j < m && it[j].v == it[i].v; j++)
            ;
        for (q = i; q < j; q++)
            out[it[q].i] = (double)(i + 1);
    }
    free(it);
    return GIDX_OK;
}

gidx_status gidx__composite_normalise(double *x, const int *incl, size_t U, int method,
                                      int dir, double lo, double hi, int has_lower,
                                      double lower, int has_target, double target,
                                      const char *code, int year)
{
    size_t i, m = 0;
    double mn = INFINITY, mx = -INFINITY, s = 0.0, s2 = 0.0, mean, sd;
    for (i = 0; i < U; i++) {
        if (incl != NULL && !incl[i])
            x[i] = NAN;
        if (isnan(x[i]))
            continue;
        x[i] *= (double)dir;
        if (x[i] < mn) mn = x[i];
        if (x[i] > mx) mx = x[i];
        s += x[i];
        m++;
    }
    if (m == 0)
        return gidx__error_set(GIDX_EDATA, "indicator %s, year %d: no values to normalise",
                               code, year);
    switch (method) {
    case GIDX_NORM_MINMAX:
        if (!(mx > mn))
            return gidx__error_set(GIDX_EDATA,
                                   "indicator %s, year %d: constant values, min-max undefined",
                                   code, year);
        for (i = 0; i < U; i++)
            if (!isnan(x[i]))
                x[i] = (x[i] - mn) / (mx - mn) * (hi - lo) + lo;
        break;
    case GIDX_NORM_ZSCORE:
        mean = s / (double)m;
        for (i = 0; i < U; i++)
            if (!isnan(x[i]))
                s2 += (x[i] - mean) * (x[i] - mean);
        if (m < 2 || !(s2 > 0.0))
            return gidx__error_set(GIDX_EDATA,
                                   "indicator %s, year %d: constant values, z-score undefined",
                                   code, year);
        sd = sqrt(s2 / (double)(m - 1));
        for (i = 0; i < U; i++)
            if (!isnan(x[i]))
                x[i] = (x[i] - mean) / sd;
        break;
    case GIDX_NORM_RANK:
    case GIDX_NORM_PERCENTILE: {
        double *r = gidx__malloc(U * sizeof *r);
        if (r == NULL)
            return GIDX_ENOMEM;
        if (gidx__composite_avg_ranks(r, x, U) != GIDX_OK) {
            free(r);
            return GIDX_ENOMEM;
        }
        for (i = 0; i < U; i++)
            if (!isnan(x[i]))
                x[i] = method == GIDX_NORM_RANK ? r[i]
                       : (m > 1 ? (r[i] - 1.0) / (double)(m - 1) * 100.0 : 100.0);
        free(r);
        break;
    }
    case GIDX_NORM_DIST_BEST:
        /* ratio to the leader on the original scale: x / best (dir +1), best / x (dir -1) */
        for (i = 0; i < U; i++)
            if (!isnan(x[i]) && !(x[i] * dir > 0.0))
                return gidx__error_set(GIDX_EDOM,
                                       "indicator %s, year %d: distance to the best needs "
                                       "positive values (unit %zu has %g)",
                                       code, year, i, x[i] * dir);
        for (i = 0; i < U; i++)
            if (!isnan(x[i]))
                x[i] = dir > 0 ? x[i] / mx * 100.0 : mx / x[i] * 100.0;
        break;
    case GIDX_NORM_GOALPOSTS: {
        double l, tg;
        if (!has_target)
            return gidx__error_set(GIDX_EINVAL,
                                   "indicator %s: goalpost normalisation needs a target", code);
        tg = target * dir;
        l = has_lower ? lower * dir : mn;
        if (!(tg != l))
            return gidx__error_set(GIDX_EDATA,
                                   "indicator %s, year %d: lower goalpost equals the target",
                                   code, year);
        for (i = 0; i < U; i++)
            if (!isnan(x[i])) {
                double v = (x[i] - l) / (tg - l) * 100.0;
                x[i] = v < 0.0 ? 0.0 : (v > 100.0 ? 100.0 : v);
            }
        break;
    }
    default:
        return gidx__error_set(GIDX_EINVAL, "unknown normalisation method %d", method);
    }
    return GIDX_OK;
}

static double pair_corr(const double *a, const double *b, size_t n, size_t sa, size_t sb)
{
    double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
    size_t i, m = 0;
    for (i = 0; i < n; i++) {
        double x = a[i * sa], y = b[i * sb];
        if (isnan(x) || isnan(y))
            continue;
        ma += x;
        mb += y;
        m++;
    }
    if (m < 3)
        return NAN;
    ma /= (double)m;
    mb /= (double)m;
    for (i = 0; i < n; i++) {
        double x = a[i * sa], y = b[i * sb];
        if (isnan(x) || isnan(y))
            continue;
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
        sab += (x - ma) * (y - mb);
    }
    if (!(saa > 0) || !(sbb > 0))
        return NAN;
    return sab / sqrt(saa * sbb);
}

/* Correlation of two vectors, pairwise complete; Spearman ranks the complete pairs. */
double gidx__composite_corr(const double *a, const double *b, size_t n, int spearman);
double gidx__composite_corr(const double *a, const double *b, size_t n, int spearman)
{
    double *ra, *rb, *ca, *cb, r;
    size_t i;
    if (!spearman)
        return pair_corr(a, b, n, 1, 1);
    ra = malloc(4 * (n ? n : 1) * sizeof *ra);
    if (ra == NULL)
        return NAN;
    rb = ra + n;
    ca = rb + n;
    cb = ca + n;
    for (i = 0; i < n; i++) {
        int ok = !isnan(a[i]) && !isnan(b[i]);
        ca[i] = ok ? a[i] : NAN;
        cb[i] = ok ? b[i] : NAN;
    }
    gidx__composite_avg_ranks(ra, ca, n);
    gidx__composite_avg_ranks(rb, cb, n);
    r = pair_corr(ra, rb, n, 1, 1);
    free(ra);
    return r;
}

gidx_status gidx_correlation_matrix(double *out, size_t cap, const double *X, size_t n,
                                    size_t p, int spearman)
{
    size_t i, j, k;
    double *col;
    if (out == NULL || X == NULL || p == 0 || n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_correlation_matrix: NULL argument or empty matrix");
    if (cap < p * p)
        return gidx__error_set(GIDX_EBUFS, "gidx_correlation_matrix: %zu values needed, room for %zu",
                               p * p, cap);
    col = gidx__malloc(2 * n * sizeof *col);
    if (col == NULL)
        return GIDX_ENOMEM;
    for (j = 0; j < p; j++)
        for (k = j; k < p; k++) {
            double r;
            for (i = 0; i < n; i++) {
                col[i] = X[i * p + j];
                col[n + i] = X[i * p + k];
            }
            r = gidx__composite_corr(col, col + n, n, spearman);
            out[j * p + k] = out[k * p + j] = r;
        }
    free(col);
    return GIDX_OK;
}

gidx_status gidx_cronbach_alpha(double *alpha, const double *X, size_t n, size_t p)
{
    double sumvar = 0.0, total = 0.0;
    size_t i, j, k;
    if (alpha == NULL || X == NULL || n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_cronbach_alpha: NULL argument or no rows");
    if (p < 2)
        return gidx__error_set(GIDX_EINVAL, "gidx_cronbach_alpha: %zu items, at least 2 needed", p);
    for (j = 0; j < p; j++)
        for (k = j; k < p; k++) {
            /* pairwise-complete covariance, as R's cov(use = "pairwise.complete.obs") */
            double mj = 0, mk = 0, c = 0;
            size_t m = 0;
            for (i = 0; i < n; i++) {
                double a = X[i * p + j], b = X[i * p + k];
                if (isnan(a) || isnan(b))
                    continue;
                mj += a;
                mk += b;
                m++;
            }
            if (m < 2)
                return gidx__error_set(GIDX_ETOOSHORT,
                                       "gidx_cronbach_alpha: items %zu and %zu share %zu values",
                                       j, k, m);
            mj /= (double)m;
            mk /= (double)m;
            for (i = 0; i < n; i++) {
                double a = X[i * p + j], b = X[i * p + k];
                if (isnan(a) || isnan(b))
                    continue;
                c += (a - mj) * (b - mk);
            }
            c /= (double)(m - 1);
            if (j == k) {
                sumvar += c;
                total += c;
            } else {
                total += 2.0 * c;
            }
        }
    if (!(total > 0.0))
        return gidx__error_set(GIDX_EDATA, "gidx_cronbach_alpha: total variance is not positive");
    *alpha = (double)p / (double)(p - 1) * (1.0 - sumvar / total);
    return GIDX_OK;
}

gidx_status gidx_pca(double *sdev, double *prop, double *loadings, size_t cap,
                     const double *X, size_t n, size_t p)
{
    double *Z = NULL, *mean = NULL, *sd = NULL;
    size_t i, j, k, m = 0;
    gsl_matrix *R = NULL, *V = NULL;
    gsl_vector *ev = NULL;
    gsl_eigen_symmv_workspace *ws = NULL;
    gidx_status rc = GIDX_OK;
    int gs;

    if (sdev == NULL || X == NULL || p == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_pca: NULL argument or p == 0");
    if (loadings != NULL && cap < p * p)
        return gidx__error_set(GIDX_EBUFS, "gidx_pca: %zu loadings needed, room for %zu", p * p, cap);
    Z = gidx__malloc((n ? n : 1) * p * sizeof *Z);
    mean = gidx__calloc(p, sizeof *mean);
    sd = gidx__calloc(p, sizeof *sd);
    if (!Z || !mean || !sd) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        int ok = 1;
        for (j = 0; j < p; j++)
            if (!gidx__isfinite(X[i * p + j]))
                ok = 0;
        if (ok) {
            memcpy(Z + m * p, X + i * p, p * sizeof *Z);
            m++;
        }
    }
    if (m < 2) {
        rc = gidx__error_set(GIDX_ETOOSHORT, "gidx_pca: %zu complete rows, at least 2 needed", m);
        goto done;
    }
    for (j = 0; j < p; j++) {
        for (i = 0; i < m; i++)
            mean[j] += Z[i * p + j];
        mean[j] /= (double)m;
        for (i = 0; i < m; i++)
            sd[j] += (Z[i * p + j] - mean[j]) * (Z[i * p + j] - mean[j]);
        sd[j] = sqrt(sd[j] / (double)(m - 1));
        if (!(sd[j] > 0.0)) {
            rc = gidx__error_set(GIDX_EDATA, "gidx_pca: column %zu is constant", j);
            goto done;
        }
        for (i = 0; i < m; i++)
            Z[i * p + j] = (Z[i * p + j] - mean[j]) / sd[j];
    }
    gidx__gsl_init();
    R = gsl_matrix_alloc(p, p);
    V = gsl_matrix_alloc(p, p);
    ev = gsl_vector_alloc(p);
    ws = gsl_eigen_symmv_alloc(p);
    if (!R || !V || !ev || !ws) {
        rc = gidx__error_set(GIDX_ENOMEM, "gidx_pca: out of memory");
        goto done;
    }
    for (j = 0; j < p; j++)
        for (k = j; k < p; k++) {
            double c = 0.0;
            for (i = 0; i < m; i++)
                c += Z[i * p + j] * Z[i * p + k];
            c /= (double)(m - 1);
            gsl_matrix_set(R, j, k, c);
            gsl_matrix_set(R, k, j, c);
        }
    gs = gsl_eigen_symmv(R, ev, V, ws);
    if (gs == 0)
        gs = gsl_eigen_symmv_sort(ev, V, GSL_EIGEN_SORT_VAL_DESC);
    if (gs != 0) {
        rc = gidx__gsl_fail(gs, "gidx_pca: eigen decomposition");
        goto done;
    }
    for (j = 0; j < p; j++) {
        double e = gsl_vector_get(ev, j);
        if (e < 0.0)
            e = 0.0; /* rounding below zero for a rank-deficient matrix */
        sdev[j] = sqrt(e);
        if (prop)
            prop[j] = e / (double)p;
    }
    if (loadings) {
        for (k = 0; k < p; k++) {
            double big = 0.0, sgn = 1.0;
            for (j = 0; j < p; j++)
                if (fabs(gsl_matrix_get(V, j, k)) > big) {
                    big = fabs(gsl_matrix_get(V, j, k));
                    sgn = gsl_matrix_get(V, j, k) < 0 ? -1.0 : 1.0;
                }
            for (j = 0; j < p; j++)
                loadings[j * p + k] = sgn * gsl_matrix_get(V, j, k);
        }
    }
done:
    gsl_eigen_symmv_free(ws);
    gsl_vector_free(ev);
    gsl_matrix_free(V);
    gsl_matrix_free(R);
    free(Z);
    free(mean);
    free(sd);
    return rc;
}

/* Maximise c'x subject to A x <= b (b >= 0), x >= 0: tableau simplex, Bland's rule. */
static gidx_status simplex_max(double *val, double *x, const double *A, const double *b,
                               const double *c, size_t m, size_t p)
{
    size_t cols = p + m + 1, i, j, it, maxit = 50 * (m + p) + 100;
    double *T = gidx__calloc((m + 1) * cols, sizeof *T);
    size_t *basis = gidx__malloc((m ? m : 1) * sizeof *basis);
    const double eps = 1e-12;
    if (T == NULL || basis == NULL) {
        free(T);
        free(basis);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < m; i++) {
        for (j = 0; j < p; j++)
            T[i * cols + j] = A[i * p + j];
        T[i * cols + p + i] = 1.0;
        T[i * cols + cols - 1] = b[i];
        basis[i] = p + i;
    }
    for (j = 0; j < p; j++)
        T[m * cols + j] = -c[j];
    for (it = 0; it < maxit; it++) {
        size_t e = GIDX__NONE, l = GIDX__NONE;
        double best = INFINITY;
        for (j = 0; j + 1 < cols; j++)
            if (T[m * cols + j] < -eps) {
                e = j; /* Bland: the lowest-index improving column */
                break;
            }
        if (e == GIDX__NONE)
            break;
        for (i = 0; i < m; i++) {
            double a = T[i * cols + e];
            if (a > eps) {
                double r = T[i * cols + cols - 1] / a;
                if (r < best - eps || (fabs(r - best) <= eps && l != GIDX__NONE && basis[i] < basis[l])) {
                    best = r;
                    l = i;
                }
            }
        }
        if (l == GIDX__NONE) {
            free(T);
            free(basis);
            return gidx__error_set(GIDX_ENUMERIC, "benefit of the doubt: unbounded linear programme");
        }
        {
            double piv = T[l * cols + e];
            for (j = 0; j < cols; j++)
                T[l * cols + j] /= piv;
            for (i = 0; i <= m; i++)
                if (i != l) {
                    double f = T[i * cols + e];
                    if (f != 0.0)
                        for (j = 0; j < cols; j++)
                            T[i * cols + j] -= f * T[l * cols + j];
                }
            basis[l] = e;
        }
    }
    if (it == maxit) {
        free(T);
        free(basis);
        return gidx__error_set(GIDX_ENOCONV, "benefit of the doubt: simplex did not finish in %zu pivots",
                               maxit);
    }
    *val = T[m * cols + cols - 1];
    if (x) {
        for (j = 0; j < p; j++)
            x[j] = 0.0;
        for (i = 0; i < m; i++)
            if (basis[i] < p)
                x[basis[i]] = T[i * cols + cols - 1];
    }
    free(T);
    free(basis);
    return GIDX_OK;
}

gidx_status gidx_bod_score(double *score, double *w, const double *Y, size_t n, size_t p,
                           size_t u, double min_share, double max_share)
{
    size_t i, j, m, r;
    int bounded = min_share > 0.0 || max_share < 1.0;
    double *A, *b, val = 0.0;
    gidx_status rc;
    if (score == NULL || Y == NULL || p == 0 || u >= n)
        return gidx__error_set(GIDX_EINVAL, "gidx_bod_score: NULL argument, p == 0 or unit %zu >= %zu", u, n);
    if (!(min_share >= 0.0) || !(max_share <= 1.0) || min_share * (double)p > 1.0 ||
        max_share * (double)p < 1.0)
        return gidx__error_set(GIDX_EINVAL, "gidx_bod_score: share bounds [%g, %g] infeasible for %zu weights",
                               min_share, max_share, p);
    for (i = 0; i < n * p; i++)
        if (!gidx__isfinite(Y[i]) || Y[i] < 0.0)
            return gidx__error_set(GIDX_EDOM, "gidx_bod_score: value [%zu][%zu] = %g is not a finite value >= 0",
                                   i / p, i % p, Y[i]);
    m = n + (bounded ? 2 * p : 0);
    A = gidx__calloc(m * p, sizeof *A);
    b = gidx__calloc(m, sizeof *b);
    if (A == NULL || b == NULL) {
        free(A);
        free(b);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < n; i++) {
        for (j = 0; j < p; j++)
            A[i * p + j] = Y[i * p + j];
        b[i] = 1.0;
    }
    if (bounded)
        for (r = 0; r < p; r++) {
            double *lo = A + (n + 2 * r) * p, *hi = lo + p;
            for (j = 0; j < p; j++) {
                lo[j] = min_share * Y[u * p + j];
                hi[j] = -max_share * Y[u * p + j];
            }
            lo[r] -= Y[u * p + r];
            hi[r] += Y[u * p + r];
        }
    rc = simplex_max(&val, w, A, b, Y + u * p, m, p);
    free(A);
    free(b);
    if (rc == GIDX_OK)
        *score = val;
    return rc;
}

gidx_status gidx_peers_nearest(size_t *idx, size_t k, const double *Z, size_t n, size_t p,
                               size_t target)
{
    double *mean, *sd, *dist;
    size_t i, j, q, *ord;
    if (idx == NULL || Z == NULL || p == 0 || target >= n || k == 0 || k >= n)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_peers_nearest: need 0 < k (%zu) < n (%zu) and target < n", k, n);
    mean = gidx__calloc(2 * p + n, sizeof *mean);
    ord = gidx__malloc(n * sizeof *ord);
    if (mean == NULL || ord == NULL) {
        free(mean);
        free(ord);
        return GIDX_ENOMEM;
    }
    sd = mean + p;
    dist = sd + p;
    for (j = 0; j < p; j++) {
        size_t m = 0;
        for (i = 0; i < n; i++)
            if (gidx__isfinite(Z[i * p + j])) {
                mean[j] += Z[i * p + j];
                m++;
            }
        mean[j] = m ? mean[j] / (double)m : 0.0;
        for (i = 0; i < n; i++)
            if (gidx__isfinite(Z[i * p + j]))
                sd[j] += (Z[i * p + j] - mean[j]) * (Z[i * p + j] - mean[j]);
        sd[j] = m > 1 ? sqrt(sd[j] / (double)(m - 1)) : 0.0;
    }
    for (i = 0; i < n; i++) {
        double s = 0.0;
        size_t m = 0;
        for (j = 0; j < p; j++) {
            double a = Z[i * p + j], b = Z[target * p + j];
            if (!gidx__isfinite(a) || !gidx__isfinite(b) || !(sd[j] > 0.0))
                continue;
            s += (a - b) * (a - b) / (sd[j] * sd[j]);
            m++;
        }
        dist[i] = m ? sqrt(s * (double)p / (double)m) : INFINITY;
        ord[i] = i;
    }
    /* stable insertion sort by distance (ties keep index order) */
    for (i = 1; i < n; i++) {
        size_t v = ord[i];
        q = i;
        while (q > 0 && dist[ord[q - 1]] > dist[v]) {
            ord[q] = ord[q - 1];
            q--;
        }
        ord[q] = v;
    }
    for (i = 0, q = 0; i < n && q < k; i++)
        if (ord[i] != target)
            idx[q++] = ord[i];
    free(mean);
    free(ord);
    return GIDX_OK;
}

gidx_status gidx_sobol_indices(double *first, double *total, const double *yA, const double *yB,
                               const double *yAB, size_t N, size_t k)
{
    double mean = 0.0, var = 0.0;
    size_t i, j;
    if (first == NULL || total == NULL || yA == NULL || yB == NULL || yAB == NULL || N < 2 || k == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_sobol_indices: NULL argument, N < 2 or k == 0");
    for (j = 0; j < N; j++)
        mean += yA[j] + yB[j];
    mean /= (double)(2 * N);
    for (j = 0; j < N; j++)
        var += (yA[j] - mean) * (yA[j] - mean) + (yB[j] - mean) * (yB[j] - mean);
    var /= (double)(2 * N - 1);
    if (!(var > 0.0))
        return gidx__error_set(GIDX_EDATA, "gidx_sobol_indices: the output does not vary");
    for (i = 0; i < k; i++) {
        double s = 0.0, t = 0.0;
        const double *y = yAB + i * N;
        for (j = 0; j < N; j++) {
            s += yB[j] * (y[j] - yA[j]);
            t += (yA[j] - y[j]) * (yA[j] - y[j]);
        }
        first[i] = s / (double)N / var;
        total[i] = t / (2.0 * (double)N) / var;
    }
    return GIDX_OK;
}
