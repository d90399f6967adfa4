/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The region registry: Norwegian municipality and county codes across the
 * 2018 (Trøndelag), 2020 and 2024 reforms.
 *
 * Source: Statistics Norway's classification of municipalities (KLASS 131)
 * and counties (KLASS 104), as the correspondence table
 * data/regions/municipality_harmonisation_1994_2024.csv (exported from the R
 * package regtools, lauriejh/regtools) and data/regions/counties.csv; see
 * data/README.md. Each row of the municipality table is one code with the
 * 2024 municipality whose area contains it, so a registry lookup is also the
 * correspondence used by gidx_dataset_harmonise().
 */
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

typedef struct reg_entry {
    char *code;
    char *name;
    char *fold;        /* case-folded name */
    char *fold_short;  /* case-folded name without a " (...)" qualifier */
    char *parent;
    char *successor;   /* NULL for "Rest" */
    int level;
    int from, to;      /* 0 = unbounded */
} reg_entry;

struct gidx_registry {
    reg_entry *e;
    size_t n, cap;
    gidx__strmap *by_code;
};

/* ---- text helpers shared by the data layer ---- */

char *gidx__data_fold(const char *s)
{
    size_t n = strlen(s), i, j = 0;
    char *d = gidx__malloc(n + 1);
    const unsigned char *p = (const unsigned char *)s;
    if (d == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z') {
            d[j++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
                   p[i + 1] != 0x97) {
            /* U+00C0..U+00DE (except U+00D7 x) -> +0x20 */
            d[j++] = (char)c;
            d[j++] = (char)(p[i + 1] + 0x20);
            i++;
        } else {
            d[j++] = (char)c;
        }
    }
    d[j] = '\0';
    return d;
}

char *gidx__data_slug(const char *s)
{
    gidx__buf b = GIDX__BUF_INIT;
    const unsigned char *p = (const unsigned char *)s;
    int pending = 0;
    while (*p) {
        const char *rep = NULL;
        size_t adv = 1;
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            char c = (char)*p;
            if (pending && b.len > 0) gidx__buf_putc(&b, '_');
            pending = 0;
            gidx__buf_putc(&b, c);
            p++;
            continue;
        }
        if (*p >= 'A' && *p <= 'Z') {
            if (pending && b.len > 0) gidx__buf_putc(&b, '_');
            pending = 0;
            gidx__buf_putc(&b, (char)(*p + 32));
            p++;
            continue;
        }
        if (p[0] == 0xC3 && p[1]) {
            switch (p[1]) {
            case 0xA6: case 0x86: rep = "ae"; break;   /* æ Æ */
            case 0xB8: case 0x98: rep = "o"; break;    /* ø Ø */
            case 0xA5: case 0x85: rep = "a"; break;    /* å Å */
            case 0xA9: case 0x89: rep = "e"; break;    /* é É */
            case 0xA1: rep = "a"; break;               /* á */
            case 0xB6: case 0xB4: rep = "o"; break;    /* ö ô */
            case 0xA4: rep = "a"; break;               /* ä */
            default: break;
            }
            adv = 2;
        }
        if (rep) {
            if (pending && b.len > 0) gidx__buf_putc(&b, '_');
            pending = 0;
            gidx__buf_puts(&b, rep);
        } else {
            pending = 1;
        }
        p += adv;
    }
    if (b.failed) {
        gidx__buf_free(&b);
        return NULL;
    }
    if (b.s == NULL)
        return gidx__strdup("");
    return gidx__buf_take(&b);
}

/* ---- building ---- */

static void entry_free(reg_entry *e)
{
    free(e->code);
    free(e->name);
    free(e->fold);
    free(e->fold_short);
    free(e->parent);
    free(e->successor);
}

void gidx_registry_free(gidx_registry *reg)
{
    size_t i;
    if (reg == NULL)
        return;
    for (i = 0; i < reg->n; i++)
        entry_free(&reg->e[i]);
    free(reg->e);
    gidx__strmap_free(reg->by_code);
    free(reg);
}

