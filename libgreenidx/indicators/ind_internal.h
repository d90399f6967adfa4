/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internal interface of the indicators module: the formula syntax tree and
 * its evaluator, the catalogue's insides (shared by catalog.c, panel.c and
 * validate.c). */
#ifndef GIDX_INDICATORS_INTERNAL_H
#define GIDX_INDICATORS_INTERNAL_H

#include <stddef.h>
#include <greenidx/indicators.h>
#include "../core/internal.h"

enum gidx__node_kind {
    GIDX__N_NUM, GIDX__N_VAR, GIDX__N_NEG, GIDX__N_ADD, GIDX__N_SUB,
    GIDX__N_MUL, GIDX__N_DIV, GIDX__N_POW, GIDX__N_FUNC
};

enum gidx__fn {
    GIDX__F_LOG, GIDX__F_EXP, GIDX__F_SQRT, GIDX__F_ABS, GIDX__F_MIN, GIDX__F_MAX,
    GIDX__F_SUM, GIDX__F_LAG, GIDX__F_BASE, GIDX__F_GROWTH, GIDX__F_TARGET_PATH,
    GIDX__F_REQUIRED_CUT
};

typedef struct gidx__node {
    int kind;
    int fn;                  /* for GIDX__N_FUNC */
    double num;              /* for GIDX__N_NUM; k / YEAR constants of lag, base, growth */
    char *name;              /* for GIDX__N_VAR */
    long ref;                /* for GIDX__N_VAR: indicator index, or -1 for a base variable */
    struct gidx__node **args;
    size_t nargs;
    size_t col;              /* 1-based column of the node's first character */
    char *text;              /* the node's source text, for reasons */
} gidx__node;

struct gidx_formula {
    char *text;
    gidx__node *root;
    char **vars;             /* distinct variable names, in order of first use */
    size_t nvars;
};

/* Evaluation context for one region. */
typedef struct gidx__eval_ctx {
    const gidx_dataset *ds;
    const char *region;
    const gidx_target_spec *target;       /* of the indicator being evaluated */
    /* Indicator references (NULL for a bare formula). */
    const gidx_formula *const *ind_formulas;
    const gidx_target_spec *const *ind_targets;
    size_t nind;
    /* Values of indicators already evaluated for this region, by dataset
     * year position: [ind * cache_nyears + y]; NULL when there is no cache. */
    const double *cache;
    char *const *cache_reason;          /* NULL where the value is present */
    const unsigned char *cache_done;    /* per indicator: all years cached */
    size_t cache_nyears;
    int depth;
    char reason[512];
} gidx__eval_ctx;

/* Evaluate @p f for ctx->region in @p year: 0 with *out, or 1 (missing)
 * with ctx->reason set. */
int gidx__formula_eval(double *out, const gidx_formula *f, gidx__eval_ctx *ctx, int year);

/* Copy a parsed formula (deep). NULL on ENOMEM. */
gidx_formula *gidx__formula_copy(const gidx_formula *f);

/* Call fn on every variable node of @p f (mutable, to bind refs). */
void gidx__formula_foreach_var(gidx_formula *f, void (*fn)(gidx__node *, void *), void *arg);

struct gidx_indicator {
    char *id;
    gidx_formula *formula;
    char *name_en, *name_nb, *description, *unit, *pillar, *source, *target;
    int direction;
    double min, max;
    int additive;
};

typedef struct gidx__variable {
    char *name, *unit, *source;
    char *fetch;   /* the variable's "fetch" record (SSB table and query) as compact JSON, or NULL */
} gidx__variable;

typedef struct gidx__target {
    char *name;
    gidx_target_spec spec;   /* strings owned (cast away const) */
    char **regions;          /* the regions the target belongs to (owned), or NULL */
    size_t nregions;
} gidx__target;

struct gidx_catalog {
    char *name;
    char *description;
    gidx__variable *vars;
    size_t nvars, vars_cap;
    gidx_indicator **inds;
    size_t ninds, inds_cap;
    gidx__target *targets;
    size_t ntargets, targets_cap;
    gidx__strmap *var_index;   /* variable name -> index in vars (may hold stale entries >= nvars) */
    gidx__strmap *ind_index;   /* indicator id -> index in inds (likewise) */
};

gidx_catalog *gidx__catalog_copy(const gidx_catalog *cat);
gidx_indicator *gidx__indicator_copy(const gidx_indicator *ind);
/* The target record named @p name, or NULL. */
const gidx_target_spec *gidx__catalog_target_spec(const gidx_catalog *cat, const char *name);
/* Check a target record (version, kind, path, years, cut). */
gidx_status gidx__target_check(const gidx_target_spec *t);
/* Bind variable refs of every indicator (base variable or indicator index). */
void gidx__catalog_bind(gidx_catalog *cat);

/* Built-in catalogue JSON (generated from data/catalog/default.json). */
extern const char gidx__catalog_default_json[];
extern const size_t gidx__catalog_default_json_len;

/* Copy the text built in @p b (plus NUL) into buf/cap, reporting needed,
 * and free @p b; GIDX_ENOMEM when building it ran out of memory. */
gidx_status gidx__ind_output(char *buf, size_t cap, size_t *needed, gidx__buf *b);
/* Append @p s to @p b as a CSV field (quoted when needed). */
/* Format a double with 17 significant digits, shortest that round-trips. */
void gidx__fmt_double(char *out, size_t cap, double x);

#endif
