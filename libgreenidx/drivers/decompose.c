/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * gidx_decompose(): the emission identity of each region, sector and year,
 * decomposed between years with LMDI-I (lmdi.c), and Tapio's decoupling
 * class of each period.
 *
 * Identity (docs/decompose.md): a business sector s is
 *   E_s = P x (J/P) x (J_g/J) x (E_s/J_g),
 * a population-driven sector E_s = P x 1 x 1 x (E_s/P), so that every
 * sector has the same four factors and the effects add up across sectors
 * (Ang 2005, eq. 1; the factors of 1 contribute ln(1/1) = 0).
 *
 * Zero values (Ang & Liu 2007): a sector whose emissions are zero in one
 * of the two years has exactly one zero factor, and the limit of the
 * small-value strategy gives it the whole change: intensity when its groups
 * have jobs, structure when they have none (the intensity 0/0 is then taken
 * at its value in the other year, so that the structure factor carries the
 * zero). A business sector with emissions but no jobs in its groups has no
 * finite intensity and no limit: that period decomposes it as
 * population-driven. Every such case is reported.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers_internal.h"

enum { DERIVED_NONE = 0, DERIVED_RESIDUAL = 1, DERIVED_ZERO = 2 };

/* One region's inputs over all the dataset's years. */
typedef struct rin {
    size_t ny, nsec;
    double *P, *E, *J;   /* population, ghg_total, jobs */
    double *S, *G;       /* [sec * ny + y]: sector emissions, jobs of its groups */
    int *derived;        /* [sec * ny + y] */
    int *obs;            /* year usable */
    double *rest;        /* ghg_total minus the mapped sectors, when they are all observed */
    const char **why;    /* first missing variable of an unusable year */
} rin;

static void rin_free(rin *r)
{
    free(r->P); free(r->E); free(r->J); free(r->S); free(r->G);
    free(r->derived); free(r->obs); free((void *)r->why); free(r->rest);
}

void gidx_decomposition_free(gidx_decomposition *d)
{
    size_t i;
    if (d == NULL)
        return;
    for (i = 0; i < d->nregions; i++) {
        free(d->codes[i]);
        free(d->names[i]);
    }
    free(d->codes);
    free(d->names);
    for (i = 0; i < d->nsec; i++)
        free(d->sectors[i]);
    free(d->sectors);
    free(d->p);
    free(d->vals);
    for (i = 0; i < d->ncases; i++) {
        free(d->cases[i].variable);
        free(d->cases[i].message);
    }
    free(d->cases);
    free(d);
}

static gidx_status add_case(gidx_decomposition *d, size_t region, int year, const char *variable,
                            const char *kind, const char *fmt, ...) GIDX__PRINTF(6, 7);

