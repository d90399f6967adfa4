/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fetch client: HTTP GET with libcurl (https://curl.se/libcurl/c/),
 * timeouts, retries with exponential backoff after HTTP 429 (RFC 6585,
 * sec. 4) and 502/503/504 honouring Retry-After (RFC 9110, sec. 10.2.3),
 * request splitting by region chunks under SSB's cell limit (PxWebApi v2:
 * 800,000 cells per request, https://www.ssb.no/api/pxwebapi), a cache
 * directory keyed by an FNV-1a hash of the URL with a JSON sidecar of
 * provenance (retrieval time, the table's `updated` stamp), and the loading
 * of answers through the JSON-stat 2.0 loader (https://json-stat.org/format/).
 * libcurl is initialised once per process with pthread_once; nothing else
 * is global.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#ifdef GIDX_HAVE_CURL
#include <curl/curl.h>
#endif

#include "core/internal.h"
#include "fetch/fetch_internal.h"

/* Largest body accepted: 256 MiB (SSB's largest answers, 800,000 cells, are
 * tens of MB; the limit applies while the body streams in, so an endless
 * body stops there, not after 1 GB). */
#define GIDX__FETCH_MAX_BODY ((size_t)256 << 20)

struct gidx_fetch_client {
    gidx_fetch_options opt;
    char *api;          /* the API root without user:password@ */
    char *userpwd;      /* "user:password" taken out of the API root, or NULL */
    char *cache_dir;
    char *user_agent;
    gidx_fetch_stats st;
#ifdef GIDX_HAVE_CURL
    CURL *curl;
#endif
};

#ifdef GIDX_HAVE_CURL
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc = CURLE_OK;

static void curl_init(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}
#endif

/*
 * Take "user:password@" out of an http(s) URL in place, so that no message,
 * cache sidecar or cache key ever holds the password; the credentials go to
 * libcurl separately (CURLOPT_USERPWD), percent-decoded. Returns the
 * credentials (caller frees), NULL when there are none, or sets *oom.
 */
static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
           c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static char *take_userinfo(char *url, int *oom)
{
    char *auth = strstr(url, "://"), *end, *at = NULL, *p, *cred;
    size_t i, j, n;
    *oom = 0;
    if (auth == NULL)
        return NULL;
    auth += 3;
    end = auth + strcspn(auth, "/?#");
    for (p = auth; p < end; p++)
        if (*p == '@')
            at = p;
    if (at == NULL)
        return NULL;
    n = (size_t)(at - auth);
    if ((cred = gidx__malloc(n + 1)) == NULL) {
        *oom = 1;
        return NULL;
    }
    for (i = j = 0; i < n; i++) {
        int hi, lo;
        if (auth[i] == '%' && i + 2 < n && (hi = hexval(auth[i + 1])) >= 0 &&
            (lo = hexval(auth[i + 2])) >= 0) {
            cred[j++] = (char)(hi * 16 + lo);
            i += 2;
        } else
            cred[j++] = auth[i];
    }
    cred[j] = '\0';
    memmove(auth, at + 1, strlen(at + 1) + 1);
    return cred;
}

/* Temporary files that a killed writer left in the cache (gidx_write_file's
 * "<entry>.tmp.XXXXXX", regular files older than 10 minutes, so that a
 * concurrent writer's file is left alone) are removed when a client opens the
 * cache. Best effort: a file that cannot be removed stays. */
static void cache_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    time_t now = time(NULL);
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        const char *t = strstr(e->d_name, ".json.tmp.");
        gidx__buf path = GIDX__BUF_INIT;
        struct stat st;
        if (t == NULL || strlen(t) != strlen(".json.tmp.") + 6)
            continue;
        gidx__buf_printf(&path, "%s/%s", dir, e->d_name);
        if (!path.failed && lstat(path.s, &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_mtime < now - 600)
            (void)unlink(path.s);
        gidx__buf_free(&path);
    }
    closedir(d);
}

static gidx_status mkdir_p(const char *dir)
{
    char *p, *s = gidx__strdup(dir);
    struct stat sb;
    if (s == NULL)
        return GIDX_ENOMEM;
    for (p = s + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char save = *p;
            *p = '\0';
            if (s[0] != '\0' && mkdir(s, 0777) != 0 && errno != EEXIST) {
                gidx_status rc = gidx__error_set(GIDX_EIO, "fetch: cache directory %s: cannot "
                                                 "create %s: %s", dir, s, strerror(errno));
                free(s);
                return rc;
            }
            *p = save;
            if (save == '\0')
                break;
        }
    }
    free(s);
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return gidx__error_set(GIDX_EIO, "fetch: cache directory %s is not a directory", dir);
    return GIDX_OK;
}

gidx_status gidx_fetch_client_new(gidx_fetch_client **out, const gidx_fetch_options *opt)
{
    static const gidx_fetch_options defaults = GIDX_FETCH_OPTIONS_INIT;
    gidx_fetch_client *c;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_new: out is NULL");
    *out = NULL;
    if (opt == NULL)
        opt = &defaults;
    if (opt->version != 1)
        return gidx__error_set(GIDX_EINVAL, "fetch: options version %u (expected 1)", opt->version);
    if (!(opt->timeout > 0) || !(opt->connect_timeout > 0) || !(opt->backoff >= 0) ||
        !(opt->backoff_max >= 0) || opt->timeout > 86400 || opt->connect_timeout > 86400 ||
        opt->backoff_max > 86400)
        return gidx__error_set(GIDX_EINVAL, "fetch: timeouts must be in (0, 86400] s and backoff "
                               "in [0, 86400] s (timeout %g, connect %g, backoff %g, max %g)",
                               opt->timeout, opt->connect_timeout, opt->backoff, opt->backoff_max);
    if (opt->max_cells == 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: max_cells must be positive");
    if (opt->offline && opt->cache_dir == NULL)
        return gidx__error_set(GIDX_EINVAL, "fetch: offline mode needs a cache directory");
    if (opt->api != NULL && strncmp(opt->api, "http://", 7) != 0 &&
        strncmp(opt->api, "https://", 8) != 0)
        return gidx__error_set(GIDX_EINVAL, "fetch: the API root is not an http:// or https:// "
                               "URL (not shown: it may hold a password)");
#ifndef GIDX_HAVE_CURL
    if (!opt->offline)
        return gidx__error_set(GIDX_EUNSUPPORTED, "fetch: this libgreenidx was built without "
                               "libcurl; only offline mode (the cache) is available");
#endif
    if ((c = gidx__calloc(1, sizeof *c)) == NULL)
        return GIDX_ENOMEM;
    c->opt = *opt;
    c->st.version = 1;
    if ((c->api = gidx__strdup(opt->api ? opt->api : GIDX_FETCH_SSB_API)) == NULL ||
        (opt->cache_dir != NULL && (c->cache_dir = gidx__strdup(opt->cache_dir)) == NULL)) {
        gidx_fetch_client_free(c);
        return GIDX_ENOMEM;
    }
    {
        int oom;
        c->userpwd = take_userinfo(c->api, &oom);
        if (oom) {
            gidx_fetch_client_free(c);
            return GIDX_ENOMEM;
        }
    }
    if (opt->user_agent != NULL)
        c->user_agent = gidx__strdup(opt->user_agent);
    else {
        gidx__buf b = GIDX__BUF_INIT;
        gidx__buf_printf(&b, "libgreenidx/%s", gidx_version_string());
        c->user_agent = b.failed ? NULL : gidx__buf_take(&b);
        gidx__buf_free(&b);
    }
    if (c->user_agent == NULL) {
        gidx_fetch_client_free(c);
        return GIDX_ENOMEM;
    }
    c->opt.api = c->api;
    c->opt.cache_dir = c->cache_dir;
    c->opt.user_agent = c->user_agent;
    if (c->cache_dir != NULL && !opt->offline && (rc = mkdir_p(c->cache_dir)) != GIDX_OK) {
        gidx_fetch_client_free(c);
        return rc;
    }
    if (c->cache_dir != NULL)
        cache_sweep(c->cache_dir);
#ifdef GIDX_HAVE_CURL
    if (!opt->offline) {
        pthread_once(&curl_once, curl_init);
        if (curl_init_rc != CURLE_OK) {
            gidx_fetch_client_free(c);
            return gidx__error_set(GIDX_ENET, "fetch: curl_global_init failed: %s",
                                   curl_easy_strerror(curl_init_rc));
        }
        if ((c->curl = curl_easy_init()) == NULL) {
            gidx_fetch_client_free(c);
            return gidx__error_set(GIDX_ENOMEM, "fetch: curl_easy_init failed");
        }
    }
#endif
    *out = c;
    return GIDX_OK;
}

void gidx_fetch_client_free(gidx_fetch_client *c)
{
    if (c == NULL)
        return;
#ifdef GIDX_HAVE_CURL
    if (c->curl != NULL)
        curl_easy_cleanup(c->curl);
#endif
    free(c->api);
    if (c->userpwd != NULL) {
        memset(c->userpwd, 0, strlen(c->userpwd));
        free(c->userpwd);
    }
    free(c->cache_dir);
    free(c->user_agent);
    free(c);
}

gidx_status gidx_fetch_client_stats(gidx_fetch_stats *st, const gidx_fetch_client *c)
{
    if (st == NULL || c == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_stats: NULL argument");
    *st = c->st;
    st->version = 1;
    return GIDX_OK;
}

/* ---- cache ---- */

static char *cache_path(const gidx_fetch_client *c, const char *url, const char *suffix)
{
    gidx__buf b = GIDX__BUF_INIT;
    gidx__buf_printf(&b, "%s/%016llx%s", c->cache_dir,
                     (unsigned long long)gidx__fetch_hash(url), suffix);
    if (b.failed) {
        gidx__buf_free(&b);
        return NULL;
    }
    return gidx__buf_take(&b);
}

/* Read a whole file; 0 on success, 1 when it does not exist, else a status.
 * Opened without blocking and refused unless it is a regular file: a FIFO
 * planted under an entry's name in a shared cache directory made every
 * fetch of that query wait forever in open(2) (branch outstream). */
static gidx_status read_file(char **out, size_t *len, const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), fl;
    struct stat st;
    FILE *f = NULL;
    gidx__buf b = GIDX__BUF_INIT;
    char chunk[65536];
    size_t n;
    *out = NULL;
    if (fd < 0) {
        if (errno == ENOENT)
            return 1;
        return gidx__error_set(GIDX_EIO, "fetch: cannot open %s: %s", path, strerror(errno));
    }
    if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
        close(fd);
        return gidx__error_set(GIDX_EIO, "fetch: cache entry %s is not a regular file (a %s): "
                               "refused, remove it", path,
                               S_ISFIFO(st.st_mode) ? "FIFO" : S_ISDIR(st.st_mode) ? "directory"
                               : "device or socket");
    }
    if ((fl = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ||
        (f = fdopen(fd, "rb")) == NULL) {
        gidx_status rc = gidx__error_set(GIDX_EIO, "fetch: cannot read %s: %s", path,
                                         strerror(errno));
        close(fd);
        return rc;
    }
    {
        /* a cache entry is never larger than an answer may be */
        gidx_status rc = gidx__file_check(fileno(f), path, GIDX__FETCH_MAX_BODY);
        if (rc != GIDX_OK) {
            fclose(f);
            return rc;
        }
    }
    gidx__buf_puts(&b, "");
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        gidx__buf_append(&b, chunk, n);
    if (ferror(f)) {
        fclose(f);
        gidx__buf_free(&b);
        return gidx__error_set(GIDX_EIO, "fetch: cannot read %s", path);
    }
    fclose(f);
    if (b.failed) {
        gidx__buf_free(&b);
        return GIDX_ENOMEM;
    }
    *len = b.len;
    *out = gidx__buf_take(&b);
    return GIDX_OK;
}

/* FNV-1a 64 of a cached body, stored in its sidecar: an edited or damaged body
 * is noticed (a checksum, not a signature: whoever can rewrite the sidecar too
 * can forge it; see docs/fetch.md). */
static void body_sum(char out[17], const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

#define CACHE_DAMAGED 2

/* A cached answer: 0 found (body, retrieved, updated), 1 miss, CACHE_DAMAGED
 * (the error says why: a sidecar that does not parse, a body of the wrong
 * length or checksum), <0 error. */
static gidx_status cache_lookup_as(char **body, size_t *len, char retrieved[32], char updated[64],
                                   const gidx_fetch_client *c, const char *url, const char *suffix)
{
    char *bp = NULL, *mp = NULL, *meta = NULL;
    size_t mlen = 0;
    gidx_status rc;
    json_t *root = NULL;
    json_error_t jerr;
    *body = NULL;
    retrieved[0] = updated[0] = '\0';
    if ((bp = cache_path(c, url, suffix)) == NULL || (mp = cache_path(c, url, ".meta.json")) == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    if ((rc = read_file(&meta, &mlen, mp)) != GIDX_OK)
        goto done;
    root = json_loadb(meta, mlen, 0, &jerr);
    if (!json_is_object(root)) {
        gidx__error_set(GIDX_EPARSE, "fetch: cache sidecar %s:%d:%d: %s: the cache is damaged",
                        mp, jerr.line, jerr.column, root ? "not a JSON object" : jerr.text);
        rc = CACHE_DAMAGED;
        goto done;
    }
    {
        const char *u = json_string_value(json_object_get(root, "url"));
        const char *r = json_string_value(json_object_get(root, "retrieved"));
        const char *up = json_string_value(json_object_get(root, "updated"));
        json_t *bytes = json_object_get(root, "bytes");
        if (u == NULL || strcmp(u, url) != 0) {   /* a hash collision or a foreign file */
            rc = 1;
            goto done;
        }
        if ((rc = read_file(body, len, bp)) != GIDX_OK)
            goto done;
        if (json_is_integer(bytes) && (json_int_t)*len != json_integer_value(bytes)) {
            free(*body);
            *body = NULL;
            gidx__error_set(GIDX_EPARSE, "fetch: cached body %s has %zu bytes, its sidecar "
                            "says %lld: the cache is damaged", bp, *len,
                            (long long)json_integer_value(bytes));
            rc = CACHE_DAMAGED;
            goto done;
        }
        {
            const char *want = json_string_value(json_object_get(root, "fnv1a64"));
            char got[17];
            body_sum(got, *body, *len);
            if (want == NULL || strcmp(want, got) != 0) {
                free(*body);
                *body = NULL;
                gidx__error_set(GIDX_EPARSE, "fetch: cached body %s has checksum %s, its sidecar "
                                "says %s: the cache is damaged or was edited", bp, got,
                                want ? want : "none");
                rc = CACHE_DAMAGED;
                goto done;
            }
        }
        if (r != NULL)
            snprintf(retrieved, 32, "%s", r);
        if (up != NULL)
            snprintf(updated, 64, "%s", up);
    }
done:
    json_decref(root);
    free(meta);
    free(bp);
    free(mp);
    return rc;
}

static gidx_status cache_store_as(gidx_fetch_client *c, const char *url, const char *table,
                                  const char *body, size_t len, const char *retrieved,
                                  const char *updated, const char *suffix)
{
    char *bp = cache_path(c, url, suffix), *mp = cache_path(c, url, ".meta.json"), *text = NULL;
    char sum[17];
    json_t *root = NULL;
    gidx_status rc;
    if (bp == NULL || mp == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    body_sum(sum, body, len);
    root = json_pack("{s:s, s:i, s:s, s:s, s:s, s:s?, s:I, s:s}", "format", "greenidx-fetch-cache",
                     "version", 1, "url", url, "table", table, "retrieved", retrieved,
                     "updated", updated, "bytes", (json_int_t)len, "fnv1a64", sum);
    if (root == NULL || (text = json_dumps(root, JSON_INDENT(1) | JSON_SORT_KEYS)) == NULL) {
        rc = gidx__error_set(GIDX_ENOMEM, "fetch: cannot build the cache sidecar of %s", url);
        goto done;
    }
    /* Body first, then the sidecar: a sidecar always describes a whole body. */
    if ((rc = gidx_write_file(bp, body, len)) != GIDX_OK ||
        (rc = gidx_write_file(mp, text, strlen(text))) != GIDX_OK)
        goto done;
    c->st.cache_writes++;
done:
    free(text);
    json_decref(root);
    free(bp);
    free(mp);
    return rc;
}

static gidx_status cache_store(gidx_fetch_client *c, const char *url, const char *table,
                               const char *body, size_t len, const char *retrieved,
                               const char *updated)
{
    return cache_store_as(c, url, table, body, len, retrieved, updated, ".json");
}

/* ---- HTTP ---- */

#ifdef GIDX_HAVE_CURL
static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The server's message from an error body: JSON title/detail/message, else the text. */
static void server_message(char *out, size_t cap, const char *body, size_t len)
{
    json_t *root = json_loadb(body, len, 0, NULL);
    size_t i, k = 0;
    out[0] = '\0';
    if (json_is_object(root)) {
        static const char *const keys[] = { "title", "detail", "message", "error" };
        for (i = 0; i < 4; i++) {
            const char *s = json_string_value(json_object_get(root, keys[i]));
            if (s != NULL && s[0] != '\0') {
                size_t used = strlen(out);
                snprintf(out + used, cap - used, "%s%s", used ? ": " : "", s);
            }
        }
    }
    json_decref(root);
    if (out[0] != '\0')
        return;
    for (i = 0; i < len && k + 1 < cap && k < 400; i++) {
        char ch = body[i];
        if (ch == '\r' || ch == '\n' || ch == '\t')
            ch = ' ';
        if ((unsigned char)ch < ' ')
            continue;
        if (ch == ' ' && (k == 0 || out[k - 1] == ' '))
            continue;
        out[k++] = ch;
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    if (k == 0)
        snprintf(out, cap, "(no message)");
}

typedef struct http_ctx {
    gidx__buf body;
    double retry_after;   /* seconds, < 0 when absent */
    CURL *curl;
    int bomb;             /* 1: stopped as a compression bomb */
} http_ctx;

/* A decoded body this much larger than the bytes on the wire, past
 * GIDX__FETCH_BOMB_MIN, is taken for a compression bomb and stopped early
 * (JSON-stat compresses about 10:1; a gzip bomb 1000:1). */
#define GIDX__FETCH_BOMB_RATIO 200.0
#define GIDX__FETCH_BOMB_MIN ((size_t)64 << 20)

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    http_ctx *h = user;
    size_t n = size * nmemb;
    if (h->body.len + n > GIDX__FETCH_MAX_BODY)
        return 0;
    if (h->body.len + n > GIDX__FETCH_BOMB_MIN && h->curl != NULL) {
        curl_off_t wire = 0;
        if (curl_easy_getinfo(h->curl, CURLINFO_SIZE_DOWNLOAD_T, &wire) == CURLE_OK && wire > 0 &&
            (double)(h->body.len + n) > GIDX__FETCH_BOMB_RATIO * (double)wire) {
            h->bomb = 1;
            return 0;
        }
    }
    if (gidx__buf_append(&h->body, data, n) != 0 || h->body.failed)
        return 0;
    return n;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *user)
{
    http_ctx *h = user;
    size_t n = size * nmemb;
    static const char key[] = "retry-after:";
    if (n > sizeof key - 1 && strncasecmp(data, key, sizeof key - 1) == 0) {
        char val[128];
        size_t vl = n - (sizeof key - 1);
        const char *v = data + sizeof key - 1;
        while (vl > 0 && (*v == ' ' || *v == '\t')) {
            v++;
            vl--;
        }
        while (vl > 0 && (v[vl - 1] == '\r' || v[vl - 1] == '\n' || v[vl - 1] == ' '))
            vl--;
        if (vl > 0 && vl < sizeof val) {
            char *end;
            long secs;
            memcpy(val, v, vl);
            val[vl] = '\0';
            secs = strtol(val, &end, 10);
            if (*end == '\0' && secs >= 0)
                h->retry_after = (double)secs;
            else {
                time_t t = curl_getdate(val, NULL);
                if (t != (time_t)-1)
                    h->retry_after = t > time(NULL) ? difftime(t, time(NULL)) : 0.0;
            }
        }
    }
    return n;
}

static void sleep_s(double s)
{
    struct timespec ts;
    if (!(s > 0))
        return;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static gidx_status http_get(char **body, size_t *len, gidx_fetch_client *c, const char *url)
{
    unsigned attempt;
    *body = NULL;
    for (attempt = 0;; attempt++) {
        http_ctx h;
        char errbuf[CURL_ERROR_SIZE];
        CURLcode cc;
        long status = 0;
        CURL *e = c->curl;
        memset(&h, 0, sizeof h);
        h.retry_after = -1;
        h.curl = e;
        errbuf[0] = '\0';
        curl_easy_reset(e);
        curl_easy_setopt(e, CURLOPT_URL, url);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &h);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &h);
        curl_easy_setopt(e, CURLOPT_USERAGENT, c->user_agent);
        if (c->userpwd != NULL)
            curl_easy_setopt(e, CURLOPT_USERPWD, c->userpwd);
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(c->opt.timeout * 1000.0 + 0.5));
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(c->opt.connect_timeout * 1000.0 + 0.5));
        c->st.requests++;
        cc = curl_easy_perform(e);
        c->st.bytes += h.body.len;
        if (cc != CURLE_OK) {
            gidx_status rc;
            const char *why = errbuf[0] ? errbuf : curl_easy_strerror(cc);
            if (h.body.failed)
                rc = GIDX_ENOMEM;
            else if (cc == CURLE_PARTIAL_FILE)
                rc = gidx__error_set(GIDX_EPARSE, "fetch: truncated answer from %s after %zu "
                                     "bytes: %s", url, h.body.len, why);
            else if (cc == CURLE_WRITE_ERROR && h.bomb)
                rc = gidx__error_set(GIDX_ELIMIT, "fetch: answer from %s stopped after %zu decoded "
                                     "bytes: more than %.0f times the bytes received (a "
                                     "compression bomb?)", url, h.body.len, GIDX__FETCH_BOMB_RATIO);
            else if (cc == CURLE_WRITE_ERROR)
                rc = gidx__error_set(GIDX_ELIMIT, "fetch: answer from %s exceeds %zu bytes",
                                     url, GIDX__FETCH_MAX_BODY);
            else if (cc == CURLE_OPERATION_TIMEDOUT)
                rc = gidx__error_set(GIDX_ENET, "fetch: %s: timed out (timeout %g s): %s", url,
                                     c->opt.timeout, why);
            else
                rc = gidx__error_set(GIDX_ENET, "fetch: %s: %s", url, why);
            gidx__buf_free(&h.body);
            return rc;
        }
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
        if (status == 200) {
            gidx__buf_puts(&h.body, "");
            if (h.body.failed) {
                gidx__buf_free(&h.body);
                return GIDX_ENOMEM;
            }
            *len = h.body.len;
            *body = gidx__buf_take(&h.body);
            return GIDX_OK;
        }
        if ((status == 429 || status == 502 || status == 503 || status == 504) &&
            attempt < c->opt.max_retries) {
            double wait = c->opt.backoff;
            unsigned k;
            for (k = 0; k < attempt && wait < c->opt.backoff_max; k++)
                wait *= 2.0;
            if (h.retry_after > wait)
                wait = h.retry_after;
            if (wait > c->opt.backoff_max)
                wait = c->opt.backoff_max;
            gidx__buf_free(&h.body);
            sleep_s(wait);
            c->st.retries++;
            c->st.waited += wait;
            continue;
        }
        {
            char msg[512];
            gidx_status rc;
            server_message(msg, sizeof msg, h.body.s ? h.body.s : "", h.body.len);
            if (status == 400)
                rc = gidx__error_set(GIDX_EINVAL, "fetch: the server rejected the query (HTTP "
                                     "400): %s [%s]", msg, url);
            else if (status == 404)
                rc = gidx__error_set(GIDX_ENOTFOUND, "fetch: not found (HTTP 404): %s [%s]", msg, url);
            else if (status == 403 || status == 413)
                rc = gidx__error_set(GIDX_ELIMIT, "fetch: the server refused the request as too "
                                     "large (HTTP %ld): %s [%s]", status, msg, url);
            else if (status == 429 || status == 502 || status == 503 || status == 504)
                rc = gidx__error_set(GIDX_ENET, "fetch: HTTP %ld after %u retries: %s [%s]", status,
                                     attempt, msg, url);
            else
                rc = gidx__error_set(GIDX_ENET, "fetch: HTTP %ld: %s [%s]", status, msg, url);
            gidx__buf_free(&h.body);
            return rc;
        }
    }
}
#endif

/* Body of @p url from the cache (body file HASH@p suffix) or the network. */
static gidx_status get_body_as(char **body, size_t *len, int *from_cache, char retrieved[32],
                               char updated[64], gidx_fetch_client *c, const char *url,
                               const char *suffix)
{
    gidx_status rc;
    *body = NULL;
    *from_cache = 0;
    retrieved[0] = updated[0] = '\0';
    if (c->cache_dir != NULL && !c->opt.refresh) {
        rc = cache_lookup_as(body, len, retrieved, updated, c, url, suffix);
        if (rc == GIDX_OK) {
            *from_cache = 1;
            c->st.cache_hits++;
            return GIDX_OK;
        }
        if (rc < 0)
            return rc;
        /* a damaged entry: an error offline, fetched again (and rewritten) online */
        if (rc == CACHE_DAMAGED && c->opt.offline)
            return gidx__error_code();
    }
    if (c->opt.offline)
        return gidx__error_set(GIDX_ENOTFOUND, "fetch: offline, and the cache %s has no answer "
                               "for %s", c->cache_dir, url);
#ifdef GIDX_HAVE_CURL
    now_iso(retrieved);
    return http_get(body, len, c, url);
#else
    return gidx__error_set(GIDX_EUNSUPPORTED, "fetch: built without libcurl");
#endif
}

static gidx_status get_body(char **body, size_t *len, int *from_cache, char retrieved[32],
                            char updated[64], gidx_fetch_client *c, const char *url)
{
    return get_body_as(body, len, from_cache, retrieved, updated, c, url, ".json");
}

gidx_status gidx_fetch_client_download(char **path, char **retrieved, int *from_cache,
                                       gidx_fetch_client *c, const char *url, const char *label)
{
    char *body = NULL, when[32], updated[64];
    size_t len = 0;
    int fc = 0;
    gidx_status rc;
    if (path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_download: path is NULL");
    *path = NULL;
    if (retrieved != NULL)
        *retrieved = NULL;
    if (c == NULL || url == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_download: NULL argument");
    if (c->cache_dir == NULL)
        return gidx__error_set(GIDX_EINVAL, "fetch: downloading %s needs a cache directory "
                               "(--cache DIR)", url);
    if ((rc = get_body_as(&body, &len, &fc, when, updated, c, url, ".bin")) != GIDX_OK)
        return rc;
    if (!fc)
        rc = cache_store_as(c, url, label ? label : "file", body, len, when, NULL, ".bin");
    free(body);
    if (rc == GIDX_OK && (*path = cache_path(c, url, ".bin")) == NULL)
        rc = GIDX_ENOMEM;
    if (rc == GIDX_OK && retrieved != NULL && (*retrieved = gidx__strdup(when)) == NULL)
        rc = GIDX_ENOMEM;
    if (rc != GIDX_OK) {
        free(*path);
        *path = NULL;
        return rc;
    }
    if (from_cache != NULL)
        *from_cache = fc;
    return GIDX_OK;
}

gidx_status gidx_fetch_client_get(char **body, size_t *len, int *from_cache,
                                  gidx_fetch_client *c, const char *url)
{
    char retrieved[32], updated[64];
    size_t l = 0;
    int fc = 0;
    gidx_status rc;
    if (body == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_get: body is NULL");
    *body = NULL;
    if (c == NULL || url == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_client_get: NULL argument");
    rc = get_body(body, &l, &fc, retrieved, updated, c, url);
    if (len != NULL)
        *len = rc == GIDX_OK ? l : 0;
    if (from_cache != NULL)
        *from_cache = fc;
    return rc;
}

/* ---- queries ---- */

/* 1 when region code @p r is one of the @p n codes asked for (a server may
 * answer an aggregated code list's "K-5001" for 5001 or the other way round). */
static int asked_for(const char *r, const char *const *asked, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(r, asked[i]) == 0 ||
            (strncmp(r, "K-", 2) == 0 && strcmp(r + 2, asked[i]) == 0) ||
            (strncmp(asked[i], "K-", 2) == 0 && strcmp(r, asked[i] + 2) == 0))
            return 1;
    return 0;
}

/* Fetch and load one URL; caches the answer when it loads. When @p asked is
 * not NULL (the query named its regions by code), an answer holding a region
 * that was not asked for is refused, and neither used nor cached. */
static gidx_status fetch_one(gidx_dataset **out, int *from_cache, char retrieved[32],
                             gidx_fetch_client *c, const char *table, const char *url,
                             const gidx_jsonstat_options *opt, const char *const *asked,
                             size_t nasked)
{
    char *body = NULL, updated[64];
    size_t len = 0;
    gidx_status rc;
    gidx__buf name = GIDX__BUF_INIT;
    *out = NULL;
    if ((rc = get_body(&body, &len, from_cache, retrieved, updated, c, url)) != GIDX_OK)
        return rc;
    gidx__buf_printf(&name, "table %s%s", table, *from_cache ? " (cached)" : "");
    if (name.failed) {
        free(body);
        return GIDX_ENOMEM;
    }
    rc = gidx_dataset_load_jsonstat_buffer(out, body, len, name.s, opt);
    if (rc != GIDX_OK && !*from_cache && rc == GIDX_EPARSE)
        gidx__error_prefix("fetch: %s: ", url);
    if (rc == GIDX_OK && asked != NULL) {
        size_t i, n = gidx_dataset_nregions(*out);
        for (i = 0; i < n; i++) {
            const char *r = gidx_dataset_region(*out, i);
            if (!asked_for(r, asked, nasked)) {
                rc = gidx__error_set(GIDX_EDATA, "fetch: table %s: the %s holds region %s, which "
                                     "was not asked for: refused%s [%s]", table,
                                     *from_cache ? "cached answer" : "answer", r,
                                     *from_cache ? "" : " and not cached", url);
                gidx_dataset_free(*out);
                *out = NULL;
                break;
            }
        }
    }
    if (rc == GIDX_OK && !*from_cache && c->cache_dir != NULL) {
        const char *up = gidx_dataset_meta(*out, "updated");
        rc = cache_store(c, url, table, body, len, retrieved, up);
        if (rc != GIDX_OK) {
            gidx_dataset_free(*out);
            *out = NULL;
        }
    }
    gidx__buf_free(&name);
    free(body);
    return rc;
}

gidx_status gidx_fetch_query_run(gidx_dataset **out, gidx_fetch_client *c,
                                 const gidx_fetch_query *q, const gidx_jsonstat_options *opt)
{
    size_t cells = 0, chunk = 0, npieces = 1, p, hits = 0;
    const gidx__fetch_dim *region = NULL;
    gidx_dataset *res = NULL;
    gidx_status rc = GIDX_OK;
    char oldest[32] = "", *first_url = NULL, updated[64] = "";
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_run: out is NULL");
    *out = NULL;
    if (c == NULL || q == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_fetch_query_run: NULL argument");
    /* Cells of the dimensions selected by codes: the exact count, or a lower
     * bound when a dimension uses an expression (only the server knows it). */
    cells = 1;
    {
        size_t i, k;
        for (i = 0; i < q->ndims; i++) {
            const gidx__fetch_dim *d = &q->dims[i];
            int expr = 0;
            for (k = 0; d->codes != NULL && k < d->ncodes; k++)
                expr |= gidx__fetch_is_expression(d->codes[k]);
            if (d->codes != NULL && !expr)
                cells = cells > (size_t)-1 / d->ncodes ? (size_t)-1 : cells * d->ncodes;
        }
    }
    if (cells > c->opt.max_cells) {
        size_t per;
        region = gidx__fetch_query_dim(q, "Region");
        if (region == NULL || region->codes == NULL || region->ncodes < 2)
            return gidx__error_set(GIDX_ELIMIT, "fetch: table %s: the query asks for %zu cells, "
                                   "more than the limit of %zu, and has no Region selection to "
                                   "split by", q->table, cells, c->opt.max_cells);
        per = cells / region->ncodes;
        if (per > c->opt.max_cells)
            return gidx__error_set(GIDX_ELIMIT, "fetch: table %s: one region alone asks for %zu "
                                   "cells, more than the limit of %zu", q->table, per,
                                   c->opt.max_cells);
        chunk = c->opt.max_cells / per;
        npieces = (region->ncodes + chunk - 1) / chunk;
    }
    for (p = 0; p < npieces && rc == GIDX_OK; p++) {
        gidx_fetch_query *piece = NULL;
        char *url = NULL, retrieved[32];
        gidx_dataset *ds = NULL;
        int fc = 0;
        if (region != NULL) {
            size_t lo = p * chunk, n = region->ncodes - lo < chunk ? region->ncodes - lo : chunk;
            if ((piece = gidx__fetch_query_clone(q)) == NULL) {
                rc = GIDX_ENOMEM;
                break;
            }
            rc = gidx_fetch_query_select(piece, "Region",
                                         (const char *const *)region->codes + lo, n);
        }
        if (rc == GIDX_OK)
            rc = gidx_fetch_query_url(&url, piece ? piece : q, c->api);
        if (rc == GIDX_OK) {
            /* the regions this request asks for, when given as plain codes */
            const gidx__fetch_dim *rd = gidx__fetch_query_dim(piece ? piece : q, "Region");
            const char *const *asked = NULL;
            size_t nasked = 0, k;
            if (rd != NULL && rd->codes != NULL && rd->codelist == NULL) {
                asked = (const char *const *)rd->codes;
                nasked = rd->ncodes;
                for (k = 0; k < nasked; k++)
                    if (gidx__fetch_is_expression(asked[k]))
                        asked = NULL;
            }
            rc = fetch_one(&ds, &fc, retrieved, c, q->table, url, opt, asked, nasked);
        }
        if (rc == GIDX_OK) {
            const char *up = gidx_dataset_meta(ds, "updated");
            hits += fc != 0;
            if (oldest[0] == '\0' || (retrieved[0] && strcmp(retrieved, oldest) < 0))
                snprintf(oldest, sizeof oldest, "%s", retrieved);
            if (up != NULL && strcmp(up, updated) > 0)
                snprintf(updated, sizeof updated, "%s", up);
            if (res == NULL) {
                res = ds;
                ds = NULL;
                first_url = url;
                url = NULL;
            } else {
                rc = gidx__fetch_merge(res, ds);
            }
        }
        if (p > 0 && rc == GIDX_OK)
            c->st.splits++;
        gidx_fetch_query_free(piece);
        gidx_dataset_free(ds);
        free(url);
    }
    if (rc == GIDX_OK) {
        char nbuf[32];
        snprintf(nbuf, sizeof nbuf, "%zu", npieces);
        if ((rc = gidx_dataset_set_meta(res, "table", q->table)) == GIDX_OK &&
            (rc = gidx_dataset_set_meta(res, "url", first_url)) == GIDX_OK &&
            (rc = gidx_dataset_set_meta(res, "retrieved", oldest)) == GIDX_OK &&
            (rc = gidx_dataset_set_meta(res, "requests", nbuf)) == GIDX_OK &&
            (rc = gidx_dataset_set_meta(res, "cache", hits == npieces ? "hit" : hits == 0 ?
                                        "miss" : "mixed")) == GIDX_OK &&
            updated[0] != '\0')
            rc = gidx_dataset_set_meta(res, "updated", updated);
    }
    free(first_url);
    if (rc != GIDX_OK) {
        gidx_dataset_free(res);
        return rc;
    }
    *out = res;
    return GIDX_OK;
}

const char *gidx__fetch_client_api(const gidx_fetch_client *c)
{
    return c->api;
}
