/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Internal helpers of the data layer, shared by its loaders. */
#ifndef GIDX_DATA_INTERNAL_H
#define GIDX_DATA_INTERNAL_H

#include <stddef.h>
#include <greenidx/common.h>
#include <greenidx/table.h>

/* Flag for an SSB missing-value symbol ("", NA, "..", ".", ":", "-"), or -1
 * when @p s is not one. */
int gidx__symbol_flag(const char *s);

/* Offset of the first invalid UTF-8 byte, or len. */
size_t gidx__utf8_invalid_at(const char *s, size_t len);

/* Read a whole file (NUL-terminated copy in *data, caller frees); refuse
 * files larger than max_bytes with GIDX_ELIMIT. */
gidx_status gidx__read_file(char **data, size_t *len, const char *path, size_t max_bytes);
/* The bytes of a file for a parse that reads them front to back: a regular
 * file the user owns is mapped (its pages are the page cache's, so the parser can give
 * back those it has passed with gidx__text_release and hold only a window
 * of the text: issue 19, memory within twice the input), anything else is
 * read (gidx__read_file). data[len] is a NUL either way. */
typedef struct gidx__text {
    const char *data;
    size_t len;
    void *map;       /* the mapping, or NULL when read */
    size_t maplen;
    char *heap;      /* the read copy, or NULL when mapped */
} gidx__text;
gidx_status gidx__text_open(gidx__text *t, const char *path, size_t max_bytes);
/* Bytes [0, upto) are not needed now: a mapped text gives their pages back
 * (reading them again reads the file again); a read text keeps them. */
void gidx__text_release(const gidx__text *t, size_t upto);
void gidx__text_close(gidx__text *t);

/* The mapped file being parsed on this thread, or NULL: a loader that maps
 * a file sets it around the parse, and the CSV parser gives back the pages
 * of it that it has passed (table.c). */
extern _Thread_local const gidx__text *gidx__text_current;

/* CSV text parsed in windows of rows: @p each sees the table holding the
 * header and up to @p window data rows (their lines, columns and names as
 * gidx_table_parse_csv gives them), which are then dropped, so the rows of
 * a large file are never all in memory (issue 19). A non-OK status from
 * @p each stops the parse and is returned. *nrows: data rows seen. */
typedef gidx_status (*gidx__table_rows_fn)(const gidx_table *t, void *arg);
gidx_status gidx__table_parse_rows(const char *buf, size_t len, const char *name,
                                   const gidx_csv_options *opt, size_t window,
                                   gidx__table_rows_fn each, void *arg, size_t *nrows);

/* Long fields (64 KiB or more) of a table are kept in blocks of their own,
 * not copied into its arena. gidx__table_cell_owned: 1 when data cell
 * (i, j) is such a block and still the table's. gidx__table_cell_disown:
 * the table gives the block up (the dataset keeps it as a name,
 * gidx__dataset_set_adopt); the table still reads it, so the taker must
 * outlive the table's use of the row (issue 19: a 16 MB field held once). */
int gidx__table_cell_owned(const gidx_table *t, size_t i, size_t j);
void gidx__table_cell_disown(const gidx_table *t, size_t i, size_t j);

/* Refuse a regular file holding a field longer than GIDX_CSV_MAX_FIELD before
 * it is read into memory (one streaming pass; table.c); @p opt may be NULL. */
gidx_status gidx__csv_field_scan(const char *path, const gidx_csv_options *opt,
                                 size_t max_bytes);

/*
 * A data file compiled into the library (data/meson.build, data/embed.py):
 * @p name is its path under data/, e.g. "telemark/population.csv" or
 * "regions/counties.csv". Returns 1 and a borrowed, NUL-terminated buffer
 * of *len bytes (static storage), or 0 when no such file is embedded.
 */
int gidx__data_embedded(const char *name, const char **data, size_t *len);

/* An embedded CSV file parsed into a table (telemark.c); GIDX_EINTERNAL
 * naming it when this build does not embed it. */
gidx_status gidx__data_embedded_table(gidx_table **t, const char *name);

/* Case-fold UTF-8 text for name comparison: ASCII and Latin-1 letters
 * (Æ Ø Å, É, ...) to lower case, " (..)" qualifiers kept. Caller frees. */
