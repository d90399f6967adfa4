/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file ripple.h
 * @brief Ripple effects: input-output models, multipliers, regionalisation and shocks.
 *
 * An input-output model (::gidx_io_model) holds the technical coefficients
 * A = Z x̂⁻¹ of n sectors (Miller & Blair 2009, *Input-Output Analysis*, 2nd
 * ed., ch. 2), optionally total output x, satellite coefficients per unit of
 * output (employment, value added, labour income, emissions; ch. 9 and 10)
 * and a household consumption column for the type II model with households
 * closed (sec. 2.5 and 6.2). From it the library computes the Leontief
 * inverse L = (I − A)⁻¹, the Ghosh inverse G = x̂⁻¹ L x̂ (sec. 12.1),
 * multipliers of type I and II (ch. 6), location-quotient regionalisation
 * (SLQ, CILQ, FLQ; Flegg & Webber 1997, Flegg & Tohmo 2013; Miller & Blair
 * sec. 8.2) and the effects of final-demand shocks split into direct,
 * indirect and induced parts.
 *
 * Matrices are row-major `double` arrays: entry (i, j) of an n-by-n matrix
 * is `M[i * n + j]`; A[i][j] is the input from sector i per unit of output of
 * sector j. Large systems (tens of thousands of sectors) are built in
 * compressed sparse row form with gidx_io_model_new_sparse() and solved
 * iteratively without forming L.
 *
 * A model is immutable after its setters have run; a const model may be
 * used from several threads at once.
 */
#ifndef GREENIDX_RIPPLE_H
#define GREENIDX_RIPPLE_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An input-output model (opaque). */
typedef struct gidx_io_model gidx_io_model;

/** The effects of a final-demand shock, one year or a path of years (opaque). */
typedef struct gidx_io_result gidx_io_result;

/** Quantities a model reports per sector. */
enum gidx_io_quantity {
    GIDX_IO_OUTPUT = 0,        /**< gross output (the model's currency unit) */
    GIDX_IO_EMPLOYMENT = 1,    /**< employment (persons or full-time equivalents) */
    GIDX_IO_VALUE_ADDED = 2,   /**< value added (currency) */
    GIDX_IO_LABOUR_INCOME = 3, /**< labour income, compensation of employees (currency) */
    GIDX_IO_EMISSIONS = 4,     /**< greenhouse-gas emissions (e.g. tonnes CO2e) */
    GIDX_IO_IMPORTS = 5,       /**< imported intermediate inputs (currency; SSB table 1950) */
    GIDX_IO_LEAKAGE = 6        /**< a regional model's intermediate (and, type II, household)
                                    purchases from the rest of the country (currency);
                                    read-only, set by regionalisation */
};

/** Number of the first five ::gidx_io_quantity values, the rows of
 *  gidx_io_model_multiplier_table() (kept at 5 for ABI compatibility). */
#define GIDX_IO_NQUANTITIES 5

/** Number of all ::gidx_io_quantity values, including imports and leakage. */
#define GIDX_IO_NQUANTITIES_ALL 7

/** Units of gidx_io_model_shock_add(). */
enum gidx_io_shock_unit {
    GIDX_IO_UNIT_CURRENCY = 0, /**< final demand in the table's currency (NOK million for SSB) */
    GIDX_IO_UNIT_JOBS = 1      /**< jobs, converted through output per job x_j / e_j */
};

/** Parts of an effect (Miller & Blair 2009, sec. 6.2). */
enum gidx_io_part {
    GIDX_IO_DIRECT = 0,    /**< the shock itself: Δf (times the satellite coefficient) */
    GIDX_IO_INDIRECT = 1,  /**< type I total minus direct: inter-industry purchases */
    GIDX_IO_INDUCED = 2,   /**< type II total minus type I total: household spending */
    GIDX_IO_TOTAL = 3      /**< direct + indirect (+ induced for type II) */
};

/** Location-quotient methods for gidx_io_model_regionalise() (Miller & Blair sec. 8.2). */
enum gidx_io_lq_method {
    GIDX_IO_SLQ = 1,   /**< simple location quotient */
    GIDX_IO_CILQ = 2,  /**< cross-industry location quotient (SLQ on the diagonal) */
    GIDX_IO_FLQ = 3    /**< Flegg's location quotient: CILQ times λ* = [log2(1 + R/N)]^δ */
};

