/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Inline SVG charts: fan chart, ranking with intervals, heatmap, waterfall.
 *
 * Axis ticks use "nice numbers" (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990): steps of 1, 2, 5 x 10^k. Fan charts follow the Bank
 * of England style (Britton, Fisher & Whitley, "The Inflation Report
 * projections: understanding the fan chart", BoE Quarterly Bulletin 1998):
 * nested bands, darker for narrower intervals. Heatmap colours interpolate a
 * colour-blind-safe diverging palette (ColorBrewer RdYlBu, Harrower & Brewer
 * 2003) from worst (red) to best (blue) within each column. Text is
 * XML-escaped; the output contains no scripts and no external references.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "report_internal.h"

void gidx__xml_escape(gidx__buf *b, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '<': gidx__buf_puts(b, "&lt;"); break;
        case '>': gidx__buf_puts(b, "&gt;"); break;
        case '&': gidx__buf_puts(b, "&amp;"); break;
        case '"': gidx__buf_puts(b, "&quot;"); break;
        case '\'': gidx__buf_puts(b, "&#39;"); break;
        default: gidx__buf_putc(b, *s);
        }
    }
}

static double nice_num(double x, int round_it)
{
    double e = floor(log10(x)), f = x / pow(10.0, e), nf;
    if (round_it)
        nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else
        nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * pow(10.0, e);
}

/* Nice axis from [lo, hi] with about @p nt ticks. */
void gidx__nice_axis(double lo, double hi, int nt, double *alo, double *ahi, double *step)
{
    double range;
    if (!(hi > lo)) {
        double pad = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1.0;
        lo -= pad;
        hi += pad;
    }
    range = nice_num(hi - lo, 0);
    *step = nice_num(range / (nt - 1), 1);
    *alo = floor(lo / *step) * *step;
    *ahi = ceil(hi / *step) * *step;
}

static void fmt_tick(char *buf, size_t n, double v, double step, int lang)
{
    if (fabs(v) < step * 1e-9)
        v = 0;
    gidx__num(buf, n, v, lang, step >= 1 ? 0 : (int)ceil(-log10(step)), 1);
}

/* ------------------------------------------------------------ fan chart */

gidx_status gidx__fan_chart_check(const gidx_fan_chart *c)
{
    size_t i;
    if (c == NULL || c->version != 1)
        return gidx__error_set(GIDX_EINVAL, "fan chart: NULL or version != 1");
    if ((c->n_obs > 0 && (c->obs_years == NULL || c->obs == NULL)) ||
        (c->n_fc > 0 && (c->fc_years == NULL || c->fc_mean == NULL)) ||
        (c->n_levels > 0 && (c->levels == NULL || c->fc_lo == NULL || c->fc_hi == NULL)) ||
        (c->n_target > 0 && (c->target_years == NULL || c->target == NULL)))
        return gidx__error_set(GIDX_EINVAL, "fan chart \"%s\": an array is NULL but its length is not 0",
                               c->title ? c->title : "");
    if (c->n_obs + c->n_fc == 0)
        return gidx__error_set(GIDX_EINVAL, "fan chart \"%s\": no data", c->title ? c->title : "");
    for (i = 0; i < c->n_levels; i++)
        if (!(c->levels[i] > 0 && c->levels[i] < 100) || (i > 0 && c->levels[i] <= c->levels[i - 1]))
            return gidx__error_set(GIDX_EINVAL,
                "fan chart \"%s\": levels must be ascending percentages in (0, 100)",
                c->title ? c->title : "");
    return GIDX_OK;
}

#define FC_W 640
#define FC_H 320
#define FC_L 64
#define FC_R 16
#define FC_T 36
#define FC_B 40

static void range_add(double *lo, double *hi, double v)
{
    if (!gidx__isfinite(v))
        return;
    if (v < *lo) *lo = v;
    if (v > *hi) *hi = v;
}

