# Composite indices from Python: COINr's ASEM example, numpy in and out,
# pandas frames, exceptions carrying the C message.
import os

import numpy as np
import pandas as pd
import pytest

import greenidx as gi

D = os.path.join(os.environ.get("GIDX_TEST_DATA", "tests/data"), "composite")


def asem():
    return gi.CompositeIndex.from_coinr(os.path.join(D, "ASEM_iData.csv"), os.path.join(D, "ASEM_iMeta.csv"))


def test_asem_plain_matches_coinr():
    want = pd.read_csv(os.path.join(D, "ASEM_expected_minmax_amean.csv"))
    with asem() as ix:
        df = ix.compute().to_frame()
    m = want.merge(df, on="uCode", suffixes=("_coinr", ""))
    assert len(m) == 51
    # 1e-4: COINr's export has 6 decimals
    np.testing.assert_allclose(m["score"], m["Index"], atol=1e-4)
    np.testing.assert_array_equal(m["rank"], m["Rank"])
    for a in ("Conn", "Sust", "P2P", "Social"):
        np.testing.assert_allclose(m[a], m[a + "_coinr"], atol=1e-4)


def test_asem_full_matches_coinr():
    want = pd.read_csv(os.path.join(D, "ASEM_expected_full_example.csv"))
    with asem() as ix:
        ix.set_options(denominate=True, impute="group-mean:EurAsia_group", screen=0.9,
                       treat="winsorise:5", normalise="minmax:0,100", aggregate="amean")
        res = ix.compute()
        df = res.to_frame()
        js = res.to_json()
    m = want.merge(df, on="uCode", suffixes=("_coinr", ""))
    np.testing.assert_allclose(m["score"], m["Index"], atol=1e-3)
    np.testing.assert_array_equal(m["rank"], m["Rank"])
    assert len(js["imputed"]) >= 63
    assert js["treated"]


def test_alpha_and_pca_match_numpy():
    data = pd.read_csv(os.path.join(D, "ASEM_iData.csv"))
    meta = pd.read_csv(os.path.join(D, "ASEM_iMeta.csv"))
    codes = list(meta[(meta.Type == "Indicator") & (meta.Parent == "Social")].iCode)
    x = data[codes].to_numpy(dtype=float)
    sd, prop, load = gi.pca(x)
    xc = x[~np.isnan(x).any(axis=1)]
    ev = np.sort(np.linalg.eigvalsh(np.corrcoef(xc, rowvar=False)))[::-1]
    np.testing.assert_allclose(sd, np.sqrt(ev), rtol=1e-10)
    assert abs(sd[0] - 2.2042) < 5e-5 and abs(prop[0] - 0.5398) < 5e-5
    codes = list(meta[(meta.Type == "Indicator") & (meta.Parent == "P2P")].iCode)
    assert abs(gi.cronbach_alpha(data[codes].to_numpy(dtype=float)) - 0.05127) < 5e-6


def test_from_arrays_hand_worked():
    # A = {1,2,3}, B = {3,1,2}: min-max 0/50/100 and 100/0/50; equal-weight mean 50, 25, 75
    with gi.CompositeIndex.from_arrays([[1, 3], [2, 1], [3, 2]], ["a", "b", "c"], ["A", "B"], ["I", "I"],
                                       [("I", None, 1)]) as ix:
        res = ix.compute()
        np.testing.assert_allclose(res.scores(), [50, 25, 75], atol=1e-12)
        np.testing.assert_array_equal(res.ranks(), [2, 3, 1])
        ix.set_options(aggregate="copeland")
        np.testing.assert_array_equal(ix.compute().scores(), [0, -1, 1])


