# Regression tests of the Python findings of issues #17 and #19 (item 10),
# one per finding, each the call that failed or misled.
import pickle  # noqa: F401  (kept for the pickling findings added later)

import numpy as np
import pytest

import greenidx as gi


def test_a_nul_inside_a_region_code_raises():
    # #19.10: Dataset.set('40\x0001', ...) stored region '40'
    d = gi.Dataset()
    with pytest.raises(ValueError, match="NUL"):
        d.set("40\x0001", 2020, "v", 1.0)
    assert d.regions == []


def test_a_nul_inside_a_path_raises(tmp_path):
    # #19.10: load_csv with a NUL in the path loaded the truncated path
    good = tmp_path / "x.csv"
    good.write_text("region,year,variable,value\n4001,2020,v,1\n")
    with pytest.raises(ValueError, match="NUL"):
        gi.load_csv(str(good) + "\x00.ignored")


def test_write_file_takes_bytes(tmp_path):
    # #19.10: gi.write_file(path, b'\xff') raised UnicodeDecodeError
    p = tmp_path / "raw.bin"
    gi.write_file(p, b"\xff\x00\x01")
    assert p.read_bytes() == b"\xff\x00\x01"
    gi.write_file(p, "blå")
    assert p.read_bytes() == "blå".encode("utf-8")


def _closed(obj):
    obj.close()
    return obj


@pytest.mark.parametrize("make,use", [
    (lambda: gi.Catalog.default(), lambda c: len(c)),
    (lambda: gi.Registry(), lambda r: len(r)),
    (lambda: gi.Formula("ghg_total / population"), lambda f: f.variables),
    (lambda: gi.Model("naive").fit([2000, 2001, 2002, 2003], [1.0, 2, 3, 4]), lambda m: m.name),
    (lambda: gi.IOModel.from_coefficients([[0.1, 0.2], [0.3, 0.1]]), lambda m: len(m)),
    (lambda: gi.Panel(gi.Catalog.default(), gi.load_default()), lambda p: p.nmissing),
    (lambda: gi.Panel(gi.Catalog.default(), gi.load_default()).validate(), lambda v: len(v)),
    (lambda: gi.CompositeIndex.from_catalog(gi.Panel(gi.Catalog.default(), gi.load_default()),
                                            2023).compute(), lambda r: r.units),
], ids=["Catalog", "Registry", "Formula", "Model", "IOModel", "Panel", "Validation",
        "IndexResult"])
def test_a_closed_object_raises(make, use):
    # #19.10: after close() these returned 0, None or empty
    obj = make()
    assert use(obj) not in (None, 0, [])
    with pytest.raises(gi.InvalidArgumentError, match="closed"):
        use(_closed(obj))


def test_generated_layer_raises_the_status_as_its_exception():
    # #17.0: a negative gidx_status is the GreenIdxError subclass of its code
    from greenidx import capi
    ds = capi.gidx_dataset_load_default()
    with pytest.raises(gi.NotFoundError, match="Nowhere"):
        capi.gidx_dataset_find_region(ds, "Nowhere")
    # the size query: the rendered catalogue comes back whole
    text = capi.gidx_catalog_render(capi.gidx_catalog_default(), 0)
    assert text.startswith("Catalogue default:")
    # a capacity too small is a BufferSizeError naming the room needed
    with pytest.raises(gi.BufferSizeError, match="need room for"):
        capi.gidx_dataset_series(1, ds, "4001", capi.gidx_dataset_variable(ds, 0))
    # an output buffer: values and flags of one region's series
    n = capi.gidx_dataset_nyears(ds)
    values, flags = capi.gidx_dataset_series(n, ds, "4001", "ghg_other_mobile")
    assert values.shape == (n,) and flags.dtype == np.intc
    assert np.isnan(values[flags == 1]).all()


def test_panel_takes_the_packages_own_dataset():
    # #17.3: gi.Panel(cat, ds) failed on an AttributeError; the embedded data
    # as a Dataset gives the panel of the embedded data (an invariant)
    cat = gi.Catalog.default()
    with gi.Panel(cat) as a, gi.Panel(cat, gi.load_default()) as b:
        assert a.nmissing == b.nmissing
        fa, fb = a.to_frame(), b.to_frame()
        assert fa.shape == fb.shape
        np.testing.assert_array_equal(fa["value"].to_numpy(), fb["value"].to_numpy())


