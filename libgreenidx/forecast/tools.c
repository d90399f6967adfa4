/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Accuracy measures, hierarchical reconciliation and batch forecasting.
 *
 * - sMAPE on the 0-200 scale (Makridakis & Hibon 2000, "The M3-Competition:
 *   results, conclusions and implications", IJF 16) and MASE (Hyndman &
 *   Koehler 2006, "Another look at measures of forecast accuracy", IJF 22).
 * - Reconciliation ytilde = S (S' W^-1 S)^-1 S' W^-1 yhat (Wickramasuriya,
 *   Athanasopoulos & Hyndman 2019, "Optimal forecast reconciliation for
 *   hierarchical and grouped time series through trace minimization", JASA
 *   114, 804-819): OLS (W = I), WLS structural (W = diag(S 1)), MinT with the
 *   shrinkage estimator of Schäfer & Strimmer (2005, Stat. Appl. Genet. Mol.
 *   Biol. 4) towards the diagonal, as in their sec. 3.
 * - Batch: each series gets its own model on a worker thread; series are
 *   assigned by index and each uses the seed of the options, so the results
 *   do not depend on the number of threads.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"

gidx_status gidx_fc_accuracy(double *smape, double *mase, double *coverage, const double *actual,
                             const double *fc, const double *lo, const double *hi, size_t h,
                             const double *insample, size_t n)
{
    double ss = 0, sa = 0, sc = 0, scale = 0;
    size_t k, m = 0, ms = 0, t, prev = (size_t)-1, nd = 0;
    if (actual == NULL || fc == NULL || (mase && insample == NULL) || ((lo == NULL) != (hi == NULL)))
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_accuracy: NULL argument");
    for (k = 0; k < h; k++) {
        if (isnan(actual[k]))
            continue;
        if (!isfinite(fc[k]))
            return gidx__error_set(GIDX_EDATA, "gidx_fc_accuracy: forecast %zu is not finite", k + 1);
        if (fabs(actual[k]) + fabs(fc[k]) > 0) {
            ss += 200.0 * fabs(actual[k] - fc[k]) / (fabs(actual[k]) + fabs(fc[k]));
            ms++;
        }
        sa += fabs(actual[k] - fc[k]);
        if (lo && actual[k] >= lo[k] && actual[k] <= hi[k])
            sc += 1;
        m++;
    }
    if (m == 0)
        return gidx__error_set(GIDX_EDATA, "gidx_fc_accuracy: no finite actual value");
    if (mase) {
        for (t = 0; t < n; t++) {
            if (isnan(insample[t]))
                continue;
            if (prev != (size_t)-1) {
                scale += fabs(insample[t] - insample[prev]);
                nd++;
            }
            prev = t;
        }
        if (nd == 0 || !(scale > 0))
            return gidx__error_set(GIDX_EDATA, "gidx_fc_accuracy: the in-sample series has no "
                                   "change, MASE is undefined");
        *mase = (sa / (double)m) / (scale / (double)nd);
    }
    if (smape)
        *smape = ms ? ss / (double)ms : 0.0;
    if (coverage)
        *coverage = lo ? sc / (double)m : NAN;
    return GIDX_OK;
}

gidx_status gidx_fc_reconcile(double *out, size_t cap, const double *base, size_t nchild,
                              size_t h, int method, const double *resid, size_t T)
{
    size_t ns = nchild + 1, i, j, t, k;
    double *W = NULL, *Winv = NULL, *A = NULL, *rhs = NULL, *b = NULL, *col = NULL, *e = NULL;
    gidx_status rc = GIDX_OK;
    if (out == NULL || base == NULL || nchild == 0 || h == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_reconcile: NULL argument or empty hierarchy");
    if (method < GIDX_RECONCILE_BU || method > GIDX_RECONCILE_MINT)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_reconcile: unknown method %d", method);
    if (cap < ns * h)
        return gidx__error_set(GIDX_EBUFS, "gidx_fc_reconcile: room for %zu, %zu needed", cap, ns * h);
    for (i = 0; i < ns * h; i++)
        if (!isfinite(base[i]))
            return gidx__error_set(GIDX_EDATA, "gidx_fc_reconcile: base forecast of series %zu "
                                   "(0 = parent) in period %zu is not finite", i / h, i % h + 1);
    if (method == GIDX_RECONCILE_BU) {
        for (k = 0; k < h; k++) {
            double s = 0;
            for (j = 1; j < ns; j++) {
                out[j * h + k] = base[j * h + k];
                s += base[j * h + k];
            }
            out[k] = s;
        }
        return GIDX_OK;
    }
    if (method == GIDX_RECONCILE_MINT) {
        if (resid == NULL || T < 2)
            return gidx__error_set(GIDX_EINVAL, "gidx_fc_reconcile: MinT needs residuals of at "
                                   "least 2 periods");
        for (i = 0; i < ns * T; i++)
            if (!isfinite(resid[i]))
                return gidx__error_set(GIDX_EDATA, "gidx_fc_reconcile: residual of series %zu "
                                       "in period %zu is not finite", i / T, i % T + 1);
    }
    W = gidx__calloc(ns * ns, sizeof *W);
    Winv = gidx__calloc(ns * ns, sizeof *Winv);
    A = gidx__calloc(nchild * nchild, sizeof *A);
    rhs = gidx__calloc(nchild, sizeof *rhs);
    b = gidx__calloc(nchild, sizeof *b);
    col = gidx__calloc(ns, sizeof *col);
    e = gidx__calloc(ns, sizeof *e);
    if (!W || !Winv || !A || !rhs || !b || !col || !e) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if (method == GIDX_RECONCILE_OLS)
        for (i = 0; i < ns; i++)
            W[i * ns + i] = 1.0;
    else if (method == GIDX_RECONCILE_WLS) {
        W[0] = (double)nchild;
        for (i = 1; i < ns; i++)
            W[i * ns + i] = 1.0;
    } else {
        /* sample covariance (zero-mean residuals, as WAH 2019) and the
         * Schäfer-Strimmer shrinkage intensity towards its diagonal */
        double *sd = col, num = 0, den = 0, lam;
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++) {
                double s = 0;
                for (t = 0; t < T; t++)
                    s += resid[i * T + t] * resid[j * T + t];
                W[i * ns + j] = s / (double)T;
            }
        for (i = 0; i < ns; i++) {
            sd[i] = sqrt(W[i * ns + i]);
            if (!(sd[i] > 0)) {
                rc = gidx__error_set(GIDX_ESINGULAR, "gidx_fc_reconcile: residuals of series %zu "
                                     "have zero variance", i);
                goto done;
            }
        }
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++) {
                double r, wbar = 0, vr = 0;
                if (i == j)
                    continue;
                for (t = 0; t < T; t++)
                    wbar += resid[i * T + t] / sd[i] * resid[j * T + t] / sd[j];
                wbar /= (double)T;
                for (t = 0; t < T; t++) {
                    double w = resid[i * T + t] / sd[i] * resid[j * T + t] / sd[j] - wbar;
                    vr += w * w;
                }
                vr *= (double)T / ((double)(T - 1) * (double)(T - 1) * (double)(T - 1));
                r = W[i * ns + j] / (sd[i] * sd[j]);
                num += vr;
                den += r * r;
            }
        lam = den > 0 ? num / den : 1.0;
        if (lam > 1)
            lam = 1;
        if (lam < 0)
            lam = 0;
        for (i = 0; i < ns; i++)
            for (j = 0; j < ns; j++)
                if (i != j)
                    W[i * ns + j] *= 1.0 - lam;
    }
    /* W^-1 column by column */
    for (j = 0; j < ns; j++) {
        for (i = 0; i < ns; i++)
            e[i] = i == j ? 1.0 : 0.0;
        rc = gidx_linalg_solve(col, W, e, ns);
        if (rc != GIDX_OK) {
            gidx__error_prefix("gidx_fc_reconcile: weight matrix: ");
            goto done;
        }
        for (i = 0; i < ns; i++)
            Winv[i * ns + j] = col[i];
    }
    /* S = [1'; I]: (S' Winv S)[a][b] = Winv[0][0] + Winv[0][b+1] + Winv[a+1][0] + Winv[a+1][b+1] */
    for (i = 0; i < nchild; i++)
        for (j = 0; j < nchild; j++)
            A[i * nchild + j] = Winv[0] + Winv[j + 1] + Winv[(i + 1) * ns] +
                                Winv[(i + 1) * ns + j + 1];
    for (k = 0; k < h; k++) {
        double s = 0;
        for (i = 0; i < nchild; i++) {
            double v = 0;
            for (j = 0; j < ns; j++)
                v += (Winv[j] + Winv[(i + 1) * ns + j]) * base[j * h + k];
            rhs[i] = v;
        }
        rc = gidx_linalg_solve(b, A, rhs, nchild);
        if (rc != GIDX_OK) {
            gidx__error_prefix("gidx_fc_reconcile: ");
            goto done;
        }
        for (i = 0; i < nchild; i++) {
            out[(i + 1) * h + k] = b[i];
            s += b[i];
        }
        out[k] = s;
    }
done:
    free(W);
    free(Winv);
    free(A);
    free(rhs);
    free(b);
    free(col);
    free(e);
    return rc;
}

