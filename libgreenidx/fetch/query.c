/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PxWebApi v2 table queries: value codes per dimension, code lists and the
 * rendered GET URL
 *   {api}/tables/{id}/data?lang=no&outputFormat=json-stat2
 *       &valueCodes[Region]=5001,4601&codelist[Region]=agg_KommSummer
 *       &valueCodes[Tid]=2020,2021&valueCodes[ContentsCode]=Personer1
 * as documented by Statistics Sweden's PxWebApi 2 specification
 * (https://github.com/PxTools/PxWebApi, "PxWebApi 2.0" OpenAPI description)
 * and SSB's API guide (https://www.ssb.no/api/pxwebapi). Also the region
 * presets and county lists (from the region registry, SSB KLASS 131/104).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "fetch/fetch_internal.h"

static int table_id_ok(const char *t)
{
    size_t i;
    if (t == NULL || t[0] == '\0' || strlen(t) > 64)
        return 0;
    for (i = 0; t[i] != '\0'; i++) {
        char ch = t[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              ch == '_' || ch == '-'))
            return 0;
    }
    return 1;
}

static int dim_name_ok(const char *d)
{
    size_t i;
    if (d == NULL || d[0] == '\0')
        return 0;
    for (i = 0; d[i] != '\0'; i++)
        if (d[i] == '[' || d[i] == ']' || d[i] == '&' || d[i] == '=' || d[i] == ',' ||
            (unsigned char)d[i] <= ' ')
            return 0;
    return 1;
}

static void dim_clear_codes(gidx__fetch_dim *d)
{
    size_t i;
    for (i = 0; i < d->ncodes; i++)
        free(d->codes[i]);
    free(d->codes);
    d->codes = NULL;
    d->ncodes = 0;
}

static void dim_free(gidx__fetch_dim *d)
{
    dim_clear_codes(d);
    free(d->name);
    free(d->codelist);
    free(d->output_values);
}

gidx_status gidx_fetch_query_new(gidx_fetch_query **out, const char *table)
{
    gidx_fetch_query *q;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_new: out is NULL");
    *out = NULL;
    if (!table_id_ok(table))
        return gidx__error_set(GIDX_EINVAL, "fetch: table id '%s' is not valid (letters, "
                               "digits, '_' and '-', at most 64)", table ? table : "(null)");
    if ((q = gidx__calloc(1, sizeof *q)) == NULL)
        return GIDX_ENOMEM;
    if ((q->table = gidx__strdup(table)) == NULL) {
        free(q);
        return GIDX_ENOMEM;
    }
    memcpy(q->lang, "no", 3);
    *out = q;
    return GIDX_OK;
}

void gidx_fetch_query_free(gidx_fetch_query *q)
{
    size_t i;
    if (q == NULL)
        return;
    for (i = 0; i < q->ndims; i++)
        dim_free(&q->dims[i]);
    free(q->dims);
    free(q->table);
    free(q);
}

gidx__fetch_dim *gidx__fetch_query_dim(const gidx_fetch_query *q, const char *dim)
{
    size_t i;
    for (i = 0; i < q->ndims; i++)
        if (strcmp(q->dims[i].name, dim) == 0)
            return &q->dims[i];
    return NULL;
}

/* The dimension, appended when missing; NULL on ENOMEM. */
static gidx__fetch_dim *dim_get(gidx_fetch_query *q, const char *dim)
{
    gidx__fetch_dim *d = gidx__fetch_query_dim(q, dim), *nd;
    char *name;
    if (d != NULL)
        return d;
    if ((name = gidx__strdup(dim)) == NULL)
        return NULL;
    if ((nd = gidx__reallocarray(q->dims, q->ndims + 1, sizeof *nd)) == NULL) {
        free(name);
        return NULL;
    }
    q->dims = nd;
    d = &q->dims[q->ndims++];
    memset(d, 0, sizeof *d);
    d->name = name;
    return d;
}

