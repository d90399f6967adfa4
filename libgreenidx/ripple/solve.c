/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Solving (I - A) x = f without forming L: dense LU (model.c) or
 * Gauss-Seidel iteration on A in compressed sparse row form (here).
 *
 * For a productive economy A >= 0 and the spectral radius rho(A) < 1, so
 * I - A is a nonsingular M-matrix and L = I + A + A^2 + ... (Miller & Blair
 * 2009, sec. 2.4, the power series). The Jacobi iteration for I - A has a
 * non-negative iteration matrix with rho < 1; by the Stein-Rosenberg theorem
 * Gauss-Seidel then converges too, and at least as fast (R. S. Varga,
 * Matrix Iterative Analysis, 2nd ed., Springer 2000, Thm. 3.8; Y. Saad,
 * Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM 2003, sec. 4.1
 * and 4.2.3 for convergence of M-matrix splittings). A sweep costs one pass
 * over the nonzeros, so a multi-regional system with tens of thousands of
 * sectors is solved in O(nnz * sweeps) time and O(nnz) memory.
 *
 * The type II system is bordered: one more unknown (household income h) with
 * the labour-income row and the consumption column kept as dense vectors.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ripple_internal.h"

gidx_status gidx__io_csr_of(gidx__io_csr *c, const gidx_io_model *m, int transpose)
{
    size_t n = m->n, i, j, k, nnz = 0;
    memset(c, 0, sizeof *c);
    c->n = n;
    c->rowptr = gidx__calloc(n + 1, sizeof *c->rowptr);
    c->diag = gidx__calloc(n, sizeof *c->diag);
    if (c->rowptr == NULL || c->diag == NULL)
        goto nomem;
    if (m->A != NULL) {
        /* count off-diagonal nonzeros per (possibly transposed) row */
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++) {
                double a = transpose ? m->A[j * n + i] : m->A[i * n + j];
                if (i == j)
                    c->diag[i] = a;
                else if (a != 0)
                    c->rowptr[i + 1]++;
            }
    } else {
        for (i = 0; i < n; i++) {
            c->diag[i] = m->csr.diag[i];
            for (k = m->csr.rowptr[i]; k < m->csr.rowptr[i + 1]; k++)
                c->rowptr[(transpose ? m->csr.colind[k] : i) + 1]++;
        }
    }
    for (i = 0; i < n; i++)
        c->rowptr[i + 1] += c->rowptr[i];
    nnz = c->rowptr[n];
    c->colind = gidx__malloc((nnz ? nnz : 1) * sizeof *c->colind);
    c->val = gidx__malloc((nnz ? nnz : 1) * sizeof *c->val);
    if (c->colind == NULL || c->val == NULL)
        goto nomem;
    if (m->A != NULL) {
        size_t off = 0;
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++) {
                double a = transpose ? m->A[j * n + i] : m->A[i * n + j];
                if (i != j && a != 0) {
                    c->colind[off] = (uint32_t)j;
                    c->val[off++] = a;
                }
            }
    } else if (!transpose) {
        memcpy(c->colind, m->csr.colind, nnz * sizeof *c->colind);
        memcpy(c->val, m->csr.val, nnz * sizeof *c->val);
    } else {
        size_t *next = gidx__malloc((n ? n : 1) * sizeof *next);
        if (next == NULL)
            goto nomem;
        memcpy(next, c->rowptr, n * sizeof *next);
        for (i = 0; i < n; i++)
            for (k = m->csr.rowptr[i]; k < m->csr.rowptr[i + 1]; k++) {
                size_t pos = next[m->csr.colind[k]]++;
                c->colind[pos] = (uint32_t)i;
                c->val[pos] = m->csr.val[k];
            }
        free(next);
    }
    return GIDX_OK;
nomem:
    gidx__io_csr_free(c);
    return gidx__error_set(GIDX_ENOMEM, "io model: out of memory for the sparse coefficients");
}

/*
 * Gauss-Seidel for [I - C, -u; -w', 1] [y; h] = [b; bh] (u, w NULL for the
 * open model). y starts at b (the first two terms of the power series are
 * reached after one sweep).
 */
