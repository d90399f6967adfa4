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
void gidx__svg_bars(gidx__buf *b, const char *title, const char *unit, size_t n, size_t nparts,
                    const char *const *labels, const char *const *part_labels, const double *values);
void gidx__svg_fan_chart(gidx__buf *b, const gidx_fan_chart *c);
void gidx__svg_ranking(gidx__buf *b, const char *title, size_t n, const char *const *labels,
                       const double *score, const double *rank, const double *rank_lo,
                       const double *rank_hi);
void gidx__svg_heatmap(gidx__buf *b, const char *title, size_t nrows, size_t ncols,
                       const char *const *row_labels, const char *const *col_labels,
                       const double *values, const int *direction);
gidx_status gidx__waterfall_check(const char *start_label, double start, const char *end_label,
                                  const char *const *labels, const double *steps, size_t n);
void gidx__svg_waterfall(gidx__buf *b, const char *title, const char *unit,
                         const char *start_label, double start, const char *end_label,
                         const char *const *labels, const double *steps, size_t n);

/* The roadmap's "Drivers of change" section for the regions @p codes of
 * @p data (drivers_section.c). */
gidx_status gidx__roadmap_drivers(gidx_report *r, const gidx_dataset *data,
                                  const char *const *codes, size_t n);

#endif
