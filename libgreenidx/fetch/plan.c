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
#include <greenidx/indicators.h>

/* What a record selects beyond its ContentsCode: one category of another
 * dimension (by code or by the publisher's label), or the sum over the
 * categories of that dimension; the language of the query; whether region
 * codes are written with SSB's K-/F- prefixes (the agg_ code lists). */
typedef struct plan_extra {
    char *dim, *code, *label, *lang;
    char *labels;       /* a sum over these labels only, '|'-separated, or NULL */
    int sum, prefix;
    int level;          /* 0 every region, 1 municipalities only, 2 counties only */
    char *url_filter;   /* the record's filter without the pieces below, or NULL */
} plan_extra;

/*
 * A record's category selection travels in its public gidx_fetch_item as
 * extra pieces of its filter, so that an item is self-describing (the
 * items a caller copies out of a plan run the same through
 * gidx_fetch_plan_run()): `category[DIM]=code:CODE`,
 * `category[DIM]=label:TEXT`, `category[DIM]=sum`, `category[DIM]=sum:L1|L2`
 * (the sum over the categories labelled L1, L2), `lang=xx`, `regionPrefix=1`,
 * `level=county|municipality` (the record is asked for those regions only).
 * decode_filter() splits them off again.
 */
static void extra_free(plan_extra *x)
{
    free(x->dim);
    free(x->code);
    free(x->label);
    free(x->lang);
    free(x->labels);
    free(x->url_filter);
    memset(x, 0, sizeof *x);
}

static gidx_status decode_filter(plan_extra *x, const char *filter, const char *variable)
{
    gidx__buf url = GIDX__BUF_INIT;
    const char *p = filter ? filter : "";
    memset(x, 0, sizeof *x);
    while (*p != '\0') {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int bad = 0;
        if (len > 9 && strncmp(p, "category[", 9) == 0) {
            const char *rb = memchr(p, ']', len);
            const char *v = rb ? rb + 2 : NULL;
            size_t vlen = v ? len - (size_t)(v - p) : 0;
            if (rb == NULL || rb == p + 9 || rb[1] != '=' || x->dim != NULL)
                bad = 1;
            else if ((x->dim = gidx__strndup(p + 9, (size_t)(rb - p - 9))) == NULL)
                return GIDX_ENOMEM;
            else if (vlen == 3 && strncmp(v, "sum", 3) == 0)
                x->sum = 1;
            else if (vlen > 4 && strncmp(v, "sum:", 4) == 0) {
                x->sum = 1;
                bad = (x->labels = gidx__strndup(v + 4, vlen - 4)) == NULL ? -1 : 0;
            }
            else if (vlen > 5 && strncmp(v, "code:", 5) == 0)
                bad = (x->code = gidx__strndup(v + 5, vlen - 5)) == NULL ? -1 : 0;
            else if (vlen > 6 && strncmp(v, "label:", 6) == 0)
                bad = (x->label = gidx__strndup(v + 6, vlen - 6)) == NULL ? -1 : 0;
            else
                bad = 1;
        } else if (len == 7 && strncmp(p, "lang=", 5) == 0) {
            bad = (x->lang = gidx__strndup(p + 5, 2)) == NULL ? -1 : 0;
        } else if (len == 14 && strncmp(p, "regionPrefix=1", 14) == 0) {
            x->prefix = 1;
        } else if (len == 12 && strncmp(p, "level=county", 12) == 0) {
            x->level = 2;
        } else if (len == 18 && strncmp(p, "level=municipality", 18) == 0) {
            x->level = 1;
        } else if (len > 0) {
            gidx__buf_printf(&url, "%s%.*s", url.len ? "&" : "", (int)len, p);
        }
        if (bad) {
            gidx__buf_free(&url);
            extra_free(x);
            if (bad < 0)
                return GIDX_ENOMEM;
            return gidx__error_set(GIDX_EPARSE, "fetch: variable %s: filter piece '%.*s' is not "
                                   "category[DIM]=code:CODE|label:TEXT|sum|sum:LABEL|LABEL... "
                                   "(one per record), lang=xx, regionPrefix=1 or "
                                   "level=county|municipality", variable, (int)len, p);
        }
        p += len + (end != NULL);
    }
    if (url.failed) {
        extra_free(x);
        return GIDX_ENOMEM;
    }
    x->url_filter = url.len ? gidx__buf_take(&url) : (gidx__buf_free(&url), NULL);
    return GIDX_OK;
}

