/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Fetch: PxWebApi v2 query URLs, presets, county lists, and the whole fetch
 * path (HTTP, retries, splitting, cache, offline, errors) against the local
 * test server tests/data/fetch/server.py on 127.0.0.1 -- never the internet. */
#include <check.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <greenidx/greenidx.h>
#include <greenidx/fetch.h>
#include "core/internal.h"
#include "fetch/fetch_internal.h"

static pid_t server_pid = -1;
static char api[128];
static char tmpdir[256];

static const char *data_dir(void)
{
    const char *d = getenv("GIDX_TEST_DATA");
    return d ? d : "tests/data";
}

static void server_start(void)
{
    char script[512], portfile[300];
    int i;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/gidx-check-fetch-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(script, sizeof script, "%s/fetch/server.py", data_dir());
    snprintf(portfile, sizeof portfile, "%s/port", tmpdir);
    server_pid = fork();
    if (server_pid == 0) {
        execl("/usr/bin/python3", "python3", script, portfile, (char *)NULL);
        _exit(127);
    }
    for (i = 0; i < 200; i++) {   /* up to 10 s for the interpreter to start */
        FILE *f = fopen(portfile, "r");
        int port = 0;
        if (f != NULL) {
            if (fscanf(f, "%d", &port) != 1)
                port = 0;
            fclose(f);
        }
        if (port > 0) {
            snprintf(api, sizeof api, "http://127.0.0.1:%d/api/pxwebapi/v2", port);
            return;
        }
        usleep(50000);
    }
    ck_abort_msg("test server did not start");
}

static void server_stop(void)
{
    char cmd[300];
    if (server_pid > 0) {
        kill(server_pid, SIGTERM);
        waitpid(server_pid, NULL, 0);
        server_pid = -1;
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
}

/* A client on the test server with short backoff; cache in tmpdir/name. */
static gidx_fetch_client *client(const char *cache, int offline, double timeout)
{
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_client *c = NULL;
    char dir[400];
    o.api = api;
    if (cache != NULL) {
        snprintf(dir, sizeof dir, "%s/%s", tmpdir, cache);
        o.cache_dir = dir;
    }
    o.offline = offline;
    o.timeout = timeout;
    o.connect_timeout = 2.0;
    o.backoff = 0.01;
    o.backoff_max = 2.0;
    o.max_retries = 2;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_OK);
    return c;
}

/* Data requests the server has answered so far. */
static long server_count(void)
{
    gidx_fetch_client *c = client(NULL, 0, 5.0);
    char *body = NULL, url[200];
    size_t len;
    long n = -1;
    snprintf(url, sizeof url, "%s/count", api);
    ck_assert_int_eq(gidx_fetch_client_get(&body, &len, NULL, c, url), GIDX_OK);
    ck_assert_int_eq(sscanf(body, "{\"data_requests\": %ld}", &n), 1);
    gidx_free(body);
    gidx_fetch_client_free(c);
    return n;
}

/* ---- queries ---- */

