# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reports (text, JSON, self-contained HTML with SVG charts) and scenarios.

Every chart is drawn by the C library; this layer only converts arguments.
Chart values are in the unit the caller names (``unit``: e.g. tonnes CO2e),
years are calendar years, interval levels are in percent (80, 95), ranks are
whole ranks (1 = best).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Sequence

import numpy as _np

from . import capi as _capi
from ._convert import ArrayLike, Names, PathLike
from ._handle import Handle as _Handle

if TYPE_CHECKING:
    from .data import Dataset
    from .indicators import Catalog

__all__ = ["Report", "Scenario", "roadmap", "svg_fan_chart", "svg_ranking", "svg_heatmap",
           "REPORT_TEXT", "REPORT_JSON", "REPORT_HTML"]

REPORT_TEXT = _capi.GIDX_REPORT_TEXT
REPORT_JSON = _capi.GIDX_REPORT_JSON
REPORT_HTML = _capi.GIDX_REPORT_HTML
_FORMATS = {"text": REPORT_TEXT, "json": REPORT_JSON, "html": REPORT_HTML}


def _fmt(format):
    if isinstance(format, str):
        try:
            return _FORMATS[format]
        except KeyError:
            raise ValueError(f"format must be one of {sorted(_FORMATS)}") from None
    return int(format)


def _ints(x):
    return _np.ascontiguousarray(_np.asarray(x if x is not None else [], dtype=_np.intc).ravel())


def _reals(x):
    return _np.ascontiguousarray(_np.asarray(x if x is not None else [], dtype=_np.float64).ravel())


def _fan_args(obs_years, obs, fc_years, mean, levels, lo, hi, target_years, target):
    levels = _reals(levels)
    fc_years = _ints(fc_years)
    lo = _np.asarray(lo if lo is not None else _np.empty((0, len(fc_years))), dtype=_np.float64)
    hi = _np.asarray(hi if hi is not None else _np.empty((0, len(fc_years))), dtype=_np.float64)
    return (_ints(obs_years), _reals(obs), fc_years, _reals(mean), levels,
            _reals(lo.reshape(len(levels), -1) if levels.size else lo),
            _reals(hi.reshape(len(levels), -1) if levels.size else hi),
            _ints(target_years), _reals(target))


def svg_fan_chart(obs_years: ArrayLike = (), obs: ArrayLike = (), fc_years: ArrayLike = (),
                  mean: ArrayLike = (), levels: ArrayLike = (), lo: "ArrayLike | None" = None,
                  hi: "ArrayLike | None" = None, target_years: ArrayLike = (),
                  target: ArrayLike = (), title: "str | None" = None,
                  unit: "str | None" = None) -> str:
    """A fan chart as an SVG string.

    Years are calendar years; ``obs``, ``mean``, ``lo``, ``hi`` and
    ``target`` are in ``unit`` (the label of the axis, e.g. "t CO2e").
    ``lo`` and ``hi`` are ``len(levels) x len(fc_years)`` arrays (one row per
    interval level in percent, e.g. ``levels=[80, 95]``).
    """
    return _capi.gidx_b_fan_chart(None, title, unit, *_fan_args(
        obs_years, obs, fc_years, mean, levels, lo, hi, target_years, target))


def svg_ranking(labels: Names, score: ArrayLike, rank: ArrayLike, rank_lo: ArrayLike = (),
                rank_hi: ArrayLike = (), title: "str | None" = None) -> str:
    """A ranking chart (rank with interval, whole ranks 1 = best; and the
    score in the index's units) as an SVG string."""
    return _capi.gidx_b_ranking(None, title, [str(x) for x in labels], _reals(score),
                                _reals(rank), _reals(rank_lo), _reals(rank_hi))


def svg_heatmap(rows: Names, columns: Names, values: ArrayLike, direction: ArrayLike = (),
                title: "str | None" = None) -> str:
    """A heatmap (``values`` is len(rows) x len(columns), each column in its
    own unit, coloured by rank within the column; NaN = missing; ``direction``
    +1 or -1 per column) as SVG."""
    return _capi.gidx_b_heatmap(None, title, [str(x) for x in rows], [str(x) for x in columns],
                                _reals(values), _ints(direction))