struct gidx_fetch_plan {
    gidx_fetch_item *items;
    plan_extra *x;
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
        if (p->x != NULL)
            extra_free(&p->x[i]);
    }
    free(p->items);
    free(p->x);
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

static gidx_status plan_from_json(gidx_fetch_plan **out, json_t *root, const char *path);

gidx_status gidx_fetch_plan_load(gidx_fetch_plan **out, const char *path)
{
    json_error_t jerr;
    json_t *root;
    gidx_status rc;
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
    rc = plan_from_json(out, root, path);
    json_decref(root);
    return rc;
}

gidx_status gidx_fetch_plan_parse(gidx_fetch_plan **out, const char *json, size_t len,
                                  const char *name)
{
    json_error_t jerr;
    json_t *root;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_parse: out is NULL");
    *out = NULL;
    if (json == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_parse: json is NULL");
    if (name == NULL)
        name = "catalogue";
    if ((root = json_loadb(json, len, 0, &jerr)) == NULL)
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, jerr.line, jerr.column, jerr.text);
    rc = plan_from_json(out, root, name);
    json_decref(root);
    return rc;
}

static int opt_string(char **dst, json_t *obj, const char *key, int *bad)
{
    json_t *v = json_object_get(obj, key);
    *dst = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v) || json_string_length(v) == 0) {
        *bad = 1;
        return 0;
    }
    if ((*dst = gidx__strdup(json_string_value(v))) == NULL)
        return -1;
    return 0;
}

