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
#include <unistd.h>

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
        "<c r=\"G2\"><f>1+1</f><v>2</v></c><c r=\"H2\"/><c r=\"I2\" s=\"3\"><v>-1.5E-3</v></c>"
        "<c r=\"J2\" t=\"inlineStr\"><v>in v</v></c></row>"
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
    ck_assert_str_eq(gidx_xlsx_cell_text(sh, 1, 9), "in v");
    /* a row without r follows the previous row (5), a cell without r starts at A */
    ck_assert_int_eq(gidx_xlsx_cell_number(&v, sh, 5, 0), GIDX_OK);
    ck_assert_double_eq(v, 7);
    ck_assert_uint_eq(gidx_xlsx_sheet_nrows(sh), 6);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncols(sh), 10);
    ck_assert_uint_eq(gidx_xlsx_sheet_ncells(sh), 12);  /* H2 has no value */
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

/* ---- the Miljødirektoratet loader ---- */

/* reference_sums.out: "year,total" lines from openpyxl + math.fsum. */
static size_t read_reference(int *years, double *totals, size_t cap)
{
    FILE *f = fopen(data_path("mdir/reference_sums.out"), "r");
    size_t n = 0;
    ck_assert_ptr_nonnull(f);
    while (n < cap && fscanf(f, "%d,%lf", &years[n], &totals[n]) == 2)
        n++;
    fclose(f);
    return n;
}

/* Acceptance: ghg_total of Vestfold og Telemark (38) equals, every year, the
 * sum of the detailed sheet computed independently. Tolerance 1e-6 t: the
 * two sums add up to 141 one-decimal figures of at most 3e6 t in different
 * orders; the rounding of either is below 141 * 2.2e-16 * 4.8e6 = 1.5e-7 t. */
START_TEST(test_mdir_area)
{
    gidx_dataset *ds = NULL;
    int years[32];
    double ref[32], v, sum;
    size_t n = read_reference(years, ref, 32), i, k;
    ck_assert_uint_eq(n, 10);
    ck_assert_int_eq(gidx_dataset_load_mdir(&ds, data_path(AREA), NULL, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 1);
    ck_assert_str_eq(gidx_dataset_region(ds, 0), "38");
    ck_assert_str_eq(gidx_dataset_region_name(ds, "38"), "Vestfold og Telemark");
    ck_assert_uint_eq(gidx_dataset_nyears(ds), n);
    for (i = 0; i < n; i++) {
        int flag;
        ck_assert_int_eq(gidx_dataset_get(&v, &flag, ds, "38", years[i], "ghg_total"), GIDX_OK);
        ck_assert_int_eq(flag, GIDX_FLAG_OK);
        ck_assert_msg(fabs(v - ref[i]) < 1e-6, "%d: %.17g vs %.17g", years[i], v, ref[i]);
        /* the sectors add up to the total (same rows, grouped) */
        sum = 0;
        for (k = 0; k < gidx_dataset_nvariables(ds); k++) {
            const char *var = gidx_dataset_variable(ds, k);
            double x;
            if (strcmp(var, "ghg_total") == 0 || !gidx_dataset_has(ds, "38", years[i], var))
                continue;
            gidx_dataset_get(&x, NULL, ds, "38", years[i], var);
            sum += x;
        }
        ck_assert(fabs(sum - v) < 1e-6);
    }
    /* one mapping with the CSV loader: the nine sectors of this release */
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), 10);
    ck_assert(gidx_dataset_has(ds, "38", 2021, "ghg_road") && gidx_dataset_has(ds, "38", 2021,
              "ghg_other_mobile") && gidx_dataset_has(ds, "38", 2021, "ghg_energy_supply"));
    /* every sector and year equals Miljødirektoratet's own aggregate in the
     * sheet Oversikt (e.g. 2021 Veitrafikk 517,559.1 t), through the
     * variable table of data/README.md */
    {
        static const char *const map[][2] = {
            { "Veitrafikk", "ghg_road" }, { "Oppvarming", "ghg_heating" },
            { "Industri, olje og gass", "ghg_industry" }, { "Sjøfart", "ghg_shipping" },
            { "Jordbruk", "ghg_agriculture" }, { "Luftfart", "ghg_aviation" },
            { "Annen mobil forbrenning", "ghg_other_mobile" },
            { "Avfall og avløp", "ghg_waste" }, { "Energiforsyning", "ghg_energy_supply" } };
        gidx_xlsx *wb = NULL;
        gidx_xlsx_sheet *o = NULL;
        size_t row, checked = 0;
        ck_assert_int_eq(gidx_xlsx_open(&wb, data_path(AREA), NULL), GIDX_OK);
        ck_assert_int_eq(gidx_xlsx_sheet_read(&o, wb, "Oversikt"), GIDX_OK);
        for (row = 1; row < gidx_xlsx_sheet_nrows(o); row++) {
            double y, x;
            const char *sector = gidx_xlsx_cell_text(o, row, 1);
            ck_assert_int_eq(gidx_xlsx_cell_number(&y, o, row, 0), GIDX_OK);
            ck_assert_int_eq(gidx_xlsx_cell_number(&x, o, row, 2), GIDX_OK);
            for (k = 0; k < 9; k++)
                if (strcmp(sector, map[k][0]) == 0) {
                    ck_assert_int_eq(gidx_dataset_get(&v, NULL, ds, "38", (int)y, map[k][1]),
                                     GIDX_OK);
                    ck_assert_msg(fabs(v - x) < 1e-6, "%g %s %.17g vs %.17g", y, sector, v, x);
                    checked++;
                }
        }
        ck_assert_uint_eq(checked, 90);
        gidx_xlsx_sheet_free(o);
        gidx_xlsx_free(wb);
    }
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.release"), "2021");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.release.38"), "2021");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.first_year"), "2009");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.modified"), "2023-09-25T11:32:02.9721087Z");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.area"), "Vestfold og Telemark");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.layout"), "area");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.url"),
                     "https://www.miljodirektoratet.no/tjenester/klimagassutslipp-kommuner/");
    ck_assert_ptr_null(gidx_dataset_meta(ds, "mdir.retrieved"));  /* this Info sheet has no date */
    gidx_dataset_free(ds);
}
END_TEST

