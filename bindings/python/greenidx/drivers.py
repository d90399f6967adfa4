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
import io

from . import capi as _capi
from .data import handle_of as _dataset_handle

__all__ = ["decompose", "DriversMapping", "EFFECTS", "TAPIO_CLASSES"]

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

    def __init__(self, path=None):
        self._m = (_capi.gidx_drivers_mapping_default() if path is None
                   else _capi.gidx_drivers_mapping_load(str(path)))

    def sectors(self):
        """``[(id, variable, kind, groups), ...]``, kind "business" or "population"."""
        m = self._m
        return [(_capi.gidx_drivers_mapping_sector(m, i), _capi.gidx_drivers_mapping_variable(m, i),
                 ("business", "population")[_capi.gidx_drivers_mapping_kind(m, i)],
                 [_capi.gidx_drivers_mapping_group(m, i, j)
                  for j in range(_capi.gidx_drivers_mapping_ngroups(m, i))])
                for i in range(_capi.gidx_drivers_mapping_nsectors(m))]


def decompose(data, regions=None, from_year=0, to_year=0, chained=False, form="additive",
              mapping=None, driver="jobs"):
    """LMDI-I decomposition of the emissions of a dataset (``gidx_decompose``).

    Returns a DataFrame with the columns of ``greenidx decompose --format
    csv``: ``region_code, region_name, from, to, effect, sector, value``
    (t CO2e for the additive form, factors for the multiplicative one);
    ``attrs["periods"]`` holds one row per region and period with the
    emissions and driver at both ends, the Tapio elasticity and class, and
    ``attrs["cases"]`` every zero or missing value and how it was handled.

    :param data: a :class:`greenidx.Dataset` (e.g. ``load_default()``)
    :param regions: region codes or names; None for all
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
    d = _capi.gidx_decompose_args(_dataset_handle(data), [str(r) for r in (regions or [])],
                                  int(from_year or 0), int(to_year or 0), int(bool(chained)),
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