static gidx_status plan_from_json(gidx_fetch_plan **out, json_t *root, const char *path)
{
    json_t *vars;
    gidx_fetch_plan *p;
    size_t i, nv;
    gidx_status rc = GIDX_OK;
    vars = json_object_get(root, "variables");
    if (!json_is_array(vars))
        return gidx__error_set(GIDX_EPARSE, "%s: no \"variables\" array (a greenidx catalogue "
                               "is expected)", path);
    if ((p = gidx__calloc(1, sizeof *p)) == NULL)
        return GIDX_ENOMEM;
    nv = json_array_size(vars);
    if (nv > 0 && ((p->items = gidx__calloc(nv, sizeof *p->items)) == NULL ||
                   (p->x = gidx__calloc(nv, sizeof *p->x)) == NULL))
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
            (filter != NULL && it->filter == NULL)) {
            rc = GIDX_ENOMEM;
            break;
        }
        {
            plan_extra xj, *x = &xj;
            gidx__buf fb = GIDX__BUF_INIT;
            json_t *sum = json_object_get(f, "sum"), *pre = json_object_get(f, "region_prefix");
            json_t *labels = json_object_get(f, "labels"), *level = json_object_get(f, "level");
            int bad = 0, nsel;
            memset(x, 0, sizeof *x);
            if (opt_string(&x->dim, f, "dimension", &bad) || opt_string(&x->code, f, "code", &bad) ||
                opt_string(&x->label, f, "label", &bad) || opt_string(&x->lang, f, "lang", &bad)) {
                rc = GIDX_ENOMEM;
                break;
            }
            if ((sum != NULL && !json_is_boolean(sum)) || (pre != NULL && !json_is_boolean(pre)))
                bad = 1;
            x->sum = json_is_true(sum);
            x->prefix = json_is_true(pre);
            if (labels != NULL) {
                /* "labels": the sum over these categories only (with "sum": true) */
                size_t k;
                gidx__buf lb = GIDX__BUF_INIT;
                if (!json_is_array(labels) || json_array_size(labels) == 0 || !x->sum)
                    bad = 1;
                for (k = 0; !bad && k < json_array_size(labels); k++) {
                    const char *l = json_string_value(json_array_get(labels, k));
                    if (l == NULL || l[0] == '\0' || strpbrk(l, "|&") != NULL)
                        bad = 1;
                    else
                        gidx__buf_printf(&lb, "%s%s", k ? "|" : "", l);
                }
                if (lb.failed) {
                    extra_free(x);
                    rc = GIDX_ENOMEM;
                    break;
                }
                x->labels = bad ? (gidx__buf_free(&lb), NULL) : gidx__buf_take(&lb);
            }
            if (level != NULL) {
                const char *lv = json_string_value(level);
                if (lv != NULL && strcmp(lv, "county") == 0)
                    x->level = 2;
                else if (lv != NULL && strcmp(lv, "municipality") == 0)
                    x->level = 1;
                else
                    bad = 1;
            }
            nsel = (x->code != NULL) + (x->label != NULL) + x->sum;
            if (strcmp(contents, "*") == 0 && x->dim == NULL)
                bad = 1;   /* every ContentsCode: a dimension must name the categories */
            if (bad || (x->dim != NULL && nsel != 1) || (x->dim == NULL && nsel != 0) ||
                (x->lang != NULL && strlen(x->lang) != 2)) {
                rc = gidx__error_set(GIDX_EPARSE, "%s: variable %zu (%s): \"fetch\": a "
                                     "\"dimension\" needs exactly one of \"code\", \"label\" or "
                                     "\"sum\": true (and they need a dimension); \"labels\" is a "
                                     "non-empty array of labels without '|' or '&' and needs "
                                     "\"sum\": true; \"contents\": \"*\" needs a dimension; "
                                     "\"level\" is \"county\" or \"municipality\"; \"lang\" is "
                                     "two letters; \"sum\" and \"region_prefix\" are booleans",
                                     path, i + 1, name);
                extra_free(x);
                break;
            }
            /* the selection as pieces of the item's filter, then read back */
            gidx__buf_puts(&fb, filter ? filter : "");
            if (x->dim != NULL) {
                if (x->sum && x->labels != NULL)
                    gidx__buf_printf(&fb, "%scategory[%s]=sum:%s", fb.len ? "&" : "", x->dim,
                                     x->labels);
                else if (x->sum)
                    gidx__buf_printf(&fb, "%scategory[%s]=sum", fb.len ? "&" : "", x->dim);
                else
                    gidx__buf_printf(&fb, "%scategory[%s]=%s:%s", fb.len ? "&" : "", x->dim,
                                     x->code ? "code" : "label", x->code ? x->code : x->label);
            }
            if (x->lang != NULL)
                gidx__buf_printf(&fb, "%slang=%s", fb.len ? "&" : "", x->lang);
            if (x->prefix)
                gidx__buf_printf(&fb, "%sregionPrefix=1", fb.len ? "&" : "");
            if (x->level != 0)
                gidx__buf_printf(&fb, "%slevel=%s", fb.len ? "&" : "",
                                 x->level == 2 ? "county" : "municipality");
            extra_free(x);
            if (fb.failed) {
                rc = GIDX_ENOMEM;
                break;
            }
            free((char *)it->filter);
            it->filter = fb.len ? gidx__buf_take(&fb) : (gidx__buf_free(&fb), NULL);
            if ((rc = decode_filter(&p->x[p->n - 1], it->filter, name)) != GIDX_OK)
                break;
        }
    }
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

