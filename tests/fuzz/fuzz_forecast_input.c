/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libFuzzer target: the path of the forecast command's input: a long CSV is
 * read into a dataset and every region x variable series is fitted (method
 * picked by the first byte) and forecast. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <greenidx/greenidx.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int methods[8] = { GIDX_FC_NAIVE, GIDX_FC_DRIFT, GIDX_FC_TREND, GIDX_FC_LOGTREND,
                                    GIDX_FC_ETS_AAN, GIDX_FC_THETA, GIDX_FC_ETS_ANN, GIDX_FC_AUTO };
    gidx_model_options o = GIDX_MODEL_OPTIONS_INIT;
    gidx_dataset *ds = NULL;
    gidx_model *m = NULL;
    double *y = NULL, mean[5], lo[5], hi[5], level = 80.0;
    int *years = NULL;
    size_t ny, r, k, t, fits = 0;
    if (size == 0 || size > 16384)
        return 0;
    o.method = methods[data[0] & 7];
    o.boxcox = (data[0] >> 3) & 1;
    o.calibrate = 0;
    o.nsim = 50;
    if (gidx_dataset_parse_csv(&ds, (const char *)data + 1, size - 1, "fuzz.csv", NULL) != GIDX_OK)
        return 0;
    ny = gidx_dataset_nyears(ds);
    if (ny > 0 && ny <= 200 && gidx_model_new(&m, &o) == GIDX_OK) {
        y = malloc(ny * sizeof *y);
        years = malloc(ny * sizeof *years);
        for (t = 0; years && t < ny; t++)
            years[t] = gidx_dataset_year(ds, t);
        for (r = 0; y && years && r < gidx_dataset_nregions(ds) && fits < 4; r++)
            for (k = 0; k < gidx_dataset_nvariables(ds) && fits < 4; k++) {
                if (gidx_dataset_series(y, NULL, ny, ds, gidx_dataset_region(ds, r),
                                        gidx_dataset_variable(ds, k)) != GIDX_OK)
                    continue;
                fits++;
                if (gidx_model_fit(m, years, y, ny) == GIDX_OK
                    && gidx_model_forecast(mean, lo, hi, 5, m, 5, &level, 1) == GIDX_OK
                    && (isnan(mean[0]) && !isnan(y[ny - 1])))
                    abort(); /* a fitted model must not forecast NaN silently */
            }
        free(y);
        free(years);
    }
    gidx_model_free(m);
    gidx_dataset_free(ds);
    return 0;
}
