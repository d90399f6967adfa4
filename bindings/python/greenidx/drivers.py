# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drivers of change: LMDI-I decomposition of emissions and Tapio decoupling.

What drove a region's emissions: population, employment rate, industry
structure and emission intensity, per Miljødirektoratet sector and in
total (Ang 2005, Energy Policy 33; Ang 2015, Energy Policy 86; zero values
after Ang & Liu 2007), with Tapio's (2005) decoupling class of each period.
Every number is computed by libgreenidx (``gidx_decompose``); this module
only turns the library's CSV renderings into pandas DataFrames.

>>> import greenidx as gi
>>> df = gi.decompose(gi.load_default(), regions=["Skien"])
>>> df[df.sector == "total"]          # the four effects and their sum, t CO2e
>>> df.attrs["periods"]               # emissions, jobs, elasticity, Tapio class
>>> df.attrs["cases"]                 # zero and missing values, how handled
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from . import capi as _capi
from ._convert import Names, PathLike, YearLike, years_of as _years_of
from .data import handle_of as _dataset_handle

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
    from .data import Dataset

__all__ = ["decompose", "DriversMapping", "plot_decomposition", "summarise_decomposition",
           "EFFECTS", "TAPIO_CLASSES"]

EFFECTS = ("population", "employment_rate", "structure", "intensity", "total")
TAPIO_CLASSES = tuple(_capi.gidx_tapio_class_name(i) for i in range(9)) \
    if hasattr(_capi, "gidx_tapio_class_name") else ()
_FORM = {"additive": 0, "multiplicative": 1}
_DRIVER = {"jobs": 0, "population": 1}


def _text(result):
    """The string of a ``char **out`` rendering (with or without its length)."""
    if isinstance(result, (tuple, list)):
        result = next(r for r in result if isinstance(r, str))
    return result


class DriversMapping:
    """A sector mapping (``gidx_drivers_mapping``): which emission sectors
    are business sectors and which SN2007 employment groups drive them.
    ``DriversMapping()`` is the built-in table (data/drivers/mapping.json);
    ``DriversMapping(path)`` loads a replacement."""

    def __init__(self, path: "PathLike | None" = None) -> None:
        self._path = None if path is None else str(path)
        self._m = (_capi.gidx_drivers_mapping_default() if path is None
                   else _capi.gidx_drivers_mapping_load(self._path))

    def __reduce__(self):
        # a mapping pickles as where it came from (the built-in table or its file)
        return DriversMapping, (self._path,)

    def __len__(self):
        return _capi.gidx_drivers_mapping_nsectors(self._m)

    def __repr__(self):
        return "<greenidx.DriversMapping: %d sectors, %s>" % (
            len(self), "built-in" if self._path is None else self._path)

    def _repr_html_(self):
        import html
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.to_frame().to_html())

    def to_frame(self) -> "pd.DataFrame":
        """The mapping as a DataFrame indexed by sector id: variable, kind,
        groups (SN2007 group codes, joined by "; "); no numbers."""
        import pandas as pd
        rows = [(i, v, k, "; ".join(g)) for i, v, k, g in self.sectors()]
        return pd.DataFrame(rows, columns=["sector", "variable", "kind", "groups"]).set_index("sector")

    def sectors(self) -> "list[tuple[str, str, str, list[str]]]":
        """``[(id, variable, kind, groups), ...]``, kind "business" or "population"."""
        m = self._m
        return [(_capi.gidx_drivers_mapping_sector(m, i), _capi.gidx_drivers_mapping_variable(m, i),
                 ("business", "population")[_capi.gidx_drivers_mapping_kind(m, i)],
                 [_capi.gidx_drivers_mapping_group(m, i, j)
                  for j in range(_capi.gidx_drivers_mapping_ngroups(m, i))])
                for i in range(_capi.gidx_drivers_mapping_nsectors(m))]


