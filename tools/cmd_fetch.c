/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * greenidx fetch: official statistics from SSB's PxWebApi v2 (JSON-stat 2.0)
 * for municipalities and counties, with a cache, written as the long CSV
 * (region,year,variable,value,flag) that every command reads with --data.
 * Parses arguments and writes what gidx_fetch_* fetched.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char usage[] =
    "Usage: greenidx fetch [--preset partners | --region CODE... | --county CODE]\n"
    "                      [--from YEAR] [--to YEAR] [--catalog PATH] [--table ID...]\n"
    "                      [--source ssb|mdir|all] [--mdir-url URL]\n"
    "                      [--api URL] [--cache DIR] [--offline] [--timeout S]\n"
    "                      [--retries N] [--max-wait S] --out FILE\n\n"
    "Fetch official statistics from Statistics Norway's PxWebApi v2 (JSON-stat 2.0)\n"
    "and write them as long CSV (region,year,variable,value,flag) for --data.\n\n"
    "  --preset partners  Trondheim 5001, Bergen 4601, Stjørdal 5035, Bjørnafjorden 4624,\n"
    "                     Trøndelag 50, Vestland 46\n"
    "  --region CODE      a municipality or county code; repeat or separate by ','\n"
    "  --county CODE      all municipalities of a county today (region registry)\n"
    "  --from, --to YEAR  years to fetch (default: last year; --from defaults to --to)\n"
    "  --catalog PATH     catalogue JSON whose variables carry a \"fetch\" record\n"
    "                     {\"table\", \"contents\", \"filter\", ...}: fetch those variables\n"
    "                     (default without --table: the built-in catalogue's records:\n"
    "                     SSB 07459, 13470, 14490, 07849)\n"
    "  --source S         ssb, mdir or all (default): SSB's tables, Miljødirektoratet's\n"
    "                     emission workbook, or both\n"
    "  --mdir-url URL     where the workbook is downloaded from (default\n"
    "                     " GIDX_FETCH_MDIR_URL ");\n"
    "                     kept in the cache (--cache DIR, default ~/.cache/greenidx)\n"
    "  --table ID         fetch every ContentsCode of a table; repeatable\n"
    "  --api URL          API root (default https://data.ssb.no/api/pxwebapi/v2)\n"
    "  --cache DIR        keep answers in DIR and reuse them (keyed by the query URL)\n"
    "  --offline          answer only from --cache; a miss is an error\n"
    "  --timeout S        seconds for a whole request (default 60)\n"
    "  --retries N        retries after HTTP 429/502/503/504 (default 4)\n"
    "  --max-wait S       longest wait between retries, also capping the server's\n"
    "                     Retry-After (default 60)\n"
    "  --out FILE         the long CSV, written atomically ('-' = standard output)\n\n"
    "A progress line per table goes to standard error. See docs/fetch.md.\n";

static int run(int argc, char **argv);

const gidx_cli_command gidx_cli_cmd_fetch = {
    "fetch", "fetch official statistics from SSB's PxWebApi v2 (JSON-stat), with a cache",
    run, usage
};

typedef struct strlist {
    char **s;
    size_t n, cap;
} strlist;

static int strlist_add(strlist *l, const char *s, size_t len)
{
    size_t i;
    char *d;
    for (i = 0; i < l->n; i++)
        if (strlen(l->s[i]) == len && strncmp(l->s[i], s, len) == 0)
            return 0;   /* each region once */
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 16;
        char **ns = realloc(l->s, nc * sizeof *ns);
        if (ns == NULL)
            return -1;
        l->s = ns;
        l->cap = nc;
    }
    if ((d = malloc(len + 1)) == NULL)
        return -1;
    memcpy(d, s, len);
    d[len] = '\0';
    l->s[l->n++] = d;
    return 0;
}

/* Add "a,b,c" pieces. */
static int strlist_split(strlist *l, const char *s)
{
    while (*s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len > 0 && strlist_add(l, s, len) != 0)
            return -1;
        s += len;
        if (*s == ',')
            s++;
    }
    return 0;
}

static void strlist_free(strlist *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        free(l->s[i]);
    free(l->s);
}

typedef struct progress {
    size_t nregions;
    int from, to;
} progress;

static void on_table(void *user, size_t index, size_t ntables, const char *table, size_t nv)
{
    const progress *p = user;
    fprintf(stderr, "greenidx fetch: table %s (%zu/%zu): %zu variable%s, %zu region%s, %d-%d\n",
            gidx_cli_safe(table), index + 1, ntables, nv, nv == 1 ? "" : "s", p->nregions,
            p->nregions == 1 ? "" : "s", p->from, p->to);
}