gidx_status gidx_fetch_plan_run(gidx_dataset **out, gidx_fetch_client *c,
                                const gidx_fetch_item *items, size_t nitems,
                                const char *const *regions, size_t nregions,
                                const char *codelist, int from, int to,
                                gidx_fetch_progress_fn progress, void *user)
{
    gidx_fetch_plan p;
    size_t i;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_run: out is NULL");
    *out = NULL;
    if (c == NULL || items == NULL || regions == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_run: NULL argument");
    for (i = 0; i < nitems; i++) {
        const gidx_fetch_item *it = &items[i];
        if (it->variable == NULL || it->variable[0] == '\0' || it->table == NULL ||
            it->contents == NULL || it->contents[0] == '\0')
            return gidx__error_set(GIDX_EINVAL, "fetch: plan record %zu (%s) needs a variable, a "
                                   "table and a ContentsCode", i + 1,
                                   it->variable ? it->variable : "no name");
    }
    /* The records as a plan handle (items borrowed), their category
     * selections read from their filters. */
    p.items = (gidx_fetch_item *)items;
    p.n = nitems;
    if ((p.x = gidx__calloc(nitems ? nitems : 1, sizeof *p.x)) == NULL)
        return GIDX_ENOMEM;
    rc = GIDX_OK;
    for (i = 0; i < nitems && rc == GIDX_OK; i++)
        rc = decode_filter(&p.x[i], items[i].filter, items[i].variable);
    if (rc == GIDX_OK)
        rc = gidx_fetch_plan_fetch(out, c, &p, regions, nregions, codelist, from, to, progress,
                                   user);
    for (i = 0; i < nitems; i++)
        extra_free(&p.x[i]);
    free(p.x);
    return rc;
}

/* ---- running a plan handle: records that select categories ---- */

static int same_group(const gidx_fetch_plan *p, size_t a, size_t b)
{
    return strcmp(p->items[a].table, p->items[b].table) == 0 &&
           same_str(p->x[a].url_filter, p->x[b].url_filter) &&
           same_str(p->x[a].dim, p->x[b].dim) && same_str(p->x[a].lang, p->x[b].lang) &&
           p->x[a].prefix == p->x[b].prefix && p->x[a].level == p->x[b].level;
}

/* SSB's aggregated region lists (agg_KommSummer, agg_KommFylker) write
 * municipalities "K-5001" and counties "F-50". */
static char *prefixed(const char *code)
{
    size_t n = strlen(code);
    gidx__buf b = GIDX__BUF_INIT;
    if (n == 4)
        gidx__buf_printf(&b, "K-%s", code);
    else if (n == 2)
        gidx__buf_printf(&b, "F-%s", code);
    else
        gidx__buf_puts(&b, code);
    return b.failed ? (gidx__buf_free(&b), NULL) : gidx__buf_take(&b);
}

static gidx_status copy_provenance(gidx_dataset *out, const gidx_dataset *ds, const char *table)
{
    static const char *const keys[] = { "retrieved", "updated", "url", "cache", "label",
                                        "requests" };
    size_t k;
    gidx_status rc = GIDX_OK;
    for (k = 0; k < sizeof keys / sizeof keys[0] && rc == GIDX_OK; k++) {
        const char *v = gidx_dataset_meta(ds, keys[k]);
        gidx__buf key = GIDX__BUF_INIT;
        if (v == NULL)
            continue;
        gidx__buf_printf(&key, "%s.%s", table, keys[k]);
        if (key.failed) {
            rc = GIDX_ENOMEM;
        } else {
            /* a table asked in two requests (municipalities and counties
             * under their own code lists): both URLs, the oldest retrieval,
             * the requests added up, "mixed" when one was cached */
            const char *old = gidx_dataset_meta(out, key.s);
            gidx__buf m = GIDX__BUF_INIT;
            if (old == NULL || strcmp(old, v) == 0 || strcmp(keys[k], "updated") == 0 ||
                strcmp(keys[k], "label") == 0)
                gidx__buf_puts(&m, old != NULL ? old : v);
            else if (strcmp(keys[k], "url") == 0)
                gidx__buf_printf(&m, "%s %s", old, v);
            else if (strcmp(keys[k], "retrieved") == 0)
                gidx__buf_puts(&m, strcmp(old, v) < 0 ? old : v);
            else if (strcmp(keys[k], "requests") == 0)
                gidx__buf_printf(&m, "%ld", strtol(old, NULL, 10) + strtol(v, NULL, 10));
            else
                gidx__buf_puts(&m, "mixed");
            rc = m.failed ? GIDX_ENOMEM : gidx_dataset_set_meta(out, key.s, m.s);
            gidx__buf_free(&m);
        }
        gidx__buf_free(&key);
    }
    return rc;
}

/* The category the answer labels @p label (its code in the dataset). */
static gidx_status labelled(const char **code, const gidx_dataset *ds, const char *label,
                            const plan_extra *x, const gidx_fetch_item *it)
{
    size_t v;
    gidx__buf seen = GIDX__BUF_INIT;
    for (v = 0; v < gidx_dataset_nvariables(ds); v++) {
        const char *c = gidx_dataset_variable(ds, v);
        gidx__buf key = GIDX__BUF_INIT;
        const char *l;
        gidx__buf_printf(&key, "category.%s", c);
        l = key.failed ? NULL : gidx_dataset_meta(ds, key.s);
        gidx__buf_free(&key);
        if (l != NULL && strcmp(l, label) == 0) {
            gidx__buf_free(&seen);
            *code = c;
            return GIDX_OK;
        }
        gidx__buf_printf(&seen, "%s\"%s\"", seen.len ? ", " : "", l ? l : c);
    }
    {
        gidx_status rc = gidx__error_set(GIDX_ENOTFOUND, "fetch: table %s: variable %s: no "
                                         "category of %s is labelled \"%s\" in the answer (labels: "
                                         "%s)", it->table, it->variable, x->dim, label,
                                         seen.s ? seen.s : "none");
        gidx__buf_free(&seen);
        return rc;
    }
}

/* The category code of a record: its code, or the category whose label the
 * answer gives as the record's label. */
static gidx_status category_of(const char **code, const gidx_dataset *ds, const plan_extra *x,
                               const gidx_fetch_item *it)
{
    if (x->code != NULL) {
        *code = x->code;
        return GIDX_OK;
    }
    return labelled(code, ds, x->label, x, it);
}

/* The codes of the categories a "labels" sum names, in @p codes (at most
 * @p max); *n their number. */
static gidx_status labelled_all(const char **codes, size_t max, size_t *n, const gidx_dataset *ds,
                                const plan_extra *x, const gidx_fetch_item *it)
{
    const char *p = x->labels;
    gidx_status rc = GIDX_OK;
    *n = 0;
    while (p != NULL && *p != '\0' && rc == GIDX_OK) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *l = gidx__strndup(p, len);
        if (l == NULL)
            return GIDX_ENOMEM;
        if (*n == max)
            rc = gidx__error_set(GIDX_ELIMIT, "fetch: table %s: variable %s: more than %zu labels",
                                 it->table, it->variable, max);
        else
            rc = labelled(&codes[*n], ds, l, x, it);
        free(l);
        if (rc == GIDX_OK)
            (*n)++;
        p += len + (end != NULL);
    }
    return rc;
}

