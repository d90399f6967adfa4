/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * LMDI-I, additive and multiplicative, on a sum of products, and Tapio's
 * decoupling elasticity.
 *
 * Ang, B.W. (2005). The LMDI approach to decomposition analysis: a practical
 *   guide. Energy Policy 33(7), 867-871. Table 1, LMDI-I.
 * Ang, B.W. (2015). LMDI decomposition approach: A guide for implementation.
 *   Energy Policy 86, 233-238. Table 2 (additive and multiplicative LMDI-I;
 *   ln D_k = dV_k / L(V^T, V^0)).
 * Ang, B.W. & Liu, N. (2007). Handling zero values in index decomposition
 *   analysis. Energy Policy 35(1), 238-246: the small-value strategy
 *   converges to the analytical limits used here, L(x, d) ln(y / d) -> x as
 *   d -> 0 with x, y > 0, and L(x, d) ln(y / z) -> 0 for fixed y, z.
 * Tapio, P. (2005). Towards a theory of decoupling: degrees of decoupling in
 *   the EU and the case of road traffic in Finland between 1970 and 2001.
 *   Transport Policy 12(2), 137-151. Fig. 2 and Table 1.
 */
#include <math.h>
#include <string.h>

#include "drivers_internal.h"

const char *const gidx__lmdi_effect_names[5] = {
    "population", "employment_rate", "structure", "intensity", "total"
};

double gidx__logmean(double a, double b)
{
    if (a == b)
        return a;
    if (a <= 0.0 || b <= 0.0)
        return 0.0;
    /* ln a - ln b as log1p((a - b) / b): no cancellation when a is close to b */
    return (a - b) / log1p((a - b) / b);
}

/* Additive LMDI-I of one sub-category with the zero-value limits. */
static gidx_status lmdi_sub(double *out, const double *x0, const double *x1, size_t nf, size_t i)
{
    double v0 = 1.0, v1 = 1.0, w;
    size_t k, z0 = 0, z1 = 0, kz0 = 0, kz1 = 0;
    for (k = 0; k < nf; k++) {
        if (!gidx__isfinite(x0[k]) || x0[k] < 0.0 || !gidx__isfinite(x1[k]) || x1[k] < 0.0)
            return gidx__error_set(GIDX_EDATA, "LMDI: factor %zu of sub-category %zu is %g in "
                                   "period 0 and %g in period T: factors must be finite and >= 0",
                                   k, i, x0[k], x1[k]);
        v0 *= x0[k];
        v1 *= x1[k];
        if (x0[k] == 0.0) { z0++; kz0 = k; }
        if (x1[k] == 0.0) { z1++; kz1 = k; }
        out[k] = 0.0;
    }
    if (z0 > 0 && z1 > 0)   /* zero in both periods: no contribution */
        return GIDX_OK;
    if (z0 > 0 || z1 > 0) {
        /* One period is zero: the limit gives the whole change to the zero
         * factor (Ang & Liu 2007); with several zero factors it is not unique. */
        if (z0 > 1 || z1 > 1)
            return gidx__error_set(GIDX_EDOM, "LMDI: sub-category %zu is zero in period %s through "
                                   "%zu factors at once: the zero-value limit is not unique",
                                   i, z0 > 1 ? "0" : "T", z0 > 1 ? z0 : z1);
        if (z0 > 0)
            out[kz0] = v1;
        else
            out[kz1] = -v0;
        return GIDX_OK;
    }
    w = gidx__logmean(v1, v0);
    for (k = 0; k < nf; k++)
        out[k] = x1[k] == x0[k] ? 0.0 : w * log(x1[k] / x0[k]);
    return GIDX_OK;
}

