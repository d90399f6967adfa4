/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file report.h
 * @brief Reports: a document of sections, paragraphs, tables and charts,
 *        rendered as text, JSON or one self-contained HTML page with inline SVG.
 *
 * A ::gidx_report is built block by block from results the other modules
 * computed, then rendered. The HTML rendering is a single file with inline CSS
 * and SVG: no scripts, fonts or network access. The JSON rendering carries
 * the same content for machines (schema in docs/report.md). The charts are
 * also available on their own as SVG strings (gidx_svg_fan_chart() etc.), e.g.
 * for the Python and R layers.
 *
 * Strings returned through `char **out` are the caller's; free them with
 * gidx_free() (common.h).
 */
#ifndef GREENIDX_REPORT_H
#define GREENIDX_REPORT_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A report document (opaque). */
typedef struct gidx_report gidx_report;

/** Output formats of gidx_report_render(). */
enum gidx_report_format {
    GIDX_REPORT_TEXT = 0,  /**< plain UTF-8 text for a terminal */
    GIDX_REPORT_JSON = 1,  /**< JSON (schema: docs/report.md) */
    GIDX_REPORT_HTML = 2   /**< one self-contained HTML5 page with inline SVG */
};

/**
 * A fan chart: an observed series, a forecast with nested prediction
 * intervals, and an optional target path. Initialise with
 * ::GIDX_FAN_CHART_INIT; arrays are borrowed for the duration of the call.
 */
typedef struct gidx_fan_chart {
    unsigned version;          /**< must be 1 */
    const char *title;         /**< chart title (UTF-8), may be NULL */
    const char *unit;          /**< unit of the y axis, may be NULL */
    const int *obs_years;      /**< years of the observations */
    const double *obs;         /**< observed values (NaN = missing) */
    size_t n_obs;              /**< number of observations */
    const int *fc_years;       /**< forecast years */
    const double *fc_mean;     /**< forecast means */
    size_t n_fc;               /**< number of forecast years */
    const double *levels;      /**< interval levels in percent, ascending (e.g. 80, 95) */
    size_t n_levels;           /**< number of levels (0 = no intervals) */
    const double *fc_lo;       /**< lower bounds, n_levels x n_fc, row-major by level */
    const double *fc_hi;       /**< upper bounds, n_levels x n_fc, row-major by level */
    const int *target_years;   /**< years of the target path, may be NULL */
    const double *target;      /**< target path values */
    size_t n_target;           /**< number of target points */
} gidx_fan_chart;

/** An empty fan chart description (version 1). */
#define GIDX_FAN_CHART_INIT { 1u, NULL, NULL, NULL, NULL, 0u, NULL, NULL, 0u, \
                              NULL, 0u, NULL, NULL, NULL, NULL, 0u }

/**
 * Create an empty report.
 * @param out   out: the report (free with gidx_report_free()); NULL on failure
 * @param title the document title (copied)
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_report_new(gidx_report **out, const char *title);

/** Free a report; NULL is a no-op. */
GIDX_API void gidx_report_free(gidx_report *r);

/**
 * Set the language of the renderers' fixed text (e.g. "last observed",
 * chart legends, the HTML footer) and of numbers in text and HTML: "en"
 * (the default; decimal point, ',' between thousands) or "nb" (Norwegian
 * bokmål; decimal comma, space between thousands). Numbers are never written
 * in e-notation. The blocks' own text is the caller's: gidx_roadmap_run()
 * writes it in the language of its options.
 * @return ::GIDX_OK; ::GIDX_EINVAL for another language.
 */
GIDX_API gidx_status gidx_report_set_lang(gidx_report *r, const char *lang);

/** The report's language, "en" or "nb" (static string). */
GIDX_API const char *gidx_report_lang(const gidx_report *r);