/** Solvers for shocks (and multipliers). */
enum gidx_io_solver {
    GIDX_IO_SOLVER_AUTO = 0,      /**< dense LU for dense models, iterative for sparse ones */
    GIDX_IO_SOLVER_DENSE = 1,     /**< LU with partial pivoting (GSL) */
    GIDX_IO_SOLVER_ITERATIVE = 2  /**< Gauss–Seidel on the CSR coefficients, no L formed */
};

/** Text formats of gidx_io_result_format(). */
enum gidx_io_format {
    GIDX_IO_FORMAT_TABLE = 0,  /**< aligned plain-text table */
    GIDX_IO_FORMAT_CSV = 1,    /**< CSV: year,sector,quantity,direct,indirect,induced,total */
    GIDX_IO_FORMAT_JSON = 2,   /**< JSON (see docs/ripple.md for the schema) */
    GIDX_IO_FORMAT_TEXT = GIDX_IO_FORMAT_TABLE  /**< the same as ::GIDX_IO_FORMAT_TABLE */
};

/**
 * Build a model from a transactions matrix and total output.
 *
 * A = Z x̂⁻¹ (Miller & Blair eq. 2.4). Every output must be positive, except
 * that a sector with zero output and no inputs gets a zero column.
 *
 * @param out    out: the new model (free with gidx_io_model_free()); NULL on failure
 * @param Z      n-by-n inter-industry flows, row-major (row = selling sector), >= 0; copied
 * @param x      total output of the n sectors; copied
 * @param n      number of sectors, >= 1
 * @param names  n sector names (UTF-8, distinct, copied), or NULL for "S1".."Sn"
 * @return ::GIDX_OK; ::GIDX_EDATA for a negative or non-finite flow or a
 *         negative output (naming the sector); ::GIDX_EDOM when a column sum
 *         of A is >= 1 (the sector's inputs exceed its output, naming it);
 *         ::GIDX_EDUPLICATE for a repeated name; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_new(gidx_io_model **out, const double *Z,
                                       const double *x, size_t n,
                                       const char *const *names);

/**
 * Build a model from technical coefficients A (no total output known).
 *
 * Satellites must then be given per unit of output, and the Ghosh inverse
 * and gidx_io_model_final_demand() are unavailable (::GIDX_ESTATE).
 *
 * @param out    out: the new model; NULL on failure
 * @param A      n-by-n coefficients, row-major, >= 0, finite; copied
 * @param n      number of sectors, >= 1
 * @param names  n sector names, or NULL
 * @return ::GIDX_OK; ::GIDX_EDATA naming the cell; ::GIDX_EDUPLICATE;
 *         ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_new_coefficients(gidx_io_model **out, const double *A,
                                                    size_t n, const char *const *names);

/**
 * Build a sparse model from technical coefficients in compressed sparse row
 * (CSR) form: the entries of row i are `values[k]` at columns `colind[k]` for
 * `rowptr[i] <= k < rowptr[i+1]`. Shocks and multipliers of a sparse model
 * are solved by Gauss–Seidel iteration without forming L (see
 * ::GIDX_IO_SOLVER_ITERATIVE); dense outputs (L, A) are refused for n > 4096.
 *
 * @param out     out: the new model; NULL on failure
 * @param n       number of sectors, >= 1
 * @param rowptr  n + 1 offsets, non-decreasing, rowptr[0] == 0, rowptr[n] == nnz
 * @param colind  nnz column indices < n (any order; duplicates are summed)
 * @param values  nnz coefficients >= 0, finite
 * @param nnz     number of stored entries
 * @param names   n sector names, or NULL
 * @return ::GIDX_OK; ::GIDX_EDATA naming the row and entry; ::GIDX_EINVAL;
 *         ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_new_sparse(gidx_io_model **out, size_t n,
                                              const size_t *rowptr, const size_t *colind,
                                              const double *values, size_t nnz,
                                              const char *const *names);

/** Free a model; NULL is a no-op. */
GIDX_API void gidx_io_model_free(gidx_io_model *m);

/** Number of sectors n (0 for NULL). */
GIDX_API size_t gidx_io_model_nsectors(const gidx_io_model *m);

/** Name of sector @p i (borrowed, lives as long as the model), or NULL when out of range. */
GIDX_API const char *gidx_io_model_sector(const gidx_io_model *m, size_t i);

