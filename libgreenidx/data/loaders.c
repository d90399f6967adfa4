/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * File loaders into a dataset (long and wide CSV, Miljødirektoratet's
 * municipal emissions CSV) and the long CSV writer.
 *
 * Every loader reads a gidx_table first (libcsv; Norwegian dialects handled
 * by table.c), so every error can name file, line and column. SSB's
 * statistics-bank exports start with a title line and a blank line; when the
 * caller does not set csv.skip_lines, leading lines without any separator
 * outside quotes are skipped as titles (a CSV header always has one).
 * Formats: RFC 4180 (CSV); StatBank Norway, "Symbols in tables" (".."
 * confidential, "." not applicable, ":" not published, "-" nil).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

/* ---- shared helpers ---- */

size_t gidx__data_title_lines(const char *s, size_t len, char sep)
{
    size_t pos = 0, lines = 0;
    while (pos < len) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - s) : len, k;
        int inq = 0;
        for (k = pos; k < end; k++) {
            char c = s[k];
            if (c == '"')
                inq = !inq;
            else if (!inq && (sep ? c == sep : (c == ',' || c == ';' || c == '\t')))
                return lines;
        }
        lines++;
        if (nl == NULL)
            break;
        pos = end + 1;
    }
    return 0; /* no line with a separator: a one-column file, skip nothing */
}

/* The CSV options to read @p buf with: @p csv (version 1) or the defaults,
 * and the title lines above the header found when none are given. */
static gidx_status resolve_csv_options(gidx_csv_options *o, const gidx_csv_options *csv,
                                       const char *buf, size_t len, const char *name)
{
    gidx_csv_options d = GIDX_CSV_OPTIONS_INIT;
    *o = d;
    if (csv != NULL) {
        if (csv->version != 1)
            return gidx__error_set(GIDX_EINVAL, "%s: gidx_csv_options.version must be 1", name);
        *o = *csv;
    }
    if (o->skip_lines == 0)
        o->skip_lines = gidx__data_title_lines(buf, len, o->sep);
    return GIDX_OK;
}

gidx_status gidx__data_read_table(gidx_table **t, const char *buf, size_t len,
                                  const char *name, const gidx_csv_options *csv)
{
    gidx_csv_options o;
    gidx_status rc = resolve_csv_options(&o, csv, buf, len, name);
    if (rc != GIDX_OK)
        return rc;
    return gidx_table_parse_csv(t, buf, len, name, &o);
}

gidx_status gidx__data_cell_year(int *year, const gidx_table *t, size_t i, size_t j)
{
    const char *c = gidx_table_cell(t, i, j);
    double v;
    /* range first: converting 1e300 or NaN to long is undefined behaviour */
    /* years 1..9999, as the JSON-stat reader's four-digit time codes */
    if (gidx_parse_double(&v, c) != GIDX_OK || !(v >= 1 && v <= 9999) || v != (double)(long)v)
        return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): \"%s\" is not a year (1 to 9999)",
                               gidx_table_name(t), gidx_table_line(t, i), j + 1,
                               gidx_table_colname(t, j), c);
    *year = (int)v;
    return GIDX_OK;
}

gidx_status gidx__data_cell_value(double *v, int *flag, const gidx_table *t, size_t i, size_t j)
{
    const char *c = gidx_table_cell(t, i, j);
    int f = gidx__symbol_flag(c);
    gidx_status rc;
    if (f >= 0) {
        *v = gidx__nan();
        *flag = f;
        return GIDX_OK;
    }
    if ((rc = gidx_table_cell_double(v, t, i, j)) != GIDX_OK)
        return rc;
    *flag = GIDX_FLAG_OK;
    return GIDX_OK;
}

static const char *const flag_words[] = { "", "missing", "confidential", "not_applicable",
                                          "provisional" };

/* Flag named by a flag cell, or -1. */
static int parse_flag(const char *s)
{
    char *f;
    int r = -1;
    size_t k;
    while (*s == ' ')
        s++;
    if (*s == '\0' || strcmp(s, "ok") == 0 || strcmp(s, "OK") == 0) return GIDX_FLAG_OK;
    if (strcmp(s, "p") == 0 || strcmp(s, "P") == 0) return GIDX_FLAG_PROVISIONAL;
    if (strcmp(s, "..") == 0) return GIDX_FLAG_CONFIDENTIAL;
    if (strcmp(s, ".") == 0) return GIDX_FLAG_NOT_APPLICABLE;
    if (strcmp(s, "NA") == 0 || strcmp(s, ":") == 0 || strcmp(s, "-") == 0) return GIDX_FLAG_MISSING;
    f = gidx__data_fold(s);
    if (f == NULL)
        return -2;
    for (k = 1; k < sizeof flag_words / sizeof flag_words[0]; k++)
        if (strcmp(f, flag_words[k]) == 0)
            r = (int)k;
    free(f);
    return r;
}

