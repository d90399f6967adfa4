# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Composite indices, benchmarking and uncertainty analysis (OECD/JRC 2008, COINr).

Example::

    import greenidx as gi
    with gi.CompositeIndex.from_coinr("ASEM_iData.csv", "ASEM_iMeta.csv") as ix:
        ix.set_options(denominate=True, impute="group-mean:EurAsia_group",
                       screen=0.9, treat="winsorise:5")
        res = ix.compute()
        print(res.to_frame().head())

All numbers come from the C library; this module converts to numpy and pandas.
Scores are in the normalisation's units (min-max: 0-100 by default, z-scores
in standard deviations, ranks in ranks); ranks are whole numbers, 1 = best;
years are calendar years.
"""
from __future__ import annotations

import json as _json
from html import escape as _html_escape
from typing import TYPE_CHECKING, Any, Sequence

import numpy as _np

from . import capi as _capi
from ._handle import Handle as _Handle

from ._convert import ArrayLike, PathLike

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
    from .indicators import Panel

__all__ = ["CompositeIndex", "IndexResult", "UncertaintyResult", "cronbach_alpha", "pca",
           "skew_kurtosis", "correlation_matrix", "rank", "sobol_indices", "peers_nearest"]

_FACTORS = ("impute", "normalise", "aggregate", "weights", "exclude")


def _several(x):
    """One unit (a code or a position) or any sequence of them, as a list: a
    str is never taken for the sequence of its letters."""
    if isinstance(x, (str, bytes)) or _np.isscalar(x):
        return [x.decode() if isinstance(x, bytes) else x]
    return list(x)


def _matrix(x):
    x = _np.ascontiguousarray(x, dtype=_np.float64)
    if x.ndim != 2:
        raise ValueError("expected a 2-d array (units x indicators)")
    return x


class CompositeIndex(_Handle):
    """An index specification together with its data (units x indicators).

    Build one with :meth:`from_coinr` (COINr iData/iMeta CSV files) or
    :meth:`from_arrays`; choose the method with :meth:`set_options`; then
    :meth:`compute` or :meth:`uncertainty`. Use as a context manager or call
    :meth:`close` to free the C objects deterministically. ``_h`` is the
    specification (``gidx_index_spec``), ``_ds`` the data (``gidx_dataset``).
    """

    def __init__(self, _handles: tuple, _recipe: "tuple | None" = None) -> None:
        self._ds, self._h = _handles[0], _handles[1]
        # how to build this input again (for pickling results): the source
        # and the options set so far, in order
        self._recipe = _recipe
        self._options = []

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.CompositeIndex, closed>"
        return "<greenidx.CompositeIndex: %d nodes over %d units x %d years>" % (
            _capi.gidx_index_spec_nnodes(self._h), _capi.gidx_dataset_nregions(self._ds),
            _capi.gidx_dataset_nyears(self._ds))

    def _rebuild(self):
        return _rebuild_index(self._recipe, self._options)

    def __reduce__(self):
        # pickles as its source (the COINr files' bytes, the panel, or the
        # arrays) and the options set so far, rebuilt on loading
        self._h  # a closed index raises instead of pickling
        if self._recipe is None:
            raise TypeError("this CompositeIndex has no recipe to rebuild it")
        return (_rebuild_index, (self._recipe, list(self._options)))

    def close(self) -> None:
        """Free the C specification and data now (idempotent)."""
        self._h = None
        self._ds = None

    @classmethod
    def from_coinr(cls, idata: PathLike, imeta: PathLike) -> "CompositeIndex":
        """Load COINr's unit-by-indicator layout (iData) and metadata (iMeta)."""
        def raw(p):
            with open(p, "rb") as f:
                return f.read()
        return cls(_capi.gidx_index_load_coinr(str(idata), str(imeta)),
                   ("coinr", raw(idata), raw(imeta)))

    @classmethod
    def from_catalog(cls, panel: "Panel", year: int = 0) -> "CompositeIndex":
        """The index of a :class:`greenidx.Panel`: the catalogue's pillars and
        directions, indicators observed for half the municipalities
        (``gidx_index_from_catalog``); ``year`` 0 = every year they all cover."""
        ds, sp, _ref = _capi.gidx_index_from_catalog(_capi.gidx_panel_dataset(panel._h),
                                                     panel.catalog._h, int(year))
        return cls((ds, sp), ("catalog", panel, int(year)))

    @classmethod
    def from_arrays(cls, values: ArrayLike, units: "Sequence[str]", indicators: "Sequence[str]",
                    parents: "Sequence[str]", aggregates: "Sequence[tuple[str, str | None, float]]",
                    weights: "Sequence[float] | None" = None,
                    directions: "Sequence[int] | None" = None,
                    year: int = 2000) -> "CompositeIndex":
        """Build from a units x indicators array (each indicator in its own
        unit) and a hierarchy; ``weights`` are relative (dimensionless),
        ``directions`` +1 (higher is better) or -1, ``year`` the calendar
        year of the values.

        ``aggregates`` is a list of ``(code, parent, weight)`` with parent
        ``None`` for the root; ``parents`` gives each indicator's aggregate.
        NaN values are missing.
        """
        x = _matrix(values)
        units = [str(u) for u in units]
        if x.shape != (len(units), len(indicators)) or len(parents) != len(indicators):
            raise ValueError("values must be len(units) x len(indicators); one parent per indicator")
        self = cls((_capi.gidx_dataset_new(), _capi.gidx_index_spec_new()),
                   ("arrays", x.copy(), units, list(indicators), list(parents), list(aggregates),
                    None if weights is None else list(weights),
                    None if directions is None else list(directions), year))
        sp, ds = self._h, self._ds
        try:
            for code, parent, w in aggregates:
                _capi.gidx_index_spec_add_aggregate(sp, str(code), "" if parent is None else str(parent),
                                                    float(w))
            for k, code in enumerate(indicators):
                _capi.gidx_index_spec_add_indicator(sp, str(code), str(parents[k]),
                                                    1.0 if weights is None else float(weights[k]),
                                                    1 if directions is None else int(directions[k]))
            for k, code in enumerate(indicators):
                for i, u in enumerate(units):
                    v = float(x[i, k])
                    _capi.gidx_dataset_set(ds, u, int(year), str(code), 0.0 if v != v else v,
                                           1 if v != v else 0)
        except Exception:
            self.close()
            raise
        return self

    def set_options(self, **options: "str | float | bool") -> "CompositeIndex":
        """Set methodological choices by name (see ``greenidx index --help``):
        year, denominate, impute, screen, treat, normalise, weights, aggregate,
        min_avail. Values are strings or numbers, e.g. ``normalise="minmax:1,100"``."""
        for name, value in options.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            _capi.gidx_b_index_option(self._h, name.replace("_", "-"), str(value))
            self._options.append((name, value))
        return self

    def compute(self) -> "IndexResult":
        """Build the index; returns an :class:`IndexResult`."""
        r = IndexResult(_capi.gidx_index_compute(self._h, self._ds))
        r._source = (self._recipe, list(self._options))
        return r

    def uncertainty(self, n: int = 1000, seed: float = 1, threads: int = 1, sobol: bool = False,
                    impute: "Sequence[str]" = (), normalise: "Sequence[str]" = (),
                    aggregate: "Sequence[str]" = (), weight_noise: float = 0.0,
                    exclude_one: bool = False) -> "UncertaintyResult":
        """Monte Carlo (or, with ``sobol=True``, Saltelli's design with N(k+2)
        rebuilds) over the listed alternatives; ``n`` replications,
        ``weight_noise`` the relative perturbation of the weights (a
        fraction: 0.25 = +-25 %); returns an :class:`UncertaintyResult`."""
        u = _capi.gidx_b_index_uncertainty(self._h, self._ds, int(n), float(seed), int(threads),
                                           int(bool(sobol)), list(impute), list(normalise),
                                           list(aggregate), float(weight_noise),
                                           int(bool(exclude_one)))
        r = UncertaintyResult(u)
        r._units = [_capi.gidx_dataset_region(self._ds, i)
                    for i in range(_capi.gidx_dataset_nregions(self._ds))]
        r._source = (self._recipe, list(self._options),
                     dict(n=n, seed=seed, threads=threads, sobol=sobol, impute=tuple(impute),
                          normalise=tuple(normalise), aggregate=tuple(aggregate),
                          weight_noise=weight_noise, exclude_one=exclude_one))
        return r


