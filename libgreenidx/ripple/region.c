/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Regionalisation from the data layer: a region's employment by the 16
 * SN2007 industry groups of SSB table 13470 (the dataset variables
 * employment_<group>), the national employment by the same groups from the
 * national table's own employment satellite, and the sectors mapped to the
 * groups by their SN2007 division codes or a concordance file; then the
 * location quotients of lq.c (Flegg & Tohmo, Regional Studies 47(5), 2013,
 * 703-721; Miller & Blair 2009, sec. 8.2-8.3).
 *
 * The national side may instead be another region of the dataset (a
 * county, or "Hele landet" when the data hold it), for the same year.
 *
 * Only the groups that some sector of the table belongs to enter the
 * quotients, so the regional and national totals of FLQ's lambda cover the
 * same industries: with a complete national table (all 64 industries) they
 * are the totals over all 16 groups.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/dataset.h>
#include "ripple_internal.h"

/* The dataset's code of a region given by code or display name. */
static gidx_status region_code(const char **code, const gidx_dataset *ds, const char *region)
{
    size_t i;
    gidx_status rc = gidx_dataset_match_region(&i, ds, region);
    if (rc == GIDX_OK)
        *code = gidx_dataset_region(ds, i);
    return rc;
}

/* The latest year (or the given one) in which the region has every group. */
static gidx_status employment_year(int *y, const gidx_dataset *data, const char *code, int year)
{
    size_t t, g, k = gidx_sn2007_ngroups();
    for (t = gidx_dataset_nyears(data); t-- > 0;) {
        int yt = gidx_dataset_year(data, t), all = 1;
        if (year != 0 && yt != year)
            continue;
        for (g = 0; g < k && all; g++)
            all = gidx_dataset_has(data, code, yt, gidx_sn2007_variable(g));
        if (all || year != 0) {
            *y = yt;
            return GIDX_OK;
        }
    }
    if (year != 0)
        return gidx__error_set(GIDX_ENOTFOUND, "region %s (%s): the dataset has no year %d", code,
                               gidx_dataset_region_name(data, code), year);
    return gidx__error_set(GIDX_ENOTFOUND, "region %s (%s): no year has employment in all %zu industry "
                           "groups (variables employment_<group>, SSB table 13470)", code,
                           gidx_dataset_region_name(data, code), k);
}

/* The year nearest to @p want (the earlier on a tie) in which the region has
 * every group: the year of the national table's employment, so that both
 * sides of the location quotients are of one year where possible. */
static gidx_status nearest_year(int *y, const gidx_dataset *data, const char *code, int want)
{
    size_t t, g, k = gidx_sn2007_ngroups();
    int best = 0;
    for (t = 0; t < gidx_dataset_nyears(data); t++) {
        int yt = gidx_dataset_year(data, t), all = 1;
        for (g = 0; g < k && all; g++)
            all = gidx_dataset_has(data, code, yt, gidx_sn2007_variable(g));
        if (all && (best == 0 || abs(yt - want) < abs(best - want) ||
                    (abs(yt - want) == abs(best - want) && yt < best)))
            best = yt;
    }
    if (best == 0)
        return employment_year(y, data, code, 0);
    *y = best;
    return GIDX_OK;
}

/* Employment by group of the region with this dataset code in year y. */
static gidx_status employment_of(double *values, const gidx_dataset *data, const char *code, int y)
{
    size_t g, k = gidx_sn2007_ngroups();
    for (g = 0; g < k; g++) {
        double v = NAN;
        const char *var = gidx_sn2007_variable(g);
        if (gidx_dataset_get(&v, NULL, data, code, y, var) != GIDX_OK || isnan(v)) {
            gidx_error_clear();
            return gidx__error_set(GIDX_ENOTFOUND, "region %s (%s), year %d: no value of %s (%s)", code,
                                   gidx_dataset_region_name(data, code), y, var, gidx_sn2007_group(g));
        }
        if (!(v >= 0.0) || !isfinite(v))
            return gidx__error_set(GIDX_EDATA, "region %s (%s), year %d: %s is %g", code,
                                   gidx_dataset_region_name(data, code), y, var, v);
        values[g] = v;
    }
    return GIDX_OK;
}

