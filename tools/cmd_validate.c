/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx validate: validate the indicator values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx validate [--data PATH] [--catalog PATH] [--format text|json|csv|xlsx]\n"
    "                         [--output PATH]\n"
    "\n"
    "Compute the indicators (as `greenidx indicators`) and validate them: coverage,\n"
    "gaps, robust outliers on levels and changes, skewness and kurtosis, municipal\n"
    "sums against county totals, impossible values, redundancy and Cronbach's alpha\n"
    "per pillar. --format xlsx writes the CSV table as a workbook sheet \"validation\"\n"
    "(year an integer, value a number); text cells that look like formulas get a\n"
    "leading ' in CSV and xlsx (docs/reliability.md).\n";

static int run(int argc, char **argv);
const gidx_cli_command gidx_cli_cmd_validate = { "validate", "validate the indicator values", run, usage };

static int run(int argc, char **argv)
{
    return gidx_cli_panel_command(&gidx_cli_cmd_validate, 1, argc, argv);
}
