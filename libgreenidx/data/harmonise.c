/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Harmonisation of municipal series across the 2018, 2020 and 2024 reforms,
 * and aggregation of municipalities to counties.
 *
 * Method: the correspondence table of SSB's municipality classification
 * (KLASS 131, "endringer"), as in data/regions/, maps each code ever used to
 * the 2024 municipality containing it. Extensive variables (stocks and flows
 * that add up over areas: persons, jobs, tonnes, GWh) are summed over the
 * codes mapped to one 2024 municipality; intensive ones (rates, shares,
 * per-capita values) cannot be summed and are recomputed from their
 * harmonised components by the indicator layer (OECD/JRC, Handbook on
 * Constructing Composite Indicators, 2008, sec. 1.3 on denominators; SSB,
 * "Kommuneendringer og regionale inndelinger", on comparable series at
 * current boundaries). Municipalities divided between several successors in
 * 2020 (Halsa, Snillfjord, Tysfjord and the partners of those mergers,
 * "Rest" in the table) would need a split key the table does not provide:
 * they are dropped and reported in the metadata "harmonise.dropped".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

typedef struct acc {
    double sum;
    int flag;           /* combined flag of the observed contributors */
    size_t nobs;        /* contributors with a value (OK or provisional) */
    size_t npresent;    /* contributors not missing / not applicable */
    int any_set;
    int first_flag;     /* flag of the first cell seen */
    const char *first;  /* the first code with a value */
    const char *stale;  /* a code with a value outside its validity period */
    const char *target;
    const char *variable;
    int year;
    double single;      /* the value when npresent == 1 */
    int single_flag;
} acc;

static int is_intensive(const gidx_harmonise_options *o, const char *v)
{
    size_t k;
    for (k = 0; k < o->nintensive; k++)
        if (o->intensive[k] != NULL && strcmp(o->intensive[k], v) == 0)
            return 1;
    return 0;
}

