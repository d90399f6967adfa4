/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Composite indices (include/greenidx/composite.h). The index input (a
 * dataset and a specification) travels as one handle, gidx_py_coin /
 * external pointer in R, so the bindings do not depend on a dataset binding.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/composite.h>

typedef struct gidx_b_coin {
    gidx_dataset *ds;
    gidx_index_spec *sp;
} gidx_b_coin;

static void gidx_b_coin_free(gidx_b_coin *c)
{
    if (c == NULL)
        return;
    gidx_dataset_free(c->ds);
    gidx_index_spec_free(c->sp);
    free(c);
}

static gidx_status gidx_b_coin_new(gidx_b_coin **out)
{
    gidx_b_coin *c = calloc(1, sizeof *c);
    gidx_status rc;
    *out = NULL;
    if (c == NULL)
        return GIDX_ENOMEM;
    if ((rc = gidx_dataset_new(&c->ds)) != GIDX_OK || (rc = gidx_index_spec_new(&c->sp)) != GIDX_OK) {
        gidx_b_coin_free(c);
        return rc;
    }
    *out = c;
    return GIDX_OK;
}

static gidx_status gidx_b_coin_load(gidx_b_coin **out, const char *idata, const char *imeta)
{
    gidx_b_coin *c = calloc(1, sizeof *c);
    gidx_status rc;
    *out = NULL;
    if (c == NULL)
        return GIDX_ENOMEM;
    if ((rc = gidx_index_load_coinr(&c->ds, &c->sp, idata, imeta)) != GIDX_OK) {
        free(c);
        return rc;
    }
    *out = c;
    return GIDX_OK;
}

/* An index input from a catalogue and its indicator panel (gidx_index_from_catalog). */
static gidx_status gidx_b_coin_from_catalog(gidx_b_coin **out, const gidx_panel *panel,
                                            const gidx_catalog *cat, int year)
{
    gidx_b_coin *c = calloc(1, sizeof *c);
    gidx_status rc;
    *out = NULL;
    if (c == NULL)
        return GIDX_ENOMEM;
    if (panel == NULL || cat == NULL) {
        free(c);
        return gidx_error_set(GIDX_EINVAL, "index from catalogue: panel and catalogue needed");
    }
    if ((rc = gidx_index_from_catalog(&c->ds, &c->sp, NULL, gidx_panel_dataset(panel), cat,
                                      year)) != GIDX_OK) {
        free(c);
        return rc;
    }
    *out = c;
    return GIDX_OK;
}

static gidx_status gidx_b_coin_option(gidx_b_coin *c, const char *name, const char *value)
{
    gidx_index_options o;
    gidx_status rc;
    if (c == NULL || name == NULL || value == NULL)
        return gidx_index_options_set(NULL, NULL, NULL);
    o = *gidx_index_spec_options(c->sp);
    if ((rc = gidx_index_options_set(&o, name, value)) != GIDX_OK)
        return rc;
    return gidx_index_spec_set_options(c->sp, &o); /* copies the group name */
}

/* Comma-separated method names -> codes, through gidx_index_options_set(). */
static gidx_status gidx_b_alts(int *out, size_t *n, const char *what, const char *list)
{
    char buf[512], *tok, *save = NULL;
    *n = 0;
    if (list == NULL || list[0] == '\0')
        return GIDX_OK;
    if (strlen(list) >= sizeof buf)
        return gidx_index_options_set(NULL, NULL, NULL);
    strcpy(buf, list);
    for (tok = strtok_r(buf, ";", &save); tok && *n < 8; tok = strtok_r(NULL, ";", &save)) {
        gidx_index_options o = GIDX_INDEX_OPTIONS_INIT;
        gidx_status rc = gidx_index_options_set(&o, what, tok);
        if (rc != GIDX_OK)
            return rc;
        out[(*n)++] = strcmp(what, "impute") == 0 ? o.impute
                      : strcmp(what, "normalise") == 0 ? o.normalise : o.aggregate;
    }
    return GIDX_OK;
}