static gidx_status add_case(gidx_decomposition *d, size_t region, int year, const char *variable,
                            const char *kind, const char *fmt, ...)
{
    gidx__drv_case *c;
    char msg[512];
    va_list ap;
    if (d->ncases == d->capcases) {
        size_t cap = d->capcases ? 2 * d->capcases : 32;
        gidx__drv_case *nc = gidx__reallocarray(d->cases, cap, sizeof *nc);
        if (nc == NULL)
            return GIDX_ENOMEM;
        d->cases = nc;
        d->capcases = cap;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c = &d->cases[d->ncases];
    c->region = region;
    c->year = year;
    c->kind = kind;
    c->variable = gidx__strdup(variable);
    c->message = gidx__strdup(msg);
    if (c->variable == NULL || c->message == NULL) {
        free(c->variable);
        free(c->message);
        return GIDX_ENOMEM;
    }
    d->ncases++;
    return GIDX_OK;
}

/* A series, NaN where missing; a variable absent from the dataset reads as all missing. */
static gidx_status read_series(double *v, const gidx_dataset *ds, const char *region,
                               const char *var, size_t ny)
{
    size_t i;
    if (gidx_dataset_find_variable(&i, ds, var) != GIDX_OK) {
        for (i = 0; i < ny; i++)
            v[i] = gidx__nan();
        return GIDX_OK;
    }
    return gidx_dataset_series(v, NULL, ny, ds, region, var);
}

static gidx_status require_variable(const gidx_dataset *ds, const char *var, const char *what)
{
    size_t i;
    if (gidx_dataset_find_variable(&i, ds, var) != GIDX_OK)
        return gidx__error_set(GIDX_ENOTFOUND, "decomposition: the dataset has no variable \"%s\" "
                               "(%s)", var, what);
    return GIDX_OK;
}

/* Read and check one region's inputs; years outside [lo, hi] are not checked. */
static gidx_status read_region(rin *r, const gidx_dataset *ds, const gidx_drivers_mapping *m,
                               const char *code, const char *name, int jobs, int lo, int hi)
{
    size_t ny = gidx_dataset_nyears(ds), ns = gidx_drivers_mapping_nsectors(m), s, y, j;
    double *tmp;
    gidx_status rc = GIDX_OK;
    memset(r, 0, sizeof *r);
    r->ny = ny;
    r->nsec = ns;
    r->P = gidx__calloc(ny, sizeof *r->P);
    r->E = gidx__calloc(ny, sizeof *r->E);
    r->J = gidx__calloc(ny, sizeof *r->J);
    r->S = gidx__calloc(ny * ns, sizeof *r->S);
    r->G = gidx__calloc(ny * ns, sizeof *r->G);
    r->derived = gidx__calloc(ny * ns, sizeof *r->derived);
    r->obs = gidx__calloc(ny, sizeof *r->obs);
    r->why = gidx__calloc(ny, sizeof *r->why);
    r->rest = gidx__calloc(ny, sizeof *r->rest);
    tmp = gidx__calloc(ny, sizeof *tmp);
    if (!r->P || !r->E || !r->J || !r->S || !r->G || !r->derived || !r->obs || !r->why || !r->rest || !tmp) {
        free(tmp);
        return GIDX_ENOMEM;
    }
    if ((rc = read_series(r->P, ds, code, gidx__drivers_mapping_population(m), ny)) != GIDX_OK ||
        (rc = read_series(r->E, ds, code, gidx__drivers_mapping_total(m), ny)) != GIDX_OK)
        goto done;
    if (jobs && (rc = read_series(r->J, ds, code, gidx__drivers_mapping_jobs(m), ny)) != GIDX_OK)
        goto done;
    for (s = 0; s < ns; s++) {
        if ((rc = read_series(r->S + s * ny, ds, code, gidx_drivers_mapping_variable(m, s), ny)) != GIDX_OK)
            goto done;
        for (y = 0; y < ny; y++)
            r->G[s * ny + y] = 0.0;
        for (j = 0; jobs && j < gidx_drivers_mapping_ngroups(m, s); j++) {
            if ((rc = read_series(tmp, ds, code, gidx_drivers_mapping_group(m, s, j), ny)) != GIDX_OK)
                goto done;
            for (y = 0; y < ny; y++) {
                int year = gidx_dataset_year(ds, y);
                if (gidx__isfinite(tmp[y]) && tmp[y] < 0.0 && year >= lo && year <= hi) {
                    rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is %g: jobs cannot be "
                                         "negative", code, name, year,
                                         gidx_drivers_mapping_group(m, s, j), tmp[y]);
                    goto done;
                }
                r->G[s * ny + y] += tmp[y];   /* NaN when any group is missing */
            }
        }
    }
    for (y = 0; y < ny; y++) {
        int year = gidx_dataset_year(ds, y), nmiss = 0, check = year >= lo && year <= hi;
        double sum = 0.0, tol;
        size_t last = 0;
        r->obs[y] = 0;
        if (!gidx__isfinite(r->P[y])) { r->why[y] = gidx__drivers_mapping_population(m); continue; }
        if (!gidx__isfinite(r->E[y])) { r->why[y] = gidx__drivers_mapping_total(m); continue; }
        if (jobs && !gidx__isfinite(r->J[y])) { r->why[y] = gidx__drivers_mapping_jobs(m); continue; }
        if (check && r->P[y] <= 0.0) {
            rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is %g: the identity needs a "
                                 "positive population", code, name, year,
                                 gidx__drivers_mapping_population(m), r->P[y]);
            goto done;
        }
        if (check && jobs && r->J[y] <= 0.0) {
            rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is %g: with zero jobs the "
                                 "employment rate and the industry shares are undefined (use "
                                 "--driver population)", code, name, year,
                                 gidx__drivers_mapping_jobs(m), r->J[y]);
            goto done;
        }
        if (check && r->E[y] < 0.0) {
            rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is %g t CO2e: emissions must "
                                 "not be negative", code, name, year,
                                 gidx__drivers_mapping_total(m), r->E[y]);
            goto done;
        }
        for (s = 0; s < ns; s++) {
            double v = r->S[s * ny + y];
            if (!gidx__isfinite(v)) {
                nmiss++;
                last = s;
                continue;
            }
            if (check && v < 0.0) {
                rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is %g t CO2e: emissions "
                                     "must not be negative (LMDI needs E_s >= 0)", code, name,
                                     year, gidx_drivers_mapping_variable(m, s), v);
                goto done;
            }
            sum += v;
        }
        for (s = 0; s < ns; s++)
            if (jobs && gidx_drivers_mapping_kind(m, s) == GIDX_SECTOR_BUSINESS &&
                !gidx__isfinite(r->G[s * ny + y]))
                break;
        if (s < ns) {
            r->why[y] = gidx_drivers_mapping_group(m, s, 0);
            continue;
        }
        /* Miljødirektoratet lists no rows for a sector without emissions,
         * and ghg_total is the sum of all rows: recover unset sectors. */
        tol = 0.005 * (double)ns + 1e-9 * fabs(r->E[y]);
        if (nmiss == 0 && fabs(r->E[y] - sum) > tol)
            r->rest[y] = r->E[y] - sum;
        if (nmiss == 1 && r->E[y] - sum >= -tol) {
            /* a residual within rounding of zero is zero, not a tiny positive
             * value that LMDI would treat as a real (log-scale) change */
            r->S[last * ny + y] = r->E[y] - sum > tol ? r->E[y] - sum : 0.0;
            r->derived[last * ny + y] = DERIVED_RESIDUAL;
        } else if (nmiss > 1 && fabs(r->E[y] - sum) <= tol) {
            for (s = 0; s < ns; s++)
                if (!gidx__isfinite(r->S[s * ny + y])) {
                    r->S[s * ny + y] = 0.0;
                    r->derived[s * ny + y] = DERIVED_ZERO;
                }
        } else if (nmiss > 0) {
            for (s = 0; s < ns && gidx__isfinite(r->S[s * ny + y]); s++)
                ;
            r->why[y] = gidx_drivers_mapping_variable(m, s);
            continue;
        }
        r->obs[y] = 1;
    }
