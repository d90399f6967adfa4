#!/usr/bin/env python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""No prototype is declared twice in the SWIG interfaces (issue #17).

The bindings are generated from the headers: gidx_api.i (bindings/gen_api.py,
in the build tree) %includes every public header, so every public function is
declared there once. A hand-written interface (bindings/<module>.i,
bindings/greenidx.i) must not declare (nor define) any of those functions
again, and no gidx_* function may be declared twice across the hand-written
interfaces either. Prints the line counts of the interfaces.

Usage: swig_prototypes.py SOURCE_ROOT BUILD_ROOT   (exit 1 on a duplicate)
"""
import os
import re
import sys

# A declaration or definition: at the start of a statement (after ; { } or
# the start of the text), a type made of identifiers and stars, the name,
# a parameter list, then ; (prototype) or { (definition). Calls are not
# matched: `x = f(...)`, `if (f(...))` and `return f(...)` are excluded.
DECL = re.compile(r"(?:^|(?<=[;{}]))\s*((?:[A-Za-z_]\w*[\s*]+)+?)(gidx_\w+)\s*"
                  r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(;|\{)", re.S)
NOT_TYPES = {"return", "else", "case", "goto", "sizeof", "typedef", "do"}


def _cond(expr, lang):
    """Value of an #if condition for language lang (SWIGPYTHON or SWIGR);
    a condition on anything else counts as true (include guards)."""
    if "SWIG" not in expr:
        return True
    e = re.sub(r"defined\s*\(?\s*(\w+)\s*\)?", lambda m: str(m.group(1) == lang), expr)
    e = e.replace("&&", " and ").replace("||", " or ").replace("!", " not ")
    e = re.sub(r"\bSWIG\w*\b", lambda m: str(m.group(0) == lang), e)
    try:
        return bool(eval(e, {"__builtins__": {}}))
    except Exception:
        return True


def split(text, lang):
    """(swig, c): the text SWIG parses (outside %{ %}, plus %inline blocks)
    and the C code passed through (inside %{ %}) for language lang, with
    comments, directives and the lines of other languages blanked; the line
    numbers are kept."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    swig, c = [], []
    stack = []          # per #if: [this branch on, some branch taken]
    block = None        # None, "c" or "inline"
    in_define = False
    for line in text.split("\n"):
        st = line.strip()
        on = all(b[0] for b in stack)
        sw = cc = ";"
        if st.startswith("#"):
            d = st[1:].strip()
            if d.startswith(("ifdef", "ifndef", "if")):
                if d.startswith("ifdef"):
                    v = _cond("defined(%s)" % d[5:].strip(), lang)
                elif d.startswith("ifndef"):
                    v = not _cond("defined(%s)" % d[6:].strip(), lang) if "SWIG" in d else True
                else:
                    v = _cond(d[2:], lang)
                stack.append([v, v])
            elif d.startswith("elif") and stack:
                v = not stack[-1][1] and _cond(d[4:], lang)
                stack[-1] = [v, stack[-1][1] or v]
            elif d.startswith("else") and stack:
                stack[-1] = [not stack[-1][1], True]
            elif d.startswith("endif") and stack:
                stack.pop()
        elif st.startswith("%define"):
            in_define = True
        elif st.startswith("%enddef"):
            in_define = False
        elif in_define:
            pass
        elif block is None and "%{" in st:
            block = "inline" if st.startswith("%inline") else "c"
            sw = cc = "{"
        elif block is not None and st.startswith("%}"):
            block = None
            sw = cc = "}"
        elif st.startswith("%") and block is None:
            pass    # %include, %rename(...) name;, %ignore name;, %typemap ...
        elif on:
            if block is None:
                sw = line
            elif block == "c":
                cc = line
            else:
                sw = cc = line
        swig.append(sw)
        c.append(cc)
    return "\n".join(swig), "\n".join(c)


def declarations(path, text=None):
    if text is None:
        text = split(open(path, encoding="utf-8").read(), "SWIGPYTHON")[0]
    found = []
    for m in DECL.finditer(text):
        words = m.group(1).replace("*", " ").split()
        if not words or NOT_TYPES & set(words):
            continue
        line = text.count("\n", 0, m.start(2)) + 1
        found.append((m.group(2), "%s:%d" % (os.path.relpath(path), line),
                      "prototype" if m.group(4) == ";" else "definition"))
    return found


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    src, build = argv[1], argv[2]
    bindings = os.path.join(src, "bindings")
    hand = sorted(os.path.join(bindings, f) for f in os.listdir(bindings) if f.endswith(".i"))
    api_i = os.path.join(build, "bindings", "gidx_api.i")
    if not os.path.isfile(api_i):
        print("FAIL: %s was not generated (build first)" % api_i)
        return 1
    # What gidx_api.i declares: its own text and the headers it %includes.
    generated = {}
    headers = re.findall(r"%include\s*<(greenidx/[\w.]+\.h)>", open(api_i, encoding="utf-8").read())
    if not headers:
        print("FAIL: gidx_api.i %includes no header")
        return 1
    for h in [api_i] + [os.path.join(src, "include", h) for h in headers]:
        for name, where, kind in declarations(h, split(open(h, encoding="utf-8").read(), "")[0]):
            if kind == "prototype":
                generated.setdefault(name, where)
    problems = []
    helpers = set()
    for lang in ("SWIGPYTHON", "SWIGR"):
        seen = {}
        for path in hand:
            swig_text, c_text = split(open(path, encoding="utf-8").read(), lang)
            for name, where, kind in declarations(path, swig_text):
                helpers.add(name)
                if name in generated:
                    problems.append("%s (%s): %s of %s for SWIG, which gidx_api.i declares already (%s)"
                                    % (where, lang, kind, name, generated[name]))
                if name in seen:
                    problems.append("%s (%s): %s declared again for SWIG (first at %s)"
                                    % (where, lang, name, seen[name]))
                else:
                    seen[name] = where
            for name, where, kind in declarations(path, c_text):
                if name in generated:
                    problems.append("%s (%s): %s of the library's %s in the C code"
                                    % (where, lang, kind, name))
    counts = [(os.path.relpath(p), sum(1 for _ in open(p, encoding="utf-8"))) for p in hand]
    total = sum(n for _, n in counts)
    print("SWIG interface line counts (hand-written bindings/*.i):")
    for p, n in counts:
        print("  %5d  %s" % (n, p))
    print("  %5d  total hand-written; gidx_api.i (generated): %d lines, %d headers, %d functions"
          % (total, sum(1 for _ in open(api_i, encoding="utf-8")), len(headers), len(generated)))
    print("gidx_* helpers declared for SWIG by hand (Python and R, none a public function): %d" % len(helpers))
    if problems:
        print("FAIL: prototypes declared twice:")
        for p in problems:
            print("  " + p)
        return 1
    print("PASS: no prototype is declared twice across bindings/*.i and gidx_api.i")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
