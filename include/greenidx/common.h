/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file common.h
 * @brief Status codes, the per-thread last error, version queries and the
 *        export macro shared by every libgreenidx header.
 *
 * Conventions (see docs/architecture.md):
 * - every fallible call returns a ::gidx_status, 0 on success and a negative
 *   ::gidx_status_code on failure, and records a message in the calling
 *   thread's last-error slot (gidx_error_last());
 * - constructors `gidx_X_new(gidx_X **out, ...)` set `*out = NULL` on failure;
 *   `gidx_X_free(NULL)` is a no-op;
 * - getters return borrowed pointers that live as long as the parent object;
 * - output arrays are caller-allocated `(double *out, size_t cap)`: a call with
 *   a too-small `cap` fails with ::GIDX_EBUFS and writes the size needed where
 *   the function has a `size_t *needed` argument.
 *
 * The library never aborts, exits, or writes to stdout/stderr. GSL's default
 * error handler (which aborts) is replaced once per process by one that
 * records the error in the calling thread's last-error slot.
 */
#ifndef GREENIDX_COMMON_H
#define GREENIDX_COMMON_H

#include <stddef.h>
#include <greenidx/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(GIDX_BUILDING_LIBRARY) && defined(__GNUC__)
#  define GIDX_API __attribute__((visibility("default")))
#else
#  define GIDX_API
#endif
/** @endcond */

/** Status returned by every fallible call: 0 (::GIDX_OK) or a negative code. */
typedef int gidx_status;

/** The values a ::gidx_status takes. New codes are only ever appended. */
enum gidx_status_code {
    GIDX_OK = 0,           /**< success */
    GIDX_EINVAL = -1,      /**< invalid argument (NULL handle, bad option) */
    GIDX_ENOMEM = -2,      /**< out of memory */
    GIDX_EIO = -3,         /**< a file could not be opened, read or written */
    GIDX_EPARSE = -4,      /**< syntax error in an input (file, line, column) */
    GIDX_EDATA = -5,       /**< invalid data value (non-numeric, NaN, negative count, ...) */
    GIDX_ENOTFOUND = -6,   /**< named region, variable, column, indicator not found */
    GIDX_EBUFS = -7,       /**< caller's output buffer too small */
    GIDX_ESINGULAR = -8,   /**< singular matrix or design */
    GIDX_ENOCONV = -9,     /**< an iterative method did not converge */
    GIDX_EDOM = -10,       /**< argument outside a function's domain */
    GIDX_ERANGE = -11,     /**< result out of range (overflow) */
    GIDX_ENUMERIC = -12,   /**< other numerical failure reported by GSL */
    GIDX_ETOOSHORT = -13,  /**< too few observations for the method */
    GIDX_ELIMIT = -14,     /**< input larger than the configured limit */
    GIDX_ENET = -15,       /**< network or HTTP failure */
    GIDX_ESTATE = -16,     /**< object not in the state the call needs (e.g. not fitted) */
    GIDX_EDUPLICATE = -17, /**< duplicate key (region, year, variable, id) */
    GIDX_EENCODING = -18,  /**< invalid text encoding */
    GIDX_EUNSUPPORTED = -19, /**< valid request the library does not support */
    GIDX_EINTERNAL = -20   /**< internal error: a bug, please report it */
};

/** The calling thread's most recent error. */
typedef struct gidx_error {
    gidx_status code;     /**< ::GIDX_OK when no error is recorded */
    const char *message;  /**< never NULL; "" when no error is recorded */
} gidx_error;

/**
 * The last error recorded in the calling thread.
 *
 * @return never NULL; a borrowed pointer valid until the next libgreenidx call
 *         in the same thread. Successful calls do not clear it.
 */
GIDX_API const gidx_error *gidx_error_last(void);

/**
 * Record an error in the calling thread's slot, as the library does; for
 * language bindings and callbacks that must report a failure through the same
 * channel (like libgit2's git_error_set_str).
 *
 * @param code    a negative ::gidx_status_code
 * @param message the message (copied, truncated to 1023 bytes); NULL uses gidx_strerror()
 * @return @p code
 */
GIDX_API gidx_status gidx_error_set(gidx_status code, const char *message);

/** Forget the calling thread's last error. */
GIDX_API void gidx_error_clear(void);

/**
 * A short, static English description of a status code.
 *
 * @return never NULL; "unknown status" for codes this version does not know.
 */
GIDX_API const char *gidx_strerror(gidx_status code);

/** The run-time library version as a string, e.g. "0.1.0" (static storage). */
GIDX_API const char *gidx_version_string(void);

/** The run-time library version as major * 10000 + minor * 100 + patch. */
GIDX_API int gidx_version_number(void);

