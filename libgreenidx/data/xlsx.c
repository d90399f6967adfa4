/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The xlsx reader (include/greenidx/xlsx.h).
 *
 * Format: ECMA-376 5th ed. Part 1 (SpreadsheetML: 18.2 workbook, 18.3.1.4
 * c / 18.3.1.96 v / 18.18.11 ST_CellType, 18.4 shared strings) inside an
 * Open Packaging Conventions zip package (ECMA-376 Part 2: 9.3
 * relationships, 11 core properties). Parts are found through their
 * relationships, never by fixed names, because producers differ: Excel
 * writes docProps/core.xml, .NET's System.IO.Packaging (Miljødirektoratet's
 * download) writes package/services/metadata/core-properties/<guid>.psmdcp
 * and absolute targets ("/xl/worksheets/sheet1.xml") with prefixed
 * elements ("x:c"), so elements are matched by local name.
 *
 * The archive is read by libzip; each part is streamed from libzip into
 * libxml2's xmlTextReader through an I/O callback that counts the inflated
 * bytes, so a part is never inflated beyond its limit however its header
 * lies. Zip-bomb defence after Apache POI's ZipSecureFile (ratio of
 * inflated to compressed bytes, checked once a part passes 1 MiB).
 *
 * XML hardening: XML_PARSE_NONET (no network), no XML_PARSE_NOENT (entities
 * are not substituted), no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID, and a
 * part that declares a DOCTYPE at all is refused (SpreadsheetML has none),
 * which shuts the door on entity-expansion ("billion laughs") documents.
 * libxml2's messages are captured per reader with a structured error
 * handler, never printed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>
#include <libxml/xmlreader.h>

#include "../core/internal.h"
#include <greenidx/xlsx.h>

#define XLSX_MAX_ROWS 1048576u
#define XLSX_MAX_COLS 16384u
#define RATIO_GRACE ((size_t)1 << 20)   /* POI checks the ratio only past a grace size */

struct gidx_xlsx {
    char *name;
    gidx_xlsx_options opt;
    void *data;             /* the archive bytes (libzip reads them in place) */
    zip_t *za;
    size_t nsheets;
    char **sheet_names;
    char **sheet_parts;
    char **sst;             /* shared strings */
    size_t nsst;
    char *modified;
};

typedef struct xcell {
    uint32_t row, col;
    int type;
    char *text;
    double num;
} xcell;

struct gidx_xlsx_sheet {
    char *title;
    char *file;
    xcell *cells;
    size_t n, cap;
    size_t nrows, ncols;
};

/* ---------------------------------------------------------------------- */
/* Cell names                                                             */
/* ---------------------------------------------------------------------- */

