/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * An index specification from an indicator catalogue: the catalogue's
 * pillars become the aggregates under one root, each indicator with a
 * direction (not context-only) a leaf with equal weight and its direction,
 * following the OECD/JRC Handbook (2008) default of equal weights within a
 * transparent hierarchy. The units are the regions that have the indicators
 * compared (gidx_catalog_covered_regions()), and among them the
 * municipalities when counties (two-digit codes) are present too, since a
 * county aggregates its municipalities and would distort their
 * normalisation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include <greenidx/composite.h>
#include <greenidx/indicators.h>

static int is_county(const char *code)
{
    return strlen(code) == 2 && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9';
}

/* Units of the panel observed for indicator @p id in @p year. */
static size_t observed(const gidx_dataset *panel, const size_t *units, size_t nunits,
                       const char *id, int year)
{
    size_t r, n = 0;
    for (r = 0; r < nunits; r++) {
        double v;
        gidx_dataset_get(&v, NULL, panel, gidx_dataset_region(panel, units[r]), year, id);
        if (gidx__isfinite(v))
            n++;
    }
    return n;
}

gidx_status gidx_index_from_catalog(gidx_dataset **data, gidx_index_spec **spec, int *ref_year,
                                    const gidx_dataset *panel, const gidx_catalog *cat, int year)
{
    size_t nr, ni, i, r, t, nunits = 0, nmun = 0, npillars = 0, nkept = 0, ny, best = 0;
    size_t *units = NULL, *cand = NULL, ncand = 0, ncov = 0;
    const char **pillars = NULL, **kept = NULL;
    gidx_dataset *sub = NULL;
    gidx_index_spec *sp = NULL;
    gidx_index_options o = GIDX_INDEX_OPTIONS_INIT;
    gidx_status rc = GIDX_OK;
    int ref = year;

    if (data == NULL || spec == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_from_catalog: NULL out-argument");
    *data = NULL;
    *spec = NULL;
    if (ref_year != NULL)
        *ref_year = 0;
    if (panel == NULL || cat == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_from_catalog: NULL panel or catalogue");
    nr = gidx_dataset_nregions(panel);
    ni = gidx_catalog_count(cat);
    ny = gidx_dataset_nyears(panel);
    units = gidx__calloc(nr ? nr : 1, sizeof *units);
    cand = gidx__calloc(ni ? ni : 1, sizeof *cand);
    pillars = gidx__calloc(ni ? ni : 1, sizeof *pillars);
    kept = gidx__calloc(ni ? ni : 1, sizeof *kept);
    if (units == NULL || cand == NULL || pillars == NULL || kept == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    /* Only regions that have the indicators compared (e.g. not the regions
     * of the embedded data that have population alone). */
    if ((rc = gidx_catalog_covered_regions(units, nr, &ncov, cat, panel)) != GIDX_OK)
        goto done;
    for (r = 0; r < ncov; r++)
        if (!is_county(gidx_dataset_region(panel, units[r])))
            nmun++;
    for (r = 0; r < ncov; r++)
        if (nmun < 2 || !is_county(gidx_dataset_region(panel, units[r])))
            units[nunits++] = units[r];
    for (i = 0; i < ni; i++) {
        const gidx_indicator *ind = gidx_catalog_indicator(cat, i);
        const char *pillar = gidx_indicator_text(ind, "pillar");
        if (gidx_indicator_direction(ind) != GIDX_CONTEXT && pillar != NULL && pillar[0] != '\0')
            cand[ncand++] = i;
    }
    /* The reference year: the given one, or the year with the most
     * indicator values for the units (the latest on ties). */
    if (ref == 0)
        for (t = 0; t < ny; t++) {
            int y = gidx_dataset_year(panel, t);
            size_t count = 0;
            for (i = 0; i < ncand; i++)
                count += observed(panel, units, nunits,
                                  gidx_indicator_id(gidx_catalog_indicator(cat, cand[i])), y);
            if (count > 0 && count >= best) {
                best = count;
                ref = y;
            }
        }
    if ((rc = gidx_index_spec_new(&sp)) != GIDX_OK || (rc = gidx_dataset_new(&sub)) != GIDX_OK ||
        (rc = gidx_index_spec_add_aggregate(sp, "index", NULL, 1.0)) != GIDX_OK)
        goto done;
    /* An indicator observed for fewer than half the units in the reference
     * year carries no comparison and is left out. */
    for (i = 0; ref != 0 && i < ncand; i++) {
        const gidx_indicator *ind = gidx_catalog_indicator(cat, cand[i]);
        const char *id = gidx_indicator_id(ind), *pillar = gidx_indicator_text(ind, "pillar");
        size_t present = observed(panel, units, nunits, id, ref), k;
        if (present * 2 < nunits || present < 2)
            continue;
        for (k = 0; k < npillars; k++)
            if (strcmp(pillars[k], pillar) == 0)
                break;
        if (k == npillars) {
            pillars[npillars++] = pillar;
            if ((rc = gidx_index_spec_add_aggregate(sp, pillar, "index", 1.0)) != GIDX_OK)
                goto done;
        }
        if ((rc = gidx_index_spec_add_indicator(sp, id, pillar, 1.0,
                 gidx_indicator_direction(ind) == GIDX_LOWER_BETTER ? -1 : 1)) != GIDX_OK)
            goto done;
        kept[nkept++] = id;
    }
    if (nkept == 0) {
        rc = gidx__error_set(GIDX_EDATA, "index from catalogue \"%s\": no indicator is observed "
                             "for at least half of the regions%s", gidx_catalog_name(cat),
                             year ? " in the year asked for" : " in any year");
        goto done;
    }
    /* The years: the one asked for, or every year in which each kept
     * indicator is observed for at least two units. */
    for (t = 0; t < ny; t++) {
        int y = gidx_dataset_year(panel, t), ok = 1;
        if (year != 0 && y != year)
            continue;
        for (i = 0; ok && i < nkept; i++)
            ok = observed(panel, units, nunits, kept[i], y) >= 2;
        for (i = 0; ok && i < nkept; i++)
            for (r = 0; r < nunits; r++) {
                const char *reg = gidx_dataset_region(panel, units[r]);
                double v;
                gidx_dataset_get(&v, NULL, panel, reg, y, kept[i]);
                if (gidx__isfinite(v) &&
                    (rc = gidx_dataset_set(sub, reg, y, kept[i], v, GIDX_FLAG_OK)) != GIDX_OK)
                    goto done;
            }
    }
    /* Context-only indicators (population, ...) come along as structural
     * variables, e.g. for choosing peers; they are not part of the index. */
    for (i = 0; i < ni; i++) {
        const gidx_indicator *ind = gidx_catalog_indicator(cat, i);
        const char *id = gidx_indicator_id(ind);
        if (gidx_indicator_direction(ind) != GIDX_CONTEXT)
            continue;
        for (t = 0; t < ny; t++) {
            int y = gidx_dataset_year(panel, t);
            if (year != 0 && y != year)
                continue;
            for (r = 0; r < nunits; r++) {
                const char *reg = gidx_dataset_region(panel, units[r]);
                double v;
                gidx_dataset_get(&v, NULL, panel, reg, y, id);
                if (gidx__isfinite(v) && gidx_dataset_has(sub, reg, y, kept[0]) &&
                    (rc = gidx_dataset_set(sub, reg, y, id, v, GIDX_FLAG_OK)) != GIDX_OK)
                    goto done;
            }
        }
    }
    for (r = 0; r < nunits; r++) {
        const char *reg = gidx_dataset_region(panel, units[r]);
        if ((rc = gidx_dataset_set_region_name(sub, reg, gidx_dataset_region_name(panel, reg))) != GIDX_OK)
            goto done;
    }
    o.year = year;
    o.min_avail = 0.5;
    if ((rc = gidx_index_spec_set_options(sp, &o)) != GIDX_OK)
        goto done;
    *data = sub;
    *spec = sp;
    if (ref_year != NULL)
        *ref_year = ref;
    sub = NULL;
    sp = NULL;
done:
    free(units);
    free(cand);
    free(pillars);
    free((void *)kept);
    gidx_dataset_free(sub);
    gidx_index_spec_free(sp);
    return rc;
}
