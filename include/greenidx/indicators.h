/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file indicators.h
 * @brief Indicator definitions, catalogues, the formula language, targets,
 *        indicator panels and validation.
 *
 * An indicator (::gidx_indicator) is a formula over named base variables of
 * a dataset, with names in English and Norwegian bokmål, a unit, a direction,
 * a pillar, a source and optionally a named target. A catalogue
 * (::gidx_catalog) holds indicators, the declared base variables and named
 * target records; it loads from and saves to JSON and is validated when
 * indicators are added or loaded (unknown variables, circular references).
 * Evaluating a catalogue on a dataset gives an indicator panel
 * (::gidx_panel) whose every missing value carries its reason. A validation
 * report (::gidx_validation) checks a panel (coverage, gaps, robust
 * outliers, skewness and kurtosis, sums against county totals, impossible
 * values, redundancy and Cronbach's alpha per pillar).
 *
 * The formula language (see docs/indicators.md): numbers, variables,
 * `+ - * / ^`, parentheses, unary minus, `log exp sqrt abs` (one argument),
 * `min max sum` (one or more), `lag(x, k)` (the k-th previous year in which x
 * is observed), `base(x, YEAR)`, `growth(x)` and `growth(x, k)`
 * (x / lag(x, k) - 1), and for an indicator with a target,
 * `target_path(x)` and `required_cut(x)`.
 */
#ifndef GREENIDX_INDICATORS_H
#define GREENIDX_INDICATORS_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed formula of the indicator language (opaque). */
typedef struct gidx_formula gidx_formula;
/** An indicator definition (opaque). */
typedef struct gidx_indicator gidx_indicator;
/** A catalogue of indicators, base variables and targets (opaque). */
typedef struct gidx_catalog gidx_catalog;
/** An indicator panel: region x year x indicator values with reasons (opaque). */
typedef struct gidx_panel gidx_panel;
/** A validation report of an indicator panel (opaque). */
typedef struct gidx_validation gidx_validation;

/** Which way an indicator is read. */
enum gidx_direction {
    GIDX_CONTEXT = 0,        /**< context only: neither higher nor lower is better */
    GIDX_HIGHER_BETTER = 1,  /**< higher values are better */
    GIDX_LOWER_BETTER = 2    /**< lower values are better */
};

/** Kind of a target. */
enum gidx_target_kind {
    GIDX_TARGET_RELATIVE = 1, /**< cut a percentage from the base-year level */
    GIDX_TARGET_ABSOLUTE = 2  /**< reach an absolute level */
};

/** Shape of a target path between the base year and the target year. */
enum gidx_target_path {
    GIDX_PATH_LINEAR = 0,        /**< straight line between the two levels */
    GIDX_PATH_CONSTANT_RATE = 1  /**< the same percentage cut every year */
};

/** Output formats of the renderers. */
enum gidx_ind_format {
    GIDX_IND_TEXT = 0,  /**< a human-readable table or text */
    GIDX_IND_CSV = 1,   /**< comma-separated values with a header line */
    GIDX_IND_JSON = 2   /**< JSON (UTF-8) */
};

/**
 * A target record. Strings are borrowed on input (the catalogue copies
 * them) and borrowed from the catalogue on output. Initialise with
 * ::GIDX_TARGET_SPEC_INIT.
 */
typedef struct gidx_target_spec {
    unsigned version;        /**< must be 1 */
    int kind;                /**< a ::gidx_target_kind */
    int path;                /**< a ::gidx_target_path */
    int base_year;           /**< year of the reference level */
    int target_year;         /**< year by which the target is to be met (> base_year) */
    double cut_percent;      /**< relative targets: the cut, in percent of the base level (0..100) */
    double level;            /**< absolute targets: the level to reach, in the indicator's unit */
    const char *region;      /**< whom the target binds ("NO", "5001"), or NULL */
    const char *description; /**< what the target says, or NULL */
    const char *source;      /**< the law, plan or decision it comes from, or NULL */
} gidx_target_spec;

/** Default target record: relative, linear path, all else zero. */
#define GIDX_TARGET_SPEC_INIT { 1u, GIDX_TARGET_RELATIVE, GIDX_PATH_LINEAR, 0, 0, 0.0, 0.0, NULL, NULL, NULL }

/**
 * The value of a target path in a year.
 *
 * With base level B (the observed level in the base year) and target level
 * T (B (1 - cut/100) for a relative target, the given level for an absolute
 * one), the path is B up to the base year, T from the target year on, and in
 * between B + (T - B) s (linear) or B (T / B)^s (constant rate), with
 * s = (year - base_year) / (target_year - base_year).
 *
 * @param value      out: the path value
 * @param t          the target
 * @param base_level the observed level in the target's base year
 * @param year       the year
 * @return ::GIDX_OK; ::GIDX_EINVAL for NULL, a bad kind/path or target_year
 *         <= base_year; ::GIDX_EDOM for a constant-rate path with a base or
 *         target level <= 0, or a non-finite base level.
 */
GIDX_API gidx_status gidx_target_path_value(double *value, const gidx_target_spec *t,
                                            double base_level, int year);

/**
 * The constant annual cut, in percent per year, that takes a level from
 * @p level in @p year to the target level by the target year:
 * 100 (1 - (T / level)^(1 / (target_year - year))). Negative when the
 * level is already below the target.
 *
 * @param pct        out: percent per year
 * @param t          the target
 * @param base_level the observed level in the target's base year
 * @param level      the current level (> 0)
 * @param year       the current year (< target_year)
 * @return ::GIDX_OK; ::GIDX_EDOM when year >= target_year or a level <= 0;
 *         ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_target_required_cut(double *pct, const gidx_target_spec *t,
                                              double base_level, double level, int year);

/* ------------------------------------------------------------- formulas */

/**
 * Parse a formula.
 *
 * @param out  out: the formula (free with gidx_formula_free()); NULL on failure
 * @param text the formula, UTF-8
 * @return ::GIDX_OK; ::GIDX_EPARSE with the 1-based column in the message
 *         ("column 7: expected ')'"); ::GIDX_ELIMIT for formulas longer than
 *         4096 bytes or nested deeper than 100; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_formula_parse(gidx_formula **out, const char *text);

/** Free a formula; NULL is a no-op. */
GIDX_API void gidx_formula_free(gidx_formula *f);

/** The formula's source text (borrowed). */
GIDX_API const char *gidx_formula_text(const gidx_formula *f);

/** Number of distinct variable names the formula uses. */
GIDX_API size_t gidx_formula_nvariables(const gidx_formula *f);

/** Variable name @p i (borrowed, in order of first use), NULL when out of range. */
GIDX_API const char *gidx_formula_variable(const gidx_formula *f, size_t i);

/**
 * Evaluate a formula for one region and year, variables read from @p ds.
 *
 * A missing result is not an error: *value is NaN and @p reason receives
 * why ("division by zero: population = 0 in 4003 2011", "ghg_road missing
 * for 4020 2013", "variable gdp not in dataset").
 *
 * @param value      out: the value, NaN when missing
 * @param reason     out: the reason for a missing value ("" otherwise); may be NULL
 * @param reason_cap room in @p reason (truncated to fit)
 * @param f          the formula
 * @param ds         the data
 * @param region     the region
 * @param year       the year (need not be a year of the dataset)
 * @param target     the target used by target_path() and required_cut(), or NULL
 * @return ::GIDX_OK (also for a missing value); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_formula_eval(double *value, char *reason, size_t reason_cap,
                                       const gidx_formula *f, const gidx_dataset *ds,
                                       const char *region, int year,
                                       const gidx_target_spec *target);

/* ------------------------------------------------------------ indicators */

/**
 * Create an indicator definition with an id and a formula. The other
 * fields start empty (direction ::GIDX_CONTEXT, no target, no range).
 *
 * @param out     out: the definition (free with gidx_indicator_free()); NULL on failure
 * @param id      stable identifier, snake_case: [a-z][a-z0-9_]*, at most 64 bytes
 * @param formula the formula
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad id, naming it); ::GIDX_EPARSE
 *         (naming the id and the column); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_indicator_new(gidx_indicator **out, const char *id,
                                        const char *formula);

/** Free a definition; NULL is a no-op. */
GIDX_API void gidx_indicator_free(gidx_indicator *ind);

/**
 * Set a text field of a definition (the text is copied).
 *
 * @param field one of "name_en", "name_nb", "description", "unit",
 *              "pillar", "source", "target" (the name of a target record;
 *              "" removes it)
 * @return ::GIDX_OK; ::GIDX_EINVAL for an unknown field or NULL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_indicator_set_text(gidx_indicator *ind, const char *field,
                                             const char *value);

/**
 * Set the direction (a ::gidx_direction).
 * @return ::GIDX_OK; ::GIDX_EINVAL for an unknown direction.
 */
GIDX_API gidx_status gidx_indicator_set_direction(gidx_indicator *ind, int direction);

/**
 * Set the range of possible values, used by validation to flag impossible
 * values (negative counts, shares above 100 %). NaN means "no bound".
 * @return ::GIDX_OK; ::GIDX_EINVAL when min > max.
 */
GIDX_API gidx_status gidx_indicator_set_range(gidx_indicator *ind, double min, double max);

/**
 * Declare whether the indicator is additive over regions (municipal values
 * sum to the county value), checked by validation.
 */
GIDX_API gidx_status gidx_indicator_set_additive(gidx_indicator *ind, int additive);

/** The id (borrowed). */
GIDX_API const char *gidx_indicator_id(const gidx_indicator *ind);
/** The formula text (borrowed). */
GIDX_API const char *gidx_indicator_formula(const gidx_indicator *ind);
/**
 * A text field (borrowed; "" when unset, NULL for an unknown field); the
 * fields of gidx_indicator_set_text().
 */
GIDX_API const char *gidx_indicator_text(const gidx_indicator *ind, const char *field);
/**
 * The indicator's display name in a language (borrowed): for "nb" (or "no")
 * the catalogue's `name_nb` (Norwegian bokmål), otherwise `name_en`; an
 * unset name falls back to `name_en`, then to the id. NULL only for a NULL
 * indicator.
 */
GIDX_API const char *gidx_indicator_name(const gidx_indicator *ind, const char *lang);
/** The direction, a ::gidx_direction. */
GIDX_API int gidx_indicator_direction(const gidx_indicator *ind);
/** The range set by gidx_indicator_set_range() (NaN = unbounded); either pointer may be NULL. */
GIDX_API void gidx_indicator_range(double *min, double *max, const gidx_indicator *ind);
/** 1 if the indicator is additive over regions, else 0. */
GIDX_API int gidx_indicator_additive(const gidx_indicator *ind);

/* ------------------------------------------------------------- catalogues */

/**
 * Create an empty catalogue.
 * @param out out: the catalogue (free with gidx_catalog_free()); NULL on failure
 * @param name a name for messages and the JSON "name" field, or NULL
 */
GIDX_API gidx_status gidx_catalog_new(gidx_catalog **out, const char *name);

/** Free a catalogue; NULL is a no-op. */
GIDX_API void gidx_catalog_free(gidx_catalog *cat);

/**
 * The built-in default catalogue: the same content as data/catalog/default.json
 * (which is compiled into the library): over 25 indicators in the pillars
 * environment, economy, innovation, energy and social, the base variables of
 * the embedded Telemark data plus further official series, and the target
 * records national, trondheim, bergen and municipal_2009.
 *
 * @param out out: a new catalogue owned by the caller; NULL on failure
 */
GIDX_API gidx_status gidx_catalog_default(gidx_catalog **out);

/**
 * Load a catalogue from a JSON file (format in docs/indicators.md), checking
 * every field, every formula, unknown variables and circular references.
 *
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (JSON syntax: file, line,
 *         column; formula syntax: indicator id and column); ::GIDX_EDATA
 *         (bad field, naming the indicator and field); ::GIDX_ENOTFOUND (an
 *         unknown variable or target, naming the indicator); ::GIDX_EDUPLICATE;
 *         ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_load_json(gidx_catalog **out, const char *path);

/**
 * Parse a catalogue from JSON text in memory; as gidx_catalog_load_json().
 * @param name name used in messages, or NULL
 */
GIDX_API gidx_status gidx_catalog_parse_json(gidx_catalog **out, const char *text,
                                             size_t len, const char *name);

/**
 * Render a catalogue. ::GIDX_IND_JSON gives the canonical JSON that
 * gidx_catalog_parse_json() reads back to an identical catalogue;
 * ::GIDX_IND_TEXT a table (id, pillar, direction, unit, formula);
 * ::GIDX_IND_CSV the same as CSV.
 *
 * @param buf    out: the text, NUL-terminated (may be NULL when cap is 0)
 * @param cap    room in @p buf
 * @param needed out: bytes needed including the NUL (may be NULL)
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < needed; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_catalog_render(char *buf, size_t cap, size_t *needed,
                                         const gidx_catalog *cat, int format);

/**
 * Save a catalogue as JSON (atomically, gidx_write_file()).
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_save_json(const gidx_catalog *cat, const char *path);

/** The catalogue's name (borrowed, "" when unnamed). */
GIDX_API const char *gidx_catalog_name(const gidx_catalog *cat);

/**
 * Declare a base variable that formulas may use.
 * @param unit   unit, or NULL
 * @param source publisher and table, or NULL
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad name); ::GIDX_EDUPLICATE; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_add_variable(gidx_catalog *cat, const char *name,
                                               const char *unit, const char *source);
/** Number of declared base variables. */
GIDX_API size_t gidx_catalog_nvariables(const gidx_catalog *cat);
/** Name of base variable @p i (borrowed), NULL when out of range. */
GIDX_API const char *gidx_catalog_variable(const gidx_catalog *cat, size_t i);
/**
 * A field of base variable @p i (borrowed): "name", "unit", "source" or
 * "fetch" (its fetch record as compact JSON, see gidx_fetch_plan_load());
 * NULL when absent, out of range or an unknown field.
 */
GIDX_API const char *gidx_catalog_variable_text(const gidx_catalog *cat, size_t i,
                                                const char *field);

/**
 * Add (a copy of) an indicator. Every name in its formula must be a
 * declared base variable or the id of an indicator already in the
 * catalogue; its target, if any, must be a target record of the catalogue.
 *
 * @return ::GIDX_OK; ::GIDX_EDUPLICATE (id taken by an indicator or a base
 *         variable); ::GIDX_ENOTFOUND (unknown variable or target, naming
 *         both); ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_add(gidx_catalog *cat, const gidx_indicator *ind);

/**
 * Replace an indicator's formula (e.g. the list of green industries),
 * re-checking unknown variables and circular references; on failure the
 * catalogue is unchanged.
 * @return as gidx_catalog_add(); ::GIDX_EPARSE; ::GIDX_EDATA for a circular
 *         reference (naming the cycle).
 */
GIDX_API gidx_status gidx_catalog_set_formula(gidx_catalog *cat, const char *id,
                                              const char *formula);

/** Number of indicators. */
GIDX_API size_t gidx_catalog_count(const gidx_catalog *cat);
/** Indicator @p i (borrowed, lives as long as the catalogue), NULL when out of range. */
GIDX_API const gidx_indicator *gidx_catalog_indicator(const gidx_catalog *cat, size_t i);
/**
 * Position of the indicator with id @p id.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the id.
 */
GIDX_API gidx_status gidx_catalog_find(size_t *i, const gidx_catalog *cat, const char *id);

/**
 * Add or replace a named target record (strings copied). Indicators refer to
 * targets by name, so replacing a record changes every indicator using it.
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad name, kind, path, years, or cut
 *         outside 0..100); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_set_target(gidx_catalog *cat, const char *name,
                                             const gidx_target_spec *t);
/**
 * Read a named target record; its strings are borrowed from the catalogue.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the target.
 */
GIDX_API gidx_status gidx_catalog_target(gidx_target_spec *t, const gidx_catalog *cat,
                                         const char *name);
/** Number of target records. */
GIDX_API size_t gidx_catalog_ntargets(const gidx_catalog *cat);
/** Name of target record @p i (borrowed), NULL when out of range. */
GIDX_API const char *gidx_catalog_target_name(const gidx_catalog *cat, size_t i);

/**
 * Name the regions a target record belongs to (its own target, e.g.
 * Trondheim's for 5001): the JSON key `regions` of the record. A region
 * belongs to one target at most. An empty list (n = 0) removes them.
 * @param regions @p n region codes (copied)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown target; ::GIDX_EINVAL
 *         (NULL or empty code); ::GIDX_EDUPLICATE when a region already
 *         belongs to another target (naming both); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_set_target_regions(gidx_catalog *cat, const char *name,
                                                     const char *const *regions, size_t n);
/**
 * The regions a target record belongs to.
 * @param regions out: up to @p cap borrowed codes (live as long as @p cat)
 * @param n       out: their number (also set on ::GIDX_EBUFS)
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown target.
 */
GIDX_API gidx_status gidx_catalog_target_regions(const char **regions, size_t cap, size_t *n,
                                                 const gidx_catalog *cat, const char *name);
/**
 * The target record that belongs to a region (whose `regions` name it).
 * @param name   out: the record's name (borrowed), NULL when there is none
 * @param region a region code, e.g. "5001"
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND when no record belongs to the region.
 */
GIDX_API gidx_status gidx_catalog_region_target(const char **name, const gidx_catalog *cat,
                                                const char *region);

/* ---------------------------------------------------------------- panels */

/**
 * Evaluate every indicator of a catalogue for every region and year of a
 * dataset. A value that cannot be computed is missing, with its reason.
 *
 * @param out out: the panel (free with gidx_panel_free()); NULL on failure
 * @param cat the catalogue (copied into the panel)
 * @param ds  the data (not kept)
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_panel_new(gidx_panel **out, const gidx_catalog *cat,
                                    const gidx_dataset *ds);

/** Free a panel; NULL is a no-op. */
GIDX_API void gidx_panel_free(gidx_panel *p);

/**
 * The panel's values as a dataset (borrowed, lives as long as the panel):
 * regions and years of the input, one variable per indicator id; missing
 * values are cells with ::GIDX_FLAG_MISSING. Region names are copied.
 */
GIDX_API const gidx_dataset *gidx_panel_dataset(const gidx_panel *p);

/** The catalogue the panel was computed from (borrowed copy). */
GIDX_API const gidx_catalog *gidx_panel_catalog(const gidx_panel *p);

/**
 * One value of the panel.
 *
 * @param value  out: the value, NaN when missing (may be NULL)
 * @param reason out: borrowed reason for a missing value, NULL when present (may be NULL)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown region, year or indicator.
 */
GIDX_API gidx_status gidx_panel_get(double *value, const char **reason, const gidx_panel *p,
                                    const char *region, int year, const char *indicator);

/** Number of missing values in the panel. */
GIDX_API size_t gidx_panel_nmissing(const gidx_panel *p);

/**
 * The regions of an indicator panel's values that carry the data to be
 * compared: a region's coverage is the number of ranked indicators of @p cat
 * (with a direction other than context and a pillar) that it has in at least
 * one year; a region is covered when its coverage is at least half the
 * largest coverage of any region (and not zero). With the embedded data this
 * is the Telemark set: the other regions have population alone, so only
 * population_growth, against about 25 indicators of Telemark. Rankings,
 * benchmarks and the composite index compare covered regions only.
 * @param idx   out: up to @p cap region indices of @p panel, in its order
 * @param n     out: the number of covered regions (also set on ::GIDX_EBUFS)
 * @param cat   the catalogue
 * @param panel an indicator panel's values (gidx_panel_dataset())
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_catalog_covered_regions(size_t *idx, size_t cap, size_t *n,
                                                  const gidx_catalog *cat,
                                                  const gidx_dataset *panel);

/**
 * Render a panel. CSV columns `region_code,region_name,year,indicator,value`
 * (empty value when missing); JSON an array of objects with those keys plus
 * `reason` for missing values; TEXT one line per region and year.
 *
 * @param buf    out: the text, NUL-terminated
 * @param cap    room in @p buf
 * @param needed out: bytes needed including the NUL (may be NULL)
 * @param region only this region (code or display name), or NULL for all
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown region; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_panel_render(char *buf, size_t cap, size_t *needed,
                                       const gidx_panel *p, int format, const char *region);

/* ------------------------------------------------------------ validation */

/** Options of gidx_validation_new(); initialise with ::GIDX_VALIDATION_OPTIONS_INIT. */
typedef struct gidx_validation_options {
    unsigned version;     /**< must be 1 */
    double z_threshold;   /**< robust |z| above which a value is an outlier (3.5) */
    double skew_limit;    /**< |skewness| limit (2) */
    double kurt_limit;    /**< excess-kurtosis limit (3.5); both must be exceeded */
    double r_limit;       /**< |Pearson r| above which two indicators are redundant (0.9) */
    double sum_tolerance; /**< relative tolerance of municipal sums vs county totals (0.005) */
} gidx_validation_options;

/** Default validation thresholds (Iglewicz & Hoaglin 1993; OECD/JRC 2008; COINr). */
#define GIDX_VALIDATION_OPTIONS_INIT { 1u, 3.5, 2.0, 3.5, 0.9, 0.005 }

/**
 * Validate an indicator panel. Checks, per indicator and region: coverage,
 * gaps in years, runs of missing values; per indicator: outliers by the
 * modified z-score 0.6745 (x - median) / MAD on levels (across
 * municipalities, per year, at least 5 values) and on year-to-year changes
 * (pooled), skewness
 * and excess kurtosis per year, municipal sums against county totals
 * (additive indicators; regions with 2-digit codes are counties of the
 * 4-digit codes starting with them), values outside the indicator's range;
 * per pillar: pairs with |r| above the limit and Cronbach's alpha.
 *
 * @param out out: the report (free with gidx_validation_free()); NULL on failure
 * @param p   the panel
 * @param opt options, or NULL for the defaults
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad option); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_validation_new(gidx_validation **out, const gidx_panel *p,
                                         const gidx_validation_options *opt);

/** Free a report; NULL is a no-op. */
GIDX_API void gidx_validation_free(gidx_validation *v);

/** Number of findings (flags raised). */
GIDX_API size_t gidx_validation_nfindings(const gidx_validation *v);

/**
 * Finding @p i. Every out-pointer may be NULL; strings are borrowed.
 *
 * @param check     out: "gap", "outlier_level", "outlier_change",
 *                  "skew_kurtosis", "county_sum", "impossible", "redundant"
 * @param indicator out: the indicator id
 * @param region    out: the region ("" when the finding is about all regions)
 * @param year      out: the year (0 when not about one year)
 * @param value     out: the statistic (z-score, skewness, r, relative difference...)
 * @param message   out: a one-line explanation
 * @return ::GIDX_OK; ::GIDX_EINVAL when i is out of range.
 */
GIDX_API gidx_status gidx_validation_finding(const char **check, const char **indicator,
                                             const char **region, int *year, double *value,
                                             const char **message,
                                             const gidx_validation *v, size_t i);

/**
 * Share of the panel's years in which an indicator is observed for a region.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND.
 */
GIDX_API gidx_status gidx_validation_coverage(double *coverage, const gidx_validation *v,
                                              const char *indicator, const char *region);

/**
 * Cronbach's alpha of a pillar, on the complete (municipality, year) cases
 * of its non-context indicators that have any value (lower-is-better ones
 * negated): k / (k - 1) (1 - sum s_i^2 / s_T^2) (Cronbach 1951).
 *
 * @param alpha out: alpha, NaN when it cannot be computed (fewer than 2
 *              indicators or 2 complete cases)
 * @param ncases out: the number of complete cases used (may be NULL)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown pillar.
 */
GIDX_API gidx_status gidx_validation_alpha(double *alpha, size_t *ncases,
                                           const gidx_validation *v, const char *pillar);

/**
 * Cronbach's alpha of a pillar on standardised items (each indicator
 * z-scored over the same complete cases, lower-is-better ones negated), so
 * that indicators on large scales do not dominate; equals the alpha of the
 * correlation matrix. Same cases and errors as gidx_validation_alpha().
 */
GIDX_API gidx_status gidx_validation_alpha_standardized(double *alpha, size_t *ncases,
                                                        const gidx_validation *v,
                                                        const char *pillar);

/**
 * Render a report: ::GIDX_IND_TEXT, ::GIDX_IND_JSON or ::GIDX_IND_CSV (one
 * row per finding: check,indicator,region,year,value,message).
 * @return as gidx_panel_render().
 */
GIDX_API gidx_status gidx_validation_render(char *buf, size_t cap, size_t *needed,
                                            const gidx_validation *v, int format);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_INDICATORS_H */
