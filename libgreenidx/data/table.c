/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Delimited text tables.
 *
 * Tokenising is done by libcsv (Debian libcsv-dev; RFC 4180: quoted fields,
 * doubled quotes, embedded newlines, CRLF), run in strict mode so that a stray
 * quote is an error rather than silently absorbed. This file adds what
 * Norwegian statistics exports need and libcsv does not do: a size limit,
 * UTF-8 BOM removal, Latin-1 detection and conversion, skipping SSB's title
 * lines, separator detection (`,` `;` TAB), decimal commas, and the physical
 * line of every row so errors can name file:line and the column.
 *
 * The input is fed to libcsv one physical line at a time so that the line
 * number is known whenever a callback fires.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sys/stat.h>

#include <csv.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/table.h>

#define DEFAULT_MAX_BYTES ((size_t)1 << 30)
/* bytes given to libcsv at a time (see the parse loop) */
#define FEED ((size_t)1 << 20)
/* A field of this many bytes or more is a "long field": it keeps libcsv's
 * buffer it was built in (libcsv gets a new one) instead of being copied
 * into the arena, so it is never held twice (issue 19: a 16 MB field was
 * in libcsv's buffer and the arena at once, then in the arena and the
 * dataset's name); a windowed loader may hand it on to the dataset
 * (gidx__table_cell_disown). */
#define LONG_FIELD ((size_t)1 << 16)
/* a cell offset with this bit set is the index of a long field */
#define LONG_BIT ((size_t)1 << (sizeof(size_t) * 8 - 1))

typedef struct long_field {
    char *s;            /* malloc'd, NUL-terminated */
    int owned;          /* 0: handed on (gidx__table_cell_disown), not freed here */
} long_field;

struct gidx_table {
    char *name;
    char sep;
    char decimal;
    size_t ncols;
    size_t nrows;
    char *arena;        /* all cells, NUL-terminated, back to back */
    size_t arena_len;
    size_t arena_cap;
    size_t *cells;      /* (nrows + 1) * ncols offsets into arena; row 0 = header */
    size_t cells_len;   /* entries used */
    size_t cells_cap;   /* entries allocated */
    size_t *lines;      /* physical line of each data row */
    size_t lines_cap;
    gidx__strmap *colindex; /* header name -> column */
    long_field *longs;  /* long fields (cells with LONG_BIT) */
    size_t nlongs, longs_cap;
    size_t head_arena, head_longs; /* arena bytes and long fields of the header */
};

/* The text of cell number @p k (row-major, row 0 the header). */
static const char *cell_text(const gidx_table *t, size_t k)
{
    size_t off = t->cells[k];
    return (off & LONG_BIT) ? t->longs[off & ~LONG_BIT].s : t->arena + off;
}

/* Free the long fields from number @p from on that are still the table's. */
static void longs_drop(gidx_table *t, size_t from)
{
    size_t k;
    for (k = from; k < t->nlongs; k++)
        if (t->longs[k].owned)
            free(t->longs[k].s);
    if (from < t->nlongs)
        t->nlongs = from;
}

/* ---- encoding ---- */

/* Offset of the first byte that is not valid UTF-8, or len when all valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        unsigned long cp;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return i;
        if (i + n >= len)
            return i;
        for (k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

size_t gidx__utf8_invalid_at(const char *s, size_t len)
{
    return utf8_invalid_at((const unsigned char *)s, len);
}

/* Latin-1 -> UTF-8; *out is the caller's. */
static gidx_status latin1_to_utf8(char **out, size_t *outlen, const char *in, size_t len)
{
    size_t i, j = 0;
    char *d = gidx__reallocarray(NULL, len + 1, 2);
    if (d == NULL)
        return GIDX_ENOMEM;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x80) {
            d[j++] = (char)c;
        } else {
            d[j++] = (char)(0xC0 | (c >> 6));
            d[j++] = (char)(0x80 | (c & 0x3F));
        }
    }
    d[j] = '\0';
    *out = d;
    *outlen = j;
    return GIDX_OK;
}

/* Line and column (1-based, in bytes) of offset @p off. */
static void locate(const char *s, size_t off, size_t *line, size_t *col)
{
    size_t i, l = 1, c = 1;
    for (i = 0; i < off; i++) {
        if (s[i] == '\n') { l++; c = 1; } else c++;
    }
    *line = l;
    *col = c;
}

/* ---- SSB symbols ---- */

int gidx__symbol_flag(const char *s)
{
    while (*s == ' ')
        s++;
    if (*s == '\0') return 1; /* GIDX_FLAG_MISSING */
    if (strcmp(s, "NA") == 0 || strcmp(s, ":") == 0 || strcmp(s, "-") == 0 ||
        strcmp(s, "...") == 0)
        return 1;
    if (strcmp(s, "..") == 0) return 2;   /* GIDX_FLAG_CONFIDENTIAL */
    if (strcmp(s, ".") == 0) return 3;    /* GIDX_FLAG_NOT_APPLICABLE */
    return -1;
}