START_TEST(test_query_url)
{
    gidx_fetch_query *q = NULL;
    const char *regions[] = { "5001", "4601" };
    const char *contents[] = { "Personer1" };
    char *url = NULL;
    size_t cells;
    ck_assert_int_eq(gidx_fetch_query_new(&q, "07459"), GIDX_OK);
    ck_assert_str_eq(gidx_fetch_query_table(q), "07459");
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", regions, 2), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_codelist(q, "Region", "agg_KommSummer"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "ContentsCode", contents, 1), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_years(q, 2020, 2022), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_url(&url, q, NULL), GIDX_OK);
    /* the v2 GET syntax (valueCodes[DIM]=a,b, codelist[DIM]=id), hand-written */
    ck_assert_str_eq(url, "https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no"
                     "&outputFormat=json-stat2&valueCodes[Region]=5001,4601"
                     "&codelist[Region]=agg_KommSummer&valueCodes[ContentsCode]=Personer1"
                     "&valueCodes[Tid]=2020,2021,2022");
    gidx_free(url);
    ck_assert_int_eq(gidx_fetch_query_ncells(&cells, q), GIDX_OK);
    ck_assert_uint_eq(cells, 2 * 1 * 3);
    /* replacing a selection, a filter, a language, an API root with '/' */
    ck_assert_int_eq(gidx_fetch_query_filter(q, "valueCodes[Kjonn]=1,2&outputValues[Alder]=aggregated"
                                             "&codelist[Alder]=agg_Fem"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_lang(q, "en"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", regions, 1), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_codelist(q, "Region", NULL), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_url(&url, q, "http://mirror.example/v2/"), GIDX_OK);
    ck_assert_str_eq(url, "http://mirror.example/v2/tables/07459/data?lang=en&outputFormat=json-stat2"
                     "&valueCodes[Region]=5001&valueCodes[ContentsCode]=Personer1"
                     "&valueCodes[Tid]=2020,2021,2022&valueCodes[Kjonn]=1,2"
                     "&codelist[Alder]=agg_Fem&outputValues[Alder]=aggregated");
    gidx_free(url);
    ck_assert_int_eq(gidx_fetch_query_ncells(&cells, q), GIDX_OK);
    ck_assert_uint_eq(cells, 1 * 1 * 3 * 2);
    /* expressions are left to the server */
    ck_assert_int_eq(gidx_fetch_query_filter(q, "valueCodes[Tid]=top(3)"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_ncells(&cells, q), GIDX_EUNSUPPORTED);
    ck_assert_int_eq(gidx_fetch_query_url(&url, q, "http://x/"), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(url, "valueCodes[Tid]=top(3)"));
    gidx_free(url);
    gidx_fetch_query_free(q);
    gidx_fetch_query_free(NULL);
}
END_TEST

START_TEST(test_query_encoding)
{
    gidx_fetch_query *q = NULL;
    const char *codes[] = { "a b", "æ" };
    char *url = NULL;
    ck_assert_int_eq(gidx_fetch_query_new(&q, "T_1-x"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Næring", codes, 2), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_url(&url, q, "http://h"), GIDX_OK);
    ck_assert_str_eq(url, "http://h/tables/T_1-x/data?lang=no&outputFormat=json-stat2"
                     "&valueCodes[N%C3%A6ring]=a%20b,%C3%A6");
    gidx_free(url);
    gidx_fetch_query_free(q);
}
END_TEST

START_TEST(test_query_bad)
{
    gidx_fetch_query *q = (gidx_fetch_query *)&q;
    const char *bad[] = { "50,01" };
    const char *empty[] = { "" };
    char *url = (char *)&url;
    ck_assert_int_eq(gidx_fetch_query_new(&q, "07/459"), GIDX_EINVAL);
    ck_assert_ptr_null(q);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "07/459"));
    ck_assert_int_eq(gidx_fetch_query_new(&q, ""), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_new(NULL, "1"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_new(&q, "07459"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", bad, 1), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "50,01"));
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", empty, 1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", bad, 0), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Re[gion", bad, 1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_years(q, 2022, 2020), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_years(q, 20, 2020), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_lang(q, "nor"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_codelist(q, "Region", "agg KommSummer"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_fetch_query_filter(q, "Kjonn=1"), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Kjonn=1"));
    ck_assert_int_eq(gidx_fetch_query_filter(q, "valueCodes[Kjonn]="), GIDX_EPARSE);
    ck_assert_int_eq(gidx_fetch_query_filter(q, "valueCodes[Kjonn]=1,,2"), GIDX_EPARSE);
    ck_assert_int_eq(gidx_fetch_query_filter(q, "outputValues[Kjonn]=sum"), GIDX_EPARSE);
    ck_assert_int_eq(gidx_fetch_query_url(&url, q, ""), GIDX_EINVAL);
    ck_assert_ptr_null(url);
    gidx_fetch_query_free(q);
}
END_TEST

START_TEST(test_presets)
{
    const char *codes[6];
    size_t n = 0;
    ck_assert_int_eq(gidx_fetch_preset(codes, 6, &n, "partners"), GIDX_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_str_eq(codes[0], "5001");
    ck_assert_str_eq(codes[1], "4601");
    ck_assert_str_eq(codes[2], "5035");
    ck_assert_str_eq(codes[3], "4624");
    ck_assert_str_eq(codes[4], "50");
    ck_assert_str_eq(codes[5], "46");
    ck_assert_int_eq(gidx_fetch_preset(codes, 5, &n, "partners"), GIDX_EBUFS);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(gidx_fetch_preset(codes, 6, &n, "friends"), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "friends"));
}
END_TEST

START_TEST(test_county)
{
    gidx_registry *reg = NULL;
    const char *codes[100];
    size_t n = 0, i;
    int has5001 = 0, has5035 = 0;
    ck_assert_int_eq(gidx_registry_load_default(&reg), GIDX_OK);
    /* Trøndelag has 38 municipalities since 2024 (SSB KLASS 131), Vestland 43 */
    ck_assert_int_eq(gidx_fetch_county_regions(codes, 100, &n, reg, "50", 0), GIDX_OK);
    ck_assert_uint_eq(n, 38);
    for (i = 0; i < n; i++) {
        ck_assert_int_eq(strncmp(codes[i], "50", 2), 0);
        has5001 |= strcmp(codes[i], "5001") == 0;
        has5035 |= strcmp(codes[i], "5035") == 0;
    }
    ck_assert(has5001 && has5035);
    ck_assert_int_eq(gidx_fetch_county_regions(codes, 100, &n, reg, "46", 2024), GIDX_OK);
    ck_assert_uint_eq(n, 43);
    ck_assert_int_eq(gidx_fetch_county_regions(codes, 3, &n, reg, "46", 2024), GIDX_EBUFS);
    ck_assert_uint_eq(n, 43);
    ck_assert_int_eq(gidx_fetch_county_regions(codes, 100, &n, reg, "5001", 0), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "5001"));
    ck_assert_int_eq(gidx_fetch_county_regions(codes, 100, &n, NULL, "50", 0), GIDX_EINVAL);
    gidx_registry_free(reg);
}
END_TEST

START_TEST(test_client_options)
{
    gidx_fetch_client *c = (gidx_fetch_client *)&c;
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_stats st;
    o.version = 2;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EINVAL);
    ck_assert_ptr_null(c);
    o.version = 1;
    o.timeout = 0;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EINVAL);
    o.timeout = 5;
    o.offline = 1;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "cache"));
    o.offline = 0;
    o.max_cells = 0;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EINVAL);
    o.max_cells = 10;
    o.api = "ftp://x";
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EINVAL);
    o.api = NULL;
    o.cache_dir = "/proc/no/such/dir";
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_EIO);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(gidx_fetch_client_new(&c, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
    ck_assert_uint_eq(st.version, 1);
    ck_assert_uint_eq(st.requests, 0);
    ck_assert_int_eq(gidx_fetch_client_stats(NULL, c), GIDX_EINVAL);
    gidx_fetch_client_free(c);
    gidx_fetch_client_free(NULL);
}
END_TEST

/* ---- against the test server ---- */

START_TEST(test_recorded_and_cache)
{
    gidx_fetch_client *c = client("cache1", 0, 10.0), *off;
    gidx_fetch_query *q = NULL, *q2 = NULL;
    gidx_dataset *ds = NULL;
    gidx_fetch_stats st;
    const char *regions[] = { "5001", "4601" };
    double v;
    int flag;
    long before;
    char path[600], *side = NULL;
    FILE *f;
    ck_assert_int_eq(gidx_fetch_query_new(&q, "07459"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", regions, 2), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_years(q, 2022, 2022), GIDX_OK);
    before = server_count();
    ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_OK);
    ck_assert_int_eq(server_count(), before + 1);
    /* SSB's published figure for Trondheim, 1 January 2022 (table 07459) */
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5001", 2022, "Personer1"), GIDX_OK);
    ck_assert_double_eq(v, 210496.0);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "4601", 2022, "Personer1"), GIDX_OK);
    ck_assert_double_eq(v, 286930.0);
    ck_assert_str_eq(gidx_dataset_meta(ds, "updated"), "2022-02-24T07:00:00Z");
    ck_assert_str_eq(gidx_dataset_meta(ds, "cache"), "miss");
    ck_assert_str_eq(gidx_dataset_meta(ds, "table"), "07459");
    ck_assert_str_eq(gidx_dataset_meta(ds, "requests"), "1");
    ck_assert_uint_eq(strlen(gidx_dataset_meta(ds, "retrieved")), 20);   /* 2026-01-01T00:00:00Z */
    ck_assert_ptr_nonnull(strstr(gidx_dataset_meta(ds, "url"), "valueCodes[Region]=5001,4601"));
    /* the sidecar names the URL and the table's updated stamp */
    {
        char *url = NULL;
        size_t len;
        ck_assert_int_eq(gidx_fetch_query_url(&url, q, api), GIDX_OK);
        snprintf(path, sizeof path, "%s/cache1/%016llx.meta.json", tmpdir,
                 (unsigned long long)gidx__fetch_hash(url));
        gidx_free(url);
        f = fopen(path, "r");
        ck_assert_ptr_nonnull(f);
        side = calloc(1, 4096);
        len = fread(side, 1, 4095, f);
        fclose(f);
        ck_assert_uint_gt(len, 0);
        ck_assert_ptr_nonnull(strstr(side, "\"updated\": \"2022-02-24T07:00:00Z\""));
        /* the test server cuts its recorded answer to the 2 regions asked (980 bytes) */
        ck_assert_ptr_nonnull(strstr(side, "\"bytes\": 980"));
        free(side);
    }
    gidx_dataset_free(ds);
    /* second call: from the cache, no request */
    ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_OK);
    ck_assert_int_eq(server_count(), before + 1);
    ck_assert_str_eq(gidx_dataset_meta(ds, "cache"), "hit");
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5001", 2022, "Personer1"), GIDX_OK);
    ck_assert_double_eq(v, 210496.0);
    gidx_dataset_free(ds);
    ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
    ck_assert_uint_eq(st.requests, 1);
    ck_assert_uint_eq(st.cache_hits, 1);
    ck_assert_uint_eq(st.cache_writes, 1);
    ck_assert_uint_eq(st.bytes, 980);
    gidx_fetch_client_free(c);
    /* offline: the cached query works, another one fails clearly */
    off = client("cache1", 1, 1.0);
    ck_assert_int_eq(gidx_fetch_query_run(&ds, off, q, NULL), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_meta(ds, "cache"), "hit");
    gidx_dataset_free(ds);
    ck_assert_int_eq(gidx_fetch_query_new(&q2, "07459"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q2, "Region", regions, 1), GIDX_OK);
    ds = (gidx_dataset *)&ds;
    ck_assert_int_eq(gidx_fetch_query_run(&ds, off, q2, NULL), GIDX_ENOTFOUND);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "offline"));
    ck_assert_int_eq(server_count(), before + 1);
    gidx_fetch_client_free(off);
    /* refresh: asks again and rewrites the cache */
    {
        gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
        char dir[400];
        snprintf(dir, sizeof dir, "%s/cache1", tmpdir);
        o.api = api;
        o.cache_dir = dir;
        o.refresh = 1;
        ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_OK);
        ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_OK);
        ck_assert_str_eq(gidx_dataset_meta(ds, "cache"), "miss");
        ck_assert_int_eq(server_count(), before + 2);
        ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
        ck_assert_uint_eq(st.cache_writes, 1);
        gidx_dataset_free(ds);
        gidx_fetch_client_free(c);
    }
    gidx_fetch_query_free(q);
    gidx_fetch_query_free(q2);
}
END_TEST

