# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ripple effects (ringvirkninger): input-output models.

Leontief and Ghosh inverses, type I and II multipliers, location-quotient
regionalisation (SLQ, CILQ, FLQ) and final-demand shocks split into direct,
indirect and induced effects (Miller & Blair 2009, *Input-Output Analysis*,
2nd ed.; Flegg & Tohmo 2013). Every number is computed by libgreenidx.

>>> m = IOModel.norway(2021)          # SSB's table for Norway, 62 industries, NOK million
>>> r = m.shock({"RF": 100.0}, type=2)  # NOK 100 million of construction demand
>>> r.frame()            # pandas DataFrame by sector and quantity
>>> m.note               # the table, the employment key and its year
"""
import json

import numpy as np

from . import capi as _capi
from .data import handle_of as _dataset_handle
from ._handle import Handle as _Handle

__all__ = ["IOModel", "IOResult", "location_quotients", "read_employment", "region_employment",
           "sn2007_groups", "QUANTITIES", "PARTS"]

QUANTITIES = ("output", "employment", "value_added", "labour_income", "emissions", "imports",
              "leakage_rest_of_norway")
PARTS = ("direct", "indirect", "induced", "total")
_LQ = {"slq": 1, "cilq": 2, "flq": 3}
_SOLVER = {"auto": 0, "dense": 1, "iterative": 2}
_FORMAT = {"table": 0, "csv": 1, "json": 2}


def _q(quantity):
    if isinstance(quantity, str):
        try:
            return QUANTITIES.index(quantity)
        except ValueError:
            raise ValueError("unknown quantity %r; one of %s" % (quantity, QUANTITIES)) from None
    return int(quantity)


def _vec(v):
    return np.ascontiguousarray(v, dtype=np.float64).ravel()


def _names(v):
    """Sector names: None, one str (one name) or any sequence of names."""
    if v is None:
        return None
    if isinstance(v, str):
        return [v]
    return [str(s) for s in v]


def location_quotients(regional, national, method="flq", delta=0.3):
    """Location quotients from employment by industry.

    Returns a vector (SLQ) or a k-by-k matrix (CILQ, FLQ; row = supplying
    industry, column = purchasing industry).
    """
    re, ne = _vec(regional), _vec(national)
    k = re.size
    meth = _LQ[method.lower()]
    cap = k if meth == 1 else k * k
    out = _capi.gidx_io_location_quotients(cap, meth, float(delta), re, ne)
    return out if meth == 1 else out.reshape(k, k)


def read_employment(path, order=None):
    """Employment by industry from a CSV file (``industry,employment``), in
    the file's order or in the order of the industries of file ``order``."""
    return _capi.gidx_io_employment_read(str(path), None if order is None else str(order))


def sn2007_groups():
    """The 16 industry groups of SSB table 13470 (SN2007) as (label,
    dataset variable) pairs, in the order of :func:`region_employment`."""
    return [(_capi.gidx_sn2007_group(i), _capi.gidx_sn2007_variable(i))
            for i in range(_capi.gidx_sn2007_ngroups())]


def region_employment(data, region, year=0):
    """A region's employment by the 16 SN2007 groups from a dataset (e.g.
    ``greenidx.load_default()``): ``(dict label -> persons, year)``; year
    0 takes the latest year with every group present."""
    k = _capi.gidx_sn2007_ngroups()
    v, used = _capi.gidx_io_region_employment(k, _dataset_handle(data), str(region), int(year))
    return {_capi.gidx_sn2007_group(i): float(v[i]) for i in range(k)}, used


