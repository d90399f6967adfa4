# Shared fixtures of the Python suite: paths of the test data and build tree.
import os
import pathlib

import pytest


@pytest.fixture(scope="session")
def test_data():
    return pathlib.Path(os.environ.get("GIDX_TEST_DATA",
                                       pathlib.Path(__file__).parent.parent / "data"))


@pytest.fixture(scope="session")
def source_root():
    return pathlib.Path(os.environ.get("GIDX_SOURCE_ROOT",
                                       pathlib.Path(__file__).parent.parent.parent))
