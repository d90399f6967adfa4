/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports, charts and scenarios (include/greenidx/report.h): generated but
 * for the exceptions below, written once for both languages over the
 * generic array typemaps of greenidx.i. Each chart call renders an SVG
 * (r NULL: returned as text) or adds the chart to report r.
 */
%{
#include <greenidx/report.h>
%}
%apply (const char *const *IN, size_t N) { (const char *const *lab, size_t nlab),
    (const char *const *cols, size_t ncols), (const char *const *cells, size_t ncells) };
%apply (const double *IN, size_t N) { (const double *ov, size_t nov), (const double *fm, size_t nfm),
    (const double *lv, size_t nlv), (const double *lo, size_t nlo), (const double *hi, size_t nhi),
    (const double *tv, size_t ntv), (const double *sc, size_t nsc), (const double *rk, size_t nrk),
    (const double *rlo, size_t nrlo), (const double *rhi, size_t nrhi), (const double *val, size_t nval) };
%apply (const int *IN, size_t N) { (const int *oy, size_t noy), (const int *fy, size_t nfy),
    (const int *ty, size_t nty), (const int *dirs, size_t ndirs) };

%inline %{
#define GIDX_B_CHART(SVG, ADD) (r == NULL ? SVG : ADD)
#define GIDX_B_NEED(COND, MSG) if (!(COND)) return gidx_error_set(GIDX_EINVAL, MSG)

/* gidx_fan_chart holds its arrays as pointer members, which no typemap
 * fills; lo and hi are len(levels) x len(fc_years), row-major. */
gidx_status gidx_b_fan_chart(char **out, gidx_report *r, const char *title, const char *unit,
                             const int *oy, size_t noy, const double *ov, size_t nov,
                             const int *fy, size_t nfy, const double *fm, size_t nfm,
                             const double *lv, size_t nlv, const double *lo, size_t nlo,
                             const double *hi, size_t nhi, const int *ty, size_t nty,
                             const double *tv, size_t ntv)
{
    gidx_fan_chart c = GIDX_FAN_CHART_INIT;
    GIDX_B_NEED(noy == nov && nfy == nfm && nty == ntv && nlo == nlv * nfy && nhi == nlv * nfy,
                "fan chart: obs_years/obs, fc_years/mean and target_years/target must have equal "
                "lengths, and lo/hi len(levels) x len(fc_years) values");
    c.title = title; c.unit = unit;
    c.obs_years = oy; c.obs = ov; c.n_obs = noy;
    c.fc_years = fy; c.fc_mean = fm; c.n_fc = nfy;
    c.levels = lv; c.n_levels = nlv; c.fc_lo = lo; c.fc_hi = hi;
    c.target_years = ty; c.target = tv; c.n_target = nty;
    return GIDX_B_CHART(gidx_svg_fan_chart(out, &c), gidx_report_add_fan_chart(r, &c));
}

/* gidx_svg_ranking(), gidx_report_add_ranking(): four arrays sized by n. */
gidx_status gidx_b_ranking(char **out, gidx_report *r, const char *title,
                           const char *const *lab, size_t nlab, const double *sc, size_t nsc,
                           const double *rk, size_t nrk, const double *rlo, size_t nrlo,
                           const double *rhi, size_t nrhi)
{
    GIDX_B_NEED(nsc == nlab && nrk == nlab && nrlo == nrhi && (nrlo == 0 || nrlo == nlab),
                "ranking: labels, score and rank must have equal lengths; rank_lo and rank_hi "
                "both empty or of the same length");
    return GIDX_B_CHART(gidx_svg_ranking(out, title, nlab, lab, sc, rk, nrlo ? rlo : NULL,
                                         nrlo ? rhi : NULL),
                        gidx_report_add_ranking(r, title, nlab, lab, sc, rk, nrlo ? rlo : NULL,
                                                nrlo ? rhi : NULL));
}

/* gidx_svg_heatmap(), gidx_report_add_heatmap(): values are nrows x ncols. */
gidx_status gidx_b_heatmap(char **out, gidx_report *r, const char *title,
                           const char *const *lab, size_t nlab, const char *const *cols,
                           size_t ncols, const double *val, size_t nval, const int *dirs,
                           size_t ndirs)
{
    GIDX_B_NEED(nval == nlab * ncols && (ndirs == 0 || ndirs == ncols),
                "heatmap: values must be len(rows) x len(columns) and direction empty or one "
                "per column");
    return GIDX_B_CHART(gidx_svg_heatmap(out, title, nlab, ncols, lab, cols, val,
                                         ndirs ? dirs : NULL),
                        gidx_report_add_heatmap(r, title, nlab, ncols, lab, cols, val,
                                                ndirs ? dirs : NULL));
}

/* gidx_report_add_table(): the cells are nrows x ncols, row-major. */
gidx_status gidx_b_report_add_table(gidx_report *r, const char *caption,
                                    const char *const *cols, size_t ncols,
                                    const char *const *cells, size_t ncells)
{
    GIDX_B_NEED(ncols > 0 && ncells % ncols == 0,
                "table: the number of cells must be a multiple of the number of columns");
    return gidx_report_add_table(r, caption, ncells / ncols, ncols, cols, cells);
}

/* gidx_roadmap_run_lang(): the options hold the regions as a pointer member. */
gidx_status gidx_b_roadmap(gidx_report **out, const gidx_dataset *data, const gidx_catalog *cat,
                           const char *const *lab, size_t nlab, const gidx_roadmap_options *opt,
                           const char *lang)
{
    gidx_roadmap_options o = GIDX_ROADMAP_OPTIONS_INIT;
    if (opt != NULL)
        o = *opt;
    o.regions = nlab ? lab : NULL;
    o.nregions = nlab;
    return gidx_roadmap_run_lang(out, data, cat, &o, lang);
}
%}
