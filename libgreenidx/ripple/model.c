/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The input-output model handle: technical coefficients, satellites,
 * households, the Leontief and Ghosh inverses and multipliers.
 *
 * References:
 * - R. E. Miller and P. D. Blair (2009), Input-Output Analysis: Foundations
 *   and Extensions, 2nd ed., Cambridge University Press. A = Z x^-1
 *   (eq. 2.4), L = (I - A)^-1 (eq. 2.10), closing the model with respect to
 *   households (sec. 2.5.1, eq. 2.25), multipliers (ch. 6: simple output,
 *   income and employment multipliers, type I and type II), environmental
 *   satellites (ch. 10), the Ghosh supply-side model G = x^-1 L x (sec. 12.1).
 * - The dense inverse by LU with partial pivoting (GSL gsl_linalg_LU_decomp,
 *   gsl_linalg_LU_invert; Golub & Van Loan, Matrix Computations, 4th ed.,
 *   sec. 3.4); multipliers m' = e' L are obtained from (I - A)^T m = e,
 *   which costs one factorisation and no inverse.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>

#include "ripple_internal.h"

static const char *const quantity_names[GIDX__IO_NQ] = {
    "output", "employment", "value added", "labour income", "emissions", "imports",
    "leakage to the rest of the country"
};

gidx_io_model *gidx__io_alloc(size_t n)
{
    gidx_io_model *m = gidx__calloc(1, sizeof *m);
    if (m != NULL)
        m->n = n;
    return m;
}

void gidx__io_csr_free(gidx__io_csr *c)
{
    free(c->rowptr);
    free(c->colind);
    free(c->val);
    free(c->diag);
    memset(c, 0, sizeof *c);
}

void gidx_io_model_free(gidx_io_model *m)
{
    size_t i;
    if (m == NULL)
        return;
    if (m->names != NULL)
        for (i = 0; i < m->n; i++)
            free(m->names[i]);
    free(m->names);
    if (m->labels != NULL)
        for (i = 0; i < m->n; i++)
            free(m->labels[i]);
    free(m->labels);
    gidx__strmap_free(m->index);
    free(m->A);
    gidx__io_csr_free(&m->csr);
    free(m->x);
    for (i = 0; i < GIDX__IO_NQ; i++)
        free(m->sat[i]);
    free(m->hh);
    free(m->grp);
    free(m->xw);
    free(m->note);
    free(m);
}

gidx_status gidx__io_set_names(gidx_io_model *m, const char *const *names)
{
    size_t i, j;
    m->names = gidx__calloc(m->n, sizeof *m->names);
    m->index = gidx__strmap_new();
    if (m->names == NULL || m->index == NULL)
        return gidx__error_set(GIDX_ENOMEM, "io model: out of memory for %zu sector names", m->n);
    for (i = 0; i < m->n; i++) {
        char tmp[32];
        const char *s = names != NULL ? names[i] : NULL;
        if (names != NULL && s == NULL)
            return gidx__error_set(GIDX_EINVAL, "io model: sector name %zu is NULL", i);
        if (s == NULL) {
            snprintf(tmp, sizeof tmp, "S%zu", i + 1);
            s = tmp;
        }
        if (gidx__strmap_get(m->index, s, &j))
            return gidx__error_set(GIDX_EDUPLICATE,
                                   "io model: sector name '%s' is used twice (sectors %zu and %zu)",
                                   s, j + 1, i + 1);
        m->names[i] = gidx__strdup(s);
        if (m->names[i] == NULL || gidx__strmap_put(m->index, s, i) != GIDX_OK)
            return gidx__error_set(GIDX_ENOMEM, "io model: out of memory for sector names");
    }
    return GIDX_OK;
}

static int mul_overflows(size_t a, size_t b)
{
    return b != 0 && a > (size_t)-1 / b / sizeof(double);
}

