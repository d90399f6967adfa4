# Ripple effects from Python: Miller & Blair (2009) ch. 2, invariants,
# errors raised with the C message, pandas output and agreement with numpy.
import json

import numpy as np
import pytest

import greenidx as gi

Z = np.array([[150.0, 500.0], [200.0, 100.0]])
X = np.array([1000.0, 2000.0])


@pytest.fixture
def mb():
    with gi.IOModel.from_flows(Z, X, ["Agriculture", "Manufacturing"]) as m:
        yield m


def test_miller_blair(mb):
    np.testing.assert_allclose(mb.coefficients(), [[0.15, 0.25], [0.20, 0.05]], atol=1e-15)
    # published to 6 decimals
    np.testing.assert_allclose(mb.leontief(), [[1.254125, 0.330033], [0.264026, 1.122112]],
                               atol=5e-7)
    np.testing.assert_allclose(mb.multipliers(), [1.518152, 1.452145], atol=5e-7)
    r = mb.shock([600.0, 1500.0])
    np.testing.assert_allclose(r.get("output", "total"), [1247.5, 1841.6], atol=0.05)
    np.testing.assert_allclose(mb.final_demand(), [350.0, 1700.0], atol=1e-12)


def test_against_numpy():
    # the same numbers from numpy's LAPACK: rounding-level agreement
    rng = np.random.default_rng(5)
    A = rng.uniform(size=(25, 25))
    A *= 0.7 / A.sum(axis=0)
    m = gi.IOModel.from_coefficients(A)
    L = np.linalg.inv(np.eye(25) - A)
    np.testing.assert_allclose(m.leontief(), L, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(m.multipliers(), L.sum(axis=0), rtol=1e-12)
    # value-added invariant v L = 1
    m.set_satellite("value_added", 1 - A.sum(axis=0), per_unit=True)
    np.testing.assert_allclose(m.multipliers("value_added"), np.ones(25), atol=1e-12)
    t = m.multiplier_table()
    np.testing.assert_allclose(t.loc["output"], L.sum(axis=0), rtol=1e-12)
    np.testing.assert_allclose(t.loc["value_added"], np.ones(25), atol=1e-12)
    assert np.all(np.isnan(t.loc["employment"])) and np.all(np.isnan(t.loc["emissions"]))


def test_sparse_matches_dense():
    import scipy.sparse as sp  # python3-scipy is in .ci/deps
    rng = np.random.default_rng(9)
    A = sp.random(200, 200, density=0.05, random_state=3, format="csr")
    A = A.multiply(0.6 / np.maximum(A.sum(axis=0), 1e-9)).tocsr()
    f = rng.uniform(size=200)
    dense = gi.IOModel.from_coefficients(A.toarray())
    sparse = gi.IOModel.from_sparse(A)
    a = dense.shock(f).get("output", "total")
    b = sparse.shock(f, tol=1e-13).get("output", "total")
    np.testing.assert_allclose(a, b, rtol=1e-9)


def test_folder_type2_and_frame(test_data):
    m = gi.IOModel.load(test_data / "ripple" / "mb")
    assert m.sectors == ["Agriculture", "Manufacturing"]
    m1 = m.multipliers("output", 1)
    m2 = m.multipliers("output", 2)
    assert np.all(m2 >= m1)
    # tests/data/ripple/reference.py
    np.testing.assert_allclose(m2, [1.869756292449061, 1.7538953256092689], rtol=1e-12)
    r = m.shock({"Manufacturing": 100.0}, type=2)
    df = r.frame()
    # indexed by (quantity, sector) since #17's labelled frames (pyconv)
    assert set(df.index.get_level_values("quantity")) == {"output", "employment", "value_added",
                                                          "labour_income", "emissions"}
    row = df.loc[("output", "Manufacturing")]
    assert row.direct == 100.0
    assert row.total == pytest.approx(row.direct + row.indirect + row.induced, rel=1e-12)
    d = r.to_dict()
    assert d["type"] == 2
    assert {"direct", "indirect", "induced"} <= set(d["sectors"][0]["employment"])
    assert r.text("csv").startswith("sector,quantity,direct,indirect,induced,total")


def test_path(test_data):
    m = gi.IOModel.load(test_data / "ripple" / "mb")
    r = m.shock(np.array([[100.0, 0.0], [0.0, 100.0], [50.0, 50.0]]), first_year=2026)
    p = r.path("emissions", "total")
    assert p.shape == (3,)
    # labelled by calendar year (#17: default views carry the year)
    assert p[2028] == pytest.approx(0.5 * (p[2026] + p[2027]), rel=1e-12)
    assert json.loads(r.text("json"))["years"][2]["year"] == 2028


def test_flq_hand_worked():
    lq = gi.location_quotients([100, 50, 50], [1000, 2000, 1000], "flq", 0.3)
    lam = 0.4510784  # log2(1.05) ** 0.3 by hand, 7 digits
    cilq = np.array([[2, 4, 2], [0.25, 0.5, 0.5], [0.5, 2, 1]])
    np.testing.assert_allclose(lq, cilq * lam, rtol=5e-7)
    np.testing.assert_allclose(gi.location_quotients([100, 50, 50], [1000, 2000, 1000], "slq"),
                               [2, 0.5, 1], atol=1e-15)


def test_errors(mb, test_data):
    with pytest.raises(gi.SingularError) as e:
        gi.IOModel.from_coefficients([[0.5, 0.5], [0.5, 0.5]]).leontief()
    assert "I - A is singular" in str(e.value)
    with pytest.raises(gi.DataError) as e:
        gi.IOModel.from_flows(Z, [1000.0, -2000.0])
    assert "negative" in str(e.value)
    with pytest.raises(gi.DataError) as e:
        gi.IOModel.load(test_data / "ripple" / "bad_negative")
    assert "x.csv:3" in str(e.value)
    with pytest.raises(gi.NotFoundError):
        mb.shock({"Mining": 1.0})
    with pytest.raises(gi.GreenIdxError) as e:
        mb.shock([1.0, 2.0], type=2)
    assert "labour-income" in str(e.value)
    mb.close()


def test_regionalise_from_files(test_data):
    d = test_data / "ripple"
    m = gi.IOModel.from_flows(Z, X, ["Agriculture", "Manufacturing"])
    re = gi.read_employment(d / "emp_region.csv")
    ne = gi.read_employment(d / "emp_national.csv", order=d / "emp_region.csv")
    np.testing.assert_array_equal(re, [12, 3])
    np.testing.assert_array_equal(ne, [100, 150])
    g = m.industry_map(d / "emp_region.csv", d / "concordance.csv")
    np.testing.assert_array_equal(g, [0, 1])
    reg = m.regionalise(re, ne, "slq", industry_of=g)
    # SLQ by hand: Primary 2 (capped at 1), Secondary 1/3
    np.testing.assert_allclose(reg.coefficients(), [[0.15, 0.25], [0.20 / 3, 0.05 / 3]],
                               atol=1e-15)
    with pytest.raises(gi.NotFoundError) as e:
        m.industry_map(d / "emp_region.csv")
    assert "Agriculture" in str(e.value)
    with pytest.raises(gi.FileError):
        gi.read_employment(d / "missing.csv")


def test_regionalise_region(test_data):
    """--region from Python: the embedded Telemark employment (SSB 13470)
    against the synthetic table's employment satellite, checked against
    numpy on the raw files (tests/data/ripple/region_reference.py)."""
    import importlib.util
    d = test_data / "ripple"
    spec = importlib.util.spec_from_file_location("region_reference", d / "region_reference.py")
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    re, slq, lam, Ar, mult = ref.compute("Skien", "2023")
    ds = gi.load_default()
    emp, year = gi.region_employment(ds, "Skien", 2023)
    assert year == 2023 and len(emp) == 16
    assert [emp[g] for g in ref.groups] == re.tolist()
    assert gi.sn2007_groups()[2] == ("Industri", "employment_manufacturing")
    with gi.IOModel.load(d / "sn2007") as nat:
        reg, year = nat.regionalise_region(ds, "Skien", 2023)
        assert year == 2023
        np.testing.assert_allclose(reg.coefficients(), Ar, rtol=1e-13, atol=1e-17)
        np.testing.assert_allclose(reg.multipliers("output"), mult, rtol=1e-12)
        _, year = nat.regionalise_region(ds, "4003")
        assert year == 2025
        # Telemark (county 40) as the national side
        *_, Ar40, mult40 = ref.compute("Skien", "2023", national="county")
        reg40, _ = nat.regionalise_region(ds, "Skien", 2023, national_region="40")
        np.testing.assert_allclose(reg40.coefficients(), Ar40, rtol=1e-13, atol=1e-17)
        np.testing.assert_allclose(reg40.multipliers("output"), mult40, rtol=1e-12)
        with pytest.raises(gi.NotFoundError) as e:
            nat.regionalise_region(ds, "Oslo")
        assert "Oslo" in str(e.value)
    with gi.IOModel.load(d / "mb") as mbm:
        with pytest.raises(gi.DataError) as e:
            mbm.regionalise_region(ds, "Skien", concordance=d / "mb_sn2007.csv")
        assert "exceeds" in str(e.value)


# SSB's input-output table for Norway (docs/ripple.md), through the bindings
# generated from ripple.h.


def test_norway_skien():
    ref = {}
    root = __import__("os").environ.get("GIDX_TEST_DATA", "tests/data")
    with open(root + "/ripple/norway_reference.csv") as f:
        for line in f.read().splitlines()[1:]:
            kind, year, sector, value = line.split(",")
            ref[(kind, int(year), sector)] = float(value)
    with gi.IOModel.norway(2021) as nat:
        assert len(nat) == 62 and nat.year == 2021
        assert "13470" in nat.note
        m2 = nat.multipliers("output", type=2)
        rf = nat.sectors.index("RF")
        # numpy (tests/data/ripple/norway_reference.py): 2.4476490059121763
        assert abs(m2[rf] - ref[("type2", 2021, "RF")]) < 1e-9
        skien, year = nat.regionalise_region(gi.load_default(), "Skien")
        assert year == 2021
        r = skien.shock({"RF": 100.0}, type=2)
        # the same numbers as the C API and the command line (docs/ripple.md)
        assert abs(r.path("output")[0] - 119.619) < 5e-4
        assert abs(r.path("leakage_rest_of_norway")[0] - 58.257) < 5e-4
