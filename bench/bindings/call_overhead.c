/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C side of bench/bindings/call_overhead.py: time gidx_linalg_solve()
 * on an n x n system, `reps` calls, and print nanoseconds per call.
 * Usage: call_overhead N REPS
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <greenidx/greenidx.h>

int main(int argc, char **argv)
{
    size_t n, reps, i, j, r;
    double *a, *b, *x, sink = 0.0;
    struct timespec t0, t1;
    if (argc != 3)
        return 2;
    n = (size_t)strtoul(argv[1], NULL, 10);
    reps = (size_t)strtoul(argv[2], NULL, 10);
    a = malloc(n * n * sizeof *a);
    b = malloc(n * sizeof *b);
    x = malloc(n * sizeof *x);
    if (a == NULL || b == NULL || x == NULL || n == 0)
        return 1;
    /* the same diagonally dominant system as the Python side */
    for (i = 0; i < n; i++) {
        b[i] = 1.0;
        for (j = 0; j < n; j++)
            a[i * n + j] = (i == j) ? (double)n + 1.0 : 1.0 / (double)(1 + i + j);
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (r = 0; r < reps; r++) {
        if (gidx_linalg_solve(x, a, b, n) != GIDX_OK)
            return 1;
        sink += x[0];
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.1f %g\n", ((double)(t1.tv_sec - t0.tv_sec) * 1e9 +
                         (double)(t1.tv_nsec - t0.tv_nsec)) / (double)reps, sink);
    free(a);
    free(b);
    free(x);
    return 0;
}