/**
 * Solve the dense linear system A x = b by LU decomposition with partial
 * pivoting (GSL `gsl_linalg_LU_decomp` / `gsl_linalg_LU_solve`; Golub & Van
 * Loan, Matrix Computations, 4th ed., sec. 3.4).
 *
 * @param x   out: the solution, @p n values (caller-allocated)
 * @param A   the n-by-n matrix, row-major; not modified
 * @param b   the right-hand side, @p n values
 * @param n   the order of the system, >= 1
 * @return ::GIDX_OK; ::GIDX_ESINGULAR when A is singular (the message carries
 *         GSL's text); ::GIDX_EDATA when A or b holds NaN or Inf;
 *         ::GIDX_EINVAL for NULL pointers or n == 0; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_linalg_solve(double *x, const double *A,
                                       const double *b, size_t n);

/**
 * Free memory that libgreenidx returned to the caller through a `char **out`
 * (rendered text, JSON, SVG). NULL is a no-op.
 */
GIDX_API void gidx_free(void *p);

/**
 * Write a file whole or not at all: the bytes go to a temporary file in the
 * same directory, which is flushed to disk (fsync) and then renamed over
 * @p path (rename(2) is atomic within a file system). On failure the
 * temporary file is removed and @p path is untouched.
 *
 * A new file gets mode 0666 less the process umask; an existing file keeps
 * its mode. A target that is not a regular file is never replaced by one: a
 * character device (/dev/null, a terminal) or a FIFO, or a symbolic link into
 * /dev or /proc (/dev/stdout), is written through (a FIFO with no reader is
 * ::GIDX_EIO); a symbolic link to a regular file keeps the link and replaces
 * the file it names; directories, sockets and block devices are ::GIDX_EIO.
 *
 * @param path  destination file name
 * @param data  the bytes to write
 * @param len   number of bytes
 * @return ::GIDX_OK; ::GIDX_EIO naming the file and the system error;
 *         ::GIDX_EINVAL for NULL arguments.
 */
GIDX_API gidx_status gidx_write_file(const char *path, const char *data, size_t len);

/**
 * An output written as it is made and published whole or not at all: the
 * same target rules as gidx_write_file() (a regular or new file is replaced
 * atomically by a temporary file renamed at gidx_output_commit(), its mode
 * kept, a new one 0666 less the umask; a character device, a FIFO or a link
 * into /dev or /proc is written through; the rest is refused), but the bytes
 * go to the temporary file as they come, so a large output need not be held
 * in memory first. Open, write (gidx_output_write() or the descriptor of
 * gidx_output_fd()), commit, free; freeing without a successful commit
 * removes the temporary file and leaves @p path untouched.
 */
typedef struct gidx_output gidx_output;

/**
 * Open @p path for output (the target is checked, and the temporary file
 * created, now).
 * @return ::GIDX_OK; ::GIDX_EIO naming the file (a directory, a FIFO with no
 *         reader, no room or permission for the temporary file);
 *         ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_output_open(gidx_output **out, const char *path);

/** The descriptor to write to (write(2) or fdopen() of a dup()), or -1 once
 * committed or failed. Do not close it: gidx_output_commit() does. */
GIDX_API int gidx_output_fd(const gidx_output *o);

/** Append @p len bytes. ::GIDX_EIO naming the file (e.g. the disk is full);
 *  ::GIDX_ESTATE after a commit or a failure. */
GIDX_API gidx_status gidx_output_write(gidx_output *o, const char *data, size_t len);

/**
 * Publish what was written: fsync, then rename over the target (or close a
 * device or FIFO written through).
 * @return ::GIDX_OK; ::GIDX_EIO naming the file (then nothing was replaced);
 *         ::GIDX_ESTATE when already committed or failed.
 */
GIDX_API gidx_status gidx_output_commit(gidx_output *o);

/** Free the output; without a commit its temporary file is removed. NULL is
 *  a no-op. */
GIDX_API void gidx_output_free(gidx_output *o);

/**
 * The one convention for confidence levels and shares, in C, the command
 * line, Python and R: a percentage, as R's forecast package writes levels
 * (80, 95). A fraction in (0, 1) is read as that fraction of 100 (0.8 is
 * 80); anything else (0, negative, 100 or more, NaN) is refused, so that a
 * fraction never silently becomes a 0.8 % interval.
 *
 * @param pct   out: the level in percent, in (0, 100)
 * @param level a percentage in [1, 100) or a fraction in (0, 1)
 * @return ::GIDX_OK; ::GIDX_EINVAL naming the value, or for NULL @p pct.
 */
GIDX_API gidx_status gidx_level_normalize(double *pct, double level);

/**
 * One CSV field as libgreenidx writes it: quoted per RFC 4180 when it holds a
 * comma, quote, CR or LF, and neutralised when it is formula-like text (CSV
 * injection, OWASP): text that begins with '=', '+', '-', '@', a tab or a
 * carriage return, and is not a number as a whole, gets a leading single
 * quote and is quoted (`=1+1` becomes `"'=1+1"`; `-3.5` stays). Every CSV
 * and xlsx writer of the library and the command applies this rule to text
 * cells (docs/reliability.md, "Formula-like cells").
 *
 * @param out out: the field, the caller's (free with gidx_free())
 * @param s   the cell text (UTF-8)
 * @return ::GIDX_OK; ::GIDX_EINVAL for NULL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_csv_field(char **out, const char *s);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_COMMON_H */
