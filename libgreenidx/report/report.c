/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The report document: sections of paragraphs, tables and charts, with three
 * renderings of the same content (text, JSON through jansson, self-contained
 * HTML with inline SVG). Blocks copy their data, so the caller's arrays need
 * not outlive the add call.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/internal.h"
#include "report_internal.h"

enum blk_kind { BLK_TEXT, BLK_TABLE, BLK_FAN, BLK_RANKING, BLK_HEATMAP, BLK_BARS, BLK_WATERFALL,
                BLK_LINK };

typedef struct block {
    enum blk_kind kind;
    char *title;            /* caption / chart title */
    char *text;             /* BLK_TEXT, BLK_LINK; fan chart unit */
    char *href;             /* BLK_LINK */
    size_t nrows, ncols;
    char **strs;            /* table: header + cells; ranking: labels; heatmap: rows + cols;
                               waterfall: n step labels, start label, end label */
    double *num;            /* ranking: score, rank, lo, hi (4n); heatmap: values;
                               waterfall: start, n steps;
                               typed table: nrows x ncols values (NaN = text or missing) */
    int *ints;              /* heatmap: directions; typed table: column types */
    int has_interval;       /* ranking */
    /* fan chart: owned copies */
    gidx_fan_chart fan;
    int *fan_years;         /* obs_years | fc_years | target_years */
    double *fan_vals;       /* obs | fc_mean | levels | lo | hi | target */
} block;

typedef struct section {
    char *id;
    char *title;
    block *blocks;
    size_t n, cap;
} section;

struct gidx_report {
    int lang;               /* GIDX__LANG_* of the renderers' fixed text and numbers */
    char *title;
    section *sections;
    size_t n, cap;
};

static void block_free(block *b)
{
    size_t i, ns = 0;
    free(b->title);
    free(b->text);
    free(b->href);
    if (b->strs != NULL) {
        switch (b->kind) {
        case BLK_TABLE: ns = (b->nrows + 1) * b->ncols; break;
        case BLK_RANKING: ns = b->nrows; break;
        case BLK_HEATMAP: ns = b->nrows + b->ncols; break;
        case BLK_BARS: ns = b->nrows + b->ncols; break;
        case BLK_WATERFALL: ns = b->nrows + 2; break;
        default: ns = 0;
        }
        for (i = 0; i < ns; i++)
            free(b->strs[i]);
        free(b->strs);
    }
    free(b->num);
    free(b->ints);
    free(b->fan_years);
    free(b->fan_vals);
}

