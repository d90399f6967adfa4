/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The indicator panel: every indicator of a catalogue evaluated for every
 * region and year of a dataset. Values live in a gidx_dataset (so the
 * composite, forecasting and report layers read a panel like any other
 * data), and every missing value keeps the reason the evaluator gave.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ind_internal.h"

struct gidx_panel {
    gidx_catalog *cat;
    gidx_dataset *ds;
    char **reasons;      /* [(r * nyears + y) * nind + i], NULL when present */
    size_t nreg, nyears, nind;
    size_t nmissing;
};

typedef struct topo {
    const gidx_catalog *cat;
    unsigned char *mark;
    size_t *order;
    size_t n;
} topo;

static void topo_visit(topo *t, size_t i);

static void topo_edge(gidx__node *n, void *arg)
{
    if (n->ref >= 0)
        topo_visit(arg, (size_t)n->ref);
}

/* Depth-first post-order: an indicator after those it refers to (the
 * catalogue has no cycles; it is checked at load). */
static void topo_visit(topo *t, size_t i)
{
    if (t->mark[i])
        return;
    t->mark[i] = 1;
    gidx__formula_foreach_var(t->cat->inds[i]->formula, topo_edge, t);
    t->order[t->n++] = i;
}

static gidx_status topo_order(size_t *order, const gidx_catalog *cat)
{
    topo t;
    size_t i;
    t.cat = cat;
    t.order = order;
    t.n = 0;
    t.mark = gidx__calloc(cat->ninds + 1, 1);
    if (t.mark == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < cat->ninds; i++)
        topo_visit(&t, i);
    free(t.mark);
    return GIDX_OK;
}

void gidx_panel_free(gidx_panel *p)
{
    size_t k, n;
    if (p == NULL)
        return;
    n = p->nreg * p->nyears * p->nind;
    if (p->reasons != NULL)
        for (k = 0; k < n; k++)
            free(p->reasons[k]);
    free(p->reasons);
    gidx_dataset_free(p->ds);
    gidx_catalog_free(p->cat);
    free(p);
}

