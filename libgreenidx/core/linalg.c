/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Dense linear solve by LU with partial pivoting (GSL gsl_linalg_LU_decomp /
 * gsl_linalg_LU_solve; Golub & Van Loan, Matrix Computations, 4th ed., 3.4).
 * A singular matrix makes GSL raise "matrix is singular" through the error
 * handler, which records it; we return GIDX_ESINGULAR and the process lives on.
 */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>

#include "internal.h"

gidx_status gidx_linalg_solve(double *x, const double *A, const double *b, size_t n)
{
    gsl_matrix *lu = NULL;
    gsl_permutation *p = NULL;
    gidx_status rc = GIDX_OK;
    int signum, gs;
    size_t i;

    if (x == NULL || A == NULL || b == NULL || n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_linalg_solve: NULL argument or n == 0");
    for (i = 0; i < n * n; i++)
        if (!gidx__isfinite(A[i]))
            return gidx__error_set(GIDX_EDATA, "gidx_linalg_solve: A[%zu][%zu] is not finite",
                                   i / n, i % n);
    for (i = 0; i < n; i++)
        if (!gidx__isfinite(b[i]))
            return gidx__error_set(GIDX_EDATA, "gidx_linalg_solve: b[%zu] is not finite", i);
    gidx__gsl_init();
    gidx_error_clear();
    lu = gsl_matrix_alloc(n, n);
    p = gsl_permutation_alloc(n);
    if (lu == NULL || p == NULL) {
        rc = gidx__error_set(GIDX_ENOMEM, "gidx_linalg_solve: out of memory (n = %zu)", n);
        goto done;
    }
    memcpy(lu->data, A, n * n * sizeof *A);
    gs = gsl_linalg_LU_decomp(lu, p, &signum);
    if (gs == 0) {
        gsl_vector_const_view bv = gsl_vector_const_view_array(b, n);
        gsl_vector_view xv = gsl_vector_view_array(x, n);
        gs = gsl_linalg_LU_solve(lu, p, &bv.vector, &xv.vector);
    }
    if (gs != 0)
        rc = gidx__gsl_fail(gs, "gidx_linalg_solve");
done:
    gsl_permutation_free(p);
    gsl_matrix_free(lu);
    return rc;
}