/* Duplicate detector. The dataset says whether a cell was already set;
 * the line that set it is found only when there is a duplicate, by running
 * the loader again over the table in "find" mode (no dataset, stop at the
 * first row that gives the same cell), so that a load keeps no per-cell
 * record of lines (issue 19: memory within twice the input). */
typedef struct dupcheck {
    int find;                 /* 0: load; 1: look for the cell below */
    char *region, *variable;  /* the duplicate cell */
    int year;
    size_t line, col;         /* where the duplicate was seen */
    size_t found;             /* find mode: line of the first occurrence */
} dupcheck;

#define DUPCHECK_INIT { 0, NULL, NULL, 0, 0, 0, 0 }

/* No table column: the name is not a cell of the row. */
#define NOCOL ((size_t)-1)

/* Cell (region, year, variable) from row @p i of @p t; @p rcol and @p vcol
 * are the columns the names come from (NOCOL when they do not), so that a
 * long field is handed to the dataset instead of copied. */
static gidx_status set_cell(gidx_dataset *ds, dupcheck *d, const gidx_table *t, size_t i,
                            size_t col, size_t rcol, size_t vcol, const char *region,
                            int year, const char *variable, double v, int flag)
{
    unsigned adopt = 0, taken = 0;
    gidx_status rc;
    if (region[0] == '\0')
        return gidx__error_set(GIDX_EDATA, "%s:%zu: empty region", gidx_table_name(t),
                               gidx_table_line(t, i));
    if (variable[0] == '\0')
        return gidx__error_set(GIDX_EDATA, "%s:%zu: empty variable name", gidx_table_name(t),
                               gidx_table_line(t, i));
    if (d->find) {
        if (year == d->year && strcmp(region, d->region) == 0 &&
            strcmp(variable, d->variable) == 0) {
            d->found = gidx_table_line(t, i);
            return GIDX_EDUPLICATE;   /* stop: found */
        }
        return GIDX_OK;
    }
    if (gidx_dataset_has(ds, region, year, variable)) {
        d->region = gidx__strdup(region);
        d->variable = gidx__strdup(variable);
        if (d->region == NULL || d->variable == NULL)
            return GIDX_ENOMEM;
        d->year = year;
        d->line = gidx_table_line(t, i);
        d->col = col + 1;
        return GIDX_EDUPLICATE;
    }
    if (rcol != NOCOL && gidx__table_cell_owned(t, i, rcol))
        adopt |= 1u;
    if (vcol != NOCOL && vcol != rcol && gidx__table_cell_owned(t, i, vcol))
        adopt |= 2u;
    rc = gidx__dataset_set_adopt(ds, region, year, variable, v, flag, adopt, &taken);
    if (taken & 1u)
        gidx__table_cell_disown(t, i, rcol);
    if (taken & 2u)
        gidx__table_cell_disown(t, i, vcol);
    return rc;
}

/* A loader's rows, with the duplicate detector. */
typedef gidx_status (*rows_fn)(gidx_dataset *ds, const gidx_table *t, const void *vopt,
                               dupcheck *d);

/* Rows of a CSV file go to the dataset in windows of this many, so that a
 * large file's rows are never all in memory beside the dataset. */
#define ROW_WINDOW ((size_t)1 << 16)

typedef struct rows_ctx {
    rows_fn fn;
    gidx_dataset *ds;   /* NULL in find mode */
    const void *opt;
    dupcheck *d;
} rows_ctx;

static gidx_status rows_each(const gidx_table *t, void *arg)
{
    rows_ctx *c = arg;
    return c->fn(c->ds, t, c->opt, c->d);
}

static gidx_status parse_rows(const char *buf, size_t len, const char *name,
                              const gidx_csv_options *csv, rows_ctx *c, size_t *nrows)
{
    gidx_csv_options o;
    gidx_status rc = resolve_csv_options(&o, csv, buf, len, name);
    if (rc != GIDX_OK)
        return rc;
    return gidx__table_parse_rows(buf, len, name, &o, ROW_WINDOW, rows_each, c, nrows);
}

