/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file composite.h
 * @brief Composite indices, benchmarking, multivariate checks, Monte Carlo uncertainty and Sobol sensitivity analysis.
 *
 * Follows the OECD/JRC Handbook on Constructing Composite Indicators (OECD
 * 2008) and the conventions of COINr (Becker et al., JRC, R package 1.1):
 * an index specification (::gidx_index_spec) holds the hierarchy indicator ->
 * pillar -> ... -> index with a weight per node, each indicator's direction
 * and optional target/goalposts, and the methodological choices
 * (::gidx_index_options). gidx_index_compute() applies it to a
 * ::gidx_dataset (units = regions, indicators = variables) and returns a
 * ::gidx_index_result with scores and ranks of every aggregate per unit and
 * year, every imputed value and every treated indicator.
 */
#ifndef GREENIDX_COMPOSITE_H
#define GREENIDX_COMPOSITE_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>
#include <greenidx/indicators.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An index specification: hierarchy, weights, directions, choices (opaque). */
typedef struct gidx_index_spec gidx_index_spec;
/** The result of gidx_index_compute() (opaque, immutable). */
typedef struct gidx_index_result gidx_index_result;
/** The result of gidx_index_uncertainty() (opaque, immutable). */
typedef struct gidx_index_uncertainty_result gidx_index_uncertainty_result;

/** Imputation methods (OECD 2008, sec. 1.3; COINr `Impute`). */
enum gidx_impute_method {
    GIDX_IMPUTE_NONE = 0,       /**< aggregate the values present */
    GIDX_IMPUTE_MEAN = 1,       /**< mean of the indicator over units, same year */
    GIDX_IMPUTE_MEDIAN = 2,     /**< median of the indicator over units, same year */
    GIDX_IMPUTE_GROUP_MEAN = 3, /**< mean over units of the same group (gidx_index_spec_set_group()) */
    GIDX_IMPUTE_LOCF = 4,       /**< last observation of the unit carried forward in time */
    GIDX_IMPUTE_LINEAR = 5      /**< linear interpolation in time between the unit's observations */
};

/** Outlier treatment (COINr `Treat` defaults; OECD 2008, sec. 1.5). */
enum gidx_treat_method {
    GIDX_TREAT_NONE = 0,          /**< no treatment */
    GIDX_TREAT_WINSORISE_LOG = 1  /**< winsorise up to `winmax` points while |skew| >= s and kurtosis >= k, else log */
};

/** Normalisation methods, all respecting the indicator's direction (OECD 2008, sec. 1.5). */
enum gidx_normalise_method {
    GIDX_NORM_MINMAX = 0,     /**< (x - min)/(max - min) mapped to [lo, hi] */
    GIDX_NORM_ZSCORE = 1,     /**< (x - mean)/sd (sample sd) */
    GIDX_NORM_RANK = 2,       /**< rank, ties averaged; best = n */
    GIDX_NORM_PERCENTILE = 3, /**< percentile rank (rank - 1)/(n - 1) * 100 */
    GIDX_NORM_DIST_BEST = 4,  /**< x / best, the best performer scoring 100 (ratio to leader) */
    GIDX_NORM_GOALPOSTS = 5   /**< 100 (x - lower)/(target - lower), capped to [0, 100] (OECD distance to target) */
};

/** Weighting schemes (OECD 2008, sec. 1.6). */
enum gidx_weight_method {
    GIDX_WEIGHTS_USER = 0,   /**< the weights given in the specification */
    GIDX_WEIGHTS_EQUAL = 1,  /**< equal weights among the children of each node */
    GIDX_WEIGHTS_PCA = 2,    /**< squared first-PC loadings of the children, scaled to sum 1 */
    GIDX_WEIGHTS_BOD = 3     /**< benefit of the doubt: each unit's most favourable weights (LP) */
};

/** Aggregation functions (OECD 2008, sec. 1.7). */
enum gidx_aggregate_method {
    GIDX_AGG_AMEAN = 0,    /**< weighted arithmetic mean of the available values */
    GIDX_AGG_GMEAN = 1,    /**< weighted geometric mean (values must be > 0) */
    GIDX_AGG_HMEAN = 2,    /**< weighted harmonic mean (values must be > 0) */
    GIDX_AGG_COPELAND = 3  /**< Copeland outranking score (non-compensatory) */
};