/* ------------------------------------------------------------------ batch */

typedef struct {
    gidx_status rc;
    char *msg;
    char *model;
    int last_year;
    double *fc; /* h * (1 + 2 * nlevels) */
} fc_item;

struct gidx_fc_batch {
    size_t n, h, nlevels;
    fc_item *items;
};

typedef struct {
    gidx_fc_batch *b;
    const gidx_model_options *opt;
    const int *years;
    const double *y;
    const size_t *start;
    const double *levels;
    size_t next;
    pthread_mutex_t lock;
} batch_job;

static void run_one(batch_job *j, size_t s)
{
    fc_item *it = &j->b->items[s];
    gidx_model *m = NULL;
    size_t h = j->b->h, L = j->b->nlevels;
    gidx_status rc = gidx_model_new(&m, j->opt);
    if (rc == GIDX_OK)
        rc = gidx_model_fit(m, j->years + j->start[s], j->y + j->start[s],
                            j->start[s + 1] - j->start[s]);
    if (rc == GIDX_OK) {
        it->fc = malloc(h * (1 + 2 * L) * sizeof(double));
        if (it->fc == NULL)
            rc = gidx__error_set(GIDX_ENOMEM, "out of memory");
        else
            rc = gidx_model_forecast(it->fc, it->fc + h, it->fc + h + h * L,
                                     h * (L > 1 ? L : 1), m, h, j->levels, L);
    }
    it->rc = rc;
    if (rc == GIDX_OK) {
        it->msg = strdup(gidx_model_message(m));
        it->model = strdup(gidx_model_name(m));
        it->last_year = gidx_model_last_year(m);
    } else {
        it->msg = strdup(gidx_error_last()->message);
        it->model = strdup("");
        free(it->fc);
        it->fc = NULL;
    }
    gidx_model_free(m);
}

