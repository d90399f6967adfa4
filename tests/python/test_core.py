# Core of the Python bindings: version, exceptions carrying the C message,
# a forced GSL failure that raises instead of killing the interpreter.
import re
import subprocess
import sys

import numpy as np
import pytest

import greenidx as gi


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", gi.version())
    major, minor, patch = (int(p) for p in gi.version().split("."))
    assert gi.version_number() == major * 10000 + minor * 100 + patch
    assert gi.__version__ == gi.version()


def test_strerror():
    assert gi.strerror(0) == "success"
    assert gi.strerror(-8) == "singular matrix or design"
    assert gi.strerror(-9999) == "unknown status"


def test_solve_hand_worked():
    # [[2,1],[1,3]] x = [3,5]  ->  x = [0.8, 1.4]  (by hand)
    x = gi.solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
    np.testing.assert_allclose(x, [0.8, 1.4], rtol=0, atol=1e-14)


def test_singular_raises_with_c_message():
    with pytest.raises(gi.SingularError) as info:
        gi.solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    err = info.value
    assert isinstance(err, gi.GreenIdxError)
    assert isinstance(err, ArithmeticError)
    assert err.code == -8
    assert "matrix is singular" in str(err)
    assert gi.last_error() == (-8, str(err))
    # The interpreter lives on and the library still works.
    np.testing.assert_allclose(gi.solve([[4.0]], [2.0]), [0.5])


def test_invalid_data_raises():
    with pytest.raises(gi.DataError) as info:
        gi.solve([[np.nan]], [1.0])
    assert "A[0][0]" in str(info.value)


def test_gsl_failure_does_not_abort_a_fresh_interpreter():
    # In a child interpreter, so that an abort would show as a signal.
    code = ("import greenidx as gi\n"
            "try:\n"
            "    gi.solve([[0.0, 0.0], [0.0, 0.0]], [1.0, 1.0])\n"
            "except gi.SingularError as e:\n"
            "    print('caught', e.code)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "caught -8"


def test_write_file_atomic(tmp_path):
    p = tmp_path / "out.txt"
    gi.write_file(p, "Bjørnafjorden\n")
    assert p.read_text(encoding="utf-8") == "Bjørnafjorden\n"
    with pytest.raises(gi.FileError) as info:
        gi.write_file(tmp_path / "missing" / "x.txt", "x")
    assert "missing/x.txt" in str(info.value)
    assert not (tmp_path / "missing").exists()
