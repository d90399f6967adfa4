/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The dataset's own memory on a sparse panel (issue 19, "memory within twice
 * the input"): bench/scaling/memory.sh's "sparse" input, a JSON-stat answer
 * of 0.6 MB whose "value" object holds 20,000 cells scattered over a
 * 16,000-region x 10-variable x 50-year panel, built here straight through
 * the dataset API the JSON-stat loader uses (gidx__dataset_intern for the
 * categories, then one gidx_dataset_set a present cell, in ascending flat
 * order). The heap in use is glibc's mallinfo2() count (uordblks, the bytes
 * of the chunks in use, plus hblkhd, the mmapped blocks), before the dataset
 * is made, after the last cell, and sampled every 500 cells to see the
 * capacity the arrays have grown to on the way. Bounds (the coordinator's
 * targets for the dataset's share, which with jansson's gone keep the whole
 * load within twice the 0.6 MB text): <= 1,000,000 bytes after and
 * <= 1,100,000 sampled without a hint; <= 850,000 bytes with the
 * exact-count hint gidx__dataset_reserve. Under an allocator whose counts
 * are not glibc's (valgrind, AddressSanitizer: found by allocating a known
 * block and seeing mallinfo2 not count it) the bounds are not checked; the
 * contents always are. */
#include <check.h>
#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/greenidx.h>

#include "data/data_internal.h"

#define NREG 16000
#define NVAR 10
#define NYEAR 50
#define FIRST_YEAR 1975
#define NFLAT ((size_t)NREG * NVAR * NYEAR) /* 8,000,000 */
#define NCELLS 20000
#define SAMPLE_EVERY 500
#define NAMEBUF 24

/* splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the constants of Vigna's reference code), seed
 * fixed so that every run draws the same cells. */
#define SEED UINT64_C(20260119)
static uint64_t sm_state;
static uint64_t splitmix64(void)
{
    uint64_t z = (sm_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* NCELLS flat indices drawn without replacement from [0, NFLAT) (a draw
 * already taken is drawn again), in ascending order; the same every time
 * (each test starts the generator afresh, with or without CK_FORK). They
 * fall in 18,807 series, 1,150 of which hold more than one (at most 4). */
static size_t *draw_cells(void)
{
    unsigned char *taken = calloc(NFLAT / 8, 1);
    size_t *k = malloc(NCELLS * sizeof *k);
    size_t n = 0, i;
    sm_state = SEED;
    ck_assert_ptr_nonnull(taken);
    ck_assert_ptr_nonnull(k);
    while (n < NCELLS) {
        size_t x = (size_t)(splitmix64() % NFLAT);
        if (!(taken[x / 8] & (1u << (x % 8)))) {
            taken[x / 8] |= (unsigned char)(1u << (x % 8));
            n++;
        }
    }
    for (i = 0, n = 0; i < NFLAT; i++)
        if (taken[i / 8] & (1u << (i % 8)))
            k[n++] = i;
    free(taken);
    return k;
}

/* A value read back bit for bit: exact in binary, different for each cell. */
static double value_of(size_t k)
{
    return (double)k * 0.25 + 0.5;
}

static void coords(size_t k, char *region, char *variable, int *year)
{
    snprintf(region, NAMEBUF, "%05zu", k / (NVAR * NYEAR));
    snprintf(variable, NAMEBUF, "C%zu", (k / NYEAR) % NVAR);
    *year = FIRST_YEAR + (int)(k % NYEAR);
}

static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

/* Whether mallinfo2 counts what malloc hands out (glibc's own malloc): a
 * block of 1 MiB + 1 must add at least that much and at most a page. */
static int heap_counted(void)
{
    size_t before = heap_in_use(), after;
    char *p = malloc(((size_t)1 << 20) + 1);
    ck_assert_ptr_nonnull(p);
    memset(p, 1, ((size_t)1 << 20) + 1);
    after = heap_in_use();
    free(p);
    return after >= before + ((size_t)1 << 20) + 1 && after <= before + ((size_t)1 << 20) + 4096;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Build the panel (with the hint when @p hint), check every cell, and
 * return the heap after and the sampled peak, both net of the heap before. */
static void build_and_check(int hint, size_t *after, size_t *peak)
{
    size_t *k = draw_cells();
    gidx_dataset *ds = NULL;
    size_t base, i, h;
    char region[NAMEBUF], variable[NAMEBUF];
    int year;

    base = heap_in_use();
    *peak = 0;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    if (hint)
        ck_assert_int_eq(gidx__dataset_reserve(ds, NREG, NCELLS), GIDX_OK);
    for (i = 0; i < NREG; i++) {
        snprintf(region, sizeof region, "%05zu", i);
        ck_assert_int_eq(gidx__dataset_intern(ds, region, 0), GIDX_OK);
    }
    for (year = FIRST_YEAR; year < FIRST_YEAR + NYEAR; year++)
        ck_assert_int_eq(gidx__dataset_intern(ds, NULL, year), GIDX_OK);
    for (i = 0; i < NCELLS; i++) {
        coords(k[i], region, variable, &year);
        ck_assert_int_eq(gidx_dataset_set(ds, region, year, variable, value_of(k[i]),
                                          GIDX_FLAG_OK), GIDX_OK);
        if ((i + 1) % SAMPLE_EVERY == 0 && (h = heap_in_use() - base) > *peak)
            *peak = h;
    }
    *after = heap_in_use() - base;
    if (*after > *peak)
        *peak = *after;

    ck_assert_uint_eq(gidx_dataset_ncells(ds), NCELLS);
    ck_assert_uint_eq(gidx_dataset_nregions(ds), NREG);
    ck_assert_uint_eq(gidx_dataset_nvariables(ds), NVAR);
    ck_assert_uint_eq(gidx_dataset_nyears(ds), NYEAR);
    for (i = 0; i < NREG; i += 997) {
        snprintf(region, sizeof region, "%05zu", i);
        ck_assert_str_eq(gidx_dataset_region(ds, i), region);
    }
    /* every cell exactly, and its neighbours in flat order absent unless drawn */
    for (i = 0; i < NCELLS; i++) {
        double x;
        int f;
        coords(k[i], region, variable, &year);
        ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, region, year, variable), GIDX_OK);
        ck_assert_int_eq(f, GIDX_FLAG_OK);
        ck_assert(memcmp(&x, &(double){ value_of(k[i]) }, sizeof x) == 0);
        if (k[i] + 1 < NFLAT && (i + 1 == NCELLS || k[i + 1] != k[i] + 1)) {
            coords(k[i] + 1, region, variable, &year);
            ck_assert_int_eq(gidx_dataset_has(ds, region, year, variable), 0);
            ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, region, year, variable), GIDX_OK);
            ck_assert(isnan(x));
            ck_assert_int_eq(f, GIDX_FLAG_MISSING);
        }
    }
    /* and 20,000 more absent cells drawn anywhere in the panel */
    for (i = 0; i < NCELLS;) {
        size_t x = (size_t)(splitmix64() % NFLAT);
        if (bsearch(&x, k, NCELLS, sizeof *k, cmp_size) != NULL)
            continue;
        coords(x, region, variable, &year);
        ck_assert_int_eq(gidx_dataset_has(ds, region, year, variable), 0);
        i++;
    }
    gidx_dataset_free(ds);
    free(k);
}