START_TEST(test_recorded_national)
{
    /* SSB table 05300 (no Region dimension): the whole country as region "0" */
    gidx_fetch_client *c = client(NULL, 0, 10.0);
    gidx_fetch_query *q = NULL;
    gidx_dataset *ds = NULL;
    const char *kultur[] = { "*" };
    double v;
    int flag;
    ck_assert_int_eq(gidx_fetch_query_new(&q, "05300"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Kulturtilbud", kultur, 1), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_OK);
    /* 6 distances x 8 venues x 9 survey years, values from the recorded file */
    ck_assert_uint_eq(gidx_dataset_nyears(ds), 9);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 48);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "0", 1991, "01.01"), GIDX_OK);
    ck_assert_double_eq(v, 16.0);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "0", 1994, "01.01"), GIDX_OK);
    ck_assert_double_eq(v, 14.0);
    /* value 360 = distance 06, venue 01, 1991 has status ".." */
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "0", 1991, "06.01"), GIDX_OK);
    ck_assert_int_eq(flag, GIDX_FLAG_CONFIDENTIAL);
    ck_assert_str_eq(gidx_dataset_meta(ds, "updated"), "2022-05-24T06:00:00Z");
    gidx_dataset_free(ds);
    gidx_fetch_query_free(q);
    gidx_fetch_client_free(c);
}
END_TEST

