/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file effects.h
 * @brief Policy-instrument effect estimators: difference-in-differences, event studies, staggered DiD, synthetic control, panel fixed effects.
 */
#ifndef GREENIDX_EFFECTS_H
#define GREENIDX_EFFECTS_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_EFFECTS_H */