/* ---- building the table ---- */

typedef struct parse_ctx {
    gidx_table *t;
    size_t line;         /* physical line being fed */
    size_t field;        /* fields seen in the current row */
    size_t row_line;     /* line the current row started on */
    size_t header_line;
    int have_header;
    gidx_status rc;
    struct csv_parser *parser; /* whose buffer a long field is taken from */
    /* rows in windows (gidx__table_parse_rows): 0 = keep every row */
    size_t window;
    gidx__table_rows_fn each;
    void *arg;
    size_t total;        /* data rows handed to each */
    int header_checked;
    const char *name;
} parse_ctx;

_Thread_local const gidx__text *gidx__text_current;

static gidx_status header_check(gidx_table *t, const char *name, size_t header_line);

/* Hand the rows held to the window's callback and drop them (the header
 * stays). */
static void window_flush(parse_ctx *ctx)
{
    gidx_table *t = ctx->t;
    if (ctx->rc != GIDX_OK)
        return;
    if (!ctx->header_checked) {
        ctx->header_checked = 1;
        if ((ctx->rc = header_check(t, ctx->name, ctx->header_line)) != GIDX_OK)
            return;
    }
    if (t->nrows == 0)
        return;
    ctx->rc = ctx->each(t, ctx->arg);
    ctx->total += t->nrows;
    t->arena_len = t->head_arena;
    longs_drop(t, t->head_longs);
    t->cells_len = t->ncols;
    t->nrows = 0;
}

static int arena_push(gidx_table *t, const char *s, size_t n, size_t *off)
{
    if (t->arena_len + n + 1 > t->arena_cap) {
        size_t cap = t->arena_cap ? t->arena_cap : 4096;
        char *a;
        while (cap < t->arena_len + n + 1)
            cap *= 2;
        a = gidx__realloc(t->arena, cap);
        if (a == NULL)
            return -1;
        t->arena = a;
        t->arena_cap = cap;
    }
    *off = t->arena_len;
    if (n)
        memcpy(t->arena + t->arena_len, s, n);
    t->arena[t->arena_len + n] = '\0';
    t->arena_len += n + 1;
    return 0;
}

static int cells_push(gidx_table *t, size_t off)
{
    if (t->cells_len == t->cells_cap) {
        size_t cap = t->cells_cap ? t->cells_cap * 2 : 256;
        size_t *c = gidx__reallocarray(t->cells, cap, sizeof *c);
        if (c == NULL)
            return -1;
        t->cells = c;
        t->cells_cap = cap;
    }
    t->cells[t->cells_len++] = off;
    return 0;
}

/* The error for a field over GIDX_CSV_MAX_FIELD: the current line and the
 * column (with its header name once the header is known). */
static void field_too_long(parse_ctx *ctx)
{
    const gidx_table *t = ctx->t;
    const char *col = ctx->have_header && ctx->field < t->ncols ?
                      cell_text(t, ctx->field) : NULL;
    ctx->rc = gidx__error_set(GIDX_ELIMIT, "%s:%zu: column %zu%s%s%s: a field longer than the "
                              "limit of %zu bytes (GIDX_CSV_MAX_FIELD)", t->name, ctx->line,
                              ctx->field + 1, col ? " (\"" : "", col ? col : "",
                              col ? "\")" : "", (size_t)GIDX_CSV_MAX_FIELD);
}

/* Keep field @p s of @p n bytes, which is libcsv's buffer, as a long field:
 * the buffer becomes the table's (cut to its length) and libcsv is given a
 * new one. 0 when done, 1 when it is to be copied as usual (no memory for
 * the small buffer), -1 out of memory. */
static int long_push(parse_ctx *ctx, void *s, size_t n)
{
    gidx_table *t = ctx->t;
    struct csv_parser *p = ctx->parser;
    unsigned char *fresh;
    char *keep;
    if (p == NULL || s != (void *)p->entry_buf)
        return 1;
    if (t->nlongs == t->longs_cap) {
        size_t cap = t->longs_cap ? t->longs_cap * 2 : 8;
        long_field *l = gidx__reallocarray(t->longs, cap, sizeof *l);
        if (l == NULL)
            return -1;
        t->longs = l;
        t->longs_cap = cap;
    }
    /* libcsv writes its next field into p->entry_buf (entry_size bytes, a
     * NUL appended): it must hold a valid buffer when this returns */
    if ((fresh = malloc(p->blk_size ? p->blk_size : 128)) == NULL)
        return 1;
    keep = realloc(s, n + 1);   /* the NUL is there (CSV_APPEND_NULL) */
    if (keep == NULL)
        keep = s;
    p->entry_buf = fresh;
    p->entry_size = p->blk_size ? p->blk_size : 128;
    t->longs[t->nlongs].s = keep;
    t->longs[t->nlongs].owned = 1;
    if (cells_push(t, LONG_BIT | t->nlongs) != 0) {
        free(keep);
        return -1;
    }
    t->nlongs++;
    return 0;
}

