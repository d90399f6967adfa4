/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The indicator formula language: a hand-written recursive-descent parser
 * (the classic precedence-climbing layout of Aho, Lam, Sethi & Ullman,
 * Compilers, 2nd ed., sec. 2.4 and 4.4) building a syntax tree, and a
 * tree-walking evaluator over a dataset.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | power
 *   power   := primary ('^' unary)?          right-associative, binds tighter than unary minus
 *   primary := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'
 *
 * A value that cannot be computed is not an error but a missing value with a
 * reason that names the variable, region and year at fault; the reason of the
 * innermost failure is kept. lag(x, k) steps back over the years in which x is
 * observed (so with emissions for 2009, 2011, 2013, lag(x, 1) in 2013 is the
 * 2011 value), not to year - k.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_internal.h"

#define MAX_TEXT 4096
#define MAX_DEPTH 100
#define MAX_EVAL_DEPTH 64
#define MAX_TIME_DEPTH 4

typedef struct parser {
    const char *s;
    size_t pos;
    int depth;
} parser;

static const struct {
    const char *name;
    int fn;
    size_t min_args, max_args;
} functions[] = {
    { "log", GIDX__F_LOG, 1, 1 },
    { "exp", GIDX__F_EXP, 1, 1 },
    { "sqrt", GIDX__F_SQRT, 1, 1 },
    { "abs", GIDX__F_ABS, 1, 1 },
    { "min", GIDX__F_MIN, 1, 1000 },
    { "max", GIDX__F_MAX, 1, 1000 },
    { "sum", GIDX__F_SUM, 1, 1000 },
    { "lag", GIDX__F_LAG, 2, 2 },
    { "base", GIDX__F_BASE, 2, 2 },
    { "growth", GIDX__F_GROWTH, 1, 2 },
    { "target_path", GIDX__F_TARGET_PATH, 1, 1 },
    { "required_cut", GIDX__F_REQUIRED_CUT, 1, 1 },
};

static void node_free(gidx__node *n)
{
    size_t i;
    if (n == NULL)
        return;
    for (i = 0; i < n->nargs; i++)
        node_free(n->args[i]);
    free(n->args);
    free(n->name);
    free(n->text);
    free(n);
}

static gidx__node *node_new(int kind, size_t col)
{
    gidx__node *n = gidx__calloc(1, sizeof *n);
    if (n != NULL) {
        n->kind = kind;
        n->col = col;
        n->ref = -1;
    }
    return n;
}

static gidx_status perr(const parser *p, size_t pos, const char *fmt, ...) GIDX__PRINTF(3, 4);
static gidx_status perr(const parser *p, size_t pos, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return gidx__error_set(GIDX_EPARSE, "formula \"%s\": column %zu: %s", p->s, pos + 1, msg);
}

static void skip_ws(parser *p)
{
    while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
           p->s[p->pos] == '\r')
        p->pos++;
}

static int is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Store the source text [start, p->pos) of a node, trimmed. */
static gidx_status set_text(gidx__node *n, const parser *p, size_t start)
{
    size_t end = p->pos;
    while (end > start && (p->s[end - 1] == ' ' || p->s[end - 1] == '\t' ||
                           p->s[end - 1] == '\n' || p->s[end - 1] == '\r'))
        end--;
    n->text = gidx__strndup(p->s + start, end - start);
    return n->text ? GIDX_OK : GIDX_ENOMEM;
}

static gidx_status parse_expr(gidx__node **out, parser *p);
static gidx_status parse_unary(gidx__node **out, parser *p);

static gidx_status binary(gidx__node **out, int kind, gidx__node *l, gidx__node *r,
                          const parser *p, size_t start)
{
    gidx__node *n = node_new(kind, start + 1);
    if (n == NULL || (n->args = gidx__calloc(2, sizeof *n->args)) == NULL) {
        node_free(n);
        node_free(l);
        node_free(r);
        return GIDX_ENOMEM;
    }
    n->args[0] = l;
    n->args[1] = r;
    n->nargs = 2;
    if (set_text(n, p, start) != GIDX_OK) {
        node_free(n);
        return GIDX_ENOMEM;
    }
    *out = n;
    return GIDX_OK;
}

