/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core (include/greenidx/common.h): generated (gidx_api.i) except what
 * follows, each saying why no typemap fits.
 */

/* gidx_error_last() returns a struct pointer (a thread-local record): its
 * two fields are read through these, on the calling thread. */
%inline %{
/** The calling thread's last error code (GIDX_OK when none is recorded). */
int gidx_error_last_code(void) { return gidx_error_last()->code; }
/** The calling thread's last error message ("" when none is recorded). */
const char *gidx_error_last_message(void) { return gidx_error_last()->message; }
%}

/* gidx_linalg_solve(): x and A are sized by b's n, which the C call takes
 * once; A comes as a matrix (R column-major, converted) and x as a buffer
 * of capacity n. */
%apply (double *OUT1, size_t CAP) { (double *x, size_t cap) };
%apply (const double *MATRIX, size_t NROW, size_t NCOL) { (const double *A, size_t nrow, size_t ncol) };
%apply (const double *IN, size_t N) { (const double *b, size_t n) };
GIDX_RENAME(gidx_bind_linalg_solve, gidx_linalg_solve)
%inline %{
gidx_status gidx_bind_linalg_solve(double *x, size_t cap, const double *A, size_t nrow,
                                   size_t ncol, const double *b, size_t n)
{
    if (cap != n || nrow != n || ncol != n)
        return gidx_error_set(GIDX_EINVAL, "gidx_linalg_solve: A must be n x n for a b of length n");
    return gidx_linalg_solve(x, A, b, n);
}
%}

#if defined(SWIGR)
/* R handles: gidx_close() frees at once through the handle's finalizer, a
 * step on the external pointer itself (no C function of the library does
 * it). gidx_r_status() is the status object of the hand-written R glue
 * still in other module interfaces. */
%inline %{
SEXP gidx_r_status(gidx_status rc)
{
    SEXP s = PROTECT(Rf_ScalarInteger(rc));
    Rf_setAttrib(s, R_ClassSymbol, Rf_mkString("gidx_status"));
    UNPROTECT(1);
    return s;
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