static void polyline(gidx__buf *b, const int *yrs, const double *v, size_t n,
                     double x0, double xs, int ymin, double y0, double ys,
                     const char *style)
{
    size_t i;
    int open = 0;
    for (i = 0; i < n; i++) {
        if (!gidx__isfinite(v[i])) {
            if (open) gidx__buf_puts(b, "\"/>\n");
            open = 0;
            continue;
        }
        if (!open) {
            gidx__buf_printf(b, "<polyline class=\"%s\" points=\"", style);
            open = 1;
        }
        gidx__buf_printf(b, "%.1f,%.1f ", x0 + (yrs[i] - ymin) * xs, y0 - (v[i] - 0) * ys);
    }
    if (open)
        gidx__buf_puts(b, "\"/>\n");
}

void gidx__svg_fan_chart(gidx__buf *b, const gidx_fan_chart *c, int lang)
{
    double lo = INFINITY, hi = -INFINITY, alo, ahi, step, xs, ys, y0, t;
    int ymin = 0, ymax = 0, have = 0;
    size_t i, k;
    char tick[64];
    const int plot_w = FC_W - FC_L - FC_R, plot_h = FC_H - FC_T - FC_B;

#define YEAR_RANGE(arr, n) for (i = 0; i < (n); i++) { \
        if (!have || (arr)[i] < ymin) { ymin = (arr)[i]; } \
        if (!have || (arr)[i] > ymax) { ymax = (arr)[i]; } \
        have = 1; }
    YEAR_RANGE(c->obs_years, c->n_obs)
    YEAR_RANGE(c->fc_years, c->n_fc)
    YEAR_RANGE(c->target_years, c->n_target)
