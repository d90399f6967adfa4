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

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_DATASET_H */
