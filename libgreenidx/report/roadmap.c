/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The roadmap pipeline behind `greenidx report`: data -> indicator panel ->
 * validation -> composite index with Monte Carlo rank intervals and
 * benchmarking -> forecasts to the horizon year with calibrated intervals and
 * target probabilities -> optional policy scenarios and ripple effects ->
 * one report document. Every number in the report is computed here by the
 * library modules; this file only chooses what to compute and lays it out.
 *
 * Methods and references are those of the modules: composite indices after
 * the OECD/JRC Handbook (2008); uncertainty after Saisana, Saltelli &
 * Tarantola (2005); forecasts after Hyndman et al. (2008), Hyndman &
 * Khandakar (2008), Hyndman & Billah (2003); input-output after Miller &
 * Blair (2009); drivers of change after Ang (2005, 2015) and Tapio (2005).
 * The report's method section lists them for the reader.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "report_internal.h"
#include "../forecast/fc_internal.h"
#include <greenidx/composite.h>
#include <greenidx/forecast.h>
#include <greenidx/indicators.h>
#include <greenidx/ripple.h>

#define NLEVELS 2
static const double levels[NLEVELS] = { 80.0, 95.0 };

/* Indicators forecast for every region; the first also gets fan charts. */
static const char *const forecast_ids[] = {
    "ghg_total", "ghg_per_capita", "ghg_road_per_capita", "employment_total",
    "electricity_per_capita", "population"
};

typedef struct ctx {
    const gidx_dataset *data;
    const gidx_catalog *cat;
    const gidx_roadmap_options *opt;
    gidx_report *r;
    gidx_panel *panel;
    const gidx_dataset *pds;
    size_t *sel;            /* selected regions (indices into pds) */
    size_t nsel;
    size_t *units;          /* ranked units: selected municipalities (or all selected) */
    size_t nunits;
    int year_index;         /* year of the index */
    gidx_index_result *index;
    char **index_ids;       /* indicators in the index */
    size_t nindex;
    double *score, *rank, *p05, *p50, *p95;  /* per ranked unit */
    gidx_target_spec target;
    int have_target;
    size_t step, nsteps;
    size_t nall, ncovered;  /* regions of the data; of them with complete data */
    int lang;               /* GIDX__LANG_* of every fixed text */
    const char *lang_code;  /* "en" or "nb" (indicator names) */
} ctx;

/* Every fixed text goes through the translation table (lang.c). */
#define T(s) gidx__tr(c->lang, s)

static void progress(ctx *c, const char *what)
{
    c->step++;
    if (c->opt->progress != NULL)
        c->opt->progress(what, c->step, c->nsteps, c->opt->progress_user);
}

/* A number cell of a typed table: C notation, formatted by the renderer in
 * the report's language; "" when missing. */
static char *num(char *buf, size_t n, double v)
{
    if (!gidx__isfinite(v))
        snprintf(buf, n, "%s", "");
    else
        snprintf(buf, n, "%.17g", v);
    return buf;
}

/* A number in prose, in the report's language (grouped, never e-notation). */
static char *pnum(char *buf, size_t n, const ctx *c, double v, int decimals)
{
    gidx__num(buf, n, v, c->lang, decimals, 1);
    return buf;
}

/* gidx_model_name()'s text in the report's language. */
static void model_name(char *out, size_t n, const ctx *c, const char *name)
{
    static const char *const words[] = { "Combination", "with non-zero mean", "with zero mean",
                                         "with drift", "Optimised Theta", "Random walk", "Naive" };
    gidx__buf b = GIDX__BUF_INIT;
    const char *p = name;
    char *t;
    while (*p) {
        size_t w;
        for (w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strncmp(p, words[w], strlen(words[w])) == 0)
                break;
        if (w < sizeof words / sizeof words[0]) {
            gidx__buf_puts(&b, T(words[w]));
            p += strlen(words[w]);
        } else {
            gidx__buf_putc(&b, *p++);
        }
    }
    t = gidx__buf_take(&b);
    snprintf(out, n, "%s", t ? t : name);
    free(t);
}

/* A growable table of owned strings, row by row. */
typedef struct tbl {
    size_t ncols, nrows, cap;
    char **cells;
} tbl;

static int tbl_add(tbl *t, const char *const *row)
{
    size_t j;
    if ((t->nrows + 1) * t->ncols > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64 * t->ncols;
        char **c;
        while (cap < (t->nrows + 1) * t->ncols)
            cap *= 2;
        c = gidx__reallocarray(t->cells, cap, sizeof *c);
        if (c == NULL)
            return -1;
        t->cells = c;
        t->cap = cap;
    }
    for (j = 0; j < t->ncols; j++) {
        t->cells[t->nrows * t->ncols + j] = gidx__strdup(row[j] ? row[j] : "");
        if (t->cells[t->nrows * t->ncols + j] == NULL) {
            while (j-- > 0)
                free(t->cells[t->nrows * t->ncols + j]);
            return -1;
        }
    }
    t->nrows++;
    return 0;
}

