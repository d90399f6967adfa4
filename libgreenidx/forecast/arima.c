/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * ARIMA(p,d,q) with drift (d = 1) or mean (d = 0), d <= 2, p, q <= 3 when
 * given, p, q <= 2 in the automatic search (R's auto.arima allows 5; yearly
 * series of 10-40 points seldom support more than two).
 *
 * - Exact Gaussian likelihood by the Kalman filter on the state-space form
 *   of Harvey (1989, "Forecasting, structural time series models and the
 *   Kalman filter", sec. 3.4) / Durbin & Koopman (2012, "Time series analysis
 *   by state space methods", 2nd ed., sec. 3.4), with the variance
 *   concentrated out as R's arima() (Ripley 2002, "Time series in R 1.5.0",
 *   R News 2/2). The integrated part is carried as states (the level, and
 *   the slope for d = 2) so that missing years are skipped by the filter:
 *   the level starts exactly at the first observation (its diffuse prior
 *   conditioned on it), the slope of d = 2 with a large variance
 *   (Durbin & Koopman sec. 5.1 big-kappa) and its first innovation dropped.
 * - Stationarity and invertibility through the partial-autocorrelation
 *   reparametrisation of Jones (1980, Technometrics 22, 389-395), as R's
 *   arima(transform.pars = TRUE), applied here to the MA part too.
 * - Orders after Hyndman & Khandakar (2008), "Automatic time series
 *   forecasting: the forecast package for R", J. Stat. Softw. 27(3): d from
 *   successive KPSS tests at 5 % (Kwiatkowski, Phillips, Schmidt & Shin 1992,
 *   J. Econometrics 54; lag trunc(3 sqrt(n) / 13) and the 5 % critical
 *   value 0.463 of their Table 1, as R forecast's ndiffs()), then the
 *   stepwise search over p and q by AICc, with and without drift/mean, in
 *   R forecast 8.20's order of moves and with its bookkeeping of the
 *   constant, and rejecting, as R does, any candidate with an AR or MA
 *   root within 1.01 of the unit circle.
 * - R's "CSS-ML" in the search (R stats arima()): for a series without
 *   gaps each candidate is first fitted by conditional sum of squares with
 *   R's optimiser (BFGS of optim(), Nash 1990, from zero, the constant from
 *   least squares); a non-stationary CSS AR part rejects the candidate as
 *   it stops R's arima(), and the CSS coefficients start the exact
 *   likelihood's simplex (in Jones' coordinates, a non-invertible MA part
 *   from zero). With it greenidx picks R's model on 632 of the 645 M3
 *   yearly series (609 without; docs/forecast.md).
 * - The drift (or mean) is concentrated out of the likelihood by an
 *   augmented filter (generalised least squares given the ARMA part), so
 *   the simplex only searches the p + q ARMA coefficients.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_poly.h>

#include "forecast/fc_internal.h"

#define AR_MAXR 4          /* max(p, q + 1) */
#define AR_MAXS (AR_MAXR + 2)
#define FC_MAXPQ 2 /* search limit of the automatic order choice */

/* Jones (1980): partial autocorrelations tanh(u) -> AR coefficients. */
static void pacf_to_coef(const double *u, size_t p, double *phi)
{
    double work[AR_MAXR];
    size_t j, k;
    for (j = 0; j < p; j++)
        work[j] = phi[j] = tanh(u[j]);
    for (j = 1; j < p; j++) {
        double a = phi[j];
        for (k = 0; k < j; k++)
            work[k] -= a * phi[j - k - 1];
        for (k = 0; k < j; k++)
            phi[k] = work[k];
    }
}

/* The inverse map: AR coefficients -> atanh of the partial
 * autocorrelations (backward Durbin-Levinson); -1 when not stationary. */
static int coef_to_pacf(const double *phi, size_t p, double *u)
{
    double a[AR_MAXR], b[AR_MAXR];
    size_t j, k;
    for (j = 0; j < p; j++)
        a[j] = phi[j];
    for (k = p; k-- > 0;) {
        double r = a[k], den = 1.0 - r * r;
        if (!(fabs(r) < 0.9999999))
            return -1;
        u[k] = atanh(r);
        for (j = 0; j < k; j++)
            b[j] = (a[j] + r * a[k - 1 - j]) / den;
        for (j = 0; j < k; j++)
            a[j] = b[j];
    }
    for (j = 0; j < p; j++)
        if (u[j] > 7.9)
            u[j] = 7.9;
        else if (u[j] < -7.9)
            u[j] = -7.9;
    return 0;
}

/* Gaussian elimination with partial pivoting for the small (<= 16)
 * Lyapunov system, called at every likelihood evaluation: no allocation. */
static inline
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
int small_solve(double *x, double *A, double *b, size_t n)
{
    size_t i, j, k, piv;
    for (k = 0; k < n; k++) {
        double best = fabs(A[k * n + k]);
        piv = k;
        for (i = k + 1; i < n; i++)
            if (fabs(A[i * n + k]) > best) {
                best = fabs(A[i * n + k]);
                piv = i;
            }
        if (!(best > 1e-300))
            return -1;
        if (piv != k) {
            for (j = 0; j < n; j++) {
                double t = A[k * n + j];
                A[k * n + j] = A[piv * n + j];
                A[piv * n + j] = t;
            }
            {
                double t = b[k];
                b[k] = b[piv];
                b[piv] = t;
            }
        }
        for (i = k + 1; i < n; i++) {
            double f = A[i * n + k] / A[k * n + k];
            for (j = k; j < n; j++)
                A[i * n + j] -= f * A[k * n + j];
            b[i] -= f * b[k];
        }
    }
    for (k = n; k-- > 0;) {
        double s = b[k];
        for (j = k + 1; j < n; j++)
            s -= A[k * n + j] * x[j];
        x[k] = s / A[k * n + k];
    }
    return 0;
}

typedef struct {
    size_t p, q, d;
    int cst;
    double phi[AR_MAXR], theta[AR_MAXR], c;
} arma_par;

/* Stationary covariance of an ARMA block with transition Tb and
 * disturbance loading RA: P0 = Tb P0 Tb' + RA RA', solved for the
 * r (r + 1) / 2 distinct entries of the symmetric P0 (Harvey 1989,
 * sec. 3.3.3, with the symmetry of P0 used): a 6 x 6 system for r = 3
 * instead of the 9 x 9 of vec(P0) = (I - Tb (x) Tb)^-1 vec(RA RA'), at
 * every likelihood evaluation. */
