/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Miljødirektoratet's municipal emission statistics ("Klimagassutslipp fra
 * kommuner", https://www.miljodirektoratet.no/tjenester/klimagassutslipp-kommuner/)
 * read from the workbook Miljødirektoratet publishes, in both of its
 * layouts (docs/data.md): the download for one area, keyed by the region its
 * Info sheet names, and the all-municipality workbook with a Kommunenummer
 * column. The sector -> variable mapping and the summing of sources and
 * gases are those of the CSV loader (loaders.c), shared through
 * data_internal.h, so both forms of the statistics give the same variables.
 *
 * Miljødirektoratet recalculates the whole series with each release (its
 * method notes, "Metode for beregning av kommunale klimagassutslipp"), so a
 * release is recorded per region and gidx_dataset_merge() refuses to mix
 * two.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>
#include <greenidx/xlsx.h>

#define MDIR_SHEET "Oversikt - detaljert"
#define HEADER_ROWS 20   /* the header is searched for in the first rows */

/* Header text for comparison: trimmed, "₂" read as "2", case-folded. */
static char *norm_header(const char *s)
{
    gidx__buf b = GIDX__BUF_INIT;
    char *t, *f;
    size_t n;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    for (; *s; s++) {
        if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x82 &&
            (unsigned char)s[2] == 0x82) {   /* U+2082 SUBSCRIPT TWO */
            gidx__buf_putc(&b, '2');
            s += 2;
        } else {
            gidx__buf_putc(&b, *s);
        }
    }
    if ((t = gidx__buf_take(&b)) == NULL)
        return NULL;
    n = strlen(t);
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
        t[--n] = '\0';
    f = gidx__data_fold(t);
    free(t);
    return f;
}

/* Compare a cell's text with a (lower-case ASCII or folded) header name. */
static int header_is(const gidx_xlsx_sheet *sh, size_t r, size_t c, const char *want)
{
    const char *t = gidx_xlsx_cell_text(sh, r, c);
    char *n, *w;
    int eq;
    if (t == NULL || gidx_xlsx_cell_type(sh, r, c) != GIDX_XLSX_TEXT)
        return 0;
    n = norm_header(t);
    w = norm_header(want);
    eq = n != NULL && w != NULL && strcmp(n, w) == 0;
    free(n);
    free(w);
    return eq;
}

/* Column of a header in row @p r, or -1. */
static long find_col(const gidx_xlsx_sheet *sh, size_t r, const char *const *names)
{
    size_t c, k;
    for (k = 0; names[k] != NULL; k++)
        for (c = 0; c < gidx_xlsx_sheet_ncols(sh); c++)
            if (header_is(sh, r, c, names[k]))
                return (long)c;
    return -1;
}

static gidx_status missing_column(const gidx_xlsx *wb, const gidx_xlsx_sheet *sh, size_t r,
                                  const char *name)
{
    gidx__buf b = GIDX__BUF_INIT;
    char *cols;
    size_t c;
    gidx_status rc;
    for (c = 0; c < gidx_xlsx_sheet_ncols(sh); c++) {
        const char *t = gidx_xlsx_cell_text(sh, r, c);
        if (t != NULL)
            gidx__buf_printf(&b, "%s\"%s\"", b.len ? ", " : "", t);
    }
    cols = gidx__buf_take(&b);
    rc = gidx__error_set(GIDX_ENOTFOUND, "%s: sheet \"%s\": no column \"%s\" in the header "
                         "(row %zu has %s)", gidx_xlsx_name(wb), MDIR_SHEET, name, r + 1,
                         cols && cols[0] ? cols : "no text");
    free(cols);
    return rc;
}

static gidx_status cell_error(const gidx_xlsx *wb, size_t r, size_t c, const char *what,
                              const char *text)
{
    char ref[16];
    gidx_xlsx_cell_name(ref, sizeof ref, r, c);
    return gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": cell %s: %s%s%.60s%s",
                           gidx_xlsx_name(wb), MDIR_SHEET, ref, what, text ? " \"" : "",
                           text ? text : "", text ? "\"" : "");
}

/* A year cell: an integer number or digits. */
static gidx_status cell_year(int *year, const gidx_xlsx *wb, const gidx_xlsx_sheet *sh,
                             size_t r, size_t c)
{
    const char *t = gidx_xlsx_cell_text(sh, r, c);
    double v;
    char *end;
    int type = gidx_xlsx_cell_type(sh, r, c);
    if (type == GIDX_XLSX_NUMBER) {
        gidx_xlsx_cell_number(&v, sh, r, c);
    } else if (type == GIDX_XLSX_TEXT) {
        v = gidx__strtod(t, &end);
        if (end == t || *end != '\0')
            return cell_error(wb, r, c, "year is text", t);
    } else {
        return cell_error(wb, r, c, type == GIDX_XLSX_EMPTY ? "empty year" : "year is not a number",
                          t);
    }
    if (v != (double)(int)v || v < 1900 || v > 2200)
        return cell_error(wb, r, c, "not a year:", t);
    *year = (int)v;
    return GIDX_OK;
}

