/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * @file fetch.h
 * @brief Fetching official statistics from SSB's PxWebApi v2 (JSON-stat 2.0) with caching and provenance.
 *
 * A ::gidx_fetch_query describes one table selection (value codes per
 * dimension, code lists) and renders the PxWebApi v2 GET URL
 * `{api}/tables/{id}/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=...`.
 * A ::gidx_fetch_client sends queries with libcurl (timeouts, retries with
 * exponential backoff on HTTP 429/502/503/504 honouring Retry-After, request
 * splitting by region chunks under a cell limit), keeps answers in a cache
 * directory, and loads them into a ::gidx_dataset through the JSON-stat
 * loader with the retrieval time, URL and the table's `updated` stamp as
 * metadata. A fetch plan maps catalogue base variables to tables.
 * A client is used by one thread at a time; distinct clients may run in
 * parallel.
 */
#ifndef GREENIDX_FETCH_H
#define GREENIDX_FETCH_H

#include <greenidx/common.h>
#include <greenidx/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/** SSB's PxWebApi v2 root, the default API of a client. */
#define GIDX_FETCH_SSB_API "https://data.ssb.no/api/pxwebapi/v2"

/** A PxWebApi v2 table query (opaque). */
typedef struct gidx_fetch_query gidx_fetch_query;

/** A fetch client: HTTP session, options, cache and counters (opaque). */
typedef struct gidx_fetch_client gidx_fetch_client;

/**
 * Create a query for one table.
 * @param out   out: the query (free with gidx_fetch_query_free()); NULL on failure
 * @param table the table id, e.g. "07459" (letters, digits, '_' and '-')
 * @return ::GIDX_OK; ::GIDX_EINVAL for a NULL, empty or malformed id; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_query_new(gidx_fetch_query **out, const char *table);

/** Free a query; NULL is a no-op. */
GIDX_API void gidx_fetch_query_free(gidx_fetch_query *q);

/**
 * Select value codes of a dimension (`valueCodes[dim]=c1,c2,...`), replacing
 * an earlier selection of that dimension. Codes may use PxWebApi's selection
 * expressions (`*`, `top(3)`, `from(2015)`); such a dimension is not counted
 * by gidx_fetch_query_ncells().
 * @param dim    dimension code, e.g. "Region", "Tid", "ContentsCode"
 * @param codes  @p n codes (none may be empty or contain ',')
 * @return ::GIDX_OK; ::GIDX_EINVAL (n == 0, empty or bad code, naming it); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_query_select(gidx_fetch_query *q, const char *dim,
                                             const char *const *codes, size_t n);

/**
 * Select the years @p from .. @p to of dimension `Tid` (both included).
 * @return ::GIDX_OK; ::GIDX_EINVAL when from > to or a year is outside 1000..9999.
 */
GIDX_API gidx_status gidx_fetch_query_years(gidx_fetch_query *q, int from, int to);

/**
 * Use a code list for a dimension (`codelist[dim]=id`), e.g. "agg_KommSummer"
 * (municipalities summed to today's borders) or "vs_Kommun" for `Region`;
 * NULL removes it.
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_query_codelist(gidx_fetch_query *q, const char *dim,
                                               const char *codelist);

/**
 * Add the selections of a filter written in the URL's own syntax:
 * `valueCodes[DIM]=A,B&codelist[DIM]=ID&outputValues[DIM]=aggregated`.
 * @return ::GIDX_OK; ::GIDX_EPARSE naming the piece that is not of that form;
 *         ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_query_filter(gidx_fetch_query *q, const char *filter);

/**
 * Set the language of labels ("no" by default, or "en").
 * @return ::GIDX_OK; ::GIDX_EINVAL for a code that is not 2 lowercase letters.
 */
GIDX_API gidx_status gidx_fetch_query_lang(gidx_fetch_query *q, const char *lang);

/** The table id (borrowed). */
GIDX_API const char *gidx_fetch_query_table(const gidx_fetch_query *q);