#undef YEAR_RANGE
    if (ymax == ymin)
        ymax = ymin + 1;
    for (i = 0; i < c->n_obs; i++) range_add(&lo, &hi, c->obs[i]);
    for (i = 0; i < c->n_fc; i++) range_add(&lo, &hi, c->fc_mean[i]);
    for (k = 0; k < c->n_levels; k++)
        for (i = 0; i < c->n_fc; i++) {
            range_add(&lo, &hi, c->fc_lo[k * c->n_fc + i]);
            range_add(&lo, &hi, c->fc_hi[k * c->n_fc + i]);
        }
    for (i = 0; i < c->n_target; i++) range_add(&lo, &hi, c->target[i]);
    if (!(lo <= hi)) { lo = 0; hi = 1; }
    if (lo > 0 && lo < 0.35 * hi) lo = 0;  /* show zero when it is close */
    gidx__nice_axis(lo, hi, 6, &alo, &ahi, &step);
    xs = (double)plot_w / (ymax - ymin);
    ys = (double)plot_h / (ahi - alo);
    y0 = FC_T + plot_h + alo * ys;  /* pixel of value 0 (y = y0 - v * ys) */

    gidx__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gidx-chart gidx-fan\" "
                     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
                     FC_W, FC_H, FC_W, FC_H);
    gidx__buf_puts(b, "<title>");
    gidx__xml_escape(b, c->title ? c->title : gidx__tr(lang, "fan chart"));
    gidx__buf_puts(b, "</title>\n<style>.ax{stroke:#555;stroke-width:1}.gr{stroke:#ddd;stroke-width:1}"
                   ".obs{fill:none;stroke:#1b3a5c;stroke-width:2}.fc{fill:none;stroke:#1f77b4;"
                   "stroke-width:2;stroke-dasharray:6 3}.tg{fill:none;stroke:#c0392b;stroke-width:2;"
                   "stroke-dasharray:2 3}text{font:11px sans-serif;fill:#333}.tt{font:bold 13px sans-serif}"
                   "</style>\n");
    gidx__buf_printf(b, "<text class=\"tt\" x=\"%d\" y=\"18\">", FC_L);
    gidx__xml_escape(b, c->title ? c->title : "");
    if (c->unit && c->unit[0]) {
        gidx__buf_puts(b, " (");
        gidx__xml_escape(b, c->unit);
        gidx__buf_puts(b, ")");
    }
    gidx__buf_puts(b, "</text>\n");
    for (t = alo; t <= ahi + step * 1e-9; t += step) {
        double py = y0 - t * ys;
        fmt_tick(tick, sizeof tick, t, step, lang);
        gidx__buf_printf(b, "<line class=\"gr\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                         "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                         FC_L, FC_W - FC_R, py, py, FC_L - 6, py + 4, tick);
    }
    {
        int ystep = (ymax - ymin) > 30 ? 10 : (ymax - ymin) > 12 ? 5 : (ymax - ymin) > 6 ? 2 : 1;
        int yy;
        for (yy = ymin + (ystep - (ymin % ystep)) % ystep; yy <= ymax; yy += ystep)
            gidx__buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
                             FC_L + (yy - ymin) * xs, FC_H - FC_B + 16, yy);
    }
    gidx__buf_printf(b, "<line class=\"ax\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>\n",
                     FC_L, FC_W - FC_R, FC_T + plot_h, FC_T + plot_h);
    /* Bands, widest first, darker for narrower intervals. */
    for (k = c->n_levels; k-- > 0;) {
        double op = 0.18 + 0.22 * (double)(c->n_levels - 1 - k) / (c->n_levels ? c->n_levels : 1);
        gidx__buf_printf(b, "<polygon class=\"band\" fill=\"#1f77b4\" fill-opacity=\"%.2f\" points=\"", op);
        for (i = 0; i < c->n_fc; i++)
            if (gidx__isfinite(c->fc_hi[k * c->n_fc + i]))
                gidx__buf_printf(b, "%.1f,%.1f ", FC_L + (c->fc_years[i] - ymin) * xs,
                                 y0 - c->fc_hi[k * c->n_fc + i] * ys);
        for (i = c->n_fc; i-- > 0;)
            if (gidx__isfinite(c->fc_lo[k * c->n_fc + i]))
                gidx__buf_printf(b, "%.1f,%.1f ", FC_L + (c->fc_years[i] - ymin) * xs,
                                 y0 - c->fc_lo[k * c->n_fc + i] * ys);
        {
            char lv[32];
            gidx__num(lv, sizeof lv, c->levels[k], lang, -1, 0);
            gidx__buf_puts(b, "\"><title>");
            gidx__buf_printf(b, gidx__tr(lang, "%s %% interval"), lv);
            gidx__buf_puts(b, "</title></polygon>\n");
        }
    }
    polyline(b, c->obs_years, c->obs, c->n_obs, FC_L, xs, ymin, y0, ys, "obs");
    for (i = 0; i < c->n_obs; i++)
        if (gidx__isfinite(c->obs[i]))
            gidx__buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1b3a5c\"/>\n",
                             FC_L + (c->obs_years[i] - ymin) * xs, y0 - c->obs[i] * ys);
    polyline(b, c->fc_years, c->fc_mean, c->n_fc, FC_L, xs, ymin, y0, ys, "fc");
    if (c->n_target > 0)
        polyline(b, c->target_years, c->target, c->n_target, FC_L, xs, ymin, y0, ys, "tg");
    gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\">&#8212; %s   - - %s%s%s</text>\n",
                     FC_L, FC_H - 6, gidx__tr(lang, "observed"), gidx__tr(lang, "forecast"),
                     c->n_target ? "   &#183;&#183; " : "",
                     c->n_target ? gidx__tr(lang, "target path") : "");
    gidx__buf_puts(b, "</svg>\n");
}

/* ------------------------------------------------------------- ranking */

