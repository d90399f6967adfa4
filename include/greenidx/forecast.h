/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file forecast.h
 * @brief Forecasting indicator series to 2030: ETS, ARIMA, Theta, trends,
 *        calibrated intervals, targets, scenarios, reconciliation.
 *
 * A ::gidx_model fits one yearly series given as arrays
 * `(const int *years, const double *y, size_t n)`: years strictly
 * increasing, NaN marks a missing value. Uneven years are real time gaps:
 * the series is placed on the annual grid from its first to its last year
 * and the years not given are missing observations, which every method
 * handles in its own recursion (state-space filters skip the update; the
 * random walk's variance grows with the gap).
 *
 * Methods and references (see docs/forecast.md):
 * - naive and random walk with drift (Hyndman & Athanasopoulos, FPP 3rd ed.,
 *   sec. 5.2 and 5.5);
 * - linear and log-linear trend by least squares;
 * - ETS(A|M, N|A|Ad, N) by maximum likelihood with the parameter bounds of
 *   Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with exponential
 *   smoothing", Springer, ch. 5 and R forecast's ets();
 * - ARIMA(p,d,q) with drift/constant, d from repeated KPSS tests and p, q
 *   by AICc (Hyndman & Khandakar 2008, J. Stat. Softw. 27(3)), exact
 *   Gaussian likelihood by the Kalman filter (Durbin & Koopman 2012);
 * - Theta (Assimakopoulos & Nikolopoulos 2000, IJF 16; as SES with drift,
 *   Hyndman & Billah 2003, IJF 19) and an optimised Theta (theta chosen by
 *   in-sample one-step MSE, after Fiorucci et al. 2016, IJF 32);
 * - `auto`: the best model of each family by AICc and the random walk,
 *   combined with weights from the series' own rolling-origin errors
 *   (Bates & Granger 1969; Kourentzes, Barrow & Petropoulos 2019); below 12
 *   observations the random walk alone when no model beats it out of
 *   sample, otherwise the weighted median (Petropoulos & Svetunkov 2020).
 *
 * Intervals are analytic where exact (naive, drift, trends, additive ETS,
 * ARIMA, Theta), simulated for multiplicative-error ETS, and by default
 * calibrated by the series' own rolling-origin forecast errors (see
 * ::gidx_model_options.calibrate).
 */
#ifndef GREENIDX_FORECAST_H
#define GREENIDX_FORECAST_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Forecasting methods (values of ::gidx_model_options.method). */
enum gidx_fc_method {
    GIDX_FC_AUTO = 0,     /**< best ETS, ARIMA and Theta by AICc and the random walk, weighted by rolling-origin errors */
    GIDX_FC_NAIVE = 1,    /**< random walk: the last observation */
    GIDX_FC_DRIFT = 2,    /**< random walk with drift */
    GIDX_FC_TREND = 3,    /**< linear trend in the year, least squares */
    GIDX_FC_LOGTREND = 4, /**< linear trend of log(y) (constant growth rate); y > 0 */
    GIDX_FC_ETS = 5,      /**< ETS: the best by AICc of the models below (additive errors only unless ::gidx_model_options.ets_errors = 1) */
    GIDX_FC_ETS_ANN = 6,  /**< ETS(A,N,N): simple exponential smoothing, additive errors */
    GIDX_FC_ETS_AAN = 7,  /**< ETS(A,A,N): Holt's linear trend */
    GIDX_FC_ETS_AADN = 8, /**< ETS(A,Ad,N): damped trend */
    GIDX_FC_ETS_MNN = 9,  /**< ETS(M,N,N): multiplicative errors; y > 0 */
    GIDX_FC_ETS_MAN = 10, /**< ETS(M,A,N) */
    GIDX_FC_ETS_MADN = 11,/**< ETS(M,Ad,N) */
    GIDX_FC_ARIMA = 12,   /**< ARIMA(p,d,q) with drift, orders by KPSS + AICc */
    GIDX_FC_THETA = 13,   /**< standard Theta (R forecast's thetaf) */
    GIDX_FC_OTHETA = 14,  /**< optimised Theta */
    GIDX_FC_THETAS = 15   /**< Theta family: the better of THETA and OTHETA by AICc */
};

