/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators: catalogues, indicator panels, validation. A data frame
 * reaches the library as columns (region and variable names once, integer
 * codes, years, values), or as long CSV text read by the data layer's
 * loader, or is the embedded Telemark data; panels come back as arrays.
 * Every number is computed by the C library.
 */
%{
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <greenidx/indicators.h>

/* Name Norwegian region codes from the registry, as the command does. */
static gidx_status gidx_bind_name_regions(gidx_dataset *ds)
{
    gidx_registry *reg = NULL;
    size_t r, i;
    gidx_status rc = gidx_registry_load_default(&reg);
    for (r = 0; rc == GIDX_OK && r < gidx_dataset_nregions(ds); r++) {
        const char *code = gidx_dataset_region(ds, r);
        if (gidx_registry_find_code(&i, reg, code, 0) == GIDX_OK)
            rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, i));
    }
    gidx_registry_free(reg);
    return rc;
}

/* The panel of a dataset built by the binding (named from the registry). */
static gidx_status gidx_bind_panel_of(gidx_panel **out, const gidx_catalog *cat, gidx_dataset *ds)
{
    gidx_status rc = gidx_bind_name_regions(ds);
    if (rc == GIDX_OK)
        rc = gidx_panel_new(out, cat, ds);
    gidx_dataset_free(ds);
    return rc;
}

/* Long CSV text (the data layer's loader) or, for NULL, the embedded
 * Telemark data -> indicator panel. */
static gidx_status gidx_bind_panel_from_csv(gidx_panel **out, const gidx_catalog *cat,
                                            const char *text)
{
    gidx_dataset *ds = NULL;
    gidx_status rc;
    *out = NULL;
    if (cat == NULL)
        return gidx_panel_new(out, NULL, NULL);
    if (text == NULL) {
        if ((rc = gidx_dataset_load_default(&ds)) != GIDX_OK)
            return rc;
        rc = gidx_panel_new(out, cat, ds);
        gidx_dataset_free(ds);
        return rc;
    }
    if ((rc = gidx_dataset_parse_csv(&ds, text, strlen(text), "data", NULL)) != GIDX_OK)
        return rc;
    return gidx_bind_panel_of(out, cat, ds);
}

/*
 * Columnar data -> indicator panel, without a text round trip: row k is
 * region rn[ridx[k] - base], year years[k], variable vn[vidx[k] - base],
 * value vals[k] (NaN = missing); base is 0 (Python) or 1 (R factors). A
 * repeated (region, year, variable) is an error naming both rows (counted
 * from base), as the CSV loader names both lines.
 */
static gidx_status gidx_bind_panel_from_columns(gidx_panel **out, const gidx_catalog *cat,
                                                const char *const *rn, size_t nregions,
                                                const int *ridx, const int *years,
                                                const char *const *vn, size_t nvariables,
                                                const int *vidx, const double *vals, size_t n, int base)
{
    gidx_dataset *ds = NULL;
    size_t k, j;
    gidx_status rc;
    *out = NULL;
    if (cat == NULL)
        return gidx_panel_new(out, NULL, NULL);
    if ((rc = gidx_dataset_new(&ds)) != GIDX_OK)
        return rc;
    for (k = 0; k < n; k++) {
        const char *r, *v;
        long ri = (long)ridx[k] - base, vi = (long)vidx[k] - base;
        if (ri < 0 || (size_t)ri >= nregions || vi < 0 || (size_t)vi >= nvariables) {
            rc = gidx_error_set(GIDX_EINVAL, "data: a region or variable index is out of range");
            goto done;
        }
        r = rn[ri];
        v = vn[vi];
        if (r[0] == '\0' || v[0] == '\0') {
            char msg[160];
            snprintf(msg, sizeof msg, "data: row %zu: empty %s", k + (size_t)base,
                     r[0] == '\0' ? "region" : "variable name");
            rc = gidx_error_set(GIDX_EDATA, msg);
            goto done;
        }
        if (gidx_dataset_has(ds, r, years[k], v)) {
            char msg[1024];
            for (j = 0; j < k; j++)
                if (ridx[j] == ridx[k] && vidx[j] == vidx[k] && years[j] == years[k])
                    break;
            snprintf(msg, sizeof msg, "data: row %zu: region %s, year %d, variable %s is already given in row %zu",
                     k + (size_t)base, r, years[k], v, j + (size_t)base);
            rc = gidx_error_set(GIDX_EDUPLICATE, msg);
            goto done;
        }
        if ((rc = gidx_dataset_set(ds, r, years[k], v, vals[k],
                                   vals[k] == vals[k] ? GIDX_FLAG_OK : GIDX_FLAG_MISSING)) != GIDX_OK)
            goto done;
    }
    return gidx_bind_panel_of(out, cat, ds);
done:
    gidx_dataset_free(ds);
    return rc;
}