/* A long, wide or emissions CSV into a new dataset, its rows streamed in
 * windows, then @p finish (may be NULL) on the dataset; on a duplicate cell
 * the text is parsed again to find the line of the first occurrence, and
 * both lines are reported. */
static gidx_status load_rows(rows_fn fn, gidx_status (*finish)(gidx_dataset *, const void *),
                             gidx_dataset **out, const char *buf, size_t len,
                             const char *name, const gidx_csv_options *csv, const void *opt)
{
    gidx_dataset *ds = NULL;
    dupcheck d = DUPCHECK_INIT, f = DUPCHECK_INIT;
    rows_ctx c;
    size_t nrows = 0;
    gidx_status rc;
    if ((rc = gidx_dataset_new(&ds)) != GIDX_OK)
        return rc;
    c.fn = fn;
    c.ds = ds;
    c.opt = opt;
    c.d = &d;
    rc = parse_rows(buf, len, name, csv, &c, &nrows);
    if (rc == GIDX_EDUPLICATE && d.region != NULL) {
        f.find = 1;
        f.region = d.region;
        f.variable = d.variable;
        f.year = d.year;
        c.ds = NULL;
        c.d = &f;
        (void)parse_rows(buf, len, name, csv, &c, NULL);
        rc = gidx__error_set(GIDX_EDUPLICATE,
            "%s:%zu: column %zu: region %s, year %d, variable %s is already given on line %zu",
            name, d.line, d.col, d.region, d.year, d.variable, f.found);
    } else if (rc == GIDX_OK && nrows == 0) {
        rc = gidx__error_set(GIDX_EDATA, "%s: no data rows after the header", name);
    }
    free(d.region);
    free(d.variable);
    if (rc == GIDX_OK && finish != NULL)
        rc = finish(ds, opt);
    if (rc == GIDX_OK)
        rc = gidx_dataset_set_meta(ds, "file", name);
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        return rc;
    }
    *out = ds;
    return GIDX_OK;
}

static gidx_status load_file(gidx_status (*parse)(gidx_dataset **, const char *, size_t,
                                                  const char *, const void *),
                             gidx_dataset **out, const char *path, const void *opt,
                             const gidx_csv_options *csv)
{
    size_t max_bytes = csv ? csv->max_bytes : 0;
    gidx__text text;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "loader: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "loader: path is NULL");
    if ((rc = gidx__csv_field_scan(path, csv, max_bytes ? max_bytes : ((size_t)1 << 30))) != GIDX_OK)
        return rc;
    /* mapped, not read: the parser gives back the pages it has passed */
    if ((rc = gidx__text_open(&text, path, max_bytes ? max_bytes : ((size_t)1 << 30))) != GIDX_OK)
        return rc;
    gidx__text_current = &text;
    rc = parse(out, text.data, text.len, path, opt);
    gidx__text_current = NULL;
    gidx__text_close(&text);
    return rc;
}

/* ---- long CSV ---- */

static gidx_status long_rows_d(gidx_dataset *ds, const gidx_table *t, const void *vopt,
                               dupcheck *d)
{
    const gidx_long_csv_options *o = vopt;
    size_t cr, cy, cv, cx, cf = 0, i;
    int have_flag = 0;
    gidx_status rc;
    if ((rc = gidx_table_find_column(&cr, t, o->region)) != GIDX_OK ||
        (rc = gidx_table_find_column(&cy, t, o->year)) != GIDX_OK ||
        (rc = gidx_table_find_column(&cv, t, o->variable)) != GIDX_OK ||
        (rc = gidx_table_find_column(&cx, t, o->value)) != GIDX_OK)
        return rc;
    if (o->flag != NULL && gidx_table_find_column(&cf, t, o->flag) == GIDX_OK)
        have_flag = 1;
    gidx_error_clear();
    for (i = 0; i < gidx_table_nrows(t); i++) {
        int year, flag;
        double v;
        if ((rc = gidx__data_cell_year(&year, t, i, cy)) != GIDX_OK ||
            (rc = gidx__data_cell_value(&v, &flag, t, i, cx)) != GIDX_OK)
            break;
        if (have_flag) {
            int f = parse_flag(gidx_table_cell(t, i, cf));
            if (f == -2) { rc = GIDX_ENOMEM; break; }
            if (f < 0) {
                rc = gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): unknown flag \"%s\"",
                                     gidx_table_name(t), gidx_table_line(t, i), cf + 1, o->flag,
                                     gidx_table_cell(t, i, cf));
                break;
            }
            if (f != GIDX_FLAG_OK) {
                if ((f == GIDX_FLAG_PROVISIONAL) && flag != GIDX_FLAG_OK) {
                    rc = gidx__error_set(GIDX_EDATA,
                        "%s:%zu: a provisional value must be a number", gidx_table_name(t),
                        gidx_table_line(t, i));
                    break;
                }
                flag = f;
            }
        }
        if ((rc = set_cell(ds, d, t, i, cx, cr, cv, gidx_table_cell(t, i, cr), year,
                           gidx_table_cell(t, i, cv), v, flag)) != GIDX_OK)
            break;
    }
    return rc;
}