def _rebuild_report(root, steps):
    """A Report made again by the calls that made it (see Report.__reduce__)."""
    kind, args = root
    r = roadmap(**args) if kind == "roadmap" else Report(*args)
    for name, a, kw in steps:
        getattr(r, name)(*a, **kw)
    return r


def _copy(v):
    """An argument kept for pickling: arrays and sequences as numpy copies,
    anything else as is."""
    if v is None or isinstance(v, (str, bytes, int, float)):
        return v
    return _np.array(v, copy=True)


class Report(_Handle):
    """A report document: sections of text, tables and charts.

    Use as a context manager or call :meth:`close` to free it at once. A
    report pickles as the calls that made it (:func:`roadmap` or
    ``Report(title)``, then every section, text, table, chart and language
    change in order), replayed on loading: the library is deterministic, so
    the copy renders byte for byte the same.
    """

    def __init__(self, title: str) -> None:
        self._h = _capi.gidx_report_new(str(title))
        self._root = ("new", (str(title),))
        self._steps = []

    def _handle(self):
        if self._h is None:
            raise ValueError("the report is closed")
        return self._h

    @classmethod
    def _wrap(cls, handle, root=None):
        r = cls.__new__(cls)
        r._h = handle
        r._root = root
        r._steps = []
        return r

    def _record(self, name, *args, **kw):
        self._steps.append((name, args, kw))

    def __reduce__(self):
        self._handle()  # a closed report raises instead of pickling
        if self._root is None:
            raise TypeError("this Report was not made by a greenidx call and cannot be pickled")
        return (_rebuild_report, (self._root, list(self._steps)))

    def section(self, id: str, title: str) -> "Report":
        """Start a section (``id`` a short key, ``title`` its heading); returns self."""
        _capi.gidx_report_add_section(self._handle(), str(id), str(title))
        self._record("section", str(id), str(title))
        return self

    def text(self, text: str) -> "Report":
        """Add a paragraph; returns self."""
        _capi.gidx_report_add_text(self._handle(), str(text))
        self._record("text", str(text))
        return self

    def table(self, columns: "Sequence[str]", rows: "Sequence[Sequence[Any]] | Any",
              caption: "str | None" = None) -> "Report":
        """Add a table; ``rows`` is a sequence of rows (or a pandas DataFrame,
        whose columns are then the header); cells are written as ``str()``
        gives them, in the units the caller states. Returns self."""
        if hasattr(rows, "itertuples"):
            columns = [str(c) for c in rows.columns]
            rows = [list(r) for r in rows.itertuples(index=False)]
        columns = [str(c) for c in columns]
        rows = [["" if v is None else str(v) for v in row] for row in rows]
        cells = [v for row in rows for v in row]
        _capi.gidx_b_report_add_table(self._handle(), caption, columns, cells)
        self._record("table", columns, rows, caption)
        return self

    def fan_chart(self, obs_years: ArrayLike = (), obs: ArrayLike = (), fc_years: ArrayLike = (),
                  mean: ArrayLike = (), levels: ArrayLike = (), lo: "ArrayLike | None" = None,
                  hi: "ArrayLike | None" = None, target_years: ArrayLike = (),
                  target: ArrayLike = (), title: "str | None" = None,
                  unit: "str | None" = None) -> "Report":
        """Add a fan chart (see :func:`svg_fan_chart`: years are calendar
        years, values in ``unit``, ``levels`` in percent); returns self."""
        args = dict(obs_years=obs_years, obs=obs, fc_years=fc_years, mean=mean, levels=levels,
                    lo=lo, hi=hi, target_years=target_years, target=target)
        _capi.gidx_b_fan_chart(self._handle(), title, unit, *_fan_args(**args))
        self._record("fan_chart", title=title, unit=unit,
                     **{k: _copy(v) for k, v in args.items()})
        return self

    def ranking(self, labels: Names, score: ArrayLike, rank: ArrayLike, rank_lo: ArrayLike = (),
                rank_hi: ArrayLike = (), title: "str | None" = None) -> "Report":
        """Add a ranking chart (see :func:`svg_ranking`); returns self."""
        labels = [str(x) for x in labels]
        v = [_reals(score), _reals(rank), _reals(rank_lo), _reals(rank_hi)]
        _capi.gidx_b_ranking(self._handle(), title, labels, *v)
        self._record("ranking", labels, *[x.copy() for x in v], title=title)
        return self

    def heatmap(self, rows: Names, columns: Names, values: ArrayLike, direction: ArrayLike = (),
                title: "str | None" = None) -> "Report":
        """Add a heatmap (see :func:`svg_heatmap`: ``values`` each column in
        its own unit, ``direction`` +1/-1 per column); returns self."""
        rows, columns = [str(x) for x in rows], [str(x) for x in columns]
        v, d = _reals(values), _ints(direction)
        _capi.gidx_b_heatmap(self._handle(), title, rows, columns, v, d)
        self._record("heatmap", rows, columns, v.copy(), d.copy(), title=title)
        return self

    def render(self, format: "str | int" = "text") -> str:
        """The rendered document as a str (format: "text", "json" or "html";
        numbers with thousands separators in the report's language, units
        as the sections state them)."""
        return _capi.gidx_report_render(self._handle(), _fmt(format))

    def write(self, path: PathLike, format: str = "html") -> "list[str] | None":
        """Write the rendered document to ``path`` atomically; ``format``
        "text", "json", "html" or "xlsx" (an Office Open XML workbook of the
        report's tables: :meth:`to_xlsx`, whose sheet names are returned)."""
        if format == "xlsx":
            return self.to_xlsx(path)
        _capi.gidx_report_write(self._handle(), os.fspath(path), _fmt(format))
        return None

    @property
    def lang(self) -> str:
        """The language of the fixed text and numbers: "en" or "nb"."""
        return _capi.gidx_report_lang(self._handle())

    def set_lang(self, lang: str) -> "Report":
        """Render fixed text and numbers in "en" or "nb" (bokmål); returns self."""
        _capi.gidx_report_set_lang(self._handle(), str(lang))
        self._record("set_lang", str(lang))
        return self

    def to_xlsx(self, path: PathLike) -> "list[str]":
        """Write the report's tables as an .xlsx workbook (a sheet "contents",
        then one sheet per table, ranking, heatmap, bar chart and waterfall;
        numbers as numeric cells; headers in the report's language). Returns
        the sheet names."""
        wb = _capi.gidx_workbook_new()
        _capi.gidx_report_to_workbook(wb, self._handle())
        _capi.gidx_workbook_write(wb, os.fspath(path))
        return [_capi.gidx_workbook_sheet_name(wb, i) for i in range(_capi.gidx_workbook_nsheets(wb))]

    def _repr_html_(self):
        return self.render("html")

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.Report, closed>"
        return "<greenidx.Report (%s)>" % self.lang