/** Methodological choices; initialise with ::GIDX_INDEX_OPTIONS_INIT. */
typedef struct gidx_index_options {
    unsigned version;     /**< must be 1 */
    int year;             /**< the year to compute; 0 = every year of the dataset */
    int denominate;       /**< 1 = divide indicators by their denominator variable */
    int impute;           /**< a ::gidx_impute_method */
    const char *impute_group; /**< group name for ::GIDX_IMPUTE_GROUP_MEAN (copied) */
    double screen_min_avail;  /**< drop units whose share of available indicators is below this; 0 = keep all */
    int treat;            /**< a ::gidx_treat_method */
    unsigned winmax;      /**< most points winsorised per indicator (COINr default 5) */
    double skew_thresh;   /**< |skew| threshold (default 2) */
    double kurt_thresh;   /**< kurtosis threshold (default 3.5) */
    int normalise;        /**< a ::gidx_normalise_method */
    double norm_lo;       /**< lower end of min-max (default 0) */
    double norm_hi;       /**< upper end of min-max (default 100) */
    int weights;          /**< a ::gidx_weight_method */
    double bod_min_share; /**< BoD: least share of each child in the unit's score (0 = unbounded) */
    double bod_max_share; /**< BoD: largest share of each child (1 = unbounded) */
    int aggregate;        /**< a ::gidx_aggregate_method */
    double min_avail;     /**< NONE imputation: a node's score needs this share of its children present (0..1) */
} gidx_index_options;

/** Default choices: all years, no denomination/imputation/treatment, min-max 0-100, user weights, arithmetic mean. */
#define GIDX_INDEX_OPTIONS_INIT { 1u, 0, 0, GIDX_IMPUTE_NONE, NULL, 0.0, GIDX_TREAT_NONE, 5u, 2.0, 3.5, \
    GIDX_NORM_MINMAX, 0.0, 100.0, GIDX_WEIGHTS_USER, 0.0, 1.0, GIDX_AGG_AMEAN, 0.0 }

/* ------------------------------------------------------------------ */
/* Specification                                                       */
/* ------------------------------------------------------------------ */

/**
 * Create an empty index specification with ::GIDX_INDEX_OPTIONS_INIT.
 * @param out out: the new specification (free with gidx_index_spec_free()); NULL on failure
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_index_spec_new(gidx_index_spec **out);
/** Free a specification; NULL is a no-op. */
GIDX_API void gidx_index_spec_free(gidx_index_spec *spec);

/**
 * Add an indicator (a leaf of the hierarchy).
 * @param code      indicator code = variable name in the dataset (copied)
 * @param parent    code of the aggregate it belongs to (copied; may be added later)
 * @param weight    weight within its parent, >= 0 and finite
 * @param direction +1 (more is better) or -1 (less is better)
 * @return ::GIDX_OK; ::GIDX_EDUPLICATE for a code already present; ::GIDX_EINVAL
 *         for an empty code/parent, a bad weight or direction.
 */
GIDX_API gidx_status gidx_index_spec_add_indicator(gidx_index_spec *spec, const char *code,
                                                   const char *parent, double weight,
                                                   int direction);
/**
 * Add an aggregate node (pillar, sub-index, index).
 * @param parent code of its parent, or NULL/"" for the root (exactly one root)
 * @param weight weight within its parent (ignored for the root)
 * @return as gidx_index_spec_add_indicator().
 */
GIDX_API gidx_status gidx_index_spec_add_aggregate(gidx_index_spec *spec, const char *code,
                                                   const char *parent, double weight);
/**
 * Add many indicators at once from plain arrays (the indicator catalogue layout).
 * @param codes, parents  @p n strings each
 * @param weights         @p n weights, or NULL for 1
 * @param directions      @p n directions, or NULL for +1
 * @return as gidx_index_spec_add_indicator(), naming the offending entry.
 */
GIDX_API gidx_status gidx_index_spec_add_indicators(gidx_index_spec *spec,
                                                    const char *const *codes,
                                                    const char *const *parents,
                                                    const double *weights,
                                                    const int *directions, size_t n);
/**
 * Set the goalposts of an indicator for ::GIDX_NORM_GOALPOSTS: @p lower scores 0,
 * @p target scores 100 (after applying the direction: for direction -1 lower is
 * the worst acceptable, larger value).
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND; ::GIDX_EINVAL when lower == target or non-finite.
 */
GIDX_API gidx_status gidx_index_spec_set_goalposts(gidx_index_spec *spec, const char *code,
                                                   double lower, double target);
