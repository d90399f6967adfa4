# forecast_many and the roadmap pipeline across partitions (regions x
# indicators) on a local Dask cluster of 2 worker processes: the results are
# bit-identical to one process (docs/scaling.md). Debian's python3-distributed
# is a declared test dependency (.ci/deps): without it this test fails, never skips.
import numpy as np
import pandas as pd
import pytest

import greenidx as gi

import distributed  # noqa: E402  (python3-distributed, .ci/deps)
# Debian's tornado warns about its own event-loop API under distributed 2022.12
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")


def _panel():
    with gi.Panel(gi.Catalog.default()) as p:
        return p.to_frame().dropna(subset=["value"])


def _forecast_partition(frame):
    # runs in a worker process: only DataFrames cross the process boundary
    import greenidx
    fc, errors = greenidx.forecast_many(frame, 6, method="auto", seed=42)
    return fc, errors


def _roadmap_partition(regions):
    import greenidx
    return greenidx.roadmap(regions=list(regions), mc=50, seed=1).render("json")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_forecast_many_across_partitions_is_bit_identical(client):
    panel = _panel()
    regions = sorted(panel["region_code"].unique())
    indicators = sorted(panel["indicator"].unique())
    # partitions: 2 region groups x 2 indicator groups
    parts = [panel[panel["region_code"].isin(r) & panel["indicator"].isin(i)]
             for r in (regions[: len(regions) // 2], regions[len(regions) // 2:])
             for i in (indicators[: len(indicators) // 2], indicators[len(indicators) // 2:])]
    assert sum(len(p) for p in parts) == len(panel)
    futures = client.map(_forecast_partition, parts, pure=False)
    results = client.gather(futures)
    dist = pd.concat([fc for fc, _ in results]).sort_values(["region_code", "indicator", "year"])
    dist_err = {k: v for _, e in results for k, v in e.items()}
    one, one_err = gi.forecast_many(panel, 6, method="auto", seed=42)
    one = one.sort_values(["region_code", "indicator", "year"])
    assert dist_err == one_err
    assert len(dist) == len(one) > 0
    for col in one.columns:
        a, b = dist[col].to_numpy(), one[col].to_numpy()
        if a.dtype.kind == "f":
            # bit-identical: the same bytes, NaN where NaN
            assert a.tobytes() == b.tobytes(), col
        else:
            assert (a == b).all(), col


def test_roadmap_across_region_partitions_is_bit_identical(client):
    groups = [("4001", "4003"), ("4005", "4010"), ("4012",)]
    futures = client.map(_roadmap_partition, groups, pure=False)
    dist = client.gather(futures)
    local = [_roadmap_partition(g) for g in groups]
    assert dist == local
    for g, text in zip(groups, dist):
        assert all(r in text for r in g)
