/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The roadmap's "Drivers of change" section: for each region, a waterfall of
 * the LMDI-I effects on emissions from the first to the last year with every
 * input (gidx_decompose(), Ang 2005, 2015), the Tapio (2005) decoupling class
 * of each year-to-year period, and one sentence saying what drove the
 * change. Every number comes from the drivers module; this file only lays
 * them out.
 *
 * All fixed text of the section is in the table and the format macros
 * below (English), looked up in the report's language through the report
 * layer's translation table (gidx__tr(), lang.c, which holds their bokmål);
 * numbers are formatted by gidx__num() in that language.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "report_internal.h"
#include <greenidx/drivers.h>

enum {
    S_TITLE, S_INTRO, S_UNIT,
    S_EFF_POPULATION, S_EFF_EMPLOYMENT, S_EFF_STRUCTURE, S_EFF_INTENSITY,
    S_COL_PERIOD, S_COL_EMISSIONS, S_COL_JOBS, S_COL_POPULATION, S_COL_ELASTICITY, S_COL_CLASS,
    S_JOBS, S_POPULATION,
    S_FELL, S_ROSE, S_UNCHANGED,
    S_UP_POPULATION, S_DOWN_POPULATION, S_UP_EMPLOYMENT, S_DOWN_EMPLOYMENT,
    S_UP_STRUCTURE, S_DOWN_STRUCTURE, S_UP_INTENSITY, S_DOWN_INTENSITY,
    S_T_UNDEFINED, S_T_STRONG, S_T_WEAK, S_T_EXP_COUPLING, S_T_EXP_NEG, S_T_STRONG_NEG,
    S_T_WEAK_NEG, S_T_REC_COUPLING, S_T_REC_DECOUPLING,
    S_COUNT
};

/* The section's printf formats, macros so that the compiler checks their
 * arguments (the arguments are in the comments). */
/* region, reason */
#define F_UNAVAILABLE "%s: no decomposition (%s)"
/* region (when the reason is the library's English message: bokmål reports) */
#define F_UNAVAILABLE_SHORT "%s: no decomposition."
/* region, from, to */
#define F_WATERFALL_TITLE "%s: emissions %d-%d by driver"
/* region, driver ("jobs" or "population") */
#define F_TAPIO_CAPTION "%s: decoupling of emissions from %s after Tapio (2005)"
/* region, verb, |percent|, from, to, change, its unit, main driver, its
 * effect (t); the numbers formatted in the report's language */
#define F_SENTENCE "Emissions in %s %s %s %% from %d to %d (%s %s); " \
                   "%s contributed most (%s t)"
/* driver, effect (t) */
#define F_SENTENCE_COUNTER ", while %s pulled the other way (%s t)"
/* region, number of cases, region code */
#define F_CASES "%s: %s zero or missing value(s) handled as Ang & Liu (2007) recommend " \
                "(greenidx decompose --region %s lists them)."
/* region */
#define F_POPULATION_ONLY "%s has no jobs by industry in the data: every sector is taken " \
                          "as population-driven (E = P x E/P) and decoupling is measured " \
                          "against population."