/**
 * Number of fixed strings in the report layer's translation table: every
 * fixed text that gidx_roadmap_run() and the renderers write, in English and
 * Norwegian bokmål (some are printf formats). Used by the tests that check
 * that a bokmål report holds no English fixed text; docs/report.md says how
 * to add strings.
 */
GIDX_API size_t gidx_lang_nstrings(void);

/**
 * Fixed string @p i of the translation table in @p lang ("en" or "nb").
 * @return a static string; NULL when @p i is out of range or the language unknown.
 */
GIDX_API const char *gidx_lang_string(size_t i, const char *lang);

/**
 * The translation of the English fixed string @p en into @p lang: the one
 * lookup of the table. Strings not in the table, and "en", give @p en itself.
 */
GIDX_API const char *gidx_lang_text(const char *lang, const char *en);

/**
 * Start a new section; the blocks added next belong to it.
 * @param r     the report
 * @param id    a stable identifier (used as JSON key and HTML anchor; letters,
 *              digits, '-' and '_')
 * @param title the section heading
 * @return ::GIDX_OK; ::GIDX_EINVAL for a bad id; ::GIDX_EDUPLICATE when the id is taken.
 */
GIDX_API gidx_status gidx_report_add_section(gidx_report *r, const char *id,
                                             const char *title);

/**
 * Add a paragraph of text to the current section.
 * @param r    the report
 * @param text UTF-8 text (escaped in HTML)
 */
GIDX_API gidx_status gidx_report_add_text(gidx_report *r, const char *text);

/**
 * Add a table of text cells.
 * @param r       the report
 * @param caption caption, may be NULL
 * @param nrows   number of body rows
 * @param ncols   number of columns, >= 1
 * @param header  @p ncols column names
 * @param cells   @p nrows x @p ncols cells, row-major (NULL cells print empty)
 */
GIDX_API gidx_status gidx_report_add_table(gidx_report *r, const char *caption,
                                           size_t nrows, size_t ncols,
                                           const char *const *header,
                                           const char *const *cells);

/**
 * Add a paragraph that is a link: in HTML an `<a href>`; in text the link
 * text, followed by the address unless it is an anchor in the document
 * ("#section-id"); in JSON a block {"type": "link", "text", "href"}.
 * @param r    the report
 * @param text the link text
 * @param href the address, e.g. "#validation-findings" or "validation.csv"
 */
GIDX_API gidx_status gidx_report_add_link(gidx_report *r, const char *text, const char *href);

/**
 * Add a fan chart (see ::gidx_fan_chart); the data are copied.
 * @return ::GIDX_OK; ::GIDX_EINVAL for inconsistent lengths or unordered levels.
 */
GIDX_API gidx_status gidx_report_add_fan_chart(gidx_report *r, const gidx_fan_chart *c);

/**
 * Add a ranking chart: one row per region with its score, nominal rank and a
 * rank interval (e.g. the 5-95 % interval of a Monte Carlo analysis). The
 * rows are kept in rank order (best first, unranked last, ties in the given
 * order), so every rendering lists them by rank.
 * @param r       the report
 * @param title   chart title, may be NULL
 * @param n       number of regions
 * @param labels  region labels
 * @param score   scores (NaN allowed: drawn as "no score")
 * @param rank    nominal ranks (1 = best)
 * @param rank_lo lower ends of the rank intervals (may be NULL)
 * @param rank_hi upper ends of the rank intervals (may be NULL)
 */
GIDX_API gidx_status gidx_report_add_ranking(gidx_report *r, const char *title, size_t n,
                                             const char *const *labels,
                                             const double *score, const double *rank,
                                             const double *rank_lo, const double *rank_hi);

/**
 * Add a heatmap of values by row (region) and column (indicator). Each column
 * is coloured on its own scale from worst to best; @p direction gives, per
 * column, +1 when higher is better, -1 when lower is better, 0 for context
 * indicators (neutral scale).
 * @param r          the report
 * @param title      chart title, may be NULL
 * @param nrows      number of rows
 * @param ncols      number of columns
 * @param row_labels row labels
 * @param col_labels column labels
 * @param values     nrows x ncols values, row-major (NaN = missing)
 * @param direction  ncols directions (may be NULL: all +1)
 */