static void on_field(void *s, size_t n, void *data)
{
    parse_ctx *ctx = data;
    gidx_table *t = ctx->t;
    size_t off, k, nl = 0;
    if (ctx->rc != GIDX_OK)
        return;
    if (n > GIDX_CSV_MAX_FIELD) {
        field_too_long(ctx);
        return;
    }
    if (ctx->field == 0) {
        for (k = 0; k < n; k++)
            if (((const char *)s)[k] == '\n')
                nl++;
        ctx->row_line = ctx->line - nl;
    }
    if (s != NULL && n >= LONG_FIELD) {
        int r = long_push(ctx, s, n);
        if (r < 0) {
            ctx->rc = GIDX_ENOMEM;
            return;
        }
        if (r == 0) {
            ctx->field++;
            return;
        }
    }
    if (arena_push(t, s ? s : "", s ? n : 0, &off) != 0 || cells_push(t, off) != 0) {
        ctx->rc = GIDX_ENOMEM;
        return;
    }
    ctx->field++;
}

static void on_row(int c, void *data)
{
    parse_ctx *ctx = data;
    gidx_table *t = ctx->t;
    (void)c;
    if (ctx->rc != GIDX_OK)
        return;
    if (ctx->field == 0)
        return; /* blank line */
    if (!ctx->have_header) {
        t->ncols = ctx->field;
        t->head_arena = t->arena_len;
        t->head_longs = t->nlongs;
        ctx->have_header = 1;
        ctx->header_line = ctx->row_line;
    } else if (ctx->field != t->ncols) {
        ctx->rc = gidx__error_set(GIDX_EPARSE,
            "%s:%zu: row has %zu fields but the header (line %zu) has %zu",
            t->name, ctx->row_line, ctx->field, ctx->header_line, t->ncols);
        return;
    } else {
        if (t->nrows == t->lines_cap) {
            size_t cap = t->lines_cap ? t->lines_cap * 2 : 256;
            size_t *l = gidx__reallocarray(t->lines, cap, sizeof *l);
            if (l == NULL) {
                ctx->rc = GIDX_ENOMEM;
                return;
            }
            t->lines = l;
            t->lines_cap = cap;
        }
        t->lines[t->nrows++] = ctx->row_line;
        if (ctx->window != 0 && t->nrows == ctx->window)
            window_flush(ctx);
    }
    ctx->field = 0;
}

/* libcsv grows its field buffer by a fixed block (128 bytes) per step, so a
 * field of n bytes costs n / 128 reallocations, each possibly a copy: give
 * it room to grow geometrically (1.5x), keeping one long field linear. */
static void *csv_grow(void *p, size_t n)
{
    void *q;
    if (p != NULL && n <= malloc_usable_size(p))
        return p;
    if (n > 4096 && n < SIZE_MAX / 3 && (q = realloc(p, n + n / 2)) != NULL)
        return q;
    return realloc(p, n);
}

static int is_space_char(unsigned char c)
{
    return c == ' ' ? 1 : 0;
}

static int is_term_char(unsigned char c)
{
    return (c == '\n' || c == '\r') ? 1 : 0;
}

