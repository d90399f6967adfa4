/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The Norwegian economy as an input-output model: Statistics Norway's
 * symmetric industry-by-industry tables for domestic production (ESA 2010
 * transmission table 1850) and imports (table 1950), 2012-2021, 62
 * industries, NOK million at current basic prices, embedded from
 * data/io/norway/ (tidy copies of SSB's workbooks), or read from the
 * workbooks themselves (ssb.c). Both go through gidx__io_build_ssb(), which
 * checks the balances and adds the satellites:
 *
 * - value added B1G, compensation of employees D1 (labour income), imported
 *   intermediates (column sums of 1950's intermediate block);
 * - greenhouse gases in t CO2e from SSB's air emissions accounts (sheet GHG
 *   of the 2023 questionnaire to Eurostat, mapped from NACE to the 62
 *   industries by data/io/norway/make_ghg.py);
 * - employment: the national accounts' employment by A64 industry is not in
 *   the data, so SSB table 13470's employed persons by place of work in the
 *   16 SN2007 groups ("Hele landet") are distributed to each group's
 *   industries in proportion to their compensation of employees D1 (an
 *   industry's share of the group's wage bill: it assumes equal average
 *   compensation per person within a group). The model's note says so.
 *
 * Households are closed for type II with household consumption P3_S14 and
 * D1 (Miller & Blair 2009, Input-Output Analysis, 2nd ed., sec. 2.5.1).
 * Balances: Eurostat (2008), Eurostat Manual of Supply, Use and
 * Input-Output Tables, ch. 11: for every industry, total use (intermediate
 * sales plus final uses) equals output, and so does its column (domestic
 * and imported inputs, taxes less subsidies on products, value added).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/dataset.h>
#include <greenidx/table.h>
#include "ripple_internal.h"
#include "../data/data_internal.h"

#define NORWAY_FIRST 2012
#define NORWAY_LAST 2021
#define EMP_FIRST 2021
#define EMP_LAST 2022

int gidx_io_norway_first_year(void)
{
    return NORWAY_FIRST;
}

int gidx_io_norway_last_year(void)
{
    return NORWAY_LAST;
}

/* SSB's row codes of the A64 industries that start with a section letter
 * instead of a division: their first SN2007 division. */
static const struct {
    const char *code, *division;
} letter_codes[] = {
    { "RB", "05" }, { "RD", "35" }, { "RF", "41" }, { "RI", "55" }, { "RP", "85" }, { "RT", "97" },
};

gidx_status gidx__io_ssb_group(size_t *g, const char *code)
{
    char div[3];
    size_t i;
    for (i = 0; i < sizeof letter_codes / sizeof letter_codes[0]; i++)
        if (strcmp(code, letter_codes[i].code) == 0)
            return gidx_sn2007_find(g, letter_codes[i].division);
    if (code[0] == 'R' && code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9') {
        div[0] = code[1];
        div[1] = code[2];
        div[2] = '\0';
        return gidx_sn2007_find(g, div);
    }
    return gidx__error_set(GIDX_ENOTFOUND, "industry code '%s' is not an A64 code of SSB's "
                           "input-output tables (R01 ... RT)", code);
}

gidx_status gidx_io_national_employment(double *values, size_t cap, int *year_used, int year)
{
    gidx_table *t = NULL;
    size_t k = gidx_sn2007_ngroups(), r, cy, cv, cval, g, seen = 0;
    int y = year == 0 ? EMP_LAST : year <= EMP_FIRST ? EMP_FIRST : year >= EMP_LAST ? EMP_LAST : year;
    gidx_status rc;
    if (values == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_national_employment: NULL argument");
    if (cap < k)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_national_employment: need %zu values, have %zu",
                               k, cap);
    if ((rc = gidx__data_embedded_table(&t, "io/norway/employment_13470_national_2021_2022.csv")) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_find_column(&cy, t, "year")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cv, t, "variable")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cval, t, "value")) != GIDX_OK)
        goto done;
    for (g = 0; g < k; g++)
        values[g] = gidx__nan();
    for (r = 0; r < gidx_table_nrows(t); r++) {
        const char *var = gidx_table_cell(t, r, cv), *pre = "employed_workplace_SN2007_";
        double v;
        if (atoi(gidx_table_cell(t, r, cy)) != y || strncmp(var, pre, strlen(pre)) != 0 ||
            strcmp(var + strlen(pre), "00") == 0)
            continue;
        if ((rc = gidx_sn2007_find(&g, var + strlen(pre))) != GIDX_OK ||
            (rc = gidx_table_cell_double(&v, t, r, cval)) != GIDX_OK)
            goto done;
        values[g] = v;
        seen++;
    }
    if (seen != k) {
        rc = gidx__error_set(GIDX_EINTERNAL, "embedded SSB 13470 national employment: %zu of %zu "
                             "groups in %d", seen, k, y);
        goto done;
    }
    if (year_used != NULL)
        *year_used = y;
