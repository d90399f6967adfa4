/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Policy scenario files (JSON, read with jansson; format in docs/report.md):
 * named instruments, the indicator each acts on, the regions it applies to,
 * the start year and the effect per year since adoption — given directly or
 * taken from the JSON result of an effect estimator (`greenidx effect ...
 * --format json`) — and an optional input-output shock for ripple effects.
 * Errors name the file, the JSON path and, for syntax errors, line and column.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/internal.h"
#include "report_internal.h"

typedef struct instrument {
    char *name;
    char *indicator;
    char **regions;     /* NULL = all regions */
    size_t nregions;
    int start;
    int relative;       /* 1: effect is a fraction of the baseline; 0: absolute units */
    double *effect;     /* effect k years after start (k = 0 .. n-1); the last persists */
    size_t neffect;
    char *source;       /* "given" or the estimator file it came from */
    char **dcodes;      /* "demand": industries (A64 codes or SN2007 groups) whose final */
    double *damounts;   /* demand the instrument changes, NOK million; feeds the ripple shock */
    size_t ndemand;
} instrument;

struct gidx_scenario {
    char *name;
    instrument *inst;
    size_t ninst;
    int has_ripple;
    char *io_path;
    char **sectors;
    double *amounts;
    size_t nshock;
    int io_type;
    int shock_year;
    int io_year;        /* year of the embedded Norwegian table (io_path NULL); 0 = latest */
    char *region;       /* regionalise for this region of the report's dataset, or NULL */
    char **origin;      /* per shock: "ripple.shock" or the instrument's name (borrowed) */
};

static void inst_free(instrument *in)
{
    size_t i;
    free(in->name);
    free(in->indicator);
    for (i = 0; i < in->nregions; i++)
        free(in->regions[i]);
    free(in->regions);
    free(in->effect);
    free(in->source);
    for (i = 0; i < in->ndemand; i++)
        free(in->dcodes[i]);
    free(in->dcodes);
    free(in->damounts);
}

void gidx_scenario_free(gidx_scenario *s)
{
    size_t i;
    if (s == NULL)
        return;
    for (i = 0; i < s->ninst; i++)
        inst_free(&s->inst[i]);
    free(s->inst);
    free(s->name);
    free(s->io_path);
    for (i = 0; i < s->nshock; i++)
        free(s->sectors[i]);
    free(s->sectors);
    free(s->amounts);
    free(s->origin);
    free(s->region);
    free(s);
}

/* Directory part of @p path ("" when none), caller frees. */
static char *dir_of(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? gidx__strndup(path, (size_t)(slash - path) + 1) : gidx__strdup("");
}

/* @p rel resolved against @p dir unless absolute; caller frees. */
static char *resolve(const char *dir, const char *rel)
{
    gidx__buf b = GIDX__BUF_INIT;
    if (rel[0] != '/')
        gidx__buf_puts(&b, dir);
    gidx__buf_puts(&b, rel);
    return gidx__buf_take(&b);
}

/*
 * The effect path of an estimator's JSON result: "effect_path" (array of
 * numbers, one per year since adoption), else "att_dynamic" event-time
 * estimates for e >= 0 (list under "event_times" / "by_event_time" of objects
 * with "event_time"/"e" and "estimate"/"att"), else the scalar "estimate".
 */
/* event times beyond this (years after adoption) are refused: a roadmap's
 * horizon is at most 2200 and the data start after 1900 */
#define GIDX__MAX_EVENT_TIME 300