done:
    free(tmp);
    return rc;
}

/* Room for one more period and its values. */
static gidx_status grow(gidx_decomposition *d)
{
    size_t cap, nv = (d->nsec + 1) * 5;
    gidx__drv_period *np;
    double *vals;
    if (d->np < d->capp)
        return GIDX_OK;
    cap = d->capp ? 2 * d->capp : 16;
    np = gidx__reallocarray(d->p, cap, sizeof *np);
    if (np == NULL)
        return GIDX_ENOMEM;
    d->p = np;
    vals = gidx__reallocarray(d->vals, cap * nv, sizeof *vals);
    if (vals == NULL)
        return GIDX_ENOMEM;
    d->vals = vals;
    d->capp = cap;
    return GIDX_OK;
}

/* Decompose region @p ri between year indices y0 and y1. */
static gidx_status decompose_period(gidx_decomposition *d, const gidx_dataset *ds,
                                    const gidx_drivers_mapping *m, const rin *r, size_t ri,
                                    size_t y0, size_t y1)
{
    size_t ns = r->nsec, ny = r->ny, s, k, yy[2] = { y0, y1 };
    int years[2] = { gidx_dataset_year(ds, y0), gidx_dataset_year(ds, y1) }, t;
    double *x = NULL, *eff = NULL, *v, E0 = 0.0, E1 = 0.0, w;
    gidx__drv_period *p;
    gidx_status rc;
    if ((rc = grow(d)) != GIDX_OK)
        return rc;
    x = gidx__calloc(2 * ns * 4, sizeof *x);
    eff = gidx__calloc(ns * 4, sizeof *eff);
    if (x == NULL || eff == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (s = 0; s < ns; s++) {
        const char *var = gidx_drivers_mapping_variable(m, s);
        double E[2], G[2];
        int business = d->driver == GIDX_DRIVER_JOBS &&
                       gidx_drivers_mapping_kind(m, s) == GIDX_SECTOR_BUSINESS;
        for (t = 0; t < 2; t++) {
            E[t] = r->S[s * ny + yy[t]];
            G[t] = r->G[s * ny + yy[t]];
        }
        E0 += E[0];
        E1 += E[1];
        if (business && ((E[0] > 0.0 && G[0] == 0.0) || (E[1] > 0.0 && G[1] == 0.0))) {
            t = E[0] > 0.0 && G[0] == 0.0 ? 0 : 1;
            if ((rc = add_case(d, ri, years[t], var, "no_jobs_in_group",
                               "%s is %g t CO2e in %d but its employment groups have no jobs: "
                               "no emission intensity per job exists, so %d-%d decomposes it as "
                               "population-driven (E_s = P x E_s/P)", var, E[t], years[t],
                               years[0], years[1])) != GIDX_OK)
                goto done;
            business = 0;
        }
        for (t = 0; t < 2; t++) {
            double *f = x + (size_t)t * ns * 4 + s * 4;
            double P = r->P[yy[t]];
            f[0] = P;
            if (business) {
                double J = r->J[yy[t]];
                int o = 1 - t;
                f[1] = J / P;
                f[2] = G[t] / J;
                if (G[t] > 0.0)
                    f[3] = E[t] / G[t];
                else    /* 0/0: held at the other year's intensity (see the file comment) */
                    f[3] = G[o] > 0.0 && E[o] > 0.0 ? E[o] / G[o] : 1.0;
            } else {
                f[1] = 1.0;
                f[2] = 1.0;
                f[3] = E[t] / P;
            }
        }
        for (t = 0; t < 2; t++) {
            int o = 1 - t;
            if (business && G[t] == 0.0) {
                rc = add_case(d, ri, years[t], var, "zero_jobs_in_group",
                              "%d-%d: %s has no jobs in its employment groups and no emissions "
                              "in %d: %s", years[0], years[1], var, years[t], E[o] > 0.0
                              ? "the limit of LMDI (Ang & Liu 2007) gives the whole change to "
                                "the structure effect"
                              : "no emissions in either year, no contribution");
                if (rc != GIDX_OK)
                    goto done;
            } else if (E[t] == 0.0) {
                rc = add_case(d, ri, years[t], var, "zero_emissions",
                              "%d-%d: %s is 0 in %d: %s", years[0], years[1], var, years[t],
                              E[o] > 0.0
                              ? "the limit of LMDI (Ang & Liu 2007) gives the whole change to "
                                "the intensity effect"
                              : "zero in both years, no contribution");
                if (rc != GIDX_OK)
                    goto done;
            }
        }
    }
    if ((rc = gidx_lmdi(eff, ns * 4, x, ns * 4, x + ns * 4, ns * 4, 4, GIDX_LMDI_ADDITIVE)) != GIDX_OK) {
        gidx__error_prefix("region %s, %d-%d: ", d->codes[ri], years[0], years[1]);
        goto done;
    }
    if (d->form == GIDX_LMDI_MULTIPLICATIVE && !(E0 > 0.0 && E1 > 0.0)) {
        rc = gidx__error_set(GIDX_EDOM, "region %s (%s), %d-%d: total emissions are %g and %g: "
                             "the multiplicative form needs both positive", d->codes[ri],
                             d->names[ri], years[0], years[1], E0, E1);
        goto done;
    }
    p = &d->p[d->np];
    v = d->vals + d->np * (ns + 1) * 5;
    p->region = ri;
    p->from = years[0];
    p->to = years[1];
    p->e0 = E0;
    p->e1 = E1;
    p->d0 = d->driver == GIDX_DRIVER_JOBS ? r->J[y0] : r->P[y0];
    p->d1 = d->driver == GIDX_DRIVER_JOBS ? r->J[y1] : r->P[y1];
    if (gidx_tapio(&p->tapio, &p->elasticity, E0, E1, p->d0, p->d1) != GIDX_OK) {
        p->tapio = GIDX_TAPIO_UNDEFINED;   /* zero emissions: no elasticity, reported below */
        p->elasticity = gidx__nan();
        if ((rc = add_case(d, ri, years[0], gidx__drivers_mapping_total(m), "no_elasticity",
                           "total emissions are %g and %g in %d-%d: no decoupling elasticity",
                           E0, E1, years[0], years[1])) != GIDX_OK)
            goto done;
    }
    for (k = 0; k < 5; k++)
        v[ns * 5 + k] = 0.0;
    for (s = 0; s < ns; s++) {
        double sum = 0.0;
        for (k = 0; k < 4; k++) {
            v[s * 5 + k] = eff[s * 4 + k];
            v[ns * 5 + k] += eff[s * 4 + k];
            sum += eff[s * 4 + k];
        }
        v[s * 5 + 4] = sum;
        v[ns * 5 + 4] += sum;
    }
    if (d->form == GIDX_LMDI_MULTIPLICATIVE) {
        /* ln D = dV / L(V^T, V^0) for every additive term (Ang 2015, Table 2) */
        w = gidx__logmean(E1, E0);
        for (k = 0; k < (ns + 1) * 5; k++)
            v[k] = exp(v[k] / w);
        v[ns * 5 + 4] = v[ns * 5 + 0] * v[ns * 5 + 1] * v[ns * 5 + 2] * v[ns * 5 + 3];
    }
    d->np++;
done:
    free(x);
    free(eff);
    return rc;
}

static gidx_status do_region(gidx_decomposition *d, const gidx_dataset *ds,
                             const gidx_drivers_mapping *m, const gidx_decompose_options *o,
                             size_t ri, int explicit_region)
{
    rin r;
    size_t ny = gidx_dataset_nyears(ds), y, first = ny, last = ny, prev, s;
    int lo = o->from_year ? o->from_year : -2147483647, hi = o->to_year ? o->to_year : 2147483647;
    int jobs = d->driver == GIDX_DRIVER_JOBS, nobs = 0;
    const char *code = d->codes[ri], *name = d->names[ri];
    gidx_status rc = read_region(&r, ds, m, code, name, jobs, lo, hi);
    if (rc != GIDX_OK)
        goto done;
    for (y = 0; y < ny; y++) {
        int year = gidx_dataset_year(ds, y);
        if (year == o->from_year || year == o->to_year) {
            if (!r.obs[y]) {
                rc = gidx__error_set(GIDX_EDATA, "region %s (%s), %d: %s is missing, so %d cannot "
                                     "be the %s year of the decomposition", code, name, year,
                                     r.why[y] ? r.why[y] : "an input", year,
                                     year == o->from_year ? "first" : "last");
                goto done;
            }
        }
        if (year < lo || year > hi || !r.obs[y])
            continue;
        if (first == ny)
            first = y;
        last = y;
        nobs++;
    }
    if ((o->from_year && (first == ny || gidx_dataset_year(ds, first) != o->from_year)) ||
        (o->to_year && (last == ny || gidx_dataset_year(ds, last) != o->to_year))) {
        int year = o->from_year && (first == ny || gidx_dataset_year(ds, first) != o->from_year) ? o->from_year : o->to_year;
        rc = gidx__error_set(GIDX_EDATA, "region %s (%s): the dataset has no data for %d", code,
                             name, year);
        goto done;
    }
    if (nobs < 2) {
        if (explicit_region) {
            rc = gidx__error_set(GIDX_ETOOSHORT, "region %s (%s): %d year(s) with every input "
                                 "(population, emissions%s) in the range: a decomposition needs two",
                                 code, name, nobs, jobs ? ", jobs by group" : "");
            goto done;
        }
        rc = add_case(d, ri, 0, "", "missing_year", "fewer than two years with every input: "
                      "the region is left out");
        goto done;
    }
    /* years at the ends with emissions, population (and jobs) but not every
     * sector: left out, and said so (e.g. the county when two of its
     * municipalities' sectors are unset and cannot be split) */
    for (y = 0; y < ny; y++) {
        int year = gidx_dataset_year(ds, y);
        if ((y > first && y < last) || r.obs[y] || year < lo || year > hi ||
            !gidx__isfinite(r.E[y]) || !gidx__isfinite(r.P[y]) || (jobs && !gidx__isfinite(r.J[y])))
            continue;
        if ((rc = add_case(d, ri, year, r.why[y] ? r.why[y] : "", "missing_year",
                           "%s is missing in %d and cannot be derived from %s: the year is left "
                           "out", r.why[y] ? r.why[y] : "an input", year,
                           gidx__drivers_mapping_total(m))) != GIDX_OK)
            goto done;
    }
    /* interior gaps and derived values of the years used */
    for (y = first; y <= last; y++) {
        int year = gidx_dataset_year(ds, y), used = r.obs[y] && (o->chained || y == first || y == last);
        if (!r.obs[y]) {
            if ((rc = add_case(d, ri, year, r.why[y] ? r.why[y] : "", "missing_year",
                               "%s is missing in %d: the year is skipped and its neighbours are "
                               "joined", r.why[y] ? r.why[y] : "an input", year)) != GIDX_OK)
                goto done;
            continue;
        }
        if (used && r.rest[y] != 0.0 &&
            (rc = add_case(d, ri, year, gidx__drivers_mapping_total(m), "partial_sum",
                           "the mapped sectors sum to %g t CO2e less than %s in %d: the "
                           "decomposition covers the mapped sectors only", r.rest[y],
                           gidx__drivers_mapping_total(m), year)) != GIDX_OK)
            goto done;
        for (s = 0; used && s < r.nsec; s++) {
            const char *var = gidx_drivers_mapping_variable(m, s);
            if (r.derived[s * ny + y] == DERIVED_RESIDUAL)
                rc = add_case(d, ri, year, var, "derived_residual", "%s is not in the data for "
                              "%d: taken as %s minus the other sectors = %g t CO2e", var, year,
                              gidx__drivers_mapping_total(m), r.S[s * ny + y]);
            else if (r.derived[s * ny + y] == DERIVED_ZERO)
                rc = add_case(d, ri, year, var, "derived_zero", "%s is not in the data for %d "
                              "and the other sectors already sum to %s: taken as 0", var, year,
                              gidx__drivers_mapping_total(m));
            if (rc != GIDX_OK)
                goto done;
        }
    }
    if (!o->chained) {
        rc = decompose_period(d, ds, m, &r, ri, first, last);
        goto done;
    }
    prev = first;
    for (y = first + 1; y <= last; y++) {
        if (!r.obs[y])
            continue;
        if ((rc = decompose_period(d, ds, m, &r, ri, prev, y)) != GIDX_OK)
            goto done;
        prev = y;
    }
done:
    rin_free(&r);
    return rc;
}

gidx_status gidx_decompose(gidx_decomposition **out, const gidx_dataset *ds,
                           const gidx_decompose_options *opt)
{
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    gidx_drivers_mapping *own = NULL;
    const gidx_drivers_mapping *m;
    gidx_decomposition *d = NULL;
    gidx_status rc = GIDX_OK;
    size_t i, s, j, nreg;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decompose: out is NULL");
    *out = NULL;
    if (ds == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decompose: dataset is NULL");
    if (opt != NULL) {
        if (opt->version != 1)
            return gidx__error_set(GIDX_EINVAL, "gidx_decompose: options version %u, this "
                                   "library reads version 1", opt->version);
        o = *opt;
    }
    if (o.form != GIDX_LMDI_ADDITIVE && o.form != GIDX_LMDI_MULTIPLICATIVE)
        return gidx__error_set(GIDX_EINVAL, "gidx_decompose: unknown form %d", o.form);
    if (o.driver != GIDX_DRIVER_JOBS && o.driver != GIDX_DRIVER_POPULATION)
        return gidx__error_set(GIDX_EINVAL, "gidx_decompose: unknown driver %d", o.driver);
    if (o.from_year && o.to_year && o.from_year >= o.to_year)
        return gidx__error_set(GIDX_EINVAL, "decomposition: the first year %d is not before the "
                               "last year %d", o.from_year, o.to_year);
    if (o.nregions > 0 && o.regions == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decompose: %zu regions but the list is NULL",
                               o.nregions);
    if (o.mapping == NULL) {
        if ((rc = gidx_drivers_mapping_default(&own)) != GIDX_OK)
            return rc;
        m = own;
    } else {
        m = o.mapping;
    }
    if ((rc = require_variable(ds, gidx__drivers_mapping_population(m), "population")) != GIDX_OK ||
        (rc = require_variable(ds, gidx__drivers_mapping_total(m), "total emissions")) != GIDX_OK)
        goto fail;
    if (o.driver == GIDX_DRIVER_JOBS) {
        if ((rc = require_variable(ds, gidx__drivers_mapping_jobs(m), "total jobs")) != GIDX_OK)
            goto fail;
        for (s = 0; s < gidx_drivers_mapping_nsectors(m); s++)
            for (j = 0; j < gidx_drivers_mapping_ngroups(m, s); j++)
                if ((rc = require_variable(ds, gidx_drivers_mapping_group(m, s, j),
                                           "jobs of an employment group")) != GIDX_OK)
                    goto fail;
    }
    nreg = o.nregions ? o.nregions : gidx_dataset_nregions(ds);
    d = gidx__calloc(1, sizeof *d);
    if (d == NULL) { rc = GIDX_ENOMEM; goto fail; }
    d->form = o.form;
    d->driver = o.driver;
    d->nsec = gidx_drivers_mapping_nsectors(m);
    d->codes = gidx__calloc(nreg ? nreg : 1, sizeof *d->codes);
    d->names = gidx__calloc(nreg ? nreg : 1, sizeof *d->names);
    d->sectors = gidx__calloc(d->nsec, sizeof *d->sectors);
    if (d->codes == NULL || d->names == NULL || d->sectors == NULL) { rc = GIDX_ENOMEM; goto fail; }
    for (s = 0; s < d->nsec; s++)
        if ((d->sectors[s] = gidx__strdup(gidx_drivers_mapping_sector(m, s))) == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
    for (i = 0; i < nreg; i++) {
        size_t k = i;
        const char *code;
        if (o.nregions && (rc = gidx_dataset_match_region(&k, ds, o.regions[i])) != GIDX_OK)
            goto fail;
        code = gidx_dataset_region(ds, k);
        d->codes[i] = gidx__strdup(code);
        d->names[i] = gidx__strdup(gidx_dataset_region_name(ds, code));
        d->nregions = i + 1;
        if (d->codes[i] == NULL || d->names[i] == NULL) { rc = GIDX_ENOMEM; goto fail; }
        if ((rc = do_region(d, ds, m, &o, i, o.nregions > 0)) != GIDX_OK)
            goto fail;
    }
    if (d->np == 0) {
        rc = gidx__error_set(GIDX_ETOOSHORT, "decomposition: no region has two years with every "
                             "input (population, emissions%s)",
                             o.driver == GIDX_DRIVER_JOBS ? ", jobs by group" : "");
        goto fail;
    }
    gidx_drivers_mapping_free(own);
    *out = d;
    return GIDX_OK;
fail:
    gidx_drivers_mapping_free(own);
    gidx_decomposition_free(d);
    return rc;
}

gidx_status gidx_decompose_args(gidx_decomposition **out, const gidx_dataset *ds,
                                const char *const *regions, size_t nregions, int from_year,
                                int to_year, int chained, int form, int driver,
                                const gidx_drivers_mapping *mapping)
{
    gidx_decompose_options o = GIDX_DECOMPOSE_OPTIONS_INIT;
    o.regions = regions;
    o.nregions = nregions;
    o.from_year = from_year;
    o.to_year = to_year;
    o.chained = chained;
    o.form = form;
    o.driver = driver;
    o.mapping = mapping;
    return gidx_decompose(out, ds, &o);
}

/* ------------------------------------------------------------------ getters */

int gidx_decomposition_form(const gidx_decomposition *d)
{
    return d ? d->form : -1;
}

int gidx_decomposition_driver(const gidx_decomposition *d)
{
    return d ? d->driver : -1;
}

size_t gidx_decomposition_nrows(const gidx_decomposition *d)
{
    return d ? d->np * (d->nsec + 1) * 5 : 0;
}

gidx_status gidx_decomposition_row(const char **region_code, const char **region_name,
                                   int *from, int *to, const char **effect, const char **sector,
                                   double *value, const gidx_decomposition *d, size_t i)
{
    size_t per, s, k;
    const gidx__drv_period *p;
    if (d == NULL || i >= gidx_decomposition_nrows(d))
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_row: row %zu of %zu", i,
                               gidx_decomposition_nrows(d));
    per = i / ((d->nsec + 1) * 5);
    s = (i / 5) % (d->nsec + 1);
    k = i % 5;
    p = &d->p[per];
    if (region_code) *region_code = d->codes[p->region];
    if (region_name) *region_name = d->names[p->region];
    if (from) *from = p->from;
    if (to) *to = p->to;
    if (effect) *effect = gidx__lmdi_effect_names[k];
    if (sector) *sector = s < d->nsec ? d->sectors[s] : "total";
    if (value) *value = d->vals[i];
    return GIDX_OK;
}

size_t gidx_decomposition_nperiods(const gidx_decomposition *d)
{
    return d ? d->np : 0;
}

gidx_status gidx_decomposition_period(const char **region_code, int *from, int *to, double *e0,
                                      double *e1, double *driver0, double *driver1,
                                      double *elasticity, int *tapio_class,
                                      const gidx_decomposition *d, size_t i)
{
    const gidx__drv_period *p;
    if (d == NULL || i >= d->np)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_period: period %zu of %zu", i,
                               gidx_decomposition_nperiods(d));
    p = &d->p[i];
    if (region_code) *region_code = d->codes[p->region];
    if (from) *from = p->from;
    if (to) *to = p->to;
    if (e0) *e0 = p->e0;
    if (e1) *e1 = p->e1;
    if (driver0) *driver0 = p->d0;
    if (driver1) *driver1 = p->d1;
    if (elasticity) *elasticity = p->elasticity;
    if (tapio_class) *tapio_class = p->tapio;
    return GIDX_OK;
}

gidx_status gidx_decomposition_period_effects(double *effects, size_t cap,
                                              const gidx_decomposition *d, size_t i)
{
    if (d == NULL || effects == NULL || i >= d->np)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_period_effects: period %zu of %zu",
                               i, gidx_decomposition_nperiods(d));
    if (cap < 5)
        return gidx__error_set(GIDX_EBUFS, "gidx_decomposition_period_effects: needs 5 values");
    memcpy(effects, d->vals + (i * (d->nsec + 1) + d->nsec) * 5, 5 * sizeof *effects);
    return GIDX_OK;
}

size_t gidx_decomposition_ncases(const gidx_decomposition *d)
{
    return d ? d->ncases : 0;
}

gidx_status gidx_decomposition_case(const char **region_code, int *year, const char **variable,
                                    const char **kind, const char **message,
                                    const gidx_decomposition *d, size_t i)
{
    const gidx__drv_case *c;
    if (d == NULL || i >= d->ncases)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_case: case %zu of %zu", i,
                               gidx_decomposition_ncases(d));
    c = &d->cases[i];
    if (region_code) *region_code = d->codes[c->region];
    if (year) *year = c->year;
    if (variable) *variable = c->variable;
    if (kind) *kind = c->kind;
    if (message) *message = c->message;
    return GIDX_OK;
}
