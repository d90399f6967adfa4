#!/usr/bin/python3
# Renders a libgreenidx HTML report in headless Chromium (Debian `chromium`),
# takes a full-page screenshot and checks that the charts are present and
# non-empty: the DOM after rendering holds the expected <svg> charts, and the
# screenshot contains the charts' own colours (observed-series line, forecast
# bands, heatmap palette, ranking dots) in visible amounts.
# Usage: check_html_render.py REPORT.html [SCREENSHOT.png]
import os
import re
import shutil
import subprocess
import sys
import tempfile

from PIL import Image

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(c)
        if p:
            return p
    sys.exit("FAIL: chromium not found (Debian package 'chromium')")


def run(args, timeout=120):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout)


def main():
    html = os.path.abspath(sys.argv[1])
    shot = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="gidx-chromium-")
    try:
        exe = chromium()
        flags = CHROMIUM_FLAGS + ["--user-data-dir=" + os.path.join(tmp, "profile")]
        dom = run([exe] + flags + ["--dump-dom", "file://" + html]).stdout
        svgs = re.findall(r'<svg[^>]*class="gidx-chart ([a-z-]+)"', dom)
        kinds = set(svgs)
        print(f"rendered DOM: {len(svgs)} charts ({', '.join(sorted(kinds))})")
        for k in ("gidx-fan", "gidx-ranking", "gidx-heatmap"):
            if k not in kinds:
                sys.exit(f"FAIL: no {k} chart in the rendered page")
        if "<script" in dom:
            sys.exit("FAIL: the page contains a script")
        png = os.path.join(tmp, "shot.png")
        # Tall window: the whole report in one screenshot.
        height = min(30000, 1200 + 450 * len(svgs))
        r = run([exe] + flags + [f"--window-size=1200,{height}", "--screenshot=" + png,
                                 "file://" + html])
        if not os.path.exists(png):
            sys.exit("FAIL: chromium made no screenshot: " + r.stderr[-2000:])
        img = Image.open(png).convert("RGB")
        w, h = img.size
        small = img.resize((w // 2, h // 2))
        colours = small.getcolors(maxcolors=1 << 20) or []
        count = {c: n for n, c in colours}
        nonwhite = sum(n for n, c in colours if c != (255, 255, 255))

        def near(rgb, tol=40):
            return sum(n for c, n in count.items()
                       if all(abs(a - b) <= tol for a, b in zip(c, rgb)))

        checks = {
            "observed series (#1b3a5c)": near((27, 58, 92), 25),
            "forecast band (#1f77b4 blended)": near((196, 218, 236), 30),
            "heatmap best (#4575b4)": near((69, 117, 180), 30),
            "heatmap worst (#d73027)": near((215, 48, 39), 40),
        }
        print(f"screenshot {w}x{h}: {nonwhite} non-white pixels (at half size)")
        for k, v in checks.items():
            print(f"  {k}: {v} pixels")
        if nonwhite < 5000:
            sys.exit("FAIL: the screenshot is (almost) blank")
        missing = [k for k, v in checks.items() if v < 20]
        if missing:
            sys.exit("FAIL: chart colours not visible: " + ", ".join(missing))
        if shot:
            shutil.copy(png, shot)
        print("PASS: report renders with non-empty charts")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