static inline
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
int stat_cov(double Tb[AR_MAXR][AR_MAXR], const double *RA, size_t r, double *P0)
{
    /* every used entry is set below: zeroing the whole array at each
     * likelihood evaluation was a visible share of the profile */
    double M[AR_MAXR * (AR_MAXR + 1) / 2 * AR_MAXR * (AR_MAXR + 1) / 2],
        rhs[AR_MAXR * (AR_MAXR + 1) / 2], x[AR_MAXR * (AR_MAXR + 1) / 2];
    size_t m = r * (r + 1) / 2, a1, b1, a2, b2, row, col;
    if (r == 1) {
        double den = 1.0 - Tb[0][0] * Tb[0][0];
        if (!(den > 0))
            return -1;
        P0[0] = RA[0] * RA[0] / den;
        return 0;
    }
    row = 0;
    for (a1 = 0; a1 < r; a1++)
        for (b1 = a1; b1 < r; b1++, row++) {
            rhs[row] = RA[a1] * RA[b1];
            col = 0;
            for (a2 = 0; a2 < r; a2++)
                for (b2 = a2; b2 < r; b2++, col++) {
                    double t = Tb[a1][a2] * Tb[b1][b2];
                    if (b2 != a2)
                        t += Tb[a1][b2] * Tb[b1][a2];
                    M[row * m + col] = (row == col ? 1.0 : 0.0) - t;
                }
        }
    /* inlined into arma_filter_r(), where r and so m are compile-time
     * constants: the loops unrolled, the same operations in the same order */
    if (small_solve(x, M, rhs, m) != 0)
        return -1;
    row = 0;
    for (a1 = 0; a1 < r; a1++)
        for (b1 = a1; b1 < r; b1++, row++)
            P0[a1 * r + b1] = P0[b1 * r + a1] = x[row];
    return 0;
}

/* Adds log F of one innovation to *sumlog: logF itself once the filter is
 * steady, else as the log of a running product *fprod, flushed before it
 * can leave double range (one log instead of one per step); the caller adds
 * log(*fprod) at the end. Shared by kalman() and the fixed-size filter. */
static inline void acc_logdet(int steady, double F, double logF, double *sumlog, double *fprod)
{
    if (steady)
        *sumlog += logF;
    else if (F > 1e100 || F < 1e-100)
        *sumlog += log(F);
    else {
        *fprod *= F;
        if (*fprod > 1e150 || *fprod < 1e-150) {
            *sumlog += log(*fprod);
            *fprod = 1.0;
        }
    }
}

/* Kalman filter. Returns 0 and fills ssq, sumlog, n; the final filtered
 * state/covariance in a, P (dimension ns) for forecasting.
 * With conc = 1 and a constant, the constant is concentrated out: a second
 * filter pass of the same gains on the constant's own response (zero data,
 * constant 1) makes every innovation linear in c, v = v0 + c v1, so the
 * generalised least-squares c = -sum(v0 v1 / F) / sum(v1^2 / F) is the
 * exact ML value given the ARMA coefficients (Harvey 1989, sec. 3.4.5,
 * augmented filter). ap->c is set to it. */
