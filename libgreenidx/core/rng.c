/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Seeded random numbers: one generator per analysis (never a global), GSL's
 * MT19937 (Matsumoto & Nishimura 1998, ACM TOMACS 8(1):3-30), so Monte Carlo
 * and bootstrap results are reproducible from a seed and independent of
 * threads.
 */
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "internal.h"

struct gidx__rng {
    gsl_rng *r;
};

gidx__rng *gidx__rng_new(unsigned long seed)
{
    gidx__rng *g = gidx__calloc(1, sizeof *g);
    if (g == NULL)
        return NULL;
    gidx__gsl_init();
    g->r = gsl_rng_alloc(gsl_rng_mt19937);
    if (g->r == NULL) {
        free(g);
        gidx__error_set(GIDX_ENOMEM, "out of memory allocating a random number generator");
        return NULL;
    }
    gsl_rng_set(g->r, seed);
    return g;
}

void gidx__rng_free(gidx__rng *g)
{
    if (g == NULL)
        return;
    gsl_rng_free(g->r);
    free(g);
}

double gidx__rng_uniform(gidx__rng *g)
{
    return gsl_rng_uniform(g->r);
}

double gidx__rng_gaussian(gidx__rng *g, double sd)
{
    return gsl_ran_gaussian_ziggurat(g->r, sd);
}

unsigned long gidx__rng_uniform_int(gidx__rng *g, unsigned long n)
{
    return gsl_rng_uniform_int(g->r, n);
}