static gidx_status add_entry(gidx_registry *reg, const gidx_table *t, size_t row,
                             const char *code, const char *name, const char *successor,
                             int level, int from, int to)
{
    reg_entry *e;
    size_t dummy;
    char *paren;
    if (code[0] == '\0')
        return gidx__error_set(GIDX_EDATA, "%s:%zu: empty region code",
                               gidx_table_name(t), gidx_table_line(t, row));
    if (gidx__strmap_get(reg->by_code, code, &dummy))
        return gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: region code %s is listed twice",
                               gidx_table_name(t), gidx_table_line(t, row), code);
    if (reg->n == reg->cap) {
        size_t cap = reg->cap ? reg->cap * 2 : 1024;
        reg_entry *ne = gidx__reallocarray(reg->e, cap, sizeof *ne);
        if (ne == NULL)
            return GIDX_ENOMEM;
        reg->e = ne;
        reg->cap = cap;
    }
    e = &reg->e[reg->n];
    memset(e, 0, sizeof *e);
    e->level = level;
    e->from = from;
    e->to = to;
    e->code = gidx__strdup(code);
    e->name = gidx__strdup(name);
    e->fold = gidx__data_fold(name);
    e->parent = gidx__strndup(code, 2);
    e->successor = successor ? gidx__strdup(successor) : NULL;
    if (e->code == NULL || e->name == NULL || e->fold == NULL || e->parent == NULL ||
        (successor && e->successor == NULL)) {
        entry_free(e);
        return GIDX_ENOMEM;
    }
    e->fold_short = gidx__strdup(e->fold);
    if (e->fold_short == NULL) {
        entry_free(e);
        return GIDX_ENOMEM;
    }
    /* Without a qualifier "Bø (Telemark)" or a second language form
     * "Trondheim - Tråante". */
    paren = strstr(e->fold_short, " (");
    if (paren != NULL)
        *paren = '\0';
    paren = strstr(e->fold_short, " - ");
    if (paren != NULL)
        *paren = '\0';
    if (gidx__strmap_put(reg->by_code, code, reg->n) != GIDX_OK) {
        entry_free(e);
        return GIDX_ENOMEM;
    }
    reg->n++;
    return GIDX_OK;
}

static gidx_status year_cell(int *y, const gidx_table *t, size_t i, size_t j)
{
    const char *c = gidx_table_cell(t, i, j);
    double v;
    if (c[0] == '\0') {
        *y = 0;
        return GIDX_OK;
    }
    if (gidx_table_cell_double(&v, t, i, j) != GIDX_OK || !(v >= 1000 && v <= 9999) ||
        v != (double)(int)v) /* range first: (int)1e300 is undefined behaviour */
        return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): \"%s\" is not a year",
                               gidx_table_name(t), gidx_table_line(t, i), j + 1,
                               gidx_table_colname(t, j), c);
    *y = (int)v;
    return GIDX_OK;
}

static gidx_status find_cols(size_t *cols, const gidx_table *t, const char *const *names, size_t n)
{
    size_t k;
    gidx_status rc;
    for (k = 0; k < n; k++)
        if ((rc = gidx_table_find_column(&cols[k], t, names[k])) != GIDX_OK)
            return rc;
    return GIDX_OK;
}

