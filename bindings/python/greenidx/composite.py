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
"""
import json as _json
from html import escape as _html_escape

import numpy as _np

from . import capi as _capi
from ._handle import Handle as _Handle

__all__ = ["CompositeIndex", "IndexResult", "UncertaintyResult", "cronbach_alpha", "pca",
           "skew_kurtosis", "correlation_matrix", "rank", "sobol_indices", "peers_nearest"]

_FACTORS = ("impute", "normalise", "aggregate", "weights", "exclude")


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

    def __init__(self, _handles, _recipe=None):
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

    def close(self):
        """Free the C specification and data now (idempotent)."""
        self._h = None
        self._ds = None

    @classmethod
    def from_coinr(cls, idata, imeta):
        """Load COINr's unit-by-indicator layout (iData) and metadata (iMeta)."""
        def raw(p):
            with open(p, "rb") as f:
                return f.read()
        return cls(_capi.gidx_index_load_coinr(str(idata), str(imeta)),
                   ("coinr", raw(idata), raw(imeta)))

    @classmethod
    def from_catalog(cls, panel, year=0):
        """The index of a :class:`greenidx.Panel`: the catalogue's pillars and
        directions, indicators observed for half the municipalities
        (``gidx_index_from_catalog``); ``year`` 0 = every year they all cover."""
        ds, sp, _ref = _capi.gidx_index_from_catalog(_capi.gidx_panel_dataset(panel._h),
                                                     panel.catalog._h, int(year))
        return cls((ds, sp), ("catalog", panel, int(year)))

    @classmethod
    def from_arrays(cls, values, units, indicators, parents, aggregates,
                    weights=None, directions=None, year=2000):
        """Build from a units x indicators array and a hierarchy.

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

    def set_options(self, **options):
        """Set methodological choices by name (see ``greenidx index --help``):
        year, denominate, impute, screen, treat, normalise, weights, aggregate,
        min_avail. Values are strings or numbers, e.g. ``normalise="minmax:1,100"``."""
        for name, value in options.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            _capi.gidx_b_index_option(self._h, name.replace("_", "-"), str(value))
            self._options.append((name, value))
        return self

    def compute(self):
        """Build the index; returns an :class:`IndexResult`."""
        r = IndexResult(_capi.gidx_index_compute(self._h, self._ds))
        r._source = (self._recipe, list(self._options))
        return r

    def uncertainty(self, n=1000, seed=1, threads=1, sobol=False, impute=(), normalise=(),
                    aggregate=(), weight_noise=0.0, exclude_one=False):
        """Monte Carlo (or, with ``sobol=True``, Saltelli's design with N(k+2)
        rebuilds) over the listed alternatives; returns an :class:`UncertaintyResult`."""
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

    def __init__(self, handle):
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

    def summary(self, year=None):
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

    def plot(self, year=None, ax=None, top=None):
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
    def units(self):
        return [_capi.gidx_index_result_unit(self._h, i) for i in range(_capi.gidx_index_result_nunits(self._h))]

    @property
    def names(self):
        return [_capi.gidx_index_result_unit_name(self._h, i)
                for i in range(_capi.gidx_index_result_nunits(self._h))]

    @property
    def aggregates(self):
        """Aggregate codes, the root first."""
        return [_capi.gidx_index_result_aggregate(self._h, j)
                for j in range(_capi.gidx_index_result_naggregates(self._h))]

    @property
    def indicators(self):
        return [_capi.gidx_index_result_indicator(self._h, k)
                for k in range(_capi.gidx_index_result_nindicators(self._h))]

    @property
    def years(self):
        return [_capi.gidx_index_result_year(self._h, t) for t in range(_capi.gidx_index_result_nyears(self._h))]

    def _units_index(self):
        import pandas as pd
        return pd.Index(self.units, name="uCode")

    def scores(self, node=None, year=0):
        """Scores of a node (default: the root) in ``year`` (0 = the first),
        a pandas Series indexed by unit code (uCode)."""
        import pandas as pd
        n = _capi.gidx_index_result_nunits(self._h)
        return pd.Series(_capi.gidx_index_result_scores(n, self._h, node or None, int(year)),
                         index=self._units_index(), name=node or self.aggregates[0])

    def ranks(self, node=None, year=0):
        """Ranks (1 = best, ties share the lowest rank; NaN when screened
        out), a pandas Series indexed by unit code (uCode)."""
        import pandas as pd
        n = _capi.gidx_index_result_nunits(self._h)
        return pd.Series(_capi.gidx_index_result_ranks(n, self._h, node or None, int(year)),
                         index=self._units_index(), name="rank")

    def scorecard(self, unit, peers, year=0):
        """Strengths and weaknesses of ``unit`` against ``peers`` (codes or
        positions): a DataFrame of node, type, score and the difference from the
        peers' mean, sorted from the largest strength to the largest weakness."""
        import pandas as pd
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        u = pos(unit)
        p = _np.array([pos(x) for x in peers], dtype=_np.uintp)
        nn = _capi.gidx_index_result_nindicators(self._h) + _capi.gidx_index_result_naggregates(self._h)
        diff = _capi.gidx_index_result_scorecard(nn, self._h, u, p, int(year))
        ni = _capi.gidx_index_result_nindicators(self._h)
        nodes = [_capi.gidx_index_result_scorecard_node(self._h, i) for i in range(nn)]
        score = [self.scores(n, year).iloc[u] for n in nodes]
        df = pd.DataFrame({"node": nodes, "type": ["indicator"] * ni + ["aggregate"] * (nn - ni),
                           "score": score, "diff_vs_peers": diff})
        return df.sort_values("diff_vs_peers", ascending=False, na_position="last").reset_index(drop=True)

    def peer_rank(self, unit, peers, node=None, year=0):
        """Rank of ``unit`` among itself and ``peers`` (1 = best)."""
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        p = _np.array([pos(x) for x in peers], dtype=_np.uintp)
        return float(_capi.gidx_index_result_peer_rank(self._h, pos(unit), p, node or None, int(year)))

    def to_json(self, uncertainty=None):
        """The result as a dict (the library's JSON)."""
        return _json.loads(_capi.gidx_index_result_json(self._h, None if uncertainty is None
                                                        else uncertainty._h))

    def to_frame(self, year=None):
        """A pandas DataFrame: uCode, uName, year, score, rank (1 = best) and one
        column per aggregate, for ``year`` (default: the latest year computed)."""
        import pandas as pd
        if year is None:
            years = self.years
            year = max(years) if years else 0
        aggs = self.aggregates
        df = pd.DataFrame({"uCode": self.units, "uName": self.names, "year": int(year),
                           "score": self.scores(None, year).to_numpy(),
                           "rank": self.ranks(None, year).to_numpy()})
        for a in aggs[1:]:
            df[a] = self.scores(a, year).to_numpy()
        return df.sort_values(["rank", "uCode"], na_position="last").reset_index(drop=True)