/* A non-negative integer literal argument (k of lag/growth, YEAR of base). */
static int int_literal(const gidx__node *n, long *v)
{
    if (n->kind == GIDX__N_NUM && n->num == floor(n->num) && fabs(n->num) < 1e6) {
        *v = (long)n->num;
        return 1;
    }
    if (n->kind == GIDX__N_NEG && n->args[0]->kind == GIDX__N_NUM &&
        n->args[0]->num == floor(n->args[0]->num) && n->args[0]->num < 1e6) {
        *v = -(long)n->args[0]->num;
        return 1;
    }
    return 0;
}

static gidx_status parse_call(gidx__node **out, parser *p, size_t start, const char *name)
{
    size_t k, fi = sizeof functions / sizeof functions[0];
    gidx__node *n;
    gidx_status rc;
    for (k = 0; k < sizeof functions / sizeof functions[0]; k++)
        if (strcmp(functions[k].name, name) == 0)
            fi = k;
    if (fi == sizeof functions / sizeof functions[0])
        return perr(p, start, "unknown function \"%s\"", name);
    n = node_new(GIDX__N_FUNC, start + 1);
    if (n == NULL)
        return GIDX_ENOMEM;
    n->fn = functions[fi].fn;
    p->pos++; /* '(' */
    for (;;) {
        gidx__node *a = NULL;
        gidx__node **na;
        skip_ws(p);
        if (n->nargs >= functions[fi].max_args) {
            node_free(n);
            return perr(p, p->pos, "too many arguments to %s()", name);
        }
        if ((rc = parse_expr(&a, p)) != GIDX_OK) {
            node_free(n);
            return rc;
        }
        na = gidx__reallocarray(n->args, n->nargs + 1, sizeof *na);
        if (na == NULL) {
            node_free(a);
            node_free(n);
            return GIDX_ENOMEM;
        }
        n->args = na;
        n->args[n->nargs++] = a;
        skip_ws(p);
        if (p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->s[p->pos] == ')') {
            p->pos++;
            break;
        }
        node_free(n);
        return perr(p, p->pos, "expected ',' or ')' in the arguments of %s()", name);
    }
    if (n->nargs < functions[fi].min_args) {
        node_free(n);
        return perr(p, start, "%s() needs %zu argument%s", name, functions[fi].min_args,
                    functions[fi].min_args == 1 ? "" : "s");
    }
    if (n->fn == GIDX__F_LAG || n->fn == GIDX__F_BASE ||
        (n->fn == GIDX__F_GROWTH && n->nargs == 2)) {
        long v;
        if (!int_literal(n->args[1], &v) || (n->fn != GIDX__F_BASE && v < 1)) {
            size_t col = n->args[1]->col - 1;
            node_free(n);
            return perr(p, col, "the second argument of %s() must be %s", name,
                        strcmp(name, "base") == 0 ? "a year (an integer)"
                                                  : "a positive integer");
        }
        n->num = (double)v;
    }
    if (set_text(n, p, start) != GIDX_OK) {
        node_free(n);
        return GIDX_ENOMEM;
    }
    *out = n;
    return GIDX_OK;
}

