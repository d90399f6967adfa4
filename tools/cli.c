/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int gidx_cli_exit_code(gidx_status rc)
{
    switch (rc) {
    case GIDX_OK: return GIDX_EXIT_OK;
    case GIDX_EINVAL: return GIDX_EXIT_USAGE;
    case GIDX_EPARSE: case GIDX_EDATA: case GIDX_ENOTFOUND: case GIDX_EDUPLICATE:
    case GIDX_EENCODING: case GIDX_ELIMIT:
        return GIDX_EXIT_DATA;
    case GIDX_ESINGULAR: case GIDX_ENOCONV: case GIDX_EDOM: case GIDX_ERANGE:
    case GIDX_ENUMERIC: case GIDX_ETOOSHORT: case GIDX_EUNSUPPORTED: case GIDX_ESTATE:
        return GIDX_EXIT_NUMERIC;
    case GIDX_EIO: case GIDX_ENET:
        return rc == GIDX_EIO ? GIDX_EXIT_DATA : GIDX_EXIT_IO;
    default:
        return GIDX_EXIT_INTERNAL;
    }
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n, k;
    if (s[0] < 0x80) return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) n = 4;
    else return 0;
    for (k = 1; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* 1 for a code point a terminal acts on: C1 controls (U+0080..U+009F, e.g.
 * CSI) and the bidirectional overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069) that reorder what is shown. */
static int unsafe_utf8(const unsigned char *s, size_t n)
{
    if (n == 2)
        return s[0] == 0xC2 && s[1] <= 0x9F;
    if (n == 3 && s[0] == 0xE2)
        return (s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
               (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9);
    return 0;
}

/* Escape @p len bytes of @p s into @p out (room for 4 len + 1); with
 * @p keep_layout, LF and TAB pass (whole documents on a terminal). */
static size_t escape_into(char *out, const unsigned char *s, size_t len, int keep_layout)
{
    size_t i, n = 0;
    for (i = 0; i < len;) {
        size_t k = utf8_len(s + i);
        if (k == 1 && ((s[i] >= 0x20 && s[i] != 0x7F) ||
                       (keep_layout && (s[i] == '\n' || s[i] == '\t')))) {
            out[n++] = (char)s[i++];
        } else if (k > 1 && i + k <= len && !unsafe_utf8(s + i, k)) {
            memcpy(out + n, s + i, k);
            n += k;
            i += k;
        } else {
            /* a control byte, a terminal-active code point or invalid UTF-8:
             * shown byte by byte as \xNN */
            size_t m = k > 1 ? k : 1;
            while (m-- > 0 && i < len) {
                snprintf(out + n, 5, "\\x%02X", s[i++]);
                n += 4;
            }
        }
    }
    out[n] = '\0';
    return n;
}

const char *gidx_cli_safe(const char *text)
{
    /* a ring of buffers: a result stays valid for the next 7 calls */
    static char *ring[8];
    static unsigned next;
    const unsigned char *s = (const unsigned char *)(text ? text : "(null)");
    size_t i, len = strlen((const char *)s);
    char *out;
    for (i = 0; i < len; i++)
        if (s[i] < 0x20 || s[i] >= 0x7F)
            break;
    if (i == len)
        return (const char *)s;   /* plain printable ASCII: nothing to do */
    if (len > (SIZE_MAX - 1) / 4 || (out = malloc(4 * len + 1)) == NULL)
        return "(text not shown: out of memory)";
    escape_into(out, s, len, 0);
    free(ring[next]);
    ring[next] = out;
    next = (next + 1) % 8;
    return out;
}

int gidx_cli_fail(const char *cmd, gidx_status rc)
{
    const gidx_error *e = gidx_error_last();
    /* messages quote file contents and server answers: escape them */
    fprintf(stderr, "greenidx %s: %s\n", cmd,
            gidx_cli_safe((e->code == rc && e->message[0]) ? e->message : gidx_strerror(rc)));
    return gidx_cli_exit_code(rc);
}

int gidx_cli_usage_error(const gidx_cli_command *c, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "greenidx %s: ", c->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'greenidx %s --help'.\n", c->name);
    return GIDX_EXIT_USAGE;
}

int gidx_cli_wants_help(int argc, char **argv)
{
    int i;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    return 0;
}

int gidx_cli_opt(int argc, char **argv, int *i, const char *name, int takes_value,
                 const char **value, int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    *missing = 0;
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '\0') {
        if (!takes_value) {
            *value = NULL;
            return 1;
        }
        if (*i + 1 >= argc) {
            *missing = 1;
            *value = NULL;
            return 1;
        }
        *value = argv[++*i];
        return 1;
    }
    if (a[n] == '=' && takes_value) {
        *value = a + n + 1;
        return 1;
    }
    return 0;
}