static gidx_status set_from(gidx_dataset *out, const gidx_dataset *ds, const char *src,
                            const char *dst, int sum, const char *const *only, size_t nonly)
{
    size_t r, y, v, nr = gidx_dataset_nregions(ds), ny = gidx_dataset_nyears(ds);
    gidx_status rc = GIDX_OK;
    for (r = 0; r < nr && rc == GIDX_OK; r++) {
        const char *region = gidx_dataset_region(ds, r);
        const char *rname = gidx_dataset_region_name(ds, region);
        if (strcmp(rname, region) != 0 &&
            (rc = gidx_dataset_set_region_name(out, region, rname)) != GIDX_OK)
            break;
        for (y = 0; y < ny && rc == GIDX_OK; y++) {
            int year = gidx_dataset_year(ds, y), flag = GIDX_FLAG_OK, f, any = 0;
            double x, total = 0;
            if (!sum) {
                if (!gidx_dataset_has(ds, region, year, src))
                    continue;
                if ((rc = gidx_dataset_get(&x, &f, ds, region, year, src)) == GIDX_OK)
                    rc = gidx_dataset_set(out, region, year, dst, x, f);
                continue;
            }
            /* the sum over every category of the answer (or over @p only);
             * missing when one is */
            for (v = 0; v < (only != NULL ? nonly : gidx_dataset_nvariables(ds)); v++) {
                const char *c = only != NULL ? only[v] : gidx_dataset_variable(ds, v);
                if (!gidx_dataset_has(ds, region, year, c)) {
                    if (only != NULL) {   /* a named category absent: the sum is missing */
                        any = 1;
                        flag = GIDX_FLAG_MISSING;
                    }
                    continue;
                }
                any = 1;
                gidx_dataset_get(&x, &f, ds, region, year, c);
                if (f == GIDX_FLAG_OK || f == GIDX_FLAG_PROVISIONAL)
                    total += x;
                if (f != GIDX_FLAG_OK && (flag == GIDX_FLAG_OK || f != GIDX_FLAG_PROVISIONAL))
                    flag = f;
            }
            if (any)
                rc = gidx_dataset_set(out, region, year, dst,
                                      flag == GIDX_FLAG_OK || flag == GIDX_FLAG_PROVISIONAL ? total
                                                                                          : 0, flag);
        }
    }
    return rc;
}

