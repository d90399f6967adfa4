/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Building a composite index (OECD/JRC Handbook on Constructing Composite
 * Indicators, 2008, steps 4-8: imputation, multivariate analysis,
 * normalisation, weighting and aggregation) in the order of COINr 1.1
 * (Becker et al., JRC): Denominate -> Impute -> Screen -> Treat ->
 * Normalise -> Aggregate. Arithmetic means use the available values
 * (COINr a_amean with na.rm); ranks are competition ranks ("min" ties).
 * PCA weights follow the Handbook (sec. 1.6.1): the squared loadings of the
 * first principal component of a node's children, scaled to sum to one.
 * The Copeland score is the Handbook's non-compensatory multi-criteria
 * method (sec. 1.7.3): weighted pairwise outranking, +1 per unit beaten,
 * -1 per unit lost to.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "composite/composite_internal.h"

double gidx__composite_corr(const double *a, const double *b, size_t n, int spearman);

static gidx_status aggregate_node(double *out, const double *vals, const size_t *kids, size_t nk,
                                  const double *w, const int *incl, size_t U, int method,
                                  double min_avail, const char *const *units, const char *node)
{
    size_t u, q, v;
    if (method == GIDX_AGG_COPELAND) {
        for (u = 0; u < U; u++) {
            double c = 0.0;
            if ((incl && !incl[u])) {
                out[u] = NAN;
                continue;
            }
            for (v = 0; v < U; v++) {
                double eu = 0.0, ev = 0.0;
                if (v == u || (incl && !incl[v]))
                    continue;
                for (q = 0; q < nk; q++) {
                    double a = vals[kids[q] * U + u], b = vals[kids[q] * U + v], wq = w[kids[q]];
                    if (isnan(a) || isnan(b) || wq == 0.0)
                        continue;
                    if (a > b)
                        eu += wq;
                    else if (b > a)
                        ev += wq;
                    else {
                        eu += 0.5 * wq;
                        ev += 0.5 * wq;
                    }
                }
                c += (eu > ev) - (eu < ev);
            }
            out[u] = c;
        }
        return GIDX_OK;
    }
    if (method == GIDX_AGG_AMEAN) {
        /* kid-major loops over contiguous rows: the hot path of the Monte Carlo */
        double *sw = gidx__calloc(2 * (U ? U : 1), sizeof *sw), *cnt = sw + U;
        size_t total = 0;
        if (sw == NULL)
            return GIDX_ENOMEM;
        for (u = 0; u < U; u++)
            out[u] = 0.0;
        for (q = 0; q < nk; q++) {
            const double *x = vals + kids[q] * U;
            double wq = w[kids[q]];
            if (wq == 0.0)
                continue;
            total++;
            for (u = 0; u < U; u++)
                if (!isnan(x[u])) {
                    out[u] += wq * x[u];
                    sw[u] += wq;
                    cnt[u] += 1.0;
                }
        }
        for (u = 0; u < U; u++)
            if ((incl && !incl[u]) || cnt[u] == 0.0 || !(sw[u] > 0.0) ||
                cnt[u] < min_avail * (double)total - 1e-12)
                out[u] = NAN;
            else
                out[u] /= sw[u];
        free(sw);
        return GIDX_OK;
    }
    for (u = 0; u < U; u++) {
        double sw = 0.0, s = 0.0;
        size_t avail = 0, total = 0;
        if (incl && !incl[u]) {
            out[u] = NAN;
            continue;
        }
        for (q = 0; q < nk; q++) {
            double x = vals[kids[q] * U + u], wq = w[kids[q]];
            if (wq == 0.0)
                continue;
            total++;
            if (isnan(x))
                continue;
            avail++;
            if (!(x > 0.0))
                return gidx__error_set(GIDX_EDOM,
                                       "%s mean of %s: unit %s has a non-positive value %g "
                                       "(use min-max to [1, 100] or rank normalisation)",
                                       method == GIDX_AGG_GMEAN ? "geometric" : "harmonic",
                                       node, units ? units[u] : "?", x);
            if (method == GIDX_AGG_GMEAN)
                s += wq * log(x);
            else if (method == GIDX_AGG_HMEAN)
                s += wq / x;
            else
                return gidx__error_set(GIDX_EINVAL, "unknown aggregation method %d", method);
            sw += wq;
        }
        if (avail == 0 || !(sw > 0.0) || (double)avail < min_avail * (double)total - 1e-12) {
            out[u] = NAN;
            continue;
        }
        out[u] = method == GIDX_AGG_GMEAN ? exp(s / sw) : sw / s;
    }
    return GIDX_OK;
}

