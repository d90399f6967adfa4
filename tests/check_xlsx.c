/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Tests of the xlsx reader (include/greenidx/xlsx.h) on Miljødirektoratet's
 * real download and on small workbooks built in memory (tests/xlsx_build.h). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <greenidx/greenidx.h>
#include "xlsx_build.h"

#define AREA "mdir/mdir_download_vestfold_og_telemark_2021_release.xlsx"

static char *data_path(const char *rel)
{
    static char buf[4096];
    const char *d = getenv("GIDX_TEST_DATA");
    snprintf(buf, sizeof buf, "%s/%s", d ? d : "tests/data", rel);
    return buf;
}

static int has(const char *needle)
{
    return strstr(gidx_error_last()->message, needle) != NULL;
}

/* The real download: sheets, stamp, cells as openpyxl shows them. */
START_TEST(test_area_download)
{
    gidx_xlsx *wb = NULL;
    gidx_xlsx_sheet *sh = NULL;
    double v;
    static const char *const names[] = {
        "Info", "Oversikt", "Oversikt - detaljert", "Annen mobil forbrenning",
        "Avfall og avløp", "Energiforsyning", "Industri, olje og gass", "Jordbruk",
        "Luftfart", "Oppvarming", "Sjøfart", "Veitrafikk", "Tilleggsinfo",
        "Tilleggsinfo - Liste" };
    size_t i;
    ck_assert_int_eq(gidx_xlsx_open(&wb, data_path(AREA), NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_xlsx_sheet_count(wb), 14);
    for (i = 0; i < 14; i++)
        ck_assert_str_eq(gidx_xlsx_sheet_name(wb, i), names[i]);
    ck_assert_ptr_null(gidx_xlsx_sheet_name(wb, 14));
    /* .NET's core-properties part, found through _rels/.rels */
    ck_assert_str_eq(gidx_xlsx_modified(wb), "2023-09-25T11:32:02.9721087Z");
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "Info"), GIDX_OK);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 0), "Datasett:");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 1), "Vestfold og Telemark");
    gidx_xlsx_sheet_free(sh);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "Oversikt - detaljert"), GIDX_OK);
    /* openpyxl: 1351 rows x 5 columns, all cells filled */
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 1351);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncols(sh), 5);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncells(sh), 1351 * 5);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 4), "Utslipp (tonn CO₂-ekvivalenter)");
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 0), GIDX_XLSX_NUMBER);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 0), GIDX_OK);
    ck_assert_double_eq(v, 2009);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 2), "Andre næringer\n");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 3), "CO2");
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 4), GIDX_OK);
    ck_assert_double_eq(v, 44590.6);
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1351, 0), GIDX_XLSX_EMPTY);
    ck_assert_ptr_null(gidx_xlsx_cell_text(sh, 0, 5));
    /* a text cell read as a number: the sheet, the cell and the text */
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 1), GIDX_EDATA);
    ck_assert(has("sheet \"Oversikt - detaljert\"") && has("cell B2") &&
              has("text \"Annen mobil forbrenning\" in a number cell") && has(AREA));
    ck_assert(isnan(v));
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(wb);
}
END_TEST

/* Invariant of the publication: per year, the Oversikt sheet's sector
 * totals sum to the detailed sheet's rows (README: to 5e-10 t; both are
 * sums of ~10 resp. ~135 figures of order 1e6 with one decimal, so the
 * double-rounding error is below 1e-6 t). */
START_TEST(test_area_invariant)
{
    gidx_xlsx *wb = NULL;
    gidx_xlsx_sheet *o = NULL, *d = NULL;
    double so[2030] = { 0 }, sd[2030] = { 0 }, y, v;
    size_t i, nyears = 0;
    int k;
    ck_assert_int_eq(gidx_xlsx_open(&wb, data_path(AREA), NULL), GIDX_OK);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&o, wb, "Oversikt"), GIDX_OK);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&d, wb, "Oversikt - detaljert"), GIDX_OK);
    for (i = 1; i < gidx_xlsx_sheet_nrows(o); i++) {
        ck_assert_int_eq(gidx_xlsx_cell_number(&y, o, i, 0), GIDX_OK);
        ck_assert_int_eq(gidx_xlsx_cell_number(&v, o, i, 2), GIDX_OK);
        so[(int)y] += v;
    }
    for (i = 1; i < gidx_xlsx_sheet_nrows(d); i++) {
        ck_assert_int_eq(gidx_xlsx_cell_number(&y, d, i, 0), GIDX_OK);
        ck_assert_int_eq(gidx_xlsx_cell_number(&v, d, i, 4), GIDX_OK);
        sd[(int)y] += v;
    }
    for (k = 2009; k < 2030; k++) {
        ck_assert_msg(fabs(so[k] - sd[k]) < 1e-6, "year %d: %.17g vs %.17g", k, so[k], sd[k]);
        nyears += so[k] != 0;
    }
    ck_assert_uint_eq(nyears, 10);  /* 2009, 2011, 2013, 2015-2021 */
    /* reference_sums.out (openpyxl + math.fsum): 2021 = 3951538.0 */
    ck_assert(fabs(sd[2021] - 3951538.0) < 1e-6);
    gidx_xlsx_sheet_free(o);
    gidx_xlsx_sheet_free(d);
    gidx_xlsx_free(wb);
}
END_TEST