def _rebuild_index(recipe, options):
    """A CompositeIndex built again from its recipe and options."""
    if recipe is None:
        raise TypeError("this index input cannot be rebuilt (no recipe)")
    kind = recipe[0]
    if kind == "coinr":
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            paths = [os.path.join(d, n) for n in ("iData.csv", "iMeta.csv")]
            for path, raw in zip(paths, recipe[1:]):
                with open(path, "wb") as f:
                    f.write(raw)
            ix = CompositeIndex.from_coinr(*paths)
    elif kind == "catalog":
        ix = CompositeIndex.from_catalog(recipe[1], recipe[2])
    else:
        ix = CompositeIndex.from_arrays(*recipe[1:])
    for name, value in options:
        ix.set_options(**{name: value})
    return ix


def _index_result(source):
    ix = _rebuild_index(*source)
    return ix.compute()


def _uncertainty_result(source):
    ix = _rebuild_index(source[0], source[1])
    return ix.uncertainty(**source[2])


class IndexResult(_Handle):
    """Scores and ranks of every aggregate for every unit and year.

    Pickles (the index input is rebuilt and computed again: the library is
    deterministic, so the numbers come back bit for bit)."""

    def __init__(self, handle: Any) -> None:
        self._h = handle
        self._source = None

    def __reduce__(self):
        if self._source is None or self._source[0] is None:
            raise TypeError("this IndexResult has no recipe to rebuild it")
        return (_index_result, (self._source,))

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.IndexResult, closed>"
        ys = self.years
        return "<greenidx.IndexResult: %d units, %d aggregates, %d indicators, years %s>" % (
            len(self.units), len(self.aggregates), len(self.indicators),
            "%d-%d" % (min(ys), max(ys)) if ys else "none")

    def _repr_html_(self):
        return "<p>%s</p>%s" % (_html_escape(repr(self)), self.to_frame().head(10).to_html())

    def summary(self, year: "int | None" = None) -> "pd.DataFrame":
        """Per aggregate (the root first): count, mean, sd, min, median and max
        of the scores in ``year`` (default: the latest), a DataFrame indexed
        by aggregate code. Scores are in the normalisation's units (min-max:
        0-100 by default)."""
        import pandas as pd
        df = self.to_frame(year)
        aggs = self.aggregates
        cols = ["score"] + aggs[1:]
        s = df[cols].describe().T[["count", "mean", "std", "min", "50%", "max"]]
        s.index = pd.Index(aggs, name="aggregate")
        return s.rename(columns={"std": "sd", "50%": "median"})

    def plot(self, year: "int | None" = None, ax: "Axes | None" = None,
             top: "int | None" = None) -> "Axes":
        """A horizontal bar chart of the index scores in ``year`` (default:
        the latest), best at the top (matplotlib); returns the Axes."""
        import matplotlib.pyplot as plt
        df = self.to_frame(year).dropna(subset=["score"])
        if top is not None:
            df = df.head(int(top))
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.25 * len(df) + 1))
        ax.barh(df["uName"][::-1], df["score"][::-1])
        ax.set_xlabel("index score")
        ax.set_title("%s %d" % (self.aggregates[0], int(df["year"].iloc[0]) if len(df) else 0))
        return ax

    @property
    def units(self) -> "list[str]":
        """Unit (region) codes, in the order of the data."""
        return [_capi.gidx_index_result_unit(self._h, i) for i in range(_capi.gidx_index_result_nunits(self._h))]

    @property
    def names(self) -> "list[str]":
        """Unit (region) names, in the order of :attr:`units`."""
        return [_capi.gidx_index_result_unit_name(self._h, i)
                for i in range(_capi.gidx_index_result_nunits(self._h))]

    @property
    def aggregates(self) -> "list[str]":
        """Aggregate codes, the root first."""
        return [_capi.gidx_index_result_aggregate(self._h, j)
                for j in range(_capi.gidx_index_result_naggregates(self._h))]

    @property
    def indicators(self) -> "list[str]":
        """Indicator codes."""
        return [_capi.gidx_index_result_indicator(self._h, k)
                for k in range(_capi.gidx_index_result_nindicators(self._h))]

    @property
    def years(self) -> "list[int]":
        """The calendar years computed."""
        return [_capi.gidx_index_result_year(self._h, t) for t in range(_capi.gidx_index_result_nyears(self._h))]

    def _units_index(self):
        import pandas as pd
        return pd.Index(self.units, name="uCode")

    def _year(self, year):
        """The calendar year to show: None is the latest year computed (the
        default view); 0 keeps the library's meaning, the first year."""
        if year is None:
            years = self.years
            return max(years) if years else 0
        return int(year)

    def scores(self, node: "str | None" = None, year: "int | None" = None) -> "pd.Series":
        """Scores of a node (default: the root) in ``year`` (default: the
        latest year computed; 0 = the first), in the normalisation's units
        (min-max: 0-100 by default), a pandas Series indexed by unit code
        (uCode)."""
        import pandas as pd
        n = _capi.gidx_index_result_nunits(self._h)
        return pd.Series(_capi.gidx_index_result_scores(n, self._h, node or None, self._year(year)),
                         index=self._units_index(), name=node or self.aggregates[0])

    def ranks(self, node: "str | None" = None, year: "int | None" = None) -> "pd.Series":
        """Ranks (1 = best, ties share the lowest rank; NaN when screened
        out) in ``year`` (default: the latest; 0 = the first), a pandas
        Series indexed by unit code (uCode)."""
        import pandas as pd
        n = _capi.gidx_index_result_nunits(self._h)
        return pd.Series(_capi.gidx_index_result_ranks(n, self._h, node or None, self._year(year)),
                         index=self._units_index(), name="rank")

    def scorecard(self, unit: "str | int", peers: "Sequence[str | int]",
                  year: "int | None" = None) -> "pd.DataFrame":
        """Strengths and weaknesses of ``unit`` against ``peers`` (codes or
        positions) in ``year`` (default: the latest): a DataFrame indexed by
        node (indicator or aggregate code) with columns type, score and the
        difference from the peers' mean (both in the normalisation's units),
        sorted from the largest strength to the largest weakness."""
        import pandas as pd
        year = self._year(year)
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        u = pos(unit)
        p = _np.array([pos(x) for x in _several(peers)], dtype=_np.uintp)
        nn = _capi.gidx_index_result_nindicators(self._h) + _capi.gidx_index_result_naggregates(self._h)
        diff = _capi.gidx_index_result_scorecard(nn, self._h, u, p, year)
        ni = _capi.gidx_index_result_nindicators(self._h)
        nodes = [_capi.gidx_index_result_scorecard_node(self._h, i) for i in range(nn)]
        score = [self.scores(n, year).iloc[u] for n in nodes]
        df = pd.DataFrame({"type": ["indicator"] * ni + ["aggregate"] * (nn - ni),
                           "score": score, "diff_vs_peers": diff},
                          index=pd.Index(nodes, name="node"))
        return df.sort_values("diff_vs_peers", ascending=False, na_position="last")

    def peer_rank(self, unit: "str | int", peers: "Sequence[str | int]", node: "str | None" = None,
                  year: "int | None" = None) -> float:
        """Rank of ``unit`` among itself and ``peers`` (1 = best) in ``year``
        (default: the latest)."""
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        p = _np.array([pos(x) for x in _several(peers)], dtype=_np.uintp)
        return float(_capi.gidx_index_result_peer_rank(self._h, pos(unit), p, node or None,
                                                       self._year(year)))

    def to_json(self, uncertainty: "UncertaintyResult | None" = None) -> dict:
        """The result as a dict (the library's JSON)."""
        return _json.loads(_capi.gidx_index_result_json(self._h, None if uncertainty is None
                                                        else uncertainty._h))

    def to_frame(self, year: "int | str | None" = None) -> "pd.DataFrame":
        """Scores (the normalisation's units) and ranks (1 = best) of every
        unit, indexed by unit code (``uCode``): columns uName, year, score,
        rank and one per aggregate, best first. ``year`` defaults to the
        latest year computed (the default view, with its year column);
        ``year="all"`` stacks every year under a (year, uCode) MultiIndex."""
        import pandas as pd
        if isinstance(year, str) and year == "all":
            parts = [self.to_frame(y) for y in self.years]
            if not parts:
                return self.to_frame(0).iloc[0:0].set_index("year", append=True).swaplevel(0, 1)
            return pd.concat(parts).set_index("year", append=True).swaplevel(0, 1)
        year = self._year(year)
        aggs = self.aggregates
        df = pd.DataFrame({"uCode": self.units, "uName": self.names, "year": int(year),
                           "score": self.scores(None, year).to_numpy(),
                           "rank": self.ranks(None, year).to_numpy()})
        for a in aggs[1:]:
            df[a] = self.scores(a, year).to_numpy()
        return df.sort_values(["rank", "uCode"], na_position="last").set_index("uCode")


