/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The gidx_model handle: input checks, the annual grid, Box-Cox transforms
 * with bias adjustment (Box & Cox 1964, JRSS B 26; back-transform mean of
 * Hyndman & Athanasopoulos, FPP 3rd ed., sec. 5.6), method families chosen
 * by AICc, the equal-weight ETS + ARIMA + Theta combination (Hyndman 2018,
 * "A forecast combination benchmark"; Makridakis et al. 2020, M4, IJF 36),
 * graceful degradation for short series, and interval calibration.
 *
 * Calibration (on by default): the series' own rolling-origin errors. At
 * each of the last 10 grid points o (with at least 3 observations before
 * it) every component is refitted, same specification, warm-started from
 * the full-sample fit, to the data before o and forecasts 1..6 years ahead;
 * z = (actual - mean) / sd are the standardised errors. Per horizon k the
 * predictive sd is multiplied by s_k = sqrt((m0 + sum z_k^2) / (m0 + n_k))
 * with m0 = 3 pseudo-errors of size 1 (shrinkage towards the model's own
 * width for short series), made non-decreasing in k and clamped to
 * [0.5, 5]; horizons beyond 6 use s_6. This is the scale form of
 * split-conformal calibration (Vovk, Gammerman & Shafer 2005, "Algorithmic
 * learning in a random world"; Stankeviciute, Alaa & van der Schaar 2021,
 * "Conformal time-series forecasting", NeurIPS) with a variance shrinkage;
 * see docs/forecast.md for what it achieves on M3.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

#include "forecast/fc_internal.h"

#define FC_CAL_H 6
#define FC_CAL_M0 3.0
#define FC_CAL_ORIGINS 10
#define FC_MAXSPAN 1000
#define FC_MAXCOMP 5
/* the rolling-origin combination weights (see cv_weights) */
#define FC_W_M0 12.0   /* prior weight, in errors, of the pool's mean loss */
#define FC_W_H 2       /* horizons whose errors weigh the members */
#define FC_SMALL_N 12  /* below: CV decides (random walk or weighted median) */

struct gidx_model {
    gidx_model_options opt;
    int fitted;
    int first_year;
    size_t N;
    double *y;  /* original scale, grid */
    double *z;  /* model scale (transformed), grid */
    int transform;
    double lambda;
    fc_comp comp[FC_MAXCOMP];
    double w[FC_MAXCOMP];   /* combination weights (sum 1) */
    size_t ncomp;
    int cvweights;          /* weights from the rolling-origin errors (auto) */
    double calib[FC_CAL_H]; /* interval scale per horizon (the last for longer ones) */
    int sim;
    char name[256];
    char msg[512];
};

static const struct {
    const char *name;
    int m;
} methods[] = {
    { "auto", GIDX_FC_AUTO }, { "naive", GIDX_FC_NAIVE }, { "drift", GIDX_FC_DRIFT },
    { "trend", GIDX_FC_TREND }, { "logtrend", GIDX_FC_LOGTREND }, { "ets", GIDX_FC_ETS },
    { "ANN", GIDX_FC_ETS_ANN }, { "AAN", GIDX_FC_ETS_AAN }, { "AAdN", GIDX_FC_ETS_AADN },
    { "MNN", GIDX_FC_ETS_MNN }, { "MAN", GIDX_FC_ETS_MAN }, { "MAdN", GIDX_FC_ETS_MADN },
    { "arima", GIDX_FC_ARIMA }, { "theta", GIDX_FC_THETA }, { "otheta", GIDX_FC_OTHETA },
    { "thetas", GIDX_FC_THETAS }
};

static int strieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