static gidx_status long_check(const gidx_long_csv_options *o, const char *name)
{
    if (o->version != 1)
        return gidx__error_set(GIDX_EINVAL, "%s: gidx_long_csv_options.version must be 1", name);
    if (o->region == NULL || o->year == NULL || o->variable == NULL || o->value == NULL)
        return gidx__error_set(GIDX_EINVAL, "%s: a column name in gidx_long_csv_options is NULL",
                               name);
    return GIDX_OK;
}

gidx_status gidx_dataset_parse_csv(gidx_dataset **out, const char *buf, size_t len,
                                   const char *name, const gidx_long_csv_options *opt)
{
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_csv: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_csv: buf is NULL");
    if (name == NULL)
        name = "<memory>";
    if (opt != NULL)
        o = *opt;
    if ((rc = long_check(&o, name)) != GIDX_OK)
        return rc;
    return load_rows(long_rows_d, NULL, out, buf ? buf : "", len, name, &o.csv, &o);
}

static gidx_status parse_long_v(gidx_dataset **out, const char *buf, size_t len,
                                const char *name, const void *opt)
{
    return gidx_dataset_parse_csv(out, buf, len, name, opt);
}

gidx_status gidx_dataset_load_csv(gidx_dataset **out, const char *path,
                                  const gidx_long_csv_options *opt)
{
    return load_file(parse_long_v, out, path, opt, opt ? &opt->csv : NULL);
}

/* ---- wide CSV ---- */

static int header_year(int *year, const char *h)
{
    double v;
    size_t k;
    for (k = 0; h[k]; k++)
        if ((h[k] < '0' || h[k] > '9') && h[k] != ' ')
            return 0;
    if (gidx_parse_double(&v, h) != GIDX_OK || v < 1000 || v > 9999)
        return 0;
    *year = (int)v;
    return 1;
}

static gidx_status wide_rows_d(gidx_dataset *ds, const gidx_table *t, const void *vopt,
                               dupcheck *d)
{
    const gidx_wide_csv_options *o = vopt;
    size_t cr, cy = 0, cv = 0, i, j, nval = 0;
    int have_var = 0;
    gidx_status rc = GIDX_OK;
    if ((rc = gidx_table_find_column(&cr, t, o->region)) != GIDX_OK)
        return rc;
    if (o->layout == GIDX_WIDE_VARIABLES) {
        if ((rc = gidx_table_find_column(&cy, t, o->year)) != GIDX_OK)
            return rc;
    } else {
        if (o->variable != NULL && gidx_table_find_column(&cv, t, o->variable) == GIDX_OK)
            have_var = 1;
        gidx_error_clear();
        if (!have_var && (o->variable_name == NULL || o->variable_name[0] == '\0'))
            return gidx__error_set(GIDX_ENOTFOUND,
                "%s: no column named \"%s\" and no variable_name given", gidx_table_name(t),
                o->variable ? o->variable : "(null)");
    }
    for (j = 0; j < gidx_table_ncols(t); j++) {
        int y;
        if (j == cr || (o->layout == GIDX_WIDE_VARIABLES && j == cy) || (have_var && j == cv))
            continue;
        if (o->layout == GIDX_WIDE_VARIABLES || header_year(&y, gidx_table_colname(t, j)))
            nval++;
    }
    if (nval == 0)
        return gidx__error_set(GIDX_EDATA, "%s: no %s columns", gidx_table_name(t),
                               o->layout == GIDX_WIDE_VARIABLES ? "variable" : "year");
    for (i = 0; i < gidx_table_nrows(t) && rc == GIDX_OK; i++) {
        int year = 0;
        if (o->layout == GIDX_WIDE_VARIABLES &&
            (rc = gidx__data_cell_year(&year, t, i, cy)) != GIDX_OK)
            break;
        for (j = 0; j < gidx_table_ncols(t); j++) {
            const char *var;
            double v;
            int flag;
            if (j == cr || (o->layout == GIDX_WIDE_VARIABLES && j == cy) || (have_var && j == cv))
                continue;
            if (o->layout == GIDX_WIDE_VARIABLES) {
                var = gidx_table_colname(t, j);
            } else {
                if (!header_year(&year, gidx_table_colname(t, j)))
                    continue;
                var = have_var ? gidx_table_cell(t, i, cv) : o->variable_name;
            }
            if ((rc = gidx__data_cell_value(&v, &flag, t, i, j)) != GIDX_OK ||
                (rc = set_cell(ds, d, t, i, j, cr,
                               (o->layout != GIDX_WIDE_VARIABLES && have_var) ? cv : NOCOL,
                               gidx_table_cell(t, i, cr), year, var, v, flag)) != GIDX_OK)
                break;
        }
    }
    return rc;
}


