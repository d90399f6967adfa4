/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* greenidx effect: policy-instrument effect estimators (docs/effects.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char effect_usage[] =
    "usage: greenidx effect did|twfe|event|csdid|synth|fe --data FILE --unit COL --time COL\n"
    "         --outcome COL [--treated UNIT[,UNIT...] | --treat-col COL | --group-col COL]\n"
    "         [--treat-time T] [--covariates a,b] [--predictors SPEC] [--se classical|robust|cluster|cr2]\n"
    "         [--seed S] [--format json|csv|table] [--control never|notyet] [--twoways]\n"
    "         [--balanced] [--ref-period E] [--nboot B] [--no-placebo] [--leave-one-out]\n"
    "         [--pre-from YEAR] [--level 95] [--output FILE]\n"
    "\n"
    "  did    2x2 difference-in-differences (group x post), cluster-robust SEs by unit\n"
    "  twfe   two-way fixed effects on the treatment dummy and covariates\n"
    "  event  event study: leads and lags around --ref-period (default -1)\n"
    "  csdid  Callaway & Sant'Anna (2021) ATT(g,t) and aggregations, --group-col = first\n"
    "         treated period (0 = never); multiplier bootstrap with --seed\n"
    "  synth  synthetic control (Abadie, Diamond & Hainmueller 2010) with placebo p-value;\n"
    "         --predictors var@FROM-TO or var@YEAR items, comma-separated\n"
    "  fe     within estimator of --outcome on --covariates, unit (and --twoways time) effects\n"
    "\n"
    "--level is the confidence level of the intervals in percent (90), or a fraction in\n"
    "(0, 1) (0.9) read as that share of 100; anything else is refused (default 95).\n";

static void add_var(const char **vars, size_t *n, const char *v)
{
    size_t i;
    if (v == NULL || v[0] == '\0')
        return;
    for (i = 0; i < *n; i++)
        if (strcmp(vars[i], v) == 0)
            return;
    vars[(*n)++] = v;
}

static int run_effect(int argc, char **argv)
{
    static const struct { const char *name; int m; } methods[] = {
        { "did", GIDX_EFFECT_DID }, { "twfe", GIDX_EFFECT_TWFE }, { "event", GIDX_EFFECT_EVENT },
        { "csdid", GIDX_EFFECT_CSDID }, { "synth", GIDX_EFFECT_SYNTH }, { "fe", GIDX_EFFECT_FE } };
    extern const gidx_cli_command gidx_cli_cmd_effect;
    const gidx_cli_command *me = &gidx_cli_cmd_effect;
    gidx_effect_options o = GIDX_EFFECT_OPTIONS_INIT;
    const char *data = NULL, *unit = NULL, *time = NULL, *format = "json", *output = NULL, *val;
    const char **vars = NULL;
    char *buf = NULL, *lists = NULL;
    size_t nvars = 0, need = 0, i;
    gidx_table *t = NULL;
    gidx_effect_panel *p = NULL;
    gidx_effect_result *r = NULL;
    gidx_status rc;
    int fmt, a, missing = 0, ex = GIDX_EXIT_OK;
    long lv;

    if (gidx_cli_wants_help(argc, argv)) {
        fputs(effect_usage, stdout);
        return GIDX_EXIT_OK;
    }
    if (argc < 2)
        return gidx_cli_usage_error(me, "missing estimator (did, twfe, event, csdid, synth or fe)");
    o.method = -1;
    for (i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strcmp(argv[1], methods[i].name) == 0)
            o.method = methods[i].m;
    if (o.method < 0)
        return gidx_cli_usage_error(me, "unknown estimator '%s'", argv[1]);
    for (a = 2; a < argc; a++) {
        if (gidx_cli_opt(argc, argv, &a, "--data", 1, &data, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--unit", 1, &unit, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--time", 1, &time, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--outcome", 1, &o.outcome, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--treated", 1, &o.treated, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--treat-col", 1, &o.treat_col, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--group-col", 1, &o.group_col, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--covariates", 1, &o.covariates, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--predictors", 1, &o.predictors, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--format", 1, &format, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--output", 1, &output, &missing)) {
        } else if (gidx_cli_opt(argc, argv, &a, "--treat-time", 1, &val, &missing)) {
            if (!missing && gidx_cli_parse_double(val, &o.treat_time) != 0)
                return gidx_cli_usage_error(me, "--treat-time: '%s' is not a number", val);
        } else if (gidx_cli_opt(argc, argv, &a, "--level", 1, &val, &missing)) {
            /* the one convention (gidx_level_normalize): 90 and 0.9 are both 90 % */
            if (!missing && (gidx_cli_parse_double(val, &o.level) != 0 ||
                             gidx_level_normalize(&o.level, o.level) != GIDX_OK))
                return gidx_cli_usage_error(me, "--level: '%s' is neither a percentage in [1, 100) "
                                            "(90) nor a fraction in (0, 1) (0.9)", val);
        } else if (gidx_cli_opt(argc, argv, &a, "--pre-from", 1, &val, &missing)) {
            if (!missing && gidx_cli_parse_double(val, &o.synth_pre_from) != 0)
                return gidx_cli_usage_error(me, "--pre-from: '%s' is not a number", val);
        } else if (gidx_cli_opt(argc, argv, &a, "--seed", 1, &val, &missing)) {
            if (!missing && (gidx_cli_parse_int(val, &lv) != 0 || lv < 0))
                return gidx_cli_usage_error(me, "--seed: '%s' is not a non-negative integer", val);
            o.seed = (unsigned long)lv;
        } else if (gidx_cli_opt(argc, argv, &a, "--nboot", 1, &val, &missing)) {
            if (!missing && (gidx_cli_parse_int(val, &lv) != 0 || lv < 1))
                return gidx_cli_usage_error(me, "--nboot: '%s' is not a positive integer", val);
            o.nboot = (size_t)lv;
        } else if (gidx_cli_opt(argc, argv, &a, "--ref-period", 1, &val, &missing)) {
            if (!missing && gidx_cli_parse_int(val, &lv) != 0)
                return gidx_cli_usage_error(me, "--ref-period: '%s' is not an integer", val);
            o.ref_period = (int)lv;
        } else if (gidx_cli_opt(argc, argv, &a, "--se", 1, &val, &missing)) {
            if (missing)
                return gidx_cli_usage_error(me, "option '%s' needs a value", argv[a]);
            if (strcmp(val, "classical") == 0) o.se = GIDX_EFFECT_SE_CLASSICAL;
            else if (strcmp(val, "robust") == 0) o.se = GIDX_EFFECT_SE_ROBUST;
            else if (strcmp(val, "cluster") == 0) o.se = GIDX_EFFECT_SE_CLUSTER;
            else if (strcmp(val, "cr2") == 0) o.se = GIDX_EFFECT_SE_CR2;
            else return gidx_cli_usage_error(me, "--se: '%s' is not classical, robust, cluster or cr2", val);
        } else if (gidx_cli_opt(argc, argv, &a, "--control", 1, &val, &missing)) {
            if (missing)
                return gidx_cli_usage_error(me, "option '%s' needs a value", argv[a]);
            if (strcmp(val, "never") == 0) o.control = GIDX_EFFECT_CONTROL_NEVER;
            else if (strcmp(val, "notyet") == 0) o.control = GIDX_EFFECT_CONTROL_NOTYET;
            else return gidx_cli_usage_error(me, "--control: '%s' is not never or notyet", val);
        } else if (gidx_cli_opt(argc, argv, &a, "--twoways", 0, &val, &missing)) {
            o.twoways = 1;
        } else if (gidx_cli_opt(argc, argv, &a, "--balanced", 0, &val, &missing)) {
            o.balanced = 1;
        } else if (gidx_cli_opt(argc, argv, &a, "--no-placebo", 0, &val, &missing)) {
            o.placebo = 0;
        } else if (gidx_cli_opt(argc, argv, &a, "--leave-one-out", 0, &val, &missing)) {
            o.leave_one_out = 1;
        } else {
            return gidx_cli_usage_error(me, "unknown option '%s'", argv[a]);
        }
        if (missing)
            return gidx_cli_usage_error(me, "option '%s' needs a value", argv[a]);
    }
    if (data == NULL || unit == NULL || time == NULL || o.outcome == NULL)
        return gidx_cli_usage_error(me, "--data, --unit, --time and --outcome are required");
    if (strcmp(format, "json") == 0) fmt = GIDX_EFFECT_JSON;
    else if (strcmp(format, "csv") == 0) fmt = GIDX_EFFECT_CSV;
    else if (strcmp(format, "table") == 0 || strcmp(format, "text") == 0) fmt = GIDX_EFFECT_TEXT;
    else return gidx_cli_usage_error(me, "--format: '%s' is not json, csv or table", format);

    /* the variables to load: outcome, treatment/group columns, covariates, predictor variables */
    lists = malloc(strlen(o.covariates ? o.covariates : "") + strlen(o.predictors ? o.predictors : "") + 3);
    vars = calloc(8 + strlen(o.covariates ? o.covariates : "") + strlen(o.predictors ? o.predictors : ""), sizeof *vars);
    if (lists == NULL || vars == NULL) {
        free(lists); free(vars);
        fprintf(stderr, "greenidx effect: out of memory\n");
        return GIDX_EXIT_INTERNAL;
    }
    add_var(vars, &nvars, o.outcome);
    add_var(vars, &nvars, o.treat_col);
    add_var(vars, &nvars, o.group_col);
    {
        char *s = lists, *tok, *save = NULL;
        strcpy(s, o.covariates ? o.covariates : "");
        strcat(s, ",");
        strcat(s, o.predictors ? o.predictors : "");
        for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            char *at = strchr(tok, '@');
            if (at) *at = '\0';
            while (*tok == ' ') tok++;
            add_var(vars, &nvars, tok);
        }
    }
    if ((rc = gidx_table_read_csv(&t, data, NULL)) != GIDX_OK ||
        (rc = gidx_effect_panel_from_table(&p, t, unit, time, vars, nvars)) != GIDX_OK ||
        (rc = gidx_effect_estimate(&r, p, &o)) != GIDX_OK ||
        (rc = gidx_effect_result_render(NULL, 0, &need, r, fmt)) != GIDX_EBUFS) {
        ex = gidx_cli_fail("effect", rc);
        goto done;
    }
    buf = malloc(need);
    if (buf == NULL) {
        fprintf(stderr, "greenidx effect: out of memory\n");
        ex = GIDX_EXIT_INTERNAL;
        goto done;
    }
    if ((rc = gidx_effect_result_render(buf, need, NULL, r, fmt)) != GIDX_OK) {
        ex = gidx_cli_fail("effect", rc);
        goto done;
    }
    ex = gidx_cli_emit("effect", output, buf, need - 1);
done:
    free(buf); free(lists); free((void *)vars);
    gidx_effect_result_free(r);
    gidx_effect_panel_free(p);
    gidx_table_free(t);
    return ex;
}

const gidx_cli_command gidx_cli_cmd_effect = {
    "effect", "policy effect estimators: did, twfe, event, csdid, synth, fe", run_effect, effect_usage
};