static int kalman(arma_par *ap, const double *y, size_t o, double *ssq, double *sumlog,
                  size_t *nused, double *a, double *P, size_t *nsout, int conc)
{
    double ac[AR_MAXS] = { 0 }, S00 = 0, S01 = 0, S11 = 0, cc;
    size_t r = ap->p > ap->q + 1 ? ap->p : ap->q + 1, ns = r + ap->d, i, j, k, t;
    double T[AR_MAXS][AR_MAXS], R[AR_MAXS], tmp[AR_MAXS][AR_MAXS];
    double P0[AR_MAXR * AR_MAXR];
    size_t first = (size_t)-1, skip_first_innov = ap->d == 2;
    double RA[AR_MAXR];
    double Ksteady[AR_MAXS], Fsteady = 0, Fprev = 0, logF = 0, nzv[AR_MAXS * AR_MAXS];
    size_t nzs[AR_MAXS + 1], nzc[AR_MAXS * AR_MAXS];
    int steady = 0, prev_obs = 0;
    double v1, fprod = 1.0;

    conc = conc && ap->cst && ap->d < 2;
    cc = conc ? 0.0 : ap->c;

    memset(T, 0, sizeof T);
    /* ARMA block at offset d */
    for (i = 0; i < r; i++) {
        if (i < ap->p)
            T[ap->d + i][ap->d] = ap->phi[i];
        if (i + 1 < r)
            T[ap->d + i][ap->d + i + 1] = 1.0;
        RA[i] = i == 0 ? 1.0 : (i - 1 < ap->q ? ap->theta[i - 1] : 0.0);
    }
    /* integrated states: L_t = L_{t-1} (+ S_t) + w_t for d = 1 (resp. S) */
    if (ap->d == 1) {
        T[0][0] = 1.0;
        for (j = 0; j < r; j++)
            T[0][1 + j] = T[1][1 + j];
    } else if (ap->d == 2) {
        /* S_t = S_{t-1} + w_t ; L_t = L_{t-1} + S_t */
        T[1][1] = 1.0;
        for (j = 0; j < r; j++)
            T[1][2 + j] = T[2][2 + j];
        T[0][0] = 1.0;
        T[0][1] = 1.0;
        for (j = 0; j < r; j++)
            T[0][2 + j] = T[2][2 + j];
    }
    for (i = 0; i < ns; i++)
        R[i] = i < ap->d ? 1.0 : RA[i - ap->d];
    /* the nonzeros of T by row (T is sparse: companion and integration) */
    {
        size_t nnz = 0;
        for (i = 0; i < ns; i++) {
            nzs[i] = nnz;
            for (j = 0; j < ns; j++)
                if (T[i][j] != 0.0) {
                    nzc[nnz] = j;
                    nzv[nnz++] = T[i][j];
                }
        }
        nzs[ns] = nnz;
    }
    {
        double Tb[AR_MAXR][AR_MAXR];
        for (i = 0; i < r; i++)
            for (j = 0; j < r; j++)
                Tb[i][j] = T[ap->d + i][ap->d + j];
        if (stat_cov(Tb, RA, r, P0) != 0)
            return -1;
    }
    memset(P, 0, sizeof(double) * AR_MAXS * AR_MAXS);
    for (i = 0; i < ns; i++)
        a[i] = 0.0;
    for (i = 0; i < r; i++)
        for (j = 0; j < r; j++)
            P[(ap->d + i) * AR_MAXS + ap->d + j] = P0[i * r + j];
    *ssq = 0;
    *sumlog = 0;
    *nused = 0;
    for (t = 0; t < o; t++) {
        double v, F, pred;
        int obs = !isnan(y[t]);
        if (ap->d > 0 && first == (size_t)-1) {
            if (!obs)
                continue;
            first = t;
            a[0] = y[t];
            if (ap->d == 2)
                P[1 * AR_MAXS + 1] = 1e9;
            continue;
        }
        if (!obs) {
            /* a gap: the covariance moves again; steadiness is judged
             * only between consecutive observed years */
            steady = 0;
            prev_obs = 0;
        }
        if (!(ap->d == 0 && t == 0)) {
            /* a = T a over the nonzeros of T; the copies are of the
             * fixed AR_MAXS length, so that they compile to moves (a
             * copy loop of length ns became a libc memcpy call, 7 % of
             * `auto` in the profile) */
            double an[AR_MAXS] = { 0 };
            for (i = 0; i < ns; i++) {
                double s = 0;
                for (k = nzs[i]; k < nzs[i + 1]; k++)
                    s += nzv[k] * a[nzc[k]];
                an[i] = s;
            }
            if (ap->d == 1)
                an[0] += cc;
            memcpy(a, an, sizeof an);
            if (conc) {
                for (i = 0; i < ns; i++) {
                    double s = 0;
                    for (k = nzs[i]; k < nzs[i + 1]; k++)
                        s += nzv[k] * ac[nzc[k]];
                    an[i] = s;
                }
                if (ap->d == 1)
                    an[0] += 1.0;
                memcpy(ac, an, sizeof an);
            }
            if (!steady) {
                /* P = T P T' + R R' over the nonzeros of T only */
                for (i = 0; i < ns; i++)
                    for (j = 0; j < ns; j++) {
                        double s = 0;
                        for (k = nzs[i]; k < nzs[i + 1]; k++)
                            s += nzv[k] * P[nzc[k] * AR_MAXS + j];
                        tmp[i][j] = s;
                    }
                for (i = 0; i < ns; i++)
                    for (j = i; j < ns; j++) {
                        double s = 0;
                        for (k = nzs[j]; k < nzs[j + 1]; k++)
                            s += tmp[i][nzc[k]] * nzv[k];
                        P[i * AR_MAXS + j] = P[j * AR_MAXS + i] = s + R[i] * R[j];
                    }
            }
        }
        if (!obs)
            continue;
        /* observation: y = L (d > 0) or mean + first ARMA state (d = 0) */
        pred = ap->d == 0 ? a[0] + (ap->cst ? cc : 0.0) : a[0];
        v = y[t] - pred;
        v1 = conc ? -(ap->d == 0 ? ac[0] + 1.0 : ac[0]) : 0.0;
        if (steady) {
            /* the covariance has converged (Harvey 1989, sec. 3.3.4): the
             * gain and innovation variance no longer change */
            for (i = 0; i < ns; i++) {
                a[i] += Ksteady[i] * v;
                ac[i] += Ksteady[i] * v1;
            }
            F = Fsteady;
        } else {
            F = P[0];
            if (!(F > 0))
                return -1;
            for (i = 0; i < ns; i++)
                Ksteady[i] = P[i * AR_MAXS] / F;
            for (i = 0; i < ns; i++) {
                a[i] += Ksteady[i] * v;
                ac[i] += Ksteady[i] * v1;
            }
            {
                double row0[AR_MAXS];
                for (j = 0; j < ns; j++)
                    row0[j] = P[j];
                for (i = 0; i < ns; i++)
                    for (j = i; j < ns; j++)
                        P[i * AR_MAXS + j] = P[j * AR_MAXS + i] =
                            P[i * AR_MAXS + j] - Ksteady[i] * row0[j];
            }
            if (prev_obs && fabs(F - Fprev) < 1e-9 * F && !skip_first_innov) {
                steady = 1;
                Fsteady = F;
                logF = log(F);
            }
            Fprev = F;
        }
        prev_obs = 1;
        if (skip_first_innov) {
            skip_first_innov = 0;
            continue;
        }
        S00 += v * v / F;
        S01 += v * v1 / F;
        S11 += v1 * v1 / F;
        acc_logdet(steady, F, logF, sumlog, &fprod);
        (*nused)++;
    }
    if (fprod != 1.0)
        *sumlog += log(fprod);
    if (conc && S11 > 0) {
        double ch = -S01 / S11;
        ap->c = ch;
        *ssq = S00 - S01 * S01 / S11;
        if (*ssq < 0)
            *ssq = 0;
        for (i = 0; i < ns; i++)
            a[i] += ch * ac[i];
    } else
        *ssq = S00;
    *nsout = ns;
    return 0;
}

/* The filter of kalman() for a stationary ARMA (d = 0) without missing
 * values and its constant concentrated out when cst, with the state
 * dimension r a compile-time constant (the calls below, r = 1..4): the
 * companion form written out, T P T' = phi_i phi_j P00 + phi_i P0,j+1 +
 * P_i+1,0 phi_j + P_i+1,j+1, each sum in kalman()'s order (the zero
 * entries it skips add exact zeros here), so the two agree bit for bit. */
static inline
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
int arma_filter_r(const size_t r, const int conc, arma_par *ap, const double *w, size_t n,
                  double *ssq, double *sumlog, size_t *nused)
{
    double a[AR_MAXR] = { 0 }, ac[AR_MAXR] = { 0 }, P[AR_MAXR][AR_MAXR], RA[AR_MAXR],
        phi[AR_MAXR], K[AR_MAXR] = { 0 }, tmp[AR_MAXR][AR_MAXR + 1];
    double S00 = 0, S01 = 0, S11 = 0, F = 0, Fprev = 0, logF = 0, fprod = 1.0;
    size_t i, j, t;
    int steady = 0;
    for (i = 0; i < r; i++) {
        phi[i] = i < ap->p ? ap->phi[i] : 0.0;
        RA[i] = i == 0 ? 1.0 : (i - 1 < ap->q ? ap->theta[i - 1] : 0.0);
    }
    {
        double Tb[AR_MAXR][AR_MAXR], P0[AR_MAXR * AR_MAXR];
        for (i = 0; i < r; i++)
            for (j = 0; j < r; j++)
                Tb[i][j] = (j == 0 ? phi[i] : 0.0) + (j == i + 1 ? 1.0 : 0.0);
        if (stat_cov(Tb, RA, r, P0) != 0)
            return -1;
        for (i = 0; i < r; i++)
            for (j = 0; j < r; j++)
                P[i][j] = P0[i * r + j];
    }
    *sumlog = 0;
    *nused = 0;
    for (t = 0; t < n; t++) {
        double v, v1;
        if (t > 0) {
            double a0 = a[0], ac0 = ac[0];
            for (i = 0; i + 1 < r; i++)
                a[i] = phi[i] * a0 + a[i + 1];
            a[r - 1] = phi[r - 1] * a0;
            if (conc) {
                for (i = 0; i + 1 < r; i++)
                    ac[i] = phi[i] * ac0 + ac[i + 1];
                ac[r - 1] = phi[r - 1] * ac0;
            }
            if (!steady) {
                for (i = 0; i < r; i++) {
                    for (j = 0; j < r; j++)
                        tmp[i][j] = i + 1 < r ? phi[i] * P[0][j] + P[i + 1][j] : phi[i] * P[0][j];
                    tmp[i][r] = 0.0;
                }
                for (i = 0; i < r; i++)
                    for (j = i; j < r; j++)
                        P[i][j] = P[j][i] = tmp[i][0] * phi[j] + tmp[i][j + 1] + RA[i] * RA[j];
            }
        }
        v = w[t] - a[0];
        v1 = conc ? -(ac[0] + 1.0) : 0.0;
        if (!steady) {
            double row0[AR_MAXR];
            F = P[0][0];
            if (!(F > 0))
                return -1;
            for (i = 0; i < r; i++)
                K[i] = P[i][0] / F;
            for (j = 0; j < r; j++)
                row0[j] = P[0][j];
            for (i = 0; i < r; i++)
                for (j = i; j < r; j++)
                    P[i][j] = P[j][i] = P[i][j] - K[i] * row0[j];
            if (t > 0 && fabs(F - Fprev) < 1e-9 * F) {
                steady = 1;
                logF = log(F);
            }
            Fprev = F;
        }
        for (i = 0; i < r; i++)
            a[i] += K[i] * v;
        S00 += v * v / F;
        if (conc) {
            for (i = 0; i < r; i++)
                ac[i] += K[i] * v1;
            S01 += v * v1 / F;
            S11 += v1 * v1 / F;
        }
        acc_logdet(steady, F, logF, sumlog, &fprod);
        (*nused)++;
    }
    if (fprod != 1.0)
        *sumlog += log(fprod);
    if (conc && S11 > 0) {
        ap->c = -S01 / S11;
        *ssq = S00 - S01 * S01 / S11;
        if (*ssq < 0)
            *ssq = 0;
    } else
        *ssq = S00;
    return 0;
}

