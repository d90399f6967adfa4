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
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from typing import Any

from . import capi as _capi
from ._convert import ArrayLike, Names, PathLike, YearLike, years_of as _years_of
from .data import handle_of as _dataset_handle
from ._handle import Handle as _Handle

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
    from .data import Dataset

__all__ = ["IOModel", "IOResult", "location_quotients", "read_employment", "region_employment",
           "sn2007_groups", "QUANTITIES", "PARTS", "UNITS"]

QUANTITIES = ("output", "employment", "value_added", "labour_income", "emissions", "imports",
              "leakage_rest_of_norway")
PARTS = ("direct", "indirect", "induced", "total")
#: The unit of each quantity: the currency of the table is NOK million for
#: :meth:`IOModel.norway` and :meth:`IOModel.load_ssb`, whatever the flows
#: were given in otherwise.
UNITS = {"output": "NOK million", "employment": "persons", "value_added": "NOK million",
         "labour_income": "NOK million", "emissions": "t CO2e", "imports": "NOK million",
         "leakage_rest_of_norway": "NOK million"}
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
    """Names: None, one str (one name) or any sequence of names."""
    if v is None:
        return None
    if isinstance(v, str):
        return [v]
    return [str(s) for s in v]


def _year(y, what="year"):
    """One year from an int, a whole float, a date, a datetime or a Timestamp."""
    return int(_years_of([y], what)[0])


def _index(names, name="sector"):
    import pandas as pd
    return pd.Index(list(names), name=name)


def _square(a, names):
    import pandas as pd
    return pd.DataFrame(a, index=_index(names), columns=_index(names))


def location_quotients(regional: ArrayLike, national: ArrayLike, method: str = "flq",
                       delta: float = 0.3,
                       industries: "Names | None" = None) -> "np.ndarray | pd.Series | pd.DataFrame":
    """Location quotients from employment by industry (persons).

    Returns a vector (SLQ) or a k-by-k matrix (CILQ, FLQ; row = supplying
    industry, column = purchasing industry), dimensionless; labelled (a
    pandas Series or DataFrame) when ``industries`` names the k industries
    or ``regional`` is a pandas Series (its index names them).
    ``delta`` is FLQ's exponent (dimensionless, 0 <= delta < 1).
    """
    if industries is None and hasattr(regional, "index") and getattr(regional, "ndim", 0) == 1:
        industries = [str(s) for s in regional.index]
    re, ne = _vec(regional), _vec(national)
    k = re.size
    meth = _LQ[method.lower()]
    cap = k if meth == 1 else k * k
    out = _capi.gidx_io_location_quotients(cap, meth, float(delta), re, ne)
    out = out if meth == 1 else out.reshape(k, k)
    if industries is None:
        return out
    import pandas as pd
    names = _names(industries)
    return (pd.Series(out, index=_index(names, "industry"), name=method.upper()) if meth == 1 else
            pd.DataFrame(out, index=_index(names, "industry"), columns=_index(names, "industry")))


def read_employment(path: PathLike, order: "PathLike | None" = None) -> np.ndarray:
    """Employment by industry (persons) from a CSV file
    (``industry,employment``), in the file's order or in the order of the
    industries of file ``order``: a numpy array."""
    return _capi.gidx_io_employment_read(str(path), None if order is None else str(order))


def sn2007_groups() -> "list[tuple[str, str]]":
    """The 16 industry groups of SSB table 13470 (SN2007) as (label,
    dataset variable) pairs, in the order of :func:`region_employment`."""
    return [(_capi.gidx_sn2007_group(i), _capi.gidx_sn2007_variable(i))
            for i in range(_capi.gidx_sn2007_ngroups())]


