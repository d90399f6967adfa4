/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Effects: panels, estimators and results (include/greenidx/effects.h).
 * Thin helpers flatten the options struct and the string arrays; every
 * number comes from the library.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/effects.h>

static gidx_status gidx_eff_b_estimate(gidx_effect_result **out, const gidx_effect_panel *p, int method,
        const char *outcome, const char *treated, const char *treat_col, const char *group_col,
        double treat_time, const char *covariates, const char *predictors, int se, int control,
        int twoways, int balanced, unsigned long seed, unsigned long nboot, double level,
        int ref_period, int placebo, int leave_one_out, unsigned long nstarts, double pre_from)
{
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    o.method = method; o.outcome = outcome; o.treated = treated; o.treat_col = treat_col;
    o.group_col = group_col; o.treat_time = treat_time; o.covariates = covariates;
    o.predictors = predictors; o.se = se; o.control = control; o.twoways = twoways;
    o.balanced = balanced; o.seed = seed; o.nboot = nboot; o.level = level;
    o.ref_period = ref_period; o.placebo = placebo; o.leave_one_out = leave_one_out;
    o.nstarts = nstarts; o.synth_pre_from = pre_from;
    return gidx_effect_estimate(out, p, &o);
}

static char *gidx_eff_b_render(const gidx_effect_result *r, int format)
{
    size_t need = 0;
    char *s;
    if (gidx_effect_result_render(NULL, 0, &need, r, format) != GIDX_EBUFS)
        return NULL;
    s = malloc(need);
    if (s == NULL)
        return NULL;
    if (gidx_effect_result_render(s, need, NULL, r, format) != GIDX_OK) {
        free(s);
        return NULL;
    }
    return s;
}
%}

#if defined(SWIGPYTHON)
%include <typemaps.i>


%apply (double *IN_ARRAY1, size_t DIM1) { (const double *x, size_t n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *time, size_t ntime) };
%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *path_out, size_t cap) };
%apply double *OUTPUT { double *value, double *group, double *time_out, double *estimate, double *se };


%newobject gidx_py_effect_render;
%inline %{
/* A panel from newline-joined unit names and a numpy array of times. */
gidx_status gidx_py_effect_panel_new(gidx_effect_panel **out, const char *units,
                                     const double *time, size_t ntime)
{
    char *copy;
    const char **items;
    gidx_status rc;
    *out = NULL;
    if (gidx_bind_split(&copy, &items, units, ntime) != 0)
        return gidx_error_set(GIDX_EINVAL, "effect panel: the unit names do not match the times in number");
    rc = gidx_effect_panel_new(out, items, time, ntime);
    free(copy);
    free((void *)items);
    return rc;
}

/* A panel from a CSV file: unit, time and newline-joined variable names. */
gidx_status gidx_py_effect_panel_read_csv(gidx_effect_panel **out, const char *path, const char *unit,
                                          const char *time_col, const char *vars, size_t nvars)
{
    gidx_table *t = NULL;
    char *copy = NULL;
    const char **items = NULL;
    gidx_status rc;
    *out = NULL;
    if (nvars > 0 && gidx_bind_split(&copy, &items, vars, nvars) != 0)
        return gidx_error_set(GIDX_EINVAL, "effect panel: the variable names do not match their number");
    rc = gidx_table_read_csv(&t, path, NULL);
    if (rc == GIDX_OK)
        rc = gidx_effect_panel_from_table(out, t, unit, time_col, items, nvars);
    gidx_table_free(t);
    free(copy);
    free((void *)items);
    return rc;
}

gidx_status gidx_py_effect_estimate(gidx_effect_result **out, const gidx_effect_panel *p, int method,
        const char *outcome, const char *treated, const char *treat_col, const char *group_col,
        double treat_time, const char *covariates, const char *predictors, int se, int control,
        int twoways, int balanced, unsigned long seed, unsigned long nboot, double level,
        int ref_period, int placebo, int leave_one_out, unsigned long nstarts, double pre_from)
{
    return gidx_eff_b_estimate(out, p, method, outcome, treated, treat_col, group_col, treat_time,
                               covariates, predictors, se, control, twoways, balanced, seed, nboot,
                               level, ref_period, placebo, leave_one_out, nstarts, pre_from);
}

/* The rendered text, or None on failure (the last error says why). */
char *gidx_py_effect_render(const gidx_effect_result *r, int format)
{
    return gidx_eff_b_render(r, format);
}

gidx_status gidx_py_effect_row(double *group, double *time_out, double *estimate, double *se,
                               const gidx_effect_result *r, const char *kind, size_t i)
{
    return gidx_effect_result_row(NULL, group, time_out, estimate, se, r, kind, i);
}

const char *gidx_py_effect_row_label(const gidx_effect_result *r, const char *kind, size_t i)
{
    const char *l = NULL;
    if (gidx_effect_result_row(&l, NULL, NULL, NULL, NULL, r, kind, i) != GIDX_OK)
        return NULL;
    return l;
}

/* Length of the effect path (DiD-type results: 0, the path is constant). */
size_t gidx_py_effect_path_len(const gidx_effect_result *r)
{
    size_t need = 0;
    double one;
    if (gidx_effect_result_path(&one, 1, &need, r) == GIDX_OK && need == 1) {
        size_t need2 = 0;
        double two[2];
        gidx_effect_result_path(two, 2, &need2, r);
        return need2 == 2 ? 0 : 1;   /* constant paths fill whatever is asked */
    }
    return need;
}

gidx_status gidx_py_effect_path(double *path_out, size_t cap, const gidx_effect_result *r)
{
    return gidx_effect_result_path(path_out, cap, NULL, r);
}
%}

