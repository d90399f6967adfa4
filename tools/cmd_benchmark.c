/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * greenidx benchmark: a region's rank overall and among its peers (given,
 * or the k most similar by structural variables), the change over time, and
 * a scorecard of strengths and weaknesses relative to the peers. Every
 * number comes from the composite API; this file parses and formats.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_src.h"

static int run(int argc, char **argv);

static const char usage[] =
    "Usage: greenidx benchmark --region CODE|NAME [--peers k|LIST] [--data PATH] [--catalog PATH]\n"
    "       greenidx benchmark --region CODE|NAME [--peers k|LIST] --units FILE --meta FILE [options]\n"
    "\n"
    "Benchmark one region: its rank among all regions and among its peers, the\n"
    "change in score and rank since the first year, and a scorecard of each\n"
    "indicator and aggregate: the region's normalised score minus its peers' mean\n"
    "(positive = strength, negative = weakness).\n"
    "\n"
    "  --region CODE|NAME   the region (unit code or display name)\n"
    "  --peers k|LIST       k most similar regions by the structural variables\n"
    "                       (default 5), or a comma-separated list of codes/names\n"
    "  --structural LIST    structural variables for --peers k (default: the\n"
    "                       dataset's variables that are not indicators, e.g. the\n"
    "                       denominators Area,Energy,GDP,Population of COINr data)\n"
    "  --year Y             the year to benchmark (default: the last computed)\n"
    "  --format F           table|csv (default table)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "Index options as for 'greenidx index' (--units, --meta, --spec, --denominate,\n"
    "--impute, --screen, --treat, --normalise, --weights, --aggregate, --min-avail).\n";

const gidx_cli_command gidx_cli_cmd_benchmark = {
    "benchmark", "rank a region among peers, with a strengths/weaknesses scorecard", run, usage
};

static long find_unit(const gidx_index_result *r, const char *key)
{
    size_t u, U = gidx_index_result_nunits(r);
    for (u = 0; u < U; u++)
        if (strcmp(gidx_index_result_unit(r, u), key) == 0)
            return (long)u;
    for (u = 0; u < U; u++)
        if (strcmp(gidx_index_result_unit_name(r, u), key) == 0)
            return (long)u;
    return -1;
}

static int run(int argc, char **argv)
{
    const gidx_cli_command *c = &gidx_cli_cmd_benchmark;
    gidx_cli_index_src src;
    const char *region = NULL, *peers_arg = "5", *structural = NULL, *format = "table", *outpath = NULL, *v;
    long year_opt = 0;
    int i, missing, err, ex = GIDX_EXIT_OK, csv;
    gidx_dataset *ds = NULL;
    gidx_index_spec *sp = NULL;
    gidx_index_result *res = NULL;
    gidx_status rc;
    size_t U, NI, NA, NN, *peers = NULL, npeers = 0, u, j, t;
    long target;
    double *card = NULL, *sc = NULL, *rk = NULL, *Z = NULL;
    char *text = NULL, *list = NULL;
    size_t cap = 0;
    FILE *f = NULL;
    int year, year0;

    memset(&src, 0, sizeof src);
    for (i = 1; i < argc; i++) {
        if (gidx_cli_index_option(c, &src, argc, argv, &i, &err)) {
            if (err)
                return err;
            if (strcmp(src.nset > 0 ? src.names[src.nset - 1] : "", "year") == 0 && year_opt == 0)
                gidx_cli_parse_int(src.values[src.nset - 1], &year_opt);
            continue;
        }
        if (gidx_cli_opt(argc, argv, &i, "--region", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--region needs a code or name");
            region = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--peers", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--peers needs k or a list");
            peers_arg = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--structural", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--structural needs a list of variables");
            structural = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--format", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--format needs a value");
            format = v;
        } else if (gidx_cli_opt(argc, argv, &i, "--output", 1, &v, &missing) ||
                   gidx_cli_opt(argc, argv, &i, "-o", 1, &v, &missing)) {
            if (missing)
                return gidx_cli_usage_error(c, "--output needs a value");
            outpath = v;
        } else {
            return gidx_cli_usage_error(c, "unknown option %s", argv[i]);
        }
    }
    if (region == NULL)
        return gidx_cli_usage_error(c, "missing option --region CODE|NAME");
    if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0)
        return gidx_cli_usage_error(c, "--format must be table or csv, not %s", format);
    csv = strcmp(format, "csv") == 0;
    if ((ex = gidx_cli_index_load(c, &src, &ds, &sp)) != GIDX_EXIT_OK)
        return ex;
    if ((rc = gidx_index_compute(&res, sp, ds)) != GIDX_OK) {
        ex = gidx_cli_fail(c->name, rc);
        goto done;
    }
    U = gidx_index_result_nunits(res);
    NI = gidx_index_result_nindicators(res);
    NA = gidx_index_result_naggregates(res);
    NN = NI + NA;
    year0 = gidx_index_result_year(res, 0);
    year = year_opt ? (int)year_opt : gidx_index_result_year(res, gidx_index_result_nyears(res) - 1);
    target = find_unit(res, region);
    if (target < 0) {
        if (src.units != NULL)
            fprintf(stderr, "greenidx benchmark: no region \"%s\" (code or name) in %s\n", gidx_cli_safe(region),
                    gidx_cli_safe(src.units));
        else
            fprintf(stderr, "greenidx benchmark: region \"%s\" is not among the index's regions "
                    "(those with the compared indicators; greenidx index lists them, greenidx "
                    "report --region %s says what it lacks)\n", gidx_cli_safe(region), gidx_cli_safe(region));
        ex = GIDX_EXIT_DATA;
        goto done;
    }
    peers = malloc(U * sizeof *peers);
    card = malloc(NN * sizeof *card);
    sc = malloc(U * sizeof *sc);
    rk = malloc(U * sizeof *rk);
    if (!peers || !card || !sc || !rk) {
        ex = GIDX_EXIT_INTERNAL;
        goto done;
    }
    {
        long k;
        if (gidx_cli_parse_int(peers_arg, &k) == 0) {
            /* k nearest by structural variables */
            const char *vars[64];
            size_t nv = 0, q;
            if (k < 1 || (size_t)k >= U) {
                ex = gidx_cli_usage_error(c, "--peers k needs 1 <= k < %zu", U);
                goto done;
            }
            if (structural != NULL) {
                char *tok, *save = NULL;
                list = strdup(structural);
                for (tok = strtok_r(list, ",", &save); tok && nv < 64; tok = strtok_r(NULL, ",", &save))
                    vars[nv++] = tok;
            } else {
                for (q = 0; q < gidx_dataset_nvariables(ds) && nv < 64; q++) {
                    const char *name = gidx_dataset_variable(ds, q);
                    size_t x;
                    int is_ind = 0;
                    for (x = 0; x < NI; x++)
                        if (strcmp(gidx_index_result_indicator(res, x), name) == 0)
                            is_ind = 1;
                    if (!is_ind)
                        vars[nv++] = name;
                }
            }
            if (nv == 0) {
                ex = gidx_cli_usage_error(c, "no structural variables for --peers k: give --structural LIST "
                                          "or --peers LIST");
                goto done;
            }
            Z = malloc(U * nv * sizeof *Z);
            if (Z == NULL) {
                ex = GIDX_EXIT_INTERNAL;
                goto done;
            }
            for (u = 0; u < U; u++)
                for (q = 0; q < nv; q++) {
                    size_t dummy;
                    if (gidx_dataset_find_variable(&dummy, ds, vars[q]) != GIDX_OK) {
                        ex = gidx_cli_fail(c->name, GIDX_ENOTFOUND);
                        goto done;
                    }
                    gidx_dataset_get(&Z[u * nv + q], NULL, ds, gidx_index_result_unit(res, u), year, vars[q]);
                }
            if ((rc = gidx_peers_nearest(peers, (size_t)k, Z, U, nv, (size_t)target)) != GIDX_OK) {
                ex = gidx_cli_fail(c->name, rc);
                goto done;
            }
            npeers = (size_t)k;
        } else {
            char *tok, *save = NULL;
            list = strdup(peers_arg);
            for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                long p = find_unit(res, tok);
                if (p < 0) {
                    fprintf(stderr, "greenidx benchmark: no peer region \"%s\"\n", tok);
                    ex = GIDX_EXIT_DATA;
                    goto done;
                }
                if (p != target && npeers < U)
                    peers[npeers++] = (size_t)p;
            }
            if (npeers == 0) {
                ex = gidx_cli_usage_error(c, "--peers lists no region other than %s", region);
                goto done;
            }
        }
    }
    f = open_memstream(&text, &cap);
    if (f == NULL) {
        ex = GIDX_EXIT_INTERNAL;
        goto done;
    }
    {
        double peer_rank, s0 = NAN, r0 = NAN; /* changes since the first year */
        if ((rc = gidx_index_result_ranks(rk, U, res, NULL, year)) != GIDX_OK ||
            (rc = gidx_index_result_scores(sc, U, res, NULL, year)) != GIDX_OK ||
            (rc = gidx_index_result_peer_rank(&peer_rank, res, (size_t)target, peers, npeers, NULL, year)) != GIDX_OK ||
            (rc = gidx_index_result_scorecard(card, NN, res, (size_t)target, peers, npeers, year)) != GIDX_OK) {
            ex = gidx_cli_fail(c->name, rc);
            goto done;
        }
        if (year != year0) {
            double *ds_ = malloc(2 * U * sizeof *ds_);
            if (ds_ != NULL && gidx_index_result_change(ds_, ds_ + U, U, res, NULL, year0, year) == GIDX_OK) {
                s0 = ds_[target];
                r0 = ds_[U + target];
            }
            free(ds_);
        }
        if (csv) {
            fputs("region_code,region_name,year,node,type,score,rank,peer_rank,diff_vs_peers,assessment\n", f);
        } else {
            fprintf(f, "Region %s (%s), %d: score %.3f, rank %.0f of %zu; rank %.0f among itself and %zu peers\n",
                    gidx_cli_safe(gidx_index_result_unit(res, (size_t)target)),
                    gidx_cli_safe(gidx_index_result_unit_name(res, (size_t)target)),
                    year, sc[target], rk[target], U, peer_rank, npeers);
            if (!isnan(s0))
                fprintf(f, "Change since %d: score %+.3f, rank %+.0f\n", year0, s0, r0);
            fputs("Peers:", f);
            for (j = 0; j < npeers; j++)
                fprintf(f, " %s", gidx_cli_safe(gidx_index_result_unit(res, peers[j])));
            fputs("\n\nnode         type        score   rank  peer_rank  vs_peers  assessment\n", f);
        }
        for (t = 0; t < NN; t++) {
            /* aggregates first (root at the top), then indicators */
            size_t node = t < NA ? NI + t : t - NA;
            const char *code = gidx_index_result_scorecard_node(res, node);
            double pr = NAN, d = card[node];
            const char *assess = isnan(d) ? "n/a" : d > 0 ? "strength" : d < 0 ? "weakness" : "par";
            gidx_index_result_scores(sc, U, res, code, year);
            gidx_index_result_ranks(rk, U, res, code, year);
            if (gidx_index_result_peer_rank(&pr, res, (size_t)target, peers, npeers, code, year) != GIDX_OK)
                pr = NAN;
            if (csv) {
                /* text fields quoted and neutralised (gidx_csv_field) */
                gidx_cli_csv_field(f, gidx_index_result_unit(res, (size_t)target));
                fputc(',', f);
                gidx_cli_csv_field(f, gidx_index_result_unit_name(res, (size_t)target));
                fprintf(f, ",%d,", year);
                gidx_cli_csv_field(f, code);
                fprintf(f, ",%s,", node >= NI ? "aggregate" : "indicator");
                if (isnan(sc[target])) fputs("NA,", f); else fprintf(f, "%.6f,", sc[target]);
                if (isnan(rk[target])) fputs("NA,", f); else fprintf(f, "%.0f,", rk[target]);
                if (isnan(pr)) fputs("NA,", f); else fprintf(f, "%.0f,", pr);
                if (isnan(d)) fputs("NA,", f); else fprintf(f, "%.6f,", d);
                fprintf(f, "%s\n", assess);
            } else {
                fprintf(f, "%-12.12s %-9s %8.3f %6.0f %10.0f %+9.3f  %s\n", gidx_cli_safe(code),
                        node >= NI ? "aggregate" : "indicator", sc[target], rk[target], pr, d, assess);
            }
        }
    }
    fclose(f);
    f = NULL;
    ex = gidx_cli_emit(c->name, outpath, text, strlen(text));
done:
    if (f)
        fclose(f);
    free(text);
    free(list);
    free(peers);
    free(card);
    free(sc);
    free(rk);
    free(Z);
    gidx_index_result_free(res);
    gidx_index_spec_free(sp);
    gidx_dataset_free(ds);
    return ex;
}
