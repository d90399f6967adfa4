/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators: catalogues, formulas, indicator panels and validation
 * (include/greenidx/indicators.h): entirely generated (gidx_api.i); no
 * hand-written exception. The idiomatic layers build datasets from data
 * frames with gidx_dataset_set() and read panels cell by cell with
 * gidx_panel_get().
 */
%{
#include <greenidx/indicators.h>
%}
