/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ripple effects: input-output models, multipliers, location quotients and
 * shocks (include/greenidx/ripple.h). Every number comes from the C library;
 * the pure layers are bindings/python/greenidx/ripple.py and
 * bindings/r/R/ripple.R.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/ripple.h>
%}

#if defined(SWIGPYTHON)
%include <typemaps.i>


%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *out, size_t cap) };
%apply unsigned long *OUTPUT { size_t *i };


%apply (double *IN_ARRAY1, size_t DIM1) { (const double *z, size_t nz) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *xv, size_t nx) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *v, size_t nv) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *re, size_t nre) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ne, size_t nne) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *rowptr, size_t nrp) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *colind, size_t nci) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *g, size_t ng) };
%apply (int *ARGOUT_ARRAY1, size_t DIM1) { (int *iout, size_t icap) };
%newobject gidx_py_io_result_text;

%inline %{
/* Names arrive joined by '\n' ("" = default names S1..Sn): *items stays
 * NULL for "", else gidx_bind_split(); -1 when the count is wrong. */
static int gidx_py_io_names(char **copy, const char ***items, const char *joined, size_t n)
{
    *copy = NULL;
    *items = NULL;
    if (joined == NULL || joined[0] == '\0')
        return 0;
    return gidx_bind_split(copy, items, joined, n);
}

/* gidx_io_model_new() with Z flattened row-major (n*n) and x (n). */
gidx_status gidx_py_io_model_new(gidx_io_model **out, const double *z, size_t nz,
                                 const double *xv, size_t nx, const char *names)
{
    char *copy;
    const char **v;
    gidx_status rc;
    *out = NULL;
    if (nx == 0 || nz != nx * nx)
        return gidx_io_model_new(out, NULL, NULL, 0, NULL);
    if (gidx_py_io_names(&copy, &v, names, nx) != 0)
        return gidx_io_model_new(out, NULL, NULL, 0, NULL);
    rc = gidx_io_model_new(out, z, xv, nx, v);
    free(copy);
    free((void *)v);
    return rc;
}

gidx_status gidx_py_io_model_new_coefficients(gidx_io_model **out, const double *z, size_t nz,
                                              size_t n, const char *names)
{
    char *copy;
    const char **v;
    gidx_status rc;
    *out = NULL;
    if (n == 0 || nz != n * n)
        return gidx_io_model_new_coefficients(out, NULL, 0, NULL);
    if (gidx_py_io_names(&copy, &v, names, n) != 0)
        return gidx_io_model_new_coefficients(out, NULL, 0, NULL);
    rc = gidx_io_model_new_coefficients(out, z, n, v);
    free(copy);
    free((void *)v);
    return rc;
}

gidx_status gidx_py_io_model_new_sparse(gidx_io_model **out, size_t n, const int *rowptr,
                                        size_t nrp, const int *colind, size_t nci,
                                        const double *v, size_t nv)
{
    size_t *rp = NULL, *ci = NULL, k;
    gidx_status rc;
    *out = NULL;
    if (nrp != n + 1 || nci != nv)
        return gidx_io_model_new_sparse(out, 0, NULL, NULL, NULL, 0, NULL);
    rp = malloc((n + 1) * sizeof *rp);
    ci = malloc((nci ? nci : 1) * sizeof *ci);
    if (rp == NULL || ci == NULL) {
        free(rp); free(ci);
        return gidx_io_model_new_sparse(out, 0, NULL, NULL, NULL, 0, NULL);
    }
    for (k = 0; k <= n; k++)
        rp[k] = rowptr[k] < 0 ? (size_t)-1 : (size_t)rowptr[k];
    for (k = 0; k < nci; k++)
        ci[k] = colind[k] < 0 ? (size_t)-1 : (size_t)colind[k];
    rc = gidx_io_model_new_sparse(out, n, rp, ci, v, nv, NULL);
    free(rp);
    free(ci);
    return rc;
}

gidx_status gidx_py_io_model_set_satellite(gidx_io_model *m, int quantity, const double *v,
                                           size_t nv, int per_unit)
{
    return gidx_io_model_set_satellite(m, quantity, v, nv, per_unit);
}

gidx_status gidx_py_io_model_set_households(gidx_io_model *m, const double *v, size_t nv,
                                            int shares)
{
    return gidx_io_model_set_households(m, v, nv, shares);
}

gidx_status gidx_py_io_location_quotients(double *out, size_t cap, int method, double delta,
                                          const double *re, size_t nre, const double *ne,
                                          size_t nne)
{
    if (nre != nne)
        return gidx_io_location_quotients(NULL, 0, 0, 0, NULL, NULL, 0);
    return gidx_io_location_quotients(out, cap, method, delta, re, ne, nre);
}

/* industry_of as int (length n, or empty for the identity). */
gidx_status gidx_py_io_model_regionalise(gidx_io_model **out, const gidx_io_model *nat,
                                         int method, double delta, const double *re, size_t nre,
                                         const double *ne, size_t nne, const int *g, size_t ng)
{
    size_t *gi = NULL, k;
    gidx_status rc;
    *out = NULL;
    if (nre != nne || (ng != 0 && ng != gidx_io_model_nsectors(nat)))
        return gidx_io_model_regionalise(out, NULL, 0, 0, NULL, NULL, 0, NULL);
    if (ng > 0) {
        gi = malloc(ng * sizeof *gi);
        if (gi == NULL)
            return gidx_io_model_regionalise(out, NULL, 0, 0, NULL, NULL, 0, NULL);
        for (k = 0; k < ng; k++)
            gi[k] = g[k] < 0 ? (size_t)-1 : (size_t)g[k];
    }
    rc = gidx_io_model_regionalise(out, nat, method, delta, re, ne, nre, gi);
    free(gi);
    return rc;
}

/* Shock path: v holds nyears * n changes, row-major. */
gidx_status gidx_py_io_shock(gidx_io_result **out, const gidx_io_model *m, const double *v,
                             size_t nv, size_t nyears, int type, int solver, double tol,
                             size_t max_iter, int multipliers, int first_year)
{
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    size_t n = gidx_io_model_nsectors(m);
    *out = NULL;
    o.type = type;
    o.solver = solver;
    o.tol = tol;
    o.max_iter = max_iter;
    o.multipliers = multipliers;
    o.first_year = first_year;
    if (nyears == 0 || nv != nyears * n)
        return gidx_io_shock_path(out, m, v, 0, n, &o);
    return gidx_io_shock_path(out, m, v, nyears, n, &o);
}

/* Number of industries in an employment file (0 when it cannot be read). */
size_t gidx_py_io_employment_count(const char *path)
{
    size_t k = 0;
    gidx_io_employment_read(NULL, 0, &k, path, NULL);
    return k;
}

/* gidx_io_employment_read(); order "" = the file's own order. */
gidx_status gidx_py_io_employment_read(double *out, size_t cap, const char *path,
                                       const char *order)
{
    size_t k = 0;
    return gidx_io_employment_read(out, cap, &k, path, order[0] ? order : NULL);
}

/* gidx_io_concordance_read() as int indices; concordance "" = none. */
gidx_status gidx_py_io_concordance_read(int *iout, size_t icap, const gidx_io_model *m,
                                        const char *industries, const char *concordance)
{
    size_t *g, i;
    gidx_status rc;
    g = malloc((icap ? icap : 1) * sizeof *g);
    if (g == NULL)
        return gidx_io_concordance_read(NULL, 0, NULL, NULL, NULL);
    rc = gidx_io_concordance_read(g, icap, m, industries, concordance[0] ? concordance : NULL);
    if (rc == GIDX_OK)
        for (i = 0; i < gidx_io_model_nsectors(m); i++)
            iout[i] = (int)g[i];
    free(g);
    return rc;
}

/* The result as text (table, csv or json); NULL on failure (last error set). */
char *gidx_py_io_result_text(const gidx_io_result *r, int format)
{
    size_t need = 0;
    char *buf;
    if (gidx_io_result_format(NULL, 0, &need, r, format) != GIDX_EBUFS)
        return NULL;
    buf = malloc(need);
    if (buf == NULL)
        return NULL;
    if (gidx_io_result_format(buf, need, NULL, r, format) != GIDX_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}
%}


%apply int *OUTPUT { int *year_used };
%inline %{
/* gidx_io_model_regionalise_dataset(); concordance "" = none. Returns the
 * model and the employment year used. */
gidx_status gidx_py_io_model_regionalise_dataset(gidx_io_model **out, int *year_used,
                                                 const gidx_io_model *nat, const gidx_dataset *ds,
                                                 const char *region, int year, int method,
                                                 double delta, const char *concordance,
                                                 const char *national_region)
{
    gidx_io_region_options o = GIDX_IO_REGION_OPTIONS_INIT;
    o.year = year;
    o.method = method;
    o.delta = delta;
    o.concordance = concordance[0] ? concordance : NULL;
    o.national_region = national_region[0] ? national_region : NULL;
    return gidx_io_model_regionalise_dataset(out, year_used, nat, ds, region, &o);
}

/* gidx_io_region_employment(): the groups' values and the year used. */
gidx_status gidx_py_io_region_employment(double *out, size_t cap, int *year_used,
                                         const gidx_dataset *ds, const char *region, int year)
{
    return gidx_io_region_employment(out, cap, year_used, ds, region, year);
}
%}
%clear int *year_used;

%clear (double *out, size_t cap);
%clear size_t *i;
%clear (const double *z, size_t nz);
%clear (const double *xv, size_t nx);
%clear (const double *v, size_t nv);
%clear (const double *re, size_t nre);
%clear (const double *ne, size_t nne);
%clear (const int *rowptr, size_t nrp);
%clear (const int *colind, size_t nci);
%clear (const int *g, size_t ng);
%clear (int *iout, size_t icap);

#elif defined(SWIGR)

%inline %{
static void gidx_r_io_model_fin(SEXP p)
{
    gidx_io_model_free((gidx_io_model *)R_ExternalPtrAddr(p));
    R_ClearExternalPtr(p);
}
static void gidx_r_io_result_fin(SEXP p)
{
    gidx_io_result_free((gidx_io_result *)R_ExternalPtrAddr(p));
    R_ClearExternalPtr(p);
}
static SEXP gidx_r_io_wrap(void *h, int model)
{
    SEXP p = PROTECT(R_MakeExternalPtr(h, Rf_install(model ? "gidx_io_model" : "gidx_io_result"),
                                       R_NilValue));
    R_RegisterCFinalizerEx(p, model ? gidx_r_io_model_fin : gidx_r_io_result_fin, TRUE);
    UNPROTECT(1);
    return p;
}
static gidx_io_model *gidx_r_io_model_ptr(SEXP p)
{
    if (TYPEOF(p) != EXTPTRSXP || R_ExternalPtrTag(p) != Rf_install("gidx_io_model"))
        return NULL;
    return (gidx_io_model *)R_ExternalPtrAddr(p);
}
static gidx_io_result *gidx_r_io_result_ptr(SEXP p)
{
    if (TYPEOF(p) != EXTPTRSXP || R_ExternalPtrTag(p) != Rf_install("gidx_io_result"))
        return NULL;
    return (gidx_io_result *)R_ExternalPtrAddr(p);
}
static SEXP gidx_r_io_einval(void)
{
    gidx_io_model *m = NULL;
    return gidx_r_status(gidx_io_model_new(&m, NULL, NULL, 0, NULL));
}

/* Z: numeric matrix (R column-major), x: numeric, names: character or NULL. */
SEXP gidx_r_io_model_new(SEXP Z, SEXP x, SEXP names)
{
    size_t n, i, j;
    double *z;
    const char **nm = NULL;
    gidx_io_model *m = NULL;
    gidx_status rc;
    if (!Rf_isReal(Z) || !Rf_isReal(x))
        return gidx_r_io_einval();
    n = (size_t)XLENGTH(x);
    if (n == 0 || (size_t)XLENGTH(Z) != n * n)
        return gidx_r_io_einval();
    z = (double *)R_alloc(n * n, sizeof(double));
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            z[i * n + j] = REAL(Z)[j * n + i];
    if (Rf_isString(names) && (size_t)XLENGTH(names) == n) {
        nm = (const char **)R_alloc(n, sizeof(char *));
        for (i = 0; i < n; i++)
            nm[i] = Rf_translateCharUTF8(STRING_ELT(names, (R_xlen_t)i));
    }
    rc = gidx_io_model_new(&m, z, REAL(x), n, nm);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_io_wrap(m, 1);
}

SEXP gidx_r_io_model_load(SEXP path)
{
    gidx_io_model *m = NULL;
    gidx_status rc;
    if (!Rf_isString(path) || XLENGTH(path) != 1)
        return gidx_r_io_einval();
    rc = gidx_io_model_load(&m, Rf_translateCharUTF8(STRING_ELT(path, 0)));
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_io_wrap(m, 1);
}

SEXP gidx_r_io_model_sectors(SEXP p)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p);
    size_t n, i;
    SEXP out;
    if (m == NULL)
        return gidx_r_io_einval();
    n = gidx_io_model_nsectors(m);
    out = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++)
        SET_STRING_ELT(out, (R_xlen_t)i, Rf_mkCharCE(gidx_io_model_sector(m, i), CE_UTF8));
    UNPROTECT(1);
    return out;
}

