# Every exported symbol of GREENIDX_0.1 is reachable from Python: wrapped
# under its own name by the interface generated from the headers
# (bindings/gen_api.py), freed by the destructor of its handle class, or
# called by a hand-written exception of bindings/<module>.i (each of which
# says why no typemap fits). tests/r/testthat/test_generated_api.R checks R.
import os
import pathlib
import re

from greenidx import capi

ROOT = pathlib.Path(os.environ.get("GIDX_SOURCE_ROOT", pathlib.Path(__file__).parents[2]))

# Not reachable on purpose (short, and each says why).
IGNORED = {
    "gidx_free": "the bindings free what the library returns themselves",
    "gidx_error_last": "read through gidx_error_last_code/_message (a struct pointer)",
    "gidx_fetch_plan_run": "takes a C progress callback and an item array; plans run through "
                           "gidx_fetch_plan_fetch (bindings/fetch.i, without the callback)",
    "gidx_xlsx_open_mem": "bytes in memory (const void *): Python opens the file by path",
    "gidx_dataset_parse_mdir": "bytes in memory (const void *): Python loads the file by path",
    "gidx_report_add_bars": "labels and values sized by n and nparts: no typemap sees both",
    "gidx_svg_bars": "labels and values sized by n and nparts: no typemap sees both",
    "gidx_workbook_add_sheet": "header, units and types sized by ncols: no typemap sees all three",
    "gidx_workbook_add_csv": "units sized by the CSV's own header, which no typemap can count",
    "gidx_xlsx_cell_type": "shares its name with enum gidx_xlsx_cell_type, which SWIG keeps; "
                           "Python reads cells with openpyxl or gidx_xlsx_cell_text/_number",
}


def exported():
    syms = set()
    for f in (ROOT / "libgreenidx").glob("*/exports.sym"):
        syms |= set(re.findall(r"^\s*(gidx_\w+);", f.read_text(), re.M))
    return syms


def glue_callers():
    """C function -> names of the hand-written wrappers that call it."""
    calls = {}
    for f in (ROOT / "bindings").glob("*.i"):
        text = f.read_text(encoding="utf-8")
        for m in re.finditer(r"^\w[\w \*]*?\b(gidx_(?:py|r|b)_\w+)\s*\(([^;{]*)\)\s*\{(.*?)^\}", text,
                             re.M | re.S):
            for c in set(re.findall(r"\b(gidx_\w+)\s*\(", m.group(3))):
                calls.setdefault(c, set()).add(m.group(1))
    return calls


def test_every_exported_symbol_is_reachable_from_python():
    syms = exported()
    assert len(syms) > 300
    handles = {n for n in dir(capi) if n.startswith("gidx_") and isinstance(getattr(capi, n), type)}
    calls = glue_callers()
    missing = []
    for s in sorted(syms):
        if s in IGNORED or hasattr(capi, s):
            continue
        if s.endswith("_free") and any(h.startswith(s[:-5]) for h in handles):
            continue  # the handle class's destructor
        if any(hasattr(capi, g) for g in calls.get(s, ())):
            continue
        missing.append(s)
    assert missing == [], "not reachable from Python: %s" % missing


def test_generated_layer_releases_the_gil_and_checks_strings():
    # swig -threads: the wrappers release the GIL around the C call
    src = (pathlib.Path(capi.__file__).with_name("capi_wrap.c"))
    if src.exists():
        assert "SWIG_PYTHON_THREAD_BEGIN_ALLOW" in src.read_text(errors="replace")