/**
 * Set the target of an indicator (COINr's iMeta `Target`); the lower goalpost is
 * then the worst value observed in the year.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND; ::GIDX_EINVAL for a non-finite target.
 */
GIDX_API gidx_status gidx_index_spec_set_target(gidx_index_spec *spec, const char *code,
                                                double target);
/**
 * Name the dataset variable an indicator is divided by when
 * gidx_index_options::denominate is set (e.g. "Population").
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown indicator.
 */
GIDX_API gidx_status gidx_index_spec_set_denominator(gidx_index_spec *spec, const char *code,
                                                     const char *variable);
/**
 * Attach a grouping of units (e.g. "EurAsia_group": "AUT" -> "Europe"), used
 * by ::GIDX_IMPUTE_GROUP_MEAN. Units not listed form no group.
 * @param name     group variable name (copied)
 * @param units    @p n unit (region) codes
 * @param labels   @p n group labels; NULL or "" = no group
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_EDUPLICATE for a unit listed with two
 *         different labels (a unit repeated with the same label, one row per year, is fine).
 */
GIDX_API gidx_status gidx_index_spec_set_group(gidx_index_spec *spec, const char *name,
                                               const char *const *units,
                                               const char *const *labels, size_t n);
/**
 * Replace the methodological choices (the struct and its strings are copied).
 * @return ::GIDX_OK; ::GIDX_EINVAL for an unknown version, method or a bad threshold.
 */
GIDX_API gidx_status gidx_index_spec_set_options(gidx_index_spec *spec,
                                                 const gidx_index_options *opt);
/** The current choices (borrowed; strings live as long as @p spec). */
GIDX_API const gidx_index_options *gidx_index_spec_options(const gidx_index_spec *spec);
/** Number of nodes (indicators and aggregates). */
GIDX_API size_t gidx_index_spec_nnodes(const gidx_index_spec *spec);
/**
 * Describe node @p i (in order of addition).
 * @param code      out: borrowed code (may be NULL)
 * @param parent    out: borrowed parent code, "" for the root (may be NULL)
 * @param weight    out (may be NULL)
 * @param direction out: +1/-1 for indicators, 0 for aggregates (may be NULL)
 * @return ::GIDX_OK; ::GIDX_EINVAL when @p i is out of range.
 */
GIDX_API gidx_status gidx_index_spec_node(const char **code, const char **parent,
                                          double *weight, int *direction,
                                          const gidx_index_spec *spec, size_t i);

/**
 * Load COINr's unit-by-indicator layout: an iData table (one row per unit:
 * `uCode`, optional `uName`, group columns, optional `Time`, denominators,
 * indicators) and an iMeta table (`Level,iCode,iName,Direction,Weight,Unit,
 * Target,Denominator,Parent,Type` with Type Indicator/Aggregate/Group/
 * Denominator). Read with gidx_table_read_csv().
 *
 * @param data  out: units x Time x (indicators and denominators); names from uName
 * @param spec  out: the hierarchy, weights, directions, targets, denominators and groups
 * @param idata_path, imeta_path  file names
 * @return ::GIDX_OK; ::GIDX_EIO, ::GIDX_EPARSE from the CSV reader; ::GIDX_ENOTFOUND
 *         for a missing column (named); ::GIDX_EDATA for a bad cell (file:line,
 *         column); ::GIDX_EINVAL for an inconsistent hierarchy. Both outs NULL on failure.
 */
GIDX_API gidx_status gidx_index_load_coinr(gidx_dataset **data, gidx_index_spec **spec,
                                           const char *idata_path, const char *imeta_path);

/**
 * Set one choice from its textual form (the `greenidx index` options and the
 * "options" object of a JSON specification):
 * `year` (integer, 0 = all), `denominate` (true/false/1/0),
 * `impute` (none, mean, median, group-mean:COL, locf, linear),
 * `screen` (minimum share of available indicators, 0..1),
 * `treat` (none, winsorise:MAX), `normalise` (minmax[:LO,HI], zscore, rank,
 * percentile, distance-to-best, goalposts), `weights` (user, equal, pca,
 * bod[:MIN,MAX]), `aggregate` (amean, gmean, hmean, copeland), `min-avail` (0..1).
 *
 * @param opt   options to update (only the named field changes)
 * @param name  the option name
 * @param value its text; for group-mean:COL, opt->impute_group points into
 *              @p value, which must outlive the next gidx_index_spec_set_options()
 * @return ::GIDX_OK; ::GIDX_EINVAL naming the option and the bad value.
 */
