/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Renderings of a decomposition: CSV, JSON (jansson) and a text table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "drivers_internal.h"
#include "../indicators/ind_internal.h"   /* gidx__csv_field */

static const char *form_name(int form)
{
    return form == GIDX_LMDI_MULTIPLICATIVE ? "multiplicative" : "additive";
}

static const char *driver_name(int driver)
{
    return driver == GIDX_DRIVER_POPULATION ? "population" : "jobs";
}

static gidx_status finish(char **out, size_t *len, gidx__buf *b)
{
    if (b->failed || b->s == NULL) {
        gidx__buf_free(b);
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering the decomposition");
    }
    if (len) *len = b->len;
    *out = gidx__buf_take(b);
    return GIDX_OK;
}

gidx_status gidx_decomposition_to_csv(char **out, size_t *len, const gidx_decomposition *d)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t i, n = gidx_decomposition_nrows(d);
    if (out == NULL || d == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_to_csv: NULL argument");
    *out = NULL;
    gidx__buf_puts(&b, "region_code,region_name,from,to,effect,sector,value\n");
    for (i = 0; i < n; i++) {
        const char *code, *name, *effect, *sector;
        int from, to;
        double v;
        gidx_decomposition_row(&code, &name, &from, &to, &effect, &sector, &v, d, i);
        gidx__csv_field(&b, code);
        gidx__buf_putc(&b, ',');
        gidx__csv_field(&b, name);
        gidx__buf_printf(&b, ",%d,%d,%s,%s,%.17g\n", from, to, effect, sector, v);
    }
    return finish(out, len, &b);
}

gidx_status gidx_decomposition_periods_to_csv(char **out, size_t *len,
                                              const gidx_decomposition *d)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t i;
    if (out == NULL || d == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_periods_to_csv: NULL argument");
    *out = NULL;
    gidx__buf_puts(&b, "region_code,region_name,from,to,emissions_from,emissions_to,driver,"
                   "driver_from,driver_to,elasticity,tapio\n");
    for (i = 0; i < d->np; i++) {
        const gidx__drv_period *p = &d->p[i];
        gidx__csv_field(&b, d->codes[p->region]);
        gidx__buf_putc(&b, ',');
        gidx__csv_field(&b, d->names[p->region]);
        gidx__buf_printf(&b, ",%d,%d,%.17g,%.17g,%s,%.17g,%.17g,", p->from, p->to, p->e0, p->e1,
                         driver_name(d->driver), p->d0, p->d1);
        if (gidx__isfinite(p->elasticity))
            gidx__buf_printf(&b, "%.17g", p->elasticity);
        gidx__buf_printf(&b, ",%s\n", gidx_tapio_class_name(p->tapio));
    }
    return finish(out, len, &b);
}

gidx_status gidx_decomposition_cases_to_csv(char **out, size_t *len, const gidx_decomposition *d)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t i;
    if (out == NULL || d == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_cases_to_csv: NULL argument");
    *out = NULL;
    gidx__buf_puts(&b, "region_code,year,variable,kind,message\n");
    for (i = 0; i < d->ncases; i++) {
        const gidx__drv_case *c = &d->cases[i];
        gidx__csv_field(&b, d->codes[c->region]);
        gidx__buf_printf(&b, ",%d,", c->year);
        gidx__csv_field(&b, c->variable);
        gidx__buf_printf(&b, ",%s,", c->kind);
        gidx__csv_field(&b, c->message);
        gidx__buf_putc(&b, '\n');
    }
    return finish(out, len, &b);
}

static json_t *jnum(double v)
{
    return gidx__isfinite(v) ? json_real(v) : json_null();
}