def test_levels_are_percent_and_fractions_are_converted():
    # #17.2: levels=(0.8, 0.95) gave intervals 0.002 wide named lo0.8
    years = list(range(2005, 2021))
    y = [10.0, 10.4, 10.1, 10.9, 11.3, 11.0, 11.8, 12.1, 12.0, 12.6, 13.1, 12.9, 13.6, 14.0,
         13.8, 14.5]
    pct = gi.forecast(years, y, 4, method="ets", levels=(80, 95))
    frac = gi.forecast(years, y, 4, method="ets", levels=(0.8, 0.95))
    assert list(frac.columns) == list(pct.columns)
    assert "lo80" in frac.columns and "hi95" in frac.columns
    np.testing.assert_array_equal(frac.to_numpy(), pct.to_numpy())
    # an 80 % interval is wider than a few thousandths
    assert (pct["hi80"] - pct["lo80"]).min() > 0.1
    for bad in (0, 100, 120, -5, float("nan")):
        with pytest.raises(gi.InvalidArgumentError, match="percentage"):
            gi.forecast(years, y, 4, method="ets", levels=(bad,))


def test_horizon_zero_names_the_horizon():
    # #17.2: h = 0 said "NULL argument"
    with pytest.raises(gi.InvalidArgumentError, match="horizon 0"):
        gi.forecast([2000, 2001, 2002, 2003], [1.0, 2, 3, 4], 0, method="naive")


def test_effect_level_accepts_percent_and_fraction():
    # #17.2: level = 90 was refused as "not in (0, 1)"
    from greenidx import capi
    o = capi.gidx_effect_options()
    assert capi.gidx_level_normalize(90) == 90 and capi.gidx_level_normalize(0.9) == 90
    assert o.level == 0


def test_unknown_se_kind_names_the_choices():
    # #17.2: se="clustered" gave "kind -2147483648" (R) / a bare KeyError
    panel = gi.EffectPanel(["a", "a", "b", "b"], [1, 2, 1, 2])
    panel.add("y", [1.0, 2.0, 3.0, 4.0])
    with pytest.raises(gi.InvalidArgumentError, match="se='clustered': must be one of"):
        gi.estimate_effect(panel, "did", "y", treated=["b"], treat_time=2, se="clustered")


def test_one_name_is_a_str_and_several_any_sequence():
    # #17.3: gi.roadmap(regions="Skien") looked for region "S";
    # panel.to_frame(region=[...]) refused a list
    one = gi.roadmap(regions="Skien", mc=20).render("text")
    also = gi.roadmap(regions=["Skien"], mc=20).render("text")
    assert "Skien" in one and one == also
    with gi.Panel(gi.Catalog.default()) as p:
        both = p.to_frame(region=["Skien", "4003"])
        assert set(both["region_name"]) == {"Skien"}
        two = p.to_frame(region=("Skien", "Porsgrunn"))
        assert set(two["region_name"]) == {"Skien", "Porsgrunn"}
        with pytest.raises(gi.NotFoundError, match="Atlantis"):
            p.to_frame(region=["Skien", "Atlantis"])


def test_dates_and_datetimes_are_read_as_years():
    # #17.2: date or datetime year columns gave 0 rows and no error
    import datetime
    import pandas as pd
    years = list(range(2005, 2021))
    y = [10.0, 10.4, 10.1, 10.9, 11.3, 11.0, 11.8, 12.1, 12.0, 12.6, 13.1, 12.9, 13.6, 14.0,
         13.8, 14.5]
    base = pd.DataFrame({"series_id": "a", "timestamp": years, "value": y})
    want, _ = gi.forecast_many(base, 3, method="ets")
    for stamps in (pd.to_datetime([str(t) for t in years]),            # datetime64
                   [datetime.date(t, 1, 1) for t in years],            # date
                   [datetime.datetime(t, 6, 30, 12) for t in years]):  # datetime
        got, errors = gi.forecast_many(base.assign(timestamp=stamps), 3, method="ets")
        assert errors == {} and len(got) == 3
        pd.testing.assert_frame_equal(got, want)
    # a fraction of a year is refused, naming it
    with pytest.raises(gi.DataError, match="2005.5"):
        gi.forecast_many(base.assign(timestamp=[t + 0.5 for t in years]), 3, method="ets")
    # the indicator panel from a dataset frame whose years are dates
    frame = gi.load_default().to_frame()[["region", "year", "variable", "value"]]
    dated = frame.assign(year=pd.to_datetime(frame["year"].astype(str)))
    cat = gi.Catalog.default()
    with gi.Panel(cat, frame) as a, gi.Panel(cat, dated) as b:
        np.testing.assert_array_equal(a.to_frame()["value"].to_numpy(),
                                      b.to_frame()["value"].to_numpy())


