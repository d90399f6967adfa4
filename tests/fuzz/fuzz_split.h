/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Helpers shared by the folder- and file-based fuzz targets: split an input
 * at its NUL bytes into parts and write each part to a file in a private
 * temporary folder made once per process. */
#ifndef GIDX_FUZZ_SPLIT_H
#define GIDX_FUZZ_SPLIT_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *fuzz_dir(void)
{
    static char dir[64];
    if (!dir[0]) {
        strcpy(dir, "/tmp/gidx-fuzz-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

/* Write part number k (0-based, parts separated by NUL bytes) of data to
 * dir/name; a missing part removes the file. Returns 1 when written. */
static int fuzz_write_part(const uint8_t *data, size_t size, unsigned k, const char *name)
{
    char path[256];
    size_t start = 0, end;
    unsigned part = 0;
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    for (;;) {
        end = start;
        while (end < size && data[end] != 0)
            end++;
        if (part == k)
            break;
        if (end >= size) {
            (void)unlink(path);
            return 0;
        }
        start = end + 1;
        part++;
    }
    fp = fopen(path, "wb");
    if (!fp)
        abort();
    if (end > start && fwrite(data + start, 1, end - start, fp) != end - start)
        abort();
    fclose(fp);
    return 1;
}
#endif
