/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Internal helpers shared by every module: error recording, the GSL error
 * handler, checked allocation, a growable string buffer, hash maps and a
 * seeded RNG. Nothing here is exported (the library is built with
 * -fvisibility=hidden and only GIDX_API symbols listed in the version script
 * are public). Names follow gidx__<module>_<fn>.
 */
#ifndef GIDX_CORE_INTERNAL_H
#define GIDX_CORE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <greenidx/common.h>

#if defined(__GNUC__)
#  define GIDX__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define GIDX__PRINTF(a, b)
#endif

/* ---- input files (file.c) ---- */

/* Before reading the open file @p fd named @p path: a regular file larger
 * than @p max_bytes is GIDX_ELIMIT without reading a byte; a directory or a
 * device (/dev/zero, /dev/urandom) is GIDX_EIO; a FIFO or pipe passes (the
 * reader's running limit applies). */
gidx_status gidx__file_check(int fd, const char *path, size_t max_bytes);

/* How long gidx__file_open_read() waits for a writer to open a FIFO that
 * has none (milliseconds). */
#define GIDX__FIFO_WAIT_MS 5000

/* Open @p path for reading after gidx__file_check(), without waiting for a
 * writer in open(2) when it is a FIFO. A FIFO or pipe with no writer is
 * waited for GIDX__FIFO_WAIT_MS at most, then refused (GIDX_EIO, "a FIFO
 * with no writer"); one whose writer closes it without writing is GIDX_EDATA;
 * otherwise its first byte has been read and pushed back (ungetc), so the
 * caller must read from the stream it gets and not from its descriptor.
 * NULL with *rc set and the error recorded on failure. */
FILE *gidx__file_open_read(const char *path, size_t max_bytes, gidx_status *rc);

/* Write all @p len bytes to @p fd (retrying short writes and EINTR);
 * GIDX_EIO with errno in *err on failure (nothing recorded). */
gidx_status gidx__write_all(int fd, const char *data, size_t len, int *err);

/* ---- errors (error.c) ---- */

/* Record an error in the calling thread's slot and return @p code. */
gidx_status gidx__error_set(gidx_status code, const char *fmt, ...) GIDX__PRINTF(2, 3);
gidx_status gidx__error_vset(gidx_status code, const char *fmt, va_list ap);
/* Prefix the current message with context ("file.csv: "); return the current code. */
gidx_status gidx__error_prefix(const char *fmt, ...) GIDX__PRINTF(1, 2);
/* The code currently recorded (GIDX_OK if none). */
gidx_status gidx__error_code(void);
/* A file's content made an API call fail with GIDX_EINVAL (a bad argument when
 * a caller passes it, bad data when a file holds it): when @p rc is GIDX_EINVAL,
 * record and return GIDX_EDATA with the same message; otherwise return @p rc. */
gidx_status gidx__error_as_data(gidx_status rc);

/* Make sure GSL's handler is ours (idempotent, thread-safe; pthread_once). */
void gidx__gsl_init(void);
/* Map a GSL error number to a gidx_status. */
gidx_status gidx__gsl_map(int gsl_errno);
/*
 * After a GSL call returned @p gsl_errno != 0: return the mapped status. The
 * handler has already recorded GSL's message; @p what adds context.
 */
gidx_status gidx__gsl_fail(int gsl_errno, const char *what);

/* ---- allocation (alloc.c): on failure record GIDX_ENOMEM and return NULL ---- */
void *gidx__malloc(size_t size);
void *gidx__calloc(size_t n, size_t size);
void *gidx__realloc(void *p, size_t size);
void *gidx__reallocarray(void *p, size_t n, size_t size);
char *gidx__strdup(const char *s);
char *gidx__strndup(const char *s, size_t n);

/* ---- growable string buffer (buf.c) ---- */
typedef struct gidx__buf {
    char *s;      /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    int failed;   /* an allocation failed: further appends are no-ops */
} gidx__buf;
#define GIDX__BUF_INIT { NULL, 0, 0, 0 }
int gidx__buf_append(gidx__buf *b, const char *s, size_t n);
int gidx__buf_puts(gidx__buf *b, const char *s);
int gidx__buf_putc(gidx__buf *b, char c);
int gidx__buf_printf(gidx__buf *b, const char *fmt, ...) GIDX__PRINTF(2, 3);
/* Hand the string over to the caller (never NULL unless failed). */
char *gidx__buf_take(gidx__buf *b);
void gidx__buf_free(gidx__buf *b);

/* ---- CSV and spreadsheet text cells (csv.c) ---- */
/* 1 when @p s is formula-like text ('=', '+', '-', '@', tab or CR first, and
 * not a number as a whole): such cells are written with a leading "'". */
int gidx__formula_like(const char *s);
/* Append one CSV field: RFC 4180 quoting and formula neutralisation. */
void gidx__csv_field(gidx__buf *b, const char *s);

/* ---- hash maps (hash.c): open addressing, power-of-two capacity ---- */
typedef struct gidx__strmap gidx__strmap;   /* UTF-8 string -> size_t, keys copied */
gidx__strmap *gidx__strmap_new(void);
void gidx__strmap_free(gidx__strmap *m);
/* 1 and *val when found, else 0. */
int gidx__strmap_get(const gidx__strmap *m, const char *key, size_t *val);
/* Insert or replace; GIDX_OK or GIDX_ENOMEM. */
gidx_status gidx__strmap_put(gidx__strmap *m, const char *key, size_t val);
size_t gidx__strmap_size(const gidx__strmap *m);

typedef struct gidx__u64map gidx__u64map;   /* uint64 -> size_t */
gidx__u64map *gidx__u64map_new(void);
void gidx__u64map_free(gidx__u64map *m);
int gidx__u64map_get(const gidx__u64map *m, uint64_t key, size_t *val);
gidx_status gidx__u64map_put(gidx__u64map *m, uint64_t key, size_t val);
size_t gidx__u64map_size(const gidx__u64map *m);
/* The maps' hashes (inline: the dataset hashes a name or a key a cell):
 * FNV-1a of a string, the splitmix64 finaliser of a key. */
static inline uint64_t gidx__hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static inline uint64_t gidx__hash_u64(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* ---- numbers (num.c) ---- */
/* Locale-independent strtod (C locale), as strtod otherwise. */
double gidx__strtod(const char *s, char **end);
/* 1 if finite. */
int gidx__isfinite(double x);
/* Quiet NaN. */
double gidx__nan(void);

/* ---- random numbers (rng.c): GSL's MT19937, explicitly seeded, never global ---- */
typedef struct gidx__rng gidx__rng;
gidx__rng *gidx__rng_new(unsigned long seed);
void gidx__rng_free(gidx__rng *r);
double gidx__rng_uniform(gidx__rng *r);        /* [0, 1) */
double gidx__rng_gaussian(gidx__rng *r, double sd);
unsigned long gidx__rng_uniform_int(gidx__rng *r, unsigned long n); /* [0, n) */

#endif /* GIDX_CORE_INTERNAL_H */
