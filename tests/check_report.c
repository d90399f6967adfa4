/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Report document: text, JSON and HTML renderings, SVG charts, escaping,
 * errors, atomic writing. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <greenidx/indicators.h>
#include <greenidx/greenidx.h>

typedef struct { char *s; size_t n; } gidx__test_buf;

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static gidx_report *sample(void)
{
    static const int oy[4] = { 2009, 2011, 2013, 2015 };
    static const double ov[4] = { 100, 95, NAN, 90 };
    static const int fy[2] = { 2016, 2017 };
    static const double fm[2] = { 88, 86 };
    static const double lv[2] = { 80, 95 };
    static const double lo[4] = { 84, 80, 82, 76 }, hi[4] = { 92, 92, 94, 96 };
    static const int ty[2] = { 2015, 2017 };
    static const double tv[2] = { 90, 70 };
    const char *hdr[2] = { "kommune", "utslipp" };
    const char *cells[4] = { "Bø & Sauherad", "1234.5", "Skien", "99" };
    const char *labels[3] = { "Skien", "Porsgrunn", "Nome" };
    double score[3] = { 61.2, 70.5, NAN }, rank[3] = { 2, 1, NAN };
    double rlo[3] = { 1, 1, NAN }, rhi[3] = { 3, 2, NAN };
    const char *rows[2] = { "Skien", "Nome" }, *cols[2] = { "ghg", "jobs" };
    double hv[4] = { 1, 2, NAN, 4 };
    int dir[2] = { -1, 1 };
    gidx_fan_chart fc = GIDX_FAN_CHART_INIT;
    gidx_report *r = NULL;
    ck_assert_int_eq(gidx_report_new(&r, "Roadmap <test>"), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_section(r, "status", "Status"), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_text(r, "Emissions \"fell\" <fast>."), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_table(r, "Table 1", 2, 2, hdr, cells), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_section(r, "forecast", "Forecasts"), GIDX_OK);
    fc.title = "ghg_total Skien";
    fc.unit = "t CO2e";
    fc.obs_years = oy; fc.obs = ov; fc.n_obs = 4;
    fc.fc_years = fy; fc.fc_mean = fm; fc.n_fc = 2;
    fc.levels = lv; fc.n_levels = 2; fc.fc_lo = lo; fc.fc_hi = hi;
    fc.target_years = ty; fc.target = tv; fc.n_target = 2;
    ck_assert_int_eq(gidx_report_add_fan_chart(r, &fc), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_ranking(r, "Index", 3, labels, score, rank, rlo, rhi), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_heatmap(r, "Heat", 2, 2, rows, cols, hv, dir), GIDX_OK);
    return r;
}

START_TEST(test_text)
{
    gidx_report *r = sample();
    char *s = NULL;
    size_t n = 0;
    ck_assert_int_eq(gidx_report_render(&s, &n, r, GIDX_REPORT_TEXT), GIDX_OK);
    ck_assert_uint_eq(n, strlen(s));
    ck_assert_ptr_nonnull(strstr(s, "Roadmap <test>\n=============="));
    /* Table aligned by characters, not bytes: "Bø & Sauherad" is 13 wide,
     * the header "utslipp" 7; numbers are right-aligned after a 2-space gap. */
    ck_assert_ptr_nonnull(strstr(s, "Bø & Sauherad   1234.5\n"));
    ck_assert_ptr_nonnull(strstr(s, "Skien               99\n"));
    ck_assert_ptr_nonnull(strstr(s, "last observed 2015 = 90; forecast 2017 = 86 [80 %: 80, 92] [95 %: 76, 96]; target 70"));
    ck_assert_ptr_nonnull(strstr(s, "rank interval 1-2"));
    gidx_free(s);
    gidx_report_free(r);
}
END_TEST

START_TEST(test_json)
{
    gidx_report *r = sample();
    char *s = NULL;
    json_error_t err;
    json_t *root, *secs, *fan, *rank;
    ck_assert_int_eq(gidx_report_render(&s, NULL, r, GIDX_REPORT_JSON), GIDX_OK);
    root = json_loads(s, 0, &err);
    ck_assert_msg(root != NULL, "invalid JSON: %s", err.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "title")), "Roadmap <test>");
    secs = json_object_get(root, "sections");
    ck_assert_uint_eq(json_array_size(secs), 2);
    fan = json_array_get(json_object_get(json_array_get(secs, 1), "blocks"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(fan, "type")), "fan_chart");
    /* The missing 2013 observation is null, not a made-up number. */
    ck_assert(json_is_null(json_object_get(json_array_get(json_object_get(fan, "observed"), 2), "value")));
    ck_assert_double_eq(json_real_value(json_array_get(json_object_get(json_object_get(
        json_array_get(json_object_get(fan, "forecast"), 1), "intervals"), "95"), 1)), 96.0);
    rank = json_array_get(json_object_get(json_array_get(secs, 1), "blocks"), 1);
    /* issue 17: the ranking is kept in rank order (Porsgrunn 1, Skien 2, Nome unranked last) */
    ck_assert_double_eq(json_real_value(json_object_get(json_array_get(json_object_get(rank, "items"), 0),
                                                        "score")), 70.5);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(rank, "items"), 0),
                                                       "label")), "Porsgrunn");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(rank, "items"), 1),
                                                       "label")), "Skien");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(rank, "items"), 2),
                                                       "label")), "Nome");
    json_decref(root);
    gidx_free(s);
    gidx_report_free(r);
}
END_TEST

