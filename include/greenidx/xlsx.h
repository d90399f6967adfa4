/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file xlsx.h
 * @brief Reading Office Open XML spreadsheets (.xlsx) with limits.
 *
 * One general reader for the workbooks statistics offices publish
 * (Miljødirektoratet's emission statistics, SSB's input-output tables).
 * The format is ECMA-376 Part 1 (SpreadsheetML, sections 18.2 workbook,
 * 18.3 worksheets, 18.4 shared strings) inside an OPC zip package
 * (ECMA-376 Part 2). The archive is read with libzip and each XML part is
 * streamed through libxml2's xmlTextReader with network access off
 * (XML_PARSE_NONET), no entity substitution and no DTD: a part that
 * declares a DTD is refused. Nothing is evaluated: formulas give their
 * cached value, styles are not read (a date is the number Excel stores).
 *
 * Limits (::gidx_xlsx_options) protect a program that reads files from
 * strangers: the file size (checked with fstat before reading), each part's
 * uncompressed size (the size the archive declares AND the bytes actually
 * inflated, counted while streaming), each part's compression ratio (zip
 * bombs), and the number of non-empty cells in a sheet. Cells are stored
 * sparsely, so a lone cell at XFD1048576 (or a `dimension` element claiming
 * that range) costs one cell, not a dense 16384 x 1048576 grid; the
 * `dimension` element is not trusted for anything.
 *
 * Every error is recorded in the calling thread's last error
 * (gidx_error_last()) naming the file, the part or sheet, the cell ("B7")
 * and the reason.
 *
 * A workbook or sheet handle is used by one thread at a time; a const handle
 * may be read from several threads.
 */
#ifndef GREENIDX_XLSX_H
#define GREENIDX_XLSX_H

#include <greenidx/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An opened workbook: its sheet list and shared strings (opaque). */
typedef struct gidx_xlsx gidx_xlsx;

/** One worksheet read into memory, its cells stored sparsely (opaque). */
typedef struct gidx_xlsx_sheet gidx_xlsx_sheet;

/** The type of a cell (ECMA-376 18.18.11 ST_CellType, simplified). */
enum gidx_xlsx_cell_type {
    GIDX_XLSX_EMPTY = 0,   /**< no value (absent, or present with no value) */
    GIDX_XLSX_NUMBER = 1,  /**< a number (t="n" or no type) */
    GIDX_XLSX_TEXT = 2,    /**< a string: shared (t="s"), inline (t="inlineStr"), formula result (t="str") or ISO date (t="d") */
    GIDX_XLSX_BOOL = 3,    /**< a boolean (t="b"), text "0" or "1" */
    GIDX_XLSX_ERROR = 4    /**< an error value (t="e"), text such as "#N/A" */
};

/** Options of gidx_xlsx_open(); initialise with ::GIDX_XLSX_OPTIONS_INIT. */
typedef struct gidx_xlsx_options {
    unsigned version;           /**< must be 1 */
    size_t max_bytes;           /**< largest file (or buffer) accepted, bytes */
    size_t max_uncompressed;    /**< largest uncompressed size of one part (sheet, shared strings), bytes */
    size_t max_cells;           /**< most non-empty cells in one sheet */
    unsigned max_ratio;         /**< largest uncompressed/compressed ratio of a part larger than 1 MiB */
} gidx_xlsx_options;

/**
 * Default limits: 64 MiB file, 256 MiB per part, 10 million cells per
 * sheet, compression ratio 100 beyond 1 MiB (the ratio Apache POI's
 * ZipSecureFile refuses by default: MIN_INFLATE_RATIO 0.01).
 */
#define GIDX_XLSX_OPTIONS_INIT { 1u, (size_t)64 << 20, (size_t)256 << 20, (size_t)10000000, 100u }

/**
 * Open a workbook file: read its sheet list (xl/workbook.xml and its
 * relationships), its shared strings and its core properties. Sheets are
 * read later, one by one, with gidx_xlsx_sheet_read().
 *
 * @param out   out: the workbook, owned by the caller (gidx_xlsx_free()); NULL on failure
 * @param path  the file; its name appears in every error message
 * @param opt   limits, or NULL for ::GIDX_XLSX_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_EIO (cannot open or read); ::GIDX_ELIMIT (file,
 *         part or ratio over a limit, naming the part and the sizes);
 *         ::GIDX_EPARSE (not a zip archive, truncated or corrupt archive,
 *         malformed XML with the part, line and column, a DTD, not a
 *         workbook); ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_xlsx_open(gidx_xlsx **out, const char *path,
                                    const gidx_xlsx_options *opt);

/**
 * As gidx_xlsx_open(), from @p len bytes in memory (an HTTP body, a fuzzer's
 * input), named @p name in messages. The bytes are copied.
 */