static void tbl_free(tbl *t)
{
    size_t i;
    for (i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Emit a table with translated headers and typed columns (types may be NULL). */
static gidx_status tbl_emit(ctx *c, tbl *t, const char *caption, const char *const *header,
                            const int *types)
{
    const char **h = gidx__calloc(t->ncols, sizeof *h);
    size_t j;
    gidx_status rc = GIDX_ENOMEM;
    if (h != NULL) {
        for (j = 0; j < t->ncols; j++)
            h[j] = T(header[j]);
        rc = gidx__report_add_table_typed(c->r, caption, t->nrows, t->ncols, h, types,
                                          (const char *const *)t->cells);
    }
    free(h);
    tbl_free(t);
    return rc;
}

/* Add a paragraph built with printf. */
static gidx_status add_text(ctx *c, gidx__buf *b)
{
    char *s = gidx__buf_take(b);
    gidx_status rc;
    if (s == NULL)
        return GIDX_ENOMEM;
    rc = gidx_report_add_text(c->r, s);
    free(s);
    return rc;
}

static const char *region_name(const ctx *c, size_t i)
{
    return gidx_dataset_region_name(c->pds, gidx_dataset_region(c->pds, i));
}

/* A county code: two digits (Norwegian county numbering). */
static int is_county(const char *code)
{
    return strlen(code) == 2 && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9';
}

/* ------------------------------------------------------------ regions */

/*
 * The report's universe: the regions with complete data (the covered regions
 * of gidx_catalog_covered_regions()) and the regions asked for. When the data
 * hold more (e.g. the population of every municipality of the country), the
 * panel is evaluated again on the universe alone, so validation, the index and
 * benchmarks see only regions that have the indicators they compare.
 */
static gidx_status restrict_universe(ctx *c)
{
    size_t n = gidx_dataset_nregions(c->pds), ncov = 0, nu = 0, i, k;
    size_t *idx = gidx__calloc(n ? n : 1, sizeof *idx);
    const char **codes = gidx__calloc(n + c->opt->nregions + 1, sizeof *codes);
    gidx_dataset *sub = NULL;
    gidx_status rc;
    c->nall = n;
    if (idx == NULL || codes == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = gidx_catalog_covered_regions(idx, n, &ncov, c->cat, c->pds)) != GIDX_OK)
        goto done;
    c->ncovered = ncov;
    for (i = 0; i < ncov; i++)
        codes[nu++] = gidx_dataset_region(c->pds, idx[i]);
    for (k = 0; k < c->opt->nregions; k++) {
        size_t found;
        if ((rc = gidx_dataset_match_region(&found, c->pds, c->opt->regions[k])) != GIDX_OK)
            goto done;
        for (i = 0; i < nu; i++)
            if (strcmp(codes[i], gidx_dataset_region(c->pds, found)) == 0)
                break;
        if (i == nu)
            codes[nu++] = gidx_dataset_region(c->pds, found);
    }
    if (nu == 0 || nu == n)
        goto done;
    {
        gidx_panel *p = NULL;
        if ((rc = gidx_dataset_copy_regions(&sub, c->data, codes, nu)) != GIDX_OK ||
            (rc = gidx_panel_new(&p, c->cat, sub)) != GIDX_OK)
            goto done;
        gidx_panel_free(c->panel);
        c->panel = p;
        c->pds = gidx_panel_dataset(p);
    }
done:
    gidx_dataset_free(sub);
    free(idx);
    free((void *)codes);
    return rc;
}

static gidx_status select_regions(ctx *c)
{
    size_t n, i, k, nmun = 0;
    gidx_status rc0;
    if ((rc0 = restrict_universe(c)) != GIDX_OK)
        return rc0;
    n = gidx_dataset_nregions(c->pds);
    c->sel = gidx__calloc(n ? n : 1, sizeof *c->sel);
    c->units = gidx__calloc(n ? n : 1, sizeof *c->units);
    if (c->sel == NULL || c->units == NULL)
        return GIDX_ENOMEM;
    if (c->opt->nregions == 0) {
        /* Without --region: the regions with complete data. */
        size_t ncov = 0;
        if ((rc0 = gidx_catalog_covered_regions(c->sel, n, &ncov, c->cat, c->pds)) != GIDX_OK)
            return rc0;
        c->nsel = ncov;
    } else {
        for (k = 0; k < c->opt->nregions; k++) {
            size_t found;
            gidx_status rc = gidx_dataset_match_region(&found, c->pds, c->opt->regions[k]);
            if (rc != GIDX_OK)
                return rc;
            for (i = 0; i < c->nsel; i++)
                if (c->sel[i] == found)
                    break;
            if (i == c->nsel)
                c->sel[c->nsel++] = found;
        }
    }
    /* Ranking compares municipalities; counties (two-digit codes) are
     * aggregates of them and are shown in forecasts and scorecards only. */
    for (i = 0; i < n; i++)
        if (!is_county(gidx_dataset_region(c->pds, i)))
            nmun++;
    for (i = 0; i < n; i++)
        if (nmun < 2 || !is_county(gidx_dataset_region(c->pds, i)))
            c->units[c->nunits++] = i;
    return GIDX_OK;
}

/* -------------------------------------------------------- data needed */

/* Add the base variables behind indicator @p id (through the indicators it
 * refers to) to @p vars, once each. */
static void base_variables(const char **vars, size_t *n, size_t cap, const gidx_catalog *cat,
                           const char *id, int depth)
{
    size_t idx, k, j;
    gidx_formula *f = NULL;
    if (depth > 16 || gidx_catalog_find(&idx, cat, id) != GIDX_OK ||
        gidx_formula_parse(&f, gidx_indicator_formula(gidx_catalog_indicator(cat, idx))) != GIDX_OK) {
        gidx_error_clear();
        return;
    }
    for (k = 0; k < gidx_formula_nvariables(f); k++) {
        const char *v = gidx_formula_variable(f, k);
        size_t vi;
        if (gidx_catalog_find(&vi, cat, v) == GIDX_OK &&
            strcmp(v, id) != 0) {
            base_variables(vars, n, cap, cat, gidx_indicator_id(gidx_catalog_indicator(cat, vi)),
                           depth + 1);
            continue;
        }
        gidx_error_clear();
        for (j = 0; j < gidx_catalog_nvariables(cat); j++)
            if (strcmp(gidx_catalog_variable(cat, j), v) == 0)
                break;
        if (j == gidx_catalog_nvariables(cat))
            continue;
        v = gidx_catalog_variable(cat, j);   /* borrowed from the catalogue, not the formula */
        for (j = 0; j < *n; j++)
            if (strcmp(vars[j], v) == 0)
                break;
        if (j == *n && *n < cap)
            vars[(*n)++] = v;
    }
    gidx_formula_free(f);
}

/* 1 when @p region has a value of @p var in some year of the data. */
static int has_variable(const gidx_dataset *d, const char *region, const char *var)
{
    size_t y;
    for (y = 0; y < gidx_dataset_nyears(d); y++) {
        double x;
        int f;
        if (gidx_dataset_has(d, region, gidx_dataset_year(d, y), var) &&
            gidx_dataset_get(&x, &f, d, region, gidx_dataset_year(d, y), var) == GIDX_OK &&
            (f == GIDX_FLAG_OK || f == GIDX_FLAG_PROVISIONAL))
            return 1;
    }
    return 0;
}

/* Where a base variable comes from for @p region: 's' SSB (a fetch record),
 * 'c' a county statistic the region, a municipality, is not published for
 * (a fetch record with "level": "county", e.g. gdp from the regional
 * accounts), 'm' Miljødirektoratet's workbook (ghg_*), 0 neither. */
static int variable_source(const gidx_catalog *cat, const char *var, const char *region,
                           const char **source)
{
    size_t j;
    *source = NULL;
    for (j = 0; j < gidx_catalog_nvariables(cat); j++)
        if (strcmp(gidx_catalog_variable(cat, j), var) == 0) {
            const char *f = gidx_catalog_variable_text(cat, j, "fetch");
            *source = gidx_catalog_variable_text(cat, j, "source");
            if (f != NULL && strstr(f, "\"level\":\"county\"") != NULL && strlen(region) == 4)
                return 'c';
            if (f != NULL)
                return 's';
            break;
        }
    return strncmp(var, "ghg_", 4) == 0 ? 'm' : 0;
}

/*
 * What the selected regions lack: for each indicator that some selected
 * region has in no year, the regions, the base variables they have no data
 * for (why), where those come from, and the exact greenidx fetch command that
 * would bring them. Also which selected regions the index leaves out. Added
 * to the summary section, after its overview.
 */
static gidx_status section_data_needed(ctx *c)
{
    static const char *const header[] = { "indicator", "missing for", "why: no data for",
                                          "source", "greenidx fetch command" };
    size_t ni = gidx_catalog_count(c->cat), i, k, j, nleft = 0;
    tbl t = { 5, 0, 0, NULL };
    gidx__buf codes = GIDX__BUF_INIT, left = GIDX__BUF_INIT;
    gidx_status rc = GIDX_OK;
    int to = 0;
    const char *vars[64];
    const char *novalue = T("the inputs are there but give no value (e.g. a base year or the "
                            "previous year is missing)");
    {
        /* years to fetch: the municipal emission statistics start in 2009;
         * up to the last year of emissions in the data, else its last year */
        size_t y, ny = gidx_dataset_nyears(c->data);
        for (y = 0; y < ny; y++)
            for (k = 0; k < gidx_dataset_nregions(c->data) && to != gidx_dataset_year(c->data, y); k++)
                if (gidx_dataset_has(c->data, gidx_dataset_region(c->data, k),
                                     gidx_dataset_year(c->data, y), "ghg_total"))
                    to = gidx_dataset_year(c->data, y);
        if (to == 0 && ny > 0)
            to = gidx_dataset_year(c->data, ny - 1);
    }
    for (k = 0; k < c->nsel; k++)
        gidx__buf_printf(&codes, "%s%s", k ? "," : "", gidx_dataset_region(c->pds, c->sel[k]));
    for (i = 0; i < ni && rc == GIDX_OK; i++) {
        const char *id = gidx_indicator_id(gidx_catalog_indicator(c->cat, i));
        gidx__buf miss = GIDX__BUF_INIT, why = GIDX__BUF_INIT, src = GIDX__BUF_INIT,
                  cmd = GIDX__BUF_INIT;
        size_t nv = 0, nmiss = 0;
        int need_ssb = 0, need_mdir = 0, need_other = 0;
        gidx__buf county = GIDX__BUF_INIT;   /* county statistics: not for municipalities */
        base_variables(vars, &nv, sizeof vars / sizeof vars[0], c->cat, id, 0);
        for (k = 0; k < c->nsel; k++) {
            const char *reg = gidx_dataset_region(c->pds, c->sel[k]);
            int any = 0;
            if (has_variable(c->pds, reg, id))
                continue;
            gidx__buf_printf(&miss, "%s%s", nmiss++ ? ", " : "", region_name(c, c->sel[k]));
            for (j = 0; j < nv; j++) {
                const char *s;
                int kind;
                if (has_variable(c->data, reg, vars[j]))
                    continue;
                kind = variable_source(c->cat, vars[j], reg, &s);
                if (kind == 'c' && strstr(county.s ? county.s : "", vars[j]) == NULL)
                    gidx__buf_printf(&county, "%s%s", county.len ? ", " : "", vars[j]);
                if (strstr(why.s ? why.s : "", vars[j]) == NULL)
                    gidx__buf_printf(&why, "%s%s", why.len ? ", " : "", vars[j]);
                if (s != NULL && strstr(src.s ? src.s : "", s) == NULL)
                    gidx__buf_printf(&src, "%s%s", src.len ? "; " : "", s);
                need_ssb |= kind == 's';
                need_mdir |= kind == 'm';
                need_other |= kind == 0;
                any = 1;
            }
            if (!any && strstr(why.s ? why.s : "", novalue) == NULL)
                gidx__buf_printf(&why, "%s%s", why.len ? "; " : "", novalue);
        }
        if (nmiss > 0) {
            const char *row[5];
            if (need_ssb || need_mdir)
                gidx__buf_printf(&cmd, "greenidx fetch --region %s --from 2009 --to %d "
                                 "--source %s --out partners.csv", codes.s, to,
                                 need_ssb && need_mdir ? "all" : need_ssb ? "ssb" : "mdir");
            if (need_mdir)
                gidx__buf_printf(&cmd, "%s%s", cmd.len ? " " : "",
                                 T("(ghg_*: Miljødirektoratet's workbook, read by "
                                   "gidx_dataset_load_mdir)"));
            if (need_other)
                gidx__buf_printf(&cmd, "%s%s", cmd.len ? "; " : "",
                                 T("no public source to fetch: load it with --data"));
            if (county.len > 0) {
                gidx__buf_puts(&cmd, cmd.len ? "; " : "");
                gidx__buf_printf(&cmd, T("%s: not published at municipal level (a county "
                                         "statistic; the counties have it)"), county.s);
            }
            row[0] = id;
            row[1] = miss.s;
            row[2] = why.s ? why.s : "";
            row[3] = src.s ? src.s : "";
            row[4] = cmd.s ? cmd.s : "";
            if (miss.failed || why.failed || src.failed || cmd.failed || county.failed ||
                tbl_add(&t, row) != 0)
                rc = GIDX_ENOMEM;
        }
        gidx__buf_free(&miss);
        gidx__buf_free(&why);
        gidx__buf_free(&src);
        gidx__buf_free(&cmd);
        gidx__buf_free(&county);
    }
    /* selected regions the index leaves out (they lack the compared data) */
    {
        size_t n = gidx_dataset_nregions(c->pds), ncov = 0;
        size_t *idx = gidx__calloc(n ? n : 1, sizeof *idx);
        if (idx == NULL)
            rc = GIDX_ENOMEM;
        else if (rc == GIDX_OK &&
                 (rc = gidx_catalog_covered_regions(idx, n, &ncov, c->cat, c->pds)) == GIDX_OK)
            for (k = 0; k < c->nsel; k++) {
                for (j = 0; j < ncov; j++)
                    if (idx[j] == c->sel[k])
                        break;
                if (j == ncov)
                    gidx__buf_printf(&left, "%s%s", nleft++ ? ", " : "", region_name(c, c->sel[k]));
            }
        free(idx);
    }
    if (rc == GIDX_OK && (t.nrows > 0 || nleft > 0)) {
        gidx__buf b = GIDX__BUF_INIT;
        char nb[32];
        /* part of the summary section (its first blocks are the overview) */
        if (t.nrows == 1)
            gidx__buf_puts(&b, T("Data needed: 1 indicator cannot be computed for some of the "
                                 "regions of this report."));
        else
            gidx__buf_printf(&b, T("Data needed: %s indicators cannot be computed for some of the "
                                   "regions of this report."),
                             pnum(nb, sizeof nb, c, (double)t.nrows, 0));
        if (t.nrows > 0)
            gidx__buf_printf(&b, " %s", T("The table names the base variables the data lack and "
                                          "the command that fetches them; then run greenidx "
                                          "report --data partners.csv."));
        if (nleft > 0) {
            gidx__buf_putc(&b, ' ');
            gidx__buf_printf(&b, T("Left out of the index and the benchmarks (too few of the "
                                   "compared indicators): %s."), left.s);
        }
        rc = add_text(c, &b);
        if (rc == GIDX_OK && t.nrows > 0)
            rc = tbl_emit(c, &t, T("Missing indicators: why, and the fetch command that brings "
                                   "them"), header, NULL);
    }
    tbl_free(&t);
    gidx__buf_free(&codes);
    gidx__buf_free(&left);
    return rc;
}

/* --------------------------------------------------------- validation */

/* The checks of gidx_validation_new() with their labels in the report. */
static const char *const checks[] = { "gap", "outlier_level", "outlier_change", "skew_kurtosis",
                                      "county_sum", "impossible", "redundant" };
static const char *const check_labels[] = { "gaps", "outlier (level)", "outlier (change)",
                                            "skewness and kurtosis", "county sum",
                                            "impossible value", "redundant pair" };
#define NCHECKS (sizeof checks / sizeof checks[0])

/* An indicator's name in the report's language (the id when not in the catalogue). */
static const char *indicator_name(const ctx *c, const char *id)
{
    size_t k;
    if (id != NULL && gidx_catalog_find(&k, c->cat, id) == GIDX_OK)
        return gidx_indicator_name(gidx_catalog_indicator(c->cat, k), c->lang_code);
    return id ? id : "";
}

static const char *check_label(const ctx *c, const char *check)
{
    size_t k;
    for (k = 0; check && k < NCHECKS; k++)
        if (strcmp(check, checks[k]) == 0)
            return T(check_labels[k]);
    return check ? check : "";
}

/* The validation section: the count, a summary table by check and
 * indicator, and a link to the full list, which section_findings() lays out
 * at the end of the report. */
static gidx_status section_validation(ctx *c, gidx_validation *v)
{
    gidx_status rc;
    size_t n = gidx_validation_nfindings(v), i, k, j;
    tbl t = { NCHECKS + 2, 0, 0, NULL };
    char buf[64];
    gidx__buf b = GIDX__BUF_INIT;
    const char **inds = gidx__calloc(n + 1, sizeof *inds);
    size_t *counts = gidx__calloc((n + 1) * NCHECKS, sizeof *counts), nind = 0;
    if (inds == NULL || counts == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = gidx_report_add_section(c->r, "validation", T("Data validation"))) != GIDX_OK)
        goto done;
    gidx__buf_printf(&b, T("%s findings on the indicator panel: coverage and gaps, robust z-score "
                           "outliers on levels and year-to-year changes (|z| > 3.5, Iglewicz & "
                           "Hoaglin 1993), skewness and kurtosis (|skew| > 2 and kurtosis > 3.5), "
                           "municipal sums against county totals, impossible values and "
                           "redundancy within pillars (|r| > 0.9)."),
                     pnum(buf, sizeof buf, c, (double)n, 0));
    if ((rc = add_text(c, &b)) != GIDX_OK)
        goto done;
    /* counts by check and indicator, indicators in order of first finding */
    for (i = 0; i < n; i++) {
        const char *check = NULL, *ind = NULL, *reg = NULL, *msg = NULL;
        int year = 0;
        double value;
        if (gidx_validation_finding(&check, &ind, &reg, &year, &value, &msg, v, i) != GIDX_OK)
            continue;
        for (j = 0; j < nind; j++)
            if (strcmp(inds[j], ind ? ind : "") == 0)
                break;
        if (j == nind)
            inds[nind++] = ind ? ind : "";
        for (k = 0; k < NCHECKS; k++)
            if (check && strcmp(check, checks[k]) == 0)
                counts[j * NCHECKS + k]++;
    }
    /* one row per indicator, one column per check and the total */
    for (j = 0; j < nind; j++) {
        const char *row[NCHECKS + 2];
        char nb[NCHECKS + 1][32];
        size_t total = 0;
        row[0] = indicator_name(c, inds[j]);
        for (k = 0; k < NCHECKS; k++) {
            total += counts[j * NCHECKS + k];
            row[k + 1] = num(nb[k], sizeof nb[k], (double)counts[j * NCHECKS + k]);
        }
        row[NCHECKS + 1] = num(nb[NCHECKS], sizeof nb[NCHECKS], (double)total);
        if (tbl_add(&t, row) != 0) { rc = GIDX_ENOMEM; goto done; }
    }
    if (t.nrows > 0) {
        const char *h[NCHECKS + 2];
        int ty[NCHECKS + 2];
        h[0] = T("indicator");
        ty[0] = GIDX_CELL_TEXT;
        for (k = 0; k < NCHECKS; k++) {
            h[k + 1] = T(check_labels[k]);
            ty[k + 1] = GIDX_CELL_INTEGER;
        }
        h[NCHECKS + 1] = T("total");
        ty[NCHECKS + 1] = GIDX_CELL_INTEGER;
        rc = gidx__report_add_table_typed(c->r, T("Findings by check and indicator"), t.nrows,
                                          NCHECKS + 2, h, ty, (const char *const *)t.cells);
        tbl_free(&t);
        if (rc != GIDX_OK)
            goto done;
    }
    if (n > 0)
        rc = gidx_report_add_link(c->r, T("The full list of findings is in the section \"All "
                                          "validation findings\" at the end of this report (also: "
                                          "greenidx validate)."), "#validation-findings");
done:
    gidx__buf_free(&b);
    tbl_free(&t);
    free(inds);
    free(counts);
    return rc;
}

