# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Forecasting indicator series to 2030 (ETS, ARIMA, Theta, combinations).

Every number is computed by the C library (``include/greenidx/forecast.h``);
this module converts arrays and returns numpy arrays and pandas DataFrames.
Values are in the series' own unit (tonnes CO2e, persons, ...); years are
calendar years; interval levels are in percent (80, 95).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import numpy as _np

from . import capi as _capi
from ._handle import closable as _closable
from ._convert import ArrayLike, years_of

if TYPE_CHECKING:  # pandas and matplotlib are imported where a call needs them
    import pandas as pd
    from matplotlib.axes import Axes
    from .effects import EffectResult
from ._errors import GreenIdxError

__all__ = ["METHODS", "Model", "Target", "forecast", "forecast_many", "reconcile", "accuracy", "plot_forecast"]

#: method name -> code (``enum gidx_fc_method``)
METHODS = {"auto": 0, "naive": 1, "drift": 2, "trend": 3, "logtrend": 4, "ets": 5,
           "ANN": 6, "AAN": 7, "AAdN": 8, "MNN": 9, "MAN": 10, "MAdN": 11,
           "arima": 12, "theta": 13, "otheta": 14, "thetas": 15}

_RECONCILE = {"bu": 0, "ols": 1, "wls": 2, "mint": 3}


def _levels(levels):
    """Interval levels in percent, by the library's one convention
    (gidx_level_normalize): 80 and 0.8 are both 80 %; anything else raises."""
    if _np.isscalar(levels):
        levels = [levels]
    return _np.array([_capi.gidx_level_normalize(float(v)) for v in levels], dtype=_np.float64)


def _horizon(h):
    """The horizon in whole years, 1 ... 1000; anything else raises naming ``h``."""
    from ._errors import InvalidArgumentError
    try:
        ok = float(h) == int(h) and 1 <= int(h) <= 1000
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise InvalidArgumentError("h=%r: horizon %s is not a whole number of years in 1 ... 1000"
                                   % (h, h), -1)
    return int(h)


class Target(dict):
    """A target evaluation (``gidx_fc_target``): a dict with the keys
    ``target`` and ``forecast`` (the series' unit), ``gap`` (forecast -
    target), ``prob`` (probability of meeting it, 0-1), ``rate_needed``
    (constant relative change a year from the last value, e.g. -0.05),
    ``last_value``, ``last_year`` and ``year``; keys read as attributes too.
    Pickles as a plain dict does."""

    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None

    def __repr__(self):
        return ("<greenidx.Target %d: target %.4g, forecast %.4g, gap %+.4g, P(met) %.2f, "
                "rate needed %+.2f %%/year>" % (self.get("year", 0), self["target"], self["forecast"],
                                                self["gap"], self["prob"], 100 * self["rate_needed"]))

    def _repr_html_(self):
        import html
        rows = "".join("<tr><th>%s</th><td>%s</td></tr>" % (html.escape(k), html.escape("%.6g" % v))
                       for k, v in self.items())
        return "<table><caption>greenidx.Target</caption>%s</table>" % rows