static gidx_status gidx_b_uncertainty(gidx_index_uncertainty_result **out, gidx_b_coin *c, size_t n,
                                      unsigned long seed, unsigned threads, int sobol,
                                      const char *imputes, const char *norms, const char *aggs,
                                      double weight_noise, int exclude_one)
{
    gidx_uncertainty_options uo = GIDX_UNCERTAINTY_OPTIONS_INIT;
    int ia[8], na[8], aa[8];
    gidx_status rc;
    *out = NULL;
    if (c == NULL)
        return gidx_index_uncertainty(out, NULL, NULL, NULL);
    if ((rc = gidx_b_alts(ia, &uo.n_impute_alts, "impute", imputes)) != GIDX_OK ||
        (rc = gidx_b_alts(na, &uo.n_normalise_alts, "normalise", norms)) != GIDX_OK ||
        (rc = gidx_b_alts(aa, &uo.n_aggregate_alts, "aggregate", aggs)) != GIDX_OK)
        return rc;
    uo.impute_alts = ia;
    uo.normalise_alts = na;
    uo.aggregate_alts = aa;
    uo.n = n;
    uo.seed = seed;
    uo.threads = threads;
    uo.sobol = sobol;
    uo.weight_noise = weight_noise;
    uo.exclude_one = exclude_one;
    return gidx_index_uncertainty(out, c->sp, c->ds, &uo);
}

static char *gidx_b_result_json(const gidx_index_result *r, const gidx_index_uncertainty_result *u)
{
    size_t need = 0;
    char *buf;
    gidx_index_result_json(NULL, 0, &need, r, u);
    if (need == 0)
        return NULL;
    buf = malloc(need);
    if (buf != NULL && gidx_index_result_json(buf, need, NULL, r, u) != GIDX_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}
%}

#if defined(SWIGPYTHON)
GIDX_HANDLE(gidx_b_coin, gidx_b_coin_free)
/* The binding-private helpers of the %{ %} block above. */
gidx_status gidx_b_coin_new(gidx_b_coin **out);
gidx_status gidx_b_coin_load(gidx_b_coin **out, const char *idata, const char *imeta);
gidx_status gidx_b_coin_from_catalog(gidx_b_coin **out, const gidx_panel *panel,
                                     const gidx_catalog *cat, int year);
gidx_status gidx_b_coin_option(gidx_b_coin *c, const char *name, const char *value);
gidx_status gidx_b_uncertainty(gidx_index_uncertainty_result **out, gidx_b_coin *c, size_t n,
                               unsigned long seed, unsigned threads, int sobol,
                               const char *imputes, const char *norms, const char *aggs,
                               double weight_noise, int exclude_one);

%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *out, size_t cap) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *x, size_t n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ya, size_t na) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *yb, size_t nb) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *yab, size_t nab) };

%newobject gidx_b_result_json;
char *gidx_b_result_json(const gidx_index_result *r, const gidx_index_uncertainty_result *u);


