/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The dataset: a sparse region x year x variable panel.
 *
 * Regions and variables are interned: each name is kept once, a short one
 * (under 256 bytes) in blocks of text of up to 16 KiB, a longer one in a
 * block of its own (a loader's 16 MB field is adopted, not copied), with an
 * array of pointers to them by index and an index of 4-byte slots (the
 * name's number and 7 bits of its hash; names compared through the
 * array). Years are kept in
 * ascending order. Cells live in series: one per (region, variable) pair
 * that has a cell, found through an index of 4-byte slots keyed through the
 * series array, each series 16 bytes holding a range of year indices. A
 * cell is 8 bytes: an ordinary value is the finite double itself, a
 * missing, confidential or not-applicable cell a NaN whose payload is the
 * flag, and a slot never set another NaN payload (issue 19: the earlier
 * hash map of cells took 70-110 bytes a cell, ten times a JSON-stat
 * answer's text). A range of one year is kept in the series itself, so a
 * cell alone in its series costs no allocation. A longer range is an
 * allocation of its own, an 8-byte header (first year, length, cells) and
 * either a slot for each year (dense) or, for a range widened from one
 * year, the slots and 2-byte year indices of its cells, up to four (a
 * sparse panel's few cells far apart), after which it turns dense. Cells
 * that do not fit a range cheaply (a series' years far apart, or a
 * provisional value, which needs its flag beside a finite number) go to a
 * sparse store: packed triple (8 bytes), value (8) and flag (1) in three
 * arrays, with an index of 4-byte slots keyed through the triples. The
 * ranges, a listed one counted at its full length, never hold more than
 * twice the dense cells plus a small allowance per series, so any shape
 * costs O(n) memory and loading n cells O(n) expected time (issue 10:
 * linear scaling to 100,000 series x 30 years); which cells are sparse
 * does not depend on the form of a range.
 *
 * Bytes: a dense cell 8 in its range; a series 16, and, when its range is
 * longer than a year, the range's 8-byte header and malloc's 8 (a listed
 * range: 10 bytes a cell); a sparse cell 17; a region or variable its name
 * and NUL and an 8-byte pointer; an index 4 bytes a slot, at most 3/4 full
 * (5.3 bytes an entry or more). Arrays grow by doubling up to 4096 entries,
 * by a quarter after that. gidx__dataset_reserve sizes the regions exactly
 * and stops the series and the sparse store at what the cells still to
 * come can fill. The sparse panel of bench/scaling/memory.sh (16,000
 * regions; 20,000 cells scattered over 160,000 series, 18,807 of which
 * get one or more, 1,150 more than one) takes 841,424 bytes of heap (22 a
 * region, 24 a cell), 780,400 with the hint (tests/check_dscomp.c); before
 * this layout, 4,031,984. No getter writes to the dataset, so a const
 * dataset can be read from many threads.
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
/* Entries of a 4-byte index (series, sparse cells): its slots hold entry + 1
 * and it has 4/3 as many slots as entries, both under 2^32. */
#define MAX_ENTRIES ((size_t)3 << 29)

/* Dense slots: a NaN with this tag in its low bits is a cell with flag tag
 * (GIDX_FLAG_MISSING .. GIDX_FLAG_NOT_APPLICABLE), or no cell (SLOT_ABSENT).
 * SLOT_NORANGE, in a series' own slot, says the series has no range. */
#define SLOT_NAN UINT64_C(0x7FF8000000000000)
#define SLOT_ABSENT 0xFFu
#define SLOT_NORANGE 0xFEu
/* The dense ranges' allowance: slots <= 2 x dense cells + this per series +
 * SLOT_SLACK in all. */
#define SLOT_PER_SERIES 64
#define SLOT_SLACK ((size_t)1 << 16)

/* Names shorter than this go into the blocks of text. */
#define NAME_SMALL 256
#define NAME_BLOCK_MIN 512
#define NAME_BLOCK_MAX ((size_t)16 << 10)

/* An open-addressing index (linear probing, Knuth, TAOCP vol. 3, 6.4,
 * algorithm L) of 4-byte slots: 0 is empty, else the number + 1 of an
 * entry kept by the owner, which compares keys through its own arrays. Any
 * capacity: the home slot is the hash's top 32 bits scaled to it (Lemire,
 * "A fast alternative to the modulo reduction", 2016). An index of names
 * (fewer than 2^25) keeps 7 more bits of the hash in the top of each slot,
 * its tag bits, so that a probe compares a name only when they agree. */
typedef struct index32 {
    uint32_t *slot;
    size_t cap;
    uint32_t tag;              /* the slots' tag bits (0: none) */
} index32;
#define NAME_TAG_BITS UINT32_C(0xFE000000)

typedef uint64_t (*entry_hash)(const void *owner, size_t e);
typedef int (*entry_is)(const void *owner, size_t e, const void *key);

typedef struct name_block {
    struct name_block *next;
    size_t used, cap;
    char text[];
} name_block;

typedef struct name_list {
    char **names;
    size_t n, cap;
    index32 ix;
    name_block *blocks;        /* newest first */
    size_t last;               /* the name a writer interned last (a loader's
                                * cells come name after name) */
} name_list;

/* A range of more than one year, [base, base + capm1 + 1) with count cells,
 * its own allocation. Dense: v holds a slot for each year. Listed (a range
 * widened from one year, whose cells are usually few and far apart, as in a
 * sparse panel): v holds the slots of n cells, then their year indices
 * (uint16_t) ascending, up to LIST_MAX cells, after which it becomes dense.
 * The allowance counts a listed range as if it were dense, so what goes to
 * the sparse store does not depend on the form. */
#define LIST_MAX 4
typedef struct range {
    uint16_t base, capm1, count;
    unsigned char listed, n;
    double v[];
} range;

/* key: region << 40 | variable << 16 | low, where low is the year index of
 * a one-year range kept in u.one (or of none, u.one = SLOT_NORANGE), or
 * SER_HEAP when the range is u.r. */
#define SER_HEAP UINT64_C(0xFFFF)
typedef struct series {
    union {
        double one;
        range *r;
    } u;
    uint64_t key;
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
    series *ser;
    size_t nser, ser_cap;
    index32 ser_ix;            /* (region, variable) -> series number */
    size_t last;               /* the series the last cell went to (a writer's cache) */
    size_t slots, ndense;      /* dense slots allocated, dense cells */
    double *values;            /* sparse store */
    unsigned char *flags;
    uint64_t *keys;            /* packed key of each sparse cell */
    size_t nsparse, sparse_cap;
    index32 sparse_ix;         /* packed key -> sparse cell number */
    size_t cells_hint;         /* cells the loader will set in all, 0 = unknown */
    char **meta_keys;
    char **meta_values;
    size_t nmeta, meta_cap;
};

/* ---- the 4-byte index ---- */

static size_t ix_home(const index32 *ix, uint64_t h)
{
    return (size_t)(((h >> 32) * (uint64_t)ix->cap) >> 32);
}

/* Slots for an owner array of @p n entries: at most 3/4 full. */
static size_t ix_cap_for(size_t n)
{
    return n + n / 3 + 1;
}

/* 1 and the entry whose key is @p key (hash @p h), or 0. */
static int ix_find(const index32 *ix, uint64_t h, entry_is is, const void *owner,
                   const void *key, size_t *e)
{
    size_t i;
    uint32_t tag = (uint32_t)h & ix->tag;
    if (ix->cap == 0)
        return 0;
    for (i = ix_home(ix, h); ix->slot[i] != 0; i = i + 1 == ix->cap ? 0 : i + 1)
        if ((ix->slot[i] & ix->tag) == tag && is(owner, (ix->slot[i] & ~ix->tag) - 1u, key)) {
            *e = (ix->slot[i] & ~ix->tag) - 1u;
            return 1;
        }
    return 0;
}

/* Enter entry @p e (not there yet; the index has a free slot). */
static void ix_add(index32 *ix, uint64_t h, size_t e)
{
    size_t i = ix_home(ix, h);
    while (ix->slot[i] != 0)
        i = i + 1 == ix->cap ? 0 : i + 1;
    ix->slot[i] = (uint32_t)(e + 1) | ((uint32_t)h & ix->tag);
}

/* Rebuild with room for @p want entries, holding entries 0 .. n-1; left as
 * it was when memory runs out. */
static gidx_status ix_resize(index32 *ix, size_t want, size_t n, entry_hash hash,
                             const void *owner)
{
    index32 nx;
    size_t e;
    nx.cap = ix_cap_for(want);
    nx.tag = ix->tag;
    if (nx.cap <= ix->cap)
        return GIDX_OK;
    if ((nx.slot = gidx__calloc(nx.cap, sizeof *nx.slot)) == NULL)
        return GIDX_ENOMEM;
    for (e = 0; e < n; e++)
        ix_add(&nx, hash(owner, e), e);
    free(ix->slot);
    *ix = nx;
    return GIDX_OK;
}

/* The capacity after @p cap entries: doubling while small, then a quarter
 * more (the slack an array carries is at most a quarter of it). */
static size_t grow_cap(size_t cap)
{
    return cap == 0 ? 16 : cap < 4096 ? 2 * cap : cap + cap / 4;
}

/* ---- dense slots ---- */

static double slot_tag(unsigned tag)
{
    uint64_t b = SLOT_NAN | tag;
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static int slot_is(double s, unsigned tag)
{
    uint64_t b;
    memcpy(&b, &s, sizeof b);
    return b == (SLOT_NAN | tag);
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

/* ---- names ---- */

/* FNV-1a, finalised: the index takes the home slot from the top bits, and
 * FNV-1a leaves the last bytes of names such as "0301" ... "5444" in its
 * middle bits (64 times slower loads with the bare hash). */
static uint64_t name_key_hash(const char *name)
{
    return gidx__hash_u64(gidx__hash_str(name));
}

static uint64_t name_hash(const void *owner, size_t e)
{
    return name_key_hash(((const name_list *)owner)->names[e]);
}

static int name_is(const void *owner, size_t e, const void *key)
{
    return strcmp(((const name_list *)owner)->names[e], key) == 0;
}

/* 1 and the index of @p name, or 0. */
static int names_find(const name_list *l, const char *name, size_t *idx)
{
    return ix_find(&l->ix, name_key_hash(name), name_is, l, name, idx);
}

static void names_free(name_list *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        if (strlen(l->names[i]) >= NAME_SMALL)
            free(l->names[i]);
    while (l->blocks != NULL) {
        name_block *next = l->blocks->next;
        free(l->blocks);
        l->blocks = next;
    }
    free(l->names);
    free(l->ix.slot);
}

/* Room for @p want names in all. */
static gidx_status names_reserve(name_list *l, size_t want)
{
    char **nn;
    if (want <= l->cap)
        return GIDX_OK;
    if ((nn = gidx__reallocarray(l->names, want, sizeof *nn)) == NULL)
        return GIDX_ENOMEM;
    l->names = nn;
    if (ix_resize(&l->ix, want, l->n, name_hash, l) != GIDX_OK)
        return GIDX_ENOMEM;
    l->cap = want;
    return GIDX_OK;
}

/* A copy of a short name (@p len bytes) in the blocks of text. */
static char *names_store(name_list *l, const char *name, size_t len)
{
    name_block *b = l->blocks;
    if (b == NULL || b->cap - b->used < len + 1) {
        size_t cap = b == NULL ? NAME_BLOCK_MIN : 2 * b->cap;
        if (cap > NAME_BLOCK_MAX)
            cap = NAME_BLOCK_MAX;
        if ((b = gidx__malloc(sizeof *b + cap)) == NULL)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = l->blocks;
        l->blocks = b;
    }
    memcpy(b->text + b->used, name, len + 1);
    b->used += len + 1;
    return b->text + b->used - len - 1;
}

/* Index of @p name, adding it when absent: a copy, or, when @p adopt and
 * @p taken are given and the name is long, @p name itself (a malloc'd
 * block; *taken = 1). A short name is always copied into the blocks. */
static gidx_status names_intern_adopt(size_t *idx, name_list *l, const char *name,
                                      const char *what, int adopt, int *taken)
{
    size_t len;
    char *copy;
    if (l->last < l->n && strcmp(l->names[l->last], name) == 0) {
        *idx = l->last;
        return GIDX_OK;
    }
    if (names_find(l, name, idx)) {
        l->last = *idx;
        return GIDX_OK;
    }
    if (l->n >= MAX_NAMES)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu %ss", MAX_NAMES, what);
    if (l->n == l->cap && names_reserve(l, grow_cap(l->cap)) != GIDX_OK)
        return GIDX_ENOMEM;
    len = strlen(name);
    if (len < NAME_SMALL)
        copy = names_store(l, name, len);
    else
        copy = adopt ? (char *)(uintptr_t)name : gidx__strdup(name);
    if (copy == NULL)
        return GIDX_ENOMEM;
    ix_add(&l->ix, name_key_hash(copy), l->n);
    l->names[l->n] = copy;
    l->last = l->n;
    *idx = l->n++;
    if (adopt && copy == name)
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
    ds->regions.ix.tag = ds->variables.ix.tag = NAME_TAG_BITS;
    if ((ds->year_index = gidx__u64map_new()) == NULL) {
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
    for (i = 0; i < ds->nser; i++)
        if ((ds->ser[i].key & SER_HEAP) == SER_HEAP)
            free(ds->ser[i].u.r);
    free(ds->ser);
    free(ds->ser_ix.slot);
    free(ds->values);
    free(ds->flags);
    free(ds->keys);
    free(ds->sparse_ix.slot);
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

/* The capacity after @p cap for an array of entries each made for a cell
 * (series, sparse cells) holding @p n: grow_cap, but while the loader's
 * count of cells is not reached, no more than the cells to come can fill. */
static size_t grow_cap_hinted(const gidx_dataset *ds, size_t cap, size_t n)
{
    size_t want = grow_cap(cap), have = ds->ndense + ds->nsparse;
    if (ds->cells_hint > have && n + (ds->cells_hint - have) < want)
        want = n + (ds->cells_hint - have);
    return want > n ? want : n + 1;
}

/* ---- series ---- */

/* (region, variable) of a series key or of a pair. */
static uint64_t series_pair(uint64_t key)
{
    return key >> 16;
}

static uint64_t pair_of(size_t r, size_t v)
{
    return ((uint64_t)r << 24) | (uint64_t)v;
}

static uint64_t series_hash(const void *owner, size_t e)
{
    return gidx__hash_u64(series_pair(((const gidx_dataset *)owner)->ser[e].key));
}

static int series_is(const void *owner, size_t e, const void *key)
{
    return series_pair(((const gidx_dataset *)owner)->ser[e].key) == *(const uint64_t *)key;
}

static uint16_t *list_years(const range *rg)
{
    return (uint16_t *)(uintptr_t)(rg->v + rg->n);
}

static size_t list_bytes(size_t n)
{
    return sizeof(range) + n * (sizeof(double) + sizeof(uint16_t));
}

/* The range of @p s: first year index, length and cells. */
static void series_range(const series *s, size_t *base, size_t *cap, size_t *count)
{
    if ((s->key & SER_HEAP) == SER_HEAP) {
        *base = s->u.r->base;
        *cap = (size_t)s->u.r->capm1 + 1;
        *count = s->u.r->count;
        return;
    }
    *base = (size_t)(s->key & 0xFFFFu);
    *cap = slot_is(s->u.one, SLOT_NORANGE) ? 0 : 1;
    *count = *cap == 1 && !slot_is(s->u.one, SLOT_ABSENT);
}

/* The slot of year index @p y in @p s, or NULL when it has none (outside
 * the range, or a listed range without it). */
static double *series_at(const series *s, size_t y)
{
    size_t base, cap, count, i;
    series_range(s, &base, &cap, &count);
    if (y < base || y >= base + cap)
        return NULL;
    if ((s->key & SER_HEAP) != SER_HEAP)
        return (double *)(uintptr_t)&s->u.one;
    if (!s->u.r->listed)
        return s->u.r->v + (y - base);
    for (i = 0; i < s->u.r->n; i++)
        if (list_years(s->u.r)[i] == y)
            return s->u.r->v + i;
    return NULL;
}

/* The slot of year index @p y, in the range of @p s: the one there, or a new
 * one (absent) listed, the range made dense when the list is full; NULL
 * when memory runs out (nothing changed). */
static double *series_place(series *s, size_t y)
{
    double *sl = series_at(s, y), absent = slot_tag(SLOT_ABSENT);
    range *rg, *nr;
    size_t i, n, cap;
    uint16_t *ys;
    if (sl != NULL)
        return sl;
    rg = s->u.r;   /* only a listed range lacks a slot in its range */
    n = rg->n;
    if (n < LIST_MAX) {
        if ((nr = gidx__realloc(rg, list_bytes(n + 1))) == NULL) {
            gidx_error_clear();
            return NULL;
        }
        /* the years move up past the new slot, then the cells after y */
        memmove((uint16_t *)(nr->v + n + 1), (uint16_t *)(nr->v + n), n * sizeof(uint16_t));
        nr->n = (unsigned char)(n + 1);
        ys = list_years(nr);
        for (i = n; i > 0 && ys[i - 1] > y; i--) {
            ys[i] = ys[i - 1];
            nr->v[i] = nr->v[i - 1];
        }
        ys[i] = (uint16_t)y;
        nr->v[i] = absent;
        s->u.r = nr;
        return nr->v + i;
    }
    cap = (size_t)rg->capm1 + 1;
    if ((nr = gidx__malloc(sizeof *nr + cap * sizeof nr->v[0])) == NULL) {
        gidx_error_clear();
        return NULL;
    }
    *nr = *rg;
    nr->listed = 0;
    nr->n = 0;
    for (i = 0; i < cap; i++)
        nr->v[i] = absent;
    for (i = 0; i < n; i++)
        nr->v[list_years(rg)[i] - rg->base] = rg->v[i];
    free(rg);
    s->u.r = nr;
    return nr->v + (y - nr->base);
}

/* One cell more (+1) or less (-1) in the range of @p s (counted only for a
 * range of its own: a one-year range's count is whether its slot is set). */
static void series_count(series *s, int d)
{
    if ((s->key & SER_HEAP) == SER_HEAP)
        s->u.r->count = (uint16_t)(d > 0 ? s->u.r->count + 1 : s->u.r->count - 1);
}

/* The series of (r, v), created (with no range) when absent. */
static gidx_status series_get(series **out, gidx_dataset *ds, size_t r, size_t v)
{
    uint64_t pair = pair_of(r, v), h;
    size_t k;
    if (ds->last < ds->nser && series_pair(ds->ser[ds->last].key) == pair) {
        *out = &ds->ser[ds->last];
        return GIDX_OK;
    }
    h = gidx__hash_u64(pair);
    if (ix_find(&ds->ser_ix, h, series_is, ds, &pair, &k)) {
        ds->last = k;
        *out = &ds->ser[k];
        return GIDX_OK;
    }
    if (ds->nser >= MAX_ENTRIES)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu series", MAX_ENTRIES);
    if (ds->nser == ds->ser_cap) {
        size_t cap = grow_cap_hinted(ds, ds->ser_cap, ds->nser);
        series *ns = gidx__reallocarray(ds->ser, cap, sizeof *ns);
        if (ns == NULL)
            return GIDX_ENOMEM;
        ds->ser = ns;
        if (ix_resize(&ds->ser_ix, cap, ds->nser, series_hash, ds) != GIDX_OK)
            return GIDX_ENOMEM;
        ds->ser_cap = cap;
    }
    ds->ser[ds->nser].u.one = slot_tag(SLOT_NORANGE);
    ds->ser[ds->nser].key = cell_key(r, v, 0);
    ix_add(&ds->ser_ix, h, ds->nser);
    ds->last = ds->nser;
    *out = &ds->ser[ds->nser++];
    return GIDX_OK;
}

static const series *series_find(const gidx_dataset *ds, size_t r, size_t v)
{
    uint64_t pair = pair_of(r, v);
    size_t k;
    return ix_find(&ds->ser_ix, gidx__hash_u64(pair), series_is, ds, &pair, &k) ? &ds->ser[k]
                                                                                : NULL;
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
 * one cost O(1) amortised. A range of one year stays in the series. */
static int series_widen(gidx_dataset *ds, series *s, size_t y)
{
    size_t base, cap, count, lo, hi, want_hi, k;
    double absent = slot_tag(SLOT_ABSENT);
    range *nr;
    series_range(s, &base, &cap, &count);
    if (cap == 0) {
        lo = hi = y;
        hi++;
        if (ds->nser > 1) {
            size_t plo, pcap, pcount, phi;
            series_range(&ds->ser[ds->nser - 2], &plo, &pcap, &pcount);
            phi = plo + pcap;
            if (phi > ds->nyears)
                phi = ds->nyears;
            /* only from a series that is mostly full: a sparse panel's
             * series would otherwise each take the whole range */
            if (pcap > 0 && plo <= y && y < phi && 2 * pcount >= pcap) {
                lo = plo;
                hi = phi;
            }
        }
        if (hi - lo > 1 && !slots_allowed(ds, hi - lo)) {
            lo = y;
            hi = y + 1;
        }
    } else {
        lo = base < y ? base : y;
        hi = base + cap > y + 1 ? base + cap : y + 1;
        want_hi = base + cap + cap / 2;
        if (y >= base + cap && want_hi > hi) {
            if (want_hi > MAX_YEARS)
                want_hi = MAX_YEARS;
            if (want_hi > hi && slots_allowed(ds, want_hi - lo - cap))
                hi = want_hi;
        }
    }
    if (!slots_allowed(ds, hi - lo - cap))
        return 0;
    if (hi - lo == 1) {   /* from no range: the one year in the series */
        s->u.one = absent;
        s->key = (s->key & ~SER_HEAP) | (uint64_t)lo;
        ds->slots++;
        return 1;
    }
    if (cap == 1) {       /* a year and another: listed */
        int has = !slot_is(s->u.one, SLOT_ABSENT);
        if ((nr = gidx__malloc(list_bytes(has ? 1 : 0))) == NULL) {
            gidx_error_clear();
            return 0;
        }
        nr->listed = 1;
        nr->n = (unsigned char)has;
        if (has) {
            nr->v[0] = s->u.one;
            list_years(nr)[0] = (uint16_t)base;
        }
    } else if (cap > 1 && s->u.r->listed) {
        nr = s->u.r;
    } else {
        nr = gidx__realloc(cap > 1 ? s->u.r : NULL, sizeof *nr + (hi - lo) * sizeof nr->v[0]);
        if (nr == NULL) {
            gidx_error_clear();
            return 0;
        }
        if (cap > 1 && lo < base)
            memmove(nr->v + (base - lo), nr->v, cap * sizeof nr->v[0]);
        for (k = lo; k < hi; k++)
            if (cap == 0 || k < base || k >= base + cap)
                nr->v[k - lo] = absent;
        nr->listed = 0;
        nr->n = 0;
    }
    ds->slots += hi - lo - cap;
    nr->base = (uint16_t)lo;
    nr->capm1 = (uint16_t)(hi - lo - 1);
    nr->count = (uint16_t)count;
    s->u.r = nr;
    s->key |= SER_HEAP;
    return 1;
}

/* ---- the sparse store ---- */

static uint64_t sparse_hash(const void *owner, size_t e)
{
    return gidx__hash_u64(((const gidx_dataset *)owner)->keys[e]);
}

static int sparse_is(const void *owner, size_t e, const void *key)
{
    return ((const gidx_dataset *)owner)->keys[e] == *(const uint64_t *)key;
}

/* The sparse cell of a packed key: 1 and its number, or 0. */
static int sparse_find(size_t *c, const gidx_dataset *ds, uint64_t key)
{
    return ds->nsparse > 0 && ix_find(&ds->sparse_ix, gidx__hash_u64(key), sparse_is, ds, &key, c);
}

static gidx_status sparse_add(gidx_dataset *ds, uint64_t key, double value, int flag)
{
    if (ds->nsparse >= MAX_ENTRIES)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu scattered cells",
                               MAX_ENTRIES);
    if (ds->nsparse == ds->sparse_cap) {
        size_t cap = grow_cap_hinted(ds, ds->sparse_cap, ds->nsparse);
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
        if (ix_resize(&ds->sparse_ix, cap, ds->nsparse, sparse_hash, ds) != GIDX_OK)
            return GIDX_ENOMEM;
        ds->sparse_cap = cap;
    }
    ix_add(&ds->sparse_ix, gidx__hash_u64(key), ds->nsparse);
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
    series *s = NULL;
    size_t c;
    uint64_t key = cell_key(r, v, y);
    gidx_status rc;
    double old, *sl;
    if ((rc = series_get(&s, ds, r, v)) != GIDX_OK)
        return rc;
    sl = series_at(s, y);
    if (sl != NULL && slot_read(*sl, &old) != SLOT_ABSENT) {
        if (flag != GIDX_FLAG_PROVISIONAL) {
            *sl = flag == GIDX_FLAG_OK ? value : slot_tag((unsigned)flag);
            return GIDX_OK;
        }
        /* becomes provisional: moves to the sparse store */
        if ((rc = sparse_add(ds, key, value, flag)) != GIDX_OK)
            return rc;
        *sl = slot_tag(SLOT_ABSENT);
        series_count(s, -1);
        ds->ndense--;
        return GIDX_OK;
    }
    if (sparse_find(&c, ds, key)) {
        ds->values[c] = value;
        ds->flags[c] = (unsigned char)flag;
        return GIDX_OK;
    }
    if (flag != GIDX_FLAG_PROVISIONAL) {
        size_t base, cap, count;
        series_range(s, &base, &cap, &count);
        if (((y >= base && y < base + cap) || series_widen(ds, s, y)) &&
            (sl = series_place(s, y)) != NULL) {
            *sl = flag == GIDX_FLAG_OK ? value : slot_tag((unsigned)flag);
            series_count(s, 1);
            ds->ndense++;
            return GIDX_OK;
        }
    }
    return sparse_add(ds, key, value, flag);
}

/* Cell (r, v, y): 1 with its value and flag, or 0 when it was never set. */
static int cell_get(double *x, int *flag, const gidx_dataset *ds, size_t r, size_t v, size_t y)
{
    const series *s = series_find(ds, r, v);
    const double *sl;
    size_t c;
    if (s == NULL)
        return 0;
    if ((sl = series_at(s, y)) != NULL) {
        unsigned f = slot_read(*sl, x);
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
        size_t base, cap, count;
        const range *rg = (s->key & SER_HEAP) == SER_HEAP ? s->u.r : NULL;
        const double *sl = rg != NULL ? rg->v : &s->u.one;
        series_range(s, &base, &cap, &count);
        if (rg != NULL && rg->listed)
            cap = rg->n;
        while (it->k < cap) {
            unsigned f = slot_read(sl[it->k], x);
            it->k++;
            if (f != SLOT_ABSENT) {
                *r = (size_t)(s->key >> 40);
                *v = (size_t)((s->key >> 16) & 0xFFFFFF);
                *y = rg != NULL && rg->listed ? list_years(rg)[it->k - 1] : base + it->k - 1;
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

gidx_status gidx__dataset_reserve(gidx_dataset *ds, size_t nregions, size_t ncells)
{
    if (ds == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx__dataset_reserve: NULL dataset");
    if (nregions > MAX_NAMES)
        return gidx__error_set(GIDX_ELIMIT, "dataset: more than %zu regions", MAX_NAMES);
    if (names_reserve(&ds->regions, nregions) != GIDX_OK)
        return GIDX_ENOMEM;
    ds->cells_hint = ncells;
    return GIDX_OK;
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
    if (!names_find(&ds->regions, region, &r) ||
        !names_find(&ds->variables, variable, &v) ||
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
    if (!names_find(&ds->regions, region, i))
        return gidx__error_set(GIDX_ENOTFOUND, "region \"%s\" is not in the dataset", region);
    return GIDX_OK;
}

gidx_status gidx_dataset_match_region(size_t *i, const gidx_dataset *ds, const char *code_or_name)
{
    size_t k;
    if (i == NULL || ds == NULL || code_or_name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_match_region: NULL argument");
    if (names_find(&ds->regions, code_or_name, i))
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
    if (!names_find(&ds->variables, variable, i))
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
    if (names_find(&ds->regions, region, &r) && r < ds->region_display_cap &&
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
        if (regions[k] == NULL || !names_find(&ds->regions, regions[k], &r)) {
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
            names_find(&c->regions, ds->regions.names[r], &k))
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
