/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The folder loader of input-output models (Z.csv, x.csv, satellites.csv,
 * households.csv) and the employment and concordance files used for
 * regionalisation. Files are read with gidx_table_read_csv() (UTF-8, ','
 * separated, '.' decimal mark); every error names the file and line. The
 * loader only produces a model handle; the numerics take arrays (model.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <greenidx/table.h>
#include "ripple_internal.h"

static gidx_status read_csv(gidx_table **t, const char *dir, const char *file, int optional,
                            int *present)
{
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    char *path;
    size_t len;
    gidx_status rc;
    struct stat st;
    *t = NULL;
    if (present != NULL)
        *present = 0;
    len = strlen(dir) + strlen(file) + 2;
    path = gidx__malloc(len);
    if (path == NULL)
        return GIDX_ENOMEM;
    snprintf(path, len, "%s/%s", dir, file);
    if (optional && stat(path, &st) != 0 && errno == ENOENT) {
        free(path);
        return GIDX_OK;
    }
    o.sep = ',';
    o.decimal = '.';
    o.encoding = GIDX_ENCODING_UTF8;
    rc = gidx_table_read_csv(t, path, &o);
    free(path);
    if (rc == GIDX_OK && present != NULL)
        *present = 1;
    return rc;
}

static gidx_status cell_number(double *v, const gidx_table *t, size_t i, size_t j)
{
    gidx_status rc = gidx_table_cell_double(v, t, i, j);
    if (rc != GIDX_OK)
        return rc;
    if (!gidx__isfinite(*v))
        return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): missing value '%s'",
                               gidx_table_name(t), gidx_table_line(t, i), j + 1,
                               gidx_table_colname(t, j), gidx_table_cell(t, i, j));
    return GIDX_OK;
}

/*
 * For a two-or-more column file keyed by sector: the row index of each
 * model sector (row_of[i]), checking unknown, duplicate and missing sectors.
 */
static gidx_status match_sectors(size_t *row_of, const gidx_table *t, size_t key,
                                 const gidx__strmap *index, char *const *names, size_t n)
{
    size_t r, i, nr = gidx_table_nrows(t);
    const size_t none = (size_t)-1;
    for (i = 0; i < n; i++)
        row_of[i] = none;
    for (r = 0; r < nr; r++) {
        const char *s = gidx_table_cell(t, r, key);
        if (!gidx__strmap_get(index, s, &i))
            return gidx__error_set(GIDX_ENOTFOUND,
                                   "%s:%zu: sector '%s' is not a sector of Z.csv",
                                   gidx_table_name(t), gidx_table_line(t, r), s);
        if (row_of[i] != none)
            return gidx__error_set(GIDX_EDUPLICATE,
                                   "%s:%zu: sector '%s' already given on line %zu",
                                   gidx_table_name(t), gidx_table_line(t, r), s,
                                   gidx_table_line(t, row_of[i]));
        row_of[i] = r;
    }
    for (i = 0; i < n; i++)
        if (row_of[i] == none)
            return gidx__error_set(GIDX_ENOTFOUND, "%s: no row for sector '%s'",
                                   gidx_table_name(t), names[i]);
    return GIDX_OK;
}