void gidx__svg_ranking(gidx__buf *b, int lang, const char *title, size_t n, const char *const *labels,
                       const double *score, const double *rank, const double *rank_lo,
                       const double *rank_hi)
{
    const int row = 20, left = 170, right = 90, top = 40, w = 640;
    int h = top + (int)n * row + 30;
    size_t *order = gidx__calloc(n ? n : 1, sizeof *order);
    size_t i, j;
    double xs;
    if (order == NULL) {
        b->failed = 1;
        return;
    }
    for (i = 0; i < n; i++)
        order[i] = i;
    /* Insertion sort by nominal rank (n is a few hundred at most). */
    for (i = 1; i < n; i++) {
        size_t o = order[i];
        for (j = i; j > 0 && (!gidx__isfinite(rank[order[j - 1]]) ||
                              (gidx__isfinite(rank[o]) && rank[order[j - 1]] > rank[o])); j--)
            order[j] = order[j - 1];
        order[j] = o;
    }
    xs = n > 1 ? (double)(w - left - right) / (double)(n - 1) : 0;
    gidx__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gidx-chart gidx-ranking\" "
                     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n", w, h, w, h);
    gidx__buf_puts(b, "<title>");
    gidx__xml_escape(b, title ? title : gidx__tr(lang, "ranking"));
    gidx__buf_puts(b, "</title>\n<style>text{font:11px sans-serif;fill:#333}.tt{font:bold 13px sans-serif}"
                   ".iv{stroke:#1f77b4;stroke-width:3;stroke-opacity:.45}.gr{stroke:#eee}</style>\n");
    gidx__buf_printf(b, "<text class=\"tt\" x=\"8\" y=\"18\">");
    gidx__xml_escape(b, title ? title : "");
    gidx__buf_printf(b, "</text>\n<text x=\"%d\" y=\"32\">%s</text>\n", left,
                     gidx__tr(lang, "rank (1 = best) with interval; score right"));
    for (i = 0; i < n; i++) {
        size_t k = order[i];
        int y = top + (int)i * row + row / 2;
        gidx__buf_printf(b, "<line class=\"gr\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", left,
                         w - right, y, y);
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + 4);
        gidx__xml_escape(b, labels[k] ? labels[k] : "");
        gidx__buf_puts(b, "</text>");
        if (gidx__isfinite(rank[k])) {
            double cx = left + (rank[k] - 1) * xs;
            if (rank_lo && rank_hi && gidx__isfinite(rank_lo[k]) && gidx__isfinite(rank_hi[k]))
                gidx__buf_printf(b, "<line class=\"iv\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>",
                                 left + (rank_lo[k] - 1) * xs, left + (rank_hi[k] - 1) * xs, y, y);
            gidx__buf_printf(b, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#1b3a5c\"/>", cx, y);
        }
        if (gidx__isfinite(score[k])) {
            char sc[64];
            gidx__num(sc, sizeof sc, score[k], lang, 1, 1);
            gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\">%s</text>\n", w - right + 10, y + 4, sc);
        } else {
            gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\">%s</text>\n", w - right + 10, y + 4,
                             gidx__tr(lang, "no score"));
        }
    }
    gidx__buf_puts(b, "</svg>\n");
    free(order);
}

/* ------------------------------------------------------------- heatmap */

/* ColorBrewer RdYlBu (7 classes), worst -> best. */
static const unsigned char palette[7][3] = {
    { 215, 48, 39 }, { 252, 141, 89 }, { 254, 224, 144 }, { 255, 255, 191 },
    { 224, 243, 248 }, { 145, 191, 219 }, { 69, 117, 180 }
};
static const unsigned char neutral[2][3] = { { 240, 240, 240 }, { 120, 120, 120 } };

static void colour(char *out, size_t n, double t, int dir)
{
    double f;
    int i;
    unsigned r, g, bl;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    if (dir == 0) {
        r = (unsigned)(neutral[0][0] + t * (neutral[1][0] - neutral[0][0]));
        g = (unsigned)(neutral[0][1] + t * (neutral[1][1] - neutral[0][1]));
        bl = (unsigned)(neutral[0][2] + t * (neutral[1][2] - neutral[0][2]));
    } else {
        f = t * 6;
        i = (int)floor(f);
        if (i >= 6) i = 5;
        f -= i;
        r = (unsigned)(palette[i][0] + f * (palette[i + 1][0] - palette[i][0]));
        g = (unsigned)(palette[i][1] + f * (palette[i + 1][1] - palette[i][1]));
        bl = (unsigned)(palette[i][2] + f * (palette[i + 1][2] - palette[i][2]));
    }
    snprintf(out, n, "#%02x%02x%02x", r, g, bl);
}

