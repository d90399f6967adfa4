/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Shared by `greenidx index` and `greenidx benchmark` (defined in
 * cmd_index.c): the options that say where an index comes from. */
#ifndef GIDX_CLI_INDEX_SRC_H
#define GIDX_CLI_INDEX_SRC_H

#include "cli.h"

typedef struct gidx_cli_index_src {
    const char *units, *meta, *spec, *data, *catalog;
    const char *names[16], *values[16];
    int nset;
} gidx_cli_index_src;

/* 1 when argv[*i] is an index-source or method option (consumed), else 0;
 * a usage error is returned through *err. */
int gidx_cli_index_option(const gidx_cli_command *c, gidx_cli_index_src *s, int argc, char **argv, int *i,
                          int *err);
/* Load the index input the options name: the catalogue on the data (default),
 * COINr --units/--meta, or --units/--spec. Returns an exit code. */
int gidx_cli_index_load(const gidx_cli_command *c, const gidx_cli_index_src *s, gidx_dataset **ds,
                        gidx_index_spec **sp);

#endif
