# Effects from Python: published results through the bindings, errors as exceptions.
import json
import math
import os

import numpy as np
import pandas as pd
import pytest

import greenidx as gi

DATA = os.path.join(os.environ.get("GIDX_TEST_DATA", "tests/data"), "effects")


def test_grunfeld_within_published():
    df = pd.read_csv(os.path.join(DATA, "grunfeld.csv"))
    with gi.EffectPanel.from_frame(df, "firm", "year") as p:
        assert p.nunits == 10 and p.ntimes == 20
        r = gi.estimate_effect(p, "fe", "inv", covariates=["value", "capital"], se="classical")
        c = r.rows("coef")
        # Baltagi / plm published values, 6 digits
        assert c.label.tolist() == ["value", "capital"]
        np.testing.assert_allclose(c.estimate, [0.110124, 0.310065], atol=1e-5)
        np.testing.assert_allclose(c.se, [0.011857, 0.017355], atol=1e-4)
        d = r.to_dict()
        assert set(d["coefficients"]) == {"value", "capital"}
        assert abs(r.value("r2") - 0.76676) < 1e-5
        # a constant effect path for the forecasting layer
        assert r.path(3).tolist() == [r.estimate] * 3


def test_csdid_mpdta_published():
    p = gi.EffectPanel.read_csv(os.path.join(DATA, "mpdta.csv"), "countyreal", "year",
                                ["lemp", "first.treat"])
    r = gi.estimate_effect(p, "csdid", "lemp", group_col="first.treat", nboot=199, seed=3)
    gt = r.rows("att_gt")
    assert len(gt) == 12
    first = gt[(gt.group == 2004) & (gt.time == 2004)].estimate.iloc[0]
    assert abs(first + 0.0105) < 0.0005          # published, 4 decimals
    assert abs(r.value("att_group") + 0.031) < 0.001
    assert abs(r.value("att_dynamic") + 0.0772) < 0.001
    np.testing.assert_allclose(r.path(), [-0.0199, -0.0510, -0.1373, -0.1008], atol=0.0005)


def test_errors_are_exceptions_naming_the_cause():
    df = pd.read_csv(os.path.join(DATA, "grunfeld.csv"))
    p = gi.EffectPanel.from_frame(df, "firm", "year")
    with pytest.raises(gi.SingularError) as e:
        gi.estimate_effect(p, "fe", "inv", covariates="value,value")
    assert '"value"' in str(e.value)
    with pytest.raises(gi.GreenIdxError) as e:
        gi.estimate_effect(p, "synth", "inv", treated="99", treat_time=1945)
    assert "99" in str(e.value)
    with pytest.raises(gi.GreenIdxError):
        gi.EffectPanel(["a", "a"], [1.0, 1.0])   # duplicate (unit, time)


def test_synth_prop99_weights_and_gap():
    p = gi.EffectPanel.read_csv(os.path.join(DATA, "smoking.csv"), "state", "year",
                                ["cigsale", "lnincome", "beer", "age15to24", "retprice"])
    r = gi.estimate_effect(
        p, "synth", "cigsale", treated="California", treat_time=1989, placebo=False,
        predictors="lnincome@1980-1988,retprice@1980-1988,age15to24@1980-1988,"
                   "beer@1984-1988,cigsale@1975,cigsale@1980,cigsale@1988")
    w = r.rows("weight").set_index("label").estimate
    # ADH (2010) table 2, +-0.03 because V is not identified
    for unit, pub in [("Utah", 0.334), ("Nevada", 0.235), ("Montana", 0.202),
                      ("Colorado", 0.161), ("Connecticut", 0.068)]:
        assert abs(w[unit] - pub) < 0.03, unit
    assert abs(w.sum() - 1) < 1e-9
    path = r.path()
    assert len(path) == 12 and abs(path[-1] + 26) < 1   # gap in 2000
    d = r.to_dict()
    assert set(d["weights"]) == set(w.index) and "2000" in d["gaps"]
    assert d["placebo_p"] is None   # placebos were not run


def test_card_krueger_cr2_is_the_welch_se_of_changes():
    """CK (1994) table 3 row 4 from Python: 2.75 (1.34). With se="cr2" the
    standard error equals, to rounding, the unequal-variance SE of the
    difference in mean changes computed here with pandas."""
    d = pd.read_csv(os.path.join(DATA, "card.csv"))
    f1 = d.empft + d.nmgrs + 0.5 * d.emppt
    f2 = d.empft2 + d.nmgrs2 + 0.5 * d.emppt2
    long = pd.DataFrame({"store": np.r_[d.index, d.index], "wave": np.r_[np.zeros(len(d)), np.ones(len(d))],
                         "fte": np.r_[f1, f2], "nj": np.r_[d.state, d.state]})
    ok = f1.notna() & f2.notna()
    ch = (f2 - f1)[ok]
    nj, pa = ch[d.state[ok] == 1], ch[d.state[ok] == 0]
    welch = math.hypot(nj.std() / math.sqrt(len(nj)), pa.std() / math.sqrt(len(pa)))
    with gi.EffectPanel.from_frame(long, "store", "wave") as p:
        r = gi.estimate_effect(p, "did", "fte", treat_col="nj", balanced=True, se="cr2")
        assert abs(r.estimate - 2.75) < 1e-9
        assert abs(r.value("se") - welch) < 1e-10
        assert round(r.value("se"), 2) == 1.34