static void report(const char *what, size_t after, size_t peak, size_t bound_after,
                   size_t bound_peak)
{
    printf("check_dscomp: %s: heap after %zu bytes (bound %zu), sampled peak %zu bytes "
           "(bound %zu)\n", what, after, bound_after, peak, bound_peak);
    fflush(stdout);
    if (!heap_counted()) {
        printf("check_dscomp: mallinfo2 does not count this allocator's blocks "
               "(valgrind or a sanitizer): bounds not checked\n");
        return;
    }
    ck_assert_uint_le(after, bound_after);
    ck_assert_uint_le(peak, bound_peak);
}

START_TEST(test_sparse_panel_no_hint)
{
    size_t after, peak;
    build_and_check(0, &after, &peak);
    report("no hint", after, peak, 1000000, 1100000);
}
END_TEST

START_TEST(test_sparse_panel_hint)
{
    size_t after, peak;
    build_and_check(1, &after, &peak);
    report("exact hint", after, peak, 850000, 850000);
}
END_TEST

/* One series' cells far apart, set in no order: a range widened from one
 * year lists its cells (up to four), then becomes dense; a cell that turns
 * provisional moves to the sparse store and back. Checked cell by cell
 * against what was set, and again on a copy (made by iterating the cells). */
START_TEST(test_listed_range)
{
    static const int years[] = { 2030, 2005, 2040, 2010, 2020, 2001, 2039, 2011 };
    const size_t ny = sizeof years / sizeof years[0];
    gidx_dataset *ds = NULL, *cp = NULL;
    size_t i, j;
    double x;
    int f;
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    for (j = 2000; j < 2045; j++)   /* year indices in the years' order */
        ck_assert_int_eq(gidx__dataset_intern(ds, NULL, (int)j), GIDX_OK);
    for (i = 0; i < ny; i++) {
        ck_assert_int_eq(gidx_dataset_set(ds, "0301", years[i], "pop", 100.0 + (double)i,
                                          GIDX_FLAG_OK), GIDX_OK);
        if (i == 2) {   /* listed: the middle one provisional, then ok again */
            ck_assert_int_eq(gidx_dataset_set(ds, "0301", 2005, "pop", 7.5,
                                              GIDX_FLAG_PROVISIONAL), GIDX_OK);
            ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "0301", 2005, "pop"), GIDX_OK);
            ck_assert(x == 7.5 && f == GIDX_FLAG_PROVISIONAL);
            ck_assert_uint_eq(gidx_dataset_ncells(ds), 3);
            ck_assert_int_eq(gidx_dataset_set(ds, "0301", 2005, "pop", 101.0, GIDX_FLAG_OK),
                             GIDX_OK);
        }
        if (i == 3)     /* a confidential cell among the listed ones */
            ck_assert_int_eq(gidx_dataset_set(ds, "0301", 2030, "pop", 0,
                                              GIDX_FLAG_CONFIDENTIAL), GIDX_OK);
        ck_assert_uint_eq(gidx_dataset_ncells(ds), i + 1);
        for (j = 0; j <= i; j++) {
            ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "0301", years[j], "pop"), GIDX_OK);
            if (j == 0 && i >= 3) {
                ck_assert(isnan(x));
                ck_assert_int_eq(f, GIDX_FLAG_CONFIDENTIAL);
            } else {
                ck_assert(x == 100.0 + (double)j);
                ck_assert_int_eq(f, GIDX_FLAG_OK);
            }
        }
        for (j = 2000; j < 2045; j++) {
            size_t m, hit = 0;
            for (m = 0; m <= i; m++)
                hit |= years[m] == (int)j;
            ck_assert_int_eq(gidx_dataset_has(ds, "0301", (int)j, "pop"), (int)hit);
        }
    }
    ck_assert_int_eq(gidx_dataset_copy(&cp, ds), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(cp), ny);
    for (j = 0; j < ny; j++) {
        double y;
        int g;
        ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, "0301", years[j], "pop"), GIDX_OK);
        ck_assert_int_eq(gidx_dataset_get(&y, &g, cp, "0301", years[j], "pop"), GIDX_OK);
        ck_assert(f == g && ((isnan(x) && isnan(y)) || x == y));
    }
    gidx_dataset_free(cp);
    gidx_dataset_free(ds);
}
END_TEST