def region_employment(data: "Dataset", region: str,
                      year: YearLike = 0) -> "tuple[dict[str, float], int]":
    """A region's employment (persons) by the 16 SN2007 groups from a dataset
    (e.g. ``greenidx.load_default()``): ``(dict label -> persons, year)``;
    year 0 takes the latest year with every group present (a date or
    datetime is read as its year). A region the dataset lacks raises
    :class:`greenidx.NotFoundError`."""
    k = _capi.gidx_sn2007_ngroups()
    v, used = _capi.gidx_io_region_employment(k, _dataset_handle(data), str(region),
                                              _year(year) if year else 0)
    return {_capi.gidx_sn2007_group(i): float(v[i]) for i in range(k)}, used


def _rebuild_model(root, steps):
    kind, args = root
    if kind == "regionalise":
        m = args[0].regionalise(*args[1:])
    elif kind == "regionalise_region":
        m = args[0].regionalise_region(*args[1:])[0]
    else:
        m = getattr(IOModel, kind)(*args)
    for name, a in steps:
        getattr(m, name)(*a)
    return m


class IOModel(_Handle):
    """An input-output model (wraps ``gidx_io_model``).

    Build from a transactions matrix and total output (:meth:`from_flows`),
    from technical coefficients (:meth:`from_coefficients`), from a sparse
    CSR matrix (:meth:`from_sparse`), from a folder of CSV files
    (:meth:`load`) or take Statistics Norway's table (:meth:`norway`). Use as
    a context manager or call :meth:`close`. Matrices and vectors come back
    as pandas objects labelled by sector. A model pickles as the calls that
    built it (replayed on loading, so the copy is bit-identical; a model
    loaded from a folder reads the folder again).
    """

    def __init__(self, handle: Any, root: "tuple | None" = None) -> None:
        self._h = handle
        self._root = root
        self._steps = []

    def __reduce__(self):
        if self._root is None:
            raise TypeError("this IOModel was not built by a greenidx call and cannot be pickled")
        return _rebuild_model, (self._root, list(self._steps))

    @classmethod
    def load(cls, path: PathLike) -> "IOModel":
        """Load ``Z.csv``, ``x.csv`` and optional ``satellites.csv`` and
        ``households.csv`` from a folder."""
        return cls(_capi.gidx_io_model_load(str(path)), ("load", (str(path),)))

    @classmethod
    def norway(cls, year: YearLike = 2021) -> "IOModel":
        """Statistics Norway's input-output table for Norway of ``year``
        (2012-2021; a date or datetime is read as its year): 62 industries
        (SSB's codes ``R01`` ... ``RT``), NOK million, with value added,
        labour income (D1), imported intermediates, greenhouse gases (t
        CO2e) and employment (persons; SSB 13470 spread by D1; see
        :attr:`note`); households close type II (``gidx_io_model_norway``)."""
        y = _year(year)
        return cls(_capi.gidx_io_model_norway(y), ("norway", (y,)))

    @classmethod
    def load_ssb(cls, domestic: PathLike, imports: PathLike) -> "IOModel":
        """SSB's input-output workbooks as published: table 1850 (domestic)
        and table 1950 (imports) of one year (``gidx_io_model_load_ssb``), NOK
        million."""
        return cls(_capi.gidx_io_model_load_ssb(str(domestic), str(imports)),
                   ("load_ssb", (str(domestic), str(imports))))

    @property
    def note(self) -> "str | None":
        """What to tell users about the model (table, employment key and
        year, regionalisation), or None."""
        return _capi.gidx_io_model_note(self._h)

    @property
    def year(self) -> int:
        """Year of the table (0 when unknown)."""
        return _capi.gidx_io_model_year(self._h)

    @classmethod
    def from_flows(cls, Z: ArrayLike, x: ArrayLike, sectors: "Names | None" = None) -> "IOModel":
        """A = Z diag(x)^-1; ``Z`` n-by-n flows (row = selling sector) and
        ``x`` total output, both in one currency (e.g. NOK million);
        ``sectors`` n names (default the index of a labelled ``x``, else
        S1..Sn)."""
        if sectors is None and hasattr(x, "to_numpy") and hasattr(x, "index"):
            sectors = [str(s) for s in x.index]
        Z = np.ascontiguousarray(Z, dtype=np.float64)
        x = _vec(x)
        names = _names(sectors)
        return cls(_capi.gidx_io_model_new(Z, x, names),
                   ("from_flows", (Z.copy(), x.copy(), names)))

    @classmethod
    def from_coefficients(cls, A: ArrayLike, sectors: "Names | None" = None) -> "IOModel":
        """A model from technical coefficients (no total output; dimensionless)."""
        A = np.ascontiguousarray(A, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] != A.shape[1]:
            raise ValueError("A must be square")
        names = _names(sectors)
        return cls(_capi.gidx_io_model_new_coefficients(A, names),
                   ("from_coefficients", (A.copy(), names)))

    @classmethod
    def from_sparse(cls, A: Any) -> "IOModel":
        """A sparse model from a ``scipy.sparse`` matrix of coefficients
        (converted to CSR); shocks are solved by Gauss-Seidel."""
        A = A.tocsr()
        if A.shape[0] != A.shape[1]:
            raise ValueError("A must be square")
        return cls(_capi.gidx_io_model_new_sparse(
            np.ascontiguousarray(A.indptr, dtype=np.uintp),
            np.ascontiguousarray(A.indices, dtype=np.uintp), _vec(A.data), None),
            ("from_sparse", (A.copy(),)))

    @property
    def sectors(self) -> "list[str]":
        """Sector names (codes), in order."""
        return [_capi.gidx_io_model_sector(self._h, i) for i in range(len(self))]

    @property
    def labels(self) -> "list[str] | None":
        """Descriptive sector labels (SSB's industry names), or None."""
        v = [_capi.gidx_io_model_sector_label(self._h, i) for i in range(len(self))]
        return None if not v or any(s is None for s in v) else v

    def __len__(self):
        return _capi.gidx_io_model_nsectors(self._h)

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.IOModel, closed>"
        kind = "type I/II" if self._has_households() else "type I"
        return "<greenidx.IOModel: %d sectors%s, %s%s>" % (
            len(self), ", year %d" % self.year if self.year else "", kind,
            ", with total output" if _capi.gidx_io_model_has_output(self._h) else "")

    def _repr_html_(self):
        import html
        if self.__dict__.get("_gidx_h") is None:
            return "<p>%s</p>" % html.escape(repr(self))
        note = self.note
        return "<p>%s</p>%s%s" % (html.escape(repr(self)),
                                  "<pre>%s</pre>" % html.escape(note) if note else "",
                                  self.summary().head(10).to_html())

    def _has_households(self):
        try:
            _capi.gidx_io_model_multipliers(len(self), self._h, 0, 2)
            return True
        except Exception:  # noqa: BLE001 - GIDX_ESTATE: no households or labour income
            return False

    def sector_index(self, name: str) -> int:
        """Position (0-based) of the sector called ``name`` (raises NotFoundError)."""
        return _capi.gidx_io_model_find_sector(self._h, name)

    def set_satellite(self, quantity: "str | int", values: ArrayLike, per_unit: bool = False) -> None:
        """Set employment (persons), value added or labour income (the
        table's currency) or emissions (t CO2e) per sector: totals, or
        coefficients per unit of output with ``per_unit``."""
        v = _vec(values)
        _capi.gidx_io_model_set_satellite(self._h, _q(quantity), v, int(per_unit))
        self._steps.append(("set_satellite", (quantity, v.copy(), bool(per_unit))))

    def set_households(self, values: ArrayLike, shares: bool = False) -> None:
        """Household consumption by sector (the table's currency), or shares
        of household income (fractions 0-1) with ``shares``."""
        v = _vec(values)
        _capi.gidx_io_model_set_households(self._h, v, int(shares))
        self._steps.append(("set_households", (v.copy(), bool(shares))))

    def satellite(self, quantity: "str | int") -> "pd.Series":
        """A satellite row as coefficients per unit of output (unit of the
        quantity per unit of the table's currency): a Series by sector."""
        import pandas as pd
        return pd.Series(_capi.gidx_io_model_satellite(len(self), self._h, _q(quantity)),
                         index=_index(self.sectors), name=quantity)

    def coefficients(self) -> "pd.DataFrame":
        """Technical coefficients A (n-by-n DataFrame, rows supplying;
        dimensionless: currency of input per unit of currency of output)."""
        n = len(self)
        return _square(_capi.gidx_io_model_coefficients(n * n, self._h).reshape(n, n),
                       self.sectors)

    def leontief(self, type: int = 1) -> "pd.DataFrame":
        """Leontief inverse L = (I - A)^-1 (type 1, n-by-n) or the inverse of
        the model closed with households (type 2, n+1 with "Households"
        last), a DataFrame labelled by sector (dimensionless: output per
        unit of final demand)."""
        N = len(self) + (1 if type == 2 else 0)
        names = self.sectors + (["Households"] if type == 2 else [])
        return _square(_capi.gidx_io_model_leontief(N * N, self._h, int(type)).reshape(N, N),
                       names)

    def ghosh(self) -> "pd.DataFrame":
        """Ghosh inverse G = x^-1 L x (n-by-n DataFrame, dimensionless:
        output per unit of primary input)."""
        n = len(self)
        return _square(_capi.gidx_io_model_ghosh(n * n, self._h).reshape(n, n), self.sectors)

    def multipliers(self, quantity: str = "output", type: int = 1) -> "pd.Series":
        """Multipliers per sector: the effect on ``quantity`` of one unit of
        final demand (output: dimensionless; employment: persons per unit
        of currency, e.g. per NOK million; emissions: t CO2e per unit). A
        Series by sector."""
        import pandas as pd
        return pd.Series(_capi.gidx_io_model_multipliers(len(self), self._h, _q(quantity),
                                                         int(type)),
                         index=_index(self.sectors), name=quantity)

    def multiplier_table(self, type: int = 1) -> "pd.DataFrame":
        """Multipliers of all quantities with one factorisation: a DataFrame,
        one row per quantity (output ... emissions, NaN where not set), one
        column per sector; each in the unit of its quantity (:data:`UNITS`)
        per unit of the table's currency (output: dimensionless)."""
        import pandas as pd
        n = len(self)
        t = _capi.gidx_io_model_multiplier_table(5 * n, self._h, int(type)).reshape(5, n)
        return pd.DataFrame(t, index=_index(QUANTITIES[:5], "quantity"),
                            columns=_index(self.sectors))

    def final_demand(self) -> "pd.Series":
        """Final demand implied by the table, x - Z 1 (the table's currency,
        NOK million for SSB's tables): a Series by sector."""
        import pandas as pd
        return pd.Series(_capi.gidx_io_model_final_demand(len(self), self._h),
                         index=_index(self.sectors), name="final_demand")

    def summary(self, type: int = 1) -> "pd.DataFrame":
        """One row per sector: label (when known) and the multipliers of
        every quantity the model has (type 1 or 2), each in the unit of its
        quantity per unit of the table's currency (:data:`UNITS`)."""
        t = self.multiplier_table(type).T.dropna(axis=1, how="all")
        t.columns = ["%s_multiplier" % c for c in t.columns]
        labels = self.labels
        if labels is not None:
            t.insert(0, "label", labels)
        return t

    def plot(self, quantity: str = "output", type: int = 1, top: int = 15,
             ax: "Axes | None" = None) -> "Axes":
        """A horizontal bar chart (matplotlib) of the ``top`` (a number of
        sectors) largest multipliers of ``quantity`` (its unit per unit of
        the table's currency); returns the Axes."""
        import matplotlib.pyplot as plt
        m = self.multipliers(quantity, type).sort_values().tail(int(top))
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.3 * len(m) + 1))
        ax.barh(list(m.index), m.to_numpy())
        ax.set_xlabel("type %d %s multiplier" % (type, quantity.replace("_", " ")))
        ax.set_title("Largest %s multipliers%s" % (quantity.replace("_", " "),
                                                   ", %d" % self.year if self.year else ""))
        return ax

    def regionalise(self, regional: ArrayLike, national: ArrayLike, method: str = "flq",
                    delta: float = 0.3, industry_of: "ArrayLike | None" = None) -> "IOModel":
        """A regional model by location quotients from employment by industry
        (persons); ``delta`` FLQ's exponent (dimensionless); ``industry_of``
        maps each sector to an industry index (default: the industries are
        the sectors)."""
        re, ne = _vec(regional), _vec(national)
        g = None if industry_of is None else np.ascontiguousarray(industry_of, dtype=np.uintp)
        m = IOModel(_capi.gidx_io_model_regionalise(
            self._h, _LQ[method.lower()], float(delta), re, ne, g),
            ("regionalise", (self, re, ne, method, float(delta), g)))
        return m

    def regionalise_region(self, data: "Dataset", region: str, year: YearLike = 0,
                           method: str = "flq", delta: float = 0.3,
                           concordance: "PathLike | None" = None,
                           national_region: "str | None" = None) -> "tuple[IOModel, int]":
        """A regional model for a region of a dataset: its employment by the
        SN2007 groups of SSB table 13470 against the national employment of
        this model's employment satellite, or of ``national_region`` of the
        same dataset; sectors are matched to groups by their SN2007 codes or
        labels, or through ``concordance`` (CSV ``sector,industry``). ``year``
        0 takes the latest complete year (a date is read as its year).
        Returns ``(model, year used)``; an unknown region raises
        :class:`greenidx.NotFoundError`."""
        o = _capi.gidx_io_region_options()
        y = _year(year) if year else 0
        o.year, o.method, o.delta = y, _LQ[method.lower()], float(delta)
        if concordance is not None:
            o.concordance = str(concordance)
        if national_region is not None:
            o.national_region = str(national_region)
        h, used = _capi.gidx_io_model_regionalise_dataset(self._h, _dataset_handle(data),
                                                          str(region), o)
        return IOModel(h, ("regionalise_region", (self, data, str(region), used, method,
                                                  float(delta), concordance,
                                                  national_region))), used

    def industry_map(self, industries: PathLike, concordance: "PathLike | None" = None) -> "pd.Series":
        """Industry of each sector as a position: the 0-based row of its industry in the
        employment file ``industries``, through the CSV ``concordance``
        (``sector,industry``) or by equal names; a Series by sector."""
        import pandas as pd
        g = _capi.gidx_io_concordance_read(len(self), self._h, str(industries),
                                           None if concordance is None else str(concordance))
        return pd.Series(g, index=_index(self.sectors), name="industry")

    def shock(self, df: "dict[str, float] | ArrayLike | pd.Series | pd.DataFrame", type: int = 1,
              solver: str = "auto", tol: float = 0.0, max_iter: int = 0,
              multipliers: bool = True, first_year: YearLike = 0) -> "IOResult":
        """Effects of a change in final demand (the table's currency, e.g.
        NOK million).

        ``df`` is a dict or Series ``{sector: amount}``, a vector of n
        changes, or a years-by-n array (a path; a DataFrame's index gives
        ``first_year``, a calendar year). ``tol`` is the iterative solver's
        relative tolerance (0 = its default). Returns an :class:`IOResult`.
        """
        n = len(self)
        if hasattr(df, "to_dict") and getattr(df, "ndim", 2) == 1:
            df = df.to_dict()
        if isinstance(df, dict):
            v = np.zeros(n)
            for k, a in df.items():
                v[self.sector_index(k) if isinstance(k, str) else int(k)] += float(a)
            df = v
        elif hasattr(df, "index") and getattr(df, "ndim", 1) == 2 and not first_year:
            first_year = int(_years_of(list(df.index), "index")[0])
        fy = _year(first_year) if first_year else 0
        df = np.ascontiguousarray(df, dtype=np.float64)
        if df.ndim == 1:
            df = df.reshape(1, -1)
        o = _capi.gidx_io_shock_options()
        o.type, o.solver, o.tol, o.max_iter = int(type), _SOLVER[solver], float(tol), int(max_iter)
        o.multipliers, o.first_year = int(bool(multipliers)), fy
        return IOResult(_capi.gidx_io_shock_path(self._h, df, o),
                        (self, df.copy(), int(type), solver, float(tol), int(max_iter),
                         bool(multipliers), fy))


