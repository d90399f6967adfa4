/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports, charts and scenarios.
 */
%{
#include <greenidx/report.h>
#include <math.h>
#include <stdlib.h>

/* Fill a gidx_fan_chart from flat arrays; lo/hi are n_levels x n_fc. */
static gidx_status gidx_bind_fan(gidx_fan_chart *c, const char *title, const char *unit,
                                 const int *oy, size_t noy, const double *ov, size_t nov,
                                 const int *fy, size_t nfy, const double *fm, size_t nfm,
                                 const double *lv, size_t nlv,
                                 const double *lo, size_t nlo, const double *hi, size_t nhi,
                                 const int *ty, size_t nty, const double *tv, size_t ntv)
{
    gidx_fan_chart z = GIDX_FAN_CHART_INIT;
    *c = z;
    if (noy != nov || nfy != nfm || nty != ntv || nlo != nlv * nfy || nhi != nlv * nfy)
        return gidx_error_set(GIDX_EINVAL, "fan chart: obs_years/obs, fc_years/mean and "
                              "target_years/target must have equal lengths, and lo/hi "
                              "len(levels) x len(fc_years) values");
    c->title = title; c->unit = unit;
    c->obs_years = oy; c->obs = ov; c->n_obs = noy;
    c->fc_years = fy; c->fc_mean = fm; c->n_fc = nfy;
    c->levels = lv; c->n_levels = nlv; c->fc_lo = lo; c->fc_hi = hi;
    c->target_years = ty; c->target = tv; c->n_target = nty;
    return GIDX_OK;
}
%}



#if defined(SWIGPYTHON)

/* A Python sequence of str as (const char *const *, size_t). */
%typemap(in) (const char *const *strs, size_t nstrs) (PyObject *seq = NULL, PyObject **bytes = NULL) {
    Py_ssize_t i, n;
    seq = PySequence_Fast($input, "expected a sequence of str");
    if (seq == NULL) SWIG_fail;
    n = PySequence_Fast_GET_SIZE(seq);
    $1 = ($1_ltype)calloc(n ? (size_t)n : 1, sizeof(char *));
    bytes = (PyObject **)calloc(n ? (size_t)n : 1, sizeof(PyObject *));
    $2 = (size_t)n;
    for (i = 0; i < n; i++) {
        PyObject *o = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(o)) { PyErr_SetString(PyExc_TypeError, "expected str items"); SWIG_fail; }
        bytes[i] = PyUnicode_AsUTF8String(o);
        if (bytes[i] == NULL) SWIG_fail;
        ((const char **)$1)[i] = PyBytes_AsString(bytes[i]);
    }
}
%typemap(freearg) (const char *const *strs, size_t nstrs) {
    if (bytes$argnum != NULL) {
        size_t i;
        for (i = 0; i < $2; i++) Py_XDECREF(bytes$argnum[i]);
        free(bytes$argnum);
    }
    free((void *)$1);
    Py_XDECREF(seq$argnum);
}
%apply (const char *const *strs, size_t nstrs) { (const char *const *labels, size_t nlabels),
                                                  (const char *const *cols, size_t ncols),
                                                  (const char *const *cells, size_t ncells) };

%apply (int *IN_ARRAY1, size_t DIM1) { (const int *oy, size_t noy), (const int *fy, size_t nfy),
                                       (const int *ty, size_t nty), (const int *years, size_t nyears),
                                       (const int *dirs, size_t ndirs) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ov, size_t nov), (const double *fm, size_t nfm),
                                          (const double *lv, size_t nlv), (const double *lo, size_t nlo),
                                          (const double *hi, size_t nhi), (const double *tv, size_t ntv),
                                          (const double *score, size_t nscore),
                                          (const double *rank, size_t nrank),
                                          (const double *rlo, size_t nrlo),
                                          (const double *rhi, size_t nrhi),
                                          (const double *values, size_t nvalues) };