START_TEST(test_split)
{
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_client *c = NULL;
    gidx_fetch_query *q = NULL;
    gidx_dataset *ds = NULL;
    gidx_fetch_stats st;
    const char *regions[] = { "5001", "4601", "5035", "9999" };
    const char *contents[] = { "A", "B" };
    double v;
    int flag;
    long before;
    o.api = api;
    o.max_cells = 4;   /* 4 regions x 2 contents x 2 years = 16 cells: 4 requests of one region */
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_new(&q, "SYNTH"), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", regions, 4), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "ContentsCode", contents, 2), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_years(q, 2020, 2021), GIDX_OK);
    before = server_count();
    ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_OK);
    ck_assert_int_eq(server_count(), before + 4);
    ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
    ck_assert_uint_eq(st.requests, 4);
    ck_assert_uint_eq(st.splits, 3);
    ck_assert_str_eq(gidx_dataset_meta(ds, "requests"), "4");
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 4);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 16);
    /* the server's formula: int(region) + (year - 2000) / 100, doubled for B */
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5001", 2021, "A"), GIDX_OK);
    ck_assert_double_eq_tol(v, 5001.21, 1e-9);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5035", 2020, "B"), GIDX_OK);
    ck_assert_double_eq_tol(v, 10070.40, 1e-9);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "9999", 2020, "A"), GIDX_OK);
    ck_assert_int_eq(flag, GIDX_FLAG_CONFIDENTIAL);
    ck_assert(isnan(v));
    gidx_dataset_free(ds);
    gidx_fetch_client_free(c);
    /* one region alone above the limit */
    o.max_cells = 3;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_OK);
    ds = (gidx_dataset *)&ds;
    ck_assert_int_eq(gidx_fetch_query_run(&ds, c, q, NULL), GIDX_ELIMIT);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "limit of 3"));
    gidx_fetch_client_free(c);
    gidx_fetch_query_free(q);
}
END_TEST