gidx_status gidx_dataset_parse_wide_csv(gidx_dataset **out, const char *buf, size_t len,
                                        const char *name, const gidx_wide_csv_options *opt)
{
    gidx_wide_csv_options o = GIDX_WIDE_CSV_OPTIONS_INIT;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_wide_csv: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_wide_csv: buf is NULL");
    if (name == NULL)
        name = "<memory>";
    if (opt != NULL)
        o = *opt;
    if (o.version != 1)
        return gidx__error_set(GIDX_EINVAL, "%s: gidx_wide_csv_options.version must be 1", name);
    if (o.layout != GIDX_WIDE_YEARS && o.layout != GIDX_WIDE_VARIABLES)
        return gidx__error_set(GIDX_EINVAL, "%s: unknown wide layout %d", name, o.layout);
    if (o.region == NULL || (o.layout == GIDX_WIDE_VARIABLES && o.year == NULL))
        return gidx__error_set(GIDX_EINVAL, "%s: a column name in gidx_wide_csv_options is NULL",
                               name);
    return load_rows(wide_rows_d, NULL, out, buf ? buf : "", len, name, &o.csv, &o);
}

static gidx_status parse_wide_v(gidx_dataset **out, const char *buf, size_t len,
                                const char *name, const void *opt)
{
    return gidx_dataset_parse_wide_csv(out, buf, len, name, opt);
}

gidx_status gidx_dataset_load_wide_csv(gidx_dataset **out, const char *path,
                                       const gidx_wide_csv_options *opt)
{
    return load_file(parse_wide_v, out, path, opt, opt ? &opt->csv : NULL);
}

/* ---- Miljødirektoratet's emissions CSV ---- */

/* The sectors of "Klimagassutslipp fra kommuner" and their variable names. */
static const char *const sectors[][2] = {
    { "Veitrafikk", "ghg_road" },
    { "Oppvarming", "ghg_heating" },
    { "Industri, olje og gass", "ghg_industry" },
    { "Sjøfart", "ghg_shipping" },
    { "Jordbruk", "ghg_agriculture" },
    { "Luftfart", "ghg_aviation" },
    { "Annen mobil forbrenning", "ghg_other_mobile" },
    { "Avfall og avløp", "ghg_waste" },
    { "Energiforsyning", "ghg_energy_supply" },
    { "produkter med fluorgasser", "ghg_fluorinated" },
};

size_t gidx_ghg_nsectors(void)
{
    return sizeof sectors / sizeof sectors[0];
}

const char *gidx_ghg_sector_label(size_t i)
{
    return i < gidx_ghg_nsectors() ? sectors[i][0] : NULL;
}

const char *gidx_ghg_sector_variable(size_t i)
{
    return i < gidx_ghg_nsectors() ? sectors[i][1] : NULL;
}

/* Variable name of a sector (caller frees); shared with the workbook
 * loader (mdir.c) so that both layouts map sectors the same way. */
