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
    :meth:`close` to free the C objects deterministically.
    """

    def __init__(self, _handle):
        self._h = _handle

    @classmethod
    def from_coinr(cls, idata, imeta):
        """Load COINr's unit-by-indicator layout (iData) and metadata (iMeta)."""
        return cls(_capi.gidx_b_coin_load(str(idata), str(imeta)))

    @classmethod
    def from_catalog(cls, panel, year=0):
        """The index of a :class:`greenidx.Panel`: the catalogue's pillars and
        directions, indicators observed for half the municipalities
        (``gidx_index_from_catalog``); ``year`` 0 = every year they all cover."""
        return cls(_capi.gidx_b_coin_from_catalog(panel._h, panel.catalog._h, int(year)))

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
        if any("\n" in u for u in units):
            raise ValueError("unit codes may not contain newlines")
        h = _capi.gidx_b_coin_new()
        self = cls(h)
        try:
            for code, parent, w in aggregates:
                _capi.gidx_py_coin_add_aggregate(h, str(code), "" if parent is None else str(parent), float(w))
            for k, code in enumerate(indicators):
                _capi.gidx_py_coin_add_indicator(h, str(code), str(parents[k]),
                                                 1.0 if weights is None else float(weights[k]),
                                                 1 if directions is None else int(directions[k]))
            joined = "\n".join(units)
            for k, code in enumerate(indicators):
                _capi.gidx_py_coin_set_column(h, joined, int(year), str(code), _np.ascontiguousarray(x[:, k]))
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
            _capi.gidx_b_coin_option(self._h, name.replace("_", "-"), str(value))
        return self

    def compute(self):
        """Build the index; returns an :class:`IndexResult`."""
        return IndexResult(_capi.gidx_py_compute(self._h))

    def uncertainty(self, n=1000, seed=1, threads=1, sobol=False, impute=(), normalise=(),
                    aggregate=(), weight_noise=0.0, exclude_one=False):
        """Monte Carlo (or, with ``sobol=True``, Saltelli's design with N(k+2)
        rebuilds) over the listed alternatives; returns an :class:`UncertaintyResult`."""
        u = _capi.gidx_b_uncertainty(self._h, int(n), int(seed), int(threads), int(bool(sobol)),
                                     ";".join(impute), ";".join(normalise), ";".join(aggregate),
                                     float(weight_noise), int(bool(exclude_one)))
        return UncertaintyResult(u)


class IndexResult(_Handle):
    """Scores and ranks of every aggregate for every unit and year."""

    def __init__(self, handle):
        self._h = handle

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

    def scores(self, node=None, year=0):
        """Scores of a node (default: the root) as a numpy array over units."""
        n = _capi.gidx_index_result_nunits(self._h)
        return _capi.gidx_py_result_scores(n, self._h, node or "", int(year), 0)

    def ranks(self, node=None, year=0):
        """Ranks (1 = best, ties share the lowest rank; NaN when screened out)."""
        n = _capi.gidx_index_result_nunits(self._h)
        return _capi.gidx_py_result_scores(n, self._h, node or "", int(year), 1)

    def scorecard(self, unit, peers, year=0):
        """Strengths and weaknesses of ``unit`` against ``peers`` (codes or
        positions): a DataFrame of node, type, score and the difference from the
        peers' mean, sorted from the largest strength to the largest weakness."""
        import pandas as pd
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        u = pos(unit)
        p = _np.array([pos(x) for x in peers], dtype=_np.float64)
        nn = _capi.gidx_index_result_nindicators(self._h) + _capi.gidx_index_result_naggregates(self._h)
        diff = _capi.gidx_py_scorecard(nn, self._h, u, p, int(year))
        ni = _capi.gidx_index_result_nindicators(self._h)
        nodes = [_capi.gidx_py_scorecard_node(self._h, i) for i in range(nn)]
        score = [self.scores(n, year)[u] for n in nodes]
        df = pd.DataFrame({"node": nodes, "type": ["indicator"] * ni + ["aggregate"] * (nn - ni),
                           "score": score, "diff_vs_peers": diff})
        return df.sort_values("diff_vs_peers", ascending=False, na_position="last").reset_index(drop=True)

    def peer_rank(self, unit, peers, node=None, year=0):
        """Rank of ``unit`` among itself and ``peers`` (1 = best)."""
        units = self.units
        pos = lambda x: units.index(x) if isinstance(x, str) else int(x)  # noqa: E731
        p = _np.array([pos(x) for x in peers], dtype=_np.float64)
        return float(_capi.gidx_py_peer_rank(1, self._h, pos(unit), p, node or "", int(year))[0])

    def to_json(self, uncertainty=None):
        """The result as a dict (the library's JSON)."""
        text = _capi.gidx_b_result_json(self._h, None if uncertainty is None else uncertainty._h)
        if text is None:
            from ._errors import class_for
            code, msg = _capi.gidx_error_last_code(), _capi.gidx_error_last_message()
            raise class_for(code)(msg, code)
        return _json.loads(text)

    def to_frame(self, year=None):
        """A pandas DataFrame: uCode, uName, year, score, rank (1 = best) and one
        column per aggregate, for ``year`` (default: the latest year computed)."""
        import pandas as pd
        if year is None:
            years = self.years
            year = max(years) if years else 0
        aggs = self.aggregates
        df = pd.DataFrame({"uCode": self.units, "uName": self.names, "year": int(year),
                           "score": self.scores(None, year), "rank": self.ranks(None, year)})
        for a in aggs[1:]:
            df[a] = self.scores(a, year)
        return df.sort_values(["rank", "uCode"], na_position="last").reset_index(drop=True)