/**
 * The descriptive label of sector @p i (borrowed, lives as long as the
 * model): SSB's industry name for its tables ("Constructions and
 * construction works" for RF), or NULL when the model has no labels or @p i
 * is out of range.
 */
GIDX_API const char *gidx_io_model_sector_label(const gidx_io_model *m, size_t i);

/**
 * Index of the sector named @p name.
 *
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the sector; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_find_sector(size_t *i, const gidx_io_model *m,
                                               const char *name);

/** 1 when the model has total output x (built by gidx_io_model_new()), else 0. */
GIDX_API int gidx_io_model_has_output(const gidx_io_model *m);

/**
 * Set a satellite row: employment, value added, labour income or emissions.
 *
 * @param m         the model
 * @param quantity  a ::gidx_io_quantity other than ::GIDX_IO_OUTPUT
 * @param values    n values: totals per sector (divided by x) when
 *                  @p per_unit is 0, coefficients per unit of output otherwise;
 *                  finite; copied. Emissions may be negative (sinks).
 * @param n         must equal the number of sectors
 * @param per_unit  0: totals; 1: coefficients
 * @return ::GIDX_OK; ::GIDX_ESTATE for totals on a model without x;
 *         ::GIDX_EDATA naming the sector (non-finite; negative employment,
 *         labour income); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_set_satellite(gidx_io_model *m, int quantity,
                                                 const double *values, size_t n,
                                                 int per_unit);

/**
 * Get a satellite row as coefficients per unit of output.
 *
 * @param out  out: n values (caller-allocated); 1.0 for ::GIDX_IO_OUTPUT
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE when the row is not set;
 *         ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_satellite(double *out, size_t cap,
                                             const gidx_io_model *m, int quantity);

/**
 * Set the household consumption column, closing the model for type II
 * (Miller & Blair sec. 2.5.1): households sell labour (the labour-income row
 * l_j = labour income / x_j, set with gidx_io_model_set_satellite()) and buy
 * h_i per unit of household income.
 *
 * @param m       the model
 * @param values  n values: household consumption of each sector's product
 *                (currency; divided by total labour income Σ l_j x_j when the
 *                model is used) when @p shares is 0, or the shares h_i
 *                directly when 1; >= 0, finite; copied
 * @param n       number of sectors
 * @param shares  0: consumption totals; 1: shares of household income
 * @return ::GIDX_OK; ::GIDX_ESTATE for totals on a model without x;
 *         ::GIDX_EDATA naming the sector; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_set_households(gidx_io_model *m, const double *values,
                                                  size_t n, int shares);

/**
 * The technical coefficients A (n-by-n, row-major).
 *
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < n*n; ::GIDX_ELIMIT for a sparse
 *         model with n > 4096; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_coefficients(double *out, size_t cap,
                                                const gidx_io_model *m);

/**
 * The Leontief inverse L = (I − A)⁻¹ (type 1, n-by-n) or the closed model's
 * inverse (type 2, (n+1)-by-(n+1), households last; Miller & Blair eq. 2.25).
 * Computed by LU decomposition and inversion (GSL gsl_linalg_LU_decomp,
 * gsl_linalg_LU_invert, BLAS level 3).
 *
 * @param out   out: the matrix, row-major (caller-allocated)
 * @param cap   number of doubles in @p out
 * @param m     the model
 * @param type  1 or 2
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESINGULAR when I − A is singular;
 *         ::GIDX_ESTATE for type 2 without households and labour income;
 *         ::GIDX_ELIMIT for sparse models with n > 4096; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_leontief(double *out, size_t cap,
                                            const gidx_io_model *m, int type);

/**
 * The Ghosh inverse G = (I − B)⁻¹ with allocation coefficients B = x̂⁻¹ Z,
 * computed as G = x̂⁻¹ L x̂ (Miller & Blair sec. 12.1, eq. 12.9).
 *
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE without total output or
 *         with a zero output; ::GIDX_ESINGULAR; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_ghosh(double *out, size_t cap, const gidx_io_model *m);

/**
 * Multipliers per sector: the total effect on @p quantity of one unit of
 * final demand for each sector's product, e L (simple multipliers; Miller &
 * Blair sec. 6.2: output multipliers for ::GIDX_IO_OUTPUT, employment,
 * income, value-added and emission multipliers for the satellites). Type 2
 * uses the model closed with households and sums over the n sectors only
 * (the household row is not counted as output). Computed by solving
 * (I − A)ᵀ m = e without forming L.
 *
 * @param out       out: n values (caller-allocated)
 * @param cap       at least n
 * @param m         the model
 * @param quantity  a ::gidx_io_quantity up to ::GIDX_IO_IMPORTS (leakage has
 *                  none: its type II part depends on household income)
 * @param type      1 or 2
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE when the satellite (or, for
 *         type 2, the households) is not set; ::GIDX_ESINGULAR;
 *         ::GIDX_ENOCONV (iterative); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_multipliers(double *out, size_t cap,
                                               const gidx_io_model *m, int quantity,
                                               int type);

/**
 * Multipliers of every quantity at once, with one factorisation (solving
 * (I − A)ᵀ M = Eᵀ for the stacked coefficient rows E): row q of the
 * ::GIDX_IO_NQUANTITIES-by-n result holds the multipliers of quantity q as
 * in gidx_io_model_multipliers(), or NaN when that satellite is not set.
 *
 * @param out   out: 5*n values, row-major (caller-allocated)
 * @param cap   at least ::GIDX_IO_NQUANTITIES * n
 * @param m     the model
 * @param type  1 or 2
 * @return as gidx_io_model_multipliers().
 */
