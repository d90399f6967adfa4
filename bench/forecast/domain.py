#!/usr/bin/python3
"""libgreenidx domain benchmark: rolling-origin evaluation on the embedded
Telemark series (ghg_*, employment_*, population). Driven by domain.sh; see
bench/forecast/README.md and docs/forecast.md.

A series enters when every value on its grid is present and positive (sMAPE
and relative errors are meaningless at zero; the county's industry and
energy-supply series have unpublished recent years). For each origin O
(default: 2019 up to the series' last year minus h) the training data are
the years <= O and the test data the h years after it:

- "full history": every year <= O, with the publisher's gaps (GHG: 2009,
  2011, 2013, 2015-...), forecast by greenidx only;
- "gap-free window": the consecutive run of years ending at O (GHG:
  2015..O), forecast by greenidx and by R (ets, auto.arima, thetaf, rwf).

greenidx scores with `greenidx forecast --holdout H` (gidx_fc_accuracy), R
with the same formulas in domain_r.R. Per group and method the table gives
the mean over the evaluation units (series x origin) that every method could
forecast: sMAPE (0-200), MASE and the coverage of the 80 % interval.
"""
import collections
import csv
import math
import os
import subprocess
import sys

GROUPS = [("ghg", "ghg_"), ("employment", "employment_"), ("population", "population")]
METHODS = ["auto", "ets", "ets-both", "arima", "thetas", "theta", "drift", "naive"]


def load(path):
    ser = collections.defaultdict(dict)
    for x in csv.DictReader(open(path)):
        v = float(x["value"]) if x["value"] not in ("", "NA") else math.nan
        ser[(x["variable"], x["region"])][int(x["year"])] = v
    return ser


def group_of(var):
    for g, pre in GROUPS:
        if var.startswith(pre):
            return g
    return None


def units(ser, h, first_origin, last_origin):
    """(unit id, group, full years, window years, test years, values)"""
    out = []
    for (var, reg), d in sorted(ser.items()):
        g = group_of(var)
        if g is None or not all(v > 0 for v in d.values()):  # NaN > 0 is False
            continue
        last = max(d)
        for o in range(first_origin, min(last - h, last_origin) + 1):
            test = [o + k for k in range(1, h + 1)]
            full = [y for y in sorted(d) if y <= o]
            win = [o]
            while win[0] - 1 in d:
                win.insert(0, win[0] - 1)
            if len(full) < 3 or not all(t in d for t in test):
                continue
            out.append(("%s|%s|%d" % (var, reg, o), g, full, win, test, d))
    return out


def write_csv(path, us, key):
    with open(path, "w") as f:
        f.write("series_id,timestamp,value\n")
        for uid, g, full, win, test, d in us:
            for y in (full if key == "full" else win) + test:
                f.write("%s,%d,%r\n" % (uid, y, d[y]))


def run_gx(gx, pin, inp, m, h):
    extra = ["--method", "ets", "--ets-errors", "both"] if m == "ets-both" else ["--method", m]
    cmd = pin + ["/usr/bin/time", "-f", "%U %S", "-o", inp + "." + m + ".time", gx, "forecast",
                 "--input", inp, "--holdout", str(h), "--level", "80", "--threads", "1"] + extra
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 3):
        sys.exit("greenidx forecast failed (%d): %s" % (p.returncode, p.stderr))
    res = {}
    for row in list(csv.reader(p.stdout.splitlines()))[1:]:
        if row[0] != "ALL":
            res[row[0]] = (float(row[2]), float(row[3]), float(row[4]))
    u, s_ = open(inp + "." + m + ".time").read().split()[-2:]
    return res, float(u) + float(s_)


def main():
    tmp, gx, h, first_origin, last_origin = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4]), int(sys.argv[5])
    pin_gx = sys.argv[6].split() if len(sys.argv) > 6 and sys.argv[6] else []
    pin_r = sys.argv[7].split() if len(sys.argv) > 7 and sys.argv[7] else []
    ser = load(os.path.join(tmp, "embedded.csv"))
    us = units(ser, h, first_origin, last_origin)
    full_csv, win_csv = os.path.join(tmp, "full.csv"), os.path.join(tmp, "window.csv")
    write_csv(full_csv, us, "full")
    write_csv(win_csv, us, "window")
    rout = os.path.join(tmp, "r.csv")
    rproc = subprocess.Popen(pin_r + ["nice", "Rscript", os.path.join(os.path.dirname(__file__),
                             "domain_r.R"), win_csv, str(h), rout],
                             stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "r.log"), "w"))
    res = {"full": {}, "window": {}}
    cpu = collections.defaultdict(float)
    for m in METHODS:
        for key, inp in (("full", full_csv), ("window", win_csv)):
            res[key]["greenidx " + m], t = run_gx(gx, pin_gx, inp, m, h)
            cpu["greenidx " + m] += t
    if rproc.wait() != 0:
        sys.exit("R failed: " + open(os.path.join(tmp, "r.log")).read())
    rnames = []
    for row in open(rout):
        if row.startswith("#cpu,"):
            _, m, t = row.strip().split(",")
            cpu[m] += float(t)
            continue
        r = next(csv.reader([row]))
        if r[0] == "series_id":
            continue
        if r[1] not in res["window"]:
            res["window"][r[1]] = {}
            rnames.append(r[1])
        res["window"][r[1]][r[0]] = tuple(float(v) for v in r[2:5])

    def mean3(d, ids):
        v = [d[i] for i in ids]
        return tuple(sum(x[j] for x in v) / len(v) for j in range(3))

    gmeth = ["greenidx " + m for m in METHODS]
    for g, pre in GROUPS:
        gu = [u for u in us if u[1] == g]
        if not gu:
            continue
        ids = [u[0] for u in gu]
        full_ids = [i for i in ids if all(i in res["full"][m] for m in gmeth)]
        win_ids = [i for i in ids if all(i in res["window"][m] for m in gmeth + rnames)]
        origins = sorted({int(i.rsplit("|", 1)[1]) for i in ids})
        nser = len({i.rsplit("|", 1)[0] for i in ids})
        wl = [len(u[3]) for u in gu]
        print("### %s* : %d series, origins %d-%d, h = %d\n" % (pre, nser, origins[0], origins[-1], h))
        print("Full history (with gaps): %d units; gap-free window (%d-%d training years): "
              "%d units.\n" % (len(full_ids), min(wl), max(wl), len(win_ids)))
        print("| method | full: sMAPE | MASE | cov80 | window: sMAPE | MASE | cov80 |")
        print("|---|---|---|---|---|---|---|")
        for m in gmeth + rnames:
            cells = []
            for key, sel in (("full", full_ids), ("window", win_ids)):
                if m in res[key] and sel:
                    s, a, c = mean3(res[key][m], sel)
                    cells += ["%.2f" % s, "%.3f" % a, "%.1f %%" % (100 * c)]
                else:
                    cells += ["–"] * 3
            print("| %s | %s |" % (m, " | ".join(cells)))
        print()
    print("CPU seconds (user + system) over all groups, both designs for greenidx, "
          "the window for R:\n")
    print("| method | CPU s |")
    print("|---|---|")
    for m in gmeth + rnames:
        print("| %s | %.2f |" % (m, cpu[m]))


if __name__ == "__main__":
    main()
