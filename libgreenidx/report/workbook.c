/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Workbooks: sheets of typed cells written as Office Open XML spreadsheets
 * (ECMA-376, .xlsx) with libxlsxwriter (Debian's libxlsxwriter-dev;
 * https://libxlsxwriter.github.io). libxlsxwriter writes to a file name, so
 * the workbook is first written to a private temporary file, read back into
 * memory and removed; gidx_workbook_write() then puts the bytes in place with
 * gidx_write_file(), whole or not at all.
 *
 * Limits are those of the format (ECMA-376 / Excel specifications and
 * limits): 1,048,576 rows, 16,384 columns, 32,767 characters in a cell, sheet
 * names of at most 31 characters without []:*?/\ and unique regardless of
 * case.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "../core/internal.h"
#include "report_internal.h"
#include <greenidx/indicators.h>
#include <greenidx/table.h>

#define MAX_ROWS 1048576u
#define MAX_COLS 16384u
#define MAX_TEXT 32767u

typedef struct cell {
    char *s;        /* text cell, or NULL */
    double v;       /* number cell (NaN = missing) when s is NULL */
} cell;

typedef struct sheet {
    char *name;
    size_t ncols, nrows, cap;
    char **header;  /* "name (unit)" */
    int *types;
    cell *cells;
} sheet;

struct gidx_workbook {
    sheet *sheets;
    size_t n, cap;
};

static void sheet_free(sheet *s)
{
    size_t i;
    free(s->name);
    for (i = 0; s->header && i < s->ncols; i++)
        free(s->header[i]);
    free(s->header);
    free(s->types);
    for (i = 0; i < s->nrows * s->ncols; i++)
        free(s->cells[i].s);
    free(s->cells);
}

gidx_status gidx_workbook_new(gidx_workbook **out)
{
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_new: out is NULL");
    *out = gidx__calloc(1, sizeof **out);
    return *out ? GIDX_OK : GIDX_ENOMEM;
}

void gidx_workbook_free(gidx_workbook *wb)
{
    size_t i;
    if (wb == NULL)
        return;
    for (i = 0; i < wb->n; i++)
        sheet_free(&wb->sheets[i]);
    free(wb->sheets);
    free(wb);
}

size_t gidx_workbook_nsheets(const gidx_workbook *wb)
{
    return wb ? wb->n : 0;
}

const char *gidx_workbook_sheet_name(const gidx_workbook *wb, size_t i)
{
    return wb && i < wb->n ? wb->sheets[i].name : NULL;
}

/* A valid, unique sheet name: forbidden characters become '_', at most 31
 * characters (whole UTF-8 sequences), " (2)", " (3)" ... against clashes. */
static char *sheet_name(const gidx_workbook *wb, const char *want)
{
    char base[128], name[160];
    size_t n = 0, chars = 0, i, k;
    const char *p;
    for (p = want && *want ? want : "Sheet"; *p && n < sizeof base - 5; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch & 0xC0) != 0x80) {
            if (chars == 31)
                break;
            chars++;
        }
        base[n++] = strchr("[]:*?/\\", *p) ? '_' : (char)ch;
    }
    base[n] = '\0';
    /* a name may not begin or end with an apostrophe */
    if (base[0] == '\'')
        base[0] = '_';
    if (n > 0 && base[n - 1] == '\'')
        base[n - 1] = '_';
    snprintf(name, sizeof name, "%s", base);
    for (k = 2;; k++) {
        int clash = 0;
        for (i = 0; i < wb->n; i++)
            if (strcasecmp(wb->sheets[i].name, name) == 0)
                clash = 1;
        if (!clash)
            break;
        {
            char suffix[24];
            size_t sl = (size_t)snprintf(suffix, sizeof suffix, " (%zu)", k), keep = n, c = 0;
            /* shorten the base so that base + suffix has at most 31 characters */
            for (keep = 0, c = 0; keep < n; keep++)
                if (((unsigned char)base[keep] & 0xC0) != 0x80 && ++c > 31 - sl)
                    break;
            snprintf(name, sizeof name, "%.*s%s", (int)keep, base, suffix);
        }
    }
    return gidx__strdup(name);
}