static int arma_filter(arma_par *ap, const double *w, size_t n, double *ssq, double *sumlog,
                       size_t *nused)
{
    size_t r = ap->p > ap->q + 1 ? ap->p : ap->q + 1;
    /* r and whether a constant is concentrated out as compile-time
     * constants (without one, the augmented pass is all zeros) */
    switch (r * 2 + (ap->cst ? 1 : 0)) {
    case 2: return arma_filter_r(1, 0, ap, w, n, ssq, sumlog, nused);
    case 3: return arma_filter_r(1, 1, ap, w, n, ssq, sumlog, nused);
    case 4: return arma_filter_r(2, 0, ap, w, n, ssq, sumlog, nused);
    case 5: return arma_filter_r(2, 1, ap, w, n, ssq, sumlog, nused);
    case 6: return arma_filter_r(3, 0, ap, w, n, ssq, sumlog, nused);
    case 7: return arma_filter_r(3, 1, ap, w, n, ssq, sumlog, nused);
    default: return ap->cst ? arma_filter_r(4, 1, ap, w, n, ssq, sumlog, nused)
                            : arma_filter_r(4, 0, ap, w, n, ssq, sumlog, nused);
    }
}

/* Longest series whose differences are kept for the likelihood below
 * (longer ones use the filter with integrated states). */
#define AR_MAXW 256

typedef struct {
    arma_par ap;
    const double *y;
    size_t N;
    /* For a series without gaps and d > 0, its d-th differences: there the
     * filter with integrated states has the level known exactly after the
     * first observation (and, for d = 2, the slope after the second, up to
     * the 1e-9 of the big-kappa prior), so its innovations and variances
     * are those of the ARMA filter on the differences with the drift as
     * their mean (Durbin & Koopman 2012, sec. 5.7; Brockwell & Davis 2002,
     * "Introduction to time series and forecasting", sec. 6.4). The state
     * dimension falls from max(p, q + 1) + d to max(p, q + 1): the
     * covariance recursion, the filter's main cost, shrinks accordingly.
     * For d = 0 without gaps w is the series itself; both run through
     * arma_filter(), kalman() written out for the companion form. */
    int diffed;
    size_t nw;
    double w[AR_MAXW];
} arima_ctx;

static void arima_ctx_diff(arima_ctx *e)
{
    size_t t, j, nw = e->N;
    e->diffed = 0;
    if (e->N > AR_MAXW || e->N <= e->ap.d)
        return;
    for (t = 0; t < e->N; t++) {
        if (isnan(e->y[t]))
            return;
        e->w[t] = e->y[t];
    }
    for (j = 0; j < e->ap.d; j++) {
        for (t = 0; t + 1 < nw; t++)
            e->w[t] = e->w[t + 1] - e->w[t];
        nw--;
    }
    e->nw = nw;
    e->diffed = 1;
}

/* the concentrated likelihood's pieces of e->ap (ap->c set to the GLS
 * constant), on the differences where arima_ctx_diff() made them */
static int arima_lik(arima_ctx *e, double *ssq, double *sumlog, size_t *n)
{
    double a[AR_MAXS], P[AR_MAXS * AR_MAXS];
    size_t ns;
    if (e->diffed) {
        arma_par ad = e->ap;
        int rc;
        ad.d = 0;
        rc = arma_filter(&ad, e->w, e->nw, ssq, sumlog, n);
        e->ap.c = ad.c;
        return rc;
    }
    return kalman(&e->ap, e->y, e->N, ssq, sumlog, n, a, P, &ns, 1);
}

static void arima_unpack(arma_par *ap, const double *u, const arima_ctx *e)
{
    double uq[AR_MAXR] = { 0 };
    size_t j;
    pacf_to_coef(u, ap->p, ap->phi);
    for (j = 0; j < ap->q; j++)
        uq[j] = u[ap->p + j];
    pacf_to_coef(uq, ap->q, ap->theta);
    /* Jones' map gives the AR polynomial 1 - sum phi B^j; for the MA part
     * 1 + sum theta B^j the sign flips */
    for (j = 0; j < ap->q; j++)
        ap->theta[j] = -ap->theta[j];
}

static double arima_obj(const double *u, void *p)
{
    arima_ctx *e = p;
    double ssq, sumlog, s2;
    size_t n, j;
    for (j = 0; j < e->ap.p + e->ap.q; j++)
        if (fabs(u[j]) > 8)
            return 1e10;
    arima_unpack(&e->ap, u, e);
    if (arima_lik(e, &ssq, &sumlog, &n) != 0 || n == 0)
        return 1e10;
    s2 = ssq / (double)n;
    return 0.5 * log(s2 > 0 ? s2 : 1e-300) + 0.5 * sumlog / (double)n;
}

static double coef_min_root(const double *phi, size_t p, const double *theta, size_t q);

static gidx_status fit_arima_u0(fc_comp *c, const double *y, size_t N, int p, int d, int q,
                                int cst, const fc_comp *init, const double *u0,
                                double polish_below);