/** Options for gidx_model_new(); initialise with ::GIDX_MODEL_OPTIONS_INIT. */
typedef struct gidx_model_options {
    unsigned version;      /**< must be 1 */
    int method;            /**< a ::gidx_fc_method */
    int boxcox;            /**< 1: fit on the Box-Cox scale with parameter lambda (y > 0 needed); 0: none */
    double lambda;         /**< Box-Cox parameter when boxcox = 1; 0 = log */
    int biasadj;           /**< 1: back-transformed point forecasts are means (bias-adjusted), 0: medians */
    int calibrate;         /**< 1: widen/narrow intervals by rolling-origin errors; 0: model formulas only */
    size_t nsim;           /**< 0: intervals of a multiplicative-error ETS model from R's analytic
                                class-2 variance (default); > 0: from that many simulated paths */
    unsigned long seed;    /**< seed of the simulation (MT19937) */
    int ets_errors;        /**< automatic ETS choice (methods ets and auto): 0 = among the
                                additive-error models (default; see docs/forecast.md for the
                                M3 evidence), 1 = additive and multiplicative errors, as R's ets() */
} gidx_model_options;

/** Default options: auto, no transform, calibrated intervals, analytic (not simulated) intervals, seed 42, additive-error ETS choice. */
#define GIDX_MODEL_OPTIONS_INIT { 1u, GIDX_FC_AUTO, 0, 0.0, 1, 1, 0u, 42ul, 0 }

/** A forecasting model of one yearly series (opaque). */
typedef struct gidx_model gidx_model;

/**
 * Parse a method name: auto, naive, drift, trend, logtrend, ets, ANN, AAN,
 * AAdN, MNN, MAN, MAdN, arima, theta, otheta, thetas (case-insensitive).
 *
 * @param method out: the ::gidx_fc_method
 * @param name   the name
 * @return ::GIDX_OK; ::GIDX_EINVAL naming the unknown method.
 */
GIDX_API gidx_status gidx_fc_method_parse(int *method, const char *name);

/**
 * The name of a method, e.g. "auto" or "AAdN" (static storage); "unknown" otherwise.
 */
GIDX_API const char *gidx_fc_method_name(int method);

/**
 * Create an unfitted model.
 *
 * @param out  out: the new model (free with gidx_model_free()); NULL on failure
 * @param opt  options, or NULL for ::GIDX_MODEL_OPTIONS_INIT (copied)
 * @return ::GIDX_OK; ::GIDX_EINVAL for a bad version, method or lambda (|lambda| > 2); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_model_new(gidx_model **out, const gidx_model_options *opt);

/** Free a model; NULL is a no-op. */
GIDX_API void gidx_model_free(gidx_model *m);

/**
 * Fit the model to a yearly series (replacing any earlier fit).
 *
 * Series shorter than a method needs degrade gracefully: the simpler model
 * used is reported by gidx_model_message() (e.g. "4 observations: random
 * walk with drift used instead of ETS").
 *
 * @param m      the model
 * @param years  the years, strictly increasing (copied)
 * @param y      the values, NaN = missing (copied)
 * @param n      number of years
 * @return ::GIDX_OK; ::GIDX_ETOOSHORT below 3 observed values;
 *         ::GIDX_EINVAL for NULL or unsorted/duplicate years (naming the year);
 *         ::GIDX_EDATA for an infinite value or a non-positive value under a
 *         log/Box-Cox transform or log trend (naming the year);
 *         ::GIDX_ELIMIT for a span over 1000 years; ::GIDX_ENOCONV; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_model_fit(gidx_model *m, const int *years, const double *y,
                                    size_t n);

/**
 * The fitted model's name, e.g. "ETS(A,Ad,N)", "ARIMA(0,1,1) with drift",
 * "Theta" or "Combination(ETS(A,A,N), ARIMA(0,1,0) with drift, Theta)".
 *
 * @return borrowed, valid until the next fit or free; "" when not fitted.
 */
GIDX_API const char *gidx_model_name(const gidx_model *m);

/**
 * Notes from the last fit: simpler models used for short series, families
 * dropped from the combination, the calibration factors. Borrowed; "" if none.
 */
GIDX_API const char *gidx_model_message(const gidx_model *m);

/**
 * Number of fitted components: 1 for a single model, up to 3 for `auto`
 * (ETS, ARIMA, Theta); 0 when not fitted.
 */
GIDX_API size_t gidx_model_ncomponents(const gidx_model *m);

