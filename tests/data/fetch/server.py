#!/usr/bin/python3
# libgreenidx - test HTTP server imitating SSB's PxWebApi v2 data endpoint on
# 127.0.0.1 (no test touches the internet).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: server.py PORTFILE [--real] [--log FILE] [--files DIR]
#                             -- binds a free port, writes it to PORTFILE,
#                                serves until SIGTERM. --real: 07459, 13470,
#                                14490 and 07849 from real figures with the
#                                tables' documented parameters checked
#                                (real_tables.py); --log: request paths;
#                                --files: more workbooks to serve by name.
# Routes (under any prefix, e.g. http://127.0.0.1:PORT/v2):
#   /tables/07459/data   recorded SSB answer (ssb_07459_population_by_municipality_2022.json)
#   /tables/05300/data   recorded SSB answer (ssb_05300_jsonstat2.json)
#   /tables/SYNTH/data   JSON-stat 2.0 made from the query: Region x ContentsCode x Tid,
#                        value = int(region) + (year - 2000) / 100, times 2 for
#                        ContentsCode "B" ("*" selects A and B); region 9999 is
#                        confidential ("..").
#                        A region that is not 2 or 4 digits gets HTTP 400.
#   /tables/RATE/data    HTTP 429 with Retry-After: 1 on the first request of a
#                        URL, then as SYNTH
#   /tables/EXTRA/data   as SYNTH, plus region 0301 that was not asked for
#   /tables/BOMB/data    a gzip bomb: 512 MiB of spaces, about 0.5 MB compressed
#   /tables/ENDLESS/data a body that never ends
#   /tables/BUSY/data    HTTP 503 always
#   /tables/SLOW/data    waits 3 s, then as SYNTH
#   /tables/TRUNC/data   Content-Length 5000 but 100 bytes, then closes
#   /tables/GARBAGE/data HTTP 200 with an HTML page
#   /tables/*/data       anything else: HTTP 404 with a problem-details message
#   /.../NAME.xlsx       the file NAME.xlsx of this folder or of ../mdir (a workbook download)
#   /count               {"data_requests": N}: data requests served so far
import json
import os
import sys
import threading
import zlib
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDED = {
    "07459": "ssb_07459_population_by_municipality_2022.json",
    "05300": "ssb_05300_jsonstat2.json",
}
lock = threading.Lock()
state = {"count": 0, "seen": set(), "real": False, "log": None, "files": None}


def slice_regions(body, params):
    """A recorded answer cut to the regions the query names, as SSB answers
    (the recorded files hold every municipality of one year). A region the
    recording lacks is answered as SSB marks unavailable data: value null,
    status "..", never a made-up number."""
    asked = [c for c in params.get("valueCodes[Region]", "").split(",") if c]
    d = json.loads(body)
    if not asked or "*" in asked or "Region" not in d.get("id", []):
        return body
    ri = d["id"].index("Region")
    cat = d["dimension"]["Region"]["category"]
    idx = cat["index"]
    if isinstance(idx, list):
        idx = {c: i for i, c in enumerate(idx)}
    prefixed = {c[2:]: c for c in idx if c.startswith("K-")}
    present = [c for c in sorted(idx, key=idx.get)
               if c in asked or (c.startswith("K-") and c[2:] in asked)]
    absent = [c for c in asked if c not in idx and c not in prefixed]
    codes = present + absent
    size = d["size"]
    new_size = list(size)
    new_size[ri] = len(codes)
    old_status = d.get("status") or {}
    old_values = d["value"]
    values, status = [], {}
    total = 1
    for n in new_size:
        total *= n
    for flat in range(total):
        rest, pos = flat, [0] * len(new_size)
        for k in range(len(new_size) - 1, -1, -1):
            pos[k] = rest % new_size[k]
            rest //= new_size[k]
        code = codes[pos[ri]]
        if code not in idx:
            status[str(len(values))] = ".."
            values.append(None)
            continue
        pos[ri] = idx[code]
        old = 0
        for k in range(len(size)):
            old = old * size[k] + pos[k]
        if isinstance(old_status, dict) and str(old) in old_status:
            status[str(len(values))] = old_status[str(old)]
        values.append(old_values[old] if isinstance(old_values, list) else old_values.get(str(old)))
    labels = cat.get("label", {})
    cat["index"] = {c: n for n, c in enumerate(codes)}
    cat["label"] = {c: labels.get(c, c) for c in codes}
    d["size"], d["value"] = new_size, values
    if status:
        d["status"] = status
    return json.dumps(d).encode("utf-8")


