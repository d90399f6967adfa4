/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* A growable, always NUL-terminated string buffer for the renderers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int buf_reserve(gidx__buf *b, size_t extra)
{
    size_t need, cap;
    char *s;
    if (b->failed)
        return -1;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    s = gidx__realloc(b->s, cap);
    if (s == NULL) {
        b->failed = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

int gidx__buf_append(gidx__buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) != 0)
        return -1;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

int gidx__buf_puts(gidx__buf *b, const char *s)
{
    return gidx__buf_append(b, s, strlen(s));
}

int gidx__buf_putc(gidx__buf *b, char c)
{
    return gidx__buf_append(b, &c, 1);
}

int gidx__buf_printf(gidx__buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    int n;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || buf_reserve(b, (size_t)n) != 0) {
        va_end(ap2);
        return -1;
    }
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return 0;
}

char *gidx__buf_take(gidx__buf *b)
{
    char *s;
    if (b->failed) {
        gidx__buf_free(b);
        return NULL;
    }
    if (b->s == NULL && buf_reserve(b, 0) != 0)
        return NULL;
    s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void gidx__buf_free(gidx__buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
