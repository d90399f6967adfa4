/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internals of the fetch module shared by query.c, client.c and plan.c. */
#ifndef GIDX_FETCH_INTERNAL_H
#define GIDX_FETCH_INTERNAL_H

#include <stdint.h>
#include <greenidx/fetch.h>

typedef struct gidx__fetch_dim {
    char *name;
    char **codes;        /* NULL when only a code list / output values are set */
    size_t ncodes;
    char *codelist;      /* or NULL */
    char *output_values; /* or NULL */
} gidx__fetch_dim;

struct gidx_fetch_query {
    char *table;
    char lang[3];
    gidx__fetch_dim *dims;
    size_t ndims;
};

/* Deep copy of a query. NULL and GIDX_ENOMEM recorded on failure. */
gidx_fetch_query *gidx__fetch_query_clone(const gidx_fetch_query *q);
/* The dimension named @p dim, or NULL. */
gidx__fetch_dim *gidx__fetch_query_dim(const gidx_fetch_query *q, const char *dim);
/* 1 when the code is a PxWebApi selection expression (*, top(), from(), ...). */
int gidx__fetch_is_expression(const char *code);
/* FNV-1a 64-bit hash of a string (cache keys). */
uint64_t gidx__fetch_hash(const char *s);
/* Copy every cell of @p src into @p dst (replacing). */
gidx_status gidx__fetch_merge(gidx_dataset *dst, const gidx_dataset *src);
/* The API root of a client (borrowed). */
const char *gidx__fetch_client_api(const gidx_fetch_client *c);

#endif
