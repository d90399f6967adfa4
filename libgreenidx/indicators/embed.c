/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Build-time tool: turn a file into a C source defining
 *   const char NAME[] = { bytes..., 0 };  const size_t NAME_len = N;
 * so data/catalog/default.json is compiled into the library byte for byte
 * (one source of truth for the file and the built-in catalogue).
 * Usage: embed INPUT OUTPUT NAME
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    FILE *in, *out;
    int c;
    unsigned long n = 0;
    if (argc != 4) {
        fprintf(stderr, "usage: embed INPUT OUTPUT NAME\n");
        return 1;
    }
    if ((in = fopen(argv[1], "rb")) == NULL) {
        perror(argv[1]);
        return 1;
    }
    if ((out = fopen(argv[2], "w")) == NULL) {
        perror(argv[2]);
        fclose(in);
        return 1;
    }
    fprintf(out, "/* Generated from %s by embed.c; do not edit. */\n#include <stddef.h>\n", argv[1]);
    fprintf(out, "extern const char %s[];\nextern const size_t %s_len;\n", argv[3], argv[3]);
    fprintf(out, "const char %s[] = {\n", argv[3]);
    while ((c = getc(in)) != EOF) {
        fprintf(out, "%d,%s", c, (++n % 24) == 0 ? "\n" : "");
    }
    fprintf(out, "0\n};\nconst size_t %s_len = %lu;\n", argv[3], n);
    fclose(in);
    if (fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