static gidx_status effect_from_result(instrument *in, const char *file, const char *where)
{
    json_error_t err;
    json_t *root = json_load_file(file, 0, &err), *v;
    gidx_status rc = GIDX_OK;
    size_t i;
    if (root == NULL)
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s (effect estimate named by %s)",
                               file, err.line, err.column, err.text, where);
    if ((v = json_object_get(root, "effect_path")) != NULL && json_is_array(v) &&
        json_array_size(v) > 0) {
        in->neffect = json_array_size(v);
        in->effect = gidx__calloc(in->neffect, sizeof *in->effect);
        if (in->effect == NULL) { rc = GIDX_ENOMEM; goto done; }
        for (i = 0; i < in->neffect; i++) {
            json_t *x = json_array_get(v, i);
            if (!json_is_number(x)) {
                rc = gidx__error_set(GIDX_EDATA, "%s: effect_path[%zu] is not a number", file, i);
                goto done;
            }
            in->effect[i] = json_number_value(x);
        }
        goto done;
    }
    if ((v = json_object_get(root, "att_dynamic")) != NULL && json_is_object(v)) {
        json_t *list = json_object_get(v, "event_times");
        size_t maxe = 0, n;
        if (list == NULL) list = json_object_get(v, "by_event_time");
        if (list == NULL) list = json_object_get(v, "dynamic");
        if (json_is_array(list)) {
            n = json_array_size(list);
            for (i = 0; i < n; i++) {
                json_t *o = json_array_get(list, i), *e = json_object_get(o, "event_time");
                if (e == NULL) e = json_object_get(o, "e");
                /* the path is allocated up to the largest event time: bound it */
                if (json_is_integer(e) && json_integer_value(e) > GIDX__MAX_EVENT_TIME) {
                    rc = gidx__error_set(GIDX_EDATA, "%s: att_dynamic event time %lld (entry %zu) is "
                                         "beyond %d years after adoption (effect estimate named by %s)",
                                         file, (long long)json_integer_value(e), i,
                                         GIDX__MAX_EVENT_TIME, where);
                    goto done;
                }
                if (json_is_integer(e) && json_integer_value(e) >= 0 &&
                    (size_t)json_integer_value(e) + 1 > maxe)
                    maxe = (size_t)json_integer_value(e) + 1;
            }
            if (maxe > 0) {
                in->neffect = maxe;
                in->effect = gidx__calloc(maxe, sizeof *in->effect);
                if (in->effect == NULL) { rc = GIDX_ENOMEM; goto done; }
                for (i = 0; i < maxe; i++)
                    in->effect[i] = NAN;
                for (i = 0; i < n; i++) {
                    json_t *o = json_array_get(list, i), *e = json_object_get(o, "event_time");
                    json_t *est = json_object_get(o, "estimate");
                    if (e == NULL) e = json_object_get(o, "e");
                    if (est == NULL) est = json_object_get(o, "att");
                    if (json_is_integer(e) && json_integer_value(e) >= 0 && json_is_number(est))
                        in->effect[json_integer_value(e)] = json_number_value(est);
                }
                for (i = 0; i < maxe; i++)
                    if (!gidx__isfinite(in->effect[i])) {
                        rc = gidx__error_set(GIDX_EDATA, "%s: att_dynamic has no estimate for "
                                             "event time %zu", file, i);
                        goto done;
                    }
                goto done;
            }
        }
    }
    if ((v = json_object_get(root, "estimate")) != NULL && json_is_number(v)) {
        in->neffect = 1;
        in->effect = gidx__calloc(1, sizeof *in->effect);
        if (in->effect == NULL) { rc = GIDX_ENOMEM; goto done; }
        in->effect[0] = json_number_value(v);
        goto done;
    }
    rc = gidx__error_set(GIDX_EDATA, "%s: no \"effect_path\", \"att_dynamic\" event times or "
                         "\"estimate\" in the effect estimate named by %s", file, where);
done:
    json_decref(root);
    return rc;
}

static gidx_status str_field(char **dst, json_t *obj, const char *key, int required,
                             const char *name, const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL) {
        if (required)
            return gidx__error_set(GIDX_EDATA, "%s: %s.%s is missing", name, where, key);
        return GIDX_OK;
    }
    if (!json_is_string(v) || json_string_length(v) == 0)
        return gidx__error_set(GIDX_EDATA, "%s: %s.%s must be a non-empty string", name, where, key);
    *dst = gidx__strdup(json_string_value(v));
    return *dst ? GIDX_OK : GIDX_ENOMEM;
}