GIDX_API gidx_status gidx_report_add_heatmap(gidx_report *r, const char *title,
                                             size_t nrows, size_t ncols,
                                             const char *const *row_labels,
                                             const char *const *col_labels,
                                             const double *values, const int *direction);

/**
 * Add a horizontal stacked bar chart: one bar per label, made of @p nparts
 * parts (e.g. the direct, indirect and induced effects of a ripple shock by
 * industry); positive parts stack right of zero, negative ones left.
 * @param title        the chart's title (copied)
 * @param unit         the values' unit, shown under the axis (copied; may be NULL)
 * @param n            number of bars, >= 1
 * @param nparts       parts per bar, >= 1
 * @param labels       n bar labels
 * @param part_labels  nparts legend labels
 * @param values       n * nparts values, row-major (bar i, part p at i * nparts + p); NaN is skipped
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_report_add_bars(gidx_report *r, const char *title, const char *unit,
                                          size_t n, size_t nparts, const char *const *labels,
                                          const char *const *part_labels, const double *values);

/**
 * Render the report.
 * @param out    out: NUL-terminated UTF-8 text, the caller's (free with gidx_free())
 * @param len    out: length in bytes without the NUL (may be NULL)
 * @param r      the report
 * @param format a ::gidx_report_format
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_report_render(char **out, size_t *len, const gidx_report *r,
                                        int format);

/**
 * Render the report and write it to @p path atomically (whole or not at all).
 * @return as gidx_report_render(), and ::GIDX_EIO naming the file.
 */
GIDX_API gidx_status gidx_report_write(const gidx_report *r, const char *path, int format);

/**
 * A fan chart as a standalone SVG document.
 * @param out out: the SVG text (free with gidx_free())
 * @param c   the chart
 */
GIDX_API gidx_status gidx_svg_fan_chart(char **out, const gidx_fan_chart *c);

/**
 * A ranking chart as a standalone SVG document (arguments as
 * gidx_report_add_ranking()).
 * @param out out: the SVG text (free with gidx_free())
 */
GIDX_API gidx_status gidx_svg_ranking(char **out, const char *title, size_t n,
                                      const char *const *labels, const double *score,
                                      const double *rank, const double *rank_lo,
                                      const double *rank_hi);

/**
 * A heatmap as a standalone SVG document (arguments as gidx_report_add_heatmap()).
 * @param out out: the SVG text (free with gidx_free())
 */
GIDX_API gidx_status gidx_svg_heatmap(char **out, const char *title, size_t nrows,
                                      size_t ncols, const char *const *row_labels,
                                      const char *const *col_labels,
                                      const double *values, const int *direction);

/**
 * A stacked bar chart as a standalone SVG document (arguments as gidx_report_add_bars()).
 * @param out out: the SVG text (free with gidx_free())
 */
GIDX_API gidx_status gidx_svg_bars(char **out, const char *title, const char *unit, size_t n,
                                   size_t nparts, const char *const *labels,
                                   const char *const *part_labels, const double *values);

/**
 * Add a waterfall chart: a start bar, one floating bar per step (an
 * additive effect, e.g. of an LMDI decomposition), and an end bar at
 * start + the sum of the steps. HTML renders it as SVG (increases red,
 * decreases green), text as one line per bar, JSON as
 * `{"type": "waterfall", "start": {...}, "steps": [...], "end": {...}}`.
 *
 * @param title        chart title (may be NULL)
 * @param unit         unit of the values (may be NULL)
 * @param start_label  label of the start bar (e.g. "2016")
 * @param start        the start value
 * @param end_label    label of the end bar (e.g. "2024")
 * @param labels       @p n step labels
 * @param steps        @p n step values
 * @param n            number of steps (>= 1)
 * @return ::GIDX_OK; ::GIDX_EINVAL (NULL labels, n == 0); ::GIDX_EDATA (a
 *         value that is not finite); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_report_add_waterfall(gidx_report *r, const char *title,
                                               const char *unit, const char *start_label,
                                               double start, const char *end_label,
                                               const char *const *labels, const double *steps,
                                               size_t n);

/**
 * A waterfall chart as a standalone SVG document (arguments as
 * gidx_report_add_waterfall()).
 * @param out out: the SVG text (free with gidx_free())
 */