done:
    gidx_table_free(t);
    return rc;
}

/* The embedded GHG satellite (t CO2e) of year y for the given codes; 0 and
 * no error when the year is not covered. */
static gidx_status ghg_of(double *out, int *found, const char *const *codes, size_t n, int y)
{
    gidx_table *t = NULL;
    size_t r, i, ci, cy, cg, hit = 0;
    gidx_status rc;
    *found = 0;
    if ((rc = gidx__data_embedded_table(&t, "io/norway/ghg_by_industry_2012_2021.csv")) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_find_column(&ci, t, "industry")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cy, t, "year")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cg, t, "ghg_t_co2e")) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++)
        out[i] = gidx__nan();
    for (r = 0; r < gidx_table_nrows(t); r++) {
        if (atoi(gidx_table_cell(t, r, cy)) != y)
            continue;
        for (i = 0; i < n; i++)
            if (strcmp(codes[i], gidx_table_cell(t, r, ci)) == 0)
                break;
        if (i == n)
            continue;
        if ((rc = gidx_table_cell_double(&out[i], t, r, cg)) != GIDX_OK)
            goto done;
        hit++;
    }
    *found = hit == n;
done:
    gidx_table_free(t);
    return rc;
}

/* Tolerance of a balance: SSB publishes output in whole NOK million and the
 * flows to three decimals; its own tables miss by up to 1.148 (2020,
 * education, RP), so 1 plus 1e-5 of output. */
static double balance_tol(double x)
{
    return 1.0 + 1e-5 * fabs(x);
}

