# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Policy-instrument effect estimators (docs/effects.md): 2x2 DiD, TWFE,
event study, Callaway & Sant'Anna staggered DiD, synthetic control and the
within estimator. Every number is computed by libgreenidx.

Estimates, standard errors and intervals are in the outcome's unit (e.g.
packs per capita, tonnes CO2e); times are calendar years (or the panel's
own periods); confidence levels are in percent (95)."""
from __future__ import annotations

import json as _json
import math as _math
from typing import TYPE_CHECKING, Any, Sequence

import numpy as _np

from . import capi as _capi
from ._errors import InvalidArgumentError as _InvalidArgumentError
from ._convert import ArrayLike, PathLike, years_of

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
from ._handle import Handle as _Handle

__all__ = ["EffectPanel", "EffectResult", "estimate_effect", "EFFECT_METHODS"]

EFFECT_METHODS = {"did": 0, "twfe": 1, "event": 2, "csdid": 3, "synth": 4, "fe": 5}
_SE = {None: 0, "default": 0, "classical": 1, "robust": 2, "cluster": 3, "cr2": 4}
_CONTROL = {"never": 0, "notyet": 1}
_FORMATS = {"json": 0, "csv": 1, "table": 2, "text": 2}


def _times(values, what):
    """Times as floats; dates and datetimes are read as years."""
    import pandas as pd
    v = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(v) or v.dtype == object:
        return _np.asarray(years_of(v, what), dtype=_np.float64)
    return v.to_numpy(dtype=_np.float64)


class EffectPanel(_Handle):
    """A long panel (one row per unit and time) with named numeric variables.

    Build it with :meth:`from_frame` (a pandas DataFrame) or :meth:`read_csv`.
    Use as a context manager or call :meth:`close` to free it at once. A
    panel pickles as its data (or its CSV path) and is rebuilt on loading.
    """

    def __init__(self, units: "Sequence[str]", times: ArrayLike,
                 variables: "dict[str, ArrayLike] | None" = None) -> None:
        """One row per unit and time: ``times`` calendar years (ints, dates
        or datetimes) or periods; ``variables`` name -> one value per row,
        each in its own unit (NaN = missing)."""
        times = _times(times, "time")
        units = [str(u) for u in units]
        if len(units) != times.size:
            raise ValueError("units (%d) and times (%d) differ in length" % (len(units), times.size))
        self._h = _capi.gidx_effect_panel_new(units, times)
        self._src = ("arrays", units, times, {})
        for name, x in (variables or {}).items():
            self.add(name, x)

    @classmethod
    def from_frame(cls, df: "pd.DataFrame", unit: str, time: str,
                   columns: "Sequence[str] | None" = None) -> "EffectPanel":
        """Panel from a DataFrame: the unit and time columns (dates and
        datetimes read as years) and the numeric variables (``columns``, or
        every numeric column)."""
        for what, c in (("unit", unit), ("time", time)):
            if c not in df.columns:
                raise KeyError("%s column %r is not in the frame (columns: %s)" % (
                    what, c, ", ".join(map(str, df.columns))))
        if columns is None:
            import pandas as pd
            columns = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
        cols = [c for c in columns if c not in (unit, time)]
        return cls(df[unit].astype(str).tolist(), df[time],
                   {c: df[c].to_numpy(dtype=float) for c in cols})

    @classmethod
    def read_csv(cls, path: PathLike, unit: str, time: str,
                 columns: "Sequence[str]") -> "EffectPanel":
        """Panel from a CSV file read by the library (located conversion errors)."""
        self = cls.__new__(cls)
        t = _capi.gidx_table_read_csv(str(path), None)
        columns = [str(c) for c in columns]
        self._h = _capi.gidx_effect_panel_from_table(t, unit, time, columns)
        self._src = ("csv", str(path), unit, time, columns)
        return self

    def __reduce__(self):
        self._h  # a closed panel raises instead of pickling
        return (_rebuild_panel, (self._src,))

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.EffectPanel, closed>"
        return "<greenidx.EffectPanel %d rows, %d units, %d times>" % (self.nrows, self.nunits, self.ntimes)

    def add(self, name: str, values: ArrayLike) -> None:
        """Add or replace a variable (one value per row in its own unit, NaN = missing)."""
        x = _np.ascontiguousarray(values, dtype=_np.float64)
        _capi.gidx_effect_panel_add(self._h, str(name), x)
        if self._src[0] == "arrays":
            self._src[3][str(name)] = x.copy()

    @property
    def nrows(self) -> int:
        """Number of rows (unit x time observations)."""
        return _capi.gidx_effect_panel_nrows(self._h)

    @property
    def nunits(self) -> int:
        """Number of units."""
        return _capi.gidx_effect_panel_nunits(self._h)

    @property
    def ntimes(self) -> int:
        """Number of distinct times."""
        return _capi.gidx_effect_panel_ntimes(self._h)


def _rebuild_panel(src):
    if src[0] == "csv":
        return EffectPanel.read_csv(*src[1:])
    return EffectPanel(src[1], src[2], src[3])


def _rebuild_result(panel, args):
    return estimate_effect(panel, **args)


def _headline(key, doc):
    """A read-only property of EffectResult: the named scalar, None when NaN."""
    def get(self) -> "float | None":
        return self._opt(key)
    return property(get, doc=doc)


class EffectResult(_Handle):
    """An estimation result: headline estimate (the outcome's unit), its
    standard error, confidence interval at ``level`` percent and p-value,
    rows, effect path, renderings. Pickles as its panel and options and is
    re-estimated on loading (seeded: the same numbers)."""

    def __init__(self, handle: Any, panel: "EffectPanel | None" = None,
                 args: "dict | None" = None) -> None:
        self._h = handle
        self._panel, self._args = panel, args or {}

    def __reduce__(self):
        if self._panel is None:
            raise TypeError("this EffectResult does not know its panel and cannot be pickled")
        return (_rebuild_result, (self._panel, self._args))

    def __repr__(self):
        if self.__dict__.get("_gidx_h") is None:
            return "<greenidx.EffectResult, closed>"
        return "<greenidx.EffectResult %s on %s: %s>" % (
            self._args.get("method", "?"), self._args.get("outcome", "?"),
            ", ".join("%s %.4g" % (k, v) for k, v in self.summary().items() if v is not None))

    def _repr_html_(self):
        import html
        return "<p>%s</p><pre>%s</pre>" % (html.escape(repr(self)), html.escape(self.render("table")))

    def summary(self) -> "dict[str, float | None]":
        """The headline as a dict: estimate, se, ci_low, ci_high (at the
        estimation's level, percent), p_value; None where the method has none."""
        return {"estimate": self.estimate, "se": self.se, "ci_low": self.ci_low,
                "ci_high": self.ci_high, "p_value": self.p_value}

    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """The effect (the outcome's unit) over event time (dynamic ATTs, event coefficients or
        synth gaps) with matplotlib; a single estimate with its interval otherwise."""
        import matplotlib.pyplot as plt
        if ax is None:
            _, ax = plt.subplots()
        for kind in ("dynamic", "gap"):
            r = self.rows(kind)
            if len(r):
                ax.plot(r["time"], r["estimate"], "o-", label=kind)
                break
        else:
            r = self.rows("coef")
            r = r[r["label"].str.startswith("event")] if len(r) else r
            if len(r):
                ax.plot(r["time"], r["estimate"], "o-", label="event time")
            else:
                ax.errorbar([0], [self.estimate], yerr=[[self.estimate - (self.ci_low or self.estimate)],
                                                        [(self.ci_high or self.estimate) - self.estimate]],
                            fmt="o", label="estimate")
        ax.axhline(0, linestyle="--", color="grey")
        ax.set_xlabel("time")
        ax.set_title("%s: %s" % (self._args.get("method", ""), self._args.get("outcome", "")))
        return ax

    def value(self, key: str) -> float:
        """A named scalar ("estimate", "se", "rmspe_pre", "att_group": the
        outcome's unit; "p_value", "placebo_p": probabilities 0-1; ...)."""
        return _capi.gidx_effect_result_value(self._h, key)

    def _opt(self, key):
        v = self.value(key)
        return None if _math.isnan(v) else v

    estimate = _headline("estimate", "The headline estimate (the outcome's unit), or None.")
    se = _headline("se", "Its standard error (the outcome's unit), or None.")
    ci_low = _headline("ci_low", "Lower end of the confidence interval at ``level`` percent "
                       "(the outcome's unit), or None.")
    ci_high = _headline("ci_high", "Upper end of the confidence interval at ``level`` percent "
                        "(the outcome's unit), or None.")
    p_value = _headline("p_value", "The p-value (a probability, 0-1), or None.")

    def rows(self, kind: str) -> "pd.DataFrame":
        """Rows of one kind ("coef", "att_gt", "group", "dynamic", "calendar",
        "weight", "gap", "placebo", "loo", "predictor") as a DataFrame:
        label, group and time (calendar years or the panel's periods),
        estimate and se (the outcome's unit; synthetic-control weights are
        fractions 0-1)."""
        import pandas as pd
        n = _capi.gidx_effect_result_nrows(self._h, kind)
        recs = []
        for i in range(n):
            lab, g, t, e, s = _capi.gidx_effect_result_row(self._h, kind, i)
            recs.append({"label": lab, "group": g, "time": t, "estimate": e, "se": s})
        return pd.DataFrame(recs, columns=["label", "group", "time", "estimate", "se"])

    def path(self, periods: "int | None" = None) -> "_np.ndarray":
        """The effect (the outcome's unit) per period since adoption as a numpy array (a constant
        DiD/TWFE/FE effect is repeated ``periods`` times)."""
        path = _capi.gidx_effect_result_path(self._h)
        if path.size == 0 and periods:  # a constant path: the library's estimate per period
            return _np.full(int(periods), self.value("estimate"))
        return path

    def render(self, fmt: str = "json") -> str:
        """The result as JSON, CSV or text (rendered by the library)."""
        return _capi.gidx_effect_result_render(self._h, _FORMATS[fmt])

    def to_dict(self) -> "dict[str, Any]":
        """The JSON rendering parsed into a dict."""
        return _json.loads(self.render("json"))


_UNIT_COLS = ("unit", "region_code", "region", "kommunenummer", "id")
_TIME_COLS = ("time", "year", "timestamp", "period")


def estimate_effect(panel: "EffectPanel | pd.DataFrame", method: str, outcome: str,
                    treated: "str | Sequence[str] | None" = None, treat_col: "str | None" = None,
                    group_col: "str | None" = None, treat_time: "float | None" = None,
                    covariates: "str | Sequence[str] | None" = None,
                    predictors: "str | None" = None, se: "str | None" = None,
                    control: str = "never", twoways: bool = False, balanced: bool = False,
                    seed: int = 42, nboot: int = 0, level: float = 95, ref_period: int = -1,
                    placebo: bool = True, leave_one_out: bool = False, nstarts: int = 0,
                    pre_from: "float | None" = None, unit: "str | None" = None,
                    time: "str | None" = None) -> EffectResult:
    """Run an estimator; returns an :class:`EffectResult`.

    ``panel`` is an :class:`EffectPanel` or a pandas DataFrame (one row per
    unit and time; ``unit`` and ``time`` name its columns, by default the
    first of unit/region_code/region and time/year/timestamp present; date
    and datetime times are read as years). ``level`` is the confidence
    level in percent (95) or a fraction in (0, 1) (0.95); anything else
    raises. ``treated`` and ``covariates`` may be lists; ``treat_time`` and
    ``pre_from`` are times (calendar years); ``ref_period`` is in periods
    relative to adoption; ``nboot`` bootstrap replications. The estimate
    is in the outcome's unit; see docs/effects.md.
    """
    if not isinstance(panel, EffectPanel):
        if not hasattr(panel, "columns"):
            raise TypeError("panel must be an EffectPanel or a pandas DataFrame, not %s"
                            % type(panel).__name__)
        cols = list(panel.columns)
        unit = unit or next((c for c in _UNIT_COLS if c in cols), None)
        time = time or next((c for c in _TIME_COLS if c in cols), None)
        if unit is None or time is None:
            raise _InvalidArgumentError("estimate_effect: pass unit= and time= (no %s column among %s)"
                                        % ("unit" if unit is None else "time", ", ".join(map(str, cols))), -1)
        panel = EffectPanel.from_frame(panel, unit, time)
    args = dict(method=method, outcome=outcome, treated=treated, treat_col=treat_col,
                group_col=group_col, treat_time=treat_time, covariates=covariates,
                predictors=predictors, se=se, control=control, twoways=twoways, balanced=balanced,
                seed=seed, nboot=nboot, level=level, ref_period=ref_period, placebo=placebo,
                leave_one_out=leave_one_out, nstarts=nstarts, pre_from=pre_from)
    for what, value, allowed in (("method", method, EFFECT_METHODS), ("se", se, _SE),
                                 ("control", control, _CONTROL)):
        if value not in allowed:
            raise _InvalidArgumentError("%s=%r: must be one of %s" % (
                what, value, ", ".join(repr(k) for k in allowed if k is not None)), -1)
    if isinstance(treated, (list, tuple)):
        treated = ",".join(str(t) for t in treated)
    if isinstance(covariates, (list, tuple)):
        covariates = ",".join(covariates)
    o = _capi.gidx_effect_options()
    o.method, o.outcome = EFFECT_METHODS[method], outcome
    o.treated = None if treated is None else str(treated)
    o.treat_col, o.group_col, o.covariates, o.predictors = treat_col, group_col, covariates, predictors
    o.treat_time = float("nan") if treat_time is None else float(treat_time)
    o.se, o.control, o.twoways, o.balanced = _SE[se], _CONTROL[control], int(bool(twoways)), int(bool(balanced))
    o.seed, o.nboot, o.level, o.ref_period = int(seed), int(nboot), float(level), int(ref_period)
    o.placebo, o.leave_one_out, o.nstarts = int(bool(placebo)), int(bool(leave_one_out)), int(nstarts)
    o.synth_pre_from = float("nan") if pre_from is None else float(pre_from)
    return EffectResult(_capi.gidx_effect_estimate(panel._h, o), panel, args)