/* The full list of validation findings, the last section of the report. The
 * findings' messages are the validation module's English text: they are
 * shown in English reports only. */
static gidx_status section_findings(ctx *c, gidx_validation *v)
{
    size_t n = gidx_validation_nfindings(v), i;
    static const char *const header[] = { "check", "indicator", "region", "year", "value",
                                          "message" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_YEAR,
                                 GIDX_CELL_NUMBER, GIDX_CELL_TEXT };
    size_t ncol = c->lang == GIDX__LANG_EN ? 6 : 5;
    tbl t = { ncol, 0, 0, NULL };
    gidx_status rc;
    if (n == 0)
        return GIDX_OK;
    if ((rc = gidx_report_add_section(c->r, "validation-findings", T("All validation findings"))) != GIDX_OK ||
        (rc = gidx_report_add_text(c->r, T("Every finding of the validation, by check, indicator, "
                                           "region and year."))) != GIDX_OK)
        return rc;
    for (i = 0; i < n; i++) {
        const char *check = NULL, *ind = NULL, *reg = NULL, *msg = NULL, *row[6];
        int year = 0;
        double value = NAN;
        char yb[16], vb[40];
        if (gidx_validation_finding(&check, &ind, &reg, &year, &value, &msg, v, i) != GIDX_OK)
            continue;
        snprintf(yb, sizeof yb, "%d", year);
        row[0] = check_label(c, check);
        row[1] = indicator_name(c, ind);
        row[2] = reg && reg[0] ? reg : T("all");
        row[3] = year ? yb : "";
        row[4] = num(vb, sizeof vb, value);
        row[5] = msg;
        if (tbl_add(&t, row) != 0) {
            tbl_free(&t);
            return GIDX_ENOMEM;
        }
    }
    return tbl_emit(c, &t, NULL, header, types);
}

/* -------------------------------------------------------------- index */

static gidx_status build_index(ctx *c, gidx_index_spec **spec_out, gidx_dataset **sub_out)
{
    gidx_status rc;
    size_t k;
    /* First the reference year (best covered), then the index of that year. */
    if ((rc = gidx_index_from_catalog(sub_out, spec_out, &c->year_index, c->pds, c->cat, 0)) != GIDX_OK)
        return rc;
    gidx_dataset_free(*sub_out);
    gidx_index_spec_free(*spec_out);
    if ((rc = gidx_index_from_catalog(sub_out, spec_out, NULL, c->pds, c->cat, c->year_index)) != GIDX_OK)
        return rc;
    /* The indicators the index kept, in the order of the specification. */
    c->index_ids = gidx__calloc(gidx_index_spec_nnodes(*spec_out) + 1, sizeof *c->index_ids);
    if (c->index_ids == NULL)
        return GIDX_ENOMEM;
    for (k = 0; k < gidx_index_spec_nnodes(*spec_out); k++) {
        const char *code = NULL, *parent = NULL;
        size_t idx;
        if (gidx_index_spec_node(&code, &parent, NULL, NULL, *spec_out, k) == GIDX_OK &&
            gidx_catalog_find(&idx, c->cat, code) == GIDX_OK)
            c->index_ids[c->nindex++] = (char *)gidx_indicator_id(gidx_catalog_indicator(c->cat, idx));
    }
    return GIDX_OK;
}

/* the most Monte Carlo replications a roadmap asks for (about 40 MB of ranks) */
#define GIDX__ROADMAP_MAX_MC ((size_t)1000000)

static int progress_mc(size_t done, size_t total, void *user)
{
    (void)done; (void)total; (void)user;
    return 0;
}

