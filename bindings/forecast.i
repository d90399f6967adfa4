/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forecasting: the gidx_model handle, targets, scenarios, reconciliation
 * and accuracy. Every number comes from include/greenidx/forecast.h; the
 * helpers below only repack arrays.
 */
%{
#include <greenidx/forecast.h>
%}

#if defined(SWIGPYTHON)

%apply (int *IN_ARRAY1, size_t DIM1) { (const int *fyears, size_t nyears) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *fy, size_t nfy) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *flevels, size_t nflevels) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *feffect, size_t nfeffect) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *fbase, size_t nfbase) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *fres, size_t nfres) };
%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *fout, size_t nfout) };


%inline %{
static gidx_status gidx_py_einval(const char *what)
{
    return gidx_error_set(GIDX_EINVAL, what);
}
%}
%inline %{
/* base[h], scenario[h], scenario lo[h * L], hi[h * L] */
gidx_status gidx_py_model_scenario(double *fout, size_t nfout, const gidx_model *m,
                                   const double *feffect, size_t nfeffect,
                                   const double *flevels, size_t nflevels)
{
    size_t h = nfeffect;
    if (nfout != h * (2 + 2 * nflevels))
        return gidx_py_einval("forecast: the output size does not match h and the levels");
    return gidx_model_scenario(fout, fout + h, fout + 2 * h, fout + 2 * h + h * nflevels,
                               h * (nflevels > 1 ? nflevels : 1), m, h, feffect, flevels,
                               nflevels);
}
gidx_status gidx_py_reconcile(double *fout, size_t nfout, const double *fbase, size_t nfbase,
                              size_t nchild, int method, const double *fres, size_t nfres)
{
    size_t h = nchild ? nfbase / (nchild + 1) : 0;
    size_t T = nchild ? nfres / (nchild + 1) : 0;
    return gidx_fc_reconcile(fout, nfout, fbase, nchild, h, method, nfres ? fres : NULL, T);
}
%}

%apply (int *IN_ARRAY1, size_t DIM1) { (const int *fstart, size_t nfstart) };


%inline %{
/* start offsets come as int (numpy.i has no size_t arrays) */
gidx_status gidx_py_fc_batch_run(gidx_fc_batch **out, const int *fyears, size_t nyears,
                                 const double *fy, size_t nfy, const int *fstart,
                                 size_t nfstart, int method, int calibrate, unsigned long seed,
                                 size_t h, const double *flevels, size_t nflevels,
                                 unsigned nthreads)
{
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    size_t *st, i;
    gidx_status rc;
    if (nyears != nfy || nfstart < 1)
        return gidx_py_einval("forecast: years and values differ in length");
    st = (size_t *)malloc(nfstart * sizeof *st);
    if (st == NULL)
        return gidx_py_einval("forecast_many: out of memory");
    for (i = 0; i < nfstart; i++) {
        if (fstart[i] < 0 || (size_t)fstart[i] > nfy) {
            free(st);
            return gidx_py_einval("forecast_many: a start offset is outside the series");
        }
        st[i] = (size_t)fstart[i];
    }
    o.method = method;
    o.calibrate = calibrate;
    o.seed = seed;
    rc = gidx_fc_batch_run(out, &o, fyears, fy, st, nfstart - 1, h, flevels, nflevels, nthreads);
    free(st);
    return rc;
}
%}