static void *worker(void *p)
{
    batch_job *j = p;
    for (;;) {
        size_t s;
        pthread_mutex_lock(&j->lock);
        s = j->next++;
        pthread_mutex_unlock(&j->lock);
        if (s >= j->b->n)
            break;
        run_one(j, s);
    }
    return NULL;
}

gidx_status gidx_fc_batch_run(gidx_fc_batch **out, const gidx_model_options *opt,
                              const int *years, const double *y, const size_t *start,
                              size_t nseries, size_t h, const double *levels, size_t nlevels,
                              unsigned nthreads)
{
    gidx_fc_batch *b;
    batch_job job;
    pthread_t th[64];
    unsigned nt, i, started = 0;
    size_t s;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: out is NULL");
    *out = NULL;
    if (start == NULL || (nseries > 0 && (years == NULL || y == NULL)) ||
        (nlevels > 0 && levels == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: NULL argument");
    if (h == 0 || h > 1000)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: horizon %zu outside 1..1000", h);
    for (s = 0; s < nlevels; s++) {
        double pct;
        if (gidx_level_normalize(&pct, levels[s]) != GIDX_OK)
            return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: level %g is neither a "
                                   "percentage in [1, 100) nor a fraction in (0, 1)", levels[s]);
    }
    if (start[0] != 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: start[0] = %zu, must be 0", start[0]);
    for (s = 0; s < nseries; s++)
        if (start[s + 1] < start[s])
            return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_run: start[%zu] < start[%zu]",
                                   s + 1, s);
    b = gidx__calloc(1, sizeof *b);
    if (b == NULL)
        return GIDX_ENOMEM;
    b->items = gidx__calloc(nseries ? nseries : 1, sizeof *b->items);
    if (b->items == NULL) {
        free(b);
        return GIDX_ENOMEM;
    }
    b->n = nseries;
    b->h = h;
    b->nlevels = nlevels;
    job.b = b;
    job.opt = opt;
    job.years = years;
    job.y = y;
    job.start = start;
    job.levels = levels;
    job.next = 0;
    pthread_mutex_init(&job.lock, NULL);
    nt = nthreads == 0 ? 1 : (nthreads > 64 ? 64 : nthreads);
    for (i = 1; i < nt; i++)
        if (pthread_create(&th[started], NULL, worker, &job) == 0)
            started++;
    worker(&job);
    for (i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    pthread_mutex_destroy(&job.lock);
    for (s = 0; s < nseries; s++)
        if (b->items[s].msg == NULL || b->items[s].model == NULL) {
            gidx_fc_batch_free(b);
            return gidx__error_set(GIDX_ENOMEM, "gidx_fc_batch_run: out of memory");
        }
    *out = b;
    return GIDX_OK;
}

void gidx_fc_batch_free(gidx_fc_batch *b)
{
    size_t s;
    if (b == NULL)
        return;
    for (s = 0; s < b->n; s++) {
        free(b->items[s].msg);
        free(b->items[s].model);
        free(b->items[s].fc);
    }
    free(b->items);
    free(b);
}

size_t gidx_fc_batch_size(const gidx_fc_batch *b)
{
    return b ? b->n : 0;
}

gidx_status gidx_fc_batch_status(const gidx_fc_batch *b, size_t s)
{
    if (b == NULL || s >= b->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_status: series %zu out of range", s);
    return b->items[s].rc;
}

const char *gidx_fc_batch_message(const gidx_fc_batch *b, size_t s)
{
    return (b && s < b->n) ? b->items[s].msg : NULL;
}

const char *gidx_fc_batch_model(const gidx_fc_batch *b, size_t s)
{
    return (b && s < b->n) ? b->items[s].model : NULL;
}

int gidx_fc_batch_last_year(const gidx_fc_batch *b, size_t s)
{
    return (b && s < b->n) ? b->items[s].last_year : 0;
}

gidx_status gidx_fc_batch_forecast(double *mean, double *lo, double *hi, size_t cap,
                                   const gidx_fc_batch *b, size_t s)
{
    size_t h, L;
    const fc_item *it;
    if (b == NULL || mean == NULL || s >= b->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_forecast: bad argument (series %zu)", s);
    h = b->h;
    L = b->nlevels;
    it = &b->items[s];
    if (it->rc != GIDX_OK)
        return gidx__error_set(it->rc, "series %zu: %s", s, it->msg);
    if (L > 0 && (lo == NULL || hi == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_batch_forecast: NULL bounds");
    if (cap < h || cap < h * L)
        return gidx__error_set(GIDX_EBUFS, "gidx_fc_batch_forecast: room for %zu, %zu needed", cap,
                               h * (L > 1 ? L : 1));
    memcpy(mean, it->fc, h * sizeof(double));
    if (L > 0) {
        memcpy(lo, it->fc + h, h * L * sizeof(double));
        memcpy(hi, it->fc + h + h * L, h * L * sizeof(double));
    }
    return GIDX_OK;
}