/**
 * Number of cells the query asks for: the product of the number of selected
 * codes over its dimensions.
 * @param cells out: the count
 * @return ::GIDX_OK; ::GIDX_EUNSUPPORTED when a dimension uses a selection
 *         expression (the count is then only known to the server); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_fetch_query_ncells(size_t *cells, const gidx_fetch_query *q);

/**
 * Render the GET URL of the query under an API root (percent-encoding codes;
 * dimensions in the order they were first selected).
 * @param url  out: the URL, free with gidx_free()
 * @param api  API root, e.g. ::GIDX_FETCH_SSB_API; NULL means that one. A
 *             trailing '/' is ignored.
 * @return ::GIDX_OK; ::GIDX_EINVAL; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_query_url(char **url, const gidx_fetch_query *q,
                                          const char *api);

/** Options of a client; initialise with ::GIDX_FETCH_OPTIONS_INIT. */
typedef struct gidx_fetch_options {
    unsigned version;          /**< must be 1 */
    const char *api;           /**< API root; NULL = ::GIDX_FETCH_SSB_API */
    const char *cache_dir;     /**< cache directory (created when missing); NULL = no cache */
    int offline;               /**< 1: answer only from the cache, never the network */
    int refresh;               /**< 1: ignore cached answers (they are still rewritten) */
    double timeout;            /**< seconds for a whole request (> 0) */
    double connect_timeout;    /**< seconds to connect (> 0) */
    unsigned max_retries;      /**< retries after HTTP 429/502/503/504 */
    double backoff;            /**< first wait in seconds, doubled on each retry */
    double backoff_max;        /**< upper bound of any wait, also of Retry-After */
    size_t max_cells;          /**< cells per request; larger queries are split by Region (SSB: 800000) */
    const char *user_agent;    /**< User-Agent header; NULL = "libgreenidx/VERSION" */
} gidx_fetch_options;

/** Default client options: SSB, no cache, 60 s timeout, 4 retries from 1 s up to 60 s, 800000 cells. */
#define GIDX_FETCH_OPTIONS_INIT { 1u, NULL, NULL, 0, 0, 60.0, 15.0, 4u, 1.0, 60.0, 800000u, NULL }

/** Counters of a client since it was created (see gidx_fetch_client_stats()). */
typedef struct gidx_fetch_stats {
    unsigned version;          /**< set to 1 by gidx_fetch_client_stats() */
    size_t requests;           /**< HTTP requests sent (each retry counts) */
    size_t retries;            /**< retries after 429/502/503/504 */
    size_t cache_hits;         /**< answers served from the cache */
    size_t cache_writes;       /**< answers written to the cache */
    size_t splits;             /**< extra requests made by splitting large queries */
    size_t bytes;              /**< bytes received over the network */
    double waited;             /**< seconds spent backing off */
} gidx_fetch_stats;

/**
 * Create a client. libcurl is initialised once per process (pthread_once).
 * @param out out: the client; NULL on failure
 * @param opt options, or NULL for ::GIDX_FETCH_OPTIONS_INIT
 * @return ::GIDX_OK; ::GIDX_EINVAL (bad version, non-positive timeout, offline
 *         without a cache directory, max_cells == 0); ::GIDX_EIO (cache
 *         directory cannot be created); ::GIDX_EUNSUPPORTED (built without
 *         libcurl and not offline); ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_client_new(gidx_fetch_client **out,
                                           const gidx_fetch_options *opt);

/** Free a client; NULL is a no-op. */
GIDX_API void gidx_fetch_client_free(gidx_fetch_client *c);

/**
 * Copy the client's counters.
 * @return ::GIDX_OK; ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_fetch_client_stats(gidx_fetch_stats *st, const gidx_fetch_client *c);

/**
 * Fetch one URL's body, from the cache when present (unless refresh), else
 * over HTTP with the client's retries; a 200 answer is not cached by this
 * call (gidx_fetch_query_run() caches answers that load).
 * @param body      out: the body, NUL-terminated, free with gidx_free()
 * @param len       out: its length (may be NULL)
 * @param from_cache out: 1 when served from the cache (may be NULL)
 * @return ::GIDX_OK; ::GIDX_EINVAL for HTTP 400 and ::GIDX_ENOTFOUND for 404
 *         (both with the server's message); ::GIDX_ELIMIT for 403/413 (too
 *         large); ::GIDX_ENET for network failures, time-outs, other HTTP
 *         statuses and retries exhausted; ::GIDX_EPARSE for a truncated
 *         body; ::GIDX_ENOTFOUND offline with no cached answer.
 */
GIDX_API gidx_status gidx_fetch_client_get(char **body, size_t *len, int *from_cache,
                                           gidx_fetch_client *c, const char *url);