#elif defined(SWIGR)
%{
static void gidx_r_model_finalize(SEXP p)
{
    gidx_model *m = (gidx_model *)R_ExternalPtrAddr(p);
    if (m != NULL) {
        gidx_model_free(m);
        R_ClearExternalPtr(p);
    }
}
static gidx_model *gidx_r_model_ptr(SEXP p)
{
    if (TYPEOF(p) != EXTPTRSXP)
        return NULL;
    return (gidx_model *)R_ExternalPtrAddr(p);
}
%}
%inline %{
/* Fit a model; returns an external pointer (freed by the finalizer) or a status. */
SEXP gidx_r_model_fit(SEXP years, SEXP y, SEXP method, SEXP calibrate, SEXP seed)
{
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    gidx_model *m = NULL;
    gidx_status rc;
    SEXP p;
    if (!Rf_isInteger(years) || !Rf_isReal(y) || XLENGTH(years) != XLENGTH(y))
        return gidx_r_status(gidx_model_fit(NULL, NULL, NULL, 0));
    o.method = Rf_asInteger(method);
    o.calibrate = Rf_asInteger(calibrate);
    o.seed = (unsigned long)Rf_asInteger(seed);
    rc = gidx_model_new(&m, &o);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    rc = gidx_model_fit(m, INTEGER(years), REAL(y), (size_t)XLENGTH(y));
    if (rc != GIDX_OK) {
        gidx_model_free(m);
        return gidx_r_status(rc);
    }
    p = PROTECT(R_MakeExternalPtr(m, R_NilValue, R_NilValue));
    R_RegisterCFinalizerEx(p, gidx_r_model_finalize, TRUE);
    UNPROTECT(1);
    return p;
}
/* c(name, message, component names...) */
SEXP gidx_r_model_info(SEXP p)
{
    gidx_model *m = gidx_r_model_ptr(p);
    size_t i, nc;
    SEXP out;
    if (m == NULL)
        return gidx_r_status(gidx_model_criteria(NULL, NULL, NULL, NULL, NULL, 0));
    nc = gidx_model_ncomponents(m);
    out = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)(2 + nc)));
    SET_STRING_ELT(out, 0, Rf_mkCharCE(gidx_model_name(m), CE_UTF8));
    SET_STRING_ELT(out, 1, Rf_mkCharCE(gidx_model_message(m), CE_UTF8));
    for (i = 0; i < nc; i++)
        SET_STRING_ELT(out, (R_xlen_t)(2 + i), Rf_mkCharCE(gidx_model_component_name(m, i), CE_UTF8));
    UNPROTECT(1);
    return out;
}
/* loglik, aicc, nobs, nparams per component, component-major */
SEXP gidx_r_model_criteria(SEXP p)
{
    gidx_model *m = gidx_r_model_ptr(p);
    size_t i, nc, n, k;
    SEXP out;
    if (m == NULL)
        return gidx_r_status(gidx_model_criteria(NULL, NULL, NULL, NULL, NULL, 0));
    nc = gidx_model_ncomponents(m);
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(4 * nc)));
    for (i = 0; i < nc; i++) {
        gidx_model_criteria(&REAL(out)[4 * i], &REAL(out)[4 * i + 1], &n, &k, m, i);
        REAL(out)[4 * i + 2] = (double)n;
        REAL(out)[4 * i + 3] = (double)k;
    }
    UNPROTECT(1);
    return out;
}
/* mean[h], lo[h * L], hi[h * L] */
SEXP gidx_r_model_forecast(SEXP p, SEXP h, SEXP levels)
{
    gidx_model *m = gidx_r_model_ptr(p);
    size_t hh, L;
    gidx_status rc;
    SEXP out;
    if (m == NULL || !Rf_isReal(levels))
        return gidx_r_status(gidx_model_forecast(NULL, NULL, NULL, 0, NULL, 0, NULL, 0));
    hh = (size_t)Rf_asInteger(h);
    L = (size_t)XLENGTH(levels);
    if (hh < 1 || hh > 1000)
        return gidx_r_status(gidx_model_forecast(NULL, NULL, NULL, 0, m, 0, NULL, 0));
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(hh * (1 + 2 * L))));
    rc = gidx_model_forecast(REAL(out), REAL(out) + hh, REAL(out) + hh + hh * L,
                             hh * (L > 1 ? L : 1), m, hh, REAL(levels), L);
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}
/* gidx_fc_batch_run(): series s is y[start[s] .. start[s+1]-1] (0-based
 * offsets). Returns list(status, message, model, last_year, values) with
 * values an nseries x h (1 + 2 L) matrix (mean, lo by level, hi by level;
 * NA rows for the series that failed). */
