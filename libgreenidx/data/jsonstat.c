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
 * ten times SSB's limit of 800,000 cells per query. A dense panel takes
 * about 8 bytes a cell in the dataset (dataset.c), so this bounds the
 * loader's memory at about 70 MB; the product of "size" is checked before the document is
 * parsed, and a sparse "value" object must not make the loader walk 10^12
 * empty cells. */
#define MAX_CELLS ((size_t)1 << 23)

typedef struct dim {
    const char *id;
    size_t size;
    const char **codes;   /* by position; borrowed from the JSON tree or arena */
    char *arena;          /* the codes of an index read from the text */
} dim;

/* A span [b, e) of the document's text; e == 0 when there is none. */
typedef struct jspan {
    size_t b, e;
} jspan;

/*
 * A dimension's category "index" and "label" of plain strings (ASCII, no
 * escapes or control characters) are not given to jansson, whose tree costs
 * about 100 bytes an entry, five to eight times the text (issue 19: 16,000
 * regions of a sparse answer took 1.2 MB in the tree): their interiors are
 * served to it as spaces, the index is read from the text into one block,
 * and a label object is parsed alone when it is needed (the labels of the
 * variable dimensions, kept as metadata). Smaller ones stay in the tree.
 */
#define DEFER_MIN 1024

typedef struct deferred {
    jspan key;            /* the dimension's id, quotes included */
    jspan index, label;   /* the values of "index" and "label", or e == 0 */
} deferred;

