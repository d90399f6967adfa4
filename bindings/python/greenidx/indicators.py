# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Indicator catalogues, indicator panels and validation reports.

Every number is computed by the C library; this layer moves data in as a
long table (region, year, variable, value) or use the embedded Telemark data and results out as
pandas DataFrames.

Indicator values are in the unit the catalogue states for each indicator
(``Catalog.to_frame()["unit"]``: percent, tonnes CO2e per person, persons,
...); years are calendar years.
"""
from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import numpy as _np

from ._convert import Names, PathLike, YearLike
from . import capi as _capi

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
    from .data import Dataset
from ._handle import Handle as _Handle
from .data import handle_of as _dataset_handle

__all__ = ["Catalog", "Formula", "Panel", "Validation", "TEXT", "CSV", "JSON"]

TEXT = _capi.GIDX_IND_TEXT
CSV = _capi.GIDX_IND_CSV
JSON = _capi.GIDX_IND_JSON


class Catalog(_Handle):
    """An indicator catalogue: the built-in default, or one read from JSON."""

    def __init__(self, handle: Any) -> None:
        self._h = handle

    @classmethod
    def default(cls) -> "Catalog":
        """The built-in default catalogue (data/catalog/default.json)."""
        return cls(_capi.gidx_catalog_default())

    @classmethod
    def load(cls, path: PathLike) -> "Catalog":
        """Load and check a JSON catalogue file."""
        return cls(_capi.gidx_catalog_load_json(str(path)))

    @classmethod
    def from_json(cls, text: str) -> "Catalog":
        """Parse and check a JSON catalogue given as text."""
        return cls(_capi.gidx_catalog_parse_json(str(text).encode("utf-8"), "catalogue"))

    def to_json(self) -> str:
        """The canonical JSON text (reads back to an identical catalogue)."""
        return _capi.gidx_catalog_render(self._h, JSON)

    def save(self, path: PathLike) -> None:
        """Write the canonical JSON to ``path`` atomically."""
        _capi.gidx_catalog_save_json(self._h, str(path))

    def set_formula(self, indicator: str, formula: str) -> None:
        """Replace an indicator's formula (checked: syntax, names, cycles)."""
        _capi.gidx_catalog_set_formula(self._h, indicator, formula)

    def __len__(self):
        return _capi.gidx_catalog_count(self._h)

    @property
    def name(self) -> str:
        """The catalogue's name."""
        return _capi.gidx_catalog_name(self._h)

    def to_frame(self) -> "pd.DataFrame":
        """One row per indicator: id, names, pillar, direction, unit (each
        indicator's unit of measurement), target, source, formula."""
        import pandas as pd
        return pd.read_csv(io.StringIO(_capi.gidx_catalog_render(self._h, CSV)),
                           dtype=str, keep_default_na=False)

    def indicators(self) -> "list[dict[str, Any]]":
        """The indicator definitions as a list of dicts (from the canonical JSON)."""
        return json.loads(self.to_json())["indicators"]

    def targets(self) -> "dict[str, dict[str, Any]]":
        """The named target records as a dict of dicts (``cut_percent`` in
        percent below ``base_year``, ``target_year`` a calendar year)."""
        return {t["name"]: t for t in json.loads(self.to_json())["targets"]}

    def __str__(self):
        return _capi.gidx_catalog_render(self._h, TEXT)

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.Catalog, closed>"
        return "<greenidx.Catalog %r: %d indicators, %d targets>" % (
            self.name, len(self), _capi.gidx_catalog_ntargets(self._h))

    def _repr_html_(self):
        import html
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.to_frame().to_html(index=False))

    def __reduce__(self):
        # the canonical JSON reads back to an identical catalogue
        return (Catalog.from_json, (self.to_json(),))