class Model:
    """A forecasting model of one yearly series (``gidx_model``).

    Values are in the series' own unit; years are calendar years. A model
    pickles as its options and data and is refitted on loading (the fit is
    deterministic: the same numbers bit for bit).

    >>> m = Model("auto").fit([2009, 2011, 2013, 2014, 2015, 2016], [10, 9.5, 9, 8.8, 8.1, 8.0])
    """

    _m = _closable("_m")

    def __init__(self, method: str = "auto", calibrate: bool = True,
                 boxcox: "float | None" = None, biasadj: bool = True, seed: int = 42,
                 nsim: int = 0, ets_errors: str = "additive") -> None:
        """``boxcox`` the Box-Cox lambda (dimensionless; None = no
        transformation), ``nsim`` simulated paths for the intervals (0 =
        analytic), ``seed`` of the simulations."""
        self._args = dict(method=method, calibrate=calibrate, boxcox=boxcox, biasadj=biasadj,
                          seed=seed, nsim=nsim, ets_errors=ets_errors)
        self._years = self._y = None
        if method not in METHODS:
            raise ValueError("unknown method %r (one of %s)" % (method, ", ".join(METHODS)))
        o = _capi.gidx_model_options()
        o.method = METHODS[method]
        o.calibrate = int(bool(calibrate))
        o.boxcox = int(boxcox is not None)
        o._lambda = 0.0 if boxcox is None else float(boxcox)
        o.biasadj = int(bool(biasadj))
        o.seed = int(seed)
        o.nsim = int(nsim)
        o.ets_errors = int(ets_errors == "both")
        self._m = _capi.gidx_model_new(o)
        self.method = method

    def close(self) -> None:
        """Free the C model now (also done by the garbage collector)."""
        self._m = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def fit(self, years: ArrayLike, y: ArrayLike) -> "Model":
        """Fit to ``years`` (increasing calendar years: ints, dates or
        datetimes) and ``y`` (the series' unit, NaN = missing); returns self."""
        years = _np.ascontiguousarray(years_of(_np.ravel(years) if not hasattr(years, "dtype")
                                               else years), dtype=_np.intc).ravel()
        y = _np.ascontiguousarray(y, dtype=_np.float64).ravel()
        _capi.gidx_model_fit(self._m, years, y)
        self._years, self._y = years.copy(), y.copy()
        return self

    def __reduce__(self):
        return (_rebuild_model, (self._args, self._years, self._y))

    def __repr__(self):
        if self._years is None:
            return "<greenidx.Model %s, not fitted>" % self.method
        return "<greenidx.Model %s, %d observations %d-%d>" % (
            self.name, int(_np.sum(~_np.isnan(self._y))), self._years[0], self.last_year)

    def _repr_html_(self):
        import html
        head = "<p>%s</p>" % html.escape(repr(self))
        if self._years is None:
            return head
        return head + self.summary().to_html()

    @property
    def params(self) -> "dict[str, float]":
        """The fitted parameters (alpha, beta, phi, l0, ar1, drift, theta,
        sigma2, ...) as a dict; a combination's are prefixed by component.
        Smoothing and autoregressive parameters are dimensionless; levels
        and drifts (l0, b0, drift) are in the series' unit (per year),
        sigma2 in its unit squared (on the Box-Cox scale when ``boxcox`` is
        set)."""
        comps = self.components()
        out = {}
        for c in comps:
            for k, v in c["params"].items():
                out[(c["name"] + ":" + k) if len(comps) > 1 else k] = v
        return out

    def summary(self) -> "pd.DataFrame":
        """One row per component: name, loglik (log-likelihood) and aicc
        (corrected Akaike criterion) on the scale of the fitted series, nobs
        (number of observations), nparams (number of parameters); a
        DataFrame indexed by name."""
        import pandas as pd
        rows = [{k: v for k, v in c.items() if k != "params"} for c in self.components()]
        return pd.DataFrame(rows).set_index("name")

    def residuals(self) -> "pd.Series":
        """In-sample one-step residuals (the series' unit) as a Series indexed
        by every year from the first to the last (NaN where not observed)."""
        import pandas as pd
        span = int(self._years[-1] - self._years[0] + 1)
        r = _capi.gidx_model_residuals(self._m)
        return pd.Series(r[:span], index=pd.Index(_np.arange(self._years[0], self._years[0] + span),
                                                  name="year"), name="residual")

    def fitted(self) -> "pd.Series":
        """In-sample one-step fitted values (the series' unit) by calendar
        year: the observation minus the library's residual."""
        r = self.residuals()
        y = _np.full(r.size, _np.nan)
        y[self._years - self._years[0]] = self._y
        return (y - r).rename("fitted")

    def accuracy(self, actual: "ArrayLike | None" = None,
                 fc: "pd.DataFrame | None" = None) -> "dict[str, float]":
        """In-sample one-step accuracy (no arguments), or out-of-sample:
        ``actual`` the observed values of a forecast ``fc`` (a DataFrame of
        :meth:`forecast`). A dict: sMAPE (0-200), MASE, coverage (0-1, of
        the first interval level)."""
        if actual is None:
            f = self.fitted().to_numpy()
            y = _np.full(f.size, _np.nan)
            y[self._years - self._years[0]] = self._y
            ok = _np.isfinite(f) & _np.isfinite(y)  # the years with a one-step forecast
            return accuracy(y[ok], f[ok], self._y)
        if fc is None:
            raise ValueError("accuracy(actual, fc): give the forecast DataFrame the actuals belong to")
        lv = fc.attrs.get("levels") or []
        lo = fc["lo%g" % lv[0]] if lv else None
        hi = fc["hi%g" % lv[0]] if lv else None
        return accuracy(actual, fc["mean"], self._y, lo, hi)

    def plot(self, fc: "pd.DataFrame | None" = None, ax: "Axes | None" = None) -> "Axes":
        """The series, the one-step fitted values and, given ``fc`` (a
        :meth:`forecast` DataFrame), the forecast with its intervals
        (matplotlib; the series' unit by calendar year); returns the Axes."""
        import matplotlib.pyplot as plt
        if ax is None:
            _, ax = plt.subplots()
        ax.plot(self._years, self._y, "o-", color="black", label="observed")
        f = self.fitted()
        ax.plot(f.index, f.to_numpy(), "--", color="grey", label="fitted")
        if fc is not None:
            plot_forecast(fc, ax=ax)
        ax.set_xlabel("year")
        ax.set_title(self.name)
        ax.legend()
        return ax

    @property
    def name(self) -> str:
        """The fitted model, e.g. ``"ETS(A,Ad,N)"`` or ``"Combination(...)"``."""
        return _capi.gidx_model_name(self._m)

    @property
    def message(self) -> "str | None":
        """Notes of the fit (fallbacks for short series, calibration)."""
        return _capi.gidx_model_message(self._m)

    @property
    def last_year(self) -> int:
        """The calendar year of the last observation."""
        return _capi.gidx_model_last_year(self._m)

    def components(self) -> "list[dict[str, Any]]":
        """One dict per component: name, loglik, aicc, nobs, nparams, params."""
        out = []
        for i in range(_capi.gidx_model_ncomponents(self._m)):
            ll, aicc, n, k = _capi.gidx_model_criteria(self._m, i)
            params = {}
            for j in range(_capi.gidx_model_nparams(self._m, i)):
                name, value = _capi.gidx_model_param(self._m, i, j)
                params[name] = float(value)
            out.append({"name": _capi.gidx_model_component_name(self._m, i), "loglik": ll,
                        "aicc": aicc, "nobs": int(n), "nparams": int(k), "params": params})
        return out

    def forecast(self, h: int, levels: "float | Sequence[float]" = (80, 95)) -> "pd.DataFrame":
        """Forecasts for the next ``h`` years as a DataFrame (year, mean,
        lo80, hi80, ...; values in the series' unit). ``levels`` are in
        percent (80, 95); fractions in (0, 1) are converted, anything else
        raises. ``attrs`` holds the model's name and the levels."""
        import pandas as pd
        lv = _levels(levels)
        h = _horizon(h)
        mean, lo, hi = _capi.gidx_model_forecast(h * max(lv.size, 1), self._m, h, lv)
        cols = {"year": _np.arange(self.last_year + 1, self.last_year + h + 1), "mean": mean[:h]}
        for i, l in enumerate(lv):
            cols["lo%g" % l] = lo[i * h:(i + 1) * h]
            cols["hi%g" % l] = hi[i * h:(i + 1) * h]
        out = pd.DataFrame(cols)
        out.attrs.update(model=self.name, levels=[float(l) for l in lv])
        return out

    def prob(self, year: int, target: float, below: bool = True) -> float:
        """Probability (0-1) that the value in calendar ``year`` is at most
        (below) / at least ``target`` (the series' unit)."""
        return float(_capi.gidx_model_prob(self._m, int(year), float(target), int(bool(below))))

    def target(self, year: int, value: float, base_year: int = 0, below: bool = True) -> Target:
        """Target evaluation: an absolute ``value`` (the series' unit), or
        with ``base_year`` a relative cut in percent (55 and 0.55 are both
        55 % below the base year; a negative cut is an increase)."""
        t = _capi.gidx_fc_target()
        _capi.gidx_model_target(t, self._m, int(year), float(value), int(base_year),
                                int(bool(below)))
        keys = ("target", "forecast", "gap", "prob", "rate_needed", "last_value")
        d = {k: float(getattr(t, k)) for k in keys}
        d["last_year"] = int(t.last_year)
        d["year"] = int(year)
        return Target(d)

    def scenario(self, effect: "ArrayLike | EffectResult",
                 levels: "float | Sequence[float]" = (80, 95),
                 h: "int | None" = None) -> "pd.DataFrame":
        """Baseline and baseline + ``effect`` side by side (the series' unit).

        ``effect`` is one value per future year, or an
        :class:`~greenidx.EffectResult` whose effect path is used (a constant
        DiD/TWFE/FE effect for ``h`` years; a path is cut to ``h`` when given)."""
        import pandas as pd
        if hasattr(effect, "path") and callable(effect.path):
            effect = effect.path(periods=h)
            if h is not None:
                effect = effect[:_horizon(h)]
        e = _np.ascontiguousarray(effect, dtype=_np.float64).ravel()
        if e.size == 0:
            raise ValueError("scenario: the effect is empty (give one value per future year, or h)")
        lv = _levels(levels)
        h = e.size
        base, scen, lo, hi = _capi.gidx_model_scenario(h * max(lv.size, 1), self._m, e, lv)
        cols = {"year": _np.arange(self.last_year + 1, self.last_year + h + 1),
                "baseline": base[:h], "scenario": scen[:h]}
        for i, l in enumerate(lv):
            cols["lo%g" % l] = lo[i * h:(i + 1) * h]
            cols["hi%g" % l] = hi[i * h:(i + 1) * h]
        return pd.DataFrame(cols)