START_TEST(test_html)
{
    gidx_report *r = sample();
    char *s = NULL;
    ck_assert_int_eq(gidx_report_render(&s, NULL, r, GIDX_REPORT_HTML), GIDX_OK);
    ck_assert_int_eq(strncmp(s, "<!DOCTYPE html>", 15), 0);
    ck_assert_uint_eq(count(s, "<svg "), 3);                 /* fan, ranking, heatmap */
    ck_assert_uint_eq(count(s, "<polygon class=\"band\""), 2); /* two interval bands */
    ck_assert_uint_eq(count(s, "class=\"tg\""), 1);           /* the target path */
    ck_assert_ptr_null(strstr(s, "<script"));
    ck_assert_ptr_null(strstr(s, "src="));
    ck_assert_ptr_null(strstr(s, "@import"));
    /* Every external-looking reference is the SVG namespace only. */
    ck_assert_uint_eq(count(s, "http"), count(s, "xmlns=\"http://www.w3.org/2000/svg\""));
    ck_assert_ptr_nonnull(strstr(s, "Emissions &quot;fell&quot; &lt;fast&gt;."));
    ck_assert_ptr_nonnull(strstr(s, "<td>Bø &amp; Sauherad</td><td class=\"n\">1234.5</td>"));
    ck_assert_ptr_nonnull(strstr(s, "fill=\"url(#gidx-na)\""));  /* missing heatmap cell */
    gidx_free(s);
    gidx_report_free(r);
}
END_TEST

START_TEST(test_errors)
{
    gidx_report *r = NULL;
    gidx_fan_chart fc = GIDX_FAN_CHART_INIT;
    double lv[2] = { 95, 80 }, m[1] = { 1 };
    int y[1] = { 2020 };
    char *s = (char *)1;
    ck_assert_int_eq(gidx_report_new(&r, NULL), GIDX_EINVAL);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(gidx_report_new(&r, "t"), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_section(r, "bad id", "x"), GIDX_EINVAL);
    ck_assert_int_eq(gidx_report_add_section(r, "a", "x"), GIDX_OK);
    ck_assert_int_eq(gidx_report_add_section(r, "a", "y"), GIDX_EDUPLICATE);
    ck_assert_int_eq(gidx_report_add_fan_chart(r, &fc), GIDX_EINVAL);  /* no data */
    fc.fc_years = y; fc.fc_mean = m; fc.n_fc = 1;
    fc.levels = lv; fc.n_levels = 2; fc.fc_lo = m; fc.fc_hi = m;
    ck_assert_int_eq(gidx_report_add_fan_chart(r, &fc), GIDX_EINVAL);  /* levels not ascending */
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "ascending"));
    fc.version = 2;
    ck_assert_int_eq(gidx_svg_fan_chart(&s, &fc), GIDX_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(gidx_report_render(&s, NULL, r, 7), GIDX_EINVAL);
    ck_assert_int_eq(gidx_report_add_table(r, NULL, 1, 0, NULL, NULL), GIDX_EINVAL);
    gidx_report_free(r);
    gidx_report_free(NULL);
    gidx_free(NULL);
}
END_TEST

START_TEST(test_write_atomic)
{
    gidx_report *r = sample();
    char path[] = "/tmp/gidx-report-XXXXXX";
    char file[64];
    ck_assert_ptr_nonnull(mkdtemp(path));
    snprintf(file, sizeof file, "%s/r.html", path);
    ck_assert_int_eq(gidx_report_write(r, file, GIDX_REPORT_HTML), GIDX_OK);
    ck_assert_int_eq(access(file, R_OK), 0);
    unlink(file);
    snprintf(file, sizeof file, "%s/missing/r.html", path);
    ck_assert_int_eq(gidx_report_write(r, file, GIDX_REPORT_HTML), GIDX_EIO);
    ck_assert_int_eq(access(file, F_OK), -1);
    rmdir(path);
    gidx_report_free(r);
}
END_TEST