static gidx_status run_table(gidx_dataset **ds, gidx_fetch_client *c, const char *table,
                             const char *region)
{
    gidx_fetch_query *q = NULL;
    gidx_status rc;
    const char *regions[1];
    regions[0] = region;
    ck_assert_int_eq(gidx_fetch_query_new(&q, table), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_select(q, "Region", regions, 1), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_query_years(q, 2021, 2022), GIDX_OK);
    rc = gidx_fetch_query_run(ds, c, q, NULL);
    gidx_fetch_query_free(q);
    return rc;
}

START_TEST(test_errors)
{
    gidx_fetch_client *c = client("cache2", 0, 10.0);
    gidx_dataset *ds = NULL;
    gidx_fetch_stats st;
    /* 400 with the server's text */
    ck_assert_int_eq(run_table(&ds, c, "SYNTH", "12345"), GIDX_EINVAL);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "HTTP 400"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message,
                                 "Non-existent value '12345' for variable Region"));
    /* 404 with the server's text */
    ck_assert_int_eq(run_table(&ds, c, "NOPE", "5001"), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "No table with id NOPE"));
    /* 503 every time: 1 + 2 retries, then ENET */
    ck_assert_int_eq(run_table(&ds, c, "BUSY", "5001"), GIDX_ENET);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "HTTP 503 after 2 retries"));
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Service Unavailable"));
    /* truncated body */
    ck_assert_int_eq(run_table(&ds, c, "TRUNC", "5001"), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "truncated"));
    /* not JSON-stat */
    ck_assert_int_eq(run_table(&ds, c, "GARBAGE", "5001"), GIDX_EPARSE);
    ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
    ck_assert_uint_eq(st.requests, 1 + 1 + 3 + 1 + 1);
    ck_assert_uint_eq(st.retries, 2);
    ck_assert_uint_eq(st.cache_writes, 0);   /* failures are never cached */
    gidx_fetch_client_free(c);
}
END_TEST