/* The section's other fixed strings (English). */
static const char *const S[S_COUNT] = {
    [S_TITLE] = "Drivers of change",
    [S_INTRO] = "What drove the change of greenhouse-gas emissions: LMDI-I decomposition "
                "(Ang 2005; Ang 2015) into population, employment rate (jobs per inhabitant), "
                "industry structure (the share of jobs in the industries that emit) and emission "
                "intensity (emissions per job, or per inhabitant for road traffic, heating, other "
                "mobile combustion and fluorinated gases), from the first to the last year with "
                "emissions, population and jobs by industry; and Tapio's (2005) decoupling class "
                "of emissions against jobs for each period. Method: docs/decompose.md.",
    [S_UNIT] = "t CO2e",
    [S_EFF_POPULATION] = "Population",
    [S_EFF_EMPLOYMENT] = "Employment rate",
    [S_EFF_STRUCTURE] = "Industry structure",
    [S_EFF_INTENSITY] = "Emission intensity",
   /* region */
    [S_COL_PERIOD] = "period",
    [S_COL_EMISSIONS] = "emissions change (%)",
    [S_COL_JOBS] = "jobs change (%)",
    [S_COL_POPULATION] = "population change (%)",
    [S_JOBS] = "jobs",
    [S_POPULATION] = "population",
    [S_COL_ELASTICITY] = "elasticity",
    [S_COL_CLASS] = "Tapio class",
    [S_FELL] = "fell",
    [S_ROSE] = "rose",
    [S_UNCHANGED] = "did not change",
    [S_UP_POPULATION] = "population growth",
    [S_DOWN_POPULATION] = "population decline",
    [S_UP_EMPLOYMENT] = "a higher employment rate",
    [S_DOWN_EMPLOYMENT] = "a lower employment rate",
    [S_UP_STRUCTURE] = "a shift of jobs towards emitting industries",
    [S_DOWN_STRUCTURE] = "a shift of jobs away from emitting industries",
    [S_UP_INTENSITY] = "higher emissions per job and per inhabitant",
    [S_DOWN_INTENSITY] = "lower emissions per job and per inhabitant",
   /* region, n, code */
    [S_T_UNDEFINED] = "undefined (jobs unchanged)",
    [S_T_STRONG] = "strong decoupling",
    [S_T_WEAK] = "weak decoupling",
    [S_T_EXP_COUPLING] = "expansive coupling",
    [S_T_EXP_NEG] = "expansive negative decoupling",
    [S_T_STRONG_NEG] = "strong negative decoupling",
    [S_T_WEAK_NEG] = "weak negative decoupling",
    [S_T_REC_COUPLING] = "recessive coupling",
    [S_T_REC_DECOUPLING] = "recessive decoupling",
};

/* String k of the table in the report's language. */
#define TS(k) gidx__tr(lang, S[k])
/* A fixed format in the report's language. */
#define TF(f) gidx__tr(lang, f)

static const char *tapio_text(int lang, int cls)
{
    static const int map[9] = { S_T_UNDEFINED, S_T_STRONG, S_T_WEAK, S_T_EXP_COUPLING, S_T_EXP_NEG,
                                S_T_STRONG_NEG, S_T_WEAK_NEG, S_T_REC_COUPLING, S_T_REC_DECOUPLING };
    return TS(map[cls >= 0 && cls <= 8 ? cls : 0]);
}

/* The description of effect k with the sign of v. */
static const char *effect_text(int lang, int k, double v)
{
    static const int up[4] = { S_UP_POPULATION, S_UP_EMPLOYMENT, S_UP_STRUCTURE, S_UP_INTENSITY };
    static const int down[4] = { S_DOWN_POPULATION, S_DOWN_EMPLOYMENT, S_DOWN_STRUCTURE,
                                 S_DOWN_INTENSITY };
    return TS(v > 0 ? up[k] : down[k]);
}

/* A signed number in the report's language ("+1,234", "-5.2"; "0" unsigned). */
static char *signed_num(char *buf, size_t cap, double v, int lang, int decimals)
{
    char tmp[64];
    gidx__num(tmp, sizeof tmp, v, lang, decimals, 1);
    snprintf(buf, cap, "%s%.60s", v > 0 && strcmp(tmp, "0") != 0 ? "+" : "", tmp);
    return buf;
}

/* A number cell of a typed table: C notation, "" when not finite. */
static char *cnum(char *buf, size_t cap, double v)
{
    if (gidx__isfinite(v))
        snprintf(buf, cap, "%.17g", v);
    else
        buf[0] = '\0';
    return buf;
}

/* One sentence on what drove the change: the largest effect in the
 * direction of the change and the largest one against it. */