static gidx_status section_index(ctx *c)
{
    gidx_index_spec *spec = NULL;
    gidx_dataset *sub = NULL;
    gidx_index_uncertainty_result *unc = NULL;
    gidx_uncertainty_options uo = GIDX_UNCERTAINTY_OPTIONS_INIT;
    static const int norm_alts[3] = { GIDX_NORM_MINMAX, GIDX_NORM_ZSCORE, GIDX_NORM_RANK };
    static const int agg_alts[2] = { GIDX_AGG_AMEAN, GIDX_AGG_COPELAND };
    gidx_status rc;
    size_t nu, i, k;
    const char **labels = NULL;
    char buf[5][64], note[512];
    static const char *const header[] = { "region", "score", "rank", "median rank", "rank 5 %",
                                          "rank 95 %" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_INTEGER,
                                 GIDX_CELL_NUMBER, GIDX_CELL_INTEGER, GIDX_CELL_INTEGER };
    tbl t = { 6, 0, 0, NULL };
    int have_unc = 0;

    if ((rc = gidx_report_add_section(c->r, "index", T("Green-competitiveness index and ranking"))) != GIDX_OK)
        return rc;
    rc = build_index(c, &spec, &sub);
    if (rc != GIDX_OK) {
        /* the library's message is English: English reports only */
        if (c->lang == GIDX__LANG_EN)
            snprintf(note, sizeof note, T("No index could be built: %s"), gidx_error_last()->message);
        else
            snprintf(note, sizeof note, "%s", T("No index could be built."));
        return gidx_report_add_text(c->r, note);
    }
    if ((rc = gidx_index_compute(&c->index, spec, sub)) != GIDX_OK)
        goto done;
    nu = gidx_index_result_nunits(c->index);
    c->score = gidx__calloc(nu, sizeof(double));
    c->rank = gidx__calloc(nu, sizeof(double));
    c->p05 = gidx__calloc(nu, sizeof(double));
    c->p50 = gidx__calloc(nu, sizeof(double));
    c->p95 = gidx__calloc(nu, sizeof(double));
    labels = gidx__calloc(nu, sizeof *labels);
    if (!c->score || !c->rank || !c->p05 || !c->p50 || !c->p95 || !labels) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = gidx_index_result_scores(c->score, nu, c->index, NULL, c->year_index)) != GIDX_OK ||
        (rc = gidx_index_result_ranks(c->rank, nu, c->index, NULL, c->year_index)) != GIDX_OK)
        goto done;
    for (i = 0; i < nu; i++) {
        labels[i] = gidx_index_result_unit_name(c->index, i);
        c->p05[i] = c->p50[i] = c->p95[i] = NAN;
    }
    /* Uncertainty: normalisation, aggregation, weights +/- 25 % and leaving
     * one indicator out (OECD/JRC Handbook 2008, sec. 1.8). */
    uo.n = c->opt->mc ? c->opt->mc : 500;
    uo.seed = c->opt->seed;
    uo.normalise_alts = norm_alts;
    uo.n_normalise_alts = 3;
    uo.aggregate_alts = agg_alts;
    uo.n_aggregate_alts = 2;
    uo.weight_noise = 0.25;
    uo.exclude_one = 1;
    uo.progress = progress_mc;
    if ((rc = gidx_index_uncertainty(&unc, spec, sub, &uo)) == GIDX_OK &&
        (rc = gidx_index_uncertainty_ranks(NULL, c->p50, c->p05, c->p95, nu, unc)) == GIDX_OK) {
        have_unc = 1;
        /* Whole ranks: the interval runs from the rank at or below the 5 %
         * quantile to the rank at or above the 95 % quantile, so it covers at
         * least the 5-95 % of the replications' ranks. */
        for (i = 0; i < nu; i++) {
            c->p05[i] = floor(c->p05[i] + 1e-9);
            c->p95[i] = ceil(c->p95[i] - 1e-9);
        }
    } else if (rc == GIDX_ENOMEM || rc == GIDX_ELIMIT || rc == GIDX_EINVAL) {
        /* resources or options, not the data: the run fails, no silent note */
        gidx__error_prefix("index rank intervals: ");
        goto done;
    } else if (c->lang == GIDX__LANG_EN) {
        snprintf(note, sizeof note, T("The Monte Carlo rank intervals could not be computed: %s"),
                 gidx_error_last()->message);
    } else {
        snprintf(note, sizeof note, "%s", T("The Monte Carlo rank intervals could not be computed."));
    }
    {
        gidx__buf b = GIDX__BUF_INIT;
        char *s;
        char n1[32], n2[32];
        gidx__buf_printf(&b, T("Index for %d of %s regions from %s indicators in their pillars "
                               "(min-max normalised 0-100 in each indicator's direction, equal "
                               "weights, arithmetic means; a pillar needs half its indicators). "),
                         c->year_index, pnum(n1, sizeof n1, c, (double)nu, 0),
                         pnum(n2, sizeof n2, c, (double)c->nindex, 0));
        if (have_unc)
            gidx__buf_printf(&b, T("Rank intervals: 5-95 %% of %s Monte Carlo replications (seed "
                                   "%lu) varying normalisation (min-max, z-score, rank), "
                                   "aggregation (arithmetic, Copeland outranking), weights (+/- 25 %%) "
                                   "and leaving one indicator out; the interval runs from the whole "
                                   "rank at or below the 5 %% quantile to the whole rank at or above "
                                   "the 95 %% quantile."),
                             pnum(n1, sizeof n1, c, (double)gidx_index_uncertainty_nruns(unc), 0),
                             uo.seed);
        else
            gidx__buf_puts(&b, note);
        if ((s = gidx__buf_take(&b)) == NULL) { rc = GIDX_ENOMEM; goto done; }
        rc = gidx_report_add_text(c->r, s);
        free(s);
        if (rc != GIDX_OK) goto done;
    }
    if ((rc = gidx_report_add_ranking(c->r, T("Index ranking with 5-95 % rank intervals"), nu, labels,
                                      c->score, c->rank, have_unc ? c->p05 : NULL,
                                      have_unc ? c->p95 : NULL)) != GIDX_OK)
        goto done;
    for (k = 0; k < nu; k++) {
        /* rows in rank order */
        size_t best = nu;
        for (i = 0; i < nu; i++) {
            int used = 0;
            size_t j;
            for (j = 0; j < t.nrows; j++)
                if (strcmp(t.cells[j * t.ncols], labels[i]) == 0)
                    used = 1;
            if (used)
                continue;
            if (best == nu || (gidx__isfinite(c->rank[i]) &&
                               (!gidx__isfinite(c->rank[best]) || c->rank[i] < c->rank[best])))
                best = i;
        }
        {
            const char *row[6];
            row[0] = labels[best];
            row[1] = num(buf[0], sizeof buf[0], c->score[best]);
            row[2] = num(buf[1], sizeof buf[1], c->rank[best]);
            row[3] = num(buf[2], sizeof buf[2], c->p50[best]);
            row[4] = num(buf[3], sizeof buf[3], c->p05[best]);
            row[5] = num(buf[4], sizeof buf[4], c->p95[best]);
            if (tbl_add(&t, row) != 0) { rc = GIDX_ENOMEM; goto done; }
        }
    }
    rc = tbl_emit(c, &t, T("Scores and ranks"), header, types);
done:
    tbl_free(&t);
    free(labels);
    gidx_index_uncertainty_free(unc);
    gidx_index_spec_free(spec);
    gidx_dataset_free(sub);
    return rc;
}

/* ---------------------------------------------------- heatmap, scorecards */

static gidx_status section_benchmark(ctx *c)
{
    size_t ncol = c->nindex, i, j, nu;
    double *vals = NULL, *diff = NULL;
    int *dir = NULL;
    const char **rows = NULL;
    gidx_status rc;
    tbl t = { 5, 0, 0, NULL };
    static const char *const header[] = { "region", "score", "rank", "strengths vs peers",
                                          "weaknesses vs peers" };
    static const int bench_types[] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_INTEGER,
                                       GIDX_CELL_TEXT, GIDX_CELL_TEXT };
    size_t *peers = NULL;
    if (c->index == NULL || ncol == 0)
        return GIDX_OK;
    if ((rc = gidx_report_add_section(c->r, "benchmark", T("Benchmarking between regions"))) != GIDX_OK)
        return rc;
    vals = gidx__calloc(c->nsel * ncol, sizeof *vals);
    dir = gidx__calloc(ncol, sizeof *dir);
    rows = gidx__calloc(c->nsel, sizeof *rows);
    nu = gidx_index_result_nunits(c->index);
    diff = gidx__calloc(gidx_index_result_nindicators(c->index) +
                        gidx_index_result_naggregates(c->index) + 1, sizeof *diff);
    peers = gidx__calloc(nu, sizeof *peers);
    if (!vals || !dir || !rows || !diff || !peers) { rc = GIDX_ENOMEM; goto done; }
    for (j = 0; j < ncol; j++) {
        size_t k;
        gidx_catalog_find(&k, c->cat, c->index_ids[j]);
        dir[j] = gidx_indicator_direction(gidx_catalog_indicator(c->cat, k)) == GIDX_LOWER_BETTER ? -1 : 1;
    }
    for (i = 0; i < c->nsel; i++) {
        const char *reg = gidx_dataset_region(c->pds, c->sel[i]);
        rows[i] = region_name(c, c->sel[i]);
        for (j = 0; j < ncol; j++)
            gidx_dataset_get(&vals[i * ncol + j], NULL, c->pds, reg, c->year_index, c->index_ids[j]);
    }
    {
        char title[96];
        snprintf(title, sizeof title, T("Indicator values %d (blue = better, red = worse)"), c->year_index);
        if ((rc = gidx_report_add_heatmap(c->r, title, c->nsel, ncol, rows,
                                          (const char *const *)c->index_ids, vals, dir)) != GIDX_OK)
            goto done;
    }
    /* Scorecards: each ranked unit against all the others (normalised scores). */
    for (i = 0; i < nu; i++) {
        size_t k, np = 0, nn = gidx_index_result_nindicators(c->index);
        char strong[256] = "", weak[256] = "", b1[32], b2[32];
        const char *row[5];
        int used[3] = { -1, -1, -1 }, usedw[3] = { -1, -1, -1 }, m;
        int selected = 0;
        for (k = 0; k < c->nsel; k++)
            if (strcmp(gidx_dataset_region(c->pds, c->sel[k]), gidx_index_result_unit(c->index, i)) == 0)
                selected = 1;
        if (!selected)
            continue;
        for (k = 0; k < nu; k++)
            if (k != i)
                peers[np++] = k;
        if (gidx_index_result_scorecard(diff, nn + gidx_index_result_naggregates(c->index) + 1,
                                        c->index, i, peers, np, c->year_index) != GIDX_OK)
            continue;
        for (m = 0; m < 3; m++) {
            size_t best = nn, worst = nn;
            for (k = 0; k < nn; k++) {
                if (!gidx__isfinite(diff[k]) || (int)k == used[0] || (int)k == used[1] ||
                    (int)k == used[2] || (int)k == usedw[0] || (int)k == usedw[1] || (int)k == usedw[2])
                    continue;
                if (diff[k] > 0 && (best == nn || diff[k] > diff[best])) best = k;
                if (diff[k] < 0 && (worst == nn || diff[k] < diff[worst])) worst = k;
            }
            if (best < nn) {
                used[m] = (int)best;
                snprintf(strong + strlen(strong), sizeof strong - strlen(strong), "%s%s (+%.0f)",
                         m ? ", " : "", gidx_index_result_scorecard_node(c->index, best), diff[best]);
            }
            if (worst < nn) {
                usedw[m] = (int)worst;
                snprintf(weak + strlen(weak), sizeof weak - strlen(weak), "%s%s (%.0f)",
                         m ? ", " : "", gidx_index_result_scorecard_node(c->index, worst), diff[worst]);
            }
        }
        row[0] = gidx_index_result_unit_name(c->index, i);
        row[1] = num(b1, sizeof b1, c->score[i]);
        row[2] = num(b2, sizeof b2, c->rank[i]);
        row[3] = strong;
        row[4] = weak;
        if (tbl_add(&t, row) != 0) { rc = GIDX_ENOMEM; goto done; }
    }
    if (t.nrows > 0)
        rc = tbl_emit(c, &t, T("Scorecards: normalised indicator score minus the mean of the other "
                                "regions (0-100 scale)"), header, bench_types);
