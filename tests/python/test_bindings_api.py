# Cross-cutting tests of the Python bindings' surface: the C documentation
# reaches the docstrings of greenidx.capi, and every C status code maps to
# its exception class.
import os
import pathlib
import re

import pytest

import greenidx as gi
from greenidx import capi

ROOT = pathlib.Path(os.environ.get("GIDX_SOURCE_ROOT", pathlib.Path(__file__).parents[2]))
DECL = re.compile(r"/\*\*(?P<doc>(?:(?!\*/).)*?)\*/\s*GIDX_API\b[^;{(]*?\b(?P<name>gidx_\w+)\s*\(",
                  re.S)


def header_docs():
    """(function, first line of its Doxygen comment) for every public
    function declared with a comment in include/greenidx/*.h."""
    out = []
    for h in sorted((ROOT / "include" / "greenidx").glob("*.h")):
        for m in DECL.finditer(h.read_text(encoding="utf-8")):
            first = re.sub(r"^\s*\*\s?", "", m.group("doc").strip().splitlines()[0]).strip()
            first = first.replace("@brief", "").replace("::GIDX_", "GIDX_").strip()
            if first:
                out.append((m.group("name"), first))
    return out


def test_wrapped_functions_carry_the_c_documentation():
    docs = header_docs()
    assert len(docs) > 20, "no public functions found under %s" % ROOT
    wrapped = [(n, first) for n, first in docs if hasattr(capi, n)]
    # core and report functions are wrapped on main; every module adds more
    assert {"gidx_write_file", "gidx_strerror", "gidx_report_new"} <= {n for n, _ in wrapped}
    for name, first in wrapped:
        doc = " ".join((getattr(capi, name).__doc__ or "").split())
        want = " ".join(re.sub(r"@(p|c)\s+(\w+)", r"``\2``", first).split())
        assert want in doc, "%s: %r not in its docstring" % (name, want)


@pytest.mark.parametrize("code", range(-20, 0))
def test_every_status_has_its_exception(code):
    cls = gi.class_for(code)
    assert issubclass(cls, gi.GreenIdxError)
    assert cls.code == code
    assert gi.strerror(code) != "unknown status"


def test_error_set_from_python_raises_with_the_message():
    # gidx_error_set is the channel bindings and callbacks share with the
    # library: the message set is the message raised and the one read back.
    with pytest.raises(gi.NotFoundError) as info:
        capi.gidx_error_set(-6, "region 4601 (Bergen) not found")
    assert str(info.value) == "region 4601 (Bergen) not found"
    assert gi.last_error() == (-6, "region 4601 (Bergen) not found")
    capi.gidx_error_clear()
    assert gi.last_error() == (0, "")