class IOModel(_Handle):
    """An input-output model (wraps ``gidx_io_model``).

    Build from a transactions matrix and total output (:meth:`from_flows`),
    from technical coefficients (:meth:`from_coefficients`), from a sparse
    CSR matrix (:meth:`from_sparse`) or from a folder of CSV files
    (:meth:`load`). Use as a context manager or call :meth:`close`.
    """

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def load(cls, path):
        """Load ``Z.csv``, ``x.csv`` and optional ``satellites.csv`` and
        ``households.csv`` from a folder."""
        return cls(_capi.gidx_io_model_load(str(path)))

    @classmethod
    def norway(cls, year=2021):
        """Statistics Norway's input-output table for Norway of ``year``
        (2012-2021): 62 industries (SSB's codes ``R01`` ... ``RT``), NOK
        million, with value added, labour income (D1), imported
        intermediates, greenhouse gases (t CO2e) and employment (SSB 13470
        spread by D1; see :attr:`note`); households close type II
        (``gidx_io_model_norway``)."""
        return cls(_capi.gidx_io_model_norway(int(year)))

    @classmethod
    def load_ssb(cls, domestic, imports):
        """SSB's input-output workbooks as published: table 1850 (domestic)
        and table 1950 (imports) of one year (``gidx_io_model_load_ssb``)."""
        return cls(_capi.gidx_io_model_load_ssb(str(domestic), str(imports)))

    @property
    def note(self):
        """What to tell users about the model (table, employment key and
        year, regionalisation), or None."""
        return _capi.gidx_io_model_note(self._h)

    @property
    def year(self):
        """Year of the table (0 when unknown)."""
        return _capi.gidx_io_model_year(self._h)

    @classmethod
    def from_flows(cls, Z, x, sectors=None):
        """A = Z diag(x)^-1; ``Z`` n-by-n (row = selling sector)."""
        Z = np.ascontiguousarray(Z, dtype=np.float64)
        x = _vec(x)
        return cls(_capi.gidx_io_model_new(Z, x, _names(sectors)))

    @classmethod
    def from_coefficients(cls, A, sectors=None):
        """A model from technical coefficients (no total output)."""
        A = np.ascontiguousarray(A, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] != A.shape[1]:
            raise ValueError("A must be square")
        return cls(_capi.gidx_io_model_new_coefficients(A, _names(sectors)))

    @classmethod
    def from_sparse(cls, A):
        """A sparse model from a ``scipy.sparse`` matrix of coefficients
        (converted to CSR); shocks are solved by Gauss-Seidel."""
        A = A.tocsr()
        n = A.shape[0]
        if A.shape[0] != A.shape[1]:
            raise ValueError("A must be square")
        return cls(_capi.gidx_io_model_new_sparse(
            np.ascontiguousarray(A.indptr, dtype=np.uintp),
            np.ascontiguousarray(A.indices, dtype=np.uintp), _vec(A.data), None))


    @property
    def sectors(self):
        """Sector names, in order."""
        return [_capi.gidx_io_model_sector(self._h, i) for i in range(len(self))]

    def __len__(self):
        return _capi.gidx_io_model_nsectors(self._h)

    def sector_index(self, name):
        """Index of the sector called ``name`` (raises NotFoundError)."""
        return _capi.gidx_io_model_find_sector(self._h, name)

    def set_satellite(self, quantity, values, per_unit=False):
        """Set employment, value added, labour income or emissions per sector
        (totals, or coefficients per unit of output with ``per_unit``)."""
        _capi.gidx_io_model_set_satellite(self._h, _q(quantity), _vec(values), int(per_unit))

    def set_households(self, values, shares=False):
        """Household consumption by sector (or shares of household income)."""
        _capi.gidx_io_model_set_households(self._h, _vec(values), int(shares))

    def satellite(self, quantity):
        """A satellite row as coefficients per unit of output."""
        return _capi.gidx_io_model_satellite(len(self), self._h, _q(quantity))

    def coefficients(self):
        """Technical coefficients A (n-by-n)."""
        n = len(self)
        return _capi.gidx_io_model_coefficients(n * n, self._h).reshape(n, n)

    def leontief(self, type=1):
        """Leontief inverse (type 1, n-by-n) or closed inverse (type 2, n+1)."""
        N = len(self) + (1 if type == 2 else 0)
        return _capi.gidx_io_model_leontief(N * N, self._h, int(type)).reshape(N, N)

    def ghosh(self):
        """Ghosh inverse G = x^-1 L x."""
        n = len(self)
        return _capi.gidx_io_model_ghosh(n * n, self._h).reshape(n, n)

    def multipliers(self, quantity="output", type=1):
        """Multipliers per sector (effect of one unit of final demand)."""
        return _capi.gidx_io_model_multipliers(len(self), self._h, _q(quantity), int(type))

    def multiplier_table(self, type=1):
        """Multipliers of all quantities with one factorisation: a
        5-by-n array (rows as :data:`QUANTITIES`, NaN where not set)."""
        n = len(self)
        return _capi.gidx_io_model_multiplier_table(5 * n, self._h, int(type)).reshape(5, n)

    def final_demand(self):
        """Final demand implied by the table, x - Z 1."""
        return _capi.gidx_io_model_final_demand(len(self), self._h)

    def regionalise(self, regional, national, method="flq", delta=0.3, industry_of=None):
        """A regional model by location quotients from employment by industry;
        ``industry_of`` maps each sector to an industry index (default: the
        industries are the sectors)."""
        g = None if industry_of is None else np.ascontiguousarray(industry_of, dtype=np.uintp)
        return IOModel(_capi.gidx_io_model_regionalise(
            self._h, _LQ[method.lower()], float(delta), _vec(regional), _vec(national), g))

    def regionalise_region(self, data, region, year=0, method="flq", delta=0.3, concordance=None,
                           national_region=None):
        """A regional model for a region of a dataset: its employment by the
        SN2007 groups of SSB table 13470 against the national employment of
        this model's employment satellite, or of ``national_region`` of the
        same dataset; sectors are matched to groups by their SN2007 codes or
        labels, or through ``concordance`` (CSV ``sector,industry``).
        Returns ``(model, year used)``."""
        o = _capi.gidx_io_region_options()
        o.year, o.method, o.delta = int(year), _LQ[method.lower()], float(delta)
        if concordance is not None:
            o.concordance = str(concordance)
        if national_region is not None:
            o.national_region = str(national_region)
        h, used = _capi.gidx_io_model_regionalise_dataset(self._h, _dataset_handle(data),
                                                          str(region), o)
        return IOModel(h), used

    def industry_map(self, industries, concordance=None):
        """Industry index of each sector: the row of its industry in the
        employment file ``industries``, through the CSV ``concordance``
        (``sector,industry``) or by equal names."""
        return _capi.gidx_io_concordance_read(len(self), self._h, str(industries),
                                              None if concordance is None else str(concordance))

    def shock(self, df, type=1, solver="auto", tol=0.0, max_iter=0, multipliers=True,
              first_year=0):
        """Effects of a change in final demand.

        ``df`` is a dict ``{sector: amount}``, a vector of n changes, or a
        years-by-n array (a path). Returns an :class:`IOResult`.
        """
        n = len(self)
        if isinstance(df, dict):
            v = np.zeros(n)
            for k, a in df.items():
                v[self.sector_index(k) if isinstance(k, str) else int(k)] += float(a)
            df = v
        df = np.ascontiguousarray(df, dtype=np.float64)
        if df.ndim == 1:
            df = df.reshape(1, -1)
        o = _capi.gidx_io_shock_options()
        o.type, o.solver, o.tol, o.max_iter = int(type), _SOLVER[solver], float(tol), int(max_iter)
        o.multipliers, o.first_year = int(bool(multipliers)), int(first_year)
        return IOResult(_capi.gidx_io_shock_path(self._h, df, o))


