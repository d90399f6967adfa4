/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators: catalogues, formulas, indicator panels and validation
 * (include/greenidx/indicators.h): generated (gidx_api.i). The idiomatic
 * layers build datasets from data frames with gidx_dataset_set(); the one
 * exception, written once for both languages, reads a panel's cells.
 */
%{
#include <stdlib.h>
#include <string.h>
#include <greenidx/indicators.h>
%}

%apply char **TEXT { char **reasons };
%inline %{
/* The cells of a panel in one call, for the region codes given (none: every
 * region): values[k] (NaN where missing) and the reasons, one line per cell
 * ("" where present), k = (region * nyears + year) * nindicators + indicator. Not a typemap gap but a cost one: one
 * generated gidx_panel_get() per cell takes about 25 us in R (6.4 s of CPU
 * for the 254,386 cells of the default panel). */
gidx_status gidx_b_panel_cells(double *values, size_t cap, char **reasons, const gidx_panel *p,
                               const char *const *codes, size_t n)
{
    const gidx_dataset *ds;
    const gidx_catalog *cat;
    size_t nr, ny, ni, r, y, i, k = 0, len = 0, size = 1;
    char *buf = NULL;
    gidx_status rc = GIDX_OK;
    *reasons = NULL;
    if (p == NULL)
        return gidx_error_set(GIDX_EINVAL, "panel cells: NULL panel");
    ds = gidx_panel_dataset(p);
    cat = gidx_panel_catalog(p);
    nr = n ? n : gidx_dataset_nregions(ds);
    ny = gidx_dataset_nyears(ds);
    ni = gidx_catalog_count(cat);
    if (cap != nr * ny * ni)
        return gidx_error_set(GIDX_EINVAL, "panel cells: the output needs regions x years x indicators values");
    for (r = 0; r < nr && rc == GIDX_OK; r++)
        for (y = 0; y < ny && rc == GIDX_OK; y++)
            for (i = 0; i < ni && rc == GIDX_OK; i++, k++) {
                const char *why = NULL;
                size_t wl; /* not n: that is the number of codes asked for */
                rc = gidx_panel_get(&values[k], &why, p, n ? codes[r] : gidx_dataset_region(ds, r),
                                    gidx_dataset_year(ds, y),
                                    gidx_indicator_id(gidx_catalog_indicator(cat, i)));
                wl = why ? strcspn(why, "\n") : 0;
                if (rc == GIDX_OK && len + wl + 2 > size) {
                    char *nb;
                    while (len + wl + 2 > size)
                        size *= 2;
                    if ((nb = realloc(buf, size)) == NULL)
                        rc = gidx_error_set(GIDX_ENOMEM, "panel cells: out of memory");
                    else
                        buf = nb;
                }
                if (rc == GIDX_OK) {
                    memcpy(buf + len, why ? why : "", wl);
                    len += wl;
                    buf[len++] = '\n';
                    buf[len] = '\0';
                }
            }
    if (rc != GIDX_OK || (buf == NULL && (buf = calloc(1, 1)) == NULL)) {
        free(buf);
        return rc != GIDX_OK ? rc : gidx_error_set(GIDX_ENOMEM, "panel cells: out of memory");
    }
    *reasons = buf;
    return GIDX_OK;
}
%}
