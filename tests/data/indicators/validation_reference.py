#!/usr/bin/python3
# Reference values for the hand-made validation panel of check_indicators.c
# (test_validation_hand_panel): Cronbach's alpha with numpy, skewness and
# kurtosis with scipy (bias-corrected G1/G2, as COINr), robust z by hand.
# Run:  /usr/bin/python3 validation_reference.py > validation_reference.txt
import numpy as np
from scipy.stats import kurtosis, skew

# Eight municipalities (codes 9901..9908), one year (2020).
a = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0])     # pillar p, higher_better
b = np.array([2.0, 1.0, 4.0, 3.0, 6.0, 5.0, 8.0, 9.0])     # pillar p, higher_better
c = np.array([8.0, 6.0, 7.0, 5.0, 3.0, 4.0, 1.0, 2.0])     # pillar p, lower_better
d = np.array([1.0, 1.2, 0.9, 1.1, 1.0, 0.8, 1.3, 40.0])    # pillar q, context: an outlier

e = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0])     # pillar q, additive; county 99 = 40
f = np.array([10.0, 20.0, 120.0, 30.0, 40.0, 50.0, 60.0, 70.0])  # pillar q, share, max 100

items = np.column_stack([a, b, -c])                          # lower_better negated
k = items.shape[1]
alpha = k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))
print("alpha_p %.17g" % alpha)
print("r_ab %.17g" % np.corrcoef(a, b)[0, 1])
print("r_ac %.17g" % np.corrcoef(a, c)[0, 1])
print("r_bc %.17g" % np.corrcoef(b, c)[0, 1])
print("skew_d %.17g" % skew(d, bias=False))
print("kurt_d %.17g" % kurtosis(d, bias=False))
med = np.median(d)
mad = np.median(np.abs(d - med))
print("z_d_9908 %.17g" % (0.6745 * (d[7] - med) / mad))
print("r_de %.17g" % np.corrcoef(d, e)[0, 1])
print("r_df %.17g" % np.corrcoef(d, f)[0, 1])
print("r_ef %.17g" % np.corrcoef(e, f)[0, 1])
for name, x in (("a", a), ("b", b), ("c", c), ("e", e), ("f", f)):
    print("skew_%s %.17g kurt_%s %.17g" % (name, skew(x, bias=False), name, kurtosis(x, bias=False)))
print("county_sum_rel_e %.17g" % ((e.sum() - 40.0) / 40.0))
