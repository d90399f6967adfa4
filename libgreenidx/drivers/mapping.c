/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The sector mapping of the decomposition: which of Miljødirektoratet's
 * sectors are business sectors and which SSB 13470 (SN2007) employment
 * groups drive them. A JSON table like the indicator catalogue; the default
 * (data/drivers/mapping.json, justified in docs/decompose.md) is compiled in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "drivers_internal.h"
#include "../data/data_internal.h"   /* gidx__read_file */

/* data/drivers/mapping.json, compiled in by the build (indicators/embed.c) */
extern const char gidx__drivers_default_json[];
extern const size_t gidx__drivers_default_json_len;

typedef struct msector {
    char *id, *variable;
    int kind;
    char **groups;
    size_t ngroups;
} msector;

struct gidx_drivers_mapping {
    char *emissions_total, *population, *jobs;
    msector *s;
    size_t n;
};

void gidx_drivers_mapping_free(gidx_drivers_mapping *m)
{
    size_t i, j;
    if (m == NULL)
        return;
    for (i = 0; i < m->n; i++) {
        free(m->s[i].id);
        free(m->s[i].variable);
        for (j = 0; m->s[i].groups != NULL && j < m->s[i].ngroups; j++)
            free(m->s[i].groups[j]);
        free(m->s[i].groups);
    }
    free(m->s);
    free(m->emissions_total);
    free(m->population);
    free(m->jobs);
    free(m);
}

static gidx_status opt_str(char **dst, json_t *root, const char *key, const char *def,
                           const char *name)
{
    json_t *v = json_object_get(root, key);
    if (v != NULL && !json_is_string(v))
        return gidx__error_set(GIDX_EDATA, "%s: \"%s\" must be a string (a dataset variable)",
                               name, key);
    *dst = gidx__strdup(v ? json_string_value(v) : def);
    return *dst ? GIDX_OK : GIDX_ENOMEM;
}

static int known_sector(const char *variable)
{
    size_t k;
    for (k = 0; k < gidx_ghg_nsectors(); k++)
        if (strcmp(gidx_ghg_sector_variable(k), variable) == 0)
            return 1;
    return 0;
}

static gidx_status load_sector(msector *s, json_t *o, size_t i, const char *name)
{
    json_t *id = json_object_get(o, "id"), *var = json_object_get(o, "variable");
    json_t *kind = json_object_get(o, "kind"), *groups = json_object_get(o, "groups"), *g;
    const char *sid;
    size_t j, grp;
    if (!json_is_object(o))
        return gidx__error_set(GIDX_EDATA, "%s: sectors[%zu] must be an object", name, i);
    if (!json_is_string(id) || json_string_length(id) == 0)
        return gidx__error_set(GIDX_EDATA, "%s: sectors[%zu] needs an \"id\" string", name, i);
    sid = json_string_value(id);
    if (var != NULL && !json_is_string(var))
        return gidx__error_set(GIDX_EDATA, "%s: sector \"%s\": \"variable\" must be a string",
                               name, sid);
    s->id = gidx__strdup(sid);
    if (s->id == NULL)
        return GIDX_ENOMEM;
    if (var != NULL)
        s->variable = gidx__strdup(json_string_value(var));
    else if ((s->variable = gidx__malloc(strlen(sid) + 5)) != NULL)
        sprintf(s->variable, "ghg_%s", sid);
    if (s->variable == NULL)
        return GIDX_ENOMEM;
    if (!known_sector(s->variable))
        return gidx__error_set(GIDX_ENOTFOUND, "%s: sector \"%s\": \"%s\" is not one of "
                               "Miljødirektoratet's sectors (ghg_road, ghg_heating, ghg_industry, "
                               "ghg_shipping, ghg_agriculture, ghg_aviation, ghg_other_mobile, "
                               "ghg_waste, ghg_energy_supply, ghg_fluorinated)",
                               name, sid, s->variable);
    if (!json_is_string(kind))
        return gidx__error_set(GIDX_EDATA, "%s: sector \"%s\" needs \"kind\": \"business\" or "
                               "\"population\"", name, sid);
    if (strcmp(json_string_value(kind), "business") == 0)
        s->kind = GIDX_SECTOR_BUSINESS;
    else if (strcmp(json_string_value(kind), "population") == 0)
        s->kind = GIDX_SECTOR_POPULATION;
    else
        return gidx__error_set(GIDX_EDATA, "%s: sector \"%s\": kind \"%s\" is not \"business\" "
                               "or \"population\"", name, sid, json_string_value(kind));
    if (groups != NULL && !json_is_array(groups))
        return gidx__error_set(GIDX_EDATA, "%s: sector \"%s\": \"groups\" must be an array",
                               name, sid);
    s->ngroups = groups ? json_array_size(groups) : 0;
    if (s->kind == GIDX_SECTOR_BUSINESS && s->ngroups == 0)
        return gidx__error_set(GIDX_EDATA, "%s: business sector \"%s\" needs at least one "
                               "employment group", name, sid);
    if (s->kind == GIDX_SECTOR_POPULATION && s->ngroups > 0)
        return gidx__error_set(GIDX_EDATA, "%s: population-driven sector \"%s\" takes no "
                               "employment groups", name, sid);
    if (s->ngroups == 0)
        return GIDX_OK;
    s->groups = gidx__calloc(s->ngroups, sizeof *s->groups);
    if (s->groups == NULL)
        return GIDX_ENOMEM;
    json_array_foreach(groups, j, g) {
        size_t k;
        if (!json_is_string(g))
            return gidx__error_set(GIDX_EDATA, "%s: sector \"%s\": groups[%zu] must be a string",
                                   name, sid, j);
        if (gidx_sn2007_find(&grp, json_string_value(g)) != GIDX_OK)
            return gidx__error_set(GIDX_ENOTFOUND, "%s: sector \"%s\": \"%s\" is not an SSB "
                                   "13470 (SN2007) employment group, group variable or division",
                                   name, sid, json_string_value(g));
        for (k = 0; k < j; k++)
            if (strcmp(s->groups[k], gidx_sn2007_variable(grp)) == 0)
                return gidx__error_set(GIDX_EDUPLICATE, "%s: sector \"%s\" lists group \"%s\" "
                                       "twice", name, sid, json_string_value(g));
        if ((s->groups[j] = gidx__strdup(gidx_sn2007_variable(grp))) == NULL)
            return GIDX_ENOMEM;
    }
    return GIDX_OK;
}

