# Card & Krueger (1994), table 3, from the public-use file card.csv:
# FTE = empft + nmgrs + 0.5 emppt; the six permanently closed stores have 0
# in wave 2 in the file; the four temporarily closed ones (status2 2, 4, 5)
# are missing in wave 2, or 0 in row 5. Prints each state's change in mean
# FTE with the standard error of a mean of changes (s / sqrt(n)), and the
# difference NJ - PA with sqrt(se_NJ^2 + se_PA^2), the unequal-variance
# (Welch) standard error that CR2 reproduces for the 2x2 DiD on a balanced
# panel (tests/check_effects.c, test_did_card_krueger). Run from the
# repository root: /usr/bin/python3 tests/data/effects/card_reference.py
import os

import numpy as np
import pandas as pd

d = pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "card.csv"))
d["f1"] = d.empft + d.nmgrs + 0.5 * d.emppt
d["f2"] = d.empft2 + d.nmgrs2 + 0.5 * d.emppt2


def row(e, label):
    b = e.dropna(subset=["f1", "f2"])
    ch = b.f2 - b.f1
    nj, pa = ch[b.state == 1], ch[b.state == 0]
    se_nj, se_pa = nj.std() / np.sqrt(len(nj)), pa.std() / np.sqrt(len(pa))
    print(f"{label}: NJ {nj.mean():.4f} ({se_nj:.4f}, n = {len(nj)}), PA {pa.mean():.4f} "
          f"({se_pa:.4f}, n = {len(pa)}), NJ - PA {nj.mean() - pa.mean():.6f} "
          f"({np.hypot(se_nj, se_pa):.10f})")


row(d, "row 4, balanced sample")
e = d.copy()
e.loc[e.status2.isin([2, 4, 5]), "f2"] = 0.0
row(e, "row 5, temporarily closed = 0")
# row 3: changes in means over all available observations
for st, name in ((1, "NJ"), (0, "PA")):
    s = d[d.state == st]
    a, b = s.f1.dropna(), s.f2.dropna()
    print(f"row 3 {name}: {a.mean():.4f} ({a.std() / np.sqrt(len(a)):.4f}) -> {b.mean():.4f} "
          f"({b.std() / np.sqrt(len(b)):.4f}), change {b.mean() - a.mean():.4f}")