gidx_status gidx_panel_new(gidx_panel **out, const gidx_catalog *cat, const gidx_dataset *ds)
{
    gidx_panel *p;
    const gidx_formula **forms = NULL;
    const gidx_target_spec **tgts = NULL;
    double *cache = NULL;
    char **cache_reason = NULL;
    unsigned char *done = NULL;
    size_t *order = NULL;
    gidx_status rc = GIDX_OK;
    size_t r, y, i, k, n;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_panel_new: out is NULL");
    *out = NULL;
    if (cat == NULL || ds == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_panel_new: NULL catalogue or dataset");
    p = gidx__calloc(1, sizeof *p);
    if (p == NULL)
        return GIDX_ENOMEM;
    if ((p->cat = gidx__catalog_copy(cat)) == NULL || (rc = gidx_dataset_new(&p->ds)) != GIDX_OK) {
        gidx_panel_free(p);
        return rc != GIDX_OK ? rc : GIDX_ENOMEM;
    }
    p->nreg = gidx_dataset_nregions(ds);
    p->nyears = gidx_dataset_nyears(ds);
    p->nind = p->cat->ninds;
    if (p->nyears != 0 && p->nind != 0 &&
        p->nreg > ((size_t)-1 / sizeof(char *) - 1) / p->nyears / p->nind) {
        gidx_panel_free(p);
        return gidx__error_set(GIDX_ELIMIT, "panel of %zu regions x %zu years x %zu indicators "
                               "is too large", gidx_dataset_nregions(ds), gidx_dataset_nyears(ds),
                               gidx_catalog_count(cat));
    }
    n = p->nreg * p->nyears * p->nind;
    forms = gidx__calloc(p->nind + 1, sizeof *forms);
    tgts = gidx__calloc(p->nind + 1, sizeof *tgts);
    p->reasons = gidx__calloc(n + 1, sizeof *p->reasons);
    cache = gidx__calloc(p->nind * p->nyears + 1, sizeof *cache);
    cache_reason = gidx__calloc(p->nind * p->nyears + 1, sizeof *cache_reason);
    done = gidx__calloc(p->nind + 1, 1);
    order = gidx__calloc(p->nind + 1, sizeof *order);
    if (forms == NULL || tgts == NULL || p->reasons == NULL || cache == NULL ||
        cache_reason == NULL || done == NULL || order == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < p->nind; i++) {
        forms[i] = p->cat->inds[i]->formula;
        tgts[i] = gidx__catalog_target_spec(p->cat, p->cat->inds[i]->target);
    }
    if ((rc = topo_order(order, p->cat)) != GIDX_OK)
        goto done;
    for (r = 0; r < p->nreg && rc == GIDX_OK; r++) {
        const char *reg = gidx_dataset_region(ds, r);
        gidx__eval_ctx ctx;
        if ((rc = gidx_dataset_set_region_name(p->ds, reg, gidx_dataset_region_name(ds, reg))) != GIDX_OK)
            break;
        memset(&ctx, 0, sizeof ctx);
        ctx.ds = ds;
        ctx.region = reg;
        ctx.ind_formulas = forms;
        ctx.ind_targets = tgts;
        ctx.nind = p->nind;
        ctx.cache = cache;
        ctx.cache_reason = cache_reason;
        ctx.cache_done = done;
        ctx.cache_nyears = p->nyears;
        memset(done, 0, p->nind + 1);
        /* Indicators in dependency order, every year, so that references
         * read finished values. */
        for (k = 0; k < p->nind && rc == GIDX_OK; k++) {
            i = order[k];
            ctx.target = tgts[i];
            for (y = 0; y < p->nyears; y++) {
                double v;
                size_t cell = (r * p->nyears + y) * p->nind + i;
                if (gidx__formula_eval(&v, forms[i], &ctx, gidx_dataset_year(ds, y))) {
                    if ((p->reasons[cell] = gidx__strdup(ctx.reason[0] ? ctx.reason : "missing")) == NULL) {
                        rc = GIDX_ENOMEM;
                        break;
                    }
                    p->nmissing++;
                }
                cache[i * p->nyears + y] = v;
                cache_reason[i * p->nyears + y] = p->reasons[cell];
            }
            done[i] = 1;
        }
        for (y = 0; y < p->nyears && rc == GIDX_OK; y++) {
            int year = gidx_dataset_year(ds, y);
            for (i = 0; i < p->nind && rc == GIDX_OK; i++) {
                if (p->reasons[(r * p->nyears + y) * p->nind + i] != NULL)
                    rc = gidx_dataset_set(p->ds, reg, year, p->cat->inds[i]->id, NAN,
                                          GIDX_FLAG_MISSING);
                else
                    rc = gidx_dataset_set(p->ds, reg, year, p->cat->inds[i]->id,
                                          cache[i * p->nyears + y], GIDX_FLAG_OK);
            }
        }
    }
    if (rc == GIDX_OK && p->cat->name[0] != '\0')
        rc = gidx_dataset_set_meta(p->ds, "catalog", p->cat->name);
    if (rc == GIDX_OK) {
        const char *src = gidx_dataset_meta(ds, "source");
        if (src != NULL)
            rc = gidx_dataset_set_meta(p->ds, "source", src);
    }
done:
    free(forms);
    free(tgts);
    free(cache);
    free(cache_reason);
    free(done);
    free(order);
    if (rc != GIDX_OK) {
        gidx_panel_free(p);
        return rc;
    }
    *out = p;
    return GIDX_OK;
}

const gidx_dataset *gidx_panel_dataset(const gidx_panel *p) { return p ? p->ds : NULL; }
const gidx_catalog *gidx_panel_catalog(const gidx_panel *p) { return p ? p->cat : NULL; }
size_t gidx_panel_nmissing(const gidx_panel *p) { return p ? p->nmissing : 0; }

/* The reason of cell (r, y, i) by position. */
const char *gidx__panel_reason_at(const gidx_panel *p, size_t r, size_t y, size_t i);
const char *gidx__panel_reason_at(const gidx_panel *p, size_t r, size_t y, size_t i)
{
    return p->reasons[(r * p->nyears + y) * p->nind + i];
}

static gidx_status year_pos(size_t *y, const gidx_panel *p, int year)
{
    size_t k;
    for (k = 0; k < p->nyears; k++)
        if (gidx_dataset_year(p->ds, k) == year) {
            *y = k;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_ENOTFOUND, "year %d is not in the panel", year);
}

gidx_status gidx_panel_get(double *value, const char **reason, const gidx_panel *p,
                           const char *region, int year, const char *indicator)
{
    size_t r = 0, y = 0, i = 0;
    gidx_status rc;
    if (p == NULL || region == NULL || indicator == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_panel_get: NULL argument");
    if ((rc = gidx_dataset_find_region(&r, p->ds, region)) != GIDX_OK ||
        (rc = year_pos(&y, p, year)) != GIDX_OK || (rc = gidx_catalog_find(&i, p->cat, indicator)) != GIDX_OK)
        return rc;
    if (value)
        gidx_dataset_get(value, NULL, p->ds, region, year, indicator);
    if (reason)
        *reason = p->reasons[(r * p->nyears + y) * p->nind + i];
    return GIDX_OK;
}

gidx_status gidx_panel_render(char *buf, size_t cap, size_t *needed, const gidx_panel *p,
                              int format, const char *region)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t r0 = 0, r1, r, y, i;
    json_t *arr = NULL;
    gidx_status rc;
    if (p == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_panel_render: NULL panel");
    if (format != GIDX_IND_TEXT && format != GIDX_IND_CSV && format != GIDX_IND_JSON)
        return gidx__error_set(GIDX_EINVAL, "gidx_panel_render: unknown format %d", format);
    r1 = p->nreg;
    if (region != NULL) {
        if ((rc = gidx_dataset_match_region(&r0, p->ds, region)) != GIDX_OK)
            return rc;
        r1 = r0 + 1;
    }
    if (format == GIDX_IND_CSV)
        gidx__buf_puts(&b, "region_code,region_name,year,indicator,value\n");
    else if (format == GIDX_IND_TEXT)
        gidx__buf_printf(&b, "%-8s %-18s %-4s %-30s %16s  %s\n", "region", "name", "year",
                         "indicator", "value", "unit / reason when missing");
    else if ((arr = json_array()) == NULL)
        return gidx__error_set(GIDX_ENOMEM, "out of memory");
    for (r = r0; r < r1; r++) {
        const char *code = gidx_dataset_region(p->ds, r);
        const char *name = gidx_dataset_region_name(p->ds, code);
        for (y = 0; y < p->nyears; y++) {
            int year = gidx_dataset_year(p->ds, y);
            char ystr[16];
            snprintf(ystr, sizeof ystr, "%d", year);
            for (i = 0; i < p->nind; i++) {
                const gidx_indicator *d = p->cat->inds[i];
                const char *why = p->reasons[(r * p->nyears + y) * p->nind + i];
                double v;
                char num[40] = "";
                gidx_dataset_get(&v, NULL, p->ds, code, year, d->id);
                if (why == NULL)
                    gidx__fmt_double(num, sizeof num, v);
                if (format == GIDX_IND_CSV) {
                    /* Plain appends: this loop writes millions of rows for
                     * large panels and printf's parsing would dominate. */
                    gidx__csv_field(&b, code);
                    gidx__buf_putc(&b, ',');
                    gidx__csv_field(&b, name);
                    gidx__buf_putc(&b, ',');
                    gidx__buf_puts(&b, ystr);
                    gidx__buf_putc(&b, ',');
                    gidx__buf_puts(&b, d->id);
                    gidx__buf_putc(&b, ',');
                    gidx__buf_puts(&b, num);
                    gidx__buf_putc(&b, '\n');
                } else if (format == GIDX_IND_TEXT) {
                    gidx__buf_printf(&b, "%-8s %-18s %4d %-30s %16s  %s\n", code, name, year,
                                     d->id, why ? "NA" : num,
                                     why ? why : (d->unit ? d->unit : ""));
                } else {
                    json_t *o = json_object();
                    int bad = o == NULL;
                    bad |= json_object_set_new(o, "region_code", json_string(code));
                    bad |= json_object_set_new(o, "region_name", json_string(name));
                    bad |= json_object_set_new(o, "year", json_integer(year));
                    bad |= json_object_set_new(o, "indicator", json_string(d->id));
                    bad |= json_object_set_new(o, "value", why ? json_null() : json_real(v));
                    if (why)
                        bad |= json_object_set_new(o, "reason", json_string(why));
                    bad |= json_array_append_new(arr, o);
                    if (bad) {
                        json_decref(arr);
                        gidx__buf_free(&b);
                        return gidx__error_set(GIDX_ENOMEM, "out of memory");
                    }
                }
            }
        }
    }
    if (arr != NULL) {
        char *s = json_dumps(arr, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
        json_decref(arr);
        if (s == NULL)
            return gidx__error_set(GIDX_ENOMEM, "out of memory");
        gidx__buf_puts(&b, s);
        gidx__buf_putc(&b, '\n');
        free(s);
    }
    return gidx__ind_output(buf, cap, needed, &b);
}

gidx_status gidx_catalog_covered_regions(size_t *idx, size_t cap, size_t *n,
                                         const gidx_catalog *cat, const gidx_dataset *panel)
{
    size_t nr, ny, ni, r, i, y, best = 0, k = 0;
    size_t *cov;
    double *vals;
    if (n == NULL || cat == NULL || panel == NULL || (idx == NULL && cap > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_catalog_covered_regions: NULL argument");
    *n = 0;
    nr = gidx_dataset_nregions(panel);
    ny = gidx_dataset_nyears(panel);
    ni = gidx_catalog_count(cat);
    cov = gidx__calloc(nr ? nr : 1, sizeof *cov);
    vals = gidx__calloc(ny ? ny : 1, sizeof *vals);
    if (cov == NULL || vals == NULL) {
        free(cov);
        free(vals);
        return GIDX_ENOMEM;
    }
    for (i = 0; i < ni; i++) {
        const gidx_indicator *ind = gidx_catalog_indicator(cat, i);
        const char *pillar = gidx_indicator_text(ind, "pillar");
        const char *id = gidx_indicator_id(ind);
        size_t v;
        if (gidx_indicator_direction(ind) == GIDX_CONTEXT || pillar == NULL || pillar[0] == '\0' ||
            gidx_dataset_find_variable(&v, panel, id) != GIDX_OK)
            continue;
        for (r = 0; r < nr; r++) {
            if (gidx_dataset_series(vals, NULL, ny, panel, gidx_dataset_region(panel, r), id) !=
                GIDX_OK)
                continue;
            for (y = 0; y < ny; y++)
                if (!isnan(vals[y]))
                    break;
            if (y < ny)
                cov[r]++;
        }
    }
    gidx_error_clear();
    for (r = 0; r < nr; r++)
        if (cov[r] > best)
            best = cov[r];
    for (r = 0; best > 0 && r < nr; r++)
        if (2 * cov[r] >= best) {
            if (k < cap)
                idx[k] = r;
            k++;
        }
    free(cov);
    free(vals);
    *n = k;
    if (k > cap)
        return gidx__error_set(GIDX_EBUFS, "gidx_catalog_covered_regions: %zu regions, room for %zu",
                               k, cap);
    return GIDX_OK;
}
