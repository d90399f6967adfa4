/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file effects.h
 * @brief Policy-instrument effect estimators: difference-in-differences, event studies, staggered DiD, synthetic control, panel fixed effects.
 *
 * A ::gidx_effect_panel holds a long panel (one row per unit and time) with
 * named numeric variables, built from arrays or from a ::gidx_table. The
 * estimator is chosen and configured by a ::gidx_effect_options struct and
 * run by gidx_effect_estimate(), which returns a ::gidx_effect_result handle:
 * the headline estimate with its standard error, confidence interval and
 * p-value, plus method-specific rows (regression coefficients, ATT(g,t)
 * cells and their aggregations, donor weights, gap series, placebo and
 * leave-one-out fits), rendered as JSON, CSV or text by
 * gidx_effect_result_render().
 *
 * Methods and references (details in docs/effects.md):
 * - 2x2 difference-in-differences (Card & Krueger 1994, AER 84(4));
 * - two-way fixed effects and event study (Angrist & Pischke 2009, ch. 5),
 *   CR1 cluster-robust errors (Cameron & Miller 2015, JHR 50(2)) and CR2
 *   (Bell & McCaffrey 2002, Survey Methodology 28(2));
 * - staggered adoption: Callaway & Sant'Anna (2021), J. Econometrics 225(2),
 *   with the multiplier bootstrap of their section 4;
 * - synthetic control: Abadie, Diamond & Hainmueller (2010), JASA 105(490);
 * - within estimator: Baltagi (2021), Econometric Analysis of Panel Data,
 *   ch. 2-3; Croissant & Millo (2008), J. Stat. Software 27(2) (plm).
 */
#ifndef GREENIDX_EFFECTS_H
#define GREENIDX_EFFECTS_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>
#include <greenidx/table.h>
#include <math.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A long panel: units x times with named numeric variables (opaque). */
typedef struct gidx_effect_panel gidx_effect_panel;

/** The result of one estimation (opaque). */
typedef struct gidx_effect_result gidx_effect_result;

/** Estimators understood by gidx_effect_estimate(). */
enum gidx_effect_method {
    GIDX_EFFECT_DID = 0,   /**< 2x2 difference-in-differences by OLS on group, post and their product */
    GIDX_EFFECT_TWFE = 1,  /**< two-way fixed effects regression on the treatment dummy and covariates */
    GIDX_EFFECT_EVENT = 2, /**< event study: leads and lags of adoption with unit and time effects */
    GIDX_EFFECT_CSDID = 3, /**< Callaway & Sant'Anna (2021) group-time ATT and aggregations */
    GIDX_EFFECT_SYNTH = 4, /**< synthetic control (Abadie, Diamond & Hainmueller 2010) */
    GIDX_EFFECT_FE = 5     /**< within (fixed-effects) panel regression of the outcome on covariates */
};

/** Standard-error kinds for the regression estimators. */
enum gidx_effect_se {
    GIDX_EFFECT_SE_DEFAULT = 0,   /**< cluster for did/twfe/event, classical for fe */
    GIDX_EFFECT_SE_CLASSICAL = 1, /**< homoskedastic, residual df n - K - absorbed effects (plm's default) */
    GIDX_EFFECT_SE_ROBUST = 2,    /**< White HC1: n/(n-K) times the sandwich */
    GIDX_EFFECT_SE_CLUSTER = 3,   /**< CR1 clustered by unit: G/(G-1) (n-1)/(n-K) times the sandwich */
    GIDX_EFFECT_SE_CR2 = 4        /**< CR2 clustered by unit (Bell & McCaffrey 2002): residuals of each
                                       unit scaled by (I - H_gg)^-1/2; for the 2x2 did on a balanced
                                       panel the unequal-variance SE of the two groups' mean changes.
                                       Not with absorbed fixed effects (twfe, event, fe): ::GIDX_EUNSUPPORTED */
};

/** Control groups for ::GIDX_EFFECT_CSDID. */
enum gidx_effect_control {
    GIDX_EFFECT_CONTROL_NEVER = 0,  /**< never-treated units (group 0) */
    GIDX_EFFECT_CONTROL_NOTYET = 1  /**< never-treated and not-yet-treated units */
};

/** Output formats of gidx_effect_result_render(). */
enum gidx_effect_format {
    GIDX_EFFECT_JSON = 0,  /**< one JSON object (keys documented in docs/effects.md) */
    GIDX_EFFECT_CSV = 1,   /**< long CSV: kind,label,group,time,estimate,se,ci_low,ci_high,p_value */
    GIDX_EFFECT_TEXT = 2   /**< a human-readable table */
};