def _rebuild_result(args):
    model, df, type, solver, tol, max_iter, multipliers, first_year = args
    return model.shock(df, type=type, solver=solver, tol=tol, max_iter=max_iter,
                       multipliers=multipliers, first_year=first_year)


class IOResult(_Handle):
    """Effects of a shock (wraps ``gidx_io_result``): direct, indirect,
    induced and total effects by sector for every quantity the model has,
    in the unit of the quantity (:data:`UNITS`). Pickles as its model and
    shock (recomputed on loading, bit-identical)."""

    def __init__(self, handle: Any, args: "tuple | None" = None) -> None:
        self._h = handle
        self._args = args

    def __reduce__(self):
        if self._args is None:
            raise TypeError("this IOResult cannot be pickled")
        return _rebuild_result, (self._args,)

    @property
    def sectors(self) -> "list[str]":
        """Sector names (codes), in order."""
        return [_capi.gidx_io_result_sector(self._h, i)
                for i in range(_capi.gidx_io_result_nsectors(self._h))]

    @property
    def nyears(self) -> int:
        """Number of years (rows) of the shock."""
        return _capi.gidx_io_result_nyears(self._h)

    @property
    def first_year(self) -> int:
        """Calendar year of the first row (0 when the shock gave none)."""
        return self._args[-1] if self._args else 0

    @property
    def years(self) -> "list[int]":
        """The calendar years of the rows (0, 1, ... without a first year)."""
        return [self.first_year + t for t in range(self.nyears)]

    @property
    def type(self) -> int:
        """The multiplier type, a number: 1 (households open) or 2
        (households closed: induced effects)."""
        return _capi.gidx_io_result_type(self._h)

    @property
    def note(self) -> "str | None":
        """The model's note and the shock's, or None."""
        return _capi.gidx_io_result_note(self._h)

    def has(self, quantity: "str | int") -> bool:
        """Whether the result holds ``quantity`` (a name of :data:`QUANTITIES`
        or its 0-based position there; true when its satellite was set)."""
        return bool(_capi.gidx_io_result_has(self._h, _q(quantity)))

    def _t(self, year):
        """Row index of a calendar year, a date, or a row index < nyears;
        None is the latest year."""
        if year is None:
            return self.nyears - 1
        if not isinstance(year, (int, np.integer)) or year >= self.nyears:
            y = _year(year)
            if y - self.first_year in range(self.nyears):
                return y - self.first_year
            raise IndexError("year %r: the result covers %s" % (year, self.years))
        return int(year)

    def get(self, quantity: str = "output", part: str = "total",
            year: "YearLike | None" = None) -> "pd.Series":
        """One part of one quantity by sector, a Series (unit of the
        quantity); ``year`` a calendar year, a date or a row index (default
        the latest)."""
        import pandas as pd
        v = _capi.gidx_io_result_get(_capi.gidx_io_result_nsectors(self._h), self._h,
                                     self._t(year), _q(quantity), PARTS.index(part))
        return pd.Series(v, index=_index(self.sectors), name="%s %s" % (quantity, part))

    def path(self, quantity: str = "output", part: str = "total") -> "pd.Series":
        """Sector totals for every year: a Series by calendar year."""
        import pandas as pd
        v = _capi.gidx_io_result_path(self.nyears, self._h, _q(quantity), PARTS.index(part))
        return pd.Series(v, index=_index(self.years, "year"), name="%s %s" % (quantity, part))

    def multipliers(self, quantity: str = "output") -> "pd.Series":
        """The multipliers stored with the result (unit of the quantity per
        unit of the table's currency), a Series by sector."""
        import pandas as pd
        v = _capi.gidx_io_result_multipliers(_capi.gidx_io_result_nsectors(self._h), self._h,
                                             _q(quantity))
        return pd.Series(v, index=_index(self.sectors), name=quantity)

    def text(self, format: str = "table") -> str:
        """The C library's table, CSV or JSON rendering."""
        return _capi.gidx_io_result_format(self._h, _FORMAT[format])

    def to_dict(self) -> dict:
        """The JSON rendering, parsed."""
        return json.loads(self.text("json"))

    def frame(self, year: "YearLike | str | None" = None) -> "pd.DataFrame":
        """The effects of one year (default the latest): a DataFrame indexed
        by (quantity, sector) with columns year, unit, direct, indirect,
        induced, total (in the unit of the quantity, :data:`UNITS`) and
        multiplier (unit of the quantity per unit of the table's currency);
        ``year="all"`` stacks every year under a (year, quantity, sector)
        MultiIndex."""
        import pandas as pd
        if isinstance(year, str) and year == "all":
            return pd.concat([self.frame(t) for t in range(self.nyears)]).set_index(
                "year", append=True).reorder_levels(["year", "quantity", "sector"])
        t = self._t(year)
        secs = self.sectors
        blocks = []
        for q in QUANTITIES:
            if not self.has(q):
                continue
            cols = {"year": self.first_year + t, "unit": UNITS[q]}
            cols.update({p: self.get(q, p, t).to_numpy() for p in PARTS})
            try:
                cols["multiplier"] = self.multipliers(q).to_numpy()
            except Exception:  # noqa: BLE001 - multipliers not stored
                cols["multiplier"] = np.full(len(secs), np.nan)
            blocks.append(pd.DataFrame(cols, index=pd.MultiIndex.from_product(
                [[q], secs], names=["quantity", "sector"])))
        if not blocks:
            return pd.DataFrame(columns=["year", "unit", *PARTS, "multiplier"],
                                index=pd.MultiIndex.from_tuples([], names=["quantity", "sector"]))
        return pd.concat(blocks)

    def summary(self, year: "YearLike | None" = None) -> "pd.DataFrame":
        """The effects summed over sectors: one row per quantity (index),
        columns year, direct, indirect, induced, total (the unit of the
        quantity) and unit; the latest year by default."""
        f = self.frame(year)
        s = f.groupby(level="quantity", sort=False)[list(PARTS)].sum()
        s["unit"] = [UNITS[q] for q in s.index]
        s.insert(0, "year", int(f["year"].iloc[0]) if len(f) else self.first_year)
        return s

    def plot(self, quantity: str = "output", top: int = 10, year: "YearLike | None" = None,
             ax: "Axes | None" = None) -> "Axes":
        """Stacked horizontal bars (matplotlib) of the direct, indirect and
        induced effects on ``quantity`` (its unit, :data:`UNITS`) of the
        ``top`` sectors with the largest total; returns the Axes."""
        import matplotlib.pyplot as plt
        f = self.frame(year).xs(quantity, level="quantity")
        f = f.nlargest(int(top), "total").iloc[::-1]
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.3 * len(f) + 1))
        left = np.zeros(len(f))
        for p in PARTS[:3]:
            ax.barh(list(f.index), f[p], left=left, label=p)
            left = left + f[p].to_numpy()
        ax.set_xlabel("%s (%s)" % (quantity.replace("_", " "), UNITS[quantity]))
        ax.legend()
        return ax

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.IOResult, closed>"
        tot = float(self.get("output", "total").sum())
        return "<greenidx.IOResult: type %d, %d sectors, %d year(s); output effect %.6g>" % (
            self.type, len(self.sectors), self.nyears, tot)

    def _repr_html_(self):
        import html
        if self.__dict__.get("_gidx_h") is None:
            return "<p>%s</p>" % html.escape(repr(self))
        return "<p>%s</p>%s" % (html.escape(repr(self)), self.summary().to_html())
