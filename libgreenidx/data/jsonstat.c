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

/* The largest panel a JSON-stat answer may describe: 2^23 = 8,388,608 cells,
 * ten times SSB's limit of 800,000 cells per query. A dataset takes about 72
 * bytes a cell (measured with massif), so this bounds the loader's memory at
 * about 0.6 GB; the product of "size" is checked before the document is
 * parsed, and a sparse "value" object must not make the loader walk 10^12
 * empty cells. */
#define MAX_CELLS ((size_t)1 << 23)

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

/*
 * The top-level "value" array is read from the text, not built as a JSON
 * tree: jansson spends about 32 bytes on each number (a json_t and a slot in
 * the array), four times the text, so a 200 MB answer took several times its
 * size before the first cell was stored (issue 19, item 6). The document is
 * first scanned lightly for its top-level keys; when "value" is an array of
 * numbers and nulls only, jansson parses the document with the array's
 * interior turned into spaces (line and column of its errors unchanged), and
 * the values are read one by one from the text while the cells are stored.
 * Anything unusual (another element type, bad syntax, escapes in the key)
 * leaves the whole document to jansson, as before.
 */
typedef struct vspan {
    const char *text;   /* interior of the "value" array (between [ and ]) */
    size_t len;
    size_t count;       /* elements */
    const gidx__text *src; /* the mapped file it is in, or NULL */
} vspan;

/* A parse that passes through a mapped file gives its pages back every
 * RELEASE_STEP bytes (gidx__text_release), so that the file's text is not
 * resident beside the dataset built from it. */
#define RELEASE_STEP ((size_t)4 << 20)

static void release_to(const gidx__text *src, const char *p)
{
    if (src != NULL)
        gidx__text_release(src, (size_t)(p - src->data));
}

static size_t js_ws(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* Index after the string that starts at s[i] == '"', or 0. */
static size_t js_string(const char *s, size_t i, size_t n)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return 0;
}

/* Index after the value that starts at s[i] (brackets counted, not matched:
 * jansson checks the document), or 0. */