/** Options of gidx_effect_estimate(); initialise with ::GIDX_EFFECT_OPTIONS_INIT. */
typedef struct gidx_effect_options {
    unsigned version;        /**< must be 1 */
    int method;              /**< a ::gidx_effect_method */
    const char *outcome;     /**< outcome variable (required) */
    const char *treated;     /**< treated unit name(s), comma-separated (synth; did/twfe/event as an alternative to treat_col) */
    const char *treat_col;   /**< 0/1 treatment variable: ever-treated group (with treat_time) or the treatment dummy D(it) */
    const char *group_col;   /**< first treated period per row, 0 = never treated (csdid; twfe/event) */
    double treat_time;       /**< first treated period; NaN = not given */
    const char *covariates;  /**< comma-separated covariates (regressors for fe), or NULL */
    const char *predictors;  /**< synth predictors: `var@FROM-TO` or `var@YEAR`, comma-separated; NULL = pre-period outcomes */
    int se;                  /**< a ::gidx_effect_se */
    int control;             /**< a ::gidx_effect_control (csdid) */
    int twoways;             /**< fe: 0 = unit effects only, 1 = unit and time effects */
    int balanced;            /**< did/csdid: 1 = drop units not observed in every period used (default 0 keeps them for did; csdid always requires a balanced panel) */
    unsigned long seed;      /**< bootstrap seed (csdid) and synth's random V starts */
    size_t nboot;            /**< multiplier-bootstrap draws (csdid); 0 = 1000 */
    double level;            /**< confidence level of the intervals: percent (90) or a
                                  fraction (0.9), see gidx_level_normalize(); 0 = 95 */
    int ref_period;          /**< event: reference event time (default -1) */
    int placebo;             /**< synth: run placebo-in-space fits (default 1) */
    int leave_one_out;       /**< synth: refit without each donor of positive weight (default 0) */
    size_t nstarts;          /**< synth: Nelder-Mead starts for V; 0 = 4 */
    double synth_pre_from;   /**< synth: first year of the pre-period MSPE that V minimises; NaN = first year */
} gidx_effect_options;

/** Default options (method did, cluster SEs, seed 42, 1000 draws, 95 % intervals). */
#define GIDX_EFFECT_OPTIONS_INIT { 1u, GIDX_EFFECT_DID, NULL, NULL, NULL, NULL, \
    NAN, NULL, NULL, GIDX_EFFECT_SE_DEFAULT, GIDX_EFFECT_CONTROL_NEVER, 0, 0, \
    42ul, 0u, 0.0, -1, 1, 0, 0u, NAN }

/**
 * Create a panel from parallel arrays of unit names and times.
 *
 * @param out   out: the new panel (free with gidx_effect_panel_free()); NULL on failure
 * @param unit  @p n unit names (copied)
 * @param time  @p n finite times (years)
 * @param n     number of rows, >= 1
 * @return ::GIDX_OK; ::GIDX_EDUPLICATE naming a repeated (unit, time);
 *         ::GIDX_EDATA for a non-finite time naming its row; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_effect_panel_new(gidx_effect_panel **out,
                                           const char *const *unit,
                                           const double *time, size_t n);

/**
 * Create a panel from columns of a table: the unit column (text), the time
 * column (numbers) and the named numeric variables.
 *
 * @param out       out: the new panel; NULL on failure
 * @param t         the table (not kept)
 * @param unit_col  name of the unit column
 * @param time_col  name of the time column
 * @param vars      names of the variables to load; missing cells become NaN
 * @param nvars     number of names
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming an absent column; ::GIDX_EDATA
 *         naming file, line and column of a cell that is not a number;
 *         ::GIDX_EDUPLICATE; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_effect_panel_from_table(gidx_effect_panel **out,
                                                  const gidx_table *t,
                                                  const char *unit_col,
                                                  const char *time_col,
                                                  const char *const *vars, size_t nvars);

/**
 * Add (or replace) a variable, one value per row in construction order
 * (NaN = missing).
 *
 * @return ::GIDX_OK; ::GIDX_EINVAL when @p n differs from the number of rows; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_effect_panel_add(gidx_effect_panel *p, const char *name,
                                           const double *x, size_t n);

/** Free a panel; NULL is a no-op. */
GIDX_API void gidx_effect_panel_free(gidx_effect_panel *p);

/** Number of rows of the panel (0 for NULL). */
GIDX_API size_t gidx_effect_panel_nrows(const gidx_effect_panel *p);

/** Number of distinct units (0 for NULL). */
GIDX_API size_t gidx_effect_panel_nunits(const gidx_effect_panel *p);

/** Number of distinct times (0 for NULL). */
GIDX_API size_t gidx_effect_panel_ntimes(const gidx_effect_panel *p);