static gidx_status registry_build(gidx_registry **out, const gidx_table *mun,
                                  const gidx_table *cty)
{
    static const char *const mcols[] = { "code_2024", "code", "name", "valid_from", "valid_to" };
    static const char *const ccols[] = { "code", "name", "valid_from", "valid_to" };
    size_t mc[5], cc[4], i;
    gidx_registry *reg;
    gidx_status rc;
    *out = NULL;
    if ((rc = find_cols(mc, mun, mcols, 5)) != GIDX_OK ||
        (rc = find_cols(cc, cty, ccols, 4)) != GIDX_OK)
        return rc;
    reg = gidx__calloc(1, sizeof *reg);
    if (reg == NULL)
        return GIDX_ENOMEM;
    reg->by_code = gidx__strmap_new();
    if (reg->by_code == NULL) {
        gidx_registry_free(reg);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < gidx_table_nrows(cty); i++) {
        int from, to;
        const char *code = gidx_table_cell(cty, i, cc[0]);
        if ((rc = year_cell(&from, cty, i, cc[2])) != GIDX_OK ||
            (rc = year_cell(&to, cty, i, cc[3])) != GIDX_OK ||
            (rc = add_entry(reg, cty, i, code, gidx_table_cell(cty, i, cc[1]), code,
                            GIDX_LEVEL_COUNTY, from, to)) != GIDX_OK)
            goto fail;
    }
    for (i = 0; i < gidx_table_nrows(mun); i++) {
        int from, to;
        size_t ci;
        const char *code = gidx_table_cell(mun, i, mc[1]);
        const char *succ = gidx_table_cell(mun, i, mc[0]);
        char county[3];
        if ((rc = year_cell(&from, mun, i, mc[3])) != GIDX_OK ||
            (rc = year_cell(&to, mun, i, mc[4])) != GIDX_OK)
            goto fail;
        /* Clip to the county's validity (see gidx_registry_load()). */
        county[0] = code[0];
        county[1] = code[0] ? code[1] : '\0';
        county[2] = '\0';
        if (gidx__strmap_get(reg->by_code, county, &ci) && reg->e[ci].level == GIDX_LEVEL_COUNTY) {
            int f = from, t2 = to;
            if (reg->e[ci].from && (f == 0 || f < reg->e[ci].from))
                f = reg->e[ci].from;
            if (reg->e[ci].to && (t2 == 0 || t2 > reg->e[ci].to))
                t2 = reg->e[ci].to;
            if (f == 0 || t2 == 0 || f <= t2) {
                from = f;
                to = t2;
            }
        }
        if ((rc = add_entry(reg, mun, i, code, gidx_table_cell(mun, i, mc[2]),
                            strcmp(succ, "Rest") == 0 || succ[0] == '\0' ? NULL : succ,
                            GIDX_LEVEL_MUNICIPALITY, from, to)) != GIDX_OK)
            goto fail;
    }
    *out = reg;
    return GIDX_OK;
fail:
    gidx_registry_free(reg);
    return rc;
}

