# Indicators from Python: the built-in catalogue, a panel on the Telemark
# subset checked against the independent computation, reasons for missing
# values, validation against the numpy reference, errors as exceptions.
import math

import numpy as np
import pandas as pd
import pytest

import greenidx as gi


@pytest.fixture(scope="module")
def telemark(test_data):
    return pd.read_csv(test_data / "indicators" / "telemark_subset_long.csv")


def test_default_catalogue_is_the_file(source_root):
    cat = gi.Catalog.default()
    assert len(cat) >= 25
    text = (source_root / "data" / "catalog" / "default.json").read_text(encoding="utf-8")
    assert cat.to_json() == text
    frame = cat.to_frame()
    assert set(frame["pillar"]) >= {"environment", "economy", "innovation", "energy", "social"}
    assert cat.targets()["bergen"]["cut_percent"] == 85.0


def test_catalogue_round_trip(tmp_path):
    cat = gi.Catalog.default()
    cat.set_formula("green_jobs", "sum(employment_utilities, employment_construction)")
    path = tmp_path / "c.json"
    cat.save(path)
    back = gi.Catalog.load(path)
    assert back.to_json() == cat.to_json()
    ind = {d["id"]: d for d in back.indicators()}
    assert ind["green_jobs"]["formula"] == "sum(employment_utilities, employment_construction)"


def test_panel_matches_independent_computation(telemark, test_data):
    panel = gi.Panel(gi.Catalog.default(), telemark)
    got = panel.to_frame()
    want = pd.read_csv(test_data / "indicators" / "expected_telemark.csv",
                       dtype={"region_code": str})
    m = want.merge(got, on=["region_code", "year", "indicator"], suffixes=("_want", ""))
    assert len(m) == len(want)
    # Same sums in a different order, and a CSV round trip at 17 digits.
    np.testing.assert_allclose(m["value"], m["value_want"], rtol=1e-12, atol=1e-12)
    gdp = got[(got.indicator == "ghg_per_gdp") & (got.region_code == "4003")]
    assert gdp["value"].isna().all()
    # The first missing operand gives the reason: ghg_total before 2009, gdp after.
    assert gdp[gdp.year == 2023]["reason"].item() == "variable gdp not in dataset"
    assert gdp[gdp.year == 2010]["reason"].item() == "ghg_total missing for 4003 2010"
    assert panel.nmissing > 0
    assert set(panel.to_frame("notodden")["region_code"]) == {"4005"}
    with pytest.raises(gi.NotFoundError):
        panel.to_frame("Bergen")
    skien = panel.to_csv("Skien")
    assert skien.startswith("region_code,region_name,year,indicator,value\n")
    assert "Porsgrunn" not in skien


def test_validation_reference():
    # The hand-made panel of validation_reference.py: alpha 0.96551724137931028.
    a = [1, 2, 3, 4, 5, 6, 7, 8]
    b = [2, 1, 4, 3, 6, 5, 8, 9]
    c = [8, 6, 7, 5, 3, 4, 1, 2]
    rows = []
    for k in range(8):
        for var, vals in (("A", a), ("B", b), ("C", c)):
            rows.append(("99%02d" % (k + 1), 2020, var, float(vals[k])))
    data = pd.DataFrame(rows, columns=["region", "year", "variable", "value"])
    cat = gi.Catalog.from_json(
        '{"variables": [{"name": "A"}, {"name": "B"}, {"name": "C"}], "indicators": ['
        '{"id": "a", "formula": "A", "pillar": "p", "direction": "higher_better"},'
        '{"id": "b", "formula": "B", "pillar": "p", "direction": "higher_better"},'
        '{"id": "c", "formula": "C", "pillar": "p", "direction": "lower_better"}]}')
    with gi.Panel(cat, data) as panel:
        report = panel.validate()
        assert report.alpha("p") == pytest.approx(0.96551724137931028, rel=1e-12)
        assert report.alpha("p", standardized=True) == pytest.approx(0.96815347317626854, rel=1e-12)
        f = report.findings()
        assert sorted(f[f.check == "redundant"]["indicator"]) == ["a", "a"]
        loose = panel.validate(r_limit=0.95).findings()
        assert (loose.check == "redundant").sum() == 0     # |r| = 0.932, 0.929 < 0.95
        assert math.isclose(f[f.check == "redundant"]["value"].abs().max(),
                            0.93205464900180013, rel_tol=1e-12)
        assert "cronbach_alpha,p,,," in report.to_csv()
        with pytest.raises(gi.NotFoundError):
            report.alpha("nope")


