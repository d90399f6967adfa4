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
%{
#include <greenidx/report.h>
/* ---- Handles in R, for every module interface ----
 * An R handle is an external pointer tagged with the C type name, of class
 * c("<type>", "gidx_handle"). Its protected value is list(free function,
 * parent): R keeps the parent of a borrowing object alive as long as the
 * child. A finalizer frees the handle when R collects it (also at R exit);
 * gidx_close() frees it at once and a closed handle reads as NULL, so calls
 * on it fail with GIDX_EINVAL instead of touching freed memory.
 * Use (GIDX_R_FREE(gidx_x, gidx_x_free) once per type):
 *     SEXP h = PROTECT(gidx_r_handle_alloc(gidx_r_free_gidx_x, "gidx_x", R_NilValue));
 *     rc = gidx_x_new(&x, ...);             (after every R allocation)
 *     if (rc != GIDX_OK) { UNPROTECT(1); return gidx_r_status(rc); }
 *     R_SetExternalPtrAddr(h, x); UNPROTECT(1); return h;
 * The shell is allocated before the constructor runs, so an R allocation
 * error (a longjmp) can never leak a handle. */
%}
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

SEXP gidx_r_report_new(SEXP title)
{
    gidx_report *r = NULL;
    const char *t = gidx_r_string(title);
    gidx_status rc;
    SEXP h;
    if (t == NULL)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "report: title must be one string"));
    h = PROTECT(gidx_r_handle_alloc(gidx_r_free_gidx_report, "gidx_report", R_NilValue));
    rc = gidx_report_new(&r, t);
    if (rc != GIDX_OK) {
        UNPROTECT(1);
        return gidx_r_status(rc);
    }
    R_SetExternalPtrAddr(h, r);
    UNPROTECT(1);
    return h;
}

SEXP gidx_r_report_add_text(SEXP report, SEXP text)
{
    gidx_report *r = (gidx_report *)gidx_r_handle_get(report, "gidx_report");
    const char *t = gidx_r_string(text);
    gidx_status rc;
    if (r == NULL)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "report: not an open report handle"));
    if (t == NULL)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "report: text must be one string"));
    rc = gidx_report_add_text(r, t);
    return rc != GIDX_OK ? gidx_r_status(rc) : R_NilValue;
}

SEXP gidx_r_report_render(SEXP report, SEXP format)
{
    const gidx_report *r = (const gidx_report *)gidx_r_handle_get(report, "gidx_report");
    char *s = NULL;
    gidx_status rc;
    SEXP out;
    if (r == NULL)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "report: not an open report handle"));
    if (!Rf_isInteger(format) || XLENGTH(format) != 1)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "report: format must be one integer"));
    rc = gidx_report_render(&s, NULL, r, INTEGER(format)[0]);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_mkCharCE(s, CE_UTF8));
    gidx_free(s);
    out = Rf_ScalarString(out);
    UNPROTECT(1);
    return out;
}
%}
#endif