START_TEST(test_cell_name)
{
    char b[16];
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 6, 1), GIDX_OK);
    ck_assert_str_eq(b, "B7");
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 0, 25), GIDX_OK);
    ck_assert_str_eq(b, "Z1");
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 0, 26), GIDX_OK);
    ck_assert_str_eq(b, "AA1");
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 1048575, 16383), GIDX_OK);
    ck_assert_str_eq(b, "XFD1048576");
    ck_assert_int_eq(gidx_xlsx_cell_name(b, 3, 6, 1), GIDX_OK);
    ck_assert_int_eq(gidx_xlsx_cell_name(b, 2, 6, 1), GIDX_EBUFS);
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 1048576, 0), GIDX_EINVAL);
    ck_assert_int_eq(gidx_xlsx_cell_name(b, sizeof b, 0, 16384), GIDX_EINVAL);
    ck_assert_int_eq(gidx_xlsx_cell_name(NULL, 4, 0, 0), GIDX_EINVAL);
}
END_TEST

/* Every cell type, references omitted, rows out of order, rich text and
 * phonetic runs in shared strings: what Excel and LibreOffice write. */
START_TEST(test_cell_types)
{
    static const char *const names[] = { "T" };
    static const char *const rows[] = {
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c t=\"inlineStr\"><is><t>inline</t></is></c>"
        "<c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"str\"><f>A1&amp;\"x\"</f><v>ax</v></c>"
        "<c r=\"G2\"><f>1+1</f><v>2</v></c><c r=\"H2\"/><c r=\"I2\" s=\"3\"><v>-1.5E-3</v></c></row>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>2</v></c></row>"
        "<row r=\"5\"><c r=\"B5\"><v>6</v></c></row><row><c><v>7</v></c></row>" };
    const char *sst = "<si><t>År</t></si><si><t xml:space=\"preserve\">Andre næringer\n</t></si>"
                      "<si><r><t>rich</t></r><r><rPr><b/></rPr><t> text</t></r><rPh><t>x</t></rPh></si>";
    size_t len;
    unsigned char *z = xb_workbook(&len, 1, names, rows, sst, "2025-02-01T10:00:00Z", NULL);
    gidx_xlsx *wb = NULL;
    gidx_xlsx_sheet *sh = NULL;
    double v;
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(gidx_xlsx_open_mem(&wb, z, len, "types.xlsx", NULL), GIDX_OK);
    free(z);
    ck_assert_str_eq(gidx_xlsx_name(wb), "types.xlsx");
    ck_assert_str_eq(gidx_xlsx_modified(wb), "2025-02-01T10:00:00Z");
    ck_assert_msg(gidx_xlsx_sheet_read(&sh, wb, "T") == GIDX_OK, "%s", gidx_error_last()->message);
    gidx_xlsx_free(wb);  /* the sheet outlives its workbook */
    ck_assert_str_eq(gidx_xlsx_sheet_title(sh), "T");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 0), "År");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 1), "rich text");
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 0), "Andre næringer\n");
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 1), GIDX_XLSX_TEXT);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 1), "inline");
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 2), GIDX_XLSX_BOOL);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 2), GIDX_EDATA);
    ck_assert(has("cell C2") && has("boolean TRUE"));
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 3), GIDX_XLSX_ERROR);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 3), "#N/A");
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 3), GIDX_EDATA);
    ck_assert(has("cell D2") && has("#N/A"));
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 4), "ax");
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 6), GIDX_OK);  /* cached formula value */
    ck_assert_double_eq(v, 2);
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 1, 7), GIDX_XLSX_EMPTY);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 7), GIDX_EDATA);
    ck_assert(has("cell H2") && has("empty cell"));
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1, 8), GIDX_OK);
    ck_assert_double_eq(v, -1.5e-3);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 8), "-1.5E-3");
    /* a row without r follows the previous row (5), a cell without r starts at A */
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 5, 0), GIDX_OK);
    ck_assert_double_eq(v, 7);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 6);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncols(sh), 9);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncells(sh), 11);  /* H2 has no value */
    gidx_xlsx_sheet_free(sh);
}
END_TEST

/* Prefixed elements (.NET writes <x:c>), rich inline text, no core part. */
START_TEST(test_prefixed_rich_inline)
{
    static const char *const names[] = { "P" };
    static const char *const rows[] = {
        "<x:row r=\"1\" xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:r><x:t>fl</x:t></x:r><x:r><x:t xml:space=\"preserve\">ere </x:t></x:r>"
        "<x:rPh><x:t>NO</x:t></x:rPh></x:is></x:c></x:row>" };
    size_t len;
    unsigned char *z = xb_workbook(&len, 1, names, rows, NULL, NULL, NULL);
    gidx_xlsx *wb = NULL;
    gidx_xlsx_sheet *sh = NULL;
    ck_assert_int_eq(gidx_xlsx_open_mem(&wb, z, len, NULL, NULL), GIDX_OK);
    free(z);
    ck_assert_ptr_null(gidx_xlsx_modified(wb));
    ck_assert_str_eq(gidx_xlsx_name(wb), "<memory>");
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "P"), GIDX_OK);
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 0, 0), "flere ");
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(wb);
}
END_TEST