static gidx_status parse_primary(gidx__node **out, parser *p)
{
    size_t start;
    char c;
    gidx_status rc;
    skip_ws(p);
    start = p->pos;
    c = p->s[p->pos];
    if (c == '(') {
        p->pos++;
        if ((rc = parse_expr(out, p)) != GIDX_OK)
            return rc;
        skip_ws(p);
        if (p->s[p->pos] != ')') {
            node_free(*out);
            *out = NULL;
            return perr(p, p->pos, "expected ')'");
        }
        p->pos++;
        return GIDX_OK;
    }
    if ((c >= '0' && c <= '9') || c == '.') {
        char *end;
        gidx__node *n;
        double v = gidx__strtod(p->s + p->pos, &end);
        if (end == p->s + p->pos || !gidx__isfinite(v))
            return perr(p, start, "bad number");
        p->pos = (size_t)(end - p->s);
        if (is_name_start(p->s[p->pos]))
            return perr(p, p->pos, "unexpected '%c' after a number", p->s[p->pos]);
        n = node_new(GIDX__N_NUM, start + 1);
        if (n == NULL)
            return GIDX_ENOMEM;
        n->num = v;
        if (set_text(n, p, start) != GIDX_OK) {
            node_free(n);
            return GIDX_ENOMEM;
        }
        *out = n;
        return GIDX_OK;
    }
    if (is_name_start(c)) {
        char *name;
        gidx__node *n;
        while (is_name_char(p->s[p->pos]))
            p->pos++;
        name = gidx__strndup(p->s + start, p->pos - start);
        if (name == NULL)
            return GIDX_ENOMEM;
        skip_ws(p);
        if (p->s[p->pos] == '(') {
            rc = parse_call(out, p, start, name);
            free(name);
            return rc;
        }
        n = node_new(GIDX__N_VAR, start + 1);
        if (n == NULL) {
            free(name);
            return GIDX_ENOMEM;
        }
        n->name = name;
        n->text = gidx__strdup(name);
        if (n->text == NULL) {
            node_free(n);
            return GIDX_ENOMEM;
        }
        *out = n;
        return GIDX_OK;
    }
    if (c == '\0')
        return perr(p, start, "unexpected end of formula");
    return perr(p, start, "unexpected character '%c'", c);
}

static gidx_status parse_power(gidx__node **out, parser *p)
{
    gidx__node *l = NULL, *r = NULL;
    size_t start;
    gidx_status rc;
    skip_ws(p);
    start = p->pos;
    if ((rc = parse_primary(&l, p)) != GIDX_OK)
        return rc;
    skip_ws(p);
    if (p->s[p->pos] != '^') {
        *out = l;
        return GIDX_OK;
    }
    p->pos++;
    if ((rc = parse_unary(&r, p)) != GIDX_OK) {
        node_free(l);
        return rc;
    }
    return binary(out, GIDX__N_POW, l, r, p, start);
}

static gidx_status parse_unary(gidx__node **out, parser *p)
{
    size_t start;
    gidx_status rc;
    if (++p->depth > MAX_DEPTH)
        return gidx__error_set(GIDX_ELIMIT, "formula \"%s\": column %zu: nested deeper than %d",
                               p->s, p->pos + 1, MAX_DEPTH);
    skip_ws(p);
    start = p->pos;
    if (p->s[p->pos] == '-') {
        gidx__node *a = NULL, *n;
        p->pos++;
        if ((rc = parse_unary(&a, p)) != GIDX_OK)
            return rc;
        n = node_new(GIDX__N_NEG, start + 1);
        if (n == NULL || (n->args = gidx__calloc(1, sizeof *n->args)) == NULL) {
            node_free(n);
            node_free(a);
            return GIDX_ENOMEM;
        }
        n->args[0] = a;
        n->nargs = 1;
        if (set_text(n, p, start) != GIDX_OK) {
            node_free(n);
            return GIDX_ENOMEM;
        }
        *out = n;
    } else if ((rc = parse_power(out, p)) != GIDX_OK) {
        return rc;
    }
    p->depth--;
    return GIDX_OK;
}