gidx_status gidx__fc_fit_arima(fc_comp *c, const double *y, size_t N, int p, int d, int q,
                               int cst, const fc_comp *init)
{
    return fit_arima_u0(c, y, N, p, d, q, cst, init, NULL, INFINITY);
}

/* u0 (may be NULL): the starting point of the main fit in the transformed
 * coordinates (the CSS estimates of the search) */
static gidx_status fit_arima_u0(fc_comp *c, const double *y, size_t N, int p, int d, int q,
                                int cst, const fc_comp *init, const double *u0,
                                double polish_below)
{
    arima_ctx e;
    double u[2 * AR_MAXR + 1], step[2 * AR_MAXR + 1], fmin, ssq, sumlog;
    size_t npar = (size_t)(p + q + (cst ? 1 : 0)), j, n, nobs = gidx__fc_nobs(y, N);
    gidx_status rc;

    memset(c, 0, sizeof *c);
    if (p < 0 || q < 0 || p > 3 || q > 3 || d < 0 || d > 2 || (d == 2 && cst))
        return gidx__error_set(GIDX_EINVAL, "forecast: ARIMA(%d,%d,%d) not supported", p, d, q);
    if (nobs < (size_t)d + npar + 2)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: ARIMA(%d,%d,%d) with %zu observations",
                               p, d, q, nobs);
    memset(&e, 0, sizeof e);
    e.ap.p = (size_t)p;
    e.ap.q = (size_t)q;
    e.ap.d = (size_t)d;
    e.ap.cst = cst;
    e.y = y;
    e.N = N;
    arima_ctx_diff(&e);
    /* the constant is concentrated out (see kalman()): the optimiser sees
     * only the p + q transformed ARMA coefficients */
    for (j = 0; j < (size_t)(p + q); j++) {
        u[j] = init ? init->x[j] : u0 ? u0[j] : 0.0;
        step[j] = init || u0 ? 0.1 : 0.3;
    }
    if (p + q > 0) {
        rc = gidx__fc_minimize(u, step, (size_t)(p + q), arima_obj, &e, 500,
                               /* 3e-3: against 1e-3 the M3 arima row moved by 0.0001 sMAPE */
                               init ? FC_REFIT_TOL : 3e-3, &fmin);
        if (rc != GIDX_OK)
            return rc;
        if (!init) {
            /* Near the unit circle the likelihood often rises towards a
             * supremum on the boundary (an MA root at 1), where the simplex,
             * slow on that ridge in the transformed coordinates, may stop
             * early at an admissible point. R's arima() converges there
             * and auto.arima() then rejects the candidate (root within
             * 1.01; M3 Y166: R's ARIMA(2,1,2) with drift has an MA root at
             * 1.000001, greenidx stopped at 1.038 and chose that model,
             * sMAPE 105.6 against R's 16.1). So a fit with a root within
             * 1.1 is polished by a fresh simplex to a tight tolerance,
             * unless its AICc is already above polish_below (in the search:
             * the best AICc so far): there the polish could only move it
             * towards the boundary, where it is rejected, or lower its
             * AICc by what the simplex left on that ridge; measured on M3
             * yearly, no model changed and 78 of 173 polishes were saved
             * (issue #18). */
            double nn = (double)(nobs - (size_t)d),
                   aicc1 = gidx__fc_aicc(-nn * fmin - 0.5 * nn * (log(2.0 * M_PI) + 1.0), npar + 1,
                                         nobs - (size_t)d);
            arima_unpack(&e.ap, u, &e);
            if (aicc1 < polish_below && coef_min_root(e.ap.phi, e.ap.p, e.ap.theta, e.ap.q) < 1.1) {
                double f2;
                rc = gidx__fc_minimize(u, step, (size_t)(p + q), arima_obj, &e, 1000, 1e-5, &f2);
                if (rc != GIDX_OK)
                    return rc;
                fmin = f2;
            }
        }
        if (!(fmin < 1e9))
            return gidx__error_set(GIDX_ENOCONV, "forecast: ARIMA(%d,%d,%d) likelihood failed", p, d, q);
    }
    arima_unpack(&e.ap, u, &e);
    if (arima_lik(&e, &ssq, &sumlog, &n) != 0 || n == 0)
        return gidx__error_set(GIDX_ENUMERIC, "forecast: ARIMA(%d,%d,%d) Kalman filter failed", p, d, q);
    c->method = GIDX_FC_ARIMA;
    for (j = 0; j < (size_t)(p + q) && j < 8; j++)
        c->x[j] = u[j];
    c->p = p;
    c->d = d;
    c->q = q;
    c->cst = cst;
    c->sigma2 = ssq / (double)n;
    c->nobs = n;
    c->k = npar + 1;
    c->loglik = -0.5 * ((double)n * log(2.0 * M_PI * (c->sigma2 > 0 ? c->sigma2 : 1e-300)) + sumlog + (double)n);
    c->aicc = gidx__fc_aicc(c->loglik, c->k, n);
    /* reported and forecast variance: ssq / (n - coefficients), as R's arima() */
    c->sigma2 = n > npar ? ssq / (double)(n - npar) : ssq / (double)n;
    j = 0;
    {
        char nm[12];
        size_t i;
        for (i = 0; i < (size_t)p; i++) {
            nm[0] = 'a', nm[1] = 'r', nm[2] = (char)('1' + i), nm[3] = '\0';
            gidx__fc_setpar(c, j++, nm, e.ap.phi[i]);
        }
        for (i = 0; i < (size_t)q; i++) {
            nm[0] = 'm', nm[1] = 'a', nm[2] = (char)('1' + i), nm[3] = '\0';
            gidx__fc_setpar(c, j++, nm, e.ap.theta[i]);
        }
    }
    if (cst)
        gidx__fc_setpar(c, j++, d == 1 ? "drift" : "intercept", e.ap.c);
    gidx__fc_setpar(c, j++, "sigma2", c->sigma2);
    {
        /* "ARIMA(p,d,q)[ with drift| with non-zero mean]" without snprintf,
         * which was 1 % of `auto` (every rolling-origin refit names its
         * model); p, q <= 3 and d <= 2 are single digits */
        static const char *tail[3] = { "", " with drift", " with non-zero mean" };
        const char *tl = tail[cst ? (d == 1 ? 1 : 2) : 0];
        size_t l = strlen(tl);
        memcpy(c->name, "ARIMA(0,0,0)", 12);
        c->name[6] = (char)('0' + p);
        c->name[8] = (char)('0' + d);
        c->name[10] = (char)('0' + q);
        memcpy(c->name + 12, tl, l + 1);
    }
    return GIDX_OK;
}

