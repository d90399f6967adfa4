# Datasets from Python: the embedded Telemark data, JSON-stat, round trip,
# harmonisation and errors. Reference values: tests/data/data/README.md.
import math
import os

import numpy as np
import pytest

import greenidx as gi

DATA = os.path.join(os.environ.get("GIDX_TEST_DATA", ""), "data")


def test_default_data():
    with gi.load_default() as ds:
        # Telemark (17 + county 40) and the population of every other region
        assert len(ds.regions) == 373 and "40" in ds.regions
        # SSB 07459 (data/population/): Trondheim 2022, Bergen 2024
        assert ds.get("5001", 2022, "population")[0] == 210496
        assert ds.get("4601", 2024, "population")[0] == 291940
        assert ds.region_name("4003") == "Skien"
        v, f = ds.get("4003", 2023, "population")
        assert v == 55924 and f == gi.FLAG_OK
        # independent Python sum of the raw rows (reference_sums.py)
        assert ds.get("4003", 2009, "ghg_total")[0] == pytest.approx(165081.66, abs=1e-6)
        years, values, flags = ds.series("4003", "ghg_total")
        assert values[list(years).index(2010)] != values[list(years).index(2010)]  # NaN gap
        assert flags[list(years).index(2010)] == gi.FLAG_MISSING
        df = ds.to_frame()
        assert len(df) == len(ds)
        row = df[(df.region == "4003") & (df.year == 2023) & (df.variable == "population")]
        assert row.value.iloc[0] == 55924 and row.name.iloc[0] == "Skien"
        assert "07459" in ds.meta["source"]


def test_roundtrip(tmp_path):
    ds = gi.load_default()
    ds.set("4003", 2040, "x", 1 / 3, gi.FLAG_PROVISIONAL)
    p = tmp_path / "t.csv"
    ds.write_csv(p)
    back = gi.load_csv(p)
    assert len(back) == len(ds)
    assert back.get("4003", 2040, "x") == (1 / 3, gi.FLAG_PROVISIONAL)


def test_jsonstat_and_harmonise():
    ds = gi.load_jsonstat(os.path.join(DATA, "ssb_07459_population_by_municipality_2022.json"),
                          variable="population")
    assert ds.get("5001", 2022, "population")[0] == 210496
    h = ds.harmonise(drop_unknown=True)
    assert h.meta["harmonise.dropped"] == "21-22,23,Rest"
    total = sum(h.get(r, 2022, "population")[0] for r in h.regions)
    assert total == 5425270
    h.aggregate_counties()
    assert h.region_name("40") == "Telemark"


def test_registry():
    with gi.Registry() as reg:
        e = reg.by_name("skien", year=2009)
        assert e["code"] == "0806" and e["successor"] == "4003" and e["valid_to"] == 2019
        assert reg.by_code("4020")["name"] == "Midt-Telemark"
        with pytest.raises(gi.GreenIdxError) as err:
            reg.by_name("Bø", year=2019)
        assert "ambiguous" in str(err.value)


def test_errors(tmp_path):
    p = tmp_path / "dup.csv"
    p.write_text("region,year,variable,value\n4003,2023,pop,1\n4003,2023,pop,2\n")
    with pytest.raises(gi.GreenIdxError) as err:
        gi.load_csv(p)
    assert "dup.csv:3" in str(err.value)
    with pytest.raises(gi.GreenIdxError):
        gi.load_jsonstat(tmp_path / "missing.json")