static gidx_status parse_instrument(instrument *in, json_t *o, const char *name,
                                    const char *dir, size_t idx)
{
    char where[64];
    json_t *v, *eff;
    gidx_status rc;
    size_t i;
    snprintf(where, sizeof where, "instruments[%zu]", idx);
    if (!json_is_object(o))
        return gidx__error_set(GIDX_EDATA, "%s: %s must be an object", name, where);
    if ((rc = str_field(&in->name, o, "name", 1, name, where)) != GIDX_OK ||
        (rc = str_field(&in->indicator, o, "indicator", 1, name, where)) != GIDX_OK)
        return rc;
    v = json_object_get(o, "start_year");
    if (!json_is_integer(v) || json_integer_value(v) < 1800 || json_integer_value(v) > 2200)
        return gidx__error_set(GIDX_EDATA, "%s: %s.start_year must be a year (integer)", name, where);
    in->start = (int)json_integer_value(v);
    if ((v = json_object_get(o, "regions")) != NULL) {
        if (!json_is_array(v) || json_array_size(v) == 0)
            return gidx__error_set(GIDX_EDATA, "%s: %s.regions must be a non-empty array of codes",
                                   name, where);
        in->regions = gidx__calloc(json_array_size(v), sizeof *in->regions);
        if (in->regions == NULL)
            return GIDX_ENOMEM;
        for (i = 0; i < json_array_size(v); i++) {
            json_t *r = json_array_get(v, i);
            if (!json_is_string(r))
                return gidx__error_set(GIDX_EDATA, "%s: %s.regions[%zu] must be a string",
                                       name, where, i);
            if ((in->regions[i] = gidx__strdup(json_string_value(r))) == NULL)
                return GIDX_ENOMEM;
            in->nregions++;
        }
    }
    if ((v = json_object_get(o, "demand")) != NULL) {
        const char *key;
        json_t *x;
        if (!json_is_object(v) || json_object_size(v) == 0)
            return gidx__error_set(GIDX_EDATA, "%s: %s.demand must map industries to NOK million",
                                   name, where);
        in->dcodes = gidx__calloc(json_object_size(v), sizeof *in->dcodes);
        in->damounts = gidx__calloc(json_object_size(v), sizeof *in->damounts);
        if (in->dcodes == NULL || in->damounts == NULL)
            return GIDX_ENOMEM;
        json_object_foreach(v, key, x) {
            if (!json_is_number(x) || !gidx__isfinite(json_number_value(x)))
                return gidx__error_set(GIDX_EDATA, "%s: %s.demand.%s must be a number", name, where, key);
            if ((in->dcodes[in->ndemand] = gidx__strdup(key)) == NULL)
                return GIDX_ENOMEM;
            in->damounts[in->ndemand++] = json_number_value(x);
        }
    }
    eff = json_object_get(o, "effect");
    if (!json_is_object(eff))
        return gidx__error_set(GIDX_EDATA, "%s: %s.effect must be an object", name, where);
    v = json_object_get(eff, "type");
    if (v == NULL || (json_is_string(v) && strcmp(json_string_value(v), "absolute") == 0))
        in->relative = 0;
    else if (json_is_string(v) && strcmp(json_string_value(v), "relative") == 0)
        in->relative = 1;
    else
        return gidx__error_set(GIDX_EDATA, "%s: %s.effect.type must be \"absolute\" or \"relative\"",
                               name, where);
    if ((v = json_object_get(eff, "per_year")) != NULL) {
        if (!json_is_array(v) || json_array_size(v) == 0)
            return gidx__error_set(GIDX_EDATA, "%s: %s.effect.per_year must be a non-empty array",
                                   name, where);
        in->neffect = json_array_size(v);
        in->effect = gidx__calloc(in->neffect, sizeof *in->effect);
        if (in->effect == NULL)
            return GIDX_ENOMEM;
        for (i = 0; i < in->neffect; i++) {
            json_t *x = json_array_get(v, i);
            if (!json_is_number(x) || !gidx__isfinite(json_number_value(x)))
                return gidx__error_set(GIDX_EDATA, "%s: %s.effect.per_year[%zu] must be a number",
                                       name, where, i);
            in->effect[i] = json_number_value(x);
        }
        in->source = gidx__strdup("given");
        return in->source ? GIDX_OK : GIDX_ENOMEM;
    }
    if ((v = json_object_get(eff, "estimate_file")) != NULL) {
        char *file;
        char w2[96];
        if (!json_is_string(v))
            return gidx__error_set(GIDX_EDATA, "%s: %s.effect.estimate_file must be a file name",
                                   name, where);
        file = resolve(dir, json_string_value(v));
        if (file == NULL)
            return GIDX_ENOMEM;
        snprintf(w2, sizeof w2, "%s %s.effect", name, where);
        rc = effect_from_result(in, file, w2);
        in->source = file;
        return rc;
    }
    return gidx__error_set(GIDX_EDATA, "%s: %s.effect needs \"per_year\" or \"estimate_file\"",
                           name, where);
}

