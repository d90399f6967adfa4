/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file drivers.h
 * @brief What drove the change: LMDI-I decomposition of emissions into
 *        population, employment rate, industry structure and intensity, and
 *        Tapio decoupling (docs/decompose.md).
 *
 * For a region and year, emissions split into sectors of Miljødirektoratet's
 * municipal statistics. A business sector s follows
 * `E_s = P x (J/P) x (J_g/J) x (E_s/J_g)`, where P is population, J jobs and
 * J_g the jobs of the SN2007 group(s) mapped to s; a population-driven sector
 * follows `E_s = P x (E_s/P)`. Which sector is which, and which groups drive a
 * business sector, is a replaceable JSON table (::gidx_drivers_mapping;
 * the default is data/drivers/mapping.json).
 *
 * The change between two years is decomposed with the logarithmic mean
 * Divisia index method I (LMDI-I), additive or multiplicative: Ang, B.W.
 * (2005), "The LMDI approach to decomposition analysis: a practical guide",
 * Energy Policy 33, 867-871, Table 1; Ang, B.W. (2015), "LMDI decomposition
 * approach: A guide for implementation", Energy Policy 86, 233-238. Zero
 * values use the analytical limit of the LMDI terms (the limit the
 * small-value strategy converges to): Ang, B.W. & Liu, N. (2007), "Handling
 * zero values in index decomposition analysis", Energy Policy 35, 238-246.
 * Decoupling classes follow Tapio, P. (2005), "Towards a theory of
 * decoupling", Transport Policy 12, 137-151.
 */
#ifndef GREENIDX_DRIVERS_H
#define GREENIDX_DRIVERS_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Forms of an LMDI decomposition. */
enum gidx_lmdi_form {
    GIDX_LMDI_ADDITIVE = 0,       /**< effects in the aggregate's unit that sum to V^T - V^0 */
    GIDX_LMDI_MULTIPLICATIVE = 1  /**< factors that multiply to V^T / V^0 */
};

/**
 * LMDI-I decomposition of a sum of products (Ang 2005, Table 1, "LMDI-I").
 *
 * The aggregate is V = sum_i V_i with V_i = prod_k x_ik over @p nsub
 * sub-categories and @p nfactors factors. Additive: the effect of factor k
 * in sub-category i is L(V_i^T, V_i^0) ln(x_ik^T / x_ik^0), with the
 * logarithmic mean L(a, b) = (a - b) / (ln a - ln b), L(a, a) = a; the
 * effects sum to V^T - V^0 exactly. Multiplicative: the factor
 * exp(L(V_i^T, V_i^0) ln(x_ik^T / x_ik^0) / L(V^T, V^0)) (Ang 2015, eq. for
 * LMDI-I multiplicative), whose product over i and k is V^T / V^0.
 *
 * A sub-category that is zero in one of the two periods because exactly one
 * of its factors is zero takes the analytical limit (Ang & Liu 2007): the
 * whole change V_i^T - V_i^0 goes to that factor, every other factor of i
 * gets 0 (1 in the multiplicative form, through the same exponent). A
 * sub-category that is zero in both periods contributes nothing.
 *
 * @param out      out: nsub * nfactors effects, row-major by sub-category
 *                 (caller-allocated)
 * @param cap      room in @p out
 * @param x0       factors in period 0, nsub * nfactors values, row-major
 * @param n0       number of values in @p x0
 * @param x1       factors in period T, same layout
 * @param n1       number of values in @p x1 (must equal @p n0)
 * @param nfactors number of factors per sub-category (>= 1)
 * @param form     a ::gidx_lmdi_form
 * @return ::GIDX_OK; ::GIDX_EINVAL (NULL, sizes that do not match, unknown
 *         form); ::GIDX_EBUFS; ::GIDX_EDATA for a negative or non-finite
 *         factor (naming the sub-category, factor and period); ::GIDX_EDOM
 *         when a sub-category goes to or from zero through more than one
 *         zero factor (the limit is not unique) or, multiplicative, when the
 *         aggregate is zero in a period.
 */
GIDX_API gidx_status gidx_lmdi(double *out, size_t cap, const double *x0, size_t n0,
                               const double *x1, size_t n1, size_t nfactors, int form);