%inline %{
gidx_status gidx_py_coin_add_indicator(gidx_b_coin *c, const char *code, const char *parent,
                                       double weight, int direction)
{
    return gidx_index_spec_add_indicator(c ? c->sp : NULL, code, parent, weight, direction);
}
gidx_status gidx_py_coin_add_aggregate(gidx_b_coin *c, const char *code, const char *parent, double weight)
{
    return gidx_index_spec_add_aggregate(c ? c->sp : NULL, code, parent, weight);
}
gidx_status gidx_py_coin_set_target(gidx_b_coin *c, const char *code, double target)
{
    return gidx_index_spec_set_target(c ? c->sp : NULL, code, target);
}
/* One indicator column: values for units joined by '\n' (missing = NaN). */
gidx_status gidx_py_coin_set_column(gidx_b_coin *c, const char *units, int year, const char *variable,
                                    const double *x, size_t n)
{
    const char *p = units;
    size_t i;
    char name[256];
    if (c == NULL || units == NULL)
        return gidx_dataset_set(NULL, NULL, 0, NULL, 0, 0);
    for (i = 0; i < n; i++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        gidx_status rc;
        if (len >= sizeof name)
            len = sizeof name - 1;
        memcpy(name, p, len);
        name[len] = '\0';
        rc = gidx_dataset_set(c->ds, name, year, variable, x[i] == x[i] ? x[i] : 0.0,
                              x[i] == x[i] ? GIDX_FLAG_OK : GIDX_FLAG_MISSING);
        if (rc != GIDX_OK)
            return rc;
        if (e == NULL && i + 1 < n)
            return gidx_dataset_set(c->ds, "", 0, NULL, 0, 0);
        p = e ? e + 1 : p + len;
    }
    return GIDX_OK;
}
gidx_status gidx_py_compute(gidx_index_result **out, gidx_b_coin *c)
{
    if (c == NULL) {
        *out = NULL;
        return gidx_index_compute(out, NULL, NULL);
    }
    return gidx_index_compute(out, c->sp, c->ds);
}
gidx_status gidx_py_result_scores(double *out, size_t cap, const gidx_index_result *r, const char *node,
                                  int year, int ranks)
{
    if (node != NULL && node[0] == '\0')
        node = NULL;
    return ranks ? gidx_index_result_ranks(out, cap, r, node, year)
                 : gidx_index_result_scores(out, cap, r, node, year);
}
gidx_status gidx_py_unc_ranks(double *out, size_t cap, const gidx_index_uncertainty_result *u, int which)
{
    size_t U = gidx_index_uncertainty_nunits(u);
    return gidx_index_uncertainty_ranks(which == 0 ? out : NULL, which == 1 ? out : NULL,
                                        which == 2 ? out : NULL, which == 3 ? out : NULL,
                                        cap < U ? cap : cap, u);
}
gidx_status gidx_py_unc_sobol(double *out, size_t cap, const gidx_index_uncertainty_result *u)
{
    double f[5], t[5];
    gidx_status rc;
    size_t i;
    if (cap < 10)
        return gidx_index_uncertainty_sobol(f, t, 0, u);
    if ((rc = gidx_index_uncertainty_sobol(f, t, 5, u)) != GIDX_OK)
        return rc;
    for (i = 0; i < 5; i++) {
        out[i] = f[i];
        out[5 + i] = t[i];
    }
    return GIDX_OK;
}
/* Benchmarking with unit indices passed as doubles (numpy int arrays convert). */
static gidx_status gidx_py_indices(size_t **idx, const double *x, size_t n)
{
    size_t i;
    *idx = malloc((n ? n : 1) * sizeof **idx);
    if (*idx == NULL)
        return gidx_index_result_scorecard(NULL, 0, NULL, 0, NULL, 0, 0);
    for (i = 0; i < n; i++) {
        if (!(x[i] >= 0.0) || x[i] != (double)(size_t)x[i]) {
            free(*idx);
            *idx = NULL;
            return gidx_index_result_scorecard(NULL, 0, NULL, 0, NULL, 0, 0);
        }
        (*idx)[i] = (size_t)x[i];
    }
    return GIDX_OK;
}
gidx_status gidx_py_scorecard(double *out, size_t cap, const gidx_index_result *r, size_t unit,
                              const double *x, size_t n, int year)
{
    size_t *peers;
    gidx_status rc = gidx_py_indices(&peers, x, n);
    if (rc != GIDX_OK)
        return rc;
    rc = gidx_index_result_scorecard(out, cap, r, unit, peers, n, year);
    free(peers);
    return rc;
}
gidx_status gidx_py_peer_rank(double *out, size_t cap, const gidx_index_result *r, size_t unit,
                              const double *x, size_t n, const char *node, int year)
{
    size_t *peers;
    gidx_status rc;
    if (cap < 1)
        return gidx_index_result_peer_rank(NULL, r, unit, NULL, 0, node, year);
    if ((rc = gidx_py_indices(&peers, x, n)) != GIDX_OK)
        return rc;
    rc = gidx_index_result_peer_rank(out, r, unit, peers, n, (node && node[0]) ? node : NULL, year);
    free(peers);
    return rc;
}
gidx_status gidx_py_peers_nearest(double *out, size_t cap, const double *x, size_t n, size_t p, size_t target)
{
    size_t *idx, i;
    gidx_status rc;
    if (p == 0 || n % p != 0)
        return gidx_peers_nearest(NULL, 0, NULL, 0, 0, 0);
    idx = malloc((cap ? cap : 1) * sizeof *idx);
    if (idx == NULL)
        return gidx_peers_nearest(NULL, 0, NULL, 0, 0, 0);
    rc = gidx_peers_nearest(idx, cap, x, n / p, p, target);
    for (i = 0; rc == GIDX_OK && i < cap; i++)
        out[i] = (double)idx[i];
    free(idx);
    return rc;
}
const char *gidx_py_scorecard_node(const gidx_index_result *r, size_t i)
{
    return gidx_index_result_scorecard_node(r, i);
}
gidx_status gidx_py_unc_sobol_unit(double *out, size_t cap, const gidx_index_uncertainty_result *u, size_t unit)
{
    double f[5], t[5];
    gidx_status rc;
    size_t i;
    if (cap < 10)
        return gidx_index_uncertainty_sobol_unit(f, t, 0, u, unit);
    if ((rc = gidx_index_uncertainty_sobol_unit(f, t, 5, u, unit)) != GIDX_OK)
        return rc;
    for (i = 0; i < 5; i++) {
        out[i] = f[i];
        out[5 + i] = t[i];
    }
    return GIDX_OK;
}
gidx_status gidx_py_skew_kurtosis(double *out, size_t cap, const double *x, size_t n)
{
    if (cap < 2)
        return gidx_skew_kurtosis(NULL, NULL, NULL, 1);
    return gidx_skew_kurtosis(&out[0], &out[1], x, n);
}
gidx_status gidx_py_cronbach(double *out, size_t cap, const double *x, size_t n, size_t p)
{
    if (cap < 1 || p == 0 || n % p != 0)
        return gidx_cronbach_alpha(NULL, NULL, 0, 0);
    return gidx_cronbach_alpha(out, x, n / p, p);
}
/* out = [sdev (p), prop (p), loadings (p*p)] */
gidx_status gidx_py_pca(double *out, size_t cap, const double *x, size_t n, size_t p)
{
    if (p == 0 || n % p != 0 || cap != 2 * p + p * p)
        return gidx_pca(NULL, NULL, NULL, 0, NULL, 0, 0);
    return gidx_pca(out, out + p, out + 2 * p, p * p, x, n / p, p);
}
gidx_status gidx_py_correlation(double *out, size_t cap, const double *x, size_t n, size_t p, int spearman)
{
    if (p == 0 || n % p != 0)
        return gidx_correlation_matrix(NULL, 0, NULL, 0, 0, 0);
    return gidx_correlation_matrix(out, cap, x, n / p, p, spearman);
}
/* gidx_bod_score(): the weights hold p values, a length no typemap can see;
 * out = (score, w[0..p-1]), cap = p + 1. */
gidx_status gidx_py_bod_score(double *out, size_t cap, const double *x, size_t n, size_t p,
                              size_t u, double min_share, double max_share)
{
    if (cap != p + 1 || n != p * (n / (p ? p : 1)))
        return gidx_error_set(GIDX_EINVAL, "bod_score: out must hold p + 1 values and Y n x p");
    return gidx_bod_score(&out[0], &out[1], x, n / p, p, u, min_share, max_share);
}
gidx_status gidx_py_rank(double *out, size_t cap, const double *x, size_t n, int descending)
{
    if (cap != n)
        return gidx_rank(NULL, NULL, 1, 0);
    return gidx_rank(out, x, n, descending);
}
gidx_status gidx_py_sobol(double *out, size_t cap, const double *ya, size_t na, const double *yb, size_t nb,
                          const double *yab, size_t nab)
{
    size_t k = na ? nab / na : 0;
    if (na != nb || k == 0 || nab != k * na || cap != 2 * k)
        return gidx_sobol_indices(NULL, NULL, NULL, NULL, NULL, 0, 0);
    return gidx_sobol_indices(out, out + k, ya, yb, yab, na, k);
}
%}