/**
 * Run a query: render the URL under the client's API root, split it into
 * region chunks when it asks for more than max_cells cells (counting only
 * the dimensions selected by codes when some use an expression), fetch each piece
 * (cache first), load it with gidx_dataset_load_jsonstat_buffer() and merge.
 * Metadata of the result: `table`, `url` (of the first piece), `retrieved`
 * (ISO 8601 UTC of the oldest piece), `updated` (the table's stamp),
 * `source`, `label`, `requests` (number of pieces) and `cache` ("hit",
 * "miss" or "mixed").
 * @param out out: the dataset; NULL on failure
 * @param opt JSON-stat loader options, or NULL for the defaults
 * @return as gidx_fetch_client_get(); the loader's codes (::GIDX_EPARSE for
 *         an answer that is not JSON-stat); ::GIDX_ELIMIT when one region
 *         alone exceeds max_cells.
 */
GIDX_API gidx_status gidx_fetch_query_run(gidx_dataset **out, gidx_fetch_client *c,
                                          const gidx_fetch_query *q,
                                          const gidx_jsonstat_options *opt);

/** One base variable of a catalogue and where SSB publishes it. */
typedef struct gidx_fetch_item {
    const char *variable;   /**< name in the dataset, e.g. "population" */
    const char *table;      /**< table id, e.g. "07459" */
    const char *contents;   /**< ContentsCode of the variable, e.g. "Personer1" */
    const char *filter;     /**< other selections in URL syntax (gidx_fetch_query_filter()), or NULL */
} gidx_fetch_item;

/** Called once per table of a plan before it is fetched (e.g. for a progress line). */
typedef void (*gidx_fetch_progress_fn)(void *user, size_t index, size_t ntables,
                                       const char *table, size_t nvariables);

/**
 * Fetch the variables of a plan for regions and years: one query per
 * (table, filter) with `Region`, `Tid` (from..to) and the union of the
 * ContentsCodes, each answer loaded with ContentsCode as the variable
 * dimension and renamed to the items' variable names, merged into one
 * dataset. Provenance is kept per table as metadata `TABLE.retrieved`,
 * `TABLE.updated`, `TABLE.url`, `TABLE.cache`.
 * @param out       out: the dataset; NULL on failure
 * @param items     @p nitems plan records
 * @param regions   @p nregions region codes (municipalities or counties)
 * @param codelist  code list for Region (e.g. "agg_KommSummer"), or NULL
 * @param from,to   years (from <= to)
 * @param progress  callback or NULL; @p user is passed to it
 * @return as gidx_fetch_query_run(); ::GIDX_EINVAL for empty lists or bad
 *         records (naming the variable); ::GIDX_EDUPLICATE for a variable
 *         named twice.
 */
GIDX_API gidx_status gidx_fetch_plan_run(gidx_dataset **out, gidx_fetch_client *c,
                                         const gidx_fetch_item *items, size_t nitems,
                                         const char *const *regions, size_t nregions,
                                         const char *codelist, int from, int to,
                                         gidx_fetch_progress_fn progress, void *user);

/** A fetch plan read from a catalogue file (opaque). */
typedef struct gidx_fetch_plan gidx_fetch_plan;

/**
 * Read the fetch records of a catalogue JSON file: every entry of its
 * `variables` array that has a `fetch` object
 * `{"table": "07459", "contents": "Personer1", "filter": "..."}` (filter
 * optional) becomes a ::gidx_fetch_item named by the entry's `name`.
 * @param out  out: the plan; NULL on failure
 * @return ::GIDX_OK; ::GIDX_EIO; ::GIDX_EPARSE (invalid JSON with
 *         file:line:column, or a malformed fetch record naming the variable);
 *         ::GIDX_ENOTFOUND when no variable has a fetch record; ::GIDX_ENOMEM.
 */
GIDX_API gidx_status gidx_fetch_plan_load(gidx_fetch_plan **out, const char *path);

/**
 * As gidx_fetch_plan_load(), from catalogue JSON text in memory.
 * @param name a name for error messages, may be NULL
 */
GIDX_API gidx_status gidx_fetch_plan_parse(gidx_fetch_plan **out, const char *json, size_t len,
                                           const char *name);

/**
 * The fetch plan of the built-in default catalogue (gidx_catalog_default()):
 * every base variable with a public SSB source (docs/fetch.md lists them).
 * @return as gidx_fetch_plan_parse().
 */
GIDX_API gidx_status gidx_fetch_plan_default(gidx_fetch_plan **out);

