/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file ripple.h
 * @brief Ripple effects: input-output models, multipliers, regionalisation and shocks.
 */
#ifndef GREENIDX_RIPPLE_H
#define GREENIDX_RIPPLE_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_RIPPLE_H */