def _dataset_of(data):
    """A new C dataset from a DataFrame in long layout (region, year,
    variable, value; NaN = missing), regions named from the registry as the
    command does. Years may be integers, dates or datetimes (read as their
    year). A repeated (region, year, variable) names both rows."""
    for c in ("region", "year", "variable", "value"):
        if c not in data.columns:
            raise KeyError("data needs a column %r" % c)
    from ._convert import years_of
    from ._errors import DataError, DuplicateError
    regions = data["region"].astype(str).to_numpy()
    variables = data["variable"].astype(str).to_numpy()
    years = years_of(data["year"])
    values = _np.asarray(data["value"], dtype=_np.float64)
    ds = _capi.gidx_dataset_new()
    first = {}
    for k in range(len(regions)):
        r, y, v, x = regions[k], int(years[k]), variables[k], float(values[k])
        if not r or not v:
            raise DataError("data: row %d: empty %s" % (k, "region" if not r else "variable name"), -5)
        j = first.setdefault((r, y, v), k)
        if j != k:
            raise DuplicateError("data: row %d: region %s, year %d, variable %s is already given in row %d"
                                 % (k, r, y, v, j), -17)
        _capi.gidx_dataset_set(ds, r, y, v, 0.0 if x != x else x, 1 if x != x else 0)
    reg = _capi.gidx_registry_load_default()
    for i in range(_capi.gidx_dataset_nregions(ds)):
        code = _capi.gidx_dataset_region(ds, i)
        try:
            j = _capi.gidx_registry_find_code(reg, code, 0)
        except LookupError:
            continue
        _capi.gidx_dataset_set_region_name(ds, code, _capi.gidx_registry_name(reg, j))
    return ds


def _names(x):
    """One name (a str) or any sequence of names, as a list of str: a str is
    never taken for the sequence of its letters."""
    if isinstance(x, (str, bytes)) or _np.isscalar(x):
        return [x.decode() if isinstance(x, bytes) else str(x)]
    return [str(v) for v in x]