/* Separator of the header line: the most frequent of , ; TAB outside quotes. */
static char detect_sep(const char *s, size_t len)
{
    size_t i, nc = 0, ns = 0, nt = 0;
    int inq = 0;
    for (i = 0; i < len && (inq || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"') inq = !inq;
        else if (!inq && s[i] == ',') nc++;
        else if (!inq && s[i] == ';') ns++;
        else if (!inq && s[i] == '\t') nt++;
    }
    if (ns > nc && ns >= nt) return ';';
    if (nt > nc && nt > ns) return '\t';
    return ',';
}

/* Bytes [0, p) of the text @p s are passed: give back their pages when @p s
 * is the mapped file being loaded (gidx__text_current). */
static void text_passed(const char *s, const char *p)
{
    const gidx__text *cur = gidx__text_current;
    uintptr_t at = (uintptr_t)s, b;
    if (cur == NULL)
        return;
    b = (uintptr_t)cur->data;
    if (at >= b && at <= b + cur->len)   /* s is in the mapped text */
        gidx__text_release(cur, (size_t)((uintptr_t)p - b));
}

/* The first NUL byte (*nul) and the first byte that is not UTF-8 (*bad) of
 * @p s, each n when there is none, read 4 MiB at a time, each piece ending
 * on a character boundary, its pages given back when s is a mapped file
 * (the whole file was resident for these passes before). */
static void scan_text(const char *s, size_t n, size_t *nul, size_t *bad)
{
    size_t pos = 0;
    *nul = *bad = n;
    while (pos < n) {
        size_t end = n - pos > ((size_t)4 << 20) ? pos + ((size_t)4 << 20) : n, k;
        const char *z;
        /* back to the start of a character (at most 3 continuation bytes) */
        for (k = 0; k < 3 && end < n && end > pos + 1 && (s[end] & 0xC0) == 0x80; k++)
            end--;
        if (*nul == n && (z = memchr(s + pos, '\0', end - pos)) != NULL)
            *nul = (size_t)(z - s);
        if (*bad == n) {
            k = utf8_invalid_at((const unsigned char *)s + pos, end - pos);
            if (k < end - pos)
                *bad = pos + k;
        }
        text_passed(s, s + end);
        if (*nul < n && *bad < n)
            break;
        pos = end;
    }
}

static gidx_status parse_impl(gidx_table **out, const char *buf, size_t len,
                              const char *name, const gidx_csv_options *opt, parse_ctx *wctx)
{
    gidx_csv_options o = GIDX_CSV_OPTIONS_INIT;
    gidx_table *t = NULL;
    char *conv = NULL;
    const char *s;
    size_t slen, pos, skipped, bad, max_bytes, released = 0;
    int line_start;
    struct csv_parser p;
    parse_ctx ctx;
    int parser_ready = 0;
    gidx_status rc = GIDX_OK;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_parse_csv: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_parse_csv: buf is NULL");
    if (name == NULL)
        name = "<memory>";
    if (opt != NULL) {
        if (opt->version != 1)
            return gidx__error_set(GIDX_EINVAL, "%s: gidx_csv_options.version must be 1", name);
        o = *opt;
    }
    if (o.encoding < GIDX_ENCODING_AUTO || o.encoding > GIDX_ENCODING_LATIN1)
        return gidx__error_set(GIDX_EINVAL, "%s: unknown encoding %d", name, o.encoding);
    if (o.sep == '"' || o.sep == '\n' || o.sep == '\r' || o.decimal == '"')
        return gidx__error_set(GIDX_EINVAL, "%s: invalid separator or decimal mark", name);
    max_bytes = o.max_bytes ? o.max_bytes : DEFAULT_MAX_BYTES;
    if (len > max_bytes)
        return gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes exceed the limit of %zu bytes",
                               name, len, max_bytes);

    s = buf ? buf : "";
    slen = len;
    if (slen >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        slen -= 3;
    }
    {
        size_t nul;
        scan_text(s, slen, &nul, &bad);
        if (nul < slen) {
            size_t line, col;
            locate(s, nul, &line, &col);
            return gidx__error_set(GIDX_EENCODING, "%s:%zu:%zu: NUL byte in text input",
                                   name, line, col);
        }
    }
    if (o.encoding == GIDX_ENCODING_LATIN1) {
        if (latin1_to_utf8(&conv, &slen, s, slen) != GIDX_OK)
            return GIDX_ENOMEM;
        s = conv;
    } else {
        if (bad < slen) {
            if (o.encoding == GIDX_ENCODING_UTF8) {
                size_t line, col;
                locate(s, bad, &line, &col);
                return gidx__error_set(GIDX_EENCODING,
                    "%s:%zu:%zu: invalid UTF-8 byte 0x%02X (is the file Latin-1?)",
                    name, line, col, (unsigned)(unsigned char)s[bad]);
            }
            if (latin1_to_utf8(&conv, &slen, s, slen) != GIDX_OK)
                return GIDX_ENOMEM;
            s = conv;
        }
    }

    t = gidx__calloc(1, sizeof *t);
    if (t == NULL) {
        free(conv);
        return GIDX_ENOMEM;
    }
    t->name = gidx__strdup(name);
    if (t->name == NULL) {
        rc = GIDX_ENOMEM;
        goto fail;
    }

    /* Skip title lines. */
    pos = 0;
    for (skipped = 0; skipped < o.skip_lines && pos < slen; skipped++) {
        const char *nl = memchr(s + pos, '\n', slen - pos);
        pos = nl ? (size_t)(nl - s) + 1 : slen;
    }
    memset(&ctx, 0, sizeof ctx);
    if (wctx != NULL) {
        ctx.window = wctx->window;
        ctx.each = wctx->each;
        ctx.arg = wctx->arg;
    }
    ctx.name = name;
    ctx.t = t;
    ctx.parser = &p;
    ctx.line = o.skip_lines;
    {
        /* Skip leading blank lines so the header line decides the separator. */
        size_t q = pos;
        while (q < slen && (s[q] == '\n' || s[q] == '\r' || s[q] == ' '))
            q++;
        t->sep = o.sep ? o.sep : detect_sep(s + q, slen - q);
    }
    t->decimal = o.decimal ? o.decimal : (t->sep == ';' ? ',' : '.');

    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        rc = gidx__error_set(GIDX_ENOMEM, "%s: cannot initialise the CSV parser", name);
        goto fail;
    }
    parser_ready = 1;
    csv_set_delim(&p, (unsigned char)t->sep);
    csv_set_space_func(&p, is_space_char);
    csv_set_term_func(&p, is_term_char);
    csv_set_realloc_func(&p, csv_grow);

    /* The text goes to libcsv in pieces of at most FEED bytes, each ending at
     * a line end when there is one within FEED bytes (the end of a line is
     * looked for only that far: a line of 200 MB is not read ahead, so the
     * pages of a mapped file are given back as it is fed), and the field
     * being built is checked after each: a field longer than
     * GIDX_CSV_MAX_FIELD is refused when it passes the limit, before
     * libcsv's buffer (and then the arena) hold a copy of all of it. */
    line_start = 1;
    while (pos < slen && ctx.rc == GIDX_OK) {
        size_t n = slen - pos < FEED ? slen - pos : FEED;
        const char *nl = memchr(s + pos, '\n', n);
        if (nl != NULL)
            n = (size_t)(nl - (s + pos)) + 1;
        if (line_start)
            ctx.line++;
        line_start = nl != NULL;
        if (csv_parse(&p, s + pos, n, on_field, on_row, &ctx) != n) {
            if (ctx.rc == GIDX_OK)
                ctx.rc = gidx__error_set(GIDX_EPARSE, "%s:%zu: %s (unbalanced or stray quote)",
                                         name, ctx.line, csv_strerror(csv_error(&p)));
            break;
        }
        pos += n;
        if (ctx.rc != GIDX_OK)
            break;
        if (pos - released >= ((size_t)4 << 20)) {
            text_passed(s, s + pos);
            released = pos;
        }
        if (p.entry_pos > GIDX_CSV_MAX_FIELD) {
            field_too_long(&ctx);
            break;
        }
    }
    if (ctx.rc == GIDX_OK && csv_fini(&p, on_field, on_row, &ctx) != 0 && ctx.rc == GIDX_OK)
        ctx.rc = gidx__error_set(GIDX_EPARSE, "%s:%zu: quoted field not closed at end of file",
                                 name, ctx.row_line ? ctx.row_line : ctx.line);
    /* libcsv's field buffer is not needed any more: free it before the last
     * window goes to the loader (it is as long as the longest field) */
    csv_free(&p);
    parser_ready = 0;
    ctx.parser = NULL;
    rc = ctx.rc;
    if (rc == GIDX_ENOMEM && gidx__error_code() != GIDX_ENOMEM)
        gidx__error_set(GIDX_ENOMEM, "%s: out of memory", name);
    if (rc != GIDX_OK)
        goto fail;
    if (!ctx.have_header) {
        rc = gidx__error_set(GIDX_EDATA, "%s: empty file (no header line)", name);
        goto fail;
    }
    if (ctx.window == 0 || !ctx.header_checked)
        rc = header_check(t, name, ctx.header_line);
    ctx.header_checked = 1;
    if (rc == GIDX_OK && ctx.window != 0) {
        window_flush(&ctx);
        rc = ctx.rc;
        wctx->total = ctx.total;
    }
    if (rc != GIDX_OK)
        goto fail;
    if (ctx.window != 0) {
        gidx_table_free(t);
        t = NULL;
    }
    free(conv);
    *out = t;
    return GIDX_OK;