%inline %{
gidx_status gidx_py_svg_fan_chart(char **out, const char *title, const char *unit,
                                  const int *oy, size_t noy, const double *ov, size_t nov,
                                  const int *fy, size_t nfy, const double *fm, size_t nfm,
                                  const double *lv, size_t nlv, const double *lo, size_t nlo,
                                  const double *hi, size_t nhi, const int *ty, size_t nty,
                                  const double *tv, size_t ntv)
{
    gidx_fan_chart c;
    gidx_status rc = gidx_bind_fan(&c, title, unit, oy, noy, ov, nov, fy, nfy, fm, nfm, lv, nlv,
                                   lo, nlo, hi, nhi, ty, nty, tv, ntv);
    return rc != GIDX_OK ? rc : gidx_svg_fan_chart(out, &c);
}

gidx_status gidx_py_report_add_fan_chart(gidx_report *r, const char *title, const char *unit,
                                         const int *oy, size_t noy, const double *ov, size_t nov,
                                         const int *fy, size_t nfy, const double *fm, size_t nfm,
                                         const double *lv, size_t nlv, const double *lo, size_t nlo,
                                         const double *hi, size_t nhi, const int *ty, size_t nty,
                                         const double *tv, size_t ntv)
{
    gidx_fan_chart c;
    gidx_status rc = gidx_bind_fan(&c, title, unit, oy, noy, ov, nov, fy, nfy, fm, nfm, lv, nlv,
                                   lo, nlo, hi, nhi, ty, nty, tv, ntv);
    return rc != GIDX_OK ? rc : gidx_report_add_fan_chart(r, &c);
}

static gidx_status gidx_py_ranking_args(size_t nlabels, size_t nscore, size_t nrank,
                                        size_t nrlo, size_t nrhi)
{
    if (nscore != nlabels || nrank != nlabels || nrlo != nrhi || (nrlo != 0 && nrlo != nlabels))
        return gidx_error_set(GIDX_EINVAL, "ranking: labels, score and rank must have equal "
                              "lengths; rank_lo and rank_hi both empty or of the same length");
    return GIDX_OK;
}

gidx_status gidx_py_svg_ranking(char **out, const char *title,
                                const char *const *labels, size_t nlabels,
                                const double *score, size_t nscore, const double *rank, size_t nrank,
                                const double *rlo, size_t nrlo, const double *rhi, size_t nrhi)
{
    gidx_status rc = gidx_py_ranking_args(nlabels, nscore, nrank, nrlo, nrhi);
    if (rc != GIDX_OK) return rc;
    return gidx_svg_ranking(out, title, nlabels, labels, score, rank, nrlo ? rlo : NULL,
                            nrlo ? rhi : NULL);
}

gidx_status gidx_py_report_add_ranking(gidx_report *r, const char *title,
                                       const char *const *labels, size_t nlabels,
                                       const double *score, size_t nscore,
                                       const double *rank, size_t nrank,
                                       const double *rlo, size_t nrlo,
                                       const double *rhi, size_t nrhi)
{
    gidx_status rc = gidx_py_ranking_args(nlabels, nscore, nrank, nrlo, nrhi);
    if (rc != GIDX_OK) return rc;
    return gidx_report_add_ranking(r, title, nlabels, labels, score, rank, nrlo ? rlo : NULL,
                                   nrlo ? rhi : NULL);
}

static gidx_status gidx_py_heatmap_args(size_t nrows, size_t ncols, size_t nvalues, size_t ndirs)
{
    if (nvalues != nrows * ncols || (ndirs != 0 && ndirs != ncols))
        return gidx_error_set(GIDX_EINVAL, "heatmap: values must be len(rows) x len(columns) "
                              "and direction empty or one per column");
    return GIDX_OK;
}

gidx_status gidx_py_svg_heatmap(char **out, const char *title,
                                const char *const *labels, size_t nlabels,
                                const char *const *cols, size_t ncols,
                                const double *values, size_t nvalues,
                                const int *dirs, size_t ndirs)
{
    gidx_status rc = gidx_py_heatmap_args(nlabels, ncols, nvalues, ndirs);
    if (rc != GIDX_OK) return rc;
    return gidx_svg_heatmap(out, title, nlabels, ncols, labels, cols, values, ndirs ? dirs : NULL);
}

gidx_status gidx_py_report_add_heatmap(gidx_report *r, const char *title,
                                       const char *const *labels, size_t nlabels,
                                       const char *const *cols, size_t ncols,
                                       const double *values, size_t nvalues,
                                       const int *dirs, size_t ndirs)
{
    gidx_status rc = gidx_py_heatmap_args(nlabels, ncols, nvalues, ndirs);
    if (rc != GIDX_OK) return rc;
    return gidx_report_add_heatmap(r, title, nlabels, ncols, labels, cols, values,
                                   ndirs ? dirs : NULL);
}

gidx_status gidx_py_report_add_table(gidx_report *r, const char *caption,
                                     const char *const *cols, size_t ncols,
                                     const char *const *cells, size_t ncells)
{
    if (ncols == 0 || ncells % ncols != 0)
        return gidx_error_set(GIDX_EINVAL, "table: the number of cells must be a multiple "
                              "of the number of columns");
    return gidx_report_add_table(r, caption, ncells / ncols, ncols, cols, cells);
}

/* gidx_roadmap_run() with plain arguments: regions as a list of str. */
gidx_status gidx_py_roadmap(gidx_report **out, const gidx_dataset *data, const gidx_catalog *cat,
                            const char *const *strs, size_t nstrs, const char *target,
                            const gidx_scenario *scenario, int horizon, size_t mc,
                            unsigned long seed)
{
    gidx_roadmap_options o = GIDX_ROADMAP_OPTIONS_INIT;
    o.regions = nstrs ? strs : NULL;
    o.nregions = nstrs;
    o.target = target;
    o.scenario = scenario;
    o.horizon = horizon;
    o.mc = mc;
    o.seed = seed;
    return gidx_roadmap_run(out, data, cat, &o);
}


%}


#elif defined(SWIGR)

