/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <greenidx/common.h>

const char *gidx_version_string(void)
{
    return GIDX_VERSION_STRING;
}

int gidx_version_number(void)
{
    return GIDX_VERSION_NUMBER;
}