gidx_status gidx_io_model_load(gidx_io_model **out, const char *path)
{
    gidx_table *tz = NULL, *tx = NULL, *ts = NULL, *th = NULL;
    gidx_io_model *m = NULL;
    gidx__strmap *index = NULL;
    double *Z = NULL, *x = NULL, *v = NULL;
    size_t *row_of = NULL, n = 0, i, j, col;
    char **names = NULL;
    int have_s = 0, have_h = 0, q;
    gidx_status rc;
    static const char *const satcol[GIDX_IO_IMPORTS + 1] = {
        NULL, "employment", "value_added", "labour_income", "emissions", "imports"
    };

    if (out != NULL)
        *out = NULL;
    if (out == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_load: NULL argument");
    if ((rc = read_csv(&tz, path, "Z.csv", 0, NULL)) != GIDX_OK)
        goto done;
    n = gidx_table_nrows(tz);
    if (n == 0 || gidx_table_ncols(tz) != n + 1) {
        rc = gidx__error_set(GIDX_EPARSE,
                             "%s: %zu sector rows but %zu sector columns: Z must be square "
                             "(first column the sector, then one column per sector)",
                             gidx_table_name(tz), n,
                             gidx_table_ncols(tz) > 0 ? gidx_table_ncols(tz) - 1 : 0);
        goto done;
    }
    names = gidx__calloc(n, sizeof *names);
    Z = gidx__malloc(n * n * sizeof *Z);
    x = gidx__malloc(n * sizeof *x);
    v = gidx__malloc(n * sizeof *v);
    row_of = gidx__malloc(n * sizeof *row_of);
    index = gidx__strmap_new();
    if (names == NULL || Z == NULL || x == NULL || v == NULL || row_of == NULL || index == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        const char *rowname = gidx_table_cell(tz, i, 0);
        if (strcmp(rowname, gidx_table_colname(tz, i + 1)) != 0) {
            rc = gidx__error_set(GIDX_EDATA,
                                 "%s:%zu: row sector '%s' does not match column %zu's sector '%s': "
                                 "rows and columns must list the sectors in the same order",
                                 gidx_table_name(tz), gidx_table_line(tz, i), rowname, i + 2,
                                 gidx_table_colname(tz, i + 1));
            goto done;
        }
        names[i] = (char *)rowname;
        if (gidx__strmap_get(index, rowname, &j)) {
            rc = gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: sector '%s' repeats line %zu",
                                 gidx_table_name(tz), gidx_table_line(tz, i), rowname,
                                 gidx_table_line(tz, j));
            goto done;
        }
        if ((rc = gidx__strmap_put(index, rowname, i)) != GIDX_OK)
            goto done;
        for (j = 0; j < n; j++) {
            if ((rc = cell_number(&Z[i * n + j], tz, i, j + 1)) != GIDX_OK)
                goto done;
            if (Z[i * n + j] < 0) {
                rc = gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): negative flow %g",
                                     gidx_table_name(tz), gidx_table_line(tz, i), j + 2,
                                     gidx_table_colname(tz, j + 1), Z[i * n + j]);
                goto done;
            }
        }
    }
    if ((rc = read_csv(&tx, path, "x.csv", 0, NULL)) != GIDX_OK)
        goto done;
    if ((rc = gidx_table_find_column(&j, tx, "output")) != GIDX_OK ||
        (rc = gidx_table_find_column(&col, tx, "sector")) != GIDX_OK ||
        (rc = match_sectors(row_of, tx, col, index, names, n)) != GIDX_OK)
        goto done;
    for (i = 0; i < n; i++) {
        if ((rc = cell_number(&x[i], tx, row_of[i], j)) != GIDX_OK)
            goto done;
        if (x[i] < 0) {
            rc = gidx__error_set(GIDX_EDATA,
                                 "%s:%zu: output of sector '%s' is negative (%g)",
                                 gidx_table_name(tx), gidx_table_line(tx, row_of[i]), names[i], x[i]);
            goto done;
        }
    }
    rc = gidx_io_model_new(&m, Z, x, n, (const char *const *)names);
    if (rc != GIDX_OK) {
        gidx__error_prefix("%s/{Z,x}.csv: ", path);
        goto done;
    }
    if ((rc = read_csv(&ts, path, "satellites.csv", 1, &have_s)) != GIDX_OK)
        goto done;
    if (have_s) {
        if ((rc = gidx_table_find_column(&col, ts, "sector")) != GIDX_OK ||
            (rc = match_sectors(row_of, ts, col, index, names, n)) != GIDX_OK)
            goto done;
        for (q = 1; q <= GIDX_IO_IMPORTS; q++) {
            if (gidx_table_find_column(&j, ts, satcol[q]) != GIDX_OK)
                continue;  /* every satellite column is optional */
            for (i = 0; i < n; i++)
                if ((rc = cell_number(&v[i], ts, row_of[i], j)) != GIDX_OK)
                    goto done;
            rc = gidx_io_model_set_satellite(m, q, v, n, 0);
            if (rc != GIDX_OK) {
                gidx__error_prefix("%s: ", gidx_table_name(ts));
                goto done;
            }
        }
        gidx_error_clear();
    }
    if ((rc = read_csv(&th, path, "households.csv", 1, &have_h)) != GIDX_OK)
        goto done;
    if (have_h) {
        if ((rc = gidx_table_find_column(&col, th, "sector")) != GIDX_OK ||
            (rc = gidx_table_find_column(&j, th, "consumption")) != GIDX_OK ||
            (rc = match_sectors(row_of, th, col, index, names, n)) != GIDX_OK)
            goto done;
        for (i = 0; i < n; i++)
            if ((rc = cell_number(&v[i], th, row_of[i], j)) != GIDX_OK)
                goto done;
        rc = gidx_io_model_set_households(m, v, n, 0);
        if (rc != GIDX_OK) {
            gidx__error_prefix("%s: ", gidx_table_name(th));
            goto done;
        }
    }
    *out = m;
    m = NULL;