/* One request of a group: the regions @p regs under @p codelist (or none),
 * its answer's categories set into @p out with the table's provenance. */
static gidx_status run_pass(gidx_dataset *out, gidx_fetch_client *c, const gidx_fetch_plan *p,
                            const size_t *group, size_t g, size_t head, const char **contents,
                            size_t n, const char **codes, size_t ncodes, int star, int bycontents,
                            const char *const *regs, size_t nregs, const char *codelist, int from,
                            int to)
{
    gidx_fetch_query *q = NULL;
    gidx_dataset *ds = NULL;
    gidx_jsonstat_options jo = GIDX_JSONSTAT_OPTIONS_INIT;
    gidx_status rc = GIDX_OK;
    size_t i;
    if ((rc = gidx_fetch_query_new(&q, p->items[head].table)) != GIDX_OK ||
        (p->x[head].lang != NULL && (rc = gidx_fetch_query_lang(q, p->x[head].lang)) != GIDX_OK) ||
        (rc = gidx_fetch_query_select(q, "Region", regs, nregs)) != GIDX_OK ||
        (codelist != NULL && (rc = gidx_fetch_query_codelist(q, "Region", codelist)) != GIDX_OK) ||
        (rc = gidx_fetch_query_select(q, "ContentsCode", contents, n)) != GIDX_OK)
        goto done;
    if (p->x[head].dim != NULL && !bycontents) {
        static const char *const all[] = { "*" };
        if ((rc = star ? gidx_fetch_query_select(q, p->x[head].dim, all, 1)
                       : gidx_fetch_query_select(q, p->x[head].dim, codes, ncodes)) != GIDX_OK)
            goto done;
    }
    if ((rc = gidx_fetch_query_years(q, from, to)) != GIDX_OK ||
        (p->x[head].url_filter != NULL &&
         (rc = gidx_fetch_query_filter(q, p->x[head].url_filter)) != GIDX_OK))
        goto done;
    jo.region_dim = "Region";
    jo.time_dim = "Tid";
    jo.variable_dim = p->x[head].dim != NULL ? p->x[head].dim : "ContentsCode";
    if ((rc = gidx_fetch_query_run(&ds, c, q, &jo)) != GIDX_OK)
        goto done;
    for (i = 0; i < p->n && rc == GIDX_OK; i++) {
        const char *src = p->items[i].contents, *only[32];
        size_t nonly = 0;
        if (group[i] != g)
            continue;
        if (p->x[i].dim != NULL && !p->x[i].sum &&
            (rc = category_of(&src, ds, &p->x[i], &p->items[i])) != GIDX_OK)
            break;
        if (p->x[i].labels != NULL &&
            (rc = labelled_all(only, sizeof only / sizeof only[0], &nonly, ds, &p->x[i],
                               &p->items[i])) != GIDX_OK)
            break;
        rc = set_from(out, ds, src, p->items[i].variable, p->x[i].sum,
                      p->x[i].labels != NULL ? only : NULL, nonly);
    }
    if (rc == GIDX_OK)
        rc = copy_provenance(out, ds, p->items[head].table);
done:
    gidx_dataset_free(ds);
    gidx_fetch_query_free(q);
    return rc;
}