GIDX_API gidx_status gidx_io_model_multiplier_table(double *out, size_t cap,
                                                    const gidx_io_model *m, int type);

/**
 * Final demand implied by the table, f = x − Z·1 (Miller & Blair eq. 2.2).
 *
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE without total output.
 */
GIDX_API gidx_status gidx_io_model_final_demand(double *out, size_t cap,
                                                const gidx_io_model *m);

/**
 * Location quotients from employment by industry (Miller & Blair sec. 8.2.2;
 * Flegg, Webber & Elliott 1995; Flegg & Tohmo 2013).
 *
 * SLQ_i = (RE_i / RE) / (NE_i / NE); CILQ_ij = SLQ_i / SLQ_j (supplying i,
 * purchasing j) with SLQ_i on the diagonal; FLQ_ij = CILQ_ij λ* with
 * λ* = [log2(1 + RE/NE)]^δ. An industry with no national employment has
 * SLQ 0; a purchasing industry with SLQ 0 gives CILQ/FLQ +Inf in its column
 * (no adjustment once capped at 1 by gidx_io_model_regionalise()).
 *
 * @param out       out: k values for ::GIDX_IO_SLQ, k*k row-major for CILQ and FLQ
 * @param cap       number of doubles in @p out
 * @param method    a ::gidx_io_lq_method
 * @param delta     δ for FLQ, in [0, 1) (Flegg & Tohmo recommend 0.3); ignored otherwise
 * @param regional  regional employment of k industries, >= 0
 * @param national  national employment of the same industries, > 0 where regional > 0
 * @param k         number of industries
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EDATA naming the industry (negative,
 *         regional > national, national zero with regional employment, zero
 *         totals); ::GIDX_EDOM for δ outside [0, 1); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_location_quotients(double *out, size_t cap, int method,
                                                double delta, const double *regional,
                                                const double *national, size_t k);

/**
 * Regionalise a national model: r_ij = a_ij min(LQ_{g(i) g(j)}, 1), where g
 * maps each sector to an employment industry (a concordance, e.g. the 64 SSB
 * industries to the 17 SN2007 groups of table 13470; see docs/ripple.md).
 * Sectors of the same industry use that industry's SLQ. The household
 * column is scaled by min(SLQ, 1) of the supplying industry; satellite
 * coefficients and the labour-income row are kept (national technology).
 * The new model has no total output.
 *
 * @param out          out: the regional model (dense); NULL on failure
 * @param national     a dense national model
 * @param method       a ::gidx_io_lq_method
 * @param delta        δ for FLQ (default 0.3), in [0, 1)
 * @param regional_emp regional employment by industry (k values)
 * @param national_emp national employment by industry (k values)
 * @param k            number of industries
 * @param industry_of  n indices < k: the industry of each sector; NULL when
 *                     the industries are the sectors (k == n)
 * @return ::GIDX_OK; as gidx_io_location_quotients(); ::GIDX_EDATA naming a
 *         sector whose industry index is out of range; ::GIDX_EUNSUPPORTED
 *         for a sparse model; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_regionalise(gidx_io_model **out,
                                               const gidx_io_model *national,
                                               int method, double delta,
                                               const double *regional_emp,
                                               const double *national_emp, size_t k,
                                               const size_t *industry_of);

/** Options of gidx_io_shock(); initialise with ::GIDX_IO_SHOCK_OPTIONS_INIT. */
typedef struct gidx_io_shock_options {
    unsigned version;    /**< must be 1 */
    int type;            /**< 1: direct + indirect; 2: also induced (households closed) */
    int solver;          /**< a ::gidx_io_solver */
    double tol;          /**< iterative: relative change in max norm to stop; 0 = 1e-12 */
    size_t max_iter;     /**< iterative: sweeps before ::GIDX_ENOCONV; 0 = 10000 */
    int multipliers;     /**< 1: also store the multipliers of every quantity set */
    int first_year;      /**< calendar year of the first row of a path (labels only) */
} gidx_io_shock_options;