class Panel(_Handle):
    """An indicator panel: every indicator of a catalogue for every region and year.

    ``data`` is a :class:`greenidx.Dataset`, or a pandas DataFrame in long
    layout: region, year, variable, value (other columns are ignored);
    ``None`` means the embedded Telemark data (17 municipalities and the
    county 40).
    """

    def __init__(self, catalog: "Catalog", data: "Dataset | pd.DataFrame | None" = None) -> None:
        from .data import Dataset, load_default
        self.catalog = catalog  # the panel reads the catalogue: keep it alive
        if data is None:
            data = load_default()
        if not isinstance(data, Dataset):
            data = Dataset(_dataset_of(data))
        self.data = data  # and the dataset
        self._h = _capi.gidx_panel_new(catalog._h, data._h())

    @property
    def nmissing(self) -> int:
        """Number of missing indicator values (region x year x indicator cells)."""
        return _capi.gidx_panel_nmissing(self._h)

    def __reduce__(self):
        # the catalogue and the dataset both pickle; the panel is recomputed
        return (Panel, (self.catalog, self.data))

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.Panel, closed>"
        ds = _capi.gidx_panel_dataset(self._h)
        return "<greenidx.Panel: %d indicators x %d regions x %d years, %d missing>" % (
            len(self.catalog), _capi.gidx_dataset_nregions(ds), _capi.gidx_dataset_nyears(ds),
            self.nmissing)

    def _repr_html_(self):
        import html
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.summary().to_html())

    def summary(self) -> "pd.DataFrame":
        """Per indicator (in the catalogue's units): number of values,
        missing cells, mean, min and max over all regions and years, and the
        latest year with a value; a DataFrame indexed by indicator id."""
        df = self.to_frame()
        g = df.groupby("indicator", sort=False)
        out = g["value"].agg(["count", "mean", "min", "max"])
        out.insert(1, "missing", g["value"].apply(lambda v: int(v.isna().sum())))
        out["latest_year"] = df.dropna(subset=["value"]).groupby("indicator", sort=False)["year"].max()
        return out

    def plot(self, indicator: str, region: "Names | None" = None,
             ax: "Axes | None" = None) -> "Axes":
        """Line chart of one indicator (its catalogue unit) over the calendar years, one line per region
        (``region``: one name/code or a sequence; default all); returns the Axes."""
        import matplotlib.pyplot as plt
        df = self.to_frame(region=region)
        df = df[df["indicator"] == indicator]
        if df.empty:
            from ._errors import NotFoundError
            raise NotFoundError('indicator "%s" is not in the catalogue' % indicator, -6)
        if ax is None:
            _, ax = plt.subplots()
        for name, part in df.groupby("region_name", sort=False):
            ax.plot(part["year"], part["value"], marker="o", label=name)
        ax.set_xlabel("year")
        ax.set_ylabel(indicator)
        ax.legend(fontsize="small")
        return ax

    def to_frame(self, region: "Names | None" = None) -> "pd.DataFrame":
        """Long DataFrame region_code, region_name, year (calendar year),
        indicator, value (the indicator's catalogue unit), reason: every
        year (the long layout :func:`greenidx.forecast_many` reads).

        ``region`` (a code or a name, case-insensitive; or any sequence of
        them) keeps those regions; one not in the data raises NotFoundError.
        """
        import pandas as pd
        h = self._h
        ds, cat = _capi.gidx_panel_dataset(h), _capi.gidx_panel_catalog(h)
        codes = [_capi.gidx_dataset_region(ds, i) for i in range(_capi.gidx_dataset_nregions(ds))]
        names = [_capi.gidx_dataset_region_name(ds, c) for c in codes]
        if region is not None:
            from ._errors import NotFoundError
            keep = set()
            for r in _names(region):
                hit = {c for c, n in zip(codes, names) if c == r or n.lower() == r.lower()}
                if not hit:
                    raise NotFoundError('region "%s" is not in the data (by code or name)' % r, -6)
                keep |= hit
            names = [n for c, n in zip(codes, names) if c in keep]
            codes = [c for c in codes if c in keep]
        years = [_capi.gidx_dataset_year(ds, i) for i in range(_capi.gidx_dataset_nyears(ds))]
        ids = [_capi.gidx_indicator_id(_capi.gidx_catalog_indicator(cat, i))
               for i in range(_capi.gidx_catalog_count(cat))]
        nr, ny, ni = len(codes), len(years), len(ids)
        values, reasons = _capi.gidx_b_panel_cells(nr * ny * ni, h, codes)
        reasons = [w or None for w in reasons.split("\n")[:-1]]
        df = pd.DataFrame({
            "region_code": _np.repeat(_np.array(codes, dtype=object), ny * ni),
            "region_name": _np.repeat(_np.array(names, dtype=object), ny * ni),
            "year": _np.tile(_np.repeat(_np.array(years, dtype=_np.int64), ni), nr),
            "indicator": _np.tile(_np.array(ids, dtype=object), nr * ny),
            "value": values,
            "reason": [r if r else None for r in reasons]})
        return df

    def to_csv(self, region: "str | None" = None) -> str:
        """CSV text: region_code,region_name,year,indicator,value (the
        indicators' catalogue units)."""
        return _capi.gidx_panel_render(self._h, CSV, region)

    def validate(self, z_threshold: float = 3.5, skew_limit: float = 2.0,
                 kurt_limit: float = 3.5, r_limit: float = 0.9,
                 sum_tolerance: float = 0.005) -> "Validation":
        """The validation report of this panel (see :class:`Validation`):
        ``z_threshold`` the robust z-score of an outlier (in robust standard
        deviations), ``skew_limit`` and ``kurt_limit`` the type-2 skewness
        and excess kurtosis (dimensionless) flagged, ``r_limit`` the
        correlation (-1 to 1) of a redundant pair, ``sum_tolerance`` the
        relative gap (a fraction: 0.005 = 0.5 %) allowed between a county
        and the sum of its municipalities."""
        o = _capi.gidx_validation_options()
        o.z_threshold, o.skew_limit, o.kurt_limit = z_threshold, skew_limit, kurt_limit
        o.r_limit, o.sum_tolerance = r_limit, sum_tolerance
        v = Validation(_capi.gidx_validation_new(self._h, o))
        v._source = (self, dict(z_threshold=z_threshold, skew_limit=skew_limit,
                                kurt_limit=kurt_limit, r_limit=r_limit, sum_tolerance=sum_tolerance))
        return v