START_TEST(test_retry_after)
{
    gidx_fetch_client *c = client(NULL, 0, 10.0);
    gidx_dataset *ds = NULL;
    gidx_fetch_stats st;
    struct timespec t0, t1;
    double v, dt;
    int flag;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(run_table(&ds, c, "RATE", "4624"), GIDX_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    dt = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    ck_assert_int_eq(gidx_fetch_client_stats(&st, c), GIDX_OK);
    ck_assert_uint_eq(st.requests, 2);
    ck_assert_uint_eq(st.retries, 1);
    /* Retry-After: 1 overrides the 0.01 s backoff */
    ck_assert_double_eq_tol(st.waited, 1.0, 1e-12);
    ck_assert(dt >= 1.0);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "4624", 2022, "A"), GIDX_OK);
    ck_assert_double_eq_tol(v, 4624.22, 1e-9);
    gidx_dataset_free(ds);
    gidx_fetch_client_free(c);
}
END_TEST

START_TEST(test_timeout)
{
    gidx_fetch_client *c = client(NULL, 0, 0.3);
    gidx_dataset *ds = NULL;
    ck_assert_int_eq(run_table(&ds, c, "SLOW", "5001"), GIDX_ENET);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "timed out"));
    gidx_fetch_client_free(c);
}
END_TEST

START_TEST(test_refused)
{
    gidx_fetch_options o = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_client *c = NULL;
    char *body = NULL;
    o.api = "http://127.0.0.1:1";   /* nothing listens on port 1 */
    o.connect_timeout = 2;
    ck_assert_int_eq(gidx_fetch_client_new(&c, &o), GIDX_OK);
    ck_assert_int_eq(gidx_fetch_client_get(&body, NULL, NULL, c, "http://127.0.0.1:1/x"), GIDX_ENET);
    ck_assert_ptr_null(body);
    ck_assert_int_eq(gidx_fetch_client_get(&body, NULL, NULL, NULL, "x"), GIDX_EINVAL);
    gidx_fetch_client_free(c);
}
END_TEST

typedef struct progress_log {
    size_t calls;
    char tables[4][16];
    size_t nvars[4];
} progress_log;

static void on_progress(void *user, size_t index, size_t ntables, const char *table, size_t nv)
{
    progress_log *p = user;
    ck_assert_uint_eq(ntables, 2);
    ck_assert_uint_eq(index, p->calls);
    snprintf(p->tables[index], 16, "%s", table);
    p->nvars[index] = nv;
    p->calls++;
}