gidx_status gidx_decomposition_to_json(char **out, size_t *len, const gidx_decomposition *d)
{
    json_t *root, *rows, *periods, *cases;
    gidx__buf b = GIDX__BUF_INIT;
    size_t i, n;
    char *s;
    if (out == NULL || d == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_to_json: NULL argument");
    *out = NULL;
    root = json_object();
    rows = json_array();
    periods = json_array();
    cases = json_array();
    if (root == NULL || rows == NULL || periods == NULL || cases == NULL) {
        json_decref(root); json_decref(rows); json_decref(periods); json_decref(cases);
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering the decomposition");
    }
    json_object_set_new(root, "method", json_string("LMDI-I (Ang 2005; Ang 2015)"));
    json_object_set_new(root, "form", json_string(form_name(d->form)));
    json_object_set_new(root, "driver", json_string(driver_name(d->driver)));
    json_object_set_new(root, "unit", json_string(d->form == GIDX_LMDI_ADDITIVE ? "t CO2e" : "factor"));
    n = gidx_decomposition_nrows(d);
    for (i = 0; i < n; i++) {
        const char *code, *name, *effect, *sector;
        int from, to;
        double v;
        gidx_decomposition_row(&code, &name, &from, &to, &effect, &sector, &v, d, i);
        json_array_append_new(rows, json_pack("{s:s,s:s,s:i,s:i,s:s,s:s,s:o}", "region_code", code,
                                              "region_name", name, "from", from, "to", to,
                                              "effect", effect, "sector", sector,
                                              "value", jnum(v)));
    }
    for (i = 0; i < d->np; i++) {
        const gidx__drv_period *p = &d->p[i];
        json_array_append_new(periods, json_pack("{s:s,s:s,s:i,s:i,s:o,s:o,s:s,s:o,s:o,s:o,s:s}",
            "region_code", d->codes[p->region], "region_name", d->names[p->region],
            "from", p->from, "to", p->to, "emissions_from", jnum(p->e0),
            "emissions_to", jnum(p->e1), "driver", driver_name(d->driver),
            "driver_from", jnum(p->d0), "driver_to", jnum(p->d1),
            "elasticity", jnum(p->elasticity), "tapio", gidx_tapio_class_name(p->tapio)));
    }
    for (i = 0; i < d->ncases; i++) {
        const gidx__drv_case *c = &d->cases[i];
        json_array_append_new(cases, json_pack("{s:s,s:i,s:s,s:s,s:s}",
            "region_code", d->codes[c->region], "year", c->year, "variable", c->variable,
            "kind", c->kind, "message", c->message));
    }
    json_object_set_new(root, "rows", rows);
    json_object_set_new(root, "periods", periods);
    json_object_set_new(root, "cases", cases);
    s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(root);
    if (s == NULL)
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering the decomposition");
    gidx__buf_puts(&b, s);
    gidx__buf_putc(&b, '\n');
    free(s);
    return finish(out, len, &b);
}

gidx_status gidx_decomposition_to_text(char **out, size_t *len, const gidx_decomposition *d)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t i, s, k, ns;
    int mult;
    if (out == NULL || d == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_decomposition_to_text: NULL argument");
    *out = NULL;
    ns = d->nsec;
    mult = d->form == GIDX_LMDI_MULTIPLICATIVE;
    gidx__buf_printf(&b, "LMDI-I %s decomposition of greenhouse-gas emissions (%s)\n",
                     form_name(d->form), mult ? "factors, product = E1/E0" : "t CO2e, sum = E1 - E0");
    for (i = 0; i < d->np; i++) {
        const gidx__drv_period *p = &d->p[i];
        const double *v = d->vals + i * (ns + 1) * 5;
        gidx__buf_printf(&b, "\n%s (%s) %d-%d: emissions %.0f -> %.0f t CO2e", d->names[p->region],
                         d->codes[p->region], p->from, p->to, p->e0, p->e1);
        if (p->e0 > 0.0)
            gidx__buf_printf(&b, " (%+.1f %%)", 100.0 * (p->e1 - p->e0) / p->e0);
        gidx__buf_printf(&b, ", %s %.0f -> %.0f; Tapio: %s", driver_name(d->driver), p->d0, p->d1,
                         gidx_tapio_class_name(p->tapio));
        if (gidx__isfinite(p->elasticity))
            gidx__buf_printf(&b, " (e = %.3f)", p->elasticity);
        gidx__buf_printf(&b, "\n  %-14s %12s %16s %12s %12s %12s\n", "sector", "population",
                         "employment_rate", "structure", "intensity", "total");
        for (s = 0; s <= ns; s++) {
            gidx__buf_printf(&b, "  %-14s", s < ns ? d->sectors[s] : "total");
            for (k = 0; k < 5; k++)
                gidx__buf_printf(&b, mult ? (k == 1 ? " %16.4f" : " %12.4f")
                                          : (k == 1 ? " %16.1f" : " %12.1f"), v[s * 5 + k]);
            gidx__buf_putc(&b, '\n');
        }
    }
    if (d->ncases > 0) {
        gidx__buf_printf(&b, "\n%zu zero or missing value case(s):\n", d->ncases);
        for (i = 0; i < d->ncases; i++)
            gidx__buf_printf(&b, "  %s %d %s [%s]: %s\n", d->codes[d->cases[i].region],
                             d->cases[i].year, d->cases[i].variable, d->cases[i].kind,
                             d->cases[i].message);
    }
    return finish(out, len, &b);
}