/**
 * Name of component @p i (borrowed; NULL when out of range), as gidx_model_name().
 */
GIDX_API const char *gidx_model_component_name(const gidx_model *m, size_t i);

/**
 * Information criteria of component @p i (or of the model when it has one component).
 *
 * The log-likelihood is the Gaussian one of the method's state-space or
 * regression form on the (transformed) scale, as R forecast reports it:
 * for ETS, -0.5 * (n log(SSE) + 2 sum log|yhat|) (Hyndman et al. 2008,
 * eq. 5.3, without constants); for ARIMA and the others the full Gaussian
 * log-likelihood with the variance concentrated out.
 *
 * @param loglik  out: log-likelihood (may be NULL)
 * @param aicc    out: AICc (may be NULL); +Inf when too few observations
 * @param nobs    out: observations used (may be NULL)
 * @param nparams out: parameters counted in the AICc, including the variance (may be NULL)
 * @return ::GIDX_OK; ::GIDX_ESTATE when not fitted; ::GIDX_EINVAL when @p i is out of range.
 */
GIDX_API gidx_status gidx_model_criteria(double *loglik, double *aicc, size_t *nobs,
                                         size_t *nparams, const gidx_model *m, size_t i);

/**
 * Number of parameters of component @p i (0 when out of range or not fitted).
 */
GIDX_API size_t gidx_model_nparams(const gidx_model *m, size_t i);

/**
 * One parameter of component @p i: name ("alpha", "beta", "phi", "l0",
 * "b0", "ar1", "ma1", "drift", "intercept", "theta", "sigma2", ...) and value.
 *
 * @param name  out: borrowed name (may be NULL)
 * @param value out: the value (may be NULL)
 * @return ::GIDX_OK; ::GIDX_ESTATE when not fitted; ::GIDX_EINVAL out of range.
 */
GIDX_API gidx_status gidx_model_param(const char **name, double *value,
                                      const gidx_model *m, size_t i, size_t j);

/**
 * The last year of the fitted series (the forecast origin); 0 when not fitted.
 */
GIDX_API int gidx_model_last_year(const gidx_model *m);

/**
 * Forecast @p h years ahead (years last+1 ... last+h) with prediction
 * intervals at @p nlevels levels.
 *
 * @param mean    out: @p h point forecasts (means; medians when biasadj = 0 under a transform)
 * @param lo      out: lower bounds, level-major: lo[l * h + k]; may be NULL when nlevels = 0
 * @param hi      out: upper bounds, same layout
 * @param cap     room in @p mean (>= h) and in @p lo, @p hi (>= h * nlevels)
 * @param m       a fitted model (not modified: a const model may be shared by threads)
 * @param h       horizon in years, 1 ... 1000
 * @param levels  coverage levels in percent, each in (0, 100)
 * @param nlevels number of levels
 * @return ::GIDX_OK; ::GIDX_ESTATE when not fitted; ::GIDX_EBUFS; ::GIDX_EINVAL
 *         for a bad level or horizon; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_model_forecast(double *mean, double *lo, double *hi, size_t cap,
                                         const gidx_model *m, size_t h,
                                         const double *levels, size_t nlevels);

/**
 * Probability that the value in year @p year is at most (@p below = 1) or at
 * least (@p below = 0) @p target, from the model's (calibrated) predictive
 * distribution.
 *
 * @return ::GIDX_OK; ::GIDX_ESTATE; ::GIDX_EINVAL when year is not after the last year.
 */
GIDX_API gidx_status gidx_model_prob(double *prob, const gidx_model *m, int year,
                                     double target, int below);

/** The result of gidx_model_target(). */
typedef struct gidx_fc_target {
    unsigned version;     /**< 1 */
    double target;        /**< the target value in the target year */
    double forecast;      /**< the point forecast in the target year */
    double gap;           /**< forecast - target (positive: above the target) */
    double prob;          /**< probability of meeting the target */
    double rate_needed;   /**< constant annual relative change needed from the last observation, e.g. -0.05 */
    double last_value;    /**< the last observed value */
    int last_year;        /**< its year */
} gidx_fc_target;

