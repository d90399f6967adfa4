/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file dataset.h
 * @brief The dataset: a panel of region x year x variable -> value with flags.
 *
 * A ::gidx_dataset is the library's common currency: loaders (CSV, JSON-stat,
 * the embedded Telemark data) produce one, the indicator layer reads one and
 * produces another (the indicator panel), and the composite, forecasting and
 * effect layers read them. Regions and variables are identified by UTF-8
 * strings (a region is usually a municipality or county code such as "4003",
 * but any unit name works: "California", "firm 3"); years are integers.
 *
 * Cells that were never set read as missing (NaN with ::GIDX_FLAG_MISSING).
 * A dataset is mutable by one thread; a const dataset may be read from many
 * threads at once (no getter modifies it).
 */
#ifndef GREENIDX_DATASET_H
#define GREENIDX_DATASET_H

#include <greenidx/common.h>
#include <greenidx/table.h>
#include <greenidx/xlsx.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A region x year x variable panel (opaque). */
typedef struct gidx_dataset gidx_dataset;

/** Status of one cell of a dataset (SSB's symbols in brackets). */
enum gidx_flag {
    GIDX_FLAG_OK = 0,              /**< an ordinary observed value */
    GIDX_FLAG_MISSING = 1,         /**< not observed (empty, NA, `:`, `-`) */
    GIDX_FLAG_CONFIDENTIAL = 2,    /**< suppressed for confidentiality (`..`) */
    GIDX_FLAG_NOT_APPLICABLE = 3,  /**< logically impossible (`.`) */
    GIDX_FLAG_PROVISIONAL = 4      /**< a value that may still be revised */
};

/**
 * Create an empty dataset.
 * @param out out: the new dataset (free with gidx_dataset_free()); NULL on failure
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_dataset_new(gidx_dataset **out);

/** Free a dataset; NULL is a no-op. */
GIDX_API void gidx_dataset_free(gidx_dataset *ds);

/**
 * Deep copy of a dataset (values, flags, region names, metadata).
 * @param out out: the copy, owned by the caller; NULL on failure
 */
GIDX_API gidx_status gidx_dataset_copy(gidx_dataset **out, const gidx_dataset *ds);

/**
 * Copy of a dataset restricted to some regions: their cells, names and the
 * dataset's metadata, regions in the order of @p ds.
 * @param out     out: the copy, owned by the caller; NULL on failure
 * @param regions @p n region codes (each must be in @p ds)
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOTFOUND naming a code that is
 *         not in the dataset; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_copy_regions(gidx_dataset **out, const gidx_dataset *ds,
                                               const char *const *regions, size_t n);

/**
 * Set one cell, replacing any earlier value.
 *
 * @param value a finite number for ::GIDX_FLAG_OK and ::GIDX_FLAG_PROVISIONAL;
 *              ignored (stored as NaN) for the missing flags
 * @param flag  a ::gidx_flag
 * @return ::GIDX_OK; ::GIDX_EINVAL (empty names, unknown flag);
 *         ::GIDX_EDATA (non-finite value with an OK/provisional flag, naming
 *         region, year and variable); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_set(gidx_dataset *ds, const char *region,
                                      int year, const char *variable,
                                      double value, int flag);

/**
 * Read one cell.
 *
 * @param value out: the value, NaN when missing (may be NULL)
 * @param flag  out: the ::gidx_flag, ::GIDX_FLAG_MISSING for a cell never set (may be NULL)
 * @return ::GIDX_OK (also for a cell never set); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_dataset_get(double *value, int *flag,
                                      const gidx_dataset *ds, const char *region,
                                      int year, const char *variable);

/** 1 if the cell was set (with any flag), else 0. */
GIDX_API int gidx_dataset_has(const gidx_dataset *ds, const char *region,
                              int year, const char *variable);

