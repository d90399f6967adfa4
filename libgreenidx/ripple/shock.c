/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Final-demand shocks and their direct, indirect and induced effects.
 *
 * Miller & Blair (2009), Input-Output Analysis, 2nd ed.: the new output
 * for a final-demand change is dx = L df (sec. 2.3); the direct effect is
 * df itself, the indirect effect L df - df, and the induced effect the extra
 * output when households are closed into the model, the first n entries of
 * Lbar [df; 0] minus L df (sec. 6.2.2, type I and type II). Satellite
 * effects (employment, value added, labour income, emissions) are the
 * coefficient times the output effect (sec. 6.3 and ch. 10). A path of
 * years is a sequence of static solves sharing one factorisation.
 *
 * Text output: JSON written with jansson.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ripple_internal.h"

#define NPARTS 4

static const char *const qkey[GIDX__IO_NQ] = {
    "output", "employment", "value_added", "labour_income", "emissions", "imports",
    "leakage_rest_of_norway"
};
static const char *const pkey[NPARTS] = { "direct", "indirect", "induced", "total" };

struct gidx_io_result {
    size_t n, nyears;
    int type;
    int first_year;
    char **names;
    int has[GIDX__IO_NQ];
    double *data;                           /* [t][q][part][i] */
    double *mult[GIDX__IO_NQ];              /* multipliers or NULL */
    char *note;                             /* the model's note, or NULL */
};

static double *cell(const gidx_io_result *r, size_t t, int q, int p)
{
    return r->data + (((t * GIDX__IO_NQ) + (size_t)q) * NPARTS + (size_t)p) * r->n;
}

void gidx_io_result_free(gidx_io_result *r)
{
    size_t i;
    if (r == NULL)
        return;
    if (r->names != NULL)
        for (i = 0; i < r->n; i++)
            free(r->names[i]);
    free(r->names);
    free(r->data);
    for (i = 0; i < GIDX__IO_NQ; i++)
        free(r->mult[i]);
    free(r->note);
    free(r);
}

