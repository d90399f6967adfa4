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
void gidx__nice_axis(double lo, double hi, int nt, double *alo, double *ahi, double *step);
gidx_status gidx__fan_chart_check(const gidx_fan_chart *c);
gidx_status gidx__ranking_check(size_t n, const char *const *labels, const double *score,
                                const double *rank, const double *rank_lo, const double *rank_hi);
gidx_status gidx__heatmap_check(size_t nrows, size_t ncols, const char *const *row_labels,
                                const char *const *col_labels, const double *values);
void gidx__svg_fan_chart(gidx__buf *b, const gidx_fan_chart *c);
void gidx__svg_ranking(gidx__buf *b, const char *title, size_t n, const char *const *labels,
                       const double *score, const double *rank, const double *rank_lo,
                       const double *rank_hi);
void gidx__svg_heatmap(gidx__buf *b, const char *title, size_t nrows, size_t ncols,
                       const char *const *row_labels, const char *const *col_labels,
                       const double *values, const int *direction);

/* A row of a workbook's last sheet: text for text columns, numbers (NaN =
 * missing) for the others (workbook.c). */
gidx_status gidx__workbook_add_values(gidx_workbook *wb, const char *const *text,
                                      const double *num, size_t n);

#endif
