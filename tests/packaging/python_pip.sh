#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Packaging test of the Python bindings: install libgreenidx from build tree
# BUILDDIR into a temporary prefix, `pip install` the package in
# bindings/python (meson-python, offline, no build isolation) into a fresh
# venv with the system site packages (numpy, pandas, pytest from Debian),
# then import it from outside the source tree and run a smoke test and the
# core and cross-cutting pytest files against the installed package.
# Usage: tests/packaging/python_pip.sh BUILDDIR SOURCE_ROOT
# Prints PASS/FAIL and exits non-zero on failure.
set -u
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: python packaging: $*"; exit 1; }
. "$src/tests/packaging/prefix.sh"

gidx_install_prefix "$build" "$tmp" >"$tmp/meson-install.log" 2>&1 ||
  { cat "$tmp/meson-install.log"; fail "installing libgreenidx"; }
gidx_copy_bindings "$src" "$tmp/src"
"$py" -m venv --system-site-packages "$tmp/venv" || fail "python3 -m venv"
# --no-build-isolation --no-index: everything comes from Debian (python3-mesonpy).
"$tmp/venv/bin/pip" install --quiet --no-build-isolation --no-index \
    "$tmp/src/bindings/python" >"$tmp/pip.log" 2>&1 ||
  { cat "$tmp/pip.log"; fail "pip install ./bindings/python"; }

cd "$tmp" || fail "cd"
want=$(pkg-config --modversion greenidx)
PYTHONPATH= "$tmp/venv/bin/python" - "$tmp/venv" "$want" <<'PYEOF' || fail "smoke test"
import sys, pathlib
import numpy as np
import greenidx as gi
from greenidx import capi
venv, want = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
where = pathlib.Path(gi.__file__).resolve()
assert venv in where.parents, "imported %s, not the venv's copy" % where
assert pathlib.Path(capi._capi.__file__).resolve().parent == where.parent
assert gi.version() == want, (gi.version(), want)
# The package's own version (bindings/python/meson.build) follows the library's.
import importlib.metadata
assert importlib.metadata.version("greenidx") == want, importlib.metadata.version("greenidx")
# [[2,1],[1,3]] x = [3,5] -> [0.8, 1.4] by hand
np.testing.assert_allclose(gi.solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]), [0.8, 1.4],
                           rtol=0, atol=1e-14)
try:
    gi.solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    raise AssertionError("no exception for a singular matrix")
except gi.SingularError as e:
    assert e.code == -8 and "singular" in str(e), e
# The C documentation reaches the docstrings (swig -doxygen).
doc = capi.gidx_write_file.__doc__ or ""
assert "atomic" in doc or "whole or not at all" in doc, doc
print("installed greenidx", gi.version(), "from", where.parent)
PYEOF

# The core and cross-cutting pytest files against the installed package.
tests=$(ls "$src"/tests/python/test_core.py "$src"/tests/python/test_bindings_*.py 2>/dev/null)
PYTHONPATH= GIDX_TEST_DATA="$src/tests/data" GIDX_SOURCE_ROOT="$src" MPLBACKEND=Agg \
  "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$tmp" \
    -c /dev/null $tests || fail "pytest against the installed package"
echo "PASS: python packaging: pip install ./bindings/python into a venv, import and tests"
