# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Conversions the layers share: years from whatever holds them."""
import datetime as _dt

import numpy as _np

from ._errors import DataError


def years_of(values, what="year"):
    """Integer years (numpy int64) from ints, floats holding whole numbers,
    pandas datetime64 or Period columns, or datetime.date/datetime objects.
    Anything else (a fraction of a year, NaN, text) raises DataError naming
    the first value at fault, instead of giving no rows."""
    import pandas as pd
    s = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(s) or isinstance(s.dtype, pd.PeriodDtype):
        if s.isna().any():
            raise DataError("%s: a date is missing (position %d)" % (what, int(s.isna().to_numpy().argmax())), -5)
        return s.dt.year.to_numpy(dtype=_np.int64)
    if s.dtype == object and len(s) and all(isinstance(v, (_dt.date, pd.Timestamp, pd.Period))
                                            for v in s):
        return _np.array([v.year for v in s], dtype=_np.int64)
    try:
        a = _np.asarray(s, dtype=_np.float64)
    except (TypeError, ValueError):
        raise DataError("%s: %r is not a year, a date or a datetime" % (what, s.iloc[0]), -5) \
            from None
    bad = ~(_np.isfinite(a) & (a == _np.round(a)) & (_np.abs(a) < 2**31))
    if bad.any():
        k = int(bad.argmax())
        raise DataError("%s: %r at position %d is not a whole year" % (what, s.iloc[k], k), -5)
    return a.astype(_np.int64)


# Type aliases of the public signatures (#17: type hints on the whole API).
# The modules use ``from __future__ import annotations``: the hints are not
# evaluated at run time, these names only make them readable and resolvable.
import os as _os
import typing as _t

from numpy.typing import ArrayLike  # noqa: E402,F401 - re-exported for the hints

#: a file name: str or os.PathLike
PathLike = _t.Union[str, "_os.PathLike[str]"]
#: one name (a str, never taken for its letters) or any sequence of names
Names = _t.Union[str, _t.Sequence[str]]
#: a calendar year: int, a whole float, a date, a datetime or a pandas Timestamp
YearLike = _t.Union[int, float, _dt.date]