/* "B7" for 0-based row 6, column 1 (no range check; @p tmp holds 16 bytes). */
static size_t format_ref(char *tmp, size_t row, size_t col)
{
    char letters[8];
    size_t k = 0, c = col + 1, i;
    while (c > 0 && k < 7) {
        letters[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (i = 0; i < k; i++)
        tmp[i] = letters[k - 1 - i];
    return k + (size_t)snprintf(tmp + k, 16 - k, "%zu", row + 1);
}

gidx_status gidx_xlsx_cell_name(char *buf, size_t cap, size_t row, size_t col)
{
    char tmp[16];
    size_t n;
    if (buf == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_cell_name: buf is NULL");
    if (col >= XLSX_MAX_COLS || row >= XLSX_MAX_ROWS)
        return gidx__error_set(GIDX_EINVAL,
            "gidx_xlsx_cell_name: row %zu, column %zu outside a worksheet (1048576 x 16384)",
            row, col);
    n = format_ref(tmp, row, col);
    if (n + 1 > cap)
        return gidx__error_set(GIDX_EBUFS, "gidx_xlsx_cell_name: %zu bytes needed, room for %zu",
                               n + 1, cap);
    memcpy(buf, tmp, n + 1);
    return GIDX_OK;
}

/* Parse "B7" (also "$B$7", lower case) into 0-based row/col; -1 when bad. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
    unsigned long c = 0, r = 0;
    int nl = 0, nd = 0;
    if (*s == '$') s++;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
        int v = (*s >= 'a' ? *s - 'a' : *s - 'A') + 1;
        if (++nl > 3) return -1;
        c = c * 26 + (unsigned long)v;
    }
    if (*s == '$') s++;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++nd > 7) return -1;
        r = r * 10 + (unsigned long)(*s - '0');
    }
    if (*s != '\0' || nl == 0 || nd == 0 || c == 0 || c > XLSX_MAX_COLS || r == 0 ||
        r > XLSX_MAX_ROWS)
        return -1;
    *row = (uint32_t)(r - 1);
    *col = (uint32_t)(c - 1);
    return 0;
}

/* "B7", or "row 7, column 2" when outside a worksheet (never fails). */
static const char *cell_label(char *buf, size_t cap, size_t row, size_t col)
{
    char tmp[16];
    if (row < XLSX_MAX_ROWS && col < XLSX_MAX_COLS) {
        format_ref(tmp, row, col);
        snprintf(buf, cap, "%s", tmp);
    } else {
        snprintf(buf, cap, "row %zu, column %zu", row + 1, col + 1);
    }
    return buf;
}

/* ---------------------------------------------------------------------- */
/* Streaming one part through libxml2                                     */
/* ---------------------------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

typedef struct part_stream {
    const gidx_xlsx *wb;
    const char *part;       /* the part's name in messages */
    zip_file_t *zf;
    zip_uint64_t declared, comp;
    size_t got;
    int limit_hit;          /* 1: size, 2: ratio */
    int zip_failed;
    char zip_msg[160];
    char xml_msg[256];
    int xml_line, xml_col;
} part_stream;

static int part_read(void *vctx, char *buf, int len)
{
    part_stream *ps = vctx;
    zip_int64_t n;
    size_t limit = ps->wb->opt.max_uncompressed;
    if (len <= 0)
        return 0;
    n = zip_fread(ps->zf, buf, (zip_uint64_t)len);
    if (n < 0) {
        ps->zip_failed = 1;
        snprintf(ps->zip_msg, sizeof ps->zip_msg, "%s", zip_file_strerror(ps->zf));
        return -1;
    }
    ps->got += (size_t)n;
    if (ps->got > limit) {
        ps->limit_hit = 1;
        return -1;
    }
    if (ps->got > RATIO_GRACE &&
        (ps->comp == 0 || ps->got / ps->comp > ps->wb->opt.max_ratio)) {
        ps->limit_hit = 2;
        return -1;
    }
    return (int)n;
}

static void xml_error(void *vctx, xmlErrorPtr err)
{
    part_stream *ps = vctx;
    size_t n;
    if (err == NULL || ps->xml_msg[0] != '\0' || err->level < XML_ERR_ERROR)
        return;
    snprintf(ps->xml_msg, sizeof ps->xml_msg, "%s", err->message ? err->message : "error");
    n = strlen(ps->xml_msg);
    while (n > 0 && (ps->xml_msg[n - 1] == '\n' || ps->xml_msg[n - 1] == ' '))
        ps->xml_msg[--n] = '\0';
    ps->xml_line = err->line;
    ps->xml_col = err->int2;
}

/* Open a part for streaming. Returns GIDX_ENOTFOUND (no error recorded)
 * when the archive has no such part and @p optional is set. */
static gidx_status part_open(xmlTextReaderPtr *reader, part_stream *ps, const gidx_xlsx *wb,
                             const char *part, const char *what, int optional)
{
    zip_int64_t idx;
    zip_stat_t st;
    memset(ps, 0, sizeof *ps);
    ps->wb = wb;
    ps->part = part;
    *reader = NULL;
    idx = zip_name_locate(wb->za, part, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (optional)
            return GIDX_ENOTFOUND;
        return gidx__error_set(GIDX_EPARSE, "%s: %s: the part %s is missing from the archive",
                               wb->name, what, part);
    }
    zip_stat_init(&st);
    if (zip_stat_index(wb->za, (zip_uint64_t)idx, 0, &st) != 0)
        return gidx__error_set(GIDX_EPARSE, "%s: %s (%s): %s", wb->name, what, part,
                               zip_strerror(wb->za));
    if ((st.valid & ZIP_STAT_SIZE) && st.size > wb->opt.max_uncompressed)
        return gidx__error_set(GIDX_ELIMIT,
            "%s: %s (%s): declares %llu bytes uncompressed, over the limit of %zu bytes",
            wb->name, what, part, (unsigned long long)st.size, wb->opt.max_uncompressed);
    ps->declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    ps->comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (ps->declared > RATIO_GRACE &&
        (ps->comp == 0 || ps->declared / ps->comp > wb->opt.max_ratio))
        return gidx__error_set(GIDX_ELIMIT,
            "%s: %s (%s): compression ratio %llu:1 (%llu bytes from %llu) is over the "
            "limit of %u:1 (a zip bomb?)", wb->name, what, part,
            (unsigned long long)(ps->comp ? ps->declared / ps->comp : ps->declared),
            (unsigned long long)ps->declared, (unsigned long long)ps->comp, wb->opt.max_ratio);
    ps->zf = zip_fopen_index(wb->za, (zip_uint64_t)idx, 0);
    if (ps->zf == NULL)
        return gidx__error_set(GIDX_EPARSE, "%s: %s (%s): %s", wb->name, what, part,
                               zip_strerror(wb->za));
    pthread_once(&xml_once, xml_init);
    /* NONET; neither NOENT nor any DTD option: see the file comment. */
    *reader = xmlReaderForIO(part_read, NULL, ps, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (*reader == NULL) {
        zip_fclose(ps->zf);
        ps->zf = NULL;
        return GIDX_ENOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(*reader, xml_error, ps);
    return GIDX_OK;
}

/* Close a part; when @p ret < 0 (the reader failed), record why. */
static gidx_status part_close(xmlTextReaderPtr reader, part_stream *ps, int ret,
                              const char *what)
{
    gidx_status rc = GIDX_OK;
    const gidx_xlsx *wb = ps->wb;
    if (ret < 0) {
        if (ps->limit_hit == 1)
            rc = gidx__error_set(GIDX_ELIMIT,
                "%s: %s (%s): more than %zu bytes uncompressed (the archive declares %llu)",
                wb->name, what, ps->part, wb->opt.max_uncompressed,
                (unsigned long long)ps->declared);
        else if (ps->limit_hit == 2)
            rc = gidx__error_set(GIDX_ELIMIT,
                "%s: %s (%s): inflates beyond %u times its %llu compressed bytes (a zip bomb?)",
                wb->name, what, ps->part, wb->opt.max_ratio, (unsigned long long)ps->comp);
        else if (ps->zip_failed)
            rc = gidx__error_set(GIDX_EPARSE, "%s: %s (%s): corrupt archive: %s", wb->name, what,
                                 ps->part, ps->zip_msg);
        else if (ps->xml_msg[0] != '\0')
            rc = gidx__error_set(GIDX_EPARSE, "%s: %s (%s): line %d, column %d: malformed XML: %s",
                                 wb->name, what, ps->part, ps->xml_line, ps->xml_col,
                                 ps->xml_msg);
        else
            rc = gidx__error_set(GIDX_EPARSE, "%s: %s (%s): malformed XML", wb->name, what,
                                 ps->part);
    }
    if (reader != NULL)
        xmlFreeTextReader(reader);
    if (ps->zf != NULL)
        zip_fclose(ps->zf);
    ps->zf = NULL;
    return rc;
}

/* The next node; refuses a DOCTYPE. 1 = a node, 0 = end, -1 = error
 * (already recorded when *rc is set). */
static int next_node(xmlTextReaderPtr reader, part_stream *ps, const char *what,
                     gidx_status *rc)
{
    int ret = xmlTextReaderRead(reader);
    if (ret == 1 && xmlTextReaderNodeType(reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
        *rc = gidx__error_set(GIDX_EPARSE,
            "%s: %s (%s): line %d: a DOCTYPE declaration, which SpreadsheetML never has, "
            "is refused (entity expansion)", ps->wb->name, what, ps->part,
            xmlTextReaderGetParserLineNumber(reader));
        return -1;
    }
    return ret;
}

static const char *lname(xmlTextReaderPtr r)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return n ? (const char *)n : "";
}

/* An attribute by local name, whatever its namespace (caller frees). */
static char *attr_local(xmlTextReaderPtr r, const char *local, int want_ns)
{
    char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return NULL;
    do {
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
        if (strcmp(lname(r), local) == 0 && (want_ns ? ns != NULL : ns == NULL)) {
            const xmlChar *val = xmlTextReaderConstValue(r);
            v = gidx__strdup(val ? (const char *)val : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return v;
}

static int is_text_node(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static gidx_status buf_text(gidx__buf *b, xmlTextReaderPtr r)
{
    const xmlChar *v = xmlTextReaderConstValue(r);
    if (v != NULL && gidx__buf_puts(b, (const char *)v) != 0)
        return GIDX_ENOMEM;
    return b->failed ? GIDX_ENOMEM : GIDX_OK;
}

/* ---------------------------------------------------------------------- */
/* Relationships and part names                                           */
/* ---------------------------------------------------------------------- */

/* Resolve a relationship target against the directory of @p source
 * (ECMA-376 Part 2, 9.3.5; absolute targets start with '/'). */
static char *resolve_target(const char *source, const char *target)
{
    gidx__buf b = GIDX__BUF_INIT;
    char *joined, *out, *seg, *save = NULL;
    char **stack;
    size_t n = 0, i;
    if (target[0] == '/') {
        gidx__buf_puts(&b, target + 1);
    } else {
        const char *slash = strrchr(source, '/');
        if (slash != NULL)
            gidx__buf_append(&b, source, (size_t)(slash - source) + 1);
        gidx__buf_puts(&b, target);
    }
    if ((joined = gidx__buf_take(&b)) == NULL)
        return NULL;
    /* Normalise "." and ".." segments. */
    stack = gidx__calloc(strlen(joined) + 1, sizeof *stack);
    if (stack == NULL) { free(joined); return NULL; }
    for (seg = strtok_r(joined, "/", &save); seg != NULL; seg = strtok_r(NULL, "/", &save)) {
        if (strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            if (n > 0) n--;
            continue;
        }
        stack[n++] = seg;
    }
    for (i = 0; i < n; i++) {
        if (i > 0) gidx__buf_putc(&b, '/');
        gidx__buf_puts(&b, stack[i]);
    }
    out = gidx__buf_take(&b);
    free(stack);
    free(joined);
    return out;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct rels {
    rel *v;
    size_t n, cap;
} rels;

static void rels_free(rels *r)
{
    size_t i;
    for (i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].type);
        free(r->v[i].target);
    }
    free(r->v);
    r->v = NULL;
    r->n = r->cap = 0;
}

/* Read a .rels part; a missing part gives no relationships. */
static gidx_status read_rels(rels *out, const gidx_xlsx *wb, const char *part,
                             const char *source)
{
    xmlTextReaderPtr r;
    part_stream ps;
    gidx_status rc = part_open(&r, &ps, wb, part, "relationships", 1);
    int ret;
    memset(out, 0, sizeof *out);
    if (rc == GIDX_ENOTFOUND)
        return GIDX_OK;
    if (rc != GIDX_OK)
        return rc;
    while ((ret = next_node(r, &ps, "relationships", &rc)) == 1) {
        char *id, *type, *target, *mode;
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
            strcmp(lname(r), "Relationship") != 0)
            continue;
        id = attr_local(r, "Id", 0);
        type = attr_local(r, "Type", 0);
        target = attr_local(r, "Target", 0);
        mode = attr_local(r, "TargetMode", 0);
        if (id && type && target && !(mode && strcmp(mode, "External") == 0)) {
            char *abs = resolve_target(source, target);
            if (out->n == out->cap) {
                size_t nc = out->cap ? out->cap * 2 : 16;
                rel *nv = gidx__reallocarray(out->v, nc, sizeof *nv);
                if (nv == NULL) { free(abs); abs = NULL; }
                else { out->v = nv; out->cap = nc; }
            }
            if (abs == NULL) {
                rc = GIDX_ENOMEM;
            } else {
                out->v[out->n].id = id;
                out->v[out->n].type = type;
                out->v[out->n].target = abs;
                out->n++;
                id = type = NULL;
            }
        }
        free(id); free(type); free(target); free(mode);
        if (rc != GIDX_OK) { ret = 0; break; }
    }
    if (rc != GIDX_OK) {
        part_close(r, &ps, 0, "relationships");
        rels_free(out);
        return rc;
    }
    rc = part_close(r, &ps, ret, "relationships");
    if (rc != GIDX_OK)
        rels_free(out);
    return rc;
}

/* The .rels part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
static char *rels_of(const char *part)
{
    gidx__buf b = GIDX__BUF_INIT;
    const char *slash = strrchr(part, '/');
    if (slash != NULL)
        gidx__buf_append(&b, part, (size_t)(slash - part) + 1);
    gidx__buf_puts(&b, "_rels/");
    gidx__buf_puts(&b, slash ? slash + 1 : part);
    gidx__buf_puts(&b, ".rels");
    return gidx__buf_take(&b);
}

static const char *rels_find_type(const rels *r, const char *suffix)
{
    size_t i;
    for (i = 0; i < r->n; i++)
        if (ends_with(r->v[i].type, suffix))
            return r->v[i].target;
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Workbook, shared strings, core properties                              */
/* ---------------------------------------------------------------------- */

static gidx_status read_workbook(gidx_xlsx *wb, const char *part, const rels *wrels)
{
    xmlTextReaderPtr r;
    part_stream ps;
    gidx_status rc = part_open(&r, &ps, wb, part, "workbook", 0);
    int ret, seen_root = 0;
    size_t cap = 0;
    if (rc != GIDX_OK)
        return rc;
    while ((ret = next_node(r, &ps, "workbook", &rc)) == 1) {
        char *name, *id;
        const char *target = NULL;
        size_t i;
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        if (!seen_root) {
            seen_root = 1;
            if (strcmp(lname(r), "workbook") != 0) {
                rc = gidx__error_set(GIDX_EPARSE, "%s: %s: the root element is <%s>, not "
                                     "<workbook>: not a spreadsheet", wb->name, part, lname(r));
                break;
            }
        }
        if (strcmp(lname(r), "sheet") != 0)
            continue;
        name = attr_local(r, "name", 0);
        id = attr_local(r, "id", 1);
        for (i = 0; id != NULL && i < wrels->n; i++)
            if (strcmp(wrels->v[i].id, id) == 0)
                target = wrels->v[i].target;
        if (name == NULL || target == NULL) {
            /* Chart sheets and dialog sheets are not worksheets; a sheet
             * without a name or a relationship is a broken workbook. */
            rc = name == NULL
                ? gidx__error_set(GIDX_EPARSE, "%s: %s: line %d: a <sheet> without a name",
                                  wb->name, part, xmlTextReaderGetParserLineNumber(r))
                : gidx__error_set(GIDX_EPARSE,
                                  "%s: %s: sheet \"%s\" has no relationship (r:id \"%s\")",
                                  wb->name, part, name, id ? id : "");
            free(name); free(id);
            break;
        }
        free(id);
        if (wb->nsheets == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **a = gidx__reallocarray(wb->sheet_names, nc, sizeof *a);
            char **b = a ? gidx__reallocarray(wb->sheet_parts, nc, sizeof *b) : NULL;
            if (a) wb->sheet_names = a;
            if (b) wb->sheet_parts = b;
            if (a == NULL || b == NULL) { free(name); rc = GIDX_ENOMEM; break; }
            cap = nc;
        }
        wb->sheet_names[wb->nsheets] = name;
        wb->sheet_parts[wb->nsheets] = gidx__strdup(target);
        wb->nsheets++;
        if (wb->sheet_parts[wb->nsheets - 1] == NULL) { rc = GIDX_ENOMEM; break; }
    }
    if (rc != GIDX_OK) {
        part_close(r, &ps, 0, "workbook");
        return rc;
    }
    if ((rc = part_close(r, &ps, ret, "workbook")) != GIDX_OK)
        return rc;
    if (!seen_root)
        return gidx__error_set(GIDX_EPARSE, "%s: %s: empty workbook part", wb->name, part);
    return GIDX_OK;
}

static gidx_status read_shared_strings(gidx_xlsx *wb, const char *part)
{
    xmlTextReaderPtr r;
    part_stream ps;
    gidx_status rc = part_open(&r, &ps, wb, part, "shared strings", 1);
    gidx__buf b = GIDX__BUF_INIT;
    int ret, in_si = 0, in_t = 0, rph_depth = -1;
    size_t cap = 0;
    if (rc == GIDX_ENOTFOUND)
        return GIDX_OK;  /* a relationship to a missing optional part */
    if (rc != GIDX_OK)
        return rc;
    while ((ret = next_node(r, &ps, "shared strings", &rc)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *ln = lname(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r);
            if (strcmp(ln, "si") == 0) {
                in_si = 1;
                gidx__buf_free(&b);
                if (!empty) continue;
            } else if (strcmp(ln, "rPh") == 0 && !empty) {
                rph_depth = xmlTextReaderDepth(r);  /* phonetic runs are not the text */
                continue;
            } else if (strcmp(ln, "t") == 0 && in_si && rph_depth < 0) {
                in_t = !empty;
                continue;
            } else {
                continue;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (strcmp(ln, "rPh") == 0 && xmlTextReaderDepth(r) == rph_depth)
                rph_depth = -1;
            else if (strcmp(ln, "t") == 0)
                in_t = 0;
            if (strcmp(ln, "si") != 0)
                continue;
        } else {
            if (in_t && is_text_node(type) && (rc = buf_text(&b, r)) != GIDX_OK)
                break;
            continue;
        }
        /* the end of an <si> (or an empty <si/>) */
        if (!in_si)
            continue;
        in_si = 0;
        if (wb->nsst == cap) {
            size_t nc = cap ? cap * 2 : 256;
            char **a = gidx__reallocarray(wb->sst, nc, sizeof *a);
            if (a == NULL) { rc = GIDX_ENOMEM; break; }
            wb->sst = a;
            cap = nc;
        }
        wb->sst[wb->nsst] = b.s ? gidx__buf_take(&b) : gidx__strdup("");
        if (wb->sst[wb->nsst] == NULL) { rc = GIDX_ENOMEM; break; }
        wb->nsst++;
        b.s = NULL; b.len = b.cap = 0;
    }
    gidx__buf_free(&b);
    if (rc != GIDX_OK) {
        part_close(r, &ps, 0, "shared strings");
        return rc;
    }
    return part_close(r, &ps, ret, "shared strings");
}

static gidx_status read_core(gidx_xlsx *wb, const char *part)
{
    xmlTextReaderPtr r;
    part_stream ps;
    gidx_status rc = part_open(&r, &ps, wb, part, "core properties", 1);
    gidx__buf b = GIDX__BUF_INIT;
    int ret, in_mod = 0;
    if (rc == GIDX_ENOTFOUND)
        return GIDX_OK;
    if (rc != GIDX_OK)
        return rc;
    while ((ret = next_node(r, &ps, "core properties", &rc)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT && strcmp(lname(r), "modified") == 0 &&
            !xmlTextReaderIsEmptyElement(r)) {
            in_mod = 1;
        } else if (type == XML_READER_TYPE_END_ELEMENT && in_mod) {
            in_mod = 0;
            if (wb->modified == NULL && b.s != NULL)
                wb->modified = gidx__buf_take(&b);
        } else if (in_mod && is_text_node(type) && (rc = buf_text(&b, r)) != GIDX_OK) {
            break;
        }
    }
    gidx__buf_free(&b);
    if (rc != GIDX_OK) {
        part_close(r, &ps, 0, "core properties");
        return rc;
    }
    return part_close(r, &ps, ret, "core properties");
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                */
/* ---------------------------------------------------------------------- */

void gidx_xlsx_free(gidx_xlsx *wb)
{
    size_t i;
    if (wb == NULL)
        return;
    if (wb->za != NULL)
        zip_discard(wb->za);
    for (i = 0; i < wb->nsheets; i++) {
        free(wb->sheet_names[i]);
        free(wb->sheet_parts[i]);
    }
    for (i = 0; i < wb->nsst; i++)
        free(wb->sst[i]);
    free(wb->sheet_names);
    free(wb->sheet_parts);
    free(wb->sst);
    free(wb->modified);
    free(wb->data);
    free(wb->name);
    free(wb);
}

static gidx_status check_options(gidx_xlsx_options *o, const gidx_xlsx_options *opt,
                                 const char *fn)
{
    static const gidx_xlsx_options def = GIDX_XLSX_OPTIONS_INIT;
    *o = opt ? *opt : def;
    if (o->version != 1)
        return gidx__error_set(GIDX_EINVAL, "%s: options version %u, expected 1", fn, o->version);
    if (o->max_bytes == 0 || o->max_uncompressed == 0 || o->max_cells == 0 || o->max_ratio == 0)
        return gidx__error_set(GIDX_EINVAL, "%s: a limit of 0 (max_bytes, max_uncompressed, "
                               "max_cells and max_ratio must be positive)", fn);
    return GIDX_OK;
}

/* Take ownership of @p data (malloc'd, @p len bytes) and read the package. */
static gidx_status open_owned(gidx_xlsx **out, void *data, size_t len, const char *name,
                              const gidx_xlsx_options *o)
{
    gidx_xlsx *wb = gidx__calloc(1, sizeof *wb);
    zip_error_t ze;
    zip_source_t *src;
    rels pkg, wrels;
    const char *wbpart, *t;
    char *wbrels = NULL, *ssd = NULL;
    gidx_status rc;
    static const unsigned char magic[4] = { 'P', 'K', 3, 4 };
    if (wb == NULL) {
        free(data);
        return GIDX_ENOMEM;
    }
    wb->data = data;
    wb->opt = *o;
    if ((wb->name = gidx__strdup(name)) == NULL) {
        gidx_xlsx_free(wb);
        return GIDX_ENOMEM;
    }
    if (len < 4 || memcmp(data, magic, 4) != 0) {
        gidx_xlsx_free(wb);
        return gidx__error_set(GIDX_EPARSE, "%s: not an xlsx workbook (no zip signature PK\\3\\4)",
                               name);
    }
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, len, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        gidx_xlsx_free(wb);
        return GIDX_ENOMEM;
    }
    wb->za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (wb->za == NULL) {
        rc = gidx__error_set(GIDX_EPARSE, "%s: not a readable zip archive (truncated or "
                             "corrupt): %s", name, zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        gidx_xlsx_free(wb);
        return rc;
    }
    zip_error_fini(&ze);
    /* Package relationships: the main document and the core properties. */
    if ((rc = read_rels(&pkg, wb, "_rels/.rels", "")) != GIDX_OK) {
        gidx_xlsx_free(wb);
        return rc;
    }
    wbpart = rels_find_type(&pkg, "/officeDocument");
    if ((wbpart = gidx__strdup(wbpart ? wbpart : "xl/workbook.xml")) == NULL)
        rc = GIDX_ENOMEM;
    if (rc == GIDX_OK && (wbrels = rels_of(wbpart)) == NULL)
        rc = GIDX_ENOMEM;
    if (rc == GIDX_OK && (rc = read_rels(&wrels, wb, wbrels, wbpart)) == GIDX_OK) {
        rc = read_workbook(wb, wbpart, &wrels);
        t = rels_find_type(&wrels, "/sharedStrings");
        if (rc == GIDX_OK && t != NULL)
            rc = read_shared_strings(wb, t);
        rels_free(&wrels);
    }
    if (rc == GIDX_OK) {
        t = rels_find_type(&pkg, "/core-properties");
        if ((ssd = gidx__strdup(t ? t : "docProps/core.xml")) == NULL)
            rc = GIDX_ENOMEM;
        else
            rc = read_core(wb, ssd);
    }
    rels_free(&pkg);
    free((char *)wbpart);
    free(wbrels);
    free(ssd);
    if (rc != GIDX_OK) {
        gidx_xlsx_free(wb);
        return rc;
    }
    *out = wb;
    return GIDX_OK;
}

gidx_status gidx_xlsx_open_mem(gidx_xlsx **out, const void *buf, size_t len, const char *name,
                               const gidx_xlsx_options *opt)
{
    gidx_xlsx_options o;
    void *copy;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_open_mem: out is NULL");
    *out = NULL;
    if (buf == NULL && len > 0)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_open_mem: buf is NULL");
    if ((rc = check_options(&o, opt, "gidx_xlsx_open_mem")) != GIDX_OK)
        return rc;
    if (name == NULL)
        name = "<memory>";
    if (len > o.max_bytes)
        return gidx__error_set(GIDX_ELIMIT, "%s: %zu bytes, over the limit of %zu bytes",
                               name, len, o.max_bytes);
    if ((copy = gidx__malloc(len ? len : 1)) == NULL)
        return GIDX_ENOMEM;
    if (len > 0)
        memcpy(copy, buf, len);
    return open_owned(out, copy, len, name, &o);
}

gidx_status gidx_xlsx_open(gidx_xlsx **out, const char *path, const gidx_xlsx_options *opt)
{
    gidx_xlsx_options o;
    struct stat st;
    char *data;
    size_t len, got = 0;
    int fd;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_open: out is NULL");
    *out = NULL;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_open: path is NULL");
    if ((rc = check_options(&o, opt, "gidx_xlsx_open")) != GIDX_OK)
        return rc;
    /* O_NONBLOCK: a FIFO is refused below instead of waiting for a writer */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return gidx__error_set(GIDX_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fd, &st) != 0) {
        rc = gidx__error_set(GIDX_EIO, "%s: cannot stat: %s", path, strerror(errno));
        close(fd);
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        /* a zip archive is read by random access (its directory is at the
         * end): a FIFO or pipe is refused at once, never waited for */
        return gidx__error_set(GIDX_EIO, "%s: cannot read: %s", path,
                               S_ISFIFO(st.st_mode) ? "a workbook must be a regular file, not a "
                               "FIFO or pipe (it is read by random access)"
                               : S_ISDIR(st.st_mode) ? "it is a directory"
                               : "it is a device, not a file");
    }
    if ((unsigned long long)st.st_size > (unsigned long long)o.max_bytes) {
        close(fd);
        return gidx__error_set(GIDX_ELIMIT, "%s: %lld bytes, over the limit of %zu bytes",
                               path, (long long)st.st_size, o.max_bytes);
    }
    len = (size_t)st.st_size;
    if ((data = gidx__malloc(len ? len : 1)) == NULL) {
        close(fd);
        return GIDX_ENOMEM;
    }
    while (got < len) {
        ssize_t n = read(fd, data + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = gidx__error_set(GIDX_EIO, "%s: read error: %s", path,
                                 n < 0 ? strerror(errno) : "the file shrank while read");
            free(data);
            close(fd);
            return rc;
        }
        got += (size_t)n;
    }
    close(fd);
    return open_owned(out, data, len, path, &o);
}

const char *gidx_xlsx_name(const gidx_xlsx *wb) { return wb ? wb->name : NULL; }
size_t gidx_xlsx_sheet_count(const gidx_xlsx *wb) { return wb ? wb->nsheets : 0; }

const char *gidx_xlsx_sheet_name(const gidx_xlsx *wb, size_t i)
{
    return (wb != NULL && i < wb->nsheets) ? wb->sheet_names[i] : NULL;
}

const char *gidx_xlsx_modified(const gidx_xlsx *wb) { return wb ? wb->modified : NULL; }

/* ---------------------------------------------------------------------- */
/* Worksheets                                                             */
/* ---------------------------------------------------------------------- */

void gidx_xlsx_sheet_free(gidx_xlsx_sheet *sh)
{
    size_t i;
    if (sh == NULL)
        return;
    for (i = 0; i < sh->n; i++)
        free(sh->cells[i].text);
    free(sh->cells);
    free(sh->title);
    free(sh->file);
    free(sh);
}

static int cell_cmp(const void *a, const void *b)
{
    const xcell *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return 0;
}

/* The state of one <c> element being read. */
typedef struct cell_state {
    uint32_t row, col;
    char t;          /* 'n', 's', 'i' (inlineStr), 'f' (str), 'b', 'e', 'd' */
    int in_v, in_is_t, rph_depth;
    gidx__buf v, is;
} cell_state;

/* Store the cell just closed; empty cells are not stored. */
static gidx_status cell_store(gidx_xlsx_sheet *sh, const gidx_xlsx *wb, cell_state *cs,
                              int line)
{
    xcell c;
    char lab[32];
    /* an inline string is in <is>; a few writers put it in <v> */
    const char *raw = (cs->t == 'i' && cs->is.s != NULL) ? cs->is.s : cs->v.s;
    if (cs->v.failed || cs->is.failed)
        return GIDX_ENOMEM;
    if (raw == NULL || (raw[0] == '\0' && cs->t != 'i' && cs->t != 'f'))
        return GIDX_OK;  /* no value */
    memset(&c, 0, sizeof c);
    c.row = cs->row;
    c.col = cs->col;
    c.num = 0;
    switch (cs->t) {
    case 'n': {
        char *end;
        c.type = GIDX_XLSX_NUMBER;
        c.num = gidx__strtod(raw, &end);
        while (*end == ' ') end++;
        if (end == raw || *end != '\0' || !gidx__isfinite(c.num))
            return gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": cell %s (line %d): the number "
                                   "cell holds \"%.40s\", not a number", wb->name, sh->title,
                                   cell_label(lab, sizeof lab, c.row, c.col), line, raw);
        c.text = gidx__strdup(raw);
        break;
    }
    case 's': {
        char *end;
        unsigned long k = strtoul(raw, &end, 10);
        if (end == raw || *end != '\0' || k >= wb->nsst)
            return gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": cell %s (line %d): shared "
                                   "string index \"%.40s\" out of range (the workbook has %zu)",
                                   wb->name, sh->title, cell_label(lab, sizeof lab, c.row, c.col),
                                   line, raw, wb->nsst);
        c.type = GIDX_XLSX_TEXT;
        c.text = gidx__strdup(wb->sst[k]);
        break;
    }
    case 'b':
        if (strcmp(raw, "0") != 0 && strcmp(raw, "1") != 0)
            return gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": cell %s (line %d): boolean "
                                   "\"%.40s\" is not 0 or 1", wb->name, sh->title,
                                   cell_label(lab, sizeof lab, c.row, c.col), line, raw);
        c.type = GIDX_XLSX_BOOL;
        c.num = raw[0] == '1';
        c.text = gidx__strdup(raw);
        break;
    case 'e':
        c.type = GIDX_XLSX_ERROR;
        c.text = gidx__strdup(raw);
        break;
    default: /* 'i', 'f', 'd' */
        c.type = GIDX_XLSX_TEXT;
        c.text = gidx__strdup(raw);
        break;
    }
    if (c.text == NULL)
        return GIDX_ENOMEM;
    if (sh->n >= wb->opt.max_cells) {
        free(c.text);
        return gidx__error_set(GIDX_ELIMIT, "%s: sheet \"%s\": more than %zu non-empty cells "
                               "(the limit), at cell %s", wb->name, sh->title, wb->opt.max_cells,
                               cell_label(lab, sizeof lab, c.row, c.col));
    }
    if (sh->n == sh->cap) {
        size_t nc = sh->cap ? sh->cap * 2 : 1024;
        xcell *a = gidx__reallocarray(sh->cells, nc, sizeof *a);
        if (a == NULL) { free(c.text); return GIDX_ENOMEM; }
        sh->cells = a;
        sh->cap = nc;
    }
    sh->cells[sh->n++] = c;
    if ((size_t)c.row + 1 > sh->nrows) sh->nrows = (size_t)c.row + 1;
    if ((size_t)c.col + 1 > sh->ncols) sh->ncols = (size_t)c.col + 1;
    return GIDX_OK;
}

static char cell_type_code(const char *t)
{
    if (t == NULL || strcmp(t, "n") == 0) return 'n';
    if (strcmp(t, "s") == 0) return 's';
    if (strcmp(t, "inlineStr") == 0) return 'i';
    if (strcmp(t, "str") == 0) return 'f';
    if (strcmp(t, "b") == 0) return 'b';
    if (strcmp(t, "e") == 0) return 'e';
    if (strcmp(t, "d") == 0) return 'd';
    return 0;
}

static gidx_status read_cells(gidx_xlsx_sheet *sh, const gidx_xlsx *wb, xmlTextReaderPtr r,
                              part_stream *ps, const char *what, int *ret)
{
    gidx_status rc = GIDX_OK;
    cell_state cs;
    int in_c = 0, have_row = 0, in_data = 0;
    uint32_t row = 0, next_col = 0;
    char lab[32];
    memset(&cs, 0, sizeof cs);
    cs.rph_depth = -1;
    while ((*ret = next_node(r, ps, what, &rc)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *ln = lname(r);
        int line = xmlTextReaderGetParserLineNumber(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r);
            if (strcmp(ln, "sheetData") == 0) {
                in_data = !empty;
            } else if (!in_data) {
                continue;
            } else if (strcmp(ln, "row") == 0) {
                char *rr = attr_local(r, "r", 0);
                if (rr != NULL) {
                    char *end;
                    unsigned long v = strtoul(rr, &end, 10);
                    if (end == rr || *end != '\0' || v == 0 || v > XLSX_MAX_ROWS) {
                        rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": line %d: row "
                                             "number \"%.20s\" outside 1..1048576", wb->name,
                                             sh->title, line, rr);
                        free(rr);
                        break;
                    }
                    row = (uint32_t)(v - 1);
                    free(rr);
                } else if (have_row) {
                    row++;
                }
                if (row >= XLSX_MAX_ROWS) {
                    rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": line %d: more than "
                                         "1048576 rows", wb->name, sh->title, line);
                    break;
                }
                have_row = 1;
                next_col = 0;
            } else if (strcmp(ln, "c") == 0) {
                char *ref = attr_local(r, "r", 0), *t = attr_local(r, "t", 0);
                gidx__buf_free(&cs.v);
                gidx__buf_free(&cs.is);
                cs.in_v = cs.in_is_t = 0;
                cs.rph_depth = -1;
                cs.t = cell_type_code(t);
                if (ref != NULL) {
                    if (parse_ref(ref, &cs.row, &cs.col) != 0) {
                        rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": line %d: bad "
                                             "cell reference \"%.20s\"", wb->name, sh->title,
                                             line, ref);
                    }
                } else {
                    cs.row = have_row ? row : 0;
                    cs.col = next_col;
                    if (cs.col >= XLSX_MAX_COLS)
                        rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": line %d: more "
                                             "than 16384 columns", wb->name, sh->title, line);
                }
                if (rc == GIDX_OK && cs.t == 0)
                    rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": cell %s (line %d): "
                                         "unknown cell type t=\"%.20s\"", wb->name, sh->title,
                                         cell_label(lab, sizeof lab, cs.row, cs.col), line, t);
                free(ref);
                free(t);
                if (rc != GIDX_OK)
                    break;
                next_col = cs.col + 1;
                in_c = !empty;
            } else if (in_c && strcmp(ln, "v") == 0) {
                cs.in_v = !empty;
                if (empty && gidx__buf_puts(&cs.v, "") != 0) { rc = GIDX_ENOMEM; break; }
            } else if (in_c && strcmp(ln, "rPh") == 0 && !empty) {
                cs.rph_depth = xmlTextReaderDepth(r);
            } else if (in_c && strcmp(ln, "t") == 0 && cs.rph_depth < 0) {
                cs.in_is_t = !empty;
                if (gidx__buf_puts(&cs.is, "") != 0) { rc = GIDX_ENOMEM; break; }
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (strcmp(ln, "sheetData") == 0) {
                in_data = 0;
            } else if (in_c && strcmp(ln, "c") == 0) {
                in_c = 0;
                if ((rc = cell_store(sh, wb, &cs, line)) != GIDX_OK)
                    break;
            } else if (strcmp(ln, "v") == 0) {
                cs.in_v = 0;
            } else if (strcmp(ln, "t") == 0) {
                cs.in_is_t = 0;
            } else if (strcmp(ln, "rPh") == 0 && xmlTextReaderDepth(r) == cs.rph_depth) {
                cs.rph_depth = -1;
            }
        } else if (in_c && is_text_node(type)) {
            if (cs.in_v && (rc = buf_text(&cs.v, r)) != GIDX_OK)
                break;
            if (cs.in_is_t && (rc = buf_text(&cs.is, r)) != GIDX_OK)
                break;
        }
    }
    gidx__buf_free(&cs.v);
    gidx__buf_free(&cs.is);
    return rc;
}