gidx_status gidx_registry_load(gidx_registry **out, const char *municipalities,
                               const char *counties)
{
    gidx_table *m = NULL, *c = NULL;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_registry_load: out is NULL");
    *out = NULL;
    if (municipalities == NULL || counties == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_registry_load: NULL path");
    if ((rc = gidx_table_read_csv(&m, municipalities, NULL)) == GIDX_OK &&
        (rc = gidx_table_read_csv(&c, counties, NULL)) == GIDX_OK)
        rc = registry_build(out, m, c);
    gidx_table_free(m);
    gidx_table_free(c);
    return rc;
}

gidx_status gidx_registry_load_default(gidx_registry **out)
{
    const char *mb, *cb;
    size_t ml, cl;
    gidx_table *m = NULL, *c = NULL;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_registry_load_default: out is NULL");
    *out = NULL;
    if (!gidx__data_embedded("regions/municipality_harmonisation_1994_2024.csv", &mb, &ml) ||
        !gidx__data_embedded("regions/counties.csv", &cb, &cl))
        return gidx__error_set(GIDX_EINTERNAL, "the region tables are not embedded in this build");
    if ((rc = gidx_table_parse_csv(&m, mb, ml, "regions/municipality_harmonisation_1994_2024.csv",
                                   NULL)) == GIDX_OK &&
        (rc = gidx_table_parse_csv(&c, cb, cl, "regions/counties.csv", NULL)) == GIDX_OK)
        rc = registry_build(out, m, c);
    gidx_table_free(m);
    gidx_table_free(c);
    return rc;
}

/* ---- queries ---- */

size_t gidx_registry_size(const gidx_registry *reg) { return reg ? reg->n : 0; }

static int valid_in(const reg_entry *e, int year)
{
    if (year == 0)
        return 1;
    return (e->from == 0 || e->from <= year) && (e->to == 0 || year <= e->to);
}

gidx_status gidx_registry_find_code(size_t *i, const gidx_registry *reg, const char *code, int year)
{
    size_t k;
    if (i == NULL || reg == NULL || code == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_registry_find_code: NULL argument");
    if (!gidx__strmap_get(reg->by_code, code, &k))
        return gidx__error_set(GIDX_ENOTFOUND, "region code \"%s\" is not in the registry", code);
    if (!valid_in(&reg->e[k], year))
        return gidx__error_set(GIDX_ENOTFOUND, "region code %s (%s) is not valid in %d",
                               code, reg->e[k].name, year);
    *i = k;
    return GIDX_OK;
}

gidx_status gidx_registry_find_name(size_t *i, const gidx_registry *reg, const char *name,
                                    int year, int level)
{
    char *f;
    size_t k, pass, best = 0, nmatch = 0;
    gidx__buf list = GIDX__BUF_INIT;
    if (i == NULL || reg == NULL || name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_registry_find_name: NULL argument");
    f = gidx__data_fold(name);
    if (f == NULL)
        return GIDX_ENOMEM;
    {
        /* Trim spaces around the name. */
        size_t n = strlen(f), s = 0;
        while (n > 0 && f[n - 1] == ' ')
            f[--n] = '\0';
        while (f[s] == ' ')
            s++;
        memmove(f, f + s, n - s + 1);
    }
    /* Pass 0: full names; pass 1: names without their qualifier. */
    for (pass = 0; pass < 2 && nmatch == 0; pass++) {
        int best_to = -1;
        for (k = 0; k < reg->n; k++) {
            const reg_entry *e = &reg->e[k];
            int rank;
            if (level != GIDX_LEVEL_ANY && e->level != level)
                continue;
            if (strcmp(pass == 0 ? e->fold : e->fold_short, f) != 0)
                continue;
            if (!valid_in(e, year))
                continue;
            /* With no year, prefer the region valid today, then the most
             * recently valid one. */
            rank = year != 0 ? 0 : (e->to == 0 ? 100000 : e->to);
            if (rank > best_to) {
                best_to = rank;
                best = k;
                nmatch = 1;
                list.len = 0;
                gidx__buf_printf(&list, "%s", e->code);
            } else if (rank == best_to) {
                nmatch++;
                gidx__buf_printf(&list, ", %s", e->code);
            }
        }
    }
    free(f);
    if (nmatch == 0) {
        gidx__buf_free(&list);
        if (year)
            return gidx__error_set(GIDX_ENOTFOUND, "no region named \"%s\" in %d", name, year);
        return gidx__error_set(GIDX_ENOTFOUND, "no region named \"%s\"", name);
    }
    if (nmatch > 1) {
        gidx_status rc = gidx__error_set(GIDX_EDUPLICATE,
            "region name \"%s\" is ambiguous (codes %s): give a year, level or code",
            name, list.s ? list.s : "");
        gidx__buf_free(&list);
        return rc;
    }
    gidx__buf_free(&list);
    *i = best;
    return GIDX_OK;
}

const char *gidx_registry_code(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].code : NULL;
}

const char *gidx_registry_name(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].name : NULL;
}

int gidx_registry_level(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].level : 0;
}

const char *gidx_registry_parent(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].parent : NULL;
}

int gidx_registry_valid_from(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].from : 0;
}

int gidx_registry_valid_to(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].to : 0;
}

const char *gidx_registry_successor(const gidx_registry *reg, size_t i)
{
    return (reg && i < reg->n) ? reg->e[i].successor : NULL;
}