GIDX_API gidx_status gidx_svg_waterfall(char **out, const char *title, const char *unit,
                                        const char *start_label, double start,
                                        const char *end_label, const char *const *labels,
                                        const double *steps, size_t n);
/* ------------------------------------------------------------ workbooks */

/**
 * A spreadsheet workbook (opaque): sheets of typed cells, written as an
 * Office Open XML workbook (.xlsx) with Debian's libxlsxwriter. Every sheet
 * is one table: a header row of column names with their units ("value (t
 * CO2e)"), then one row per record; numbers are numeric cells, years and
 * counts integer cells (number format "0"), text is text (formula-like text
 * neutralised as gidx_csv_field() does), and a missing value is an empty
 * cell. Sheet names are made valid for Excel (at most 31 characters, no
 * `[]:*?/\`, unique): gidx_workbook_sheet_name() gives the name used.
 */
typedef struct gidx_workbook gidx_workbook;

/** Column types of a workbook sheet. */
enum gidx_cell_type {
    GIDX_CELL_TEXT = 0,     /**< text */
    GIDX_CELL_NUMBER = 1,   /**< a real number */
    GIDX_CELL_INTEGER = 2,  /**< a whole number (counts, ranks), thousands grouped in reports */
    GIDX_CELL_YEAR = 3      /**< a calendar year: a whole number, never grouped */
};

/**
 * Create an empty workbook.
 * @param out out: the workbook (free with gidx_workbook_free()); NULL on failure
 * @return ::GIDX_OK, ::GIDX_EINVAL, ::GIDX_ENOMEM
 */
GIDX_API gidx_status gidx_workbook_new(gidx_workbook **out);

/** Free a workbook; NULL is a no-op. */
GIDX_API void gidx_workbook_free(gidx_workbook *wb);

/**
 * Add a sheet; the rows added next belong to it.
 * @param wb     the workbook
 * @param name   the sheet name (made valid and unique, see above)
 * @param ncols  number of columns, >= 1
 * @param header @p ncols column names
 * @param units  @p ncols units (NULL or "" = none), or NULL for no units
 * @param types  @p ncols ::gidx_cell_type values, or NULL for all text
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_workbook_add_sheet(gidx_workbook *wb, const char *name, size_t ncols,
                                             const char *const *header,
                                             const char *const *units, const int *types);

/**
 * Add a row to the last sheet from text cells, converted by the column
 * types: an empty (or NULL) cell and "NA" (R's missing value, which
 * `greenidx index --format csv` writes) are missing; a number column's cell
 * must otherwise be a number in C notation ("-3.5", "1e-3").
 * @param wb    the workbook
 * @param cells as many cells as the sheet has columns
 * @param n     number of cells
 * @return ::GIDX_OK; ::GIDX_EDATA naming the sheet and cell (e.g. "B7") of a
 *         cell that is not a number; ::GIDX_ELIMIT past 1,048,576 rows or for
 *         text longer than 32,767 bytes; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_workbook_add_row(gidx_workbook *wb, const char *const *cells, size_t n);

/**
 * Add a sheet holding a CSV table (RFC 4180, ',' separated, '.' decimal
 * mark, header line first), e.g. the `--format csv` output of a command.
 * @param wb    the workbook
 * @param name  the sheet name
 * @param csv   the CSV text (need not be NUL-terminated)
 * @param len   its length in bytes
 * @param types one letter per column: 't' text, 'n' number, 'i' integer,
 *              'y' year; the last letter applies to the remaining columns
 *              ("tyn": text, year, then numbers); NULL = all text
 * @param units units by column name, as pairs {column, unit, column, unit,
 *              ..., NULL}; may be NULL
 * @return as gidx_workbook_add_row(); ::GIDX_EPARSE for bad CSV.
 */