/* The same bytes through the in-memory path give the same dataset. */
START_TEST(test_mdir_memory)
{
    FILE *f = fopen(data_path(AREA), "rb");
    static unsigned char buf[200000];
    size_t len;
    gidx_dataset *a = NULL, *b = NULL;
    char *ta, *tb;
    ck_assert_ptr_nonnull(f);
    len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ck_assert_uint_eq(len, 77909);
    ck_assert_int_eq(gidx_dataset_load_mdir(&a, data_path(AREA), NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_parse_mdir(&b, buf, len, "body", NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_to_csv(&ta, NULL, a), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_to_csv(&tb, NULL, b), GIDX_OK);
    ck_assert_str_eq(ta, tb);
    free(ta);
    free(tb);
    gidx_dataset_free(a);
    gidx_dataset_free(b);
}
END_TEST

/* Acceptance: the embedded Telemark emissions re-contained in the
 * all-municipality layout (written here by openpyxl:
 * tests/data/mdir/make_all_municipality.py) read back to the embedded
 * dataset's ghg_* values for every municipality and year, to 1e-9 t (the
 * figures pass through decimal text twice: repr() in openpyxl, strtod here,
 * which round-trip exactly; the sums add the same rows in the same order). */
START_TEST(test_mdir_all_municipalities)
{
    char dir[] = "/tmp/gidx-mdir-XXXXXX", wbpath[256], cmd[1024];
    const char *root = getenv("GIDX_SOURCE_ROOT");
    gidx_dataset *ds = NULL, *emb = NULL;
    size_t r, v, y, compared = 0, nemb = 0;
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(wbpath, sizeof wbpath, "%s/utslippsstatistikk_alle_kommuner.xlsx", dir);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s/tests/data/mdir/make_all_municipality.py' "
             "'%s' '%s' > /dev/null", root ? root : ".", wbpath, root ? root : ".");
    ck_assert_msg(system(cmd) == 0, "%s failed: python3-openpyxl is needed", cmd);
    ck_assert_int_eq(gidx_dataset_load_mdir(&ds, wbpath, NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_load_default(&emb), GIDX_OK);
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.layout"), "municipalities");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.release"), "2024");
    ck_assert_uint_eq(gidx_dataset_nregions(ds), 17);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "4003"), "Skien");
    for (r = 0; r < gidx_dataset_nregions(emb); r++) {
        const char *reg = gidx_dataset_region(emb, r);
        if (strlen(reg) != 4)
            continue;  /* the county 40 is the embedded loader's sum */
        for (v = 0; v < gidx_dataset_nvariables(emb); v++) {
            const char *var = gidx_dataset_variable(emb, v);
            if (strncmp(var, "ghg_", 4) != 0)
                continue;
            for (y = 0; y < gidx_dataset_nyears(emb); y++) {
                int year = gidx_dataset_year(emb, y), fa, fb;
                double a, b;
                if (!gidx_dataset_has(emb, reg, year, var))
                    continue;
                nemb++;
                ck_assert_msg(gidx_dataset_has(ds, reg, year, var), "%s %d %s missing", reg,
                              year, var);
                gidx_dataset_get(&a, &fa, emb, reg, year, var);
                gidx_dataset_get(&b, &fb, ds, reg, year, var);
                ck_assert_int_eq(fa, fb);
                ck_assert_msg(fabs(a - b) <= 1e-9, "%s %d %s: %.17g vs %.17g", reg, year, var,
                              a, b);
                compared++;
            }
        }
    }
    ck_assert_uint_eq(compared, nemb);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), compared);  /* nothing more either */
    ck_assert_uint_gt(compared, 2000);
    fprintf(stderr, "all-municipality workbook: %zu cells equal\n", compared);
    gidx_dataset_free(ds);
    gidx_dataset_free(emb);
    remove(wbpath);
    rmdir(dir);
}
END_TEST

