# Drivers of change from Python: the LMDI decomposition as a DataFrame
# (docs/decompose.md). The figures are those asserted in C by
# tests/check_drivers.c and tests/cli/decompose.sh.
import math

import pytest

import greenidx as gi

# gidx_decompose_args and the CSV renderers reach Python through the
# bindings generated from drivers.h; the tests fail, never skip, without them.


@pytest.fixture(scope="module")
def data():
    return gi.load_default()


def test_skien_additive(data):
    df = gi.decompose(data, regions=["Skien"])
    assert list(df.columns) == ["region_code", "region_name", "from", "to", "effect", "sector",
                                "value"]
    tot = df[df.sector == "total"].set_index("effect").value
    # emissions 150016.45 -> 118118.63 t CO2e (data/telemark, 2016-2024)
    assert tot["total"] == pytest.approx(-31897.82, abs=1e-6)
    # perfect decomposition: the four effects sum to the change (1e-9 of the level)
    assert abs(tot[list(gi.EFFECTS[:4])].sum() - tot["total"]) < 1e-9 * 150016.45
    assert tot["intensity"] == pytest.approx(-34129.89, abs=0.01)
    per = df.attrs["periods"]
    assert per.loc[0, "tapio"] == "strong_decoupling"
    assert (per.loc[0, "from"], per.loc[0, "to"]) == (2016, 2024)


def test_multiplicative_and_chained(data):
    df = gi.decompose(data, regions=["Telemark"], chained=True, form="multiplicative")
    per = df.attrs["periods"]
    assert len(per) == 7                      # 2016-2023, year by year
    for _, p in per.iterrows():
        rows = df[(df["from"] == p["from"]) & (df.sector == "total") & (df.effect != "total")]
        assert math.prod(rows.value) == pytest.approx(p.emissions_to / p.emissions_from, rel=1e-9)


def test_cases_and_errors(data):
    df = gi.decompose(data, regions=["40"])
    cases = df.attrs["cases"]
    assert "derived_residual" in set(cases.kind)
    with pytest.raises(gi.InvalidArgumentError):
        gi.decompose(data, regions=["Skien"], from_year=2024, to_year=2016)
    with pytest.raises(gi.DataError, match="2012"):
        gi.decompose(data, regions=["Skien"], from_year=2012)
