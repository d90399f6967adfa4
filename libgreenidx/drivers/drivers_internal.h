/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internal interface of the drivers module (LMDI decomposition, Tapio). */
#ifndef GIDX_DRIVERS_INTERNAL_H
#define GIDX_DRIVERS_INTERNAL_H

#include "../core/internal.h"
#include <greenidx/drivers.h>

/* The logarithmic mean L(a, b) = (a - b) / (ln a - ln b), L(a, a) = a and
 * L(a, 0) = L(0, b) = 0 (Ang 2005, eq. 4's weight; Ang & Liu 2007). */
double gidx__logmean(double a, double b);

/* Names of the effects in gidx_lmdi_effect order ("population", ...). */
extern const char *const gidx__lmdi_effect_names[5];

typedef struct gidx__drv_period {
    size_t region;          /* index into codes/names */
    int from, to;
    double e0, e1, d0, d1;  /* aggregate emissions and driver */
    double elasticity;
    int tapio;
} gidx__drv_period;

typedef struct gidx__drv_case {
    size_t region;
    int year;
    char *variable;
    const char *kind;       /* static */
    char *message;
} gidx__drv_case;

struct gidx_decomposition {
    int form, driver;
    size_t nregions;
    char **codes, **names;
    size_t nsec;            /* sectors; row sector index nsec is "total" */
    char **sectors;
    gidx__drv_period *p;
    size_t np, capp;
    double *vals;           /* np * (nsec + 1) * 5, [period][sector][effect] */
    gidx__drv_case *cases;
    size_t ncases, capcases;
};

/* The mapping's variables of total emissions, population and jobs (mapping.c). */
const char *gidx__drivers_mapping_total(const gidx_drivers_mapping *m);
const char *gidx__drivers_mapping_population(const gidx_drivers_mapping *m);
const char *gidx__drivers_mapping_jobs(const gidx_drivers_mapping *m);

#endif
