/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Per-thread last error and the GSL error handler.
 *
 * The design follows libgit2's git_error_last(): every failing call stores a
 * code and a message in a thread-local slot, so the library is usable from
 * threaded hosts without locks. GSL aborts the process by default
 * (gsl/err/error.c); we install, once per process (pthread_once), a handler
 * that records the error instead. We never toggle the process-wide handler
 * around single calls: that would race with other threads.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "internal.h"

#define GIDX__MSG_MAX 1024

typedef struct gidx__error_slot {
    gidx_error pub;
    char msg[GIDX__MSG_MAX];
} gidx__error_slot;

static _Thread_local gidx__error_slot tls_error = { { GIDX_OK, "" }, { 0 } };

static void slot_sync(void)
{
    tls_error.pub.message = tls_error.msg;
}

gidx_status gidx__error_vset(gidx_status code, const char *fmt, va_list ap)
{
    slot_sync();
    tls_error.pub.code = code;
    if (fmt == NULL) {
        snprintf(tls_error.msg, sizeof tls_error.msg, "%s", gidx_strerror(code));
    } else {
        vsnprintf(tls_error.msg, sizeof tls_error.msg, fmt, ap);
    }
    return code;
}

gidx_status gidx__error_set(gidx_status code, const char *fmt, ...)
{
    va_list ap;
    gidx_status rc;
    va_start(ap, fmt);
    rc = gidx__error_vset(code, fmt, ap);
    va_end(ap);
    return rc;
}

gidx_status gidx__error_prefix(const char *fmt, ...)
{
    char prefix[GIDX__MSG_MAX];
    char old[GIDX__MSG_MAX];
    va_list ap;
    slot_sync();
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    {
        /* Concatenate by hand: truncation is intended (-Wformat-truncation). */
        size_t np = strlen(prefix), no;
        memcpy(old, tls_error.msg, sizeof old);
        if (np > sizeof tls_error.msg - 1)
            np = sizeof tls_error.msg - 1;
        memcpy(tls_error.msg, prefix, np);
        no = strlen(old);
        if (no > sizeof tls_error.msg - 1 - np)
            no = sizeof tls_error.msg - 1 - np;
        memcpy(tls_error.msg + np, old, no);
        tls_error.msg[np + no] = '\0';
    }
    return tls_error.pub.code;
}

gidx_status gidx_error_set(gidx_status code, const char *message)
{
    if (message == NULL)
        return gidx__error_set(code, "%s", gidx_strerror(code));
    return gidx__error_set(code, "%s", message);
}

gidx_status gidx__error_code(void)
{
    return tls_error.pub.code;
}

gidx_status gidx__error_as_data(gidx_status rc)
{
    if (rc != GIDX_EINVAL)
        return rc;
    slot_sync();
    tls_error.pub.code = GIDX_EDATA;
    return GIDX_EDATA;
}

const gidx_error *gidx_error_last(void)
{
    slot_sync();
    return &tls_error.pub;
}

void gidx_error_clear(void)
{
    slot_sync();
    tls_error.pub.code = GIDX_OK;
    tls_error.msg[0] = '\0';
}

const char *gidx_strerror(gidx_status code)
{
    switch (code) {
    case GIDX_OK: return "success";
    case GIDX_EINVAL: return "invalid argument";
    case GIDX_ENOMEM: return "out of memory";
    case GIDX_EIO: return "input/output error";
    case GIDX_EPARSE: return "syntax error in input";
    case GIDX_EDATA: return "invalid data value";
    case GIDX_ENOTFOUND: return "not found";
    case GIDX_EBUFS: return "output buffer too small";
    case GIDX_ESINGULAR: return "singular matrix or design";
    case GIDX_ENOCONV: return "iteration did not converge";
    case GIDX_EDOM: return "argument outside the domain";
    case GIDX_ERANGE: return "result out of range";
    case GIDX_ENUMERIC: return "numerical failure";
    case GIDX_ETOOSHORT: return "too few observations";
    case GIDX_ELIMIT: return "input exceeds the configured limit";
    case GIDX_ENET: return "network error";
    case GIDX_ESTATE: return "object not in the required state";
    case GIDX_EDUPLICATE: return "duplicate key";
    case GIDX_EENCODING: return "invalid text encoding";
    case GIDX_EUNSUPPORTED: return "not supported";
    case GIDX_EINTERNAL: return "internal error";
    default: return "unknown status";
    }
}

/* ---- GSL ---- */

gidx_status gidx__gsl_map(int gsl_errno)
{
    switch (gsl_errno) {
    case GSL_SUCCESS: return GIDX_OK;
    case GSL_EDOM: return GIDX_EDOM;
    case GSL_ERANGE: case GSL_EOVRFLW: return GIDX_ERANGE;
    case GSL_EINVAL: case GSL_EBADLEN: case GSL_ENOTSQR: case GSL_EFAULT: return GIDX_EINVAL;
    case GSL_ENOMEM: return GIDX_ENOMEM;
    case GSL_ESING: return GIDX_ESINGULAR;
    case GSL_EMAXITER: case GSL_ENOPROG: case GSL_ENOPROGJ:
        return GIDX_ENOCONV;
    default: return GIDX_ENUMERIC;
    }
}

static void gsl_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    gidx_status code = gidx__gsl_map(gsl_errno);
    /* GSL reports a singular LU solve as EDOM "matrix is singular". */
    if (reason != NULL && strstr(reason, "singular") != NULL)
        code = GIDX_ESINGULAR;
    gidx__error_set(code, "GSL: %s (%s) [%s:%d]", reason ? reason : "?",
                    gsl_strerror(gsl_errno), file ? file : "?", line);
}

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void gsl_install(void)
{
    gsl_set_error_handler(&gsl_handler);
}

void gidx__gsl_init(void)
{
    pthread_once(&gsl_once, gsl_install);
}

/* Installed at load time too, so that no GSL call of ours can ever abort. */
__attribute__((constructor)) static void gidx__core_ctor(void)
{
    gidx__gsl_init();
}

gidx_status gidx__gsl_fail(int gsl_errno, const char *what)
{
    gidx_status code = gidx__error_code();
    if (code == GIDX_OK) {
        /* GSL returned an error without calling the handler. */
        code = gidx__gsl_map(gsl_errno);
        gidx__error_set(code, "GSL: %s", gsl_strerror(gsl_errno));
    }
    if (what != NULL)
        gidx__error_prefix("%s: ", what);
    return code;
}