%inline %{
static SEXP gidx_r_string_result(gidx_status rc, char *s)
{
    SEXP out;
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    out = PROTECT(Rf_mkCharCE(s, CE_UTF8));
    gidx_free(s);
    out = Rf_ScalarString(out);
    UNPROTECT(1);
    return out;
}

static const int *gidx_r_ints(SEXP x, size_t *n)
{
    *n = (size_t)XLENGTH(x);
    return *n ? INTEGER(x) : NULL;
}

static const double *gidx_r_reals(SEXP x, size_t *n)
{
    *n = (size_t)XLENGTH(x);
    return *n ? REAL(x) : NULL;
}

/* gidx_roadmap_run() for R: data and catalogue are the external pointers of
 * gidx_load_*() and gidx_catalog() (NULL = the defaults); regions a character
 * vector; returns the report rendered in `format` (0 text, 1 JSON, 2 HTML). */
SEXP gidx_r_roadmap(SEXP data, SEXP cat, SEXP regions, SEXP target, SEXP horizon, SEXP mc,
                    SEXP seed, SEXP format)
{
    gidx_dataset *ds = NULL, *own_ds = NULL;
    gidx_catalog *c = NULL, *own_cat = NULL;
    gidx_report *r = NULL;
    gidx_roadmap_options o = GIDX_ROADMAP_OPTIONS_INIT;
    const char **regs = NULL;
    char *text = NULL;
    R_xlen_t i, n = Rf_isString(regions) ? XLENGTH(regions) : 0;
    gidx_status rc = GIDX_OK;
    if (data == R_NilValue)
        rc = gidx_dataset_load_default(&own_ds);
    else if (TYPEOF(data) == EXTPTRSXP && Rf_isString(R_ExternalPtrTag(data)) &&
             strcmp(CHAR(STRING_ELT(R_ExternalPtrTag(data), 0)), "gidx_dataset") == 0)
        ds = (gidx_dataset *)R_ExternalPtrAddr(data);
    if (rc == GIDX_OK && ds == NULL && own_ds == NULL)
        rc = gidx_error_set(GIDX_EINVAL, "roadmap: data must be a dataset from gidx_load_*() or NULL");
    if (rc == GIDX_OK && cat == R_NilValue)
        rc = gidx_catalog_default(&own_cat);
    else if (rc == GIDX_OK && TYPEOF(cat) == EXTPTRSXP && Rf_inherits(cat, "gidx_catalog"))
        c = (gidx_catalog *)R_ExternalPtrAddr(cat);
    if (rc == GIDX_OK && c == NULL && own_cat == NULL)
        rc = gidx_error_set(GIDX_EINVAL, "roadmap: catalog must come from gidx_catalog() or be NULL");
    if (rc == GIDX_OK && n > 0) {
        regs = (const char **)R_alloc((size_t)n, sizeof *regs);
        for (i = 0; i < n; i++)
            regs[i] = Rf_translateCharUTF8(STRING_ELT(regions, i));
    }
    if (rc == GIDX_OK) {
        o.regions = regs;
        o.nregions = (size_t)n;
        o.target = Rf_isString(target) ? Rf_translateCharUTF8(STRING_ELT(target, 0)) : NULL;
        o.horizon = Rf_asInteger(horizon);
        o.mc = (size_t)Rf_asInteger(mc);
        o.seed = (unsigned long)Rf_asInteger(seed);
        rc = gidx_roadmap_run(&r, own_ds ? own_ds : ds, own_cat ? own_cat : c, &o);
    }
    if (rc == GIDX_OK)
        rc = gidx_report_render(&text, NULL, r, Rf_asInteger(format));
    gidx_report_free(r);
    gidx_catalog_free(own_cat);
    gidx_dataset_free(own_ds);
    return gidx_r_string_result(rc, text);
}

/* All vectors already coerced on the R side: years integer, values double. */
SEXP gidx_r_svg_fan_chart(SEXP title, SEXP unit, SEXP oy, SEXP ov, SEXP fy, SEXP fm, SEXP lv,
                          SEXP lo, SEXP hi, SEXP ty, SEXP tv)
{
    gidx_fan_chart c;
    size_t noy, nov, nfy, nfm, nlv, nlo, nhi, nty, ntv;
    char *s = NULL;
    const int *a = gidx_r_ints(oy, &noy), *b = gidx_r_ints(fy, &nfy), *t = gidx_r_ints(ty, &nty);
    const double *v = gidx_r_reals(ov, &nov), *m = gidx_r_reals(fm, &nfm),
                 *l = gidx_r_reals(lv, &nlv), *lw = gidx_r_reals(lo, &nlo),
                 *h = gidx_r_reals(hi, &nhi), *tt = gidx_r_reals(tv, &ntv);
    gidx_status rc = gidx_bind_fan(&c, Rf_translateCharUTF8(STRING_ELT(title, 0)),
                                   Rf_translateCharUTF8(STRING_ELT(unit, 0)),
                                   a, noy, v, nov, b, nfy, m, nfm, l, nlv, lw, nlo, h, nhi,
                                   t, nty, tt, ntv);
    if (rc == GIDX_OK)
        rc = gidx_svg_fan_chart(&s, &c);
    return gidx_r_string_result(rc, s);
}
%}

#endif
