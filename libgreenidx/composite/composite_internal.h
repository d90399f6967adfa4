/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Internal state of the composite-index module: the specification, the
 * resolved hierarchy ("topology"), the per-year working matrices and the
 * result. Shared by spec.c, compute.c, stats.c and uncertainty.c.
 */
#ifndef GIDX_COMPOSITE_INTERNAL_H
#define GIDX_COMPOSITE_INTERNAL_H

#include <stddef.h>
#include <greenidx/composite.h>
#include "core/internal.h"

#define GIDX__NONE ((size_t)-1)

typedef struct gidx__cnode {
    char *code;
    char *parent;      /* "" for the root */
    double weight;
    int direction;     /* +1/-1 for indicators, 0 for aggregates */
    int is_indicator;
    int has_target, has_lower;
    double target, lower;
    char *denominator; /* NULL when none */
} gidx__cnode;

typedef struct gidx__cgroup {
    char *name;
    gidx__strmap *unit_label; /* unit code -> label id */
    size_t nlabels;
} gidx__cgroup;

struct gidx_index_spec {
    gidx__cnode *nodes;
    size_t n, cap;
    gidx__strmap *map;     /* code -> node index */
    gidx_index_options opt;
    char *impute_group;    /* owned copy of opt.impute_group */
    gidx__cgroup *groups;
    size_t ngroups;
};

/* The hierarchy resolved into indicator and aggregate indices. Node ids:
 * 0..nind-1 indicators, nind..nind+nagg-1 aggregates (aggregate 0 = root). */
typedef struct gidx__topo {
    size_t nind, nagg;
    size_t *ind_node, *agg_node;  /* spec node index */
    size_t *parent;               /* per node id: aggregate index of parent, NONE for root */
    size_t *order;                /* aggregates bottom-up (children before parents) */
    size_t *kid_start, *kids;     /* children (node ids) of aggregate j: kids[kid_start[j]..kid_start[j+1]) */
    double *weight;               /* per node id, from the spec */
    int *dir;                     /* per indicator */
} gidx__topo;

gidx_status gidx__composite_topo(gidx__topo *t, const gidx_index_spec *spec);
void gidx__composite_topo_free(gidx__topo *t);
/* The first cycle of parent links in @p s, written to @p b as
 * "A -> B -> A" (child -> parent), each code followed by " (line L)" when
 * @p lines (the line of every spec node) is given. Returns 1 when a cycle
 * was found, 0 when none (a missing or indicator parent ends a walk), -1
 * when out of memory. Linear in the number of nodes. */
int gidx__composite_cycle(gidx__buf *b, const gidx_index_spec *s, const size_t *lines);

/* Aggregate one year: vals holds (nind + nagg) * U values, the first nind
 * rows (normalised indicators) filled in; fills the aggregate rows.
 * w: weights per node id (0 = excluded). incl: per unit (may be NULL). */
gidx_status gidx__composite_aggregate(double *vals, const gidx__topo *t, const double *w,
                                      const int *incl, size_t U, int method,
                                      double min_avail, int bod, double bod_lo, double bod_hi,
                                      const char *const *units);

/* Normalise one indicator over included units, in place (NaN kept). */
gidx_status gidx__composite_normalise(double *x, const int *incl, size_t U, int method,
                                      int dir, double lo, double hi, int has_lower,
                                      double lower, int has_target, double target,
                                      const char *code, int year);

/* Treat one indicator over included units (COINr Treat defaults); x in place. */
gidx_status gidx__composite_treat(double *x, const int *incl, size_t U, unsigned winmax,
                                  double st, double kt, gidx_treatment_info *info);

/* Impute one indicator-year across units (mean/median/group); records nothing. */
double gidx__composite_mean(const double *x, size_t n);
double gidx__composite_median(double *tmp, const double *x, size_t n);

/* A value and its position, for sorting. */
typedef struct gidx__item {
    double v;
    size_t i;
} gidx__item;
/* Sort the m items of src (no NaN) ascending into dst: a bucket sort with
 * GIDX__SORT_BUCKETS buckets per item over [min, max] (several per item keep
 * the insertion sort's work small for skewed values) finished by an
 * insertion sort. Scratch: cnt, GIDX__SORT_BUCKETS m + 1 entries; key, m.
 * Expected linear time, exact for any input. */
#define GIDX__SORT_BUCKETS 4
void gidx__composite_sort_items(gidx__item *dst, const gidx__item *src, size_t m, size_t *cnt, unsigned *key);

/* Average ranks (1 = smallest), ties averaged; NaN stays NaN. tmp: n size_t. */
gidx_status gidx__composite_avg_ranks(double *out, const double *x, size_t n);

typedef struct gidx__imputed {
    size_t unit, year, ind;
    double value;
} gidx__imputed;

/* Prepared data: the raw panel after denomination and imputation, for all years. */
typedef struct gidx__prep {
    size_t U, T;
    int *years;
    double *raw;          /* T x nind x U after denominate + impute */
    gidx__imputed *imp;
    size_t nimp, capimp;
} gidx__prep;

struct gidx_index_result {
    size_t U, T, nind, nagg;
    char **units, **names;
    int *years;
    char **codes;          /* per node id */
    gidx__strmap *node_map;/* code -> node id */
    double *vals;          /* T x (nind+nagg) x U */
    double *ranks;         /* T x (nind+nagg) x U */
    double *treated;       /* T x nind x U */
    int *incl;             /* T x U */
    gidx_treatment_info *tinfo; /* T x nind */
    gidx__imputed *imp;
    size_t nimp;
    size_t *parent;        /* per node id */
};

/* Shared with uncertainty.c: run the pipeline with the given options. */
gidx_status gidx__composite_run(gidx_index_result **out, const gidx_index_spec *spec,
                                const gidx_index_options *opt, const gidx_dataset *data);

#endif