gidx_status gidx_report_new(gidx_report **out, const char *title)
{
    gidx_report *r;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_new: out is NULL");
    *out = NULL;
    if (title == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_new: title is NULL");
    r = gidx__calloc(1, sizeof *r);
    if (r == NULL)
        return GIDX_ENOMEM;
    r->title = gidx__strdup(title);
    if (r->title == NULL) {
        free(r);
        return GIDX_ENOMEM;
    }
    *out = r;
    return GIDX_OK;
}

gidx_status gidx_report_set_lang(gidx_report *r, const char *lang)
{
    int l;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_set_lang: report is NULL");
    if ((l = gidx__lang_parse(lang)) < 0)
        return gidx__error_set(GIDX_EINVAL, "report language \"%s\": use \"en\" (English) or "
                               "\"nb\" (Norwegian bokmål)", lang);
    r->lang = l;
    return GIDX_OK;
}

const char *gidx_report_lang(const gidx_report *r)
{
    return gidx__lang_code(r ? r->lang : GIDX__LANG_EN);
}

void gidx_report_free(gidx_report *r)
{
    size_t i, j;
    if (r == NULL)
        return;
    for (i = 0; i < r->n; i++) {
        for (j = 0; j < r->sections[i].n; j++)
            block_free(&r->sections[i].blocks[j]);
        free(r->sections[i].blocks);
        free(r->sections[i].id);
        free(r->sections[i].title);
    }
    free(r->sections);
    free(r->title);
    free(r);
}

static int valid_id(const char *id)
{
    const char *p;
    if (id == NULL || *id == '\0')
        return 0;
    for (p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            return 0;
    return 1;
}

gidx_status gidx_report_add_section(gidx_report *r, const char *id, const char *title)
{
    section *s;
    size_t i;
    if (r == NULL || title == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_section: NULL argument");
    if (!valid_id(id))
        return gidx__error_set(GIDX_EINVAL, "report section id \"%s\": use letters, digits, '-' and '_'",
                               id ? id : "(null)");
    for (i = 0; i < r->n; i++)
        if (strcmp(r->sections[i].id, id) == 0)
            return gidx__error_set(GIDX_EDUPLICATE, "report section id \"%s\" is already used", id);
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        section *ns = gidx__reallocarray(r->sections, cap, sizeof *ns);
        if (ns == NULL)
            return GIDX_ENOMEM;
        r->sections = ns;
        r->cap = cap;
    }
    s = &r->sections[r->n];
    memset(s, 0, sizeof *s);
    s->id = gidx__strdup(id);
    s->title = gidx__strdup(title);
    if (s->id == NULL || s->title == NULL) {
        free(s->id);
        free(s->title);
        return GIDX_ENOMEM;
    }
    r->n++;
    return GIDX_OK;
}

/* A new zeroed block at the end of the current section. */
static block *new_block(gidx_report *r, enum blk_kind kind)
{
    section *s;
    if (r->n == 0 && gidx_report_add_section(r, "main", r->title) != GIDX_OK)
        return NULL;
    s = &r->sections[r->n - 1];
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        block *nb = gidx__reallocarray(s->blocks, cap, sizeof *nb);
        if (nb == NULL)
            return NULL;
        s->blocks = nb;
        s->cap = cap;
    }
    memset(&s->blocks[s->n], 0, sizeof(block));
    s->blocks[s->n].kind = kind;
    return &s->blocks[s->n];
}

/* Commit the block new_block() returned (or free it on failure). */
static gidx_status end_block(gidx_report *r, block *b, int ok)
{
    if (!ok) {
        block_free(b);
        return gidx__error_code() == GIDX_OK ? GIDX_ENOMEM : gidx__error_code();
    }
    r->sections[r->n - 1].n++;
    return GIDX_OK;
}

static char *dup_or_empty(const char *s, int *ok)
{
    char *d = gidx__strdup(s ? s : "");
    if (d == NULL)
        *ok = 0;
    return d;
}

gidx_status gidx_report_add_text(gidx_report *r, const char *text)
{
    block *b;
    int ok = 1;
    if (r == NULL || text == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_text: NULL argument");
    if ((b = new_block(r, BLK_TEXT)) == NULL)
        return GIDX_ENOMEM;
    b->text = dup_or_empty(text, &ok);
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_table(gidx_report *r, const char *caption, size_t nrows,
                                  size_t ncols, const char *const *header,
                                  const char *const *cells)
{
    block *b;
    size_t i;
    int ok = 1;
    if (r == NULL || header == NULL || ncols == 0 || (nrows > 0 && cells == NULL))
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_table: NULL argument or no columns");
    if ((b = new_block(r, BLK_TABLE)) == NULL)
        return GIDX_ENOMEM;
    b->nrows = nrows;
    b->ncols = ncols;
    b->title = caption ? dup_or_empty(caption, &ok) : NULL;
    b->strs = gidx__calloc((nrows + 1) * ncols, sizeof *b->strs);
    if (b->strs == NULL)
        ok = 0;
    for (i = 0; ok && i < ncols; i++)
        b->strs[i] = dup_or_empty(header[i], &ok);
    for (i = 0; ok && i < nrows * ncols; i++)
        b->strs[ncols + i] = dup_or_empty(cells[i], &ok);
    return end_block(r, b, ok);
}

gidx_status gidx__report_add_table_typed(gidx_report *r, const char *caption, size_t nrows,
                                         size_t ncols, const char *const *header,
                                         const int *types, const char *const *cells)
{
    gidx_status rc = gidx_report_add_table(r, caption, nrows, ncols, header, cells);
    block *b;
    size_t i, j;
    if (rc != GIDX_OK || types == NULL)
        return rc;
    b = &r->sections[r->n - 1].blocks[r->sections[r->n - 1].n - 1];
    b->ints = gidx__calloc(ncols, sizeof *b->ints);
    b->num = gidx__calloc(nrows * ncols + 1, sizeof *b->num);
    if (b->ints == NULL || b->num == NULL) {
        free(b->ints);
        free(b->num);
        b->ints = NULL;
        b->num = NULL;
        return gidx__error_set(GIDX_ENOMEM, "out of memory adding a table");
    }
    memcpy(b->ints, types, ncols * sizeof *types);
    for (i = 0; i < nrows; i++)
        for (j = 0; j < ncols; j++) {
            const char *c = b->strs[(i + 1) * ncols + j];
            char *end;
            double v = NAN;
            if (types[j] != GIDX_CELL_TEXT && c[0] != '\0') {
                v = gidx__strtod(c, &end);
                if (*end != '\0')
                    v = NAN;
            }
            b->num[i * ncols + j] = v;
        }
    return GIDX_OK;
}

gidx_status gidx_report_add_link(gidx_report *r, const char *text, const char *href)
{
    block *b;
    int ok = 1;
    if (r == NULL || text == NULL || href == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_link: NULL argument");
    if ((b = new_block(r, BLK_LINK)) == NULL)
        return GIDX_ENOMEM;
    b->text = dup_or_empty(text, &ok);
    b->href = dup_or_empty(href, &ok);
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_fan_chart(gidx_report *r, const gidx_fan_chart *c)
{
    block *b;
    gidx_status rc;
    size_t ny, nv, L, F;
    int ok = 1;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_fan_chart: report is NULL");
    if ((rc = gidx__fan_chart_check(c)) != GIDX_OK)
        return rc;
    if ((b = new_block(r, BLK_FAN)) == NULL)
        return GIDX_ENOMEM;
    L = c->n_levels;
    F = c->n_fc;
    ny = c->n_obs + F + c->n_target;
    nv = c->n_obs + F + L + 2 * L * F + c->n_target;
    b->title = c->title ? dup_or_empty(c->title, &ok) : NULL;
    b->text = c->unit ? dup_or_empty(c->unit, &ok) : NULL;
    b->fan_years = gidx__calloc(ny ? ny : 1, sizeof *b->fan_years);
    b->fan_vals = gidx__calloc(nv ? nv : 1, sizeof *b->fan_vals);
    if (b->fan_years == NULL || b->fan_vals == NULL)
        ok = 0;
    if (ok) {
        int *y = b->fan_years;
        double *v = b->fan_vals;
        gidx_fan_chart *f = &b->fan;
        *f = *c;
        f->title = b->title;
        f->unit = b->text;
#define COPY(dst, src, n, p) do { if ((n) > 0) memcpy(p, src, (n) * sizeof *(p)); \
                                  dst = p; p += (n); } while (0)
        COPY(f->obs_years, c->obs_years, c->n_obs, y);
        COPY(f->fc_years, c->fc_years, F, y);
        COPY(f->target_years, c->target_years, c->n_target, y);
        COPY(f->obs, c->obs, c->n_obs, v);
        COPY(f->fc_mean, c->fc_mean, F, v);
        COPY(f->levels, c->levels, L, v);
        COPY(f->fc_lo, c->fc_lo, L * F, v);
        COPY(f->fc_hi, c->fc_hi, L * F, v);
        COPY(f->target, c->target, c->n_target, v);
#undef COPY
    }
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_ranking(gidx_report *r, const char *title, size_t n,
                                    const char *const *labels, const double *score,
                                    const double *rank, const double *rank_lo,
                                    const double *rank_hi)
{
    block *b;
    gidx_status rc;
    size_t i, *order = NULL;
    int ok = 1;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_ranking: report is NULL");
    if ((rc = gidx__ranking_check(n, labels, score, rank, rank_lo, rank_hi)) != GIDX_OK)
        return rc;
    if ((b = new_block(r, BLK_RANKING)) == NULL)
        return GIDX_ENOMEM;
    b->nrows = n;
    b->has_interval = rank_lo != NULL;
    b->title = title ? dup_or_empty(title, &ok) : NULL;
    b->strs = gidx__calloc(n, sizeof *b->strs);
    b->num = gidx__calloc(4 * n, sizeof *b->num);
    order = gidx__calloc(n, sizeof *order);
    if (b->strs == NULL || b->num == NULL || order == NULL)
        ok = 0;
    /* kept in rank order (stable; unranked last), so every rendering lists
     * the best first */
    for (i = 0; ok && i < n; i++) {
        size_t j = i, o = i;
        while (j > 0 && (!gidx__isfinite(rank[order[j - 1]]) ? gidx__isfinite(rank[o])
                         : gidx__isfinite(rank[o]) && rank[order[j - 1]] > rank[o])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = o;
    }
    for (i = 0; ok && i < n; i++) {
        size_t o = order[i];
        b->strs[i] = dup_or_empty(labels[o], &ok);
        b->num[i] = score[o];
        b->num[n + i] = rank[o];
        b->num[2 * n + i] = rank_lo ? rank_lo[o] : NAN;
        b->num[3 * n + i] = rank_hi ? rank_hi[o] : NAN;
    }
    free(order);
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_bars(gidx_report *r, const char *title, const char *unit, size_t n,
                                 size_t nparts, const char *const *labels,
                                 const char *const *part_labels, const double *values)
{
    block *b;
    gidx_status rc;
    size_t i;
    int ok = 1;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_bars: report is NULL");
    if ((rc = gidx__bars_check(n, nparts, labels, part_labels, values)) != GIDX_OK)
        return rc;
    if ((b = new_block(r, BLK_BARS)) == NULL)
        return GIDX_ENOMEM;
    b->nrows = n;
    b->ncols = nparts;
    b->title = title ? dup_or_empty(title, &ok) : NULL;
    b->text = unit ? dup_or_empty(unit, &ok) : NULL;
    b->strs = gidx__calloc(n + nparts, sizeof *b->strs);
    b->num = gidx__reallocarray(NULL, n * nparts, sizeof *b->num);
    if (b->strs == NULL || b->num == NULL)
        ok = 0;
    for (i = 0; ok && i < n; i++)
        b->strs[i] = dup_or_empty(labels[i], &ok);
    for (i = 0; ok && i < nparts; i++)
        b->strs[n + i] = dup_or_empty(part_labels[i], &ok);
    if (ok)
        memcpy(b->num, values, n * nparts * sizeof *values);
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_heatmap(gidx_report *r, const char *title, size_t nrows,
                                    size_t ncols, const char *const *row_labels,
                                    const char *const *col_labels, const double *values,
                                    const int *direction)
{
    block *b;
    gidx_status rc;
    size_t i;
    int ok = 1;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_heatmap: report is NULL");
    if ((rc = gidx__heatmap_check(nrows, ncols, row_labels, col_labels, values)) != GIDX_OK)
        return rc;
    if ((b = new_block(r, BLK_HEATMAP)) == NULL)
        return GIDX_ENOMEM;
    b->nrows = nrows;
    b->ncols = ncols;
    b->title = title ? dup_or_empty(title, &ok) : NULL;
    b->strs = gidx__calloc(nrows + ncols, sizeof *b->strs);
    b->num = gidx__reallocarray(NULL, nrows * ncols, sizeof *b->num);
    b->ints = gidx__calloc(ncols, sizeof *b->ints);
    if (b->strs == NULL || b->num == NULL || b->ints == NULL)
        ok = 0;
    for (i = 0; ok && i < nrows; i++)
        b->strs[i] = dup_or_empty(row_labels[i], &ok);
    for (i = 0; ok && i < ncols; i++) {
        b->strs[nrows + i] = dup_or_empty(col_labels[i], &ok);
        b->ints[i] = direction ? (direction[i] > 0 ? 1 : direction[i] < 0 ? -1 : 0) : 1;
    }
    if (ok)
        memcpy(b->num, values, nrows * ncols * sizeof *values);
    return end_block(r, b, ok);
}

gidx_status gidx_report_add_waterfall(gidx_report *r, const char *title, const char *unit,
                                      const char *start_label, double start,
                                      const char *end_label, const char *const *labels,
                                      const double *steps, size_t n)
{
    block *b;
    gidx_status rc;
    size_t i;
    int ok = 1;
    if (r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_add_waterfall: report is NULL");
    if ((rc = gidx__waterfall_check(start_label, start, end_label, labels, steps, n)) != GIDX_OK)
        return rc;
    if ((b = new_block(r, BLK_WATERFALL)) == NULL)
        return GIDX_ENOMEM;
    b->nrows = n;
    b->title = title ? dup_or_empty(title, &ok) : NULL;
    b->text = unit ? dup_or_empty(unit, &ok) : NULL;
    b->strs = gidx__calloc(n + 2, sizeof *b->strs);
    b->num = gidx__calloc(n + 1, sizeof *b->num);
    if (b->strs == NULL || b->num == NULL)
        ok = 0;
    for (i = 0; ok && i < n; i++) {
        b->strs[i] = dup_or_empty(labels[i], &ok);
        b->num[i + 1] = steps[i];
    }
    if (ok) {
        b->strs[n] = dup_or_empty(start_label, &ok);
        b->strs[n + 1] = dup_or_empty(end_label, &ok);
        b->num[0] = start;
    }
    return end_block(r, b, ok);
}

/* The end value of a waterfall block: start plus its steps. */
static double waterfall_end(const block *k)
{
    double v = k->num[0];
    size_t i;
    for (i = 0; i < k->nrows; i++)
        v += k->num[i + 1];
    return v;
}

/* --------------------------------------------------------------- text */

/* Display width of UTF-8 text: code points, not bytes (æøå are one column). */
static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static void pad(gidx__buf *b, const char *s, size_t width, int right)
{
    size_t w = utf8_width(s), k;
    if (right)
        for (k = w; k < width; k++) gidx__buf_putc(b, ' ');
    gidx__buf_puts(b, s);
    if (!right)
        for (k = w; k < width; k++) gidx__buf_putc(b, ' ');
}

static int looks_numeric(const char *s)
{
    double v;
    return s[0] != '\0' && gidx_parse_double(&v, s) == GIDX_OK;
}

/* The display text of body cell (i, j) of a table: number cells of a typed
 * table formatted in the report's language (grouped when @p grouped). */
static const char *cell_text(char *buf, size_t n, const block *k, size_t i, size_t j, int lang,
                             int grouped)
{
    const char *s = k->strs[(i + 1) * k->ncols + j];
    int t;
    if (k->ints == NULL || (t = k->ints[j]) == GIDX_CELL_TEXT || s[0] == '\0')
        return s;
    gidx__num(buf, n, k->num[i * k->ncols + j], lang,
              t == GIDX_CELL_NUMBER ? -1 : 0, grouped && t != GIDX_CELL_YEAR);
    return buf;
}

static int right_aligned(const block *k, size_t i, size_t j)
{
    const char *s = k->strs[(i + 1) * k->ncols + j];
    if (k->ints != NULL)
        return k->ints[j] != GIDX_CELL_TEXT;
    return looks_numeric(s);
}

static void text_table(gidx__buf *b, const block *k, int lang)
{
    size_t nrows = k->nrows, ncols = k->ncols;
    size_t *w = gidx__calloc(ncols, sizeof *w), i, j, total = 0;
    char cb[128];
    if (w == NULL) {
        b->failed = 1;
        return;
    }
    for (i = 0; i <= nrows; i++)
        for (j = 0; j < ncols; j++) {
            size_t x = utf8_width(i ? cell_text(cb, sizeof cb, k, i - 1, j, lang, 1) : k->strs[j]);
            if (x > w[j]) w[j] = x;
        }
    if (k->title && k->title[0])
        gidx__buf_printf(b, "%s\n", k->title);
    for (i = 0; i <= nrows; i++) {
        for (j = 0; j < ncols; j++) {
            const char *c = i ? cell_text(cb, sizeof cb, k, i - 1, j, lang, 1) : k->strs[j];
            if (j) gidx__buf_puts(b, "  ");
            pad(b, c, w[j], i > 0 && right_aligned(k, i - 1, j));
        }
        gidx__buf_putc(b, '\n');
        if (i == 0) {
            for (j = 0; j < ncols; j++) total += w[j] + (j ? 2 : 0);
            for (j = 0; j < total; j++) gidx__buf_putc(b, '-');
            gidx__buf_putc(b, '\n');
        }
    }
    free(w);
}

#define fmt_num(buf, n, v) gidx__num(buf, n, v, lang, -1, 1)

static void text_block(gidx__buf *b, const block *k, int lang)
{
    size_t i, j;
    char a[64], c[64], d[64];
    switch (k->kind) {
    case BLK_TEXT:
        gidx__buf_printf(b, "%s\n\n", k->text);
        break;
    case BLK_LINK:
        /* an in-document link is referenced by its text; others show the target */
        if (k->href[0] == '#')
            gidx__buf_printf(b, "%s\n\n", k->text);
        else
            gidx__buf_printf(b, "%s <%s>\n\n", k->text, k->href);
        break;
    case BLK_TABLE:
        text_table(b, k, lang);
        gidx__buf_putc(b, '\n');
        break;
    case BLK_FAN: {
        const gidx_fan_chart *f = &k->fan;
        gidx__buf_printf(b, "%s%s%s%s:", f->title ? f->title : gidx__tr(lang, "forecast"),
                         f->unit ? " (" : "", f->unit ? f->unit : "", f->unit ? ")" : "");
        if (f->n_obs > 0) {
            for (i = f->n_obs; i-- > 0;)
                if (gidx__isfinite(f->obs[i])) {
                    fmt_num(a, sizeof a, f->obs[i]);
                    gidx__buf_putc(b, ' ');
                    gidx__buf_printf(b, gidx__tr(lang, "last observed %d = %s;"), f->obs_years[i], a);
                    break;
                }
        }
        if (f->n_fc > 0) {
            i = f->n_fc - 1;
            fmt_num(a, sizeof a, f->fc_mean[i]);
            gidx__buf_putc(b, ' ');
            gidx__buf_printf(b, gidx__tr(lang, "forecast %d = %s"), f->fc_years[i], a);
            for (j = 0; j < f->n_levels; j++) {
                char lv[32];
                fmt_num(c, sizeof c, f->fc_lo[j * f->n_fc + i]);
                fmt_num(d, sizeof d, f->fc_hi[j * f->n_fc + i]);
                gidx__num(lv, sizeof lv, f->levels[j], lang, -1, 0);
                gidx__buf_printf(b, " [%s %%: %s%s %s]", lv, c, lang == GIDX__LANG_NB ? ";" : ",", d);
            }
        }
        for (i = 0; i < f->n_target; i++)
            if (f->n_fc > 0 && f->target_years[i] == f->fc_years[f->n_fc - 1]) {
                fmt_num(a, sizeof a, f->target[i]);
                gidx__buf_printf(b, gidx__tr(lang, "; target %s"), a);
            }
        gidx__buf_puts(b, "\n\n");
        break;
    }
    case BLK_RANKING: {
        size_t n = k->nrows;
        if (k->title) gidx__buf_printf(b, "%s\n", k->title);
        for (i = 0; i < n; i++) {
            gidx__num(a, sizeof a, k->num[n + i], lang, -1, 1);
            gidx__num(c, sizeof c, k->num[i], lang, 1, 1);
            gidx__buf_printf(b, "  %4s  ", a);
            pad(b, k->strs[i], 24, 0);
            gidx__buf_printf(b, " %8s", c);
            if (k->has_interval && gidx__isfinite(k->num[2 * n + i])) {
                gidx__num(a, sizeof a, k->num[2 * n + i], lang, -1, 1);
                gidx__num(d, sizeof d, k->num[3 * n + i], lang, -1, 1);
                gidx__buf_puts(b, "  ");
                gidx__buf_printf(b, gidx__tr(lang, "rank interval %s-%s"), a, d);
            }
            gidx__buf_putc(b, '\n');
        }
        gidx__buf_putc(b, '\n');
        break;
    }
    case BLK_HEATMAP:
        gidx__num(a, sizeof a, (double)k->nrows, lang, 0, 1);
        gidx__num(c, sizeof c, (double)k->ncols, lang, 0, 1);
        gidx__buf_printf(b, gidx__tr(lang, "%s: %s regions x %s indicators (see the HTML report)"),
                         k->title ? k->title : gidx__tr(lang, "heatmap"), a, c);
        gidx__buf_puts(b, "\n\n");
        break;
    case BLK_BARS: {
        size_t p;
        if (k->title) gidx__buf_printf(b, "%s%s%s%s\n", k->title, k->text ? " (" : "",
                                       k->text ? k->text : "", k->text ? ")" : "");
        for (i = 0; i < k->nrows; i++) {
            double tot = 0;
            gidx__buf_puts(b, "  ");
            pad(b, k->strs[i], 24, 0);
            for (p = 0; p < k->ncols; p++) {
                fmt_num(a, sizeof a, k->num[i * k->ncols + p]);
                gidx__buf_printf(b, "  %s %s", k->strs[k->nrows + p], a);
                if (gidx__isfinite(k->num[i * k->ncols + p]))
                    tot += k->num[i * k->ncols + p];
            }
            fmt_num(a, sizeof a, tot);
            gidx__buf_printf(b, "  = %s\n", a);
        }
        gidx__buf_putc(b, '\n');
        break;
    }
    case BLK_WATERFALL: {
        size_t w = utf8_width(k->strs[k->nrows]), x;
        for (i = 0; i <= k->nrows + 1; i++)
            if ((x = utf8_width(k->strs[i])) > w) w = x;
        gidx__buf_printf(b, "%s%s%s%s\n", k->title ? k->title : gidx__tr(lang, "waterfall"),
                         k->text ? " (" : "", k->text ? k->text : "", k->text ? ")" : "");
        /* start, the signed steps and the end, one decimal, in the report's language */
        for (i = 0; i < k->nrows + 2; i++) {
            size_t lab = i == 0 ? k->nrows : i <= k->nrows ? i - 1 : k->nrows + 1;
            double v = i == 0 ? k->num[0] : i <= k->nrows ? k->num[i] : waterfall_end(k);
            gidx__num(c, sizeof c, v, lang, 1, 1);
            snprintf(d, sizeof d, "%s%.62s", i > 0 && i <= k->nrows && v >= 0 && c[0] != '-' ? "+" : "", c);
            gidx__buf_puts(b, "  ");
            pad(b, k->strs[lab], w, 0);
            gidx__buf_puts(b, "  ");
            pad(b, d, 12, 1);
            gidx__buf_putc(b, '\n');
        }
        gidx__buf_putc(b, '\n');
        break;
    }
    }
}

static void render_text(gidx__buf *b, const gidx_report *r)
{
    size_t i, j, w = utf8_width(r->title);
    gidx__buf_printf(b, "%s\n", r->title);
    for (i = 0; i < w; i++) gidx__buf_putc(b, '=');
    gidx__buf_puts(b, "\n\n");
    for (i = 0; i < r->n; i++) {
        const section *s = &r->sections[i];
        gidx__buf_printf(b, "%s\n", s->title);
        w = utf8_width(s->title);
        for (j = 0; j < w; j++) gidx__buf_putc(b, '-');
        gidx__buf_puts(b, "\n");
        for (j = 0; j < s->n; j++)
            text_block(b, &s->blocks[j], r->lang);
    }
}

/* --------------------------------------------------------------- JSON */

static json_t *jnum(double v)
{
    return gidx__isfinite(v) ? json_real(v) : json_null();
}

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static const char *const type_names[] = { "text", "number", "integer", "year" };

static json_t *json_block(const block *k)
{
    json_t *o = json_object(), *a, *row;
    size_t i, j;
    if (o == NULL)
        return NULL;
    switch (k->kind) {
    case BLK_TEXT:
        json_object_set_new(o, "type", json_string("text"));
        json_object_set_new(o, "text", jstr(k->text));
        break;
    case BLK_LINK:
        json_object_set_new(o, "type", json_string("link"));
        json_object_set_new(o, "text", jstr(k->text));
        json_object_set_new(o, "href", jstr(k->href));
        break;
    case BLK_TABLE: {
        json_object_set_new(o, "type", json_string("table"));
        json_object_set_new(o, "caption", jstr(k->title));
        a = json_array();
        for (j = 0; j < k->ncols; j++) json_array_append_new(a, json_string(k->strs[j]));
        json_object_set_new(o, "columns", a);
        a = json_array();
        for (j = 0; j < k->ncols; j++)
            json_array_append_new(a, json_string(type_names[k->ints ? k->ints[j] : 0]));
        json_object_set_new(o, "types", a);
        a = json_array();
        for (i = 0; i < k->nrows; i++) {
            row = json_array();
            /* cells are strings; numbers as given to the table (C notation,
             * full precision in the roadmap: "%.17g"), never localised */
            for (j = 0; j < k->ncols; j++)
                json_array_append_new(row, json_string(k->strs[(i + 1) * k->ncols + j]));
            json_array_append_new(a, row);
        }
        json_object_set_new(o, "rows", a);
        break;
    }
    case BLK_FAN: {
        const gidx_fan_chart *f = &k->fan;
        json_object_set_new(o, "type", json_string("fan_chart"));
        json_object_set_new(o, "title", jstr(f->title));
        json_object_set_new(o, "unit", jstr(f->unit));
        a = json_array();
        for (i = 0; i < f->n_obs; i++)
            json_array_append_new(a, json_pack("{s:i,s:o}", "year", f->obs_years[i],
                                               "value", jnum(f->obs[i])));
        json_object_set_new(o, "observed", a);
        a = json_array();
        for (i = 0; i < f->n_fc; i++) {
            json_t *iv = json_object();
            for (j = 0; j < f->n_levels; j++) {
                char key[32];
                snprintf(key, sizeof key, "%g", f->levels[j]);
                json_object_set_new(iv, key, json_pack("[o,o]", jnum(f->fc_lo[j * f->n_fc + i]),
                                                       jnum(f->fc_hi[j * f->n_fc + i])));
            }
            json_array_append_new(a, json_pack("{s:i,s:o,s:o}", "year", f->fc_years[i],
                                               "mean", jnum(f->fc_mean[i]), "intervals", iv));
        }
        json_object_set_new(o, "forecast", a);
        a = json_array();
        for (i = 0; i < f->n_target; i++)
            json_array_append_new(a, json_pack("{s:i,s:o}", "year", f->target_years[i],
                                               "value", jnum(f->target[i])));
        json_object_set_new(o, "target", a);
        break;
    }
    case BLK_RANKING: {
        size_t n = k->nrows;
        json_object_set_new(o, "type", json_string("ranking"));
        json_object_set_new(o, "title", jstr(k->title));
        a = json_array();
        for (i = 0; i < n; i++)
            json_array_append_new(a, json_pack("{s:s,s:o,s:o,s:o,s:o}", "label", k->strs[i],
                                               "score", jnum(k->num[i]), "rank", jnum(k->num[n + i]),
                                               "rank_lo", jnum(k->num[2 * n + i]),
                                               "rank_hi", jnum(k->num[3 * n + i])));
        json_object_set_new(o, "items", a);
        break;
    }
    case BLK_HEATMAP:
        json_object_set_new(o, "type", json_string("heatmap"));
        json_object_set_new(o, "title", jstr(k->title));
        a = json_array();
        for (i = 0; i < k->nrows; i++) json_array_append_new(a, json_string(k->strs[i]));
        json_object_set_new(o, "rows", a);
        a = json_array();
        for (j = 0; j < k->ncols; j++) json_array_append_new(a, json_string(k->strs[k->nrows + j]));
        json_object_set_new(o, "columns", a);
        a = json_array();
        for (j = 0; j < k->ncols; j++) json_array_append_new(a, json_integer(k->ints[j]));
        json_object_set_new(o, "direction", a);
        a = json_array();
        for (i = 0; i < k->nrows; i++) {
            row = json_array();
            for (j = 0; j < k->ncols; j++)
                json_array_append_new(row, jnum(k->num[i * k->ncols + j]));
            json_array_append_new(a, row);
        }
        json_object_set_new(o, "values", a);
        break;
    case BLK_BARS:
        json_object_set_new(o, "type", json_string("bars"));
        json_object_set_new(o, "title", jstr(k->title));
        json_object_set_new(o, "unit", jstr(k->text));
        a = json_array();
        for (j = 0; j < k->ncols; j++) json_array_append_new(a, json_string(k->strs[k->nrows + j]));
        json_object_set_new(o, "parts", a);
        a = json_array();
        for (i = 0; i < k->nrows; i++) {
            row = json_array();
            for (j = 0; j < k->ncols; j++)
                json_array_append_new(row, jnum(k->num[i * k->ncols + j]));
            json_array_append_new(a, json_pack("{s:s,s:o}", "label", k->strs[i], "values", row));
        }
        json_object_set_new(o, "bars", a);
        break;
    case BLK_WATERFALL:
        json_object_set_new(o, "type", json_string("waterfall"));
        json_object_set_new(o, "title", jstr(k->title));
        json_object_set_new(o, "unit", jstr(k->text));
        json_object_set_new(o, "start", json_pack("{s:s,s:o}", "label", k->strs[k->nrows],
                                                  "value", jnum(k->num[0])));
        a = json_array();
        for (i = 0; i < k->nrows; i++)
            json_array_append_new(a, json_pack("{s:s,s:o}", "label", k->strs[i],
                                               "value", jnum(k->num[i + 1])));
        json_object_set_new(o, "steps", a);
        json_object_set_new(o, "end", json_pack("{s:s,s:o}", "label", k->strs[k->nrows + 1],
                                                "value", jnum(waterfall_end(k))));
        break;
    }
    return o;
}

static gidx_status render_json(gidx__buf *b, const gidx_report *r)
{
    json_t *root = json_object(), *secs = json_array();
    char *s;
    size_t i, j;
    if (root == NULL || secs == NULL) {
        json_decref(root);
        json_decref(secs);
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering JSON");
    }
    json_object_set_new(root, "title", json_string(r->title));
    json_object_set_new(root, "lang", json_string(gidx__lang_code(r->lang)));
    json_object_set_new(root, "generator", json_pack("{s:s,s:s}", "name", "libgreenidx",
                                                     "version", gidx_version_string()));
    for (i = 0; i < r->n; i++) {
        const section *sc = &r->sections[i];
        json_t *blocks = json_array();
        for (j = 0; j < sc->n; j++)
            json_array_append_new(blocks, json_block(&sc->blocks[j]));
        json_array_append_new(secs, json_pack("{s:s,s:s,s:o}", "id", sc->id, "title", sc->title,
                                              "blocks", blocks));
    }
    json_object_set_new(root, "sections", secs);
    s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
    json_decref(root);
    if (s == NULL)
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering JSON");
    gidx__buf_puts(b, s);
    gidx__buf_putc(b, '\n');
    free(s);
    return GIDX_OK;
}

/* --------------------------------------------------------------- HTML */

static const char html_css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;"
    "max-width:1100px;margin:0 auto;padding:1em 2em;background:#fff}"
    "h1{color:#1b3a5c;border-bottom:3px solid #2e8b57;padding-bottom:.2em}"
    "h2{color:#1b3a5c;margin-top:2em;border-bottom:1px solid #ccc}"
    "nav ul{columns:2;list-style:square}"
    "table{border-collapse:collapse;margin:.8em 0;font-size:13px}"
    "th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}"
    "th{background:#f0f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}"
    "figure{margin:1em 0;overflow-x:auto}svg{max-width:100%;height:auto}"
    "footer{margin-top:3em;color:#777;font-size:12px;border-top:1px solid #ddd}";

static void html_block(gidx__buf *b, const block *k, int lang)
{
    size_t i, j;
    char cb[128];
    switch (k->kind) {
    case BLK_LINK:
        gidx__buf_puts(b, "<p><a href=\"");
        gidx__xml_escape(b, k->href);
        gidx__buf_puts(b, "\">");
        gidx__xml_escape(b, k->text);
        gidx__buf_puts(b, "</a></p>\n");
        break;
    case BLK_TEXT:
        gidx__buf_puts(b, "<p>");
        gidx__xml_escape(b, k->text);
        gidx__buf_puts(b, "</p>\n");
        break;
    case BLK_TABLE:
        gidx__buf_puts(b, "<table>");
        if (k->title) {
            gidx__buf_puts(b, "<caption>");
            gidx__xml_escape(b, k->title);
            gidx__buf_puts(b, "</caption>");
        }
        gidx__buf_puts(b, "<thead><tr>");
        for (j = 0; j < k->ncols; j++) {
            gidx__buf_puts(b, "<th>");
            gidx__xml_escape(b, k->strs[j]);
            gidx__buf_puts(b, "</th>");
        }
        gidx__buf_puts(b, "</tr></thead>\n<tbody>\n");
        for (i = 0; i < k->nrows; i++) {
            gidx__buf_puts(b, "<tr>");
            for (j = 0; j < k->ncols; j++) {
                const char *c = cell_text(cb, sizeof cb, k, i, j, lang, 1);
                gidx__buf_puts(b, right_aligned(k, i, j) ? "<td class=\"n\">" : "<td>");
                gidx__xml_escape(b, c);
                gidx__buf_puts(b, "</td>");
            }
            gidx__buf_puts(b, "</tr>\n");
        }
        gidx__buf_puts(b, "</tbody></table>\n");
        break;
    case BLK_FAN:
        gidx__buf_puts(b, "<figure>\n");
        gidx__svg_fan_chart(b, &k->fan, lang);
        gidx__buf_puts(b, "</figure>\n");
        break;
    case BLK_RANKING: {
        size_t n = k->nrows;
        gidx__buf_puts(b, "<figure>\n");
        gidx__svg_ranking(b, lang, k->title, n, (const char *const *)k->strs, k->num, k->num + n,
                          k->has_interval ? k->num + 2 * n : NULL,
                          k->has_interval ? k->num + 3 * n : NULL);
        gidx__buf_puts(b, "</figure>\n");
        break;
    }
    case BLK_HEATMAP:
        gidx__buf_puts(b, "<figure>\n");
        gidx__svg_heatmap(b, lang, k->title, k->nrows, k->ncols, (const char *const *)k->strs,
                          (const char *const *)(k->strs + k->nrows), k->num, k->ints);
        gidx__buf_puts(b, "</figure>\n");
        break;
    case BLK_BARS:
        gidx__buf_puts(b, "<figure>\n");
        gidx__svg_bars(b, lang, k->title, k->text, k->nrows, k->ncols, (const char *const *)k->strs,
                       (const char *const *)(k->strs + k->nrows), k->num);
        gidx__buf_puts(b, "</figure>\n");
        break;
    case BLK_WATERFALL:
        gidx__buf_puts(b, "<figure>\n");
        gidx__svg_waterfall(b, lang, k->title, k->text, k->strs[k->nrows], k->num[0],
                            k->strs[k->nrows + 1], (const char *const *)k->strs, k->num + 1,
                            k->nrows);
        gidx__buf_puts(b, "</figure>\n");
        break;
    }
}

static void render_html(gidx__buf *b, const gidx_report *r)
{
    size_t i, j;
    gidx__buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                     gidx__lang_code(r->lang));
    gidx__buf_puts(b, ""
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    gidx__xml_escape(b, r->title);
    gidx__buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_css);
    gidx__xml_escape(b, r->title);
    gidx__buf_printf(b, "</h1>\n<nav aria-label=\"%s\"><ul>\n", gidx__tr(r->lang, "Contents"));
    for (i = 0; i < r->n; i++) {
        gidx__buf_printf(b, "<li><a href=\"#%s\">", r->sections[i].id);
        gidx__xml_escape(b, r->sections[i].title);
        gidx__buf_puts(b, "</a></li>\n");
    }
    gidx__buf_puts(b, "</ul></nav>\n");
    for (i = 0; i < r->n; i++) {
        const section *s = &r->sections[i];
        gidx__buf_printf(b, "<section id=\"%s\">\n<h2>", s->id);
        gidx__xml_escape(b, s->title);
        gidx__buf_puts(b, "</h2>\n");
        for (j = 0; j < s->n; j++)
            html_block(b, &s->blocks[j], r->lang);
        gidx__buf_puts(b, "</section>\n");
    }
    gidx__buf_puts(b, "<footer>");
    gidx__buf_printf(b, gidx__tr(r->lang, "Generated by libgreenidx %s. Every figure on this page "
                                          "was computed by the library from the data named in "
                                          "each section."), gidx_version_string());
    gidx__buf_puts(b, "</footer>\n</body>\n</html>\n");
}

gidx_status gidx_report_render(char **out, size_t *len, const gidx_report *r, int format)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx_status rc = GIDX_OK;
    if (out == NULL || r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_render: NULL argument");
    *out = NULL;
    if (len) *len = 0;
    switch (format) {
    case GIDX_REPORT_TEXT: render_text(&b, r); break;
    case GIDX_REPORT_JSON: rc = render_json(&b, r); break;
    case GIDX_REPORT_HTML: render_html(&b, r); break;
    default:
        return gidx__error_set(GIDX_EINVAL, "gidx_report_render: unknown format %d", format);
    }
    if (rc != GIDX_OK) {
        gidx__buf_free(&b);
        return rc;
    }
    if (len) *len = b.len;
    *out = gidx__buf_take(&b);
    if (*out == NULL)
        return gidx__error_set(GIDX_ENOMEM, "out of memory rendering the report");
    return GIDX_OK;
}

gidx_status gidx_report_write(const gidx_report *r, const char *path, int format)
{
    char *s = NULL;
    size_t n = 0;
    gidx_status rc;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_write: path is NULL");
    rc = gidx_report_render(&s, &n, r, format);
    if (rc == GIDX_OK)
        rc = gidx_write_file(path, s, n);
    free(s);
    return rc;
}

/* ----------------------------------------------------------- workbook */

/* One sheet of a block; *added is set when the block has one. */
static gidx_status block_sheet(gidx_workbook *wb, const gidx_report *r, const block *k,
                               const char *name, int *added)
{
    gidx_status rc = GIDX_OK;
    size_t i, j, n = k->nrows, nc;
    const char **text = NULL, **hdr = NULL;
    double *num = NULL;
    int *types = NULL;
    *added = 0;
    if (k->kind != BLK_TABLE && k->kind != BLK_RANKING && k->kind != BLK_HEATMAP &&
        k->kind != BLK_BARS && k->kind != BLK_WATERFALL)
        return GIDX_OK;
    /* bars: label, one column per part, total; waterfall: bar, value */
    nc = k->kind == BLK_TABLE ? k->ncols : k->kind == BLK_RANKING ? 5
       : k->kind == BLK_BARS ? k->ncols + 2 : k->kind == BLK_WATERFALL ? 2 : k->ncols + 1;
    if (k->kind == BLK_WATERFALL)
        n = k->nrows + 2;
    text = gidx__calloc(nc, sizeof *text);
    hdr = gidx__calloc(nc, sizeof *hdr);
    num = gidx__calloc(nc, sizeof *num);
    types = gidx__calloc(nc, sizeof *types);
    if (!text || !hdr || !num || !types) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if (k->kind == BLK_TABLE) {
        for (j = 0; j < nc; j++) {
            hdr[j] = k->strs[j];
            types[j] = k->ints ? k->ints[j] : GIDX_CELL_TEXT;
        }
    } else if (k->kind == BLK_RANKING) {
        static const char *const rh[5] = { "region", "score", "rank", "rank 5 %", "rank 95 %" };
        for (j = 0; j < 5; j++) {
            hdr[j] = gidx__tr(r->lang, rh[j]);
            types[j] = j == 0 ? GIDX_CELL_TEXT : j == 1 ? GIDX_CELL_NUMBER : GIDX_CELL_INTEGER;
        }
    } else if (k->kind == BLK_BARS) {
        hdr[0] = gidx__tr(r->lang, "label");
        for (j = 1; j < nc; j++) {
            hdr[j] = j + 1 < nc ? k->strs[k->nrows + j - 1] : gidx__tr(r->lang, "total");
            types[j] = GIDX_CELL_NUMBER;
        }
    } else if (k->kind == BLK_WATERFALL) {
        hdr[0] = gidx__tr(r->lang, "bar");
        hdr[1] = gidx__tr(r->lang, "value");
        types[1] = GIDX_CELL_NUMBER;
    } else {
        hdr[0] = gidx__tr(r->lang, "region");
        for (j = 1; j < nc; j++) {
            hdr[j] = k->strs[k->nrows + j - 1];
            types[j] = GIDX_CELL_NUMBER;
        }
    }
    if ((rc = gidx_workbook_add_sheet(wb, name, nc, hdr, NULL, types)) != GIDX_OK)
        goto done;
    *added = 1;
    for (i = 0; i < n && rc == GIDX_OK; i++) {
        for (j = 0; j < nc; j++) {
            text[j] = NULL;
            num[j] = NAN;
        }
        if (k->kind == BLK_TABLE) {
            for (j = 0; j < nc; j++) {
                if (types[j] == GIDX_CELL_TEXT)
                    text[j] = k->strs[(i + 1) * nc + j];
                else
                    num[j] = k->num[i * nc + j];
            }
        } else if (k->kind == BLK_RANKING) {
            text[0] = k->strs[i];
            for (j = 0; j < 4; j++)
                num[j + 1] = k->num[j * n + i];
        } else if (k->kind == BLK_BARS) {
            double tot = 0;
            text[0] = k->strs[i];
            for (j = 0; j < k->ncols; j++) {
                num[j + 1] = k->num[i * k->ncols + j];
                if (gidx__isfinite(num[j + 1]))
                    tot += num[j + 1];
            }
            num[nc - 1] = tot;
        } else if (k->kind == BLK_WATERFALL) {
            /* the start bar, the steps, the end bar */
            text[0] = i == 0 ? k->strs[k->nrows] : i <= k->nrows ? k->strs[i - 1]
                    : k->strs[k->nrows + 1];
            num[1] = i == 0 ? k->num[0] : i <= k->nrows ? k->num[i] : waterfall_end(k);
        } else {
            text[0] = k->strs[i];
            for (j = 1; j < nc; j++)
                num[j] = k->num[i * k->ncols + j - 1];
        }
        rc = gidx__workbook_add_values(wb, text, num, nc);
    }
done:
    free(text);
    free(hdr);
    free(num);
    free(types);
    return rc;
}

gidx_status gidx_report_to_workbook(gidx_workbook *wb, const gidx_report *r)
{
    static const char *const chdr[3] = { "sheet", "section", "caption" };
    size_t i, j, contents;
    gidx_status rc;
    if (wb == NULL || r == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_report_to_workbook: NULL argument");
    contents = gidx_workbook_nsheets(wb);
    if ((rc = gidx_workbook_add_sheet(wb, "contents", 3, chdr, NULL, NULL)) != GIDX_OK)
        return rc;
    for (i = 0; i < r->n; i++) {
        const section *sc = &r->sections[i];
        size_t n = 0;
        for (j = 0; j < sc->n; j++) {
            const block *k = &sc->blocks[j];
            char name[64];
            int added;
            snprintf(name, sizeof name, "%.24s %zu", sc->id, n + 1);
            if ((rc = block_sheet(wb, r, k, name, &added)) != GIDX_OK)
                return rc;
            if (added) {
                const char *row[3];
                row[0] = gidx_workbook_sheet_name(wb, gidx_workbook_nsheets(wb) - 1);
                row[1] = sc->title;
                row[2] = k->title ? k->title : "";
                if ((rc = gidx__workbook_add_row_to(wb, contents, row, NULL, 3)) != GIDX_OK)
                    return rc;
                n++;
            }
        }
    }
    return GIDX_OK;
}