gidx_status gidx__fc_arima_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                    double *mean, double *sd)
{
    arma_par ap;
    double ssq, sumlog, a[AR_MAXS], P[AR_MAXS * AR_MAXS];
    size_t n, ns, i, j, k, l, m;
    double T[AR_MAXS][AR_MAXS], R[AR_MAXS];
    memset(&ap, 0, sizeof ap);
    ap.p = (size_t)c->p;
    ap.q = (size_t)c->q;
    ap.d = (size_t)c->d;
    ap.cst = c->cst;
    for (i = 0, j = 0; i < ap.p; i++)
        ap.phi[i] = c->par[j++];
    for (i = 0; i < ap.q; i++)
        ap.theta[i] = c->par[j++];
    if (ap.cst)
        ap.c = c->par[j++];
    if (kalman(&ap, y, o, &ssq, &sumlog, &n, a, P, &ns, 0) != 0)
        return gidx__error_set(GIDX_ENUMERIC, "forecast: ARIMA Kalman filter failed");
    /* rebuild T and R as in kalman() for the prediction steps */
    {
        size_t r = ns - ap.d;
        double RA[AR_MAXR];
        memset(T, 0, sizeof T);
        for (i = 0; i < r; i++) {
            if (i < ap.p)
                T[ap.d + i][ap.d] = ap.phi[i];
            if (i + 1 < r)
                T[ap.d + i][ap.d + i + 1] = 1.0;
            RA[i] = i == 0 ? 1.0 : (i - 1 < ap.q ? ap.theta[i - 1] : 0.0);
        }
        if (ap.d == 1) {
            T[0][0] = 1.0;
            for (j = 0; j < r; j++)
                T[0][1 + j] = T[1][1 + j];
        } else if (ap.d == 2) {
            T[1][1] = 1.0;
            for (j = 0; j < r; j++)
                T[1][2 + j] = T[2][2 + j];
            T[0][0] = 1.0;
            T[0][1] = 1.0;
            for (j = 0; j < r; j++)
                T[0][2 + j] = T[2][2 + j];
        }
        for (i = 0; i < ns; i++)
            R[i] = i < ap.d ? 1.0 : RA[i - ap.d];
    }
    for (k = 0; k < h; k++) {
        double an[AR_MAXS], tmp[AR_MAXS][AR_MAXS], Pn[AR_MAXS][AR_MAXS];
        for (i = 0; i < ns; i++) {
            an[i] = 0;
            for (j = 0; j < ns; j++)
                an[i] += T[i][j] * a[j];
        }
        if (ap.d == 1)
            an[0] += ap.c;
        memcpy(a, an, sizeof(double) * ns);
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++) {
                double s = 0;
                for (l = 0; l < ns; l++)
                    s += T[i][l] * P[l * AR_MAXS + j];
                tmp[i][j] = s;
            }
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++) {
                double s = 0;
                for (m = 0; m < ns; m++)
                    s += tmp[i][m] * T[j][m];
                Pn[i][j] = s + R[i] * R[j];
            }
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++)
                P[i * AR_MAXS + j] = Pn[i][j];
        mean[k] = ap.d == 0 ? a[0] + (ap.cst ? ap.c : 0.0) : a[0];
        sd[k] = sqrt(P[0] * c->sigma2);
    }
    return GIDX_OK;
}

double gidx__fc_kpss(const double *x, size_t n)
{
    double m = 0, s = 0, eta = 0, s2;
    size_t t, l, L = (size_t)floor(3.0 * sqrt((double)n) / 13.0);
    for (t = 0; t < n; t++)
        m += x[t];
    m /= (double)n;
    for (t = 0; t < n; t++) {
        s += x[t] - m;
        eta += s * s;
    }
    s2 = 0;
    for (t = 0; t < n; t++)
        s2 += (x[t] - m) * (x[t] - m);
    for (l = 1; l <= L; l++) {
        double g = 0;
        for (t = l; t < n; t++)
            g += (x[t] - m) * (x[t - l] - m);
        s2 += 2.0 * (1.0 - (double)l / (double)(L + 1)) * g;
    }
    s2 /= (double)n;
    if (!(s2 > 0))
        return 0.0;
    return eta / ((double)n * (double)n * s2);
}

int gidx__fc_ndiffs(const double *y, size_t N)
{
    double x[1024];
    size_t n = 0, t, d = 0;
    for (t = 0; t < N && n < 1024; t++)
        if (!isnan(y[t]))
            x[n++] = y[t];
    while (d < 2 && n >= 3) {
        double mn = x[0], mx = x[0];
        for (t = 1; t < n; t++) {
            if (x[t] < mn) mn = x[t];
            if (x[t] > mx) mx = x[t];
        }
        if (mx == mn || gidx__fc_kpss(x, n) <= 0.463)
            break;
        for (t = 0; t + 1 < n; t++)
            x[t] = x[t + 1] - x[t];
        n--;
        d++;
    }
    return (int)d;
}

/* Smallest modulus of the roots of 1 - sum phi_j z^j (AR) and of
 * 1 + sum theta_j z^j (MA) of a fitted ARIMA component (INFINITY without
 * ARMA terms); GSL's companion-matrix polynomial solver. */
static double min_root(const fc_comp *c)
{
    return coef_min_root(c->par, (size_t)c->p, c->par + c->p, (size_t)c->q);
}

/* smallest modulus of the roots of 1 - sum phi B^j and 1 + sum theta B^j */
static double coef_min_root(const double *phi, size_t p, const double *theta, size_t q)
{
    double m = INFINITY, a[AR_MAXR + 1], z[2 * AR_MAXR];
    int part, j, deg;
    for (part = 0; part < 2; part++) {
        int ord = (int)(part == 0 ? p : q);
        gsl_poly_complex_workspace *w;
        a[0] = 1.0;
        for (j = 1; j <= ord; j++)
            a[j] = part == 0 ? -phi[j - 1] : theta[j - 1];
        for (deg = ord; deg > 0 && a[deg] == 0.0; deg--)
            ;
        if (deg == 0)
            continue;
        if (deg == 1) {
            double r = fabs(1.0 / a[1]);
            if (r < m)
                m = r;
            continue;
        }
        w = gsl_poly_complex_workspace_alloc((size_t)deg + 1);
        if (w == NULL)
            return 0.0; /* treated as inadmissible */
        if (gsl_poly_complex_solve(a, (size_t)deg + 1, w, z) == GSL_SUCCESS)
            for (j = 0; j < deg; j++) {
                double r = hypot(z[2 * j], z[2 * j + 1]);
                if (r < m)
                    m = r;
            }
        else
            m = 0.0;
        gsl_poly_complex_workspace_free(w);
    }
    return m;
}

/* A candidate of the automatic search: fitted, and with every AR and MA
 * root outside 1.01 (R forecast's auto.arima() gives a model with a root
 * closer to the unit circle an infinite criterion: near-non-invertible MA
 * parts, typical of an over-differenced trend, forecast badly). */