#elif defined(SWIGR)
%{
static void gidx_r_fin_coin(SEXP p) { gidx_b_coin_free((gidx_b_coin *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }
static void gidx_r_fin_res(SEXP p) { gidx_index_result_free((gidx_index_result *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }
static void gidx_r_fin_unc(SEXP p) { gidx_index_uncertainty_free((gidx_index_uncertainty_result *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }

static SEXP gidx_r_cmp_ptr(void *p, void (*fin)(SEXP))
{
    SEXP e = PROTECT(R_MakeExternalPtr(p, R_NilValue, R_NilValue));
    R_RegisterCFinalizerEx(e, fin, TRUE);
    UNPROTECT(1);
    return e;
}

static const char *gidx_r_cmp_str(SEXP s)
{
    return (Rf_isString(s) && XLENGTH(s) == 1 && STRING_ELT(s, 0) != NA_STRING) ? CHAR(STRING_ELT(s, 0)) : NULL;
}

%}

%inline %{
/* Exceptions of gen_api.py for R: outputs whose length no typemap can see. */
/* A numeric matrix as a row-major copy (R is column-major). */
static double *gidx_r_rowmajor(SEXP X, size_t *n, size_t *p)
{
    SEXP dim = Rf_getAttrib(X, R_DimSymbol);
    size_t i, j;
    double *rm;
    if (!Rf_isReal(X) || Rf_isNull(dim))
        return NULL;
    *n = (size_t)INTEGER(dim)[0];
    *p = (size_t)INTEGER(dim)[1];
    rm = (double *)R_alloc(*n * *p + 1, sizeof(double));
    for (i = 0; i < *n; i++)
        for (j = 0; j < *p; j++)
            rm[i * *p + j] = REAL(X)[j * *n + i];
    return rm;
}
/* gidx_rank(): ranks of x (out has the length of x). */
SEXP gidx_r_rank(SEXP x, SEXP descending)
{
    SEXP out;
    gidx_status rc;
    if (!Rf_isReal(x))
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "rank: x must be a numeric vector"));
    out = PROTECT(Rf_allocVector(REALSXP, XLENGTH(x)));
    rc = gidx_rank(REAL(out), REAL(x), (size_t)XLENGTH(x), Rf_asLogical(descending) == TRUE);
    UNPROTECT(1);
    return rc != GIDX_OK ? gidx_r_status(rc) : out;
}
/* gidx_bod_score(): c(score, weights) for unit u (0-based) of the n x p matrix Y. */
SEXP gidx_r_bod_score(SEXP Y, SEXP u, SEXP min_share, SEXP max_share)
{
    size_t n = 0, p = 0;
    double *rm = gidx_r_rowmajor(Y, &n, &p);
    SEXP out;
    gidx_status rc;
    if (rm == NULL)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "bod_score: Y must be a numeric matrix"));
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(p + 1)));
    rc = gidx_bod_score(&REAL(out)[0], &REAL(out)[1], rm, n, p, (size_t)Rf_asReal(u),
                        Rf_asReal(min_share), Rf_asReal(max_share));
    UNPROTECT(1);
    return rc != GIDX_OK ? gidx_r_status(rc) : out;
}
/* gidx_sobol_indices(): list(first, total) from yA, yB (N) and yAB (N x k). */
SEXP gidx_r_sobol_indices(SEXP yA, SEXP yB, SEXP yAB)
{
    size_t N = 0, k = 0;
    double *rm = gidx_r_rowmajor(yAB, &N, &k);
    SEXP out;
    gidx_status rc;
    if (rm == NULL || !Rf_isReal(yA) || !Rf_isReal(yB) || (size_t)XLENGTH(yA) != N ||
        (size_t)XLENGTH(yB) != N)
        return gidx_r_status(gidx_error_set(GIDX_EINVAL,
            "sobol_indices: yA and yB need N values and yAB an N x k matrix"));
    out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, Rf_allocVector(REALSXP, (R_xlen_t)k));
    SET_VECTOR_ELT(out, 1, Rf_allocVector(REALSXP, (R_xlen_t)k));
    rc = gidx_sobol_indices(REAL(VECTOR_ELT(out, 0)), REAL(VECTOR_ELT(out, 1)), REAL(yA),
                            REAL(yB), rm, N, k);
    UNPROTECT(1);
    return rc != GIDX_OK ? gidx_r_status(rc) : out;
}
%}
%inline %{
SEXP gidx_r_coin_load(SEXP idata, SEXP imeta)
{
    gidx_b_coin *c = NULL;
    gidx_status rc = gidx_b_coin_load(&c, gidx_r_cmp_str(idata) ? gidx_r_cmp_str(idata) : "",
                                      gidx_r_cmp_str(imeta) ? gidx_r_cmp_str(imeta) : "");
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_cmp_ptr(c, gidx_r_fin_coin);
}

/* A coin from a units x indicators matrix and the hierarchy. */
SEXP gidx_r_coin_build(SEXP units, SEXP year, SEXP X, SEXP icodes, SEXP iparents, SEXP iweights,
                       SEXP idirs, SEXP acodes, SEXP aparents, SEXP aweights)
{
    gidx_b_coin *c = NULL;
    gidx_status rc;
    R_xlen_t U, K, A, i, k;
    if (!Rf_isString(units) || !Rf_isReal(X) || !Rf_isString(icodes) || !Rf_isString(iparents) ||
        !Rf_isReal(iweights) || !Rf_isReal(idirs) || !Rf_isString(acodes) || !Rf_isString(aparents) ||
        !Rf_isReal(aweights) || !Rf_isReal(year))
        return gidx_r_status(gidx_index_spec_add_indicator(NULL, NULL, NULL, 0, 0));
    U = XLENGTH(units);
    K = XLENGTH(icodes);
    A = XLENGTH(acodes);
    if (XLENGTH(X) != U * K || XLENGTH(iparents) != K || XLENGTH(iweights) != K || XLENGTH(idirs) != K ||
        XLENGTH(aparents) != A || XLENGTH(aweights) != A)
        return gidx_r_status(gidx_index_spec_add_indicator(NULL, NULL, NULL, 0, 0));
    if ((rc = gidx_b_coin_new(&c)) != GIDX_OK)
        return gidx_r_status(rc);
    for (i = 0; i < A && rc == GIDX_OK; i++) {
        const char *par = STRING_ELT(aparents, i) == NA_STRING ? "" : CHAR(STRING_ELT(aparents, i));
        rc = gidx_index_spec_add_aggregate(c->sp, CHAR(STRING_ELT(acodes, i)), par, REAL(aweights)[i]);
    }
    for (k = 0; k < K && rc == GIDX_OK; k++)
        rc = gidx_index_spec_add_indicator(c->sp, CHAR(STRING_ELT(icodes, k)), CHAR(STRING_ELT(iparents, k)),
                                           REAL(iweights)[k], (int)REAL(idirs)[k]);
    for (k = 0; k < K && rc == GIDX_OK; k++)
        for (i = 0; i < U && rc == GIDX_OK; i++) {
            double v = REAL(X)[k * U + i];
            rc = gidx_dataset_set(c->ds, CHAR(STRING_ELT(units, i)), (int)REAL(year)[0],
                                  CHAR(STRING_ELT(icodes, k)), ISNAN(v) ? 0.0 : v,
                                  ISNAN(v) ? GIDX_FLAG_MISSING : GIDX_FLAG_OK);
        }
    if (rc != GIDX_OK) {
        gidx_b_coin_free(c);
        return gidx_r_status(rc);
    }
    return gidx_r_cmp_ptr(c, gidx_r_fin_coin);
}

SEXP gidx_r_coin_option(SEXP coin, SEXP name, SEXP value)
{
    gidx_b_coin *c = TYPEOF(coin) == EXTPTRSXP ? (gidx_b_coin *)R_ExternalPtrAddr(coin) : NULL;
    gidx_status rc = gidx_b_coin_option(c, gidx_r_cmp_str(name), gidx_r_cmp_str(value));
    return rc == GIDX_OK ? R_NilValue : gidx_r_status(rc);
}

/* Compute; returns list(units, names, aggregates, years, scores = matrix units x aggregates x years
 * flattened, ranks, ptr). */
SEXP gidx_r_compute(SEXP coin)
{
    gidx_b_coin *c = TYPEOF(coin) == EXTPTRSXP ? (gidx_b_coin *)R_ExternalPtrAddr(coin) : NULL;
    gidx_index_result *r = NULL;
    gidx_status rc;
    size_t U, A, T, u, j, t;
    SEXP out, un, nm, ag, yr, sc, rk;
    if (c == NULL)
        return gidx_r_status(gidx_index_compute(&r, NULL, NULL));
    if ((rc = gidx_index_compute(&r, c->sp, c->ds)) != GIDX_OK)
        return gidx_r_status(rc);
    U = gidx_index_result_nunits(r);
    A = gidx_index_result_naggregates(r);
    T = gidx_index_result_nyears(r);
    out = PROTECT(Rf_allocVector(VECSXP, 7));
    un = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)U));
    nm = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)U));
    ag = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)A));
    yr = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)T));
    sc = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(U * A * T)));
    rk = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(U * A * T)));
    for (u = 0; u < U; u++) {
        SET_STRING_ELT(un, (R_xlen_t)u, Rf_mkCharCE(gidx_index_result_unit(r, u), CE_UTF8));
        SET_STRING_ELT(nm, (R_xlen_t)u, Rf_mkCharCE(gidx_index_result_unit_name(r, u), CE_UTF8));
    }
    for (j = 0; j < A; j++)
        SET_STRING_ELT(ag, (R_xlen_t)j, Rf_mkCharCE(gidx_index_result_aggregate(r, j), CE_UTF8));
    for (t = 0; t < T; t++) {
        INTEGER(yr)[t] = gidx_index_result_year(r, t);
        for (j = 0; j < A; j++) {
            gidx_index_result_scores(REAL(sc) + (t * A + j) * U, U, r, gidx_index_result_aggregate(r, j),
                                     gidx_index_result_year(r, t));
            gidx_index_result_ranks(REAL(rk) + (t * A + j) * U, U, r, gidx_index_result_aggregate(r, j),
                                    gidx_index_result_year(r, t));
        }
    }
    for (u = 0; u < U * A * T; u++) {
        if (ISNAN(REAL(sc)[u])) REAL(sc)[u] = NA_REAL;
        if (ISNAN(REAL(rk)[u])) REAL(rk)[u] = NA_REAL;
    }
    SET_VECTOR_ELT(out, 0, un);
    SET_VECTOR_ELT(out, 1, nm);
    SET_VECTOR_ELT(out, 2, ag);
    SET_VECTOR_ELT(out, 3, yr);
    SET_VECTOR_ELT(out, 4, sc);
    SET_VECTOR_ELT(out, 5, rk);
    SET_VECTOR_ELT(out, 6, gidx_r_cmp_ptr(r, gidx_r_fin_res));
    UNPROTECT(7);
    return out;
}