static size_t js_value(const char *s, size_t i, size_t n)
{
    size_t depth = 0;
    if (i >= n)
        return 0;
    if (s[i] == '"')
        return js_string(s, i, n);
    if (s[i] != '{' && s[i] != '[') {
        while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
               s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            i++;
        return i;
    }
    for (; i < n; i++) {
        if (s[i] == '"') {
            size_t e = js_string(s, i, n);
            if (e == 0)
                return 0;
            i = e - 1;
        } else if (s[i] == '{' || s[i] == '[') {
            depth++;
        } else if (s[i] == '}' || s[i] == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return 0;
}

/* Length of the JSON number or null at s[i..n), 0 when it is neither; a
 * number too large for a double, or an integer of more than 18 digits
 * (jansson's integer), is left to jansson too. */
static size_t js_scalar(const char *s, size_t i, size_t n, int *isnull)
{
    size_t b = i, digits = 0;
    int frac = 0;
    *isnull = 0;
    if (n - i >= 4 && memcmp(s + i, "null", 4) == 0) {
        *isnull = 1;
        return 4;
    }
    if (i < n && s[i] == '-')
        i++;
    if (i < n && s[i] == '0') {
        i++;
        digits = 1;
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            i++;
            digits++;
        }
    }
    if (digits == 0)
        return 0;
    if (i < n && s[i] == '.') {
        size_t d = 0;
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            d++;
        if (d == 0)
            return 0;
        frac = 1;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t d = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            d++;
        if (d == 0)
            return 0;
        frac = 1;
    }
    if (!frac && digits > 18)
        return 0;
    if (frac) {
        char *end;
        double x = gidx__strtod(s + b, &end);
        if (end != s + i || !gidx__isfinite(x))
            return 0;
    }
    return i - b;
}

/* Count the elements of the array interior @p v; 0 when one is not a number
 * or null or the commas are wrong (jansson then parses the whole document). */
static int js_count(vspan *v)
{
    size_t i = js_ws(v->text, 0, v->len), k;
    int isnull;
    v->count = 0;
    if (i == v->len)
        return 1;
    for (;;) {
        if ((k = js_scalar(v->text, i, v->len, &isnull)) == 0)
            return 0;
        v->count++;
        i = js_ws(v->text, i + k, v->len);
        if (i == v->len)
            return 1;
        if (v->text[i] != ',')
            return 0;
        i = js_ws(v->text, i + 1, v->len);
    }
}

/* Find the top-level "value" array and "size" array of @p s; returns 1 when
 * the document's top level is an object whose keys could be walked. With
 * @p stop_at_size the walk ends at the first "size" array (its head is all
 * that is read when "size" comes first, as in SSB's answers). */
static int js_top(const char *s, size_t n, int stop_at_size, size_t *vb, size_t *ve, size_t *sb,
                  size_t *se)
{
    size_t i = js_ws(s, 0, n);
    *vb = *ve = *sb = *se = 0;
    if (i >= n || s[i] != '{')
        return 0;
    i = js_ws(s, i + 1, n);
    while (i < n && s[i] == '"') {
        size_t ke = js_string(s, i, n), b, e;
        int isv, iss;
        if (ke == 0)
            return 0;
        isv = ke - i == 7 && memcmp(s + i, "\"value\"", 7) == 0;
        iss = ke - i == 6 && memcmp(s + i, "\"size\"", 6) == 0;
        i = js_ws(s, ke, n);
        if (i >= n || s[i] != ':')
            return 0;
        b = js_ws(s, i + 1, n);
        if ((e = js_value(s, b, n)) == 0)
            return 0;
        if (isv && *ve == 0 && s[b] == '[') {
            *vb = b;
            *ve = e;
        }
        if (iss && *se == 0 && s[b] == '[') {
            *sb = b;
            *se = e;
            if (stop_at_size)
                return 1;
        }
        i = js_ws(s, e, n);
        if (i < n && s[i] == ',')
            i = js_ws(s, i + 1, n);
        else
            break;
    }
    return 1;
}

/* jansson reads the document through this: the bytes of @p s, with the
 * interior of the "value" array served as spaces (newlines kept). */
typedef struct js_feed {
    const char *s;
    size_t n, pos, blank_b, blank_e;
    const gidx__text *src;
    size_t released;
} js_feed;

static size_t js_feed_read(void *buffer, size_t buflen, void *data)
{
    js_feed *f = data;
    char *out = buffer;
    size_t k = f->n - f->pos < buflen ? f->n - f->pos : buflen, i;
    for (i = 0; i < k; i++) {
        size_t p = f->pos + i;
        char c = f->s[p];
        out[i] = (p >= f->blank_b && p < f->blank_e && c != '\n') ? ' ' : c;
    }
    f->pos += k;
    if (f->pos - f->released >= RELEASE_STEP) {
        release_to(f->src, f->s + f->pos);
        f->released = f->pos;
    }
    return k;
}

/* The next element of a streamed "value" interior, from *pos: 0 for null,
 * 1 for a number (in *x). */
static int js_next(const vspan *v, size_t *pos, double *x)
{
    size_t i = js_ws(v->text, *pos, v->len), k;
    int isnull;
    char tmp[64];
    k = js_scalar(v->text, i, v->len, &isnull);
    *pos = js_ws(v->text, i + k, v->len);
    if (*pos < v->len && v->text[*pos] == ',')
        (*pos)++;
    if (isnull)
        return 0;
    if (k >= sizeof tmp) {
        *x = gidx__strtod(v->text + i, NULL);   /* ends at ',' ']' or a space */
        return 1;
    }
    memcpy(tmp, v->text + i, k);
    tmp[k] = '\0';
    /* an integer is a json_integer to jansson, converted from long long
     * ("-0" is 0.0, not -0.0): the same here, bit for bit */
    if (strpbrk(tmp, ".eE") == NULL)
        *x = (double)strtoll(tmp, NULL, 10);
    else
        *x = gidx__strtod(tmp, NULL);
    return 1;
}

/* The "size" array's product against MAX_CELLS, before the document is
 * parsed; a "size" that is not an array of positive integers is left to
 * jsonstat_build to report. */
static gidx_status size_precheck(const char *text, size_t len, const char *name)
{
    json_error_t e;
    json_t *a = json_loadb(text, len, 0, &e), *v;
    size_t k, total = 1;
    gidx_status rc = GIDX_OK;
    if (!json_is_array(a)) {
        json_decref(a);
        return GIDX_OK;
    }
    json_array_foreach(a, k, v) {
        json_int_t z = json_is_integer(v) ? json_integer_value(v) : 0;
        if (z < 1 || z > 100000000)
            break;
        if (total > MAX_CELLS / (size_t)z) {
            rc = gidx__error_set(GIDX_ELIMIT, "%s: the sizes give more than %zu cells (the "
                                 "limit of a JSON-stat dataset); not parsed", name, MAX_CELLS);
            break;
        }
        total *= (size_t)z;
    }
    json_decref(a);
    return rc;
}

/* The cell index a sparse "value" or "status" key names: a decimal number
 * without leading zeros below @p total, or an error naming the key. */
static gidx_status sparse_key(size_t *n, const char *key, size_t total, const char *what,
                              const char *name)
{
    size_t v = 0, i;
    for (i = 0; key[i] >= '0' && key[i] <= '9' && i < 19; i++)
        v = v * 10 + (size_t)(key[i] - '0');
    if (i == 0 || key[i] != '\0' || (key[0] == '0' && i > 1) || v >= total)
        return gidx__error_set(GIDX_EDATA, "%s: \"%s\" key \"%s\" is not a cell index (0 to "
                               "%zu)", name, what, key, total - 1);
    *n = v;
    return GIDX_OK;
}

/*
 * The cells of a sparse "value" object (JSON-stat 2.0: "value" may be an
 * object keyed by the flat index, the cells it leaves out being missing):
 * only the cells it holds, and those a "status" object or array gives a
 * symbol for, are stored (issue 19: every cell of the panel was stored as
 * missing before, so a small sparse answer could cost the whole panel).
 * Absent cells read as missing all the same. The regions and years of the
 * dimensions are made known in their categories' order first, so that the
 * dataset lists them as a dense answer's would.
 */
static gidx_status sparse_cells(size_t **out, size_t *count, gidx_dataset *ds, json_t *value,
                                json_t *status, size_t total, const dim *dims, size_t rd,
                                size_t td, const char *name)
{
    size_t n = 0, k, cap = json_object_size(value) + 1;
    size_t *list;
    const char *key;
    json_t *jv;
    gidx_status rc;
    if (json_is_object(status))
        cap += json_object_size(status);
    else if (json_is_array(status))
        cap += json_array_size(status);
    if ((list = gidx__reallocarray(NULL, cap, sizeof *list)) == NULL)
        return GIDX_ENOMEM;
    for (k = 0; rd != (size_t)-1 && k < dims[rd].size; k++) {
        const char *r = strip_region(dims[rd].codes[k]);
        if (r[0] != '\0' && (rc = gidx__dataset_intern(ds, r, 0)) != GIDX_OK)
            goto fail;
    }
    for (k = 0; k < dims[td].size; k++)
        if ((rc = gidx__dataset_intern(ds, NULL, atoi(dims[td].codes[k]))) != GIDX_OK)
            goto fail;
    json_object_foreach(value, key, jv) {
        if ((rc = sparse_key(&list[n], key, total, "value", name)) != GIDX_OK)
            goto fail;
        n++;
    }
    if (json_is_object(status)) {
        json_object_foreach(status, key, jv) {
            if ((rc = sparse_key(&list[n], key, total, "status", name)) != GIDX_OK)
                goto fail;
            if (json_is_string(jv) && json_object_get(value, key) == NULL)
                n++;
        }
    } else if (json_is_array(status)) {
        for (k = 0; k < json_array_size(status) && k < total; k++) {
            char ks[32];
            snprintf(ks, sizeof ks, "%zu", k);
            if (json_is_string(json_array_get(status, k)) && json_object_get(value, ks) == NULL)
                list[n++] = k;
        }
    }
    *out = list;
    *count = n;
    return GIDX_OK;
fail:
    free(list);
    return rc;
}

static gidx_status jsonstat_build(gidx_dataset *ds, json_t *root, const char *name,
                                  const gidx_jsonstat_options *o, const vspan *vs)
{
    size_t vpos = 0, vrel = 0;
    json_t *ids = json_object_get(root, "id"), *sizes = json_object_get(root, "size");
    json_t *dimobj = json_object_get(root, "dimension"), *value = json_object_get(root, "value");
    json_t *status = json_object_get(root, "status"), *cls = json_object_get(root, "class");
    dim *dims = NULL;
    size_t nd, k, n, total = 1, rd = (size_t)-1, td, vd = (size_t)-1, it, count;
    size_t *stride = NULL, *pos = NULL, *present = NULL;
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
        size_t nv = vs != NULL ? vs->count : json_array_size(value);
        if (nv != total) {
            rc = gidx__error_set(GIDX_EDATA, "%s: \"value\" has %zu entries but the sizes give %zu",
                                 name, nv, total);
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

    count = total;
    if (json_is_object(value) && (rc = sparse_cells(&present, &count, ds, value, status, total,
                                                     dims, rd, td, name)) != GIDX_OK)
        goto done;
    for (it = 0; it < count; it++) {
        json_t *jv = NULL, *js = NULL;
        const char *region, *sym = NULL;
        int year, flag, kind;
        double x = 0, xv = 0;
        char key[32];
        size_t rem;
        n = present != NULL ? present[it] : it;
        rem = n;
        for (k = 0; k < nd; k++) {
            pos[k] = rem / stride[k];
            rem %= stride[k];
        }
        snprintf(key, sizeof key, "%zu", n);
        if (vs != NULL) {
            kind = js_next(vs, &vpos, &xv);   /* checked by js_count: number or null */
            if (vpos - vrel >= RELEASE_STEP) {
                release_to(vs->src, vs->text + vpos);
                vrel = vpos;
            }
        } else {
            jv = json_is_array(value) ? json_array_get(value, n) : json_object_get(value, key);
            kind = (jv == NULL || json_is_null(jv)) ? 0 : json_is_number(jv) ? 1 : 2;
            if (kind == 1)
                xv = json_number_value(jv);
        }
        if (json_is_string(status)) js = status;
        else if (json_is_array(status)) js = json_array_get(status, n);
        else if (json_is_object(status)) js = json_object_get(status, key);
        if (js != NULL && json_is_string(js))
            sym = json_string_value(js);
        if (kind == 0) {
            int f = status_flag(sym);
            flag = f > 0 ? f : GIDX_FLAG_MISSING;
        } else if (kind == 1) {
            int f = status_flag(sym);
            x = xv;
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
    free(present);
    gidx__buf_free(&var);
    return rc;
}

/* The loader on text in memory; @p src is the mapped file the text is, or
 * NULL (then nothing is given back). */
static gidx_status load_text(gidx_dataset **out, const char *buf, size_t len, const char *name,
                             const gidx_jsonstat_options *opt, const gidx__text *src)
{
    gidx_jsonstat_options o = GIDX_JSONSTAT_OPTIONS_INIT;
    json_error_t err;
    json_t *root;
    gidx_dataset *ds = NULL;
    gidx_status rc;
    vspan vs = { NULL, 0, 0, NULL };
    int streamed = 0;
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
    if (buf == NULL)
        buf = "";
    {
        /* the product of "size" before anything is built (issue 19), wherever
         * "size" is in the document, also when the walk stops later at
         * something it cannot read: a huge panel is refused with only the
         * text in memory (and a mapped file's pages given back) */
        size_t vb, ve, sb, se;
        int walked, checked;
        /* first up to "size" only: when it comes first (SSB's answers), a
         * mapped file over the limit is refused having read its head */
        js_top(buf, len, 1, &vb, &ve, &sb, &se);
        checked = se > sb;
        if (checked && (rc = size_precheck(buf + sb, se - sb, name)) != GIDX_OK) {
            release_to(src, buf + len);
            return rc;
        }
        walked = js_top(buf, len, 0, &vb, &ve, &sb, &se);
        release_to(src, buf + len);
        if (!checked && se > sb && (rc = size_precheck(buf + sb, se - sb, name)) != GIDX_OK)
            return rc;
        if (walked && ve > vb + 1) {
            vs.text = buf + vb + 1;
            vs.len = ve - vb - 2;
            vs.src = src;
            if (js_count(&vs))
                streamed = 1;
            release_to(src, buf + len);
        }
    }
    if (streamed) {
        js_feed f = { buf, len, 0, 0, 0, NULL, 0 };
        f.src = src;
        f.blank_b = (size_t)(vs.text - buf);
        f.blank_e = f.blank_b + vs.len;
        root = json_load_callback(js_feed_read, &f, JSON_REJECT_DUPLICATES, &err);
    } else {
        root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
    }
    if (root == NULL) {
        /* jansson reports running out of memory without a position (the
         * message was an empty "table HUGE:-1:-1:"): say so, with the size */
        if (err.text[0] == '\0' || json_error_code(&err) == json_error_out_of_memory)
            return gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes of JSON could not be parsed (out of "
                                   "memory%s%s)", name, len, err.text[0] ? ": " : "", err.text);
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, err.line, err.column, err.text);
    }
    if ((rc = gidx_dataset_new(&ds)) == GIDX_OK &&
        (rc = jsonstat_build(ds, root, name, &o, streamed ? &vs : NULL)) == GIDX_OK) {
        *out = ds;
        ds = NULL;
    }
    if (rc == GIDX_ENOMEM) {
        /* the input is too large for the memory there is: a data limit
         * (exit 2), like jansson running out above, with the cause kept */
        char why[256];
        snprintf(why, sizeof why, "%s", gidx_error_last()->message);
        rc = gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes of JSON-stat could not be loaded (out of "
                             "memory%s%s)", name, len, why[0] ? ": " : "", why);
    }
    gidx_dataset_free(ds);
    json_decref(root);
    return rc;
}

gidx_status gidx_dataset_load_jsonstat_buffer(gidx_dataset **out, const char *buf, size_t len,
                                              const char *name, const gidx_jsonstat_options *opt)
{
    return load_text(out, buf, len, name, opt, NULL);
}

gidx_status gidx_dataset_load_jsonstat(gidx_dataset **out, const char *path,
                                       const gidx_jsonstat_options *opt)
{
    gidx__text text;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_jsonstat: path is NULL");
    /* a regular file is mapped, not read: the size check walks it without a
     * copy, and the parse gives its pages back as it goes */
    if ((rc = gidx__text_open(&text, path, (size_t)1 << 30)) != GIDX_OK)
        return rc;
    rc = load_text(out, text.data, text.len, path, opt, &text);
    gidx__text_close(&text);
    return rc;
}
