# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lifetime protocol shared by the wrappers of one C handle."""


class Handle:
    """Deterministic cleanup for a wrapper whose C handle is ``self._h``:
    ``close()`` frees it now (it is also freed when the object is collected),
    and the object is a context manager."""

    _h = None

    def close(self):
        """Free the C object now (idempotent)."""
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