GIDX_API gidx_status gidx_index_options_set(gidx_index_options *opt, const char *name,
                                            const char *value);
/**
 * Read an index specification from a JSON file:
 * `{"aggregates": [{"code", "parent", "weight"}], "indicators": [{"code",
 * "parent", "weight", "direction", "target", "lower", "denominator"}],
 * "options": {NAME: VALUE}}` (option names and values as
 * gidx_index_options_set(); numbers or strings). Only "code" and "parent"
 * are required (weight 1, direction 1 by default; the root has no parent).
 *
 * @param out  out: the specification (free with gidx_index_spec_free()); NULL on failure
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE with line and column (jansson's
 *         message); ::GIDX_EINVAL naming the entry at fault.
 */
GIDX_API gidx_status gidx_index_spec_read_json(gidx_index_spec **out, const char *path);
/**
 * Load a unit-by-indicator table (COINr iData layout: `uCode`, optional
 * `uName` and `Time`) for the indicators and denominators of @p spec, and, when
 * the spec's options impute by group, that group column into @p spec.
 *
 * @param data  out: the dataset (free with gidx_dataset_free()); NULL on failure
 * @return ::GIDX_OK; errors of gidx_table_read_csv(); ::GIDX_ENOTFOUND for a
 *         missing column; ::GIDX_EDATA for a bad cell (file:line, column).
 */
GIDX_API gidx_status gidx_index_load_units(gidx_dataset **data, gidx_index_spec *spec,
                                           const char *path);

/* ------------------------------------------------------------------ */
/* Computation and result                                              */
/* ------------------------------------------------------------------ */

/**
 * An index input from an indicator catalogue and its panel
 * (gidx_panel_dataset()): one root "index", the catalogue's pillars as
 * aggregates, and every indicator with a direction (higher or lower is
 * better; context-only indicators are left out) as a leaf with weight 1 and
 * its direction. Context-only indicators are copied into the data as
 * structural variables (for choosing peers), outside the hierarchy. Units are
 * the regions that have the indicators compared
 * (gidx_catalog_covered_regions()), and of those the municipalities when
 * counties (two-digit codes) are present too. Options: min-max
 * 0-100, arithmetic means, a node needs half its children (min_avail 0.5).
 *
 * Indicators observed for fewer than half the units in the reference year
 * are left out: the reference year is @p year, or with @p year = 0 the year
 * with the most indicator values (the latest on ties), and the index then
 * covers every year in which each kept indicator has at least two values.
 *
 * @param data     out: the values of the units and kept indicators (free with gidx_dataset_free())
 * @param spec     out: the specification (free with gidx_index_spec_free())
 * @param ref_year out: the reference year (may be NULL)
 * @param panel    the indicator panel's values
 * @param cat      the catalogue (pillars, directions)
 * @param year     one year, or 0
 * @return ::GIDX_OK; ::GIDX_EDATA when no indicator qualifies; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_index_from_catalog(gidx_dataset **data, gidx_index_spec **spec,
                                             int *ref_year, const gidx_dataset *panel,
                                             const gidx_catalog *cat, int year);

/**
 * Build the index: denominate, impute, screen units, treat, normalise, weight,
 * aggregate up the hierarchy and rank (ties get the lowest rank, as R's
 * `rank(-x, ties.method = "min")`).
 *
 * @param out   out: the result (free with gidx_index_result_free()); NULL on failure
 * @param spec  the specification (not modified; copied into the result as needed)
 * @param data  units = regions, indicators = variables
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an indicator absent from @p data;
 *         ::GIDX_EINVAL for a hierarchy without a single root, a cycle, an
 *         aggregate without children; ::GIDX_EDATA for a zero/missing
 *         denominator or constant indicator (naming indicator and year);
 *         ::GIDX_EDOM for a non-positive value in a geometric/harmonic mean
 *         (naming unit and node); ::GIDX_ETOOSHORT for fewer than 2 units.
 */
GIDX_API gidx_status gidx_index_compute(gidx_index_result **out, const gidx_index_spec *spec,
                                        const gidx_dataset *data);