/* A text of one line per cell: the reason a value is missing, "" where it
 * is present (newlines inside a reason become spaces). */
typedef struct gidx_bind_lines {
    char *buf;
    size_t len, cap;
} gidx_bind_lines;

static gidx_status gidx_bind_lines_add(gidx_bind_lines *l, const char *why)
{
    size_t n = why ? strlen(why) : 0, k;
    if (l->len + n + 2 > l->cap) {
        size_t cap = l->cap ? l->cap : 1024;
        char *nb;
        while (l->len + n + 2 > cap)
            cap *= 2;
        if ((nb = realloc(l->buf, cap)) == NULL)
            return gidx_error_set(GIDX_ENOMEM, "out of memory");
        l->buf = nb;
        l->cap = cap;
    }
    for (k = 0; k < n; k++)
        l->buf[l->len++] = why[k] == '\n' ? ' ' : why[k];
    l->buf[l->len++] = '\n';
    l->buf[l->len] = '\0';
    return GIDX_OK;
}

/* Hand the text to the caller ("" for no lines), or free it on failure. */
static gidx_status gidx_bind_lines_finish(gidx_bind_lines *l, char **text, gidx_status rc)
{
    *text = NULL;
    if (rc == GIDX_OK && l->buf == NULL && (l->buf = calloc(1, 1)) == NULL)
        rc = gidx_error_set(GIDX_ENOMEM, "out of memory");
    if (rc != GIDX_OK) {
        free(l->buf);
        return rc;
    }
    *text = l->buf;
    return GIDX_OK;
}

/* A formula over every region and year of a dataset, region-major, in one
 * pass: vals[nregions * nyears] (NaN where missing) and the reasons. */
static gidx_status gidx_bind_formula_grid(double *vals, char **reasons, const gidx_formula *f,
                                          const gidx_dataset *ds)
{
    gidx_bind_lines l = { NULL, 0, 0 };
    size_t nr = gidx_dataset_nregions(ds), ny = gidx_dataset_nyears(ds), r, y, k = 0;
    char why[512];
    gidx_status rc = GIDX_OK;
    for (r = 0; r < nr && rc == GIDX_OK; r++)
        for (y = 0; y < ny && rc == GIDX_OK; y++, k++) {
            why[0] = '\0';
            rc = gidx_formula_eval(&vals[k], why, sizeof why, f, ds, gidx_dataset_region(ds, r),
                                   gidx_dataset_year(ds, y), NULL);
            if (rc == GIDX_OK)
                rc = gidx_bind_lines_add(&l, why);
        }
    return gidx_bind_lines_finish(&l, reasons, rc);
}

/* Every value of a panel (NaN where missing) and its reason in one pass, in
 * the row order of the CSV rendering: region, then year, then indicator. */