GIDX_API gidx_status gidx_xlsx_open_mem(gidx_xlsx **out, const void *buf, size_t len,
                                        const char *name, const gidx_xlsx_options *opt);

/** Free a workbook; NULL is a no-op. Sheets read from it stay valid. */
GIDX_API void gidx_xlsx_free(gidx_xlsx *wb);

/** The name the workbook was opened under (borrowed). */
GIDX_API const char *gidx_xlsx_name(const gidx_xlsx *wb);

/** Number of worksheets, in the workbook's order. */
GIDX_API size_t gidx_xlsx_sheet_count(const gidx_xlsx *wb);

/** Name of worksheet @p i (borrowed, UTF-8), or NULL when out of range. */
GIDX_API const char *gidx_xlsx_sheet_name(const gidx_xlsx *wb, size_t i);

/**
 * The workbook's last-modified stamp: `dcterms:modified` of the package's
 * core properties as written (W3CDTF, e.g. "2023-09-25T11:32:02.9721087Z").
 * The part is found through the package relationships (_rels/.rels):
 * docProps/core.xml from Excel and openpyxl,
 * package/services/metadata/core-properties/\<id\>.psmdcp from .NET writers
 * such as Miljødirektoratet's. Borrowed; NULL when absent.
 */
GIDX_API const char *gidx_xlsx_modified(const gidx_xlsx *wb);

/**
 * Read one worksheet by name (exact, case-sensitive) into memory.
 *
 * @param out   out: the sheet, owned by the caller (gidx_xlsx_sheet_free()); NULL on failure
 * @param wb    the workbook
 * @param name  the sheet's name
 * @return ::GIDX_OK; ::GIDX_ENOTFOUND naming the workbook and the sheet and
 *         listing the sheets there are; ::GIDX_ELIMIT (part size, ratio or
 *         more than max_cells cells, naming the sheet); ::GIDX_EPARSE
 *         (malformed XML naming sheet, line and column; a bad cell reference
 *         or a shared-string index out of range naming the cell);
 *         ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_xlsx_sheet_read(gidx_xlsx_sheet **out, gidx_xlsx *wb,
                                          const char *name);

/** Free a sheet; NULL is a no-op. */
GIDX_API void gidx_xlsx_sheet_free(gidx_xlsx_sheet *sh);

/** The sheet's name (borrowed). */
GIDX_API const char *gidx_xlsx_sheet_title(const gidx_xlsx_sheet *sh);

/** One more than the largest 0-based row holding a non-empty cell; 0 for an empty sheet. */
GIDX_API size_t gidx_xlsx_sheet_nrows(const gidx_xlsx_sheet *sh);

/** One more than the largest 0-based column holding a non-empty cell; 0 for an empty sheet. */
GIDX_API size_t gidx_xlsx_sheet_ncols(const gidx_xlsx_sheet *sh);

/** Number of non-empty cells stored. */
GIDX_API size_t gidx_xlsx_sheet_ncells(const gidx_xlsx_sheet *sh);

/**
 * Type (::gidx_xlsx_cell_type) of the cell at 0-based @p row, @p col;
 * ::GIDX_XLSX_EMPTY outside the sheet.
 */
GIDX_API int gidx_xlsx_cell_type(const gidx_xlsx_sheet *sh, size_t row, size_t col);

/**
 * Text of a cell (borrowed, UTF-8, lives as long as the sheet): a string
 * with shared and inline strings resolved (rich-text runs joined); for a
 * number the value exactly as stored ("1234.5"); "0"/"1" for a boolean; the
 * error value ("#N/A"). NULL for an empty cell or outside the sheet.
 */
GIDX_API const char *gidx_xlsx_cell_text(const gidx_xlsx_sheet *sh, size_t row, size_t col);

/**
 * The number in a cell.
 *
 * @param out  out: the value
 * @return ::GIDX_OK for a number cell; ::GIDX_EDATA naming file, sheet and
 *         cell ("B7") and the reason (`text "abc" in a number cell`, an
 *         empty cell, a boolean or an error value); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_xlsx_cell_number(double *out, const gidx_xlsx_sheet *sh,
                                           size_t row, size_t col);

/**
 * A cell's A1-style name: row 6, column 1 (0-based) is "B7".
 *
 * @param buf  out: the name, NUL-terminated (at most "XFD1048576", 11 bytes with the NUL)
 * @param cap  room in @p buf
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_EINVAL (a column beyond 16384 or a row beyond 1048576).
 */
GIDX_API gidx_status gidx_xlsx_cell_name(char *buf, size_t cap, size_t row, size_t col);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_XLSX_H */
