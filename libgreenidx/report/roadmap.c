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
 * Blair (2009). The report's method section lists them for the reader.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "report_internal.h"
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

static gidx_status select_regions(ctx *c)
{
    size_t n = gidx_dataset_nregions(c->pds), i, k, nmun = 0;
    c->sel = gidx__calloc(n ? n : 1, sizeof *c->sel);
    c->units = gidx__calloc(n ? n : 1, sizeof *c->units);
    if (c->sel == NULL || c->units == NULL)
        return GIDX_ENOMEM;
    if (c->opt->nregions == 0) {
        for (i = 0; i < n; i++)
            c->sel[c->nsel++] = i;
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
    if (gidx_index_uncertainty(&unc, spec, sub, &uo) == GIDX_OK &&
        gidx_index_uncertainty_ranks(NULL, c->p50, c->p05, c->p95, nu, unc) == GIDX_OK) {
        have_unc = 1;
        /* Whole ranks: the interval runs from the rank at or below the 5 %
         * quantile to the rank at or above the 95 % quantile, so it covers at
         * least the 5-95 % of the replications' ranks. */
        for (i = 0; i < nu; i++) {
            c->p05[i] = floor(c->p05[i] + 1e-9);
            c->p95[i] = ceil(c->p95[i] - 1e-9);
        }
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
static int target_base(double *base_level, const ctx *c, const series *s)
{
    size_t k;
    if (!c->have_target)
        return 0;
    for (k = 0; k < s->n; k++)
        if (s->years[k] == c->target.base_year && gidx__isfinite(s->y[k])) {
            *base_level = s->y[k];
            return 1;
        }
    return 0;
}

/* One forecast of a region's indicator to the horizon: the model, the mean
 * and interval paths, and (want_target) the target and the probability of
 * meeting it. The summary's status table and the forecasts section both use
 * it, so they show the same numbers. */
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

static gidx_status forecast_one(fcres *r, ctx *c, const char *reg, const char *id, int want_target)
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
        if (want_target && target_base(&r->base_level, c, &r->s) &&
            gidx_model_target(&r->tg, m, horizon, c->target.kind == GIDX_TARGET_RELATIVE ?
                              c->target.cut_percent / 100.0 : c->target.level,
                              c->target.kind == GIDX_TARGET_RELATIVE ? c->target.base_year : 0,
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
    if ((rc = add_text(c, &b)) != GIDX_OK)
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
            for (k = 0; k < 13; k++) { v[k][0] = '\0'; row[k] = v[k]; }
            if ((rc = forecast_one(&r, c, reg, forecast_ids[f], f == 0)) != GIDX_OK) {
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
                    for (y = c->target.base_year; y <= horizon && nt < 200; y++)
                        if (gidx_target_path_value(&tv[nt], &c->target, r.base_level, y) == GIDX_OK)
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
            for (k = 0; k < 8; k++) { v[k][0] = '\0'; row[k] = v[k]; }
            if ((rc = forecast_one(&r, c, gidx_dataset_region(c->pds, c->sel[i]), forecast_ids[0], 1)) != GIDX_OK) {
                fcres_free(&r);
                return rc;
            }
            row[0] = region_name(c, c->sel[i]);
            row[1] = gidx_indicator_name(ind, c->lang_code);
            snprintf(v[2], sizeof v[2], "%d", c->target.base_year);
            num(v[3], sizeof v[3], r.base_level);
            if (r.have_tg) {
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
    return add_text(c, &b);
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
    if (gidx_scenario_has_ripple(sc)) {
        gidx_io_model *io = NULL;
        gidx_io_result *res = NULL;
        gidx_io_shock_options so = GIDX_IO_SHOCK_OPTIONS_INIT;
        size_t n, q;
        double *df = NULL, parts[4];
        static const char *const qnames[5] = { "output", "employment", "value added",
                                               "labour income", "emissions" };
        static const char *const rheader[] = { "quantity", "direct", "indirect", "induced", "total" };
        static const int rtypes[] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER,
                                      GIDX_CELL_NUMBER, GIDX_CELL_NUMBER };
        tbl rt = { 5, 0, 0, NULL };
        if ((rc = gidx_io_model_load(&io, gidx_scenario_ripple_io(sc))) != GIDX_OK)
            goto done;
        n = gidx_io_model_nsectors(io);
        df = gidx__calloc(n, sizeof *df);
        if (df == NULL) rc = GIDX_ENOMEM;
        for (i = 0; rc == GIDX_OK && i < gidx_scenario_ripple_nshocks(sc); i++) {
            size_t sidx;
            if ((rc = gidx_io_model_find_sector(&sidx, io, gidx_scenario_ripple_sector(sc, i))) == GIDX_OK)
                df[sidx] += gidx_scenario_ripple_amount(sc, i);
        }
        so.type = gidx_scenario_ripple_type(sc);
        if (rc == GIDX_OK)
            rc = gidx_io_shock(&res, io, df, n, &so);
        for (q = 0; rc == GIDX_OK && q < 5; q++) {
            double *v = gidx__calloc(n, sizeof *v);
            size_t p;
            char cb[4][48];
            const char *row[5];
            if (v == NULL) { rc = GIDX_ENOMEM; break; }
            if (!gidx_io_result_has(res, (int)q)) { free(v); continue; }
            for (p = 0; p < 4; p++) {
                size_t s2;
                parts[p] = 0;
                if (gidx_io_result_get(v, n, res, 0, (int)q, (int)p) == GIDX_OK)
                    for (s2 = 0; s2 < n; s2++)
                        parts[p] += v[s2];
                else
                    parts[p] = NAN;
            }
            free(v);
            row[0] = T(qnames[q]);
            for (p = 0; p < 4; p++)
                row[p + 1] = num(cb[p], sizeof cb[p], parts[p]);
            if (tbl_add(&rt, row) != 0) rc = GIDX_ENOMEM;
        }
        if (rc == GIDX_OK) {
            snprintf(title, sizeof title, T("Ripple effects of the final-demand shock (type %s, %s)"),
                     so.type == 2 ? "II" : "I", gidx_scenario_ripple_io(sc));
            rc = tbl_emit(c, &rt, title, rheader, rtypes);
        }
        tbl_free(&rt);
        free(df);
        gidx_io_result_free(res);
        gidx_io_model_free(io);
    }
done:
    tbl_free(&t);
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
    memset(&c, 0, sizeof c);
    if ((c.lang = gidx__lang_parse(lang)) < 0)
        return gidx__error_set(GIDX_EINVAL, "report language \"%s\": use \"en\" (English) or "
                               "\"nb\" (Norwegian bokmål)", lang);
    c.lang_code = gidx__lang_code(c.lang);
    c.data = data;
    c.cat = cat;
    c.opt = opt;
    c.nsteps = 7;
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
        (rc = section_summary(&c)) != GIDX_OK)
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
