/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Datasets and the region registry (include/greenidx/dataset.h): entirely
 * generated (gidx_api.i); no hand-written exception. Other modules take the
 * dataset handle gidx_dataset * (Python greenidx.Dataset.handle, R an
 * external pointer of class c("gidx_dataset", "gidx_handle")).
 */
%{
#include <greenidx/dataset.h>
%}

#if defined(SWIGR)
%inline %{
/* The dataset behind an R handle, or NULL: for the R glue of other modules
 * (ripple.i) that takes a dataset as a SEXP. */
gidx_dataset *gidx_r_dataset_ptr(SEXP p)
{
    return (gidx_dataset *)gidx_r_handle_get(p, "gidx_dataset");
}
%}
#endif