SEXP gidx_r_io_model_set(SEXP p, SEXP what, SEXP values, SEXP flag)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p);
    int q;
    gidx_status rc;
    if (m == NULL || !Rf_isReal(values) || !Rf_isInteger(what) || !Rf_isLogical(flag))
        return gidx_r_io_einval();
    q = INTEGER(what)[0];
    if (q < 0)   /* households */
        rc = gidx_io_model_set_households(m, REAL(values), (size_t)XLENGTH(values),
                                          LOGICAL(flag)[0]);
    else
        rc = gidx_io_model_set_satellite(m, q, REAL(values), (size_t)XLENGTH(values),
                                         LOGICAL(flag)[0]);
    return rc == GIDX_OK ? R_NilValue : gidx_r_status(rc);
}

/* what: 0 A, 1 Leontief type 1, 2 Leontief type 2, 3 Ghosh; an R matrix. */
SEXP gidx_r_io_model_matrix(SEXP p, SEXP what)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p);
    size_t n, N, i, j;
    int w;
    double *tmp;
    gidx_status rc;
    SEXP out;
    if (m == NULL || !Rf_isInteger(what))
        return gidx_r_io_einval();
    w = INTEGER(what)[0];
    n = gidx_io_model_nsectors(m);
    N = n + (w == 2 ? 1 : 0);
    tmp = (double *)R_alloc(N * N, sizeof(double));
    if (w == 0)
        rc = gidx_io_model_coefficients(tmp, N * N, m);
    else if (w == 1 || w == 2)
        rc = gidx_io_model_leontief(tmp, N * N, m, w);
    else if (w == 3)
        rc = gidx_io_model_ghosh(tmp, N * N, m);
    else
        return gidx_r_io_einval();
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_allocMatrix(REALSXP, (int)N, (int)N));
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            REAL(out)[j * N + i] = tmp[i * N + j];
    UNPROTECT(1);
    return out;
}