gidx_status gidx_xlsx_sheet_read(gidx_xlsx_sheet **out, gidx_xlsx *wb, const char *name)
{
    gidx_xlsx_sheet *sh;
    xmlTextReaderPtr r;
    part_stream ps;
    gidx_status rc;
    size_t i, k;
    int ret = 0, sorted = 1;
    char what[300];
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_sheet_read: out is NULL");
    *out = NULL;
    if (wb == NULL || name == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_sheet_read: NULL argument");
    for (k = 0; k < wb->nsheets; k++)
        if (strcmp(wb->sheet_names[k], name) == 0)
            break;
    if (k == wb->nsheets) {
        gidx__buf b = GIDX__BUF_INIT;
        char *list;
        for (i = 0; i < wb->nsheets; i++)
            gidx__buf_printf(&b, "%s\"%s\"", i ? ", " : "", wb->sheet_names[i]);
        list = gidx__buf_take(&b);
        rc = gidx__error_set(GIDX_ENOTFOUND, "%s: no sheet \"%s\" (the workbook has %s)",
                             wb->name, name, wb->nsheets == 0 ? "no sheets" :
                             list ? list : "other sheets");
        free(list);
        return rc;
    }
    if ((sh = gidx__calloc(1, sizeof *sh)) == NULL)
        return GIDX_ENOMEM;
    if ((sh->title = gidx__strdup(name)) == NULL || (sh->file = gidx__strdup(wb->name)) == NULL) {
        gidx_xlsx_sheet_free(sh);
        return GIDX_ENOMEM;
    }
    snprintf(what, sizeof what, "sheet \"%s\"", name);
    if ((rc = part_open(&r, &ps, wb, wb->sheet_parts[k], what, 0)) != GIDX_OK) {
        gidx_xlsx_sheet_free(sh);
        return rc;
    }
    rc = read_cells(sh, wb, r, &ps, what, &ret);
    if (rc != GIDX_OK)
        part_close(r, &ps, 0, what);
    else
        rc = part_close(r, &ps, ret, what);
    if (rc != GIDX_OK) {
        gidx_xlsx_sheet_free(sh);
        return rc;
    }
    /* Producers write cells in order; tolerate any order, refuse twins. */
    for (i = 1; i < sh->n && sorted; i++)
        if (cell_cmp(&sh->cells[i - 1], &sh->cells[i]) >= 0)
            sorted = 0;
    if (!sorted) {
        qsort(sh->cells, sh->n, sizeof *sh->cells, cell_cmp);
        for (i = 1; i < sh->n; i++)
            if (cell_cmp(&sh->cells[i - 1], &sh->cells[i]) == 0) {
                char lab[32];
                rc = gidx__error_set(GIDX_EPARSE, "%s: sheet \"%s\": cell %s appears twice",
                                     wb->name, name,
                                     cell_label(lab, sizeof lab, sh->cells[i].row,
                                                sh->cells[i].col));
                gidx_xlsx_sheet_free(sh);
                return rc;
            }
    }
    *out = sh;
    return GIDX_OK;
}

const char *gidx_xlsx_sheet_title(const gidx_xlsx_sheet *sh) { return sh ? sh->title : NULL; }
size_t gidx_xlsx_sheet_nrows(const gidx_xlsx_sheet *sh) { return sh ? sh->nrows : 0; }
size_t gidx_xlsx_sheet_ncols(const gidx_xlsx_sheet *sh) { return sh ? sh->ncols : 0; }
size_t gidx_xlsx_sheet_ncells(const gidx_xlsx_sheet *sh) { return sh ? sh->n : 0; }

static const xcell *find_cell(const gidx_xlsx_sheet *sh, size_t row, size_t col)
{
    size_t lo = 0, hi;
    if (sh == NULL || row >= sh->nrows || col >= sh->ncols)
        return NULL;
    hi = sh->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const xcell *c = &sh->cells[mid];
        if (c->row < row || (c->row == row && c->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < sh->n && sh->cells[lo].row == row && sh->cells[lo].col == col)
        return &sh->cells[lo];
    return NULL;
}

int gidx_xlsx_cell_type(const gidx_xlsx_sheet *sh, size_t row, size_t col)
{
    const xcell *c = find_cell(sh, row, col);
    return c ? c->type : GIDX_XLSX_EMPTY;
}

const char *gidx_xlsx_cell_text(const gidx_xlsx_sheet *sh, size_t row, size_t col)
{
    const xcell *c = find_cell(sh, row, col);
    return c ? c->text : NULL;
}

gidx_status gidx_xlsx_cell_number(double *out, const gidx_xlsx_sheet *sh, size_t row,
                                  size_t col)
{
    const xcell *c;
    char lab[32];
    if (out == NULL || sh == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_xlsx_cell_number: NULL argument");
    c = find_cell(sh, row, col);
    *out = gidx__nan();
    cell_label(lab, sizeof lab, row, col);
    if (c == NULL)
        return gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": cell %s: empty cell where a "
                               "number is expected", sh->file, sh->title, lab);
    switch (c->type) {
    case GIDX_XLSX_NUMBER:
        *out = c->num;
        return GIDX_OK;
    case GIDX_XLSX_TEXT:
        return gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": cell %s: text \"%.60s\" in a "
                               "number cell", sh->file, sh->title, lab, c->text);
    case GIDX_XLSX_BOOL:
        return gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": cell %s: boolean %s in a number "
                               "cell", sh->file, sh->title, lab,
                               c->num != 0 ? "TRUE" : "FALSE");
    default:
        return gidx__error_set(GIDX_EDATA, "%s: sheet \"%s\": cell %s: error value %s in a "
                               "number cell", sh->file, sh->title, lab, c->text);
    }
}