START_TEST(test_svg_standalone)
{
    const char *labels[2] = { "A", "B" }, *cols[1] = { "x" };
    double score[2] = { 1, 2 }, rank[2] = { 2, 1 }, v[2] = { 3, 4 };
    char *s = NULL;
    ck_assert_int_eq(gidx_svg_ranking(&s, "r", 2, labels, score, rank, NULL, NULL), GIDX_OK);
    ck_assert_int_eq(strncmp(s, "<svg ", 5), 0);
    /* Sorted by rank: B (rank 1) is drawn before A. */
    ck_assert(strstr(s, ">B</text>") < strstr(s, ">A</text>"));
    gidx_free(s);
    ck_assert_int_eq(gidx_svg_heatmap(&s, "h", 2, 1, labels, cols, v, NULL), GIDX_OK);
    ck_assert_uint_eq(count(s, "<rect x="), 2);
    gidx_free(s);
    ck_assert_int_eq(gidx_svg_ranking(&s, "r", 0, labels, score, rank, NULL, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_svg_ranking(&s, "r", 2, labels, score, rank, score, NULL), GIDX_EINVAL);
    /* waterfall: start, two steps (one up, one down), end */
    {
        const char *steps_l[2] = { "up", "down" };
        double steps[2] = { 30, -50 }, bad[2] = { 30, NAN };
        gidx_report *r = NULL;
        char *txt = NULL;
        ck_assert_int_eq(gidx_svg_waterfall(&s, "w", "t", "2016", 100, "2024", steps_l, steps, 2),
                         GIDX_OK);
        ck_assert_uint_eq(count(s, "<rect class=\"lv\""), 2);
        ck_assert_uint_eq(count(s, "<rect class=\"up\""), 1);
        ck_assert_uint_eq(count(s, "<rect class=\"dn\""), 1);
        ck_assert_ptr_nonnull(strstr(s, ">+30</text>"));
        ck_assert_ptr_nonnull(strstr(s, ">80</text>"));   /* the end bar: 100 + 30 - 50 */
        gidx_free(s);
        ck_assert_int_eq(gidx_svg_waterfall(&s, "w", "t", "a", 100, "b", steps_l, bad, 2), GIDX_EDATA);
        ck_assert_int_eq(gidx_svg_waterfall(&s, "w", "t", "a", 100, "b", steps_l, steps, 0), GIDX_EINVAL);
        ck_assert_int_eq(gidx_report_new(&r, "t"), GIDX_OK);
        ck_assert_int_eq(gidx_report_add_waterfall(r, "w", "t", "2016", 100, "2024", steps_l, steps, 2),
                         GIDX_OK);
        ck_assert_int_eq(gidx_report_render(&txt, NULL, r, GIDX_REPORT_TEXT), GIDX_OK);
        ck_assert_ptr_nonnull(strstr(txt, "2024") );
        ck_assert_ptr_nonnull(strstr(txt, "80.0"));
        gidx_free(txt);
        ck_assert_int_eq(gidx_report_render(&txt, NULL, r, GIDX_REPORT_JSON), GIDX_OK);
        ck_assert_ptr_nonnull(strstr(txt, "\"type\": \"waterfall\""));
        gidx_free(txt);
        gidx_report_free(r);
    }
}
END_TEST


START_TEST(test_scenario_file)
{
    char path[512];
    gidx_scenario *s = NULL;
    int years[6] = { 2025, 2026, 2027, 2028, 2029, 2030 };
    double e[6];
    const char *dir = getenv("GIDX_TEST_DATA");
    snprintf(path, sizeof path, "%s/report/scenario.json", dir ? dir : "tests/data");
    ck_assert_msg(gidx_scenario_load(&s, path) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_str_eq(gidx_scenario_name(s), "Grønn omstilling Telemark");
    ck_assert_uint_eq(gidx_scenario_ninstruments(s), 2);
    ck_assert_str_eq(gidx_scenario_instrument_indicator(s, 0), "ghg_road_per_capita");
    ck_assert_int_eq(gidx_scenario_instrument_relative(s, 0), 1);
    ck_assert_int_eq(gidx_scenario_instrument_applies(s, 0, "4003"), 1);
    ck_assert_int_eq(gidx_scenario_instrument_applies(s, 0, "4005"), 0);
    ck_assert_int_eq(gidx_scenario_instrument_applies(s, 1, "4005"), 1);
    /* Given path: 0 before 2026, then -2 %, -5 %, -8 %, and -8 % persists. */
    ck_assert_int_eq(gidx_scenario_effect_path(e, 6, s, 0, years, 6), GIDX_OK);
    ck_assert_double_eq(e[0], 0.0);
    ck_assert_double_eq(e[1], -0.02);
    ck_assert_double_eq(e[3], -0.08);
    ck_assert_double_eq(e[5], -0.08);
    /* From the estimator result: event times >= 0 from 2027 on. */
    ck_assert_int_eq(gidx_scenario_effect_path(e, 6, s, 1, years, 6), GIDX_OK);
    ck_assert_double_eq(e[1], 0.0);
    ck_assert_double_eq(e[2], -0.0199);
    ck_assert_double_eq(e[5], -0.1008);
    ck_assert_ptr_nonnull(strstr(gidx_scenario_instrument_source(s, 1), "effect_result.json"));
    ck_assert_int_eq(gidx_scenario_effect_path(e, 3, s, 1, years, 6), GIDX_EBUFS);
    ck_assert_int_eq(gidx_scenario_has_ripple(s), 1);
    ck_assert_int_eq(gidx_scenario_ripple_type(s), 2);
    ck_assert_uint_eq(gidx_scenario_ripple_nshocks(s), 1);
    ck_assert_str_eq(gidx_scenario_ripple_sector(s, 0), "Manufacturing");
    ck_assert_double_eq(gidx_scenario_ripple_amount(s, 0), 500.0);
    gidx_scenario_free(s);
    gidx_scenario_free(NULL);
}
END_TEST

START_TEST(test_scenario_errors)
{
    gidx_scenario *s = (gidx_scenario *)1;
    const char *bad1 = "{\"name\": \"x\", \"instruments\": [{\"name\": \"a\", \"indicator\": \"b\","
                       " \"effect\": {\"per_year\": [1]}}]}";
    const char *bad2 = "{\"name\": \"x\",\n \"instruments\": [}";
    const char *bad3 = "{\"name\": \"x\"}";
    const char *bad4 = "{\"name\": \"x\", \"name\": \"y\", \"instruments\": []}";
    ck_assert_int_eq(gidx_scenario_parse(&s, bad1, strlen(bad1), "s.json"), GIDX_EDATA);
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "s.json: instruments[0].start_year"));
    ck_assert_int_eq(gidx_scenario_parse(&s, bad2, strlen(bad2), "s.json"), GIDX_EPARSE);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "s.json:2:"));
    ck_assert_int_eq(gidx_scenario_parse(&s, bad3, strlen(bad3), "s.json"), GIDX_EDATA);
    ck_assert_int_eq(gidx_scenario_parse(&s, bad4, strlen(bad4), "s.json"), GIDX_EPARSE);
    ck_assert_int_eq(gidx_scenario_load(&s, "/nonexistent/s.json"), GIDX_EIO);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "/nonexistent/s.json"));
}
END_TEST


/* The roadmap on the embedded Telemark data: every section, a ranking of the
 * 17 municipalities that is a permutation of 1..17 with each nominal rank
 * inside its rank interval, one fan chart per region, probabilities in [0, 1],
 * and the ripple totals of the scenario equal to Miller & Blair's type I
 * output multiplier for the shocked sector (1.452145 x 500, see
 * tests/check_ripple.c) plus induced effects. */
/* The roadmap's inputs: the embedded data, the built-in catalogue and the
 * test scenario (tests/data/report/scenario.json). */
static void roadmap_inputs(gidx_dataset **ds, gidx_catalog **cat, gidx_scenario **sc)
{
    char path[512];
    const char *dir = getenv("GIDX_TEST_DATA");
    snprintf(path, sizeof path, "%s/report/scenario.json", dir ? dir : "tests/data");
    ck_assert_int_eq(gidx_dataset_load_default(ds), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_default(cat), GIDX_OK);
    ck_assert_msg(gidx_scenario_load(sc, path) == GIDX_OK, "%s", gidx_error_last()->message);
}

