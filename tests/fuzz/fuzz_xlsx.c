/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the xlsx reader (zip + XML) opened from memory, every
 * sheet read and every stored cell visited, then the Miljødirektoratet
 * loader's in-memory path on the same bytes. Limits are lowered so that one
 * input stays fast; the seeds (tests/fuzz/run.sh) are the real download and
 * a STORED (uncompressed) re-zip of it, so that mutations reach the XML
 * before libzip's CRC check at the end of a part. */
#include <stddef.h>
#include <stdint.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gidx_registry *registry(void)
{
    static gidx_registry *reg;
    if (reg == NULL)
        (void)gidx_registry_load_default(&reg);   /* kept for the process */
    return reg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gidx_xlsx_options o = GIDX_XLSX_OPTIONS_INIT;
    gidx_xlsx *wb = NULL;
    gidx_dataset *ds = NULL;
    size_t i;
    o.max_uncompressed = (size_t)4 << 20;
    o.max_cells = 200000;
    if (gidx_xlsx_open_mem(&wb, data, size, "fuzz.xlsx", &o) == GIDX_OK) {
        (void)gidx_xlsx_modified(wb);
        for (i = 0; i < gidx_xlsx_sheet_count(wb); i++) {
            gidx_xlsx_sheet *sh = NULL;
            size_t r, c;
            if (gidx_xlsx_sheet_read(&sh, wb, gidx_xlsx_sheet_name(wb, i)) != GIDX_OK)
                continue;
            for (r = 0; r < gidx_xlsx_sheet_nrows(sh) && r < 64; r++)
                for (c = 0; c < gidx_xlsx_sheet_ncols(sh) && c < 16; c++) {
                    double v;
                    char ref[16];
                    (void)gidx_xlsx_cell_type(sh, r, c);
                    (void)gidx_xlsx_cell_text(sh, r, c);
                    (void)gidx_xlsx_cell_number(&v, sh, r, c);
                    (void)gidx_xlsx_cell_name(ref, sizeof ref, r, c);
                }
            gidx_xlsx_sheet_free(sh);
        }
        gidx_xlsx_free(wb);
    }
    if (gidx_dataset_parse_mdir(&ds, data, size, "fuzz.xlsx", registry(), &o) == GIDX_OK)
        gidx_dataset_free(ds);
    return 0;
}