/* Monte Carlo / Sobol; returns list(nominal, median, p05, p95, first, total, nruns). */
SEXP gidx_r_uncertainty(SEXP coin, SEXP n, SEXP seed, SEXP threads, SEXP sobol, SEXP imputes,
                        SEXP norms, SEXP aggs, SEXP noise, SEXP exclude)
{
    gidx_b_coin *c = TYPEOF(coin) == EXTPTRSXP ? (gidx_b_coin *)R_ExternalPtrAddr(coin) : NULL;
    gidx_index_uncertainty_result *u = NULL;
    gidx_status rc;
    size_t U, i;
    SEXP out, v[6];
    double f[5], t[5];
    if (!Rf_isReal(n) || !Rf_isReal(seed) || !Rf_isReal(threads) || !Rf_isLogical(sobol) || !Rf_isReal(noise) ||
        !Rf_isLogical(exclude))
        return gidx_r_status(gidx_index_uncertainty(&u, NULL, NULL, NULL));
    rc = gidx_b_uncertainty(&u, c, (size_t)REAL(n)[0], (unsigned long)REAL(seed)[0], (unsigned)REAL(threads)[0],
                            LOGICAL(sobol)[0], gidx_r_cmp_str(imputes), gidx_r_cmp_str(norms), gidx_r_cmp_str(aggs),
                            REAL(noise)[0], LOGICAL(exclude)[0]);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    U = gidx_index_uncertainty_nunits(u);
    out = PROTECT(Rf_allocVector(VECSXP, 7));
    for (i = 0; i < 4; i++)
        v[i] = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)U));
    v[4] = PROTECT(Rf_allocVector(REALSXP, 5));
    v[5] = PROTECT(Rf_allocVector(REALSXP, 5));
    gidx_index_uncertainty_ranks(REAL(v[0]), REAL(v[1]), REAL(v[2]), REAL(v[3]), U, u);
    if (gidx_index_uncertainty_sobol(f, t, 5, u) != GIDX_OK)
        for (i = 0; i < 5; i++)
            f[i] = t[i] = NA_REAL;
    for (i = 0; i < 5; i++) {
        REAL(v[4])[i] = ISNAN(f[i]) ? NA_REAL : f[i];
        REAL(v[5])[i] = ISNAN(t[i]) ? NA_REAL : t[i];
    }
    for (i = 0; i < 6; i++)
        SET_VECTOR_ELT(out, (R_xlen_t)i, v[i]);
    SET_VECTOR_ELT(out, 6, Rf_ScalarReal((double)gidx_index_uncertainty_nruns(u)));
    gidx_index_uncertainty_free(u);
    UNPROTECT(7);
    return out;
}