def test_uncertainty_threads_and_sobol():
    with asem() as ix:
        ix.set_options(normalise="minmax:1,100")
        kw = dict(n=40, seed=5, sobol=True, normalise=["minmax", "rank"], aggregate=["amean", "gmean"],
                  weight_noise=0.2, exclude_one=True)
        u1 = ix.uncertainty(threads=1, **kw)
        u2 = ix.uncertainty(threads=3, **kw)
    assert u1.nruns == 40 * 6
    np.testing.assert_array_equal(u1.median, u2.median)
    np.testing.assert_array_equal(u1.p95, u2.p95)
    s = u1.sobol()
    assert np.isnan(s["impute"][0]) and s["normalise"][1] >= 0
    f1, t1 = u1.sobol_units()
    f2, t2 = u2.sobol_units()
    assert f1.shape == (51, 5)
    np.testing.assert_array_equal(np.nan_to_num(t1, nan=-9), np.nan_to_num(t2, nan=-9))


def test_stats_helpers():
    s, k = gi.skew_kurtosis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100])
    assert abs(s - 3.0632410342394985) < 1e-12 and abs(k - 9.741390834569144) < 1e-10
    np.testing.assert_array_equal(gi.rank([5, 7, 7, 1]), [3, 1, 1, 4])
    c = gi.correlation_matrix([[1, 2], [2, 4], [3, 6], [4, 8]])
    np.testing.assert_allclose(c, np.ones((2, 2)), atol=1e-12)
    rng = np.random.default_rng(1)
    A, B = rng.random((20000, 2)), rng.random((20000, 2))
    f = lambda x: x[:, 0] + 2 * x[:, 1]
    yAB = np.array([f(np.column_stack([B[:, 0], A[:, 1]])), f(np.column_stack([A[:, 0], B[:, 1]]))])
    first, total = gi.sobol_indices(f(A), f(B), yAB)
    np.testing.assert_allclose(first, [0.2, 0.8], atol=0.05)  # analytic a_i^2 / sum a^2
    np.testing.assert_allclose(total, [0.2, 0.8], atol=0.05)


def test_errors_carry_the_message():
    with pytest.raises(gi.FileError):
        gi.CompositeIndex.from_coinr("/nonexistent.csv", os.path.join(D, "ASEM_iMeta.csv"))
    with asem() as ix:
        with pytest.raises(gi.InvalidArgumentError, match="impute"):
            ix.set_options(impute="sideways")
        ix.set_options(aggregate="gmean")  # min-max from 0 gives zeros
        with pytest.raises(gi.GreenIdxError, match="geometric"):
            ix.compute()
    with pytest.raises(ValueError):
        gi.pca([1, 2, 3])


def test_benchmarking():
    # structural variables on a line: the two nearest to unit 2 (at 0) are units 1 and 3
    Z = [[-2, 1], [-1, 1], [0, 1], [1, 1], [5, 1]]
    np.testing.assert_array_equal(gi.peers_nearest(Z, 2, 2), [1, 3])
    with asem() as ix:
        res = ix.compute()
        # AUT 56.87 among BEL 58.72, BGR 46.65, HRV 49.73: second
        assert res.peer_rank("AUT", ["BEL", "BGR", "HRV"]) == 2
        card = res.scorecard("AUT", ["BEL", "BGR", "HRV"])
        # #17 (pyconv): the scorecard is indexed by node (it was a column)
        row = card.loc["Index"]
        assert abs(row.diff_vs_peers - (56.873098 - (58.722005 + 46.651323 + 49.730423) / 3)) < 1e-5
        assert card.diff_vs_peers.is_monotonic_decreasing
        with pytest.raises(gi.InvalidArgumentError):
            res.peer_rank("AUT", [99])


def test_index_from_catalog_equals_the_roadmap_ranking():
    # The index of the default catalogue on the embedded data, built from
    # Python, gives the same 2023 scores as the roadmap pipeline's ranking.
    import json
    cat = gi.Catalog.default()
    res = gi.CompositeIndex.from_catalog(gi.Panel(cat), 2023).compute().to_frame()
    doc = json.loads(gi.roadmap(mc=50).render("json"))
    items = [b for s in doc["sections"] if s["id"] == "index"
             for b in s["blocks"] if b["type"] == "ranking"][0]["items"]
    by_name = {it["label"]: it["score"] for it in items}
    assert len(res) == 17 == len(by_name)
    for _, row in res.iterrows():
        assert abs(row["score"] - by_name[row["uName"]]) < 1e-9