/* A lone cell at XFD1048576 behind a dimension claiming the whole sheet:
 * stored as two cells, not a dense 16384 x 1048576 grid (which would need
 * 17 billion cells; the test would die of memory or time if it were). */
START_TEST(test_sparse)
{
    static const char *const names[] = { "S" };
    static const char *const rows[] = {
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        "<row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v></c></row>" };
    size_t len;
    unsigned char *z = xb_workbook(&len, 1, names, rows, NULL, NULL, "A1:XFD1048576");
    gidx_xlsx *wb = NULL;
    gidx_xlsx_sheet *sh = NULL;
    double v;
    ck_assert_int_eq(gidx_xlsx_open_mem(&wb, z, len, "sparse.xlsx", NULL), GIDX_OK);
    free(z);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "S"), GIDX_OK);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 1048576);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncols(sh), 16384);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncells(sh), 2);
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 1048575, 16383), GIDX_OK);
    ck_assert_double_eq(v, 2);
    ck_assert_int_eq(gidx_xlsx_cell_type(sh, 500000, 9000), GIDX_XLSX_EMPTY);
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(wb);
}
END_TEST

START_TEST(test_handles)
{
    gidx_xlsx *wb = (gidx_xlsx *)1;
    gidx_xlsx_sheet *sh = (gidx_xlsx_sheet *)1;
    gidx_xlsx_options o = GIDX_XLSX_OPTIONS_INIT;
    size_t len;
    unsigned char *z;
    static const char *const names[] = { "A", "B" };
    static const char *const rows[] = { "", "" };
    gidx_xlsx_free(NULL);
    gidx_xlsx_sheet_free(NULL);
    ck_assert_uint_eq(gidx_xlsx_sheet_count(NULL), 0);
    ck_assert_int_eq(gidx_xlsx_open(&wb, data_path("mdir/no-such.xlsx"), NULL), GIDX_EIO);
    ck_assert_ptr_null(wb);
    ck_assert(has("no-such.xlsx"));
    o.version = 2;
    wb = (gidx_xlsx *)1;
    ck_assert_int_eq(gidx_xlsx_open(&wb, data_path(AREA), &o), GIDX_EINVAL);
    ck_assert_ptr_null(wb);
    z = xb_workbook(&len, 2, names, rows, NULL, NULL, NULL);
    ck_assert_int_eq(gidx_xlsx_open_mem(&wb, z, len, "two.xlsx", NULL), GIDX_OK);
    free(z);
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "C"), GIDX_ENOTFOUND);
    ck_assert_ptr_null(sh);
    ck_assert(has("two.xlsx") && has("no sheet \"C\"") && has("\"A\", \"B\""));
    ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, "B"), GIDX_OK);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 0);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncells(sh), 0);
    gidx_xlsx_sheet_free(sh);
    gidx_xlsx_free(wb);
}
END_TEST

/* The real workbook read end to end (open + every sheet), timed for the
 * report; not a pass/fail on speed (STYLE.md: speed lives in bench/). */
START_TEST(test_area_every_sheet)
{
    gidx_xlsx *wb = NULL;
    size_t i, cells = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(gidx_xlsx_open(&wb, data_path(AREA), NULL), GIDX_OK);
    for (i = 0; i < gidx_xlsx_sheet_count(wb); i++) {
        gidx_xlsx_sheet *sh = NULL;
        ck_assert_int_eq(gidx_xlsx_sheet_read(&sh, wb, gidx_xlsx_sheet_name(wb, i)), GIDX_OK);
        cells += gidx_xlsx_sheet_ncells(sh);
        gidx_xlsx_sheet_free(sh);
    }
    gidx_xlsx_free(wb);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* openpyxl counts X in the 14 sheets */
    ck_assert_uint_eq(cells, 12479);
    fprintf(stderr, "area workbook: %zu cells in %.1f ms\n", cells,
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
}
END_TEST

static Suite *xlsx_suite(void)
{
    Suite *s = suite_create("xlsx");
    TCase *tc = tcase_create("real");
    tcase_add_test(tc, test_area_download);
    tcase_add_test(tc, test_area_invariant);
    tcase_add_test(tc, test_area_every_sheet);
    suite_add_tcase(s, tc);
    tc = tcase_create("reader");
    tcase_add_test(tc, test_cell_name);
    tcase_add_test(tc, test_cell_types);
    tcase_add_test(tc, test_prefixed_rich_inline);
    tcase_add_test(tc, test_sparse);
    tcase_add_test(tc, test_handles);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(xlsx_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