/* Conditional sum of squares of R's arima(method = "CSS-ML") first step
 * (R stats arima.c ARIMA_CSS): the series less its constant (the drift
 * times the time index for d = 1, the mean for d = 0), differenced d
 * times, residuals from t = d + p on with the earlier ones zero. */
typedef struct {
    const double *w; /* differenced series, nw values */
    size_t nw, p, q;
    int cst;
    double c0, cs;   /* constant = c0 + cs * u[p + q] */
} css_ctx;

/* The same arithmetic, term by term, as the recursion
 * r_t = w_t - c - sum_j ar_j (w_{t-j} - c) - sum_j ma_j r_{t-j} with
 * r_t = 0 for t < p, but with the residuals behind q leading zeros (a term
 * ma_j * 0 leaves r exactly as it is), so that the inner loops have no
 * bounds test, and compiled for each order (p, q <= 2) with the loops
 * unrolled: this objective is evaluated 2 (p + q + 1) times per numerical
 * gradient of the BFGS, about 2 800 times per M3 series. */
#if defined(__GNUC__)
#define CSS_INLINE static inline __attribute__((always_inline))
#else
#define CSS_INLINE static inline
#endif
CSS_INLINE double css_ssq(const double *w, size_t nw, size_t p, size_t q, const double *u,
                          double c)
{
    double eb[64 + AR_MAXR], *e_ = eb + AR_MAXR, ssq = 0.0;
    const double *ar = u, *ma = u + p;
    size_t t, j;
    for (j = 0; j < AR_MAXR; j++)
        eb[j] = 0.0;
    for (t = 0; t < p && t < nw; t++)
        e_[t] = 0.0;
    for (t = p; t < nw; t++) {
        double r = w[t] - c;
        for (j = 0; j < p; j++)
            r -= ar[j] * (w[t - j - 1] - c);
        for (j = 0; j < q; j++)
            r -= ma[j] * e_[(ptrdiff_t)t - (ptrdiff_t)j - 1];
        e_[t] = r;
        ssq += r * r;
    }
    return ssq;
}

static double css_obj(const double *u, void *vp)
{
    const css_ctx *e = vp;
    double c = e->cst ? e->c0 + e->cs * u[e->p + e->q] : 0.0, ssq;
    size_t p = e->p, q = e->q, nw = e->nw;
    if (nw <= p)
        return INFINITY;
#define CSS_PQ(P, Q) case (P) * 3 + (Q): ssq = css_ssq(e->w, nw, P, Q, u, c); break
    switch (p <= 2 && q <= 2 ? p * 3 + q : 9) {
        CSS_PQ(0, 0); CSS_PQ(0, 1); CSS_PQ(0, 2);
        CSS_PQ(1, 0); CSS_PQ(1, 1); CSS_PQ(1, 2);
        CSS_PQ(2, 0); CSS_PQ(2, 1); CSS_PQ(2, 2);
    default:
        ssq = css_ssq(e->w, nw, p, q, u, c);
    }
#undef CSS_PQ
    return 0.5 * log(ssq > 0 ? ssq / (double)(nw - p) : 1e-300);
}

/* Exact gradient of css_obj: the derivatives of the residuals follow the
 * recursion of the residuals themselves (differentiating
 * r_t = w_t - c - sum ar_j (w_{t-j} - c) - sum ma_j r_{t-j}):
 *   d r_t / d ar_k = -(w_{t-k} - c) - sum_j ma_j d r_{t-j} / d ar_k,
 *   d r_t / d ma_k = -r_{t-k}       - sum_j ma_j d r_{t-j} / d ma_k,
 *   d r_t / d c    = -(1 - sum ar_j) - sum_j ma_j d r_{t-j} / d c,
 * and d f / d u = sum r_t (d r_t / d u) / sum r_t^2 (Box, Jenkins, Reinsel
 * & Ljung 2015, "Time series analysis", 5th ed., sec. 7.2.1 on conditional
 * least squares). One pass instead of the 2 (p + q + 1) evaluations of
 * optim's central differences. */
CSS_INLINE void css_grad_pq(const css_ctx *e, const size_t p, const size_t q, const double *u,
                            double *g)
{
    size_t nw = e->nw, np = p + q + (e->cst ? 1 : 0), t, j, k;
    double c = e->cst ? e->c0 + e->cs * u[p + q] : 0.0, ssq = 0.0, sar = 0.0;
    double rb[64 + AR_MAXR], *r_ = rb + AR_MAXR;
    double db[2 * AR_MAXR + 1][64 + AR_MAXR], acc[2 * AR_MAXR + 1];
    const double *ar = u, *ma = u + p;
    for (k = 0; k < np; k++) {
        acc[k] = 0.0;
        for (j = 0; j < AR_MAXR; j++)
            db[k][j] = 0.0;
    }
    for (j = 0; j < AR_MAXR; j++)
        rb[j] = 0.0;
    for (j = 0; j < p; j++)
        sar += ar[j];
    for (t = 0; t < p && t < nw; t++) {
        r_[t] = 0.0;
        for (k = 0; k < np; k++)
            db[k][AR_MAXR + t] = 0.0;
    }
    for (t = p; t < nw; t++) {
        double r = e->w[t] - c;
        for (j = 0; j < p; j++)
            r -= ar[j] * (e->w[t - j - 1] - c);
        for (j = 0; j < q; j++)
            r -= ma[j] * r_[(ptrdiff_t)t - (ptrdiff_t)j - 1];
        r_[t] = r;
        ssq += r * r;
        for (k = 0; k < np; k++) {
            double d;
            double *dk = db[k] + AR_MAXR;
            if (k < p)
                d = -(e->w[t - k - 1] - c);
            else if (k < p + q)
                d = -r_[(ptrdiff_t)t - (ptrdiff_t)(k - p) - 1];
            else
                d = -(1.0 - sar) * e->cs;
            for (j = 0; j < q; j++)
                d -= ma[j] * dk[(ptrdiff_t)t - (ptrdiff_t)j - 1];
            dk[t] = d;
            acc[k] += r * d;
        }
    }
    for (k = 0; k < np; k++)
        g[k] = ssq > 0 ? acc[k] / ssq : 0.0;
}

/* css_grad_pq compiled for each order p, q <= 2, as css_obj */
static void css_grad(const double *u, void *vp, double *g)
{
    const css_ctx *e = vp;
#define CSS_PQ(P, Q) case (P) * 3 + (Q): css_grad_pq(e, P, Q, u, g); break
    switch (e->p <= 2 && e->q <= 2 ? e->p * 3 + e->q : 9) {
        CSS_PQ(0, 0); CSS_PQ(0, 1); CSS_PQ(0, 2);
        CSS_PQ(1, 0); CSS_PQ(1, 1); CSS_PQ(1, 2);
        CSS_PQ(2, 0); CSS_PQ(2, 1); CSS_PQ(2, 2);
    default:
        css_grad_pq(e, e->p, e->q, u, g);
    }
#undef CSS_PQ
}