static void sentence(char *buf, size_t cap, int lang, const char *name, int from, int to,
                     double e0, double e1, const double *eff)
{
    char pct[64], dt[64], et[64];
    double d = e1 - e0;
    int k, main = -1, counter = -1;
    size_t n;
    for (k = 0; k < 4; k++) {
        if (d != 0 && eff[k] * d > 0 && (main < 0 || fabs(eff[k]) > fabs(eff[main])))
            main = k;
        if (eff[k] * d < 0 && (counter < 0 || fabs(eff[k]) > fabs(eff[counter])))
            counter = k;
    }
    if (main < 0)   /* no change: name the largest effect */
        for (k = 0; k < 4; k++)
            if (main < 0 || fabs(eff[k]) > fabs(eff[main]))
                main = k;
    gidx__num(pct, sizeof pct, fabs(100.0 * d / e0), lang, 1, 1);
    snprintf(buf, cap, TF(F_SENTENCE), name,
             d < 0 ? TS(S_FELL) : d > 0 ? TS(S_ROSE) : TS(S_UNCHANGED), pct, from, to,
             signed_num(dt, sizeof dt, d, lang, 0), S[S_UNIT], effect_text(lang, main, eff[main]),
             signed_num(et, sizeof et, eff[main], lang, 0));
    n = strlen(buf);
    if (counter >= 0 && fabs(eff[counter]) >= 0.5 && n < cap)
        snprintf(buf + n, cap - n, TF(F_SENTENCE_COUNTER), effect_text(lang, counter, eff[counter]),
                 signed_num(et, sizeof et, eff[counter], lang, 0));
    n = strlen(buf);
    if (n + 1 < cap)
        strcat(buf, ".");
}