GIDX_API gidx_status gidx_workbook_add_csv(gidx_workbook *wb, const char *name,
                                           const char *csv, size_t len, const char *types,
                                           const char *const *units);

/** Number of sheets. */
GIDX_API size_t gidx_workbook_nsheets(const gidx_workbook *wb);
/** The (valid, unique) name of sheet @p i (borrowed), NULL when out of range. */
GIDX_API const char *gidx_workbook_sheet_name(const gidx_workbook *wb, size_t i);

/**
 * The workbook as the bytes of an .xlsx file.
 * @param out out: the bytes, the caller's (free with gidx_free())
 * @param len out: their number
 * @param wb  the workbook (at least one sheet)
 * @return ::GIDX_OK; ::GIDX_EIO (libxlsxwriter's message); ::GIDX_EINVAL;
 *         ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_workbook_render(char **out, size_t *len, const gidx_workbook *wb);

/**
 * The workbook's cells as one long CSV table `sheet,row,column,value`: one
 * line per non-empty cell, sheet by sheet and row by row (row 1 = the first
 * row under the header; column = the header with its unit), numbers in C
 * notation with 17 significant digits, text quoted and neutralised as
 * gidx_csv_field() does. `greenidx report --format csv` writes it.
 * @param out out: the text, the caller's (free with gidx_free())
 * @param len out: its length (may be NULL)
 * @param wb  the workbook
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_workbook_render_csv(char **out, size_t *len, const gidx_workbook *wb);

/**
 * Write the workbook to @p path whole or not at all (gidx_write_file()).
 * @return as gidx_workbook_render(), and ::GIDX_EIO naming the file.
 */
GIDX_API gidx_status gidx_workbook_write(const gidx_workbook *wb, const char *path);

/**
 * Add the report's tables to a workbook: a sheet "contents" (sheet, section,
 * caption), then one sheet per table, ranking, heatmap, bar chart (label,
 * parts, total) and waterfall (bar, value: start, steps, end) in document
 * order, named after its section ("index 1", ...). Number columns are numeric cells
 * (years and counts integers); the headers are the report's, in its language.
 * @param wb the workbook
 * @param r  the report
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_report_to_workbook(gidx_workbook *wb, const gidx_report *r);

struct gidx_panel;

/**
 * Add an indicator panel to a workbook: sheet "indicators", one row per
 * region and year, one column per indicator headed "id (unit)", and sheet
 * "catalogue" (id, name_en, name_nb, unit, pillar, direction).
 * @param wb     the workbook
 * @param p      the panel
 * @param region a region code or name to restrict the rows to, or NULL
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown region; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_workbook_add_panel(gidx_workbook *wb, const struct gidx_panel *p,
                                             const char *region);

/* ------------------------------------------------------------ scenarios */

/**
 * A policy scenario (opaque): instruments acting on indicators and an
 * optional input-output shock, loaded from the JSON format documented in
 * docs/report.md ("Scenario files").
 */
typedef struct gidx_scenario gidx_scenario;

/**
 * Load a scenario file. Relative file names inside it (an estimator's result,
 * the input-output folder) are resolved against the file's directory.
 * @param out  out: the scenario (free with gidx_scenario_free()); NULL on failure
 * @param path the JSON file
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (file:line:column);
 *         ::GIDX_EDATA naming the JSON path at fault (e.g. instruments[1].start_year).
 */
GIDX_API gidx_status gidx_scenario_load(gidx_scenario **out, const char *path);