static gidx_status gidx_bind_panel_values(double *vals, char **reasons, const gidx_panel *p)
{
    gidx_bind_lines l = { NULL, 0, 0 };
    const gidx_dataset *ds = gidx_panel_dataset(p);
    const gidx_catalog *cat = gidx_panel_catalog(p);
    size_t nr = gidx_dataset_nregions(ds), ny = gidx_dataset_nyears(ds), ni = gidx_catalog_count(cat);
    size_t r, y, i, k = 0;
    gidx_status rc = GIDX_OK;
    for (r = 0; r < nr && rc == GIDX_OK; r++)
        for (y = 0; y < ny && rc == GIDX_OK; y++)
            for (i = 0; i < ni && rc == GIDX_OK; i++, k++) {
                const char *why = NULL;
                rc = gidx_panel_get(&vals[k], &why, p, gidx_dataset_region(ds, r), gidx_dataset_year(ds, y),
                                    gidx_indicator_id(gidx_catalog_indicator(cat, i)));
                if (rc == GIDX_OK)
                    rc = gidx_bind_lines_add(&l, why);
            }
    return gidx_bind_lines_finish(&l, reasons, rc);
}

/* Render into a malloc'ed string. */
#define GIDX_BIND_RENDER(CALL_NULL, CALL_BUF)                                  \
    do {                                                                       \
        size_t need = 0;                                                       \
        gidx_status rc_ = CALL_NULL;                                           \
        *text = NULL;                                                          \
        if (rc_ != GIDX_EBUFS)                                                 \
            return rc_;                                                        \
        if ((*text = malloc(need)) == NULL)                                    \
            return GIDX_ENOMEM;                                                \
        rc_ = CALL_BUF;                                                        \
        if (rc_ != GIDX_OK) {                                                  \
            free(*text);                                                       \
            *text = NULL;                                                      \
        }                                                                      \
        return rc_;                                                            \
    } while (0)

static gidx_status gidx_bind_catalog_render(char **text, const gidx_catalog *cat, int format)
{
    GIDX_BIND_RENDER(gidx_catalog_render(NULL, 0, &need, cat, format),
                     gidx_catalog_render(*text, need, NULL, cat, format));
}

static gidx_status gidx_bind_panel_render(char **text, const gidx_panel *p, int format,
                                          const char *region)
{
    GIDX_BIND_RENDER(gidx_panel_render(NULL, 0, &need, p, format, region),
                     gidx_panel_render(*text, need, NULL, p, format, region));
}

static gidx_status gidx_bind_validation_render(char **text, const gidx_validation *v, int format)
{
    GIDX_BIND_RENDER(gidx_validation_render(NULL, 0, &need, v, format),
                     gidx_validation_render(*text, need, NULL, v, format));
}
%}


#if defined(SWIGPYTHON)
/* The glue below returns rendered text through char **text. */
%apply char **TEXT { char **text };



