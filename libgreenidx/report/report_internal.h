/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internal interface between the report document and the SVG renderers. */
#ifndef GIDX_REPORT_INTERNAL_H
#define GIDX_REPORT_INTERNAL_H

#include "../core/internal.h"
#include <greenidx/report.h>
#include <greenidx/table.h>

/* Languages of the report (lang.c). */
enum { GIDX__LANG_EN = 0, GIDX__LANG_NB = 1 };
/* GIDX__LANG_* of "en", "nb" (also "no", "nb-NO"); -1 for others; NULL = en. */
int gidx__lang_parse(const char *lang);
const char *gidx__lang_code(int lang);
/* The fixed string @p en in @p lang: the one lookup of the translation table. */
const char *gidx__tr(int lang, const char *en) __attribute__((format_arg(2)));
/* A number for display in @p lang, never in e-notation: @p decimals places,
 * or < 0 for the report's rule (0 from 100,000, 1 from 100, else 3
 * significant digits without trailing zeros); thousands grouped when
 * @p grouped (',' in en, ' ' in nb); decimal '.' (en) or ',' (nb); "-" for
 * a missing value. */
void gidx__num(char *buf, size_t n, double v, int lang, int decimals, int grouped);

/* A table of typed columns (::gidx_cell_type): number cells are given as C
 * numbers ("%.17g", "" = missing) and formatted by the renderer in the
 * report's language. */
gidx_status gidx__report_add_table_typed(gidx_report *r, const char *caption, size_t nrows,
                                         size_t ncols, const char *const *header,
                                         const int *types, const char *const *cells);

void gidx__xml_escape(gidx__buf *b, const char *s);
/* The region codes an instrument of a scenario names (none = every region). */
size_t gidx__scenario_nregions(const gidx_scenario *s, size_t i);
const char *gidx__scenario_region(const gidx_scenario *s, size_t i, size_t k);
void gidx__nice_axis(double lo, double hi, int nt, double *alo, double *ahi, double *step);
gidx_status gidx__fan_chart_check(const gidx_fan_chart *c);
gidx_status gidx__ranking_check(size_t n, const char *const *labels, const double *score,
                                const double *rank, const double *rank_lo, const double *rank_hi);
gidx_status gidx__heatmap_check(size_t nrows, size_t ncols, const char *const *row_labels,
                                const char *const *col_labels, const double *values);
gidx_status gidx__bars_check(size_t n, size_t nparts, const char *const *labels,
                             const char *const *part_labels, const double *values);
void gidx__svg_bars(gidx__buf *b, int lang, const char *title, const char *unit, size_t n,
                    size_t nparts, const char *const *labels, const char *const *part_labels,
                    const double *values);
void gidx__svg_fan_chart(gidx__buf *b, const gidx_fan_chart *c, int lang);
void gidx__svg_ranking(gidx__buf *b, int lang, const char *title, size_t n, const char *const *labels,
                       const double *score, const double *rank, const double *rank_lo,
                       const double *rank_hi);
void gidx__svg_heatmap(gidx__buf *b, int lang, const char *title, size_t nrows, size_t ncols,
                       const char *const *row_labels, const char *const *col_labels,
                       const double *values, const int *direction);
gidx_status gidx__waterfall_check(const char *start_label, double start, const char *end_label,
                                  const char *const *labels, const double *steps, size_t n);
void gidx__svg_waterfall(gidx__buf *b, int lang, const char *title, const char *unit,
                         const char *start_label, double start, const char *end_label,
                         const char *const *labels, const double *steps, size_t n);

/* The roadmap's "Drivers of change" section for the regions @p codes of
 * @p data, its fixed text in @p lang (GIDX__LANG_*) (drivers_section.c). */
gidx_status gidx__roadmap_drivers(gidx_report *r, int lang, const gidx_dataset *data,
                                  const char *const *codes, size_t n);

/* A row of a workbook's last sheet: text for text columns, numbers (NaN =
 * missing) for the others (workbook.c). */
gidx_status gidx__workbook_add_values(gidx_workbook *wb, const char *const *text,
                                      const double *num, size_t n);
/* The same for sheet @p sheet_index (num may be NULL: cells parsed from text). */
gidx_status gidx__workbook_add_row_to(gidx_workbook *wb, size_t sheet_index,
                                      const char *const *text, const double *num, size_t n);

#endif
