# Issue #17 findings in the ripple, drivers and fetch modules, one test
# each, in Python (bindC). The figures: Miller & Blair (2009) table 2.1
# (the same as tests/python/test_ripple.py), Skien's LMDI decomposition
# 2016-2024 (as tests/python/test_drivers.py and tests/check_drivers.c) and
# SSB's input-output table 2021 embedded in the library.
import datetime
import pickle

import numpy as np
import pytest

import greenidx as gi

Z = np.array([[150.0, 500.0], [200.0, 100.0]])
X = np.array([1000.0, 2000.0])
SECTORS = ["Agriculture", "Manufacturing"]


@pytest.fixture
def mb():
    with gi.IOModel.from_flows(Z, X, SECTORS) as m:
        yield m


@pytest.fixture(scope="module")
def data():
    return gi.load_default()


def test_one_region_is_a_str_never_its_letters(data):
    # gi.roadmap(regions="Skien") looked for region "S"; decompose did the same
    one = gi.decompose(data, regions="Skien")
    assert set(one.region_name) == {"Skien"}
    listed = gi.decompose(data, regions=("Skien",))
    assert one.equals(listed)
    tot = one[one.sector == "total"].set_index("effect").value
    assert tot["total"] == pytest.approx(-31897.82, abs=1e-6)   # t CO2e, 2016-2024
    # a single sector name is one name too (a one-sector model)
    m = gi.IOModel.from_flows([[10.0]], [100.0], "Everything")
    assert m.sectors == ["Everything"]
    assert gi.fetch_query_url("07459", {"Region": "5001"}).endswith("valueCodes[Region]=5001")


def test_multipliers_and_inverses_are_labelled_by_sector(mb):
    L = mb.leontief()
    assert list(L.index) == SECTORS and list(L.columns) == SECTORS
    assert L.index.name == "sector"
    # Miller & Blair table 2.1: L = [[1.254125, 0.330033], [0.264026, 1.122112]] (6 digits)
    assert L.loc["Manufacturing", "Agriculture"] == pytest.approx(0.264026, abs=5e-7)
    m = mb.multipliers()
    assert m["Agriculture"] == pytest.approx(1.518152, abs=5e-7)
    assert m["Manufacturing"] == pytest.approx(1.452145, abs=5e-7)
    t = mb.multiplier_table()
    assert list(t.index) == ["output", "employment", "value_added", "labour_income", "emissions"]
    assert list(t.columns) == SECTORS
    # the column sums of L are the output multipliers: the same numbers, labelled alike
    assert (L.sum(axis=0) - m).abs().max() < 1e-12
    r = mb.shock({"Agriculture": 600.0, "Manufacturing": 1500.0})
    assert r.get("output", "total")["Manufacturing"] == pytest.approx(1841.6, abs=0.05)


def test_every_class_has_a_repr_and_html(mb, data):
    r = mb.shock({"Agriculture": 600.0, "Manufacturing": 1500.0})
    fr = gi.FetchResult("region,year,variable,value,flag\n5001,2022,population,210496,\n",
                        {"07459.updated": "2022-02-24T07:00:00Z"}, {"requests": 1})
    for obj, text in [(mb, "IOModel: 2 sectors"), (r, "IOResult: type 1, 2 sectors, 1 year"),
                      (gi.DriversMapping(), "DriversMapping"),
                      (fr, "FetchResult: 1 values, 1 regions, 1 variables, 2022-2022")]:
        assert text in repr(obj), repr(obj)
        assert "<" in obj._repr_html_() and "object at 0x" not in repr(obj)
    assert "output effect 3089.1" in repr(r)       # 1247.5 + 1841.6 (M&B table 2.1)
    mb.close()
    assert repr(mb) == "<greenidx.IOModel, closed>"


def test_value_objects_pickle_bit_for_bit(mb, data):
    mb.set_satellite("employment", [20.0, 30.0])          # persons
    r = mb.shock(np.array([[100.0, 0.0], [0.0, 100.0]]), first_year=2026)
    for obj in (mb, r):
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
    back = pickle.loads(pickle.dumps(mb))
    assert back.multipliers("employment").equals(mb.multipliers("employment"))
    rb = pickle.loads(pickle.dumps(r))
    assert rb.frame("all").equals(r.frame("all"))
    nor = gi.IOModel.norway(2021)
    nb = pickle.loads(pickle.dumps(nor))
    assert nb.leontief(2).equals(nor.leontief(2)) and nb.note == nor.note
    reg, year = nor.regionalise_region(data, "Skien")
    rb, _ = pickle.loads(pickle.dumps((reg, year)))
    assert rb.multiplier_table().equals(reg.multiplier_table())
    dm = pickle.loads(pickle.dumps(gi.DriversMapping()))
    assert dm.sectors() == gi.DriversMapping().sectors()
    df = gi.decompose(data, regions="Skien")
    assert pickle.loads(pickle.dumps(df)).equals(df)