/* An emission cell: a number, or an SSB symbol flag. */
static gidx_status cell_value(double *v, int *flag, const gidx_xlsx_sheet *sh, size_t r,
                              size_t c)
{
    int type = gidx_xlsx_cell_type(sh, r, c);
    *flag = GIDX_FLAG_OK;
    if (type == GIDX_XLSX_EMPTY) {
        *v = gidx__nan();
        *flag = GIDX_FLAG_MISSING;
        return GIDX_OK;
    }
    if (type == GIDX_XLSX_TEXT) {
        int f = gidx__symbol_flag(gidx_xlsx_cell_text(sh, r, c));
        if (f >= 0) {
            *v = gidx__nan();
            *flag = f;
            return GIDX_OK;
        }
    }
    return gidx_xlsx_cell_number(v, sh, r, c);
}

/* A municipality number: "301", 301 or "0301" -> "0301". */
static gidx_status cell_code(char *code, size_t cap, const gidx_xlsx *wb,
                             const gidx_xlsx_sheet *sh, size_t r, size_t c)
{
    const char *t = gidx_xlsx_cell_text(sh, r, c);
    int type = gidx_xlsx_cell_type(sh, r, c);
    size_t n = 0, i;
    char digits[8];
    if (type == GIDX_XLSX_NUMBER || type == GIDX_XLSX_TEXT) {
        while (*t == ' ') t++;
        for (i = 0; t[i] >= '0' && t[i] <= '9' && n < 5; i++)
            digits[n++] = t[i];
        while (t[i] == ' ' || t[i] == '\n') i++;
        if (type == GIDX_XLSX_NUMBER && t[i] == '.') {   /* "301.0" */
            for (i++; t[i] == '0'; i++) {}
        }
        if (n >= 1 && n <= 4 && t[i] == '\0') {
            digits[n] = '\0';
            snprintf(code, cap, "%04d", atoi(digits));
            return GIDX_OK;
        }
    }
    return cell_error(wb, r, c, type == GIDX_XLSX_EMPTY ? "empty municipality number" :
                      "not a municipality number:", t);
}

/* Excel's serial day number (1900 date system) as YYYY-MM-DD; the civil
 * calendar from days after Howard Hinnant's days_from_civil inverse. */
static void serial_date(char *buf, size_t cap, double serial)
{
    long z, era, doe, yoe, y, doy, mp, d, m;
    if (!(serial >= 1 && serial <= 2958465))   /* 1900-01-01 .. 9999-12-31 */
        serial = 1;
    z = (long)serial - 25569 + 719468;   /* 25569 = 1970-01-01 */
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(buf, cap, "%04d-%02d-%02d", (int)(y + (m <= 2)) % 10000, (int)m % 100, (int)d % 100);
}

typedef struct info {
    char *area, *url, *retrieved;
} info;

static void info_free(info *in)
{
    free(in->area);
    free(in->url);
    free(in->retrieved);
}

