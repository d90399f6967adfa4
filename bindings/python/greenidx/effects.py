# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Policy-instrument effect estimators (docs/effects.md): 2x2 DiD, TWFE,
event study, Callaway & Sant'Anna staggered DiD, synthetic control and the
within estimator. Every number is computed by libgreenidx."""
import json as _json
import math as _math

import numpy as _np

from . import capi as _capi
from ._errors import InvalidArgumentError as _InvalidArgumentError
from ._handle import Handle as _Handle

__all__ = ["EffectPanel", "EffectResult", "estimate_effect", "EFFECT_METHODS"]

EFFECT_METHODS = {"did": 0, "twfe": 1, "event": 2, "csdid": 3, "synth": 4, "fe": 5}
_SE = {None: 0, "default": 0, "classical": 1, "robust": 2, "cluster": 3, "cr2": 4}
_CONTROL = {"never": 0, "notyet": 1}
_FORMATS = {"json": 0, "csv": 1, "table": 2, "text": 2}


class EffectPanel(_Handle):
    """A long panel (one row per unit and time) with named numeric variables.

    Build it with :meth:`from_frame` (a pandas DataFrame) or :meth:`read_csv`.
    Use as a context manager or call :meth:`close` to free it at once.
    """

    def __init__(self, units, times, variables=None):
        times = _np.ascontiguousarray(times, dtype=_np.float64)
        units = [str(u) for u in units]
        if len(units) != times.size:
            raise ValueError("units and times differ in length")
        self._h = _capi.gidx_effect_panel_new(units, times)
        for name, x in (variables or {}).items():
            self.add(name, x)

    @classmethod
    def from_frame(cls, df, unit, time, columns=None):
        """Panel from a DataFrame: unit and time columns, numeric variables."""
        cols = [c for c in (columns if columns is not None else df.columns) if c not in (unit, time)]
        return cls(df[unit].astype(str).tolist(), df[time].to_numpy(dtype=float),
                   {c: df[c].to_numpy(dtype=float) for c in cols})

    @classmethod
    def read_csv(cls, path, unit, time, columns):
        """Panel from a CSV file read by the library (located conversion errors)."""
        self = cls.__new__(cls)
        t = _capi.gidx_table_read_csv(str(path), None)
        self._h = _capi.gidx_effect_panel_from_table(t, unit, time, [str(c) for c in columns])
        return self

    def add(self, name, values):
        """Add or replace a variable (one value per row, NaN = missing)."""
        _capi.gidx_effect_panel_add(self._h, str(name), _np.ascontiguousarray(values, dtype=_np.float64))

    @property
    def nrows(self):
        return _capi.gidx_effect_panel_nrows(self._h)

    @property
    def nunits(self):
        return _capi.gidx_effect_panel_nunits(self._h)

    @property
    def ntimes(self):
        return _capi.gidx_effect_panel_ntimes(self._h)


class EffectResult(_Handle):
    """An estimation result: headline estimate, rows, effect path, renderings."""

    def __init__(self, handle):
        self._h = handle

    def value(self, key):
        """A named scalar ("estimate", "se", "rmspe_pre", "att_group", ...)."""
        return _capi.gidx_effect_result_value(self._h, key)

    def _opt(self, key):
        v = self.value(key)
        return None if _math.isnan(v) else v

    estimate = property(lambda self: self._opt("estimate"))
    se = property(lambda self: self._opt("se"))
    ci_low = property(lambda self: self._opt("ci_low"))
    ci_high = property(lambda self: self._opt("ci_high"))
    p_value = property(lambda self: self._opt("p_value"))

    def rows(self, kind):
        """Rows of one kind ("coef", "att_gt", "group", "dynamic", "calendar",
        "weight", "gap", "placebo", "loo", "predictor") as a DataFrame."""
        import pandas as pd
        n = _capi.gidx_effect_result_nrows(self._h, kind)
        recs = []
        for i in range(n):
            lab, g, t, e, s = _capi.gidx_effect_result_row(self._h, kind, i)
            recs.append({"label": lab, "group": g, "time": t, "estimate": e, "se": s})
        return pd.DataFrame(recs, columns=["label", "group", "time", "estimate", "se"])

    def path(self, periods=None):
        """The effect per period since adoption as a numpy array (a constant
        DiD/TWFE/FE effect is repeated ``periods`` times)."""
        path = _capi.gidx_effect_result_path(self._h)
        if path.size == 0 and periods:  # a constant path: the library's estimate per period
            return _np.full(int(periods), self.value("estimate"))
        return path

    def render(self, fmt="json"):
        """The result as JSON, CSV or text (rendered by the library)."""
        return _capi.gidx_effect_result_render(self._h, _FORMATS[fmt])

    def to_dict(self):
        """The JSON rendering parsed into a dict."""
        return _json.loads(self.render("json"))


def estimate_effect(panel, method, outcome, treated=None, treat_col=None, group_col=None,
                    treat_time=None, covariates=None, predictors=None, se=None, control="never",
                    twoways=False, balanced=False, seed=42, nboot=0, level=0.95, ref_period=-1,
                    placebo=True, leave_one_out=False, nstarts=0, pre_from=None):
    """Run an estimator on an :class:`EffectPanel`; returns an :class:`EffectResult`.

    ``treated`` and ``covariates`` may be lists; see docs/effects.md for the methods.
    """
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
    return EffectResult(_capi.gidx_effect_estimate(panel._h, o))