def test_units_are_stated():
    assert gi.UNITS["emissions"] == "t CO2e" and gi.UNITS["employment"] == "persons"
    assert "NOK million" in gi.IOModel.norway.__doc__
    assert "persons" in gi.IOModel.multipliers.__doc__
    assert "t CO2e" in gi.IOModel.multipliers.__doc__
    m = gi.IOModel.norway(2021)
    f = m.shock({"RF": 100.0}, type=2).frame()
    # the frame is indexed by (quantity, sector) since #17's labelled frames (pyconv)
    assert set(f.loc["emissions", "unit"]) == {"t CO2e"}
    assert set(f.loc["output", "unit"]) == {"NOK million"}


def test_summary_and_plot(mb, data):
    import matplotlib
    matplotlib.use("Agg")
    r = mb.shock({"Agriculture": 600.0, "Manufacturing": 1500.0})
    s = r.summary()
    # direct = the final demand, total = M&B's x (1247.5 + 1841.6 to 0.1)
    assert s.loc["output", "direct"] == pytest.approx(2100.0, abs=1e-9)
    assert s.loc["output", "total"] == pytest.approx(3089.1, abs=0.1)
    ax = r.plot("output")
    assert len(ax.patches) == 2 * 3                 # 2 sectors x direct/indirect/induced
    sm = mb.summary()
    assert sm.loc["Agriculture", "output_multiplier"] == pytest.approx(1.518152, abs=5e-7)
    assert len(mb.plot().patches) == 2
    df = gi.decompose(data, regions="Skien")
    tot = gi.summarise_decomposition(df)
    assert tot.loc[("Skien", 2016, 2024), "total"] == pytest.approx(-31897.82, abs=1e-6)
    ax = gi.plot_decomposition(df)
    assert len(ax.patches) == 4 and ax.get_ylabel() == "t CO2e"


def test_default_view_is_the_latest_year_with_a_year_column(mb):
    r = mb.shock(np.array([[100.0, 0.0], [0.0, 100.0], [50.0, 50.0]]), first_year=2026)
    f = r.frame()
    assert set(f.year) == {2028}
    first = r.frame(2026)
    assert set(first.year) == {2026}
    # the year 2028 shock is the mean of the two before (linearity)
    # frames are indexed by (quantity, sector) since #17's labelled frames (pyconv)
    out = f.loc["output", "total"]
    o0 = first.loc["output", "total"]
    o1 = r.frame(2027).loc["output", "total"]
    assert (out - 0.5 * (o0 + o1)).abs().max() < 1e-9
    assert list(r.path().index) == [2026, 2027, 2028]
    # a fetch result's default view: each region's latest year, with its year
    fr = gi.FetchResult("region,year,variable,value,flag\n5001,2021,population,205332,\n"
                        "5001,2022,population,210496,\n", {}, {"requests": 0})
    latest = fr.latest()
    assert latest.loc[("5001", "population"), "year"] == 2022
    assert latest.loc[("5001", "population"), "value"] == 210496.0   # SSB 07459, 1 Jan 2022


def test_dates_and_datetimes_are_years(mb, data):
    assert gi.IOModel.norway(datetime.date(2021, 1, 1)).year == 2021
    r = mb.shock(np.ones((2, 2)), first_year=datetime.datetime(2030, 6, 30))
    assert r.years == [2030, 2031]
    assert r.get(year=datetime.date(2031, 1, 1)).equals(r.get(year=2031))
    a = gi.decompose(data, regions="Skien", from_year=2016, to_year=2024)
    b = gi.decompose(data, regions="Skien", from_year=datetime.date(2016, 1, 1),
                     to_year=datetime.datetime(2024, 12, 31))
    assert a.equals(b)
    url = gi.fetch_query_url("07459", years=(datetime.date(2021, 1, 1),
                                             datetime.datetime(2022, 12, 31)))
    assert url.endswith("valueCodes[Tid]=2021,2022")
    v, y = gi.region_employment(data, "Skien", datetime.date(2023, 1, 1))
    assert y == 2023 and v == gi.region_employment(data, "Skien", 2023)[0]


def test_a_misspelt_region_raises_not_found(data):
    with pytest.raises(gi.NotFoundError, match="Skein"):
        gi.region_employment(data, "Skein")
    with pytest.raises(gi.NotFoundError, match="Skein"):
        gi.decompose(data, regions="Skein")
    with pytest.raises(gi.NotFoundError, match="Skein"):
        gi.IOModel.norway(2021).regionalise_region(data, "Skein")