class UncertaintyResult(_Handle):
    """Per-unit nominal/median/5 %/95 % ranks (pandas Series indexed by unit
    code) and Sobol indices. Pickles by running the same seeded analysis
    again (the results do not depend on the threads)."""

    def __init__(self, handle: Any) -> None:
        self._h = handle
        self._units = None
        self._source = None

    def __reduce__(self):
        if self._source is None or self._source[0] is None:
            raise TypeError("this UncertaintyResult has no recipe to rebuild it")
        return (_uncertainty_result, (self._source,))

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.UncertaintyResult, closed>"
        return "<greenidx.UncertaintyResult: %d units, %d runs>" % (
            _capi.gidx_index_uncertainty_nunits(self._h), self.nruns)

    def _repr_html_(self):
        return "<p>%s</p>%s" % (_html_escape(repr(self)), self.to_frame().head(10).to_html())

    def to_frame(self) -> "pd.DataFrame":
        """Ranks per unit: nominal, median, p05, p95 (1 = best), indexed by unit code."""
        import pandas as pd
        return pd.DataFrame({"nominal": self.nominal, "median": self.median, "p05": self.p05,
                             "p95": self.p95})

    def summary(self) -> "pd.DataFrame":
        """Units by nominal rank with the width of their 5-95 % rank interval (ranks)."""
        df = self.to_frame()
        return df.assign(width=df["p95"] - df["p05"]).sort_values("nominal")

    @property
    def nruns(self) -> int:
        """Number of index rebuilds (replications) run."""
        return _capi.gidx_index_uncertainty_nruns(self._h)

    def _ranks(self, which):
        import pandas as pd
        v = _capi.gidx_index_uncertainty_ranks(_capi.gidx_index_uncertainty_nunits(self._h),
                                               self._h)[which]
        if self._units is None:
            return v
        return pd.Series(v, index=pd.Index(self._units, name="uCode"),
                         name=("nominal", "median", "p05", "p95")[which])

    @property
    def nominal(self) -> "pd.Series":
        """The rank of the nominal index (1 = best) by uCode."""
        return self._ranks(0)

    @property
    def median(self) -> "pd.Series":
        """The median rank over the replications (1 = best) by uCode."""
        return self._ranks(1)

    @property
    def p05(self) -> "pd.Series":
        """The 5th percentile of the rank (1 = best) by uCode."""
        return self._ranks(2)

    @property
    def p95(self) -> "pd.Series":
        """The 95th percentile of the rank (1 = best) by uCode."""
        return self._ranks(3)

    def sobol(self) -> "dict[str, tuple[float, float]]":
        """Dict factor -> (first-order, total) index (dimensionless, 0-1)
        of the ranks' variance; NaN for factors not varied."""
        first, total = _capi.gidx_index_uncertainty_sobol(5, self._h)
        return {f: (first[i], total[i]) for i, f in enumerate(_FACTORS)}

    def sobol_units(self) -> "tuple[pd.DataFrame, pd.DataFrame]":
        """Per-unit Sobol indices (dimensionless, 0-1) of each factor on the
        unit's rank: ``(first_order, total)``, two DataFrames indexed by unit
        code (uCode) with one column per factor, in the order of
        :meth:`sobol` (NaN where not varied or the rank never moves)."""
        import pandas as pd
        n = _capi.gidx_index_uncertainty_nunits(self._h)
        v = [_capi.gidx_index_uncertainty_sobol_unit(5, self._h, i) for i in range(n)]
        first = _np.array([f for f, _ in v]).reshape(n, 5)
        total = _np.array([t for _, t in v]).reshape(n, 5)
        idx = (pd.Index(self._units, name="uCode") if self._units is not None
               else pd.RangeIndex(n, name="unit"))
        cols = pd.Index(_FACTORS, name="factor")
        return (pd.DataFrame(first, index=idx, columns=cols),
                pd.DataFrame(total, index=idx, columns=cols))