def test_forecast_many_reads_the_packages_own_tables():
    # #17.3: forecast_many's default column names matched none of the
    # package's own tables (series_id/timestamp only)
    with gi.Panel(gi.Catalog.default()) as p:
        panel = p.to_frame(region="Skien")
    panel = panel[panel["indicator"].isin(panel["indicator"].unique()[:3])].dropna(subset=["value"])
    fc, errors = gi.forecast_many(panel, 2, method="naive")
    assert {"region_code", "indicator", "year", "mean"} <= set(fc.columns)
    assert set(fc["indicator"]) | set(k[1] for k in errors) == set(panel["indicator"])
    # the same numbers as one series at a time
    for ind, grp in fc.groupby("indicator"):
        s = panel[panel["indicator"] == ind].sort_values("year")
        one = gi.forecast(s["year"].to_numpy(), s["value"].to_numpy(), 2, method="naive")
        np.testing.assert_array_equal(grp["mean"].to_numpy(), one["mean"].to_numpy())


def test_accuracy_errors_name_their_cause():
    # #17.2: gi.accuracy said "gidx_fc_method_parse: NULL argument"
    with pytest.raises(gi.InvalidArgumentError) as info:
        gi.accuracy([1.0, 2.0, 3.0], [1.0, 2.0], [1.0, 2.0, 3.0, 4.0])
    assert "fc and actual differ in length" in str(info.value)
    assert "gidx_fc_method_parse" not in str(info.value)
    # a hand-worked case: actual (2, 4), forecast (1, 5), in-sample naive scale
    # mean |diff| of (1, 3, 5) = 2: MASE = mean(1, 1) / 2 = 0.5;
    # sMAPE = mean(200 * 1/3, 200 * 1/9) = 44.44...
    r = gi.accuracy([2.0, 4.0], [1.0, 5.0], [1.0, 3.0, 5.0], lo=[0.0, 0.0], hi=[3.0, 3.0])
    assert r["mase"] == pytest.approx(0.5, rel=1e-12)
    assert r["smape"] == pytest.approx((200 / 3 + 200 / 9) / 2, rel=1e-12)
    assert r["coverage"] == pytest.approx(0.5, rel=1e-12)


def test_index_result_shows_the_latest_year_with_a_year_column():
    # #17.3: CompositeIndex...compute().to_frame() showed the first year (2020)
    # and had no year column
    with gi.Panel(gi.Catalog.default()) as p:
        res = gi.CompositeIndex.from_catalog(p, 0).compute()
        years = res.years
        assert len(years) > 1
        df = res.to_frame()
        assert (df["year"] == max(years)).all()
        first = res.to_frame(year=min(years))
        assert (first["year"] == min(years)).all()
        latest = df["score"]  # indexed by uCode since #17's labelled frames (pyconv)
        np.testing.assert_array_equal(latest.loc[res.units].to_numpy(),
                                      res.scores(None, max(years)))


def test_a_dataset_pickles_bit_for_bit():
    # #17: objects could not be pickled, though docs/bindings.md recommends
    # processes for parallel work
    d = gi.load_default()
    back = pickle.loads(pickle.dumps(d))
    assert back.regions == d.regions and back.variables == d.variables
    assert back.meta == d.meta
    assert back.region_name("4003") == d.region_name("4003") == "Skien"
    a, b = d.to_frame(), back.to_frame()
    assert a["value"].to_numpy().tobytes() == b["value"].to_numpy().tobytes()
    assert (a["flag"] == b["flag"]).all()
    assert repr(d).startswith("<greenidx.Dataset: %d regions" % len(d.regions))
    d.close()
    assert repr(d) == "<greenidx.Dataset, closed>"
    assert repr(gi.Catalog.default()) == "<greenidx.Catalog 'default': 31 indicators, 4 targets>"