/* Append the instruments' demand to the shock (the arrays have room). */
static gidx_status add_demand(gidx_scenario *s)
{
    size_t i, k;
    for (i = 0; i < s->ninst; i++)
        for (k = 0; k < s->inst[i].ndemand; k++) {
            if ((s->sectors[s->nshock] = gidx__strdup(s->inst[i].dcodes[k])) == NULL)
                return GIDX_ENOMEM;
            s->amounts[s->nshock] = s->inst[i].damounts[k];
            s->origin[s->nshock++] = s->inst[i].name;
        }
    return GIDX_OK;
}

static gidx_status parse_ripple_object(gidx_scenario *s, json_t *o, const char *name, const char *dir,
                                       size_t ndemand)
{
    json_t *v, *shock;
    const char *key;
    size_t i = 0, n;
    if (!json_is_object(o))
        return gidx__error_set(GIDX_EDATA, "%s: ripple must be an object", name);
    /* without "io", Statistics Norway's table for Norway (io_year, default the latest) */
    v = json_object_get(o, "io");
    if (v != NULL && !json_is_string(v))
        return gidx__error_set(GIDX_EDATA, "%s: ripple.io must name an input-output folder", name);
    if (v != NULL && (s->io_path = resolve(dir, json_string_value(v))) == NULL)
        return GIDX_ENOMEM;
    v = json_object_get(o, "io_year");
    if (v != NULL && (!json_is_integer(v) || s->io_path != NULL))
        return gidx__error_set(GIDX_EDATA, "%s: ripple.io_year must be a year of the embedded Norwegian "
                               "table, without ripple.io", name);
    s->io_year = v != NULL ? (int)json_integer_value(v) : 0;
    v = json_object_get(o, "region");
    if (v != NULL && (!json_is_string(v) || json_string_length(v) == 0))
        return gidx__error_set(GIDX_EDATA, "%s: ripple.region must name a region", name);
    if (v != NULL && (s->region = gidx__strdup(json_string_value(v))) == NULL)
        return GIDX_ENOMEM;
    v = json_object_get(o, "type");
    s->io_type = 1;
    if (v != NULL) {
        if (!json_is_integer(v) || (json_integer_value(v) != 1 && json_integer_value(v) != 2))
            return gidx__error_set(GIDX_EDATA, "%s: ripple.type must be 1 or 2", name);
        s->io_type = (int)json_integer_value(v);
    }
    v = json_object_get(o, "year");
    s->shock_year = json_is_integer(v) ? (int)json_integer_value(v) : 0;
    shock = json_object_get(o, "shock");
    if (shock != NULL && (!json_is_object(shock) || json_object_size(shock) == 0))
        return gidx__error_set(GIDX_EDATA, "%s: ripple.shock must map sectors to amounts", name);
    if (shock == NULL && ndemand == 0)
        return gidx__error_set(GIDX_EDATA, "%s: ripple needs a shock (ripple.shock) or instruments "
                               "with a demand", name);
    s->nshock = 0;
    n = (shock != NULL ? json_object_size(shock) : 0) + ndemand;
    s->sectors = gidx__calloc(n, sizeof *s->sectors);
    s->amounts = gidx__calloc(n, sizeof *s->amounts);
    s->origin = gidx__calloc(n, sizeof *s->origin);
    if (s->sectors == NULL || s->amounts == NULL || s->origin == NULL)
        return GIDX_ENOMEM;
    if (shock != NULL)
        json_object_foreach(shock, key, v) {
            if (!json_is_number(v))
                return gidx__error_set(GIDX_EDATA, "%s: ripple.shock.%s must be a number", name, key);
            if ((s->sectors[i] = gidx__strdup(key)) == NULL)
                return GIDX_ENOMEM;
            s->amounts[i] = json_number_value(v);
            s->origin[i] = (char *)"ripple.shock";
            s->nshock = ++i;
        }
    s->has_ripple = 1;
    return add_demand(s);
}

