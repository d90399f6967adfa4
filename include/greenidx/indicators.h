/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file indicators.h
 * @brief Indicator definitions, catalogues, the formula language, indicator panels and validation.
 */
#ifndef GREENIDX_INDICATORS_H
#define GREENIDX_INDICATORS_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_INDICATORS_H */