/**
 * Parse a scenario held in memory; as gidx_scenario_load() with relative file
 * names resolved against the current directory.
 * @param out  out: the scenario; NULL on failure
 * @param json the JSON text
 * @param len  its length in bytes
 * @param name a name for error messages, may be NULL
 */
GIDX_API gidx_status gidx_scenario_parse(gidx_scenario **out, const char *json, size_t len,
                                         const char *name);

/** Free a scenario; NULL is a no-op. */
GIDX_API void gidx_scenario_free(gidx_scenario *s);

/** The scenario's name (borrowed). */
GIDX_API const char *gidx_scenario_name(const gidx_scenario *s);
/** Number of instruments. */
GIDX_API size_t gidx_scenario_ninstruments(const gidx_scenario *s);
/** Name of instrument @p i (borrowed), NULL when out of range. */
GIDX_API const char *gidx_scenario_instrument_name(const gidx_scenario *s, size_t i);
/** Indicator id instrument @p i acts on (borrowed), NULL when out of range. */
GIDX_API const char *gidx_scenario_instrument_indicator(const gidx_scenario *s, size_t i);
/** First year instrument @p i acts in. */
GIDX_API int gidx_scenario_instrument_start(const gidx_scenario *s, size_t i);
/** 1 when instrument @p i's effect is a fraction of the baseline, 0 when in the indicator's unit. */
GIDX_API int gidx_scenario_instrument_relative(const gidx_scenario *s, size_t i);
/** Where instrument @p i's effect comes from: "given" or the estimator result file (borrowed). */
GIDX_API const char *gidx_scenario_instrument_source(const gidx_scenario *s, size_t i);
/** 1 when instrument @p i applies to @p region (no region list = all regions). */
GIDX_API int gidx_scenario_instrument_applies(const gidx_scenario *s, size_t i,
                                              const char *region);

/**
 * The effect of instrument @p i in each of @p years: 0 before the start
 * year, then the effect k years after adoption; after the last given year the
 * last effect persists.
 * @param out   out: @p n effects (caller-allocated)
 * @param cap   room in @p out
 * @param s     the scenario
 * @param i     the instrument
 * @param years the years
 * @param n     number of years
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_scenario_effect_path(double *out, size_t cap, const gidx_scenario *s,
                                               size_t i, const int *years, size_t n);

/** 1 when the scenario has an input-output shock. */
GIDX_API int gidx_scenario_has_ripple(const gidx_scenario *s);
/** The input-output folder of the shock (borrowed), or NULL for the embedded
 *  Norwegian table of gidx_scenario_ripple_io_year() (gidx_io_model_norway()). */
GIDX_API const char *gidx_scenario_ripple_io(const gidx_scenario *s);
/** Multiplier type of the shock: 1 (households exogenous) or 2 (households closed). */
GIDX_API int gidx_scenario_ripple_type(const gidx_scenario *s);
/** Year of the shock (0 when not given). */
GIDX_API int gidx_scenario_ripple_year(const gidx_scenario *s);
/** Number of sectors shocked. */
GIDX_API size_t gidx_scenario_ripple_nshocks(const gidx_scenario *s);
/** Sector @p i of the shock (borrowed), or NULL. */
GIDX_API const char *gidx_scenario_ripple_sector(const gidx_scenario *s, size_t i);
/** Final-demand change of sector @p i (NaN when out of range). */
GIDX_API double gidx_scenario_ripple_amount(const gidx_scenario *s, size_t i);
/** Year of the embedded Norwegian table ("io_year"; 0 = the latest). */
GIDX_API int gidx_scenario_ripple_io_year(const gidx_scenario *s);
/** Region to regionalise the table for ("region", borrowed), or NULL for the nation. */
GIDX_API const char *gidx_scenario_ripple_region(const gidx_scenario *s);
/** Where shock @p i comes from: "ripple.shock" or the name of the instrument
 *  whose "demand" it is (borrowed), or NULL when out of range. */
