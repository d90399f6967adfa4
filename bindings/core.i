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

/* The declarations come from the header itself, so that `swig -doxygen`
 * carries its Doxygen comments into the Python docstrings. Left out: the
 * error struct (the bindings read it through the two functions below),
 * the raw-pointer solver (wrapped per language below) and gidx_free (the
 * bindings free what the library returns themselves). */
%ignore gidx_error;
%ignore gidx_error_last;
%ignore gidx_linalg_solve;
%ignore gidx_free;
%include <greenidx/common.h>

%inline %{
/** The calling thread's last error code (::GIDX_OK when none is recorded). */
int gidx_error_last_code(void) { return gidx_error_last()->code; }
/** The calling thread's last error message ("" when none is recorded). */
const char *gidx_error_last_message(void) { return gidx_error_last()->message; }
%}

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
%}
#endif
