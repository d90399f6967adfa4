#include "core/internal.h"
#include "effects/effects_internal.h"
gidx_status gidx__eff_csdid(gidx_effect_result *r, const gidx_effect_panel *p, const gidx_effect_options *o){(void)r;(void)p;(void)o;return gidx__error_set(GIDX_EUNSUPPORTED,"x");}
