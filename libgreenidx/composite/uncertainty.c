/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Uncertainty and sensitivity analysis of a composite index over its
 * methodological choices: OECD/JRC Handbook on Constructing Composite
 * Indicators (2008), sec. 1.8 and Step 7; Saisana, Saltelli & Tarantola,
 * "Uncertainty and sensitivity analysis techniques as tools for the quality
 * assessment of composite indicators", J. R. Stat. Soc. A 168 (2005); COINr
 * 1.1 get_sensitivity() (output: mean absolute rank shift from nominal).
 *
 * Every uncertain choice is a factor X_i ~ U[0, 1) mapped to one of its
 * alternatives (floor(X_i m)); the weight factor selects one of 100 weight
 * sets drawn once from w (1 + U(-x, x)) (COINr's noisy weights); the
 * exclusion factor selects "none" or one indicator. Sobol indices use the
 * radial A, B, A_B^i design and estimators of Saltelli et al., Comput. Phys.
 * Commun. 181 (2010) (first order, Table 2 (b)) and Jansen, Comput. Phys.
 * Commun. 117 (1999) (total effect). The sample is drawn serially from one
 * MT19937 stream before any rebuild, and every rebuild depends only on its
 * factor vector, so the results do not depend on the number of threads.
 *
 * Speed: the normalised indicator matrix of each (imputation, normalisation)
 * pair is computed once; a rebuild only aggregates and ranks. Over complete
 * rows the root is one weighted sum of the leaves (mc_amean_flat); ranks are
 * counted into per-worker histograms as they come, and stored per run only
 * for the per-unit Sobol indices.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "composite/composite_internal.h"

#define GIDX__NWSETS 100
#define GIDX__NFACT 5
/* Limits on the Monte Carlo work sized by the caller: 10^7 rebuilds (about
 * 0.5 GB of factors and scores) and 10^8 stored ranks for the Sobol indices. */
#define GIDX__UNC_MAX_RUNS ((size_t)10000000)
#define GIDX__UNC_MAX_CELLS ((size_t)100000000)

struct gidx_index_uncertainty_result {
    size_t U, nruns;
    double *nominal, *median, *p05, *p95;
    int sobol;
    double first[GIDX__NFACT], total[GIDX__NFACT];
    double *ufirst, *utotal; /* U x GIDX__NFACT per-unit indices (Sobol runs) */
};

typedef struct mc_ctx {
    const gidx__topo *tp;
    size_t U, NI, NA, NN;
    size_t nimp, nnorm, nagg, nk;
    int active[GIDX__NFACT];
    const int *aggs;
    double **cache;          /* [ia * nnorm + na] -> NI x U normalised */
    double **logc;           /* log of cache (geometric means), or NULL */
    double **recc;           /* -1 / cache (harmonic means), or NULL */
    int **incl;              /* [ia * nnorm + na] -> U */
    unsigned char **full;    /* [cell] -> NI flags: the leaf row has no missing value */
    const double *wsets;     /* GIDX__NWSETS x NN */
    const double *wnom;      /* NN */
    const double *X;         /* nruns x 5 factor values */
    const double *nominal;   /* U */
    double *ranks;           /* nruns x U (Sobol runs only), or NULL */
    double *Y;               /* nruns */
    size_t nruns;
    const char *const *units;
    /* progress */
    pthread_mutex_t mu;
    size_t done;
    gidx_progress_fn progress;
    void *user;
    int cancelled;
    gidx_status rc;
    char msg[512];
} mc_ctx;

static size_t pick(double x, size_t m)
{
    size_t i = (size_t)(x * (double)m);
    return i >= m ? m - 1 : i;
}

/* Competition ranks (descending, ties share the lowest rank) with caller
 * scratch for gidx__composite_sort_items(). */
static void mc_rank(double *out, const double *x, size_t U, gidx__item *a, gidx__item *b, size_t *cnt,
                    unsigned *key)
{
    size_t m = 0, i, j;
    for (i = 0; i < U; i++) {
        out[i] = NAN;
        if (!isnan(x[i])) {
            b[m].v = x[i];
            b[m].i = i;
            m++;
        }
    }
    gidx__composite_sort_items(a, b, m, cnt, key);
    /* ascending order: the rank of a run of ties is 1 + the number above it */
    for (i = m; i > 0; i = j) {
        size_t q, top = i - 1;
        j = i;
        while (j > 0 && a[j - 1].v == a[top].v)
            j--;
        for (q = j; q < i; q++)
            out[a[q].i] = (double)(m - i + 1);
    }
}

/* The root of nested weighted arithmetic means over complete rows is one
 * weighted sum of the leaves, each leaf's coefficient the product of the
 * normalised weights w / (sum of the siblings' w) on its path to the root:
 * one sweep over the leaves instead of a sweep per aggregate and level.
 * Returns 0, computing nothing, unless every node with a non-zero weight
 * below the root is complete (leaf_full) and every aggregate has weight.
 * wsum: NA scratch; coef: NI + NA scratch; full: NA scratch. */
static int mc_amean_flat(double *root, const double *leaf, const unsigned char *leaf_full, const gidx__topo *t,
                         const double *w, size_t U, double *wsum, double *coef, unsigned char *full)
{
    size_t o, q, u, k, NI = t->nind, nb = 0;
    const double *xs[4];
    double ws[4];
    int first = 1;
    for (o = 0; o < t->nagg; o++) {
        size_t j = t->order[o], nk = t->kid_start[j + 1] - t->kid_start[j];
        const size_t *kids = t->kids + t->kid_start[j];
        double s = 0.0;
        full[j] = 1;
        for (q = 0; q < nk; q++)
            if (w[kids[q]] != 0.0) {
                if (!(kids[q] < NI ? leaf_full[kids[q]] : full[kids[q] - NI]))
                    full[j] = 0;
                s += w[kids[q]];
            }
        if (!(s > 0.0))
            full[j] = 0;
        wsum[j] = s;
    }
    if (!full[0])
        return 0;
    for (k = 0; k < NI + t->nagg; k++)
        coef[k] = 0.0;
    coef[NI] = 1.0;
    for (o = t->nagg; o-- > 0;) { /* top-down: parents before children */
        size_t j = t->order[o], nk = t->kid_start[j + 1] - t->kid_start[j];
        const size_t *kids = t->kids + t->kid_start[j];
        double f;
        if (coef[NI + j] == 0.0)
            continue; /* below a zero weight: not part of the root */
        f = coef[NI + j] / wsum[j];
        for (q = 0; q < nk; q++)
            coef[kids[q]] = f * w[kids[q]];
    }
    /* four leaves per sweep over the units */
    for (k = 0; k <= NI; k++) {
        if (k < NI && coef[k] != 0.0) {
            xs[nb] = leaf + k * U;
            ws[nb] = coef[k];
            nb++;
        }
        if (nb == 4 || (k == NI && nb > 0)) {
            for (; nb < 4; nb++) { /* pad a last sweep of 1-3 leaves with zero weights */
                xs[nb] = xs[0];
                ws[nb] = 0.0;
            }
            if (first)
                for (u = 0; u < U; u++)
                    root[u] = ws[0] * xs[0][u] + ws[1] * xs[1][u] + ws[2] * xs[2][u] + ws[3] * xs[3][u];
            else
                for (u = 0; u < U; u++)
                    root[u] += ws[0] * xs[0][u] + ws[1] * xs[1][u] + ws[2] * xs[2][u] + ws[3] * xs[3][u];
            first = 0;
            nb = 0;
        }
    }
    return 1;
}

/* Weighted arithmetic means of the available values up the hierarchy, as
 * gidx__composite_aggregate() with min_avail 0, reading the leaves from the
 * cache; rows known to be complete skip the missing-value bookkeeping. */
static void mc_amean(double *agg, const double *leaf, const unsigned char *leaf_full, unsigned char *agg_full,
                     const gidx__topo *t, const double *w, size_t U, double *sw, double *cnt)
{
    size_t o, q, u, NI = t->nind;
    for (o = 0; o < t->nagg; o++) {
        size_t j = t->order[o];
        const size_t *kids = t->kids + t->kid_start[j];
        size_t nk = t->kid_start[j + 1] - t->kid_start[j];
        double *out = agg + j * U, wsum = 0.0;
        int full = 1;
        for (q = 0; q < nk; q++)
            if (w[kids[q]] != 0.0 && !(kids[q] < NI ? leaf_full[kids[q]] : agg_full[kids[q] - NI]))
                full = 0;
        for (u = 0; u < U; u++)
            out[u] = 0.0;
        if (full) {
            /* four children per sweep: a quarter of the loads and stores of out */
            const double *xs[4];
            double ws[4];
            size_t nb = 0;
            for (q = 0; q <= nk; q++) {
                if (q < nk && w[kids[q]] != 0.0) {
                    xs[nb] = kids[q] < NI ? leaf + kids[q] * U : agg + (kids[q] - NI) * U;
                    ws[nb] = w[kids[q]];
                    wsum += ws[nb];
                    nb++;
                }
                if (nb == 4 || (q == nk && nb > 0)) {
                    /* the remainder of 1-3 children without padding multiplies by 0 */
                    switch (nb) {
                    case 4:
                        for (u = 0; u < U; u++)
                            out[u] += ws[0] * xs[0][u] + ws[1] * xs[1][u] + ws[2] * xs[2][u] +
                                      ws[3] * xs[3][u];
                        break;
                    case 3:
                        for (u = 0; u < U; u++)
                            out[u] += ws[0] * xs[0][u] + ws[1] * xs[1][u] + ws[2] * xs[2][u];
                        break;
                    case 2:
                        for (u = 0; u < U; u++)
                            out[u] += ws[0] * xs[0][u] + ws[1] * xs[1][u];
                        break;
                    default:
                        for (u = 0; u < U; u++)
                            out[u] += ws[0] * xs[0][u];
                        break;
                    }
                    nb = 0;
                }
            }
            if (wsum > 0.0) {
                double inv = 1.0 / wsum;
                for (u = 0; u < U; u++)
                    out[u] *= inv;
            } else {
                for (u = 0; u < U; u++)
                    out[u] = NAN;
                full = 0;
            }
            agg_full[j] = (unsigned char)full;
            continue;
        }
        for (u = 0; u < U; u++)
            sw[u] = cnt[u] = 0.0;
        for (q = 0; q < nk; q++) {
            double wq = w[kids[q]];
            const double *x = kids[q] < NI ? leaf + kids[q] * U : agg + (kids[q] - NI) * U;
            if (wq == 0.0)
                continue;
            for (u = 0; u < U; u++)
                if (!isnan(x[u])) {
                    out[u] += wq * x[u];
                    sw[u] += wq;
                    cnt[u] += 1.0;
                }
        }
        for (u = 0; u < U; u++)
            out[u] = (cnt[u] == 0.0 || !(sw[u] > 0.0)) ? NAN : out[u] / sw[u];
        agg_full[j] = 0;
    }
}

typedef struct worker {
    mc_ctx *c;
    size_t lo, hi;
    double *vals, *w, *scratch, *rk;
    gidx__item *items;
    unsigned char *agg_full;
    size_t *cnt;
    unsigned *key;
    uint32_t *hist; /* U x (U + 1): how often unit j had rank r */
} worker;

static gidx_status one_run(worker *wk, size_t r)
{
    mc_ctx *c = wk->c;
    double *vals = wk->vals, *w = wk->w, *scratch = wk->scratch;
    unsigned char *agg_full = wk->agg_full;
    const double *x = c->X + r * GIDX__NFACT;
    size_t ia = c->active[0] ? pick(x[0], c->nimp) : 0;
    size_t na = c->active[1] ? pick(x[1], c->nnorm) : 0;
    int agg = c->aggs[c->active[2] ? pick(x[2], c->nagg) : 0];
    size_t cell = ia * c->nnorm + na, u;
    const int *incl = c->incl[cell];
    double *rk = c->ranks ? c->ranks + r * c->U : wk->rk, s = 0.0;
    uint32_t *h = wk->hist;
    size_t m = 0;
    gidx_status rc;
    if (c->active[3])
        memcpy(w, c->wsets + pick(x[3], GIDX__NWSETS) * c->NN, c->NN * sizeof *w);
    else
        memcpy(w, c->wnom, c->NN * sizeof *w);
    if (c->active[4]) {
        size_t e = pick(x[4], c->NI + 1);
        if (e > 0)
            w[e - 1] = 0.0;
    }
    /* A nested geometric mean is exp of nested arithmetic means of logs, a
     * nested harmonic mean 1 / nested arithmetic means of 1/x: aggregate the
     * transformed values arithmetically and rank the monotone image of the root. */
    if (agg == GIDX_AGG_COPELAND) {
        memcpy(vals, c->cache[cell], c->NI * c->U * sizeof *vals);
        rc = gidx__composite_aggregate(vals, c->tp, w, incl, c->U, agg, 0.0, 0, 0.0, 1.0, c->units);
        if (rc != GIDX_OK)
            return rc;
    } else {
        const double *leaf = agg == GIDX_AGG_GMEAN ? c->logc[cell]
                             : agg == GIDX_AGG_HMEAN ? c->recc[cell] : c->cache[cell];
        if (!mc_amean_flat(vals + c->NI * c->U, leaf, c->full[cell], c->tp, w, c->U, scratch, scratch + c->NA,
                           agg_full))
            mc_amean(vals + c->NI * c->U, leaf, c->full[cell], agg_full, c->tp, w, c->U, scratch,
                     scratch + c->U);
    }
    mc_rank(rk, vals + c->NI * c->U, c->U, wk->items, wk->items + c->U, wk->cnt, wk->key);
    /* the ranks are integers 1..U: count them for the quantiles as they come */
    for (u = 0; u < c->U; u++, h += c->U + 1) {
        if (isnan(rk[u]))
            continue;
        h[(size_t)rk[u]]++;
        if (!isnan(c->nominal[u])) {
            s += fabs(rk[u] - c->nominal[u]);
            m++;
        }
    }
    c->Y[r] = m ? s / (double)m : NAN;
    return GIDX_OK;
}

static void *work(void *arg)
{
    worker *wk = arg;
    mc_ctx *c = wk->c;
    size_t r;
    for (r = wk->lo; r < wk->hi; r++) {
        gidx_status rc;
        int stop;
        pthread_mutex_lock(&c->mu);
        stop = c->cancelled || c->rc != GIDX_OK;
        pthread_mutex_unlock(&c->mu);
        if (stop)
            break;
        rc = one_run(wk, r);
        pthread_mutex_lock(&c->mu);
        if (rc != GIDX_OK && c->rc == GIDX_OK) {
            c->rc = rc;
            strncpy(c->msg, gidx_error_last()->message, sizeof c->msg - 1);
        }
        c->done++;
        if (c->progress && !c->cancelled && c->progress(c->done, c->nruns, c->user) != 0)
            c->cancelled = 1;
        pthread_mutex_unlock(&c->mu);
    }
    return NULL;
}

/* Type 7 quantiles (Hyndman & Fan 1996) of each unit's ranks from its
 * histogram h[j (U + 1) + r], r = 1..U. */
static void rank_quantiles(gidx_index_uncertainty_result *res, const uint32_t *hist, size_t U)
{
    size_t j;
    for (j = 0; j < U; j++) {
        const uint32_t *h = hist + j * (U + 1);
        double p[3] = {0.5, 0.05, 0.95}, *dst[3];
        size_t q, r, n = 0;
        for (r = 1; r <= U; r++)
            n += h[r];
        dst[0] = &res->median[j];
        dst[1] = &res->p05[j];
        dst[2] = &res->p95[j];
        for (q = 0; q < 3; q++) {
            size_t m = n, lo, cum = 0, vlo = 0, vhi = 0;
            double hh;
            if (m == 0) {
                *dst[q] = NAN;
                continue;
            }
            /* type 7: sorted[lo] + frac (sorted[lo + 1] - sorted[lo]) with h = (m - 1) p */
            hh = (double)(m - 1) * p[q];
            lo = (size_t)floor(hh);
            for (r = 1; r <= U; r++) {
                if (vlo == 0 && cum + h[r] > lo)
                    vlo = r;
                if (cum + h[r] > lo + 1 || (lo + 1 >= m && vlo != 0)) {
                    vhi = lo + 1 >= m ? vlo : r;
                    break;
                }
                cum += h[r];
            }
            if (vhi == 0)
                vhi = vlo;
            *dst[q] = (double)vlo + (hh - (double)lo) * ((double)vhi - (double)vlo);
        }
    }
}

void gidx_index_uncertainty_free(gidx_index_uncertainty_result *u)
{
    if (u == NULL)
        return;
    free(u->nominal);
    free(u->ufirst);
    free(u);
}

gidx_status gidx_index_uncertainty(gidx_index_uncertainty_result **out, const gidx_index_spec *spec,
                                   const gidx_dataset *data, const gidx_uncertainty_options *opt)
{
    mc_ctx c;
    gidx__topo tp;
    gidx_index_result *nom = NULL;
    gidx_index_uncertainty_result *res = NULL;
    gidx_index_options o;
    gidx__rng *rng = NULL;
    double *wsets = NULL, *wnom = NULL, *X = NULL;
    int imps1, norms1, aggs1;
    const int *imps, *norms;
    size_t i, j, k, N, nruns, cells = 0, nthreads;
    size_t fidx[GIDX__NFACT];
    gidx_status rc = GIDX_OK;
    worker *wk = NULL;
    pthread_t *th = NULL;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty: out is NULL");
    *out = NULL;
    if (spec == NULL || data == NULL || opt == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty: NULL argument");
    if (opt->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: version %u, expected 1", opt->version);
    if (opt->n == 0 || (opt->sobol && opt->n < 2))
        return gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: n = %zu is too small", opt->n);
    if (!(opt->weight_noise >= 0.0 && opt->weight_noise < 1.0))
        return gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: weight_noise %g outside [0, 1)",
                               opt->weight_noise);
    if (spec->opt.weights == GIDX_WEIGHTS_PCA || spec->opt.weights == GIDX_WEIGHTS_BOD)
        return gidx__error_set(GIDX_EUNSUPPORTED, "gidx_index_uncertainty: perturbing data-driven "
                               "(PCA, benefit-of-the-doubt) weights is not supported; use user or equal weights");
    memset(&c, 0, sizeof c);
    o = spec->opt;
    if (o.year == 0) {
        if (gidx_dataset_nyears(data) == 0)
            return gidx__error_set(GIDX_ETOOSHORT, "gidx_index_uncertainty: the dataset has no years");
        o.year = gidx_dataset_year(data, 0);
    }
    imps1 = o.impute;
    norms1 = o.normalise;
    aggs1 = o.aggregate;
    imps = opt->impute_alts && opt->n_impute_alts ? opt->impute_alts : &imps1;
    c.nimp = opt->impute_alts && opt->n_impute_alts ? opt->n_impute_alts : 1;
    norms = opt->normalise_alts && opt->n_normalise_alts ? opt->normalise_alts : &norms1;
    c.nnorm = opt->normalise_alts && opt->n_normalise_alts ? opt->n_normalise_alts : 1;
    c.aggs = opt->aggregate_alts && opt->n_aggregate_alts ? opt->aggregate_alts : &aggs1;
    c.nagg = opt->aggregate_alts && opt->n_aggregate_alts ? opt->n_aggregate_alts : 1;
    c.active[0] = c.nimp > 1;
    c.active[1] = c.nnorm > 1;
    c.active[2] = c.nagg > 1;
    c.active[3] = opt->weight_noise > 0.0;
    c.active[4] = opt->exclude_one != 0;
    for (i = 0; i < c.nagg; i++)
        if (c.aggs[i] < GIDX_AGG_AMEAN || c.aggs[i] > GIDX_AGG_COPELAND)
            return gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: unknown aggregation %d", c.aggs[i]);
    for (i = 0, c.nk = 0; i < GIDX__NFACT; i++)
        if (c.active[i])
            fidx[c.nk++] = i;
    if (c.nk == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: no factor is varied");

    if ((rc = gidx__composite_topo(&tp, spec)) != GIDX_OK)
        return rc;
    c.tp = &tp;
    c.NI = tp.nind;
    c.NA = tp.nagg;
    c.NN = c.NI + c.NA;
    if ((rc = gidx__composite_run(&nom, spec, &o, data)) != GIDX_OK)
        goto done;
    c.U = nom->U;
    c.units = (const char *const *)nom->units;
    cells = c.nimp * c.nnorm;
    c.cache = gidx__calloc(cells, sizeof *c.cache);
    c.logc = gidx__calloc(cells, sizeof *c.logc);
    c.recc = gidx__calloc(cells, sizeof *c.recc);
    c.incl = gidx__calloc(cells, sizeof *c.incl);
    c.full = gidx__calloc(cells, sizeof *c.full);
    res = gidx__calloc(1, sizeof *res);
    if (!c.cache || !c.logc || !c.recc || !c.incl || !c.full || !res) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    res->U = c.U;
    res->nominal = gidx__malloc(4 * c.U * sizeof *res->nominal);
    if (res->nominal == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    res->median = res->nominal + c.U;
    res->p05 = res->median + c.U;
    res->p95 = res->p05 + c.U;
    memcpy(res->nominal, nom->ranks + c.NI * c.U, c.U * sizeof *res->nominal);
    c.nominal = res->nominal;
    for (i = 0; i < c.nimp; i++)
        for (j = 0; j < c.nnorm; j++) {
            gidx_index_result *rr = NULL;
            gidx_index_options oo = o;
            oo.impute = imps[i];
            oo.normalise = norms[j];
            oo.aggregate = GIDX_AGG_AMEAN;
            oo.weights = GIDX_WEIGHTS_USER;
            if (oo.impute == GIDX_IMPUTE_GROUP_MEAN && oo.impute_group == NULL) {
                rc = gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty: group-mean imputation "
                                     "alternative needs impute_group in the specification's options");
                goto done;
            }
            if ((rc = gidx__composite_run(&rr, spec, &oo, data)) != GIDX_OK)
                goto done;
            c.cache[i * c.nnorm + j] = gidx__malloc(c.NI * c.U * sizeof(double));
            c.incl[i * c.nnorm + j] = gidx__malloc(c.U * sizeof(int));
            if (!c.cache[i * c.nnorm + j] || !c.incl[i * c.nnorm + j]) {
                gidx_index_result_free(rr);
                rc = GIDX_ENOMEM;
                goto done;
            }
            memcpy(c.cache[i * c.nnorm + j], rr->vals, c.NI * c.U * sizeof(double));
            memcpy(c.incl[i * c.nnorm + j], rr->incl, c.U * sizeof(int));
            gidx_index_result_free(rr);
            c.full[i * c.nnorm + j] = gidx__malloc(c.NI);
            if (c.full[i * c.nnorm + j] == NULL) {
                rc = GIDX_ENOMEM;
                goto done;
            }
            for (k = 0; k < c.NI; k++) {
                const double *row = c.cache[i * c.nnorm + j] + k * c.U;
                size_t q;
                c.full[i * c.nnorm + j][k] = 1;
                for (q = 0; q < c.U; q++)
                    if (isnan(row[q]))
                        c.full[i * c.nnorm + j][k] = 0;
            }
            for (k = 0; k < c.nagg; k++) {
                int g = c.aggs[k] == GIDX_AGG_GMEAN;
                double **dst = g ? &c.logc[i * c.nnorm + j] : &c.recc[i * c.nnorm + j];
                const double *src = c.cache[i * c.nnorm + j];
                size_t q;
                if ((c.aggs[k] != GIDX_AGG_GMEAN && c.aggs[k] != GIDX_AGG_HMEAN) || *dst != NULL)
                    continue;
                *dst = gidx__malloc(c.NI * c.U * sizeof(double));
                if (*dst == NULL) {
                    rc = GIDX_ENOMEM;
                    goto done;
                }
                for (q = 0; q < c.NI * c.U; q++) {
                    if (!isnan(src[q]) && !(src[q] > 0.0)) {
                        rc = gidx__error_set(GIDX_EDOM, "%s mean alternative: indicator %s, unit %s has the "
                                             "non-positive normalised value %g (use min-max to [1, 100] or "
                                             "rank normalisation)", g ? "geometric" : "harmonic",
                                             spec->nodes[tp.ind_node[q / c.U]].code, c.units[q % c.U], src[q]);
                        goto done;
                    }
                    (*dst)[q] = isnan(src[q]) ? NAN : (g ? log(src[q]) : -1.0 / src[q]);
                }
            }
        }
    /* nominal weights and the weight sets */
    wnom = gidx__malloc(c.NN * sizeof *wnom);
    wsets = gidx__malloc(GIDX__NWSETS * c.NN * sizeof *wsets);
    rng = gidx__rng_new(opt->seed);
    N = opt->n;
    nruns = opt->sobol ? N * (c.nk + 2) : N;
    if (nruns > UINT32_MAX) { /* the rank histograms count in 32 bits */
        rc = gidx__error_set(GIDX_EINVAL, "gidx_uncertainty_options: %zu rebuilds exceed the limit of %lu",
                             nruns, (unsigned long)UINT32_MAX);
        goto done;
    }
    /* bound the memory the replications need before allocating it */
    if (nruns > GIDX__UNC_MAX_RUNS ||
        (opt->sobol && c.U > 0 && nruns > GIDX__UNC_MAX_CELLS / c.U)) {
        rc = gidx__error_set(GIDX_ELIMIT, "gidx_index_uncertainty: %zu rebuilds of %zu units exceed "
                             "the limit of %zu rebuilds (%zu rank cells)", nruns, c.U,
                             (size_t)GIDX__UNC_MAX_RUNS, (size_t)GIDX__UNC_MAX_CELLS);
        goto done;
    }
    X = gidx__malloc(nruns * GIDX__NFACT * sizeof *X);
    c.ranks = opt->sobol ? gidx__malloc(nruns * c.U * sizeof *c.ranks) : NULL;
    c.Y = gidx__malloc(nruns * sizeof *c.Y);
    if (!wnom || !wsets || !rng || !X || (opt->sobol && !c.ranks) || !c.Y) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (j = 0; j < c.NN; j++)
        wnom[j] = o.weights == GIDX_WEIGHTS_EQUAL ? 1.0 : tp.weight[j];
    for (k = 0; k < GIDX__NWSETS; k++)
        for (j = 0; j < c.NN; j++)
            wsets[k * c.NN + j] = wnom[j] * (1.0 + opt->weight_noise * (2.0 * gidx__rng_uniform(rng) - 1.0));
    for (i = 0; i < nruns * GIDX__NFACT; i++)
        X[i] = 0.0;
    if (!opt->sobol) {
        for (i = 0; i < N; i++)
            for (k = 0; k < c.nk; k++)
                X[i * GIDX__NFACT + fidx[k]] = gidx__rng_uniform(rng);
    } else {
        /* rows 0..N-1 = A, N..2N-1 = B, then A_B^i for each active factor i */
        for (i = 0; i < N; i++)
            for (k = 0; k < c.nk; k++) {
                X[i * GIDX__NFACT + fidx[k]] = gidx__rng_uniform(rng);
                X[(N + i) * GIDX__NFACT + fidx[k]] = gidx__rng_uniform(rng);
            }
        for (k = 0; k < c.nk; k++)
            for (i = 0; i < N; i++) {
                double *row = X + ((2 + k) * N + i) * GIDX__NFACT;
                memcpy(row, X + i * GIDX__NFACT, GIDX__NFACT * sizeof *row);
                row[fidx[k]] = X[(N + i) * GIDX__NFACT + fidx[k]];
            }
    }
    c.wsets = wsets;
    c.wnom = wnom;
    c.X = X;
    c.nruns = nruns;
    c.progress = opt->progress;
    c.user = opt->progress_user;
    pthread_mutex_init(&c.mu, NULL);
    nthreads = opt->threads > 1 ? opt->threads : 1;
    if (nthreads > nruns)
        nthreads = nruns;
    wk = gidx__calloc(nthreads, sizeof *wk);
    th = gidx__calloc(nthreads, sizeof *th);
    if (!wk || !th) {
        rc = GIDX_ENOMEM;
        pthread_mutex_destroy(&c.mu);
        goto done;
    }
    for (i = 0; i < nthreads; i++) {
        wk[i].c = &c;
        wk[i].lo = nruns * i / nthreads;
        wk[i].hi = nruns * (i + 1) / nthreads;
        wk[i].vals = gidx__malloc(c.NN * c.U * sizeof(double));
        wk[i].w = gidx__malloc(c.NN * sizeof(double));
        wk[i].scratch = gidx__malloc((2 * c.U > c.NI + 2 * c.NA ? 2 * c.U : c.NI + 2 * c.NA) * sizeof(double));
        wk[i].items = gidx__malloc(2 * c.U * sizeof(gidx__item));
        wk[i].agg_full = gidx__malloc(c.NA + 1);
        wk[i].cnt = gidx__malloc((GIDX__SORT_BUCKETS * c.U + 1) * sizeof(size_t));
        wk[i].key = gidx__malloc(c.U * sizeof(unsigned));
        wk[i].rk = gidx__malloc(c.U * sizeof(double));
        wk[i].hist = gidx__calloc(c.U * (c.U + 1), sizeof(uint32_t));
        if (!wk[i].vals || !wk[i].w || !wk[i].scratch || !wk[i].items || !wk[i].agg_full || !wk[i].cnt ||
            !wk[i].key || !wk[i].rk || !wk[i].hist) {
            rc = GIDX_ENOMEM;
            break;
        }
    }
    if (rc == GIDX_OK) {
        size_t started = 0;
        for (i = 1; i < nthreads; i++) {
            if (pthread_create(&th[i], NULL, work, &wk[i]) != 0) {
                pthread_mutex_lock(&c.mu);
                c.rc = gidx__error_set(GIDX_ENOMEM, "gidx_index_uncertainty: cannot start thread %zu", i);
                pthread_mutex_unlock(&c.mu);
                break;
            }
            started = i;
        }
        work(&wk[0]);
        for (i = 1; i <= started; i++)
            pthread_join(th[i], NULL);
        if (c.rc != GIDX_OK)
            rc = gidx__error_set(c.rc, "%s", c.msg);
        else if (c.cancelled)
            rc = gidx__error_set(GIDX_ESTATE, "gidx_index_uncertainty: cancelled by the progress callback "
                                 "after %zu of %zu rebuilds", c.done, nruns);
    }
    pthread_mutex_destroy(&c.mu);
    if (rc == GIDX_OK) {
        /* Ranks are integers in 1..U: quantiles from per-unit histograms
         * instead of sorting columns. The workers' counts add up whatever
         * the split (at most nruns <= UINT32_MAX each), so the result does
         * not depend on the number of threads. */
        for (i = 1; i < nthreads; i++)
            for (j = 0; j < c.U * (c.U + 1); j++)
                wk[0].hist[j] += wk[i].hist[j];
        rank_quantiles(res, wk[0].hist, c.U);
    }
    for (i = 0; i < nthreads; i++) {
        free(wk[i].key);
        free(wk[i].rk);
        free(wk[i].hist);
        free(wk[i].vals);
        free(wk[i].w);
        free(wk[i].scratch);
        free(wk[i].items);
        free(wk[i].agg_full);
        free(wk[i].cnt);
    }
    if (rc != GIDX_OK)
        goto done;
    res->nruns = nruns;
    for (k = 0; k < GIDX__NFACT; k++)
        res->first[k] = res->total[k] = NAN;
    res->sobol = opt->sobol != 0;
    if (opt->sobol) {
        double f[GIDX__NFACT], tt[GIDX__NFACT];
        if ((rc = gidx_sobol_indices(f, tt, c.Y, c.Y + N, c.Y + 2 * N, N, c.nk)) != GIDX_OK) {
            gidx__error_prefix("gidx_index_uncertainty: ");
            goto done;
        }
        for (k = 0; k < c.nk; k++) {
            res->first[fidx[k]] = f[k];
            res->total[fidx[k]] = tt[k];
        }
        /* each unit's rank as the output: gather its column of the design */
        res->ufirst = gidx__malloc(2 * c.U * GIDX__NFACT * sizeof *res->ufirst);
        /* X (nruns x 5 factor values) is no longer needed: reuse it for one column of ranks */
        if (res->ufirst == NULL) {
            rc = GIDX_ENOMEM;
            goto done;
        }
        res->utotal = res->ufirst + c.U * GIDX__NFACT;
        for (j = 0; j < c.U; j++) {
            double *uf = res->ufirst + j * GIDX__NFACT, *ut = res->utotal + j * GIDX__NFACT;
            int ok = 1;
            for (k = 0; k < GIDX__NFACT; k++)
                uf[k] = ut[k] = NAN;
            for (i = 0; i < nruns; i++) {
                X[i] = c.ranks[i * c.U + j];
                if (isnan(X[i]))
                    ok = 0;
            }
            if (ok && gidx_sobol_indices(f, tt, X, X + N, X + 2 * N, N, c.nk) == GIDX_OK) {
                for (k = 0; k < c.nk; k++) {
                    uf[fidx[k]] = f[k];
                    ut[fidx[k]] = tt[k];
                }
            } else {
                gidx_error_clear(); /* a rank that never moves has nothing to apportion */
            }
        }
    }
done:
    for (i = 0; i < cells; i++) {
        if (c.cache) free(c.cache[i]);
        if (c.logc) free(c.logc[i]);
        if (c.recc) free(c.recc[i]);
        if (c.full) free(c.full[i]);
    }
    if (c.incl)
        for (i = 0; i < cells; i++)
            free(c.incl[i]);
    free(c.cache);
    free(c.logc);
    free(c.recc);
    free(c.full);
    free(c.incl);
    free(c.ranks);
    free(c.Y);
    free(wk);
    free(th);
    free(X);
    free(wsets);
    free(wnom);
    gidx__rng_free(rng);
    gidx_index_result_free(nom);
    gidx__composite_topo_free(&tp);
    if (rc != GIDX_OK) {
        gidx_index_uncertainty_free(res);
        return rc;
    }
    *out = res;
    return GIDX_OK;
}

size_t gidx_index_uncertainty_nunits(const gidx_index_uncertainty_result *u) { return u ? u->U : 0; }
size_t gidx_index_uncertainty_nruns(const gidx_index_uncertainty_result *u) { return u ? u->nruns : 0; }

gidx_status gidx_index_uncertainty_ranks(double *nominal, double *median, double *p05, double *p95,
                                         size_t cap, const gidx_index_uncertainty_result *u)
{
    if (u == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty_ranks: result is NULL");
    if (cap < u->U)
        return gidx__error_set(GIDX_EBUFS, "gidx_index_uncertainty_ranks: %zu values needed, room for %zu",
                               u->U, cap);
    if (nominal) memcpy(nominal, u->nominal, u->U * sizeof *nominal);
    if (median) memcpy(median, u->median, u->U * sizeof *median);
    if (p05) memcpy(p05, u->p05, u->U * sizeof *p05);
    if (p95) memcpy(p95, u->p95, u->U * sizeof *p95);
    return GIDX_OK;
}

gidx_status gidx_index_uncertainty_sobol(double *first, double *total, size_t cap,
                                         const gidx_index_uncertainty_result *u)
{
    if (u == NULL || first == NULL || total == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty_sobol: NULL argument");
    if (cap < GIDX__NFACT)
        return gidx__error_set(GIDX_EBUFS, "gidx_index_uncertainty_sobol: %d values needed, room for %zu",
                               GIDX__NFACT, cap);
    if (!u->sobol)
        return gidx__error_set(GIDX_ESTATE, "gidx_index_uncertainty_sobol: not a Sobol (sobol = 1) analysis");
    memcpy(first, u->first, sizeof u->first);
    memcpy(total, u->total, sizeof u->total);
    return GIDX_OK;
}

gidx_status gidx__composite_unc_ranks(const gidx_index_uncertainty_result *u, const double **p05,
                                      const double **med, const double **p95, size_t *U);
gidx_status gidx__composite_unc_ranks(const gidx_index_uncertainty_result *u, const double **p05,
                                      const double **med, const double **p95, size_t *U)
{
    *p05 = u->p05;
    *med = u->median;
    *p95 = u->p95;
    *U = u->U;
    return GIDX_OK;
}

gidx_status gidx_index_uncertainty_sobol_unit(double *first, double *total, size_t cap,
                                              const gidx_index_uncertainty_result *u, size_t unit)
{
    if (u == NULL || first == NULL || total == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty_sobol_unit: NULL argument");
    if (cap < GIDX__NFACT)
        return gidx__error_set(GIDX_EBUFS, "gidx_index_uncertainty_sobol_unit: %d values needed, room for %zu",
                               GIDX__NFACT, cap);
    if (!u->sobol || u->ufirst == NULL)
        return gidx__error_set(GIDX_ESTATE, "gidx_index_uncertainty_sobol_unit: not a Sobol (sobol = 1) analysis");
    if (unit >= u->U)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_uncertainty_sobol_unit: unit %zu out of range (%zu units)",
                               unit, u->U);
    memcpy(first, u->ufirst + unit * GIDX__NFACT, GIDX__NFACT * sizeof *first);
    memcpy(total, u->utotal + unit * GIDX__NFACT, GIDX__NFACT * sizeof *total);
    return GIDX_OK;
}
