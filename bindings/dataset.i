/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Datasets and the region registry (include/greenidx/dataset.h). Other
 * modules' interfaces that take a dataset use the handle declared here:
 * in Python the SWIG type gidx_dataset * (greenidx.Dataset.handle); in R an
 * external pointer tagged "gidx_dataset", unwrapped with gidx_r_dataset_ptr().
 */
%{
#include <stdlib.h>
#include <greenidx/dataset.h>
%}

#if defined(SWIGR)
%inline %{

/* Wrap a dataset as the generated layer does (greenidx.i): owned, closable. */
SEXP gidx_r_dataset_wrap(gidx_dataset *ds)
{
    return gidx_r_handle_wrap(ds, gidx_r_free_gidx_dataset, "gidx_dataset");
}

/* The dataset behind an R external pointer, or NULL. */
gidx_dataset *gidx_r_dataset_ptr(SEXP p)
{
    return (gidx_dataset *)gidx_r_handle_get(p, "gidx_dataset");
}

static const char *gidx_r_ds_str(SEXP s)
{
    if (!Rf_isString(s) || XLENGTH(s) < 1 || STRING_ELT(s, 0) == NA_STRING)
        return NULL;
    return CHAR(STRING_ELT(s, 0))[0] ? CHAR(STRING_ELT(s, 0)) : NULL;
}

static SEXP gidx_r_result(gidx_status rc, gidx_dataset *ds)
{
    if (rc != GIDX_OK)
        return gidx_r_status(rc);
    return gidx_r_dataset_wrap(ds);
}


SEXP gidx_r_dataset_load_csv(SEXP path, SEXP region, SEXP year, SEXP variable, SEXP value,
                             SEXP flag)
{
    gidx_long_csv_options o = GIDX_LONG_CSV_OPTIONS_INIT;
    gidx_dataset *ds = NULL;
    if (gidx_r_ds_str(path) == NULL)
        return gidx_r_status(gidx_dataset_load_csv(NULL, NULL, NULL));
    if (gidx_r_ds_str(region)) o.region = gidx_r_ds_str(region);
    if (gidx_r_ds_str(year)) o.year = gidx_r_ds_str(year);
    if (gidx_r_ds_str(variable)) o.variable = gidx_r_ds_str(variable);
    if (gidx_r_ds_str(value)) o.value = gidx_r_ds_str(value);
    if (gidx_r_ds_str(flag)) o.flag = gidx_r_ds_str(flag);
    {
        gidx_status rc = gidx_dataset_load_csv(&ds, gidx_r_ds_str(path), &o);
        return gidx_r_result(rc, ds);
    }
}

SEXP gidx_r_dataset_load_jsonstat(SEXP path, SEXP region_dim, SEXP time_dim, SEXP variable_dim,
                                  SEXP region, SEXP variable)
{
    gidx_jsonstat_options o = GIDX_JSONSTAT_OPTIONS_INIT;
    gidx_dataset *ds = NULL;
    if (gidx_r_ds_str(path) == NULL)
        return gidx_r_status(gidx_dataset_load_jsonstat(NULL, NULL, NULL));
    o.region_dim = gidx_r_ds_str(region_dim);
    o.time_dim = gidx_r_ds_str(time_dim);
    o.variable_dim = gidx_r_ds_str(variable_dim);
    if (gidx_r_ds_str(region)) o.region = gidx_r_ds_str(region);
    o.variable = gidx_r_ds_str(variable);
    {
        gidx_status rc = gidx_dataset_load_jsonstat(&ds, gidx_r_ds_str(path), &o);
        return gidx_r_result(rc, ds);
    }
}

SEXP gidx_r_dataset_harmonise(SEXP p, SEXP drop_unknown)
{
    gidx_registry *reg = NULL;
    gidx_dataset *out = NULL, *ds = gidx_r_dataset_ptr(p);
    gidx_harmonise_options o = GIDX_HARMONISE_OPTIONS_INIT;
    gidx_status rc;
    if (ds == NULL)
        return gidx_r_status(gidx_dataset_harmonise(NULL, NULL, NULL, NULL));
    o.drop_unknown = Rf_asLogical(drop_unknown) == TRUE;
    rc = gidx_registry_load_default(&reg);
    if (rc == GIDX_OK)
        rc = gidx_dataset_harmonise(&out, ds, reg, &o);
    gidx_registry_free(reg);
    return gidx_r_result(rc, out);
}


/* Every cell as a list of columns: region, name, year, variable, value, flag. */
SEXP gidx_r_dataset_cells(SEXP p)
{
    gidx_dataset *ds = gidx_r_dataset_ptr(p);
    size_t nr, nv, ny, r, v, y, k = 0, n;
    SEXP out, reg, nam, yr, var, val, fl;
    if (ds == NULL)
        return gidx_r_status(gidx_dataset_series(NULL, NULL, 0, NULL, NULL, NULL));
    n = gidx_dataset_ncells(ds);
    nr = gidx_dataset_nregions(ds);
    nv = gidx_dataset_nvariables(ds);
    ny = gidx_dataset_nyears(ds);
    out = PROTECT(Rf_allocVector(VECSXP, 6));
    reg = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    nam = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    yr = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)n));
    var = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    val = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    fl = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)n));
    for (r = 0; r < nr; r++) {
        const char *rn = gidx_dataset_region(ds, r);
        for (v = 0; v < nv; v++) {
            const char *vn = gidx_dataset_variable(ds, v);
            for (y = 0; y < ny && k < n; y++) {
                int year = gidx_dataset_year(ds, y), f;
                double x;
                if (!gidx_dataset_has(ds, rn, year, vn))
                    continue;
                gidx_dataset_get(&x, &f, ds, rn, year, vn);
                SET_STRING_ELT(reg, (R_xlen_t)k, Rf_mkCharCE(rn, CE_UTF8));
                SET_STRING_ELT(nam, (R_xlen_t)k,
                               Rf_mkCharCE(gidx_dataset_region_name(ds, rn), CE_UTF8));
                INTEGER(yr)[k] = year;
                SET_STRING_ELT(var, (R_xlen_t)k, Rf_mkCharCE(vn, CE_UTF8));
                REAL(val)[k] = (f == GIDX_FLAG_OK || f == GIDX_FLAG_PROVISIONAL) ? x : NA_REAL;
                INTEGER(fl)[k] = f;
                k++;
            }
        }
    }
    SET_VECTOR_ELT(out, 0, reg);
    SET_VECTOR_ELT(out, 1, nam);
    SET_VECTOR_ELT(out, 2, yr);
    SET_VECTOR_ELT(out, 3, var);
    SET_VECTOR_ELT(out, 4, val);
    SET_VECTOR_ELT(out, 5, fl);
    UNPROTECT(7);
    return out;
}

