# Cross-cutting tests of the Python bindings: handle lifetime (10,000
# create/free cycles with no growth of the resident set), the error path
# (10,000 exceptions), and handles and calls shared across threads with the
# per-thread last-error slot.
#
# Handles: reports (greenidx.Report) are the handle type of the API on main
# whose Python class exists; the data module's Dataset/Table classes can be
# added to CYCLES_BY_NAME when they land.
import gc
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

import greenidx as gi

CYCLES = 10_000
# Each cycle adds a 4 KiB paragraph: a leaked report would cost >= 40 MB
# over 10,000 cycles, 20 times the tolerance. The tolerance absorbs what
# the allocators keep (glibc arenas, pymalloc pools, numpy's cache).
TOLERANCE = 2 * 1024 * 1024
PARAGRAPH = "Bjørnafjorden " * 293   # 4,102 bytes in UTF-8


def rss_bytes():
    """The resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def growth(cycle, n=CYCLES, warmup=1_000):
    """RSS growth over n calls of cycle(), after warm-up calls."""
    for _ in range(warmup):
        cycle()
    gc.collect()
    before = rss_bytes()
    for _ in range(n):
        cycle()
    gc.collect()
    return rss_bytes() - before


def _report_closed():
    with gi.Report("Kvinnherad") as r:
        r.text(PARAGRAPH)
        assert len(r.render("text")) > 4000


def _report_collected():
    # No close(): the SWIG proxy's destructor frees it when the last
    # reference goes.
    r = gi.Report("Kvinnherad")
    r.text(PARAGRAPH)
    r.render("json")


_KEPT = []


def _report_kept():
    # A leak as seen from the process: the reports are never freed.
    r = gi.Report("x")
    r.text(PARAGRAPH)
    _KEPT.append(r)


# 64 x 64 systems: the output array alone is 512 bytes of data, so an array
# or exception leaked per call (numpy.i leaked the output array of a failing
# call before greenidx.i fixed its typemaps) grows the RSS by more than 6 MB
# over 10,000 calls, three times the tolerance.
_A = np.random.default_rng(1).standard_normal((64, 64)) + 64 * np.eye(64)
_B = np.ones(64)
_SINGULAR = np.ones((64, 64))


def _solve_and_fail():
    gi.solve(_A, _B)
    try:
        gi.solve(_SINGULAR, _B)
    except gi.SingularError:
        pass


CYCLES_BY_NAME = {"report_closed": _report_closed,
                  "report_collected": _report_collected,
                  "report_kept": _report_kept,
                  "solve_and_fail": _solve_and_fail}


def measured_growth(name, warmup=1_000):
    """growth() of a cycle, measured in a fresh interpreter: memory freed
    earlier in this process (by other tests, by pytest) would otherwise be
    reused by a leak without any growth of the RSS."""
    out = subprocess.run([sys.executable, __file__, name, str(warmup)],
                         capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert out.returncode == 0, out.stderr
    return int(out.stdout.split()[-1])


@pytest.mark.skipif(bool(os.environ.get("GIDX_UNDER_ASAN")),
                    reason="ASan's quarantine holds freed memory, so resident size grows "
                           "without a leak; ASan's own checks run instead")
@pytest.mark.parametrize("name", ["report_closed", "report_collected", "solve_and_fail"])
def test_cycles_do_not_grow_memory(name):
    g = measured_growth(name)
    assert g < TOLERANCE, "%s: RSS grew by %d bytes over %d cycles" % (name, g, CYCLES)


def test_leak_detector_detects_a_leak():
    # The measure must be able to fail: 10,000 reports never freed.
    assert measured_growth("report_kept", warmup=0) > 10 * TOLERANCE


def test_use_after_close_raises_not_crashes():
    r = gi.Report("t")
    r.close()
    with pytest.raises(ValueError):
        r.render()
    r.close()   # closing twice is harmless


THREADS = 8
ROUNDS = 300


def test_errors_carry_the_raising_threads_message(tmp_path):
    # Each thread provokes errors whose messages name that thread's own
    # input (its NaN cell, its missing folder) while the others do the
    # same: the per-thread error slot must never hand a thread another's.
    failures = []
    start = threading.Barrier(THREADS)

    def work(k):
        n = k + 1
        a = np.eye(n)
        a[k, k] = np.nan
        missing = tmp_path / ("missing_%d" % k) / "x.txt"
        start.wait()
        for _ in range(ROUNDS):
            try:
                gi.solve(a, np.ones(n))
                failures.append((k, "no DataError"))
            except gi.DataError as e:
                if "A[%d][%d]" % (k, k) not in str(e) or e.code != -5:
                    failures.append((k, str(e)))
            try:
                gi.write_file(missing, "x")
                failures.append((k, "no FileError"))
            except gi.FileError as e:
                if "missing_%d/" % k not in str(e):
                    failures.append((k, str(e)))
            code, message = gi.last_error()
            if code != -3 or "missing_%d/" % k not in message:
                failures.append((k, "last_error: %r" % ((code, message),)))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_a_handle_shared_across_threads():
    # A report read (rendered) from many threads at once gives every thread
    # the same document; it is freed once, after the last thread.
    r = gi.Report("Delt")
    r.text(PARAGRAPH)
    expected = r.render("html")
    results = []
    lock = threading.Lock()

    def work():
        mine = [r.render("html") == expected for _ in range(50)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == THREADS * 50 and all(results)
    r.close()


if __name__ == "__main__":
    # Child interpreter of measured_growth(): print the RSS growth in bytes.
    print(growth(CYCLES_BY_NAME[sys.argv[1]], warmup=int(sys.argv[2])))