START_TEST(test_plan)
{
    gidx_fetch_plan *plan = (gidx_fetch_plan *)&plan;
    gidx_fetch_client *c = client("cache3", 0, 10.0);
    gidx_dataset *ds = NULL;
    const char *regions[] = { "5001", "46" };
    char path[400];
    progress_log log;
    double v;
    int flag;
    size_t i;
    gidx_fetch_item *items;
    snprintf(path, sizeof path, "%s/fetch/catalog.json", data_dir());
    ck_assert_int_eq(gidx_fetch_plan_load(&plan, path), GIDX_OK);
    ck_assert_uint_eq(gidx_fetch_plan_size(plan), 3);   /* ghg_total has no fetch record */
    ck_assert_str_eq(gidx_fetch_plan_item(plan, 0)->variable, "population");
    ck_assert_str_eq(gidx_fetch_plan_item(plan, 0)->contents, "Personer1");
    ck_assert_ptr_null(gidx_fetch_plan_item(plan, 2)->filter);
    ck_assert_ptr_null(gidx_fetch_plan_item(plan, 3));
    memset(&log, 0, sizeof log);
    items = calloc(3, sizeof *items);
    for (i = 0; i < 3; i++)
        items[i] = *gidx_fetch_plan_item(plan, i);
    ck_assert_int_eq(gidx_fetch_plan_run(&ds, c, items, 3, regions, 2, "agg_KommSummer", 2021, 2022,
                                         on_progress, &log), GIDX_OK);
    ck_assert_uint_eq(log.calls, 2);
    ck_assert_str_eq(log.tables[0], "07459");
    ck_assert_uint_eq(log.nvars[0], 1);
    ck_assert_str_eq(log.tables[1], "SYNTH");
    ck_assert_uint_eq(log.nvars[1], 2);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5001", 2022, "population"), GIDX_OK);
    ck_assert_double_eq(v, 210496.0);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "46", 2021, "synth_b"), GIDX_OK);
    ck_assert_double_eq_tol(v, 2 * 46.21, 1e-9);
    ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "5001", 2022, "synth_a"), GIDX_OK);
    ck_assert_double_eq_tol(v, 5001.22, 1e-9);
    ck_assert_str_eq(gidx_dataset_meta(ds, "07459.updated"), "2022-02-24T07:00:00Z");
    ck_assert_str_eq(gidx_dataset_meta(ds, "SYNTH.updated"), "2025-03-14T07:00:00Z");
    ck_assert_str_eq(gidx_dataset_meta(ds, "tables"), "07459,SYNTH");
    ck_assert_ptr_nonnull(gidx_dataset_meta(ds, "SYNTH.retrieved"));
    ck_assert_ptr_nonnull(strstr(gidx_dataset_meta(ds, "SYNTH.url"),
                                 "codelist[Region]=agg_KommSummer"));
    ck_assert_ptr_nonnull(strstr(gidx_dataset_meta(ds, "07459.url"),
                                 "outputValues[Kjonn]=aggregated"));
    gidx_dataset_free(ds);
    /* bad plans */
    ds = (gidx_dataset *)&ds;
    items[1].variable = "population";
    ck_assert_int_eq(gidx_fetch_plan_run(&ds, c, items, 3, regions, 2, NULL, 2021, 2022, NULL, NULL),
                     GIDX_EDUPLICATE);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "population"));
    items[1].variable = "synth_a";
    items[1].contents = NULL;
    ck_assert_int_eq(gidx_fetch_plan_run(&ds, c, items, 3, regions, 2, NULL, 2021, 2022, NULL, NULL),
                     GIDX_EINVAL);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "synth_a"));
    ck_assert_int_eq(gidx_fetch_plan_run(&ds, c, items, 3, regions, 0, NULL, 2021, 2022, NULL, NULL),
                     GIDX_EINVAL);
    items[1].contents = "A";
    items[1].table = "NOPE";
    ck_assert_int_eq(gidx_fetch_plan_run(&ds, c, items, 3, regions, 2, NULL, 2021, 2022, NULL, NULL),
                     GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "No table with id NOPE"));
    free(items);
    gidx_fetch_plan_free(plan);
    gidx_fetch_plan_free(NULL);
    gidx_fetch_client_free(c);
}
END_TEST