done:
    tbl_free(&t);
    free(vals);
    free(dir);
    free(rows);
    free(diff);
    free(peers);
    return rc;
}

/* ---------------------------------------------------------- forecasts */

typedef struct series {
    int *years;
    double *y;
    size_t n;
} series;

static gidx_status get_series(series *s, const ctx *c, const char *region, const char *id)
{
    size_t ny = gidx_dataset_nyears(c->pds), k;
    double *all = gidx__calloc(ny ? ny : 1, sizeof *all);
    gidx_status rc;
    s->years = gidx__calloc(ny ? ny : 1, sizeof *s->years);
    s->y = gidx__calloc(ny ? ny : 1, sizeof *s->y);
    s->n = 0;
    if (all == NULL || s->years == NULL || s->y == NULL) {
        free(all);
        return GIDX_ENOMEM;
    }
    rc = gidx_dataset_series(all, NULL, ny, c->pds, region, id);
    if (rc == GIDX_OK) {
        /* Keep the span from the first to the last observation; inner gaps stay NaN. */
        size_t first = ny, last = 0;
        for (k = 0; k < ny; k++)
            if (gidx__isfinite(all[k])) {
                if (first == ny) first = k;
                last = k;
            }
        for (k = first; first < ny && k <= last; k++) {
            s->years[s->n] = gidx_dataset_year(c->pds, k);
            s->y[s->n++] = all[k];
        }
    }
    free(all);
    return rc;
}

static void series_free(series *s)
{
    free(s->years);
    free(s->y);
}

/* Target path of a region's series for the years base..horizon; NaN when the base is unobserved. */
static int target_base(double *base_level, const gidx_target_spec *t, const series *s)
{
    size_t k;
    if (t == NULL)
        return 0;
    for (k = 0; k < s->n; k++)
        if (s->years[k] == t->base_year && gidx__isfinite(s->y[k])) {
            *base_level = s->y[k];
            return 1;
        }
    return 0;
}

/*
 * The target of a region: --target (opt->target) for every region; else the
 * catalogue record that names the region in its "regions"; else the default
 * record. *basis says which ("--target", "own", "default"); NULL when the
 * catalogue has no target at all.
 */
static const gidx_target_spec *region_target(gidx_target_spec *spec, const char **name,
                                             const char **basis, const ctx *c,
                                             const char *region)
{
    const char *own = NULL;
    *name = NULL;
    *basis = NULL;
    if (c->opt->target == NULL && gidx_catalog_region_target(&own, c->cat, region) == GIDX_OK &&
        gidx_catalog_target(spec, c->cat, own) == GIDX_OK) {
        *name = own;
        *basis = T("own target of the region");
        return spec;
    }
    gidx_error_clear();
    if (!c->have_target)
        return NULL;
    *spec = c->target;
    *name = c->opt->target ? c->opt->target : "municipal_2009";
    *basis = c->opt->target ? T("--target, for every region") : T("default");
    return spec;
}

/* A table of the target applied to each selected region and why. The
 * catalogue's source note is its own (English) text: English reports only,
 * as the target's description. */
static gidx_status targets_table(ctx *c)
{
    static const char *const header[] = { "region", "target", "applies as", "base year",
                                          "target year", "cut", "source" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_YEAR,
                                 GIDX_CELL_YEAR, GIDX_CELL_TEXT, GIDX_CELL_TEXT };
    tbl t = { c->lang == GIDX__LANG_EN ? 7 : 6, 0, 0, NULL };
    size_t i;
    for (i = 0; i < c->nsel; i++) {
        gidx_target_spec spec;
        const char *name, *basis, *row[7];
        char by[16], ty[16], cut[64], x[48];
        const gidx_target_spec *ts = region_target(&spec, &name, &basis, c,
                                                   gidx_dataset_region(c->pds, c->sel[i]));
        if (ts == NULL)
            continue;
        snprintf(by, sizeof by, "%d", ts->base_year);
        snprintf(ty, sizeof ty, "%d", ts->target_year);
        if (ts->kind == GIDX_TARGET_RELATIVE)
            snprintf(cut, sizeof cut, "%s %%", pnum(x, sizeof x, c, ts->cut_percent, -1));
        else
            snprintf(cut, sizeof cut, T("to %s"), pnum(x, sizeof x, c, ts->level, -1));
        row[0] = region_name(c, c->sel[i]);
        row[1] = name;
        row[2] = basis;
        row[3] = by;
        row[4] = ty;
        row[5] = cut;
        row[6] = ts->source ? ts->source : "";
        if (tbl_add(&t, row) != 0) {
            tbl_free(&t);
            return GIDX_ENOMEM;
        }
    }
    if (t.nrows == 0)
        return GIDX_OK;
    return tbl_emit(c, &t, T("Targets by region: a region's own target (a catalogue target that "
                             "names it in \"regions\") applies, else the default; --target "
                             "overrides both"), header, types);
}

/* One forecast of a region's indicator to the horizon: the model, the mean
 * and interval paths, and (tgt not NULL: the region's target) the target and
 * the probability of meeting it. The summary's status table and the
 * forecasts section both use it, so they show the same numbers. */
typedef struct fcres {
    series s;
    int fitted;             /* a model was fitted and forecast */
    char model[200];        /* model name, or why there is no forecast */
    size_t h;
    double *mean, *lo, *hi; /* h; NLEVELS x h */
    int have_tg;            /* tg holds the target assessment */
    gidx_fc_target tg;
    double base_level;      /* the level in the target's base year (NaN: unobserved) */
} fcres;

static void fcres_free(fcres *r)
{
    series_free(&r->s);
    free(r->mean); free(r->lo); free(r->hi);
    memset(r, 0, sizeof *r);
}

static gidx_status forecast_one(fcres *r, ctx *c, const char *reg, const char *id,
                                const gidx_target_spec *tgt)
{
    gidx_model_options mo = GIDX_MODEL_OPTIONS_INIT;
    gidx_model *m = NULL;
    gidx_status rc;
    int horizon = c->opt->horizon ? c->opt->horizon : 2030;
    memset(r, 0, sizeof *r);
    r->base_level = NAN;
    mo.seed = c->opt->seed;
    if ((rc = get_series(&r->s, c, reg, id)) != GIDX_OK || r->s.n == 0)
        return rc;
    if (r->s.years[r->s.n - 1] >= horizon) {
        snprintf(r->model, sizeof r->model, "%s", T("observed"));
        return GIDX_OK;
    }
    r->h = (size_t)(horizon - r->s.years[r->s.n - 1]);
    if ((rc = gidx_model_new(&m, &mo)) != GIDX_OK)
        return rc;
    r->mean = gidx__calloc(r->h, sizeof *r->mean);
    r->lo = gidx__calloc(r->h * NLEVELS, sizeof *r->lo);
    r->hi = gidx__calloc(r->h * NLEVELS, sizeof *r->hi);
    if (!r->mean || !r->lo || !r->hi) {
        gidx_model_free(m);
        return GIDX_ENOMEM;
    }
    if (gidx_model_fit(m, r->s.years, r->s.y, r->s.n) != GIDX_OK ||
        gidx_model_forecast(r->mean, r->lo, r->hi, r->h * NLEVELS, m, r->h, levels, NLEVELS) != GIDX_OK) {
        /* the library's reason is English: English reports only */
        if (c->lang == GIDX__LANG_EN)
            snprintf(r->model, sizeof r->model, T("no forecast: %s"), gidx_error_last()->message);
        else
            snprintf(r->model, sizeof r->model, "%s", T("no forecast"));
    } else {
        r->fitted = 1;
        model_name(r->model, sizeof r->model, c, gidx_model_name(m));
        if (target_base(&r->base_level, tgt, &r->s) &&
            gidx__model_target_pct(&r->tg, m, horizon, tgt->kind == GIDX_TARGET_RELATIVE ?
                              tgt->cut_percent : tgt->level,
                              tgt->kind == GIDX_TARGET_RELATIVE ? tgt->base_year : 0,
                              1) == GIDX_OK)
            r->have_tg = 1;
    }
    gidx_model_free(m);
    return GIDX_OK;
}

