/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fetching from SSB's PxWebApi v2 (include/greenidx/fetch.h). The bindings
 * run a whole fetch in C and hand back text: a provenance/statistics header
 * ("stat\tNAME\tVALUE", "meta\tKEY\tVALUE" lines), an empty line and the
 * long CSV; the pure layers (bindings/python/greenidx/fetch.py,
 * bindings/r/R/fetch.R) turn it into data frames.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/fetch.h>

/* Split "a,b,c" into a NULL-terminated vector owning one copy (v[n] holds it). */
static char **gidx__bind_split(const char *s, size_t *n)
{
    char *copy, *p, **v;
    size_t k = 1, i = 0;
    *n = 0;
    if (s == NULL || s[0] == '\0')
        return NULL;
    for (p = (char *)s; *p; p++)
        k += *p == ',';
    v = calloc(k + 1, sizeof *v);
    copy = strdup(s);
    if (v == NULL || copy == NULL) {
        free(v);
        free(copy);
        return NULL;
    }
    for (p = copy; p != NULL && *p;) {
        char *e = strchr(p, ',');
        if (e)
            *e = '\0';
        if (*p)
            v[i++] = p;
        p = e ? e + 1 : NULL;
    }
    v[k] = copy;
    *n = i;
    return v;
}

static void gidx__bind_split_free(char **v, const char *s)
{
    size_t k = 1;
    const char *p;
    if (v == NULL)
        return;
    for (p = s; *p; p++)
        k += *p == ',';
    free(v[k]);
    free(v);
}

static gidx_status gidx__bind_copy(gidx_dataset *dst, const gidx_dataset *src, const char *prefix,
                                   char **meta, size_t *mlen)
{
    size_t r, v, y, i;
    gidx_status rc = GIDX_OK;
    for (r = 0; r < gidx_dataset_nregions(src) && rc == GIDX_OK; r++) {
        const char *reg = gidx_dataset_region(src, r);
        for (v = 0; v < gidx_dataset_nvariables(src) && rc == GIDX_OK; v++)
            for (y = 0; y < gidx_dataset_nyears(src) && rc == GIDX_OK; y++) {
                const char *var = gidx_dataset_variable(src, v);
                int year = gidx_dataset_year(src, y), flag;
                double x;
                if (!gidx_dataset_has(src, reg, year, var))
                    continue;
                if ((rc = gidx_dataset_get(&x, &flag, src, reg, year, var)) == GIDX_OK)
                    rc = gidx_dataset_set(dst, reg, year, var, x, flag);
            }
    }
    for (i = 0; i < gidx_dataset_nmeta(src) && rc == GIDX_OK; i++) {
        const char *k = gidx_dataset_meta_key(src, i), *val = gidx_dataset_meta(src, k);
        size_t need = strlen(prefix) + strlen(k) + strlen(val) + 8;
        char *nm = realloc(*meta, *mlen + need + 1);
        if (nm == NULL)
            return gidx_error_set(GIDX_ENOMEM, NULL);
        *meta = nm;
        *mlen += (size_t)snprintf(nm + *mlen, need + 1, "meta\t%s%s\t%s\n", prefix, k, val);
    }
    return rc;
}