/** Number of distinct regions, in order of first appearance. */
GIDX_API size_t gidx_dataset_nregions(const gidx_dataset *ds);
/** Region @p i (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_dataset_region(const gidx_dataset *ds, size_t i);
/** Number of distinct variables, in order of first appearance. */
GIDX_API size_t gidx_dataset_nvariables(const gidx_dataset *ds);
/** Variable @p i (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_dataset_variable(const gidx_dataset *ds, size_t i);
/** Number of distinct years. */
GIDX_API size_t gidx_dataset_nyears(const gidx_dataset *ds);
/** Year @p i in ascending order; 0 when out of range. */
GIDX_API int gidx_dataset_year(const gidx_dataset *ds, size_t i);
/** Number of cells that were set. */
GIDX_API size_t gidx_dataset_ncells(const gidx_dataset *ds);

/**
 * Position of a region in the region list.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the region.
 */
GIDX_API gidx_status gidx_dataset_find_region(size_t *i, const gidx_dataset *ds,
                                              const char *region);
/**
 * Position of a region given by its code or its display name: an exact
 * code first, then the display name (or the code of a region without
 * one), ASCII case-insensitive ("4003", "Skien", "skien").
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the region; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_dataset_match_region(size_t *i, const gidx_dataset *ds,
                                               const char *code_or_name);
/**
 * Position of a variable in the variable list.
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the variable.
 */
GIDX_API gidx_status gidx_dataset_find_variable(size_t *i, const gidx_dataset *ds,
                                                const char *variable);

/**
 * One region's series of one variable over all the dataset's years
 * (aligned with gidx_dataset_year()).
 *
 * @param values out: @p cap values, NaN where missing (caller-allocated)
 * @param flags  out: @p cap flags (may be NULL)
 * @param cap    room in the arrays; must be >= gidx_dataset_nyears()
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown region or variable.
 */
GIDX_API gidx_status gidx_dataset_series(double *values, int *flags, size_t cap,
                                         const gidx_dataset *ds,
                                         const char *region, const char *variable);

/**
 * Attach a display name to a region (e.g. "4003" -> "Skien"), replacing any
 * earlier one. The region need not have data yet.
 */
GIDX_API gidx_status gidx_dataset_set_region_name(gidx_dataset *ds,
                                                  const char *region,
                                                  const char *name);
/** The display name of a region (borrowed), or the region itself when none is set. */
GIDX_API const char *gidx_dataset_region_name(const gidx_dataset *ds,
                                              const char *region);

/**
 * Attach a provenance or metadata entry (e.g. "source", "retrieved",
 * "updated"), replacing an earlier value under the same key.
 */
GIDX_API gidx_status gidx_dataset_set_meta(gidx_dataset *ds, const char *key,
                                           const char *value);
/** A metadata value (borrowed), or NULL when the key is not set. */
GIDX_API const char *gidx_dataset_meta(const gidx_dataset *ds, const char *key);
/** Number of metadata entries. */
GIDX_API size_t gidx_dataset_nmeta(const gidx_dataset *ds);
/** Metadata key @p i (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_dataset_meta_key(const gidx_dataset *ds, size_t i);


/* ------------------------------------------------------------------------ */
/* Region registry                                                          */
/* ------------------------------------------------------------------------ */

/**
 * A registry of Norwegian municipalities and counties (opaque): codes, UTF-8
 * names, level, parent county, validity period and the 2024 municipality each
 * code belongs to, across the 2018, 2020 and 2024 reforms (SSB's KLASS 131
 * and 104). Immutable once loaded; a const registry may be shared by threads.
 */
typedef struct gidx_registry gidx_registry;

/** Level of a region in a ::gidx_registry. */
enum gidx_region_level {
    GIDX_LEVEL_ANY = 0,           /**< in lookups: any level */
    GIDX_LEVEL_MUNICIPALITY = 1,  /**< a municipality (kommune), 4-digit code */
    GIDX_LEVEL_COUNTY = 2         /**< a county (fylke), 2-digit code */
};

