# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Datasets: region x year x variable panels with flags, their loaders, and
the Norwegian region registry. Every number comes from the C library.

Values are in each variable's own unit (``ghg_*`` tonnes CO2-equivalents,
``population`` persons, employment persons, electricity MWh, ...: see the
catalogue and docs/data.md); years are calendar years."""
from __future__ import annotations

import io as _io
from typing import TYPE_CHECKING, Any

from ._convert import PathLike, YearLike

if TYPE_CHECKING:  # pandas is imported where a call needs it
    import pandas as pd

import numpy as _np

from . import capi as _capi
from ._handle import closable as _closable

__all__ = ["Dataset", "Registry", "load_default", "load_csv", "load_jsonstat",
           "load_emissions", "load_mdir", "FLAG_OK", "FLAG_MISSING", "FLAG_CONFIDENTIAL",
           "FLAG_NOT_APPLICABLE", "FLAG_PROVISIONAL"]

FLAG_OK = 0
FLAG_MISSING = 1
FLAG_CONFIDENTIAL = 2
FLAG_NOT_APPLICABLE = 3
FLAG_PROVISIONAL = 4


class Dataset:
    """A region x year x variable panel (wraps ``gidx_dataset``).

    Use as a context manager or call :meth:`close`; ``handle`` is the SWIG
    handle other modules' functions take.
    """

    def __init__(self, handle: Any = None) -> None:
        self.handle = handle if handle is not None else _capi.gidx_dataset_new()

    def close(self) -> None:
        """Free the C dataset now (also done when the object is collected)."""
        self.handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _h(self):
        if self.handle is None:
            raise ValueError("the dataset is closed")
        return self.handle

    @property
    def regions(self) -> "list[str]":
        """Region codes in order of first appearance."""
        h = self._h()
        return [_capi.gidx_dataset_region(h, i) for i in range(_capi.gidx_dataset_nregions(h))]

    @property
    def variables(self) -> "list[str]":
        """Variable names in order of first appearance."""
        h = self._h()
        return [_capi.gidx_dataset_variable(h, i)
                for i in range(_capi.gidx_dataset_nvariables(h))]

    @property
    def years(self) -> "_np.ndarray":
        """Calendar years, ascending, as a numpy int array."""
        h = self._h()
        return _np.array([_capi.gidx_dataset_year(h, i)
                          for i in range(_capi.gidx_dataset_nyears(h))], dtype=int)

    def __len__(self):
        return _capi.gidx_dataset_ncells(self._h())

    def region_name(self, region: str) -> str:
        """The display name of a region (the code when none is set)."""
        return _capi.gidx_dataset_region_name(self._h(), str(region))

    @property
    def meta(self) -> "dict[str, str]":
        """Provenance metadata as a dict."""
        h = self._h()
        keys = [_capi.gidx_dataset_meta_key(h, i) for i in range(_capi.gidx_dataset_nmeta(h))]
        return {k: _capi.gidx_dataset_meta(h, k) for k in keys}

    def set(self, region: str, year: YearLike, variable: str, value: float,
            flag: int = FLAG_OK) -> None:
        """Set one cell: ``value`` in the variable's own unit (e.g. tonnes
        CO2e, persons), ``year`` a calendar year, ``flag`` a FLAG_* code."""
        _capi.gidx_dataset_set(self._h(), str(region), int(year), str(variable),
                               float(value), int(flag))

    def get(self, region: str, year: YearLike, variable: str) -> "tuple[float, int]":
        """``(value, flag)`` of one cell (the variable's unit; ``year`` a
        calendar year); NaN and FLAG_MISSING when never set."""
        value, flag = _capi.gidx_dataset_get(self._h(), str(region), int(year), str(variable))
        return value, flag

    def series(self, region: str, variable: str) -> "tuple[_np.ndarray, _np.ndarray, _np.ndarray]":
        """``(years, values, flags)`` numpy arrays over all the dataset's
        years (calendar years; values in the variable's unit, NaN = missing)."""
        h = self._h()
        values, flags = _capi.gidx_dataset_series(_capi.gidx_dataset_nyears(h), h, str(region),
                                                  str(variable))
        return self.years, values, flags

    def to_csv(self) -> str:
        """The long CSV text ``region,year,variable,value,flag``."""
        return _capi.gidx_dataset_to_csv(self._h())

    def write_csv(self, path: PathLike) -> None:
        """Write the long CSV layout to ``path`` atomically."""
        _capi.gidx_dataset_write_csv(self._h(), str(path))

    def to_frame(self) -> "pd.DataFrame":
        """A long pandas DataFrame with columns region, name, year (calendar
        year), variable, value (the variable's unit, NaN where missing) and
        flag: every year (the layout :func:`greenidx.forecast_many` and
        :class:`greenidx.Panel` read)."""
        import pandas as pd
        df = pd.read_csv(_io.StringIO(self.to_csv()), dtype={"region": str, "variable": str,
                                                             "flag": str},
                         keep_default_na=False, na_values={"value": [""]})
        words = {"": FLAG_OK, "missing": FLAG_MISSING, "confidential": FLAG_CONFIDENTIAL,
                 "not_applicable": FLAG_NOT_APPLICABLE, "provisional": FLAG_PROVISIONAL}
        df["flag"] = df["flag"].map(words).astype(int)
        df.insert(1, "name", [self.region_name(r) for r in df["region"]])
        return df

    def __reduce__(self):
        # pickle (processes, Dask): the cells as the library's long CSV (values
        # written with 17 significant digits, so they come back bit for bit),
        # the region names and the provenance metadata
        names = {r: self.region_name(r) for r in self.regions}
        return (_dataset_from_state,
                (self.to_csv(), {r: n for r, n in names.items() if n != r}, self.meta))

    def __repr__(self):
        if self.handle is None:
            return "<greenidx.Dataset, closed>"
        h = self.handle
        return "<greenidx.Dataset: %d regions x %d years x %d variables, %d cells>" % (
            _capi.gidx_dataset_nregions(h), _capi.gidx_dataset_nyears(h),
            _capi.gidx_dataset_nvariables(h), _capi.gidx_dataset_ncells(h))

    def _repr_html_(self):
        import html
        return "<p>%s</p>" % html.escape(repr(self))

    def harmonise(self, drop_unknown: bool = False) -> "Dataset":
        """A new dataset at 2024 municipality boundaries (extensive
        variables summed; see docs/data.md)."""
        o = _capi.gidx_harmonise_options()
        o.drop_unknown = int(bool(drop_unknown))
        return Dataset(_capi.gidx_dataset_harmonise(self._h(), Registry().handle, o))

    def aggregate_counties(self) -> "Dataset":
        """Add county totals of every variable (in place)."""
        _capi.gidx_dataset_aggregate_counties(self._h(), Registry().handle, None)
        return self


class Registry:
    """The Norwegian region registry compiled into the library."""

    handle = _closable("handle")

    def __init__(self) -> None:
        self.handle = _capi.gidx_registry_load_default()

    def close(self) -> None:
        """Free the C registry now (idempotent)."""
        self.handle = None

    def __reduce__(self):
        return (Registry, ())

    def __repr__(self):
        if self.__dict__.get("_gidxhandle") is None:
            return "<greenidx.Registry, closed>"
        return "<greenidx.Registry: %d regions>" % len(self)

    def _repr_html_(self):
        import html
        return "<p>%s</p>" % html.escape(repr(self))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __len__(self):
        return _capi.gidx_registry_size(self.handle)

    def _entry(self, i):
        h = self.handle
        return {"code": _capi.gidx_registry_code(h, i), "name": _capi.gidx_registry_name(h, i),
                "level": _capi.gidx_registry_level(h, i),
                "parent": _capi.gidx_registry_parent(h, i),
                "valid_from": _capi.gidx_registry_valid_from(h, i) or None,
                "valid_to": _capi.gidx_registry_valid_to(h, i) or None,
                "successor": _capi.gidx_registry_successor(h, i)}

    def by_code(self, code: str, year: int = 0) -> "dict[str, Any]":
        """The entry of a code (a dict: code, name, level, parent,
        valid_from, valid_to as calendar years or None, successor), valid in
        ``year`` (a calendar year; 0 = any)."""
        return self._entry(_capi.gidx_registry_find_code(self.handle, str(code), int(year)))

    def by_name(self, name: str, year: int = 0, level: int = 0) -> "dict[str, Any]":
        """The entry of a name (case-insensitive), valid in ``year`` (a
        calendar year; 0 = any), of ``level`` (0 = any)."""
        return self._entry(_capi.gidx_registry_find_name(self.handle, str(name), int(year),
                                                         int(level)))


def _dataset_from_state(csv_text, names, meta):
    ds = Dataset(_capi.gidx_dataset_parse_csv(csv_text.encode("utf-8"), "pickle", None))
    for r, n in names.items():
        _capi.gidx_dataset_set_region_name(ds.handle, r, n)
    for k, v in meta.items():
        _capi.gidx_dataset_set_meta(ds.handle, k, v)
    return ds


def handle_of(data):
    """The SWIG handle of a :class:`Dataset` (or a handle passed as is), for
    the functions of the other modules; a closed dataset raises ValueError."""
    return data._h() if isinstance(data, Dataset) else data


def load_default() -> Dataset:
    """The embedded Telemark panel (2024 codes, county 40 added): emissions
    in tonnes CO2e, population and employment in persons, by region and
    calendar year."""
    return Dataset(_capi.gidx_dataset_load_default())


def load_csv(path: PathLike, region: str = "", year: str = "", variable: str = "",
             value: str = "", flag: str = "") -> Dataset:
    """Load a long CSV; column names default to region, year, variable, value, flag."""
    o = _capi.gidx_long_csv_options()
    for field, name in (("region", region), ("year", year), ("variable", variable),
                        ("value", value), ("flag", flag)):
        if name:
            setattr(o, field, str(name))
    return Dataset(_capi.gidx_dataset_load_csv(str(path), o))


def load_jsonstat(path: PathLike, region_dim: str = "", time_dim: str = "",
                  variable_dim: str = "", region: str = "", variable: str = "") -> Dataset:
    """Load an SSB JSON-stat 2.0 file (see gidx_dataset_load_jsonstat)."""
    o = _capi.gidx_jsonstat_options()
    for field, name in (("region_dim", region_dim), ("time_dim", time_dim),
                        ("variable_dim", variable_dim), ("region", region),
                        ("variable", variable)):
        if name:
            setattr(o, field, str(name))
    return Dataset(_capi.gidx_dataset_load_jsonstat(str(path), o))


def load_emissions(path: PathLike) -> Dataset:
    """Load Miljødirektoratet's municipal emissions CSV (tonnes CO2e)."""
    return Dataset(_capi.gidx_dataset_load_emissions(str(path), Registry().handle))


def load_mdir(path: PathLike) -> Dataset:
    """Load Miljødirektoratet's "Klimagassutslipp fra kommuner" workbook
    (.xlsx, an area's or all municipalities' download): emissions in tonnes
    CO2-equivalents per region, year and sector (``ghg_total`` and one
    ``ghg_<sector>`` per sector), regions named from the registry; the
    release (``mdir.release``, the latest year of the figures) and the
    download's provenance are in :attr:`Dataset.meta`. See
    ``gidx_dataset_load_mdir``."""
    return Dataset(_capi.gidx_dataset_load_mdir(str(path), Registry().handle, None))