/** Free a result; NULL is a no-op. */
GIDX_API void gidx_index_result_free(gidx_index_result *res);
/** Number of units (all regions of the dataset, screened-out ones included). */
GIDX_API size_t gidx_index_result_nunits(const gidx_index_result *res);
/** Unit code @p i (borrowed) or NULL. */
GIDX_API const char *gidx_index_result_unit(const gidx_index_result *res, size_t i);
/** Display name of unit @p i (borrowed) or NULL. */
GIDX_API const char *gidx_index_result_unit_name(const gidx_index_result *res, size_t i);
/** Number of years computed. */
GIDX_API size_t gidx_index_result_nyears(const gidx_index_result *res);
/** Year @p t (ascending), 0 when out of range. */
GIDX_API int gidx_index_result_year(const gidx_index_result *res, size_t t);
/** Number of aggregate nodes (root first, then in order of addition). */
GIDX_API size_t gidx_index_result_naggregates(const gidx_index_result *res);
/** Code of aggregate @p j (borrowed) or NULL; aggregate 0 is the root. */
GIDX_API const char *gidx_index_result_aggregate(const gidx_index_result *res, size_t j);
/** Number of indicators. */
GIDX_API size_t gidx_index_result_nindicators(const gidx_index_result *res);
/** Code of indicator @p k (borrowed) or NULL. */
GIDX_API const char *gidx_index_result_indicator(const gidx_index_result *res, size_t k);

/**
 * Scores of one node for every unit in one year (NaN for screened-out units).
 * @param out   @p cap >= gidx_index_result_nunits() values
 * @param node  an aggregate or indicator code (indicators give normalised values); NULL = root
 * @param year  a computed year, or 0 for the first
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown node or year.
 */
GIDX_API gidx_status gidx_index_result_scores(double *out, size_t cap,
                                              const gidx_index_result *res,
                                              const char *node, int year);
/**
 * Ranks of one node (1 = best; ties share the lowest rank; NaN when screened out).
 * Arguments as gidx_index_result_scores().
 */
GIDX_API gidx_status gidx_index_result_ranks(double *out, size_t cap,
                                             const gidx_index_result *res,
                                             const char *node, int year);
/**
 * The indicator values after denominate/impute/treat (before normalisation).
 * Arguments as gidx_index_result_scores() with an indicator code.
 */
GIDX_API gidx_status gidx_index_result_treated_values(double *out, size_t cap,
                                                      const gidx_index_result *res,
                                                      const char *indicator, int year);
/** Number of values that were imputed. */
GIDX_API size_t gidx_index_result_nimputed(const gidx_index_result *res);
/**
 * Imputed value @p i.
 * @param unit, indicator out: borrowed codes (may be NULL)
 * @param year  out (may be NULL)
 * @param value out (may be NULL)
 * @return ::GIDX_OK; ::GIDX_EINVAL when out of range.
 */
GIDX_API gidx_status gidx_index_result_imputed(const char **unit, int *year,
                                               const char **indicator, double *value,
                                               const gidx_index_result *res, size_t i);
/** Per-indicator outlier treatment report; see gidx_index_result_treatment(). */
typedef struct gidx_treatment_info {
    unsigned version;    /**< 1 */
    double skew_before;  /**< skewness (Excel/e1071 type 2) before treatment */
    double kurt_before;  /**< excess kurtosis (type 2) before treatment */
    double skew_after;   /**< after treatment */
    double kurt_after;   /**< after treatment */
    unsigned nwinsorised;/**< points winsorised (0 when the log transform was used) */
    int logged;          /**< 1 when the log transform replaced winsorisation */
    int failed_before;   /**< 1 when |skew| > s and kurtosis > k before treatment */
} gidx_treatment_info;
/**
 * The outlier treatment report of one indicator in one year.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown indicator or year.
 */
GIDX_API gidx_status gidx_index_result_treatment(gidx_treatment_info *info,
                                                 const gidx_index_result *res,
                                                 const char *indicator, int year);
/**
 * Whether each unit passed the screening in @p year (1) or was dropped (0).
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND.
 */
GIDX_API gidx_status gidx_index_result_included(int *out, size_t cap,
                                                const gidx_index_result *res, int year);