/* The hint is only a hint: too few cells, too many, and too few regions
 * hold every cell all the same; its refusals. */
START_TEST(test_reserve_wrong_counts)
{
    static const size_t cells[] = { 1, 7, 5000, 1000000 };
    size_t c, i;
    for (c = 0; c < sizeof cells / sizeof cells[0]; c++) {
        gidx_dataset *ds = NULL;
        char region[NAMEBUF], variable[NAMEBUF];
        int year;
        ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
        ck_assert_int_eq(gidx__dataset_reserve(ds, 3, cells[c]), GIDX_OK);
        for (i = 0; i < 3000; i++) {   /* 3,000 cells, 1 in 7 flat indices, 42 regions */
            coords(i * 7, region, variable, &year);
            ck_assert_int_eq(gidx_dataset_set(ds, region, year, variable, value_of(i * 7),
                                              i % 5 == 4 ? GIDX_FLAG_PROVISIONAL
                                                         : GIDX_FLAG_OK), GIDX_OK);
        }
        ck_assert_uint_eq(gidx_dataset_ncells(ds), 3000);
        ck_assert_uint_eq(gidx_dataset_nregions(ds), 42);
        for (i = 0; i < 3000 * 7; i++) {
            double x;
            int f;
            coords(i, region, variable, &year);
            ck_assert_int_eq(gidx_dataset_get(&x, &f, ds, region, year, variable), GIDX_OK);
            if (i % 7 == 0) {
                ck_assert(x == value_of(i));
                ck_assert_int_eq(f, (i / 7) % 5 == 4 ? GIDX_FLAG_PROVISIONAL : GIDX_FLAG_OK);
            } else {
                ck_assert_int_eq(f, GIDX_FLAG_MISSING);
            }
        }
        gidx_dataset_free(ds);
    }
    ck_assert_int_eq(gidx__dataset_reserve(NULL, 1, 1), GIDX_EINVAL);
    {
        gidx_dataset *ds = NULL;
        ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
        ck_assert_int_eq(gidx__dataset_reserve(ds, ((size_t)1 << 24) + 1, 0), GIDX_ELIMIT);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "regions"));
        ck_assert_int_eq(gidx__dataset_reserve(ds, 0, 0), GIDX_OK);
        ck_assert_uint_eq(gidx_dataset_nregions(ds), 0);
        gidx_dataset_free(ds);
    }
}
END_TEST

static Suite *dscomp_suite(void)
{
    Suite *s = suite_create("dscomp");
    TCase *tc = tcase_create("sparse panel");
    tcase_add_test(tc, test_sparse_panel_no_hint);
    tcase_add_test(tc, test_sparse_panel_hint);
    tcase_add_test(tc, test_listed_range);
    tcase_add_test(tc, test_reserve_wrong_counts);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dscomp_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
