/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Textual forms of an index specification: option strings (the greenidx
 * command line), the JSON specification file (read with jansson) and the
 * unit-by-indicator table of COINr's iData layout (Becker et al., COINr 1.1).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <greenidx/table.h>

#include "composite/composite_internal.h"

static int parse_num(const char *s, double *v)
{
    char *end;
    if (s == NULL || *s == '\0')
        return -1;
    *v = gidx__strtod(s, &end);
    return (*end == '\0' && gidx__isfinite(*v)) ? 0 : -1;
}

static int parse_pair(const char *s, double *a, double *b)
{
    char buf[128], *comma;
    if (strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    comma = strchr(buf, ',');
    if (comma == NULL)
        return -1;
    *comma = '\0';
    return (parse_num(buf, a) == 0 && parse_num(comma + 1, b) == 0) ? 0 : -1;
}

gidx_status gidx_index_options_set(gidx_index_options *o, const char *name, const char *value)
{
    double a, b;
    if (o == NULL || name == NULL || value == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options_set: NULL argument");
#define BAD() return gidx__error_set(GIDX_EINVAL, "option %s: bad value \"%s\"", name, value)
    if (strcmp(name, "year") == 0) {
        if (parse_num(value, &a) != 0 || a != floor(a) || fabs(a) > 1e6)
            BAD();
        o->year = (int)a;
    } else if (strcmp(name, "denominate") == 0) {
        if (strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
            o->denominate = 1;
        else if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0)
            o->denominate = 0;
        else
            BAD();
    } else if (strcmp(name, "impute") == 0) {
        if (strcmp(value, "none") == 0)
            o->impute = GIDX_IMPUTE_NONE;
        else if (strcmp(value, "mean") == 0)
            o->impute = GIDX_IMPUTE_MEAN;
        else if (strcmp(value, "median") == 0)
            o->impute = GIDX_IMPUTE_MEDIAN;
        else if (strcmp(value, "locf") == 0)
            o->impute = GIDX_IMPUTE_LOCF;
        else if (strcmp(value, "linear") == 0)
            o->impute = GIDX_IMPUTE_LINEAR;
        else if (strncmp(value, "group-mean:", 11) == 0 && value[11] != '\0') {
            o->impute = GIDX_IMPUTE_GROUP_MEAN;
            o->impute_group = value + 11;
        } else
            return gidx__error_set(GIDX_EINVAL, "option impute: bad value \"%s\" (none, mean, median, "
                                   "group-mean:COLUMN, locf, linear)", value);
    } else if (strcmp(name, "screen") == 0) {
        if (parse_num(value, &a) != 0 || a < 0 || a > 1)
            return gidx__error_set(GIDX_EINVAL, "option screen: \"%s\" is not a share in [0, 1]", value);
        o->screen_min_avail = a;
    } else if (strcmp(name, "min-avail") == 0) {
        if (parse_num(value, &a) != 0 || a < 0 || a > 1)
            return gidx__error_set(GIDX_EINVAL, "option min-avail: \"%s\" is not a share in [0, 1]", value);
        o->min_avail = a;
    } else if (strcmp(name, "treat") == 0) {
        if (strcmp(value, "none") == 0)
            o->treat = GIDX_TREAT_NONE;
        else if (strncmp(value, "winsorise", 9) == 0 || strncmp(value, "winsorize", 9) == 0) {
            o->treat = GIDX_TREAT_WINSORISE_LOG;
            if (value[9] == ':') {
                if (parse_num(value + 10, &a) != 0 || a < 0 || a != floor(a) || a > 1e6)
                    BAD();
                o->winmax = (unsigned)a;
            } else if (value[9] != '\0')
                BAD();
        } else
            return gidx__error_set(GIDX_EINVAL, "option treat: bad value \"%s\" (none, winsorise:MAX)", value);
    } else if (strcmp(name, "normalise") == 0 || strcmp(name, "normalize") == 0) {
        if (strncmp(value, "minmax", 6) == 0) {
            o->normalise = GIDX_NORM_MINMAX;
            if (value[6] == ':') {
                if (parse_pair(value + 7, &a, &b) != 0 || !(b > a))
                    return gidx__error_set(GIDX_EINVAL, "option normalise: bad range in \"%s\" (minmax:LO,HI)", value);
                o->norm_lo = a;
                o->norm_hi = b;
            } else if (value[6] != '\0')
                BAD();
        } else if (strcmp(value, "zscore") == 0)
            o->normalise = GIDX_NORM_ZSCORE;
        else if (strcmp(value, "rank") == 0)
            o->normalise = GIDX_NORM_RANK;
        else if (strcmp(value, "percentile") == 0)
            o->normalise = GIDX_NORM_PERCENTILE;
        else if (strcmp(value, "distance-to-best") == 0)
            o->normalise = GIDX_NORM_DIST_BEST;
        else if (strcmp(value, "goalposts") == 0)
            o->normalise = GIDX_NORM_GOALPOSTS;
        else
            return gidx__error_set(GIDX_EINVAL, "option normalise: bad value \"%s\" (minmax:LO,HI, zscore, "
                                   "rank, percentile, distance-to-best, goalposts)", value);
    } else if (strcmp(name, "weights") == 0) {
        if (strcmp(value, "user") == 0)
            o->weights = GIDX_WEIGHTS_USER;
        else if (strcmp(value, "equal") == 0)
            o->weights = GIDX_WEIGHTS_EQUAL;
        else if (strcmp(value, "pca") == 0)
            o->weights = GIDX_WEIGHTS_PCA;
        else if (strncmp(value, "bod", 3) == 0) {
            o->weights = GIDX_WEIGHTS_BOD;
            if (value[3] == ':') {
                if (parse_pair(value + 4, &a, &b) != 0 || a < 0 || b > 1 || a > b)
                    return gidx__error_set(GIDX_EINVAL, "option weights: bad shares in \"%s\" (bod:MIN,MAX)", value);
                o->bod_min_share = a;
                o->bod_max_share = b;
            } else if (value[3] != '\0')
                BAD();
        } else
            return gidx__error_set(GIDX_EINVAL, "option weights: bad value \"%s\" (user, equal, pca, bod:MIN,MAX)",
                                   value);
    } else if (strcmp(name, "aggregate") == 0) {
        if (strcmp(value, "amean") == 0)
            o->aggregate = GIDX_AGG_AMEAN;
        else if (strcmp(value, "gmean") == 0)
            o->aggregate = GIDX_AGG_GMEAN;
        else if (strcmp(value, "hmean") == 0)
            o->aggregate = GIDX_AGG_HMEAN;
        else if (strcmp(value, "copeland") == 0)
            o->aggregate = GIDX_AGG_COPELAND;
        else
            return gidx__error_set(GIDX_EINVAL, "option aggregate: bad value \"%s\" (amean, gmean, hmean, copeland)",
                                   value);
    } else {
        return gidx__error_set(GIDX_EINVAL, "unknown index option \"%s\"", name);
    }
#undef BAD
    return GIDX_OK;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int jnum(json_t *o, const char *key, double *out)
{
    json_t *v = json_object_get(o, key);
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_number(v))
        return -1;
    *out = json_number_value(v);
    return 1;
}

gidx_status gidx_index_spec_read_json(gidx_index_spec **out, const char *path)
{
    json_error_t err;
    json_t *root, *arr, *e, *opts;
    gidx_index_spec *sp = NULL;
    gidx_index_options o;
    gidx_status rc = GIDX_OK;
    size_t i;
    char numbuf[64];
    char *held[16];
    size_t nheld = 0;

    if (out == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_read_json: NULL argument");
    *out = NULL;
    root = json_load_file(path, 0, &err);
    if (root == NULL) {
        if (err.line < 0 || strstr(err.text, "unable to open") != NULL)
            return gidx__error_set(GIDX_EIO, "%s: %s", path, err.text);
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", path, err.line, err.column, err.text);
    }
    if (!json_is_object(root)) {
        json_decref(root);
        return gidx__error_set(GIDX_EPARSE, "%s: the specification must be a JSON object", path);
    }
    if ((rc = gidx_index_spec_new(&sp)) != GIDX_OK)
        goto done;
    arr = json_object_get(root, "aggregates");
    if (arr != NULL && !json_is_array(arr)) {
        rc = gidx__error_set(GIDX_EPARSE, "%s: \"aggregates\" must be an array", path);
        goto done;
    }
    json_array_foreach(arr, i, e) {
        const char *code = jstr(e, "code"), *par = jstr(e, "parent");
        double w = 1.0;
        if (code == NULL || jnum(e, "weight", &w) < 0) {
            rc = gidx__error_set(GIDX_EINVAL, "%s: aggregates[%zu] needs a string \"code\" and a numeric \"weight\"",
                                 path, i);
            goto done;
        }
        if ((rc = gidx_index_spec_add_aggregate(sp, code, par, w)) != GIDX_OK) {
            gidx__error_prefix("%s: aggregates[%zu]: ", path, i);
            goto done;
        }
    }
    arr = json_object_get(root, "indicators");
    if (!json_is_array(arr)) {
        rc = gidx__error_set(GIDX_EPARSE, "%s: \"indicators\" must be an array", path);
        goto done;
    }
    json_array_foreach(arr, i, e) {
        const char *code = jstr(e, "code"), *par = jstr(e, "parent"), *den = jstr(e, "denominator");
        double w = 1.0, d = 1.0, tg = 0.0, lo = 0.0;
        int ht, hl;
        if (code == NULL || par == NULL || jnum(e, "weight", &w) < 0 || jnum(e, "direction", &d) < 0 ||
            (ht = jnum(e, "target", &tg)) < 0 || (hl = jnum(e, "lower", &lo)) < 0) {
            rc = gidx__error_set(GIDX_EINVAL, "%s: indicators[%zu] needs string \"code\" and \"parent\" and "
                                 "numeric weight/direction/target/lower", path, i);
            goto done;
        }
        if (d != 1.0 && d != -1.0) {
            rc = gidx__error_set(GIDX_EINVAL, "%s: indicators[%zu] (%s): direction %g (1 or -1)", path, i, code, d);
            goto done;
        }
        if ((rc = gidx_index_spec_add_indicator(sp, code, par, w, (int)d)) != GIDX_OK ||
            (hl && ht && (rc = gidx_index_spec_set_goalposts(sp, code, lo, tg)) != GIDX_OK) ||
            (!hl && ht && (rc = gidx_index_spec_set_target(sp, code, tg)) != GIDX_OK) ||
            (den && (rc = gidx_index_spec_set_denominator(sp, code, den)) != GIDX_OK)) {
            gidx__error_prefix("%s: indicators[%zu]: ", path, i);
            goto done;
        }
    }
    o = sp->opt;
    opts = json_object_get(root, "options");
    if (opts != NULL) {
        const char *key;
        json_t *v;
        if (!json_is_object(opts)) {
            rc = gidx__error_set(GIDX_EPARSE, "%s: \"options\" must be an object", path);
            goto done;
        }
        json_object_foreach(opts, key, v) {
            const char *text;
            if (json_is_string(v))
                text = json_string_value(v);
            else if (json_is_boolean(v))
                text = json_is_true(v) ? "true" : "false";
            else if (json_is_integer(v)) {
                snprintf(numbuf, sizeof numbuf, "%lld", (long long)json_integer_value(v));
                text = numbuf;
            } else if (json_is_real(v)) {
                snprintf(numbuf, sizeof numbuf, "%.17g", json_real_value(v));
                text = numbuf;
            } else {
                rc = gidx__error_set(GIDX_EINVAL, "%s: options.%s must be a string, number or boolean", path, key);
                goto done;
            }
            if ((rc = gidx_index_options_set(&o, key, text)) != GIDX_OK) {
                gidx__error_prefix("%s: ", path);
                goto done;
            }
            /* keep the text of a group name alive until set_options copies it */
            if (o.impute == GIDX_IMPUTE_GROUP_MEAN && strcmp(key, "impute") == 0 && nheld < 16) {
                held[nheld] = gidx__strdup(o.impute_group);
                if (held[nheld] == NULL) {
                    rc = GIDX_ENOMEM;
                    goto done;
                }
                o.impute_group = held[nheld++];
            }
        }
    }
    if ((rc = gidx_index_spec_set_options(sp, &o)) != GIDX_OK) {
        gidx__error_prefix("%s: ", path);
        goto done;
    }
    {
        gidx__topo t;
        if ((rc = gidx__composite_topo(&t, sp)) != GIDX_OK) {
            gidx__error_prefix("%s: ", path);
            goto done;
        }
        gidx__composite_topo_free(&t);
    }
done:
    while (nheld > 0)
        free(held[--nheld]);
    json_decref(root);
    if (rc != GIDX_OK) {
        gidx_index_spec_free(sp);
        return gidx__error_as_data(rc);   /* the file's content is at fault */
    }
    *out = sp;
    return GIDX_OK;
}

gidx_status gidx_index_load_units(gidx_dataset **data, gidx_index_spec *spec, const char *path)
{
    gidx_table *t = NULL;
    gidx_dataset *ds = NULL;
    gidx_status rc;
    size_t ju, jn = GIDX__NONE, jt = GIDX__NONE, j, i, r, nr;
    if (data == NULL || spec == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_load_units: NULL argument");
    *data = NULL;
    if ((rc = gidx_table_read_csv(&t, path, NULL)) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_find_column(&ju, t, "uCode")) != GIDX_OK)
        goto done;
    if (gidx_table_find_column(&j, t, "uName") == GIDX_OK)
        jn = j;
    if (gidx_table_find_column(&j, t, "Time") == GIDX_OK)
        jt = j;
    gidx_error_clear();
    if ((rc = gidx_dataset_new(&ds)) != GIDX_OK)
        goto done;
    nr = gidx_table_nrows(t);
    for (r = 0; r < nr; r++) {
        if (gidx_table_cell(t, r, ju)[0] == '\0') {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: empty uCode", path, gidx_table_line(t, r));
            goto done;
        }
        if (jn != GIDX__NONE &&
            (rc = gidx_dataset_set_region_name(ds, gidx_table_cell(t, r, ju), gidx_table_cell(t, r, jn))) != GIDX_OK)
            goto done;
    }
    for (i = 0; i < 2 * spec->n; i++) {
        const gidx__cnode *nd = &spec->nodes[i / 2];
        const char *col = (i % 2) ? nd->denominator : nd->code;
        if (!nd->is_indicator || col == NULL)
            continue;
        if ((i % 2) && gidx_dataset_find_variable(&j, ds, col) == GIDX_OK)
            continue; /* a denominator shared by several indicators */
        gidx_error_clear();
        if ((rc = gidx_table_find_column(&j, t, col)) != GIDX_OK)
            goto done;
        for (r = 0; r < nr; r++) {
            double v, yr = 0.0;
            const char *u = gidx_table_cell(t, r, ju);
            if ((rc = gidx_table_cell_double(&v, t, r, j)) != GIDX_OK)
                goto done;
            if (jt != GIDX__NONE) {
                if ((rc = gidx_table_cell_double(&yr, t, r, jt)) != GIDX_OK)
                    goto done;
                if (!gidx__isfinite(yr) || yr != floor(yr) || fabs(yr) > 1e6) {
                    rc = gidx__error_set(GIDX_EDATA, "%s:%zu: Time is not a year", path, gidx_table_line(t, r));
                    goto done;
                }
            }
            if (gidx_dataset_has(ds, u, (int)yr, col)) {
                rc = gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: unit %s, year %d appears twice", path,
                                     gidx_table_line(t, r), u, (int)yr);
                goto done;
            }
            if ((rc = gidx_dataset_set(ds, u, (int)yr, col, isnan(v) ? 0.0 : v,
                                       isnan(v) ? GIDX_FLAG_MISSING : GIDX_FLAG_OK)) != GIDX_OK)
                goto done;
        }
    }
    if (spec->opt.impute == GIDX_IMPUTE_GROUP_MEAN && spec->opt.impute_group != NULL) {
        const char **units = gidx__calloc(nr ? nr : 1, sizeof *units);
        const char **labels = gidx__calloc(nr ? nr : 1, sizeof *labels);
        if (units == NULL || labels == NULL) {
            free(units);
            free(labels);
            rc = GIDX_ENOMEM;
            goto done;
        }
        rc = gidx_table_find_column(&j, t, spec->opt.impute_group);
        if (rc == GIDX_OK) {
            for (r = 0; r < nr; r++) {
                const char *c = gidx_table_cell(t, r, j);
                units[r] = gidx_table_cell(t, r, ju);
                labels[r] = strcmp(c, "NA") == 0 ? "" : c;
            }
            rc = gidx_index_spec_set_group(spec, spec->opt.impute_group, units, labels, nr);
        }
        free(units);
        free(labels);
        if (rc != GIDX_OK)
            goto done;
    }
    gidx_dataset_set_meta(ds, "source", path);
done:
    gidx_table_free(t);
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        return rc;
    }
    *data = ds;
    return GIDX_OK;
}

struct gidx_index_uncertainty_result; /* defined in uncertainty.c */
gidx_status gidx__composite_unc_ranks(const gidx_index_uncertainty_result *u, const double **p05,
                                      const double **med, const double **p95, size_t *U);

static json_t *jreal(double v)
{
    return gidx__isfinite(v) ? json_real(v) : json_null();
}

gidx_status gidx_index_result_json(char *buf, size_t cap, size_t *needed, const gidx_index_result *r,
                                   const gidx_index_uncertainty_result *unc)
{
    json_t *root = NULL, *years, *aggs, *units, *imps, *trs;
    const double *p05 = NULL, *med = NULL, *p95 = NULL;
    size_t t, u, j, k, NN, uU = 0, len;
    char *text = NULL;
    gidx_status rc = GIDX_OK;
    if (r == NULL || (buf == NULL && cap > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_result_json: NULL argument");
    if (unc != NULL) {
        gidx__composite_unc_ranks(unc, &p05, &med, &p95, &uU);
        if (uU != r->U)
            return gidx__error_set(GIDX_EINVAL, "gidx_index_result_json: the uncertainty analysis has %zu units, "
                                   "the result %zu", uU, r->U);
    }
    NN = r->nind + r->nagg;
    root = json_object();
    years = json_array();
    aggs = json_array();
    units = json_array();
    imps = json_array();
    trs = json_array();
    if (!root || !years || !aggs || !units || !imps || !trs) {
        json_decref(years); json_decref(aggs); json_decref(units); json_decref(imps); json_decref(trs);
        json_decref(root);
        return gidx__error_set(GIDX_ENOMEM, "gidx_index_result_json: out of memory");
    }
    json_object_set_new(root, "years", years);
    json_object_set_new(root, "aggregates", aggs);
    json_object_set_new(root, "units", units);
    json_object_set_new(root, "imputed", imps);
    json_object_set_new(root, "treated", trs);
    for (t = 0; t < r->T; t++)
        json_array_append_new(years, json_integer(r->years[t]));
    for (j = 0; j < r->nagg; j++)
        json_array_append_new(aggs, json_string(r->codes[r->nind + j]));
    for (t = 0; t < r->T; t++)
        for (u = 0; u < r->U; u++) {
            json_t *e = json_object(), *ag = json_object();
            if (e == NULL || ag == NULL) {
                json_decref(e);
                json_decref(ag);
                rc = GIDX_ENOMEM;
                goto done;
            }
            json_object_set_new(e, "code", json_string(r->units[u]));
            json_object_set_new(e, "name", json_string(r->names[u]));
            json_object_set_new(e, "year", json_integer(r->years[t]));
            json_object_set_new(e, "score", jreal(r->vals[(t * NN + r->nind) * r->U + u]));
            json_object_set_new(e, "rank", jreal(r->ranks[(t * NN + r->nind) * r->U + u]));
            json_object_set_new(e, "included", json_boolean(r->incl[t * r->U + u]));
            for (j = 0; j < r->nagg; j++)
                json_object_set_new(ag, r->codes[r->nind + j], jreal(r->vals[(t * NN + r->nind + j) * r->U + u]));
            json_object_set_new(e, "aggregates", ag);
            if (unc != NULL && t == 0) {
                json_object_set_new(e, "rank_p05", jreal(p05[u]));
                json_object_set_new(e, "rank_median", jreal(med[u]));
                json_object_set_new(e, "rank_p95", jreal(p95[u]));
            }
            json_array_append_new(units, e);
        }
    for (k = 0; k < r->nimp; k++) {
        json_t *e = json_pack("{s:s, s:i, s:s, s:o}", "unit", r->units[r->imp[k].unit],
                              "year", r->years[r->imp[k].year], "indicator", r->codes[r->imp[k].ind],
                              "value", jreal(r->imp[k].value));
        if (e == NULL) {
            rc = GIDX_ENOMEM;
            goto done;
        }
        json_array_append_new(imps, e);
    }
    for (t = 0; t < r->T; t++)
        for (k = 0; k < r->nind; k++) {
            const gidx_treatment_info *ti = &r->tinfo[t * r->nind + k];
            json_t *e;
            if (ti->nwinsorised == 0 && !ti->logged)
                continue;
            e = json_pack("{s:s, s:i, s:o, s:o, s:i, s:b}", "indicator", r->codes[k], "year", r->years[t],
                          "skew_before", jreal(ti->skew_before), "kurt_before", jreal(ti->kurt_before),
                          "winsorised", (int)ti->nwinsorised, "logged", ti->logged);
            if (e == NULL) {
                rc = GIDX_ENOMEM;
                goto done;
            }
            json_array_append_new(trs, e);
        }
    text = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
    if (text == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    len = strlen(text) + 1;
    if (needed)
        *needed = len;
    if (cap < len) {
        rc = gidx__error_set(GIDX_EBUFS, "gidx_index_result_json: %zu bytes needed, room for %zu", len, cap);
        goto done;
    }
    memcpy(buf, text, len);
done:
    if (rc == GIDX_ENOMEM)
        gidx__error_set(GIDX_ENOMEM, "gidx_index_result_json: out of memory");
    free(text);
    json_decref(root);
    return rc;
}