/**
 * The registry compiled into the library (data/regions/: every municipality
 * code used since 1994 with its 2024 successor, and the county codes).
 *
 * @param out out: the registry (free with gidx_registry_free()); NULL on failure
 * @return ::GIDX_OK; ::GIDX_ENOMEM; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_registry_load_default(gidx_registry **out);

/**
 * Load a registry from a municipality correspondence CSV
 * (`code_2024,name_2024,code,name,valid_from,valid_to`) and a county CSV
 * (`code,name,valid_from,valid_to`), as shipped in data/regions/. An empty
 * valid_from or valid_to means unbounded. A municipality's validity is
 * clipped to that of its county (the first two digits of its code), so that
 * e.g. 4003 Skien is valid from 2024 and 3807 Skien in 2020-2023.
 *
 * @param out               out: the registry; NULL on failure
 * @param municipalities    path of the municipality CSV
 * @param counties          path of the county CSV
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE; ::GIDX_ENOTFOUND (missing
 *         column); ::GIDX_EDATA (bad year, naming file:line:column);
 *         ::GIDX_EDUPLICATE (a code listed twice); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_registry_load(gidx_registry **out, const char *municipalities,
                                        const char *counties);

/** Free a registry; NULL is a no-op. */
GIDX_API void gidx_registry_free(gidx_registry *reg);

/** Number of entries (municipalities and counties). */
GIDX_API size_t gidx_registry_size(const gidx_registry *reg);

/**
 * Look a region up by code.
 *
 * @param i     out: the entry's position
 * @param code  e.g. "4003", "0806", "40"
 * @param year  a year the code must be valid in, or 0 for any year
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the code (and year).
 */
GIDX_API gidx_status gidx_registry_find_code(size_t *i, const gidx_registry *reg,
                                             const char *code, int year);

/**
 * Look a region up by name, case-insensitively (ASCII and Latin-1 letters
 * such as Æ/æ, Ø/ø, Å/å compare equal in either case). A name also matches
 * without its qualifier in parentheses ("Bø" matches "Bø (Telemark)") or
 * its second language form ("Trondheim" matches "Trondheim - Tråante").
 *
 * @param i      out: the entry's position
 * @param name   UTF-8 name
 * @param year   a year the region must be valid in; 0 = prefer the regions
 *               valid today, then the most recently valid
 * @param level  a ::gidx_region_level, ::GIDX_LEVEL_ANY for any
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the name and year;
 *         ::GIDX_EDUPLICATE when several regions match (the message lists
 *         their codes).
 */
GIDX_API gidx_status gidx_registry_find_name(size_t *i, const gidx_registry *reg,
                                             const char *name, int year, int level);

/** Code of entry @p i (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_registry_code(const gidx_registry *reg, size_t i);
/** UTF-8 name of entry @p i (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_registry_name(const gidx_registry *reg, size_t i);
/** Level (::gidx_region_level) of entry @p i; 0 when out of range. */
GIDX_API int gidx_registry_level(const gidx_registry *reg, size_t i);
/** Code of the county entry @p i belongs to (borrowed; a county is its own
 *  parent), or NULL when out of range. */
GIDX_API const char *gidx_registry_parent(const gidx_registry *reg, size_t i);
/** First year entry @p i is valid in; 0 when unbounded or out of range. */
GIDX_API int gidx_registry_valid_from(const gidx_registry *reg, size_t i);
/** Last year entry @p i is valid in; 0 when still valid or out of range. */
GIDX_API int gidx_registry_valid_to(const gidx_registry *reg, size_t i);
/**
 * The 2024 municipality (or county) whose area contains entry @p i
 * (borrowed): "4020" for 0821 Bø. NULL for the municipalities that were
 * split in 2020 (Halsa, Snillfjord, Tysfjord and their partners, code_2024
 * "Rest" in the table) and for unknown codes, and when out of range.
 */
GIDX_API const char *gidx_registry_successor(const gidx_registry *reg, size_t i);

/* ------------------------------------------------------------------------ */
/* Harmonisation across reforms                                             */
/* ------------------------------------------------------------------------ */

/** Options for gidx_dataset_harmonise(); initialise with ::GIDX_HARMONISE_OPTIONS_INIT. */
typedef struct gidx_harmonise_options {
    unsigned version;                 /**< must be 1 */
    const char *const *intensive;     /**< variables that must not be summed (rates, shares, per-capita values) */
    size_t nintensive;                /**< number of names in @p intensive */
    int drop_unknown;                 /**< 0: a region the registry does not know is an error; 1: drop and report it */
} gidx_harmonise_options;