def skew_kurtosis(x: ArrayLike) -> "tuple[float, float]":
    """Type-2 skewness and excess kurtosis (Excel, e1071, COINr; both
    dimensionless) of the finite values."""
    x = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    s, k = _capi.gidx_skew_kurtosis(x)
    return float(s), float(k)


def cronbach_alpha(X: ArrayLike) -> float:
    """Cronbach's alpha (dimensionless, at most 1) of the columns of X (NaN
    = missing, pairwise covariances)."""
    x = _matrix(X)
    return float(_capi.gidx_cronbach_alpha(x))


def _columns_of(X):
    """The column labels of a DataFrame (None for an array)."""
    return list(X.columns) if hasattr(X, "columns") else None


def pca(X: ArrayLike) -> tuple:
    """PCA of the standardised complete rows: ``(sdev, proportion,
    loadings)``, standard deviations of the components (in standard
    deviations of the standardised data), the proportion of variance
    explained (0-1) and the p x p loadings (dimensionless). For a DataFrame
    the three are labelled: components PC1..PCp, loadings rows by column."""
    x = _matrix(X)
    p = x.shape[1]
    sdev, prop, load = _capi.gidx_pca(p * p, x)
    sdev, prop, load = sdev[:p], prop[:p], load.reshape(p, p)
    cols = _columns_of(X)
    if cols is None:
        return sdev, prop, load
    import pandas as pd
    pcs = pd.Index(["PC%d" % (i + 1) for i in range(p)], name="component")
    return (pd.Series(sdev, index=pcs, name="sdev"), pd.Series(prop, index=pcs, name="proportion"),
            pd.DataFrame(load, index=pd.Index(cols, name="indicator"), columns=pcs))


