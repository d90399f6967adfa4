/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file greenidx.h
 * @brief Umbrella header: includes the whole public API of libgreenidx.
 *
 * Compile and link with `pkg-config --cflags --libs greenidx`.
 */
#ifndef GREENIDX_H
#define GREENIDX_H

#include <greenidx/version.h>
#include <greenidx/common.h>
#include <greenidx/table.h>
#include <greenidx/dataset.h>
#include <greenidx/xlsx.h>
#include <greenidx/indicators.h>
#include <greenidx/composite.h>
#include <greenidx/forecast.h>
#include <greenidx/effects.h>
#include <greenidx/ripple.h>
#include <greenidx/report.h>
#include <greenidx/fetch.h>

#endif /* GREENIDX_H */