gidx_status gidx_dataset_harmonise(gidx_dataset **out, const gidx_dataset *ds,
                                   const gidx_registry *reg, const gidx_harmonise_options *opt)
{
    gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
    size_t nr, nv, ny, r, v, y, k, nacc = 0, cap = 0;
    const char **target = NULL;
    int *vfrom = NULL, *vto = NULL;
    acc *a = NULL;
    gidx__strmap *index = NULL;
    gidx__buf key = GIDX__BUF_INIT, dropped = GIDX__BUF_INIT;
    gidx_dataset *res = NULL;
    gidx_status rc = GIDX_OK;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_harmonise: out is NULL");
    *out = NULL;
    if (ds == NULL || reg == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_harmonise: NULL argument");
    if (opt != NULL)
        o = *opt;
    if (o.version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_harmonise_options.version must be 1");
    if (o.nintensive > 0 && o.intensive == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_harmonise_options: intensive is NULL");
    nr = gidx_dataset_nregions(ds);
    nv = gidx_dataset_nvariables(ds);
    ny = gidx_dataset_nyears(ds);
    target = gidx__calloc(nr ? nr : 1, sizeof *target);
    vfrom = gidx__calloc(nr ? nr : 1, sizeof *vfrom);
    vto = gidx__calloc(nr ? nr : 1, sizeof *vto);
    index = gidx__strmap_new();
    if (target == NULL || vfrom == NULL || vto == NULL || index == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    gidx__buf_puts(&dropped, "");
    /* Map every region to its 2024 municipality. */
    for (r = 0; r < nr; r++) {
        const char *code = gidx_dataset_region(ds, r);
        size_t e;
        if (strcmp(code, "0") == 0) {
            /* SSB's code for the whole country: not a municipality, dropped
             * like the counties. */
        } else if (gidx_registry_find_code(&e, reg, code, 0) != GIDX_OK) {
            if (!o.drop_unknown) {
                rc = gidx__error_set(GIDX_ENOTFOUND,
                    "region \"%s\" is not a municipality code known to the registry "
                    "(set drop_unknown to drop it)", code);
                goto done;
            }
            gidx_error_clear();
        } else if (gidx_registry_level(reg, e) == GIDX_LEVEL_MUNICIPALITY) {
            target[r] = gidx_registry_successor(reg, e);
            vfrom[r] = gidx_registry_valid_from(reg, e);
            vto[r] = gidx_registry_valid_to(reg, e);
        }
        if (target[r] == NULL)
            gidx__buf_printf(&dropped, "%s%s", dropped.len ? "," : "", code);
    }
    /* Accumulate. */
    for (v = 0; v < nv; v++) {
        const char *vn = gidx_dataset_variable(ds, v);
        for (r = 0; r < nr; r++) {
            const char *rn = gidx_dataset_region(ds, r);
            if (target[r] == NULL)
                continue;
            for (y = 0; y < ny; y++) {
                int year = gidx_dataset_year(ds, y), flag;
                double x;
                size_t ai;
                acc *c;
                if (!gidx_dataset_has(ds, rn, year, vn))
                    continue;
                gidx_dataset_get(&x, &flag, ds, rn, year, vn);
                key.len = 0;
                gidx__buf_printf(&key, "%s\037%d\037%s", target[r], year, vn);
                if (key.failed) { rc = GIDX_ENOMEM; goto done; }
                if (!gidx__strmap_get(index, key.s, &ai)) {
                    if (nacc == cap) {
                        size_t nc = cap ? cap * 2 : 1024;
                        acc *na = gidx__reallocarray(a, nc, sizeof *na);
                        if (na == NULL) { rc = GIDX_ENOMEM; goto done; }
                        a = na;
                        cap = nc;
                    }
                    ai = nacc++;
                    memset(&a[ai], 0, sizeof a[ai]);
                    a[ai].target = target[r];
                    a[ai].variable = vn;
                    a[ai].year = year;
                    a[ai].flag = GIDX_FLAG_OK;
                    a[ai].first_flag = flag;
                    if ((rc = gidx__strmap_put(index, key.s, ai)) != GIDX_OK)
                        goto done;
                }
                c = &a[ai];
                c->any_set = 1;
                if (flag == GIDX_FLAG_MISSING || flag == GIDX_FLAG_NOT_APPLICABLE)
                    continue;
                c->npresent++;
                c->single = x;
                c->single_flag = flag;
                if (flag == GIDX_FLAG_CONFIDENTIAL) {
                    c->flag = GIDX_FLAG_CONFIDENTIAL;
                    continue;
                }
                c->nobs++;
                c->sum += x;
                if (flag == GIDX_FLAG_PROVISIONAL && c->flag == GIDX_FLAG_OK)
                    c->flag = GIDX_FLAG_PROVISIONAL;
                if (c->first == NULL)
                    c->first = rn;
                if ((vfrom[r] && year < vfrom[r]) || (vto[r] && year > vto[r]))
                    c->stale = rn;
                /* Two codes with values, one of them not valid in that year:
                 * the same area would be counted twice. */
                if (c->nobs > 1 && c->stale != NULL) {
                    rc = gidx__error_set(GIDX_EDUPLICATE,
                        "region %s, year %d, variable %s: codes %s and %s both have a value "
                        "and %s was not valid in %d (double counting)", target[r], year, vn,
                        c->first, strcmp(c->first, rn) ? rn : c->stale, c->stale, year);
                    goto done;
                }
            }
        }
    }
    if ((rc = gidx_dataset_new(&res)) != GIDX_OK)
        goto done;
    for (k = 0; k < nacc; k++) {
        const acc *c = &a[k];
        if (is_intensive(&o, c->variable)) {
            if (c->npresent == 1)
                rc = gidx_dataset_set(res, c->target, c->year, c->variable, c->single,
                                      c->single_flag);
            else if (c->npresent == 0)
                rc = gidx_dataset_set(res, c->target, c->year, c->variable, 0, c->first_flag);
            else
                continue;
        } else if (c->flag == GIDX_FLAG_CONFIDENTIAL) {
            rc = gidx_dataset_set(res, c->target, c->year, c->variable, 0, GIDX_FLAG_CONFIDENTIAL);
        } else if (c->nobs > 0) {
            rc = gidx_dataset_set(res, c->target, c->year, c->variable, c->sum, c->flag);
        } else {
            rc = gidx_dataset_set(res, c->target, c->year, c->variable, 0, c->first_flag);
        }
        if (rc != GIDX_OK)
            goto done;
    }
    for (r = 0; r < gidx_dataset_nregions(res); r++) {
        const char *code = gidx_dataset_region(res, r);
        size_t e;
        if (gidx_registry_find_code(&e, reg, code, 0) == GIDX_OK) {
            if ((rc = gidx_dataset_set_region_name(res, code, gidx_registry_name(reg, e))) != GIDX_OK)
                goto done;
        } else {
            gidx_error_clear();
        }
    }
    for (k = 0; k < gidx_dataset_nmeta(ds); k++) {
        const char *mk = gidx_dataset_meta_key(ds, k);
        if ((rc = gidx_dataset_set_meta(res, mk, gidx_dataset_meta(ds, mk))) != GIDX_OK)
            goto done;
    }
    if (dropped.failed) { rc = GIDX_ENOMEM; goto done; }
    if ((rc = gidx_dataset_set_meta(res, "harmonise.dropped", dropped.s)) != GIDX_OK)
        goto done;
    *out = res;
    res = NULL;
done:
    gidx_dataset_free(res);
    free(target);
    free(vfrom);
    free(vto);
    free(a);
    gidx__strmap_free(index);
    gidx__buf_free(&key);
    gidx__buf_free(&dropped);
    return rc;
}

gidx_status gidx_dataset_aggregate_counties(gidx_dataset *ds, const gidx_registry *reg,
                                            const char *const *variables, size_t nvariables)
{
    size_t nr, ny, nreg, k, c, e, y;
    gidx_status rc = GIDX_OK;
    char (*counties)[3] = NULL;
    size_t ncounties = 0;
    if (ds == NULL || reg == NULL || (variables == NULL && nvariables > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_aggregate_counties: NULL argument");
    for (k = 0; k < nvariables; k++) {
        size_t idx;
        if (variables[k] == NULL)
            return gidx__error_set(GIDX_EINVAL, "gidx_dataset_aggregate_counties: NULL variable");
        if ((rc = gidx_dataset_find_variable(&idx, ds, variables[k])) != GIDX_OK)
            return rc;
    }
    nr = gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    nreg = gidx_registry_size(reg);
    counties = gidx__calloc(nr ? nr : 1, sizeof *counties);
    if (counties == NULL)
        return GIDX_ENOMEM;
    /* The counties of the dataset's 2024 municipalities. */
    for (k = 0; k < nr; k++) {
        const char *code = gidx_dataset_region(ds, k);
        const char *succ;
        size_t j;
        if (gidx_registry_find_code(&e, reg, code, 0) != GIDX_OK) {
            gidx_error_clear();
            continue;
        }
        succ = gidx_registry_successor(reg, e);
        if (gidx_registry_level(reg, e) != GIDX_LEVEL_MUNICIPALITY || succ == NULL ||
            strcmp(succ, code) != 0 || gidx_registry_valid_to(reg, e) != 0)
            continue;
        for (j = 0; j < ncounties; j++)
            if (strcmp(counties[j], gidx_registry_parent(reg, e)) == 0)
                break;
        if (j == ncounties)
            snprintf(counties[ncounties++], sizeof counties[0], "%s", gidx_registry_parent(reg, e));
    }
    for (c = 0; c < ncounties && rc == GIDX_OK; c++) {
        size_t nvar = variables ? nvariables : gidx_dataset_nvariables(ds), v;
        size_t ce;
        for (v = 0; v < nvar && rc == GIDX_OK; v++) {
            const char *vn = variables ? variables[v] : gidx_dataset_variable(ds, v);
            for (y = 0; y < ny && rc == GIDX_OK; y++) {
                int year = gidx_dataset_year(ds, y), any = 0, flag = GIDX_FLAG_OK;
                double sum = 0;
                for (e = 0; e < nreg; e++) {
                    const char *code = gidx_registry_code(reg, e);
                    const char *succ = gidx_registry_successor(reg, e);
                    double x;
                    int f;
                    if (gidx_registry_level(reg, e) != GIDX_LEVEL_MUNICIPALITY || succ == NULL ||
                        strcmp(succ, code) != 0 || gidx_registry_valid_to(reg, e) != 0 ||
                        strcmp(gidx_registry_parent(reg, e), counties[c]) != 0)
                        continue;
                    if (gidx_dataset_has(ds, code, year, vn))
                        any = 1;
                    gidx_dataset_get(&x, &f, ds, code, year, vn);
                    if (f == GIDX_FLAG_OK || f == GIDX_FLAG_PROVISIONAL) {
                        sum += x;
                        if (f == GIDX_FLAG_PROVISIONAL && flag == GIDX_FLAG_OK)
                            flag = GIDX_FLAG_PROVISIONAL;
                    } else if (f == GIDX_FLAG_CONFIDENTIAL) {
                        flag = GIDX_FLAG_CONFIDENTIAL;
                    } else if (flag != GIDX_FLAG_CONFIDENTIAL) {
                        flag = GIDX_FLAG_MISSING;
                    }
                }
                if (any)
                    rc = gidx_dataset_set(ds, counties[c], year, vn, sum, flag);
            }
        }
        if (rc == GIDX_OK && gidx_registry_find_code(&ce, reg, counties[c], 0) == GIDX_OK)
            rc = gidx_dataset_set_region_name(ds, counties[c], gidx_registry_name(reg, ce));
    }
    free(counties);
    return rc;
}
