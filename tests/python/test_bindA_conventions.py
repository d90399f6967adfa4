# Python conventions of the composite, indicators, data and report classes
# (#17): informative __repr__/_repr_html_, pickling of every value object
# (numbers back bit for bit), pandas labels, summary() and plot().
import os
import pickle

import matplotlib
import numpy as np
import pandas as pd
import pytest

import greenidx as gi

matplotlib.use("Agg")
D = os.path.join(os.environ.get("GIDX_TEST_DATA", "tests/data"), "composite")


def asem():
    return gi.CompositeIndex.from_coinr(os.path.join(D, "ASEM_iData.csv"),
                                        os.path.join(D, "ASEM_iMeta.csv"))


def same(a, b):
    return np.asarray(a, dtype=float).tobytes() == np.asarray(b, dtype=float).tobytes()


def test_index_results_are_labelled_pickle_and_summarise():
    ix = asem().set_options(normalise="minmax:1,100")
    assert repr(ix).startswith("<greenidx.CompositeIndex: ") and "51 units" in repr(ix)
    res = ix.compute()
    s, r = res.scores(), res.ranks()
    assert isinstance(s.index, pd.Index) and s.index.name == "uCode"
    assert list(r.index) == res.units and r.min() == 1
    back = pickle.loads(pickle.dumps(res))
    assert same(back.scores(), s) and same(back.ranks(), r)
    assert repr(back) == repr(res) == "<greenidx.IndexResult: 51 units, 11 aggregates, 49 indicators, years 2018-2018>"
    summ = res.summary()
    assert list(summ.index)[0] == "Index" and summ.index.name == "aggregate"
    # the summary is pandas' own describe() of the scores: checked against numpy
    assert summ.loc["Index", "mean"] == pytest.approx(np.nanmean(s.to_numpy()), rel=1e-12)
    assert summ.loc["Index", "max"] == np.nanmax(s.to_numpy())
    assert "<table" in res._repr_html_()
    ax = res.plot(top=10)
    widths = sorted(p.get_width() for p in ax.patches)
    np.testing.assert_allclose(widths, np.sort(s.dropna().to_numpy())[-10:], rtol=0, atol=0)
    u = ix.uncertainty(n=20, seed=3, normalise=["minmax", "rank"])
    assert list(u.nominal.index) == res.units
    # the nominal rank of the uncertainty analysis is the index's rank
    np.testing.assert_array_equal(u.nominal.to_numpy(), r.to_numpy())
    ub = pickle.loads(pickle.dumps(u))
    assert ub.to_frame().equals(u.to_frame()) and repr(ub) == "<greenidx.UncertaintyResult: 51 units, 20 runs>"
    assert (u.summary()["width"] >= 0).all()


def test_panels_validations_catalogs_formulas_pickle():
    cat = gi.Catalog.default()
    p = gi.Panel(cat)
    assert repr(p) == "<greenidx.Panel: 31 indicators x %d regions x %d years, %d missing>" % (
        len(gi.load_default().regions), len(gi.load_default().years), p.nmissing)
    back = pickle.loads(pickle.dumps(p))
    a, b = p.to_frame(), back.to_frame()
    assert same(a["value"], b["value"]) and a["reason"].equals(b["reason"])
    summ = p.summary()
    one = a[a["indicator"] == "ghg_total"]["value"]
    assert summ.loc["ghg_total", "count"] == one.notna().sum()
    assert summ.loc["ghg_total", "missing"] == one.isna().sum()
    assert summ.loc["ghg_total", "mean"] == pytest.approx(one.mean(), rel=1e-12)
    ax = p.plot("ghg_total", region=["Skien", "Porsgrunn"])
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert sorted(lines) == ["Porsgrunn", "Skien"]
    skien = a[(a["region_name"] == "Skien") & (a["indicator"] == "ghg_total")]
    np.testing.assert_array_equal(lines["Skien"].get_ydata(), skien["value"].to_numpy())
    v = p.validate()
    vb = pickle.loads(pickle.dumps(v))
    assert str(vb) == str(v) and repr(v) == "<greenidx.Validation: %d findings>" % len(v)
    n = v.summary()
    assert n.index.names == ["check", "indicator"] and n["n"].sum() == len(v.findings())
    assert sum(pt.get_width() for pt in v.plot().patches) == len(v.findings())
    cb = pickle.loads(pickle.dumps(cat))
    assert cb.to_json() == cat.to_json() and repr(cb) == repr(cat)
    f = gi.Formula("ghg_total / population")
    assert repr(pickle.loads(pickle.dumps(f))) == "<greenidx.Formula 'ghg_total / population'>"


def test_scenario_registry_report_repr_and_pickle():
    # absolute: a scenario pickles by its absolute path (it names files relative to itself)
    path = os.path.abspath(os.path.join(os.environ.get("GIDX_TEST_DATA", "tests/data"), "report",
                                        "scenario.json"))
    sc = gi.Scenario(path)
    back = pickle.loads(pickle.dumps(sc))
    assert back.instruments == sc.instruments and back.name == sc.name
    assert repr(back) == repr(sc) and repr(sc).startswith("<greenidx.Scenario %r: %d instruments"
                                                          % (sc.name, len(sc.instruments)))
    reg = gi.Registry()
    assert repr(pickle.loads(pickle.dumps(reg))) == repr(reg) == "<greenidx.Registry: %d regions>" % len(reg)
    assert pickle.loads(pickle.dumps(reg)).by_code("4003")["name"] == "Skien"
    rep = gi.Report("x").set_lang("nb")
    assert repr(rep) == "<greenidx.Report (nb)>"
    rep.close()
    assert repr(rep) == "<greenidx.Report, closed>"
