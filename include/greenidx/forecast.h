/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file forecast.h
 * @brief Forecasting indicator series to 2030: ETS, ARIMA, Theta, trends, calibrated intervals, targets, scenarios, reconciliation.
 */
#ifndef GREENIDX_FORECAST_H
#define GREENIDX_FORECAST_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_FORECAST_H */