SEXP gidx_r_io_model_multipliers(SEXP p, SEXP quantity, SEXP type)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p);
    gidx_status rc;
    SEXP out;
    if (m == NULL || !Rf_isInteger(quantity) || !Rf_isInteger(type))
        return gidx_r_io_einval();
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)gidx_io_model_nsectors(m)));
    rc = gidx_io_model_multipliers(REAL(out), gidx_io_model_nsectors(m), m,
                                   INTEGER(quantity)[0], INTEGER(type)[0]);
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}

SEXP gidx_r_io_location_quotients(SEXP method, SEXP delta, SEXP re, SEXP ne)
{
    size_t k, cap;
    int meth;
    gidx_status rc;
    SEXP out;
    if (!Rf_isInteger(method) || !Rf_isReal(delta) || !Rf_isReal(re) || !Rf_isReal(ne) ||
        XLENGTH(re) != XLENGTH(ne))
        return gidx_r_io_einval();
    k = (size_t)XLENGTH(re);
    meth = INTEGER(method)[0];
    cap = meth == GIDX_IO_SLQ ? k : k * k;
    out = PROTECT(meth == GIDX_IO_SLQ ? Rf_allocVector(REALSXP, (R_xlen_t)k)
                                      : Rf_allocMatrix(REALSXP, (int)k, (int)k));
    rc = gidx_io_location_quotients(REAL(out), cap, meth, REAL(delta)[0], REAL(re), REAL(ne), k);
    if (rc == GIDX_OK && meth != GIDX_IO_SLQ) {   /* row-major -> R's column-major */
        double *t = (double *)R_alloc(k * k, sizeof(double));
        size_t i, j;
        memcpy(t, REAL(out), k * k * sizeof(double));
        for (i = 0; i < k; i++)
            for (j = 0; j < k; j++)
                REAL(out)[j * k + i] = t[i * k + j];
    }
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}