gidx_status gidx_io_region_employment(double *values, size_t cap, int *year_used, const gidx_dataset *data,
                                      const char *region, int year)
{
    size_t k = gidx_sn2007_ngroups();
    const char *code = NULL;
    int y = 0;
    gidx_status rc;
    if (values == NULL || data == NULL || region == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_region_employment: NULL argument");
    if (cap < k)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_region_employment: need %zu values, have %zu", k, cap);
    if ((rc = region_code(&code, data, region)) != GIDX_OK ||
        (rc = employment_year(&y, data, code, year)) != GIDX_OK ||
        (rc = employment_of(values, data, code, y)) != GIDX_OK)
        return rc;
    if (year_used != NULL)
        *year_used = y;
    return GIDX_OK;
}

static gidx_status sn2007_resolve(size_t *g, const char *name, void *ctx)
{
    (void)ctx;
    return gidx_sn2007_find(g, name);
}

gidx_status gidx_io_model_regionalise_dataset(gidx_io_model **out, int *year_used,
                                              const gidx_io_model *national, const gidx_dataset *data,
                                              const char *region, const gidx_io_region_options *opt)
{
    const gidx_io_region_options dflt = GIDX_IO_REGION_OPTIONS_INIT;
    size_t K = gidx_sn2007_ngroups(), n, i, g, k = 0;
    size_t *grp = NULL, *slot = NULL;
    double re16[64], ne16[64], *re = NULL, *ne = NULL;
    const char *code = NULL, *ncode = NULL, *whose;
    int y = 0;
    gidx_status rc;
    if (out != NULL)
        *out = NULL;
    if (out == NULL || national == NULL || data == NULL || region == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_regionalise_dataset: NULL argument");
    if (opt == NULL)
        opt = &dflt;
    if (opt->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_region_options: version %u, expected 1", opt->version);
    n = national->n;
    if (opt->national_region == NULL && (national->sat[GIDX_IO_EMPLOYMENT] == NULL || national->x == NULL))
        return gidx__error_set(GIDX_ESTATE, "regionalisation: the national table has no %s; the national "
                               "employment by industry of the location quotients comes from its employment "
                               "satellite (satellites.csv, column employment) unless a national region of "
                               "the dataset is named",
                               national->x == NULL ? "total output" : "employment satellite");
    grp = gidx__malloc(n * sizeof *grp);
    slot = gidx__malloc(K * sizeof *slot);
    re = gidx__malloc(K * sizeof *re);
    ne = gidx__calloc(K, sizeof *ne);
    if (grp == NULL || slot == NULL || re == NULL || ne == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if (opt->concordance != NULL) {
        if ((rc = gidx__io_concordance_map(grp, national, opt->concordance, sn2007_resolve, NULL)) != GIDX_OK)
            goto done;
    } else if (national->grp != NULL) {
        memcpy(grp, national->grp, n * sizeof *grp);
    } else {
        for (i = 0; i < n; i++)
            if ((rc = gidx_sn2007_find(&grp[i], national->names[i])) != GIDX_OK) {
                gidx__error_prefix("sector '%s': give a concordance file (sector,industry) mapping the "
                                   "sectors to SN2007 groups or division codes; ", national->names[i]);
                goto done;
            }
    }
    if ((rc = region_code(&code, data, region)) != GIDX_OK)
        goto done;
    if (opt->year == 0 && national->emp_year != 0 && opt->national_region == NULL)
        rc = nearest_year(&y, data, code, national->emp_year);
    else
        rc = employment_year(&y, data, code, opt->year);
    if (rc != GIDX_OK || (rc = employment_of(re16, data, code, y)) != GIDX_OK)
        goto done;
    /* the national side from the dataset, for the same year */
    if (opt->national_region != NULL &&
        ((rc = region_code(&ncode, data, opt->national_region)) != GIDX_OK ||
         (rc = employment_of(ne16, data, ncode, y)) != GIDX_OK)) {
        gidx__error_prefix("national region: ");
        goto done;
    }
    /* the groups the table covers, in group order */
    for (g = 0; g < K; g++)
        slot[g] = (size_t)-1;
    for (i = 0; i < n; i++)
        slot[grp[i]] = 0;
    for (g = 0; g < K; g++)
        if (slot[g] == 0) {
            slot[g] = k;
            re[k] = re16[g];
            ne[k] = ncode != NULL ? ne16[g] : 0.0;
            k++;
        }
    for (i = 0; i < n; i++) {
        grp[i] = slot[grp[i]];
        if (ncode == NULL)
            ne[grp[i]] += national->sat[GIDX_IO_EMPLOYMENT][i] * national->x[i];
    }
    whose = ncode != NULL ? gidx_dataset_region_name(data, ncode) : "the national table";
    for (g = 0; g < K; g++)
        if (slot[g] != (size_t)-1 && re[slot[g]] > ne[slot[g]]) {
            rc = gidx__error_set(GIDX_EDATA, "region %s (%s), year %d: employment in '%s' (%g) exceeds that "
                                 "of %s (%g); the national side must contain the region",
                                 code, gidx_dataset_region_name(data, code), y, gidx_sn2007_group(g),
                                 re[slot[g]], whose, ne[slot[g]]);
            goto done;
        }
    if ((rc = gidx_io_model_regionalise(out, national, opt->method, opt->delta, re, ne, k, grp)) != GIDX_OK) {
        gidx__error_prefix("region %s (%s), year %d: ", code, gidx_dataset_region_name(data, code), y);
        goto done;
    }
    {
        char nat[96];
        const char *how = opt->method == GIDX_IO_FLQ ? "FLQ" : opt->method == GIDX_IO_CILQ ? "CILQ" : "SLQ";
        if (ncode == NULL && national->emp_year != 0)
            snprintf(nat, sizeof nat, "Norway's (SSB 13470, Hele landet, %d)", national->emp_year);
        else
            snprintf(nat, sizeof nat, "that of %s", whose);
        if (opt->method == GIDX_IO_FLQ)
            rc = gidx__io_note_add(*out, "Regionalised for %s (%s) by FLQ with delta %g (Flegg & Tohmo "
                                   "2013): the region's employment (SSB 13470, %d) against %s.", code,
                                   gidx_dataset_region_name(data, code), opt->delta, y, nat);
        else
            rc = gidx__io_note_add(*out, "Regionalised for %s (%s) by %s: the region's employment (SSB "
                                   "13470, %d) against %s.", code, gidx_dataset_region_name(data, code),
                                   how, y, nat);
        if (rc != GIDX_OK) {
            gidx_io_model_free(*out);
            *out = NULL;
            goto done;
        }
    }
    if (national->emp_year != 0 && ncode == NULL && y != national->emp_year &&
        (rc = gidx__io_note_add(*out, "The region has no 13470 data for %d; the nearest year %d is used.",
                                national->emp_year, y)) != GIDX_OK) {
        gidx_io_model_free(*out);
        *out = NULL;
        goto done;
    }
    if (year_used != NULL)
        *year_used = y;
done:
    free(grp);
    free(slot);
    free(re);
    free(ne);
    return rc;
}