/** Tapio's (2005) eight decoupling classes, plus "undefined". */
enum gidx_tapio_class {
    GIDX_TAPIO_UNDEFINED = 0,             /**< the driver did not change: no elasticity */
    GIDX_TAPIO_STRONG_DECOUPLING = 1,     /**< driver up, emissions down (e < 0) */
    GIDX_TAPIO_WEAK_DECOUPLING = 2,       /**< both up, 0 <= e < 0.8 */
    GIDX_TAPIO_EXPANSIVE_COUPLING = 3,    /**< both up, 0.8 <= e <= 1.2 */
    GIDX_TAPIO_EXPANSIVE_NEGATIVE_DECOUPLING = 4, /**< both up, e > 1.2 */
    GIDX_TAPIO_STRONG_NEGATIVE_DECOUPLING = 5,    /**< driver down, emissions up (e < 0) */
    GIDX_TAPIO_WEAK_NEGATIVE_DECOUPLING = 6,      /**< both down, 0 <= e < 0.8 */
    GIDX_TAPIO_RECESSIVE_COUPLING = 7,    /**< both down, 0.8 <= e <= 1.2 */
    GIDX_TAPIO_RECESSIVE_DECOUPLING = 8   /**< both down, e > 1.2 */
};

/**
 * Tapio's (2005, Fig. 2) decoupling elasticity e = (dE/E0) / (dD/D0) of
 * emissions E against a driver D (jobs or population) and its class.
 * Boundaries: e = 0.8 and e = 1.2 belong to coupling, e = 0 (emissions
 * unchanged) to weak (negative) decoupling; compared exactly.
 *
 * @param cls        out: a ::gidx_tapio_class
 * @param elasticity out: e, NaN when the driver did not change (may be NULL)
 * @param e0,e1      emissions in the first and last year (> 0)
 * @param d0,d1      driver in the first and last year (> 0)
 * @return ::GIDX_OK; ::GIDX_EINVAL for NULL @p cls; ::GIDX_EDATA for a
 *         value that is not finite and positive.
 */
GIDX_API gidx_status gidx_tapio(int *cls, double *elasticity, double e0, double e1,
                                double d0, double d1);

/** Name of a ::gidx_tapio_class ("strong_decoupling", ..., "undefined"), static. */
GIDX_API const char *gidx_tapio_class_name(int cls);

/* ------------------------------------------------------------------------ */
/* The sector mapping                                                       */
/* ------------------------------------------------------------------------ */

/** The table of emission sectors, their kind and employment groups (opaque, immutable). */
typedef struct gidx_drivers_mapping gidx_drivers_mapping;

/** Kinds of sector in a ::gidx_drivers_mapping. */
enum gidx_sector_kind {
    GIDX_SECTOR_BUSINESS = 0,   /**< E_s = P x (J/P) x (J_g/J) x (E_s/J_g) */
    GIDX_SECTOR_POPULATION = 1  /**< E_s = P x (E_s/P) */
};

/**
 * The default mapping compiled into the library (data/drivers/mapping.json,
 * justified in docs/decompose.md).
 * @param out out: the mapping (free with gidx_drivers_mapping_free()); NULL on failure
 */
GIDX_API gidx_status gidx_drivers_mapping_default(gidx_drivers_mapping **out);

/**
 * Load a mapping from a JSON file of the layout of data/drivers/mapping.json:
 * `{"sectors": [{"id", "variable", "kind": "business"|"population",
 * "groups": [...]}, ...]}` plus optional `emissions_total`, `population` and
 * `jobs` variable names. A sector's variable must be one of
 * Miljødirektoratet's sectors (gidx_ghg_sector_variable()); a group is an
 * SSB 13470 group label or variable (gidx_sn2007_find()).
 *
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (invalid JSON with
 *         file:line:column); ::GIDX_ENOTFOUND for an unknown sector or
 *         group (naming the file and the sector); ::GIDX_EDATA for a missing
 *         field, an unknown kind, a business sector without groups or a
 *         population sector with groups; ::GIDX_EDUPLICATE for a sector or
 *         variable listed twice; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_drivers_mapping_load(gidx_drivers_mapping **out, const char *path);

/** As gidx_drivers_mapping_load(), from @p len bytes of JSON named @p name in messages. */
GIDX_API gidx_status gidx_drivers_mapping_parse(gidx_drivers_mapping **out, const char *json,
                                                size_t len, const char *name);

/** Free a mapping; NULL is a no-op. */
GIDX_API void gidx_drivers_mapping_free(gidx_drivers_mapping *m);

/** Number of sectors. */
GIDX_API size_t gidx_drivers_mapping_nsectors(const gidx_drivers_mapping *m);
/** Id of sector @p i (e.g. "industry"; borrowed), or NULL out of range. */
GIDX_API const char *gidx_drivers_mapping_sector(const gidx_drivers_mapping *m, size_t i);
/** Dataset variable of sector @p i (e.g. "ghg_industry"; borrowed), or NULL. */
GIDX_API const char *gidx_drivers_mapping_variable(const gidx_drivers_mapping *m, size_t i);
/** Kind (::gidx_sector_kind) of sector @p i; -1 out of range. */
GIDX_API int gidx_drivers_mapping_kind(const gidx_drivers_mapping *m, size_t i);
/** Number of employment groups of sector @p i (0 for population-driven sectors). */
GIDX_API size_t gidx_drivers_mapping_ngroups(const gidx_drivers_mapping *m, size_t i);
/** Employment variable of group @p j of sector @p i (borrowed), or NULL. */
GIDX_API const char *gidx_drivers_mapping_group(const gidx_drivers_mapping *m, size_t i,
                                                size_t j);