def decompose(data: "Dataset", regions: "Names | None" = None, from_year: YearLike = 0,
              to_year: YearLike = 0, chained: bool = False, form: str = "additive",
              mapping: "DriversMapping | PathLike | None" = None,
              driver: str = "jobs") -> "pd.DataFrame":
    """LMDI-I decomposition of the emissions of a dataset (``gidx_decompose``).

    Returns a DataFrame with the columns of ``greenidx decompose --format
    csv``: ``region_code, region_name, from, to, effect, sector, value``
    (t CO2e for the additive form, factors for the multiplicative one);
    ``attrs["periods"]`` holds one row per region and period with the
    emissions and driver at both ends, the Tapio elasticity and class, and
    ``attrs["cases"]`` every zero or missing value and how it was handled.

    :param data: a :class:`greenidx.Dataset` (e.g. ``load_default()``)
    :param regions: one region code or name (str), or any sequence of them;
        None for all (an unknown region raises :class:`greenidx.NotFoundError`)
    :param from_year, to_year: the period; 0 for each region's first/last
        year with every input
    :param chained: year by year over the observed years instead of one period
    :param form: "additive" or "multiplicative"
    :param mapping: a :class:`DriversMapping`, a path, or None for the built-in one
    :param driver: "jobs" or "population" (every sector E = P x E/P; Tapio
        against population)
    """
    import pandas as pd
    if mapping is not None and not isinstance(mapping, DriversMapping):
        mapping = DriversMapping(mapping)
    # one region as a str (never its letters), several as any sequence;
    # years as ints, dates or datetimes
    regions = [] if regions is None else [regions] if isinstance(regions, str) else \
        [str(r) for r in regions]
    y0 = int(_years_of([from_year], "from_year")[0]) if from_year else 0
    y1 = int(_years_of([to_year], "to_year")[0]) if to_year else 0
    d = _capi.gidx_decompose_args(_dataset_handle(data), regions,
                                  y0, y1, int(bool(chained)),
                                  _FORM[form], _DRIVER[driver],
                                  None if mapping is None else mapping._m)
    read = lambda fn: pd.read_csv(io.StringIO(_text(fn(d))),  # noqa: E731
                                  dtype={"region_code": str, "region_name": str})
    df = read(_capi.gidx_decomposition_to_csv)
    df.attrs["periods"] = read(_capi.gidx_decomposition_periods_to_csv)
    df.attrs["cases"] = read(_capi.gidx_decomposition_cases_to_csv)
    df.attrs["form"] = form
    df.attrs["driver"] = driver
    return df


def summarise_decomposition(df: "pd.DataFrame") -> "pd.DataFrame":
    """The total effects of a :func:`decompose` frame: one row per region
    and period (a MultiIndex region_name, from, to), one column per effect
    (t CO2e for the additive form, factors for the multiplicative one),
    the latest period last."""
    t = df[df["sector"] == "total"]
    s = t.pivot_table(index=["region_name", "from", "to"], columns="effect", values="value",
                      sort=True)
    return s[[e for e in EFFECTS if e in s.columns]]


def plot_decomposition(df: "pd.DataFrame", region: "str | None" = None,
                       ax: "Axes | None" = None) -> "Axes":
    """Bars (matplotlib) of the effects of the latest period of one region
    (default the first) of a :func:`decompose` frame, with the total as a
    line (t CO2e for the additive form, factors for the multiplicative
    one); returns the Axes."""
    import matplotlib.pyplot as plt
    s = summarise_decomposition(df)
    names = s.index.get_level_values("region_name")
    if region is not None and region not in set(names):
        raise KeyError("region %r is not in the decomposition (%s)" % (region, sorted(set(names))))
    s = s[names == (region if region is not None else names[0])].iloc[-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    parts = [e for e in EFFECTS[:-1] if e in s.index]
    ax.bar(parts, [s[e] for e in parts])
    if "total" in s.index:
        ax.axhline(s["total"], color="black", linewidth=1, label="total %.6g" % s["total"])
        ax.legend()
    unit = "t CO2e" if df.attrs.get("form", "additive") == "additive" else "factor"
    ax.set_ylabel(unit)
    ax.set_title("%s %d-%d" % (s.name[0], s.name[1], s.name[2]))
    return ax