char *gidx__data_fold(const char *s);

/* ASCII snake_case slug of a UTF-8 name (æ -> ae, ø -> o, å -> a, other
 * non-alphanumerics -> '_'). Caller frees. */
char *gidx__data_slug(const char *s);

/* Leading title lines of CSV text: lines without a separator outside
 * quotes before the first line that has one (0 when no line has one). */
size_t gidx__data_title_lines(const char *s, size_t len, char sep);

/* Parse CSV text into a table; skip_lines == 0 skips title lines. */
gidx_status gidx__data_read_table(gidx_table **t, const char *buf, size_t len,
                                  const char *name, const gidx_csv_options *csv);

/* Cell (i, j) as a year / as a value with its flag; errors name file:line:column. */
gidx_status gidx__data_cell_year(int *year, const gidx_table *t, size_t i, size_t j);
gidx_status gidx__data_cell_value(double *v, int *flag, const gidx_table *t, size_t i, size_t j);

struct gidx_dataset;

/* Make @p region (unless NULL) and @p year (unless 0) known to the dataset
 * without a cell, in this order (a sparse JSON-stat answer lists its regions
 * and years in the order of its categories). */
gidx_status gidx__dataset_intern(struct gidx_dataset *ds, const char *region, int year);

/* A loader's counts, before it stores the cells (issue 19): room for
 * @p nregions regions in all is made at once (the array of names and its
 * index, exactly; interning them then never grows them), and @p ncells is
 * the number of cells the loader will set in all, counting any the dataset
 * holds (0 = unknown). While that count is not reached, the series array
 * and the sparse store grow no further than the cells still to come can
 * fill, so a loader that knows its cells ends with them sized to fit; no
 * cell memory is allocated up front, so a count too high costs nothing, and
 * past it they grow as without one. A smaller @p nregions than the dataset
 * has room for changes nothing. GIDX_ELIMIT over 2^24 regions, GIDX_ENOMEM
 * (nothing changed but the room), GIDX_EINVAL for a NULL dataset. */
gidx_status gidx__dataset_reserve(struct gidx_dataset *ds, size_t nregions, size_t ncells);

/* gidx_dataset_set for a loader: the region name (bit 1 of @p adopt) or the
 * variable name (bit 2) is a malloc'd block that the dataset keeps as the
 * name, without a copy, when the name is new; *taken gets the bits of the
 * blocks kept (the caller gives those up; the others stay the caller's).
 * The same block must not be given for both. */
gidx_status gidx__dataset_set_adopt(struct gidx_dataset *ds, const char *region, int year,
                                    const char *variable, double value, int flag,
                                    unsigned adopt, unsigned *taken);

/* The dataset variable of an SSB 13470 industry label (the 16 groups and
 * "Uoppgitt" -> employment_unknown), or NULL (sn2007.c). */
const char *gidx__sn2007_variable_of_label(const char *label);

/* The variable of a sector of Miljødirektoratet's statistics ("Veitrafikk"
 * -> "ghg_road", the table in data/README.md; an unknown sector gets
 * "ghg_<slug>"), trailing blanks ignored; caller frees (loaders.c). */
char *gidx__ghg_sector_variable(const char *sector);

/* Add @p v to a cell, summing with what is there and keeping the "worst"
 * flag (confidential > provisional > ok; a missing part adds nothing). */
gidx_status gidx__data_add_to(struct gidx_dataset *ds, const char *region, int year,
                              const char *var, double v, int flag);

/* The Miljødirektoratet loader on an opened workbook (mdir.c); @p reg may
 * be NULL (the default registry is loaded). */
struct gidx_xlsx;
struct gidx_registry;

/* Record a release of Miljødirektoratet's statistics (its latest year) as
 * `mdir.release` and `mdir.release.<region>` for every region of @p ds, for
 * gidx_dataset_merge() (mdir.c; the CSV loader uses it too). */
gidx_status gidx__mdir_mark_release(struct gidx_dataset *ds, int latest);
gidx_status gidx__mdir_from_xlsx(struct gidx_dataset **out, struct gidx_xlsx *wb,
                                 const struct gidx_registry *reg);

#endif /* GIDX_DATA_INTERNAL_H */
