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
import io
import os

import pandas as pd

from . import capi as _capi
from ._errors import class_for as _class_for

__all__ = ["fetch", "FetchResult", "fetch_query_url", "fetch_preset", "county_regions", "SSB_API"]

SSB_API = "https://data.ssb.no/api/pxwebapi/v2"


def _raise_last():
    code, msg = _capi.gidx_error_last_code(), _capi.gidx_error_last_message()
    raise _class_for(code)(msg, code)


class FetchResult:
    """The fetched long table with its provenance and request counts.

    Attributes: ``frame`` (pandas DataFrame with columns region, year,
    variable, value, flag), ``meta`` (dict: per table ``TABLE.updated``,
    ``TABLE.retrieved``, ``TABLE.url``, ``TABLE.cache``...), ``stats`` (dict:
    requests, retries, cache_hits, cache_writes, splits, bytes, waited) and
    ``csv`` (the long CSV text that ``greenidx --data`` reads).
    """

    def __init__(self, text):
        head, _, csv = text.partition("\n\n")
        self.csv = csv
        self.meta, self.stats = {}, {}
        for line in head.splitlines():
            kind, key, value = line.split("\t", 2)
            if kind == "stat":
                self.stats[key] = float(value) if key == "waited" else int(value)
            else:
                self.meta[key] = value
        self.frame = pd.read_csv(io.StringIO(csv), dtype={"region": str, "variable": str,
                                                          "flag": str},
                                 keep_default_na=False, na_values={"value": [""]})

    def close(self):
        """Nothing to release (the data live in Python); for symmetry."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def to_csv(self, path):
        """Write the long CSV (region,year,variable,value,flag)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.csv)


def _join(codes):
    if codes is None:
        return ""
    if isinstance(codes, str):
        return codes
    return ",".join(str(c) for c in codes)


def fetch_preset(name="partners"):
    """Region codes of a preset: 'partners' = 5001, 4601, 5035, 4624, 50, 46."""
    s = _capi.gidx_py_fetch_regions(name, "", 0)
    if s is None:
        _raise_last()
    return s.split(",")


def county_regions(county, year=0):
    """The municipalities of a county valid in ``year`` (0 = today), from the
    region registry."""
    s = _capi.gidx_py_fetch_regions("", str(county), int(year))
    if s is None:
        _raise_last()
    return s.split(",")


def fetch_query_url(table, values=None, codelists=None, api=SSB_API, years=None):
    """The PxWebApi v2 GET URL of a table query.

    ``values`` maps dimensions to codes ({"Region": ["5001"], "ContentsCode":
    ["Personer1"]}), ``codelists`` dimensions to code lists ({"Region":
    "agg_KommSummer"}), ``years`` is a (from, to) pair for ``Tid``.
    """
    parts = []
    for dim, codes in (values or {}).items():
        parts.append("valueCodes[%s]=%s" % (dim, _join(codes)))
    if years is not None:
        parts.append("valueCodes[Tid]=%s" % ",".join(str(y) for y in range(years[0], years[1] + 1)))
    for dim, cl in (codelists or {}).items():
        parts.append("codelist[%s]=%s" % (dim, cl))
    s = _capi.gidx_py_fetch_url(str(table), "&".join(parts), api or "")
    if s is None:
        _raise_last()
    return s


def fetch(regions=None, preset=None, county=None, catalog=None, tables=None, years=None,
          api=SSB_API, cache=None, offline=False, timeout=60.0, retries=4, backoff=1.0,
          backoff_max=60.0, max_cells=800000):
    """Fetch base variables (from a catalogue's ``fetch`` records) and/or whole
    tables for regions and years; returns a :class:`FetchResult`.

    ``years`` is a year or a (from, to) pair. Errors raise the library's
    exceptions (``greenidx.NotFoundError`` for SSB's 404, ``NetworkError``...).
    """
    regs = list(regions) if regions is not None and not isinstance(regions, str) else (
        [regions] if regions else [])
    if preset:
        regs += fetch_preset(preset)
    if county:
        regs += county_regions(county)
    if years is None:
        raise ValueError("years is required: a year or a (from, to) pair")
    y0, y1 = (years, years) if isinstance(years, int) else (int(years[0]), int(years[1]))
    text = _capi.gidx_py_fetch(api or "", os.path.expanduser(cache) if cache else "",
                               1 if offline else 0, float(timeout), int(retries), float(backoff),
                               float(backoff_max), float(max_cells), _join(regs),
                               str(catalog) if catalog else "", _join(tables), y0, y1)
    if text is None:
        _raise_last()
    return FetchResult(text)