/* industry: integer vector of 1-based industries per sector, or NULL. */
SEXP gidx_r_io_model_regionalise(SEXP p, SEXP method, SEXP delta, SEXP re, SEXP ne,
                                 SEXP industry)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p), *reg = NULL;
    size_t *g = NULL, n, i;
    gidx_status rc;
    if (m == NULL || !Rf_isInteger(method) || !Rf_isReal(delta) || !Rf_isReal(re) ||
        !Rf_isReal(ne) || XLENGTH(re) != XLENGTH(ne))
        return gidx_r_io_einval();
    n = gidx_io_model_nsectors(m);
    if (Rf_isInteger(industry)) {
        if ((size_t)XLENGTH(industry) != n)
            return gidx_r_io_einval();
        g = (size_t *)R_alloc(n, sizeof(size_t));
        for (i = 0; i < n; i++)
            g[i] = INTEGER(industry)[i] >= 1 ? (size_t)INTEGER(industry)[i] - 1 : (size_t)-1;
    }
    rc = gidx_io_model_regionalise(&reg, m, INTEGER(method)[0], REAL(delta)[0], REAL(re),
                                   REAL(ne), (size_t)XLENGTH(re), g);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_io_wrap(reg, 1);
}

/* df: numeric vector (n) or matrix years x n. */
SEXP gidx_r_io_shock(SEXP p, SEXP df, SEXP type, SEXP first_year)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p);
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    gidx_io_result *r = NULL;
    size_t n, ny, t, i;
    double *v;
    gidx_status rc;
    if (m == NULL || !Rf_isReal(df) || !Rf_isInteger(type) || !Rf_isInteger(first_year))
        return gidx_r_io_einval();
    n = gidx_io_model_nsectors(m);
    if ((size_t)XLENGTH(df) % n != 0 || XLENGTH(df) == 0)
        return gidx_r_io_einval();
    ny = (size_t)XLENGTH(df) / n;
    v = (double *)R_alloc(ny * n, sizeof(double));
    for (t = 0; t < ny; t++)      /* R matrix years x n, column-major */
        for (i = 0; i < n; i++)
            v[t * n + i] = REAL(df)[i * ny + t];
    o.type = INTEGER(type)[0];
    o.first_year = INTEGER(first_year)[0];
    rc = gidx_io_shock_path(&r, m, v, ny, n, &o);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_io_wrap(r, 0);
}