%apply (int *IN_ARRAY1, size_t DIM1) { (const int *ridx, size_t nridx) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *yrs, size_t nyrs) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *vidx, size_t nvidx) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *vals, size_t nvals) };
%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *cube_out, size_t ncube) };
%apply (double *ARGOUT_ARRAY1, size_t DIM1) { (double *grid_out, size_t ngrid) };
%apply double *OUTPUT { double *fval };
%inline %{
gidx_status gidx_py_catalog_parse(gidx_catalog **out, const char *text)
{
    return gidx_catalog_parse_json(out, text, text ? strlen(text) : 0, "catalogue");
}
gidx_status gidx_py_catalog_render(char **text, const gidx_catalog *cat, int format)
{
    return gidx_bind_catalog_render(text, cat, format);
}
gidx_status gidx_py_panel_new(gidx_panel **out, const gidx_catalog *cat, const char *csv_text)
{
    return gidx_bind_panel_from_csv(out, cat, csv_text);
}
gidx_status gidx_py_panel_render(char **text, const gidx_panel *p, int format, const char *region)
{
    return gidx_bind_panel_render(text, p, format, region);
}
/* Columnar data (see gidx_bind_panel_from_columns): the region and
 * variable names joined by '\n', their indices, years and values. */
gidx_status gidx_py_panel_new_columns(gidx_panel **out, const gidx_catalog *cat,
                                      const char *regions, size_t nregions,
                                      const int *ridx, size_t nridx, const int *yrs, size_t nyrs,
                                      const char *variables, size_t nvariables,
                                      const int *vidx, size_t nvidx, const double *vals, size_t nvals)
{
    char *rcopy = NULL, *vcopy = NULL;
    const char **rn = NULL, **vn = NULL;
    gidx_status rc;
    *out = NULL;
    if (nridx != nyrs || nridx != nvidx || nridx != nvals)
        return gidx_error_set(GIDX_EINVAL, "data: the columns differ in length");
    if (gidx_bind_split(&rcopy, &rn, regions, nregions) != 0 ||
        gidx_bind_split(&vcopy, &vn, variables, nvariables) != 0)
        rc = gidx_error_set(GIDX_EINVAL, "data: the region or variable names do not match their number");
    else
        rc = gidx_bind_panel_from_columns(out, cat, rn, nregions, ridx, yrs, vn, nvariables, vidx, vals, nvals, 0);
    free(rcopy);
    free((void *)rn);
    free(vcopy);
    free((void *)vn);
    return rc;
}

/* The panel's axes, one per line: "R\tcode\tname" for each region, then
 * "Y\tyear" for each year, then "I\tid" for each indicator, in the row
 * order of the CSV rendering (region, year, indicator). */
gidx_status gidx_py_panel_axes(char **text, const gidx_panel *p)
{
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    size_t k, len = 0, cap = 1;
    char *buf;
    *text = NULL;
    if (p == NULL)
        return gidx_panel_render(NULL, 0, NULL, NULL, 0, NULL);
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    for (k = 0; k < gidx_dataset_nregions(ds); k++) {
        const char *c = gidx_dataset_region(ds, k);
        cap += strlen(c) + strlen(gidx_dataset_region_name(ds, c)) + 4;
    }
    cap += gidx_dataset_nyears(ds) * 16;
    for (k = 0; k < gidx_catalog_count(cat); k++)
        cap += strlen(gidx_indicator_id(gidx_catalog_indicator(cat, k))) + 3;
    if ((buf = malloc(cap)) == NULL)
        return gidx_error_set(GIDX_ENOMEM, "out of memory");
    for (k = 0; k < gidx_dataset_nregions(ds); k++) {
        const char *c = gidx_dataset_region(ds, k);
        len += (size_t)snprintf(buf + len, cap - len, "R\t%s\t%s\n", c, gidx_dataset_region_name(ds, c));
    }
    for (k = 0; k < gidx_dataset_nyears(ds); k++)
        len += (size_t)snprintf(buf + len, cap - len, "Y\t%d\n", gidx_dataset_year(ds, k));
    for (k = 0; k < gidx_catalog_count(cat); k++)
        len += (size_t)snprintf(buf + len, cap - len, "I\t%s\n",
                                gidx_indicator_id(gidx_catalog_indicator(cat, k)));
    *text = buf;
    return GIDX_OK;
}

/* Every value of the panel (NaN where missing) and the reasons, one line
 * per cell, in the row order of gidx_py_panel_axes(). */
gidx_status gidx_py_panel_values(double *cube_out, size_t ncube, char **text, const gidx_panel *p)
{
    *text = NULL;
    if (p == NULL)
        return gidx_panel_render(NULL, 0, NULL, NULL, 0, NULL);
    if (ncube != gidx_dataset_nregions(gidx_panel_dataset(p)) * gidx_dataset_nyears(gidx_panel_dataset(p)) *
                 gidx_catalog_count(gidx_panel_catalog(p)))
        return gidx_error_set(GIDX_EBUFS, "panel values: wrong size");
    return gidx_bind_panel_values(cube_out, text, p);
}
/* One value of a formula and the reason when it is missing ("" otherwise). */
gidx_status gidx_py_formula_eval(double *fval, char **text, const gidx_formula *f, const gidx_dataset *ds,
                                 const char *region, int year)
{
    char why[512];
    gidx_status rc;
    *text = NULL;
    why[0] = '\0';
    rc = gidx_formula_eval(fval, why, sizeof why, f, ds, region, year, NULL);
    if (rc == GIDX_OK && (*text = strdup(why)) == NULL)
        rc = gidx_error_set(GIDX_ENOMEM, "out of memory");
    return rc;
}

/* A formula over every region x year of a dataset and the reasons, one
 * line per cell (gidx_bind_formula_grid). */
gidx_status gidx_py_formula_grid(double *grid_out, size_t ngrid, char **text, const gidx_formula *f,
                                 const gidx_dataset *ds)
{
    *text = NULL;
    if (f == NULL || ds == NULL)
        return gidx_formula_eval(NULL, NULL, 0, NULL, NULL, NULL, 0, NULL);
    if (ngrid != gidx_dataset_nregions(ds) * gidx_dataset_nyears(ds))
        return gidx_error_set(GIDX_EBUFS, "formula grid: wrong size");
    return gidx_bind_formula_grid(grid_out, text, f, ds);
}

gidx_status gidx_py_validation_new(gidx_validation **out, const gidx_panel *p, double z,
                                   double skew, double kurt, double r, double tol)
{
    gidx_validation_options o = GIDX_VALIDATION_OPTIONS_INIT;
    o.z_threshold = z;
    o.skew_limit = skew;
    o.kurt_limit = kurt;
    o.r_limit = r;
    o.sum_tolerance = tol;
    return gidx_validation_new(out, p, &o);
}
gidx_status gidx_py_validation_render(char **text, const gidx_validation *v, int format)
{
    return gidx_bind_validation_render(text, v, format);
}
%}
%apply double *OUTPUT { double *alpha_out };
%inline %{
/* Cronbach's alpha of a pillar (NaN when it cannot be computed). */
gidx_status gidx_py_validation_alpha(double *alpha_out, const gidx_validation *v, const char *pillar,
                                     int standardized)
{
    return standardized ? gidx_validation_alpha_standardized(alpha_out, NULL, v, pillar)
                        : gidx_validation_alpha(alpha_out, NULL, v, pillar);
}
%}