void gidx__svg_heatmap(gidx__buf *b, int lang, const char *title, size_t nrows, size_t ncols,
                       const char *const *row_labels, const char *const *col_labels,
                       const double *values, const int *direction)
{
    const int cw = 34, ch = 18, left = 150, top = 150;
    int w = left + (int)ncols * cw + 140, h = top + (int)nrows * ch + 20; /* room for the rotated labels */
    size_t i, j;
    char col[16];
    gidx__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gidx-chart gidx-heatmap\" "
                     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n", w, h, w, h);
    gidx__buf_puts(b, "<title>");
    gidx__xml_escape(b, title ? title : gidx__tr(lang, "heatmap"));
    gidx__buf_puts(b, "</title>\n<style>text{font:10px sans-serif;fill:#333}.tt{font:bold 13px sans-serif}"
                   "</style>\n<defs><pattern id=\"gidx-na\" width=\"6\" height=\"6\" "
                   "patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>"
                   "<path d=\"M0,6 L6,0\" stroke=\"#bbb\"/></pattern></defs>\n");
    gidx__buf_puts(b, "<text class=\"tt\" x=\"8\" y=\"18\">");
    gidx__xml_escape(b, title ? title : "");
    gidx__buf_puts(b, "</text>\n");
    for (j = 0; j < ncols; j++) {
        gidx__buf_printf(b, "<text transform=\"translate(%d,%d) rotate(-60)\">",
                         left + (int)j * cw + cw / 2, top - 6);
        gidx__xml_escape(b, col_labels[j] ? col_labels[j] : "");
        gidx__buf_puts(b, "</text>\n");
    }
    for (j = 0; j < ncols; j++) {
        double lo = INFINITY, hi = -INFINITY;
        int dir = direction ? direction[j] : 1;
        for (i = 0; i < nrows; i++)
            range_add(&lo, &hi, values[i * ncols + j]);
        for (i = 0; i < nrows; i++) {
            double v = values[i * ncols + j];
            int x = left + (int)j * cw, y = top + (int)i * ch;
            if (!gidx__isfinite(v)) {
                gidx__buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                                 "fill=\"url(#gidx-na)\"><title>%s</title></rect>\n",
                                 x, y, cw - 1, ch - 1, gidx__tr(lang, "missing"));
                continue;
            }
            {
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                if (dir < 0)
                    t = 1 - t;
                colour(col, sizeof col, t, dir);
            }
            {
                char vb[64];
                gidx__num(vb, sizeof vb, v, lang, -1, 1);
                gidx__buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                                 "<title>%s</title></rect>\n", x, y, cw - 1, ch - 1, col, vb);
            }
        }
    }
    for (i = 0; i < nrows; i++) {
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 6,
                         top + (int)i * ch + ch - 5);
        gidx__xml_escape(b, row_labels[i] ? row_labels[i] : "");
        gidx__buf_puts(b, "</text>\n");
    }
    gidx__buf_puts(b, "</svg>\n");
}

/* ---------------------------------------------------------- stacked bars */

/* Tableau-like colours for the parts of a bar (direct, indirect, induced, ...). */
static const char *const bar_colours[] = { "#1b3a5c", "#4e8fc4", "#a6cee3", "#b2df8a", "#fdbf6f" };