/** Default harmonisation options: every variable extensive, unknown regions are errors. */
#define GIDX_HARMONISE_OPTIONS_INIT { 1u, NULL, 0u, 0 }

/**
 * Bring a municipal dataset keyed by codes of any vintage (1994-2024) to the
 * 2024 municipality boundaries.
 *
 * Each region code is mapped to its 2024 successor through the registry;
 * the values of all codes mapped to one 2024 municipality in a year are
 * summed (extensive variables: counts, tonnes, GWh); a series keyed by the
 * 2024 code for all years (as SSB publishes at current boundaries) passes
 * through unchanged. Cells flagged missing
 * or not applicable contribute nothing; a confidential contributor makes the
 * sum confidential; a provisional one makes it provisional. Intensive
 * variables (listed in the options) are copied only where the 2024
 * municipality has exactly one contributing code in that year (a pure
 * renumbering); elsewhere they are left out: recompute them from their
 * harmonised components (the indicator layer's formulas do this).
 *
 * Codes of the municipalities split in the 2020 reform (successor "Rest")
 * cannot be assigned to one 2024 municipality without a split key the
 * correspondence table does not provide: they are dropped, and listed in the
 * output's metadata under "harmonise.dropped" (comma-separated codes;
 * empty when nothing was dropped). County codes (2 digits) are dropped and
 * listed as well: aggregate with gidx_dataset_aggregate_counties().
 *
 * @param out  out: the harmonised dataset (region names set from the
 *             registry, metadata copied); NULL on failure
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown region code (unless
 *         drop_unknown); ::GIDX_EDUPLICATE when several codes carry a value
 *         for the same 2024 municipality, year and variable and one of them
 *         was not valid in that year (the same area counted twice, e.g.
 *         5001 and 1601 in 2020; naming region, year, variable and codes);
 *         ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_harmonise(gidx_dataset **out, const gidx_dataset *ds,
                                            const gidx_registry *reg,
                                            const gidx_harmonise_options *opt);

/**
 * Add county totals to a dataset keyed by 2024 municipality codes: for each
 * county (the first two digits of the code), year and listed variable, the
 * sum over all its 2024 municipalities in the registry. The sum is set only
 * when every municipality of the county has an observed value (flag OK or
 * provisional; provisional if any is); otherwise the county cell is set
 * missing (or confidential, when a municipality is), never a partial sum.
 * Counties get their registry names.
 *
 * @param variables   the extensive variables to aggregate; NULL = all
 * @param nvariables  number of names
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for a variable not in the dataset;
 *         ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_aggregate_counties(gidx_dataset *ds, const gidx_registry *reg,
                                                     const char *const *variables,
                                                     size_t nvariables);

/* ------------------------------------------------------------------------ */
/* Loaders and writer                                                       */
/* ------------------------------------------------------------------------ */

/**
 * The Telemark panel compiled into the library: 17 municipalities keyed by
 * their 2024 codes (4001-4036) with display names, plus the county "40"
 * (Telemark) as the sum of its municipalities for every variable (all are
 * extensive). Variables (see docs/data.md): `population` (SSB 07459),
 * `ghg_total` and `ghg_<sector>` (t CO2e, Miljødirektoratet), `employment_total`
 * and `employment_<industry>` (SSB 13470), `electricity_total` and
 * `electricity_<group>` (GWh, SSB 14490). Provenance is in the metadata.
 *
 * @param out out: the dataset; NULL on failure
 * @return ::GIDX_OK; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_load_default(gidx_dataset **out);

/**
 * Load a dataset, choosing the loader by the file's content and name: NULL
 * or "" gives the embedded default data (gidx_dataset_load_default()); a
 * zip archive (an xlsx workbook, whatever its name) holding the sheet
 * "Oversikt - detaljert" is read as Miljødirektoratet's emission statistics
 * (gidx_dataset_load_mdir()), and any other workbook is refused with
 * ::GIDX_ENOTFOUND (no such sheet) listing its sheets; a regular file whose
 * first byte after a byte-order mark and blanks is '{', or a name ending in
 * ".json", is read as JSON-stat 2.0 with default options
 * (gidx_dataset_load_jsonstat()); anything else as a long CSV
 * (`region,year,variable,value[,flag]`, gidx_dataset_load_csv()). A pipe or
 * FIFO is not looked into (its bytes would be taken): it is read by its name,
 * and when its first line fails as CSV the message says so and how to give
 * the type. Regions
 * of a loaded file that have no display name are named from the region
 * registry (gidx_registry_load_default()), e.g. "4003" -> "Skien".
 *
 * @param out  out: the dataset; NULL on failure
 * @param path the file, or NULL
 * @return the status of the loader used.
 */