gidx_status gidx_drivers_mapping_parse(gidx_drivers_mapping **out, const char *json,
                                       size_t len, const char *name)
{
    json_error_t err;
    json_t *root, *arr, *v;
    gidx_drivers_mapping *m = NULL;
    gidx_status rc = GIDX_OK;
    size_t i, k;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_drivers_mapping_parse: out is NULL");
    *out = NULL;
    if (json == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_drivers_mapping_parse: json is NULL");
    if (name == NULL)
        name = "mapping";
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        return gidx__error_set(GIDX_EPARSE, "%s:%d:%d: %s", name, err.line, err.column, err.text);
    arr = json_object_get(root, "sectors");
    if (!json_is_object(root) || !json_is_array(arr) || json_array_size(arr) == 0) {
        rc = gidx__error_set(GIDX_EDATA, "%s: the mapping must be an object with a non-empty "
                             "\"sectors\" array", name);
        goto done;
    }
    if ((m = gidx__calloc(1, sizeof *m)) == NULL ||
        (m->s = gidx__calloc(json_array_size(arr), sizeof *m->s)) == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = opt_str(&m->emissions_total, root, "emissions_total", "ghg_total", name)) != GIDX_OK ||
        (rc = opt_str(&m->population, root, "population", "population", name)) != GIDX_OK ||
        (rc = opt_str(&m->jobs, root, "jobs", "employment_total", name)) != GIDX_OK)
        goto done;
    json_array_foreach(arr, i, v) {
        m->n = i + 1;
        if ((rc = load_sector(&m->s[i], v, i, name)) != GIDX_OK)
            goto done;
        for (k = 0; k < i; k++)
            if (strcmp(m->s[k].id, m->s[i].id) == 0 ||
                strcmp(m->s[k].variable, m->s[i].variable) == 0) {
                rc = gidx__error_set(GIDX_EDUPLICATE, "%s: sectors \"%s\" and \"%s\" repeat an "
                                     "id or variable", name, m->s[k].id, m->s[i].id);
                goto done;
            }
    }
done:
    json_decref(root);
    if (rc != GIDX_OK) {
        gidx_drivers_mapping_free(m);
        return rc;
    }
    *out = m;
    return GIDX_OK;
}

gidx_status gidx_drivers_mapping_load(gidx_drivers_mapping **out, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_drivers_mapping_load: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_drivers_mapping_load: path is NULL");
    /* a mapping is a few kB; 16 MiB bounds a wrong file */
    if ((rc = gidx__read_file(&text, &len, path, (size_t)16 << 20)) != GIDX_OK)
        return rc;
    rc = gidx_drivers_mapping_parse(out, text, len, path);
    free(text);
    return rc;
}

gidx_status gidx_drivers_mapping_default(gidx_drivers_mapping **out)
{
    return gidx_drivers_mapping_parse(out, gidx__drivers_default_json,
                                      gidx__drivers_default_json_len, "data/drivers/mapping.json");
}

size_t gidx_drivers_mapping_nsectors(const gidx_drivers_mapping *m)
{
    return m ? m->n : 0;
}

const char *gidx_drivers_mapping_sector(const gidx_drivers_mapping *m, size_t i)
{
    return m && i < m->n ? m->s[i].id : NULL;
}

const char *gidx_drivers_mapping_variable(const gidx_drivers_mapping *m, size_t i)
{
    return m && i < m->n ? m->s[i].variable : NULL;
}

int gidx_drivers_mapping_kind(const gidx_drivers_mapping *m, size_t i)
{
    return m && i < m->n ? m->s[i].kind : -1;
}

size_t gidx_drivers_mapping_ngroups(const gidx_drivers_mapping *m, size_t i)
{
    return m && i < m->n ? m->s[i].ngroups : 0;
}

const char *gidx_drivers_mapping_group(const gidx_drivers_mapping *m, size_t i, size_t j)
{
    return m && i < m->n && j < m->s[i].ngroups ? m->s[i].groups[j] : NULL;
}

/* The mapping's dataset variables of the total, population and jobs. */
const char *gidx__drivers_mapping_total(const gidx_drivers_mapping *m) { return m->emissions_total; }
const char *gidx__drivers_mapping_population(const gidx_drivers_mapping *m) { return m->population; }
const char *gidx__drivers_mapping_jobs(const gidx_drivers_mapping *m) { return m->jobs; }