/* The ripple object, or (o == NULL) the defaults when only instruments
 * carry a demand: Norway's latest table, type I, no region. */
static gidx_status parse_ripple(gidx_scenario *s, json_t *o, const char *name, const char *dir)
{
    size_t k, ndemand = 0;
    gidx_status rc;
    for (k = 0; k < s->ninst; k++)
        ndemand += s->inst[k].ndemand;
    if (o != NULL)
        return parse_ripple_object(s, o, name, dir, ndemand);
    if (ndemand == 0)
        return GIDX_OK;
    if ((o = json_object()) == NULL)
        return GIDX_ENOMEM;
    rc = parse_ripple_object(s, o, name, dir, ndemand);
    json_decref(o);
    return rc;
}

static gidx_status parse_root(gidx_scenario *s, json_t *root, const char *name, const char *dir)
{
    json_t *v;
    gidx_status rc;
    size_t i;
    if (!json_is_object(root))
        return gidx__error_set(GIDX_EDATA, "%s: a scenario must be a JSON object", name);
    if ((rc = str_field(&s->name, root, "name", 1, name, "scenario")) != GIDX_OK)
        return rc;
    v = json_object_get(root, "instruments");
    if (v != NULL && !json_is_array(v))
        return gidx__error_set(GIDX_EDATA, "%s: instruments must be an array", name);
    if (v != NULL && json_array_size(v) > 0) {
        s->inst = gidx__calloc(json_array_size(v), sizeof *s->inst);
        if (s->inst == NULL)
            return GIDX_ENOMEM;
        for (i = 0; i < json_array_size(v); i++) {
            s->ninst = i + 1;
            if ((rc = parse_instrument(&s->inst[i], json_array_get(v, i), name, dir, i)) != GIDX_OK)
                return rc;
        }
    }
    if ((rc = parse_ripple(s, json_object_get(root, "ripple"), name, dir)) != GIDX_OK)
        return rc;
    if (s->ninst == 0 && !s->has_ripple)
        return gidx__error_set(GIDX_EDATA, "%s: a scenario needs instruments or a ripple shock", name);
    return GIDX_OK;
}

static gidx_status load(gidx_scenario **out, json_t *root, const char *name, const char *path)
{
    gidx_scenario *s = gidx__calloc(1, sizeof *s);
    char *dir;
    gidx_status rc;
    if (s == NULL) {
        json_decref(root);
        return GIDX_ENOMEM;
    }
    dir = dir_of(path);
    if (dir == NULL) {
        json_decref(root);
        free(s);
        return GIDX_ENOMEM;
    }
    rc = parse_root(s, root, name, dir);
    free(dir);
    json_decref(root);
    if (rc != GIDX_OK) {
        gidx_scenario_free(s);
        return rc;
    }
    *out = s;
    return GIDX_OK;
}

gidx_status gidx_scenario_load(gidx_scenario **out, const char *path)
{
    json_error_t err;
    json_t *root;
    if (out == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_scenario_load: NULL argument");
    *out = NULL;
    root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        return gidx__error_set(err.line > 0 ? GIDX_EPARSE : GIDX_EIO, "%s:%d:%d: %s", path,
                               err.line, err.column, err.text);
    return load(out, root, path, path);
}

gidx_status gidx_scenario_parse(gidx_scenario **out, const char *json, size_t len,
                                const char *name)
{
    json_error_t err;
    json_t *root;
    if (out == NULL || json == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_scenario_parse: NULL argument");
    *out = NULL;
    if (name == NULL)
        name = "<scenario>";
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, err.line, err.column, err.text);
    return load(out, root, name, NULL);
}

const char *gidx_scenario_name(const gidx_scenario *s) { return s ? s->name : NULL; }
size_t gidx_scenario_ninstruments(const gidx_scenario *s) { return s ? s->ninst : 0; }

const char *gidx_scenario_instrument_name(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].name : NULL;
}

