# Reference values for tests/check_ripple.c (closed model) and the Python and
# R tests: Miller & Blair's two-sector table closed with households, with no
# household-to-household purchases (libgreenidx's closed model has a zero
# corner; M&B's sec. 2.5.1 example has 0.05 there). Run with
#   /usr/bin/python3 tests/data/ripple/reference.py
import numpy as np

A = np.array([[0.15, 0.25], [0.20, 0.05]])
hr = np.array([300 / 1000, 500 / 2000])      # labour income / output
hc = np.array([40 / 800, 320 / 800])          # consumption / total labour income
Abar = np.zeros((3, 3))
Abar[:2, :2] = A
Abar[:2, 2] = hc
Abar[2, :2] = hr
Lbar = np.linalg.inv(np.eye(3) - Abar)
np.set_printoptions(precision=12)
print("Lbar =", Lbar.ravel().tolist())
print("type II output multipliers =", Lbar[:2, :2].sum(axis=0).tolist())
