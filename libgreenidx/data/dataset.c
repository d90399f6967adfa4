/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The dataset: a sparse region x year x variable panel.
 *
 * Regions and variables are interned (string -> index hash maps), years are
 * kept in ascending order. Cells live in series: one per (region, variable)
 * pair that has a cell, found through a hash map keyed by the pair, holding
 * a dense array of doubles over a range of year indices. A cell is 8 bytes:
 * an ordinary value is the finite double itself, a missing, confidential or
 * not-applicable cell a NaN whose payload is the flag, and a slot never set
 * another NaN payload (issue 19: the earlier hash map of cells took 70-110
 * bytes a cell, ten times a JSON-stat answer's text). Cells that do not fit
 * a dense range cheaply (a series' years far apart, or a provisional value,
 * which needs its flag beside a finite number) go to a sparse store, a hash
 * map keyed by the packed triple; the dense ranges together never hold more
 * than twice the dense cells plus a small allowance per series, so any shape
 * costs O(n) memory and loading n cells O(n) expected time (issue 10: linear
 * scaling to 100,000 series x 30 years). No getter writes to the dataset, so
 * a const dataset can be read from many threads.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

#define MAX_NAMES ((size_t)1 << 24)
#define MAX_YEARS ((size_t)1 << 16)

/* Dense slots: a NaN with this tag in its low bits is a cell with flag tag
 * (GIDX_FLAG_MISSING .. GIDX_FLAG_NOT_APPLICABLE), or no cell (SLOT_ABSENT). */
#define SLOT_NAN UINT64_C(0x7FF8000000000000)
#define SLOT_ABSENT 0xFFu
/* The dense ranges' allowance: slots <= 2 x dense cells + this per series +
 * SLOT_SLACK in all. */
#define SLOT_PER_SERIES 64
#define SLOT_SLACK ((size_t)1 << 16)

typedef struct name_list {
    gidx__strmap *index;
    char **names;
    size_t n, cap;
} name_list;

typedef struct series {
    double *v;                 /* cap slots for year indices base .. base+cap-1 */
    uint32_t r, var;           /* region and variable index */
    uint32_t base, cap, count; /* count: cells set in the range */
} series;

struct gidx_dataset {
    name_list regions;
    name_list variables;
    char **region_display;     /* parallel to regions.names; NULL = none */
    size_t region_display_cap;
    int *years;                /* by year index (insertion order) */
    size_t *sorted;            /* sorted position -> year index */
    size_t nyears, years_cap;
    gidx__u64map *year_index;  /* year (biased) -> year index */
    gidx__u64map *series_index; /* (region << 24 | variable) -> series number */
    series *ser;
    size_t nser, ser_cap;
    size_t slots, ndense;      /* dense slots allocated, dense cells */
    gidx__u64map *cells;       /* sparse store: packed key -> sparse cell number */
    double *values;
    unsigned char *flags;
    uint64_t *keys;            /* packed key of each sparse cell */
    size_t nsparse, sparse_cap;
    char **meta_keys;
    char **meta_values;
    size_t nmeta, meta_cap;
};

static double slot_tag(unsigned tag)
{
    uint64_t b = SLOT_NAN | tag;
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* The flag of a dense slot (SLOT_ABSENT for none), its value in *x. */
static unsigned slot_read(double s, double *x)
{
    uint64_t b;
    if (s == s) {
        *x = s;
        return GIDX_FLAG_OK;
    }
    memcpy(&b, &s, sizeof b);
    *x = NAN;
    return (unsigned)(b & 0xFFu);
}

static gidx_status names_init(name_list *l)
{
    memset(l, 0, sizeof *l);
    l->index = gidx__strmap_new_borrowing();   /* keys are the names below */
    return l->index ? GIDX_OK : GIDX_ENOMEM;
}

static void names_free(name_list *l)
{
    size_t i;
    gidx__strmap_free(l->index);
    for (i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
}

/* Index of @p name, adding it when absent: a copy, or, when @p adopt
 * and @p taken are given, @p name itself (a malloc'd block; *taken = 1). */
static gidx_status names_intern_adopt(size_t *idx, name_list *l, const char *name,
                                      const char *what, int adopt, int *taken)
{
    char *copy;
    if (gidx__strmap_get(l->index, name, idx))
        return GIDX_OK;
    if (l->n >= MAX_NAMES)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu %ss", MAX_NAMES, what);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **nn = gidx__reallocarray(l->names, cap, sizeof *nn);
        if (nn == NULL)
            return GIDX_ENOMEM;
        l->names = nn;
        l->cap = cap;
    }
    copy = adopt ? (char *)name : gidx__strdup(name);
    if (copy == NULL)
        return GIDX_ENOMEM;
    if (gidx__strmap_put(l->index, copy, l->n) != GIDX_OK) {
        if (!adopt)
            free(copy);
        return GIDX_ENOMEM;
    }
    l->names[l->n] = copy;
    *idx = l->n++;
    if (adopt)
        *taken = 1;
    return GIDX_OK;
}

static gidx_status names_intern(size_t *idx, name_list *l, const char *name, const char *what)
{
    return names_intern_adopt(idx, l, name, what, 0, NULL);
}

static uint64_t year_key(int year)
{
    return (uint64_t)((int64_t)year + ((int64_t)1 << 32));
}

static uint64_t cell_key(size_t r, size_t v, size_t y)
{
    return ((uint64_t)r << 40) | ((uint64_t)v << 16) | (uint64_t)y;
}

gidx_status gidx_dataset_new(gidx_dataset **out)
{
    gidx_dataset *ds;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_new: out is NULL");
    *out = NULL;
    ds = gidx__calloc(1, sizeof *ds);
    if (ds == NULL)
        return GIDX_ENOMEM;
    if (names_init(&ds->regions) != GIDX_OK || names_init(&ds->variables) != GIDX_OK ||
        (ds->year_index = gidx__u64map_new()) == NULL ||
        (ds->series_index = gidx__u64map_new()) == NULL ||
        (ds->cells = gidx__u64map_new()) == NULL) {
        gidx_dataset_free(ds);
        return GIDX_ENOMEM;
    }
    *out = ds;
    return GIDX_OK;
}

void gidx_dataset_free(gidx_dataset *ds)
{
    size_t i;
    if (ds == NULL)
        return;
    /* region_display grows only when a display name is set, so it may be shorter
     * than regions.names: free by its own capacity (slots past regions.n are NULL). */
    if (ds->region_display != NULL)
        for (i = 0; i < ds->region_display_cap; i++)
            free(ds->region_display[i]);
    free(ds->region_display);
    names_free(&ds->regions);
    names_free(&ds->variables);
    free(ds->years);
    free(ds->sorted);
    gidx__u64map_free(ds->year_index);
    gidx__u64map_free(ds->series_index);
    for (i = 0; i < ds->nser; i++)
        free(ds->ser[i].v);
    free(ds->ser);
    gidx__u64map_free(ds->cells);
    free(ds->values);
    free(ds->flags);
    free(ds->keys);
    for (i = 0; i < ds->nmeta; i++) {
        free(ds->meta_keys[i]);
        free(ds->meta_values[i]);
    }
    free(ds->meta_keys);
    free(ds->meta_values);
    free(ds);
}

/* Index of @p year, adding it (and keeping the sorted order) when absent. */
static gidx_status year_intern(size_t *idx, gidx_dataset *ds, int year)
{
    size_t pos;
    if (gidx__u64map_get(ds->year_index, year_key(year), idx))
        return GIDX_OK;
    if (ds->nyears >= MAX_YEARS - 1)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu distinct years", MAX_YEARS - 1);
    if (ds->nyears == ds->years_cap) {
        size_t cap = ds->years_cap ? ds->years_cap * 2 : 32;
        int *y = gidx__reallocarray(ds->years, cap, sizeof *y);
        size_t *s;
        if (y == NULL)
            return GIDX_ENOMEM;
        ds->years = y;
        s = gidx__reallocarray(ds->sorted, cap, sizeof *s);
        if (s == NULL)
            return GIDX_ENOMEM;
        ds->sorted = s;
        ds->years_cap = cap;
    }
    if (gidx__u64map_put(ds->year_index, year_key(year), ds->nyears) != GIDX_OK)
        return GIDX_ENOMEM;
    ds->years[ds->nyears] = year;
    /* Insertion into the sorted permutation: new years usually come last. */
    pos = ds->nyears;
    while (pos > 0 && ds->years[ds->sorted[pos - 1]] > year) {
        ds->sorted[pos] = ds->sorted[pos - 1];
        pos--;
    }
    ds->sorted[pos] = ds->nyears;
    *idx = ds->nyears++;
    return GIDX_OK;
}

static uint64_t series_key(size_t r, size_t v)
{
    return ((uint64_t)r << 24) | (uint64_t)v;
}

/* The series of (r, v), created (with no range) when absent. */
static gidx_status series_get(series **out, gidx_dataset *ds, size_t r, size_t v)
{
    size_t k;
    if (gidx__u64map_get(ds->series_index, series_key(r, v), &k)) {
        *out = &ds->ser[k];
        return GIDX_OK;
    }
    if (ds->nser == ds->ser_cap) {
        size_t cap = ds->ser_cap ? ds->ser_cap * 2 : 64;
        series *ns = gidx__reallocarray(ds->ser, cap, sizeof *ns);
        if (ns == NULL)
            return GIDX_ENOMEM;
        ds->ser = ns;
        ds->ser_cap = cap;
    }
    if (gidx__u64map_put(ds->series_index, series_key(r, v), ds->nser) != GIDX_OK)
        return GIDX_ENOMEM;
    memset(&ds->ser[ds->nser], 0, sizeof ds->ser[ds->nser]);
    ds->ser[ds->nser].r = (uint32_t)r;
    ds->ser[ds->nser].var = (uint32_t)v;
    *out = &ds->ser[ds->nser++];
    return GIDX_OK;
}

static const series *series_find(const gidx_dataset *ds, size_t r, size_t v)
{
    size_t k;
    return gidx__u64map_get(ds->series_index, series_key(r, v), &k) ? &ds->ser[k] : NULL;
}

/* Whether the dense ranges may hold @p more slots (the allowance above). */
static int slots_allowed(const gidx_dataset *ds, size_t more)
{
    return ds->slots + more <= 2 * (ds->ndense + 1) + SLOT_PER_SERIES * ds->nser + SLOT_SLACK;
}

/* Widen the range of @p s to hold year index @p y, or return 0 (nothing
 * changed) when that would pass the allowance or memory runs out. A new
 * range starts as the range of the series made before it when that one is
 * at least half full, up to the years known (the usual case is a dense
 * panel: every series has the same years);
 * a range growing upwards grows by half again, so that years added one by
 * one cost O(1) amortised. */
static int series_widen(gidx_dataset *ds, series *s, size_t y)
{
    size_t lo, hi, want_hi, k;
    double *nv, absent = slot_tag(SLOT_ABSENT);
    if (s->cap == 0) {
        lo = hi = y;
        hi++;
        if (ds->nser > 1) {
            const series *p = &ds->ser[ds->nser - 2];
            size_t plo = p->base, phi = (size_t)p->base + p->cap;
            if (phi > ds->nyears)
                phi = ds->nyears;
            /* only from a series that is mostly full: a sparse panel's
             * series would otherwise each take the whole range */
            if (p->cap > 0 && plo <= y && y < phi && 2 * (size_t)p->count >= p->cap) {
                lo = plo;
                hi = phi;
            }
        }
        if (hi - lo > 1 && !slots_allowed(ds, hi - lo)) {
            lo = y;
            hi = y + 1;
        }
    } else {
        lo = s->base < y ? s->base : y;
        hi = (size_t)s->base + s->cap > y + 1 ? (size_t)s->base + s->cap : y + 1;
        want_hi = (size_t)s->base + s->cap + s->cap / 2;
        if (y >= (size_t)s->base + s->cap && want_hi > hi) {
            if (want_hi > MAX_YEARS)
                want_hi = MAX_YEARS;
            if (want_hi > hi && slots_allowed(ds, want_hi - lo - s->cap))
                hi = want_hi;
        }
    }
    if (!slots_allowed(ds, hi - lo - s->cap))
        return 0;
    nv = gidx__reallocarray(s->v, hi - lo, sizeof *nv);
    if (nv == NULL) {
        gidx_error_clear();
        return 0;
    }
    if (lo < s->base && s->cap > 0)
        memmove(nv + (s->base - lo), nv, (size_t)s->cap * sizeof *nv);
    for (k = lo; k < hi; k++)
        if (s->cap == 0 || k < s->base || k >= (size_t)s->base + s->cap)
            nv[k - lo] = absent;
    ds->slots += hi - lo - s->cap;
    s->v = nv;
    s->base = (uint32_t)lo;
    s->cap = (uint32_t)(hi - lo);
    return 1;
}

/* The sparse cell of a packed key: 1 and its number, or 0. */
static int sparse_find(size_t *c, const gidx_dataset *ds, uint64_t key)
{
    return ds->nsparse > 0 && gidx__u64map_get(ds->cells, key, c);
}

static gidx_status sparse_add(gidx_dataset *ds, uint64_t key, double value, int flag)
{
    if (ds->nsparse == ds->sparse_cap) {
        size_t cap = ds->sparse_cap ? ds->sparse_cap * 2 : 256;
        double *nv = gidx__reallocarray(ds->values, cap, sizeof *nv);
        unsigned char *nf;
        uint64_t *nk;
        if (nv == NULL)
            return GIDX_ENOMEM;
        ds->values = nv;
        nf = gidx__reallocarray(ds->flags, cap, sizeof *nf);
        if (nf == NULL)
            return GIDX_ENOMEM;
        ds->flags = nf;
        nk = gidx__reallocarray(ds->keys, cap, sizeof *nk);
        if (nk == NULL)
            return GIDX_ENOMEM;
        ds->keys = nk;
        ds->sparse_cap = cap;
    }
    if (gidx__u64map_put(ds->cells, key, ds->nsparse) != GIDX_OK)
        return GIDX_ENOMEM;
    ds->values[ds->nsparse] = value;
    ds->flags[ds->nsparse] = (unsigned char)flag;
    ds->keys[ds->nsparse] = key;
    ds->nsparse++;
    return GIDX_OK;
}

/* Set cell (r, v, y): in its series' range when it is there or can be
 * widened to it, else in the sparse store. A cell is in one place only: a
 * dense slot is used only when the sparse store does not hold the cell, and
 * a provisional value (finite, with a flag) is always sparse. */
static gidx_status cell_put(gidx_dataset *ds, size_t r, size_t v, size_t y, double value,
                            int flag)
{
    series *s;
    size_t c;
    uint64_t key = cell_key(r, v, y);
    gidx_status rc;
    double old;
    if ((rc = series_get(&s, ds, r, v)) != GIDX_OK)
        return rc;
    if (s->cap > 0 && y >= s->base && y < (size_t)s->base + s->cap &&
        slot_read(s->v[y - s->base], &old) != SLOT_ABSENT) {
        if (flag != GIDX_FLAG_PROVISIONAL) {
            s->v[y - s->base] = flag == GIDX_FLAG_OK ? value : slot_tag((unsigned)flag);
            return GIDX_OK;
        }
        /* becomes provisional: moves to the sparse store */
        if ((rc = sparse_add(ds, key, value, flag)) != GIDX_OK)
            return rc;
        s->v[y - s->base] = slot_tag(SLOT_ABSENT);
        s->count--;
        ds->ndense--;
        return GIDX_OK;
    }
    if (sparse_find(&c, ds, key)) {
        ds->values[c] = value;
        ds->flags[c] = (unsigned char)flag;
        return GIDX_OK;
    }
    if (flag != GIDX_FLAG_PROVISIONAL &&
        ((s->cap > 0 && y >= s->base && y < (size_t)s->base + s->cap) ||
         series_widen(ds, s, y))) {
        s->v[y - s->base] = flag == GIDX_FLAG_OK ? value : slot_tag((unsigned)flag);
        s->count++;
        ds->ndense++;
        return GIDX_OK;
    }
    return sparse_add(ds, key, value, flag);
}

/* Cell (r, v, y): 1 with its value and flag, or 0 when it was never set. */
static int cell_get(double *x, int *flag, const gidx_dataset *ds, size_t r, size_t v, size_t y)
{
    const series *s = series_find(ds, r, v);
    size_t c;
    if (s == NULL)
        return 0;
    if (s->cap > 0 && y >= s->base && y < (size_t)s->base + s->cap) {
        unsigned f = slot_read(s->v[y - s->base], x);
        if (f != SLOT_ABSENT) {
            *flag = (int)f;
            return 1;
        }
    }
    if (sparse_find(&c, ds, cell_key(r, v, y))) {
        *x = ds->values[c];
        *flag = ds->flags[c];
        return 1;
    }
    return 0;
}

/* Every cell in turn: dense series in the order they were made, years by
 * index, then the sparse store in the order of setting. Start with
 * it = {0}; returns 0 at the end. */
typedef struct cell_iter {
    size_t s, k, sparse;
} cell_iter;

static int cell_next(cell_iter *it, const gidx_dataset *ds, size_t *r, size_t *v, size_t *y,
                     double *x, int *flag)
{
    while (it->s < ds->nser) {
        const series *s = &ds->ser[it->s];
        while (it->k < s->cap) {
            unsigned f = slot_read(s->v[it->k], x);
            it->k++;
            if (f != SLOT_ABSENT) {
                *r = s->r;
                *v = s->var;
                *y = s->base + it->k - 1;
                *flag = (int)f;
                return 1;
            }
        }
        it->s++;
        it->k = 0;
    }
    if (it->sparse < ds->nsparse) {
        uint64_t key = ds->keys[it->sparse];
        *r = (size_t)(key >> 40);
        *v = (size_t)((key >> 16) & 0xFFFFFF);
        *y = (size_t)(key & 0xFFFF);
        *x = ds->values[it->sparse];
        *flag = ds->flags[it->sparse];
        it->sparse++;
        return 1;
    }
    return 0;
}

gidx_status gidx__dataset_intern(gidx_dataset *ds, const char *region, int year)
{
    size_t i;
    gidx_status rc;
    if (region != NULL && (rc = names_intern(&i, &ds->regions, region, "region")) != GIDX_OK)
        return rc;
    return year != 0 ? year_intern(&i, ds, year) : GIDX_OK;
}

static int valid_flag(int flag)
{
    return flag >= GIDX_FLAG_OK && flag <= GIDX_FLAG_PROVISIONAL;
}

gidx_status gidx_dataset_set(gidx_dataset *ds, const char *region, int year,
                             const char *variable, double value, int flag)
{
    return gidx__dataset_set_adopt(ds, region, year, variable, value, flag, 0, NULL);
}

gidx_status gidx__dataset_set_adopt(gidx_dataset *ds, const char *region, int year,
                                    const char *variable, double value, int flag,
                                    unsigned adopt, unsigned *taken)
{
    size_t r, v, y;
    int took_r = 0, took_v = 0;
    gidx_status rc;
    if (taken != NULL)
        *taken = 0;
    else
        adopt = 0;
    if (region == variable)   /* one block cannot be two names */
        adopt &= 1u;
    if (ds == NULL || region == NULL || variable == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_set: NULL argument");
    if (region[0] == '\0' || variable[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_set: empty region or variable name");
    if (!valid_flag(flag))
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_set: unknown flag %d", flag);
    if (flag == GIDX_FLAG_OK || flag == GIDX_FLAG_PROVISIONAL) {
        if (!gidx__isfinite(value))
            return gidx__error_set(GIDX_EDATA,
                "region %s, year %d, variable %s: value is not finite", region, year, variable);
    } else {
        value = NAN;
    }
    rc = names_intern_adopt(&r, &ds->regions, region, "region", (adopt & 1u) != 0, &took_r);
    if (rc == GIDX_OK)
        rc = names_intern_adopt(&v, &ds->variables, variable, "variable", (adopt & 2u) != 0,
                                &took_v);
    if (taken != NULL)
        *taken = (took_r ? 1u : 0u) | (took_v ? 2u : 0u);
    if (rc == GIDX_OK)
        rc = year_intern(&y, ds, year);
    if (rc != GIDX_OK)
        return rc;
    return cell_put(ds, r, v, y, value, flag);
}

/* Cell (region, year, variable): 1 with its value and flag, or 0 when absent. */
static int find_cell(double *x, int *flag, const gidx_dataset *ds, const char *region, int year,
                     const char *variable)
{
    size_t r, v, y;
    if (!gidx__strmap_get(ds->regions.index, region, &r) ||
        !gidx__strmap_get(ds->variables.index, variable, &v) ||
        !gidx__u64map_get(ds->year_index, year_key(year), &y))
        return 0;
    return cell_get(x, flag, ds, r, v, y);
}

gidx_status gidx_dataset_get(double *value, int *flag, const gidx_dataset *ds,
                             const char *region, int year, const char *variable)
{
    double x;
    int f;
    if (ds == NULL || region == NULL || variable == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_get: NULL argument");
    if (!find_cell(&x, &f, ds, region, year, variable)) {
        x = NAN;
        f = GIDX_FLAG_MISSING;
    }
    if (value) *value = x;
    if (flag) *flag = f;
    return GIDX_OK;
}

int gidx_dataset_has(const gidx_dataset *ds, const char *region, int year,
                     const char *variable)
{
    double x;
    int f;
    if (ds == NULL || region == NULL || variable == NULL)
        return 0;
    return find_cell(&x, &f, ds, region, year, variable);
}

size_t gidx_dataset_nregions(const gidx_dataset *ds) { return ds ? ds->regions.n : 0; }
size_t gidx_dataset_nvariables(const gidx_dataset *ds) { return ds ? ds->variables.n : 0; }
size_t gidx_dataset_nyears(const gidx_dataset *ds) { return ds ? ds->nyears : 0; }
size_t gidx_dataset_ncells(const gidx_dataset *ds) { return ds ? ds->ndense + ds->nsparse : 0; }

const char *gidx_dataset_region(const gidx_dataset *ds, size_t i)
{
    return (ds && i < ds->regions.n) ? ds->regions.names[i] : NULL;
}

const char *gidx_dataset_variable(const gidx_dataset *ds, size_t i)
{
    return (ds && i < ds->variables.n) ? ds->variables.names[i] : NULL;
}

int gidx_dataset_year(const gidx_dataset *ds, size_t i)
{
    return (ds && i < ds->nyears) ? ds->years[ds->sorted[i]] : 0;
}

gidx_status gidx_dataset_find_region(size_t *i, const gidx_dataset *ds, const char *region)
{
    if (i == NULL || ds == NULL || region == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_find_region: NULL argument");
    if (!gidx__strmap_get(ds->regions.index, region, i))
        return gidx__error_set(GIDX_ENOTFOUND, "region \"%s\" is not in the dataset", region);
    return GIDX_OK;
}

gidx_status gidx_dataset_match_region(size_t *i, const gidx_dataset *ds, const char *code_or_name)
{
    size_t k;
    if (i == NULL || ds == NULL || code_or_name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_match_region: NULL argument");
    if (gidx__strmap_get(ds->regions.index, code_or_name, i))
        return GIDX_OK;
    for (k = 0; k < ds->regions.n; k++) {
        const char *shown = k < ds->region_display_cap && ds->region_display[k] != NULL
                                ? ds->region_display[k] : ds->regions.names[k];
        if (strcasecmp(shown, code_or_name) == 0) {
            *i = k;
            return GIDX_OK;
        }
    }
    /* SSB writes parallel names "Trondheim - Tråante", "Kárásjohka - Karasjok":
     * either part alone names the region too. */
    for (k = 0; k < ds->regions.n; k++) {
        const char *shown = k < ds->region_display_cap && ds->region_display[k] != NULL
                                ? ds->region_display[k] : ds->regions.names[k];
        const char *dash = strstr(shown, " - ");
        size_t n = strlen(code_or_name);
        if (dash != NULL && n > 0 &&
            (((size_t)(dash - shown) == n && strncasecmp(shown, code_or_name, n) == 0) ||
             strcasecmp(dash + 3, code_or_name) == 0)) {
            *i = k;
            return GIDX_OK;
        }
    }
    return gidx__error_set(GIDX_ENOTFOUND, "region \"%s\" is not in the data (by code or name)", code_or_name);
}

gidx_status gidx_dataset_find_variable(size_t *i, const gidx_dataset *ds, const char *variable)
{
    if (i == NULL || ds == NULL || variable == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_find_variable: NULL argument");
    if (!gidx__strmap_get(ds->variables.index, variable, i))
        return gidx__error_set(GIDX_ENOTFOUND, "variable \"%s\" is not in the dataset", variable);
    return GIDX_OK;
}

gidx_status gidx_dataset_series(double *values, int *flags, size_t cap,
                                const gidx_dataset *ds, const char *region,
                                const char *variable)
{
    size_t r, v, k;
    gidx_status rc;
    if (values == NULL || ds == NULL || region == NULL || variable == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_series: NULL argument");
    if (cap < ds->nyears)
        return gidx__error_set(GIDX_EBUFS, "gidx_dataset_series: need room for %zu years, have %zu",
                               ds->nyears, cap);
    if ((rc = gidx_dataset_find_region(&r, ds, region)) != GIDX_OK ||
        (rc = gidx_dataset_find_variable(&v, ds, variable)) != GIDX_OK)
        return rc;
    for (k = 0; k < ds->nyears; k++) {
        double x;
        int f;
        if (!cell_get(&x, &f, ds, r, v, ds->sorted[k])) {
            x = NAN;
            f = GIDX_FLAG_MISSING;
        }
        values[k] = x;
        if (flags) flags[k] = f;
    }
    return GIDX_OK;
}

gidx_status gidx_dataset_set_region_name(gidx_dataset *ds, const char *region, const char *name)
{
    size_t r;
    char *copy;
    gidx_status rc;
    if (ds == NULL || region == NULL || name == NULL || region[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_set_region_name: NULL or empty argument");
    if ((rc = names_intern(&r, &ds->regions, region, "region")) != GIDX_OK)
        return rc;
    if (ds->region_display_cap < ds->regions.cap) {
        size_t i;
        char **d = gidx__reallocarray(ds->region_display, ds->regions.cap, sizeof *d);
        if (d == NULL)
            return GIDX_ENOMEM;
        for (i = ds->region_display_cap; i < ds->regions.cap; i++)
            d[i] = NULL;
        ds->region_display = d;
        ds->region_display_cap = ds->regions.cap;
    }
    copy = gidx__strdup(name);
    if (copy == NULL)
        return GIDX_ENOMEM;
    free(ds->region_display[r]);
    ds->region_display[r] = copy;
    return GIDX_OK;
}

const char *gidx_dataset_region_name(const gidx_dataset *ds, const char *region)
{
    size_t r;
    if (ds == NULL || region == NULL)
        return region;
    if (gidx__strmap_get(ds->regions.index, region, &r) && r < ds->region_display_cap &&
        ds->region_display[r] != NULL)
        return ds->region_display[r];
    return region;
}

gidx_status gidx_dataset_set_meta(gidx_dataset *ds, const char *key, const char *value)
{
    size_t i;
    char *k, *v;
    if (ds == NULL || key == NULL || value == NULL || key[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_set_meta: NULL or empty argument");
    v = gidx__strdup(value);
    if (v == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < ds->nmeta; i++)
        if (strcmp(ds->meta_keys[i], key) == 0) {
            free(ds->meta_values[i]);
            ds->meta_values[i] = v;
            return GIDX_OK;
        }
    if (ds->nmeta == ds->meta_cap) {
        size_t cap = ds->meta_cap ? ds->meta_cap * 2 : 8;
        char **nk = gidx__reallocarray(ds->meta_keys, cap, sizeof *nk);
        char **nv;
        if (nk == NULL) { free(v); return GIDX_ENOMEM; }
        ds->meta_keys = nk;
        nv = gidx__reallocarray(ds->meta_values, cap, sizeof *nv);
        if (nv == NULL) { free(v); return GIDX_ENOMEM; }
        ds->meta_values = nv;
        ds->meta_cap = cap;
    }
    k = gidx__strdup(key);
    if (k == NULL) { free(v); return GIDX_ENOMEM; }
    ds->meta_keys[ds->nmeta] = k;
    ds->meta_values[ds->nmeta] = v;
    ds->nmeta++;
    return GIDX_OK;
}

const char *gidx_dataset_meta(const gidx_dataset *ds, const char *key)
{
    size_t i;
    if (ds == NULL || key == NULL)
        return NULL;
    for (i = 0; i < ds->nmeta; i++)
        if (strcmp(ds->meta_keys[i], key) == 0)
            return ds->meta_values[i];
    return NULL;
}

size_t gidx_dataset_nmeta(const gidx_dataset *ds) { return ds ? ds->nmeta : 0; }

const char *gidx_dataset_meta_key(const gidx_dataset *ds, size_t i)
{
    return (ds && i < ds->nmeta) ? ds->meta_keys[i] : NULL;
}

gidx_status gidx_dataset_copy_regions(gidx_dataset **out, const gidx_dataset *ds,
                                      const char *const *regions, size_t n)
{
    gidx_dataset *c = NULL;
    unsigned char *keep = NULL;
    gidx_status rc = GIDX_OK;
    size_t r, k;
    if (out == NULL || ds == NULL || (regions == NULL && n > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_copy_regions: NULL argument");
    *out = NULL;
    if ((keep = gidx__calloc(ds->regions.n ? ds->regions.n : 1, 1)) == NULL)
        return GIDX_ENOMEM;
    for (k = 0; k < n; k++) {
        if (regions[k] == NULL || !gidx__strmap_get(ds->regions.index, regions[k], &r)) {
            free(keep);
            return gidx__error_set(GIDX_ENOTFOUND, "region \"%s\" is not in the data",
                                   regions[k] ? regions[k] : "(null)");
        }
        keep[r] = 1;
    }
    if ((rc = gidx_dataset_new(&c)) != GIDX_OK) {
        free(keep);
        return rc;
    }
    {
        cell_iter it = { 0, 0, 0 };
        size_t v, y;
        double x;
        int f;
        while (rc == GIDX_OK && cell_next(&it, ds, &r, &v, &y, &x, &f))
            if (keep[r])
                rc = gidx_dataset_set(c, ds->regions.names[r], ds->years[y],
                                      ds->variables.names[v], x, f);
    }
    for (r = 0; rc == GIDX_OK && r < ds->regions.n && r < ds->region_display_cap; r++)
        if (keep[r] && ds->region_display[r] != NULL &&
            gidx__strmap_get(c->regions.index, ds->regions.names[r], &k))
            rc = gidx_dataset_set_region_name(c, ds->regions.names[r], ds->region_display[r]);
    for (k = 0; rc == GIDX_OK && k < ds->nmeta; k++)
        rc = gidx_dataset_set_meta(c, ds->meta_keys[k], ds->meta_values[k]);
    free(keep);
    if (rc != GIDX_OK) {
        gidx_dataset_free(c);
        return rc;
    }
    *out = c;
    return GIDX_OK;
}

gidx_status gidx_dataset_copy(gidx_dataset **out, const gidx_dataset *ds)
{
    gidx_dataset *c = NULL;
    gidx_status rc;
    size_t r, v, k;
    if (out == NULL || ds == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_copy: NULL argument");
    *out = NULL;
    if ((rc = gidx_dataset_new(&c)) != GIDX_OK)
        return rc;
    /* Keep the order of first appearance of regions, variables and years. */
    for (r = 0; r < ds->regions.n; r++) {
        size_t idx;
        if ((rc = names_intern(&idx, &c->regions, ds->regions.names[r], "region")) != GIDX_OK)
            goto fail;
    }
    for (v = 0; v < ds->variables.n; v++) {
        size_t idx;
        if ((rc = names_intern(&idx, &c->variables, ds->variables.names[v], "variable")) != GIDX_OK)
            goto fail;
    }
    for (k = 0; k < ds->nyears; k++) {
        size_t idx;
        if ((rc = year_intern(&idx, c, ds->years[k])) != GIDX_OK)
            goto fail;
    }
    {
        cell_iter it = { 0, 0, 0 };
        double x;
        int f;
        while (cell_next(&it, ds, &r, &v, &k, &x, &f))
            if ((rc = gidx_dataset_set(c, ds->regions.names[r], ds->years[k],
                                       ds->variables.names[v], x, f)) != GIDX_OK)
                goto fail;
    }
    for (r = 0; r < ds->regions.n && r < ds->region_display_cap; r++)
        if (ds->region_display[r] != NULL &&
            (rc = gidx_dataset_set_region_name(c, ds->regions.names[r],
                                               ds->region_display[r])) != GIDX_OK)
            goto fail;
    for (k = 0; k < ds->nmeta; k++)
        if ((rc = gidx_dataset_set_meta(c, ds->meta_keys[k], ds->meta_values[k])) != GIDX_OK)
            goto fail;
    *out = c;
    return GIDX_OK;
fail:
    gidx_dataset_free(c);
    return rc;
}

/* The release of Miljødirektoratet's statistics a dataset holds for a
 * region, with the dataset's file and stamp, for the refusal message. */
static void release_text(char *buf, size_t cap, const gidx_dataset *ds, const char *release)
{
    const char *file = gidx_dataset_meta(ds, "file"), *mod = gidx_dataset_meta(ds, "mdir.modified");
    snprintf(buf, cap, "release %s (figures to %s%s%s%s%s)", release, release,
             file ? ", " : "", file ? file : "", mod ? ", modified " : "", mod ? mod : "");
}

gidx_status gidx_dataset_merge(gidx_dataset *dst, const gidx_dataset *src)
{
    static const char prefix[] = "mdir.release.";
    size_t k, r;
    gidx_status rc;
    if (dst == NULL || src == NULL || dst == src)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_merge: NULL or identical datasets");
    /* Check everything first: a refused merge leaves dst untouched. */
    for (k = 0; k < src->nmeta; k++) {
        const char *key = src->meta_keys[k], *mine;
        if (strncmp(key, prefix, sizeof prefix - 1) != 0)
            continue;
        mine = gidx_dataset_meta(dst, key);
        if (mine != NULL && strcmp(mine, src->meta_values[k]) != 0) {
            const char *region = key + sizeof prefix - 1;
            char a[512], b[512];
            release_text(a, sizeof a, dst, mine);
            release_text(b, sizeof b, src, src->meta_values[k]);
            return gidx__error_set(GIDX_EDUPLICATE,
                "region %s (%s): two releases of Miljødirektoratet's emission statistics, "
                "%s and %s; each release recalculates the whole series, so they are never "
                "mixed: load one release", region, gidx_dataset_region_name(src, region), a, b);
        }
    }
    {
        cell_iter it = { 0, 0, 0 };
        size_t ri, vi, yi;
        double x;
        int f;
        while (cell_next(&it, src, &ri, &vi, &yi, &x, &f))
            if ((rc = gidx_dataset_set(dst, src->regions.names[ri], src->years[yi],
                                       src->variables.names[vi], x, f)) != GIDX_OK)
                return rc;
    }
    for (r = 0; r < src->regions.n && r < src->region_display_cap; r++)
        if (src->region_display[r] != NULL &&
            (rc = gidx_dataset_set_region_name(dst, src->regions.names[r],
                                               src->region_display[r])) != GIDX_OK)
            return rc;
    for (k = 0; k < src->nmeta; k++)
        if (gidx_dataset_meta(dst, src->meta_keys[k]) == NULL &&
            (rc = gidx_dataset_set_meta(dst, src->meta_keys[k], src->meta_values[k])) != GIDX_OK)
            return rc;
    return GIDX_OK;
}
