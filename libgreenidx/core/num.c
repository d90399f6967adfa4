/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Locale-independent number parsing. strtod() obeys LC_NUMERIC, which a host
 * (an R session, a Python notebook with locale.setlocale) may have set to
 * nb_NO, where the decimal mark is ','. We parse in a private "C" locale
 * created once with newlocale() (POSIX.1-2008) and used through strtod_l().
 */
#define _GNU_SOURCE 1
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"

static locale_t c_locale = (locale_t)0;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

double gidx__strtod(const char *s, char **end)
{
    pthread_once(&c_locale_once, c_locale_init);
    if (c_locale != (locale_t)0)
        return strtod_l(s, end, c_locale);
    return strtod(s, end);
}

int gidx__isfinite(double x)
{
    return isfinite(x) ? 1 : 0;
}

double gidx__nan(void)
{
    return NAN;
}

gidx_status gidx_level_normalize(double *pct, double level)
{
    if (pct == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_level_normalize: NULL argument");
    if (level > 0 && level < 1)
        *pct = level * 100.0;
    else if (level >= 1 && level < 100)
        *pct = level;
    else
        return gidx__error_set(GIDX_EINVAL, "level %g is neither a percentage in [1, 100) "
                               "(80, 95) nor a fraction in (0, 1) (0.8, 0.95)", level);
    return GIDX_OK;
}
