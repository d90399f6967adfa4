#!/usr/bin/env python3
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write gidx_api.i, the generated part of the SWIG interface: it reads the
public headers (INCLUDE_DIR/greenidx/*.h) and maps every parameter of every
GIDX_API function onto one of the idioms whose typemaps greenidx.i defines
once per language, then %includes every header. Nothing here is written per
function: a new function that follows the idioms is wrapped by the next
build (see docs/bindings.md, "How the bindings are generated").

The idioms, left to right in a parameter list (the names a, b, x, v stand for
any parameter name; the typemaps in greenidx.i match by type and position):
  T **x                          a handle out-parameter (T has a T_free)
  T *x, const T *x               a handle
  (double *a, [int *b, ...] size_t cap)      output buffers of one capacity
  (double *out, size_t cap, size_t *needed)  the same with the size query
  (char *buf, size_t cap, size_t *needed)    rendered text with the size query
  (char *buf, size_t cap)        text of bounded length (a reason)
  (const char **v, size_t cap, size_t *n)    an array of static strings
  char **x [, size_t *len]       text the library allocates (gidx_free)
  const char **x                 a borrowed string out-parameter
  double *x, int *x, size_t *x   a scalar out-parameter
  (const double *x, size_t n)    an input array (also int, size_t, strings);
                                 several arrays sharing one length get a
                                 generated wrapper taking a length each and
                                 checking they agree
  (const double *X, size_t n, size_t p)      an n x p matrix, row-major
  (const char *data, size_t len) bytes
Functions with a parameter outside these idioms (a callback, an array whose
length is implied by other arguments) are %ignore'd here and listed; the
module interfaces (bindings/<module>.i) wrap them by hand and say why.

Usage: gen_api.py OUTPUT INCLUDE_DIR [--list]
"""
import glob
import os
import re
import sys

OUT_T = {"double*": "double", "int*": "int", "size_t*": "size_t"}
IN_T = {"const double*": "double", "const int*": "int", "const size_t*": "size_t",
        "const char*const*": "string"}
SCALAR_T = {"gidx_status", "int", "double", "size_t", "unsigned", "const char*", "char", "unsigned long"}
# Functions whose parameter names and types fit the idioms but whose array
# lengths do not (an output sized by an input array, offsets into other
# arrays, a matrix with a derived row count): wrapped by hand, never guessed.
SIZED_BY_OTHERS = {
    "gidx_linalg_solve": "x and A are sized by b",
    "gidx_rank": "out is sized by x",
    "gidx_sobol_indices": "first and total hold k values, yAB N*k",
    "gidx_bod_score": "w holds p values",
    "gidx_fc_batch_run": "start holds nseries + 1 offsets into years and y",
    "gidx_fc_reconcile": "base and resid hold (nchild + 1) rows",
    "gidx_model_scenario": "effect holds h values, levels nlevels",
    "gidx_free": "the bindings free what the library returns themselves",
}
# The opaque handles are the types with a gidx_X_free(gidx_X *).
FREE_RE = re.compile(r"^gidx_\w+_free$")


def headers(incdir):
    hs = sorted(glob.glob(os.path.join(incdir, "greenidx", "*.h")))
    return [h for h in hs if os.path.basename(h) != "greenidx.h"]


def decls(incdir):
    """(header, return type, name, [(type, name)]) of every GIDX_API function."""
    out = []
    for h in headers(incdir):
        with open(h, encoding="utf-8") as f:
            t = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        t = re.sub(r"//[^\n]*", "", t)
        for m in re.finditer(r"GIDX_API\s+([^;]*?)\b(gidx_\w+)\s*\(([^;]*?)\)\s*;", t, re.S):
            ret = " ".join(m.group(1).split())
            params = []
            for p in m.group(3).split(","):
                p = " ".join(p.split())
                if p in ("void", ""):
                    continue
                pm = re.match(r"(.*?)(\w+)$", p)
                ty = re.sub(r"\s*\*\s*", "*", pm.group(1)).replace("struct ", "").strip()
                params.append((ty, pm.group(2)))
            out.append((os.path.basename(h), ret, m.group(2), params))
    return out


def options_structs(incdir):
    """(struct, INIT macro) of every versioned options struct."""
    out = []
    for h in headers(incdir):
        with open(h, encoding="utf-8") as f:
            t = f.read()
        for m in re.finditer(r"#define\s+(GIDX_\w+)_INIT\b", t):
            macro = m.group(1) + "_INIT"
            name = "gidx_" + m.group(1)[5:].lower()
            if re.search(r"typedef struct " + name + r"\s*\{", t):
                out.append((name, macro))
    return out


# C field types an R named list can set, and their codes in greenidx.i's
# gidx_r_field table (gidx_r_fill / gidx_r_struct_list).
FIELD_KIND = {"int": "i", "unsigned": "u", "unsigned long": "l", "size_t": "z", "double": "d",
              "char": "c", "const char*": "s", "gidx_status": "i"}


def struct_fields(incdir):
    """{struct: [(field, kind)]} of every typedef'd struct of the headers;
    fields of other types (arrays, callbacks, nested structs) are left out."""
    out = {}
    for h in headers(incdir):
        with open(h, encoding="utf-8") as f:
            t = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        for m in re.finditer(r"typedef struct (gidx_\w+)\s*\{(.*?)\}\s*\w+\s*;", t, re.S):
            fields, array = [], False
            for decl in m.group(2).split(";"):
                decl = " ".join(decl.split())
                fm = re.match(r"(.*?)(\w+)$", decl)
                if not fm:
                    continue
                ty = re.sub(r"\s*\*\s*", "*", fm.group(1)).strip()
                # the length of an array field left out is left out too
                if ty in FIELD_KIND and not (array and ty == "size_t"):
                    fields.append((fm.group(2), FIELD_KIND[ty]))
                array = ty.endswith("*") and ty not in FIELD_KIND
            out[m.group(1)] = fields
    return out


def r_struct_blocks(D, incdir, ignored=()):
    """R only: options structs (const T * with a T_INIT) read from a named
    list; structs the library fills (T *, no _INIT, a version field)
    returned as a named list. Each gets a generated field table."""
    fields = struct_fields(incdir)
    skip = {name for name, _ in ignored}
    used = {t.replace("const ", "").rstrip("*") for _, _, n, ps in D if n not in skip for t, _ in ps}
    # a table no wrapped function uses would be an unused static (-Werror)
    opts = {k: v for k, v in options_structs(incdir) if k in used}
    outs = set()
    for _, _, n, ps in D:
        if n in skip:
            continue
        for t, _ in ps:
            if t.endswith("*") and t.count("*") == 1 and not t.startswith("const "):
                b = t[:-1]
                if b in fields and b not in opts and ("version", "u") in fields[b]:
                    outs.add(b)
    L = ["#if defined(SWIGR)", "%{"]
    for s in sorted(set(opts) | outs):
        L.append("static const gidx_r_field gidx_r_fields_%s[] = {" % s)
        for f, k in fields.get(s, []):
            if f != "version":
                L.append('    { "%s", offsetof(%s, %s), \'%s\' },' % (f, s, f, k))
        L.append("    { NULL, 0, 0 } };")
    L.append("%}")
    for s in sorted(opts):
        L.append("GIDX_R_STRUCT_IN(%s, %s)" % (s, opts[s]))
    for s in sorted(outs):
        L.append("GIDX_R_STRUCT_OUT(%s)" % s)
    L.append("#endif")
    return L


def classify(params, handles):
    """Groups [(idiom, [indices])] of a parameter list, or None with the
    reason when a parameter fits no idiom."""
    g, i, n = [], 0, len(params)
    ty = [p[0] for p in params]
    while i < n:
        t, nm = params[i]
        base = t.replace("const ", "").rstrip("*")
        if t.endswith("**") and t[:-2] in handles:
            g.append(("HOUT", [i])); i += 1; continue
        if base in handles and t.count("*") == 1:
            g.append(("H", [i])); i += 1; continue
        if t in OUT_T:
            j = i
            while j < n and ty[j] in OUT_T:
                j += 1
            if j < n and ty[j] == "size_t" and j > i:
                if j + 1 < n and ty[j + 1] == "size_t*":
                    if j - i != 1:
                        return None, "several buffers with a size query"
                    g.append(("OUTBUFN", [i, j, j + 1])); i = j + 2; continue
                g.append(("OUTBUF", list(range(i, j + 1)))); i = j + 1; continue
            g.append(("SCALAROUT", [i])); i += 1; continue
        if t == "char*" and i + 1 < n and ty[i + 1] == "size_t":
            if i + 2 < n and ty[i + 2] == "size_t*":
                g.append(("STRBUFN", [i, i + 1, i + 2])); i += 3; continue
            g.append(("STRBUF", [i, i + 1])); i += 2; continue
        if t == "const char**" and i + 2 < n and ty[i + 1] == "size_t" and ty[i + 2] == "size_t*":
            g.append(("STRARROUT", [i, i + 1, i + 2])); i += 3; continue
        if t == "char**":
            if i + 1 < n and ty[i + 1] == "size_t*":
                g.append(("TEXTOUT_LEN", [i, i + 1])); i += 2; continue
            g.append(("TEXTOUT", [i])); i += 1; continue
        if t == "const char**":
            g.append(("STROUT", [i])); i += 1; continue
        if t == "const char*" and i + 1 < n and ty[i + 1] == "size_t" and \
                params[i + 1][1] in ("len", "length"):
            g.append(("BYTES", [i, i + 1])); i += 2; continue
        if t in IN_T:
            j = i
            while j < n and ty[j] in IN_T:
                j += 1
            if j < n and ty[j] == "size_t":
                if j == i + 1 and t == "const double*" and j + 1 < n and ty[j + 1] == "size_t":
                    g.append(("INMAT", [i, j, j + 1])); i = j + 2; continue
                g.append(("INARR", list(range(i, j + 1)))); i = j + 1; continue
            return None, "array %s has no length of its own" % nm
        if t in SCALAR_T:
            g.append(("V", [i])); i += 1; continue
        if t.startswith(("const gidx_", "gidx_")) and t.endswith("*") and t.count("*") == 1:
            g.append(("STRUCT", [i])); i += 1; continue
        return None, "parameter type %s" % t
    return g, None


def sig(params, idx):
    return ", ".join("%s %s" % (params[k][0].replace("*", " *"), params[k][1]) for k in idx)


def generate(incdir):
    D = decls(incdir)
    free_of = {ps[0][0].rstrip("*"): n for _, _, n, ps in D
               if FREE_RE.match(n) and len(ps) == 1 and ps[0][0] != "void*"}
    handles = sorted(free_of)
    frees = {n for _, _, n, ps in D if FREE_RE.match(n) and len(ps) == 1 and ps[0][0] != "void*"}
    applies, ignored, wrappers, twopass = set(), [], [], []
    for h, ret, name, ps in D:
        if name in frees:
            continue
        g, why = classify(ps, handles)
        if name in SIZED_BY_OTHERS:
            g, why = None, SIZED_BY_OTHERS[name]
        if g is None:
            ignored.append((name, why))
            continue
        # several input arrays sharing one length: a generated wrapper that
        # takes a length per array and checks they agree
        shared = [idx for kind, idx in g if kind == "INARR" and len(idx) > 2]
        target = ps
        if shared:
            newp, call = [], []
            checks = []
            for kind, idx in g:
                if kind == "INARR" and len(idx) > 2:
                    lens = []
                    for k in idx[:-1]:
                        t, nm = ps[k]
                        newp += [(t, nm), ("size_t", nm + "_n")]
                        lens.append(nm + "_n")
                    first = lens[0]
                    for other in lens[1:]:
                        checks.append('    if (%s != NULL && %s != %s)\n        return gidx_error_set(GIDX_EINVAL,'
                                      ' "%s: %s and %s differ in length");' %
                                      (other[:-2], other, first, name, other[:-2], first[:-2]))
                    call_len = first
                    for k in idx[:-1]:
                        call.append(ps[k][1])
                    call.append(call_len)
                else:
                    for k in idx:
                        newp.append(ps[k]); call.append(ps[k][1])
            wname = "gidx_bind_" + name[5:]
            body = "\n".join(checks)
            decl = ", ".join("%s %s" % (t.replace("*", " *"), nm) for t, nm in newp)
            wrappers.append((name, wname, ret, decl, body, ", ".join(call)))
            target = newp
            g, _ = classify(newp, handles)
        for kind, idx in g:
            s = sig(target, idx)
            types = [target[k][0] for k in idx]
            if kind == "OUTBUF":
                ph = ", ".join("%s *OUT%d" % (OUT_T[t], k + 1) for k, t in enumerate(types[:-1]))
                applies.add("(%s, size_t CAP) { (%s) }" % (ph, s))
            elif kind == "OUTBUFN":
                applies.add("(%s *OUTN, size_t CAP, size_t *NEEDED) { (%s) }" % (OUT_T[types[0]], s))
                twopass.append((name, idx, OUT_T[types[0]]))
            elif kind == "STRBUFN":
                applies.add("(char *BUFN, size_t CAP, size_t *NEEDED) { (%s) }" % s)
                twopass.append((name, idx, "char"))
            elif kind == "STRARROUT":
                applies.add("(const char **STRSN, size_t CAP, size_t *NEEDED) { (%s) }" % s)
                twopass.append((name, idx, "const char *"))
            elif kind == "STRBUF":
                applies.add("(char *BUF, size_t CAP) { (%s) }" % s)
            elif kind == "TEXTOUT":
                applies.add("char **TEXT { %s }" % s)
            elif kind == "TEXTOUT_LEN":
                applies.add("(char **TEXT, size_t *LEN) { (%s) }" % s)
            elif kind == "STROUT":
                applies.add("const char **STR { %s }" % s)
            elif kind == "SCALAROUT":
                applies.add("%s *SCALAR { %s }" % (OUT_T[types[0]], s))
            elif kind == "BYTES":
                applies.add("(const char *BYTES, size_t LEN) { (%s) }" % s)
            elif kind == "INMAT":
                applies.add("(const double *MATRIX, size_t NROW, size_t NCOL) { (%s) }" % s)
            elif kind == "INARR":
                applies.add("(const %s *IN, size_t N) { (%s) }" % (
                    IN_T[types[0]] if IN_T[types[0]] != "string" else "char *const", s))
    return D, handles, frees, applies, ignored, wrappers, twopass


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, incdir = argv[1], argv[2]
    D, handles, frees, applies, ignored, wrappers, twopass = generate(incdir)
    free_of = {ps[0][0].rstrip("*"): n for _, _, n, ps in D if n in frees}
    if "--list" in argv[3:]:
        for name, why in ignored:
            print("ignored %s: %s" % (name, why))
        for w in wrappers:
            print("wrapper %s" % w[0])
        return 0
    L = ["/* gidx_api.i: GENERATED by bindings/gen_api.py from the public headers at",
         " * build time; do not edit (see docs/bindings.md). */", ""]
    L.append("/* Opaque handles: every type with a gidx_X_free. The free functions are")
    L.append(" * not wrapped: the target language frees a handle (finalizer, close). */")
    for t in handles:
        L.append("GIDX_HANDLE(%s, %s)" % (t, free_of[t]))
    for f in sorted(frees):
        L.append("%%ignore %s;" % f)
    L.append("")
    L.append("/* Versioned options structs: a new one starts as its _INIT macro. */")
    for s, macro in options_structs(incdir):
        L.append("GIDX_OPTIONS(%s, %s)" % (s, macro))
    L.append("")
    L.append("/* Structs as named lists in R (greenidx.i, GIDX_R_STRUCT_IN/_OUT). */")
    L.extend(r_struct_blocks(D, incdir, ignored))
    L.append("")
    L.append("/* Each parameter group of the headers mapped onto its idiom's typemap. */")
    for a in sorted(applies):
        L.append("%%apply %s;" % a)
    L.append("")
    L.append("/* Size queries: called with capacity 0 first, then with the size needed. */")
    for name, idx, elt in twopass:
        b, c, nd = ("arg%d" % (k + 1) for k in idx)
        L.append("GIDX_TWO_PASS(%s, %s, %s, %s, %s)" % (name, b, c, nd, elt))
    L.append("")
    L.append("/* Functions outside the idioms: wrapped by hand in bindings/<module>.i. */")
    for name, why in ignored:
        L.append("%%ignore %s; /* %s */" % (name, why))
    L.append("")
    L.append("/* Input arrays sharing one length: one length per array, checked. */")
    for name, wname, ret, decl, body, call in wrappers:
        L.append("%%ignore %s;" % name)
        L.append("GIDX_RENAME(%s, %s)" % (wname, name))
        L.append("%%inline %%{\n%s %s(%s)\n{\n%s\n    return %s(%s);\n}\n%%}" %
                 (ret, wname, decl, body, name, call))
        L.append('GIDX_DOC_ALIAS(%s, %s)' % (wname, name))
    L.append("")
    for h in headers(incdir):
        L.append("%%include <greenidx/%s>" % os.path.basename(h))
    text = "\n".join(L) + "\n"
    old = None
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            old = f.read()
    if old != text:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