GIDX_API gidx_status gidx_dataset_load(gidx_dataset **out, const char *path);

/** Options for the long CSV loader; initialise with ::GIDX_LONG_CSV_OPTIONS_INIT. */
typedef struct gidx_long_csv_options {
    unsigned version;        /**< must be 1 */
    const char *region;      /**< name of the region column */
    const char *year;        /**< name of the year column */
    const char *variable;    /**< name of the variable column */
    const char *value;       /**< name of the value column */
    const char *flag;        /**< name of the optional flag column (used when present; NULL = never) */
    gidx_csv_options csv;    /**< dialect; skip_lines == 0 also skips leading title lines (no separator) */
} gidx_long_csv_options;

/** Default long-CSV options: columns region, year, variable, value and optional flag. */
#define GIDX_LONG_CSV_OPTIONS_INIT { 1u, "region", "year", "variable", "value", "flag", GIDX_CSV_OPTIONS_INIT }

/**
 * Load a long CSV (one row per region, year, variable and value, optionally
 * a flag) into a new dataset. Other columns are ignored. The value may be an
 * SSB symbol (`..` confidential, `.` not applicable, empty/`NA`/`:`/`-`
 * missing); the flag column takes `ok`/empty, `missing`, `confidential`
 * (`..`), `not_applicable` (`.`), `provisional` (`p`).
 *
 * @param out   out: the dataset; NULL on failure
 * @param path  the file; its name appears in every error message
 * @param opt   options, or NULL for ::GIDX_LONG_CSV_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE; ::GIDX_EENCODING;
 *         ::GIDX_ENOTFOUND (a required column is missing);
 *         ::GIDX_EDATA (empty file, no data rows, a year or value that is not
 *         a number, an unknown flag: file:line:column);
 *         ::GIDX_EDUPLICATE (a region/year/variable seen twice, naming
 *         both lines); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_load_csv(gidx_dataset **out, const char *path,
                                           const gidx_long_csv_options *opt);

/** As gidx_dataset_load_csv(), from @p len bytes in memory named @p name. */
GIDX_API gidx_status gidx_dataset_parse_csv(gidx_dataset **out, const char *buf, size_t len,
                                            const char *name,
                                            const gidx_long_csv_options *opt);

/** Layouts of a wide CSV. */
enum gidx_wide_layout {
    GIDX_WIDE_YEARS = 0,     /**< one column per year (headers that are years), rows are regions (x variables) */
    GIDX_WIDE_VARIABLES = 1  /**< one column per variable, rows are region x year */
};

/** Options for the wide CSV loader; initialise with ::GIDX_WIDE_CSV_OPTIONS_INIT. */
typedef struct gidx_wide_csv_options {
    unsigned version;          /**< must be 1 */
    int layout;                /**< a ::gidx_wide_layout */
    const char *region;        /**< name of the region column */
    const char *year;          /**< name of the year column (::GIDX_WIDE_VARIABLES) */
    const char *variable;      /**< name of the variable column (::GIDX_WIDE_YEARS); used when present */
    const char *variable_name; /**< the variable's name when there is no variable column (::GIDX_WIDE_YEARS) */
    gidx_csv_options csv;      /**< dialect; skip_lines == 0 also skips leading title lines */
} gidx_wide_csv_options;

/** Default wide-CSV options: year columns, region column "region", variable column "variable". */
#define GIDX_WIDE_CSV_OPTIONS_INIT { 1u, GIDX_WIDE_YEARS, "region", "year", "variable", "value", GIDX_CSV_OPTIONS_INIT }