/* 1 when R's CSS step leaves a stationary AR part (or p = 0, or the CSS
 * step does not apply: gaps, or a series too long for this buffer); 0
 * when R's arima() would stop with "non-stationary AR part from CSS", which
 * auto.arima() records as an infinite AICc (M3 Y173: R's ARIMA(1,2,0),
 * (1,2,1) and (2,2,2) fail there and it keeps ARIMA(0,2,1), where the
 * exact likelihood alone made greenidx pick ARIMA(2,2,0), sMAPE 41.8
 * against 32.2). */
static int css_ar_ok(const double *y, size_t N, int p, int d, int q, int cst, double *u0,
                     int *have)
{
    double w[64], u[2 * AR_MAXR + 1] = { 0 }, fmin, m = 0.0, v = 0.0;
    size_t t, j, nw;
    css_ctx e;
    *have = 0;
    if (p + q == 0 || N > 64 || N < (size_t)(d + p + q) + 3)
        return 1;
    for (t = 0; t < N; t++) {
        if (isnan(y[t]))
            return 1;
        w[t] = y[t];
    }
    nw = N;
    for (j = 0; j < (size_t)d; j++) {
        for (t = 0; t + 1 < nw; t++)
            w[t] = w[t + 1] - w[t];
        nw--;
    }
    for (t = 0; t < nw; t++)
        m += w[t];
    m /= (double)nw;
    for (t = 0; t < nw; t++)
        v += (w[t] - m) * (w[t] - m);
    e.w = w;
    e.nw = nw;
    e.p = (size_t)p;
    e.q = (size_t)q;
    e.cst = cst;
    /* R starts the constant at its least-squares value (the mean of the
     * differenced series) and the ARMA coefficients at zero */
    /* and optimises by BFGS (optim's vmmin) with the constant on the
     * scale of 10 standard errors of that mean (R's parscale) */
    e.c0 = m;
    e.cs = 10.0 * sqrt(v / (double)(nw > 1 ? nw - 1 : 1) / (double)nw) + 1e-12 * (fabs(m) + 1.0);
    if (gidx__fc_vmmin_gr(u, (size_t)(p + q + (cst ? 1 : 0)), css_obj, css_grad, &e, &fmin) != 0 ||
        !isfinite(fmin))
        return 1; /* not converged: R keeps its zero start, which passes */
    if (p > 0 && !(coef_min_root(u, (size_t)p, NULL, 0) > 1.0))
        return 0;
    /* the starting point of the exact-likelihood fit, as R's CSS-ML: the
     * CSS coefficients in Jones' coordinates; an MA part that is not
     * invertible starts at zero */
    if (coef_to_pacf(u, (size_t)p, u0) != 0)
        return 1;
    {
        double mth[AR_MAXR] = { 0 };
        for (j = 0; j < (size_t)q; j++)
            mth[j] = -u[p + j];
        if (!(coef_min_root(NULL, 0, u + p, (size_t)q) > 1.0) ||
            coef_to_pacf(mth, (size_t)q, u0 + p) != 0)
            for (j = 0; j < (size_t)q; j++)
                u0[p + j] = 0.0;
    }
    *have = 1;
    return 1;
}

static int search_fit(fc_comp *c, const double *y, size_t N, int p, int d, int q, int cst,
                      double best_aicc)
{
    double u0[2 * AR_MAXR + 1];
    int have;
    if (!css_ar_ok(y, N, p, d, q, cst, u0, &have))
        return 0;
    if (fit_arima_u0(c, y, N, p, d, q, cst, NULL, have ? u0 : NULL, best_aicc) != GIDX_OK)
        return 0;
    return min_root(c) > 1.01;
}

gidx_status gidx__fc_auto_arima(fc_comp *best, const double *y, size_t N)
{
    int d = gidx__fc_ndiffs(y, N), tried[4][4][2];
    int start[4][3] = { { 2, 2, 1 }, { 0, 0, 1 }, { 1, 0, 1 }, { 0, 1, 1 } };
    fc_comp c;
    int have = 0, improved, i, sp = 0, sq = 0, scst;
    size_t nobs = gidx__fc_nobs(y, N);
    int allowc = d < 2;

    memset(tried, 0, sizeof tried);
    memset(best, 0, sizeof *best);
    best->aicc = INFINITY;
    /* Hyndman & Khandakar's four starting models, then (0,d,0) without
     * constant. As R forecast 8.20's auto.arima(), the search state
     * (sp, sq, scst) follows the best model's orders, but its constant
     * only changes by the constant move: when the (0,d,0) without constant
     * wins the start, its neighbours are still searched with a constant. */
    scst = allowc;
    for (i = 0; i < 5; i++) {
        int p = i < 4 ? start[i][0] : 0, q = i < 4 ? start[i][1] : 0;
        int cst = i < 4 ? allowc : 0;
        if (tried[p][q][cst])
            continue;
        tried[p][q][cst] = 1;
        if (nobs < (size_t)(d + p + q + cst) + 3)
            continue;
        if (search_fit(&c, y, N, p, d, q, cst, best->aicc) && c.aicc < best->aicc) {
            *best = c;
            sp = p;
            sq = q;
            have = 1;
        }
    }
    if (!have) {
        /* too short for a constant: the random walk (or white noise) */
        gidx_status rc = gidx__fc_fit_arima(&c, y, N, 0, d, 0, 0, NULL);
        if (rc != GIDX_OK)
            return rc;
        *best = c;
        return GIDX_OK;
    }
    do {
        /* R's order of the moves; the first that improves the AICc is taken */
        static const int mv[][3] = { { -1, 0, 0 }, { 0, -1, 0 }, { 1, 0, 0 }, { 0, 1, 0 },
                                     { -1, -1, 0 }, { -1, 1, 0 }, { 1, -1, 0 }, { 1, 1, 0 },
                                     { 0, 0, 1 } };
        size_t k;
        improved = 0;
        for (k = 0; k < sizeof mv / sizeof mv[0]; k++) {
            int p = sp + mv[k][0], q = sq + mv[k][1];
            int cst = mv[k][2] ? !scst : scst;
            if (p < 0 || q < 0 || p > FC_MAXPQ || q > FC_MAXPQ || (cst && !allowc))
                continue;
            if (tried[p][q][cst])
                continue;
            tried[p][q][cst] = 1;
            if (nobs < (size_t)(d + p + q + cst) + 3)
                continue;
            if (search_fit(&c, y, N, p, d, q, cst, best->aicc) && c.aicc < best->aicc) {
                *best = c;
                sp = p;
                sq = q;
                scst = cst;
                improved = 1;
                break;
            }
        }
    } while (improved);
    return GIDX_OK;
}