gidx_status gidx_fc_method_parse(int *method, const char *name)
{
    size_t i;
    if (method == NULL || name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fc_method_parse: NULL argument");
    for (i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strieq(methods[i].name, name)) {
            *method = methods[i].m;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_EINVAL, "unknown forecasting method '%s' (auto, naive, drift, "
                           "trend, logtrend, ets, ANN, AAN, AAdN, MNN, MAN, MAdN, arima, "
                           "theta, otheta, thetas)", name);
}

const char *gidx_fc_method_name(int method)
{
    size_t i;
    for (i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (methods[i].m == method)
            return methods[i].name;
    return "unknown";
}

gidx_status gidx_model_new(gidx_model **out, const gidx_model_options *opt)
{
    gidx_model_options d = GIDX_MODEL_OPTIONS_INIT;
    gidx_model *m;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_new: out is NULL");
    *out = NULL;
    if (opt == NULL)
        opt = &d;
    if (opt->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_new: options version %u (expected 1)",
                               opt->version);
    if (opt->method < GIDX_FC_AUTO || opt->method > GIDX_FC_THETAS)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_new: unknown method %d", opt->method);
    if (opt->ets_errors != 0 && opt->ets_errors != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_new: ets_errors %d (0 or 1)", opt->ets_errors);
    if (opt->boxcox && !(fabs(opt->lambda) <= 2.0))
        return gidx__error_set(GIDX_EINVAL, "gidx_model_new: Box-Cox lambda %g outside [-2, 2]",
                               opt->lambda);
    m = gidx__calloc(1, sizeof *m);
    if (m == NULL)
        return GIDX_ENOMEM;
    m->opt = *opt;
    *out = m;
    return GIDX_OK;
}

void gidx_model_free(gidx_model *m)
{
    if (m == NULL)
        return;
    free(m->y);
    free(m->z);
    free(m);
}

static double bc(double y, double lam)
{
    return lam == 0.0 ? log(y) : (pow(y, lam) - 1.0) / lam;
}

static double bcinv(double z, double lam)
{
    double v;
    if (lam == 0.0)
        return exp(z);
    v = lam * z + 1.0;
    if (v <= 0)
        return 0.0;
    return pow(v, 1.0 / lam);
}

gidx_status gidx__fc_comp_forecast(const fc_comp *c, const double *y, size_t o, size_t h,
                                   double *mean, double *sd)
{
    switch (c->method) {
    case GIDX_FC_NAIVE:
    case GIDX_FC_DRIFT:
    case GIDX_FC_TREND:
        return gidx__fc_simple_forecast(c, y, o, h, mean, sd);
    case GIDX_FC_THETA:
    case GIDX_FC_OTHETA:
        return gidx__fc_theta_forecast(c, y, o, h, mean, sd);
    case GIDX_FC_ARIMA:
        return gidx__fc_arima_forecast(c, y, o, h, mean, sd);
    default:
        return gidx__fc_comp_forecast_ets(c, y, o, h, mean, sd);
    }
}

/* Refit component `spec` (same method and orders) to the first o points. */
gidx_status gidx__fc_refit(fc_comp *c, const fc_comp *spec, const double *y, size_t o)
{
    switch (spec->method) {
    case GIDX_FC_NAIVE:
    case GIDX_FC_DRIFT:
        return gidx__fc_fit_naive(c, y, o, spec->method == GIDX_FC_DRIFT);
    case GIDX_FC_TREND:
        return gidx__fc_fit_trend(c, y, o);
    case GIDX_FC_THETA:
        return gidx__fc_fit_theta(c, y, o, spec);
    case GIDX_FC_OTHETA:
        return gidx__fc_fit_otheta(c, y, o, spec);
    case GIDX_FC_ARIMA:
        return gidx__fc_fit_arima(c, y, o, spec->p, spec->d, spec->q, spec->cst, spec);
    default:
        return gidx__fc_fit_ets(c, y, o, spec->err, spec->trend, spec);
    }
}

/* Model-scale mean and sd of the (combined) model from the first o points. */
/* Combine the members' means (cm[i * stride + k]) and sds into the pool's
 * mean and sd at horizon k. */
static void combine(const gidx_model *m, const double *cm, const double *cs, size_t stride,
                    size_t k, double *mean, double *sd)
{
    size_t i;
    double mu = 0.0, s = 0.0;
    for (i = 0; i < m->ncomp; i++) {
        mu += m->w[i] * cm[i * stride + k];
        /* combined sd: errors of the members are nearly perfectly
         * correlated on yearly data, so the sd of the mean is taken as the
         * weighted mean of the sds (the upper bound) */
        s += m->w[i] * cs[i * stride + k];
    }
    if (m->cvweights == 2) {
        /* weighted median of the members' means */
        size_t ord[FC_MAXCOMP], a, b;
        double acc = 0.0;
        for (i = 0; i < m->ncomp; i++)
            ord[i] = i;
        for (a = 1; a < m->ncomp; a++)
            for (b = a; b > 0 && cm[ord[b] * stride + k] < cm[ord[b - 1] * stride + k]; b--) {
                size_t t = ord[b];
                ord[b] = ord[b - 1];
                ord[b - 1] = t;
            }
        for (i = 0; i < m->ncomp; i++) {
            acc += m->w[ord[i]];
            if (acc > 0.5 + 1e-12) {
                mu = cm[ord[i] * stride + k];
                break;
            }
            if (acc > 0.5 - 1e-12) {
                mu = 0.5 * (cm[ord[i] * stride + k] + cm[ord[i + 1] * stride + k]);
                break;
            }
        }
    }
    *mean = mu;
    *sd = s;
}

/* Model-scale mean and sd of the (combined) model from the first o points;
 * wm and ws have room for FC_MAXCOMP * h values. */
static gidx_status model_fc(const gidx_model *m, const double *z, size_t o, size_t h,
                            double *mean, double *sd, double *wm, double *ws)
{
    size_t i, k;
    for (i = 0; i < m->ncomp; i++) {
        gidx_status rc = gidx__fc_comp_forecast(&m->comp[i], z, o, h, wm + i * h, ws + i * h);
        if (rc != GIDX_OK)
            return rc;
    }
    for (k = 0; k < h; k++)
        combine(m, wm, ws, h, k, &mean[k], &sd[k]);
    return GIDX_OK;
}

/* Best ETS model by AICc among the error types up to `positive` and the
 * trend types in `trends` (bit t: 1 = N, 2 = A, 4 = Ad). */
static gidx_status fit_ets_family(fc_comp *best, const double *z, size_t N, int positive,
                                  unsigned trends)
{
    int e, t, have = 0;
    size_t n = gidx__fc_nobs(z, N);
    best->aicc = INFINITY;
    for (e = 0; e <= (positive ? 1 : 0); e++)
        for (t = 0; t <= 2; t++) {
            fc_comp c;
            size_t np = 2 + (t ? 2 : 0) + (t == 2 ? 1 : 0);
            if (!(trends & (1u << t)) || n < np + 3)
                continue;
            if (gidx__fc_fit_ets(&c, z, N, e, t, NULL) == GIDX_OK && c.aicc < best->aicc) {
                *best = c;
                have = 1;
            }
        }
    if (!have)
        return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for ETS", n);
    return GIDX_OK;
}

static gidx_status fit_theta_family(fc_comp *best, const double *z, size_t N)
{
    fc_comp a, b;
    gidx_status rc = gidx__fc_fit_theta(&a, z, N, NULL);
    if (rc != GIDX_OK)
        return rc;
    *best = a;
    if (gidx__fc_fit_otheta(&b, z, N, NULL) == GIDX_OK && b.aicc < a.aicc)
        *best = b;
    return GIDX_OK;
}

static void addmsg(gidx_model *m, const char *s)
{
    size_t l = strlen(m->msg);
    snprintf(m->msg + l, sizeof m->msg - l, "%s%s", l ? "; " : "", s);
}

/* Fit a specific method or a family; ETOOSHORT when the series is too short for it. */
static gidx_status fit_method(gidx_model *m, int method)
{
    const double *z = m->z;
    size_t N = m->N, n = gidx__fc_nobs(z, N);
    int positive = 1;
    size_t t;
    for (t = 0; t < N; t++)
        if (!isnan(z[t]) && z[t] <= 0)
            positive = 0;
    if (!m->opt.ets_errors)
        positive = 0; /* the automatic choice considers additive errors only */
    m->ncomp = 1;
    switch (method) {
    case GIDX_FC_NAIVE:
        return gidx__fc_fit_naive(&m->comp[0], z, N, 0);
    case GIDX_FC_DRIFT:
        return gidx__fc_fit_naive(&m->comp[0], z, N, 1);
    case GIDX_FC_TREND:
    case GIDX_FC_LOGTREND:
        return gidx__fc_fit_trend(&m->comp[0], z, N);
    case GIDX_FC_ETS:
        return fit_ets_family(&m->comp[0], z, N, positive, 7u);
    case GIDX_FC_ETS_ANN: case GIDX_FC_ETS_AAN: case GIDX_FC_ETS_AADN:
    case GIDX_FC_ETS_MNN: case GIDX_FC_ETS_MAN: case GIDX_FC_ETS_MADN: {
        int mm = method - GIDX_FC_ETS_ANN, err = mm / 3, tr = mm % 3;
        size_t np = 2 + (tr ? 2 : 0) + (tr == 2 ? 1 : 0);
        if (n < np + 2)
            return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for %s",
                                   n, gidx_fc_method_name(method));
        return gidx__fc_fit_ets(&m->comp[0], z, N, err, tr, NULL);
    }
    case GIDX_FC_ARIMA:
        if (n < 5)
            return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for ARIMA", n);
        return gidx__fc_auto_arima(&m->comp[0], z, N);
    case GIDX_FC_THETA:
        if (n < 4)
            return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for Theta", n);
        return gidx__fc_fit_theta(&m->comp[0], z, N, NULL);
    case GIDX_FC_OTHETA:
        return gidx__fc_fit_otheta(&m->comp[0], z, N, NULL);
    case GIDX_FC_THETAS:
        if (n < 4)
            return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for Theta", n);
        return fit_theta_family(&m->comp[0], z, N);
    default: { /* AUTO */
        size_t k = 0;
        gidx_status rc;
        char note[160];
        m->ncomp = 0;
        /* N, A and Ad trends by AICc: damped-only (Gardner & McKenzie
         * 1985) was measured and loses on M3 (docs/forecast.md) */
        rc = fit_ets_family(&m->comp[k], z, N, positive, 7u);
        if (rc == GIDX_OK)
            k++;
        else if (rc != GIDX_ETOOSHORT)
            return rc;
        if (n >= 5) {
            rc = gidx__fc_auto_arima(&m->comp[k], z, N);
            if (rc == GIDX_OK)
                k++;
            else if (rc != GIDX_ETOOSHORT)
                return rc;
        }
        if (n >= 4) {
            rc = fit_theta_family(&m->comp[k], z, N);
            if (rc == GIDX_OK)
                k++;
            else if (rc != GIDX_ETOOSHORT)
                return rc;
        }
        if (k == 0)
            return gidx__error_set(GIDX_ETOOSHORT, "forecast: %zu observations are too few for "
                                   "ETS, ARIMA and Theta", n);
        if (k < 3) {
            snprintf(note, sizeof note, "%zu observations: combination of %zu of the 3 families",
                     n, k);
            addmsg(m, note);
        }
        /* the random walk joins the pool: the rolling-origin weights
         * shrink the combination towards it where the models do no
         * better than naive out of sample */
        rc = gidx__fc_fit_naive(&m->comp[k], z, N, 0);
        if (rc == GIDX_OK)
            k++;
        else if (rc != GIDX_ETOOSHORT)
            return rc;
        m->ncomp = k;
        m->cvweights = 1;
        return GIDX_OK;
    }
    }
}

/* Rolling-origin forecasts of every component at up to FC_CAL_ORIGINS
 * origins: each origin o is used when every component can be refitted
 * (same specification, warm-started) to the data before it. */
typedef struct {
    size_t o;
    double mean[FC_MAXCOMP][FC_CAL_H], sd[FC_MAXCOMP][FC_CAL_H];
} cv_origin;

static size_t cv_run(const gidx_model *m, cv_origin *cv)
{
    size_t o, k, i, nobs = gidx__fc_nobs(m->z, m->N), before, nc = 0;
    for (o = m->N > FC_CAL_ORIGINS ? m->N - FC_CAL_ORIGINS : 1; o < m->N; o++) {
        int ok = 1;
        before = gidx__fc_nobs(m->z, o);
        if (before < 3 || before + 2 > nobs + 1 || isnan(m->z[o]))
            continue;
        for (i = 0; i < m->ncomp && ok; i++) {
            fc_comp c;
            if (gidx__fc_refit(&c, &m->comp[i], m->z, o) != GIDX_OK ||
                gidx__fc_comp_forecast(&c, m->z, o, FC_CAL_H, cv[nc].mean[i], cv[nc].sd[i]) != GIDX_OK)
                ok = 0;
            for (k = 0; k < FC_CAL_H && ok; k++)
                if (!isfinite(cv[nc].mean[i][k]))
                    ok = 0;
        }
        if (ok)
            cv[nc++].o = o;
    }
    gidx_error_clear();
    return nc;
}

/* Combination weights from the rolling-origin errors (issue #18; the
 * figures behind each choice are in docs/forecast.md, measured on M3 and on
 * the Telemark series together):
 *
 * - loss: the symmetric relative error 2|y - f| / (|y| + |f|) of the 1- and
 *   2-year-ahead forecasts (FC_W_H) from every rolling origin; scale-free,
 *   so one level shift in a series' past cannot dominate, and bounded, so a
 *   member whose forecast crosses zero is penalised but not without limit;
 * - weights: inverse mean loss (Bates & Granger 1969, "The combination of
 *   forecasts", OR Quarterly 20; Stock & Watson 2004, "Combination
 *   forecasts of output growth in a seven-country data set", J. Forecasting
 *   23), each member's mean loss shrunk towards the pool's mean by FC_W_M0
 *   pseudo-errors, so that a few errors cannot give one member everything
 *   (the shrinkage towards equal weights that Kourentzes, Barrow &
 *   Petropoulos 2019, "Another look at forecast selection and combination:
 *   evidence from forecast pooling", IJPE 209, find robust);
 * - short series (fewer than FC_SMALL_N observations), where AICc rests on
 *   a handful of points, are decided by the cross-validation instead
 *   (Hyndman & Athanasopoulos, FPP3 sec. 5.10 and 13.7; Tashman 2000,
 *   "Out-of-sample tests of forecasting accuracy", IJF 16): when the random
 *   walk's rolling-origin loss is no larger than every model's, the
 *   forecast is the random walk alone (shrinking to naive where the models
 *   do not beat it out of sample); otherwise the weighted median of the
 *   members, which one wild member (a trend through a level shift) cannot
 *   drag (Petropoulos & Svetunkov 2020, "A simple combination of univariate
 *   models", IJF 36, 110-115: the median of ETS, ARIMA, Theta-type and CES
 *   forecasts).
 */
static void cv_weights(gidx_model *m, const cv_origin *cv, size_t ncv)
{
    double loss[FC_MAXCOMP] = { 0 }, bar = 0, sw = 0;
    size_t i, j, k, ne = 0, nv = m->ncomp - 1;
    char note[200];
    for (i = 0; i < m->ncomp; i++)
        m->w[i] = 1.0 / (double)m->ncomp;
    if (gidx__fc_nobs(m->z, m->N) < FC_SMALL_N)
        m->cvweights = 2;
    for (j = 0; j < ncv; j++)
        for (k = 0; k < FC_W_H && cv[j].o + k < m->N; k++) {
            double v = m->z[cv[j].o + k];
            if (isnan(v))
                continue;
            for (i = 0; i < m->ncomp; i++) {
                double f = cv[j].mean[i][k], d = fabs(v) + fabs(f);
                loss[i] += d > 0 ? 2.0 * fabs(v - f) / d : 0.0;
            }
            ne++;
        }
    if (ne == 0 || m->ncomp < 2)
        return;
    for (i = 0; i < m->ncomp; i++) {
        loss[i] /= (double)ne;
        bar += loss[i] / (double)m->ncomp;
    }
    if (!(bar > 0))
        return;
    for (i = 0; i < m->ncomp; i++) {
        m->w[i] = (FC_W_M0 + (double)ne) / (FC_W_M0 * bar + (double)ne * loss[i]);
        sw += m->w[i];
    }
    for (i = 0; i < m->ncomp; i++)
        m->w[i] /= sw;
    if (m->cvweights == 2 && m->comp[nv].method == GIDX_FC_NAIVE) {
        int rw = 1;
        for (i = 0; i < nv; i++)
            if (loss[i] < loss[nv])
                rw = 0;
        if (rw)
            for (i = 0; i < m->ncomp; i++)
                m->w[i] = i == nv ? 1.0 : 0.0;
    }
    snprintf(note, sizeof note, "%s weights", m->cvweights == 2 ? "median" : "mean");
    for (i = 0; i < m->ncomp; i++) {
        size_t l = strlen(note);
        snprintf(note + l, sizeof note - l, "%s%.2f", i ? "/" : " ", m->w[i]);
    }
    {
        size_t l = strlen(note);
        snprintf(note + l, sizeof note - l, " from %zu rolling-origin errors", ne);
    }
    addmsg(m, note);
}

static void calibrate(gidx_model *m)
{
    cv_origin cv[FC_CAL_ORIGINS];
    size_t j, k, i, nz = 0, ncv = 0;
    double ss[FC_CAL_H] = { 0 };
    size_t nk[FC_CAL_H] = { 0 };
    char note[160];
    for (k = 0; k < FC_CAL_H; k++)
        m->calib[k] = 1.0;
    for (i = 0; i < m->ncomp; i++)
        m->w[i] = 1.0 / (double)m->ncomp;
    if (!m->opt.calibrate && !m->cvweights)
        return;
    ncv = cv_run(m, cv);
    if (m->cvweights)
        cv_weights(m, cv, ncv);
    if (!m->opt.calibrate)
        return;
    for (j = 0; j < ncv; j++) {
        size_t o = cv[j].o;
        for (k = 0; k < FC_CAL_H && o + k < m->N; k++) {
            double v = m->z[o + k], mean, sd;
            combine(m, cv[j].mean[0], cv[j].sd[0], FC_CAL_H, k, &mean, &sd);
            if (isnan(v) || !(sd > 0))
                continue;
            ss[k] += (v - mean) * (v - mean) / (sd * sd);
            nk[k]++;
            nz++;
        }
    }
    /* per horizon, shrunk towards 1, then non-decreasing in the horizon:
     * a model that misses the spread at h steps does not do better at h+1 */
    for (k = 0; k < FC_CAL_H; k++) {
        double f = sqrt((FC_CAL_M0 + ss[k]) / (FC_CAL_M0 + (double)nk[k]));
        if (k > 0 && f < m->calib[k - 1])
            f = m->calib[k - 1];
        m->calib[k] = f < 0.5 ? 0.5 : f > 5.0 ? 5.0 : f;
    }
    snprintf(note, sizeof note, "interval scale %.3f (1 year) to %.3f (%d+ years) from %zu "
             "rolling-origin errors", m->calib[0], m->calib[FC_CAL_H - 1], FC_CAL_H, nz);
    addmsg(m, note);
}

gidx_status gidx_model_fit(gidx_model *m, const int *years, const double *y, size_t n)
{
    size_t i, N, nobs = 0;
    double *gy, *gz;
    gidx_status rc;
    int method;

    if (m == NULL || years == NULL || y == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_fit: NULL argument");
    m->fitted = 0;
    m->cvweights = 0;
    m->name[0] = m->msg[0] = '\0';
    if (n == 0)
        return gidx__error_set(GIDX_ETOOSHORT, "gidx_model_fit: empty series");
    for (i = 0; i < n; i++) {
        if (i > 0 && years[i] <= years[i - 1])
            return gidx__error_set(GIDX_EINVAL, "gidx_model_fit: year %d at position %zu does not "
                                   "follow year %d (years must increase)", years[i], i, years[i - 1]);
        if (isinf(y[i]))
            return gidx__error_set(GIDX_EDATA, "gidx_model_fit: infinite value in year %d", years[i]);
        if (!isnan(y[i]))
            nobs++;
    }
    if ((long)years[n - 1] - (long)years[0] >= FC_MAXSPAN)
        return gidx__error_set(GIDX_ELIMIT, "gidx_model_fit: years %d-%d span more than %d years",
                               years[0], years[n - 1], FC_MAXSPAN);
    if (nobs < 3)
        return gidx__error_set(GIDX_ETOOSHORT, "gidx_model_fit: %zu observed values; at least 3 "
                               "are needed", nobs);
    method = m->opt.method;
    m->transform = m->opt.boxcox;
    m->lambda = m->opt.lambda;
    if (method == GIDX_FC_LOGTREND) {
        m->transform = 1;
        m->lambda = 0.0;
    }
    if (m->transform)
        for (i = 0; i < n; i++)
            if (!isnan(y[i]) && y[i] <= 0)
                return gidx__error_set(GIDX_EDATA, "gidx_model_fit: value %g in year %d is not "
                                       "positive: a log/Box-Cox transform needs positive data",
                                       y[i], years[i]);
    N = (size_t)(years[n - 1] - years[0]) + 1;
    gy = gidx__malloc(N * sizeof *gy);
    gz = gidx__malloc(N * sizeof *gz);
    if (gy == NULL || gz == NULL) {
        free(gy);
        free(gz);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < N; i++)
        gy[i] = gz[i] = NAN;
    /* trim leading/trailing missing years: the grid runs from the first to
     * the last observed year */
    for (i = 0; i < n; i++) {
        size_t t = (size_t)(years[i] - years[0]);
        gy[t] = y[i];
        gz[t] = isnan(y[i]) ? NAN : (m->transform ? bc(y[i], m->lambda) : y[i]);
    }
    {
        size_t a = 0, b = N;
        while (isnan(gy[a]))
            a++;
        while (isnan(gy[b - 1]))
            b--;
        memmove(gy, gy + a, (b - a) * sizeof *gy);
        memmove(gz, gz + a, (b - a) * sizeof *gz);
        m->first_year = years[0] + (int)a;
        N = b - a;
    }
    free(m->y);
    free(m->z);
    m->y = gy;
    m->z = gz;
    m->N = N;
    m->sim = 0;
    m->ncomp = 0;

    {
        /* A constant series has zero variance: the likelihoods of ETS,
         * ARIMA and Theta degenerate (log of a zero innovation variance);
         * the random walk forecasts the constant exactly
         * (tests/check_badinput.c). */
        size_t t, first = N;
        int constant = 1;
        for (t = 0; t < N; t++)
            if (!isnan(gz[t])) {
                if (first == N)
                    first = t;
                else if (gz[t] != gz[first])
                    constant = 0;
            }
        if (constant && method != GIDX_FC_NAIVE && method != GIDX_FC_DRIFT &&
            method != GIDX_FC_TREND && method != GIDX_FC_LOGTREND) {
            char note[160];
            snprintf(note, sizeof note, "constant series: random walk used instead of %s",
                     method == GIDX_FC_AUTO ? "ETS, ARIMA and Theta" : gidx_fc_method_name(method));
            addmsg(m, note);
            method = GIDX_FC_NAIVE;
        }
    }
    rc = fit_method(m, method);
    if (rc == GIDX_ETOOSHORT && method != GIDX_FC_NAIVE && method != GIDX_FC_DRIFT &&
        method != GIDX_FC_TREND && method != GIDX_FC_LOGTREND) {
        char note[200];
        snprintf(note, sizeof note, "%zu observations: random walk with drift used instead of %s",
                 nobs, method == GIDX_FC_AUTO ? "ETS, ARIMA and Theta" : gidx_fc_method_name(method));
        addmsg(m, note);
        m->ncomp = 1;
        rc = gidx__fc_fit_naive(&m->comp[0], m->z, N, 1);
    }
    if (rc != GIDX_OK)
        return rc;
    /* a single multiplicative-error ETS model: R's analytic class-2
     * variance by default (as forecast.ets()), simulated paths, which keep
     * the skew, when nsim > 0 is asked for */
    if (m->opt.nsim > 0 && m->ncomp == 1 && m->comp[0].method >= GIDX_FC_ETS_MNN &&
        m->comp[0].method <= GIDX_FC_ETS_MADN)
        m->sim = 1;
    if (m->ncomp == 1) {
        snprintf(m->name, sizeof m->name, "%s", m->comp[0].name);
        if (method == GIDX_FC_LOGTREND && m->comp[0].method == GIDX_FC_TREND)
            snprintf(m->name, sizeof m->name, "Log-linear trend");
    } else {
        size_t i2, l;
        snprintf(m->name, sizeof m->name, "Combination(");
        for (i2 = 0; i2 < m->ncomp; i2++) {
            l = strlen(m->name);
            snprintf(m->name + l, sizeof m->name - l, "%s%s", i2 ? ", " : "", m->comp[i2].name);
        }
        l = strlen(m->name);
        snprintf(m->name + l, sizeof m->name - l, ")");
    }
    if (m->transform) {
        char note[64];
        snprintf(note, sizeof note, "Box-Cox lambda %g", m->lambda);
        addmsg(m, note);
    }
    m->fitted = 1;
    calibrate(m);
    return GIDX_OK;
}

const char *gidx_model_name(const gidx_model *m)
{
    return (m && m->fitted) ? m->name : "";
}

const char *gidx_model_message(const gidx_model *m)
{
    return (m && m->fitted) ? m->msg : "";
}

size_t gidx_model_ncomponents(const gidx_model *m)
{
    return (m && m->fitted) ? m->ncomp : 0;
}

const char *gidx_model_component_name(const gidx_model *m, size_t i)
{
    if (m == NULL || !m->fitted || i >= m->ncomp)
        return NULL;
    return m->comp[i].name;
}

static gidx_status check_comp(const gidx_model *m, size_t i, const char *fn)
{
    if (m == NULL)
        return gidx__error_set(GIDX_EINVAL, "%s: NULL model", fn);
    if (!m->fitted)
        return gidx__error_set(GIDX_ESTATE, "%s: the model is not fitted", fn);
    if (i >= m->ncomp)
        return gidx__error_set(GIDX_EINVAL, "%s: component %zu of %zu", fn, i, m->ncomp);
    return GIDX_OK;
}

gidx_status gidx_model_criteria(double *loglik, double *aicc, size_t *nobs, size_t *nparams,
                                const gidx_model *m, size_t i)
{
    gidx_status rc = check_comp(m, i, "gidx_model_criteria");
    if (rc != GIDX_OK)
        return rc;
    if (loglik)
        *loglik = m->comp[i].loglik;
    if (aicc)
        *aicc = m->comp[i].aicc;
    if (nobs)
        *nobs = m->comp[i].nobs;
    if (nparams)
        *nparams = m->comp[i].k;
    return GIDX_OK;
}

size_t gidx_model_nparams(const gidx_model *m, size_t i)
{
    if (m == NULL || !m->fitted || i >= m->ncomp)
        return 0;
    return m->comp[i].npar;
}

gidx_status gidx_model_param(const char **name, double *value, const gidx_model *m, size_t i,
                             size_t j)
{
    gidx_status rc = check_comp(m, i, "gidx_model_param");
    if (rc != GIDX_OK)
        return rc;
    if (j >= m->comp[i].npar)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_param: parameter %zu of %zu", j,
                               m->comp[i].npar);
    if (name)
        *name = m->comp[i].pname[j];
    if (value)
        *value = m->comp[i].par[j];
    return GIDX_OK;
}

int gidx_model_last_year(const gidx_model *m)
{
    return (m && m->fitted) ? m->first_year + (int)m->N - 1 : 0;
}

/* Predictive distribution on the model scale for horizons 1..h: mean, the
 * calibrated sd, and for simulated models the sorted calibrated draws. */
typedef struct {
    double *mean, *sd, *draws; /* draws: h * nsim, horizon-major, unordered */
    size_t h, nsim;
    double df;
} fc_dist;

static void dist_free(fc_dist *d)
{
    free(d->mean);
    free(d->sd);
    free(d->draws);
}

static gidx_status dist_make(fc_dist *d, const gidx_model *m, size_t h)
{
    double *wm, *ws;
    gidx_status rc;
    size_t k, s;
    memset(d, 0, sizeof *d);
    d->h = h;
    d->mean = gidx__malloc(h * sizeof(double));
    d->sd = gidx__malloc(h * sizeof(double));
    wm = gidx__malloc(2 * FC_MAXCOMP * h * sizeof(double));
    if (d->mean == NULL || d->sd == NULL || wm == NULL) {
        free(wm);
        dist_free(d);
        return GIDX_ENOMEM;
    }
    ws = wm + FC_MAXCOMP * h;
    rc = model_fc(m, m->z, m->N, h, d->mean, d->sd, wm, ws);
    if (rc == GIDX_OK && m->sim) {
        gidx__rng *r = gidx__rng_new(m->opt.seed);
        double *paths = gidx__malloc(m->opt.nsim * h * sizeof(double));
        d->draws = gidx__malloc(m->opt.nsim * h * sizeof(double));
        if (r == NULL || paths == NULL || d->draws == NULL)
            rc = GIDX_ENOMEM;
        else {
            d->nsim = m->opt.nsim;
            gidx__fc_ets_simulate(&m->comp[0], m->z, m->N, h, d->nsim, r, paths);
            for (k = 0; k < h; k++) {
                for (s = 0; s < d->nsim; s++)
                    d->draws[k * d->nsim + s] =
                        d->mean[k] + m->calib[k < FC_CAL_H ? k : FC_CAL_H - 1] *
                                     (paths[s * h + k] - d->mean[k]);
            }
        }
        free(paths);
        gidx__rng_free(r);
    }
    free(wm);
    if (rc != GIDX_OK) {
        dist_free(d);
        return rc;
    }
    for (k = 0; k < h; k++)
        d->sd[k] *= m->calib[k < FC_CAL_H ? k : FC_CAL_H - 1];
    d->df = (m->ncomp == 1 && m->comp[0].df > 0) ? m->comp[0].df : 0.0;
    return GIDX_OK;
}

/* model-scale quantile p at horizon k: the order statistics i and i + 1
 * of the draws, interpolated, found by selection (Hoare's FIND, GSL's
 * gsl_stats_select) rather than a full sort: the simulation profile was
 * dominated by sorting 2000 draws per horizon (docs/forecast.md). The
 * draws are only permuted. */
static double dist_q(fc_dist *d, size_t k, double p)
{
    if (d->draws) {
        double pos = p * (double)(d->nsim - 1);
        size_t i = (size_t)floor(pos), j;
        double f = pos - (double)i, lo, hi;
        double *x = d->draws + k * d->nsim;
        if (i + 1 >= d->nsim)
            i = d->nsim - 1;
        lo = gsl_stats_select(x, 1, d->nsim, i);
        if (i + 1 >= d->nsim)
            return lo;
        /* after the selection x[i+1..] are >= x[i]: their minimum is the
         * next order statistic */
        hi = x[i + 1];
        for (j = i + 2; j < d->nsim; j++)
            if (x[j] < hi)
                hi = x[j];
        return lo + f * (hi - lo);
    }
    if (d->df > 0)
        return d->mean[k] + d->sd[k] * gsl_cdf_tdist_Pinv(p, d->df);
    return d->mean[k] + d->sd[k] * gsl_cdf_ugaussian_Pinv(p);
}

static double dist_cdf(const fc_dist *d, size_t k, double x)
{
    if (d->draws) {
        size_t i, c = 0;
        const double *v = d->draws + k * d->nsim;
        for (i = 0; i < d->nsim; i++)
            c += v[i] <= x;
        return (double)c / (double)d->nsim;
    }
    if (!(d->sd[k] > 0))
        return x >= d->mean[k] ? 1.0 : 0.0;
    if (d->df > 0)
        return gsl_cdf_tdist_P((x - d->mean[k]) / d->sd[k], d->df);
    return gsl_cdf_ugaussian_P((x - d->mean[k]) / d->sd[k]);
}

static double back_mean(const gidx_model *m, double mu, double sd)
{
    double lam = m->lambda, f;
    if (!m->transform)
        return mu;
    f = bcinv(mu, lam);
    if (m->opt.biasadj) {
        double den = lam * mu + 1.0;
        if (lam == 0.0)
            f *= 1.0 + 0.5 * sd * sd;
        else if (den > 0)
            f *= 1.0 + sd * sd * (1.0 - lam) / (2.0 * den * den);
    }
    return f;
}

gidx_status gidx_model_forecast(double *mean, double *lo, double *hi, size_t cap,
                                const gidx_model *m, size_t h, const double *levels,
                                size_t nlevels)
{
    fc_dist d;
    gidx_status rc;
    size_t k, l;
    double pct;
    /* the horizon first: h = 0 gives empty buffers, which are not the cause */
    if (h == 0 || h > 1000)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_forecast: horizon %zu outside 1..1000", h);
    if (m == NULL || mean == NULL || (nlevels > 0 && (lo == NULL || hi == NULL || levels == NULL)))
        return gidx__error_set(GIDX_EINVAL, "gidx_model_forecast: NULL argument");
    if (!m->fitted)
        return gidx__error_set(GIDX_ESTATE, "gidx_model_forecast: the model is not fitted");
    for (l = 0; l < nlevels; l++)
        if (gidx_level_normalize(&pct, levels[l]) != GIDX_OK)
            return gidx__error_set(GIDX_EINVAL, "gidx_model_forecast: level %g is neither a "
                                   "percentage in [1, 100) nor a fraction in (0, 1)", levels[l]);
    if (cap < h || (nlevels > 0 && cap < h * nlevels))
        return gidx__error_set(GIDX_EBUFS, "gidx_model_forecast: room for %zu values, %zu needed",
                               cap, h * (nlevels > 1 ? nlevels : 1));
    rc = dist_make(&d, m, h);
    if (rc != GIDX_OK)
        return rc;
    for (k = 0; k < h; k++) {
        mean[k] = back_mean(m, d.mean[k], d.sd[k]);
        for (l = 0; l < nlevels; l++) {
            double a, ql, qh;
            gidx_level_normalize(&pct, levels[l]);
            a = (1.0 - pct / 100.0) / 2.0;
            ql = dist_q(&d, k, a);
            qh = dist_q(&d, k, 1.0 - a);
            lo[l * h + k] = m->transform ? bcinv(ql, m->lambda) : ql;
            hi[l * h + k] = m->transform ? bcinv(qh, m->lambda) : qh;
        }
    }
    dist_free(&d);
    /* Finite input can still overflow (values near 1e308 alternating in sign):
     * a non-finite forecast or bound is a failed computation, never a number. */
    for (k = 0; k < h; k++) {
        int bad = !isfinite(mean[k]);
        for (l = 0; !bad && l < nlevels; l++)
            bad = !isfinite(lo[l * h + k]) || !isfinite(hi[l * h + k]);
        if (bad)
            return gidx__error_set(GIDX_ERANGE,
                "forecast for %d (step %zu) is not finite (mean %g): the series' values "
                "overflow double-precision arithmetic; rescale them",
                gidx_model_last_year(m) + (int)k + 1, k + 1, mean[k]);
    }
    return GIDX_OK;
}

gidx_status gidx_model_prob(double *prob, const gidx_model *m, int year, double target,
                            int below)
{
    fc_dist d;
    gidx_status rc;
    size_t k;
    double x, p;
    if (prob == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_prob: NULL argument");
    if (!m->fitted)
        return gidx__error_set(GIDX_ESTATE, "gidx_model_prob: the model is not fitted");
    if (year <= gidx_model_last_year(m) || year - gidx_model_last_year(m) > 1000)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_prob: year %d is not within 1000 years "
                               "after the last year %d", year, gidx_model_last_year(m));
    if (!isfinite(target))
        return gidx__error_set(GIDX_EDATA, "gidx_model_prob: target is not finite");
    k = (size_t)(year - gidx_model_last_year(m));
    rc = dist_make(&d, m, k);
    if (rc != GIDX_OK)
        return rc;
    if (m->transform && target <= 0)
        p = 0.0; /* the transformed model puts no mass at or below 0 */
    else {
        x = m->transform ? bc(target, m->lambda) : target;
        p = dist_cdf(&d, k - 1, x);
    }
    dist_free(&d);
    *prob = below ? p : 1.0 - p;
    return GIDX_OK;
}

/* value: the absolute target, or (base_year != 0) the cut in exact percent
 * of the base-year value (negative: an increase); see gidx_model_target(). */
gidx_status gidx__model_target_pct(gidx_fc_target *res, const gidx_model *m, int year,
                                   double value, int base_year, int below)
{
    double target, mean[1000], last = NAN;
    gidx_status rc;
    size_t k, t;
    int last_year = 0;
    if (res == NULL || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_target: NULL argument");
    if (!m->fitted)
        return gidx__error_set(GIDX_ESTATE, "gidx_model_target: the model is not fitted");
    if (!isfinite(value))
        return gidx__error_set(GIDX_EINVAL, "gidx_model_target: target value is not finite");
    if (base_year != 0) {
        if (base_year < m->first_year || base_year >= m->first_year + (int)m->N ||
            isnan(m->y[base_year - m->first_year]))
            return gidx__error_set(GIDX_ENOTFOUND, "gidx_model_target: base year %d is not an "
                                   "observed year of the series", base_year);
        target = (1.0 - value / 100.0) * m->y[base_year - m->first_year];
    } else
        target = value;
    if (year <= gidx_model_last_year(m) || year - gidx_model_last_year(m) > 1000)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_target: target year %d is not within "
                               "1000 years after the last year %d", year, gidx_model_last_year(m));
    k = (size_t)(year - gidx_model_last_year(m));
    rc = gidx_model_forecast(mean, NULL, NULL, k, m, k, NULL, 0);
    if (rc != GIDX_OK)
        return rc;
    for (t = m->N; t-- > 0;)
        if (!isnan(m->y[t])) {
            last = m->y[t];
            last_year = m->first_year + (int)t;
            break;
        }
    memset(res, 0, sizeof *res);
    res->version = 1;
    res->target = target;
    res->forecast = mean[k - 1];
    res->gap = mean[k - 1] - target;
    res->last_value = last;
    res->last_year = last_year;
    rc = gidx_model_prob(&res->prob, m, year, target, below);
    if (rc != GIDX_OK)
        return rc;
    if (last == 0 || target / last <= 0)
        return gidx__error_set(GIDX_EDOM, "gidx_model_target: last value %g and target %g: no "
                               "constant annual rate leads from one to the other", last, target);
    res->rate_needed = pow(target / last, 1.0 / (double)(year - last_year)) - 1.0;
    return GIDX_OK;
}

gidx_status gidx_model_scenario(double *base_mean, double *scen_mean, double *scen_lo,
                                double *scen_hi, size_t cap, const gidx_model *m, size_t h,
                                const double *effect, const double *levels, size_t nlevels)
{
    size_t k, l;
    gidx_status rc;
    if (base_mean == NULL || scen_mean == NULL || effect == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_scenario: NULL argument");
    for (k = 0; k < h; k++)
        if (!isfinite(effect[k]))
            return gidx__error_set(GIDX_EDATA, "gidx_model_scenario: effect at step %zu (year %d) "
                                   "is not finite", k + 1, gidx_model_last_year(m) + (int)k + 1);
    rc = gidx_model_forecast(base_mean, scen_lo, scen_hi, cap, m, h, levels, nlevels);
    if (rc != GIDX_OK)
        return rc;
    for (k = 0; k < h; k++) {
        scen_mean[k] = base_mean[k] + effect[k];
        for (l = 0; l < nlevels; l++) {
            scen_lo[l * h + k] += effect[k];
            scen_hi[l * h + k] += effect[k];
        }
    }
    return GIDX_OK;
}

gidx_status gidx_model_residuals(double *res, size_t cap, size_t *span, const gidx_model *m)
{
    size_t t;
    double mean[1], sd[1], wm[FC_MAXCOMP], ws[FC_MAXCOMP];
    if ((res == NULL && cap > 0) || m == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_model_residuals: NULL argument");
    if (!m->fitted)
        return gidx__error_set(GIDX_ESTATE, "gidx_model_residuals: the model is not fitted");
    if (span)  /* also for the size query (res NULL, cap 0) */
        *span = m->N;
    if (cap < m->N)
        return gidx__error_set(GIDX_EBUFS, "gidx_model_residuals: room for %zu, %zu needed", cap,
                               m->N);
    for (t = 0; t < m->N; t++) {
        res[t] = NAN;
        if (t == 0 || isnan(m->y[t]))
            continue;
        if (model_fc(m, m->z, t, 1, mean, sd, wm, ws) != GIDX_OK || !isfinite(mean[0]))
            continue;
        res[t] = m->y[t] - (m->transform ? bcinv(mean[0], m->lambda) : mean[0]);
    }
    if (span)
        *span = m->N;
    return GIDX_OK;
}

/* The cut of a relative target by the one convention for levels and shares
 * (gidx_level_normalize): 55 and 0.55 are both a 55 % cut; a negative value
 * is an increase read by the same rule (-50 and -0.5: 50 % above the base);
 * 0, +-100 or more and NaN are refused naming the cut. */
gidx_status gidx_model_target(gidx_fc_target *res, const gidx_model *m, int year, double value,
                              int base_year, int below)
{
    double pct = value;
    if (base_year != 0 && !(fabs(value) > 0 && fabs(value) < 100))
        return gidx__error_set(GIDX_EINVAL, "gidx_model_target: cut %g is neither a percentage "
                               "in [1, 100) (55 = 55 %% below the base year, -20 = 20 %% above) nor "
                               "a fraction in (0, 1) (0.55)", value);
    if (base_year != 0 && gidx_level_normalize(&pct, fabs(value)) == GIDX_OK && value < 0)
        pct = -pct;
    return gidx__model_target_pct(res, m, year, pct, base_year, below);
}