fail:
    if (parser_ready)
        csv_free(&p);
    free(conv);
    gidx_table_free(t);
    return rc;
}

/* Reject empty or duplicate column names; index the names. They go
 * through a hash map: linear in the number of columns (a pairwise check
 * took 79 s for 10^5 columns, issue 19). */
static gidx_status header_check(gidx_table *t, const char *name, size_t header_line)
{
    size_t j, k;
    gidx__strmap *seen = t->colindex = gidx__strmap_new();
    if (seen == NULL)
        return GIDX_ENOMEM;
    for (j = 0; j < t->ncols; j++) {
        const char *a = cell_text(t, j);
        if (a[0] == '\0')
            return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu has an empty header",
                                   name, header_line, j + 1);
        if (gidx__strmap_get(seen, a, &k))
            return gidx__error_set(GIDX_EDUPLICATE,
                "%s:%zu: columns %zu and %zu are both named \"%s\"",
                name, header_line, k + 1, j + 1, a);
        if (gidx__strmap_put(seen, a, j) != GIDX_OK)
            return GIDX_ENOMEM;
    }
    return GIDX_OK;
}

gidx_status gidx_table_parse_csv(gidx_table **out, const char *buf, size_t len,
                                 const char *name, const gidx_csv_options *opt)
{
    return parse_impl(out, buf, len, name, opt, NULL);
}