/* ------------------------------------------------------------------------ */
/* Decomposition of a dataset                                               */
/* ------------------------------------------------------------------------ */

/** The decomposition of every selected region and period (opaque, immutable). */
typedef struct gidx_decomposition gidx_decomposition;

/** Driver of the decomposition and of the decoupling elasticity. */
enum gidx_drivers_driver {
    GIDX_DRIVER_JOBS = 0,       /**< the full identity; Tapio against jobs */
    GIDX_DRIVER_POPULATION = 1  /**< every sector E_s = P x (E_s/P); Tapio against
                                     population (needs no employment data) */
};

/** Effects of a decomposition, in the order of the rows. */
enum gidx_lmdi_effect {
    GIDX_LMDI_POPULATION = 0,       /**< "population" */
    GIDX_LMDI_EMPLOYMENT_RATE = 1,  /**< "employment_rate": jobs per inhabitant */
    GIDX_LMDI_STRUCTURE = 2,        /**< "structure": the sector's groups' share of jobs */
    GIDX_LMDI_INTENSITY = 3,        /**< "intensity": emissions per job (per inhabitant) */
    GIDX_LMDI_TOTAL = 4             /**< "total": the sum (product) of the four */
};

/** Options of gidx_decompose(); initialise with ::GIDX_DECOMPOSE_OPTIONS_INIT. */
typedef struct gidx_decompose_options {
    unsigned version;                /**< must be 1 */
    const char *const *regions;      /**< region codes or names (gidx_dataset_match_region()); NULL = all */
    size_t nregions;                 /**< number of entries in @p regions */
    int from_year;                   /**< first year; 0 = each region's first year with every input */
    int to_year;                     /**< last year; 0 = each region's last year with every input */
    int chained;                     /**< 0: one period from..to; 1: year by year over the observed years */
    int form;                        /**< a ::gidx_lmdi_form */
    const gidx_drivers_mapping *mapping; /**< NULL = gidx_drivers_mapping_default() */
    int driver;                      /**< a ::gidx_drivers_driver */
} gidx_decompose_options;

/** Defaults: every region, cumulative over the longest complete span, additive, default mapping, jobs. */
#define GIDX_DECOMPOSE_OPTIONS_INIT { 1u, NULL, 0u, 0, 0, 0, GIDX_LMDI_ADDITIVE, NULL, GIDX_DRIVER_JOBS }

/**
 * Decompose the change of emissions of each region (gidx_lmdi() on the
 * identity of each sector; see the file comment) over one period
 * (from..to) or chained over consecutive observed years (a year that the
 * statistics skip, such as 2010, joins its neighbours: 2009-2011 is one link).
 *
 * A year is observed for a region when population, emissions (ghg_total)
 * and, with ::GIDX_DRIVER_JOBS, total jobs and every mapped group are
 * observed, and every sector's emissions are known. A sector that is not
 * set while ghg_total is observed is derived: as ghg_total minus the other
 * sectors when it is the only one missing, or as 0 when the other sectors
 * already sum to ghg_total (Miljødirektoratet lists no rows for a sector
 * without emissions). Every derived value, every zero handled by the limit
 * rule, every business sector with emissions but no jobs in its groups
 * (decomposed as population-driven in that period) and every skipped year is
 * reported as a case (gidx_decomposition_case()).
 *
 * @param out out: the decomposition (free with gidx_decomposition_free()); NULL on failure
 * @param ds  the dataset (e.g. gidx_dataset_load_default())
 * @param opt options, or NULL for ::GIDX_DECOMPOSE_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad options, from after to);
 *         ::GIDX_ENOTFOUND (unknown region, a variable missing from the
 *         dataset); ::GIDX_EDATA (negative emissions, zero or negative jobs
 *         or population, an input missing in an explicit from or to year,
 *         naming region, year and variable); ::GIDX_ETOOSHORT (a region with
 *         fewer than two observed years); ::GIDX_EDOM (multiplicative form
 *         with zero total emissions); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_decompose(gidx_decomposition **out, const gidx_dataset *ds,
                                    const gidx_decompose_options *opt);

/**
 * As gidx_decompose(), with the options as plain arguments: the form
 * language bindings call (a list of strings, integers and a handle).
 * @param regions   region codes or names; NULL (with @p nregions 0) = all
 * @param from_year first year, 0 = each region's first year with every input
 * @param to_year   last year, 0 = each region's last year with every input
 * @param chained   0 cumulative, 1 year by year
 * @param form      a ::gidx_lmdi_form
 * @param driver    a ::gidx_drivers_driver
 * @param mapping   the sector mapping, NULL for the default
 */
