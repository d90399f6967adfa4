# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""greenidx: Python bindings of libgreenidx.

Green-competitiveness indicators for Norwegian municipalities and counties:
indicator catalogues, datasets, validation, composite indices, forecasts to
2030, policy-effect estimators, input-output ripple effects and the drivers
of emission change (LMDI decomposition, Tapio decoupling). The numbers
are computed by the C library (``greenidx.capi`` is the SWIG layer); this
package adds Python classes, numpy arrays in and out, and exceptions.
"""
import os as _os

import numpy as _np

from . import capi as _capi
from ._errors import *  # noqa: F401,F403
from ._errors import GreenIdxError, class_for  # noqa: F401

__version__ = _capi.gidx_version_string()


def version() -> str:
    """The libgreenidx run-time version string, e.g. ``"0.1.0"``."""
    return _capi.gidx_version_string()


def version_number() -> int:
    """The run-time version as one whole number: major * 10000 + minor * 100 + patch."""
    return _capi.gidx_version_number()


def strerror(code: int) -> str:
    """The C library's description of a status code."""
    return _capi.gidx_strerror(int(code))


def last_error() -> "tuple[int, str]":
    """The calling thread's last C error as ``(code, message)``."""
    return _capi.gidx_error_last_code(), _capi.gidx_error_last_message()


def solve(a: "_np.typing.ArrayLike", b: "_np.typing.ArrayLike") -> "_np.ndarray":
    """Solve ``a @ x = b`` with the library's LU solver (GSL); ``x`` is in
    the units of ``b`` divided by those of ``a``.

    Raises :class:`SingularError` for a singular ``a``.
    """
    a = _np.ascontiguousarray(a, dtype=_np.float64)
    b = _np.ascontiguousarray(b, dtype=_np.float64).ravel()
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] != b.size:
        raise InvalidArgumentError(  # noqa: F405
            "solve: a must be square with as many rows as b has values", -1)
    return _capi.gidx_linalg_solve(b.size, a, b)


def write_file(path: "str | _os.PathLike[str]", data: "str | bytes") -> None:
    """Write ``data`` (str, written as UTF-8, or bytes as they are) to
    ``path`` atomically."""
    _capi.gidx_write_file(str(path), data)


# The capability modules of the pure-Python layer, each added by its module.
def _load_capabilities():
    import importlib
    names = []
    for mod in ("data", "indicators", "composite", "forecast", "effects",
                "ripple", "drivers", "report", "fetch", "frames", "plots"):
        try:
            m = importlib.import_module("." + mod, __name__)
        except ModuleNotFoundError as e:
            if e.name != __name__ + "." + mod:
                raise
            continue
        for n in getattr(m, "__all__", ()):
            globals()[n] = getattr(m, n)
            names.append(n)
    return names


_load_capabilities()