/**
 * The result as JSON text (written with jansson): `{"years": [...],
 * "aggregates": [...], "units": [{"code", "name", "year", "score", "rank",
 * "included", "aggregates": {CODE: score}, and with @p unc "rank_p05",
 * "rank_median", "rank_p95"}], "imputed": [{"unit", "year", "indicator",
 * "value"}], "treated": [{"indicator", "year", "skew_before", "kurt_before",
 * "winsorised", "logged"}]}`; missing numbers are null.
 *
 * @param buf     out: the NUL-terminated text (may be NULL when @p cap is 0)
 * @param cap     room in @p buf
 * @param needed  out: bytes needed including the NUL (may be NULL)
 * @param unc     an uncertainty analysis of the same specification, or NULL
 * @return ::GIDX_OK; ::GIDX_EBUFS when @p cap is too small; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_index_result_json(char *buf, size_t cap, size_t *needed,
                                            const gidx_index_result *res,
                                            const gidx_index_uncertainty_result *unc);

/**
 * Correlations of every indicator with its parent aggregate and with the
 * root index (normalised values, pairwise complete; Pearson or Spearman).
 * @param with_parent, with_index out: nindicators values each
 * @param spearman 1 for Spearman rank correlation, 0 for Pearson
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown year.
 */
GIDX_API gidx_status gidx_index_result_correlations(double *with_parent, double *with_index,
                                                    size_t cap, const gidx_index_result *res,
                                                    int year, int spearman);

/* ------------------------------------------------------------------ */
/* Multivariate statistics on plain arrays                             */
/* ------------------------------------------------------------------ */

/**
 * Sample skewness and excess kurtosis of the finite values of @p x, the
 * "type 2" estimators of Joanes & Gill (1998) used by Excel, e1071 and COINr.
 * @return ::GIDX_OK; ::GIDX_ETOOSHORT for fewer than 4 finite values;
 *         ::GIDX_EDATA for a constant vector.
 */
GIDX_API gidx_status gidx_skew_kurtosis(double *skew, double *kurt, const double *x, size_t n);
/**
 * Correlation matrix of the columns of the row-major n x p matrix @p X,
 * pairwise complete (NaN = missing).
 * @param out      p x p, row-major
 * @param spearman 1 = Spearman (ranks with ties averaged), 0 = Pearson
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < p*p; ::GIDX_EINVAL.
 *         Pairs with < 3 common values or zero variance give NaN.
 */
GIDX_API gidx_status gidx_correlation_matrix(double *out, size_t cap, const double *X,
                                             size_t n, size_t p, int spearman);
/**
 * Cronbach's alpha of the p items in the columns of @p X (Cronbach 1951):
 * p/(p-1) (1 - sum var_i / sum_ij cov_ij), covariances pairwise complete.
 * @return ::GIDX_OK; ::GIDX_EINVAL for p < 2; ::GIDX_EDATA for zero total variance.
 */
GIDX_API gidx_status gidx_cronbach_alpha(double *alpha, const double *X, size_t n, size_t p);
/**
 * Principal components of the standardised columns (correlation matrix) of
 * @p X using the rows without missing values (as R's
 * `prcomp(na.omit(X), scale. = TRUE)`), by GSL's symmetric eigensolver.
 * @param sdev     out: p standard deviations of the components (descending)
 * @param prop     out: p shares of variance explained (may be NULL)
 * @param loadings out: p x p row-major, column c = component c, sign fixed so
 *                 that the largest-magnitude loading is positive (may be NULL)
 * @param cap      room in @p loadings (>= p*p); @p sdev and @p prop need p
 * @return ::GIDX_OK; ::GIDX_ETOOSHORT for fewer than 2 complete rows;
 *         ::GIDX_EDATA for a constant column; ::GIDX_EBUFS.
 */
GIDX_API gidx_status gidx_pca(double *sdev, double *prop, double *loadings, size_t cap,
                              const double *X, size_t n, size_t p);
/**
 * Ranks of @p x: 1 for the largest (when @p descending) with ties given the
 * lowest rank (competition ranking "1224"); NaN stays NaN.
 */
GIDX_API gidx_status gidx_rank(double *out, const double *x, size_t n, int descending);
/**
 * Benefit-of-the-doubt score of one unit (Cherchye et al. 2007): the largest
 * sum_i w_i y_ui over weights w >= 0 with sum_i w_i y_vi <= 1 for every unit v
 * and, when @p min_share > 0 or @p max_share < 1, every share
 * w_i y_ui / sum_j w_j y_uj within [min_share, max_share]. Solved by a dense
 * simplex method (Bland's rule).
 * @param score out: in [0, 1]
 * @param w     out: the optimal weights, @p p values (may be NULL)
 * @param Y     n x p row-major, values >= 0 and finite
 * @param u     the unit
 * @return ::GIDX_OK; ::GIDX_EDOM for negative values; ::GIDX_EINVAL;
 *         ::GIDX_ENOCONV when the simplex cycles beyond its iteration limit.
 */