START_TEST(test_plan_load_bad)
{
    gidx_fetch_plan *plan = (gidx_fetch_plan *)&plan;
    char path[400];
    FILE *f;
    snprintf(path, sizeof path, "%s/bad-plan.json", tmpdir);
    f = fopen(path, "w");
    fputs("{\"variables\": [{\"name\": \"x\", \"fetch\": {\"table\": \"1\"}}]}", f);
    fclose(f);
    ck_assert_int_eq(gidx_fetch_plan_load(&plan, path), GIDX_EPARSE);
    ck_assert_ptr_null(plan);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "variable 1 (x)"));
    f = fopen(path, "w");
    fputs("{\"variables\": [{\"name\": \"x\"}]}", f);
    fclose(f);
    ck_assert_int_eq(gidx_fetch_plan_load(&plan, path), GIDX_ENOTFOUND);
    f = fopen(path, "w");
    fputs("{\"variables\": [\n  {\"name\": }]}", f);
    fclose(f);
    ck_assert_int_eq(gidx_fetch_plan_load(&plan, path), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, ":2:"));
    snprintf(path, sizeof path, "%s/none.json", tmpdir);
    ck_assert_int_eq(gidx_fetch_plan_load(&plan, path), GIDX_EIO);
}
END_TEST

START_TEST(test_plan_default_and_categories)
{
    /* The default catalogue's records (data/catalog/default.json): population,
     * 17 SN2007 groups and their sum (13470), 7 consumer groups (14490), two
     * car variables (07849), county gdp (09391), unemployed and labour force
     * (13563). */
    gidx_fetch_plan *plan = NULL;
    const gidx_fetch_item *it;
    static const char bad[] =
        "{\"variables\": [{\"name\": \"x\", \"fetch\": {\"table\": \"13470\", "
        "\"contents\": \"A\", \"dimension\": \"NACE2007\"}}]}";
    static const char bad2[] =
        "{\"variables\": [{\"name\": \"x\", \"fetch\": {\"table\": \"13470\", "
        "\"contents\": \"A\", \"code\": \"10-33\"}}]}";
    ck_assert_int_eq(gidx_fetch_plan_default(&plan), GIDX_OK);
    ck_assert_uint_eq(gidx_fetch_plan_size(plan), 31);
    it = gidx_fetch_plan_item(plan, 0);
    ck_assert_str_eq(it->variable, "population");
    ck_assert_str_eq(it->table, "07459");
    gidx_fetch_plan_free(plan);
    plan = (gidx_fetch_plan *)&plan;
    /* a dimension needs exactly one of code, label, sum; a code needs a dimension */
    ck_assert_int_eq(gidx_fetch_plan_parse(&plan, bad, strlen(bad), "t"), GIDX_EPARSE);
    ck_assert_ptr_null(plan);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "variable 1 (x)"));
    ck_assert_int_eq(gidx_fetch_plan_parse(&plan, bad2, strlen(bad2), "t"), GIDX_EPARSE);
    ck_assert_int_eq(gidx_fetch_plan_parse(&plan, "{", 1, "t"), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "t:1:"));
}
END_TEST

static Suite *fetch_suite(void)
{
    Suite *s = suite_create("fetch");
    TCase *tc = tcase_create("query");
    tcase_add_test(tc, test_query_url);
    tcase_add_test(tc, test_query_encoding);
    tcase_add_test(tc, test_query_bad);
    tcase_add_test(tc, test_presets);
    tcase_add_test(tc, test_county);
    tcase_add_test(tc, test_client_options);
    tcase_add_test(tc, test_plan_default_and_categories);
    suite_add_tcase(s, tc);
    tc = tcase_create("server");
    tcase_add_unchecked_fixture(tc, server_start, server_stop);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_recorded_and_cache);
    tcase_add_test(tc, test_recorded_national);
    tcase_add_test(tc, test_split);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_retry_after);
    tcase_add_test(tc, test_timeout);
    tcase_add_test(tc, test_refused);
    tcase_add_test(tc, test_plan);
    tcase_add_test(tc, test_plan_load_bad);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(fetch_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