/**
 * Evaluate a target: either an absolute @p value (when @p base_year is 0) or
 * a relative cut: target = (1 - cut / 100) * y(base_year), where the cut
 * follows the one convention for levels and shares (gidx_level_normalize()):
 * value = 55 or 0.55 both mean "55 % below the base year"; a negative value
 * is an increase read by the same rule (-50 or -0.5: 50 % above the base
 * year); 0, a magnitude of 100 or more and NaN are ::GIDX_EINVAL naming the cut. "Meeting" means at
 * most the target when @p below = 1 (emissions), at least when 0.
 *
 * @param res        out: the result
 * @param m          a fitted model
 * @param year       the target year, after the last observed year
 * @param value      target value, or the relative cut (percent, or a fraction in (0, 1)) when base_year != 0
 * @param base_year  0, or an observed year of the series
 * @param below      1: lower is better; 0: higher is better
 * @return ::GIDX_OK; ::GIDX_ESTATE; ::GIDX_EINVAL; ::GIDX_ENOTFOUND when the
 *         base year is not observed; ::GIDX_EDOM when the last value and the
 *         target have different signs (no constant rate exists).
 */
GIDX_API gidx_status gidx_model_target(gidx_fc_target *res, const gidx_model *m, int year,
                                       double value, int base_year, int below);

/**
 * Baseline and scenario side by side: the scenario is the baseline plus an
 * exogenous effect path (e.g. an estimated policy effect per year after
 * adoption), added on the original scale to the mean and the bounds (the
 * effect is treated as known).
 *
 * @param base_mean  out: h baseline means
 * @param scen_mean  out: h scenario means (base + effect)
 * @param scen_lo    out: h * nlevels scenario lower bounds (level-major)
 * @param scen_hi    out: h * nlevels scenario upper bounds
 * @param cap        room in each array (>= h, and >= h * nlevels for bounds)
 * @param m          a fitted model
 * @param h          horizon
 * @param effect     h effect values (year last+1 ... last+h); NaN is an error
 * @param levels     levels in percent
 * @param nlevels    number of levels
 * @return as gidx_model_forecast(); ::GIDX_EDATA for a non-finite effect.
 */
GIDX_API gidx_status gidx_model_scenario(double *base_mean, double *scen_mean,
                                         double *scen_lo, double *scen_hi, size_t cap,
                                         const gidx_model *m, size_t h,
                                         const double *effect, const double *levels,
                                         size_t nlevels);

/**
 * In-sample one-step residuals on the original scale at each year of the
 * annual grid from the first to the last year (NaN where not observed or
 * not defined), for MinT reconciliation.
 *
 * @param res   out: residuals; may be NULL when @p cap is 0 (a size query)
 * @param cap   room (>= span = last - first + 1)
 * @param span  out: the number written, or needed with ::GIDX_EBUFS (may be NULL)
 * @return ::GIDX_OK; ::GIDX_ESTATE; ::GIDX_EBUFS.
 */
GIDX_API gidx_status gidx_model_residuals(double *res, size_t cap, size_t *span,
                                          const gidx_model *m);

/* ------------------------------------------------------------------ accuracy */

/**
 * Accuracy of a forecast against the actual values: sMAPE on the 0-200 scale
 * (Makridakis & Hibon 2000), MASE scaled by the in-sample mean absolute first
 * difference (Hyndman & Koehler 2006), and interval coverage.
 *
 * @param smape     out: mean of 200 |a - f| / (|a| + |f|) (may be NULL)
 * @param mase      out: mean |a - f| / scale (may be NULL)
 * @param coverage  out: share of actuals inside [lo, hi] (may be NULL; NaN when lo is NULL)
 * @param actual    h actual values (NaN skipped)
 * @param fc        h forecasts
 * @param lo        h lower bounds or NULL
 * @param hi        h upper bounds or NULL
 * @param h         horizon
 * @param insample  the training values (for the MASE scale), NaN skipped
 * @param n         their number
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_EDATA when no actual is finite or the scale is 0.
 */
GIDX_API gidx_status gidx_fc_accuracy(double *smape, double *mase, double *coverage,
                                      const double *actual, const double *fc,
                                      const double *lo, const double *hi, size_t h,
                                      const double *insample, size_t n);

/* ----------------------------------------------------------- reconciliation */