/* Copy every cell and region name of src into dst. */
static gidx_status copy_cells(gidx_dataset *dst, const gidx_dataset *src)
{
    size_t r, v, y;
    gidx_status rc = GIDX_OK;
    for (r = 0; r < gidx_dataset_nregions(src) && rc == GIDX_OK; r++) {
        const char *reg = gidx_dataset_region(src, r), *name = gidx_dataset_region_name(src, reg);
        if (strcmp(name, reg) != 0)
            rc = gidx_dataset_set_region_name(dst, reg, name);
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
    return rc;
}

static void print_provenance(const gidx_dataset *ds, const char *table, const char *prefix)
{
    char k1[128], k2[128], k3[128];
    const char *up, *re, *ca;
    snprintf(k1, sizeof k1, "%s%s", prefix, "updated");
    snprintf(k2, sizeof k2, "%s%s", prefix, "retrieved");
    snprintf(k3, sizeof k3, "%s%s", prefix, "cache");
    up = gidx_dataset_meta(ds, k1);
    re = gidx_dataset_meta(ds, k2);
    ca = gidx_dataset_meta(ds, k3);
    /* the dates and the cache path come from the server's answer and the cache */
    fprintf(stderr, "greenidx fetch: table %s: updated %s, retrieved %s (cache %s)\n",
            gidx_cli_safe(table), gidx_cli_safe(up ? up : "?"), gidx_cli_safe(re ? re : "?"),
            gidx_cli_safe(ca ? ca : "?"));
}

/*
 * Miljødirektoratet's workbook: downloaded into the cache (or found there,
 * offline too) with its provenance, read with gidx_dataset_load_mdir() into
 * ghg_* and added to @p all for the regions asked for (every region of the
 * workbook when none is) and the years from..to. Counties asked for that the
 * all-municipality workbook does not hold are the sums of their
 * municipalities (gidx_dataset_aggregate_counties()).
 */
static int fetch_mdir(gidx_dataset *all, const gidx_fetch_options *base, const char *url,
                      const char *cache, const strlist *regions, long from, long to)
{
    gidx_fetch_options o = *base;
    gidx_fetch_client *mc = NULL;
    gidx_fetch_stats st;
    gidx_dataset *md = NULL, *sel = NULL;
    gidx_registry *reg = NULL;
    char *path = NULL, *when = NULL, dflt[4096];
    int from_cache = 0, ex = GIDX_EXIT_OK;
    size_t r, v, y;
    gidx_status rc;
    if (cache == NULL) {
        const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (xdg != NULL && xdg[0] != '\0')
            snprintf(dflt, sizeof dflt, "%s/greenidx", xdg);
        else
            snprintf(dflt, sizeof dflt, "%s/.cache/greenidx", home ? home : ".");
        cache = dflt;
    }
    o.cache_dir = cache;
    fprintf(stderr, "greenidx fetch: Miljødirektoratet's emission workbook from %s\n", url);
    if ((rc = gidx_fetch_client_new(&mc, &o)) != GIDX_OK ||
        (rc = gidx_fetch_client_download(&path, &when, &from_cache, mc, url, "mdir")) != GIDX_OK ||
        (rc = gidx_registry_load_default(&reg)) != GIDX_OK ||
        (rc = gidx_dataset_load_mdir(&md, path, reg, NULL)) != GIDX_OK) {
        ex = gidx_cli_fail("fetch", rc);
        goto done;
    }
    gidx_fetch_client_stats(&st, mc);
    fprintf(stderr, "greenidx fetch: workbook retrieved %s (cache %s): %s; %zu requests; "
            "release %s\n", when, from_cache ? "hit" : "miss", path, st.requests,
            gidx_dataset_meta(md, "mdir.release") ? gidx_dataset_meta(md, "mdir.release") : "?");
    if (regions->n > 0) {
        /* counties asked for and not in the workbook: sums of its municipalities */
        for (r = 0; r < regions->n; r++) {
            size_t k;
            if (strlen(regions->s[r]) == 2 &&
                gidx_dataset_find_region(&k, md, regions->s[r]) != GIDX_OK) {
                gidx_error_clear();
                if ((rc = gidx_dataset_aggregate_counties(md, reg, NULL, 0)) != GIDX_OK) {
                    ex = gidx_cli_fail("fetch", rc);
                    goto done;
                }
                break;
            }
        }
    }
    if ((rc = gidx_dataset_new(&sel)) != GIDX_OK) {
        ex = gidx_cli_fail("fetch", rc);
        goto done;
    }
    for (r = 0; r < gidx_dataset_nregions(md) && rc == GIDX_OK; r++) {
        const char *code = gidx_dataset_region(md, r);
        size_t k;
        int wanted = regions->n == 0;
        for (k = 0; k < regions->n && !wanted; k++)
            wanted = strcmp(regions->s[k], code) == 0;
        if (!wanted)
            continue;
        for (v = 0; v < gidx_dataset_nvariables(md) && rc == GIDX_OK; v++)
            for (y = 0; y < gidx_dataset_nyears(md) && rc == GIDX_OK; y++) {
                const char *var = gidx_dataset_variable(md, v);
                int year = gidx_dataset_year(md, y), flag;
                double x;
                if (year < from || year > to || !gidx_dataset_has(md, code, year, var))
                    continue;
                if ((rc = gidx_dataset_get(&x, &flag, md, code, year, var)) == GIDX_OK)
                    rc = gidx_dataset_set(sel, code, year, var, x, flag);
            }
    }
    for (r = 0; r < regions->n && rc == GIDX_OK; r++) {
        size_t k;
        if (gidx_dataset_find_region(&k, sel, regions->s[r]) != GIDX_OK) {
            gidx_error_clear();
            fprintf(stderr, "greenidx fetch: the workbook has no emissions of region %s\n",
                    regions->s[r]);
        }
    }
    if (rc == GIDX_OK)
        rc = copy_cells(all, sel);
    if (rc != GIDX_OK)
        ex = gidx_cli_fail("fetch", rc);
done:
    gidx_free(path);
    gidx_free(when);
    gidx_dataset_free(md);
    gidx_dataset_free(sel);
    gidx_registry_free(reg);
    gidx_fetch_client_free(mc);
    return ex;
}

static int run(int argc, char **argv)
{
    const gidx_cli_command *c = &gidx_cli_cmd_fetch;
    const char *preset = NULL, *from_s = NULL, *to_s = NULL, *catalog = NULL, *api = NULL,
               *cache = NULL, *out = NULL, *v = NULL, *source = "all",
               *mdir_url = GIDX_FETCH_MDIR_URL;
    int want_ssb, want_mdir;
    strlist regions = { NULL, 0, 0 }, counties = { NULL, 0, 0 }, tables = { NULL, 0, 0 }, *l;
    int i, missing, offline = 0, ex = GIDX_EXIT_OK;
    long from = 0, to = 0, retries;
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    double timeout = o.timeout, max_wait = o.backoff_max, *secs;
    gidx_fetch_client *client = NULL;
    gidx_fetch_plan *plan = NULL;
    gidx_dataset *all = NULL;
    gidx_registry *reg = NULL;
    gidx_status rc = GIDX_OK;
    progress prog;
    size_t t;

    retries = (long)o.max_retries;
    if (gidx_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return GIDX_EXIT_OK;
    }
    for (i = 1; i < argc; i++) {
        if (gidx_cli_opt(argc, argv, &i, "--preset", 1, &preset, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--from", 1, &from_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--to", 1, &to_s, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--catalog", 1, &catalog, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--api", 1, &api, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--cache", 1, &cache, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--source", 1, &source, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--mdir-url", 1, &mdir_url, &missing) ||
            gidx_cli_opt(argc, argv, &i, "--out", 1, &out, &missing)) {
            if (missing) {
                ex = gidx_cli_usage_error(c, "option %s needs a value", argv[i]);
                goto done;
            }
        } else if (gidx_cli_opt(argc, argv, &i, "--offline", 0, &v, &missing)) {
            offline = 1;
        } else if ((secs = &timeout, gidx_cli_opt(argc, argv, &i, "--timeout", 1, &v, &missing)) ||
                   (secs = &max_wait, gidx_cli_opt(argc, argv, &i, "--max-wait", 1, &v, &missing))) {
            double x;
            if (missing || gidx_cli_parse_double(v, &x) != 0 || !(x >= 0.0 && x <= 86400.0) ||
                (secs == &timeout && x == 0.0)) {
                ex = gidx_cli_usage_error(c, "%s needs seconds, %s", secs == &timeout ?
                                          "--timeout" : "--max-wait", secs == &timeout ?
                                          "more than 0 and at most 86400" : "0 to 86400");
                goto done;
            }
            *secs = x;
        } else if (gidx_cli_opt(argc, argv, &i, "--retries", 1, &v, &missing)) {
            long n;
            if (missing || gidx_cli_parse_int(v, &n) != 0 || n < 0 || n > 100) {
                ex = gidx_cli_usage_error(c, "--retries needs a count from 0 to 100");
                goto done;
            }
            retries = n;
        } else if ((l = &regions, gidx_cli_opt(argc, argv, &i, "--region", 1, &v, &missing)) ||
                   (l = &counties, gidx_cli_opt(argc, argv, &i, "--county", 1, &v, &missing)) ||
                   (l = &tables, gidx_cli_opt(argc, argv, &i, "--table", 1, &v, &missing))) {
            if (missing) {
                ex = gidx_cli_usage_error(c, "option %s needs a value", argv[i]);
                goto done;
            }
            if (strlist_split(l, v) != 0) {
                fprintf(stderr, "greenidx fetch: out of memory\n");
                ex = GIDX_EXIT_INTERNAL;
                goto done;
            }
            /* --region CODE... and --table ID...: further values until the next option */
            while (l != &counties && i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
                if (strlist_split(l, argv[++i]) != 0) {
                    fprintf(stderr, "greenidx fetch: out of memory\n");
                    ex = GIDX_EXIT_INTERNAL;
                    goto done;
                }
            }
        } else {
            ex = gidx_cli_usage_error(c, "unknown argument '%s'", argv[i]);
            goto done;
        }
    }
    if (out == NULL) {
        ex = gidx_cli_usage_error(c, "--out FILE is required");
        goto done;
    }
    if (strcmp(source, "ssb") != 0 && strcmp(source, "mdir") != 0 && strcmp(source, "all") != 0) {
        ex = gidx_cli_usage_error(c, "--source must be ssb, mdir or all, not '%s'", source);
        goto done;
    }
    want_ssb = strcmp(source, "mdir") != 0;
    want_mdir = strcmp(source, "ssb") != 0 && tables.n == 0 && catalog == NULL;
    if (preset != NULL) {
        const char *codes[16];
        size_t n = 0, k;
        if ((rc = gidx_fetch_preset(codes, 16, &n, preset)) != GIDX_OK) {
            ex = gidx_cli_usage_error(c, "%s", gidx_error_last()->message);
            goto done;
        }
        for (k = 0; k < n; k++)
            if (strlist_add(&regions, codes[k], strlen(codes[k])) != 0) {
                ex = GIDX_EXIT_INTERNAL;
                goto done;
            }
    }
    if (counties.n > 0) {
        const char *codes[512];
        size_t n = 0, k, j;
        if ((rc = gidx_registry_load_default(&reg)) != GIDX_OK) {
            ex = gidx_cli_fail("fetch", rc);
            goto done;
        }
        for (j = 0; j < counties.n; j++) {
            if ((rc = gidx_fetch_county_regions(codes, 512, &n, reg, counties.s[j], 0)) != GIDX_OK) {
                ex = gidx_cli_fail("fetch", rc);
                goto done;
            }
            for (k = 0; k < n; k++)
                if (strlist_add(&regions, codes[k], strlen(codes[k])) != 0) {
                    ex = GIDX_EXIT_INTERNAL;
                    goto done;
                }
        }
    }
    if (regions.n == 0 && want_ssb) {
        ex = gidx_cli_usage_error(c, "no regions: give --preset partners, --region CODE or "
                                  "--county CODE");
        goto done;
    }
    if (to_s != NULL) {
        if (gidx_cli_parse_int(to_s, &to) != 0 || to < 1000 || to > 9999) {
            ex = gidx_cli_usage_error(c, "--to must be a year, not '%s'", to_s);
            goto done;
        }
    } else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        to = tm.tm_year + 1900 - 1;
    }
    if (from_s != NULL) {
        if (gidx_cli_parse_int(from_s, &from) != 0 || from < 1000 || from > 9999) {
            ex = gidx_cli_usage_error(c, "--from must be a year, not '%s'", from_s);
            goto done;
        }
    } else {
        from = to;
    }
    if (from > to) {
        ex = gidx_cli_usage_error(c, "--from %ld is after --to %ld", from, to);
        goto done;
    }
    o.api = api;
    o.cache_dir = cache;
    o.offline = offline;
    o.timeout = timeout;
    o.max_retries = (unsigned)retries;
    o.backoff_max = max_wait;
    if (o.backoff > max_wait)
        o.backoff = max_wait;
    if ((rc = gidx_fetch_client_new(&client, &o)) != GIDX_OK ||
        (rc = gidx_dataset_new(&all)) != GIDX_OK) {
        ex = gidx_cli_fail("fetch", rc);
        goto done;
    }
    prog.nregions = regions.n;
    prog.from = (int)from;
    prog.to = (int)to;
    if (want_mdir &&
        (ex = fetch_mdir(all, &o, mdir_url, cache, &regions, from, to)) != GIDX_EXIT_OK)
        goto done;
    if (want_ssb && (catalog != NULL || tables.n == 0)) {
        gidx_dataset *ds = NULL;
        const char *tl;
        if ((rc = catalog != NULL ? gidx_fetch_plan_load(&plan, catalog)
                                  : gidx_fetch_plan_default(&plan)) != GIDX_OK) {
            ex = gidx_cli_fail("fetch", rc);
            goto done;
        }
        rc = gidx_fetch_plan_fetch(&ds, client, plan, (const char *const *)regions.s, regions.n,
                                   NULL, (int)from, (int)to, on_table, &prog);
        if (rc == GIDX_OK)
            rc = copy_cells(all, ds);
        if (rc != GIDX_OK) {
            gidx_dataset_free(ds);
            ex = gidx_cli_fail("fetch", rc);
            goto done;
        }
        tl = gidx_dataset_meta(ds, "tables");
        while (tl != NULL && *tl) {
            char tab[80], pre[90];
            size_t len = strcspn(tl, ",");
            snprintf(tab, sizeof tab, "%.*s", (int)len, tl);
            snprintf(pre, sizeof pre, "%s.", tab);
            print_provenance(ds, tab, pre);
            tl += len + (tl[len] == ',');
        }
        gidx_dataset_free(ds);
    }
    for (t = 0; want_ssb && t < tables.n; t++) {
        gidx_fetch_query *q = NULL;
        gidx_dataset *ds = NULL;
        gidx_jsonstat_options jo = GIDX_JSONSTAT_OPTIONS_INIT;
        const char *star[] = { "*" };
        jo.region_dim = "Region";
        jo.time_dim = "Tid";
        fprintf(stderr, "greenidx fetch: table %s (%zu/%zu): all variables, %zu region%s, %ld-%ld\n",
                tables.s[t], t + 1, tables.n, regions.n, regions.n == 1 ? "" : "s", from, to);
        if ((rc = gidx_fetch_query_new(&q, tables.s[t])) == GIDX_OK &&
            (rc = gidx_fetch_query_select(q, "Region", (const char *const *)regions.s,
                                          regions.n)) == GIDX_OK &&
            (rc = gidx_fetch_query_select(q, "ContentsCode", star, 1)) == GIDX_OK &&
            (rc = gidx_fetch_query_years(q, (int)from, (int)to)) == GIDX_OK &&
            (rc = gidx_fetch_query_run(&ds, client, q, &jo)) == GIDX_OK) {
            print_provenance(ds, tables.s[t], "");
            rc = copy_cells(all, ds);
        }
        gidx_fetch_query_free(q);
        gidx_dataset_free(ds);
        if (rc != GIDX_OK) {
            ex = gidx_cli_fail("fetch", rc);
            goto done;
        }
    }
    {
        char *text = NULL;
        size_t len = 0;
        gidx_fetch_stats st;
        if ((rc = gidx_dataset_to_csv(&text, &len, all)) != GIDX_OK) {
            ex = gidx_cli_fail("fetch", rc);
            goto done;
        }
        ex = gidx_cli_emit("fetch", out, text, len);
        free(text);
        if (ex == GIDX_EXIT_OK && gidx_fetch_client_stats(&st, client) == GIDX_OK)
            fprintf(stderr, "greenidx fetch: %zu cells, %zu regions, %zu variables; %zu requests, "
                    "%zu retries, %zu from cache\n", gidx_dataset_ncells(all),
                    gidx_dataset_nregions(all), gidx_dataset_nvariables(all), st.requests,
                    st.retries, st.cache_hits);
    }
done:
    gidx_dataset_free(all);
    gidx_fetch_plan_free(plan);
    gidx_fetch_client_free(client);
    gidx_registry_free(reg);
    strlist_free(&regions);
    strlist_free(&counties);
    strlist_free(&tables);
    return ex;
}