/* Scorecard of one unit against peers (unit codes); returns
 * list(nodes, is_aggregate, score, diff, rank, peer_rank). */
SEXP gidx_r_scorecard(SEXP coin, SEXP unit, SEXP peers, SEXP year)
{
    gidx_b_coin *c = TYPEOF(coin) == EXTPTRSXP ? (gidx_b_coin *)R_ExternalPtrAddr(coin) : NULL;
    gidx_index_result *r = NULL;
    gidx_status rc;
    size_t U, NN, NI, i, u = (size_t)-1, *pp, np;
    const char *ucode = gidx_r_cmp_str(unit);
    int y;
    SEXP out, nodes, isagg, sc, df, rk, prk;
    double *buf;
    if (c == NULL || ucode == NULL || !Rf_isString(peers) || !Rf_isReal(year))
        return gidx_r_status(gidx_index_result_scorecard(NULL, 0, NULL, 0, NULL, 0, 0));
    if ((rc = gidx_index_compute(&r, c->sp, c->ds)) != GIDX_OK)
        return gidx_r_status(rc);
    U = gidx_index_result_nunits(r);
    NI = gidx_index_result_nindicators(r);
    NN = NI + gidx_index_result_naggregates(r);
    y = (int)REAL(year)[0];
    np = (size_t)XLENGTH(peers);
    pp = (size_t *)R_alloc(np + 1, sizeof(size_t));
    buf = (double *)R_alloc(U + NN, sizeof(double));
    for (i = 0; i < U; i++)
        if (strcmp(gidx_index_result_unit(r, i), ucode) == 0)
            u = i;
    for (i = 0; i < np; i++) {
        size_t q;
        pp[i] = (size_t)-1;
        for (q = 0; q < U; q++)
            if (strcmp(gidx_index_result_unit(r, q), CHAR(STRING_ELT(peers, (R_xlen_t)i))) == 0)
                pp[i] = q;
    }
    if (u == (size_t)-1) {
        gidx_index_result_free(r);
        return gidx_r_status(gidx_index_result_peer_rank(NULL, NULL, 0, NULL, 0, NULL, 0));
    }
    out = PROTECT(Rf_allocVector(VECSXP, 6));
    nodes = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)NN));
    isagg = PROTECT(Rf_allocVector(LGLSXP, (R_xlen_t)NN));
    sc = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)NN));
    df = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)NN));
    rk = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)NN));
    prk = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)NN));
    rc = gidx_index_result_scorecard(REAL(df), NN, r, u, pp, np, y);
    for (i = 0; rc == GIDX_OK && i < NN; i++) {
        const char *code = gidx_index_result_scorecard_node(r, i);
        double pr = NAN;
        SET_STRING_ELT(nodes, (R_xlen_t)i, Rf_mkCharCE(code, CE_UTF8));
        LOGICAL(isagg)[i] = i >= NI;
        if ((rc = gidx_index_result_scores(buf, U, r, code, y)) != GIDX_OK)
            break;
        REAL(sc)[i] = ISNAN(buf[u]) ? NA_REAL : buf[u];
        if ((rc = gidx_index_result_ranks(buf, U, r, code, y)) != GIDX_OK)
            break;
        REAL(rk)[i] = ISNAN(buf[u]) ? NA_REAL : buf[u];
        if (gidx_index_result_peer_rank(&pr, r, u, pp, np, code, y) != GIDX_OK)
            pr = NAN;
        REAL(prk)[i] = ISNAN(pr) ? NA_REAL : pr;
        if (ISNAN(REAL(df)[i]))
            REAL(df)[i] = NA_REAL;
    }
    gidx_index_result_free(r);
    if (rc != GIDX_OK) {
        UNPROTECT(7);
        return gidx_r_status(rc);
    }
    SET_VECTOR_ELT(out, 0, nodes);
    SET_VECTOR_ELT(out, 1, isagg);
    SET_VECTOR_ELT(out, 2, sc);
    SET_VECTOR_ELT(out, 3, df);
    SET_VECTOR_ELT(out, 4, rk);
    SET_VECTOR_ELT(out, 5, prk);
    UNPROTECT(7);
    return out;
}