/** Default shock options: type 1, automatic solver, multipliers stored. */
#define GIDX_IO_SHOCK_OPTIONS_INIT { 1u, 1, GIDX_IO_SOLVER_AUTO, 0.0, 0u, 1, 0 }

/**
 * Effects of a change in final demand (Miller & Blair sec. 2.3 and 6.2):
 * direct Δf, indirect L Δf − Δf, induced (type 2) the first n entries of
 * L̄ [Δf; 0] minus L Δf; each satellite effect is its coefficient times the
 * output effect.
 *
 * @param out    out: the result (free with gidx_io_result_free()); NULL on failure
 * @param m      the model
 * @param df     n changes in final demand (currency), finite
 * @param n      number of sectors
 * @param opt    options, or NULL for ::GIDX_IO_SHOCK_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_ESINGULAR; ::GIDX_ENOCONV; ::GIDX_ESTATE (type 2
 *         without households or labour income); ::GIDX_EDATA naming the
 *         sector with a non-finite change; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_shock(gidx_io_result **out, const gidx_io_model *m,
                                   const double *df, size_t n,
                                   const gidx_io_shock_options *opt);

/**
 * Effects of a path of final-demand changes over @p nyears years (one
 * static solve per year, sharing one factorisation).
 *
 * @param df      nyears-by-n changes, row-major (row t = year first_year + t)
 * @param nyears  number of years, >= 1
 * @return as gidx_io_shock().
 */
GIDX_API gidx_status gidx_io_shock_path(gidx_io_result **out, const gidx_io_model *m,
                                        const double *df, size_t nyears, size_t n,
                                        const gidx_io_shock_options *opt);

/** Free a result; NULL is a no-op. */
GIDX_API void gidx_io_result_free(gidx_io_result *r);

/** Number of sectors of a result (0 for NULL). */
GIDX_API size_t gidx_io_result_nsectors(const gidx_io_result *r);

/** Number of years of a result (1 for gidx_io_shock(); 0 for NULL). */
GIDX_API size_t gidx_io_result_nyears(const gidx_io_result *r);

/** Type of the result (1 or 2; 0 for NULL). */
GIDX_API int gidx_io_result_type(const gidx_io_result *r);

/** Name of sector @p i (borrowed, lives as long as the result), or NULL. */
GIDX_API const char *gidx_io_result_sector(const gidx_io_result *r, size_t i);

/** 1 when the result holds @p quantity (output always; satellites when set). */
GIDX_API int gidx_io_result_has(const gidx_io_result *r, int quantity);

/**
 * One part of one quantity's effect by sector, for year index @p t.
 *
 * @param out  out: n values (caller-allocated)
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE when the quantity is absent;
 *         ::GIDX_EINVAL for a bad index, quantity or part.
 */
GIDX_API gidx_status gidx_io_result_get(double *out, size_t cap, const gidx_io_result *r,
                                        size_t t, int quantity, int part);

/**
 * The same part summed over sectors, for every year: a plain array of
 * nyears values for the forecasting layer's scenarios.
 *
 * @param out  out: nyears values (caller-allocated)
 * @return as gidx_io_result_get().
 */
GIDX_API gidx_status gidx_io_result_path(double *out, size_t cap, const gidx_io_result *r,
                                         int quantity, int part);