/* A data.frame-ready list for year index t (0-based): sector, quantity,
 * direct, indirect, induced, total, multiplier. */
SEXP gidx_r_io_result_frame(SEXP p, SEXP year)
{
    gidx_io_result *r = gidx_r_io_result_ptr(p);
    size_t n, t, i, rows = 0, row = 0;
    int q, k;
    SEXP out, names, cols[7];
    double *tmp;
    if (r == NULL || !Rf_isInteger(year))
        return gidx_r_io_einval();
    n = gidx_io_result_nsectors(r);
    t = (size_t)INTEGER(year)[0];
    if (t >= gidx_io_result_nyears(r))
        return gidx_r_io_einval();
    for (q = 0; q < GIDX_IO_NQUANTITIES; q++)
        rows += gidx_io_result_has(r, q) ? n : 0;
    tmp = (double *)R_alloc(n, sizeof(double));
    out = PROTECT(Rf_allocVector(VECSXP, 7));
    names = PROTECT(Rf_allocVector(STRSXP, 7));
    for (k = 0; k < 7; k++) {
        static const char *const nm[7] = { "sector", "quantity", "direct", "indirect",
                                           "induced", "total", "multiplier" };
        cols[k] = Rf_allocVector(k < 2 ? STRSXP : REALSXP, (R_xlen_t)rows);
        SET_VECTOR_ELT(out, k, cols[k]);
        SET_STRING_ELT(names, k, Rf_mkChar(nm[k]));
    }
    for (q = 0; q < GIDX_IO_NQUANTITIES; q++) {
        static const char *const qn[GIDX_IO_NQUANTITIES] = { "output", "employment",
            "value_added", "labour_income", "emissions" };
        if (!gidx_io_result_has(r, q))
            continue;
        for (i = 0; i < n; i++) {
            SET_STRING_ELT(cols[0], (R_xlen_t)(row + i),
                           Rf_mkCharCE(gidx_io_result_sector(r, i), CE_UTF8));
            SET_STRING_ELT(cols[1], (R_xlen_t)(row + i), Rf_mkChar(qn[q]));
        }
        for (k = 0; k < 4; k++) {
            gidx_io_result_get(tmp, n, r, t, q, k);
            memcpy(REAL(cols[k + 2]) + row, tmp, n * sizeof(double));
        }
        if (gidx_io_result_multipliers(tmp, n, r, q) == GIDX_OK)
            memcpy(REAL(cols[6]) + row, tmp, n * sizeof(double));
        else
            for (i = 0; i < n; i++)
                REAL(cols[6])[row + i] = NA_REAL;
        row += n;
    }
    Rf_setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}

