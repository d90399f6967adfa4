/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int gidx_cli_exit_code(gidx_status rc)
{
    switch (rc) {
    case GIDX_OK: return GIDX_EXIT_OK;
    case GIDX_EINVAL: return GIDX_EXIT_USAGE;
    case GIDX_EPARSE: case GIDX_EDATA: case GIDX_ENOTFOUND: case GIDX_EDUPLICATE:
    case GIDX_EENCODING: case GIDX_ELIMIT:
        return GIDX_EXIT_DATA;
    case GIDX_ESINGULAR: case GIDX_ENOCONV: case GIDX_EDOM: case GIDX_ERANGE:
    case GIDX_ENUMERIC: case GIDX_ETOOSHORT: case GIDX_EUNSUPPORTED: case GIDX_ESTATE:
        return GIDX_EXIT_NUMERIC;
    case GIDX_EIO: case GIDX_ENET:
        return rc == GIDX_EIO ? GIDX_EXIT_DATA : GIDX_EXIT_IO;
    default:
        return GIDX_EXIT_INTERNAL;
    }
}

int gidx_cli_fail(const char *cmd, gidx_status rc)
{
    const gidx_error *e = gidx_error_last();
    fprintf(stderr, "greenidx %s: %s\n", cmd,
            (e->code == rc && e->message[0]) ? e->message : gidx_strerror(rc));
    return gidx_cli_exit_code(rc);
}

int gidx_cli_usage_error(const gidx_cli_command *c, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "greenidx %s: ", c->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'greenidx %s --help'.\n", c->name);
    return GIDX_EXIT_USAGE;
}

int gidx_cli_wants_help(int argc, char **argv)
{
    int i;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    return 0;
}

int gidx_cli_opt(int argc, char **argv, int *i, const char *name, int takes_value,
                 const char **value, int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    *missing = 0;
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '\0') {
        if (!takes_value) {
            *value = NULL;
            return 1;
        }
        if (*i + 1 >= argc) {
            *missing = 1;
            *value = NULL;
            return 1;
        }
        *value = argv[++*i];
        return 1;
    }
    if (a[n] == '=' && takes_value) {
        *value = a + n + 1;
        return 1;
    }
    return 0;
}

int gidx_cli_parse_int(const char *s, long *out)
{
    char *end;
    long v;
    if (s == NULL || *s == '\0')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

int gidx_cli_parse_double(const char *s, double *out)
{
    return gidx_parse_double(out, s) == GIDX_OK ? 0 : -1;
}

int gidx_cli_emit(const char *cmd, const char *path, const char *text, size_t len)
{
    gidx_status rc;
    if (path == NULL || strcmp(path, "-") == 0) {
        if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
            fprintf(stderr, "greenidx %s: cannot write to standard output\n", cmd);
            return GIDX_EXIT_IO;
        }
        return GIDX_EXIT_OK;
    }
    rc = gidx_write_file(path, text, len);
    if (rc != GIDX_OK) {
        gidx_cli_fail(cmd, rc);
        return GIDX_EXIT_IO;
    }
    return GIDX_EXIT_OK;
}

int gidx_cli_emit_workbook(const char *cmd, const char *path, const gidx_workbook *wb)
{
    char *bytes = NULL;
    size_t n = 0;
    gidx_status rc;
    int code;
    if (path != NULL && strcmp(path, "-") != 0) {
        if ((rc = gidx_workbook_write(wb, path)) != GIDX_OK) {
            gidx_cli_fail(cmd, rc);
            return GIDX_EXIT_IO;
        }
        return GIDX_EXIT_OK;
    }
    if (isatty(STDOUT_FILENO)) {
        fprintf(stderr, "greenidx %s: xlsx is a binary format: give an output file or "
                "directory, or redirect standard output\n", cmd);
        return GIDX_EXIT_USAGE;
    }
    if ((rc = gidx_workbook_render(&bytes, &n, wb)) != GIDX_OK) {
        gidx_cli_fail(cmd, rc);
        return GIDX_EXIT_IO;
    }
    code = gidx_cli_emit(cmd, NULL, bytes, n);
    gidx_free(bytes);
    return code;
}

int gidx_cli_emit_csv_as_xlsx(const char *cmd, const char *path, const char *sheet,
                              const char *csv, size_t len, const char *types,
                              const char *const *units)
{
    gidx_workbook *wb = NULL;
    gidx_status rc;
    int code;
    if ((rc = gidx_workbook_new(&wb)) != GIDX_OK ||
        (rc = gidx_workbook_add_csv(wb, sheet, csv, len, types, units)) != GIDX_OK) {
        gidx_workbook_free(wb);
        return gidx_cli_fail(cmd, rc);
    }
    code = gidx_cli_emit_workbook(cmd, path, wb);
    gidx_workbook_free(wb);
    return code;
}

void gidx_cli_csv_field(FILE *f, const char *s)
{
    char *q = NULL;
    if (gidx_csv_field(&q, s) == GIDX_OK)
        fputs(q, f);
    gidx_free(q);
}

int gidx_cli_mkdir_p(const char *cmd, const char *dir)
{
    char path[4096];
    size_t n = strlen(dir), k;
    struct stat st;
    if (n == 0 || n >= sizeof path) {
        fprintf(stderr, "greenidx %s: %s: bad directory name\n", cmd, dir);
        return -1;
    }
    memcpy(path, dir, n + 1);
    /* each parent in turn, then the directory itself (POSIX mkdir -p) */
    for (k = 1; k <= n; k++) {
        if (path[k] != '/' && path[k] != '\0')
            continue;
        path[k] = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "greenidx %s: cannot create directory %s: %s\n", cmd, path,
                    strerror(errno));
            return -1;
        }
        if (k < n)
            path[k] = '/';
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "greenidx %s: %s is not a directory\n", cmd, dir);
        return -1;
    }
    return 0;
}