static gidx_status section_forecasts(ctx *c)
{
    size_t f, i, nf = sizeof forecast_ids / sizeof forecast_ids[0];
    gidx_status rc = GIDX_OK;
    static const char *const header[] = { "region", "indicator", "last year", "last value", "model",
                                          "forecast", "80 % low", "80 % high", "95 % low",
                                          "95 % high", "target", "P(meet target) (%)",
                                          "annual cut needed (% per year)" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_YEAR, GIDX_CELL_NUMBER,
                                 GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER,
                                 GIDX_CELL_NUMBER, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER,
                                 GIDX_CELL_INTEGER, GIDX_CELL_NUMBER };
    tbl t = { 13, 0, 0, NULL };
    char title[160];
    int horizon = c->opt->horizon ? c->opt->horizon : 2030;
    gidx__buf b = GIDX__BUF_INIT;
    snprintf(title, sizeof title, T("Forecasts to %d"), horizon);
    if ((rc = gidx_report_add_section(c->r, "forecasts", title)) != GIDX_OK)
        return rc;
    gidx__buf_puts(&b, T("Automatic forecasts: the best ETS, ARIMA and Theta models by AICc, "
                         "combined with equal weights, on the observed years (gaps are real time "
                         "gaps). Intervals at 80 % and 95 % are calibrated on each series' own "
                         "rolling-origin errors. "));
    if (c->have_target) {
        const char *tname = c->opt->target ? c->opt->target : "municipal_2009";
        char x[48];
        /* the catalogue's description is its own (English) text */
        if (c->lang == GIDX__LANG_EN)
            gidx__buf_printf(&b, T("Target \"%s\": %s (%s). "), tname,
                             c->target.description ? c->target.description : "",
                             c->target.source ? c->target.source : "");
        else if (c->target.kind == GIDX_TARGET_RELATIVE)
            gidx__buf_printf(&b, T("Target \"%s\": a cut of %s %% from %d by %d. "), tname,
                             pnum(x, sizeof x, c, c->target.cut_percent, -1), c->target.base_year,
                             c->target.target_year);
        else
            gidx__buf_printf(&b, T("Target \"%s\": the level %s by %d. "), tname,
                             pnum(x, sizeof x, c, c->target.level, -1), c->target.target_year);
        gidx__buf_printf(&b, T("P(meet target) is the probability of being at or below the target "
                               "path in %d under the forecast distribution; the annual cut needed "
                               "is the constant yearly cut from the last observation."), horizon);
    }
    if ((rc = add_text(c, &b)) != GIDX_OK || (rc = targets_table(c)) != GIDX_OK)
        return rc;
    for (f = 0; f < nf; f++) {
        size_t idx;
        const gidx_indicator *ind;
        if (gidx_catalog_find(&idx, c->cat, forecast_ids[f]) != GIDX_OK)
            continue;
        ind = gidx_catalog_indicator(c->cat, idx);
        for (i = 0; i < c->nsel; i++) {
            const char *reg = gidx_dataset_region(c->pds, c->sel[i]);
            fcres r;
            char v[13][48];
            const char *row[13];
            size_t k, h;
            /* the region's own target, else the default (targets_table) */
            gidx_target_spec rspec;
            const char *tn, *tb;
            const gidx_target_spec *tgt = region_target(&rspec, &tn, &tb, c, reg);
            for (k = 0; k < 13; k++) { v[k][0] = '\0'; row[k] = v[k]; }
            if ((rc = forecast_one(&r, c, reg, forecast_ids[f], f == 0 ? tgt : NULL)) != GIDX_OK) {
                fcres_free(&r);
                goto done;
            }
            if (r.s.n == 0) {
                fcres_free(&r);
                continue;
            }
            h = r.h;
            row[0] = region_name(c, c->sel[i]);
            row[1] = gidx_indicator_name(ind, c->lang_code);
            snprintf(v[2], sizeof v[2], "%d", r.s.years[r.s.n - 1]);
            num(v[3], sizeof v[3], r.s.y[r.s.n - 1]);
            row[4] = r.model;
            if (r.fitted) {
                num(v[5], sizeof v[5], r.mean[h - 1]);
                num(v[6], sizeof v[6], r.lo[h - 1]);
                num(v[7], sizeof v[7], r.hi[h - 1]);
                num(v[8], sizeof v[8], r.lo[h + h - 1]);
                num(v[9], sizeof v[9], r.hi[h + h - 1]);
            }
            if (r.have_tg) {
                num(v[10], sizeof v[10], r.tg.target);
                num(v[11], sizeof v[11], 100 * r.tg.prob);
                num(v[12], sizeof v[12], -100 * r.tg.rate_needed);
            }
            if (r.fitted && f == 0) {
                /* Fan chart with the target path from the base year. */
                gidx_fan_chart fc = GIDX_FAN_CHART_INIT;
                int fy[200], ty[200];
                double tv[200];
                size_t nt = 0;
                char ct[240];
                int last = r.s.years[r.s.n - 1];
                for (k = 0; k < h && k < 200; k++)
                    fy[k] = last + 1 + (int)k;
                if (gidx__isfinite(r.base_level)) {
                    int y;
                    for (y = tgt->base_year; y <= horizon && nt < 200; y++)
                        if (gidx_target_path_value(&tv[nt], tgt, r.base_level, y) == GIDX_OK)
                            ty[nt++] = y;
                }
                snprintf(ct, sizeof ct, "%s: %s", region_name(c, c->sel[i]),
                         gidx_indicator_name(ind, c->lang_code));
                fc.title = ct;
                fc.unit = gidx_indicator_text(ind, "unit");
                fc.obs_years = r.s.years; fc.obs = r.s.y; fc.n_obs = r.s.n;
                fc.fc_years = fy; fc.fc_mean = r.mean; fc.n_fc = h < 200 ? h : 200;
                fc.levels = levels; fc.n_levels = NLEVELS; fc.fc_lo = r.lo; fc.fc_hi = r.hi;
                fc.target_years = ty; fc.target = tv; fc.n_target = nt;
                if (h <= 200)
                    rc = gidx_report_add_fan_chart(c->r, &fc);
            }
            if (rc == GIDX_OK && tbl_add(&t, row) != 0)
                rc = GIDX_ENOMEM;
            fcres_free(&r);
            if (rc != GIDX_OK)
                goto done;
        }
    }
    if (t.nrows > 0) {
        snprintf(title, sizeof title, T("Forecasts for %d (mean and intervals)"), horizon);
        rc = tbl_emit(c, &t, title, header, types);
    }
done:
    tbl_free(&t);
    return rc;
}


/*
 * Ripple effects of the scenario's final-demand shock (its ripple.shock and
 * its instruments' demand) on Statistics Norway's input-output table for
 * Norway (or the scenario's own table), optionally regionalised by FLQ for a
 * region of the report's dataset: totals by quantity, the industries most
 * affected as a stacked bar chart (direct, indirect, induced output), and
 * what the model must say about itself (docs/ripple.md).
 */
static gidx_status section_ripple(ctx *c, const gidx_scenario *sc)
{
    static const char *const qnames[GIDX_IO_NQUANTITIES_ALL] = {
        "output", "employment", "value added", "labour income", "greenhouse gases (t CO2e)",
        "imported intermediates", "purchases from the rest of Norway"
    };
    static const char *const rheader[] = { "quantity", "direct", "indirect", "induced", "total" };
    static const int rtypes[] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER,
                                  GIDX_CELL_NUMBER, GIDX_CELL_NUMBER };
    static const char *const part_en[] = { "direct", "indirect", "induced" };
    const char *parts[3];
    enum { TOP = 12 };
    gidx_io_model *io = NULL, *reg = NULL;
    gidx_io_result *res = NULL;
    gidx_io_shock_options so = GIDX_IO_SHOCK_OPTIONS_INIT;
    tbl rt = { 5, 0, 0, NULL };
    gidx__buf txt = GIDX__BUF_INIT;
    const char *io_path = gidx_scenario_ripple_io(sc), *region = gidx_scenario_ripple_region(sc);
    size_t n = 0, q, i, k, top[TOP], ntop = 0;
    double *df = NULL, *v = NULL, *bars = NULL;
    const char *labels[TOP];
    char lab[TOP][40];
    char title[768], src[512], amount[48];
    gidx_status rc;
    int year = 0;

    for (k = 0; k < 3; k++)
        parts[k] = T(part_en[k]);

    rc = io_path != NULL ? gidx_io_model_load(&io, io_path)
                         : gidx_io_model_norway(&io, gidx_scenario_ripple_io_year(sc));
    if (rc == GIDX_OK && region != NULL) {
        rc = gidx_io_model_regionalise_dataset(&reg, &year, io, c->data, region, NULL);
        if (rc == GIDX_OK) {
            gidx_io_model_free(io);
            io = reg;
        }
    }
    if (rc != GIDX_OK)
        goto done;
    n = gidx_io_model_nsectors(io);
    df = gidx__calloc(n, sizeof *df);
    v = gidx__calloc(4 * n, sizeof *v);
    bars = gidx__calloc(3 * TOP, sizeof *bars);
    if (df == NULL || v == NULL || bars == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    gidx__buf_puts(&txt, T("Final-demand shock:"));
    for (i = 0; rc == GIDX_OK && i < gidx_scenario_ripple_nshocks(sc); i++) {
        rc = gidx_io_model_shock_add(df, n, io, gidx_scenario_ripple_sector(sc, i),
                                     gidx_scenario_ripple_amount(sc, i), GIDX_IO_UNIT_CURRENCY);
        gidx__buf_printf(&txt, "%s %s %s (%s)", i ? ";" : "", gidx_scenario_ripple_sector(sc, i),
                         pnum(amount, sizeof amount, c, gidx_scenario_ripple_amount(sc, i), -1),
                         gidx_scenario_ripple_origin(sc, i));
    }
    gidx__buf_puts(&txt, ".");
    if (rc != GIDX_OK) {
        gidx__error_prefix("scenario %s, ripple: ", gidx_scenario_name(sc));
        goto done;
    }
    so.type = gidx_scenario_ripple_type(sc);
    if ((rc = gidx_io_shock(&res, io, df, n, &so)) != GIDX_OK)
        goto done;
    for (q = 0; rc == GIDX_OK && q < GIDX_IO_NQUANTITIES_ALL; q++) {
        char cb[4][48];
        const char *row[5];
        size_t p;
        if (!gidx_io_result_has(res, (int)q))
            continue;
        row[0] = T(qnames[q]);
        for (p = 0; p < 4; p++) {
            double sum = 0;
            if ((rc = gidx_io_result_get(v, n, res, 0, (int)q, (int)p)) != GIDX_OK)
                break;
            for (i = 0; i < n; i++)
                sum += v[i];
            row[p + 1] = num(cb[p], sizeof cb[p], sum);
        }
        if (rc == GIDX_OK && tbl_add(&rt, row) != 0)
            rc = GIDX_ENOMEM;
    }
    if (rc != GIDX_OK)
        goto done;
    /* what the model says about itself is the ripple module's English text:
     * English reports only */
    if (gidx_io_result_note(res) != NULL) {
        gidx__buf_putc(&txt, ' ');
        gidx__buf_puts(&txt, c->lang == GIDX__LANG_EN ? gidx_io_result_note(res)
                                                      : T("The model's notes are in the English "
                                                          "report (--lang en)."));
    }
    if (txt.failed) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; txt.s[i]; i++)
        if (txt.s[i] == '\n')
            txt.s[i] = ' ';
    if ((rc = gidx_report_add_text(c->r, txt.s)) != GIDX_OK)
        goto done;
    if (region != NULL)
        snprintf(src, sizeof src, T("%s, regionalised for %s"),
                 io_path != NULL ? io_path : T("SSB input-output table for Norway"), region);
    else
        snprintf(src, sizeof src, "%s", io_path != NULL ? io_path : T("SSB input-output table for Norway"));
    snprintf(title, sizeof title, T("Ripple effects of the final-demand shock (type %s, %s)"),
             so.type == 2 ? "II" : "I", src);
    if ((rc = tbl_emit(c, &rt, title, rheader, rtypes)) != GIDX_OK)
        goto done;
    /* the industries with the largest total output effect */
    for (k = 0; k < 3; k++)
        if ((rc = gidx_io_result_get(v + k * n, n, res, 0, GIDX_IO_OUTPUT, (int)k)) != GIDX_OK)
            goto done;
    if ((rc = gidx_io_result_get(v + 3 * n, n, res, 0, GIDX_IO_OUTPUT, GIDX_IO_TOTAL)) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++) {
        size_t pos = ntop;
        if (!(fabs(v[3 * n + i]) > 0))
            continue;
        while (pos > 0 && fabs(v[3 * n + top[pos - 1]]) < fabs(v[3 * n + i]))
            pos--;
        if (pos >= TOP)
            continue;
        memmove(top + pos + 1, top + pos, ((ntop < TOP ? ntop : TOP - 1) - pos) * sizeof *top);
        top[pos] = i;
        if (ntop < TOP)
            ntop++;
    }
    for (k = 0; k < ntop; k++) {
        const char *name = gidx_io_model_sector_label(io, top[k]);
        /* "RF Constructions and ..." : the code and the start of SSB's name */
        if (name != NULL && strlen(name) > 21)
            snprintf(lab[k], sizeof lab[k], "%s %.18s...", gidx_io_result_sector(res, top[k]), name);
        else if (name != NULL)
            snprintf(lab[k], sizeof lab[k], "%s %s", gidx_io_result_sector(res, top[k]), name);
        else
            snprintf(lab[k], sizeof lab[k], "%s", gidx_io_result_sector(res, top[k]));
        labels[k] = lab[k];
        for (i = 0; i < 3; i++)
            bars[k * 3 + i] = v[i * n + top[k]];
    }
    if (ntop > 0) {
        char nt[16];
        pnum(nt, sizeof nt, c, (double)ntop, 0);
        if (region != NULL)
            snprintf(title, sizeof title, T("Output effects by industry, the %s largest (inside the "
                                            "region)"), nt);
        else
            snprintf(title, sizeof title, T("Output effects by industry, the %s largest"), nt);
        rc = gidx_report_add_bars(c->r, title, T("NOK million"), ntop, 3, labels, parts, bars);
    }
