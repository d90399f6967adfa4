/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Statistics Norway's input-output workbooks as published: the ESA 2010
 * transmission questionnaire tables 1850 (symmetric input-output table for
 * domestic production, industry by industry) and 1950 (the same for
 * imports), one sheet each named after the table (Eurostat, "ESA 2010
 * Transmission Programme of data", Regulation (EU) No 549/2013, Annex B,
 * tables 1800-1950; the questionnaire's layout as in SSB's files):
 *
 *   A3/B3         "TIME:" and the year
 *   row 28        column codes from column E: R01 ... RT, RU, R (total
 *                 intermediate use), then the final uses (code RZ) whose
 *                 transaction and sector stand in rows 24 and 25 (P3/S14,
 *                 P3/S15, P3/S13, P51/S1, P53/S1, P52/S1, P6/S2, TFUBS, TUBS)
 *   column C      row codes from row 29: R01 ... RT, RU, then R (totals),
 *                 RNAM (imported inputs), RNTS (taxes less subsidies on
 *                 products), RADJ; then the value-added rows with their
 *                 transaction in column A (D1, ..., B1G, P1) and code RZ
 *   cells         numbers, or "M" (not applicable) / "L" (not available),
 *                 read as 0
 *
 * The 62 industries are A*64 with 19-21 merged (R21) and 68A/68B apart; RU
 * (extraterritorial organisations) must be empty. Read only through the
 * library's xlsx reader (data/xlsx.c). The numbers then go through the same
 * checks and satellites as the embedded tables (norway.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/xlsx.h>
#include "ripple_internal.h"

/* 0-based positions of the questionnaire */
#define ROW_TIME 2
#define ROW_TRANS 23
#define ROW_SECTOR 24
#define ROW_CODES 27
#define ROW_FIRST 28
#define COL_TRANS 0
#define COL_CODE 2
#define COL_FIRST 4
/* at most this many codes in row 28 (A*64 has 64; SSB adds none) */
#define MAXIND 80

typedef struct ssb_sheet {
    gidx_xlsx_sheet *sh;
    const char *file, *name;
} ssb_sheet;

static const char *cell_text(const ssb_sheet *s, size_t r, size_t c)
{
    const char *t = gidx_xlsx_cell_text(s->sh, r, c);
    return t != NULL ? t : "";
}

/* An error at a cell: "FILE, sheet NAME, cell B7: ..." */
static gidx_status at(const ssb_sheet *s, size_t r, size_t c, gidx_status code, const char *fmt, ...)
    GIDX__PRINTF(5, 6);
static gidx_status at(const ssb_sheet *s, size_t r, size_t c, gidx_status code, const char *fmt, ...)
{
    char cell[16] = "?", msg[512];
    va_list ap;
    gidx_xlsx_cell_name(cell, sizeof cell, r, c);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return gidx__error_set(code, "%s, sheet %s, cell %s: %s", s->file, s->name, cell, msg);
}

/* A value cell: a number, or M / L read as 0. */
static gidx_status value(double *v, const ssb_sheet *s, size_t r, size_t c)
{
    int type = gidx_xlsx_cell_type(s->sh, r, c);
    if (type == GIDX_XLSX_NUMBER)
        return gidx_xlsx_cell_number(v, s->sh, r, c);
    if (type == GIDX_XLSX_TEXT) {
        const char *t = cell_text(s, r, c);
        if (strcmp(t, "M") == 0 || strcmp(t, "L") == 0) {
            *v = 0;
            return GIDX_OK;
        }
        return at(s, r, c, GIDX_EDATA, "'%s' is not a number nor M or L", t);
    }
    return at(s, r, c, GIDX_EDATA, "no value%s", type == GIDX_XLSX_EMPTY ? " (empty cell)" : "");
}

/* Read sheet @p name of @p wb and its year (B3). */
static gidx_status open_sheet(ssb_sheet *s, int *year, gidx_xlsx *wb, const char *file, const char *name)
{
    gidx_status rc;
    const char *t;
    char *end;
    long y;
    s->file = file;
    s->name = name;
    if ((rc = gidx_xlsx_sheet_read(&s->sh, wb, name)) != GIDX_OK) {
        if (rc == GIDX_ENOTFOUND)
            gidx__error_prefix("SSB input-output table %s: ", name);
        return rc;
    }
    t = cell_text(s, ROW_TIME, 1);
    y = strtol(t, &end, 10);
    if (strcmp(cell_text(s, ROW_TIME, 0), "TIME:") != 0 || end == t || *end != '\0' || y < 1900 || y > 2100)
        return at(s, ROW_TIME, 1, GIDX_EDATA, "no year after TIME: in A3 ('%s')", t);
    *year = (int)y;
    return GIDX_OK;
}

static int empty(const ssb_sheet *s, size_t r, size_t c)
{
    return gidx_xlsx_cell_type(s->sh, r, c) == GIDX_XLSX_EMPTY;
}

/* The industries: column codes of row 28 from E up to the total "R"; the
 * rows of column C must list the same codes in the same order up to their
 * total "R". Codes whose row and column are empty throughout are not
 * published (19 and 20, given with 21 as R21; RU) and are left out. Fills
 * codes (borrowed from the sheet), their columns and rows. */
static gidx_status industries(const ssb_sheet *s, const char **codes, size_t *cols, size_t *rows,
                              size_t cap, size_t *n, size_t *col_total, size_t *row_total)
{
    size_t c, r, k = 0, all, i, j, nc = gidx_xlsx_sheet_ncols(s->sh), nr = gidx_xlsx_sheet_nrows(s->sh);
    for (c = COL_FIRST; c < nc && strcmp(cell_text(s, ROW_CODES, c), "R") != 0; c++) {
        const char *code = cell_text(s, ROW_CODES, c);
        if (code[0] != 'R' || code[1] == '\0')
            return at(s, ROW_CODES, c, GIDX_EDATA, "'%s' is not an industry code", code);
        if (k == cap)
            return at(s, ROW_CODES, c, GIDX_ELIMIT, "more than %zu industries", cap);
        codes[k] = code;
        cols[k++] = c;
    }
    if (c >= nc || k == 0)
        return at(s, ROW_CODES, COL_FIRST, GIDX_EDATA, "no industry codes ending in the total R in row 28");
    *col_total = c;
    all = k;
    k = 0;
    for (r = ROW_FIRST; r < nr && strcmp(cell_text(s, r, COL_CODE), "R") != 0; r++) {
        const char *code = cell_text(s, r, COL_CODE);
        if (k == all || strcmp(code, codes[k]) != 0)
            return at(s, r, COL_CODE, GIDX_EDATA, "row industry '%s' where row 28 has %s", code,
                      k < all ? codes[k] : "no more industries");
        rows[k++] = r;
    }
    if (k != all || r >= nr)
        return at(s, r < nr ? r : nr, COL_CODE, GIDX_EDATA, "the industry rows end after %zu of the %zu "
                  "industries of row 28, without the total R", k, all);
    *row_total = r;
    /* leave out the unpublished industries */
    for (i = 0, k = 0; i < all; i++) {
        int blank = 1;
        for (j = 0; j < all && blank; j++)
            blank = empty(s, rows[i], cols[j]) && empty(s, rows[j], cols[i]);
        if (blank)
            continue;
        codes[k] = codes[i];
        cols[k] = cols[i];
        rows[k++] = rows[i];
    }
    *n = k;
    return GIDX_OK;
}

/* The row whose column C (or, with trans, column A) holds @p code. */
static gidx_status find_row(size_t *row, const ssb_sheet *s, size_t from, int trans, const char *code)
{
    size_t r, nr = gidx_xlsx_sheet_nrows(s->sh);
    for (r = from; r < nr; r++)
        if (strcmp(cell_text(s, r, trans ? COL_TRANS : COL_CODE), code) == 0) {
            *row = r;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_EDATA, "%s, sheet %s: no row %s in column %s", s->file, s->name, code,
                           trans ? "A" : "C");
}

/* The final-use column of transaction/sector (rows 24, 25) after col_total. */
static gidx_status find_col(size_t *col, const ssb_sheet *s, size_t from, const char *trans,
                            const char *sector)
{
    size_t c, nc = gidx_xlsx_sheet_ncols(s->sh);
    for (c = from; c < nc; c++)
        if (strcmp(cell_text(s, ROW_TRANS, c), trans) == 0 && strcmp(cell_text(s, ROW_SECTOR, c), sector) == 0) {
            *col = c;
            return GIDX_OK;
        }
    return gidx__error_set(GIDX_EDATA, "%s, sheet %s: no final-use column %s %s in rows 24-25", s->file,
                           s->name, trans, sector);
}

/* A flow block (n x n, >= 0) of a sheet. SSB's 1850 workbooks hold Excel
 * error values (#VALUE!) in two cells of every year (R68A and RT sold to
 * R51, air transport), where no flow can be (imputed rents and households'
 * services are not sold to industries) and the balances hold without them:
 * they are read as 0 and listed in the model's note (*errors). */
static gidx_status block(double *Z, const ssb_sheet *s, const size_t *rows, const size_t *cols,
                         const char *const *codes, size_t n, gidx__buf *errors)
{
    size_t i, j;
    gidx_status rc;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double v;
            if (gidx_xlsx_cell_type(s->sh, rows[i], cols[j]) == GIDX_XLSX_ERROR) {
                char cell[16] = "?";
                gidx_xlsx_cell_name(cell, sizeof cell, rows[i], cols[j]);
                gidx__buf_printf(errors, "%s%s %s (%s to %s)", errors->len ? ", " : "", s->name, cell,
                                 codes[i], codes[j]);
                Z[i * n + j] = 0;
                continue;
            }
            if ((rc = value(&v, s, rows[i], cols[j])) != GIDX_OK)
                return rc;
            if (v < 0)
                return at(s, rows[i], cols[j], GIDX_EDATA, "negative flow %g", v);
            Z[i * n + j] = v;
        }
    return GIDX_OK;
}

