/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * JSON-stat 2.0 datasets (the answer format of SSB's statistics-bank API)
 * into a dataset, parsed with jansson.
 *
 * Format: JSON-stat 2.0 specification, https://json-stat.org/format/ —
 * "id" and "size" give the dimensions in order; "value" is a dense array in
 * row-major order (the last dimension varies fastest) or a sparse object
 * keyed by the flat index; "status" is a string for all cells, an array, or
 * a sparse object; a category's "index" is an array of ids or an object
 * id -> position. SSB's symbols: StatBank Norway, "Symbols in tables"
 * (".." confidential, "." not applicable, ":" not published, "-" nil).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

/* A dense panel of 2^25 cells already needs about 2 GB as a dataset; a
 * sparse "value" object must not make the loader walk 10^12 empty cells. */
#define MAX_CELLS ((size_t)1 << 25)

typedef struct dim {
    const char *id;
    size_t size;
    const char **codes;   /* by position; borrowed from the JSON tree */
} dim;

static gidx_status fail_shape(const char *name, const char *what)
{
    return gidx__error_set(GIDX_EPARSE, "%s: not a JSON-stat 2.0 dataset: %s", name, what);
}

/* Category codes of one dimension, by position. */
static gidx_status read_dim(dim *d, json_t *dims, const char *name)
{
    json_t *jd = json_object_get(dims, d->id), *cat, *index, *label;
    size_t k;
    if (!json_is_object(jd))
        return gidx__error_set(GIDX_EPARSE, "%s: dimension \"%s\" is listed in \"id\" but not "
                               "described in \"dimension\"", name, d->id);
    cat = json_object_get(jd, "category");
    if (!json_is_object(cat))
        return gidx__error_set(GIDX_EPARSE, "%s: dimension \"%s\" has no \"category\"", name, d->id);
    d->codes = gidx__calloc(d->size ? d->size : 1, sizeof *d->codes);
    if (d->codes == NULL)
        return GIDX_ENOMEM;
    index = json_object_get(cat, "index");
    label = json_object_get(cat, "label");
    if (json_is_array(index)) {
        if (json_array_size(index) != d->size)
            return gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": %zu categories but size %zu",
                                   name, d->id, json_array_size(index), d->size);
        for (k = 0; k < d->size; k++) {
            json_t *c = json_array_get(index, k);
            if (!json_is_string(c))
                return gidx__error_set(GIDX_EPARSE, "%s: dimension \"%s\": category %zu is not a "
                                       "string", name, d->id, k);
            d->codes[k] = json_string_value(c);
        }
    } else if (json_is_object(index)) {
        const char *key;
        json_t *pos;
        if (json_object_size(index) != d->size)
            return gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": %zu categories but size %zu",
                                   name, d->id, json_object_size(index), d->size);
        json_object_foreach(index, key, pos) {
            json_int_t p;
            if (!json_is_integer(pos) || (p = json_integer_value(pos)) < 0 ||
                (size_t)p >= d->size || d->codes[p] != NULL)
                return gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": category \"%s\" has an "
                                       "invalid or repeated position", name, d->id, key);
            d->codes[p] = key;
        }
    } else if (index == NULL && d->size == 1 && json_is_object(label) &&
               json_object_size(label) == 1) {
        /* A single category may be given by its label only. */
        d->codes[0] = json_object_iter_key(json_object_iter(label));
    } else {
        return gidx__error_set(GIDX_EPARSE, "%s: dimension \"%s\" has no category index", name, d->id);
    }
    return GIDX_OK;
}

/* SSB writes region codes "K-5001" (municipality) and "F-50" (county). */
static const char *strip_region(const char *c)
{
    if ((c[0] == 'K' || c[0] == 'F') && c[1] == '-' && c[2] != '\0')
        return c + 2;
    return c;
}

static int status_flag(const char *s)
{
    int f;
    if (s == NULL)
        return -1;
    f = gidx__symbol_flag(s);
    return f;
}

static const char *role_dim(json_t *root, const char *role)
{
    json_t *r = json_object_get(json_object_get(root, "role"), role);
    if (json_is_array(r) && json_array_size(r) > 0 && json_is_string(json_array_get(r, 0)))
        return json_string_value(json_array_get(r, 0));
    return NULL;
}

