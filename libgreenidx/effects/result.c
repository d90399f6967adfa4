/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Effect results: the headline estimate, named scalars and typed rows
 * (coefficients, ATT(g,t) cells, aggregations, weights, gaps, placebos),
 * rendered as JSON (jansson), long CSV or a text table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <gsl/gsl_cdf.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

static const char *method_name(int m)
{
    static const char *names[] = { "did", "twfe", "event", "csdid", "synth", "fe" };
    return (m >= 0 && m <= 5) ? names[m] : "unknown";
}

gidx_effect_result *gidx__eff_result_new(int method)
{
    gidx_effect_result *r = gidx__calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->method = method;
    r->estimate = r->se = r->ci_low = r->ci_high = r->p_value = gidx__nan();
    r->level = 0.95;
    return r;
}

GIDX_API void gidx_effect_result_free(gidx_effect_result *r)
{
    size_t i;
    if (r == NULL)
        return;
    for (i = 0; i < r->nrows; i++) {
        free(r->rows[i].kind);
        free(r->rows[i].label);
        free(r->rows[i].owner);
    }
    for (i = 0; i < r->nscalars; i++)
        free(r->scalars[i].key);
    free(r->rows);
    free(r->scalars);
    free(r->path);
    free(r);
}

gidx_status gidx__eff_add_row(gidx_effect_result *r, const char *kind, const char *label,
                              const char *owner, double group, double time,
                              double est, double se)
{
    gidx__eff_row *row;
    if (r->nrows == r->caprows) {
        size_t nc = r->caprows ? 2 * r->caprows : 32;
        gidx__eff_row *nr = gidx__reallocarray(r->rows, nc, sizeof *nr);
        if (nr == NULL)
            return GIDX_ENOMEM;
        r->rows = nr;
        r->caprows = nc;
    }
    row = &r->rows[r->nrows];
    memset(row, 0, sizeof *row);
    row->kind = gidx__strdup(kind);
    row->label = gidx__strdup(label ? label : "");
    row->owner = owner ? gidx__strdup(owner) : NULL;
    if (row->kind == NULL || row->label == NULL || (owner && row->owner == NULL)) {
        free(row->kind);
        free(row->label);
        free(row->owner);
        return GIDX_ENOMEM;
    }
    row->group = group;
    row->time = time;
    row->est = est;
    row->se = se;
    r->nrows++;
    return GIDX_OK;
}

gidx_status gidx__eff_set_scalar(gidx_effect_result *r, const char *key, double v)
{
    size_t i;
    for (i = 0; i < r->nscalars; i++)
        if (strcmp(r->scalars[i].key, key) == 0) {
            r->scalars[i].value = v;
            return GIDX_OK;
        }
    if (r->nscalars == r->capscalars) {
        size_t nc = r->capscalars ? 2 * r->capscalars : 16;
        gidx__eff_scalar *ns = gidx__reallocarray(r->scalars, nc, sizeof *ns);
        if (ns == NULL)
            return GIDX_ENOMEM;
        r->scalars = ns;
        r->capscalars = nc;
    }
    r->scalars[r->nscalars].key = gidx__strdup(key);
    if (r->scalars[r->nscalars].key == NULL)
        return GIDX_ENOMEM;
    r->scalars[r->nscalars++].value = v;
    return GIDX_OK;
}

double gidx__eff_pvalue(double t, double df)
{
    if (!gidx__isfinite(t))
        return gidx__nan();
    if (df > 0 && gidx__isfinite(df))
        return 2.0 * gsl_cdf_tdist_Q(fabs(t), df);
    return 2.0 * gsl_cdf_ugaussian_Q(fabs(t));
}

double gidx__eff_crit(double level, double df)
{
    double a = 0.5 + level / 2.0;
    if (df > 0 && gidx__isfinite(df))
        return gsl_cdf_tdist_Pinv(a, df);
    return gsl_cdf_ugaussian_Pinv(a);
}

/* Set the headline: est, se and (normal when df <= 0) interval and p-value. */
void gidx__eff_set_main(gidx_effect_result *r, double est, double se, double df)
{
    double c = gidx__eff_crit(r->level, df);
    r->estimate = est;
    r->se = se;
    if (gidx__isfinite(se) && se > 0) {
        r->ci_low = est - c * se;
        r->ci_high = est + c * se;
        r->p_value = gidx__eff_pvalue(est / se, df);
    }
}