#elif defined(SWIGR)
%inline %{
static void gidx_r_fin_catalog(SEXP p) { gidx_catalog_free((gidx_catalog *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }
static void gidx_r_fin_panel(SEXP p) { gidx_panel_free((gidx_panel *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }
static void gidx_r_fin_validation(SEXP p) { gidx_validation_free((gidx_validation *)R_ExternalPtrAddr(p)); R_ClearExternalPtr(p); }

static SEXP gidx_r_wrap(void *h, const char *cls, void (*fin)(SEXP))
{
    SEXP p = PROTECT(R_MakeExternalPtr(h, Rf_install(cls), R_NilValue));
    R_RegisterCFinalizerEx(p, fin, TRUE);
    Rf_setAttrib(p, R_ClassSymbol, Rf_mkString(cls));
    UNPROTECT(1);
    return p;
}

static void *gidx_r_ind_ptr(SEXP p, const char *cls)
{
    if (TYPEOF(p) != EXTPTRSXP || !Rf_inherits(p, cls))
        return NULL;
    return R_ExternalPtrAddr(p);
}

static SEXP gidx_r_text(gidx_status rc, char *text)
{
    SEXP s;
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    s = PROTECT(Rf_mkCharCE(text, CE_UTF8));
    free(text);
    s = Rf_ScalarString(s);
    UNPROTECT(1);
    return s;
}

/* The built-in catalogue (path = "") or a JSON file. */
SEXP gidx_r_catalog(SEXP path)
{
    gidx_catalog *c = NULL;
    const char *p = Rf_isString(path) && XLENGTH(path) == 1 ? CHAR(STRING_ELT(path, 0)) : "";
    gidx_status rc = p[0] ? gidx_catalog_load_json(&c, p) : gidx_catalog_default(&c);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_wrap(c, "gidx_catalog", gidx_r_fin_catalog);
}

SEXP gidx_r_catalog_render(SEXP cat, SEXP format)
{
    char *text = NULL;
    gidx_catalog *c = gidx_r_ind_ptr(cat, "gidx_catalog");
    gidx_status rc = gidx_bind_catalog_render(&text, c, Rf_asInteger(format));
    return gidx_r_text(rc, text);
}

SEXP gidx_r_panel(SEXP cat, SEXP csv_text)
{
    gidx_panel *p = NULL;
    gidx_catalog *c = gidx_r_ind_ptr(cat, "gidx_catalog");
    const char *t = Rf_isString(csv_text) && XLENGTH(csv_text) == 1
                        ? Rf_translateCharUTF8(STRING_ELT(csv_text, 0)) : NULL;
    gidx_status rc = gidx_bind_panel_from_csv(&p, c, t);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_wrap(p, "gidx_panel", gidx_r_fin_panel);
}

/* Columnar data: region and variable levels (character), 1-based codes
 * (integer), years (integer) and values (double). */
SEXP gidx_r_panel_columns(SEXP cat, SEXP rlev, SEXP ridx, SEXP years, SEXP vlev, SEXP vidx, SEXP values)
{
    gidx_panel *p = NULL;
    gidx_catalog *c = gidx_r_ind_ptr(cat, "gidx_catalog");
    const char **rn, **vn;
    R_xlen_t k, n;
    gidx_status rc;
    if (!Rf_isString(rlev) || !Rf_isString(vlev) || !Rf_isInteger(ridx) || !Rf_isInteger(vidx) ||
        !Rf_isInteger(years) || !Rf_isReal(values) || XLENGTH(ridx) != XLENGTH(years) ||
        XLENGTH(ridx) != XLENGTH(vidx) || XLENGTH(ridx) != XLENGTH(values))
        return gidx_r_status(gidx_error_set(GIDX_EINVAL, "data: the columns differ in length or type"));
    for (k = 0, n = XLENGTH(ridx); k < n; k++)
        if (INTEGER(ridx)[k] == NA_INTEGER || INTEGER(vidx)[k] == NA_INTEGER || INTEGER(years)[k] == NA_INTEGER)
            return gidx_r_status(gidx_error_set(GIDX_EDATA, "data: a missing region, variable or year"));
    rn = (const char **)R_alloc((size_t)XLENGTH(rlev) + 1, sizeof *rn);
    vn = (const char **)R_alloc((size_t)XLENGTH(vlev) + 1, sizeof *vn);
    for (k = 0; k < XLENGTH(rlev); k++)
        rn[k] = Rf_translateCharUTF8(STRING_ELT(rlev, k));
    for (k = 0; k < XLENGTH(vlev); k++)
        vn[k] = Rf_translateCharUTF8(STRING_ELT(vlev, k));
    rc = gidx_bind_panel_from_columns(&p, c, rn, (size_t)XLENGTH(rlev), INTEGER(ridx), INTEGER(years), vn,
                                      (size_t)XLENGTH(vlev), INTEGER(vidx), REAL(values), (size_t)n, 1);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_wrap(p, "gidx_panel", gidx_r_fin_panel);
}

/* The whole panel as columns region_code, region_name, year, indicator,
 * value (NA where missing) and reason (NA where present), in the row order
 * of the CSV rendering. */
SEXP gidx_r_panel_frame(SEXP panel)
{
    gidx_panel *p = gidx_r_ind_ptr(panel, "gidx_panel");
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    size_t nr, ny, ni, r, y, i, k = 0, n;
    char *why = NULL, *line;
    gidx_status rc;
    SEXP out, code, name, year, ind, val, rs, names;
    static const char *const cols[6] = { "region_code", "region_name", "year", "indicator", "value", "reason" };
    if (p == NULL)
        return gidx_r_status(gidx_panel_render(NULL, 0, NULL, NULL, 0, NULL));
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    nr = gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    ni = gidx_catalog_count(cat);
    n = nr * ny * ni;
    out = PROTECT(Rf_allocVector(VECSXP, 6));
    code = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 0, code);
    name = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 1, name);
    year = Rf_allocVector(INTSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 2, year);
    ind = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 3, ind);
    val = Rf_allocVector(REALSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 4, val);
    rs = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(out, 5, rs);
    if ((rc = gidx_bind_panel_values(REAL(val), &why, p)) != GIDX_OK) {
        UNPROTECT(1);
        return gidx_r_status(rc);
    }
    line = why;
    for (r = 0; r < nr; r++) {
        const char *rc_ = gidx_dataset_region(ds, r);
        SEXP cc = PROTECT(Rf_mkCharCE(rc_, CE_UTF8));
        SEXP cn = PROTECT(Rf_mkCharCE(gidx_dataset_region_name(ds, rc_), CE_UTF8));
        for (y = 0; y < ny; y++)
            for (i = 0; i < ni; i++, k++) {
                char *nl = strchr(line, '\n');
                *nl = '\0';
                SET_STRING_ELT(code, (R_xlen_t)k, cc);
                SET_STRING_ELT(name, (R_xlen_t)k, cn);
                INTEGER(year)[k] = gidx_dataset_year(ds, y);
                SET_STRING_ELT(ind, (R_xlen_t)k,
                               Rf_mkCharCE(gidx_indicator_id(gidx_catalog_indicator(cat, i)), CE_UTF8));
                if (REAL(val)[k] != REAL(val)[k])
                    REAL(val)[k] = NA_REAL;
                SET_STRING_ELT(rs, (R_xlen_t)k, line[0] ? Rf_mkCharCE(line, CE_UTF8) : NA_STRING);
                line = nl + 1;
            }
        UNPROTECT(2);
    }
    free(why);
    names = PROTECT(Rf_allocVector(STRSXP, 6));
    for (i = 0; i < 6; i++)
        SET_STRING_ELT(names, (R_xlen_t)i, Rf_mkChar(cols[i]));
    Rf_setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}

static void gidx_r_fin_formula(SEXP p)
{
    gidx_formula_free((gidx_formula *)R_ExternalPtrAddr(p));
    R_ClearExternalPtr(p);
}

/* A parsed formula (external pointer "gidx_formula"). */
SEXP gidx_r_formula(SEXP text)
{
    gidx_formula *f = NULL;
    gidx_status rc;
    if (!Rf_isString(text) || XLENGTH(text) != 1)
        return gidx_r_status(gidx_formula_parse(NULL, NULL));
    rc = gidx_formula_parse(&f, Rf_translateCharUTF8(STRING_ELT(text, 0)));
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_wrap(f, "gidx_formula", gidx_r_fin_formula);
}

/* c(text, variable names...) */
SEXP gidx_r_formula_info(SEXP p)
{
    gidx_formula *f = gidx_r_ind_ptr(p, "gidx_formula");
    size_t i, n;
    SEXP out;
    if (f == NULL)
        return gidx_r_status(gidx_formula_parse(NULL, NULL));
    n = gidx_formula_nvariables(f);
    out = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)(n + 1)));
    SET_STRING_ELT(out, 0, Rf_mkCharCE(gidx_formula_text(f), CE_UTF8));
    for (i = 0; i < n; i++)
        SET_STRING_ELT(out, (R_xlen_t)(i + 1), Rf_mkCharCE(gidx_formula_variable(f, i), CE_UTF8));
    UNPROTECT(1);
    return out;
}