done:
    gidx_io_model_free(m);
    gidx_table_free(tz);
    gidx_table_free(tx);
    gidx_table_free(ts);
    gidx_table_free(th);
    gidx__strmap_free(index);
    free(names);
    free(Z);
    free(x);
    free(v);
    free(row_of);
    return rc;
}

static gidx_status read_plain(gidx_table **t, const char *path)
{
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_status rc;
    o.encoding = GIDX_ENCODING_UTF8;
    rc = gidx_table_read_csv(t, path, &o);
    if (rc == GIDX_OK && gidx_table_ncols(*t) < 2) {
        rc = gidx__error_set(GIDX_EPARSE, "%s: needs two columns (industry and employment)",
                             path);
        gidx_table_free(*t);
        *t = NULL;
    }
    return rc;
}

/* name -> row index of an employment file, checking duplicates */
static gidx_status index_rows(gidx__strmap **out, const gidx_table *t)
{
    gidx__strmap *map = gidx__strmap_new();
    size_t r, j;
    *out = NULL;
    if (map == NULL)
        return GIDX_ENOMEM;
    for (r = 0; r < gidx_table_nrows(t); r++) {
        const char *s = gidx_table_cell(t, r, 0);
        if (gidx__strmap_get(map, s, &j)) {
            gidx__strmap_free(map);
            return gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: industry '%s' repeats line %zu",
                                   gidx_table_name(t), gidx_table_line(t, r), s,
                                   gidx_table_line(t, j));
        }
        if (gidx__strmap_put(map, s, r) != GIDX_OK) {
            gidx__strmap_free(map);
            return GIDX_ENOMEM;
        }
    }
    *out = map;
    return GIDX_OK;
}