def synth(params):
    regions = params.get("valueCodes[Region]", "").split(",")
    years = params.get("valueCodes[Tid]", "").split(",")
    contents = params.get("valueCodes[ContentsCode]", "A").split(",")
    if contents == ["*"]:
        contents = ["A", "B"]
    for r in regions:
        if not (r.isdigit() and len(r) in (2, 4)):
            return 400, {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                         "title": "Bad Request", "status": 400,
                         "detail": "Non-existent value '%s' for variable Region" % r}
    prefix = "K-" if params.get("codelist[Region]", "").startswith("agg_") else ""
    values, status = [], {}
    for r in regions:
        for c in contents:
            for y in years:
                if r == "9999":
                    status[str(len(values))] = ".."
                    values.append(None)
                else:
                    v = int(r) + (int(y) - 2000) / 100.0
                    values.append(2 * v if c == "B" else v)
    ds = {
        "version": "2.0", "class": "dataset",
        "label": "SYNTH: synthetic test table",
        "source": "libgreenidx test server",
        "updated": "2025-03-14T07:00:00Z",
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [len(regions), len(contents), len(years)],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {"label": "region", "category": {
                "index": {prefix + r: i for i, r in enumerate(regions)},
                "label": {prefix + r: "Region " + r for r in regions}}},
            "ContentsCode": {"label": "statistikkvariabel", "category": {
                "index": {c: i for i, c in enumerate(contents)},
                "label": {c: "Variable " + c for c in contents}}},
            "Tid": {"label": "år", "category": {
                "index": {y: i for i, y in enumerate(years)},
                "label": {y: y for y in years}}},
        },
        "extension": {"px": {"tableid": "SYNTH"}},
        "value": values,
    }
    if status:
        ds["status"] = status
    return 200, ds


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="application/json; charset=UTF-8", extra=None):
        if not isinstance(body, bytes):
            body = json.dumps(body).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = urlsplit(self.path)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        segs = parts.path.rstrip("/").split("/")
        if segs[-1] == "count":
            with lock:
                n = state["count"]
            return self.send(200, {"data_requests": n})
        if parts.path.endswith(".xlsx"):
            # a workbook download (Miljødirektoratet's statistics), by file name
            fn = os.path.join(HERE, os.path.basename(parts.path))
            if not os.path.isfile(fn):   # the workbooks of tests/data/mdir/
                fn = os.path.join(HERE, "..", "mdir", os.path.basename(parts.path))
            if not os.path.isfile(fn) and state["files"]:   # --files DIR
                fn = os.path.join(state["files"], os.path.basename(parts.path))
            with lock:
                state["count"] += 1
            if not os.path.isfile(fn):
                return self.send(404, b"Not Found", "text/plain")
            with open(fn, "rb") as f:
                return self.send(200, f.read(), "application/vnd.openxmlformats-officedocument."
                                 "spreadsheetml.sheet")
        if len(segs) < 3 or segs[-1] != "data" or segs[-3] != "tables":
            return self.send(404, {"title": "Not Found", "status": 404,
                                   "detail": "No such endpoint: " + parts.path})
        table = segs[-2]
        with lock:
            if state["log"]:
                with open(state["log"], "a", encoding="utf-8") as f:
                    f.write(self.path + "\n")
            state["count"] += 1
            first = self.path not in state["seen"]
            state["seen"].add(self.path)
        try:
            if state["real"] and table in ("07459", "13470", "14490", "07849", "13563", "09391"):
                import real_tables
                return self.send(*real_tables.answer(table, params))
            if table in RECORDED:
                with open(os.path.join(HERE, RECORDED[table]), "rb") as f:
                    return self.send(200, slice_regions(f.read(), params))
            if table == "SYNTH":
                return self.send(*synth(params))
            if table == "RATE":
                if first:
                    return self.send(429, {"title": "Too Many Requests", "status": 429,
                                           "detail": "Rate limit exceeded"},
                                     extra={"Retry-After": "1"})
                return self.send(*synth(params))
            if table == "BOMB":
                # a gzip bomb: 512 MiB of spaces, about 0.5 MB on the wire
                if "bomb" not in state:
                    z = zlib.compressobj(9, zlib.DEFLATED, 31)
                    chunk = b" " * (1 << 20)
                    state["bomb"] = b"".join(z.compress(chunk) for _ in range(512)) + z.flush()
                return self.send(200, state["bomb"], extra={"Content-Encoding": "gzip"})
            if table == "ENDLESS":
                # a body that never ends (no Content-Length; HTTP/1.0 closes)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                chunk = b"[" + b"0," * (1 << 19)
                try:
                    while True:
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return None
            if table == "EXTRA":
                # a lying server: the asked regions plus Oslo (0301)
                extra = dict(params)
                extra["valueCodes[Region]"] = params.get("valueCodes[Region]", "") + ",0301"
                return self.send(*synth(extra))
            if table == "BUSY":
                return self.send(503, b"Service Unavailable", "text/plain")
            if table == "SLOW":
                time.sleep(3)
                return self.send(*synth(params))
            if table == "TRUNC":
                with open(os.path.join(HERE, RECORDED["07459"]), "rb") as f:
                    data = f.read(100)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "5000")
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()
                self.close_connection = True
                return None
            if table == "GARBAGE":
                return self.send(200, b"<html><body>maintenance</body></html>", "text/html")
            return self.send(404, {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                                   "title": "Not Found", "status": 404,
                                   "detail": "No table with id " + table})
        except (BrokenPipeError, ConnectionResetError):
            return None


def main():
    # --real: tables 07459, 13470, 14490 and 07849 answer with real figures
    # after checking the query's parameters (real_tables.py); --log FILE
    # appends every data request's path and query.
    if "--real" in sys.argv:
        state["real"] = True
        sys.path.insert(0, HERE)
    if "--log" in sys.argv:
        state["log"] = sys.argv[sys.argv.index("--log") + 1]
    if "--files" in sys.argv:
        state["files"] = sys.argv[sys.argv.index("--files") + 1]
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.replace(tmp, sys.argv[1])
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
