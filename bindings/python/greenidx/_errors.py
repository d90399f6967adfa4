# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exception hierarchy of the greenidx package.

Every libgreenidx call that fails raises a subclass of :class:`GreenIdxError`
chosen by the C status code; the message is the C library's last-error message
(file, line, column, region, year or variable at fault).
"""


class GreenIdxError(Exception):
    """A libgreenidx call failed. ``code`` is the C ``gidx_status``."""

    code = None

    def __init__(self, message, code=None):
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self):
        return self.args[0] if self.args else ""


class InvalidArgumentError(GreenIdxError, ValueError):
    """GIDX_EINVAL: an invalid argument."""
    code = -1


class OutOfMemoryError(GreenIdxError, MemoryError):
    """GIDX_ENOMEM."""
    code = -2


class FileError(GreenIdxError, OSError):
    """GIDX_EIO: a file could not be opened, read or written."""
    code = -3


class ParseError(GreenIdxError, ValueError):
    """GIDX_EPARSE: a syntax error in an input (file, line, column)."""
    code = -4


class DataError(GreenIdxError, ValueError):
    """GIDX_EDATA: an invalid data value."""
    code = -5


class NotFoundError(GreenIdxError, KeyError):
    """GIDX_ENOTFOUND: a named region, variable, column or indicator is absent."""
    code = -6

    def __str__(self):  # KeyError would quote the message
        return self.message


class BufferSizeError(GreenIdxError):
    """GIDX_EBUFS: an output buffer was too small (a binding bug if seen)."""
    code = -7


class NumericalError(GreenIdxError, ArithmeticError):
    """A numerical failure (base of the singular/convergence/domain errors)."""
    code = -12


class SingularError(NumericalError):
    """GIDX_ESINGULAR: a singular matrix or design."""
    code = -8


class ConvergenceError(NumericalError):
    """GIDX_ENOCONV: an iterative method did not converge."""
    code = -9


class DomainError(NumericalError):
    """GIDX_EDOM: an argument outside a function's domain."""
    code = -10


class RangeError(NumericalError):
    """GIDX_ERANGE: a result out of range."""
    code = -11


class TooShortError(GreenIdxError, ValueError):
    """GIDX_ETOOSHORT: too few observations for the method."""
    code = -13


class LimitError(GreenIdxError, ValueError):
    """GIDX_ELIMIT: input larger than the configured limit."""
    code = -14


class NetworkError(GreenIdxError, OSError):
    """GIDX_ENET: a network or HTTP failure."""
    code = -15


class StateError(GreenIdxError, RuntimeError):
    """GIDX_ESTATE: the object is not in the state the call needs."""
    code = -16


class DuplicateError(GreenIdxError, ValueError):
    """GIDX_EDUPLICATE: a duplicate key."""
    code = -17


class EncodingError(GreenIdxError, UnicodeError):
    """GIDX_EENCODING: invalid text encoding."""
    code = -18


class UnsupportedError(GreenIdxError, NotImplementedError):
    """GIDX_EUNSUPPORTED: a valid request the library does not support."""
    code = -19


class InternalError(GreenIdxError, RuntimeError):
    """GIDX_EINTERNAL: a bug in libgreenidx."""
    code = -20


_BY_CODE = {cls.code: cls for cls in [
    InvalidArgumentError, OutOfMemoryError, FileError, ParseError, DataError,
    NotFoundError, BufferSizeError, SingularError, ConvergenceError,
    DomainError, RangeError, NumericalError, TooShortError, LimitError,
    NetworkError, StateError, DuplicateError, EncodingError, UnsupportedError,
    InternalError]}


def class_for(code: int) -> type:
    """The exception class for a C status code (GreenIdxError when unknown)."""
    return _BY_CODE.get(code, GreenIdxError)