/**
 * Load a wide CSV. With ::GIDX_WIDE_YEARS every column whose header is a
 * year (an integer such as "2023") holds values and all other columns except
 * region and variable are ignored; with ::GIDX_WIDE_VARIABLES every column
 * other than region and year is a variable. Values follow the rules of
 * gidx_dataset_load_csv().
 *
 * @return as gidx_dataset_load_csv(); ::GIDX_EDATA also when no value column exists.
 */
GIDX_API gidx_status gidx_dataset_load_wide_csv(gidx_dataset **out, const char *path,
                                                const gidx_wide_csv_options *opt);

/** As gidx_dataset_load_wide_csv(), from memory. */
GIDX_API gidx_status gidx_dataset_parse_wide_csv(gidx_dataset **out, const char *buf,
                                                 size_t len, const char *name,
                                                 const gidx_wide_csv_options *opt);

/**
 * Load Miljødirektoratet's municipal emissions CSV ("Klimagassutslipp fra
 * kommuner": `Kommune,År,Sektor,Utslippskilde,Utslipp`, tonnes CO2e,
 * optionally with a `Kommunenummer` column) into `ghg_total` and one
 * `ghg_<sector>` variable per sector (see docs/data.md for the slugs).
 * Rows of one key are summed (the gas column is not in the file). Without a
 * number column, municipality names are resolved through @p reg: the region
 * valid today (the Telemark files name all years by today's municipalities);
 * with it, the codes are used as given. Source names are trimmed. The
 * release is recorded as gidx_dataset_load_mdir() records it
 * (`mdir.release` and `mdir.release.<region>`: the latest year), so the
 * embedded data, too, are never merged with another release.
 *
 * @param reg  registry for name lookup; may be NULL when the file has codes
 * @return as gidx_dataset_load_csv(); ::GIDX_ENOTFOUND for an unknown
 *         municipality name (file:line:column).
 */
GIDX_API gidx_status gidx_dataset_load_emissions(gidx_dataset **out, const char *path,
                                                 const gidx_registry *reg);

/** As gidx_dataset_load_emissions(), from memory. */
GIDX_API gidx_status gidx_dataset_parse_emissions(gidx_dataset **out, const char *buf,
                                                  size_t len, const char *name,
                                                  const gidx_registry *reg);

/**
 * Load Miljødirektoratet's municipal emission statistics ("Klimagassutslipp
 * fra kommuner") from the workbook Miljødirektoratet publishes, read with
 * the xlsx reader (xlsx.h), into `ghg_total` and one `ghg_<sector>`
 * variable per sector (t CO2e; the same sector mapping as
 * gidx_dataset_load_emissions(), table in docs/data.md). Rows of one region,
 * year and sector are summed over sources and gases.
 *
 * The sheet "Oversikt - detaljert" is read in either layout; its columns are
 * found by name in its first row, in any order:
 * - the download for one area: `År, Sektor, Utslippskilde, Klimagass,
 *   Utslipp (tonn CO₂-ekvivalenter)`. The region is the one the Info sheet
 *   names ("Datasett:"), resolved through @p reg: a code, else a name (the
 *   region valid most recently, so "Vestfold og Telemark" is 38);
 * - the all-municipality workbook: `Fylke, Kommunenummer, Kommune, År,
 *   Sektor, Utslippskilde, Klimagass, Utslipp (tonn CO2-ekvivalenter)`; the
 *   region is the Kommunenummer as given (a number cell is written with four
 *   digits: 301 -> "0301"), named from the Kommune column.
 * The emission column may be spelt `CO₂` or `CO2`, or be just `Utslipp`.
 * An emission cell holding an SSB symbol (`..`, `.`, `-`, `:`) is flagged
 * as gidx_dataset_load_csv() does; any other text is an error.
 *
 * The release is recorded in the metadata: `mdir.release` (the latest year
 * of the figures, which identifies a release: Miljødirektoratet recalculates
 * the whole series each year and adds one), `mdir.first_year`,
 * `mdir.modified` (the workbook's own dcterms:modified stamp, when present),
 * `mdir.retrieved` (a download date from the Info sheet, when it has one),
 * `mdir.url` ("Nedlastet fra"), `mdir.area` (the Info sheet's "Datasett"),
 * `mdir.layout` (`area` or `municipalities`), and for every region
 * `mdir.release.<region>` (the release year), which gidx_dataset_merge()
 * uses to refuse mixing releases. Also `source` and `file`.
 *
 * @param out  out: the dataset; NULL on failure
 * @param path the workbook
 * @param reg  registry for the area's name and region names; NULL loads the
 *             default one (gidx_registry_load_default())
 * @param opt  limits of the xlsx reader, or NULL for ::GIDX_XLSX_OPTIONS_INIT
 * @return ::GIDX_OK; the reader's errors (::GIDX_EIO, ::GIDX_EPARSE,
 *         ::GIDX_ELIMIT); ::GIDX_ENOTFOUND (no sheet "Oversikt - detaljert",
 *         listing the sheets; a missing column, naming the sheet and the
 *         columns found; an area the registry does not know);
 *         ::GIDX_EDATA (a year, sector, region number or emission cell that
 *         is not what it must be, naming sheet and cell, e.g. `text "12,5 t"
 *         in a number cell`; no data rows); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_load_mdir(gidx_dataset **out, const char *path,
                                            const gidx_registry *reg,
                                            const gidx_xlsx_options *opt);

/** As gidx_dataset_load_mdir(), from @p len bytes in memory (an HTTP body) named @p name. */
GIDX_API gidx_status gidx_dataset_parse_mdir(gidx_dataset **out, const void *buf, size_t len,
                                             const char *name, const gidx_registry *reg,
                                             const gidx_xlsx_options *opt);