START_TEST(test_roadmap_default)
{
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_scenario *sc = NULL;
    gidx_report *r = NULL;
    gidx_roadmap_options opt = GIDX_ROADMAP_OPTIONS_INIT;
    char *json = NULL;
    json_error_t err;
    json_t *root, *sec, *items;
    size_t i, j, nfan = 0;
    int seen[18] = { 0 };
    roadmap_inputs(&ds, &cat, &sc);
    opt.scenario = sc;
    opt.mc = 200;
    ck_assert_msg(gidx_roadmap_run(&r, ds, cat, &opt) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_int_eq(gidx_report_render(&json, NULL, r, GIDX_REPORT_JSON), GIDX_OK);
    root = json_loads(json, 0, &err);
    ck_assert_ptr_nonnull(root);
    sec = json_object_get(root, "sections");
    {
        const char *ids[9] = { "summary", "validation", "index", "benchmark", "forecasts",
                               "drivers", "scenario", "methods", "validation-findings" };
        ck_assert_uint_eq(json_array_size(sec), 9);
        for (i = 0; i < 9; i++)
            ck_assert_str_eq(json_string_value(json_object_get(json_array_get(sec, i), "id")), ids[i]);
    }
    /* drivers section: one waterfall per region whose steps (the LMDI
     * effects) lead from the first to the last emissions exactly (perfect
     * decomposition; 1e-9 relative to the level) */
    {
        json_t *blocks = json_object_get(json_array_get(sec, 5), "blocks");
        size_t nw = 0, ntapio = 0;
        for (j = 0; j < json_array_size(blocks); j++) {
            json_t *b = json_array_get(blocks, j);
            const char *type = json_string_value(json_object_get(b, "type"));
            if (strcmp(type, "waterfall") == 0) {
                json_t *st = json_object_get(b, "steps");
                double v = json_real_value(json_object_get(json_object_get(b, "start"), "value"));
                double end = json_real_value(json_object_get(json_object_get(b, "end"), "value"));
                double sum = v;
                size_t k;
                ck_assert_uint_eq(json_array_size(st), 4);
                for (k = 0; k < 4; k++)
                    sum += json_real_value(json_object_get(json_array_get(st, k), "value"));
                ck_assert_double_eq_tol(sum, end, 1e-9 * v);
                nw++;
            } else if (strcmp(type, "table") == 0 &&
                       strstr(json_string_value(json_object_get(b, "caption")), "Tapio") != NULL) {
                ntapio++;
            }
        }
        ck_assert_uint_eq(nw, 18);       /* 17 municipalities and the county */
        ck_assert_uint_eq(ntapio, 18);
    }
    /* index section: the ranking block */
    items = NULL;
    for (j = 0; j < json_array_size(json_object_get(json_array_get(sec, 2), "blocks")); j++) {
        json_t *b = json_array_get(json_object_get(json_array_get(sec, 2), "blocks"), j);
        if (strcmp(json_string_value(json_object_get(b, "type")), "ranking") == 0)
            items = json_object_get(b, "items");
    }
    ck_assert_ptr_nonnull(items);
    ck_assert_uint_eq(json_array_size(items), 17);
    for (i = 0; i < 17; i++) {
        json_t *it = json_array_get(items, i);
        double rank = json_real_value(json_object_get(it, "rank"));
        double lo = json_real_value(json_object_get(it, "rank_lo"));
        double hi = json_real_value(json_object_get(it, "rank_hi"));
        double score = json_real_value(json_object_get(it, "score"));
        ck_assert(rank >= 1 && rank <= 17 && rank == floor(rank));
        seen[(int)rank]++;
        ck_assert(lo >= 1 && hi <= 17 && lo <= hi);
        ck_assert(score >= 0 && score <= 100);
    }
    for (i = 1; i <= 17; i++)
        ck_assert_int_eq(seen[i], 1);
    /* forecasts: one fan chart per region (17 municipalities + Telemark) ending in 2030 */
    for (j = 0; j < json_array_size(json_object_get(json_array_get(sec, 4), "blocks")); j++) {
        json_t *b = json_array_get(json_object_get(json_array_get(sec, 4), "blocks"), j);
        if (strcmp(json_string_value(json_object_get(b, "type")), "fan_chart") == 0) {
            json_t *fc = json_object_get(b, "forecast");
            json_t *last = json_array_get(fc, json_array_size(fc) - 1);
            json_t *iv = json_object_get(json_object_get(last, "intervals"), "80");
            json_t *iv95 = json_object_get(json_object_get(last, "intervals"), "95");
            double m = json_real_value(json_object_get(last, "mean"));
            ck_assert_int_eq(json_integer_value(json_object_get(last, "year")), 2030);
            /* nested intervals around the mean */
            ck_assert(json_real_value(json_array_get(iv95, 0)) <= json_real_value(json_array_get(iv, 0)));
            ck_assert(json_real_value(json_array_get(iv, 0)) <= m && m <= json_real_value(json_array_get(iv, 1)));
            ck_assert(json_real_value(json_array_get(iv, 1)) <= json_real_value(json_array_get(iv95, 1)));
            ck_assert_uint_gt(json_array_size(json_object_get(b, "target")), 0);
            nfan++;
        }
    }
    ck_assert_uint_eq(nfan, 18);
    /* scenario: the ripple table's type I output total = 500 x 1.452145 */
    {
        json_t *blocks = json_object_get(json_array_get(sec, 6), "blocks"), *rows = NULL;
        for (j = 0; j < json_array_size(blocks); j++) {
            json_t *b = json_array_get(blocks, j);
            const char *cap = json_string_value(json_object_get(b, "caption"));
            if (cap && strncmp(cap, "Ripple effects", 14) == 0)
                rows = json_object_get(b, "rows");
        }
        ck_assert_ptr_nonnull(rows);
        {
            json_t *out = json_array_get(rows, 0);
            double direct = atof(json_string_value(json_array_get(out, 1)));
            double indirect = atof(json_string_value(json_array_get(out, 2)));
            ck_assert_str_eq(json_string_value(json_array_get(out, 0)), "output");
            /* printed with one decimal: tolerance 0.1 */
            ck_assert_double_eq_tol(direct + indirect, 500 * 1.452145, 0.1);
        }
    }
    json_decref(root);
    gidx_free(json);
    gidx_report_free(r);
    gidx_scenario_free(sc);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

/* The roadmap's ripple section on SSB's table for Norway, regionalised for
 * Skien, fed by an instrument's demand (RF 100) and the scenario's own shock
 * (Industri 20): the table's direct output is their sum, its total is what
 * the ripple API gives for the same shock, and the chart of effects by
 * industry leads with construction (RF). */
START_TEST(test_roadmap_norway_ripple)
{
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_scenario *sc = NULL;
    gidx_report *r = NULL;
    gidx_roadmap_options opt = GIDX_ROADMAP_OPTIONS_INIT;
    gidx_io_model *nat = NULL, *reg = NULL;
    gidx_io_result *res = NULL;
    gidx_io_shock_options so = GIDX_IO_SHOCK_OPTIONS_INIT;
    const char *regions[1] = { "Skien" };
    char *json = NULL, *svg = NULL, path[512];
    double df[62] = { 0 }, tot = 0;
    json_t *root, *sec, *blocks, *rows = NULL, *bars = NULL;
    size_t j;
    int text_ok = 0;
    const char *dir = getenv("GIDX_TEST_DATA");
    snprintf(path, sizeof path, "%s/report/scenario_norway.json", dir ? dir : "tests/data");
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_msg(gidx_scenario_load(&sc, path) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_ptr_null(gidx_scenario_ripple_io(sc));
    ck_assert_str_eq(gidx_scenario_ripple_region(sc), "Skien");
    ck_assert_uint_eq(gidx_scenario_ripple_nshocks(sc), 2);
    ck_assert_str_eq(gidx_scenario_ripple_origin(sc, 1), "School building programme");
    opt.scenario = sc;
    opt.regions = regions;
    opt.nregions = 1;
    opt.mc = 20;
    ck_assert_msg(gidx_roadmap_run(&r, ds, cat, &opt) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_int_eq(gidx_report_render(&json, NULL, r, GIDX_REPORT_JSON), GIDX_OK);
    root = json_loads(json, 0, NULL);
    ck_assert_ptr_nonnull(root);
    sec = json_object_get(root, "sections");
    for (j = 0; j < json_array_size(sec); j++)
        if (strcmp(json_string_value(json_object_get(json_array_get(sec, j), "id")), "scenario") == 0)
            break;
    ck_assert_uint_lt(j, json_array_size(sec));
    blocks = json_object_get(json_array_get(sec, j), "blocks");
    for (j = 0; j < json_array_size(blocks); j++) {
        json_t *b = json_array_get(blocks, j);
        const char *type = json_string_value(json_object_get(b, "type"));
        const char *cap = json_string_value(json_object_get(b, "caption"));
        const char *txt = json_string_value(json_object_get(b, "text"));
        if (cap && strncmp(cap, "Ripple effects", 14) == 0)
            rows = json_object_get(b, "rows");
        if (type && strcmp(type, "bars") == 0)
            bars = b;
        if (txt && strstr(txt, "School building programme") && strstr(txt, "Skien") && strstr(txt, "13470"))
            text_ok = 1;
    }
    ck_assert(text_ok);
    ck_assert_ptr_nonnull(rows);
    ck_assert_ptr_nonnull(bars);
    /* the same shock through the ripple API */
    ck_assert_int_eq(gidx_io_model_norway(&nat, 0), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_regionalise_dataset(&reg, NULL, nat, ds, "Skien", NULL), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, 62, reg, "RF", 100, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    ck_assert_int_eq(gidx_io_model_shock_add(df, 62, reg, "Industri", 20, GIDX_IO_UNIT_CURRENCY), GIDX_OK);
    so.type = 2;
    ck_assert_int_eq(gidx_io_shock(&res, reg, df, 62, &so), GIDX_OK);
    ck_assert_int_eq(gidx_io_result_path(&tot, 1, res, GIDX_IO_OUTPUT, GIDX_IO_TOTAL), GIDX_OK);
    {
        json_t *out = json_array_get(rows, 0);
        ck_assert_str_eq(json_string_value(json_array_get(out, 0)), "output");
        /* printed with one decimal (values >= 100): tolerance 0.05 */
        ck_assert_double_eq_tol(atof(json_string_value(json_array_get(out, 1))), 120, 0.05);
        ck_assert_double_eq_tol(atof(json_string_value(json_array_get(out, 4))), tot, 0.05);
    }
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(bars, "bars"), 0), "label")),
                     "RF Constructions and ...");
    ck_assert_uint_le(json_array_size(json_object_get(bars, "bars")), 12);
    ck_assert_uint_eq(json_array_size(json_object_get(bars, "parts")), 3);
    gidx_free(json);
    ck_assert_int_eq(gidx_report_render(&json, NULL, r, GIDX_REPORT_HTML), GIDX_OK);
    ck_assert_ptr_nonnull(strstr(json, "gidx-bars"));
    /* the standalone chart and its errors */
    {
        const char *lab[2] = { "RF", "R10_12" }, *parts[3] = { "direct", "indirect", "induced" };
        double v[6] = { 100, 30, 5, 0, 4, -1 };
        ck_assert_int_eq(gidx_svg_bars(&svg, "t", "NOK million", 2, 3, lab, parts, v), GIDX_OK);
        ck_assert_ptr_nonnull(strstr(svg, "<svg"));
        ck_assert_ptr_nonnull(strstr(svg, "R10_12"));
        gidx_free(svg);
        ck_assert_int_eq(gidx_svg_bars(&svg, "t", NULL, 0, 3, lab, parts, v), GIDX_EINVAL);
        ck_assert_ptr_null(svg);
    }
    gidx_io_result_free(res);
    gidx_io_model_free(reg);
    gidx_io_model_free(nat);
    json_decref(root);
    gidx_free(json);
    gidx_report_free(r);
    gidx_scenario_free(sc);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST


/* The conversions of a printf format ("%d", "%s", "%zu", "%lu", "%%"), in order. */
static void conversions(char *out, size_t cap, const char *fmt)
{
    size_t k = 0;
    /* a '%' not followed by a conversion is a plain percent sign (strings
     * that are not formats, e.g. "5-95 % rank intervals") */
    for (; *fmt && k + 4 < cap; fmt++)
        if (*fmt == '%') {
            const char *c = fmt + 1;
            while (*c == 'z' || *c == 'l')
                c++;
            if (*c && strchr("dsufg%", *c) != NULL) {
                while (fmt < c && k + 2 < cap)
                    out[k++] = *fmt++;
                out[k++] = *c;
            }
        }
    out[k] = '\0';
}

/* 1 when @p word occurs in @p text as a whole word: letters, digits and '_'
 * around it, a '/' before it (a path such as docs/forecast.md) or a "--"
 * before it (a command-line option such as --target or --source, which stays
 * as it is in every language) do not count as a boundary; case-sensitive. */
static int has_word(const char *text, const char *word)
{
    const char *p = text;
    size_t n = strlen(word);
    while ((p = strstr(p, word)) != NULL) {
        unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
        unsigned char after = (unsigned char)p[n];
        int wb = !(before >= 0x80 || before == '_' || before == '/' || (before >= '0' && before <= '9') ||
                   ((before | 0x20) >= 'a' && (before | 0x20) <= 'z') ||
                   (before == '-' && p - text >= 2 && p[-2] == '-'));
        int wa = !(after >= 0x80 || after == '_' || (after >= '0' && after <= '9') ||
                   ((after | 0x20) >= 'a' && (after | 0x20) <= 'z'));
        if (wb && wa)
            return 1;
        p += n;
    }
    return 0;
}

/* Prose of a JSON report: titles, captions, texts, column names, cells and labels. */
static void json_prose(gidx__test_buf *b, json_t *v, const char *key)
{
    size_t i;
    const char *k;
    json_t *x;
    if (json_is_string(v)) {
        if (key == NULL || strcmp(key, "title") == 0 || strcmp(key, "caption") == 0 ||
            strcmp(key, "text") == 0 || strcmp(key, "columns") == 0 || strcmp(key, "rows") == 0 ||
            strcmp(key, "label") == 0 || strcmp(key, "unit") == 0) {
            size_t n = strlen(json_string_value(v));
            b->s = realloc(b->s, b->n + n + 2);
            memcpy(b->s + b->n, json_string_value(v), n);
            b->n += n;
            b->s[b->n++] = '\n';
            b->s[b->n] = '\0';
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            json_prose(b, x, key);
    } else if (json_is_object(v)) {
        json_object_foreach(v, k, x)
            json_prose(b, x, k);
    }
}

/* Issue 15: `--lang nb` output holds none of the English fixed strings of
 * the translation table, in text, JSON prose and HTML (markup removed), and
 * every bokmål format string keeps the English one's conversions. */
START_TEST(test_lang_nb_no_english)
{
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_scenario *sc = NULL;
    gidx_report *r = NULL;
    gidx_roadmap_options opt = GIDX_ROADMAP_OPTIONS_INIT;
    char *out[3] = { NULL, NULL, NULL }, *p, *q;
    size_t i, f, nchecked = 0;
    gidx__test_buf jb = { NULL, 0 };
    json_error_t err;
    json_t *root;
    for (i = 0; i < gidx_lang_nstrings(); i++) {
        char ce[64], cn[64];
        conversions(ce, sizeof ce, gidx_lang_string(i, "en"));
        conversions(cn, sizeof cn, gidx_lang_string(i, "nb"));
        ck_assert_msg(strcmp(ce, cn) == 0, "string %zu \"%s\": conversions %s in en, %s in nb", i,
                      gidx_lang_string(i, "en"), ce, cn);
        ck_assert_str_eq(gidx_lang_text("nb", gidx_lang_string(i, "en")), gidx_lang_string(i, "nb"));
    }
    ck_assert_ptr_null(gidx_lang_string(gidx_lang_nstrings(), "nb"));
    ck_assert_ptr_null(gidx_lang_string(0, "de"));
    ck_assert_str_eq(gidx_lang_text("nb", "Summary"), "Sammendrag");
    ck_assert_str_eq(gidx_lang_text("en", "Summary"), "Summary");
    roadmap_inputs(&ds, &cat, &sc);
    opt.scenario = sc;
    opt.mc = 50;
    ck_assert_int_eq(gidx_roadmap_run_lang(&r, ds, cat, &opt, "de"), GIDX_EINVAL);
    ck_assert_msg(gidx_roadmap_run_lang(&r, ds, cat, &opt, "nb") == GIDX_OK, "%s",
                  gidx_error_last()->message);
    ck_assert_str_eq(gidx_report_lang(r), "nb");
    for (f = 0; f < 3; f++)
        ck_assert_int_eq(gidx_report_render(&out[f], NULL, r, (int)f), GIDX_OK);
    /* JSON: its prose only (keys and block types are identifiers) */
    root = json_loads(out[GIDX_REPORT_JSON], 0, &err);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(root, "lang")), "nb");
    json_prose(&jb, json_object_get(root, "title"), "title");
    json_prose(&jb, json_object_get(root, "sections"), NULL);
    json_decref(root);
    gidx_free(out[GIDX_REPORT_JSON]);
    out[GIDX_REPORT_JSON] = jb.s;
    /* HTML: the text between the tags */
    for (p = q = out[GIDX_REPORT_HTML]; *p; p++) {
        if (*p == '<') {
            while (*p && *p != '>')
                p++;
            *q++ = ' ';
            if (!*p)
                break;
            continue;
        }
        *q++ = *p;
    }
    *q = '\0';
    ck_assert_ptr_nonnull(strstr(out[GIDX_REPORT_TEXT], "Veikart for grønn konkurransekraft"));
    ck_assert_ptr_nonnull(strstr(out[GIDX_REPORT_HTML], "Status mot målet for 2030"));
    ck_assert_ptr_nonnull(strstr(out[GIDX_REPORT_JSON], "Klimagassutslipp"));
    for (i = 0; i < gidx_lang_nstrings(); i++) {
        const char *en = gidx_lang_string(i, "en");
        char frag[1024];
        const char *a = en;
        if (strcmp(en, gidx_lang_string(i, "nb")) == 0)
            continue;   /* the same word in both languages ("region", "status") */
        /* each literal run between conversions, trimmed, with a letter in it */
        while (*a) {
            size_t n = 0;
            while (*a && *a != '%' && n + 1 < sizeof frag)
                frag[n++] = *a++;
            frag[n] = '\0';
            if (*a == '%') {
                a++;
                while (*a == 'z' || *a == 'l')
                    a++;
                if (*a)
                    a++;
            }
            {
                char *s0 = frag, *e;
                int letters = 0;
                while (*s0 == ' ' || *s0 == '.' || *s0 == ';' || *s0 == ':' || *s0 == ',' || *s0 == '(')
                    s0++;
                e = s0 + strlen(s0);
                while (e > s0 && (e[-1] == ' ' || e[-1] == '.' || e[-1] == ';' || e[-1] == ':' ||
                                  e[-1] == ',' || e[-1] == '(' || e[-1] == '='))
                    *--e = '\0';
                for (e = s0; *e; e++)
                    letters += ((*e | 0x20) >= 'a' && (*e | 0x20) <= 'z');
                if (letters < 3)
                    continue;
                for (f = 0; f < 3; f++)
                    ck_assert_msg(!has_word(out[f], s0), "English fixed text \"%s\" (string %zu) in "
                                  "the %s rendering of the bokmål report", s0, i,
                                  f == 0 ? "text" : f == 1 ? "JSON" : "HTML");
                nchecked++;
            }
        }
    }
    ck_assert_uint_gt(nchecked, 100);
    for (f = 0; f < 3; f++)
        free(out[f]);
    gidx_report_free(r);
    gidx_scenario_free(sc);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

/* Workbooks written with libxlsxwriter read back with the library's own xlsx
 * reader (include/greenidx/xlsx.h): typed cells, units in the header, empty
 * missing cells, neutralised formula-like text, valid sheet names; and the
 * indicator panel's sheet holds gidx_panel_get()'s values exactly. */
START_TEST(test_workbook_own_reader)
{
    gidx_workbook *wb = NULL;
    gidx_xlsx *x = NULL;
    gidx_xlsx_sheet *sh = NULL;
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_panel *p = NULL;
    const char *hdr[4] = { "region", "year", "value", "count" };
    const char *units[4] = { NULL, NULL, "t CO2e", "" };
    const int types[4] = { GIDX_CELL_TEXT, GIDX_CELL_YEAR, GIDX_CELL_NUMBER, GIDX_CELL_INTEGER };
    const char *r1[4] = { "Skien", "2009", "165081.66", "3" };
    const char *r2[4] = { "=HYPERLINK(\"x\")", "2010", "", "-4" };
    const char *r3[4] = { "Bø", "2011", "0.1", "x" };
    char path[] = "/tmp/gidx-wb-XXXXXX";
    double v;
    size_t i, nr, ny, ni, r, y, k, checked = 0;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(gidx_workbook_new(&wb), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_add_sheet(wb, "a/b: [c]*?", 4, hdr, units, types), GIDX_OK);
    ck_assert_str_eq(gidx_workbook_sheet_name(wb, 0), "a_b_ _c___");
    ck_assert_int_eq(gidx_workbook_add_row(wb, r1, 4), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_add_row(wb, r2, 4), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_add_row(wb, r3, 4), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "D4"));
    ck_assert_int_eq(gidx_workbook_add_sheet(wb, "A_B_ _C___", 1, hdr, NULL, NULL), GIDX_OK);
    ck_assert_str_eq(gidx_workbook_sheet_name(wb, 1), "A_B_ _C___ (2)");
    ck_assert_int_eq(gidx_workbook_write(wb, path), GIDX_OK);
    gidx_workbook_free(wb);
    ck_assert_msg(gidx_xlsx_open(&x, path, NULL) == GIDX_OK, "%s", gidx_error_last()->message);
    ck_assert_uint_eq(gidx_xlsx_sheet_count(x), 2);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, x, "a_b_ _c___"), GIDX_OK);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 2), "value (t CO2e)");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 3), "count");
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 0), GIDX_XLSX_TEXT);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 0), "Skien");
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 1), GIDX_OK);
    ck_assert_double_eq(v, 2009);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 2), GIDX_OK);
    ck_assert_double_eq(v, 165081.66);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 2, 0), "'=HYPERLINK(\"x\")");
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 2, 2), GIDX_XLSX_EMPTY);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 2, 3), GIDX_OK);
    ck_assert_double_eq(v, -4);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 3);   /* the refused row left nothing */
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(x);

    /* the indicator panel: every value of every region, year and indicator */
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    ck_assert_int_eq(gidx_panel_new(&p, cat, ds), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_new(&wb), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_add_panel(wb, p, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_write(wb, path), GIDX_OK);
    gidx_workbook_free(wb);
    ck_assert_int_eq(gidx_xlsx_open(&x, path, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, x, "indicators"), GIDX_OK);
    nr = gidx_dataset_nregions(gidx_panel_dataset(p));
    ny = gidx_dataset_nyears(gidx_panel_dataset(p));
    ni = gidx_catalog_count(cat);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 1 + nr * ny);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 3), "ghg_total (t CO2e)");
    for (r = 0, i = 1; r < nr; r++)
        for (y = 0; y < ny; y++, i++) {
            const char *code = gidx_dataset_region(gidx_panel_dataset(p), r);
            int year = gidx_dataset_year(gidx_panel_dataset(p), y);
            ck_assert_str_eq(gidx_xlsx_cell_text(sh, i, 0), code);
            ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, i, 2), GIDX_OK);
            ck_assert_double_eq(v, year);
            for (k = 0; k < ni; k++) {
                double want;
                const char *why = NULL;
                gidx_panel_get(&want, &why, p, code, year,
                               gidx_indicator_id(gidx_catalog_indicator(cat, k)));
                if (why != NULL) {
                    ck_assert_int_eq(gidx_xlsx_cell_type(sh, i, 3 + k), GIDX_XLSX_EMPTY);
                } else {
                    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, i, 3 + k), GIDX_OK);
                    /* libxlsxwriter writes 17 significant digits ("%.17g"):
                     * exact; a 1e-15 relative tolerance covers a writer that
                     * writes 16 */
                    ck_assert_msg(fabs(v - want) <= 1e-15 * fabs(want), "%s %d %zu: %.17g vs %.17g",
                                  code, year, k, v, want);
                    checked++;
                }
            }
        }
    ck_assert_uint_gt(checked, 5000);
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(x);
    gidx_panel_free(p);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
    unlink(path);
}
END_TEST