SEXP gidx_r_fc_batch(SEXP years, SEXP y, SEXP start, SEXP method, SEXP calibrate, SEXP seed, SEXP h,
                     SEXP levels, SEXP threads)
{
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    gidx_fc_batch *b = NULL;
    size_t *st, ns, i, hh, L, w, k;
    double *row;
    gidx_status rc;
    SEXP out, status, msg, model, last, vals, names;
    if (!Rf_isInteger(years) || !Rf_isReal(y) || !Rf_isInteger(start) || !Rf_isReal(levels) ||
        XLENGTH(years) != XLENGTH(y) || XLENGTH(start) < 1)
        return gidx_r_status(gidx_fc_batch_run(NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, 0));
    ns = (size_t)XLENGTH(start) - 1;
    st = (size_t *)R_alloc(ns + 1, sizeof *st);
    for (i = 0; i <= ns; i++) {
        int v = INTEGER(start)[i];
        if (v == NA_INTEGER || v < 0 || (R_xlen_t)v > XLENGTH(y))
            return gidx_r_status(gidx_fc_batch_run(NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, 0));
        st[i] = (size_t)v;
    }
    o.method = Rf_asInteger(method);
    o.calibrate = Rf_asInteger(calibrate);
    o.seed = (unsigned long)Rf_asInteger(seed);
    hh = (size_t)Rf_asInteger(h);
    L = (size_t)XLENGTH(levels);
    rc = gidx_fc_batch_run(&b, &o, INTEGER(years), REAL(y), st, ns, hh, REAL(levels), L,
                           (unsigned)Rf_asInteger(threads));
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    w = hh * (1 + 2 * L);
    row = (double *)R_alloc(w, sizeof *row);
    out = PROTECT(Rf_allocVector(VECSXP, 5));
    status = Rf_allocVector(INTSXP, (R_xlen_t)ns);
    SET_VECTOR_ELT(out, 0, status);
    msg = Rf_allocVector(STRSXP, (R_xlen_t)ns);
    SET_VECTOR_ELT(out, 1, msg);
    model = Rf_allocVector(STRSXP, (R_xlen_t)ns);
    SET_VECTOR_ELT(out, 2, model);
    last = Rf_allocVector(INTSXP, (R_xlen_t)ns);
    SET_VECTOR_ELT(out, 3, last);
    vals = Rf_allocMatrix(REALSXP, (int)ns, (int)w);
    SET_VECTOR_ELT(out, 4, vals);
    for (i = 0; i < ns; i++) {
        gidx_status si = gidx_fc_batch_forecast(row, row + hh, row + hh + hh * L, hh * (L > 1 ? L : 1), b, i);
        INTEGER(status)[i] = (int)gidx_fc_batch_status(b, i);
        SET_STRING_ELT(msg, (R_xlen_t)i, Rf_mkCharCE(gidx_fc_batch_message(b, i), CE_UTF8));
        SET_STRING_ELT(model, (R_xlen_t)i, Rf_mkCharCE(gidx_fc_batch_model(b, i), CE_UTF8));
        INTEGER(last)[i] = gidx_fc_batch_last_year(b, i);
        for (k = 0; k < w; k++)   /* column-major: element (i, k) */
            REAL(vals)[i + k * ns] = si == GIDX_OK ? row[k] : NA_REAL;
    }
    gidx_fc_batch_free(b);
    names = PROTECT(Rf_allocVector(STRSXP, 5));
    SET_STRING_ELT(names, 0, Rf_mkChar("status"));
    SET_STRING_ELT(names, 1, Rf_mkChar("message"));
    SET_STRING_ELT(names, 2, Rf_mkChar("model"));
    SET_STRING_ELT(names, 3, Rf_mkChar("last_year"));
    SET_STRING_ELT(names, 4, Rf_mkChar("values"));
    Rf_setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}
/* target, forecast, gap, prob, rate_needed, last_value, last_year */
SEXP gidx_r_model_target(SEXP p, SEXP year, SEXP value, SEXP base_year, SEXP below)
{
    gidx_model *m = gidx_r_model_ptr(p);
    gidx_fc_target t;
    gidx_status rc;
    SEXP out;
    rc = gidx_model_target(&t, m, Rf_asInteger(year), Rf_asReal(value), Rf_asInteger(base_year),
                           Rf_asInteger(below));
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_allocVector(REALSXP, 7));
    REAL(out)[0] = t.target; REAL(out)[1] = t.forecast; REAL(out)[2] = t.gap;
    REAL(out)[3] = t.prob; REAL(out)[4] = t.rate_needed; REAL(out)[5] = t.last_value;
    REAL(out)[6] = (double)t.last_year;
    UNPROTECT(1);
    return out;
}
/* base: (nchild + 1) x h matrix (parent first row), resid likewise or NULL */
SEXP gidx_r_reconcile(SEXP base, SEXP nchild, SEXP method, SEXP resid)
{
    size_t nc = (size_t)Rf_asInteger(nchild), ns = nc + 1, h, T = 0, i, j;
    double *b, *r = NULL;
    gidx_status rc;
    SEXP out;
    if (!Rf_isReal(base) || nc < 1 || XLENGTH(base) % (R_xlen_t)ns != 0)
        return gidx_r_status(gidx_fc_reconcile(NULL, 0, NULL, 0, 0, 0, NULL, 0));
    h = (size_t)XLENGTH(base) / ns;
    /* R matrices are column-major: repack row-major by series */
    b = (double *)R_alloc(ns * h, sizeof(double));
    for (i = 0; i < ns; i++)
        for (j = 0; j < h; j++)
            b[i * h + j] = REAL(base)[j * ns + i];
    if (Rf_isReal(resid) && XLENGTH(resid) > 0) {
        T = (size_t)XLENGTH(resid) / ns;
        r = (double *)R_alloc(ns * T, sizeof(double));
        for (i = 0; i < ns; i++)
            for (j = 0; j < T; j++)
                r[i * T + j] = REAL(resid)[j * ns + i];
    }
    out = PROTECT(Rf_allocMatrix(REALSXP, (int)ns, (int)h));
    {
        double *o = (double *)R_alloc(ns * h, sizeof(double));
        rc = gidx_fc_reconcile(o, ns * h, b, nc, h, Rf_asInteger(method), r, T);
        if (rc == GIDX_OK)
            for (i = 0; i < ns; i++)
                for (j = 0; j < h; j++)
                    REAL(out)[j * ns + i] = o[i * h + j];
    }
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}
%}
#endif
