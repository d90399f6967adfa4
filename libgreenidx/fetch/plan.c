/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fetch plans: catalogue base variables mapped to PxWebApi v2 tables
 * (table id, ContentsCode, other selections), grouped into one query per
 * table and filter, run for regions and years and merged into one dataset
 * with per-table provenance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/internal.h"
#include "fetch/fetch_internal.h"

struct gidx_fetch_plan {
    gidx_fetch_item *items;
    size_t n;
};

void gidx_fetch_plan_free(gidx_fetch_plan *p)
{
    size_t i;
    if (p == NULL)
        return;
    for (i = 0; i < p->n; i++) {
        free((char *)p->items[i].variable);
        free((char *)p->items[i].table);
        free((char *)p->items[i].contents);
        free((char *)p->items[i].filter);
    }
    free(p->items);
    free(p);
}

size_t gidx_fetch_plan_size(const gidx_fetch_plan *p)
{
    return p ? p->n : 0;
}

const gidx_fetch_item *gidx_fetch_plan_item(const gidx_fetch_plan *p, size_t i)
{
    return p != NULL && i < p->n ? &p->items[i] : NULL;
}

gidx_status gidx_fetch_plan_load(gidx_fetch_plan **out, const char *path)
{
    json_error_t jerr;
    json_t *root, *vars;
    gidx_fetch_plan *p;
    size_t i, nv;
    gidx_status rc = GIDX_OK;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_load: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_load: path is NULL");
    root = json_load_file(path, 0, &jerr);
    if (root == NULL) {
        if (jerr.line < 1)
            return gidx__error_set(GIDX_EIO, "%s: %s", path, jerr.text);
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
    }
    vars = json_object_get(root, "variables");
    if (!json_is_array(vars)) {
        json_decref(root);
        return gidx__error_set(GIDX_EPARSE, "%s: no \"variables\" array (a greenidx catalogue "
                               "is expected)", path);
    }
    if ((p = gidx__calloc(1, sizeof *p)) == NULL) {
        json_decref(root);
        return GIDX_ENOMEM;
    }
    nv = json_array_size(vars);
    if (nv > 0 && (p->items = gidx__calloc(nv, sizeof *p->items)) == NULL)
        rc = GIDX_ENOMEM;
    for (i = 0; i < nv && rc == GIDX_OK; i++) {
        json_t *v = json_array_get(vars, i), *f = json_object_get(v, "fetch");
        const char *name = json_string_value(json_object_get(v, "name"));
        const char *table, *contents, *filter;
        json_t *jf;
        gidx_fetch_item *it;
        if (f == NULL)
            continue;
        table = json_string_value(json_object_get(f, "table"));
        contents = json_string_value(json_object_get(f, "contents"));
        jf = json_object_get(f, "filter");
        filter = json_string_value(jf);
        if (name == NULL || !json_is_object(f) || table == NULL || contents == NULL ||
            (jf != NULL && !json_is_null(jf) && filter == NULL)) {
            rc = gidx__error_set(GIDX_EPARSE, "%s: variable %zu (%s): \"fetch\" must be an "
                                 "object with string \"table\" and \"contents\" and an optional "
                                 "string \"filter\"", path, i + 1, name ? name : "no name");
            break;
        }
        it = &p->items[p->n];
        it->variable = gidx__strdup(name);
        it->table = gidx__strdup(table);
        it->contents = gidx__strdup(contents);
        it->filter = filter ? gidx__strdup(filter) : NULL;
        p->n++;
        if (it->variable == NULL || it->table == NULL || it->contents == NULL ||
            (filter != NULL && it->filter == NULL))
            rc = GIDX_ENOMEM;
    }
    json_decref(root);
    if (rc == GIDX_OK && p->n == 0)
        rc = gidx__error_set(GIDX_ENOTFOUND, "%s: no variable has a \"fetch\" record (table, "
                             "contents, filter)", path);
    if (rc != GIDX_OK) {
        gidx_fetch_plan_free(p);
        return rc;
    }
    *out = p;
    return GIDX_OK;
}