/* Bad input to the workbook writer: specific codes and messages, no crash,
 * nothing half-added. */
START_TEST(test_workbook_errors)
{
    gidx_workbook *wb = NULL;
    const char *hdr[2] = { "a", "b" };
    const int types[2] = { GIDX_CELL_TEXT, GIDX_CELL_NUMBER }, bad[2] = { 0, 9 };
    const char *row[2] = { "x", "1" };
    char *big, *bytes = NULL;
    size_t n = 0;
    ck_assert_int_eq(gidx_workbook_new(NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_workbook_new(&wb), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_render(&bytes, &n, wb), GIDX_EINVAL);   /* no sheet */
    ck_assert_int_eq(gidx_workbook_add_row(wb, row, 2), GIDX_EINVAL);       /* no sheet yet */
    ck_assert_int_eq(gidx_workbook_add_sheet(wb, "s", 0, hdr, NULL, NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_workbook_add_sheet(wb, "s", 2, hdr, NULL, bad), GIDX_EINVAL);
    ck_assert_int_eq(gidx_workbook_add_sheet(wb, "s", 2, hdr, NULL, types), GIDX_OK);
    ck_assert_int_eq(gidx_workbook_add_row(wb, row, 1), GIDX_EINVAL);       /* wrong width */
    big = malloc(40000);
    memset(big, 'x', 39999);
    big[39999] = '\0';
    row[0] = big;
    ck_assert_int_eq(gidx_workbook_add_row(wb, row, 2), GIDX_ELIMIT);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "A2"));
    free(big);
    ck_assert_int_eq(gidx_workbook_add_csv(wb, "c", "a,b\n1,2\n", 8, "tq", NULL), GIDX_EINVAL);
    ck_assert_int_eq(gidx_workbook_add_csv(wb, "c", "a,b\n1,\"2\n", 9, "tn", NULL), GIDX_EPARSE);
    ck_assert_int_eq(gidx_workbook_add_csv(wb, "c", "a,b\n1,two\n", 10, "tn", NULL), GIDX_EDATA);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "B2"));
    ck_assert_uint_eq(gidx_workbook_nsheets(wb), 1);   /* the refused CSV sheets are gone */
    ck_assert_ptr_null(gidx_workbook_sheet_name(wb, 1));
    ck_assert_int_eq(gidx_workbook_write(wb, "/nonexistent-dir/x.xlsx"), GIDX_EIO);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "/nonexistent-dir/x.xlsx"));
    ck_assert_int_eq(gidx_workbook_render(&bytes, &n, wb), GIDX_OK);
    ck_assert(n > 1000 && bytes[0] == 'P' && bytes[1] == 'K');   /* a zip archive */
    gidx_free(bytes);
    gidx_workbook_free(wb);
    gidx_workbook_free(NULL);
}
END_TEST