def correlation_matrix(X: ArrayLike, method: str = "pearson") -> "_np.ndarray | pd.DataFrame":
    """Pearson or Spearman correlation matrix (dimensionless, -1 to 1) of the
    columns, pairwise complete; a DataFrame labelled by the columns of a
    DataFrame ``X``, else a p x p numpy array."""
    x = _matrix(X)
    p = x.shape[1]
    c = _capi.gidx_correlation_matrix(p * p, x, int(method == "spearman")).reshape(p, p)
    cols = _columns_of(X)
    if cols is None:
        return c
    import pandas as pd
    return pd.DataFrame(c, index=pd.Index(cols, name="indicator"),
                        columns=pd.Index(cols, name="indicator"))


def rank(x: ArrayLike, descending: bool = True) -> "_np.ndarray | pd.Series":
    """Competition ranks (1 = best, ties share the lowest rank); NaN stays
    NaN. A pandas Series comes back as a Series with the same index (named
    ``rank``), anything else as a numpy array."""
    v = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    r = _capi.gidx_b_rank(v.size, v, int(bool(descending)))
    if hasattr(x, "index") and getattr(x, "ndim", 0) == 1:
        import pandas as pd
        return pd.Series(r, index=x.index, name="rank")
    return r


def sobol_indices(yA: ArrayLike, yB: ArrayLike,
                  yAB: ArrayLike) -> "tuple[_np.ndarray, _np.ndarray]":
    """First-order (Saltelli 2010) and total (Jansen 1999) indices
    (dimensionless, 0-1) from outputs on the radial design (any one unit):
    yAB has shape (k, N). Returns (first, total)."""
    yA = _np.ascontiguousarray(yA, dtype=_np.float64).ravel()
    yB = _np.ascontiguousarray(yB, dtype=_np.float64).ravel()
    yAB = _np.ascontiguousarray(yAB, dtype=_np.float64)
    k = yAB.shape[0] if yAB.ndim == 2 else 1
    yAB = yAB.reshape(k, -1)
    return _capi.gidx_b_sobol_indices(k, yA, yB, yAB)


def peers_nearest(Z: ArrayLike, target: int, k: int) -> "_np.ndarray":
    """Positions (0-based row numbers) of the ``k`` rows of ``Z`` (units x
    structural variables, each in its own unit) nearest to row ``target``
    by Euclidean distance of z-scored columns."""
    z = _matrix(Z)
    return _capi.gidx_peers_nearest(int(k), z, int(target)).astype(int)