char *gidx__ghg_sector_variable(const char *sector)
{
    size_t k;
    char *f = gidx__data_fold(sector), *slug, *v;
    size_t n;
    if (f == NULL)
        return NULL;
    n = strlen(f);
    while (n > 0 && f[n - 1] == ' ')
        f[--n] = '\0';
    for (k = 0; k < sizeof sectors / sizeof sectors[0]; k++) {
        char *g = gidx__data_fold(sectors[k][0]);
        int eq;
        if (g == NULL) { free(f); return NULL; }
        eq = strcmp(f, g) == 0;
        free(g);
        if (eq) {
            free(f);
            return gidx__strdup(sectors[k][1]);
        }
    }
    /* A sector this version does not know: a generic slug. */
    slug = gidx__data_slug(f);
    free(f);
    if (slug == NULL)
        return NULL;
    v = gidx__malloc(strlen(slug) + 5);
    if (v != NULL) {
        memcpy(v, "ghg_", 4);
        memcpy(v + 4, slug, strlen(slug) + 1);
    }
    free(slug);
    return v;
}

/* Add @p v to a cell (summing), keeping the "worst" flag. */
gidx_status gidx__data_add_to(gidx_dataset *ds, const char *region, int year, const char *var,
                          double v, int flag)
{
    double old;
    int of;
    gidx_status rc;
    if (!gidx_dataset_has(ds, region, year, var))
        return gidx_dataset_set(ds, region, year, var, v, flag);
    if ((rc = gidx_dataset_get(&old, &of, ds, region, year, var)) != GIDX_OK)
        return rc;
    if (of == GIDX_FLAG_OK || of == GIDX_FLAG_PROVISIONAL) {
        if (flag == GIDX_FLAG_OK || flag == GIDX_FLAG_PROVISIONAL)
            return gidx_dataset_set(ds, region, year, var, old + v,
                                    (of == GIDX_FLAG_PROVISIONAL || flag == GIDX_FLAG_PROVISIONAL) ?
                                    GIDX_FLAG_PROVISIONAL : GIDX_FLAG_OK);
        if (flag == GIDX_FLAG_CONFIDENTIAL)
            return gidx_dataset_set(ds, region, year, var, 0, flag);
        return GIDX_OK; /* a missing part adds nothing */
    }
    if (of == GIDX_FLAG_CONFIDENTIAL)
        return GIDX_OK;
    /* The old cell was missing: the new one replaces it. */
    return gidx_dataset_set(ds, region, year, var, v, flag);
}

typedef struct emis_ctx {
    const gidx_registry *reg;
} emis_ctx;

static gidx_status emission_rows_d(gidx_dataset *ds, const gidx_table *t, const void *vopt,
                                   dupcheck *d)
{
    const emis_ctx *ctx = vopt;
    size_t ck, cy, cs, cu, cn = 0, i;
    int have_num = 0;
    gidx_status rc = GIDX_OK;
    gidx__strmap *codes = NULL;   /* name -> registry entry cache */
    if ((rc = gidx_table_find_column(&ck, t, "Kommune")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cy, t, "År")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cs, t, "Sektor")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cu, t, "Utslipp")) != GIDX_OK)
        return rc;
    if (gidx_table_find_column(&cn, t, "Kommunenummer") == GIDX_OK)
        have_num = 1;
    gidx_error_clear();
    if (!have_num && ctx->reg == NULL)
        return gidx__error_set(GIDX_EINVAL,
            "%s: municipalities are named, not numbered: a registry is needed", gidx_table_name(t));
    if ((codes = gidx__strmap_new()) == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < gidx_table_nrows(t); i++) {
        int year, flag;
        double v;
        const char *region;
        char *var;
        if ((rc = gidx__data_cell_year(&year, t, i, cy)) != GIDX_OK ||
            (rc = gidx__data_cell_value(&v, &flag, t, i, cu)) != GIDX_OK)
            break;
        if (have_num) {
            region = gidx_table_cell(t, i, cn);
            if (region[0] == '\0') {
                rc = gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu: empty municipality number",
                                     gidx_table_name(t), gidx_table_line(t, i), cn + 1);
                break;
            }
        } else {
            const char *nm = gidx_table_cell(t, i, ck);
            size_t e;
            if (!gidx__strmap_get(codes, nm, &e)) {
                if ((rc = gidx_registry_find_name(&e, ctx->reg, nm, 0,
                                                  GIDX_LEVEL_MUNICIPALITY)) != GIDX_OK) {
                    gidx__error_prefix("%s:%zu: column %zu: ", gidx_table_name(t),
                                       gidx_table_line(t, i), ck + 1);
                    break;
                }
                if ((rc = gidx__strmap_put(codes, nm, e)) != GIDX_OK)
                    break;
            }
            region = gidx_registry_code(ctx->reg, e);
            if (gidx_dataset_region_name(ds, region) == region &&
                (rc = gidx_dataset_set_region_name(ds, region, gidx_registry_name(ctx->reg, e))) !=
                    GIDX_OK)
                break;
        }
        var = gidx__ghg_sector_variable(gidx_table_cell(t, i, cs));
        if (var == NULL) { rc = GIDX_ENOMEM; break; }
        rc = gidx__data_add_to(ds, region, year, var, v, flag);
        free(var);
        if (rc == GIDX_OK)
            rc = gidx__data_add_to(ds, region, year, "ghg_total", v, flag);
        if (rc != GIDX_OK) {
            gidx__error_prefix("%s:%zu: ", gidx_table_name(t), gidx_table_line(t, i));
            break;
        }
    }
    gidx__strmap_free(codes);
    (void)d;   /* emissions add up: no duplicates */
    return rc;
}