gidx_status gidx__table_parse_rows(const char *buf, size_t len, const char *name,
                                   const gidx_csv_options *opt, size_t window,
                                   gidx__table_rows_fn each, void *arg, size_t *nrows)
{
    gidx_table *t = NULL;
    parse_ctx w;
    gidx_status rc;
    memset(&w, 0, sizeof w);
    w.window = window ? window : 1;
    w.each = each;
    w.arg = arg;
    rc = parse_impl(&t, buf, len, name, opt, &w);
    gidx_table_free(t);
    if (nrows != NULL)
        *nrows = w.total;
    return rc;
}

/*
 * Before a regular file larger than GIDX_CSV_MAX_FIELD is read into memory,
 * one streaming pass (64 KiB at a time) looks for a run of more than
 * GIDX_CSV_MAX_FIELD bytes holding no separator (`,` `;` TAB or the chosen
 * one) and no line end. No field boundary can fall inside such a run, so its
 * field is over the limit whatever the quoting: the file is refused unread,
 * naming file:line:column (bytes) where the run starts. A long quoted field
 * holding separators is caught by the parser's own check instead.
 */
gidx_status gidx__csv_field_scan(const char *path, const gidx_csv_options *opt,
                                 size_t max_bytes)
{
    char buf[65536];
    struct stat st;
    gidx_status rc = GIDX_OK;
    size_t got, i, line = 1, col = 0, run = 0, run_line = 1, run_col = 1;
    size_t skip = opt ? opt->skip_lines : 0;
    char sep = opt ? opt->sep : 0;
    FILE *f;
    /* only a regular file is scanned: opening a FIFO here would take its
     * first byte from the read that follows (gidx__file_open_read) */
    if (stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
        return GIDX_OK;
    if ((f = gidx__file_open_read(path, max_bytes, &rc)) == NULL)
        return rc;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
        (size_t)st.st_size <= GIDX_CSV_MAX_FIELD) {
        fclose(f);
        return GIDX_OK;
    }
    while (rc == GIDX_OK && (got = fread(buf, 1, sizeof buf, f)) > 0) {
        for (i = 0; i < got; i++) {
            char c = buf[i];
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                run = 0;
                if (skip > 0)
                    skip--;
            } else if (c == ',' || c == ';' || c == '\t' || c == '\r' || (sep && c == sep)) {
                run = 0;
            } else if (skip == 0) {
                if (run++ == 0) {
                    run_line = line;
                    run_col = col;
                }
                if (run > GIDX_CSV_MAX_FIELD) {
                    rc = gidx__error_set(GIDX_ELIMIT, "%s:%zu:%zu: a field longer than the limit "
                                         "of %zu bytes (GIDX_CSV_MAX_FIELD); the file was not "
                                         "loaded", path, run_line, run_col,
                                         (size_t)GIDX_CSV_MAX_FIELD);
                    break;
                }
            }
        }
    }
    fclose(f);
    return rc;
}

gidx_status gidx_table_read_csv(gidx_table **out, const char *path,
                                const gidx_csv_options *opt)
{
    gidx__text text;
    gidx_status rc;
    size_t max_bytes = (opt && opt->max_bytes) ? opt->max_bytes : DEFAULT_MAX_BYTES;

    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_read_csv: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_read_csv: path is NULL");
    if ((rc = gidx__csv_field_scan(path, opt, max_bytes)) != GIDX_OK)
        return rc;
    /* mapped, not read: the parser gives back the pages it has passed */
    if ((rc = gidx__text_open(&text, path, max_bytes)) != GIDX_OK)
        return rc;
    gidx__text_current = &text;
    rc = gidx_table_parse_csv(out, text.data, text.len, path, opt);
    gidx__text_current = NULL;
    gidx__text_close(&text);
    return rc;
}

