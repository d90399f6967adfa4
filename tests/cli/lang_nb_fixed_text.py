#!/usr/bin/python3
# libgreenidx - `--lang nb` output holds none of the English fixed strings of
# the report layer's translation table (libgreenidx/report/lang.c), read
# through the public API (gidx_lang_nstrings, gidx_lang_string) of the built
# library. The same rule as tests/check_report.c (test_lang_nb_no_english),
# applied to reports the command writes: each literal run of an English string
# between its printf conversions, trimmed, with at least 3 letters, must not
# occur as a whole word (letters, digits, '_' around it, a '/' or "--" before
# it do not count as a boundary: paths and command-line options stay as they
# are). Strings equal in both languages ("region", "status") are skipped.
# JSON: its prose only (title, caption, text, columns, rows, label, unit);
# HTML: the text between the tags. The `greenidx fetch ...` commands of the
# missing-indicators table are commands and stay as they are in every
# language (docs/report.md, "Languages"; e.g. "--source all"): each is taken
# out, up to the ';', '(' or line end that closes it, before the check.
#
# usage: lang_nb_fixed_text.py LIBGREENIDX.so FILE...   (exit 1 naming the hit)
# SPDX-License-Identifier: GPL-3.0-or-later
import ctypes
import json
import re
import sys


def fixed_strings(lib_path):
    lib = ctypes.CDLL(lib_path)
    lib.gidx_lang_nstrings.restype = ctypes.c_size_t
    lib.gidx_lang_string.restype = ctypes.c_char_p
    lib.gidx_lang_string.argtypes = [ctypes.c_size_t, ctypes.c_char_p]
    out = []
    for i in range(lib.gidx_lang_nstrings()):
        en = lib.gidx_lang_string(i, b"en").decode("utf-8")
        nb = lib.gidx_lang_string(i, b"nb").decode("utf-8")
        if en == nb:
            continue
        for run in re.split(r"%[zl]*.", en):
            s = run.lstrip(" .;:,(").rstrip(" .;:,(=")
            if sum(c.isascii() and c.isalpha() for c in s) >= 3:
                out.append((i, s))
    return out


def has_word(text, word):
    start = 0
    while True:
        p = text.find(word, start)
        if p < 0:
            return False
        b = text[p - 1] if p > 0 else " "
        a = text[p + len(word)] if p + len(word) < len(text) else " "
        inner = lambda ch: ord(ch) >= 0x80 or ch == "_" or ch.isalnum()
        wb = not (inner(b) or b == "/" or (b == "-" and p >= 2 and text[p - 2] == "-"))
        wa = not inner(a)
        if wb and wa:
            return True
        start = p + len(word)


def prose(v, key=None, out=None):
    out = [] if out is None else out
    if isinstance(v, str):
        if key in (None, "title", "caption", "text", "columns", "rows", "label", "unit"):
            out.append(v)
    elif isinstance(v, list):
        for x in v:
            prose(x, key, out)
    elif isinstance(v, dict):
        for k, x in v.items():
            prose(x, k, out)
    return out


def main():
    strings = fixed_strings(sys.argv[1])
    assert len(strings) > 100, len(strings)
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        if path.endswith(".json"):
            doc = json.loads(text)
            assert doc.get("lang") == "nb", (path, doc.get("lang"))
            text = "\n".join(prose(doc.get("title"), "title") + prose(doc.get("sections")))
        elif path.endswith(".html"):
            text = re.sub(r"<[^>]*>", " ", text)
        text = re.sub(r"greenidx fetch [^;(\n]*", " ", text)
        for i, s in strings:
            if has_word(text, s):
                k = text.find(s)
                print("%s: English fixed text %r (string %d) in the bokmål report: ...%s..."
                      % (path, s, i, text[max(0, k - 60):k + len(s) + 20].replace("\n", " ")))
                sys.exit(1)
    print("%d fixed strings checked in %d files" % (len(strings), len(sys.argv) - 2))


if __name__ == "__main__":
    main()