/**
 * The multipliers stored with the result (option `multipliers`), of the
 * result's type.
 *
 * @param out  out: n values
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE when not stored or the
 *         quantity is absent; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_result_multipliers(double *out, size_t cap,
                                                const gidx_io_result *r, int quantity);

/**
 * Render a result as text: a table, CSV or JSON (JSON written with jansson;
 * schema in docs/ripple.md: per year and sector `output`, `employment`,
 * `value_added`, `labour_income`, `emissions`, each with `direct`,
 * `indirect`, `induced`, `total`, plus `multipliers` and `totals`).
 *
 * @param buf     out: NUL-terminated text (caller-allocated); may be NULL when cap is 0
 * @param cap     bytes in @p buf
 * @param needed  out (optional): bytes needed including the NUL
 * @param r       the result
 * @param format  a ::gidx_io_format
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap < *needed; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_result_format(char *buf, size_t cap, size_t *needed,
                                           const gidx_io_result *r, int format);

/**
 * Load a model from a folder of CSV files (UTF-8, header row): `Z.csv`
 * (first column the sector, then one column per sector in the same order),
 * `x.csv` (`sector,output`), optional `satellites.csv`
 * (`sector,employment,value_added,labour_income,emissions`; any subset of
 * the four columns) and optional `households.csv` (`sector,consumption`).
 * Sectors are matched by name. Files are read with gidx_table_read_csv().
 *
 * @param out   out: the model; NULL on failure
 * @param path  the folder
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (ragged or non-square Z,
 *         naming file and line); ::GIDX_ENOTFOUND (a sector missing from a
 *         file or unknown to Z.csv, naming file and line); ::GIDX_EDUPLICATE;
 *         ::GIDX_EDATA (non-numeric or negative value, header and row names
 *         out of order, naming file, line and column); ::GIDX_EDOM (column sum
 *         of A >= 1); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_load(gidx_io_model **out, const char *path);

/**
 * Read employment by industry from a CSV file whose first column names the
 * industry (header `industry` or `sector`) and whose second column is the
 * number employed (e.g. SSB table 13470 aggregated to one year).
 *
 * @param values      out: k employment values (caller-allocated)
 * @param cap         capacity of @p values
 * @param k           out: number of industries read
 * @param path        the CSV file
 * @param order_path  NULL to keep the file's order, or another employment
 *                    file whose industries give the order (so that national
 *                    and regional arrays line up); both must list the same
 *                    industries
 * @return ::GIDX_OK; ::GIDX_EBUFS (with *k set); ::GIDX_EIO; ::GIDX_EPARSE;
 *         ::GIDX_EDATA naming file, line and column; ::GIDX_EDUPLICATE;
 *         ::GIDX_ENOTFOUND naming an industry present in one file only.
 */
GIDX_API gidx_status gidx_io_employment_read(double *values, size_t cap, size_t *k,
                                             const char *path, const char *order_path);

/**
 * Build the sector → industry map for gidx_io_model_regionalise() from the
 * industry names of an employment file (@p industries_path, as
 * gidx_io_employment_read()) and an optional concordance CSV
 * `sector,industry`; without a concordance every sector's own name must be
 * an industry.
 *
 * @param industry_of  out: n indices into the employment file's rows
 * @param cap          at least n
 * @param m            the model whose sectors are mapped
 * @param industries_path  an employment file
 * @param concordance_path a concordance file, or NULL
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EIO; ::GIDX_ENOTFOUND naming the
 *         sector or industry and file:line; ::GIDX_EDUPLICATE.
 */
GIDX_API gidx_status gidx_io_concordance_read(size_t *industry_of, size_t cap,
                                              const gidx_io_model *m,
                                              const char *industries_path,
                                              const char *concordance_path);

/**
 * A region's employment by the industry groups of SSB table 13470 from a
 * dataset (the variables gidx_sn2007_variable(), as in the embedded Telemark
 * data), in the order of gidx_sn2007_group().
 *
 * @param values    out: gidx_sn2007_ngroups() values (persons)
 * @param cap       capacity of @p values
 * @param year_used out: the year used (may be NULL)
 * @param data      the dataset
 * @param region    a region code or display name ("4003", "Skien", "40")
 * @param year      the year, or 0 for the latest year with all groups present
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND naming the region, the
 *         year or the missing variable; ::GIDX_EDATA for a negative value;
 *         ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_region_employment(double *values, size_t cap, int *year_used,
                                               const gidx_dataset *data, const char *region,
                                               int year);

/** Options of gidx_io_model_regionalise_dataset(); initialise with ::GIDX_IO_REGION_OPTIONS_INIT. */
typedef struct gidx_io_region_options {
    unsigned version;            /**< must be 1 */
    int year;                    /**< employment year; 0 = the latest with all groups present */
    int method;                  /**< a ::gidx_io_lq_method (default FLQ) */
    double delta;                /**< δ for FLQ, in [0, 1) (default 0.3, Flegg & Tohmo 2013) */
    const char *concordance;     /**< `sector,industry` CSV mapping sectors to SN2007 codes or
                                      group labels, or NULL to read the sector names as such */
    const char *national_region; /**< a region of the dataset for the national side (e.g. a
                                      county, or the whole country when the data hold it), or
                                      NULL for the national table's employment satellite */
} gidx_io_region_options;