/**
 * Run an estimator.
 *
 * Unbalanced panels: did uses every available observation (or only units
 * seen in both periods with @c balanced = 1); twfe, event and fe use every
 * row with a complete outcome, treatment and covariates (the within
 * transformation is computed by alternating projections, exact for
 * unbalanced panels); csdid and synth need every unit observed in every
 * period they use and fail with ::GIDX_EDATA naming the unit and time that is
 * missing.
 *
 * @param out  out: the result (free with gidx_effect_result_free()); NULL on failure
 * @param p    the panel (not modified, not kept)
 * @param opt  options (required: method and outcome)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND (variable or treated unit absent: the
 *         message names it); ::GIDX_ETOOSHORT (too few pre-periods, naming
 *         the unit or group-time cell); ::GIDX_EDATA (no donors / no control
 *         units, unbalanced panel, missing value naming unit and time);
 *         ::GIDX_ESINGULAR (singular design naming the column);
 *         ::GIDX_EINVAL (bad option, malformed predictor spec); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_effect_estimate(gidx_effect_result **out,
                                          const gidx_effect_panel *p,
                                          const gidx_effect_options *opt);

/** Free a result; NULL is a no-op. */
GIDX_API void gidx_effect_result_free(gidx_effect_result *r);

/** The method that produced the result (a ::gidx_effect_method). */
GIDX_API int gidx_effect_result_method(const gidx_effect_result *r);

/**
 * The headline estimate: the DiD / treatment coefficient, the average of the
 * post-period event coefficients, the simple-aggregated ATT (csdid), or the
 * mean post-period gap (synth, first treated unit). Any output may be NULL.
 * Undefined values (e.g. the standard error of synth) are NaN.
 *
 * @return ::GIDX_OK; ::GIDX_EINVAL for a NULL result.
 */
GIDX_API gidx_status gidx_effect_result_summary(double *estimate, double *se,
                                                double *ci_low, double *ci_high,
                                                double *p_value,
                                                const gidx_effect_result *r);

/**
 * A named scalar of the result: "estimate", "se", "ci_low", "ci_high",
 * "p_value", "rmspe_pre", "placebo_p" (synth), "r2" (fe), "att_simple",
 * "att_group", "att_dynamic", "att_calendar" and their "_se" (csdid), "nobs".
 *
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the key when the result has no such value.
 */
GIDX_API gidx_status gidx_effect_result_value(double *value, const gidx_effect_result *r,
                                              const char *key);

/**
 * Number of result rows of one kind: "coef", "att_gt", "group", "dynamic",
 * "calendar", "weight", "gap", "placebo", "loo", "predictor".
 */
GIDX_API size_t gidx_effect_result_nrows(const gidx_effect_result *r, const char *kind);

/**
 * Row @p i of a kind (see gidx_effect_result_nrows()). Any output may be NULL.
 *
 * @param label  out: borrowed row label (coefficient name, donor unit, ...), valid while @p r lives
 * @param group  out: group / first treated period (att_gt, group), else NaN
 * @param time   out: time or event time (att_gt, dynamic, calendar, gap), else NaN
 * @param estimate out: the value (coefficient, ATT, weight, gap, MSPE ratio)
 * @param se     out: its standard error, NaN when undefined
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND when @p i is out of range for the kind.
 */
GIDX_API gidx_status gidx_effect_result_row(const char **label, double *group, double *time,
                                            double *estimate, double *se,
                                            const gidx_effect_result *r, const char *kind,
                                            size_t i);

/**
 * The estimated effect path, one value per period since adoption (event time
 * 0, 1, 2, ...): synth gaps after treatment, csdid dynamic ATT(e), event
 * study post coefficients, or the constant DiD/TWFE effect for @p cap periods
 * — a plain array for the forecasting layer's policy scenarios.
 *
 * @param out     out: up to @p cap values (caller-allocated)
 * @param cap     capacity of @p out
 * @param needed  out (may be NULL): the length of the path
 * @return ::GIDX_OK; ::GIDX_EBUFS when @p cap is smaller than the path
 *         (DiD/TWFE/FE fill exactly @p cap values and never fail so).
 */
GIDX_API gidx_status gidx_effect_result_path(double *out, size_t cap, size_t *needed,
                                             const gidx_effect_result *r);

/**
 * Render the result as text.
 *
 * @param out     out: the NUL-terminated text (caller-allocated), may be NULL when @p cap is 0
 * @param cap     capacity of @p out in bytes, including the NUL
 * @param needed  out (may be NULL): bytes needed including the NUL
 * @param r       the result
 * @param format  a ::gidx_effect_format
 * @return ::GIDX_OK; ::GIDX_EBUFS when @p cap is too small; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_effect_result_render(char *out, size_t cap, size_t *needed,
                                               const gidx_effect_result *r, int format);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_EFFECTS_H */
