/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file fetch.h
 * @brief Fetching official statistics from SSB's PxWebApi v2 (JSON-stat 2.0) with caching and provenance.
 */
#ifndef GREENIDX_FETCH_H
#define GREENIDX_FETCH_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_FETCH_H */