static gidx_status run_plan_group(gidx_dataset *out, gidx_fetch_client *c,
                                  const gidx_fetch_plan *p, const size_t *group, size_t g,
                                  const char *const *regions, size_t nregions,
                                  const char *codelist, int from, int to)
{
    const char **contents = NULL, **codes = NULL;
    char **pre = NULL;
    size_t i, k, n = 0, ncodes = 0, head = p->n, nregions_q = 0;
    int star = 0, bycontents = 0;
    gidx_status rc = GIDX_OK;
    contents = gidx__calloc(p->n, sizeof *contents);
    codes = gidx__calloc(p->n, sizeof *codes);
    pre = gidx__calloc(nregions, sizeof *pre);
    if (contents == NULL || codes == NULL || pre == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < p->n; i++) {
        if (group[i] != g)
            continue;
        if (head == p->n)
            head = i;
        for (k = 0; k < n; k++)
            if (strcmp(contents[k], p->items[i].contents) == 0)
                break;
        if (k == n)
            contents[n++] = p->items[i].contents;
        if (p->x[i].code != NULL) {
            for (k = 0; k < ncodes; k++)
                if (strcmp(codes[k], p->x[i].code) == 0)
                    break;
            if (k == ncodes)
                codes[ncodes++] = p->x[i].code;
        } else if (p->x[i].label != NULL || p->x[i].labels != NULL) {
            star = 1;   /* a label: every category, found in the answer */
        }
    }
    /* A sum is over the codes the group selects, or over every category. */
    if (ncodes == 0)
        star = 1;
    if (p->x[head].dim != NULL && n > 1) {
        rc = gidx__error_set(GIDX_EINVAL, "fetch: table %s: records that select categories of %s "
                             "must share one ContentsCode (%s, %s)", p->items[head].table,
                             p->x[head].dim, contents[0], contents[1]);
        goto done;
    }
    {
        /* a record of one level (county/municipality) is asked for those
         * regions only; none of them: no request */
        size_t m = 0;
        for (k = 0; k < nregions; k++) {
            size_t len = strlen(regions[k]);
            if ((p->x[head].level == 2 && len != 2) || (p->x[head].level == 1 && len != 4))
                continue;
            if ((pre[m] = p->x[head].prefix ? prefixed(regions[k])
                                            : gidx__strdup(regions[k])) == NULL) {
                rc = GIDX_ENOMEM;
                goto done;
            }
            nregions_q = ++m;
        }
        if (m == 0)
            goto done;
    }
    bycontents = p->x[head].dim != NULL && strcmp(p->x[head].dim, "ContentsCode") == 0;
    if ((bycontents || strcmp(contents[0], "*") == 0) &&
        (n != 1 || strcmp(contents[0], "*") != 0 || p->x[head].dim == NULL)) {
        rc = gidx__error_set(GIDX_EINVAL, "fetch: table %s: ContentsCode \"*\" needs a dimension "
                             "naming the categories, and a record selecting categories of "
                             "ContentsCode needs \"contents\": \"*\"", p->items[head].table);
        goto done;
    }
    if (p->x[head].prefix && codelist == NULL &&
        (p->x[head].url_filter == NULL || strstr(p->x[head].url_filter, "codelist[Region]=") == NULL)) {
        /* SSB's aggregated region lists: municipalities "K-5001" are in
         * agg_KommSummer, counties "F-50" in agg_KommFylker (municipalities
         * summed to counties): one request per list that has regions */
        static const char *const lists[3][2] = { { "K-", "agg_KommSummer" },
                                                 { "F-", "agg_KommFylker" }, { "", NULL } };
        const char **sub = gidx__calloc(nregions_q, sizeof *sub);
        size_t l;
        if (sub == NULL) {
            rc = GIDX_ENOMEM;
            goto done;
        }
        for (l = 0; l < 3 && rc == GIDX_OK; l++) {
            size_t ns = 0;
            for (k = 0; k < nregions_q; k++) {
                int isk = strncmp(pre[k], "K-", 2) == 0, isf = strncmp(pre[k], "F-", 2) == 0;
                if ((l == 0 && isk) || (l == 1 && isf) || (l == 2 && !isk && !isf))
                    sub[ns++] = pre[k];
            }
            if (ns > 0)
                rc = run_pass(out, c, p, group, g, head, contents, n, codes, ncodes, star,
                              bycontents, sub, ns, lists[l][1], from, to);
        }
        free((void *)sub);
    } else {
        rc = run_pass(out, c, p, group, g, head, contents, n, codes, ncodes, star, bycontents,
                      (const char *const *)pre, nregions_q, codelist, from, to);
    }
done:
    for (k = 0; pre != NULL && k < nregions_q; k++)
        free(pre[k]);
    free(pre);
    free((void *)contents);
    free((void *)codes);
    return rc;
}