static gidx_status parse_term(gidx__node **out, parser *p)
{
    gidx__node *l = NULL;
    size_t start;
    gidx_status rc;
    skip_ws(p);
    start = p->pos;
    if ((rc = parse_unary(&l, p)) != GIDX_OK)
        return rc;
    for (;;) {
        gidx__node *r = NULL;
        char op;
        skip_ws(p);
        op = p->s[p->pos];
        if (op != '*' && op != '/')
            break;
        p->pos++;
        if ((rc = parse_unary(&r, p)) != GIDX_OK) {
            node_free(l);
            return rc;
        }
        if ((rc = binary(&l, op == '*' ? GIDX__N_MUL : GIDX__N_DIV, l, r, p, start)) != GIDX_OK)
            return rc;
    }
    *out = l;
    return GIDX_OK;
}

static gidx_status parse_expr(gidx__node **out, parser *p)
{
    gidx__node *l = NULL;
    size_t start;
    gidx_status rc;
    if (++p->depth > MAX_DEPTH)
        return gidx__error_set(GIDX_ELIMIT, "formula \"%s\": column %zu: nested deeper than %d",
                               p->s, p->pos + 1, MAX_DEPTH);
    skip_ws(p);
    start = p->pos;
    if ((rc = parse_term(&l, p)) != GIDX_OK)
        return rc;
    for (;;) {
        gidx__node *r = NULL;
        char op;
        skip_ws(p);
        op = p->s[p->pos];
        if (op != '+' && op != '-')
            break;
        p->pos++;
        if ((rc = parse_term(&r, p)) != GIDX_OK) {
            node_free(l);
            return rc;
        }
        if ((rc = binary(&l, op == '+' ? GIDX__N_ADD : GIDX__N_SUB, l, r, p, start)) != GIDX_OK)
            return rc;
    }
    p->depth--;
    *out = l;
    return GIDX_OK;
}

/* Nesting depth of the functions that look at other years (each level
 * multiplies the work by the number of years). */
static int time_depth(const gidx__node *n)
{
    size_t i;
    int d = 0, own;
    for (i = 0; i < n->nargs; i++) {
        int c = time_depth(n->args[i]);
        if (c > d)
            d = c;
    }
    own = n->kind == GIDX__N_FUNC &&
          (n->fn == GIDX__F_LAG || n->fn == GIDX__F_GROWTH || n->fn == GIDX__F_BASE ||
           n->fn == GIDX__F_TARGET_PATH || n->fn == GIDX__F_REQUIRED_CUT);
    return d + own;
}

static gidx_status collect_vars(gidx_formula *f, const gidx__node *n)
{
    size_t i;
    gidx_status rc;
    if (n->kind == GIDX__N_VAR) {
        char **nv;
        for (i = 0; i < f->nvars; i++)
            if (strcmp(f->vars[i], n->name) == 0)
                return GIDX_OK;
        nv = gidx__reallocarray(f->vars, f->nvars + 1, sizeof *nv);
        if (nv == NULL)
            return GIDX_ENOMEM;
        f->vars = nv;
        if ((f->vars[f->nvars] = gidx__strdup(n->name)) == NULL)
            return GIDX_ENOMEM;
        f->nvars++;
        return GIDX_OK;
    }
    for (i = 0; i < n->nargs; i++)
        if ((rc = collect_vars(f, n->args[i])) != GIDX_OK)
            return rc;
    return GIDX_OK;
}