/**
 * Add every cell of @p src to @p dst (replacing cells both have), with the
 * region names of @p src and the metadata keys @p dst does not have yet.
 *
 * Releases of Miljødirektoratet's statistics are never mixed: when both
 * datasets record a release for the same region (`mdir.release.<region>`,
 * set by gidx_dataset_load_mdir()) and the releases differ, nothing is
 * merged and ::GIDX_EDUPLICATE names the region and both releases.
 *
 * @return ::GIDX_OK; ::GIDX_EDUPLICATE; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_merge(gidx_dataset *dst, const gidx_dataset *src);

/** Options for the JSON-stat loader; initialise with ::GIDX_JSONSTAT_OPTIONS_INIT. */
typedef struct gidx_jsonstat_options {
    unsigned version;          /**< must be 1 */
    const char *region_dim;    /**< dimension holding regions; NULL = the one with role "geo", else none */
    const char *time_dim;      /**< dimension holding years; NULL = the one with role "time" */
    const char *variable_dim;  /**< dimension naming the variable; NULL = all remaining dimensions */
    const char *region;        /**< region of every cell when there is no region dimension */
    const char *variable;      /**< variable name when no remaining dimension has more than one category (NULL: their codes, or "value" when there is none) */
} gidx_jsonstat_options;

/** Default JSON-stat options: regions and years by role, variables from the other dimensions. */
#define GIDX_JSONSTAT_OPTIONS_INIT { 1u, NULL, NULL, NULL, "0", NULL }

/**
 * Load a JSON-stat 2.0 dataset (SSB's statistics-bank API answer) with
 * jansson. Values are row-major with the last dimension fastest, as a dense
 * array or a sparse object; `null` values are missing; `status` symbols
 * (`..` confidential, `.` not applicable, `:` / `-` missing) become flags.
 * Region codes lose SSB's `K-` / `F-` prefixes ("K-5001" -> "5001"). Time
 * categories must be years. The variable of a cell is the category code of
 * @p variable_dim, or else the codes of the remaining dimensions with more
 * than one category joined by "." (the codes of all remaining dimensions
 * when none has more than one, unless opt->variable names it). Every other
 * dimension must then have a single category. The label, source, updated
 * and table id are stored as metadata.
 *
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (invalid JSON, with jansson's
 *         file:line:column, or not JSON-stat 2.0); ::GIDX_ENOTFOUND (a named
 *         dimension); ::GIDX_EDATA (size mismatch, non-numeric value, a time
 *         category that is not a year); ::GIDX_EDUPLICATE; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_load_jsonstat(gidx_dataset **out, const char *path,
                                                const gidx_jsonstat_options *opt);

/** As gidx_dataset_load_jsonstat(), from @p len bytes named @p name. */
GIDX_API gidx_status gidx_dataset_load_jsonstat_buffer(gidx_dataset **out, const char *buf,
                                                       size_t len, const char *name,
                                                       const gidx_jsonstat_options *opt);

