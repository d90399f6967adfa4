/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* gidx_effect_estimate(): option checks and dispatch to the estimators. */
#include <math.h>

#include "core/internal.h"
#include "effects/effects_internal.h"

GIDX_API gidx_status gidx_effect_estimate(gidx_effect_result **out, const gidx_effect_panel *p,
                                          const gidx_effect_options *o)
{
    gidx_effect_result *r;
    gidx_status rc;
    double level_pct = 95.0;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: out is NULL");
    *out = NULL;
    if (p == NULL || o == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: NULL panel or options");
    if (o->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: options version %u (expected 1)", o->version);
    if (o->method < GIDX_EFFECT_DID || o->method > GIDX_EFFECT_FE)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: unknown method %d", o->method);
    if (o->se < GIDX_EFFECT_SE_DEFAULT || o->se > GIDX_EFFECT_SE_CR2)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: unknown standard-error kind %d", o->se);
    if (o->level != 0 && gidx_level_normalize(&level_pct, o->level) != GIDX_OK)
        return gidx__error_set(GIDX_EINVAL, "gidx_effect_estimate: confidence level %g is neither "
                               "a percentage in [1, 100) nor a fraction in (0, 1)", o->level);
    r = gidx__eff_result_new(o->method);
    if (r == NULL)
        return GIDX_ENOMEM;
    if (o->level > 0)
        r->level = level_pct / 100.0;
    gidx__gsl_init();
    switch (o->method) {
    case GIDX_EFFECT_DID: rc = gidx__eff_did(r, p, o); break;
    case GIDX_EFFECT_TWFE:
    case GIDX_EFFECT_EVENT: rc = gidx__eff_twfe(r, p, o); break;
    case GIDX_EFFECT_CSDID: rc = gidx__eff_csdid(r, p, o); break;
    case GIDX_EFFECT_SYNTH: rc = gidx__eff_synth(r, p, o); break;
    default: rc = gidx__eff_fe(r, p, o); break;
    }
    if (rc != GIDX_OK) {
        gidx_effect_result_free(r);
        return rc;
    }
    *out = r;
    return GIDX_OK;
}
