/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Validation of an indicator panel.
 *
 * - Outliers: the modified z-score M = 0.6745 (x - median) / MAD, flagged when
 *   |M| > 3.5 (Iglewicz & Hoaglin, "How to Detect and Handle Outliers",
 *   ASQC Basic References in Quality Control 16, 1993, sec. 3.2); on levels
 *   across municipalities within a year, and on year-to-year changes between
 *   consecutive observed years, pooled over municipalities.
 * - Skewness and kurtosis: the bias-corrected sample skewness G1 and excess
 *   kurtosis G2 (Joanes & Gill, The Statistician 47, 1998, 183-189; the
 *   statistics COINr reports), flagged when |G1| > 2 and G2 > 3.5 (OECD/JRC,
 *   Handbook on Constructing Composite Indicators, 2008; COINr's rule).
 * - Redundancy: Pearson r between indicators of a pillar on pooled
 *   (municipality, year) cases, flagged when |r| > 0.9 (OECD/JRC 2008, step 4).
 * - Cronbach's alpha per pillar: k / (k - 1) (1 - sum s_i^2 / s_T^2)
 *   (Cronbach, Psychometrika 16, 1951) on complete cases of the pillar's
 *   non-context indicators, lower-is-better ones negated so that all items
 *   point the same way.
 * - Coverage, gaps, municipal sums against county totals (additive
 *   indicators; a 2-digit region code is the county of the 4-digit codes that
 *   start with it, the Norwegian numbering), impossible values (outside the
 *   indicator's declared range).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ind_internal.h"

/* Fewest values for a robust z-score: with 3 or 4 values the MAD is one or
 * two of the deviations themselves and flags almost anything. */
#define MIN_ROBUST 5

typedef struct finding {
    const char *check;       /* static */
    char *indicator;
    char *region;
    int year;
    double value;
    char *message;
} finding;

typedef struct pillar_stat {
    char *pillar;
    size_t k, ncases;
    double alpha;        /* on raw values */
    double alpha_std;    /* on items standardised over the complete cases */
} pillar_stat;

typedef struct cov_stat {
    double coverage;
    int first, last;
    size_t ngaps, longest_run;
} cov_stat;

struct gidx_validation {
    gidx_validation_options opt;
    finding *f;
    size_t nf, fcap;
    pillar_stat *pillars;
    size_t npillars;
    cov_stat *cov;            /* [i * nreg + r] */
    char **ind_ids;
    char **reg_ids;
    size_t nind, nreg, nyears;
    int *years;
    int failed;
};

/* A number for a message: 6 significant digits in plain decimal notation,
 * never e-notation (messages reach reports: issue 17). The array lives until
 * the end of the full expression that calls g6() (C11 6.2.4p8), e.g. an
 * add_finding() call. */
typedef struct num6 { char s[64]; } num6;
static num6 g6(double x)
{
    num6 r;
    int dec = 0;
    size_t L;
    if (!isfinite(x)) {
        snprintf(r.s, sizeof r.s, "%s", isnan(x) ? "NaN" : x > 0 ? "Inf" : "-Inf");
        return r;
    }
    if (x != 0 && fabs(x) < 1e15) {
        dec = 5 - (int)floor(log10(fabs(x)));
        if (dec < 0)
            dec = 0;
        if (dec > 20)
            dec = 20;
    }
    snprintf(r.s, sizeof r.s, "%.*f", dec, x);
    if (strchr(r.s, '.') != NULL) {
        L = strlen(r.s);
        while (L > 0 && r.s[L - 1] == '0')
            r.s[--L] = '\0';
        if (L > 0 && r.s[L - 1] == '.')
            r.s[--L] = '\0';
    }
    return r;
}

static void add_finding(gidx_validation *v, const char *check, const char *ind,
                        const char *region, int year, double value, const char *fmt, ...)
    GIDX__PRINTF(7, 8);
static void add_finding(gidx_validation *v, const char *check, const char *ind,
                        const char *region, int year, double value, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    finding *f;
    if (v->failed)
        return;
    if (v->nf == v->fcap) {
        size_t cap = v->fcap ? 2 * v->fcap : 64;
        finding *nf = gidx__reallocarray(v->f, cap, sizeof *nf);
        if (nf == NULL) {
            v->failed = 1;
            return;
        }
        v->f = nf;
        v->fcap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    f = &v->f[v->nf];
    f->check = check;
    f->indicator = gidx__strdup(ind);
    f->region = gidx__strdup(region);
    f->message = gidx__strdup(msg);
    f->year = year;
    f->value = value;
    if (f->indicator == NULL || f->region == NULL || f->message == NULL) {
        free(f->indicator);
        free(f->region);
        free(f->message);
        v->failed = 1;
        return;
    }
    v->nf++;
}

void gidx_validation_free(gidx_validation *v)
{
    size_t i;
    if (v == NULL)
        return;
    for (i = 0; i < v->nf; i++) {
        free(v->f[i].indicator);
        free(v->f[i].region);
        free(v->f[i].message);
    }
    free(v->f);
    for (i = 0; i < v->npillars; i++)
        free(v->pillars[i].pillar);
    free(v->pillars);
    free(v->cov);
    free(v->ind_ids);
    free(v->reg_ids);
    free(v->years);
    free(v);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of x[0..n) (sorts x). */
static double median(double *x, size_t n)
{
    qsort(x, n, sizeof *x, cmp_double);
    return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

/* Median and MAD of x (x is not modified; work has room for n). */
static void median_mad(double *med, double *mad, const double *x, size_t n, double *work)
{
    size_t k;
    memcpy(work, x, n * sizeof *x);
    *med = median(work, n);
    for (k = 0; k < n; k++)
        work[k] = fabs(x[k] - *med);
    *mad = median(work, n);
}

/* Bias-corrected skewness G1 and excess kurtosis G2 (n >= 4). */
static void skew_kurt(double *g1, double *g2, const double *x, size_t n)
{
    double m = 0, m2 = 0, m3 = 0, m4 = 0, dn = (double)n, b1, b2;
    size_t k;
    for (k = 0; k < n; k++)
        m += x[k];
    m /= dn;
    for (k = 0; k < n; k++) {
        double d = x[k] - m;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    m2 /= dn;
    m3 /= dn;
    m4 /= dn;
    if (m2 <= 0) {
        *g1 = *g2 = NAN;
        return;
    }
    b1 = m3 / pow(m2, 1.5);
    b2 = m4 / (m2 * m2) - 3.0;
    *g1 = sqrt(dn * (dn - 1)) / (dn - 2) * b1;
    *g2 = (dn - 1) / ((dn - 2) * (dn - 3)) * ((dn + 1) * b2 + 6.0);
}

static int is_county_of(const char *county, const char *muni)
{
    return strlen(county) == 2 && strlen(muni) == 4 && strncmp(county, muni, 2) == 0;
}

gidx_status gidx_validation_new(gidx_validation **out, const gidx_panel *p,
                                const gidx_validation_options *opt)
{
    gidx_validation_options o = GIDX_VALIDATION_OPTIONS_INIT;
    gidx_validation *v;
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    double *val = NULL, *work = NULL, *buf = NULL;
    int *county = NULL;
    size_t nind, nreg, nyears, i, j, r, y, nunit = 0;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_new: out is NULL");
    *out = NULL;
    if (p == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_new: NULL panel");
    if (opt != NULL) {
        if (opt->version != 1)
            return gidx__error_set(GIDX_EINVAL, "validation options: version %u, expected 1",
                                   opt->version);
        if (!(opt->z_threshold > 0) || !(opt->skew_limit > 0) || !(opt->kurt_limit > 0) ||
            !(opt->r_limit > 0 && opt->r_limit <= 1) || !(opt->sum_tolerance >= 0))
            return gidx__error_set(GIDX_EINVAL,
                "validation options: thresholds must be positive and r_limit in (0, 1]");
        o = *opt;
    }
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    nind = cat->ninds;
    nreg = gidx_dataset_nregions(ds);
    nyears = gidx_dataset_nyears(ds);
    v = gidx__calloc(1, sizeof *v);
    if (v == NULL)
        return GIDX_ENOMEM;
    v->opt = o;
    v->nind = nind;
    v->nreg = nreg;
    v->nyears = nyears;
    v->cov = gidx__calloc(nind * nreg + 1, sizeof *v->cov);
    v->ind_ids = gidx__calloc(nind + 1, sizeof *v->ind_ids);
    v->reg_ids = gidx__calloc(nreg + 1, sizeof *v->reg_ids);
    v->years = gidx__calloc(nyears + 1, sizeof *v->years);
    val = gidx__calloc(nind * nreg * nyears + 1, sizeof *val);
    work = gidx__calloc(2 * nreg * nyears + 2, sizeof *work);
    buf = gidx__calloc(2 * nreg * nyears + 2, sizeof *buf);
    county = gidx__calloc(nreg + 1, sizeof *county);
    if (v->cov == NULL || v->ind_ids == NULL || v->reg_ids == NULL || v->years == NULL ||
        val == NULL || work == NULL || buf == NULL || county == NULL)
        goto nomem;
    for (i = 0; i < nind; i++)
        v->ind_ids[i] = cat->inds[i]->id;
    for (y = 0; y < nyears; y++)
        v->years[y] = gidx_dataset_year(ds, y);
    for (r = 0; r < nreg; r++) {
        v->reg_ids[r] = (char *)gidx_dataset_region(ds, r);
        for (j = 0; j < nreg; j++)
            if (is_county_of(gidx_dataset_region(ds, r), gidx_dataset_region(ds, j)))
                county[r] = 1;
        if (!county[r])
            nunit++;
    }
#define VAL(i, r, y) val[((i) * nreg + (r)) * nyears + (y)]
    for (i = 0; i < nind; i++)
        for (r = 0; r < nreg; r++)
            gidx_dataset_series(&VAL(i, r, 0), NULL, nyears, ds, v->reg_ids[r], v->ind_ids[i]);

    for (i = 0; i < nind; i++) {
        const gidx_indicator *d = cat->inds[i];
        const char *id = d->id;
        size_t nwith = 0, ngap = 0, g, h;
        int *gs = gidx__calloc(nreg * nyears + 1, sizeof *gs);   /* gap start year */
        int *gl = gidx__calloc(nreg * nyears + 1, sizeof *gl);   /* gap length in years */
        size_t *gr = gidx__calloc(nreg * nyears + 1, sizeof *gr); /* gap region */
        if (gs == NULL || gl == NULL || gr == NULL) {
            free(gs);
            free(gl);
            free(gr);
            goto nomem;
        }
        /* Coverage, longest missing run, and gaps: calendar years missing
         * between two observed years (so 2010 between 2009 and 2011 is a gap
         * whether or not the dataset has the year 2010 at all). */
        for (r = 0; r < nreg; r++) {
            cov_stat *c = &v->cov[i * nreg + r];
            size_t nobs = 0, run = 0;
            long first = -1, last = -1;
            for (y = 0; y < nyears; y++) {
                if (isnan(VAL(i, r, y))) {
                    if (++run > c->longest_run)
                        c->longest_run = run;
                    continue;
                }
                run = 0;
                nobs++;
                if (last >= 0 && v->years[y] - v->years[last] > 1) {
                    gs[ngap] = v->years[last] + 1;
                    gl[ngap] = v->years[y] - v->years[last] - 1;
                    gr[ngap] = r;
                    ngap++;
                    c->ngaps++;
                }
                if (first < 0)
                    first = (long)y;
                last = (long)y;
            }
            c->coverage = nyears ? (double)nobs / (double)nyears : 0.0;
            c->first = first >= 0 ? v->years[first] : 0;
            c->last = last >= 0 ? v->years[last] : 0;
            if (first >= 0)
                nwith++;
        }
        /* A gap shared by every region with data is one finding for all. */
        for (g = 0; g < ngap; g++) {
            size_t cnt = 0, regions_with_it = 0;
            int seen_before = 0;
            for (h = 0; h < ngap; h++)
                if (gs[h] == gs[g] && gl[h] == gl[g]) {
                    cnt++;
                    if (h < g)
                        seen_before = 1;
                }
            regions_with_it = cnt;
            if (nwith > 1 && regions_with_it == nwith) {
                if (!seen_before)
                    add_finding(v, "gap", id, "", gs[g], (double)gl[g],
                                "%s: %d year%s from %d missing between observed years in every "
                                "region", id, gl[g], gl[g] == 1 ? "" : "s", gs[g]);
            } else {
                add_finding(v, "gap", id, v->reg_ids[gr[g]], gs[g], (double)gl[g],
                            "%s for %s: %d year%s from %d missing between observed years", id,
                            v->reg_ids[gr[g]], gl[g], gl[g] == 1 ? "" : "s", gs[g]);
            }
        }
        free(gs);
        free(gl);
        free(gr);
        /* Impossible values. */
        for (r = 0; r < nreg; r++)
            for (y = 0; y < nyears; y++) {
                double x = VAL(i, r, y);
                if (isnan(x))
                    continue;
                if ((!isnan(d->min) && x < d->min) || (!isnan(d->max) && x > d->max))
                    add_finding(v, "impossible", id, v->reg_ids[r], v->years[y], x,
                                "%s for %s %d is %s, outside its possible range [%s, %s]", id,
                                v->reg_ids[r], v->years[y], g6(x).s, g6(d->min).s, g6(d->max).s);
            }
        /* Outliers on levels and skewness/kurtosis, per year across units. */
        for (y = 0; y < nyears; y++) {
            size_t n = 0;
            double med, mad, g1, g2;
            for (r = 0; r < nreg; r++)
                if (!county[r] && !isnan(VAL(i, r, y)))
                    buf[n++] = VAL(i, r, y);
            if (n >= 4) {
                skew_kurt(&g1, &g2, buf, n);
                if (fabs(g1) > o.skew_limit && g2 > o.kurt_limit)
                    add_finding(v, "skew_kurtosis", id, "", v->years[y], g1,
                                "%s in %d: skewness %.3f and kurtosis %.3f over %zu regions "
                                "exceed %s and %s", id, v->years[y], g1, g2, n, g6(o.skew_limit).s,
                                g6(o.kurt_limit).s);
            }
            if (n < MIN_ROBUST)
                continue;
            median_mad(&med, &mad, buf, n, work);
            if (!(mad > 0))
                continue;
            for (r = 0; r < nreg; r++) {
                double x = VAL(i, r, y), z;
                if (county[r] || isnan(x))
                    continue;
                z = 0.6745 * (x - med) / mad;
                if (fabs(z) > o.z_threshold)
                    add_finding(v, "outlier_level", id, v->reg_ids[r], v->years[y], z,
                                "%s for %s %d = %s: robust z %.2f (median %s, MAD %s)", id,
                                v->reg_ids[r], v->years[y], g6(x).s, z, g6(med).s, g6(mad).s);
            }
        }
        /* Outliers on year-to-year changes, pooled over units. */
        {
            size_t n = 0;
            double med, mad;
            for (r = 0; r < nreg; r++) {
                long prev = -1;
                if (county[r])
                    continue;
                for (y = 0; y < nyears; y++) {
                    if (isnan(VAL(i, r, y)))
                        continue;
                    if (prev >= 0)
                        buf[n++] = VAL(i, r, y) - VAL(i, r, (size_t)prev);
                    prev = (long)y;
                }
            }
            if (n >= MIN_ROBUST) {
                median_mad(&med, &mad, buf, n, work);
                if (mad > 0)
                    for (r = 0; r < nreg; r++) {
                        long prev = -1;
                        if (county[r])
                            continue;
                        for (y = 0; y < nyears; y++) {
                            double ch, z;
                            if (isnan(VAL(i, r, y)))
                                continue;
                            if (prev >= 0) {
                                ch = VAL(i, r, y) - VAL(i, r, (size_t)prev);
                                z = 0.6745 * (ch - med) / mad;
                                if (fabs(z) > o.z_threshold)
                                    add_finding(v, "outlier_change", id, v->reg_ids[r], v->years[y],
                                                z, "%s for %s: change %d-%d of %s has robust z "
                                                "%.2f (median change %s, MAD %s)", id,
                                                v->reg_ids[r], v->years[prev], v->years[y], g6(ch).s,
                                                z, g6(med).s, g6(mad).s);
                            }
                            prev = (long)y;
                        }
                    }
            }
        }
        /* Municipal sums against county totals. */
        if (d->additive)
            for (r = 0; r < nreg; r++) {
                if (!county[r])
                    continue;
                for (y = 0; y < nyears; y++) {
                    double tot = VAL(i, r, y), sum = 0, rel;
                    size_t nm = 0, nmiss = 0;
                    if (isnan(tot))
                        continue;
                    for (j = 0; j < nreg; j++)
                        if (is_county_of(v->reg_ids[r], v->reg_ids[j])) {
                            if (isnan(VAL(i, j, y)))
                                nmiss++;
                            else {
                                sum += VAL(i, j, y);
                                nm++;
                            }
                        }
                    if (nm == 0 || nmiss > 0)
                        continue;
                    rel = tot != 0 ? (sum - tot) / fabs(tot) : (sum != 0 ? INFINITY : 0);
                    if (fabs(rel) > o.sum_tolerance)
                        add_finding(v, "county_sum", id, v->reg_ids[r], v->years[y], rel,
                                    "%s %d: the %zu municipalities of %s sum to %s, the county "
                                    "total is %s (%+.2f %%)", id, v->years[y], nm, v->reg_ids[r],
                                    g6(sum).s, g6(tot).s, 100 * rel);
                }
            }
    }

    /* Pillars: redundancy and Cronbach's alpha. */
    for (i = 0; i < nind; i++) {
        const char *pil = cat->inds[i]->pillar;
        size_t k;
        int seen = 0;
        if (pil == NULL)
            continue;
        for (k = 0; k < v->npillars; k++)
            if (strcmp(v->pillars[k].pillar, pil) == 0)
                seen = 1;
        if (!seen) {
            pillar_stat *np = gidx__reallocarray(v->pillars, v->npillars + 1, sizeof *np);
            if (np == NULL)
                goto nomem;
            v->pillars = np;
            if ((np[v->npillars].pillar = gidx__strdup(pil)) == NULL)
                goto nomem;
            np[v->npillars].k = 0;
            np[v->npillars].ncases = 0;
            np[v->npillars].alpha = NAN;
            np[v->npillars].alpha_std = NAN;
            v->npillars++;
        }
    }
    for (i = 0; i < nind; i++)
        for (j = i + 1; j < nind; j++) {
            const gidx_indicator *a = cat->inds[i], *b = cat->inds[j];
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0, cv, rr;
            if (a->pillar == NULL || b->pillar == NULL || strcmp(a->pillar, b->pillar) != 0)
                continue;
            for (r = 0; r < nreg; r++)
                for (y = 0; y < nyears; y++) {
                    double x = VAL(i, r, y), z = VAL(j, r, y);
                    if (county[r] || isnan(x) || isnan(z))
                        continue;
                    n++;
                    sa += x;
                    sb += z;
                }
            if (n < 3)
                continue;
            sa /= n;
            sb /= n;
            for (r = 0; r < nreg; r++)
                for (y = 0; y < nyears; y++) {
                    double x = VAL(i, r, y), z = VAL(j, r, y);
                    if (county[r] || isnan(x) || isnan(z))
                        continue;
                    saa += (x - sa) * (x - sa);
                    sbb += (z - sb) * (z - sb);
                    sab += (x - sa) * (z - sb);
                }
            cv = sqrt(saa * sbb);
            if (!(cv > 0))
                continue;
            rr = sab / cv;
            if (fabs(rr) > o.r_limit)
                add_finding(v, "redundant", a->id, "", 0, rr,
                            "%s and %s (pillar %s): r = %.3f over %.0f cases exceeds %s in "
                            "absolute value", a->id, b->id, a->pillar, rr, n, g6(o.r_limit).s);
        }
    for (j = 0; j < v->npillars; j++) {
        pillar_stat *ps = &v->pillars[j];
        size_t *items = gidx__calloc(nind + 1, sizeof *items), k = 0, c, n = 0, q0;
        double sumvar = 0, mean_t = 0, var_t = 0;
        if (items == NULL)
            goto nomem;
        for (i = 0; i < nind; i++) {
            size_t nobs = 0;
            if (!cat->inds[i]->pillar || strcmp(cat->inds[i]->pillar, ps->pillar) != 0 ||
                cat->inds[i]->direction == GIDX_CONTEXT)
                continue;
            /* An indicator with no value at all (its data are not in the
             * dataset) would leave no complete case: it is left out. */
            for (r = 0; r < nreg; r++)
                for (y = 0; y < nyears; y++)
                    nobs += !county[r] && !isnan(VAL(i, r, y));
            if (nobs > 0)
                items[k++] = i;
        }
        ps->k = k;
        /* Complete cases: totals in buf, and per-item sums for the variances. */
        for (r = 0; r < nreg; r++)
            for (y = 0; y < nyears; y++) {
                int ok = !county[r];
                for (c = 0; c < k && ok; c++)
                    ok = !isnan(VAL(items[c], r, y));
                if (ok && k > 0) {
                    double t = 0;
                    for (c = 0; c < k; c++) {
                        double x = VAL(items[c], r, y);
                        t += cat->inds[items[c]]->direction == GIDX_LOWER_BETTER ? -x : x;
                    }
                    buf[n] = t;
                    work[n] = (double)(r * nyears + y);
                    n++;
                }
            }
        ps->ncases = n;
        if (k >= 2 && n >= 2) {
            double *zt = buf + n;    /* sum of standardised items per case */
            int constant = 0;
            for (q0 = 0; q0 < n; q0++)
                zt[q0] = 0.0;
            for (c = 0; c < k; c++) {
                double m = 0, s = 0, sd, sign;
                size_t q;
                for (q = 0; q < n; q++)
                    m += val[items[c] * nreg * nyears + (size_t)work[q]];
                m /= (double)n;
                for (q = 0; q < n; q++) {
                    double dd = val[items[c] * nreg * nyears + (size_t)work[q]] - m;
                    s += dd * dd;
                }
                sumvar += s / (double)(n - 1);
                sd = sqrt(s / (double)(n - 1));
                sign = cat->inds[items[c]]->direction == GIDX_LOWER_BETTER ? -1.0 : 1.0;
                if (!(sd > 0))
                    constant = 1;
                else
                    for (q = 0; q < n; q++)
                        zt[q] += sign * (val[items[c] * nreg * nyears + (size_t)work[q]] - m) / sd;
            }
            if (!constant) {
                double mz = 0, vz = 0;
                for (q0 = 0; q0 < n; q0++)
                    mz += zt[q0];
                mz /= (double)n;
                for (q0 = 0; q0 < n; q0++)
                    vz += (zt[q0] - mz) * (zt[q0] - mz);
                vz /= (double)(n - 1);
                if (vz > 0)
                    ps->alpha_std = (double)k / (double)(k - 1) * (1.0 - (double)k / vz);
            }
            for (c = 0; c < n; c++)
                mean_t += buf[c];
            mean_t /= (double)n;
            for (c = 0; c < n; c++)
                var_t += (buf[c] - mean_t) * (buf[c] - mean_t);
            var_t /= (double)(n - 1);
            if (var_t > 0)
                ps->alpha = (double)k / (double)(k - 1) * (1.0 - sumvar / var_t);
        }
        free(items);
    }
#undef VAL
    if (v->failed)
        goto nomem;
    free(val);
    free(work);
    free(buf);
    free(county);
    *out = v;
    return GIDX_OK;
nomem:
    free(val);
    free(work);
    free(buf);
    free(county);
    gidx_validation_free(v);
    return gidx__error_set(GIDX_ENOMEM, "out of memory in validation");
}

size_t gidx_validation_nfindings(const gidx_validation *v) { return v ? v->nf : 0; }

gidx_status gidx_validation_finding(const char **check, const char **indicator,
                                    const char **region, int *year, double *value,
                                    const char **message, const gidx_validation *v, size_t i)
{
    const finding *f;
    if (v == NULL || i >= v->nf)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_finding: no finding %zu (have %zu)",
                               i, v ? v->nf : 0);
    f = &v->f[i];
    if (check) *check = f->check;
    if (indicator) *indicator = f->indicator;
    if (region) *region = f->region;
    if (year) *year = f->year;
    if (value) *value = f->value;
    if (message) *message = f->message;
    return GIDX_OK;
}

gidx_status gidx_validation_coverage(double *coverage, const gidx_validation *v,
                                     const char *indicator, const char *region)
{
    size_t i, r;
    if (coverage == NULL || v == NULL || indicator == NULL || region == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_coverage: NULL argument");
    for (i = 0; i < v->nind; i++)
        if (strcmp(v->ind_ids[i], indicator) == 0)
            for (r = 0; r < v->nreg; r++)
                if (strcmp(v->reg_ids[r], region) == 0) {
                    *coverage = v->cov[i * v->nreg + r].coverage;
                    return GIDX_OK;
                }
    return gidx__error_set(GIDX_ENOTFOUND, "no indicator %s for region %s in the report",
                           indicator, region);
}

gidx_status gidx_validation_alpha(double *alpha, size_t *ncases, const gidx_validation *v,
                                  const char *pillar)
{
    size_t k;
    if (alpha == NULL || v == NULL || pillar == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_alpha: NULL argument");
    for (k = 0; k < v->npillars; k++)
        if (strcmp(v->pillars[k].pillar, pillar) == 0) {
            *alpha = v->pillars[k].alpha;
            if (ncases) *ncases = v->pillars[k].ncases;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "pillar \"%s\" is not in the report", pillar);
}

gidx_status gidx_validation_alpha_standardized(double *alpha, size_t *ncases,
                                               const gidx_validation *v, const char *pillar)
{
    size_t k;
    if (alpha == NULL || v == NULL || pillar == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_alpha_standardized: NULL argument");
    for (k = 0; k < v->npillars; k++)
        if (strcmp(v->pillars[k].pillar, pillar) == 0) {
            *alpha = v->pillars[k].alpha_std;
            if (ncases) *ncases = v->pillars[k].ncases;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "pillar \"%s\" is not in the report", pillar);
}

static void num_or_empty(char *out, size_t cap, double x)
{
    if (isnan(x))
        snprintf(out, cap, "%s", "");
    else
        gidx__fmt_double(out, cap, x);
}

gidx_status gidx_validation_render(char *buf, size_t cap, size_t *needed, const gidx_validation *v,
                                   int format)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t k, i, r;
    char num[40];
    if (v == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_render: NULL report");
    if (format == GIDX_IND_CSV) {
        gidx__buf_puts(&b, "check,indicator,region,year,value,message\n");
        for (k = 0; k < v->npillars; k++) {
            num_or_empty(num, sizeof num, v->pillars[k].alpha);
            gidx__buf_puts(&b, "cronbach_alpha,");
            gidx__csv_field(&b, v->pillars[k].pillar);
            gidx__buf_printf(&b, ",,,%s,%zu items; %zu complete cases\n", num, v->pillars[k].k,
                             v->pillars[k].ncases);
            num_or_empty(num, sizeof num, v->pillars[k].alpha_std);
            gidx__buf_puts(&b, "cronbach_alpha_standardized,");
            gidx__csv_field(&b, v->pillars[k].pillar);
            gidx__buf_printf(&b, ",,,%s,%zu items; %zu complete cases\n", num, v->pillars[k].k,
                             v->pillars[k].ncases);
        }
        for (i = 0; i < v->nind; i++)
            for (r = 0; r < v->nreg; r++) {
                const cov_stat *c = &v->cov[i * v->nreg + r];
                gidx__fmt_double(num, sizeof num, c->coverage);
                gidx__buf_puts(&b, "coverage,");
                gidx__csv_field(&b, v->ind_ids[i]);
                gidx__buf_putc(&b, ',');
                gidx__csv_field(&b, v->reg_ids[r]);
                gidx__buf_printf(&b, ",,%s,observed %d-%d; %zu gaps; longest missing run %zu\n",
                                 num, c->first, c->last, c->ngaps, c->longest_run);
            }
        for (k = 0; k < v->nf; k++) {
            const finding *f = &v->f[k];
            gidx__fmt_double(num, sizeof num, f->value);
            gidx__buf_printf(&b, "%s,", f->check);
            gidx__csv_field(&b, f->indicator);
            gidx__buf_putc(&b, ',');
            gidx__csv_field(&b, f->region);
            if (f->year)
                gidx__buf_printf(&b, ",%d,%s,", f->year, num);
            else
                gidx__buf_printf(&b, ",,%s,", num);
            gidx__csv_field(&b, f->message);
            gidx__buf_putc(&b, '\n');
        }
    } else if (format == GIDX_IND_TEXT) {
        static const char *const checks[] = { "gap", "impossible", "outlier_level",
            "outlier_change", "skew_kurtosis", "county_sum", "redundant", NULL };
        gidx__buf_printf(&b, "Validation of %zu indicators x %zu regions x %zu years: %zu findings\n",
                         v->nind, v->nreg, v->nyears, v->nf);
        for (k = 0; checks[k]; k++) {
            size_t n = 0, q;
            for (q = 0; q < v->nf; q++)
                n += strcmp(v->f[q].check, checks[k]) == 0;
            gidx__buf_printf(&b, "  %-15s %zu\n", checks[k], n);
        }
        gidx__buf_puts(&b, "\nCronbach's alpha per pillar (non-context indicators, complete cases;\n"
                           "raw values, and standardised items):\n");
        for (k = 0; k < v->npillars; k++) {
            char num2[40];
            if (isnan(v->pillars[k].alpha))
                snprintf(num, sizeof num, "NA");
            else
                snprintf(num, sizeof num, "%.4f", v->pillars[k].alpha);
            if (isnan(v->pillars[k].alpha_std))
                snprintf(num2, sizeof num2, "NA");
            else
                snprintf(num2, sizeof num2, "%.4f", v->pillars[k].alpha_std);
            gidx__buf_printf(&b, "  %-12s alpha %-8s standardised %-8s items %zu, cases %zu\n",
                             v->pillars[k].pillar, num, num2, v->pillars[k].k, v->pillars[k].ncases);
        }
        gidx__buf_puts(&b, "\nCoverage (share of years observed, mean over regions):\n");
        for (i = 0; i < v->nind; i++) {
            double s = 0;
            for (r = 0; r < v->nreg; r++)
                s += v->cov[i * v->nreg + r].coverage;
            gidx__buf_printf(&b, "  %-30s %5.1f %%\n", v->ind_ids[i],
                             v->nreg ? 100 * s / (double)v->nreg : 0.0);
        }
        gidx__buf_puts(&b, "\nFindings:\n");
        for (k = 0; k < v->nf; k++)
            gidx__buf_printf(&b, "  [%s] %s\n", v->f[k].check, v->f[k].message);
    } else if (format == GIDX_IND_JSON) {
        json_t *root = json_object(), *pa = json_array(), *ca = json_array(), *fa = json_array();
        char *s;
        int bad = root == NULL || pa == NULL || ca == NULL || fa == NULL;
        for (k = 0; k < v->npillars && !bad; k++) {
            json_t *o = json_object();
            bad |= o == NULL;
            bad |= json_object_set_new(o, "pillar", json_string(v->pillars[k].pillar));
            bad |= json_object_set_new(o, "items", json_integer((json_int_t)v->pillars[k].k));
            bad |= json_object_set_new(o, "cases", json_integer((json_int_t)v->pillars[k].ncases));
            bad |= json_object_set_new(o, "cronbach_alpha", isnan(v->pillars[k].alpha)
                                       ? json_null() : json_real(v->pillars[k].alpha));
            bad |= json_object_set_new(o, "cronbach_alpha_standardized", isnan(v->pillars[k].alpha_std)
                                       ? json_null() : json_real(v->pillars[k].alpha_std));
            bad |= json_array_append_new(pa, o);
        }
        for (i = 0; i < v->nind && !bad; i++)
            for (r = 0; r < v->nreg && !bad; r++) {
                const cov_stat *c = &v->cov[i * v->nreg + r];
                json_t *o = json_object();
                bad |= o == NULL;
                bad |= json_object_set_new(o, "indicator", json_string(v->ind_ids[i]));
                bad |= json_object_set_new(o, "region", json_string(v->reg_ids[r]));
                bad |= json_object_set_new(o, "coverage", json_real(c->coverage));
                bad |= json_object_set_new(o, "first_year", c->first ? json_integer(c->first) : json_null());
                bad |= json_object_set_new(o, "last_year", c->last ? json_integer(c->last) : json_null());
                bad |= json_object_set_new(o, "gaps", json_integer((json_int_t)c->ngaps));
                bad |= json_object_set_new(o, "longest_missing_run", json_integer((json_int_t)c->longest_run));
                bad |= json_array_append_new(ca, o);
            }
        for (k = 0; k < v->nf && !bad; k++) {
            const finding *f = &v->f[k];
            json_t *o = json_object();
            bad |= o == NULL;
            bad |= json_object_set_new(o, "check", json_string(f->check));
            bad |= json_object_set_new(o, "indicator", json_string(f->indicator));
            bad |= json_object_set_new(o, "region", json_string(f->region));
            bad |= json_object_set_new(o, "year", f->year ? json_integer(f->year) : json_null());
            bad |= json_object_set_new(o, "value", gidx__isfinite(f->value) ? json_real(f->value) : json_null());
            bad |= json_object_set_new(o, "message", json_string(f->message));
            bad |= json_array_append_new(fa, o);
        }
        if (!bad) {
            json_t *opt = json_pack("{s:f,s:f,s:f,s:f,s:f}", "z_threshold", v->opt.z_threshold,
                                    "skew_limit", v->opt.skew_limit, "kurt_limit", v->opt.kurt_limit,
                                    "r_limit", v->opt.r_limit, "sum_tolerance", v->opt.sum_tolerance);
            bad |= json_object_set_new(root, "options", opt);
            bad |= json_object_set_new(root, "pillars", pa);
            bad |= json_object_set_new(root, "coverage", ca);
            bad |= json_object_set_new(root, "findings", fa);
            pa = ca = fa = NULL;
        }
        s = bad ? NULL : json_dumps(root, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
        json_decref(root);
        json_decref(pa);
        json_decref(ca);
        json_decref(fa);
        if (s == NULL)
            return gidx__error_set(GIDX_ENOMEM, "out of memory rendering the report");
        gidx__buf_puts(&b, s);
        gidx__buf_putc(&b, '\n');
        free(s);
    } else {
        return gidx__error_set(GIDX_EINVAL, "gidx_validation_render: unknown format %d", format);
    }
    return gidx__ind_output(buf, cap, needed, &b);
}