class IOResult(_Handle):
    """Effects of a shock (wraps ``gidx_io_result``)."""

    def __init__(self, handle):
        self._h = handle


    @property
    def sectors(self):
        return [_capi.gidx_io_result_sector(self._h, i)
                for i in range(_capi.gidx_io_result_nsectors(self._h))]

    @property
    def nyears(self):
        return _capi.gidx_io_result_nyears(self._h)

    @property
    def type(self):
        return _capi.gidx_io_result_type(self._h)

    def has(self, quantity):
        return bool(_capi.gidx_io_result_has(self._h, _q(quantity)))

    def get(self, quantity="output", part="total", year=0):
        """One part of one quantity by sector (year index for a path)."""
        return _capi.gidx_io_result_get(_capi.gidx_io_result_nsectors(self._h), self._h,
                                        int(year), _q(quantity), PARTS.index(part))

    def path(self, quantity="output", part="total"):
        """Sector totals for every year: a plain array for scenarios."""
        return _capi.gidx_io_result_path(self.nyears, self._h, _q(quantity), PARTS.index(part))

    def multipliers(self, quantity="output"):
        return _capi.gidx_io_result_multipliers(_capi.gidx_io_result_nsectors(self._h), self._h,
                                                _q(quantity))

    def text(self, format="table"):
        """The C library's table, CSV or JSON rendering."""
        return _capi.gidx_io_result_format(self._h, _FORMAT[format])

    def to_dict(self):
        """The JSON rendering, parsed."""
        return json.loads(self.text("json"))

    def frame(self, year=0):
        """A pandas DataFrame: sector, quantity, direct, indirect, induced,
        total, multiplier."""
        import pandas as pd
        rows = []
        secs = self.sectors
        for q in QUANTITIES:
            if not self.has(q):
                continue
            parts = {p: self.get(q, p, year) for p in PARTS}
            try:
                mu = self.multipliers(q)
            except Exception:  # noqa: BLE001 - multipliers not stored
                mu = np.full(len(secs), np.nan)
            for i, s in enumerate(secs):
                rows.append({"sector": s, "quantity": q,
                             **{p: parts[p][i] for p in PARTS}, "multiplier": mu[i]})
        return pd.DataFrame(rows)