static int same_str(const char *a, const char *b)
{
    if (a == NULL || a[0] == '\0')
        return b == NULL || b[0] == '\0';
    return b != NULL && strcmp(a, b) == 0;
}

typedef struct plan_ctx {
    gidx_fetch_client *c;
    const gidx_fetch_item *items;
    size_t nitems;
    const char *const *regions;
    size_t nregions;
    const char *codelist;
    int from, to;
} plan_ctx;

/* Run the group of items with group[i] == g into @p out. */
static gidx_status run_group(gidx_dataset *out, const plan_ctx *x, const size_t *group, size_t g)
{
    gidx_fetch_query *q = NULL;
    gidx_dataset *ds = NULL;
    const char **contents = NULL;
    const gidx_fetch_item *head = NULL;
    size_t i, k, n = 0;
    gidx_status rc;
    gidx_jsonstat_options jo = GIDX_JSONSTAT_OPTIONS_INIT;
    if ((contents = gidx__calloc(x->nitems, sizeof *contents)) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < x->nitems; i++) {
        if (group[i] != g)
            continue;
        if (head == NULL)
            head = &x->items[i];
        for (k = 0; k < n; k++)
            if (strcmp(contents[k], x->items[i].contents) == 0)
                break;
        if (k == n)
            contents[n++] = x->items[i].contents;
    }
    if ((rc = gidx_fetch_query_new(&q, head->table)) != GIDX_OK)
        goto done;
    if ((rc = gidx_fetch_query_select(q, "Region", x->regions, x->nregions)) != GIDX_OK ||
        (x->codelist != NULL && (rc = gidx_fetch_query_codelist(q, "Region", x->codelist)) != GIDX_OK) ||
        (rc = gidx_fetch_query_select(q, "ContentsCode", contents, n)) != GIDX_OK ||
        (rc = gidx_fetch_query_years(q, x->from, x->to)) != GIDX_OK ||
        (head->filter != NULL && (rc = gidx_fetch_query_filter(q, head->filter)) != GIDX_OK))
        goto done;
    jo.region_dim = "Region";
    jo.time_dim = "Tid";
    jo.variable_dim = "ContentsCode";
    if ((rc = gidx_fetch_query_run(&ds, x->c, q, &jo)) != GIDX_OK)
        goto done;
    /* ContentsCode -> the items' variable names */
    for (i = 0; i < x->nitems && rc == GIDX_OK; i++) {
        size_t r, y, nr = gidx_dataset_nregions(ds), ny = gidx_dataset_nyears(ds);
        if (group[i] != g)
            continue;
        for (r = 0; r < nr && rc == GIDX_OK; r++) {
            const char *region = gidx_dataset_region(ds, r);
            const char *rname = gidx_dataset_region_name(ds, region);
            if (strcmp(rname, region) != 0 &&
                (rc = gidx_dataset_set_region_name(out, region, rname)) != GIDX_OK)
                break;
            for (y = 0; y < ny && rc == GIDX_OK; y++) {
                int year = gidx_dataset_year(ds, y), flag;
                double v;
                if (!gidx_dataset_has(ds, region, year, x->items[i].contents))
                    continue;
                if ((rc = gidx_dataset_get(&v, &flag, ds, region, year, x->items[i].contents)) ==
                    GIDX_OK)
                    rc = gidx_dataset_set(out, region, year, x->items[i].variable, v, flag);
            }
        }
    }
    if (rc == GIDX_OK) {
        static const char *const keys[] = { "retrieved", "updated", "url", "cache", "label",
                                            "requests" };
        for (k = 0; k < sizeof keys / sizeof keys[0] && rc == GIDX_OK; k++) {
            const char *v = gidx_dataset_meta(ds, keys[k]);
            gidx__buf key = GIDX__BUF_INIT;
            if (v == NULL)
                continue;
            gidx__buf_printf(&key, "%s.%s", head->table, keys[k]);
            rc = key.failed ? GIDX_ENOMEM : gidx_dataset_set_meta(out, key.s, v);
            gidx__buf_free(&key);
        }
    }
done:
    gidx_dataset_free(ds);
    gidx_fetch_query_free(q);
    free(contents);
    return rc;
}

