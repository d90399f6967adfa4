# Reports and scenarios from Python: the C renderer's output, errors as exceptions.
import json
import math

import numpy as np
import pytest

import greenidx as gi


def sample():
    r = gi.Report("Roadmap")
    r.section("status", "Status").text("Emissions <fell>.")
    r.table(["kommune", "utslipp"], [["Bø", 1234.5], ["Skien", 99]], caption="T")
    r.section("fc", "Forecasts")
    r.fan_chart(obs_years=[2009, 2011, 2013], obs=[100, 95, np.nan],
                fc_years=[2029, 2030], mean=[80, 78], levels=[80, 95],
                lo=[[75, 72], [70, 66]], hi=[[85, 84], [90, 90]],
                target_years=[2013, 2030], target=[93, 60], title="ghg", unit="t")
    r.ranking(["Skien", "Porsgrunn"], [61.2, 70.5], [2, 1], [1, 1], [2, 2], title="Index")
    r.heatmap(["Skien", "Nome"], ["ghg", "jobs"], [[1, 2], [np.nan, 4]], [-1, 1], title="Heat")
    return r


def test_render_formats():
    with sample() as r:
        text = r.render("text")
        assert "forecast 2030 = 78 [80 %: 72, 84] [95 %: 66, 90]; target 60" in text
        doc = json.loads(r.render("json"))
        fan = doc["sections"][1]["blocks"][0]
        assert fan["type"] == "fan_chart"
        assert fan["observed"][2]["value"] is None          # NaN -> null, never a number
        assert fan["forecast"][1]["intervals"]["95"] == [66.0, 90.0]
        html = r.render("html")
        assert html.count("<svg ") == 3 and "<script" not in html
        assert "Emissions &lt;fell&gt;." in html


def test_write_atomic(tmp_path):
    with sample() as r:
        r.write(tmp_path / "r.html")
        assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        with pytest.raises(gi.FileError) as e:
            r.write(tmp_path / "no" / "r.html")
        assert "no/r.html" in str(e.value)
        assert not (tmp_path / "no").exists()


def test_svg_functions_and_errors():
    svg = gi.svg_ranking(["A", "B"], [1.0, 2.0], [2, 1])
    assert svg.startswith("<svg ") and svg.index(">B</text>") < svg.index(">A</text>")
    assert gi.svg_heatmap(["a"], ["x", "y"], [[1, 2]]).count("<rect x=") == 2
    with pytest.raises(gi.InvalidArgumentError) as e:
        gi.svg_fan_chart(obs_years=[2000, 2001], obs=[1.0])
    assert "equal lengths" in str(e.value)
    with pytest.raises(gi.InvalidArgumentError):
        gi.svg_fan_chart(fc_years=[2030], mean=[1.0], levels=[95, 80],
                         lo=[[0], [0]], hi=[[2], [2]])   # levels must ascend
    with pytest.raises(gi.DuplicateError):
        gi.Report("x").section("a", "A").section("a", "B")


def test_scenario(test_data):
    s = gi.Scenario(test_data / "report" / "scenario.json")
    assert s.name == "Grønn omstilling Telemark"
    assert [i["indicator"] for i in s.instruments] == ["ghg_road_per_capita", "ghg_total"]
    np.testing.assert_array_equal(s.effect_path(0, [2025, 2026, 2029]), [0.0, -0.02, -0.08])
    np.testing.assert_array_equal(s.effect_path(1, [2027, 2030]), [-0.0199, -0.1008])
    assert s.ripple["shock"] == {"Manufacturing": 500.0} and s.ripple["type"] == 2
    with pytest.raises(gi.FileError):
        gi.Scenario(test_data / "report" / "missing.json")


def test_roadmap_from_python_equals_the_command(tmp_path, source_root):
    import os
    import subprocess
    r = gi.roadmap(regions=["Skien", "4001"], mc=100, seed=3)
    doc = json.loads(r.render("json"))
    assert [s["id"] for s in doc["sections"]][:2] == ["summary", "validation"]
    exe = os.path.join(os.environ["GIDX_BUILD_ROOT"], "tools", "greenidx")  # set by meson test
    out = subprocess.run([exe, "report", "--format", "json", "--region", "Skien,4001",
                          "--mc", "100", "--seed", "3", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == doc       # the command computes nothing of its own
    with pytest.raises(gi.NotFoundError) as e:
        gi.roadmap(regions=["Atlantis"])
    assert "Atlantis" in str(e.value)