/**
 * Fetch the variables of a plan handle for regions and years. Besides
 * gidx_fetch_plan_run()'s records, a plan's `fetch` objects may select one
 * category of another dimension: `"dimension": "NACE2007"` with
 * `"code": "10-33"`, or `"label": "Husholdninger"` (the category the answer
 * labels so; the query asks for every category, `*`), or `"sum": true` (the
 * sum over every category of the answer, missing when one is missing);
 * `"lang": "en"` sets the query's language and `"region_prefix": true`
 * writes municipalities `K-5001` and counties `F-50`, as SSB's aggregated
 * region lists (`codelist[Region]=agg_KommSummer`) want. Records of one
 * table with the same filter, dimension, language and prefix share one
 * query (they must share one ContentsCode when they select categories).
 * Provenance as gidx_fetch_plan_run().
 * @param out out: the dataset; NULL on failure
 * @return as gidx_fetch_plan_run(); ::GIDX_ENOTFOUND (naming the labels the
 *         answer has) when no category carries a record's label.
 */
GIDX_API gidx_status gidx_fetch_plan_fetch(gidx_dataset **out, gidx_fetch_client *c,
                                           const gidx_fetch_plan *p,
                                           const char *const *regions, size_t nregions,
                                           const char *codelist, int from, int to,
                                           gidx_fetch_progress_fn progress, void *user);

/**
 * Miljødirektoratet's download of the municipal emission statistics
 * ("Klimagassutslipp fra kommuner", all municipalities, xlsx), the default
 * of gidx_fetch_client_download() for `greenidx fetch --mdir-url`.
 */
#define GIDX_FETCH_MDIR_URL "https://www.miljodirektoratet.no/globalassets/netttjenester/klimagassutslipp-kommuner/utslippsstatistikk_alle_kommuner.xlsx"

/**
 * Download a file (e.g. Miljødirektoratet's workbook) into the client's
 * cache, or find it there, with the same retries, limits and offline rule
 * as SSB answers. The body is kept as `HASH.bin` with a sidecar
 * `HASH.meta.json` holding the URL, the retrieval time (ISO 8601 UTC), the
 * byte count and @p label, exactly as for SSB answers.
 * @param path       out: the cached file's path (free with gidx_free())
 * @param retrieved  out: when it was retrieved, ISO 8601 UTC (free with
 *                   gidx_free()); may be NULL
 * @param from_cache out: 1 when it came from the cache (may be NULL)
 * @param url        the file's address
 * @param label      what it is, for the sidecar (e.g. "mdir"), may be NULL
 * @return ::GIDX_OK; ::GIDX_EINVAL without a cache directory; as
 *         gidx_fetch_client_get() otherwise (::GIDX_ENOTFOUND offline with
 *         nothing cached).
 */
GIDX_API gidx_status gidx_fetch_client_download(char **path, char **retrieved, int *from_cache,
                                                gidx_fetch_client *c, const char *url,
                                                const char *label);

/** Free a plan; NULL is a no-op. */
GIDX_API void gidx_fetch_plan_free(gidx_fetch_plan *p);

/** Number of records in a plan. */
GIDX_API size_t gidx_fetch_plan_size(const gidx_fetch_plan *p);

/** Record @p i of a plan (borrowed), or NULL when out of range. */
GIDX_API const gidx_fetch_item *gidx_fetch_plan_item(const gidx_fetch_plan *p, size_t i);

/**
 * Region codes of a preset: "partners" = Trondheim 5001, Bergen 4601,
 * Stjørdal 5035, Bjørnafjorden 4624, Trøndelag 50, Vestland 46 (the
 * partner regions, in that order).
 * @param codes out: up to @p cap borrowed static strings
 * @param n     out: the number of codes (also set on ::GIDX_EBUFS)
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for an unknown preset.
 */
GIDX_API gidx_status gidx_fetch_preset(const char **codes, size_t cap, size_t *n,
                                       const char *name);

/**
 * The municipalities of a county that are valid in @p year, from a region
 * registry, in registry order.
 * @param codes  out: up to @p cap borrowed codes (live as long as @p reg)
 * @param n      out: how many there are (also set on ::GIDX_EBUFS)
 * @param county a county code, e.g. "50"
 * @param year   the year they must be valid in; 0 = valid today
 * @return ::GIDX_OK; ::GIDX_EBUFS; ::GIDX_ENOTFOUND for a code that is not a
 *         county (or has no municipalities that year); ::GIDX_EINVAL.
 */
GIDX_API gidx_status gidx_fetch_county_regions(const char **codes, size_t cap, size_t *n,
                                               const gidx_registry *reg,
                                               const char *county, int year);

#ifdef __cplusplus
}
#endif

#endif /* GREENIDX_FETCH_H */
