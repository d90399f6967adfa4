/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Composite indices (include/greenidx/composite.h). Everything is generated
 * (gidx_api.i); the idiomatic layers hold the dataset and the specification
 * as two handles. The exceptions below are written once for both languages
 * (their parameters use the generic typemaps of greenidx.i), each saying why.
 */
%{
#include <string.h>
#include <greenidx/composite.h>
%}
%apply (const double *IN, size_t N) { (const double *ya, size_t na), (const double *yb, size_t nb) };
%apply (const char *const *IN, size_t N) { (const char *const *imputes, size_t nimputes),
    (const char *const *norms, size_t nnorms), (const char *const *aggs, size_t naggs) };
%apply (double *OUT1, size_t CAP) { (double *ranks, size_t nranks) };

%inline %{
/* gidx_index_options_set() on a spec's options: they are borrowed from the
 * spec (const) and must be copied before a change; a proxy cannot copy a
 * struct in either language. */
gidx_status gidx_b_index_option(gidx_index_spec *spec, const char *name, const char *value)
{
    gidx_index_options o;
    gidx_status rc;
    if (spec == NULL || name == NULL || value == NULL)
        return gidx_index_options_set(NULL, NULL, NULL);
    o = *gidx_index_spec_options(spec);
    if ((rc = gidx_index_options_set(&o, name, value)) != GIDX_OK)
        return rc;
    return gidx_index_spec_set_options(spec, &o); /* copies the group name */
}

/* gidx_index_uncertainty(): its options hold three int arrays (pointer
 * members no typemap fills); the alternatives come as method names, turned
 * into codes by gidx_index_options_set(). */
static gidx_status gidx_b_alts(int *out, size_t *n, const char *what, const char *const *names,
                               size_t k)
{
    size_t i;
    for (*n = 0, i = 0; i < k && i < 8; i++) {
        gidx_index_options o = GIDX_INDEX_OPTIONS_INIT;
        gidx_status rc = gidx_index_options_set(&o, what, names[i]);
        if (rc != GIDX_OK)
            return rc;
        out[(*n)++] = what[0] == 'i' ? o.impute : what[0] == 'n' ? o.normalise : o.aggregate;
    }
    return k > 8 ? gidx_error_set(GIDX_ELIMIT, "uncertainty: at most 8 alternatives per method") : GIDX_OK;
}
gidx_status gidx_b_index_uncertainty(gidx_index_uncertainty_result **out, const gidx_index_spec *spec,
                                     const gidx_dataset *data, size_t n, double seed, size_t threads,
                                     int sobol, const char *const *imputes, size_t nimputes,
                                     const char *const *norms, size_t nnorms,
                                     const char *const *aggs, size_t naggs, double weight_noise,
                                     int exclude_one)
{
    gidx_uncertainty_options uo = GIDX_UNCERTAINTY_OPTIONS_INIT;
    int ia[8], na[8], aa[8];
    gidx_status rc;
    if ((rc = gidx_b_alts(ia, &uo.n_impute_alts, "impute", imputes, nimputes)) != GIDX_OK ||
        (rc = gidx_b_alts(na, &uo.n_normalise_alts, "normalise", norms, nnorms)) != GIDX_OK ||
        (rc = gidx_b_alts(aa, &uo.n_aggregate_alts, "aggregate", aggs, naggs)) != GIDX_OK)
        return rc;
    uo.impute_alts = ia;
    uo.normalise_alts = na;
    uo.aggregate_alts = aa;
    uo.n = n;
    uo.seed = (unsigned long)seed;
    uo.threads = (unsigned)threads;
    uo.sobol = sobol;
    uo.weight_noise = weight_noise;
    uo.exclude_one = exclude_one;
    return gidx_index_uncertainty(out, spec, data, &uo);
}

/* gidx_rank(): out is sized by x, a length no typemap sees. */
gidx_status gidx_b_rank(double *ranks, size_t nranks, const double *x, size_t n, int descending)
{
    if (nranks != n)
        return gidx_error_set(GIDX_EINVAL, "rank: the output needs one value per input");
    return gidx_rank(ranks, x, n, descending);
}

/* gidx_bod_score(): the weights hold p values; out = (score, w[0..p-1]). */
gidx_status gidx_b_bod_score(double *out, size_t cap, const double *X, size_t n, size_t p,
                             size_t u, double min_share, double max_share)
{
    if (cap != p + 1)
        return gidx_error_set(GIDX_EINVAL, "bod_score: the output needs p + 1 values");
    return gidx_bod_score(&out[0], &out[1], X, n, p, u, min_share, max_share);
}

/* gidx_sobol_indices(): first and total hold k values, yAB is k x N (a
 * matrix: k rows, one per factor). */
gidx_status gidx_b_sobol_indices(double *first, double *total, size_t cap, const double *ya,
                                 size_t na, const double *yb, size_t nb, const double *X,
                                 size_t n, size_t p)
{
    if (na != nb || p != na || cap != n)
        return gidx_error_set(GIDX_EINVAL, "sobol_indices: yA and yB need N values, yAB k x N "
                              "and the output k");
    return gidx_sobol_indices(first, total, ya, yb, X, na, n);
}
%}