/* Columns by name in any order; CO2 / CO₂ / Utslipp; numbers as text or
 * cells; SSB symbols; blank rows. Hand-worked sums. */
START_TEST(test_mdir_layouts)
{
    static const char *const names[] = { "Oversikt - detaljert" };
    static const char *const rows[] = {
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Utslipp (tonn CO\xe2\x82\x82-ekvivalenter)</t></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>Kommune</t></is></c>"
        "<c r=\"C1\" t=\"inlineStr\"><is><t>Sektor</t></is></c>"
        "<c r=\"D1\" t=\"inlineStr\"><is><t> År </t></is></c>"
        "<c r=\"E1\" t=\"inlineStr\"><is><t>Kommunenummer</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\"><v>1.5</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Oslo</t></is></c>"
        "<c r=\"C2\" t=\"inlineStr\"><is><t>Veitrafikk</t></is></c><c r=\"D2\"><v>2022</v></c>"
        "<c r=\"E2\"><v>301</v></c></row>"
        "<row r=\"3\"><c r=\"A3\"><v>2.25</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>Oslo</t></is></c>"
        "<c r=\"C3\" t=\"inlineStr\"><is><t>Veitrafikk</t></is></c><c r=\"D3\" t=\"inlineStr\"><is><t>2022</t></is></c>"
        "<c r=\"E3\" t=\"inlineStr\"><is><t>0301</t></is></c></row>"
        "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>..</t></is></c><c r=\"C5\" t=\"inlineStr\"><is><t>Jordbruk</t></is></c>"
        "<c r=\"D5\"><v>2022</v></c><c r=\"E5\"><v>5001</v></c></row>"
        "<row r=\"6\"><c r=\"A6\"><v>4</v></c><c r=\"C6\" t=\"inlineStr\"><is><t>Jordbruk</t></is></c>"
        "<c r=\"D6\"><v>2022</v></c><c r=\"E6\"><v>5001</v></c></row>" };
    size_t len;
    unsigned char *z = xb_workbook(&len, 1, names, rows, NULL, NULL, NULL);
    gidx_dataset *ds = NULL;
    double v;
    int flag;
    ck_assert_int_eq(gidx_dataset_parse_mdir(&ds, z, len, "layout.xlsx", NULL, NULL), GIDX_OK);
    free(z);
    gidx_dataset_get(&v, &flag, ds, "0301", 2022, "ghg_road");
    ck_assert_double_eq(v, 3.75);
    ck_assert_str_eq(gidx_dataset_region_name(ds, "0301"), "Oslo");
    ck_assert_str_eq(gidx_dataset_region_name(ds, "5001"), "Trondheim - Tråante");
    /* a confidential part makes the sum confidential, as in the CSV loader */
    gidx_dataset_get(&v, &flag, ds, "5001", 2022, "ghg_total");
    ck_assert_int_eq(flag, GIDX_FLAG_CONFIDENTIAL);
    ck_assert_ptr_null(gidx_dataset_meta(ds, "mdir.modified"));
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.release.5001"), "2022");
    gidx_dataset_free(ds);
}
END_TEST

/* Area downloads keyed through the registry; a retrieval date in Info. */
START_TEST(test_mdir_info)
{
    static const char *const names[] = { "Info", "Oversikt - detaljert" };
    static const char *const rows[] = {
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Datasett:</t></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>Trondheim kommune</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Nedlastet dato:</t></is></c>"
        "<c r=\"B2\"><v>45352</v></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>År</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Sektor</t></is></c>"
        "<c r=\"C1\" t=\"inlineStr\"><is><t>Utslipp</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\"><v>2022</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Sjøfart</t></is></c>"
        "<c r=\"C2\"><v>10</v></c></row>" };
    size_t len;
    unsigned char *z = xb_workbook(&len, 2, names, rows, NULL, "2024-03-01T00:00:00Z", NULL);
    gidx_dataset *ds = NULL;
    double v;
    ck_assert_int_eq(gidx_dataset_parse_mdir(&ds, z, len, "trd.xlsx", NULL, NULL), GIDX_OK);
    free(z);
    ck_assert_str_eq(gidx_dataset_region(ds, 0), "5001");
    gidx_dataset_get(&v, NULL, ds, "5001", 2022, "ghg_shipping");
    ck_assert_double_eq(v, 10);
    /* Excel serial 45352 is 2024-03-01 (LibreOffice: =TEXT(45352;"YYYY-MM-DD")) */
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.retrieved"), "2024-03-01");
    ck_assert_str_eq(gidx_dataset_meta(ds, "mdir.modified"), "2024-03-01T00:00:00Z");
    gidx_dataset_free(ds);
}
END_TEST