class Scenario:
    """A policy scenario loaded from a JSON file (format: docs/report.md)."""

    def __init__(self, path: PathLike) -> None:
        self._h = _capi.gidx_scenario_load(os.fspath(path))
        # pickled by its absolute path: a scenario names files (effect
        # estimates) relative to itself, which a JSON copy would lose
        self._path = os.path.abspath(os.fspath(path))

    def __reduce__(self):
        return (Scenario, (self._path,))

    def __repr__(self):
        return "<greenidx.Scenario %r: %d instruments%s>" % (
            self.name, _capi.gidx_scenario_ninstruments(self._h),
            ", ripple shock" if _capi.gidx_scenario_has_ripple(self._h) else "")

    def _repr_html_(self):
        import html
        return "<p>%s</p>" % html.escape(repr(self))

    @property
    def name(self) -> str:
        """The scenario's name."""
        return _capi.gidx_scenario_name(self._h)

    @property
    def instruments(self) -> "list[dict[str, Any]]":
        """The instruments as a list of dicts (name, indicator, start_year a
        calendar year, relative: whether the effect is a relative change,
        source)."""
        n = _capi.gidx_scenario_ninstruments(self._h)
        return [{"name": _capi.gidx_scenario_instrument_name(self._h, i),
                 "indicator": _capi.gidx_scenario_instrument_indicator(self._h, i),
                 "start_year": _capi.gidx_scenario_instrument_start(self._h, i),
                 "relative": bool(_capi.gidx_scenario_instrument_relative(self._h, i)),
                 "source": _capi.gidx_scenario_instrument_source(self._h, i)}
                for i in range(n)]

    def applies(self, instrument: int, region: str) -> bool:
        """Whether instrument number ``instrument`` applies to ``region``."""
        return bool(_capi.gidx_scenario_instrument_applies(self._h, int(instrument), str(region)))

    def effect_path(self, instrument: int, years: ArrayLike) -> "_np.ndarray":
        """The instrument's effect in each of ``years`` (calendar years): a
        numpy array in the indicator's unit (absolute instruments) or as a
        fraction of the baseline (relative ones: -0.05 = -5 %)."""
        years = _ints(years)
        return _capi.gidx_scenario_effect_path(years.size, self._h, int(instrument), years)

    @property
    def ripple(self) -> "dict[str, Any] | None":
        """The input-output shock as a dict (io, type, shock: sector ->
        amount in the table's currency, NOK million for SSB's), or None."""
        if not _capi.gidx_scenario_has_ripple(self._h):
            return None
        n = _capi.gidx_scenario_ripple_nshocks(self._h)
        return {"io": _capi.gidx_scenario_ripple_io(self._h),
                "type": _capi.gidx_scenario_ripple_type(self._h),
                "shock": {_capi.gidx_scenario_ripple_sector(self._h, i):
                          _capi.gidx_scenario_ripple_amount(self._h, i) for i in range(n)}}


