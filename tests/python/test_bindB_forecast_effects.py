# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue #17 for the forecast and effects bindings (worktree bindB): the
generated layer, the one convention for levels and cuts, errors naming their
cause, and Python conventions (repr, pickle, summary, plot, accuracy,
DataFrames and dates). Expected values are hand-worked (drift: y = 1, 2, 4,
7, 11 has slope 2.5 and residual variance 5/3; see tests/python/test_forecast.py)."""
import datetime as dt
import math
import os
import pickle

import numpy as np
import pandas as pd
import pytest

import greenidx as gi
from greenidx import capi

Z80 = 1.2815515655446004  # qnorm(0.9)
YEARS, Y = [2010, 2011, 2012, 2013, 2014], [1.0, 2, 4, 7, 11]
DATA = os.environ.get("GIDX_TEST_DATA", "tests/data")


def drift():
    return gi.Model("drift", calibrate=False).fit(YEARS, Y)


def test_generated_calls_replace_the_hand_glue():
    # the shims of bindings/forecast.i are reached under the headers' names
    for old in ("gidx_py_model_scenario", "gidx_py_reconcile", "gidx_py_fc_batch_run",
                "gidx_py_effect_panel_new", "gidx_py_effect_estimate", "gidx_py_effect_render"):
        assert not hasattr(capi, old)
    m = drift()
    base, scen, lo, hi = capi.gidx_model_scenario(2, m._m, [1.0, 2.0], [80.0])
    np.testing.assert_allclose(base, [13.5, 16.0], rtol=0, atol=1e-12)
    np.testing.assert_allclose(scen, [14.5, 18.0], rtol=0, atol=1e-12)
    with pytest.raises(gi.InvalidArgumentError, match="nchild \\+ 1 rows"):
        capi.gidx_fc_reconcile(5, [1.0, 2, 3, 4, 5], 1, 0, None)


def test_fraction_levels_name_columns_in_percent():
    f = gi.forecast(YEARS, Y, 2, method="drift", levels=(0.8, 0.95), calibrate=False)
    assert list(f.columns) == ["year", "mean", "lo80", "hi80", "lo95", "hi95"]
    sd1 = math.sqrt(5 / 3 + 5 / 12)  # h = 1: sigma^2 (1 + 1/(n-1))
    assert f["lo80"][0] == pytest.approx(13.5 - Z80 * sd1, abs=1e-9)
    assert f.attrs["levels"] == [80.0, 95.0]


def test_target_cut_in_percent():
    m = drift()
    a, b = m.target(2030, 55, base_year=2010), m.target(2030, 0.55, base_year=2010)
    assert a["target"] == pytest.approx(0.45 * 1.0, abs=1e-12)
    assert a == b
    assert a.prob == a["prob"]
    with pytest.raises(gi.InvalidArgumentError, match="cut 100"):
        m.target(2030, 100, base_year=2010)


def test_effect_level_percent_and_fraction():
    d = pd.DataFrame({"unit": list("aabbccee"), "time": [1, 2] * 4,
                      "y": [1, 4, 2, 6, 1, 2, 3, 3.5], "d": [1] * 4 + [0] * 4})
    r90 = gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2, se="classical", level=90)
    r09 = gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2, se="classical", level=0.9)
    r95 = gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2, se="classical")
    assert r90.estimate == pytest.approx(2.75, abs=1e-12)  # (3 + 4)/2 - (1 + 0.5)/2
    assert (r90.ci_low, r90.ci_high) == (r09.ci_low, r09.ci_high)
    assert r95.ci_high - r95.ci_low > r90.ci_high - r90.ci_low
    with pytest.raises(gi.InvalidArgumentError, match="level 100"):
        gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2, level=100)


def test_errors_name_their_cause():
    with pytest.raises(gi.InvalidArgumentError, match="h=0"):
        drift().forecast(0)
    with pytest.raises(gi.InvalidArgumentError, match="'cluster'"):
        gi.estimate_effect(pd.DataFrame({"unit": ["a"], "time": [1], "y": [1.0]}), "did", "y",
                           se="clustered")
    with pytest.raises(ValueError, match="insample"):
        gi.accuracy([1.0], [1.0], None)


def test_estimate_effect_takes_a_dataframe_with_dates():
    d = pd.DataFrame({"region": list("aabbccee"),
                      "year": pd.to_datetime(["2019-01-01", "2020-06-30"] * 4),
                      "y": [1, 4, 2, 6, 1, 2, 3, 3.5], "d": [1] * 4 + [0] * 4})
    r = gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2020)
    assert r.estimate == pytest.approx(2.75, abs=1e-12)


def test_repr_pickle_summary():
    m = drift()
    assert repr(m).startswith("<greenidx.Model Random walk with drift, 5 observations 2010-2014")
    assert "<table" in m._repr_html_()
    m2 = pickle.loads(pickle.dumps(m))
    pd.testing.assert_frame_equal(m2.forecast(3), m.forecast(3))
    t = m.target(2030, 55, base_year=2010)
    assert pickle.loads(pickle.dumps(t)) == t and "Target 2030" in repr(t)
    assert m.params["drift"] == pytest.approx(2.5, abs=1e-12)
    # the drift model's likelihood counts the 4 first differences
    assert m.summary().loc["Random walk with drift", "nobs"] == 4
    d = pd.read_csv(os.path.join(DATA, "effects", "grunfeld.csv"))
    r = gi.estimate_effect(d, "fe", "inv", covariates=["value", "capital"], se="classical",
                           unit="firm", time="year")
    r2 = pickle.loads(pickle.dumps(r))
    assert r2.estimate == r.estimate and r2.se == r.se
    assert r.estimate == pytest.approx(0.110124, abs=1e-5)  # plm's within estimate (test_effects)
    assert "EffectResult fe on inv: estimate 0.1101" in repr(r)
    assert "<pre>" in r._repr_html_()
    p = gi.EffectPanel.from_frame(d, "firm", "year")
    assert repr(p) == "<greenidx.EffectPanel 200 rows, 10 units, 20 times>"
    assert pickle.loads(pickle.dumps(p)).nrows == 200


def test_fitted_residuals_accuracy_plot():
    m = drift()
    r = m.residuals()
    # drift residuals: first differences minus the mean difference 2.5
    np.testing.assert_allclose(r.to_numpy()[1:], [1 - 2.5, 2 - 2.5, 3 - 2.5, 4 - 2.5], atol=1e-12)
    np.testing.assert_allclose(m.fitted().to_numpy()[1:], np.array(Y[1:]) - r.to_numpy()[1:], atol=1e-12)
    a = m.accuracy()
    # MASE scale: mean |diff| = 2.5; mean |residual| = 1 -> MASE 0.4
    assert a["mase"] == pytest.approx(1.0 / 2.5, abs=1e-12)
    fc = m.forecast(2)
    out = m.accuracy([13.5, 16.0], fc)
    assert out["smape"] == pytest.approx(0.0, abs=1e-12) and out["coverage"] == 1.0
    import matplotlib
    matplotlib.use("Agg")
    ax = m.plot(fc)
    assert len(ax.lines) >= 3
    gi.plot_forecast(fc)


def test_forecast_many_reads_the_package_frames():
    frame = pd.DataFrame({"region": ["4001"] * 5 + ["4003"] * 5, "variable": ["x"] * 10,
                          "year": [dt.date(y, 1, 1) for y in YEARS] * 2, "value": Y + Y[::-1]})
    fc, err = gi.forecast_many(frame, 2, method="drift", calibrate=False, levels=(0.8,))
    assert err == {}
    assert list(fc.columns[:4]) == ["region", "variable", "year", "model"]
    assert list(fc["year"][:2]) == [2015, 2016]
    assert fc["mean"][0] == pytest.approx(13.5, abs=1e-12)
    assert "lo80" in fc.columns


def test_effect_result_is_a_scenario_effect():
    d = pd.DataFrame({"unit": list("aabbccee"), "time": [1, 2] * 4,
                      "y": [1, 4, 2, 6, 1, 2, 3, 3.5], "d": [1] * 4 + [0] * 4})
    r = gi.estimate_effect(d, "did", "y", treat_col="d", treat_time=2)
    s = drift().scenario(r, levels=(0.8,), h=2)
    # baseline drift 13.5, 16 plus the constant DiD effect 2.75
    np.testing.assert_allclose(s["scenario"], [16.25, 18.75], rtol=0, atol=1e-12)
    np.testing.assert_allclose(s["lo80"], drift().forecast(2, (80,))["lo80"] + 2.75, rtol=0, atol=1e-12)
    with pytest.raises(ValueError, match="empty"):
        drift().scenario(r)