/* After the rows of an emissions file: its source and release. */
static gidx_status emission_finish(gidx_dataset *ds, const void *vopt)
{
    gidx_status rc;
    (void)vopt;
    rc = gidx_dataset_set_meta(ds, "source",
        "Miljødirektoratet, Klimagassutslipp fra kommuner (t CO2-equivalents)");
    /* the same release record as the workbook loader (mdir.c) */
    if (rc == GIDX_OK && gidx_dataset_nyears(ds) > 0)
        rc = gidx__mdir_mark_release(ds, gidx_dataset_year(ds, gidx_dataset_nyears(ds) - 1));
    return rc;
}

gidx_status gidx_dataset_parse_emissions(gidx_dataset **out, const char *buf, size_t len,
                                         const char *name, const gidx_registry *reg)
{
    emis_ctx ctx;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_emissions: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_emissions: buf is NULL");
    ctx.reg = reg;
    return load_rows(emission_rows_d, emission_finish, out, buf ? buf : "", len,
                     name ? name : "<memory>", NULL, &ctx);
}

static gidx_status parse_emis_v(gidx_dataset **out, const char *buf, size_t len,
                                const char *name, const void *opt)
{
    return gidx_dataset_parse_emissions(out, buf, len, name, opt);
}

gidx_status gidx_dataset_load_emissions(gidx_dataset **out, const char *path,
                                        const gidx_registry *reg)
{
    return load_file(parse_emis_v, out, path, reg, NULL);
}

/* ---- writer ---- */

/* Where the long CSV goes as it is made: a descriptor or an output. */
typedef struct csv_sink {
    int fd;                /* >= 0: written to this descriptor */
    gidx_output *out;      /* else, when not NULL, to this output */
} csv_sink;

/* Hand the rows held in @p b to the sink and empty it. */
static gidx_status csv_flush(gidx__buf *b, const csv_sink *sink)
{
    gidx_status rc = GIDX_OK;
    int err = 0;
    if (b->len == 0)
        return GIDX_OK;
    if (sink->fd >= 0) {
        if (gidx__write_all(sink->fd, b->s, b->len, &err) != GIDX_OK)
            rc = gidx__error_set(GIDX_EIO, "descriptor %d: cannot write: %s", sink->fd,
                                 strerror(err));
    } else {
        rc = gidx_output_write(sink->out, b->s, b->len);
    }
    b->len = 0;
    b->s[0] = '\0';
    return rc;
}

/* A text field; with a @p sink, a long one is handed on 64 KiB at a time
 * instead of being held whole beside the dataset (a 16 MB name). */
static gidx_status put_field(gidx__buf *b, const char *s, const csv_sink *sink)
{
    size_t n = strlen(s), k;
    int quote;
    if (gidx__formula_like(s)) {   /* neutralised as in every CSV writer (core/csv.c) */
        gidx__csv_field(b, s);
        return GIDX_OK;
    }
    quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || (n > 0 && s[n - 1] == ' ');
    if (!quote) {
        for (; n > 0; s += k, n -= k) {
            k = n < 65536 ? n : 65536;
            gidx__buf_append(b, s, k);
            if (sink != NULL && b->len >= 65536 && !b->failed) {
                gidx_status rc = csv_flush(b, sink);
                if (rc != GIDX_OK)
                    return rc;
            }
        }
        return GIDX_OK;
    }
    gidx__buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            gidx__buf_putc(b, '"');
        gidx__buf_putc(b, *s);
        if (sink != NULL && b->len >= 65536 && !b->failed) {
            gidx_status rc = csv_flush(b, sink);
            if (rc != GIDX_OK)
                return rc;
        }
    }
    gidx__buf_putc(b, '"');
    return GIDX_OK;
}

