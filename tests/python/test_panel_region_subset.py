# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Panel.to_frame(region=...) gives the same values as the full panel's rows
of those regions (issue 17, found by tour.R: a shadowed count in the panel
cell reader, bindings/indicators.i, read every present value of a region
subset from the dataset's first region, so Skien's 2023 emissions came back
as Porsgrunn's 1,969,851 t). Invariant, compared exactly: both frames are
read from the same C panel."""
import numpy as np

import greenidx as gi


def test_region_subset_equals_full_panel_rows():
    ds = gi.load_default()
    panel = gi.Panel(gi.Catalog.default(), ds)
    full = panel.to_frame()
    for pick in (["Skien"], ["Porsgrunn", "Skien", "40"], ["Notodden"]):
        sub = panel.to_frame(region=pick)
        codes = set(sub["region_code"])
        ref = full[full["region_code"].isin(codes)]
        key = ["region_code", "year", "indicator"]
        a = sub.sort_values(key).reset_index(drop=True)
        b = ref.sort_values(key).reset_index(drop=True)
        assert len(a) == len(b) > 0
        assert (a[key] == b[key]).all().all()
        np.testing.assert_array_equal(a["value"].to_numpy(), b["value"].to_numpy())
    # the hand-checked figure: Skien's 2023 GHG total from the embedded data
    # (the same cell read with Dataset.get), not Porsgrunn's
    sk = panel.to_frame(region="Skien")
    code = sk["region_code"].iloc[0]
    ghg = sk.query("indicator == 'ghg_total' and year == 2023")["value"]
    assert len(ghg) == 1
    assert ghg.iloc[0] == ds.get(code, 2023, "ghg_total")[0]
    assert round(ghg.iloc[0], 2) == 116312.45