def _rebuild_model(args, years, y):
    m = Model(**args)
    return m if years is None else m.fit(years, y)


def forecast(years: "ArrayLike | pd.Series", y: "ArrayLike | None", h: int, method: str = "auto",
             levels: "float | Sequence[float]" = (80, 95), **kw: Any) -> "pd.DataFrame":
    """Fit a :class:`Model` and return its forecast DataFrame (year, mean,
    lo80, hi80, ...; the series' unit) for the next ``h`` years. ``years``
    may be ints, dates or datetimes (read as years), or a pandas Series
    indexed by them when ``y`` is None; ``levels`` in percent."""
    if y is None and hasattr(years, "index"):
        years, y = years.index, years.to_numpy()
    h = _horizon(h)
    with Model(method, **kw) as m:
        return m.fit(years, y).forecast(h, levels)


def plot_forecast(fc: "pd.DataFrame", ax: "Axes | None" = None,
                  history: "tuple[ArrayLike, ArrayLike] | None" = None) -> "Axes":
    """Plot a forecast DataFrame (mean and interval bands, the series'
    unit) with matplotlib; ``history`` an optional (years, values) pair
    drawn before it. Returns the Axes."""
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots()
    if history is not None:
        ax.plot(history[0], history[1], "o-", color="black", label="observed")
    for i, l in enumerate(sorted(fc.attrs.get("levels") or [], reverse=True)):
        ax.fill_between(fc["year"], fc["lo%g" % l], fc["hi%g" % l], alpha=0.2 + 0.15 * i,
                        color="tab:blue", label="%g %%" % l)
    ax.plot(fc["year"], fc["mean"], color="tab:blue", label="mean")
    ax.set_xlabel("year")
    if fc.attrs.get("model"):
        ax.set_title(fc.attrs["model"])
    return ax


