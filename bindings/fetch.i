/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fetching from SSB's PxWebApi v2 (include/greenidx/fetch.h): generated from
 * the header (gidx_api.i) except gidx_fetch_plan_fetch(), whose progress
 * callback is a C function pointer that no typemap makes from a Python or R
 * function; it is wrapped without one (the idiomatic layers report progress
 * per table themselves). gidx_fetch_plan_run() takes the same callback and
 * an array of item structs; plan_fetch covers it (a plan handle) and it is
 * on the tests' ignore lists. The idiomatic layers are
 * bindings/python/greenidx/fetch.py and bindings/r/R/fetch.R.
 */
GIDX_RENAME(gidx_bind_fetch_plan_fetch, gidx_fetch_plan_fetch)
%inline %{
gidx_status gidx_bind_fetch_plan_fetch(gidx_dataset **out, gidx_fetch_client *c,
                                       const gidx_fetch_plan *p, const char *const *regions,
                                       size_t nregions, const char *codelist, int from, int to)
{
    return gidx_fetch_plan_fetch(out, c, p, regions, nregions, codelist, from, to, NULL, NULL);
}
%}