/* Sector totals per year of one quantity and part (q, part as in the C enums). */
SEXP gidx_r_io_result_path(SEXP p, SEXP quantity, SEXP part)
{
    gidx_io_result *r = gidx_r_io_result_ptr(p);
    gidx_status rc;
    SEXP out;
    if (r == NULL || !Rf_isInteger(quantity) || !Rf_isInteger(part))
        return gidx_r_io_einval();
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)gidx_io_result_nyears(r)));
    rc = gidx_io_result_path(REAL(out), gidx_io_result_nyears(r), r, INTEGER(quantity)[0],
                             INTEGER(part)[0]);
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}

SEXP gidx_r_io_result_text(SEXP p, SEXP format)
{
    gidx_io_result *r = gidx_r_io_result_ptr(p);
    size_t need = 0;
    char *buf;
    gidx_status rc;
    SEXP out;
    if (r == NULL || !Rf_isInteger(format))
        return gidx_r_io_einval();
    rc = gidx_io_result_format(NULL, 0, &need, r, INTEGER(format)[0]);
    if (rc != GIDX_EBUFS)
        return gidx_r_status(rc);
    buf = R_alloc(need, 1);
    rc = gidx_io_result_format(buf, need, NULL, r, INTEGER(format)[0]);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(out, 0, Rf_mkCharCE(buf, CE_UTF8));
    UNPROTECT(1);
    return out;
}

/* gidx_io_model_regionalise_dataset(): list(model, year); concordance and
 * national_region NULL or a string. */
SEXP gidx_r_io_model_regionalise_dataset(SEXP p, SEXP dsp, SEXP region, SEXP year, SEXP method,
                                         SEXP delta, SEXP concordance, SEXP national_region)
{
    gidx_io_model *m = gidx_r_io_model_ptr(p), *reg = NULL;
    gidx_dataset *ds = gidx_r_dataset_ptr(dsp);
    gidx_io_region_options o = GIDX_IO_REGION_OPTIONS_INIT;
    const char *conc = NULL;
    int used = 0;
    gidx_status rc;
    SEXP out;
    if (m == NULL || ds == NULL || !Rf_isString(region) || XLENGTH(region) != 1 ||
        !Rf_isInteger(year) || !Rf_isInteger(method) || !Rf_isReal(delta))
        return gidx_r_io_einval();
    if (Rf_isString(concordance) && XLENGTH(concordance) == 1)
        conc = Rf_translateCharUTF8(STRING_ELT(concordance, 0));
    o.year = INTEGER(year)[0];
    o.method = INTEGER(method)[0];
    o.delta = REAL(delta)[0];
    o.concordance = conc;
    if (Rf_isString(national_region) && XLENGTH(national_region) == 1)
        o.national_region = Rf_translateCharUTF8(STRING_ELT(national_region, 0));
    rc = gidx_io_model_regionalise_dataset(&reg, &used, m, ds, Rf_translateCharUTF8(STRING_ELT(region, 0)), &o);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, gidx_r_io_wrap(reg, 1));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(used));
    UNPROTECT(1);
    return out;
}

/* gidx_io_region_employment(): named numeric vector with attribute "year". */
SEXP gidx_r_io_region_employment(SEXP dsp, SEXP region, SEXP year)
{
    gidx_dataset *ds = gidx_r_dataset_ptr(dsp);
    size_t k = gidx_sn2007_ngroups(), g;
    int used = 0;
    gidx_status rc;
    SEXP out, names;
    if (ds == NULL || !Rf_isString(region) || XLENGTH(region) != 1 || !Rf_isInteger(year))
        return gidx_r_io_einval();
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)k));
    rc = gidx_io_region_employment(REAL(out), k, &used, ds, Rf_translateCharUTF8(STRING_ELT(region, 0)),
                                   INTEGER(year)[0]);
    if (rc != GIDX_OK) {
        UNPROTECT(1);
        return gidx_r_status(rc);
    }
    names = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)k));
    for (g = 0; g < k; g++)
        SET_STRING_ELT(names, (R_xlen_t)g, Rf_mkCharCE(gidx_sn2007_group(g), CE_UTF8));
    Rf_setAttrib(out, R_NamesSymbol, names);
    Rf_setAttrib(out, Rf_install("year"), Rf_ScalarInteger(used));
    UNPROTECT(2);
    return out;
}
%}

#endif