static gidx_status gauss_seidel(double *y, double *h, const gidx__io_csr *C, const double *u,
                                const double *w, const double *b, double bh, double tol,
                                size_t max_iter, const char *what)
{
    size_t n = C->n, i, k, it;
    const size_t *rp = C->rowptr;
    const uint32_t *ci = C->colind;
    const double *v = C->val;
    double hv = 0;
    for (i = 0; i < n; i++) {
        double d = 1.0 - C->diag[i];
        if (!(d > 0))
            return gidx__error_set(GIDX_ESINGULAR,
                                   "%s: diagonal coefficient a[%zu][%zu] = %g >= 1: I - A is not "
                                   "a productive (nonsingular M-) matrix", what, i, i, C->diag[i]);
        y[i] = b[i] / d;
    }
    if (w != NULL)
        hv = bh;
    for (it = 0; it < max_iter; it++) {
        double diff = 0, norm = 0;
        for (i = 0; i < n; i++) {
            double s = b[i], yi;
            for (k = rp[i]; k < rp[i + 1]; k++)
                s += v[k] * y[ci[k]];
            if (u != NULL)
                s += u[i] * hv;
            yi = s / (1.0 - C->diag[i]);
            diff = fmax(diff, fabs(yi - y[i]));
            norm = fmax(norm, fabs(yi));
            y[i] = yi;
        }
        if (w != NULL) {
            double s = bh;
            for (i = 0; i < n; i++)
                s += w[i] * y[i];
            diff = fmax(diff, fabs(s - hv));
            norm = fmax(norm, fabs(s));
            hv = s;
        }
        if (!gidx__isfinite(norm) || norm > 1e300)
            return gidx__error_set(GIDX_ENOCONV,
                                   "%s: Gauss-Seidel diverged after %zu sweeps: the spectral "
                                   "radius of A is not below 1 (the economy is not productive)",
                                   what, it + 1);
        if (diff <= tol * norm || norm == 0) {
            if (h != NULL)
                *h = hv;
            return GIDX_OK;
        }
    }
    return gidx__error_set(GIDX_ENOCONV,
                           "%s: Gauss-Seidel did not reach relative change %g in %zu sweeps "
                           "(spectral radius of A close to or above 1?)", what, tol, max_iter);
}

gidx_status gidx__io_solve(double *b, size_t nrhs, const gidx_io_model *m, int type,
                           int transpose, int solver, double tol, size_t max_iter,
                           const char *what)
{
    gidx__io_csr local;
    const gidx__io_csr *C;
    double *hr = NULL, *hc = NULL, *y = NULL;
    size_t n = m->n, N = n + (type == 2 ? 1 : 0), r;
    gidx_status rc = GIDX_OK;

    if (solver == GIDX_IO_SOLVER_AUTO)
        solver = m->A != NULL ? GIDX_IO_SOLVER_DENSE : GIDX_IO_SOLVER_ITERATIVE;
    if (solver == GIDX_IO_SOLVER_DENSE)
        return gidx__io_dense_solve(b, nrhs, m, type, transpose, what);
    if (solver != GIDX_IO_SOLVER_ITERATIVE)
        return gidx__error_set(GIDX_EINVAL, "%s: unknown solver %d", what, solver);
    if (tol <= 0)
        tol = 1e-12;
    if (max_iter == 0)
        max_iter = 10000;
    memset(&local, 0, sizeof local);
    if (m->A == NULL && !transpose) {
        C = &m->csr;
    } else {
        if ((rc = gidx__io_csr_of(&local, m, transpose)) != GIDX_OK)
            return rc;
        C = &local;
    }
    y = gidx__malloc(n * sizeof *y);
    if (y == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if (type == 2) {
        hr = gidx__malloc(n * sizeof *hr);
        hc = gidx__malloc(n * sizeof *hc);
        if (hr == NULL || hc == NULL) {
            rc = GIDX_ENOMEM;
            goto done;
        }
        if ((rc = gidx__io_households(hr, hc, m, what)) != GIDX_OK)
            goto done;
    }
    for (r = 0; r < nrhs && rc == GIDX_OK; r++) {
        double *rhs = b + r * N, h = 0;
        /* open: u = v = NULL. closed: (I - Abar) has column u = hc, row w = hr;
         * its transpose swaps them. */
        const double *u = type == 2 ? (transpose ? hr : hc) : NULL;
        const double *w = type == 2 ? (transpose ? hc : hr) : NULL;
        rc = gauss_seidel(y, &h, C, u, w, rhs, type == 2 ? rhs[n] : 0.0, tol, max_iter, what);
        if (rc == GIDX_OK) {
            memcpy(rhs, y, n * sizeof *y);
            if (type == 2)
                rhs[n] = h;
        }
    }
done:
    free(y);
    free(hr);
    free(hc);
    gidx__io_csr_free(&local);
    return rc;
}
