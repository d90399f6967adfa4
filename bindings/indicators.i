/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators: catalogues, indicator panels, validation. Data reach the
 * library as long CSV text (region,year,variable,value[,flag]) read by the
 * data layer's loader, which the pure-Python and R layers write from a data
 * frame, or are the embedded Telemark data; every number is computed by the
 * C library.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/indicators.h>

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
    rc = text ? gidx_dataset_parse_csv(&ds, text, strlen(text), "data", NULL)
              : gidx_dataset_load_default(&ds);
    if (rc != GIDX_OK)
        return rc;
    if (text != NULL) {
        /* Name Norwegian region codes from the registry, as the command does. */
        gidx_registry *reg = NULL;
        size_t r, i;
        if ((rc = gidx_registry_load_default(&reg)) == GIDX_OK) {
            for (r = 0; r < gidx_dataset_nregions(ds) && rc == GIDX_OK; r++) {
                const char *code = gidx_dataset_region(ds, r);
                if (gidx_registry_find_code(&i, reg, code, 0) == GIDX_OK)
                    rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, i));
            }
            gidx_registry_free(reg);
        }
        if (rc != GIDX_OK) {
            gidx_dataset_free(ds);
            return rc;
        }
    }
    rc = gidx_panel_new(out, cat, ds);
    gidx_dataset_free(ds);
    return rc;
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

enum gidx_direction { GIDX_CONTEXT = 0, GIDX_HIGHER_BETTER = 1, GIDX_LOWER_BETTER = 2 };
enum gidx_target_kind { GIDX_TARGET_RELATIVE = 1, GIDX_TARGET_ABSOLUTE = 2 };
enum gidx_target_path { GIDX_PATH_LINEAR = 0, GIDX_PATH_CONSTANT_RATE = 1 };
enum gidx_ind_format { GIDX_IND_TEXT = 0, GIDX_IND_CSV = 1, GIDX_IND_JSON = 2 };

#if defined(SWIGPYTHON)
%include <cstring.i>
GIDX_HANDLE(gidx_catalog, gidx_catalog_free)
GIDX_HANDLE(gidx_panel, gidx_panel_free)
GIDX_HANDLE(gidx_validation, gidx_validation_free)
%cstring_output_allocate(char **text, free(*$1));

gidx_status gidx_catalog_default(gidx_catalog **out);
gidx_status gidx_catalog_load_json(gidx_catalog **out, const char *path);
gidx_status gidx_catalog_save_json(const gidx_catalog *cat, const char *path);
gidx_status gidx_catalog_set_formula(gidx_catalog *cat, const char *id, const char *formula);
size_t gidx_catalog_count(const gidx_catalog *cat);
const char *gidx_catalog_name(const gidx_catalog *cat);
size_t gidx_panel_nmissing(const gidx_panel *p);
size_t gidx_validation_nfindings(const gidx_validation *v);

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
gidx_status gidx_py_validation_alpha(double *alpha_out, const gidx_validation *v, const char *pillar)
{
    return gidx_validation_alpha(alpha_out, NULL, v, pillar);
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

SEXP gidx_r_panel_render(SEXP panel, SEXP format, SEXP region)
{
    char *text = NULL;
    gidx_panel *p = gidx_r_ind_ptr(panel, "gidx_panel");
    const char *r = Rf_isString(region) && XLENGTH(region) == 1
                        ? Rf_translateCharUTF8(STRING_ELT(region, 0)) : NULL;
    gidx_status rc = gidx_bind_panel_render(&text, p, Rf_asInteger(format), r);
    return gidx_r_text(rc, text);
}

/* The reason of every cell, in the row order of gidx_r_panel_render(panel, 1, NULL)
 * ("" where a value is present). */
SEXP gidx_r_panel_reasons(SEXP panel)
{
    gidx_panel *p = gidx_r_ind_ptr(panel, "gidx_panel");
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    size_t nr, ny, ni, r, y, i, k = 0;
    SEXP out;
    if (p == NULL)
        return gidx_r_status(gidx_panel_render(NULL, 0, NULL, NULL, 0, NULL));
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    nr = gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    ni = gidx_catalog_count(cat);
    out = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)(nr * ny * ni)));
    for (r = 0; r < nr; r++)
        for (y = 0; y < ny; y++)
            for (i = 0; i < ni; i++) {
                const char *why = NULL;
                gidx_panel_get(NULL, &why, p, gidx_dataset_region(ds, r), gidx_dataset_year(ds, y),
                               gidx_indicator_id(gidx_catalog_indicator(cat, i)));
                SET_STRING_ELT(out, (R_xlen_t)k++, Rf_mkCharCE(why ? why : "", CE_UTF8));
            }
    UNPROTECT(1);
    return out;
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