/* %.17g in the C locale whatever the process locale. */
static void put_double(gidx__buf *b, double v)
{
    char tmp[64];
    size_t k;
    snprintf(tmp, sizeof tmp, "%.17g", v);
    for (k = 0; tmp[k]; k++)
        if (tmp[k] == ',')
            tmp[k] = '.';
    gidx__buf_puts(b, tmp);
}

/* The long CSV of @p ds, the one formatter of gidx_dataset_to_csv() and the
 * writers: into @p b, and, with a @p sink, handed on whenever 64 KiB are held
 * (a long field in pieces) and at the end, so that only that window is in
 * memory. */
static gidx_status csv_emit(gidx__buf *b, const gidx_dataset *ds, const csv_sink *sink)
{
    size_t r, v, y, nr, nv, ny;
    gidx_status rc = GIDX_OK;
    nr = gidx_dataset_nregions(ds);
    nv = gidx_dataset_nvariables(ds);
    ny = gidx_dataset_nyears(ds);
    gidx__buf_puts(b, "region,year,variable,value,flag\n");
    for (r = 0; r < nr && !b->failed && rc == GIDX_OK; r++) {
        const char *rn = gidx_dataset_region(ds, r);
        for (v = 0; v < nv && rc == GIDX_OK; v++) {
            const char *vn = gidx_dataset_variable(ds, v);
            for (y = 0; y < ny; y++) {
                int year = gidx_dataset_year(ds, y), flag;
                double x;
                char yb[16];
                if (!gidx_dataset_has(ds, rn, year, vn))
                    continue;
                gidx_dataset_get(&x, &flag, ds, rn, year, vn);
                if ((rc = put_field(b, rn, sink)) != GIDX_OK)
                    break;
                snprintf(yb, sizeof yb, ",%d,", year);
                gidx__buf_puts(b, yb);
                if ((rc = put_field(b, vn, sink)) != GIDX_OK)
                    break;
                gidx__buf_putc(b, ',');
                if (flag == GIDX_FLAG_OK || flag == GIDX_FLAG_PROVISIONAL)
                    put_double(b, x);
                gidx__buf_putc(b, ',');
                gidx__buf_puts(b, flag_words[flag]);
                gidx__buf_putc(b, '\n');
                if (sink != NULL && !b->failed && b->len >= 65536 &&
                    (rc = csv_flush(b, sink)) != GIDX_OK)
                    break;
            }
        }
    }
    if (b->failed)
        return GIDX_ENOMEM;
    if (rc == GIDX_OK && sink != NULL)
        rc = csv_flush(b, sink);
    return rc;
}

gidx_status gidx_dataset_to_csv(char **text, size_t *len, const gidx_dataset *ds)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc;
    if (text == NULL || ds == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_to_csv: NULL argument");
    *text = NULL;
    if (len) *len = 0;
    if ((rc = csv_emit(&b, ds, NULL)) != GIDX_OK) {
        gidx__buf_free(&b);
        return rc;
    }
    if (len) *len = b.len;
    *text = gidx__buf_take(&b);
    return GIDX_OK;
}

gidx_status gidx_dataset_write_csv_fd(const gidx_dataset *ds, int fd)
{
    gidx__buf b = GIDX__BUF_INIT;
    csv_sink sink = {fd, NULL};
    gidx_status rc;
    if (ds == NULL || fd < 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_write_csv_fd: NULL dataset or "
                               "negative descriptor");
    rc = csv_emit(&b, ds, &sink);
    gidx__buf_free(&b);
    return rc;
}

gidx_status gidx_dataset_write_csv(const gidx_dataset *ds, const char *path)
{
    gidx__buf b = GIDX__BUF_INIT;
    csv_sink sink = {-1, NULL};
    gidx_status rc;
    if (ds == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_write_csv: NULL argument");
    /* into the output's temporary file as it is made, renamed at the end */
    if ((rc = gidx_output_open(&sink.out, path)) == GIDX_OK &&
        (rc = csv_emit(&b, ds, &sink)) == GIDX_OK)
        rc = gidx_output_commit(sink.out);
    gidx_output_free(sink.out);
    gidx__buf_free(&b);
    return rc;
}