void gidx__svg_bars(gidx__buf *b, int lang, const char *title, const char *unit, size_t n,
                    size_t nparts, const char *const *labels, const char *const *part_labels,
                    const double *values)
{
    char nb[64];
    const int row = 18, left = 170, right = 20, top = 58, w = 640;
    int h = top + (int)n * row + 34;
    double lo = 0, hi = 0, alo, ahi, step, xs, v;
    size_t i, p;
    /* positive parts stack right of 0, negative ones left of it */
    for (i = 0; i < n; i++) {
        double pos = 0, neg = 0;
        for (p = 0; p < nparts; p++) {
            v = values[i * nparts + p];
            if (!gidx__isfinite(v))
                continue;
            if (v > 0) pos += v; else neg += v;
        }
        if (pos > hi) hi = pos;
        if (neg < lo) lo = neg;
    }
    if (hi == lo)
        hi = lo + 1;
    gidx__nice_axis(lo, hi, 5, &alo, &ahi, &step);
    xs = (double)(w - left - right) / (ahi - alo);
    gidx__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gidx-chart gidx-bars\" "
                     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n", w, h, w, h);
    gidx__buf_puts(b, "<title>");
    gidx__xml_escape(b, title ? title : gidx__tr(lang, "bar chart"));
    gidx__buf_puts(b, "</title>\n<style>text{font:11px sans-serif;fill:#333}.tt{font:bold 13px sans-serif}"
                   ".gr{stroke:#ddd}.ax{stroke:#666}</style>\n<text class=\"tt\" x=\"8\" y=\"18\">");
    gidx__xml_escape(b, title ? title : "");
    gidx__buf_puts(b, "</text>\n");
    /* legend */
    for (p = 0; p < nparts; p++) {
        int x = left + (int)p * 110;
        gidx__buf_printf(b, "<rect x=\"%d\" y=\"28\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                         "<text x=\"%d\" y=\"37\">", x, bar_colours[p % 5], x + 14);
        gidx__xml_escape(b, part_labels[p] ? part_labels[p] : "");
        gidx__buf_puts(b, "</text>\n");
    }
    for (v = alo; v <= ahi + step / 2; v += step) {
        double x = left + (v - alo) * xs;
        fmt_tick(nb, sizeof nb, v, step, lang);
        gidx__buf_printf(b, "<line class=\"gr\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                         "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, x, top - 6,
                         top + (int)n * row, x, top + (int)n * row + 14, nb);
    }
    for (i = 0; i < n; i++) {
        int y = top + (int)i * row;
        double xp = left + (0 - alo) * xs, xn = xp;
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 6, y + row - 5);
        gidx__xml_escape(b, labels[i] ? labels[i] : "");
        gidx__buf_puts(b, "</text>");
        for (p = 0; p < nparts; p++) {
            double wd;
            v = values[i * nparts + p];
            if (!gidx__isfinite(v) || v == 0)
                continue;
            wd = fabs(v) * xs;
            gidx__num(nb, sizeof nb, v, lang, -1, 1);
            gidx__buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                             "<title>%s</title></rect>", v > 0 ? xp : xn - wd, y + 2, wd, row - 4,
                             bar_colours[p % 5], nb);
            if (v > 0) xp += wd; else xn -= wd;
        }
        gidx__buf_putc(b, '\n');
    }
    gidx__buf_printf(b, "<line class=\"ax\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>\n",
                     left + (0 - alo) * xs, left + (0 - alo) * xs, top - 6, top + (int)n * row);
    if (unit != NULL) {
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", w - right, h - 4);
        gidx__xml_escape(b, unit);
        gidx__buf_puts(b, "</text>\n");
    }
    gidx__buf_puts(b, "</svg>\n");
}

/* ---------------------------------------------------------- public SVG */

static gidx_status take(char **out, gidx__buf *b)
{
    *out = gidx__buf_take(b);
    return *out ? GIDX_OK : gidx__error_set(GIDX_ENOMEM, "out of memory rendering SVG");
}

gidx_status gidx_svg_fan_chart(char **out, const gidx_fan_chart *c)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_svg_fan_chart: out is NULL");
    *out = NULL;
    if ((rc = gidx__fan_chart_check(c)) != GIDX_OK)
        return rc;
    gidx__svg_fan_chart(&b, c, GIDX__LANG_EN);
    return take(out, &b);
}

gidx_status gidx__ranking_check(size_t n, const char *const *labels, const double *score,
                                const double *rank, const double *rank_lo, const double *rank_hi)
{
    if (n == 0 || labels == NULL || score == NULL || rank == NULL ||
        ((rank_lo == NULL) != (rank_hi == NULL)))
        return gidx__error_set(GIDX_EINVAL, "ranking: empty, or NULL labels/score/rank, or only one "
                               "end of the rank interval given");
    return GIDX_OK;
}

gidx_status gidx_svg_ranking(char **out, const char *title, size_t n, const char *const *labels,
                             const double *score, const double *rank, const double *rank_lo,
                             const double *rank_hi)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_svg_ranking: out is NULL");
    *out = NULL;
    if ((rc = gidx__ranking_check(n, labels, score, rank, rank_lo, rank_hi)) != GIDX_OK)
        return rc;
    gidx__svg_ranking(&b, GIDX__LANG_EN, title, n, labels, score, rank, rank_lo, rank_hi);
    return take(out, &b);
}

/* A grid of @p nrows x @p ncols values with its row and column labels (a
 * heatmap, a stacked bar chart): the product sizes the value copy and the
 * label count, so a product or sum that wraps around is refused. */
