/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Stateful libFuzzer target (issue 19): the input is a program of API calls
 * on live handles — datasets, catalogues, panels, index specifications and
 * results, forecast models — so that defects reached only by a sequence of
 * calls (name a region, then add 15 more, then free: issue 19 item 1) are
 * found, not only those in one parser. Each step reads one opcode byte and
 * its operands from the input; names come from small alphabets so that
 * sequences revisit the same regions, variables and indicators. Every handle
 * is freed at the end (ASan/LSan check the frees), and results are checked
 * against invariants: a value set is read back, a copy holds the same cells,
 * forecasts are finite.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned take(reader *r)
{
    unsigned v;
    if (r->n == 0)
        return 0;
    v = r->p[0];
    r->p++;
    r->n--;
    return v;
}

/* a name from a small alphabet: prefix + number below @p mod */
static const char *name(char *buf, size_t cap, const char *prefix, reader *r, unsigned mod)
{
    snprintf(buf, cap, "%s%u", prefix, take(r) % mod);
    return buf;
}

#define NDS 3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    gidx_dataset *ds[NDS] = { NULL, NULL, NULL };
    gidx_catalog *cat = NULL;
    gidx_panel *panel = NULL;
    gidx_index_spec *spec = NULL;
    gidx_index_result *res = NULL;
    gidx_model *model = NULL;
    static gidx_registry *reg = NULL;   /* read once: the default region registry */
    static int reg_tried = 0;
    char a[32], b[32], c[64];
    unsigned steps = 0;

    while (r.n > 0 && steps++ < 400) {
        unsigned op = take(&r), k = take(&r) % NDS;
        gidx_dataset **d = &ds[k];
        switch (op % 21) {
        case 0:     /* dataset_new (replacing) */
            gidx_dataset_free(*d);
            *d = NULL;
            (void)gidx_dataset_new(d);
            break;
        case 1:
        case 2: {   /* set a cell and read it back */
            int year = 1990 + (int)(take(&r) % 40);
            double v = (double)(int)(take(&r) | take(&r) << 8) - 20000.0;
            name(a, sizeof a, "R", &r, 64);
            name(b, sizeof b, "v", &r, 6);
            if (*d == NULL && gidx_dataset_new(d) != GIDX_OK)
                break;
            if (gidx_dataset_set(*d, a, year, b, v, 0) == GIDX_OK) {
                double back = NAN;
                int flag = -1;
                if (gidx_dataset_get(&back, &flag, *d, a, year, b) != GIDX_OK || back != v)
                    abort();
            }
            break;
        }
        case 3:     /* name a region (the item-1 overflow needs this, then growth, then free) */
            name(a, sizeof a, "R", &r, 64);
            name(b, sizeof b, "Name ", &r, 256);
            if (*d == NULL && gidx_dataset_new(d) != GIDX_OK)
                break;
            if (gidx_dataset_set_region_name(*d, a, b) == GIDX_OK &&
                strcmp(gidx_dataset_region_name(*d, a), b) != 0)
                abort();
            break;
        case 4:     /* set metadata */
            name(a, sizeof a, "k", &r, 8);
            name(b, sizeof b, "m", &r, 256);
            if (*d != NULL)
                (void)gidx_dataset_set_meta(*d, a, b);
            break;
        case 5: {   /* copy into another slot; the copy holds the same cells */
            gidx_dataset *cp = NULL;
            unsigned to = take(&r) % NDS;
            if (*d == NULL || to == k)
                break;
            if (gidx_dataset_copy(&cp, *d) == GIDX_OK) {
                if (gidx_dataset_ncells(cp) != gidx_dataset_ncells(*d) ||
                    gidx_dataset_nregions(cp) != gidx_dataset_nregions(*d))
                    abort();
                gidx_dataset_free(ds[to]);
                ds[to] = cp;
            }
            break;
        }
        case 6:     /* free a dataset */
            gidx_dataset_free(*d);
            *d = NULL;
            break;
        case 7: {   /* look regions up by code or display name */
            size_t i;
            name(a, sizeof a, "R", &r, 64);
            if (*d != NULL) {
                (void)gidx_dataset_match_region(&i, *d, a);
                (void)gidx_dataset_match_region(&i, *d, "Name 3");
            }
            break;
        }
        case 8:     /* harmonise against the default registry (real codes only map) */
            if (!reg_tried) {
                reg_tried = 1;
                (void)gidx_registry_load_default(&reg);
            }
            if (*d != NULL && reg != NULL) {
                gidx_dataset *h = NULL;
                gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
                o.drop_unknown = (int)(take(&r) & 1);
                if (gidx_dataset_harmonise(&h, *d, reg, &o) == GIDX_OK) {
                    gidx_dataset_free(*d);
                    *d = h;
                }
            }
            break;
        case 9:     /* catalogue: new, replacing panel too */
            gidx_panel_free(panel);
            panel = NULL;
            gidx_catalog_free(cat);
            cat = NULL;
            (void)gidx_catalog_new(&cat, "fuzz");
            break;
        case 10:    /* catalogue: declare a base variable */
            name(a, sizeof a, "v", &r, 6);
            if (cat != NULL)
                (void)gidx_catalog_add_variable(cat, a, NULL, NULL);
            break;
        case 11: {  /* catalogue: add an indicator whose formula names variables/indicators */
            static const char *const ops[] = { " + ", " - ", " * ", " / " };
            gidx_indicator *ind = NULL;
            name(a, sizeof a, "i", &r, 8);
            snprintf(c, sizeof c, "v%u%sv%u%s%s%u", take(&r) % 6, ops[take(&r) % 4], take(&r) % 6,
                     ops[take(&r) % 4], (take(&r) & 1) ? "i" : "", take(&r) % 8);
            if (cat != NULL && gidx_indicator_new(&ind, a, c) == GIDX_OK) {
                (void)gidx_catalog_add(cat, ind);
                gidx_indicator_free(ind);
            }
            break;
        }
        case 12:    /* evaluate the catalogue on a dataset */
            if (cat != NULL && *d != NULL) {
                gidx_panel *p = NULL;
                if (gidx_panel_new(&p, cat, *d) == GIDX_OK) {
                    gidx_panel_free(panel);
                    panel = p;
                }
            }
            break;
        case 13:    /* read the panel */
            if (panel != NULL) {
                double v;
                const char *why = NULL;
                const gidx_dataset *pd = gidx_panel_dataset(panel);
                name(a, sizeof a, "R", &r, 64);
                name(b, sizeof b, "i", &r, 8);
                (void)gidx_panel_get(&v, &why, panel, a, 1990 + (int)(take(&r) % 40), b);
                (void)gidx_panel_nmissing(panel);
                if (pd != NULL)
                    (void)gidx_dataset_ncells(pd);
            }
            break;
        case 14:    /* index spec: new */
            gidx_index_result_free(res);
            res = NULL;
            gidx_index_spec_free(spec);
            spec = NULL;
            (void)gidx_index_spec_new(&spec);
            break;
        case 15:    /* index spec: an aggregate under another or at the root */
            name(a, sizeof a, "G", &r, 4);
            if (spec != NULL) {
                unsigned pi = take(&r) % 5;
                snprintf(b, sizeof b, "G%u", pi);
                (void)gidx_index_spec_add_aggregate(spec, a, pi == 4 ? NULL : b,
                                                    (double)(take(&r) % 4));
            }
            break;
        case 16:    /* index spec: an indicator (a dataset variable) under an aggregate */
            name(a, sizeof a, "v", &r, 6);
            name(b, sizeof b, "G", &r, 4);
            if (spec != NULL)
                (void)gidx_index_spec_add_indicator(spec, a, b, (double)(take(&r) % 4),
                                                    (take(&r) & 1) ? 1 : -1);
            break;
        case 17:    /* compute the index on a dataset */
            if (spec != NULL && *d != NULL) {
                gidx_index_result *x = NULL;
                if (gidx_index_compute(&x, spec, *d) == GIDX_OK) {
                    size_t n = gidx_index_result_nunits(x);
                    double *sc = calloc(n ? n : 1, sizeof *sc);
                    if (sc != NULL)
                        (void)gidx_index_result_scores(sc, n, x, NULL, 0);
                    free(sc);
                    gidx_index_result_free(res);
                    res = x;
                }
            }
            break;
        case 18: {  /* fit a forecast model to one series of a dataset; forecasts are finite */
            double y[40], mean[3], lo[3], hi[3], level = 80.0;
            int years[40], flags[40];
            size_t ny, i, m = 0;
            gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
            if (*d == NULL || (ny = gidx_dataset_nyears(*d)) == 0 || ny > 40)
                break;
            name(a, sizeof a, "R", &r, 64);
            name(b, sizeof b, "v", &r, 6);
            {
                double v[40];
                if (gidx_dataset_series(v, flags, 40, *d, a, b) != GIDX_OK)
                    break;
                for (i = 0; i < ny; i++)
                    if (flags[i] == 0 && !isnan(v[i])) {
                        years[m] = gidx_dataset_year(*d, i);
                        y[m++] = v[i];
                    }
            }
            o.method = (int)(take(&r) % 5);
            o.calibrate = 0;
            gidx_model_free(model);
            model = NULL;
            if (gidx_model_new(&model, &o) == GIDX_OK &&
                gidx_model_fit(model, years, y, m) == GIDX_OK &&
                gidx_model_forecast(mean, lo, hi, 3, model, 3, &level, 1) == GIDX_OK)
                for (i = 0; i < 3; i++)
                    if (!isfinite(mean[i]) || !isfinite(lo[i]) || !isfinite(hi[i]))
                        abort();
            break;
        }
        case 19: {  /* bulk: n regions (from an offset) get one value each, as a loader adds them */
            unsigned n = take(&r) % 64, first = take(&r) % 64, i;
            int year = 1990 + (int)(take(&r) % 40);
            name(b, sizeof b, "v", &r, 6);
            if (*d == NULL && gidx_dataset_new(d) != GIDX_OK)
                break;
            for (i = 0; i < n; i++) {
                snprintf(a, sizeof a, "R%u", (first + i) % 64);
                if (gidx_dataset_set(*d, a, year, b, (double)i, 0) != GIDX_OK)
                    break;
            }
            break;
        }
        default:    /* 20: free the model and the panel */
            gidx_model_free(model);
            model = NULL;
            gidx_panel_free(panel);
            panel = NULL;
            break;
        }
    }
    gidx_model_free(model);
    gidx_index_result_free(res);
    gidx_index_spec_free(spec);
    gidx_panel_free(panel);
    gidx_catalog_free(cat);
    for (unsigned k = 0; k < NDS; k++)
        gidx_dataset_free(ds[k]);
    return 0;
}