GIDX_API gidx_status gidx_decompose_args(gidx_decomposition **out, const gidx_dataset *ds,
                                         const char *const *regions, size_t nregions,
                                         int from_year, int to_year, int chained, int form,
                                         int driver, const gidx_drivers_mapping *mapping);

/** Free a decomposition; NULL is a no-op. */
GIDX_API void gidx_decomposition_free(gidx_decomposition *d);

/** The form (::gidx_lmdi_form) of the decomposition. */
GIDX_API int gidx_decomposition_form(const gidx_decomposition *d);
/** The driver (::gidx_drivers_driver) of the decomposition. */
GIDX_API int gidx_decomposition_driver(const gidx_decomposition *d);

/**
 * Number of rows: for each period, the five effects (population,
 * employment_rate, structure, intensity, total) of each sector and of
 * "total" (the sum over sectors, additive; the product, multiplicative).
 */
GIDX_API size_t gidx_decomposition_nrows(const gidx_decomposition *d);

/**
 * Row @p i, as in the CSV `region_code,region_name,from,to,effect,sector,value`.
 * Every out-parameter may be NULL; strings are borrowed from @p d.
 * @param value t CO2e (additive) or a factor (multiplicative)
 * @return ::GIDX_OK; ::GIDX_EINVAL when @p i is out of range.
 */
GIDX_API gidx_status gidx_decomposition_row(const char **region_code, const char **region_name,
                                            int *from, int *to, const char **effect,
                                            const char **sector, double *value,
                                            const gidx_decomposition *d, size_t i);

/** Number of periods (region x from-to). */
GIDX_API size_t gidx_decomposition_nperiods(const gidx_decomposition *d);

/**
 * Period @p i: its region, years, total emissions, driver (jobs or
 * population) at both ends, Tapio elasticity and class. Out-parameters may
 * be NULL; strings are borrowed.
 * @return ::GIDX_OK; ::GIDX_EINVAL when @p i is out of range.
 */
GIDX_API gidx_status gidx_decomposition_period(const char **region_code, int *from, int *to,
                                               double *e0, double *e1, double *driver0,
                                               double *driver1, double *elasticity,
                                               int *tapio_class, const gidx_decomposition *d,
                                               size_t i);

/**
 * The additive (or multiplicative) effects of period @p i summed (multiplied)
 * over sectors, in ::gidx_lmdi_effect order.
 * @param effects out: 5 values (caller-allocated)
 * @param cap room in @p effects (>= 5)
 */
GIDX_API gidx_status gidx_decomposition_period_effects(double *effects, size_t cap,
                                                       const gidx_decomposition *d, size_t i);

/** Number of reported zero-value and missing-value cases. */
GIDX_API size_t gidx_decomposition_ncases(const gidx_decomposition *d);

/**
 * Case @p i: the region, year, variable, kind ("zero_emissions",
 * "zero_jobs_in_group", "no_jobs_in_group", "derived_residual",
 * "derived_zero", "missing_year") and a sentence saying how it was handled.
 * Out-parameters may be NULL; strings are borrowed.
 */
GIDX_API gidx_status gidx_decomposition_case(const char **region_code, int *year,
                                             const char **variable, const char **kind,
                                             const char **message,
                                             const gidx_decomposition *d, size_t i);

/**
 * Render as CSV (`region_code,region_name,from,to,effect,sector,value`,
 * values with 17 significant digits).
 * @param out out: NUL-terminated text, free with gidx_free()
 * @param len out: its length (may be NULL)
 */
GIDX_API gidx_status gidx_decomposition_to_csv(char **out, size_t *len,
                                               const gidx_decomposition *d);
/** Render as JSON: `{"form", "driver", "rows": [...], "periods": [...], "cases": [...]}`. */
GIDX_API gidx_status gidx_decomposition_to_json(char **out, size_t *len,
                                                const gidx_decomposition *d);
/**
 * Render the periods as CSV: `region_code,region_name,from,to,emissions_from,
 * emissions_to,driver,driver_from,driver_to,elasticity,tapio` (empty
 * elasticity when undefined).
 */
GIDX_API gidx_status gidx_decomposition_periods_to_csv(char **out, size_t *len,
                                                       const gidx_decomposition *d);
/** Render the zero/missing-value cases as CSV: `region_code,year,variable,kind,message`. */
GIDX_API gidx_status gidx_decomposition_cases_to_csv(char **out, size_t *len,
                                                     const gidx_decomposition *d);
/** Render as a text table per period, with the Tapio class and the cases. */
GIDX_API gidx_status gidx_decomposition_to_text(char **out, size_t *len,
                                                const gidx_decomposition *d);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_DRIVERS_H */
