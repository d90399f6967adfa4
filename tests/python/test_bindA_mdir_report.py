# The idiomatic helpers of #15's calls in the data and report modules:
# Miljødirektoratet's workbook, the report's language and its xlsx output.
import os

import numpy as np
import pytest

import greenidx as gi

D = os.environ.get("GIDX_TEST_DATA", "tests/data")
MDIR = os.path.join(D, "mdir", "mdir_download_vestfold_og_telemark_2021_release.xlsx")


def test_load_mdir_matches_the_openpyxl_reference_sums():
    # tests/data/mdir/reference_sums.out: per-year totals of "Oversikt -
    # detaljert" summed with openpyxl and math.fsum (no libgreenidx code),
    # printed to 0.1 t: hence the 0.05 t tolerance
    want = dict(tuple(float(x) for x in line.split(","))
                for line in open(os.path.join(D, "mdir", "reference_sums.out")))
    ds = gi.load_mdir(MDIR)
    years, values, flags = ds.series("38", "ghg_total")
    got = {float(y): v for y, v, f in zip(years, values, flags) if f == gi.FLAG_OK}
    assert sorted(got) == sorted(want)
    np.testing.assert_allclose([got[y] for y in sorted(want)], [want[y] for y in sorted(want)],
                               atol=0.05)
    assert ds.meta["mdir.release"] == "2021"
    with pytest.raises(gi.FileError):
        gi.load_mdir(os.path.join(D, "mdir", "no_such.xlsx"))


def _fixed(en):
    """The bokmål of an English fixed string, from the library's table."""
    for i in range(gi.capi.gidx_lang_nstrings()):
        if gi.capi.gidx_lang_string(i, "en") == en:
            return gi.capi.gidx_lang_string(i, "nb")
    raise AssertionError("no fixed string %r" % en)


def test_roadmap_in_bokmal_and_as_xlsx(tmp_path):
    import openpyxl  # a declared dependency (.ci/deps): fail, never skip
    en = gi.roadmap(regions="Skien", mc=20)
    nb = gi.roadmap(regions="Skien", mc=20, lang="nb")
    assert (en.lang, nb.lang) == ("en", "nb")
    heading = _fixed("Summary")
    assert heading != "Summary"
    assert "\n" + heading + "\n" in nb.render("text")
    assert "\n" + heading + "\n" not in en.render("text")
    sheets = nb.to_xlsx(tmp_path / "roadmap.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "roadmap.xlsx")
    assert wb.sheetnames == sheets and sheets[0] == "contents" and len(sheets) > 3
    nb.write(tmp_path / "again.xlsx", format="xlsx")
    assert openpyxl.load_workbook(tmp_path / "again.xlsx").sheetnames == sheets
    with pytest.raises(gi.InvalidArgumentError):
        gi.roadmap(regions="Skien", mc=20, lang="de")
