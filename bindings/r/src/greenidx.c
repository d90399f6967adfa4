/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C code of the R package greenidx: the SWIG wrapper of libgreenidx,
 * which ../configure generates (tools/swig_gen.sh runs `swig -r` on the
 * interfaces of the libgreenidx it builds against) as greenidx_wrap.inc, so
 * that the wrapper always matches the installed library's headers. It is
 * compiled here, as one translation unit.
 */
#include "greenidx_wrap.inc"
