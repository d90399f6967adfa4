/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ripple effects (include/greenidx/ripple.h): everything is generated from
 * the header (gidx_api.i) except the four constructors below, whose arrays
 * share one length n that the C call takes once (or takes from the model),
 * so no typemap sees it; each takes a length per array and checks they
 * agree. The same C serves Python (capi.gidx_io_model_new ...) and R
 * (C_gidx_io_model_new ...); the idiomatic layers are
 * bindings/python/greenidx/ripple.py and bindings/r/R/ripple.R.
 */
%apply (const double *MATRIX, size_t NROW, size_t NCOL) { (const double *Z, size_t nrow, size_t ncol) };
%apply (const double *IN, size_t N) { (const double *x, size_t nx), (const double *values, size_t nnz),
                                      (const double *regional_emp, size_t nreg),
                                      (const double *national_emp, size_t nnat) };
%apply (const size_t *IN, size_t N) { (const size_t *rowptr, size_t nrowptr),
                                      (const size_t *colind, size_t ncolind),
                                      (const size_t *industry_of, size_t nind) };
%apply (const char *const *IN, size_t N) { (const char *const *names, size_t nnames) };

GIDX_RENAME(gidx_bind_io_model_new, gidx_io_model_new)
GIDX_RENAME(gidx_bind_io_model_new_coefficients, gidx_io_model_new_coefficients)
GIDX_RENAME(gidx_bind_io_model_new_sparse, gidx_io_model_new_sparse)
GIDX_RENAME(gidx_bind_io_model_regionalise, gidx_io_model_regionalise)
%{
#include <stdio.h>
/* names: n names, or none (NULL) for S1..Sn. */
static gidx_status gidx_bind_io_sizes(const char *fn, size_t nrow, size_t ncol, size_t n, size_t nnames)
{
    char msg[200];
    if (nrow == n && ncol == n && (nnames == 0 || nnames == n) && n > 0)
        return GIDX_OK;
    snprintf(msg, sizeof msg, "%s: the matrix is %zu x %zu, with %zu outputs and %zu names; "
             "it must be n x n with n outputs and n names (or none)", fn, nrow, ncol, n, nnames);
    return gidx_error_set(GIDX_EINVAL, msg);
}
%}
%inline %{
/* Z (n x n), x (n) and names (n): gidx_io_model_new() takes n once. */
gidx_status gidx_bind_io_model_new(gidx_io_model **out, const double *Z, size_t nrow, size_t ncol,
                                   const double *x, size_t nx, const char *const *names,
                                   size_t nnames)
{
    gidx_status rc = gidx_bind_io_sizes("gidx_io_model_new", nrow, ncol, nx, nnames);
    return rc != GIDX_OK ? rc : gidx_io_model_new(out, Z, x, nx, nnames ? names : NULL);
}

/* A (n x n) and names (n): gidx_io_model_new_coefficients() takes n once. */
gidx_status gidx_bind_io_model_new_coefficients(gidx_io_model **out, const double *Z, size_t nrow,
                                                size_t ncol, const char *const *names, size_t nnames)
{
    gidx_status rc = gidx_bind_io_sizes("gidx_io_model_new_coefficients", nrow, ncol, nrow, nnames);
    return rc != GIDX_OK ? rc : gidx_io_model_new_coefficients(out, Z, nrow, nnames ? names : NULL);
}

/* CSR: rowptr (n + 1), colind and values (nnz), names (n). */
gidx_status gidx_bind_io_model_new_sparse(gidx_io_model **out, const size_t *rowptr, size_t nrowptr,
                                          const size_t *colind, size_t ncolind, const double *values,
                                          size_t nnz, const char *const *names, size_t nnames)
{
    size_t n = nrowptr ? nrowptr - 1 : 0;
    gidx_status rc = gidx_bind_io_sizes("gidx_io_model_new_sparse", n, n, n, nnames);
    if (rc == GIDX_OK && ncolind != nnz)
        rc = gidx_error_set(GIDX_EINVAL, "gidx_io_model_new_sparse: colind and values differ in length");
    return rc != GIDX_OK ? rc : gidx_io_model_new_sparse(out, n, rowptr, colind, values, nnz,
                                                         nnames ? names : NULL);
}

/* Employment of k industries twice, industry_of n (the model's sectors) or none. */
gidx_status gidx_bind_io_model_regionalise(gidx_io_model **out, const gidx_io_model *national,
                                           int method, double delta, const double *regional_emp,
                                           size_t nreg, const double *national_emp, size_t nnat,
                                           const size_t *industry_of, size_t nind)
{
    if (nreg != nnat)
        return gidx_error_set(GIDX_EINVAL, "gidx_io_model_regionalise: regional and national "
                              "employment differ in length");
    if (nind != 0 && nind != gidx_io_model_nsectors(national))
        return gidx_error_set(GIDX_EINVAL, "gidx_io_model_regionalise: industry_of must give "
                              "one industry per sector of the model");
    return gidx_io_model_regionalise(out, national, method, delta, regional_emp, national_emp,
                                     nreg, nind ? industry_of : NULL);
}
%}
