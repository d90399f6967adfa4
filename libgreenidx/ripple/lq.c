/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Regionalisation of a national input-output table by location quotients.
 *
 * References:
 * - R. E. Miller and P. D. Blair (2009), Input-Output Analysis, 2nd ed.,
 *   sec. 8.2: simple (SLQ) and cross-industry (CILQ) location quotients,
 *   regional coefficients r_ij = a_ij min(LQ, 1).
 * - A. T. Flegg, C. D. Webber and M. V. Elliott (1995), "On the appropriate
 *   use of location quotients in generating regional input-output tables",
 *   Regional Studies 29(6), 547-561: FLQ_ij = CILQ_ij lambda*, lambda* =
 *   [log2(1 + RE/NE)]^delta, with SLQ_i on the diagonal of CILQ (Smith &
 *   Morrison 1974).
 * - A. T. Flegg and T. Tohmo (2013), "Regional input-output tables and the
 *   FLQ formula: a case study of Finland", Regional Studies 47(5), 703-721:
 *   delta about 0.3 as the default.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ripple_internal.h"

gidx_status gidx_io_location_quotients(double *out, size_t cap, int method, double delta,
                                       const double *regional, const double *national,
                                       size_t k)
{
    double tr = 0, tn = 0, lambda = 1.0, *slq;
    size_t i, j, need;

    if (out == NULL || regional == NULL || national == NULL || k == 0 ||
        method < GIDX_IO_SLQ || method > GIDX_IO_FLQ)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_location_quotients: NULL argument, k == 0 or unknown "
                               "method %d", method);
    if (method == GIDX_IO_FLQ && !(delta >= 0 && delta < 1))
        return gidx__error_set(GIDX_EDOM,
                               "gidx_io_location_quotients: FLQ delta = %g is outside [0, 1) "
                               "(Flegg & Tohmo 2013 recommend 0.3)", delta);
    need = method == GIDX_IO_SLQ ? k : k * k;
    if (method != GIDX_IO_SLQ && need / k != k)
        return gidx__error_set(GIDX_ELIMIT, "gidx_io_location_quotients: k = %zu too large", k);
    if (cap < need)
        return gidx__error_set(GIDX_EBUFS, "gidx_io_location_quotients: need %zu values, have %zu",
                               need, cap);
    for (i = 0; i < k; i++) {
        if (!gidx__isfinite(regional[i]) || regional[i] < 0)
            return gidx__error_set(GIDX_EDATA,
                                   "location quotients: regional employment of industry %zu is %g",
                                   i + 1, regional[i]);
        if (!gidx__isfinite(national[i]) || national[i] < 0)
            return gidx__error_set(GIDX_EDATA,
                                   "location quotients: national employment of industry %zu is %g",
                                   i + 1, national[i]);
        if (regional[i] > national[i])
            return gidx__error_set(GIDX_EDATA,
                                   "location quotients: regional employment of industry %zu (%g) "
                                   "exceeds national employment (%g)", i + 1, regional[i],
                                   national[i]);
        tr += regional[i];
        tn += national[i];
    }
    if (!(tr > 0) || !(tn > 0))
        return gidx__error_set(GIDX_EDATA,
                               "location quotients: total regional (%g) and national (%g) "
                               "employment must be positive", tr, tn);
    slq = gidx__malloc(k * sizeof *slq);
    if (slq == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < k; i++)
        slq[i] = national[i] > 0 ? (regional[i] / tr) / (national[i] / tn) : 0.0;
    if (method == GIDX_IO_FLQ)
        lambda = pow(log2(1.0 + tr / tn), delta);
    if (method == GIDX_IO_SLQ) {
        memcpy(out, slq, k * sizeof *out);
    } else {
        for (i = 0; i < k; i++)
            for (j = 0; j < k; j++) {
                double c;
                if (i == j)
                    c = slq[i];
                else if (slq[j] > 0)
                    c = slq[i] / slq[j];
                else
                    c = INFINITY;  /* buyer absent from the region: no adjustment */
                out[i * k + j] = c * lambda;
            }
    }
    free(slq);
    return GIDX_OK;
}

