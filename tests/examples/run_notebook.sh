#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Execute docs/examples/tour.ipynb against a build tree with Debian's nbclient
# and the python3 kernel of python3-ipykernel. Nothing is written into the
# source tree: the executed copy and every Jupyter/IPython/matplotlib state
# file go to a temporary folder (kept only when GIDX_EXAMPLES_OUT names a
# folder to copy the executed notebook into). Prints PASS or FAIL and exits
# non-zero on failure. The python3 kernel spec of python3-ipykernel is used when
# registered; otherwise (or with GIDX_NOTEBOOK_OWN_KERNEL=1) ipykernel's own
# spec is written to the temporary folder and found through JUPYTER_PATH.
#
# usage: tests/examples/run_notebook.sh BUILDDIR SRCROOT
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 BUILDDIR SRCROOT" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd) || { echo "FAIL: no build folder $1"; exit 1; }
SRC=$(cd "$2" && pwd) || { echo "FAIL: no source folder $2"; exit 1; }
PY=${GIDX_PYTHON:-/usr/bin/python3}
NB=$SRC/docs/examples/tour.ipynb
[ -f "$NB" ] || { echo "FAIL: $NB not found"; exit 1; }
[ -f "$BUILD/bindings/python/greenidx/capi.py" ] || {
    echo "FAIL: $BUILD/bindings/python has no built greenidx package"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gidx-notebook.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
before=$(ls -A "$SRC/docs/examples")

# Offline, self-contained kernel environment: the build tree's package, no
# writes to $HOME or the source tree.
PYTHONPATH=$BUILD/bindings/python
GIDX_SOURCE_ROOT=$SRC
IPYTHONDIR=$TMP/ipython
MPLCONFIGDIR=$TMP/matplotlib
JUPYTER_RUNTIME_DIR=$TMP/runtime
JUPYTER_DATA_DIR=$TMP/data
PYTHONDONTWRITEBYTECODE=1
PYDEVD_DISABLE_FILE_VALIDATION=1   # silence debugpy's frozen-modules note
export PYTHONPATH GIDX_SOURCE_ROOT IPYTHONDIR MPLCONFIGDIR JUPYTER_RUNTIME_DIR \
       JUPYTER_DATA_DIR PYTHONDONTWRITEBYTECODE PYDEVD_DISABLE_FILE_VALIDATION

"$PY" - "$NB" "$TMP" <<'PYEOF'
import os
import sys
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

nb_path, tmp = sys.argv[1], sys.argv[2]
try:
    if os.environ.get("GIDX_NOTEBOOK_OWN_KERNEL"):  # test the fallback below
        raise NoSuchKernel("python3")
    KernelSpecManager().get_kernel_spec("python3")
    how = "installed python3 kernel spec"
except NoSuchKernel:
    # No python3 spec registered: use ipykernel's own spec from a private
    # folder on JUPYTER_PATH (nothing is registered globally).
    from ipykernel.kernelspec import write_kernel_spec
    kdir = os.path.join(tmp, "jupyter", "kernels", "python3")
    write_kernel_spec(kdir)
    os.environ["JUPYTER_PATH"] = os.path.join(tmp, "jupyter")
    how = "ipykernel's own kernel spec (not registered)"

nb = nbformat.read(nb_path, as_version=4)
client = NotebookClient(nb, kernel_name="python3", timeout=300, allow_errors=False,
                        resources={"metadata": {"path": tmp}})
t0 = time.monotonic()
try:
    client.execute()
except CellExecutionError as e:
    import re
    print(re.sub(r"\x1b\[[0-9;]*m", "", str(e))[-4000:])  # without terminal colours
    print("FAIL: a cell of %s raised (kernel: %s)" % (nb_path, how))
    sys.exit(1)
except Exception as e:  # kernel failed to start, timeout, ...
    print("FAIL: %s: %s: %s" % (nb_path, type(e).__name__, e))
    sys.exit(1)
elapsed = time.monotonic() - t0
ncode = sum(1 for c in nb.cells if c.cell_type == "code")
out = os.path.join(tmp, "tour.executed.ipynb")
nbformat.write(nb, out)
keep = os.environ.get("GIDX_EXAMPLES_OUT")
if keep:
    import shutil
    os.makedirs(keep, exist_ok=True)
    shutil.copy(out, os.path.join(keep, "tour.executed.ipynb"))
print("tour.ipynb: %d code cells executed in %.1f s (kernel: %s)" % (ncode, elapsed, how))
PYEOF
rc=$?
after=$(ls -A "$SRC/docs/examples")
if [ $rc -eq 0 ] && [ "$before" != "$after" ]; then
    echo "docs/examples changed while the notebook ran:"; echo "$after"
    rc=1
fi
if [ $rc -eq 0 ]; then echo "PASS: docs/examples/tour.ipynb"; else echo "FAIL: docs/examples/tour.ipynb"; fi
exit $rc