GIDX_API gidx_status gidx_bod_score(double *score, double *w, const double *Y, size_t n,
                                    size_t p, size_t u, double min_share, double max_share);

/* ------------------------------------------------------------------ */
/* Benchmarking                                                        */
/* ------------------------------------------------------------------ */

/**
 * The @p k units most similar to unit @p target by Euclidean distance of
 * standardised structural variables (columns of @p Z, n x p row-major,
 * z-scored over units; missing coordinates skipped and the distance rescaled).
 * @param idx  out: @p k unit indices, nearest first (ties by index)
 * @return ::GIDX_OK; ::GIDX_EINVAL for k >= n or target >= n.
 */
GIDX_API gidx_status gidx_peers_nearest(size_t *idx, size_t k, const double *Z, size_t n,
                                        size_t p, size_t target);
/**
 * Rank of a unit among itself and a peer group on a node's score.
 * @param rank  out: 1 = best within the group (ties lowest rank)
 * @param peers @p npeers unit indices (the unit itself may be absent)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND; ::GIDX_EINVAL; ::GIDX_EDATA when the unit has no score.
 */
GIDX_API gidx_status gidx_index_result_peer_rank(double *rank, const gidx_index_result *res,
                                                 size_t unit, const size_t *peers,
                                                 size_t npeers, const char *node, int year);
/**
 * Change in score and rank of every unit between two computed years
 * (score/rank in @p year_to minus those in @p year_from; a negative rank
 * change is an improvement). NaN where a unit has no score in either year.
 * @param dscore, drank out: nunits values each (either may be NULL)
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown node or year.
 */
GIDX_API gidx_status gidx_index_result_change(double *dscore, double *drank, size_t cap,
                                              const gidx_index_result *res, const char *node,
                                              int year_from, int year_to);
/**
 * A scorecard: for each indicator and aggregate, the unit's score minus the
 * mean score of its peers, in the node order of gidx_index_result_scorecard_node().
 * Positive = strength, negative = weakness.
 * @param diff  out: nindicators + naggregates values
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EINVAL; ::GIDX_ENOTFOUND.
 */
GIDX_API gidx_status gidx_index_result_scorecard(double *diff, size_t cap,
                                                 const gidx_index_result *res, size_t unit,
                                                 const size_t *peers, size_t npeers, int year);
/** Node code of scorecard entry @p i: indicators first, then aggregates (borrowed) or NULL. */
GIDX_API const char *gidx_index_result_scorecard_node(const gidx_index_result *res, size_t i);

/* ------------------------------------------------------------------ */
/* Uncertainty and sensitivity                                         */
/* ------------------------------------------------------------------ */

/** Progress callback: @p done of @p total rebuilds finished; return non-zero to cancel. Called from the worker threads, one call at a time (serialised by a mutex). */
typedef int (*gidx_progress_fn)(size_t done, size_t total, void *user);

/** Options of gidx_index_uncertainty(); initialise with ::GIDX_UNCERTAINTY_OPTIONS_INIT. */
typedef struct gidx_uncertainty_options {
    unsigned version;        /**< must be 1 */
    size_t n;                /**< replications (MC) or base sample size N (Sobol) */
    unsigned long seed;      /**< RNG seed (MT19937) */
    unsigned threads;        /**< worker threads; 0 or 1 = none. Results do not depend on it */
    int sobol;               /**< 1 = Saltelli design, N (k + 2) rebuilds, with Sobol indices */
    const int *impute_alts;  /**< ::gidx_impute_method alternatives (NULL = do not vary); a group-mean alternative uses the group named in the specification's options */
    size_t n_impute_alts;    /**< their number */
    const int *normalise_alts; /**< ::gidx_normalise_method alternatives (NULL = do not vary) */
    size_t n_normalise_alts; /**< their number */
    const int *aggregate_alts; /**< ::gidx_aggregate_method alternatives (NULL = do not vary) */
    size_t n_aggregate_alts; /**< their number */
    double weight_noise;     /**< weights multiplied by 1 + U(-x, x); 0 = do not vary */
    int exclude_one;         /**< 1 = factor "exclude one indicator (or none)" */
    gidx_progress_fn progress; /**< may be NULL */
    void *progress_user;     /**< passed to @p progress */
} gidx_uncertainty_options;

/** Defaults: 1000 replications, seed 1, no threads, plain Monte Carlo, nothing varied. */
#define GIDX_UNCERTAINTY_OPTIONS_INIT { 1u, 1000u, 1ul, 0u, 0, NULL, 0u, NULL, 0u, NULL, 0u, \
    0.0, 0, NULL, NULL }

