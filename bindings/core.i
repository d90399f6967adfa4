/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core: version, errors, the dense solver (used to force a GSL failure in the
 * binding tests), atomic file writes.
 */
%{
#include <greenidx/common.h>
%}

/* Hand-written: gidx_linalg_solve (x and A are sized by b, which no typemap
 * sees; see gen_api.py), and in R the status object and the handle close
 * of every hand-written wrapper. Everything else of common.h is generated. */

#if defined(SWIGPYTHON)
%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *x_out, size_t nx) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *a, size_t na) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *b, size_t nb) };
%inline %{
/* gidx_linalg_solve() on a row-major flattened matrix: x = A^-1 b. */
gidx_status gidx_py_linalg_solve(double *x_out, size_t nx, const double *a, size_t na,
                                 const double *b, size_t nb)
{
    if (nb != nx || na != nx * nx)
        return gidx_error_set(GIDX_EINVAL, "solve: A must be n x n for a b of length n");
    return gidx_linalg_solve(x_out, a, b, nx);
}
%}
#elif defined(SWIGR)
%inline %{
/* gidx_linalg_solve() for R: A is a numeric matrix (column-major), b a
 * numeric vector. Returns the solution, or an integer status of class
 * "gidx_status" that the R layer turns into a condition. */
SEXP gidx_r_status(gidx_status rc)
{
    SEXP s = PROTECT(Rf_ScalarInteger(rc));
    Rf_setAttrib(s, R_ClassSymbol, Rf_mkString("gidx_status"));
    UNPROTECT(1);
    return s;
}
SEXP gidx_r_linalg_solve(SEXP A, SEXP b)
{
    size_t n, i, j;
    double *a_rm, *x;
    gidx_status rc;
    SEXP out;
    if (!Rf_isReal(A) || !Rf_isReal(b))
        return gidx_r_status(gidx_linalg_solve(NULL, NULL, NULL, 0));
    n = (size_t)XLENGTH(b);
    if ((size_t)XLENGTH(A) != n * n || n == 0)
        return gidx_r_status(gidx_linalg_solve(NULL, NULL, NULL, 0));
    a_rm = (double *)R_alloc(n * n, sizeof(double));
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            a_rm[i * n + j] = REAL(A)[j * n + i];
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    x = REAL(out);
    rc = gidx_linalg_solve(x, a_rm, REAL(b), n);
    UNPROTECT(1);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return out;
}

/* Free an R handle now (its finalizer then does nothing); NULL is returned. */
SEXP gidx_r_close(SEXP x)
{
    if (TYPEOF(x) == EXTPTRSXP)
        gidx_r_finalize(x);
    return R_NilValue;
}

/* TRUE when the handle is open (not closed by gidx_close()). */
SEXP gidx_r_is_open(SEXP x)
{
    return Rf_ScalarLogical(TYPEOF(x) == EXTPTRSXP && R_ExternalPtrAddr(x) != NULL);
}
%}
#endif