gidx_status gidx_formula_parse(gidx_formula **out, const char *text)
{
    parser p;
    gidx_formula *f;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_formula_parse: out is NULL");
    *out = NULL;
    if (text == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_formula_parse: text is NULL");
    if (strlen(text) > MAX_TEXT)
        return gidx__error_set(GIDX_ELIMIT, "formula longer than %d bytes", MAX_TEXT);
    f = gidx__calloc(1, sizeof *f);
    if (f == NULL)
        return GIDX_ENOMEM;
    if ((f->text = gidx__strdup(text)) == NULL) {
        free(f);
        return GIDX_ENOMEM;
    }
    p.s = f->text;
    p.pos = 0;
    p.depth = 0;
    rc = parse_expr(&f->root, &p);
    if (rc == GIDX_OK) {
        skip_ws(&p);
        if (p.s[p.pos] != '\0') {
            node_free(f->root);
            f->root = NULL;
            rc = p.s[p.pos] == ')' ? perr(&p, p.pos, "unbalanced ')'")
                                   : perr(&p, p.pos, "unexpected '%c'", p.s[p.pos]);
        }
    }
    if (rc == GIDX_OK && time_depth(f->root) > MAX_TIME_DEPTH)
        rc = gidx__error_set(GIDX_ELIMIT,
            "formula \"%s\": lag/base/growth/target functions nested deeper than %d", text,
            MAX_TIME_DEPTH);
    if (rc == GIDX_OK)
        rc = collect_vars(f, f->root);
    if (rc != GIDX_OK) {
        gidx_formula_free(f);
        return rc;
    }
    *out = f;
    return GIDX_OK;
}

void gidx_formula_free(gidx_formula *f)
{
    size_t i;
    if (f == NULL)
        return;
    node_free(f->root);
    for (i = 0; i < f->nvars; i++)
        free(f->vars[i]);
    free(f->vars);
    free(f->text);
    free(f);
}

const char *gidx_formula_text(const gidx_formula *f) { return f ? f->text : NULL; }
size_t gidx_formula_nvariables(const gidx_formula *f) { return f ? f->nvars : 0; }

const char *gidx_formula_variable(const gidx_formula *f, size_t i)
{
    return (f && i < f->nvars) ? f->vars[i] : NULL;
}

gidx_formula *gidx__formula_copy(const gidx_formula *f)
{
    gidx_formula *c = NULL;
    /* Re-parsing the text gives an identical tree (the parser is deterministic). */
    if (gidx_formula_parse(&c, f->text) != GIDX_OK)
        return NULL;
    return c;
}

static void foreach_node(gidx__node *n, void (*fn)(gidx__node *, void *), void *arg)
{
    size_t i;
    if (n->kind == GIDX__N_VAR)
        fn(n, arg);
    for (i = 0; i < n->nargs; i++)
        foreach_node(n->args[i], fn, arg);
}

void gidx__formula_foreach_var(gidx_formula *f, void (*fn)(gidx__node *, void *), void *arg)
{
    foreach_node(f->root, fn, arg);
}

/* ------------------------------------------------------------ evaluation */

static int missing(gidx__eval_ctx *c, const char *fmt, ...) GIDX__PRINTF(2, 3);
static int missing(gidx__eval_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->reason, sizeof c->reason, fmt, ap);
    va_end(ap);
    return 1;
}

static int eval(double *out, const gidx__node *n, gidx__eval_ctx *c, int year);

static int eval_var(double *out, const gidx__node *n, gidx__eval_ctx *c, int year)
{
    double v;
    int flag;
    size_t idx;
    if (n->ref >= 0 && (size_t)n->ref < c->nind && c->ind_formulas != NULL) {
        const gidx_target_spec *saved = c->target;
        int r;
        if (c->cache != NULL && c->cache_done[n->ref]) {
            /* Memoised: each indicator is evaluated once per region and year,
             * so references inside lag() cost no more than plain ones. */
            size_t k;
            for (k = 0; k < c->cache_nyears; k++)
                if (gidx_dataset_year(c->ds, k) == year) {
                    const char *why = c->cache_reason[(size_t)n->ref * c->cache_nyears + k];
                    if (why != NULL)
                        return missing(c, "%s", why);
                    *out = c->cache[(size_t)n->ref * c->cache_nyears + k];
                    return 0;
                }
        }
        if (c->depth >= MAX_EVAL_DEPTH)
            return missing(c, "indicator references nested deeper than %d", MAX_EVAL_DEPTH);
        c->depth++;
        c->target = c->ind_targets ? c->ind_targets[n->ref] : NULL;
        r = eval(out, c->ind_formulas[n->ref]->root, c, year);
        c->target = saved;
        c->depth--;
        return r;
    }
    if (gidx_dataset_find_variable(&idx, c->ds, n->name) != GIDX_OK)
        return missing(c, "variable %s not in dataset", n->name);
    gidx_dataset_get(&v, &flag, c->ds, c->region, year, n->name);
    switch (flag) {
    case GIDX_FLAG_OK:
    case GIDX_FLAG_PROVISIONAL:
        *out = v;
        return 0;
    case GIDX_FLAG_CONFIDENTIAL:
        return missing(c, "%s confidential (..) for %s %d", n->name, c->region, year);
    case GIDX_FLAG_NOT_APPLICABLE:
        return missing(c, "%s not applicable (.) for %s %d", n->name, c->region, year);
    default:
        return missing(c, "%s missing for %s %d", n->name, c->region, year);
    }
}