gidx_status gidx_fetch_plan_run(gidx_dataset **out, gidx_fetch_client *c,
                                const gidx_fetch_item *items, size_t nitems,
                                const char *const *regions, size_t nregions,
                                const char *codelist, int from, int to,
                                gidx_fetch_progress_fn progress, void *user)
{
    size_t *group = NULL, ngroups = 0, i, k;
    gidx_dataset *ds = NULL;
    gidx__buf tables = GIDX__BUF_INIT;
    plan_ctx x;
    gidx_status rc = GIDX_OK;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_run: out is NULL");
    *out = NULL;
    if (c == NULL || items == NULL || regions == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_run: NULL argument");
    if (nitems == 0 || nregions == 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: the plan needs at least one variable and one "
                               "region (%zu variables, %zu regions)", nitems, nregions);
    if (from > to)
        return gidx__error_set(GIDX_EINVAL, "fetch: years %d..%d are not a range", from, to);
    for (i = 0; i < nitems; i++) {
        const gidx_fetch_item *it = &items[i];
        if (it->variable == NULL || it->variable[0] == '\0' || it->table == NULL ||
            it->contents == NULL || it->contents[0] == '\0')
            return gidx__error_set(GIDX_EINVAL, "fetch: plan record %zu (%s) needs a variable, a "
                                   "table and a ContentsCode", i + 1,
                                   it->variable ? it->variable : "no name");
        for (k = 0; k < i; k++)
            if (strcmp(items[k].variable, it->variable) == 0)
                return gidx__error_set(GIDX_EDUPLICATE, "fetch: variable %s is planned twice "
                                       "(records %zu and %zu)", it->variable, k + 1, i + 1);
    }
    if ((group = gidx__calloc(nitems, sizeof *group)) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < nitems; i++) {
        for (k = 0; k < i; k++)
            if (strcmp(items[k].table, items[i].table) == 0 &&
                same_str(items[k].filter, items[i].filter))
                break;
        group[i] = k < i ? group[k] : ngroups++;
    }
    x.c = c;
    x.items = items;
    x.nitems = nitems;
    x.regions = regions;
    x.nregions = nregions;
    x.codelist = codelist;
    x.from = from;
    x.to = to;
    if ((rc = gidx_dataset_new(&ds)) != GIDX_OK)
        goto done;
    for (k = 0; k < ngroups && rc == GIDX_OK; k++) {
        size_t nv = 0;
        const char *table = NULL;
        for (i = 0; i < nitems; i++)
            if (group[i] == k) {
                nv++;
                if (table == NULL)
                    table = items[i].table;
            }
        if (progress != NULL)
            progress(user, k, ngroups, table, nv);
        /* failures name the table already (URL or loader name) */
        if ((rc = run_group(ds, &x, group, k)) == GIDX_OK)
            gidx__buf_printf(&tables, "%s%s", tables.len ? "," : "", table);
    }
    if (rc == GIDX_OK && tables.failed)
        rc = GIDX_ENOMEM;
    if (rc == GIDX_OK && (rc = gidx_dataset_set_meta(ds, "source", "Statistisk sentralbyrå "
                                                     "(SSB), PxWebApi v2")) == GIDX_OK &&
        (rc = gidx_dataset_set_meta(ds, "api", gidx__fetch_client_api(c))) == GIDX_OK)
        rc = gidx_dataset_set_meta(ds, "tables", tables.s);
done:
    gidx__buf_free(&tables);
    free(group);
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        return rc;
    }
    *out = ds;
    return GIDX_OK;
}