static gidx_status bod_node(double *out, const double *vals, const size_t *kids, size_t nk,
                            const int *incl, size_t U, double lo, double hi, const char *node)
{
    double *Y;
    size_t *row, n = 0, u, q;
    gidx_status rc = GIDX_OK;
    Y = gidx__malloc((U ? U : 1) * nk * sizeof *Y);
    row = gidx__malloc((U ? U : 1) * sizeof *row);
    if (Y == NULL || row == NULL) {
        free(Y);
        free(row);
        return GIDX_ENOMEM;
    }
    for (u = 0; u < U; u++) {
        int ok = !(incl && !incl[u]);
        out[u] = NAN;
        for (q = 0; q < nk && ok; q++)
            if (isnan(vals[kids[q] * U + u]))
                ok = 0;
        if (!ok)
            continue;
        for (q = 0; q < nk; q++)
            Y[n * nk + q] = vals[kids[q] * U + u];
        row[n++] = u;
    }
    for (u = 0; u < n && rc == GIDX_OK; u++) {
        double s;
        rc = gidx_bod_score(&s, NULL, Y, n, nk, u, lo, hi);
        if (rc == GIDX_OK)
            out[row[u]] = 100.0 * s;
        else
            gidx__error_prefix("benefit of the doubt at %s: ", node);
    }
    free(Y);
    free(row);
    return rc;
}

gidx_status gidx__composite_aggregate(double *vals, const gidx__topo *t, const double *w,
                                      const int *incl, size_t U, int method, double min_avail,
                                      int bod, double bod_lo, double bod_hi,
                                      const char *const *units)
{
    size_t o;
    for (o = 0; o < t->nagg; o++) {
        size_t j = t->order[o];
        const size_t *kids = t->kids + t->kid_start[j];
        size_t nk = t->kid_start[j + 1] - t->kid_start[j];
        double *out = vals + (t->nind + j) * U;
        gidx_status rc = bod ? bod_node(out, vals, kids, nk, incl, U, bod_lo, bod_hi, "aggregate")
                             : aggregate_node(out, vals, kids, nk, w, incl, U, method, min_avail,
                                              units, "aggregate");
        if (rc != GIDX_OK)
            return rc;
    }
    return GIDX_OK;
}

/* PCA weights of one aggregate's children (Handbook sec. 1.6.1). */
static gidx_status pca_weights(double *w, const double *vals, const size_t *kids, size_t nk,
                               const int *incl, size_t U)
{
    double *X, *sd, *load;
    size_t u, q, n = 0;
    gidx_status rc;
    if (nk < 2) {
        for (q = 0; q < nk; q++)
            w[kids[q]] = 1.0;
        return GIDX_OK;
    }
    X = gidx__malloc(((U ? U : 1) * nk + nk + nk * nk) * sizeof *X);
    if (X == NULL)
        return GIDX_ENOMEM;
    sd = X + U * nk;
    load = sd + nk;
    for (u = 0; u < U; u++) {
        if (incl && !incl[u])
            continue;
        for (q = 0; q < nk; q++)
            X[n * nk + q] = vals[kids[q] * U + u];
        n++;
    }
    rc = gidx_pca(sd, NULL, load, nk * nk, X, n, nk);
    if (rc == GIDX_OK)
        for (q = 0; q < nk; q++)
            w[kids[q]] = load[q * nk] * load[q * nk]; /* sum of squared loadings is 1 */
    free(X);
    return rc;
}

static void result_free(gidx_index_result *r)
{
    size_t i;
    if (r == NULL)
        return;
    if (r->units)
        for (i = 0; i < r->U; i++) {
            free(r->units[i]);
            free(r->names[i]);
        }
    if (r->codes)
        for (i = 0; i < r->nind + r->nagg; i++)
            free(r->codes[i]);
    free(r->units);
    free(r->names);
    free(r->codes);
    free(r->years);
    gidx__strmap_free(r->node_map);
    free(r->vals);
    free(r->ranks);
    free(r->treated);
    free(r->incl);
    free(r->tinfo);
    free(r->imp);
    free(r->parent);
    free(r);
}