/* Value of @p x in the k-th earlier year in which it is observed. */
static int eval_lag(double *out, int *lag_year, const gidx__node *x, long k,
                    gidx__eval_ctx *c, int year)
{
    size_t ny = gidx_dataset_nyears(c->ds), j;
    long found = 0;
    for (j = ny; j-- > 0;) {
        int y = gidx_dataset_year(c->ds, j);
        double v;
        if (y >= year)
            continue;
        if (eval(&v, x, c, y) == 0 && ++found == k) {
            *out = v;
            if (lag_year) *lag_year = y;
            return 0;
        }
    }
    return missing(c, "lag(%s, %ld): %s has %ld observed year%s before %d (need %ld)",
                   x->text, k, c->region, found, found == 1 ? "" : "s", year, k);
}

static int finite_or_missing(double *out, double v, const gidx__node *n, gidx__eval_ctx *c,
                             int year)
{
    if (!gidx__isfinite(v))
        return missing(c, "%s is not finite in %s %d", n->text, c->region, year);
    *out = v;
    return 0;
}

static int eval_func(double *out, const gidx__node *n, gidx__eval_ctx *c, int year)
{
    double a = 0.0, b, acc;
    size_t i;
    switch (n->fn) {
    case GIDX__F_LOG:
    case GIDX__F_SQRT:
    case GIDX__F_EXP:
    case GIDX__F_ABS:
        if (eval(&a, n->args[0], c, year))
            return 1;
        if (n->fn == GIDX__F_LOG) {
            if (a <= 0)
                return missing(c, "log of a non-positive value: %s = %.17g in %s %d",
                               n->args[0]->text, a, c->region, year);
            return finite_or_missing(out, log(a), n, c, year);
        }
        if (n->fn == GIDX__F_SQRT) {
            if (a < 0)
                return missing(c, "square root of a negative value: %s = %.17g in %s %d",
                               n->args[0]->text, a, c->region, year);
            return finite_or_missing(out, sqrt(a), n, c, year);
        }
        if (n->fn == GIDX__F_EXP)
            return finite_or_missing(out, exp(a), n, c, year);
        *out = fabs(a);
        return 0;
    case GIDX__F_MIN:
    case GIDX__F_MAX:
    case GIDX__F_SUM:
        acc = 0.0;
        for (i = 0; i < n->nargs; i++) {
            if (eval(&b, n->args[i], c, year))
                return 1;
            if (n->fn == GIDX__F_SUM)
                acc += b;
            else if (i == 0 || (n->fn == GIDX__F_MIN ? b < acc : b > acc))
                acc = b;
        }
        return finite_or_missing(out, acc, n, c, year);
    case GIDX__F_LAG:
        return eval_lag(out, NULL, n->args[0], (long)n->num, c, year);
    case GIDX__F_BASE: {
        int by = (int)n->num;
        if (eval(&a, n->args[0], c, by))
            return 1;
        *out = a;
        return 0;
    }
    case GIDX__F_GROWTH: {
        long k = n->nargs == 2 ? (long)n->num : 1;
        int ly = 0;
        if (eval(&a, n->args[0], c, year) || eval_lag(&b, &ly, n->args[0], k, c, year))
            return 1;
        if (b == 0)
            return missing(c, "division by zero: %s = 0 in %s %d", n->args[0]->text,
                           c->region, ly);
        return finite_or_missing(out, a / b - 1.0, n, c, year);
    }
    case GIDX__F_TARGET_PATH:
    case GIDX__F_REQUIRED_CUT: {
        const gidx_target_spec *t = c->target;
        gidx_status rc;
        if (t == NULL)
            return missing(c, "%s: the indicator has no target", n->text);
        if (eval(&b, n->args[0], c, t->base_year)) /* base level */
            return 1;
        if (n->fn == GIDX__F_TARGET_PATH) {
            rc = gidx_target_path_value(out, t, b, year);
            if (rc != GIDX_OK)
                return missing(c, "%s undefined for %s %d: %s", n->text, c->region, year,
                               gidx_error_last()->message);
            return 0;
        }
        if (eval(&a, n->args[0], c, year))
            return 1;
        rc = gidx_target_required_cut(out, t, b, a, year);
        if (rc != GIDX_OK)
            return missing(c, "%s undefined for %s %d: %s", n->text, c->region, year,
                           gidx_error_last()->message);
        return 0;
    }
    default:
        return missing(c, "internal error: unknown function");
    }
}