gidx_status gidx_fetch_plan_fetch(gidx_dataset **out, gidx_fetch_client *c,
                                  const gidx_fetch_plan *p, const char *const *regions,
                                  size_t nregions, const char *codelist, int from, int to,
                                  gidx_fetch_progress_fn progress, void *user)
{
    size_t *group = NULL, ngroups = 0, i, k;
    gidx_dataset *ds = NULL;
    gidx__buf tables = GIDX__BUF_INIT;
    gidx_status rc = GIDX_OK;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_fetch: out is NULL");
    *out = NULL;
    if (c == NULL || p == NULL || regions == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_fetch: NULL argument");
    if (p->n == 0 || nregions == 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: the plan needs at least one variable and one "
                               "region (%zu variables, %zu regions)", p->n, nregions);
    if (from > to)
        return gidx__error_set(GIDX_EINVAL, "fetch: years %d..%d are not a range", from, to);
    for (i = 0; i < p->n; i++)
        for (k = 0; k < i; k++)
            if (strcmp(p->items[k].variable, p->items[i].variable) == 0)
                return gidx__error_set(GIDX_EDUPLICATE, "fetch: variable %s is planned twice "
                                       "(records %zu and %zu)", p->items[i].variable, k + 1, i + 1);
    if ((group = gidx__calloc(p->n, sizeof *group)) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < p->n; i++) {
        for (k = 0; k < i; k++)
            if (same_group(p, k, i))
                break;
        group[i] = k < i ? group[k] : ngroups++;
    }
    if ((rc = gidx_dataset_new(&ds)) != GIDX_OK)
        goto done;
    for (k = 0; k < ngroups && rc == GIDX_OK; k++) {
        size_t nv = 0;
        const char *table = NULL;
        for (i = 0; i < p->n; i++)
            if (group[i] == k) {
                nv++;
                if (table == NULL)
                    table = p->items[i].table;
            }
        if (progress != NULL)
            progress(user, k, ngroups, table, nv);
        if ((rc = run_plan_group(ds, c, p, group, k, regions, nregions, codelist, from, to)) ==
            GIDX_OK && strstr(tables.s ? tables.s : "", table) == NULL) {
            /* a table asked (not skipped: a county-level record and no county) */
            gidx__buf key = GIDX__BUF_INIT;
            gidx__buf_printf(&key, "%s.url", table);
            if (key.failed)
                rc = GIDX_ENOMEM;
            else if (gidx_dataset_meta(ds, key.s) != NULL)
                gidx__buf_printf(&tables, "%s%s", tables.len ? "," : "", table);
            gidx__buf_free(&key);
        }
    }
    if (rc == GIDX_OK && tables.failed)
        rc = GIDX_ENOMEM;
    if (rc == GIDX_OK && (rc = gidx_dataset_set_meta(ds, "source", "Statistisk sentralbyrå "
                                                     "(SSB), PxWebApi v2")) == GIDX_OK &&
        (rc = gidx_dataset_set_meta(ds, "api", gidx__fetch_client_api(c))) == GIDX_OK)
        rc = gidx_dataset_set_meta(ds, "tables", tables.s ? tables.s : "");
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

gidx_status gidx_fetch_plan_default(gidx_fetch_plan **out)
{
    gidx_catalog *cat = NULL;
    char *json = NULL;
    size_t need = 0;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_plan_default: out is NULL");
    *out = NULL;
    if ((rc = gidx_catalog_default(&cat)) != GIDX_OK)
        return rc;
    gidx_catalog_render(NULL, 0, &need, cat, GIDX_IND_JSON);
    gidx_error_clear();
    if (need == 0 || (json = gidx__calloc(need, 1)) == NULL)
        rc = GIDX_ENOMEM;
    else if ((rc = gidx_catalog_render(json, need, NULL, cat, GIDX_IND_JSON)) == GIDX_OK)
        rc = gidx_fetch_plan_parse(out, json, strlen(json), "the default catalogue");
    free(json);
    gidx_catalog_free(cat);
    return rc;
}
