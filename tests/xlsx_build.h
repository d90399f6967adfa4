/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Small workbooks built in memory for the tests of the xlsx reader and the
 * Miljødirektoratet loader (tests/check_xlsx.c, tests/check_badinput.c).
 * The zip archive is written by libzip (deflate, as Excel does); the XML is
 * the minimum SpreadsheetML a reader must accept (ECMA-376 Part 1, 18.2 and
 * 18.3): package relationships, a workbook with its relationships, and
 * sheets given as the inside of <sheetData>. Nothing here is a parser.
 */
#ifndef GIDX_TESTS_XLSX_BUILD_H
#define GIDX_TESTS_XLSX_BUILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct xb_part {
    const char *name;
    const char *data;
    size_t len;      /* 0: strlen(data) */
} xb_part;

/* Zip @p n parts into a malloc'd buffer (*len bytes); NULL on failure. */
static unsigned char *xb_zip(size_t *len, const xb_part *parts, size_t n)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_stat_t st;
    unsigned char *out = NULL;
    size_t i;
    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL)
        return NULL;
    zip_source_keep(src);
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (za == NULL) {
        zip_source_free(src);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(za, parts[i].data, l, 0);
        if (s == NULL || zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(s);
            zip_discard(za);
            zip_source_free(src);
            return NULL;
        }
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        return NULL;
    }
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out = malloc(st.size ? st.size : 1);
        if (out != NULL && zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        *len = st.size;
        zip_source_close(src);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

#define XB_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XB_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/*
 * A workbook of @p nsheets sheets: names[i] with the <sheetData> content
 * rows[i]; shared strings @p sst (the inside of <sst>, or NULL for none);
 * core properties modified stamp @p modified (or NULL for no core part).
 * Each sheet XML is wrapped with a <dimension ref="@p dim"> when dim is set.
 */
static unsigned char *xb_workbook(size_t *len, size_t nsheets, const char *const *names,
                                  const char *const *rows, const char *sst,
                                  const char *modified, const char *dim)
{
    char *wbx, *wbr, *sheets[16], *sstx = NULL, *core = NULL, pname[16][40];
    xb_part parts[24];
    size_t np = 0, i, cap = 4096;
    unsigned char *out;
    static const char rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" XB_REL "officeDocument\" Target=\"xl/workbook.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
        "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        "</Relationships>";
    if (nsheets > 16)
        return NULL;
    wbx = malloc(cap);
    wbr = malloc(cap);
    snprintf(wbx, cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook " XB_NS "><sheets>");
    snprintf(wbr, cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rIdS\" Type=\"" XB_REL "sharedStrings\" "
             "Target=\"sharedStrings.xml\"/>");
    for (i = 0; i < nsheets; i++) {
        size_t l = strlen(rows[i]) + 512;
        snprintf(wbx + strlen(wbx), cap - strlen(wbx),
                 "<sheet name=\"%s\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", names[i], i + 1, i + 1);
        snprintf(wbr + strlen(wbr), cap - strlen(wbr),
                 "<Relationship Id=\"rId%zu\" Type=\"" XB_REL "worksheet\" "
                 "Target=\"worksheets/sheet%zu.xml\"/>", i + 1, i + 1);
        sheets[i] = malloc(l);
        snprintf(sheets[i], l, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " XB_NS ">"
                 "%s%s%s<sheetData>%s</sheetData></worksheet>", dim ? "<dimension ref=\"" : "",
                 dim ? dim : "", dim ? "\"/>" : "", rows[i]);
        snprintf(pname[i], sizeof pname[i], "xl/worksheets/sheet%zu.xml", i + 1);
        parts[np].name = pname[i];
        parts[np].data = sheets[i];
        parts[np++].len = 0;
    }
    snprintf(wbx + strlen(wbx), cap - strlen(wbx), "</sheets></workbook>");
    snprintf(wbr + strlen(wbr), cap - strlen(wbr), "</Relationships>");
    parts[np].name = "_rels/.rels"; parts[np].data = rels; parts[np++].len = 0;
    parts[np].name = "xl/workbook.xml"; parts[np].data = wbx; parts[np++].len = 0;
    parts[np].name = "xl/_rels/workbook.xml.rels"; parts[np].data = wbr; parts[np++].len = 0;
    if (sst != NULL) {
        size_t l = strlen(sst) + 256;
        sstx = malloc(l);
        snprintf(sstx, l, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " XB_NS ">%s</sst>", sst);
        parts[np].name = "xl/sharedStrings.xml"; parts[np].data = sstx; parts[np++].len = 0;
    }
    if (modified != NULL) {
        size_t l = strlen(modified) + 512;
        core = malloc(l);
        snprintf(core, l, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
                 "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                 "core-properties\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                 "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                 "</cp:coreProperties>", modified);
        parts[np].name = "docProps/core.xml"; parts[np].data = core; parts[np++].len = 0;
    }
    out = xb_zip(len, parts, np);
    for (i = 0; i < nsheets; i++)
        free(sheets[i]);
    free(wbx);
    free(wbr);
    free(sstx);
    free(core);
    return out;
}

/* One sheet named @p name with <sheetData> content @p rows, inline strings only. */
static __attribute__((unused)) unsigned char *xb_one_sheet(size_t *len, const char *name, const char *rows)
{
    return xb_workbook(len, 1, &name, &rows, NULL, NULL, NULL);
}

#endif /* GIDX_TESTS_XLSX_BUILD_H */
