/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx indicators: compute the indicators of a catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx indicators [--data PATH] [--catalog PATH] [--region CODE|NAME]\n"
    "                           [--format table|csv|json|xlsx] [--output PATH]\n"
    "\n"
    "Compute every indicator of a catalogue (default: the built-in catalogue) for\n"
    "every region and year of the data. --data PATH reads a long CSV with columns\n"
    "region,year,variable,value[,flag] (other columns ignored); without --data the\n"
    "embedded Telemark data is used. CSV columns: region_code,region_name,year,indicator,value\n"
    "(empty value when missing); JSON adds the reason of every missing value.\n"
    "xlsx (needs --output or a pipe): sheet \"indicators\", one row per region and\n"
    "year, one numeric column per indicator headed \"id (unit)\", empty when missing;\n"
    "sheet \"catalogue\" with the names (en, nb), units, pillars and directions.\n";

static int run(int argc, char **argv);
const gidx_cli_command gidx_cli_cmd_indicators = { "indicators", "compute the indicators of a catalogue", run, usage };

static int run(int argc, char **argv)
{
    return gidx_cli_panel_command(&gidx_cli_cmd_indicators, 0, argc, argv);
}