done:
    tbl_free(&rt);
    gidx__buf_free(&txt);
    free(df);
    free(v);
    free(bars);
    gidx_io_result_free(res);
    gidx_io_model_free(io);
    return rc;
}

/* ------------------------------------------------------------ summary */

/* The summary: first each region's status against its target for the
 * horizon year (the forecast of the first forecast indicator, ghg_total),
 * then what the report covers. */
static gidx_status section_summary(ctx *c)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    size_t ny = gidx_dataset_nyears(c->pds), i, idx;
    int horizon = c->opt->horizon ? c->opt->horizon : 2030;
    /* the dataset's source note; a bokmål report takes "source_nb" when the
     * dataset has one (the embedded data do) */
    const char *src = (c->lang == GIDX__LANG_NB && gidx_dataset_meta(c->data, "source_nb"))
                          ? gidx_dataset_meta(c->data, "source_nb")
                          : gidx_dataset_meta(c->data, "source");
    char n1[32], n2[32], n3[32], title[160];
    static const char *const header[] = { "region", "indicator", "base year",
                                          "level in the base year", "", "",
                                          "P(meet target) (%)", "status" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_YEAR, GIDX_CELL_NUMBER,
                                 GIDX_CELL_NUMBER, GIDX_CELL_NUMBER, GIDX_CELL_INTEGER,
                                 GIDX_CELL_TEXT };
    tbl t = { 8, 0, 0, NULL };
    if ((rc = gidx_report_add_section(c->r, "summary", T("Summary"))) != GIDX_OK)
        return rc;
    if (!c->have_target) {
        gidx__buf_printf(&b, T("No target record in the catalogue: the status against a %d target "
                               "cannot be given."), horizon);
        if ((rc = add_text(c, &b)) != GIDX_OK)
            return rc;
    } else if (gidx_catalog_find(&idx, c->cat, forecast_ids[0]) == GIDX_OK) {
        const gidx_indicator *ind = gidx_catalog_indicator(c->cat, idx);
        char h[8][64];
        const char *hp[8];
        for (i = 0; i < 8; i++) {
            if (i == 4)
                snprintf(h[i], sizeof h[i], T("target %d"), horizon);
            else if (i == 5)
                snprintf(h[i], sizeof h[i], T("forecast %d"), horizon);
            else
                snprintf(h[i], sizeof h[i], "%s", T(header[i]));
            hp[i] = h[i];
        }
        for (i = 0; i < c->nsel; i++) {
            fcres r;
            char v[8][48];
            const char *row[8];
            size_t k;
            /* each region against its own target, else the default (targets_table) */
            gidx_target_spec rspec;
            const char *tn, *tb, *reg = gidx_dataset_region(c->pds, c->sel[i]);
            const gidx_target_spec *tgt = region_target(&rspec, &tn, &tb, c, reg);
            for (k = 0; k < 8; k++) { v[k][0] = '\0'; row[k] = v[k]; }
            if ((rc = forecast_one(&r, c, reg, forecast_ids[0], tgt)) != GIDX_OK) {
                fcres_free(&r);
                return rc;
            }
            row[0] = region_name(c, c->sel[i]);
            row[1] = gidx_indicator_name(ind, c->lang_code);
            if (tgt != NULL)
                snprintf(v[2], sizeof v[2], "%d", tgt->base_year);
            num(v[3], sizeof v[3], r.base_level);
            if (tgt == NULL) {
                row[7] = T("no target");
            } else if (r.have_tg) {
                num(v[4], sizeof v[4], r.tg.target);
                num(v[5], sizeof v[5], r.tg.forecast);
                num(v[6], sizeof v[6], 100 * r.tg.prob);
                row[7] = r.tg.forecast <= r.tg.target ? T("on track") : T("off track");
            } else {
                row[7] = r.s.n == 0 || !r.fitted ? T("no forecast") : T("base year not observed");
            }
            k = tbl_add(&t, row) != 0;
            fcres_free(&r);
            if (k) {
                tbl_free(&t);
                return GIDX_ENOMEM;
            }
        }
        snprintf(title, sizeof title, T("Status against the %d target"), horizon);
        if (t.nrows > 0) {
            rc = gidx__report_add_table_typed(c->r, title, t.nrows, 8, hp, types,
                                              (const char *const *)t.cells);
            tbl_free(&t);
            if (rc != GIDX_OK)
                return rc;
        }
    }
    gidx__buf_printf(&b, T("Catalogue \"%s\": %s indicators. Data: %s regions, %s years (%d-%d)"),
                     gidx_catalog_name(c->cat), pnum(n1, sizeof n1, c, (double)gidx_catalog_count(c->cat), 0),
                     pnum(n2, sizeof n2, c, (double)gidx_dataset_nregions(c->pds), 0),
                     pnum(n3, sizeof n3, c, (double)ny, 0), ny ? gidx_dataset_year(c->pds, 0) : 0,
                     ny ? gidx_dataset_year(c->pds, ny - 1) : 0);
    if (src != NULL)
        gidx__buf_printf(&b, T("; source: %s"), src);
    if (c->nsel == 1)
        gidx__buf_puts(&b, T(". The report covers 1 region:"));
    else
        gidx__buf_printf(&b, T(". The report covers %s regions:"), pnum(n1, sizeof n1, c, (double)c->nsel, 0));
    for (i = 0; i < c->nsel; i++)
        gidx__buf_printf(&b, "%s %s (%s)", i ? "," : "", region_name(c, c->sel[i]),
                         gidx_dataset_region(c->pds, c->sel[i]));
    gidx__buf_printf(&b, T(". %s of the panel's indicator values are missing; each has a recorded "
                           "reason (greenidx indicators --format json)."),
                     pnum(n1, sizeof n1, c, (double)gidx_panel_nmissing(c->panel), 0));
    if ((rc = add_text(c, &b)) != GIDX_OK)
        return rc;
    if (c->nall > gidx_dataset_nregions(c->pds)) {
        char n4[32];
        gidx__buf_printf(&b, T("The data hold %s regions; %s of them have the data the indicators "
                               "compare (the others have too few base variables, e.g. population "
                               "alone). Validation, the index and the benchmarks use those %s and "
                               "the regions asked for."),
                         pnum(n1, sizeof n1, c, (double)c->nall, 0),
                         pnum(n2, sizeof n2, c, (double)c->ncovered, 0),
                         pnum(n4, sizeof n4, c, (double)c->ncovered, 0));
        rc = add_text(c, &b);
    }
    return rc;
}

/* ----------------------------------------------------------- scenario */

