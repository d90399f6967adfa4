/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx data: load a dataset (or the embedded Telemark data) and show a
 * summary of it, or convert it to the long CSV layout. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int run(int argc, char **argv);

const gidx_cli_command gidx_cli_cmd_data = {
    "data",
    "summarise a dataset (default: the embedded Telemark data) or convert it to long CSV",
    run,
    "Usage: greenidx data [--data PATH] [--type long|wide|jsonstat|emissions|mdir]\n"
    "                     [--harmonise] [--format summary|csv] [--output PATH]\n"
    "\n"
    "Load a dataset and print a summary (regions with names, variables, years,\n"
    "cells, provenance) or the long CSV layout region,year,variable,value,flag.\n"
    "\n"
    "  --data PATH     the input; without it the embedded Telemark data is used\n"
    "  --type T        long (default for .csv), wide (one column per year,\n"
    "                  regions in column 'region', variable 'value'), jsonstat\n"
    "                  (default for .json; SSB's JSON-stat 2.0), emissions\n"
    "                  (Miljødirektoratet's Kommune,År,Sektor,Utslippskilde,Utslipp),\n"
    "                  mdir (Miljødirektoratet's xlsx workbook, recognised by its\n"
    "                  content without --type)\n"
    "  --harmonise     bring old municipality codes to the 2024 boundaries\n"
    "                  (summing; split and unknown codes are dropped and listed)\n"
    "  --format F      summary (default) or csv\n"
    "  --output PATH   write there (atomically) instead of standard output\n",
};

static gidx_status load(gidx_dataset **ds, const char *path, const char *type,
                        const gidx_registry *reg)
{
    if (path == NULL)
        return gidx_dataset_load_default(ds);
    if (type == NULL)   /* by content: workbook, JSON-stat or long CSV */
        return gidx_dataset_load(ds, path);
    if (strcmp(type, "mdir") == 0)
        return gidx_dataset_load_mdir(ds, path, reg, NULL);
    if (strcmp(type, "jsonstat") == 0)
        return gidx_dataset_load_jsonstat(ds, path, NULL);
    if (strcmp(type, "emissions") == 0)
        return gidx_dataset_load_emissions(ds, path, reg);
    if (strcmp(type, "wide") == 0)
        return gidx_dataset_load_wide_csv(ds, path, NULL);
    return gidx_dataset_load_csv(ds, path, NULL);
}

/* The summary, written to @p f as it is made; 0, or -1 when @p f failed. */
static int summary(FILE *f, const gidx_dataset *ds)
{
    size_t i;
    fprintf(f, "regions: %zu\nvariables: %zu\nyears: %zu", gidx_dataset_nregions(ds),
            gidx_dataset_nvariables(ds), gidx_dataset_nyears(ds));
    if (gidx_dataset_nyears(ds) > 0)
        fprintf(f, " (%d-%d)", gidx_dataset_year(ds, 0),
                gidx_dataset_year(ds, gidx_dataset_nyears(ds) - 1));
    fprintf(f, "\ncells: %zu\n\nregion\tname\n", gidx_dataset_ncells(ds));
    for (i = 0; i < gidx_dataset_nregions(ds); i++) {
        const char *r = gidx_dataset_region(ds, i);
        /* codes and names come from the data: escaped for the terminal */
        fprintf(f, "%s\t%s\n", gidx_cli_safe(r), gidx_cli_safe(gidx_dataset_region_name(ds, r)));
    }
    fputs("\nvariables:", f);
    for (i = 0; i < gidx_dataset_nvariables(ds); i++)
        fprintf(f, " %s", gidx_cli_safe(gidx_dataset_variable(ds, i)));
    fputs("\n\nyears:", f);
    for (i = 0; i < gidx_dataset_nyears(ds); i++)
        fprintf(f, " %d", gidx_dataset_year(ds, i));
    fputs("\n", f);
    if (gidx_dataset_nmeta(ds) > 0)
        fputs("\n", f);
    for (i = 0; i < gidx_dataset_nmeta(ds); i++) {
        const char *k = gidx_dataset_meta_key(ds, i);
        fprintf(f, "%s: %s\n", gidx_cli_safe(k), gidx_cli_safe(gidx_dataset_meta(ds, k)));
    }
    return ferror(f) ? -1 : 0;
}

