# Python conventions of #17 section 3 over the whole package (pyconv):
# every public class shows itself (__repr__, _repr_html_) and every value
# object pickles bit for bit; every public callable has type hints for all
# its parameters and its result and a docstring naming the units of its
# numbers; results carry pandas labels, ranks and multipliers included,
# and show the latest year with a year column by default.
import inspect
import os
import pickle
import re

import numpy as np
import pandas as pd
import pytest

import greenidx as gi

DATA = os.environ.get("GIDX_TEST_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))


def _public_classes():
    return {n: o for n, o in vars(gi).items()
            if not n.startswith("_") and inspect.isclass(o) and o.__module__.startswith("greenidx")}


def _asem():
    d = os.path.join(DATA, "composite")
    return gi.CompositeIndex.from_coinr(os.path.join(d, "ASEM_iData.csv"),
                                        os.path.join(d, "ASEM_iMeta.csv"))


def _mb():
    return gi.IOModel.load(os.path.join(DATA, "ripple", "mb"))


def _effect_frame():
    # a 2x2 DiD by hand: unit a treated from 2021, b and c never; the effect
    # is (14 - 10) - ((12 - 11) + (11 - 9)) / 2 = 2.5 in y's unit
    return pd.DataFrame({"region": ["a", "a", "b", "b", "c", "c"],
                         "year": [2020, 2021] * 3,
                         "y": [10.0, 14.0, 11.0, 12.0, 9.0, 11.0],
                         "d": [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]})


def _did():
    r = gi.estimate_effect(_effect_frame(), "did", "y", treat_col="d")
    assert r.estimate == pytest.approx(2.5, abs=1e-12)
    return r


def _model():
    return gi.Model("drift").fit([2019, 2020, 2021, 2022], [10.0, 9.0, 8.5, 7.0])


def _fetch_result():
    # a FetchResult holds plain Python data (the fetch session is closed
    # when fetch() returns); this one is built from the long CSV it reads
    return gi.FetchResult("region,year,variable,value,flag\n5001,2021,population,205332,\n"
                          "5001,2022,population,210496,\n", {"07459.updated": "2023-02-21"},
                          {"requests": 1, "waited": 0.0})


def _frames_equal(a, b):
    return a.equals(b) and list(a.index.names) == list(b.index.names)


# Every public class: how to make one, and what must come back bit for bit
# after a pickle round trip (repr is compared for all of them).
VALUES = {
    "Catalog": (gi.Catalog.default, lambda c: c.to_json()),
    "CompositeIndex": (lambda: _asem().set_options(normalise="minmax:1,100"),
                       lambda ix: ix.compute().to_frame("all")),
    "Dataset": (gi.load_default, lambda d: d.to_csv()),
    "DriversMapping": (gi.DriversMapping, lambda m: m.sectors()),
    "EffectPanel": (lambda: gi.EffectPanel.from_frame(_effect_frame(), "region", "year"),
                    lambda p: gi.estimate_effect(p, "did", "y", treat_col="d").render("json")),
    "EffectResult": (_did, lambda r: r.render("json")),
    "FetchResult": (_fetch_result, lambda f: (f.csv, f.meta, f.stats, f.frame)),
    "Formula": (lambda: gi.Formula("ghg_total / population"),
                lambda f: f.evaluate(gi.load_default(), "4003", 2023)),
    "IOModel": (_mb, lambda m: m.leontief(2)),
    "IOResult": (lambda: _mb().shock({"Manufacturing": 100.0}, type=2),
                 lambda r: r.frame("all")),
    "IndexResult": (lambda: _asem().compute(), lambda r: r.to_frame("all")),
    "Model": (_model, lambda m: m.forecast(3)),
    "Panel": (lambda: gi.Panel(gi.Catalog.default()), lambda p: p.to_frame()),
    "Registry": (gi.Registry, lambda r: r.by_code("4003")),
    "Report": (lambda: gi.roadmap(regions="Skien", mc=20).set_lang("nb"),
               lambda r: r.render("html")),
    "Scenario": (lambda: gi.Scenario(os.path.abspath(os.path.join(DATA, "report", "scenario.json"))),
                 lambda s: s.instruments),
    "Target": (lambda: _model().target(2030, 55, base_year=2019), dict),
    "UncertaintyResult": (lambda: _asem().uncertainty(n=10, seed=2, normalise=["minmax", "rank"]),
                          lambda u: u.to_frame()),
    "Validation": (lambda: gi.Panel(gi.Catalog.default()).validate(), lambda v: v.to_csv()),
}

# Public classes that are not value objects, and why. None today: the fetch
# session (gidx_fetch_client) is not exported, it lives inside fetch() and
# its FetchResult is plain data. A class added here must say why it cannot be
# rebuilt from the calls that made it.
NOT_VALUES = {}


def _same(a, b):
    if isinstance(a, (pd.DataFrame, pd.Series)):
        return _frames_equal(a, b)
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and np.isnan(a):
        return np.isnan(b)
    return a == b


def test_every_public_class_is_listed():
    classes = {n for n, c in _public_classes().items() if not issubclass(c, BaseException)}
    assert classes == set(VALUES) | set(NOT_VALUES)


@pytest.mark.parametrize("name", sorted(VALUES))
def test_repr_html_and_pickle(name):
    cls = _public_classes()[name]
    # __repr__ and _repr_html_ come from the class itself or a greenidx base,
    # never object's (or dict's, for Target)
    for attr in ("__repr__", "_repr_html_"):
        owner = next(c for c in cls.__mro__ if attr in c.__dict__)
        assert owner.__module__.startswith("greenidx"), (name, attr, owner)
    make, payload = VALUES[name]
    obj = make()
    assert isinstance(obj, cls)
    assert repr(obj).startswith("<greenidx.%s" % name)
    assert isinstance(obj._repr_html_(), str) and obj._repr_html_()
    back = pickle.loads(pickle.dumps(obj))
    assert type(back) is cls and repr(back) == repr(obj)
    assert _same(payload(obj), payload(back)), name


def test_exceptions_pickle_with_their_code():
    # exceptions are shown by Python's traceback (no _repr_html_); they
    # must pickle (worker processes send them back) with code and message
    with pytest.raises(gi.NotFoundError) as e:
        gi.load_default().series("nowhere", "ghg_total")
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is gi.NotFoundError and back.code == -6 and str(back) == str(e.value)
    for n, c in _public_classes().items():
        if issubclass(c, BaseException):
            assert c.__module__ == "greenidx._errors", n


def test_a_report_pickles_as_the_calls_that_made_it():
    rep = (gi.Report("Demo").section("s", "Section").text("Emissions fell.")
           .table(["region", "t CO2e"], [["Skien", 123456.5], ["Bamble", None]], caption="c")
           .ranking(["Skien", "Bamble"], [61.5, 48.25], [1, 2], [1, 1], [2, 2])
           .heatmap(["Skien"], ["a", "b"], [[1.0, np.nan]], [1, -1])
           .fan_chart([2020, 2021], [10.0, 9.0], [2022, 2023], [8.5, 8.0], [80],
                      [[8.0, 7.0]], [[9.0, 9.0]], unit="t CO2e")
           .set_lang("nb"))
    back = pickle.loads(pickle.dumps(rep))
    for fmt in ("text", "json", "html"):
        assert back.render(fmt) == rep.render(fmt)
    rep.close()
    with pytest.raises(gi.InvalidArgumentError):
        pickle.dumps(rep)


def _public_callables():
    """(name, function, doc) of every public function, method and property of
    the package (methods inherited from a greenidx base included)."""
    out = []
    for n, o in sorted(vars(gi).items()):
        if n.startswith("_"):
            continue
        if inspect.isclass(o) and o.__module__.startswith("greenidx") \
                and not issubclass(o, BaseException):
            seen = set()
            for base in o.__mro__:
                if not base.__module__.startswith("greenidx"):
                    continue
                for m, v in vars(base).items():
                    if m in seen or (m.startswith("_") and m != "__init__"):
                        continue
                    seen.add(m)
                    if isinstance(v, property):
                        out.append(("%s.%s" % (n, m), v.fget, v.__doc__))
                    elif isinstance(v, (classmethod, staticmethod)):
                        out.append(("%s.%s" % (n, m), v.__func__, v.__func__.__doc__))
                    elif inspect.isfunction(v):
                        out.append(("%s.%s" % (n, m), v, v.__doc__))
        elif inspect.isfunction(o) and o.__module__.startswith("greenidx"):
            out.append((n, o, o.__doc__))
    return out


def test_every_public_callable_has_type_hints():
    calls = _public_callables()
    assert len(calls) > 200
    missing = []
    for name, f, _ in calls:
        sig = inspect.signature(f)
        for i, p in enumerate(sig.parameters.values()):
            if i == 0 and p.name in ("self", "cls"):
                continue
            if p.annotation is inspect.Parameter.empty:
                missing.append("%s(%s)" % (name, p.name))
        if sig.return_annotation is inspect.Signature.empty:
            missing.append("%s -> ?" % name)
    assert not missing, missing


# A lint, not a proof: a callable that takes or returns numbers must have a
# docstring naming their unit in one of these words.
_UNIT_WORDS = re.compile(
    r"percent|%|t CO2e|tonnes|persons|NOK|currency|calendar year|years?\b|unit|dimensionless|"
    r"fraction|rank|seconds|probabilit|0-1|replication|count|number|whole|standard deviation|"
    r"position|exponent|lambda|correlation|codes?\b", re.I)
_NUMERIC = re.compile(r"\b(int|float|ArrayLike|YearLike|ndarray|Series|DataFrame)\b")


def test_docstrings_state_units():
    undocumented, unitless = [], []
    for name, f, doc in _public_callables():
        if name.endswith(".__init__"):
            continue  # the class docstring documents the constructor
        if not doc:
            undocumented.append(name)
            continue
        sig = inspect.signature(f)
        hints = " ".join(str(p.annotation) for p in sig.parameters.values()) + " " + \
            str(sig.return_annotation)
        if _NUMERIC.search(hints) and not _UNIT_WORDS.search(doc):
            unitless.append(name)
    assert not undocumented, undocumented
    assert not unitless, unitless
    # the units the issue names, where they belong
    def words(f):
        return " ".join(f.__doc__.split())
    assert "t CO2e" in words(gi.IOModel.norway) and "persons" in words(gi.region_employment)
    assert "percent" in words(gi.Model.forecast) and "percent" in words(gi.estimate_effect)
    assert "percent" in words(gi.Model.target) and "NOK million" in words(gi.IOModel.final_demand)
    assert "tonnes CO2e" in words(gi.load_default)


def test_index_results_are_labelled_with_the_latest_year_by_default():
    with gi.Panel(gi.Catalog.default()) as p:
        res = gi.CompositeIndex.from_catalog(p, 0).compute()
    years = res.years
    assert len(years) > 1
    df = res.to_frame()
    assert df.index.name == "uCode" and df.index.is_unique
    assert (df["year"] == max(years)).all()           # the default view: the latest year
    assert df["rank"].is_monotonic_increasing          # best first
    # the ranks and scores Series default to the same year and carry the same labels
    assert res.ranks().index.name == "uCode"
    np.testing.assert_array_equal(df["rank"], res.ranks().loc[df.index])
    np.testing.assert_array_equal(df["score"], res.scores().loc[df.index])
    every = res.to_frame("all")
    assert every.index.names == ["year", "uCode"] and every.index.is_unique
    assert sorted(set(every.index.get_level_values("year"))) == years
    assert every.loc[max(years)].drop(columns=[]).equals(df.drop(columns="year"))
    first = res.to_frame(min(years))
    assert (first["year"] == min(years)).all()
    card = res.scorecard(df.index[0], list(df.index[1:4]))
    assert card.index.name == "node" and res.aggregates[0] in card.index


def test_rank_and_uncertainty_arrays_are_labelled():
    with _asem() as ix:
        res = ix.compute()
        u = ix.uncertainty(n=20, seed=3, sobol=True, normalise=["minmax", "rank"])
    first, total = u.sobol_units()
    assert first.index.name == "uCode" and list(first.index) == res.units
    assert list(first.columns) == ["impute", "normalise", "aggregate", "weights", "exclude"]
    assert u.to_frame().index.name == "uCode"
    # gi.rank keeps a Series' labels; its ranks are the library's (hand-worked:
    # 5, 7, 7, 1 descending -> 3, 1, 1, 4)
    r = gi.rank(pd.Series([5.0, 7.0, 7.0, 1.0], index=pd.Index(list("abcd"), name="region")))
    assert r.index.name == "region" and r.to_dict() == {"a": 3, "b": 1, "c": 1, "d": 4}
    np.testing.assert_array_equal(gi.rank([5, 7, 7, 1]), [3, 1, 1, 4])
    # correlation and PCA of a DataFrame come back labelled by its columns
    x = pd.DataFrame({"u": [1.0, 2, 3, 4], "v": [2.0, 4, 6, 8], "w": [4.0, 1, 3, 2]})
    c = gi.correlation_matrix(x)
    assert list(c.index) == list(c.columns) == ["u", "v", "w"]
    assert c.loc["u", "v"] == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(c.to_numpy(), np.corrcoef(x.to_numpy(), rowvar=False), atol=1e-12)
    sd, prop, load = gi.pca(x)
    assert list(load.index) == ["u", "v", "w"] and list(sd.index) == ["PC1", "PC2", "PC3"]
    assert prop.sum() == pytest.approx(1.0, abs=1e-12)


def test_io_results_are_labelled_with_the_latest_year_by_default():
    m = _mb()
    r = m.shock(np.array([[100.0, 0.0], [0.0, 100.0], [50.0, 50.0]]), first_year=2026, type=2)
    f = r.frame()
    assert f.index.names == ["quantity", "sector"] and f.index.is_unique
    assert set(f["year"]) == {2028}
    # the multiplier column is the model's multipliers, labelled by sector
    np.testing.assert_array_equal(f.loc["output", "multiplier"].loc[m.sectors],
                                  m.multipliers("output", 2).loc[m.sectors])
    assert m.multipliers("output", 2).index.name == "sector"
    assert m.multiplier_table(2).index.name == "quantity"
    every = r.frame("all")
    assert every.index.names == ["year", "quantity", "sector"] and every.index.is_unique
    assert every.loc[2028].equals(f.drop(columns="year"))
    # M&B's type II output multipliers (tests/data/ripple/reference.py) times
    # the 2028 shock of 50 and 50
    tot = f.loc["output", "total"].sum()
    assert tot == pytest.approx(50 * (1.869756292449061 + 1.7538953256092689), rel=1e-12)
    s = r.summary()
    assert s.index.name == "quantity" and s.loc["output", "total"] == pytest.approx(tot, rel=1e-12)


def test_location_quotients_take_the_labels_of_a_series():
    # SLQ by hand: regional shares 100/200, 50/200, 50/200 against national
    # 1000/4000, 2000/4000, 1000/4000 -> 2, 0.5, 1 (dimensionless)
    reg = pd.Series([100.0, 50.0, 50.0], index=pd.Index(["A", "B", "C"]))
    slq = gi.location_quotients(reg, [1000, 2000, 1000], "slq")
    assert slq.index.name == "industry" and list(slq.index) == ["A", "B", "C"]
    np.testing.assert_allclose(slq.to_numpy(), [2.0, 0.5, 1.0], rtol=1e-15)
    flq = gi.location_quotients(reg, [1000, 2000, 1000], "flq", 0.3)
    assert list(flq.index) == list(flq.columns) == ["A", "B", "C"]
    # an array stays an array
    assert isinstance(gi.location_quotients([100, 50, 50], [1000, 2000, 1000], "slq"), np.ndarray)