static gidx_status one_region(gidx_report *r, int lang, const gidx_dataset *data,
                              const char *code)
{
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    gidx_decomposition *cum = NULL, *ch = NULL;
    const char *labels[4] = { TS(S_EFF_POPULATION), TS(S_EFF_EMPLOYMENT), TS(S_EFF_STRUCTURE),
                              TS(S_EFF_INTENSITY) };
    const char *header[5] = { TS(S_COL_PERIOD), TS(S_COL_EMISSIONS), TS(S_COL_JOBS),
                              TS(S_COL_ELASTICITY), TS(S_COL_CLASS) };
    const char *name = gidx_dataset_region_name(data, code);
    static const int types[5] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER, GIDX_CELL_NUMBER,
                                  GIDX_CELL_NUMBER, GIDX_CELL_TEXT };
    char title[256], text[1024], y0[16], y1[16], **cells = NULL;
    double e0, e1, eff[5];
    int from, to;
    size_t i, np;
    gidx_status rc;
    o.regions = &code;
    o.nregions = 1;
    if (gidx_decompose(&cum, data, &o) != GIDX_OK) {
        /* no jobs by industry (another dataset, or too few years of them):
         * the population-driven identity needs population and emissions only */
        o.driver = GIDX_DRIVER_POPULATION;
        if (gidx_decompose(&cum, data, &o) != GIDX_OK) {
            /* the library's reason is English: English reports only */
            if (lang == GIDX__LANG_EN)
                snprintf(text, sizeof text, TF(F_UNAVAILABLE), name, gidx_error_last()->message);
            else
                snprintf(text, sizeof text, TF(F_UNAVAILABLE_SHORT), name);
            return gidx_report_add_text(r, text);
        }
        snprintf(text, sizeof text, TF(F_POPULATION_ONLY), name);
        if ((rc = gidx_report_add_text(r, text)) != GIDX_OK)
            goto done;
        header[2] = TS(S_COL_POPULATION);
    }
    o.chained = 1;
    if ((rc = gidx_decompose(&ch, data, &o)) != GIDX_OK)
        goto done;
    gidx_decomposition_period(NULL, &from, &to, &e0, &e1, NULL, NULL, NULL, NULL, cum, 0);
    gidx_decomposition_period_effects(eff, 5, cum, 0);
    if (!(e0 > 0.0)) {   /* no relative change to speak of */
        snprintf(text, sizeof text, TF(F_UNAVAILABLE), name,
                 gidx__tr(lang, "no emissions in the first year"));
        rc = gidx_report_add_text(r, text);
        goto done;
    }
    sentence(text, sizeof text, lang, name, from, to, e0, e1, eff);
    if ((rc = gidx_report_add_text(r, text)) != GIDX_OK)
        goto done;
    snprintf(title, sizeof title, TF(F_WATERFALL_TITLE), name, from, to);
    snprintf(y0, sizeof y0, "%d", from);
    snprintf(y1, sizeof y1, "%d", to);
    if ((rc = gidx_report_add_waterfall(r, title, TS(S_UNIT), y0, e0, y1, labels, eff, 4)) != GIDX_OK)
        goto done;
    np = gidx_decomposition_nperiods(ch);
    cells = gidx__calloc(np * 5 + 1, sizeof *cells);
    if (cells == NULL) { rc = GIDX_ENOMEM; goto done; }
    for (i = 0; i < np; i++) {
        double a0, a1, d0, d1, el;
        int f, t, cls;
        char buf[64];
        gidx_decomposition_period(NULL, &f, &t, &a0, &a1, &d0, &d1, &el, &cls, ch, i);
        snprintf(buf, sizeof buf, "%d-%d", f, t);
        cells[i * 5] = gidx__strdup(buf);
        /* number cells in C notation ("" = missing): the renderers format
         * them in the report's language, the workbook keeps the value */
        cells[i * 5 + 1] = gidx__strdup(cnum(buf, sizeof buf, a0 > 0.0 ? 100.0 * (a1 - a0) / a0 : NAN));
        cells[i * 5 + 2] = gidx__strdup(cnum(buf, sizeof buf, d0 != 0.0 ? 100.0 * (d1 - d0) / d0 : NAN));
        cells[i * 5 + 3] = gidx__strdup(cnum(buf, sizeof buf, el));
        cells[i * 5 + 4] = gidx__strdup(tapio_text(lang, cls));
        if (!cells[i * 5] || !cells[i * 5 + 1] || !cells[i * 5 + 2] || !cells[i * 5 + 3] ||
            !cells[i * 5 + 4]) {
            rc = GIDX_ENOMEM;
            goto done;
        }
    }
    snprintf(title, sizeof title, TF(F_TAPIO_CAPTION), name,
             o.driver == GIDX_DRIVER_JOBS ? TS(S_JOBS) : TS(S_POPULATION));
    if ((rc = gidx__report_add_table_typed(r, title, np, 5, header, types,
                                           (const char *const *)cells)) != GIDX_OK)
        goto done;
    if (gidx_decomposition_ncases(cum) > 0) {
        char nc[32];
        gidx__num(nc, sizeof nc, (double)gidx_decomposition_ncases(cum), lang, 0, 1);
        snprintf(text, sizeof text, TF(F_CASES), name, nc, code);
        rc = gidx_report_add_text(r, text);
    }
done:
    if (cells != NULL) {
        for (i = 0; i < gidx_decomposition_nperiods(ch) * 5; i++)
            free(cells[i]);
        free(cells);
    }
    gidx_decomposition_free(cum);
    gidx_decomposition_free(ch);
    return rc;
}

gidx_status gidx__roadmap_drivers(gidx_report *r, int lang, const gidx_dataset *data,
                                  const char *const *codes, size_t n)
{
    gidx_status rc;
    size_t i;
    if ((rc = gidx_report_add_section(r, "drivers", TS(S_TITLE))) != GIDX_OK ||
        (rc = gidx_report_add_text(r, TS(S_INTRO))) != GIDX_OK)
        return rc;
    for (i = 0; i < n; i++)
        if ((rc = one_region(r, lang, data, codes[i])) != GIDX_OK)
            return rc;
    return GIDX_OK;
}
