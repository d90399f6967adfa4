/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Least squares on the unit simplex, the inner problem of synthetic control:
 *     min_w ||A w - b||^2  subject to  w >= 0, sum(w) = 1.
 *
 * Method: the equality constraint is imposed by weighting (Lawson & Hanson
 * 1974, Solving Least Squares Problems, ch. 22, "the weighting method": a row
 * M 1' with right-hand side M is appended, M large) and the remaining
 * non-negative least-squares problem is solved exactly by Lawson & Hanson's
 * active-set algorithm NNLS (ch. 23, algorithm 23.10), whose subproblems are
 * unconstrained least squares on the passive columns, solved here by
 * Householder QR (Golub & Van Loan 2013, sec. 5.2). The method terminates in
 * finitely many steps at the exact minimiser; the weighting perturbs the
 * constraint by O(||A||^2 / M^2), after which w is rescaled to sum to one.
 * This replaces the interior-point QP (kernlab's ipop) used by R's Synth.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

size_t gidx__eff_simplex_ls_work(size_t m, size_t J)
{
    return (m + 1) * J + 5 * J + (m + 1) * (J + 2) + 2 * (m + 1);
}

/* Least squares min ||E_P z - f|| for the passive columns P (np of them);
 * E is rows x J row-major. Q is scratch rows*(np+1). Returns 0 or -1 when
 * the passive columns are numerically dependent. */
static int ls_passive(double *z, const double *E, const double *f, size_t rows, size_t J,
                      const size_t *P, size_t np, double *Q)
{
    size_t i, j, l, w = np + 1;
    if (np > rows)
        return -1;
    for (i = 0; i < rows; i++) {
        for (j = 0; j < np; j++)
            Q[i * w + j] = E[i * J + P[j]];
        Q[i * w + np] = f[i];
    }
    for (j = 0; j < np; j++) {
        double norm = 0, alpha, vtv, s;
        for (i = j; i < rows; i++)
            norm += Q[i * w + j] * Q[i * w + j];
        norm = sqrt(norm);
        if (norm == 0)
            return -1;
        alpha = Q[j * w + j] > 0 ? -norm : norm;
        Q[j * w + j] -= alpha;          /* v = x - alpha e1 stored in place */
        vtv = 0;
        for (i = j; i < rows; i++)
            vtv += Q[i * w + j] * Q[i * w + j];
        for (l = j + 1; l < w; l++) {
            s = 0;
            for (i = j; i < rows; i++)
                s += Q[i * w + j] * Q[i * w + l];
            s = 2 * s / vtv;
            for (i = j; i < rows; i++)
                Q[i * w + l] -= s * Q[i * w + j];
        }
        Q[j * w + j] = alpha;           /* R's diagonal */
        for (i = j + 1; i < rows; i++)
            Q[i * w + j] = 0;
    }
    for (j = np; j-- > 0;) {
        double s = Q[j * w + np];
        if (fabs(Q[j * w + j]) < 1e-12 * (fabs(Q[0]) + 1e-300))
            return -1;
        for (l = j + 1; l < np; l++)
            s -= Q[j * w + l] * z[l];
        z[j] = s / Q[j * w + j];
    }
    return 0;
}

gidx_status gidx__eff_simplex_ls(double *x, const double *A, const double *b, size_t m, size_t J,
                                 double *work)
{
    size_t rows = m + 1, i, j, np = 0, iter = 0, maxit = 30 * J + 100;
    double *E = work, *f = E + rows * J, *wv = f + rows, *z = wv + J, *zp = z + J, *Q = zp + J,
           amax = 0, M, tol, sum;
    size_t *P;
    int *inP;
    /* index arrays live in the tail of the workspace, as doubles for alignment */
    double *tail = Q + rows * (J + 2);
    P = (size_t *)(void *)tail;
    inP = (int *)(void *)(tail + J);

    for (i = 0; i < m * J; i++)
        if (fabs(A[i]) > amax)
            amax = fabs(A[i]);
    for (i = 0; i < m; i++)
        if (fabs(b[i]) > amax)
            amax = fabs(b[i]);
    M = 1e4 * (amax > 1 ? amax : 1.0);
    memcpy(E, A, m * J * sizeof *E);
    for (j = 0; j < J; j++)
        E[m * J + j] = M;
    memcpy(f, b, m * sizeof *f);
    f[m] = M;
    /* round-off level of the gradient: the weighted row contributes M^2 eps */
    tol = 64.0 * DBL_EPSILON * M * M * sqrt((double)J);
    memset(x, 0, J * sizeof *x);
    memset(inP, 0, J * sizeof *inP);
    for (;;) {
        size_t jmax = J;
        double best = tol;
        size_t k;
        /* gradient w = E'(f - E x) over the active (zero) columns; x is
         * zero outside the passive set, so the residual needs only P */
        for (i = 0; i < rows; i++) {
            double r = f[i];
            for (k = 0; k < np; k++)
                r -= E[i * J + P[k]] * x[P[k]];
            Q[i] = r;
        }
        for (j = 0; j < J; j++) {
            double g = 0;
            if (inP[j])
                continue;
            for (i = 0; i < rows; i++)
                g += E[i * J + j] * Q[i];
            wv[j] = g;
            if (g > best) {
                best = g;
                jmax = j;
            }
        }
        if (jmax == J || np >= rows)
            break;
        P[np++] = jmax;
        inP[jmax] = 1;
        for (;;) {
            double alpha = 2;
            if (++iter > maxit)
                return gidx__error_set(GIDX_ENOCONV, "synthetic control: the simplex least-squares solver did not converge");
            if (ls_passive(zp, E, f, rows, J, P, np, Q) != 0) {
                /* the newest column is dependent on the others: drop it, stop adding */
                inP[P[--np]] = 0;
                goto finish;
            }
            for (k = 0; k < np; k++)
                if (zp[k] <= 0) {
                    double a = x[P[k]] / (x[P[k]] - zp[k]);
                    if (a < alpha)
                        alpha = a;
                }
            if (alpha > 1) {
                for (k = 0; k < np; k++)
                    x[P[k]] = zp[k];
                break;
            }
            for (k = 0; k < np; k++)
                x[P[k]] += alpha * (zp[k] - x[P[k]]);
            for (k = 0; k < np;) {
                if (x[P[k]] <= 1e-14) {
                    x[P[k]] = 0;
                    inP[P[k]] = 0;
                    P[k] = P[--np];
                } else {
                    k++;
                }
            }
        }
    }
finish:
    sum = 0;
    for (j = 0; j < J; j++) {
        if (x[j] < 0)
            x[j] = 0;
        sum += x[j];
    }
    if (!(sum > 0))
        return gidx__error_set(GIDX_ENUMERIC, "synthetic control: the donor weights are all zero");
    for (j = 0; j < J; j++)
        x[j] /= sum;
    return GIDX_OK;
}