/** Default options: latest complete year, FLQ with δ = 0.3, no concordance, satellite employment. */
#define GIDX_IO_REGION_OPTIONS_INIT { 1u, 0, GIDX_IO_FLQ, 0.3, NULL, NULL }

/**
 * Regionalise a national model for a region of a dataset. The regional
 * employment by industry group comes from gidx_io_region_employment(); the
 * national employment by group from the national model's employment
 * satellite (totals: coefficient times output, summed over the sectors of
 * each group), or, with @c national_region, from that region of the dataset
 * in the same year. Each sector's group comes from its SN2007 division code
 * or group label ("10-12", "68A", "Industri"; gidx_sn2007_find()) or from
 * the concordance. Only the groups some sector belongs to enter the
 * quotients. Then as gidx_io_model_regionalise().
 *
 * @param out       out: the regional model; NULL on failure
 * @param year_used out: the employment year used (may be NULL)
 * @param national  a dense national model (with total output and an
 *                  employment satellite unless @c national_region is given)
 * @param data      the dataset (e.g. gidx_dataset_load_default())
 * @param region    a region code or display name
 * @param opt       options, or NULL for ::GIDX_IO_REGION_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_ESTATE when the model lacks output or an
 *         employment satellite and no national region is named;
 *         ::GIDX_ENOTFOUND naming a sector without a group, the region or
 *         a missing value; ::GIDX_EDATA naming the region, year and group
 *         whose regional employment exceeds the national; ::GIDX_EINVAL;
 *         as gidx_io_model_regionalise().
 */
GIDX_API gidx_status gidx_io_model_regionalise_dataset(gidx_io_model **out, int *year_used,
                                                       const gidx_io_model *national,
                                                       const gidx_dataset *data,
                                                       const char *region,
                                                       const gidx_io_region_options *opt);

/**
 * The embedded model of the Norwegian economy: Statistics Norway's
 * symmetric industry-by-industry input-output table for domestic production
 * (ESA 2010 transmission table 1850) of @p year, 62 industries named by
 * SSB's row codes (`R01` … `RT`: A*64 with 19–21 merged as `R21` and
 * 68A/68B split), NOK million at current basic prices, with:
 *
 * - satellites: value added (B1G), labour income (compensation of employees
 *   D1), imported intermediates (column sums of the imports table 1950),
 *   greenhouse gases in t CO2e (SSB's air emissions accounts, sheet GHG,
 *   mapped from NACE; data/io/norway/make_ghg.py) and employment (SSB
 *   table 13470, "Hele landet", by place of work, the 16 SN2007 groups of
 *   the nearest year 2021–2022, each distributed to the group's industries
 *   by their share of the group's D1: see gidx_io_model_note());
 * - households: the domestic household consumption column P3_S14, so type
 *   II closes the model with P3_S14 and D1 (Miller & Blair 2009, sec. 2.5);
 * - the SN2007 group of each industry, for regionalisation and for shocks
 *   given as group labels.
 *
 * The table is checked on loading: every industry's row total use (its
 * intermediate sales plus final uses) and column total (domestic and
 * imported inputs, taxes less subsidies on products and value added) must
 * equal its output within SSB's rounding, 1 + 1e-5 x output NOK million.
 *
 * Source: Statistics Norway, national accounts, input-output tables
 * 2012–2021 (NLOD 2.0), as copied in data/io/norway/ (README there).
 *
 * @param out   out: the model (free with gidx_io_model_free()); NULL on failure
 * @param year  2012 … 2021, or 0 for the latest (2021)
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for a year without a table (naming
 *         it); ::GIDX_EDATA for an unbalanced industry (naming it);
 *         ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_norway(gidx_io_model **out, int year);

/** First and last year of the embedded Norwegian tables (2012, 2021). */
GIDX_API int gidx_io_norway_first_year(void);
/** @copydoc gidx_io_norway_first_year */
GIDX_API int gidx_io_norway_last_year(void);