/* The Info sheet: label in column A, value in column B. */
static gidx_status read_info(info *in, gidx_xlsx *wb)
{
    gidx_xlsx_sheet *sh = NULL;
    size_t i, r;
    gidx_status rc;
    memset(in, 0, sizeof *in);
    for (i = 0; i < gidx_xlsx_sheet_count(wb); i++)
        if (strcmp(gidx_xlsx_sheet_name(wb, i), "Info") == 0)
            break;
    if (i == gidx_xlsx_sheet_count(wb))
        return GIDX_OK;
    if ((rc = gidx_xlsx_sheet_read(&sh, wb, "Info")) != GIDX_OK)
        return rc;
    for (r = 0; r < gidx_xlsx_sheet_nrows(sh) && rc == GIDX_OK; r++) {
        const char *lab = gidx_xlsx_cell_text(sh, r, 0), *val = gidx_xlsx_cell_text(sh, r, 1);
        char *l, **slot = NULL, date[48];
        size_t n;
        if (lab == NULL || val == NULL)
            continue;
        if ((l = norm_header(lab)) == NULL) { rc = GIDX_ENOMEM; break; }
        n = strlen(l);
        while (n > 0 && (l[n - 1] == ':' || l[n - 1] == ' '))
            l[--n] = '\0';
        if (strcmp(l, "datasett") == 0 || strcmp(l, "område") == 0)
            slot = &in->area;
        else if (strcmp(l, "nedlastet fra") == 0 || strcmp(l, "kilde") == 0)
            slot = &in->url;
        else if (strstr(l, "dato") != NULL || strcmp(l, "nedlastet") == 0 ||
                 strcmp(l, "hentet") == 0 || strcmp(l, "lastet ned") == 0)
            slot = &in->retrieved;
        free(l);
        if (slot == NULL || *slot != NULL)
            continue;
        if (slot == &in->retrieved && gidx_xlsx_cell_type(sh, r, 1) == GIDX_XLSX_NUMBER) {
            double s;
            gidx_xlsx_cell_number(&s, sh, r, 1);
            serial_date(date, sizeof date, s);
            val = date;
        }
        {
            size_t a = 0, z = strlen(val);   /* trimmed, case kept */
            while (a < z && (val[a] == ' ' || val[a] == '\n')) a++;
            while (z > a && (val[z - 1] == ' ' || val[z - 1] == '\n')) z--;
            if ((*slot = gidx__strndup(val + a, z - a)) == NULL)
                rc = GIDX_ENOMEM;
        }
    }
    gidx_xlsx_sheet_free(sh);
    if (rc != GIDX_OK)
        info_free(in);
    return rc;
}

/* The region an area download covers: a code, else a name (a municipality
 * when the name is both a municipality and a county, as Oslo is). */
static gidx_status area_region(size_t *e, const gidx_registry *reg, const gidx_xlsx *wb,
                               const char *area)
{
    static const char *const suffixes[] = { " fylkeskommune", " kommune", " fylke" };
    gidx_status rc;
    size_t k, n = strlen(area), i;
    int digits = n > 0;
    for (i = 0; i < n; i++)
        digits &= area[i] >= '0' && area[i] <= '9';
    if (digits && gidx_registry_find_code(e, reg, area, 0) == GIDX_OK)
        return GIDX_OK;
    rc = gidx_registry_find_name(e, reg, area, 0, GIDX_LEVEL_ANY);
    if (rc == GIDX_EDUPLICATE)
        rc = gidx_registry_find_name(e, reg, area, 0, GIDX_LEVEL_MUNICIPALITY);
    for (k = 0; rc == GIDX_ENOTFOUND && k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t sl = strlen(suffixes[k]);
        if (n > sl && strcmp(area + n - sl, suffixes[k]) == 0) {
            char *base = gidx__strndup(area, n - sl);
            if (base == NULL)
                return GIDX_ENOMEM;
            rc = gidx_registry_find_name(e, reg, base, 0, GIDX_LEVEL_ANY);
            if (rc == GIDX_EDUPLICATE)
                rc = gidx_registry_find_name(e, reg, base, 0, GIDX_LEVEL_MUNICIPALITY);
            free(base);
        }
    }
    if (rc != GIDX_OK) {
        gidx__error_prefix("%s: sheet \"Info\": the area \"%s\": ", gidx_xlsx_name(wb), area);
        return rc;
    }
    /* A municipality name that an older code carried ("Trondheim", 1601
     * until 2017) means today's municipality: the statistics are published
     * at the boundaries of their release. */
    if (gidx_registry_level(reg, *e) == GIDX_LEVEL_MUNICIPALITY &&
        gidx_registry_valid_to(reg, *e) != 0) {
        const char *succ = gidx_registry_successor(reg, *e);
        size_t s;
        if (succ != NULL && gidx_registry_find_code(&s, reg, succ, 0) == GIDX_OK)
            *e = s;
    }
    return GIDX_OK;
}

static gidx_status set_meta_int(gidx_dataset *ds, const char *key, int v)
{
    char b[16];
    snprintf(b, sizeof b, "%d", v);
    return gidx_dataset_set_meta(ds, key, b);
}

/* Name a region from the registry (or from the workbook) unless named. */
static gidx_status name_region(gidx_dataset *ds, const gidx_registry *reg, const char *code,
                               const char *fallback)
{
    size_t e;
    if (strcmp(gidx_dataset_region_name(ds, code), code) != 0)
        return GIDX_OK;
    if (gidx_registry_find_code(&e, reg, code, 0) == GIDX_OK)
        return gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, e));
    if (fallback != NULL && fallback[0] != '\0')
        return gidx_dataset_set_region_name(ds, code, fallback);
    return GIDX_OK;
}