class UncertaintyResult(_Handle):
    """Per-unit nominal/median/5 %/95 % ranks and Sobol indices."""

    def __init__(self, handle):
        self._h = handle

    @property
    def nruns(self):
        return _capi.gidx_index_uncertainty_nruns(self._h)

    def _ranks(self, which):
        return _capi.gidx_py_unc_ranks(_capi.gidx_index_uncertainty_nunits(self._h), self._h, which)

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
        v = _capi.gidx_py_unc_sobol(10, self._h)
        return {f: (v[i], v[5 + i]) for i, f in enumerate(_FACTORS)}

    def sobol_units(self):
        """Per-unit Sobol indices of each factor on the unit's rank: arrays
        (units x 5) of first-order and total indices, columns in the order of
        :meth:`sobol` (NaN where not varied or the rank never moves)."""
        n = _capi.gidx_index_uncertainty_nunits(self._h)
        v = _np.array([_capi.gidx_py_unc_sobol_unit(10, self._h, i) for i in range(n)])
        return v[:, :5], v[:, 5:]


def skew_kurtosis(x):
    """Type-2 skewness and excess kurtosis (Excel, e1071, COINr) of the finite values."""
    x = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    s, k = _capi.gidx_py_skew_kurtosis(2, x)
    return float(s), float(k)


def cronbach_alpha(X):
    """Cronbach's alpha of the columns of X (NaN = missing, pairwise covariances)."""
    x = _matrix(X)
    return float(_capi.gidx_py_cronbach(1, x.ravel(), x.shape[1])[0])


def pca(X):
    """PCA of the standardised complete rows: (sdev, proportion, loadings p x p)."""
    x = _matrix(X)
    p = x.shape[1]
    v = _capi.gidx_py_pca(2 * p + p * p, x.ravel(), p)
    return v[:p], v[p:2 * p], v[2 * p:].reshape(p, p)


def correlation_matrix(X, method="pearson"):
    """Pearson or Spearman correlation matrix of the columns, pairwise complete."""
    x = _matrix(X)
    p = x.shape[1]
    return _capi.gidx_py_correlation(p * p, x.ravel(), p, int(method == "spearman")).reshape(p, p)


def rank(x, descending=True):
    """Competition ranks (ties share the lowest rank); NaN stays NaN."""
    x = _np.ascontiguousarray(x, dtype=_np.float64).ravel()
    return _capi.gidx_py_rank(x.size, x, int(bool(descending)))


def sobol_indices(yA, yB, yAB):
    """First-order (Saltelli 2010) and total (Jansen 1999) indices from outputs
    on the radial design: yAB has shape (k, N). Returns (first, total)."""
    yA = _np.ascontiguousarray(yA, dtype=_np.float64).ravel()
    yB = _np.ascontiguousarray(yB, dtype=_np.float64).ravel()
    yAB = _np.ascontiguousarray(yAB, dtype=_np.float64)
    k = yAB.shape[0] if yAB.ndim == 2 else 1
    v = _capi.gidx_py_sobol(2 * k, yA, yB, yAB.ravel())
    return v[:k], v[k:]


def peers_nearest(Z, target, k):
    """Positions of the ``k`` rows of ``Z`` (units x structural variables)
    nearest to row ``target`` by Euclidean distance of z-scored columns."""
    z = _matrix(Z)
    return _capi.gidx_py_peers_nearest(int(k), z.ravel(), z.shape[1], int(target)).astype(int)