/* To a pipe or a file on standard output, as it is made: neither the
 * summary (which holds every name, issue 19: a 16 MB name) nor the CSV is
 * kept whole beside the dataset. Frees @p ds. */
static int to_stdout(gidx_dataset *ds, int csv)
{
    gidx_status rc = GIDX_OK;
    int bad;
    if (csv) {
        bad = fflush(stdout) != 0 ||
              (rc = gidx_dataset_write_csv_fd(ds, STDOUT_FILENO)) != GIDX_OK;
    } else {
        bad = summary(stdout, ds) != 0 || fflush(stdout) != 0;
    }
    gidx_dataset_free(ds);
    if (rc != GIDX_OK && rc != GIDX_EIO)
        return gidx_cli_fail("data", rc);
    if (bad) {
        fprintf(stderr, "greenidx data: cannot write to standard output\n");
        return GIDX_EXIT_IO;
    }
    return GIDX_EXIT_OK;
}

/* To --output PATH, whole or not at all: into the output's temporary file
 * as it is made, renamed at the end (gidx_output_open), so nothing is held
 * whole and no other temporary file is needed. Frees @p ds. */
static int to_file(gidx_dataset *ds, const char *path, int csv)
{
    gidx_output *o = NULL;
    gidx_status rc = GIDX_OK;
    if (csv) {
        rc = gidx_dataset_write_csv(ds, path);
    } else if ((rc = gidx_output_open(&o, path)) == GIDX_OK) {
        int fd = dup(gidx_output_fd(o));
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        int bad = f == NULL || summary(f, ds) != 0;
        if (f == NULL && fd >= 0)
            close(fd);
        if ((f != NULL && fclose(f) != 0) || bad) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s: cannot write: %s", path, strerror(errno));
            rc = gidx_error_set(GIDX_EIO, msg);
        } else {
            rc = gidx_output_commit(o);
        }
    }
    gidx_output_free(o);   /* without a commit, the target is untouched */
    gidx_dataset_free(ds);
    if (rc == GIDX_OK)
        return GIDX_EXIT_OK;
    gidx_cli_fail("data", rc);
    return rc == GIDX_ENOMEM ? GIDX_EXIT_INTERNAL : GIDX_EXIT_IO;
}

/* The thread that shows what comes through the pipe, escaped; it reads to
 * the end even when the terminal fails, so that the writer never blocks. */
typedef struct shower {
    FILE *in;
    int code;
} shower;

static void *show(void *arg)
{
    shower *sh = arg;
    char sink[4096];
    sh->code = gidx_cli_emit_file("data", sh->in);
    while (fread(sink, 1, sizeof sink, sh->in) > 0)
        ;
    return NULL;
}

/* To a terminal, escaped (codes and names come from the data), as it is
 * made: the text goes through a pipe to a thread that escapes and shows it
 * 64 KiB at a time, so neither the text nor its escaped copy is held beside
 * the dataset (issue 19, memory within twice the input; it was made in a
 * temporary file, and in memory, 3.8 x a long CSV, when none could be
 * made). Frees @p ds. */