#elif defined(SWIGR)

%inline %{
static void gidx_r_eff_fin(SEXP p)
{
    void *h = R_ExternalPtrAddr(p);
    if (R_ExternalPtrTag(p) == Rf_install("gidx_effect_panel"))
        gidx_effect_panel_free((gidx_effect_panel *)h);
    else
        gidx_effect_result_free((gidx_effect_result *)h);
    R_ClearExternalPtr(p);
}
static SEXP gidx_r_eff_wrap(void *h, const char *tag)
{
    SEXP p = PROTECT(R_MakeExternalPtr(h, Rf_install(tag), R_NilValue));
    R_RegisterCFinalizerEx(p, gidx_r_eff_fin, TRUE);
    UNPROTECT(1);
    return p;
}
static void *gidx_r_eff_ptr(SEXP p, const char *tag)
{
    if (TYPEOF(p) != EXTPTRSXP || R_ExternalPtrTag(p) != Rf_install(tag))
        return NULL;
    return R_ExternalPtrAddr(p);
}
static SEXP gidx_r_eff_einval(void)
{
    return gidx_r_status(gidx_effect_panel_new(NULL, NULL, NULL, 0));
}

/* units: character; time: numeric; vars: named list of numeric vectors. */
SEXP gidx_r_effect_panel(SEXP units, SEXP time, SEXP vars)
{
    size_t n, i, j;
    const char **u;
    gidx_effect_panel *p = NULL;
    gidx_status rc;
    SEXP names;
    if (!Rf_isString(units) || !Rf_isReal(time) || !Rf_isNewList(vars) ||
        XLENGTH(units) != XLENGTH(time))
        return gidx_r_eff_einval();
    n = (size_t)XLENGTH(units);
    u = (const char **)R_alloc(n + 1, sizeof *u);
    for (i = 0; i < n; i++)
        u[i] = CHAR(STRING_ELT(units, (R_xlen_t)i));
    if ((rc = gidx_effect_panel_new(&p, u, REAL(time), n)) != GIDX_OK)
        return gidx_r_status(rc);
    names = Rf_getAttrib(vars, R_NamesSymbol);
    for (j = 0; j < (size_t)XLENGTH(vars); j++) {
        SEXP v = VECTOR_ELT(vars, (R_xlen_t)j);
        if (!Rf_isReal(v) || Rf_isNull(names)) {
            gidx_effect_panel_free(p);
            return gidx_r_eff_einval();
        }
        rc = gidx_effect_panel_add(p, CHAR(STRING_ELT(names, (R_xlen_t)j)), REAL(v), (size_t)XLENGTH(v));
        if (rc != GIDX_OK) {
            gidx_effect_panel_free(p);
            return gidx_r_status(rc);
        }
    }
    return gidx_r_eff_wrap(p, "gidx_effect_panel");
}

static const char *gidx_r_eff_str(SEXP o, const char *name)
{
    SEXP names = Rf_getAttrib(o, R_NamesSymbol);
    R_xlen_t i;
    for (i = 0; !Rf_isNull(names) && i < XLENGTH(o); i++)
        if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) {
            SEXP v = VECTOR_ELT(o, i);
            return Rf_isString(v) && XLENGTH(v) == 1 ? CHAR(STRING_ELT(v, 0)) : NULL;
        }
    return NULL;
}
static double gidx_r_eff_num(SEXP o, const char *name, double dflt)
{
    SEXP names = Rf_getAttrib(o, R_NamesSymbol);
    R_xlen_t i;
    for (i = 0; !Rf_isNull(names) && i < XLENGTH(o); i++)
        if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) {
            SEXP v = VECTOR_ELT(o, i);
            return Rf_isNumeric(v) && XLENGTH(v) == 1 ? Rf_asReal(v) : dflt;
        }
    return dflt;
}