static int eval(double *out, const gidx__node *n, gidx__eval_ctx *c, int year)
{
    double a, b;
    switch (n->kind) {
    case GIDX__N_NUM:
        *out = n->num;
        return 0;
    case GIDX__N_VAR:
        return eval_var(out, n, c, year);
    case GIDX__N_NEG:
        if (eval(&a, n->args[0], c, year))
            return 1;
        *out = -a;
        return 0;
    case GIDX__N_FUNC:
        return eval_func(out, n, c, year);
    default:
        break;
    }
    if (eval(&a, n->args[0], c, year) || eval(&b, n->args[1], c, year))
        return 1;
    switch (n->kind) {
    case GIDX__N_ADD:
        return finite_or_missing(out, a + b, n, c, year);
    case GIDX__N_SUB:
        return finite_or_missing(out, a - b, n, c, year);
    case GIDX__N_MUL:
        return finite_or_missing(out, a * b, n, c, year);
    case GIDX__N_DIV:
        if (b == 0)
            return missing(c, "division by zero: %s = 0 in %s %d", n->args[1]->text,
                           c->region, year);
        return finite_or_missing(out, a / b, n, c, year);
    case GIDX__N_POW: {
        double r = pow(a, b);
        if (gidx__isfinite(r))
            return finite_or_missing(out, r, n, c, year);
        return missing(c, "%s undefined: %.17g ^ %.17g in %s %d", n->text, a, b, c->region,
                       year);
    }
    default:
        return missing(c, "internal error: unknown node");
    }
}

int gidx__formula_eval(double *out, const gidx_formula *f, gidx__eval_ctx *ctx, int year)
{
    ctx->reason[0] = '\0';
    if (eval(out, f->root, ctx, year)) {
        *out = NAN;
        return 1;
    }
    return 0;
}