/* Run a fetch; the text described above (malloc'ed), or NULL with *rc set. */
static char *gidx__bind_fetch(gidx_status *rc, const char *api, const char *cache, int offline,
                              double timeout, int retries, double backoff, double backoff_max,
                              double max_cells, const char *regions, const char *catalog,
                              const char *tables, int from, int to)
{
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_client *c = NULL;
    gidx_fetch_plan *plan = NULL;
    gidx_dataset *all = NULL;
    char **rv = NULL, **tv = NULL, *meta = NULL, *csv = NULL, *out = NULL;
    size_t nr = 0, nt = 0, mlen = 0, clen = 0, t;
    gidx_fetch_stats st;
    *rc = GIDX_OK;
    if (api && *api) o.api = api;
    if (cache && *cache) o.cache_dir = cache;
    o.offline = offline;
    o.timeout = timeout;
    if (retries < 0 || !(max_cells >= 1)) {
        *rc = gidx_error_set(GIDX_EINVAL, "fetch: retries must be >= 0 and max_cells >= 1");
        return NULL;
    }
    o.max_retries = (unsigned)retries;
    o.backoff = backoff;
    o.backoff_max = backoff_max;
    o.max_cells = (size_t)max_cells;
    rv = gidx__bind_split(regions, &nr);
    tv = gidx__bind_split(tables, &nt);
    if (nr == 0) {
        *rc = gidx_error_set(GIDX_EINVAL, "fetch: no regions");
        goto done;
    }
    if ((catalog == NULL || *catalog == '\0') && nt == 0) {
        *rc = gidx_error_set(GIDX_EINVAL, "fetch: give a catalogue or tables to fetch");
        goto done;
    }
    if ((*rc = gidx_fetch_client_new(&c, &o)) != GIDX_OK || (*rc = gidx_dataset_new(&all)) != GIDX_OK)
        goto done;
    if (catalog != NULL && *catalog) {
        gidx_dataset *ds = NULL;
        gidx_fetch_item *items;
        size_t n, k;
        if ((*rc = gidx_fetch_plan_load(&plan, catalog)) != GIDX_OK)
            goto done;
        n = gidx_fetch_plan_size(plan);
        if ((items = calloc(n, sizeof *items)) == NULL) {
            *rc = gidx_error_set(GIDX_ENOMEM, NULL);
            goto done;
        }
        for (k = 0; k < n; k++)
            items[k] = *gidx_fetch_plan_item(plan, k);
        *rc = gidx_fetch_plan_run(&ds, c, items, n, (const char *const *)rv, nr, NULL, from, to,
                                  NULL, NULL);
        free(items);
        if (*rc == GIDX_OK)
            *rc = gidx__bind_copy(all, ds, "", &meta, &mlen);
        gidx_dataset_free(ds);
        if (*rc != GIDX_OK)
            goto done;
    }
    for (t = 0; t < nt; t++) {
        gidx_fetch_query *q = NULL;
        gidx_dataset *ds = NULL;
        gidx_jsonstat_options jo = GIDX_JSONSTAT_OPTIONS_INIT;
        const char *star[] = { "*" };
        char prefix[80];
        jo.region_dim = "Region";
        jo.time_dim = "Tid";
        snprintf(prefix, sizeof prefix, "%s.", tv[t]);
        if ((*rc = gidx_fetch_query_new(&q, tv[t])) == GIDX_OK &&
            (*rc = gidx_fetch_query_select(q, "Region", (const char *const *)rv, nr)) == GIDX_OK &&
            (*rc = gidx_fetch_query_select(q, "ContentsCode", star, 1)) == GIDX_OK &&
            (*rc = gidx_fetch_query_years(q, from, to)) == GIDX_OK &&
            (*rc = gidx_fetch_query_run(&ds, c, q, &jo)) == GIDX_OK)
            *rc = gidx__bind_copy(all, ds, prefix, &meta, &mlen);
        gidx_fetch_query_free(q);
        gidx_dataset_free(ds);
        if (*rc != GIDX_OK)
            goto done;
    }
    if ((*rc = gidx_dataset_to_csv(&csv, &clen, all)) != GIDX_OK ||
        (*rc = gidx_fetch_client_stats(&st, c)) != GIDX_OK)
        goto done;
    if ((out = malloc(mlen + clen + 256)) == NULL) {
        *rc = gidx_error_set(GIDX_ENOMEM, NULL);
        goto done;
    }
    {
        size_t k = (size_t)sprintf(out, "stat\trequests\t%zu\nstat\tretries\t%zu\nstat\tcache_hits\t%zu\n"
                                   "stat\tcache_writes\t%zu\nstat\tsplits\t%zu\nstat\tbytes\t%zu\n"
                                   "stat\twaited\t%.17g\n", st.requests, st.retries, st.cache_hits,
                                   st.cache_writes, st.splits, st.bytes, st.waited);
        if (mlen)
            memcpy(out + k, meta, mlen);
        k += mlen;
        out[k++] = '\n';
        memcpy(out + k, csv, clen);
        out[k + clen] = '\0';
    }
done:
    free(csv);
    free(meta);
    gidx_dataset_free(all);
    gidx_fetch_plan_free(plan);
    gidx_fetch_client_free(c);
    gidx__bind_split_free(rv, regions ? regions : "");
    gidx__bind_split_free(tv, tables ? tables : "");
    return out;
}