/* opts: named list (method, outcome, treated, treat_col, group_col, treat_time, ...). */
SEXP gidx_r_effect_estimate(SEXP panel, SEXP opts)
{
    gidx_effect_panel *p = gidx_r_eff_ptr(panel, "gidx_effect_panel");
    gidx_effect_result *r = NULL;
    gidx_status rc;
    if (p == NULL || !Rf_isNewList(opts))
        return gidx_r_eff_einval();
    rc = gidx_eff_b_estimate(&r, p, (int)gidx_r_eff_num(opts, "method", 0),
            gidx_r_eff_str(opts, "outcome"), gidx_r_eff_str(opts, "treated"),
            gidx_r_eff_str(opts, "treat_col"), gidx_r_eff_str(opts, "group_col"),
            gidx_r_eff_num(opts, "treat_time", NAN), gidx_r_eff_str(opts, "covariates"),
            gidx_r_eff_str(opts, "predictors"), (int)gidx_r_eff_num(opts, "se", 0),
            (int)gidx_r_eff_num(opts, "control", 0), (int)gidx_r_eff_num(opts, "twoways", 0),
            (int)gidx_r_eff_num(opts, "balanced", 0), (unsigned long)gidx_r_eff_num(opts, "seed", 42),
            (unsigned long)gidx_r_eff_num(opts, "nboot", 0), gidx_r_eff_num(opts, "level", 0),
            (int)gidx_r_eff_num(opts, "ref_period", -1), (int)gidx_r_eff_num(opts, "placebo", 1),
            (int)gidx_r_eff_num(opts, "leave_one_out", 0), (unsigned long)gidx_r_eff_num(opts, "nstarts", 0),
            gidx_r_eff_num(opts, "pre_from", NAN));
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_eff_wrap(r, "gidx_effect_result");
}

SEXP gidx_r_effect_render(SEXP res, SEXP format)
{
    gidx_effect_result *r = gidx_r_eff_ptr(res, "gidx_effect_result");
    char *s;
    SEXP out;
    if (r == NULL || !Rf_isNumeric(format))
        return gidx_r_eff_einval();
    s = gidx_eff_b_render(r, Rf_asInteger(format));
    if (s == NULL)
        return gidx_r_status(gidx_error_last()->code ? gidx_error_last()->code : GIDX_ENOMEM);
    out = PROTECT(Rf_mkString(s));
    free(s);
    UNPROTECT(1);
    return out;
}

SEXP gidx_r_effect_value(SEXP res, SEXP key)
{
    gidx_effect_result *r = gidx_r_eff_ptr(res, "gidx_effect_result");
    double v;
    gidx_status rc;
    if (r == NULL || !Rf_isString(key))
        return gidx_r_eff_einval();
    if ((rc = gidx_effect_result_value(&v, r, CHAR(STRING_ELT(key, 0)))) != GIDX_OK)
        return gidx_r_status(rc);
    return Rf_ScalarReal(v);
}

/* list(label, group, time, estimate, se) for the rows of one kind. */
SEXP gidx_r_effect_rows(SEXP res, SEXP kind)
{
    gidx_effect_result *r = gidx_r_eff_ptr(res, "gidx_effect_result");
    const char *k;
    size_t n, i;
    SEXP out, lab, g, t, e, s, nm;
    if (r == NULL || !Rf_isString(kind))
        return gidx_r_eff_einval();
    k = CHAR(STRING_ELT(kind, 0));
    n = gidx_effect_result_nrows(r, k);
    out = PROTECT(Rf_allocVector(VECSXP, 5));
    lab = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    g = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    t = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    e = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    s = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++) {
        const char *l = "";
        gidx_effect_result_row(&l, REAL(g) + i, REAL(t) + i, REAL(e) + i, REAL(s) + i, r, k, i);
        SET_STRING_ELT(lab, (R_xlen_t)i, Rf_mkCharCE(l, CE_UTF8));
    }
    SET_VECTOR_ELT(out, 0, lab); SET_VECTOR_ELT(out, 1, g); SET_VECTOR_ELT(out, 2, t);
    SET_VECTOR_ELT(out, 3, e); SET_VECTOR_ELT(out, 4, s);
    nm = PROTECT(Rf_allocVector(STRSXP, 5));
    SET_STRING_ELT(nm, 0, Rf_mkChar("label")); SET_STRING_ELT(nm, 1, Rf_mkChar("group"));
    SET_STRING_ELT(nm, 2, Rf_mkChar("time")); SET_STRING_ELT(nm, 3, Rf_mkChar("estimate"));
    SET_STRING_ELT(nm, 4, Rf_mkChar("se"));
    Rf_setAttrib(out, R_NamesSymbol, nm);
    UNPROTECT(7);
    return out;
}

/* The effect path; n = number of periods asked for constant (DiD-type) paths. */
SEXP gidx_r_effect_path(SEXP res, SEXP n)
{
    gidx_effect_result *r = gidx_r_eff_ptr(res, "gidx_effect_result");
    size_t need = 0, cap;
    gidx_status rc;
    SEXP out;
    if (r == NULL || !Rf_isNumeric(n))
        return gidx_r_eff_einval();
    cap = (size_t)Rf_asInteger(n);
    rc = gidx_effect_result_path(NULL, 0, &need, r);
    if (rc != GIDX_OK && rc != GIDX_EBUFS)
        return gidx_r_status(rc);
    if (rc == GIDX_EBUFS || need > 0)
        cap = need;
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)cap));
    rc = gidx_effect_result_path(cap ? REAL(out) : NULL, cap, NULL, r);
    UNPROTECT(1);
    return rc == GIDX_OK ? out : gidx_r_status(rc);
}
%}

#endif