gidx_status gidx_workbook_add_sheet(gidx_workbook *wb, const char *name, size_t ncols,
                                    const char *const *header, const char *const *units,
                                    const int *types)
{
    sheet *s;
    size_t j;
    if (wb == NULL || header == NULL || ncols == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_sheet: NULL argument or no columns");
    if (ncols > MAX_COLS)
        return gidx__error_set(GIDX_ELIMIT, "sheet %s: %zu columns, an xlsx sheet holds at most %u",
                               name ? name : "", ncols, MAX_COLS);
    for (j = 0; types && j < ncols; j++)
        if (types[j] < GIDX_CELL_TEXT || types[j] > GIDX_CELL_YEAR)
            return gidx__error_set(GIDX_EINVAL, "sheet %s: column %zu has unknown type %d",
                                   name ? name : "", j + 1, types[j]);
    if (wb->n == wb->cap) {
        size_t cap = wb->cap ? 2 * wb->cap : 8;
        sheet *ns = gidx__reallocarray(wb->sheets, cap, sizeof *ns);
        if (ns == NULL)
            return GIDX_ENOMEM;
        wb->sheets = ns;
        wb->cap = cap;
    }
    s = &wb->sheets[wb->n];
    memset(s, 0, sizeof *s);
    s->ncols = ncols;
    s->name = sheet_name(wb, name);
    s->header = gidx__calloc(ncols, sizeof *s->header);
    s->types = gidx__calloc(ncols, sizeof *s->types);
    if (s->name == NULL || s->header == NULL || s->types == NULL)
        goto nomem;
    for (j = 0; j < ncols; j++) {
        gidx__buf b = GIDX__BUF_INIT;
        gidx__buf_puts(&b, header[j] ? header[j] : "");
        if (units && units[j] && units[j][0])
            gidx__buf_printf(&b, " (%s)", units[j]);
        if ((s->header[j] = gidx__buf_take(&b)) == NULL)
            goto nomem;
        s->types[j] = types ? types[j] : GIDX_CELL_TEXT;
    }
    wb->n++;
    return GIDX_OK;
nomem:
    sheet_free(s);
    return gidx__error_set(GIDX_ENOMEM, "out of memory adding sheet %s", name ? name : "");
}

/* "B7" for row i (0 = header), column j. */
static void cell_ref(char *out, size_t cap, size_t i, size_t j)
{
    char col[8];
    size_t n = 0, k;
    j++;
    while (j > 0 && n < sizeof col) {
        col[n++] = (char)('A' + (j - 1) % 26);
        j = (j - 1) / 26;
    }
    for (k = 0; k < n / 2; k++) {
        char t = col[k];
        col[k] = col[n - 1 - k];
        col[n - 1 - k] = t;
    }
    snprintf(out, cap, "%.*s%zu", (int)n, col, i + 1);
}

/* Add a row of typed cells: text from @p text, numbers from @p num when
 * given, else parsed from @p text. */
static gidx_status add_row_to(gidx_workbook *wb, size_t k, const char *const *text,
                              const double *num, size_t n)
{
    sheet *s;
    size_t j;
    cell *row;
    if (wb == NULL || k >= wb->n || (text == NULL && num == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_row: no workbook, sheet or cells");
    s = &wb->sheets[k];
    if (n != s->ncols)
        return gidx__error_set(GIDX_EINVAL, "sheet %s: a row of %zu cells, the sheet has %zu columns",
                               s->name, n, s->ncols);
    if (s->nrows + 1 >= MAX_ROWS)
        return gidx__error_set(GIDX_ELIMIT, "sheet %s: more than %u rows, the limit of an xlsx sheet",
                               s->name, MAX_ROWS);
    if ((s->nrows + 1) * s->ncols > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64 * s->ncols;
        cell *nc = gidx__reallocarray(s->cells, cap, sizeof *nc);
        if (nc == NULL)
            return GIDX_ENOMEM;
        s->cells = nc;
        s->cap = cap;
    }
    row = s->cells + s->nrows * s->ncols;
    for (j = 0; j < n; j++) {
        const char *t = text ? text[j] : NULL;
        char ref[24];
        row[j].s = NULL;
        row[j].v = NAN;
        if (s->types[j] == GIDX_CELL_TEXT) {
            if (t == NULL || t[0] == '\0')
                continue;
            if (strlen(t) > MAX_TEXT)
                goto limit;
            if ((row[j].s = gidx__strdup(t)) == NULL)
                goto nomem;
        } else if (num != NULL) {
            row[j].v = num[j];
        } else if (t != NULL && t[0] != '\0' && strcmp(t, "NA") != 0) {
            double v;
            if (gidx_parse_double(&v, t) != GIDX_OK) {
                size_t bad = j;
                cell_ref(ref, sizeof ref, s->nrows + 1, j);
                gidx__error_set(GIDX_EDATA, "sheet %s, cell %s (column %s): \"%s\" is not a number",
                                s->name, ref, s->header[bad], t);
                while (j-- > 0)
                    free(row[j].s);
                return GIDX_EDATA;
            }
            row[j].v = v;
        }
    }
    s->nrows++;
    return GIDX_OK;
limit:
    {
        char ref[24];
        cell_ref(ref, sizeof ref, s->nrows + 1, j);
        while (j-- > 0)
            free(row[j].s);
        return gidx__error_set(GIDX_ELIMIT, "sheet %s, cell %s: text longer than %u bytes",
                               s->name, ref, MAX_TEXT);
    }
nomem:
    while (j-- > 0)
        free(row[j].s);
    return GIDX_ENOMEM;
}

static gidx_status add_row(gidx_workbook *wb, const char *const *text, const double *num, size_t n)
{
    return add_row_to(wb, wb && wb->n ? wb->n - 1 : 0, text, num, n);
}

gidx_status gidx__workbook_add_row_to(gidx_workbook *wb, size_t sheet_index,
                                      const char *const *text, const double *num, size_t n)
{
    return add_row_to(wb, sheet_index, text, num, n);
}

gidx_status gidx_workbook_add_row(gidx_workbook *wb, const char *const *cells, size_t n)
{
    if (cells == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_row: cells is NULL");
    return add_row(wb, cells, NULL, n);
}

/* Internal: a row of numbers and text (NaN = missing). */
gidx_status gidx__workbook_add_values(gidx_workbook *wb, const char *const *text,
                                      const double *num, size_t n)
{
    return add_row(wb, text, num, n);
}

static int type_of(char c)
{
    switch (c) {
    case 'n': return GIDX_CELL_NUMBER;
    case 'i': return GIDX_CELL_INTEGER;
    case 'y': return GIDX_CELL_YEAR;
    case 't': return GIDX_CELL_TEXT;
    default: return -1;
    }
}

gidx_status gidx_workbook_add_csv(gidx_workbook *wb, const char *name, const char *csv,
                                  size_t len, const char *types, const char *const *units)
{
    gidx_table *t = NULL;
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_status rc;
    size_t nc, nr, i, j, nt = types ? strlen(types) : 0;
    const char **hdr = NULL, **un = NULL, **row = NULL;
    int *ty = NULL;
    if (wb == NULL || csv == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_csv: NULL argument");
    for (j = 0; j < nt; j++)
        if (type_of(types[j]) < 0)
            return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_csv: type letter '%c' is not "
                                   "one of t, n, i, y", types[j]);
    o.sep = ',';
    o.decimal = '.';
    if ((rc = gidx_table_parse_csv(&t, csv, len, name, &o)) != GIDX_OK)
        return rc;
    nc = gidx_table_ncols(t);
    nr = gidx_table_nrows(t);
    hdr = gidx__calloc(nc, sizeof *hdr);
    un = gidx__calloc(nc, sizeof *un);
    row = gidx__calloc(nc, sizeof *row);
    ty = gidx__calloc(nc, sizeof *ty);
    if (!hdr || !un || !row || !ty) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (j = 0; j < nc; j++) {
        hdr[j] = gidx_table_colname(t, j);
        ty[j] = nt == 0 ? GIDX_CELL_TEXT : type_of(types[j < nt ? j : nt - 1]);
        for (i = 0; units && units[i] && units[i + 1]; i += 2)
            if (strcmp(units[i], hdr[j]) == 0)
                un[j] = units[i + 1];
    }
    if ((rc = gidx_workbook_add_sheet(wb, name, nc, hdr, un, ty)) != GIDX_OK)
        goto done;
    for (i = 0; i < nr && rc == GIDX_OK; i++) {
        for (j = 0; j < nc; j++)
            row[j] = gidx_table_cell(t, i, j);
        rc = add_row(wb, row, NULL, nc);
    }
    if (rc != GIDX_OK) {
        /* whole or not at all: drop the half-filled sheet */
        sheet_free(&wb->sheets[--wb->n]);
    }
done:
    free(hdr);
    free(un);
    free(row);
    free(ty);
    gidx_table_free(t);
    return rc;
}

/* --------------------------------------------------------------- write */

static gidx_status lxw_fail(lxw_error e, const char *what)
{
    return gidx__error_set(GIDX_EIO, "xlsx: %s: %s", what, lxw_strerror(e));
}

static gidx_status write_sheets(lxw_workbook *x, const gidx_workbook *wb)
{
    lxw_format *bold = workbook_add_format(x), *whole = workbook_add_format(x);
    size_t k, i, j;
    if (bold == NULL || whole == NULL)
        return GIDX_ENOMEM;
    format_set_bold(bold);
    format_set_num_format(whole, "0");
    for (k = 0; k < wb->n; k++) {
        const sheet *s = &wb->sheets[k];
        lxw_worksheet *w = workbook_add_worksheet(x, s->name);
        lxw_error e;
        if (w == NULL)
            return gidx__error_set(GIDX_EIO, "xlsx: cannot add sheet \"%s\"", s->name);
        for (j = 0; j < s->ncols; j++)
            if ((e = worksheet_write_string(w, 0, (lxw_col_t)j, s->header[j], bold)) != LXW_NO_ERROR)
                return lxw_fail(e, s->name);
        worksheet_freeze_panes(w, 1, 0);
        for (i = 0; i < s->nrows; i++)
            for (j = 0; j < s->ncols; j++) {
                const cell *c = &s->cells[i * s->ncols + j];
                lxw_row_t r = (lxw_row_t)(i + 1);
                e = LXW_NO_ERROR;
                if (c->s != NULL) {
                    if (gidx__formula_like(c->s)) {
                        /* neutralised as in every CSV writer (core/csv.c) */
                        char *q = gidx__malloc(strlen(c->s) + 2);
                        if (q == NULL)
                            return GIDX_ENOMEM;
                        q[0] = '\'';
                        strcpy(q + 1, c->s);
                        e = worksheet_write_string(w, r, (lxw_col_t)j, q, NULL);
                        free(q);
                    } else {
                        e = worksheet_write_string(w, r, (lxw_col_t)j, c->s, NULL);
                    }
                } else if (gidx__isfinite(c->v)) {
                    e = worksheet_write_number(w, r, (lxw_col_t)j, c->v,
                                               s->types[j] == GIDX_CELL_INTEGER ||
                                               s->types[j] == GIDX_CELL_YEAR ? whole : NULL);
                }
                if (e != LXW_NO_ERROR)
                    return lxw_fail(e, s->name);
            }
    }
    return GIDX_OK;
}

/* The bytes of a file, removed afterwards. */
static gidx_status slurp(char **out, size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    gidx__buf b = GIDX__BUF_INIT;
    char chunk[65536];
    size_t n;
    if (f == NULL)
        return gidx__error_set(GIDX_EIO, "xlsx: cannot read back %s: %s", path, strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        gidx__buf_append(&b, chunk, n);
    if (ferror(f)) {
        fclose(f);
        gidx__buf_free(&b);
        return gidx__error_set(GIDX_EIO, "xlsx: cannot read back %s", path);
    }
    fclose(f);
    *len = b.len;
    *out = gidx__buf_take(&b);
    return *out ? GIDX_OK : GIDX_ENOMEM;
}

gidx_status gidx_workbook_render(char **out, size_t *len, const gidx_workbook *wb)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    lxw_workbook *x;
    lxw_error e;
    gidx_status rc;
    int fd;
    size_t n = 0;
    if (out == NULL || wb == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_render: NULL argument");
    *out = NULL;
    if (len)
        *len = 0;
    if (wb->n == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_render: the workbook has no sheet");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    if ((size_t)snprintf(path, sizeof path, "%s/greenidx-xlsx-XXXXXX", dir) >= sizeof path)
        return gidx__error_set(GIDX_EIO, "xlsx: TMPDIR is too long");
    if ((fd = mkstemp(path)) < 0)
        return gidx__error_set(GIDX_EIO, "xlsx: cannot create a temporary file in %s: %s", dir,
                               strerror(errno));
    close(fd);
    x = workbook_new(path);
    if (x == NULL) {
        unlink(path);
        return gidx__error_set(GIDX_EIO, "xlsx: cannot start a workbook in %s", path);
    }
    rc = write_sheets(x, wb);
    e = workbook_close(x);   /* writes the file and frees x */
    if (rc == GIDX_OK && e != LXW_NO_ERROR)
        rc = lxw_fail(e, "writing the workbook");
    if (rc == GIDX_OK)
        rc = slurp(out, &n, path);
    unlink(path);
    if (rc == GIDX_OK && len)
        *len = n;
    return rc;
}

gidx_status gidx_workbook_write(const gidx_workbook *wb, const char *path)
{
    char *bytes = NULL;
    size_t n = 0;
    gidx_status rc;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_write: path is NULL");
    if ((rc = gidx_workbook_render(&bytes, &n, wb)) == GIDX_OK)
        rc = gidx_write_file(path, bytes, n);
    free(bytes);
    return rc;
}

/* ----------------------------------------------------------------- CSV */

gidx_status gidx_workbook_render_csv(char **out, size_t *len, const gidx_workbook *wb)
{
    gidx__buf b = GIDX__BUF_INIT;
    size_t k, i, j;
    if (out == NULL || wb == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_render_csv: NULL argument");
    *out = NULL;
    if (len)
        *len = 0;
    gidx__buf_puts(&b, "sheet,row,column,value\n");
    for (k = 0; k < wb->n; k++) {
        const sheet *s = &wb->sheets[k];
        for (i = 0; i < s->nrows; i++)
            for (j = 0; j < s->ncols; j++) {
                const cell *c = &s->cells[i * s->ncols + j];
                if (c->s == NULL && !gidx__isfinite(c->v))
                    continue;   /* an empty cell has no row */
                gidx__csv_field(&b, s->name);
                gidx__buf_printf(&b, ",%zu,", i + 1);
                gidx__csv_field(&b, s->header[j]);
                gidx__buf_putc(&b, ',');
                if (c->s != NULL)
                    gidx__csv_field(&b, c->s);
                else
                    gidx__buf_printf(&b, "%.17g", c->v);
                gidx__buf_putc(&b, '\n');
            }
    }
    if (b.failed) {
        gidx__buf_free(&b);
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering CSV");
    }
    if (len)
        *len = b.len;
    *out = gidx__buf_take(&b);
    return *out ? GIDX_OK : gidx__error_set(GIDX_ENOMEM, "out of memory rendering CSV");
}

/* --------------------------------------------------------------- panels */

gidx_status gidx_workbook_add_panel(gidx_workbook *wb, const gidx_panel *p, const char *region)
{
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    size_t ni, nr, ny, r0 = 0, r1, r, y, i;
    const char **hdr = NULL, **units = NULL, **text = NULL;
    int *types = NULL;
    double *num = NULL;
    gidx_status rc = GIDX_OK;
    static const char *const chdr[] = { "id", "name_en", "name_nb", "unit", "pillar", "direction" };
    static const char *const dirs[] = { "context", "higher is better", "lower is better" };
    if (wb == NULL || p == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_workbook_add_panel: NULL argument");
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    ni = gidx_catalog_count(cat);
    nr = gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    r1 = nr;
    if (region != NULL) {
        if ((rc = gidx_dataset_match_region(&r0, ds, region)) != GIDX_OK)
            return rc;
        r1 = r0 + 1;
    }
    hdr = gidx__calloc(ni + 3, sizeof *hdr);
    units = gidx__calloc(ni + 3, sizeof *units);
    text = gidx__calloc(ni + 3, sizeof *text);
    types = gidx__calloc(ni + 3, sizeof *types);
    num = gidx__calloc(ni + 3, sizeof *num);
    if (!hdr || !units || !text || !types || !num) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    hdr[0] = "region_code"; hdr[1] = "region_name"; hdr[2] = "year";
    types[2] = GIDX_CELL_YEAR;
    for (i = 0; i < ni; i++) {
        const gidx_indicator *d = gidx_catalog_indicator(cat, i);
        hdr[i + 3] = gidx_indicator_id(d);
        units[i + 3] = gidx_indicator_text(d, "unit");
        types[i + 3] = GIDX_CELL_NUMBER;
    }
    if ((rc = gidx_workbook_add_sheet(wb, "indicators", ni + 3, hdr, units, types)) != GIDX_OK)
        goto done;
    for (r = r0; r < r1 && rc == GIDX_OK; r++) {
        const char *code = gidx_dataset_region(ds, r);
        text[0] = code;
        text[1] = gidx_dataset_region_name(ds, code);
        for (y = 0; y < ny && rc == GIDX_OK; y++) {
            int year = gidx_dataset_year(ds, y);
            num[0] = num[1] = NAN;
            num[2] = year;
            for (i = 0; i < ni; i++) {
                double v = NAN;
                const char *why = NULL;
                gidx_panel_get(&v, &why, p, code, year,
                               gidx_indicator_id(gidx_catalog_indicator(cat, i)));
                num[i + 3] = why == NULL ? v : NAN;
            }
            rc = add_row(wb, text, num, ni + 3);
        }
    }
    if (rc == GIDX_OK &&
        (rc = gidx_workbook_add_sheet(wb, "catalogue", 6, chdr, NULL, NULL)) == GIDX_OK) {
        for (i = 0; i < ni && rc == GIDX_OK; i++) {
            const gidx_indicator *d = gidx_catalog_indicator(cat, i);
            const char *row[6];
            int dir = gidx_indicator_direction(d);
            row[0] = gidx_indicator_id(d);
            row[1] = gidx_indicator_text(d, "name_en");
            row[2] = gidx_indicator_text(d, "name_nb");
            row[3] = gidx_indicator_text(d, "unit");
            row[4] = gidx_indicator_text(d, "pillar");
            row[5] = dir >= 0 && dir <= 2 ? dirs[dir] : "";
            rc = add_row(wb, row, NULL, 6);
        }
    }
done:
    free(hdr);
    free(units);
    free(text);
    free(types);
    free(num);
    return rc;
}
