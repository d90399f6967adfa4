/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file table.h
 * @brief Delimited text tables (CSV in its Norwegian dialects) as a handle of
 *        text cells, with located numeric conversion.
 *
 * A ::gidx_table is what every file-based loader of libgreenidx reads first:
 * a rectangular grid of UTF-8 cells with a header row, each row remembering
 * the physical line it started on so that errors can name file, line and
 * column. The tokeniser is libcsv (RFC 4180 quoting, embedded newlines,
 * CRLF); this layer adds dialect detection (`,` `;` or TAB separator, decimal
 * comma), UTF-8 BOM removal, Latin-1 to UTF-8 conversion and size limits.
 *
 * Tables are immutable once read; a const table may be read from several
 * threads at once.
 */
#ifndef GREENIDX_TABLE_H
#define GREENIDX_TABLE_H

#include <greenidx/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A delimited text table (opaque). */
typedef struct gidx_table gidx_table;

/** Text encodings understood by the CSV reader. */
enum gidx_encoding {
    GIDX_ENCODING_AUTO = 0,   /**< UTF-8 if valid, otherwise Latin-1 (ISO 8859-1) */
    GIDX_ENCODING_UTF8 = 1,   /**< UTF-8 only: invalid bytes are a ::GIDX_EENCODING error */
    GIDX_ENCODING_LATIN1 = 2  /**< ISO 8859-1, converted to UTF-8 */
};

/** Options for gidx_table_read_csv(); initialise with ::GIDX_CSV_OPTIONS_INIT. */
typedef struct gidx_csv_options {
    unsigned version;   /**< must be 1 */
    char sep;           /**< field separator; 0 = detect from the header (`,` `;` TAB) */
    char decimal;       /**< decimal mark; 0 = ',' when sep is ';', else '.' */
    int encoding;       /**< a ::gidx_encoding */
    size_t skip_lines;  /**< physical lines to skip before the header (SSB title lines) */
    size_t max_bytes;   /**< refuse larger inputs with ::GIDX_ELIMIT; 0 = 1 GiB */
} gidx_csv_options;

/**
 * The longest field a CSV reader accepts, in bytes (16 MiB). A longer field
 * is refused with ::GIDX_ELIMIT naming file:line and column as soon as it
 * passes the limit, so that one enormous field costs at most about the
 * limit beyond the input itself (issue 19).
 */
#define GIDX_CSV_MAX_FIELD ((size_t)16 << 20)

/** Default CSV options: detect separator, decimal mark and encoding. */
#define GIDX_CSV_OPTIONS_INIT { 1u, 0, 0, GIDX_ENCODING_AUTO, 0u, 0u }

/**
 * Read a CSV file into a table.
 *
 * The first (non-skipped) line is the header; blank lines are ignored; every
 * data row must have as many fields as the header.
 *
 * @param out   out: the new table (caller frees with gidx_table_free()); NULL on failure
 * @param path  file name, also used in error messages
 * @param opt   options, or NULL for ::GIDX_CSV_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_EIO (cannot open/read), ::GIDX_EPARSE (bad quoting,
 *         ragged row: message names file:line), ::GIDX_EENCODING,
 *         ::GIDX_ELIMIT (input over max_bytes, or a field over
 *         ::GIDX_CSV_MAX_FIELD: file:line and column named), ::GIDX_EDATA (empty file or no header), ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_table_read_csv(gidx_table **out, const char *path,
                                         const gidx_csv_options *opt);

/**
 * Parse CSV text held in memory; as gidx_table_read_csv().
 *
 * @param name  a name for error messages (e.g. the original file name); may be NULL
 * @param buf   the bytes (need not be NUL-terminated); copied
 * @param len   number of bytes in @p buf
 */
GIDX_API gidx_status gidx_table_parse_csv(gidx_table **out, const char *buf,
                                          size_t len, const char *name,
                                          const gidx_csv_options *opt);

/** Free a table; NULL is a no-op. */
GIDX_API void gidx_table_free(gidx_table *t);

/** Number of data rows (the header is not counted). */
GIDX_API size_t gidx_table_nrows(const gidx_table *t);

/** Number of columns. */
GIDX_API size_t gidx_table_ncols(const gidx_table *t);

/** The table's name as given at load (file name), borrowed; never NULL. */
GIDX_API const char *gidx_table_name(const gidx_table *t);

/** The separator that was used (given or detected). */
GIDX_API char gidx_table_separator(const gidx_table *t);

/** The decimal mark used by gidx_table_column_double(). */
GIDX_API char gidx_table_decimal(const gidx_table *t);

/** Header name of column @p j (borrowed, UTF-8), or NULL when out of range. */
GIDX_API const char *gidx_table_colname(const gidx_table *t, size_t j);

/**
 * Index of the column named @p name (exact, after trimming spaces).
 *
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the file and the column.
 */
GIDX_API gidx_status gidx_table_find_column(size_t *j, const gidx_table *t,
                                            const char *name);

/** Cell (i, j) as UTF-8 text (borrowed); "" for an empty cell; NULL when out of range. */
GIDX_API const char *gidx_table_cell(const gidx_table *t, size_t i, size_t j);

/** Physical line (1-based) of the file on which data row @p i starts; 0 when out of range. */
GIDX_API size_t gidx_table_line(const gidx_table *t, size_t i);

/**
 * Convert one column to doubles.
 *
 * Empty cells, `NA`, and SSB's symbols `..` (confidential), `.` (not
 * applicable), `:` and `-` become NaN and are counted as missing; any other
 * text that is not a finite number in the table's decimal mark (spaces and
 * non-breaking spaces as thousands separators allowed) is an error naming
 * file, line and column. Text "NaN" or "Inf" is an error too: a missing value
 * must be written as missing.
 *
 * @param out  out: @p cap values (caller-allocated); at least gidx_table_nrows()
 * @return ::GIDX_OK; ::GIDX_EBUFS when cap is too small; ::GIDX_EDATA.
 */
GIDX_API gidx_status gidx_table_column_double(double *out, size_t cap,
                                              const gidx_table *t, size_t j);

/**
 * Parse one cell as a number; the conversion rule of gidx_table_column_double().
 *
 * @param value out: the number, or NaN for a missing symbol
 * @return ::GIDX_OK; ::GIDX_EDATA naming file, line and column.
 */
GIDX_API gidx_status gidx_table_cell_double(double *value, const gidx_table *t,
                                            size_t i, size_t j);

/**
 * Parse a number written in C notation ('.' decimal mark), independently of
 * the process locale. Leading and trailing spaces are allowed.
 *
 * @return ::GIDX_OK; ::GIDX_EDATA when @p s is not one finite number.
 */
GIDX_API gidx_status gidx_parse_double(double *value, const char *s);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_TABLE_H */
