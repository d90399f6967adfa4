/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Shared plumbing of the greenidx command: option parsing, error printing,
 * exit codes and output files. The command computes nothing itself: every
 * figure it prints comes from the public libgreenidx API.
 */
#ifndef GIDX_CLI_H
#define GIDX_CLI_H

#include <stdio.h>
#include <greenidx/greenidx.h>

/* Exit codes (documented in docs/greenidx.1 and `greenidx help`). */
enum {
    GIDX_EXIT_OK = 0,        /* success */
    GIDX_EXIT_USAGE = 1,     /* bad command line */
    GIDX_EXIT_DATA = 2,      /* input data could not be read or is invalid */
    GIDX_EXIT_NUMERIC = 3,   /* a computation failed (singular, no convergence, too short) */
    GIDX_EXIT_IO = 4,        /* an output file could not be written, or network failure */
    GIDX_EXIT_INTERNAL = 5   /* out of memory or internal error */
};

typedef struct gidx_cli_command {
    const char *name;
    const char *summary;                 /* one line for `greenidx help` */
    int (*run)(int argc, char **argv);   /* argv[0] is the subcommand name */
    const char *usage;                   /* full --help text */
} gidx_cli_command;

/* Exit code for a library status. */
int gidx_cli_exit_code(gidx_status rc);
/* Print "greenidx CMD: <last error message>" to stderr; return the exit code. */
int gidx_cli_fail(const char *cmd, gidx_status rc);
/*
 * Text from data files or servers, made safe to print on a terminal: control
 * characters (ESC, BEL, CR, LF, TAB, ...), DEL, C1 controls, bidirectional
 * overrides and invalid UTF-8 are shown as \xNN; printable ASCII and valid
 * UTF-8 (æøå) pass. The result is valid until seven more calls.
 */
const char *gidx_cli_safe(const char *text);
/* Print a usage error and the command's usage line; return GIDX_EXIT_USAGE. */
int gidx_cli_usage_error(const gidx_cli_command *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* 1 if argv has -h or --help. */
int gidx_cli_wants_help(int argc, char **argv);

/*
 * Minimal long-option scanner: for "--name VALUE" and "--name=VALUE".
 * Returns 1 and sets *value (NULL for a flag) when argv[*i] is option @p name,
 * advancing *i past a separate value; 0 otherwise. A missing value is reported
 * through *missing.
 */
int gidx_cli_opt(int argc, char **argv, int *i, const char *name, int takes_value,
                 const char **value, int *missing);
/* Parse an integer / double option value; 0 on success. */
int gidx_cli_parse_int(const char *s, long *out);
int gidx_cli_parse_double(const char *s, double *out);

/*
 * Write @p text to @p path atomically (gidx_write_file), or to stdout when
 * path is NULL or "-". Returns an exit code.
 */
int gidx_cli_emit(const char *cmd, const char *path, const char *text, size_t len);
/*
 * Copy @p in to stdout from where it stands, 64 KiB at a time, escaped as
 * gidx_cli_emit() escapes a whole text when stdout is a terminal (the same
 * bytes shown; the text is never held whole). Returns an exit code.
 */
int gidx_cli_emit_file(const char *cmd, FILE *in);

/* Split a --region argument at commas into *list (growing it; the strings
 * point into @p arg, which is modified). 0, or -1 when out of memory. */
int gidx_cli_add_regions(const char ***list, size_t *n, size_t *cap, char *arg);

/* `--region R [R ...]` (codes or names, comma-separated or as further plain
 * words): 1 when argv[*i] is --region, with *code set to an exit code on
 * failure (left alone on success); 0 when it is another argument. */
int gidx_cli_region_opt(const gidx_cli_command *c, int argc, char **argv, int *i,
                        const char ***list, size_t *n, size_t *cap, int *code);
/* Write a workbook (.xlsx) to @p path atomically, or its bytes to stdout when
 * path is NULL or "-". Returns an exit code. */
int gidx_cli_emit_workbook(const char *cmd, const char *path, const gidx_workbook *wb);

/* A one-sheet workbook of CSV text (gidx_workbook_add_csv), written as
 * gidx_cli_emit_workbook() does. Returns an exit code. */
int gidx_cli_emit_csv_as_xlsx(const char *cmd, const char *path, const char *sheet,
                              const char *csv, size_t len, const char *types,
                              const char *const *units);

/* Create directory @p dir and its parents, like `mkdir -p` (mode 0777 less
 * the umask). Returns 0, or prints the system error naming the directory and
 * returns -1. */
int gidx_cli_mkdir_p(const char *cmd, const char *dir);

/* Print one CSV text field (quoted and neutralised: gidx_csv_field). */
void gidx_cli_csv_field(FILE *f, const char *s);

/* `greenidx indicators` (validate = 0) and `greenidx validate` (1): load the
 * catalogue and data, compute the panel, print it or its validation report. */
int gidx_cli_panel_command(const gidx_cli_command *self, int validate, int argc, char **argv);

#endif
