/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Checked allocation: a failure records GIDX_ENOMEM with the size asked for. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *gidx__malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        gidx__error_set(GIDX_ENOMEM, "out of memory allocating %zu bytes", size);
    return p;
}

void *gidx__calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        gidx__error_set(GIDX_ENOMEM, "out of memory allocating %zu x %zu bytes", n, size);
    return p;
}

void *gidx__realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        gidx__error_set(GIDX_ENOMEM, "out of memory allocating %zu bytes", size);
    return q;
}

void *gidx__reallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        gidx__error_set(GIDX_ENOMEM, "allocation of %zu x %zu bytes overflows", n, size);
        return NULL;
    }
    return gidx__realloc(p, n * size);
}

char *gidx__strndup(const char *s, size_t n)
{
    char *d = gidx__malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *gidx__strdup(const char *s)
{
    return gidx__strndup(s, strlen(s));
}

void gidx_free(void *p)
{
    free(p);
}