static int to_terminal(gidx_dataset *ds, int csv)
{
    int fds[2], bad, code;
    gidx_status rc = GIDX_OK;
    shower sh = { NULL, GIDX_EXIT_OK };
    pthread_t th;
    if (pipe(fds) != 0) {
        gidx_dataset_free(ds);
        fprintf(stderr, "greenidx data: cannot make a pipe: %s\n", strerror(errno));
        return GIDX_EXIT_INTERNAL;
    }
    if ((sh.in = fdopen(fds[0], "r")) == NULL || pthread_create(&th, NULL, show, &sh) != 0) {
        if (sh.in != NULL)
            fclose(sh.in);
        else
            close(fds[0]);
        close(fds[1]);
        gidx_dataset_free(ds);
        fprintf(stderr, "greenidx data: cannot start showing the output\n");
        return GIDX_EXIT_INTERNAL;
    }
    if (csv) {
        bad = (rc = gidx_dataset_write_csv_fd(ds, fds[1])) != GIDX_OK;
        close(fds[1]);
    } else {
        FILE *w = fdopen(fds[1], "w");
        bad = w == NULL || summary(w, ds) != 0;
        if (w != NULL ? fclose(w) != 0 : close(fds[1]) != 0)
            bad = 1;
    }
    gidx_dataset_free(ds);
    pthread_join(th, NULL);
    fclose(sh.in);
    code = sh.code;
    if (bad && code == GIDX_EXIT_OK) {   /* the shower saw no failure of its own */
        if (rc != GIDX_OK)
            return gidx_cli_fail("data", rc);
        fprintf(stderr, "greenidx data: cannot make the summary\n");
        return GIDX_EXIT_INTERNAL;
    }
    return code;
}

static int run(int argc, char **argv)
{
    const char *path = NULL, *type = NULL, *format = "summary", *output = NULL, *v;
    int harmonise = 0, i, missing, csv;
    gidx_dataset *ds = NULL;
    gidx_registry *reg = NULL;
    gidx_status rc;
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--data", 1, &v, &missing)) path = v;
        else if (gidx_cli_opt(argc, argv, &i, "--type", 1, &v, &missing)) type = v;
        else if (gidx_cli_opt(argc, argv, &i, "--format", 1, &v, &missing)) format = v;
        else if (gidx_cli_opt(argc, argv, &i, "--output", 1, &v, &missing)) output = v;
        else if (gidx_cli_opt(argc, argv, &i, "--harmonise", 0, &v, &missing)) harmonise = 1;
        else return gidx_cli_usage_error(&gidx_cli_cmd_data, "unknown argument '%s'", argv[i]);
        if (missing)
            return gidx_cli_usage_error(&gidx_cli_cmd_data, "%s needs a value", argv[i]);
    }
    if (type != NULL && strcmp(type, "long") != 0 && strcmp(type, "wide") != 0 &&
        strcmp(type, "jsonstat") != 0 && strcmp(type, "emissions") != 0 &&
        strcmp(type, "mdir") != 0)
        return gidx_cli_usage_error(&gidx_cli_cmd_data, "unknown --type '%s'", type);
    if (strcmp(format, "summary") != 0 && strcmp(format, "csv") != 0)
        return gidx_cli_usage_error(&gidx_cli_cmd_data, "unknown --format '%s'", format);
    if ((harmonise || (type && strcmp(type, "emissions") == 0)) &&
        (rc = gidx_registry_load_default(&reg)) != GIDX_OK)
        return gidx_cli_fail("data", rc);
    if ((rc = load(&ds, path, type, reg)) != GIDX_OK) {
        gidx_registry_free(reg);
        return gidx_cli_fail("data", rc);
    }
    if (harmonise) {
        gidx_dataset *h = NULL;
        gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
        o.drop_unknown = 1;
        rc = gidx_dataset_harmonise(&h, ds, reg, &o);
        gidx_dataset_free(ds);
        ds = h;
        if (rc != GIDX_OK) {
            gidx_registry_free(reg);
            return gidx_cli_fail("data", rc);
        }
    }
    gidx_registry_free(reg);
    csv = strcmp(format, "csv") == 0;
    if (output != NULL && strcmp(output, "-") != 0)
        return to_file(ds, output, csv);
    if (!isatty(STDOUT_FILENO))
        return to_stdout(ds, csv);
    return to_terminal(ds, csv);
}
