# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lifetime protocol shared by the wrappers of one C handle."""
from typing import Any
from ._errors import InvalidArgumentError


def closable(name):
    """A property holding a C handle: once set to None (by ``close()``),
    reading it raises InvalidArgumentError instead of handing NULL to C,
    where getters would answer 0, None or an empty list."""
    key = "_gidx" + name

    def get(self) -> Any:
        h = self.__dict__.get(key)
        if h is None and self.__dict__.get(key + "_closed"):
            raise InvalidArgumentError("this %s is closed" % type(self).__name__, -1)
        return h

    def put(self, value: Any) -> None:
        self.__dict__[key] = value
        self.__dict__[key + "_closed"] = value is None

    return property(get, put, doc="The SWIG handle of the C object (raises once closed).")


class Handle:
    """Deterministic cleanup for a wrapper whose C handle is ``self._h``:
    ``close()`` frees it now (it is also freed when the object is collected),
    later calls raise InvalidArgumentError, and the object is a context
    manager."""

    _h = closable("_h")

    def close(self) -> None:
        """Free the C object now (idempotent)."""
        self._h = None

    def __repr__(self):
        closed = self.__dict__.get("_gidx_h") is None
        return "<greenidx.%s%s>" % (type(self).__name__, ", closed" if closed else "")

    def _repr_html_(self):
        import html
        return "<p>%s</p>" % html.escape(repr(self))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
