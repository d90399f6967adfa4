# Forecasting from Python: the same numbers as the C library (hand-worked
# naive/drift cases), DataFrames out, exceptions with the C message.
import math

import numpy as np
import pytest

import greenidx as gi

Z80 = 1.2815515655446004


def test_drift_by_hand():
    # y = 1, 2, 4, 7, 11: b = 2.5, sigma^2 = 5/3, var(b) = 5/12
    m = gi.Model("drift", calibrate=False).fit([2010, 2011, 2012, 2013, 2014], [1, 2, 4, 7, 11])
    f = m.forecast(3, levels=[80])
    assert list(f["year"]) == [2015, 2016, 2017]
    h = np.arange(1, 4)
    np.testing.assert_allclose(f["mean"], 11 + 2.5 * h, rtol=0, atol=1e-12)
    sd = np.sqrt(h * 5 / 3 + h ** 2 * 5 / 12)
    np.testing.assert_allclose(f["lo80"], 11 + 2.5 * h - Z80 * sd, rtol=0, atol=1e-9)
    assert m.name == "Random walk with drift"
    c = m.components()
    assert c[0]["params"]["drift"] == pytest.approx(2.5, abs=1e-12)


def test_auto_gaps_target_scenario():
    years = [2009, 2011, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]
    y = [510, 495, 480, 470, 466, 451, 440, 431, 425, 400, 398, 390]
    with gi.Model("auto") as m:
        m.fit(years, y)
        assert m.name.startswith("Combination(")
        assert len(m.components()) == 4  # ETS, ARIMA, Theta and the random walk
        f = m.forecast(8)
        assert f["year"].iloc[-1] == 2030
        assert (f["lo95"] < f["lo80"]).all() and (f["hi80"] < f["hi95"]).all()
        t = m.target(2030, 0.5, base_year=2009, below=True)
        assert t["target"] == pytest.approx(255.0)
        assert 0.0 <= t["prob"] <= 1.0
        assert t["rate_needed"] == pytest.approx((255 / 390) ** (1 / 8) - 1, rel=1e-12)
        s = m.scenario([-5.0] * 8)
        np.testing.assert_allclose(s["scenario"] - s["baseline"], -5.0, atol=1e-9)


def test_reconcile_and_accuracy():
    base = np.array([[100.0, 110], [30, 35], [40, 40], [20, 25]])
    r = gi.reconcile(base, "ols")
    np.testing.assert_allclose(r[0], r[1:].sum(axis=0), atol=1e-9)
    np.testing.assert_allclose(r[1, 0], 32.5, atol=1e-12)
    a = gi.accuracy([10, 20], [12, 15], [1, 3, 2], lo=[9, 16], hi=[13, 19])
    assert a["smape"] == pytest.approx((400 / 22 + 1000 / 35) / 2)
    assert a["mase"] == pytest.approx(3.5 / 1.5)
    assert a["coverage"] == pytest.approx(0.5)


def test_errors_carry_the_c_message():
    m = gi.Model("auto")
    with pytest.raises(gi.GreenIdxError) as e:
        m.fit([2020, 2021], [1.0, 2.0])
    assert e.value.code == -13
    assert "2 observed values" in str(e.value)
    with pytest.raises(gi.GreenIdxError) as e:
        m.fit([2020, 2019, 2021], [1.0, 2.0, 3.0])
    assert "year 2019" in str(e.value)
    with pytest.raises(ValueError):
        gi.Model("prophet")


def test_forecast_many_isolates_failures():
    import pandas as pd
    df = pd.DataFrame({
        "series_id": ["A"] * 5 + ["B"] * 2 + ["C"] * 6,
        "timestamp": [2010, 2011, 2012, 2013, 2014, 2020, 2021] + list(range(2010, 2016)),
        "value": [1, 2, 4, 7, 11, 3, 4, 50, 47, 45, 44, 40, 39],
    })
    out, errors = gi.forecast_many(df, 3, method="drift", levels=[80], calibrate=False, threads=2)
    assert set(errors) == {"B"} and "2 observed values" in errors["B"]
    a = out[out.series_id == "A"]
    np.testing.assert_allclose(a["mean"], [13.5, 16.0, 18.5], atol=1e-12)
    assert list(out[out.series_id == "C"]["year"]) == [2016, 2017, 2018]