/** Uncertain factors, in the order used by gidx_index_uncertainty_sobol(). */
enum gidx_uncertainty_factor {
    GIDX_FACTOR_IMPUTE = 0,    /**< imputation method */
    GIDX_FACTOR_NORMALISE = 1, /**< normalisation method */
    GIDX_FACTOR_AGGREGATE = 2, /**< aggregation method */
    GIDX_FACTOR_WEIGHTS = 3,   /**< weight perturbation */
    GIDX_FACTOR_EXCLUDE = 4    /**< exclusion of one indicator */
};

/**
 * Monte Carlo uncertainty analysis over the methodological choices (OECD
 * 2008 sec. 1.8; Saisana, Saltelli & Tarantola 2005) for the first computed
 * year of the specification. Each active factor is a uniform variable mapped
 * to an alternative; the index is rebuilt and the root's ranks recorded. With
 * @c sobol, the design is Saltelli's (2010) A, B, A_B^i radial scheme and the
 * first-order (Saltelli 2010) and total-effect (Jansen 1999) indices are
 * estimated for the mean absolute rank shift from the nominal ranking (COINr's
 * output, gidx_index_uncertainty_sobol()) and for each unit's rank
 * (gidx_index_uncertainty_sobol_unit()).
 *
 * @return ::GIDX_OK; ::GIDX_EINVAL for bad options (no factor, n == 0);
 *         errors of gidx_index_compute(); ::GIDX_ESTATE when the progress
 *         callback cancelled.
 */
GIDX_API gidx_status gidx_index_uncertainty(gidx_index_uncertainty_result **out,
                                            const gidx_index_spec *spec,
                                            const gidx_dataset *data,
                                            const gidx_uncertainty_options *opt);
/** Free an uncertainty result; NULL is a no-op. */
GIDX_API void gidx_index_uncertainty_free(gidx_index_uncertainty_result *u);
/** Number of units. */
GIDX_API size_t gidx_index_uncertainty_nunits(const gidx_index_uncertainty_result *u);
/** Number of index rebuilds done. */
GIDX_API size_t gidx_index_uncertainty_nruns(const gidx_index_uncertainty_result *u);
/**
 * Per-unit rank summary: nominal rank, median, 5 % and 95 % quantiles of the
 * rank over the replications (type 7 quantiles, as R's default). Each array
 * is @p cap >= nunits (any may be NULL). NaN for screened-out units.
 * @return ::GIDX_OK; ::GIDX_EBUFS.
 */
GIDX_API gidx_status gidx_index_uncertainty_ranks(double *nominal, double *median,
                                                  double *p05, double *p95, size_t cap,
                                                  const gidx_index_uncertainty_result *u);
/**
 * Sobol indices of each factor (::gidx_uncertainty_factor order; NaN for a
 * factor not varied) on the mean absolute rank shift.
 * @param first, total out: 5 values each
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < 5; ::GIDX_ESTATE when not a Sobol run.
 */
GIDX_API gidx_status gidx_index_uncertainty_sobol(double *first, double *total, size_t cap,
                                                  const gidx_index_uncertainty_result *u);

/**
 * Sobol indices of each factor on one unit's rank (same order and estimators
 * as gidx_index_uncertainty_sobol()); NaN for a factor not varied, and for
 * every factor when the unit's rank never changes or it was screened out.
 * @param unit  0 .. nunits - 1
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < 5; ::GIDX_EINVAL for a unit out
 *         of range; ::GIDX_ESTATE when not a Sobol run.
 */
GIDX_API gidx_status gidx_index_uncertainty_sobol_unit(double *first, double *total, size_t cap,
                                                       const gidx_index_uncertainty_result *u,
                                                       size_t unit);

/**
 * Sobol first-order (Saltelli et al. 2010, eq. (b) of Table 2) and total
 * (Jansen 1999) indices from model outputs on the radial design.
 * @param yA, yB  @p N outputs at the rows of A and B
 * @param yAB     @p k x @p N outputs at A_B^i (row i = A with column i from B)
 * @param first, total out: @p k values each
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_EDATA when the output variance is 0.
 */
GIDX_API gidx_status gidx_sobol_indices(double *first, double *total, const double *yA,
                                        const double *yB, const double *yAB, size_t N,
                                        size_t k);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_COMPOSITE_H */