/** Reconciliation methods (Wickramasuriya, Athanasopoulos & Hyndman 2019, JASA 114). */
enum gidx_reconcile_method {
    GIDX_RECONCILE_BU = 0,    /**< bottom-up: parent = sum of children */
    GIDX_RECONCILE_OLS = 1,   /**< OLS: W = I */
    GIDX_RECONCILE_WLS = 2,   /**< WLS structural: W = diag(number of children below each node) */
    GIDX_RECONCILE_MINT = 3   /**< MinT with shrinkage of the residual covariance (Schäfer & Strimmer 2005) */
};

/**
 * Reconcile the forecasts of @p nchild children (municipalities) with their
 * parent total (county) for a two-level hierarchy, so that children sum to
 * the parent in every period: ỹ = S (S' W⁻¹ S)⁻¹ S' W⁻¹ ŷ.
 *
 * @param out        out: reconciled forecasts, (nchild + 1) * h, row-major
 *                   by series: row 0 the parent, rows 1..nchild the children
 * @param cap        room in @p out
 * @param base       base forecasts, same layout
 * @param nchild     number of children, >= 1
 * @param h          number of periods
 * @param method     a ::gidx_reconcile_method
 * @param resid      for MinT: in-sample one-step residuals, (nchild + 1) * T,
 *                   same row layout (NaN rows are not allowed); NULL otherwise
 * @param T          number of residual periods (>= 2 for MinT)
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_EBUFS; ::GIDX_EDATA for a
 *         non-finite input (naming series and period); ::GIDX_ESINGULAR.
 */
GIDX_API gidx_status gidx_fc_reconcile(double *out, size_t cap, const double *base,
                                       size_t nchild, size_t h, int method,
                                       const double *resid, size_t T);

/* -------------------------------------------------------------------- batch */

/** Many series forecast in one call (opaque). */
typedef struct gidx_fc_batch gidx_fc_batch;

/**
 * Fit and forecast many series at once, on @p nthreads threads. A failing
 * series is recorded (status and message) and the batch goes on. Results do
 * not depend on the number of threads.
 *
 * Series are given as one long array: series s has the values
 * y[start[s] .. start[s+1]-1] with their years.
 *
 * @param out       out: the batch results (free with gidx_fc_batch_free()); NULL on failure
 * @param opt       model options for every series (NULL = defaults)
 * @param years     years of all series
 * @param y         values of all series (NaN = missing)
 * @param start     nseries + 1 offsets into @p years / @p y, non-decreasing, start[0] = 0
 * @param nseries   number of series
 * @param h         horizon
 * @param levels    levels in percent
 * @param nlevels   number of levels
 * @param nthreads  threads to use (0 = 1)
 * @return ::GIDX_OK even when some series failed; ::GIDX_EINVAL for bad
 *         offsets, horizon or levels; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fc_batch_run(gidx_fc_batch **out, const gidx_model_options *opt,
                                       const int *years, const double *y,
                                       const size_t *start, size_t nseries, size_t h,
                                       const double *levels, size_t nlevels,
                                       unsigned nthreads);

/** Free batch results; NULL is a no-op. */
GIDX_API void gidx_fc_batch_free(gidx_fc_batch *b);

/** Number of series in the batch. */
GIDX_API size_t gidx_fc_batch_size(const gidx_fc_batch *b);

/**
 * Status of series @p s: ::GIDX_OK or the error it failed with;
 * ::GIDX_EINVAL when @p s is out of range.
 */
GIDX_API gidx_status gidx_fc_batch_status(const gidx_fc_batch *b, size_t s);

/** Message of series @p s: its error, or the fit's notes (borrowed; "" if none; NULL out of range). */
GIDX_API const char *gidx_fc_batch_message(const gidx_fc_batch *b, size_t s);

/** Model name chosen for series @p s (borrowed; "" when failed; NULL out of range). */
GIDX_API const char *gidx_fc_batch_model(const gidx_fc_batch *b, size_t s);

/** The last observed year of series @p s (0 when failed or out of range). */
GIDX_API int gidx_fc_batch_last_year(const gidx_fc_batch *b, size_t s);

/**
 * Forecasts of series @p s, laid out as gidx_model_forecast().
 *
 * @return ::GIDX_OK; the series' own error when it failed; ::GIDX_EINVAL; ::GIDX_EBUFS.
 */
GIDX_API gidx_status gidx_fc_batch_forecast(double *mean, double *lo, double *hi, size_t cap,
                                            const gidx_fc_batch *b, size_t s);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_FORECAST_H */