const char *gidx_scenario_instrument_indicator(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].indicator : NULL;
}

int gidx_scenario_instrument_start(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].start : 0;
}

int gidx_scenario_instrument_relative(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].relative : 0;
}

const char *gidx_scenario_instrument_source(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].source : NULL;
}

size_t gidx__scenario_nregions(const gidx_scenario *s, size_t i)
{
    return (s && i < s->ninst) ? s->inst[i].nregions : 0;
}

const char *gidx__scenario_region(const gidx_scenario *s, size_t i, size_t k)
{
    return (s && i < s->ninst && k < s->inst[i].nregions) ? s->inst[i].regions[k] : NULL;
}

int gidx_scenario_instrument_applies(const gidx_scenario *s, size_t i, const char *region)
{
    size_t k;
    if (s == NULL || i >= s->ninst || region == NULL)
        return 0;
    if (s->inst[i].nregions == 0)
        return 1;
    for (k = 0; k < s->inst[i].nregions; k++)
        if (strcmp(s->inst[i].regions[k], region) == 0)
            return 1;
    return 0;
}

gidx_status gidx_scenario_effect_path(double *out, size_t cap, const gidx_scenario *s, size_t i,
                                      const int *years, size_t n)
{
    const instrument *in;
    size_t k;
    if (out == NULL || s == NULL || (years == NULL && n > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_scenario_effect_path: NULL argument");
    if (i >= s->ninst)
        return gidx__error_set(GIDX_EINVAL, "scenario %s: no instrument %zu", s->name, i);
    if (cap < n)
        return gidx__error_set(GIDX_EBUFS, "gidx_scenario_effect_path: need %zu values, have %zu",
                               n, cap);
    in = &s->inst[i];
    for (k = 0; k < n; k++) {
        long since = (long)years[k] - in->start;
        if (since < 0)
            out[k] = 0.0;
        else if ((size_t)since < in->neffect)
            out[k] = in->effect[since];
        else
            out[k] = in->effect[in->neffect - 1];
    }
    return GIDX_OK;
}

int gidx_scenario_has_ripple(const gidx_scenario *s) { return s ? s->has_ripple : 0; }
const char *gidx_scenario_ripple_io(const gidx_scenario *s) { return (s && s->has_ripple) ? s->io_path : NULL; }
int gidx_scenario_ripple_type(const gidx_scenario *s) { return (s && s->has_ripple) ? s->io_type : 0; }
int gidx_scenario_ripple_year(const gidx_scenario *s) { return (s && s->has_ripple) ? s->shock_year : 0; }
size_t gidx_scenario_ripple_nshocks(const gidx_scenario *s) { return (s && s->has_ripple) ? s->nshock : 0; }

const char *gidx_scenario_ripple_sector(const gidx_scenario *s, size_t i)
{
    return (s && s->has_ripple && i < s->nshock) ? s->sectors[i] : NULL;
}

double gidx_scenario_ripple_amount(const gidx_scenario *s, size_t i)
{
    return (s && s->has_ripple && i < s->nshock) ? s->amounts[i] : NAN;
}

int gidx_scenario_ripple_io_year(const gidx_scenario *s) { return (s && s->has_ripple) ? s->io_year : 0; }
const char *gidx_scenario_ripple_region(const gidx_scenario *s) { return (s && s->has_ripple) ? s->region : NULL; }

const char *gidx_scenario_ripple_origin(const gidx_scenario *s, size_t i)
{
    return (s && s->has_ripple && i < s->nshock) ? s->origin[i] : NULL;
}