gidx_status gidx_io_employment_read(double *values, size_t cap, size_t *k, const char *path,
                                    const char *order_path)
{
    gidx_table *t = NULL, *ord = NULL;
    gidx__strmap *map = NULL;
    size_t r, nr, src;
    gidx_status rc;
    if (k != NULL)
        *k = 0;
    if (values == NULL && cap > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_employment_read: NULL values");
    if (k == NULL || path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_employment_read: NULL argument");
    if ((rc = read_plain(&t, path)) != GIDX_OK)
        return rc;
    if ((rc = index_rows(&map, t)) != GIDX_OK)
        goto done;
    nr = gidx_table_nrows(t);
    if (order_path != NULL) {
        if ((rc = read_plain(&ord, order_path)) != GIDX_OK)
            goto done;
        if (gidx_table_nrows(ord) != nr) {
            rc = gidx__error_set(GIDX_ENOTFOUND, "%s has %zu industries but %s has %zu",
                                 path, nr, order_path, gidx_table_nrows(ord));
            goto done;
        }
    }
    *k = nr;
    if (cap < nr) {
        rc = gidx__error_set(GIDX_EBUFS, "gidx_io_employment_read: need %zu values, have %zu",
                             nr, cap);
        goto done;
    }
    for (r = 0; r < nr; r++) {
        src = r;
        if (ord != NULL) {
            const char *s = gidx_table_cell(ord, r, 0);
            if (!gidx__strmap_get(map, s, &src)) {
                rc = gidx__error_set(GIDX_ENOTFOUND, "%s: no industry '%s' (listed in %s:%zu)",
                                     path, s, order_path, gidx_table_line(ord, r));
                goto done;
            }
        }
        if ((rc = cell_number(&values[r], t, src, 1)) != GIDX_OK)
            goto done;
        if (values[r] < 0) {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: negative employment %g", path,
                                 gidx_table_line(t, src), values[r]);
            goto done;
        }
    }
done:
    gidx__strmap_free(map);
    gidx_table_free(t);
    gidx_table_free(ord);
    return rc;
}

/* Map every sector of m through the `sector,industry` concordance at
 * path, each industry name resolved to an index by resolve(). Rows naming
 * sectors the model lacks are skipped (a concordance may cover more). */
gidx_status gidx__io_concordance_map(size_t *industry_of, const gidx_io_model *m, const char *path,
                                     gidx_status (*resolve)(size_t *g, const char *name, void *ctx),
                                     void *ctx)
{
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    const size_t none = (size_t)-1;
    gidx_table *tc = NULL;
    size_t i, r, g, sc = 0, ic = 1;
    gidx_status rc;
    o.encoding = GIDX_ENCODING_UTF8;
    if ((rc = gidx_table_read_csv(&tc, path, &o)) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_find_column(&sc, tc, "sector")) != GIDX_OK ||
        (rc = gidx_table_find_column(&ic, tc, "industry")) != GIDX_OK)
        goto done;
    for (i = 0; i < m->n; i++)
        industry_of[i] = none;
    for (r = 0; r < gidx_table_nrows(tc); r++) {
        const char *s = gidx_table_cell(tc, r, sc), *gname = gidx_table_cell(tc, r, ic);
        if (!gidx__strmap_get(m->index, s, &i))
            continue;
        if (industry_of[i] != none) {
            rc = gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: sector '%s' is mapped twice", path,
                                 gidx_table_line(tc, r), s);
            goto done;
        }
        if ((rc = resolve(&g, gname, ctx)) != GIDX_OK) {
            gidx__error_prefix("%s:%zu: ", path, gidx_table_line(tc, r));
            goto done;
        }
        industry_of[i] = g;
    }
    for (i = 0; i < m->n; i++)
        if (industry_of[i] == none) {
            rc = gidx__error_set(GIDX_ENOTFOUND, "%s: sector '%s' has no industry", path, m->names[i]);
            goto done;
        }
done:
    gidx_table_free(tc);
    return rc;
}

typedef struct file_industries {
    const gidx__strmap *ind;
    const char *path;
} file_industries;

static gidx_status industry_in_file(size_t *g, const char *name, void *ctx)
{
    const file_industries *f = ctx;
    if (!gidx__strmap_get(f->ind, name, g))
        return gidx__error_set(GIDX_ENOTFOUND, "industry '%s' is not in %s", name, f->path);
    return GIDX_OK;
}

gidx_status gidx_io_concordance_read(size_t *industry_of, size_t cap, const gidx_io_model *m,
                                     const char *industries_path, const char *concordance_path)
{
    gidx_table *ti = NULL;
    gidx__strmap *ind = NULL;
    size_t i, g;
    gidx_status rc;
    file_industries f;
    if (industry_of == NULL || m == NULL || industries_path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_concordance_read: NULL argument");
    if (cap < m->n)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_concordance_read: need %zu values, have %zu",
                               m->n, cap);
    if ((rc = read_plain(&ti, industries_path)) != GIDX_OK)
        return rc;
    if ((rc = index_rows(&ind, ti)) != GIDX_OK)
        goto done;
    if (concordance_path != NULL) {
        f.ind = ind;
        f.path = industries_path;
        rc = gidx__io_concordance_map(industry_of, m, concordance_path, industry_in_file, &f);
        goto done;
    }
    for (i = 0; i < m->n; i++) {
        if (!gidx__strmap_get(ind, m->names[i], &g)) {
            rc = gidx__error_set(GIDX_ENOTFOUND,
                                 "%s: no industry named like sector '%s'; give a concordance "
                                 "file (sector,industry)", industries_path, m->names[i]);
            goto done;
        }
        industry_of[i] = g;
    }
done:
    gidx__strmap_free(ind);
    gidx_table_free(ti);
    return rc;
}