static gidx_status grid_check(const char *what, size_t nrows, size_t ncols,
                              const char *const *row_labels, const char *const *col_labels,
                              const double *values)
{
    if (nrows == 0 || ncols == 0 || row_labels == NULL || col_labels == NULL || values == NULL)
        return gidx__error_set(GIDX_EINVAL, "%s: empty, or NULL labels/values", what);
    if (nrows > SIZE_MAX / sizeof(double) / ncols || nrows > SIZE_MAX - ncols)
        return gidx__error_set(GIDX_ELIMIT, "%s: %zu x %zu cells is too many", what, nrows, ncols);
    return GIDX_OK;
}

gidx_status gidx__heatmap_check(size_t nrows, size_t ncols, const char *const *row_labels,
                                const char *const *col_labels, const double *values)
{
    return grid_check("heatmap", nrows, ncols, row_labels, col_labels, values);
}

gidx_status gidx_svg_heatmap(char **out, const char *title, size_t nrows, size_t ncols,
                             const char *const *row_labels, const char *const *col_labels,
                             const double *values, const int *direction)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_svg_heatmap: out is NULL");
    *out = NULL;
    if ((rc = gidx__heatmap_check(nrows, ncols, row_labels, col_labels, values)) != GIDX_OK)
        return rc;
    gidx__svg_heatmap(&b, GIDX__LANG_EN, title, nrows, ncols, row_labels, col_labels, values, direction);
    return take(out, &b);
}

gidx_status gidx__bars_check(size_t n, size_t nparts, const char *const *labels,
                             const char *const *part_labels, const double *values)
{
    return grid_check("bar chart", n, nparts, labels, part_labels, values);
}

gidx_status gidx_svg_bars(char **out, const char *title, const char *unit, size_t n, size_t nparts,
                          const char *const *labels, const char *const *part_labels,
                          const double *values)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_svg_bars: out is NULL");
    *out = NULL;
    if ((rc = gidx__bars_check(n, nparts, labels, part_labels, values)) != GIDX_OK)
        return rc;
    gidx__svg_bars(&b, GIDX__LANG_EN, title, unit, n, nparts, labels, part_labels, values);
    return take(out, &b);
}

/* ------------------------------------------------------------- waterfall */

gidx_status gidx__waterfall_check(const char *start_label, double start, const char *end_label,
                                  const char *const *labels, const double *steps, size_t n)
{
    size_t i;
    if (n == 0 || labels == NULL || steps == NULL || start_label == NULL || end_label == NULL)
        return gidx__error_set(GIDX_EINVAL, "waterfall: no steps, or NULL labels/steps");
    if (!gidx__isfinite(start))
        return gidx__error_set(GIDX_EDATA, "waterfall: the start value is not finite");
    for (i = 0; i < n; i++)
        if (!gidx__isfinite(steps[i]) || labels[i] == NULL)
            return gidx__error_set(GIDX_EDATA, "waterfall: step %zu (%s) is not a finite value",
                                   i, labels[i] ? labels[i] : "no label");
    return GIDX_OK;
}

/* A bar label on two lines when it is long ("Industry structure"), broken
 * at the space nearest its middle, so that neighbouring labels do not overlap. */
static void waterfall_label(gidx__buf *b, const char *label, int x)
{
    size_t n = strlen(label), i, best = 0;
    char *first;
    for (i = 1; i + 1 < n; i++)
        if (label[i] == ' ' && (best == 0 || labs((long)(2 * i) - (long)n) < labs((long)(2 * best) - (long)n)))
            best = i;
    if (n <= 10 || best == 0) {
        gidx__xml_escape(b, label);
        return;
    }
    first = gidx__strndup(label, best);
    if (first == NULL) {
        b->failed = 1;
        return;
    }
    gidx__buf_printf(b, "<tspan x=\"%d\">", x);
    gidx__xml_escape(b, first);
    gidx__buf_printf(b, "</tspan><tspan x=\"%d\" dy=\"13\">", x);
    gidx__xml_escape(b, label + best + 1);
    gidx__buf_puts(b, "</tspan>");
    free(first);
}

/* The waterfall of an additive decomposition (e.g. LMDI effects): bars from
 * the running total, increases red and decreases green, as in emission
 * accounts where a rise is the unwanted direction. */