static gidx_status fail_shape(const char *name, const char *what)
{
    return gidx__error_set(GIDX_EPARSE, "%s: not a JSON-stat 2.0 dataset: %s", name, what);
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
 * numbers and nulls only, or a sparse object of such keyed by plain digit
 * strings, jansson parses the document with its interior turned into spaces
 * (line and column of its errors unchanged), and the values are read one by
 * one from the text while the cells are stored (a sparse object's tree took
 * about 150 bytes a member, eight times its text). Anything unusual (another
 * element type, bad syntax, escapes in the key) leaves the value to jansson,
 * as before. Large category indices are read from the text too (DEFER_MIN).
 */
typedef struct vspan {
    const char *text;   /* interior of the "value" array or object (between the brackets) */
    size_t len;
    size_t count;       /* elements, or members of an object */
    const gidx__text *src; /* the mapped file it is in, or NULL */
    int object;         /* a sparse "value" object: "index": number or null */
} vspan;

/* A parse that passes through a mapped file gives its pages back every
 * RELEASE_STEP bytes (gidx__text_release), so that the file's text is not
 * resident beside the dataset built from it. */
#define RELEASE_STEP ((size_t)64 << 10)

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

/* The key of a sparse "value" member at text[i] == '"': a plain string of
 * at most 19 digits (sparse_key checks it as a cell index); the index after
 * it, or 0. */
static size_t js_digit_key(const char *t, size_t i, size_t n)
{
    size_t j;
    if (i >= n || t[i] != '"')
        return 0;
    for (j = i + 1; j < n && t[j] >= '0' && t[j] <= '9'; j++)
        ;
    if (j == i + 1 || j - i - 1 > 19 || j >= n || t[j] != '"')
        return 0;
    return j + 1;
}

/* Count the elements of the array interior @p v (or the members of the
 * object interior, keys of digits only); 0 when one is not a number or null
 * or the punctuation is wrong (jansson then parses the whole document). */
static int js_count(vspan *v)
{
    size_t i = js_ws(v->text, 0, v->len), k;
    int isnull;
    v->count = 0;
    if (i == v->len)
        return 1;
    for (;;) {
        if (v->object) {
            if ((k = js_digit_key(v->text, i, v->len)) == 0)
                return 0;
            i = js_ws(v->text, k, v->len);
            if (i >= v->len || v->text[i] != ':')
                return 0;
            i = js_ws(v->text, i + 1, v->len);
        }
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

/* Whether the string s[kb..ke) (quotes included) is "@p key". */
static int key_is(const char *s, size_t kb, size_t ke, const char *key)
{
    size_t n = strlen(key);
    return ke - kb == n + 2 && memcmp(s + kb + 1, key, n) == 0;
}

/* The members of the object whose '{' is at s[b], in turn: start with
 * *i = 0; 1 gives the next member's key span (quotes included) and value
 * span, 0 the end (no further '"'), -1 something the walk cannot read. */
static int js_obj_next(const char *s, size_t b, size_t n, size_t *i, size_t *kb, size_t *ke,
                       size_t *vb, size_t *ve)
{
    size_t p = *i ? *i : js_ws(s, b + 1, n);
    if (p >= n || s[p] != '"')
        return 0;
    *kb = p;
    if ((*ke = js_string(s, p, n)) == 0)
        return -1;
    p = js_ws(s, *ke, n);
    if (p >= n || s[p] != ':')
        return -1;
    *vb = js_ws(s, p + 1, n);
    if ((*ve = js_value(s, *vb, n)) == 0)
        return -1;
    p = js_ws(s, *ve, n);
    if (p < n && s[p] == ',')
        p = js_ws(s, p + 1, n);
    else
        p = n;   /* the last member */
    *i = p;
    return 1;
}

/* The top-level "value" (an array or an object), "size" and "dimension" of
 * the document: 1 when its top level is an object whose members could be
 * walked. With @p stop_at_size the walk ends at the first "size" array (its
 * head is all that is read when "size" comes first, as in SSB's answers). */
typedef struct js_spans {
    jspan value, size, dimension;
} js_spans;

static int js_top(const char *s, size_t n, int stop_at_size, js_spans *sp)
{
    size_t b = js_ws(s, 0, n), i = 0, kb, ke, vb, ve;
    int r;
    memset(sp, 0, sizeof *sp);
    if (b >= n || s[b] != '{')
        return 0;
    while ((r = js_obj_next(s, b, n, &i, &kb, &ke, &vb, &ve)) == 1) {
        if (key_is(s, kb, ke, "value") && sp->value.e == 0 && (s[vb] == '[' || s[vb] == '{')) {
            sp->value.b = vb;
            sp->value.e = ve;
        } else if (key_is(s, kb, ke, "size") && sp->size.e == 0 && s[vb] == '[') {
            sp->size.b = vb;
            sp->size.e = ve;
            if (stop_at_size)
                return 1;
        } else if (key_is(s, kb, ke, "dimension") && sp->dimension.e == 0 && s[vb] == '{') {
            sp->dimension.b = vb;
            sp->dimension.e = ve;
        }
    }
    return r == 0;
}

/* The first member @p key of the object at @p obj, in *out; 0 when absent. */
static int js_member(const char *s, jspan obj, const char *key, jspan *out)
{
    size_t i = 0, kb, ke, vb, ve;
    out->b = out->e = 0;
    while (js_obj_next(s, obj.b, obj.e, &i, &kb, &ke, &vb, &ve) == 1)
        if (key_is(s, kb, ke, key)) {
            out->b = vb;
            out->e = ve;
            return 1;
        }
    return 0;
}

/* Index after the plain string (printable ASCII, no escape) at s[i] == '"',
 * or 0. */
static size_t plain_string(const char *s, size_t i, size_t e)
{
    for (i++; i < e; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            return i + 1;
        if (c == '\\' || c < 0x20 || c >= 0x7f)
            return 0;
    }
    return 0;
}

/* The entries of a plain array of strings or object of strings to strings
 * or positions (integers of at most 9 digits, no leading zero) between the
 * brackets of @p sp. plain_next: 1 with the key (quotes excluded) and *pos
 * (-1 for a string or an array entry), 0 at the end, -1 when the text is
 * not of that plain form. */
typedef struct plain_it {
    const char *s;
    size_t i, e;
    int array, started;
} plain_it;

static void plain_start(plain_it *it, const char *s, jspan sp)
{
    it->s = s;
    it->i = sp.b + 1;
    it->e = sp.e - 1;
    it->array = s[sp.b] == '[';
    it->started = 0;
}

static int plain_next(plain_it *it, size_t *kb, size_t *ke, long *pos)
{
    const char *s = it->s;
    size_t i = js_ws(s, it->i, it->e), j;
    if (i >= it->e)
        return 0;
    if (it->started) {
        if (s[i] != ',')
            return -1;
        i = js_ws(s, i + 1, it->e);
    }
    if (i >= it->e || s[i] != '"' || (j = plain_string(s, i, it->e)) == 0)
        return -1;
    *kb = i + 1;
    *ke = j - 1;
    *pos = -1;
    i = j;
    if (!it->array) {
        i = js_ws(s, i, it->e);
        if (i >= it->e || s[i] != ':')
            return -1;
        i = js_ws(s, i + 1, it->e);
        if (i < it->e && s[i] == '"') {
            if ((j = plain_string(s, i, it->e)) == 0)
                return -1;
            i = j;
        } else {
            size_t d = 0;
            long v = 0;
            for (; i < it->e && s[i] >= '0' && s[i] <= '9'; i++, d++)
                if (d < 9)   /* more digits are refused below */
                    v = v * 10 + (s[i] - '0');
            if (d == 0 || d > 9 || (d > 1 && s[i - d] == '0'))
                return -1;
            if (i < it->e && s[i] != ',' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
                s[i] != '\r')
                return -1;
            *pos = v;
        }
    }
    it->i = i;
    it->started = 1;
    return 1;
}

/* Whether @p sp is a plain index (@p index: strings, or strings to
 * positions) or a plain label object (strings to strings). */
static int plain_ok(const char *s, jspan sp, int index)
{
    plain_it it;
    size_t kb, ke;
    long pos;
    int r;
    if (s[sp.b] != '{' && !(index && s[sp.b] == '['))
        return 0;
    plain_start(&it, s, sp);
    while ((r = plain_next(&it, &kb, &ke, &pos)) == 1)
        if (!it.array && (pos >= 0) != index)
            return 0;
    return r == 0;
}

/* The dimensions whose category index (and label) are large and plain, in
 * *out (see DEFER_MIN). */
static gidx_status find_deferred(deferred **out, size_t *count, const char *s, jspan dimension)
{
    size_t i = 0, kb, ke, vb, ve, cap = 0;
    deferred *list = NULL;
    *out = NULL;
    *count = 0;
    while (js_obj_next(s, dimension.b, dimension.e, &i, &kb, &ke, &vb, &ve) == 1) {
        jspan one = { vb, ve }, cat, index, label;
        deferred d;
        if (s[vb] != '{' || memchr(s + kb, '\\', ke - kb) != NULL ||
            !js_member(s, one, "category", &cat) || s[cat.b] != '{' ||
            !js_member(s, cat, "index", &index) || index.e - index.b < DEFER_MIN ||
            !plain_ok(s, index, 1))
            continue;
        d.key.b = kb;
        d.key.e = ke;
        d.index = index;
        d.label.b = d.label.e = 0;
        if (js_member(s, cat, "label", &label) && label.e - label.b >= DEFER_MIN &&
            plain_ok(s, label, 0))
            d.label = label;
        if (*count == cap) {
            deferred *nl = gidx__reallocarray(list, cap ? cap * 2 : 4, sizeof *nl);
            if (nl == NULL) {
                free(list);
                return GIDX_ENOMEM;
            }
            list = nl;
            cap = cap ? cap * 2 : 4;
        }
        list[(*count)++] = d;
    }
    *out = list;
    return GIDX_OK;
}

/* The document's text and what of it is read from the text, not the tree. */
typedef struct jdoc {
    const char *s;
    size_t n;
    const gidx__text *src;
    deferred *def;
    size_t ndef;
} jdoc;

static const deferred *deferred_of(const jdoc *doc, const char *id)
{
    size_t k;
    for (k = 0; doc != NULL && k < doc->ndef; k++)
        if (key_is(doc->s, doc->def[k].key.b, doc->def[k].key.e, id))
            return &doc->def[k];
    return NULL;
}

/* The codes of a deferred plain index, from the text into one block. */
static gidx_status read_index_text(dim *d, const jdoc *doc, jspan sp, const char *name)
{
    plain_it it;
    size_t kb, ke, bytes = 0, k = 0;
    long pos;
    char *p;
    plain_start(&it, doc->s, sp);
    while (plain_next(&it, &kb, &ke, &pos) == 1) {
        bytes += ke - kb + 1;
        k++;
    }
    if (k != d->size)
        return gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": %zu categories but size %zu",
                               name, d->id, k, d->size);
    if ((d->arena = p = gidx__reallocarray(NULL, bytes ? bytes : 1, 1)) == NULL)
        return GIDX_ENOMEM;
    plain_start(&it, doc->s, sp);
    for (k = 0; plain_next(&it, &kb, &ke, &pos) == 1; k++) {
        size_t at = it.array ? k : (size_t)pos;
        memcpy(p, doc->s + kb, ke - kb);
        p[ke - kb] = '\0';
        if (at >= d->size || d->codes[at] != NULL)
            return gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": category \"%s\" has an "
                                   "invalid or repeated position", name, d->id, p);
        d->codes[at] = p;
        p += ke - kb + 1;
    }
    release_to(doc->src, doc->s + sp.e);
    return GIDX_OK;
}

/* jansson reads the document through this: the bytes of @p s, with the
 * interiors of the spans in @p blank (sorted, disjoint: the streamed
 * "value" and the deferred category indices and labels) served as spaces
 * (newlines kept, so that jansson's lines and columns are the text's). */
typedef struct js_feed {
    const char *s;
    size_t n, pos;
    const jspan *blank;
    size_t nblank, next;    /* spans; the first that may still lie ahead */
    const gidx__text *src;
    size_t released;
} js_feed;

static size_t js_feed_read(void *buffer, size_t buflen, void *data)
{
    js_feed *f = data;
    char *out = buffer;
    size_t k = f->n - f->pos < buflen ? f->n - f->pos : buflen, i;
    memcpy(out, f->s + f->pos, k);
    for (i = f->next; i < f->nblank && f->blank[i].b < f->pos + k; i++) {
        size_t b = f->blank[i].b + 1, e = f->blank[i].e - 1, p;
        if (b < f->pos)
            b = f->pos;
        if (e > f->pos + k)
            e = f->pos + k;
        for (p = b; p < e; p++)
            if (out[p - f->pos] != '\n')
                out[p - f->pos] = ' ';
        if (f->blank[i].e - 1 <= f->pos + k)
            f->next = i + 1;
    }
    f->pos += k;
    if (f->pos - f->released >= RELEASE_STEP) {
        release_to(f->src, f->s + f->pos);
        f->released = f->pos;
    }
    return k;
}

/* The next element of a streamed "value" interior, from *pos: 0 for null,
 * 1 for a number (in *x); of an object, its key (without quotes, NUL-ended)
 * in @p key too. */
static int js_next(const vspan *v, size_t *pos, double *x, char key[24])
{
    size_t i = js_ws(v->text, *pos, v->len), k;
    int isnull;
    char tmp[64];
    if (v->object) {   /* checked by js_count: "digits" : */
        k = js_digit_key(v->text, i, v->len);
        memcpy(key, v->text + i + 1, k - i - 2);
        key[k - i - 2] = '\0';
        i = js_ws(v->text, js_ws(v->text, k, v->len) + 1, v->len);
    }
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

static int cmp_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A category code given twice (an index array may list one twice; an
 * object's keys are checked by jansson, or here when read from the text). */
static gidx_status check_repeats(const dim *d, const char *name)
{
    const char **sorted;
    size_t k;
    if (d->size < 2)
        return GIDX_OK;
    if ((sorted = gidx__reallocarray(NULL, d->size, sizeof *sorted)) == NULL)
        return GIDX_ENOMEM;
    memcpy(sorted, d->codes, d->size * sizeof *sorted);
    qsort(sorted, d->size, sizeof *sorted, cmp_code);
    for (k = 1; k < d->size; k++)
        if (strcmp(sorted[k - 1], sorted[k]) == 0)
            break;
    if (k < d->size) {
        gidx_status rc = gidx__error_set(GIDX_EDATA, "%s: dimension \"%s\": category \"%s\" is "
                                         "listed twice", name, d->id, sorted[k]);
        free(sorted);
        return rc;
    }
    free(sorted);
    return GIDX_OK;
}

/* Category codes of one dimension, by position: from the tree, or, for a
 * deferred index, from the text. */
static gidx_status read_dim(dim *d, json_t *dims, const char *name, const jdoc *doc)
{
    const deferred *df = deferred_of(doc, d->id);
    gidx_status rc;
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
    if (df != NULL) {
        if ((rc = read_index_text(d, doc, df->index, name)) != GIDX_OK)
            return rc;
    } else if (json_is_array(index)) {
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
    return check_repeats(d, name);
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

/* What storing a cell needs: the dimensions and their roles, the status
 * and a buffer for the variable's name. */
typedef struct build {
    gidx_dataset *ds;
    dim *dims;
    size_t nd, rd, td;   /* rd's codes NULL: its position k is the dataset's region k */
    const size_t *stride;
    size_t *pos;
    const int *isvar;
    json_t *status;
    const gidx_jsonstat_options *o;
    const char *name;
    gidx__buf var;
} build;

/* Store cell @p n (flat index): @p kind 0 for null or absent, 1 for the
 * number @p xv, 2 for anything else (an error), with its "status" symbol.
 * With @p only_new, a cell already stored is left as it is (a "status"
 * entry for a cell the sparse "value" gave). */
static gidx_status put_cell(build *b, size_t n, int kind, double xv, int only_new)
{
    json_t *js = NULL;
    const char *region, *sym = NULL;
    int year, flag, f;
    size_t k, rem = n;
    gidx_status rc;
    for (k = 0; k < b->nd; k++) {
        b->pos[k] = rem / b->stride[k];
        rem %= b->stride[k];
    }
    if (json_is_string(b->status)) {
        js = b->status;
    } else if (json_is_array(b->status)) {
        js = json_array_get(b->status, n);
    } else if (json_is_object(b->status)) {
        char key[32];
        snprintf(key, sizeof key, "%zu", n);
        js = json_object_get(b->status, key);
    }
    if (js != NULL && json_is_string(js))
        sym = json_string_value(js);
    if (kind == 2)
        return gidx__error_set(GIDX_EDATA, "%s: value %zu is neither a number nor null", b->name, n);
    f = status_flag(sym);
    flag = f > 0 ? f : kind == 1 ? GIDX_FLAG_OK : GIDX_FLAG_MISSING;
    if (b->rd != (size_t)-1 && b->dims[b->rd].codes == NULL)
        region = gidx_dataset_region(b->ds, b->pos[b->rd]);
    else
        region = b->rd != (size_t)-1 ? strip_region(b->dims[b->rd].codes[b->pos[b->rd]]) :
                 b->o->region;
    year = atoi(b->dims[b->td].codes[b->pos[b->td]]);
    b->var.len = 0;
    if (b->var.s)
        b->var.s[0] = '\0';
    for (k = 0; k < b->nd; k++)
        if (b->isvar[k])
            gidx__buf_printf(&b->var, "%s%s", b->var.len ? "." : "", b->dims[k].codes[b->pos[k]]);
    if (b->var.len == 0)
        gidx__buf_puts(&b->var, b->o->variable ? b->o->variable : "value");
    if (b->var.failed)
        return GIDX_ENOMEM;
    if (gidx_dataset_has(b->ds, region, year, b->var.s)) {
        if (only_new)
            return GIDX_OK;
        return gidx__error_set(GIDX_EDUPLICATE, "%s: region %s, year %d, variable %s occurs "
                               "twice (value %zu)", b->name, region, year, b->var.s, n);
    }
    if ((rc = gidx_dataset_set(b->ds, region, year, b->var.s, kind == 1 ? xv : 0, flag)) !=
        GIDX_OK)
        gidx__error_prefix("%s: value %zu: ", b->name, n);
    return rc;
}

/*
 * The cells of a sparse "value" object (JSON-stat 2.0: "value" may be an
 * object keyed by the flat index, the cells it leaves out being missing):
 * only the cells it holds, and those a "status" object or array gives a
 * symbol for, are stored (issue 19: every cell of the panel was stored as
 * missing before, so a small sparse answer could cost the whole panel).
 * Absent cells read as missing all the same. The regions and years of the
 * dimensions are made known in their categories' order first, so that the
 * dataset lists them as a dense answer's would. The object is read from the
 * text when it was streamed (@p vs), from the tree otherwise.
 */
static gidx_status sparse_cells(build *b, json_t *value, const vspan *vs, size_t total)
{
    size_t k, n, vpos = 0, vrel = 0;
    const char *key;
    json_t *jv;
    gidx_status rc;
    /* the regions' names and index sized once, and the cells' stores grown
     * no further than the members still to come can fill */
    if ((rc = gidx__dataset_reserve(b->ds, b->rd != (size_t)-1 ? b->dims[b->rd].size : 0,
                                    vs != NULL ? vs->count : json_object_size(value))) != GIDX_OK)
        return rc;
    for (k = 0; b->rd != (size_t)-1 && k < b->dims[b->rd].size; k++) {
        const char *r = strip_region(b->dims[b->rd].codes[k]);
        if (r[0] != '\0' && (rc = gidx__dataset_intern(b->ds, r, 0)) != GIDX_OK)
            return rc;
    }
    /* when every code became a region of its own, in order (none empty,
     * none the same as another once "K-"/"F-" is stripped), the dataset
     * holds the names: the codes read from the text are not kept twice */
    if (b->rd != (size_t)-1 && gidx_dataset_nregions(b->ds) == b->dims[b->rd].size) {
        free(b->dims[b->rd].codes);
        free(b->dims[b->rd].arena);
        b->dims[b->rd].codes = NULL;
        b->dims[b->rd].arena = NULL;
    }
    for (k = 0; k < b->dims[b->td].size; k++)
        if ((rc = gidx__dataset_intern(b->ds, NULL, atoi(b->dims[b->td].codes[k]))) != GIDX_OK)
            return rc;
    if (vs != NULL) {
        for (k = 0; k < vs->count; k++) {
            char ks[24];
            double x = 0;
            int kind = js_next(vs, &vpos, &x, ks);
            if (vpos - vrel >= RELEASE_STEP) {
                release_to(vs->src, vs->text + vpos);
                vrel = vpos;
            }
            if ((rc = sparse_key(&n, ks, total, "value", b->name)) != GIDX_OK ||
                (rc = put_cell(b, n, kind, x, 0)) != GIDX_OK)
                return rc;
        }
        release_to(vs->src, vs->text + vs->len);
    } else {
        json_object_foreach(value, key, jv) {
            int kind = json_is_null(jv) ? 0 : json_is_number(jv) ? 1 : 2;
            if ((rc = sparse_key(&n, key, total, "value", b->name)) != GIDX_OK ||
                (rc = put_cell(b, n, kind, kind == 1 ? json_number_value(jv) : 0, 0)) != GIDX_OK)
                return rc;
        }
    }
    if (json_is_object(b->status)) {
        json_object_foreach(b->status, key, jv) {
            if ((rc = sparse_key(&n, key, total, "status", b->name)) != GIDX_OK)
                return rc;
            if (json_is_string(jv) && (rc = put_cell(b, n, 0, 0, 1)) != GIDX_OK)
                return rc;
        }
    } else if (json_is_array(b->status)) {
        for (k = 0; k < json_array_size(b->status) && k < total; k++)
            if (json_is_string(json_array_get(b->status, k)) &&
                (rc = put_cell(b, k, 0, 0, 1)) != GIDX_OK)
                return rc;
    }
    return GIDX_OK;
}

static gidx_status jsonstat_build(gidx_dataset *ds, json_t *root, const char *name,
                                  const gidx_jsonstat_options *o, const vspan *vs,
                                  const jdoc *doc)
{
    size_t vpos = 0, vrel = 0;
    build bd;
    json_t *ids = json_object_get(root, "id"), *sizes = json_object_get(root, "size");
    json_t *dimobj = json_object_get(root, "dimension"), *value = json_object_get(root, "value");
    json_t *status = json_object_get(root, "status"), *cls = json_object_get(root, "class");
    dim *dims = NULL;
    size_t nd, k, n, total = 1, rd = (size_t)-1, td, vd = (size_t)-1;
    size_t *stride = NULL, *pos = NULL;
    int *isvar = NULL;
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
        if ((rc = read_dim(&dims[k], dimobj, name, doc)) != GIDX_OK)
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

    bd = (build){ ds, dims, nd, rd, td, stride, pos, isvar, status, o, name, GIDX__BUF_INIT };
    if (json_is_object(value)) {
        rc = sparse_cells(&bd, value, vs, total);
    } else {
        for (n = 0; n < total && rc == GIDX_OK; n++) {
            double xv = 0;
            int kind;
            if (vs != NULL) {
                kind = js_next(vs, &vpos, &xv, NULL);   /* checked by js_count: number or null */
                if (vpos - vrel >= RELEASE_STEP) {
                    release_to(vs->src, vs->text + vpos);
                    vrel = vpos;
                }
            } else {
                json_t *jv = json_array_get(value, n);
                kind = json_is_null(jv) ? 0 : json_is_number(jv) ? 1 : 2;
                if (kind == 1)
                    xv = json_number_value(jv);
            }
            rc = put_cell(&bd, n, kind, xv, 0);
        }
        if (vs != NULL)
            release_to(vs->src, vs->text + vs->len);
    }
    gidx__buf_free(&bd.var);
    if (rc != GIDX_OK)
        goto done;
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
            json_t *labels, *own = NULL;
            const deferred *df = deferred_of(doc, dims[k].id);
            size_t c;
            if (!isvar[k])
                continue;
            if (df != NULL && df->label.e > 0) {   /* parsed alone, now (checked plain) */
                json_error_t err;
                if ((own = json_loadb(doc->s + df->label.b, df->label.e - df->label.b, 0, &err)) ==
                    NULL) {
                    rc = GIDX_ENOMEM;
                    goto done;
                }
                release_to(doc->src, doc->s + df->label.e);
            }
            labels = own != NULL ? own :
                     json_object_get(json_object_get(json_object_get(dimobj, dims[k].id),
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
            json_decref(own);
        }
        if (rc != GIDX_OK)
            goto done;
    }
done:
    if (dims != NULL)
        for (k = 0; k < nd; k++) {
            free(dims[k].codes);
            free(dims[k].arena);
        }
    free(dims);
    free(stride);
    free(pos);
    free(isvar);
    return rc;
}

static int cmp_span(const void *a, const void *b)
{
    const jspan *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b;
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
    vspan vs = { NULL, 0, 0, NULL, 0 };
    jdoc doc = { NULL, 0, NULL, NULL, 0 };
    jspan one[1], *blank = one;
    size_t nblank = 0;
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
    doc.s = buf;
    doc.n = len;
    doc.src = src;
    {
        /* the product of "size" before anything is built (issue 19), wherever
         * "size" is in the document, also when the walk stops later at
         * something it cannot read: a huge panel is refused with only the
         * text in memory (and a mapped file's pages given back) */
        js_spans sp;
        int walked, checked;
        /* first up to "size" only: when it comes first (SSB's answers), a
         * mapped file over the limit is refused having read its head */
        js_top(buf, len, 1, &sp);
        checked = sp.size.e > 0;
        if (checked && (rc = size_precheck(buf + sp.size.b, sp.size.e - sp.size.b, name)) !=
            GIDX_OK) {
            release_to(src, buf + len);
            return rc;
        }
        walked = js_top(buf, len, 0, &sp);
        release_to(src, buf + len);
        if (!checked && sp.size.e > 0 &&
            (rc = size_precheck(buf + sp.size.b, sp.size.e - sp.size.b, name)) != GIDX_OK)
            return rc;
        if (walked && sp.value.e > sp.value.b + 1) {
            vs.text = buf + sp.value.b + 1;
            vs.len = sp.value.e - sp.value.b - 2;
            vs.src = src;
            vs.object = buf[sp.value.b] == '{';
            if (js_count(&vs)) {
                streamed = 1;
                blank[nblank++] = sp.value;
            }
            release_to(src, buf + len);
        }
        if (walked && sp.dimension.e > 0) {
            size_t k;
            if ((rc = find_deferred(&doc.def, &doc.ndef, buf, sp.dimension)) != GIDX_OK)
                return rc;
            release_to(src, buf + len);
            if (doc.ndef > 0 &&
                (blank = gidx__reallocarray(NULL, 2 * doc.ndef + 1, sizeof *blank)) == NULL) {
                free(doc.def);
                return GIDX_ENOMEM;
            }
            if (doc.ndef > 0 && streamed)
                blank[0] = sp.value;
            for (k = 0; k < doc.ndef; k++) {
                blank[nblank++] = doc.def[k].index;
                if (doc.def[k].label.e > 0)
                    blank[nblank++] = doc.def[k].label;
            }
            qsort(blank, nblank, sizeof *blank, cmp_span);
        }
    }
    if (nblank > 0) {
        js_feed f;
        memset(&f, 0, sizeof f);
        f.s = buf;
        f.n = len;
        f.blank = blank;
        f.nblank = nblank;
        f.src = src;
        root = json_load_callback(js_feed_read, &f, JSON_REJECT_DUPLICATES, &err);
    } else {
        root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
    }
    release_to(src, buf + len);
    if (blank != one)
        free(blank);
    if (root == NULL) {
        free(doc.def);
        /* jansson reports running out of memory without a position (the
         * message was an empty "table HUGE:-1:-1:"): say so, with the size */
        if (err.text[0] == '\0' || json_error_code(&err) == json_error_out_of_memory)
            return gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes of JSON could not be parsed (out of "
                                   "memory%s%s)", name, len, err.text[0] ? ": " : "", err.text);
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, err.line, err.column, err.text);
    }
    if ((rc = gidx_dataset_new(&ds)) == GIDX_OK &&
        (rc = jsonstat_build(ds, root, name, &o, streamed ? &vs : NULL, &doc)) == GIDX_OK) {
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
    free(doc.def);
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