static gidx_status read_rows(gidx_dataset *ds, gidx_xlsx *wb, const gidx_xlsx_sheet *sh,
                             const gidx_registry *reg, const char *area_code, int *first,
                             int *last)
{
    static const char *const n_year[] = { "År", NULL };
    static const char *const n_sector[] = { "Sektor", NULL };
    static const char *const n_value[] = { "Utslipp (tonn CO2-ekvivalenter)", "Utslipp", NULL };
    static const char *const n_num[] = { "Kommunenummer", NULL };
    static const char *const n_name[] = { "Kommune", NULL };
    size_t hr, r, nrows = gidx_xlsx_sheet_nrows(sh), ndata = 0;
    long cy = -1, cs, cv, cn, ck;
    gidx_status rc = GIDX_OK;
    for (hr = 0; hr < nrows && hr < HEADER_ROWS; hr++)
        if ((cy = find_col(sh, hr, n_year)) >= 0)
            break;
    if (cy < 0)
        return missing_column(wb, sh, 0, "År");
    if ((cs = find_col(sh, hr, n_sector)) < 0)
        return missing_column(wb, sh, hr, "Sektor");
    if ((cv = find_col(sh, hr, n_value)) < 0)
        return missing_column(wb, sh, hr, "Utslipp (tonn CO₂-ekvivalenter)");
    cn = find_col(sh, hr, n_num);
    ck = find_col(sh, hr, n_name);
    if (cn < 0 && area_code == NULL)
        return missing_column(wb, sh, hr, "Kommunenummer");
    for (r = hr + 1; r < nrows && rc == GIDX_OK; r++) {
        int year = 0, flag;
        double v;
        char code[16];
        const char *region = area_code, *sector;
        char *var;
        if (gidx_xlsx_cell_type(sh, r, (size_t)cy) == GIDX_XLSX_EMPTY &&
            gidx_xlsx_cell_type(sh, r, (size_t)cs) == GIDX_XLSX_EMPTY &&
            gidx_xlsx_cell_type(sh, r, (size_t)cv) == GIDX_XLSX_EMPTY)
            continue;   /* a blank row (or a note in another column) */
        if ((rc = cell_year(&year, wb, sh, r, (size_t)cy)) != GIDX_OK ||
            (rc = cell_value(&v, &flag, sh, r, (size_t)cv)) != GIDX_OK)
            break;
        sector = gidx_xlsx_cell_text(sh, r, (size_t)cs);
        if (sector == NULL || gidx_xlsx_cell_type(sh, r, (size_t)cs) != GIDX_XLSX_TEXT) {
            rc = cell_error(wb, r, (size_t)cs, sector ? "the sector is not text:" :
                            "empty sector", sector);
            break;
        }
        if (cn >= 0) {
            if ((rc = cell_code(code, sizeof code, wb, sh, r, (size_t)cn)) != GIDX_OK)
                break;
            region = code;
            if ((rc = name_region(ds, reg, region,
                                  ck >= 0 ? gidx_xlsx_cell_text(sh, r, (size_t)ck) : NULL)) !=
                GIDX_OK)
                break;
        }
        if ((var = gidx__ghg_sector_variable(sector)) == NULL) {
            rc = GIDX_ENOMEM;
            break;
        }
        rc = gidx__data_add_to(ds, region, year, var, v, flag);
        free(var);
        if (rc == GIDX_OK)
            rc = gidx__data_add_to(ds, region, year, "ghg_total", v, flag);
        if (rc != GIDX_OK) {
            char ref[16];
            gidx_xlsx_cell_name(ref, sizeof ref, r, (size_t)cv);
            gidx__error_prefix("%s: sheet \"%s\": cell %s: ", gidx_xlsx_name(wb), MDIR_SHEET,
                               ref);
            break;
        }
        if (ndata == 0 || year < *first) *first = year;
        if (ndata == 0 || year > *last) *last = year;
        ndata++;
    }
    if (rc == GIDX_OK && ndata == 0)
        rc = gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": no data rows below the header "
                             "(row %zu)", gidx_xlsx_name(wb), MDIR_SHEET, hr + 1);
    return rc;
}

gidx_status gidx__mdir_mark_release(gidx_dataset *ds, int latest)
{
    char rel[16], key[64];
    size_t r;
    gidx_status rc;
    snprintf(rel, sizeof rel, "%d", latest);
    if ((rc = gidx_dataset_set_meta(ds, "mdir.release", rel)) != GIDX_OK)
        return rc;
    for (r = 0; r < gidx_dataset_nregions(ds); r++) {
        snprintf(key, sizeof key, "mdir.release.%s", gidx_dataset_region(ds, r));
        if ((rc = gidx_dataset_set_meta(ds, key, rel)) != GIDX_OK)
            return rc;
    }
    return GIDX_OK;
}

