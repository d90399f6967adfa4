/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file composite.h
 * @brief Composite indices, benchmarking, multivariate checks, Monte Carlo uncertainty and Sobol sensitivity analysis.
 */
#ifndef GREENIDX_COMPOSITE_H
#define GREENIDX_COMPOSITE_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_COMPOSITE_H */