/* The formula over every region x year of a dataset:
 * list(region, year, value, reason), region-major. */
SEXP gidx_r_formula_grid(SEXP p, SEXP dsp)
{
    gidx_formula *f = gidx_r_ind_ptr(p, "gidx_formula");
    gidx_dataset *ds = gidx_r_dataset_ptr(dsp);
    size_t nr, ny, r, y, k = 0;
    char *why = NULL, *line;
    gidx_status rc;
    SEXP out, reg, yr, val, rs, names;
    if (f == NULL || ds == NULL)
        return gidx_r_status(gidx_formula_eval(NULL, NULL, 0, NULL, NULL, NULL, 0, NULL));
    nr = gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    out = PROTECT(Rf_allocVector(VECSXP, 4));
    reg = Rf_allocVector(STRSXP, (R_xlen_t)(nr * ny));
    SET_VECTOR_ELT(out, 0, reg);
    yr = Rf_allocVector(INTSXP, (R_xlen_t)(nr * ny));
    SET_VECTOR_ELT(out, 1, yr);
    val = Rf_allocVector(REALSXP, (R_xlen_t)(nr * ny));
    SET_VECTOR_ELT(out, 2, val);
    rs = Rf_allocVector(STRSXP, (R_xlen_t)(nr * ny));
    SET_VECTOR_ELT(out, 3, rs);
    if ((rc = gidx_bind_formula_grid(REAL(val), &why, f, ds)) != GIDX_OK) {
        UNPROTECT(1);
        return gidx_r_status(rc);
    }
    line = why;
    for (r = 0; r < nr; r++)
        for (y = 0; y < ny; y++, k++) {
            char *nl = strchr(line, '\n');
            *nl = '\0';
            SET_STRING_ELT(reg, (R_xlen_t)k, Rf_mkCharCE(gidx_dataset_region(ds, r), CE_UTF8));
            INTEGER(yr)[k] = gidx_dataset_year(ds, y);
            if (REAL(val)[k] != REAL(val)[k])
                REAL(val)[k] = NA_REAL;
            SET_STRING_ELT(rs, (R_xlen_t)k, line[0] ? Rf_mkCharCE(line, CE_UTF8) : NA_STRING);
            line = nl + 1;
        }
    free(why);
    names = PROTECT(Rf_allocVector(STRSXP, 4));
    SET_STRING_ELT(names, 0, Rf_mkChar("region"));
    SET_STRING_ELT(names, 1, Rf_mkChar("year"));
    SET_STRING_ELT(names, 2, Rf_mkChar("value"));
    SET_STRING_ELT(names, 3, Rf_mkChar("reason"));
    Rf_setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}

SEXP gidx_r_panel_render(SEXP panel, SEXP format, SEXP region)
{
    char *text = NULL;
    gidx_panel *p = gidx_r_ind_ptr(panel, "gidx_panel");
    const char *r = Rf_isString(region) && XLENGTH(region) == 1
                        ? Rf_translateCharUTF8(STRING_ELT(region, 0)) : NULL;
    gidx_status rc = gidx_bind_panel_render(&text, p, Rf_asInteger(format), r);
    return gidx_r_text(rc, text);
}

SEXP gidx_r_validation(SEXP panel)
{
    gidx_validation *v = NULL;
    gidx_status rc = gidx_validation_new(&v, gidx_r_ind_ptr(panel, "gidx_panel"), NULL);
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_wrap(v, "gidx_validation", gidx_r_fin_validation);
}

SEXP gidx_r_validation_render(SEXP val, SEXP format)
{
    char *text = NULL;
    gidx_status rc = gidx_bind_validation_render(&text, gidx_r_ind_ptr(val, "gidx_validation"),
                                                 Rf_asInteger(format));
    return gidx_r_text(rc, text);
}
%}
#endif