def _default_columns(frame, id_col, time_col):
    """The id and time columns of the package's own tables when not given:
    series_id/timestamp, an indicator panel (region_code, indicator; year),
    a dataset frame (region, variable; year)."""
    cols = set(frame.columns)
    if id_col is None:
        for key in (["series_id"], ["region_code", "indicator"], ["region", "variable"]):
            if set(key) <= cols:
                id_col = key
                break
        else:
            raise KeyError("no series id column: pass id_col (one column or a list)")
    if time_col is None:
        time_col = next((c for c in ("timestamp", "year") if c in cols), None)
        if time_col is None:
            raise KeyError("no time column: pass time_col")
    return id_col, time_col


def forecast_many(frame: "pd.DataFrame", h: int, id_col: "str | Sequence[str] | None" = None,
                  time_col: "str | None" = None, value_col: str = "value", method: str = "auto",
                  levels: "float | Sequence[float]" = (80, 95), calibrate: bool = True,
                  seed: int = 42, threads: int = 1) -> "tuple[pd.DataFrame, dict]":
    """Forecast every series of a long DataFrame in one library call
    (``gidx_fc_batch_run``, thread-safe). Returns ``(forecasts, errors)``:
    a long DataFrame (id columns, year, model, mean, lo80, hi80, ...) and a
    dict id -> message for the series that failed (the others are
    unaffected).

    ``id_col`` is one column or a list of them (a series per combination);
    by default the columns of the package's own tables: ``series_id``, or
    ``region_code`` and ``indicator`` (:meth:`Panel.to_frame`), or
    ``region`` and ``variable`` (:meth:`Dataset.to_frame`). ``time_col``
    defaults to ``timestamp`` or ``year``; dates and datetimes are read as
    years. Levels are in percent (fractions are converted); ``h`` is in
    years; forecasts are in each series' own unit."""
    import pandas as pd
    id_col, time_col = _default_columns(frame, id_col, time_col)
    keys = [id_col] if isinstance(id_col, str) else list(id_col)
    d = frame[keys + [time_col, value_col]].copy()
    d[time_col] = years_of(d[time_col], time_col)
    d = d.sort_values(keys + [time_col], kind="stable")
    key = d[keys[0]] if len(keys) == 1 else pd.Series(list(zip(*(d[k] for k in keys))), index=d.index)
    codes, uniq = pd.factorize(key, sort=False)
    start = _np.concatenate([[0], _np.cumsum(_np.bincount(codes, minlength=len(uniq)))])
    lv = _levels(levels)
    h, nl = _horizon(h), lv.size
    o = _capi.gidx_model_options()
    o.method, o.calibrate, o.seed = METHODS[method], int(bool(calibrate)), int(seed)
    b = _capi.gidx_fc_batch_run(
        o, _np.ascontiguousarray(d[time_col].to_numpy(), dtype=_np.intc),
        _np.ascontiguousarray(d[value_col].to_numpy(), dtype=_np.float64),
        start.astype(_np.uintp), h, lv, int(threads))
    ok, blocks, last, models, errors = [], [], [], [], {}
    for s, sid in enumerate(uniq):
        try:
            mean, lo, hi = _capi.gidx_fc_batch_forecast(h * max(nl, 1), b, s)
            blocks.append(_np.concatenate([mean[:h], lo[:h * nl], hi[:h * nl]]))
        except GreenIdxError:  # the series' own error; the batch went on
            errors[sid] = _capi.gidx_fc_batch_message(b, s)
            continue
        ok.append(sid)
        last.append(_capi.gidx_fc_batch_last_year(b, s))
        models.append(_capi.gidx_fc_batch_model(b, s))
    if not ok:
        return pd.DataFrame(), errors
    # One DataFrame from whole columns (series x [mean, lo..., hi...] x horizon):
    # building a frame per series cost ~250 us each (bench/bindings).
    a = _np.array(blocks).reshape(len(ok), 1 + 2 * nl, h)
    ids = _np.empty(len(ok), dtype=object)
    ids[:] = ok
    cols = {}
    for j, k in enumerate(keys):
        cols[k] = _np.repeat(ids if len(keys) == 1 else _np.array([t[j] for t in ok], dtype=object), h)
    cols.update({"year": (_np.array(last)[:, None] + _np.arange(1, h + 1)).ravel(),
            "model": _np.repeat(_np.array(models, dtype=object), h), "mean": a[:, 0].ravel()})
    for i, l in enumerate(lv):
        cols["lo%g" % l] = a[:, 1 + i].ravel()
        cols["hi%g" % l] = a[:, 1 + nl + i].ravel()
    return pd.DataFrame(cols), errors