static gidx_status section_scenario(ctx *c)
{
    const gidx_scenario *sc = c->opt->scenario;
    size_t ni, i, j;
    gidx_status rc;
    tbl t = { 7, 0, 0, NULL };
    static const char *const header[] = { "instrument", "region", "indicator", "start", "baseline",
                                          "with instrument", "difference" };
    static const int types[] = { GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_TEXT, GIDX_CELL_YEAR,
                                 GIDX_CELL_NUMBER, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER };
    int horizon = c->opt->horizon ? c->opt->horizon : 2030;
    gidx_model_options mo = GIDX_MODEL_OPTIONS_INIT;
    char title[200];
    if (sc == NULL)
        return GIDX_OK;
    mo.seed = c->opt->seed;
    snprintf(title, sizeof title, T("Policy scenario: %s"), gidx_scenario_name(sc));
    if ((rc = gidx_report_add_section(c->r, "scenario", title)) != GIDX_OK)
        return rc;
    ni = gidx_scenario_ninstruments(sc);
    for (i = 0; i < ni; i++) {
        const char *id = gidx_scenario_instrument_indicator(sc, i);
        size_t idx;
        if (gidx_catalog_find(&idx, c->cat, id) != GIDX_OK)
            return gidx__error_set(GIDX_ENOTFOUND, "scenario %s: instrument \"%s\" acts on "
                                   "indicator \"%s\", which is not in the catalogue",
                                   gidx_scenario_name(sc), gidx_scenario_instrument_name(sc, i), id);
        /* a region the data do not hold would leave an empty section */
        for (j = 0; j < gidx__scenario_nregions(sc, i); j++) {
            const char *code = gidx__scenario_region(sc, i, j);
            if (gidx_dataset_find_region(&idx, c->pds, code) != GIDX_OK)
                return gidx__error_set(GIDX_ENOTFOUND, "scenario %s: instrument \"%s\" names region "
                                       "\"%s\", which is not in the data",
                                       gidx_scenario_name(sc), gidx_scenario_instrument_name(sc, i), code);
        }
        for (j = 0; j < c->nsel; j++) {
            const char *reg = gidx_dataset_region(c->pds, c->sel[j]);
            series s = { NULL, NULL, 0 };
            gidx_model *m = NULL;
            double *base = NULL, *scen = NULL, *slo = NULL, *shi = NULL, *eff = NULL;
            int *yrs = NULL;
            size_t h, k;
            char b[3][48], st[16];
            const char *row[7];
            if (!gidx_scenario_instrument_applies(sc, i, reg))
                continue;
            if ((rc = get_series(&s, c, reg, id)) != GIDX_OK) { series_free(&s); goto done; }
            if (s.n == 0 || s.years[s.n - 1] >= horizon) { series_free(&s); continue; }
            h = (size_t)(horizon - s.years[s.n - 1]);
            base = gidx__calloc(h, sizeof *base); scen = gidx__calloc(h, sizeof *scen);
            slo = gidx__calloc(h * NLEVELS, sizeof *slo); shi = gidx__calloc(h * NLEVELS, sizeof *shi);
            eff = gidx__calloc(h, sizeof *eff); yrs = gidx__calloc(h, sizeof *yrs);
            if (!base || !scen || !slo || !shi || !eff || !yrs) rc = GIDX_ENOMEM;
            for (k = 0; rc == GIDX_OK && k < h; k++)
                yrs[k] = s.years[s.n - 1] + 1 + (int)k;
            if (rc == GIDX_OK && (rc = gidx_model_new(&m, &mo)) == GIDX_OK &&
                gidx_model_fit(m, s.years, s.y, s.n) == GIDX_OK &&
                (rc = gidx_scenario_effect_path(eff, h, sc, i, yrs, h)) == GIDX_OK &&
                gidx_model_forecast(base, NULL, NULL, h, m, h, NULL, 0) == GIDX_OK) {
                /* A relative effect is a fraction of the baseline forecast. */
                if (gidx_scenario_instrument_relative(sc, i))
                    for (k = 0; k < h; k++)
                        eff[k] *= base[k];
                if (gidx_model_scenario(base, scen, slo, shi, h * NLEVELS, m, h, eff, levels,
                                        NLEVELS) == GIDX_OK) {
                    row[0] = gidx_scenario_instrument_name(sc, i);
                    row[1] = region_name(c, c->sel[j]);
                    row[2] = indicator_name(c, id);
                    snprintf(st, sizeof st, "%d", gidx_scenario_instrument_start(sc, i));
                    row[3] = st;
                    row[4] = num(b[0], sizeof b[0], base[h - 1]);
                    row[5] = num(b[1], sizeof b[1], scen[h - 1]);
                    row[6] = num(b[2], sizeof b[2], scen[h - 1] - base[h - 1]);
                    if (tbl_add(&t, row) != 0) rc = GIDX_ENOMEM;
                }
            }
            free(base); free(scen); free(slo); free(shi); free(eff); free(yrs);
            gidx_model_free(m);
            series_free(&s);
            if (rc != GIDX_OK)
                goto done;
        }
    }
    if (t.nrows > 0) {
        snprintf(title, sizeof title, T("Baseline and scenario forecasts for %d"), horizon);
        if ((rc = tbl_emit(c, &t, title, header, types)) != GIDX_OK)
            goto done;
    }
    if (gidx_scenario_has_ripple(sc) && (rc = section_ripple(c, sc)) != GIDX_OK)
        goto done;
done:
    tbl_free(&t);
    return rc;
}

/* ------------------------------------------------------------- drivers */

static gidx_status section_drivers(ctx *c)
{
    const char **codes = gidx__calloc(c->nsel ? c->nsel : 1, sizeof *codes);
    gidx_status rc;
    size_t i;
    if (codes == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < c->nsel; i++)
        codes[i] = gidx_dataset_region(c->pds, c->sel[i]);
    rc = gidx__roadmap_drivers(c->r, c->lang, c->data, codes, c->nsel);
    free((void *)codes);
    return rc;
}

/* ------------------------------------------------------------- methods */

static gidx_status section_methods(ctx *c)
{
    static const char *const notes[] = {
        "Indicators: formulas over official statistics from the catalogue; a value that cannot be "
        "computed is missing with its reason (gaps, division by zero, absent inputs).",
        "Validation: robust z-scores (Iglewicz & Hoaglin, How to Detect and Handle Outliers, 1993); "
        "skewness and kurtosis rule |skew| > 2 and kurtosis > 3.5 and Cronbach's alpha per pillar "
        "(OECD/JRC, Handbook on Constructing Composite Indicators, 2008).",
        "Composite index: min-max normalisation in the indicator's direction, equal weights, "
        "arithmetic aggregation of pillars and index (OECD/JRC Handbook 2008); uncertainty by Monte "
        "Carlo over methodological choices (Saisana, Saltelli & Tarantola, J. R. Stat. Soc. A 168, "
        "2005).",
        "Forecasts: exponential smoothing state-space models (Hyndman, Koehler, Ord & Snyder, "
        "Forecasting with Exponential Smoothing, 2008), ARIMA with automatic order selection "
        "(Hyndman & Khandakar, J. Stat. Softw. 27(3), 2008), Theta as SES with drift (Hyndman & "
        "Billah, Int. J. Forecast. 19, 2003), combined with equal weights; intervals calibrated on "
        "rolling-origin errors (docs/forecast.md).",
        "Ripple effects: Leontief input-output model with type I and II multipliers (Miller & "
        "Blair, Input-Output Analysis, 2nd ed., 2009).",
        "Drivers of change: LMDI-I index decomposition (Ang, Energy Policy 33, 2005; Ang, Energy "
        "Policy 86, 2015), zero values by the analytical limits (Ang & Liu, Energy Policy 35, "
        "2007); decoupling elasticity and classes after Tapio (Transport Policy 12, 2005).",
    };
    size_t i;
    gidx_status rc = gidx_report_add_section(c->r, "methods", T("Methods and references"));
    for (i = 0; rc == GIDX_OK && i < sizeof notes / sizeof notes[0]; i++)
        rc = gidx_report_add_text(c->r, T(notes[i]));
    return rc;
}

/* -------------------------------------------------------------- driver */

gidx_status gidx_roadmap_run(gidx_report **out, const gidx_dataset *data,
                             const gidx_catalog *cat, const gidx_roadmap_options *opt)
{
    return gidx_roadmap_run_lang(out, data, cat, opt, NULL);
}

gidx_status gidx_roadmap_run_lang(gidx_report **out, const gidx_dataset *data,
                                  const gidx_catalog *cat, const gidx_roadmap_options *opt,
                                  const char *lang)
{
    gidx_roadmap_options defaults = GIDX_ROADMAP_OPTIONS_INIT;
    ctx c;
    gidx_status rc;
    const char *tname;
    gidx_validation *val = NULL;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_roadmap_run: out is NULL");
    *out = NULL;
    if (data == NULL || cat == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_roadmap_run: data or catalogue is NULL");
    if (opt == NULL)
        opt = &defaults;
    if (opt->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_roadmap_options.version must be 1");
    if (opt->horizon != 0 && (opt->horizon < 1900 || opt->horizon > 2200))
        return gidx__error_set(GIDX_EINVAL, "roadmap: horizon year %d is out of range", opt->horizon);
    if (opt->mc > GIDX__ROADMAP_MAX_MC)
        return gidx__error_set(GIDX_EINVAL, "roadmap: %zu Monte Carlo replications exceed the limit "
                               "of %zu", opt->mc, (size_t)GIDX__ROADMAP_MAX_MC);
    memset(&c, 0, sizeof c);
    if ((c.lang = gidx__lang_parse(lang)) < 0)
        return gidx__error_set(GIDX_EINVAL, "report language \"%s\": use \"en\" (English) or "
                               "\"nb\" (Norwegian bokmål)", lang);
    c.lang_code = gidx__lang_code(c.lang);
    c.data = data;
    c.cat = cat;
    c.opt = opt;
    c.nsteps = 8;
    tname = opt->target ? opt->target : "municipal_2009";
    {
        gidx_target_spec z = GIDX_TARGET_SPEC_INIT;
        c.target = z;
    }
    if (gidx_catalog_target(&c.target, cat, tname) == GIDX_OK)
        c.have_target = 1;
    else if (opt->target != NULL)
        return gidx__error_set(GIDX_ENOTFOUND, "target \"%s\" is not in catalogue \"%s\"",
                               opt->target, gidx_catalog_name(cat));
    if ((rc = gidx_report_new(&c.r, gidx__tr(c.lang, "Green competitiveness roadmap"))) != GIDX_OK ||
        (rc = gidx_report_set_lang(c.r, c.lang_code)) != GIDX_OK)
        goto done;
    progress(&c, "indicators");
    if ((rc = gidx_panel_new(&c.panel, cat, data)) != GIDX_OK)
        goto done;
    c.pds = gidx_panel_dataset(c.panel);
    if ((rc = select_regions(&c)) != GIDX_OK ||
        (rc = section_summary(&c)) != GIDX_OK ||
        (rc = section_data_needed(&c)) != GIDX_OK)
        goto done;
    progress(&c, "validation");
    if ((rc = gidx_validation_new(&val, c.panel, NULL)) != GIDX_OK ||
        (rc = section_validation(&c, val)) != GIDX_OK)
        goto done;
    progress(&c, "index");
    if ((rc = section_index(&c)) != GIDX_OK)
        goto done;
    progress(&c, "benchmarking");
    if ((rc = section_benchmark(&c)) != GIDX_OK)
        goto done;
    progress(&c, "forecasts");
    if ((rc = section_forecasts(&c)) != GIDX_OK)
        goto done;
    progress(&c, "drivers");
    if ((rc = section_drivers(&c)) != GIDX_OK)
        goto done;
    progress(&c, "scenario");
    if ((rc = section_scenario(&c)) != GIDX_OK)
        goto done;
    progress(&c, "report");
    if ((rc = section_methods(&c)) == GIDX_OK)
        rc = section_findings(&c, val);
done:
    if (rc == GIDX_OK) {
        *out = c.r;
        c.r = NULL;
    }
    gidx_report_free(c.r);
    gidx_validation_free(val);
    gidx_panel_free(c.panel);
    gidx_index_result_free(c.index);
    free(c.index_ids);
    free(c.sel);
    free(c.units);
    free(c.score); free(c.rank); free(c.p05); free(c.p50); free(c.p95);
    return rc;
}