/* Value and flag of one cell: c(value, flag). */

/* A registry entry by code (by_name FALSE) or name, valid in year (0 = any):
 * list(code, name, level, parent, valid_from, valid_to, successor). */
SEXP gidx_r_registry_lookup(SEXP key, SEXP year, SEXP by_name)
{
    gidx_registry *reg = NULL;
    size_t i;
    gidx_status rc;
    SEXP out, names;
    const char *k = gidx_r_ds_str(key);
    static const char *const fields[] = { "code", "name", "level", "parent", "valid_from",
                                          "valid_to", "successor" };
    int f;
    if ((rc = gidx_registry_load_default(&reg)) != GIDX_OK)
        return gidx_r_status(rc);
    rc = Rf_asLogical(by_name) == TRUE ?
        gidx_registry_find_name(&i, reg, k, Rf_asInteger(year), GIDX_LEVEL_ANY) :
        gidx_registry_find_code(&i, reg, k, Rf_asInteger(year));
    if (rc != GIDX_OK) {
        gidx_registry_free(reg);
        return gidx_r_status(rc);
    }
    out = PROTECT(Rf_allocVector(VECSXP, 7));
    names = PROTECT(Rf_allocVector(STRSXP, 7));
    for (f = 0; f < 7; f++)
        SET_STRING_ELT(names, f, Rf_mkChar(fields[f]));
    SET_VECTOR_ELT(out, 0, Rf_ScalarString(Rf_mkCharCE(gidx_registry_code(reg, i), CE_UTF8)));
    SET_VECTOR_ELT(out, 1, Rf_ScalarString(Rf_mkCharCE(gidx_registry_name(reg, i), CE_UTF8)));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(gidx_registry_level(reg, i)));
    SET_VECTOR_ELT(out, 3, Rf_ScalarString(Rf_mkCharCE(gidx_registry_parent(reg, i), CE_UTF8)));
    SET_VECTOR_ELT(out, 4, Rf_ScalarInteger(gidx_registry_valid_from(reg, i) ?
                                            gidx_registry_valid_from(reg, i) : NA_INTEGER));
    SET_VECTOR_ELT(out, 5, Rf_ScalarInteger(gidx_registry_valid_to(reg, i) ?
                                            gidx_registry_valid_to(reg, i) : NA_INTEGER));
    SET_VECTOR_ELT(out, 6, gidx_registry_successor(reg, i) ?
                   Rf_ScalarString(Rf_mkCharCE(gidx_registry_successor(reg, i), CE_UTF8)) :
                   Rf_ScalarString(NA_STRING));
    Rf_setAttrib(out, R_NamesSymbol, names);
    gidx_registry_free(reg);
    UNPROTECT(2);
    return out;
}

/* Metadata as a named character vector. */
%}
#endif