def roadmap(data: "Dataset | None" = None, catalog: "Catalog | None" = None,
            regions: "Names | None" = None, target: "str | None" = None,
            scenario: "Scenario | PathLike | None" = None, horizon: int = 2030, mc: int = 500,
            seed: int = 1, lang: str = "en") -> Report:
    """The whole roadmap pipeline (``greenidx report``) as a :class:`Report`.

    ``data`` is a :class:`greenidx.Dataset` (default: the embedded Telemark
    data), ``catalog`` a :class:`greenidx.Catalog` (default: the built-in
    catalogue), ``regions`` codes or names, ``target`` a named target record,
    ``scenario`` a :class:`Scenario` or the path of a scenario file,
    ``horizon`` the last forecast year, ``mc`` the Monte Carlo replications of
    the rank intervals, ``lang`` "en" or "nb" (Norwegian bokmål: the whole
    report, decimal comma and a space between thousands).
    """
    from . import data as _data, indicators as _ind
    ds = data if data is not None else _data.load_default()
    cat = catalog if catalog is not None else _ind.Catalog.default()
    if scenario is not None and not isinstance(scenario, Scenario):
        scenario = Scenario(scenario)
    from .indicators import _names
    regions = [] if regions is None else _names(regions)
    o = _capi.gidx_roadmap_options()
    o.target = target
    o.scenario = scenario._h if scenario is not None else None
    o.horizon, o.mc, o.seed = int(horizon), int(mc), int(seed)
    h = _capi.gidx_b_roadmap(ds.handle, cat._h, regions, o, str(lang))
    # how to make it again (pickling): the dataset, catalogue and scenario
    # pickle themselves; None stays None (the embedded data, the built-in
    # catalogue)
    return Report._wrap(h, ("roadmap", dict(data=data, catalog=catalog, regions=regions,
                                            target=target, scenario=scenario, horizon=horizon,
                                            mc=mc, seed=seed, lang=lang)))