gidx_status gidx_io_model_new(gidx_io_model **out, const double *Z, const double *x,
                              size_t n, const char *const *names)
{
    gidx_io_model *m;
    gidx_status rc;
    size_t i, j;

    if (out != NULL)
        *out = NULL;
    if (out == NULL || Z == NULL || x == NULL || n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_new: NULL argument or n == 0");
    if (mul_overflows(n, n))
        return gidx__error_set(GIDX_ELIMIT, "gidx_io_model_new: n = %zu is too large", n);
    m = gidx__io_alloc(n);
    if (m == NULL)
        return GIDX_ENOMEM;
    if ((rc = gidx__io_set_names(m, names)) != GIDX_OK)
        goto fail;
    m->A = gidx__malloc(n * n * sizeof *m->A);
    m->x = gidx__malloc(n * sizeof *m->x);
    if (m->A == NULL || m->x == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (j = 0; j < n; j++) {
        if (!gidx__isfinite(x[j]) || x[j] < 0) {
            rc = gidx__error_set(GIDX_EDATA,
                                 "io model: output of sector '%s' is %s (%g): total output must be "
                                 "finite and >= 0", m->names[j],
                                 gidx__isfinite(x[j]) ? "negative" : "not finite", x[j]);
            goto fail;
        }
        m->x[j] = x[j];
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double z = Z[i * n + j];
            if (!gidx__isfinite(z) || z < 0) {
                rc = gidx__error_set(GIDX_EDATA,
                                     "io model: flow Z['%s']['%s'] is %s (%g): flows must be "
                                     "finite and >= 0", m->names[i], m->names[j],
                                     gidx__isfinite(z) ? "negative" : "not finite", z);
                goto fail;
            }
            if (x[j] == 0 && z != 0) {
                rc = gidx__error_set(GIDX_EDATA,
                                     "io model: sector '%s' has zero output but buys %g from '%s'",
                                     m->names[j], z, m->names[i]);
                goto fail;
            }
            m->A[i * n + j] = x[j] > 0 ? z / x[j] : 0.0;
        }
    /* Value added v_j = 1 - sum_i a_ij must be positive, or I - A is not
     * productive (Hawkins-Simon; Miller & Blair sec. 2.6.2). */
    for (j = 0; j < n; j++) {
        double s = 0;
        for (i = 0; i < n; i++)
            s += m->A[i * n + j];
        if (s >= 1.0) {
            rc = gidx__error_set(GIDX_EDOM,
                                 "io model: column sum of A for sector '%s' is %.6g >= 1: its "
                                 "intermediate inputs are not less than its output %g",
                                 m->names[j], s, x[j]);
            goto fail;
        }
    }
    *out = m;
    return GIDX_OK;
fail:
    gidx_io_model_free(m);
    return rc;
}

gidx_status gidx_io_model_new_coefficients(gidx_io_model **out, const double *A, size_t n,
                                           const char *const *names)
{
    gidx_io_model *m;
    gidx_status rc;
    size_t i;

    if (out != NULL)
        *out = NULL;
    if (out == NULL || A == NULL || n == 0)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_new_coefficients: NULL argument or n == 0");
    if (mul_overflows(n, n))
        return gidx__error_set(GIDX_ELIMIT, "gidx_io_model_new_coefficients: n = %zu is too large", n);
    m = gidx__io_alloc(n);
    if (m == NULL)
        return GIDX_ENOMEM;
    if ((rc = gidx__io_set_names(m, names)) != GIDX_OK)
        goto fail;
    m->A = gidx__malloc(n * n * sizeof *m->A);
    if (m->A == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (i = 0; i < n * n; i++) {
        if (!gidx__isfinite(A[i]) || A[i] < 0) {
            rc = gidx__error_set(GIDX_EDATA,
                                 "io model: coefficient A['%s']['%s'] is %g: coefficients must "
                                 "be finite and >= 0", m->names[i / n], m->names[i % n], A[i]);
            goto fail;
        }
        m->A[i] = A[i];
    }
    *out = m;
    return GIDX_OK;
fail:
    gidx_io_model_free(m);
    return rc;
}

gidx_status gidx_io_model_new_sparse(gidx_io_model **out, size_t n, const size_t *rowptr,
                                     const size_t *colind, const double *values, size_t nnz,
                                     const char *const *names)
{
    gidx_io_model *m;
    gidx__io_csr *c;
    gidx_status rc;
    size_t i, k, off;

    if (out != NULL)
        *out = NULL;
    if (out == NULL || rowptr == NULL || n == 0 || (nnz > 0 && (colind == NULL || values == NULL)))
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_new_sparse: NULL argument or n == 0");
    if (rowptr[0] != 0 || rowptr[n] != nnz)
        return gidx__error_set(GIDX_EDATA,
                               "gidx_io_model_new_sparse: rowptr[0] must be 0 and rowptr[n] "
                               "must equal nnz = %zu (got %zu and %zu)", nnz, rowptr[0], rowptr[n]);
    for (i = 0; i < n; i++)
        if (rowptr[i + 1] < rowptr[i])
            return gidx__error_set(GIDX_EDATA,
                                   "gidx_io_model_new_sparse: rowptr decreases at row %zu", i);
    for (k = 0; k < nnz; k++) {
        if (colind[k] >= n)
            return gidx__error_set(GIDX_EDATA,
                                   "gidx_io_model_new_sparse: entry %zu has column %zu >= n = %zu",
                                   k, colind[k], n);
        if (!gidx__isfinite(values[k]) || values[k] < 0)
            return gidx__error_set(GIDX_EDATA,
                                   "gidx_io_model_new_sparse: entry %zu (column %zu) is %g: "
                                   "coefficients must be finite and >= 0", k, colind[k], values[k]);
    }
    if (n > UINT32_MAX)
        return gidx__error_set(GIDX_ELIMIT, "gidx_io_model_new_sparse: n = %zu exceeds %u sectors",
                               n, (unsigned)UINT32_MAX);
    m = gidx__io_alloc(n);
    if (m == NULL)
        return GIDX_ENOMEM;
    if ((rc = gidx__io_set_names(m, names)) != GIDX_OK)
        goto fail;
    c = &m->csr;
    c->n = n;
    c->rowptr = gidx__malloc((n + 1) * sizeof *c->rowptr);
    c->diag = gidx__calloc(n, sizeof *c->diag);
    c->colind = gidx__malloc((nnz ? nnz : 1) * sizeof *c->colind);
    c->val = gidx__malloc((nnz ? nnz : 1) * sizeof *c->val);
    if (c->rowptr == NULL || c->diag == NULL || c->colind == NULL || c->val == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    off = 0;
    for (i = 0; i < n; i++) {
        c->rowptr[i] = off;
        for (k = rowptr[i]; k < rowptr[i + 1]; k++) {
            if (colind[k] == i) {
                c->diag[i] += values[k];
            } else if (values[k] != 0) {
                c->colind[off] = (uint32_t)colind[k];
                c->val[off] = values[k];
                off++;
            }
        }
    }
    c->rowptr[n] = off;
    *out = m;
    return GIDX_OK;
fail:
    gidx_io_model_free(m);
    return rc;
}

gidx_status gidx__io_set_labels(gidx_io_model *m, const char *const *labels)
{
    size_t i;
    if (labels == NULL)
        return GIDX_OK;
    if ((m->labels = gidx__calloc(m->n, sizeof *m->labels)) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < m->n; i++)
        if ((m->labels[i] = gidx__strdup(labels[i] != NULL ? labels[i] : "")) == NULL)
            return GIDX_ENOMEM;
    return GIDX_OK;
}

const char *gidx_io_model_sector_label(const gidx_io_model *m, size_t i)
{
    return (m != NULL && m->labels != NULL && i < m->n) ? m->labels[i] : NULL;
}

size_t gidx_io_model_nsectors(const gidx_io_model *m)
{
    return m != NULL ? m->n : 0;
}

const char *gidx_io_model_sector(const gidx_io_model *m, size_t i)
{
    return (m != NULL && i < m->n) ? m->names[i] : NULL;
}

gidx_status gidx_io_model_find_sector(size_t *i, const gidx_io_model *m, const char *name)
{
    if (i == NULL || m == NULL || name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_find_sector: NULL argument");
    if (!gidx__strmap_get(m->index, name, i))
        return gidx__error_set(GIDX_ENOTFOUND, "io model: no sector named '%s'", name);
    return GIDX_OK;
}

int gidx_io_model_has_output(const gidx_io_model *m)
{
    return m != NULL && m->x != NULL;
}

gidx_status gidx_io_model_set_satellite(gidx_io_model *m, int quantity, const double *values,
                                        size_t n, int per_unit)
{
    double *c;
    size_t i;
    if (m == NULL || values == NULL || quantity <= GIDX_IO_OUTPUT ||
        quantity > GIDX_IO_IMPORTS)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_set_satellite: NULL argument or quantity %d is "
                               "not a satellite (1..5)", quantity);
    if (n != m->n)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_set_satellite: %zu values for %zu sectors", n, m->n);
    if (!per_unit && m->x == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "io model: %s totals need total output x; this model was built "
                               "from coefficients, give coefficients per unit of output",
                               quantity_names[quantity]);
    for (i = 0; i < n; i++) {
        if (!gidx__isfinite(values[i]))
            return gidx__error_set(GIDX_EDATA, "io model: %s of sector '%s' is not finite",
                                   quantity_names[quantity], m->names[i]);
        if (values[i] < 0 && quantity != GIDX_IO_EMISSIONS && quantity != GIDX_IO_VALUE_ADDED)
            return gidx__error_set(GIDX_EDATA, "io model: %s of sector '%s' is negative (%g)",
                                   quantity_names[quantity], m->names[i], values[i]);
        if (!per_unit && m->x[i] == 0 && values[i] != 0)
            return gidx__error_set(GIDX_EDATA,
                                   "io model: sector '%s' has zero output but %s %g",
                                   m->names[i], quantity_names[quantity], values[i]);
    }
    c = gidx__malloc(n * sizeof *c);
    if (c == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < n; i++)
        c[i] = per_unit ? values[i] : (m->x[i] > 0 ? values[i] / m->x[i] : 0.0);
    free(m->sat[quantity]);
    m->sat[quantity] = c;
    return GIDX_OK;
}

gidx_status gidx_io_model_satellite(double *out, size_t cap, const gidx_io_model *m,
                                    int quantity)
{
    size_t i;
    if (out == NULL || m == NULL || quantity < 0 || quantity >= GIDX__IO_NQ)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_satellite: bad argument");
    if (cap < m->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_satellite: need %zu values, have %zu",
                               m->n, cap);
    if (quantity == GIDX_IO_OUTPUT) {
        for (i = 0; i < m->n; i++)
            out[i] = 1.0;
        return GIDX_OK;
    }
    if (m->sat[quantity] == NULL)
        return gidx__error_set(GIDX_ESTATE, "io model: no %s satellite is set",
                               quantity_names[quantity]);
    memcpy(out, m->sat[quantity], m->n * sizeof *out);
    return GIDX_OK;
}

gidx_status gidx_io_model_set_households(gidx_io_model *m, const double *values, size_t n,
                                         int shares)
{
    double *c;
    size_t i;
    if (m == NULL || values == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_set_households: NULL argument");
    if (n != m->n)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_set_households: %zu values for %zu sectors", n, m->n);
    if (!shares && m->x == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "io model: household consumption totals need total output x; "
                               "give shares of household income instead");
    for (i = 0; i < n; i++)
        if (!gidx__isfinite(values[i]) || values[i] < 0)
            return gidx__error_set(GIDX_EDATA,
                                   "io model: household consumption of sector '%s' is %g: must "
                                   "be finite and >= 0", m->names[i], values[i]);
    c = gidx__malloc(n * sizeof *c);
    if (c == NULL)
        return GIDX_ENOMEM;
    memcpy(c, values, n * sizeof *c);
    free(m->hh);
    m->hh = c;
    m->hh_shares = shares ? 1 : 0;
    return GIDX_OK;
}

gidx_status gidx__io_households(double *hr, double *hc, const gidx_io_model *m,
                                const char *what)
{
    size_t i, n = m->n;
    if (m->sat[GIDX_IO_LABOUR_INCOME] == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "%s: type II needs the labour-income row (satellite "
                               "labour_income) to close the model with households", what);
    if (m->hh == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "%s: type II needs the household consumption column "
                               "(households.csv or gidx_io_model_set_households())", what);
    if (hr != NULL)
        memcpy(hr, m->sat[GIDX_IO_LABOUR_INCOME], n * sizeof *hr);
    if (hc != NULL) {
        if (m->hh_shares) {
            memcpy(hc, m->hh, n * sizeof *hc);
        } else {
            /* Household income = total labour income sum_j l_j x_j (Miller &
             * Blair sec. 2.5.1: the households' "output" x_{n+1}). */
            double inc = 0;
            for (i = 0; i < n; i++)
                inc += m->sat[GIDX_IO_LABOUR_INCOME][i] * m->x[i];
            if (!(inc > 0))
                return gidx__error_set(GIDX_EDATA,
                                       "%s: total labour income is %g; household consumption "
                                       "shares need a positive household income", what, inc);
            for (i = 0; i < n; i++)
                hc[i] = m->hh[i] / inc;
        }
    }
    return GIDX_OK;
}

void gidx__io_dense_A(double *out, const gidx_io_model *m)
{
    size_t i, k, n = m->n;
    if (m->A != NULL) {
        memcpy(out, m->A, n * n * sizeof *out);
        return;
    }
    memset(out, 0, n * n * sizeof *out);
    for (i = 0; i < n; i++) {
        out[i * n + i] = m->csr.diag[i];
        for (k = m->csr.rowptr[i]; k < m->csr.rowptr[i + 1]; k++)
            out[i * n + m->csr.colind[k]] += m->csr.val[k];
    }
}

gidx_status gidx_io_model_coefficients(double *out, size_t cap, const gidx_io_model *m)
{
    if (out == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_coefficients: NULL argument");
    if (m->A == NULL && m->n > GIDX__IO_DENSE_MAX)
        return gidx__error_set(GIDX_ELIMIT,
                               "gidx_io_model_coefficients: sparse model with n = %zu > %d; "
                               "a dense copy is not made", m->n, GIDX__IO_DENSE_MAX);
    if (cap / m->n < m->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_coefficients: need %zu values, have %zu",
                               m->n * m->n, cap);
    gidx__io_dense_A(out, m);
    return GIDX_OK;
}

gidx_status gidx_io_model_final_demand(double *out, size_t cap, const gidx_io_model *m)
{
    size_t i, j, n;
    if (out == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_final_demand: NULL argument");
    n = m->n;
    if (cap < n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_final_demand: need %zu values, have %zu",
                               n, cap);
    if (m->x == NULL || m->A == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "gidx_io_model_final_demand: the model has no total output x");
    for (i = 0; i < n; i++) {
        double s = 0;
        for (j = 0; j < n; j++)
            s += m->A[i * n + j] * m->x[j];
        out[i] = m->x[i] - s;
    }
    return GIDX_OK;
}

/* In-place transpose of a square row-major matrix in 64 x 64 tiles, so that
 * both tiles of a swap stay in cache (element-wise swapping, as
 * gsl_matrix_transpose does, misses the cache on every access for n in the
 * thousands). */
static void transpose_blocked(double *a, size_t N)
{
    const size_t B = 64;
    size_t bi, bj, i, j;
    for (bi = 0; bi < N; bi += B)
        for (bj = bi; bj < N; bj += B)
            for (i = bi; i < bi + B && i < N; i++)
                for (j = (bi == bj ? i + 1 : bj); j < bj + B && j < N; j++) {
                    double t = a[i * N + j];
                    a[i * N + j] = a[j * N + i];
                    a[j * N + i] = t;
                }
}

/* Dense (I - Abar) for type 1 or 2 into an N x N GSL matrix. */
static gidx_status fill_dense_system(gsl_matrix *M, const gidx_io_model *m, int type,
                                     int transpose, const char *what)
{
    size_t i, j, n = m->n, N = M->size1;
    double *a = M->data;
    gidx_status rc;
    /* a row-major n x n block at the top left, with tda N */
    if (N == n) {
        gidx__io_dense_A(a, m);
    } else {
        double *tmp = gidx__malloc(n * n * sizeof *tmp);
        if (tmp == NULL)
            return GIDX_ENOMEM;
        gidx__io_dense_A(tmp, m);
        for (i = 0; i < n; i++)
            memcpy(a + i * N, tmp + i * n, n * sizeof *a);
        free(tmp);
    }
    if (type == 2) {
        double *hr = gidx__malloc(n * sizeof *hr), *hc = gidx__malloc(n * sizeof *hc);
        if (hr == NULL || hc == NULL) {
            free(hr);
            free(hc);
            return GIDX_ENOMEM;
        }
        rc = gidx__io_households(hr, hc, m, what);
        if (rc == GIDX_OK) {
            for (i = 0; i < n; i++) {
                a[i * N + n] = hc[i];     /* household column: purchases */
                a[n * N + i] = hr[i];     /* household row: labour income */
            }
            a[n * N + n] = 0.0;
        }
        free(hr);
        free(hc);
        if (rc != GIDX_OK)
            return rc;
    }
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            a[i * N + j] = (i == j ? 1.0 : 0.0) - a[i * N + j];
    if (transpose)
        transpose_blocked(a, N);
    return GIDX_OK;
}

/* LU-factorise I - Abar and check for (near) singularity: GSL only notices
 * an exactly zero pivot, and a pivot at rounding level means the inverse is
 * noise (Golub & Van Loan sec. 3.5). */
static gidx_status dense_factor(gsl_matrix **lu_out, gsl_permutation **p_out,
                                const gidx_io_model *m, int type, int transpose,
                                const char *what)
{
    size_t N = m->n + (type == 2 ? 1 : 0), i;
    gsl_matrix *lu;
    gsl_permutation *p;
    gidx_status rc;
    int signum, gs;
    double umax = 0, umin = INFINITY;

    *lu_out = NULL;
    *p_out = NULL;
    if (m->A == NULL && m->n > GIDX__IO_DENSE_MAX)
        return gidx__error_set(GIDX_ELIMIT,
                               "%s: the dense solver is refused for a sparse model with n = %zu "
                               "> %d; use the iterative solver", what, m->n, GIDX__IO_DENSE_MAX);
    gidx__gsl_init();
    lu = gsl_matrix_alloc(N, N);
    p = gsl_permutation_alloc(N);
    if (lu == NULL || p == NULL) {
        gsl_matrix_free(lu);
        gsl_permutation_free(p);
        return gidx__error_set(GIDX_ENOMEM, "%s: out of memory for a %zu x %zu matrix", what, N, N);
    }
    rc = fill_dense_system(lu, m, type, transpose, what);
    if (rc == GIDX_OK) {
        gs = gsl_linalg_LU_decomp(lu, p, &signum);
        if (gs != 0)
            rc = gidx__gsl_fail(gs, what);
    }
    if (rc == GIDX_OK) {
        for (i = 0; i < N; i++) {
            double d = fabs(gsl_matrix_get(lu, i, i));
            if (d > umax)
                umax = d;
            if (d < umin)
                umin = d;
        }
        if (!(umin > (double)N * 2.220446049250313e-16 * umax))
            rc = gidx__error_set(GIDX_ESINGULAR,
                                 "%s: I - A%s is singular (smallest LU pivot %g, largest %g): "
                                 "the economy is not productive; check that the column sums "
                                 "of A%s are below 1", what, type == 2 ? " (closed with households)" : "",
                                 umin, umax, type == 2 ? " and the household row and column" : "");
    }
    if (rc != GIDX_OK) {
        gsl_matrix_free(lu);
        gsl_permutation_free(p);
        return rc;
    }
    *lu_out = lu;
    *p_out = p;
    return GIDX_OK;
}

gidx_status gidx_io_model_leontief(double *out, size_t cap, const gidx_io_model *m, int type)
{
    gsl_matrix *lu = NULL;
    gsl_permutation *p = NULL;
    size_t N;
    gidx_status rc;
    int gs;
    if (out == NULL || m == NULL || (type != 1 && type != 2))
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_leontief: NULL argument or type %d "
                               "is not 1 or 2", type);
    N = m->n + (type == 2 ? 1 : 0);
    if (cap / N < N)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_leontief: need %zu values, have %zu",
                               N * N, cap);
    rc = dense_factor(&lu, &p, m, type, 0, "gidx_io_model_leontief");
    if (rc != GIDX_OK)
        return rc;
    {
        gsl_matrix_view inv = gsl_matrix_view_array(out, N, N);
        gs = gsl_linalg_LU_invert(lu, p, &inv.matrix);
        if (gs != 0)
            rc = gidx__gsl_fail(gs, "gidx_io_model_leontief");
    }
    gsl_matrix_free(lu);
    gsl_permutation_free(p);
    return rc;
}

gidx_status gidx_io_model_ghosh(double *out, size_t cap, const gidx_io_model *m)
{
    size_t i, j, n;
    gidx_status rc;
    if (out == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_ghosh: NULL argument");
    n = m->n;
    if (m->x == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "gidx_io_model_ghosh: the Ghosh inverse needs total output x");
    for (i = 0; i < n; i++)
        if (!(m->x[i] > 0))
            return gidx__error_set(GIDX_ESTATE,
                                   "gidx_io_model_ghosh: sector '%s' has zero output; the "
                                   "allocation coefficients B = x^-1 Z are undefined",
                                   m->names[i]);
    if ((rc = gidx_io_model_leontief(out, cap, m, 1)) != GIDX_OK)
        return rc;
    /* G = x^-1 L x (Miller & Blair eq. 12.9) */
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            out[i * n + j] *= m->x[j] / m->x[i];
    return GIDX_OK;
}

/* Multipliers of every quantity in @p want (NULL = all set) with one
 * factorisation: (I - Abar)^T M = E for the stacked coefficient rows. */
static gidx_status multipliers_many(double *out, const gidx_io_model *m, const int *want,
                                    int type, const char *what)
{
    size_t n = m->n, N = n + (type == 2 ? 1 : 0), i, k = 0, r;
    int q, rows[GIDX__IO_NQ];
    double *e;
    gidx_status rc;
    for (q = 0; q < GIDX__IO_NQ; q++)
        if ((want == NULL || want[q]) && (q == GIDX_IO_OUTPUT || m->sat[q] != NULL))
            rows[k++] = q;
    e = gidx__malloc(k * N * sizeof *e);
    if (e == NULL)
        return GIDX_ENOMEM;
    for (r = 0; r < k; r++) {
        for (i = 0; i < n; i++)
            e[r * N + i] = rows[r] == GIDX_IO_OUTPUT ? 1.0 : m->sat[rows[r]][i];
        if (type == 2)
            e[r * N + n] = 0.0;  /* the household row is not an industry (M&B sec. 6.2.2) */
    }
    rc = gidx__io_solve(e, k, m, type, 1, GIDX_IO_SOLVER_AUTO, 0, 0, what);
    if (rc == GIDX_OK)
        for (r = 0; r < k; r++)
            memcpy(out + (size_t)rows[r] * n, e + r * N, n * sizeof *out);
    free(e);
    return rc;
}

gidx_status gidx_io_model_multipliers(double *out, size_t cap, const gidx_io_model *m,
                                      int quantity, int type)
{
    size_t n;
    double *all;
    int want[GIDX__IO_NQ] = { 0 };
    gidx_status rc;
    if (out == NULL || m == NULL || quantity < 0 || quantity > GIDX_IO_IMPORTS ||
        (type != 1 && type != 2))
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_multipliers: NULL argument, quantity %d or type %d "
                               "out of range (leakage has no multipliers: its type II part "
                               "depends on household income; use a shock)", quantity, type);
    n = m->n;
    if (cap < n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_multipliers: need %zu values, have %zu",
                               n, cap);
    if (quantity != GIDX_IO_OUTPUT && m->sat[quantity] == NULL)
        return gidx__error_set(GIDX_ESTATE, "gidx_io_model_multipliers: no %s satellite is set",
                               quantity_names[quantity]);
    all = gidx__malloc(GIDX__IO_NQ * n * sizeof *all);
    if (all == NULL)
        return GIDX_ENOMEM;
    want[quantity] = 1;
    rc = multipliers_many(all, m, want, type, "gidx_io_model_multipliers");
    if (rc == GIDX_OK)
        memcpy(out, all + (size_t)quantity * n, n * sizeof *out);
    free(all);
    return rc;
}

gidx_status gidx_io_model_multiplier_table(double *out, size_t cap, const gidx_io_model *m,
                                           int type)
{
    size_t n, i;
    if (out == NULL || m == NULL || (type != 1 && type != 2))
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_multiplier_table: NULL argument or type %d", type);
    n = m->n;
    if (cap / GIDX_IO_NQUANTITIES < n)
        return gidx__error_set(GIDX_EBUFS,
                               "gidx_io_model_multiplier_table: need %zu values, have %zu",
                               GIDX_IO_NQUANTITIES * n, cap);
    {
        /* the public table has the first GIDX_IO_NQUANTITIES rows only */
        int want[GIDX__IO_NQ] = { 1, 1, 1, 1, 1, 0, 0 };
        double *all = gidx__malloc(GIDX__IO_NQ * n * sizeof *all);
        gidx_status rc;
        if (all == NULL)
            return GIDX_ENOMEM;
        for (i = 0; i < GIDX__IO_NQ * n; i++)
            all[i] = gidx__nan();
        rc = multipliers_many(all, m, want, type, "gidx_io_model_multiplier_table");
        if (rc == GIDX_OK)
            memcpy(out, all, GIDX_IO_NQUANTITIES * n * sizeof *out);
        free(all);
        return rc;
    }
}

gidx_status gidx__io_note_add(gidx_io_model *m, const char *fmt, ...)
{
    va_list ap;
    size_t old = m->note != NULL ? strlen(m->note) + 1 : 0;
    int len;
    char *s;
    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return gidx__error_set(GIDX_EINTERNAL, "io model: bad note format");
    s = gidx__realloc(m->note, old + (size_t)len + 1);
    if (s == NULL)
        return gidx__error_set(GIDX_ENOMEM, "io model: out of memory for the note");
    if (old > 0)
        s[old - 1] = '\n';
    va_start(ap, fmt);
    vsnprintf(s + old, (size_t)len + 1, fmt, ap);
    va_end(ap);
    m->note = s;
    return GIDX_OK;
}

const char *gidx_io_model_note(const gidx_io_model *m)
{
    return m != NULL ? m->note : NULL;
}

gidx_status gidx_io_model_output(double *out, size_t cap, const gidx_io_model *m)
{
    if (out == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_output: NULL argument");
    if (cap < m->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_model_output: need %zu values, have %zu", m->n, cap);
    if (m->x == NULL)
        return gidx__error_set(GIDX_ESTATE, "gidx_io_model_output: the model has no total output");
    memcpy(out, m->x, m->n * sizeof *out);
    return GIDX_OK;
}

int gidx_io_model_year(const gidx_io_model *m)
{
    return m != NULL ? m->year : 0;
}

/* ---- dense solves, used by gidx__io_solve in solve.c ---- */

gidx_status gidx__io_dense_solve(double *b, size_t nrhs, const gidx_io_model *m, int type,
                                 int transpose, const char *what)
{
    gsl_matrix *lu = NULL;
    gsl_permutation *p = NULL;
    size_t N = m->n + (type == 2 ? 1 : 0), r;
    gidx_status rc = dense_factor(&lu, &p, m, type, transpose, what);
    if (rc != GIDX_OK)
        return rc;
    for (r = 0; r < nrhs && rc == GIDX_OK; r++) {
        gsl_vector_view v = gsl_vector_view_array(b + r * N, N);
        int gs = gsl_linalg_LU_svx(lu, p, &v.vector);
        if (gs != 0)
            rc = gidx__gsl_fail(gs, what);
    }
    gsl_matrix_free(lu);
    gsl_permutation_free(p);
    return rc;
}