gidx_status gidx__io_build_ssb(gidx_io_model **out, const gidx__io_ssb *t)
{
    size_t n = t->n, i, j, g, k = gidx_sn2007_ngroups();
    gidx_io_model *m = NULL;
    double *v = NULL, *d1g = NULL, emp[64];
    int ey = 0, found = 0;
    gidx_status rc;

    *out = NULL;
    for (i = 0; i < n; i++) {
        double row = 0, col = t->tax[i] + t->b1g[i];
        if (!(t->x[i] >= 0))
            return gidx__error_set(GIDX_EDATA, "%s: industry %s: output %g is negative", t->source,
                                   t->codes[i], t->x[i]);
        for (j = 0; j < n; j++) {
            row += t->Z[i * n + j];
            col += t->Z[j * n + i] + t->Zm[j * n + i];
        }
        for (j = 0; j < GIDX__IO_NFD; j++)
            row += t->fd[i * GIDX__IO_NFD + j];
        if (fabs(row - t->x[i]) > balance_tol(t->x[i]))
            return gidx__error_set(GIDX_EDATA, "%s: industry %s does not balance: its total use "
                                   "(intermediate sales plus final uses) is %.3f but its output %.3f, "
                                   "off by %.3f NOK million", t->source, t->codes[i], row, t->x[i],
                                   row - t->x[i]);
        if (fabs(col - t->x[i]) > balance_tol(t->x[i]))
            return gidx__error_set(GIDX_EDATA, "%s: industry %s does not balance: its inputs, taxes "
                                   "on products and value added sum to %.3f but output is %.3f, off "
                                   "by %.3f NOK million", t->source, t->codes[i], col, t->x[i],
                                   col - t->x[i]);
    }
    if ((rc = gidx_io_model_new(&m, t->Z, t->x, n, t->codes)) != GIDX_OK) {
        gidx__error_prefix("%s: ", t->source);
        return rc;
    }
    m->year = t->year;
    if ((rc = gidx__io_set_labels(m, t->labels)) != GIDX_OK)
        goto fail;
    v = gidx__malloc(n * sizeof *v);
    d1g = gidx__calloc(k, sizeof *d1g);
    m->grp = gidx__malloc(n * sizeof *m->grp);
    if (v == NULL || d1g == NULL || m->grp == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (i = 0; i < n; i++) {
        if ((rc = gidx__io_ssb_group(&m->grp[i], t->codes[i])) != GIDX_OK)
            goto fail;
        d1g[m->grp[i]] += t->d1[i];
    }
    if ((rc = gidx_io_model_set_satellite(m, GIDX_IO_VALUE_ADDED, t->b1g, n, 0)) != GIDX_OK ||
        (rc = gidx_io_model_set_satellite(m, GIDX_IO_LABOUR_INCOME, t->d1, n, 0)) != GIDX_OK)
        goto fail;
    for (j = 0; j < n; j++) {
        v[j] = 0;
        for (i = 0; i < n; i++)
            v[j] += t->Zm[i * n + j];
    }
    if ((rc = gidx_io_model_set_satellite(m, GIDX_IO_IMPORTS, v, n, 0)) != GIDX_OK)
        goto fail;
    for (i = 0; i < n; i++)
        v[i] = t->fd[i * GIDX__IO_NFD + GIDX__IO_FD_P3_S14];
    if ((rc = gidx_io_model_set_households(m, v, n, 0)) != GIDX_OK)
        goto fail;
    if ((rc = ghg_of(v, &found, t->codes, n, t->year)) != GIDX_OK)
        goto fail;
    if (found && (rc = gidx_io_model_set_satellite(m, GIDX_IO_EMISSIONS, v, n, 0)) != GIDX_OK)
        goto fail;
    /* employment: 13470's groups spread by each industry's share of the group's D1 */
    if ((rc = gidx_io_national_employment(emp, 64, &ey, t->year)) != GIDX_OK)
        goto fail;
    for (i = 0; i < n; i++) {
        g = m->grp[i];
        if (!(d1g[g] > 0)) {
            rc = gidx__error_set(GIDX_EDATA, "%s: the industries of SN2007 group '%s' pay no "
                                 "compensation of employees (D1), so its %g employed persons "
                                 "cannot be distributed to them", t->source, gidx_sn2007_group(g),
                                 emp[g]);
            goto fail;
        }
        v[i] = emp[g] * t->d1[i] / d1g[g];
    }
    if ((rc = gidx_io_model_set_satellite(m, GIDX_IO_EMPLOYMENT, v, n, 0)) != GIDX_OK)
        goto fail;
    m->emp_year = ey;
    if ((rc = gidx__io_note_add(m, "Statistics Norway's input-output table %d (domestic production, "
                                "62 industries, NOK million, basic prices), from %s.", t->year,
                                t->source)) != GIDX_OK ||
        (rc = gidx__io_note_add(m, "Employment: SSB table 13470, employed persons by place of work in "
                                "Norway %d (16 SN2007 groups), distributed to each group's industries "
                                "by their share of the group's compensation of employees (D1)%s.", ey,
                                ey != t->year ? "; the nearest year with 13470 data" : "")) != GIDX_OK ||
        (rc = found ? gidx__io_note_add(m, "Greenhouse gases: SSB air emissions accounts %d, t CO2e "
                                        "(AR5), NACE mapped to the 62 industries.", t->year)
                    : gidx__io_note_add(m, "Greenhouse gases: no air emissions accounts for %d; no "
                                        "GHG satellite.", t->year)) != GIDX_OK)
        goto fail;
    free(v);
    free(d1g);
    *out = m;
    return GIDX_OK;
fail:
    free(v);
    free(d1g);
    gidx_io_model_free(m);
    return rc;
}

/* Read the numeric block of an embedded tidy table: rows in the order of
 * codes (first column), the named columns (NULL: the codes again). */
static gidx_status read_block(double *out, const gidx_table *t, const char *const *codes, size_t n,
                              const char *const *cols, size_t ncols)
{
    size_t i, j, c;
    gidx_status rc;
    if (gidx_table_nrows(t) != n)
        return gidx__error_set(GIDX_EDATA, "%s: %zu rows, expected %zu industries", gidx_table_name(t),
                               gidx_table_nrows(t), n);
    for (i = 0; i < n; i++) {
        if (strcmp(gidx_table_cell(t, i, 0), codes[i]) != 0)
            return gidx__error_set(GIDX_EDATA, "%s:%zu: industry '%s', expected '%s'", gidx_table_name(t),
                                   gidx_table_line(t, i), gidx_table_cell(t, i, 0), codes[i]);
        for (j = 0; j < ncols; j++) {
            if ((rc = gidx_table_find_column(&c, t, cols != NULL ? cols[j] : codes[j])) != GIDX_OK)
                return rc;
            if ((rc = gidx_table_cell_double(&out[i * ncols + j], t, i, c)) != GIDX_OK)
                return rc;
            if (!gidx__isfinite(out[i * ncols + j]))
                return gidx__error_set(GIDX_EDATA, "%s:%zu: no value in column %s", gidx_table_name(t),
                                       gidx_table_line(t, i), gidx_table_colname(t, c));
        }
    }
    return GIDX_OK;
}

gidx_status gidx_io_model_norway(gidx_io_model **out, int year)
{
    static const char *const fdcols[GIDX__IO_NFD] = {
        "P3_S13", "P3_S14", "P3_S15", "P51_S1", "P52_S1", "P6_S2"
    };
    static const char *const vacols[4] = {
        "output_x", "value_added_B1G", "D1", "taxes_less_subsidies_products"
    };
    gidx_table *tz = NULL, *tm = NULL, *ty = NULL, *tv = NULL, *tl = NULL;
    const char **labels = NULL;
    gidx__io_ssb s;
    char name[80], src[64];
    const char **codes = NULL;
    double *va = NULL;
    size_t n = 0, i;
    gidx_status rc;

    if (out != NULL)
        *out = NULL;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_norway: NULL argument");
    if (year == 0)
        year = NORWAY_LAST;
    if (year < NORWAY_FIRST || year > NORWAY_LAST)
        return gidx__error_set(GIDX_ENOTFOUND, "Norway: no input-output table for %d; SSB's tables "
                               "are embedded for %d-%d", year, NORWAY_FIRST, NORWAY_LAST);
    memset(&s, 0, sizeof s);
    snprintf(name, sizeof name, "io/norway/Z_domestic_%d_MNOK.csv", year);
    if ((rc = gidx__data_embedded_table(&tz, name)) != GIDX_OK)
        goto done;
    n = gidx_table_ncols(tz) - 1;
    codes = gidx__calloc(n, sizeof *codes);
    s.Z = gidx__malloc(n * n * sizeof *s.Z);
    s.Zm = gidx__malloc(n * n * sizeof *s.Zm);
    s.fd = gidx__malloc(n * GIDX__IO_NFD * sizeof *s.fd);
    va = gidx__malloc(n * 4 * sizeof *va);
    s.x = gidx__malloc(n * sizeof *s.x);
    s.b1g = gidx__malloc(n * sizeof *s.b1g);
    s.d1 = gidx__malloc(n * sizeof *s.d1);
    s.tax = gidx__malloc(n * sizeof *s.tax);
    if (codes == NULL || s.Z == NULL || s.Zm == NULL || s.fd == NULL || va == NULL || s.x == NULL ||
        s.b1g == NULL || s.d1 == NULL || s.tax == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++)
        codes[i] = gidx_table_colname(tz, i + 1);
    if ((rc = read_block(s.Z, tz, codes, n, NULL, n)) != GIDX_OK)
        goto done;
    snprintf(name, sizeof name, "io/norway/Z_imports_%d_MNOK.csv", year);
    if ((rc = gidx__data_embedded_table(&tm, name)) != GIDX_OK || (rc = read_block(s.Zm, tm, codes, n, NULL, n)) != GIDX_OK)
        goto done;
    snprintf(name, sizeof name, "io/norway/Y_finaldemand_domestic_%d_MNOK.csv", year);
    if ((rc = gidx__data_embedded_table(&ty, name)) != GIDX_OK ||
        (rc = read_block(s.fd, ty, codes, n, fdcols, GIDX__IO_NFD)) != GIDX_OK)
        goto done;
    snprintf(name, sizeof name, "io/norway/VA_output_by_industry_%d_MNOK.csv", year);
    if ((rc = gidx__data_embedded_table(&tv, name)) != GIDX_OK || (rc = read_block(va, tv, codes, n, vacols, 4)) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++) {
        s.x[i] = va[i * 4];
        s.b1g[i] = va[i * 4 + 1];
        s.d1[i] = va[i * 4 + 2];
        s.tax[i] = va[i * 4 + 3];
    }
    if ((rc = gidx__data_embedded_table(&tl, "io/norway/industries_A64_codes.csv")) != GIDX_OK)
        goto done;
    labels = gidx__calloc(n, sizeof *labels);
    if (labels == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < gidx_table_nrows(tl); i++) {
        size_t j;
        for (j = 0; j < n; j++)
            if (strcmp(gidx_table_cell(tl, i, 0), codes[j]) == 0)
                labels[j] = gidx_table_cell(tl, i, 1);
    }
    s.labels = labels;
    s.n = n;
    s.codes = codes;
    s.year = year;
    snprintf(src, sizeof src, "data/io/norway (embedded)");
    s.source = src;
    rc = gidx__io_build_ssb(out, &s);
done:
    gidx_table_free(tz);
    gidx_table_free(tm);
    gidx_table_free(ty);
    gidx_table_free(tv);
    gidx_table_free(tl);
    free(labels);
    free(codes);
    free(s.Z);
    free(s.Zm);
    free(s.fd);
    free(va);
    free(s.x);
    free(s.b1g);
    free(s.d1);
    free(s.tax);
    return rc;
}

/* ---- shocks in the units users think in ---- */

/* SSB's row code of an industry written the NACE / A*64 way: "F", "41-43"
 * -> "RF"; "C10-C12", "10-12" -> "R10_12"; "L68A", "68A" -> "R68A";
 * "19-21" -> "R21" (published together). 0 when the text is no such code. */
static int ssb_code_of(char *out, size_t cap, const char *code)
{
    static const struct { const char *nace, *ssb; } special[] = {
        { "B", "RB" }, { "05-09", "RB" }, { "D", "RD" }, { "35", "RD" }, { "F", "RF" },
        { "41-43", "RF" }, { "I", "RI" }, { "55-56", "RI" }, { "P", "RP" }, { "85", "RP" },
        { "T", "RT" }, { "97-98", "RT" }, { "19-21", "R21" }, { "O", "R84" }
    };
    char buf[32];
    size_t i, k = 0;
    for (i = 0; code[i] != '\0' && k + 1 < sizeof buf; i++) {
        /* drop a section letter in front of a division ("C10", "-C12") */
        if (code[i] >= 'A' && code[i] <= 'Z' && code[i + 1] >= '0' && code[i + 1] <= '9')
            continue;
        buf[k++] = code[i] == '_' ? '-' : code[i];
    }
    buf[k] = '\0';
    if (code[i] != '\0' || k == 0)
        return 0;
    for (i = 0; i < sizeof special / sizeof special[0]; i++)
        if (strcmp(buf, special[i].nace) == 0 || strcmp(code, special[i].nace) == 0) {
            snprintf(out, cap, "%s", special[i].ssb);
            return 1;
        }
    if (buf[0] < '0' || buf[0] > '9')
        return 0;
    snprintf(out, cap, "R%s", buf);
    for (i = 1; out[i]; i++)
        if (out[i] == '-')
            out[i] = '_';
    return 1;
}

gidx_status gidx_io_model_shock_add(double *df, size_t n, const gidx_io_model *m, const char *code,
                                    double amount, int unit)
{
    size_t i, g;
    const double *w;
    double tot = 0;
    int group = 0;
    char alt[40];
    if (df == NULL || m == NULL || code == NULL || (unit != GIDX_IO_UNIT_CURRENCY && unit != GIDX_IO_UNIT_JOBS))
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_shock_add: NULL argument or unit %d", unit);
    if (n != m->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_shock_add: %zu values for %zu sectors", n, m->n);
    if (!gidx__isfinite(amount))
        return gidx__error_set(GIDX_EDATA, "shock for '%s': the amount is not finite", code);
    if (unit == GIDX_IO_UNIT_JOBS && m->sat[GIDX_IO_EMPLOYMENT] == NULL)
        return gidx__error_set(GIDX_ESTATE, "shock of %g jobs in '%s': the model has no employment "
                               "satellite to convert jobs into output", amount, code);
    if (gidx__strmap_get(m->index, code, &i) ||
        (m->grp != NULL && ssb_code_of(alt, sizeof alt, code) && gidx__strmap_get(m->index, alt, &i))) {
        if (unit == GIDX_IO_UNIT_CURRENCY) {
            df[i] += amount;
            return GIDX_OK;
        }
        if (!(m->sat[GIDX_IO_EMPLOYMENT][i] > 0))
            return gidx__error_set(GIDX_EDATA, "shock of %g jobs in '%s': the industry has no "
                                   "employment, so it has no output per job", amount, code);
        df[i] += amount / m->sat[GIDX_IO_EMPLOYMENT][i];
        return GIDX_OK;
    }
    /* an SN2007 group label: spread over the group's sectors */
    if (m->grp != NULL && gidx_sn2007_find(&g, code) == GIDX_OK &&
        strcmp(gidx_sn2007_group(g), code) == 0)
        group = 1;
    gidx_error_clear();
    if (!group)
        return gidx__error_set(GIDX_ENOTFOUND, "shock: '%s' is neither an industry of the table "
                               "(%s ... %s; NACE forms such as F, 41-43, C10-C12 are accepted for "
                               "SSB's tables) nor an SN2007 group label of table 13470%s", code,
                               m->names[0], m->names[m->n - 1],
                               m->grp == NULL ? " the table knows" : "");
    w = m->x != NULL ? m->x : m->xw;
    if (w == NULL)
        return gidx__error_set(GIDX_ESTATE, "shock for group '%s': the model has no output to spread "
                               "it over the group's industries", code);
    /* currency by output shares; jobs by employment shares, each converted
     * through its own output per job, which is the group's output per job */
    for (i = 0; i < n; i++)
        if (m->grp[i] == g)
            tot += w[i] * (unit == GIDX_IO_UNIT_JOBS ? m->sat[GIDX_IO_EMPLOYMENT][i] : 1.0);
    if (!(tot > 0))
        return gidx__error_set(GIDX_EDATA, "shock for group '%s': its industries have no %s",
                               code, unit == GIDX_IO_UNIT_JOBS ? "employment" : "output");
    for (i = 0; i < n; i++)
        if (m->grp[i] == g)
            df[i] += amount * w[i] / tot;
    return GIDX_OK;
}