gidx_status gidx_io_shock_path(gidx_io_result **out, const gidx_io_model *m, const double *df,
                               size_t nyears, size_t n, const gidx_io_shock_options *opt)
{
    gidx_io_shock_options o = GIDX_IO_SHOCK_OPTIONS_INIT;
    gidx_io_result *r = NULL;
    double *x1 = NULL, *x2 = NULL, *leak = NULL;
    size_t t, i, N;
    int q;
    gidx_status rc;

    if (out != NULL)
        *out = NULL;
    if (opt != NULL)
        o = *opt;
    if (out == NULL || m == NULL || df == NULL || nyears == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_shock: NULL argument or no years");
    if (o.version != 1 || (o.type != 1 && o.type != 2))
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_shock: options version %u or type %d not supported "
                               "(version 1, type 1 or 2)", o.version, o.type);
    if (n != m->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_shock: %zu changes for %zu sectors", n, m->n);
    if (nyears > (size_t)-1 / n / (GIDX__IO_NQ * NPARTS * sizeof(double)))
        return gidx__error_set(GIDX_ELIMIT, "gidx_io_shock: %zu years is too many", nyears);
    for (t = 0; t < nyears; t++)
        for (i = 0; i < n; i++)
            if (!gidx__isfinite(df[t * n + i]))
                return gidx__error_set(GIDX_EDATA,
                                       "gidx_io_shock: final-demand change for sector '%s'%s is "
                                       "not finite", m->names[i], nyears > 1 ? " in a path year" : "");
    if (o.type == 2 && (rc = gidx__io_households(NULL, NULL, m, "gidx_io_shock")) != GIDX_OK)
        return rc;

    r = gidx__calloc(1, sizeof *r);
    if (r == NULL)
        return GIDX_ENOMEM;
    r->n = n;
    r->nyears = nyears;
    r->type = o.type;
    r->first_year = o.first_year;
    r->names = gidx__calloc(n, sizeof *r->names);
    r->data = gidx__calloc(nyears * GIDX__IO_NQ * NPARTS * n, sizeof *r->data);
    if (m->note != NULL && (r->note = gidx__strdup(m->note)) == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    N = n + 1;
    x1 = gidx__malloc(nyears * n * sizeof *x1);
    x2 = o.type == 2 ? gidx__malloc(nyears * N * sizeof *x2) : NULL;
    if (r->names == NULL || r->data == NULL || x1 == NULL || (o.type == 2 && x2 == NULL)) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (i = 0; i < n; i++)
        if ((r->names[i] = gidx__strdup(m->names[i])) == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
    memcpy(x1, df, nyears * n * sizeof *x1);
    rc = gidx__io_solve(x1, nyears, m, 1, 0, o.solver, o.tol, o.max_iter, "gidx_io_shock");
    if (rc != GIDX_OK)
        goto fail;
    if (o.type == 2) {
        for (t = 0; t < nyears; t++) {
            memcpy(x2 + t * N, df + t * n, n * sizeof *x2);
            x2[t * N + n] = 0.0;
        }
        rc = gidx__io_solve(x2, nyears, m, 2, 0, o.solver, o.tol, o.max_iter,
                            "gidx_io_shock (type II)");
        if (rc != GIDX_OK)
            goto fail;
    }
    for (q = 0; q < GIDX__IO_NQ; q++)
        r->has[q] = q == GIDX_IO_OUTPUT || m->sat[q] != NULL;
    if (r->has[GIDX_IO_LEAKAGE]) {
        /* type II: the households' purchases from the rest of the country,
         * hh_leak per unit of income, income l_j per unit of output */
        leak = gidx__malloc(n * sizeof *leak);
        if (leak == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        for (i = 0; i < n; i++)
            leak[i] = m->sat[GIDX_IO_LEAKAGE][i] +
                      (o.type == 2 ? m->sat[GIDX_IO_LABOUR_INCOME][i] * m->hh_leak : 0.0);
    }
    for (t = 0; t < nyears; t++) {
        double *d = cell(r, t, 0, GIDX_IO_DIRECT), *ind = cell(r, t, 0, GIDX_IO_INDIRECT);
        double *indu = cell(r, t, 0, GIDX_IO_INDUCED), *tot = cell(r, t, 0, GIDX_IO_TOTAL);
        for (i = 0; i < n; i++) {
            d[i] = df[t * n + i];
            ind[i] = x1[t * n + i] - d[i];
            indu[i] = o.type == 2 ? x2[t * N + i] - x1[t * n + i] : 0.0;
            tot[i] = o.type == 2 ? x2[t * N + i] : x1[t * n + i];
        }
        for (q = 1; q < GIDX__IO_NQ; q++) {
            int p;
            const double *coef = q == GIDX_IO_LEAKAGE ? leak : m->sat[q];
            if (!r->has[q])
                continue;
            for (p = 0; p < NPARTS; p++) {
                double *dst = cell(r, t, q, p);
                const double *src = cell(r, t, 0, p);
                for (i = 0; i < n; i++)
                    dst[i] = coef[i] * src[i];
            }
        }
    }
    if (o.multipliers) {
        double *tab = gidx__malloc(GIDX_IO_NQUANTITIES * n * sizeof *tab);
        if (tab == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        rc = gidx_io_model_multiplier_table(tab, GIDX_IO_NQUANTITIES * n, m, o.type);
        for (q = 0; q < GIDX_IO_NQUANTITIES && rc == GIDX_OK; q++) {
            if (!r->has[q])
                continue;
            r->mult[q] = gidx__malloc(n * sizeof *r->mult[q]);
            if (r->mult[q] == NULL)
                rc = GIDX_ENOMEM;
            else
                memcpy(r->mult[q], tab + (size_t)q * n, n * sizeof *r->mult[q]);
        }
        free(tab);
        if (rc != GIDX_OK)
            goto fail;
    }
    if (rc == GIDX_OK && o.multipliers && r->has[GIDX_IO_IMPORTS]) {
        r->mult[GIDX_IO_IMPORTS] = gidx__malloc(n * sizeof *r->mult[GIDX_IO_IMPORTS]);
        if (r->mult[GIDX_IO_IMPORTS] == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        rc = gidx_io_model_multipliers(r->mult[GIDX_IO_IMPORTS], n, m, GIDX_IO_IMPORTS, o.type);
        if (rc != GIDX_OK)
            goto fail;
    }
    free(x1);
    free(x2);
    free(leak);
    *out = r;
    return GIDX_OK;
fail:
    free(x1);
    free(x2);
    free(leak);
    gidx_io_result_free(r);
    return rc;
}

gidx_status gidx_io_shock(gidx_io_result **out, const gidx_io_model *m, const double *df,
                          size_t n, const gidx_io_shock_options *opt)
{
    return gidx_io_shock_path(out, m, df, 1, n, opt);
}

size_t gidx_io_result_nsectors(const gidx_io_result *r)
{
    return r != NULL ? r->n : 0;
}

size_t gidx_io_result_nyears(const gidx_io_result *r)
{
    return r != NULL ? r->nyears : 0;
}

int gidx_io_result_type(const gidx_io_result *r)
{
    return r != NULL ? r->type : 0;
}

const char *gidx_io_result_note(const gidx_io_result *r)
{
    return r != NULL ? r->note : NULL;
}

const char *gidx_io_result_sector(const gidx_io_result *r, size_t i)
{
    return (r != NULL && i < r->n) ? r->names[i] : NULL;
}

int gidx_io_result_has(const gidx_io_result *r, int quantity)
{
    return r != NULL && quantity >= 0 && quantity < GIDX__IO_NQ && r->has[quantity];
}

static gidx_status check_qp(const gidx_io_result *r, int quantity, int part, const char *what)
{
    if (quantity < 0 || quantity >= GIDX__IO_NQ || part < 0 || part >= NPARTS)
        return gidx__error_set(GIDX_EINVAL, "%s: quantity %d or part %d out of range", what,
                               quantity, part);
    if (!r->has[quantity])
        return gidx__error_set(GIDX_ESTATE, "%s: the model had no %s satellite", what,
                               qkey[quantity]);
    return GIDX_OK;
}

gidx_status gidx_io_result_get(double *out, size_t cap, const gidx_io_result *r, size_t t,
                               int quantity, int part)
{
    gidx_status rc;
    if (out == NULL || r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_result_get: NULL argument");
    if (t >= r->nyears)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_result_get: year index %zu >= %zu", t,
                               r->nyears);
    if ((rc = check_qp(r, quantity, part, "gidx_io_result_get")) != GIDX_OK)
        return rc;
    if (cap < r->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_result_get: need %zu values, have %zu",
                               r->n, cap);
    memcpy(out, cell(r, t, quantity, part), r->n * sizeof *out);
    return GIDX_OK;
}

static double sum(const double *v, size_t n)
{
    double s = 0;
    size_t i;
    for (i = 0; i < n; i++)
        s += v[i];
    return s;
}

gidx_status gidx_io_result_path(double *out, size_t cap, const gidx_io_result *r, int quantity,
                                int part)
{
    gidx_status rc;
    size_t t;
    if (out == NULL || r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_result_path: NULL argument");
    if ((rc = check_qp(r, quantity, part, "gidx_io_result_path")) != GIDX_OK)
        return rc;
    if (cap < r->nyears)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_result_path: need %zu values, have %zu",
                               r->nyears, cap);
    for (t = 0; t < r->nyears; t++)
        out[t] = sum(cell(r, t, quantity, part), r->n);
    return GIDX_OK;
}

gidx_status gidx_io_result_multipliers(double *out, size_t cap, const gidx_io_result *r,
                                       int quantity)
{
    if (out == NULL || r == NULL || quantity < 0 || quantity >= GIDX__IO_NQ)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_result_multipliers: bad argument");
    if (r->mult[quantity] == NULL)
        return gidx__error_set(GIDX_ESTATE,
                               "gidx_io_result_multipliers: no %s multipliers stored (option "
                               "multipliers = 0, or no such satellite)", qkey[quantity]);
    if (cap < r->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_result_multipliers: need %zu values, have %zu",
                               r->n, cap);
    memcpy(out, r->mult[quantity], r->n * sizeof *out);
    return GIDX_OK;
}

/* ---- text output ---- */

static json_t *parts_json(const gidx_io_result *r, size_t t, int q, size_t i, int total)
{
    json_t *o = json_object();
    int p;
    if (o == NULL)
        return NULL;
    for (p = 0; p < NPARTS; p++) {
        double v = total ? sum(cell(r, t, q, p), r->n) : cell(r, t, q, p)[i];
        if (json_object_set_new(o, pkey[p], json_real(v)) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

static json_t *year_json(const gidx_io_result *r, size_t t)
{
    json_t *y = json_object(), *secs = json_array(), *tot = json_object();
    size_t i;
    int q, bad = (y == NULL || secs == NULL || tot == NULL);
    for (i = 0; i < r->n && !bad; i++) {
        json_t *s = json_object(), *mu = json_object();
        bad = s == NULL || mu == NULL || json_object_set_new(s, "sector", json_string(r->names[i]));
        for (q = 0; q < GIDX__IO_NQ && !bad; q++) {
            if (!r->has[q])
                continue;
            bad = json_object_set_new(s, qkey[q], parts_json(r, t, q, i, 0)) != 0;
            /* the emissions satellite is greenhouse gases in t CO2e */
            if (!bad && q == GIDX_IO_EMISSIONS)
                bad = json_object_set_new(s, "ghg_t_co2e", parts_json(r, t, q, i, 0)) != 0;
            if (!bad && r->mult[q] != NULL)
                bad = json_object_set_new(mu, qkey[q], json_real(r->mult[q][i])) != 0;
        }
        if (!bad && json_object_size(mu) > 0) {
            bad = json_object_set_new(s, "multipliers", mu) != 0;
            mu = NULL;
        }
        json_decref(mu);
        if (!bad)
            bad = json_array_append_new(secs, s) != 0;
        else
            json_decref(s);
    }
    for (q = 0; q < GIDX__IO_NQ && !bad; q++)
        if (r->has[q]) {
            bad = json_object_set_new(tot, qkey[q], parts_json(r, t, q, 0, 1)) != 0;
            if (!bad && q == GIDX_IO_EMISSIONS)
                bad = json_object_set_new(tot, "ghg_t_co2e", parts_json(r, t, q, 0, 1)) != 0;
        }
    if (!bad && r->has[GIDX_IO_LEAKAGE]) {
        /* a regional model: the output effect is inside the region; what
         * leaks out goes to the rest of the country and abroad */
        json_t *lk = json_pack("{s:f,s:f}", "rest_of_norway",
                               sum(cell(r, t, GIDX_IO_LEAKAGE, GIDX_IO_TOTAL), r->n), "abroad",
                               r->has[GIDX_IO_IMPORTS] ? sum(cell(r, t, GIDX_IO_IMPORTS, GIDX_IO_TOTAL), r->n) : 0.0);
        bad = lk == NULL || json_object_set_new(y, "leakage", lk) != 0;
    }
    if (!bad && (r->nyears > 1 || r->first_year != 0))
        bad = json_object_set_new(y, "year", json_integer(r->first_year + (json_int_t)t)) != 0;
    if (!bad) {
        bad = json_object_set_new(y, "sectors", secs) != 0;
        secs = NULL;
    }
    if (!bad) {
        bad = json_object_set_new(y, "totals", tot) != 0;
        tot = NULL;
    }
    json_decref(secs);
    json_decref(tot);
    if (bad) {
        json_decref(y);
        return NULL;
    }
    return y;
}

/* The note's lines as a JSON array. */
static json_t *note_json(const char *note)
{
    json_t *a = json_array();
    const char *p = note;
    while (a != NULL && *p) {
        const char *e = strchr(p, '\n');
        size_t len = e != NULL ? (size_t)(e - p) : strlen(p);
        if (json_array_append_new(a, json_stringn(p, len)) != 0) {
            json_decref(a);
            return NULL;
        }
        p += len + (e != NULL);
    }
    return a;
}

static char *format_json(const gidx_io_result *r)
{
    json_t *root = json_object(), *ys;
    char *s = NULL;
    size_t t;
    int bad = root == NULL || json_object_set_new(root, "type", json_integer(r->type)) != 0;
    if (!bad && r->note != NULL)
        bad = json_object_set_new(root, "notes", note_json(r->note)) != 0;
    if (!bad && r->nyears == 1) {
        json_t *y = year_json(r, 0);
        bad = y == NULL || json_object_update(root, y) != 0;
        json_decref(y);
    } else if (!bad) {
        ys = json_array();
        bad = ys == NULL;
        for (t = 0; t < r->nyears && !bad; t++)
            bad = json_array_append_new(ys, year_json(r, t)) != 0;
        if (!bad)
            bad = json_object_set_new(root, "years", ys) != 0;
        else
            json_decref(ys);
    }
    if (!bad)
        s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
    json_decref(root);
    return s;
}

static char *format_text(const gidx_io_result *r, int csv)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t t, i;
    int q, with_year = r->nyears > 1 || r->first_year != 0;
    if (csv)
        gidx__buf_printf(&b, "%ssector,quantity,direct,indirect,induced,total,multiplier\n",
                         with_year ? "year," : "");
    if (!csv && r->note != NULL) {
        const char *p = r->note;
        while (*p) {
            const char *e = strchr(p, '\n');
            size_t len = e != NULL ? (size_t)(e - p) : strlen(p);
            gidx__buf_puts(&b, "# ");
            gidx__buf_append(&b, p, len);
            gidx__buf_putc(&b, '\n');
            p += len + (e != NULL);
        }
    }
    for (t = 0; t < r->nyears; t++) {
        if (!csv && with_year)
            gidx__buf_printf(&b, "%sYear %d\n", t > 0 ? "\n" : "", r->first_year + (int)t);
        if (!csv && r->has[GIDX_IO_LEAKAGE])
            gidx__buf_printf(&b, "Output inside the region %.3f; leakage to the rest of Norway %.3f "
                             "and abroad %.3f (imported intermediates)\n",
                             sum(cell(r, t, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), r->n),
                             sum(cell(r, t, GIDX_IO_LEAKAGE, GIDX_IO_TOTAL), r->n),
                             r->has[GIDX_IO_IMPORTS] ? sum(cell(r, t, GIDX_IO_IMPORTS, GIDX_IO_TOTAL), r->n) : 0.0);
        for (q = 0; q < GIDX__IO_NQ; q++) {
            if (!r->has[q])
                continue;
            if (!csv)
                gidx__buf_printf(&b, "\n%-24s %14s %14s %14s %14s %12s\n", qkey[q], "direct",
                                 "indirect", "induced", "total", "multiplier");
            for (i = 0; i <= r->n; i++) {
                const char *name = i < r->n ? r->names[i] : "TOTAL";
                double v[NPARTS];
                int p;
                for (p = 0; p < NPARTS; p++)
                    v[p] = i < r->n ? cell(r, t, q, p)[i] : sum(cell(r, t, q, p), r->n);
                if (csv) {
                    if (with_year)
                        gidx__buf_printf(&b, "%d,", r->first_year + (int)t);
                    gidx__csv_field(&b, name);
                    gidx__buf_printf(&b, ",%s,%.10g,%.10g,%.10g,%.10g,", qkey[q], v[0], v[1],
                                     v[2], v[3]);
                    if (i < r->n && r->mult[q] != NULL)
                        gidx__buf_printf(&b, "%.10g", r->mult[q][i]);
                    gidx__buf_putc(&b, '\n');
                } else {
                    gidx__buf_printf(&b, "%-24.24s %14.3f %14.3f %14.3f %14.3f", name, v[0], v[1],
                                     v[2], v[3]);
                    if (i < r->n && r->mult[q] != NULL)
                        gidx__buf_printf(&b, " %12.6f", r->mult[q][i]);
                    gidx__buf_putc(&b, '\n');
                }
            }
        }
    }
    return gidx__buf_take(&b);
}

gidx_status gidx_io_result_format(char *buf, size_t cap, size_t *needed, const gidx_io_result *r,
                                  int format)
{
    char *s;
    size_t len;
    if (needed != NULL)
        *needed = 0;
    if (r == NULL || (buf == NULL && cap > 0) || format < GIDX_IO_FORMAT_TABLE ||
        format > GIDX_IO_FORMAT_JSON)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_result_format: bad argument or format %d",
                               format);
    s = format == GIDX_IO_FORMAT_JSON ? format_json(r) : format_text(r, format == GIDX_IO_FORMAT_CSV);
    if (s == NULL)
        return gidx__error_set(GIDX_ENOMEM, "gidx_io_result_format: out of memory");
    len = strlen(s) + 1;
    if (needed != NULL)
        *needed = len;
    if (cap < len) {
        free(s);
        return gidx__error_set(GIDX_EBUFS, "gidx_io_result_format: need %zu bytes, have %zu",
                               len, cap);
    }
    memcpy(buf, s, len);
    free(s);
    return GIDX_OK;
}
