/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internal helpers of the data layer, shared by its loaders. */
#ifndef GIDX_DATA_INTERNAL_H
#define GIDX_DATA_INTERNAL_H

#include <stddef.h>
#include <greenidx/common.h>

/* Flag for an SSB missing-value symbol ("", NA, "..", ".", ":", "-"), or -1
 * when @p s is not one. */
int gidx__symbol_flag(const char *s);

/* Offset of the first invalid UTF-8 byte, or len. */
size_t gidx__utf8_invalid_at(const char *s, size_t len);

/* Read a whole file (NUL-terminated copy in *data, caller frees); refuse
 * files larger than max_bytes with GIDX_ELIMIT. */
gidx_status gidx__read_file(char **data, size_t *len, const char *path, size_t max_bytes);

#endif /* GIDX_DATA_INTERNAL_H */
