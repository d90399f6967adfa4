/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx: the command-line front end of libgreenidx. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "commands.h"

static const gidx_cli_command *const commands[] = { GIDX_CLI_COMMAND_TABLE NULL };

static void print_help(FILE *f)
{
    size_t i;
    fprintf(f,
        "Usage: greenidx COMMAND [OPTIONS]\n"
        "       greenidx --version | help [COMMAND]\n\n"
        "Green-competitiveness indicators for Norwegian municipalities and counties:\n"
        "define, measure and validate indicators, compare regions, forecast to 2030\n"
        "and estimate the effects of policy instruments (libgreenidx %s).\n\n"
        "Commands:\n", gidx_version_string());
    for (i = 0; commands[i] != NULL; i++)
        fprintf(f, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(f,
        "\nRun 'greenidx COMMAND --help' for a command's options.\n\n"
        "Exit status: 0 success; 1 usage error; 2 input data missing or invalid;\n"
        "3 a computation failed (singular, no convergence, series too short);\n"
        "4 output or network failure; 5 out of memory or internal error.\n");
}

static const gidx_cli_command *find(const char *name)
{
    size_t i;
    for (i = 0; commands[i] != NULL; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/*
 * Under an address-space limit (ulimit -v), OpenBLAS's worker threads,
 * started when the library loads, can fail to map their buffers; such a
 * thread retries forever and OpenBLAS's exit handler waits for it, so the
 * command hung at exit after its work (issue 19). The threads exist before
 * main runs, so setting the thread count here is too late: when a limit is
 * set and the user has not chosen OPENBLAS_NUM_THREADS, the command runs
 * itself again with one BLAS thread (exec ends the threads of this image).
 */
static void single_blas_thread_under_limit(char **argv)
{
    struct rlimit rl;
    if (getenv("OPENBLAS_NUM_THREADS") != NULL || getrlimit(RLIMIT_AS, &rl) != 0 ||
        rl.rlim_cur == RLIM_INFINITY)
        return;
    if (setenv("OPENBLAS_NUM_THREADS", "1", 1) != 0)
        return;
    (void)execv("/proc/self/exe", argv);
    /* no /proc: carry on as before (OPENBLAS_NUM_THREADS=1 is documented) */
}

int main(int argc, char **argv)
{
    const gidx_cli_command *c;
    single_blas_thread_under_limit(argv);
    if (argc < 2) {
        print_help(stderr);
        return GIDX_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("greenidx %s (libgreenidx %s)\n", GIDX_VERSION_STRING, gidx_version_string());
        return GIDX_EXIT_OK;
    }
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0) {
        if (argc > 2 && (c = find(argv[2])) != NULL) {
            fputs(c->usage, stdout);
            return GIDX_EXIT_OK;
        }
        if (argc > 2) {
            fprintf(stderr, "greenidx: unknown command '%s'\n", argv[2]);
            return GIDX_EXIT_USAGE;
        }
        print_help(stdout);
        return GIDX_EXIT_OK;
    }
    c = find(argv[1]);
    if (c == NULL) {
        fprintf(stderr, "greenidx: unknown command '%s'\n\n", argv[1]);
        print_help(stderr);
        return GIDX_EXIT_USAGE;
    }
    if (gidx_cli_wants_help(argc - 1, argv + 1)) {
        fputs(c->usage, stdout);
        return GIDX_EXIT_OK;
    }
    return c->run(argc - 1, argv + 1);
}