gidx_status gidx_io_model_regionalise(gidx_io_model **out, const gidx_io_model *nat,
                                      int method, double delta, const double *regional_emp,
                                      const double *national_emp, size_t k,
                                      const size_t *industry_of)
{
    gidx_io_model *m = NULL;
    double *lq = NULL, *hc = NULL;
    size_t n, i, j, q;
    gidx_status rc;

    if (out != NULL)
        *out = NULL;
    if (out == NULL || nat == NULL || regional_emp == NULL || national_emp == NULL || k == 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_io_model_regionalise: NULL argument or k == 0");
    n = nat->n;
    if (nat->A == NULL)
        return gidx__error_set(GIDX_EUNSUPPORTED,
                               "gidx_io_model_regionalise: the national model must be dense");
    if (industry_of == NULL && k != n)
        return gidx__error_set(GIDX_EINVAL,
                               "gidx_io_model_regionalise: without a concordance the %zu "
                               "industries must be the %zu sectors", k, n);
    if (industry_of != NULL)
        for (i = 0; i < n; i++)
            if (industry_of[i] >= k)
                return gidx__error_set(GIDX_EDATA,
                                       "gidx_io_model_regionalise: sector '%s' maps to industry "
                                       "%zu, but there are %zu industries", nat->names[i],
                                       industry_of[i], k);
    lq = gidx__malloc(k * k * sizeof *lq);
    if (lq == NULL)
        return GIDX_ENOMEM;
    /* The k x k matrix for every method: SLQ_i in every column for SLQ. */
    if (method == GIDX_IO_SLQ) {
        rc = gidx_io_location_quotients(lq, k, method, delta, regional_emp, national_emp, k);
        if (rc == GIDX_OK)
            for (i = k; i-- > 0;)
                for (j = 0; j < k; j++)
                    lq[i * k + j] = lq[i];
    } else {
        rc = gidx_io_location_quotients(lq, k * k, method, delta, regional_emp, national_emp, k);
    }
    if (rc != GIDX_OK)
        goto fail;
    m = gidx__io_alloc(n);
    if (m == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    if ((rc = gidx__io_set_names(m, (const char *const *)nat->names)) != GIDX_OK ||
        (rc = gidx__io_set_labels(m, (const char *const *)nat->labels)) != GIDX_OK)
        goto fail;
    m->A = gidx__malloc(n * n * sizeof *m->A);
    if (m->A == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (i = 0; i < n; i++) {
        size_t gi = industry_of != NULL ? industry_of[i] : i;
        for (j = 0; j < n; j++) {
            size_t gj = industry_of != NULL ? industry_of[j] : j;
            m->A[i * n + j] = nat->A[i * n + j] * fmin(lq[gi * k + gj], 1.0);
        }
    }
    for (q = 1; q < GIDX__IO_NQ; q++) {
        if (nat->sat[q] == NULL || q == GIDX_IO_LEAKAGE)
            continue;
        m->sat[q] = gidx__malloc(n * sizeof *m->sat[q]);
        if (m->sat[q] == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        memcpy(m->sat[q], nat->sat[q], n * sizeof *m->sat[q]);
    }
    /* What the region's industries buy from the rest of the country instead:
     * the national domestic coefficients minus the regional ones (Miller &
     * Blair sec. 8.2: r_ij = a_ij min(LQ, 1), the rest imported into the
     * region). Purchases from abroad stay the imports satellite. */
    m->sat[GIDX_IO_LEAKAGE] = gidx__calloc(n, sizeof *m->sat[GIDX_IO_LEAKAGE]);
    if (m->sat[GIDX_IO_LEAKAGE] == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            m->sat[GIDX_IO_LEAKAGE][j] += nat->A[i * n + j] - m->A[i * n + j];
    if (nat->grp != NULL) {
        m->grp = gidx__malloc(n * sizeof *m->grp);
        if (m->grp == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        memcpy(m->grp, nat->grp, n * sizeof *m->grp);
    }
    if (nat->x != NULL || nat->xw != NULL) {
        m->xw = gidx__malloc(n * sizeof *m->xw);
        if (m->xw == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        memcpy(m->xw, nat->x != NULL ? nat->x : nat->xw, n * sizeof *m->xw);
    }
    m->year = nat->year;
    m->emp_year = nat->emp_year;
    if (nat->note != NULL && (rc = gidx__io_note_add(m, "%s", nat->note)) != GIDX_OK)
        goto fail;
    /* Households buy regionally in proportion to the supplier's LQ (the
     * diagonal: SLQ, or SLQ lambda* for FLQ), capped at 1. */
    if (nat->hh != NULL && nat->sat[GIDX_IO_LABOUR_INCOME] != NULL) {
        hc = gidx__malloc(n * sizeof *hc);
        if (hc == NULL) {
            rc = GIDX_ENOMEM;
            goto fail;
        }
        if ((rc = gidx__io_households(NULL, hc, nat, "gidx_io_model_regionalise")) != GIDX_OK)
            goto fail;
        for (i = 0; i < n; i++) {
            size_t gi = industry_of != NULL ? industry_of[i] : i;
            double r = hc[i] * fmin(lq[gi * k + gi], 1.0);
            m->hh_leak += hc[i] - r;
            hc[i] = r;
        }
        m->hh = hc;
        m->hh_shares = 1;
        hc = NULL;
    }
    free(lq);
    *out = m;
    return GIDX_OK;
fail:
    free(lq);
    free(hc);
    gidx_io_model_free(m);
    return rc;
}