int gidx__fetch_is_expression(const char *code)
{
    return strchr(code, '*') != NULL || strchr(code, '?') != NULL || strchr(code, '(') != NULL;
}

gidx_status gidx_fetch_query_select(gidx_fetch_query *q, const char *dim,
                                    const char *const *codes, size_t n)
{
    gidx__fetch_dim *d;
    char **nc;
    size_t i;
    if (q == NULL || codes == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_select: NULL argument");
    if (!dim_name_ok(dim))
        return gidx__error_set(GIDX_EINVAL, "fetch: table %s: '%s' is not a dimension code",
                               q->table, dim ? dim : "(null)");
    if (n == 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: table %s: no codes selected for dimension %s",
                               q->table, dim);
    for (i = 0; i < n; i++)
        if (codes[i] == NULL || codes[i][0] == '\0' || strchr(codes[i], ',') != NULL ||
            strchr(codes[i], '&') != NULL)
            return gidx__error_set(GIDX_EINVAL, "fetch: table %s, dimension %s: code %zu ('%s') "
                                   "is empty or contains ',' or '&'", q->table, dim, i + 1,
                                   codes[i] ? codes[i] : "(null)");
    if ((nc = gidx__calloc(n, sizeof *nc)) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < n; i++)
        if ((nc[i] = gidx__strdup(codes[i])) == NULL) {
            while (i > 0)
                free(nc[--i]);
            free(nc);
            return GIDX_ENOMEM;
        }
    if ((d = dim_get(q, dim)) == NULL) {
        for (i = 0; i < n; i++)
            free(nc[i]);
        free(nc);
        return GIDX_ENOMEM;
    }
    dim_clear_codes(d);
    d->codes = nc;
    d->ncodes = n;
    return GIDX_OK;
}

gidx_status gidx_fetch_query_years(gidx_fetch_query *q, int from, int to)
{
    char (*buf)[8];
    const char **codes;
    size_t n, i;
    gidx_status rc;
    if (q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_years: query is NULL");
    if (from < 1000 || to > 9999 || from > to)
        return gidx__error_set(GIDX_EINVAL, "fetch: table %s: years %d..%d are not a range of "
                               "4-digit years", q->table, from, to);
    n = (size_t)(to - from) + 1;
    buf = gidx__calloc(n, sizeof *buf);
    codes = gidx__calloc(n, sizeof *codes);
    if (buf == NULL || codes == NULL) {
        free(buf);
        free(codes);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < n; i++) {
        snprintf(buf[i], sizeof buf[i], "%d", from + (int)i);
        codes[i] = buf[i];
    }
    rc = gidx_fetch_query_select(q, "Tid", codes, n);
    free(buf);
    free(codes);
    return rc;
}

static gidx_status set_str(char **slot, const char *v)
{
    char *s = NULL;
    if (v != NULL && (s = gidx__strdup(v)) == NULL)
        return GIDX_ENOMEM;
    free(*slot);
    *slot = s;
    return GIDX_OK;
}

gidx_status gidx_fetch_query_codelist(gidx_fetch_query *q, const char *dim, const char *codelist)
{
    gidx__fetch_dim *d;
    if (q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_codelist: query is NULL");
    if (!dim_name_ok(dim))
        return gidx__error_set(GIDX_EINVAL, "fetch: table %s: '%s' is not a dimension code",
                               q->table, dim ? dim : "(null)");
    if (codelist != NULL && !table_id_ok(codelist))
        return gidx__error_set(GIDX_EINVAL, "fetch: table %s, dimension %s: '%s' is not a code "
                               "list id", q->table, dim, codelist);
    if (codelist == NULL && gidx__fetch_query_dim(q, dim) == NULL)
        return GIDX_OK;
    if ((d = dim_get(q, dim)) == NULL)
        return GIDX_ENOMEM;
    return set_str(&d->codelist, codelist);
}

/* "name[DIM]" -> DIM (into out, at most cap-1 bytes); 1 when it matches. */
static int bracket_key(const char *key, size_t klen, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    if (klen < nl + 3 || strncmp(key, name, nl) != 0 || key[nl] != '[' || key[klen - 1] != ']')
        return 0;
    if (klen - nl - 2 >= cap)
        return 0;
    memcpy(out, key + nl + 1, klen - nl - 2);
    out[klen - nl - 2] = '\0';
    return dim_name_ok(out);
}

gidx_status gidx_fetch_query_filter(gidx_fetch_query *q, const char *filter)
{
    const char *p;
    if (q == NULL || filter == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_filter: NULL argument");
    p = filter;
    while (*p != '\0') {
        const char *end = strchr(p, '&'), *eq;
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char dim[128];
        gidx_status rc = GIDX_OK;
        if (len == 0) {
            p += end ? 1 : 0;
            continue;
        }
        eq = memchr(p, '=', len);
        if (eq == NULL || eq == p || eq + 1 == p + len)
            return gidx__error_set(GIDX_EPARSE, "fetch: table %s: filter piece '%.*s' is not "
                                   "KEY[DIM]=VALUE", q->table, (int)len, p);
        {
            size_t klen = (size_t)(eq - p), vlen = len - klen - 1;
            char *val = gidx__strndup(eq + 1, vlen);
            if (val == NULL)
                return GIDX_ENOMEM;
            if (bracket_key(p, klen, "valueCodes", dim, sizeof dim)) {
                size_t n = 1, i, k = 0;
                const char **codes;
                char *s;
                for (s = val; *s; s++)
                    n += *s == ',';
                if ((codes = gidx__calloc(n, sizeof *codes)) == NULL) {
                    free(val);
                    return GIDX_ENOMEM;
                }
                codes[k++] = val;
                for (s = val; *s; s++)
                    if (*s == ',') {
                        *s = '\0';
                        codes[k++] = s + 1;
                    }
                for (i = 0; i < n; i++)
                    if (codes[i][0] == '\0')
                        break;
                if (i < n)
                    rc = gidx__error_set(GIDX_EPARSE, "fetch: table %s: filter piece '%.*s' has "
                                         "an empty code", q->table, (int)len, p);
                else
                    rc = gidx_fetch_query_select(q, dim, codes, n);
                free(codes);
            } else if (bracket_key(p, klen, "codelist", dim, sizeof dim)) {
                rc = gidx_fetch_query_codelist(q, dim, val);
            } else if (bracket_key(p, klen, "outputValues", dim, sizeof dim)) {
                gidx__fetch_dim *d;
                if (strcmp(val, "aggregated") != 0 && strcmp(val, "single") != 0)
                    rc = gidx__error_set(GIDX_EPARSE, "fetch: table %s: outputValues[%s] must "
                                         "be 'aggregated' or 'single', not '%s'", q->table, dim, val);
                else if ((d = dim_get(q, dim)) == NULL)
                    rc = GIDX_ENOMEM;
                else
                    rc = set_str(&d->output_values, val);
            } else {
                rc = gidx__error_set(GIDX_EPARSE, "fetch: table %s: filter piece '%.*s' is not "
                                     "valueCodes[DIM]=..., codelist[DIM]=... or "
                                     "outputValues[DIM]=...", q->table, (int)len, p);
            }
            free(val);
        }
        if (rc != GIDX_OK)
            return rc;
        p += len;
        if (*p == '&')
            p++;
    }
    return GIDX_OK;
}

gidx_status gidx_fetch_query_lang(gidx_fetch_query *q, const char *lang)
{
    if (q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_lang: query is NULL");
    if (lang == NULL || strlen(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' || lang[1] < 'a' ||
        lang[1] > 'z')
        return gidx__error_set(GIDX_EINVAL, "fetch: language '%s' is not a 2-letter code",
                               lang ? lang : "(null)");
    memcpy(q->lang, lang, 3);
    return GIDX_OK;
}

const char *gidx_fetch_query_table(const gidx_fetch_query *q)
{
    return q ? q->table : NULL;
}

gidx_status gidx_fetch_query_ncells(size_t *cells, const gidx_fetch_query *q)
{
    size_t i, k, n = 1;
    if (cells == NULL || q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_ncells: NULL argument");
    *cells = 0;
    for (i = 0; i < q->ndims; i++) {
        const gidx__fetch_dim *d = &q->dims[i];
        if (d->codes == NULL)
            continue;
        for (k = 0; k < d->ncodes; k++)
            if (gidx__fetch_is_expression(d->codes[k]))
                return gidx__error_set(GIDX_EUNSUPPORTED, "fetch: table %s, dimension %s: the "
                                       "selection '%s' is an expression; only the server knows "
                                       "how many cells it selects", q->table, d->name, d->codes[k]);
        if (d->ncodes != 0 && n > (size_t)-1 / d->ncodes)
            return gidx__error_set(GIDX_ERANGE, "fetch: table %s: cell count overflows", q->table);
        n *= d->ncodes;
    }
    *cells = n;
    return GIDX_OK;
}

/* Percent-encode all but RFC 3986 unreserved characters and the
 * PxWebApi expression characters * ( ) (kept readable in URLs). */
static void put_enc(gidx__buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == '*' || ch == '(' || ch == ')')
            gidx__buf_putc(b, (char)ch);
        else {
            gidx__buf_putc(b, '%');
            gidx__buf_putc(b, hex[ch >> 4]);
            gidx__buf_putc(b, hex[ch & 15]);
        }
    }
}

gidx_status gidx_fetch_query_url(char **url, const gidx_fetch_query *q, const char *api)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t i, k, alen;
    if (url == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_url: url is NULL");
    *url = NULL;
    if (q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_url: query is NULL");
    if (api == NULL)
        api = GIDX_FETCH_SSB_API;
    alen = strlen(api);
    while (alen > 0 && api[alen - 1] == '/')
        alen--;
    if (alen == 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: the API root is empty");
    gidx__buf_append(&b, api, alen);
    gidx__buf_printf(&b, "/tables/%s/data?lang=%s&outputFormat=json-stat2", q->table, q->lang);
    for (i = 0; i < q->ndims; i++) {
        const gidx__fetch_dim *d = &q->dims[i];
        if (d->codes != NULL) {
            gidx__buf_puts(&b, "&valueCodes[");
            put_enc(&b, d->name);
            gidx__buf_puts(&b, "]=");
            for (k = 0; k < d->ncodes; k++) {
                if (k > 0)
                    gidx__buf_putc(&b, ',');
                put_enc(&b, d->codes[k]);
            }
        }
        if (d->codelist != NULL) {
            gidx__buf_puts(&b, "&codelist[");
            put_enc(&b, d->name);
            gidx__buf_puts(&b, "]=");
            put_enc(&b, d->codelist);
        }
        if (d->output_values != NULL) {
            gidx__buf_puts(&b, "&outputValues[");
            put_enc(&b, d->name);
            gidx__buf_puts(&b, "]=");
            put_enc(&b, d->output_values);
        }
    }
    if (b.failed) {
        gidx__buf_free(&b);
        return GIDX_ENOMEM;
    }
    *url = gidx__buf_take(&b);
    return GIDX_OK;
}

gidx_fetch_query *gidx__fetch_query_clone(const gidx_fetch_query *q)
{
    gidx_fetch_query *c;
    size_t i;
    if (gidx_fetch_query_new(&c, q->table) != GIDX_OK)
        return NULL;
    memcpy(c->lang, q->lang, 3);
    for (i = 0; i < q->ndims; i++) {
        const gidx__fetch_dim *d = &q->dims[i];
        gidx__fetch_dim *e;
        if ((e = dim_get(c, d->name)) == NULL)
            goto fail;
        if (d->codes != NULL &&
            gidx_fetch_query_select(c, d->name, (const char *const *)d->codes, d->ncodes) != GIDX_OK)
            goto fail;
        if (set_str(&e->codelist, d->codelist) != GIDX_OK ||
            set_str(&e->output_values, d->output_values) != GIDX_OK)
            goto fail;
    }
    return c;
fail:
    gidx_fetch_query_free(c);
    return NULL;
}

uint64_t gidx__fetch_hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

gidx_status gidx__fetch_merge(gidx_dataset *dst, const gidx_dataset *src)
{
    size_t r, y, v, nr = gidx_dataset_nregions(src), ny = gidx_dataset_nyears(src),
                    nv = gidx_dataset_nvariables(src);
    for (r = 0; r < nr; r++) {
        const char *region = gidx_dataset_region(src, r);
        const char *name = gidx_dataset_region_name(src, region);
        gidx_status rc;
        if (strcmp(name, region) != 0 &&
            (rc = gidx_dataset_set_region_name(dst, region, name)) != GIDX_OK)
            return rc;
        for (v = 0; v < nv; v++) {
            const char *var = gidx_dataset_variable(src, v);
            for (y = 0; y < ny; y++) {
                int year = gidx_dataset_year(src, y), flag;
                double x;
                if (!gidx_dataset_has(src, region, year, var))
                    continue;
                if ((rc = gidx_dataset_get(&x, &flag, src, region, year, var)) != GIDX_OK ||
                    (rc = gidx_dataset_set(dst, region, year, var, x, flag)) != GIDX_OK)
                    return rc;
            }
        }
    }
    return GIDX_OK;
}

/* ---- presets and county lists ---- */

static const char *const partners[] = { "5001", "4601", "5035", "4624", "50", "46" };

gidx_status gidx_fetch_preset(const char **codes, size_t cap, size_t *n, const char *name)
{
    size_t i, np = sizeof partners / sizeof partners[0];
    if (n == NULL || name == NULL || (codes == NULL && cap > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_preset: NULL argument");
    *n = 0;
    if (strcmp(name, "partners") != 0)
        return gidx__error_set(GIDX_ENOTFOUND, "fetch: unknown preset '%s' (known: partners)",
                               name);
    *n = np;
    if (cap < np)
        return gidx__error_set(GIDX_EBUFS, "fetch: preset %s has %zu regions, room for %zu",
                               name, np, cap);
    for (i = 0; i < np; i++)
        codes[i] = partners[i];
    return GIDX_OK;
}

gidx_status gidx_fetch_county_regions(const char **codes, size_t cap, size_t *n,
                                      const gidx_registry *reg, const char *county, int year)
{
    size_t i, k = 0, size, ci;
    if (n == NULL || reg == NULL || county == NULL || (codes == NULL && cap > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_county_regions: NULL argument");
    *n = 0;
    if (gidx_registry_find_code(&ci, reg, county, year) != GIDX_OK ||
        gidx_registry_level(reg, ci) != GIDX_LEVEL_COUNTY)
        return gidx__error_set(GIDX_ENOTFOUND, "fetch: '%s' is not a county code%s", county,
                               year ? " in that year" : "");
    size = gidx_registry_size(reg);
    for (i = 0; i < size; i++) {
        const char *p = gidx_registry_parent(reg, i);
        int from = gidx_registry_valid_from(reg, i), to = gidx_registry_valid_to(reg, i);
        if (gidx_registry_level(reg, i) != GIDX_LEVEL_MUNICIPALITY || p == NULL ||
            strcmp(p, county) != 0)
            continue;
        if (year == 0 ? to != 0 : ((from != 0 && year < from) || (to != 0 && year > to)))
            continue;
        if (k < cap)
            codes[k] = gidx_registry_code(reg, i);
        k++;
    }
    *n = k;
    if (k == 0)
        return gidx__error_set(GIDX_ENOTFOUND, "fetch: county %s has no municipalities in %d",
                               county, year);
    if (k > cap)
        return gidx__error_set(GIDX_EBUFS, "fetch: county %s has %zu municipalities, room for %zu",
                               county, k, cap);
    return GIDX_OK;
}