int gidx_cli_parse_int(const char *s, long *out)
{
    char *end;
    long v;
    if (s == NULL || *s == '\0')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

int gidx_cli_parse_double(const char *s, double *out)
{
    return gidx_parse_double(out, s) == GIDX_OK ? 0 : -1;
}

int gidx_cli_emit(const char *cmd, const char *path, const char *text, size_t len)
{
    gidx_status rc;
    if (path == NULL || strcmp(path, "-") == 0) {
        char *shown = NULL;
        size_t n = len;
        /* on a terminal, a document's text from data (names, codes, labels)
         * is escaped like any message; a pipe or a file gets the bytes */
        if (isatty(STDOUT_FILENO) && len <= (SIZE_MAX - 1) / 4 &&
            (shown = malloc(4 * len + 1)) != NULL) {
            n = escape_into(shown, (const unsigned char *)text, len, 1);
            text = shown;
        }
        if (fwrite(text, 1, n, stdout) != n || fflush(stdout) != 0) {
            free(shown);
            fprintf(stderr, "greenidx %s: cannot write to standard output\n", cmd);
            return GIDX_EXIT_IO;
        }
        free(shown);
        return GIDX_EXIT_OK;
    }
    rc = gidx_write_file(path, text, len);
    if (rc != GIDX_OK) {
        gidx_cli_fail(cmd, rc);
        return GIDX_EXIT_IO;
    }
    return GIDX_EXIT_OK;
}

int gidx_cli_emit_file(const char *cmd, FILE *in)
{
    enum { CHUNK = 65536 };
    unsigned char *buf = malloc(CHUNK + 8);
    char *shown = NULL;
    size_t have = 0;
    int code = GIDX_EXIT_OK, tty = isatty(STDOUT_FILENO);
    if (buf == NULL || (tty && (shown = malloc(4 * (CHUNK + 8) + 1)) == NULL))
        code = GIDX_EXIT_INTERNAL;
    /* 64 KiB at a time; escaped, each chunk gives the bytes the whole text
     * escaped at once would give: a UTF-8 sequence cut by the chunk's end
     * waits for the next chunk (escape_into decides at a lead byte from the
     * bytes that follow it, and only there) */
    while (code == GIDX_EXIT_OK) {
        size_t got = fread(buf + have, 1, CHUNK, in), len = have + got, keep = 0, k, n;
        const char *out = (const char *)buf;
        if (len == 0)
            break;
        buf[len] = '\0';   /* at the end, as after a whole text */
        if (tty) {
            for (k = got == 0 ? len : len > 3 ? len - 3 : 0; k < len; k++) {
                unsigned char c = buf[k];
                n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xC2 && c <= 0xDF ? 2 : 0;
                if (n > 0 && k + n > len) {
                    keep = len - k;
                    break;
                }
            }
            n = escape_into(shown, buf, len - keep, 1);
            out = shown;
        } else {
            n = len;
        }
        if (fwrite(out, 1, n, stdout) != n)
            code = GIDX_EXIT_IO;
        memmove(buf, buf + len - keep, keep);
        have = keep;
        if (got == 0)
            break;
    }
    if (code == GIDX_EXIT_OK && ferror(in)) {
        fprintf(stderr, "greenidx %s: cannot read back its temporary file\n", cmd);
        code = GIDX_EXIT_INTERNAL;
    } else if (code == GIDX_EXIT_INTERNAL) {
        fprintf(stderr, "greenidx %s: out of memory\n", cmd);
    }
    if (code == GIDX_EXIT_OK && fflush(stdout) != 0)
        code = GIDX_EXIT_IO;
    if (code == GIDX_EXIT_IO)
        fprintf(stderr, "greenidx %s: cannot write to standard output\n", cmd);
    free(buf);
    free(shown);
    return code;
}

int gidx_cli_add_regions(const char ***list, size_t *n, size_t *cap, char *arg)
{
    char *tok, *save = NULL;
    for (tok = strtok_r(arg, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        if (*tok == '\0')
            continue;
        if (*n == *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            const char **l = realloc((void *)*list, nc * sizeof *l);
            if (l == NULL)
                return -1;
            *list = l;
            *cap = nc;
        }
        (*list)[(*n)++] = tok;
    }
    return 0;
}

int gidx_cli_region_opt(const gidx_cli_command *c, int argc, char **argv, int *i,
                        const char ***list, size_t *n, size_t *cap, int *code)
{
    const char *v;
    int missing;
    if (!gidx_cli_opt(argc, argv, i, "--region", 1, &v, &missing))
        return 0;
    if (missing) {
        *code = gidx_cli_usage_error(c, "--region needs a value");
        return 1;
    }
    if (gidx_cli_add_regions(list, n, cap, (char *)v) != 0) {
        *code = GIDX_EXIT_INTERNAL;
        return 1;
    }
    /* Further plain words belong to --region too: --region 4001 4003 */
    while (*i + 1 < argc && argv[*i + 1][0] != '-')
        if (gidx_cli_add_regions(list, n, cap, argv[++*i]) != 0) {
            *code = GIDX_EXIT_INTERNAL;
            return 1;
        }
    return 1;
}
int gidx_cli_emit_workbook(const char *cmd, const char *path, const gidx_workbook *wb)
{
    char *bytes = NULL;
    size_t n = 0;
    gidx_status rc;
    int code;
    if (path != NULL && strcmp(path, "-") != 0) {
        if ((rc = gidx_workbook_write(wb, path)) != GIDX_OK) {
            gidx_cli_fail(cmd, rc);
            return GIDX_EXIT_IO;
        }
        return GIDX_EXIT_OK;
    }
    if (isatty(STDOUT_FILENO)) {
        fprintf(stderr, "greenidx %s: xlsx is a binary format: give an output file or "
                "directory, or redirect standard output\n", cmd);
        return GIDX_EXIT_USAGE;
    }
    if ((rc = gidx_workbook_render(&bytes, &n, wb)) != GIDX_OK) {
        gidx_cli_fail(cmd, rc);
        return GIDX_EXIT_IO;
    }
    code = gidx_cli_emit(cmd, NULL, bytes, n);
    gidx_free(bytes);
    return code;
}

int gidx_cli_emit_csv_as_xlsx(const char *cmd, const char *path, const char *sheet,
                              const char *csv, size_t len, const char *types,
                              const char *const *units)
{
    gidx_workbook *wb = NULL;
    gidx_status rc;
    int code;
    if ((rc = gidx_workbook_new(&wb)) != GIDX_OK ||
        (rc = gidx_workbook_add_csv(wb, sheet, csv, len, types, units)) != GIDX_OK) {
        gidx_workbook_free(wb);
        return gidx_cli_fail(cmd, rc);
    }
    code = gidx_cli_emit_workbook(cmd, path, wb);
    gidx_workbook_free(wb);
    return code;
}

void gidx_cli_csv_field(FILE *f, const char *s)
{
    char *q = NULL;
    if (gidx_csv_field(&q, s) == GIDX_OK)
        fputs(q, f);
    gidx_free(q);
}

int gidx_cli_mkdir_p(const char *cmd, const char *dir)
{
    char path[4096];
    size_t n = strlen(dir), k;
    struct stat st;
    if (n == 0 || n >= sizeof path) {
        fprintf(stderr, "greenidx %s: %s: bad directory name\n", cmd, dir);
        return -1;
    }
    memcpy(path, dir, n + 1);
    /* each parent in turn, then the directory itself (POSIX mkdir -p) */
    for (k = 1; k <= n; k++) {
        if (path[k] != '/' && path[k] != '\0')
            continue;
        path[k] = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "greenidx %s: cannot create directory %s: %s\n", cmd, path,
                    strerror(errno));
            return -1;
        }
        if (k < n)
            path[k] = '/';
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "greenidx %s: %s is not a directory\n", cmd, dir);
        return -1;
    }
    return 0;
}
