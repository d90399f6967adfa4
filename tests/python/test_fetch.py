# Fetch from Python against the local PxWebApi test server
# (tests/data/fetch/server.py on 127.0.0.1; never the internet): recorded SSB
# answers, the cache and offline mode, SSB's error texts as exceptions,
# retries after 429 with Retry-After, and request splitting.
import os
import pathlib
import subprocess
import tempfile
import time

import pytest

import greenidx as gi


def _server(test_data, *extra):
    tmp = tempfile.mkdtemp(prefix="gidx-py-fetch-")
    portfile = pathlib.Path(tmp) / "port"
    proc = subprocess.Popen(["/usr/bin/python3", str(test_data / "fetch" / "server.py"),
                             str(portfile)] + list(extra))
    try:
        for _ in range(200):
            if portfile.exists() and portfile.read_text():
                break
            time.sleep(0.05)
        else:
            raise RuntimeError("test server did not start")
        yield "http://127.0.0.1:%s/api/pxwebapi/v2" % portfile.read_text()
    finally:
        proc.terminate()
        proc.wait()


@pytest.fixture(scope="module")
def api(test_data):
    yield from _server(test_data)


@pytest.fixture(scope="module")
def api_real(test_data):
    # tables 07459, 13470, 14490, 07849 from real figures, parameters checked
    yield from _server(test_data, "--real")


def test_default_catalogue_records_give_the_embedded_figures(api_real, source_root, tmp_path):
    # The default catalogue's fetch records through the binding (which runs
    # the items with gidx_fetch_plan_run): Skien's SSB variables equal the
    # embedded Telemark data (SSB 07459, 13470, 14490) in every fetched year.
    cat = pathlib.Path(source_root) / "data" / "catalog" / "default.json"
    r = gi.fetch(regions=["4003", "4001"], catalog=cat, years=(2016, 2024), api=api_real)
    path = tmp_path / "f.csv"
    r.to_csv(path)
    with gi.load_csv(str(path)) as got, gi.load_default() as emb:
        n = 0
        for var in ("population", "employment_total", "employment_manufacturing",
                    "employment_unknown", "electricity_total", "electricity_cabins"):
            for year in range(2016, 2025):
                v, f = got.get("4003", year, var)
                if f != gi.FLAG_OK:
                    continue
                assert v == emb.get("4003", year, var)[0], (var, year)
                n += 1
        assert n >= 6 * 5 - 4


def test_presets_and_counties():
    assert gi.fetch_preset("partners") == ["5001", "4601", "5035", "4624", "50", "46"]
    with pytest.raises(gi.NotFoundError, match="friends"):
        gi.fetch_preset("friends")
    # Vestland has 43 municipalities since 2024 (SSB KLASS 131)
    v = gi.county_regions("46")
    assert len(v) == 43 and "4601" in v and "4624" in v
    with pytest.raises(gi.NotFoundError):
        gi.county_regions("5001")


def test_query_url():
    url = gi.fetch_query_url("07459", {"Region": ["5001", "4601"], "ContentsCode": "Personer1"},
                             {"Region": "agg_KommSummer"}, years=(2021, 2022))
    assert url == ("https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no"
                   "&outputFormat=json-stat2&valueCodes[Region]=5001,4601"
                   "&codelist[Region]=agg_KommSummer&valueCodes[ContentsCode]=Personer1"
                   "&valueCodes[Tid]=2021,2022")
    with pytest.raises(gi.InvalidArgumentError, match="07/459"):
        gi.fetch_query_url("07/459")


def test_catalog_cache_offline(api, test_data, tmp_path):
    cat = test_data / "fetch" / "catalog.json"
    with gi.fetch(preset="partners", catalog=cat, years=(2021, 2022), api=api,
                  cache=tmp_path / "c") as r:
        df = r.frame
        row = df[(df.region == "5001") & (df.year == 2022) & (df.variable == "population")]
        assert row.value.tolist() == [210496.0]   # SSB 07459, 1 January 2022
        a = df[(df.region == "4624") & (df.year == 2021) & (df.variable == "synth_a")]
        assert a.value.iloc[0] == pytest.approx(4624.21, abs=1e-9)   # server formula
        assert r.meta["07459.updated"] == "2022-02-24T07:00:00Z"
        assert r.meta["SYNTH.cache"] == "miss"
        assert r.stats["requests"] == 2 and r.stats["cache_writes"] == 2
    r2 = gi.fetch(preset="partners", catalog=cat, years=(2021, 2022), api=api,
                  cache=tmp_path / "c", offline=True)
    assert r2.stats["requests"] == 0 and r2.stats["cache_hits"] == 2
    assert r2.csv == r.csv
    with pytest.raises(gi.NotFoundError, match="offline"):
        gi.fetch(regions=["5001"], tables=["SYNTH"], years=2022, api=api,
                 cache=tmp_path / "c", offline=True)


def test_errors_retry_split(api, test_data):
    with pytest.raises(gi.NotFoundError, match="No table with id NOPE"):
        gi.fetch(regions="5001", tables="NOPE", years=2022, api=api)
    with pytest.raises(gi.InvalidArgumentError, match="Non-existent value '123'"):
        gi.fetch(regions="123", tables="SYNTH", years=2022, api=api)
    with pytest.raises(gi.NetworkError, match="HTTP 503 after 1 retries"):
        gi.fetch(regions="5001", tables="BUSY", years=2022, api=api, retries=1, backoff=0.01)
    with pytest.raises(gi.NetworkError, match="timed out"):
        gi.fetch(regions="5001", tables="SLOW", years=2022, api=api, timeout=0.3)
    r = gi.fetch(regions=["4601", "46"], tables="RATE", years=(2020, 2021), api=api,
                 backoff=0.01, backoff_max=5)
    assert r.stats["retries"] == 1 and r.stats["waited"] == 1.0   # Retry-After: 1
    assert len(r.frame) == 2 * 2 * 2
    # the SYNTH query of the catalogue: 6 regions x 2 variables x 2 years =
    # 24 cells, at most 8 per request -> 3 requests of 2 regions; 07459
    # selects Kjonn=* (an expression), so its lower bound 6 x 1 x 2 = 12
    # cells -> 2 requests of 4 (the recorded answer is the same each time)
    r = gi.fetch(preset="partners", catalog=test_data / "fetch" / "catalog.json",
                 years=(2020, 2021), api=api, max_cells=8)
    assert r.stats["requests"] == 5 and r.stats["splits"] == 3
    assert r.meta["07459.requests"] == "2"
    assert r.meta["SYNTH.requests"] == "3"
    b = r.frame[(r.frame.region == "50") & (r.frame.year == 2020) & (r.frame.variable == "synth_b")]
    assert b.value.iloc[0] == pytest.approx(2 * 50.20, abs=1e-12)
    # ContentsCode=* is an expression: split by the lower bound 3 x 2 = 6 > 2
    r = gi.fetch(regions=["5001", "5035", "50"], tables="SYNTH", years=(2020, 2021), api=api,
                 max_cells=2)
    assert r.stats["requests"] == 3 and len(r.frame) == 3 * 2 * 2