/* Two releases for one region are never merged; one release merges. */
START_TEST(test_mdir_merge)
{
    gidx_dataset *a = NULL, *b = NULL, *c = NULL;
    size_t before;
    double v;
    ck_assert_int_eq(gidx_dataset_load_mdir(&a, data_path(AREA), NULL, NULL), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_copy(&b, a), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_new(&c), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(c, "4003", 2024, "population", 57000, 0), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_merge(c, a), GIDX_OK);   /* population + emissions */
    ck_assert(gidx_dataset_has(c, "38", 2021, "ghg_total") &&
              gidx_dataset_has(c, "4003", 2024, "population"));
    ck_assert_str_eq(gidx_dataset_meta(c, "mdir.release.38"), "2021");
    ck_assert_int_eq(gidx_dataset_merge(c, b), GIDX_OK);   /* the same release again */
    /* b as if from the next release (figures to 2022) */
    ck_assert_int_eq(gidx_dataset_set_meta(b, "mdir.release.38", "2022"), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set_meta(b, "file", "next.xlsx"), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(b, "38", 2021, "ghg_total", 1, 0), GIDX_OK);
    before = gidx_dataset_ncells(c);
    ck_assert_int_eq(gidx_dataset_merge(c, b), GIDX_EDUPLICATE);
    ck_assert(has("region 38 (Vestfold og Telemark)") && has("release 2021") &&
              has("release 2022") && has("next.xlsx") && has(AREA) &&
              has("modified 2023-09-25T11:32:02.9721087Z"));
    ck_assert_uint_eq(gidx_dataset_ncells(c), before);    /* untouched */
    gidx_dataset_get(&v, NULL, c, "38", 2021, "ghg_total");
    ck_assert(fabs(v - 3951538.0) < 1e-6);
    ck_assert_int_eq(gidx_dataset_merge(c, c), GIDX_EINVAL);
    /* the embedded data are a release too (figures to 2024, from the CSV
     * loader): a workbook of the 2021 release for Skien is refused */
    {
        static const char *const names[] = { "Oversikt - detaljert" };
        static const char *const rows[] = {
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Kommunenummer</t></is></c>"
            "<c r=\"B1\" t=\"inlineStr\"><is><t>År</t></is></c><c r=\"C1\" t=\"inlineStr\"><is>"
            "<t>Sektor</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>Utslipp</t></is></c></row>"
            "<row r=\"2\"><c r=\"A2\"><v>4003</v></c><c r=\"B2\"><v>2021</v></c><c r=\"C2\" "
            "t=\"inlineStr\"><is><t>Jordbruk</t></is></c><c r=\"D2\"><v>1</v></c></row>" };
        size_t len;
        unsigned char *z = xb_workbook(&len, 1, names, rows, NULL, NULL, NULL);
        gidx_dataset *emb = NULL, *old = NULL;
        ck_assert_int_eq(gidx_dataset_load_default(&emb), GIDX_OK);
        ck_assert_str_eq(gidx_dataset_meta(emb, "mdir.release.4003"), "2024");
        ck_assert_int_eq(gidx_dataset_parse_mdir(&old, z, len, "skien_2021.xlsx", NULL, NULL),
                         GIDX_OK);
        free(z);
        ck_assert_int_eq(gidx_dataset_merge(emb, a), GIDX_OK);   /* 38: no overlap */
        ck_assert_int_eq(gidx_dataset_merge(emb, old), GIDX_EDUPLICATE);
        ck_assert(has("region 4003 (Skien)") && has("release 2024") && has("release 2021") &&
                  has("skien_2021.xlsx"));
        gidx_dataset_free(emb);
        gidx_dataset_free(old);
    }
    ck_assert_int_eq(gidx_dataset_merge(NULL, c), GIDX_EINVAL);
    gidx_dataset_free(a);
    gidx_dataset_free(b);
    gidx_dataset_free(c);
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
    tc = tcase_create("mdir");
    tcase_add_test(tc, test_mdir_area);
    tcase_add_test(tc, test_mdir_memory);
    tcase_add_test(tc, test_mdir_all_municipalities);
    tcase_add_test(tc, test_mdir_layouts);
    tcase_add_test(tc, test_mdir_info);
    tcase_add_test(tc, test_mdir_merge);
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