static gidx_status find_dim(size_t *k, const dim *dims, size_t nd, const char *id, const char *name)
{
    size_t j;
    for (j = 0; j < nd; j++)
        if (strcmp(dims[j].id, id) == 0) {
            *k = j;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "%s: no dimension \"%s\"", name, id);
}

static gidx_status jsonstat_build(gidx_dataset *ds, json_t *root, const char *name,
                                  const gidx_jsonstat_options *o)
{
    json_t *ids = json_object_get(root, "id"), *sizes = json_object_get(root, "size");
    json_t *dimobj = json_object_get(root, "dimension"), *value = json_object_get(root, "value");
    json_t *status = json_object_get(root, "status"), *cls = json_object_get(root, "class");
    dim *dims = NULL;
    size_t nd, k, n, total = 1, rd = (size_t)-1, td, vd = (size_t)-1;
    size_t *stride = NULL, *pos = NULL;
    int *isvar = NULL;
    gidx__buf var = GIDX__BUF_INIT;
    const char *rname, *tname;
    gidx_status rc = GIDX_OK;

    if (!json_is_object(root))
        return fail_shape(name, "the top level is not an object");
    if (cls != NULL && (!json_is_string(cls) || strcmp(json_string_value(cls), "dataset") != 0))
        return fail_shape(name, "\"class\" is not \"dataset\" (a bundle or collection?)");
    if (!json_is_array(ids) || !json_is_array(sizes) || !json_is_object(dimobj))
        return fail_shape(name, "\"id\", \"size\" or \"dimension\" is missing");
    nd = json_array_size(ids);
    if (nd == 0 || json_array_size(sizes) != nd)
        return fail_shape(name, "\"id\" and \"size\" differ in length or are empty");
    dims = gidx__calloc(nd, sizeof *dims);
    stride = gidx__calloc(nd, sizeof *stride);
    pos = gidx__calloc(nd, sizeof *pos);
    isvar = gidx__calloc(nd, sizeof *isvar);
    if (dims == NULL || stride == NULL || pos == NULL || isvar == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (k = 0; k < nd; k++) {
        json_t *id = json_array_get(ids, k), *sz = json_array_get(sizes, k);
        if (!json_is_string(id) || !json_is_integer(sz) || json_integer_value(sz) < 1 ||
            json_integer_value(sz) > 100000000) {
            rc = fail_shape(name, "an \"id\" is not a string or a \"size\" not a positive integer");
            goto done;
        }
        dims[k].id = json_string_value(id);
        dims[k].size = (size_t)json_integer_value(sz);
        if (total > MAX_CELLS / dims[k].size) {
            rc = gidx__error_set(GIDX_ELIMIT, "%s: the sizes give more than %zu cells", name,
                                 MAX_CELLS);
            goto done;
        }
        total *= dims[k].size;
    }
    for (k = 0; k < nd; k++)
        if ((rc = read_dim(&dims[k], dimobj, name)) != GIDX_OK)
            goto done;
    stride[nd - 1] = 1;
    for (k = nd - 1; k > 0; k--)
        stride[k - 1] = stride[k] * dims[k].size;

    /* Which dimension is what. */
    rname = o->region_dim ? o->region_dim : role_dim(root, "geo");
    tname = o->time_dim ? o->time_dim : role_dim(root, "time");
    if (rname != NULL && (rc = find_dim(&rd, dims, nd, rname, name)) != GIDX_OK)
        goto done;
    if (tname == NULL) {
        rc = gidx__error_set(GIDX_ENOTFOUND, "%s: no time dimension (no role \"time\"; set "
                             "time_dim)", name);
        goto done;
    }
    if ((rc = find_dim(&td, dims, nd, tname, name)) != GIDX_OK)
        goto done;
    if (td == rd) {
        rc = gidx__error_set(GIDX_EINVAL, "%s: dimension \"%s\" cannot be both region and time",
                             name, tname);
        goto done;
    }
    if (rd == (size_t)-1 && (o->region == NULL || o->region[0] == '\0')) {
        rc = gidx__error_set(GIDX_EINVAL, "%s: no region dimension (no role \"geo\"; set "
                             "region_dim or region)", name);
        goto done;
    }
    if (o->variable_dim != NULL) {
        if ((rc = find_dim(&vd, dims, nd, o->variable_dim, name)) != GIDX_OK)
            goto done;
        if (vd == rd || vd == td) {
            rc = gidx__error_set(GIDX_EINVAL, "%s: dimension \"%s\" is already region or time",
                                 name, o->variable_dim);
            goto done;
        }
        isvar[vd] = 1;
        for (k = 0; k < nd; k++)
            if (k != rd && k != td && k != vd && dims[k].size > 1) {
                rc = gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\" has %zu categories but is "
                                     "not mapped (leave variable_dim unset to name variables "
                                     "by all remaining dimensions)", name, dims[k].id,
                                     dims[k].size);
                goto done;
            }
    } else {
        size_t nbig = 0, nrest = 0;
        for (k = 0; k < nd; k++)
            if (k != rd && k != td) {
                nrest++;
                if (dims[k].size > 1) {
                    isvar[k] = 1;
                    nbig++;
                }
            }
        if (nbig == 0 && o->variable == NULL)
            for (k = 0; k < nd; k++)
                if (k != rd && k != td)
                    isvar[k] = 1;
    }
    /* Years. */
    for (k = 0; k < dims[td].size; k++) {
        const char *c = dims[td].codes[k];
        size_t j;
        for (j = 0; c[j] >= '0' && c[j] <= '9'; j++)
            ;
        if (j != 4 || c[j] != '\0' || strcmp(c, "0000") == 0) {
            rc = gidx__error_set(GIDX_EDATA, "%s: time category \"%s\" of dimension \"%s\" is not "
                                 "a year (quarters and months are not supported)", name, c,
                                 dims[td].id);
            goto done;
        }
    }
    if (json_is_array(value)) {
        if (json_array_size(value) != total) {
            rc = gidx__error_set(GIDX_EDATA, "%s: \"value\" has %zu entries but the sizes give %zu",
                                 name, json_array_size(value), total);
            goto done;
        }
    } else if (!json_is_object(value)) {
        rc = fail_shape(name, "\"value\" is neither an array nor an object");
        goto done;
    }
    if (status != NULL && !json_is_string(status) && !json_is_array(status) &&
        !json_is_object(status)) {
        rc = fail_shape(name, "\"status\" is not a string, array or object");
        goto done;
    }

    for (n = 0; n < total; n++) {
        json_t *jv, *js = NULL;
        const char *region, *sym = NULL;
        int year, flag;
        double x = 0;
        char key[32];
        size_t rem = n;
        for (k = 0; k < nd; k++) {
            pos[k] = rem / stride[k];
            rem %= stride[k];
        }
        snprintf(key, sizeof key, "%zu", n);
        jv = json_is_array(value) ? json_array_get(value, n) : json_object_get(value, key);
        if (json_is_string(status)) js = status;
        else if (json_is_array(status)) js = json_array_get(status, n);
        else if (json_is_object(status)) js = json_object_get(status, key);
        if (js != NULL && json_is_string(js))
            sym = json_string_value(js);
        if (jv == NULL || json_is_null(jv)) {
            int f = status_flag(sym);
            flag = f > 0 ? f : GIDX_FLAG_MISSING;
        } else if (json_is_number(jv)) {
            int f = status_flag(sym);
            x = json_number_value(jv);
            flag = f > 0 ? f : GIDX_FLAG_OK;
        } else {
            rc = gidx__error_set(GIDX_EDATA, "%s: value %zu is neither a number nor null", name, n);
            goto done;
        }
        region = rd != (size_t)-1 ? strip_region(dims[rd].codes[pos[rd]]) : o->region;
        year = atoi(dims[td].codes[pos[td]]);
        var.len = 0;
        if (var.s) var.s[0] = '\0';
        for (k = 0; k < nd; k++)
            if (isvar[k])
                gidx__buf_printf(&var, "%s%s", var.len ? "." : "", dims[k].codes[pos[k]]);
        if (var.len == 0)
            gidx__buf_puts(&var, o->variable ? o->variable : "value");
        if (var.failed) {
            rc = GIDX_ENOMEM;
            goto done;
        }
        if (gidx_dataset_has(ds, region, year, var.s)) {
            rc = gidx__error_set(GIDX_EDUPLICATE, "%s: region %s, year %d, variable %s occurs "
                                 "twice (value %zu)", name, region, year, var.s, n);
            goto done;
        }
        if ((rc = gidx_dataset_set(ds, region, year, var.s, x, flag)) != GIDX_OK) {
            gidx__error_prefix("%s: value %zu: ", name, n);
            goto done;
        }
    }
    {
        static const char *const mk[] = { "label", "source", "updated" };
        json_t *tab = json_object_get(json_object_get(json_object_get(root, "extension"), "px"),
                                      "tableid");
        for (k = 0; k < 3; k++) {
            json_t *m = json_object_get(root, mk[k]);
            if (json_is_string(m) && (rc = gidx_dataset_set_meta(ds, mk[k], json_string_value(m))) !=
                GIDX_OK)
                goto done;
        }
        if (json_is_string(tab) && (rc = gidx_dataset_set_meta(ds, "table", json_string_value(tab))) !=
            GIDX_OK)
            goto done;
        if ((rc = gidx_dataset_set_meta(ds, "file", name)) != GIDX_OK)
            goto done;
        /* The labels of the variable dimensions' categories, as metadata
         * "category.CODE" (e.g. "category.5" = "Elektrisitet"), so that a
         * caller can find a category by the label the publisher gives it. */
        for (k = 0; k < nd && rc == GIDX_OK; k++) {
            json_t *labels;
            size_t c;
            if (!isvar[k])
                continue;
            labels = json_object_get(json_object_get(json_object_get(dimobj, dims[k].id),
                                                     "category"), "label");
            for (c = 0; c < dims[k].size && rc == GIDX_OK; c++) {
                json_t *l = json_object_get(labels, dims[k].codes[c]);
                gidx__buf key = GIDX__BUF_INIT;
                if (!json_is_string(l))
                    continue;
                gidx__buf_printf(&key, "category.%s", dims[k].codes[c]);
                rc = key.failed ? GIDX_ENOMEM : gidx_dataset_set_meta(ds, key.s, json_string_value(l));
                gidx__buf_free(&key);
            }
        }
        if (rc != GIDX_OK)
            goto done;
    }
done:
    if (dims != NULL)
        for (k = 0; k < nd; k++)
            free(dims[k].codes);
    free(dims);
    free(stride);
    free(pos);
    free(isvar);
    gidx__buf_free(&var);
    return rc;
}