void gidx__svg_waterfall(gidx__buf *b, int lang, const char *title, const char *unit,
                         const char *start_label, double start, const char *end_label,
                         const char *const *labels, const double *steps, size_t n)
{
    char nb[64];
    const int left = 70, right = 20, top = 52, bottom = 60, h = 310, barw = 64, gap = 26;
    int w = left + right + (int)(n + 2) * (barw + gap), plot = h - top - bottom;
    double lo = fmin(0.0, start), hi = fmax(0.0, start), run = start, alo, ahi, step, t;
    size_t i;
#define WY(v) (top + plot * (1.0 - ((v) - alo) / (ahi - alo)))
    for (i = 0; i < n; i++) {
        run += steps[i];
        lo = fmin(lo, run);
        hi = fmax(hi, run);
    }
    gidx__nice_axis(lo, hi, 5, &alo, &ahi, &step);
    gidx__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gidx-chart gidx-waterfall\" "
                     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n", w, h, w, h);
    gidx__buf_puts(b, "<title>");
    gidx__xml_escape(b, title ? title : gidx__tr(lang, "waterfall"));
    gidx__buf_puts(b, "</title>\n<style>text{font:11px sans-serif;fill:#333}.tt{font:bold 13px sans-serif}"
                   ".gr{stroke:#eee}.ax{stroke:#999}.lv{fill:#1b3a5c}.up{fill:#c0392b}.dn{fill:#2e8b57}"
                   ".cn{stroke:#777;stroke-dasharray:3 2}</style>\n<text class=\"tt\" x=\"8\" y=\"18\">");
    gidx__xml_escape(b, title ? title : "");
    gidx__buf_puts(b, "</text>\n");
    if (unit) {
        gidx__buf_printf(b, "<text x=\"8\" y=\"34\">");
        gidx__xml_escape(b, unit);
        gidx__buf_puts(b, "</text>\n");
    }
    for (t = alo; t <= ahi + step * 1e-9; t += step) {
        fmt_tick(nb, sizeof nb, t, step, lang);
        gidx__buf_printf(b, "<line class=\"gr\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                         "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left, w - right,
                         WY(t), WY(t), left - 6, WY(t) + 4, nb);
    }
    gidx__buf_printf(b, "<line class=\"ax\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>\n", left,
                     w - right, WY(0.0), WY(0.0));
    run = start;
    for (i = 0; i < n + 2; i++) {
        double a, z, v;
        int x = left + gap / 2 + (int)i * (barw + gap);
        const char *cls, *label;
        if (i == 0) { a = 0.0; z = start; v = start; cls = "lv"; label = start_label; }
        else if (i == n + 1) { a = 0.0; z = run; v = run; cls = "lv"; label = end_label; }
        else {
            v = steps[i - 1];
            a = run;
            z = run + v;
            run = z;
            cls = v > 0 ? "up" : "dn";
            label = labels[i - 1];
        }
        gidx__buf_printf(b, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>",
                         cls, x, fmin(WY(a), WY(z)), barw, fmax(fabs(WY(a) - WY(z)), 0.5));
        if (i <= n)
            gidx__buf_printf(b, "<line class=\"cn\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                             x + barw, x + barw + gap, WY(z), WY(z));
        gidx__num(nb, sizeof nb, v, lang, 0, 1);
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s%s</text>",
                         x + barw / 2, fmin(WY(a), WY(z)) - 4,
                         i > 0 && i <= n && v > 0 && strcmp(nb, "0") != 0 ? "+" : "", nb);
        gidx__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x + barw / 2,
                         h - bottom + 16);
        waterfall_label(b, label, x + barw / 2);
        gidx__buf_puts(b, "</text>\n");
    }
#undef WY
    gidx__buf_puts(b, "</svg>\n");
}

gidx_status gidx_svg_waterfall(char **out, const char *title, const char *unit,
                               const char *start_label, double start, const char *end_label,
                               const char *const *labels, const double *steps, size_t n)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_svg_waterfall: out is NULL");
    *out = NULL;
    if ((rc = gidx__waterfall_check(start_label, start, end_label, labels, steps, n)) != GIDX_OK)
        return rc;
    gidx__svg_waterfall(&b, GIDX__LANG_EN, title, unit, start_label, start, end_label, labels,
                        steps, n);
    return take(out, &b);
}