void gidx_index_result_free(gidx_index_result *r)
{
    result_free(r);
}

static gidx_status record_imp(gidx_index_result *r, size_t *cap, size_t u, size_t t, size_t k,
                              double v)
{
    if (r->nimp == *cap) {
        size_t nc = *cap ? 2 * *cap : 64;
        gidx__imputed *ni = gidx__reallocarray(r->imp, nc, sizeof *ni);
        if (ni == NULL)
            return GIDX_ENOMEM;
        r->imp = ni;
        *cap = nc;
    }
    r->imp[r->nimp].unit = u;
    r->imp[r->nimp].year = t;
    r->imp[r->nimp].ind = k;
    r->imp[r->nimp].value = v;
    r->nimp++;
    return GIDX_OK;
}

gidx_status gidx__composite_run(gidx_index_result **out, const gidx_index_spec *spec,
                                const gidx_index_options *opt, const gidx_dataset *ds)
{
    gidx__topo tp;
    gidx_index_result *r = NULL;
    gidx_status rc;
    size_t U, T, NI, NA, NN, t, k, u, j, capimp = 0;
    double *raw = NULL, *tmp = NULL, *w = NULL;
    size_t *label = NULL;

    *out = NULL;
    if ((rc = gidx__composite_topo(&tp, spec)) != GIDX_OK)
        return rc;
    U = gidx_dataset_nregions(ds);
    NI = tp.nind;
    NA = tp.nagg;
    NN = NI + NA;
    if (U < 2) {
        gidx__composite_topo_free(&tp);
        return gidx__error_set(GIDX_ETOOSHORT, "composite index: %zu units, at least 2 needed", U);
    }
    /* user weights that are all zero below an aggregate leave it (and so every
     * score above it) NA for every unit: a data error, not an empty result */
    if (opt->weights == GIDX_WEIGHTS_USER)
        for (j = 0; j < NA; j++) {
            double sum = 0.0;
            for (k = tp.kid_start[j]; k < tp.kid_start[j + 1]; k++)
                sum += tp.weight[tp.kids[k]];
            if (!(sum > 0.0)) {
                const char *code = spec->nodes[tp.agg_node[j]].code;
                gidx__composite_topo_free(&tp);
                return gidx__error_set(GIDX_EDATA,
                    "composite index: every child of aggregate %s has weight 0, so every score "
                    "would be NA (give a positive weight, or use equal weights)", code);
            }
        }
    if (opt->year != 0) {
        size_t q, found = 0;
        for (q = 0; q < gidx_dataset_nyears(ds); q++)
            if (gidx_dataset_year(ds, q) == opt->year)
                found = 1;
        if (!found) {
            gidx__composite_topo_free(&tp);
            return gidx__error_set(GIDX_ENOTFOUND, "composite index: year %d is not in the dataset",
                                   opt->year);
        }
    }
    /* every indicator (and denominator) must be a dataset variable */
    for (k = 0; k < NI; k++) {
        const gidx__cnode *nd = &spec->nodes[tp.ind_node[k]];
        if (gidx_dataset_find_variable(&j, ds, nd->code) != GIDX_OK ||
            (opt->denominate && nd->denominator &&
             gidx_dataset_find_variable(&j, ds, nd->denominator) != GIDX_OK)) {
            gidx__composite_topo_free(&tp);
            return gidx__error_prefix("composite index: ");
        }
    }
    r = gidx__calloc(1, sizeof *r);
    if (r == NULL) {
        gidx__composite_topo_free(&tp);
        return GIDX_ENOMEM;
    }
    {
        size_t NY = gidx_dataset_nyears(ds);
        T = opt->year != 0 ? 1 : NY;
        if (T == 0) {
            rc = gidx__error_set(GIDX_ETOOSHORT, "composite index: the dataset has no years");
            goto fail;
        }
        r->years = gidx__malloc(T * sizeof *r->years);
        if (!r->years) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        if (opt->year != 0)
            r->years[0] = opt->year;
        else
            for (t = 0; t < NY; t++)
                r->years[t] = gidx_dataset_year(ds, t);
    }
    r->U = U;
    r->T = T;
    r->nind = NI;
    r->nagg = NA;
    r->units = gidx__calloc(U, sizeof *r->units);
    r->names = gidx__calloc(U, sizeof *r->names);
    r->codes = gidx__calloc(NN, sizeof *r->codes);
    r->node_map = gidx__strmap_new();
    r->vals = gidx__malloc(T * NN * U * sizeof *r->vals);
    r->ranks = gidx__malloc(T * NN * U * sizeof *r->ranks);
    r->treated = gidx__malloc(T * NI * U * sizeof *r->treated);
    r->incl = gidx__malloc(T * U * sizeof *r->incl);
    r->tinfo = gidx__calloc(T * NI, sizeof *r->tinfo);
    r->parent = gidx__malloc(NN * sizeof *r->parent);
    w = gidx__malloc(NN * sizeof *w);
    tmp = gidx__malloc(U * sizeof *tmp);
    /* the panel over every dataset year, for LOCF and interpolation */
    raw = gidx__malloc(gidx_dataset_nyears(ds) * NI * U * sizeof *raw);
    if (!r->units || !r->names || !r->codes || !r->node_map || !r->vals || !r->ranks || !r->treated ||
        !r->incl || !r->tinfo || !r->parent || !w || !tmp || !raw) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (u = 0; u < U; u++) {
        const char *code = gidx_dataset_region(ds, u);
        r->units[u] = gidx__strdup(code);
        r->names[u] = gidx__strdup(gidx_dataset_region_name(ds, code));
        if (!r->units[u] || !r->names[u]) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
    }
    for (j = 0; j < NN; j++) {
        size_t sn = j < NI ? tp.ind_node[j] : tp.agg_node[j - NI];
        r->codes[j] = gidx__strdup(spec->nodes[sn].code);
        if (r->codes[j] == NULL || gidx__strmap_put(r->node_map, r->codes[j], j) != GIDX_OK) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        r->parent[j] = tp.parent[j];
    }
    if (opt->impute == GIDX_IMPUTE_GROUP_MEAN) {
        const gidx__cgroup *g = NULL;
        for (j = 0; j < spec->ngroups; j++)
            if (strcmp(spec->groups[j].name, opt->impute_group) == 0)
                g = &spec->groups[j];
        if (g == NULL) {
            rc = gidx__error_set(GIDX_ENOTFOUND, "composite index: no group variable %s for "
                                 "group-mean imputation", opt->impute_group);
            goto fail;
        }
        label = gidx__malloc(U * sizeof *label);
        if (label == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        for (u = 0; u < U; u++)
            if (!gidx__strmap_get(g->unit_label, r->units[u], &label[u]))
                label[u] = GIDX__NONE;
    }

    /* 1. raw values, denominated */
    {
        size_t NY = gidx_dataset_nyears(ds);
        for (t = 0; t < NY; t++) {
            int year = gidx_dataset_year(ds, t);
            for (k = 0; k < NI; k++) {
                const gidx__cnode *nd = &spec->nodes[tp.ind_node[k]];
                double *x = raw + (t * NI + k) * U;
                for (u = 0; u < U; u++) {
                    gidx_dataset_get(&x[u], NULL, ds, r->units[u], year, nd->code);
                    if (opt->denominate && nd->denominator && !isnan(x[u])) {
                        double d;
                        gidx_dataset_get(&d, NULL, ds, r->units[u], year, nd->denominator);
                        if (d == 0.0) {
                            rc = gidx__error_set(GIDX_EDATA, "composite index: denominator %s of %s is 0 "
                                                 "for unit %s, year %d", nd->denominator, nd->code,
                                                 r->units[u], year);
                            goto fail;
                        }
                        x[u] = x[u] / d; /* a missing denominator leaves a missing value */
                    }
                }
            }
        }
        /* 2. imputation (every imputed value recorded) */
        for (t = 0; t < NY; t++) {
            int year = gidx_dataset_year(ds, t);
            size_t ty = opt->year != 0 ? 0 : t;
            if (opt->year != 0 && year != opt->year)
                continue;
            for (k = 0; k < NI; k++) {
                double *x = raw + (t * NI + k) * U, fill = NAN;
                if (opt->impute == GIDX_IMPUTE_NONE)
                    break;
                if (opt->impute == GIDX_IMPUTE_MEAN)
                    fill = gidx__composite_mean(x, U);
                else if (opt->impute == GIDX_IMPUTE_MEDIAN)
                    fill = gidx__composite_median(tmp, x, U);
                memcpy(tmp, x, U * sizeof *tmp); /* impute from the observed values only */
                for (u = 0; u < U; u++) {
                    double v = NAN;
                    if (!isnan(x[u]))
                        continue;
                    switch (opt->impute) {
                    case GIDX_IMPUTE_MEAN:
                    case GIDX_IMPUTE_MEDIAN:
                        v = fill;
                        break;
                    case GIDX_IMPUTE_GROUP_MEAN: {
                        double s = 0.0;
                        size_t m = 0, q;
                        if (label[u] == GIDX__NONE)
                            break;
                        for (q = 0; q < U; q++)
                            if (label[q] == label[u] && !isnan(tmp[q])) {
                                s += tmp[q];
                                m++;
                            }
                        if (m)
                            v = s / (double)m;
                        break;
                    }
                    case GIDX_IMPUTE_LOCF: {
                        size_t q = t;
                        while (q > 0) {
                            q--;
                            if (!isnan(raw[(q * NI + k) * U + u])) {
                                v = raw[(q * NI + k) * U + u];
                                break;
                            }
                        }
                        break;
                    }
                    case GIDX_IMPUTE_LINEAR: {
                        size_t a = t, b = t + 1;
                        int fa = 0, fb = 0;
                        while (a > 0) {
                            a--;
                            if (!isnan(raw[(a * NI + k) * U + u])) {
                                fa = 1;
                                break;
                            }
                        }
                        for (; b < NY; b++)
                            if (!isnan(raw[(b * NI + k) * U + u])) {
                                fb = 1;
                                break;
                            }
                        if (fa && fb) {
                            double ya = gidx_dataset_year(ds, a), yb = gidx_dataset_year(ds, b);
                            double va = raw[(a * NI + k) * U + u], vb = raw[(b * NI + k) * U + u];
                            v = va + (vb - va) * ((double)year - ya) / (yb - ya);
                        }
                        break;
                    }
                    default:
                        break;
                    }
                    if (!isnan(v)) {
                        x[u] = v;
                        if ((rc = record_imp(r, &capimp, u, ty, k, v)) != GIDX_OK)
                            goto fail;
                    }
                }
            }
        }
    }

    /* 3-7 per computed year */
    for (t = 0; t < T; t++) {
        size_t dy = 0;
        int year = r->years[t];
        int *incl = r->incl + t * U;
        double *vals = r->vals + t * NN * U;
        for (dy = 0; dy < gidx_dataset_nyears(ds); dy++)
            if (gidx_dataset_year(ds, dy) == year)
                break;
        /* 3. screening by data availability */
        for (u = 0; u < U; u++) {
            size_t m = 0;
            for (k = 0; k < NI; k++)
                if (!isnan(raw[(dy * NI + k) * U + u]))
                    m++;
            incl[u] = m > 0 && (double)m >= opt->screen_min_avail * (double)NI - 1e-12;
        }
        for (k = 0; k < NI; k++) {
            const gidx__cnode *nd = &spec->nodes[tp.ind_node[k]];
            double *x = vals + k * U;
            memcpy(x, raw + (dy * NI + k) * U, U * sizeof *x);
            for (u = 0; u < U; u++)
                if (!incl[u])
                    x[u] = NAN;
            /* 4. outlier treatment */
            if (opt->treat == GIDX_TREAT_WINSORISE_LOG) {
                rc = gidx__composite_treat(x, incl, U, opt->winmax, opt->skew_thresh, opt->kurt_thresh,
                                           &r->tinfo[t * NI + k]);
                if (rc != GIDX_OK)
                    goto fail;
            } else {
                gidx_treatment_info *ti = &r->tinfo[t * NI + k];
                ti->version = 1;
                if (gidx_skew_kurtosis(&ti->skew_before, &ti->kurt_before, x, U) != GIDX_OK) {
                    gidx_error_clear();
                    ti->skew_before = ti->kurt_before = NAN;
                }
                ti->skew_after = ti->skew_before;
                ti->kurt_after = ti->kurt_before;
                ti->failed_before = fabs(ti->skew_before) > opt->skew_thresh &&
                                    ti->kurt_before > opt->kurt_thresh;
            }
            memcpy(r->treated + (t * NI + k) * U, x, U * sizeof *x);
            /* 5. normalisation */
            rc = gidx__composite_normalise(x, incl, U, opt->normalise, tp.dir[k], opt->norm_lo,
                                           opt->norm_hi, nd->has_lower, nd->lower, nd->has_target,
                                           nd->target, nd->code, year);
            if (rc != GIDX_OK)
                goto fail;
        }
        /* 6. weights */
        for (j = 0; j < NN; j++)
            w[j] = tp.weight[j];
        if (opt->weights == GIDX_WEIGHTS_EQUAL) {
            for (j = 0; j < NN; j++)
                w[j] = 1.0;
        }
        /* 7. aggregation bottom-up (PCA weights computed per node from its children) */
        {
            size_t o;
            for (o = 0; o < NA; o++) {
                size_t a = tp.order[o];
                const size_t *kids = tp.kids + tp.kid_start[a];
                size_t nk = tp.kid_start[a + 1] - tp.kid_start[a];
                double *dst = vals + (NI + a) * U;
                const char *node = r->codes[NI + a];
                if (opt->weights == GIDX_WEIGHTS_PCA &&
                    (rc = pca_weights(w, vals, kids, nk, incl, U)) != GIDX_OK) {
                    gidx__error_prefix("PCA weights of %s, year %d: ", node, year);
                    goto fail;
                }
                if (opt->weights == GIDX_WEIGHTS_BOD)
                    rc = bod_node(dst, vals, kids, nk, incl, U, opt->bod_min_share, opt->bod_max_share, node);
                else
                    rc = aggregate_node(dst, vals, kids, nk, w, incl, U, opt->aggregate, opt->min_avail,
                                        (const char *const *)r->units, node);
                if (rc != GIDX_OK)
                    goto fail;
            }
        }
        for (j = 0; j < NN; j++)
            gidx_rank(r->ranks + (t * NN + j) * U, vals + j * U, U, 1);
    }
    free(raw);
    free(tmp);
    free(w);
    free(label);
    gidx__composite_topo_free(&tp);
    *out = r;
    return GIDX_OK;
fail:
    free(raw);
    free(tmp);
    free(w);
    free(label);
    gidx__composite_topo_free(&tp);
    result_free(r);
    return rc;
}

gidx_status gidx_index_compute(gidx_index_result **out, const gidx_index_spec *spec,
                               const gidx_dataset *data)
{
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_compute: out is NULL");
    *out = NULL;
    if (spec == NULL || data == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_compute: NULL specification or dataset");
    return gidx__composite_run(out, spec, &spec->opt, data);
}

size_t gidx_index_result_nunits(const gidx_index_result *r) { return r ? r->U : 0; }
size_t gidx_index_result_nyears(const gidx_index_result *r) { return r ? r->T : 0; }
size_t gidx_index_result_naggregates(const gidx_index_result *r) { return r ? r->nagg : 0; }
size_t gidx_index_result_nindicators(const gidx_index_result *r) { return r ? r->nind : 0; }
size_t gidx_index_result_nimputed(const gidx_index_result *r) { return r ? r->nimp : 0; }

const char *gidx_index_result_unit(const gidx_index_result *r, size_t i)
{
    return (r && i < r->U) ? r->units[i] : NULL;
}

const char *gidx_index_result_unit_name(const gidx_index_result *r, size_t i)
{
    return (r && i < r->U) ? r->names[i] : NULL;
}

int gidx_index_result_year(const gidx_index_result *r, size_t t)
{
    return (r && t < r->T) ? r->years[t] : 0;
}

const char *gidx_index_result_aggregate(const gidx_index_result *r, size_t j)
{
    return (r && j < r->nagg) ? r->codes[r->nind + j] : NULL;
}

const char *gidx_index_result_indicator(const gidx_index_result *r, size_t k)
{
    return (r && k < r->nind) ? r->codes[k] : NULL;
}

static gidx_status locate(size_t *t, size_t *node, const gidx_index_result *r, const char *code,
                          int year, size_t cap, const char *fn)
{
    size_t q;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "%s: result is NULL", fn);
    if (cap < r->U)
        return gidx__error_set(GIDX_EBUFS, "%s: %zu values needed, room for %zu", fn, r->U, cap);
    if (node != NULL) {
        if (code == NULL)
            *node = r->nind;
        else if (!gidx__strmap_get(r->node_map, code, node))
            return gidx__error_set(GIDX_ENOTFOUND, "%s: no node %s in the index", fn, code);
    }
    if (year == 0) {
        *t = 0;
        return GIDX_OK;
    }
    for (q = 0; q < r->T; q++)
        if (r->years[q] == year) {
            *t = q;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "%s: year %d was not computed", fn, year);
}

gidx_status gidx_index_result_scores(double *out, size_t cap, const gidx_index_result *r,
                                     const char *node, int year)
{
    size_t t = 0, j = 0;
    gidx_status rc = locate(&t, &j, r, node, year, cap, "gidx_index_result_scores");
    if (rc != GIDX_OK)
        return rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_scores: out is NULL");
    memcpy(out, r->vals + (t * (r->nind + r->nagg) + j) * r->U, r->U * sizeof *out);
    return GIDX_OK;
}

gidx_status gidx_index_result_ranks(double *out, size_t cap, const gidx_index_result *r,
                                    const char *node, int year)
{
    size_t t = 0, j = 0;
    gidx_status rc = locate(&t, &j, r, node, year, cap, "gidx_index_result_ranks");
    if (rc != GIDX_OK)
        return rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_ranks: out is NULL");
    memcpy(out, r->ranks + (t * (r->nind + r->nagg) + j) * r->U, r->U * sizeof *out);
    return GIDX_OK;
}

gidx_status gidx_index_result_treated_values(double *out, size_t cap, const gidx_index_result *r,
                                             const char *indicator, int year)
{
    size_t t = 0, j = 0;
    gidx_status rc = locate(&t, &j, r, indicator, year, cap, "gidx_index_result_treated_values");
    if (rc != GIDX_OK)
        return rc;
    if (out == NULL || indicator == NULL || j >= r->nind)
        return gidx__error_set(GIDX_ENOTFOUND, "gidx_index_result_treated_values: %s is not an indicator",
                               indicator ? indicator : "(null)");
    memcpy(out, r->treated + (t * r->nind + j) * r->U, r->U * sizeof *out);
    return GIDX_OK;
}

gidx_status gidx_index_result_imputed(const char **unit, int *year, const char **indicator,
                                      double *value, const gidx_index_result *r, size_t i)
{
    if (r == NULL || i >= r->nimp)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_imputed: entry %zu out of range", i);
    if (unit) *unit = r->units[r->imp[i].unit];
    if (year) *year = r->years[r->imp[i].year];
    if (indicator) *indicator = r->codes[r->imp[i].ind];
    if (value) *value = r->imp[i].value;
    return GIDX_OK;
}

gidx_status gidx_index_result_treatment(gidx_treatment_info *info, const gidx_index_result *r,
                                        const char *indicator, int year)
{
    size_t t = 0, j = 0;
    gidx_status rc;
    if (info == NULL || indicator == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_treatment: NULL argument");
    rc = locate(&t, &j, r, indicator, year, r ? r->U : 0, "gidx_index_result_treatment");
    if (rc != GIDX_OK)
        return rc;
    if (j >= r->nind)
        return gidx__error_set(GIDX_ENOTFOUND, "gidx_index_result_treatment: %s is not an indicator",
                               indicator);
    *info = r->tinfo[t * r->nind + j];
    return GIDX_OK;
}

gidx_status gidx_index_result_included(int *out, size_t cap, const gidx_index_result *r, int year)
{
    size_t t = 0;
    gidx_status rc = locate(&t, NULL, r, NULL, year, cap, "gidx_index_result_included");
    if (rc != GIDX_OK)
        return rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_included: out is NULL");
    memcpy(out, r->incl + t * r->U, r->U * sizeof *out);
    return GIDX_OK;
}

gidx_status gidx_index_result_correlations(double *with_parent, double *with_index, size_t cap,
                                           const gidx_index_result *r, int year, int spearman)
{
    size_t t = 0, k, NN;
    gidx_status rc = locate(&t, NULL, r, NULL, year, r ? r->U : 0, "gidx_index_result_correlations");
    if (rc != GIDX_OK)
        return rc;
    if (with_parent == NULL || with_index == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_correlations: NULL output");
    if (cap < r->nind)
        return gidx__error_set(GIDX_EBUFS, "gidx_index_result_correlations: %zu values needed, room for %zu",
                               r->nind, cap);
    NN = r->nind + r->nagg;
    for (k = 0; k < r->nind; k++) {
        const double *x = r->vals + (t * NN + k) * r->U;
        with_parent[k] = gidx__composite_corr(x, r->vals + (t * NN + r->nind + r->parent[k]) * r->U,
                                              r->U, spearman);
        with_index[k] = gidx__composite_corr(x, r->vals + (t * NN + r->nind) * r->U, r->U, spearman);
    }
    return GIDX_OK;
}

gidx_status gidx_index_result_peer_rank(double *rank, const gidx_index_result *r, size_t unit,
                                        const size_t *peers, size_t npeers, const char *node, int year)
{
    size_t t = 0, j = 0, q;
    const double *v;
    gidx_status rc;
    if (rank == NULL || r == NULL || unit >= r->U || (peers == NULL && npeers > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_peer_rank: NULL argument or unit out of range");
    rc = locate(&t, &j, r, node, year, r->U, "gidx_index_result_peer_rank");
    if (rc != GIDX_OK)
        return rc;
    v = r->vals + (t * (r->nind + r->nagg) + j) * r->U;
    if (isnan(v[unit]))
        return gidx__error_set(GIDX_EDATA, "gidx_index_result_peer_rank: unit %s has no score for %s",
                               r->units[unit], r->codes[j]);
    *rank = 1.0;
    for (q = 0; q < npeers; q++) {
        if (peers[q] >= r->U)
            return gidx__error_set(GIDX_EINVAL, "gidx_index_result_peer_rank: peer %zu out of range", peers[q]);
        if (peers[q] != unit && !isnan(v[peers[q]]) && v[peers[q]] > v[unit])
            *rank += 1.0;
    }
    return GIDX_OK;
}

gidx_status gidx_index_result_scorecard(double *diff, size_t cap, const gidx_index_result *r,
                                        size_t unit, const size_t *peers, size_t npeers, int year)
{
    size_t t = 0, j, q, NN;
    gidx_status rc;
    if (diff == NULL || r == NULL || unit >= r->U || peers == NULL || npeers == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_scorecard: NULL argument, no peers or unit out of range");
    rc = locate(&t, NULL, r, NULL, year, r->U, "gidx_index_result_scorecard");
    if (rc != GIDX_OK)
        return rc;
    NN = r->nind + r->nagg;
    if (cap < NN)
        return gidx__error_set(GIDX_EBUFS, "gidx_index_result_scorecard: %zu values needed, room for %zu",
                               NN, cap);
    for (q = 0; q < npeers; q++)
        if (peers[q] >= r->U)
            return gidx__error_set(GIDX_EINVAL, "gidx_index_result_scorecard: peer %zu out of range", peers[q]);
    for (j = 0; j < NN; j++) {
        const double *v = r->vals + (t * NN + j) * r->U;
        double s = 0.0;
        size_t m = 0;
        for (q = 0; q < npeers; q++)
            if (peers[q] != unit && !isnan(v[peers[q]])) {
                s += v[peers[q]];
                m++;
            }
        diff[j] = (m && !isnan(v[unit])) ? v[unit] - s / (double)m : NAN;
    }
    return GIDX_OK;
}

const char *gidx_index_result_scorecard_node(const gidx_index_result *r, size_t i)
{
    return (r && i < r->nind + r->nagg) ? r->codes[i] : NULL;
}

gidx_status gidx_index_result_change(double *dscore, double *drank, size_t cap, const gidx_index_result *r,
                                     const char *node, int year_from, int year_to)
{
    size_t t0 = 0, t1 = 0, j = 0, u, NN;
    gidx_status rc;
    if (year_from == 0 || year_to == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_change: give both years");
    if ((rc = locate(&t0, &j, r, node, year_from, cap, "gidx_index_result_change")) != GIDX_OK ||
        (rc = locate(&t1, NULL, r, node, year_to, cap, "gidx_index_result_change")) != GIDX_OK)
        return rc;
    NN = r->nind + r->nagg;
    for (u = 0; u < r->U; u++) {
        if (dscore)
            dscore[u] = r->vals[(t1 * NN + j) * r->U + u] - r->vals[(t0 * NN + j) * r->U + u];
        if (drank)
            drank[u] = r->ranks[(t1 * NN + j) * r->U + u] - r->ranks[(t0 * NN + j) * r->U + u];
    }
    return GIDX_OK;
}