gidx_status gidx_lmdi(double *out, size_t cap, const double *x0, size_t n0,
                      const double *x1, size_t n1, size_t nfactors, int form)
{
    size_t nsub, i, k;
    double v0 = 0.0, v1 = 0.0, w;
    gidx_status rc;
    if (out == NULL || x0 == NULL || x1 == NULL || nfactors == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_lmdi: NULL argument or no factors");
    if (n0 != n1 || n0 % nfactors != 0 || n0 == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_lmdi: %zu and %zu values do not make whole "
                               "sub-categories of %zu factors in both periods", n0, n1, nfactors);
    if (form != GIDX_LMDI_ADDITIVE && form != GIDX_LMDI_MULTIPLICATIVE)
        return gidx__error_set(GIDX_EINVAL, "gidx_lmdi: unknown form %d", form);
    if (cap < n0)
        return gidx__error_set(GIDX_EBUFS, "gidx_lmdi: the output needs %zu values, room for %zu",
                               n0, cap);
    nsub = n0 / nfactors;
    for (i = 0; i < nsub; i++) {
        double p0 = 1.0, p1 = 1.0;
        if ((rc = lmdi_sub(out + i * nfactors, x0 + i * nfactors, x1 + i * nfactors,
                           nfactors, i)) != GIDX_OK)
            return rc;
        for (k = 0; k < nfactors; k++) {
            p0 *= x0[i * nfactors + k];
            p1 *= x1[i * nfactors + k];
        }
        v0 += p0;
        v1 += p1;
    }
    if (form == GIDX_LMDI_ADDITIVE)
        return GIDX_OK;
    if (!(v0 > 0.0) || !(v1 > 0.0))
        return gidx__error_set(GIDX_EDOM, "gidx_lmdi: the aggregate is %g in period 0 and %g in "
                               "period T: the multiplicative form needs both positive", v0, v1);
    /* ln D_ik = dV_ik / L(V^T, V^0) (Ang 2015, Table 2) */
    w = gidx__logmean(v1, v0);
    for (i = 0; i < n0; i++)
        out[i] = exp(out[i] / w);
    return GIDX_OK;
}

gidx_status gidx_tapio(int *cls, double *elasticity, double e0, double e1, double d0, double d1)
{
    double de, dd, e;
    if (cls == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_tapio: cls is NULL");
    *cls = GIDX_TAPIO_UNDEFINED;
    if (elasticity)
        *elasticity = gidx__nan();
    if (!(gidx__isfinite(e0) && e0 > 0.0 && gidx__isfinite(e1) && e1 > 0.0))
        return gidx__error_set(GIDX_EDATA, "Tapio elasticity: emissions %g and %g must be "
                               "finite and positive", e0, e1);
    if (!(gidx__isfinite(d0) && d0 > 0.0 && gidx__isfinite(d1) && d1 > 0.0))
        return gidx__error_set(GIDX_EDATA, "Tapio elasticity: driver %g and %g must be "
                               "finite and positive", d0, d1);
    de = (e1 - e0) / e0;
    dd = (d1 - d0) / d0;
    if (dd == 0.0)
        return GIDX_OK;
    e = de / dd;
    if (elasticity)
        *elasticity = e;
    if (dd > 0.0) {
        if (de < 0.0) *cls = GIDX_TAPIO_STRONG_DECOUPLING;
        else if (e < 0.8) *cls = GIDX_TAPIO_WEAK_DECOUPLING;
        else if (e <= 1.2) *cls = GIDX_TAPIO_EXPANSIVE_COUPLING;
        else *cls = GIDX_TAPIO_EXPANSIVE_NEGATIVE_DECOUPLING;
    } else {
        if (de > 0.0) *cls = GIDX_TAPIO_STRONG_NEGATIVE_DECOUPLING;
        else if (e < 0.8) *cls = GIDX_TAPIO_WEAK_NEGATIVE_DECOUPLING;
        else if (e <= 1.2) *cls = GIDX_TAPIO_RECESSIVE_COUPLING;
        else *cls = GIDX_TAPIO_RECESSIVE_DECOUPLING;
    }
    return GIDX_OK;
}

const char *gidx_tapio_class_name(int cls)
{
    static const char *const names[] = {
        "undefined", "strong_decoupling", "weak_decoupling", "expansive_coupling",
        "expansive_negative_decoupling", "strong_negative_decoupling",
        "weak_negative_decoupling", "recessive_coupling", "recessive_decoupling"
    };
    return cls >= 0 && cls <= 8 ? names[cls] : "undefined";
}
