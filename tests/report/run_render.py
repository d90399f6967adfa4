#!/usr/bin/python3
# Runs `greenidx report --format html` on the embedded data into a temporary
# directory, then renders the page in headless Chromium and checks the charts
# (check_html_render.py). Usage: run_render.py GREENIDX
import os
import pathlib
import subprocess
import sys
import tempfile

here = pathlib.Path(__file__).resolve().parent
exe = sys.argv[1]
with tempfile.TemporaryDirectory(prefix="gidx-report-") as d:
    r = subprocess.run([exe, "report", "--format", "html", "--quiet", "--out", d],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        sys.exit(f"FAIL: greenidx report exited {r.returncode}: {r.stderr[-2000:]}")
    pages = list(pathlib.Path(d).glob("*.html"))
    if len(pages) != 1:
        sys.exit(f"FAIL: expected one HTML file in --out, found {[p.name for p in pages]}")
    shot = os.environ.get("GIDX_REPORT_SCREENSHOT")
    args = [sys.executable, str(here / "check_html_render.py"), str(pages[0])]
    if shot:
        args.append(shot)
    sys.exit(subprocess.run(args).returncode)