GIDX_API int gidx_effect_result_method(const gidx_effect_result *r)
{
    return r ? r->method : -1;
}

GIDX_API gidx_status gidx_effect_result_summary(double *estimate, double *se, double *ci_low,
                                                double *ci_high, double *p_value,
                                                const gidx_effect_result *r)
{
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_summary: result is NULL");
    if (estimate) *estimate = r->estimate;
    if (se) *se = r->se;
    if (ci_low) *ci_low = r->ci_low;
    if (ci_high) *ci_high = r->ci_high;
    if (p_value) *p_value = r->p_value;
    return GIDX_OK;
}

GIDX_API gidx_status gidx_effect_result_value(double *value, const gidx_effect_result *r,
                                              const char *key)
{
    size_t i;
    if (value == NULL || r == NULL || key == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_value: NULL argument");
    if (strcmp(key, "estimate") == 0) { *value = r->estimate; return GIDX_OK; }
    if (strcmp(key, "se") == 0) { *value = r->se; return GIDX_OK; }
    if (strcmp(key, "ci_low") == 0) { *value = r->ci_low; return GIDX_OK; }
    if (strcmp(key, "ci_high") == 0) { *value = r->ci_high; return GIDX_OK; }
    if (strcmp(key, "p_value") == 0) { *value = r->p_value; return GIDX_OK; }
    for (i = 0; i < r->nscalars; i++)
        if (strcmp(r->scalars[i].key, key) == 0) {
            *value = r->scalars[i].value;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "effect result (%s): no value \"%s\"",
                           method_name(r->method), key);
}

GIDX_API size_t gidx_effect_result_nrows(const gidx_effect_result *r, const char *kind)
{
    size_t i, k = 0;
    if (r == NULL || kind == NULL)
        return 0;
    for (i = 0; i < r->nrows; i++)
        if (strcmp(r->rows[i].kind, kind) == 0)
            k++;
    return k;
}

GIDX_API gidx_status gidx_effect_result_row(const char **label, double *group, double *time,
                                            double *estimate, double *se,
                                            const gidx_effect_result *r, const char *kind,
                                            size_t i)
{
    size_t j, k = 0;
    if (r == NULL || kind == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_row: NULL argument");
    for (j = 0; j < r->nrows; j++) {
        const gidx__eff_row *w = &r->rows[j];
        if (strcmp(w->kind, kind) != 0)
            continue;
        if (k++ == i) {
            if (label) *label = w->label;
            if (group) *group = w->group;
            if (time) *time = w->time;
            if (estimate) *estimate = w->est;
            if (se) *se = w->se;
            return GIDX_OK;
        }
    }
    return gidx__error_set(GIDX_ENOTFOUND, "effect result (%s): no %s row %zu (it has %zu)",
                           method_name(r->method), kind, i, k);
}

GIDX_API gidx_status gidx_effect_result_path(double *out, size_t cap, size_t *needed,
                                             const gidx_effect_result *r)
{
    size_t i;
    if (r == NULL || (cap > 0 && out == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_path: NULL argument");
    if (r->path_constant) {
        if (needed) *needed = cap;
        for (i = 0; i < cap; i++)
            out[i] = r->estimate;
        return GIDX_OK;
    }
    if (needed) *needed = r->npath;
    if (cap < r->npath)
        return gidx__error_set(GIDX_EBUFS, "gidx_effect_result_path: the path has %zu values, the buffer %zu",
                               r->npath, cap);
    if (r->npath)
        memcpy(out, r->path, r->npath * sizeof *out);
    return GIDX_OK;
}

/* ---- rendering ---- */

static json_t *jnum(double x)
{
    return gidx__isfinite(x) ? json_real(x) : json_null();
}

static json_t *est_se(double est, double se)
{
    json_t *o = json_object();
    if (o) {
        json_object_set_new(o, "estimate", jnum(est));
        json_object_set_new(o, "se", jnum(se));
    }
    return o;
}

static double scalar(const gidx_effect_result *r, const char *key)
{
    size_t i;
    for (i = 0; i < r->nscalars; i++)
        if (strcmp(r->scalars[i].key, key) == 0)
            return r->scalars[i].value;
    return gidx__nan();
}

static int has_scalar(const gidx_effect_result *r, const char *key)
{
    size_t i;
    for (i = 0; i < r->nscalars; i++)
        if (strcmp(r->scalars[i].key, key) == 0)
            return 1;
    return 0;
}

static void fmt_time(char *buf, size_t n, double t)
{
    snprintf(buf, n, "%.10g", t);
}

/* The synth objects of one treated unit. */
static json_t *synth_fit(const gidx_effect_result *r, const char *owner)
{
    json_t *o = json_object(), *w = json_object(), *g = json_object(), *pl = json_array(),
           *loo = json_array(), *pr = json_array();
    size_t i;
    char key[64];
    if (!o || !w || !g || !pl || !loo || !pr) {
        json_decref(o); json_decref(w); json_decref(g); json_decref(pl); json_decref(loo); json_decref(pr);
        return NULL;
    }
    for (i = 0; i < r->nrows; i++) {
        const gidx__eff_row *x = &r->rows[i];
        if (x->owner == NULL || strcmp(x->owner, owner) != 0)
            continue;
        if (strcmp(x->kind, "weight") == 0)
            json_object_set_new(w, x->label, json_real(x->est));
        else if (strcmp(x->kind, "gap") == 0) {
            fmt_time(key, sizeof key, x->time);
            json_object_set_new(g, key, jnum(x->est));
        } else if (strcmp(x->kind, "fit") == 0) {
            json_object_set_new(o, "treated", json_string(owner));
            json_object_set_new(o, "estimate", jnum(x->est));
            json_object_set_new(o, "rmspe_pre", jnum(x->se));
            json_object_set_new(o, "placebo_p", jnum(x->group));
            json_object_set_new(o, "mspe_ratio", jnum(x->time));
        } else if (strcmp(x->kind, "placebo") == 0) {
            json_t *e = json_object();
            json_object_set_new(e, "unit", json_string(x->label));
            json_object_set_new(e, "rmspe_pre", jnum(x->se));
            json_object_set_new(e, "mspe_ratio", jnum(x->est));
            json_array_append_new(pl, e);
        } else if (strcmp(x->kind, "loo") == 0) {
            json_t *e = json_object();
            json_object_set_new(e, "dropped", json_string(x->label));
            json_object_set_new(e, "estimate", jnum(x->est));
            json_object_set_new(e, "rmspe_pre", jnum(x->se));
            json_array_append_new(loo, e);
        } else if (strcmp(x->kind, "predictor") == 0) {
            json_t *e = json_object();
            json_object_set_new(e, "predictor", json_string(x->label));
            json_object_set_new(e, "treated", jnum(x->group));
            json_object_set_new(e, "synthetic", jnum(x->time));
            json_object_set_new(e, "v", jnum(x->est));
            json_array_append_new(pr, e);
        }
    }
    json_object_set_new(o, "weights", w);
    json_object_set_new(o, "gaps", g);
    json_object_set_new(o, "predictors", pr);
    json_object_set_new(o, "placebos", pl);
    json_object_set_new(o, "leave_one_out", loo);
    return o;
}

static json_t *to_json(const gidx_effect_result *r)
{
    json_t *o = json_object();
    size_t i;
    if (o == NULL)
        return NULL;
    json_object_set_new(o, "method", json_string(method_name(r->method)));
    json_object_set_new(o, "estimate", jnum(r->estimate));
    json_object_set_new(o, "se", jnum(r->se));
    json_object_set_new(o, "ci_low", jnum(r->ci_low));
    json_object_set_new(o, "ci_high", jnum(r->ci_high));
    json_object_set_new(o, "p_value", jnum(r->p_value));
    json_object_set_new(o, "level", jnum(r->level));
    if (has_scalar(r, "nobs"))
        json_object_set_new(o, "nobs", jnum(scalar(r, "nobs")));
    if (has_scalar(r, "r2"))
        json_object_set_new(o, "r2", jnum(scalar(r, "r2")));
    if (gidx_effect_result_nrows(r, "coef") > 0) {
        json_t *c = json_object();
        for (i = 0; i < r->nrows; i++)
            if (strcmp(r->rows[i].kind, "coef") == 0)
                json_object_set_new(c, r->rows[i].label, est_se(r->rows[i].est, r->rows[i].se));
        json_object_set_new(o, "coefficients", c);
    }
    if (r->method == GIDX_EFFECT_CSDID) {
        json_t *gt = json_array(), *s, *g, *d, *c, *lg = json_array(), *ld = json_array(), *lc = json_array();
        for (i = 0; i < r->nrows; i++) {
            const gidx__eff_row *x = &r->rows[i];
            json_t *e = json_object();
            if (strcmp(x->kind, "att_gt") == 0) {
                json_object_set_new(e, "group", json_real(x->group));
                json_object_set_new(e, "time", json_real(x->time));
                json_object_set_new(e, "att", jnum(x->est));
                json_object_set_new(e, "se", jnum(x->se));
                json_array_append_new(gt, e);
            } else if (strcmp(x->kind, "group") == 0) {
                json_object_set_new(e, "group", json_real(x->group));
                json_object_set_new(e, "att", jnum(x->est));
                json_object_set_new(e, "se", jnum(x->se));
                json_array_append_new(lg, e);
            } else if (strcmp(x->kind, "dynamic") == 0) {
                json_object_set_new(e, "event_time", json_real(x->time));
                json_object_set_new(e, "att", jnum(x->est));
                json_object_set_new(e, "se", jnum(x->se));
                json_array_append_new(ld, e);
            } else if (strcmp(x->kind, "calendar") == 0) {
                json_object_set_new(e, "time", json_real(x->time));
                json_object_set_new(e, "att", jnum(x->est));
                json_object_set_new(e, "se", jnum(x->se));
                json_array_append_new(lc, e);
            } else {
                json_decref(e);
            }
        }
        json_object_set_new(o, "att_gt", gt);
        s = est_se(scalar(r, "att_simple"), scalar(r, "att_simple_se"));
        g = est_se(scalar(r, "att_group"), scalar(r, "att_group_se"));
        d = est_se(scalar(r, "att_dynamic"), scalar(r, "att_dynamic_se"));
        c = est_se(scalar(r, "att_calendar"), scalar(r, "att_calendar_se"));
        json_object_set_new(g, "groups", lg);
        json_object_set_new(d, "event_times", ld);
        json_object_set_new(c, "times", lc);
        json_object_set_new(o, "att_simple", s);
        json_object_set_new(o, "att_group", g);
        json_object_set_new(o, "att_dynamic", d);
        json_object_set_new(o, "att_calendar", c);
    }
    if (r->method == GIDX_EFFECT_SYNTH) {
        json_t *fits = json_array();
        size_t nfit = 0;
        for (i = 0; i < r->nrows; i++)
            if (strcmp(r->rows[i].kind, "fit") == 0) {
                json_t *f = synth_fit(r, r->rows[i].owner);
                if (nfit == 0 && f) {
                    const char *k;
                    json_t *v;
                    json_object_foreach(f, k, v)
                        if (strcmp(k, "estimate") != 0)
                            json_object_set(o, k, v);
                }
                json_array_append_new(fits, f);
                nfit++;
            }
        if (nfit > 1)
            json_object_set_new(o, "fits", fits);
        else
            json_decref(fits);
    }
    return o;
}

static void csv_num(gidx__buf *b, double x)
{
    if (gidx__isfinite(x))
        gidx__buf_printf(b, ",%.10g", x);
    else
        gidx__buf_puts(b, ",");
}

/* A text field, always quoted as this format has been since its start;
 * quotes doubled and formula-like text neutralised (core/csv.c). */
static void csv_text(gidx__buf *b, const char *s)
{
    if (gidx__formula_like(s) || strpbrk(s, "\",\r\n") != NULL)
        gidx__csv_field(b, s);
    else
        gidx__buf_printf(b, "\"%s\"", s);
}

static void to_csv(gidx__buf *b, const gidx_effect_result *r)
{
    size_t i;
    /* coefficient rows use the residual (or cluster) df of the fit, others the normal */
    double df = scalar(r, "df"), c = gidx__eff_crit(r->level, 0), ct = gidx__eff_crit(r->level, df);
    gidx__buf_puts(b, "kind,unit,label,group,time,estimate,se,ci_low,ci_high,p_value\n");
    gidx__buf_puts(b, "summary,,");
    gidx__buf_puts(b, method_name(r->method));
    gidx__buf_puts(b, ",,");
    csv_num(b, r->estimate);
    csv_num(b, r->se);
    csv_num(b, r->ci_low);
    csv_num(b, r->ci_high);
    csv_num(b, r->p_value);
    gidx__buf_putc(b, '\n');
    for (i = 0; i < r->nscalars; i++) {
        gidx__buf_printf(b, "value,,%s,,", r->scalars[i].key);
        csv_num(b, r->scalars[i].value);
        gidx__buf_puts(b, ",,,,\n");
    }
    for (i = 0; i < r->nrows; i++) {
        const gidx__eff_row *x = &r->rows[i];
        int has_se = gidx__isfinite(x->se) && strcmp(x->kind, "fit") && strcmp(x->kind, "placebo")
                     && strcmp(x->kind, "loo");
        int coef = strcmp(x->kind, "coef") == 0;
        double cc = coef ? ct : c, rdf = coef ? df : 0;
        gidx__buf_printf(b, "%s,", x->kind);
        csv_text(b, x->owner ? x->owner : "");
        gidx__buf_putc(b, ',');
        csv_text(b, x->label);
        csv_num(b, x->group);
        csv_num(b, x->time);
        csv_num(b, x->est);
        csv_num(b, x->se);
        csv_num(b, has_se ? x->est - cc * x->se : gidx__nan());
        csv_num(b, has_se ? x->est + cc * x->se : gidx__nan());
        csv_num(b, has_se && x->se > 0 ? gidx__eff_pvalue(x->est / x->se, rdf) : gidx__nan());
        gidx__buf_putc(b, '\n');
    }
}

static void txt_num(gidx__buf *b, double x)
{
    if (gidx__isfinite(x))
        gidx__buf_printf(b, " %12.6g", x);
    else
        gidx__buf_printf(b, " %12s", "-");
}

static void to_text(gidx__buf *b, const gidx_effect_result *r)
{
    size_t i;
    gidx__buf_printf(b, "Effect estimate (%s)\n", method_name(r->method));
    gidx__buf_printf(b, "%-24s %12s %12s %12s %12s %12s\n", "", "estimate", "se", "ci_low", "ci_high", "p_value");
    gidx__buf_printf(b, "%-24s", "overall");
    txt_num(b, r->estimate);
    txt_num(b, r->se);
    txt_num(b, r->ci_low);
    txt_num(b, r->ci_high);
    txt_num(b, r->p_value);
    gidx__buf_putc(b, '\n');
    for (i = 0; i < r->nscalars; i++) {
        gidx__buf_printf(b, "%-24s", r->scalars[i].key);
        txt_num(b, r->scalars[i].value);
        gidx__buf_putc(b, '\n');
    }
    gidx__buf_printf(b, "\n%-10s %-16s %-16s %10s %10s %12s %12s\n", "kind", "unit", "label", "group", "time",
                     "estimate", "se");
    for (i = 0; i < r->nrows; i++) {
        const gidx__eff_row *x = &r->rows[i];
        gidx__buf_printf(b, "%-10s %-16s %-16s", x->kind, x->owner ? x->owner : "", x->label);
        if (gidx__isfinite(x->group)) gidx__buf_printf(b, " %10g", x->group); else gidx__buf_printf(b, " %10s", "");
        if (gidx__isfinite(x->time)) gidx__buf_printf(b, " %10g", x->time); else gidx__buf_printf(b, " %10s", "");
        txt_num(b, x->est);
        txt_num(b, x->se);
        gidx__buf_putc(b, '\n');
    }
}

GIDX_API gidx_status gidx_effect_result_render(char *out, size_t cap, size_t *needed,
                                               const gidx_effect_result *r, int format)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t len;
    if (needed)
        *needed = 0;
    if (r == NULL || (cap > 0 && out == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_render: NULL argument");
    if (format == GIDX_EFFECT_JSON) {
        json_t *j = to_json(r);
        char *s;
        if (j == NULL)
            return gidx__error_set(GIDX_ENOMEM, "effect result: out of memory building JSON");
        s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
        json_decref(j);
        if (s == NULL)
            return gidx__error_set(GIDX_ENOMEM, "effect result: out of memory writing JSON");
        gidx__buf_puts(&b, s);
        gidx__buf_putc(&b, '\n');
        free(s);
    } else if (format == GIDX_EFFECT_CSV) {
        to_csv(&b, r);
    } else if (format == GIDX_EFFECT_TEXT) {
        to_text(&b, r);
    } else {
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_result_render: unknown format %d", format);
    }
    if (b.failed || b.s == NULL) {
        gidx__buf_free(&b);
        return gidx__error_set(GIDX_ENOMEM, "effect result: out of memory rendering");
    }
    len = b.len + 1;
    if (needed)
        *needed = len;
    if (cap < len) {
        gidx__buf_free(&b);
        return gidx__error_set(GIDX_EBUFS, "gidx_effect_result_render: %zu bytes needed, buffer has %zu", len, cap);
    }
    memcpy(out, b.s, len);
    gidx__buf_free(&b);
    return GIDX_OK;
}