START_TEST(test_roadmap_errors)
{
    gidx_dataset *ds = NULL;
    gidx_catalog *cat = NULL;
    gidx_report *r = (gidx_report *)1;
    gidx_roadmap_options opt = GIDX_ROADMAP_OPTIONS_INIT;
    const char *regions[1] = { "Atlantis" };
    ck_assert_int_eq(gidx_dataset_load_default(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_catalog_default(&cat), GIDX_OK);
    opt.regions = regions;
    opt.nregions = 1;
    ck_assert_int_eq(gidx_roadmap_run(&r, ds, cat, &opt), GIDX_ENOTFOUND);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "Atlantis"));
    opt.nregions = 0;
    opt.target = "no_such_target";
    ck_assert_int_eq(gidx_roadmap_run(&r, ds, cat, &opt), GIDX_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "no_such_target"));
    opt.target = NULL;
    opt.version = 9;
    ck_assert_int_eq(gidx_roadmap_run(&r, ds, cat, &opt), GIDX_EINVAL);
    ck_assert_int_eq(gidx_roadmap_run(&r, NULL, cat, NULL), GIDX_EINVAL);
    gidx_catalog_free(cat);
    gidx_dataset_free(ds);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("render");
    tcase_add_test(tc, test_text);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_html);
    tcase_add_test(tc, test_svg_standalone);
    tcase_add_test(tc, test_workbook_own_reader);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_write_atomic);
    tcase_add_test(tc, test_workbook_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenario");
    tcase_add_test(tc, test_scenario_file);
    tcase_add_test(tc, test_scenario_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("roadmap");
    tcase_add_test(tc, test_roadmap_default);
    tcase_add_test(tc, test_roadmap_errors);
    tcase_add_test(tc, test_roadmap_norway_ripple);
    tcase_add_test(tc, test_lang_nb_no_english);
    tcase_set_timeout(tc, 300);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(report_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
