# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Official statistics from Statistics Norway's PxWebApi v2 (JSON-stat 2.0).

The fetch runs in libgreenidx (libcurl): PxWebApi v2 queries, retries with
exponential backoff on HTTP 429/503 honouring Retry-After, request splitting
under SSB's cell limit, a cache keyed by the query URL with provenance, and
the JSON-stat loader. See docs/fetch.md.

>>> r = fetch(preset="partners", catalog="catalog.json", years=(2020, 2023),
...           cache="~/.cache/greenidx")
>>> r.frame            # pandas DataFrame: region, year, variable, value, flag
>>> r.meta["07459.updated"], r.stats["requests"]
"""
from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Sequence

import pandas as pd

from ._convert import Names, PathLike, YearLike, years_of
from ._errors import InvalidArgumentError

from . import capi as _capi

if TYPE_CHECKING:  # matplotlib is imported where a call needs it
    from matplotlib.axes import Axes

__all__ = ["fetch", "FetchResult", "fetch_query_url", "fetch_preset", "county_regions", "SSB_API"]

SSB_API = "https://data.ssb.no/api/pxwebapi/v2"
_STATS = ("requests", "retries", "cache_hits", "cache_writes", "splits", "bytes", "waited")


class FetchResult:
    """The fetched long table with its provenance and request counts.

    Attributes: ``frame`` (pandas DataFrame with columns region, year,
    variable, value, flag), ``meta`` (dict: per table ``TABLE.updated``,
    ``TABLE.retrieved``, ``TABLE.url``, ``TABLE.cache``...), ``stats`` (dict:
    requests, retries, cache_hits, cache_writes, splits, bytes, waited) and
    ``csv`` (the long CSV text that ``greenidx --data`` reads).
    """

    def __init__(self, csv: str, meta: "dict[str, str]", stats: "dict[str, float]") -> None:
        """``csv`` the long CSV text (values in each variable's unit),
        ``meta`` the provenance, ``stats`` the request counts and
        ``waited`` (seconds spent in backoff)."""
        self.csv = csv
        self.meta = dict(meta)
        self.stats = dict(stats)
        self.frame = pd.read_csv(io.StringIO(csv), dtype={"region": str, "variable": str,
                                                          "flag": str},
                                 keep_default_na=False, na_values={"value": [""]})

    def __repr__(self):
        f = self.frame
        years = "%d-%d" % (f.year.min(), f.year.max()) if len(f) else "no years"
        return "<greenidx.FetchResult: %d values, %d regions, %d variables, %s; %d requests, " \
               "%d from the cache>" % (len(f), f.region.nunique(), f.variable.nunique(), years,
                                       self.stats.get("requests", 0),
                                       self.stats.get("cache_hits", 0))

    def _repr_html_(self):
        import html
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.summary().to_html())

    def latest(self) -> pd.DataFrame:
        """The default view: each region's and variable's latest year with
        a value, with its year column (region, variable, year, value, flag)."""
        f = self.frame.dropna(subset=["value"]).sort_values(["region", "variable", "year"])
        return f.groupby(["region", "variable"], sort=True).tail(1).set_index(
            ["region", "variable"])[["year", "value", "flag"]]

    def summary(self) -> pd.DataFrame:
        """One row per variable (index): regions, first and last year, values
        and missing values, and the table it came from when known."""
        f = self.frame
        g = f.groupby("variable")
        s = g.agg(regions=("region", "nunique"), first_year=("year", "min"),
                  last_year=("year", "max"), values=("value", "count"))
        s["missing"] = g["value"].apply(lambda v: int(v.isna().sum()))
        return s

    def plot(self, variable: str, regions: "Names | None" = None,
             ax: "Axes | None" = None) -> "Axes":
        """Lines (matplotlib) of one variable over the years, one per region
        (``regions`` one code or any sequence; default all); returns the Axes."""
        import matplotlib.pyplot as plt
        f = self.frame[self.frame.variable == variable]
        if f.empty:
            raise KeyError("variable %r was not fetched (%s)" % (
                variable, sorted(self.frame.variable.unique())))
        regs = _codes(regions) or sorted(f.region.unique())
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 3.5))
        for r in regs:
            d = f[f.region == r].sort_values("year")
            ax.plot(d.year, d.value, marker="o", label=r)
        ax.set_xlabel("year")
        ax.set_ylabel(variable)
        ax.legend()
        return ax

    def close(self) -> None:
        """Nothing to release (the data live in Python); for symmetry."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def to_csv(self, path: PathLike) -> None:
        """Write the long CSV (region,year,variable,value,flag)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.csv)


def _codes(codes):
    """None, one str (one code) or any sequence of codes, as a list."""
    if codes is None:
        return []
    if isinstance(codes, str):
        return [codes]
    return [str(c) for c in codes]


def fetch_preset(name: str = "partners") -> "list[str]":
    """Region codes of a preset: 'partners' = 5001, 4601, 5035, 4624, 50, 46."""
    return list(_capi.gidx_fetch_preset(str(name)))


def county_regions(county: str, year: int = 0) -> "list[str]":
    """The municipalities of a county valid in ``year`` (0 = today), from the
    region registry."""
    reg = _capi.gidx_registry_load_default()
    return list(_capi.gidx_fetch_county_regions(reg, str(county), int(year)))


def fetch_query_url(table: str, values: "dict[str, Names] | None" = None,
                    codelists: "dict[str, str] | None" = None, api: str = SSB_API,
                    years: "Sequence[YearLike] | None" = None) -> str:
    """The PxWebApi v2 GET URL of a table query.

    ``values`` maps dimensions to codes ({"Region": ["5001"], "ContentsCode":
    ["Personer1"]}), ``codelists`` dimensions to code lists ({"Region":
    "agg_KommSummer"}), ``years`` is a (from, to) pair for ``Tid``.
    """
    parts = []
    for dim, codes in (values or {}).items():
        parts.append("valueCodes[%s]=%s" % (dim, ",".join(_codes(codes))))
    if years is not None:
        y = years_of(list(years), "years")
        parts.append("valueCodes[Tid]=%s" % ",".join(str(t) for t in range(y[0], y[-1] + 1)))
    for dim, cl in (codelists or {}).items():
        parts.append("codelist[%s]=%s" % (dim, cl))
    q = _capi.gidx_fetch_query_new(str(table))
    if parts:
        _capi.gidx_fetch_query_filter(q, "&".join(parts))
    return _capi.gidx_fetch_query_url(q, api or None)


def _meta(ds, prefix, into):
    for i in range(_capi.gidx_dataset_nmeta(ds)):
        k = _capi.gidx_dataset_meta_key(ds, i)
        into[prefix + k] = _capi.gidx_dataset_meta(ds, k)


def fetch(regions: "Names | None" = None, preset: str | None = None, county: str | None = None,
          catalog: "PathLike | None" = None, tables: "Names | None" = None,
          years: "YearLike | Sequence[YearLike] | None" = None, api: str = SSB_API,
          cache: "PathLike | None" = None, offline: bool = False,
          timeout: float = 60.0, retries: int = 4, backoff: float = 1.0,
          backoff_max: float = 60.0, max_cells: int = 800000) -> FetchResult:
    """Fetch base variables (from a catalogue's ``fetch`` records) and/or whole
    tables for regions and years; returns a :class:`FetchResult`.

    ``regions`` and ``tables`` are one code (str) or any sequence of codes;
    ``years`` is a year or a (from, to) pair (ints, dates or datetimes,
    read as their years). Errors raise the library's
    exceptions (``greenidx.NotFoundError`` for SSB's 404, ``NetworkError``...).
    ``timeout`` is in seconds per request, ``backoff`` and ``backoff_max``
    in seconds (the first wait and the cap of the exponential backoff),
    ``max_cells`` the cells of one request (SSB's limit: 800,000).
    """
    regs = _codes(regions)
    if preset:
        regs += fetch_preset(preset)
    if county:
        regs += county_regions(county)
    if years is None:
        raise ValueError("years is required: a year or a (from, to) pair")
    ys = years_of([years] if not isinstance(years, (tuple, list)) else list(years), "years")
    if len(ys) not in (1, 2):
        raise InvalidArgumentError("years: a year or a (from, to) pair, not %d values" % len(ys), -1)
    y0, y1 = int(ys[0]), int(ys[-1])
    tabs = _codes(tables)
    if not regs:
        raise InvalidArgumentError("fetch: no regions", -1)
    if not catalog and not tabs:
        raise InvalidArgumentError("fetch: give a catalogue or tables to fetch", -1)
    if int(retries) < 0 or not max_cells >= 1:
        raise InvalidArgumentError("fetch: retries must be >= 0 and max_cells >= 1", -1)
    o = _capi.gidx_fetch_options()
    if api:
        o.api = str(api)
    if cache:
        o.cache_dir = os.path.expanduser(str(cache))
    o.offline, o.timeout, o.max_retries = int(bool(offline)), float(timeout), int(retries)
    o.backoff, o.backoff_max, o.max_cells = float(backoff), float(backoff_max), int(max_cells)
    client = _capi.gidx_fetch_client_new(o)
    everything = _capi.gidx_dataset_new()
    meta = {}
    if catalog:
        plan = _capi.gidx_fetch_plan_load(str(catalog))
        ds = _capi.gidx_fetch_plan_fetch(client, plan, regs, None, y0, y1)
        _capi.gidx_dataset_merge(everything, ds)
        _meta(ds, "", meta)
    for t in tabs:
        q = _capi.gidx_fetch_query_new(t)
        _capi.gidx_fetch_query_select(q, "Region", regs)
        _capi.gidx_fetch_query_select(q, "ContentsCode", ["*"])
        _capi.gidx_fetch_query_years(q, y0, y1)
        jo = _capi.gidx_jsonstat_options()
        jo.region_dim, jo.time_dim = "Region", "Tid"
        ds = _capi.gidx_fetch_query_run(client, q, jo)
        _capi.gidx_dataset_merge(everything, ds)
        _meta(ds, t + ".", meta)
    st = _capi.gidx_fetch_stats()
    _capi.gidx_fetch_client_stats(st, client)
    stats = {k: getattr(st, k) for k in _STATS}
    stats["waited"] = float(stats["waited"])
    return FetchResult(_capi.gidx_dataset_to_csv(everything), meta, stats)
