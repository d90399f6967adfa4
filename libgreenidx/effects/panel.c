/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The long panel the effect estimators read: rows keyed by (unit, time),
 * units kept in order of first appearance, times sorted, and a dense
 * unit x time index so balanced-panel estimators (Callaway & Sant'Anna,
 * synthetic control) can address cells directly.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

GIDX_API void gidx_effect_panel_free(gidx_effect_panel *p)
{
    size_t i;
    if (p == NULL)
        return;
    for (i = 0; i < p->nunits; i++)
        free(p->units[i]);
    for (i = 0; i < p->nvars; i++) {
        free(p->vnames[i]);
        free(p->vals[i]);
    }
    free(p->units);
    free(p->times);
    free(p->uidx);
    free(p->tidx);
    free(p->cell);
    free(p->vnames);
    free(p->vals);
    free(p);
}

GIDX_API gidx_status gidx_effect_panel_new(gidx_effect_panel **out, const char *const *unit,
                                           const double *time, size_t n)
{
    gidx_effect_panel *p;
    gidx__strmap *um = NULL;
    double *sorted = NULL;
    size_t i, u, nt;
    gidx_status rc = GIDX_ENOMEM;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_new: out is NULL");
    *out = NULL;
    if (unit == NULL || time == NULL || n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_new: empty panel (no rows)");
    for (i = 0; i < n; i++) {
        if (unit[i] == NULL)
            return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_new: unit of row %zu is NULL", i + 1);
        if (!gidx__isfinite(time[i]))
            return gidx__error_set(GIDX_EDATA, "gidx_effect_panel_new: time of row %zu (unit \"%s\") is not a finite number",
                                   i + 1, unit[i]);
    }
    p = gidx__calloc(1, sizeof *p);
    if (p == NULL)
        return GIDX_ENOMEM;
    p->n = n;
    um = gidx__strmap_new();
    sorted = gidx__malloc(n * sizeof *sorted);
    p->uidx = gidx__malloc(n * sizeof *p->uidx);
    p->tidx = gidx__malloc(n * sizeof *p->tidx);
    p->units = gidx__malloc(n * sizeof *p->units);
    if (um == NULL || sorted == NULL || p->uidx == NULL || p->tidx == NULL || p->units == NULL)
        goto fail;
    for (i = 0; i < n; i++) {
        if (!gidx__strmap_get(um, unit[i], &u)) {
            u = p->nunits;
            p->units[u] = gidx__strdup(unit[i]);
            if (p->units[u] == NULL || gidx__strmap_put(um, unit[i], u) != GIDX_OK)
                goto fail;
            p->nunits++;
        }
        p->uidx[i] = u;
    }
    memcpy(sorted, time, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_double);
    for (i = 0, nt = 0; i < n; i++)
        if (nt == 0 || sorted[i] != sorted[nt - 1])
            sorted[nt++] = sorted[i];
    p->times = gidx__malloc(nt * sizeof *p->times);
    if (p->times == NULL)
        goto fail;
    memcpy(p->times, sorted, nt * sizeof *sorted);
    p->ntimes = nt;
    p->cell = gidx__malloc(p->nunits * nt * sizeof *p->cell);
    if (p->cell == NULL)
        goto fail;
    for (i = 0; i < p->nunits * nt; i++)
        p->cell[i] = -1;
    for (i = 0; i < n; i++) {
        double *hit = bsearch(&time[i], p->times, nt, sizeof *p->times, cmp_double);
        size_t t = (size_t)(hit - p->times), c = p->uidx[i] * nt + t;
        p->tidx[i] = t;
        if (p->cell[c] >= 0) {
            rc = gidx__error_set(GIDX_EDUPLICATE, "panel: unit \"%s\" has two rows for time %g (rows %ld and %zu)",
                                 unit[i], time[i], p->cell[c] + 1, i + 1);
            goto fail;
        }
        p->cell[c] = (long)i;
    }
    gidx__strmap_free(um);
    free(sorted);
    *out = p;
    return GIDX_OK;
fail:
    gidx__strmap_free(um);
    free(sorted);
    gidx_effect_panel_free(p);
    return rc;
}

GIDX_API gidx_status gidx_effect_panel_add(gidx_effect_panel *p, const char *name,
                                           const double *x, size_t n)
{
    size_t i;
    double *copy;
    char **vn;
    double **vv;
    if (p == NULL || name == NULL || x == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_add: NULL argument");
    if (n != p->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_add: variable \"%s\" has %zu values, the panel %zu rows",
                               name, n, p->n);
    copy = gidx__malloc(n * sizeof *copy);
    if (copy == NULL)
        return GIDX_ENOMEM;
    memcpy(copy, x, n * sizeof *copy);
    for (i = 0; i < p->nvars; i++)
        if (strcmp(p->vnames[i], name) == 0) {
            free(p->vals[i]);
            p->vals[i] = copy;
            return GIDX_OK;
        }
    vn = gidx__reallocarray(p->vnames, p->nvars + 1, sizeof *vn);
    if (vn == NULL) {
        free(copy);
        return GIDX_ENOMEM;
    }
    p->vnames = vn;
    vv = gidx__reallocarray(p->vals, p->nvars + 1, sizeof *vv);
    if (vv == NULL) {
        free(copy);
        return GIDX_ENOMEM;
    }
    p->vals = vv;
    p->vnames[p->nvars] = gidx__strdup(name);
    if (p->vnames[p->nvars] == NULL) {
        free(copy);
        return GIDX_ENOMEM;
    }
    p->vals[p->nvars++] = copy;
    return GIDX_OK;
}

GIDX_API gidx_status gidx_effect_panel_from_table(gidx_effect_panel **out, const gidx_table *t,
                                                  const char *unit_col, const char *time_col,
                                                  const char *const *vars, size_t nvars)
{
    size_t ju, jt, j, i, n;
    const char **units = NULL;
    double *times = NULL, *col = NULL;
    gidx_effect_panel *p = NULL;
    gidx_status rc;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_from_table: out is NULL");
    *out = NULL;
    if (t == NULL || unit_col == NULL || time_col == NULL || (nvars > 0 && vars == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_from_table: NULL argument");
    if ((rc = gidx_table_find_column(&ju, t, unit_col)) != GIDX_OK)
        return gidx__error_prefix("unit column: ");
    if ((rc = gidx_table_find_column(&jt, t, time_col)) != GIDX_OK)
        return gidx__error_prefix("time column: ");
    n = gidx_table_nrows(t);
    if (n == 0)
        return gidx__error_set(GIDX_EDATA, "%s: the table has no data rows", gidx_table_name(t));
    units = gidx__malloc(n * sizeof *units);
    times = gidx__malloc(n * sizeof *times);
    col = gidx__malloc(n * sizeof *col);
    if (units == NULL || times == NULL || col == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++)
        units[i] = gidx_table_cell(t, i, ju);
    if ((rc = gidx_table_column_double(times, n, t, jt)) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++)
        if (isnan(times[i])) {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: time column \"%s\" is missing for unit \"%s\"",
                                 gidx_table_name(t), gidx_table_line(t, i), time_col, units[i]);
            goto done;
        }
    if ((rc = gidx_effect_panel_new(&p, units, times, n)) != GIDX_OK) {
        gidx__error_prefix("%s: ", gidx_table_name(t));
        goto done;
    }
    for (i = 0; i < nvars; i++) {
        if (vars[i] == NULL) {
            rc = gidx__error_set(GIDX_EINVAL, "gidx_effect_panel_from_table: variable name %zu is NULL", i);
            goto done;
        }
        if ((rc = gidx_table_find_column(&j, t, vars[i])) != GIDX_OK)
            goto done;
        if ((rc = gidx_table_column_double(col, n, t, j)) != GIDX_OK)
            goto done;
        if ((rc = gidx_effect_panel_add(p, vars[i], col, n)) != GIDX_OK)
            goto done;
    }
    *out = p;
    p = NULL;
done:
    gidx_effect_panel_free(p);
    free(units);
    free(times);
    free(col);
    return rc;
}

GIDX_API size_t gidx_effect_panel_nrows(const gidx_effect_panel *p) { return p ? p->n : 0; }
GIDX_API size_t gidx_effect_panel_nunits(const gidx_effect_panel *p) { return p ? p->nunits : 0; }
GIDX_API size_t gidx_effect_panel_ntimes(const gidx_effect_panel *p) { return p ? p->ntimes : 0; }

gidx_status gidx__eff_var(const double **x, const gidx_effect_panel *p, const char *name,
                          const char *role)
{
    size_t i;
    if (name == NULL || name[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "effects: no %s variable given", role);
    for (i = 0; i < p->nvars; i++)
        if (strcmp(p->vnames[i], name) == 0) {
            *x = p->vals[i];
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "effects: %s column \"%s\" is not in the panel", role, name);
}

int gidx__eff_unit(const gidx_effect_panel *p, const char *name, size_t *u)
{
    size_t i;
    for (i = 0; i < p->nunits; i++)
        if (strcmp(p->units[i], name) == 0) {
            *u = i;
            return 1;
        }
    return 0;
}

void gidx__eff_free_list(char **items, size_t n)
{
    size_t i;
    if (items == NULL)
        return;
    for (i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

gidx_status gidx__eff_split(char ***items, size_t *n, const char *s)
{
    char **v = NULL;
    size_t k = 0;
    const char *a = s, *b;
    *items = NULL;
    *n = 0;
    if (s == NULL || s[0] == '\0')
        return GIDX_OK;
    for (;;) {
        char **nv;
        const char *e;
        b = strchr(a, ',');
        e = b ? b : a + strlen(a);
        while (a < e && (*a == ' ' || *a == '\t'))
            a++;
        while (e > a && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e == a) {
            gidx__eff_free_list(v, k);
            return gidx__error_set(GIDX_EINVAL, "effects: empty item in the list \"%s\"", s);
        }
        nv = gidx__reallocarray(v, k + 1, sizeof *v);
        if (nv == NULL) {
            gidx__eff_free_list(v, k);
            return GIDX_ENOMEM;
        }
        v = nv;
        v[k] = gidx__strndup(a, (size_t)(e - a));
        if (v[k] == NULL) {
            gidx__eff_free_list(v, k);
            return GIDX_ENOMEM;
        }
        k++;
        if (b == NULL)
            break;
        a = b + 1;
    }
    *items = v;
    *n = k;
    return GIDX_OK;
}