def reconcile(base: ArrayLike, method: str = "mint",
              resid: "ArrayLike | None" = None) -> "_np.ndarray":
    """Reconcile a (1 + children) x h array (parent first; one unit for all
    rows, e.g. tonnes CO2e) so children sum to the parent.

    ``method``: "bu", "ols", "wls" or "mint" (needs ``resid``, same row layout).
    """
    b = _np.ascontiguousarray(base, dtype=_np.float64)
    if b.ndim != 2 or b.shape[0] < 2:
        raise ValueError("base must be (1 + children) x h")
    r = _np.zeros(0) if resid is None else _np.ascontiguousarray(resid, dtype=_np.float64)
    out = _capi.gidx_fc_reconcile(b.size, b.ravel(), b.shape[0] - 1, _RECONCILE[method], r.ravel())
    return out.reshape(b.shape)


def accuracy(actual: ArrayLike, fc: ArrayLike, insample: ArrayLike, lo: "ArrayLike | None" = None,
             hi: "ArrayLike | None" = None) -> "dict[str, float]":
    """Accuracy of forecasts ``fc`` against ``actual`` (same unit):
    sMAPE on the 0-200 scale (Makridakis & Hibon 2000), MASE scaled by the
    in-sample mean absolute first difference of ``insample`` (Hyndman &
    Koehler 2006), and the coverage (0-1) of [``lo``, ``hi``] (NaN without
    bounds), as a dict computed by gidx_fc_accuracy."""
    if insample is None:
        raise ValueError("accuracy(actual, fc, insample): insample (the training values) is needed "
                         "for the MASE scale")
    a = _np.ascontiguousarray(actual, dtype=_np.float64).ravel()
    f = _np.ascontiguousarray(fc, dtype=_np.float64).ravel()
    lo_ = None if lo is None else _np.ascontiguousarray(lo, dtype=_np.float64).ravel()
    hi_ = None if hi is None else _np.ascontiguousarray(hi, dtype=_np.float64).ravel()
    ins = _np.ascontiguousarray(insample, dtype=_np.float64).ravel()
    s, m, c = _capi.gidx_fc_accuracy(a, f, lo_, hi_, ins)
    return {"smape": s, "mase": m, "coverage": c}
