/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Open-addressing hash maps with linear probing (Knuth, TAOCP vol. 3, 6.4,
 * algorithm L), kept at most half full so that probes stay short. String keys
 * are hashed with FNV-1a, 64-bit keys with the splitmix64 finaliser. They back
 * the dataset's year index and the loaders' lookups (the dataset's names,
 * series and scattered cells use 4-byte indices of their own, dataset.c,
 * with these hashes), so loading scales linearly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- string map ---- */
struct gidx__strmap {
    char **keys;
    size_t *vals;
    size_t cap;   /* power of two */
    size_t size;
};

gidx__strmap *gidx__strmap_new(void)
{
    gidx__strmap *m = gidx__calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->cap = 16;
    m->keys = gidx__calloc(m->cap, sizeof *m->keys);
    m->vals = gidx__calloc(m->cap, sizeof *m->vals);
    if (m->keys == NULL || m->vals == NULL) {
        gidx__strmap_free(m);
        return NULL;
    }
    return m;
}

void gidx__strmap_free(gidx__strmap *m)
{
    size_t i;
    if (m == NULL)
        return;
    if (m->keys != NULL)
        for (i = 0; i < m->cap; i++)
            free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    free(m);
}

static size_t strmap_slot(char *const *keys, size_t cap, const char *key)
{
    size_t i = (size_t)gidx__hash_str(key) & (cap - 1);
    while (keys[i] != NULL && strcmp(keys[i], key) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

int gidx__strmap_get(const gidx__strmap *m, const char *key, size_t *val)
{
    size_t i = strmap_slot(m->keys, m->cap, key);
    if (m->keys[i] == NULL)
        return 0;
    if (val != NULL)
        *val = m->vals[i];
    return 1;
}

static gidx_status strmap_grow(gidx__strmap *m)
{
    size_t ncap = m->cap * 2, i;
    char **nk = gidx__calloc(ncap, sizeof *nk);
    size_t *nv = gidx__calloc(ncap, sizeof *nv);
    if (nk == NULL || nv == NULL) {
        free(nk);
        free(nv);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < m->cap; i++) {
        if (m->keys[i] != NULL) {
            size_t j = strmap_slot(nk, ncap, m->keys[i]);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return GIDX_OK;
}

gidx_status gidx__strmap_put(gidx__strmap *m, const char *key, size_t val)
{
    size_t i;
    if ((m->size + 1) * 2 > m->cap && strmap_grow(m) != GIDX_OK)
        return GIDX_ENOMEM;
    i = strmap_slot(m->keys, m->cap, key);
    if (m->keys[i] == NULL) {
        m->keys[i] = gidx__strdup(key);
        if (m->keys[i] == NULL)
            return GIDX_ENOMEM;
        m->size++;
    }
    m->vals[i] = val;
    return GIDX_OK;
}

size_t gidx__strmap_size(const gidx__strmap *m)
{
    return m->size;
}

/* ---- 64-bit key map; UINT64_MAX marks an empty slot ---- */
#define EMPTY_KEY UINT64_MAX

struct gidx__u64map {
    uint64_t *keys;
    size_t *vals;
    size_t cap;
    size_t size;
};

static uint64_t *u64_keys_new(size_t cap)
{
    uint64_t *k = gidx__reallocarray(NULL, cap, sizeof *k);
    size_t i;
    if (k != NULL)
        for (i = 0; i < cap; i++)
            k[i] = EMPTY_KEY;
    return k;
}

gidx__u64map *gidx__u64map_new(void)
{
    gidx__u64map *m = gidx__calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->cap = 64;
    m->keys = u64_keys_new(m->cap);
    m->vals = gidx__calloc(m->cap, sizeof *m->vals);
    if (m->keys == NULL || m->vals == NULL) {
        gidx__u64map_free(m);
        return NULL;
    }
    return m;
}

void gidx__u64map_free(gidx__u64map *m)
{
    if (m == NULL)
        return;
    free(m->keys);
    free(m->vals);
    free(m);
}

static size_t u64_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
    size_t i = (size_t)gidx__hash_u64(key) & (cap - 1);
    while (keys[i] != EMPTY_KEY && keys[i] != key)
        i = (i + 1) & (cap - 1);
    return i;
}

int gidx__u64map_get(const gidx__u64map *m, uint64_t key, size_t *val)
{
    size_t i = u64_slot(m->keys, m->cap, key);
    if (m->keys[i] == EMPTY_KEY)
        return 0;
    if (val != NULL)
        *val = m->vals[i];
    return 1;
}

static gidx_status u64_grow(gidx__u64map *m)
{
    size_t ncap = m->cap * 2, i;
    uint64_t *nk = u64_keys_new(ncap);
    size_t *nv = gidx__calloc(ncap, sizeof *nv);
    if (nk == NULL || nv == NULL) {
        free(nk);
        free(nv);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < m->cap; i++) {
        if (m->keys[i] != EMPTY_KEY) {
            size_t j = u64_slot(nk, ncap, m->keys[i]);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return GIDX_OK;
}

gidx_status gidx__u64map_put(gidx__u64map *m, uint64_t key, size_t val)
{
    size_t i;
    if (key == EMPTY_KEY)
        return gidx__error_set(GIDX_EINTERNAL, "u64map: reserved key");
    if ((m->size + 1) * 2 > m->cap && u64_grow(m) != GIDX_OK)
        return GIDX_ENOMEM;
    i = u64_slot(m->keys, m->cap, key);
    if (m->keys[i] == EMPTY_KEY) {
        m->keys[i] = key;
        m->size++;
    }
    m->vals[i] = val;
    return GIDX_OK;
}

size_t gidx__u64map_size(const gidx__u64map *m)
{
    return m->size;
}