class Formula(_Handle):
    """One indicator formula (wraps ``gidx_formula``), e.g.
    ``Formula("100 * (ghg_total / base(ghg_total, 2009) - 1)")``: the
    language of the catalogue (docs/indicators.md), evaluated on a
    :class:`greenidx.Dataset`. A syntax error raises ``ParseError`` naming
    the column."""

    def __init__(self, text: str) -> None:
        self._h = _capi.gidx_formula_parse(str(text))

    @property
    def text(self) -> str:
        """The formula's text."""
        return _capi.gidx_formula_text(self._h)

    @property
    def variables(self) -> "list[str]":
        """The variables the formula reads, in order of first use."""
        return [_capi.gidx_formula_variable(self._h, i)
                for i in range(_capi.gidx_formula_nvariables(self._h))]

    def evaluate(self, data: "Dataset", region: str, year: YearLike) -> "tuple[float, str | None]":
        """``(value, reason)`` for one region and calendar year, the value
        in the unit the formula computes (from its variables' units); a missing value is
        NaN with the reason ("population missing for 4003 2011"), else the
        reason is None."""
        v, why = _capi.gidx_formula_eval(self._h, _dataset_handle(data), str(region), int(year), None)
        return v, (why or None)

    def to_frame(self, data: "Dataset") -> "pd.DataFrame":
        """The formula for every region and calendar year of ``data``: a DataFrame
        with columns region, year, value and reason."""
        import pandas as pd
        h = _dataset_handle(data)
        regions = [_capi.gidx_dataset_region(h, i) for i in range(_capi.gidx_dataset_nregions(h))]
        years = [_capi.gidx_dataset_year(h, i) for i in range(_capi.gidx_dataset_nyears(h))]
        cells = [_capi.gidx_formula_eval(self._h, h, r, y, None) for r in regions for y in years]
        values = _np.array([v for v, _ in cells], dtype=_np.float64)
        reasons = [w for _, w in cells]
        return pd.DataFrame({"region": _np.repeat(_np.array(regions, dtype=object), len(years)),
                             "year": _np.tile(_np.array(years, dtype=_np.int64), len(regions)),
                             "value": values, "reason": [r if r else None for r in reasons]})

    def __str__(self):
        return self.text

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.Formula, closed>"
        return "<greenidx.Formula %r>" % self.text

    def __reduce__(self):
        return (Formula, (self.text,))


class Validation(_Handle):
    """Validation report: coverage, gaps, outliers, skew, sums, redundancy, alpha."""

    def __init__(self, handle: Any) -> None:
        self._h = handle
        self._source = None

    def __len__(self):
        return _capi.gidx_validation_nfindings(self._h)

    def __reduce__(self):
        # validated again from the (pickled) panel with the same thresholds
        if self._source is None:
            raise TypeError("this Validation has no panel to rebuild it")
        return (_validation_of, self._source)

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.Validation, closed>"
        return "<greenidx.Validation: %d findings>" % len(self)

    def _repr_html_(self):
        import html
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.summary().to_html())

    def summary(self) -> "pd.DataFrame":
        """Number of findings per check and indicator (a DataFrame with a
        (check, indicator) MultiIndex and a column n)."""
        f = self.findings()
        return f.groupby(["check", "indicator"], dropna=False).size().to_frame("n")

    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Bar chart of the number of findings per check; returns the Axes."""
        import matplotlib.pyplot as plt
        n = self.findings().groupby("check").size().sort_values()
        if ax is None:
            _, ax = plt.subplots()
        ax.barh(n.index, n.to_numpy())
        ax.set_xlabel("findings")
        return ax

    def findings(self) -> "pd.DataFrame":
        """DataFrame of findings: check, indicator, region, year (calendar
        year), value (the indicator's unit), message."""
        import pandas as pd
        return pd.DataFrame(json.loads(self.to_json())["findings"],
                            columns=["check", "indicator", "region", "year", "value", "message"])

    def alpha(self, pillar: str, standardized: bool = False) -> float:
        """Cronbach's alpha (dimensionless, at most 1) of a pillar (NaN when it cannot be computed); on raw
        values, or with ``standardized=True`` on z-scored indicators."""
        f = _capi.gidx_validation_alpha_standardized if standardized else _capi.gidx_validation_alpha
        return f(self._h, pillar)[0]

    def to_json(self) -> str:
        """The findings as the library's JSON text."""
        return _capi.gidx_validation_render(self._h, JSON)

    def to_csv(self) -> str:
        """The findings as the library's CSV text."""
        return _capi.gidx_validation_render(self._h, CSV)

    def __str__(self):
        return _capi.gidx_validation_render(self._h, TEXT)


def _validation_of(panel, options):
    return panel.validate(**options)