gidx_status gidx__read_file(char **data, size_t *len, const char *path, size_t max_bytes)
{
    FILE *f;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    *data = NULL;
    *len = 0;
    {
        /* sizes before reading: a 2 GB file or /dev/zero is refused unread */
        gidx_status rc;
        struct stat st;
        if ((f = gidx__file_open_read(path, max_bytes, &rc)) == NULL)
            return rc;
        /* a regular file is read into one buffer of its size (doubling from
         * 64 KiB left up to half the buffer unused: 256 MiB for 200 MB) */
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            cap = (size_t)st.st_size + 65536;
            if ((buf = gidx__malloc(cap + 1)) == NULL) {
                fclose(f);
                return GIDX_ENOMEM;
            }
        }
    }
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *b = gidx__realloc(buf, ncap + 1);
            if (b == NULL) {
                free(buf);
                fclose(f);
                return GIDX_ENOMEM;
            }
            buf = b;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > max_bytes) {
            free(buf);
            fclose(f);
            return gidx__error_set(GIDX_ELIMIT, "%s: larger than the limit of %zu bytes",
                                   path, max_bytes);
        }
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return gidx__error_set(GIDX_EIO, "%s: read error", path);
    }
    fclose(f);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return GIDX_OK;
}

gidx_status gidx__text_open(gidx__text *t, const char *path, size_t max_bytes)
{
    gidx_status rc;
    struct stat st;
    long page = sysconf(_SC_PAGESIZE);
    FILE *f;
    memset(t, 0, sizeof *t);
    /* a FIFO or pipe is read once, by gidx__read_file below (an open here
     * would take its first byte) */
    if (stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
        f = NULL;
    else if ((f = gidx__file_open_read(path, max_bytes, &rc)) == NULL)
        return rc;
    /* only a file of the user's own: another user could truncate a mapped
     * file while it is parsed, which ends the process with SIGBUS (the
     * threat model's shared directories, docs/reliability.md §7) */
    if (f != NULL && page > 0 && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size <= max_bytes && st.st_uid == geteuid()) {
        /* the file's pages, then at least one zero page (the text ends in a
         * NUL as a read one does): an anonymous mapping with the file mapped
         * over its start */
        size_t len = (size_t)st.st_size, maplen = (len / (size_t)page + 1) * (size_t)page;
        void *m = mmap(NULL, maplen, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m != MAP_FAILED &&
            mmap(m, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fileno(f), 0) != MAP_FAILED) {
            fclose(f);
            t->data = m;
            t->len = len;
            t->map = m;
            t->maplen = maplen;
            return GIDX_OK;
        }
        if (m != MAP_FAILED)
            munmap(m, maplen);
    }
    if (f != NULL)
        fclose(f);
    if ((rc = gidx__read_file(&t->heap, &t->len, path, max_bytes)) != GIDX_OK) {
        /* neither mapped nor read for want of memory: the input is too large
         * for the memory there is (a data limit, exit 2), said with its name */
        if (rc == GIDX_ENOMEM) {
            char why[200];
            snprintf(why, sizeof why, "%s", gidx_error_last()->message);
            rc = gidx__error_set(GIDX_ELIMIT, "%s: the file could not be mapped or read (out of "
                                 "memory%s%s)", path, why[0] ? ": " : "", why);
        }
        return rc;
    }
    t->data = t->heap;
    return GIDX_OK;
}

void gidx__text_release(const gidx__text *t, size_t upto)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t n;
    if (t == NULL || t->map == NULL || page <= 0)
        return;
    if (upto > t->len)
        upto = t->len;
    n = upto / (size_t)page * (size_t)page;
    if (n > 0)
        (void)madvise(t->map, n, MADV_DONTNEED);
}

void gidx__text_close(gidx__text *t)
{
    if (t->map != NULL)
        munmap(t->map, t->maplen);
    free(t->heap);
    memset(t, 0, sizeof *t);
}

void gidx_table_free(gidx_table *t)
{
    if (t == NULL)
        return;
    free(t->name);
    longs_drop(t, 0);
    free(t->longs);
    free(t->arena);
    free(t->cells);
    free(t->lines);
    gidx__strmap_free(t->colindex);
    free(t);
}

size_t gidx_table_nrows(const gidx_table *t) { return t ? t->nrows : 0; }
size_t gidx_table_ncols(const gidx_table *t) { return t ? t->ncols : 0; }
const char *gidx_table_name(const gidx_table *t) { return t ? t->name : ""; }
char gidx_table_separator(const gidx_table *t) { return t ? t->sep : 0; }
char gidx_table_decimal(const gidx_table *t) { return t ? t->decimal : 0; }

const char *gidx_table_colname(const gidx_table *t, size_t j)
{
    if (t == NULL || j >= t->ncols)
        return NULL;
    return cell_text(t, j);
}