def test_errors_raise_with_c_message(tmp_path):
    with pytest.raises(gi.ParseError) as info:
        gi.Catalog.from_json('{"indicators": [{"id": "a", "formula": "(x"}]}')
    assert "column 3" in str(info.value)
    with pytest.raises(gi.GreenIdxError) as info:
        gi.Catalog.from_json('{"variables": [{"name": "x"}], "indicators": ['
                             '{"id": "a", "formula": "b"}, {"id": "b", "formula": "a + x"}]}')
    assert "circular reference between indicators: a -> b -> a" in str(info.value)
    with pytest.raises(gi.FileError):
        gi.Catalog.load(tmp_path / "missing.json")
    with pytest.raises(KeyError):
        gi.Panel(gi.Catalog.default(), pd.DataFrame({"region": ["1"]}))


def test_embedded_data_acceptance(test_data):
    # No data argument: the embedded Telemark data, against the raw-file computation.
    got = gi.Panel(gi.Catalog.default()).to_frame()
    want = pd.read_csv(test_data / "indicators" / "expected_telemark.csv",
                       dtype={"region_code": str})
    m = want.merge(got, on=["region_code", "year", "indicator"], suffixes=("_want", ""))
    assert len(m) == len(want)
    assert (m["region_name"] == m["region_name_want"]).all()
    np.testing.assert_allclose(m["value"], m["value_want"], rtol=1e-12, atol=1e-12)


def test_columnar_data_errors_and_missing():
    """The DataFrame reaches the library as columns, not text: a repeated
    cell names both rows, NaN is a missing value with its reason, an empty
    region is refused."""
    cat = gi.Catalog.from_json('{"variables": [{"name": "A"}, {"name": "B"}], "indicators": ['
                               '{"id": "r", "formula": "A / B"}]}')
    df = pd.DataFrame({"region": ["4003", "4003", "4003", "4003"], "year": [2020, 2020, 2021, 2021],
                       "variable": ["A", "B", "A", "B"], "value": [6.0, 3.0, float("nan"), 2.0]})
    with gi.Panel(cat, df) as panel:
        f = panel.to_frame()
        assert f["region_name"].tolist() == ["Skien", "Skien"]   # named from the registry
        assert f["value"].iloc[0] == 2.0
        assert math.isnan(f["value"].iloc[1])
        assert "A missing for 4003 2021" in f["reason"].iloc[1]
    dup = pd.concat([df, df.iloc[[1]]], ignore_index=True)
    with pytest.raises(gi.DuplicateError) as e:
        gi.Panel(cat, dup)
    assert "row 4" in str(e.value) and "row 1" in str(e.value)
    bad = df.copy()
    bad.loc[2, "region"] = ""
    with pytest.raises(gi.DataError) as e:
        gi.Panel(cat, bad)
    assert "row 2" in str(e.value)


def test_formula_handle(test_data):
    """One formula from Python: value, reason and the whole grid, against the
    independent computation of expected_telemark.csv."""
    want = pd.read_csv(test_data / "indicators" / "expected_telemark.csv", dtype={"region_code": str})
    w = want[want.indicator == "ghg_per_capita"].set_index(["region_code", "year"])["value"]
    f = gi.Formula("ghg_total / population")
    assert f.variables == ["ghg_total", "population"] and str(f) == "ghg_total / population"
    ds = gi.load_default()
    v, why = f.evaluate(ds, "4003", 2023)
    assert why is None and v == pytest.approx(w[("4003", 2023)], rel=1e-13)
    v, why = gi.Formula("ghg_total / gdp").evaluate(ds, "4003", 2023)
    assert math.isnan(v) and why == "variable gdp not in dataset"
    g = f.to_frame(ds).set_index(["region", "year"])
    got = g.loc[w.index, "value"]
    np.testing.assert_allclose(got.to_numpy(), w.to_numpy(), rtol=1e-12)
    assert g.loc[("4003", 2026), "reason"] == "ghg_total missing for 4003 2026"
    with pytest.raises(gi.ParseError) as e:
        gi.Formula("(x")
    assert "column 3" in str(e.value)