gidx_status gidx__io_load_ssb_wb(gidx_io_model **out, gidx_xlsx *dom, const char *dom_name,
                                 gidx_xlsx *imp, const char *imp_name)
{
    /* final uses in the order of gidx__io_ssb.fd; P53 (valuables) joins P52 */
    static const char *const fdt[GIDX__IO_NFD + 1][2] = {
        { "P3", "S13" }, { "P3", "S14" }, { "P3", "S15" }, { "P51", "S1" }, { "P52", "S1" },
        { "P6", "S2" }, { "P53", "S1" }
    };
    ssb_sheet d = { NULL, NULL, NULL }, m = { NULL, NULL, NULL };
    const char *codes[MAXIND], *mcodes[MAXIND], *labels[MAXIND];
    size_t cols[MAXIND], rows[MAXIND], mcols[MAXIND], mrows[MAXIND], n = 0, mn = 0, ct, rt, mct, mrt, i, j;
    size_t fdc[GIDX__IO_NFD + 1], r_d1, r_b1g, r_p1, r_rnts;
    int year = 0, myear = 0, p53 = 0;
    gidx__io_ssb s;
    gidx__buf errs = GIDX__BUF_INIT;
    gidx_status rc;

    memset(&s, 0, sizeof s);
    if ((rc = open_sheet(&d, &year, dom, dom_name, "1850")) != GIDX_OK ||
        (rc = open_sheet(&m, &myear, imp, imp_name, "1950")) != GIDX_OK)
        goto done;
    if (year != myear) {
        rc = gidx__error_set(GIDX_EDATA, "%s is the table of %d but %s of %d: give both tables of one year",
                             dom_name, year, imp_name, myear);
        goto done;
    }
    if ((rc = industries(&d, codes, cols, rows, MAXIND, &n, &ct, &rt)) != GIDX_OK ||
        (rc = industries(&m, mcodes, mcols, mrows, MAXIND, &mn, &mct, &mrt)) != GIDX_OK)
        goto done;
    for (i = 0; i < n || i < mn; i++)
        if (i >= n || i >= mn || strcmp(codes[i], mcodes[i]) != 0) {
            rc = gidx__error_set(GIDX_EDATA, "%s and %s list different industries (industry %zu: %s and %s)",
                                 dom_name, imp_name, i + 1, i < n ? codes[i] : "none", i < mn ? mcodes[i] : "none");
            goto done;
        }
    for (j = 0; j <= GIDX__IO_NFD; j++)
        if ((rc = find_col(&fdc[j], &d, ct + 1, fdt[j][0], fdt[j][1])) != GIDX_OK)
            goto done;
    /* SSB leaves P53 (valuables) blank: an empty column is no column */
    for (i = 0, p53 = 0; i < n && !p53; i++)
        p53 = !empty(&d, rows[i], fdc[GIDX__IO_NFD]);
    if ((rc = find_row(&r_rnts, &d, rt, 0, "RNTS")) != GIDX_OK ||
        (rc = find_row(&r_d1, &d, rt, 1, "D1")) != GIDX_OK ||
        (rc = find_row(&r_b1g, &d, rt, 1, "B1G")) != GIDX_OK ||
        (rc = find_row(&r_p1, &d, rt, 1, "P1")) != GIDX_OK)
        goto done;
    s.Z = gidx__malloc(n * n * sizeof *s.Z);
    s.Zm = gidx__malloc(n * n * sizeof *s.Zm);
    s.fd = gidx__calloc(n * GIDX__IO_NFD, sizeof *s.fd);
    s.x = gidx__malloc(n * sizeof *s.x);
    s.b1g = gidx__malloc(n * sizeof *s.b1g);
    s.d1 = gidx__malloc(n * sizeof *s.d1);
    s.tax = gidx__malloc(n * sizeof *s.tax);
    if (s.Z == NULL || s.Zm == NULL || s.fd == NULL || s.x == NULL || s.b1g == NULL || s.d1 == NULL ||
        s.tax == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = block(s.Z, &d, rows, cols, codes, n, &errs)) != GIDX_OK ||
        (rc = block(s.Zm, &m, mrows, mcols, codes, n, &errs)) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++) {
        for (j = 0; j < GIDX__IO_NFD + (size_t)p53; j++) {
            double v;
            if ((rc = value(&v, &d, rows[i], fdc[j])) != GIDX_OK)
                goto done;
            s.fd[i * GIDX__IO_NFD + (j < GIDX__IO_NFD ? j : 4)] += v;
        }
        if ((rc = value(&s.x[i], &d, r_p1, cols[i])) != GIDX_OK ||
            (rc = value(&s.b1g[i], &d, r_b1g, cols[i])) != GIDX_OK ||
            (rc = value(&s.d1[i], &d, r_d1, cols[i])) != GIDX_OK ||
            (rc = value(&s.tax[i], &d, r_rnts, cols[i])) != GIDX_OK)
            goto done;
        if (s.x[i] < 0) {
            rc = at(&d, r_p1, cols[i], GIDX_EDATA, "industry %s: negative output P1 %g", codes[i], s.x[i]);
            goto done;
        }
    }
    for (i = 0; i < n; i++)
        labels[i] = cell_text(&d, rows[i], COL_CODE + 1);
    s.labels = labels;
    s.n = n;
    s.codes = codes;
    s.year = year;
    s.source = dom_name;
    rc = gidx__io_build_ssb(out, &s);
    if (rc == GIDX_OK && errs.len > 0 &&
        (rc = gidx__io_note_add(*out, "Cells holding Excel error values in SSB's workbooks, read as 0 "
                                "(the table balances without them): %s.", errs.s)) != GIDX_OK) {
        gidx_io_model_free(*out);
        *out = NULL;
    }
done:
    gidx__buf_free(&errs);
    gidx_xlsx_sheet_free(d.sh);
    gidx_xlsx_sheet_free(m.sh);
    free(s.Z);
    free(s.Zm);
    free(s.fd);
    free(s.x);
    free(s.b1g);
    free(s.d1);
    free(s.tax);
    return rc;
}

gidx_status gidx_io_model_load_ssb(gidx_io_model **out, const char *domestic, const char *imports)
{
    gidx_xlsx *d = NULL, *m = NULL;
    gidx_status rc;
    if (out != NULL)
        *out = NULL;
    if (out == NULL || domestic == NULL || imports == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_load_ssb: NULL argument");
    if ((rc = gidx_xlsx_open(&d, domestic, NULL)) == GIDX_OK &&
        (rc = gidx_xlsx_open(&m, imports, NULL)) == GIDX_OK)
        rc = gidx__io_load_ssb_wb(out, d, domestic, m, imports);
    gidx_xlsx_free(d);
    gidx_xlsx_free(m);
    return rc;
}