/* A query URL from a filter in URL syntax; NULL with *rc on failure. */
static char *gidx__bind_url(gidx_status *rc, const char *table, const char *filter, const char *api)
{
    gidx_fetch_query *q = NULL;
    char *url = NULL, *copy = NULL;
    if ((*rc = gidx_fetch_query_new(&q, table)) == GIDX_OK &&
        (filter == NULL || (*rc = gidx_fetch_query_filter(q, filter)) == GIDX_OK))
        *rc = gidx_fetch_query_url(&url, q, api && *api ? api : NULL);
    gidx_fetch_query_free(q);
    if (url != NULL) {
        copy = strdup(url);
        gidx_free(url);
        if (copy == NULL)
            *rc = gidx_error_set(GIDX_ENOMEM, NULL);
    }
    return copy;
}

/* Regions of a preset ("partners") or a county ("50"), joined by ','. */
static char *gidx__bind_regions(gidx_status *rc, const char *preset, const char *county, int year)
{
    const char *codes[512];
    size_t n = 0, i, len = 1;
    gidx_registry *reg = NULL;
    char *out = NULL;
    if (preset != NULL && *preset)
        *rc = gidx_fetch_preset(codes, 512, &n, preset);
    else if ((*rc = gidx_registry_load_default(&reg)) == GIDX_OK)
        *rc = gidx_fetch_county_regions(codes, 512, &n, reg, county ? county : "", year);
    if (*rc == GIDX_OK) {
        for (i = 0; i < n; i++)
            len += strlen(codes[i]) + 1;
        if ((out = calloc(1, len)) == NULL)
            *rc = gidx_error_set(GIDX_ENOMEM, NULL);
        for (i = 0; out != NULL && i < n; i++) {
            if (i)
                strcat(out, ",");
            strcat(out, codes[i]);
        }
    }
    gidx_registry_free(reg);
    return out;
}
%}

#if defined(SWIGPYTHON)
%newobject gidx_py_fetch;
%newobject gidx_py_fetch_url;
%newobject gidx_py_fetch_regions;
%inline %{
/* The fetch text, or NULL (the last error says why). */
char *gidx_py_fetch(const char *api, const char *cache, int offline, double timeout, int retries,
                    double backoff, double backoff_max, double max_cells, const char *regions,
                    const char *catalog, const char *tables, int from, int to)
{
    gidx_status rc;
    return gidx__bind_fetch(&rc, api, cache, offline, timeout, retries, backoff, backoff_max,
                            max_cells, regions, catalog, tables, from, to);
}
char *gidx_py_fetch_url(const char *table, const char *filter, const char *api)
{
    gidx_status rc;
    return gidx__bind_url(&rc, table, filter, api);
}
char *gidx_py_fetch_regions(const char *preset, const char *county, int year)
{
    gidx_status rc;
    return gidx__bind_regions(&rc, preset, county, year);
}
%}
#elif defined(SWIGR)
%inline %{
static SEXP gidx__bind_r_text(char *s, gidx_status rc)
{
    SEXP out;
    if (s == NULL)
        return gidx_r_status(rc);
    out = PROTECT(Rf_mkString(s));
    free(s);
    UNPROTECT(1);
    return out;
}
/* The fetch text, or a gidx_status. */
SEXP gidx_r_fetch(const char *api, const char *cache, int offline, double timeout, int retries,
                  double backoff, double backoff_max, double max_cells, const char *regions,
                  const char *catalog, const char *tables, int from, int to)
{
    gidx_status rc;
    char *s = gidx__bind_fetch(&rc, api, cache, offline, timeout, retries, backoff, backoff_max,
                               max_cells, regions, catalog, tables, from, to);
    return gidx__bind_r_text(s, rc);
}
SEXP gidx_r_fetch_url(const char *table, const char *filter, const char *api)
{
    gidx_status rc;
    char *s = gidx__bind_url(&rc, table, filter, api);
    return gidx__bind_r_text(s, rc);
}
SEXP gidx_r_fetch_regions(const char *preset, const char *county, int year)
{
    gidx_status rc;
    char *s = gidx__bind_regions(&rc, preset, county, year);
    return gidx__bind_r_text(s, rc);
}
%}
#endif