gidx_status gidx_formula_eval(double *value, char *reason, size_t reason_cap,
                              const gidx_formula *f, const gidx_dataset *ds,
                              const char *region, int year, const gidx_target_spec *target)
{
    gidx__eval_ctx ctx;
    double v;
    if (value == NULL || f == NULL || ds == NULL || region == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_formula_eval: NULL argument");
    memset(&ctx, 0, sizeof ctx);
    ctx.ds = ds;
    ctx.region = region;
    ctx.target = target;
    gidx__formula_eval(&v, f, &ctx, year);
    *value = v;
    if (reason != NULL && reason_cap > 0)
        snprintf(reason, reason_cap, "%s", ctx.reason);
    return GIDX_OK;
}

/* --------------------------------------------------------------- targets */

static gidx_status check_target(const gidx_target_spec *t)
{
    if (t == NULL)
        return gidx__error_set(GIDX_EINVAL, "target: NULL");
    if (t->version != 1)
        return gidx__error_set(GIDX_EINVAL, "target: version %u, expected 1", t->version);
    if (t->kind != GIDX_TARGET_RELATIVE && t->kind != GIDX_TARGET_ABSOLUTE)
        return gidx__error_set(GIDX_EINVAL, "target: unknown kind %d", t->kind);
    if (t->path != GIDX_PATH_LINEAR && t->path != GIDX_PATH_CONSTANT_RATE)
        return gidx__error_set(GIDX_EINVAL, "target: unknown path %d", t->path);
    if (t->target_year <= t->base_year)
        return gidx__error_set(GIDX_EINVAL, "target: target year %d is not after base year %d",
                               t->target_year, t->base_year);
    if (t->kind == GIDX_TARGET_RELATIVE &&
        (!gidx__isfinite(t->cut_percent) || t->cut_percent < 0 || t->cut_percent > 100))
        return gidx__error_set(GIDX_EINVAL, "target: cut %g %% is outside 0..100", t->cut_percent);
    if (t->kind == GIDX_TARGET_ABSOLUTE && !gidx__isfinite(t->level))
        return gidx__error_set(GIDX_EINVAL, "target: level is not finite");
    return GIDX_OK;
}

static double target_level(const gidx_target_spec *t, double base_level)
{
    return t->kind == GIDX_TARGET_RELATIVE ? base_level * (1.0 - t->cut_percent / 100.0)
                                           : t->level;
}

gidx_status gidx_target_path_value(double *value, const gidx_target_spec *t,
                                   double base_level, int year)
{
    gidx_status rc;
    double T, s;
    if (value == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_target_path_value: value is NULL");
    if ((rc = check_target(t)) != GIDX_OK)
        return rc;
    if (!gidx__isfinite(base_level))
        return gidx__error_set(GIDX_EDOM, "target path: base level is not finite");
    T = target_level(t, base_level);
    if (year <= t->base_year) {
        *value = base_level;
        return GIDX_OK;
    }
    if (year >= t->target_year) {
        *value = T;
        return GIDX_OK;
    }
    s = (double)(year - t->base_year) / (double)(t->target_year - t->base_year);
    if (t->path == GIDX_PATH_LINEAR) {
        *value = base_level + (T - base_level) * s;
        return GIDX_OK;
    }
    if (base_level <= 0 || T <= 0)
        return gidx__error_set(GIDX_EDOM,
            "constant-rate target path needs positive levels (base %g, target %g)", base_level, T);
    *value = base_level * pow(T / base_level, s);
    return GIDX_OK;
}

gidx_status gidx_target_required_cut(double *pct, const gidx_target_spec *t, double base_level,
                                     double level, int year)
{
    gidx_status rc;
    double T;
    if (pct == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_target_required_cut: pct is NULL");
    if ((rc = check_target(t)) != GIDX_OK)
        return rc;
    if (year >= t->target_year)
        return gidx__error_set(GIDX_EDOM, "year %d is not before the target year %d", year,
                               t->target_year);
    T = target_level(t, base_level);
    if (!gidx__isfinite(level) || level <= 0)
        return gidx__error_set(GIDX_EDOM, "current level %g is not positive", level);
    if (!gidx__isfinite(T) || T < 0)
        return gidx__error_set(GIDX_EDOM, "target level %g is negative", T);
    *pct = 100.0 * (1.0 - pow(T / level, 1.0 / (double)(t->target_year - year)));
    return GIDX_OK;
}

gidx_status gidx__target_check(const gidx_target_spec *t) { return check_target(t); }