gidx_status gidx_table_find_column(size_t *j, const gidx_table *t, const char *name)
{
    size_t k;
    if (j == NULL || t == NULL || name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_find_column: NULL argument");
    if (t->colindex != NULL && gidx__strmap_get(t->colindex, name, &k)) {
        *j = k;
        return GIDX_OK;
    }
    return gidx__error_set(GIDX_ENOTFOUND, "%s: no column named \"%s\"", t->name, name);
}

const char *gidx_table_cell(const gidx_table *t, size_t i, size_t j)
{
    if (t == NULL || i >= t->nrows || j >= t->ncols)
        return NULL;
    return cell_text(t, (i + 1) * t->ncols + j);
}

int gidx__table_cell_owned(const gidx_table *t, size_t i, size_t j)
{
    size_t off;
    if (t == NULL || i >= t->nrows || j >= t->ncols)
        return 0;
    off = t->cells[(i + 1) * t->ncols + j];
    return (off & LONG_BIT) && t->longs[off & ~LONG_BIT].owned;
}

void gidx__table_cell_disown(const gidx_table *t, size_t i, size_t j)
{
    if (gidx__table_cell_owned(t, i, j))
        t->longs[t->cells[(i + 1) * t->ncols + j] & ~LONG_BIT].owned = 0;
}

size_t gidx_table_line(const gidx_table *t, size_t i)
{
    if (t == NULL || i >= t->nrows)
        return 0;
    return t->lines[i];
}

/*
 * Parse @p s with decimal mark @p dec: spaces (ASCII, U+00A0, U+202F) are
 * allowed around and inside the digits as thousands separators.
 */
static gidx_status parse_number(double *v, const char *s, char dec)
{
    char tmp[128];
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    char *end;
    double x;
    while (*p) {
        if (*p == ' ' || *p == '\t') { p++; continue; }
        if (p[0] == 0xC2 && p[1] == 0xA0) { p += 2; continue; }
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) { p += 3; continue; }
        if (n + 1 >= sizeof tmp)
            return GIDX_EDATA;
        if (*p == (unsigned char)dec) tmp[n++] = '.';
        else if (*p == '.' && dec != '.') return GIDX_EDATA;
        else if (*p == '-' || *p == '+' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9'))
            tmp[n++] = (char)*p;
        else if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) { /* U+2212 minus */
            tmp[n++] = '-';
            p += 3;
            continue;
        } else
            return GIDX_EDATA;
        p++;
    }
    tmp[n] = '\0';
    if (n == 0)
        return GIDX_EDATA;
    errno = 0;
    x = gidx__strtod(tmp, &end);
    if (*end != '\0' || end == tmp)
        return GIDX_EDATA;
    /* ERANGE with a finite result is underflow (4.9e-324 is a subnormal, a
     * finite double): keep the value; only overflow to infinity is refused */
    if (!gidx__isfinite(x))
        return GIDX_ERANGE;
    *v = x;
    return GIDX_OK;
}

gidx_status gidx_parse_double(double *value, const char *s)
{
    gidx_status rc;
    if (value == NULL || s == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_parse_double: NULL argument");
    rc = parse_number(value, s, '.');
    if (rc == GIDX_ERANGE)
        return gidx__error_set(GIDX_EDATA, "\"%s\" is out of the range of a double", s);
    if (rc != GIDX_OK)
        return gidx__error_set(GIDX_EDATA, "\"%s\" is not a number", s);
    return GIDX_OK;
}

gidx_status gidx_table_cell_double(double *value, const gidx_table *t, size_t i, size_t j)
{
    const char *c;
    gidx_status rc;
    if (value == NULL || t == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_cell_double: NULL argument");
    c = gidx_table_cell(t, i, j);
    if (c == NULL)
        return gidx__error_set(GIDX_EINVAL, "%s: cell (%zu, %zu) out of range", t->name, i, j);
    if (gidx__symbol_flag(c) >= 0) {
        *value = gidx__nan();
        return GIDX_OK;
    }
    rc = parse_number(value, c, t->decimal);
    if (rc == GIDX_ERANGE)
        return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): \"%s\" is not a finite number",
                               t->name, t->lines[i], j + 1, gidx_table_colname(t, j), c);
    if (rc != GIDX_OK)
        return gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu (\"%s\"): \"%s\" is not a number%s",
                               t->name, t->lines[i], j + 1, gidx_table_colname(t, j), c,
                               (t->decimal == ',' && strchr(c, '.')) ?
                               " (the decimal mark of this file is ',')" : "");
    return GIDX_OK;
}

gidx_status gidx_table_column_double(double *out, size_t cap, const gidx_table *t, size_t j)
{
    size_t i;
    if (out == NULL || t == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_table_column_double: NULL argument");
    if (j >= t->ncols)
        return gidx__error_set(GIDX_EINVAL, "%s: column %zu out of range", t->name, j);
    if (cap < t->nrows)
        return gidx__error_set(GIDX_EBUFS, "gidx_table_column_double: need %zu values, have %zu",
                               t->nrows, cap);
    for (i = 0; i < t->nrows; i++) {
        gidx_status rc = gidx_table_cell_double(&out[i], t, i, j);
        if (rc != GIDX_OK)
            return rc;
    }
    return GIDX_OK;
}