/**
 * Load a model from Statistics Norway's input-output workbooks as published
 * (Eurostat's ESA 2010 transmission questionnaire): table 1850 (domestic
 * production, industry by industry) and table 1950 (imports), one sheet
 * each named after the table. Row 28 holds the column codes from column E,
 * column C the row codes from row 29 (R01 … RU, then the totals R, RNAM,
 * RNTS, RADJ), the value-added rows follow with their transaction in column
 * A (D1, B1G, P1, …); cells may be `M` (not applicable) or `L` (not
 * available), read as 0. The model is built as gidx_io_model_norway() from
 * the workbooks' own numbers (year from the TIME attribute); the greenhouse
 * gas satellite is the embedded one of that year and the employment key
 * uses the embedded 13470 national employment. Read with the library's
 * xlsx reader (gidx_xlsx_open()).
 *
 * @param out       out: the model; NULL on failure
 * @param domestic  path of the 1850 workbook
 * @param imports   path of the 1950 workbook (the same year)
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (not a workbook, or a
 *         missing sheet, naming it); ::GIDX_EDATA naming the sheet and cell
 *         (a non-numeric cell, a negative flow or output, an unknown or
 *         missing industry code, different years) or the industry whose row
 *         or column does not balance; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_io_model_load_ssb(gidx_io_model **out, const char *domestic,
                                            const char *imports);

/**
 * What a user of the model must be told about it (UTF-8, one sentence per
 * line): the table and year, how employment was built and from which year.
 * Borrowed; lives as long as the model. NULL when there is nothing to say.
 */
GIDX_API const char *gidx_io_model_note(const gidx_io_model *m);

/**
 * Total output x of the n sectors (the model's currency unit).
 *
 * @param out  out: n values (caller-allocated)
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ESTATE for a model without total
 *         output (built from coefficients, or regionalised); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_output(double *out, size_t cap, const gidx_io_model *m);

/** Year of the model's table (0 when unknown). */
GIDX_API int gidx_io_model_year(const gidx_io_model *m);

/**
 * Employed persons in Norway by the 16 SN2007 groups of SSB table 13470
 * ("Hele landet", by place of work; embedded), in the order of
 * gidx_sn2007_group(). 13470 starts in 2021 here: other years take the
 * nearest of 2021 and 2022 (reported in @p year_used).
 *
 * @param values    out: gidx_sn2007_ngroups() values (persons)
 * @param cap       capacity of @p values
 * @param year_used out: the year used (may be NULL)
 * @param year      the wanted year, or 0 for the latest
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_national_employment(double *values, size_t cap, int *year_used,
                                                 int year);

/**
 * Add a shock to a final-demand vector: @p amount for the sector named
 * @p code (for SSB's tables also its NACE / A*64 spelling: "F" or "41-43" for
 * RF, "C10-C12" or "10-12" for R10_12, "L68A" for R68A, "19-21" for R21),
 * or, when @p code is an SN2007 group label of table 13470
 * ("Industri", "Bygge- og anleggsvirksomhet") and the model knows the
 * groups of its sectors, spread over the group's sectors in proportion to
 * their output. With ::GIDX_IO_UNIT_JOBS the amount is a number of jobs,
 * converted through each sector's output per job x_j / e_j (employment
 * satellite); a group's jobs are spread in proportion to the sectors'
 * employment, which gives the same total as the group's output per job.
 *
 * @param df      the n-vector to add to (caller's)
 * @param n       number of sectors
 * @param m       the model
 * @param code    a sector name or an SN2007 group label
 * @param amount  currency (the table's unit) or jobs; finite
 * @param unit    a ::gidx_io_shock_unit
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the code; ::GIDX_ESTATE for
 *         jobs without an employment satellite or total output;
 *         ::GIDX_EDATA naming a sector without employment for jobs or a
 *         group whose output is zero; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_io_model_shock_add(double *df, size_t n, const gidx_io_model *m,
                                             const char *code, double amount, int unit);

/**
 * The model's note (gidx_io_model_note()) carried by a result, plus the
 * regionalisation it was made with; borrowed, or NULL.
 */
GIDX_API const char *gidx_io_result_note(const gidx_io_result *r);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_RIPPLE_H */