class UncertaintyResult(_Handle):
    """Per-unit nominal/median/5 %/95 % ranks (pandas Series indexed by unit
    code) and Sobol indices. Pickles by running the same seeded analysis
    again (the results do not depend on the threads)."""

    def __init__(self, handle):
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

    def to_frame(self):
        """Ranks per unit: nominal, median, p05, p95 (1 = best), indexed by unit code."""
        import pandas as pd
        return pd.DataFrame({"nominal": self.nominal, "median": self.median, "p05": self.p05,
                             "p95": self.p95})

    def summary(self):
        """Units by nominal rank with the width of their 5-95 % rank interval (ranks)."""
        df = self.to_frame()
        return df.assign(width=df["p95"] - df["p05"]).sort_values("nominal")

    @property
    def nruns(self):
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
    def nominal(self):
        return self._ranks(0)

    @property
    def median(self):
        return self._ranks(1)

    @property
    def p05(self):
        return self._ranks(2)

    @property
    def p95(self):
        return self._ranks(3)

    def sobol(self):
        """Dict factor -> (first-order, total) index; NaN for factors not varied."""
        first, total = _capi.gidx_index_uncertainty_sobol(5, self._h)
        return {f: (first[i], total[i]) for i, f in enumerate(_FACTORS)}

    def sobol_units(self):
        """Per-unit Sobol indices of each factor on the unit's rank: arrays
        (units x 5) of first-order and total indices, columns in the order of
        :meth:`sobol` (NaN where not varied or the rank never moves)."""
        n = _capi.gidx_index_uncertainty_nunits(self._h)
        v = [_capi.gidx_index_uncertainty_sobol_unit(5, self._h, i) for i in range(n)]
        return (_np.array([f for f, _ in v]).reshape(n, 5), _np.array([t for _, t in v]).reshape(n, 5))


def skew_kurtosis(x):
    """Type-2 skewness and excess kurtosis (Excel, e1071, COINr) of the finite values."""
    x = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    s, k = _capi.gidx_skew_kurtosis(x)
    return float(s), float(k)


def cronbach_alpha(X):
    """Cronbach's alpha of the columns of X (NaN = missing, pairwise covariances)."""
    x = _matrix(X)
    return float(_capi.gidx_cronbach_alpha(x))


def pca(X):
    """PCA of the standardised complete rows: (sdev, proportion, loadings p x p)."""
    x = _matrix(X)
    p = x.shape[1]
    sdev, prop, load = _capi.gidx_pca(p * p, x)
    return sdev[:p], prop[:p], load.reshape(p, p)


def correlation_matrix(X, method="pearson"):
    """Pearson or Spearman correlation matrix of the columns, pairwise complete."""
    x = _matrix(X)
    p = x.shape[1]
    return _capi.gidx_correlation_matrix(p * p, x, int(method == "spearman")).reshape(p, p)


def rank(x, descending=True):
    """Competition ranks (ties share the lowest rank); NaN stays NaN."""
    x = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    return _capi.gidx_b_rank(x.size, x, int(bool(descending)))


def sobol_indices(yA, yB, yAB):
    """First-order (Saltelli 2010) and total (Jansen 1999) indices from outputs
    on the radial design: yAB has shape (k, N). Returns (first, total)."""
    yA = _np.ascontiguousarray(yA, dtype=_np.float64).ravel()
    yB = _np.ascontiguousarray(yB, dtype=_np.float64).ravel()
    yAB = _np.ascontiguousarray(yAB, dtype=_np.float64)
    k = yAB.shape[0] if yAB.ndim == 2 else 1
    yAB = yAB.reshape(k, -1)
    return _capi.gidx_b_sobol_indices(k, yA, yB, yAB)


def peers_nearest(Z, target, k):
    """Positions of the ``k`` rows of ``Z`` (units x structural variables)
    nearest to row ``target`` by Euclidean distance of z-scored columns."""
    z = _matrix(Z)
    return _capi.gidx_peers_nearest(int(k), z, int(target)).astype(int)