gidx_status gidx_dataset_load_jsonstat_buffer(gidx_dataset **out, const char *buf, size_t len,
                                              const char *name, const gidx_jsonstat_options *opt)
{
    gidx_jsonstat_options o = GIDX_JSONSTAT_OPTIONS_INIT;
    json_error_t err;
    json_t *root;
    gidx_dataset *ds = NULL;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat_buffer: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat_buffer: buf is NULL");
    if (name == NULL)
        name = "<memory>";
    if (opt != NULL)
        o = *opt;
    if (o.version != 1)
        return gidx__error_set(GIDX_EINVAL, "%s: gidx_jsonstat_options.version must be 1", name);
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    root = json_loadb(buf ? buf : "", len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) {
        /* jansson reports running out of memory without a position (the
         * message was an empty "table HUGE:-1:-1:"): say so, with the size */
        if (err.text[0] == '\0' || json_error_code(&err) == json_error_out_of_memory)
            return gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes of JSON could not be parsed (out of "
                                   "memory%s%s)", name, len, err.text[0] ? ": " : "", err.text);
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, err.line, err.column, err.text);
    }
    if ((rc = gidx_dataset_new(&ds)) == GIDX_OK &&
        (rc = jsonstat_build(ds, root, name, &o)) == GIDX_OK) {
        *out = ds;
        ds = NULL;
    }
    gidx_dataset_free(ds);
    json_decref(root);
    return rc;
}

gidx_status gidx_dataset_load_jsonstat(gidx_dataset **out, const char *path,
                                       const gidx_jsonstat_options *opt)
{
    char *data = NULL;
    size_t len = 0;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat: path is NULL");
    if ((rc = gidx__read_file(&data, &len, path, (size_t)1 << 30)) != GIDX_OK)
        return rc;
    rc = gidx_dataset_load_jsonstat_buffer(out, data, len, path, opt);
    free(data);
    return rc;
}