gidx_status gidx__mdir_from_xlsx(gidx_dataset **out, gidx_xlsx *wb, const gidx_registry *reg)
{
    gidx_registry *own = NULL;
    gidx_xlsx_sheet *sh = NULL;
    gidx_dataset *ds = NULL;
    info in;
    gidx_status rc;
    const char *area_code = NULL;
    int first = 0, last = 0;
    *out = NULL;
    memset(&in, 0, sizeof in);
    if (reg == NULL) {
        if ((rc = gidx_registry_load_default(&own)) != GIDX_OK)
            return rc;
        reg = own;
    }
    if ((rc = gidx_xlsx_sheet_read(&sh, wb, MDIR_SHEET)) != GIDX_OK ||
        (rc = read_info(&in, wb)) != GIDX_OK ||
        (rc = gidx_dataset_new(&ds)) != GIDX_OK)
        goto done;
    /* An area download has no Kommunenummer: its region comes from Info. */
    {
        static const char *const n_num[] = { "Kommunenummer", NULL };
        size_t hr;
        long cn = -1;
        for (hr = 0; hr < gidx_xlsx_sheet_nrows(sh) && hr < HEADER_ROWS && cn < 0; hr++)
            cn = find_col(sh, hr, n_num);
        if (cn < 0 && in.area != NULL) {
            size_t e;
            if ((rc = area_region(&e, reg, wb, in.area)) != GIDX_OK)
                goto done;
            area_code = gidx_registry_code(reg, e);
            if ((rc = gidx_dataset_set_region_name(ds, area_code,
                                                   gidx_registry_name(reg, e))) != GIDX_OK)
                goto done;
        } else if (cn < 0) {
            rc = gidx__error_set(GIDX_ENOTFOUND, "%s: sheet \"%s\" has no column "
                                 "\"Kommunenummer\" and no sheet \"Info\" names the area "
                                 "(\"Datasett:\")", gidx_xlsx_name(wb), MDIR_SHEET);
            goto done;
        }
    }
    if ((rc = read_rows(ds, wb, sh, reg, area_code, &first, &last)) != GIDX_OK)
        goto done;
    if ((rc = gidx_dataset_set_meta(ds, "source",
            "Miljødirektoratet, Klimagassutslipp fra kommuner (t CO2-equivalents)")) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "file", gidx_xlsx_name(wb))) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "mdir.layout",
                                    area_code ? "area" : "municipalities")) != GIDX_OK ||
        (rc = gidx__mdir_mark_release(ds, last)) != GIDX_OK ||
        (rc = set_meta_int(ds, "mdir.first_year", first)) != GIDX_OK ||
        (gidx_xlsx_modified(wb) != NULL &&
         (rc = gidx_dataset_set_meta(ds, "mdir.modified", gidx_xlsx_modified(wb))) != GIDX_OK) ||
        (in.retrieved != NULL &&
         (rc = gidx_dataset_set_meta(ds, "mdir.retrieved", in.retrieved)) != GIDX_OK) ||
        (in.url != NULL && (rc = gidx_dataset_set_meta(ds, "mdir.url", in.url)) != GIDX_OK) ||
        (in.area != NULL && (rc = gidx_dataset_set_meta(ds, "mdir.area", in.area)) != GIDX_OK))
        goto done;
done:
    gidx_xlsx_sheet_free(sh);
    info_free(&in);
    gidx_registry_free(own);
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        return rc;
    }
    *out = ds;
    return GIDX_OK;
}

gidx_status gidx_dataset_parse_mdir(gidx_dataset **out, const void *buf, size_t len,
                                    const char *name, const gidx_registry *reg,
                                    const gidx_xlsx_options *opt)
{
    gidx_xlsx *wb = NULL;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_parse_mdir: out is NULL");
    *out = NULL;
    if ((rc = gidx_xlsx_open_mem(&wb, buf, len, name, opt)) != GIDX_OK)
        return rc;
    rc = gidx__mdir_from_xlsx(out, wb, reg);
    gidx_xlsx_free(wb);
    return rc;
}

gidx_status gidx_dataset_load_mdir(gidx_dataset **out, const char *path,
                                   const gidx_registry *reg, const gidx_xlsx_options *opt)
{
    gidx_xlsx *wb = NULL;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_mdir: out is NULL");
    *out = NULL;
    if ((rc = gidx_xlsx_open(&wb, path, opt)) != GIDX_OK)
        return rc;
    rc = gidx__mdir_from_xlsx(out, wb, reg);
    gidx_xlsx_free(wb);
    return rc;
}
