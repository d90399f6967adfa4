/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file report.h
 * @brief Rendering results as text, JSON and self-contained HTML with inline SVG charts.
 */
#ifndef GREENIDX_REPORT_H
#define GREENIDX_REPORT_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_REPORT_H */