GIDX_API const char *gidx_scenario_ripple_origin(const gidx_scenario *s, size_t i);

/* ------------------------------------------------------------- roadmap */

struct gidx_catalog;

/**
 * Progress of gidx_roadmap_run(): called before each step with its name
 * ("indicators", "validation", "index", "benchmarking", "forecasts",
 * "scenario", "report"), the step number (1-based) and the number of steps.
 */
typedef void (*gidx_roadmap_progress_fn)(const char *step, size_t done, size_t total,
                                         void *user);

/** Options of gidx_roadmap_run(); initialise with ::GIDX_ROADMAP_OPTIONS_INIT. */
typedef struct gidx_roadmap_options {
    unsigned version;                 /**< must be 1 */
    const char *const *regions;       /**< region codes or names to report on; NULL = all */
    size_t nregions;                  /**< number of @p regions */
    const char *target;               /**< named target record of the catalogue for every region; NULL = each region's own target (gidx_catalog_region_target()), else "municipal_2009" when present */
    const gidx_scenario *scenario;    /**< policy scenario, or NULL */
    int horizon;                      /**< last forecast year; 0 = 2030 */
    size_t mc;                        /**< Monte Carlo replications for the rank intervals; 0 = 500 */
    unsigned long seed;               /**< seed of every random draw (Monte Carlo, simulated intervals) */
    gidx_roadmap_progress_fn progress; /**< may be NULL */
    void *progress_user;              /**< passed to @p progress */
} gidx_roadmap_options;

/** Default roadmap options: all regions, default target, horizon 2030, 500 replications, seed 1. */
#define GIDX_ROADMAP_OPTIONS_INIT { 1u, NULL, 0u, NULL, NULL, 2030, 500u, 1ul, NULL, NULL }

/**
 * The whole roadmap pipeline in one call: evaluate the catalogue on the data
 * (indicator panel), validate it, build the composite index of the regions
 * (municipalities when counties are present too) with Monte Carlo rank
 * intervals, benchmark every region against the others (heatmap, scorecards),
 * forecast key indicators to the horizon with 80 % and 95 % intervals and the
 * probability of meeting the target, apply the scenario's instruments and
 * ripple shock, and lay it all out as a report (sections "summary",
 * "validation", "index", "benchmark", "forecasts", "scenario", "methods",
 * "validation-findings"). The summary opens with each region's status
 * against its target for the horizon year; the validation section counts
 * the findings by check and indicator and links to the full list in the last
 * section.
 *
 * @param out  out: the report (free with gidx_report_free()); NULL on failure
 * @param data the statistics (e.g. gidx_dataset_load_default())
 * @param cat  the indicator catalogue (e.g. gidx_catalog_default())
 * @param opt  options, or NULL for ::GIDX_ROADMAP_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND for an unknown region, target, or an
 *         instrument's indicator; errors of the modules; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_roadmap_run(gidx_report **out, const gidx_dataset *data,
                                      const struct gidx_catalog *cat,
                                      const gidx_roadmap_options *opt);

/**
 * gidx_roadmap_run() in a language: "en" (as gidx_roadmap_run(), also for
 * NULL) or "nb", the whole report in Norwegian bokmål — every fixed text of
 * the sections, tables, charts and renderers from the translation table
 * (gidx_lang_string()), indicator names from the catalogue's `name_nb`
 * (gidx_indicator_name()), numbers with decimal comma and a space between
 * thousands. Text that comes from the data as it is (region names, the
 * dataset's source note) is shown as given; the validation module's English
 * finding messages and the catalogue's English target description are left
 * out of a bokmål report.
 * @return as gidx_roadmap_run(); ::GIDX_EINVAL for another language.
 */
GIDX_API gidx_status gidx_roadmap_run_lang(gidx_report **out, const gidx_dataset *data,
                                           const struct gidx_catalog *cat,
                                           const gidx_roadmap_options *opt, const char *lang);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_REPORT_H */