/**
 * Render a dataset as long CSV text `region,year,variable,value,flag`
 * (regions and variables in order of first appearance, years ascending;
 * values with 17 significant digits so they read back exactly; missing
 * values empty; flags as gidx_dataset_load_csv() reads them, empty for OK).
 *
 * @param text out: NUL-terminated text, the caller frees it with free()
 * @param len  out: its length (may be NULL)
 */
GIDX_API gidx_status gidx_dataset_to_csv(char **text, size_t *len, const gidx_dataset *ds);

/**
 * Write gidx_dataset_to_csv() to @p path atomically (the target rules of
 * gidx_write_file()): the text goes into the temporary file as it is made,
 * 64 KiB of rows at a time, so it is never held whole in memory
 * (gidx_output_open()). gidx_dataset_load_csv() with default options reads
 * it back exactly.
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_write_csv(const gidx_dataset *ds, const char *path);

/**
 * Write gidx_dataset_to_csv()'s text, the same bytes, to the open descriptor
 * @p fd (standard output, a pipe, a socket, gidx_output_fd()) as it is made,
 * 64 KiB of rows at a time. On failure part of the text may have been
 * written.
 * @return ::GIDX_OK; ::GIDX_EIO naming the descriptor and the system error;
 *         ::GIDX_EINVAL (NULL dataset, negative descriptor); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_dataset_write_csv_fd(const gidx_dataset *ds, int fd);

/* ------------------------------------------------------------------------ */
/* Industry groups of the employment statistics                             */
/* ------------------------------------------------------------------------ */

/**
 * Number of industry groups of SSB's employment statistics (StatBank table
 * 13470, "næring (SN2007)") that are ranges of SN2007 divisions: 16. The
 * table's seventeenth category, "Uoppgitt" (unspecified), is loaded as
 * `employment_unknown` but is not a group. The groups are the industries of
 * regionalisation by location quotients (gidx_io_model_regionalise_dataset()).
 */
GIDX_API size_t gidx_sn2007_ngroups(void);

/** The label of group @p i exactly as SSB publishes it (e.g. "Industri"), or NULL out of range. */
GIDX_API const char *gidx_sn2007_group(size_t i);

/**
 * The dataset variable of group @p i's employment in the embedded data and
 * in datasets fetched from table 13470 (e.g. "employment_manufacturing"), or
 * NULL out of range.
 */
GIDX_API const char *gidx_sn2007_variable(size_t i);

/**
 * The group of a group label, a group variable, or an SN2007 (NACE Rev. 2)
 * division code: "10", "C10", "10-12" and "68A" all name their first
 * division, whose group is taken (SSB's 64 input-output industries are whole
 * divisions, each inside one group).
 *
 * @param group out: the group index, < gidx_sn2007_ngroups()
 * @param text  the label, variable or code
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the text; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_sn2007_find(size_t *group, const char *text);

/* ------------------------------------------------------------------------ */
/* Sectors of the municipal emissions statistics                            */
/* ------------------------------------------------------------------------ */

/**
 * Number of sectors of Miljødirektoratet's "Klimagassutslipp fra kommuner"
 * that gidx_dataset_load_emissions() knows by name: 10 (road traffic,
 * heating, industry/oil and gas, shipping, agriculture, aviation, other
 * mobile combustion, waste and sewage, energy supply, products with
 * fluorinated gases).
 */
GIDX_API size_t gidx_ghg_nsectors(void);

/** The Norwegian label of sector @p i as Miljødirektoratet publishes it
 *  (e.g. "Industri, olje og gass"), or NULL out of range. */
GIDX_API const char *gidx_ghg_sector_label(size_t i);

/** The dataset variable of sector @p i (e.g. "ghg_industry"), or NULL out of range. */
GIDX_API const char *gidx_ghg_sector_variable(size_t i);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_DATASET_H */