SEXP gidx_r_cronbach(SEXP X, SEXP p)
{
    double a;
    gidx_status rc;
    size_t pp;
    if (!Rf_isReal(X) || !Rf_isReal(p) || REAL(p)[0] < 1)
        return gidx_r_status(gidx_cronbach_alpha(NULL, NULL, 0, 0));
    pp = (size_t)REAL(p)[0];
    /* X is column-major n x p: transpose into rows */
    {
        size_t n = (size_t)XLENGTH(X) / pp, i, j;
        double *rm = (double *)R_alloc(n * pp + 1, sizeof(double));
        for (i = 0; i < n; i++)
            for (j = 0; j < pp; j++)
                rm[i * pp + j] = ISNAN(REAL(X)[j * n + i]) ? NAN : REAL(X)[j * n + i];
        rc = gidx_cronbach_alpha(&a, rm, n, pp);
    }
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return Rf_ScalarReal(a);
}

SEXP gidx_r_pca(SEXP X, SEXP p)
{
    gidx_status rc;
    size_t pp, n, i, j;
    double *rm;
    SEXP out;
    if (!Rf_isReal(X) || !Rf_isReal(p) || REAL(p)[0] < 1)
        return gidx_r_status(gidx_pca(NULL, NULL, NULL, 0, NULL, 0, 0));
    pp = (size_t)REAL(p)[0];
    n = (size_t)XLENGTH(X) / pp;
    rm = (double *)R_alloc(n * pp + 1, sizeof(double));
    for (i = 0; i < n; i++)
        for (j = 0; j < pp; j++)
            rm[i * pp + j] = ISNAN(REAL(X)[j * n + i]) ? NAN : REAL(X)[j * n + i];
    out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)(2 * pp)));
    rc = gidx_pca(REAL(out), REAL(out) + pp, NULL, 0, rm, n, pp);
    UNPROTECT(1);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return out;
}
%}
#endif
